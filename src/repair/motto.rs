//! The fixed lines of every document's header: the country's name and its
//! motto, read whole where OCR garbled a word or a dash of them.
//!
//! Nghị định 30/2020 prints `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` and `Độc
//! lập - Tự do - Hạnh phúc` atop every administrative document, and OCR
//! damages them like any text (`XÃ HOD CHỦ`, `CHU-NGHIA`, `Độc lập: Tự do`).
//! A run of a line's words that spells most of one of them, each other word
//! within two letters of its own (marks aside), or one token two of its
//! words glued (`HOLCHU`, `VIETNAM`), is read as it: the words take their
//! spelling and the marks between them the phrase's. A run
//! printed in small letters (`Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam`
//! in running text) keeps each word's case.

use super::{Change, Changes, LONE_O_CONFIDENCE};
use crate::text::{viet, Token, TokenKind};
use std::sync::OnceLock;

/// A fixed phrase: its words and what stands between each two of them.
struct Phrase {
    /// The words' skeletons, computed on first use.
    skeletons: OnceLock<Vec<String>>,
    /// Their first letters, likewise.
    initials: OnceLock<Vec<char>>,
    words: &'static [&'static str],
    /// `gaps[k]` goes between `words[k]` and `words[k + 1]`: a space, or a
    /// dash with a space either side.
    gaps: &'static [Gap],
    /// Fewest words that must match exactly (marks and case aside).
    exact: usize,
    /// Fewest first words that may stand alone at a line's end, the rest
    /// wrapped onto the next line (`CỘNG HÒA … CHỦ NGHĨA` / `VIỆT NAM`);
    /// the whole phrase where it never wraps.
    wrapped: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    Space,
    Dash,
}

static NATION: Phrase = Phrase {
    skeletons: OnceLock::new(),
    initials: OnceLock::new(),
    words: &["CỘNG", "HÒA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "NAM"],
    gaps: &[Gap::Space; 7],
    exact: 5,
    wrapped: 6,
};

static MOTTO: Phrase = Phrase {
    skeletons: OnceLock::new(),
    initials: OnceLock::new(),
    words: &["Độc", "lập", "Tự", "do", "Hạnh", "phúc"],
    gaps: &[Gap::Space, Gap::Dash, Gap::Space, Gap::Dash, Gap::Space],
    exact: 4,
    wrapped: 6,
};

impl Phrase {
    /// The skeletons of the phrase's words (marks and case aside).
    fn skeletons(&self) -> &[String] {
        self.skeletons
            .get_or_init(|| self.words.iter().map(|w| viet::skeleton(w)).collect())
    }

    /// The first letters of the phrase's word skeletons.
    fn initials(&self) -> &[char] {
        self.initials.get_or_init(|| {
            self.skeletons()
                .iter()
                .filter_map(|w| w.chars().next())
                .collect()
        })
    }
}

/// Most letters (of skeletons) a word of a fixed phrase may differ by.
const WORD_EDITS: usize = 2;

/// Reads the country's name and motto where OCR damaged them (see the
/// module documentation).
pub(super) fn read_fixed_header_lines(
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for phrase in [&NATION, &MOTTO] {
            read_phrase(phrase, li, line, toks, changes);
        }
    }
}

