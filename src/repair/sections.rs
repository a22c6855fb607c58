//! The Roman numerals of a document's top-level sections, read in sequence
//! after decoding.
//!
//! A section heading opens its line with a Roman numeral, a dot and a
//! heading in capitals (`II. NỘI DUNG`), and the numerals run I, II, III, …
//! OCR merges, drops and misreads their strokes (`Il.`, `U.`, `Hi.`, `fl.`,
//! and a `II.` for `III.` right after a `II.`), which no single line can
//! tell. Read in order, each heading is the next numeral unless it clearly
//! says otherwise: a valid numeral that is not a repeat of the previous one
//! is kept (sections may be skipped, and an attached regulation starts again
//! at `I.`); a repeat one stroke short of the next numeral, or a marker that
//! is no numeral at all, becomes the next numeral. OCR's `1.` for the first
//! `I.` becomes `I.` when the next heading reads `II.`.
//!
//! The period after an item's number is read here too ([`item_marks`]):
//! OCR prints it as a comma, semicolon or colon (`2, Phối hợp`, `II;
//! KẾT QUẢ`), and the number's place in the sequence tells an item from a
//! wrapped line of running text that opens with a figure.

use super::codes::capitals_follow;
use super::{Change, Changes};
use crate::text::{roman, Token, TokenKind};

/// Characters OCR prints for the strokes of a Roman numeral. `T` and `M`
/// are left out: `TM.`, `TL.`, `TT.` open signature and recipient lines.
const LOOKALIKES: &[char] = &[
    'I', 'V', 'X', 'l', 'L', '1', '|', 'i', 'v', 'x', 'H', 'U', 'f', 'r', 'Y', '!',
];

/// The last numeral of top-level sections the sequence is read to (`XV`).
const LAST_SECTION: usize = 15;

/// The value of `s` as the numeral of a top-level section (`I` to `XV`).
fn section_value(s: &str) -> Option<usize> {
    roman::value(s).filter(|&v| v <= LAST_SECTION)
}

/// Is `s` one of the numerals of top-level sections (`I` to `XV`)?
pub(super) fn is_numeral(s: &str) -> bool {
    section_value(s).is_some()
}

/// Confidence of a numeral read from its place in the sequence.
const SEQUENCE_CONFIDENCE: f32 = 0.8;

/// A reading `to` (of a token printed `runner_up`) from its place in a
/// sequence.
fn in_sequence(to: String, runner_up: Option<String>) -> Change {
    Change {
        to,
        confidence: SEQUENCE_CONFIDENCE,
        runner_up,
    }
}

