//! A person's surname, read from its place in the name.
//!
//! OCR that loses the marks prints `Dinh Van Long`, `Truong Thi Hoa`; the
//! decoder weighs the first word as a common word and reads `Định`,
//! `Trường`, which open no Vietnamese name. Where a capitalised word is
//! followed by a middle name (`Văn`, `Thị`, `Đình`, …) and a third
//! capitalised word, it is the surname that shares its letters up to marks
//! (`Đinh`, `Trương`) when the decoder's reading is no surname.

use super::phrases::{lower_old, phrase};
use super::Changes;
use crate::lexicon::names::{self, SURNAMES};
use crate::text::{viet, Token, TokenKind};

/// Middle names common enough that a capitalised word before one, with a
/// capitalised word after it, opens a person's name (lower case).
const MIDDLE_NAMES: &[&str] = &[
    "văn", "thị", "đình", "quốc", "ngọc", "hữu", "minh", "đức", "xuân", "công", "quang", "hồng",
    "trọng", "bá", "duy", "mạnh", "viết", "khắc", "sỹ", "thanh", "thu", "kim",
];

/// Surnames of ethnic minorities that share their letters with one of
/// [`SURNAMES`] (`Lường`: `Lương`, `Giàng`: `Giang`, `Vì`: `Vi`): a reading
/// the decoder gave one of them is kept.
const OTHER_SURNAMES: &[&str] = &["lường", "giàng", "lô", "vì", "vừ", "hờ", "tòng"];

/// Words (lower case, as repaired) after which a run of capitalised words
/// names a place or a body, not a person (`xã Đông Tiến`, `trường Minh
/// Đức`, `Mặt trận Tổ Quốc`).
const PLACE_WORDS: &[&str] = &[
    "xã",
    "huyện",
    "tỉnh",
    "phường",
    "quận",
    "thôn",
    "ấp",
    "bản",
    "buôn",
    "làng",
    "trấn",
    "phố",
    "trường",
    "đường",
    "khu",
    "cầu",
    "chợ",
    "sông",
    "núi",
    "đồi",
    "tổ",
    "trận",
];

/// Capitalised words a person's name may follow (`Ông Trần Văn An`,
/// `Đồng chí Lê Thị Hoa`); after any other capitalised word the run's first
/// word is no surname but a middle name (`Lý Tự Trọng`).
const TITLES: &[&str] = &[
    "ông", "bà", "anh", "chị", "em", "cô", "chú", "thầy", "cháu", "chí",
];

/// Confidence of a surname read from its place in a name.
const SURNAME_CONFIDENCE: f32 = 0.7;

/// Reads the surname of every name whose first word the decoder read as
/// another word (see the module's doc). Only a word OCR printed in plain
/// letters is read again: a printed mark is evidence the decoder weighed.
pub(super) fn read_surnames(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        for ti in 0..toks.len().saturating_sub(4) {
            let now = |ti: usize| lower_old(changes.text(line, &toks[ti], (li, ti)));
            let printed = toks[ti].text(line);
            let words_follow = || {
                [1, 3].iter().all(|&k| toks[ti + k].text(line) == " ")
                    && [2, 4].iter().all(|&k| toks[ti + k].kind == TokenKind::Word)
            };
            if toks[ti].kind != TokenKind::Word
                || !printed.bytes().all(|b| b.is_ascii_alphabetic())
                || viet::case_pattern(printed) != viet::CasePattern::Title
                || !words_follow()
                || !toks[ti + 2].text(line).starts_with(char::is_uppercase)
                || !toks[ti + 4].text(line).starts_with(char::is_uppercase)
            {
                continue;
            }
            let read = now(ti);
            if SURNAMES.contains(&read.as_str()) || OTHER_SURNAMES.contains(&read.as_str()) {
                continue;
            }
            if !MIDDLE_NAMES.contains(&now(ti + 2).as_str()) {
                continue;
            }
            let before = ti
                .checked_sub(2)
                .filter(|&p| toks[p].kind == TokenKind::Word && toks[ti - 1].text(line) == " ");
            let opens_no_name = before.is_some_and(|p| {
                let word = now(p);
                PLACE_WORDS.contains(&word.as_str())
                    || toks[p].text(line).starts_with(char::is_uppercase)
                        && !TITLES.contains(&word.as_str())
            });
            if opens_no_name {
                continue;
            }
            if let Some(surname) = names::surname_spelled(&read) {
                // A name's capital, as the decoder would restore it.
                let to = viet::apply_case(surname, viet::CasePattern::Title);
                let mut change = phrase(&to, Some(read));
                change.confidence = SURNAME_CONFIDENCE;
                changes.insert((li, ti), change);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text;

    fn read(line: &str, decoded: &[(&str, &str)]) -> String {
        let lines = vec![line.to_owned()];
        let tokens = vec![text::tokenize(line)];
        let mut changes = Changes::new(1);
        for (from, to) in decoded {
            let ti = tokens[0]
                .iter()
                .position(|t| t.text(line) == *from)
                .unwrap();
            changes.insert((0, ti), phrase(to, None));
        }
        read_surnames(&lines, &tokens, &mut changes);
        tokens[0]
            .iter()
            .enumerate()
            .map(|(ti, t)| changes.text(line, t, (0, ti)).to_owned())
            .collect()
    }

    #[test]
    fn a_names_first_word_is_a_surname() {
        // The decoder's `định` and `trường` open no name.
        assert_eq!(
            read("Dinh Van Long", &[("Dinh", "định"), ("Van", "văn")]),
            "Đinh văn Long"
        );
        assert_eq!(
            read(
                "ông Truong Thi Hoa",
                &[("Truong", "trường"), ("Thi", "thị")]
            ),
            "ông Trương thị Hoa"
        );
        // A surname the decoder read stays, and so does another people's.
        assert_eq!(
            read("Lo Van Pang", &[("Lo", "lò"), ("Van", "văn")]),
            "lò văn Pang"
        );
        assert_eq!(
            read("Luong Van Pang", &[("Luong", "lường"), ("Van", "văn")]),
            "lường văn Pang"
        );
    }

    #[test]
    fn places_marks_and_other_runs_are_left_alone() {
        // After a unit word the run is a place's or a school's name.
        assert_eq!(
            read("xã Dinh Van Long", &[("Dinh", "định"), ("Van", "văn")]),
            "xã định văn Long"
        );
        // No middle name: no person's name.
        assert_eq!(read("Dinh Lang Son", &[("Dinh", "định")]), "định Lang Son");
        // A mark OCR printed was weighed by the decoder.
        assert_eq!(read("Định Văn Long", &[]), "Định Văn Long");
        // A middle name after a surname (`Lý Tự Trọng`).
        assert_eq!(
            read(
                "Ly Tu Trong Hai",
                &[("Ly", "lý"), ("Tu", "tự"), ("Trong", "trọng")]
            ),
            "lý tự trọng Hai"
        );
        // Two words only.
        assert_eq!(
            read("Dinh Van", &[("Dinh", "định"), ("Van", "văn")]),
            "định văn"
        );
    }
}
