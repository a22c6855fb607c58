//! Restoring the letter case of a repaired word.
//!
//! OCR's case is evidence only where it printed the same letter, and after
//! the first letter only in a shape whose upper and lower forms differ: `Bộ`
//! printed `BO` says nothing about the `O` (o and O look alike), `là` printed
//! `Ja` nothing about the `J`. Where the evidence is missing, the
//! line decides (a mostly upper-case heading stays upper case) and a word
//! that starts a sentence or a line after a finished one gets a capital.

use crate::text::viet::{self, CasePattern};
use crate::text::{Token, TokenKind};

/// What the surroundings of a token say about its case.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// Most of the line's clearly-cased letters are upper case.
    pub line_upper: bool,
    /// The token starts a sentence: after `.`, `!`, `?` in its line, or first
    /// on a line that follows a blank line or one ending a sentence or clause.
    pub sentence_start: bool,
    /// Whether the nearest word before it or the nearest after it whose
    /// letters say their case (`GIAM`, not `nhan`), within its stretch of the
    /// line between brackets, colons, semicolons, bars and slashes, is in
    /// capitals; `None` when no such word says. Two columns merged on one line
    /// (`Nơi nhận: KT. GIÁM ĐỐC`) have a case each, which the line's majority
    /// does not tell.
    pub near_upper: Option<bool>,
    /// Those two words both say their case, and differ.
    pub near_split: bool,
    /// The next token of the line (after spaces) is a figure: `Điều 2`.
    pub before_figure: bool,
    /// The next token of the line (after spaces) is a word that starts with
    /// a small letter: `số hóa`.
    pub before_lower_word: bool,
    /// The token opens a list item or a table's cell: it follows a bullet
    /// or a row's number alone at the line's start (`- Số người`, `5 Số
    /// vụ`), or a bar (`| Số lượt`).
    pub opens_item: bool,
}

/// Words that take a capital before the number they name, wherever they
/// stand (NĐ 30/2020: `Điều 2.`, `theo Điều 5`, `Chương II` is a heading).
const CAPITAL_BEFORE_NUMBER: &[&str] = &["điều", "chương"];

/// Letters whose upper- and lower-case shapes OCR confuses.
fn ambiguous(c: char) -> bool {
    !c.is_alphabetic()
        || matches!(
            viet::base_letter(c).to_ascii_lowercase(),
            'c' | 'o' | 's' | 'v' | 'w' | 'x' | 'z'
        )
}

/// Did OCR print the letter `truth` as `ocr` (any case, any marks)?
pub(super) fn same_letter(ocr: char, truth: char) -> bool {
    let b = |c: char| viet::base_letter(c).to_lowercase().next().unwrap_or(c);
    ocr.is_alphabetic() && b(ocr) == b(truth)
}

