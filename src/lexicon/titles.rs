//! The positions and bodies a signature block names (Nghị định 30/2020,
//! Phụ lục I: `GIÁM ĐỐC`, `TM. ỦY BAN NHÂN DÂN`), and the listed one a
//! garbled printing stands for. The layout reads the signature block's
//! fields with them; repair reads the title lines themselves.

use crate::text::viet;
use std::sync::LazyLock;

/// The words of `s` as letters without marks or case (`NHÂN'DÂN` →
/// `nhan`, `dan`).
fn folded_words(s: &str) -> Vec<String> {
    viet::skeleton(s)
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The prefixes of an authority form (NĐ 30: thay mặt, ký thay, thừa lệnh,
/// thừa ủy quyền, quyền) a title follows; `1M`, `7M` are OCR's `TM` (3 of
/// the 41 `TM.` lines of the pair files and held-out sets).
pub const AUTHORITY_PREFIXES: &[&str] = &[
    "TM", "KT", "TUQ", "TL", "Q", "T/M", "K/T", "T/L", "1M", "7M",
];

/// The prefix `printed` stands for, when it is one of
/// [`AUTHORITY_PREFIXES`] (`1M` → `TM`).
pub fn authority_prefix(printed: &str) -> Option<&'static str> {
    let p = AUTHORITY_PREFIXES.iter().find(|p| **p == printed)?;
    Some(if matches!(*p, "1M" | "7M") { "TM" } else { p })
}

/// Positions and bodies a signature block names (NĐ 30/2020, Phụ lục I):
/// a garbled one (`GEAM DOG`, `NHÂN'DÂN`) reads as the listed one its
/// letters are closest to.
pub const TITLES: &[&str] = &[
    "CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "CHÁNH VĂN PHÒNG",
    "PHÓ CHÁNH VĂN PHÒNG",
    "TRƯỞNG PHÒNG",
    "PHÓ TRƯỞNG PHÒNG",
    "TRƯỞNG BAN",
    "PHÓ TRƯỞNG BAN",
    "BỘ TRƯỞNG",
    "THỨ TRƯỞNG",
    "CỤC TRƯỞNG",
    "PHÓ CỤC TRƯỞNG",
    "VỤ TRƯỞNG",
    "PHÓ VỤ TRƯỞNG",
    "TỔNG CỤC TRƯỞNG",
    "CHÁNH THANH TRA",
    "PHÓ CHÁNH THANH TRA",
    "BÍ THƯ",
    "PHÓ BÍ THƯ",
    "CHỦ NHIỆM",
    "PHÓ CHỦ NHIỆM",
    "THỦ TƯỚNG",
    "PHÓ THỦ TƯỚNG",
    "HIỆU TRƯỞNG",
    "PHÓ HIỆU TRƯỞNG",
    "ỦY BAN NHÂN DÂN",
    "HỘI ĐỒNG NHÂN DÂN",
    "THƯỜNG TRỰC HĐND",
    "PHÓ BÍ THƯ THƯỜNG TRỰC",
    "BAN THƯỜNG VỤ",
    "BAN CHẤP HÀNH",
    "ĐẢNG ỦY",
    "HUYỆN ỦY",
    "TỈNH ỦY",
    "THÀNH ỦY",
    "CHÍNH PHỦ",
];

/// The listed title `s` is a garbled printing of, and its likeness (the
/// share of letters kept): the same number of words, each within one edit of
/// the title's (two-letter words exact), so `GEAM DOG` is `GIÁM ĐỐC` but
/// `TRƯỞNG ĐOÀN` is not `TRƯỞNG BAN`. `None` when no title fits or `s` is
/// printed as listed (in capitals or not: `Phó Thủ tướng` stays; but
/// capitals mixed with small letters, `GIÁM Đốc`, read as the title).
pub fn listed_title(s: &str) -> Option<(&'static str, f64)> {
    /// Each listed title with its folded words, folded once.
    static FOLDED: LazyLock<Vec<(&'static str, Vec<String>)>> =
        LazyLock::new(|| TITLES.iter().map(|t| (*t, folded_words(t))).collect());
    let got = folded_words(s);
    if got.is_empty() {
        return None;
    }
    let upper = s.to_uppercase();
    if let Some(t) = TITLES.iter().find(|t| **t == upper) {
        // Printed as listed, in capitals or not (`Phó Thủ tướng`); a word in
        // capitals beside one that is not is OCR's mixing (`GIÁM Đốc`).
        let mixed = s != upper
            && s.split_whitespace()
                .any(|w| w.chars().count() >= 2 && w.chars().all(|c| !c.is_lowercase()));
        return mixed.then_some((*t, 1.0));
    }
    FOLDED.iter().find_map(|(t, want)| {
        if want.len() != got.len() {
            return None;
        }
        let mut edits = 0;
        for (g, w) in got.iter().zip(want) {
            let e = strsim::levenshtein(g, w);
            // A two-letter word may take the title's one edit when the
            // title has other words, all exact (`BỂ THU` is `BÍ THƯ`).
            let short_ok = want.len() >= 2 && w.len() == 2 && g.len() == 2;
            if e > usize::from(w.len() >= 3 || short_ok) {
                return None;
            }
            edits += e;
        }
        let short_edit = got.iter().zip(want).any(|(g, w)| w.len() == 2 && g != w);
        if short_edit && edits > 1 {
            return None;
        }
        let letters: usize = want.iter().map(String::len).sum();
        Some((*t, 1.0 - edits as f64 / letters.max(1) as f64))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbled_titles_read_as_listed() {
        assert_eq!(listed_title("GAM DOC").map(|t| t.0), Some("GIÁM ĐỐC"));
        assert_eq!(
            listed_title("PHO GIAM pOC").map(|t| t.0),
            Some("PHÓ GIÁM ĐỐC")
        );
        assert_eq!(
            listed_title("TRUGNG PHÒNG").map(|t| t.0),
            Some("TRƯỞNG PHÒNG")
        );
        // As listed: nothing to read; sentence case stays.
        assert_eq!(listed_title("GIÁM ĐỐC"), None);
        assert_eq!(listed_title("Phó Giám đốc"), None);
        // Capitals mixed with small letters are OCR's.
        assert_eq!(listed_title("GIÁM Đốc").map(|t| t.0), Some("GIÁM ĐỐC"));
        // Not one edit a word, or a short word misread with another.
        assert_eq!(listed_title("TRƯỞNG ĐOÀN"), None);
        assert_eq!(listed_title("BỂ THẢ"), None);
    }

    #[test]
    fn authority_prefixes_as_printed() {
        assert_eq!(authority_prefix("KT"), Some("KT"));
        assert_eq!(authority_prefix("1M"), Some("TM"));
        assert_eq!(authority_prefix("KL"), None);
    }
}
