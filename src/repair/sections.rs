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
//! is no numeral at all, becomes the next numeral. A numeral going back that
//! lacks only `I` strokes of the next (`I.` after `II.` for `III.`) becomes
//! it too, unless the heading after it reads otherwise (a part starting
//! again goes on to `II.`). OCR's `1.` for the first `I.` becomes `I.` when
//! the next heading reads `II.`, and a run of ones (`1.`, `1.`, `11.`)
//! becomes the numerals before the Roman one that goes on from it (`IV.`).
//!
//! The heading is the words in capitals after the marker, as read so far
//! (`Il. T6 CHUC` is `TỔ CHỨC`; a word OCR printed with one letter needs a
//! second in capitals, as `T6 chức` opens a sentence). The marker's mark
//! becomes a dot and a space where OCR misread it (`H,`, `Il].`, `v.TỔ`);
//! a marker printed without one (`L KẾT QUẢ`, `HL KIẾN NGHỊ`) counts only
//! as the very next numeral, and gets its dot.
//!
//! The period after an item's number is read here too ([`item_marks`]):
//! OCR prints it as a comma, semicolon or colon (`2, Phối hợp`, `II;
//! KẾT QUẢ`), and the number's place in the sequence tells an item from a
//! wrapped line of running text that opens with a figure.

use super::codes::{capitals_follow, ends_with_table_figure};
use super::{Change, Changes};
use crate::text::{roman, Token, TokenKind};

/// Characters OCR prints for the strokes of a Roman numeral. `T` and `M`
/// are left out: `TM.`, `TL.`, `TT.` open signature and recipient lines.
const LOOKALIKES: &[char] = &[
    'I', 'V', 'X', 'l', 'L', '1', '|', 'i', 'v', 'x', 'H', 'U', 'f', 'r', 'Y', '!',
];

/// The [`LOOKALIKES`] a marker printed without its mark may be made of:
/// those that spell no word alone.
const BARE_LOOKALIKES: &[char] = &['I', 'V', 'X', 'l', 'L', '1', '|', 'H', '!'];

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
pub(super) fn in_sequence(to: String, runner_up: Option<String>) -> Change {
    Change {
        to,
        confidence: SEQUENCE_CONFIDENCE,
        runner_up,
    }
}

/// A line's opening token that may number a section heading in capitals.
#[derive(Debug)]
struct Marker {
    /// Line and token of the marker.
    at: (usize, usize),
    /// The marker as read so far, its dot trimmed (`Il` read `II`).
    now: String,
    /// `now` with its small letters and the strokes OCR prints for `I`
    /// read as capitals (`Iv` is `IV`, `ll` is `II`).
    strokes: String,
    /// Whether its reading so far ends with a dot.
    dot: bool,
    /// The mark glued after it (`.`, `,`, `].`): its token, and whether a
    /// space follows it (`v.TỔ` has none).
    mark: Option<(usize, bool)>,
    /// A figure (`1.`, `11.`), not a word of look-alikes.
    figure: bool,
}

impl Marker {
    /// Printed without a mark or a dot read for it: `L KẾT QUẢ`.
    fn bare(&self) -> bool {
        self.mark.is_none() && !self.dot
    }

    /// The section numeral its reading so far is.
    fn value(&self) -> Option<usize> {
        section_value(&self.strokes)
    }
}