/// The case pattern for the repaired `word` (lower case) of the OCR token `ocr`.
pub fn restore(ocr: &str, word: &str, ctx: Context) -> CasePattern {
    let oc: Vec<char> = ocr.chars().collect();
    let Some(w0) = word.chars().next() else {
        return CasePattern::Lower;
    };
    // The first letter's case is OCR's when OCR printed a letter of the same
    // height (`P` for `Đ` is a capital too), but not a digit, nor the tall
    // `J`/`I`/`l` standing for another of them (`Ja` = `là`, `Ice` = `lệ`).
    // A different letter printed small (`piéu` for `Điều`) still gets the
    // capital a sentence start asks for.
    let first_upper = match oc.first() {
        // `$` is OCR's capital `S` (`$6:` = `Số:`, `$6 Tài chính` = `Sở`),
        // but OCR prints it for a small one too before a figure mid-sentence
        // (`Nghị định $6 62/2020/NĐ-CP`: in the held-out sets 14 of 14 such
        // are `số`) and before a word in small letters (`được $6 hóa`, `một
        // $6 xã`: 9 of 10).
        // A list item or a cell opens with a capital, before a word too
        // (`- $6 người chết`, `| $6 lượt`: in the held-out OCR, `Số` read
        // small went from 35 tokens to 13 with this, `số` read capital
        // stayed at 13).
        Some('$') => {
            !(ctx.before_figure || ctx.before_lower_word)
                || ctx.sentence_start
                || ctx.opens_item && !ctx.before_figure
        }
        // `¥` is OCR's capital `Y` (`Sở ¥ tế`), and its small `ý`, the
        // accent taken for the bars (`ý kiến`: in the held-out OCR a lone
        // `¥` was `Y` 28 times, `ý` 33, `Ý` 3).
        Some('¥') => !word.starts_with('ý') || ctx.sentence_start,
        // OCR reads the small `á` of `án` as a capital `A` (`Dé An 06` for
        // `Đề án 06`, `bệnh An`): no name, so mid-sentence it is small.
        Some('A') if word == "án" && !ctx.line_upper && ctx.near_upper != Some(true) => {
            ctx.sentence_start
        }
        // A small letter shaped like its capital (`sO GIAO DỤC` for `SỞ
        // GIÁO DỤC`) in a line of capitals, between words in capitals, is
        // one of them, unless a letter after it is small (`vu`, `so`; a
        // look-alike printed small counts too).
        Some(&o0)
            if ambiguous(o0)
                && o0.is_lowercase()
                && ctx.line_upper
                && ctx.near_upper == Some(true)
                && !ctx.near_split
                && oc[1..].iter().all(|&c| !case_clue(c) || c.is_uppercase()) =>
        {
            true
        }
        Some(&o0) if o0.is_alphabetic() && same_letter(o0, w0) => o0.is_uppercase(),
        Some(&o0) if o0.is_alphabetic() && !matches!(o0, 'J' | 'I' | 'l') => {
            o0.is_uppercase() || ctx.sentence_start
        }
        _ => ctx.line_upper || ctx.sentence_start,
    };
    let first_upper = first_upper || ctx.before_figure && CAPITAL_BEFORE_NUMBER.contains(&word);
    if !first_upper {
        return CasePattern::Lower;
    }
    if word.chars().count() < 2 {
        return CasePattern::Title;
    }
    // A capital I with a mark above (`Ỉ`, `Í`) prints as a small `i`, its
    // mark taken for the dot: in such a word a small `i` says nothing.
    let marked_i = word.chars().any(|c| matches!(c, 'í' | 'ì' | 'ỉ' | 'ĩ'));
    let (up, low) = tally(
        oc.iter()
            .skip(1)
            .copied()
            .filter(|&c| case_clue(c) && !(marked_i && c == 'i')),
    );
    // One letter is thin evidence against the words around (`Uy BAN` for
    // `ỦY BAN`: the small `y` of a capital Ỷ-less `Y`); none is no evidence.
    let rest_upper = match up + low {
        0 => ctx.near_upper.unwrap_or(ctx.line_upper),
        // Neighbours of both cases (a code before a name: `BC-SYT Ha Tinh`)
        // leave it to the word's own letter.
        1 if ctx.near_split => up > low,
        1 => ctx.near_upper.unwrap_or(up > low),
        _ => up > low,
    };
    if rest_upper {
        CasePattern::Upper
    } else {
        CasePattern::Title
    }
}

/// What a line says of its tokens' case, computed once for all the tokens
/// of the line that [`context_in_line`] is asked about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineCase {
    /// The line's [`line_upper`].
    upper: bool,
    /// Per token, whether its letters say it is in capitals ([`case_said`]
    /// of a word of a syllable's shape; `None` for any other token).
    said: Vec<Option<bool>>,
    /// The token opening the national motto (`Độc` of `Độc lập - Tự do -
    /// Hạnh phúc`) after other words on the line: the issuer's column, in
    /// capitals, and the motto's, in title case, merged on one line. Neither
    /// column's words are asked about the other's case.
    motto_at: Option<usize>,
}

