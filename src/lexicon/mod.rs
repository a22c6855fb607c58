//! Loading the built dictionaries (`dictionaries/`) into a read-only [`Lexicon`].
//!
//! The lexicon is built once per process and shared across threads by reference.

pub mod channel;
pub mod doc_types;
pub mod followers;
pub mod lm;
pub mod marks;
pub mod names;
pub mod provinces;
pub mod syllable;
pub mod table;
pub mod titles;
pub mod trie;

use crate::text::{viet, ToneStyle};
use channel::{ChannelModel, Rewrite};
use lm::{LanguageModel, WordId};
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use trie::SkeletonTrie;

/// Why the dictionaries could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A dictionary file could not be read.
    #[error("cannot read dictionary file {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A dictionary file is malformed.
    #[error("malformed dictionary file {path}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// The dictionaries directory used when none is given: `$VIETDOC_DICTIONARIES`,
/// else the `dictionaries/` folder of the source tree this binary was built from.
pub fn default_dir() -> PathBuf {
    if let Some(p) = std::env::var_os("VIETDOC_DICTIONARIES") {
        return PathBuf::from(p);
    }
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/dictionaries"))
}

/// The bundled dictionaries, loaded once per test binary (tests of several
/// modules read them).
#[cfg(test)]
pub(crate) fn bundled() -> &'static Lexicon {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(|| {
        Lexicon::load(&PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/dictionaries"
        )))
        .expect("bundled dictionaries")
    })
}

/// File names inside the dictionaries directory.
pub const VOCAB_FILE: &str = "vocab.tsv";
/// The n-gram model.
pub const LM_FILE: &str = "lm.bin";
/// The OCR channel model.
pub const CHANNEL_FILE: &str = "channel.jsonl";
/// The OCR channel model of Tesseract's Vietnamese model.
pub const VIE_CHANNEL_FILE: &str = "channel-vie.jsonl";
/// Abbreviations and symbol codes.
pub const CODES_FILE: &str = "codes.tsv";
/// Colon and semicolon counts after words (see [`marks`]).
pub const MARKS_FILE: &str = "marks.tsv";
/// Administrative place names.
pub const PLACES_FILE: &str = "places.txt";
/// Place names by the province they lie in ([`provinces`]).
pub const PLACE_UNITS_FILE: &str = "place-units.tsv";
/// The person-name model ([`names`]).
pub const NAMES_FILE: &str = "names.bin";

/// One vocabulary word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VocabEntry {
    /// The word in LM form ([`lm_form`]).
    pub word: String,
    /// Weighted corpus count.
    pub count: u64,
    /// Is it a Vietnamese syllable that repair may propose?
    pub syllable: bool,
}

/// The form a word takes in the language model: lower case, NFC, traditional
/// tone placement. `None` when the word is not made of Vietnamese letters.
pub fn lm_form(word: &str) -> Option<String> {
    if word.is_empty() || !word.chars().all(viet::is_viet_letter) {
        return None;
    }
    let lower = word.to_lowercase();
    let lower = match crate::text::nfc(&lower) {
        std::borrow::Cow::Owned(composed) => composed,
        std::borrow::Cow::Borrowed(_) => lower,
    };
    Some(viet::into_tone_style(lower, ToneStyle::Old))
}

/// Writes the vocabulary as `word<TAB>count<TAB>flag` lines (id order).
pub fn write_vocab(path: &Path, vocab: &[VocabEntry]) -> std::io::Result<()> {
    let mut s = String::with_capacity(vocab.len() * 16);
    for v in vocab {
        s.push_str(&v.word);
        s.push('\t');
        s.push_str(&v.count.to_string());
        s.push('\t');
        s.push(if v.syllable { 's' } else { '-' });
        s.push('\n');
    }
    std::fs::write(path, s)
}

