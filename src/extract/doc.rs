//! The document as one string, with a diacritic-folded twin and line lookup.
//!
//! Extraction matches keywords on the folded text (lower case, marks stripped,
//! `đ` → `d`) so that OCR noise in marks does not break them, and matches
//! symbols and figures on the text as printed. Both are one string with the
//! lines joined by `\n`, so citations split over two lines are found too.

use crate::text::viet::push_skeleton_char;
use std::borrow::Cow;

/// A byte span in the printed text.
pub(crate) type Span = (usize, usize);

/// The joined text, its folded twin and the maps between them.
#[derive(Debug)]
pub(crate) struct DocText {
    /// The lines joined with `\n`.
    pub text: String,
    /// The folded text; `fmap[i]` is the printed byte offset of folded byte `i`.
    pub folded: String,
    fmap: Vec<usize>,
    line_starts: Vec<usize>,
}

impl DocText {
    /// Builds the joined and folded text of `lines`.
    pub fn new<S: AsRef<str>>(lines: &[S]) -> DocText {
        let mut text = String::new();
        let mut line_starts = Vec::with_capacity(lines.len());
        for (i, l) in lines.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            line_starts.push(text.len());
            text.push_str(l.as_ref());
        }
        if line_starts.is_empty() {
            line_starts.push(0);
        }
        let mut folded = String::with_capacity(text.len());
        let mut fmap = Vec::with_capacity(text.len() + 1);
        for (off, c) in text.char_indices() {
            let before = folded.len();
            push_skeleton_char(&mut folded, c);
            fmap.resize(fmap.len() + folded.len() - before, off);
        }
        fmap.push(text.len());
        DocText {
            text,
            folded,
            fmap,
            line_starts,
        }
    }

    /// The 1-based line holding printed byte `off`.
    pub fn line_of(&self, off: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= off).max(1)
    }

    /// Printed byte offset of folded byte `f`.
    pub fn to_orig(&self, f: usize) -> usize {
        self.fmap.get(f).copied().unwrap_or(self.text.len())
    }

    /// Folded byte offset of printed byte `o` (the first folded byte at or after it).
    pub fn to_fold(&self, o: usize) -> usize {
        self.fmap.partition_point(|&x| x < o)
    }

    /// The printed text of a span, clamped to the text.
    pub fn slice(&self, (a, b): Span) -> &str {
        let a = floor_boundary(&self.text, a);
        let b = floor_boundary(&self.text, b.max(a));
        &self.text[a..b]
    }

    /// The folded text before printed offset `o`, at most `max` bytes of it.
    pub fn folded_before(&self, o: usize, max: usize) -> &str {
        let end = self.to_fold(o);
        let start = floor_boundary(&self.folded, end.saturating_sub(max));
        &self.folded[start..end]
    }

    /// The folded text from printed offset `o`, at most `max` bytes of it.
    pub fn folded_after(&self, o: usize, max: usize) -> &str {
        let start = self.to_fold(o).min(self.folded.len());
        let end = floor_boundary(&self.folded, (start + max).min(self.folded.len()));
        &self.folded[start..end.max(start)]
    }

    /// Printed offset of the end of the line holding `off` (its `\n`, or the
    /// end of the text).
    pub fn line_end(&self, off: usize) -> usize {
        self.line_starts
            .get(self.line_of(off))
            .map_or(self.text.len(), |&next| next - 1)
    }

    /// Printed offset of the start of 0-based line `i`; past the last line,
    /// the end of the text plus one (where a line after it would start).
    pub fn line_offset(&self, i: usize) -> usize {
        self.line_starts
            .get(i)
            .copied()
            .unwrap_or(self.text.len() + 1)
    }

    /// Printed offset of the start of the line holding `off`.
    pub fn line_start(&self, off: usize) -> usize {
        let l = self.line_of(off);
        self.line_starts.get(l - 1).copied().unwrap_or(0)
    }
}

/// The largest char boundary of `s` at or below `i`.
pub(crate) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Collapses runs of whitespace (newlines included) to one space and trims.
pub(crate) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// [`squash`] without a copy when `s` is squashed already (no whitespace but
/// single spaces between words).
pub(crate) fn squashed(s: &str) -> Cow<'_, str> {
    let is_squashed = !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !s.chars().any(|c| c.is_whitespace() && c != ' ');
    if is_squashed {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(squash(s))
    }
}

/// True when spans `a` and `b` overlap.
pub(crate) fn overlaps(a: Span, b: Span) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squashed_is_squash() {
        for s in [
            "",
            " ",
            "a",
            "noi dung",
            "noi  dung",
            " noi dung",
            "noi dung ",
            "noi\tdung",
            "noi\u{a0}dung",
            "a\nb",
            "stt | noi dung | don vi",
        ] {
            assert_eq!(squashed(s), squash(s), "{s:?}");
        }
        assert!(matches!(squashed("noi dung"), Cow::Borrowed(_)));
    }

    #[test]
    fn maps_folded_offsets_back() {
        let d = DocText::new(&["Quyết định số 5", "ngày 1"]);
        assert_eq!(d.folded, "quyet dinh so 5\nngay 1");
        let f = d.folded.find("so").unwrap_or(0);
        assert_eq!(&d.text[d.to_orig(f)..d.to_orig(f + 2)], "số");
        assert_eq!(d.line_of(d.text.find("ngày").unwrap_or(0)), 2);
        assert_eq!(d.line_of(0), 1);
        assert_eq!(d.to_fold(d.text.find('5').unwrap_or(0)), 14);
        let five = d.text.find('5').unwrap_or(0);
        assert_eq!(
            &d.text[d.line_start(five)..d.line_end(five)],
            "Quyết định số 5"
        );
        let n = d.text.find("ngày").unwrap_or(0);
        assert_eq!(&d.text[d.line_start(n)..d.line_end(n)], "ngày 1");
    }
}
