//! The figures of tables printed without rules ([`crate::text::spaced`]).
//!
//! Every figure ending a row is a KPI of the row's name and its column, in
//! the row's unit: the one its name ends with in brackets (`(tỷ đồng)`),
//! else the word(s) before its figures under a `Đơn vị` column (`tấn`, `tỷ
//! đồng`), else money a heading names in brackets (`Giá trị (triệu
//! đồng)`); a figure under a rate's column (`Tỷ lệ (%)`) is a rate.

use super::cell_table::{is_rate, names_unit, unit_and_scale};
use super::doc::{squash, DocText, Span};
use super::number::parse_vn;
use super::records::Kpi;
use crate::text::spaced::{is_unit_column, split_unit, SpacedTable};
use crate::text::viet::skeleton;

/// The KPIs of `table` in `doc` (whose lines are `lines`), each with the
/// printed span of its figure.
pub(crate) fn table_kpis(doc: &DocText, lines: &[&str], table: &SpacedTable) -> Vec<(Span, Kpi)> {
    let columns = table.value_columns();
    let unit_column = columns.iter().any(|c| is_unit_column(c));
    // How many columns follow the units' (a row fills them all).
    let after_unit = columns
        .iter()
        .position(|c| is_unit_column(c))
        .map_or(0, |k| columns.len() - k - 1);
    // Money a column names in brackets (`Giá trị (triệu đồng)`).
    let column_money = |c: &str| {
        c.split('(')
            .nth(1)
            .and_then(|p| p.split(')').next())
            .map(unit_and_scale)
            .filter(|(_, scale)| *scale != 1.0)
    };
    let table_unit = table_unit(lines, table.heading_line);
    let mut out = Vec::new();
    let rows = lines.iter().enumerate().take(table.end_line);
    for (li, &line) in rows.skip(table.heading_line + 1) {
        let Some(r) = table.row(line) else { continue };
        let mut label = r.name;
        let mut row_unit: Option<(Option<String>, f64)> = None;
        // `Cấp Giấy chứng nhận (giấy)`: the row's unit in brackets.
        if let Some(open) = label.strip_suffix(')').and_then(|l| l.rfind('(')) {
            let inner = &label[open + 1..label.len() - 1];
            // Not the sum a total names (`Tổng cộng (I + II)`).
            if inner.chars().count() <= 20
                && !inner.chars().any(|c| c.is_ascii_digit())
                && inner.chars().any(|c| c.is_lowercase() || c == '%')
            {
                row_unit = Some(unit_and_scale(inner));
                label = label[..open].trim_end();
            }
        } else if unit_column && r.figures.len() >= after_unit {
            // A group's or a total's row (figures in the last columns
            // only) prints no unit.
            if let Some((rest, unit)) = split_unit(label) {
                row_unit = Some(unit_and_scale(unit));
                label = rest;
            }
        }
        // The figures fill the columns from the right; more figures than
        // columns (a heading whose names did not all split) name none.
        let shift = columns.len().checked_sub(r.figures.len());
        let base = doc.line_offset(li);
        for (j, fig) in r.figures.iter().enumerate() {
            let at = crate::text::cells::offset_in(line, fig);
            // A target's bound (`≥100`, `≤ 10,5`, OCR's `> 95,0`) qualifies it.
            let mut chars = fig.chars();
            let (qualifier, bare) = match chars.next().and_then(crate::text::spaced::bound_of) {
                Some(bound) => (Some(bound.to_owned()), chars.as_str().trim_start()),
                None => (None, *fig),
            };
            // A change's rate in brackets (`(-17,6%)`) is a rate.
            let rate = bare.strip_prefix('(').and_then(|b| b.strip_suffix("%)"));
            let bare = rate.unwrap_or(bare);
            // A change is signed (`-6`, `+1`); a lone `-` is an empty cell.
            let (sign, digits) = match bare.strip_prefix('-') {
                Some(d) => (-1.0, d),
                None => (1.0, bare.strip_prefix('+').map_or(bare, str::trim_start)),
            };
            let Some(value) = parse_vn(digits).map(|v| sign * v) else {
                continue;
            };
            let column = shift.map(|s| columns[s + j].as_str());
            let (unit, scale) = if rate.is_some() || column.is_some_and(|c| is_rate(&skeleton(c))) {
                (Some("%".to_owned()), 1.0)
            } else {
                // A column of money (`Thành tiền`, `Giá trị (triệu đồng)`)
                // holds money, whatever the row counts.
                column
                    .and_then(column_money)
                    .or_else(|| {
                        column
                            .filter(|c| is_price_column(c))
                            .map(|_| (Some("đồng".to_owned()), 1.0))
                    })
                    .or_else(|| row_unit.clone())
                    .or_else(|| table_unit.clone())
                    .unwrap_or((None, 1.0))
            };
            let name = (!label.is_empty()).then(|| squash(label));
            let label = match (name, column) {
                (Some(n), Some(c)) => Some(format!("{n} ({})", squash(c))),
                (n, _) => n,
            };
            out.push((
                (base + at, base + at + fig.len()),
                Kpi {
                    label,
                    value: value * scale,
                    unit,
                    qualifier,
                    out_of: None,
                    raw: (*fig).to_owned(),
                    line: li + 1,
                    confidence: 0.6,
                },
            ));
        }
    }
    out
}

