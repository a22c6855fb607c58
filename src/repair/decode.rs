//! Viterbi decoding of a segment under the trigram model.
//!
//! Each position has a few options, each with an LM id and a channel log
//! probability. The best path maximizes `Σ ln P_lm(w_i | w_{i-2} w_{i-1}) +
//! Σ channel_i`. Fixed items (figures, codes) are positions with one option.

use crate::lexicon::lm::{self, LanguageModel, WordId};
use rustc_hash::FxBuildHasher;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};
use std::sync::{Arc, RwLock};

/// States scoring more than this (in nats) below a position's best state
/// are dropped: no later evidence recovers from such a gap in practice.
pub const STATE_BEAM: f32 = 12.0;

/// The larger of two scores, neither NaN (no score is): one compare and
/// select, which vectorizes where `f32::max`'s NaN handling costs more.
#[inline(always)]
fn max(a: f32, b: f32) -> f32 {
    if b > a {
        b
    } else {
        a
    }
}

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
pub const LM_WEIGHT: f32 = 0.8;

/// Factor from a log10 LM probability to weighted nats.
pub(super) const LM_SCALE: f32 = LM_WEIGHT * LN10;

#[inline]
fn lp(lm: &LanguageModel, u: WordId, v: WordId, w: WordId) -> f32 {
    LM_SCALE * lm.trigram(u, v, w)
}

/// Most options per position that reach the trigram pass (3 → 4: eval-split
/// pairs SER 3.71 → 3.64 %, seeds 3.69 → 3.67 %, held-out sets 5.71 → 5.69 %;
/// ≈ 5 % slower: 0.20 → 0.21 s user repairing the four OCR seeds five times
/// over; 5 and 6 gained a little more SER but read a junk `T` as `Tử`, which
/// broke seed 001's table layout).
pub const TRIGRAM_OPTIONS: usize = 4;
/// Options whose bigram max-marginal is this far (nats) below the position's
/// best are not passed to the trigram pass.
pub const MARGINAL_BEAM: f32 = 6.0;

/// The outcome of decoding one segment.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// Index of the chosen option at each position.
    pub path: Vec<usize>,
    /// Per position, the options the trigram pass considered, best first.
    kept: Flat<usize>,
    /// Per position and option, the bigram max-marginal score.
    marginals: Flat<f32>,
}

impl Decoded {
    /// The options of position `i` the trigram pass considered, best first.
    pub fn kept(&self, i: usize) -> &[usize] {
        self.kept.get(i)
    }

    /// The bigram max-marginal score of each option of position `i`.
    pub fn marginals(&self, i: usize) -> &[f32] {
        self.marginals.get(i)
    }

    /// The best option at `i` other than `chosen` by bigram max-marginal, with
    /// its score gap to `chosen`.
    pub fn marginal_runner_up(&self, i: usize, chosen: usize) -> Option<(f32, usize)> {
        let mm = self.marginals(i);
        (0..mm.len())
            .filter(|&k| k != chosen)
            .max_by(|&a, &b| mm[a].total_cmp(&mm[b]).then(b.cmp(&a)))
            .map(|k| (mm[chosen] - mm[k], k))
    }
}

/// Bigram transition scores between two neighbouring positions, memoized by
/// the option ids of both.
///
/// Within one document a token's options are fixed and token pairs repeat
/// (`hành chính`, `UBND tỉnh`: 35–42 % of the adjacent word pairs of each OCR
/// seed repeat one earlier in it), so matrices are asked for again; each costs one table lookup per pair of
/// options (up to 24 × 24). A memo lives as long as one document and holds
/// at most [`MEMO_CAPACITY`] matrices (a few MB); later ones are computed
/// and dropped after their segment, so memory stays bounded on any input.
///
/// A memo may also consult a [`TransitionStore`] shared by the documents of
/// a collection: a pair it has not seen is taken from the store when another
/// document computed it, and stored there when not.
#[derive(Debug, Default)]
pub struct TransitionMemo<'a> {
    /// Key: its hash ([`MemoKeys`]), the first position's option count, then
    /// both positions' ids; value: `LM_SCALE · log10 P(c | a)`, row-major in
    /// (a, c) (its length is the product of the key's counts), shared with
    /// the store if any.
    index: MemoMap,
    key: Vec<WordId>,
    scratch: lm::MatrixScratch,
    /// Where a matrix is computed before it is shared.
    computed: Vec<f32>,
    /// Working buffers of [`max_marginals`], kept between segments.
    work: Work,
    shared: Option<&'a TransitionStore>,
}