fn read_phrase(phrase: &Phrase, li: usize, line: &str, toks: &[Token], changes: &mut Changes) {
    let wanted = phrase.skeletons();
    let initials = phrase.initials();
    // A run's exact words each spell one of the phrase's words: a line with
    // fewer such words than a run needs holds no run (most lines), which
    // these allocation-free tests tell before any skeleton or edit distance.
    // A word whose first letter is an ASCII base letter no phrase word starts
    // with spells none of them.
    let (mut n_words, mut spelled) = (0, 0);
    for (ti, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        n_words += 1;
        let text = changes.text(line, t, (li, ti));
        let opens = text.chars().next().map(viet::base_letter);
        if opens.is_some_and(|b| b.is_ascii() && !initials.contains(&b.to_ascii_lowercase())) {
            continue;
        }
        if wanted.iter().any(|want| viet::skeleton_eq(text, want)) {
            spelled += 1;
        }
    }
    // One token may spell two of the phrase's words glued (`HOLCHU`,
    // `VIETNAM`), so a line may hold the phrase in one word fewer.
    if n_words + 1 < phrase.wrapped || spelled < phrase.exact {
        return;
    }
    let words: Vec<usize> = (0..toks.len())
        .filter(|&i| toks[i].kind == TokenKind::Word)
        .collect();
    let n = phrase.words.len();
    // Each word's skeleton, computed when a run first reaches it.
    let mut skeletons: Vec<Option<String>> = vec![None; words.len()];
    let mut run: Vec<Spelled> = Vec::with_capacity(n);
    for start in 0..words.len() {
        // The whole phrase, or its first words ending the line: each token
        // spells one of its words, or two glued.
        run.clear();
        let (mut k, mut exact) = (0, 0);
        let mut close = true;
        for (j, &ti) in words[start..].iter().enumerate() {
            if k == n {
                break;
            }
            let now = skeletons[start + j]
                .get_or_insert_with(|| viet::skeleton(changes.text(line, &toks[ti], (li, ti))));
            match spell(now, &wanted[k..]) {
                Some((span, exact_words)) => {
                    exact += exact_words;
                    run.push(Spelled { ti, word: k, span });
                    k += span;
                }
                None => {
                    close = false;
                    break;
                }
            }
        }
        if !close || k < phrase.wrapped || exact < phrase.exact {
            continue;
        }
        let (first, last) = (run[0].ti, run[run.len() - 1].ti);
        // Only marks between the run's words (no figure, no code).
        let between_marks = (first..last).all(|i| {
            matches!(
                toks[i].kind,
                TokenKind::Word | TokenKind::Space | TokenKind::Punct
            )
        });
        if !between_marks {
            continue;
        }
        // The motto stands alone at the end of its line (the issuer's block
        // may precede it), its first word capitalised: in running text
        // `độc lập, tự do` is no motto.
        let line_end = toks[last + 1..]
            .iter()
            .all(|t| matches!(t.kind, TokenKind::Space | TokenKind::Punct));
        if k < n && !line_end {
            continue;
        }
        let capital = toks[first].text(line).starts_with(char::is_uppercase);
        if phrase.gaps.contains(&Gap::Dash) && !(line_end && capital) {
            continue;
        }
        rewrite(phrase, &run, li, line, toks, changes);
        return;
    }
}

/// One token of a run and the phrase's words it spells:
/// `words[word..word + span]`.
#[derive(Clone, Copy)]
struct Spelled {
    ti: usize,
    word: usize,
    span: usize,
}

/// How many of the phrase's words `wanted` (skeletons, from the next one
/// on) the token skeleton `now` spells, and how many of them exactly: the
/// next word within [`WORD_EDITS`] letters, else the next two glued
/// (`vietnam`, `holchu`) within as many.
fn spell(now: &str, wanted: &[String]) -> Option<(usize, usize)> {
    let want = wanted.first()?;
    if now == want.as_str() {
        return Some((1, 1));
    }
    let one = strsim::levenshtein(now, want);
    if one <= 1 {
        return Some((1, 0));
    }
    let two = wanted.get(1).map(|next| {
        if now.len() + WORD_EDITS < want.len() + next.len() {
            return usize::MAX;
        }
        strsim::levenshtein(now, &format!("{want}{next}"))
    });
    match two {
        Some(0) => Some((2, 2)),
        Some(d) if d < one && d <= WORD_EDITS => Some((2, 0)),
        _ if one <= WORD_EDITS => Some((1, 0)),
        _ => None,
    }
}

/// Where the right column of a two-column header line starts, as OCR printed
/// it: the first word of the country's name or of the motto after another
/// word of the line (`THANH TRA TINH Dic ap - Tw do`, `UBND TINH HA NGUYEN
/// CONG HOA XA HOI`). The left column's last word has no context in the
/// right column's first (`tính độc lập` is a phrase; `THANH TRA TỈNH` is the
/// office), so the decoder reads a segment break there.
///
/// Looser than [`read_fixed_header_lines`], which reads the phrase whole: the
/// country's name by its first three words in capitals, at least two exact
/// and the third within one letter (marks aside; running text's `nước Cộng
/// hòa xã hội` is no column); the motto by its first two words within one
/// letter each, the first capitalised, then a dash.
pub(super) fn column_start(line: &str, toks: &[Token]) -> Option<usize> {
    let near = |ti: usize, want: &str| {
        let w = toks[ti].text(line);
        // Asked after cheaper tests; the length spares most the skeleton.
        w.chars().count().abs_diff(want.len()) <= 1
            && strsim::levenshtein(&viet::skeleton(w), want) <= 1
    };
    let capitals = |ti: usize| !toks[ti].text(line).chars().any(char::is_lowercase);
    // The line's words, by token index; nothing is allocated.
    let mut words = (0..toks.len()).filter(|&i| toks[i].kind == TokenKind::Word);
    words.next()?;
    while let Some(a) = words.next() {
        let mut rest = words.clone();
        let (b, c) = (rest.next(), rest.next());
        if let (Some(b), Some(c)) = (b, c) {
            // Capitals first: they rule out running text's words at once.
            let exact = || {
                [(a, "cong"), (b, "hoa"), (c, "xa")]
                    .iter()
                    .filter(|(t, want)| viet::skeleton_eq(toks[*t].text(line), want))
                    .count()
            };
            if [a, b, c].into_iter().all(capitals)
                && exact() >= 2
                && near(a, "cong")
                && near(b, "hoa")
                && near(c, "xa")
            {
                return Some(a);
            }
        }
        if let Some(b) = b {
            let dash = || {
                toks[b + 1..]
                    .iter()
                    .take_while(|t| t.kind != TokenKind::Word)
                    .any(|t| t.kind == TokenKind::Punct && t.text(line).contains('-'))
            };
            if toks[a].text(line).starts_with(char::is_uppercase)
                && dash()
                && near(a, "doc")
                && near(b, "lap")
            {
                return Some(a);
            }
        }
    }
    None
}