/// The unit a table states for all its figures on a line of its own just
/// above its heading (`Đơn vị tính: ha`, `ĐVT: triệu đồng`), with its scale.
fn table_unit(lines: &[&str], heading: usize) -> Option<(Option<String>, f64)> {
    lines[heading.saturating_sub(2)..heading]
        .iter()
        .rev()
        .find_map(|l| {
            let (label, unit) = l.trim().split_once(':')?;
            let unit = unit.trim().trim_end_matches(['.', ';']);
            (names_unit(label) && !unit.is_empty() && unit.chars().count() <= 20)
                .then(|| unit_and_scale(unit))
        })
        .filter(|(unit, _)| unit.is_some())
}

/// Is `column` a cost table's price or amount (`Đơn giá`, `Thành tiền`),
/// in đồng where its name gives no other unit?
fn is_price_column(column: &str) -> bool {
    let f = skeleton(column);
    f.starts_with("don gia") || f.starts_with("thanh tien")
}

/// Printed spans in `table` that are no figures of running text: its row
/// numbers (`1.1 Kế toán …`, a group's `9 Giấy phép …`) and the whole of
/// each row OCR damaged (read past, see
/// [`crate::text::spaced::is_damaged_row`]). Each line is read once.
pub(crate) fn unread_spans<'a>(
    doc: &'a DocText,
    lines: &'a [&str],
    table: &'a SpacedTable,
) -> impl Iterator<Item = Span> + 'a {
    (table.heading_line + 1..table.end_line).filter_map(move |li| {
        let line = lines.get(li)?;
        let base = doc.line_offset(li);
        let number = match table.row(line) {
            Some(r) => Some(r.number?),
            None => crate::text::spaced::group_number(line),
        };
        match number {
            Some(n) => {
                let at = base + crate::text::cells::offset_in(line, n);
                Some((at, at + n.len()))
            }
            None => crate::text::spaced::is_damaged_row(line).then(|| (base, base + line.len())),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::spaced::find_tables;

    fn kpis(lines: &[&str]) -> Vec<Kpi> {
        let doc = DocText::new(lines);
        find_tables(lines)
            .iter()
            .flat_map(|t| table_kpis(&doc, lines, t))
            .map(|(_, k)| k)
            .collect()
    }

    /// Asserts each KPI's value and qualifier, in order.
    fn assert_bounded(lines: &[&str], want: &[(f64, Option<&str>)]) {
        let got = kpis(lines);
        let got: Vec<(f64, Option<&str>)> = got
            .iter()
            .map(|k| (k.value, k.qualifier.as_deref()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn bounds_qualify_and_empty_cells_give_nothing() {
        assert_bounded(
            &[
                "TT Chỉ tiêu ĐVT Kế hoạch Thực hiện Tỷ lệ",
                "1 Công suất giường bệnh % ≥100 108,3 -",
                "2 Tỷ lệ sinh con thứ 3 % ≤ 10,5 12,6 -",
            ],
            &[
                (100.0, Some("≥")),
                (108.3, None),
                (10.5, Some("≤")),
                (12.6, None),
            ],
        );
        // OCR's `>` and `<` for the bounds, and a first group's row of no
        // figures opening the rows.
        assert_bounded(
            &[
                "STT Chỉ tiêu Đơn vị Kế hoạch Thực hiện Tỷ lệ",
                "I Y tế dự phòng",
                "1 Trẻ em được tiêm chủng đầy đủ % > 95,0 72,4 76,2",
                "2 Tỷ lệ sinh con thứ 3 % < 10,5 12,6 120,0",
            ],
            &[
                (95.0, Some("≥")),
                (72.4, None),
                (76.2, None),
                (10.5, Some("≤")),
                (12.6, None),
                (120.0, None),
            ],
        );
    }

    #[test]
    fn the_unit_stated_above_the_table_and_a_bar_for_a_row_number() {
        let k = kpis(&[
            "Đơn vị tính: ha",
            "STT Chỉ tiêu sử dụng đất Mã Hiện trạng Kế hoạch Tăng giảm",
            "| Đất nông nghiệp NNP 42.325,52 41.875,13 -450,39",
            "1.1 Đất trồng lúa LUA 2.148,36 2.109,94 -38,42",
            "2 Đất phi nông nghiệp PNN 10.456,59 10.947,68 +491,09",
        ]);
        let got: Vec<(f64, Option<&str>, usize)> = k
            .iter()
            .map(|k| (k.value, k.unit.as_deref(), k.line))
            .collect();
        assert_eq!(got.len(), 9);
        assert_eq!(got[0], (42325.52, Some("ha"), 3));
        assert_eq!(got[8], (491.09, Some("ha"), 5));
        assert_eq!(
            k[0].label.as_deref().map(|l| l.starts_with("Đất nông")),
            Some(true)
        );
        // No stated unit: none.
        let k = kpis(&[
            "STT Chỉ tiêu Kế hoạch Thực hiện",
            "1 Đất trồng lúa 2.148,36 2.109,94",
            "2 Đất ở 1.184,63 1.231,48",
        ]);
        assert!(k.iter().all(|k| k.unit.is_none()));
    }

    #[test]
    fn prices_in_dong_and_groups_without_a_unit() {
        let k = kpis(&[
            "STT Nội dung ĐVT Số Đơn giá Thành tiền",
            "I Chi phí nghiệp vụ 100.000.000",
            "1 Khắc dấu cho cơ quan con dấu 35 450.000 15.750.000",
            "2 Tổ chức hội nghị triển khai hội nghị 8 10.000.000 80.000.000",
        ]);
        let got: Vec<(&str, Option<&str>)> = k
            .iter()
            .map(|k| (k.raw.as_str(), k.unit.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("100.000.000", Some("đồng")),
                ("35", Some("con dấu")),
                ("450.000", Some("đồng")),
                ("15.750.000", Some("đồng")),
                ("8", Some("hội nghị")),
                ("10.000.000", Some("đồng")),
                ("80.000.000", Some("đồng")),
            ]
        );
        assert_eq!(
            k[0].label.as_deref(),
            Some("Chi phí nghiệp vụ (Thành tiền)")
        );
    }

    #[test]
    fn units_of_government_are_no_units() {
        let k = kpis(&[
            "STT Đơn vị Kế hoạch vốn Thực hiện Tỷ lệ (%)",
            "1 Thành phố Hà Tĩnh 186.450 61.280 32,9",
            "2 Thị xã Hồng Lĩnh 94.320 35.870 38,0",
        ]);
        let got: Vec<(f64, Option<&str>)> =
            k.iter().map(|k| (k.value, k.unit.as_deref())).collect();
        assert_eq!(
            got[..3],
            [(186_450.0, None), (61_280.0, None), (32.9, Some("%"))]
        );
        assert_eq!(
            k[0].label.as_deref(),
            Some("Thành phố Hà Tĩnh (Kế hoạch vốn)")
        );
        // More figures than named columns: no column is named.
        let k = kpis(&[
            "STT Đơn vị Kế hoạch vốn Giải ngân Tỷ lệ Số dự án",
            "1 Thành phố Hà Tĩnh 186.450 61.280 32,9 3",
            "2 Thị xã Hồng Lĩnh 94.320 35.870 38,0 1",
        ]);
        assert!(k.iter().all(|k| k.unit.is_none()));
        assert_eq!(k[3].label.as_deref(), Some("Thành phố Hà Tĩnh"));
    }

    #[test]
    fn every_figure_of_a_row_in_its_unit() {
        let k = kpis(&[
            "TT Chỉ tiêu Kế hoạch năm 2024 Thực hiện 9 tháng Tỷ lệ (%)",
            "1 Cấp Giấy chứng nhận lần đầu (giấy) 650 512 78,8",
            "2 Thu tiền sử dụng đất (tỷ đồng) 120,0 83,6 69,7",
        ]);
        let got: Vec<(f64, Option<&str>, usize)> = k
            .iter()
            .map(|k| (k.value, k.unit.as_deref(), k.line))
            .collect();
        let (giay, dong, pct) = (Some("giấy"), Some("đồng"), Some("%"));
        assert_eq!(
            got,
            vec![
                (650.0, giay, 2),
                (512.0, giay, 2),
                (78.8, pct, 2),
                (120e9, dong, 3),
                (83.6e9, dong, 3),
                (69.7, pct, 3),
            ]
        );
        assert_eq!(
            k[1].label.as_deref(),
            Some("Cấp Giấy chứng nhận lần đầu (Thực hiện 9 tháng)")
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
        assert_eq!(
            k[0].label.as_deref(),
            Some("Sản lượng lương thực (Kế hoạch 2025)")
        );
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
