//! Lines of cells separated by `|`, and the tables they make in a
//! report's body (`STT | Chỉ tiêu | Đơn vị tính | Kế hoạch | Thực hiện`).
//!
//! Layout reports these tables and extraction reads their figures, so both
//! find them here, the same way: a heading row (three cells or more, each
//! short, none a figure), then every line of `|` cells after it, one of
//! which at least has as many cells as the heading and a figure. OCR's rule
//! specks put `|` in running text too; the heading's shape keeps that out.
//!
//! Invariant: the tables found never overlap, and each covers whole lines.

use regex::Regex;
use std::sync::LazyLock;

/// A figure filling a whole cell: `20.000`, `56,0`, `98%`.
static FIGURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+(?:[.,]\d+)*\s?%?$").expect("valid regex"));

/// A table found in the text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CellTable {
    /// 0-based line of the heading row.
    pub heading_line: usize,
    /// The heading row's cells: two lines' where the heading wrapped, its
    /// last cell running on to the next line (`| Tỷ` / `lệ (%) |`).
    pub heading: Vec<String>,
    /// 0-based line of the first row (after the heading's lines).
    pub first_row: usize,
    /// 0-based lines, among the rows', that hold the last cells of the row
    /// above, short of them: with no `|` (`| 2 | … | 4.500 |` /
    /// `2027-2028`) or one (`1 | … | Chống thấm, thay mái tôn 06` /
    /// `phòng học | 1.120`, `… | 04 phòng học` / `| 1.480`).
    pub continued: Vec<usize>,
    /// The lines of [`CellTable::continued`] whose first cell is the rest
    /// of the row's last (`phòng học` above), not a cell of its own.
    pub merged: Vec<usize>,
    /// 0-based line after the last row.
    pub end_line: usize,
}

/// One cell of a table's row: the 0-based line it is printed on, and its
/// text, a slice of that line (see [`offset_in`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct RowCell<'a> {
    /// 0-based line of the cell.
    pub line: usize,
    /// The cell, trimmed.
    pub text: &'a str,
}

impl CellTable {
    /// Do row line `li`'s last cells stand on the line after it (listed in
    /// [`CellTable::continued`])?
    fn wraps(&self, li: usize) -> bool {
        self.continued.contains(&(li + 1))
    }

    /// The cells of the row printed on line `li`, those its continuation
    /// line holds after them, at most as many as the heading's. `None` for
    /// a continuation line (read with its row) or a line of no row. Where
    /// the row's last cell runs on (see [`CellTable::merged`]), its rest on
    /// the next line is left out: a cell is one slice of one line.
    pub fn row<'a, S: AsRef<str>>(&self, lines: &'a [S], li: usize) -> Option<Vec<RowCell<'a>>> {
        if self.continued.contains(&li) || li < self.first_row || li >= self.end_line {
            return None;
        }
        let at = |line: usize| move |text: &'a str| RowCell { line, text };
        let mut rest: Vec<RowCell<'a>> = Vec::new();
        if self.wraps(li) {
            let next = lines.get(li + 1)?.as_ref();
            let mut cont = loose_cells(next);
            if self.merged.contains(&(li + 1)) && !cont.is_empty() {
                cont.remove(0);
            }
            rest = cont.into_iter().map(at(li + 1)).collect();
        }
        let width = self.heading.len().saturating_sub(rest.len());
        let line = lines.get(li)?.as_ref();
        let row = if rest.is_empty() {
            row_cells(line, width)?
        } else {
            split_merged(cells(line)?, width)
        };
        let mut out: Vec<RowCell<'a>> = row.into_iter().map(at(li)).collect();
        out.extend(rest);
        Some(out)
    }
}

/// The cells of `line` as a row under a heading of `width` cells: a line of
/// exactly the heading's cells, empty ones and all, holds each under its
/// column (`| | Đề án 06 | | |`: `06` names); any other has its merged
/// figures split ([`split_merged`]). `None` for a line of no cells.
fn row_cells(line: &str, width: usize) -> Option<Vec<&str>> {
    let row = cells(line)?;
    let edges = edge_cells(line);
    Some(if edges.len() == width {
        edges
    } else {
        split_merged(row, width)
    })
}

/// The cells of a line split at the `|` it holds, any number of them,
/// trimmed, empty cells at either end dropped: a continuation line's.
fn loose_cells(line: &str) -> Vec<&str> {
    let mut c: Vec<&str> = line.split('|').map(str::trim).collect();
    while c.first().is_some_and(|s| s.is_empty()) {
        c.remove(0);
    }
    while c.last().is_some_and(|s| s.is_empty()) {
        c.pop();
    }
    c
}

/// Marks OCR leaves outside a line's first or last `|` from specks of the
/// page (`| (%) | (tỷ đồng) | ;`): no name of a wrapped heading's. (In a
/// row such a mark may be what OCR left of a cell, so rows keep it.)
const EDGE_SPECKS: [char; 9] = ['.', ',', ';', ':', '\'', '`', '‘', '’', '_'];

/// `line` without the specks ([`EDGE_SPECKS`]) that alone stand before its
/// first `|` or after its last.
fn without_edge_specks(line: &str) -> &str {
    let speck = |s: &str| {
        s.chars()
            .all(|c| c.is_whitespace() || EDGE_SPECKS.contains(&c))
    };
    let mut t = line;
    if let Some(last) = t.rfind('|') {
        if speck(&t[last + 1..]) {
            t = &t[..=last];
        }
    }
    if let Some(first) = t.find('|') {
        if speck(&t[..first]) {
            t = &t[first..];
        }
    }
    without_rules_read_as_ones(t)
}

/// Does `line` open with rules OCR read as ones before its first `|`
/// ([`is_rules_read_as_ones`])?
fn opens_with_rules_read_as_ones(line: &str) -> bool {
    without_rules_read_as_ones(line).len() < line.len()
}

/// `line` from its first `|` where what stands before it is two rules OCR
/// read as a pair of ones or brackets (`11 | (người) |` for `| | | (người)
/// |`: [`is_rules_read_as_ones`]), else `line`.
fn without_rules_read_as_ones(line: &str) -> &str {
    match line.find('|') {
        Some(first) if is_rules_read_as_ones(&line[..first]) => &line[first..],
        _ => line,
    }
}

/// Is `s` (what stands before a line's first `|`) two to four rules OCR
/// read as ones or brackets (`11`, `l1`, `[1`, `{l`, `I 11`)? Two marks at
/// least, so a row's number (`1`) is none; an `I` only apart from the
/// others (`I 11`), so a roman `II` or `I1` is none.
fn is_rules_read_as_ones(s: &str) -> bool {
    let t = s.trim();
    let marks = t.chars().filter(|c| !c.is_whitespace()).count();
    (2..=4).contains(&marks)
        && t.len() <= 7
        && t.chars()
            .all(|c| c.is_whitespace() || matches!(c, '1' | 'l' | '[' | '{' | 'I'))
        && t.contains(['1', 'l'])
        // A word holding an `I` is that `I` alone (so, with two marks at
        // least, apart from the others).
        && t.split_whitespace().all(|w| !w.contains('I') || w == "I")
}

/// The cells of a line split at `|`, trimmed; empty cells at either end (a
/// rule printed at the table's edge) dropped. `None` for a line with fewer
/// than two `|`.
pub(crate) fn cells(line: &str) -> Option<Vec<&str>> {
    if line.matches('|').count() < 2 {
        return None;
    }
    Some(loose_cells(line))
}

/// `row` with the cells OCR merged where it lost the rule between them
/// split again, while the row has fewer than `want` cells: a cell of two
/// figures or more, spaces apart (`10.500 11.862`), becomes a cell per
/// figure, a lone `1` between two of them (the rule read as a digit:
/// `10.500 1 11.862`) dropped. A bracket or `!` between two figures is the
/// rule OCR misread (`99,0-} 0,6`, `31.870]12.940`): it parts them too.
pub(crate) fn split_merged(row: Vec<&str>, want: usize) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::with_capacity(want.max(row.len()));
    for (k, cell) in row.iter().enumerate() {
        let parts: Vec<&str> = cell
            .split(|c: char| c.is_whitespace() || RULES_MISREAD.contains(&c))
            .filter(|p| !p.is_empty())
            .collect();
        let figures = parts.len() >= 2 && parts.iter().all(|p| is_figure(p));
        let kept: Vec<&str> = parts
            .iter()
            .enumerate()
            .filter(|&(i, p)| !(*p == "1" && i > 0 && i + 1 < parts.len()))
            .map(|(_, p)| *p)
            .collect();
        // Cells still to come count as they are.
        let room = want.saturating_sub(out.len() + row.len() - k);
        if figures && kept.len() - 1 <= room {
            out.extend(kept);
        } else {
            out.push(cell);
        }
    }
    out
}

