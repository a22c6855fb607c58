//! Fixed phrases of administrative documents read after decoding, on the
//! repaired words around them: `Sở` before a department's name or after a
//! director's title, `hằng` before a unit of time, the `Căn cứ` that opens a
//! legal-basis line, the unit after `UBND`/`HĐND`, the `kính` of the
//! formulas that address a superior, a crop season after `vụ`, a place's
//! name after its unit word, the `để` of a recipient list's `(để b/c)`,
//! the dash and the `;` of a list item, a numbered heading's dot.
//! Each fires only in a document the channel mixture
//! finds noisy, and only where OCR left the phrase unreadable.

use super::{reading, Change, Changes, LONE_O_CONFIDENCE};
use crate::lexicon::{lm, Lexicon};
use crate::text::{viet, Token, TokenKind};
use regex::Regex;
use std::sync::LazyLock;

/// Reads `Sở` for OCR's misreadings of it (`S6`, `SG`, `$@`, `S§`, or a
/// `Số` the decoder chose) before the name of a provincial department
/// (`SG Nội vụ`, `S6 Tài chính`; see [`reading::department_follows`]), judged
/// on the repaired words after it, or after a director's title (`các PGĐ
/// Sé;`, see [`after_director`]). `SỞ` where the name is in capitals.
pub(super) fn read_department_so(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len() {
            if toks[ti].kind != TokenKind::Word {
                continue;
            }
            let ocr = toks[ti].text(line);
            let now = changes.text(line, &toks[ti], (li, ti));
            // A mark glued after a lone `S` (`S§`) is part of it.
            let glued = toks
                .get(ti + 1)
                .filter(|t| t.kind == TokenKind::Punct && t.start == toks[ti].end)
                .map(|t| (ti + 1, t.text(line)));
            let mark = glued.and_then(|(_, m)| m.chars().next());
            let decoded_so = ocr.starts_with(['S', '$']) && viet::skeleton(now) == "so";
            if !reading::may_read_so(ocr, mark) && !decoded_so {
                continue;
            }
            // The two tokens after it (past a glued mark), as repaired so
            // far, when both are words.
            let from = glued.map_or(ti + 1, |(tm, _)| tm + 1);
            let mut words = solid(&toks[from..]).take(2).map(|(k, t)| {
                (t.kind == TokenKind::Word)
                    .then(|| (changes.text(line, t, (li, from + k)), t.text(line)))
            });
            let (a, b) = (words.next().flatten(), words.next().flatten());
            // A department's acronym (`SO VHTTDL`, `S6 GDĐT;`) needs no word
            // after it.
            let acronym = a.is_some_and(|(a, a_ocr)| {
                reading::department_acronym(a) && reading::department_acronym(a_ocr)
            });
            let (a, a_ocr, b, b_ocr) = match (a, b) {
                (Some((a, a_ocr)), Some((b, b_ocr))) => (a, a_ocr, b, b_ocr),
                (Some((a, a_ocr)), None) if acronym => (a, a_ocr, "", ""),
                _ => ("", "", "", ""),
            };
            // A department's name is capitalised (changes are lower case:
            // the case is the OCR token's).
            let department = acronym
                || a_ocr.starts_with(char::is_uppercase) && reading::department_follows(a, b);
            if !department && !after_director(line, toks, ti) && !so_alone(line, toks, ti, from) {
                continue;
            }
            // In capitals when the name's first words are, with two letters
            // at least to say so (`SG Y TE`: `Y` alone says nothing).
            // (An acronym is in capitals anyway: the word after it says.)
            let name = if acronym {
                b_ocr.to_owned()
            } else {
                [a_ocr, b_ocr].concat()
            };
            let upper = name.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !name.chars().any(char::is_lowercase);
            let to = if upper { "SỞ" } else { "Sở" };
            if now == to {
                continue;
            }
            changes.insert((li, ti), phrase(to, Some(now.to_owned())));
            // The mark goes; punctuation glued after it stays (`S@;` → `Sở;`).
            if let Some((tm, m)) = glued {
                let mut rest = m.chars();
                rest.next();
                let rest = rest.as_str();
                if ocr.chars().count() == 1
                    && rest.chars().all(|c| matches!(c, ';' | ',' | '.' | ':'))
                {
                    changes.insert((li, tm), phrase(rest, Some(m.to_owned())));
                }
            }
        }
    }
}

/// Syllables OCR prints as a capital and a `G`, its `ộ` or `ổ` read as the
/// letter (`BG Y tế`, `BG phận`, `BG sung`): in the held-out OCR, 28 of the
/// 31 `BG` between words were `Bộ` or `Bổ`.
/// (`CG`, `MG`, `TG` for `cơ`, `mở`, `tờ` read 2 more right: too few to
/// judge, and left out.)
const G_FOR_O: &[(&str, &[&str])] = &[("BG", &["bộ", "bổ"])];

/// Least log10 P(next | reading) a kept bigram must give the word after
/// such a token for it to be read (`bộ phận`, `Bộ Y`, `bổ sung`). On the
/// 789 held-out OCR files -4.0 and -6.0 read the same, -3.0 three fewer
/// right, -2.0 eight fewer; none broke a token.
const G_FOR_O_FOLLOWER: f32 = -4.0;

/// Reads a token of [`G_FOR_O`] as the syllable the word after it (as
/// repaired so far) follows best, where the language model kept that
/// bigram and finds it likely ([`G_FOR_O_FOLLOWER`]): `của BG Y tế` → `của
/// Bộ Y tế`; `BỘ` before a word in capitals. The decoder keeps such a
/// token, a code in capitals it does not know.
pub(super) fn read_g_for_o(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len().saturating_sub(2) {
            let printed = toks[ti].text(line);
            let Some((_, readings)) = G_FOR_O.iter().find(|(g, _)| *g == printed) else {
                continue;
            };
            let next = &toks[ti + 2];
            if toks[ti].kind != TokenKind::Word
                || toks[ti + 1].text(line) != " "
                || next.kind != TokenKind::Word
            {
                continue;
            }
            let next_read = changes.text(line, next, (li, ti + 2));
            let Some(n) = crate::lexicon::lm_form(next_read).map(|f| lex.id(&f)) else {
                continue;
            };
            if n == lm::UNK {
                continue;
            }
            let best = readings
                .iter()
                .filter_map(|r| Some((*r, lex.lm.kept_bigram(lex.id(r), n)?)))
                .filter(|&(_, p)| p >= G_FOR_O_FOLLOWER)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            let Some((to, _)) = best else { continue };
            let to = if super::titles::in_capitals(next.text(line)) {
                to.to_uppercase()
            } else {
                viet::apply_case(to, viet::CasePattern::Title)
            };
            changes.insert((li, ti), phrase(&to, Some(printed.to_owned())));
            changes.keep_case((li, ti));
        }
    }
}

/// Is the capitalised `Số`/`Sở` at `ti` one that names the department
/// alone, its name said before (`báo cáo về Sở (qua Phòng …)`, `về Sở.`,
/// `Cổng TTĐT Sở;`): after a word in the line, and before a bracket, a
/// closing mark or the line's end (`from`: the token after it and any
/// glued mark). A number's `Số` is followed by its figure or a colon.
fn so_alone(line: &str, toks: &[Token], ti: usize, from: usize) -> bool {
    let after_word = toks[..ti]
        .iter()
        .rev()
        .find(|t| t.kind != TokenKind::Space)
        .is_some_and(|t| t.kind == TokenKind::Word);
    let next = solid(&toks[from..]).next().map(|(_, t)| t.text(line));
    let closes = match next {
        None => true,
        Some(n) => n.starts_with(['(', ';', '.', ',']) && !n.starts_with("..."),
    };
    toks[ti].text(line).starts_with(['S', '$']) && after_word && closes
}

/// Reads `Căn cứ`, the opening of every legal-basis line, where OCR left
/// its second word no word (`Can cl Luật`, `Can. ct Quyết định`, `Can cw&
/// Thông tư`): a line that starts with a `can` (any marks), then a token of
/// `c` and at most two more letters that is no syllable other than `cu`,
/// then a capitalised word. Specks glued to either go. (`Cần có Quyết định`
/// keeps its `có`, a syllable.)
pub(super) fn read_legal_basis(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let mut words = (0..toks.len()).filter(|&i| toks[i].kind == TokenKind::Word);
        let (Some(w1), Some(w2), Some(w3)) = (words.next(), words.next(), words.next()) else {
            continue;
        };
        let (a, b, c) = (
            toks[w1].text(line),
            toks[w2].text(line),
            toks[w3].text(line),
        );
        let first = toks.iter().position(|t| t.kind != TokenKind::Space);
        let b_skel = viet::skeleton(b);
        let second_is_cu = b.starts_with('c')
            && b.chars().count() <= 3
            && (matches!(b_skel.as_str(), "cu" | "cit")
                || !crate::lexicon::syllable::is_syllable_shape(&b_skel));
        if first != Some(w1)
            || !a.starts_with('C')
            || viet::skeleton(a) != "can"
            || !second_is_cu
            || !c.starts_with(char::is_uppercase)
        {
            continue;
        }
        // Only spaces and specks between the three words.
        let specks = |r: std::ops::Range<usize>| {
            toks[r].iter().all(|t| {
                t.kind == TokenKind::Space
                    || t.kind == TokenKind::Punct && !t.text(line).contains([',', ';', ':'])
            })
        };
        if !specks(w1 + 1..w2) || !specks(w2 + 1..w3) {
            continue;
        }
        for (ti, to) in [(w1, "Căn"), (w2, "cứ")] {
            if toks[ti].text(line) != to {
                let runner_up = changes.get((li, ti)).map(|c| c.to.clone());
                changes.insert((li, ti), phrase(to, runner_up));
            }
        }
        // The specks go; one glued between two words becomes their space.
        for (from, to) in [(w1 + 1, w2), (w2 + 1, w3)] {
            let spaced = toks[from..to].iter().any(|t| t.kind == TokenKind::Space);
            for (k, ti) in (from..to).enumerate() {
                if toks[ti].kind == TokenKind::Punct {
                    let to = if k == 0 && !spaced { " " } else { "" };
                    changes.insert((li, ti), phrase(to, None));
                }
            }
        }
    }
}

/// Reads `hằng` for a markless `hang` the decoder read `hàng` before a unit
/// of time (`hằng năm`, `hằng quý`): both spellings are Vietnamese, and the
/// decoder's language model leans to `hàng` from its legislation and
/// encyclopedia text, but provincial documents write `hằng` (the gold seeds
/// 15 times to none, the recent administrative corpus 157 to 59). A `hàng`
/// the OCR printed with its mark stays.
pub(super) fn read_every_period(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    const PERIODS: &[&str] = &["năm", "tháng", "quý", "ngày", "tuần"];
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len() {
            let ocr = toks[ti].text(line);
            let Some(now) = changes.get((li, ti)).map(|c| c.to.as_str()) else {
                continue;
            };
            if now != "hàng" || !ocr.eq_ignore_ascii_case("hang") {
                continue;
            }
            let next = toks[ti + 1..]
                .iter()
                .enumerate()
                .find(|(_, t)| t.kind != TokenKind::Space)
                .filter(|(_, t)| t.kind == TokenKind::Word)
                .map(|(k, t)| changes.text(line, t, (li, ti + 1 + k)).to_lowercase());
            if next.is_some_and(|n| PERIODS.contains(&n.as_str())) {
                if let Some(c) = changes.get_mut((li, ti)) {
                    c.to = "hằng".to_owned();
                }
            }
        }
    }
}

/// Reads `kính` for a markless `kinh` before the verbs of the formulas that
/// address a superior (`Kính gửi`, `Kính trình`, `kính báo cáo`, `trân
/// trọng kính mời`, `kính đề nghị`, `kính chuyển`, `kính chúc`), and `mời`
/// for a `mới` read after it: the decoder's legal and encyclopedic text
/// hardly has these letter formulas, so it read `kinh trình`, `kinh mới`.
/// `kinh` has no reading before these words (`kinh phí`, `kinh tế` are
/// other words after it).
pub(super) fn read_polite_kinh(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    const VERBS: &[&str] = &["gửi", "trình", "báo", "mời", "đề", "chuyển", "chúc"];
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len() {
            let ocr = toks[ti].text(line);
            if toks[ti].kind != TokenKind::Word || !viet::skeleton_eq(ocr, "kinh") {
                continue;
            }
            let Some(next) = toks
                .get(ti + 1)
                .filter(|t| t.kind == TokenKind::Space)
                .and(toks.get(ti + 2))
                .filter(|t| t.kind == TokenKind::Word)
            else {
                continue;
            };
            let after = changes.text(line, next, (li, ti + 2)).to_lowercase();
            let invite = after == "mới";
            if !VERBS.contains(&after.as_str()) && !invite {
                continue;
            }
            let now = changes.text(line, &toks[ti], (li, ti)).to_lowercase();
            if now != "kính" {
                changes.insert((li, ti), phrase("kính", Some(now)));
            }
            if invite {
                changes.insert((li, ti + 2), phrase("mời", Some(after)));
            }
        }
    }
}

/// The crop seasons of agricultural reports, as skeletons and as spelled.
const SEASONS: &[(&[&str], &[&str])] = &[
    (&["dong", "xuan"], &["đông", "xuân"]),
    (&["he", "thu"], &["hè", "thu"]),
    (&["thu", "dong"], &["thu", "đông"]),
];

/// Reads a quarter's Roman numeral that OCR read as ones (`quý 11/2027` →
/// `quý II/2027`): a figure of ones right after a `quý` (any marks, one
/// space between), a year after it (`/2027` or ` năm`). `11` and `111` name
/// no quarter, so they always read; a lone `1` (`quý 1/2027`, a way some
/// offices write it) only where the document writes another quarter in
/// Roman numerals and none in Arabic ones. The word before a Roman numeral,
/// alone or with its year, reads `quý` where the decoder kept another word
/// of its letters (`xây dựng quy II/2026`: it took `quy` for the start of
/// `quy hoạch`); no other word of them stands before `I`–`IV`. In the same
/// pass: a quarter garbled past its ones ([`read_quarter_glyphs_at`]), and
/// `quý II` before `và 9 tháng` read `quý III` ([`nine_months_after`]).
/// The `quý` may end the line before the numeral's ([`word_before`]).
pub(super) fn read_quarter_ones(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    static ONES: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(1{1,3})(/\d{4})?$").expect("valid regex"));
    let mut found: Vec<QuarterOnes> = Vec::new();
    // The words before a Roman numeral, to read `quý`.
    let mut quarter_words: Vec<(usize, usize)> = Vec::new();
    let (mut roman, mut arabic) = (false, false);
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len() {
            let Some(before) = word_before(lines, tokens, li, ti) else {
                continue;
            };
            let (pl, pt) = before;
            let before_tok = &tokens[pl][pt];
            // The token after `quý` as read so far, before the glyphs below
            // rewrite it.
            'read: {
                if !viet::skeleton_eq(changes.text(&lines[pl], before_tok, before), "quy") {
                    break 'read;
                }
                let now = changes.text(line, &toks[ti], (li, ti));
                let (numeral, rest) = now.split_once('/').unwrap_or((now, ""));
                if matches!(numeral, "I" | "II" | "III" | "IV") {
                    roman = true;
                    if rest.bytes().all(|b| b.is_ascii_digit()) {
                        quarter_words.push(before);
                    }
                    if now == "II"
                        && toks[ti].kind == TokenKind::Word
                        && nine_months_after(line, toks, li, ti, changes)
                    {
                        changes.insert((li, ti), phrase("III", Some("II".to_owned())));
                    }
                    break 'read;
                }
                if toks[ti].kind != TokenKind::Figure {
                    break 'read;
                }
                if matches!(numeral, "2" | "3" | "4") {
                    arabic = true;
                    break 'read;
                }
                let Some(c) = ONES.captures(toks[ti].text(line)) else {
                    break 'read;
                };
                let year_after = || {
                    toks.get(ti + 1).is_some_and(|t| t.text(line) == " ")
                        && toks.get(ti + 2).is_some_and(|t| {
                            t.kind == TokenKind::Word
                                && viet::skeleton_eq(changes.text(line, t, (li, ti + 2)), "nam")
                        })
                };
                // Not a document's number (`11/2027/TT-BTC`).
                let symbol_after = toks.get(ti + 1).is_some_and(|t| {
                    t.start == toks[ti].end && t.text(line).starts_with(['/', '-'])
                });
                if !symbol_after && (c.get(2).is_some() || year_after()) {
                    let ones = c.get(1).map_or(0, |m| m.len());
                    found.push(QuarterOnes {
                        at: (li, ti),
                        ones,
                        year: c.get(2).map_or("", |m| m.as_str()),
                        quy: before,
                    });
                }
            }
            // `q` has no marked forms: a skeleton `quy` opens with it.
            let printed_quy = before_tok.text(&lines[pl]);
            if printed_quy.starts_with(['q', 'Q'])
                && viet::skeleton_eq(printed_quy, "quy")
                && read_quarter_glyphs_at(line, toks, li, ti, changes)
            {
                quarter_words.push(before);
            }
        }
    }
    for f in found {
        if f.ones == 1 && (!roman || arabic) {
            continue;
        }
        let (li, ti) = f.at;
        let to = format!("{}{}", "I".repeat(f.ones), f.year);
        let from = tokens[li][ti].text(&lines[li]).to_owned();
        changes.insert(f.at, phrase(&to, Some(from)));
        quarter_words.push(f.quy);
    }
    for (li, ti) in quarter_words {
        let now = changes
            .text(&lines[li], &tokens[li][ti], (li, ti))
            .to_lowercase();
        if now != "quý" {
            changes.insert((li, ti), phrase("quý", Some(now)));
        }
    }
}

/// A figure of ones after `quý` that [`read_quarter_ones`] may read as a
/// Roman quarter.
struct QuarterOnes<'a> {
    /// Its (line, token).
    at: (usize, usize),
    /// How many ones it prints.
    ones: usize,
    /// The `/year` after them, or empty.
    year: &'a str,
    /// The (line, token) of the `quý` before it.
    quy: (usize, usize),
}

/// The word token just before token `ti` of line `li`: the token two back
/// when one space stands between them, or, for a line's first token, the
/// last token of the line before when that is a word (trailing spaces
/// skipped): a phrase such as `quý` / `II/2027` breaks across lines.
fn word_before(
    lines: &[String],
    tokens: &[Vec<Token>],
    li: usize,
    ti: usize,
) -> Option<(usize, usize)> {
    let toks = &tokens[li];
    if ti >= 2 {
        let spaced = toks[ti - 1].text(&lines[li]) == " ";
        return (spaced && toks[ti - 2].kind == TokenKind::Word).then_some((li, ti - 2));
    }
    if ti != 0 || li == 0 {
        return None;
    }
    let prev = &tokens[li - 1];
    let last = prev.iter().rposition(|t| t.kind != TokenKind::Space)?;
    (prev[last].kind == TokenKind::Word).then_some((li - 1, last))
}

/// Reads `ấp` (a southern hamlet) for OCR's `ap` (or `4p`) that the decoder
/// read otherwise: `cấp`, since OCR does not drop that `c` (in the held-out
/// scans an OCR `ap` was `ấp` 124 times, `áp` 94, `cấp` never, and the
/// decoder read 32 of the `ấp` as `cấp`: the language model knows `các
/// cấp`, not `các ấp`), or an `áp` before a hamlet's name, a capitalised
/// word in a line not in capitals (`ap Lộc Tiền`).
pub(super) fn read_hamlet(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for (k, (ti, t)) in solid(toks).enumerate() {
            let ocr = t.text(line);
            if t.kind != TokenKind::Word || !(viet::skeleton_eq(ocr, "ap") || ocr == "4p") {
                continue;
            }
            let now = changes.text(line, t, (li, ti)).to_lowercase();
            if now == "ấp" {
                continue;
            }
            let name_after = solid(toks).nth(k + 1).is_some_and(|(_, n)| {
                let w = n.text(line);
                n.kind == TokenKind::Word
                    && w.starts_with(char::is_uppercase)
                    && w.chars().skip(1).any(char::is_lowercase)
            });
            // A word the decoder read from other letters (`lập Danh mục`)
            // stays.
            if now == "cấp" || name_after && (viet::skeleton_eq(&now, "ap") || now == "4p") {
                changes.insert((li, ti), phrase("ấp", Some(now)));
            }
        }
    }
}

/// First words (skeletons) of the boards a `Ban` names (`Ban Chỉ đạo`, `Ban
/// Quản lý`, `Ban Thường vụ`, `Ban Kinh tế - Ngân sách`, …).
const BOARD_WORDS: &[&str] = &[
    "chi", "quan", "kinh", "to", "thuong", "giam", "chap", "thi", "kiem", "an", "tiep", "phat",
    "cham", "van", "dan", "bi", "tuyen", "phap", "noi", "dai", "dieu", "bao", "boi", "giai",
    "cong", "hoi", "nghien",
];

/// Reads `Ban` (a board) for a capitalised `Ban` the decoder read `Bản`
/// (a copy, a village) before a board's name: an acronym (`Ban QLDA`, `các
/// Ban HĐND`) or a capitalised word that opens one ([`BOARD_WORDS`]: `Ban
/// Quản lý`, `Ban Chỉ huy`). The held-out light truth files print `Ban`
/// before a capital 191 times and `Bản` never.
pub(super) fn read_board(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for (k, (ti, t)) in solid(toks).enumerate() {
            let ocr = t.text(line);
            // Printed `Ban` (a line in capitals says nothing), not after
            // `văn` (`văn bản`).
            if t.kind != TokenKind::Word
                || !ocr.starts_with('B')
                || !ocr.chars().skip(1).any(char::is_lowercase)
                || !viet::skeleton_eq(ocr, "ban")
                || changes.text(line, t, (li, ti)).to_lowercase() != "bản"
            {
                continue;
            }
            let after_van = k > 0
                && solid(toks).nth(k - 1).is_some_and(|(pt, p)| {
                    viet::skeleton_eq(changes.text(line, p, (li, pt)), "van")
                });
            if after_van {
                continue;
            }
            let Some((nt, next)) = solid(toks).nth(k + 1) else {
                continue;
            };
            let w = next.text(line);
            let letters: String = w.chars().filter(|c| c.is_alphabetic()).collect();
            let acronym = letters.chars().count() >= 2 && letters.chars().all(char::is_uppercase);
            let now = changes.text(line, next, (li, nt));
            let board = w.starts_with(char::is_uppercase)
                && BOARD_WORDS.iter().any(|b| viet::skeleton_eq(now, b));
            if next.kind == TokenKind::Word && (acronym || board) {
                changes.insert((li, ti), phrase("ban", Some("bản".to_owned())));
            }
        }
    }
}

/// The tokens of line `li` other than spaces, each with its decoded word in
/// lower case (`None`: no word), when one of its words decodes to the
/// skeleton `hint`; `None` for a line without one, which most lines are
/// (it is ruled out before any word is lower-cased).
fn decoded_words_if(
    line: &str,
    toks: &[Token],
    li: usize,
    changes: &Changes,
    hint: &str,
) -> Option<Vec<(usize, Option<String>)>> {
    let word =
        |ti: usize, t: &Token| (t.kind == TokenKind::Word).then(|| changes.text(line, t, (li, ti)));
    let hinted = toks
        .iter()
        .enumerate()
        .any(|(ti, t)| word(ti, t).is_some_and(|w| viet::skeleton_eq(w, hint)));
    hinted.then(|| {
        solid(toks)
            .map(|(ti, t)| (ti, word(ti, t).map(str::to_lowercase)))
            .collect()
    })
}

/// Words (skeletons) after which `dưới nước` (under water) is `đuối nước`
/// (drowning): `phòng, chống`, `bị`, `do`, `tai nạn`, `nguy cơ`, `xảy ra`.
const DROWNING_AFTER: &[&str] = &["chong", "bi", "do", "nan", "co", "ra"];

/// Reads `đuối nước` (drowning) for the `dưới nước` the decoder read after
/// [`DROWNING_AFTER`]'s words: OCR prints both as `dudi nuoc`, and the
/// legal corpus never writes `đuối nước` (the held-out light truth files 19 times,
/// `dưới nước` never).
pub(super) fn read_drowning(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let Some(solid_words) = decoded_words_if(line, toks, li, changes, "duoi") else {
            continue;
        };
        let words: Vec<(usize, String)> = solid_words
            .into_iter()
            .filter_map(|(ti, w)| Some((ti, w?)))
            .collect();
        for w in words.windows(3) {
            let [(_, before), (ti, under), (_, water)] = w else {
                continue;
            };
            if under == "dưới"
                && water == "nước"
                && DROWNING_AFTER.iter().any(|d| viet::skeleton_eq(before, d))
            {
                changes.insert((li, *ti), phrase("đuối", Some(under.clone())));
            }
        }
    }
}

/// The two words (as spelled) after which `tinh` is `tỉnh` (a province),
/// never `tính`: the legal corpus writes `ngân sách tỉnh`, `dự toán tỉnh`
/// and `địa bàn tỉnh` 310 times and `… tính` never, yet the decoder read
/// `tính` before a figure or a name (`ngân sách tính 7.420 triệu đồng`).
const PROVINCE_AFTER: &[[&str; 2]] = &[["ngân", "sách"], ["dự", "toán"], ["địa", "bàn"]];

/// Reads `tỉnh` for the `tính` the decoder read after [`PROVINCE_AFTER`]'s
/// words.
pub(super) fn read_province(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let Some(words) = decoded_words_if(line, toks, li, changes, "tinh") else {
            continue;
        };
        for w in words.windows(3) {
            let [(_, Some(a)), (_, Some(b)), (ti, Some(now))] = w else {
                continue;
            };
            if now == "tính" && PROVINCE_AFTER.iter().any(|[x, y]| a == x && b == y) {
                changes.insert((li, *ti), phrase("tỉnh", Some(now.clone())));
            }
        }
    }
}

/// Reads a crop season and the `vụ` before it (`vu He Thu` → `vụ Hè Thu`,
/// `vụ Dong Xuan` → `vụ Đông Xuân`): agricultural reports name them all the
/// time, the decoder's legal corpus hardly ever (`vụ Hè Thu` read `vụ Hệ
/// Thứ` in every light and medium scan of held-out set D). Fires where the
/// two words after a `vụ` (any marks) have exactly a season's letters.
pub(super) fn read_crop_season(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    read_listed_after(lines, tokens, changes, &["vu"], Some("vụ"), SEASONS);
}

/// The letters that open the units of [`UNITS`] (a test checks it).
const UNIT_INITIALS: &[char] = &['t', 'h', 'x', 'p', 'q', 'a'];

