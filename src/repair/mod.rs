//! The noisy-channel corrector.
//!
//! For each word token, [`candidates`] proposes syllables it may have come
//! from; a per-document mixture of three channels (text is clean / stripped
//! of its marks / OCR noise, see [`mixture`]) scores them; [`decode`] picks
//! the best sequence under the trigram model; the OCR token's case pattern is
//! restored. Document symbols and abbreviations go through [`codes`].
//!
//! Invariants: the output has exactly as many lines as the input, line *i* for
//! line *i*; only word tokens that the decoder decided to change are replaced;
//! figures, URLs, e-mail addresses, whitespace and punctuation are kept.

pub mod cache;
pub mod candidates;
pub mod case;
pub mod codes;
pub mod decode;
pub mod mixture;

use crate::lexicon::lm::{self, WordId};
use crate::lexicon::{lm_form, Lexicon};
use crate::text::viet;
use crate::text::{self, Token, TokenKind, ToneStyle};
pub use cache::CandidateCache;
use candidates::Candidate;
use codes::CodeSlot;
use decode::Option_;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Repair is never certain: confidences are capped here.
pub const MAX_CONFIDENCE: f32 = 0.9999;

/// Confidence given to the removal of stray punctuation.
const STRAY_CONFIDENCE: f32 = 0.75;

/// Options that change what repair outputs.
#[derive(Clone, Copy, Debug)]
pub struct RepairOptions {
    /// Tone placement of repaired words (`Old` by default, as government text uses).
    pub tone_style: ToneStyle,
    /// Also rewrite the tone placement of words repair otherwise leaves alone.
    pub restyle_all: bool,
    /// Changes whose confidence is below this are not applied (0 applies all).
    pub min_confidence: f32,
}

impl Default for RepairOptions {
    fn default() -> Self {
        RepairOptions {
            tone_style: ToneStyle::Old,
            restyle_all: false,
            min_confidence: 0.0,
        }
    }
}

/// One changed token.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Edit {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters, of the token in the input line.
    pub column: usize,
    /// The token as it was in the input.
    pub from: String,
    /// The token as repaired.
    pub to: String,
    /// Confidence in the change, 0–1.
    pub confidence: f32,
    /// The second-best reading, if any.
    pub runner_up: Option<String>,
}

/// The result of repairing a text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Repaired {
    /// Repaired lines, same count and order as the input.
    pub lines: Vec<String>,
    /// Every change applied, in line and column order.
    pub edits: Vec<Edit>,
    /// Changes considered but not applied because their confidence was below
    /// [`RepairOptions::min_confidence`].
    pub withheld: Vec<Edit>,
}

impl Repaired {
    /// The repaired text, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }
}

/// Repairs text against a [`Lexicon`].
#[derive(Debug)]
pub struct Repairer<'a> {
    lexicon: &'a Lexicon,
    options: RepairOptions,
    cache: Option<&'a CandidateCache>,
}

/// A word token that repair may change.
struct Slot {
    line: usize,
    token: usize,
    /// Lower-case token text.
    key: String,
}

/// What sits at one LM position.
enum Item {
    /// A repairable word: index into `slots`.
    Slot(usize),
    /// A fixed word (figure, code, unknown symbol).
    Fixed(WordId),
    /// Segment boundary.
    Break,
    /// A lone mark that OCR may have made of a one-letter word (`&` for `ở`):
    /// a slot in a noisy document, a boundary in clean text.
    NoisySlot(usize),
    /// Punctuation that may be OCR noise inside a sentence: a boundary in
    /// clean text, dropped (context flows across it) in a noisy document.
    Stray,
}

/// A replacement decided for one token.
struct Change {
    to: String,
    confidence: f32,
    runner_up: Option<String>,
}

impl<'a> Repairer<'a> {
    /// A repairer using `lexicon` with `options`.
    pub fn new(lexicon: &'a Lexicon, options: RepairOptions) -> Self {
        Repairer {
            lexicon,
            options,
            cache: None,
        }
    }

