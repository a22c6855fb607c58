//! Candidate syllables for one OCR token.
//!
//! A beam search walks the OCR token left to right and spells the skeletons
//! (mark-free syllables) it could have come from, using the channel model's
//! reverse index (`ii` ← `u`, `6` ← `o`, `€` ← `e`, …) and pruning with the set
//! of skeleton prefixes. Every syllable with a reached skeleton is then scored
//! with the full channel cost. A token with a mark also gets the other
//! syllables of its own skeleton, scored by the marks-reading channel.

use crate::lexicon::channel::CosterBuffers;
use crate::lexicon::lm::WordId;
use crate::lexicon::trie::{Node, SkeletonTrie};
use crate::lexicon::{lm_form, Lexicon};
use crate::text::viet;
use std::cell::RefCell;

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
    /// The syllable's unigram probability (the channel mixture's prior),
    /// computed once for the cached candidate rather than per document: 0
    /// while a token's candidates are ranked, set for the ones kept.
    pub prior: f64,
    /// `exp(-cost)`, the OCR channel's probability, likewise computed once
    /// for the kept candidates (0 while ranking).
    pub ocr_prob: f64,
    /// The probability of the token under the channel of an OCR that reads
    /// the marks ([`Lexicon::vie_channel`]), computed for the kept
    /// candidates of a token with a mark only (0 otherwise).
    pub vie_prob: f64,
    /// Added as a reading of the token's marks only (see
    /// [`add_mark_readings`]): the OCR channel's search did not reach it,
    /// and [`ocr_prob`](Self::ocr_prob) is 0.
    pub marks_only: bool,
    /// Reached only through the fallback's free edit (see [`generate`]):
    /// the channel's search read the token as no syllable.
    pub wild: bool,
}

const BEAM: usize = 40;
const PER_UNIT: usize = 6;

/// Letters OCR drops too seldom to be tried anywhere (they are not among the
/// [`PER_UNIT`] cheapest drops) but often inside one diphthong: the `ê` of
/// `iê`/`yê` (`hiu` for `hiệu`, `liu` for `liệu`, `tiu` for `tiêu`), tried
/// only right after the letters listed with it. Tried anywhere, the `e`
/// crowded other readings out of the beam and the candidate list (`thu`
/// read `thuế`, `ngan` read `nga`).
const DIPHTHONG_DROPS: &[(char, &[u8])] = &[('e', b"iy")];
const SLACK: f32 = 14.0;
/// Most candidates the search keeps per token (a marked token's other
/// readings of its marks come on top: [`add_mark_readings`]).
pub const MAX_CANDIDATES: usize = 24;

/// Search cost of the fallback's free edit (see [`generate`]); the
/// candidates it reaches are then scored by the full channel like any.
const WILD_COST: f32 = 9.0;

/// Fewest letters of a token the fallback reads: a shorter one is within
/// one edit of too many syllables.
const WILD_MIN_LETTERS: usize = 3;

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

    /// Is the skeleton spelled so far exactly `bytes`?
    fn spells(&self, bytes: &[u8]) -> bool {
        bytes.len() == self.len()
            && bytes
                .iter()
                .enumerate()
                .all(|(i, &b)| (self.skeleton >> (8 * (MAX_SKELETON - i))) as u8 == b)
    }

    /// The last letter of the skeleton spelled so far.
    fn last(&self) -> Option<u8> {
        let len = self.len();
        (len > 0).then(|| (self.skeleton >> (8 * (MAX_SKELETON - (len - 1)))) as u8)
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

/// Working buffers of [`generate`], kept per thread between calls so that
/// generating token after token allocates little; their contents mean
/// nothing between calls.
#[derive(Default)]
struct Scratch {
    layers: Vec<Vec<State>>,
    extra: Vec<State>,
    order: Vec<u64>,
    kept: Vec<State>,
    seen: Vec<Node>,
    ranked: Vec<(f32, Candidate)>,
    coster: CosterBuffers,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Candidates for the lower-case OCR token `ocr`, cheapest first.
///
/// A token of plain letters the channel's search reads as no syllable at
/// all (`trujng`, `hizu`: confusions the OCR pairs never showed) is searched
/// again with one free edit, a letter dropped or changed anywhere, so the
/// decoder may weigh `trường`, `hữu` against keeping it. (A marked token has
/// the readings of its marks instead: see [`add_mark_readings`].)
pub fn generate(lex: &Lexicon, ocr: &[char]) -> Vec<Candidate> {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => generate_in(lex, ocr, &mut scratch),
        Err(_) => generate_in(lex, ocr, &mut Scratch::default()),
    })
}

