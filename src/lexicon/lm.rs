//! The syllable trigram language model, in backoff form.
//!
//! `log10 P(w | u v)` is the stored trigram probability when `(u, v, w)` was
//! kept at build time, else `bow(u v) + log10 P(w | v)`, and likewise down to
//! the unigram. Probabilities come from interpolated absolute discounting with
//! Kneser–Ney continuation counts for the unigram (see `build::lm`).
//! Bigram and trigram values are quantized to one byte ([`quantize_logp`]).

use super::followers::{self, FollowerTable};
use super::table::FingerprintTable;

/// Word id. `0` is unknown, then the specials below, then the vocabulary.
pub type WordId = u32;

/// Unknown word.
pub const UNK: WordId = 0;
/// Start of segment.
pub const BOS: WordId = 1;
/// End of segment.
pub const EOS: WordId = 2;
/// Any figure (number, date, amount).
pub const NUM: WordId = 3;
/// Any word mixing letters and digits.
pub const CODE: WordId = 4;
/// A comma: kept in segments so context flows across it (`phòng, ban, đơn vị`).
pub const COMMA: WordId = 5;
/// Number of special ids.
pub const SPECIALS: usize = 6;
/// Largest id that fits the key packing.
pub const MAX_ID: WordId = (1 << 21) - 1;

/// Floor of a one-word context's log10 backoff weight as the model answers
/// queries. A frequent word's kept followers hold nearly all its mass, so a
/// follower the corpora never showed after it (`hồ sơ TTHC`, in-domain terms of
/// provincial reports that national legal text lacks) would cost it three or
/// more orders of magnitude: more than the OCR evidence for the right reading
/// can make up. The floor bounds that cost at 1.5 orders. (Chosen on a small
/// grid, measured with `vietdoc eval repair`: seeds 001/003 SER 3.99 → 3.73 %,
/// pairs 3.74 → 3.75 %, stripped 002 0.83 → 0.68 %, clean text unchanged.)
pub const WORD_BOW_FLOOR: f32 = -1.5;

/// Floor of a two-word context's log10 backoff weight (see [`WORD_BOW_FLOOR`]):
/// backing off from a trigram context costs at most one order of magnitude.
pub const CONTEXT_BOW_FLOOR: f32 = -1.0;

/// The format tag `lm.bin` starts with; bumped whenever the layout changes.
pub const FORMAT: &str = "VDLM0003";
const MAGIC: &[u8] = FORMAT.as_bytes();

/// The format tag a model file starts with, if it looks like one.
pub fn format_of(buf: &[u8]) -> Option<&str> {
    buf.get(..8)
        .and_then(|m| std::str::from_utf8(m).ok())
        .filter(|m| m.starts_with("VDLM"))
}
const LOGP_STEP: f32 = 1.0 / 16.0;
const BOW_STEP: f32 = 1.0 / 16.0;

/// Quantizes a log10 probability in [-15.9, 0] to a byte.
pub fn quantize_logp(lp: f32) -> u8 {
    ((-lp / LOGP_STEP).round()).clamp(0.0, 255.0) as u8
}

fn dequantize_logp(q: u8) -> f32 {
    -(q as f32) * LOGP_STEP
}

/// Quantizes a log10 backoff weight in [-8, 8) to a byte.
pub fn quantize_bow(b: f32) -> u8 {
    ((b / BOW_STEP).round().clamp(-128.0, 127.0) as i8) as u8
}

fn dequantize_bow(q: u8) -> f32 {
    (q as i8) as f32 * BOW_STEP
}

/// Packs a bigram into a table key (of the two-word context table, and of
/// the counts while building).
#[inline]
pub fn key2(v: WordId, w: WordId) -> u64 {
    (1u64 << 63) | ((v as u64) << 21) | w as u64
}

/// Packs a trigram into a table key.
#[inline]
pub fn key3(u: WordId, v: WordId, w: WordId) -> u64 {
    ((u as u64) << 42) | ((v as u64) << 21) | w as u64
}

/// Working buffers of [`LanguageModel::extend_bigram_matrix`], kept between
/// calls to save allocations.
#[derive(Clone, Debug, Default)]
pub struct MatrixScratch {
    table: followers::MatrixScratch,
    /// `unigram` of each column's word.
    unis: Vec<f32>,
    /// `word_bow` of each row's word.
    bows: Vec<f32>,
}

/// A loaded language model.
#[derive(Clone, Debug, Default)]
pub struct LanguageModel {
    /// log10 P(w) per id.
    pub uni: Vec<f32>,
    /// log10 backoff weight of each id as a one-word context.
    pub uni_bow: Vec<f32>,
    /// Quantized log10 P(w | v) for kept bigrams, grouped by `v`.
    pub bi: FollowerTable,
    /// Quantized log10 backoff weight of kept two-word contexts.
    pub bi_bow: FingerprintTable,
    /// Quantized log10 P(w | u v) for kept trigrams.
    pub tri: FingerprintTable,
}

