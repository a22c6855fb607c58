//! A candidate cache shared across documents and threads.
//!
//! Candidate generation depends only on the token and the lexicon, and the
//! tokens of a collection repeat heavily, so a batch computes each distinct
//! token's candidates once. The cache only memoizes a pure function: output is
//! the same with or without it, whatever the thread count. It stops growing at
//! its capacity (entries are never evicted, which keeps it lock-light and
//! deterministic), so memory stays bounded on any collection.

use super::candidates::{self, Candidate};
use super::codes::{self, CodeSlot, RankedCodes};
use super::decode::TransitionStore;
use super::reading;
use crate::lexicon::Lexicon;
use rustc_hash::FxHashMap;
use std::hash::{BuildHasher, BuildHasherDefault};
use std::sync::{Arc, RwLock};

const SHARDS: usize = 16;

/// Default number of tokens a cache holds: with up to 24 candidates of 12
/// bytes each plus key and table overhead, about 350 bytes a token, so about
/// 70 MB at most.
pub const DEFAULT_CAPACITY: usize = 200_000;

type Shard = FxHashMap<Box<str>, Arc<[Candidate]>>;

type CodeMap = FxHashMap<(Box<str>, CodeSlot), Arc<RankedCodes>>;

/// Most words whose split into two glued syllables a cache keeps (a word,
/// its answer and table overhead: well under 100 bytes each).
pub const GLUED_CAPACITY: usize = 200_000;

/// Most code-like tokens whose code rankings a cache keeps (each a few
/// hundred bytes at most).
pub const CODE_CAPACITY: usize = 50_000;

/// Memoized [`candidates::generate`], safe to share between threads.
pub struct CandidateCache {
    shards: Vec<RwLock<Shard>>,
    per_shard: usize,
    transitions: TransitionStore,
    codes: RwLock<CodeMap>,
    glued: RwLock<FxHashMap<Box<str>, Option<usize>>>,
}

impl std::fmt::Debug for CandidateCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CandidateCache")
            .field("len", &self.len())
            .finish()
    }
}

impl Default for CandidateCache {
    fn default() -> Self {
        CandidateCache::new(DEFAULT_CAPACITY)
    }
}

impl CandidateCache {
    /// A cache holding at most about `capacity` tokens.
    pub fn new(capacity: usize) -> Self {
        CandidateCache {
            shards: (0..SHARDS).map(|_| RwLock::new(Shard::default())).collect(),
            per_shard: capacity.div_ceil(SHARDS),
            transitions: TransitionStore::default(),
            codes: RwLock::default(),
            glued: RwLock::default(),
        }
    }

    /// Memoized [`codes::rank_codes`] of `token` in `slot` (at most
    /// [`CODE_CAPACITY`] tokens are kept).
    pub fn ranked_codes(&self, lex: &Lexicon, token: &str, slot: CodeSlot) -> Arc<RankedCodes> {
        let key = (Box::<str>::from(token), slot);
        if let Ok(m) = self.codes.read() {
            if let Some(r) = m.get(&key) {
                return Arc::clone(r);
            }
        }
        let ranked = Arc::new(codes::rank_codes(lex, token, slot));
        let mut m = self.codes.write().unwrap_or_else(|e| e.into_inner());
        if m.len() < CODE_CAPACITY {
            m.entry(key).or_insert_with(|| Arc::clone(&ranked));
        }
        ranked
    }

    /// Memoized [`reading::glued_syllables`] of word `w`, the halves'
    /// costs asked of this cache (at most [`GLUED_CAPACITY`] words are kept).
    pub(super) fn glued(&self, lex: &Lexicon, w: &str) -> Option<usize> {
        if let Ok(m) = self.glued.read() {
            if let Some(&cut) = m.get(w) {
                return cut;
            }
        }
        // The fallback's readings of a token the channel read as no
        // syllable do not make it one: `thixa` is `thị xã` glued.
        let best = |key: &str| {
            self.get(lex, key)
                .iter()
                .filter(|c| !c.wild)
                .map(|c| c.cost)
                .reduce(f32::min)
        };
        let cut = reading::glued_syllables(w, &best);
        let mut m = self.glued.write().unwrap_or_else(|e| e.into_inner());
        if m.len() < GLUED_CAPACITY {
            m.entry(w.into()).or_insert(cut);
        }
        cut
    }

    /// The decoder's transition matrices, shared like the candidates (with
    /// bounds of their own: see [`TransitionStore`]).
    pub fn transitions(&self) -> &TransitionStore {
        &self.transitions
    }

    /// Number of cached tokens.
    pub fn len(&self) -> usize {
        self.shards
            .iter()
            .map(|s| s.read().map_or(0, |m| m.len()))
            .sum()
    }

    /// Is the cache empty?
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Candidates for the lower-case token `key`, computed on first use.
    pub fn get(&self, lex: &Lexicon, key: &str) -> Arc<[Candidate]> {
        let h = BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(key);
        let shard = &self.shards[(h >> 60) as usize % SHARDS];
        if let Ok(m) = shard.read() {
            if let Some(c) = m.get(key) {
                return Arc::clone(c);
            }
        }
        let chars: Vec<char> = key.chars().collect();
        let cands: Arc<[Candidate]> = candidates::generate(lex, &chars).into();
        // A poisoned lock only means another thread panicked mid-insert of a
        // pure value: the map is still valid, so keep using it.
        let mut m = shard.write().unwrap_or_else(|e| e.into_inner());
        if m.len() < self.per_shard {
            m.entry(key.into()).or_insert_with(|| Arc::clone(&cands));
        }
        cands
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranked_codes_are_memoized_answers() {
        let lex =
            Lexicon::load(&crate::lexicon::default_dir()).unwrap_or_else(|_| Lexicon::empty());
        let cache = CandidateCache::default();
        for _ in 0..2 {
            for (token, slot) in [
                ("0D", CodeSlot::Type),
                ("HPND", CodeSlot::Free),
                ("UBND", CodeSlot::Symbol),
            ] {
                assert_eq!(
                    *cache.ranked_codes(&lex, token, slot),
                    codes::rank_codes(&lex, token, slot)
                );
            }
        }
    }

    #[test]
    fn glued_splits_are_memoized_answers() {
        let lex =
            Lexicon::load(&crate::lexicon::default_dir()).unwrap_or_else(|_| Lexicon::empty());
        let cache = CandidateCache::default();
        let direct = CandidateCache::default();
        let best = |key: &str| {
            direct
                .get(&lex, key)
                .iter()
                .filter(|c| !c.wild)
                .map(|c| c.cost)
                .reduce(f32::min)
        };
        for _ in 0..2 {
            for w in ["yéucau", "quyétdinh", "HOitham", "Kennet", "CCHC", "tỉnh"] {
                assert_eq!(
                    cache.glued(&lex, w),
                    reading::glued_syllables(w, &best),
                    "{w}"
                );
            }
        }
    }

    #[test]
    fn capacity_bounds_growth_but_not_answers() {
        let lex = Lexicon::empty();
        let cache = CandidateCache::new(SHARDS); // one entry per shard
        let keys: Vec<String> = (0..200).map(|i| format!("k{i}")).collect();
        for k in &keys {
            cache.get(&lex, k);
        }
        assert!(cache.len() <= SHARDS);
        assert!(!cache.is_empty());
        for k in &keys {
            let chars: Vec<char> = k.chars().collect();
            assert_eq!(
                &*cache.get(&lex, k),
                &candidates::generate(&lex, &chars)[..]
            );
        }
    }
}
