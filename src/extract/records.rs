//! The record types extraction produces: those of the JSON document model
//! (`src/output`), so records go into a `Document` as they are.

use serde::{Deserialize, Serialize};

pub use crate::output::{Abbreviation, DateRecord, Kpi, Period, Reference};

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
