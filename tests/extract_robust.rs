//! Extraction never panics and keeps line numbers in range, whatever the input.

use proptest::prelude::*;
use vietdoc::extract::extract;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn no_panic_on_any_lines(lines in prop::collection::vec("[0-9a-zA-ZĐđếộữ /.,:;()%=|_\\-\u{300}“”]{0,40}", 0..8)) {
        let raw: Vec<&str> = lines.iter().map(String::as_str).collect();
        let r = extract(&raw, &lines);
        let n = lines.len();
        prop_assert!(r.references.iter().all(|x| (1..=n).contains(&x.line)));
        prop_assert!(r.dates.iter().all(|x| (1..=n).contains(&x.line)));
        prop_assert!(r.kpis.iter().all(|x| (1..=n).contains(&x.line)));
        prop_assert!(r.periods.iter().all(|x| (1..=n).contains(&x.line)));
    }

    #[test]
    fn no_panic_on_document_like_text(words in prop::collection::vec(prop::sample::select(vec![
        "Quyết định", "số", "số:", "Số:", "380", "/", "QĐ-", "UBND", "ngày", "28/3/2022", "tháng", "năm",
        "2023", "của", "Chủ tịch", "hơn", "56.703", "hồ sơ", "99,9%", "tỷ", "đồng", "\n", "(", ")", "CCHC",
        "cải cách hành chính", "Quý I", "giai đoạn", "2021 -", "-", ",", "và", "Biểu mẫu 1", "STT", "|", "=",
    ]), 0..60)) {
        let text = words.join(" ");
        let lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        let raw: Vec<&str> = lines.iter().map(String::as_str).collect();
        let _ = extract(&raw, &lines);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    /// Tables printed with `|` between cells: any mix of headings, units,
    /// signed and specked figures and short rows.
    #[test]
    fn no_panic_on_cell_tables(rows in prop::collection::vec(prop::collection::vec(prop::sample::select(vec![
        "STT", "Chỉ tiêu", "Đơn vị tính", "ĐVT", "Tỷ lệ (%)", "Tăng (+), giảm (-)", "Thành tiền (triệu đồng)",
        "-3", "20.000", "56,0", ".39,1", "24.500-", "98%", "hồ sơ", "Tỷ đồng", "triệu", "", " ", "(", ")", "-",
        "1.", "Hồ sơ tiếp nhận", "đồng/người/năm",
    ]), 0..8), 0..8)) {
        let lines: Vec<String> = rows.iter().map(|r| r.join(" | ")).collect();
        let raw: Vec<&str> = lines.iter().map(String::as_str).collect();
        let r = extract(&raw, &lines);
        let n = lines.len();
        prop_assert!(r.kpis.iter().all(|x| (1..=n).contains(&x.line)));
    }
}

/// A runaway line (a whole table flattened into one line of OCR) gives records
/// of bounded size: no figure copies the line into its label or raw text, so
/// memory and output stay linear in the input.
#[test]
fn records_of_a_runaway_line_stay_small() {
    let row = "| 1 | Số hồ sơ tiếp nhận | 56.703 | 99,9% | ";
    let mut line = String::from("STT | Nội dung | Số lượng | Tỷ lệ ");
    for _ in 0..2_000 {
        line.push_str(row);
    }
    let lines = vec!["Biểu mẫu 1".to_owned(), line];
    let raw: Vec<&str> = lines.iter().map(String::as_str).collect();
    let r = extract(&raw, &lines);
    assert!(!r.kpis.is_empty(), "the figures are still read");
    for k in &r.kpis {
        let label = k.label.as_deref().unwrap_or("");
        assert!(
            label.len() <= 400 && k.raw.len() <= 400,
            "{} / {}",
            label.len(),
            k.raw.len()
        );
    }
}

/// A table row whose name cell runs for pages gives labels of bounded size.
#[test]
fn labels_of_a_runaway_table_row_stay_small() {
    let mut row = String::from("1 | ");
    row.push_str(&"Số hồ sơ tiếp nhận ".repeat(2_000));
    row.push_str(&" | 56.703".repeat(2));
    let lines = vec!["STT | Chỉ tiêu | Kế hoạch | Thực hiện".to_owned(), row];
    let raw: Vec<&str> = lines.iter().map(String::as_str).collect();
    let r = extract(&raw, &lines);
    assert_eq!(r.kpis.len(), 2, "both figure cells are read");
    for k in &r.kpis {
        assert!(k.label.as_deref().unwrap_or("").chars().count() <= 200);
    }
}