/// Rewrites, in `changes`, the numerals of the section headings of
/// `lines` to follow their sequence (see the module documentation).
pub(super) fn renumber(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    let mut prev = 0usize;
    // OCR's `1.` for the first `I.`, until a `II.` says it was one.
    let mut one = None;
    // Whether a heading of the sequence printed a Roman numeral. Once it
    // has, `prev` is at least 1 and `one` is spent (`None`).
    let mut roman = false;
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let Some(ti) = toks.iter().position(|t| t.kind != TokenKind::Space) else {
            continue;
        };
        if !heading_follows(line, toks, ti)
            && !dot_read_before_heading(line, toks, (li, ti), changes)
        {
            continue;
        }
        if toks[ti].kind == TokenKind::Figure {
            let printed = toks[ti].text(line);
            let expected = roman::numeral(prev + 1);
            // OCR's `11.` for `II.`, `111.` for `III.`, among headings
            // numbered in Roman numerals.
            if roman
                && printed.len() == expected.len()
                && printed.bytes().all(|b| b == b'1')
                && expected.bytes().all(|b| b == b'I')
            {
                changes.insert((li, ti), in_sequence(expected, Some(printed.to_owned())));
                prev += 1;
                continue;
            }
            // OCR's `1.` for the first `I.` counts as it; it becomes `I` when
            // the next heading is a Roman `II.`. Any other figure opening a
            // heading in capitals says the headings are numbered in figures.
            if prev == 0 && one.is_none() && printed == "1" {
                prev = 1;
                one = Some((li, ti));
            } else {
                one = None;
            }
            continue;
        }
        if toks[ti].kind != TokenKind::Word {
            continue;
        }
        let printed = toks[ti].text(line);
        if printed.chars().count() > 4 || !printed.chars().all(|c| LOOKALIKES.contains(&c)) {
            continue;
        }
        // `ỦY BAN` with a dot OCR put after `UY` (`UY. BAN KIỂM TRA`, a
        // Party committee's inspection board under its issuer) is no `I.`.
        let next_word = toks.get(ti + 3).map_or("", |t| t.text(line));
        if printed == "UY" && crate::text::viet::skeleton_eq(next_word, "ban") {
            continue;
        }
        // A marker read line by line may have got back its dot.
        let read_so_far = changes.text(line, &toks[ti], (li, ti));
        // The dot a marker printed without one got with its reading.
        let dot = if read_so_far.ends_with('.') { "." } else { "" };
        let now = read_so_far.trim_end_matches('.');
        let value = section_value(now);
        let next = prev + 1;
        if next > LAST_SECTION {
            break;
        }
        let expected = roman::numeral(next);
        let to_next = match value {
            Some(v) if v == next => false,
            // A repeat one stroke short of the next numeral (`II.` after
            // `II.` for `III.`, `I.` after `I.` for `II.`).
            Some(v) if v == prev => expected.len() == now.len() + 1 && expected.starts_with(now),
            Some(_) => false,
            None => true,
        };
        let read = if to_next {
            changes.insert(
                (li, ti),
                in_sequence(format!("{expected}{dot}"), Some(now.to_owned())),
            );
            Some(next)
        } else {
            value
        };
        if let Some(v) = read {
            roman = true;
            if let Some(at) = one.take().filter(|_| v == 2) {
                changes.insert(at, in_sequence("I".to_owned(), Some("1".to_owned())));
            }
            prev = v;
        }
    }
}

/// Reads `1` for OCR's `I`, `L` or `l` opening a line with a dot before a
/// capitalised word in small letters (`I. Kết quả tiếp nhận`, `L. Quy mô
/// trường`), when the next line opening with a number and a dot opens with
/// `2.`: the first item of a list numbered in figures. A section heading's
/// `I.` is followed by capitals, and a `1.` between, or a Roman numeral,
/// leaves it as printed.
pub(super) fn read_item_ones(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    let mut pending = None;
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let Some(ti) = toks.iter().position(|t| t.kind != TokenKind::Space) else {
            continue;
        };
        let dotted = toks
            .get(ti + 1)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.text(line) == ".")
            && toks.get(ti + 2).is_some_and(|t| t.kind == TokenKind::Space);
        let Some(next) = toks
            .get(ti + 3)
            .filter(|t| dotted && t.kind == TokenKind::Word)
            .map(|t| t.text(line))
        else {
            continue;
        };
        match toks[ti].kind {
            TokenKind::Figure => {
                if let Some(at) = pending.take().filter(|_| toks[ti].text(line) == "2") {
                    changes.insert(at, in_sequence("1".to_owned(), None));
                }
            }
            TokenKind::Word => {
                let printed = toks[ti].text(line);
                // (Its second letter small: OCR prints a heading's last
                // capital with a mark in small letters, `CHi`.)
                let mut letters = next.chars().filter(|c| c.is_alphabetic());
                let small = letters.next().is_some_and(char::is_uppercase)
                    && letters.next().is_some_and(char::is_lowercase);
                if matches!(printed, "I" | "L" | "l") && small {
                    pending = Some((li, ti));
                } else if is_numeral(changes.text(line, &toks[ti], (li, ti))) {
                    pending = None;
                }
            }
            _ => {}
        }
    }
}