/// Rewrites the run `run` (the tokens spelling the phrase's words) as
/// `phrase`.
fn rewrite(
    phrase: &Phrase,
    run: &[Spelled],
    li: usize,
    line: &str,
    toks: &[Token],
    changes: &mut Changes,
) {
    // The phrase's own case where most of the run is in capitals or the
    // phrase mixes cases (the motto); otherwise each word in its printed case.
    let printed_upper = run
        .iter()
        .filter(|s| {
            let w = toks[s.ti].text(line);
            w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
        })
        .count();
    let phrase_upper = phrase
        .words
        .iter()
        .all(|w| !w.chars().any(char::is_lowercase));
    let own_case = !phrase_upper || printed_upper * 2 > run.len();
    let set = |ti: usize, to: String, changes: &mut Changes| {
        let now = changes.text(line, &toks[ti], (li, ti));
        if now != to {
            let from = now.to_owned();
            changes.insert(
                (li, ti),
                Change {
                    to,
                    confidence: LONE_O_CONFIDENCE,
                    runner_up: Some(from),
                },
            );
        }
    };
    // Each word in its printed case: capitalised where the token opens
    // with a capital.
    let printed_case = |ti: usize, want: &str| {
        let pattern = if toks[ti].text(line).starts_with(char::is_uppercase) {
            viet::CasePattern::Title
        } else {
            viet::CasePattern::Lower
        };
        viet::apply_case(&want.to_lowercase(), pattern)
    };
    for (k, s) in run.iter().enumerate() {
        let ti = s.ti;
        // The token's words, the gap between glued ones spelled out.
        let mut to = String::new();
        for w in s.word..s.word + s.span {
            if w > s.word {
                to.push_str(match phrase.gaps[w - 1] {
                    Gap::Space => " ",
                    Gap::Dash => " - ",
                });
            }
            let want = phrase.words[w];
            if own_case {
                to.push_str(want);
            } else {
                to.push_str(&printed_case(ti, want));
            }
        }
        set(ti, to, changes);
        if own_case && changes.get((li, ti)).is_some() {
            // The phrase's case, not the case OCR's glyphs suggest (`D6c`
            // after an issuer in capitals is no `ĐỘC`).
            changes.keep_case((li, ti));
        }
        let Some(next) = run.get(k + 1).map(|s| s.ti) else {
            break;
        };
        let gap = phrase.gaps[s.word + s.span - 1];
        let marks: Vec<usize> = (ti + 1..next)
            .filter(|&i| toks[i].kind == TokenKind::Punct)
            .collect();
        let spaced = (ti + 1..next).any(|i| toks[i].kind == TokenKind::Space);
        match (gap, marks.first()) {
            (Gap::Space, _) => {
                // Marks between words of one run go; glued words get a space.
                for (j, &m) in marks.iter().enumerate() {
                    let to = if j == 0 && !spaced { " " } else { "" };
                    set(m, to.to_owned(), changes);
                }
            }
            (Gap::Dash, Some(&first)) => {
                // The dash OCR kept, else its first mark, becomes the dash,
                // spaced; the other marks go.
                let dash = marks
                    .iter()
                    .copied()
                    .find(|&m| matches!(toks[m].text(line), "-" | "–" | "—"))
                    .unwrap_or(first);
                let spaced_at = |i: usize| toks[i].kind == TokenKind::Space;
                let before = if spaced_at(dash - 1) { "" } else { " " };
                let after = if spaced_at(dash + 1) { "" } else { " " };
                set(dash, format!("{before}-{after}"), changes);
                for &m in marks.iter().filter(|&&m| m != dash) {
                    set(m, String::new(), changes);
                }
            }
            // A dash OCR lost altogether: left for the header to tell.
            (Gap::Dash, None) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<String> {
        super::super::phrases::tests::read_with(read_fixed_header_lines, text)
    }

    #[test]
    fn the_nations_name_read_whole() {
        assert_eq!(
            read("CỘNG HÒA XÃ HOD CHỦ NGHĨA VIỆT NAM\nCỘNG HÒA XÃ HỘI CHU-NGHIA VIỆT NAM"),
            [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
            ]
        );
        // Beside the issuer, columns merged; a mark glued inside.
        assert_eq!(
            read("UBND TỈNH PHÚ THỌ CỘNG HÒA XÃ HỘ! CHỦ NGHĨA VIỆT. NĂM"),
            ["UBND TỈNH PHÚ THỌ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
        );
        // Wrapped after `NGHĨA`, its last words on the next line.
        assert_eq!(
            read("BẢO HIỂM XÃ HỘI TỈNH CỘNG HÒA XÃ HOI-CHU. NGHIA\nVIỆT NAM."),
            [
                "BẢO HIỂM XÃ HỘI TỈNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
                "VIỆT NAM."
            ]
        );
        // Two of its words glued into one token, each pair spelled out.
        assert_eq!(
            read("UBND TỈNH CỘNG HÒA XÃ HOLCHU NGHĨA VIỆT NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIETNAM"),
            [
                "UBND TỈNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
            ]
        );
        // Running text keeps its case.
        assert_eq!(
            read("của nước Cộng hòa xã hội chủ nghĩa Việt Nám"),
            ["của nước Cộng hòa xã hội chủ nghĩa Việt Nam"]
        );
    }

    #[test]
    fn the_right_column_starts_at_the_phrase_after_the_issuer() {
        fn start(s: &str) -> Option<&str> {
            let toks = crate::text::tokenize(s);
            column_start(s, &toks).map(|i| &s[toks[i].start..])
        }
        assert_eq!(
            start("THANH TRA TINH Dic ap - Tw do - Hanh phic"),
            Some("Dic ap - Tw do - Hanh phic")
        );
        assert_eq!(
            start("UBND TINH HA NGUYEN CONG HOA XA HOI CHU NGHIA VIET NAM"),
            Some("CONG HOA XA HOI CHU NGHIA VIET NAM")
        );
        assert_eq!(start("SỞ Y TẾ CỘNG HÒA XÁ HỘI"), Some("CỘNG HÒA XÁ HỘI"));
        // A phrase opening the line is no second column; nor running text
        // (no dash after `độc lập`, or a small letter), nor a name one
        // word of it.
        assert_eq!(start("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), None);
        assert_eq!(start("Độc lập - Tự do - Hạnh phúc"), None);
        assert_eq!(start("bảo đảm tính độc lập - khách quan"), None);
        assert_eq!(start("giữ vững Độc lập, tự chủ"), None);
        assert_eq!(start("UBND TỈNH CỘNG HÒA KHÁC"), None);
        // One word off of the three, not two; in small letters.
        assert_eq!(start("UBND TINH CONG HQA XA HOI"), Some("CONG HQA XA HOI"));
        assert_eq!(start("UBND CỘNC HÒE XÃ HỘI"), None);
        assert_eq!(
            start("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa"),
            None
        );
    }

    #[test]
    fn the_motto_read_whole() {
        assert_eq!(
            read("Độc lập: Tự do - Hạnh phúc\nĐộc lập - Tự do- Hạnh phúc\nĐộc lập = Tự do. - Hạnh phúc"),
            [
                "Độc lập - Tự do - Hạnh phúc",
                "Độc lập - Tự do - Hạnh phúc",
                "Độc lập - Tự do - Hạnh phúc"
            ]
        );
    }

    #[test]
    fn other_text_stays() {
        for kept in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "hội nghị xã hội chủ đề năm 2025",
            "CỘNG HÒA 25 XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA 2025",
            "độc lập tự chủ",
            "vì độc lập, tự do, hạnh phúc của nhân dân",
            "Độc lập, tự do, hạnh phúc là mục tiêu",
            // A glued pair spells two words, not a word and what follows.
            "CỘNG HÒA XÃ HỘICHỦNGHĨA VIỆT NAM",
        ] {
            assert_eq!(read(kept), [kept]);
        }
    }
}
