//! Reading the source corpora, word lists and OCR pairs.

use super::{channel::WordPair, io_err, BuildError};
use crate::lexicon::{self, lm::WordId};
use crate::text::{self, viet, TokenKind};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::io::BufRead;
use std::path::{Path, PathBuf};

const CHUNK: usize = 20_000;

/// Is `word` (lower case, old tone style) spelled like a Vietnamese syllable?
pub fn is_syllable(word: &str) -> bool {
    word.chars().all(viet::is_viet_letter)
        && crate::lexicon::syllable::skeleton_is_syllable_shape(word)
        && word
            .chars()
            .filter(|&c| viet::tone_of(&c.to_string()) != viet::Tone::None)
            .count()
            <= 1
}

/// Syllables named by the word lists (lower case, old tone style).
pub fn listed_syllables(dir: &Path, files: &[&str]) -> Result<FxHashSet<String>, BuildError> {
    let mut set = FxHashSet::default();
    for f in files {
        let path = dir.join(f);
        let text = std::fs::read_to_string(&path).map_err(io_err(&path))?;
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            for w in line.split_whitespace() {
                if let Some(form) = lexicon::lm_form(w) {
                    set.insert(form);
                }
            }
        }
    }
    Ok(set)
}

/// One LM item of a corpus line.
enum Item {
    Word(String),
    Num,
    Code,
    Comma,
    Break,
}

fn items(line: &str) -> Vec<Item> {
    let line = text::nfc(line);
    let mut out = Vec::new();
    for t in text::tokenize(&line) {
        match t.kind {
            TokenKind::Space => {}
            TokenKind::Figure => out.push(Item::Num),
            TokenKind::Word => match lexicon::lm_form(t.text(&line)) {
                Some(w) => out.push(Item::Word(w)),
                None => out.push(Item::Code),
            },
            TokenKind::Punct if t.text(&line) == "," => out.push(Item::Comma),
            TokenKind::Punct | TokenKind::Protected => out.push(Item::Break),
        }
    }
    out
}

/// One corpus the language model and the name and code lists count.
#[derive(Clone, Debug)]
pub struct Source {
    /// The file: gzipped when its name ends in `.gz`, else plain text.
    pub path: PathBuf,
    /// How many times each of its counts is added.
    pub weight: u32,
    /// The team's own prose, whose people, places and bodies are made up:
    /// its names are masked when it is read ([`mask_names`]), so that the
    /// language model learns the reports' words from it, not invented names
    /// (`Hà Lâm` had come to outweigh the real `Hà Lam` in clean text).
    pub own: bool,
}

/// Calls `f` with the lines of `source`, a chunk at a time.
pub(super) fn for_chunks(source: &Source, mut f: impl FnMut(&[String])) -> Result<(), BuildError> {
    let path = &source.path;
    let file = std::fs::File::open(path).map_err(io_err(path))?;
    let reader: Box<dyn BufRead> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(std::io::BufReader::new(flate2::read::MultiGzDecoder::new(
            file,
        )))
    } else {
        Box::new(std::io::BufReader::new(file))
    };
    let mut chunk = Vec::with_capacity(CHUNK);
    for line in reader.lines() {
        let line = line.map_err(io_err(path))?;
        chunk.push(if source.own { mask_names(&line) } else { line });
        if chunk.len() == CHUNK {
            f(&chunk);
            chunk.clear();
        }
    }
    if !chunk.is_empty() {
        f(&chunk);
    }
    Ok(())
}

/// Capitalised words that open the names of offices, bodies, titles and
/// documents in reports, never the made-up part of a name (see
/// [`mask_names`]).
const KEPT_CAPITALS: &[&str] = &[
    "Việt",
    "Nam",
    "Ủy",
    "Sở",
    "Bộ",
    "Phó",
    "Phòng",
    "Ban",
    "Đảng",
    "Nhà",
    "Chính",
    "Quốc",
    "Hội",
    "Mặt",
    "Tổ",
    "Thủ",
    "Chủ",
    "Trung",
    "Công",
    "Văn",
    "Nhân",
    "Kế",
    "Quyết",
    "Nghị",
    "Thông",
    "Luật",
    "Chỉ",
    "Kết",
    "Đề",
    "Chương",
    "Thường",
    "Đoàn",
    "Cục",
    "Kho",
    "Bảo",
    "Trường",
    "Trạm",
    "Bệnh",
];

