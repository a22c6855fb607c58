//! The document's own place name, and every other place name it prints
//! twice or more, read as one name wherever it recurs.
//!
//! A provincial or communal office's documents name their own unit again
//! and again: the issuer block (`XÃ ĐÔNG THỦY`), the place of issue
//! (`Đông Thủy, ngày …`), the title, the body (`Ủy ban nhân dân xã Đông
//! Thủy`). The decoder reads each printing alone, and for a name the
//! language model barely knows it reads each one as the common words it
//! resembles: one document came out with `Đường Thủy`, `Dương Thủy`,
//! `Đồng Thủy` and `Động Thủy` for the one `Đông Thủy`.
//!
//! Every printing is a noisy observation of the same name, so this reader
//! pools them. The readings weighed are every combination, word by word, of
//! the printings' readings and their candidates with the same letters up to
//! marks, and the place list's spelling of a reading. Each scores
//! - the channel log-probability of every printing's OCR under it, each
//!   printing's share capped at [`CLIP`] below its best reading's;
//! - [`VOTE`] for each printing the decoder read so, [`ANCHOR_VOTE`] for
//!   the issuer block's;
//! - a prior: [`PLACE_PRIOR`] times the log of one plus the number of place
//!   names holding each word, [`LISTED`] when the place list holds the
//!   name, and [`LOCAL`] (plus every vote cast) when a province the
//!   document names holds it (`tỉnh Lâm Đồng` has `Hiệp Thạnh`; Cần Thơ has
//!   `Hiệp Thành`) or it is the province named after `tỉnh`.
//!
//! The best reading is given to every printing.
//!
//! Which printings: the name after the unit word of the issuer block (the
//! first capitals line within [`HEADER_LINES`] that holds a unit word and
//! two or three capitals words after it), and every run of as many
//! capitalised words whose letters, marks and OCR's digit-for-letter
//! misreads aside, are each within one edit of the issuer block's (as
//! printed or as read), where the run follows a unit word (`xã`, `huyện`,
//! …) or opens the place-and-date line (`…, ngày`). A run of exactly as
//! many capitalised words standing alone (no capitalised word against
//! either end) is a printing too when `, ngày` follows it (the place after
//! the number on a two-column header's line, `Số: 86/BC-VP Kỳ Lâm, ngày`)
//! or when its words have the issuer block's letters up to marks (`biển Kỳ
//! Lâm`). Such a printing follows the others' reading and weighs nothing
//! in it: the decoder read it without context that tells names apart.
//!
//! [`read_place_names`] does the same for the document's other names,
//! without an issuer block to anchor them: runs of two or three capitalised
//! words after a unit word, grouped by their letters up to marks, and the
//! same letters printed elsewhere without the unit. A name printed once
//! after a unit word, without marks, is read so too when the document names
//! its provinces, and then only as one of their places.

use super::decode::Option_;
use super::motto;
use super::phrases::{capital_run, lower_old, phrase, skip_space, unit_ends_at};
use super::Changes;
use crate::lexicon::lm::{self, WordId};
use crate::lexicon::provinces::ProvinceId;
use crate::lexicon::Lexicon;
use crate::text::token::{Token, TokenKind};
use crate::text::viet;

/// Lines from the top searched for the issuer block's unit and name.
const HEADER_LINES: usize = 8;

/// Most syllables of a name.
const NAME_WORDS: usize = 3;

/// Channel log-probability (nats) charged to a printing for a reading
/// missing from its candidates, below its worst listed one.
const MISSING_BELOW_WORST: f32 = 3.0;

/// Most score (nats) one printing's letters give a reading over another:
/// OCR's marks are unreliable, so one misprint (`Thiéw` for `THIỆU`) must
/// not outvote the rest.
const CLIP: f32 = 3.0;

/// Score (nats) of each printing the decoder read as a reading: the
/// decoder saw each printing's context, which decides between readings
/// whose letters the printings support equally (`DONG` for `Đông`, `Đồng`).
const VOTE: f32 = 1.0;

/// Score (nats) of the issuer block's reading, which the place list read
/// in capitals where it could (`PHUOC LAM`).
const ANCHOR_VOTE: f32 = 4.0;

/// Weight of a word's prior: the log of one plus the number of place
/// names holding it (`Lâm` 206, `Làm` 0; `Thủy` 148, `Thùy` 4).
const PLACE_PRIOR: f32 = 1.0;

/// Score (nats) of a reading the place list spells so.
const LISTED: f32 = 4.0;

/// Score (nats) of a reading spelled so by a place of a province the
/// document names (`Hiệp Thạnh` in a document of `tỉnh Lâm Đồng`, where the
/// list also holds Cần Thơ's `Hiệp Thành`), and of the province's own name
/// after its unit word; each also scores every vote the printings cast, so
/// that the decoder's like readings do not outvote it.
const LOCAL: f32 = 4.0;

/// Where the unit words of a document's lines stand (`xã`, `thị trấn`, as
/// repaired when found): per line, each unit's first token and the token
/// after its last, in order; and the provinces the document names (`tỉnh
/// Lâm Đồng`, `UBND TỈNH LÂM ĐỒNG`). Found once for both readers of this
/// module.
#[derive(Debug, Default)]
pub(super) struct Units {
    at: Vec<Vec<(usize, usize)>>,
    provinces: Vec<ProvinceId>,
    /// Where a province's name starts after its unit word (line, token),
    /// and the province.
    named_at: Vec<((usize, usize), ProvinceId)>,
}

