//! The rules of a `|` table that OCR read as letters or digits, put back.
//!
//! A scan of a table drawn with `|` loses its rules in the places no text
//! holds them apart: the empty cells of a heading's wrapped lines (`| | |
//! | năm 2026 |` read `1111 năm 2026 |`), the end of a row whose name
//! wrapped (`| | bệnh | | | |` read `ll bệnh IIIT TTI`), and the rule right
//! after a figure (`| 1.150 |` read `1.1501`). [`restore`] gives the table
//! readers ([`crate::text::cells`]) the lines of each `|` table with such
//! runs read as rules again.
//!
//! Invariant: every restored line has the same length in bytes as the line
//! it replaces, and differs from it only where an ASCII glyph became `|`, so
//! a byte offset into one is the same offset into the other.

use super::cells::{cells, is_heading, offset_in};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// A figure of thousands groups with a rule glued after it (`1.1501`):
/// Vietnamese figures group their digits by three, so the fourth digit of
/// the last group is the rule.
static GLUED_THOUSANDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{1,3}(?:\.\d{3})+1").expect("valid regex"));

/// A decimal with a rule glued after it, then the next cell's decimal of
/// one digit after the comma (`107,01 109,2`: the column's figures have
/// one decimal, so the second of `107,01` is the rule).
static GLUED_DECIMAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d+,\d1\s+\d+,\d").expect("valid regex"));

/// Most characters of a line inside a table that holds no rule at all and
/// still does not end it, where a table's line follows (a wrapped name OCR
/// garbled: `I 1 đồng IIL`).
const GARBLED_LINE: usize = 40;

/// Can OCR have read a `|` rule as this character?
fn is_rule_glyph(b: u8) -> bool {
    matches!(b, b'|' | b'1' | b'I' | b'l' | b'!' | b'T' | b'L')
}

/// Is `run`, a run of [`is_rule_glyph`] characters, rules rather than a
/// word or figure: one holding `|`, `l` or `!`, or glyphs of two kinds
/// (`IIIT`, `Il`), or four `1` or more? Runs of one glyph are kept: `II`
/// and `III` are Roman numerals (`hạng III`), `11` a figure.
fn is_rules(run: &[u8]) -> bool {
    let first = run.first().copied();
    run.iter().any(|b| matches!(b, b'|' | b'l' | b'!'))
        || run.iter().any(|&b| Some(b) != first)
        || run.len() >= 4 && run.iter().all(|&b| b == b'1')
}

/// The byte ranges of a line's words (runs of characters other than
/// ASCII whitespace).
fn words(line: &str) -> Vec<(usize, usize)> {
    line.split_ascii_whitespace()
        .map(|w| {
            let at = offset_in(line, w);
            (at, at + w.len())
        })
        .collect()
}

/// The first word's leading run of rule glyphs, at least two, where rules
/// open the line (`1111 năm 2026`, `IIITIII(%)`): followed by a space or
/// a bracket, and not by a cell's rule (`IT | Cải tạo`: a row's number).
fn leading_rules(line: &[u8], ws: &[(usize, usize)]) -> Option<(usize, usize)> {
    let &(s, e) = ws.first()?;
    let n = line[s..e].iter().take_while(|&&b| is_rule_glyph(b)).count();
    let whole = s + n == e;
    let next_is_rule = ws.get(1).is_some_and(|&(a, _)| line[a] == b'|');
    (n >= 2
        && (whole && !next_is_rule || line.get(s + n) == Some(&b'('))
        && is_rules(&line[s..s + n]))
    .then_some((s, s + n))
}

/// Does `line` hold a table's rule, as printed or as OCR read it at its
/// start or end?
fn has_rules(line: &str) -> bool {
    let b = line.as_bytes();
    let ws = words(line);
    line.contains('|')
        || leading_rules(b, &ws).is_some()
        || ws.last().is_some_and(|&(s, e)| {
            e - s >= 3 && b[s..e].iter().all(|&c| is_rule_glyph(c)) && is_rules(&b[s..e])
        })
}

