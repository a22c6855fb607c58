//! The noisy-channel corrector.
//!
//! For each word token, [`candidates`] proposes syllables it may have come
//! from; a per-document mixture of three channels (text is clean / stripped
//! of its marks / OCR noise, see [`mixture`]) scores them; [`decode`] picks
//! the best sequence under the trigram model; the OCR token's case pattern is
//! restored. Document symbols and abbreviations go through [`codes`].
//!
//! A document the mixture finds noisy is read differently where OCR damages
//! punctuation: marks glued to or inside words (`Chanh’an`, `co’`, `nu’éc`,
//! `tòa,-phiên`, `Diéu-3.`) are dropped or become spaces, and capitalised
//! syllables that look like code parts (`B6-luat`, `HGi déng`) are decoded as
//! syllables (`noisy_readings`); a token OCR printed for two syllables
//! without the space between them is decoded as two (`yéucau` → `yêu cầu`).
//! It is decoded twice, the second time with the first pass's sure readings
//! as the document's senses (`sense.rs`); then fixed phrases the language
//! model's corpora lack are read on the repaired words (`phrases.rs`: `Sở`
//! before a department, `kính trình`, `UBND thị xã`, `vụ Hè Thu`, …), and the
//! Roman numerals of section headings in their sequence (`sections.rs`).
//! Clean text is read as it is.
//!
//! Invariants: the output has exactly as many lines as the input, line *i* for
//! line *i*; only word tokens that the decoder decided to change are replaced;
//! figures, URLs, e-mail addresses and whitespace are kept, and punctuation
//! too, unless the document is noisy.

pub mod cache;
pub mod candidates;
pub mod case;
pub mod codes;
pub mod decode;
mod initials;
mod marks;
pub mod mixture;
mod motto;
mod own_name;
mod phrases;
mod reading;
mod rows;
mod rules;
mod sections;
mod sense;
mod surnames;
mod titles;

use crate::lexicon::lm::{self, WordId};
use crate::lexicon::{lm_form, names, Lexicon};
use crate::text::viet;
use crate::text::{self, Token, TokenKind, ToneStyle};
pub use cache::CandidateCache;
use candidates::Candidate;
use codes::CodeSlot;
use decode::Option_;
use phrases::Reader;
use reading::{
    colon_before_item, heading_mark, heading_words, junk_head, junk_tail, list_letter,
    lone_letter_mark, lone_o, noisy_readings, trailing_junk, unit_after_figure, LineTests, MarkLm,
    Reading, LONE_O_MARKS,
};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::{Arc, LazyLock};

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
    /// Lower-case token text (for a joined syllable: its letters).
    key: String,
    /// Which documents decode it.
    gate: Gate,
    /// A syllable joined from tokens `token..end`: their OCR text.
    ocr: Option<String>,
    /// One past the last token of the slot.
    end: usize,
    /// 1 or 2: the first or second syllable of a token split in two
    /// ([`Reading::Split`]); 0: the whole token.
    half: u8,
    /// A syllable of a personal name alone on its line, decoded with the
    /// person-name model ([`Lexicon::names`]).
    name: bool,
}

/// Which documents an LM item, slot or rewrite belongs to: every document,
/// only those the channel mixture finds noisy, or only clean ones (the
/// reading a noisy document replaces).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gate {
    Always,
    Noisy,
    Clean,
}

impl Gate {
    fn admits(self, noisy: bool) -> bool {
        match self {
            Gate::Always => true,
            Gate::Noisy => noisy,
            Gate::Clean => !noisy,
        }
    }
}

impl MarkLm {
    fn item(self) -> Item {
        match self {
            MarkLm::Dropped => Item::Stray,
            MarkLm::Comma => Item::Fixed(lm::COMMA),
            MarkLm::Boundary => Item::Break,
        }
    }
}

/// The LM items, slots and rewrites of a text, each with its [`Gate`].
#[derive(Default)]
struct Builder {
    items: Vec<(Gate, Item)>,
    slots: Vec<Slot>,
    code_tokens: Vec<(Gate, usize, usize, CodeSlot)>,
    strays: Vec<(Gate, usize, usize, String)>,
    /// Section markers repaired while building.
    markers: Vec<(Gate, (usize, usize), Change)>,
    /// Markers written in small letters whatever OCR printed (`©)` is `c)`).
    small_markers: Vec<(usize, usize)>,
    /// The line after the one being built starts with a word.
    next_line_word: bool,
    /// The tests of the line being built that its readings ask too.
    tests: LineTests,
}

impl Builder {
    fn slot(
        &mut self,
        gate: Gate,
        line: usize,
        token: usize,
        key: String,
        ocr: Option<(String, usize)>,
    ) {
        self.items.push((gate, Item::Slot(self.slots.len())));
        let end = ocr.as_ref().map_or(token + 1, |o| o.1);
        self.slots.push(Slot {
            line,
            token,
            key,
            gate,
            ocr: ocr.map(|o| o.0),
            end,
            half: 0,
            name: false,
        });
    }

    /// A personal name's words, `toks` of line `li` from token `offset`,
    /// as a segment of their own read with the person-name model. A surname
    /// one letter off is read as the surname.
    fn name_slots(&mut self, li: usize, line: &str, toks: &[Token], offset: usize) {
        self.items.push((Gate::Always, Item::Break));
        let first = toks.iter().position(|t| t.kind == TokenKind::Word);
        for (i, t) in toks.iter().enumerate() {
            if t.kind == TokenKind::Word {
                let key = Some(i)
                    .filter(|&i| Some(i) == first)
                    .and_then(|_| names::surname_near(t.text(line)))
                    .map_or_else(|| t.text(line).to_lowercase(), viet::skeleton);
                self.slot(Gate::Always, li, offset + i, key, None);
                if let Some(s) = self.slots.last_mut() {
                    s.name = true;
                }
            }
        }
        self.items.push((Gate::Always, Item::Break));
    }

    /// Fixed LM positions for the space-separated `words` a token is read
    /// as (an acronym's expansion, a unit's name).
    fn fixed_words(&mut self, lex: &Lexicon, gate: Gate, words: &str) {
        for w in words.split(' ') {
            self.items.push((gate, Item::Fixed(lex.id(w))));
        }
    }

    /// Records `to` as what token `ti` of line `li` reads, whatever the
    /// decoder makes of it, where `gate` admits it.
    fn marker(&mut self, gate: Gate, (li, ti): (usize, usize), to: String, confidence: f32) {
        self.markers.push((
            gate,
            (li, ti),
            Change {
                to,
                confidence,
                runner_up: None,
            },
        ));
    }

