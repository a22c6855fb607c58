//! The OCR channel model: how each true letter comes out of OCR.
//!
//! `cost(t → o)` is `-ln P(o | t)` for one true character `t` and an OCR string
//! `o` of zero, one or two characters (deletion, substitution, expansion such
//! as `ủ → ii`); `ins(o)` is the cost of OCR inventing a character. The cost of
//! a whole token is the cheapest alignment ([`ChannelModel::token_cost`]).
//! All strings are lower case NFC.

use rustc_hash::FxHashMap;

/// One learned rewrite with its count, as stored in `channel.jsonl`.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Rewrite {
    /// The true character.
    pub truth: char,
    /// What OCR printed for it (empty: nothing).
    pub ocr: String,
    /// How often it was seen in the training pairs.
    pub count: u32,
}

const EMPTY: u32 = 0x1F_FFFF;

/// One or two OCR characters read as one unit.
pub type OcrUnit = (char, Option<char>);
/// A true base letter (or `None`: OCR invented the unit) with its cheapest cost.
pub type Source = (Option<char>, f32);

#[inline]
fn key(t: char, o1: u32, o2: u32) -> u64 {
    ((t as u64) << 42) | ((o1 as u64) << 21) | o2 as u64
}

/// Costs learned from aligned (OCR, truth) pairs.
#[derive(Clone, Debug, Default)]
pub struct ChannelModel {
    sub: FxHashMap<u64, f32>,
    ins: FxHashMap<char, f32>,
    ins_default: f32,
    /// Reverse index for candidate generation: OCR unit → (true base letter or
    /// `None` for "OCR inserted this", cheapest cost).
    reverse: FxHashMap<OcrUnit, Vec<Source>>,
    /// True base letters OCR may drop entirely, with their cheapest cost.
    dropped: Vec<(char, f32)>,
    /// Dense copy of `sub_cost(t, Some(o), None)` for the usual letters; see
    /// [`SubTable`].
    table: SubTable,
}

/// Characters below this code point may have a dense index.
const DENSE_LIMIT: usize = 0x1F00;

/// `sub_cost(t, Some(o), None)` precomputed (same `f32` values) for true
/// characters `t` and OCR characters `o` of small alphabets, plus the set of
/// OCR pairs that occur in any learned two-character rewrite (every other
/// pair costs the fallback 12.0 for every truth).
#[derive(Clone, Debug, Default)]
struct SubTable {
    /// Index + 1 of a true character (0: not in the table), by code point.
    t_idx: Vec<u16>,
    /// Index + 1 of an OCR character (0: not in the table), by code point.
    o_idx: Vec<u16>,
    /// Number of OCR characters (row length of `costs`).
    n_o: usize,
    /// `costs[ti * n_o + oi]`.
    costs: Vec<f32>,
    /// `(o1, o2)` of every learned rewrite printing two characters.
    pairs: rustc_hash::FxHashSet<(char, char)>,
}

impl SubTable {
    #[inline]
    fn t_index(&self, c: char) -> Option<usize> {
        match self.t_idx.get(c as usize) {
            Some(&i) if i != 0 => Some(i as usize - 1),
            _ => None,
        }
    }

    /// Number of true characters in the table.
    fn t_count(&self) -> usize {
        self.costs.len().checked_div(self.n_o).unwrap_or(0)
    }

    #[inline]
    fn o_index(&self, c: char) -> Option<usize> {
        match self.o_idx.get(c as usize) {
            Some(&i) if i != 0 => Some(i as usize - 1),
            _ => None,
        }
    }
}

/// Smoothing weight of the class prior against observed counts.
const PRIOR: f64 = 2.0;

#[inline]
fn base_of(c: char) -> char {
    crate::text::viet::base_letter(c)
        .to_lowercase()
        .next()
        .unwrap_or(c)
}

/// Cost of an unseen substitution between characters of similar shape.
const LOOKALIKE_COST: f32 = 6.0;

/// Groups of characters (lower case) that print alike, so that OCR confuses
/// them even where the training pairs never showed it.
const LOOKALIKES: &[&str] = &[
    "o0qơô", "đdpbð", "il1|!jt", "s5$", "b86", "g9q", "z2", "ec€", "uvư", "a@", "rn",
];

