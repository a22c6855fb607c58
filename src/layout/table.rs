//! Appendix tables ("Phụ lục", "Biểu mẫu") that OCR flattened into lines.
//!
//! A table row is anchored by its STT (`1.`, `3.1.2.`). OCR drops the STT's
//! dots (`311`, `6.11`) or garbles it (`29`, `6o`, `,`), so the STTs are
//! decoded as a sequence: each line's first token has readings (as printed,
//! or one level per digit), the best chain in numbering order is kept
//! (`decode_stts`), and a row the chain skips goes on the line between
//! whose STT cell looks garbled (`place_missing`). The lines of a row's
//! label above the STT line (STT is centred vertically) start with a capital,
//! continuation lines with a lower-case letter. Header lines (STT, Chỉ tiêu,
//! Đơn vị tính, Số liệu, Ghi chú …) repeated on each page are dropped, matched
//! by their words since OCR reads each copy differently, so a table split
//! over pages comes out as one table. Rule residue in the STT column (`"7 |`)
//! is dropped. Cells are separated with `|` where OCR printed it; the value
//! (a figure at the end of a line) and the unit before it (a suffix shared by
//! several rows, a short cell between rules, or coded choices `Không =0
//! Có=1`) are split off by position.

use super::{Claims, Line};
use crate::output::{BlockKind, Table};
use crate::text::cells;
use crate::text::spaced::{is_unit_column, split_unit};
use crate::text::viet::skeleton;
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

static APPENDIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:phu\s+luc|bieu\s+mau|bieu\s+t[o0]ng\s+h[o0q]p)\b").unwrap());
static FORM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^bieu\s+mau\s*\S*\s*$").unwrap());
static HEADER_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:stt|chi tieu|don vi|so lieu|ghi chu|ket qua|noi dung|thoi gian|chu tri|phoi hop|san pham|muc do|hinh thuc)\b")
        .unwrap()
});
static VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s|])(?P<v>\d+(?:[.,]\d+)*%?)\s*\|?\s*$").unwrap());