/// [`generate`] with the given working buffers.
fn generate_in(lex: &Lexicon, ocr: &[char], scratch: &mut Scratch) -> Vec<Candidate> {
    let n = ocr.len();
    if n == 0 || n > 12 {
        return Vec::new();
    }
    spell_skeletons(lex, ocr, scratch, false);
    score(lex, ocr, scratch, false);
    if scratch.ranked.is_empty()
        && n >= WILD_MIN_LETTERS
        && ocr.iter().all(|c| c.is_ascii_alphabetic())
    {
        spell_skeletons(lex, ocr, scratch, true);
        score(lex, ocr, scratch, true);
    }
    let mut out = kept(lex, &mut scratch.ranked);
    add_mark_readings(lex, ocr, &mut out);
    out
}

/// The [`MAX_CANDIDATES`] best of `ranked`, cheapest first, their prior and
/// channel probability set.
fn kept(lex: &Lexicon, ranked: &mut Vec<(f32, Candidate)>) -> Vec<Candidate> {
    // Rank by channel cost against unigram weight, ties by id. Ids are
    // distinct (each syllable has one skeleton, each skeleton is seen once),
    // so this is a total order and any selection or sort gives one result.
    let order =
        |a: &(f32, Candidate), b: &(f32, Candidate)| a.0.total_cmp(&b.0).then(a.1.id.cmp(&b.1.id));
    if ranked.len() > MAX_CANDIDATES {
        ranked.select_nth_unstable_by(MAX_CANDIDATES, order);
        ranked.truncate(MAX_CANDIDATES);
    }
    ranked.sort_unstable_by(order);
    ranked
        .iter()
        .map(|&(_, c)| Candidate {
            prior: 10f64.powf(lex.lm.unigram(c.id) as f64),
            ocr_prob: (-(c.cost as f64)).exp(),
            ..c
        })
        .collect()
}

/// For a token with a mark, adds the syllables of its skeleton that the
/// search did not keep (`thẩm` for `thấm`) and sets every candidate's
/// [`Candidate::vie_prob`]: an OCR that reads the marks confuses one mark
/// with another, a change the OCR channel's search, which learned the English
/// model's output, does not look for. An added candidate has no OCR channel
/// probability (so it leaves the channel mixture as it was). A token without
/// a mark is left to the other channels, which read the English model's
/// stripped and mangled words: the Vietnamese model's unmarked words are
/// mostly right, and a marks-reading weight on them would keep the English
/// model's as they are.
fn add_mark_readings(lex: &Lexicon, ocr: &[char], out: &mut Vec<Candidate>) {
    let key: String = ocr.iter().collect();
    if key.is_ascii() || !ocr.iter().all(|&c| viet::is_viet_letter(c)) {
        return;
    }
    let form = lm_form(&key);
    let mut ocr_coster = lex.channel.coster(ocr);
    let mut truth: Vec<char> = Vec::new();
    for &id in lex.syllables_with_skeleton(&viet::skeleton(&key)) {
        if out.iter().any(|c| c.id == id) || form.as_deref() == Some(lex.word(id)) {
            continue;
        }
        truth.clear();
        truth.extend(lex.word(id).chars());
        out.push(Candidate {
            id,
            cost: ocr_coster.cost(&truth),
            identity: false,
            stripped: false,
            prior: 10f64.powf(lex.lm.unigram(id) as f64),
            ocr_prob: 0.0,
            vie_prob: 0.0,
            marks_only: true,
            wild: false,
        });
    }
    let mut coster = lex.vie_channel.coster(ocr);
    for c in out.iter_mut() {
        truth.clear();
        truth.extend(lex.word(c.id).chars());
        c.vie_prob = (-(coster.cost(&truth) as f64)).exp();
    }
}