/// Marks a word may carry after it (`UBND,`, `Sở;`).
const PUNCT_AFTER: &[char] = &[',', ';', ':', '.', ')', '!', '?'];

/// Is `word` an acronym: two to six capitals, none with a mark but `Đ`
/// (`UBND`, `HĐND`, `MTTQ`)?
fn is_acronym(word: &str) -> bool {
    (2..=6).contains(&word.chars().count())
        && word.chars().all(|c| c.is_ascii_uppercase() || c == 'Đ')
}

/// `line` with every word that opens with a capital past a sentence's
/// start replaced by a full stop, which ends the language model's segment:
/// names and the words of named bodies (`tỉnh Hà Lâm`, `Công ty Lâm nghiệp`)
/// go, the running text around them stays. A sentence starts at the line's
/// start, after `.`, `!`, `?` or `:`, and after a list's marker (`-`, `+`,
/// `a)`, `1.`, `II.`). The words that open the names of offices, bodies
/// and documents ([`KEPT_CAPITALS`], `Ủy ban MTTQ Việt Nam tỉnh`) and
/// acronyms without a mark (`UBND`, `HĐND`) are no made-up names: they
/// stay, unless they follow another capitalised word that is none of them
/// (`Nguyễn Văn`, `Trần Quốc Bảo`: a person's middle and given names).
pub(super) fn mask_names(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut starts = true;
    // Whether the word before is small, one of the kept capitals, or ends
    // a phrase with a comma or semicolon.
    let mut after_kept = true;
    for (i, word) in line.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let bare = word.trim_end_matches(PUNCT_AFTER);
        let keepable = capital && (KEPT_CAPITALS.contains(&bare) || is_acronym(bare));
        let masked = capital && !starts && !(keepable && after_kept);
        out.push_str(if masked { "." } else { word });
        if word.is_empty() {
            continue;
        }
        after_kept = !masked && (!capital || keepable) || word.ends_with([',', ';']);
        let marker = matches!(word, "-" | "+" | "*" | "•")
            || word.strip_suffix(['.', ')']).is_some_and(|w| {
                !w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric()) && w.len() <= 4
            });
        starts = marker || word.ends_with(['.', '!', '?', ':']);
    }
    out
}

/// Weighted counts of every LM word form in the corpora.
pub fn count_words(files: &[Source]) -> Result<FxHashMap<String, u64>, BuildError> {
    let mut total: FxHashMap<String, u64> = FxHashMap::default();
    for source in files {
        for_chunks(source, |chunk| {
            let part = chunk
                .par_iter()
                .fold(FxHashMap::default, |mut m: FxHashMap<String, u64>, line| {
                    for it in items(line) {
                        if let Item::Word(w) = it {
                            *m.entry(w).or_insert(0) += 1;
                        }
                    }
                    m
                })
                .reduce(FxHashMap::default, |mut a, b| {
                    for (k, v) in b {
                        *a.entry(k).or_insert(0) += v;
                    }
                    a
                });
            for (k, v) in part {
                *total.entry(k).or_insert(0) += v * source.weight as u64;
            }
        })?;
    }
    Ok(total)
}

/// N-gram counts over the corpora, segments split at punctuation other than
/// the comma (a word of its own, [`lexicon::lm::COMMA`]).
pub fn count_ngrams(
    files: &[Source],
    ids: &FxHashMap<&str, WordId>,
) -> Result<super::lm::Counts, BuildError> {
    let mut counts = super::lm::Counts::default();
    for source in files {
        for_chunks(source, |chunk| {
            let segs: Vec<Vec<Vec<WordId>>> = chunk
                .par_iter()
                .map(|line| {
                    let mut segs = Vec::new();
                    let mut cur = Vec::new();
                    for it in items(line) {
                        let id = match it {
                            Item::Word(w) => {
                                ids.get(w.as_str()).copied().unwrap_or(lexicon::lm::UNK)
                            }
                            Item::Num => lexicon::lm::NUM,
                            Item::Code => lexicon::lm::CODE,
                            Item::Comma => lexicon::lm::COMMA,
                            Item::Break => {
                                if !cur.is_empty() {
                                    segs.push(std::mem::take(&mut cur));
                                }
                                continue;
                            }
                        };
                        cur.push(id);
                    }
                    if !cur.is_empty() {
                        segs.push(cur);
                    }
                    segs
                })
                .collect();
            for line in segs {
                for s in line {
                    counts.add_segment(&s, source.weight);
                }
            }
        })?;
    }
    Ok(counts)
}