/// Rewrites, in `changes`, the numerals of the section headings of
/// `lines` to follow their sequence (see the module documentation).
pub(super) fn renumber(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    let markers: Vec<Marker> = lines
        .iter()
        .zip(tokens)
        .enumerate()
        .filter_map(|(li, (line, toks))| marker_of(line, toks, li, changes))
        .collect();
    let mut prev = 0usize;
    // OCR's `1.` for the first `I.`, until a `II.` says it was one.
    let mut one = None;
    // Whether a heading of the sequence printed a Roman numeral. Once it
    // has, `prev` is at least 1 and `one` is spent (`None`).
    let mut roman = false;
    // The end of a run of figures read as the numerals before a Roman one.
    let mut run_end = 0;
    for (k, m) in markers.iter().enumerate() {
        let (li, ti) = m.at;
        let line = &lines[li];
        if m.figure {
            // A run of ones in the sequence's place (`1.`, `1.`, `11.`)
            // before a Roman numeral that goes on from it (`IV.`): OCR's
            // strokes of the numerals before it.
            if k >= run_end {
                let ones = markers[k..]
                    .iter()
                    .take_while(|m| m.figure && is_ones(&m.now))
                    .count();
                let after = markers
                    .get(k + ones)
                    .filter(|m| !m.figure)
                    .and_then(Marker::value);
                if after == Some(prev + ones + 1) {
                    run_end = k + ones;
                }
            }
            if k < run_end {
                prev += 1;
                let dot = if m.bare() { "." } else { "" };
                changes.insert(
                    (li, ti),
                    in_sequence(
                        format!("{}{dot}", roman::numeral(prev)),
                        Some(m.now.clone()),
                    ),
                );
                fix_mark(m, line, &tokens[li], changes);
                roman = true;
                one = None;
                continue;
            }
            if m.bare() {
                continue;
            }
            let printed = &m.now;
            let expected = roman::numeral(prev + 1);
            // OCR's `11.` for `II.`, `111.` for `III.`, among headings
            // numbered in Roman numerals.
            if roman
                && printed.len() == expected.len()
                && printed.bytes().all(|b| b == b'1')
                && expected.bytes().all(|b| b == b'I')
            {
                changes.insert((li, ti), in_sequence(expected, Some(printed.to_owned())));
                fix_mark(m, line, &tokens[li], changes);
                prev += 1;
                continue;
            }
            // OCR's `1.` for the first `I.` counts as it; it becomes `I` when
            // the next heading is a Roman `II.`. Any other figure opening a
            // heading in capitals says the headings are numbered in figures.
            if prev == 0 && one.is_none() && printed == "1" {
                prev = 1;
                one = Some(k);
            } else {
                one = None;
            }
            continue;
        }
        let next = prev + 1;
        if next > LAST_SECTION {
            break;
        }
        let expected = roman::numeral(next);
        let value = m.value();
        // The numeral of the next heading, as printed.
        let ahead = markers
            .get(k + 1)
            .filter(|m| !m.figure)
            .and_then(Marker::value);
        let short_of = |n: usize| {
            let want = roman::numeral(n);
            want.len() > m.strokes.len()
                && want.starts_with(m.strokes.as_str())
                && want[m.strokes.len()..].bytes().all(|b| b == b'I')
        };
        let read = match value {
            Some(v) if v == next => Some(v),
            // A repeat one stroke short of the next numeral (`II.` after
            // `II.` for `III.`, `I.` after `I.` for `II.`).
            Some(v) if v == prev && expected.len() == m.strokes.len() + 1 && short_of(next) => {
                Some(next)
            }
            // A numeral going back that is strokes short of the next
            // (`I.` after `II.` for `III.`), when the heading after it, if
            // any, follows on from the next. (A part starting again at `I.`
            // goes on to `II.`.)
            Some(v) if v < prev && short_of(next) && ahead.is_none_or(|a| a == next + 1) => {
                Some(next)
            }
            Some(_) if m.bare() => None,
            Some(v) => Some(v),
            None => Some(next),
        };
        // (A marker without its mark reads, if at all, as the next.)
        let Some(v) = read else {
            continue;
        };
        if roman::numeral(v) != m.now || m.bare() {
            let dot = if m.dot || m.bare() { "." } else { "" };
            changes.insert(
                (li, ti),
                in_sequence(format!("{}{dot}", roman::numeral(v)), Some(m.now.clone())),
            );
        }
        fix_mark(m, line, &tokens[li], changes);
        roman = true;
        if let Some(at) = one.take().filter(|_| v == 2) {
            let at = markers[at].at;
            changes.insert(at, in_sequence("I".to_owned(), Some("1".to_owned())));
        }
        prev = v;
    }
}

