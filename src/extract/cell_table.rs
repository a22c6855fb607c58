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
//! The tables are found by [`crate::text::cells`].

use super::doc::{squash, DocText, Span};
use super::number::{abbreviated_scale, parse_vn, scale_of};
use super::records::Kpi;
#[cfg(test)]
use crate::text::cells::find_tables;
use crate::text::cells::{figure_of, is_figure, names_row_number, offset_in, CellTable, RowCell};
use crate::text::viet::skeleton;

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
    /// Times (`Thời gian`, `Tiến độ`, `Năm`, `Năm sinh`): years, not
    /// measures.
    Time,
    /// Anything else.
    Other,
}

/// Does `heading` name the units' column (`Đơn vị tính`, `ĐVT`)? Also the
/// label of a table's unit stated on a line of its own (`Đơn vị tính: ha`).
pub(super) fn names_unit(heading: &str) -> bool {
    column(heading) == Column::Unit
}

fn column(heading: &str) -> Column {
    let f = skeleton(heading);
    let f = f.trim();
    if names_row_number(heading) {
        Column::Stt
    } else if f.starts_with("don vi tinh") || f == "dvt" || f == "don vi" {
        Column::Unit
    } else if f.starts_with("chi tieu")
        || f.starts_with("noi dung")
        || f.starts_with("ten ")
        || f == "ten"
        || f.starts_with("danh muc")
        || f.starts_with("linh vuc")
        || f.starts_with("ho va ten")
        || f.starts_with("ho ten")
        || f.starts_with("nhiem vu")
        || f.starts_with("hang muc")
        || f.starts_with("cong viec")
    {
        Column::Name
    } else if f.starts_with("thoi gian")
        || f.starts_with("thoi han")
        || f.starts_with("tien do")
        || f == "nam"
        || f.starts_with("nam sinh")
        || f.starts_with("ngay sinh")
    {
        Column::Time
    } else if is_rate(f) {
        Column::Percent
    } else if f.contains("(-)") || f.contains("giam") || f.starts_with("chenh lech") {
        Column::Change
    } else if let Some(u) = bracketed_unit(heading) {
        Column::Measured(u.to_owned())
    } else {
        Column::Other
    }
}

/// Does a row's name or a column's heading say its figures are changes
/// (`So sánh (+/-)`, `Tăng/giảm cùng kỳ (%)`, `Tăng (+), giảm (-)`, `Chênh
/// lệch`), whatever their unit?
fn names_change(text: &str) -> bool {
    const MARKS: &[&str] = &[
        "(+/-)",
        "(+/ -)",
        "(+, -)",
        "(-)",
        "so sanh",
        "chenh lech",
        "tang, giam",
        "tang/giam",
        "tang giam",
    ];
    let f = skeleton(text);
    MARKS.iter().any(|m| f.contains(m))
}

/// Does a heading (folded) name a column of rates (`Tỷ lệ`, `… (%)`)?
pub(super) fn is_rate(folded: &str) -> bool {
    folded.starts_with("ty le") || folded.contains("(%)")
}

/// The unit a heading names in brackets at its end (`Thành tiền (triệu
/// đồng)`, `Diện tích (ha)`).
fn bracketed_unit(heading: &str) -> Option<&str> {
    // (A speck OCR left after the bracket is none of the unit: `(căn).`.)
    let inner = heading
        .trim_end()
        .trim_end_matches(['.', ',', ';', ':'])
        .strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let u = inner[open + 1..].trim();
    let letters = u.chars().any(char::is_alphabetic);
    (letters && u.chars().count() <= 20 && !u.chars().any(|c| c.is_ascii_digit())).then_some(u)
}

