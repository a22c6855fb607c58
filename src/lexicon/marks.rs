//! How often a colon and how often a semicolon end a word, counted in clean
//! text (`dictionaries/marks.tsv`), and the line features that tell them
//! apart.
//!
//! Report text ends list items and clauses with `;` and labels with `:`
//! (`Kết quả: đạt 95%; …`), and heavily degraded scans print many a `;` as
//! `:`. Repair weighs each colon's chance of being a semicolon from its
//! word (`đồng;` is commoner than `đồng:`, `sau:` than `sau;`) and from
//! where it stands in its line, features that are independent of the word
//! and counted once for all words:
//!
//! - whether a colon stood earlier in the line (a line's second colon is
//!   more often a semicolon: `triệu tập: 15 người; có mặt: 14`);
//! - what the next word opens with ([`Next`]): a label's colon is followed
//!   by a capital or a figure more often than a semicolon is;
//! - how many words the segment holds ([`span_bucket`]): a label is short
//!   (`Ghi chú:`), a clause that ends with `;` longer.
//!
//! A *site* is a whitespace-separated word that ends with `:` or `;` right
//! after a letter or digit (`đồng:`, `2026;`; not `(b/c):`). The build and
//! repair find sites with the same [`Walker`], so the counts and the
//! features repair reads mean the same thing.

use rustc_hash::FxHashMap;

/// The two marks told apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// `:`.
    Colon,
    /// `;`.
    Semicolon,
}

impl Mark {
    fn index(self) -> usize {
        self as usize
    }
}

/// What the word after a site opens with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// A capital letter.
    Upper,
    /// A small letter.
    Lower,
    /// A figure.
    Digit,
    /// Anything else (a bracket, a quote, a dash).
    Other,
    /// Nothing: the site ends its line.
    End,
}

impl Next {
    const ALL: [Next; 5] = [
        Next::Upper,
        Next::Lower,
        Next::Digit,
        Next::Other,
        Next::End,
    ];

    /// The class of the word `w` that follows a site (`None`: none does).
    pub fn of(w: Option<&str>) -> Next {
        match w.and_then(|w| w.chars().next()) {
            None => Next::End,
            Some(c) if c.is_uppercase() => Next::Upper,
            Some(c) if c.is_lowercase() => Next::Lower,
            Some(c) if c.is_ascii_digit() => Next::Digit,
            Some(_) => Next::Other,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Next::Upper => "upper",
            Next::Lower => "lower",
            Next::Digit => "digit",
            Next::Other => "other",
            Next::End => "end",
        }
    }
}

/// Upper bounds of the segment-length buckets: a segment of `n` words falls
/// in the first bucket whose bound is at least `n`, or in the last one.
const SPAN_BOUNDS: [usize; 7] = [1, 2, 3, 5, 8, 12, 20];
/// Number of segment-length buckets.
const SPAN_BUCKETS: usize = SPAN_BOUNDS.len() + 1;

/// The bucket of a segment of `words` words (counting the site's word).
pub fn span_bucket(words: usize) -> usize {
    SPAN_BOUNDS
        .iter()
        .position(|&b| words <= b)
        .unwrap_or(SPAN_BOUNDS.len())
}

/// One site: a word that ends with a colon or a semicolon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// Index of the site among the line's whitespace-separated words.
    pub index: usize,
    /// The mark.
    pub mark: Mark,
    /// The word's key: its last run of letters and digits, lower case, each
    /// digit read as `0` (`đồng`, `0000` for `2026`).
    pub key: String,
    /// Did a colon stand in an earlier word of the line?
    pub colon_before: bool,
    /// What the next word opens with.
    pub next: Next,
    /// Words in the segment up to and with this one: since the line's list
    /// marker, the last `.`, `:` or `;` that ended a word, or a blank line.
    pub span: usize,
}

/// Does `w` open a list item or a numbered section (`-`, `+`, `a)`, `2.`,
/// `1.2.`, `II.`)? Such a word starts a segment and is not counted in it.
fn is_item_marker(w: &str) -> bool {
    if matches!(w, "-" | "+" | "•") {
        return true;
    }
    let mut cs = w.chars();
    if let (Some(c), Some(')'), None) = (cs.next(), cs.next(), cs.next()) {
        return c.is_lowercase();
    }
    let Some(body) = w.strip_suffix('.').filter(|b| !b.is_empty()) else {
        return false;
    };
    let numbered = body
        .split('.')
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    numbered || crate::text::roman::value(body).is_some()
}

/// The key of word `w` before its final mark: its last run of letters and
/// digits, lower case, digits as `0`; `None` when the mark follows no
/// letter or digit.
fn key_of(w: &str) -> Option<String> {
    let start = w
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map(|(i, _)| i)?;
    Some(
        w[start..]
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect(),
    )
}

/// Finds the sites of a text line by line, carrying a segment across lines
/// (a wrapped sentence goes on in the next line).
#[derive(Clone, Debug, Default)]
pub struct Walker {
    span: usize,
}

impl Walker {
    /// A walker at the start of a text.
    pub fn new() -> Walker {
        Walker::default()
    }

