//! The rules of tables drawn in text, read whole where OCR broke them.
//!
//! A table drawn with characters (`+-----+------+` or `|-----|------|`
//! between its rows, `| 1 | Thu ngân sách |` for a row) prints each rule as
//! one unbroken run of dashes. OCR keeps the corners and loses the dashes
//! (`+ + + + + +`), reads the first cell's dashes as a word (`eae | | | |`),
//! or puts spaces into the run (`|-----|------ |---- |`). Each broken rule
//! reads as several words, none of them text.
//!
//! Every rule of such a table is the same line: its cells are as wide as the
//! widest text of their column and a space either side. So a broken rule is
//! rewritten as the table's rule: one its lines print whole, if one does,
//! else the rule its rows' widest cells call for, with the corner the broken
//! line printed most (`+` or `|`).
//!
//! Only lines of three corners or more and nothing but rule marks are
//! rewritten, besides at most two words of at most eight letters that are
//! no syllable the language model knows (what OCR made of dashes: `eae`,
//! `t-----+`), and the lines the layout takes for a garbled rule (`a oe
//! --------- ------ +`, [`cells::is_rule`]); a line with a known word or a
//! third word is a row. Heavy scans print a rule as long runs of letters
//! (`nvveesseesecssnccen Scaapeeuare loven`): a line with a word of ten
//! letters or more, which no syllable has, and little else is one too
//! ([`long_junk`]). The table must have two rows at least, each drawn with a rule at
//! both ends and saying something in a cell, to give the cells' widths.
//! Figures are never touched: no line with one is rewritten.

use super::{Change, Changes};
use crate::lexicon::{lm, Lexicon};
use crate::text::{cells, Token, TokenKind};

/// Confidence of a rule read from the table's shape.
const RULE_CONFIDENCE: f32 = 0.8;

/// Most lines between two lines of one table (a row's wrapped text, a
/// blank line OCR put in, lines OCR made of a rule and a row's specks).
const GAP: usize = 3;

/// Fewest dashes of a rule printed whole.
const MIN_DASHES: usize = 10;

/// Most letters of a word OCR made of a rule's dashes.
const JUNK_LETTERS: usize = 8;

/// Most such words on one rule.
const JUNK_WORDS: usize = 2;

/// Fewest letters of a word that is no syllable at all (the longest
/// Vietnamese syllable, `nghiêng`, has seven): what heavy scans print for a
/// rule's dashes (`nvveesseesecssnccen`).
const LONG_JUNK_LETTERS: usize = 10;

/// Most known syllables on a line of such junk (`tên` in `dhe ch eee tên
/// bee ence antec nccbenenenat`).
const LONG_JUNK_SYLLABLES: usize = 2;

/// What a line of a table is.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Shape {
    /// A row drawn with a rule at both ends: its cells' widths, in
    /// characters, trimmed.
    Row(Vec<usize>),
    /// A rule printed whole, spaces aside.
    Whole {
        /// The rule without the spaces.
        rule: String,
        /// OCR put spaces into it.
        spaced: bool,
    },
    /// A rule OCR broke: whether most of the corners it printed are `+`.
    Broken { plus: bool },
    /// Another line with two rules or more (a row OCR cut short).
    Other,
}

impl Shape {
    /// A rule OCR broke, as printed in `t`: `+` corners if it prints more
    /// `+` than `|`.
    fn broken(t: &str) -> Shape {
        Shape::Broken {
            plus: t.matches('+').count() > t.matches('|').count(),
        }
    }
}

/// The table rule marks a broken rule may print besides its corners.
fn rule_mark(c: char) -> bool {
    matches!(
        c,
        '-' | '+'
            | '|'
            | '~'
            | '—'
            | '–'
            | '='
            | '_'
            | '.'
            | ':'
            | '!'
            | '\''
            | '*'
            | '>'
            | '['
            | ']'
            | '{'
            | '}'
            | '$'
            | ','
    )
}

/// The corners of a rule.
fn corner(c: char) -> bool {
    c == '+' || c == '|'
}

