//! vietdoc: turns OCR'd Vietnamese government documents into clean text and structured JSON.
//!
//! The pipeline runs in one direction, one module per stage:
//!
//! ```text
//! bytes ─► text ─► repair ─► layout ─► extract ─► output
//! ```
//!
//! * [`text`] decodes bytes, normalizes to NFC and tokenizes lines with exact byte spans.
//! * [`lexicon`] loads the built dictionaries (syllables, abbreviations, n-gram model,
//!   OCR channel model) once; it is shared read-only across threads.
//! * [`repair`] is the noisy-channel corrector.
//! * [`layout`] segments a repaired document into header, sections, tables, recipients
//!   and signature.
//! * [`extract`] pulls references, dates, periods, KPI figures and abbreviations.
//! * [`output`] is the JSON document model (contract `vietdoc/1`).
//! * [`batch`] runs the pipeline over many inputs in parallel with ordered output.
//! * [`eval`] scores repairs and parses against hand-checked truth.
//! * [`build`] rebuilds `dictionaries/` from source corpora.

pub mod batch;
pub mod build;
pub mod eval;
pub mod extract;
pub mod layout;
pub mod lexicon;
pub mod output;
pub mod pipeline;
pub mod repair;
pub mod text;

pub use lexicon::Lexicon;
pub use pipeline::Pipeline;
pub use repair::{RepairOptions, Repaired, Repairer};