impl LanguageModel {
    /// log10 P(w | v).
    #[inline]
    pub fn bigram(&self, v: WordId, w: WordId) -> f32 {
        if let Some(q) = self.bi.get(v, w) {
            return dequantize_logp(q);
        }
        self.word_bow(v) + self.unigram(w)
    }

    /// log10 P(w | v) when the model kept the bigram `v w` (the corpora
    /// print it often enough), `None` where [`bigram`](Self::bigram) backs
    /// off.
    #[inline]
    pub fn kept_bigram(&self, v: WordId, w: WordId) -> Option<f32> {
        self.bi.get(v, w).map(dequantize_logp)
    }

    /// log10 backoff weight of the one-word context `v`, floored at
    /// [`WORD_BOW_FLOOR`].
    #[inline]
    fn word_bow(&self, v: WordId) -> f32 {
        self.uni_bow
            .get(v as usize)
            .copied()
            .unwrap_or(0.0)
            .max(WORD_BOW_FLOOR)
    }

    /// log10 P(w | v) for every pair of `vs` × `ws`, row by row
    /// (`out[a * ws.len() + c]` is `bigram(vs[a], ws[c])`).
    pub fn bigram_matrix(&self, vs: &[WordId], ws: &[WordId], out: &mut Vec<f32>) {
        out.clear();
        self.extend_bigram_matrix(vs, ws, &mut MatrixScratch::default(), out);
    }

    /// Appends the values of [`bigram_matrix`](Self::bigram_matrix) to
    /// `out`, with caller-owned working buffers.
    pub fn extend_bigram_matrix(
        &self,
        vs: &[WordId],
        ws: &[WordId],
        scratch: &mut MatrixScratch,
        out: &mut Vec<f32>,
    ) {
        self.extend_scaled_bigram_matrix(vs, ws, 1.0, scratch, out);
    }

    /// Appends `scale · bigram(vs[a], ws[c])` for every pair of `vs` × `ws`,
    /// row by row, to `out`: each value is the product of `scale` and the
    /// value [`bigram`](Self::bigram) returns (one rounding, so it equals
    /// `scale * self.bigram(v, w)` bit for bit).
    pub fn extend_scaled_bigram_matrix(
        &self,
        vs: &[WordId],
        ws: &[WordId],
        scale: f32,
        scratch: &mut MatrixScratch,
        out: &mut Vec<f32>,
    ) {
        let MatrixScratch { table, unis, bows } = scratch;
        unis.clear();
        unis.extend(ws.iter().map(|&w| self.unigram(w)));
        bows.clear();
        bows.extend(vs.iter().map(|&v| self.word_bow(v)));
        // Every pair backed off first, in one pass the compiler vectorizes;
        // then the kept bigrams replace theirs.
        let start = out.len();
        out.reserve(vs.len() * ws.len());
        for &bow in bows.iter() {
            out.extend(unis.iter().map(|&u| scale * (bow + u)));
        }
        let cells = &mut out[start..];
        self.bi.for_each_kept_in_matrix(vs, ws, table, |i, q| {
            if let Some(cell) = cells.get_mut(i) {
                *cell = scale * dequantize_logp(q);
            }
        });
    }

    /// log10 P(w).
    #[inline]
    pub fn unigram(&self, w: WordId) -> f32 {
        self.uni.get(w as usize).copied().unwrap_or(-8.0)
    }

    /// The log10 backoff weight of the two-word context `u v` (floored at
    /// [`CONTEXT_BOW_FLOOR`]), or `None` when no trigram with that context was kept.
    ///
    /// Invariant (from the build): every kept trigram `(u, v, w)` has a stored
    /// context weight, so `None` means `P(w | u v) = P(w | v)` for every `w`.
    #[inline]
    pub fn context(&self, u: WordId, v: WordId) -> Option<f32> {
        self.bi_bow
            .get(key2(u, v))
            .map(|b| dequantize_bow(b).max(CONTEXT_BOW_FLOOR))
    }

    /// log10 P(w | u v) given the context weight from [`context`](Self::context)
    /// and `P(w | v)` from [`bigram`](Self::bigram): one table probe.
    #[inline]
    pub fn trigram_in_context(
        &self,
        u: WordId,
        v: WordId,
        w: WordId,
        bow: f32,
        bigram: f32,
    ) -> f32 {
        match self.tri.get(key3(u, v, w)) {
            Some(q) => dequantize_logp(q),
            None => bow + bigram,
        }
    }

    /// log10 P(w | u v).
    #[inline]
    pub fn trigram(&self, u: WordId, v: WordId, w: WordId) -> f32 {
        if let Some(q) = self.tri.get(key3(u, v, w)) {
            return dequantize_logp(q);
        }
        let bow = self.context(u, v).unwrap_or(0.0);
        bow + self.bigram(v, w)
    }