impl LineCase {
    /// The case evidence of `line`, tokenized as `toks`.
    pub fn new(line: &str, toks: &[Token]) -> Self {
        // Found once for both the line's and each word's evidence.
        let syllables = syllable_words(line, toks);
        LineCase {
            upper: upper_of_syllables(line, toks, &syllables),
            said: toks
                .iter()
                .zip(&syllables)
                .map(|(t, &s)| s.then(|| case_said(t.text(line))).flatten())
                .collect(),
            motto_at: motto_start(line, toks),
        }
    }
}

/// Where the national motto opens after other words on the line: a word of
/// three letters `d`…`c` (`Doc`, `Déc`, `Độc`; OCR's `D6c` too), a space and
/// `lập` by its letters.
fn motto_start(line: &str, toks: &[Token]) -> Option<usize> {
    (2..toks.len().saturating_sub(2)).find(|&i| {
        let word = toks[i].text(line);
        let mut cs = word
            .chars()
            .map(|c| viet::base_letter(c).to_ascii_lowercase());
        toks[i].kind == TokenKind::Word
            && word.chars().count() == 3
            && cs.next() == Some('d')
            && cs.nth(1) == Some('c')
            && toks[i + 1].text(line) == " "
            && viet::skeleton_eq(toks[i + 2].text(line), "lap")
            && toks[..i].iter().any(|t| t.kind == TokenKind::Word)
    })
}

/// The context of token `ti` of line `li`. Callers repairing many tokens of
/// one line compute its [`LineCase`] once and use [`context_in_line`].
pub fn context(lines: &[String], tokens: &[Vec<Token>], li: usize, ti: usize) -> Context {
    context_in_line(
        lines,
        tokens,
        li,
        ti,
        &LineCase::new(&lines[li], &tokens[li]),
    )
}

/// The context of token `ti` of line `li`, given the line's [`LineCase`].
pub fn context_in_line(
    lines: &[String],
    tokens: &[Vec<Token>],
    li: usize,
    ti: usize,
    case: &LineCase,
) -> Context {
    let line = &lines[li];
    let toks = &tokens[li];
    let line_upper = case.upper;
    let token_before = toks[..ti].iter().rev().find(|t| t.kind != TokenKind::Space);
    // A list item's first word, after its marker alone at the line's start,
    // a bullet (`- Như trên;`) or a letter (`b) Số liệu`), starts as a line
    // does.
    let mut marker = toks[..ti].iter().filter(|t| t.kind != TokenKind::Space);
    let after_bullet = match (marker.next(), marker.next(), marker.next()) {
        (Some(b), None, _) => {
            let mut cs = b.text(line).chars();
            let bullet = cs.next().is_some_and(crate::text::is_bullet) && cs.next().is_none();
            b.kind == TokenKind::Punct && bullet && b.start == 0
        }
        (Some(l), Some(p), None) => {
            l.kind == TokenKind::Word
                && l.text(line).chars().count() == 1
                && p.text(line) == ")"
                && p.start == l.end
        }
        _ => false,
    };
    let sentence_start = match token_before.filter(|_| !after_bullet) {
        Some(t) => t.kind == TokenKind::Punct && ends_sentence(t.text(line)),
        None => match lines[..li].last() {
            None => true,
            Some(prev) => prev
                .trim_end()
                .chars()
                .next_back()
                .is_none_or(|c| matches!(c, '.' | ':' | ';' | '!' | '?')),
        },
    };
    // The nearest word either side whose letters say its case, up to a
    // bracket, colon, semicolon, bar or slash: past one may be another
    // column or aside (`Môi trường (b/c); PHÓ CHỦ TỊCH`).
    let stop = |t: &Token| {
        t.kind == TokenKind::Punct
            && t.text(line)
                .contains([';', ':', '(', ')', '[', ']', '|', '/'])
    };
    let nearest = |it: &mut dyn Iterator<Item = usize>| {
        it.take_while(|&i| !stop(&toks[i]))
            .find_map(|i| case.said.get(i).copied().flatten())
    };
    // The other column of a line the motto shares is not asked.
    let (from, to) = match case.motto_at {
        Some(m) if ti < m => (0, m),
        Some(m) => (m, toks.len()),
        None => (0, toks.len()),
    };
    let before = nearest(&mut (from..ti).rev());
    let after = nearest(&mut (ti + 1..to));
    let near_upper = match (before, after) {
        (None, None) => None,
        (b, a) => Some(b == Some(true) || a == Some(true)),
    };
    let next = toks
        .get(ti + 1..)
        .and_then(|a| a.iter().find(|t| t.kind != TokenKind::Space));
    let before_figure = next.is_some_and(|t| t.kind == TokenKind::Figure);
    let before_lower_word = next
        .is_some_and(|t| t.kind == TokenKind::Word && t.text(line).starts_with(char::is_lowercase));
    let first_on_line = |t: &Token| toks.iter().find(|t| t.kind != TokenKind::Space) == Some(t);
    let opens_item = after_bullet
        || token_before.is_some_and(|t| {
            t.text(line) == "|"
                || t.kind == TokenKind::Figure
                    && first_on_line(t)
                    && t.text(line).bytes().all(|b| b.is_ascii_digit())
        });
    Context {
        line_upper,
        sentence_start,
        opens_item,
        near_upper,
        near_split: matches!((before, after), (Some(b), Some(a)) if b != a),
        before_figure,
        before_lower_word,
    }
}