    /// Calls `f` with each site among `words`, one line's
    /// whitespace-separated words.
    pub fn line(&mut self, words: &[&str], mut f: impl FnMut(Site)) {
        if words.is_empty() {
            self.span = 0;
            return;
        }
        let mut colon_before = false;
        for (i, w) in words.iter().enumerate() {
            if i == 0 && is_item_marker(w) {
                self.span = 0;
                continue;
            }
            self.span += 1;
            let mark = match w.chars().last() {
                Some(':') => Some(Mark::Colon),
                Some(';') => Some(Mark::Semicolon),
                _ => None,
            };
            if let Some(mark) = mark {
                if let Some(key) = key_of(&w[..w.len() - 1]) {
                    f(Site {
                        index: i,
                        mark,
                        key,
                        colon_before,
                        next: Next::of(words.get(i + 1).copied()),
                        span: self.span,
                    });
                }
            }
            if w.contains(':') {
                colon_before = true;
            }
            if w.ends_with(['.', ':', ';']) {
                self.span = 0;
            }
        }
    }
}

/// Counts of colons and semicolons per word key and per feature value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MarkModel {
    words: FxHashMap<String, [u64; 2]>,
    total: [u64; 2],
    colon_before: [u64; 2],
    next: [[u64; 2]; 5],
    span: [[u64; 2]; SPAN_BUCKETS],
}

/// Pseudo-count of the smoothing that draws a word's share of semicolons
/// towards the share over all words (set before measuring, not tuned).
const WORD_SMOOTHING: f64 = 5.0;

/// Power applied to the product of the word's odds and the features'
/// likelihood ratios: the features are not independent of the word or of
/// each other (a label is short *and* followed by a capital), so their plain
/// product is too sure. Set on held-out sets A–CJ: repair's syllable error
/// rate 7.59 % with 0.5, 7.61 % with 0.7 (and 40 against 113 more tokens
/// broken than without the reader).
const TEMPER: f64 = 0.5;

impl MarkModel {
    /// Does the model hold no counts (a lexicon built without the file)?
    pub fn is_empty(&self) -> bool {
        self.total == [0, 0]
    }

    /// Counts one site of clean text.
    pub fn count(&mut self, site: &Site) {
        let m = site.mark.index();
        self.words.entry(site.key.clone()).or_default()[m] += 1;
        self.total[m] += 1;
        if site.colon_before {
            self.colon_before[m] += 1;
        }
        self.next[site.next as usize][m] += 1;
        self.span[span_bucket(site.span)][m] += 1;
    }

    /// Drops the words seen fewer than `min` times (their sites still count
    /// in the totals and the features).
    pub fn prune(&mut self, min: u64) {
        self.words.retain(|_, c| c[0] + c[1] >= min);
    }

    /// Number of words with counts of their own.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// How much likelier a semicolon is than a colon at `site`, whatever
    /// its printed mark, before the document's OCR is taken into account:
    /// the word's smoothed odds times the likelihood ratio of each feature,
    /// tempered ([`TEMPER`]). One with an empty model.
    pub fn semicolon_odds(&self, site: &Site) -> f64 {
        if self.is_empty() {
            return 1.0;
        }
        let [tc, ts] = self.total.map(|c| c as f64);
        let share = ts / (tc + ts);
        let [c, s] = self
            .words
            .get(&site.key)
            .map_or([0.0; 2], |c| c.map(|c| c as f64));
        let p = (s + WORD_SMOOTHING * share) / (c + s + WORD_SMOOTHING);
        let ratio = |counts: [u64; 2]| {
            let (c, s) = (
                counts[0] as f64 / tc.max(1.0),
                counts[1] as f64 / ts.max(1.0),
            );
            if c > 0.0 && s > 0.0 {
                s / c
            } else {
                1.0
            }
        };
        let mut odds = p / (1.0 - p);
        if site.colon_before {
            odds *= ratio(self.colon_before);
        }
        odds *= ratio(self.next[site.next as usize]);
        odds *= ratio(self.span[span_bucket(site.span)]);
        odds.powf(TEMPER)
    }

    /// The model as `marks.tsv`: feature rows (`=name`) then word rows, each
    /// with its colon and semicolon counts, words sorted.
    pub fn to_tsv(&self) -> String {
        let mut out = String::from(
            "# after a word or in a feature's case, how often ':' then ';' ended a word \
             (src/lexicon/marks.rs)\n",
        );
        let mut row = |name: &str, c: [u64; 2]| {
            out.push_str(&format!("{name}\t{}\t{}\n", c[0], c[1]));
        };
        row("=total", self.total);
        row("=colon_before", self.colon_before);
        for n in Next::ALL {
            row(&format!("=next:{}", n.name()), self.next[n as usize]);
        }
        for (b, c) in self.span.iter().enumerate() {
            row(&format!("=span:{b}"), *c);
        }
        let mut words: Vec<(&String, &[u64; 2])> = self.words.iter().collect();
        words.sort();
        for (w, c) in words {
            row(w, *c);
        }
        out
    }

