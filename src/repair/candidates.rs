//! Candidate syllables for one OCR token.
//!
//! A beam search walks the OCR token left to right and spells the skeletons
//! (mark-free syllables) it could have come from, using the channel model's
//! reverse index (`ii` ← `u`, `6` ← `o`, `€` ← `e`, …) and pruning with the set
//! of skeleton prefixes. Every syllable with a reached skeleton is then scored
//! with the full channel cost.

use crate::lexicon::lm::WordId;
use crate::lexicon::{lm_form, Lexicon};
use crate::text::viet;

/// One candidate reading of a token.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    /// Vocabulary id of the syllable.
    pub id: WordId,
    /// `-ln P(ocr | syllable)` under the learned OCR channel.
    pub cost: f32,
    /// The token is this syllable as written (its [`lm_form`]).
    pub identity: bool,
    /// The token is this syllable with its marks stripped (ASCII tokens only).
    pub stripped: bool,
}

const BEAM: usize = 40;
const PER_UNIT: usize = 6;
const SLACK: f32 = 14.0;
/// Most candidates kept per token.
pub const MAX_CANDIDATES: usize = 24;

/// Longest skeleton a state can spell (the longest syllable has 7 letters).
const MAX_SKELETON: usize = 15;

/// A partial reading: the skeleton spelled so far (ASCII, inline so states
/// are `Copy`), its channel cost, and whether the one dropped letter is used.
#[derive(Clone, Copy)]
struct State {
    skeleton: [u8; MAX_SKELETON],
    len: u8,
    cost: f32,
    dropped: bool,
}

impl State {
    fn skeleton(&self) -> &str {
        // Only ASCII bytes are ever pushed.
        std::str::from_utf8(&self.skeleton[..self.len as usize]).unwrap_or("")
    }

    /// This state extended by base letter `b` at extra cost `c`, if `b` is an
    /// ASCII letter and the result is still a skeleton prefix.
    fn push(&self, lex: &Lexicon, b: char, c: f32) -> Option<State> {
        if !b.is_ascii() || self.len as usize >= MAX_SKELETON {
            return None;
        }
        let mut next = *self;
        next.skeleton[next.len as usize] = b as u8;
        next.len += 1;
        next.cost += c;
        lex.is_skeleton_prefix(next.skeleton()).then_some(next)
    }
}

/// Candidates for the lower-case OCR token `ocr`, cheapest first.
pub fn generate(lex: &Lexicon, ocr: &[char]) -> Vec<Candidate> {
    let n = ocr.len();
    if n == 0 || n > 12 {
        return Vec::new();
    }
    let mut layers: Vec<Vec<State>> = vec![Vec::new(); n + 1];
    layers[0].push(State {
        skeleton: [0; MAX_SKELETON],
        len: 0,
        cost: 0.0,
        dropped: false,
    });
    let ch = &lex.channel;
    let mut extra = Vec::new();
    for j in 0..=n {
        let mut layer = std::mem::take(&mut layers[j]);
        // One dropped letter per token, inserted anywhere.
        extra.clear();
        for s in &layer {
            if !s.dropped {
                for &(b, c) in ch.dropped().iter().take(PER_UNIT) {
                    if let Some(mut next) = s.push(lex, b, c) {
                        next.dropped = true;
                        extra.push(next);
                    }
                }
            }
        }
        layer.extend_from_slice(&extra);
        prune(&mut layer);
        if j == n {
            layers[j] = layer;
            break;
        }
        for s in &layer {
            for (len, o2) in [(1usize, None), (2, ocr.get(j + 1).copied())] {
                if len == 2 && o2.is_none() {
                    continue;
                }
                for &(b, c) in ch.sources(ocr[j], o2).iter().take(PER_UNIT) {
                    let next = match b {
                        Some(b) => s.push(lex, b, c),
                        None => Some(State {
                            cost: s.cost + c,
                            ..*s
                        }),
                    };
                    if let Some(next) = next {
                        layers[j + len].push(next);
                    }
                }
            }
        }
        layers[j] = layer;
    }
    let finals = &layers[n];
    let mut seen = rustc_hash::FxHashSet::default();
    let mut out = Vec::new();
    let mut coster = ch.coster(ocr);
    let mut word: Vec<char> = Vec::new();
    let key: String = ocr.iter().collect();
    let form = lm_form(&key);
    for s in finals {
        if !seen.insert(s.skeleton()) {
            continue;
        }
        for &id in lex.syllables_with_skeleton(s.skeleton()) {
            let w = lex.word(id);
            word.clear();
            word.extend(w.chars());
            let cost = coster.cost(&word);
            out.push(Candidate {
                id,
                cost,
                identity: form.as_deref() == Some(w),
                stripped: key.is_ascii() && viet::skeleton_eq(w, &key),
            });
        }
    }
    out.sort_by(|a, b| {
        let sa = a.cost - 1.5 * lex.lm.unigram(a.id) * std::f32::consts::LN_10;
        let sb = b.cost - 1.5 * lex.lm.unigram(b.id) * std::f32::consts::LN_10;
        sa.total_cmp(&sb).then(a.id.cmp(&b.id))
    });
    out.truncate(MAX_CANDIDATES);
    out
}

fn prune(layer: &mut Vec<State>) {
    layer.sort_unstable_by(|a, b| {
        a.cost
            .total_cmp(&b.cost)
            .then_with(|| a.skeleton().cmp(b.skeleton()))
            .then(a.dropped.cmp(&b.dropped))
    });
    layer.dedup_by(|a, b| a.skeleton() == b.skeleton() && a.dropped == b.dropped);
    if let Some(best) = layer.first().map(|s| s.cost) {
        layer.retain(|s| s.cost <= best + SLACK);
    }
    layer.truncate(BEAM);
}