#[derive(serde::Deserialize)]
struct PairRecord {
    truth: String,
    eng: String,
    /// What Tesseract's Vietnamese model read (absent in older files).
    #[serde(default)]
    vie: Option<String>,
}

/// Which OCR side of a `pairs.jsonl` record to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OcrSide {
    /// Tesseract's English model (`eng`): marks lost and mangled.
    Eng,
    /// Tesseract's Vietnamese model (`vie`): marks kept, some confused.
    Vie,
}

/// Reads `(truth, eng)` line pairs from a `pairs.jsonl` file.
pub fn read_pairs(path: &Path) -> Result<Vec<(String, String)>, BuildError> {
    read_pairs_side(path, OcrSide::Eng)
}

/// Reads `(truth, OCR)` line pairs of one OCR side from a `pairs.jsonl` file
/// (records without that side are skipped).
pub fn read_pairs_side(path: &Path, side: OcrSide) -> Result<Vec<(String, String)>, BuildError> {
    let text = std::fs::read_to_string(path).map_err(io_err(path))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: PairRecord = serde_json::from_str(line).map_err(|e| BuildError::Format {
            path: path.to_owned(),
            message: format!("line {}: {e}", i + 1),
        })?;
        match side {
            OcrSide::Eng => out.push((r.truth, r.eng)),
            OcrSide::Vie => out.extend(r.vie.map(|v| (r.truth, v))),
        }
    }
    Ok(out)
}

/// Word pairs for the channel model: the OCR pairs outside the evaluation
/// split, seed 002's pairs, and the gold seeds (OCR line i ↔ gold line i).
pub fn training_pairs(shared: &Path) -> Result<Vec<WordPair>, BuildError> {
    training_pairs_side(shared, OcrSide::Eng)
}

/// Word pairs of one OCR side: as [`training_pairs`] for [`OcrSide::Eng`];
/// for [`OcrSide::Vie`] the `vie` side of the same pair files only (the gold
/// seeds were read by the English model).
pub fn training_pairs_side(shared: &Path, side: OcrSide) -> Result<Vec<WordPair>, BuildError> {
    let mut lines: Vec<(String, String)> = Vec::new();
    for sub in ["ocr-pairs/train", "ocr-pairs/seed002"] {
        let dir = shared.join(sub);
        let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(io_err(&dir))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                !super::EVAL_SPLIT.contains(&name)
            })
            .collect();
        names.sort();
        for p in names {
            lines.extend(read_pairs_side(&p, side)?);
        }
    }
    if side == OcrSide::Vie {
        return Ok(word_pairs(&lines));
    }
    let gold = shared.join("gold");
    let seeds = shared.join("seeds");
    let mut golds: Vec<PathBuf> = std::fs::read_dir(&gold)
        .map_err(io_err(&gold))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.txt"))
        .collect();
    golds.sort();
    for g in golds {
        let name = g
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .replace(".gold.txt", ".txt");
        let s = seeds.join(&name);
        let (Ok(gt), Ok(st)) = (std::fs::read_to_string(&g), std::fs::read_to_string(&s)) else {
            continue;
        };
        if gt == st {
            continue; // clean seed: nothing to learn about OCR
        }
        for (t, o) in gt.split('\n').zip(st.split('\n')) {
            lines.push((t.to_owned(), o.to_owned()));
        }
    }
    Ok(word_pairs(&lines))
}

/// The aligned word pairs of `(truth, OCR)` lines.
fn word_pairs(lines: &[(String, String)]) -> Vec<WordPair> {
    lines
        .par_iter()
        .flat_map_iter(|(t, o)| super::channel::word_pairs(&text::nfc(t), &text::nfc(o)))
        .collect()
}
