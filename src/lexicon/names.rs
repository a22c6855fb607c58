//! Personal names: the surnames that open them and the person-name model.
//!
//! A Vietnamese name is a surname, zero to two middle names and a given name,
//! each a capitalized syllable (`Nguyễn Văn An`, `Lục Thị Thu Hà`). The
//! general language model reads a stripped name as a phrase (`Luc Van Thang`
//! → `lúc vẫn thắng`); the person-name model, a trigram model over the names
//! the corpora print ([`crate::build::names`]), reads it as a name (`Lục Văn
//! Thắng`). Repair uses it on a line that is a name alone, as a signer's is.

use crate::text::token::is_letter_lookalike;
use crate::text::{is_bullet, viet, Token, TokenKind};
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// Common Vietnamese surnames (lower case, traditional tone placement).
/// Surnames that are far more often other words (`Văn`) are left out.
pub const SURNAMES: &[&str] = &[
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ",
    "hồ", "ngô", "dương", "lý", "đinh", "đào", "đoàn", "lâm", "lương", "mai", "trịnh", "trương",
    "hà", "cao", "tạ", "tô", "tôn", "chu", "châu", "kiều", "lục", "la", "lại", "lưu", "mạc",
    "nông", "quách", "thái", "triệu", "vương", "từ", "thân", "khúc", "ninh", "phùng", "kim",
    "giang", "đàm", "âu", "doãn", "hứa", "lò", "lã", "bạch", "tăng", "nghiêm", "hầu", "ông", "cù",
    "diệp", "khổng", "lộc", "vi", "tiêu", "yên", "bế", "sầm", "đồng", "ma",
];

/// Is `word` one of [`SURNAMES`], marks and all, whatever its case?
pub fn is_surname(word: &str) -> bool {
    SURNAMES.contains(&word.to_lowercase().as_str())
}

/// Skeletons of [`SURNAMES`] (what OCR that lost the marks prints).
static SURNAME_SKELETONS: LazyLock<FxHashSet<String>> =
    LazyLock::new(|| SURNAMES.iter().map(|s| viet::skeleton(s)).collect());

/// The surname spelled with the letters of `word` up to marks and case
/// (`Dinh`, `định` → `đinh`): the first of [`SURNAMES`] with them, the
/// commoner (`đoàn` before `doãn`).
pub fn surname_spelled(word: &str) -> Option<&'static str> {
    static SPELLED: LazyLock<Vec<(&'static str, String)>> =
        LazyLock::new(|| SURNAMES.iter().map(|s| (*s, viet::skeleton(s))).collect());
    let key = viet::skeleton(word);
    SPELLED.iter().find(|(_, k)| *k == key).map(|(s, _)| *s)
}

/// Fewest letters of a surname [`surname_near`] reads through a misprint:
/// a shorter one is within one edit of too many other words.
const NEAR_SURNAME_LETTERS: usize = 5;

/// The skeleton of the one surname of five (`NEAR_SURNAME_LETTERS`) letters or
/// more that `word` misprints by one letter added, dropped or changed
/// (`Neguyén` → `nguyen`, `Hoamg` → `hoang`), when `word` spells no
/// surname itself.
pub fn surname_near(word: &str) -> Option<&'static str> {
    static LONG: LazyLock<Vec<(&'static str, String)>> = LazyLock::new(|| {
        SURNAMES
            .iter()
            .map(|s| (*s, viet::skeleton(s)))
            .filter(|(_, k)| k.chars().count() >= NEAR_SURNAME_LETTERS)
            .collect()
    });
    let key = viet::skeleton(&word.to_lowercase().replace(O_DIGITS, "o"));
    if SURNAME_SKELETONS.contains(&key) {
        return None;
    }
    let mut near = LONG
        .iter()
        .filter(|(_, k)| strsim::levenshtein(k, &key) == 1);
    let (s, _) = near.next()?;
    near.next().is_none().then_some(*s)
}

/// Is `word` a capitalized name syllable as printed: an upper-case letter,
/// then only lower-case letters (`Thắng`, OCR's `Thang`, `Nguyén`)?
fn capitalized(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some_and(char::is_uppercase)
        && cs.clone().next().is_some()
        && cs.all(|c| c.is_lowercase() && c.is_alphabetic())
}