/// Bit `k` is set for each ASCII character of `LOOKALIKES[k]`.
const ASCII_GROUPS: [u16; 128] = {
    assert!(LOOKALIKES.len() <= 16);
    let mut t = [0u16; 128];
    let mut k = 0;
    while k < LOOKALIKES.len() {
        let bytes = LOOKALIKES[k].as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Bytes of multi-byte characters are all >= 0x80.
            if bytes[i] < 128 {
                t[bytes[i] as usize] |= 1 << k;
            }
            i += 1;
        }
        k += 1;
    }
    t
};

/// The set of `LOOKALIKES` groups holding `c`, as a bit mask.
#[inline]
fn groups(c: char) -> u16 {
    if c.is_ascii() {
        ASCII_GROUPS[c as usize]
    } else {
        // Comparing characters, not searching each group's text for the
        // character's encoding.
        LOOKALIKES
            .iter()
            .enumerate()
            .filter(|(_, g)| g.chars().any(|x| x == c))
            .fold(0, |m, (k, _)| m | 1 << k)
    }
}

/// Do the base letters `a` and `b` (see `base_of`) print alike?
#[inline]
fn lookalike_bases(a: char, b: char) -> bool {
    groups(a) & groups(b) != 0
}

/// Prior probability of `t → o` before seeing data.
fn prior(t: char, o: &str) -> f64 {
    let mut it = o.chars();
    match (it.next(), it.next()) {
        (Some(a), None) if a == t => 0.9,
        (Some(a), None) if base_of(a) == base_of(t) => 0.02,
        (None, _) => 0.001,
        _ => 0.0005,
    }
}

impl ChannelModel {
    /// Builds costs from rewrite counts.
    pub fn from_rewrites(rewrites: &[Rewrite]) -> ChannelModel {
        let mut per_truth: FxHashMap<char, f64> = FxHashMap::default();
        let mut ins_counts: FxHashMap<char, f64> = FxHashMap::default();
        let mut total_ins = 0f64;
        for r in rewrites {
            if r.truth == '\0' {
                if let Some(c) = r.ocr.chars().next() {
                    *ins_counts.entry(c).or_default() += r.count as f64;
                    total_ins += r.count as f64;
                }
            } else {
                *per_truth.entry(r.truth).or_default() += r.count as f64;
            }
        }
        let total_chars: f64 = per_truth.values().sum::<f64>().max(1.0);
        let mut sub = FxHashMap::default();
        for r in rewrites {
            if r.truth == '\0' {
                continue;
            }
            let n = per_truth[&r.truth];
            let p = (r.count as f64 + PRIOR * prior(r.truth, &r.ocr)) / (n + PRIOR);
            let mut it = r.ocr.chars();
            let o1 = it.next().map_or(EMPTY, |c| c as u32);
            let o2 = it.next().map_or(EMPTY, |c| c as u32);
            sub.insert(key(r.truth, o1, o2), -(p.ln()) as f32);
        }
        // Identity for letters never seen in training.
        let p_ins_any = (total_ins + 1.0) / (total_chars + total_ins + 1.0);
        let ins: FxHashMap<char, f32> = ins_counts
            .iter()
            .map(|(&c, &n)| {
                (
                    c,
                    -((p_ins_any * (n + 0.5) / (total_ins + 1.0)).ln()) as f32,
                )
            })
            .collect();
        let ins_default = if total_ins == 0.0 {
            8.0
        } else {
            -((p_ins_any * 0.5 / (total_ins + 1.0)).ln()) as f32
        };
        let mut model = ChannelModel {
            sub,
            ins,
            ins_default,
            reverse: FxHashMap::default(),
            dropped: Vec::new(),
            table: SubTable::default(),
        };
        model.build_reverse(rewrites);
        model.build_table(rewrites);
        model
    }