/// Characters OCR reads for a column's rule between two figures; Vietnamese
/// tables print none of them in a cell of figures.
const RULES_MISREAD: [char; 5] = ['[', ']', '{', '}', '!'];

/// Byte offset in `line` of `part`, a slice of it (a cell of [`cells`] or
/// of [`split_merged`], or [`figure_of`] of one).
pub(crate) fn offset_in(line: &str, part: &str) -> usize {
    let at = (part.as_ptr() as usize).wrapping_sub(line.as_ptr() as usize);
    debug_assert!(at + part.len() <= line.len(), "a slice of the line");
    at
}

/// Specks OCR leaves at a cell's edges, beside its rules (`24.500-`, `.39,1`).
const SPECKS: &[char] = &['.', ',', ':', ';', '-', '\'', '"', '`', '~', '_', ' '];

/// The figure a cell holds alone, specks at its edges aside.
pub(crate) fn figure_of(cell: &str) -> Option<&str> {
    let f = cell.trim_matches(SPECKS);
    FIGURE.is_match(f).then_some(f)
}

/// Does `cell` hold a figure alone (specks aside)?
pub(crate) fn is_figure(cell: &str) -> bool {
    figure_of(cell).is_some()
}

/// Longest heading cell, in characters: headings are short.
const MAX_HEADING: usize = 40;

/// Is `c` a table's heading row: three cells or more, each short and none
/// a figure (but a year naming a column: `| STT | Chỉ tiêu | ĐVT | 2027 |
/// 2028 |`, under two cells of words at least) or a garbled rule? (OCR's
/// rule specks put `|` in running text too.)
pub(super) fn is_heading(c: &[&str]) -> bool {
    let worded = c
        .iter()
        .filter(|s| s.chars().any(char::is_alphabetic))
        .count();
    c.len() >= 3
        && c.iter().all(|s| {
            !s.is_empty()
                && s.chars().count() <= MAX_HEADING
                && (!is_figure(s) || super::is_year(s) && worded >= 2)
                && !is_rule_cell(s)
        })
}

/// Is a cell a stretch of a rule OCR garbled (`---- [----—-- ===`): dashes
/// of any width and specks, no letter or digit?
fn is_rule_cell(cell: &str) -> bool {
    cell.chars().filter(|&c| is_dash(c)).nth(2).is_some()
        && !cell.chars().any(char::is_alphanumeric)
}

/// Does a cell of `line` hold a figure grouped in thousands or with
/// decimals (`1.106.550`, `64,8`), as a row's and never a heading's?
fn holds_grouped_figure(line: &str) -> bool {
    line.split('|')
        .map(str::trim)
        .any(|c| is_figure(c) && c.contains(['.', ',']))
}

/// Is `c` a dash of a rule as OCR prints it, of any width?
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '=' | '—' | '–' | '_')
}

/// The tables of `lines`, in text order: a heading row, then every line of
/// `|` cells after it, one of which at least has as many cells as the
/// heading and a figure.
pub(crate) fn find_tables<S: AsRef<str>>(lines: &[S]) -> Vec<CellTable> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].as_ref();
        let wrapped = wrapped_heading(
            line,
            lines.get(i + 1).map(AsRef::as_ref),
            lines.get(i + 2).map(AsRef::as_ref),
        );
        let (heading, first_row) = match &wrapped {
            Some(joined) => (cells(joined), i + 2),
            None => (cells(line), i + 1),
        };
        let Some(heading) = heading.filter(|c| is_heading(c) && !is_rule(line)) else {
            i += 1;
            continue;
        };
        // A blank line OCR put between the heading and the lines of cells
        // under it (its names wrapped, or its rows) parts nothing.
        let blank = |k: usize| lines.get(k).is_some_and(|l| l.as_ref().trim().is_empty());
        let cells_at = |k: usize| lines.get(k).is_some_and(|l| l.as_ref().contains('|'));
        let first_row = if blank(first_row) && cells_at(first_row + 1) {
            first_row + 1
        } else {
            first_row
        };
        let names_from = first_row;
        // A rule under the heading (`----+----`) ends it; the lines of
        // cells above the rule are its names wrapped (`| | xây dựng |
        // đầu tư`), not rows.
        // (A wrapped line OCR garbled may keep one `|` of its rules.) A
        // line with a figure grouped in thousands or with decimals is a
        // row: no heading's name prints one, so a rule below it (where OCR
        // garbled the one under the heading) parts rows.
        let ruled = (first_row..lines.len().min(first_row + 1 + HEADING_WRAPS))
            .take_while(|&k| {
                k == first_row || {
                    let above = lines[k - 1].as_ref();
                    above.contains('|') && !holds_grouped_figure(above)
                }
            })
            .find(|&k| is_rule(lines[k].as_ref()));
        // With no rule, lines of fewer cells than the heading's and no
        // figure are its names wrapped (`họ và tên | (đồng)`), where a row
        // of cells follows them.
        let first_row = match ruled {
            Some(k) => k + 1,
            None => unruled_names_end(lines, first_row, heading.len()),
        };
        // Each wrapped line, and whether it opened with rules OCR read as
        // ones (its empty cells at the left lost).
        let wraps: Vec<(&str, bool)> = (names_from..first_row)
            .map(|k| {
                let line = lines[k].as_ref();
                (
                    without_edge_specks(line),
                    opens_with_rules_read_as_ones(line),
                )
            })
            .filter(|(l, _)| l.contains('|') && !is_rule(l) && !is_column_numbers(l))
            .collect();
        let heading = widen(&heading, &wraps);
        let mut end = first_row;
        let mut aligned = false;
        let width = heading.len();
        // Lines holding the last cells of the row above, and the cells of
        // that row when it is short of the heading's.
        let (mut continued, mut merged) = (Vec::new(), Vec::new());
        let mut short_row: Option<usize> = None;
        let numbered = heading.first().is_some_and(|h| names_row_number(h));
        while let Some(text) = lines.get(end).map(AsRef::as_ref) {
            // A rule between rows (a group's, the total's) is part of the
            // table.
            if end > first_row && is_rule(text) {
                end += 1;
                short_row = None;
                continue;
            }
            let Some(row) = cells(text) else {
                // A row's last cells wrapped onto a line of their own
                // (`| 4.500 |` / `2027-2028`, `… thay mái tôn 06` /
                // `phòng học | 1.120`): the table goes on past it.
                let next_is_row = || {
                    lines
                        .get(end + 1)
                        .is_some_and(|l| cells(l.as_ref()).is_some())
                };
                let fit = short_row.and_then(|n| {
                    let got = loose_cells(text).len();
                    if text.contains('|') {
                        (n + got == width || n + got == width + 1).then_some(n + got > width)
                    } else {
                        (is_wrapped_cell(text) && next_is_row()).then_some(false)
                    }
                });
                match fit {
                    Some(runs_on) if end > first_row => {
                        continued.push(end);
                        if runs_on {
                            merged.push(end);
                        }
                        end += 1;
                        short_row = None;
                        continue;
                    }
                    // A line OCR garbled between two rows (a rule, a wrapped
                    // name: `a H Ga] i | ii`, with a speck of a rule left, or
                    // short: `[Iec 11`) or a rule it dropped (a blank line),
                    // a full row after it, maybe past a group's row and more
                    // such lines; prose there ends the table.
                    // So does a rule right under the heading garbled to
                    // specks or junk (`laa eterno lpf]`), no words of a
                    // name (`Ghi chú`: a heading's last cell).
                    _ if (if end > first_row {
                        is_garbled(text)
                    } else {
                        speck_or_junk(text)
                    }) && full_row_ahead(lines, end + 1, width) =>
                    {
                        end += 1;
                        short_row = None;
                        continue;
                    }
                    _ => break,
                }
            };
            short_row = (row.len() < width).then_some(row.len());
            // As wide as the heading, or wider where OCR split a merged
            // heading cell's parts off into lines it garbled (with two
            // figures at least: junk lines of specks are wide too).
            // A row counts as its cells read (see `CellTable::row`): its
            // empty cells kept where that makes the heading's width, else
            // its merged figures split (`67 1 2,53`).
            let figures = row.iter().filter(|c| is_figure(c)).count();
            let read = row_cells(text, width).map_or(0, |r| r.len());
            // Or one cell short of a numbered heading, that cell the row's
            // number (OCR drops the narrow column's digit with its rule:
            // `| NOXH Kinh Bắc | Kinh Bắc | 980 | 100,0 |` under `| TT |
            // Tên dự án | Xã | Quy mô | Tỷ lệ |`), with two figures: a
            // number, a name and two figures make four columns at least.
            let lost_number = numbered
                && width >= 4
                && row.len() + 1 == width
                && row.first().is_some_and(|c| !is_figure(c))
                && figures >= 2;
            aligned |=
                read == width && figures >= 1 || row.len() > width && figures >= 2 || lost_number;
            end += 1;
        }
        if aligned {
            out.push(CellTable {
                heading_line: i,
                heading,
                first_row,
                continued,
                merged,
                end_line: end,
            });
        }
        i = end;
    }
    out
}