/// All dictionary data repair needs. Built once, shared read-only.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: Vec<String>,
    ids: FxHashMap<String, WordId>,
    syllable: Vec<bool>,
    /// The same skeletons as a trie, whose nodes are exactly their prefixes.
    skeletons: SkeletonTrie,
    /// The n-gram model.
    pub lm: LanguageModel,
    /// The OCR channel model.
    pub channel: ChannelModel,
    /// The channel of an OCR that reads the marks (Tesseract's Vietnamese
    /// model): mostly a mark confused with another (`thấm` for `thẩm`).
    /// Empty in a lexicon built without one.
    pub vie_channel: ChannelModel,
    /// The person-name model: the same ids as [`lm`](Self::lm), trained on
    /// personal names only (empty in a lexicon built without one).
    pub names: LanguageModel,
    /// How often `:` and `;` end each word in clean text (empty in a
    /// lexicon built without them).
    pub marks: marks::MarkModel,
    /// Place names by province (empty in a lexicon built without them).
    pub place_units: provinces::PlaceUnits,
    codes: FxHashMap<String, (String, u64)>,
    code_skeletons: FxHashMap<String, Vec<String>>,
    places: Vec<String>,
    /// Place names by skeleton, built on first use: `Some(i)` when exactly one
    /// name (or one name after its unit word, `Xã Tịnh Hòa` → `Tịnh Hòa`) has
    /// that skeleton, `None` when several do.
    place_skeletons: std::sync::OnceLock<FxHashMap<String, Option<usize>>>,
    /// Place names without their unit word, lower case, traditional tone
    /// placement (built on first use).
    place_names: std::sync::OnceLock<rustc_hash::FxHashSet<String>>,
    /// How many place names (without unit words) hold each syllable, lower
    /// case, traditional tone placement (built on first use).
    place_syllables: std::sync::OnceLock<FxHashMap<String, u32>>,
}

/// `place` without the unit word of [`PLACE_UNITS`] it may open with.
pub(crate) fn bare_place(place: &str) -> &str {
    PLACE_UNITS
        .iter()
        .find_map(|u| place.strip_prefix(u)?.strip_prefix(' '))
        .unwrap_or(place)
}

/// Administrative unit words, which open some place names of the list
/// (`Xã Bình Đại`) and come before a place in an issuer (`XÃ TỊNH HÒA`).
pub const PLACE_UNITS: &[&str] = &[
    "Xã",
    "Phường",
    "Thị trấn",
    "Thị xã",
    "Huyện",
    "Quận",
    "Tỉnh",
    "Thành phố",
];