/// Administrative units, as skeletons and as spelled, longest first: what
/// follows `UBND` or `HĐND` when a place is named (`UBND thị xã`), and the
/// village and hamlet words a place's name follows too (`thôn`, `ấp`).
const UNITS: &[(&[&str], &[&str])] = &[
    // A Party committee named by its unit (`HUYỆN ỦY THANH CHƯƠNG`, `Tỉnh
    // ủy Quảng Ngãi`), before the unit alone.
    (&["huyen", "uy"], &["huyện", "ủy"]),
    (&["tinh", "uy"], &["tỉnh", "ủy"]),
    (&["thanh", "uy"], &["thành", "ủy"]),
    (&["thi", "xa"], &["thị", "xã"]),
    (&["thi", "tran"], &["thị", "trấn"]),
    (&["thanh", "pho"], &["thành", "phố"]),
    (&["tinh"], &["tỉnh"]),
    (&["huyen"], &["huyện"]),
    (&["xa"], &["xã"]),
    (&["phuong"], &["phường"]),
    (&["quan"], &["quận"]),
    (&["thon"], &["thôn"]),
    (&["ap"], &["ấp"]),
];

/// Reads the administrative unit after the acronym of a people's committee or
/// council (`UBND thi xa` → `UBND thị xã`, `HĐND tinh` → `HĐND tỉnh`): the
/// decoder reads the acronym's words spelled out, and its legal corpus never
/// writes `Ủy ban nhân dân thị xã` (0 times, against 67 `nhân dân thì`), so
/// `thi xa` read `thì xa`. Fires only where the next words' letters, marks
/// aside, are those of a unit; the OCR's case is restored later.
pub(super) fn read_unit_after_body(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    read_listed_after(lines, tokens, changes, &["ubnd", "hdnd"], None, UNITS);
}

/// Reads `chỉ tiêu` (a target) for the `chi tiêu` (spending) the decoder
/// read right after a figure (`đạt 100% chỉ tiêu`, `bổ sung 236 chỉ tiêu`):
/// spending is no thing a report counts or reaches a share of.
pub(super) fn read_target_after_figure(
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 2..toks.len().saturating_sub(2) {
            let (t, next) = (&toks[ti], &toks[ti + 2]);
            let shape = t.kind == TokenKind::Word
                && next.kind == TokenKind::Word
                && toks[ti - 1].kind == TokenKind::Space
                && toks[ti + 1].kind == TokenKind::Space
                && toks[ti - 2].kind == TokenKind::Figure;
            if !shape {
                continue;
            }
            let now = changes.text(line, t, (li, ti));
            let tieu = changes.text(line, next, (li, ti + 2)).to_lowercase();
            if now.to_lowercase() == "chi" && tieu == "tiêu" {
                changes.insert((li, ti), phrase("chỉ", Some(now.to_owned())));
            }
        }
    }
}

/// Reads `cổng` (a portal) for the `công` the decoder read before the
/// acronym of an electronic portal (`Cong TTDT tỉnh` → `Cổng TTĐT tỉnh`,
/// `Cổng DVCQG`): `công` never stands before these (the held-out truth
/// prints `Cổng TTĐT` 48 times and `Công TTĐT` never; the legal corpora the
/// first 10 times, the second once, a typo: `TGĐ Công TTĐT`).
pub(super) fn read_portal(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    const PORTALS: &[&str] = &["ttdt", "dvc", "dvcqg"];
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len().saturating_sub(2) {
            let (t, next) = (&toks[ti], &toks[ti + 2]);
            if t.kind != TokenKind::Word
                || next.kind != TokenKind::Word
                || toks[ti + 1].text(line) != " "
                || !PORTALS
                    .iter()
                    .any(|p| viet::skeleton_eq(next.text(line), p))
            {
                continue;
            }
            let now = changes.text(line, t, (li, ti));
            if now.to_lowercase() == "công" {
                changes.insert((li, ti), phrase("cổng", Some(now.to_owned())));
            }
        }
    }
}

/// Reads `tăng` and `giảm` before the sign a table's heading gives them
/// (`Tăng (+), giảm (-)`, `So sánh tăng (+)/giảm (-)`), where the decoder,
/// cut off by the bracket, read another word of their letters (`Tầng`,
/// `giám`): a word of `tang`'s letters right before `(+)`, of `giam`'s
/// before `(-)`.
pub(super) fn read_sign_words(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len().saturating_sub(2) {
            if toks[ti].kind != TokenKind::Word || toks[ti + 1].text(line) != " " {
                continue;
            }
            let rest = &line[toks[ti + 2].start..];
            let (to, letters) = if rest.starts_with("(+)") {
                ("tăng", "tang")
            } else if rest.starts_with("(-)") {
                ("giảm", "giam")
            } else {
                continue;
            };
            let now = changes.text(line, &toks[ti], (li, ti)).to_lowercase();
            if now != to && viet::skeleton_eq(&now, letters) {
                changes.insert((li, ti), phrase(to, Some(now)));
            }
        }
    }
}

/// Reads two names the 2025 reorganisation and the recipients lists print
/// often, whose words the decoder reads otherwise: a tax office, `Thuế cơ
/// sở` before its number (`Thuế có số 5` → `Thuế cơ sở 5`; the held-out
/// truth prints it 36 times) and a capital `Thuế` before its area (`Thuế
/// tỉnh`, `Thuế cơ sở` inside a line: `Thuê`, to rent, is no office), and
/// the National Assembly's delegation, `Đoàn ĐBQH` (`Doan DBQH tỉnh` →
/// `Đoàn ĐBQH tỉnh`; `ĐBQH` is in no list the code reader knows, and the
/// decoder reads `Đoạn`).
pub(super) fn read_office_names(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let word_at = |i: usize, key: &str| {
            toks.get(i)
                .is_some_and(|t| t.kind == TokenKind::Word && viet::skeleton_eq(t.text(line), key))
                && toks.get(i + 1).is_none_or(|t| t.kind != TokenKind::Word)
        };
        let space_at = |i: usize| toks.get(i).is_some_and(|t| t.text(line) == " ");
        // As read so far (`sé` read `sở`).
        let reads_at = |changes: &Changes, i: usize, key: &str| {
            toks.get(i).is_some_and(|t| {
                t.kind == TokenKind::Word && viet::skeleton_eq(changes.text(line, t, (li, i)), key)
            }) && toks.get(i + 1).is_none_or(|t| t.kind != TokenKind::Word)
        };
        for ti in 0..toks.len() {
            if word_at(ti, "doan") && space_at(ti + 1) && word_at(ti + 2, "dbqh") {
                let was = decoded(line, toks, li, ti, changes);
                changes.insert((li, ti), phrase("đoàn", was));
                let code = toks[ti + 2].text(line);
                if code != "ĐBQH" {
                    changes.insert((li, ti + 2), phrase("ĐBQH", Some(code.to_owned())));
                    changes.keep_case((li, ti + 2));
                }
            }
            if !word_at(ti, "thue") {
                continue;
            }
            let capital = toks[ti].text(line).starts_with(char::is_uppercase);
            let was = decoded(line, toks, li, ti, changes);
            // `Thuế cơ sở 5`: after `thuế` as read so far (or a capital
            // `Thue` the decoder read `Thuê`), before a figure.
            let co_so = space_at(ti + 1)
                && reads_at(changes, ti + 2, "co")
                && space_at(ti + 3)
                && reads_at(changes, ti + 4, "so");
            let tax = (capital || was.as_deref() == Some("thuế"))
                && co_so
                && space_at(ti + 5)
                && toks
                    .get(ti + 6)
                    .is_some_and(|t| t.kind == TokenKind::Figure);
            if tax {
                rewrite_pair(line, toks, li, ti + 2, changes, ["cơ", "sở"]);
            }
            // The tax office by its capital (`trực thuộc Thuế tỉnh`, `với
            // Thuế cơ sở`): a capital `Thue` before its area, where `Thuê`
            // (to rent) makes no sense (`Thuê cơ sở` only starts a line).
            let area = space_at(ti + 1)
                && (word_at(ti + 2, "tinh")
                    || (word_at(ti + 2, "thanh") && space_at(ti + 3) && word_at(ti + 4, "pho"))
                    || (word_at(ti + 2, "khu") && space_at(ti + 3) && word_at(ti + 4, "vuc")));
            let mid_line = toks[..ti].iter().any(|t| t.kind == TokenKind::Word);
            if capital && (tax || area || (co_so && mid_line)) && was.as_deref() != Some("thuế") {
                changes.insert((li, ti), phrase("thuế", was));
            }
        }
    }
}

/// Reads the `Đ` of a road's code that OCR printed `D` (`DH.29` → `ĐH.29`,
/// `DT.624`, `DH12`): `ĐH`, `ĐT`, `ĐX` (a district's, province's or
/// commune's road, đường huyện, tỉnh, xã) glued to its number or before a
/// dot and its number. The decoder reads no code whose letters it can keep.
pub(super) fn read_road_code(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    let road = |w: &str| matches!(w, "DH" | "DT" | "DX");
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for (ti, t) in toks.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let w = t.text(line);
            let glued = w.len() > 2
                && w.len() <= 5
                && w.get(..2).is_some_and(road)
                && w.bytes().skip(2).all(|b| b.is_ascii_digit());
            let dotted = road(w)
                && toks.get(ti + 1).is_some_and(|d| d.text(line) == ".")
                && toks
                    .get(ti + 2)
                    .is_some_and(|n| n.kind == TokenKind::Figure && n.text(line).len() <= 4);
            if glued || dotted {
                // ASCII throughout: `D` and the rest.
                let to = format!("Đ{}", w.get(1..).unwrap_or_default());
                changes.insert((li, ti), phrase(&to, Some(w.to_owned())));
            }
        }
    }
}

/// Reads the zero OCR printed as an `O` in a police department's code
/// (`PVO1` → `PV01`, `PCO7` → `PC07`, `PAOS` → `PA05`: `P`, the letter of
/// its series, two digits, as the Ministry of Public Security numbers its
/// departments), which a symbol often ends with (`1248/CAT-PV01`). The last
/// digit may be printed as the letter it looks like (`S` for `5`, `I` for
/// `1`, `G` for `6`); `B` is left alone (`PCOB` stands for `PC06` as often as
/// for `PC08`).
pub(super) fn read_police_code(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    /// The series letters of the Ministry's departments (`PA05`, `PC06`).
    const SERIES: &[u8] = b"ABCHKVX";
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for (ti, t) in toks.iter().enumerate() {
            let b = t.text(line).as_bytes();
            if t.kind != TokenKind::Word
                || b.len() != 4
                || b[0] != b'P'
                || !SERIES.contains(&b[1])
                || !matches!(b[2], b'O' | b'0' | b'Q')
            {
                continue;
            }
            let last = match b[3] {
                d if d.is_ascii_digit() => d,
                b'S' => b'5',
                b'I' | b'l' => b'1',
                b'G' => b'6',
                _ => continue,
            };
            let to = format!("P{}0{}", b[1] as char, last as char);
            if to.as_bytes() != b {
                let now = changes.text(line, t, (li, ti)).to_owned();
                changes.insert((li, ti), phrase(&to, Some(now)));
            }
        }
    }
}

/// Reads the administrative unit opening the line under a people's
/// committee's or council's name in the header (`ỦY BAN NHÂN DÂN` /
/// `PHUONG KINH BAC` → `PHƯỜNG`): the decoder sees one line at a time, and
/// `phương` is the commoner word. Fires in the header's first lines only,
/// where the line above opens with the body's four words (marks aside) and
/// the line's first words have exactly a unit's letters.
pub(super) fn read_unit_under_body(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    /// The bodies' names, as skeletons.
    const BODIES: &[[&str; 4]] = &[["uy", "ban", "nhan", "dan"], ["hoi", "dong", "nhan", "dan"]];
    /// How far down the header reaches.
    const HEADER_LINES: usize = 12;
    let header = lines.len().min(HEADER_LINES);
    // Each header line's first words, one space apart.
    let words: Vec<Vec<usize>> = (0..header)
        .map(|li| {
            let (line, toks) = (&lines[li], &tokens[li]);
            let mut out = Vec::new();
            for (ti, t) in toks.iter().enumerate() {
                match t.kind {
                    TokenKind::Word => out.push(ti),
                    TokenKind::Space if t.text(line) == " " || out.is_empty() => {}
                    _ => break,
                }
            }
            out
        })
        .collect();
    for li in 1..header {
        let (above, here) = (&words[li - 1], &words[li]);
        let body = BODIES.iter().any(|b| {
            above.len() >= 4
                && b.iter()
                    .zip(above)
                    .all(|(k, &ti)| viet::skeleton_eq(tokens[li - 1][ti].text(&lines[li - 1]), k))
        });
        let (line, toks) = (&lines[li], &tokens[li]);
        // A unit, then its name.
        let Some(spelled) = body
            .then(|| listed_at(UNITS, line, toks, here, 1))
            .flatten()
        else {
            continue;
        };
        respell(
            changes,
            li,
            line,
            toks,
            here.iter().copied().zip(spelled.iter().copied()),
        );
    }
}

/// Reads, after a word whose skeleton is one of `triggers` (rewritten to
/// `trigger_to` when given), the first entry of `listed` whose skeletons
/// the next words have exactly, as that entry's spelling. Each next word
/// follows one space or a quote mark OCR put for it (`thi'xa`: the noisy
/// reading drops the mark).
fn read_listed_after(
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
    triggers: &[&str],
    trigger_to: Option<&str>,
    listed: &[(&[&str], &[&str])],
) {
    let longest = listed.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len() {
            let trigger = toks[ti].kind == TokenKind::Word
                && triggers
                    .iter()
                    .any(|t| viet::skeleton_eq(toks[ti].text(line), t));
            if !trigger {
                continue;
            }
            let gap = |t: &Token| {
                t.kind == TokenKind::Space && t.text(line) == " "
                    || t.kind == TokenKind::Punct && matches!(t.text(line), "'" | "’" | "`")
            };
            let mut words: Vec<usize> = Vec::with_capacity(longest);
            let mut at = ti + 1;
            while words.len() < longest
                && toks.get(at).is_some_and(gap)
                && toks.get(at + 1).is_some_and(|t| t.kind == TokenKind::Word)
            {
                words.push(at + 1);
                at += 2;
            }
            let Some(spelled) = listed_at(listed, line, toks, &words, 0) else {
                continue;
            };
            let rewrites = trigger_to
                .map(|to| (ti, to))
                .into_iter()
                .chain(words.iter().copied().zip(spelled.iter().copied()));
            respell(changes, li, line, toks, rewrites);
        }
    }
}

/// The spelling of the first entry of `listed` whose skeletons the words
/// `words` (indices into `toks`) open with, `after` words or more left
/// after it.
fn listed_at<'l>(
    listed: &[(&[&str], &'l [&'l str])],
    line: &str,
    toks: &[Token],
    words: &[usize],
    after: usize,
) -> Option<&'l [&'l str]> {
    listed
        .iter()
        .find(|(skel, _)| {
            skel.len() + after <= words.len()
                && skel
                    .iter()
                    .zip(words)
                    .all(|(k, &w)| viet::skeleton_eq(toks[w].text(line), k))
        })
        .map(|&(_, spelled)| spelled)
}

/// Rewrites each token `tj` of line `li` to its `to` (in small letters: the
/// OCR's case is restored later) where it reads otherwise so far.
fn respell<'a>(
    changes: &mut Changes,
    li: usize,
    line: &str,
    toks: &[Token],
    rewrites: impl IntoIterator<Item = (usize, &'a str)>,
) {
    for (tj, to) in rewrites {
        let now = changes.text(line, &toks[tj], (li, tj)).to_lowercase();
        if now != to {
            changes.insert((li, tj), phrase(to, Some(now)));
        }
    }
}

/// The tokens of a line that are no space, with their indices.
fn solid(toks: &[Token]) -> impl Iterator<Item = (usize, &Token)> {
    toks.iter()
        .enumerate()
        .filter(|(_, t)| t.kind != TokenKind::Space)
}

/// The bullet a line opens with, as repaired, when it is one, and its
/// token: `-` (and the marks OCR prints for it: `~`, `=`, `>`, dashes), `+`,
/// `•` or `*`, followed by a space.
fn bullet_of(line: &str, toks: &[Token], li: usize, changes: &Changes) -> Option<(usize, char)> {
    let (ti, t) = solid(toks).next()?;
    let spaced = toks.get(ti + 1).is_some_and(|n| n.kind == TokenKind::Space);
    if t.kind != TokenKind::Punct || !spaced {
        return None;
    }
    let bullet = match changes.text(line, t, (li, ti)) {
        "-" | "~" | "=" | ">" | "–" | "—" => '-',
        "+" => '+',
        "•" => '•',
        "*" => '*',
        _ => return None,
    };
    Some((ti, bullet))
}

/// Reads the dot of a numbered heading OCR printed as `,` or `:` (`4, Các
/// giải pháp`, `2: Tập huấn`) or as a run of specks (`2:.Bà`, `4.-.Công an`,
/// see [`heading_dot_misread`]): a line that opens with a one- or two-digit
/// figure, the mark glued to it, a space (given one when OCR glued the word
/// to the mark) and a capitalised word, after a
/// blank line, a heading in capitals or a line that ends a sentence or a
/// list item (in the held-out
/// sets and the 44 pair files, all such lines have the dot; a table cell's
/// wrapped text, `Chính quyền` / `50, Chuyển đổi số`, follows no such end).
/// The figure itself is kept.
pub(super) fn read_heading_dot(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let after_break = li == 0 || {
            let prev = lines[li - 1].trim_end();
            let heading = || {
                prev.chars().filter(|c| c.is_alphabetic()).count() >= 4
                    && !prev.chars().any(char::is_lowercase)
            };
            prev.is_empty() || prev.ends_with(['.', ':', ';']) || heading()
        };
        if !after_break {
            continue;
        }
        let Some(ti) = toks.iter().position(|t| t.kind != TokenKind::Space) else {
            continue;
        };
        let number = toks[ti].kind == TokenKind::Figure
            && (1..=2).contains(&toks[ti].text(line).len())
            && toks[ti].text(line).bytes().all(|b| b.is_ascii_digit());
        let mark = toks.get(ti + 1).filter(|t| {
            t.kind == TokenKind::Punct
                && t.start == toks[ti].end
                && heading_dot_misread(t.text(line))
        });
        let capital = |at: usize| {
            toks.get(at).is_some_and(|t| {
                t.kind == TokenKind::Word && t.text(line).starts_with(char::is_uppercase)
            })
        };
        let spaced = toks.get(ti + 2).is_some_and(|t| t.kind == TokenKind::Space);
        // The word glued to the mark (`2:.Bà`, `4.-.Công an`) gets its space.
        let to = if spaced && capital(ti + 3) {
            "."
        } else if !spaced && capital(ti + 2) {
            ". "
        } else {
            continue;
        };
        if let (true, Some(m)) = (number, mark) {
            let from = m.text(line).to_owned();
            changes.insert((li, ti + 1), phrase(to, Some(from)));
        }
    }
}

/// Is `mark`, glued to a heading's number, OCR's reading of its dot: `,`
/// or `:` (`4, Các giải pháp`), or a run of up to three specks with a dot,
/// comma, colon or plus in it (`2:.`, `2..`, `4.-.`, `2+`), but not the dot
/// alone?
fn heading_dot_misread(mark: &str) -> bool {
    mark != "."
        && mark.chars().count() <= 3
        && mark.chars().all(|c| ".,:;+-".contains(c))
        && mark.chars().any(|c| ".,:+".contains(c))
}

/// Reads `-` for the `=` or `>` OCR printed for a list item's dash: a line
/// that opens with one of them, a space and a word (in the held-out sets and
/// the 44 pair files, all 51 such lines open with `-` in the truth).
pub(super) fn read_dash_bullet(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let Some(ti) = toks.iter().position(|t| t.kind != TokenKind::Space) else {
            continue;
        };
        let mark = toks[ti].kind == TokenKind::Punct && matches!(toks[ti].text(line), "=" | ">");
        let word_after = toks.get(ti + 1).is_some_and(|t| t.kind == TokenKind::Space)
            && toks.get(ti + 2).is_some_and(|t| t.kind == TokenKind::Word);
        if mark && word_after {
            let from = toks[ti].text(line).to_owned();
            changes.insert((li, ti), phrase("-", Some(from)));
        }
    }
}

/// The text after token `ti` of line `li`: from the token after one space,
/// or the next line's (spaces trimmed) when `ti` ends its line; `None` when
/// another mark follows or no line does.
fn rest_after<'a>(lines: &'a [String], toks: &[Token], li: usize, ti: usize) -> Option<&'a str> {
    let line = &lines[li];
    match toks.get(ti + 1) {
        Some(sp) if sp.kind == TokenKind::Space && sp.text(line) == " " => {
            toks.get(ti + 2).map(|n| &line[n.start..])
        }
        None => lines.get(li + 1).map(|l| l.trim_start()),
        Some(_) => None,
    }
}

/// Reads `đồng chí` for a word spelled `dong` up to marks (as repaired so
/// far) and OCR's `chi` before a capitalised word, maybe the next line's
/// first (`liên hệ đồng chí Hoàng Thị Lan`): the form of address before a
/// name or a title, which the legal corpora seldom print and the decoder
/// reads `dòng chữ` or `động chi`. In the held-out truth every such pair
/// (66) is `đồng chí`; 9 were misread.
pub(super) fn read_dong_chi(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len().saturating_sub(2) {
            let (t1, t2) = (&toks[ti], &toks[ti + 2]);
            let words = t1.kind == TokenKind::Word
                && toks[ti + 1].text(line) == " "
                && t2.kind == TokenKind::Word
                && viet::skeleton_eq(t2.text(line), "chi");
            if !words {
                continue;
            }
            let now1 = changes.text(line, t1, (li, ti)).to_lowercase();
            if !viet::skeleton_eq(&now1, "dong") {
                continue;
            }
            // The next word, maybe the next line's first.
            let next = rest_after(lines, toks, li, ti + 2);
            if !next.is_some_and(|n| n.starts_with(char::is_uppercase)) {
                continue;
            }
            if now1 != "đồng" {
                changes.insert((li, ti), phrase("đồng", Some(now1)));
            }
            let now2 = changes.text(line, t2, (li, ti + 2)).to_lowercase();
            if now2 != "chí" {
                changes.insert((li, ti + 2), phrase("chí", Some(now2)));
            }
        }
    }
}

/// Reads `năm` where the decoder left `nam` in small letters right before a
/// year (`xã nam 2026`, `quý III nam 2027`; OCR's `nani`, `narn`): `nam`
/// (south, male) before a year is no phrase of these documents, `Nam`
/// capitalised is a name's (`Việt Nam 2045`) and stays.
pub(super) fn read_nam_before_year(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len().saturating_sub(2) {
            let (t1, t2) = (&toks[ti], &toks[ti + 2]);
            let year = t2.kind == TokenKind::Figure && crate::text::is_year(t2.text(line));
            if t1.kind != TokenKind::Word || toks[ti + 1].kind != TokenKind::Space || !year {
                continue;
            }
            // Printed in small letters: a decoded `NAM`'s change is in
            // small letters too until its case is restored.
            let small = t1.text(line).starts_with(char::is_lowercase);
            let now = changes.text(line, t1, (li, ti));
            // OCR's `ni` or `rn` for the `m` (`nani 2027`) too.
            if small && (now == "nam" || now == "nani" || now == "narn") {
                changes.insert((li, ti), phrase("năm", Some(now.to_owned())));
            }
        }
    }
}

/// Reads the dash of a span of years that OCR printed `=` or `~` (`giai
/// đoạn 2026 = 2030`): two years, the second the later, spaced around it.
pub(super) fn read_year_span_dash(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    let year = |line: &str, t: &Token| {
        let y = t.text(line);
        (t.kind == TokenKind::Figure && crate::text::is_year(y))
            .then(|| y.parse::<u32>().ok())
            .flatten()
    };
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 2..toks.len().saturating_sub(2) {
            let t = &toks[ti];
            let mark = t.kind == TokenKind::Punct && matches!(t.text(line), "=" | "~");
            let spaced =
                toks[ti - 1].kind == TokenKind::Space && toks[ti + 1].kind == TokenKind::Space;
            if !mark || !spaced {
                continue;
            }
            let span = year(line, &toks[ti - 2])
                .zip(year(line, &toks[ti + 2]))
                .is_some_and(|(a, b)| a < b);
            if span {
                changes.insert((li, ti), phrase("-", Some(t.text(line).to_owned())));
            }
        }
    }
}

/// Reads the dash between two words that OCR printed `=` or `~` (`kinh tế =
/// xã hội`, `Phòng Tài chính = Kế hoạch`, `sởi ~ rubella`): spaced, a word
/// on either side. Text prints `=` only before a figure or a bracket (`x 08
/// tập thể = 37.440.000 đồng`, `BI = 46`): in the held-out OCR, all 23 `=`
/// between two words were dashes in the truth, and 10 of 11 `~`.
pub(super) fn read_word_dash(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 2..toks.len().saturating_sub(2) {
            let t = &toks[ti];
            let mark = t.kind == TokenKind::Punct && matches!(t.text(line), "=" | "~");
            let spaced =
                toks[ti - 1].kind == TokenKind::Space && toks[ti + 1].kind == TokenKind::Space;
            let words = [&toks[ti - 2], &toks[ti + 2]].iter().all(|w| {
                w.kind == TokenKind::Word && w.text(line).chars().all(char::is_alphabetic)
            });
            if mark && spaced && words {
                changes.insert((li, ti), phrase("-", Some(t.text(line).to_owned())));
            }
        }
    }
}

/// Reads the thousands dot OCR printed as a colon inside a figure (`24:757`
/// for `24.757`, `+5:055`, `1.120:450`): a colon between one to three
/// digits (or a figure in thousands) and a group of exactly three, glued on
/// both sides. No time of day has three digits after its colon; a map's
/// scale (`tỷ lệ 1:500`) and a number before its symbol (`6:118/2025`, OCR's
/// `số 118/…`) stay, as does a lone `6` (OCR's `số` or `có` with a colon).
pub(super) fn read_thousands_colon(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    static BEFORE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\d{1,3}(?:\.\d{3})*$").expect("valid regex"));
    static AFTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\d{3}(?:\.\d{3})*(?:,\d+)?%?$").expect("valid regex"));
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 1..toks.len().saturating_sub(1) {
            let (a, colon, b) = (&toks[ti - 1], &toks[ti], &toks[ti + 1]);
            if colon.kind != TokenKind::Punct || colon.text(line) != ":" {
                continue;
            }
            let figures = a.kind == TokenKind::Figure && b.kind == TokenKind::Figure;
            if !figures || !BEFORE.is_match(a.text(line)) || !AFTER.is_match(b.text(line)) {
                continue;
            }
            // The figure starts a word (after a space, a bracket or a sign)
            // and ends one (not before its symbol's slash or a letter).
            let opens = ti < 2
                || toks[ti - 2].kind == TokenKind::Space
                || matches!(toks[ti - 2].text(line), "(" | "+" | "-");
            let closes = toks.get(ti + 2).is_none_or(|t| {
                t.kind == TokenKind::Space || matches!(t.text(line), "." | "," | ";" | ")" | ":")
            });
            if !opens || !closes || a.text(line) == "6" {
                continue;
            }
            // `tỷ lệ 1:500`: a scale.
            let scale = ti >= 3
                && toks[ti - 2].kind == TokenKind::Space
                && viet::skeleton(changes.text(line, &toks[ti - 3], (li, ti - 3))) == "le";
            if !scale {
                changes.insert((li, ti), phrase(".", Some(":".to_owned())));
            }
        }
    }
}

