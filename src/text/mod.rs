//! Text stage: decoding bytes, NFC normalization, lines and tokens.
//!
//! Invariant: [`split_lines`] followed by `join("\n")` gives back the decoded text
//! byte for byte, so every later stage can promise "line *i* in, line *i* out".

pub(crate) mod cells;
pub mod decode;
pub mod legacy;
pub(crate) mod pipes;
pub mod roman;
pub(crate) mod spaced;
pub mod token;
pub mod viet;

pub use decode::{decode, DecodeError, Decoded, Encoding};
pub use token::{tokenize, Token, TokenKind};
pub use viet::ToneStyle;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Is `c` a list bullet: `-`, `+`, `•`, `–`, `—`, or OCR's reading of a
/// dash, `=`, `~`, `>` (`=Lưu: VT`, `> Như Điều 3`)?
pub fn is_bullet(c: char) -> bool {
    matches!(c, '-' | '+' | '•' | '–' | '—' | '=' | '~' | '>')
}

/// Returns `s` in Unicode NFC, borrowing when it already is.
pub fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}

/// Splits text into lines on `\n`, keeping any `\r` inside the line.
///
/// `split_lines(t).join("\n") == t` always holds. A trailing newline yields a
/// final empty line, exactly like Python's `str.split('\n')`.
pub fn split_lines(text: &str) -> Vec<&str> {
    text.split('\n').collect()
}

/// Is `s` a year of this era printed alone (`1975`, `2026`)?
pub fn is_year(s: &str) -> bool {
    s.len() == 4
        && (s.starts_with("19") || s.starts_with("20"))
        && s.bytes().all(|b| b.is_ascii_digit())
}

/// Units of area and volume whose power a writer prints as a digit (`m2`),
/// with the spelling that writes it as the superscript (`m²`) and the words
/// it is read as (`mét vuông`).
const POWERED_UNITS: &[(&str, &str, &str)] = &[
    ("m2", "m²", "mét vuông"),
    ("m3", "m³", "mét khối"),
    ("km2", "km²", "km vuông"),
    ("cm2", "cm²", "cm vuông"),
    ("cm3", "cm³", "cm khối"),
];

/// The unit of area or volume printed `unit` with its power as a digit
/// (`m2`): its spelling with the superscript (`m²`) and the words it is
/// read as (`mét vuông`). `None` for any other word (`ha`, `PM2`).
pub(crate) fn powered_unit(unit: &str) -> Option<(&'static str, &'static str)> {
    POWERED_UNITS
        .iter()
        .find(|(printed, _, _)| *printed == unit)
        .map(|&(_, superscript, words)| (superscript, words))
}

/// Number of lines as `wc -l`-style tools and editors count them: a trailing
/// newline does not open a new line.
pub fn line_count(text: &str) -> usize {
    if text.is_empty() {
        return 0;
    }
    let n = text.split('\n').count();
    if text.ends_with('\n') {
        n - 1
    } else {
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_join_roundtrip() {
        for t in ["", "a", "a\n", "a\r\nb\n\n c ", "\n\n"] {
            assert_eq!(split_lines(t).join("\n"), t);
        }
    }

    #[test]
    fn nfc_composes() {
        let decomposed = "Vie\u{0323}\u{0302}t";
        assert_eq!(nfc(decomposed), "Việt");
        assert!(matches!(nfc("Việt"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn counts_lines() {
        assert_eq!(line_count(""), 0);
        assert_eq!(line_count("a"), 1);
        assert_eq!(line_count("a\n"), 1);
        assert_eq!(line_count("a\nb"), 2);
    }
}