/// Working buffers of [`max_marginals`]; their contents mean nothing
/// between calls.
#[derive(Debug, Default)]
struct Work {
    ids: Vec<WordId>,
    starts: Vec<usize>,
    tables: Vec<Arc<[f32]>>,
    fwd: Vec<f32>,
    bwd: Vec<f32>,
    next_channel: Vec<f32>,
    /// The options [`decode`] passes to the trigram pass.
    reduced: Flat<Option_>,
    viterbi: ViterbiWork,
}

/// Working buffers of [`viterbi_flat`]; their contents mean nothing between
/// calls.
#[derive(Debug, Default)]
struct ViterbiWork {
    at: Vec<usize>,
    scores: Vec<f32>,
    backs: Vec<u16>,
    bigrams: Vec<f32>,
    contexts: Vec<(usize, f32, f32)>,
}

impl<'a> TransitionMemo<'a> {
    /// A memo that also takes matrices from, and gives them to, `shared`
    /// (none: a memo of its own document only, like [`Default`]).
    pub fn shared(shared: Option<&'a TransitionStore>) -> Self {
        TransitionMemo {
            shared,
            ..TransitionMemo::default()
        }
    }

    /// Makes room for `matrices` more matrices (at most [`MEMO_CAPACITY`]
    /// held), so the memo does not grow by rehashing as a document goes.
    pub fn reserve(&mut self, matrices: usize) {
        let room = MEMO_CAPACITY.saturating_sub(self.index.len());
        self.index.reserve(matrices.min(room));
    }

    /// The transition scores from `prev` to `cur`. Past the capacity they
    /// are computed (or taken from the store) but not kept.
    fn matrix(&mut self, lm: &LanguageModel, prev: &[WordId], cur: &[WordId]) -> Arc<[f32]> {
        self.key.clear();
        self.key.extend_from_slice(&[0, 0]);
        self.key.push(prev.len() as WordId);
        self.key.extend_from_slice(prev);
        self.key.extend_from_slice(cur);
        let h = FxBuildHasher.hash_one(&self.key[2..]);
        self.key[0] = h as WordId;
        self.key[1] = (h >> 32) as WordId;
        if let Some(t) = self.index.get(&self.key[..]) {
            return Arc::clone(t);
        }
        let t = match self.shared.and_then(|s| s.get(&self.key)) {
            Some(t) => t,
            None => {
                self.computed.clear();
                lm.extend_scaled_bigram_matrix(
                    prev,
                    cur,
                    LM_SCALE,
                    &mut self.scratch,
                    &mut self.computed,
                );
                let t: Arc<[f32]> = self.computed.as_slice().into();
                if let Some(s) = self.shared {
                    s.insert(&self.key, &t);
                }
                t
            }
        };
        if self.index.len() < MEMO_CAPACITY {
            self.index
                .insert(self.key.clone().into_boxed_slice(), Arc::clone(&t));
        }
        t
    }
}

/// Matrices by their keys, which begin with their own hash.
type MemoMap = HashMap<Box<[WordId]>, Arc<[f32]>, MemoKeys>;

/// Hashes a transition key by the hash it carries in its first two ids
/// (the rest's hash, computed once when the key is made), so the memo, the
/// store's shard and its map hash a key without reading it again.
type MemoKeys = BuildHasherDefault<KeyHasher>;