impl Units {
    /// The units of `lines` as `changes` reads them now.
    pub(super) fn find(
        lex: &Lexicon,
        lines: &[String],
        tokens: &[Vec<Token>],
        changes: &Changes,
    ) -> Units {
        let at: Vec<Vec<(usize, usize)>> = lines
            .iter()
            .zip(tokens)
            .enumerate()
            .map(|(li, (line, toks))| {
                (0..toks.len())
                    .filter_map(|ti| unit_ends_at(line, toks, ti, changes, li).map(|a| (ti, a)))
                    .collect()
            })
            .collect();
        let mut provinces = Vec::new();
        let mut named_at = Vec::new();
        for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
            for &(ti, after) in &at[li] {
                let unit = lower_old(changes.text(line, &toks[ti], (li, ti)));
                let is_province = match after - ti {
                    1 => unit == "tỉnh",
                    3 => {
                        unit == "thành"
                            && toks.get(ti + 2).is_some_and(|t| {
                                lower_old(changes.text(line, t, (li, ti + 2))) == "phố"
                            })
                    }
                    _ => false,
                };
                let Some(start) = is_province.then(|| skip_space(line, toks, after)).flatten()
                else {
                    continue;
                };
                let words: Vec<&str> = capital_run(line, toks, start, NAME_WORDS)
                    .into_iter()
                    .map(|w| changes.text(line, &toks[w], (li, w)))
                    .collect();
                // The longest run of the words that names a province.
                let named = (1..=words.len())
                    .rev()
                    .find_map(|n| lex.place_units.province(&words[..n].join(" ")));
                if let Some(id) = named {
                    named_at.push(((li, start), id));
                    if !provinces.contains(&id) {
                        provinces.push(id);
                    }
                }
            }
        }
        Units {
            at,
            provinces,
            named_at,
        }
    }

    /// The province whose name starts at token `ti` of line `li` after its
    /// unit word, if one does.
    fn province_at(&self, li: usize, ti: usize) -> Option<ProvinceId> {
        self.named_at
            .iter()
            .find(|&&(at, _)| at == (li, ti))
            .map(|&(_, id)| id)
    }

    /// Where the unit that token `ti` of line `li` opens ends, if it opens one.
    fn at(&self, li: usize, ti: usize) -> Option<usize> {
        let line = self.at.get(li)?;
        line.binary_search_by_key(&ti, |&(t, _)| t)
            .ok()
            .map(|k| line[k].1)
    }
}

/// A token's decoder options, each with the word it outputs.
type Options = Vec<(Option_, Option<WordId>)>;

/// One printing of the name: its line and the token of each word.
#[derive(Clone, Debug)]
struct Printing {
    line: usize,
    words: Vec<usize>,
    /// Is this the issuer block's printing?
    is_anchor: bool,
    /// Was it found standing alone: no unit word before it, and not the
    /// place opening a place-and-date line? It follows the other printings' reading and
    /// weighs nothing in it: the decoder read it without context that tells
    /// names apart (`Bac Lam` alone in a table cell read `Bạc Làm`), and
    /// its letters, counted again and again, would outweigh theirs
    /// (`Hai Phong` printed five times without marks).
    bare: bool,
}

impl Printing {
    /// What the decoder's reading of this printing weighs for that reading:
    /// [`ANCHOR_VOTE`] for the issuer block's, [`VOTE`] for another, none
    /// for one standing alone.
    fn vote(&self) -> f32 {
        match (self.is_anchor, self.bare) {
            (true, _) => ANCHOR_VOTE,
            (false, false) => VOTE,
            (false, true) => 0.0,
        }
    }
}

/// Reads every printing of the issuer's place name as the one spelling
/// the printings together support best. `options(key)` gives the decoder's
/// options of a lower-case OCR token and the word each outputs.
///
/// Returns where each printing found starts (line, token), so that
/// [`read_place_names`] leaves them to this reader.
pub(super) fn read_own_name(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    units: &Units,
    changes: &mut Changes,
    options: impl FnMut(&str) -> Options,
) -> Vec<(usize, usize)> {
    let Some(anchor) = issuer_name(lines, tokens, changes) else {
        return Vec::new();
    };
    let n = anchor.words.len();
    let (aline, atoks) = (&lines[anchor.line], &tokens[anchor.line]);
    // Each word's letters as printed and as read.
    let forms: Vec<[String; 2]> = anchor
        .words
        .iter()
        .map(|&w| {
            [
                fold(atoks[w].text(aline)),
                fold(changes.text(aline, &atoks[w], (anchor.line, w))),
            ]
        })
        .collect();
    let mut printings = vec![anchor.clone()];
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let mut ti = 0;
        while ti < toks.len() {
            let start = if li == anchor.line && anchor.words.first() == Some(&ti) {
                None
            } else if let Some(after) = units.at(li, ti) {
                skip_space(line, toks, after).map(|s| (s, false))
            } else if ti == first_word(toks) && place_date_follows(line, toks, ti, n) {
                Some((ti, false))
            } else if opens_free_run(line, toks, ti, n)
                && (place_date_follows(line, toks, ti, n) || same_letters(line, toks, ti, &forms))
            {
                Some((ti, true))
            } else {
                None
            };
            let Some((start, bare)) = start else {
                ti += 1;
                continue;
            };
            let words = capital_run(line, toks, start, n);
            let like = words.len() == n
                && words.iter().zip(&forms).all(|(&w, f)| {
                    let got = fold(toks[w].text(line));
                    f.iter().any(|f| strsim::levenshtein(&got, f) <= 1)
                });
            // Past a printing found, so that its words open no other.
            ti = match words.last() {
                Some(&last) if like => last + 1,
                _ => start.max(ti + 1),
            };
            if like {
                printings.push(Printing {
                    line: li,
                    words,
                    is_anchor: false,
                    bare,
                });
            }
        }
    }
    // The anchor first, so that it is the printing kept of the two.
    printings.sort_by_key(|p| (p.line, p.words[0], !p.is_anchor));
    printings.dedup_by_key(|p| (p.line, p.words[0]));
    let starts = printings.iter().map(|p| (p.line, p.words[0])).collect();
    let pooling = Pooling {
        provinces: &units.provinces,
        alone: false,
        province: province_of(units, &printings),
    };
    pool(lex, lines, tokens, changes, printings, &pooling, options);
    starts
}