/// Does heading cell `cell` name the rows' numbers (`STT`, `TT`, `Số TT`),
/// maybe with what OCR left of its wrapped lines after it, or of the table's
/// left rule glued before it (`i-TT`, `[STT`)?
pub(crate) fn names_row_number(cell: &str) -> bool {
    let f = super::viet::skeleton(cell);
    let f = f.trim();
    let first = f.split(' ').next().unwrap_or("");
    let pieces = || {
        first
            .split(|c: char| !c.is_alphanumeric())
            .filter(|p| !p.is_empty())
    };
    let names = |p: &str| matches!(p, "stt" | "tt");
    f == "so tt" || pieces().any(names) && pieces().all(|p| names(p) || p.chars().count() <= 1)
}

/// Most characters of a line between two rows that OCR garbled with no
/// speck of a rule left (`[Iec 11`, a wrapped name's `Hòa`).
const GARBLED_SHORT: usize = 15;

/// Can `line`, no row of cells, be one OCR garbled inside a table: short,
/// with a speck of a rule (`|`, `+`, `-`), or a rule OCR read as words,
/// fewer than half of them of a syllable's shape (`Beceem eae See aces
/// Gents ec ouens ois`: prose is mostly syllables)?
fn is_garbled(line: &str) -> bool {
    line.trim().chars().count() <= GARBLED_SHORT || speck_or_junk(line)
}

/// Does `line` hold a speck of a rule (`|`, `+`, `-`), or is it no prose
/// ([`junk`])? A garbled line however long.
fn speck_or_junk(line: &str) -> bool {
    line.contains(['|', '+', '-']) || junk(line)
}

/// Are fewer than half of `line`'s words of a syllable's shape?
fn junk(line: &str) -> bool {
    let (mut words, mut syllables) = (0, 0);
    for w in line.split_whitespace() {
        words += 1;
        syllables += usize::from(crate::lexicon::syllable::is_syllable_shape(
            &super::viet::skeleton(w),
        ));
    }
    syllables * 2 < words
}

/// Most lines [`full_row_ahead`] looks past.
const ROW_AHEAD: usize = 3;

/// Is there a row that shows the table goes on ([`row_goes_on`]) at
/// `from` or within [`ROW_AHEAD`] lines of it, past lines of cells (a
/// group's row: `| II | KINH TẾ SỐ |`) and garbled ones only?
fn full_row_ahead<S: AsRef<str>>(lines: &[S], from: usize, width: usize) -> bool {
    for k in from..from + ROW_AHEAD {
        let Some(line) = lines.get(k) else {
            return false;
        };
        let line = line.as_ref();
        if cells(line).is_none() {
            if is_garbled(line) {
                continue;
            }
            return false;
        }
        if row_goes_on(line, width) {
            return true;
        }
    }
    false
}

/// Is `line`, a line of cells, a row that shows the table goes on: `width`
/// cells, edge ones and all, with a figure, or a row whose first cell OCR
/// lost with the rule before it (the row number's, at the margin: `Bà Đặng
/// Thị Mai | Y sĩ | 702.000 |` for `| 6 | Bà Đặng Thị Mai | …`), one cell
/// short, no rule opening it, a figure ending it?
fn row_goes_on(line: &str, width: usize) -> bool {
    let edges = edge_cells(line);
    let full = edges.len() == width && edges.iter().any(|c| is_figure(c));
    let lost_first = edges.len() + 1 == width
        && !line.trim_start().starts_with('|')
        && edges.last().is_some_and(|c| is_figure(c));
    full || lost_first
}

/// The heading's names with those wrapped onto the lines below it
/// (`Số tiền` / `(đồng)`: lines of as many cells as the heading), widened
/// where a merged cell splits: a line of as many cells as the heading marks
/// the merged one with a rule (`| | nhận |-------| tuyến |`), a line of
/// more cells names its parts (`| | (HS) | Số HS | (%) | (%) |`); each
/// column is then named by the heading's cell above it and the wrapped
/// lines' cells. Without the marking line, the parts' capitals tell the
/// merged cells ([`split_by_capitals`]), or, where they do not, only the
/// lines as wide as the heading name it.
fn widen(heading: &[&str], wraps: &[(&str, bool)]) -> Vec<String> {
    let n = heading.len();
    let split: Vec<Vec<&str>> = wraps
        .iter()
        .map(|&(l, lost_left)| right_aligned(l, n, lost_left))
        .collect();
    let same: Vec<&Vec<&str>> = split.iter().filter(|c| c.len() == n).collect();
    // Column `k`'s name: `head` (the heading's cell, or the part of it
    // before its unit), the cells under it that `keep` takes from the lines
    // of as many cells, then `tail` (a merged cell's part, and the unit).
    let name = |head: &str, k: usize, keep: fn(&str) -> bool, tail: &[&str]| {
        let mut parts = vec![head];
        parts.extend(same.iter().map(|c| c[k]).filter(|s| keep(s)));
        parts.extend(tail);
        parts.retain(|p| !p.is_empty());
        parts.join(" ")
    };
    // No merged cell splits, or none that can be told: each column's
    // wrapped names join it (`Số tiền` / `(đồng)`); specks OCR leaves in an
    // empty cell (`=`) name nothing.
    let unsplit = || {
        let names = |s: &str| s.contains(|c: char| c.is_alphanumeric() || c == '%');
        (0..n).map(|k| name(heading[k], k, names, &[])).collect()
    };
    let Some(wide) = split
        .iter()
        .rev()
        .filter(|c| c.len() > n)
        .max_by_key(|c| c.len())
    else {
        return unsplit();
    };
    let extra = wide.len() - n;
    // Which heading cell each of the wide line's cells stands under.
    let under: Vec<usize> = match same
        .iter()
        .find_map(|c| c.iter().position(|s| is_rule_cell(s)))
    {
        Some(merged) => (0..wide.len())
            .map(|w| {
                if w <= merged {
                    w
                } else if w <= merged + extra {
                    merged
                } else {
                    w - extra
                }
            })
            .collect(),
        None => match split_by_capitals(n, wide) {
            Some(under) => under,
            // The wide line read as no merged cell's parts (OCR garbled or
            // split it): the lines as wide as the heading still name it.
            None => return unsplit(),
        },
    };
    // The lines as wide as `wide` name its columns together, in order
    // (`Tổng số` / `hộ dân` / `(hộ)`).
    let parts: Vec<&Vec<&str>> = split.iter().filter(|c| c.len() == wide.len()).collect();
    (0..wide.len())
        .map(|w| {
            let below: Vec<&str> = parts
                .iter()
                .map(|c| c[w])
                .filter(|s| !s.is_empty() && !is_rule_cell(s))
                .collect();
            let k = under[w];
            let merged = under.iter().filter(|&&u| u == k).count() > 1;
            let below = below.join(" ");
            let keep = |s: &str| !is_rule_cell(s);
            match bracket_at_end(heading[k]).filter(|_| merged && !below.is_empty()) {
                // A merged cell's unit measures each part (`Hộ nghèo (hộ)`
                // over `Đầu năm`: `Hộ nghèo Đầu năm (hộ)`).
                Some(at) => {
                    let unit = heading[k][at..].trim();
                    name(heading[k][..at].trim_end(), k, keep, &[&below, unit])
                }
                None => name(heading[k], k, keep, &[&below]),
            }
        })
        .collect()
}