/// The beam search over skeletons: leaves in `scratch.layers[ocr.len()]`
/// the states that spell the whole token.
fn spell_skeletons(lex: &Lexicon, ocr: &[char], scratch: &mut Scratch, wild: bool) {
    let n = ocr.len();
    let Scratch {
        layers,
        extra,
        order,
        kept,
        ..
    } = scratch;
    if layers.len() < n + 1 {
        layers.resize_with(n + 1, Vec::new);
    }
    for layer in &mut layers[..=n] {
        layer.clear();
    }
    let trie = lex.skeleton_trie();
    layers[0].push(State {
        skeleton: 0,
        node: SkeletonTrie::ROOT,
        cost: 0.0,
        dropped: false,
    });
    let ch = &lex.channel;
    let dropped = &ch.dropped()[..ch.dropped().len().min(PER_UNIT)];
    // The diphthong drops the cheapest ones leave out, at the channel's cost.
    let mut diphthong_drops = [None; DIPHTHONG_DROPS.len()];
    for (slot, &(d, after)) in diphthong_drops.iter_mut().zip(DIPHTHONG_DROPS) {
        *slot = ch.dropped()[dropped.len()..]
            .iter()
            .find(|(b, _)| *b == d)
            .map(|&(_, c)| (d, c, after));
    }
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
                for &(b, c, after) in diphthong_drops.iter().flatten() {
                    if s.last().is_some_and(|l| after.contains(&l)) {
                        if let Some(mut next) = s.push(trie, b, c) {
                            next.dropped = true;
                            extra.push(next);
                        }
                    }
                }
            }
        }
        layer.extend_from_slice(extra);
        prune(&mut layer, order, kept);
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
            // The fallback's one free edit: the OCR character stands for
            // nothing, or for any letter.
            if wild && !s.dropped {
                layers[j + 1].push(State {
                    cost: s.cost + WILD_COST,
                    dropped: true,
                    ..*s
                });
                for b in 'a'..='z' {
                    if let Some(mut next) = s.push(trie, b, WILD_COST) {
                        next.dropped = true;
                        layers[j + 1].push(next);
                    }
                }
            }
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
}

/// Scores every syllable of the final states' skeletons against the token:
/// fills `scratch.ranked` with (rank score, candidate), in no useful order.
fn score(lex: &Lexicon, ocr: &[char], scratch: &mut Scratch, wild: bool) {
    let Scratch {
        layers,
        seen,
        ranked,
        coster: buffers,
        ..
    } = scratch;
    let finals = &layers[ocr.len()];
    seen.clear();
    ranked.clear();
    let trie = lex.skeleton_trie();
    let mut coster = lex.channel.coster_with(ocr, std::mem::take(buffers));
    let key: String = ocr.iter().collect();
    // Equal strings are equal character sequences.
    let form: Option<Vec<char>> = lm_form(&key).map(|f| f.chars().collect());
    let ascii = key.is_ascii();
    for s in finals {
        if seen.contains(&s.node) {
            continue;
        }
        seen.push(s.node);
        // Every syllable of a node has the node's skeleton (the lexicon
        // groups them by `text::viet::skeleton`), so for an ASCII token
        // "the token is the syllable stripped" is one test per node.
        let stripped = ascii && s.spells(key.as_bytes());
        for (id, word) in trie.spelled(s.node) {
            let c = Candidate {
                id,
                cost: coster.cost(word),
                identity: form.as_deref() == Some(word),
                stripped,
                prior: 0.0,
                ocr_prob: 0.0,
                vie_prob: 0.0,
                marks_only: false,
                wild,
            };
            let score = c.cost - 1.5 * lex.lm.unigram(c.id) * std::f32::consts::LN_10;
            ranked.push((score, c));
        }
    }
    *buffers = coster.into_buffers();
}