    /// The clean reading of token `ti` of line `li`.
    fn token(
        &mut self,
        lex: &Lexicon,
        gate: Gate,
        line: &str,
        toks: &[Token],
        li: usize,
        ti: usize,
    ) {
        let t = &toks[ti];
        let s = t.text(line);
        match t.kind {
            TokenKind::Space => {}
            TokenKind::Figure => {
                if let Some(figure) = s.strip_suffix(['o', 'O']) {
                    // OCR's `%o` for `‰` (the tokenizer keeps it with its figure).
                    self.marker(
                        gate,
                        (li, ti),
                        format!("{}‰", figure.trim_end_matches('%')),
                        MARKER_CONFIDENCE,
                    );
                }
                match reading::lone_figure_readings(line, toks, ti, self.next_line_word)
                    .filter(|_| gate != Gate::Clean)
                {
                    // A noisy document's decoder weighs the syllables against
                    // the number; the figure itself is judged after decoding
                    // ([`read_lone_o`]), clean text keeps it a number.
                    Some(words) => {
                        self.items.push((Gate::Noisy, Item::FigureOrWord(words)));
                        if gate == Gate::Always {
                            self.items.push((Gate::Clean, Item::Fixed(lm::NUM)));
                        }
                    }
                    None => self.items.push((gate, Item::Fixed(lm::NUM))),
                }
            }
            // A comma glued between two small words may be a speck: a
            // noisy document's decoder reads across it, and
            // [`phrases::read_glued_comma`] weighs it after.
            TokenKind::Punct if s == "," => {
                if gate != Gate::Clean && phrases::glued_comma(line, toks, ti) {
                    self.items.push((Gate::Noisy, Item::Stray));
                    if gate == Gate::Always {
                        self.items.push((Gate::Clean, Item::Fixed(lm::COMMA)));
                    }
                } else {
                    self.items.push((gate, Item::Fixed(lm::COMMA)));
                }
            }
            TokenKind::Punct if lone_letter_mark(line, toks, ti) => {
                self.items.push((gate, Item::NoisySlot(self.slots.len())));
                self.slots.push(Slot {
                    line: li,
                    token: ti,
                    key: s.to_owned(),
                    gate,
                    ocr: None,
                    end: ti + 1,
                    half: 0,
                    name: false,
                });
            }
            TokenKind::Punct => match self
                .tests
                .stray(ti)
                .or_else(|| trailing_junk(line, toks, ti).then_some(""))
            {
                Some(to) => {
                    // A mark kept of two is context as it stands alone.
                    let item = match to {
                        "," => Item::Fixed(lm::COMMA),
                        ";" | ":" | ")," => Item::Break,
                        _ => Item::Stray,
                    };
                    self.items.push((gate, item));
                    self.strays.push((gate, li, ti, to.to_owned()));
                }
                None => self.items.push((gate, Item::Break)),
            },
            TokenKind::Protected => self.items.push((gate, Item::Break)),
            TokenKind::Word => {
                let first_word = toks.iter().position(|t| t.kind != TokenKind::Space);
                if Some(ti) == first_word {
                    let rest = toks.get(ti + 1).map_or("", |n| &line[n.start..]);
                    if let Some(m) = codes::repair_marker(s, rest) {
                        self.marker(gate, (li, ti), m, MARKER_CONFIDENCE);
                        self.items.push((gate, Item::Break));
                        return;
                    }
                }
                // A quarter's numeral after `quý` (`quy IT` → `quý III`): the
                // decoder reads `quý` against it. Noisy documents only.
                if let Some(roman) =
                    reading::quarter_numeral(line, toks, ti).filter(|_| gate != Gate::Clean)
                {
                    if roman != s {
                        self.marker(Gate::Noisy, (li, ti), roman.to_owned(), QUARTER_CONFIDENCE);
                    }
                    self.items
                        .push((Gate::Noisy, Item::Fixed(lex.id(&roman.to_lowercase()))));
                    if gate == Gate::Always {
                        self.token(lex, Gate::Clean, line, toks, li, ti);
                    }
                    return;
                }
                if let Some(words) = reading::power_unit_after_figure(line, toks, ti) {
                    self.fixed_words(lex, gate, words);
                    return;
                }
                // `m?` for `m²` in a noisy document: the unit, the mark gone.
                if let Some(p) = reading::power_sign(line, toks, ti).filter(|_| gate != Gate::Clean)
                {
                    self.marker(Gate::Noisy, (li, ti), p.unit, MARKER_CONFIDENCE);
                    if let Some(rest) = p.rest {
                        self.strays.push((Gate::Noisy, li, ti + 1, rest));
                    }
                    self.fixed_words(lex, Gate::Noisy, p.words);
                    if gate == Gate::Always {
                        self.token(lex, Gate::Clean, line, toks, li, ti);
                    }
                    return;
                }
                if let Some(slot) = self.tests.code(ti) {
                    match codes::acronym_words(s).filter(|_| slot == CodeSlot::Free) {
                        Some(words) => self.fixed_words(lex, gate, words),
                        None => {
                            let id = lm_form(s).map_or(lm::CODE, |w| lex.id(&w));
                            self.items.push((gate, Item::Fixed(id)));
                        }
                    }
                    self.code_tokens.push((gate, li, ti, slot));
                    return;
                }
                // A grade or class letter (`cấp D`) or a multiplication sign
                // (`32 đoàn x 12.000.000 đồng`) is no syllable.
                if reading::grade_letter(line, toks, ti) || reading::times_sign(line, toks, ti) {
                    self.items.push((gate, Item::Fixed(lm::CODE)));
                    return;
                }
                // A unit after a figure in clean text; in a noisy document the
                // letter may as well be a fragment of a word (`5 s` = `số`).
                if gate != Gate::Noisy && unit_after_figure(line, toks, ti) {
                    self.items.push((Gate::Clean, Item::Fixed(lm::CODE)));
                    if gate == Gate::Always {
                        self.slot(Gate::Noisy, li, ti, s.to_lowercase(), None);
                    }
                    return;
                }
                self.slot(gate, li, ti, s.to_lowercase(), None);
            }
        }
    }
}

/// Confidence of a token a rule reads rather than the decoder: a section
/// marker, a per mille sign, a unit's power, a list letter.
const MARKER_CONFIDENCE: f32 = 0.9;

/// Confidence of a quarter's numeral read from OCR's strokes
/// ([`reading::quarter_numeral`]).
const QUARTER_CONFIDENCE: f32 = 0.8;

/// Nats taken from the options of a unit's denominator outside the closed
/// class ([`reading::DENOMINATORS`]) when one inside it fits.
const DENOMINATOR_PENALTY: f32 = 8.0;

/// Nats taken from the options of a word right after a count (a figure that
/// is not a year) outside the same class when one inside it fits: reports
/// count households, people, hectares (`420 hộ`), where the legal corpus of
/// the language model rarely does (`P(hộ | figure)` backs off to the
/// unigram, so `420 ho bi` read `họ bị`). Small, so a strong bigram after the
/// word still wins (`56.703 hồ sơ`).
const COUNTED_PENALTY: f32 = 2.0;

/// Weight (nats per unit of log count) of the place-name prior of a word
/// printed capitalised after another word in a noisy document (`huyện Tây
/// Lam`): such a word is a name, and the prior is the log of one plus the
/// number of place names holding each reading (`Lâm` 206, `Làm` 0). 0.3:
/// held-out sets A-Q 63 tokens fixed, 13 broken (`Phòng` read `Phong` 4
/// times), 22 wrong to wrong, SER 7.01 -> 6.96 %; 0.6 and 1.0 broke 37 and
/// 60.
const PROPER_PRIOR: f32 = 0.3;

/// The closed class of words a slot's word should be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// A unit's denominator: [`reading::DENOMINATORS`].
    Denominator,
    /// A word a count counts: the denominators and [`reading::COUNTERS`].
    Counted,
}

impl Class {
    /// Nats taken from the options outside the class when one inside fits.
    fn penalty(self) -> f32 {
        match self {
            Class::Denominator => DENOMINATOR_PENALTY,
            Class::Counted => COUNTED_PENALTY,
        }
    }

    /// Is `word` in the class?
    fn holds(self, word: &str) -> bool {
        // Sets of the lists, asked for every option of every slot after a
        // count rather than searched a string at a time.
        static DENOMINATORS: LazyLock<FxHashSet<&str>> =
            LazyLock::new(|| reading::DENOMINATORS.iter().copied().collect());
        static COUNTERS: LazyLock<FxHashSet<&str>> =
            LazyLock::new(|| reading::COUNTERS.iter().copied().collect());
        DENOMINATORS.contains(word) || self == Class::Counted && COUNTERS.contains(word)
    }
}

/// Writes to `out` the options `opts` (outputting `words`) of a slot whose
/// word should be in `class`, those outside it held back by the class's
/// [`penalty`](Class::penalty); `false` (and `out` unspecified) when no
/// option is inside it, so the options stand as they are.
fn class_options(
    lex: &Lexicon,
    opts: &[Option_],
    words: &[Option<WordId>],
    class: Class,
    out: &mut Vec<Option_>,
) -> bool {
    let in_class = |w: &Option<WordId>| w.is_some_and(|id| class.holds(lex.word(id)));
    let penalty = class.penalty();
    if !words.iter().any(in_class) {
        return false;
    }
    out.clear();
    out.extend(opts.iter().zip(words).map(|(o, w)| Option_ {
        id: o.id,
        channel: o.channel - if in_class(w) { 0.0 } else { penalty },
    }));
    true
}