/// Reads every place name the document prints twice or more after a unit
/// word (`xã Hòa Thạnh`, `huyện Phước Lâm`) as one spelling, the way
/// [`read_own_name`] reads the issuer's (without an issuer block's
/// printing to anchor it): printings are runs of two or three capitalised
/// words after a unit word (each name of a list after `các` and a unit or a
/// unit and a colon: `các xã: Hoằng Tiến, Hoằng Thanh và Hoằng Phụ`), grouped
/// by their letters up to marks (and OCR's digits for letters). Printings
/// starting at `taken` (the own name's) are left alone.
pub(super) fn read_place_names(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    units: &Units,
    changes: &mut Changes,
    taken: &[(usize, usize)],
    mut options: impl FnMut(&str) -> Options,
) {
    let mut groups: Vec<(String, Vec<Printing>)> = Vec::new();
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        if units.at.get(li).is_none_or(Vec::is_empty) {
            continue;
        }
        // A header line's right column is no word of a name on its left
        // (`PHUONG HOA CUONG Dic lap`).
        let column = motto::column_start(line, toks).unwrap_or(toks.len());
        let mut ti = 0;
        while ti < toks.len() {
            let Some((start, plural)) = units.at(li, ti).and_then(|a| list_start(line, toks, a))
            else {
                ti += 1;
                continue;
            };
            // The names the unit opens: one, or a list after a colon or
            // `các` (`các xã: Hoằng Tiến, Hoằng Thanh và Hoằng Phụ`; not
            // `tỉnh Trà Nguyên, Phòng Văn hóa`).
            let plural = plural
                || ti.checked_sub(2).is_some_and(|w| {
                    toks[w].kind == TokenKind::Word
                        && lower_old(changes.text(line, &toks[w], (li, w))) == "các"
                });
            let mut at = Some(start);
            while let Some(first) = at {
                let mut words = capital_run(line, toks, first, NAME_WORDS + 1);
                words.retain(|&w| w < column);
                if !(2..=NAME_WORDS).contains(&words.len()) {
                    break;
                }
                at = words
                    .last()
                    .filter(|_| plural)
                    .and_then(|&w| list_next(line, toks, w + 1, changes, li));
                if taken.contains(&(li, first)) {
                    continue;
                }
                let key = key_of(line, toks, &words);
                let printing = Printing {
                    line: li,
                    words,
                    is_anchor: false,
                    bare: false,
                };
                match groups.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, g)) => g.push(printing),
                    None => groups.push((key, vec![printing])),
                }
            }
            ti = start.max(ti + 1);
        }
    }
    let first_free = groups.len();
    free_runs(lex, lines, tokens, units, changes, taken, &mut groups);
    for (gi, (_, mut printings)) in groups.into_iter().enumerate() {
        printings.sort_by_key(|p| (p.line, p.words[0]));
        // A name printed once without marks is read only as a place of the
        // document's provinces (`xa Cat Hanh` in a document of `tỉnh Bình
        // Định`): its letters alone cannot tell the list's names apart. So is
        // one never printed after a unit word.
        let alone = gi >= first_free
            || printings.len() == 1
                && !units.provinces.is_empty()
                && printings[0].words.iter().all(|&w| {
                    let (line, toks) = (&lines[printings[0].line], &tokens[printings[0].line]);
                    !viet::has_marks(toks[w].text(line))
                });
        if printings.len() >= 2 || alone {
            let pooling = Pooling {
                provinces: &units.provinces,
                alone,
                province: province_of(units, &printings),
            };
            pool(
                lex,
                lines,
                tokens,
                changes,
                printings,
                &pooling,
                &mut options,
            );
        }
    }
}

/// Adds to `groups` the runs of capitalised words standing alone, no
/// capitalised word against either end (a code in capitals before may be),
/// in one pass over the lines:
/// - a run with the letters of a name `groups` holds is that name printed
///   elsewhere without its unit (`đường Hòa Thạnh - Tân Lộc`);
/// - a run of two or three words whose letters up to marks spell one place
///   of the provinces the document names is a name of its own, printed only
///   standing alone (`tại cụm công nghiệp Phú Hộ`, a table's `| Phước Thạnh
///   |`, `Trường THPT Nam Đàn 3`), grouped by its letters after the names
///   `groups` held; not after a street's `đường` or `phố`, nor across a
///   header line's right column.
fn free_runs(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    units: &Units,
    changes: &Changes,
    taken: &[(usize, usize)],
    groups: &mut Vec<(String, Vec<Printing>)>,
) {
    let known = groups.len();
    let firsts: Vec<String> = groups
        .iter()
        .filter_map(|(k, _)| k.split(' ').next().map(str::to_owned))
        .collect();
    let locals = !units.provinces.is_empty();
    if firsts.is_empty() && !locals {
        return;
    }
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let mut column = None;
        for ti in 0..toks.len() {
            if toks[ti].kind != TokenKind::Word
                || !toks[ti].text(line).starts_with(char::is_uppercase)
                || !free_start(line, toks, ti)
                || taken.contains(&(li, ti))
            {
                continue;
            }
            // Without provinces only a name found above can be printed
            // here: its first word says so before the run is spelled.
            if !locals && !firsts.contains(&fold(toks[ti].text(line))) {
                continue;
            }
            // (Names found above have two or three words too.)
            let words = capital_run(line, toks, ti, NAME_WORDS + 1);
            if !(2..=NAME_WORDS).contains(&words.len()) {
                continue;
            }
            let key = key_of(line, toks, &words);
            let printing = |words| Printing {
                line: li,
                words,
                is_anchor: false,
                bare: false,
            };
            if let Some((_, g)) = groups[..known].iter_mut().find(|(k, _)| *k == key) {
                if !g.iter().any(|p| p.line == li && p.words[0] == ti) {
                    g.push(printing(words));
                }
                continue;
            }
            if !locals || after_street(line, toks, ti, changes, li) {
                continue;
            }
            let column = *column
                .get_or_insert_with(|| motto::column_start(line, toks).unwrap_or(toks.len()));
            if words.iter().any(|&w| w >= column)
                || lex.place_units.spelled_in(&key, &units.provinces).is_none()
            {
                continue;
            }
            match groups[known..].iter_mut().find(|(k, _)| *k == key) {
                Some((_, g)) => g.push(printing(words)),
                None => groups.push((key, vec![printing(words)])),
            }
        }
    }
}