/// The shape of a line of text (repaired, or as OCR printed it), or `None`
/// for a line that is no part of a drawn table.
fn shape(lex: &Lexicon, text: &str) -> Option<Shape> {
    let t = text.trim();
    let corners = t.chars().filter(|&c| corner(c)).count();
    // A rule OCR garbled further (`a oe --------- ------ +`) is one to the
    // layout's eye too. Not with a digit on it (`4-----4----`, its corners
    // read as `4`s): a figure is never rewritten.
    let garbled = cells::is_rule(t) && !t.contains(|c: char| c.is_ascii_digit());
    if corners < 3 && !garbled {
        return None;
    }
    let joined: String = t.split_whitespace().collect();
    if let Some(rule) = whole_rule(&joined) {
        return Some(Shape::Whole {
            rule,
            spaced: joined.len() != t.len(),
        });
    }
    // A row says something in a cell; bars alone (`| | | |`) are a rule
    // whose dashes OCR lost.
    let inside = t.strip_prefix('|').and_then(|t| t.strip_suffix('|'));
    if let Some(cells) = inside.filter(|c| c.chars().any(char::is_alphanumeric)) {
        return Some(Shape::Row(
            cells.split('|').map(|c| c.trim().chars().count()).collect(),
        ));
    }
    let marks_only = |w: &str| w.chars().all(rule_mark);
    let mut junk_words = 0;
    let broken = t.split_whitespace().all(|w| {
        if marks_only(w) {
            return true;
        }
        junk_words += 1;
        let letters: String = w.chars().filter(|&c| !rule_mark(c)).collect();
        junk_words <= JUNK_WORDS
            && (1..=JUNK_LETTERS).contains(&letters.chars().count())
            && letters.chars().all(char::is_alphabetic)
            // Capitals past the first letter are a name's or a code's
            // (`aTinh` of `Hà Tĩnh`, `FL.`), not what dashes print.
            && !letters.chars().skip(1).any(char::is_uppercase)
            && !known_syllable(lex, &letters)
    });
    Some(if broken || garbled {
        Shape::broken(t)
    } else {
        Shape::Other
    })
}

/// Is the line `t`, as OCR printed it, what a heavy scan made of a rule: no
/// figure, a word of [`LONG_JUNK_LETTERS`] letters or more, at most
/// [`LONG_JUNK_SYLLABLES`] known syllables, and nine in ten of its printed
/// characters rule marks or letters of words that are no syllable?
fn long_junk(lex: &Lexicon, t: &str) -> bool {
    if t.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    if !t
        .split_whitespace()
        .any(|w| letters(w) >= LONG_JUNK_LETTERS)
    {
        return false;
    }
    let (mut printed, mut junk, mut known) = (0, 0, 0);
    for w in t.split_whitespace() {
        let n = w.chars().count();
        printed += n;
        let word: String = w.chars().filter(|c| c.is_alphabetic()).collect();
        let marks = w.chars().filter(|&c| rule_mark(c)).count();
        if !word.is_empty() && known_syllable(lex, &word) {
            known += 1;
            junk += marks;
        } else {
            junk += marks + word.chars().count();
        }
    }
    known <= LONG_JUNK_SYLLABLES && junk * 10 >= printed * 9
}

/// Is `word` a syllable the language model knows (`tổng`, `cộng`)?
fn known_syllable(lex: &Lexicon, word: &str) -> bool {
    let id = lex.id(&word.to_lowercase());
    id != lm::UNK && lex.is_syllable(id)
}

/// `s` (spaces removed) as a whole rule: corners around runs of two dashes
/// or more, ten dashes at least.
fn whole_rule(s: &str) -> Option<String> {
    let first = s.chars().next()?;
    let last = s.chars().next_back()?;
    if !corner(first) || !corner(last) || s.chars().filter(|&c| c == '-').count() < MIN_DASHES {
        return None;
    }
    let runs_ok = s[1..s.len() - 1]
        .split(corner)
        .all(|run| run.len() >= 2 && run.bytes().all(|b| b == b'-'));
    runs_ok.then(|| s.to_owned())
}

/// The rule of a table whose rows' cells are `widths` wide, drawn with
/// `corner`.
fn rule_of(widths: &[usize], corner: char) -> String {
    let mut s = String::with_capacity(widths.iter().sum::<usize>() + 3 * widths.len() + 1);
    s.push(corner);
    for &w in widths {
        s.extend(std::iter::repeat_n('-', w + 2));
        s.push(corner);
    }
    s
}

/// The most common of `items` (the first of those tied).
fn most_common<T: PartialEq + Clone>(items: &[T]) -> Option<T> {
    let mut best: Option<(&T, usize)> = None;
    for it in items {
        let n = items.iter().filter(|x| *x == it).count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((it, n));
        }
    }
    best.map(|(it, _)| it.clone())
}