impl Lexicon {
    /// Loads the dictionaries from `dir`.
    pub fn load(dir: &Path) -> Result<Lexicon, LexiconError> {
        let read = |name: &str| -> Result<Vec<u8>, LexiconError> {
            let path = dir.join(name);
            std::fs::read(&path).map_err(|source| LexiconError::Io { path, source })
        };
        let bad = |name: &str, message: String| LexiconError::Format {
            path: dir.join(name),
            message,
        };
        let vocab_bytes = read(VOCAB_FILE)?;
        let vocab_text =
            std::str::from_utf8(&vocab_bytes).map_err(|e| bad(VOCAB_FILE, e.to_string()))?;
        let mut entries = Vec::new();
        for (i, line) in vocab_text.lines().enumerate() {
            let mut f = line.split('\t');
            match (f.next(), f.next(), f.next()) {
                (Some(w), Some(c), Some(flag)) => entries.push(VocabEntry {
                    word: w.to_owned(),
                    count: c
                        .parse()
                        .map_err(|_| bad(VOCAB_FILE, format!("line {}: bad count", i + 1)))?,
                    syllable: flag == "s",
                }),
                _ => {
                    return Err(bad(
                        VOCAB_FILE,
                        format!("line {}: expected 3 fields", i + 1),
                    ))
                }
            }
        }
        let model = |name: &str| -> Result<LanguageModel, LexiconError> {
            let bytes = read(name)?;
            LanguageModel::from_bytes(&bytes).ok_or_else(|| {
                bad(
                    name,
                    match lm::format_of(&bytes) {
                        Some(found) if found != lm::FORMAT => format!(
                            "model format {found}, this build reads {}: rebuild the dictionaries \
                             (vietdoc dictionaries build)",
                            lm::FORMAT
                        ),
                        _ => "corrupt model".into(),
                    },
                )
            })
        };
        let lm = model(LM_FILE)?;
        let names = model(NAMES_FILE)?;
        let channel = |name: &str| -> Result<ChannelModel, LexiconError> {
            let bytes = read(name)?;
            let text = std::str::from_utf8(&bytes).map_err(|e| bad(name, e.to_string()))?;
            let mut rewrites = Vec::new();
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                rewrites.push(
                    serde_json::from_str::<Rewrite>(line)
                        .map_err(|e| bad(name, format!("line {}: {e}", i + 1)))?,
                );
            }
            Ok(ChannelModel::from_rewrites(&rewrites))
        };
        let ocr_channel = channel(CHANNEL_FILE)?;
        let vie_channel = channel(VIE_CHANNEL_FILE)?;
        let codes_bytes = read(CODES_FILE)?;
        let codes_text = String::from_utf8_lossy(&codes_bytes);
        let mut codes = Vec::new();
        for line in codes_text.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            if let (Some(c), Some(n)) = (f.next(), f.next()) {
                codes.push((c.to_owned(), n.parse().unwrap_or(0)));
            }
        }
        let marks_bytes = read(MARKS_FILE)?;
        let marks = std::str::from_utf8(&marks_bytes)
            .map_err(|e| e.to_string())
            .and_then(marks::MarkModel::from_tsv)
            .map_err(|e| bad(MARKS_FILE, e))?;
        let places_bytes = read(PLACES_FILE)?;
        let places = String::from_utf8_lossy(&places_bytes)
            .lines()
            .map(str::to_owned)
            .collect();
        let units_bytes = read(PLACE_UNITS_FILE)?;
        let place_units = std::str::from_utf8(&units_bytes)
            .map_err(|e| e.to_string())
            .and_then(provinces::PlaceUnits::from_tsv)
            .map_err(|e| bad(PLACE_UNITS_FILE, e))?;
        let mut lex = Lexicon::from_parts(entries, lm, ocr_channel, codes);
        lex.vie_channel = vie_channel;
        lex.place_units = place_units;
        lex.places = places;
        lex.names = names;
        lex.marks = marks;
        Ok(lex)
    }

    /// Assembles a lexicon from its parts (used by [`load`](Self::load) and tests).
    pub fn from_parts(
        vocab: Vec<VocabEntry>,
        lm: LanguageModel,
        channel: ChannelModel,
        codes: Vec<(String, u64)>,
    ) -> Lexicon {
        let n = vocab.len() + lm::SPECIALS;
        let mut words = Vec::with_capacity(n);
        let mut syllable = Vec::with_capacity(n);
        for s in ["<unk>", "<s>", "</s>", "<num>", "<code>", ","] {
            words.push(s.to_owned());
            syllable.push(false);
        }
        let mut ids = FxHashMap::default();
        let mut by_skeleton: FxHashMap<String, Vec<WordId>> = FxHashMap::default();
        for v in vocab {
            let id = words.len() as WordId;
            if v.syllable {
                let sk = viet::skeleton(&v.word);
                by_skeleton.entry(sk).or_default().push(id);
            }
            ids.insert(v.word.clone(), id);
            words.push(v.word);
            syllable.push(v.syllable);
        }
        // In the trie each group is sorted by word, so that neighbours share
        // long prefixes (which `TokenCoster` reuses); callers rank candidates
        // with a total order, so the order within a group is otherwise free.
        let mut groups: Vec<(String, Vec<WordId>)> = by_skeleton
            .into_iter()
            .map(|(k, mut v)| {
                v.sort_by(|&a, &b| words[a as usize].cmp(&words[b as usize]).then(a.cmp(&b)));
                (k, v)
            })
            .collect();
        groups.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let skeletons = SkeletonTrie::build(
            groups.iter().map(|(k, v)| (k.as_str(), v.as_slice())),
            |id| words.get(id as usize).map_or("", String::as_str),
        );
        let mut code_map = FxHashMap::default();
        let mut code_skeletons: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for (c, count) in codes {
            code_skeletons
                .entry(viet::skeleton(&c))
                .or_default()
                .push(c.clone());
            code_map.insert(c.to_lowercase(), (c, count));
        }
        Lexicon {
            words,
            ids,
            syllable,
            skeletons,
            lm,
            channel,
            vie_channel: ChannelModel::from_rewrites(&[]),
            names: LanguageModel::default(),
            marks: marks::MarkModel::default(),
            place_units: provinces::PlaceUnits::default(),
            codes: code_map,
            code_skeletons,
            places: Vec::new(),
            place_skeletons: std::sync::OnceLock::new(),
            place_names: std::sync::OnceLock::new(),
            place_syllables: std::sync::OnceLock::new(),
        }
    }

    /// An empty lexicon: repair with it changes nothing.
    pub fn empty() -> Lexicon {
        Lexicon::from_parts(
            Vec::new(),
            LanguageModel::default(),
            ChannelModel::default(),
            Vec::new(),
        )
    }

    /// The id of a word in LM form, or [`lm::UNK`].
    pub fn id(&self, lm_word: &str) -> WordId {
        self.ids.get(lm_word).copied().unwrap_or(lm::UNK)
    }

    /// The word of an id.
    pub fn word(&self, id: WordId) -> &str {
        self.words.get(id as usize).map_or("<unk>", String::as_str)
    }

    /// Is the id a syllable repair may propose?
    pub fn is_syllable(&self, id: WordId) -> bool {
        self.syllable.get(id as usize).copied().unwrap_or(false)
    }

    /// Syllables whose skeleton is `skeleton`, sorted by word.
    pub fn syllables_with_skeleton(&self, skeleton: &str) -> &[WordId] {
        self.skeletons
            .find(skeleton)
            .map_or(&[], |node| self.skeletons.syllables(node))
    }

    /// Is `s` a prefix of (or equal to) some syllable skeleton?
    pub fn is_skeleton_prefix(&self, s: &str) -> bool {
        self.skeletons.find(s).is_some()
    }

    /// The syllable skeletons as a trie (its nodes are their prefixes).
    pub fn skeleton_trie(&self) -> &SkeletonTrie {
        &self.skeletons
    }

    /// A known code matching `s` case-insensitively, with its corpus count.
    pub fn code(&self, s: &str) -> Option<(&str, u64)> {
        self.codes
            .get(&s.to_lowercase())
            .map(|(c, n)| (c.as_str(), *n))
    }

    /// Every known code, canonical spelling.
    pub fn all_codes(&self) -> impl Iterator<Item = &str> {
        self.codes.values().map(|(c, _)| c.as_str())
    }

    /// Known codes whose skeleton is `skeleton`.
    pub fn codes_with_skeleton(&self, skeleton: &str) -> &[String] {
        self.code_skeletons.get(skeleton).map_or(&[], Vec::as_slice)
    }

    /// Administrative place names.
    pub fn places(&self) -> &[String] {
        &self.places
    }

    /// Does the place list hold `name` (without its unit word), up to case
    /// and tone placement?
    pub fn is_place(&self, name: &str) -> bool {
        let set = self.place_names.get_or_init(|| {
            self.places
                .iter()
                .map(|p| viet::into_tone_style(bare_place(p).to_lowercase(), ToneStyle::Old))
                .collect()
        });
        set.contains(&viet::into_tone_style(name.to_lowercase(), ToneStyle::Old))
    }

    /// How many names of the place list (without their unit words) hold
    /// `syllable` (lower case, traditional tone placement): `Lâm` is in 206,
    /// `Làm` in none.
    pub fn place_syllable_count(&self, syllable: &str) -> u32 {
        let map = self.place_syllables.get_or_init(|| {
            let mut m: FxHashMap<String, u32> = FxHashMap::default();
            for p in &self.places {
                for w in bare_place(p).split(' ') {
                    *m.entry(viet::into_tone_style(w.to_lowercase(), ToneStyle::Old))
                        .or_default() += 1;
                }
            }
            m
        });
        map.get(syllable).copied().unwrap_or(0)
    }

    /// The one place name written `name` up to marks and case (`Tinh Hoa` →
    /// `Tịnh Hòa`, `NGHIA KY` → `Nghĩa Kỳ`), without its unit word; `None`
    /// when no name or several names (`Tân An`, `Tấn An`) fit.
    pub fn place_by_skeleton(&self, name: &str) -> Option<&str> {
        let map = self.place_skeletons.get_or_init(|| {
            let mut m: FxHashMap<String, Option<usize>> = FxHashMap::default();
            for (i, p) in self.places.iter().enumerate() {
                let bare = bare_place(p);
                m.entry(viet::skeleton(bare))
                    .and_modify(|e| {
                        if e.is_some_and(|j| bare_place(&self.places[j]) != bare) {
                            *e = None;
                        }
                    })
                    .or_insert(Some(i));
            }
            m
        });
        let key = viet::skeleton(&name.split_whitespace().collect::<Vec<_>>().join(" "));
        let i = (*map.get(&key)?)?;
        Some(bare_place(&self.places[i]))
    }

    /// Number of vocabulary ids, specials included.
    pub fn vocab_len(&self) -> usize {
        self.words.len()
    }
}