    fn build_table(&mut self, rewrites: &[Rewrite]) {
        let dense = |c: char| (c as usize) < DENSE_LIMIT;
        let letters = || {
            (0xC0u32..=0x1B0)
                .chain(0x1EA0..=0x1EF9)
                .filter_map(char::from_u32)
                .filter(|c| c.is_lowercase())
        };
        let mut truths: Vec<char> = ('a'..='z')
            .chain(letters())
            .chain(rewrites.iter().map(|r| r.truth).filter(|&t| t != '\0'))
            .filter(|&c| dense(c))
            .collect();
        truths.sort_unstable();
        truths.dedup();
        let mut ocrs: Vec<char> = (' '..='~')
            .chain(letters())
            .chain(truths.iter().copied())
            .chain(rewrites.iter().flat_map(|r| r.ocr.chars()))
            .filter(|&c| dense(c))
            .collect();
        ocrs.sort_unstable();
        ocrs.dedup();
        let mut t = SubTable {
            t_idx: vec![0; DENSE_LIMIT],
            o_idx: vec![0; DENSE_LIMIT],
            n_o: ocrs.len(),
            costs: Vec::with_capacity(truths.len() * ocrs.len()),
            pairs: Default::default(),
        };
        for (i, &c) in truths.iter().enumerate() {
            t.t_idx[c as usize] = (i + 1) as u16;
        }
        for (i, &c) in ocrs.iter().enumerate() {
            t.o_idx[c as usize] = (i + 1) as u16;
        }
        for &tc in &truths {
            for &oc in &ocrs {
                t.costs.push(self.sub_cost(tc, Some(oc), None));
            }
        }
        for r in rewrites {
            let mut it = r.ocr.chars();
            if let (Some(a), Some(b)) = (it.next(), it.next()) {
                t.pairs.insert((a, b));
            }
        }
        self.table = t;
    }

    fn build_reverse(&mut self, rewrites: &[Rewrite]) {
        let mut rev: FxHashMap<(char, Option<char>), FxHashMap<Option<char>, f32>> =
            FxHashMap::default();
        let mut dropped: FxHashMap<char, f32> = FxHashMap::default();
        for r in rewrites {
            let mut it = r.ocr.chars();
            let (o1, o2) = (it.next(), it.next());
            if r.truth == '\0' {
                if let Some(o1) = o1 {
                    let c = self.ins_cost(o1);
                    let e = rev
                        .entry((o1, None))
                        .or_default()
                        .entry(None)
                        .or_insert(f32::MAX);
                    *e = e.min(c);
                }
                continue;
            }
            if r.count < 2 {
                continue;
            }
            let cost = self.sub_cost(r.truth, o1, o2);
            let b = base_of(r.truth);
            match o1 {
                None => {
                    let e = dropped.entry(b).or_insert(f32::MAX);
                    *e = e.min(cost);
                }
                Some(o1) => {
                    let e = rev
                        .entry((o1, o2))
                        .or_default()
                        .entry(Some(b))
                        .or_insert(f32::MAX);
                    *e = e.min(cost);
                }
            }
        }
        // Every letter can stand for itself (and its marked forms).
        for c in ('a'..='z').chain(['đ']) {
            let b = base_of(c);
            let e = rev
                .entry((c, None))
                .or_default()
                .entry(Some(b))
                .or_insert(f32::MAX);
            *e = e.min(0.1);
        }
        // A look-alike the pairs never showed (`$` for `s`) stands for the
        // letters of its groups, at the unseen look-alike cost.
        for c in LOOKALIKES.iter().flat_map(|g| g.chars()) {
            if rev.contains_key(&(c, None)) {
                continue;
            }
            for t in LOOKALIKES.iter().flat_map(|g| g.chars()) {
                if t.is_alphabetic() && t != c && lookalike_bases(base_of(t), c) {
                    let cost = self.sub_cost(t, Some(c), None);
                    let e = rev
                        .entry((c, None))
                        .or_default()
                        .entry(Some(base_of(t)))
                        .or_insert(f32::MAX);
                    *e = e.min(cost);
                }
            }
        }
        self.reverse = rev
            .into_iter()
            .map(|(k, m)| {
                let mut v: Vec<(Option<char>, f32)> = m.into_iter().collect();
                v.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
                (k, v)
            })
            .collect();
        let mut d: Vec<(char, f32)> = dropped.into_iter().collect();
        d.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        self.dropped = d;
    }