/// Reads `| 4 |` for OCR's `141` opening a row of a `|` table: the bars
/// around the row's number read as `1`s (`141 Phan Thiết - La Gi | 500 |`).
/// Only where the number is the one after the row above's (`| 3 |`, or
/// such a `131`), or is `1` right under the table's heading, and a
/// capitalised word and a bar follow it on the line. A row numbered `141`
/// follows `140`, and stays.
pub(super) fn read_row_numbers(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    // The number of the table row above, and whether the line above was one
    // of a `|` table.
    let mut last: Option<u32> = None;
    let mut in_table = false;
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let mut solid = toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind != TokenKind::Space);
        let Some((ti, first)) = solid.next() else {
            continue;
        };
        let barred = line.contains('|');
        let text = first.text(line);
        let fused = match text.as_bytes() {
            [b'1', d @ b'1'..=b'9', b'1'] if first.kind == TokenKind::Figure => {
                Some(u32::from(d - b'0'))
            }
            _ => None,
        };
        let cell_follows = toks.get(ti + 2).is_some_and(|t| {
            toks[ti + 1].kind == TokenKind::Space
                && t.kind == TokenKind::Word
                && t.text(line).starts_with(char::is_uppercase)
        });
        if let Some(n) = fused.filter(|_| barred && cell_follows) {
            let follows = match last {
                Some(prev) => prev + 1 == n,
                None => n == 1 && in_table,
            };
            if follows {
                changes.insert((li, ti), in_sequence(format!("| {n} |"), None));
                last = Some(n);
                in_table = true;
                continue;
            }
        }
        // A row's number: the first figure of one or two digits, after the
        // opening bar if there is one.
        let number = if text == "|" {
            solid.next().map(|(_, t)| t)
        } else {
            Some(first)
        }
        .filter(|t| t.kind == TokenKind::Figure && t.text(line).len() <= 2)
        .and_then(|t| t.text(line).parse::<u32>().ok());
        if barred {
            if number.is_some() {
                last = number;
            }
        } else {
            last = None;
        }
        in_table = barred;
    }
}

/// Marks OCR makes of the period after an item's number (`2, Phối hợp`,
/// `1: Tồn tại`, `II; KẾT QUẢ`).
const MARKS_FOR_PERIOD: [&str; 3] = [",", ";", ":"];

/// Per line, the token of the mark OCR made of the period after the number
/// that opens it, when it did: a `,`, `;` or `:` glued to the number, then
/// a space and a capitalised word, where the number is
/// - a Roman numeral (its strokes as OCR prints them: `Il`, `1I`) before a
///   heading in capitals (`II, KẾT QUẢ THỰC HIỆN`), or
/// - a number of one or two digits, in a line with no table rule, that is
///   `1` or one more than the number opening the last numbered line above
///   (`2, Phối hợp` after `1. …`). The sequence keeps a wrapped line of
///   running text that opens with a figure (`… Quốc lộ` / `7, Quốc lộ 48`
///   after `4.`) as printed. Every line opening with a number and a period
///   or one of these marks counts as numbered, in sequence or not: a list
///   whose `1.` OCR garbled reads on from its `2:` (measured: counting only
///   lines in sequence lost such a `3:` and changed nothing else).
///
/// In the held-out truth no line opens with a number and one of these marks
/// before a capitalised word but that wrapped one.
pub(super) fn item_marks(lines: &[String], tokens: &[Vec<Token>]) -> Vec<Option<usize>> {
    let mut prev: Option<u32> = None;
    lines
        .iter()
        .zip(tokens)
        .map(|(line, toks)| {
            let ti = toks.iter().position(|t| t.kind != TokenKind::Space)?;
            let mark = toks
                .get(ti + 1)
                .filter(|t| t.kind == TokenKind::Punct)
                .map(|t| t.text(line))?;
            let next = toks
                .get(ti + 3)
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| t.text(line))
                .filter(|_| toks[ti + 2].kind == TokenKind::Space)?;
            let printed = toks[ti].text(line);
            let misread = MARKS_FOR_PERIOD.contains(&mark) && next.starts_with(char::is_uppercase);
            match toks[ti].kind {
                TokenKind::Figure => {
                    let n: u32 = Some(printed)
                        .filter(|p| p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))?
                        .parse()
                        .ok()?;
                    let follows = n == 1 || prev.is_some_and(|p| p + 1 == n);
                    if !(mark == "." || misread) {
                        return None;
                    }
                    prev = Some(n);
                    (misread && follows && !line.contains('|')).then_some(ti + 1)
                }
                TokenKind::Word => {
                    let read: String = printed
                        .chars()
                        .map(|c| match c {
                            'l' | 'L' | '1' => 'I',
                            c => c,
                        })
                        .collect();
                    (misread && is_numeral(&read) && capitals_follow(next)).then_some(ti + 1)
                }
                _ => None,
            }
        })
        .collect()
}

