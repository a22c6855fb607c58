//! Counting how often `:` and `;` end each word ([`MarkModel`]), in the
//! legal corpora and the team's report prose.

use super::corpus::{self, Source};
use super::BuildError;
use crate::lexicon::marks::{MarkModel, Walker};

/// Words seen fewer times than this keep no counts of their own (the
/// model's smoothing gives them the share over all words).
const MIN_WORD_SITES: u64 = 2;

/// Counts the sites of `files`, read as written: the team's prose with its
/// made-up names, which end no list items (unlike the language model, which
/// masks them).
pub fn count(files: &[Source]) -> Result<MarkModel, BuildError> {
    let mut model = MarkModel::default();
    for file in files {
        let source = Source {
            own: false,
            ..file.clone()
        };
        let mut walker = Walker::new();
        corpus::for_chunks(&source, |chunk| {
            for line in chunk {
                let words: Vec<&str> = line.split_whitespace().collect();
                walker.line(&words, |site| model.count(&site));
            }
        })?;
    }
    model.prune(MIN_WORD_SITES);
    Ok(model)
}
