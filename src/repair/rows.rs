//! The rows of `|` tables, read from their place in the table.
//!
//! OCR damages the label cell that numbers a table's rows (`| 3 |`): it
//! reads the rules beside the number as `1`s or brackets (`131`, `}3`),
//! loses the left rule (`3 | …`) and glues specks to the number. A row's
//! neighbours tell what it was: the rows run 1, 2, 3, … and, in a table
//! drawn with a left rule, every row opens with one.

use super::sections::in_sequence;
use super::Changes;
use crate::text::{Token, TokenKind};

/// A table row's number: the first figure of one or two digits, after the
/// row's opening bar if it printed one (`| 2 | Thu …`, `2 | Thu …`). Its
/// token, and whether the bar was printed.
fn row_number(line: &str, toks: &[Token]) -> Option<(usize, bool)> {
    let mut solid = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind != TokenKind::Space);
    let (i, first) = solid.next()?;
    let barred = first.text(line) == "|";
    let (ni, number) = if barred { solid.next()? } else { (i, first) };
    (number.kind == TokenKind::Figure && number.text(line).len() <= 2).then_some((ni, barred))
}

/// A `|` table row's [`row_number`] with a bar after it: the number's
/// token and whether the row's opening bar was printed. Not `11`, OCR's
/// reading of two empty cells' rules (`11 | (người) |` in a heading); a
/// letter or a Roman numeral is no row number here, as it may be OCR's `1`
/// (`I | Sửa chữa …` in a list of rows `| 2 |`, `| 3 |`).
fn row_label(line: &str, toks: &[Token]) -> Option<(usize, bool)> {
    let (ni, barred) = row_number(line, toks)?;
    let text = toks[ni].text(line);
    let after = toks[ni + 1..].iter().find(|t| t.kind != TokenKind::Space)?;
    (text.bytes().all(|b| b.is_ascii_digit()) && text != "11" && after.text(line).starts_with('|'))
        .then_some((ni, barred))
}

/// Reads the left rule OCR lost before a `|` table row's label (`2 | Thu
/// …` → `| 2 | Thu …`), in a run of lines with two bars or more where at
/// least twice as many rows open with their rule as without it: a table
/// drawn without a left rule prints none on any row.
pub(super) fn read_row_left_rule(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    let ruled = |li: usize| lines[li].matches('|').count() >= 2;
    let mut start = 0;
    while start < lines.len() {
        if !ruled(start) {
            start += 1;
            continue;
        }
        let end = (start..lines.len())
            .find(|&li| !ruled(li))
            .unwrap_or(lines.len());
        let labels: Vec<(usize, (usize, bool))> = (start..end)
            .filter_map(|li| row_label(&lines[li], &tokens[li]).map(|r| (li, r)))
            .collect();
        let with = labels.iter().filter(|(_, (_, barred))| *barred).count();
        let without = labels.len() - with;
        if without > 0 && with >= 2 * without {
            for &(li, (ti, _)) in labels.iter().filter(|(_, (_, barred))| !barred) {
                let line = &lines[li];
                let t = &tokens[li][ti];
                let now = changes.text(line, t, (li, ti)).to_owned();
                changes.insert(
                    (li, ti),
                    in_sequence(format!("| {now}"), Some(t.text(line).to_owned())),
                );
            }
        }
        start = end;
    }
}

/// Reads `| 4 |` for OCR's `141` opening a row of a `|` table: the bars
/// around the row's number read as `1`s (`141 Phan Thiết - La Gi | 500 |`).
/// Only where the number is the one after the row above's (`| 3 |`, or
/// such a `131`), or is `1` right under the table's heading, and a
/// capitalised word and a bar follow it on the line. A row numbered `141`
/// follows `140`, and stays.
pub(super) fn read_row_numbers(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    // The number of the table row above, and whether the line above was one
    // of a `|` table.
    let mut last: Option<u32> = None;
    let mut in_table = false;
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let Some((ti, first)) = toks
            .iter()
            .enumerate()
            .find(|(_, t)| t.kind != TokenKind::Space)
        else {
            continue;
        };
        let barred = line.contains('|');
        let text = first.text(line);
        let fused = match text.as_bytes() {
            [b'1', d @ b'1'..=b'9', b'1'] if first.kind == TokenKind::Figure => {
                Some(u32::from(d - b'0'))
            }
            _ => None,
        };
        let cell_follows = toks.get(ti + 2).is_some_and(|t| {
            toks[ti + 1].kind == TokenKind::Space
                && t.kind == TokenKind::Word
                && t.text(line).starts_with(char::is_uppercase)
        });
        if let Some(n) = fused.filter(|_| barred && cell_follows) {
            let follows = match last {
                Some(prev) => prev + 1 == n,
                None => n == 1 && in_table,
            };
            if follows {
                changes.insert((li, ti), in_sequence(format!("| {n} |"), None));
                last = Some(n);
                in_table = true;
                continue;
            }
        }
        let number =
            row_number(line, toks).and_then(|(ni, _)| toks[ni].text(line).parse::<u32>().ok());
        if barred {
            if number.is_some() {
                last = number;
            }
        } else {
            last = None;
        }
        in_table = barred;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::phrases::tests::read_with;

    #[test]
    fn a_row_that_lost_its_left_rule_gets_it_back() {
        let table = [
            "| 1 | Thu nội địa | 1.650,0 | 52,5 |",
            "2 | Thu xuất nhập khẩu | 865,5 | 47,0 |",
            "| 3 | Thu khác | 18,5 | 8,7 |",
            "| 4 | Tổng chi | 21.210,0 | 45,9 |",
            "11 | (người) | (tấn) |",
        ];
        let out = read_with(read_row_left_rule, &table.join("\n"));
        assert_eq!(out[1], "| 2 | Thu xuất nhập khẩu | 865,5 | 47,0 |");
        assert_eq!(out[0], table[0]);
        assert_eq!(out[4], table[4], "two empty cells' rules read `11`");
        // A table drawn without a left rule keeps its rows as printed.
        let open = [
            "1 | Tổng lượt khách | 412.600 |",
            "| | (khách quốc tế) | |",
            "2 | Khách lưu trú | 96.300 |",
        ];
        assert_eq!(read_with(read_row_left_rule, &open.join("\n")), open);
    }

    #[test]
    fn a_row_number_between_bars_read_as_ones_gets_its_bars_back() {
        let read = |lines: &[&str]| read_with(read_row_numbers, &lines.join("\n"));
        assert_eq!(
            read(&[
                "| TT | Địa bàn | Số hộ |",
                "111 Xã An | 46 |",
                "| 2 | Xã Bình | 38 |",
                "131 Xã Cát | 12 |",
            ]),
            [
                "| TT | Địa bàn | Số hộ |",
                "| 1 | Xã An | 46 |",
                "| 2 | Xã Bình | 38 |",
                "| 3 | Xã Cát | 12 |",
            ]
        );
        // Out of sequence, outside a table, or no cell after: as printed.
        let kept: [&[&str]; 3] = [
            &["| 140 | Xã An | 46 |", "141 Xã Bình | 38 |"],
            &["Đã cấp", "111 Giấy phép | 3 |"],
            &["| 1 | A |", "121 hộ | 3 |"],
        ];
        for lines in kept {
            assert_eq!(read(lines), lines);
        }
    }
}
