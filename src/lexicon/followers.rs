//! A table of byte values keyed by word pairs, grouped by the first word.
//!
//! Each context word `v` owns a small open-addressing region of the slot
//! array, keyed by the second word `w`; regions are laid out one after the
//! other, so all the lookups that follow one word (a row of the decoder's
//! transition matrix) touch a few neighbouring cache lines instead of one
//! random line each in a table far larger than the cache.
//!
//! Invariants: `starts` has one entry per context id plus one; the region of
//! `v` is `slots[starts[v]..starts[v + 1]]`, its length zero or a power of
//! two, at most half full, so every probe run ends at an empty slot. A slot
//! holds `(w + 1) << 8 | value`, zero when empty; keys are exact (no
//! fingerprints), since `w + 1` fits the upper 24 bits.

use super::table::mix;

/// Word pairs to byte values, grouped by the first word.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FollowerTable {
    starts: Vec<u32>,
    slots: Vec<u32>,
}

/// Working buffers of [`FollowerTable::get_matrix_with`], kept between
/// calls to save allocations; their contents mean nothing between calls.
#[derive(Clone, Debug, Default)]
pub struct MatrixScratch {
    homes: Vec<usize>,
    regions: Vec<(usize, usize)>,
    first: Vec<u32>,
}

/// Largest second word a slot can hold.
pub const MAX_WORD: u32 = (1 << 24) - 2;

impl FollowerTable {
    /// Builds a table from `(v, w, value)` triples with distinct `(v, w)`
    /// and `w <= MAX_WORD`; triples breaking that are skipped. Contexts run
    /// from 0 to the largest `v`.
    pub fn build(entries: &[(u32, u32, u8)]) -> FollowerTable {
        let mut sorted: Vec<(u32, u32, u8)> = entries
            .iter()
            .copied()
            .filter(|e| e.1 <= MAX_WORD)
            .collect();
        sorted.sort_unstable_by_key(|e| (e.0, e.1));
        sorted.dedup_by_key(|e| (e.0, e.1));
        let contexts = sorted.last().map_or(0, |e| e.0 as usize + 1);
        let mut counts = vec![0usize; contexts];
        for e in &sorted {
            counts[e.0 as usize] += 1;
        }
        let mut starts = Vec::with_capacity(contexts + 1);
        let mut total = 0usize;
        for &n in &counts {
            starts.push(total as u32);
            total += region_size(n);
        }
        starts.push(total as u32);
        let mut slots = vec![0u32; total];
        for &(v, w, val) in &sorted {
            let (s, e) = (starts[v as usize] as usize, starts[v as usize + 1] as usize);
            let region = &mut slots[s..e];
            let mask = region.len() - 1;
            let mut i = home(w) & mask;
            while region[i] != 0 {
                i = (i + 1) & mask;
            }
            region[i] = ((w + 1) << 8) | val as u32;
        }
        FollowerTable { starts, slots }
    }

    /// The value stored for `(v, w)`, if any.
    #[inline]
    pub fn get(&self, v: u32, w: u32) -> Option<u8> {
        self.region(v).and_then(|r| probe(r, w))
    }

    /// The values stored for every pair of `vs` × `ws`, row by row
    /// (`out[a * ws.len() + c]` is `get(vs[a], ws[c])`).
    pub fn get_matrix(&self, vs: &[u32], ws: &[u32], out: &mut Vec<Option<u8>>) {
        self.get_matrix_with(vs, ws, &mut MatrixScratch::default(), out);
    }

    /// [`get_matrix`](Self::get_matrix) with caller-owned working buffers,
    /// so that repeated calls allocate nothing.
    pub fn get_matrix_with(
        &self,
        vs: &[u32],
        ws: &[u32],
        scratch: &mut MatrixScratch,
        out: &mut Vec<Option<u8>>,
    ) {
        out.clear();
        self.for_each_in_matrix(vs, ws, scratch, |_, _, found| out.push(found));
    }