/// The [`Hasher`] of [`MemoKeys`]: a slice of ids is hashed as its length
/// (ignored) and then its bytes, whose first eight are the hash.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        if let Some(h) = bytes.first_chunk::<8>() {
            self.0 = u64::from_le_bytes(*h);
        }
    }

    fn write_usize(&mut self, _len: usize) {}

    fn finish(&self) -> u64 {
        self.0
    }
}

const STORE_SHARDS: usize = 16;

/// Default bound of a [`TransitionStore`]: scores plus key ids held, in
/// 4-byte words (32 MB).
pub const STORE_WORDS: usize = 8 << 20;

/// Default bound on the number of matrices a [`TransitionStore`] holds
/// (besides [`STORE_WORDS`]; about 80 bytes of overhead each).
pub const STORE_ENTRIES: usize = 200_000;

/// Transition matrices shared by the documents of a collection and their
/// threads, keyed like a [`TransitionMemo`]'s.
///
/// A token's options (their ids and order) do not depend on the document, so
/// the same pairs of tokens give the same matrices in every document. The
/// store only memoizes a pure function of the key, so output is the same
/// with or without it, whatever the thread count. It stops growing at its
/// bounds (nothing is evicted), so memory stays bounded on any collection.
#[derive(Debug)]
pub struct TransitionStore {
    shards: Vec<RwLock<StoreShard>>,
    per_shard_words: usize,
    per_shard_entries: usize,
}

#[derive(Debug, Default)]
struct StoreShard {
    map: MemoMap,
    /// Key ids plus scores held.
    words: usize,
}

impl Default for TransitionStore {
    fn default() -> Self {
        TransitionStore::new(STORE_WORDS, STORE_ENTRIES)
    }
}

impl TransitionStore {
    /// A store holding at most about `words` key ids plus scores in at most
    /// about `entries` matrices.
    pub fn new(words: usize, entries: usize) -> Self {
        TransitionStore {
            shards: (0..STORE_SHARDS)
                .map(|_| RwLock::new(StoreShard::default()))
                .collect(),
            per_shard_words: words.div_ceil(STORE_SHARDS),
            per_shard_entries: entries.div_ceil(STORE_SHARDS),
        }
    }

    /// Number of matrices held.
    pub fn len(&self) -> usize {
        self.shards
            .iter()
            .map(|s| s.read().map_or(0, |m| m.map.len()))
            .sum()
    }

    /// Is the store empty?
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn shard(&self, key: &[WordId]) -> &RwLock<StoreShard> {
        let h = MemoKeys::default().hash_one(key);
        &self.shards[(h >> 60) as usize % STORE_SHARDS]
    }

    fn get(&self, key: &[WordId]) -> Option<Arc<[f32]>> {
        let shard = self.shard(key).read().ok()?;
        shard.map.get(key).cloned()
    }

    fn insert(&self, key: &[WordId], scores: &Arc<[f32]>) {
        // A poisoned lock only means another thread panicked mid-insert of a
        // pure value: the map is still valid, so keep using it.
        let mut shard = self.shard(key).write().unwrap_or_else(|e| e.into_inner());
        let words = key.len() + scores.len();
        if shard.map.len() >= self.per_shard_entries
            || shard.words + words > self.per_shard_words
            || shard.map.contains_key(key)
        {
            return;
        }
        shard.words += words;
        shard.map.insert(key.into(), Arc::clone(scores));
    }
}

/// Most transition matrices a [`TransitionMemo`] keeps (each up to 24 × 24
/// scores: at most about 40 MB, a few MB on real documents).
pub const MEMO_CAPACITY: usize = 16_384;

