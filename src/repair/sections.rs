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
//! is no numeral at all, becomes the next numeral.

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

/// Rewrites, in `changes`, the numerals of the section headings of
/// `lines` to follow their sequence (see the module documentation).
pub(super) fn renumber(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    let mut prev = 0usize;
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let Some(ti) = toks.iter().position(|t| t.kind != TokenKind::Space) else {
            continue;
        };
        if !heading_follows(line, toks, ti) {
            continue;
        }
        // OCR's `1.` for the first `I.` counts as it (it stays a figure).
        if toks[ti].kind == TokenKind::Figure && prev == 0 && toks[ti].text(line) == "1" {
            prev = 1;
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
        let now = changes
            .text(line, &toks[ti], (li, ti))
            .trim_end_matches('.');
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
        if to_next {
            changes.insert(
                (li, ti),
                Change {
                    to: expected,
                    confidence: SEQUENCE_CONFIDENCE,
                    runner_up: Some(now.to_owned()),
                },
            );
            prev = next;
        } else if let Some(v) = value {
            prev = v;
        }
    }
}

/// Does a heading in capitals follow the marker at `ti`: a dot, comma or
/// colon glued to it, a space, then a word of two or more letters all in
/// capitals, or of three or more all but the last (OCR prints a capital
/// with a mark in small letters: `CHi` for `CHỈ`)? (Without the mark, `UY
/// BAN` would be one; a marker whose dot OCR lost is read line by line, see
/// [`super::codes::repair_marker`].)
fn heading_follows(line: &str, toks: &[Token], ti: usize) -> bool {
    let at = ti + 2;
    let marked = toks
        .get(ti + 1)
        .is_some_and(|t| t.kind == TokenKind::Punct && matches!(t.text(line), "." | "," | ":"));
    let spaced = marked && toks.get(at).is_some_and(|t| t.kind == TokenKind::Space);
    spaced
        && toks.get(at + 1).is_some_and(|t| {
            let w = t.text(line);
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            let capitals = |s: &[char]| s.iter().all(|c| c.is_uppercase());
            t.kind == TokenKind::Word
                && (letters.len() >= 2 && capitals(&letters)
                    || letters.len() >= 3 && capitals(&letters[..letters.len() - 1]))
        })
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
        // OCR's `1.` for the first section counts as `I.`.
        assert_eq!(numerals(&["1. MỤC ĐÍCH", "Hi. NỘI DUNG"]), ["1", "II"]);
    }
}