/// Keeps the cheapest distinct states within [`SLACK`] of the best, at most
/// [`BEAM`], cheapest first (ties by skeleton, then undropped first).
/// `order` is working memory.
fn prune(layer: &mut Vec<State>, order: &mut Vec<u64>, kept: &mut Vec<State>) {
    // States beyond the slack would sort after every kept one and be cut, so
    // dropping them before the sort changes nothing but its size.
    let Some(best) = layer.iter().map(|s| s.cost).min_by(f32::total_cmp) else {
        return;
    };
    layer.retain(|s| s.cost <= best + SLACK);
    // Sort small keys, not states: the cost's total-order bits above the
    // state's index. Runs of equal cost are then ordered by skeleton and
    // flag, which gives the order of sorting by (cost, skeleton, flag).
    order.clear();
    order.extend(
        layer
            .iter()
            .enumerate()
            .map(|(i, s)| (u64::from(cost_key(s.cost)) << 32) | i as u64),
    );
    order.sort_unstable();
    let by_state = |a: &u64, b: &u64| {
        let (a, b) = (&layer[*a as u32 as usize], &layer[*b as u32 as usize]);
        a.skeleton.cmp(&b.skeleton).then(a.dropped.cmp(&b.dropped))
    };
    for run in order.chunk_by_mut(|a, b| a >> 32 == b >> 32) {
        if run.len() > 1 {
            run.sort_unstable_by(by_state);
        }
    }
    kept.clear();
    for &k in order.iter() {
        let s = layer[k as u32 as usize];
        // Of neighbours with one skeleton and flag, the first (cheapest) stays.
        if kept
            .last()
            .is_some_and(|p| p.skeleton == s.skeleton && p.dropped == s.dropped)
        {
            continue;
        }
        if kept.len() == BEAM {
            break;
        }
        kept.push(s);
    }
    std::mem::swap(layer, kept);
}