/// Where the bracketed words that end `cell` start (`Hộ nghèo (hộ)`: at
/// `(hộ)`), if they do.
fn bracket_at_end(cell: &str) -> Option<usize> {
    let inner = cell.trim_end().strip_suffix(')')?;
    inner.rfind('(').filter(|&at| at > 0)
}

/// The heading cell (of `n`) each cell of `wide`, a line of more cells
/// under the heading, stands under, where no rule marks the merged cells:
/// a merged cell's parts are names of their own, capitalized (`Hộ nghèo`
/// over `Đầu năm | Cuối năm`), and a cell under an unsplit one goes on
/// with its name in lower case or is empty (`Tổng số` over `hộ dân`).
/// `None` unless exactly one way of splitting breaks that least.
fn split_by_capitals(n: usize, wide: &[&str]) -> Option<Vec<usize>> {
    let m = wide.len();
    if n == 0 || m <= n {
        return None;
    }
    // `(HS)`, a unit under its name, opens with no capital; OCR's specks
    // before one (`. Cuối năm`) are passed over.
    let capital = |s: &str| {
        s.trim_start_matches(SPECKS)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    // Cost of heading cell over wide[a..b]: its cells that break the rule.
    let cost = |a: usize, b: usize| -> usize {
        if b - a == 1 {
            usize::from(capital(wide[a]))
        } else {
            wide[a..b].iter().filter(|s| !capital(s)).count()
        }
    };
    // best[k][j]: (least cost, number of ways, last span's start) of the
    // first k heading cells over the first j wide cells.
    let mut best = vec![vec![(usize::MAX, 0usize, 0usize); m + 1]; n + 1];
    best[0][0] = (0, 1, 0);
    for k in 1..=n {
        for j in k..=m - (n - k) {
            for a in k - 1..j {
                let (c, ways, _) = best[k - 1][a];
                if ways == 0 {
                    continue;
                }
                let c = c + cost(a, j);
                let cell = &mut best[k][j];
                if c < cell.0 {
                    *cell = (c, ways, a);
                } else if c == cell.0 {
                    cell.1 += ways;
                }
            }
        }
    }
    if best[n][m].1 != 1 {
        return None;
    }
    let mut under = vec![0; m];
    let mut j = m;
    for k in (1..=n).rev() {
        let a = best[k][j].2;
        under[a..j].fill(k - 1);
        j = a;
    }
    Some(under)
}

/// Most cells a wrapped heading line ruled at both edges may be short of
/// the heading's and still be read against it from the right.
const SHORT_WRAP: usize = 2;

/// The [`edge_cells`] of a heading's wrapped line, ruled at both edges but
/// up to [`SHORT_WRAP`] cells short of the heading's `width`, padded with
/// empty cells at its start: OCR merged empty cells at the left (`| | | |`
/// read `| 11 |`), where the names of the figures' columns, at the right,
/// keep their places (`| 11 (vụ) | chết | … | (trường |` under `| STT |
/// Quý | Số vụ | Số | … | GPLX |`). A line that opened with rules OCR read
/// as ones (`lost_left`: `I 11 | hỗ trợ | (đồng) |` for `| | | | | hỗ trợ
/// | (đồng) |`) lost its empty cells at the left however many.
fn right_aligned(line: &str, width: usize, lost_left: bool) -> Vec<&str> {
    let mut c = edge_cells(line);
    let t = line.trim();
    let short = width.saturating_sub(c.len());
    let most = if lost_left { width } else { SHORT_WRAP };
    if t.starts_with('|') && t.ends_with('|') && (1..=most).contains(&short) {
        c.splice(0..0, std::iter::repeat_n("", short));
    }
    c
}

/// The cells of a line split at `|`, trimmed, with only the rules at its
/// edges dropped: the empty cells it opens with keep their places (`| | |
/// (HS) |` has two before `(HS)`).
fn edge_cells(line: &str) -> Vec<&str> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    t.split('|').map(str::trim).collect()
}

/// Where the rows start under a heading that no rule closes, its names
/// starting at `from`: past at most [`HEADING_WRAPS`] lines of names
/// ([`is_heading_wrap`]) and a line of column numbers (`| (1) | (2) |`),
/// and a rule garbled to a speck ([`is_garbled_rule_speck`]), where a line
/// of cells follows them; else at `from`.
fn unruled_names_end<S: AsRef<str>>(lines: &[S], from: usize, width: usize) -> usize {
    let mut wraps = 0;
    let mut k = from;
    while let Some(line) = lines.get(k).map(AsRef::as_ref) {
        if is_column_numbers(line) {
            k += 1;
            continue;
        }
        if wraps == HEADING_WRAPS || !is_heading_wrap(line, width) {
            break;
        }
        wraps += 1;
        k += 1;
    }
    let is_row = |k: usize| lines.get(k).is_some_and(|l| cells(l.as_ref()).is_some());
    match lines.get(k) {
        Some(_) if k > from && is_row(k) => k,
        // The rule under the heading or its names, garbled past reading as
        // one (`fann--+`, `4 -----` for `+-----+-----…`), above a line of
        // cells.
        Some(line) if is_garbled_rule_speck(line.as_ref()) && is_row(k + 1) => k + 1,
        // Or garbled to a few letters of no syllable (`Jpop`, `[bbb`), or
        // dropped, below the names a heading wrapped; the first row after
        // it maybe garbled too (`| I` for `| I | Tiểu học | 17.842 | | |`)
        // where a full row follows.
        Some(line)
            if k > from
                && is_garbled_rule_word(line.as_ref())
                && (is_row(k + 1) || full_row_ahead(lines, k + 1, width)) =>
        {
            k + 1
        }
        _ => from,
    }
}

/// Can `line`, with no `|`, be a rule OCR read as a word or dropped: blank,
/// or short ([`GARBLED_SHORT`]) and no prose ([`junk`])?
fn is_garbled_rule_word(line: &str) -> bool {
    let t = line.trim();
    !t.contains('|') && (t.is_empty() || t.chars().count() <= GARBLED_SHORT && junk(t))
}

/// Can `line`, with no `|`, be a rule OCR garbled to a speck: a dash (of
/// any width, [`is_dash`]: `rs —o — ns —— os —`) or a `+` of the rule
/// left, short ([`GARBLED_SHORT`]) or not prose ([`junk`])?
fn is_garbled_rule_speck(line: &str) -> bool {
    !line.contains('|')
        && line.chars().any(|c| c == '+' || is_dash(c))
        && (line.trim().chars().count() <= GARBLED_SHORT || junk(line))
}

/// Can `line` be a heading's names wrapped below it, with no rule under
/// them: a line of `|` cells, none a figure, fewer than the heading's
/// `width` (`họ và tên | (đồng)`) or more (a merged cell's parts: `| | |
/// Đầu năm | Cuối năm |`)?
fn is_heading_wrap(line: &str, width: usize) -> bool {
    let line = without_rules_read_as_ones(line);
    let c = loose_cells(line);
    line.contains('|')
        && !is_rule(line)
        && (c.len() < width || edge_cells(line).len() > width)
        && !c.iter().any(|c| is_figure(c))
}

/// Is `line` a table's column numbers (`| (1) | (2) | (3) |`): three cells
/// or more, each a bracketed number?
fn is_column_numbers(line: &str) -> bool {
    let Some(c) = cells(line) else {
        return false;
    };
    c.len() >= 3
        && c.iter().all(|s| {
            s.strip_prefix('(')
                .and_then(|s| s.strip_suffix(')'))
                .is_some_and(|d| {
                    !d.is_empty() && d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit())
                })
        })
}