    /// A repairer that takes candidates from `cache`, shared with other
    /// repairers (and threads) working on the same collection. Output is
    /// identical to [`new`](Self::new)'s; only speed differs.
    pub fn with_cache(
        lexicon: &'a Lexicon,
        options: RepairOptions,
        cache: &'a CandidateCache,
    ) -> Self {
        Repairer {
            lexicon,
            options,
            cache: Some(cache),
        }
    }

    /// Repairs a whole text (lines separated by `\n`).
    pub fn repair_text(&self, input: &str) -> Repaired {
        let lex = self.lexicon;
        let raw_lines = text::split_lines(input);
        let lines: Vec<String> = raw_lines
            .iter()
            .map(|l| text::nfc(l).into_owned())
            .collect();
        let tokens: Vec<Vec<Token>> = lines.iter().map(|l| text::tokenize(l)).collect();
        let mut changes: FxHashMap<(usize, usize), Change> = FxHashMap::default();
        let mut slots: Vec<Slot> = Vec::new();
        let mut items: Vec<Item> = Vec::new();
        let mut code_tokens: Vec<(usize, usize, CodeSlot)> = Vec::new();
        let mut strays: Vec<(usize, usize, &'static str)> = Vec::new();

        for (li, (line, toks)) in lines.iter().zip(&tokens).enumerate() {
            if line.trim().is_empty() {
                items.push(Item::Break);
                continue;
            }
            let first_word = toks.iter().position(|t| t.kind != TokenKind::Space);
            for (ti, t) in toks.iter().enumerate() {
                let s = t.text(line);
                match t.kind {
                    TokenKind::Space => {}
                    TokenKind::Figure => items.push(Item::Fixed(lm::NUM)),
                    TokenKind::Punct if s == "," => items.push(Item::Fixed(lm::COMMA)),
                    TokenKind::Punct if lone_letter_mark(line, toks, ti) => {
                        items.push(Item::NoisySlot(slots.len()));
                        slots.push(Slot {
                            line: li,
                            token: ti,
                            key: s.to_owned(),
                        });
                    }
                    TokenKind::Punct => match stray_punct(line, toks, ti)
                        .or_else(|| trailing_junk(line, toks, ti).then_some(""))
                    {
                        Some(to) => {
                            items.push(Item::Stray);
                            strays.push((li, ti, to));
                        }
                        None => items.push(Item::Break),
                    },
                    TokenKind::Protected => items.push(Item::Break),
                    TokenKind::Word => {
                        let next = toks.get(ti + 1).map_or("", |n| n.text(line));
                        if Some(ti) == first_word {
                            if let Some(m) = codes::repair_marker(s, next) {
                                changes.insert(
                                    (li, ti),
                                    Change {
                                        to: m,
                                        confidence: 0.9,
                                        runner_up: None,
                                    },
                                );
                                items.push(Item::Break);
                                continue;
                            }
                        }
                        if let Some(slot) = code_like(line, toks, ti) {
                            let id = lm_form(s).map_or(lm::CODE, |w| lex.id(&w));
                            items.push(Item::Fixed(id));
                            code_tokens.push((li, ti, slot));
                            continue;
                        }
                        items.push(Item::Slot(slots.len()));
                        slots.push(Slot {
                            line: li,
                            token: ti,
                            key: s.to_lowercase(),
                        });
                    }
                }
            }
        }

        // Candidates per distinct token.
        let local;
        let cache = match self.cache {
            Some(c) => c,
            None => {
                local = CandidateCache::new(usize::MAX);
                &local
            }
        };
        let mut cand_cache: FxHashMap<&str, Arc<[Candidate]>> = FxHashMap::default();
        for s in &slots {
            cand_cache
                .entry(s.key.as_str())
                .or_insert_with(|| cache.get(lex, &s.key));
        }
        let weights = mixture::estimate(lex, &slots_keys(&slots), &cand_cache);
        // Codes: a symbol part is always read against the code list; a free-standing
        // abbreviation only in a noisy document (clean text keeps unknown acronyms).
        let mut code_cache: FxHashMap<(&str, CodeSlot), Option<codes::CodeRepair>> =
            FxHashMap::default();
        for &(li, ti, slot) in &code_tokens {
            if slot == CodeSlot::Free && weights.identity >= 0.5 {
                continue;
            }
            let s = tokens[li][ti].text(&lines[li]);
            let rep = code_cache
                .entry((s, slot))
                .or_insert_with(|| codes::repair_code(lex, s, slot, &weights))
                .clone();
            if let Some(r) = rep {
                changes.insert(
                    (li, ti),
                    Change {
                        to: r.code,
                        confidence: r.confidence,
                        runner_up: r.runner_up,
                    },
                );
            }
        }
        // Stray punctuation is removed only where the document is noisy.
        let noisy = weights.identity < 0.5;
        if noisy {
            for &(li, ti, to) in &strays {
                changes.insert(
                    (li, ti),
                    Change {
                        to: to.to_owned(),
                        confidence: STRAY_CONFIDENCE,
                        runner_up: None,
                    },
                );
            }
        }
        let options: FxHashMap<&str, Vec<(Option_, Option<WordId>)>> = cand_cache
            .iter()
            .map(|(&k, c)| (k, mixture::options(lex, &weights, k, c)))
            .collect();

        // Decode each segment.
        let mut seg: Vec<usize> = Vec::new();
        let mut positions: Vec<Vec<Option_>> = Vec::new();
        let mut memo = decode::TransitionMemo::default();
        let mut flush = |seg: &mut Vec<usize>,
                         positions: &mut Vec<Vec<Option_>>,
                         changes: &mut FxHashMap<(usize, usize), Change>| {
            if positions.is_empty() {
                return;
            }
            let decoded = decode::decode(&lex.lm, positions, &mut memo);
            let path = &decoded.path;
            for (i, &slot_idx) in seg.iter().enumerate() {
                if slot_idx == usize::MAX {
                    continue;
                }
                let slot = &slots[slot_idx];
                let opts = &options[slot.key.as_str()];
                let chosen = path[i];
                let Some(word_id) = opts[chosen].1 else {
                    continue;
                };
                let word = lex.word(word_id);
                let original = lm_form(&slot.key);
                if original.as_deref() == Some(word) {
                    continue;
                }
                // The runner-up is the best other option of the trigram pass by
                // local score; failing one, the best by bigram max-marginal.
                let chosen_score = decode::local_score(&lex.lm, positions, path, i, chosen);
                let runner: Option<(f32, usize)> = decoded.kept[i]
                    .iter()
                    .filter(|&&k| k != chosen)
                    .map(|&k| {
                        let sc = decode::local_score(&lex.lm, positions, path, i, k);
                        (chosen_score - sc, k)
                    })
                    .min_by(|a, b| a.0.total_cmp(&b.0))
                    .or_else(|| decoded.marginal_runner_up(i, chosen));
                let margin = runner.map_or(10.0, |r| r.0);
                let confidence = (1.0 / (1.0 + (-margin).exp())).min(MAX_CONFIDENCE);
                let runner_up = runner.map(|(_, k)| match opts[k].1 {
                    Some(id) => lex.word(id).to_owned(),
                    None => slot.key.clone(),
                });
                changes.insert(
                    (slot.line, slot.token),
                    Change {
                        to: word.to_owned(),
                        confidence,
                        runner_up,
                    },
                );
            }
            seg.clear();
            positions.clear();
        };
        for item in &items {
            match item {
                Item::Break => flush(&mut seg, &mut positions, &mut changes),
                Item::Stray if noisy => {}
                Item::Stray => flush(&mut seg, &mut positions, &mut changes),
                Item::Fixed(id) => {
                    seg.push(usize::MAX);
                    positions.push(vec![Option_ {
                        id: *id,
                        channel: 0.0,
                    }]);
                }
                Item::NoisySlot(_) if !noisy => flush(&mut seg, &mut positions, &mut changes),
                Item::Slot(i) | Item::NoisySlot(i) => {
                    seg.push(*i);
                    positions.push(
                        options[slots[*i].key.as_str()]
                            .iter()
                            .map(|o| o.0)
                            .collect(),
                    );
                }
            }
        }
        flush(&mut seg, &mut positions, &mut changes);

        self.apply(&lines, &tokens, &slots, changes)
    }

    fn apply(
        &self,
        lines: &[String],
        tokens: &[Vec<Token>],
        slots: &[Slot],
        mut changes: FxHashMap<(usize, usize), Change>,
    ) -> Repaired {
        let is_slot: rustc_hash::FxHashSet<(usize, usize)> =
            slots.iter().map(|s| (s.line, s.token)).collect();
        let mut out = Repaired::default();
        for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
            let mut new_line = String::with_capacity(line.len() + 8);
            let mut line_upper: Option<bool> = None;
            // Characters before `counted` (a byte offset), kept as tokens go
            // by so columns cost linear time on long lines.
            let (mut counted, mut chars_before) = (0usize, 0usize);
            for (ti, t) in toks.iter().enumerate() {
                let s = t.text(line);
                let change = changes.remove(&(li, ti));
                let Some(change) = change else {
                    if self.options.restyle_all && t.kind == TokenKind::Word {
                        new_line.push_str(&viet::set_tone_style(s, self.options.tone_style));
                    } else {
                        new_line.push_str(s);
                    }
                    continue;
                };
                let to = if is_slot.contains(&(li, ti)) {
                    let upper = *line_upper.get_or_insert_with(|| case::line_upper(line, toks));
                    let ctx = case::context_in_line(lines, tokens, li, ti, upper);
                    viet::apply_case(
                        &viet::set_tone_style(&change.to, self.options.tone_style),
                        case::restore(s, &change.to, ctx),
                    )
                } else {
                    change.to.clone()
                };
                let edit = Edit {
                    line: li + 1,
                    column: {
                        chars_before += line.get(counted..t.start).map_or(0, |p| p.chars().count());
                        counted = counted.max(t.start);
                        chars_before + 1
                    },
                    from: s.to_owned(),
                    to: to.clone(),
                    confidence: change.confidence,
                    runner_up: change.runner_up,
                };
                if to == s {
                    new_line.push_str(s);
                } else if change.confidence < self.options.min_confidence {
                    new_line.push_str(s);
                    out.withheld.push(edit);
                } else {
                    new_line.push_str(&to);
                    out.edits.push(edit);
                }
            }
            out.lines.push(new_line);
        }
        out
    }
}

