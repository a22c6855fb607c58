//! The record types extraction produces.
//!
//! These mirror the structs of the JSON document model (`src/output`), field for
//! field, so that the two can be reconciled without changing the JSON.

use serde::{Deserialize, Serialize};

/// A citation of another document (`Quyết định số 380/QĐ-UBND ngày 28/3/2022`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    /// The document type, stated before the number or inferred from the symbol.
    #[serde(rename = "type")]
    pub r#type: Option<String>,
    /// The number as printed, without spaces (`"07"`); empty when left blank.
    pub number: String,
    /// The year segment of a normative symbol (`2024` in `69/2024/NĐ-CP`).
    pub year: Option<u16>,
    /// The symbol after the number (`"KH-UBND"`, `"NĐ-CP"`, `"NQ/TU"`).
    pub symbol: String,
    /// Number and symbol together, with spacing normalized (`"69/2024/NĐ-CP"`).
    pub full: String,
    /// Issue date as ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` when partial).
    pub date: Option<String>,
    /// The issuing body or person, when the text states it.
    pub issuer: Option<String>,
    /// 1-based line where the citation starts (its type word, else its number).
    pub line: usize,
    /// The citation as printed in the repaired text.
    pub raw: String,
    /// Confidence in the record, 0–1.
    pub confidence: f32,
}

/// A calendar date (`17/01/2024`, `ngày 28 tháng 12 năm 2023`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRecord {
    /// ISO `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` for partial dates.
    pub value: String,
    /// The date as printed.
    pub raw: String,
    /// 1-based line.
    pub line: usize,
}

/// A period (`6 tháng đầu năm 2023`, `Quý I năm 2024`, `giai đoạn 2021 - 2025`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// ISO-8601-like value: `2023`, `2024-Q1`, `2023-01/2023-06`, `2021/2025`.
    pub value: String,
    /// The period as printed.
    pub raw: String,
    /// 1-based line.
    pub line: usize,
}

/// A reported figure (`56.703 hồ sơ`, `99,9%`, `hơn 12 tỷ đồng`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    /// What the figure counts, from the clause before it.
    pub label: Option<String>,
    /// The value; money is scaled to đồng (`74 tỷ đồng` = 7.4e10).
    pub value: f64,
    /// The unit (`hồ sơ`, `%`, `đồng`, `tin, bài`).
    pub unit: Option<String>,
    /// A qualifier printed before the value (`hơn`, `khoảng`, `trên`).
    pub qualifier: Option<String>,
    /// The figure as printed, qualifier and unit included.
    pub raw: String,
    /// 1-based line.
    pub line: usize,
    /// Confidence in the record, 0–1.
    pub confidence: f32,
}

/// An abbreviation the text defines (`cải cách hành chính (CCHC)`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Abbreviation {
    /// The short form (`CCHC`).
    pub short: String,
    /// The long form (`cải cách hành chính`).
    pub long: String,
    /// 1-based line of the short form.
    pub line: usize,
}

/// Everything extraction finds in one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Records {
    /// Citations of other documents, in text order, one per occurrence.
    pub references: Vec<Reference>,
    /// Dates, in text order.
    pub dates: Vec<DateRecord>,
    /// Periods, in text order.
    pub periods: Vec<Period>,
    /// Figures, in text order.
    pub kpis: Vec<Kpi>,
    /// Abbreviations defined in the text.
    pub abbreviations: Vec<Abbreviation>,
}