/// Decodes a segment: a bigram forward–backward pass ranks each position's
/// options by the score of the best path through them (max-marginal), and
/// the trigram Viterbi decodes over the best [`TRIGRAM_OPTIONS`] of each.
/// `memo` carries transition scores between the segments of one document.
pub fn decode(
    lm: &LanguageModel,
    positions: &[Vec<Option_>],
    memo: &mut TransitionMemo,
) -> Decoded {
    let marginals = max_marginals(lm, positions, memo);
    let kept = prune(&marginals, TRIGRAM_OPTIONS, MARGINAL_BEAM);
    let mut reduced = std::mem::take(&mut memo.work.reduced);
    reduced.clear();
    for (i, opts) in positions.iter().enumerate() {
        reduced.push(kept.get(i).iter().map(|&k| opts[k]));
    }
    let mut path = viterbi_flat(lm, &reduced, &mut memo.work.viterbi);
    memo.work.reduced = reduced;
    for (i, j) in path.iter_mut().enumerate() {
        *j = kept.get(i)[*j];
    }
    Decoded {
        path,
        kept,
        marginals,
    }
}

/// A list of lists in one allocation: item `i` is
/// `items[starts[i]..starts[i + 1]]`.
#[derive(Clone, Debug, PartialEq)]
struct Flat<T> {
    items: Vec<T>,
    starts: Vec<usize>,
}

impl<T> Default for Flat<T> {
    fn default() -> Self {
        Flat {
            items: Vec::new(),
            starts: vec![0],
        }
    }
}

impl<T> Flat<T> {
    /// No lists, with room for `lists` lists of `items` items in all.
    fn with_capacity(lists: usize, items: usize) -> Self {
        let mut starts = Vec::with_capacity(lists + 1);
        starts.push(0);
        Flat {
            items: Vec::with_capacity(items),
            starts,
        }
    }

    /// Appends one list.
    fn push(&mut self, list: impl IntoIterator<Item = T>) {
        self.items.extend(list);
        self.starts.push(self.items.len());
    }

    /// Empties the lists, keeping the memory.
    fn clear(&mut self) {
        self.items.clear();
        self.starts.clear();
        self.starts.push(0);
    }

    /// Number of lists.
    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// The `i`-th list.
    #[inline]
    fn get(&self, i: usize) -> &[T] {
        &self.items[self.starts[i]..self.starts[i + 1]]
    }
}

/// The indices of each position's options to keep, best first: at most `max`,
/// within `beam` of the best max-marginal, at least one.
fn prune(marginals: &Flat<f32>, max: usize, beam: f32) -> Flat<usize> {
    let max = max.max(1);
    let mut kept = Flat::with_capacity(marginals.len(), marginals.len() * max);
    // The best `max` options of a position, best first, by insertion, each
    // as its [`rank_key`].
    let mut top: Vec<i64> = Vec::with_capacity(max + 1);
    for i in 0..marginals.len() {
        let mm = marginals.get(i);
        top.clear();
        for (k, &m) in mm.iter().enumerate() {
            let key = rank_key(m, k);
            if top.len() == max && top.last().is_some_and(|&w| key <= w) {
                continue;
            }
            let at = top.iter().position(|&j| key > j).unwrap_or(top.len());
            top.insert(at, key);
            top.truncate(max);
        }
        let best = top.first().map(|&key| mm[key_index(key)]);
        kept.push(
            top.iter()
                .map(|&key| key_index(key))
                .filter(|&k| best.is_some_and(|best| mm[k] >= best - beam)),
        );
    }
    kept
}

/// Orders options strictly, better first: the higher max-marginal `m` (by
/// [`f32::total_cmp`]), then the lower index `k`; one integer compare.
#[inline]
fn rank_key(m: f32, k: usize) -> i64 {
    // `total_cmp`'s own key: the bits, the magnitude flipped for negatives.
    let bits = m.to_bits() as i32;
    let ordered = bits ^ (((bits >> 31) as u32) >> 1) as i32;
    ((ordered as i64) << 32) | i64::from(u32::MAX - k as u32)
}

/// The option index a [`rank_key`] was made from.
#[inline]
fn key_index(key: i64) -> usize {
    (u32::MAX - key as u32) as usize
}

