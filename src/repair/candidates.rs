//! Candidate syllables for one OCR token.
//!
//! A beam search walks the OCR token left to right and spells the skeletons
//! (mark-free syllables) it could have come from, using the channel model's
//! reverse index (`ii` ← `u`, `6` ← `o`, `€` ← `e`, …) and pruning with the set
//! of skeleton prefixes. Every syllable with a reached skeleton is then scored
//! with the full channel cost.

use crate::lexicon::lm::WordId;
use crate::lexicon::trie::{Node, SkeletonTrie};
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

/// A partial reading: the skeleton spelled so far, its node in the lexicon's
/// [`SkeletonTrie`], its channel cost, and whether the one dropped letter is
/// used.
///
/// The skeleton (ASCII) is packed into a `u128` so states are small, `Copy`
/// and compare in one instruction: byte `i` sits at bits `8 * (15 - i)` and
/// the length in the low byte, so comparing packed values orders skeletons
/// exactly as comparing their strings does (a prefix first).
#[derive(Clone, Copy)]
struct State {
    skeleton: u128,
    node: Node,
    cost: f32,
    dropped: bool,
}

impl State {
    fn len(&self) -> usize {
        (self.skeleton & 0xFF) as usize
    }

    /// This state extended by base letter `b` at extra cost `c`, if `b` is an
    /// ASCII letter and the result is still a skeleton prefix.
    #[inline]
    fn push(&self, trie: &SkeletonTrie, b: char, c: f32) -> Option<State> {
        let len = self.len();
        if !b.is_ascii() || len >= MAX_SKELETON {
            return None;
        }
        let node = trie.child(self.node, b as u8)?;
        Some(State {
            skeleton: (self.skeleton + ((b as u128) << (8 * (MAX_SKELETON - len)))) + 1,
            node,
            cost: self.cost + c,
            dropped: self.dropped,
        })
    }
}

/// Candidates for the lower-case OCR token `ocr`, cheapest first.
pub fn generate(lex: &Lexicon, ocr: &[char]) -> Vec<Candidate> {
    let n = ocr.len();
    if n == 0 || n > 12 {
        return Vec::new();
    }
    let trie = lex.skeleton_trie();
    let mut layers: Vec<Vec<State>> = vec![Vec::new(); n + 1];
    layers[0].push(State {
        skeleton: 0,
        node: SkeletonTrie::ROOT,
        cost: 0.0,
        dropped: false,
    });
    let ch = &lex.channel;
    let dropped = &ch.dropped()[..ch.dropped().len().min(PER_UNIT)];
    let mut extra = Vec::new();
    for j in 0..=n {
        let mut layer = std::mem::take(&mut layers[j]);
        // One dropped letter per token, inserted anywhere.
        extra.clear();
        for s in &layer {
            if !s.dropped {
                for &(b, c) in dropped {
                    if let Some(mut next) = s.push(trie, b, c) {
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
        // The OCR units starting at `j` (one character, or two read as one)
        // and what each may stand for: the same for every state.
        let one = ch.sources(ocr[j], None);
        let two = match ocr.get(j + 1) {
            Some(&o2) => ch.sources(ocr[j], Some(o2)),
            None => &[],
        };
        for s in &layer {
            for (len, sources) in [(1usize, one), (2, two)] {
                for &(b, c) in sources.iter().take(PER_UNIT) {
                    let next = match b {
                        Some(b) => s.push(trie, b, c),
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
    let mut seen: Vec<Node> = Vec::with_capacity(finals.len());
    let mut out = Vec::new();
    let mut coster = ch.coster(ocr);
    let key: String = ocr.iter().collect();
    // Equal strings are equal character sequences.
    let form: Option<Vec<char>> = lm_form(&key).map(|f| f.chars().collect());
    let ascii = key.is_ascii();
    for s in finals {
        if seen.contains(&s.node) {
            continue;
        }
        seen.push(s.node);
        for (id, word) in trie.spelled(s.node) {
            let cost = coster.cost(word);
            out.push(Candidate {
                id,
                cost,
                identity: form.as_deref() == Some(word),
                stripped: ascii && viet::skeleton_eq_chars(word.iter().copied(), &key),
            });
        }
    }
    // Rank by channel cost against unigram weight, ties by id. Ids are
    // distinct (each syllable has one skeleton, each skeleton is seen once),
    // so this is a total order and any selection or sort gives one result.
    let mut ranked: Vec<(f32, Candidate)> = out
        .into_iter()
        .map(|c| {
            let score = c.cost - 1.5 * lex.lm.unigram(c.id) * std::f32::consts::LN_10;
            (score, c)
        })
        .collect();
    let order =
        |a: &(f32, Candidate), b: &(f32, Candidate)| a.0.total_cmp(&b.0).then(a.1.id.cmp(&b.1.id));
    if ranked.len() > MAX_CANDIDATES {
        ranked.select_nth_unstable_by(MAX_CANDIDATES, order);
        ranked.truncate(MAX_CANDIDATES);
    }
    ranked.sort_unstable_by(order);
    ranked.into_iter().map(|(_, c)| c).collect()
}

/// Keeps the cheapest distinct states within [`SLACK`] of the best, at most
/// [`BEAM`], cheapest first (ties by skeleton, then undropped first).
fn prune(layer: &mut Vec<State>) {
    // States beyond the slack would sort after every kept one and be cut, so
    // dropping them before the sort changes nothing but its size.
    let Some(best) = layer.iter().map(|s| s.cost).min_by(f32::total_cmp) else {
        return;
    };
    layer.retain(|s| s.cost <= best + SLACK);
    layer.sort_unstable_by(|a, b| {
        a.cost
            .total_cmp(&b.cost)
            .then(a.skeleton.cmp(&b.skeleton))
            .then(a.dropped.cmp(&b.dropped))
    });
    // Of neighbours with one skeleton and flag, the first (cheapest) stays.
    layer.dedup_by(|a, b| a.skeleton == b.skeleton && a.dropped == b.dropped);
    layer.truncate(BEAM);
}