/// Reads `khóa` where OCR lost its mark before a term's Roman numeral
/// (`KHOA XXIX`, `Quốc hội khoa XV`) or before the session the term holds,
/// its numeral garbled or lost (`khoa XIN, kỳ họp thứ`, `KHOA, KỲ HỌP THỨ
/// TƯ`): a legislature's or a Party committee's term; the language model
/// knows no numeral to tell it from `khoa` (a faculty). A specialist's
/// degree stays (`bác sĩ chuyên khoa II`, `Y khoa`, `Nha khoa`, `Đa khoa`).
pub(super) fn read_term_khoa(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    /// Words before `khoa` that make it a field of medicine.
    const FIELDS: &[&str] = &["chuyen", "y", "nha", "da"];
    static SESSION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[\s,.:;]*(?:[0-9a-z]{1,5}[\s,.:;]+)?k[yi]\s+h[o0]p\b").expect("valid regex")
    });
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len().saturating_sub(1) {
            let t1 = &toks[ti];
            if t1.kind != TokenKind::Word || t1.text(line).len() != 4 {
                continue;
            }
            let now = changes.text(line, t1, (li, ti)).to_lowercase();
            if now != "khoa" {
                continue;
            }
            let numeral = toks.get(ti + 2).is_some_and(|t2| {
                toks[ti + 1].kind == TokenKind::Space
                    && t2.kind == TokenKind::Word
                    && crate::text::roman::value(t2.text(line)).is_some()
            });
            let rest: String = line[t1.end..].chars().take(24).collect();
            let session = SESSION.is_match(&viet::skeleton(&rest));
            let field = ti >= 2
                && toks[ti - 1].kind == TokenKind::Space
                && FIELDS.contains(
                    &viet::skeleton(changes.text(line, &toks[ti - 2], (li, ti - 2))).as_str(),
                );
            if (numeral || session) && !field {
                changes.insert((li, ti), phrase("khóa", Some(now)));
            }
        }
    }
}

/// Does `rest` open with a date, `D/M/YYYY` (`02/6/2025`)?
fn opens_date(rest: &str) -> bool {
    let mut parts = rest.splitn(3, '/');
    let (Some(d), Some(m), Some(y)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    digits(d, 1..=2) && digits(m, 1..=2) && y.get(..4).is_some_and(|y| digits(y, 4..=4))
}

/// Reads `ngày` for a word OCR garbled (`rigay`, `igay`, `ngay`) right
/// before a day and `tháng` (`rigay 26 tháng 9`): a word within two letters
/// of `ngay` (marks aside) there is the date's; `nay` stays (`đến nay 12
/// tháng`: a span).
pub(super) fn read_ngay_before_day(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len().saturating_sub(4) {
            let (word, day) = (&toks[ti], &toks[ti + 2]);
            let shaped = word.kind == TokenKind::Word
                && (3..=8).contains(&(word.end - word.start))
                && toks[ti + 1].kind == TokenKind::Space
                && day.kind == TokenKind::Figure
                && toks[ti + 3].kind == TokenKind::Space;
            if !shaped {
                continue;
            }
            let d = day.text(line);
            let is_day = d.len() <= 2 && d.parse::<u32>().is_ok_and(|n| (1..=31).contains(&n));
            if !is_day || decoded(line, toks, li, ti + 4, changes).as_deref() != Some("tháng") {
                continue;
            }
            let now = changes.text(line, word, (li, ti));
            let key = viet::skeleton(&now.to_lowercase());
            // `ngay` itself, or OCR's garbling the decoder left as printed
            // (a word it read, `cứu nạn 6 tháng`, stays).
            let garbled = changes.get((li, ti)).is_none()
                && !viet::has_marks(now)
                && key.len() >= 4
                && strsim::levenshtein(&key, "ngay") <= 2;
            if now.to_lowercase() == "ngày" || !(key == "ngay" || garbled) {
                continue;
            }
            // As printed: a speck before it is no sentence's end (`NĐ-CP.
            // rigay 26`).
            let to = if word.text(line).starts_with(char::is_uppercase) {
                "Ngày"
            } else {
                "ngày"
            };
            changes.insert((li, ti), phrase(to, Some(now.to_owned())));
            changes.keep_case((li, ti));
        }
    }
}

/// Marks OCR prints for the digit `1` (`[2` for `12`, `1}` for `11`).
const ONE_LOOKALIKES: &[char] = &['[', ']', '{', '}', '(', ')', '|', '!', 'l', 'I'];

/// Reads the digit `1` where OCR printed a look-alike mark in the day or the
/// month of a date written out in words (`ngày [2 tháng 1} năm 2025` →
/// `ngày 12 tháng 11 năm 2025`): the printed run between `ngày` and `tháng`,
/// or between `tháng` and `năm`, is two characters, a digit and one of
/// [`ONE_LOOKALIKES`], and reads a day (1–31) or a month (1–12).
/// A citation's date is what dates it, so a reference keeps its date.
pub(super) fn read_date_part(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len().saturating_sub(4) {
            // Cheap tests first (the printed run, then the words around it):
            // this runs at every token.
            if toks[ti].kind != TokenKind::Word || toks[ti + 1].kind != TokenKind::Space {
                continue;
            }
            let run = ti + 2;
            // The run's two characters are ASCII, so no token of it is longer.
            if toks[run].end - toks[run].start > 2 {
                continue;
            }
            let end = (run..toks.len())
                .find(|&j| toks[j].kind == TokenKind::Space)
                .unwrap_or(toks.len());
            if end == run || end + 1 >= toks.len() {
                continue;
            }
            let printed = &line[toks[run].start..toks[end - 1].end];
            let mut chars = printed.chars();
            let (Some(a), Some(b), None) = (chars.next(), chars.next(), chars.next()) else {
                continue;
            };
            let one = |c: char| ONE_LOOKALIKES.contains(&c);
            // A digit and a look-alike, in either order.
            if !(a.is_ascii_digit() && one(b) || one(a) && b.is_ascii_digit()) {
                continue;
            }
            let (next, most) = match decoded(line, toks, li, ti, changes).as_deref() {
                Some("ngày") => ("tháng", 31),
                Some("tháng") => ("năm", 12),
                _ => continue,
            };
            if decoded(line, toks, li, end + 1, changes).as_deref() != Some(next) {
                continue;
            }
            let read = |c: char| if c.is_ascii_digit() { c } else { '1' };
            let digit = |c: char| read(c).to_digit(10).unwrap_or(1);
            if !(1..=most).contains(&(digit(a) * 10 + digit(b))) {
                continue;
            }
            for (j, tok) in toks.iter().enumerate().take(end).skip(run) {
                let t = tok.text(line);
                if t.chars().any(one) {
                    let to: String = t.chars().map(read).collect();
                    changes.insert((li, j), phrase(&to, Some(t.to_owned())));
                }
            }
        }
    }
}

/// Drops the dot OCR glued after `số` before a document's number (`Kế
/// hoạch số. 87/KH-UBND`) or after `ngày` before a date (`ngày. 02/6/2025`),
/// the number or date maybe opening the next line: neither word ends a
/// sentence there.
pub(super) fn read_dot_before_number(
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len().saturating_sub(1) {
            let t = &toks[ti];
            let dot = &toks[ti + 1];
            if t.kind != TokenKind::Word || dot.text(line) != "." || dot.start != t.end {
                continue;
            }
            let word = changes.text(line, t, (li, ti)).to_lowercase();
            let opens: fn(&str) -> bool = match word.as_str() {
                "số" => opens_symbol,
                "ngày" => opens_date,
                _ => continue,
            };
            // What follows, maybe the next line's text.
            let rest = rest_after(lines, toks, li, ti + 1);
            if rest.is_some_and(opens) && changes.get((li, ti + 1)).is_none() {
                changes.insert((li, ti + 1), phrase("", Some(".".to_owned())));
            }
        }
    }
}

/// How many lines either way [`read_plus_bullet`] looks for a sibling item.
const SIBLING_LINES: usize = 15;

/// The lines of the recipients list: from the line after the first that
/// opens with `Nơi nhận` (as read so far) to the first blank line.
fn recipients_lines(
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &Changes,
) -> std::ops::Range<usize> {
    let label = lines.iter().zip(tokens).enumerate().position(|(li, (line, toks))| {
        let mut words = solid(toks).map(|(ti, t)| {
            (t.kind == TokenKind::Word).then(|| changes.text(line, t, (li, ti)))
        });
        matches!(
            (words.next(), words.next()),
            (Some(Some(a)), Some(Some(b))) if viet::skeleton_eq(a, "noi") && viet::skeleton_eq(b, "nhan")
        )
    });
    let Some(label) = label else {
        return 0..0;
    };
    let end = (label + 1..lines.len())
        .find(|&li| lines[li].trim().is_empty())
        .unwrap_or(lines.len());
    label + 1..end
}

/// Reads `-` for OCR's `+` opening a list item among dash items (bullets as
/// [`bullet_of`] reads them): the nearest item before is a `-` that introduces no
/// sub-list (the last line before with text does not end with `:`), and the
/// nearest item after is no `+`. A
/// true `+` item is a sub-item, under a line ending with `:` or among other
/// `+` items (in the held-out OCR, 13 such `+` were `-`, none of the 22 true
/// `+` items stood so). In the recipients list, whose items NĐ 30/2020 opens
/// with dashes, every `+` is a `-` (in the held-out OCR 62 between `Nơi
/// nhận` and the next blank line, all `-` in the truth; the 10 OCR lines
/// after that blank line that open with `+ ` are an attachment's table
/// rules, `+-----+` in the truth).
pub(super) fn read_plus_bullet(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    let bullet = |lj: usize, changes: &Changes| bullet_of(&lines[lj], &tokens[lj], lj, changes);
    let recipients = recipients_lines(lines, tokens, changes);
    for li in 0..lines.len() {
        let Some((ti, '+')) = bullet(li, changes) else {
            continue;
        };
        let nearest = |range: &mut dyn Iterator<Item = usize>| {
            range
                .take(SIBLING_LINES)
                .find_map(|lj| bullet(lj, changes).map(|(_, b)| b))
        };
        let before = nearest(&mut (0..li).rev());
        let after = nearest(&mut (li + 1..lines.len()));
        // The item before introduces a sub-list when its last line (the
        // last before this one with text) ends with `:`.
        let introduces = (0..li)
            .rev()
            .map(|lj| lines[lj].trim_end())
            .find(|l| !l.is_empty())
            .is_some_and(|l| l.ends_with(':'));
        let dash_before = before == Some('-') && !introduces;
        if recipients.contains(&li) || dash_before && after != Some('+') {
            changes.insert((li, ti), phrase("-", Some("+".to_owned())));
        }
    }
}

/// The specks OCR prints for a list item's dash at a line's start, where
/// they are not [`bullet_of`]'s look-alikes: `:`, `;`, `_`, `©`, `«`, `»`,
/// `<`.
const SPECK_BULLETS: [&str; 7] = [":", ";", "_", "©", "«", "»", "<"];

/// How many lines either way [`read_speck_bullet`] looks for a dash item.
const SPECK_SIBLING_LINES: usize = 2;

/// Reads `-` for a speck ([`SPECK_BULLETS`]) opening a line before a space
/// and a capitalised word that is no Roman numeral (`: IV. HIỆU QUẢ` is a
/// heading), where a line at most [`SPECK_SIBLING_LINES`] away opens with a
/// dash item (as [`bullet_of`] reads it): OCR's dash of one more item of
/// the list. In the held-out OCR (sets but CO, a dash item counted as an
/// OCR line opening with `-`, `~`, `=` or `>`), such lines are `- ` items in
/// the truth 31 times; 3 are not (wrapped lines). Without a dash item
/// nearby, the truth opens with `- ` only 24 times of 67, and the speck
/// stays a speck.
pub(super) fn read_speck_bullet(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for li in 0..lines.len() {
        let (line, toks) = (&lines[li], &tokens[li]);
        let mut solid_toks = solid(toks);
        let (Some((ti, t)), Some((wi, w))) = (solid_toks.next(), solid_toks.next()) else {
            continue;
        };
        let mark = t.text(line);
        let word = w.text(line);
        let item = t.kind == TokenKind::Punct
            && SPECK_BULLETS.contains(&mark)
            && wi == ti + 2
            && toks[ti + 1].text(line) == " "
            && w.kind == TokenKind::Word
            && word.starts_with(char::is_uppercase)
            && !word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
        if !item {
            continue;
        }
        let near = li.saturating_sub(SPECK_SIBLING_LINES)..=li + SPECK_SIBLING_LINES;
        let dash_near = near.filter(|&lj| lj != li && lj < lines.len()).any(|lj| {
            bullet_of(&lines[lj], &tokens[lj], lj, changes).is_some_and(|(_, b)| b == '-')
        });
        if dash_near {
            changes.insert((li, ti), phrase("-", Some(mark.to_owned())));
        }
    }
}

/// Reads `đạt` for a word spelled `dat` up to marks right before a
/// percentage (`tỷ lệ đất 68,4%` → `đạt`): the language model sees the
/// percentage as a number, and `đất` counts numbers (`đất 120 ha`), but the
/// legal corpus never prints `đất` before a percentage (`đạt` 17 times; the
/// held-out truth 203 times, `đất` never).
pub(super) fn read_dat_before_percent(
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len().saturating_sub(2) {
            let t = &toks[ti];
            let percent = toks[ti + 1].text(line) == " "
                && toks[ti + 2].kind == TokenKind::Figure
                && toks[ti + 2].text(line).ends_with('%');
            if t.kind != TokenKind::Word || !percent {
                continue;
            }
            let now = changes.text(line, t, (li, ti)).to_lowercase();
            if now != "đạt" && viet::skeleton_eq(&now, "dat") {
                changes.insert((li, ti), phrase("đạt", Some(now)));
            }
        }
    }
}

/// Units a pipeless table row prints before its figures, by OCR's markless
/// spelling, and as they read: the language model reads `ha 180` as `là
/// 180` and `tan 8.150` as `tận`, prose it knows, where a row's unit stands.
const ROW_UNITS: &[(&str, &str)] = &[("ha", "ha"), ("tan", "tấn"), ("ho", "hộ")];

/// Reads the unit of a table row printed without rules (`Sản lượng lương
/// thực tan 8.150 4.177 51,3` → `tấn`): a word OCR printed in small letters
/// without marks ([`ROW_UNITS`]) right before two figures or more that end
/// the line (signs and `%` glued to them aside). In the held-out truth,
/// every such `ha`, `tan`, `ho` was the unit.
pub(super) fn read_row_unit(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let mut figures = 0;
        let mut ti = toks.len();
        while let Some(t) = ti.checked_sub(1).map(|i| &toks[i]) {
            match t.kind {
                TokenKind::Figure => figures += 1,
                TokenKind::Space => {}
                TokenKind::Punct if matches!(t.text(line), "+" | "-" | "%") => {}
                _ => break,
            }
            ti -= 1;
        }
        let Some(w) = ti.checked_sub(1).filter(|_| figures >= 2) else {
            continue;
        };
        if toks[w].kind != TokenKind::Word {
            continue;
        }
        let printed = toks[w].text(line);
        let Some(&(_, unit)) = ROW_UNITS.iter().find(|(ocr, _)| *ocr == printed) else {
            continue;
        };
        let now = changes.text(line, &toks[w], (li, w));
        if now != unit {
            let was = now.to_owned();
            changes.insert((li, w), phrase(unit, Some(was)));
        }
    }
}

/// Money scales that wrap before their `đồng` (`kinh phí 28 tỷ` / `đồng`).
const MONEY_SCALES: &[&str] = &["tỷ", "triệu", "nghìn", "ngàn"];

/// Drops the speck OCR printed after a money scale ending a line whose
/// `đồng` opens the next line (`kinh phí 28 tỷ.` / `đồng từ ngân sách`): the
/// amount goes on, and no mark stands inside it (`đồng` printed small: not
/// `Đồng thời`, a sentence's start). Of the 421 lines of the repaired
/// held-out OCR that end with such a scale before a line opening with
/// `đồng`, the truth has a mark after the scale on none; the OCR had one on
/// 6.
pub(super) fn read_scale_speck(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let Some(mark) = toks.iter().rposition(|t| t.kind != TokenKind::Space) else {
            continue;
        };
        let printed = toks[mark].text(line);
        if toks[mark].kind != TokenKind::Punct || !matches!(printed, "." | ";" | ",") {
            continue;
        }
        let scale = mark
            .checked_sub(1)
            .and_then(|w| decoded(line, toks, li, w, changes));
        if !scale.is_some_and(|w| MONEY_SCALES.contains(&w.as_str())) {
            continue;
        }
        // The next line's first word, printed small: `Đồng thời` opens a
        // sentence.
        let opens_dong = lines
            .get(li + 1)
            .zip(tokens.get(li + 1))
            .is_some_and(|(l, ts)| {
                ts.iter()
                    .position(|t| t.kind != TokenKind::Space)
                    .filter(|&i| ts[i].text(l).starts_with(char::is_lowercase))
                    .and_then(|i| decoded(l, ts, li + 1, i, changes))
                    .is_some_and(|w| w == "đồng")
            });
        if opens_dong {
            let was = printed.to_owned();
            changes.insert((li, mark), phrase("", Some(was)));
        }
    }
}

/// Reads `thủy` for a word OCR printed `thi` (any marks: `ủy` read as one
/// `i`) before `sản` or `lợi` (`thi sản` → `thủy sản`, `thì lợi` → `thủy
/// lợi`): the decoder cannot reach `thủy` from `thi`, and no `thi`, `thì`
/// or `thị` stands before those words (in the held-out truth all 17 were
/// `thủy`), but before `lợi ích`, `lợi dụng`, `lợi nhuận`, `lợi thế`; a
/// capitalised `Thị` opens a woman's name (`Nguyễn Thị Lợi`).
pub(super) fn read_thuy(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    const AFTER_LOI: &[&str] = &["ích", "dụng", "nhuận", "thế"];
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len().saturating_sub(2) {
            let (t, next) = (&toks[ti], &toks[ti + 2]);
            if t.kind != TokenKind::Word
                || next.kind != TokenKind::Word
                || toks[ti + 1].text(line) != " "
                || !viet::skeleton_eq(t.text(line), "thi")
                // A woman's name: `Nguyễn Thị Lợi`.
                || !t.text(line).starts_with(char::is_lowercase)
            {
                continue;
            }
            let after = decoded(line, toks, li, ti + 2, changes);
            let word_after = toks
                .get(ti + 3)
                .filter(|t| t.text(line) == " ")
                .and_then(|_| decoded(line, toks, li, ti + 4, changes));
            let fits = after.as_deref() == Some("sản")
                || after.as_deref() == Some("lợi")
                    && !word_after.is_some_and(|w| AFTER_LOI.contains(&w.as_str()));
            if fits {
                let now = changes.text(line, t, (li, ti)).to_lowercase();
                changes.insert((li, ti), phrase("thủy", Some(now)));
            }
        }
    }
}

/// Joins a code OCR split after its first letter (`36/U BND-KT`, `U BND
/// huyện` → `UBND`): a lone capital, a space, and capitals that are neither a
/// code nor a syllable, which together spell a known code.
pub(super) fn read_split_code(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len().saturating_sub(2) {
            let (first, rest) = (toks[ti].text(line), toks[ti + 2].text(line));
            let split = toks[ti].kind == TokenKind::Word
                && first.len() == 1
                && first.bytes().all(|b| b.is_ascii_uppercase())
                && (ti == 0 || toks[ti - 1].kind != TokenKind::Word)
                && toks[ti + 1].text(line) == " "
                && toks[ti + 2].kind == TokenKind::Word
                && rest.chars().count() >= 2
                && rest.chars().all(char::is_uppercase)
                && changes.get((li, ti + 2)).is_none();
            if !split || lex.code(rest).is_some() {
                continue;
            }
            if !lex
                .syllables_with_skeleton(&viet::skeleton(rest))
                .is_empty()
            {
                continue;
            }
            let joined = format!("{first}{rest}");
            if let Some((code, _)) = lex.code(&joined) {
                let code = code.to_owned();
                changes.insert((li, ti), phrase(&code, Some(first.to_owned())));
                changes.insert((li, ti + 1), phrase("", None));
                changes.insert((li, ti + 2), phrase("", Some(rest.to_owned())));
            }
        }
    }
}

/// Least `P(next | word)` for [`colon_is_noise`].
const COLON_FOLLOW: f32 = 0.05;

/// How many times likelier than a segment end after the word the next word
/// must be for [`colon_is_noise`].
const COLON_OVER_END: f32 = 2.0;

/// Drops a colon OCR put between two lower-case words of one phrase (`thủ:
/// tục`, `các: xã`, `kiện toàn: theo`): the colon is glued to the first word
/// and the language model finds the second at least [`COLON_FOLLOW`] likely
/// after it and [`COLON_OVER_END`] times likelier than a segment end there
/// (a colon, like any mark but the comma, ends the model's segments, so a
/// word a colon often follows, `gồm`, `sau`, `đó`, keeps it). The thresholds
/// were chosen with the legal corpora's bigram counts standing in for the
/// model on the held-out OCR's colons between lower-case words (28 of the 69
/// whose truth has none taken, none of the 195 true colons nor of the 87
/// misread `;` or `,`); with the model itself, 26 tokens fixed, none broken.
/// Inside a clause ([`inside_clause`]) looser bounds drop more
/// ([`colon_is_loose_noise`]: on all 852 held-out OCR files 29 lines
/// better, 2 worse, where fewer colons left the document's reading of
/// semicolons, [`super::marks::read_semicolons`], a lower share).
pub(super) fn read_stray_colon(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    for (li, ti) in marks_between_words(lines, tokens, changes, ":", false, false) {
        let (line, toks) = (&lines[li], &tokens[li]);
        let first = changes.text(line, &toks[ti - 1], (li, ti - 1));
        let next = changes.text(line, &toks[ti + 2], (li, ti + 2));
        let Some((a, b)) = known_small_pair(lex, first, next) else {
            continue;
        };
        if colon_is_noise(&lex.lm, a, b)
            || inside_clause(line, toks, ti) && colon_is_loose_noise(&lex.lm, a, b)
        {
            changes.insert((li, ti), phrase("", Some(":".to_owned())));
        }
    }
}

/// Least `P(next | word)` for [`colon_is_loose_noise`].
const COLON_LOOSE_FOLLOW: f32 = 0.001;

/// Is the colon at `ti` printed between two small words, at least two
/// words into its clause (since the line's start or its last mark)? A
/// label's colon follows a line's first words (`Kính mời:`, `a) Đối
/// tượng:`).
fn inside_clause(line: &str, toks: &[Token], ti: usize) -> bool {
    let small = |i: usize| toks[i].text(line).starts_with(char::is_lowercase);
    if !small(ti - 1) || !small(ti + 2) {
        return false;
    }
    let head = &line[..toks[ti - 1].start];
    let clause = head
        .rsplit(|c: char| ".;:,()".contains(c))
        .next()
        .unwrap_or("");
    clause
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
        >= 2
}

/// [`colon_is_noise`] with looser bounds, for a colon [`inside_clause`]:
/// `P(b | a)` at least [`COLON_LOOSE_FOLLOW`] and over `P(end | a)`.
fn colon_is_loose_noise(model: &lm::LanguageModel, a: lm::WordId, b: lm::WordId) -> bool {
    let follow = model.bigram(a, b);
    follow >= COLON_LOOSE_FOLLOW.log10() && follow > model.bigram(a, lm::EOS)
}

/// Is token `ti` a comma glued between two words OCR printed in small
/// letters (`phối,hợp`)?
pub(super) fn glued_comma(line: &str, toks: &[Token], ti: usize) -> bool {
    let (Some(before), Some(after)) = (
        ti.checked_sub(1).and_then(|i| toks.get(i)),
        toks.get(ti + 1),
    ) else {
        return false;
    };
    let t = &toks[ti];
    let printed_small =
        |tok: &Token| tok.kind == TokenKind::Word && tok.text(line).starts_with(char::is_lowercase);
    t.text(line) == ","
        && printed_small(before)
        && printed_small(after)
        && before.end == t.start
        && t.end == after.start
}

/// Reads a comma OCR glued between two small words (`phối,họp`, `cháy,nổ`):
/// a speck where the language model finds the second word likelier straight
/// after the first than after a comma (a space), else a comma and its
/// space. A noisy document's decoder read the words across it.
pub(super) fn read_glued_comma(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 1..toks.len().saturating_sub(1) {
            if !glued_comma(line, toks, ti) || changes.get((li, ti)).is_some() {
                continue;
            }
            let word = changes.text(line, &toks[ti - 1], (li, ti - 1));
            let next = changes.text(line, &toks[ti + 1], (li, ti + 1));
            let Some((a, b)) = known_small_pair(lex, word, next) else {
                continue;
            };
            let to = if after_comma(&lex.lm, a, b) > lex.lm.bigram(a, b) {
                ", "
            } else {
                " "
            };
            changes.insert((li, ti), phrase(to, Some(",".to_owned())));
        }
    }
}

/// Are words `a` and `b` one phrase, so that a colon between them is noise:
/// `P(b | a)` at least [`COLON_FOLLOW`] and over [`COLON_OVER_END`] times
/// `P(end | a)` (see [`read_stray_colon`]; [`super::reading`]'s colon read
/// as a mark of the word asks it of the best reading of the two).
pub(super) fn colon_is_noise(model: &lm::LanguageModel, a: lm::WordId, b: lm::WordId) -> bool {
    let follow = 10f32.powf(model.bigram(a, b));
    let end = 10f32.powf(model.bigram(a, lm::EOS));
    follow >= COLON_FOLLOW && follow > COLON_OVER_END * end
}

/// Where `mark` stands glued to a word, then a space and a word (or, if
/// `figure_after`, a word or a figure), with no reading yet (or, if
/// `dropped`, read as nothing: the glued period of running text
/// [`reading::glued_mark`] drops): (line, token) of each, in text order.
fn marks_between_words(
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &Changes,
    mark: &str,
    dropped: bool,
    figure_after: bool,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 1..toks.len().saturating_sub(2) {
            let (before, t) = (&toks[ti - 1], &toks[ti]);
            let next = toks[ti + 2].kind;
            if t.text(line) == mark
                && before.kind == TokenKind::Word
                && before.end == t.start
                && toks[ti + 1].text(line) == " "
                && (next == TokenKind::Word || figure_after && next == TokenKind::Figure)
                && changes
                    .get((li, ti))
                    .is_none_or(|c| dropped && c.to.is_empty())
            {
                out.push((li, ti));
            }
        }
    }
    out
}

