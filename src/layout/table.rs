//! Appendix tables ("Phụ lục", "Biểu mẫu") that OCR flattened into lines.
//!
//! A table row is anchored by its STT (`1.`, `3.1.2.`); the lines of a row's
//! label above the STT line (STT is centred vertically) start with a capital,
//! continuation lines with a lower-case letter. Header lines (STT, Chỉ tiêu,
//! Đơn vị tính, Số liệu, Ghi chú …) repeated on each page are dropped, so a
//! table split over pages comes out as one table. Cells are separated with
//! `|` where OCR printed it; the value (a figure at the end of a line) and the
//! unit before it (a suffix shared by several rows) are split off by position.

use super::{Claims, Line};
use crate::output::{BlockKind, Table};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

static APPENDIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:phu\s+luc|bieu\s+mau|bieu\s+t[o0]ng\s+h[o0q]p)\b").unwrap());
static FORM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^bieu\s+mau\s*\S*\s*$").unwrap());
static HEADER_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:stt|chi tieu|don vi|so lieu|ghi chu|ket qua|noi dung|thoi gian|chu tri|phoi hop|san pham|muc do|hinh thuc)\b")
        .unwrap()
});
static STT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\|?\s*(?P<n>\d{1,2}(?:\.\d{1,2}){0,3}\.?)(?:\s*\||\s+|$)").unwrap()
});
/// A line-initial run of 2–3 digits (the first may be an `L`/`l`/`I`/`|` OCR
/// made of a `1`), optionally with a stray `.`/`,`: an STT that lost its dots.
static OCR_STT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\|?\s*(?P<n>[LlI|]?\d{1,3})[.,]?(?:\s*\||\s+|$)").unwrap());
static VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s|])(?P<v>\d+(?:[.,]\d+)*%?)\s*\|?\s*$").unwrap());

/// First line (0-based) of the appendix after `from`: a "Phụ lục"/"Biểu mẫu"
/// line, or the header printed again above it.
pub(crate) fn find_appendix(lines: &[Line<'_>], from: usize, claims: &Claims) -> Option<usize> {
    let at = (from..lines.len()).find(|&i| {
        let f = &lines[i].fold.s;
        APPENDIX.is_match(f) && lines[i].text.chars().count() < 80
    })?;
    // Include a repeated header just above.
    let mut a = at;
    while a > from && (lines[a - 1].is_blank() || claims.kind_of(a - 1) == Some(BlockKind::Header))
    {
        a -= 1;
    }
    while a < at && lines[a].is_blank() {
        a += 1;
    }
    if claims.kind_of(a) == Some(BlockKind::Header) {
        Some(a)
    } else {
        Some(at)
    }
}

fn stt_parts(s: &str) -> Vec<u32> {
    s.trim_end_matches('.')
        .split('.')
        .filter_map(|p| p.parse().ok())
        .collect()
}

/// A one-level STT printed without its dot (`7`).
fn is_bare(n: &str) -> bool {
    n.chars().all(|c| c.is_ascii_digit())
}

/// Does the line start `<number> <lower-case word>` with no `|` between?
fn bare_before_lower(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let first_ok = words.next().is_some_and(|w| !w.contains('|'));
    first_ok
        && words
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_lowercase)
}

/// An STT whose dots OCR lost (`53` for `5.3.`, `141` for `1.4.1.`, `L4` for
/// `1.4.`), read by its place in the sequence: the digits, one level each,
/// must follow `prev` plausibly. Returns the STT as printed with its dots.
fn ocr_stt(text: &str, prev: Option<&[u32]>) -> Option<(String, Vec<u32>)> {
    let m = OCR_STT.captures(text)?;
    let raw = m.name("n")?.as_str();
    let parts: Vec<u32> = raw
        .chars()
        .map(|c| match c {
            'L' | 'l' | 'I' | '|' => Some(1),
            c => c.to_digit(10),
        })
        .collect::<Option<_>>()?;
    if parts.len() < 2 || parts.contains(&0) || prev.is_none() {
        return None;
    }
    if !plausible(prev, &parts) {
        return None;
    }
    let n: String = parts.iter().map(|p| format!("{p}.")).collect();
    Some((n, parts))
}

/// Is `next` a plausible STT after `prev` (child, sibling or an ancestor's sibling)?
fn plausible(prev: Option<&[u32]>, next: &[u32]) -> bool {
    let Some(prev) = prev else {
        return !next.is_empty();
    };
    if next.is_empty() {
        return false;
    }
    if next.len() == prev.len() + 1 && next[..prev.len()] == *prev && next[prev.len()] <= 2 {
        return true;
    }
    for k in 0..next.len().min(prev.len()) {
        if next.len() == k + 1
            && next[..k] == prev[..k]
            && next[k] > prev[k]
            && next[k] <= prev[k] + 4
        {
            return true;
        }
    }
    false
}