/// The marker opening line `li`, if the line reads as a section heading:
/// a word of up to four look-alikes of a numeral's strokes (or a figure),
/// then a heading in capitals (as read so far), after a mark glued to the
/// marker (`II.`, `H,`, `Il].`, `v.TỔ`), a dot its reading got (`IL` read
/// `II.`), or a space alone before two words in capitals (`L KẾT QUẢ`, on
/// a line that is no table's).
fn marker_of(line: &str, toks: &[Token], li: usize, changes: &Changes) -> Option<Marker> {
    let ti = toks.iter().position(|t| t.kind != TokenKind::Space)?;
    let t = &toks[ti];
    let printed = t.text(line);
    let figure = t.kind == TokenKind::Figure;
    let space = |i: usize| toks.get(i).is_some_and(|t| t.kind == TokenKind::Space);
    let caps = |i: usize| heading_at(line, toks, i, li, changes);
    // Two words in capitals after a marker printed without a mark, on a
    // line that is no table's.
    let bare_heading = || {
        space(ti + 1)
            && caps(ti + 2)
            && space(ti + 3)
            && caps(ti + 4)
            && !line.contains('|')
            && !ends_with_table_figure(&line[t.end..])
    };
    if figure {
        let mark = if heading_follows(line, toks, ti, li, changes) {
            Some((ti + 1, true))
        } else if is_ones(printed) && bare_heading() {
            None
        } else {
            return None;
        };
        return Some(Marker {
            at: (li, ti),
            now: printed.to_owned(),
            strokes: printed.to_owned(),
            dot: false,
            mark,
            figure,
        });
    }
    if t.kind != TokenKind::Word
        || printed.chars().count() > 4
        || !printed.chars().all(|c| LOOKALIKES.contains(&c))
    {
        return None;
    }
    // `ỦY BAN` with a dot OCR put after `UY` (`UY. BAN KIỂM TRA`, a
    // Party committee's inspection board under its issuer) is no `I.`.
    let next_word = toks.get(ti + 3).map_or("", |t| t.text(line));
    if printed == "UY" && crate::text::viet::skeleton_eq(next_word, "ban") {
        return None;
    }
    let read_so_far = changes.text(line, t, (li, ti));
    let dot = read_so_far.ends_with('.');
    let now = read_so_far.trim_end_matches('.').to_owned();
    let mark = toks
        .get(ti + 1)
        .filter(|t| t.kind == TokenKind::Punct && is_mark(t.text(line)))
        .map(|_| ti + 1);
    let mark = match mark {
        Some(m) if space(m + 1) && caps(m + 2) => Some((m, true)),
        Some(m) if caps(m + 1) => Some((m, false)),
        _ => None,
    };
    let dotted = dot && space(ti + 1) && caps(ti + 2) && !line.contains('|');
    // Without a mark, only strokes that spell no word (`VI PHẠM`, `XI
    // MĂNG`, `UY BAN`, `VỤ ĐÔNG` do).
    let bare = printed.chars().all(|c| BARE_LOOKALIKES.contains(&c))
        && !matches!(printed, "VI" | "XI")
        && bare_heading();
    let strokes = now
        .chars()
        .map(|c| match c {
            'v' => 'V',
            'x' => 'X',
            'i' | 'l' | '1' | '|' | '!' => 'I',
            c => c,
        })
        .collect();
    (mark.is_some() || dotted || bare).then_some(Marker {
        at: (li, ti),
        now,
        strokes,
        dot,
        mark,
        figure,
    })
}

/// Is `s` a figure of one to three ones (`1`, `11`, `111`), OCR's reading
/// of the strokes of `I` to `III`?
fn is_ones(s: &str) -> bool {
    (1..=3).contains(&s.len()) && s.bytes().all(|b| b == b'1')
}

/// Is `s` a mark OCR printed for a marker's dot: `.`, `,`, `:`, `;`, alone
/// or after a bracket (`].`, `],`) or doubled (`..`)?
fn is_mark(s: &str) -> bool {
    matches!(s, "." | "," | ":" | ";" | ".." | "]." | "]," | "}." | "]:")
}