    /// Calls `f(a, c, get(vs[a], ws[c]))` for every pair of `vs` × `ws`, row
    /// by row (`a` in order, and within a row `c` in order), with
    /// caller-owned working buffers.
    ///
    /// The home slots of all pairs are read first, in one branch-free pass,
    /// so their cache misses overlap; only the pairs whose home slot holds
    /// another word then walk the rest of their probe run.
    #[inline]
    pub fn for_each_in_matrix(
        &self,
        vs: &[u32],
        ws: &[u32],
        scratch: &mut MatrixScratch,
        mut f: impl FnMut(usize, usize, Option<u8>),
    ) {
        let MatrixScratch {
            homes,
            regions,
            first,
        } = scratch;
        homes.clear();
        homes.extend(ws.iter().map(|&w| home(w)));
        regions.clear();
        regions.extend(vs.iter().map(|&v| self.region_range(v)));
        first.clear();
        for &(s, e) in regions.iter() {
            let r = &self.slots[s..e];
            match r.len().checked_sub(1) {
                Some(mask) => first.extend(homes.iter().map(|&h| r[h & mask])),
                None => first.resize(first.len() + ws.len(), 0),
            }
        }
        let mut at = first.iter();
        for (a, &(s, e)) in regions.iter().enumerate() {
            let r = &self.slots[s..e];
            let mask = r.len().wrapping_sub(1);
            for (c, (&w, &h)) in ws.iter().zip(homes.iter()).enumerate() {
                let x = at.next().copied().unwrap_or(0);
                f(
                    a,
                    c,
                    match w.checked_add(1) {
                        _ if x == 0 => None,
                        Some(want) if x >> 8 == want => Some(x as u8),
                        Some(_) => probe_at(r, w, (h & mask).wrapping_add(1) & mask),
                        None => None,
                    },
                );
            }
        }
    }

    /// Calls `f(a * ws.len() + c, value)` for every pair `(vs[a], ws[c])`
    /// the table holds, in row order; the pairs it lacks are skipped. The
    /// values are those of [`for_each_in_matrix`](Self::for_each_in_matrix).
    ///
    /// One pass per row: each pair's home slot is read and, when it holds
    /// another word, the rest of its probe run walked (most home slots are
    /// empty, most rows' regions small).
    #[inline]
    pub fn for_each_kept_in_matrix(
        &self,
        vs: &[u32],
        ws: &[u32],
        scratch: &mut MatrixScratch,
        mut f: impl FnMut(usize, u8),
    ) {
        let homes = &mut scratch.homes;
        homes.clear();
        homes.extend(ws.iter().map(|&w| home(w)));
        let nc = ws.len();
        for (a, &v) in vs.iter().enumerate() {
            let (s, e) = self.region_range(v);
            let r = &self.slots[s..e];
            let Some(mask) = r.len().checked_sub(1) else {
                continue;
            };
            for (c, (&w, &h)) in ws.iter().zip(homes.iter()).enumerate() {
                let x = r[h & mask];
                if x == 0 {
                    continue;
                }
                let Some(want) = w.checked_add(1) else {
                    continue;
                };
                let found = if x >> 8 == want {
                    Some(x as u8)
                } else {
                    probe_at(r, w, (h & mask).wrapping_add(1) & mask)
                };
                if let Some(q) = found {
                    f(a * nc + c, q);
                }
            }
        }
    }

    /// The slot range of context `v`'s region, empty when it has no entries.
    #[inline]
    fn region_range(&self, v: u32) -> (usize, usize) {
        match (self.starts.get(v as usize), self.starts.get(v as usize + 1)) {
            (Some(&s), Some(&e)) if s <= e && e as usize <= self.slots.len() => {
                (s as usize, e as usize)
            }
            _ => (0, 0),
        }
    }

    /// The region of context `v`, or `None` when it has no entries.
    #[inline]
    fn region(&self, v: u32) -> Option<&[u32]> {
        let s = *self.starts.get(v as usize)? as usize;
        let e = *self.starts.get(v as usize + 1)? as usize;
        self.slots.get(s..e).filter(|r| !r.is_empty())
    }

    /// Number of slots over all regions.
    pub fn slots(&self) -> usize {
        self.slots.len()
    }