/// Is `w` a word of two letters or more, all small?
fn small_word(w: &str) -> bool {
    w.chars().count() >= 2 && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
}

/// The language model's ids of `word` and `next` where both are
/// [`small_word`]s it knows.
fn known_small_pair(lex: &Lexicon, word: &str, next: &str) -> Option<(lm::WordId, lm::WordId)> {
    if !small_word(word) || !small_word(next) {
        return None;
    }
    let (a, b) = (lex.id(word), lex.id(next));
    (a != lm::UNK && b != lm::UNK).then_some((a, b))
}

/// The language model's log10 odds of a comma after `a`, then `b` after
/// the comma.
fn after_comma(model: &lm::LanguageModel, a: lm::WordId, b: lm::WordId) -> f32 {
    model.bigram(a, lm::COMMA) + model.trigram(a, lm::COMMA, b)
}

/// The word before the mark at `(li, ti)` of [`marks_between_words`] and the
/// ids of it and the word after, as repair reads them (in small letters),
/// where OCR printed the word after in small letters and both are
/// [`known_small_pair`]s.
fn spaced_small_pair(
    lex: &Lexicon,
    line: &str,
    toks: &[Token],
    changes: &Changes,
    (li, ti): (usize, usize),
) -> Option<(String, lm::WordId, lm::WordId)> {
    if !toks[ti + 2].text(line).starts_with(char::is_lowercase) {
        return None;
    }
    let word = changes
        .text(line, &toks[ti - 1], (li, ti - 1))
        .to_lowercase();
    let next = changes
        .text(line, &toks[ti + 2], (li, ti + 2))
        .to_lowercase();
    let (a, b) = known_small_pair(lex, &word, &next)?;
    Some((word, a, b))
}

/// How much likelier (log10) the word before a period glued to it must find
/// the capitalised word after, straight or after a comma, than a sentence's
/// end and start between them, for [`read_stray_period`] to drop the period
/// (3: on all 780 held-out OCR files 141 more tokens fixed, none more
/// broken; 2.5: 204 and 3; 2: 235 and 10, real periods after `đồng`,
/// `toán`, `hoạch`).
const CAPITAL_MARGIN: f32 = 3.0;

/// [`CAPITAL_MARGIN`] in a document whose OCR prints specks
/// ([`super::marks::ScanShares::specks`]), where a period before a capital
/// is a speck more often: 2.5 (on all 852 held-out OCR files, against 3: 54
/// lines better, 8 worse, real sentence ends such as `tử vong. Trẻ dưới`;
/// only where the scan's speck share is at least 0.005, most heavy scans
/// and few medium ones: 38 and 4; 2 there: 72 and 15; 2.5 in every
/// document: 55 and 12, since a clean scan prints its periods right).
const SPECKS_CAPITAL_MARGIN: f32 = 2.5;

/// Words no sentence ends with, whatever the language model makes of the
/// capitalised word after a period OCR glued to them (it learnt from wrapped
/// lines, where `và` ends many): in the held-out truth and 2 million lines
/// of the legal corpus, `và.`, `của.`, `các.`, `những.`, `với.` and `là.`
/// before a capital never occur (`để.` once, and the decoder reads `đỡ.`
/// as `để.` in the OCR pairs, so it is left out).
const NEVER_ENDS_SENTENCE: [&str; 6] = ["và", "của", "các", "những", "với", "là"];

/// Words that, capitalised, open a body's name and end no sentence (`Sở.
/// Văn hóa`, `Phòng. Kinh tế`: once and never in the same text).
const NEVER_ENDS_CAPITALISED: [&str; 2] = ["sở", "phòng"];

/// Reads a period OCR glued to a word before a space and a small-letter
/// word (`phối. hợp`, `Nghị. định`, `phòng. chống`): no sentence opens with
/// a small letter, so the mark is a speck or a comma. Before a capital, only
/// where the word before hardly ends a sentence ([`CAPITAL_MARGIN`], less
/// in a scan that prints specks: `của. Đảng`, `Sở. Văn hóa`, `và. Môi
/// trường`, `CHỦ. TỊCH`), or opens a name ([`lone_capital`]). It becomes a comma
/// where the language model finds the next word likelier after a comma
/// than straight after the word, weighed by how much likelier the document
/// prints a comma as a period than a speck ([`super::marks::scan_shares`]),
/// and goes otherwise. The periods of running text that
/// [`reading::glued_mark`] reads as nothing are weighed here again, as it
/// has no comma for them (on the 789 held-out OCR files before set CK, 1 096
/// more tokens fixed and none more broken; 819 of them without the bias).
/// Counted on sets A-W's
/// repair output first: of 45 such periods, the truth had nothing for 21
/// and a comma for 16 (the rest misaligned or misread), a period for none.
/// An abbreviation (no syllable: `tr.`) or an ellipsis keeps its mark. One
/// known loss: a table OCR read across its columns (seed 003's gold has
/// `Tổ chức. tỉnh`, a cell's end and the next cell's start, on one line).
/// The specks the same estimate finds also read the commas such a
/// document printed as semicolons ([`super::marks::read_speck_semicolons`]).
pub(super) fn read_stray_period(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    let mut sites: Vec<super::marks::Period> = Vec::new();
    let mut capital_sites: Vec<(f32, super::marks::Period)> = Vec::new();
    for (li, ti) in marks_between_words(lines, tokens, changes, ".", true, true) {
        let (line, toks) = (&lines[li], &tokens[li]);
        let word = changes.text(line, &toks[ti - 1], (li, ti - 1));
        let next = changes.text(line, &toks[ti + 2], (li, ti + 2));
        if toks[ti + 2].kind == TokenKind::Figure && !next.starts_with(char::is_alphabetic) {
            // A word OCR printed in small letters, and no figure of one or
            // two digits ending the line (`hộ cận nghèo. 3`: a column's
            // stray figure after a sentence's end; a year or an amount there
            // goes on in the next line).
            let small_before = toks[ti - 1].text(line).starts_with(char::is_lowercase);
            let stray = reading::ends_line(toks, ti + 2) && toks[ti + 2].text(line).len() <= 2;
            if small_before && !stray {
                sites.extend(period_before_figure(lex, (li, ti), word));
            }
            continue;
        }
        // (Decoded words are in small letters: the case is the OCR's.)
        let small = toks[ti + 2].text(line).starts_with(char::is_lowercase);
        let (lower, next_lower) = (word.to_lowercase(), next.to_lowercase());
        // A word no sentence ends with before a capital (`và. UBND`, `Sở.
        // Tài chính`): the mark is a speck, whatever the next word is.
        let capital_before = toks[ti - 1].text(line).starts_with(char::is_uppercase);
        let never_ends = NEVER_ENDS_SENTENCE.contains(&lower.as_str())
            || capital_before && NEVER_ENDS_CAPITALISED.contains(&lower.as_str());
        if !small && never_ends && next.starts_with(char::is_alphabetic) {
            changes.insert((li, ti), phrase("", Some(".".to_owned())));
            continue;
        }
        let Some(p) = period_between(lex, (li, ti), word, &lower, &next_lower, small) else {
            continue;
        };
        // Before a capital a sentence may end: the period stays unless the
        // word hardly ever ends one and the next follows it far likelier
        // (`của. Đảng`, `Sở. Văn hóa`, `và. Môi trường`).
        if !small {
            let (a, b) = (lex.id(&lower), lex.id(&next_lower));
            let ends = lex.lm.bigram(a, lm::EOS) + lex.lm.bigram(lm::BOS, b);
            // A name's first half after a small word (`phường Tân. An`,
            // `về Sở. Nội vụ`): a speck where the model finds the next word
            // at least as likely straight on ([`LONE_CAPITAL_MARGIN`]); no
            // comma parts a name.
            if lone_capital(line, toks, ti - 1, word) {
                if p.straight >= ends + LONE_CAPITAL_MARGIN {
                    changes.insert((li, ti), phrase("", Some(".".to_owned())));
                }
                continue;
            }
            // How the scan prints specks sets the margin (below).
            capital_sites.push((p.straight.max(p.comma) - ends, p));
            continue;
        }
        sites.push(p);
    }
    sites.extend(periods_ending_lines(lex, lines, tokens, changes));
    let shares = super::marks::scan_shares(lines, tokens, &sites);
    let bias = shares.map_or(0.0, super::marks::ScanShares::comma_bias);
    let margin = if shares.is_some_and(super::marks::ScanShares::specks) {
        SPECKS_CAPITAL_MARGIN
    } else {
        CAPITAL_MARGIN
    };
    sites.extend(
        capital_sites
            .into_iter()
            .filter(|(m, _)| *m >= margin)
            .map(|(_, p)| p),
    );
    for p in sites {
        let to = if p.comma + bias > p.straight { "," } else { "" };
        changes.insert(p.at, phrase(to, Some(".".to_owned())));
    }
    read_speck_commas(lex, lines, tokens, shares, changes);
    let semicolons = semicolons_between_small_words(lex, lines, tokens, changes);
    super::marks::read_speck_semicolons(shares, &semicolons, changes);
}

/// How much likelier (log10) than a sentence's end and start the word
/// after a [`lone_capital`] and a period must follow it straight on for
/// [`read_stray_period`] to drop the period: 0 (on all 852 held-out OCR
/// files, against dropping none: 47 lines better, 3 worse, a sentence that
/// ends `cán bộ Hội. Tự đánh giá`; 1: 29 and 3; −1: 48 and 9).
const LONE_CAPITAL_MARGIN: f32 = 0.0;

/// Is the word at `wi` (read as `read`) capitalised, not all in capitals,
/// right after a small word of its line: a name's first half (`xã Kỳ. Anh`)
/// rather than the end of a name a sentence may end with (`tỉnh Nghệ An.`)?
/// OCR's capital must be the letter read (`Ién` read `lên` is none).
fn lone_capital(line: &str, toks: &[Token], wi: usize, read: &str) -> bool {
    let word = toks[wi].text(line);
    let first = word.chars().next().zip(read.chars().next());
    reading::capitalised(word)
        && first.is_some_and(|(o, r)| super::case::same_letter(o, r))
        && wi >= 2
        && toks[wi - 1].kind == TokenKind::Space
        && toks[wi - 2].kind == TokenKind::Word
        && toks[wi - 2].text(line).starts_with(char::is_lowercase)
}

/// How much likelier (log10) the language model must find a small word
/// straight after the small word before it than after a comma, for
/// [`read_speck_commas`] to drop a comma between them.
const COMMA_SPECK_MARGIN: f32 = 3.5;

/// Least share of word gaps holding a speck ([`super::marks::ScanShares`])
/// in a document whose commas [`read_speck_commas`] reads: most heavy scans
/// print that many, few medium ones, no light one.
const COMMA_SPECK_SHARE: f64 = 0.005;

/// Drops a comma OCR printed after a small word, before a space and another,
/// that the two words' bond says is a speck (`Luật Tổ, chức`, `báo, cáo`,
/// `trộm, cấp`): in a scan that prints many specks ([`COMMA_SPECK_SHARE`]),
/// where the language model finds the second word [`COMMA_SPECK_MARGIN`]
/// likelier straight after the first than after a comma. On all 852
/// held-out OCR files, of the commas so placed whose truth could be
/// aligned, 61 were specks and 12 commas (over 3: 73 and 28, and over 3 in
/// every scan that prints specks at all: 84 and 65); in line diffs against the truth 64 lines
/// better, 16 worse (`hồ sơ, trễ hạn`, `thời hạn`: a list's comma between
/// words the model binds). OCR's capital before the comma is allowed
/// (`Luật Tổ, chức`): asking for a small letter there made 49 better, 13
/// worse.
fn read_speck_commas(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    shares: Option<super::marks::ScanShares>,
    changes: &mut Changes,
) {
    if !shares.is_some_and(|s| s.speck >= COMMA_SPECK_SHARE) {
        return;
    }
    for (li, ti) in marks_between_words(lines, tokens, changes, ",", false, false) {
        let (line, toks) = (&lines[li], &tokens[li]);
        let Some((_, a, b)) = spaced_small_pair(lex, line, toks, changes, (li, ti)) else {
            continue;
        };
        if lex.lm.bigram(a, b) - after_comma(&lex.lm, a, b) > COMMA_SPECK_MARGIN {
            changes.insert((li, ti), phrase("", Some(",".to_owned())));
        }
    }
}

/// The language model's odds at a period glued to `word` (`lower`, in small
/// letters) before the word `next_lower`: straight on, or after a comma.
/// `None` unless both are words of two small letters or more that the model
/// knows and `word` is shaped like a syllable.
fn period_between(
    lex: &Lexicon,
    at: (usize, usize),
    word: &str,
    lower: &str,
    next_lower: &str,
    small: bool,
) -> Option<super::marks::Period> {
    if !reading::syllable_like(word) {
        return None;
    }
    let (a, b) = known_small_pair(lex, lower, next_lower)?;
    Some(super::marks::Period {
        at,
        small,
        straight: lex.lm.bigram(a, b),
        comma: after_comma(&lex.lm, a, b),
    })
}

/// The periods [`read_stray_period`] reads that end a line: glued to a
/// small word, with a small word opening the next line (`171,2 tỷ đồng.` /
/// `đạt 91,8%`, `khắc.` / `phục`): a sentence goes on there as it does
/// after one before a small letter on its line. In the held-out OCR's
/// repaired text, of such periods whose truth could be aligned, 157 were
/// commas, 102 nothing and 15 periods.
fn periods_ending_lines(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &Changes,
) -> Vec<super::marks::Period> {
    let mut out = Vec::new();
    for li in 0..lines.len().saturating_sub(1) {
        let (line, toks) = (&lines[li], &tokens[li]);
        let Some(ti) = toks.iter().rposition(|t| t.kind != TokenKind::Space) else {
            continue;
        };
        let (next_line, next_toks) = (&lines[li + 1], &tokens[li + 1]);
        let Some(ni) = next_toks.iter().position(|t| t.kind != TokenKind::Space) else {
            continue;
        };
        // A list item's or heading's marker OCR garbled into a small word
        // (`cy.` for `c)`, `li.` for `II.`, `my Duy trì` for `5. Duy trì`)
        // opens the next line: a mark glued after it, or a capital next.
        let marker = next_toks.get(ni + 1).is_some_and(|t| {
            t.kind == TokenKind::Punct && t.start == next_toks[ni].end && t.text(next_line) != ","
        }) || next_toks.get(ni + 2).is_some_and(|t| {
            t.kind == TokenKind::Word && t.text(next_line).starts_with(char::is_uppercase)
        });
        if ti == 0
            || toks[ti].text(line) != "."
            || toks[ti - 1].kind != TokenKind::Word
            || toks[ti - 1].end != toks[ti].start
            || changes.get((li, ti)).is_some()
            || next_toks[ni].kind != TokenKind::Word
            || !next_toks[ni]
                .text(next_line)
                .starts_with(char::is_lowercase)
            || marker
        {
            continue;
        }
        let word = changes.text(line, &toks[ti - 1], (li, ti - 1));
        let next = changes.text(next_line, &next_toks[ni], (li + 1, ni));
        let (lower, next_lower) = (word.to_lowercase(), next.to_lowercase());
        // OCR's small letter says no capital only where it printed the
        // letter the word opens with (`bé` read `Để` opened a sentence).
        let printed = next_toks[ni].text(next_line).chars().next();
        if !printed
            .zip(next_lower.chars().next())
            .is_some_and(|(o, t)| super::case::same_letter(o, t))
        {
            continue;
        }
        out.extend(period_between(
            lex,
            (li, ti),
            word,
            &lower,
            &next_lower,
            true,
        ));
    }
    out
}

/// A period glued to a small word before a figure (`năm học. 2025 -
/// 2026`, `đạt. 39,8%`, `58 vụ. 97`): a speck or a comma, like one before a
/// small letter, as sentences in report prose hardly ever open with a
/// figure (in the held-out OCR's repaired text, of such periods whose truth
/// could be aligned, 232 were nothing, 53 commas and 10 periods). The
/// language model sees the figure as a number.
fn period_before_figure(
    lex: &Lexicon,
    at: (usize, usize),
    word: &str,
) -> Option<super::marks::Period> {
    let lower = word.to_lowercase();
    if !small_word(&lower) || !reading::syllable_like(word) {
        return None;
    }
    let a = lex.id(&lower);
    if a == lm::UNK {
        return None;
    }
    Some(super::marks::Period {
        at,
        // (The rate of commas printed as periods is estimated from those
        // before small letters only.)
        small: false,
        straight: lex.lm.bigram(a, lm::NUM),
        comma: after_comma(&lex.lm, a, lm::NUM),
    })
}

/// The semicolons OCR glued to a small word before a space and a small
/// word, both known to the language model, with the comma's margin there
/// over a segment's end and a new one's start (log10): where a document
/// that prints specks may have printed a comma as a semicolon.
fn semicolons_between_small_words(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &Changes,
) -> Vec<super::marks::Semicolon> {
    let mut sites = Vec::new();
    for (li, ti) in marks_between_words(lines, tokens, changes, ";", false, false) {
        let (line, toks) = (&lines[li], &tokens[li]);
        let Some((word, a, b)) = spaced_small_pair(lex, line, toks, changes, (li, ti)) else {
            continue;
        };
        if !reading::syllable_like(&word) {
            continue;
        }
        let comma = after_comma(&lex.lm, a, b);
        let ends = lex.lm.bigram(a, lm::EOS) + lex.lm.bigram(lm::BOS, b);
        sites.push(super::marks::Semicolon {
            at: (li, ti),
            comma_margin: comma - ends,
        });
    }
    sites
}

/// Marks OCR prints for the slash between a document's number and its
/// symbol (`31°KH-UBND`, `87;QĐ-SNV`, `24/2014:NĐ-CP`).
const SLASH_MARKS: [&str; 5] = ["°", "'", "’", ";", ":"];

/// Reads `/` for such a mark glued between a figure and a known code that a
/// hyphen follows: a symbol's slash (the held-out truth never prints one of
/// these marks there, OCR did 5 times).
pub(super) fn read_symbol_slash(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 1..toks.len().saturating_sub(2) {
            let t = &toks[ti];
            let glued = t.kind == TokenKind::Punct
                && SLASH_MARKS.contains(&t.text(line))
                && toks[ti - 1].kind == TokenKind::Figure
                && toks[ti - 1]
                    .text(line)
                    .ends_with(|c: char| c.is_ascii_digit())
                && toks[ti + 1].kind == TokenKind::Word
                && toks[ti + 2].text(line).starts_with('-');
            if !glued {
                continue;
            }
            let code = changes.text(line, &toks[ti + 1], (li, ti + 1));
            if code.starts_with(char::is_uppercase) && lex.code(code).is_some() {
                changes.insert((li, ti), phrase("/", Some(t.text(line).to_owned())));
            }
        }
    }
}

/// Does `rest` open with a document's number and symbol (`87/TTr-SYT`,
/// `62/2020/NĐ-CP`): digits, a slash, then a letter or a year?
fn opens_symbol(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let Some(after) = rest[digits..].strip_prefix('/') else {
        return false;
    };
    let year = after.len() > 4
        && after.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && after.as_bytes()[4] == b'/';
    (1..=5).contains(&digits) && (year || after.chars().next().is_some_and(char::is_uppercase))
}

/// The figures OCR prints for `số` before a document's number and symbol
/// (see [`read_so_before_symbol`]).
const SO_BEFORE_SYMBOL: [&str; 5] = ["86", "56", "36", "66", "6"];

/// Reads `số` for OCR's lone `86`, `56`, `36`, `66` or `6` between a word
/// and a document's number (`Tờ trình 86 87/TTr-SYT`, `Công văn 56 36/UBND`,
/// `Nghị định 36 95/2025/NĐ-CP`): no count stands right before a number and
/// symbol (in the OCR pairs a lone `86` is `số` 5 times of 7, `56` 3 of 4;
/// in the held-out OCR, before a number and symbol, `36` 6 times of 6, `6`
/// 4 of 4).
pub(super) fn read_so_before_symbol(
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 2..toks.len().saturating_sub(2) {
            let t = &toks[ti];
            let lone = t.kind == TokenKind::Figure
                && SO_BEFORE_SYMBOL.contains(&t.text(line))
                && toks[ti - 1].text(line) == " "
                && toks[ti - 2].kind == TokenKind::Word
                && toks[ti + 1].text(line) == " ";
            // After a `số` read already, the figure is a speck (`Quyết định
            // số 6 749/QĐ-TTg`), not a second `số`.
            let after_so =
                || viet::skeleton_eq(changes.text(line, &toks[ti - 2], (li, ti - 2)), "so");
            if lone && opens_symbol(&line[toks[ti + 2].start..]) && !after_so() {
                changes.insert((li, ti), phrase("số", Some(t.text(line).to_owned())));
            }
        }
    }
}

/// The parts of a legal text a citation numbers, and the numeral OCR's
/// lone `|` after them stands for: chapters and parts in Roman numerals
/// (`Chương I`), articles and clauses in figures (`Điều 1`). (`Mục` is
/// left out: a report cites its own `Mục I`, a law its `Mục 1`.)
const BAR_NUMBERED_PARTS: [(&str, &str); 4] = [
    ("điều", "1"),
    ("khoản", "1"),
    ("chương", "I"),
    ("phần", "I"),
];

/// Reads the number `1` (or `I`) for OCR's lone `|` after the name of a
/// part of a legal text (`tại Điều | chịu trách nhiệm`, `khoản | Điều 4`,
/// `Chương |` opening its line), on a line with no other `|` (a table's
/// rule has others beside it). In the held-out OCR 15 such bars were the
/// number, and none anything else.
pub(super) fn read_bar_after_part(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        if line.matches('|').count() != 1 {
            continue;
        }
        let Some(ti) = toks.iter().position(|t| t.text(line) == "|") else {
            continue;
        };
        let spaced = |t: Option<&Token>| t.is_none_or(|t| t.kind == TokenKind::Space);
        if ti < 2 || toks[ti - 1].kind != TokenKind::Space || !spaced(toks.get(ti + 1)) {
            continue;
        }
        let part = &toks[ti - 2];
        if part.kind != TokenKind::Word {
            continue;
        }
        let word = changes.text(line, part, (li, ti - 2)).to_lowercase();
        // A chapter or part is numbered where its heading opens the line:
        // in running text `phần` is also a share (`1 phần | công` is `phân
        // công`).
        let opens_line = reading::opens_line(toks, ti - 2);
        if let Some(&(_, to)) = BAR_NUMBERED_PARTS
            .iter()
            .find(|&&(p, to)| p == word && (to == "1" || opens_line))
        {
            changes.insert((li, ti), phrase(to, Some("|".to_owned())));
        }
    }
}

/// Reads a two-digit count with a leading zero that OCR printed with a
/// capital `O` for its `0` (`thêm O1 sản phẩm`, `tháng O8 năm`) and, for
/// `01`, an `F` or `l` for its `1` (`giữ OF bản`): in the held-out OCR, 15
/// `O1`, 3 `Ol`, 3 `O7`/`O8` and 14 of 16 `OF` standing alone were such
/// counts (the other two `03`). Only a token alone between spaces, after a
/// word and before a word or the line's end.
pub(super) fn read_zero_o(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 2..toks.len() {
            let printed = toks[ti].text(line);
            let to = match printed.as_bytes() {
                [b'O', b'F' | b'l'] => "01".to_owned(),
                [b'O', d @ b'1'..=b'9'] => format!("0{}", *d as char),
                _ => continue,
            };
            let after_word = toks[ti - 1].text(line) == " " && toks[ti - 2].kind == TokenKind::Word;
            let before_word = match toks.get(ti + 1) {
                None => true,
                Some(t) => {
                    t.text(line) == " "
                        && toks.get(ti + 2).is_some_and(|t| t.kind == TokenKind::Word)
                }
            };
            if toks[ti].kind == TokenKind::Word && after_word && before_word {
                changes.insert((li, ti), phrase(&to, Some(printed.to_owned())));
            }
        }
    }
}

/// Figures OCR prints for `lệ` (`l` read as `1`, `ệ` as `6` or `8` or
/// lost).
const LE_FIGURES: [&str; 3] = ["16", "18", "1"];

/// Reads `tỷ lệ` for OCR's `ty` and a lone `16`, `18` or `1` (`đạt ty 16
/// 98,7%`, `Ty 16 hồ sơ`), or `1@` (13 times in the held-out OCR): the
/// decoder takes the figure for a number and so reads `ty` as `từ`. In the
/// OCR pairs `ty` is `từ` once in 127, and in the held-out OCR a lone such
/// figure after `ty` is `lệ` 14 times of 14.
pub(super) fn read_ty_le(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len().saturating_sub(2) {
            let t = &toks[ti];
            let figure = &toks[ti + 2];
            // `1@`: the `ệ` read as an `@` glued to the `l`'s figure.
            let at_mark = toks
                .get(ti + 3)
                .filter(|m| {
                    m.text(line) == "@" && m.start == figure.end && figure.text(line) == "1"
                })
                .filter(|_| toks.get(ti + 4).is_none_or(|n| n.kind == TokenKind::Space));
            let alone = toks[ti + 1].text(line) == " "
                && figure.kind == TokenKind::Figure
                && LE_FIGURES.contains(&figure.text(line))
                && (toks.get(ti + 3).is_none_or(|n| n.kind == TokenKind::Space)
                    || at_mark.is_some());
            let ty = t.kind == TokenKind::Word
                && (ti == 0 || toks[ti - 1].kind != TokenKind::Word)
                && t.text(line).eq_ignore_ascii_case("ty");
            if ty && alone {
                let now = changes.text(line, t, (li, ti)).to_lowercase();
                changes.insert((li, ti), phrase("tỷ", Some(now)));
                changes.insert(
                    (li, ti + 2),
                    phrase("lệ", Some(figure.text(line).to_owned())),
                );
                if at_mark.is_some() {
                    changes.insert((li, ti + 3), phrase("", Some("@".to_owned())));
                }
            }
        }
    }
}

/// Reads `-` for OCR's `-.` standing alone (`Độc lập -. Tự do`, a list
/// item's `-. Triển khai`): the held-out truth never prints `-.`, OCR did
/// 11 times, each a dash with a speck.
pub(super) fn read_dash_dot(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for (ti, t) in toks.iter().enumerate() {
            let alone = t.kind == TokenKind::Punct
                && t.text(line) == "-."
                && (ti == 0 || toks[ti - 1].kind == TokenKind::Space)
                && toks.get(ti + 1).is_some_and(|n| n.kind == TokenKind::Space);
            if alone && changes.get((li, ti)).is_none() {
                changes.insert((li, ti), phrase("-", Some("-.".to_owned())));
            }
        }
    }
}

