//! Tables printed in the body of a report with `|` between their cells:
//!
//! ```text
//! STT | Chỉ tiêu | Đơn vị tính | Kế hoạch 2025 | Thực hiện | Tỷ lệ (%)
//! 1 | Hồ sơ tiếp nhận trực tuyến | hồ sơ | 20.000 | 11.208 | 56,0
//! ```
//!
//! A table is a heading row (at least three cells, none of them a figure)
//! followed by at least one row of `|` cells. Every cell of a row that is a
//! figure alone is a KPI: its unit is the row's cell under a "Đơn vị tính"
//! (`ĐVT`) heading, else `%` under a heading of rates (`Tỷ lệ`, `(%)`) or
//! the unit a heading names in brackets (`Thành tiền (triệu đồng)`); its
//! label is the row's name cell with the column's heading. A row with fewer
//! cells than the heading (OCR lost a rule) is aligned on its right end,
//! where the figures are.
//!
//! Invariant: the tables found never overlap, and each covers whole lines.

use super::doc::{squash, DocText};
use super::number::{parse_vn, scale_of};
use super::records::Kpi;
use crate::text::viet::skeleton;
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
    /// 0-based line after the last row.
    pub end_line: usize,
}

/// The cells of a line split at `|`, trimmed; empty cells at either end (a
/// rule printed at the table's edge) dropped. `None` for a line with fewer
/// than two `|`.
fn cells(line: &str) -> Option<Vec<&str>> {
    if line.matches('|').count() < 2 {
        return None;
    }
    let mut c: Vec<&str> = line.split('|').map(str::trim).collect();
    while c.first().is_some_and(|s| s.is_empty()) {
        c.remove(0);
    }
    while c.last().is_some_and(|s| s.is_empty()) {
        c.pop();
    }
    Some(c)
}

/// Specks OCR leaves at a cell's edges, beside its rules (`24.500-`, `.39,1`).
const SPECKS: &[char] = &['.', ',', ':', ';', '-', '\'', '"', '`', '~', '_', ' '];

/// The figure a cell holds alone, specks at its edges aside.
fn figure_of(cell: &str) -> Option<&str> {
    let f = cell.trim_matches(SPECKS);
    FIGURE.is_match(f).then_some(f)
}

fn is_figure(cell: &str) -> bool {
    figure_of(cell).is_some()
}

/// Longest heading cell, in characters: headings are short.
const MAX_HEADING: usize = 40;

/// Is `c` a table's heading row: three cells or more, each short and none
/// a figure? (OCR's rule specks put `|` in running text too.)
fn is_heading(c: &[&str]) -> bool {
    c.len() >= 3
        && c.iter()
            .all(|s| !s.is_empty() && s.chars().count() <= MAX_HEADING && !is_figure(s))
}

/// The tables of `lines`, in text order: a heading row, then every line of
/// `|` cells after it, one of which at least has as many cells as the
/// heading and a figure.
pub(crate) fn find_tables<S: AsRef<str>>(lines: &[S]) -> Vec<CellTable> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(heading) = cells(lines[i].as_ref()).filter(|c| is_heading(c)) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        let mut aligned = false;
        while let Some(row) = lines.get(end).and_then(|l| cells(l.as_ref())) {
            aligned |= row.len() == heading.len() && row.iter().any(|c| is_figure(c));
            end += 1;
        }
        if aligned {
            out.push(CellTable {
                heading_line: i,
                end_line: end,
            });
        }
        i = end;
    }
    out
}

/// What a column holds, from its heading.
#[derive(Clone, Debug, PartialEq)]
enum Column {
    /// The row's number.
    Stt,
    /// The unit of the row's figures.
    Unit,
    /// The row's name.
    Name,
    /// Rates: figures in `%`.
    Percent,
    /// Figures in the unit the heading names in brackets.
    Measured(String),
    /// Changes, whose figures may carry a sign (`Tăng (+), giảm (-)`).
    Change,
    /// Anything else.
    Other,
}

fn column(heading: &str) -> Column {
    let f = skeleton(heading);
    let f = f.trim();
    if matches!(f, "stt" | "tt" | "so tt") {
        Column::Stt
    } else if f.starts_with("don vi tinh") || f == "dvt" || f == "don vi" {
        Column::Unit
    } else if f.starts_with("chi tieu")
        || f.starts_with("noi dung")
        || f.starts_with("ten ")
        || f == "ten"
        || f.starts_with("danh muc")
        || f.starts_with("linh vuc")
    {
        Column::Name
    } else if f.starts_with("ty le") || f.contains("(%)") {
        Column::Percent
    } else if f.contains("(-)") || f.contains("giam") || f.starts_with("chenh lech") {
        Column::Change
    } else if let Some(u) = bracketed_unit(heading) {
        Column::Measured(u.to_owned())
    } else {
        Column::Other
    }
}

