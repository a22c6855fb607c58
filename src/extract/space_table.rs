//! Tables printed without rules: a heading line of column names, then rows
//! of a name and figures set apart by spaces alone:
//!
//! ```text
//! TT Chỉ tiêu Kế hoạch năm 2024 Thực hiện 9 tháng Tỷ lệ (%)
//! 1 Cấp Giấy chứng nhận lần đầu (giấy) 650 512 78,8
//! 2 Thu tiền sử dụng đất (tỷ đồng) 120,0 83,6 69,7
//! ```
//!
//! The heading cannot be split into its columns (its names hold spaces
//! too), so every figure ending a row is a KPI of the row's name, in the
//! row's unit: the one its name ends with in brackets (`(tỷ đồng)`), else
//! the word(s) before its figures under a `Đơn vị` heading (`tấn`, `tỷ
//! đồng`), else money a heading names in brackets (`Giá trị (triệu đồng)`);
//! under a heading ending with a rate (`Tỷ lệ (%)`) the last figure is one.
//!
//! A table is a heading line that opens with a row number's or a name's
//! column and names two columns or more of a report's table
//! ([`HEADING_WORDS`]), then two rows or more, each a name with a
//! letter and two figures or more ending the line; lines with `|` belong to
//! [`super::cell_table`].

use super::cell_table::unit_and_scale;
use super::doc::{squash, DocText, Span};
use super::number::{parse_vn, scale_of};
use super::records::Kpi;
use crate::text::viet::skeleton;
use regex::Regex;
use std::sync::LazyLock;

/// A row: an optional row number, a name ending with a letter, `)` or `%`,
/// then two figures or more to the line's end.
static ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:\d{1,2}\.?\s+)?(?P<name>.*[\p{L})%])\s+(?P<figs>\d+(?:[.,]\d+)*(?:\s+\d+(?:[.,]\d+)*)+)\s*$",
    )
    .expect("valid regex")
});

/// Column names (folded) of a report's tables; a heading names two or more.
const HEADING_WORDS: &[&str] = &[
    "ty le",
    "ke hoach",
    "thuc hien",
    "gia tri",
    "chi tieu",
    "don vi",
    "khoan muc",
    "so luong",
    "noi dung",
    "ket qua",
    "cung ky",
];

/// How a heading opens (folded): with the row number's or the name's
/// column, as prose does not.
const FIRST_COLUMNS: &[&str] = &[
    "tt ",
    "stt ",
    "chi tieu",
    "noi dung",
    "khoan muc",
    "ten ",
    "danh muc",
    "linh vuc",
];

/// Longest heading line, in characters.
const MAX_HEADING: usize = 160;

/// A table printed without rules, by 0-based lines.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SpaceTable {
    /// The heading line.
    pub heading_line: usize,
    /// The line after the last row (the first row follows the heading).
    pub end_line: usize,
}

/// Is `line` a table's heading: short, no `|`, no figures ending it, two
/// column names or more?
fn is_heading(line: &str) -> bool {
    if line.contains('|') || line.chars().count() > MAX_HEADING || ROW.is_match(line) {
        return false;
    }
    let f = skeleton(line.trim());
    let opens = FIRST_COLUMNS.iter().any(|w| f.starts_with(w));
    opens && !f.ends_with(':') && HEADING_WORDS.iter().filter(|w| f.contains(*w)).count() >= 2
}

fn is_row(line: &str) -> bool {
    !line.contains('|') && ROW.is_match(line)
}