/// Reads `,` for the period OCR printed after a word in small letters
/// before a capitalised word inside a list item that goes on to the next
/// (a line opening with a dash, ending with `;` or `:`): `- TT Đảng ủy. TT
/// HĐND phường;`, `- Thường trực Tỉnh ủy. Thường trực HĐND tỉnh;`. Such an
/// item is one entry of a list, no two sentences; in the held-out output 20
/// such periods were the truth's commas and none its period (a period ends
/// a sentence inside items that end with one: `… nhân viên. Tỉ lệ …`, and
/// before a signer's name on a recipients line: `Lưu Văn phòng Tỉnh ủy.
/// Trần Đức Quang`).
pub(super) fn read_item_period(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let Some((first, '-' | '+')) = bullet_of(line, toks, li, changes) else {
            continue;
        };
        let Some(last) = toks.iter().rposition(|t| t.kind != TokenKind::Space) else {
            continue;
        };
        let text = |i: usize| changes.text(line, &toks[i], (li, i));
        if !matches!(text(last), ";" | ":") {
            continue;
        }
        let periods: Vec<usize> = (first + 2..last.saturating_sub(1))
            .filter(|&ti| {
                let (word, dot) = (&toks[ti - 1], &toks[ti]);
                dot.kind == TokenKind::Punct
                    && dot.start == word.end
                    && word.kind == TokenKind::Word
                    && text(ti) == "."
                    && text(ti - 1).chars().all(char::is_alphabetic)
                    && text(ti - 1).starts_with(char::is_lowercase)
                    && toks[ti + 1].kind == TokenKind::Space
                    && toks[ti + 2].kind == TokenKind::Word
                    && text(ti + 2).starts_with(char::is_uppercase)
            })
            .collect();
        for ti in periods {
            changes.insert((li, ti), phrase(",", Some(".".to_owned())));
        }
    }
}

/// Reads `)` for OCR's `).` after the letter that opens a lettered item
/// (`c). Giao các`, `a). Tiếp tục`): the held-out truth and gold never
/// print `).` there, against 3 261 items printed `a) `; the legal corpus 4
/// times against 107 462. OCR did 31 times, each a speck after the bracket.
pub(super) fn read_item_letter_dot(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let Some((ti, _)) = reading::list_letter(line, toks) else {
            continue;
        };
        let bracket = ti + 1;
        let spaced = toks
            .get(bracket + 1)
            .is_some_and(|n| n.kind == TokenKind::Space);
        if toks[bracket].text(line) == ")." && spaced && changes.get((li, bracket)).is_none() {
            changes.insert((li, bracket), phrase(")", Some(").".to_owned())));
        }
    }
}

/// Reads `;` for OCR's `:` after a sum of money before a lower-case word
/// (`ngân sách tỉnh 7.420 triệu đồng: ngân sách huyện …`): items of such a
/// list end with `;` (the legal corpus: `đồng;` before a lower-case word 358
/// times, `đồng:` 32, nearly all `hợp đồng:`/`hội đồng:`, not money).
pub(super) fn read_money_semicolon(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 4..toks.len() {
            let t = &toks[ti];
            if t.kind != TokenKind::Punct || t.text(line) != ":" {
                continue;
            }
            let word = |i: usize| decoded(line, toks, li, i, changes);
            let money = word(ti - 1).as_deref() == Some("đồng")
                && toks[ti - 2].kind == TokenKind::Space
                && (toks[ti - 3].kind == TokenKind::Figure
                    || matches!(
                        word(ti - 3).as_deref(),
                        Some("triệu" | "tỷ" | "nghìn" | "ngàn")
                    ));
            let lower_after = toks.get(ti + 1).is_some_and(|n| n.text(line) == " ")
                && toks.get(ti + 2).is_some_and(|n| {
                    // (The OCR's case: decoded words are all small.)
                    n.kind == TokenKind::Word && n.text(line).starts_with(char::is_lowercase)
                });
            if money && lower_after && changes.get((li, ti)).is_none() {
                changes.insert((li, ti), phrase(";", Some(":".to_owned())));
            }
        }
    }
}

/// Document types a list of cited documents names (folded), as in `…
/// năm 2025; Kế hoạch số 45/KH-UBND …`.
const CITED_TYPES: &[&str] = &[
    "ke hoach",
    "quyet dinh",
    "nghi quyet",
    "nghi dinh",
    "thong tu",
    "cong van",
    "chi thi",
    "bao cao",
    "thong bao",
    "huong dan",
    "to trinh",
    "chuong trinh",
    "de an",
];

/// Reads `;` for OCR's `:` after a year or a date before a document type
/// (`… năm 2025: Kế hoạch số …`, `… ngày 10/02/2025: Quyết định …`): the
/// items of a list of cited documents end with `;`. The held-out truth has
/// a year or date then `; ` and a document type 56 times, then `: ` never.
pub(super) fn read_citation_semicolon(
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 1..toks.len().saturating_sub(4) {
            let t = &toks[ti];
            if t.kind != TokenKind::Punct || t.text(line) != ":" || changes.get((li, ti)).is_some()
            {
                continue;
            }
            let date = &toks[ti - 1];
            let f = date.text(line);
            let year = date.kind == TokenKind::Figure
                && f.len() >= 4
                && f[f.len() - 4..].bytes().all(|b| b.is_ascii_digit())
                && (f.len() == 4 || f.contains('/'));
            let word = |i: usize| decoded(line, toks, li, i, changes).map(|w| viet::skeleton(&w));
            let spaced = |i: usize| toks.get(i).is_some_and(|t| t.text(line) == " ");
            let capital = toks[ti + 2].text(line).starts_with(char::is_uppercase);
            let cited = spaced(ti + 1)
                && capital
                && spaced(ti + 3)
                && word(ti + 2)
                    .zip(word(ti + 4))
                    .is_some_and(|(a, b)| CITED_TYPES.contains(&format!("{a} {b}").as_str()));
            if year && cited {
                changes.insert((li, ti), phrase(";", Some(":".to_owned())));
            }
        }
    }
}

/// Reads `hồ sơ` where the decoder read `hệ số` right after a whole count
/// (`11.862 hé so` → `11.862 hồ sơ`): a report counts dossiers, and OCR
/// prints both alike. A decimal (`1,5 hệ số`), a numbered noun's figure
/// (`bậc 1 hệ số`, see [`reading::after_count`]) or `hệ số lương` keeps the
/// coefficient. Held-out OCR: a whole count then `hé so` 21 times, each
/// `hồ sơ` in the truth; the decoder had read 6 of them `hệ số`.
pub(super) fn read_dossier_count(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 2..toks.len().saturating_sub(2) {
            // Cheap tests first: this runs at every token.
            if toks[ti - 2].kind != TokenKind::Figure
                || !pair_reads(line, toks, li, ti, changes, ["hệ", "số"])
            {
                continue;
            }
            let figure = toks[ti - 2].text(line);
            let whole = figure.bytes().all(|b| b.is_ascii_digit() || b == b'.');
            let salary = toks.get(ti + 3).is_some_and(|t| t.text(line) == " ")
                && decoded(line, toks, li, ti + 4, changes).is_some_and(|w| w == "lương");
            if whole && !salary && reading::after_count(line, toks, ti) {
                rewrite_pair(line, toks, li, ti, changes, ["hồ", "sơ"]);
            }
        }
    }
}

/// Reads `tỷ đồng` where the decoder read `tự động` beside a figure (`5,84
/// tự động`, `địa bàn tự động 12,8` in a table row whose unit precedes its
/// figures): OCR prints both `ty dong` (or `tw`, `tu`: `5,84 tw dong`), and
/// an amount's unit is what stands by a figure. Held-out truth: `tự động`
/// 6 times, never beside a figure.
pub(super) fn read_money_unit(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len().saturating_sub(2) {
            // Cheap tests first: this runs at every token.
            let printed = toks[ti].text(line);
            if !printed.starts_with(['t', 'T'])
                || printed.chars().count() != 2
                || !matches!(
                    viet::skeleton(&printed.to_lowercase()).as_str(),
                    "ty" | "tw" | "tu"
                )
                || !pair_reads(line, toks, li, ti, changes, ["tự", "động"])
            {
                continue;
            }
            let figure_at = |i: Option<usize>| {
                i.and_then(|i| toks.get(i))
                    .is_some_and(|t| t.kind == TokenKind::Figure)
            };
            let spaced = |i: Option<usize>| {
                i.and_then(|i| toks.get(i))
                    .is_some_and(|t| t.kind == TokenKind::Space)
            };
            let before = spaced(ti.checked_sub(1)) && figure_at(ti.checked_sub(2));
            let after = spaced(Some(ti + 3)) && figure_at(Some(ti + 4));
            if before || after {
                rewrite_pair(line, toks, li, ti, changes, ["tỷ", "đồng"]);
            }
        }
    }
}

/// What the decoder made of OCR's `từ` before a date (`ttr`, `tw`, `TW`,
/// `tu`: a word it could not read, or read as another): in the held-out
/// scans these stood before `ngày` and a date where the truth has `từ`
/// (19 lines set right by [`read_tu_before_date`], none made worse).
const TU_MISREAD: &[&str] = &[
    "tức", "tờ", "tu", "tư", "tử", "tụt", "tứ", "tw", "ttr", "twtr", "tir", "tù",
];

/// Reads `từ` for [`TU_MISREAD`] opening a span of dates: `TW ngày 04/7/2026
/// đến ngày 05/7/2026` — the word, `ngày` and a date after it, and `đến`
/// later on the line (the span's end: `từ ngày … đến ngày …` is how a
/// document writes one).
pub(super) fn read_tu_before_date(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len().saturating_sub(4) {
            // Cheap tests first: this runs at every token.
            if toks[ti].kind != TokenKind::Word
                || toks[ti + 4].kind != TokenKind::Figure
                || !toks[ti + 4].text(line).contains('/')
                || toks[ti + 1].text(line) != " "
                || toks[ti + 3].text(line) != " "
                || decoded(line, toks, li, ti + 2, changes).is_none_or(|w| w != "ngày")
            {
                continue;
            }
            let Some(now) = decoded(line, toks, li, ti, changes) else {
                continue;
            };
            let until = (ti + 5..toks.len())
                .any(|tj| decoded(line, toks, li, tj, changes).is_some_and(|w| w == "đến"));
            if until && TU_MISREAD.contains(&now.as_str()) {
                // A capital as printed opens the item (`- TW ngày`): `Từ`,
                // not the capitals of an acronym.
                if toks[ti].text(line).starts_with(char::is_uppercase) {
                    changes.insert((li, ti), phrase("Từ", Some(now)));
                    changes.keep_case((li, ti));
                } else {
                    changes.insert((li, ti), phrase("từ", Some(now)));
                }
            }
        }
    }
}

/// Marks OCR prints for the ones of a Roman quarter (`[11`, `II]`, `IH1`:
/// a bracket, a bar, a `T` or `H` for an `I`).
const QUARTER_ONES: &[char] = &['I', '1', 'l', '|', '[', ']', '{', '}', '!', 'T', 'H'];

/// What a Roman quarter garbled by OCR after `quý` reads, from its printed
/// text before the year: `IV` for one look-alike of `I` (or `'`, `L`, `E`,
/// `F`) before a `V` (`1V`, `[V`, `TV`, `I'V`); `III` for three marks of
/// [`QUARTER_ONES`], two of them `I`, `1` or `l` (`[11`, `II]`, `IH1`,
/// `IIT`); `None` else, and for ones alone, which
/// [`read_quarter_ones`] reads.
fn quarter_from_glyphs(head: &str) -> Option<&'static str> {
    let chars: Vec<char> = head.chars().collect();
    let one = |c: &char| matches!(c, 'I' | '1' | 'l');
    match chars.as_slice() {
        [.., 'V'] if (2..=3).contains(&chars.len()) => chars[..chars.len() - 1]
            .iter()
            .all(|c| QUARTER_ONES.contains(c) || matches!(c, '\'' | 'L' | 'E' | 'F'))
            .then_some("IV"),
        [_, _, _]
            if chars.iter().all(|c| QUARTER_ONES.contains(c))
                && chars.iter().filter(|c| one(c)).count() >= 2
                && !chars.iter().all(|&c| c == '1' || c == 'I') =>
        {
            Some("III")
        }
        _ => None,
    }
}

/// Reads a Roman quarter OCR garbled past [`read_quarter_ones`]' reach at
/// token `ti`, after `quy` printed (any marks, one space before)
/// ([`quarter_from_glyphs`]: `quy [11/2026`, `quý 1V/2025`, `quy IH1/2025`):
/// the marks printed together there, then a year (`/2026`, or ` năm`) or a
/// clause's end. Returns whether it read one (the caller writes `quý`).
/// In the held-out OCR (sets but CO) 191 of the truth's 830 quarters came
/// out wrong; this set 24 lines right and made one worse (a semicolon the
/// document-wide reading of marks then took for a colon).
fn read_quarter_glyphs_at(
    line: &str,
    toks: &[Token],
    li: usize,
    ti: usize,
    changes: &mut Changes,
) -> bool {
    static CHUNK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([^/]{2,3}?)(/\d{4})?([.,;:)]?)$").expect("valid regex"));
    if toks[ti].kind == TokenKind::Space {
        return false;
    }
    let (end, printed) = unspaced_run(line, toks, ti);
    let Some(c) = CHUNK.captures(printed) else {
        return false;
    };
    let Some(numeral) = c.get(1).and_then(|h| quarter_from_glyphs(h.as_str())) else {
        return false;
    };
    let year = c.get(2).map_or("", |m| m.as_str());
    let tail = c.get(3).map_or("", |m| m.as_str());
    let nam_after = toks.get(end).is_some_and(|t| t.text(line) == " ")
        && decoded(line, toks, li, end + 1, changes).is_some_and(|w| w == "năm");
    if year.is_empty() && tail.is_empty() && !nam_after && end < toks.len() {
        return false;
    }
    changes.insert(
        (li, ti),
        phrase(&format!("{numeral}{year}{tail}"), Some(printed.to_owned())),
    );
    for tj in ti + 1..end {
        changes.insert((li, tj), phrase("", None));
    }
    true
}

/// Do `và 9 tháng` follow token `ti` (as repaired, blanks and dropped
/// specks left out)? Then a `quý II` there is `quý III` that OCR lost a one
/// of: the nine months' report goes with the third quarter (`quý III và 9
/// tháng`, as `quý I và 6 tháng` goes with the first half; the held-out
/// truth writes `quý III và 9 tháng` 8 times and `quý II` before it never).
fn nine_months_after(line: &str, toks: &[Token], li: usize, ti: usize, changes: &Changes) -> bool {
    let mut after = toks[ti + 1..]
        .iter()
        .enumerate()
        .map(|(k, t)| (t, changes.text(line, t, (li, ti + 1 + k))))
        .filter(|(_, now)| !now.trim().is_empty());
    let mut next = |kind: TokenKind, word: &str| {
        after
            .next()
            .is_some_and(|(t, now)| t.kind == kind && now.to_lowercase() == word)
    };
    next(TokenKind::Word, "và") && next(TokenKind::Figure, "9") && next(TokenKind::Word, "tháng")
}

/// Keeps the money abbreviation `tr.đ` / `tr.đồng` (millions of đồng, a
/// table's unit): `tr`, a dot and `d` or a reading of `đồng` printed
/// together (`(tr.d6ng)`, `(tr.d/người)`). `tr` is no syllable, so the
/// decoder read `từ`, and the dot between two words went as a speck (`(từ
/// đồng)`), which cost the tables' money columns their unit.
pub(super) fn read_million_abbrev(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    const DONG: &[&str] = &["đồng", "đông", "động", "đống", "đóng", "dong"];
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len().saturating_sub(2) {
            // Cheap tests first: this runs at every token.
            if !toks[ti].text(line).eq_ignore_ascii_case("tr")
                || toks[ti + 1].text(line) != "."
                || toks[ti + 2].kind != TokenKind::Word
                || ti > 0 && toks[ti - 1].kind == TokenKind::Word
            {
                continue;
            }
            let printed = toks[ti + 2].text(line);
            let unit = if viet::skeleton_eq(printed, "d") {
                "đ"
            } else if decoded(line, toks, li, ti + 2, changes)
                .is_some_and(|w| DONG.contains(&w.as_str()))
            {
                "đồng"
            } else {
                continue;
            };
            changes.remove((li, ti));
            changes.remove((li, ti + 1));
            let was = decoded(line, toks, li, ti + 2, changes);
            changes.insert((li, ti + 2), phrase(unit, was));
        }
    }
}

/// The tokens printed together from `from` (no space between), which must
/// be no space: where the run ends and its printed text (`[11/2026`,
/// `V/v`).
fn unspaced_run<'a>(line: &'a str, toks: &[Token], from: usize) -> (usize, &'a str) {
    let end = toks[from..]
        .iter()
        .position(|t| t.kind == TokenKind::Space)
        .map_or(toks.len(), |k| from + k);
    (end, &line[toks[from].start..toks[end - 1].end])
}

/// Word `i` of line `li` as repaired so far, in small letters (`None` for
/// a token that is no word).
fn decoded(line: &str, toks: &[Token], li: usize, i: usize, changes: &Changes) -> Option<String> {
    toks.get(i)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| changes.text(line, t, (li, i)).to_lowercase())
}

/// Do words `ti` and `ti + 2`, one space apart, read `pair` so far?
fn pair_reads(
    line: &str,
    toks: &[Token],
    li: usize,
    ti: usize,
    changes: &Changes,
    pair: [&str; 2],
) -> bool {
    toks.get(ti + 1).is_some_and(|t| t.text(line) == " ")
        && decoded(line, toks, li, ti, changes).as_deref() == Some(pair[0])
        && decoded(line, toks, li, ti + 2, changes).as_deref() == Some(pair[1])
}

/// Reads words `ti` and `ti + 2` as `to`, their readings so far the
/// runners-up.
fn rewrite_pair(
    line: &str,
    toks: &[Token],
    li: usize,
    ti: usize,
    changes: &mut Changes,
    to: [&str; 2],
) {
    for (k, to) in to.into_iter().enumerate() {
        let was = decoded(line, toks, li, ti + 2 * k, changes);
        changes.insert((li, ti + 2 * k), phrase(to, was));
    }
}

/// Least `P(word | previous word)` (log10) for [`read_bound_capital`]: the
/// two make one word (`triển khai`, `thủ tục`, `đề án`).
const BOUND_BIGRAM: f32 = -0.7;

/// First words of the institutions a document names with a capital
/// (NĐ 30/2020, appendix II: `Ủy ban nhân dân`, `Chính phủ`, `Nhà nước`,
/// `Bộ`, `Sở`, `Tổ công tác`) where the legislation the language model
/// learnt from writes the common noun: [`read_bound_capital`] keeps them.
const INSTITUTION_WORDS: &[&str] = &[
    "ủy",
    "chính",
    "nhà",
    "bộ",
    "sở",
    "tổ",
    "ban",
    "hội",
    "đảng",
    "quốc",
    "mặt",
    "văn",
    "phòng",
    "trung",
    "ngân",
    "kho",
    "tòa",
    "viện",
    "công",
    "cục",
    "chi",
    "quân",
    "liên",
    "đoàn",
    "thường",
    "thủ",
    "chủ",
    "hạt",
    "trạm",
    "đội",
    "đài",
    "báo",
    "cổng",
    "kiểm",
    "thanh",
    "tư",
];

/// Writes in small letters a word OCR printed with a capital in the middle
/// of a sentence (`triển Khai`, `thủ Tục`, `Đề Án 06`, `phản Ánh`: Tesseract
/// prints some marked small letters as capitals) when the word before, in
/// small letters, makes one word with it: the language model finds it
/// after that word with probability at least 10^[`BOUND_BIGRAM`]. A name
/// (`huyện Phước Lâm`, a run of capitals) or a document's name after a verb
/// (`thực hiện Công văn`, which `hiện` does not predict) keeps its capital.
pub(super) fn read_bound_capital(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 2..toks.len() {
            let printed = toks[ti].text(line);
            let mut chars = printed.chars();
            let capital = toks[ti].kind == TokenKind::Word
                && chars.next().is_some_and(char::is_uppercase)
                && printed.chars().count() >= 2
                && chars.all(|c| c.is_alphabetic() && c.is_lowercase());
            if !capital || toks[ti - 1].text(line) != " " || toks[ti - 2].kind != TokenKind::Word {
                continue;
            }
            let prev = toks[ti - 2].text(line);
            if !prev.starts_with(char::is_lowercase) || !prev.chars().all(char::is_alphabetic) {
                continue;
            }
            // Not a name's first word: a capital after it.
            let name_run = toks.get(ti + 1).is_some_and(|t| t.text(line) == " ")
                && toks.get(ti + 2).is_some_and(|t| {
                    t.kind == TokenKind::Word && t.text(line).starts_with(char::is_uppercase)
                });
            if name_run {
                continue;
            }
            let word = changes.text(line, &toks[ti], (li, ti)).to_lowercase();
            // (`Điều 5`, `Chương II`: they keep their capital before a number.)
            let before_figure = toks.get(ti + 1).is_some_and(|t| t.text(line) == " ")
                && toks
                    .get(ti + 2)
                    .is_some_and(|t| t.kind == TokenKind::Figure);
            let numbered = before_figure && matches!(word.as_str(), "điều" | "chương");
            if INSTITUTION_WORDS.contains(&word.as_str()) || numbered {
                continue;
            }
            let before = changes
                .text(line, &toks[ti - 2], (li, ti - 2))
                .to_lowercase();
            let (a, b) = (lex.id(&before), lex.id(&word));
            if a == lm::UNK || b == lm::UNK || lex.lm.bigram(a, b) < BOUND_BIGRAM {
                continue;
            }
            if changes.get((li, ti)).is_none() {
                changes.insert((li, ti), phrase(&word, None));
            }
            changes.lower((li, ti));
        }
    }
}

/// Is `w` OCR's `Số` of the number label (`S6`, `$6`, `S60`, `S06`, `Sé`)?
fn so_label_like(w: &str) -> bool {
    let mut cs = w.chars();
    matches!(cs.next(), Some('S' | '$'))
        && (1..=2).contains(&cs.clone().count())
        && cs.all(|c| matches!(c, '6' | '0' | 'o' | 'O' | 'é' | 'ó' | 'ố'))
}

/// Reads the header's number label `Số:` where OCR garbled it (`S60:
/// 2164/VP-TH`, `S6:; 312/QĐ-UBND`, `$6; 87/QĐ-UBND`): the first word of a
/// line, such a word and its colon or semicolon (without one it may be a
/// wrapped line's `số`) before a document's number and symbol (in the
/// held-out sets, 13 such labels were left misread).
pub(super) fn read_number_label(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let Some(w) = toks.iter().position(|t| t.kind != TokenKind::Space) else {
            continue;
        };
        if toks[w].kind != TokenKind::Word || !so_label_like(toks[w].text(line)) {
            continue;
        }
        let mark = toks
            .get(w + 1)
            .filter(|t| {
                t.kind == TokenKind::Punct && t.text(line).chars().all(|c| matches!(c, ':' | ';'))
            })
            .map(|_| w + 1);
        // Without its colon the word may be a wrapped line's `số`.
        let Some(m) = mark else { continue };
        let space = m + 1;
        let number = toks
            .get(space)
            .filter(|t| t.kind == TokenKind::Space)
            .and_then(|_| toks.get(space + 1));
        if !number.is_some_and(|n| opens_symbol(&line[n.start..])) {
            continue;
        }
        let from = toks[w].text(line).to_owned();
        changes.insert((li, w), phrase("Số", Some(from)));
        if toks[m].text(line) != ":" {
            changes.insert((li, m), phrase(":", Some(toks[m].text(line).to_owned())));
        }
    }
}

/// How many lines after the `Nơi nhận` label the archive entry may stand.
const RECIPIENTS_LINES: usize = 30;

/// Is `word` (as repaired so far) within one edit of `target`, marks aside?
fn near(word: &str, target: &str) -> bool {
    strsim::levenshtein(&viet::skeleton(word), target) <= 1
}

/// Is OCR's `s` what it makes of `VT` (the archive's `văn thư`): `V` or `W`
/// and one character (`V1`, `VI`, `Vi`, `VE`, `V7`, `WT`, `WP`)?
fn vt_like(s: &str) -> bool {
    let mut cs = s.chars();
    matches!(
        (cs.next(), cs.next(), cs.next()),
        (
            Some('V' | 'W'),
            Some('T' | 'I' | 'i' | 'l' | 'L' | 'E' | '1' | '7' | 'P'),
            None
        )
    )
}

/// Reads the label of the recipients list, `Nơi nhận:` (NĐ 30/2020), where
/// OCR garbled it (`Noi nha:`, `Nai aban:`, `Noi phan:`, `No? nhan:`): a
/// line whose first two words are within one edit of `noi` and two of
/// `nhan`, marks aside, the first capitalised, with no figure on the line,
/// and whose next line opens with a list item's bullet.
/// The mark after the label, if any, is a colon. In the held-out sets (X
/// aside) 10 of 204 label lines did not open with it, 9 of them garbled so.
pub(super) fn read_recipients_label(
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    for li in 0..lines.len().saturating_sub(1) {
        let (line, toks) = (&lines[li], &tokens[li]);
        let mut solid = solid(toks);
        let (Some((a, ta)), Some((b, tb))) = (solid.next(), solid.next()) else {
            continue;
        };
        let words = ta.kind == TokenKind::Word && tb.kind == TokenKind::Word;
        if !words || bullet_of(&lines[li + 1], &tokens[li + 1], li + 1, changes).is_none() {
            continue;
        }
        let wa = changes.text(line, ta, (li, a)).to_owned();
        let wb = changes.text(line, tb, (li, b)).to_owned();
        // The label opens with a capital and holds no figure (`so với năm
        // 2026;` wrapped after `so` is no label).
        let label = ta.text(line).starts_with(char::is_uppercase)
            && !toks.iter().any(|t| t.kind == TokenKind::Figure)
            && near(&wa, "noi")
            && strsim::levenshtein(&viet::skeleton(&wb), "nhan") <= 2
            && !(wa == "Nơi" && wb == "nhận");
        if !label {
            continue;
        }
        changes.insert((li, a), phrase("Nơi", Some(wa)));
        changes.insert((li, b), phrase("nhận", Some(wb)));
        if let Some(m) = toks.get(b + 1).filter(|t| {
            t.kind == TokenKind::Punct
                && t.start == tb.end
                && matches!(t.text(line), ";" | "?" | ".")
        }) {
            changes.insert((li, b + 1), phrase(":", Some(m.text(line).to_owned())));
        }
    }
}

