//! Scoring repairs and parses against hand-checked truth.