/// Reads `ở` where OCR printed it as a lone `6`, `@` or `©` between words
/// (`CCHC 6 các cơ quan`, `thực hiện @ một số lĩnh vực`), judged on the
/// repaired next word (see [`reading::lone_o`]), and a lone `6`, `14` or `16` as
/// the syllable the language model is sure of (see
/// [`reading::lone_figure_word`]).
fn read_lone_o(lex: &Lexicon, lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len() {
            let mark = toks[ti].text(line);
            if !LONE_O_MARKS.contains(&mark) && !reading::is_lone_figure_mark(mark) {
                continue;
            }
            // The word token `tj` of line `lj` as repaired so far.
            let word_in = |lj: usize, tj: usize| -> Option<&str> {
                let t = tokens
                    .get(lj)?
                    .get(tj)
                    .filter(|t| t.kind == TokenKind::Word)?;
                Some(changes.text(&lines[lj], t, (lj, tj)))
            };
            let word_at = |tj: usize| word_in(li, tj);
            let prev = ti.checked_sub(2).and_then(word_at);
            // The two words after the mark; at the end of the line, the
            // first two of the next line.
            let after = if reading::ends_line(toks, ti) {
                let mut next_words = tokens
                    .get(li + 1)
                    .into_iter()
                    .flatten()
                    .enumerate()
                    .filter(|(_, t)| t.kind != TokenKind::Space)
                    .map(|(tj, _)| word_in(li + 1, tj));
                [next_words.next().flatten(), next_words.next().flatten()]
            } else {
                [word_at(ti + 2), word_at(ti + 4)]
            };
            let lone_o_here = after[0].is_some_and(|next| {
                LONE_O_MARKS.contains(&mark) && lone_o(line, toks, ti, prev, next)
            });
            if lone_o_here {
                changes.insert(
                    (li, ti),
                    Change {
                        to: "ở".to_owned(),
                        confidence: LONE_O_CONFIDENCE,
                        runner_up: None,
                    },
                );
            } else if let Some((to, margin)) = {
                // After a word and a comma, the comma is the context (`rõ
                // việc, 16 chức` → `tổ`).
                // After a count, the count (`89 6 dịch` → `ổ`).
                let count = ti
                    .checked_sub(2)
                    .map(|i| &toks[i])
                    .filter(|t| t.kind == TokenKind::Figure)
                    .map(|t| t.text(line));
                let before = if ti >= 3 && toks[ti - 2].text(line) == "," {
                    [word_at(ti - 3), Some(",")]
                } else if ti >= 2 && reading::CLAUSE_MARKS.contains(&toks[ti - 2].text(line)) {
                    [None, Some(toks[ti - 2].text(line))]
                } else {
                    [ti.checked_sub(4).and_then(word_at), prev.or(count)]
                };
                reading::lone_figure_word(lex, line, toks, ti, before, after)
            } {
                changes.insert(
                    (li, ti),
                    Change {
                        to: to.to_owned(),
                        confidence: confidence_of(margin * std::f32::consts::LN_10),
                        runner_up: Some(mark.to_owned()),
                    },
                );
            }
        }
    }
}

/// The phrase readers a noisy document's decoded lines go through before
/// the own-name reader ([`own_name::read_own_name`]), in order.
const READERS_BEFORE_NAME: &[Reader] = &[
    Reader::Lexicon(read_lone_o),
    Reader::Text(phrases::read_department_so),
    Reader::Lexicon(phrases::read_g_for_o),
    Reader::Text(phrases::read_every_period),
    Reader::Text(phrases::read_legal_basis),
    Reader::Text(phrases::read_unit_after_body),
    Reader::Text(phrases::read_polite_kinh),
    Reader::Text(phrases::read_crop_season),
    Reader::Text(phrases::read_quarter_ones),
    Reader::Text(phrases::read_hamlet),
    Reader::Text(phrases::read_board),
    Reader::Text(phrases::read_drowning),
    Reader::Text(phrases::read_province),
    Reader::Lexicon(phrases::read_place_after_unit),
];

/// The phrase readers after the own-name reader, in order; the sections'
/// numbering comes last.
const READERS_AFTER_NAME: &[Reader] = &[
    Reader::Text(surnames::read_surnames),
    Reader::Text(phrases::read_sent_for),
    Reader::Text(phrases::read_recipients_label),
    Reader::Text(phrases::read_dash_bullet),
    Reader::Text(phrases::read_plus_bullet),
    Reader::Text(phrases::read_speck_bullet),
    Reader::Text(phrases::read_heading_dot),
    Reader::Text(phrases::read_list_item_end),
    Reader::Text(phrases::read_paragraph_end),
    Reader::Text(phrases::read_basis_end),
    Reader::Text(phrases::read_subject_vv),
    Reader::Text(phrases::read_dash_dot),
    Reader::Text(phrases::read_item_letter_dot),
    Reader::Text(phrases::read_money_semicolon),
    Reader::Text(phrases::read_citation_semicolon),
    Reader::Text(phrases::read_dossier_count),
    Reader::Text(phrases::read_money_unit),
    Reader::Text(phrases::read_million_abbrev),
    Reader::Lexicon(phrases::read_bound_capital),
    Reader::Text(phrases::read_dat_before_percent),
    Reader::Text(phrases::read_row_unit),
    Reader::Text(phrases::read_scale_speck),
    Reader::Text(phrases::read_thuy),
    Reader::Text(phrases::read_ty_le),
    Reader::Text(phrases::read_zero_o),
    Reader::Text(phrases::read_bar_after_part),
    Reader::Text(phrases::read_so_before_symbol),
    Reader::Lexicon(phrases::read_split_code),
    Reader::Lexicon(phrases::read_symbol_slash),
    Reader::Lexicon(phrases::read_stray_colon),
    Reader::Lexicon(phrases::read_stray_period),
    Reader::Lexicon(phrases::read_glued_comma),
    Reader::Text(phrases::read_item_period),
    Reader::Text(phrases::read_archive_entry),
    Reader::Text(phrases::read_region_numeral),
    Reader::Text(phrases::read_number_label),
    Reader::Text(phrases::read_dot_before_number),
    Reader::Text(phrases::read_tu_before_date),
    Reader::Text(phrases::read_ngay_before_day),
    Reader::Text(phrases::read_date_part),
    Reader::Text(phrases::read_dong_chi),
    Reader::Text(phrases::read_term_khoa),
    Reader::Text(phrases::read_nam_before_year),
    Reader::Text(phrases::read_year_span_dash),
    Reader::Text(phrases::read_word_dash),
    Reader::Text(phrases::read_thousands_colon),
    Reader::Text(phrases::read_unit_under_body),
    Reader::Text(phrases::read_police_code),
    Reader::Text(phrases::read_road_code),
    Reader::Text(phrases::read_target_after_figure),
    Reader::Text(phrases::read_portal),
    Reader::Text(phrases::read_office_names),
    Reader::Text(phrases::read_sign_words),
    Reader::Text(titles::read_signature_titles),
    Reader::Text(motto::read_fixed_header_lines),
    Reader::Lexicon(initials::read_code_initials),
    Reader::Text(phrases::read_archive_commas),
    Reader::Lexicon(marks::read_semicolons),
    Reader::Text(sections::renumber),
    Reader::Text(sections::read_item_ones),
    Reader::Text(rows::read_row_numbers),
    Reader::Text(rows::read_row_labels),
    Reader::Text(rows::read_row_left_rule),
    Reader::Text(rows::read_rule_glued_as_one),
    Reader::Text(rows::read_rule_read_as_one),
    Reader::Lexicon(rules::read_table_rules),
    Reader::Text(rows::read_cell_left_rules),
];

/// The confidence of a choice that beats its runner-up by `margin` nats:
/// the logistic of the margin, capped at [`MAX_CONFIDENCE`].
fn confidence_of(margin: f32) -> f32 {
    (1.0 / (1.0 + (-margin).exp())).min(MAX_CONFIDENCE)
}

/// Confidence given to a lone mark read as `ở`.
const LONE_O_CONFIDENCE: f32 = 0.8;

/// The width (in characters) of a full line of running text: the 90th
/// percentile of the non-empty lines' trimmed widths.
fn full_line_width(lines: &[String]) -> usize {
    let mut widths: Vec<usize> = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .filter(|&n| n > 0)
        .collect();
    if widths.is_empty() {
        return 0;
    }
    widths.sort_unstable();
    widths[(widths.len() - 1) * 9 / 10]
}

/// Shortest full width at which short lines are told apart from wrapped ones.
const MIN_FULL_WIDTH: usize = 40;

