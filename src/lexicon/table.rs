//! A compact, load-in-place hash table from 64-bit keys to one byte.
//!
//! Keys are not stored: each slot holds a 32-bit fingerprint of the key (never
//! zero; zero marks an empty slot) and a one-byte value. Lookups of keys that
//! were never inserted return `None` except for a ~2⁻³² chance per probe of a
//! fingerprint collision, which is harmless for a language model. The table
//! is written and read as raw little-endian arrays, so loading is a copy.

/// Mixes a 64-bit key (splitmix64 finalizer).
#[inline]
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// An open-addressing table of fingerprints and byte values.
#[derive(Clone, Debug, Default)]
pub struct FingerprintTable {
    fps: Vec<u32>,
    vals: Vec<u8>,
    mask: usize,
}

impl FingerprintTable {
    /// Builds a table holding `entries` (keys must be distinct) at ≤ 80 % load.
    pub fn build(entries: &[(u64, u8)]) -> FingerprintTable {
        Self::build_with_load(entries, 0.8)
    }

    /// Builds a table holding `entries` at ≤ `max_load` (in (0, 1)): a lower
    /// load makes lookups of absent keys shorter (linear probing scans to the
    /// next empty slot) at the cost of space.
    pub fn build_with_load(entries: &[(u64, u8)], max_load: f64) -> FingerprintTable {
        let max_load = max_load.clamp(0.05, 0.95);
        let want = (entries.len() as f64 / max_load).ceil() as usize + 1;
        let size = want.next_power_of_two().max(16);
        let mut fps = vec![0u32; size];
        let mut vals = vec![0u8; size];
        let mask = size - 1;
        for &(key, val) in entries {
            let h = mix(key);
            let fp = fingerprint(h);
            let mut i = (h as usize) & mask;
            while fps[i] != 0 {
                i = (i + 1) & mask;
            }
            fps[i] = fp;
            vals[i] = val;
        }
        FingerprintTable { fps, vals, mask }
    }

    /// The value stored for `key`, if any.
    #[inline]
    pub fn get(&self, key: u64) -> Option<u8> {
        if self.fps.is_empty() {
            return None;
        }
        let h = mix(key);
        let fp = fingerprint(h);
        let mut i = (h as usize) & self.mask;
        loop {
            let f = self.fps[i];
            if f == fp {
                return Some(self.vals[i]);
            }
            if f == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Number of slots (a power of two).
    pub fn slots(&self) -> usize {
        self.fps.len()
    }

    /// Serializes as `slots: u64`, then fingerprints, then values.
    pub fn write_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.fps.len() as u64).to_le_bytes());
        for f in &self.fps {
            out.extend_from_slice(&f.to_le_bytes());
        }
        out.extend_from_slice(&self.vals);
    }

    /// Reads a table written by [`write_to`](Self::write_to) from the front of
    /// `buf`; returns it and the rest of `buf`, or `None` if `buf` is malformed.
    pub fn read_from(buf: &[u8]) -> Option<(FingerprintTable, &[u8])> {
        let n = u64::from_le_bytes(buf.get(..8)?.try_into().ok()?) as usize;
        if n != 0 && !n.is_power_of_two() {
            return None;
        }
        let fp_bytes = n.checked_mul(4)?;
        let body = buf.get(8..)?;
        let fps_raw = body.get(..fp_bytes)?;
        let vals = body.get(fp_bytes..fp_bytes.checked_add(n)?)?.to_vec();
        let fps = fps_raw
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let rest = &body[fp_bytes + n..];
        Some((
            FingerprintTable {
                fps,
                vals,
                mask: n.saturating_sub(1),
            },
            rest,
        ))
    }
}

#[inline]
fn fingerprint(h: u64) -> u32 {
    ((h >> 32) as u32) | 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_and_lookup() {
        let entries: Vec<(u64, u8)> = (0..1000u64).map(|k| (k * 7919, (k % 251) as u8)).collect();
        let t = FingerprintTable::build(&entries);
        let mut buf = Vec::new();
        t.write_to(&mut buf);
        buf.extend_from_slice(b"tail");
        let (t2, rest) = FingerprintTable::read_from(&buf).unwrap();
        assert_eq!(rest, b"tail");
        for &(k, v) in &entries {
            assert_eq!(t2.get(k), Some(v));
        }
        let misses = (0..1000u64)
            .filter(|k| t2.get(k * 7919 + 1).is_some())
            .count();
        assert_eq!(misses, 0);
    }

    #[test]
    fn malformed_is_none() {
        assert!(FingerprintTable::read_from(&[1, 2, 3]).is_none());
        let mut buf = Vec::new();
        buf.extend_from_slice(&(3u64).to_le_bytes());
        assert!(FingerprintTable::read_from(&buf).is_none());
    }
}
