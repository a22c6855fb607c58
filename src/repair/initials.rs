//! A document symbol's unit code whose `Đ` OCR read as `D`, read from the
//! initials of the name it abbreviates, printed in the same document.
//!
//! The last part of a symbol names the issuing unit by its initials
//! (`215/BC-BVĐK` of a `BỆNH VIỆN ĐA KHOA`, `STNMT-QLĐĐ` of a `Phòng Quản
//! lý đất đai`, `TB-THPTNĐ3` of a `TRƯỜNG THPT NAM ĐÀN 3`). Such codes are
//! too many for any list, and OCR prints their `Đ` as `D` more often than
//! not, but the name itself is printed too, and its words' first letters
//! keep their `Đ` whatever OCR did to the marks after it (`NĂM ĐẾN` still
//! spells `NĐ`).
//!
//! A code part holding `D` is read with `Đ` for some of them where the
//! document prints a run of words whose initials spell it so (each word
//! giving its first letter, a word in capitals such as `THPT` or a figure
//! maybe itself) and no run spells it as printed (`DT` beside both `đầu tư` and `dự
//! toán` stays).

use super::phrases::phrase;
use super::Changes;
use crate::lexicon::Lexicon;
use crate::text::{Token, TokenKind};

/// Most `D` in one code part tried as `Đ` (each doubles the spellings).
const MOST_DS: usize = 4;

/// Is token `i` a symbol's `/` or `-`?
fn joint(line: &str, toks: &[Token], i: Option<usize>) -> bool {
    i.and_then(|i| toks.get(i))
        .is_some_and(|t| matches!(t.text(line), "/" | "-"))
}

/// Is token `ti` part of a symbol: glued to a `/` or `-` beside it?
fn in_symbol(line: &str, toks: &[Token], ti: usize) -> bool {
    joint(line, toks, ti.checked_sub(1)) || joint(line, toks, Some(ti + 1))
}

/// Is token `ti` the last part of a symbol, where its unit's code stands:
/// after a `-` or `/`, and before neither (`12-HD/BTCTW`: `HD` is a Party
/// document's type; `Mẫu D03-TS`: a form's number)?
fn ends_symbol(line: &str, toks: &[Token], ti: usize) -> bool {
    joint(line, toks, ti.checked_sub(1)) && !joint(line, toks, Some(ti + 1))
}

/// A word of the document as it can give a name's initials.
struct Word<'a> {
    /// Its first letter in capitals (a figure's first digit).
    first: char,
    /// The whole word, where it can stand whole: in capitals without
    /// marks (an acronym: `THPT`; or a syllable printed so: `NAM`) or a
    /// figure (`3`).
    whole: Option<&'a str>,
    /// Index one past the last word of its run (words with only spaces
    /// between them).
    run_end: usize,
}

/// The document's words outside symbols (see [`Word`]), in order.
fn words<'a>(lines: &'a [String], tokens: &[Vec<Token>], changes: &'a Changes) -> Vec<Word<'a>> {
    let mut out: Vec<Word<'a>> = Vec::new();
    let mut run_start = 0;
    let close = |out: &mut Vec<Word<'a>>, run_start: &mut usize| {
        let end = out.len();
        for w in &mut out[*run_start..] {
            w.run_end = end;
        }
        *run_start = end;
    };
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for (ti, t) in toks.iter().enumerate() {
            match t.kind {
                TokenKind::Space => continue,
                TokenKind::Word | TokenKind::Figure if !in_symbol(line, toks, ti) => {
                    let text = changes.text(line, t, (li, ti));
                    let figure = text.bytes().all(|b| b.is_ascii_digit());
                    let capitals = text.len() >= 2
                        && text
                            .bytes()
                            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
                    let first = text.chars().next().filter(|c| c.is_alphanumeric());
                    if let Some(first) = first.and_then(|c| c.to_uppercase().next()) {
                        out.push(Word {
                            first,
                            whole: (figure || capitals).then_some(text),
                            run_end: 0,
                        });
                        continue;
                    }
                }
                _ => {}
            }
            close(&mut out, &mut run_start);
        }
        close(&mut out, &mut run_start);
    }
    out
}

