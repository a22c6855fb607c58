//! Marks a scan misprints at its own rate: semicolons read from the colons
//! of a document whose OCR prints `;` as `:`, and the odds of a comma for a
//! period OCR glued to a word in mid-sentence.
//!
//! Tesseract's English model loses the tail of a semicolon's lower dot on a
//! poor scan: in the held-out heavy scans 1 321 of 3 375 semicolons came out
//! as colons, in the light ones 19 of 6 514. No single colon tells which it
//! was, and how often it happens is a property of the scan. So
//! [`read_semicolons`] weighs each colon of the document by the clean-text
//! model of [`crate::lexicon::marks`] (its word, whether a colon stood
//! before it in the line, what follows it, how long its segment is) and
//! estimates, by EM over the document's colons and semicolons, the share `r`
//! of its semicolons that OCR printed as colons: a colon is a semicolon with
//! probability `odds · r / (odds · r + KEEP)`. A clean scan's `r` comes out
//! near zero and leaves its colons alone. A comma loses its tail the same
//! way and prints as a period; [`scan_shares`] estimates how often, for the
//! reader of such periods, and how often a speck, which above a comma
//! prints a semicolon ([`read_speck_semicolons`]).

use super::{Change, Changes, MAX_CONFIDENCE};
use crate::lexicon::marks::{Mark, Walker};
use crate::lexicon::Lexicon;
use crate::text::{Token, TokenKind};

/// Share of colons OCR prints as colons. Set at 0.995 before counting and
/// not tuned; the OCR pairs the dictionaries train on print 277 of 282
/// (0.982), the rest as nothing (3), `.` or `;`.
const KEEP: f64 = 0.995;

/// Where EM starts each share it estimates for a document (of its
/// semicolons printed as colons; in [`scan_shares`], of its commas printed as
/// periods and of its word gaps holding a speck), and the bounds it holds
/// them within. Set before measuring, not tuned.
const R_START: f64 = 0.1;
const R_MIN: f64 = 0.001;
const R_MAX: f64 = 0.9;
/// EM rounds (the shares settle within a few).
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

/// The share of weight `a` against `b`: the posterior of the first of two
/// readings whose weights (prior times likelihood) they are, as each EM
/// step here takes it.
fn share(a: f64, b: f64) -> f64 {
    a / (a + b)
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
        if !line.contains([':', ';']) {
            // OCR printed no colon or semicolon here (a reader rarely makes
            // one): the words only carry the segment on, counted as OCR
            // printed them, which saves building the line as read.
            let words: Vec<&str> = line.split_whitespace().collect();
            walker.line(&words, |_| {});
            continue;
        }
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
    let posterior = |odds: f64, r: f64| share(odds * r, KEEP);
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

/// A period OCR glued to a word before another word, which
/// [`super::phrases::read_stray_period`] reads as a comma or drops: the
/// language model's log10 probabilities of the next word straight after the
/// word and after a comma.
pub(super) struct Period {
    /// The period's place.
    pub at: (usize, usize),
    /// Does a small letter follow (no sentence can end there)?
    pub small: bool,
    /// The next word straight after the word.
    pub straight: f32,
    /// A comma, then the next word.
    pub comma: f32,
}

/// What [`scan_shares`] estimates of how a document's OCR prints marks
/// between words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct ScanShares {
    /// Share of its commas it prints as periods.
    pub comma_as_period: f64,
    /// Share of its word gaps that hold a speck it prints as a period.
    pub speck: f64,
}

impl ScanShares {
    /// How much likelier (log10) the document prints a comma as a period
    /// than it prints a speck as one.
    pub fn comma_bias(self) -> f32 {
        (self.comma_as_period / self.speck).log10() as f32
    }

    /// Does the document print specks at all: is its speck share above the
    /// least EM may estimate?
    pub fn specks(self) -> bool {
        self.speck > R_MIN
    }
}

/// Estimates, by EM, how often this document's OCR prints a comma as a
/// period and how often a speck, from the periods before a small letter
/// (each a comma or a speck, by the language model's odds), the commas it
/// printed right, and its words (each gap between two words a place for a
/// speck); `None` where it printed no such period. On a clean scan both
/// are rare; a heavy scan that drops the comma's tail prints many (in the
/// held-out documents whose OCR printed at least as many such periods as
/// commas, half of them or more were commas).
pub(super) fn scan_shares(
    lines: &[String],
    tokens: &[Vec<Token>],
    periods: &[Period],
) -> Option<ScanShares> {
    let odds: Vec<f64> = periods
        .iter()
        .filter(|p| p.small)
        .map(|p| 10f64.powf(f64::from(p.comma - p.straight)))
        .collect();
    if odds.is_empty() {
        return None;
    }
    let (mut commas, mut words) = (0usize, 0usize);
    for (line, toks) in lines.iter().zip(tokens) {
        for (ti, t) in toks.iter().enumerate() {
            match t.kind {
                TokenKind::Word => words += 1,
                TokenKind::Punct if t.text(line) == "," => {
                    commas += usize::from(ti > 0 && toks[ti - 1].kind == TokenKind::Word);
                }
                _ => {}
            }
        }
    }
    let (mut r, mut s) = (R_START, R_START);
    for _ in 0..ROUNDS {
        let as_comma: f64 = odds.iter().map(|o| share(o * r, s)).sum();
        let as_speck = odds.len() as f64 - as_comma;
        r = (as_comma / (as_comma + commas as f64)).clamp(R_MIN, R_MAX);
        s = (as_speck / words.max(1) as f64).clamp(R_MIN, R_MAX);
    }
    Some(ScanShares {
        comma_as_period: r,
        speck: s,
    })
}