/// Does `line` end its block? A line well short of the full width (a name, a
/// heading, the last line of a paragraph) followed by a line that does not go
/// on in lower case is not wrapped running text, so the next line's words are
/// no context for its last words (`Vũ Minh Tâm` above a page header). Short
/// lines that go on in lower case are wrapped cells of a table, and a short
/// line that opens with a word and ends with a small one is inside a
/// clause, wrapped early (`viên chức do` before `11 cơ quan …`, `công
/// trình do` before `Công ty quản lý`): its last word's reading needs the
/// next line.
///
/// The header's first line ends its block however long: the country's
/// name ends it (`… CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`), and the next line
/// opens with the issuing office's (`PHONG GIAO DUC` is no `Nam Phong`).
fn line_ends_block(line: &str, next: Option<&String>, full_width: usize) -> bool {
    let goes_on = next.is_some_and(|n| {
        n.trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    });
    let short = full_width >= MIN_FULL_WIDTH && line.trim().chars().count() * 5 < full_width * 3;
    let word = |w: &str| w.chars().all(char::is_alphabetic);
    let mid_clause = line.split_whitespace().next().is_some_and(word)
        && line
            .split_whitespace()
            .next_back()
            .is_some_and(|w| word(w) && w.starts_with(char::is_lowercase));
    !goes_on && (short && !mid_clause || ends_with_country(line))
}

/// Does `line` end with the country's name in capitals, marks maybe lost
/// (`VIỆT NAM`, `VIET NAM`)?
fn ends_with_country(line: &str) -> bool {
    let mut words = line.split_whitespace().rev();
    let (Some(nam), Some(viet)) = (words.next(), words.next()) else {
        return false;
    };
    nam.chars().all(char::is_uppercase)
        && viet.chars().all(char::is_uppercase)
        && viet::skeleton_eq(nam, "nam")
        && viet::skeleton_eq(viet, "viet")
}

/// The options of a segment's positions, for the decoder. Rows are kept
/// between segments so that their buffers are reused, not reallocated.
#[derive(Default)]
struct Positions {
    rows: Vec<Vec<Option_>>,
    len: usize,
}

impl Positions {
    /// Appends a position with the options `opts`.
    fn push(&mut self, opts: &[Option_]) {
        if self.len == self.rows.len() {
            self.rows.push(Vec::new());
        }
        let row = &mut self.rows[self.len];
        row.clear();
        row.extend_from_slice(opts);
        self.len += 1;
    }

    /// The positions pushed since the last [`clear`](Self::clear).
    fn as_slice(&self) -> &[Vec<Option_>] {
        &self.rows[..self.len]
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn clear(&mut self) {
        self.len = 0;
    }
}

/// Where [`Changes`] keeps the reading of the second syllable of token `ti`
/// of line `li`, split in two ([`Reading::Split`]): on a line of its own, `n_lines`
/// past the text's lines.
fn second_half(n_lines: usize, li: usize, ti: usize) -> (usize, usize) {
    (li + n_lines, ti)
}

/// Which of `n_lines` lines hold a token of `at` (line, token): a line
/// number `n_lines` or more stands for the line that many before it (the
/// second syllables of split tokens, [`second_half`]).
fn touched_lines(n_lines: usize, at: impl Iterator<Item = (usize, usize)>) -> Vec<bool> {
    let mut touched = vec![false; n_lines];
    for (line, _) in at {
        let line = if line >= n_lines {
            line - n_lines
        } else {
            line
        };
        if let Some(t) = touched.get_mut(line) {
            *t = true;
        }
    }
    touched
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
    /// A lone figure OCR may have made of one of these syllables (`14` for
    /// `là`): a number or the syllable, as context for its neighbours.
    FigureOrWord(&'static [&'static str]),
}

/// A replacement decided for one token.
struct Change {
    to: String,
    confidence: f32,
    runner_up: Option<String>,
}

/// The replacements decided for a text's tokens, by (line, token). Each
/// line keeps its own list, indexed by token, so a token's change is found
/// without a search.
struct Changes {
    /// Per line, each token's change (`None`: unchanged), up to the last
    /// token ever changed.
    lines: Vec<Vec<Option<Change>>>,
    /// Tokens whose change is written in small letters whatever OCR's case
    /// (see [`phrases::read_bound_capital`]).
    lowered: rustc_hash::FxHashSet<(usize, usize)>,
    /// Tokens whose change is written in the case its reader gave it,
    /// whatever OCR's (a fixed phrase's own case: [`motto`]).
    as_written: rustc_hash::FxHashSet<(usize, usize)>,
}

impl Changes {
    /// No changes, for lines `0..n_lines` (a change beyond is dropped).
    fn new(n_lines: usize) -> Self {
        Changes {
            lines: (0..n_lines).map(|_| Vec::new()).collect(),
            lowered: Default::default(),
            as_written: Default::default(),
        }
    }

    /// Writes token `at`'s change (which it must have) in small letters.
    fn lower(&mut self, at: (usize, usize)) {
        self.lowered.insert(at);
    }

    /// Writes token `at`'s change (which it must have) in the case it is
    /// given, not the case OCR's printing suggests.
    fn keep_case(&mut self, at: (usize, usize)) {
        self.as_written.insert(at);
    }

    /// Sets the change of token `at`, replacing any it had.
    fn insert(&mut self, at: (usize, usize), change: Change) {
        if let Some(line) = self.lines.get_mut(at.0) {
            if line.len() <= at.1 {
                line.resize_with(at.1 + 1, || None);
            }
            line[at.1] = Some(change);
        }
    }

    fn get(&self, at: (usize, usize)) -> Option<&Change> {
        self.lines.get(at.0)?.get(at.1)?.as_ref()
    }

    /// Token `at` as repaired so far: its change, else `t`'s text in `line`.
    fn text<'a>(&'a self, line: &'a str, t: &Token, at: (usize, usize)) -> &'a str {
        self.get(at).map_or(t.text(line), |c| c.to.as_str())
    }

    fn get_mut(&mut self, at: (usize, usize)) -> Option<&mut Change> {
        self.lines.get_mut(at.0)?.get_mut(at.1)?.as_mut()
    }

    fn remove(&mut self, at: (usize, usize)) -> Option<Change> {
        self.lines.get_mut(at.0)?.get_mut(at.1)?.take()
    }

