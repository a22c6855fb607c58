//! Extraction stage: references, dates, periods, KPI figures, abbreviations.
//!
//! [`extract`] reads the repaired lines of a document (line *i* of the input is
//! line *i* here) and returns [`Records`], each record carrying its 1-based line
//! and its text as printed. Keywords are matched on the diacritic-folded text
//! so that marks the repair missed do not hide them; symbols and figures are
//! matched on the printed text. Rules come from the official format of
//! administrative documents (Nghị định 30/2020/NĐ-CP), not from any one document.

pub mod abbrev;
mod cell_table;
pub mod dates;
mod doc;
pub mod kpi;
pub mod number;
pub mod records;
pub mod references;
mod space_table;

pub use number::parse_vn;
pub use records::{Abbreviation, DateRecord, Kpi, Period, Records, Reference};

use doc::DocText;

/// Extracts every record from a document.
///
/// `raw` holds the input lines as read, `repaired` the same lines after repair
/// (same count). Matching runs on `repaired`; `raw` is accepted so that callers
/// keep the two together, and is used when `repaired` is shorter than `raw`.
pub fn extract(raw: &[&str], repaired: &[String]) -> Records {
    let lines: Vec<&str> = if repaired.len() >= raw.len() {
        repaired.iter().map(String::as_str).collect()
    } else {
        repaired
            .iter()
            .map(String::as_str)
            .chain(raw[repaired.len()..].iter().copied())
            .collect()
    };
    extract_lines(&lines)
}

/// Extracts every record from lines of text (already repaired).
pub fn extract_lines<S: AsRef<str>>(lines: &[S]) -> Records {
    let doc = DocText::new(lines);
    let found_dates = dates::find_dates(&doc);
    let date_spans: Vec<doc::Span> = found_dates.iter().map(|d| d.span).collect();
    let (references, ref_spans) = references::find_references(&doc, &found_dates);
    let (found_periods, yearless) = dates::find_periods(&doc, &date_spans);
    let mut skip = ref_spans;
    skip.extend(date_spans);
    skip.extend(found_periods.iter().map(|p| p.span));
    skip.extend(yearless);
    let kpis = kpi::find_kpis(&doc, &skip);
    let abbreviations = abbrev::find_abbreviations(&doc);
    Records {
        references,
        dates: found_dates.into_iter().map(|d| d.record).collect(),
        periods: dates::first_mentions(&found_periods),
        kpis,
        abbreviations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_odd_input_do_not_panic() {
        let r = extract(&[], &[]);
        assert_eq!(r, Records::default());
        let odd = [
            "",
            " ",
            "/",
            "số /",
            "1034 /",
            "ngày",
            "Quyết định số",
            "(",
            "(A)",
            "ữ%/1.2,3",
            "-5 -",
            "%",
        ];
        let rep: Vec<String> = odd.iter().map(|s| s.to_string()).collect();
        let _ = extract(&odd, &rep);
    }

    #[test]
    fn repaired_lines_are_used() {
        let raw = ["Quyet dinh so 5/QD-UBND"];
        let rep = vec!["Quyết định số 5/QĐ-UBND".to_owned()];
        let r = extract(&raw, &rep);
        assert_eq!(r.references[0].full, "5/QĐ-UBND");
        assert_eq!(r.references[0].r#type.as_deref(), Some("Quyết định"));
    }
}