/// `line` with the rules OCR misread put back (see the module
/// documentation); the line itself where there are none.
fn restore_line(line: &str) -> Cow<'_, str> {
    let b = line.as_bytes();
    let ws = words(line);
    let mut out = b.to_vec();
    let set = |from: usize, to: usize, out: &mut Vec<u8>| {
        for c in &mut out[from..to] {
            if !c.is_ascii_whitespace() {
                *c = b'|';
            }
        }
    };
    let lead = leading_rules(b, &ws);
    if let Some((s, e)) = lead {
        set(s, e, &mut out);
    }
    let all_glyphs = |s: usize, e: usize| b[s..e].iter().all(|&c| is_rule_glyph(c));
    for (k, &(s, e)) in ws.iter().enumerate().skip(1) {
        let run = &b[s..e];
        if k + 1 == ws.len() {
            // The line's last word: the rules that close the row.
            if run.len() >= 3 && all_glyphs(s, e) && is_rules(run) {
                set(s, e, &mut out);
            }
            continue;
        }
        // A run between two words, not a cell of its own (`| IIT |`).
        let in_cell = b[ws[k - 1].1 - 1] == b'|' || b[ws[k + 1].0] == b'|';
        if run.len() >= 2
            && all_glyphs(s, e)
            && is_rules(run)
            && !run.iter().all(u8::is_ascii_digit)
            && !in_cell
        {
            set(s, e, &mut out);
        }
    }
    // A per cent sign's bracket with its rule read as `1` (`1%)`), on a
    // heading's wrapped line: rules open it, or it holds no figure (no
    // digit but `1`), as a row does.
    let heading_wrap = lead.is_some() || !b.iter().any(|c| c.is_ascii_digit() && *c != b'1');
    for &(s, e) in ws.iter().filter(|_| heading_wrap) {
        let rest = &b[s + 1..e];
        if matches!(b[s], b'1' | b'I' | b'l')
            && (rest.starts_with(b"%)") || rest.starts_with(b"(%)"))
        {
            out[s] = b'|';
        }
    }
    let boundary = |i: usize| {
        b.get(i)
            .is_none_or(|c| !(c.is_ascii_digit() || matches!(c, b'.' | b',')))
    };
    for m in GLUED_THOUSANDS.find_iter(line) {
        if (m.start() == 0 || boundary(m.start() - 1)) && boundary(m.end()) {
            out[m.end() - 1] = b'|';
        }
    }
    for m in GLUED_DECIMAL.find_iter(line) {
        if (m.start() == 0 || boundary(m.start() - 1)) && boundary(m.end()) {
            let one = m.as_str().find(char::is_whitespace).map_or(0, |i| i - 1);
            out[m.start() + one] = b'|';
        }
    }
    if out == b {
        return Cow::Borrowed(line);
    }
    // Only ASCII bytes changed, to ASCII: still UTF-8.
    match String::from_utf8(out) {
        Ok(s) => Cow::Owned(s),
        Err(_) => Cow::Borrowed(line),
    }
}

/// `lines` with the rules OCR misread inside each `|` table put back: from
/// a heading row (as [`crate::text::cells`] finds them) through every line
/// after it that holds a rule, or is short and followed by one that does.
pub(crate) fn restore<'a, S: AsRef<str>>(lines: &'a [S]) -> Vec<Cow<'a, str>> {
    let mut out: Vec<Cow<'a, str>> = lines.iter().map(|l| Cow::Borrowed(l.as_ref())).collect();
    let mut i = 0;
    while i < lines.len() {
        if !cells(lines[i].as_ref()).is_some_and(|c| is_heading(&c)) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while let Some(line) = lines.get(j).map(AsRef::as_ref) {
            let next_has_rules = || lines.get(j + 1).is_some_and(|l| has_rules(l.as_ref()));
            if !(has_rules(line) || line.chars().count() < GARBLED_LINE && next_has_rules()) {
                break;
            }
            out[j] = restore_line(line);
            j += 1;
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn restored(lines: &[&str]) -> Vec<String> {
        restore(lines).into_iter().map(Cow::into_owned).collect()
    }

    #[test]
    fn rules_read_as_glyphs_are_put_back() {
        let lines = [
            "| TT | Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện | So sánh |",
            "1111 năm 2026 | năm 2025 | TH/KH |",
            "IIITIII(%) 1%) |",
            "| 1 | Giường bệnh | giường | 1.200 1 1.1501 100,0 |",
            "ll bệnh IIIT TTI",
            "| 8 | Công suất | % | 107,3 | 107,01 109,2 |",
            "|| nội trú | đồng | 1111",
        ];
        assert_eq!(
            restored(&lines),
            [
                lines[0],
                "|||| năm 2026 | năm 2025 | TH/KH |",
                "|||||||(%) |%) |",
                "| 1 | Giường bệnh | giường | 1.200 1 1.150| 100,0 |",
                "|| bệnh |||| |||",
                "| 8 | Công suất | % | 107,3 | 107,0| 109,2 |",
                "|| nội trú | đồng | ||||",
            ]
        );
        for (a, b) in lines.iter().zip(restored(&lines)) {
            assert_eq!(a.len(), b.len());
        }
    }

    #[test]
    fn numerals_figures_and_text_outside_tables_stay() {
        let lines = [
            "| STT | Vị trí | Số lượng | Hạng |",
            "| 1 | Giáo viên Toán | 2 | II |",
            "| 2 | Giáo viên Văn | 11 | IIT |",
            "IT | Cải tạo nhà vệ sinh | 4.215 |",
            "| 3 | Nhà văn hóa | 1.815 | 11,5 |",
        ];
        assert_eq!(restored(&lines), lines);
        // No heading row: running text keeps its glyphs.
        let prose = ["Năm 2026 thu 1.1501 triệu đồng, IIIT lll", "1111 năm |"];
        assert_eq!(restored(&prose), prose);
    }
}
