//! Scoring repaired text against line-aligned truth.
//!
//! * CER: character edit distance over truth characters, per line, lines
//!   trimmed of leading/trailing whitespace (a leading space marks a page
//!   start in OCR output and is not text).
//! * SER: syllable (whitespace token) edit distance over truth tokens; also
//!   with tone placement ignored (`hoà` = `hòa`).
//! * Fixed / broken: truth tokens that were wrong in the input and right in
//!   the output, and the reverse.

use crate::text::viet::{set_tone_style, ToneStyle};

/// Accumulated scores over any number of lines.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Score {
    /// Lines scored.
    pub lines: usize,
    /// Truth characters.
    pub chars: usize,
    /// Character edits between output and truth.
    pub char_edits: usize,
    /// Truth syllables (whitespace tokens).
    pub syllables: usize,
    /// Syllable edits between output and truth.
    pub syllable_edits: usize,
    /// Syllable edits with tone placement ignored.
    pub syllable_edits_any_placement: usize,
    /// Syllable edits between the input and truth (before repair).
    pub input_syllable_edits: usize,
    /// Character edits between the input and truth.
    pub input_char_edits: usize,
    /// Truth syllables wrong in the input and right in the output.
    pub fixed: usize,
    /// Truth syllables right in the input and wrong in the output.
    pub broken: usize,
}

impl Score {
    /// Character error rate of the output.
    pub fn cer(&self) -> f64 {
        ratio(self.char_edits, self.chars)
    }
    /// Syllable error rate of the output.
    pub fn ser(&self) -> f64 {
        ratio(self.syllable_edits, self.syllables)
    }
    /// Syllable error rate with tone placement ignored.
    pub fn ser_any_placement(&self) -> f64 {
        ratio(self.syllable_edits_any_placement, self.syllables)
    }
    /// Character error rate of the input.
    pub fn input_cer(&self) -> f64 {
        ratio(self.input_char_edits, self.chars)
    }
    /// Syllable error rate of the input.
    pub fn input_ser(&self) -> f64 {
        ratio(self.input_syllable_edits, self.syllables)
    }

    /// Scores one line triple (input, output, truth) into `self`.
    pub fn add_line(&mut self, input: &str, output: &str, truth: &str) {
        let (input, output, truth) = (input.trim(), output.trim(), truth.trim());
        self.lines += 1;
        let tc: Vec<char> = truth.chars().collect();
        self.chars += tc.len();
        self.char_edits += levenshtein(&output.chars().collect::<Vec<_>>(), &tc);
        self.input_char_edits += levenshtein(&input.chars().collect::<Vec<_>>(), &tc);
        let tt: Vec<&str> = truth.split_whitespace().collect();
        let ot: Vec<&str> = output.split_whitespace().collect();
        let it: Vec<&str> = input.split_whitespace().collect();
        self.syllables += tt.len();
        self.syllable_edits += levenshtein(&ot, &tt);
        self.input_syllable_edits += levenshtein(&it, &tt);
        let norm = |v: &[&str]| -> Vec<String> {
            v.iter()
                .map(|s| set_tone_style(s, ToneStyle::Old))
                .collect()
        };
        self.syllable_edits_any_placement += levenshtein(&norm(&ot), &norm(&tt));
        let out_ok = matched(&ot, &tt);
        let in_ok = matched(&it, &tt);
        for (o, i) in out_ok.iter().zip(&in_ok) {
            match (i, o) {
                (false, true) => self.fixed += 1,
                (true, false) => self.broken += 1,
                _ => {}
            }
        }
    }