/// Digits OCR prints for an `o` with its marks inside a name (`V6` for
/// `Võ`, `Ng0c`).
const O_DIGITS: [char; 2] = ['6', '0'];

/// Is `word` a capitalized name syllable as OCR may print it: as
/// [`capitalized`], or with one digit of [`O_DIGITS`] or one letter
/// look-alike ([`is_letter_lookalike`]) for a letter after the capital
/// (`V6`, `S¥`)?
fn ocr_capitalized(word: &str) -> bool {
    if capitalized(word) {
        return true;
    }
    let odd = |c: char| O_DIGITS.contains(&c) || is_letter_lookalike(c);
    word.chars().filter(|&c| odd(c)).count() == 1
        && !word.starts_with(odd)
        && capitalized(&word.replace(odd, "o"))
}

/// Is the line (its tokens `toks`) a personal name alone: two to four
/// capitalized words (as `ocr_capitalized` reads them), the first spelled like a
/// surname whatever its marks (`Luc Van Thang`, `Đặng Thị Thu Hà`, `V6
/// Ngoc Tuan`)?
pub fn is_name_line(line: &str, toks: &[Token]) -> bool {
    // Asked of every line: nothing is allocated until the line has the shape.
    let mut words = toks.iter().filter(|t| t.kind != TokenKind::Space);
    let Some(first) = words.clone().next() else {
        return false;
    };
    (2..=4).contains(&words.clone().count())
        && words.all(|t| t.kind == TokenKind::Word && ocr_capitalized(t.text(line)))
        && spelled_like_surname(first.text(line))
}

/// Is `word` spelled like a surname whatever its marks, an OCR digit for
/// its `o` read as one (`Dang`, `V6`), or a surname one letter off
/// ([`surname_near`])?
fn spelled_like_surname(word: &str) -> bool {
    SURNAME_SKELETONS.contains(&viet::skeleton(&word.to_lowercase().replace(O_DIGITS, "o")))
        || surname_near(word).is_some()
}

/// Where a personal name printed after a list entry, or after a military or
/// police rank, starts: the index of its first token in `toks`.
///
/// After a list entry: the line opens with bullets ([`is_bullet`],
/// OCR's `~` and `>` too) or with `Lưu`, and its last `;` or `.` is followed
/// by two to four capitalized words to the line's end, the first spelled
/// like a surname whatever its marks (`- Trang TTĐT xã; Đặng Quốc Thịnh`,
/// `- Lưu: VT, CCVC. Đỗ Quang Vinh`). OCR reads the signature column
/// printed beside the Nơi nhận list onto the list's lines so. A `:` OCR
/// read for the `;` takes a name of three words or more (`- Lưu: VT, NC:
/// Đinh Văn Khải`), as the parser's signature reader does: two words after
/// a colon are as often a place.
///
/// After a rank ([`is_rank`]: `Thượng tá`, OCR's `Thuong t4`), anywhere in
/// a line: the same two to four words to the line's end (`Thượng tá Hồ Văn
/// Thắng`, a police or army signer's).
pub fn name_tail(line: &str, toks: &[Token]) -> Option<usize> {
    let mut solid = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind != TokenKind::Space);
    let (_, opener) = solid.next()?;
    let open = opener.text(line);
    let listed = open.chars().all(is_bullet) || viet::skeleton(&open.to_lowercase()) == "luu";
    // The trailing capitalized words, back to the mark or the rank before
    // them.
    let mut first = None;
    let mut words = 0;
    let mut ranked = false;
    let mut colon = false;
    for (i, t) in toks.iter().enumerate().rev() {
        match t.kind {
            TokenKind::Space => {
                if t.text(line) != " " {
                    return None;
                }
            }
            TokenKind::Word if ocr_capitalized(t.text(line)) => {
                first = Some(i);
                words += 1;
            }
            TokenKind::Word if i >= 2 && is_rank(toks[i - 2].text(line), t.text(line)) => {
                ranked = toks[i - 1].kind == TokenKind::Space;
                break;
            }
            TokenKind::Punct if listed => {
                let mark = t.text(line);
                colon = mark.ends_with(':');
                if !(mark.ends_with(';') || mark.ends_with('.') || colon) {
                    return None;
                }
                break;
            }
            _ => return None,
        }
    }
    let first = first?;
    // A word of the entry stands before the mark: one after a bullet, or
    // the `Lưu` that opens the line (whose own colon may then be the mark).
    let entry = toks[..first]
        .iter()
        .filter(|t| !matches!(t.kind, TokenKind::Space | TokenKind::Punct))
        .count();
    ((2..=4).contains(&words)
        && (ranked || listed && entry >= 1 && (!colon || words >= COLON_NAME_WORDS))
        && spelled_like_surname(toks[first].text(line)))
    .then_some(first)
}

