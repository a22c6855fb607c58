//! Estimating the syllable trigram model from corpora.
//!
//! Interpolated absolute discounting, with Kneser–Ney continuation counts for
//! the unigram distribution, converted to backoff form after count pruning
//! (so `LanguageModel` needs no per-query interpolation).

use crate::lexicon::followers::FollowerTable;
use crate::lexicon::lm::{self, key2, key3, LanguageModel, WordId};
use crate::lexicon::table::FingerprintTable;
use rustc_hash::FxHashMap;

/// Raw n-gram counts over segments of word ids.
#[derive(Default)]
pub struct Counts {
    /// Unigram counts per id.
    pub uni: Vec<u64>,
    /// Bigram counts.
    pub bi: FxHashMap<u64, u32>,
    /// Trigram counts.
    pub tri: FxHashMap<u64, u32>,
}

impl Counts {
    /// Adds one segment (without `<s>`/`</s>`, which are added here) `weight` times.
    pub fn add_segment(&mut self, ids: &[WordId], weight: u32) {
        if ids.is_empty() {
            return;
        }
        let mut seq = Vec::with_capacity(ids.len() + 2);
        seq.push(lm::BOS);
        seq.extend_from_slice(ids);
        seq.push(lm::EOS);
        for &w in &seq[1..] {
            let w = w as usize;
            if w >= self.uni.len() {
                self.uni.resize(w + 1, 0);
            }
            self.uni[w] += weight as u64;
        }
        for p in seq.windows(2) {
            *self.bi.entry(key2(p[0], p[1])).or_insert(0) += weight;
        }
        for t in seq.windows(3) {
            *self.tri.entry(key3(t[0], t[1], t[2])).or_insert(0) += weight;
        }
    }
}

/// Pruning thresholds (minimum counts kept).
#[derive(Clone, Copy, Debug)]
pub struct Pruning {
    /// Minimum bigram count to store it.
    pub min_bigram: u32,
    /// Minimum trigram count to store it.
    pub min_trigram: u32,
}

fn split2(k: u64) -> (WordId, WordId) {
    (((k >> 21) & 0x1F_FFFF) as WordId, (k & 0x1F_FFFF) as WordId)
}

fn split3(k: u64) -> (WordId, WordId, WordId) {
    (
        ((k >> 42) & 0x1F_FFFF) as WordId,
        ((k >> 21) & 0x1F_FFFF) as WordId,
        (k & 0x1F_FFFF) as WordId,
    )
}

fn discount<'a>(counts: impl Iterator<Item = &'a u32>) -> f64 {
    let (mut n1, mut n2) = (0f64, 0f64);
    for &c in counts {
        if c == 1 {
            n1 += 1.0;
        } else if c == 2 {
            n2 += 1.0;
        }
    }
    if n1 + n2 == 0.0 {
        0.5
    } else {
        (n1 / (n1 + 2.0 * n2)).clamp(0.1, 0.95)
    }
}