    /// Cost of true `t` printed as `o1 o2` (`None`: nothing).
    #[inline]
    pub fn sub_cost(&self, t: char, o1: Option<char>, o2: Option<char>) -> f32 {
        let k = key(
            t,
            o1.map_or(EMPTY, |c| c as u32),
            o2.map_or(EMPTY, |c| c as u32),
        );
        if let Some(&c) = self.sub.get(&k) {
            return c;
        }
        match (o1, o2) {
            (Some(a), None) if a == t => 0.05,
            (Some(a), None) => {
                let (ba, bt) = (base_of(a), base_of(t));
                if ba == bt {
                    5.0
                } else if lookalike_bases(bt, ba) {
                    LOOKALIKE_COST
                } else {
                    11.0
                }
            }
            (None, _) => 9.0,
            _ => 12.0,
        }
    }

    /// Cost of OCR inventing `o`.
    #[inline]
    pub fn ins_cost(&self, o: char) -> f32 {
        self.ins.get(&o).copied().unwrap_or(self.ins_default)
    }

    /// Cheapest alignment cost of `truth` printed as `ocr` (both lower case).
    pub fn token_cost(&self, truth: &[char], ocr: &[char]) -> f32 {
        let (n, m) = (truth.len(), ocr.len());
        let w = m + 1;
        let mut d = vec![f32::INFINITY; (n + 1) * w];
        d[0] = 0.0;
        for i in 0..=n {
            for j in 0..=m {
                let mut best = d[i * w + j];
                if j > 0 {
                    best = best.min(d[i * w + j - 1] + self.ins_cost(ocr[j - 1]));
                }
                if i > 0 {
                    let t = truth[i - 1];
                    best = best.min(d[(i - 1) * w + j] + self.sub_cost(t, None, None));
                    if j > 0 {
                        best = best
                            .min(d[(i - 1) * w + j - 1] + self.sub_cost(t, Some(ocr[j - 1]), None));
                    }
                    if j > 1 {
                        best = best.min(
                            d[(i - 1) * w + j - 2]
                                + self.sub_cost(t, Some(ocr[j - 2]), Some(ocr[j - 1])),
                        );
                    }
                }
                d[i * w + j] = best;
            }
        }
        d[n * w + m]
    }

    /// A scorer of many truth strings against one OCR token: caches each true
    /// character's costs at every OCR position, so [`TokenCoster::cost`]
    /// equals [`token_cost`](Self::token_cost) without its hash lookups.
    pub fn coster<'a>(&'a self, ocr: &'a [char]) -> TokenCoster<'a> {
        self.coster_with(ocr, CosterBuffers::default())
    }

    /// [`coster`](Self::coster) working in `buffers` (taken back with
    /// [`TokenCoster::into_buffers`]), so that scoring token after token
    /// allocates nothing once the buffers have grown.
    pub fn coster_with<'a>(
        &'a self,
        ocr: &'a [char],
        mut buffers: CosterBuffers,
    ) -> TokenCoster<'a> {
        let b = &mut buffers;
        b.ins.clear();
        b.ins.extend(ocr.iter().map(|&o| self.ins_cost(o)));
        b.o_idx.clear();
        b.o_idx.extend(ocr.iter().map(|&o| self.table.o_index(o)));
        b.pair_known.clear();
        b.pair_known.extend(
            ocr.windows(2)
                .map(|w| self.table.pairs.contains(&(w[0], w[1]))),
        );
        // A few hundred entries: cheaper than a search per row, and the
        // buffers may come from a coster of another model.
        b.dense_rows.clear();
        b.dense_rows.resize(self.table.t_count(), NO_ROW);
        b.rows.clear();
        b.data.clear();
        b.dp.clear();
        b.prev.clear();
        TokenCoster {
            model: self,
            ocr,
            b: buffers,
        }
    }

    /// Which true base letters the OCR unit `o1 o2` may stand for, cheapest first
    /// (`None` in the result: OCR invented it).
    pub fn sources(&self, o1: char, o2: Option<char>) -> &[(Option<char>, f32)] {
        self.reverse.get(&(o1, o2)).map_or(&[], |v| v.as_slice())
    }

    /// True base letters OCR may drop entirely, cheapest first.
    pub fn dropped(&self) -> &[(char, f32)] {
        &self.dropped
    }
}