/// Whether the letters of a word of a syllable's shape say it is in
/// capitals: `Some(true)` for `GIAM`, `Some(false)` for `nhan` or `Giam`,
/// `None` for `DOC` (its capital `O` and `C` look like small ones). Codes
/// (`KT`, capitals anywhere) are not of a syllable's shape.
fn case_said(w: &str) -> Option<bool> {
    let (up, low) = tally(w.chars().filter(|&c| case_clue(c)));
    (up + low >= 2).then_some(up > low)
}

/// Is `w`'s skeleton of a syllable's shape?
fn syllable_shaped(w: &str) -> bool {
    crate::lexicon::syllable::skeleton_is_syllable_shape(w)
}

/// Does OCR's letter `c` (after a word's first) say the word's case? A
/// look-alike printed small is still a small letter; printed large, it may
/// be OCR following the capital before it (`BO` for `Bộ`).
fn case_clue(c: char) -> bool {
    viet::is_alphabetic(c) && (!ambiguous(c) || c.is_lowercase())
}

/// Capitals and other characters among `chars`.
fn tally(chars: impl Iterator<Item = char>) -> (usize, usize) {
    chars.fold((0, 0), |(up, low), c| {
        if c.is_uppercase() {
            (up + 1, low)
        } else {
            (up, low + 1)
        }
    })
}

/// Are most of the clearly-cased letters of the line's syllables upper case
/// (a heading in capitals)? Codes (`TTHC`, `UBND`) are capitals in any line
/// and do not count.
pub fn line_upper(line: &str, toks: &[Token]) -> bool {
    upper_of_syllables(line, toks, &syllable_words(line, toks))
}

/// Per token of `line`, whether it is a word of a syllable's shape.
fn syllable_words(line: &str, toks: &[Token]) -> Vec<bool> {
    toks.iter()
        .map(|t| t.kind == TokenKind::Word && syllable_shaped(t.text(line)))
        .collect()
}

/// [`line_upper`], given which tokens are words of a syllable's shape.
fn upper_of_syllables(line: &str, toks: &[Token], syllables: &[bool]) -> bool {
    let (up, low) = tally(
        toks.iter()
            .zip(syllables)
            .filter(|&(_, &s)| s)
            .flat_map(|(t, _)| t.text(line).chars().filter(|&c| !ambiguous(c))),
    );
    up >= 2 && up * 10 > (up + low) * 6
}