/// Most lines of cells a heading's names wrap onto above the rule that
/// ends it.
const HEADING_WRAPS: usize = 3;

/// Is `line` a rule drawn in text (`-----+------+----`, `|=====|`): only
/// dashes, equals signs, pluses, bars and specks, three dashes or more?
pub(crate) fn is_rule(line: &str) -> bool {
    let t = line.trim();
    let exact = t.chars().filter(|&c| c == '-' || c == '=').count() >= 3
        && t.chars()
            .all(|c| matches!(c, '-' | '=' | '+' | '|' | '_' | ':' | '.' | ' '));
    exact || is_garbled_rule(t)
}

/// Is `line` a rule OCR garbled with specks and letters (`a oe 4---------
/// 4------------------ 4------------ +`): at least [`GARBLED_RULE_DASHES`]
/// dashes, at most [`GARBLED_RULE_LETTERS`] letters, and dashes (of any
/// width), pluses and bars three in five of its characters besides spaces?
fn is_garbled_rule(line: &str) -> bool {
    let (mut marks, mut dashes, mut letters, mut all) = (0usize, 0usize, 0usize, 0usize);
    for c in line.chars().filter(|c| !c.is_whitespace()) {
        all += 1;
        if c.is_alphabetic() {
            letters += 1;
        } else if is_dash(c) {
            dashes += 1;
            marks += 1;
        } else if matches!(c, '+' | '|') {
            marks += 1;
        }
    }
    dashes >= GARBLED_RULE_DASHES && 5 * marks >= 3 * all && letters <= GARBLED_RULE_LETTERS
}

/// Most letters of a garbled rule: a heading's names wrapped around a
/// merged cell's rule (`| | nhận |---------| lệ phí |`) are no rule.
const GARBLED_RULE_LETTERS: usize = 4;

/// Fewest dashes of a garbled rule (see [`is_garbled_rule`]).
const GARBLED_RULE_DASHES: usize = 8;

/// Can `line` be a row's last cell wrapped onto a line of its own: short,
/// without a `|`?
fn is_wrapped_cell(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.contains('|') && t.chars().count() <= MAX_HEADING
}

/// `line` joined with `next` where `line` is a row of cells whose last cell
/// runs on to `next`: `line` has two `|` or more and does not end with one,
/// `next` ends with the one `|` it holds (`| STT | … | Tỷ` / `lệ (%) |`),
/// or with more, opening with none and holding no figure (`| … | Thanh
/// toán` / `không | Hồ sơ đã |`);
/// or `line` ends with a `|` and `next`, short and without one, is a last
/// heading cell of its own, the row `after` it having one cell more than
/// `line` (`TT | … | KH năm 2026 |` / `Đạt KH (%)`).
fn wrapped_heading(line: &str, next: Option<&str>, after: Option<&str>) -> Option<String> {
    let next = next?.trim();
    if line.matches('|').count() < 2 || next.len() <= 1 {
        return None;
    }
    let joined = || format!("{} {next}", line.trim_end());
    if !line.trim_end().ends_with('|') {
        // The rest of the last cell, maybe then more heading cells, none a
        // figure (`Thanh toán` / `không | Hồ sơ đã |`): a row would hold one.
        let rest_of_heading = || {
            next.matches('|').count() == 1
                || !next.starts_with('|') && !loose_cells(next).iter().any(|c| is_figure(c))
        };
        return (next.ends_with('|') && rest_of_heading()).then(joined);
    }
    let own_cell = is_wrapped_cell(next) && !is_figure(next);
    let widths = cells(line)
        .zip(after.and_then(cells))
        .is_some_and(|(h, r)| r.len() == h.len() + 1);
    (own_cell && widths).then(joined)
}

