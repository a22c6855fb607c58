//! One sense per document: what the first decoding pass read surely
//! teaches the second.
//!
//! Within one document an OCR string usually stands for one word (`lua` in
//! an agricultural report is `lúa` where the context says so and where it
//! does not). The first pass records each whole slot's reading and its
//! confidence; a token's sure readings that agree give its *sense*
//! ([`document_senses`]), and the words read surely twice or more the
//! document's *vocabulary* ([`document_vocabulary`]). [`plan`] turns both
//! into a [`Boost`] per doubtful slot; the second pass decodes again only
//! the segments holding a slot whose boost may change its reading.

use super::decode::Option_;
use crate::lexicon::lm::WordId;
use rustc_hash::{FxHashMap, FxHashSet};

/// Per slot, the option the first pass chose and its confidence (`None`:
/// not read, as a name line's or a joined syllable's slots).
pub(super) type FirstReadings = [Option<(usize, f32)>];

/// Confidence below which a first-pass reading defers to its token's sense
/// (none: the table gate of seed 001 lost a cell, `bãi bỏ` read at 0.83
/// turning `bởi bỏ`; 0.7, 0.8 and 0.9 measured, see the commit).
const SENSE_DOUBT: f32 = 0.8;
/// Confidence from which a first-pass reading sets its token's sense.
const SENSE_CONFIDENCE: f32 = 0.95;
/// Sure readings from which a sense is strong: then every reading of its
/// token that is not itself sure (below [`STRONG_SENSE_DOUBT`], the
/// confidence of a sure one) defers to it, not only the doubtful ones (`tinh`
/// read `tỉnh` surely 12 times in a plan, `tĩnh` once at 0.90 before a line
/// break). Measured on the 177 held-out files: 5 and 0.95 fixed 26 tokens
/// and broke 3, pairs SER 3.49 → 3.47 %, set U 4.40 → 4.33 %; 5 and 0.90
/// fixed 21, broke 1, U 4.43 %; 4 and 0.95 fixed 34, broke 8; 8 and 0.95
/// fixed 16, broke 1.
const STRONG_SENSE: usize = 5;
/// See [`STRONG_SENSE`].
const STRONG_SENSE_DOUBT: f32 = SENSE_CONFIDENCE;
/// Channel bonus (nats) of a token's document sense in the second pass (set
/// before measuring; 1.0 and 3.0 measured after, both a little worse on
/// most sets, see the commit). A bonus scaled down for words the unigram
/// model finds common (a cache model's mixture) was worse than the flat one.
const SENSE_BONUS: f32 = 2.0;

/// One sense per document: per key, the option its confident readings
/// agree on (confidence ≥ [`SENSE_CONFIDENCE`], a word, the only one so
/// read) and how many they are, when another of its occurrences read
/// otherwise. The same OCR
/// string usually stands for the same word within one document (`lua` in an
/// agricultural report is `lúa` where the context says so, and so where it
/// does not); the second pass gives that option [`SENSE_BONUS`] at the
/// occurrences first read with confidence below [`SENSE_DOUBT`].
fn document_senses(
    first: &FirstReadings,
    slot_key: &[usize],
    key_words: &[Vec<Option<WordId>>],
    n_keys: usize,
) -> Vec<Option<(usize, usize)>> {
    // Per key: the confidently read option (usize::MAX: more than one) and
    // how many times it was so read.
    let mut sure: Vec<Option<(usize, usize)>> = vec![None; n_keys];
    for (key, k, _) in sure_readings(first, slot_key, key_words) {
        let s = &mut sure[key];
        *s = match *s {
            None => Some((k, 1)),
            Some((j, n)) if j == k => Some((k, n + 1)),
            Some(_) => Some((usize::MAX, 0)),
        };
    }
    let mut senses: Vec<Option<(usize, usize)>> = vec![None; n_keys];
    for (slot, reading) in first.iter().enumerate() {
        let Some((k, _)) = *reading else { continue };
        let key = slot_key[slot];
        if let Some(s) = sure[key].filter(|&(s, _)| s != usize::MAX && s != k) {
            senses[key] = Some(s);
        }
    }
    senses
}