/// Does the mark `p` end a sentence (`.`, `!`, `?`, not an ellipsis)?
pub(super) fn ends_sentence(p: &str) -> bool {
    p.chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?'))
        && !p.starts_with("..")
}

#[cfg(test)]
mod tests {
    use super::*;

    const MID: Context = Context {
        line_upper: false,
        sentence_start: false,
        near_upper: None,
        near_split: false,
        before_figure: false,
        before_lower_word: false,
        opens_item: false,
    };

    #[test]
    fn ambiguous_shapes_follow_the_line() {
        assert_eq!(restore("BO", "bộ", MID), CasePattern::Title);
        let upper = Context {
            line_upper: true,
            ..MID
        };
        assert_eq!(restore("BO", "bộ", upper), CasePattern::Upper);
        assert_eq!(restore("NGUOI", "người", MID), CasePattern::Upper);
        assert_eq!(restore("So", "số", upper), CasePattern::Title);
        assert_eq!(restore("$6", "số", MID), CasePattern::Title);
        // Before a figure mid-sentence, `$` is a small `s` as often.
        let before_figure = Context {
            before_figure: true,
            ..MID
        };
        assert_eq!(restore("$6", "số", before_figure), CasePattern::Lower);
        let start = Context {
            sentence_start: true,
            ..before_figure
        };
        assert_eq!(restore("$6", "số", start), CasePattern::Title);
        // So before a word in small letters.
        let before_lower_word = Context {
            before_lower_word: true,
            ..MID
        };
        assert_eq!(restore("$6", "số", before_lower_word), CasePattern::Lower);
        // OCR's capital `A` for the small `á` of `án`, but for a sentence's
        // start or a heading's capitals.
        assert_eq!(restore("An", "án", before_figure), CasePattern::Lower);
        assert_eq!(restore("An", "án", start), CasePattern::Title);
        assert_eq!(restore("AN", "án", upper), CasePattern::Upper);
        assert_eq!(restore("An", "an", MID), CasePattern::Title);
    }

    #[test]
    fn a_small_letter_shaped_like_its_capital_among_capitals_is_one() {
        let among = Context {
            line_upper: true,
            near_upper: Some(true),
            ..MID
        };
        assert_eq!(restore("sO", "sở", among), CasePattern::Upper);
        // Not where a letter after it is clearly small, nor where the words
        // around disagree, nor in a line of small letters.
        assert_eq!(restore("vu", "vụ", among), CasePattern::Lower);
        let split = Context {
            near_split: true,
            ..among
        };
        assert_eq!(restore("sO", "sở", split), CasePattern::Lower);
        let near_only = Context {
            near_upper: Some(true),
            ..MID
        };
        assert_eq!(restore("sO", "sở", near_only), CasePattern::Lower);
    }

    #[test]
    fn a_yen_sign_is_a_capital_y_or_a_small_y_acute() {
        assert_eq!(restore("¥", "y", MID), CasePattern::Title);
        assert_eq!(restore("¥", "ý", MID), CasePattern::Lower);
        let start = Context {
            sentence_start: true,
            ..MID
        };
        assert_eq!(restore("¥", "ý", start), CasePattern::Title);
    }

    #[test]
    fn a_small_i_for_a_marked_capital_i_is_no_evidence() {
        // `CHi` is `CHỈ`: the hook above the capital I read as its dot.
        assert_eq!(restore("CHi", "chỉ", MID), CasePattern::Upper);
        assert_eq!(restore("Chi", "chỉ", MID), CasePattern::Title);
        // Without a marked i in the word, a small i is a small letter.
        assert_eq!(restore("CHi", "chi", MID), CasePattern::Title);
        assert_eq!(restore("KHi", "khi", MID), CasePattern::Title);
    }