/// Rewrites the broken rules of every table drawn in text (see the module
/// doc), and the whole rules OCR put spaces into.
pub(super) fn read_table_rules(
    lex: &Lexicon,
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    // Each line's corners and dashes as printed.
    let marks: Vec<(usize, usize)> = lines
        .iter()
        .map(|l| {
            l.bytes().fold((0, 0), |(c, d), b| match b {
                b'|' | b'+' => (c + 1, d),
                b'-' => (c, d + 1),
                _ => (c, d),
            })
        })
        .collect();
    // Quick out: a document without three corners on a line has no table.
    if !marks.iter().any(|&(corners, _)| corners >= 3) {
        return;
    }
    let shapes: Vec<Option<Shape>> = lines
        .iter()
        .zip(tokens)
        .zip(&marks)
        .enumerate()
        .map(|(li, ((line, toks), &(corners, dashes)))| {
            // Most lines have no corner nor dash to speak of: no shape, and
            // no repaired text to build (a reader may add one corner, the
            // left rule of a row).
            if corners < 2 && dashes < 3 {
                return long_junk(lex, line).then(|| Shape::broken(line));
            }
            let text: String = toks
                .iter()
                .enumerate()
                .map(|(ti, t)| changes.text(line, t, (li, ti)))
                .collect();
            // A rule's junk is OCR's: repair may have read it as a word
            // (`cac` as `các`).
            match shape(lex, &text) {
                Some(Shape::Other) => match shape(lex, line) {
                    Some(broken @ Shape::Broken { .. }) => Some(broken),
                    _ if long_junk(lex, line) => Some(Shape::broken(line)),
                    _ => Some(Shape::Other),
                },
                s => s,
            }
        })
        .collect();
    let mut li = 0;
    while li < lines.len() {
        if shapes[li].is_none() {
            li += 1;
            continue;
        }
        // The table: lines of a shape, at most GAP lines apart.
        let mut end = li + 1;
        let mut last = li;
        while end < lines.len() && end - last <= GAP + 1 {
            if shapes[end].is_some() {
                last = end;
            }
            end += 1;
        }
        read_table(lines, tokens, &shapes, li..last + 1, changes);
        li = last + 1;
    }
}

/// Rewrites the rules of the table on lines `table`.
fn read_table(
    lines: &[String],
    tokens: &[Vec<Token>],
    shapes: &[Option<Shape>],
    table: std::ops::Range<usize>,
    changes: &mut Changes,
) {
    let rows: Vec<&Vec<usize>> = shapes[table.clone()]
        .iter()
        .filter_map(|s| match s {
            Some(Shape::Row(w)) => Some(w),
            _ => None,
        })
        .collect();
    if rows.len() < 2 {
        return;
    }
    let Some(cells) = most_common(&rows.iter().map(|w| w.len()).collect::<Vec<_>>()) else {
        return;
    };
    let mut widths = vec![0; cells];
    for w in rows.iter().filter(|w| w.len() == cells) {
        for (k, &n) in w.iter().enumerate() {
            widths[k] = widths[k].max(n);
        }
    }
    let corners_of = |s: &str| s.chars().filter(|&c| corner(c)).count();
    let printed: Vec<String> = shapes[table.clone()]
        .iter()
        .filter_map(|s| match s {
            Some(Shape::Whole { rule, .. }) if corners_of(rule) == cells + 1 => Some(rule.clone()),
            _ => None,
        })
        .collect();
    let printed = most_common(&printed);
    for li in table {
        let rule = match &shapes[li] {
            Some(Shape::Whole { rule, spaced: true }) if corners_of(rule) == cells + 1 => {
                rule.clone()
            }
            Some(Shape::Broken { plus }) => printed
                .clone()
                .unwrap_or_else(|| rule_of(&widths, if *plus { '+' } else { '|' })),
            _ => continue,
        };
        write_line(&lines[li], &tokens[li], li, rule, changes);
    }
}