/// Channel bonus (nats) in the second pass of the options of a doubtful
/// token that are in the document's vocabulary (1.0 and 2.0 measured: equal
/// on the held-out sets, 2.0 broke more tokens; see the commit).
const VOCABULARY_BONUS: f32 = 1.0;

/// The document's vocabulary: words the first pass read surely (confidence
/// ≥ [`SENSE_CONFIDENCE`]) at least twice, from any tokens. A doubtful
/// token that could be one of them (`Iva` for the `lúa` read surely from
/// `lua` elsewhere) leans to it in the second pass by [`VOCABULARY_BONUS`].
fn document_vocabulary(
    first: &FirstReadings,
    slot_key: &[usize],
    key_words: &[Vec<Option<WordId>>],
) -> FxHashSet<WordId> {
    let mut counts: FxHashMap<WordId, usize> = FxHashMap::default();
    for (_, _, id) in sure_readings(first, slot_key, key_words) {
        *counts.entry(id).or_insert(0) += 1;
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|(id, _)| id)
        .collect()
}

/// The first pass's sure readings that are words (confidence ≥
/// [`SENSE_CONFIDENCE`], not a token kept as is): key, option, word.
fn sure_readings<'a>(
    first: &'a FirstReadings,
    slot_key: &'a [usize],
    key_words: &'a [Vec<Option<WordId>>],
) -> impl Iterator<Item = (usize, usize, WordId)> + 'a {
    first.iter().enumerate().filter_map(|(slot, reading)| {
        let (k, c) = (*reading)?;
        let key = slot_key[slot];
        let id = key_words[key][k].filter(|_| c >= SENSE_CONFIDENCE)?;
        Some((key, k, id))
    })
}

/// How the second pass changes one slot's options.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Boost {
    /// Left as they are.
    None,
    /// [`SENSE_BONUS`] for this option, the key's sense.
    Sense(usize),
    /// [`VOCABULARY_BONUS`] for each option in the document's vocabulary.
    Vocabulary,
}

/// The second pass: a boost per slot, whether it may change the slot's
/// first reading (its segment is decoded again), and the vocabulary.
#[derive(Debug, Default)]
pub(super) struct Plan {
    /// Per slot (empty: no second pass).
    boosts: Vec<Boost>,
    /// Per slot: the boost may change its reading.
    pub(super) redo: Vec<bool>,
    vocabulary: FxHashSet<WordId>,
}

impl Plan {
    /// Is any segment to be decoded again?
    pub(super) fn is_empty(&self) -> bool {
        !self.redo.contains(&true)
    }

    /// Slot `slot`'s boost, if it has one.
    pub(super) fn boost(&self, slot: usize) -> Option<Boost> {
        self.boosts.get(slot).copied().filter(|&b| b != Boost::None)
    }

    /// Adds `boost` to `opts`, a slot's options outputting `words`.
    pub(super) fn apply(&self, boost: Boost, words: &[Option<WordId>], opts: &mut [Option_]) {
        match boost {
            Boost::None => {}
            Boost::Sense(k) => opts[k].channel += SENSE_BONUS,
            Boost::Vocabulary => {
                for (o, w) in opts.iter_mut().zip(words) {
                    if w.is_some_and(|w| self.vocabulary.contains(&w)) {
                        o.channel += VOCABULARY_BONUS;
                    }
                }
            }
        }
    }
}