    /// Serializes as `contexts + 1: u64`, the region starts, `slots: u64`,
    /// the slots, all little-endian `u32`.
    pub fn write_to(&self, out: &mut Vec<u8>) {
        for part in [&self.starts, &self.slots] {
            out.extend_from_slice(&(part.len() as u64).to_le_bytes());
            for x in part.iter() {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
    }

    /// Reads a table written by [`write_to`](Self::write_to) from the front
    /// of `buf`; returns it and the rest, or `None` if `buf` is malformed
    /// (including regions that break the invariants).
    pub fn read_from(buf: &[u8]) -> Option<(FollowerTable, &[u8])> {
        let (starts, rest) = read_u32s(buf)?;
        let (slots, rest) = read_u32s(rest)?;
        let well_formed = starts.first().is_none_or(|&s| s == 0)
            && starts.last().is_none_or(|&e| e as usize == slots.len())
            && starts.windows(2).all(|p| {
                p[0] <= p[1] && {
                    let n = p[1] - p[0];
                    n == 0 || n.is_power_of_two()
                }
            });
        if !well_formed || (starts.is_empty() && !slots.is_empty()) {
            return None;
        }
        // A full region would make a probe run forever.
        let table = FollowerTable { starts, slots };
        let full = table.starts.windows(2).any(|p| {
            p[0] < p[1]
                && table.slots[p[0] as usize..p[1] as usize]
                    .iter()
                    .all(|&x| x != 0)
        });
        (!full).then_some((table, rest))
    }
}

/// Slots for a region of `n` entries: a power of two, at most half full.
fn region_size(n: usize) -> usize {
    if n == 0 {
        0
    } else {
        (2 * n).next_power_of_two()
    }
}

#[inline]
fn home(w: u32) -> usize {
    mix(w as u64) as usize
}

#[inline]
fn probe(region: &[u32], w: u32) -> Option<u8> {
    probe_at(region, w, home(w) & (region.len() - 1))
}

/// Looks `w` up in `region` starting at slot `i` (its home slot).
#[inline]
fn probe_at(region: &[u32], w: u32, mut i: usize) -> Option<u8> {
    let mask = region.len() - 1;
    let want = w.checked_add(1)?;
    loop {
        let x = region[i];
        if x == 0 {
            return None;
        }
        if x >> 8 == want {
            return Some(x as u8);
        }
        i = (i + 1) & mask;
    }
}

fn read_u32s(buf: &[u8]) -> Option<(Vec<u32>, &[u8])> {
    let n = u64::from_le_bytes(buf.get(..8)?.try_into().ok()?) as usize;
    let bytes = n.checked_mul(4)?;
    let body = buf.get(8..8usize.checked_add(bytes)?)?;
    let v = body
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    Some((v, &buf[8 + bytes..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<(u32, u32, u8)> {
        let mut e = Vec::new();
        for v in [0u32, 3, 4, 9] {
            for k in 0..(v * 13 + 1) {
                e.push((v, k * 7 + v, (k % 200) as u8));
            }
        }
        e
    }

    #[test]
    fn lookups_roundtrip() {
        let entries = sample();
        let t = FollowerTable::build(&entries);
        let mut buf = Vec::new();
        t.write_to(&mut buf);
        buf.extend_from_slice(b"tail");
        let (t2, rest) = FollowerTable::read_from(&buf).expect("well formed");
        assert_eq!(rest, b"tail");
        assert_eq!(t2, t);
        for &(v, w, val) in &entries {
            assert_eq!(t2.get(v, w), Some(val));
        }
        // Absent pairs: other followers, contexts without entries, contexts
        // past the end.
        assert_eq!(t2.get(3, 1), None);
        assert_eq!(t2.get(1, 0), None);
        assert_eq!(t2.get(99, 0), None);
        let ws: Vec<u32> = (0..60).collect();
        let mut row = Vec::new();
        t2.get_matrix(&[4], &ws, &mut row);
        let one_by_one: Vec<Option<u8>> = ws.iter().map(|&w| t2.get(4, w)).collect();
        assert_eq!(row, one_by_one);
        assert!(row.iter().any(Option::is_some));
        t2.get_matrix(&[7], &ws, &mut row);
        assert!(row.iter().all(Option::is_none));
        let vs = [4u32, 7, 0, 99];
        let mut m = Vec::new();
        t2.get_matrix(&vs, &ws, &mut m);
        let expect: Vec<Option<u8>> = vs
            .iter()
            .flat_map(|&v| ws.iter().map(move |&w| (v, w)))
            .map(|(v, w)| t2.get(v, w))
            .collect();
        assert_eq!(m, expect);
        // The kept pairs alone, at their row-major index (ids at the end of
        // the range too).
        let ws: Vec<u32> = (0..60).chain([u32::MAX - 1, u32::MAX]).collect();
        let mut kept = vec![None; vs.len() * ws.len()];
        t2.for_each_kept_in_matrix(&vs, &ws, &mut MatrixScratch::default(), |i, q| {
            kept[i] = Some(q);
        });
        let mut all = Vec::new();
        t2.get_matrix(&vs, &ws, &mut all);
        assert_eq!(kept, all);
        assert!(all.iter().any(Option::is_some));
    }

    #[test]
    fn regions_are_at_most_half_full() {
        let t = FollowerTable::build(&sample());
        for p in t.starts.windows(2) {
            let r = &t.slots[p[0] as usize..p[1] as usize];
            let used = r.iter().filter(|&&x| x != 0).count();
            assert!(r.is_empty() || used * 2 <= r.len(), "{used} of {}", r.len());
        }
    }

    #[test]
    fn malformed_is_none() {
        assert!(FollowerTable::read_from(&[1, 2]).is_none());
        // Starts that do not cover the slots.
        let mut buf = Vec::new();
        FollowerTable {
            starts: vec![0, 3],
            slots: vec![0; 3],
        }
        .write_to(&mut buf);
        assert!(FollowerTable::read_from(&buf).is_none());
        // A full region.
        buf.clear();
        FollowerTable {
            starts: vec![0, 2],
            slots: vec![1 << 8, 2 << 8],
        }
        .write_to(&mut buf);
        assert!(FollowerTable::read_from(&buf).is_none());
        let empty = FollowerTable::build(&[]);
        assert_eq!(empty.get(0, 0), None);
    }
}