/// The smaller of `a` and `b`: `f32::min` for the alignment table, whose
/// entries are never NaN (costs are finite or infinite, never of opposite
/// infinities) nor `-0.0` (every entry is a sum onto the `+0.0` of the first
/// cell), without `f32::min`'s NaN handling.
#[inline]
fn min(a: f32, b: f32) -> f32 {
    if b < a {
        b
    } else {
        a
    }
}

/// Marks a true character without a row yet in [`CosterBuffers`].
const NO_ROW: u32 = u32::MAX;

/// Channel costs of truth strings against one OCR token; see
/// [`ChannelModel::coster`].
#[derive(Debug)]
pub struct TokenCoster<'a> {
    model: &'a ChannelModel,
    ocr: &'a [char],
    b: CosterBuffers,
}

/// The working memory of a [`TokenCoster`], reusable from one token to the
/// next ([`ChannelModel::coster_with`]); its contents mean nothing between
/// tokens.
#[derive(Clone, Debug, Default)]
pub struct CosterBuffers {
    /// `ins_cost` of each OCR character.
    ins: Vec<f32>,
    /// Dense table index of each OCR character.
    o_idx: Vec<Option<usize>>,
    /// Per OCR pair `ocr[j] ocr[j+1]`: does any learned rewrite print it?
    pair_known: Vec<bool>,
    /// True characters seen so far and the offset of their row in `data`.
    rows: Vec<(char, usize)>,
    /// The offset in `data` of the row of each true character with a dense
    /// table index ([`NO_ROW`]: none yet), so finding a row is one load.
    dense_rows: Vec<u32>,
    /// Per true character `t`: deletion cost, then `sub(t, ocr[j])` for each
    /// `j`, then for each `j` in `0..=m` the cost of `t` printed as
    /// `ocr[j-2] ocr[j-1]` (infinite for `j < 2`): `2m + 2` values.
    data: Vec<f32>,
    /// The alignment table of the last call (row 0 filled on first use).
    dp: Vec<f32>,
    /// The truth of the last call: its table rows are valid for its prefixes.
    prev: Vec<char>,
}