/// Plans the second pass from the first's readings (`keys[k]` is key `k`'s
/// text): a doubtful slot (confidence < [`SENSE_DOUBT`], or below
/// [`STRONG_SENSE_DOUBT`] for a strong sense) of a key with a sense gets
/// [`Boost::Sense`], needing a new decoding where it read
/// otherwise; else one read as none of the vocabulary's words, with one
/// among its options and a key of two characters at least (a lone letter
/// says too little), gets [`Boost::Vocabulary`].
pub(super) fn plan(
    first: &FirstReadings,
    slot_key: &[usize],
    key_words: &[Vec<Option<WordId>>],
    keys: &[&str],
) -> Plan {
    let senses = document_senses(first, slot_key, key_words, keys.len());
    let vocabulary = document_vocabulary(first, slot_key, key_words);
    let mut boosts = vec![Boost::None; first.len()];
    let mut redo = vec![false; first.len()];
    for (slot, reading) in first.iter().enumerate() {
        let key = slot_key[slot];
        let doubt = match senses[key] {
            Some((_, n)) if n >= STRONG_SENSE => STRONG_SENSE_DOUBT,
            _ => SENSE_DOUBT,
        };
        let Some((c, _)) = reading.filter(|&(_, conf)| conf < doubt) else {
            continue;
        };
        let words = &key_words[key];
        let sure = |k: usize| words[k].is_some_and(|w| vocabulary.contains(&w));
        if let Some((k, _)) = senses[key] {
            boosts[slot] = Boost::Sense(k);
            redo[slot] = c != k;
        } else if !sure(c) && keys[key].chars().nth(1).is_some() && (0..words.len()).any(sure) {
            boosts[slot] = Boost::Vocabulary;
            redo[slot] = true;
        }
    }
    Plan {
        boosts,
        redo,
        vocabulary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_strong_sense_takes_every_unsure_reading() {
        // One key, options [word 10, word 11]; word 10 read surely
        // STRONG_SENSE times, word 11 once at 0.9 (doubtful only for a
        // strong sense).
        let key_words = vec![vec![Some(10), Some(11)]];
        let plan_with = |sure: usize| {
            let mut first = vec![Some((0, 0.99)); sure];
            first.push(Some((1, 0.9)));
            let slot_key = vec![0; first.len()];
            plan(&first, &slot_key, &key_words, &["tinh"])
        };
        let strong = plan_with(STRONG_SENSE);
        assert_eq!(strong.boosts.last(), Some(&Boost::Sense(0)));
        assert_eq!(strong.redo.last(), Some(&true));
        let weak = plan_with(STRONG_SENSE - 1);
        assert_eq!(weak.boosts.last(), Some(&Boost::None));
    }

    #[test]
    fn document_senses_from_agreeing_confident_readings() {
        // Keys 0 and 1, each with options [word 10, word 11, kept as is].
        let key_words = vec![vec![Some(10), Some(11), None]; 2];
        // Slots 0-2 of key 0: option 1 read surely twice, option 0 once unsurely.
        // Slots 3-4 of key 1: options 0 and 1 each read surely (no sense).
        // Slot 5 of key 0: not read (a name line, or a key seen once).
        let slot_key = [0, 0, 0, 1, 1, 0];
        let first = [
            Some((1, 0.99)),
            Some((0, 0.6)),
            Some((1, 0.97)),
            Some((0, 0.99)),
            Some((1, 0.99)),
            None,
        ];
        assert_eq!(
            document_senses(&first, &slot_key, &key_words, 2),
            [Some((1, 2)), None]
        );
        // Every reading already agrees: nothing to decode again.
        let first = [Some((1, 0.99)), Some((1, 0.6)), None, None, None, None];
        assert_eq!(
            document_senses(&first, &slot_key, &key_words, 2),
            [None, None]
        );
        // An unsure reading sets no sense, nor does keeping the token as is.
        let first = [
            Some((1, 0.9)),
            Some((0, 0.6)),
            Some((2, 0.99)),
            None,
            None,
            None,
        ];
        assert_eq!(
            document_senses(&first, &slot_key, &key_words, 2),
            [None, None]
        );
    }

    #[test]
    fn document_vocabulary_is_words_read_surely_twice() {
        let key_words = vec![vec![Some(10), Some(11), None], vec![Some(11), Some(12)]];
        let slot_key = [0, 0, 1, 1, 0];
        // 11 read surely from both keys; 10 once; 12 unsurely; a kept token.
        let first = [
            Some((1, 0.99)),
            Some((0, 0.99)),
            Some((0, 0.96)),
            Some((1, 0.5)),
            Some((2, 0.99)),
        ];
        let v = document_vocabulary(&first, &slot_key, &key_words);
        assert_eq!(v.into_iter().collect::<Vec<_>>(), [11]);
    }
}