/// The letters of a run's `words` (token indices of `toks`) up to marks,
/// one space apart ([`fold`]): what printings of one name share.
fn key_of(line: &str, toks: &[Token], words: &[usize]) -> String {
    words
        .iter()
        .map(|&w| fold(toks[w].text(line)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Does the word before token `ti` of line `li` (a space between) name a
/// street (`đường`, `phố`, as repaired so far)? Streets are named after people
/// (`đường Quang Trung`), whose names a place may spell otherwise.
fn after_street(line: &str, toks: &[Token], ti: usize, changes: &Changes, li: usize) -> bool {
    ti.checked_sub(2)
        .filter(|&i| toks[i + 1].kind == TokenKind::Space && toks[i].kind == TokenKind::Word)
        .is_some_and(|i| {
            let read = lower_old(changes.text(line, &toks[i], (li, i)));
            matches!(read.as_str(), "đường" | "phố")
        })
}

/// Where the first name after a unit word ending before token `after`
/// starts: after a space, or after a colon and a space (`các xã: Hoằng
/// Tiến`); and whether a colon came first.
fn list_start(line: &str, toks: &[Token], after: usize) -> Option<(usize, bool)> {
    match toks.get(after) {
        Some(t) if t.kind == TokenKind::Punct && t.text(line) == ":" => {
            skip_space(line, toks, after + 1).map(|s| (s, true))
        }
        _ => skip_space(line, toks, after).map(|s| (s, false)),
    }
}

/// Where the next name of a list starts, the last one ending before token
/// `after`: after a comma and a space, or after ` và `.
fn list_next(
    line: &str,
    toks: &[Token],
    after: usize,
    changes: &Changes,
    li: usize,
) -> Option<usize> {
    let t = toks.get(after)?;
    if t.kind == TokenKind::Punct && t.text(line) == "," {
        return skip_space(line, toks, after + 1);
    }
    let and = skip_space(line, toks, after)?;
    (lower_old(changes.text(line, &toks[and], (li, and))) == "và")
        .then(|| skip_space(line, toks, and + 1))
        .flatten()
}

/// The province one of `printings` names after its unit word, if one does.
fn province_of(units: &Units, printings: &[Printing]) -> Option<ProvinceId> {
    printings
        .iter()
        .find_map(|p| units.province_at(p.line, *p.words.first()?))
}

/// How [`pool`] reads one name's printings.
struct Pooling<'a> {
    /// The provinces the document names.
    provinces: &'a [ProvinceId],
    /// One printing, to be read only as a place of `provinces`.
    alone: bool,
    /// The province a printing names after its unit word (`tỉnh Thanh
    /// Hoa`), whose spelling the printings take unless their letters say
    /// otherwise.
    province: Option<ProvinceId>,
}

/// Gives every printing of one name the reading the printings together
/// support best (see the module's documentation for the score).
fn pool(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
    printings: Vec<Printing>,
    pooling: &Pooling,
    mut options: impl FnMut(&str) -> Options,
) {
    let provinces = pooling.provinces;
    let Some(n) = printings.first().map(|p| p.words.len()) else {
        return;
    };
    // Each printing's reading so far. A printing with a word not read as a
    // known word (`PHUGC`) is left out: the decoder does not spell such a
    // token, and its case would not be restored.
    let (printings, now): (Vec<Printing>, Vec<Vec<String>>) = printings
        .into_iter()
        .map(|p| {
            let (line, toks) = (&lines[p.line], &tokens[p.line]);
            let read: Vec<String> = p
                .words
                .iter()
                .map(|&w| lower_old(changes.text(line, &toks[w], (p.line, w))))
                .collect();
            (p, read)
        })
        .filter(|(_, read)| read.iter().all(|w| lex.id(w) != lm::UNK))
        // A printing standing alone that the decoder split in two syllables
        // is left out rather than stopping the reading of the others.
        .filter(|(p, _)| {
            !p.bare
                || p.words.iter().all(|&w| {
                    changes
                        .get(super::second_half(lines.len(), p.line, w))
                        .is_none()
                })
        })
        .unzip();
    // Printings standing alone only follow the others' reading.
    let needed = if pooling.alone { 1 } else { 2 };
    if printings.iter().filter(|p| !p.bare).count() < needed {
        return;
    }
    let n_lines = lines.len();
    for k in 0..n {
        // A printing split in two syllables is not one word of the name.
        if printings
            .iter()
            .any(|p| changes.get((p.line + n_lines, p.words[k])).is_some())
        {
            return;
        }
    }
    // Per printing and word, the decoder's options of its OCR token.
    let per: Vec<Vec<Options>> = printings
        .iter()
        .map(|p| {
            let (line, toks) = (&lines[p.line], &tokens[p.line]);
            p.words
                .iter()
                .map(|&w| options(&toks[w].text(line).to_lowercase()))
                .collect()
        })
        .collect();
    // The readings to choose from: per word, the printings' readings and
    // the options spelled with the same letters up to marks (`làm`: `lâm`),
    // in every combination; and the place list's spelling of a reading.
    let mut variants: Vec<Vec<String>> = vec![Vec::new(); n];
    for (k, vs) in variants.iter_mut().enumerate() {
        let skeletons: Vec<String> = now.iter().map(|r| viet::skeleton(&r[k])).collect();
        vs.extend(now.iter().map(|r| r[k].clone()));
        for opts in &per {
            for (_, w) in &opts[k] {
                let Some(w) = w else { continue };
                let word = lex.word(*w);
                if skeletons.iter().any(|s| viet::skeleton_eq(word, s)) {
                    vs.push(word.to_owned());
                }
            }
        }
        vs.sort();
        vs.dedup();
    }
    let mut choices: Vec<Vec<String>> = vec![Vec::new()];
    for vs in &variants {
        choices = choices
            .iter()
            .flat_map(|c| {
                vs.iter().map(move |v| {
                    let mut c = c.clone();
                    c.push(v.clone());
                    c
                })
            })
            .collect();
    }
    let province = pooling.province.map(|id| lex.place_units.province_name(id));
    if let Some(name) = province {
        let spelled: Vec<String> = name.split(' ').map(lower_old).collect();
        if spelled.len() == n {
            choices.push(spelled);
        }
    }
    for r in &now {
        let name = r.join(" ");
        let listed = [
            lex.place_by_skeleton(&name),
            lex.place_units.spelled_in(&name, provinces),
        ];
        for listed in listed.into_iter().flatten() {
            let listed: Vec<String> = listed.split(' ').map(lower_old).collect();
            if listed.len() == n {
                choices.push(listed);
            }
        }
    }
    choices.sort();
    choices.dedup();
    // Each choice with its words' ids; a choice with a word the language
    // model lacks is no reading.
    let choices: Vec<(Vec<String>, Vec<WordId>)> = choices
        .into_iter()
        .filter_map(|c| {
            let ids = c
                .iter()
                .map(|w| Some(lex.id(w)).filter(|&id| id != lm::UNK))
                .collect::<Option<Vec<_>>>()?;
            Some((c, ids))
        })
        .collect();
    // Per printing and reading, the printing's channel score of the reading
    // (`None`: a word of the printing has no options).
    // (Printings standing alone weigh nothing: no channel score of theirs.)
    let channels: Vec<Vec<Option<f32>>> = per
        .iter()
        .zip(&printings)
        .filter(|(_, p)| !p.bare)
        .map(|(opts, _)| {
            let worst: Vec<Option<f32>> = opts
                .iter()
                .map(|o| o.iter().map(|(o, _)| o.channel).reduce(f32::min))
                .collect();
            choices
                .iter()
                .map(|(_, ids)| {
                    opts.iter()
                        .zip(&worst)
                        .zip(ids)
                        .map(|((o, &worst), &id)| Some(channel_of(o, worst?, id)))
                        .sum()
                })
                .collect()
        })
        .collect();
    // Per printing, the best channel score of any reading.
    let bests: Vec<f32> = channels
        .iter()
        .map(|ch| {
            ch.iter()
                .flatten()
                .copied()
                .fold(f32::NEG_INFINITY, f32::max)
        })
        .collect();
    // Every vote cast: a local reading outweighs the decoder's readings,
    // which its language model made alike (not the printings' letters).
    let vote_mass: f32 = printings.iter().map(Printing::vote).sum();
    let score = |ci: usize, choice: &[String]| -> Option<f32> {
        let mut total = 0.0;
        for (ch, &best) in channels.iter().zip(&bests) {
            total += ch[ci]?.max(best - CLIP);
        }
        let votes: f32 = now
            .iter()
            .zip(&printings)
            .filter(|(r, _)| r.as_slice() == choice)
            .map(|(_, p)| p.vote())
            .sum();
        let name = choice.join(" ");
        let listed = if lex.is_place(&name) { LISTED } else { 0.0 };
        // (A choice's words are in the table's form already.)
        let local = if lex.place_units.folded_lies_in(&name, provinces) {
            LOCAL + vote_mass
        } else {
            0.0
        };
        let named = if province == Some(name.as_str()) {
            LOCAL + vote_mass
        } else {
            0.0
        };
        let prior: f32 = choice
            .iter()
            .map(|w| PLACE_PRIOR * (1.0 + lex.place_syllable_count(w) as f32).ln())
            .sum();
        Some(total + votes + prior + listed + local + named)
    };
    let Some((_, best)) = choices
        .iter()
        .enumerate()
        .filter_map(|(ci, (c, _))| score(ci, c).map(|s| (s, c)))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(a.1)))
    else {
        return;
    };
    // One printing already read as a place of the document's provinces
    // stays so; else it changes only to one, as do several.
    if pooling.alone
        && (now.len() == 1
            && now
                .iter()
                .any(|r| lex.place_units.folded_lies_in(&r.join(" "), provinces))
            || !lex.place_units.folded_lies_in(&best.join(" "), provinces))
    {
        return;
    }
    for (p, r) in printings.iter().zip(&now) {
        for ((&w, to), was) in p.words.iter().zip(best).zip(r) {
            if to != was {
                changes.insert((p.line, w), phrase(to, Some(was.clone())));
            }
        }
    }
}