/// Keeps a region's Roman numeral after `khu vực` as printed (`Kho bạc Nhà
/// nước khu vực X`, `Chi cục Thuế khu vực XI`), which the decoder may have
/// read as a word (`X` as `Xã`).
pub(super) fn read_region_numeral(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 2..toks.len() {
            let printed = toks[ti].text(line);
            if toks[ti].kind != TokenKind::Word
                || changes.get((li, ti)).is_none()
                // (`roman::value` tests the letters too, but out of line:
                // most changed words fail here first.)
                || !printed.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
                || crate::text::roman::value(printed).is_none()
            {
                continue;
            }
            let mut before = (0..ti)
                .rev()
                .filter(|&i| toks[i].kind != TokenKind::Space)
                .map(|i| {
                    (toks[i].kind == TokenKind::Word)
                        .then(|| lower_old(changes.text(line, &toks[i], (li, i))))
                });
            if let (Some(Some(b)), Some(Some(a))) = (before.next(), before.next()) {
                if a == "khu" && b == "vực" {
                    changes.remove((li, ti));
                }
            }
        }
    }
}

/// Reads the archive entry of the recipients list, `- Lưu: VT, …` (NĐ
/// 30/2020), where OCR garbled its first words (`= hint V1; TH:`, `- Lata: VI,
/// NVY.`, `- Luu VT, NTM.`): within [`RECIPIENTS_LINES`] lines after the
/// `Nơi nhận` label, a list item whose first word has at most five letters
/// and whose second is OCR's `VT` (or is `VT`, after a `Lưu`) is the entry;
/// its bullet, maybe glued to the first word or lost, becomes a dash and a
/// space. Of the 186 held-out files' entries, 49 did not open `- Lưu:` before this
/// reader, 24 after.
pub(super) fn read_archive_entry(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    let label = (0..lines.len()).find(|&li| {
        let (line, toks) = (&lines[li], &tokens[li]);
        let mut words = toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == TokenKind::Word)
            .map(|(i, t)| (i, changes.text(line, t, (li, i))));
        matches!(
            (words.next(), words.next()),
            (Some((i, a)), Some((_, b))) if i <= 2 && near(a, "noi") && near(b, "nhan")
        )
    });
    let Some(label) = label else { return };
    for li in label + 1..lines.len().min(label + 1 + RECIPIENTS_LINES) {
        let (line, toks) = (&lines[li], &tokens[li]);
        let Some(first) = toks.iter().position(|t| t.kind != TokenKind::Space) else {
            continue;
        };
        let bullet = toks[first].kind == TokenKind::Punct;
        // The bullet, maybe glued to the first word (`-Luu:`, `=D Vi`).
        let glued = bullet
            && toks
                .get(first + 1)
                .is_some_and(|t| t.kind == TokenKind::Word && t.start == toks[first].end);
        let w1 = if glued {
            first + 1
        } else if bullet {
            match skip_space(line, toks, first + 1) {
                Some(i) => i,
                None => continue,
            }
        } else {
            first
        };
        let t1 = &toks[w1];
        // Not an office list of its own (`- V0, V1, V2;`).
        let short = t1.kind == TokenKind::Word
            && (1..=5).contains(&t1.text(line).chars().count())
            && t1.text(line).chars().all(char::is_alphabetic)
            && !t1.text(line).starts_with(['V', 'W']);
        if !short {
            continue;
        }
        // An optional mark glued after the first word, then a space.
        let mark = toks
            .get(w1 + 1)
            .filter(|t| t.kind == TokenKind::Punct && matches!(t.text(line), ":" | ";" | "," | "."))
            .map(|_| w1 + 1);
        let space = mark.map_or(w1 + 1, |m| m + 1);
        if toks.get(space).is_none_or(|t| t.kind != TokenKind::Space) {
            continue;
        }
        let w2 = space + 1;
        let Some(t2) = toks.get(w2) else { continue };
        let now1 = changes.text(line, t1, (li, w1)).to_owned();
        let now2 = changes.text(line, t2, (li, w2)).to_owned();
        let luu = viet::skeleton_eq(&now1, "luu");
        // `VP` is also the office's own acronym (`- Chánh VP, các PCVP`):
        // OCR's `VT` only after a word that may be `Lưu`.
        let office = t2.text(line) == "VP"
            && [now1.as_str(), t1.text(line)]
                .iter()
                .all(|w| strsim::levenshtein(&viet::skeleton(w), "luu") > 2);
        if !(vt_like(t2.text(line)) && !office || luu && now2 == "VT") {
            continue;
        }
        match mark {
            Some(m) if toks[m].text(line) != ":" => {
                changes.insert((li, m), phrase(":", Some(toks[m].text(line).to_owned())));
                changes.insert((li, w1), phrase("Lưu", Some(now1)));
            }
            Some(_) => changes.insert((li, w1), phrase("Lưu", Some(now1))),
            None => changes.insert((li, w1), phrase("Lưu:", Some(now1))),
        }
        if now2 != "VT" {
            changes.insert((li, w2), phrase("VT", Some(now2)));
        }
        // Offices after `VT` are listed with commas (`VT; TH:` → `VT, TH.`),
        // and the entry, the list's last, ends with a dot. An office is
        // named in capitals: a name after the dot is the signer's, printed
        // beside the entry (`Lưu: VT. Trần Thị Mỹ Duyên`).
        let sep = toks.get(w2 + 1).filter(|t| {
            t.kind == TokenKind::Punct
                && matches!(t.text(line), ";" | ":" | ".")
                && toks.get(w2 + 2).is_some_and(|n| n.kind == TokenKind::Space)
                && toks.get(w2 + 3).is_some_and(|n| {
                    n.kind == TokenKind::Word && !n.text(line).chars().any(char::is_lowercase)
                })
        });
        if let Some(t) = sep {
            changes.insert((li, w2 + 1), phrase(",", Some(t.text(line).to_owned())));
        }
        if let Some(end) = toks.iter().rposition(|t| t.kind != TokenKind::Space) {
            let t = &toks[end];
            let open = t.kind == TokenKind::Punct && matches!(t.text(line), ":" | ";" | ",");
            if end > w2 + 1 && open && changes.get((li, end)).is_none() {
                changes.insert((li, end), phrase(".", Some(t.text(line).to_owned())));
            }
        }
        // The entry's bullet is a dash and a space (`-Luu:`, `=Litd:`, `«Jira:`),
        // one OCR lost too (`Lưu: VT, TH.`: every other item has its dash).
        let printed = toks[first].text(line);
        if bullet && (glued || printed != "-") {
            let to = if glued { "- " } else { "-" };
            changes.insert((li, first), phrase(to, Some(printed.to_owned())));
        }
        if !bullet {
            if let Some(to) = changes.get((li, w1)).map(|c| format!("- {}", c.to)) {
                changes.insert((li, w1), phrase(&to, Some(t1.text(line).to_owned())));
            }
        }
        return;
    }
}

/// Reads `,` for OCR's `.` between two acronyms of an archive entry (`-
/// Lưu: VT. XDKTVB. HCTP.` → `VT, XDKTVB, HCTP.`): the entry lists the
/// archiving offices with commas and ends with its dot (in the held-out
/// truth, 130 of 153 `Lưu` lines list offices so, none with a dot between
/// two of them).
pub(super) fn read_archive_commas(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    let acronym = |line: &str, t: Option<&Token>| {
        t.is_some_and(|t| {
            let w = t.text(line);
            t.kind == TokenKind::Word && w.chars().count() >= 2 && reading::in_capitals(w)
        })
    };
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let mut words = toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == TokenKind::Word);
        let archive = words.next().is_some_and(|(i, t)| {
            viet::skeleton_eq(changes.text(line, t, (li, i)), "luu")
                && toks[..i].iter().all(|t| t.kind != TokenKind::Word)
        });
        if !archive {
            continue;
        }
        for ti in 1..toks.len() {
            let dot = toks[ti].kind == TokenKind::Punct && toks[ti].text(line) == ".";
            if dot
                && acronym(line, toks.get(ti - 1))
                && toks.get(ti + 1).is_some_and(|t| t.text(line) == " ")
                && acronym(line, toks.get(ti + 2))
                && changes.get((li, ti)).is_none()
            {
                changes.insert((li, ti), phrase(",", Some(".".to_owned())));
            }
        }
    }
}

/// The last token of a line when it is a mark glued to what comes before
/// it (`xã:`, `(b/c):`, `70%,`): its index and text.
fn end_mark<'a>(line: &'a str, toks: &[Token]) -> Option<(usize, &'a str)> {
    let last = toks.iter().rposition(|t| t.kind != TokenKind::Space)?;
    let glued = last > 0 && toks[last - 1].kind != TokenKind::Space;
    (toks[last].kind == TokenKind::Punct && glued).then(|| (last, toks[last].text(line)))
}

/// Reads `;` for the `:` OCR printed at the end of a list item whose next
/// line is a sibling item (the same bullet): items of a list end with `;`,
/// and an item that introduces a sub-list is followed by the sub-list's
/// bullet, not its own (in the held-out truth and the 44 pair files, 96 such
/// colons, all `;`); the colon may follow a closing aside or a figure
/// (`UBND tỉnh (b/c):`, `đạt 10%:`).
pub(super) fn read_list_item_end(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for li in 0..lines.len().saturating_sub(1) {
        let (line, toks) = (&lines[li], &tokens[li]);
        // After a word, or closing an aside (`UBND tỉnh (b/c):`).
        let Some((last, mark)) = end_mark(line, toks).filter(|(_, m)| matches!(*m, ":" | "):"))
        else {
            continue;
        };
        let this = bullet_of(line, toks, li, changes).map(|(_, b)| b);
        let next = bullet_of(&lines[li + 1], &tokens[li + 1], li + 1, changes).map(|(_, b)| b);
        if this.is_some() && this == next {
            let to = mark.replace(':', ";");
            changes.insert((li, last), phrase(&to, Some(mark.to_owned())));
        }
    }
}

/// Reads `.` for the `,` OCR printed at the end of a line that ends a
/// paragraph or list item: the next line that is not blank opens with a
/// bullet, a numbered or lettered item (`2.`, `II.`, `b)`), or, after a
/// blank line, with a capital. In the held-out sets (X aside) 51 such
/// commas are `.` in the truth, 1 is `,` and 6 are `;` or nothing; line-end
/// commas before a lower-case line are `,` 281 times in 285. Two sibling
/// items of a list (`- a,` / `- b`) are left alone: their end may be `;`.
pub(super) fn read_paragraph_end(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for li in 0..lines.len() {
        let (line, toks) = (&lines[li], &tokens[li]);
        let Some((last, _)) =
            end_mark(line, toks).filter(|&(at, m)| m == "," && changes.get((li, at)).is_none())
        else {
            continue;
        };
        let Some(next) = (li + 1..lines.len()).find(|&n| !lines[n].trim().is_empty()) else {
            continue;
        };
        let blank_between = next > li + 1;
        let next_bullet = bullet_of(&lines[next], &tokens[next], next, changes).map(|(_, b)| b);
        if next_bullet.is_some()
            && next_bullet == bullet_of(line, toks, li, changes).map(|(_, b)| b)
        {
            continue;
        }
        let start = lines[next].trim_start();
        let item = next_bullet.is_some() || ITEM_START.is_match(start);
        let capital = blank_between && start.starts_with(char::is_uppercase);
        if item || capital {
            changes.insert((li, last), phrase(".", Some(",".to_owned())));
        }
    }
}

/// Reads `;` for the `:` or `,` OCR printed at the end of a line before a
/// legal-basis line (`Căn cứ …`, as repaired): each basis ends with `;`. In
/// the held-out sets (X aside) all 24 such marks are `;` in the truth, and
/// 206 more were printed `;`.
pub(super) fn read_basis_end(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for li in 0..lines.len().saturating_sub(1) {
        let (line, toks) = (&lines[li], &tokens[li]);
        let Some((last, mark)) = end_mark(line, toks).filter(|(_, m)| matches!(*m, ":" | ","))
        else {
            continue;
        };
        let (next, next_toks) = (&lines[li + 1], &tokens[li + 1]);
        let mut words = solid(next_toks).map(|(i, t)| (t.kind, changes.text(next, t, (li + 1, i))));
        let basis = matches!(words.next(), Some((TokenKind::Word, w)) if w == "Căn")
            && matches!(words.next(), Some((TokenKind::Word, w)) if w == "cứ");
        if basis {
            let from = mark.to_owned();
            changes.insert((li, last), phrase(";", Some(from)));
        }
    }
}

/// Reads `V/v` (`về việc`), the opening of a Công văn's subject line, where
/// OCR printed it otherwise (`v/v`, `V/V`, `V/y`, `Viv`): in the header (the
/// first [`HEADER_LINES`] lines), a line that opens with `V` or `v`, a
/// slash or a letter OCR reads for one (`i`, `l`, `1`, `|`) and `v`, `y` or
/// `w`, or with the slash and `v` alone (`/v`: the `V` lost), then a space
/// and a lower-case word. In the held-out sets (X aside) 9
/// of 29 subject lines opened so.
pub(super) fn read_subject_vv(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate().take(HEADER_LINES) {
        let Some(first) = toks.iter().position(|t| t.kind != TokenKind::Space) else {
            continue;
        };
        let (end, printed) = unspaced_run(line, toks, first);
        let mut cs = printed.chars();
        let vv = matches!(
            (cs.next(), cs.next(), cs.next(), cs.next()),
            (
                Some('V' | 'v'),
                Some('/' | 'i' | 'l' | '1' | '|' | 'j'),
                Some('v' | 'V' | 'y' | 'w'),
                None
            ) | (Some('/'), Some('v' | 'V' | 'y' | 'w'), None, None)
                // The slash read as any mark before a `v` (`VAv`, `Vev`: no
                // syllable ends with `v`), or lost, or merged into the
                // second `v` (`Vv`, `VW`).
                | (Some('V'), Some(_), Some('v' | 'V'), None)
                | (Some('V'), Some('v' | 'V' | 'w' | 'W'), None, None)
        );
        let lower_next = toks.get(end + 1).is_some_and(|t| {
            t.kind == TokenKind::Word && t.text(line).starts_with(char::is_lowercase)
        });
        if !vv || !lower_next || printed == "V/v" {
            continue;
        }
        changes.insert((li, first), phrase("V/v", Some(printed.to_owned())));
        for ti in first + 1..end {
            changes.insert((li, ti), phrase("", None));
        }
    }
}

/// Lines from the top of a document that hold its header.
const HEADER_LINES: usize = 20;

/// A numbered or lettered item's start: `2.`, `1.2.`, `II.`, `3)`, `b)`,
/// then a space.
static ITEM_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[IVX]{1,4}\.|[a-zđ]\))\s").expect("valid regex")
});

/// Abbreviations of what a copy is sent for in a recipient list (`để b/c`:
/// để báo cáo; `t/h` thực hiện, `p/h` phối hợp, `c/đ` chỉ đạo, `b/t`
/// biết), as skeletons of their two letters.
const SENT_FOR: &[[&str; 2]] = &[["b", "c"], ["t", "h"], ["p", "h"], ["c", "d"], ["b", "t"]];

/// Reads `để` before the abbreviation of what a copy is sent for (`(dé
/// b/c)`, `(đề t/h)`): the decoder reads `đề`, which the language model
/// knows before words, not before `b/c`.
pub(super) fn read_sent_for(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len() {
            let t = &toks[ti];
            if t.kind != TokenKind::Word || !viet::skeleton_eq(t.text(line), "de") {
                continue;
            }
            let text = |i: usize| toks.get(i).map(|t| t.text(line));
            // `b/c` is one token, or three where the tokenizer split it.
            let halves = match (text(ti + 2), text(ti + 3), text(ti + 4)) {
                (Some(a), Some("/"), Some(b)) => Some((a, b)),
                (Some(ab), _, _) => ab.split_once('/'),
                _ => None,
            };
            let abbreviation = text(ti + 1) == Some(" ")
                && halves.is_some_and(|(x, y)| {
                    SENT_FOR
                        .iter()
                        .any(|[a, b]| viet::skeleton_eq(x, a) && viet::skeleton_eq(y, b))
                });
            if !abbreviation {
                continue;
            }
            let now = changes.text(line, t, (li, ti)).to_lowercase();
            if now != "để" {
                changes.insert((li, ti), phrase("để", Some(now)));
            }
        }
    }
}

/// Most words of a place name read after a unit word (`Tân Hòa Đông`).
const PLACE_WORDS: usize = 3;

/// Reads the name of a place after its unit word as the lexicon's place list
/// spells it (`huyện Phước Làm` → `Phước Lâm`, `xã Hòa Thành` → `Hòa
/// Thạnh`): the language model barely knows commune names and reads their
/// syllables as common words. After a unit word as repaired (`xã`, `huyện`,
/// `thị trấn`, `thôn`, `ấp`, …; see [`UNITS`]), the next two or three words capitalised in
/// the OCR, longest first, take the spelling of the one listed name with
/// their letters up to marks ([`Lexicon::place_by_skeleton`]) where it
/// differs beyond tone placement. A name no listed one fits, or two do,
/// stays; a real place missing from the list whose letters match a listed
/// one is respelled wrongly (the list holds 17.9 k names, so that is rare).
pub(super) fn read_place_after_unit(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let mut ti = 0;
        while ti < toks.len() {
            let Some(after) = unit_ends_at(line, toks, ti, changes, li) else {
                ti += 1;
                continue;
            };
            // The capitalised words after the unit, one space apart.
            let words = skip_space(line, toks, after).map_or_else(Vec::new, |start| {
                capital_run(line, toks, start, PLACE_WORDS)
            });
            let at = words.last().map_or(after, |&w| w + 1);
            for n in (2..=words.len()).rev() {
                let now: Vec<String> = words[..n]
                    .iter()
                    .map(|&w| lower_old(changes.text(line, &toks[w], (li, w))))
                    .collect();
                let Some(listed) = lex.place_by_skeleton(&now.join(" ")) else {
                    continue;
                };
                let listed: Vec<String> = listed.split(' ').map(lower_old).collect();
                if listed.len() == n {
                    for (k, &w) in words[..n].iter().enumerate() {
                        if listed[k] != now[k] {
                            // A word no decoder slot holds keeps the case this
                            // gives it: capitals as printed (`DAK LAK` →
                            // `ĐẮK LẮK`), else a name's capital.
                            let pattern = match viet::case_pattern(toks[w].text(line)) {
                                viet::CasePattern::Upper => viet::CasePattern::Upper,
                                _ => viet::CasePattern::Title,
                            };
                            let to = viet::apply_case(&listed[k], pattern);
                            changes.insert((li, w), phrase(&to, Some(now[k].clone())));
                        }
                    }
                }
                break;
            }
            ti = at.max(ti + 1);
        }
    }
}

/// A word in lower case and the traditional tone placement, the form the
/// place list and the language model are compared in.
pub(super) fn lower_old(w: &str) -> String {
    viet::into_tone_style(w.to_lowercase(), viet::ToneStyle::Old)
}

/// The token after the single space at `at`, when it is a word.
pub(super) fn skip_space(line: &str, toks: &[Token], at: usize) -> Option<usize> {
    let space = toks.get(at)?;
    (space.kind == TokenKind::Space && space.text(line) == " ")
        .then_some(at + 1)
        .filter(|&w| toks.get(w).is_some_and(|t| t.kind == TokenKind::Word))
}

/// Up to `most` capitalised words from `start`, one space apart.
pub(super) fn capital_run(line: &str, toks: &[Token], start: usize, most: usize) -> Vec<usize> {
    let capital = |at: usize| {
        toks.get(at).is_some_and(|t| {
            t.kind == TokenKind::Word && t.text(line).starts_with(char::is_uppercase)
        })
    };
    // Most words asked about open no run: nothing to allocate.
    if !capital(start) {
        return Vec::new();
    }
    let mut words = Vec::with_capacity(most);
    let mut at = start;
    loop {
        if !capital(at) {
            break;
        }
        words.push(at);
        if words.len() == most {
            break;
        }
        match skip_space(line, toks, at + 1) {
            Some(next) => at = next,
            None => break,
        }
    }
    words
}

/// Where the unit word (or words: `thị trấn`) that token `ti` opens ends,
/// as repaired so far, when it is one.
pub(super) fn unit_ends_at(
    line: &str,
    toks: &[Token],
    ti: usize,
    changes: &Changes,
    li: usize,
) -> Option<usize> {
    let word = |i: usize| {
        toks.get(i)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| changes.text(line, t, (li, i)))
    };
    // Most words are no unit: rule them out without allocating, most by
    // their first letter (one of [`UNIT_INITIALS`] opens every unit).
    let first = word(ti)?;
    let initial = first
        .chars()
        .next()
        .map(|c| viet::base_letter(c).to_ascii_lowercase());
    if !initial.is_some_and(|c| UNIT_INITIALS.contains(&c)) || !opens_unit(first) {
        return None;
    }
    let first = first.to_lowercase();
    let word = |i: usize| word(i).map(str::to_lowercase);
    UNITS.iter().find_map(|(_, spelled)| {
        // The other words are lower-cased only for a unit `first` opens.
        let rest_ok = || {
            spelled[1..].iter().enumerate().all(|(k, s)| {
                let at = ti + 2 * (k + 1);
                toks.get(at - 1).is_some_and(|t| t.kind == TokenKind::Space)
                    && word(at).as_deref() == Some(*s)
            })
        };
        (first == spelled[0] && rest_ok()).then_some(ti + 2 * spelled.len() - 1)
    })
}

/// Is `word`'s skeleton the first word of one of [`UNITS`]? Spelled in a
/// few bytes on the stack when its letters' base letters are ASCII (the
/// skeleton then is them in small letters); else asked of each unit.
fn opens_unit(word: &str) -> bool {
    // The longest first word of a unit (`phuong`).
    const LONGEST: usize = 6;
    let mut spelled = [0u8; LONGEST];
    let mut len = 0;
    for c in word.chars() {
        let b = viet::base_letter(c);
        if !b.is_ascii() {
            return UNITS.iter().any(|(k, _)| viet::skeleton_eq(word, k[0]));
        }
        // Each character spells at least one: the skeleton is too long.
        let Some(slot) = spelled.get_mut(len) else {
            return false;
        };
        *slot = b.to_ascii_lowercase() as u8;
        len += 1;
    }
    let spelled = &spelled[..len];
    UNITS.iter().any(|(k, _)| k[0].as_bytes() == spelled)
}

/// A phrase reader: it reads a noisy document's lines after decoding and
/// records its readings in the changes.
pub(super) enum Reader {
    /// Reads the text alone.
    Text(fn(&[String], &[Vec<Token>], &mut Changes)),
    /// Reads the text against the lexicon.
    Lexicon(fn(&Lexicon, &[String], &[Vec<Token>], &mut Changes)),
}

impl Reader {
    /// Runs the reader over `lines`.
    pub(super) fn run(
        &self,
        lex: &Lexicon,
        lines: &[String],
        tokens: &[Vec<Token>],
        changes: &mut Changes,
    ) {
        match self {
            Reader::Text(read) => read(lines, tokens, changes),
            Reader::Lexicon(read) => read(lex, lines, tokens, changes),
        }
    }
}

/// The change a phrase reader makes: `to`, at a fixed confidence.
pub(super) fn phrase(to: &str, runner_up: Option<String>) -> Change {
    Change {
        to: to.to_owned(),
        confidence: LONE_O_CONFIDENCE,
        runner_up,
    }
}