/// Estimates the model for a vocabulary of `vocab_size` ids.
pub fn estimate(counts: &Counts, vocab_size: usize, pruning: Pruning) -> LanguageModel {
    let v = vocab_size;
    // Unigram: KN continuation counts N1+(• w), smoothed towards uniform.
    let mut cont = vec![0f64; v];
    for &k in counts.bi.keys() {
        let (_, w) = split2(k);
        if (w as usize) < v {
            cont[w as usize] += 1.0;
        }
    }
    let total: f64 = cont.iter().sum::<f64>() + 0.5 * v as f64;
    let p1: Vec<f64> = cont.iter().map(|c| (c + 0.5) / total).collect();
    let d2 = discount(counts.bi.values());
    let d3 = discount(counts.tri.values());

    // Bigram contexts: total count and number of distinct followers.
    let mut ctx1_count = vec![0f64; v];
    let mut ctx1_types = vec![0f64; v];
    for (&k, &c) in &counts.bi {
        let (a, _) = split2(k);
        ctx1_count[a as usize] += c as f64;
        ctx1_types[a as usize] += 1.0;
    }
    let p2_full = |a: WordId, w: WordId, c: u32| -> f64 {
        let n = ctx1_count[a as usize];
        let gamma = d2 * ctx1_types[a as usize] / n;
        ((c as f64 - d2).max(0.0)) / n + gamma * p1[w as usize]
    };
    // Kept bigrams, grouped by context.
    let mut kept2: Vec<(u64, f64)> = counts
        .bi
        .iter()
        .filter(|&(_, &c)| c >= pruning.min_bigram)
        .map(|(&k, &c)| {
            let (a, w) = split2(k);
            (k, p2_full(a, w, c))
        })
        .collect();
    kept2.sort_unstable_by_key(|e| e.0);
    let mut mass2 = vec![(0f64, 0f64); v]; // (sum p2 kept, sum p1 of kept words)
    for &(k, p) in &kept2 {
        let (a, w) = split2(k);
        let m = &mut mass2[a as usize];
        m.0 += p;
        m.1 += p1[w as usize];
    }
    let uni_bow: Vec<f32> = mass2
        .iter()
        .map(|&(s2, s1)| (((1.0 - s2).max(1e-9)) / ((1.0 - s1).max(1e-9))).log10() as f32)
        .collect();
    let bigram_backoff = |a: WordId, w: WordId| -> f64 {
        // P(w | a) as the backoff model will answer it.
        match counts.bi.get(&key2(a, w)) {
            Some(&c) if c >= pruning.min_bigram => p2_full(a, w, c),
            _ => 10f64.powf(uni_bow[a as usize] as f64) * p1[w as usize],
        }
    };

    // Trigram contexts.
    let mut ctx2: FxHashMap<u64, (f64, f64)> = FxHashMap::default();
    for (&k, &c) in &counts.tri {
        let (a, b, _) = split3(k);
        let e = ctx2.entry(key2(a, b)).or_insert((0.0, 0.0));
        e.0 += c as f64;
        e.1 += 1.0;
    }
    let mut kept3: Vec<(u64, f64)> = Vec::new();
    let mut mass3: FxHashMap<u64, (f64, f64)> = FxHashMap::default();
    for (&k, &c) in &counts.tri {
        if c < pruning.min_trigram {
            continue;
        }
        let (a, b, w) = split3(k);
        let (n, types) = ctx2[&key2(a, b)];
        let lower = bigram_backoff(b, w);
        let p = ((c as f64 - d3).max(0.0)) / n + d3 * types / n * lower;
        kept3.push((k, p));
        let m = mass3.entry(key2(a, b)).or_insert((0.0, 0.0));
        m.0 += p;
        m.1 += lower;
    }
    let bi_bow: Vec<(u64, u8)> = mass3
        .iter()
        .map(|(&k, &(s3, s2))| {
            let b = (((1.0 - s3).max(1e-9)) / ((1.0 - s2).max(1e-9))).log10() as f32;
            (k, lm::quantize_bow(b))
        })
        .collect();

    LanguageModel {
        uni: p1.iter().map(|p| p.log10() as f32).collect(),
        uni_bow,
        bi: FollowerTable::build(
            &kept2
                .iter()
                .map(|&(k, p)| {
                    let (a, w) = split2(k);
                    (a, w, lm::quantize_logp(p.log10() as f32))
                })
                .collect::<Vec<_>>(),
        ),
        bi_bow: FingerprintTable::build(&bi_bow),
        tri: FingerprintTable::build(
            &kept3
                .iter()
                .map(|&(k, p)| (k, lm::quantize_logp(p.log10() as f32)))
                .collect::<Vec<_>>(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seen_beats_unseen() {
        let mut c = Counts::default();
        for _ in 0..5 {
            c.add_segment(&[5, 6, 7], 1);
            c.add_segment(&[5, 8, 7], 1);
        }
        c.add_segment(&[6, 5], 1);
        let lm = estimate(
            &c,
            9,
            Pruning {
                min_bigram: 1,
                min_trigram: 1,
            },
        );
        assert!(lm.trigram(lm::BOS, 5, 6) > lm.trigram(lm::BOS, 5, 7));
        assert!(lm.trigram(5, 6, 7) > lm.trigram(5, 6, 8));
        // Probabilities after a context sum to about one.
        let s: f64 = (0..9)
            .map(|w| 10f64.powf(lm.trigram(lm::BOS, 5, w) as f64))
            .sum();
        assert!((s - 1.0).abs() < 0.2, "{s}");
    }
}