    /// Reads [`to_tsv`](Self::to_tsv)'s output; the error names the line.
    pub fn from_tsv(text: &str) -> Result<MarkModel, String> {
        let mut m = MarkModel::default();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = || format!("line {}: expected a name and two counts", i + 1);
            let mut f = line.split('\t');
            let (Some(name), Some(c), Some(s), None) = (f.next(), f.next(), f.next(), f.next())
            else {
                return Err(bad());
            };
            let counts = [
                c.parse::<u64>().map_err(|_| bad())?,
                s.parse::<u64>().map_err(|_| bad())?,
            ];
            let Some(feature) = name.strip_prefix('=') else {
                m.words.insert(name.to_owned(), counts);
                continue;
            };
            let slot = match feature.split_once(':') {
                None if feature == "total" => &mut m.total,
                None if feature == "colon_before" => &mut m.colon_before,
                Some(("next", n)) => match Next::ALL.iter().find(|x| x.name() == n) {
                    Some(&x) => &mut m.next[x as usize],
                    None => return Err(format!("line {}: unknown class {n}", i + 1)),
                },
                Some(("span", b)) => match b.parse::<usize>().ok().filter(|&b| b < SPAN_BUCKETS) {
                    Some(b) => &mut m.span[b],
                    None => return Err(format!("line {}: unknown bucket {b}", i + 1)),
                },
                _ => return Err(format!("line {}: unknown feature {feature}", i + 1)),
            };
            *slot = counts;
        }
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sites(text: &str) -> Vec<Site> {
        let mut w = Walker::new();
        let mut out = Vec::new();
        for line in text.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            w.line(&words, |s| out.push(s));
        }
        out
    }

    #[test]
    fn sites_are_words_ending_in_a_mark_after_a_letter_or_digit() {
        let s = sites("- Tổng số được triệu tập: 15 người; có mặt: 14 (b/c): năm 2026;");
        let found: Vec<(&str, Mark, bool, Next, usize)> = s
            .iter()
            .map(|s| (s.key.as_str(), s.mark, s.colon_before, s.next, s.span))
            .collect();
        assert_eq!(
            found,
            vec![
                ("tập", Mark::Colon, false, Next::Digit, 5),
                ("người", Mark::Semicolon, true, Next::Lower, 2),
                ("mặt", Mark::Colon, true, Next::Digit, 2),
                ("0000", Mark::Semicolon, true, Next::End, 2),
            ]
        );
    }

    #[test]
    fn segments_go_on_across_lines_and_stop_at_items_and_blank_lines() {
        let s = sites("Ông A và bà B\nđã dự họp:\n\nx:\n- Ghi chú:");
        let spans: Vec<usize> = s.iter().map(|s| s.span).collect();
        assert_eq!(spans, vec![8, 1, 2]);
    }

    #[test]
    fn item_markers() {
        for m in ["-", "+", "a)", "đ)", "2.", "1.2.", "II.", "IV."] {
            assert!(is_item_marker(m), "{m}");
        }
        // A figure that opens a line is no marker without its dot.
        for m in ["A)", "II", "x:", "2026", "1.250", "12,5", "ab)", "."] {
            assert!(!is_item_marker(m), "{m}");
        }
    }

    #[test]
    fn odds_follow_the_word_and_the_features() {
        let mut m = MarkModel::default();
        for text in [
            "x đồng; y đồng; z đồng; a b c d e f g h i đồng: và đồng; Ông",
            "Ghi chú: Tổng; như sau: 1 và như sau: Ông",
        ] {
            let mut w = Walker::new();
            let words: Vec<&str> = text.split_whitespace().collect();
            w.line(&words, |s| m.count(&s));
        }
        let site = |key: &str, next: Next| Site {
            index: 1,
            mark: Mark::Colon,
            key: key.into(),
            colon_before: false,
            next,
            span: 2,
        };
        let dong = m.semicolon_odds(&site("đồng", Next::Lower));
        let sau = m.semicolon_odds(&site("sau", Next::Lower));
        assert!(dong > sau, "{dong} {sau}");
        assert!(
            m.semicolon_odds(&site("đồng", Next::Upper)) < dong,
            "a capital after the mark speaks for a colon"
        );
        assert_eq!(
            MarkModel::default().semicolon_odds(&site("đồng", Next::End)),
            1.0
        );
    }

    #[test]
    fn the_file_round_trips_and_bad_lines_are_named() {
        let mut m = MarkModel::default();
        let mut w = Walker::new();
        w.line(&["Kết", "quả:", "đạt;", "2026:"], |s| m.count(&s));
        let back = MarkModel::from_tsv(&m.to_tsv()).expect("parses");
        assert_eq!(back, m);
        assert!(MarkModel::from_tsv("=total\t1\n")
            .unwrap_err()
            .contains("line 1"));
        assert!(MarkModel::from_tsv("=span:9\t1\t2\n")
            .unwrap_err()
            .contains("bucket"));
        assert!(MarkModel::from_tsv("=nope\t1\t2\n")
            .unwrap_err()
            .contains("feature"));
    }
}