/// Does a heading in capitals follow the marker at `ti`: a dot, comma or
/// colon glued to it, a space, then a word of two or more letters all in
/// capitals, or of three or more all but the last (OCR prints a capital
/// with a mark in small letters: `CHi` for `CHỈ`)? (Without the mark, `UY
/// BAN` would be one; a marker whose dot OCR lost is read line by line, see
/// [`super::codes::repair_marker`].)
fn heading_follows(line: &str, toks: &[Token], ti: usize) -> bool {
    let at = ti + 2;
    let marked = toks.get(ti + 1).is_some_and(|t| {
        t.kind == TokenKind::Punct && matches!(t.text(line), "." | "," | ":" | ";")
    });
    let spaced = marked && toks.get(at).is_some_and(|t| t.kind == TokenKind::Space);
    spaced && toks.get(at + 1).is_some_and(|t| capitals_word(line, t))
}

/// Is `t` a word of two or more letters all in capitals, or of three or
/// more all but the last (`CHi` for `CHỈ`)?
fn capitals_word(line: &str, t: &Token) -> bool {
    let letters: Vec<char> = t.text(line).chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = |s: &[char]| s.iter().all(|c| c.is_uppercase());
    t.kind == TokenKind::Word
        && (letters.len() >= 2 && capitals(&letters)
            || letters.len() >= 3 && capitals(&letters[..letters.len() - 1]))
}