    /// The (line, token) of every change.
    fn keys(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.lines.iter().enumerate().flat_map(|(l, v)| {
            v.iter()
                .enumerate()
                .filter(|(_, c)| c.is_some())
                .map(move |(t, _)| (l, t))
        })
    }
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
        let local;
        let cache = match self.cache {
            Some(c) => c,
            None => {
                local = CandidateCache::new(usize::MAX);
                &local
            }
        };
        // About one item per token and one slot per word: reserved at once
        // rather than grown by copying.
        let mut b = Builder {
            items: Vec::with_capacity(tokens.iter().map(Vec::len).sum()),
            slots: Vec::with_capacity(
                tokens
                    .iter()
                    .flatten()
                    .filter(|t| t.kind == TokenKind::Word)
                    .count(),
            ),
            ..Builder::default()
        };
        let full_width = full_line_width(&lines);
        let headings = heading_words(&lines, &tokens);
        let item_marks = sections::item_marks(&lines, &tokens);
        // Where each distinct word splits in two syllables, if it does.
        let mut glued: FxHashMap<&str, Option<usize>> = FxHashMap::default();
        // The letter of the last list item (`d)`), for the one after it.
        let mut last_letter: Option<char> = None;
        for (li, (line, toks)) in lines.iter().zip(&tokens).enumerate() {
            if line.trim().is_empty() {
                b.items.push((Gate::Always, Item::Break));
                continue;
            }
            b.next_line_word = tokens
                .get(li + 1)
                .and_then(|ts| ts.iter().find(|t| t.kind != TokenKind::Space))
                .is_some_and(|t| t.kind == TokenKind::Word);
            if names::is_name_line(line, toks) {
                // A name alone is a segment of its own, read as a name.
                b.name_slots(li, line, toks, 0);
                continue;
            }
            let next = lines.get(li + 1).zip(tokens.get(li + 1));
            b.tests.fill(line, toks);
            let mut readings = noisy_readings(
                lex,
                cache,
                line,
                toks,
                next.map(|(l, t)| (l.as_str(), &t[..])),
                &b.tests,
            );
            // Junk at either end goes; the spaces around it stay, as all
            // whitespace does.
            let head = junk_head(line, toks).unwrap_or(0);
            let tail = junk_tail(line, toks).unwrap_or(toks.len());
            for ti in (0..head).chain(tail.max(head)..toks.len()) {
                if toks[ti].kind != TokenKind::Space {
                    let to = if reading::row_rule_speck(line, toks, ti) {
                        "|"
                    } else {
                        ""
                    };
                    readings[ti] = Some(Reading::Mark {
                        to: to.to_owned(),
                        lm: MarkLm::Boundary,
                    });
                }
            }
            if let Some(ti) = heading_mark(&lines, &tokens, li, &headings) {
                readings[ti] = Some(Reading::Mark {
                    to: ".".to_owned(),
                    lm: MarkLm::Boundary,
                });
            }
            if let Some(ti) = item_marks[li] {
                readings[ti] = Some(Reading::Mark {
                    to: ".".to_owned(),
                    lm: MarkLm::Boundary,
                });
            }
            if let Some(ti) = reading::end_mark(line, toks) {
                readings[ti] = Some(Reading::Mark {
                    to: "./.".to_owned(),
                    lm: MarkLm::Boundary,
                });
            }
            if let Some((ti, to)) = colon_before_item(&lines, &tokens, li, &headings) {
                readings[ti] = Some(Reading::Mark {
                    to,
                    lm: MarkLm::Boundary,
                });
            }
            for (ti, t) in toks.iter().enumerate() {
                if t.kind == TokenKind::Word
                    && !matches!(readings[ti], Some(Reading::Joined { .. }))
                {
                    let w = t.text(line);
                    let cut = *glued.entry(w).or_insert_with(|| cache.glued(lex, w));
                    if let Some(cut) = cut {
                        readings[ti] = Some(Reading::Split(cut));
                    }
                }
            }
            // A list letter is no syllable; the one after `d)` is `đ)`, and
            // an `e)` right after `b)` is OCR's `c)` (the two print alike).
            if let Some((ti, mut letter)) = list_letter(line, toks) {
                match (letter, last_letter) {
                    ('d', Some('d')) => letter = 'đ',
                    ('e', Some('b')) => {
                        letter = 'c';
                        b.small_markers.push((li, ti));
                    }
                    _ => {}
                }
                readings[ti] = Some(Reading::Word(letter.to_string()));
                last_letter = Some(letter);
            } else if let Some((ti, letter, bracket)) = reading::misread_item_letter(line, toks) {
                // Its bracket misread: `by` is `b)`, `c}` is `c)`.
                match bracket {
                    Some(bi) => {
                        readings[ti] = Some(Reading::Word(letter.to_string()));
                        readings[bi] = Some(Reading::Mark {
                            to: ")".to_owned(),
                            lm: MarkLm::Boundary,
                        });
                    }
                    None => readings[ti] = Some(Reading::Word(format!("{letter})"))),
                }
                b.small_markers.push((li, ti));
                last_letter = Some(letter);
            }
            // A name printed after a list entry is read as a name, as a name
            // line is.
            let name_at = names::name_tail(line, toks);
            let column_at = motto::column_start(line, toks);
            let mut ti = 0;
            while ti < toks.len() {
                if Some(ti) == column_at {
                    b.items.push((Gate::Always, Item::Break));
                }
                if Some(ti) == name_at {
                    b.name_slots(li, line, &toks[ti..], ti);
                    break;
                }
                let Some(reading) = &readings[ti] else {
                    b.token(lex, Gate::Always, line, toks, li, ti);
                    ti += 1;
                    continue;
                };
                // A noisy document reads the token(s) as `reading`; clean
                // text exactly as before.
                let end = match reading {
                    Reading::Mark { to, lm } => {
                        b.items.push((Gate::Noisy, lm.item()));
                        b.strays.push((Gate::Noisy, li, ti, to.clone()));
                        ti + 1
                    }
                    Reading::Split(cut) => {
                        let w = toks[ti].text(line);
                        for (half, part) in [(1, &w[..*cut]), (2, &w[*cut..])] {
                            b.items.push((Gate::Noisy, Item::Slot(b.slots.len())));
                            b.slots.push(Slot {
                                line: li,
                                token: ti,
                                key: part.to_lowercase(),
                                gate: Gate::Noisy,
                                ocr: Some(part.to_owned()),
                                end: ti + 1,
                                half,
                                name: false,
                            });
                        }
                        ti + 1
                    }
                    Reading::Word(to) => {
                        b.items.push((Gate::Noisy, Item::Break));
                        b.marker(Gate::Noisy, (li, ti), to.clone(), MARKER_CONFIDENCE);
                        ti + 1
                    }
                    Reading::Syllable => {
                        b.slot(
                            Gate::Noisy,
                            li,
                            ti,
                            toks[ti].text(line).to_lowercase(),
                            None,
                        );
                        ti + 1
                    }
                    Reading::Joined { end, key } => {
                        let ocr: String = toks[ti..*end].iter().map(|t| t.text(line)).collect();
                        b.slot(Gate::Noisy, li, ti, key.clone(), Some((ocr, *end)));
                        for tj in ti + 1..*end {
                            b.strays.push((Gate::Noisy, li, tj, String::new()));
                        }
                        *end
                    }
                };
                for tj in ti..end {
                    b.token(lex, Gate::Clean, line, toks, li, tj);
                }
                ti = end;
            }
            if line_ends_block(line, lines.get(li + 1), full_width) {
                b.items.push((Gate::Always, Item::Break));
            }
        }
        let Builder {
            items,
            slots,
            code_tokens,
            strays,
            markers,
            small_markers,
            ..
        } = b;

