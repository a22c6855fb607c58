//! Abbreviations the text defines: a long form followed by its short form in
//! parentheses, `cải cách hành chính (CCHC)`, `Văn phòng UBND tỉnh (Văn phòng)`.
//!
//! An acronym is accepted when its letters are the initials of the words just
//! before it (folded, so `Đ` matches `đ`; `&` matches `và`; a word that is
//! itself an acronym contributes all its letters). A short form of words is
//! accepted when the long form starts with the same words.

use super::doc::{squash, DocText};
use super::records::Abbreviation;
use crate::text::viet::skeleton;
use regex::Regex;
use std::sync::LazyLock;

/// `(XYZ)`: a short form in parentheses, at most four words.
static PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(([\p{Lu}][\p{L}&\-]*(?: [\p{L}&\-]+){0,3})\)").expect("valid regex")
});

/// Every abbreviation defined in the document, first definition of each only.
pub(crate) fn find_abbreviations(doc: &DocText) -> Vec<Abbreviation> {
    let t = &doc.text;
    let mut out: Vec<Abbreviation> = Vec::new();
    for c in PAREN.captures_iter(t) {
        let (Some(m), Some(short)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let short = short.as_str();
        if out.iter().any(|a| a.short == short) {
            continue;
        }
        let from = super::doc::floor_boundary(t, m.start().saturating_sub(200));
        let head = &t[from..m.start()];
        // Only words of the same clause.
        let head = head.rsplit([';', ':', '(', ')', '.']).next().unwrap_or("");
        let words: Vec<&str> = head
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let long = if short.contains(' ')
            || short.chars().filter(|c| c.is_lowercase()).count() > 1 && !is_acronym(short)
        {
            word_prefix(&words, short)
        } else {
            initials_match(&words, short)
        };
        if let Some(long) = long {
            out.push(Abbreviation {
                short: short.to_owned(),
                long,
                line: doc.line_of(m.start() + 1),
            });
        }
    }
    out
}

/// True for acronym-like short forms: mostly capitals (`CCHC`, `VNeID`, `TT&TT`).
fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().filter(|c| c.is_uppercase()).count() * 2 > letters.len()
}

/// The long form whose initials spell `short`, matched backwards from the
/// parenthesis.
fn initials_match(words: &[&str], short: &str) -> Option<String> {
    if !is_acronym(short) {
        return None;
    }
    let letters: Vec<String> = short
        .chars()
        .filter(|c| c.is_uppercase() || *c == '&')
        .map(|c| skeleton(&c.to_string()))
        .collect();
    let mut li = letters.len();
    let mut wi = words.len();
    while li > 0 && wi > 0 {
        let w = words[wi - 1];
        let fw = skeleton(w);
        let letter = &letters[li - 1];
        if letter == "&" {
            if fw == "va" {
                wi -= 1;
            }
            li -= 1;
            continue;
        }
        // A word that is itself an acronym contributes all its capitals.
        let caps: Vec<String> = w
            .chars()
            .filter(|c| c.is_uppercase())
            .map(|c| skeleton(&c.to_string()))
            .collect();
        if caps.len() >= 2 && caps.len() == w.chars().filter(|c| c.is_alphabetic()).count() {
            if li >= caps.len() && letters[li - caps.len()..li] == caps[..] {
                li -= caps.len();
                wi -= 1;
                continue;
            }
            return None;
        }
        if fw.starts_with(letter.as_str()) {
            li -= 1;
            wi -= 1;
        } else if fw == "va" || fw == "cua" {
            wi -= 1;
        } else {
            return None;
        }
    }
    if li > 0 {
        return None;
    }
    let long = squash(&words[wi..].join(" "));
    (!long.is_empty()).then_some(long)
}

/// The long form that starts with the words of `short` (`Văn phòng UBND tỉnh`
/// for `Văn phòng`), within the last eight words.
fn word_prefix(words: &[&str], short: &str) -> Option<String> {
    let sw: Vec<String> = short.split(' ').map(skeleton).collect();
    let lo = words.len().saturating_sub(8);
    for start in lo..words.len() {
        let cand: Vec<String> = words[start..].iter().map(|w| skeleton(w)).collect();
        if cand.len() > sw.len() && cand[..sw.len()] == sw[..] {
            let first = words[start].chars().next()?;
            if first.is_uppercase() {
                return Some(words[start..].join(" "));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abbrs(lines: &[&str]) -> Vec<(String, String)> {
        find_abbreviations(&DocText::new(lines))
            .into_iter()
            .map(|a| (a.short, a.long))
            .collect()
    }

    #[test]
    fn acronyms() {
        assert_eq!(
            abbrs(&["công tác cải cách hành chính (CCHC) và thủ tục hành chính (TTHC)"]),
            vec![
                ("CCHC".into(), "cải cách hành chính".into()),
                ("TTHC".into(), "thủ tục hành chính".into())
            ]
        );
        assert_eq!(
            abbrs(&["Hội đồng nhân dân (HĐND)"])[0].1,
            "Hội đồng nhân dân"
        );
        assert_eq!(
            abbrs(&["Cổng thông tin điện tử (TTĐT)"])[0].1,
            "thông tin điện tử"
        );
        assert_eq!(
            abbrs(&["phản ánh, kiến nghị (PAKN)"])[0].1,
            "phản ánh kiến nghị"
        );
        assert_eq!(
            abbrs(&["Thông tin và Truyền thông (TT&TT)"])[0].1,
            "Thông tin và Truyền thông"
        );
    }

    #[test]
    fn word_short_forms() {
        assert_eq!(
            abbrs(&["Văn phòng UBND tỉnh (Văn phòng) báo cáo"]),
            vec![("Văn phòng".into(), "Văn phòng UBND tỉnh".into())]
        );
    }

    #[test]
    fn not_definitions() {
        assert!(abbrs(&[
            "chỉ số hài lòng (SIPAS)",
            "(Bao gồm cả TTHC)",
            "Sở Tư pháp (BC)"
        ])
        .is_empty());
    }
}
