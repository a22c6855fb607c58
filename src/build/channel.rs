//! Learning the OCR channel model from aligned (OCR, truth) lines.
//!
//! Lines are aligned token by token on their skeletons, then each (truth
//! syllable, OCR token) pair is aligned character by character with the
//! current costs; the rewrites are counted and the costs re-estimated (hard
//! EM, a few rounds).

use crate::lexicon::channel::{ChannelModel, Rewrite};
use crate::text::{self, viet, TokenKind};
use rustc_hash::FxHashMap;

/// A (truth word, OCR token) pair, both lower case.
pub type WordPair = (Vec<char>, Vec<char>);

fn words(line: &str) -> Vec<String> {
    text::tokenize(line)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(line).to_lowercase())
        .collect()
}

/// Aligns the words of a truth line with those of its OCR line and returns
/// the pairs whose skeletons are similar enough to be the same word.
pub fn word_pairs(truth: &str, ocr: &str) -> Vec<WordPair> {
    let t = words(truth);
    let o = words(ocr);
    let (n, m) = (t.len(), o.len());
    let ts: Vec<String> = t.iter().map(|w| viet::skeleton(w)).collect();
    let os: Vec<String> = o.iter().map(|w| viet::skeleton(w)).collect();
    let sim = |i: usize, j: usize| strsim::normalized_levenshtein(&ts[i], &os[j]);
    let gap = 0.7;
    let w = m + 1;
    let mut d = vec![0f64; (n + 1) * w];
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = f64::INFINITY;
            if i > 0 {
                best = best.min(d[(i - 1) * w + j] + gap);
            }
            if j > 0 {
                best = best.min(d[i * w + j - 1] + gap);
            }
            if i > 0 && j > 0 {
                best = best.min(d[(i - 1) * w + j - 1] + (1.0 - sim(i - 1, j - 1)));
            }
            d[i * w + j] = best;
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let here = d[i * w + j];
        if i > 0
            && j > 0
            && (here - (d[(i - 1) * w + j - 1] + (1.0 - sim(i - 1, j - 1)))).abs() < 1e-9
        {
            if sim(i - 1, j - 1) >= 0.34 && t[i - 1].chars().all(viet::is_viet_letter) {
                out.push((t[i - 1].chars().collect(), o[j - 1].chars().collect()));
            }
            i -= 1;
            j -= 1;
        } else if i > 0 && (here - (d[(i - 1) * w + j] + gap)).abs() < 1e-9 {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    out.reverse();
    out
}

/// The cheapest character alignment of `truth` → `ocr`, as rewrites
/// (`'\0'` as truth marks an inserted OCR character).
pub fn align(model: &ChannelModel, truth: &[char], ocr: &[char]) -> Vec<(char, String)> {
    let (n, m) = (truth.len(), ocr.len());
    let w = m + 1;
    let mut d = vec![f32::INFINITY; (n + 1) * w];
    let mut back = vec![0u8; (n + 1) * w];
    d[0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = f32::INFINITY;
            let mut how = 0u8;
            if j > 0 {
                let c = d[i * w + j - 1] + model.ins_cost(ocr[j - 1]);
                if c < best {
                    best = c;
                    how = 1;
                }
            }
            if i > 0 {
                let t = truth[i - 1];
                let c = d[(i - 1) * w + j] + model.sub_cost(t, None, None);
                if c < best {
                    best = c;
                    how = 2;
                }
                if j > 0 {
                    let c = d[(i - 1) * w + j - 1] + model.sub_cost(t, Some(ocr[j - 1]), None);
                    if c < best {
                        best = c;
                        how = 3;
                    }
                }
                if j > 1 {
                    let c = d[(i - 1) * w + j - 2]
                        + model.sub_cost(t, Some(ocr[j - 2]), Some(ocr[j - 1]));
                    if c < best {
                        best = c;
                        how = 4;
                    }
                }
            }
            d[i * w + j] = best;
            back[i * w + j] = how;
        }
    }
    let mut ops = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        match back[i * w + j] {
            1 => {
                ops.push(('\0', ocr[j - 1].to_string()));
                j -= 1;
            }
            2 => {
                ops.push((truth[i - 1], String::new()));
                i -= 1;
            }
            3 => {
                ops.push((truth[i - 1], ocr[j - 1].to_string()));
                i -= 1;
                j -= 1;
            }
            _ => {
                ops.push((truth[i - 1], [ocr[j - 2], ocr[j - 1]].iter().collect()));
                i -= 1;
                j -= 2;
            }
        }
    }
    ops.reverse();
    ops
}

/// Learns rewrite counts from word pairs with `rounds` of hard EM.
pub fn learn(pairs: &[WordPair], rounds: usize) -> Vec<Rewrite> {
    let mut model = ChannelModel::from_rewrites(&[]);
    let mut rewrites = Vec::new();
    for _ in 0..rounds.max(1) {
        let mut counts: FxHashMap<(char, String), u32> = FxHashMap::default();
        for (t, o) in pairs {
            for op in align(&model, t, o) {
                *counts.entry(op).or_insert(0) += 1;
            }
        }
        let mut v: Vec<Rewrite> = counts
            .into_iter()
            .map(|((truth, ocr), count)| Rewrite { truth, ocr, count })
            .collect();
        v.sort_by(|a, b| (a.truth, &a.ocr).cmp(&(b.truth, &b.ocr)));
        model = ChannelModel::from_rewrites(&v);
        rewrites = v;
    }
    rewrites
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_align_words() {
        let p = word_pairs("Công tác của UBND tỉnh", "Cong tac ciia UBND tinh");
        let s: Vec<(String, String)> = p
            .iter()
            .map(|(a, b)| (a.iter().collect(), b.iter().collect()))
            .collect();
        assert!(s.contains(&("của".into(), "ciia".into())));
        assert!(s.contains(&("tỉnh".into(), "tinh".into())));
    }

    #[test]
    fn learns_expansion() {
        let pairs: Vec<WordPair> = (0..20)
            .map(|_| ("của".chars().collect(), "ciia".chars().collect()))
            .chain((0..20).map(|_| ("cửa".chars().collect(), "cira".chars().collect())))
            .collect();
        let rw = learn(&pairs, 2);
        assert!(rw.iter().any(|r| r.truth == 'ủ' && r.ocr == "ii"), "{rw:?}");
    }
}
