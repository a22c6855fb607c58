//! Counting the personal names of the corpora for the person-name model
//! (see [`crate::lexicon::names`]).

use super::corpus::Source;
use super::lm::Counts;
use super::BuildError;
use crate::lexicon::lm::{WordId, UNK};
use crate::lexicon::names::names_in;
use crate::text;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// Trigram counts over the distinct personal names the corpora print (each
/// name a segment, counted once however often it is printed: the model is
/// of how names are formed, and a signer printed on a thousand pages would
/// otherwise outweigh the name the OCR shows), leaving out runs that are
/// listed place names (`places`, lower case: `hà nội`, `lâm đồng`). The
/// second value is the number of distinct names counted.
pub fn count_names(
    files: &[Source],
    ids: &FxHashMap<&str, WordId>,
    places: &FxHashSet<String>,
) -> Result<(Counts, u64), BuildError> {
    let mut counts = Counts::default();
    // In corpus order: the model's tables are laid out in the order counted.
    let mut distinct: FxHashSet<Vec<WordId>> = FxHashSet::default();
    for source in files {
        super::corpus::for_chunks(source, |chunk| {
            let names: Vec<Vec<WordId>> = chunk
                .par_iter()
                .flat_map_iter(|line| {
                    let line = text::nfc(line);
                    let toks = text::tokenize(&line);
                    names_in(&line, &toks)
                        .into_iter()
                        .filter(|name| !places.contains(&name.join(" ")))
                        .map(|name| {
                            name.iter()
                                .map(|w| ids.get(w.as_str()).copied().unwrap_or(UNK))
                                .collect()
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            for name in names {
                if !distinct.contains(&name) {
                    counts.add_segment(&name, 1);
                    distinct.insert(name);
                }
            }
        })?;
    }
    Ok((counts, distinct.len() as u64))
}