impl TokenCoster<'_> {
    /// Gives the working memory back, for the next token.
    pub fn into_buffers(self) -> CosterBuffers {
        self.b
    }

    fn row(&mut self, t: char) -> usize {
        let dense = self.model.table.t_index(t);
        let found = match dense {
            Some(ti) => Some(self.b.dense_rows[ti]).filter(|&at| at != NO_ROW),
            None => self
                .b
                .rows
                .iter()
                .find(|r| r.0 == t)
                .map(|&(_, at)| at as u32),
        };
        if let Some(at) = found {
            return at as usize;
        }
        let at = self.b.data.len();
        let m = self.model;
        self.b.data.push(m.sub_cost(t, None, None));
        let tab = &m.table;
        match tab.t_index(t) {
            Some(ti) => {
                let costs = &tab.costs[ti * tab.n_o..(ti + 1) * tab.n_o];
                for (&o, &oi) in self.ocr.iter().zip(&self.b.o_idx) {
                    self.b.data.push(match oi {
                        Some(oi) => costs[oi],
                        None => m.sub_cost(t, Some(o), None),
                    });
                }
            }
            None => {
                for &o in self.ocr {
                    self.b.data.push(m.sub_cost(t, Some(o), None));
                }
            }
        }
        self.b.data.extend([f32::INFINITY; 2]);
        for (w, &known) in self.ocr.windows(2).zip(&self.b.pair_known) {
            // An OCR pair no rewrite prints misses `sub` for every truth.
            self.b.data.push(if known {
                m.sub_cost(t, Some(w[0]), Some(w[1]))
            } else {
                12.0
            });
        }
        self.b.rows.push((t, at));
        if let Some(ti) = dense {
            self.b.dense_rows[ti] = at as u32;
        }
        at
    }

    /// Cheapest alignment cost of `truth` printed as the OCR token.
    ///
    /// Row `i` of the alignment table depends only on `truth[..i]`, so the
    /// rows of the prefix `truth` shares with the previous call are reused.
    pub fn cost(&mut self, truth: &[char]) -> f32 {
        let (n, m) = (truth.len(), self.ocr.len());
        let w = m + 1;
        let mut d = std::mem::take(&mut self.b.dp);
        let shared = if d.is_empty() {
            // Row 0: OCR characters inserted before any true one.
            d.resize(w, f32::INFINITY);
            d[0] = 0.0;
            for j in 1..=m {
                d[j] = d[j - 1] + self.b.ins[j - 1];
            }
            0
        } else {
            self.b
                .prev
                .iter()
                .zip(truth)
                .take_while(|(a, b)| a == b)
                .count()
        };
        if d.len() < (n + 1) * w {
            d.resize((n + 1) * w, f32::INFINITY);
        }
        // Every entry of rows `shared + 1 ..= n` is written below before it is read.
        for i in shared + 1..=n {
            let r = self.row(truth[i - 1]);
            let ins = &self.b.ins[..m];
            let row = &self.b.data[r..r + 2 * m + 2];
            let (del, sub1, sub2) = (row[0], &row[1..=m], &row[m + 1..]);
            let (above, below) = d.split_at_mut(i * w);
            let (prev, cur) = (&above[(i - 1) * w..], &mut below[..w]);
            let mut left = prev[0] + del;
            cur[0] = left;
            for j in 1..=m {
                let mut best = min(prev[j] + del, left + ins[j - 1]);
                best = min(best, prev[j - 1] + sub1[j - 1]);
                if j > 1 {
                    best = min(best, prev[j - 2] + sub2[j]);
                }
                cur[j] = best;
                left = best;
            }
        }
        let out = d[n * w + m];
        self.b.dp = d;
        self.b.prev.clear();
        self.b.prev.extend_from_slice(truth);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rw(t: char, o: &str, count: u32) -> Rewrite {
        Rewrite {
            truth: t,
            ocr: o.to_owned(),
            count,
        }
    }

    #[test]
    fn lookalike_masks_match_the_groups() {
        let chars: Vec<char> = LOOKALIKES
            .iter()
            .flat_map(|g| g.chars())
            .chain(['a', 'x', 'ố', 'Ơ', 'đ', 'Đ', '€', '7', ' '])
            .collect();
        for &a in &chars {
            for &b in &chars {
                let (a, b) = (base_of(a), base_of(b));
                let slow = LOOKALIKES.iter().any(|g| g.contains(a) && g.contains(b));
                assert_eq!(lookalike_bases(a, b), slow, "{a} {b}");
            }
        }
    }

    #[test]
    fn learned_costs_rank_candidates() {
        let m = ChannelModel::from_rewrites(&[
            rw('ủ', "ii", 50),
            rw('ủ', "u", 50),
            rw('c', "c", 500),
            rw('a', "a", 500),
            rw('u', "u", 500),
        ]);
        let cost = |t: &str, o: &str| {
            let t: Vec<char> = t.chars().collect();
            let o: Vec<char> = o.chars().collect();
            m.token_cost(&t, &o)
        };
        assert!(cost("của", "ciia") < cost("cua", "ciia"));
        let ocr: Vec<char> = "ciia".chars().collect();
        let mut coster = m.coster(&ocr);
        for t in ["của", "cua", "ca", "", "ciiaa", "ciia", "c", "của", "củaa"] {
            let tc: Vec<char> = t.chars().collect();
            assert_eq!(coster.cost(&tc), cost(t, "ciia"), "{t}");
        }
        assert!(cost("cua", "cua") < cost("của", "cua"));
        // Buffers handed from token to token, and from model to model, give
        // the same costs as fresh ones.
        let other = ChannelModel::from_rewrites(&[rw('o', "6", 30), rw('ơ', "o", 10)]);
        let mut buffers = CosterBuffers::default();
        for (model, token) in [(&m, "ciia"), (&other, "c6"), (&m, "cua"), (&other, "ciia")] {
            let o: Vec<char> = token.chars().collect();
            let mut coster = model.coster_with(&o, buffers);
            for t in ["của", "cơ", "co", "cua", "", "ciia"] {
                let tc: Vec<char> = t.chars().collect();
                assert_eq!(coster.cost(&tc), model.token_cost(&tc, &o), "{token} {t}");
            }
            buffers = coster.into_buffers();
        }
        assert!(m
            .sources('i', Some('i'))
            .iter()
            .any(|&(b, _)| b == Some('u')));
    }
}