/// The channel log-probability of reading `id` among a token's options:
/// its option's, or [`MISSING_BELOW_WORST`] below `worst`, the worst
/// option's, when it has none.
fn channel_of(opts: &[(Option_, Option<WordId>)], worst: f32, id: WordId) -> f32 {
    opts.iter()
        .find(|(_, w)| *w == Some(id))
        .map_or(worst - MISSING_BELOW_WORST, |(o, _)| o.channel)
}

/// The name after the unit word of the issuer block: in the first
/// [`HEADER_LINES`] lines, a unit word printed in capitals followed by two
/// or three capitals words (up to a motto's `CỘNG HÒA` merged onto the line).
fn issuer_name(lines: &[String], tokens: &[Vec<Token>], changes: &Changes) -> Option<Printing> {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate().take(HEADER_LINES) {
        for ti in 0..toks.len() {
            if !is_capitals(toks[ti].text(line)) {
                continue;
            }
            let Some(after) = unit_ends_at(line, toks, ti, changes, li) else {
                continue;
            };
            let Some(start) = skip_space(line, toks, after) else {
                continue;
            };
            // One word past the longest name, to see a `CỘNG HÒA` begin.
            let mut words = capital_run(line, toks, start, NAME_WORDS + 1);
            if let Some(cut) = words.iter().position(|&w| !is_capitals(toks[w].text(line))) {
                words.truncate(cut);
            }
            if let Some(cut) = words.windows(2).position(|p| {
                viet::skeleton_eq(toks[p[0]].text(line), "cong")
                    && viet::skeleton_eq(toks[p[1]].text(line), "hoa")
            }) {
                words.truncate(cut);
            }
            words.truncate(NAME_WORDS);
            if words.len() >= 2 {
                return Some(Printing {
                    line: li,
                    words,
                    is_anchor: true,
                    bare: false,
                });
            }
        }
    }
    None
}