/// A unit as printed in a cell, as KPIs give it: money scales folded into
/// the value (`Tỷ đồng` → `đồng`, ×1e9; `tr.đ` → `đồng`, ×1e6), a capital that only starts the
/// cell lowered (`Cái` → `cái`, `TTHC` kept), OCR's `d` for `đ` read back.
pub(super) fn unit_and_scale(cell: &str) -> (Option<String>, f64) {
    let cell = squash(cell);
    if let Some(scale) = abbreviated_scale(&cell) {
        return (Some("đồng".to_owned()), scale);
    }
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
    // A lone `d` is OCR's `đ` (đồng), which it never prints: `Số tiền (d)`,
    // `d/người`; no unit is the bare letter.
    let lowered = match lowered.strip_prefix('d') {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => format!("đ{rest}"),
        _ => lowered,
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

/// The KPIs of `table` in `doc` (whose lines are `lines`), each with the
/// printed span of its figure.
pub(crate) fn table_kpis(doc: &DocText, lines: &[&str], table: &CellTable) -> Vec<(Span, Kpi)> {
    let heading = &table.heading;
    let columns: Vec<Column> = heading.iter().map(|h| column(h)).collect();
    let name_col = columns
        .iter()
        .position(|c| *c == Column::Name)
        .or_else(|| columns.iter().position(|c| *c != Column::Stt));
    let unit_col = columns.iter().position(|c| *c == Column::Unit);
    let mut out = Vec::new();
    let width = heading.len();
    for li in table.first_row..table.end_line {
        // A row's last cells may stand on the next line (see `CellTable::row`).
        let Some(row) = table.row(lines, li) else {
            continue;
        };
        if row.len() > width {
            out.extend(wide_row_kpis(doc, lines, &row));
            continue;
        }
        // A group's row (`| 1 | Phổ biến pháp luật trực tiếp | | |`): its
        // number and name, its empty cells dropped, hold no figure.
        if row.len() < width
            && row.len() >= 2
            && is_row_number(row[0].text)
            && row[1..].iter().all(|c| figure_of(c.text).is_none())
        {
            continue;
        }
        // Row cell `j` is under heading column `j + shift`.
        let shift = width - row.len();
        let at = |col: Option<usize>| col.and_then(|c| c.checked_sub(shift)).map(|j| row[j].text);
        let name = at(name_col).filter(|s| !s.is_empty() && !is_figure(s));
        // A row of changes (`So sánh (+/-)`): its figures carry their signs.
        let change_row = name.is_some_and(names_change);
        let (row_unit, row_scale) = at(unit_col).map_or((None, 1.0), unit_and_scale);
        for (
            j,
            &RowCell {
                line: cl,
                text: cell,
            },
        ) in row.iter().enumerate()
        {
            let line = lines[cl];
            let col = &columns[j + shift];
            if matches!(
                col,
                Column::Stt | Column::Unit | Column::Name | Column::Time
            ) {
                continue;
            }
            // A change's figure carries its sign: in a row of changes, or
            // a column of them, in per cent or not (`Tăng/giảm cùng kỳ
            // (%)`); a `+` glued before it too (`+931`).
            let changes = change_row || *col == Column::Change || names_change(&heading[j + shift]);
            let plus = changes && cell.starts_with('+');
            let Some(cell) = figure_of(cell.strip_prefix('+').filter(|_| plus).unwrap_or(cell))
            else {
                continue;
            };
            let at = offset_in(line, cell);
            let figure = cell.trim_end_matches('%').trim_end();
            let Some(mut value) = parse_vn(figure) else {
                continue;
            };
            // A minus glued to the figure is its sign in a column of
            // changes; elsewhere it is a rule's speck.
            let signed = changes && line[..at].ends_with('-');
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
                Some(n) => format!("{} ({})", bounded(n), squash(&heading[j + shift])),
                None => squash(&heading[j + shift]),
            };
            let from = doc.line_offset(cl) + at;
            out.push((
                (from, from + cell.len()),
                Kpi {
                    label: Some(label),
                    value: value * scale,
                    unit,
                    qualifier: None,
                    out_of: None,
                    raw: if signed {
                        format!("-{cell}")
                    } else if plus {
                        format!("+{cell}")
                    } else {
                        cell.to_owned()
                    },
                    line: cl + 1,
                    confidence: 0.8,
                },
            ));
        }
    }
    out
}

/// Is a cell a row's number (`1`, `12`, `2.1`, `3.`), not a figure with a
/// thousands dot (`2.665`)?
fn is_row_number(cell: &str) -> bool {
    let t = cell.trim_end_matches('.');
    !t.is_empty()
        && t.split('.').enumerate().all(|(i, p)| {
            let most = if i == 0 { 3 } else { 2 };
            (1..=most).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        })
}

/// The KPIs of a row wider than its table's heading (whose merged cells
/// OCR's garbling left unsplit): its figure cells, each labelled with the
/// row's name (its first cell that is no figure), in `%` where printed so;
/// no column names them. A row of fewer than two figures gives none (junk
/// lines of specks are wide too).
fn wide_row_kpis(doc: &DocText, lines: &[&str], row: &[RowCell<'_>]) -> Vec<(Span, Kpi)> {
    if row.iter().filter(|c| figure_of(c.text).is_some()).count() < 2 {
        return Vec::new();
    }
    let name = row
        .iter()
        .map(|c| c.text)
        .find(|t| !t.is_empty() && figure_of(t).is_none());
    let mut out = Vec::new();
    for &RowCell { line: cl, text } in row {
        let Some(cell) = figure_of(text) else {
            continue;
        };
        let line = lines[cl];
        let at = offset_in(line, cell);
        let Some(value) = parse_vn(cell.trim_end_matches('%').trim_end()) else {
            continue;
        };
        // The row's number is no figure of it.
        if name.is_some_and(|n| offset_in(line, n) > at) {
            continue;
        }
        let from = doc.line_offset(cl) + at;
        out.push((
            (from, from + cell.len()),
            Kpi {
                label: name.map(bounded),
                value,
                unit: cell.ends_with('%').then(|| "%".to_owned()),
                qualifier: None,
                out_of: None,
                raw: cell.to_owned(),
                line: cl + 1,
                confidence: 0.6,
            },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &[&str] = crate::text::cells::SAMPLE_TABLE;

    fn kpis(lines: &[&str]) -> Vec<Kpi> {
        let doc = DocText::new(lines);
        find_tables(lines)
            .iter()
            .flat_map(|t| table_kpis(&doc, lines, t))
            .map(|(_, k)| k)
            .collect()
    }

    #[test]
    fn a_row_of_changes_keeps_its_signs() {
        let lines = [
            "| STT | Chỉ tiêu | Số vụ (vụ) | Vi phạm (trường hợp) |",
            "| | Năm 2026 | 38 | 9.846 |",
            "| | So sánh (+/-) | -6 | +931 |",
        ];
        let got: Vec<(String, f64)> = kpis(&lines).into_iter().map(|k| (k.raw, k.value)).collect();
        assert_eq!(
            got,
            [
                ("38".to_owned(), 38.0),
                ("9.846".to_owned(), 9846.0),
                ("-6".to_owned(), -6.0),
                ("+931".to_owned(), 931.0)
            ]
        );
    }

    #[test]
    fn a_column_of_changes_in_per_cent_keeps_its_signs() {
        let lines = [
            "| STT | Cấp học | Số trường | Tăng/giảm cùng kỳ (%) |",
            "| 1 | Mầm non | 29 | -2,4 |",
            "| 2 | Tiểu học | 28 | +1,1 |",
        ];
        let got: Vec<(String, f64, Option<String>)> = kpis(&lines)
            .into_iter()
            .map(|k| (k.raw, k.value, k.unit))
            .collect();
        assert_eq!(got[1], ("-2,4".to_owned(), -2.4, Some("%".to_owned())));
        assert_eq!(got[3], ("+1,1".to_owned(), 1.1, Some("%".to_owned())));
    }

    #[test]
    fn a_groups_row_of_no_figures_gives_none() {
        let lines = [
            "| STT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2026 |",
            "| 1 | Phổ biến pháp luật trực tiếp | | | |",
            "| 1.1 | Số cuộc tuyên truyền | Cuộc | 2.665 | 2.846 |",
        ];
        let got: Vec<String> = kpis(&lines).into_iter().map(|k| k.raw).collect();
        assert_eq!(got, ["2.665", "2.846"]);
        assert!(is_row_number("1.1") && is_row_number("12.") && !is_row_number("2.665"));
    }

    #[test]
    fn birth_years_are_no_figures() {
        let lines = [
            "| STT | Họ và tên | Năm | Điểm |",
            "| | | sinh | vòng 2 |",
            "|-----|------|------|------|",
            "| 1 | Trần Minh Khôi | 1998 | 82,5 |",
        ];
        let got: Vec<(String, Option<String>)> =
            kpis(&lines).into_iter().map(|k| (k.raw, k.label)).collect();
        assert_eq!(
            got,
            [(
                "82,5".to_owned(),
                Some("Trần Minh Khôi (Điểm vòng 2)".to_owned())
            )]
        );
    }

    #[test]
    fn rows_wider_than_a_garbled_heading_give_their_figures() {
        // OCR garbled the lines that split `Đúng hạn` in two: the rows
        // have a cell more than the heading, and no column names them.
        let lines = [
            "T | Lĩnh vực | Tiếp | Đúng hạn | Phí |",
            "——Nó có nhân | -------- | lệ phí |",
            "| 1 | Tư pháp, hộ tịch | 1.862 | 1.831 | 99,5% | 96,4 |",
            "| 2 | Đất đai | 2.356 | 2.117 | 96,3% | 1.873,6 |",
            // A wide line of specks with one figure gives nothing.
            "| ! | junk | 7 | ' | , | ; |",
        ];
        let got: Vec<(String, Option<String>, usize)> = kpis(&lines)
            .into_iter()
            .map(|k| (k.raw, k.unit, k.line))
            .collect();
        let want = [
            ("1.862", None, 3),
            ("1.831", None, 3),
            ("99,5%", Some("%"), 3),
            ("96,4", None, 3),
            ("2.356", None, 4),
            ("2.117", None, 4),
            ("96,3%", Some("%"), 4),
            ("1.873,6", None, 4),
        ];
        let want: Vec<(String, Option<String>, usize)> = want
            .iter()
            .map(|(r, u, l)| (r.to_string(), u.map(str::to_owned), *l))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn ocr_d_for_dong_reads_back() {
        assert_eq!(unit_and_scale("d"), (Some("đ".to_owned()), 1.0));
        assert_eq!(unit_and_scale("d/người"), (Some("đ/người".to_owned()), 1.0));
        assert_eq!(unit_and_scale("dự án"), (Some("dự án".to_owned()), 1.0));
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
    fn a_wrapped_last_cell_keeps_the_row_in_its_columns_and_years_are_no_figures() {
        let k = kpis(&[
            "STT | Tên dự án | TMĐT | Vốn 2027 | Thời gian",
            "1 | Đường liên xã | 14.850 | 6.000 | 2027",
            "2 | Nhà học | 9.620 | 4.500 |",
            "2027-2028",
            "3 | Kè sông | 22.400 | 8.000 | 2027",
        ]);
        let got: Vec<(f64, usize, Option<&str>)> = k
            .iter()
            .map(|k| (k.value, k.line, k.label.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                (14850.0, 2, Some("Đường liên xã (TMĐT)")),
                (6000.0, 2, Some("Đường liên xã (Vốn 2027)")),
                (9620.0, 3, Some("Nhà học (TMĐT)")),
                (4500.0, 3, Some("Nhà học (Vốn 2027)")),
                (22400.0, 5, Some("Kè sông (TMĐT)")),
                (8000.0, 5, Some("Kè sông (Vốn 2027)")),
            ]
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
        // A speck OCR put after the bracket.
        let k = kpis(&[
            "TT | Tên dự án | Quy mô (căn). | Ghi chú",
            "1 | NOXH | 980 | Xong",
        ]);
        assert_eq!((k[0].value, k[0].unit.as_deref()), (980.0, Some("căn")));
    }
}