/// First line (0-based) of the appendix after `from`: a "Phụ lục"/"Biểu mẫu"
/// line, or the header printed again above it.
pub(crate) fn find_appendix(lines: &[Line<'_>], from: usize, claims: &Claims) -> Option<usize> {
    // A title opens with a capital (`Phụ lục`, `BIỂU MẪU`): a line that opens
    // with `biểu mẫu` in small letters is a sentence wrapped onto it.
    let at = (from..lines.len()).find(|&i| {
        let f = &lines[i].fold.s;
        APPENDIX.is_match(f)
            && lines[i].text.chars().count() < 80
            && !lines[i].text.starts_with(char::is_lowercase)
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

/// Characters that table rules, stamps and the STT cell leave behind in OCR.
const RESIDUE: &[char] = &[
    '"', '\'', '‘', '’', '“', '”', '™', '\\', ',', '.', ';', ':', '~', '_', '£', '¢', '§', '¦',
    '!', ')', '`', '|', '«', '»',
];

/// A figure: digits with `.`/`,` groups, optionally a trailing `%`.
fn is_number(tok: &str) -> bool {
    let t = tok.strip_suffix('%').unwrap_or(tok);
    t.chars().next().is_some_and(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// A token of rule residue (`"7`, `™"`, `,`, `'`): at most three characters,
/// residue marks and digits only, not a figure.
fn is_residue(tok: &str) -> bool {
    let n = tok.chars().count();
    (1..=3).contains(&n)
        && tok.chars().any(|c| RESIDUE.contains(&c))
        && tok
            .chars()
            .all(|c| RESIDUE.contains(&c) || c.is_ascii_digit())
        && !is_number(tok)
}

/// A stray mark rather than a word or a figure: at most one letter or digit
/// (`..z`, `X`, `£`, `\`), and not `%` or an `=` choice (`=0`).
fn is_mark(tok: &str) -> bool {
    tok.chars().filter(|c| c.is_alphanumeric()).count() <= 1
        && !is_number(tok)
        && tok != "%"
        && !tok.contains('=')
}

/// The line's words with `|` as a word of its own.
fn bar_tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for w in text.split_whitespace() {
        let mut rest = w;
        while let Some(k) = rest.find('|') {
            if k > 0 {
                out.push(&rest[..k]);
            }
            out.push("|");
            rest = &rest[k + 1..];
        }
        if !rest.is_empty() {
            out.push(rest);
        }
    }
    out
}

/// One way of reading a line's first token as an STT.
#[derive(Clone, Debug, PartialEq)]
struct Reading {
    /// The numbers, one per level.
    parts: Vec<u32>,
    /// The STT as it goes into the table.
    printed: String,
    /// Printed with its dots as OCR read them (a style witness).
    literal: bool,
    /// Evidence that the token is an STT (tenths).
    score: i32,
}

/// The ways the first token of `line` reads as an STT: as printed (`3.1.2.`,
/// `5.4,` with a comma for the dot, `7`), and with lost dots put back in a
/// group of 2–3 digits (`53` = 5.3., `6.11` = 6.1.1, `L4` = 1.4.). Which one
/// is right is left to the sequence ([`decode_stts`]).
fn readings(line: &str) -> Vec<Reading> {
    static TOKEN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\d{1,3}(?:[.,]\d{1,3}){0,3}[.,]?$").unwrap());
    let toks = bar_tokens(line);
    let mut it = toks.iter().copied().skip_while(|t| *t == "|");
    let Some(first) = it.next() else {
        return Vec::new();
    };
    let rest: Vec<&str> = it.collect();
    let bar = rest.first() == Some(&"|");
    let next = rest.iter().find(|t| **t != "|");
    let lower_next = next.is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    // Marks glued to the token (`„2.`, `45_`), a colon for a dot (`3:9`):
    // read through them, as weaker evidence.
    let bare = first
        .trim_start_matches(['„', '"', '\'', '‘', '’', '“', '”', '~'])
        .trim_end_matches(['_', '—', '-']);
    let glued = bare.len() != first.len();
    let first = bare.replace([':', ';'], ",");
    let first = first.as_str();
    // `L4`, `l4`, `I4`: a 1 misread as a letter, only in a dot-less token.
    let mut tok = first.to_owned();
    let mut mapped = false;
    if let Some(r) = first.strip_prefix(['L', 'l', 'I']) {
        if (1..=2).contains(&r.len()) && r.chars().all(|c| c.is_ascii_digit()) {
            tok = format!("1{r}");
            mapped = true;
        }
    }
    if !TOKEN.is_match(&tok) {
        return Vec::new();
    }
    let trailing = tok.ends_with(['.', ',']);
    let comma = tok.contains(',');
    let seps = tok.contains(['.', ',']);
    let groups: Vec<&str> = tok.split(['.', ',']).filter(|g| !g.is_empty()).collect();
    let bar_bonus = if bar { 5 } else { 0 } - if glued { 5 } else { 0 };
    let weak = !bar && (lower_next || next.is_none());
    let mut out = Vec::new();
    // Levels below the first have at most two digits (`1.12.`); the first
    // may have three (row 118 of a long table).
    if !mapped && groups.iter().skip(1).all(|g| g.len() <= 2) {
        let parts: Vec<u32> = groups.iter().filter_map(|g| g.parse().ok()).collect();
        if !parts.contains(&0) && parts.len() == groups.len() {
            let score = if comma {
                20
            } else if seps {
                30
            } else if weak {
                5
            } else {
                20
            };
            let mut printed = groups.join(".");
            if trailing {
                printed.push('.');
            }
            out.push(Reading {
                parts,
                printed,
                literal: !comma && !glued,
                score: score + bar_bonus,
            });
        }
    }
    if groups.iter().any(|g| g.len() >= 2) && groups.iter().map(|g| g.len()).sum::<usize>() <= 4 {
        let parts: Vec<u32> = groups
            .iter()
            .flat_map(|g| g.chars())
            .filter_map(|c| c.to_digit(10))
            .collect();
        if !parts.contains(&0) {
            let mut printed = parts
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(".");
            // Dot-less: the siblings print a trailing dot; else as printed.
            if trailing || !seps {
                printed.push('.');
            }
            let score = if weak && !seps { 10 } else { 20 };
            out.push(Reading {
                parts,
                printed,
                literal: false,
                score: score + bar_bonus,
            });
        }
    }
    out
}

/// The rows strictly between `prev` and `next` in a complete numbering
/// (`5.4.` → `6.1` misses `6`; `6.1.3.` → `6.2.2.` misses `6.2`, `6.2.1`), or
/// `None` when `next` cannot follow `prev`.
fn between(prev: &[u32], next: &[u32]) -> Option<Vec<Vec<u32>>> {
    let c = prev.iter().zip(next).take_while(|(a, b)| a == b).count();
    let mut out = Vec::new();
    let from = if c == prev.len() {
        // A descendant of prev.
        if next.len() == c {
            return None;
        }
        c
    } else {
        // Diverges at level c: a later sibling of prev's ancestor.
        if next.len() <= c || next[c] <= prev[c] {
            return None;
        }
        for k in prev[c] + 1..next[c] {
            let mut r = prev[..c].to_vec();
            r.push(k);
            out.push(r);
        }
        if c + 1 < next.len() {
            out.push(next[..=c].to_vec());
        }
        c + 1
    };
    for j in from..next.len() {
        for k in 1..next[j] {
            let mut r = next[..j].to_vec();
            r.push(k);
            out.push(r);
        }
        if j + 1 < next.len() {
            out.push(next[..=j].to_vec());
        }
    }
    Some(out)
}

/// Most rows one step of the sequence may skip.
const MAX_MISSING: usize = 4;
/// Cost of starting the numbering again inside a table body (tenths).
const RESTART_COST: i32 = 20;
/// Most readings a step of the sequence looks back over.
const MAX_BACK: usize = 64;
/// Cost of each row a step skips (tenths, as the reading scores).
const MISSING_COST: i32 = 6;

/// Picks the STT sequence of a table body: one reading per line or none, each
/// after the one before in the numbering, maximizing the readings' evidence
/// minus the rows the sequence would have to skip. `cands[k]` are the
/// readings of body line `k`; returns the chosen (line, reading) pairs.
fn decode_stts(cands: &[Vec<Reading>]) -> Vec<(usize, usize)> {
    let flat: Vec<(usize, usize)> = cands
        .iter()
        .enumerate()
        .flat_map(|(k, rs)| (0..rs.len()).map(move |r| (k, r)))
        .collect();
    let get = |i: usize| &cands[flat[i].0][flat[i].1];
    let mut best: Vec<i32> = Vec::with_capacity(flat.len());
    let mut back: Vec<Option<usize>> = Vec::with_capacity(flat.len());
    for j in 0..flat.len() {
        let rj = get(j);
        // A table starts anywhere (excerpts of a form), preferably at the top level.
        let mut b = rj.score - 3 * (rj.parts.len() as i32 - 1);
        let mut from = None;
        // A step goes back a bounded number of readings (linear time on
        // long or adversarial input).
        for i in j.saturating_sub(MAX_BACK)..j {
            if flat[i].0 >= flat[j].0 {
                continue;
            }
            let v = match between(&get(i).parts, &rj.parts) {
                Some(miss) if miss.len() <= MAX_MISSING => {
                    best[i] + rj.score - MISSING_COST * miss.len() as i32
                }
                Some(_) => continue,
                // The numbering starts again (`1`, `1.1`): a table in parts
                // under one title (criteria for enterprises, then for
                // cooperatives…).
                None if rj.parts.iter().all(|&p| p == 1) => {
                    best[i] + rj.score - RESTART_COST - MISSING_COST * (rj.parts.len() as i32 - 1)
                }
                None => continue,
            };
            if v > b {
                b = v;
                from = Some(i);
            }
        }
        best.push(b);
        back.push(from);
    }
    let mut end = None;
    for (j, &b) in best.iter().enumerate() {
        if b > 0 && end.is_none_or(|e: usize| b > best[e]) {
            end = Some(j);
        }
    }
    let mut out = Vec::new();
    while let Some(j) = end {
        out.push(flat[j]);
        end = back[j];
    }
    out.reverse();
    out
}

/// How well a line can be the STT line of a row the sequence misses (its
/// number garbled: `5` for `6`, `29` for `2.2.`, `6o` for `6.2.`, `,` for
/// `2.`): a short number-like token or residue in the STT column, better
/// with a `|` after it, a capital after it, and the missing row's first digit.
/// `None` when the line does not start like a row.
fn host_score(text: &str, row: &[u32]) -> Option<i32> {
    let toks = bar_tokens(text);
    let mut it = toks.iter().copied().skip_while(|t| *t == "|");
    let first = it.next()?;
    let rest: Vec<&str> = it.collect();
    let numberlike = first.chars().count() <= 6
        && first.chars().any(|c| c.is_ascii_digit())
        && first
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | 'o' | 'O' | 'L' | 'l' | 'I'));
    let mut score = if numberlike {
        10
    } else if is_residue(first) {
        4
    } else {
        return None;
    };
    if numberlike {
        // The first digit agrees with the row's (`48` for `42`, `29` for `2.2`).
        let d = first.chars().next().and_then(|c| match c {
            'L' | 'l' | 'I' => Some('1'),
            c => c.is_ascii_digit().then_some(c),
        });
        let want = row.first().and_then(|n| n.to_string().chars().next());
        if d.is_some() && d == want {
            score += 5;
        }
    }
    if rest.first() == Some(&"|") {
        score += 3;
    }
    let next = rest.iter().find(|t| **t != "|");
    if next.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase)) {
        score += 3;
    }
    Some(score)
}

/// Least [`host_score`] for a line to take a missing row. Residue before a
/// rule or a capital is enough: on real OCR the rows a sequence skips are
/// rarely absent when such a line sits where they belong (`§.1 | bay…` for
/// 8.1, `" NGÀNH…` for 7).
const MIN_HOST: i32 = 7;

/// Places the rows `missing` (in order) on lines `lines` (body positions, in
/// order, with their texts), each on its own line, in order, maximizing the
/// host scores; rows without a good enough line stay missing. Returns
/// (body position, row) pairs.
fn place_missing(lines: &[(usize, &str)], missing: &[Vec<u32>]) -> Vec<(usize, Vec<u32>)> {
    let (n, m) = (lines.len(), missing.len());
    // f[q][k]: best total using the first q lines for the first k rows.
    let mut f = vec![vec![0i32; m + 1]; n + 1];
    for q in 1..=n {
        for k in 0..=m {
            let mut v = f[q - 1][k];
            if k > 0 {
                v = v.max(f[q][k - 1]);
                if let Some(h) = host_score(lines[q - 1].1, &missing[k - 1]) {
                    if h >= MIN_HOST {
                        v = v.max(f[q - 1][k - 1] + h);
                    }
                }
            }
            f[q][k] = v;
        }
    }
    let mut out = Vec::new();
    let (mut q, mut k) = (n, m);
    while q > 0 && k > 0 {
        if f[q][k] == f[q - 1][k] {
            q -= 1;
        } else if f[q][k] == f[q][k - 1] {
            k -= 1;
        } else {
            out.push((lines[q - 1].0, missing[k - 1].clone()));
            q -= 1;
            k -= 1;
        }
    }
    out.reverse();
    out
}

/// Does the style of the table's STTs at `depth` levels end with a dot? The
/// literal STTs of that depth if they agree, else those of the whole table.
fn trailing_dot(literal: &[(usize, bool)], depth: usize) -> bool {
    let same: Vec<bool> = literal
        .iter()
        .filter(|(d, _)| *d == depth)
        .map(|&(_, t)| t)
        .collect();
    if !same.is_empty() && same.iter().all(|&t| t == same[0]) {
        return same[0];
    }
    let dots = literal.iter().filter(|(_, t)| *t).count();
    dots * 2 >= literal.len()
}

/// A row being assembled.
#[derive(Debug, Default)]
struct RowAcc {
    stt: String,
    label: Vec<String>,
    unit: Vec<String>,
    value: Vec<String>,
    note: Vec<String>,
    line: usize,
}

fn clean(s: &str) -> String {
    s.replace('|', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The tables of the body's lines `from..to`, in text order: those printed
/// with `|` between cells (see [`crate::text::cells`]) and those printed
/// without rules (see [`crate::text::spaced`]). Their lines stay in the
/// blocks of the sections around them; a row short of cells (OCR lost a
/// rule) is padded on its left, where the names are, so cells stay under
/// their columns. The line just above a heading is the title when it names
/// a table (`Bảng 1. …`).
pub(crate) fn body_tables(lines: &[Line<'_>], from: usize, to: usize) -> Vec<Table> {
    let to = to.min(lines.len());
    let from = from.min(to);
    let texts: Vec<&str> = lines[from..to].iter().map(|l| l.text.as_str()).collect();
    let mut tables = ruled_tables(lines, from, &texts);
    tables.extend(spaced_tables(lines, from, &texts));
    tables.sort_by_key(|t| t.line_start);
    tables
}

/// A body table whose heading and end are `span` (indices from `from` in
/// `lines`: the heading line, the line after the last row), opened by the
/// line above its heading when that names a table (`Bảng 1. …`).
fn body_table(
    lines: &[Line<'_>],
    from: usize,
    (heading, end): (usize, usize),
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
    row_lines: Vec<usize>,
) -> Table {
    let title_line = heading
        .checked_sub(1)
        .map(|k| &lines[from + k])
        .filter(|l| l.fold.s.starts_with("bang ") && l.text.chars().count() <= 120);
    let first = title_line.unwrap_or(&lines[from + heading]);
    Table {
        title: title_line.map(|l| l.text.clone()),
        line_start: first.no,
        line_end: lines[from + end - 1].no,
        columns,
        rows,
        row_lines,
    }
}

/// The tables printed without rules in `texts` (lines `from..` of
/// `lines`; see [`crate::text::spaced`]): each row's cells are its number,
/// its name and its figures, the figures under the columns on the right and
/// the name's cells under those left of them (merged when there are more
/// of them, padded on the left when fewer).
fn spaced_tables(lines: &[Line<'_>], from: usize, texts: &[&str]) -> Vec<Table> {
    crate::text::spaced::find_tables(texts)
        .into_iter()
        .map(|t| {
            let width = t.columns.len();
            let mut rows = Vec::new();
            let mut row_lines = Vec::new();
            for k in t.heading_line + 1..t.end_line {
                let Some(r) = crate::text::spaced::row(texts[k]) else {
                    continue;
                };
                let figures: Vec<String> = r.figures.iter().map(|f| (*f).to_owned()).collect();
                let room = width.saturating_sub(figures.len()).max(1);
                // The left columns: the row number's, the name's and the
                // unit's, as the heading has them.
                let left_columns = &t.columns[..room.min(width)];
                let numbered = left_columns
                    .first()
                    .is_some_and(|c| matches!(skeleton(c).as_str(), "tt" | "stt"));
                let unit_at = left_columns.iter().position(|c| is_unit_column(c));
                let mut left: Vec<String> = Vec::new();
                if numbered {
                    left.push(r.number.unwrap_or("").to_owned());
                } else if let Some(n) = r.number {
                    left.push(n.to_owned());
                }
                match unit_at.and_then(|_| split_unit(r.name)) {
                    Some((name, unit)) => left.extend([name.to_owned(), unit.to_owned()]),
                    None => left.push(r.name.to_owned()),
                }
                if left.len() > room {
                    left = vec![left.join(" ")];
                }
                // Cells the row lacks go after its name (a unit or note).
                left.resize(room, String::new());
                let mut cells = left;
                cells.extend(figures);
                rows.push(cells);
                row_lines.push(lines[from + k].no);
            }
            let span = (t.heading_line, t.end_line);
            body_table(lines, from, span, t.columns, rows, row_lines)
        })
        .collect()
}

/// The tables printed with `|` between cells in `texts` (lines `from..` of
/// `lines`).
fn ruled_tables(lines: &[Line<'_>], from: usize, texts: &[&str]) -> Vec<Table> {
    // Read with the rules OCR misread put back.
    let restored = crate::text::pipes::restore(texts);
    let texts: Vec<&str> = restored.iter().map(AsRef::as_ref).collect();
    let texts = texts.as_slice();
    cells::find_tables(texts)
        .into_iter()
        .map(|t| {
            let mut rows = Vec::new();
            let mut row_lines = Vec::new();
            for k in t.first_row..t.end_line {
                // A row's last cells wrapped onto the next line are the row's.
                let Some(row) = t.row(texts, k) else {
                    continue;
                };
                let pad = t.heading.len().saturating_sub(row.len());
                let mut padded = vec![String::new(); pad];
                padded.extend(row.iter().map(|c| c.text.to_owned()));
                rows.push(padded);
                row_lines.push(lines[from + k].no);
            }
            let span = (t.heading_line, t.end_line);
            body_table(lines, from, span, t.heading, rows, row_lines)
        })
        .collect()
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

/// Words of a folded line that can be compared with a header: letter runs of two or more.
fn header_words(fold: &str) -> impl Iterator<Item = &str> {
    fold.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// Share (percent) of the line's words found in `vocab`; `None` without words.
fn header_share(fold: &str, vocab: &BTreeSet<&str>) -> Option<usize> {
    let (mut n, mut hit) = (0, 0);
    for w in header_words(fold) {
        n += 1;
        hit += usize::from(vocab.contains(w));
    }
    (n > 0).then(|| hit * 100 / n)
}

/// The words of a column header besides those of the table's own header lines.
const HEADER_VOCAB: &str =
    "stt chi tieu don vi tinh so lieu ghi chu ket qua thong ke noi dung thoi gian chu tri phoi hop san pham muc do hinh thuc";

/// Marks the header lines printed again at the top of a continuation page:
/// a run that starts with a line naming two columns or more (`Chỉ tiêu`,
/// `Kết quả`, `Ghi chú`…) whose words are mostly header words, and goes on
/// while the words are.
/// OCR reads each copy differently, so the words are compared, not the lines.
fn repeated_header(body: &[&Line<'_>], header: &[String]) -> Vec<bool> {
    let mut vocab: BTreeSet<&str> = HEADER_VOCAB.split(' ').collect();
    for h in header {
        vocab.extend(header_words(h));
    }
    let keys: Vec<String> = header.iter().map(|h| clean(h)).collect();
    let mut out = vec![false; body.len()];
    let mut run = false;
    for (k, l) in body.iter().enumerate() {
        if l.is_blank() {
            continue;
        }
        let f = &l.fold.s;
        let share = header_share(f, &vocab);
        let exact = keys.iter().any(|h| *h == clean(f));
        let names: BTreeSet<&str> = HEADER_WORDS.find_iter(f).map(|m| m.as_str()).collect();
        if exact || names.len() >= 2 && share.is_some_and(|s| s >= 60) {
            run = true;
        } else if !(run && share.is_some_and(|s| s >= 50)) {
            run = false;
        }
        out[k] = run;
    }
    out
}

/// The readings of a line's first token, from the repaired text and from the
/// input (repair may have made a word of a garbled STT: `L4` → `Lá`).
fn line_readings(l: &Line<'_>) -> Vec<Reading> {
    let mut out = readings(&l.text);
    for r in readings(l.raw.trim()) {
        match out.iter_mut().find(|o| o.parts == r.parts) {
            Some(o) if o.score < r.score => *o = r,
            Some(_) => {}
            None => out.push(r),
        }
    }
    out
}

/// A line's text for its cells: without the STT token (`stt`), without rule
/// residue in the STT column (`"7 |`, `™" |`, `'`), and without a stray
/// capital before a lower-case word (`T trực tuyến`). Marks left over on an
/// STT line (`5.4, \ X`, `3.1 | ..z N X a`) are dropped; any figures among
/// them are returned apart (a value only if the row has none).
fn cell_text(l: &Line<'_>, stt: bool) -> (String, Vec<String>) {
    let text = bar_tokens(&l.text);
    let raw = bar_tokens(l.raw);
    // The input token of each text token when repair kept the count.
    let aligned = raw.len() == text.len();
    let raw_of = |k: usize| if aligned { raw[k] } else { text[k] };
    let mut k = 0;
    let skip_bars = |k: &mut usize| {
        while *k < text.len() && text[*k] == "|" {
            *k += 1;
        }
    };
    skip_bars(&mut k);
    if stt {
        k += 1;
        skip_bars(&mut k);
    }
    while k < text.len() && (text[k] == "|" || is_residue(text[k]) || is_residue(raw_of(k))) {
        k += 1;
    }
    if !stt && k + 1 < text.len() {
        let first = text[k];
        let lower_next = text[k + 1].chars().next().is_some_and(char::is_lowercase);
        let consonant = first.len() == 1
            && first
                .chars()
                .all(|c| c.is_ascii_uppercase() && !"AEIOUY".contains(c));
        if consonant && lower_next {
            k += 1;
        }
    }
    let rest: Vec<usize> = (k..text.len()).filter(|&j| text[j] != "|").collect();
    if stt
        && !rest.is_empty()
        && rest
            .iter()
            .all(|&j| is_number(text[j]) || is_mark(raw_of(j)) || is_mark(text[j]))
        && rest.iter().any(|&j| !is_number(text[j]))
    {
        let figures = rest
            .iter()
            .filter(|&&j| is_number(text[j]))
            .map(|&j| text[j].to_owned())
            .collect();
        return (String::new(), figures);
    }
    (text[k..].join(" "), Vec::new())
}

/// Longest label tail (characters) a line may have for its leading figure
/// to be read as STT debris.
const MAX_DEBRIS_TAIL: usize = 12;

/// The text of the line below an STT line without the fragment the STT
/// left there, or `None` when it has none. An STT is centred on its row, so
/// one printed across two text lines is read on the first (`311`) and leaves
/// a stray figure on the second (`7 xong`, `77 xong`): a bare number of one
/// or two digits before the short tail of the label, in lower case. A label
/// wrapped before a figure (`mức độ` / `3 và 4 đã tích hợp, công khai`) goes
/// on longer, so a longer tail keeps its figure.
fn strip_stt_debris(text: &str) -> Option<String> {
    let toks: Vec<&str> = text.split_whitespace().collect();
    let (first, rest) = toks.split_first()?;
    let bare = (1..=2).contains(&first.len()) && first.chars().all(|c| c.is_ascii_digit());
    let tail = rest.join(" ");
    let lower = rest
        .first()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    (bare && lower && rest.len() <= 2 && tail.chars().count() <= MAX_DEBRIS_TAIL).then_some(tail)
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

    // Body lines: not blank, not a header repeated on a later page.
    let all: Vec<&Line<'_>> = lines[k.min(b)..b].iter().collect();
    let repeated = repeated_header(&all, &header_lines);
    let body: Vec<(usize, &Line<'_>)> = all
        .iter()
        .zip(&repeated)
        .enumerate()
        .filter(|(_, (l, rep))| !l.is_blank() && !**rep)
        .map(|(j, (l, _))| (k + j, *l))
        .collect();

    // STTs: the best sequence of readings, then rows the sequence skips
    // placed on lines whose STT OCR garbled.
    let cands: Vec<Vec<Reading>> = body.iter().map(|(_, l)| line_readings(l)).collect();
    let anchors: Vec<(usize, Reading)> = decode_stts(&cands)
        .into_iter()
        .map(|(p, r)| (p, cands[p][r].clone()))
        .collect();
    let literal: Vec<(usize, bool)> = anchors
        .iter()
        .filter(|(_, r)| r.literal)
        .map(|(_, r)| (r.parts.len(), r.printed.ends_with('.')))
        .collect();
    let mut stt: Vec<Option<String>> = vec![None; body.len()];
    for (p, r) in &anchors {
        stt[*p] = Some(r.printed.clone());
    }
    for w in anchors.windows(2) {
        let (pa, pb) = (w[0].0, w[1].0);
        let missing = between(&w[0].1.parts, &w[1].1.parts).unwrap_or_default();
        if missing.is_empty() {
            continue;
        }
        let hosts: Vec<(usize, &str)> =
            (pa + 1..pb).map(|p| (p, body[p].1.text.as_str())).collect();
        for (p, row) in place_missing(&hosts, &missing) {
            let mut printed = row.iter().map(u32::to_string).collect::<Vec<_>>().join(".");
            if trailing_dot(&literal, row.len()) {
                printed.push('.');
            }
            stt[p] = Some(printed);
        }
    }
    let mut cells: Vec<(String, Vec<String>)> = body
        .iter()
        .zip(&stt)
        .map(|((_, l), s)| cell_text(l, s.is_some()))
        .collect();
    // The STT printed across two lines leaves a fragment on the second.
    for pos in 1..cells.len() {
        if stt[pos].is_none() && stt[pos - 1].is_some() {
            if let Some(rest) = strip_stt_debris(&cells[pos].0) {
                cells[pos].0 = rest;
            }
        }
    }
    // A code wrapped alone (`Trực tuyến` / `=0`) ends the choice above it.
    for pos in 1..cells.len() {
        let lone_code = cells[pos].0.starts_with('=') && coded_tail(&cells[pos].0) == Some(0);
        if lone_code && stt[pos].is_none() && stt[pos - 1].is_none() && !cells[pos - 1].0.is_empty()
        {
            let code = std::mem::take(&mut cells[pos].0);
            cells[pos - 1].0.push(' ');
            cells[pos - 1].0.push_str(&code);
        }
    }

    // The narrow notes column, when the header names one.
    let noted = header_text.contains("ghi chu");
    let mut line_note: Vec<Option<String>> = vec![None; cells.len()];
    let mut note_line = vec![false; cells.len()];
    if noted {
        for (cell, note) in cells.iter_mut().zip(&mut line_note) {
            if let Some((head, tail)) = split_note_tail(&cell.0) {
                cell.0 = head;
                *note = Some(tail);
            }
        }
        let texts: Vec<&str> = cells.iter().map(|c| c.0.as_str()).collect();
        let tails: Vec<bool> = line_note.iter().map(Option::is_some).collect();
        note_line = note_runs(&texts, &stt, &tails);
    }

    // Unit vocabulary: suffixes before a trailing value shared by ≥ 2 rows.
    let mut suffixes: BTreeMap<String, usize> = BTreeMap::new();
    for (t, _) in &cells {
        if let Some(c) = VALUE.captures(t) {
            let before = clean(&t[..c.get(0).map_or(0, |m| m.start())]);
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
    // A figure after `=` is a choice's code (`Kết hợp = 2`), not a value
    // that would open a row.
    let has_value = |t: &str| {
        let t = clean(t);
        VALUE
            .captures(&t)
            .and_then(|c| c.name("v"))
            .is_some_and(|v| !t[..v.start()].trim_end().ends_with('='))
    };
    let has_unit = |t: &str| unit_of(&clean(t)).is_some();

    // Rows.
    let mut rows: Vec<RowAcc> = Vec::new();
    let mut pending: Vec<(usize, &str)> = Vec::new();
    // Notes read since the last line of a row: they go with the label line
    // after them when it opens the next row, else with the row above.
    let mut notes: Vec<String> = Vec::new();
    for (pos, (idx, _)) in body.iter().enumerate() {
        let (text, figures) = (&cells[pos].0, &cells[pos].1);
        if note_line[pos] {
            notes.push(text.clone());
            continue;
        }
        notes.extend(line_note[pos].clone());
        // The next line with text.
        let next = (pos + 1..body.len())
            .find(|&q| !note_line[q] && (stt[q].is_some() || !cells[q].0.is_empty()));
        let next_is_stt = next.is_some_and(|q| stt[q].is_some());
        // Coded choices only, before an STT line that has choices too, when
        // the row above has none: the first options of a unit cell centred
        // on the next row (`Trực tuyến =0` above `6.2. | … Phát phiếu = 2`).
        let choices_of_next = next_is_stt
            && coded_tail(&clean(text)) == Some(0)
            && next.is_some_and(|q| coded_tail(&clean(&cells[q].0)).is_some())
            && !rows
                .last()
                .is_some_and(|r| r.unit.iter().any(|u| u.contains('=')));
        if let Some(n) = &stt[pos] {
            let mut row = RowAcc {
                stt: n.clone(),
                line: idx + 1,
                ..RowAcc::default()
            };
            if pending.is_empty() {
                if let Some(r) = rows.last_mut() {
                    let own = line_note[pos].as_ref().map_or(0, |_| 1);
                    r.note.extend(notes.drain(..notes.len() - own));
                }
            }
            row.note.append(&mut notes);
            for (no, p) in pending.drain(..) {
                split_cells(p, &mut row, &unit_of);
                row.line = row.line.min(no);
            }
            split_cells(text, &mut row, &unit_of);
            if row.value.is_empty() && !figures.is_empty() {
                split_cells(&figures.join(" "), &mut row, &unit_of);
            }
            rows.push(row);
        } else if text.is_empty() {
            continue;
        } else if rows.is_empty()
            || !pending.is_empty()
            || choices_of_next
            || text.chars().next().is_some_and(|c| c.is_uppercase())
                && (has_value(text) || has_unit(text) || next_is_stt)
                && !rows
                    .last()
                    .is_some_and(|r| closes_open_paren(&r.label, text))
                && coded_tail(&clean(text)) != Some(0)
        {
            // The first line(s) of the next row's label: its STT is printed
            // lower, centred in the row. Not a line of coded choices only
            // (`Kết hợp = 2`): that is the unit cell of the row above.
            pending.push((idx + 1, text));
        } else if let Some(r) = rows.last_mut() {
            r.note.append(&mut notes);
            split_cells(text, r, &unit_of);
        }
    }
    if let Some(r) = rows.last_mut() {
        for (_, p) in pending.drain(..) {
            split_cells(p, r, &unit_of);
        }
        r.note.append(&mut notes);
    }
    let units = unit_vocabulary(&rows);
    for r in &mut rows {
        unglue_unit(r, &units);
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
                cells.push(clean(&r.note.join(" ")));
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

/// A cell's letters and digits, folded (`Thủ tục` → `thutuc`): how a unit
/// is compared whatever OCR did to its spaces and marks.
fn unit_key(cell: &str) -> String {
    super::Folded::new(cell)
        .s
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '%')
        .collect()
}

/// The units of two words or more that two rows or more of the table print
/// (`Thủ tục`, `Hồ sơ`), by [`unit_key`], with their most common spelling:
/// the unit column's vocabulary, learned from the table itself.
fn unit_vocabulary(rows: &[RowAcc]) -> BTreeMap<String, String> {
    let mut counts: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for r in rows {
        let u = clean(&r.unit.join(" "));
        if u.split_whitespace().count() >= 2 && !u.contains('=') {
            *counts
                .entry(unit_key(&u))
                .or_default()
                .entry(u)
                .or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(k, spellings)| {
            let n: usize = spellings.values().sum();
            let best = spellings.into_iter().max_by_key(|(_, c)| *c)?.0;
            (n >= 2).then_some((k, best))
        })
        .collect()
}

/// The unit of `units` that `token` is with its spaces lost (`Thutuc`,
/// `Héso` with one letter misread): one word of four letters or more, at
/// most one edit from the unit's letters. Vietnamese writes each syllable
/// apart, so one word spelling two syllables is a glued cell, not a word.
fn glued_unit<'u>(token: &str, units: &'u BTreeMap<String, String>) -> Option<&'u str> {
    if token.contains(char::is_whitespace) {
        return None;
    }
    let key = unit_key(token);
    if key.chars().count() < 4 || key.chars().count() != token.chars().count() {
        return None;
    }
    let mut hits = units
        .iter()
        .filter(|(k, _)| edit_distance(k, &key) <= 1)
        .map(|(_, u)| u.as_str());
    let hit = hits.next()?;
    hits.next().is_none().then_some(hit)
}

/// Levenshtein distance between two short strings, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Puts a unit OCR glued into one word in the unit column's spelling: the
/// unit cell itself (`| Thutuc | 2269`), or, for a row with a value and no
/// unit, the word ending a label line (`… đúng hạn Héso | 40.887`).
fn unglue_unit(row: &mut RowAcc, units: &BTreeMap<String, String>) {
    if let [cell] = row.unit.as_slice() {
        if let Some(u) = glued_unit(cell, units) {
            row.unit = vec![u.to_owned()];
        }
        return;
    }
    if !row.unit.is_empty() || row.value.is_empty() {
        return;
    }
    for frag in &mut row.label {
        let Some((head, last)) = frag.rsplit_once(' ') else {
            continue;
        };
        if let Some(u) = glued_unit(last, units) {
            row.unit.push(u.to_owned());
            *frag = head.to_owned();
            return;
        }
    }
}

/// Most characters of a line of the notes column (`Ghi chú`): a narrow
/// column, a few words a line.
const NOTE_WIDTH: usize = 12;

/// Least lines of a run of narrow lines for it to be the notes column.
const MIN_NOTE_RUN: usize = 3;

/// Marks the lines of the notes column among the cell texts of a table body
/// (`stt`: the lines that carry an STT). The notes column is the narrowest,
/// so its wrapped text comes out of OCR as runs of short lines between the
/// label lines (`VP UBND` / `tỉnh tổng` / `hợp (khảo` …). The label column
/// is wide: only the last line of a label is short, so a run of three short
/// lines or more is the notes column, but for a first line in lower case
/// that ends the label above. Lines of coded choices (`=0`) and lone figures
/// are the unit and value columns', and break a run. After a line whose
/// notes cell was split off (`noted`), a lower-case first line goes on
/// with that note.
fn note_runs(texts: &[&str], stt: &[Option<String>], noted: &[bool]) -> Vec<bool> {
    let narrow = |k: usize| {
        let t = texts[k];
        stt.get(k).is_some_and(Option::is_none)
            && !t.is_empty()
            && t.chars().count() <= NOTE_WIDTH
            && !t.contains('=')
            && !t.split_whitespace().all(is_number)
    };
    let mut out = vec![false; texts.len()];
    let mut k = 0;
    while k < texts.len() {
        let end = (k..texts.len())
            .find(|&j| !narrow(j))
            .unwrap_or(texts.len());
        if end - k >= MIN_NOTE_RUN {
            let tail = texts[k].chars().next().is_some_and(char::is_lowercase)
                && !(k > 0 && noted.get(k - 1).copied().unwrap_or(false));
            let from = if tail { k + 1 } else { k };
            out[from..end].iter_mut().for_each(|n| *n = true);
        }
        k = end.max(k + 1);
    }
    out
}

/// Splits a line whose value is set between column rules and followed by
/// text (`… ông=0 | 1| người dân`) into the text up to the value and the
/// text after it: the notes column, the last one.
fn split_note_tail(text: &str) -> Option<(String, String)> {
    static TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<head>.*\|\s*\d+(?:[.,]\d+)*%?)\s*\|\s*(?P<note>\p{L}[^|\d]*)$").unwrap()
    });
    let c = TAIL.captures(text)?;
    let note = c.name("note")?.as_str().trim();
    Some((c.name("head")?.as_str().trim().to_owned(), note.to_owned()))
}

/// Where the coded choices ending `t` start (`Không =0`, `Có=1`, `Kết hợp =
/// 2`, `Phát phiếu =` whose code was taken as the value): at the capital
/// opening the first choice, or at the `=` when no capital is near. Choices
/// coded by figures are how statistics forms print a yes/no or a kind.
fn coded_tail(t: &str) -> Option<usize> {
    static CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[^=]*=\d+$").unwrap());
    let toks: Vec<(usize, &str)> = t
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - t.as_ptr() as usize, w))
        .collect();
    let upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut end = toks.len();
    let mut start = None;
    while end > 0 {
        let last = toks[end - 1].1;
        let eq = if CODE.is_match(last) || last.ends_with('=') {
            end - 1
        } else if end >= 2 && is_number(last) && toks[end - 2].1.ends_with('=') {
            end - 2
        } else {
            break;
        };
        let mut s = eq;
        if !upper(toks[eq].1) {
            for j in (eq.saturating_sub(3)..eq).rev() {
                if toks[j].1.contains('=') {
                    break;
                }
                if upper(toks[j].1) {
                    s = j;
                    break;
                }
            }
        }
        start = Some(s);
        end = s;
    }
    start.and_then(|s| toks.get(s)).map(|&(k, _)| k)
}

/// Does `text` close a parenthesis that `label` left open (`(Bao gồm cả
/// TTHC` … `Của cơ quan ngành dọc)`)? Then it goes on that label, whatever
/// the case OCR gave its first letter.
fn closes_open_paren(label: &[String], text: &str) -> bool {
    let depth = label
        .iter()
        .flat_map(|l| l.chars())
        .fold(0i32, |d, c| match c {
            '(' => d + 1,
            ')' => (d - 1).max(0),
            _ => d,
        });
    depth > 0
        && text
            .find(')')
            .is_some_and(|c| text.find('(').is_none_or(|o| c < o))
}

/// Splits one line's text into label, unit and value fragments of `row`.
/// The value is a figure ending the line; the unit a shared suffix before it
/// (`unit_of`) or a short cell between column rules (`… | Thủ tục | 2269`).
fn split_cells(text: &str, row: &mut RowAcc, unit_of: &dyn Fn(&str) -> Option<usize>) {
    let flat = clean(text);
    if flat.is_empty() {
        return;
    }
    if !row.value.is_empty() {
        // Coded choices go on in the unit: the code of a choice whose figure
        // wrapped (`Phát phiếu =` / `1`), more choices (`Kết hợp = 2`, `Có=1`).
        let coded_unit = row.unit.iter().any(|u| u.contains('='));
        if row.unit.last().is_some_and(|u| u.ends_with('=')) && is_number(&flat) {
            row.unit.push(flat);
            return;
        }
        if let Some(k) = coded_tail(&flat).filter(|&k| coded_unit || k == 0) {
            row.unit.push(flat[k..].to_owned());
            if k > 0 {
                row.label.push(flat[..k].trim().to_owned());
            }
            return;
        }
        // One value per row: a later trailing figure belongs to the label
        // ("mức độ 3"); a unit the row lacks may still end the line.
        if row.unit.is_empty() && !VALUE.is_match(&flat) {
            if let Some(u) = unit_of(&flat) {
                row.unit.push(flat[u..].trim().to_owned());
                if !flat[..u].trim().is_empty() {
                    row.label.push(flat[..u].trim().to_owned());
                }
                return;
            }
        }
        row.label.push(flat);
        return;
    }
    let mut t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut valued = false;
    // A column rule printed just before the value.
    let mut ruled = false;
    if let Some(c) = VALUE.captures(&t) {
        if let Some(v) = c.name("v") {
            row.value.push(v.as_str().to_owned());
            let cut = c.get(0).map_or(t.len(), |m| m.start());
            ruled = t[cut..v.start()].contains('|');
            t = t[..cut].trim().to_owned();
            ruled |= t.ends_with('|');
            valued = true;
        }
    }
    let body = t.trim_end_matches(|c: char| c == '|' || c.is_whitespace());
    if valued && body.ends_with('=') {
        // The value is the code of the last choice (`Phát phiếu = 2`).
        let flat = clean(body);
        if let Some(k) = coded_tail(&flat) {
            row.unit.push(flat[k..].to_owned());
            if k > 0 {
                row.label.push(flat[..k].trim().to_owned());
            }
            return;
        }
    }
    if valued {
        if let Some(k) = body.rfind('|') {
            let cell = clean(&body[k + 1..]);
            let before = clean(&body[..k]);
            let words = cell.split_whitespace().count();
            let starts = cell
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '%');
            if (1..=3).contains(&words) && !before.is_empty() && starts {
                row.unit.push(cell);
                row.label.push(before);
                return;
            }
        }
    }
    let mut t = clean(body);
    if !valued && coded_tail(&t) == Some(0) {
        // Choices only (`Trực tuyến =0`): the unit cell.
        row.unit.push(t);
        return;
    }
    if let Some(u) = unit_of(&t).or_else(|| ruled.then(|| ruled_unit(&t)).flatten()) {
        row.unit.push(t[u..].trim().to_owned());
        t = t[..u].trim().to_owned();
    }
    if !t.is_empty() {
        row.label.push(t);
    }
}

/// Where the unit starts in `t`, the text before a value that a column rule
/// sets off (`… phiếu khảo sát Số lượng | 14.390`), when no unit of the
/// table ends it: the last one or two words, the first capitalised and the
/// rest in lower case, after a lower-case word. A label reads on in lower
/// case; a unit cell opens with a capital.
fn ruled_unit(t: &str) -> Option<usize> {
    let words: Vec<&str> = t.split_whitespace().collect();
    let title = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.all(|c| !c.is_uppercase())
    };
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    (1..=2.min(words.len())).rev().find_map(|n| {
        let k = words.len().checked_sub(n + 1)?;
        let unit = &words[k + 1..];
        let fits = lower(words[k])
            && title(unit[0])
            && unit[1..]
                .iter()
                .all(|w| lower(w) && !w.contains(char::is_uppercase));
        fits.then(|| t.len() - unit.join(" ").len())
    })
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

    fn parts_of(rs: &[Reading]) -> Vec<(Vec<u32>, String)> {
        rs.iter()
            .map(|r| (r.parts.clone(), r.printed.clone()))
            .collect()
    }

    fn line(no: usize, raw: &str, text: &str) -> Line<'static> {
        let raw: &'static str = Box::leak(raw.to_owned().into_boxed_str());
        Line {
            no,
            raw,
            text: text.to_owned(),
            fold: super::super::Folded::new(text),
        }
    }

    #[test]
    fn readings_of_a_first_token() {
        assert_eq!(
            parts_of(&readings("3.1.2.| Số hồ sơ")),
            vec![(vec![3, 1, 2], "3.1.2.".into())]
        );
        // A comma for the last dot.
        assert_eq!(
            parts_of(&readings("5.4, \\ X")),
            vec![(vec![5, 4], "5.4.".into())]
        );
        // Lost dots: as printed, or one level per digit.
        assert_eq!(
            parts_of(&readings("53 Số nhiệm vụ")),
            vec![(vec![53], "53".into()), (vec![5, 3], "5.3.".into())]
        );
        assert_eq!(
            parts_of(&readings("6.11 Tổng số")),
            vec![
                (vec![6, 11], "6.11".into()),
                (vec![6, 1, 1], "6.1.1".into())
            ]
        );
        assert_eq!(
            parts_of(&readings("141 Số")),
            vec![(vec![141], "141".into()), (vec![1, 4, 1], "1.4.1.".into())]
        );
        // Row 141 cannot follow 1.4 (too many rows skipped): 1.4.1.
        let cands = vec![readings("1.4. | Tổng"), readings("141 Số TTHC")];
        let got = decode_stts(&cands);
        assert_eq!(cands[got[1].0][got[1].1].printed, "1.4.1.");
        assert_eq!(
            parts_of(&readings("L4 | Tổng số")),
            vec![(vec![1, 4], "1.4.".into())]
        );
        // Through glued marks and a colon for the dot.
        assert_eq!(
            parts_of(&readings("45_ |Tổ chức"))[0],
            (vec![45], "45".into())
        );
        assert_eq!(
            parts_of(&readings("„2. Thay đổi")),
            vec![(vec![2], "2.".into())]
        );
        assert_eq!(
            parts_of(&readings("3:9 | (dưới 200 ghế)"))[0],
            (vec![3, 9], "3.9".into())
        );
        assert!(readings("45_ |Tổ")[0].score < readings("45 |Tổ")[0].score);
        // Not STTs: a year, a word, a zero level.
        assert!(readings("2023 năm").is_empty());
        assert!(readings("Lá | Tổng").is_empty());
        assert!(readings("10.0 x").iter().all(|r| !r.parts.contains(&0)));
        // A bare number before a lower-case word is weak evidence.
        let weak = readings("7 xong");
        let strong = readings("7 | Tổ chức");
        assert!(weak[0].score < strong[0].score);
    }

    #[test]
    fn rows_between_two_stts() {
        let v = |x: &[&[u32]]| Some(x.iter().map(|r| r.to_vec()).collect::<Vec<_>>());
        assert_eq!(between(&[5, 4], &[6, 1]), v(&[&[6]]));
        assert_eq!(between(&[6, 1, 3], &[6, 2, 2]), v(&[&[6, 2], &[6, 2, 1]]));
        assert_eq!(between(&[2, 1], &[2, 3]), v(&[&[2, 2]]));
        assert_eq!(between(&[1, 4], &[1, 4, 1]), v(&[]));
        assert_eq!(between(&[1, 4, 3], &[2]), v(&[]));
        assert_eq!(between(&[6], &[6, 2, 1]), v(&[&[6, 1], &[6, 2]]));
        assert_eq!(between(&[3], &[6]), v(&[&[4], &[5]]));
        // Backwards, the same, or an ancestor: cannot follow.
        assert_eq!(between(&[6, 1, 3], &[6, 1]), None);
        assert_eq!(between(&[2, 1], &[2, 1]), None);
        assert_eq!(between(&[2, 1], &[1, 9]), None);
    }

    #[test]
    fn sequence_picks_consistent_readings() {
        let body = [
            "5.3. | Số nhiệm vụ",
            "5.4, \\ X",
            "5 lgan thchic", // garbled 6: not after 5.4
            "6.1 | Số lượng",
            "29 Số TTHC", // neither 29 nor 2.9 follows 6.1
            "6.2. | Hình thức",
            "9 xong", // a stray mark, far from 6.2
        ];
        let cands: Vec<Vec<Reading>> = body.iter().map(|t| readings(t)).collect();
        let got: Vec<(usize, String)> = decode_stts(&cands)
            .into_iter()
            .map(|(p, r)| (p, cands[p][r].printed.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (0, "5.3.".into()),
                (1, "5.4.".into()),
                (3, "6.1".into()),
                (5, "6.2.".into())
            ]
        );
        assert!(decode_stts(&[]).is_empty());
        // A long table decodes quickly, in order.
        let many: Vec<Vec<Reading>> = (1..=999)
            .map(|n| readings(&format!("{n}. | Dòng")))
            .collect();
        let got: Vec<String> = decode_stts(&many)
            .into_iter()
            .map(|(p, r)| many[p][r].printed.clone())
            .collect();
        assert_eq!(got.len(), 999);
        assert_eq!(got[117], "118.");
        // A table in parts: the numbering starts again at 1 (or 1.1).
        let cands: Vec<Vec<Reading>> = [
            "1 | Tư cách pháp lý",
            "1.1 | Có đăng ký",
            "2 | Mức độ liên quan",
            "2.1 | Có sản phẩm",
            "1.1 | Tư cách pháp lý",
            "1.2 | Có hoạt động",
            "2 | Mức độ liên quan",
            "1", // a wrapped figure alone: no restart worth its cost
            "3 | Mức độ sẵn sàng",
        ]
        .iter()
        .map(|t| readings(t))
        .collect();
        let got: Vec<usize> = decode_stts(&cands).into_iter().map(|(p, _)| p).collect();
        assert_eq!(got, vec![0, 1, 2, 3, 4, 5, 6, 8]);
        // The next top-level number before a lower-case word is still a row.
        let cands: Vec<Vec<Reading>> = ["6.2. | Hình", "7 tổ chức"]
            .iter()
            .map(|t| readings(t))
            .collect();
        assert_eq!(decode_stts(&cands).len(), 2);
    }

    #[test]
    fn missing_rows_go_to_garbled_stt_lines() {
        // 2.1 → 2.3 misses 2.2: the line whose STT reads `29` takes it, not
        // the continuation line with residue before its rule.
        let lines = [
            (4, "29 Số TTHC liên thông"),
            (5, "™\" | chính quyền"),
            (6, "Số TTHC đã"),
        ];
        assert_eq!(place_missing(&lines, &[vec![2, 2]]), vec![(4, vec![2, 2])]);
        // Two rows missing, two garbled lines, in order.
        let lines = [
            (1, "6o |Tyl1e TTHC"),
            (2, "\" | cấp trực"),
            (3, "6.1 Tổng số"),
            (4, "T trực"),
        ];
        assert_eq!(
            place_missing(&lines, &[vec![6, 2], vec![6, 2, 1]]),
            vec![(1, vec![6, 2]), (3, vec![6, 2, 1])]
        );
        // No line looks like a row start: the row stays missing.
        assert!(place_missing(&[(1, "cáo quốc gia")], &[vec![4]]).is_empty());
        // Residue before a rule or a capital can take a row.
        let lines = [(1, ", | Thực hiện")];
        assert_eq!(place_missing(&lines, &[vec![2]]), vec![(1, vec![2])]);
        assert!(place_missing(&[(1, "' liên thông")], &[vec![2]]).is_empty());
        assert_eq!(host_score(", | Thực hiện", &[2]), Some(10));
        // A two-digit row: its first digit, not its number, is compared.
        assert_eq!(host_score("48 _\"a sóc", &[42]), Some(15));
        assert_eq!(host_score("58 _\"a sóc", &[42]), Some(10));
        assert_eq!(host_score("Thực hiện", &[2]), None);
    }

    #[test]
    fn dot_style_from_the_siblings() {
        // Top level printed without dots, deeper levels with.
        let lit = [
            (1, false),
            (1, false),
            (2, true),
            (2, true),
            (2, false),
            (3, true),
        ];
        assert!(!trailing_dot(&lit, 1));
        assert!(trailing_dot(&lit, 3));
        // Depth 2 disagrees: the table's majority.
        assert!(trailing_dot(&lit, 2));
        assert!(trailing_dot(&[], 2));
    }

    #[test]
    fn residue_and_marks() {
        for t in ["\"7", "™\"", ",", "'", "\"", ")"] {
            assert!(is_residue(t), "{t}");
        }
        for t in ["1.", "=0", "(PAKN)", "Số", "12", "%"] {
            assert!(!is_residue(t), "{t}");
        }
        for t in ["..z", "X", "\\", "£", "~"] {
            assert!(is_mark(t), "{t}");
        }
        for t in ["%", "=0", "27", "Xã", "40.927"] {
            assert!(!is_mark(t), "{t}");
        }
        assert_eq!(
            bar_tokens("3.1.2.| a |b"),
            vec!["3.1.2.", "|", "a", "|", "b"]
        );
    }

    #[test]
    fn cell_text_drops_the_stt_column_and_marks() {
        let l = line(
            1,
            "\"7 | quyét tai dia phuong",
            "\"7 | quyết tại địa phương",
        );
        assert_eq!(
            cell_text(&l, false),
            ("quyết tại địa phương".into(), vec![])
        );
        let l = line(1, "T truee tuyén muc do 3", "T trực tuyến mức độ 3");
        assert_eq!(cell_text(&l, false).0, "trực tuyến mức độ 3");
        // A vowel may be a word (Y tế).
        let l = line(1, "Y te co so", "Y tế cơ sở");
        assert_eq!(cell_text(&l, false).0, "Y tế cơ sở");
        // Marks after an STT, read on the input (repair made words of them).
        let l = line(1, "3.1 | ..z N X a", "3.1 | ..z Ân Xá à");
        assert_eq!(cell_text(&l, true), (String::new(), vec![]));
        let l = line(1, "33. | ..% ~ X 2", "33. | ..% ~ X 2");
        assert_eq!(cell_text(&l, true), (String::new(), vec!["2".into()]));
        let l = line(1, "143, . . 173", "143, . . 173");
        assert_eq!(cell_text(&l, true), ("173".into(), vec![]));
        let l = line(1, "6.2. | Hinh thuc", "6.2. | Hình thức");
        assert_eq!(cell_text(&l, true).0, "Hình thức");
    }

    #[test]
    fn stt_debris_below_the_stt_line() {
        assert_eq!(strip_stt_debris("7 xong"), Some("xong".into()));
        assert_eq!(strip_stt_debris("44 hoàn thành"), Some("hoàn thành".into()));
        // A label wrapped before its figure keeps it.
        assert_eq!(strip_stt_debris("3 và 4 đã tích hợp, công khai"), None);
        // Not a bare number, a capital after it, or nothing after it.
        assert_eq!(strip_stt_debris("3.1 xong"), None);
        assert_eq!(strip_stt_debris("123 xong"), None);
        assert_eq!(strip_stt_debris("7 Tổng"), None);
        assert_eq!(strip_stt_debris("7"), None);
        assert_eq!(strip_stt_debris(""), None);
        // Only on the line just below the row's STT line.
        let rows = body_rows(&[
            "STT | Chỉ tiêu | Đơn vị tính | Số liệu",
            "1. | Tổng số hồ sơ đã giải quyết Hồ sơ 40",
            "7 xong",
            "2. | Số hồ sơ đúng hạn Hồ sơ 12",
            "3. | Số hồ sơ trả lại trong Hồ sơ 3",
            "kỳ của",
            "9 xã",
        ]);
        assert_eq!(rows[0][1], "Tổng số hồ sơ đã giải quyết xong");
        assert_eq!(rows[2][1], "Số hồ sơ trả lại trong kỳ của 9 xã");
    }

    #[test]
    fn repeated_header_read_differently() {
        let header: Vec<String> = [
            "chi tieu thong ke ket qua thong ke ghi chu",
            "stt | (su dung trong ky bao cao hang quy,",
            "6 thang, nam) don vi tinh | so lieu",
        ]
        .map(String::from)
        .to_vec();
        let body = [
            line(1, "", "7 | Tổ chức đối thoại của lãnh đạo với | Không =0 1"),
            line(2, "", "Chỉ tiêu théng ké Két qua théng ké Ghi cha"),
            line(3, "", "STT | (Sử dụng trong kỳ báo cáo hàng quý, ở"),
            line(4, "", "ez 6 tháng năm | Domvitinh | Số liệu"),
            line(5, "", "người dân, cộng đồng doanh Có=1"),
            line(6, "", "6.4 tuyến mức độ 3 và 4 (Chỉ thống kê đối"),
            line(7, "", "Kết quả giải quyết TTHC"),
        ];
        let refs: Vec<&Line<'_>> = body.iter().collect();
        assert_eq!(
            repeated_header(&refs, &header),
            vec![false, true, true, true, false, false, false]
        );
    }

    #[test]
    fn unit_between_column_rules() {
        let none = |_: &str| None;
        let mut r = RowAcc::default();
        split_cells(
            "Tổng số TTHC thuộc thẩm quyền giải | Thutuc | 2269",
            &mut r,
            &none,
        );
        assert_eq!(
            (r.label, r.unit, r.value),
            (
                vec!["Tổng số TTHC thuộc thẩm quyền giải".into()],
                vec!["Thutuc".into()],
                vec!["2269".into()]
            )
        );
        // A unit ending a later line of a row that has its value.
        let unit = |t: &str| t.ends_with("Thủ tục").then(|| t.len() - "Thủ tục".len());
        let mut r = RowAcc {
            value: vec!["526".into()],
            ..RowAcc::default()
        };
        split_cells(
            "| chính (tất cả các TTHC có phát sinh Thủ tục",
            &mut r,
            &unit,
        );
        assert_eq!(
            (r.label, r.unit),
            (
                vec!["chính (tất cả các TTHC có phát sinh".into()],
                vec!["Thủ tục".into()]
            )
        );
    }

    #[test]
    fn glued_units_take_the_columns_spelling() {
        let row = |label: &str, unit: &str, value: &str| RowAcc {
            label: vec![label.to_owned()],
            unit: if unit.is_empty() {
                vec![]
            } else {
                vec![unit.to_owned()]
            },
            value: vec![value.to_owned()],
            ..RowAcc::default()
        };
        let rows = vec![
            row("Tổng số", "Hồ sơ", "5"),
            row("Số đúng hạn", "Hồ sơ", "4"),
            row("Số TTHC", "Thủ tục", "3"),
            row("Số TTHC mới", "Thủ tục", "2"),
            row("Tỷ lệ", "%", "9%"),
            row("Tỷ lệ", "%", "9%"),
        ];
        let units = unit_vocabulary(&rows);
        assert_eq!(units.len(), 2, "{units:?}");
        assert_eq!(glued_unit("Thutuc", &units), Some("Thủ tục"));
        assert_eq!(glued_unit("Héso", &units), Some("Hồ sơ"));
        // Words, short tokens and other figures are no unit.
        for t in ["hạn", "Hồ", "TTHC", "40.887", "Thu tuc", "Héso,"] {
            assert_eq!(glued_unit(t, &units), None, "{t}");
        }
        let mut r = row("Số hồ sơ đúng hạn Héso", "", "40");
        unglue_unit(&mut r, &units);
        assert_eq!(
            (r.label[0].as_str(), r.unit[0].as_str()),
            ("Số hồ sơ đúng hạn", "Hồ sơ")
        );
        let mut r = row("Tổng số TTHC", "Thutuc", "2269");
        unglue_unit(&mut r, &units);
        assert_eq!(r.unit, vec!["Thủ tục".to_owned()]);
        // A row without a value has no unit to find.
        let mut r = row("Số hồ sơ Héso", "", "");
        r.value.clear();
        unglue_unit(&mut r, &units);
        assert!(r.unit.is_empty());
        assert_eq!(edit_distance("heso", "hoso"), 1);
        assert_eq!(edit_distance("", "ab"), 2);
    }

    #[test]
    fn unit_set_off_by_a_rule_before_the_value() {
        let at = |t: &str, u: &str| (ruled_unit(t), t.rfind(u));
        let (got, want) = at("Số lượng phiếu khảo sát Số lượng", "Số lượng");
        assert_eq!(got, want);
        let (got, want) = at("Tổng số người được đào tạo Người", "Người");
        assert_eq!(got, want);
        // A name, an acronym or a lower-case end is label text.
        for t in [
            "trên Cổng DVC quốc gia",
            "đơn vị tại Hà Nội",
            "số TTHC",
            "Số lượng",
            "",
        ] {
            assert_eq!(ruled_unit(t), None, "{t}");
        }
        let none = |_: &str| None;
        let mut r = RowAcc::default();
        split_cells("Số lượng phiếu khảo sát Số lượng | 14.390", &mut r, &none);
        assert_eq!(
            (r.label, r.unit, r.value),
            (
                vec!["Số lượng phiếu khảo sát".into()],
                vec!["Số lượng".into()],
                vec!["14.390".into()]
            )
        );
        // Without the rule the words stay in the label.
        let mut r = RowAcc::default();
        split_cells("Số lượng phiếu khảo sát Số lượng 14.390", &mut r, &none);
        assert!(r.unit.is_empty());
    }

    #[test]
    fn notes_column_runs() {
        let s = |v: &[Option<&str>]| v.iter().map(|o| o.map(str::to_owned)).collect::<Vec<_>>();
        // A label's short last line, then three narrow lines of notes.
        let texts = [
            "Số hồ sơ quá hạn nhưng chưa",
            "",
            "hoàn thành",
            "Sở Nội vụ",
            "tổng hợp",
            "(quý II)",
            "Số hồ sơ đã giải quyết trong kỳ",
        ];
        let stt = s(&[None, Some("2.1."), None, None, None, None, None]);
        assert_eq!(
            note_runs(&texts, &stt, &[]),
            vec![false, false, false, true, true, true, false]
        );
        // Two short lines are a label's end or coded choices, not notes.
        let texts = ["Trực tuyến", "=0", "1", "hạn"];
        assert_eq!(note_runs(&texts, &s(&[None; 4]), &[]), vec![false; 4]);
        let texts = ["tỉnh tổng", "hợp (khảo", "sát sự hài"];
        assert_eq!(
            note_runs(&texts, &s(&[None; 3]), &[]),
            vec![false, true, true]
        );
        // After a line that ends with a note, the run goes on with it.
        let texts = ["Tổng | 1", "tỉnh tổng", "hợp (khảo", "sát sự hài"];
        let noted = [true, false, false, false];
        assert_eq!(
            note_runs(&texts, &s(&[Some("6"), None, None, None]), &noted),
            vec![false, true, true, true]
        );
        assert!(note_runs(&[], &[], &[]).is_empty());
    }

    #[test]
    fn value_between_rules_before_a_note() {
        assert_eq!(
            split_note_tail("Khảo sát Không =0 | 1| người dân"),
            Some(("Khảo sát Không =0 | 1".into(), "người dân".into()))
        );
        assert_eq!(
            split_note_tail("Tỷ lệ | % | 99,9% | Sở tổng hợp"),
            Some(("Tỷ lệ | % | 99,9%".into(), "Sở tổng hợp".into()))
        );
        // A value ending the line, or a figure in the text after it: no note.
        for t in [
            "Tổng số | Thủ tục | 2269",
            "Số | 3 | mức độ 4",
            "Số 3 người",
        ] {
            assert_eq!(split_note_tail(t), None, "{t}");
        }
    }

    #[test]
    fn notes_go_to_their_row() {
        let rows = body_rows(&[
            "STT | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú",
            "5.1. | Tổng số nhiệm vụ được giao Nhiệm vụ 118",
            "5.2. | Số nhiệm vụ quá hạn nhưng chưa Nhiệm vụ 0",
            "hoàn thành",
            "Sở Nội vụ",
            "tổng hợp",
            "(khảo sát",
            "Khảo sát sự hài lòng của người dân",
            "6 | tổ chức | 1| sự hài",
            "lòng khi",
            "thực hiện",
            "TTHC)",
            "6.1 | Số lượng phiếu khảo sát Số lượng | 14.390",
        ]);
        let row = |k: usize| rows[k].join(" / ");
        assert_eq!(rows.len(), 4);
        assert_eq!(
            row(1),
            "5.2. / Số nhiệm vụ quá hạn nhưng chưa hoàn thành / Nhiệm vụ / 0 / "
        );
        assert_eq!(
            row(2),
            "6 / Khảo sát sự hài lòng của người dân tổ chức /  / 1 / \
             Sở Nội vụ tổng hợp (khảo sát sự hài lòng khi thực hiện TTHC)"
        );
        assert_eq!(
            row(3),
            "6.1 / Số lượng phiếu khảo sát / Số lượng / 14.390 / "
        );
        // Without a notes column in the header the lines stay in the labels.
        let rows = body_rows(&[
            "STT | Chỉ tiêu | Đơn vị tính | Số liệu",
            "5.2. | Số nhiệm vụ quá hạn nhưng chưa Nhiệm vụ 0",
            "hoàn thành",
            "Sở Nội vụ",
            "tổng hợp",
            "(khảo sát",
            "5.3. | Số nhiệm vụ Nhiệm vụ 2",
        ]);
        assert_eq!(rows[0][4], "");
        assert!(rows[0][1].ends_with("hoàn thành Sở Nội vụ tổng hợp (khảo sát"));
    }

    #[test]
    fn coded_choices() {
        let at = |t: &str, w: &str| (coded_tail(t), t.find(w));
        let (got, want) = at("người dân, cộng đồng doanh Có=1", "Có=1");
        assert_eq!(got, want);
        assert_eq!(coded_tail("Kết hợp = 2"), Some(0));
        let (got, want) = at("với Không =0 Có=1", "Không");
        assert_eq!(got, want);
        let (got, want) = at("Hình thức khảo sát Phát phiếu =", "Phát");
        assert_eq!(got, want);
        assert_eq!(coded_tail("=0"), Some(0));
        assert_eq!(coded_tail("Tổng số nhiệm vụ 118"), None);
        assert_eq!(coded_tail(""), None);
        let none = |_: &str| None;
        // The figure after `=` is the value; the choice opens the unit; the
        // wrapped code and the next choices follow it.
        let mut r = RowAcc::default();
        for l in ["Hình thức khảo sát Phát phiếu = 2", "1", "Kết hợp = 2"] {
            split_cells(l, &mut r, &none);
        }
        assert_eq!(r.label, vec!["Hình thức khảo sát".to_owned()]);
        assert_eq!(r.unit.join(" "), "Phát phiếu = 1 Kết hợp = 2");
        assert_eq!(r.value, vec!["2".to_owned()]);
        let mut r = RowAcc::default();
        for l in ["Trực tuyến =0", "Hình thức Phát phiếu = 2", "1"] {
            split_cells(l, &mut r, &none);
        }
        assert_eq!(r.unit.join(" "), "Trực tuyến =0 Phát phiếu = 1");
        assert_eq!(r.label.join(" "), "Hình thức");
        let mut r = RowAcc::default();
        for l in ["Tổ chức đối thoại với | Không =0 1", "người dân Có=1"] {
            split_cells(l, &mut r, &none);
        }
        assert_eq!(r.label.join(" "), "Tổ chức đối thoại với người dân");
        assert_eq!(r.unit.join(" "), "Không =0 Có=1");
        assert_eq!(r.value, vec!["1".to_owned()]);
    }

    fn body_rows(texts: &[&str]) -> Vec<Vec<String>> {
        let lines: Vec<Line<'static>> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| line(i + 1, t, t))
            .collect();
        parse_body(&lines, 0, lines.len(), None, 0).rows
    }

    #[test]
    fn coded_unit_centred_on_its_row() {
        let rows = body_rows(&[
            "STT | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú",
            "6.1 | Số lượng phiếu khảo sát Số lượng | 14.390",
            "Trực tuyến",
            "=0",
            "6.2. | Hình thức khảo sát Phát phiếu = 2",
            "1",
            "Kết hợp = 2",
            "7 | Tổ chức đối thoại với | Không =0 1",
            "người dân Có=1",
        ]);
        let row = |k: usize| rows[k][..4].join(" / ");
        assert_eq!(rows.len(), 3);
        assert_eq!(
            row(1),
            "6.2. / Hình thức khảo sát / Trực tuyến =0 Phát phiếu = 1 Kết hợp = 2 / 2"
        );
        assert_eq!(
            row(2),
            "7 / Tổ chức đối thoại với người dân / Không =0 Có=1 / 1"
        );
    }

    #[test]
    fn open_parenthesis_continues() {
        let label = vec!["Số TTHC cấp tỉnh (Bao gồm cả TTHC".to_owned()];
        assert!(closes_open_paren(&label, "Của cơ quan ngành dọc)"));
        assert!(!closes_open_paren(&label, "Số TTHC cấp huyện (Bao gồm cả"));
        let closed = vec!["Số TTHC (Bao gồm) cả".to_owned()];
        assert!(!closes_open_paren(&closed, "Của cơ quan ngành dọc)"));
        assert!(!closes_open_paren(&[], "a)"));
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