/// Per position and option, the score of the best path through it under the
/// bigram model plus channel scores.
fn max_marginals(
    lm: &LanguageModel,
    positions: &[Vec<Option_>],
    memo: &mut TransitionMemo,
) -> Flat<f32> {
    let n = positions.len();
    let mut work = std::mem::take(&mut memo.work);
    let Work {
        ids,
        starts,
        tables,
        fwd,
        bwd,
        next_channel,
        ..
    } = &mut work;
    // Offsets of each position's options in the flat arrays below.
    starts.clear();
    starts.push(0);
    ids.clear();
    for p in positions {
        ids.extend(p.iter().map(|o| o.id));
        starts.push(ids.len());
    }
    // Transition scores between consecutive positions.
    tables.clear();
    for i in 1..n {
        let (prev, cur) = (
            &ids[starts[i - 1]..starts[i]],
            &ids[starts[i]..starts[i + 1]],
        );
        tables.push(memo.matrix(lm, prev, cur));
    }
    let trans = |i: usize| -> &[f32] { &tables[i] };
    fwd.clear();
    fwd.resize(ids.len(), 0.0);
    for i in 0..n {
        let (done, cur) = fwd.split_at_mut(starts[i]);
        let cur = &mut cur[..positions[i].len()];
        if i == 0 {
            for (f, o) in cur.iter_mut().zip(&positions[i]) {
                *f = LM_SCALE * lm.bigram(lm::BOS, o.id);
            }
        } else {
            forward_step(cur, &done[starts[i - 1]..], trans(i - 1));
        }
        for (f, o) in cur.iter_mut().zip(&positions[i]) {
            *f += o.channel;
        }
    }
    bwd.clear();
    bwd.resize(ids.len(), 0.0);
    for i in (0..n).rev() {
        let (cur, after) = bwd.split_at_mut(starts[i + 1]);
        let cur = &mut cur[starts[i]..];
        if i + 1 == n {
            for (v, o) in cur.iter_mut().zip(&positions[i]) {
                *v = LM_SCALE * lm.bigram(o.id, lm::EOS);
            }
            continue;
        }
        let next = &positions[i + 1];
        let nc = next.len();
        // The next options' channel and backward scores, each contiguous.
        next_channel.clear();
        next_channel.extend(next.iter().map(|o| o.channel));
        backward_step(cur, trans(i), next_channel, &after[..nc]);
    }
    let mut out = Flat::with_capacity(n, ids.len());
    for i in 0..n {
        let r = starts[i]..starts[i + 1];
        out.push(fwd[r.clone()].iter().zip(&bwd[r]).map(|(f, b)| f + b));
    }
    // The matrices stay in the memo or the store, or go.
    work.tables.clear();
    memo.work = work;
    out
}

/// Sets `cur[c]` to `max_a (prev[a] + t[a][c])` over the rows of `t` (each
/// `cur.len()` long; as many as `prev` has scores, or fewer): row by row of
/// the transition matrix, the same maximum as column by column (max is exact
/// and no score is NaN), over contiguous memory. Not inlined, so the
/// compiler knows `cur` apart from the other two and vectorizes the rows
/// without checking that they do not overlap.
#[inline(never)]
fn forward_step(cur: &mut [f32], prev: &[f32], t: &[f32]) {
    cur.fill(f32::NEG_INFINITY);
    let rows = t.chunks_exact(cur.len().max(1));
    for (&fa, row) in prev.iter().zip(rows) {
        for (f, &tc) in cur.iter_mut().zip(row) {
            *f = max(*f, fa + tc);
        }
    }
}