/// A row being assembled.
#[derive(Debug, Default)]
struct RowAcc {
    stt: String,
    label: Vec<String>,
    unit: Vec<String>,
    value: Vec<String>,
    line: usize,
}

fn clean(s: &str) -> String {
    s.replace('|', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses the appendix lines `from..to`; claims titles and tables.
pub(crate) fn parse(lines: &[Line<'_>], from: usize, to: usize, claims: &mut Claims) -> Vec<Table> {
    let to = to.min(lines.len());
    let mut tables = Vec::new();
    let mut i = from;
    while i < to {
        if !claims.is_free(i) || lines[i].is_blank() {
            i += 1;
            continue;
        }
        if super::signature::is_authority(&lines[i].text) {
            break;
        }
        // Title lines: "Phụ lục", "Biểu mẫu N", capitals, "(Kèm theo …)".
        let title_start = i;
        let mut title: Vec<&str> = Vec::new();
        while i < to && claims.is_free(i) {
            let l = &lines[i];
            let f = &l.fold.s;
            if l.is_blank() {
                i += 1;
                continue;
            }
            let is_title = APPENDIX.is_match(f)
                || (f.starts_with('(') && f.contains("kem theo"))
                || (!HEADER_WORDS.is_match(f)
                    && super::header::mostly_upper(&l.text)
                    && !l.text.contains('|'))
                || (i > title_start
                    && FORM.is_match(&lines[i - 1].fold.s)
                    && !HEADER_WORDS.is_match(f));
            if !is_title {
                break;
            }
            title.push(l.text.as_str());
            i += 1;
        }
        if i > title_start {
            claims.claim(title_start, i, BlockKind::AppendixTitle);
        }
        // Table body up to the next title or signature.
        let body_start = i;
        let mut j = i;
        while j < to
            && claims.is_free(j)
            && !APPENDIX.is_match(&lines[j].fold.s)
            && !super::signature::is_authority(&lines[j].text)
        {
            j += 1;
        }
        if j > body_start {
            let id = claims.claim(body_start, j, BlockKind::Table);
            let _ = id;
            let form = title
                .iter()
                .position(|t| FORM.is_match(&super::Folded::new(t).s));
            let title_text = match form {
                Some(k) => title[k..].join(" - "),
                None => title.join(" "),
            };
            tables.push(parse_body(
                lines,
                body_start,
                j,
                (!title_text.is_empty()).then_some(title_text),
                title_start,
            ));
        }
        if j == i && i < to && claims.is_free(i) {
            // Nothing consumed: leave the line to the caller.
            i += 1;
        } else {
            i = j;
        }
    }
    tables
}

fn parse_body(
    lines: &[Line<'_>],
    a: usize,
    b: usize,
    title: Option<String>,
    title_start: usize,
) -> Table {
    // Header lines: header words, or a lower-case continuation of them.
    let mut header_lines: Vec<String> = Vec::new();
    let mut k = a;
    while k < b {
        let l = &lines[k];
        let f = &l.fold.s;
        let cont =
            !header_lines.is_empty() && l.text.chars().next().is_some_and(char::is_lowercase);
        if l.is_blank() || HEADER_WORDS.is_match(f) || cont && l.text.chars().count() < 40 {
            if !l.is_blank() {
                header_lines.push(f.clone());
            }
            k += 1;
        } else {
            break;
        }
    }
    let header_text: String = header_lines.join(" ");
    let header_keys: Vec<String> = header_lines.iter().map(|h| clean(h)).collect();
    let is_repeat = |l: &Line<'_>| header_keys.iter().any(|h| *h == clean(&l.fold.s));

    // Rows.
    let mut rows: Vec<RowAcc> = Vec::new();
    let mut pending: Vec<&Line<'_>> = Vec::new();
    let mut prev_stt: Option<Vec<u32>> = None;
    let mut body: Vec<(usize, &Line<'_>, Option<String>)> = Vec::new();
    for (idx, l) in lines.iter().enumerate().take(b).skip(k) {
        if l.is_blank() || is_repeat(l) {
            continue;
        }
        let stt = STT
            .captures(&l.text)
            .and_then(|c| {
                let n = c.name("n")?.as_str().to_owned();
                let parts = stt_parts(&n);
                plausible(prev_stt.as_deref(), &parts).then_some((n, parts))
            })
            .or_else(|| ocr_stt(&l.text, prev_stt.as_deref()))
            // Repair may have made a word of it (`L4` → `Lá`): read the input.
            .or_else(|| ocr_stt(l.raw.trim(), prev_stt.as_deref()));
        // A bare number with neither dot nor `|` before a lower-case word,
        // and not the next top-level number, is a stray mark on a
        // continuation line (`7 xong` after 3.1.1), not an STT (`5 tỉnh`
        // after 4, `3 | nhìn`).
        let stt = stt.filter(|(n, parts)| {
            let next_top = match (prev_stt.as_deref(), parts.first()) {
                (None, _) => true,
                (Some(p), Some(&v)) => p.first().is_some_and(|&t| v == t + 1),
                _ => false,
            };
            !(is_bare(n) && bare_before_lower(&l.text) && !next_top)
        });
        if let Some((n, parts)) = stt {
            prev_stt = Some(parts);
            body.push((idx, l, Some(n)));
        } else {
            body.push((idx, l, None));
        }
    }
    // Unit vocabulary: suffixes before a trailing value shared by ≥ 2 rows.
    let mut suffixes: BTreeMap<String, usize> = BTreeMap::new();
    for (_, l, _) in &body {
        if let Some(c) = VALUE.captures(&l.text) {
            let before = clean(&l.text[..c.get(0).map_or(0, |m| m.start())]);
            let words: Vec<&str> = before.split_whitespace().collect();
            for n in 1..=3.min(words.len()) {
                let s = words[words.len() - n..].join(" ");
                *suffixes.entry(s).or_default() += 1;
            }
        }
    }
    let unit_of = |text: &str| -> Option<usize> {
        // The longest shared suffix starting with a capital or a symbol.
        let words: Vec<&str> = text.split_whitespace().collect();
        for n in (1..=3.min(words.len())).rev() {
            let s = words[words.len() - n..].join(" ");
            let first = s.chars().next();
            let ok_start = first.is_some_and(|c| c.is_uppercase() || c == '%');
            if ok_start && suffixes.get(&s).copied().unwrap_or(0) >= 2 && n < words.len() {
                return Some(text.len() - s.len());
            }
            if s == "%" {
                return Some(text.len() - 1);
            }
        }
        None
    };
    let has_value = |t: &str| VALUE.is_match(&clean(t));
    let has_unit = |t: &str| unit_of(&clean(t)).is_some();
    for (pos, (idx, l, stt)) in body.iter().enumerate() {
        let (idx, l, stt) = (*idx, *l, stt.clone());
        let next_is_stt = body.get(pos + 1).is_some_and(|(_, _, s)| s.is_some());
        let mut text = l.text.clone();
        if let Some(n) = &stt {
            // Drop the STT as printed: a numbering, a dot-less one, or the
            // word repair made of it.
            if let Some(m) = STT.find(&text).or_else(|| OCR_STT.find(&text)) {
                text = text[m.end()..].to_owned();
            } else if let Some((_, rest)) = text.split_once(char::is_whitespace) {
                text = rest.to_owned();
            }
            let mut row = RowAcc {
                stt: n.clone(),
                line: idx + 1,
                ..RowAcc::default()
            };
            for p in pending.drain(..) {
                split_cells(&p.text, &mut row, &unit_of);
                row.line = row.line.min(p.no);
            }
            split_cells(&text, &mut row, &unit_of);
            rows.push(row);
        } else if rows.is_empty()
            || !pending.is_empty()
            || l.text.chars().next().is_some_and(|c| c.is_uppercase())
                && (has_value(&l.text) || has_unit(&l.text) || next_is_stt)
        {
            // The first line(s) of the next row's label: its STT is printed
            // lower, centred in the row.
            pending.push(l);
        } else if let Some(r) = rows.last_mut() {
            split_cells(&text, r, &unit_of);
        }
    }
    if !pending.is_empty() {
        if let Some(r) = rows.last_mut() {
            for p in pending.drain(..) {
                split_cells(&p.text, r, &unit_of);
            }
        }
    }
    let stat = rows.iter().any(|r| !r.value.is_empty());
    let mut columns = vec!["STT".to_owned()];
    let label_col = if header_text.contains("chi tieu") {
        "Chỉ tiêu"
    } else {
        "Nội dung"
    };
    columns.push(label_col.to_owned());
    if stat {
        columns.extend(["Đơn vị tính", "Số liệu", "Ghi chú"].map(String::from));
    }
    let row_lines = rows.iter().map(|r| r.line).collect();
    let rows = rows
        .into_iter()
        .map(|r| {
            let mut cells = vec![r.stt, clean(&r.label.join(" "))];
            if stat {
                cells.push(clean(&r.unit.join(" ")));
                cells.push(clean(&r.value.join(" ")));
                cells.push(String::new());
            }
            cells
        })
        .collect();
    Table {
        title,
        line_start: title_start + 1,
        line_end: b,
        columns,
        rows,
        row_lines,
    }
}

/// Splits one line's text into label, unit and value fragments of `row`.
fn split_cells(text: &str, row: &mut RowAcc, unit_of: &dyn Fn(&str) -> Option<usize>) {
    let mut t = clean(text);
    if !row.value.is_empty() {
        // One value per row: a later trailing figure belongs to the label
        // ("mức độ 3").
        row.label.push(t);
        return;
    }
    if let Some(c) = VALUE.captures(&t) {
        if let Some(v) = c.name("v") {
            row.value.push(v.as_str().to_owned());
            let cut = c.get(0).map_or(t.len(), |m| m.start());
            t = t[..cut].trim().to_owned();
        }
    }
    if let Some(u) = unit_of(&t) {
        row.unit.push(t[u..].trim().to_owned());
        t = t[..u].trim().to_owned();
    }
    if !t.is_empty() {
        row.label.push(t);
    }
}

/// Scores `ours` against `gold` table rows: rows are matched by STT (trailing
/// dots ignored; in order for repeated STTs), cells compared after collapsing
/// whitespace and removing `|`. Returns (cells right, gold cells).
pub fn score_cells(gold: &[Vec<String>], ours: &[Vec<String>]) -> (usize, usize) {
    let key = |r: &Vec<String>| {
        r.first()
            .map(|s| s.trim().trim_end_matches('.').to_owned())
            .unwrap_or_default()
    };
    let mut used = vec![false; ours.len()];
    let mut right = 0;
    let mut total = 0;
    for g in gold {
        total += g.len();
        let k = key(g);
        let Some(pos) = ours
            .iter()
            .enumerate()
            .position(|(i, o)| !used[i] && key(o) == k)
        else {
            continue;
        };
        used[pos] = true;
        for (c, cell) in g.iter().enumerate() {
            let o = ours[pos].get(c).map(|s| clean(s)).unwrap_or_default();
            if clean(cell) == o {
                right += 1;
            }
        }
    }
    (right, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stt_that_lost_its_dots() {
        assert_eq!(
            ocr_stt("53 Số nhiệm vụ", Some(&[5, 2])),
            Some(("5.3.".into(), vec![5, 3]))
        );
        assert_eq!(
            ocr_stt("141 Số TTHC", Some(&[1, 4])),
            Some(("1.4.1.".into(), vec![1, 4, 1]))
        );
        assert_eq!(
            ocr_stt("L4 | Tổng số", Some(&[1, 3])),
            Some(("1.4.".into(), vec![1, 4]))
        );
        assert_eq!(
            ocr_stt("143, . . 173", Some(&[1, 4, 2])),
            Some(("1.4.3.".into(), vec![1, 4, 3]))
        );
        // Not after what came before, or a first row: a number, not an STT.
        assert_eq!(ocr_stt("29 Số TTHC", Some(&[2, 1])), None);
        assert_eq!(ocr_stt("53 Số", None), None);
        assert!(bare_before_lower("7 xong"));
        assert!(!bare_before_lower("3 | nhìn qua"));
        assert!(!bare_before_lower("5 Thực hiện"));
        assert_eq!(ocr_stt("2023 năm", Some(&[2, 0])), None);
    }

    #[test]
    fn plausible_stt() {
        assert!(plausible(Some(&[1]), &[1, 1]));
        assert!(plausible(Some(&[1, 4, 3]), &[2]));
        assert!(plausible(Some(&[3, 1, 2]), &[3, 2]));
        assert!(!plausible(Some(&[3, 1, 2]), &[6, 2, 1]));
        assert!(!plausible(Some(&[1]), &[]));
    }

    #[test]
    fn scorer_matches_by_stt() {
        let g = vec![
            vec!["1.".into(), "A".into()],
            vec!["2.".into(), "B b".into()],
        ];
        let o = vec![
            vec!["2".into(), "B  b".into()],
            vec!["1.".into(), "X".into()],
        ];
        // STT cells are compared as printed: "2" is not "2.".
        assert_eq!(score_cells(&g, &o), (2, 4));
    }
}