    /// Serializes the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.uni.len() as u64).to_le_bytes());
        for x in self.uni.iter().chain(&self.uni_bow) {
            out.extend_from_slice(&x.to_le_bytes());
        }
        self.bi.write_to(&mut out);
        self.bi_bow.write_to(&mut out);
        self.tri.write_to(&mut out);
        out
    }

    /// Reads a model written by [`to_bytes`](Self::to_bytes).
    pub fn from_bytes(buf: &[u8]) -> Option<LanguageModel> {
        let rest = buf.strip_prefix(MAGIC)?;
        let n = u64::from_le_bytes(rest.get(..8)?.try_into().ok()?) as usize;
        let floats = rest.get(8..8 + n.checked_mul(8)?)?;
        let mut vals = floats
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]));
        let uni: Vec<f32> = vals.by_ref().take(n).collect();
        let uni_bow: Vec<f32> = vals.collect();
        let rest = &rest[8 + n * 8..];
        let (bi, rest) = FollowerTable::read_from(rest)?;
        let (bi_bow, rest) = FingerprintTable::read_from(rest)?;
        let (tri, rest) = FingerprintTable::read_from(rest)?;
        if !rest.is_empty() {
            return None;
        }
        Some(LanguageModel {
            uni,
            uni_bow,
            bi,
            bi_bow,
            tri,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantization_roundtrips_closely() {
        for lp in [0.0f32, -0.3, -2.71, -9.99] {
            assert!((dequantize_logp(quantize_logp(lp)) - lp).abs() <= LOGP_STEP / 2.0 + 1e-6);
        }
        for b in [-3.2f32, 0.0, 1.7] {
            assert!((dequantize_bow(quantize_bow(b)) - b).abs() <= BOW_STEP / 2.0 + 1e-6);
        }
    }

    #[test]
    fn backoff_order() {
        let bi = FollowerTable::build(&[(5, 6, quantize_logp(-0.5))]);
        let tri = FingerprintTable::build(&[(key3(7, 5, 6), quantize_logp(-0.25))]);
        let lm = LanguageModel {
            uni: vec![-3.0; 8],
            uni_bow: vec![-1.0; 8],
            bi,
            bi_bow: FingerprintTable::build(&[(key2(7, 7), quantize_bow(-2.0))]),
            tri,
        };
        assert_eq!(lm.trigram(7, 5, 6), -0.25);
        assert_eq!(lm.trigram(1, 5, 6), -0.5);
        assert_eq!(lm.trigram(1, 6, 5), -4.0);
        // The stored context weight -2 is answered at its floor.
        assert_eq!(lm.trigram(7, 7, 5), CONTEXT_BOW_FLOOR - 4.0);
        let bytes = lm.to_bytes();
        assert_eq!(format_of(&bytes), Some(FORMAT));
        let back = LanguageModel::from_bytes(&bytes).unwrap();
        assert_eq!(back.trigram(7, 5, 6), -0.25);
        assert_eq!(back.trigram(7, 7, 5), CONTEXT_BOW_FLOOR - 4.0);
        // A word's backoff weight below the floor is answered at the floor.
        let mut steep = back;
        steep.uni_bow[3] = -4.0;
        assert_eq!(steep.bigram(3, 5), WORD_BOW_FLOOR - 3.0);
        let mut m = Vec::new();
        steep.bigram_matrix(&[3, 5], &[5, 6], &mut m);
        assert_eq!(m, [WORD_BOW_FLOOR - 3.0, WORD_BOW_FLOOR - 3.0, -4.0, -0.5]);
    }

    #[test]
    fn scaled_matrix_is_the_scaled_bigram_bit_for_bit() {
        let entries: Vec<(u32, u32, u8)> = (0..40u32)
            .flat_map(|v| (0..40u32).map(move |w| (v, w)))
            .filter(|&(v, w)| (v * 7 + w * 3) % 5 == 0)
            .map(|(v, w)| (v, w, ((v * 31 + w * 17) % 256) as u8))
            .collect();
        let lm = LanguageModel {
            uni: (0..40).map(|i| -1.0 - i as f32 * 0.173).collect(),
            uni_bow: (0..40).map(|i| 0.5 - i as f32 * 0.0731).collect(),
            bi: FollowerTable::build(&entries),
            bi_bow: FingerprintTable::build(&[]),
            tri: FingerprintTable::build(&[]),
        };
        // Ids past the vocabulary and the table too.
        let vs: Vec<WordId> = (0..45).step_by(2).collect();
        let ws: Vec<WordId> = (1..45).step_by(3).collect();
        let scale = 0.8 * std::f32::consts::LN_10;
        let mut out = vec![7.0];
        lm.extend_scaled_bigram_matrix(&vs, &ws, scale, &mut MatrixScratch::default(), &mut out);
        let expect: Vec<f32> = std::iter::once(7.0)
            .chain(
                vs.iter()
                    .flat_map(|&v| ws.iter().map(move |&w| (v, w)))
                    .map(|(v, w)| scale * lm.bigram(v, w)),
            )
            .collect();
        assert_eq!(
            out.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
            expect.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
        );
        assert!(entries
            .iter()
            .any(|&(v, w, _)| vs.contains(&v) && ws.contains(&w)));
    }
}