/// Sets each `cur[a]` to [`best_step`] of row `a` of `t` (rows as long as
/// `channel` and `after`; minus infinity past its last row, as when no
/// option comes next: no path goes on). Not inlined, like [`forward_step`],
/// so the compiler sees the slices' lengths fixed for all rows.
#[inline(never)]
fn backward_step(cur: &mut [f32], t: &[f32], channel: &[f32], after: &[f32]) {
    cur.fill(f32::NEG_INFINITY);
    let rows = t.chunks_exact(channel.len().max(1));
    for (v, row) in cur.iter_mut().zip(rows) {
        *v = best_step(row, channel, after);
    }
}

/// `max_c (t[c] + channel[c]) + after[c]`, summed in that order (so exactly
/// the scalar fold's value, max being exact), in lanes the compiler
/// vectorizes; minus infinity when the row is empty.
#[inline]
fn best_step(t: &[f32], channel: &[f32], after: &[f32]) -> f32 {
    const LANES: usize = 8;
    let n = t.len().min(channel.len()).min(after.len());
    let (t, channel, after) = (&t[..n], &channel[..n], &after[..n]);
    let mut acc = [f32::NEG_INFINITY; LANES];
    let whole = n - n % LANES;
    for ((tc, ch), bc) in t[..whole]
        .chunks_exact(LANES)
        .zip(channel[..whole].chunks_exact(LANES))
        .zip(after[..whole].chunks_exact(LANES))
    {
        for l in 0..LANES {
            acc[l] = max(acc[l], tc[l] + ch[l] + bc[l]);
        }
    }
    // The lanes' maximum as a tree, which the compiler keeps in vectors (the
    // same value as folding them one by one: max is exact).
    const { assert!(LANES == 8) };
    let half: [f32; LANES / 2] = std::array::from_fn(|l| max(acc[l], acc[l + LANES / 2]));
    let quarter: [f32; LANES / 4] = std::array::from_fn(|l| max(half[l], half[l + LANES / 4]));
    let mut m = max(quarter[0], quarter[1]);
    for c in whole..n {
        m = max(m, t[c] + channel[c] + after[c]);
    }
    m
}

/// Returns the index of the chosen option at each position.
pub fn viterbi(lm: &LanguageModel, positions: &[Vec<Option_>]) -> Vec<usize> {
    let mut flat = Flat::default();
    for p in positions {
        flat.push(p.iter().copied());
    }
    viterbi_flat(lm, &flat, &mut ViterbiWork::default())
}