/// Fewest words of a name after a `:` that OCR read for the `;` ending a
/// list entry (`- Lưu: VT, NC: Đinh Văn Khải`): two words after a colon are
/// as often a place (`Sở Tài chính: Lâm Đồng`). [`name_tail`] and the
/// parser's signature reader both ask it.
pub const COLON_NAME_WORDS: usize = 3;

/// Fewest letters of a rank's grade [`is_rank`] reads through a misprint.
const NEAR_GRADE_LETTERS: usize = 5;

/// Are `a` and `b` a military or police rank (`Thượng tá`, `Đại úy`,
/// `Thiếu tướng`), marks aside, as OCR misreads it: `4`, `é` or `i` for the
/// `á` of `tá` (`Thuong t4`, `Thuong té`), a grade of five letters or more
/// one letter off (`Thugng`)?
fn is_rank(a: &str, b: &str) -> bool {
    const GRADES: &[&str] = &["thuong", "dai", "trung", "thieu"];
    const RANKS: &[&str] = &["ta", "te", "ti", "uy", "tuong"];
    // Asked of every line's last word: most are ruled out by their first
    // letter and length before anything is allocated.
    let opens_rank = b.chars().count() <= 5
        && b.chars()
            .next()
            .is_some_and(|c| matches!(viet::base_letter(c).to_ascii_lowercase(), 't' | 'u'));
    if !opens_rank {
        return false;
    }
    // (A skeleton is in small letters.)
    let grade = viet::skeleton(a);
    let rank = viet::skeleton(b).replace('4', "a");
    let graded = GRADES.iter().any(|g| {
        *g == grade || g.len() >= NEAR_GRADE_LETTERS && strsim::levenshtein(g, &grade) == 1
    });
    graded && RANKS.contains(&rank.as_str())
}