/// Does the run of words from `words[i]` spell the rest of `code`, `used`
/// words of it so far? A figure stands only whole; a lone word spells a
/// code only whole (an acronym), not by its first letter, and only where
/// `lone`.
fn spells_from(words: &[Word<'_>], i: usize, code: &str, used: usize, lone: bool) -> bool {
    let w = &words[i];
    let next = |left: &str| i + 1 < w.run_end && spells_from(words, i + 1, left, used + 1, lone);
    let by_whole = w
        .whole
        .and_then(|whole| Some((whole, code.strip_prefix(whole)?)));
    if let Some((whole, left)) = by_whole {
        let done = left.is_empty() && (used > 0 || lone && whole.len() >= 2);
        if done || !left.is_empty() && next(left) {
            return true;
        }
    }
    if w.first.is_ascii_digit() {
        return false;
    }
    match code.strip_prefix(w.first) {
        Some("") => used > 0,
        Some(left) => next(left),
        None => false,
    }
}

/// Does some run of consecutive words spell `code` (see [`spells_from`]),
/// a lone acronym too where `lone` (not for the code as printed: printed
/// again as itself, `Lưu: VT, QLDD.`, it is no evidence of its `D`)?
fn spelled(words: &[Word<'_>], code: &str, lone: bool) -> bool {
    let Some(c) = code.chars().next() else {
        return false;
    };
    (0..words.len()).any(|i| words[i].first == c && spells_from(words, i, code, 0, lone))
}

/// The spellings of `code` with some of its `D` read as `Đ` (not the code
/// itself).
fn with_d_bar(code: &str) -> Vec<String> {
    let ds: Vec<usize> = code.match_indices('D').map(|(i, _)| i).collect();
    if ds.is_empty() || ds.len() > MOST_DS {
        return Vec::new();
    }
    (1u32..1 << ds.len())
        .map(|mask| {
            let mut s = String::with_capacity(code.len() + ds.len());
            let mut last = 0;
            for (k, &i) in ds.iter().enumerate() {
                s.push_str(&code[last..i]);
                s.push(if mask >> k & 1 == 1 { 'Đ' } else { 'D' });
                last = i + 1;
            }
            s.push_str(&code[last..]);
            s
        })
        .collect()
}

/// Reads the `Đ` of symbols' unit codes from the names they abbreviate
/// (see the module documentation).
pub(super) fn read_code_initials(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    // The codes weighed, as printed, and their readings (`None`: kept).
    let mut read: Vec<(String, Option<String>)> = Vec::new();
    {
        let changes: &Changes = changes;
        let mut words: Option<Vec<Word<'_>>> = None;
        for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
            for (ti, t) in toks.iter().enumerate() {
                if t.kind != TokenKind::Word || !ends_symbol(line, toks, ti) {
                    continue;
                }
                let now = changes.text(line, t, (li, ti));
                let letters = now.chars().filter(|c| c.is_alphabetic()).count();
                let code_like = letters >= 2
                    && now.contains('D')
                    && now
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == 'Đ');
                // A known code as printed (`UBND`) is what it is.
                let known = || lex.code(now).is_some_and(|(c, _)| c == now);
                if !code_like || read.iter().any(|(from, _)| from == now) || known() {
                    continue;
                }
                let words = words.get_or_insert_with(|| self::words(lines, tokens, changes));
                let mut found = with_d_bar(now)
                    .into_iter()
                    .filter(|v| spelled(words, v, true));
                let to = match (found.next(), found.next()) {
                    (Some(to), None) if !spelled(words, now, false) => Some(to),
                    _ => None,
                };
                read.push((now.to_owned(), to));
            }
        }
    }
    let read: Vec<(String, String)> = read
        .into_iter()
        .filter_map(|(from, to)| Some((from, to?)))
        .collect();
    if read.is_empty() {
        return;
    }
    // Every printing of a code so read takes it, in symbols or alone (`Lưu:
    // VT, QLDD.`).
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for (ti, t) in toks.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let now = changes.text(line, t, (li, ti));
            if let Some((from, to)) = read.iter().find(|(from, _)| from == now) {
                let change = phrase(to, Some(from.clone()));
                changes.insert((li, ti), change);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<String> {
        let lex = Lexicon::empty();
        super::super::phrases::tests::read_with(|l, t, c| read_code_initials(&lex, l, t, c), text)
    }

    #[test]
    fn a_units_code_takes_the_d_bar_of_its_names_initials() {
        assert_eq!(
            read("BỆNH VIỆN ĐA KHOA TỈNH\nSố: 215/BC-BVDK Thanh Hóa"),
            ["BỆNH VIỆN ĐA KHOA TỈNH", "Số: 215/BC-BVĐK Thanh Hóa"]
        );
        // Marks OCR got wrong keep the initials; an acronym and a figure
        // count whole.
        assert_eq!(
            read("TRƯỜNG THPT NĂM ĐẾN 3\nSố: 25/TB-THPTND3"),
            ["TRƯỜNG THPT NĂM ĐẾN 3", "Số: 25/TB-THPTNĐ3"]
        );
        // The code printed again as it is is no evidence of its `D`, and
        // takes the reading too.
        assert_eq!(
            read("Số: 2876/STNMT-QLDD\nqua Phòng Quản lý đất đai;\nLưu: VT, QLDD."),
            [
                "Số: 2876/STNMT-QLĐĐ",
                "qua Phòng Quản lý đất đai;",
                "Lưu: VT, QLĐĐ."
            ]
        );
    }

    #[test]
    fn codes_no_name_or_both_names_spell_stay() {
        for kept in [
            // No name spells it.
            "Số: 12/BC-DTN\nvề việc báo cáo",
            // Both spellings printed: `đầu tư` and `dự toán`.
            "Số: 5/STC-DT\nvốn đầu tư công, dự toán năm 2027",
            // Its name spelled with `D`.
            "Số: 7/KH-DTN\nDự thảo năm 2027",
            // Not a unit's code: a Party document's type, a form's number.
            "Số 12-HD/BTCTW, theo hướng dẫn, Hội đồng",
            "Mẫu D03-TS, đợt 03",
            // Not in a symbol.
            "Đầu tư DT",
        ] {
            let lines: Vec<&str> = kept.split('\n').collect();
            assert_eq!(read(kept), lines);
        }
    }
}