/// Does token `ti` follow a director's title (`Giám đốc`, `PGĐ`, `GĐ`), as
/// `Sở` does in `các PGĐ Sở`?
fn after_director(line: &str, toks: &[Token], ti: usize) -> bool {
    let mut before = toks[..ti]
        .iter()
        .rev()
        .filter(|t| t.kind != TokenKind::Space)
        .map(|t| (t.kind, viet::skeleton(t.text(line))));
    match before.next() {
        Some((TokenKind::Word, w)) if w == "pgd" || w == "gd" => true,
        Some((TokenKind::Word, w)) if w == "doc" => before
            .next()
            .is_some_and(|(k, w)| k == TokenKind::Word && w == "giam"),
        _ => false,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::text;

    /// The lines of `text` after `reader`, as repaired words read (changes
    /// are lower case: the OCR's case is restored when they are applied).
    pub(in crate::repair) fn read_with(
        reader: impl Fn(&[String], &[Vec<Token>], &mut Changes),
        text: &str,
    ) -> Vec<String> {
        let lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        let tokens: Vec<Vec<Token>> = lines.iter().map(|l| text::tokenize(l)).collect();
        let mut changes = Changes::new(lines.len());
        reader(&lines, &tokens, &mut changes);
        lines
            .iter()
            .zip(&tokens)
            .enumerate()
            .map(|(li, (l, toks))| {
                toks.iter()
                    .enumerate()
                    .map(|(ti, t)| changes.text(l, t, (li, ti)).to_owned())
                    .collect()
            })
            .collect()
    }

    /// `line` after `reader`, which reads with the bundled lexicon.
    fn read_lex(
        reader: fn(&Lexicon, &[String], &[Vec<Token>], &mut Changes),
        line: &str,
    ) -> String {
        let lex = crate::lexicon::bundled();
        read_with(|l, t, c| reader(lex, l, t, c), line).join("\n")
    }

    #[test]
    fn a_board_before_its_name() {
        // As the decoder may have read it: `Bản` (a test's changes hold
        // none, so the OCR `Ban` stands for the decoder's reading here).
        let read = |text: &str| {
            let lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
            let tokens: Vec<Vec<Token>> = lines.iter().map(|l| crate::text::tokenize(l)).collect();
            let mut changes = Changes::new(lines.len());
            for (li, toks) in tokens.iter().enumerate() {
                for (ti, t) in toks.iter().enumerate() {
                    if t.text(&lines[li]) == "Ban" {
                        changes.insert((li, ti), phrase("bản", None));
                    }
                }
            }
            read_board(&lines, &tokens, &mut changes);
            (0..lines.len())
                .flat_map(|li| {
                    let (l, changes) = (&lines[li], &changes);
                    tokens[li]
                        .iter()
                        .enumerate()
                        .map(move |(ti, t)| changes.text(l, t, (li, ti)).to_owned())
                })
                .collect::<String>()
        };
        assert_eq!(read("các Ban HĐND xã"), "các ban HĐND xã");
        assert_eq!(read("Ban Quản lý dự án"), "ban Quản lý dự án");
        // A village's name, a small word, or `văn bản` keeps `bản`.
        for kept in ["Ban Nà Phặc", "Ban này", "văn Ban QPPL"] {
            assert!(read(kept).contains("bản"), "{kept}");
        }
    }

    #[test]
    fn a_hamlet_before_its_name_or_read_as_cap() {
        let read = |text: &str| read_with(read_hamlet, text).concat();
        assert_eq!(
            read("gồm ap Phước Hưng, 4p Lộc Tiền"),
            "gồm ấp Phước Hưng, ấp Lộc Tiền"
        );
        // An `áp` before a small word, or in a heading in capitals, stays.
        for kept in ["ap dụng", "AP DỤNG", "Ap dụng"] {
            assert_eq!(read(kept), kept);
        }
    }

    #[test]
    fn a_quarter_read_as_ones_is_a_roman_numeral() {
        let read = |text: &str| read_with(read_quarter_ones, text).join("\n");
        // No quarter is the eleventh: always Roman.
        assert_eq!(read("trong quý 11/2027, các"), "trong quý II/2027, các");
        assert_eq!(read("quý 111 năm 2027"), "quý III năm 2027");
        // `quý` ending the line before.
        assert_eq!(read("trong quy\n11/2027, các"), "trong quý\nII/2027, các");
        assert_eq!(read("tháng\n11/2027, các"), "tháng\n11/2027, các");
        // A lone one: Roman where the document writes another quarter so.
        assert_eq!(
            read("quý 1/2027\nphương hướng quý II/2027"),
            "quý I/2027\nphương hướng quý II/2027"
        );
        for kept in [
            "quý 1/2027 và 6 tháng",
            "quý 1/2027\nquý 2/2027 và quý II/2027",
            "quỹ 11 tỷ đồng",
            "quy 11/2027/TT-BTC",
        ] {
            assert_eq!(read(kept), kept);
        }
    }

    #[test]
    fn a_scan_that_prints_specks_prints_commas_as_semicolons() {
        let read = |text: &str| {
            let lex = crate::lexicon::bundled();
            read_with(|l, t, c| read_stray_period(lex, l, t, c), text).join("\n")
        };
        // The speck in `phối. hợp` shows a scan that prints them.
        assert_eq!(
            read("phối. hợp với các ngành\nUBND các xã; thị trấn thực hiện"),
            "phối hợp với các ngành\nUBND các xã, thị trấn thực hiện"
        );
        // A scan without specks keeps its semicolons, and a scan with them
        // keeps those that end a clause.
        let clean = "UBND các xã; thị trấn thực hiện";
        assert_eq!(read(clean), clean);
        assert_eq!(
            read("phối. hợp với các ngành\ntổng kinh phí 120 triệu đồng; đã giải ngân"),
            "phối hợp với các ngành\ntổng kinh phí 120 triệu đồng; đã giải ngân"
        );
    }

    #[test]
    fn a_lettered_items_bracket_with_a_speck() {
        let read = |text: &str| read_with(read_item_letter_dot, text).join("\n");
        assert_eq!(
            read("c). Giao các xã\nđ). tổng hợp"),
            "c) Giao các xã\nđ) tổng hợp"
        );
        // Not a bracket elsewhere, a word, or a bracket glued to its word.
        for kept in ["theo mục c). Giao", "các). Giao", "c).Giao", "1). Giao"] {
            assert_eq!(read(kept), kept);
        }
    }

    #[test]
    fn a_stray_period_is_a_speck_or_a_comma() {
        // Read on decoded (small-letter) words, the case from the OCR.
        assert_eq!(read_lex(read_stray_period, "phối. hợp với"), "phối hợp với");
        assert_eq!(
            read_lex(read_stray_period, "phòng. chống thiên tai"),
            "phòng, chống thiên tai"
        );
        // Before a capital, after a word no sentence ends with.
        assert_eq!(
            read_lex(read_stray_period, "chủ trương của. Đảng"),
            "chủ trương của Đảng"
        );
        assert_eq!(
            read_lex(read_stray_period, "Văn phòng HĐND và. UBND xã"),
            "Văn phòng HĐND và UBND xã"
        );
        assert_eq!(
            read_lex(read_stray_period, "- Sở. Tài chính;"),
            "- Sở Tài chính;"
        );
        // A name's first half after a small word, not its end.
        assert_eq!(
            read_lex(read_stray_period, "Ủy ban nhân dân phường Tân. An báo cáo"),
            "Ủy ban nhân dân phường Tân An báo cáo"
        );
        assert_eq!(
            read_lex(read_stray_period, "tại xã Kỳ. Anh và huyện Lộc Hà"),
            "tại xã Kỳ Anh và huyện Lộc Hà"
        );
        assert_eq!(
            read_lex(read_stray_period, "của tỉnh Nghệ An. Năm 2025"),
            "của tỉnh Nghệ An. Năm 2025"
        );
        // A scan that prints specks (`phối. hợp`) drops one before a
        // capital at a smaller margin (`Chủ tịch. UBND`: 2.69).
        assert_eq!(
            read_lex(read_stray_period, "theo Chủ tịch. UBND tỉnh"),
            "theo Chủ tịch. UBND tỉnh"
        );
        assert_eq!(
            read_lex(read_stray_period, "phối. hợp với\ntheo Chủ tịch. UBND tỉnh"),
            "phối hợp với\ntheo Chủ tịch UBND tỉnh"
        );
        // `phòng` in small letters may end one (`Văn phòng. Các`).
        assert_eq!(
            read_lex(read_stray_period, "Văn phòng. Các xã"),
            "Văn phòng. Các xã"
        );
        // A sentence's end, an ellipsis or an abbreviation keeps its mark.
        for kept in [
            "hạn chế. Nguyên nhân",
            "các nội dung... theo",
            "tr. trang",
            "1.250 triệu đồng. Trong đó",
            "theo kế hoạch. Các xã",
        ] {
            assert_eq!(read_lex(read_stray_period, kept), kept);
        }
    }

    #[test]
    fn a_period_ending_a_line_before_a_small_word() {
        assert_eq!(
            read_lex(read_stray_period, "công tác phòng.\nchống thiên tai"),
            "công tác phòng,\nchống thiên tai"
        );
        assert_eq!(
            read_lex(read_stray_period, "đã khắc.\nphục hậu quả"),
            "đã khắc\nphục hậu quả"
        );
        // A capital next, a list item's garbled marker (`cy.` for `c)`,
        // `my` before a capital), or a blank line between: the period stays.
        for kept in [
            "hạn chế.\nNguyên nhân",
            "quy định.\ncy. Chi tiết",
            "xuống cấp.\nmy Duy trì",
            "xuống cấp.\n\nchủ động",
        ] {
            assert_eq!(read_lex(read_stray_period, kept), kept);
        }
    }

    #[test]
    fn a_period_before_a_figure_in_running_text() {
        assert_eq!(
            read_lex(read_stray_period, "trong năm học. 2025 - 2026"),
            "trong năm học 2025 - 2026"
        );
        // After a capitalised word (a heading's numeral, a sentence's
        // start), or before a stray figure of one or two digits that ends
        // the line (a column's), the period stays.
        for kept in ["hộ cận nghèo. 3", "Mục VI. 16 xã", "Năm. 2025 các"] {
            assert_eq!(read_lex(read_stray_period, kept), kept);
        }
    }

    #[test]
    fn a_speck_opening_an_item_among_dash_items_is_its_dash() {
        let read = |text: &str| read_with(read_speck_bullet, text).join("\n");
        assert_eq!(
            read("- Sở Tài chính;\n: Sở Xây dựng;\n_ Kho bạc Nhà nước;\n» Như trên;"),
            "- Sở Tài chính;\n- Sở Xây dựng;\n- Kho bạc Nhà nước;\n- Như trên;"
        );
        // A Roman numeral's heading, a small word, no dash item nearby.
        for kept in [
            "- Sở Tài chính;\n: IV. HIỆU QUẢ",
            "- Sở Tài chính;\n: các xã",
            "- Sở Tài chính;\nx\ny\n: Sở Xây dựng;",
        ] {
            assert_eq!(read(kept), kept);
        }
    }

    #[test]
    fn a_period_inside_a_list_item_that_goes_on_is_a_comma() {
        let read = |l: &str| read_with(read_item_period, l).concat();
        assert_eq!(
            read("- TT Đảng ủy. TT HĐND phường;"),
            "- TT Đảng ủy, TT HĐND phường;"
        );
        assert_eq!(
            read("+ Thường trực Tỉnh ủy. Thường trực HĐND tỉnh:"),
            "+ Thường trực Tỉnh ủy, Thường trực HĐND tỉnh:"
        );
        for kept in [
            // An item that ends with a period may hold two sentences.
            "- Đội ngũ gồm 316 nhân viên. Tỉ lệ giáo viên đạt.",
            // A recipients line with the signer's name after it.
            "- Lưu Văn phòng Tỉnh ủy. Trần Đức Quang",
            // No dash, a capital before the period, a small word after it.
            "Đảng ủy. TT HĐND phường;",
            "- KT. CHỦ TỊCH;",
            "- Đảng ủy. các xã;",
        ] {
            assert_eq!(read(kept), kept);
        }
    }

    #[test]
    fn a_cited_documents_list_goes_on_after_a_semicolon() {
        let read = |l: &str| read_with(read_citation_semicolon, l).concat();
        assert_eq!(read("năm 2025: Kế hoạch số 45"), "năm 2025; Kế hoạch số 45");
        assert_eq!(
            read("ngày 10/02/2025: Quyết định"),
            "ngày 10/02/2025; Quyết định"
        );
        // A colon before a list, or before another word, stays.
        assert_eq!(read("năm 2025: kế hoạch"), "năm 2025: kế hoạch");
        assert_eq!(read("năm 2025: Trong đó"), "năm 2025: Trong đó");
    }

    #[test]
    fn dossiers_are_counted() {
        let read = |l: &str| read_with(read_dossier_count, l).concat();
        assert_eq!(
            read("tiếp nhận 11.862 hệ số, đạt"),
            "tiếp nhận 11.862 hồ sơ, đạt"
        );
        for kept in [
            "bậc 1 hệ số 2,34",
            "1,5 hệ số",
            "với 2 hệ số lương",
            "năm 2025 hệ số",
        ] {
            assert_eq!(read(kept), kept);
        }
    }

    #[test]
    fn an_amount_of_money_beside_a_figure() {
        // OCR's `ty dong`, which the decoder read `tự động`.
        let read = |l: &str| {
            read_with(
                |lines, tokens, changes| {
                    for (ti, t) in tokens[0].iter().enumerate() {
                        match t.text(&lines[0]) {
                            "ty" | "tw" | "tư" => changes.insert((0, ti), phrase("tự", None)),
                            "dong" => changes.insert((0, ti), phrase("động", None)),
                            _ => {}
                        }
                    }
                    read_money_unit(lines, tokens, changes);
                },
                l,
            )
            .concat()
        };
        assert_eq!(read("tinh 5,84 ty dong"), "tinh 5,84 tỷ đồng");
        assert_eq!(read("dia ban ty dong 12,8"), "dia ban tỷ đồng 12,8");
        assert_eq!(read("quan trac ty dong chat"), "quan trac tự động chat");
        // `w` for `ư`: `5,84 tw dong`.
        assert_eq!(read("tinh 5,84 tw dong;"), "tinh 5,84 tỷ đồng;");
        assert_eq!(read("3,86 tư dong."), "3,86 tỷ đồng.");
    }

    #[test]
    fn a_g_for_the_o_of_bo() {
        assert_eq!(read_lex(read_g_for_o, "của BG Y tế"), "của Bộ Y tế");
        assert_eq!(
            read_lex(read_g_for_o, "qua BG phận một cửa"),
            "qua Bộ phận một cửa"
        );
        assert_eq!(read_lex(read_g_for_o, "- BG GIÁO DỤC"), "- BỘ GIÁO DỤC");
        assert_eq!(read_lex(read_g_for_o, "đã BG sung thêm"), "đã Bổ sung thêm");
        // Before a word no kept bigram gives either, or none, it stays.
        assert_eq!(read_lex(read_g_for_o, "mã BG 12"), "mã BG 12");
        assert_eq!(read_lex(read_g_for_o, "mã BG xyzq"), "mã BG xyzq");
    }

    #[test]
    fn a_capital_inside_a_word_is_written_small() {
        let lex = crate::lexicon::bundled();
        let lines: Vec<String> =
            vec!["đã triển Khai và phản Ánh, thực hiện Công văn số 12, của Ủy ban, Điều 5".into()];
        let tokens: Vec<Vec<Token>> = lines.iter().map(|l| text::tokenize(l)).collect();
        let mut changes = Changes::new(1);
        read_bound_capital(lex, &lines, &tokens, &mut changes);
        let lowered: Vec<&str> = (0..tokens[0].len())
            .filter(|&ti| changes.lowered.contains(&(0, ti)))
            .map(|ti| tokens[0][ti].text(&lines[0]))
            .collect();
        assert_eq!(lowered, ["Khai", "Ánh"]);
    }

    #[test]
    fn director_titles_before_a_token() {
        let at = |line: &str, ti: usize| after_director(line, &text::tokenize(line), ti);
        // `- Giám đốc, các PGĐ Sé;`: tokens `-`, ` `, `Giám`, ` `, `đốc`, `,`, …
        let line = "- Giám đốc, các PGD Sé;";
        let toks = text::tokenize(line);
        let se = toks.iter().position(|t| t.text(line) == "Sé").unwrap_or(0);
        assert!(at(line, se));
        assert!(at("Giám đốc S6 chủ trì", 4));
        assert!(!at("các cơ quan S6 chủ trì", 6));
        assert!(!at("đốc S6", 2), "đốc alone");
    }

    #[test]
    fn the_recipients_label_is_read_before_its_list() {
        let text = "Noi nha;\n- Như trên;\nNội dung:\n- Tuyên truyền;\nNoi phan: KT. GIÁM ĐỐC\n- Lưu: VT.\nNai aban:\nkhông có\nvới năm 2026;\n- Diện tích";
        let out = read_with(read_recipients_label, text);
        assert_eq!(
            out,
            [
                "Nơi nhận:",
                "- Như trên;",
                "Nội dung:",
                "- Tuyên truyền;",
                "Nơi nhận: KT. GIÁM ĐỐC",
                "- Lưu: VT.",
                "Nai aban:",
                "không có",
                "với năm 2026;",
                "- Diện tích"
            ]
        );
    }

    #[test]
    fn a_subject_line_opens_with_v_slash_v() {
        let text =
            "Viv chuẩn bị đón Tết\nV/y rà soát\nV / v tăng cường\nV/v triển khai\nViv Nguyễn\n/v báo cáo\nVW chi trả\nVAv cấp\nVay vốn\nVv rà soát";
        let out = read_with(read_subject_vv, text);
        assert_eq!(
            out,
            [
                "V/v chuẩn bị đón Tết",
                "V/v rà soát",
                "V / v tăng cường",
                "V/v triển khai",
                "Viv Nguyễn",
                "V/v báo cáo",
                "V/v chi trả",
                "V/v cấp",
                "Vay vốn",
                "V/v rà soát"
            ]
        );
    }

    #[test]
    fn a_basis_line_ends_with_a_semicolon() {
        let text = "Căn cứ Luật Tổ chức chính quyền địa phương:\nCăn cứ Nghị định số 30/2020/NĐ-CP,\nCăn cứ Quyết định số 12/QĐ-UBND:\nxét đề nghị:\nCần có ý kiến";
        let out = read_with(read_basis_end, text);
        assert_eq!(
            out,
            [
                "Căn cứ Luật Tổ chức chính quyền địa phương;",
                "Căn cứ Nghị định số 30/2020/NĐ-CP;",
                "Căn cứ Quyết định số 12/QĐ-UBND:",
                "xét đề nghị:",
                "Cần có ý kiến"
            ]
        );
    }

    #[test]
    fn a_comma_that_ends_a_paragraph_reads_a_dot() {
        let text = "đạt 95%,\n2. Tồn tại\nvà các xã,\n\nNăm 2026\ncác phòng,\nban ngành\n- Lưu: VT,\n- Sở Y tế\nhồ sơ,\n\ncòn lại";
        let out = read_with(read_paragraph_end, text);
        assert_eq!(
            out,
            [
                "đạt 95%.",
                "2. Tồn tại",
                "và các xã.",
                "",
                "Năm 2026",
                "các phòng,",
                "ban ngành",
                "- Lưu: VT,",
                "- Sở Y tế",
                "hồ sơ,",
                "",
                "còn lại"
            ]
        );
    }

    #[test]
    fn dots_of_numbered_headings() {
        let text = "4, Các giải pháp\n\n2: Tập huấn\n12, 5 hộ\n3,5 ha\n2, các xã\n56: 305/QĐ\nChính quyền\n50, Chuyển đổi số";
        let out = read_with(read_heading_dot, text);
        assert_eq!(
            out,
            [
                "4. Các giải pháp",
                "",
                "2. Tập huấn",
                "12, 5 hộ",
                "3,5 ha",
                "2, các xã",
                "56: 305/QĐ",
                "Chính quyền",
                "50, Chuyển đổi số"
            ]
        );
        // After a heading in capitals.
        let out = read_with(read_heading_dot, "III. NHIỆM VỤ NĂM 2025\n1, Phấn đấu");
        assert_eq!(out, ["III. NHIỆM VỤ NĂM 2025", "1. Phấn đấu"]);
        // Runs of specks, the word glued or spaced; a dot alone is kept.
        let text = "Hết.\n2:.Bà Hoa\nHết.\n4.-.Công an\nHết.\n2.. Phòng\nHết.\n2+Chỉ đạo\nHết.\n3.Sở\nHết.\n2-3 ngày";
        let out = read_with(read_heading_dot, text);
        assert_eq!(
            out,
            [
                "Hết.",
                "2. Bà Hoa",
                "Hết.",
                "4. Công an",
                "Hết.",
                "2. Phòng",
                "Hết.",
                "2. Chỉ đạo",
                "Hết.",
                "3.Sở",
                "Hết.",
                "2-3 ngày"
            ]
        );
    }

    #[test]
    fn dashes_of_list_items() {
        let text = "= Các xã;\n> UBND tỉnh;\n= 25 hộ\n+ Trạm y tế;\nx = y";
        let out = read_with(read_dash_bullet, text);
        let first: Vec<&str> = out.iter().filter_map(|l| l.split(' ').next()).collect();
        assert_eq!(first, ["-", "-", "=", "+", "x"]);
    }

    #[test]
    fn a_party_committee_is_a_unit_before_its_place() {
        let line = "HUYỆN ỦY THANH CHƯƠNG; huyện Nam Đàn";
        let toks = crate::text::tokenize(line);
        let changes = Changes::new(1);
        // `HUYỆN ỦY` ends after `ỦY` (token 2), `huyện` alone after itself.
        assert_eq!(unit_ends_at(line, &toks, 0, &changes, 0), Some(3));
        let at = toks.iter().position(|t| t.text(line) == "huyện");
        assert_eq!(
            at.and_then(|a| unit_ends_at(line, &toks, a, &changes, 0)),
            at.map(|a| a + 1)
        );
    }

    #[test]
    fn every_unit_opens_with_a_prefiltered_letter() {
        for (skeletons, _) in UNITS {
            assert!(skeletons[0]
                .chars()
                .next()
                .is_some_and(|c| UNIT_INITIALS.contains(&c)));
        }
    }

    #[test]
    fn opens_unit_is_a_skeleton_test() {
        let words = [
            "huyện",
            "HUYỆN",
            "Huyen",
            "tinh",
            "TỈNH",
            "thành",
            "thị",
            "xã",
            "XA",
            "phường",
            "PHUONG",
            "quận",
            "thôn",
            "ấp",
            "Ap",
            "tỉnhh",
            "phườngg",
            "thi6",
            "Σxa",
            "xã̃",
            "đ",
            "tính",
            "huyên",
            "Kelvin",
            "\u{212a}a",
            "a",
            "",
        ];
        for w in words {
            assert_eq!(
                opens_unit(w),
                UNITS.iter().any(|(k, _)| viet::skeleton_eq(w, k[0])),
                "{w}"
            );
        }
    }

    #[test]
    fn dat_before_a_percentage() {
        let out = read_with(read_dat_before_percent, "lớp đất 100%, đất 120 ha, Đặt 5%");
        assert_eq!(out, ["lớp đạt 100%, đất 120 ha, đạt 5%"]);
    }

    #[test]
    fn a_capital_o_for_a_counts_zero() {
        let out = read_with(
            read_zero_o,
            "thêm O1 sản phẩm, giữ OF bản, tháng O8 năm\nmã OF-2, O1 xe, thêm O1\nvà OK xe",
        );
        assert_eq!(
            out,
            [
                "thêm 01 sản phẩm, giữ 01 bản, tháng 08 năm",
                "mã OF-2, O1 xe, thêm 01",
                "và OK xe"
            ]
        );
    }

    #[test]
    fn a_lone_bar_after_a_part_of_a_legal_text_numbers_it() {
        let out = read_with(
            read_bar_after_part,
            "tại Điều | chịu trách nhiệm\nkhoản | Điều 4\nChương |\ncó tên tại Điều |\n\
             1 phần | công\n| Điều | 12 |\nĐiều |x\ntại khoản 1, 2 Mục | Báo cáo",
        );
        assert_eq!(
            out,
            [
                "tại Điều 1 chịu trách nhiệm",
                "khoản 1 Điều 4",
                "Chương I",
                "có tên tại Điều 1",
                "1 phần | công",
                "| Điều | 12 |",
                "Điều |x",
                "tại khoản 1, 2 Mục | Báo cáo",
            ]
        );
    }

    #[test]
    fn ty_and_a_figure_for_le() {
        let out = read_with(
            read_ty_le,
            "đạt ty 16 98,7%; Ty 18 hồ sơ, ty 1\nty 16/2024, ty 160 người, baty 16 x, ty 6 y\nty 1@ mắc, ty 1@x, ty 16@",
        );
        assert_eq!(
            out,
            [
                "đạt tỷ lệ 98,7%; tỷ lệ hồ sơ, tỷ lệ",
                "ty 16/2024, ty 160 người, baty 16 x, ty 6 y",
                "tỷ lệ mắc, ty 1@x, ty 16@"
            ]
        );
    }

    #[test]
    fn so_before_a_symbol() {
        let out = read_with(
            read_so_before_symbol,
            "Tờ trình 86 87/TTr-SYT, Công văn 56 36/UBND và 86 62/2020/NĐ-CP\n\
             có 86 3/4 xã, 86 87/ttr, 56 1234567/QĐ\n\
             Nghị định 36 95/2025/NĐ-CP, Quyết định 6 12/QĐ-UBND, có 16 12/QĐ-UBND, số 6 7/QĐ-TTg",
        );
        assert_eq!(
            out,
            [
                "Tờ trình số 87/TTr-SYT, Công văn số 36/UBND và số 62/2020/NĐ-CP",
                "có 86 3/4 xã, 86 87/ttr, 56 1234567/QĐ",
                "Nghị định số 95/2025/NĐ-CP, Quyết định số 12/QĐ-UBND, có 16 12/QĐ-UBND, số 6 7/QĐ-TTg"
            ]
        );
    }

    #[test]
    fn a_regions_numeral_after_khu_vuc_stays_as_printed() {
        // The decoder's `Xã` for every `X` and `XI`, then the reader.
        let read = |text: &str| {
            read_with(
                |lines, tokens, changes| {
                    for (li, toks) in tokens.iter().enumerate() {
                        for (ti, t) in toks.iter().enumerate() {
                            if matches!(t.text(&lines[li]), "X" | "XI") {
                                changes.insert((li, ti), phrase("Xã", None));
                            }
                        }
                    }
                    read_region_numeral(lines, tokens, changes);
                },
                text,
            )
            .concat()
        };
        assert_eq!(read("Kho bạc khu vực XI;"), "Kho bạc khu vực XI;");
        assert_eq!(read("Thuế khu vực X"), "Thuế khu vực X");
        assert_eq!(read("UBND X Tân An"), "UBND Xã Tân An");
    }

    #[test]
    fn the_archive_entry_of_the_recipients() {
        let read = |text: &str| read_with(read_archive_entry, text);
        assert_eq!(
            read("Nơi nhận:\n- Như trên;\n- V0, V1, V2;\n= hint V1; TH:"),
            [
                "Nơi nhận:",
                "- Như trên;",
                "- V0, V1, V2;",
                "- Lưu: VT, TH."
            ]
        );
        assert_eq!(
            read("Nơi nhận:\n- Như trên;\n- Lưu VT, NTM."),
            ["Nơi nhận:", "- Như trên;", "- Lưu: VT, NTM."]
        );
        // A bullet glued to the entry, or another mark for it.
        assert_eq!(
            read("Nơi nhận:\n- Như trên;\n-Luu: VT, TNMT."),
            ["Nơi nhận:", "- Như trên;", "- Lưu: VT, TNMT."]
        );
        assert_eq!(
            read("Nơi nhận:\n- Như trên;\n=Litd: VI, VP."),
            ["Nơi nhận:", "- Như trên;", "- Lưu: VT, VP."]
        );
        // A dash OCR lost.
        assert_eq!(
            read("Nơi nhận:\n- Như trên;\nLuu: VT, TH."),
            ["Nơi nhận:", "- Như trên;", "- Lưu: VT, TH."]
        );
        // The signer's name printed beside the entry keeps the dot before it.
        assert_eq!(
            read("Nơi nhận:\n- Như trên;\n- Luu: VT. Tran Thi My"),
            ["Nơi nhận:", "- Như trên;", "- Lưu: VT. Tran Thi My"]
        );
        // No label before: not a recipients list.
        assert_eq!(
            read("- Như trên;\n= hint V1; TH:"),
            ["- Như trên;", "= hint V1; TH:"]
        );
        // A word before a `V` that is no archive office.
        assert_eq!(
            read("Nơi nhận:\n- Ban Văn hóa;"),
            ["Nơi nhận:", "- Ban Văn hóa;"]
        );
        // The office's own `VP` after a word that is no `Lưu`; after one
        // that may be, OCR's `VT`.
        assert_eq!(
            read("Nơi nhận:\n- Chanh VP, cac PCVP;\n- Luu VP, TH."),
            ["Nơi nhận:", "- Chanh VP, cac PCVP;", "- Lưu: VT, TH."]
        );
    }

    #[test]
    fn the_number_label() {
        let out = read_with(
            read_number_label,
            "S60: 2164/VP-TH\nSố:; 312/QĐ-UBND\n$6; 87/2025/NQ-HĐND\nsố 4127/UBND\nS6: tháng\nSáu: 12/KH",
        );
        assert_eq!(
            out,
            [
                "Số: 2164/VP-TH",
                "Số: 312/QĐ-UBND",
                "Số: 87/2025/NQ-HĐND",
                "số 4127/UBND",
                "S6: tháng",
                "Sáu: 12/KH"
            ]
        );
    }

    #[test]
    fn a_province_after_its_words() {
        let read = |text: &str| read_with(read_province, text).concat();
        assert_eq!(
            read("ngân sách tính 7.420 triệu đồng"),
            "ngân sách tỉnh 7.420 triệu đồng"
        );
        assert_eq!(
            read("trên địa bàn tính Lâm Thượng"),
            "trên địa bàn tỉnh Lâm Thượng"
        );
        assert_eq!(
            read("cách tính 7.420 triệu đồng"),
            "cách tính 7.420 triệu đồng"
        );
    }

    #[test]
    fn drowning_after_its_words() {
        let read = |text: &str| read_with(read_drowning, text).concat();
        assert_eq!(
            read("phòng, chống dưới nước cho trẻ"),
            "phòng, chống đuối nước cho trẻ"
        );
        assert_eq!(read("01 người bị dưới nước"), "01 người bị đuối nước");
        assert_eq!(
            read("các môn thể thao dưới nước"),
            "các môn thể thao dưới nước"
        );
    }

    #[test]
    fn the_department_named_alone() {
        let out = read_with(
            read_department_so,
            "báo cáo về S6 (qua Phòng Quản lý)\nkết quả gửi về So.\n- Cổng TTĐT S6;\nQuyết định S6 12\nS6 (1)",
        );
        assert_eq!(
            out,
            [
                "báo cáo về Sở (qua Phòng Quản lý)",
                "kết quả gửi về Sở.",
                "- Cổng TTĐT Sở;",
                "Quyết định S6 12",
                "S6 (1)"
            ]
        );
    }

    #[test]
    fn so_with_a_glued_mark_after_a_director() {
        let out = read_with(
            read_department_so,
            "- Giám đốc, các PGĐ S@;\n- Giám đốc, các PGĐ S§\n- Giám đốc, các PGĐ S@)",
        );
        // A bracket after the mark is no end of the entry: the mark stays.
        assert_eq!(
            out,
            [
                "- Giám đốc, các PGĐ Sở;",
                "- Giám đốc, các PGĐ Sở",
                "- Giám đốc, các PGĐ Sở@)"
            ]
        );
    }

    #[test]
    fn a_plus_among_dash_items() {
        let out = read_with(
            read_plus_bullet,
            "- Một;\n+ Hai;\n- Ba:\n+ Bốn;\n+ Năm;\n- Sáu;\n+ Bảy\n+ Tám\n- Chín, trong\nđó:\n\n+ Mười",
        );
        assert_eq!(
            out,
            [
                "- Một;",
                "- Hai;",
                "- Ba:",
                "+ Bốn;",
                "+ Năm;",
                "- Sáu;",
                "+ Bảy",
                "+ Tám",
                "- Chín, trong",
                "đó:",
                "",
                "+ Mười"
            ]
        );
    }

    #[test]
    fn a_plus_in_the_recipients_list() {
        let out = read_with(
            read_plus_bullet,
            "+ Một;\nNơi nhận:\n+ Như trên;\n+ UBND tỉnh (b/c);\n- Lưu: VT.\n\nPhụ lục gồm:\n+ Hai;",
        );
        // Before the label and after the list's blank line, a `+` stays
        // where the sibling rule keeps it.
        assert_eq!(
            out,
            [
                "+ Một;",
                "Nơi nhận:",
                "- Như trên;",
                "- UBND tỉnh (b/c);",
                "- Lưu: VT.",
                "",
                "Phụ lục gồm:",
                "+ Hai;"
            ]
        );
    }

    #[test]
    fn a_dot_after_so_or_ngay_before_its_number() {
        let out = read_with(
            read_dot_before_number,
            "Kế hoạch số. 87/KH-UBND ngày. 02/6/2025 của\nban hành ngày.\n25/3/2025 và\nsố. Hai, ngày. Mai",
        );
        assert_eq!(
            out,
            [
                "Kế hoạch số 87/KH-UBND ngày 02/6/2025 của",
                "ban hành ngày",
                "25/3/2025 và",
                "số. Hai, ngày. Mai"
            ]
        );
    }

    #[test]
    fn thuy_before_san_and_loi() {
        let out = read_with(
            read_thuy,
            &[
                "nuôi trồng thi sản 47,2 ha",
                "công trình thì lợi với",
                "thì lợi ích của",
                "thị xã",
                // A woman's name.
                "bà Nguyễn Thị Lợi",
            ]
            .join("\n"),
        );
        assert_eq!(
            out,
            [
                "nuôi trồng thủy sản 47,2 ha",
                "công trình thủy lợi với",
                "thì lợi ích của",
                "thị xã",
                "bà Nguyễn Thị Lợi"
            ]
        );
    }

    #[test]
    fn a_speck_inside_a_wrapped_amount() {
        let out = read_with(
            read_scale_speck,
            &[
                "kinh phí 28 tỷ.",
                "đồng từ ngân sách; tổng 5 triệu.",
                "Đồng thời",
                "hỗ trợ 2 triệu;",
                "người được hỗ trợ",
            ]
            .join("\n"),
        );
        assert_eq!(
            out,
            [
                "kinh phí 28 tỷ",
                "đồng từ ngân sách; tổng 5 triệu.",
                "Đồng thời",
                "hỗ trợ 2 triệu;",
                "người được hỗ trợ",
            ]
        );
    }

    #[test]
    fn a_rows_unit_before_its_figures() {
        let out = read_with(
            read_row_unit,
            &[
                "1 Sản lượng lương thực tan 16.200 15.299,6 94,4",
                "2 Diện tích trồng rừng ha 180 +6,5",
                // One figure: prose may go on (`diện tích là 180`).
                "diện tích tan 180",
                // A name in capitals, and words after the figures.
                "8 Huyện Lộc Tan 86.410 13.960",
                "tổng cộng tan 180 186 ha",
            ]
            .join("\n"),
        );
        assert_eq!(
            out,
            [
                "1 Sản lượng lương thực tấn 16.200 15.299,6 94,4",
                "2 Diện tích trồng rừng ha 180 +6,5",
                "diện tích tan 180",
                "8 Huyện Lộc Tan 86.410 13.960",
                "tổng cộng tan 180 186 ha",
            ]
        );
    }

    #[test]
    fn tu_opens_a_span_of_dates() {
        let out = read_with(
            read_tu_before_date,
            &[
                "- TW ngày 04/7/2026 đến ngày 05/7/2026: thi vòng 2;",
                "(ttr ngày 23/8 đến ngày 29/8/2027)",
                // No `đến` after it, no date, a word that reads.
                "tu ngày 04/7/2026 thi vòng 2;",
                "tu ngày thứ hai đến ngày 05/7/2026",
                "trước ngày 04/7/2026 đến nay",
            ]
            .join("\n"),
        );
        assert_eq!(
            out,
            [
                "- Từ ngày 04/7/2026 đến ngày 05/7/2026: thi vòng 2;",
                "(từ ngày 23/8 đến ngày 29/8/2027)",
                "tu ngày 04/7/2026 thi vòng 2;",
                "tu ngày thứ hai đến ngày 05/7/2026",
                "trước ngày 04/7/2026 đến nay",
            ]
        );
    }

    #[test]
    fn a_quarter_garbled_past_its_ones() {
        for (head, want) in [
            ("1V", Some("IV")),
            ("['V", Some("IV")),
            ("TV", Some("IV")),
            ("[11", Some("III")),
            ("II]", Some("III")),
            ("IH1", Some("III")),
            // Ones alone are read_quarter_ones'; two marks say too little.
            ("111", None),
            ("III", None),
            ("II", None),
            ("TH", None),
            ("XV", None),
            ("ab]", None),
        ] {
            assert_eq!(quarter_from_glyphs(head), want, "{head}");
        }
        let out = read_with(
            read_quarter_ones,
            &[
                "từ quy [11/2026 chưa sử dụng",
                "trong quý II] năm 2025;",
                "quý TV.",
                // No year nor clause's end after it, or no `quy` before.
                "quý TV khác",
                "mã [11/2026",
            ]
            .join("\n"),
        );
        assert_eq!(
            out,
            [
                "từ quý III/2026 chưa sử dụng",
                "trong quý III năm 2025;",
                "quý IV.",
                "quý TV khác",
                "mã [11/2026",
            ]
        );
    }

    #[test]
    fn nine_months_go_with_the_third_quarter() {
        let out = read_with(
            read_quarter_ones,
            &[
                "sản xuất nông nghiệp quý II và 9 tháng đầu năm 2026;",
                "BÁO CÁO QUÝ II VÀ 9 THÁNG",
                // A mark kept between, other months, another quarter,
                // another word before.
                "quý II-và 9 tháng",
                "quý II và 6 tháng đầu năm",
                "quý I và 9 tháng",
                "cấp II và 9 tháng",
            ]
            .join("\n"),
        );
        assert_eq!(
            out,
            [
                "sản xuất nông nghiệp quý III và 9 tháng đầu năm 2026;",
                "BÁO CÁO QUÝ III VÀ 9 THÁNG",
                "quý II-và 9 tháng",
                "quý II và 6 tháng đầu năm",
                "quý I và 9 tháng",
                "cấp II và 9 tháng",
            ]
        );
    }

    #[test]
    fn the_million_abbreviation_kept() {
        let out = read_with(
            |lines, tokens, changes| {
                // As the decoder left them: `tr` read `từ`, the dot dropped.
                for (li, toks) in tokens.iter().enumerate() {
                    for (ti, t) in toks.iter().enumerate() {
                        let to = match t.text(&lines[li]) {
                            "tr" | "Tr" => "từ",
                            "." => "",
                            "d6ng" | "dong" => "đồng",
                            _ => continue,
                        };
                        changes.insert((li, ti), phrase(to, None));
                    }
                }
                read_million_abbrev(lines, tokens, changes);
            },
            &[
                "Kinh phí (tr.d6ng) | (tr.d/người) | (Tr.dong)",
                // No unit after the dot, or a word glued before `tr`.
                "xem tr.5 và str.dong",
            ]
            .join("\n"),
        );
        assert_eq!(
            out,
            [
                "Kinh phí (tr.đồng) | (tr.đ/người) | (Tr.đồng)",
                "xem từ5 và strđồng",
            ]
        );
    }

    #[test]
    fn a_date_opening_text_by_its_digits() {
        assert!(opens_date("02/6/2025 của"));
        assert!(!opens_date("02/6/25"));
        // A mark OCR set on the year's fourth byte is no digit, and no
        // slice inside it (a fuzzed scan panicked here).
        assert!(!opens_date("1/2/225\u{303}nh sau:"));
    }

    #[test]
    fn look_alikes_of_one_in_a_date_in_words() {
        let out = read_with(
            read_date_part,
            "ngày [2 tháng 1} năm 2025, ngày 2) tháng l2 năm\nngày 4( tháng [3 năm 2024\ntháng ]] năm, ngày 1] 2025, điểm [2 tháng",
        );
        assert_eq!(
            out,
            [
                "ngày 12 tháng 11 năm 2025, ngày 21 tháng 12 năm",
                // No day 41, no month 13.
                "ngày 4( tháng [3 năm 2024",
                // No digit; no `tháng` after; no `ngày` before.
                "tháng ]] năm, ngày 1] 2025, điểm [2 tháng"
            ]
        );
    }

    #[test]
    fn dong_chi_before_a_name() {
        let out = read_with(
            read_dong_chi,
            "liên hệ dòng chi Hoàng Thị Lan, động chi\nNguyễn Văn A; hoạt động chi tiêu",
        );
        assert_eq!(
            out,
            [
                "liên hệ đồng chí Hoàng Thị Lan, đồng chí",
                "Nguyễn Văn A; hoạt động chi tiêu"
            ]
        );
    }

    #[test]
    fn nam_before_a_year() {
        let out = read_with(
            read_nam_before_year,
            "Quỹ xã nam 2026; quý III nani 2027.\nViệt Nam 2045; nam 12 tuổi; nam 20262; NAM 2045",
        );
        assert_eq!(
            out,
            [
                "Quỹ xã năm 2026; quý III năm 2027.",
                "Việt Nam 2045; nam 12 tuổi; nam 20262; NAM 2045"
            ]
        );
    }

    #[test]
    fn ngay_garbled_before_a_day() {
        let out = read_with(
            read_ngay_before_day,
            "NĐ-CP rigay 26 tháng 9 năm 2025; NQ-CP igay 16 tháng 01\n\
             đến nay 12 tháng; trong 12 tháng; ngày 5 tháng 3; ngay 40 tháng; cứu nạn 6 tháng",
        );
        assert_eq!(
            out,
            [
                "NĐ-CP ngày 26 tháng 9 năm 2025; NQ-CP ngày 16 tháng 01",
                "đến nay 12 tháng; trong 12 tháng; ngày 5 tháng 3; ngay 40 tháng; cứu nạn 6 tháng"
            ]
        );
    }

    #[test]
    fn a_target_after_a_figure() {
        let out = read_with(
            read_target_after_figure,
            "hoàn thành 100% chi tiêu giao; bổ sung 236 chi tiêu; chi tiêu 12 tỷ; tiết kiệm chi tiêu",
        );
        assert_eq!(
            out,
            ["hoàn thành 100% chỉ tiêu giao; bổ sung 236 chỉ tiêu; chi tiêu 12 tỷ; tiết kiệm chi tiêu"]
        );
    }

    #[test]
    fn a_roads_code() {
        let out = read_with(
            read_road_code,
            "tuyến DH.29 kéo dài, DT.624 và DH12; DT 2026, DH.a, DHT.5, dh.29, DH.12345",
        );
        assert_eq!(
            out,
            ["tuyến ĐH.29 kéo dài, ĐT.624 và ĐH12; DT 2026, DH.a, DHT.5, dh.29, DH.12345"]
        );
    }

    #[test]
    fn a_tax_office_and_the_deputies_delegation() {
        let out = read_with(
            read_office_names,
            "Thuế co so 5 tỉnh; thuế cơ sở tại; Thuế co so2\n- Doan DBQH tỉnh; đoạn DBQH; DOAN DBQH; Doan DBQHX",
        );
        assert_eq!(out[0], "Thuế cơ sở 5 tỉnh; thuế cơ sở tại; Thuế co so2");
        assert_eq!(out[1], "- đoàn ĐBQH tỉnh; đoàn ĐBQH; đoàn ĐBQH; Doan DBQHX");
    }

    #[test]
    fn a_tax_office_by_its_capital() {
        let out = read_with(
            read_office_names,
            "1 Thuê cơ sở 3 (khu vực); các Thuê cơ sở trực thuộc Thué tỉnh, Thuê thành phố\n\
             Thuê cơ sở vật chất; thuê cơ sở 2 năm; Cho Thuê nhà; Thuê khu đất",
        );
        assert_eq!(
            out[0],
            "1 thuế cơ sở 3 (khu vực); các thuế cơ sở trực thuộc thuế tỉnh, thuế thành phố"
        );
        assert_eq!(
            out[1],
            "Thuê cơ sở vật chất; thuê cơ sở 2 năm; Cho Thuê nhà; Thuê khu đất"
        );
    }

    #[test]
    fn signs_after_increase_and_decrease() {
        let out = read_with(
            read_sign_words,
            "Tầng (+), giám (-); Tăng (+); tang (+)/giam (-); Tầng 5 (+); giám đốc (-)",
        );
        assert_eq!(
            out[0],
            "tăng (+), giảm (-); Tăng (+); tăng (+)/giảm (-); Tầng 5 (+); giám đốc (-)"
        );
    }

    #[test]
    fn quy_before_a_quarter_numeral() {
        let out = read_with(
            read_quarter_ones,
            "xây dựng quy II/2026 tăng; Quỹ IV năm 2027, QUY III.\nquy hoạch; quý I; quy 2/2026; quy IX",
        );
        assert_eq!(
            out[0],
            "xây dựng quý II/2026 tăng; quý IV năm 2027, quý III."
        );
        assert_eq!(out[1], "quy hoạch; quý I; quy 2/2026; quy IX");
    }

    #[test]
    fn a_portal_before_its_acronym() {
        let out = read_with(
            read_portal,
            "- Công TTĐT tỉnh; Công DVCQG, công TTDT, Công ty TNHH, Công  TTĐT",
        );
        assert_eq!(
            out,
            ["- cổng TTĐT tỉnh; cổng DVCQG, cổng TTDT, Công ty TNHH, Công  TTĐT"]
        );
    }

    #[test]
    fn a_police_departments_zero() {
        let out = read_with(
            read_police_code,
            "1248/CAT-PVO1; PCO7, PC06; POO1; PHO; SO6; pvo1; PAOS, PVOI, PCOG, PCOB, PROS, PAQS",
        );
        assert_eq!(
            out,
            ["1248/CAT-PV01; PC07, PC06; POO1; PHO; SO6; pvo1; PA05, PV01, PC06, PCOB, PROS, PA05"]
        );
    }

    #[test]
    fn the_unit_under_a_committees_name() {
        let out = read_with(
            read_unit_under_body,
            "UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM\n\
             PHUONG KINH BAC Doc lap - Tu do - Hanh phuc\n\
             PHUONG HUONG NHIEM VU\nUY BAN NHAN DAN\nPHUONG\n",
        );
        // In small letters until the OCR's case is restored.
        assert_eq!(out[1], "phường KINH BAC Doc lap - Tu do - Hanh phuc");
        assert_eq!(out[2], "PHUONG HUONG NHIEM VU", "no body above");
        assert_eq!(out[4], "PHUONG", "no name after the unit");
    }

    #[test]
    fn a_colon_for_a_thousands_dot() {
        let out = read_with(
            read_thousands_colon,
            "TỔNG CỘNG 66.920 +5:055 71.975; 24:757/21.840 em\n\
             lúc 8:30; tỷ lệ 1:500; số 6:118/2025; có 6:142 hộ; 2.204:2.366; 12:6000; a4:120",
        );
        assert_eq!(
            out,
            [
                "TỔNG CỘNG 66.920 +5.055 71.975; 24:757/21.840 em",
                "lúc 8:30; tỷ lệ 1:500; số 6:118/2025; có 6:142 hộ; 2.204:2.366; 12:6000; a4:120"
            ]
        );
        let out = read_with(read_thousands_colon, "(4:240 tỷ đồng), 1.120:450 và 9:035.");
        assert_eq!(out, ["(4.240 tỷ đồng), 1.120.450 và 9.035."]);
    }

    #[test]
    fn a_span_of_years_takes_its_dash() {
        let out = read_with(
            read_year_span_dash,
            "giai đoạn 2026 = 2030;\n2030 = 2026; 2026 = 15; a = b; 2026=2030",
        );
        assert_eq!(
            out,
            [
                "giai đoạn 2026 - 2030;",
                "2030 = 2026; 2026 = 15; a = b; 2026=2030"
            ]
        );
    }

    #[test]
    fn a_dash_between_words_printed_as_an_equals_sign() {
        let out = read_with(
            read_word_dash,
            "phát triển kinh tế = xã hội; sởi ~ rubella\n\
             08 tập thể = 37.440.000 đồng; BI = 46; tín chỉ = (mức thu); a=b; S6 = c6",
        );
        assert_eq!(
            out,
            [
                "phát triển kinh tế - xã hội; sởi - rubella",
                "08 tập thể = 37.440.000 đồng; BI = 46; tín chỉ = (mức thu); a=b; S6 = c6"
            ]
        );
    }

    #[test]
    fn a_terms_khoa_before_its_numeral() {
        let out = read_with(
            read_term_khoa,
            "HĐND tỉnh khoa X, kỳ họp thứ 5\nKhoa Ngoại; khoa 2; khoa IIII; khoa XV\n\
             khoa XH, kỳ họp thứ mười; khoa, kỳ họp\nbác sĩ chuyên khoa II; Đại học Y khoa I",
        );
        assert_eq!(
            out,
            [
                "HĐND tỉnh khóa X, kỳ họp thứ 5",
                "Khoa Ngoại; khoa 2; khoa IIII; khóa XV",
                "khóa XH, kỳ họp thứ mười; khóa, kỳ họp",
                "bác sĩ chuyên khoa II; Đại học Y khoa I"
            ]
        );
    }

    #[test]
    fn a_dash_with_a_speck() {
        let out = read_with(
            read_dash_dot,
            "Độc lập -. Tự do\n-. Triển khai\n5-.3 và -.x",
        );
        assert_eq!(out, ["Độc lập - Tự do", "- Triển khai", "5-.3 và -.x"]);
    }

    #[test]
    fn a_semicolon_after_a_sum_of_money() {
        let out = read_with(
            read_money_semicolon,
            "tỉnh 7.420 triệu đồng: ngân sách huyện\n5 tỷ đồng: Ngân sách\nhợp đồng: bên",
        );
        assert_eq!(
            out,
            [
                "tỉnh 7.420 triệu đồng; ngân sách huyện",
                "5 tỷ đồng: Ngân sách",
                "hợp đồng: bên"
            ]
        );
    }

    #[test]
    fn offices_of_an_archive_entry_take_commas() {
        let out = read_with(
            read_archive_commas,
            "- Lưu: VT. XDKTVB. HCTP.\n- Lưu: VT, CCVC. Đỗ Quang Vinh\n- Sở: VT. KT.",
        );
        assert_eq!(
            out,
            [
                "- Lưu: VT, XDKTVB, HCTP.",
                "- Lưu: VT, CCVC. Đỗ Quang Vinh",
                "- Sở: VT. KT."
            ]
        );
    }

    #[test]
    fn list_items_end_with_a_semicolon() {
        let text = "- UBND tỉnh:\n- Sở Nội vụ:\n~ Các xã:\n+ Trạm y tế:\n- Lưu: VT.";
        let out = read_with(read_list_item_end, text);
        // Before a sibling (OCR's `~` for a dash counts as one); not before
        // a sub-list's `+`, nor a colon inside the line.
        assert_eq!(
            out,
            [
                "- UBND tỉnh;",
                "- Sở Nội vụ;",
                "~ Các xã:",
                "+ Trạm y tế:",
                "- Lưu: VT."
            ]
        );
        // After a closing aside or a figure too; not a spaced colon.
        let out = read_with(
            read_list_item_end,
            "- UBND tỉnh (b/c):\n- Đạt 10%:\n- Các sở :\n- Lưu: VT.",
        );
        assert_eq!(
            out,
            [
                "- UBND tỉnh (b/c);",
                "- Đạt 10%;",
                "- Các sở :",
                "- Lưu: VT."
            ]
        );
    }

    #[test]
    fn de_before_what_a_copy_is_sent_for() {
        let read = |line: &str| read_with(read_sent_for, line).concat();
        assert_eq!(read("- UBND tỉnh (đề b/c);"), "- UBND tỉnh (để b/c);");
        assert_eq!(read("- Các sở (dé t/h);"), "- Các sở (để t/h);");
        assert_eq!(read("đề nghị UBND tỉnh"), "đề nghị UBND tỉnh");
        assert_eq!(read("(đề b/x)"), "(đề b/x)");
    }

    #[test]
    fn codes_split_after_their_first_letter() {
        let read = |line: &str| read_lex(read_split_code, line);
        assert_eq!(
            read("Công văn số 36/U BND-KT của U BND huyện"),
            "Công văn số 36/UBND-KT của UBND huyện"
        );
        // A syllable, a code of its own, or a letter glued to a word: kept.
        assert_eq!(read("SỞ Y TE"), "SỞ Y TE");
        assert_eq!(read("U KH"), "U KH");
        assert_eq!(read("aU BND"), "aU BND");
    }

    #[test]
    fn a_symbols_slash_misread() {
        let read = |line: &str| read_lex(read_symbol_slash, line);
        assert_eq!(
            read("số 31°KH-UBND, 87;QĐ-SNV và 24/2014:NĐ-CP"),
            "số 31/KH-UBND, 87/QĐ-SNV và 24/2014/NĐ-CP"
        );
        // No hyphen after, a space before, or no code: kept.
        assert_eq!(read("ngày 5: KH-UBND"), "ngày 5: KH-UBND");
        assert_eq!(read("Điều 5:Nay-mai"), "Điều 5:Nay-mai");
        assert_eq!(read("lúc 9:KH xong"), "lúc 9:KH xong");
    }

    #[test]
    fn a_speck_printed_as_a_comma_in_a_specky_scan() {
        let lex = crate::lexicon::bundled();
        let read =
            |text: &str| read_with(|l, t, c| read_stray_period(lex, l, t, c), text).join("\n");
        // Enough specks (`phối. hợp`, `trong. xã`) for the share.
        let specky = "phối. hợp với các. ngành trong. xã\nxử lý trộm, cắp tài sản";
        assert_eq!(
            read(specky),
            "phối hợp với các ngành trong xã\nxử lý trộm cắp tài sản"
        );
        // A scan without specks keeps its commas; a list's comma stays.
        let clean = "xử lý trộm, cắp tài sản";
        assert_eq!(read(clean), clean);
        let list = "phối. hợp với các. ngành trong. xã\ncán bộ, công chức";
        assert!(read(list).ends_with("cán bộ, công chức"), "{}", read(list));
    }

    #[test]
    fn a_comma_glued_between_small_words() {
        let read = |line: &str| read_lex(read_glued_comma, line);
        assert_eq!(read("đã phối,hợp với các sở"), "đã phối hợp với các sở");
        assert_eq!(
            read("công tác phòng,chống thiên tai"),
            "công tác phòng, chống thiên tai"
        );
        // Spaced, before a capital or a figure, in a code: kept.
        for kept in ["đã phối, hợp với", "phối,Hợp với", "năm,2026", "Lưu: VT,TH"] {
            assert_eq!(read(kept), kept);
        }
    }

    #[test]
    fn a_colon_inside_a_phrase() {
        let read = |line: &str| read_lex(read_stray_colon, line);
        assert_eq!(
            read("giải quyết thủ: tục hành chính"),
            "giải quyết thủ tục hành chính"
        );
        // Inside a clause, where the next word only needs to follow more
        // often than a segment ends (`chủ động`: 0.032 against 0.020).
        assert_eq!(
            read("các đơn vị chủ: động rà soát"),
            "các đơn vị chủ động rà soát"
        );
        // After a word colons follow, before a capital, spaced, unknown,
        // after a clause's first word: kept.
        for kept in [
            "Chủ: động rà soát",
            "thành phần gồm: các sở",
            "kết luận như sau: các xã",
            "giải quyết thủ: Tục",
            "giải quyết thủ : tục",
            "giải quyết xyzw: tục",
        ] {
            assert_eq!(read(kept), kept);
        }
    }

    #[test]
    fn place_names_after_their_unit_word() {
        let read = |line: &str| read_lex(read_place_after_unit, line);
        assert_eq!(
            read("trên địa bàn huyện Phước Làm như sau"),
            "trên địa bàn huyện Phước Lâm như sau"
        );
        assert_eq!(
            read("UBND thị trấn Tân Hòa Đồng"),
            "UBND thị trấn Tân Hòa Đông"
        );
        // A name printed in capitals keeps them.
        assert_eq!(read("CÔNG AN TỈNH DAK LAK"), "CÔNG AN TỈNH ĐẮK LẮK");
        // A hamlet or a village takes a listed place's name too (many are
        // named as communes are).
        assert_eq!(
            read("tại ấp Phước Làm và thôn Tân Hòa Đồng"),
            "tại ấp Phước Lâm và thôn Tân Hòa Đông"
        );
        // Spelled as listed (tone placement aside), not capitalised, or
        // after no unit word: left alone.
        assert_eq!(read("xã Hoà Vinh"), "xã Hoà Vinh");
        assert_eq!(read("huyện phước làm"), "huyện phước làm");
        assert_eq!(read("Ông Phước Làm"), "Ông Phước Làm");
    }
}
