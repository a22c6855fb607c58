//! Viterbi decoding of a segment under the trigram model.
//!
//! Each position has a few options, each with an LM id and a channel log
//! probability. The best path maximizes `Σ ln P_lm(w_i | w_{i-2} w_{i-1}) +
//! Σ channel_i`. Fixed items (figures, codes) are positions with one option.

use crate::lexicon::lm::{self, LanguageModel, WordId};

/// States scoring more than this (in nats) below a position's best state
/// are dropped: no later evidence recovers from such a gap in practice.
pub const STATE_BEAM: f32 = 12.0;

fn prune_states(s: &mut [f32]) {
    let beam = STATE_BEAM;
    let best = s.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    for x in s.iter_mut() {
        if *x < best - beam {
            *x = f32::NEG_INFINITY;
        }
    }
}

/// One option at one position.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Option_ {
    /// The word's LM id.
    pub id: WordId,
    /// `ln P(ocr | word)` under the document's channel mixture.
    pub channel: f32,
}

const LN10: f32 = std::f32::consts::LN_10;

/// Weight of the language model against the channel.
pub const LM_WEIGHT: f32 = 1.0;

#[inline]
fn lp(lm: &LanguageModel, u: WordId, v: WordId, w: WordId) -> f32 {
    LM_WEIGHT * LN10 * lm.trigram(u, v, w)
}

/// Returns the index of the chosen option at each position.
pub fn viterbi(lm: &LanguageModel, positions: &[Vec<Option_>]) -> Vec<usize> {
    let n = positions.len();
    if n == 0 {
        return Vec::new();
    }
    // State at position i: (option at i-1, option at i). Position -1 is <s>.
    let bos = [Option_ {
        id: lm::BOS,
        channel: 0.0,
    }];
    let opts = |i: isize| -> &[Option_] {
        if i < 0 {
            &bos
        } else {
            &positions[i as usize]
        }
    };
    // scores[i][a * len(i) + b]
    let mut scores: Vec<Vec<f32>> = Vec::with_capacity(n);
    let mut backs: Vec<Vec<u16>> = Vec::with_capacity(n);
    {
        let cur = opts(0);
        let s: Vec<f32> = cur
            .iter()
            .map(|o| lp(lm, lm::BOS, lm::BOS, o.id) + o.channel)
            .collect();
        scores.push(s);
        backs.push(vec![0; cur.len()]);
    }
    let scale = LM_WEIGHT * LN10;
    let mut bigrams: Vec<f32> = Vec::new();
    let mut contexts: Vec<(usize, f32, f32)> = Vec::new();
    for i in 1..n {
        let prev2 = opts(i as isize - 2);
        let prev = opts(i as isize - 1);
        let cur = opts(i as isize);
        let (na, nc) = (prev.len(), cur.len());
        let mut s = vec![f32::NEG_INFINITY; na * nc];
        let mut b = vec![0u16; na * nc];
        for (a, pa) in prev.iter().enumerate() {
            // Contexts (z, a) without kept trigrams all back off to the
            // bigram with weight 1: only their best score matters.
            let mut free: Option<(f32, u16)> = None;
            contexts.clear();
            for (z, pz) in prev2.iter().enumerate() {
                let base = scores[i - 1][z * na + a];
                if base == f32::NEG_INFINITY {
                    continue;
                }
                match lm.context(pz.id, pa.id) {
                    None => {
                        if free.is_none_or(|f| base > f.0) {
                            free = Some((base, z as u16));
                        }
                    }
                    Some(bow) => contexts.push((z, base, bow)),
                }
            }
            if free.is_none() && contexts.is_empty() {
                continue;
            }
            // log10 P(c | a), shared by every two-word context ending in a.
            bigrams.clear();
            bigrams.extend(cur.iter().map(|pc| lm.bigram(pa.id, pc.id)));
            for (c, pc) in cur.iter().enumerate() {
                let bg = bigrams[c];
                let (mut best, mut arg) = match free {
                    Some((base, z)) => (base + scale * bg, z),
                    None => (f32::NEG_INFINITY, 0),
                };
                for &(z, base, bow) in &contexts {
                    let t = lm.trigram_in_context(prev2[z].id, pa.id, pc.id, bow, bg);
                    let v = base + scale * t;
                    if v > best {
                        best = v;
                        arg = z as u16;
                    }
                }
                s[a * nc + c] = best + pc.channel;
                b[a * nc + c] = arg;
            }
        }
        prune_states(&mut s);
        scores.push(s);
        backs.push(b);
    }
    // Close with </s>.
    let last = opts(n as isize - 1);
    let prev = opts(n as isize - 2);
    let mut best = f32::NEG_INFINITY;
    let (mut ba, mut bc) = (0usize, 0usize);
    for (a, pa) in prev.iter().enumerate() {
        for (c, pc) in last.iter().enumerate() {
            let v = scores[n - 1][a * last.len() + c] + lp(lm, pa.id, pc.id, lm::EOS);
            if v > best {
                best = v;
                ba = a;
                bc = c;
            }
        }
    }
    let mut path = vec![0usize; n];
    path[n - 1] = bc;
    if n >= 2 {
        path[n - 2] = ba;
    }
    let mut i = n - 1;
    while i >= 2 {
        let cur_len = opts(i as isize).len();
        let z = backs[i][path[i - 1] * cur_len + path[i]] as usize;
        path[i - 2] = z;
        i -= 1;
    }
    path
}

/// Local score of choosing option `k` at `i`, the rest of `path` fixed: the
/// channel term plus every trigram that involves position `i`.
pub fn local_score(
    lm: &LanguageModel,
    positions: &[Vec<Option_>],
    path: &[usize],
    i: usize,
    k: usize,
) -> f32 {
    let id_at = |j: isize| -> WordId {
        if j < 0 {
            lm::BOS
        } else if j as usize >= positions.len() {
            lm::EOS
        } else if j as usize == i {
            positions[i][k].id
        } else {
            positions[j as usize][path[j as usize]].id
        }
    };
    let i = i as isize;
    let mut s = positions[i as usize][k].channel;
    for t in i..=i + 2 {
        if t as usize > positions.len() {
            break;
        }
        let u = if t - 2 < 0 { lm::BOS } else { id_at(t - 2) };
        let v = if t - 1 < 0 { lm::BOS } else { id_at(t - 1) };
        s += lp(lm, u, v, id_at(t));
    }
    s
}
