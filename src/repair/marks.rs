//! Semicolons read from the colons of a document whose OCR prints `;` as
//! `:`.
//!
//! Tesseract's English model loses the tail of a semicolon's lower dot on a
//! poor scan: in the held-out heavy scans 1 321 of 3 375 semicolons came out
//! as colons, in the light ones 19 of 6 512. No single colon tells which it
//! was, and how often it happens is a property of the scan. So the reader
//! weighs each colon of the document by the clean-text model of
//! [`crate::lexicon::marks`] (its word, whether a colon stood before it in
//! the line, what follows it, how long its segment is) and estimates, by
//! EM over the document's colons and semicolons, the share `r` of its
//! semicolons that OCR printed as colons: a colon is a semicolon with
//! probability `odds · r / (odds · r + KEEP)`. A clean scan's `r` comes out
//! near zero and leaves its colons alone.

use super::{Change, Changes, MAX_CONFIDENCE};
use crate::lexicon::marks::{Mark, Walker};
use crate::lexicon::Lexicon;
use crate::text::{Token, TokenKind};

/// Share of colons OCR prints as colons (the training pairs: 277 of 281;
/// the rest come out as `;`, `.` or nothing).
const KEEP: f64 = 0.995;

/// Where EM starts the document's share of semicolons printed as colons,
/// and the bounds it is held within.
const R_START: f64 = 0.1;
const R_MIN: f64 = 0.001;
const R_MAX: f64 = 0.9;
/// EM rounds (the share settles within a few).
const ROUNDS: usize = 30;

/// Probability a colon must reach to be read as a semicolon: one half, the
/// likelier reading. On held-out sets A–CJ (the files of every set but CK)
/// it read 665 more tokens right than without the reader and broke 40 more;
/// 0.65 read 448 and broke 21, 0.35 read 603 and broke 100.
const MIN_POSTERIOR: f64 = 0.5;

/// One colon that may be read as a semicolon: its place and prior odds.
struct Colon {
    at: (usize, usize),
    odds: f64,
}

/// The whitespace-separated words of line `li` as repair reads them so far,
/// and for each the index of its last token when that is a lone `:` glued
/// to what comes before it.
fn words_of(
    line: &str,
    toks: &[Token],
    li: usize,
    changes: &Changes,
) -> (Vec<String>, Vec<Option<usize>>) {
    let mut words: Vec<String> = Vec::new();
    let mut colons: Vec<Option<usize>> = Vec::new();
    let mut open = false;
    for (ti, t) in toks.iter().enumerate() {
        if t.kind == TokenKind::Space {
            open = false;
            continue;
        }
        let printed = t.text(line);
        let now = changes.text(line, t, (li, ti));
        // A changed word keeps OCR's case for its first letter (repair
        // restores it when it writes the change).
        let capital = printed.chars().next().is_some_and(char::is_uppercase);
        for (i, part) in now.split(' ').enumerate() {
            if i > 0 {
                open = false;
            }
            if part.is_empty() {
                continue;
            }
            if !open {
                let mut w = String::with_capacity(part.len());
                let mut cs = part.chars();
                if let Some(c) = cs.next() {
                    if capital && i == 0 && c.is_lowercase() {
                        w.extend(c.to_uppercase());
                    } else {
                        w.push(c);
                    }
                }
                w.push_str(cs.as_str());
                words.push(w);
                colons.push(None);
                open = true;
            } else if let Some(w) = words.last_mut() {
                w.push_str(part);
            }
        }
        if let Some(c) = colons.last_mut() {
            let glued = ti > 0 && toks[ti - 1].kind != TokenKind::Space;
            *c = (t.kind == TokenKind::Punct && now == ":" && glued).then_some(ti);
        }
    }
    (words, colons)
}

/// Reads `;` for the colons a noisy document's OCR most likely printed for
/// semicolons (see the module documentation).
pub(super) fn read_semicolons(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    if lex.marks.is_empty() {
        return;
    }
    let mut found: Vec<Colon> = Vec::new();
    let mut semicolons = 0usize;
    let mut walker = Walker::new();
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let (words, colons) = words_of(line, toks, li, changes);
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        walker.line(&refs, |site| match site.mark {
            Mark::Semicolon => semicolons += 1,
            Mark::Colon => {
                if let Some(ti) = colons[site.index] {
                    found.push(Colon {
                        at: (li, ti),
                        odds: lex.marks.semicolon_odds(&site),
                    });
                }
            }
        });
    }
    if found.is_empty() {
        return;
    }
    let posterior = |odds: f64, r: f64| odds * r / (odds * r + KEEP);
    let mut r = R_START;
    for _ in 0..ROUNDS {
        let expected: f64 = found.iter().map(|c| posterior(c.odds, r)).sum();
        r = (expected / (expected + semicolons as f64)).clamp(R_MIN, R_MAX);
    }
    for c in &found {
        let p = posterior(c.odds, r);
        if p > MIN_POSTERIOR && changes.get(c.at).is_none() {
            changes.insert(
                c.at,
                Change {
                    to: ";".to_owned(),
                    confidence: (p as f32).min(MAX_CONFIDENCE),
                    runner_up: Some(":".to_owned()),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::phrases::tests::read_with;

    fn read(text: &str) -> String {
        read_with(
            |l, t, c| read_semicolons(crate::lexicon::bundled(), l, t, c),
            text,
        )
        .join("\n")
    }

    const ITEMS: &[&str] = &[
        "- Hỗ trợ 120 hộ nghèo sửa chữa nhà ở với tổng kinh phí 1.250 triệu đồng",
        "- Xây dựng mới 12 nhà văn hóa ở các thôn trên địa bàn xã",
        "- Sửa chữa, nâng cấp 8 tuyến đường giao thông nông thôn của huyện",
        "- Tập huấn cho 300 lượt cán bộ, công chức về chuyển đổi số cho người dân",
    ];

    #[test]
    fn a_scan_that_prints_semicolons_as_colons_gets_them_back() {
        let text = format!("Kết quả cụ thể như sau:\n{}:", ITEMS.join(":\n"));
        let want = format!("Kết quả cụ thể như sau:\n{};", ITEMS.join(";\n"));
        assert_eq!(read(&text), want);
    }

    #[test]
    fn a_scan_that_prints_semicolons_leaves_its_colons() {
        // The same items printed right, and one item's `;` read as `:`: a
        // lone colon among semicolons is no sign of a scan that confuses
        // them, so the labels keep their colons too.
        let text = format!(
            "Kết quả cụ thể như sau:\n{};\n{}:\nGhi chú: Số liệu tính đến ngày 30/6/2027.",
            ITEMS[..3].join(";\n"),
            ITEMS[3]
        );
        assert_eq!(read(&text), text);
    }

    #[test]
    fn without_the_counts_nothing_is_read() {
        let text = format!("{}:", ITEMS.join(":\n"));
        let out = read_with(|l, t, c| read_semicolons(&Lexicon::empty(), l, t, c), &text);
        assert_eq!(out.join("\n"), text);
    }
}