fn slots_keys(slots: &[Slot]) -> Vec<&str> {
    slots.iter().map(|s| s.key.as_str()).collect()
}

/// Is the word at `ti` part of a document symbol or an abbreviation rather
/// than a syllable? A symbol part touches `-`, `/` or `_` without a space and
/// carries a capital ([`CodeSlot::Type`] right after `number/` and before
/// `-`); an abbreviation ([`CodeSlot::Free`]) carries two or more capitals and
/// is not shaped like a syllable. `None`: an ordinary word.
fn code_like(line: &str, toks: &[Token], ti: usize) -> Option<CodeSlot> {
    let s = toks[ti].text(line);
    let punct_edge = |t: Option<&Token>, at_end: bool| -> Option<char> {
        t.filter(|t| t.kind == TokenKind::Punct).and_then(|t| {
            let p = t.text(line);
            if at_end {
                p.chars().next_back()
            } else {
                p.chars().next()
            }
        })
    };
    let prev = ti.checked_sub(1).and_then(|i| toks.get(i));
    let before = punct_edge(prev, true);
    let after = punct_edge(toks.get(ti + 1), false);
    let touches = |c: Option<char>| matches!(c, Some('-' | '/' | '_'));
    let uppers = s.chars().filter(|c| c.is_uppercase()).count();
    if (touches(before) || touches(after)) && uppers >= 1 {
        // `number/` right before: the slash punct alone, then a figure.
        let after_number = before == Some('/')
            && prev.is_some_and(|p| p.text(line) == "/")
            && ti >= 2
            && toks[ti - 2].kind == TokenKind::Figure;
        return Some(if after_number && after == Some('-') {
            CodeSlot::Type
        } else {
            CodeSlot::Symbol
        });
    }
    let skeleton = viet::skeleton(s);
    (uppers >= 2
        && !crate::lexicon::syllable::is_syllable_shape(&skeleton)
        && s.chars().all(|c| c.is_alphabetic() || c == '&'))
    .then_some(CodeSlot::Free)
}

