//! One document through every stage: decode → repair → layout → extract → model.

use crate::layout;
use crate::lexicon::Lexicon;
use crate::output::{Document, Source};
use crate::repair::{CandidateCache, RepairOptions, Repairer};
use crate::text::{self, DecodeError, Encoding};
use sha2::{Digest, Sha256};

/// Why a document could not be processed.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The bytes could not be decoded.
    #[error(transparent)]
    Decode(#[from] DecodeError),
}

/// Everything needed to process documents; shared read-only across threads.
#[derive(Debug)]
pub struct Pipeline {
    /// The loaded dictionaries.
    pub lexicon: Lexicon,
    /// Repair options.
    pub repair: RepairOptions,
    /// Forced input encoding (`None`: detect).
    pub encoding: Option<Encoding>,
    /// Repair candidates shared by every document of the run.
    pub cache: CandidateCache,
}

impl Pipeline {
    /// A pipeline with default options.
    pub fn new(lexicon: Lexicon) -> Self {
        Pipeline {
            lexicon,
            repair: RepairOptions::default(),
            encoding: None,
            cache: CandidateCache::default(),
        }
    }

    /// Decodes, repairs, segments and extracts one document.
    pub fn parse_bytes(&self, path: Option<&str>, bytes: &[u8]) -> Result<Document, PipelineError> {
        self.parse_bytes_hashed(path, bytes, sha256_hex(bytes))
    }

    /// [`Pipeline::parse_bytes`] for bytes whose [`sha256_hex`] the caller
    /// already has (the batch layer hashes every input before parsing it).
    pub fn parse_bytes_hashed(
        &self,
        path: Option<&str>,
        bytes: &[u8],
        sha256: String,
    ) -> Result<Document, PipelineError> {
        let decoded = text::decode(bytes, self.encoding)?;
        let raw_lines = text::split_lines(&decoded.text);
        let repaired = Repairer::with_cache(&self.lexicon, self.repair, &self.cache)
            .repair_text(&decoded.text);
        let mut layout = layout::analyze(&raw_lines, &repaired.lines);
        layout::places::snap_header_places(
            &mut layout.header,
            &self.lexicon,
            self.repair.tone_style,
        );
        let source = Source {
            path: path.map(str::to_owned),
            sha256,
            bytes: bytes.len() as u64,
            lines: text::line_count(&decoded.text),
            encoding: decoded.encoding.name().to_owned(),
        };
        let records = crate::extract::extract(&raw_lines, &repaired.lines);
        let mut doc = Document::build(source, &repaired, layout);
        doc.references = records.references;
        // An annex names the document it is attached to (`Kèm theo Quyết
        // định số 215/QĐ-UBND`): that is the document itself, no citation.
        if let Some((number, year, symbol)) = own_number(&doc.header) {
            doc.references.retain(|r| {
                (r.number.as_str(), r.year, r.symbol.as_str()) != (number, year, symbol)
            });
        }
        doc.dates = records.dates;
        doc.periods = records.periods;
        doc.kpis = records.kpis;
        doc.abbreviations = records.abbreviations;
        Ok(doc)
    }
}

/// The header's number, year and symbol, as a reference spells them
/// (`None` without both a number and a symbol).
fn own_number(h: &crate::output::Header) -> Option<(&str, Option<u16>, &str)> {
    let number = h.number.as_ref()?.value.as_str();
    let symbol = h.symbol.as_ref()?.value.as_str();
    let year = h.year.as_ref().and_then(|y| y.value.parse().ok());
    Some((number, year, symbol))
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::Pipeline;

    #[test]
    fn an_annex_naming_its_own_decision_cites_nothing() {
        let text = "UBND HUYỆN AN LÃO\nSố: 215/QĐ-UBND\n\nQUYẾT ĐỊNH\nBan hành Quy chế\n\n\
                    Căn cứ Quyết định số 2145/QĐ-UBND ngày 12/3/2025 của UBND tỉnh;\n\n\
                    QUY CHẾ\n(Kèm theo Quyết định số 215/QĐ-UBND ngày 20/5/2025)\n";
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("dictionaries");
        let lexicon = crate::lexicon::Lexicon::load(&dir).expect("bundled dictionaries");
        let doc = Pipeline::new(lexicon)
            .parse_bytes(None, text.as_bytes())
            .expect("parses");
        let cited: Vec<&str> = doc.references.iter().map(|r| r.number.as_str()).collect();
        assert_eq!(cited, ["2145"]);
    }
}