    #[test]
    fn other_letters_say_nothing_about_case() {
        assert_eq!(restore("Ja", "là", MID), CasePattern::Lower);
        assert_eq!(restore("1A", "là", MID), CasePattern::Lower);
        let start = Context {
            sentence_start: true,
            ..MID
        };
        assert_eq!(restore("1a", "là", start), CasePattern::Title);
        assert_eq!(restore("piéu", "điều", start), CasePattern::Title);
        assert_eq!(restore("piéu", "điều", MID), CasePattern::Lower);
        assert_eq!(restore("Poan", "đoàn", MID), CasePattern::Title);
        assert_eq!(restore("cong", "công", MID), CasePattern::Lower);
        assert_eq!(restore("Cong", "công", MID), CasePattern::Title);
        assert_eq!(restore("Hanh", "hạnh", MID), CasePattern::Title);
    }

    /// The context of the first token of line `li` that reads `w`.
    fn context_at(lines: &[String], tokens: &[Vec<Token>], li: usize, w: &str) -> Context {
        let ti = tokens[li]
            .iter()
            .position(|t| t.text(&lines[li]) == w)
            .unwrap();
        context(lines, tokens, li, ti)
    }

    /// `lines` as owned lines with their tokens.
    fn lines_and_tokens(lines: &[&str]) -> (Vec<String>, Vec<Vec<Token>>) {
        let lines: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        let toks = lines.iter().map(|l| crate::text::tokenize(l)).collect();
        (lines, toks)
    }

    #[test]
    fn a_word_without_evidence_takes_the_case_of_its_neighbour() {
        let (lines, toks) = lines_and_tokens(&[
            "Noi nhan: KT. GIAM DOC",
            "BO Nong nghiep",
            "SO CO",
            "Chương VIII TO CHỨC",
            "Uy BAN NHAN DAN",
            "Bo Nong nghiep va Mi trwong (b/c); PHO CHU TICH",
            "piéu 2. Đối tượng áp dụng",
        ]);
        let at = |li: usize, w: &str| context_at(&lines, &toks, li, w);
        // The line's majority is small letters; the column is in capitals.
        let doc = at(0, "DOC");
        assert!(!doc.line_upper);
        assert_eq!(doc.near_upper, Some(true));
        assert_eq!(restore("DOC", "đốc", doc), CasePattern::Upper);
        // First on its line: the next word tells.
        assert_eq!(at(1, "BO").near_upper, Some(false));
        assert_eq!(restore("BO", "bộ", at(1, "BO")), CasePattern::Title);
        // A heading after a word in title case.
        assert_eq!(at(3, "TO").near_upper, Some(true));
        // One small letter is thin evidence against the next word.
        assert_eq!(restore("Uy", "ủy", at(4, "Uy")), CasePattern::Upper);
        // The other column, past the bracket and semicolon, is not asked.
        assert_eq!(at(5, "Mi").near_upper, Some(false));
        assert_eq!(restore("Mi", "môi", at(5, "Mi")), CasePattern::Title);
        // `Điều` before its number takes its capital.
        assert!(at(6, "piéu").before_figure);
        assert_eq!(restore("piéu", "điều", at(6, "piéu")), CasePattern::Title);
        assert_eq!(restore("diéu", "điều", MID), CasePattern::Lower);
        // No word with evidence: the line decides, as before.
        assert_eq!(at(2, "CO").near_upper, None);
    }