/// Is the punctuation token at `ti` a lone `&` or `¢` between a word and a
/// lower-case word (`Đất & tại nông thôn`), which OCR makes of `ở` or `c`?
fn lone_letter_mark(line: &str, toks: &[Token], ti: usize) -> bool {
    let lower_word = |i: Option<usize>| {
        i.and_then(|i| toks.get(i)).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.text(line)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase())
        })
    };
    let space = |i: Option<usize>| {
        i.and_then(|i| toks.get(i))
            .is_some_and(|t| t.kind == TokenKind::Space)
    };
    matches!(toks[ti].text(line), "&" | "¢")
        && space(ti.checked_sub(1))
        && space(Some(ti + 1))
        && ti
            .checked_sub(2)
            .and_then(|i| toks.get(i))
            .is_some_and(|t| t.kind == TokenKind::Word)
        && lower_word(Some(ti + 2))
}

/// Is the punctuation token at `ti` a lone mark OCR added after the end of a
/// sentence (`này. :`, `chuyển. ~ :`)? It stands alone, only marks and spaces
/// follow it to the end of the line, and the last mark before it that touches
/// a word ends a sentence or clause. Table rules (`|`) are never junk.
fn trailing_junk(line: &str, toks: &[Token], ti: usize) -> bool {
    let p = toks[ti].text(line);
    if p.chars().count() != 1
        || !p.chars().all(|c| {
            matches!(
                c,
                ':' | '~' | '"' | '“' | '”' | '‘' | '’' | '-' | '.' | '•' | '^' | '*'
            )
        })
    {
        return false;
    }
    let spaced = |t: Option<&Token>| t.is_none_or(|t| t.kind == TokenKind::Space);
    if !spaced(ti.checked_sub(1).and_then(|i| toks.get(i))) || !spaced(toks.get(ti + 1)) {
        return false;
    }
    if toks[ti + 1..].iter().any(|t| {
        !matches!(t.kind, TokenKind::Space | TokenKind::Punct) || t.text(line).contains('|')
    }) {
        return false;
    }
    // The last punctuation glued to a word before this mark.
    let mut it = toks[..ti]
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, t)| t.kind != TokenKind::Space);
    loop {
        match it.next() {
            Some((j, t)) if t.kind == TokenKind::Punct => {
                let glued =
                    j > 0 && matches!(toks[j - 1].kind, TokenKind::Word | TokenKind::Figure);
                if glued {
                    return t
                        .text(line)
                        .chars()
                        .next_back()
                        .is_some_and(|c| matches!(c, '.' | ';' | ':'));
                }
            }
            _ => return false,
        }
    }
}

