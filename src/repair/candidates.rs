//! Candidate syllables for one OCR token.
//!
//! A beam search walks the OCR token left to right and spells the skeletons
//! (mark-free syllables) it could have come from, using the channel model's
//! reverse index (`ii` ← `u`, `6` ← `o`, `€` ← `e`, …) and pruning with the set
//! of skeleton prefixes. Every syllable with a reached skeleton is then scored
//! with the full channel cost.

use crate::lexicon::lm::WordId;
use crate::lexicon::Lexicon;

/// One candidate reading of a token.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    /// Vocabulary id of the syllable.
    pub id: WordId,
    /// `-ln P(ocr | syllable)` under the learned OCR channel.
    pub cost: f32,
}

const BEAM: usize = 40;
const PER_UNIT: usize = 6;
const SLACK: f32 = 14.0;
/// Most candidates kept per token.
pub const MAX_CANDIDATES: usize = 8;

#[derive(Clone)]
struct State {
    skeleton: String,
    cost: f32,
    dropped: bool,
}

/// Candidates for the lower-case OCR token `ocr`, cheapest first.
pub fn generate(lex: &Lexicon, ocr: &[char]) -> Vec<Candidate> {
    let n = ocr.len();
    if n == 0 || n > 12 {
        return Vec::new();
    }
    let mut layers: Vec<Vec<State>> = vec![Vec::new(); n + 1];
    layers[0].push(State {
        skeleton: String::new(),
        cost: 0.0,
        dropped: false,
    });
    let ch = &lex.channel;
    for j in 0..=n {
        let mut layer = std::mem::take(&mut layers[j]);
        // One dropped letter per token, inserted anywhere.
        let mut extra = Vec::new();
        for s in &layer {
            if !s.dropped {
                for &(b, c) in ch.dropped().iter().take(PER_UNIT) {
                    let mut sk = s.skeleton.clone();
                    sk.push(b);
                    if lex.is_skeleton_prefix(&sk) {
                        extra.push(State {
                            skeleton: sk,
                            cost: s.cost + c,
                            dropped: true,
                        });
                    }
                }
            }
        }
        layer.extend(extra);
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
                    let mut sk = s.skeleton.clone();
                    if let Some(b) = b {
                        sk.push(b);
                        if !lex.is_skeleton_prefix(&sk) {
                            continue;
                        }
                    }
                    layers[j + len].push(State {
                        skeleton: sk,
                        cost: s.cost + c,
                        dropped: s.dropped,
                    });
                }
            }
        }
        layers[j] = layer;
    }
    let finals = &layers[n];
    let mut seen = rustc_hash::FxHashSet::default();
    let mut out = Vec::new();
    for s in finals {
        if !seen.insert(s.skeleton.as_str()) {
            continue;
        }
        for &id in lex.syllables_with_skeleton(&s.skeleton) {
            let word: Vec<char> = lex.word(id).chars().collect();
            let cost = ch.token_cost(&word, ocr);
            out.push(Candidate { id, cost });
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
    layer.sort_by(|a, b| {
        a.cost
            .total_cmp(&b.cost)
            .then_with(|| a.skeleton.cmp(&b.skeleton))
    });
    layer.dedup_by(|a, b| a.skeleton == b.skeleton && a.dropped == b.dropped);
    if let Some(best) = layer.first().map(|s| s.cost) {
        layer.retain(|s| s.cost <= best + SLACK);
    }
    layer.truncate(BEAM);
}