    #[test]
    fn the_issuers_column_is_not_asked_about_the_mottos_case() {
        let (lines, toks) = lines_and_tokens(&[
            "SO Y TE Doc lap - Tw do - Hanh phic",
            "SO NOI VU D6c lap - Tu do",
            "Doc lap - Tu do - Hanh phuc",
        ]);
        let at = |li: usize, w: &str| context_at(&lines, &toks, li, w);
        assert_eq!(at(0, "TE").near_upper, None);
        assert_eq!(restore("TE", "tế", at(0, "TE")), CasePattern::Upper);
        assert_eq!(restore("VU", "vụ", at(1, "VU")), CasePattern::Upper);
        // The motto's own words still see each other.
        assert_eq!(at(0, "Tw").near_upper, Some(false));
        // A motto alone on its line has no other column.
        assert_eq!(LineCase::new(&lines[2], &toks[2]).motto_at, None);
    }

    #[test]
    fn neighbours_of_both_cases_leave_it_to_the_word() {
        let (lines, toks) = lines_and_tokens(&["S6: 642/BC-SYT Ha Tinh, ngay 08", "GIAM Ha TINH"]);
        let at = |li: usize, w: &str| context_at(&lines, &toks, li, w);
        // A code in capitals before, the name's next word in title case.
        let ha = at(0, "Ha");
        assert!(ha.near_split);
        assert_eq!(restore("Ha", "hà", ha), CasePattern::Title);
        // Capitals both sides outweigh one small letter.
        assert!(!at(1, "Ha").near_split);
        assert_eq!(restore("Ha", "hà", at(1, "Ha")), CasePattern::Upper);
    }

    #[test]
    fn a_list_items_first_word_starts_like_a_line() {
        let (lines, tokens) = lines_and_tokens(&[
            "Nơi nhận:",
            "- hint VT;",
            "b) $6 liéu;",
            "ab) Sé",
            "x - hint",
        ]);
        let at = |li: usize, w: &str| context_at(&lines, &tokens, li, w).sentence_start;
        assert!(at(1, "hint"), "after a bullet opening a line");
        assert!(!at(1, "VT"));
        assert!(at(2, "$6"), "after a list item's letter");
        assert!(!at(3, "Sé"), "no letter");
        assert!(!at(4, "hint"), "a dash mid-line");
    }

    #[test]
    fn items_and_cells_open_with_their_first_word() {
        let (lines, tokens) = lines_and_tokens(&[
            "văn bản",
            "- $6 ngudi chét",
            "| 2 | $6 lugt ngudi",
            "5 $6 vu va cham",
            "trong một $6 xã",
        ]);
        let at = |li: usize| context_at(&lines, &tokens, li, "$6");
        assert!(at(1).opens_item && !at(1).sentence_start);
        assert!(at(2).opens_item);
        assert!(at(3).opens_item);
        assert!(!at(4).opens_item);
        let title = |li: usize| restore("$6", "số", at(li)) == CasePattern::Title;
        assert!(title(1) && title(2) && title(3) && !title(4));
        // Before a figure the rule for a figure holds (not measured).
        let before_figure = Context {
            opens_item: true,
            before_figure: true,
            ..MID
        };
        assert_eq!(restore("$6", "số", before_figure), CasePattern::Lower);
    }

    #[test]
    fn contexts() {
        let (lines, toks) = lines_and_tokens(&[
            "Một câu xong.",
            "piéu 43. Lap",
            "theo quy dinh. Cac 16",
            "VA VIEC THAY BO",
            "Ty 1€ hd so TTHC do UBND cap",
        ]);
        assert!(context(&lines, &toks, 1, 0).sentence_start);
        let cac = toks[2]
            .iter()
            .position(|t| t.text(&lines[2]) == "Cac")
            .unwrap();
        assert!(context(&lines, &toks, 2, cac).sentence_start);
        let quy = toks[2]
            .iter()
            .position(|t| t.text(&lines[2]) == "quy")
            .unwrap();
        assert!(!context(&lines, &toks, 2, quy).sentence_start);
        assert!(context(&lines, &toks, 3, 0).line_upper);
        // Codes do not make a line a heading.
        assert!(!context(&lines, &toks, 4, 0).line_upper);
        assert!(!context(&lines, &toks, 2, 0).line_upper);
    }
}