/// Is the punctuation token at `ti` OCR noise inside a sentence? Returns what
/// to print instead: a space for one character glued between two lower-case
/// words (`dan-sy`, `taém.cua`, `Toéa:an`, `từ’lên`; nothing when a quote mark
/// splits one syllable, `ti’én`), nothing for a period or quote mark glued to
/// the end of a lower-case word in mid-sentence, with lower-case words two
/// deep before and one after (`mọi người trong. xã hội`). Abbreviations (`v.v.`), codes
/// (`NĐ-CP`), figures and anything capitalised after the mark are left alone.
fn stray_punct(line: &str, toks: &[Token], ti: usize) -> Option<&'static str> {
    let p = toks[ti].text(line);
    let mark = {
        let mut it = p.chars();
        let c = it.next()?;
        if it.next().is_some() {
            return None;
        }
        c
    };
    let is_lower_word = |t: Option<&Token>| -> Option<&str> {
        let t = t.filter(|t| t.kind == TokenKind::Word)?;
        let w = t.text(line);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        (letters >= 2
            && w.chars().count() <= 7
            && !w.chars().any(|c| c.is_uppercase())
            && w.chars().next().is_some_and(char::is_alphabetic))
        .then_some(w)
    };
    let next = toks.get(ti + 1);
    // `@` never ends a word outside an e-mail address (those are protected).
    if mark == '@'
        && ti > 0
        && toks[ti - 1].kind == TokenKind::Word
        && next.is_none_or(|t| t.kind == TokenKind::Space)
    {
        return Some("");
    }
    let prev = is_lower_word(ti.checked_sub(1).and_then(|i| toks.get(i)))?;
    if let Some(next) = is_lower_word(next) {
        return match mark {
            '-' | '.' | ':' => Some(" "),
            // A quote mark inside a word is often a displaced tone mark
            // (`ti’én` = `tiền`): join when the halves make one syllable.
            '’' | '‘' | '\'' | '`' => {
                let joined = viet::skeleton(&format!("{prev}{next}"));
                Some(if crate::lexicon::syllable::is_syllable_shape(&joined) {
                    ""
                } else {
                    " "
                })
            }
            _ => None,
        };
    }
    // Mid-sentence: lower-case words on both sides, two deep before the mark.
    let after_space = next.is_some_and(|t| t.kind == TokenKind::Space)
        && is_lower_word(toks.get(ti + 2)).is_some();

    let sentence_before = ti >= 3
        && toks[ti - 2].kind == TokenKind::Space
        && is_lower_word(toks.get(ti - 3)).is_some();
    (after_space && sentence_before && matches!(mark, '.' | '?' | '’' | '‘' | '`')).then_some("")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the mark-reading rules say of every punctuation token of `line`.
    fn marks(line: &str) -> Vec<(String, Option<&'static str>, bool, bool)> {
        let toks = text::tokenize(line);
        toks.iter()
            .enumerate()
            .filter(|(_, t)| t.kind == TokenKind::Punct)
            .map(|(i, t)| {
                (
                    t.text(line).to_owned(),
                    stray_punct(line, &toks, i),
                    trailing_junk(line, &toks, i),
                    lone_letter_mark(line, &toks, i),
                )
            })
            .collect()
    }

    #[test]
    fn stray_marks_between_words() {
        let m = marks("luat dan-sy la, trung taém.cua tinh");
        assert_eq!(m[0], ("-".into(), Some(" "), false, false));
        assert_eq!(m[1].1, None, "a comma followed by a space stays");
        assert_eq!(m[2], (".".into(), Some(" "), false, false));
        // A quote inside one syllable is a displaced mark: join.
        assert_eq!(marks("ti’én mat")[0].1, Some(""));
        // Codes, abbreviations and figures are left alone.
        assert!(marks("số 30/2020/NĐ-CP, v.v. và 22,5-km")
            .iter()
            .all(|m| m.1.is_none()));
    }

    #[test]
    fn trailing_and_lone_marks() {
        let m = marks("cua Bo luat nay. :");
        assert_eq!(m[1], (":".into(), None, true, false));
        assert!(!marks("| Số liệu | 2023 |").iter().any(|m| m.2));
        assert!(!marks("như sau: a) b")[0].2);
        let m = marks("Dat & tai nong thon");
        assert_eq!(m[0], ("&".into(), None, false, true));
        assert!(!marks("A & B")[0].3);
        assert_eq!(marks("co s@ san")[0].1, Some(""));
    }
}