/// Writes line `li` as `rule`: its first token becomes the rule, the rest
/// go (the line's indentation stays).
fn write_line(line: &str, toks: &[Token], li: usize, rule: String, changes: &mut Changes) {
    let Some(first) = toks.iter().position(|t| t.kind != TokenKind::Space) else {
        return;
    };
    let last = toks
        .iter()
        .rposition(|t| t.kind != TokenKind::Space)
        .unwrap_or(first);
    for (ti, t) in toks.iter().enumerate().take(last + 1).skip(first) {
        let to = if ti == first {
            rule.clone()
        } else {
            String::new()
        };
        if to == t.text(line) {
            continue;
        }
        changes.insert(
            (li, ti),
            Change {
                to,
                confidence: RULE_CONFIDENCE,
                runner_up: None,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_rules_and_their_corners() {
        assert_eq!(
            whole_rule("+-----+------------+---+"),
            Some("+-----+------------+---+".to_owned())
        );
        assert_eq!(whole_rule("|-----|-|"), None, "a run of one dash");
        assert_eq!(whole_rule("|-----|"), None, "too few dashes");
        assert_eq!(whole_rule("+-----+---x--+"), None);
        assert_eq!(rule_of(&[3, 10], '|'), "|-----|------------|");
    }

    #[test]
    fn the_most_common_item_and_the_first_of_a_tie() {
        assert_eq!(most_common(&[3, 5, 5, 3, 7]), Some(3));
        assert_eq!(most_common(&[3, 5, 5]), Some(5));
        assert_eq!(most_common::<usize>(&[]), None);
    }

    #[test]
    fn shapes_of_table_lines() {
        let lex = Lexicon::empty();
        assert_eq!(
            shape(&lex, "| 7 | Trung An | 10 |"),
            Some(Shape::Row(vec![1, 8, 2]))
        );
        assert_eq!(shape(&lex, "+ + + + +"), Some(Shape::Broken { plus: true }));
        assert_eq!(
            shape(&lex, "eae | | | |"),
            Some(Shape::Broken { plus: false })
        );
        assert_eq!(
            shape(&lex, "|-----|------ |---- |"),
            Some(Shape::Whole {
                rule: "|-----|------|----|".to_owned(),
                spaced: true
            })
        );
        // A figure or a third word: a row OCR cut short.
        assert_eq!(shape(&lex, "7 | | | |"), Some(Shape::Other));
        assert_eq!(shape(&lex, "ab cd ef | | | |"), Some(Shape::Other));
        assert_eq!(
            shape(&lex, "terse +, + + + +"),
            Some(Shape::Broken { plus: true })
        );
        assert_eq!(
            shape(&lex, "t-----+ + + + ee"),
            Some(Shape::Broken { plus: true })
        );
        assert_eq!(shape(&lex, "aTinh | | | |"), Some(Shape::Other));
        assert_eq!(shape(&lex, "a | b"), None);
        assert_eq!(shape(&lex, "| | | |"), Some(Shape::Broken { plus: false }));
    }

    #[test]
    fn heavy_scans_junk_for_a_rule() {
        let lex = crate::lexicon::bundled();
        for junk in [
            "[nvveesseesecssnccencenenntncecenet Scaapeeuare focreseeeenee loven",
            "dhe ch eee tên bee ence antec lace nccbenenenat vecetagestoatacercaanes feet +",
        ] {
            assert!(long_junk(lex, junk), "{junk}");
        }
        for kept in [
            // No word too long for a syllable.
            "Tees poesia es ciee na Gece Eee erences fee |",
            // A figure.
            "nvveesseesecssnccen 12",
            // Text with a word OCR glued.
            "Chuyểnđổicơcấu cây trồng trên đất lúa",
            "| | Hoongoatudtrutru ngoại trú bệnh viện | |",
        ] {
            assert!(!long_junk(lex, kept), "{kept}");
        }
    }

    #[test]
    fn a_rule_heavy_scans_printed_as_junk_is_read_in_its_table() {
        let lex = crate::lexicon::bundled();
        let text = "| 1 | Xã Tân Kỳ | 38.900 |\n[nvveesseesecssnccencenenntn Scaapeeuare loven\n| 2 | Phường Vinh | 27.350 |";
        let lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        let tokens: Vec<Vec<Token>> = lines.iter().map(|l| crate::text::tokenize(l)).collect();
        let mut changes = Changes::new(lines.len());
        read_table_rules(lex, &lines, &tokens, &mut changes);
        let out: String = tokens[1]
            .iter()
            .enumerate()
            .map(|(ti, t)| changes.text(&lines[1], t, (1, ti)).to_owned())
            .collect();
        assert_eq!(out, "|---|-------------|--------|");
        // Outside a table it stays.
        let lone = [
            "Trên địa bàn",
            "[nvveesseesecssnccencenenntn Scaapeeuare loven",
        ];
        let lines: Vec<String> = lone.iter().map(|l| (*l).to_owned()).collect();
        let tokens: Vec<Vec<Token>> = lines.iter().map(|l| crate::text::tokenize(l)).collect();
        let mut changes = Changes::new(lines.len());
        read_table_rules(lex, &lines, &tokens, &mut changes);
        assert!(changes.get((1, 0)).is_none());
    }
}
