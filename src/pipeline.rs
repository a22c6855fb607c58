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
        doc.dates = records.dates;
        doc.periods = records.periods;
        doc.kpis = records.kpis;
        doc.abbreviations = records.abbreviations;
        Ok(doc)
    }
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