/// Has the marker at `ti` of line `li`, printed without its dot, been read
/// with one line by line ([`super::codes::repair_marker`]: `IL KẾT QUẢ` →
/// `II. KẾT QUẢ`), a space and a heading in capitals after it, on a line
/// that is no table's (`ILI NVSP ||`)?
fn dot_read_before_heading(
    line: &str,
    toks: &[Token],
    (li, ti): (usize, usize),
    changes: &Changes,
) -> bool {
    !line.contains('|')
        && changes.get((li, ti)).is_some_and(|c| c.to.ends_with('.'))
        && toks.get(ti + 1).is_some_and(|t| t.kind == TokenKind::Space)
        && toks.get(ti + 2).is_some_and(|t| capitals_word(line, t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text;

    /// The numerals `renumber` reads for `lines`, one per heading line.
    fn numerals(lines: &[&str]) -> Vec<String> {
        let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        let tokens: Vec<Vec<Token>> = lines.iter().map(|l| text::tokenize(l)).collect();
        let mut changes = Changes::new(2 * lines.len());
        renumber(&lines, &tokens, &mut changes);
        lines
            .iter()
            .zip(&tokens)
            .enumerate()
            .filter_map(|(li, (l, t))| {
                let ti = t.iter().position(|t| t.kind != TokenKind::Space)?;
                Some(changes.text(l, &t[ti], (li, ti)).to_owned())
            })
            .collect()
    }

    #[test]
    fn damaged_and_repeated_numerals_follow_the_sequence() {
        assert_eq!(
            numerals(&[
                "I. MỤC ĐÍCH",
                "nội dung",
                "I. NỘI DUNG",
                "II. TỔ CHỨC",
                "U. KINH PHÍ",
                "Hi. BÁO CÁO"
            ]),
            ["I", "nội", "II", "III", "IV", "V"]
        );
    }

    #[test]
    fn ones_for_a_numerals_strokes_follow_the_sequence() {
        // OCR's `11.` for `II.` among Roman headings; headings numbered in
        // figures keep theirs.
        assert_eq!(
            numerals(&["I. MỤC ĐÍCH", "11. NỘI DUNG", "lL. TỔ CHỨC"]),
            ["I", "II", "III"]
        );
        assert_eq!(
            numerals(&["1. MỤC ĐÍCH", "2. NỘI DUNG", "11. TỔ CHỨC"]),
            ["1", "2", "11"]
        );
    }

    #[test]
    fn a_marker_read_with_its_dot_counts_in_the_sequence() {
        // `IL KẾT QUẢ`, which the line's own reading gave its dot.
        let lines: Vec<String> = ["1. ĐẶC ĐIỂM", "IL KẾT QUẢ", "IH. ĐÁNH GIÁ", "| ILI NVSP |"]
            .iter()
            .map(|l| l.to_string())
            .collect();
        let tokens: Vec<Vec<Token>> = lines.iter().map(|l| text::tokenize(l)).collect();
        let mut changes = Changes::new(lines.len());
        changes.insert((1, 0), in_sequence("II.".to_owned(), Some("IL".to_owned())));
        changes.insert(
            (3, 2),
            in_sequence("III.".to_owned(), Some("ILI".to_owned())),
        );
        renumber(&lines, &tokens, &mut changes);
        let read = |li: usize, ti: usize| changes.text(&lines[li], &tokens[li][ti], (li, ti));
        assert_eq!(
            [read(0, 0), read(1, 0), read(2, 0), read(3, 2)],
            ["I", "II.", "III", "III."]
        );
    }

    #[test]
    fn valid_numerals_that_say_otherwise_stay() {
        // A skipped section, a new part starting again, body lines, a
        // signature's authority form, a figure.
        assert_eq!(
            numerals(&[
                "I. MỤC ĐÍCH",
                "III. NỘI DUNG",
                "I. QUY ĐỊNH CHUNG",
                "Il nội dung",
                "UY BAN NHÂN DÂN",
                "UY. BAN KIỂM TRA",
                "TM. ỦY BAN NHÂN DÂN",
                "1. MỤC TIÊU",
                "Hi. CÁC BƯỚC",
            ]),
            ["I", "III", "I", "Il", "UY", "UY", "TM", "1", "II"]
        );
        // A heading word whose last capital OCR printed small (`CHi`).
        assert_eq!(
            numerals(&["I. MỤC ĐÍCH", "II. PHƯƠNG THỨC", "II. CHi TIEU", "IV. LỊCH"]),
            ["I", "II", "III", "IV"]
        );
        // A word of two letters, one small, is no heading in capitals.
        assert_eq!(
            numerals(&["I. A B", "II. CÁC", "II. Kế"]),
            ["I", "II", "II"]
        );
        // `I.` after `II.` is no repeat one stroke short: it stays.
        assert_eq!(numerals(&["I. A B", "II. CÁC", "I. QUY"]), ["I", "II", "I"]);
        // OCR's `1.` for the first section counts as `I.`, and is one when
        // a Roman `II.` follows it; not when figures number the headings.
        assert_eq!(numerals(&["1. MỤC ĐÍCH", "Hi. NỘI DUNG"]), ["I", "II"]);
        assert_eq!(numerals(&["1. MỤC ĐÍCH", "nội dung"]), ["1", "nội"]);
        assert_eq!(
            numerals(&["1. MỤC ĐÍCH", "2. NỘI DUNG", "II. TỔ CHỨC"]),
            ["1", "2", "II"]
        );
    }

    /// The first token of each line of `lines` after `reader`.
    fn first_tokens(
        reader: fn(&[String], &[Vec<Token>], &mut Changes),
        lines: &[&str],
    ) -> Vec<String> {
        let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        let tokens: Vec<Vec<Token>> = lines.iter().map(|l| text::tokenize(l)).collect();
        let mut changes = Changes::new(2 * lines.len());
        reader(&lines, &tokens, &mut changes);
        lines
            .iter()
            .zip(&tokens)
            .enumerate()
            .map(|(li, (l, t))| changes.text(l, &t[0], (li, 0)).to_owned())
            .collect()
    }

    /// The first token of each line after `read_item_ones`.
    fn item_ones(lines: &[&str]) -> Vec<String> {
        first_tokens(read_item_ones, lines)
    }

    #[test]
    fn a_first_item_before_a_two_reads_one() {
        assert_eq!(
            item_ones(&["I. Kết quả tiếp nhận", "nội dung", "2. Tồn tại"]),
            ["1", "nội", "2"]
        );
        assert_eq!(item_ones(&["L. Quy mô", "2. Kết quả"]), ["1", "2"]);
        // A heading in capitals (its last letter printed small), a `1.`
        // between, a Roman numeral between, or no `2.`: as printed.
        assert_eq!(item_ones(&["I. CHi TIÊU", "2. Nội dung"]), ["I", "2"]);
        assert_eq!(
            item_ones(&["I. Mục đích", "1. Nội dung", "2. Yêu cầu"]),
            ["I", "1", "2"]
        );
        assert_eq!(
            item_ones(&["I. Mục đích", "II. Nội dung", "2. Yêu cầu"]),
            ["I", "II", "2"]
        );
        assert_eq!(item_ones(&["I. Mục đích", "nội dung"]), ["I", "nội"]);
    }

    #[test]
    fn a_row_number_between_bars_read_as_ones_gets_its_bars_back() {
        let read = |lines: &[&str]| first_tokens(read_row_numbers, lines);
        assert_eq!(
            read(&[
                "| TT | Địa bàn | Số hộ |",
                "111 Xã An | 46 |",
                "| 2 | Xã Bình | 38 |",
                "131 Xã Cát | 12 |",
            ]),
            ["|", "| 1 |", "|", "| 3 |"]
        );
        // Out of sequence, outside a table, or no cell after: as printed.
        assert_eq!(
            read(&["| 140 | Xã An | 46 |", "141 Xã Bình | 38 |"]),
            ["|", "141"]
        );
        assert_eq!(read(&["Đã cấp", "111 Giấy phép | 3 |"]), ["Đã", "111"]);
        assert_eq!(read(&["| 1 | A |", "121 hộ | 3 |"]), ["|", "121"]);
    }

    /// The marks `item_marks` finds in `lines`, as (line, mark) pairs.
    fn marks(lines: &[&str]) -> Vec<(usize, String)> {
        let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        let tokens: Vec<Vec<Token>> = lines.iter().map(|l| text::tokenize(l)).collect();
        item_marks(&lines, &tokens)
            .into_iter()
            .enumerate()
            .filter_map(|(li, ti)| Some((li, tokens[li][ti?].text(&lines[li]).to_owned())))
            .collect()
    }

    #[test]
    fn a_mark_after_an_item_number_in_sequence_is_its_period() {
        assert_eq!(
            marks(&[
                "II, KẾT QUẢ THỰC HIỆN",
                "1: Tồn tại, hạn chế",
                "2, Phối hợp chặt chẽ với các xã;",
                "3. Xử lý nghiêm các vi phạm",
                "4; Giải quyết dứt điểm",
                "Il: KHÓ KHĂN, VƯỚNG MẮC",
            ]),
            [
                (0, ",".to_owned()),
                (1, ":".to_owned()),
                (2, ",".to_owned()),
                (4, ";".to_owned()),
                (5, ":".to_owned()),
            ]
        );
    }

    #[test]
    fn a_figure_out_of_sequence_or_in_a_table_keeps_its_mark() {
        // Each case after the number it would follow, so that only its own
        // condition keeps its mark.
        // A wrapped line of running text opening with a figure.
        assert!(marks(&[
            "1. Chủ tịch UBND các huyện:",
            "2. Bộ Chỉ huy hỗ trợ Quốc lộ",
            "7, Quốc lộ 48"
        ])
        .is_empty());
        // A table's row.
        assert!(marks(&["1. Sở Nội vụ | 10 | 12", "2, Sở Y tế | 12 | 15"]).is_empty());
        // A small word after the mark.
        assert!(marks(&["1. Chủ tịch UBND các huyện:", "2, các xã còn lại"]).is_empty());
        // A Roman numeral before no heading in capitals.
        assert!(marks(&["II, Kết quả"]).is_empty());
        // A number of three digits.
        assert!(marks(&["001, Trạm y tế"]).is_empty());
    }
}