/// Makes the mark after an accepted heading's marker a dot followed by a
/// space (`H,` → `II.`, `Il].` → `III.`, `v.TỔ` → `V. TỔ`).
fn fix_mark(m: &Marker, line: &str, toks: &[Token], changes: &mut Changes) {
    let Some((mi, spaced)) = m.mark else {
        return;
    };
    let printed = toks[mi].text(line);
    let to = if spaced { "." } else { ". " };
    if changes.text(line, &toks[mi], (m.at.0, mi)) != to {
        changes.insert(
            (m.at.0, mi),
            in_sequence(to.to_owned(), Some(printed.to_owned())),
        );
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
/// colon glued to it, a space, then a heading in capitals ([`heading_at`])?
/// (Without the mark, `UY BAN` would be one.)
fn heading_follows(line: &str, toks: &[Token], ti: usize, li: usize, changes: &Changes) -> bool {
    let marked = toks.get(ti + 1).is_some_and(|t| {
        t.kind == TokenKind::Punct && matches!(t.text(line), "." | "," | ":" | ";")
    });
    let spaced = marked && toks.get(ti + 2).is_some_and(|t| t.kind == TokenKind::Space);
    spaced && heading_at(line, toks, ti + 3, li, changes)
}

/// Does a heading in capitals start at token `i` of line `li`: a word in
/// capitals ([`capitals_word`]), and when OCR printed fewer than two of its
/// letters (`T6` for `TỔ`, or for `Tổ` opening a sentence), a second
/// word after a space, printed in capitals?
fn heading_at(line: &str, toks: &[Token], i: usize, li: usize, changes: &Changes) -> bool {
    let caps = |i: usize| {
        toks.get(i)
            .is_some_and(|t| capitals_word(line, t, changes.text(line, t, (li, i))))
    };
    let printed_letters = |i: usize| {
        toks.get(i).map_or(0, |t| {
            t.text(line).chars().filter(|c| c.is_alphabetic()).count()
        })
    };
    caps(i)
        && (printed_letters(i) >= 2
            || toks.get(i + 1).is_some_and(|t| t.kind == TokenKind::Space)
                && caps(i + 2)
                && printed_letters(i + 2) >= 2)
}

/// Is `t` a word of two or more letters all in capitals, or of three or
/// more all but the last (`CHi` for `CHỈ`)? Its letters are counted as
/// read so far (`read`: OCR's `T6` is `tổ`, a word of two), its case as
/// printed (case is restored after the readers).
fn capitals_word(line: &str, t: &Token, read: &str) -> bool {
    let letters: Vec<char> = t.text(line).chars().filter(|c| c.is_alphabetic()).collect();
    let count = letters
        .len()
        .max(read.chars().filter(|c| c.is_alphabetic()).count());
    let capitals = |s: &[char]| s.iter().all(|c| c.is_uppercase());
    t.kind == TokenKind::Word
        && !letters.is_empty()
        && (count >= 2 && capitals(&letters)
            || letters.len() >= 3 && capitals(&letters[..letters.len() - 1]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::phrases::tests::read_with;
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
        // `I.` after `II.` starting a part again, which goes on to `II.`.
        assert_eq!(
            numerals(&["I. A B", "II. CÁC", "I. QUY", "II. KHÁC"]),
            ["I", "II", "I", "II"]
        );
        // OCR's `1.` for the first section counts as `I.`, and is one when
        // a Roman `II.` follows it; not when figures number the headings.
        assert_eq!(numerals(&["1. MỤC ĐÍCH", "Hi. NỘI DUNG"]), ["I", "II"]);
        assert_eq!(numerals(&["1. MỤC ĐÍCH", "nội dung"]), ["1", "nội"]);
        assert_eq!(
            numerals(&["1. MỤC ĐÍCH", "2. NỘI DUNG", "II. TỔ CHỨC"]),
            ["1", "2", "II"]
        );
    }

    /// Each line of `lines` as `renumber` leaves it.
    fn renumbered(lines: &[&str]) -> Vec<String> {
        read_with(renumber, &lines.join("\n"))
    }

    #[test]
    fn a_going_back_numeral_strokes_short_is_the_next() {
        // `I.` for `III.`, last or before `IV.`; not before `II.` (above).
        assert_eq!(
            numerals(&["I. A B", "II. CÁC", "I. TỔ CHỨC"]),
            ["I", "II", "III"]
        );
        assert_eq!(
            numerals(&["I. A B", "II. CÁC", "I. TỔ CHỨC", "IV. KINH PHÍ"]),
            ["I", "II", "III", "IV"]
        );
        // Small letters and `l` for strokes count as the numeral they spell.
        assert_eq!(
            numerals(&["I. A B", "ll. CÁC", "Iv. TỔ CHỨC"]),
            ["I", "II", "IV"]
        );
    }

    #[test]
    fn marks_glued_bracketed_or_lost_still_number_a_heading() {
        assert_eq!(
            renumbered(&[
                "L KẾT QUẢ THỰC HIỆN",
                "H, NỘI DUNG",
                "Il]. ĐÁNH GIÁ CHUNG",
                "Iv.TỔ CHỨC THỰC HIỆN",
            ]),
            [
                "I. KẾT QUẢ THỰC HIỆN",
                "II. NỘI DUNG",
                "III. ĐÁNH GIÁ CHUNG",
                "IV. TỔ CHỨC THỰC HIỆN",
            ]
        );
    }

    #[test]
    fn a_run_of_ones_before_a_roman_numeral_going_on_from_it_are_numerals() {
        assert_eq!(
            renumbered(&[
                "1. MỤC ĐÍCH",
                "1 KẾT QUẢ THỰC HIỆN",
                "11. MỤC TIÊU",
                "IV. NHIỆM VỤ",
            ]),
            [
                "I. MỤC ĐÍCH",
                "II. KẾT QUẢ THỰC HIỆN",
                "III. MỤC TIÊU",
                "IV. NHIỆM VỤ",
            ]
        );
        // Not when another figure numbers a heading, nor when the Roman
        // numeral does not go on from the run.
        let lines = ["1. MỤC ĐÍCH", "2. YÊU CẦU", "1. KẾT QUẢ", "IV. NHIỆM VỤ"];
        assert_eq!(renumbered(&lines)[..3], lines[..3]);
        let lines = ["I. MỤC ĐÍCH", "1. KẾT QUẢ", "II. NHIỆM VỤ"];
        assert_eq!(renumbered(&lines), lines);
    }

    #[test]
    fn a_word_printed_with_one_letter_needs_a_second_in_capitals() {
        // `T6 CHUC`, decoded `tổ chức`, is `TỔ CHỨC`; `T6 chức` opens a
        // sentence.
        for (third, want) in [("Il. T6 CHUC", "III"), ("Il. T6 chức học", "Il")] {
            let lines: Vec<String> = ["I. MỤC ĐÍCH", "II. NỘI DUNG", third]
                .iter()
                .map(|l| l.to_string())
                .collect();
            let tokens: Vec<Vec<Token>> = lines.iter().map(|l| text::tokenize(l)).collect();
            let mut changes = Changes::new(lines.len());
            changes.insert((2, 3), in_sequence("tổ".to_owned(), None));
            renumber(&lines, &tokens, &mut changes);
            assert_eq!(changes.text(&lines[2], &tokens[2][0], (2, 0)), want);
        }
    }

    #[test]
    fn markers_without_a_mark_read_only_as_the_next_numeral() {
        // Words of look-alike letters, a numeral out of sequence, a table's
        // row and a line in small letters keep what they print.
        let lines = [
            "I. MỤC ĐÍCH",
            "VI PHẠM HÀNH CHÍNH",
            "UY BAN NHÂN DÂN",
            "V KẾT QUẢ",
            "II KHỐI TIỂU HỌC 34 3.566",
            "| II | TRƯỜNG HỌC |",
            "Il nội dung",
        ];
        assert_eq!(renumbered(&lines), lines);
        assert_eq!(
            renumbered(&["I. MỤC ĐÍCH", "Hl NỘI DUNG"]),
            ["I. MỤC ĐÍCH", "II. NỘI DUNG"]
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
