//! The JSON document model, contract `vietdoc/1`.
//!
//! (Skeleton: the full model with header, sections, tables, records is built
//! by the layout/extract work.)

use serde::Serialize;

/// Where a document came from.
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct Source {
    /// Path as given, or `null` for stdin / in-memory input.
    pub path: Option<String>,
    /// SHA-256 of the input bytes, lower-case hex.
    pub sha256: String,
    /// Size of the input in bytes.
    pub bytes: u64,
    /// Number of lines in the decoded text.
    pub lines: usize,
    /// The encoding the input was decoded from.
    pub encoding: String,
}

/// One parsed document.
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    /// Always `"vietdoc/1"`.
    pub schema: &'static str,
    /// Where the document came from.
    pub source: Source,
    /// The repaired text, same line count as the input.
    pub text: String,
}