/// The personal names printed in `line`: maximal runs of two to four
/// capitalized syllables, one space apart, opening with a surname of
/// [`SURNAMES`] (marks and all), each as its lower-case syllables.
pub fn names_in(line: &str, toks: &[Token]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut close = |run: &mut Vec<&str>| {
        let lower: Vec<String> = run.iter().map(|w| w.to_lowercase()).collect();
        if (2..=4).contains(&lower.len()) && is_surname(&lower[0]) {
            out.push(lower);
        }
        run.clear();
    };
    let mut gap_ok = true;
    for t in toks {
        let s = t.text(line);
        match t.kind {
            TokenKind::Space => gap_ok = s == " ",
            TokenKind::Word if capitalized(s) => {
                if !gap_ok {
                    close(&mut run);
                }
                run.push(s);
                gap_ok = false;
            }
            _ => {
                close(&mut run);
                gap_ok = false;
            }
        }
    }
    close(&mut run);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn name_line(s: &str) -> bool {
        is_name_line(s, &tokenize(s))
    }

    fn tail(s: &str) -> Option<&str> {
        let toks = tokenize(s);
        name_tail(s, &toks).map(|i| &s[toks[i].start..])
    }

    #[test]
    fn names_after_list_entries() {
        assert_eq!(
            tail("- Trang TTDT xa; Dang Quéc Thinh"),
            Some("Dang Quéc Thinh")
        );
        assert_eq!(
            tail("- Lưu: VT, CCVC. Đỗ Quang Vinh"),
            Some("Đỗ Quang Vinh")
        );
        assert_eq!(
            tail("Luu: VT, TCKH. Nguyen Dang Khoa"),
            Some("Nguyen Dang Khoa")
        );
        // Any bullet OCR prints opens a list entry; a `:` OCR read for the
        // `;` takes a name of three words or more, as two are as often a
        // place (`Sở Tài chính: Lâm Đồng`).
        assert_eq!(tail("~ Luu: VT, NC. Dinh Van Khai"), Some("Dinh Van Khai"));
        assert_eq!(tail("- Luu: VT, NC: Dinh Van Khai"), Some("Dinh Van Khai"));
        assert_eq!(tail("- Sở Tài chính: Lâm Đồng"), None);
        // A position in capitals is no name; nor a place after a unit word.
        assert_eq!(tail("- Như trên; PHÓ CHỦ TỊCH"), None);
        assert_eq!(tail("- Sở Y tế; Phòng Tài"), None);
        // Outside a list, or with no entry before the mark.
        assert_eq!(tail("Giao thông; Lê Văn Tám"), None);
        assert_eq!(tail("- ; Lê Văn Tám"), None);
        // Words after the name, or a name run too long.
        assert_eq!(tail("- Như trên; Lê Văn Tám ký"), None);
        assert_eq!(tail("- Như trên; Lê Văn Tám Hai Ba"), None);
        // After a rank, in a list or not; no rank, no name outside a list.
        assert_eq!(
            tail("- Lanh dao Cong an huyen; Thuong t4 H6 Van Thing"),
            Some("H6 Van Thing")
        );
        assert_eq!(tail("Đại úy Nguyễn Văn Bình"), Some("Nguyễn Văn Bình"));
        assert_eq!(
            tail("- Lãnh đạo; Thugng té H6 Van Thang"),
            Some("H6 Van Thang")
        );
        assert_eq!(tail("Thượng tá Hồ Văn Thắng, Trưởng"), None);
        assert_eq!(tail("Ông Hồ Văn Thắng"), None);
        assert_eq!(tail("cao tá Hồ Văn Thắng"), None);
    }

    #[test]
    fn name_lines() {
        assert!(name_line("Lục Văn Thắng"));
        assert!(name_line("Luc Van Thang"));
        assert!(name_line("  Dang Thi Thu Ha "));
        assert!(name_line("Nguyén Minh"));
        assert!(name_line("V6 Ngoc Tuan"), "a digit for an o");
        assert!(!name_line("V66 Ngoc Tuan"));
        assert!(!name_line("Điều 6 Luật"));
        // Not a surname, too many words, capitals, punctuation.
        assert!(!name_line("Quảng Trị"));
        assert!(!name_line("Nguyễn Văn An Bình Minh"));
        assert!(!name_line("NGUYỄN VĂN AN"));
        assert!(!name_line("Trần Văn An."));
        assert!(!name_line("Trần"));
        assert!(!name_line("Trần văn An"));
        // A long surname one letter off.
        assert!(name_line("Neguyén Hitu Thang"));
        assert!(!name_line("Nhuyen Hitu Thang Nam Bo"));
    }

    #[test]
    fn surnames_one_letter_off() {
        assert_eq!(surname_near("Neguyén"), Some("nguyễn"));
        assert_eq!(surname_near("Huynk"), Some("huỳnh"));
        // A surname spelled right, a short one, or no surname near.
        assert_eq!(surname_near("Nguyen"), None);
        assert_eq!(surname_near("Lo"), None);
        assert_eq!(surname_near("Thang"), None);
    }

    #[test]
    fn names_in_running_text() {
        let s = "Đồng chí Nguyễn Văn An, Phó Chủ tịch, và bà Lê Thị Hoa; Hà Nội  Mới";
        let got = names_in(s, &tokenize(s));
        assert_eq!(
            got,
            vec![
                vec!["nguyễn".to_owned(), "văn".to_owned(), "an".to_owned()],
                vec!["lê".to_owned(), "thị".to_owned(), "hoa".to_owned()],
                vec!["hà".to_owned(), "nội".to_owned()],
            ]
        );
    }
}