    /// Adds another score into this one.
    pub fn merge(&mut self, o: &Score) {
        self.lines += o.lines;
        self.chars += o.chars;
        self.char_edits += o.char_edits;
        self.syllables += o.syllables;
        self.syllable_edits += o.syllable_edits;
        self.syllable_edits_any_placement += o.syllable_edits_any_placement;
        self.input_syllable_edits += o.input_syllable_edits;
        self.input_char_edits += o.input_char_edits;
        self.fixed += o.fixed;
        self.broken += o.broken;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Edit distance between two sequences.
pub fn levenshtein<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(x != y);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The token differences of one line, output against truth, as aligned by
/// the syllable edit distance (whitespace tokens, lines trimmed): runs of
/// differing tokens joined with a space, `("", t)` for a truth run the output
/// lacks, `(o, "")` for an output run the truth lacks. The `--show-errors`
/// list of `vietdoc eval repair`.
pub fn token_errors(output: &str, truth: &str) -> Vec<(String, String)> {
    let ot: Vec<&str> = output.split_whitespace().collect();
    let tt: Vec<&str> = truth.split_whitespace().collect();
    let mut out = Vec::new();
    let (mut o_run, mut t_run): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    for step in alignment(&ot, &tt) {
        match step {
            (Some(i), Some(j)) if ot[i] == tt[j] => {
                if !o_run.is_empty() || !t_run.is_empty() {
                    out.push((o_run.join(" "), t_run.join(" ")));
                    o_run.clear();
                    t_run.clear();
                }
            }
            (i, j) => {
                o_run.extend(i.map(|i| ot[i]));
                t_run.extend(j.map(|j| tt[j]));
            }
        }
    }
    if !o_run.is_empty() || !t_run.is_empty() {
        out.push((o_run.join(" "), t_run.join(" ")));
    }
    out
}

/// For each truth token, whether an alignment of `hyp` to `truth` matches it exactly.
fn matched(hyp: &[&str], truth: &[&str]) -> Vec<bool> {
    let mut ok = vec![false; truth.len()];
    for (i, j) in alignment(hyp, truth) {
        if let (Some(i), Some(j)) = (i, j) {
            ok[j] = hyp[i] == truth[j];
        }
    }
    ok
}

/// A minimal edit alignment of `hyp` to `truth`, in order: pairs of indices
/// (substitution or match), or one side alone (insertion or deletion).
fn alignment(hyp: &[&str], truth: &[&str]) -> Vec<(Option<usize>, Option<usize>)> {
    let (n, m) = (hyp.len(), truth.len());
    let w = m + 1;
    let mut d = vec![0usize; (n + 1) * w];
    for (j, cell) in d.iter_mut().enumerate().take(m + 1) {
        *cell = j;
    }
    for i in 1..=n {
        d[i * w] = i;
        for j in 1..=m {
            let sub = d[(i - 1) * w + j - 1] + usize::from(hyp[i - 1] != truth[j - 1]);
            d[i * w + j] = sub.min(d[(i - 1) * w + j] + 1).min(d[i * w + j - 1] + 1);
        }
    }
    let mut steps = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let here = d[i * w + j];
        if i > 0
            && j > 0
            && here == d[(i - 1) * w + j - 1] + usize::from(hyp[i - 1] != truth[j - 1])
        {
            steps.push((Some(i - 1), Some(j - 1)));
            i -= 1;
            j -= 1;
        } else if i > 0 && here == d[(i - 1) * w + j] + 1 {
            steps.push((Some(i - 1), None));
            i -= 1;
        } else {
            steps.push((None, Some(j - 1)));
            j -= 1;
        }
    }
    steps.reverse();
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_errors_and_fixes() {
        let mut s = Score::default();
        s.add_line("cua tinh", "của tỉnh", "của tỉnh");
        assert_eq!(
            (s.syllables, s.syllable_edits, s.input_syllable_edits),
            (2, 0, 2)
        );
        assert_eq!((s.fixed, s.broken), (2, 0));
        s.add_line("của tỉnh", "cua tỉnh", "của tỉnh");
        assert_eq!((s.fixed, s.broken, s.syllable_edits), (2, 1, 1));
        assert!((s.ser() - 0.25).abs() < 1e-9);
    }

    #[test]
    fn token_errors_group_differing_runs() {
        assert_eq!(
            token_errors("Điều 3 cua Bo luat", "Điều 3 của Bộ luật"),
            vec![("cua Bo luat".to_owned(), "của Bộ luật".to_owned())]
        );
        assert_eq!(
            token_errors("dân sự la đúng", "dân sự là những đúng"),
            vec![("la".to_owned(), "là những".to_owned())]
        );
        assert_eq!(
            token_errors("a : b", "a b"),
            vec![(":".to_owned(), String::new())]
        );
        assert!(token_errors("same text", "same  text").is_empty());
    }

    #[test]
    fn placement_insensitive() {
        let mut s = Score::default();
        s.add_line("hoà", "hoà", "hòa");
        assert_eq!((s.syllable_edits, s.syllable_edits_any_placement), (1, 0));
    }

    #[test]
    fn leading_space_ignored() {
        let mut s = Score::default();
        s.add_line(" abc", " abc", "abc");
        assert_eq!(s.char_edits, 0);
    }
}