        // Candidates per distinct token; `slot_key[i]` is slot `i`'s index
        // into `keys` (in order of first use).
        let mut key_index: FxHashMap<&str, u32> = FxHashMap::default();
        let mut keys: Vec<&str> = Vec::new();
        let slot_key: Vec<usize> = slots
            .iter()
            .map(|s| {
                *key_index.entry(s.key.as_str()).or_insert_with(|| {
                    keys.push(s.key.as_str());
                    (keys.len() - 1) as u32
                }) as usize
            })
            .collect();
        let cands: Vec<Arc<[Candidate]>> = keys.iter().map(|k| cache.get(lex, k)).collect();
        // Per key, whether every slot of it is printed in small letters.
        let mut key_small = vec![true; keys.len()];
        for (s, &k) in slots.iter().zip(&slot_key) {
            let printed = match &s.ocr {
                Some(ocr) => ocr.as_str(),
                None => tokens[s.line][s.token].text(&lines[s.line]),
            };
            if printed.chars().any(char::is_uppercase) {
                key_small[k] = false;
            }
        }
        let weights = {
            // The channel mixture is estimated on the slots every document
            // has alone, so a noisy reading never changes it.
            let mut counts = vec![0f64; keys.len()];
            for (s, &k) in slots.iter().zip(&slot_key) {
                if s.gate != Gate::Noisy {
                    counts[k] += 1.0;
                }
            }
            let mut tokens: Vec<(&str, f64, &[Candidate])> = keys
                .iter()
                .zip(&counts)
                .zip(&cands)
                .filter(|((_, &n), _)| n > 0.0)
                .map(|((&k, &n), c)| (k, n, &c[..]))
                .collect();
            mixture::estimate(lex, &mut tokens)
        };
        // Stray punctuation is removed only where the document is noisy.
        let noisy = weights.identity < 0.5;
        let mut changes = Changes::new(2 * lines.len());
        for (gate, at, change) in markers {
            if gate.admits(noisy) {
                changes.insert(at, change);
            }
        }
        for at in small_markers {
            if changes.get(at).is_some() {
                changes.lower(at);
            }
        }
        // Codes: a symbol part is always read against the code list; a free-standing
        // abbreviation only in a noisy document (clean text keeps unknown acronyms).
        let mut code_cache: FxHashMap<(&str, CodeSlot), Option<codes::CodeRepair>> =
            FxHashMap::default();
        for &(gate, li, ti, slot) in &code_tokens {
            if !gate.admits(noisy) || (slot == CodeSlot::Free && !noisy) {
                continue;
            }
            let s = tokens[li][ti].text(&lines[li]);
            let rep = code_cache
                .entry((s, slot))
                .or_insert_with(|| {
                    let read = |s: &str| {
                        codes::choose_code(&cache.ranked_codes(lex, s, slot), s, slot, &weights)
                    };
                    // A code joined by `&` the list lacks whole (`HDND&UBND`;
                    // it holds `GD&ĐT`): each part read on its own.
                    read(s).or_else(|| {
                        if lex.code(s).is_some() {
                            return None;
                        }
                        codes::join_parts(&codes::joined_parts(s)?, read)
                    })
                })
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
        if noisy {
            for (gate, li, ti, to) in strays {
                if gate == Gate::Clean {
                    continue;
                }
                changes.insert(
                    (li, ti),
                    Change {
                        to,
                        confidence: STRAY_CONFIDENCE,
                        runner_up: None,
                    },
                );
            }
        }
        // Per distinct key: the decoder's options, the word each outputs, and
        // the key's own LM form.
        let mut key_options: Vec<Vec<Option_>> = Vec::with_capacity(keys.len());
        let mut key_words: Vec<Vec<Option<WordId>>> = Vec::with_capacity(keys.len());
        // Per key, whether any option is a reading of its marks only.
        let mut key_marks_only: Vec<bool> = Vec::with_capacity(keys.len());
        for ((&k, c), &small) in keys.iter().zip(&cands).zip(&key_small) {
            let (o, w): (Vec<_>, Vec<_>) = mixture::options(lex, &weights, k, c, small)
                .into_iter()
                .unzip();
            key_marks_only.push(c.iter().any(|c| c.marks_only && w.contains(&Some(c.id))));
            key_options.push(o);
            key_words.push(w);
        }
        let originals: Vec<Option<String>> = keys.iter().map(|k| lm_form(k)).collect();
        // Slots that are a unit's denominator (`tạ/ha`, `đồng/hộ`) or a
        // counted word (`420 hộ`): their options outside the closed class
        // are held back by [`DENOMINATOR_PENALTY`] or [`COUNTED_PENALTY`]
        // when one inside it fits.
        let slot_class: Vec<Option<Class>> = slots
            .iter()
            .map(|s| {
                let (line, toks) = (&lines[s.line], &tokens[s.line]);
                if s.half != 0 || s.ocr.is_some() {
                    None
                } else if reading::per_unit_denominator(line, toks, s.token) {
                    Some(Class::Denominator)
                } else if reading::after_count(line, toks, s.token) {
                    Some(Class::Counted)
                } else {
                    None
                }
            })
            .collect();
        // Slots printed capitalised after a word in a noisy document: names,
        // whose options take the place-name prior (see [`PROPER_PRIOR`]),
        // computed once per key.
        let slot_proper: Vec<bool> = slots
            .iter()
            .map(|s| {
                noisy
                    && s.half == 0
                    && s.ocr.is_none()
                    && !s.name
                    && reading::capitalised_after_word(&lines[s.line], &tokens[s.line], s.token)
            })
            .collect();
        // Slots inside a name keep their marks, in any document: a name's
        // reading with another mark (`xã Ân Hòa`, `An`) is often a name too,
        // which context cannot tell apart.
        let slot_keeps_marks: Vec<bool> = slots
            .iter()
            .zip(&slot_key)
            .map(|(s, &key)| {
                key_marks_only[key]
                    && reading::in_capitalised_run(&lines[s.line], &tokens[s.line], s.token)
            })
            .collect();
        let mut key_prior: Vec<Option<Vec<f32>>> = vec![None; keys.len()];
        for (&proper, &key) in slot_proper.iter().zip(&slot_key) {
            if proper {
                key_prior[key].get_or_insert_with(|| {
                    key_words[key]
                        .iter()
                        .map(|w| {
                            // The token kept as printed is a name's syllable
                            // too where place names hold it (`xã Ea Sol`: no
                            // Vietnamese syllable, 173 times in the list).
                            let word = match w {
                                Some(w) => Some(lex.word(*w)),
                                None => originals[key].as_deref(),
                            };
                            word.map_or(0.0, |word| {
                                let places = lex.place_syllable_count(word);
                                PROPER_PRIOR * (1.0 + places as f32).ln()
                            })
                        })
                        .collect()
                });
            }
        }
        // Options of one position built here (a figure's, a denominator's).
        let mut scratch_opts: Vec<Option_> = Vec::new();
        let n_lines = lines.len();
        // Decode each segment.
        let mut seg: Vec<usize> = Vec::new();
        let mut positions = Positions::default();
        let mut memo = decode::TransitionMemo::shared(self.cache.map(CandidateCache::transitions));
        // At most one matrix per pair of neighbouring items.
        memo.reserve(items.len());
        // The person-name model's scores differ: a memo of its own.
        let mut name_memo = decode::TransitionMemo::default();
        // Per whole slot, the first pass's reading (the option chosen and its
        // confidence), which plans the second pass.
        let mut first: Vec<Option<(usize, f32)>> = vec![None; slots.len()];
        // `first`: the first pass, which records each whole slot's reading
        // there; `None`: the second, whose readings replace the first's.
        let mut flush =
            |seg: &mut Vec<usize>,
             positions: &mut Positions,
             changes: &mut Changes,
             mut first: Option<&mut Vec<Option<(usize, f32)>>>| {
                if positions.is_empty() {
                    return;
                }
                let positions_ = positions.as_slice();
                // A name line is a segment alone (Breaks around it).
                let name = seg
                    .first()
                    .is_some_and(|&i| slots.get(i).is_some_and(|s| s.name));
                let (lm, memo) = if name {
                    (&lex.names, &mut name_memo)
                } else {
                    (&lex.lm, &mut memo)
                };
                let decoded = decode::decode(lm, positions_, memo);
                let path = &decoded.path;
                for (i, &slot_idx) in seg.iter().enumerate() {
                    if slot_idx == usize::MAX {
                        continue;
                    }
                    let slot = &slots[slot_idx];
                    let key = slot_key[slot_idx];
                    let words = &key_words[key];
                    let chosen = path[i];
                    let whole = slot.ocr.is_none() && slot.half == 0;
                    let at = if slot.half == 2 {
                        second_half(n_lines, slot.line, slot.token)
                    } else {
                        (slot.line, slot.token)
                    };
                    if first.is_none() {
                        changes.remove(at);
                    }
                    // The runner-up is the best other option of the trigram pass by
                    // local score; failing one, the best by bigram max-marginal.
                    let runner = || -> Option<(f32, usize)> {
                        let chosen_score = decode::local_score(lm, positions_, path, i, chosen);
                        decoded
                            .kept(i)
                            .iter()
                            .filter(|&&k| k != chosen)
                            .map(|&k| {
                                let sc = decode::local_score(lm, positions_, path, i, k);
                                (chosen_score - sc, k)
                            })
                            .min_by(|a, b| a.0.total_cmp(&b.0))
                            .or_else(|| decoded.marginal_runner_up(i, chosen))
                    };
                    let mut runner_found = None;
                    if let Some(first) = first.as_deref_mut().filter(|_| whole && !name) {
                        let r = runner();
                        first[slot_idx] = Some((chosen, confidence_of(r.map_or(10.0, |r| r.0))));
                        runner_found = Some(r);
                    }
                    let word = match words[chosen] {
                        Some(id) => lex.word(id),
                        // A joined or split syllable is printed as its key when kept.
                        None if !whole => slot.key.as_str(),
                        None => continue,
                    };
                    if whole && originals[key].as_deref() == Some(word) {
                        continue;
                    }
                    let runner = runner_found.unwrap_or_else(runner);
                    let margin = runner.map_or(10.0, |r| r.0);
                    let confidence = confidence_of(margin);
                    let runner_up = runner.map(|(_, k)| match words[k] {
                        Some(id) => lex.word(id).to_owned(),
                        None => slot.key.clone(),
                    });
                    changes.insert(
                        at,
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
        // Two passes (see [`sense`]): the first decodes every segment and
        // records where each ends in `items`; the second decodes again the
        // segments holding a slot the plan may read otherwise.
        let mut segments: Vec<std::ops::Range<usize>> = Vec::new();
        let mut plan = sense::Plan::default();
        let mut order: Vec<usize> = (0..items.len()).collect();
        for second in [false, true] {
            if second {
                plan = sense::plan(&first, &slot_key, &key_words, &keys);
                if plan.is_empty() {
                    break;
                }
                let redo = |r: &std::ops::Range<usize>| {
                    items[r.clone()].iter().any(|(gate, item)| {
                        gate.admits(noisy)
                            && matches!(item, Item::Slot(i) | Item::NoisySlot(i) if plan.redo[*i])
                    })
                };
                order = segments
                    .iter()
                    .filter(|r| redo(r))
                    .flat_map(|r| r.clone())
                    .collect();
            }
            let mut seg_start = 0;
            for &at in &order {
                let (gate, item) = &items[at];
                if !gate.admits(noisy) {
                    continue;
                }
                let record = (!second).then_some(&mut first);
                let flushed = match item {
                    Item::Break => true,
                    Item::Stray => !noisy,
                    Item::NoisySlot(_) => !noisy,
                    _ => false,
                };
                if flushed {
                    flush(&mut seg, &mut positions, &mut changes, record);
                    if !second {
                        segments.push(seg_start..at + 1);
                        seg_start = at + 1;
                    }
                    continue;
                }
                match item {
                    Item::Fixed(id) => {
                        seg.push(usize::MAX);
                        positions.push(&[Option_ {
                            id: *id,
                            channel: 0.0,
                        }]);
                    }
                    Item::FigureOrWord(words) => {
                        // Half the mass to the number, half shared by the words.
                        let half = 0.5f32.ln();
                        let word = (0.5 / words.len() as f32).ln();
                        scratch_opts.clear();
                        scratch_opts.push(Option_ {
                            id: lm::NUM,
                            channel: half,
                        });
                        scratch_opts.extend(words.iter().map(|w| Option_ {
                            id: lex.id(w),
                            channel: word,
                        }));
                        seg.push(usize::MAX);
                        positions.push(&scratch_opts);
                    }
                    Item::Slot(i) | Item::NoisySlot(i) => {
                        seg.push(*i);
                        let key = slot_key[*i];
                        let opts = &key_options[key];
                        let words = &key_words[key];
                        let held = slot_class[*i].is_some_and(|class| {
                            class_options(lex, opts, words, class, &mut scratch_opts)
                        });
                        let boost = plan.boost(*i);
                        let prior = key_prior[key].as_deref().filter(|_| slot_proper[*i]);
                        let keeps_marks = slot_keeps_marks[*i];
                        let adjusted = held || boost.is_some() || prior.is_some() || keeps_marks;
                        if adjusted && !held {
                            scratch_opts.clear();
                            scratch_opts.extend_from_slice(opts);
                        }
                        if let Some(boost) = boost {
                            plan.apply(boost, words, &mut scratch_opts);
                        }
                        for (o, p) in scratch_opts.iter_mut().zip(prior.unwrap_or_default()) {
                            o.channel += p;
                        }
                        if keeps_marks {
                            let cands = &cands[key];
                            for (o, w) in scratch_opts.iter_mut().zip(words) {
                                if cands.iter().any(|c| c.marks_only && Some(c.id) == *w) {
                                    o.channel = f32::NEG_INFINITY;
                                }
                            }
                        }
                        positions.push(if adjusted { &scratch_opts } else { opts });
                    }
                    // A stray in a noisy document: no item of the decoder.
                    Item::Break | Item::Stray => {}
                }
            }
            if !second {
                segments.push(seg_start..items.len());
            }
            flush(
                &mut seg,
                &mut positions,
                &mut changes,
                (!second).then_some(&mut first),
            );
        }
        if noisy {
            for reader in READERS_BEFORE_NAME {
                reader.run(lex, &lines, &tokens, &mut changes);
            }
            // A printing's token is a slot's key already decoded, mostly.
            let options = |k: &str| match key_index.get(k) {
                Some(&i) => {
                    let i = i as usize;
                    key_options[i]
                        .iter()
                        .copied()
                        .zip(key_words[i].iter().copied())
                        .collect()
                }
                None => mixture::options(lex, &weights, k, &cache.get(lex, k), false),
            };
            let units = own_name::Units::find(lex, &lines, &tokens, &changes);
            let own = own_name::read_own_name(lex, &lines, &tokens, &units, &mut changes, options);
            own_name::read_place_names(lex, &lines, &tokens, &units, &mut changes, &own, options);
            for reader in READERS_AFTER_NAME {
                reader.run(lex, &lines, &tokens, &mut changes);
            }
        }

        self.apply(&lines, &tokens, &slots, noisy, changes)
    }

    /// Appends token `t` of `line` as printed, in the asked tone placement
    /// when every word is restyled.
    fn push_kept(&self, out: &mut String, t: &Token, line: &str) {
        let s = t.text(line);
        if self.options.restyle_all && t.kind == TokenKind::Word {
            out.push_str(&viet::set_tone_style(s, self.options.tone_style));
        } else {
            out.push_str(s);
        }
    }

    fn apply(
        &self,
        lines: &[String],
        tokens: &[Vec<Token>],
        slots: &[Slot],
        noisy: bool,
        mut changes: Changes,
    ) -> Repaired {
        // Tokens that are slots, with the joined syllable (OCR text, end
        // token) of a slot only a noisy document reads.
        let mut is_slot: FxHashMap<(usize, usize), Option<(&str, usize)>> = FxHashMap::default();
        // Tokens split in two (noisy documents only): the two OCR halves.
        let mut split: FxHashMap<(usize, usize), [&str; 2]> = FxHashMap::default();
        for s in slots {
            if s.half > 0 {
                if noisy {
                    let e = split.entry((s.line, s.token)).or_insert(["", ""]);
                    e[s.half as usize - 1] = s.ocr.as_deref().unwrap_or("");
                }
                continue;
            }
            let joined = s.ocr.as_deref().filter(|_| noisy).map(|o| (o, s.end));
            let e = is_slot.entry((s.line, s.token)).or_insert(joined);
            if joined.is_some() {
                *e = joined;
            }
        }
        let n_lines = lines.len();
        let touched = touched_lines(n_lines, changes.keys().chain(split.keys().copied()));
        let mut out = Repaired::default();
        for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
            let mut new_line = String::with_capacity(line.len() + 8);
            if !touched[li] {
                // Nothing to change or split: the tokens as they are.
                for t in toks {
                    self.push_kept(&mut new_line, t, line);
                }
                out.lines.push(new_line);
                continue;
            }
            let (edits_before, withheld_before) = (out.edits.len(), out.withheld.len());
            // Figures read as words on purpose (`Tỷ 16` is `Tỷ lệ`).
            let mut figures_read: Vec<usize> = Vec::new();
            let mut line_case: Option<case::LineCase> = None;
            // Characters before `counted` (a byte offset), kept as tokens go
            // by so columns cost linear time on long lines.
            let (mut counted, mut chars_before) = (0usize, 0usize);
            // Inside a joined syllable: up to which token, and whether the
            // original text is printed (the joined change was not applied).
            let mut joined_rest: Option<(usize, bool)> = None;
            // The last mark before this token ended a sentence in the OCR
            // and was read as something else (a speck dropped, a comma):
            // the word after it starts no sentence (`đây.1a` is `đây là`).
            let mut stop_read_away = false;
            for (ti, t) in toks.iter().enumerate() {
                let s = t.text(line);
                let change = changes.remove((li, ti));
                let after_stop_read_away = stop_read_away;
                if t.kind != TokenKind::Space {
                    stop_read_away = false;
                }
                let context = |lc: &case::LineCase| {
                    let mut ctx = case::context_in_line(lines, tokens, li, ti, lc);
                    ctx.sentence_start &= !after_stop_read_away;
                    ctx
                };
                if let Some((end, original)) = joined_rest {
                    if ti < end {
                        if original {
                            new_line.push_str(s);
                        }
                        continue;
                    }
                    joined_rest = None;
                }
                let second = changes.remove(second_half(n_lines, li, ti));
                if let Some(halves) = split.get(&(li, ti)) {
                    let lc = line_case.get_or_insert_with(|| case::LineCase::new(line, toks));
                    let ctx = context(lc);
                    let mut confidence = MAX_CONFIDENCE;
                    let mut words = Vec::with_capacity(2);
                    for (i, c) in [change, second].into_iter().enumerate() {
                        let ocr = halves[i];
                        let ctx = case::Context {
                            sentence_start: ctx.sentence_start && i == 0,
                            ..ctx
                        };
                        let w = c.map_or_else(
                            || ocr.to_lowercase(),
                            |c| {
                                confidence = confidence.min(c.confidence);
                                c.to
                            },
                        );
                        words.push(viet::apply_case(
                            &viet::set_tone_style(&w, self.options.tone_style),
                            case::restore(ocr, &w, ctx),
                        ));
                    }
                    let to = words.join(" ");
                    let edit = Edit {
                        line: li + 1,
                        column: line[..t.start].chars().count() + 1,
                        from: s.to_owned(),
                        to: to.clone(),
                        confidence,
                        runner_up: None,
                    };
                    if confidence < self.options.min_confidence {
                        new_line.push_str(s);
                        out.withheld.push(edit);
                    } else {
                        new_line.push_str(&to);
                        out.edits.push(edit);
                    }
                    continue;
                }
                let Some(change) = change else {
                    self.push_kept(&mut new_line, t, line);
                    continue;
                };
                // A space dropped with the tokens around it (a table's rule
                // read whole) is no edit of its own; it stays where they do.
                if t.kind == TokenKind::Space && change.to.is_empty() {
                    if change.confidence < self.options.min_confidence {
                        new_line.push_str(s);
                    }
                    continue;
                }
                let slot = is_slot.get(&(li, ti));
                let joined = slot.copied().flatten();
                let from = joined.map_or(s, |j| j.0);
                // A section's numeral read from the sequence keeps its capitals.
                let to = if slot.is_some() && !sections::is_numeral(&change.to) {
                    let pattern = if changes.lowered.contains(&(li, ti)) {
                        viet::CasePattern::Lower
                    } else if changes.as_written.contains(&(li, ti)) {
                        viet::case_pattern(&change.to)
                    } else {
                        let lc = line_case.get_or_insert_with(|| case::LineCase::new(line, toks));
                        case::restore(from, &change.to, context(lc))
                    };
                    viet::apply_case(
                        &viet::set_tone_style(&change.to, self.options.tone_style),
                        pattern,
                    )
                } else if t.kind == TokenKind::Figure && change.to.chars().all(char::is_lowercase) {
                    // A figure read as a word (`16` → `tổ`) takes the case
                    // its line and place ask for: `ĐỊA ĐIỂM TỔ CHỨC`.
                    let lc = line_case.get_or_insert_with(|| case::LineCase::new(line, toks));
                    viet::apply_case(&change.to, case::restore(from, &change.to, context(lc)))
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
                    from: from.to_owned(),
                    to: to.clone(),
                    confidence: change.confidence,
                    runner_up: change.runner_up,
                };
                let applied = if to == from {
                    new_line.push_str(s);
                    false
                } else if change.confidence < self.options.min_confidence {
                    new_line.push_str(s);
                    out.withheld.push(edit);
                    false
                } else {
                    new_line.push_str(&to);
                    out.edits.push(edit);
                    true
                };
                if applied && t.kind == TokenKind::Figure {
                    figures_read.push(ti);
                }
                stop_read_away = applied
                    && t.kind == TokenKind::Punct
                    && case::ends_sentence(s)
                    && !case::ends_sentence(to.trim_end());
                if let Some((_, end)) = joined {
                    joined_rest = Some((end, !applied));
                }
            }
            // Invariant: repair never adds, drops or alters a figure it did
            // not read as a word. A change can break it otherwise only by
            // gluing tokens anew across a `&` (`0&4N` read `0&án` is one
            // word, no longer `0`), so such a line keeps its text.
            let kept = toks
                .iter()
                .enumerate()
                .filter(|(ti, t)| t.kind == TokenKind::Figure && !figures_read.contains(ti))
                .map(|(_, t)| t.text(line));
            if new_line.contains('&') && !same_figures(kept, &new_line) {
                out.edits.truncate(edits_before);
                out.withheld.truncate(withheld_before);
                new_line.clear();
                for t in toks {
                    self.push_kept(&mut new_line, t, line);
                }
            }
            out.lines.push(new_line);
        }
        out
    }
}

/// Whether `line` holds exactly the figures `expected`, in order.
fn same_figures<'a>(mut expected: impl Iterator<Item = &'a str>, line: &str) -> bool {
    text::tokenize(line)
        .iter()
        .filter(|t| t.kind == TokenKind::Figure)
        .all(|t| expected.next() == Some(t.text(line)))
        && expected.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_reuse_rows_and_hold_what_was_pushed() {
        let o = |id: WordId| Option_ { id, channel: -1.0 };
        let mut p = Positions::default();
        assert!(p.is_empty());
        p.push(&[o(1), o(2), o(3)]);
        p.push(&[o(4)]);
        assert_eq!(p.as_slice(), &[vec![o(1), o(2), o(3)], vec![o(4)]]);
        p.clear();
        assert!(p.is_empty() && p.as_slice().is_empty());
        p.push(&[o(5)]);
        assert_eq!(p.as_slice(), &[vec![o(5)]]);
        p.push(&[]);
        p.push(&[o(6), o(7)]);
        assert_eq!(p.as_slice(), &[vec![o(5)], vec![], vec![o(6), o(7)]]);
    }

    #[test]
    fn changes_act_as_a_map_by_line_and_token() {
        let ch = |to: &str| Change {
            to: to.to_owned(),
            confidence: 0.5,
            runner_up: None,
        };
        let mut c = Changes::new(4);
        c.insert((1, 2), ch("a"));
        c.insert((1, 5), ch("b"));
        c.insert((3, 2), ch("c"));
        c.insert((1, 2), ch("d"));
        c.insert((7, 0), ch("beyond"));
        assert_eq!(c.get((1, 2)).map(|c| c.to.as_str()), Some("d"));
        assert!(c.get((2, 2)).is_none() && c.get((9, 0)).is_none());
        assert!(c.get((1, 3)).is_none() && c.get((1, 99)).is_none());
        assert!(c.remove((3, 99)).is_none() && c.get_mut((3, 1)).is_none());
        let mut keys: Vec<_> = c.keys().collect();
        keys.sort_unstable();
        assert_eq!(keys, [(1, 2), (1, 5), (3, 2)]);
        assert_eq!(c.remove((1, 2)).map(|c| c.to), Some("d".to_owned()));
        assert!(c.remove((1, 2)).is_none());
        assert_eq!(c.get((1, 5)).map(|c| c.to.as_str()), Some("b"));
        assert_eq!(c.keys().count(), 2);
    }

    #[test]
    fn same_figures_compares_figures_in_order() {
        let f = |v: &[&'static str], l: &str| same_figures(v.iter().copied(), l);
        assert!(f(&["0", "0"], "0&4N 0"));
        assert!(!f(&["0", "0"], "0&án 0"), "`0&án` is one word");
        assert!(f(&["12", "3"], "Số: 12 va 3"));
        assert!(!f(&["12", "3"], "3 và 12"));
        assert!(!f(&["12,5%"], "12,6%") && !f(&["1"], "1 2") && !f(&["1", "2"], "1"));
    }

    #[test]
    fn touched_lines_fold_second_syllables_onto_their_line() {
        let at = [(0, 3), (5, 1), (3, 0), (9, 9)];
        assert_eq!(
            touched_lines(4, at.into_iter()),
            [true, true, false, true],
            "line 5 is line 1's second syllable; 9 is out of range"
        );
        assert_eq!(touched_lines(2, [].into_iter()), [false, false]);
    }

    #[test]
    fn short_lines_end_blocks_unless_the_text_goes_on() {
        let full = "x".repeat(80);
        let mut lines = vec![full.clone(); 9];
        lines.extend([
            "Vũ Minh Tâm".to_owned(),
            "hợp (khảo".to_owned(),
            String::new(),
        ]);
        let w = full_line_width(&lines);
        assert_eq!(w, 80);
        let name = "Vi Minh Tam".to_owned();
        let header = " UBND TỈNH".to_owned();
        let cell = "sát sự hài".to_owned();
        assert!(line_ends_block(&name, Some(&header), w));
        assert!(line_ends_block(&name, None, w));
        // A wrapped table cell goes on in lower case.
        assert!(!line_ends_block(&lines[10], Some(&cell), w));
        // A full line is wrapped text.
        assert!(!line_ends_block(&full, Some(&header), w));
        // Without full-width lines, nothing is told apart.
        assert!(!line_ends_block(&name, None, 30));
        // The header's first line ends its block, long as it is.
        let country = "UBND HUYEN THACH BINH CONG HOA XA HOI CHU NGHIA VIET NAM".to_owned();
        let office = "PHONG GIAO DUC VA DAO TAO".to_owned();
        assert!(line_ends_block(&country, Some(&office), w));
        assert!(line_ends_block(&country, Some(&office), 30));
        assert!(!line_ends_block("Đại sứ quán Việt Nam", Some(&office), 30));
        // A short line in the middle of a clause (a word first, a small
        // word last) goes on, whatever opens the next (`viên chức do` /
        // `11 cơ quan`, `Hướng dẫn số` / `Công ty quản lý`); a numbered
        // heading or a line ending in a mark or a name does not.
        let figure = "11 cơ quan chuyên môn".to_owned();
        let company = "Công ty quản lý".to_owned();
        assert!(!line_ends_block("viên chức do", Some(&figure), w));
        assert!(!line_ends_block("công trình do", Some(&company), w));
        assert!(!line_ends_block("Hướng dẫn số", Some(&company), w));
        assert!(line_ends_block("2. Kết quả của các xã", Some(&figure), w));
        assert!(line_ends_block("viên chức do;", Some(&figure), w));
        assert!(line_ends_block("gửi ông Minh", Some(&company), w));
    }
}