/// Letters of a word for comparing printings: lower case, marks dropped,
/// `đ` as `d`, and OCR's `6`/`0` for `o` and `4` for `a` read back.
fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '6' | '0' => 'o',
            '4' => 'a',
            c => viet::base_letter(c),
        })
        .collect()
}

/// Is `s` a word printed in capitals (no lower-case letter, at least one
/// upper-case)?
fn is_capitals(s: &str) -> bool {
    s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
}

/// Does no capitalised word stand against token `ti`'s front, a space
/// token before it? A code in capitals before a name in small letters is no word
/// of it (`Số: 02/BB-ĐKT Tùng Ảnh, ngày …`).
fn free_start(line: &str, toks: &[Token], ti: usize) -> bool {
    let Some(before) = ti
        .checked_sub(1)
        .filter(|&i| toks[i].kind == TokenKind::Space)
        .and_then(|i| i.checked_sub(1))
    else {
        return true;
    };
    let all_caps = |i: usize| {
        let w = toks[i].text(line);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    let capital = toks[before].kind == TokenKind::Word
        && toks[before].text(line).starts_with(char::is_uppercase);
    !capital || all_caps(before) && !all_caps(ti)
}

/// Does token `ti` open a run of exactly `n` capitalised words with no
/// capitalised word against either end (a name standing alone in a line)?
fn opens_free_run(line: &str, toks: &[Token], ti: usize, n: usize) -> bool {
    free_start(line, toks, ti) && capital_run(line, toks, ti, n + 1).len() == n
}

/// Do the `forms.len()` words from `ti` have, word by word, the letters up
/// to marks of one of `forms`' two spellings (as printed, as read)?
fn same_letters(line: &str, toks: &[Token], ti: usize, forms: &[[String; 2]]) -> bool {
    let words = capital_run(line, toks, ti, forms.len());
    words.len() == forms.len()
        && words
            .iter()
            .zip(forms)
            .all(|(&w, f)| f.contains(&fold(toks[w].text(line))))
}

/// The index of the line's first non-space token.
fn first_word(toks: &[Token]) -> usize {
    toks.iter()
        .position(|t| t.kind != TokenKind::Space)
        .unwrap_or(toks.len())
}

/// Do `n` words from `ti` end in a comma followed by a word within one
/// letter of `ngay` (the place-and-date line)?
fn place_date_follows(line: &str, toks: &[Token], ti: usize, n: usize) -> bool {
    let words = capital_run(line, toks, ti, n);
    if words.len() != n {
        return false;
    }
    let Some(&last) = words.last() else {
        return false;
    };
    let rest: Vec<&Token> = toks[last + 1..]
        .iter()
        .filter(|t| t.kind != TokenKind::Space)
        .take(2)
        .collect();
    matches!(rest.as_slice(), [comma, day]
        if comma.text(line) == ","
            && day.kind == TokenKind::Word
            && strsim::levenshtein(&fold(day.text(line)), "ngay") <= 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::{RepairOptions, Repairer};
    use crate::text;

    /// `ocr` repaired with the bundled dictionaries, line by line.
    fn repaired(ocr: &str) -> Vec<String> {
        let lex = crate::lexicon::bundled();
        Repairer::new(lex, RepairOptions::default())
            .repair_text(ocr)
            .lines
    }

    fn lines_tokens(text: &str) -> (Vec<String>, Vec<Vec<Token>>) {
        let lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        let tokens = lines.iter().map(|l| text::tokenize(l)).collect();
        (lines, tokens)
    }

    /// The issuer block's name in `text`, whose unit words are as repaired
    /// (the reader runs after the decoder).
    fn issuer(text: &str) -> Option<Vec<String>> {
        let (lines, tokens) = lines_tokens(text);
        let changes = Changes::new(lines.len());
        issuer_name(&lines, &tokens, &changes).map(|p| {
            p.words
                .iter()
                .map(|&w| tokens[p.line][w].text(&lines[p.line]).to_owned())
                .collect()
        })
    }

    /// The two words after the first `from` in `l` (from its start when
    /// there is none), one space apart.
    fn two_words_after(l: &str, from: &str) -> String {
        let at = l.find(from).map_or(0, |a| a + from.len());
        l[at..]
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_issuer_name_follows_a_unit_in_capitals() {
        assert_eq!(
            issuer("UBND TỈNH PHU YEN\nSO TAI NGUYEN"),
            Some(vec!["PHU".to_owned(), "YEN".to_owned()])
        );
        // A motto merged onto the line is no part of the name.
        assert_eq!(
            issuer("UY BAN NHAN DAN\nXÃ HOA THUY CONG HOA XA HOI"),
            Some(vec!["HOA".to_owned(), "THUY".to_owned()])
        );
        // A unit in running text, or one word after it, is no issuer block.
        assert_eq!(issuer("Ủy ban nhân dân huyện Phuoc Lam"), None);
        assert_eq!(issuer("UBND HUYỆN LAK"), None);
    }

    #[test]
    fn a_place_and_date_line_opens_with_the_name() {
        let (lines, tokens) = lines_tokens("Phuéc Lam, nigay 18 thang 3\nPhuoc Lam va xa");
        assert!(place_date_follows(&lines[0], &tokens[0], 0, 2));
        assert!(!place_date_follows(&lines[1], &tokens[1], 0, 2));
        assert!(!place_date_follows(&lines[0], &tokens[0], 0, 3));
    }

    #[test]
    fn fold_drops_marks_and_reads_digits_back() {
        assert_eq!(fold("D6éng"), "doeng");
        assert_eq!(fold("ĐÔNG"), "dong");
        assert_eq!(fold("x4"), "xa");
    }

    #[test]
    fn capitals_words_only() {
        assert!(is_capitals("THỦY"));
        assert!(!is_capitals("Thủy"));
        assert!(!is_capitals("2024"));
    }

    /// Every printing of the issuer's name comes out spelled alike, and a
    /// name the place list holds is spelled as listed.
    #[test]
    fn printings_of_the_name_read_alike() {
        let ocr = "UY BAN NHAN DAN\nHUYEN PHUOC LAM\n\n\
                   Phuéc Lam, ngay 18 thang 3 nam 2025\n\n\
                   Uy ban nhan dan huyén Phuc Lam bao cao két qua thuc hién cdc nhiém vu.\n\
                   Cac xa cua huyén Phuoc Lam da hoan thanh ké hoach dé ra.";
        let text = repaired(ocr).join("\n");
        assert!(text.contains("HUYỆN PHƯỚC LÂM"), "{text}");
        assert_eq!(text.matches("Phước Lâm").count(), 3, "{text}");
    }

    /// A commune's name OCR printed three ways is read one way wherever it
    /// recurs, after its unit word or not.
    #[test]
    fn a_place_reads_as_one_of_the_documents_provinces() {
        // `Hiệp Thạnh` lies in Lâm Đồng, `Hiệp Thành` in Cà Mau: the
        // province named decides the letters OCR left bare.
        let read = |province: &str| {
            let ocr = format!(
                "UBND TINH {province}\nUBND XA HIEP THANH Doc lap - Tu do - Hanh phuc\n\n\
                 Truong mam non xa Hiep Thanh duoc xay moi trong nam.\n\
                 UBND xa Hiep Thanh da bao cao ket qua thuc hien."
            );
            let lines = repaired(&ocr);
            [
                two_words_after(&lines[1], "XÃ "),
                two_words_after(&lines[3], "xã "),
                two_words_after(&lines[4], "xã "),
            ]
        };
        assert_eq!(read("LAM DONG"), ["HIỆP THẠNH", "Hiệp Thạnh", "Hiệp Thạnh"]);
        assert_eq!(read("CA MAU"), ["HIỆP THÀNH", "Hiệp Thành", "Hiệp Thành"]);
    }

    #[test]
    fn a_place_printed_without_its_unit_reads_as_the_documents_provinces() {
        // No unit word before either printing: the province named decides.
        let read = |province: &str| {
            let ocr = format!(
                "Bao cao cua So Cong Thuong tinh {province} nam 2026.\n\
                 Du an dat tai cum cong nghiep Hiep Thanh, do UBND tinh phe duyet.\n\
                 Truong THCS Hiep Thanh dang duoc xay dung."
            );
            let lines = repaired(&ocr);
            [
                two_words_after(&lines[1], "nghiệp "),
                two_words_after(&lines[2], "THCS "),
            ]
        };
        assert_eq!(read("Lam Dong"), ["Hiệp Thạnh,", "Hiệp Thạnh"]);
        assert_eq!(read("Ca Mau"), ["Hiệp Thành,", "Hiệp Thành"]);
    }

    #[test]
    fn a_street_is_no_place() {
        // Streets bear people's names, which a place may spell otherwise.
        let lines =
            repaired("Hoi nghi tai tinh Lam Dong.\nDia diem: so 18 duong Hiep Thanh, phuong 1.");
        assert!(!lines[1].contains("Hiệp Thạnh"), "{}", lines[1]);
    }

    #[test]
    fn a_list_after_a_plural_unit_reads_as_the_documents_places() {
        let read = |province: &str| {
            let ocr = format!(
                "UBND TINH {province}\n\n\
                 Ho tro kinh phi cho cac xa: Tan Hung, Hiep Thanh va Khanh Binh trong nam."
            );
            let lines = repaired(&ocr);
            let at = lines[2].find("Hiệp ").map_or(0, |a| a + "Hiệp ".len());
            lines[2][at..]
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(read("CA MAU"), "Thành");
        assert_eq!(read("LAM DONG"), "Thạnh");
    }

    #[test]
    fn printings_of_a_place_name_read_alike() {
        let ocr = "UY BAN NHAN DAN\nHUYEN PHUOC LAM\n\n\
                   Phuéc Lam, ngay 18 thang 3 nam 2025\n\n\
                   Tuyen duong lien xa Déng Thanh dai 8,6 km da xudng cap nghiem trong.\n\
                   Uy ban nhan dan xa Dong Thanh da bao cao két qua thuc hién.\n\
                   Tuyen duong Dóng Thanh - Tan Loc can duoc nang cap trong nam.";
        let lines = repaired(ocr);
        let names: Vec<String> = lines[5..8]
            .iter()
            .map(|l| {
                let at = l
                    .find("Thanh")
                    .or_else(|| l.find("Thành"))
                    .or_else(|| l.find("Thạnh"));
                let end = at.map_or(0, |a| a);
                l[..end]
                    .split_whitespace()
                    .last()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect();
        // (Each line's name found: three empty words would agree too.)
        assert!(names.iter().all(|n| !n.is_empty()), "{names:?}");
        assert!(names.iter().all(|n| *n == names[0]), "{names:?}");
    }

    #[test]
    fn a_place_after_a_code_in_capitals_reads_as_its_printings() {
        // The place of the number line follows the symbol's `DKT`, which is
        // no word of its name.
        let ocr = "S6: 02/BB-DKT Tung Anh, ngay 14 thang 10 nam 2026\n\n\
                   UBND xa Tung Anh, huyén Dtic Tho, tinh Ha Tinh\n\
                   2. Dai dién UBND xa Tung Anh\n\
                   UBND xa Tung Anh da quan tam chi dao céng tac giai quyét thu tuc.";
        let lines = repaired(ocr);
        assert!(lines[0].contains("ĐKT Tùng Ảnh,"), "{}", lines[0]);
    }

    #[test]
    fn a_name_standing_alone_opens_a_free_run() {
        let (lines, tokens) = lines_tokens(
            "S6: 86/BC-VHKHTT Ky Lam, ngay 08\nbien Ky Lam nam\nTinh Ky Lam\nKy Lam Thuong",
        );
        let at = |li: usize, word: &str| {
            tokens[li]
                .iter()
                .position(|t| t.text(&lines[li]) == word)
                .unwrap_or(usize::MAX)
        };
        // After a code in capitals, after a small word: free.
        assert!(opens_free_run(&lines[0], &tokens[0], at(0, "Ky"), 2));
        assert!(opens_free_run(&lines[1], &tokens[1], at(1, "Ky"), 2));
        // After a capitalised word, or before one: part of a longer name.
        assert!(!opens_free_run(&lines[2], &tokens[2], at(2, "Ky"), 2));
        assert!(!opens_free_run(&lines[3], &tokens[3], at(3, "Ky"), 2));
    }

    /// The issuer's name printed after the number on the place-and-date
    /// line of a two-column header, and alone in the body, reads as the
    /// issuer block's.
    #[test]
    fn the_name_after_the_number_and_in_the_body_reads_as_the_issuer_block() {
        let ocr = "UBND HUYEN KY LAM CONG HOA XA HOI CHU NGHIA VIET NAM\n\
                   PHONG VAN HOA VA THONG TIN Doc lap - Tu do - Hanh phuc\n\n\
                   S6: 86/BC-VHKHTT Ky Lam, ngay 08 thang 7 nam 2026\n\n\
                   Kinh giri: Uy ban nhan dan huyén Ky Lam.\n\
                   2. Tham muu t6 chuc Tuan Van hoa - Du lich bien Ky Lam nam 2026.";
        let text = repaired(ocr).join("\n");
        assert!(text.contains("HUYỆN KỲ LÂM"), "{text}");
        assert_eq!(text.matches("Kỳ Lâm").count(), 3, "{text}");
    }

    /// Printings found standing alone (table cells here) cast no vote: the
    /// decoder read them without context, and three of them must not
    /// outvote the issuer block and the printings after a unit word.
    #[test]
    fn printings_standing_alone_cast_no_vote() {
        let ocr = "UBND TINH BAC LAM CONG HOA XA HOI CHU NGHIA VIET NAM\n\
                   SG GIAO DUC VA DAO TAO Doc lap - Tu do - Hanh phic\n\n\
                   S6: 126/TB-SGDDT Bac Lam, ngay 15 thang 4 nam 2026\n\
                   truc thuéc S6 Gidéo duc va Dao tao tinh Bac Lam nam 2026\n\
                   dan tinh Bac Lam\n\
                   Khai mac, phé bién quy ché | 7 gid 30 phtit ngay 20/6/2026 | Trung THPT chuyén\n\
                   Bac Lam\n\
                   Thi vong 2 (thyc hanh) | 20/6/2026 - 21/6/2026 | Truéng THPT chuyén\n\
                   Bac Lam";
        let text = repaired(ocr).join("\n");
        assert!(text.contains("TỈNH BẮC LÂM"), "{text}");
        assert_eq!(text.matches("Bắc Lâm").count(), 5, "{text}");
    }
}