/// A report's table with a short row, for the tests of the stages that
/// read tables.
#[cfg(test)]
pub(crate) const SAMPLE_TABLE: &[&str] = &[
    "5. Một số chỉ tiêu chủ yếu",
    "STT | Chỉ tiêu | Đơn vị tính | Kế hoạch 2025 | Thực hiện | Tỷ lệ (%)",
    "1 | Hồ sơ tiếp nhận trực tuyến | hồ sơ | 20.000 | 11.208 | 56,0",
    "2 | Kinh phí chuyển đổi số | Tỷ đồng | 3,2 | 1,25 | 39,1",
    "Hồ sơ trực tuyến | 12.450- |.50,8",
    "Sau bảng, còn 04 xã chưa đạt.",
];

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &[&str] = SAMPLE_TABLE;

    #[test]
    fn a_row_number_heading_may_keep_a_speck_of_the_left_rule() {
        for named in ["STT", "TT", "Số TT", "STT (1)", "i-TT", "[STT", "|TT"] {
            assert!(names_row_number(named), "{named}");
        }
        for other in ["TTHC", "xã-TT", "Tổ TT", "Nội dung"] {
            assert!(!names_row_number(other), "{other}");
        }
    }

    #[test]
    fn a_heading_and_its_rows_make_a_table() {
        assert_eq!(
            find_tables(TABLE),
            vec![CellTable {
                heading_line: 1,
                heading: [
                    "STT",
                    "Chỉ tiêu",
                    "Đơn vị tính",
                    "Kế hoạch 2025",
                    "Thực hiện",
                    "Tỷ lệ (%)"
                ]
                .map(String::from)
                .to_vec(),
                first_row: 2,
                continued: Vec::new(),
                merged: Vec::new(),
                end_line: 5
            }]
        );
        // A row of figures alone is no heading.
        assert!(find_tables(&["1 | 2 | 3", "4 | 5 | 6"]).is_empty());
        // A heading with nothing under it is no table.
        assert!(find_tables(&["STT | Chỉ tiêu | Số liệu", "Hết."]).is_empty());
        // Nor one whose rows hold no figure in the heading's columns.
        assert!(find_tables(&["STT | Chỉ tiêu | Số liệu", "a | b | c", "1 | d 2"]).is_empty());
        // Prose that OCR's specks cut with `|` is no heading.
        assert!(find_tables(&[
            "đ) Chi phí thiết bị chiếm tỷ trọng lớn trong giá trị | cần thuê kiểm toán | độc lập",
            "1 | 2 | 3",
        ])
        .is_empty());
    }

    #[test]
    fn a_blank_line_ocr_put_under_the_heading() {
        let lines = [
            "| STT | Họ và tên | Loại | Diện tích | Tổng cộng",
            "",
            "| | (địa chỉ) | đất | (m²) | (đồng) |",
            "| 1 | Nguyễn Văn Thành | LUC | 1.250,0 |",
            "1.410.000.000 |",
            "2 | Trần Thị Lệ | LUC | 980,5 | 1.106.004.000 |",
            "",
            "Điều 2. Nguồn kinh phí",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].heading_line, t[0].end_line), (0, 6));
        assert_eq!(t[0].heading.len(), 5);
        // Two blank lines, or prose after one, part the heading from it.
        assert!(find_tables(&["| STT | Tên | Số |", "", "", "| 1 | a | 5 |"]).is_empty());
    }

    #[test]
    fn a_garbled_rule_above_the_heading_is_no_heading() {
        // OCR's rule with em dashes and specks: cells of dashes, which as a
        // heading would take the table's rows as its own and hide it.
        let lines = [
            "|-----|---------- ——— |---------- [----—-- === |",
            "| STT | Địa bàn | Công dân | Tỷ lệ |",
            "| 1 | TP. Phú Lâm | 268.450 | 92,3 |",
            "| 2 | TX. Long Điền | 152.318 | 88,4 |",
            "b) Về dịch vụ công thiết yếu.",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].heading_line, t[0].end_line), (1, 4));
        assert!(is_rule_cell("---- [----—-- ==="));
        assert!(!is_rule_cell("Tỷ lệ - %"));
    }

    #[test]
    fn a_rule_garbled_with_specks_still_ends_the_heading() {
        let lines = [
            "| STT | Tên biểu mẫu | Ký hiệu | Thời hạn |",
            "a oe 4--------- 4------------------ 4------------ +",
            "| 1 | Bảng thống kê tài liệu | Mẫu 01 | 15 |",
            "| 2 | Biên bản giao nhận | Mẫu 02 | 30 |",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].first_row, t[0].end_line), (2, 4));
        assert!(is_rule(
            "a oe 4--------- 4------------------ 4------------ +"
        ));
        // Running text with a dash or two is none.
        assert!(!is_rule("- Đến ngày 20/8/2025 -- mới có 61/148 xã --"));
    }

    #[test]
    fn a_rule_under_a_row_of_grouped_figures_is_no_headings_end() {
        // OCR lost the rule under the heading; the one under the total's
        // row parts rows, so the total stays a row.
        let lines = [
            "| TT | Tên dự án | Tổng mức | Kế hoạch |",
            "| | | đầu tư | vốn 2027 |",
            "Gea Smet eon | | [peenennnnn ase |",
            "| | TỔNG CỘNG | 1.106.550 | 317.000 |",
            "|----|-----------|--------------|--------------|",
            "| 1 | Đường tỉnh 534 | 185.400 | 62.000 |",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert!(t[0].first_row <= 3, "{:?}", t[0]);
        assert!(holds_grouped_figure(
            "| | TỔNG CỘNG | 1.106.550 | 317.000 |"
        ));
        assert!(!holds_grouped_figure("| | | đầu tư | vốn 2027 |"));
    }

    #[test]
    fn names_wrapped_below_the_heading_join_their_columns() {
        let lines = [
            "| STT | Họ và tên chủ hộ | Nội dung | Số tiền |",
            "| = | | hỗ trợ | (đồng) |",
            "|-----|------|------|------|",
            "| 1 | Nguyễn Văn Thắng | Xây mới | 60.000.000 |",
        ];
        let t = find_tables(&lines);
        assert_eq!(
            t[0].heading,
            [
                "STT",
                "Họ và tên chủ hộ",
                "Nội dung hỗ trợ",
                "Số tiền (đồng)"
            ]
        );
    }

    #[test]
    fn rows_whose_rules_ocr_read_as_ones_still_make_a_table() {
        // No row has the heading's five cells as printed: each lost a rule
        // to a `1` or glued two figures, which `split_merged` parts.
        let lines = [
            "| STT | Đơn vị | Tổng số hộ | Hộ nghèo | Tỷ lệ |",
            "| 1 | Thị trấn Phát Diệm | 2.650 67 | 2,53 |",
            "| 2 | Thị trấn Bình Minh | 3.176 | 99 1 3,12 |",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        let row = t[0].row(&lines, 2).expect("a row");
        let cells: Vec<&str> = row.iter().map(|c| c.text).collect();
        assert_eq!(cells, ["2", "Thị trấn Bình Minh", "3.176", "99", "3,12"]);
    }

    #[test]
    fn a_wrapped_name_line_short_of_cells_is_read_from_the_right() {
        // OCR read the first empty cells `| | |` as `| 11 |`.
        let lines = [
            "| STT | Quý | Số vụ | Số | Tiền phạt |",
            "| 11 (vụ) | người | (triệu |",
            "||| chết | đồng) |",
            "|-----|------|------|------|------|",
            "| 1 | Quý I/2026 | 11 | 6 | 3.912,0 |",
        ];
        let t = find_tables(&lines);
        assert_eq!(
            t[0].heading,
            [
                "STT",
                "Quý",
                "Số vụ 11 (vụ)",
                "Số người chết",
                "Tiền phạt (triệu đồng)"
            ]
        );
    }

    #[test]
    fn specks_outside_a_wrapped_headings_rules_are_no_names() {
        assert_eq!(
            without_edge_specks("| | (căn) | (%) | ;"),
            "| | (căn) | (%) |"
        );
        assert_eq!(without_edge_specks(". | 1 | 980 |"), "| 1 | 980 |");
        assert_eq!(without_edge_specks("| 1 | Ghi chú"), "| 1 | Ghi chú");
        let lines = [
            "| TT | Tên dự án | Quy mô | Tổng vốn |",
            "| | | (căn) | (tỷ đồng) | ;",
            "|----|----|----|----|",
            "| 1 | NOXH Kinh Bắc | 980 | 1.105,4 |",
        ];
        let t = find_tables(&lines);
        assert_eq!(t[0].heading[3], "Tổng vốn (tỷ đồng)");
    }

    #[test]
    fn rules_read_as_ones_open_no_row() {
        assert!(is_rules_read_as_ones("11 "));
        assert!(is_rules_read_as_ones("[1"));
        assert!(is_rules_read_as_ones("I 11"));
        // A row's number, a roman numeral, a word: no rules.
        assert!(!is_rules_read_as_ones("1"));
        assert!(!is_rules_read_as_ones("II"));
        assert!(!is_rules_read_as_ones("I1"));
        assert!(!is_rules_read_as_ones("II 1"));
        assert!(!is_rules_read_as_ones("12"));
        assert!(!is_rules_read_as_ones("[["));
        // A heading's last names wrapped below it, where OCR read the
        // empty cells' rules at the margin as `11`, and a garbled rule
        // with a `|` under them: the names still join the heading.
        let lines = [
            "| STT | Xã | Dân số | Thu NSNN | Tỷ lệ |",
            "| | | TB | (triệu | BHYT |",
            "11 | (người) | đồng) | (%) |",
            "Baie borane eeseoee— = oes |p------ |",
            "| 1 | Xã Lộc Hà | 38.420 | 46.800 | 94,5 |",
            "| 2 | Xã Mai Phụ | 24.960 | 21.350 | 93,6 |",
        ];
        let t = find_tables(&lines);
        assert_eq!(t[0].heading[2], "Dân số TB (người)");
        assert_eq!(t[0].heading[3], "Thu NSNN (triệu đồng)");
        assert_eq!(t[0].heading[4], "Tỷ lệ BHYT (%)");
    }

    #[test]
    fn rows_that_lost_their_numbers_still_make_a_table() {
        let lines = [
            "| TT | Tên dự án | Xã, phường | Quy mô | Tỷ lệ |",
            "|----|-----------|------------|--------|-------|",
            "| NOXH Kinh Bắc | Kinh Bắc | 980 | 100,0 |",
            "| NOXH Xương Giang | Bắc Giang | 1.120 | 54,5 |",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].end_line, 4);
        // Not without a number column: the rows may be another table's.
        let mut unnumbered = lines;
        unnumbered[0] = "| Mã | Tên dự án | Xã, phường | Quy mô | Tỷ lệ |";
        assert!(find_tables(&unnumbered).is_empty());
    }

    #[test]
    fn a_wrap_whose_empty_cells_were_read_as_ones_keeps_its_columns() {
        let lines = [
            "| STT | Họ và tên chủ hộ | Thôn | Diện hộ | Nội dung | Số tiền |",
            "I 11 | hỗ trợ | (đồng) |",
            "ceo | | | | |",
            "| 1 | Nguyễn Văn Thắng | Trung Phú | Nghèo | Xây mới | 60.000.000 |",
            "| 2 | Trần Thị Lài | Trung Phú | Nghèo | Sửa chữa | 30.000.000 |",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].first_row, 3);
        assert_eq!(t[0].heading[4], "Nội dung hỗ trợ");
        assert_eq!(t[0].heading[5], "Số tiền (đồng)");
        // Without the ones, four cells short is too many to place.
        let mut kept = lines;
        kept[1] = "| hỗ trợ | (đồng) |";
        assert_eq!(find_tables(&kept)[0].heading[5], "Số tiền");
    }

    #[test]
    fn a_row_garbled_under_a_rule_read_as_a_word_still_starts_the_rows() {
        let lines = [
            "| STT | Cấp học | Tổng số | Tốt | Khá | Đạt | Chưa đạt |",
            "| | | CHS) | () | () | (%) | (%) |",
            "tonne       ",
            "| I",
            "| 1 | Môn học | 17.842 | 52,4 | - | 46,9 | 0,7 |",
            "| 2 | Phẩm chất | 17.842 | 78,6 | - | 21,1 | 0,3 |",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].first_row, 3);
        assert_eq!(t[0].heading[5], "Đạt (%)");
        // Prose after the word is no row: the names stay a row of their own.
        let mut prose = lines;
        prose[3] = "Kết quả đánh giá học sinh cuối học kỳ I";
        prose[4] = "năm học 2026-2027 như sau.";
        prose[5] = "Trong đó có nhiều tiến bộ.";
        assert!(find_tables(&prose).iter().all(|t| t.first_row != 3));
    }

    #[test]
    fn a_merged_heading_cell_split_below_widens_the_heading() {
        let lines = [
            "| STT | Lĩnh vực | Tiếp | Đúng hạn | Phí |",
            "| | | nhận |---------| lệ phí |",
            "| | | (HS) | Số HS | (%) | (tr.đ) |",
            "|-----|----------|------|-------|-----|-------|",
            "| 1 | Tư pháp | 1.862 | 1.831 | 99,5 | 96,4 |",
            "| 2 | Đất đai | 2.356 | 2.117 | 96,3 | 1.873,6 |",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(
            t[0].heading,
            [
                "STT",
                "Lĩnh vực",
                "Tiếp nhận (HS)",
                "Đúng hạn Số HS",
                "Đúng hạn (%)",
                "Phí lệ phí (tr.đ)"
            ]
        );
        // Without the rule that marks the merged cell, nothing says which
        // one splits: the line as wide as the heading still names it, the
        // wider one nothing.
        let mut unmarked = lines;
        unmarked[1] = "| | | nhận | | lệ phí |";
        let t = find_tables(&unmarked);
        assert_eq!(
            t[0].heading,
            ["STT", "Lĩnh vực", "Tiếp nhận", "Đúng hạn", "Phí lệ phí"]
        );
    }

    #[test]
    fn merged_heading_cells_split_below_with_no_rule_are_told_by_capitals() {
        let lines = [
            "| STT | Xã | Tổng số | Hộ nghèo (hộ) | Tỷ lệ hộ | Hộ cận nghèo (hộ) |",
            "| | | hộ dân | Đầu năm | Cuối năm | nghèo | Đầu năm | Cuối năm |",
            "| | | (hộ) | | | cuối năm | | |",
            "| | | | | | (%) | | |",
            "| (1) | (2) | (3) | (4) | (5) | (6) | (7) | (8) |",
            "| 1 | Xã A | 4.812 | 96 | 61 | 1,27 | 184 | 152 |",
            "| 2 | Xã B | 2.946 | 178 | 121 | 4,11 | 215 | 198 |",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(
            t[0].heading,
            [
                "STT",
                "Xã",
                "Tổng số hộ dân (hộ)",
                "Hộ nghèo Đầu năm (hộ)",
                "Hộ nghèo Cuối năm (hộ)",
                "Tỷ lệ hộ nghèo cuối năm (%)",
                "Hộ cận nghèo Đầu năm (hộ)",
                "Hộ cận nghèo Cuối năm (hộ)",
            ]
        );
        assert_eq!(t[0].first_row, 5);
        // Two ways of splitting as good as each other: as printed.
        let mut even = lines;
        even[1] = "| | | Hộ dân | Đầu năm | Cuối năm | nghèo | Đầu năm | Cuối năm |";
        let t = find_tables(&even);
        assert_eq!(t[0].heading.len(), 6);
    }

    #[test]
    fn a_garbled_line_between_rows_does_not_end_the_table() {
        let lines = [
            "| STT | Xã | Tổng số | Hộ nghèo |",
            "| 1 | Thị trấn Tân | 4.812 | 96 |",
            "a H Ga] i | ii",
            "[2 | Xã Hòa Phú | 2.946 | 178 |",
            "+-----+ + 4",
            "| 3 | Xã Sơn Thủy | 2.318 | 203 |",
            "Beceem eae See aces Gents ec ouens ois",
            "| 4 | Xã Sơn Hà | 1.318 | 103 |",
            "Sau bảng, còn 04 xã chưa đạt.",
            "| 4 | Xã Phú Mỹ | 2.705 | 142 |",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        // Prose after the last row ends the table, though a row-like line
        // follows it: only a line between two rows is passed over.
        assert_eq!(t[0].end_line, 8);
        let rows: Vec<usize> = (0..lines.len())
            .filter(|&li| t[0].row(&lines, li).is_some())
            .collect();
        assert_eq!(rows, [1, 3, 5, 7]);
    }

    #[test]
    fn rows_that_lost_their_number_go_on_past_a_blank_line() {
        let lines = [
            "| STT | Họ và tên | Chức vụ | Số tiền (đồng) |",
            "| 1 | Ông Trần Quốc Khánh | Phó Chỉ huy trưởng | 702.000 |",
            "| 2 | Ông Lê Văn Lương | Trưởng Công an xã | 702.000",
            "",
            "Bà Đặng Thị Mai | Y sĩ Trạm Y tế xã | 702.000 |",
            "Ông Phạm Minh Tuấn | Đội viên Đội xung kích | 702.000 |",
            "",
            "Nơi nhận:",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].end_line, 6);
        // Two cells and no figure after the blank line are no such row.
        let mut prose = lines;
        prose[4] = "Danh sách | gồm 12 cá nhân";
        prose[5] = "Tổng số | mười hai người |";
        assert_eq!(find_tables(&prose)[0].end_line, 3);
    }

    #[test]
    fn a_heading_whose_last_cell_wraps_takes_two_lines() {
        let lines = [
            "| STT | Xã | Hộ nghèo đầu năm | Tỷ",
            "lệ (%) |",
            "| 1 | Xã A | 286 | 6,41 |",
            "Sau bảng.",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].heading, ["STT", "Xã", "Hộ nghèo đầu năm", "Tỷ lệ (%)"]);
        assert_eq!(
            (t[0].heading_line, t[0].first_row, t[0].end_line),
            (0, 2, 3)
        );
        // The rest of the last cell, then another heading cell.
        let more = [
            "| STT | Đơn vị | Hồ sơ | Thanh toán",
            "không | Hồ sơ đã |",
            "| 1 | Xã A | 286 | 88,6 | 3.912 |",
        ];
        let t = find_tables(&more);
        assert_eq!(t.len(), 1);
        assert_eq!(
            t[0].heading,
            ["STT", "Đơn vị", "Hồ sơ", "Thanh toán không", "Hồ sơ đã"]
        );
        // A row after a heading that lost its last rule is no part of it.
        let row = ["| STT | Xã | Số hộ", "1 | Xã A | 286 |", "2 | Xã B | 17 |"];
        assert!(find_tables(&row)
            .first()
            .is_none_or(|t| t.heading == ["STT", "Xã", "Số hộ"]));
        // A heading closed by its rule does not take the next line into
        // its last cell (the line is passed over as wrapped names).
        let closed = ["| STT | Xã | Số hộ |", "ghi chú |", "| 1 | Xã A | 286 |"];
        let t = find_tables(&closed);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].heading, ["STT", "Xã", "Số hộ"]);
    }

    #[test]
    fn a_heading_whose_last_cell_stands_on_the_next_line() {
        let lines = [
            "TT | Chỉ tiêu | ĐVT | Năm 2025 | Năm 2026 |",
            "Đạt KH (%)",
            "1 | Tổng lượt khách | lượt | 412.600 | 463.750 | 58,0",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].heading.last().map(String::as_str), Some("Đạt KH (%)"));
        // Not when the row under it has as many cells as the line.
        let lines = ["TT | Chỉ tiêu | ĐVT |", "Ghi chú", "1 | Khách | lượt"];
        assert!(find_tables(&lines).is_empty());
    }

    #[test]
    fn heading_names_wrapped_onto_a_line_of_fewer_cells() {
        let lines = [
            "STT | Tên tập thể, | Chức vụ | Đơn vị | Số tiền",
            "họ và tên | (đồng)",
            "I | TẬP THỂ | 14.040.000",
            "1 | Đội tuyển Điền kinh | - | TTHL&TĐ | 4.680.000",
            "2 | Nguyễn Thị Thu | Vận động viên | TTHL&TĐ |",
            "10.340.000",
            "3 | Lê Đình Khải | Vận động viên | TTHL&TĐ | 7.340.000",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].first_row, t[0].end_line), (2, 7));
        let last: Vec<&str> = (t[0].first_row..t[0].end_line)
            .filter_map(|li| t[0].row(&lines, li))
            .filter_map(|r| r.last().map(|c| c.text))
            .collect();
        assert_eq!(last, ["14.040.000", "4.680.000", "10.340.000", "7.340.000"]);
    }

    #[test]
    fn rules_drawn_in_text_end_the_heading_and_part_the_rows() {
        let lines = [
            "|-----|-------------|----------|-----------|",
            "STT | Tên dự án | Tổng mức | Vốn phân",
            "| | đầu tư | bổ năm",
            "| | | 2025",
            "-----+-------------+----------+-----------",
            "| TỔNG CỘNG | 101.250 | 38.650",
            "1 | Đường ĐH2 | 18.500 | 6.800",
            "-----+-------------+----------+-----------",
            "2 | Trường học | 7.850 | 3.400",
            "-----+-------------+----------+-----------",
            "Giao Phòng Tài chính theo dõi.",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(
            (t[0].heading_line, t[0].first_row, t[0].end_line),
            (1, 5, 10)
        );
        let figures: Vec<&str> = (t[0].first_row..t[0].end_line)
            .filter_map(|li| t[0].row(&lines, li))
            .map(|r| r[r.len() - 1].text)
            .collect();
        assert_eq!(figures, ["38.650", "6.800", "3.400"]);
        assert!(is_rule("|=====|=====|") && !is_rule("- Như trên;") && !is_rule("--"));
    }

    #[test]
    fn a_rule_garbled_to_a_speck_under_wrapped_names_ends_the_heading() {
        let lines = [
            "| STT | Huyện | SXH 10T | SXH cùng |",
            "| | thị xã | 2027 (ca) | kỳ 2026 (ca) |",
            "fann--+       ",
            "| 1 | TP. Mỹ Tho | 412 | 530 |",
            "| 2 | TX. Gò Công | 98 | 121 |",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].first_row, t[0].end_line), (3, 5));
        assert_eq!(t[0].heading[2], "SXH 10T 2027 (ca)");
        // Its dashes read as em dashes.
        let em = [lines[0], lines[1], "rs —o — ns —— os —", lines[3], lines[4]];
        let t = find_tables(&em);
        assert_eq!((t.len(), t[0].first_row), (1, 3));
        assert_eq!(t[0].heading[2], "SXH 10T 2027 (ca)");
        // So does one right under the heading.
        let under = [lines[0], "4 -----        ", lines[3], lines[4]];
        let t = find_tables(&under);
        assert_eq!((t.len(), t[0].first_row, t[0].end_line), (1, 2, 4));
        // A rule garbled to letters right under it is passed over.
        let letters = [lines[0], "laa eterno lpf]", lines[3], lines[4]];
        let t = find_tables(&letters);
        assert_eq!((t.len(), t[0].end_line), (1, 4));
        assert_eq!(t[0].row(&letters, 2).map(|r| r.len()), Some(4));
        // Prose under the names is no rule: the line after the heading
        // stays a row.
        let prose = [lines[0], lines[1], "Tổng số ca mắc - tăng so với", lines[3]];
        assert_ne!(find_tables(&prose).first().map(|t| t.first_row), Some(3));
    }

    #[test]
    fn a_rule_garbled_to_a_word_under_wrapped_names_ends_the_heading() {
        let lines = [
            "| STT | Tên di tích | Địa phương | Tổng kinh phí | Ngân sách tỉnh |",
            "Ngân sách xã |",
            "Jpop",
            "| 1 | Khu di tích Đồi Tỉn Keo (ATK Định Hóa) | xã Phú Đình |",
            "3.200 | 2.720 | 480 |",
            "| 2 | Đền Đuổm | xã Phú Lương | 2.450 | 2.080 | 370 |",
            "| 3 | Đình Thanh Ninh | xã Phú Bình | 1.860 | 1.580 | 280 |",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].first_row, t[0].end_line), (3, 7));
        // So does a rule OCR dropped, leaving a blank line.
        let blank = [
            lines[0], lines[1], "", lines[3], lines[4], lines[5], lines[6],
        ];
        assert_eq!(find_tables(&blank).first().map(|t| t.first_row), Some(3));
        // A word of prose there is no rule.
        let prose = [
            lines[0], lines[1], "Ghi chú", lines[3], lines[4], lines[5], lines[6],
        ];
        assert_ne!(find_tables(&prose).first().map(|t| t.first_row), Some(3));
    }

    #[test]
    fn years_name_columns_of_a_heading() {
        let lines = [
            "| STT | Chỉ tiêu | ĐVT | 2027 | 2028 |",
            "|-----|----------|-----|------|------|",
            "| 1 | Sản phẩm mới | sản phẩm | 8 | 9 |",
            "| 2 | Doanh thu | tỷ đồng | 242,5 | 276,7 |",
        ];
        let t = find_tables(&lines);
        assert_eq!((t.len(), t[0].heading_line, t[0].first_row), (1, 0, 2));
        assert_eq!(t[0].heading[3], "2027");
        // A row of years under one word is no heading.
        assert!(!is_heading(&["Xã A", "2025", "2026"]));
    }

    #[test]
    fn a_row_whose_cells_run_on_to_the_next_line() {
        let lines = [
            "STT | Xã | Nội dung | Kinh phí",
            "1 | Xã A | Chống thấm 06",
            "phòng học | 1.120",
            "2 | Xã B | Sửa chữa 08 phòng học |",
            "1.850",
            "3 | Xã C | Sửa nhà hiệu bộ",
            "| 1.480",
            "4 | Xã D | Lát sân | 960",
            "Sau bảng.",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(
            (t[0].continued.clone(), t[0].merged.clone()),
            (vec![2, 4, 6], vec![2])
        );
        assert_eq!(t[0].end_line, 8);
        let row = |li| {
            t[0].row(&lines, li)
                .map(|r| r.iter().map(|c| (c.line, c.text)).collect::<Vec<_>>())
        };
        assert_eq!(
            row(1),
            Some(vec![
                (1, "1"),
                (1, "Xã A"),
                (1, "Chống thấm 06"),
                (2, "1.120")
            ])
        );
        assert_eq!(row(3).map(|r| r[3]), Some((4, "1.850")));
        assert_eq!(row(5).map(|r| r[3]), Some((6, "1.480")));
        assert_eq!(row(2), None);
        assert_eq!(row(7).map(|r| r.len()), Some(4));
    }

    #[test]
    fn merged_figure_cells_split_while_columns_are_missing() {
        let row = cells("5 | Hồ sơ | 10.500 1 11.862 | 113,0").unwrap_or_default();
        assert_eq!(
            split_merged(row.clone(), 5),
            ["5", "Hồ sơ", "10.500", "11.862", "113,0"]
        );
        // No column missing: the cell stays whole.
        assert_eq!(
            split_merged(row, 4),
            ["5", "Hồ sơ", "10.500 1 11.862", "113,0"]
        );
        // A rule OCR read as a bracket parts two figures as a space does.
        let row = cells("10 | P. Hoành Sơn | 186.500 | 99,0-} 0,6 | 96,3").unwrap_or_default();
        assert_eq!(split_merged(row, 6)[3..], ["99,0-", "0,6", "96,3"]);
        let row = cells("4 | Xã Đồng Tiến | 31.870]12.940 | 27.400").unwrap_or_default();
        assert_eq!(split_merged(row, 5)[2..], ["31.870", "12.940", "27.400"]);
        // Words are no figures.
        let row = cells("1 | Máy điện tim 6 | Cái | 24").unwrap_or_default();
        assert_eq!(split_merged(row.clone(), 5), row);
    }

    #[test]
    fn cells_drop_the_edge_rules_and_figures_their_specks() {
        assert_eq!(cells("| a | b |"), Some(vec!["a", "b"]));
        assert_eq!(cells("a | b"), None);
        assert_eq!(figure_of(".39,1"), Some("39,1"));
        assert_eq!(figure_of("24.500-"), Some("24.500"));
        assert_eq!(figure_of("Đạt"), None);
        let line = "1 | Hồ sơ | .39,1";
        let c = cells(line).unwrap_or_default();
        let f = figure_of(c[2]).unwrap_or_default();
        assert_eq!(&line[offset_in(line, f)..], "39,1");
    }
}