/// `f32::total_cmp`'s order as unsigned integers.
fn cost_key(x: f32) -> u32 {
    let b = x.to_bits();
    if b >> 31 == 1 {
        !b
    } else {
        b | 0x8000_0000
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::viet;

    /// The bundled dictionaries, when they load (tests that need them pass
    /// without them).
    fn bundled() -> Option<Lexicon> {
        Lexicon::load(&crate::lexicon::default_dir())
            .ok()
            .filter(|lex| lex.vocab_len() > 0)
    }

    /// The states' (skeleton, cost, flag), to compare layers.
    fn plain(layer: &[State]) -> Vec<(u128, f32, bool)> {
        layer
            .iter()
            .map(|s| (s.skeleton, s.cost, s.dropped))
            .collect()
    }

    #[test]
    fn prune_is_sort_dedup_truncate() {
        let reference = |layer: &mut Vec<State>| {
            let best = layer.iter().map(|s| s.cost).fold(f32::INFINITY, f32::min);
            layer.retain(|s| s.cost <= best + SLACK);
            layer.sort_by(|a, b| {
                a.cost
                    .total_cmp(&b.cost)
                    .then(a.skeleton.cmp(&b.skeleton))
                    .then(a.dropped.cmp(&b.dropped))
            });
            layer.dedup_by(|a, b| a.skeleton == b.skeleton && a.dropped == b.dropped);
            layer.truncate(BEAM);
        };
        let mut x = 7u32;
        let mut next = |m: u32| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (x >> 16) % m
        };
        let (mut order, mut kept) = (Vec::new(), Vec::new());
        for len in [0, 1, 2, 5, 39, 40, 41, 90, 300] {
            for spread in [1, 4, 40] {
                let mut layer: Vec<State> = (0..len)
                    .map(|_| State {
                        skeleton: u128::from(next(9)) << 100 | u128::from(next(3)),
                        node: 0,
                        cost: next(spread) as f32 * 0.5,
                        dropped: next(2) == 1,
                    })
                    .collect();
                let mut expect = layer.clone();
                reference(&mut expect);
                prune(&mut layer, &mut order, &mut kept);
                assert_eq!(plain(&layer), plain(&expect), "{len} {spread}");
            }
        }
    }

    #[test]
    fn stripped_means_the_token_is_the_syllable_without_marks() {
        let lex =
            Lexicon::load(&crate::lexicon::default_dir()).unwrap_or_else(|_| Lexicon::empty());
        for token in [
            "cua", "nguoi", "quyet", "dinh", "viec", "ciia", "hanh", "quyét", "d6",
        ] {
            let chars: Vec<char> = token.chars().collect();
            for c in generate(&lex, &chars) {
                let word = lex.word(c.id);
                assert_eq!(
                    c.stripped,
                    token.is_ascii() && viet::skeleton_eq(word, token),
                    "{token} {word}"
                );
            }
        }
    }

    #[test]
    fn a_marked_token_gets_every_reading_of_its_marks() {
        let Some(lex) = bundled() else { return };
        let chars: Vec<char> = "thấm".chars().collect();
        let cands = generate(&lex, &chars);
        let get = |w: &str| cands.iter().find(|c| lex.word(c.id) == w);
        // The syllable the Vietnamese model confuses it with is there, the
        // likeliest reading of the marks-reading channel; the token itself is
        // not added (the decoder's "keep as is" stands for it).
        let tham = get("thẩm").expect("thẩm");
        assert!(get("thấm").is_none_or(|c| !c.marks_only));
        let best = cands.iter().filter(|c| c.marks_only).map(|c| c.vie_prob);
        assert_eq!(best.fold(0.0, f64::max), tham.vie_prob, "{tham:?}");
        assert!(tham.vie_prob > 0.01, "{tham:?}");
        // Every candidate added for its marks only has its skeleton and no
        // OCR channel probability, so the mixture does not see it.
        for c in cands.iter().filter(|c| c.marks_only) {
            assert!(viet::skeleton_eq(lex.word(c.id), "tham"), "{c:?}");
            assert_eq!(c.ocr_prob, 0.0);
            assert!(!c.identity && !c.stripped);
        }
        // An unmarked token gets none: its skeleton is the OCR channel's.
        let chars: Vec<char> = "tham".chars().collect();
        assert!(generate(&lex, &chars).iter().all(|c| !c.marks_only));
    }

    #[test]
    fn the_e_of_ie_may_be_dropped_only_after_i_or_y() {
        let Some(lex) = bundled() else { return };
        let has = |token: &str, word: &str| {
            let chars: Vec<char> = token.chars().collect();
            generate(&lex, &chars)
                .iter()
                .any(|c| lex.word(c.id) == word)
        };
        // OCR lost the `ệ` of `iệu`: the reading that puts it back is offered.
        assert!(has("hiu", "hiệu"));
        assert!(has("liu", "liệu"));
        // After another letter an `e` is no cheap drop: `thu` is not `thuế`.
        assert!(!has("thu", "thuế"));
    }

    #[test]
    fn a_token_read_as_no_syllable_gets_one_free_edit() {
        let Some(lex) = bundled() else { return };
        let of = |token: &str| {
            let chars: Vec<char> = token.chars().collect();
            generate(&lex, &chars)
        };
        // `j` for the `ườ` of `trường` is no confusion the pairs showed.
        let cands = of("trujng");
        assert!(cands.iter().all(|c| c.wild));
        assert!(cands.iter().any(|c| lex.word(c.id) == "trường"));
        // A token the channel reads gets no fallback readings.
        assert!(of("truong").iter().all(|c| !c.wild));
    }
}