/// The tables of `lines` printed without rules, in text order.
pub(crate) fn find_space_tables(lines: &[&str]) -> Vec<SpaceTable> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < lines.len() {
        if !is_heading(lines[i]) {
            i += 1;
            continue;
        }
        let end = (i + 1..lines.len())
            .find(|&k| !is_row(lines[k]))
            .unwrap_or(lines.len());
        if end - (i + 1) >= 2 {
            out.push(SpaceTable {
                heading_line: i,
                end_line: end,
            });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Words that end a row's name as its unit under a `Đơn vị` heading, the
/// money scales taking the word after them (`tỷ đồng`).
fn unit_at_end(name: &str) -> Option<(&str, &str)> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    let last = words.pop()?;
    if words.is_empty() {
        return None;
    }
    let before = words.last().copied().unwrap_or("");
    let cut = if scale_of(&skeleton(before)).is_some() {
        before
    } else {
        last
    };
    let at = name.rfind(cut)?;
    Some((name[..at].trim_end(), &name[at..]))
}

/// The KPIs of `table` in `doc` (whose lines are `lines`), each with the
/// printed span of its figure.
pub(crate) fn table_kpis(doc: &DocText, lines: &[&str], table: &SpaceTable) -> Vec<(Span, Kpi)> {
    let heading = lines[table.heading_line];
    let hf = skeleton(heading);
    let hf = hf.trim_end();
    let rate_last = hf.ends_with("(%)") || hf.ends_with("ty le");
    let unit_column = hf.contains("don vi");
    // Money a heading names in brackets (`Giá trị (triệu đồng)`).
    let heading_money = heading
        .split('(')
        .skip(1)
        .filter_map(|p| p.split(')').next())
        .map(unit_and_scale)
        .find(|(_, scale)| *scale != 1.0);
    let mut out = Vec::new();
    let rows = lines.iter().enumerate().take(table.end_line);
    for (li, &line) in rows.skip(table.heading_line + 1) {
        let Some(c) = ROW.captures(line) else {
            continue;
        };
        let (Some(name), Some(figs)) = (c.name("name"), c.name("figs")) else {
            continue;
        };
        let base = doc.line_offset(li);
        let mut label = name.as_str().trim();
        let mut row_unit: Option<(Option<String>, f64)> = None;
        // `Cấp Giấy chứng nhận (giấy)`: the row's unit in brackets.
        if let Some(open) = label.strip_suffix(')').and_then(|l| l.rfind('(')) {
            let inner = &label[open + 1..label.len() - 1];
            if inner.chars().count() <= 20 && !inner.chars().any(|c| c.is_ascii_digit()) {
                row_unit = Some(unit_and_scale(inner));
                label = label[..open].trim_end();
            }
        } else if unit_column {
            if let Some((rest, unit)) = unit_at_end(label) {
                row_unit = Some(unit_and_scale(unit));
                label = rest;
            }
        }
        let n = figs.as_str().split_whitespace().count();
        let mut pos = figs.start();
        for (j, fig) in figs.as_str().split_whitespace().enumerate() {
            let at = pos + line[pos..].find(fig).unwrap_or(0);
            pos = at + fig.len();
            let Some(value) = parse_vn(fig) else { continue };
            let (unit, scale) = if rate_last && j + 1 == n {
                (Some("%".to_owned()), 1.0)
            } else {
                row_unit
                    .clone()
                    .or_else(|| heading_money.clone())
                    .unwrap_or((None, 1.0))
            };
            let span = (base + at, base + at + fig.len());
            out.push((
                span,
                Kpi {
                    label: (!label.is_empty()).then(|| squash(label)),
                    value: value * scale,
                    unit,
                    qualifier: None,
                    out_of: None,
                    raw: fig.to_owned(),
                    line: li + 1,
                    confidence: 0.6,
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
        "5. Kết quả một số chỉ tiêu chủ yếu",
        "TT Chỉ tiêu Kế hoạch năm 2024 Thực hiện 9 tháng Tỷ lệ (%)",
        "1 Cấp Giấy chứng nhận lần đầu (giấy) 650 512 78,8",
        "2 Thu tiền sử dụng đất (tỷ đồng) 120,0 83,6 69,7",
        "II. TỒN TẠI, HẠN CHẾ",
    ];

    fn kpis(lines: &[&str]) -> Vec<Kpi> {
        let doc = DocText::new(lines);
        find_space_tables(lines)
            .iter()
            .flat_map(|t| table_kpis(&doc, lines, t))
            .map(|(_, k)| k)
            .collect()
    }

    #[test]
    fn a_heading_and_two_rows_make_a_table() {
        assert_eq!(
            find_space_tables(TABLE),
            vec![SpaceTable {
                heading_line: 1,
                end_line: 4
            }]
        );
        // One row is no table; prose is no heading.
        assert!(find_space_tables(&TABLE[..3]).is_empty());
        assert!(find_space_tables(&[
            "Kết quả thực hiện kế hoạch như sau:",
            "1 Cấp giấy 650 512",
            "2 Thu tiền 120 83",
        ])
        .is_empty());
    }

    #[test]
    fn every_figure_of_a_row_in_its_unit() {
        let got: Vec<(f64, Option<String>, usize)> = kpis(TABLE)
            .into_iter()
            .map(|k| (k.value, k.unit, k.line))
            .collect();
        let giay = Some("giấy".to_owned());
        let dong = Some("đồng".to_owned());
        let pct = Some("%".to_owned());
        assert_eq!(
            got,
            vec![
                (650.0, giay.clone(), 3),
                (512.0, giay, 3),
                (78.8, pct.clone(), 3),
                (120e9, dong.clone(), 4),
                (83.6e9, dong, 4),
                (69.7, pct, 4),
            ]
        );
    }

    #[test]
    fn a_unit_column_and_money_in_the_heading() {
        let k = kpis(&[
            "Chỉ tiêu Đơn vị Kế hoạch 2025 Thực hiện 6 tháng Tỷ lệ (%)",
            "Sản lượng lương thực tấn 8.150 4.177 51,3",
            "Thu ngân sách trên địa bàn tỷ đồng 12,8 7,85 61,3",
        ]);
        assert_eq!(k[0].unit.as_deref(), Some("tấn"));
        assert_eq!(k[0].label.as_deref(), Some("Sản lượng lương thực"));
        assert_eq!((k[3].value, k[3].unit.as_deref()), (12.8e9, Some("đồng")));
        let k = kpis(&[
            "TT Khoản mục chi phí Giá trị (triệu đồng) Tỷ lệ (%)",
            "1 Chi phí xây dựng 34.560 80,7",
            "Tổng cộng 42.850 100",
        ]);
        let got: Vec<(f64, Option<&str>)> =
            k.iter().map(|k| (k.value, k.unit.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                (34560e6, Some("đồng")),
                (80.7, Some("%")),
                (42850e6, Some("đồng")),
                (100.0, Some("%"))
            ]
        );
    }
}