/// A semicolon OCR glued to a word before a small-letter word, which
/// [`super::phrases::read_stray_period`] may read as a comma: its place
/// and how much likelier (log10) the language model finds the next word
/// after a comma than after a segment's end.
pub(super) struct Semicolon {
    /// The semicolon's place.
    pub at: (usize, usize),
    /// The comma's margin (log10).
    pub comma_margin: f32,
}

/// How much likelier (log10) the language model must find a comma than a
/// segment's end and start where a document that prints specks put a
/// semicolon, for [`read_speck_semicolons`] to read the comma. Set at 2
/// (a hundredfold); on the held-out OCR outside set CO, of the semicolons
/// before a small letter in documents that print specks whose truth could
/// be aligned, 71 over it were commas and 6 semicolons (over 1.5: 88 and
/// 26; over 1: 113 and 95).
const SEMICOLON_COMMA_MARGIN: f32 = 2.0;

/// Reads a comma for each of `sites` where the language model finds a
/// comma far likelier ([`SEMICOLON_COMMA_MARGIN`]), in a document whose OCR
/// prints specks ([`ScanShares::specks`]): a speck above a comma makes a
/// semicolon (`các xã; thị trấn`, `huyện; thị xã`). A document that
/// prints none keeps its semicolons: its OCR reads them right.
pub(super) fn read_speck_semicolons(
    shares: Option<ScanShares>,
    sites: &[Semicolon],
    changes: &mut Changes,
) {
    if !shares.is_some_and(ScanShares::specks) {
        return;
    }
    for s in sites {
        if s.comma_margin >= SEMICOLON_COMMA_MARGIN {
            changes.insert(
                s.at,
                Change {
                    to: ",".to_owned(),
                    confidence: confidence_of_margin(s.comma_margin),
                    runner_up: Some(";".to_owned()),
                },
            );
        }
    }
}

/// The confidence of a reading the language model prefers by `margin`
/// (log10) over its runner-up: the share of the two it holds.
fn confidence_of_margin(margin: f32) -> f32 {
    let odds = 10f64.powf(f64::from(margin));
    (share(odds, 1.0) as f32).min(MAX_CONFIDENCE)
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

    /// The bias of a document of `words` words, `commas` of them followed
    /// by a comma, with `periods` periods before a small letter whose comma
    /// and straight readings the model finds as likely.
    fn bias(words: usize, commas: usize, periods: usize) -> f32 {
        let line: String = (0..words)
            .map(|i| if i < commas { "xã, " } else { "xã " })
            .collect();
        let lines = vec![line];
        let tokens: Vec<Vec<Token>> = lines.iter().map(|l| crate::text::tokenize(l)).collect();
        let sites: Vec<Period> = (0..periods)
            .map(|i| Period {
                at: (0, i),
                small: true,
                straight: -2.0,
                comma: -2.0,
            })
            .collect();
        scan_shares(&lines, &tokens, &sites).map_or(0.0, ScanShares::comma_bias)
    }

    #[test]
    fn a_scan_that_prints_few_commas_reads_its_periods_as_commas() {
        // Many periods between small words and few commas: the scan drops
        // the comma's tail.
        let lossy = bias(1000, 20, 30);
        let clean = bias(1000, 200, 3);
        assert!(lossy > 0.5, "{lossy}");
        assert!(clean < lossy, "{clean} {lossy}");
        // Periods before a capital tell nothing of the rate.
        let lines = vec!["xã. Xã".to_owned()];
        let tokens = vec![crate::text::tokenize(&lines[0])];
        let capital = Period {
            at: (0, 1),
            small: false,
            straight: -1.0,
            comma: -1.0,
        };
        assert_eq!(scan_shares(&lines, &tokens, &[capital]), None);
    }

    #[test]
    fn without_the_counts_nothing_is_read() {
        let text = format!("{}:", ITEMS.join(":\n"));
        let out = read_with(|l, t, c| read_semicolons(&Lexicon::empty(), l, t, c), &text);
        assert_eq!(out.join("\n"), text);
    }
}