/// The unit a heading names in brackets at its end (`Thành tiền (triệu
/// đồng)`, `Diện tích (ha)`).
fn bracketed_unit(heading: &str) -> Option<&str> {
    let inner = heading.trim_end().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let u = inner[open + 1..].trim();
    let letters = u.chars().any(char::is_alphabetic);
    (letters && u.chars().count() <= 20 && !u.chars().any(|c| c.is_ascii_digit())).then_some(u)
}

/// A unit as printed in a cell, as KPIs give it: money scales folded into
/// the value (`Tỷ đồng` → `đồng`, ×1e9), a capital that only starts the
/// cell lowered (`Cái` → `cái`, `TTHC` kept).
fn unit_and_scale(cell: &str) -> (Option<String>, f64) {
    let cell = squash(cell);
    let mut words = cell.splitn(2, ' ');
    let first = words.next().unwrap_or("");
    let rest = words.next().unwrap_or("");
    if let Some(scale) = scale_of(&skeleton(first)) {
        if !rest.is_empty() {
            return (Some(rest.to_owned()), scale);
        }
    }
    if cell.is_empty() || is_figure(&cell) {
        return (None, 1.0);
    }
    let mut cs = cell.chars();
    let lowered = match (cs.next(), cs.next()) {
        (Some(c), Some(d)) if c.is_uppercase() && d.is_lowercase() => {
            c.to_lowercase().chain(cell.chars().skip(1)).collect()
        }
        _ => cell.clone(),
    };
    (Some(lowered), 1.0)
}

/// Most characters of a row's name a label copies: a runaway cell (a page
/// flattened into one row) must not copy itself into every figure's label.
const MAX_NAME: usize = 160;

/// `name` squashed, cut at [`MAX_NAME`] characters.
fn bounded(name: &str) -> String {
    squash(name).chars().take(MAX_NAME).collect()
}

/// The character right before byte `at` of `line`.
fn start_of(line: &str, at: usize) -> Option<char> {
    line.get(..at).and_then(|h| h.chars().next_back())
}

