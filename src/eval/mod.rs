//! Scoring repairs and parses against hand-checked truth.

pub mod parse;
pub mod repair;