/// [`viterbi`] over the positions' options stored flat, with the given
/// working buffers.
fn viterbi_flat(
    lm: &LanguageModel,
    positions: &Flat<Option_>,
    work: &mut ViterbiWork,
) -> Vec<usize> {
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
            positions.get(i as usize)
        }
    };
    // The states of position i are scores[at[i]..at[i + 1]], indexed
    // a * len(i) + b; backs likewise.
    let ViterbiWork {
        at,
        scores,
        backs,
        bigrams,
        contexts,
    } = work;
    at.clear();
    scores.clear();
    backs.clear();
    at.push(0);
    {
        let cur = opts(0);
        scores.extend(
            cur.iter()
                .map(|o| lp(lm, lm::BOS, lm::BOS, o.id) + o.channel),
        );
        backs.resize(cur.len(), 0);
        at.push(scores.len());
    }
    for i in 1..n {
        let prev2 = opts(i as isize - 2);
        let prev = opts(i as isize - 1);
        let cur = opts(i as isize);
        let (na, nc) = (prev.len(), cur.len());
        let base_at = scores.len();
        scores.resize(base_at + na * nc, f32::NEG_INFINITY);
        backs.resize(base_at + na * nc, 0);
        let (done, s) = scores.split_at_mut(base_at);
        let last = &done[at[i - 1]..];
        let b = &mut backs[base_at..];
        for (a, pa) in prev.iter().enumerate() {
            // Contexts (z, a) without kept trigrams all back off to the
            // bigram with weight 1: only their best score matters.
            let mut free: Option<(f32, u16)> = None;
            contexts.clear();
            for (z, pz) in prev2.iter().enumerate() {
                let base = last[z * na + a];
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
                    Some((base, z)) => (base + LM_SCALE * bg, z),
                    None => (f32::NEG_INFINITY, 0),
                };
                for &(z, base, bow) in contexts.iter() {
                    let t = lm.trigram_in_context(prev2[z].id, pa.id, pc.id, bow, bg);
                    let v = base + LM_SCALE * t;
                    if v > best {
                        best = v;
                        arg = z as u16;
                    }
                }
                s[a * nc + c] = best + pc.channel;
                b[a * nc + c] = arg;
            }
        }
        prune_states(s);
        at.push(scores.len());
    }
    // Close with </s>.
    let last = opts(n as isize - 1);
    let prev = opts(n as isize - 2);
    let final_scores = &scores[at[n - 1]..];
    let mut best = f32::NEG_INFINITY;
    let (mut ba, mut bc) = (0usize, 0usize);
    for (a, pa) in prev.iter().enumerate() {
        for (c, pc) in last.iter().enumerate() {
            let v = final_scores[a * last.len() + c] + lp(lm, pa.id, pc.id, lm::EOS);
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
        let z = backs[at[i] + path[i - 1] * cur_len + path[i]] as usize;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::followers::FollowerTable;
    use crate::lexicon::table::FingerprintTable;

    /// A model over ids 5..=8 where `6 → 7` is a strong bigram and `5 7 8`
    /// a strong trigram; everything else is uniform.
    fn model() -> LanguageModel {
        let uni = vec![-1.0f32; 9];
        let bi = FollowerTable::build(&[(6, 7, lm::quantize_logp(-0.05))]);
        let bi_bow = FingerprintTable::build(&[(lm::key2(5, 7), lm::quantize_bow(0.0))]);
        let tri = FingerprintTable::build(&[(lm::key3(5, 7, 8), lm::quantize_logp(-0.01))]);
        LanguageModel {
            uni,
            uni_bow: vec![0.0; 9],
            bi,
            bi_bow,
            tri,
        }
    }

    fn opt(id: WordId, channel: f32) -> Option_ {
        Option_ { id, channel }
    }

    #[test]
    fn context_overrides_a_small_channel_preference() {
        let lm = model();
        // Position 1 prefers 8 slightly by channel, but 6 → 7 is far likelier.
        let positions = vec![vec![opt(8, -0.1), opt(6, -0.5)], vec![opt(7, 0.0)]];
        let d = decode(&lm, &positions, &mut TransitionMemo::default());
        assert_eq!(d.path, vec![1, 0]);
        assert_eq!(viterbi(&lm, &positions), vec![1, 0]);
    }

    #[test]
    fn trigram_is_used_when_context_is_stored() {
        let lm = model();
        let positions = vec![
            vec![opt(5, 0.0)],
            vec![opt(7, 0.0)],
            vec![opt(6, -0.5), opt(8, -1.0)],
        ];
        assert_eq!(
            decode(&lm, &positions, &mut TransitionMemo::default()).path,
            vec![0, 0, 1]
        );
    }

    #[test]
    fn a_large_channel_gap_wins_over_context() {
        let lm = model();
        let positions = vec![vec![opt(8, 0.0), opt(6, -30.0)], vec![opt(7, 0.0)]];
        let d = decode(&lm, &positions, &mut TransitionMemo::default());
        assert_eq!(d.path, vec![0, 0]);
        let (gap, k) = d.marginal_runner_up(0, 0).expect("runner-up");
        assert_eq!(k, 1);
        assert!(gap > 20.0);
    }

    #[test]
    fn memo_stays_bounded_and_changes_nothing() {
        let lm = model();
        let positions: Vec<Vec<Option_>> = (0..MEMO_CAPACITY as WordId + 50)
            .map(|i| vec![opt(10 + i % 40_000, 0.0), opt(5 + i % 3, -0.5)])
            .collect();
        let mut memo = TransitionMemo::default();
        let first = decode(&lm, &positions, &mut memo);
        assert_eq!(memo.index.len(), MEMO_CAPACITY);
        let again = decode(&lm, &positions, &mut memo);
        assert_eq!(first, again);
        assert_eq!(
            first,
            decode(&lm, &positions, &mut TransitionMemo::default())
        );
    }

    #[test]
    fn prune_keeps_the_best_like_a_full_sort() {
        let reference = |mm: &[f32], max: usize, beam: f32| {
            let mut idx: Vec<usize> = (0..mm.len()).collect();
            idx.sort_by(|&a, &b| mm[b].total_cmp(&mm[a]).then(a.cmp(&b)));
            let best = idx.first().map(|&k| mm[k]);
            idx.truncate(max.max(1));
            idx.retain(|&k| best.is_some_and(|b| mm[k] >= b - beam));
            idx
        };
        let mut x = 12345u32;
        let mut lists = vec![vec![], vec![1.0], vec![f32::NEG_INFINITY; 4]];
        for len in 1..30 {
            lists.push(
                (0..len)
                    .map(|_| {
                        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                        ((x >> 16) % 9) as f32 - 4.0
                    })
                    .collect(),
            );
        }
        let mut flat = Flat::default();
        for mm in &lists {
            flat.push(mm.iter().copied());
        }
        for max in [0, 1, 3, 5] {
            for beam in [0.0, 2.0, 6.0] {
                let kept = prune(&flat, max, beam);
                assert_eq!(kept.len(), lists.len());
                for (i, mm) in lists.iter().enumerate() {
                    assert_eq!(kept.get(i), reference(mm, max, beam));
                }
            }
        }
    }

    #[test]
    fn shared_store_stays_bounded_and_changes_nothing() {
        let lm = model();
        let positions: Vec<Vec<Option_>> = (0..500)
            .map(|i| vec![opt(10 + i % 97, 0.0), opt(5 + i % 3, -0.5), opt(7, -1.0)])
            .collect();
        let alone = decode(&lm, &positions, &mut TransitionMemo::default());
        // Small bounds: 40 matrices, fewer words than 40 of these take.
        let store = TransitionStore::new(16 * 40, 40);
        for _ in 0..3 {
            let mut memo = TransitionMemo::shared(Some(&store));
            assert_eq!(decode(&lm, &positions, &mut memo), alone);
        }
        assert!(!store.is_empty());
        assert!(store.len() <= 40);
        let words: usize = store
            .shards
            .iter()
            .map(|s| s.read().map_or(0, |m| m.words))
            .sum();
        assert!(words <= 16 * 40, "{words}");
    }

    #[test]
    fn best_step_is_the_scalar_maximum() {
        let mut x = 777u32;
        let mut next = || {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            ((x >> 16) % 200) as f32 / 7.0 - 14.0
        };
        for len in 0..40 {
            let t: Vec<f32> = (0..len).map(|_| next()).collect();
            let ch: Vec<f32> = (0..len).map(|_| next()).collect();
            let mut after: Vec<f32> = (0..len).map(|_| next()).collect();
            if len % 3 == 0 {
                after
                    .iter_mut()
                    .step_by(2)
                    .for_each(|a| *a = f32::NEG_INFINITY);
            }
            let scalar = t
                .iter()
                .zip(&ch)
                .zip(&after)
                .fold(f32::NEG_INFINITY, |m, ((&t, &c), &a)| m.max(t + c + a));
            assert_eq!(
                best_step(&t, &ch, &after).to_bits(),
                scalar.to_bits(),
                "{len}"
            );
        }
    }

    #[test]
    fn empty_and_single_positions() {
        let lm = model();
        assert!(decode(&lm, &[], &mut TransitionMemo::default())
            .path
            .is_empty());
        let d = decode(&lm, &[vec![opt(5, 0.0)]], &mut TransitionMemo::default());
        assert_eq!(d.path, vec![0]);
        assert_eq!(d.marginal_runner_up(0, 0), None);
    }
}