/// The KPIs of `table`, each with the printed offset of its figure.
pub(crate) fn table_kpis(doc: &DocText, table: &CellTable) -> Vec<(usize, Kpi)> {
    let lines: Vec<&str> = doc.text.split('\n').collect();
    let Some(heading) = lines.get(table.heading_line).and_then(|l| cells(l)) else {
        return Vec::new();
    };
    let columns: Vec<Column> = heading.iter().map(|h| column(h)).collect();
    let name_col = columns
        .iter()
        .position(|c| *c == Column::Name)
        .or_else(|| columns.iter().position(|c| *c != Column::Stt));
    let unit_col = columns.iter().position(|c| *c == Column::Unit);
    let mut out = Vec::new();
    let mut line_start: usize = lines[..table.heading_line]
        .iter()
        .map(|l| l.len() + 1)
        .sum();
    for (li, line) in lines
        .iter()
        .enumerate()
        .take(table.end_line)
        .skip(table.heading_line)
    {
        let start = line_start;
        line_start += line.len() + 1;
        if li == table.heading_line {
            continue;
        }
        let Some(row) = cells(line) else { continue };
        if row.len() > heading.len() {
            continue;
        }
        // Row cell `j` is under heading column `j + shift`.
        let shift = heading.len() - row.len();
        let at = |col: Option<usize>| col.and_then(|c| c.checked_sub(shift)).map(|j| row[j]);
        let name = at(name_col).filter(|s| !s.is_empty() && !is_figure(s));
        let (row_unit, row_scale) = at(unit_col).map_or((None, 1.0), unit_and_scale);
        // Cells are found on the line in order, so offsets follow the text.
        let mut from = 0;
        for (j, cell) in row.iter().enumerate() {
            let Some(found) = line[from..].find(cell) else {
                continue;
            };
            let raw_at = from + found;
            from += found + cell.len();
            let col = &columns[j + shift];
            let Some(figure_cell) = figure_of(cell) else {
                continue;
            };
            // Line offset of the figure, past the specks before it.
            let at = raw_at + (cell.len() - cell.trim_start_matches(SPECKS).len());
            let cell = figure_cell;
            if matches!(col, Column::Stt | Column::Unit | Column::Name) {
                continue;
            }
            let figure = cell.trim_end_matches('%').trim_end();
            let Some(mut value) = parse_vn(figure) else {
                continue;
            };
            // A minus glued to the figure is its sign in a column of
            // changes; elsewhere it is a rule's speck.
            let signed = *col == Column::Change && start_of(line, at) == Some('-');
            if signed {
                value = -value;
            }
            let (unit, scale) = if cell.ends_with('%') || *col == Column::Percent {
                (Some("%".to_owned()), 1.0)
            } else if let Column::Measured(u) = col {
                unit_and_scale(u)
            } else {
                (row_unit.clone(), row_scale)
            };
            let label = match name {
                Some(n) => format!("{} ({})", bounded(n), squash(heading[j + shift])),
                None => squash(heading[j + shift]),
            };
            out.push((
                start + at,
                Kpi {
                    label: Some(label),
                    value: value * scale,
                    unit,
                    qualifier: None,
                    raw: if signed {
                        format!("-{cell}")
                    } else {
                        cell.to_owned()
                    },
                    line: li + 1,
                    confidence: 0.8,
                },
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &[&str] = &[
        "5. Một số chỉ tiêu chủ yếu",
        "STT | Chỉ tiêu | Đơn vị tính | Kế hoạch 2025 | Thực hiện | Tỷ lệ (%)",
        "1 | Hồ sơ tiếp nhận trực tuyến | hồ sơ | 20.000 | 11.208 | 56,0",
        "2 | Kinh phí chuyển đổi số | Tỷ đồng | 3,2 | 1,25 | 39,1",
        "Hồ sơ trực tuyến | 12.450- |.50,8",
        "Sau bảng, còn 04 xã chưa đạt.",
    ];

    fn kpis(lines: &[&str]) -> Vec<Kpi> {
        let doc = DocText::new(lines);
        find_tables(lines)
            .iter()
            .flat_map(|t| table_kpis(&doc, t))
            .map(|(_, k)| k)
            .collect()
    }

    #[test]
    fn a_heading_and_its_rows_make_a_table() {
        assert_eq!(
            find_tables(TABLE),
            vec![CellTable {
                heading_line: 1,
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
    fn figure_cells_take_the_unit_column_or_the_heading() {
        let k = kpis(TABLE);
        let got: Vec<(f64, Option<&str>, usize)> = k
            .iter()
            .map(|k| (k.value, k.unit.as_deref(), k.line))
            .collect();
        assert_eq!(
            got,
            vec![
                (20000.0, Some("hồ sơ"), 3),
                (11208.0, Some("hồ sơ"), 3),
                (56.0, Some("%"), 3),
                (3.2e9, Some("đồng"), 4),
                (1.25e9, Some("đồng"), 4),
                (39.1, Some("%"), 4),
                // Aligned on the right: no unit cell, the last two columns.
                (12450.0, None, 5),
                (50.8, Some("%"), 5),
            ]
        );
        assert_eq!(
            k[0].label.as_deref(),
            Some("Hồ sơ tiếp nhận trực tuyến (Kế hoạch 2025)")
        );
    }

    #[test]
    fn a_minus_is_a_sign_only_in_a_column_of_changes() {
        let k = kpis(&[
            "STT | Cơ quan | Giao năm 2025 | Tăng (+), giảm (-)",
            "1 | Sở Nội vụ |-92 | -3",
        ]);
        let got: Vec<(f64, &str, Option<&str>)> = k
            .iter()
            .map(|k| (k.value, k.raw.as_str(), k.unit.as_deref()))
            .collect();
        assert_eq!(got, vec![(92.0, "92", None), (-3.0, "-3", None)]);
    }

    #[test]
    fn a_bracketed_unit_in_the_heading_measures_its_column() {
        let k = kpis(&[
            "TT | Tên trang thiết bị | Đơn vị tính | Số lượng | Thành tiền (triệu đồng)",
            "1 | Máy siêu âm | Cái | 12 | 3.960",
        ]);
        assert_eq!(k.len(), 2);
        assert_eq!((k[0].value, k[0].unit.as_deref()), (12.0, Some("cái")));
        assert_eq!((k[1].value, k[1].unit.as_deref()), (3.96e9, Some("đồng")));
    }
}
