//! The rows of `|` tables, read from their place in the table.
//!
//! OCR damages the label cell that numbers a table's rows (`| 3 |`): it
//! reads the rules beside the number as `1`s or brackets (`131`, `}3`),
//! loses the left rule (`3 | …`) and glues specks to the number. A row's
//! neighbours tell what it was: the rows run 1, 2, 3, … and, in a table
//! drawn with a left rule, every row opens with one.

use super::case;
use super::sections::in_sequence;
use super::Changes;
use crate::text::{viet, Token, TokenKind};

/// A table row's number: the first figure of one or two digits, after the
/// row's opening bar if it printed one (`| 2 | Thu …`, `2 | Thu …`). Its
/// token, and whether the bar was printed.
fn row_number(line: &str, toks: &[Token]) -> Option<(usize, bool)> {
    let mut solid = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind != TokenKind::Space);
    let (i, first) = solid.next()?;
    let barred = first.text(line) == "|";
    let (ni, number) = if barred { solid.next()? } else { (i, first) };
    (number.kind == TokenKind::Figure && number.text(line).len() <= 2).then_some((ni, barred))
}

/// A `|` table row's [`row_number`] with a bar after it: the number's
/// token and whether the row's opening bar was printed. Not `11`, OCR's
/// reading of two empty cells' rules (`11 | (người) |` in a heading),
/// unless the row above is numbered `10` (`after_ten`); a
/// letter or a Roman numeral is no row number here, as it may be OCR's `1`
/// (`I | Sửa chữa …` in a list of rows `| 2 |`, `| 3 |`).
fn row_label(line: &str, toks: &[Token], after_ten: bool) -> Option<(usize, bool)> {
    let (ni, barred) = row_number(line, toks)?;
    let text = toks[ni].text(line);
    let after = toks[ni + 1..].iter().find(|t| t.kind != TokenKind::Space)?;
    (text.bytes().all(|b| b.is_ascii_digit())
        && (text != "11" || after_ten)
        && after.text(line).starts_with('|'))
    .then_some((ni, barred))
}

/// Reads the left rule OCR lost before a `|` table row's label (`2 | Thu
/// …` → `| 2 | Thu …`), in a run of lines with two bars or more where at
/// least twice as many rows open with their rule as without it: a table
/// drawn without a left rule prints none on any row. Where fewer do, a row
/// that ends with its right rule gets its left one when the run opens with
/// a rule, and either some row kept its left rule or the run opens with the
/// numbers' heading (`| STT |`), or where at least four in five of three
/// numbered rows or more end with their right rule: OCR loses the left
/// rule beside a figure more often than beside a word. A table drawn
/// without rules wraps a cell's text onto lines that open with `|`, and a
/// row may end with one where a cell wrapped there, so neither alone
/// tells.
pub(super) fn read_row_left_rule(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for (start, end) in table_runs(lines) {
        let mut labels: Vec<(usize, (usize, bool))> = Vec::new();
        let mut after_ten = false;
        for li in start..end {
            if let Some((ti, barred)) = row_label(&lines[li], &tokens[li], after_ten) {
                after_ten = tokens[li][ti].text(&lines[li]) == "10";
                labels.push((li, (ti, barred)));
            }
        }
        let with = labels.iter().filter(|(_, (_, barred))| *barred).count();
        let without = labels.len() - with;
        let opens = |li: usize| lines[li].trim_start().starts_with('|');
        let heads_ruled = opens(start)
            && (with > 0
                || lines[start]
                    .split('|')
                    .nth(1)
                    .is_some_and(crate::text::cells::names_row_number));
        let most = drawn_with_left_rule(with, without);
        let closes = |li: usize| lines[li].trim_end().ends_with('|');
        let closed = labels.iter().filter(|(li, _)| closes(*li)).count();
        let right_ruled = labels.len() >= 3 && closed * 5 >= labels.len() * 4;
        if without > 0 {
            for &(li, (ti, _)) in labels.iter().filter(|(li, (_, barred))| {
                !barred && (most || (heads_ruled || right_ruled) && closes(*li))
            }) {
                let line = &lines[li];
                let t = &tokens[li][ti];
                let now = changes.text(line, t, (li, ti)).to_owned();
                if now.starts_with('|') {
                    continue;
                }
                changes.insert(
                    (li, ti),
                    in_sequence(format!("| {now}"), Some(t.text(line).to_owned())),
                );
            }
        }
    }
}

/// In a run of a table's lines where at least twice as many lines open
/// with the left rule (as read so far: a rule line read whole counts) as do
/// not, gives the left rule to a line that ends with its right rule and
/// opens with a word or a speck (`STT | Địa bàn |`, `Tổng cộng | 21.806
/// |`): OCR lost it. A line opening with a figure is left to
/// [`read_row_left_rule`]'s row numbers, or is a wrapped row's figures,
/// which a table printed without rules starts without one (`3.200 | 2.720
/// | 480 |`). Over the held-out OCR this made 91 lines better against the
/// truth and 7 worse (junk rule lines the rules' reader left).
pub(super) fn read_cell_left_rules(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    for run in table_runs(lines) {
        read_run_left_rules(lines, tokens, changes, run);
    }
}

/// [`read_cell_left_rules`] over one run of a table's lines.
fn read_run_left_rules(
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
    (start, end): (usize, usize),
) {
    let first_solid = |li: usize| tokens[li].iter().position(|t| t.kind != TokenKind::Space);
    // Per line, whether it opens with the left rule or is a rule, as read
    // so far.
    let opens: Vec<bool> = (start..end)
        .map(|li| {
            first_solid(li).is_some_and(|ti| {
                changes
                    .text(&lines[li], &tokens[li][ti], (li, ti))
                    .starts_with(['|', '+', '-'])
            })
        })
        .collect();
    let opened = opens.iter().filter(|&&o| o).count();
    let unopened = opens.len() - opened;
    if unopened == 0 || !drawn_with_left_rule(opened, unopened) {
        return;
    }
    for li in start..end {
        let (line, toks) = (&lines[li], &tokens[li]);
        let Some(ti) = first_solid(li) else { continue };
        // A rule's fragments (`[-=e |`, `|-=-----`) mark a rule line the
        // rules' reader could not rebuild: no row.
        let rule_bits = ["--", "-=", "=-", "=="].iter().any(|b| line.contains(b));
        // A line after one that ends without its right rule goes on with
        // that row, wrapped (`| STT | Đơn vị | Thanh toán` then `không |
        // Hồ sơ đã |`), and prints no left rule.
        let wrapped = li > start && !lines[li - 1].trim_end().ends_with('|');
        if opens[li - start]
            || rule_bits
            || wrapped
            || toks[ti].kind == TokenKind::Figure
            || !line.trim_end().ends_with('|')
        {
            continue;
        }
        let t = &toks[ti];
        // The word as it will print: a decoder's reading takes the case
        // OCR's printing and the line ask for, written here because the
        // rule before it is no letter to take a case from.
        let now = match changes.get((li, ti)) {
            Some(c) if t.kind == TokenKind::Word => {
                let pattern =
                    case::restore(t.text(line), &c.to, case::context(lines, tokens, li, ti));
                viet::apply_case(&c.to, pattern)
            }
            Some(c) => c.to.clone(),
            None => t.text(line).to_owned(),
        };
        changes.insert(
            (li, ti),
            in_sequence(format!("| {now}"), Some(t.text(line).to_owned())),
        );
        changes.keep_case((li, ti));
    }
}

/// The runs of consecutive lines with two bars or more (a `|` table's),
/// as (first, one past the last).
fn table_runs(lines: &[String]) -> Vec<(usize, usize)> {
    let ruled = |li: usize| lines[li].matches('|').count() >= 2;
    runs(lines.len(), ruled, |li| !ruled(li))
}

/// The runs of a table's lines among `n` lines, as (first, one past the
/// last): each opens at a line where `starts` holds and goes on to the
/// first line after it where `ends` holds.
fn runs(
    n: usize,
    starts: impl Fn(usize) -> bool,
    ends: impl Fn(usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < n {
        if !starts(start) {
            start += 1;
            continue;
        }
        let end = (start + 1..n).find(|&li| ends(li)).unwrap_or(n);
        out.push((start, end));
        start = end;
    }
    out
}

/// Is a table drawn with a left rule, by its numbered rows: some print
/// one, and at least twice as many as print none (a table drawn without
/// prints none on any row).
fn drawn_with_left_rule(with: usize, without: usize) -> bool {
    with > 0 && with >= 2 * without
}

/// Glyphs OCR prints for a table's rule beside a row's number (`}3`, `[7`,
/// `(6`, `‘6`, `2\|`).
fn rule_glyph(c: char) -> bool {
    matches!(
        c,
        '|' | '[' | ']' | '{' | '}' | '(' | ')' | '!' | '\'' | '‘' | '’' | '\\'
    )
}

/// A [`rule_glyph`] or a speck OCR glues to a row's number (`9.|`, `2-|`,
/// `|3.[-Xã`, `5 :`).
fn label_glyph(c: char) -> bool {
    rule_glyph(c) || matches!(c, '.' | ',' | ':' | ';' | '-' | '_' | '/')
}

/// The figure OCR printed the letter `c` for in a row's number.
fn digit_lookalike(c: char) -> Option<u32> {
    match c {
        'S' | 's' => Some(5),
        'L' | 'l' => Some(1),
        _ => None,
    }
}

/// Letters OCR prints for the rule before a row's number (`i 10 |`, `f3 |`).
const OPEN_LETTERS: [&str; 5] = ["i", "I", "l", "f", "j"];

/// Letters OCR prints for the rule after a row's number (`4 J Dự phòng`),
/// standing alone: none is a Vietnamese word.
const CLOSE_LETTERS: [&str; 6] = ["i", "I", "l", "f", "j", "J"];

/// A row's label cell as OCR printed it: tokens and what they may read.
#[derive(Debug)]
struct Label {
    /// The token printed for the left rule, if one was (`|`, `}`, `i`).
    open: Option<usize>,
    /// The number's token.
    number: usize,
    /// The number as printed.
    value: u32,
    /// The number without a leading `1` that is the left rule OCR read as
    /// a figure (`13` for `| 3`), where no other glyph stands for the rule.
    without_one: Option<u32>,
    /// The number without a trailing `1` that is the rule after it OCR read
    /// as a figure (`| 141 Ông` for `| 14 | Ông`), where no glyph stands
    /// for that rule.
    without_last_one: Option<u32>,
    /// The tokens of glyphs between the number and the cell's text.
    close: Vec<usize>,
    /// Whether a letter for the left rule came in the number's token (`LS`).
    glued_open: bool,
    /// Read so far as a clean label: `| 3 | Xã`, or `3 | Xã`.
    clean: bool,
    /// A word of one or two letters OCR printed for the number before a
    /// printed rule (`iz | Xã`, `§ | Xã`): no value of its own (`value`
    /// is 0), only its place between two rows.
    junk: bool,
}

/// The label cell opening a table row, as read so far: a number of one
/// to three digits, perhaps after a glyph for the left rule, then glyphs
/// for the rule after it, then a cell's text (a word).
fn label(line: &str, toks: &[Token], li: usize, changes: &Changes) -> Option<Label> {
    let now = |ti: usize| changes.text(line, &toks[ti], (li, ti)).trim();
    let glyphs = |ti: usize| {
        let t = now(ti);
        toks[ti].kind == TokenKind::Punct && !t.is_empty() && t.chars().all(label_glyph)
    };
    let solid = |from: usize| (from..toks.len()).find(|&ti| toks[ti].kind != TokenKind::Space);
    let first = solid(0)?;
    let digits = |ti: usize| {
        let t = now(ti);
        (toks[ti].kind == TokenKind::Figure
            && t.len() <= 3
            && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse::<u32>().ok())
        .flatten()
    };
    // A letter OCR printed for the number, alone or after a letter for the
    // left rule (`S |`, `LS |`): its value, and whether the rule came with it.
    let letter = |ti: usize| {
        let printed = toks[ti].text(line);
        if toks[ti].kind != TokenKind::Word || changes.text(line, &toks[ti], (li, ti)) != printed {
            return None;
        }
        let mut chars = printed.chars();
        let (a, b) = (chars.next()?, chars.next());
        if chars.next().is_some() {
            return None;
        }
        match b {
            None => digit_lookalike(a).map(|v| (v, false)),
            Some(b) if matches!(a, 'L' | 'l' | 'I' | 'i') => {
                digit_lookalike(b).filter(|&v| v != 1).map(|v| (v, true))
            }
            Some(_) => None,
        }
    };
    let opens =
        glyphs(first) && now(first).chars().any(rule_glyph) || OPEN_LETTERS.contains(&now(first));
    let after_open = solid(first + 1).filter(|&next| {
        opens && digits(first).is_none() && (digits(next).is_some() || letter(next).is_some())
    });
    // A word of one or two characters standing for the number (`iz`, `cS`,
    // `L9`, `§`), as printed whatever the decoder made of it.
    let junk_word =
        |ti: usize| toks[ti].kind == TokenKind::Word && toks[ti].text(line).chars().count() <= 2;
    let (open, number, junk) = match after_open {
        Some(next) => (Some(first), next, false),
        None if digits(first).is_some() || letter(first).is_some() => (None, first, false),
        None if junk_word(first) => (None, first, true),
        None => return None,
    };
    let (value, lookalike, glued_open) = match digits(number) {
        Some(v) => (v, false, false),
        None if junk => (0, false, false),
        None => letter(number).map(|(v, glued)| (v, true, glued))?,
    };
    let mut close = Vec::new();
    let mut ti = number + 1;
    let cell = loop {
        let t = toks.get(ti)?;
        match t.kind {
            TokenKind::Space => {}
            TokenKind::Punct if glyphs(ti) && now(ti).chars().count() <= 3 && close.len() < 2 => {
                close.push(ti)
            }
            TokenKind::Word
                if close.is_empty()
                    && CLOSE_LETTERS.contains(&toks[ti].text(line))
                    && toks.get(ti + 1).is_some_and(|t| t.kind == TokenKind::Space) =>
            {
                close.push(ti)
            }
            TokenKind::Word => break ti,
            _ => return None,
        }
        ti += 1;
    };
    // A letter is read as a number only before a printed rule, and not
    // before a section's name in capitals (`| B | TỔNG THU`).
    let ruled = close.iter().any(|&c| now(c).contains('|'));
    let capitals = toks[cell].text(line).chars().all(|c| !c.is_lowercase());
    if lookalike && (!ruled || capitals) || junk && !ruled {
        return None;
    }
    let printed = now(number);
    let without_one = printed
        .strip_prefix('1')
        .filter(|rest| open.is_none() && !lookalike && !rest.is_empty() && !rest.starts_with('0'))
        .and_then(|rest| rest.parse().ok());
    let without_last_one = printed
        .strip_suffix('1')
        .filter(|rest| close.is_empty() && !lookalike && !rest.is_empty())
        .and_then(|rest| rest.parse().ok());
    let spaced = |a: usize, b: usize| (a + 1..b).any(|i| toks[i].kind == TokenKind::Space);
    let clean = !lookalike
        && !junk
        && open.is_none_or(|o| now(o) == "|" && spaced(o, number))
        && matches!(close.as_slice(), [c] if now(*c) == "|" && spaced(number, *c) && spaced(*c, cell));
    Some(Label {
        open,
        number,
        value,
        without_one,
        without_last_one,
        close,
        glued_open,
        clean,
        junk,
    })
}

/// Reads a table row's damaged label cell from the rows around it (`}3
/// |-Nhà` → `| 3 | Nhà`, `16 |.Nhà` after `| 5 |` → `| 6 | Nhà`, `9.| Người`
/// → `9 | Người`, `| 6 Xã` → `| 6 | Xã`). In a run of lines with `|`
/// rules, a label printed with glyphs for its rules or specks around them
/// becomes the number after the row above's, or before the row below's,
/// when it reads that number: as printed, without a leading `1` that
/// stands for a lost left rule, or from a letter OCR printed for a figure
/// before a printed rule (`LS |`, `[S|` → `| 5 |`). A clean label stays
/// unless it is out of sequence and reads in sequence without its leading
/// `1` (`13 |` between `| 2 |` and `| 4 |`). The left rule is written where
/// OCR printed a glyph for it or read it as that `1`, or where twice as
/// many of the run's clean labels print it as not; the rule after the
/// number, where it printed glyphs or none before the cell's text.
pub(super) fn read_row_labels(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    // A run goes on over one line that lost its rules (`là Hòa}`) between
    // two that kept them.
    let ruled = |li: usize| lines.get(li).is_some_and(|l| l.contains('|'));
    let ends = |li: usize| !ruled(li) && (lines[li].trim().is_empty() || !ruled(li + 1));
    for (start, end) in runs(lines.len(), ruled, ends) {
        let labels: Vec<(usize, Label)> = (start..end)
            .filter_map(|li| label(&lines[li], &tokens[li], li, changes).map(|l| (li, l)))
            .collect();
        // Whether the table is drawn with a left rule, by its clean labels.
        let with = labels
            .iter()
            .filter(|(_, l)| l.clean && l.open.is_some())
            .count();
        let without = labels
            .iter()
            .filter(|(_, l)| l.clean && l.open.is_none())
            .count();
        let ruled_left = drawn_with_left_rule(with, without);
        let mut last: Option<u32> = None;
        for (k, (li, label)) in labels.iter().enumerate() {
            let next = labels[k + 1..]
                .iter()
                .find(|(_, l)| !l.junk)
                .and_then(|(_, l)| l.value.checked_sub(1));
            // The number after the row above's, or before the row below's
            // (a row between them may have lost its number).
            let expected = |n: u32| n > 0 && (last.map(|v| v + 1) == Some(n) || next == Some(n));
            // A clean label stays unless it is out of sequence and reads in
            // sequence without its leading `1` (`13 |` between `| 2 |` and
            // `| 4 |`).
            if label.clean && (expected(label.value) || !label.without_one.is_some_and(&expected)) {
                last = Some(label.value);
                continue;
            }
            let opened = label.open.is_some() || label.glued_open;
            let reading = if label.junk {
                // Only between the rows numbered before and after it.
                last.map(|v| v + 1)
                    .filter(|&n| next == Some(n))
                    .map(|n| (n, ruled_left))
            } else if expected(label.value) {
                Some((label.value, opened || ruled_left))
            } else if let Some(n) = label.without_one.filter(|&n| expected(n)) {
                Some((n, true))
            } else if let Some(n) = label.without_last_one.filter(|&n| expected(n)) {
                Some((n, opened || ruled_left))
            } else {
                // Both rules read as ones (`131 Bắc Sơn` for `| 3 | Bắc Sơn`):
                // the number without its leading `1`, then its trailing one.
                label
                    .without_one
                    .filter(|&v| v >= 10 && label.without_last_one.is_some())
                    .map(|v| v / 10)
                    .filter(|&n| expected(n))
                    .map(|n| (n, true))
            };
            let Some((n, left_rule)) = reading else {
                // A junk word read as no row leaves the sequence as it was.
                if !label.junk {
                    last = None;
                }
                continue;
            };
            write_label(&lines[*li], &tokens[*li], *li, label, n, left_rule, changes);
            last = Some(n);
        }
    }
}

/// Writes `label` as the clean cell of row `n`, with its left rule if
/// `left_rule`.
fn write_label(
    line: &str,
    toks: &[Token],
    li: usize,
    label: &Label,
    n: u32,
    left_rule: bool,
    changes: &mut Changes,
) {
    let spaced_after = |ti: usize| toks.get(ti + 1).is_some_and(|t| t.kind == TokenKind::Space);
    let rule_at = label
        .close
        .iter()
        .copied()
        .find(|&c| changes.text(line, &toks[c], (li, c)).contains('|'))
        .or(label.close.last().copied());
    let mut write = |ti: usize, to: String| {
        let printed = toks[ti].text(line);
        if changes.text(line, &toks[ti], (li, ti)) != to {
            changes.insert((li, ti), in_sequence(to, Some(printed.to_owned())));
        }
    };
    if let Some(o) = label.open {
        write(o, if spaced_after(o) { "|" } else { "| " }.to_owned());
    }
    let number = if left_rule && label.open.is_none() || label.glued_open {
        format!("| {n}")
    } else {
        n.to_string()
    };
    match rule_at {
        Some(r) => {
            write(label.number, number);
            let glued = r == label.number + 1;
            let to = format!(
                "{}|{}",
                if glued { " " } else { "" },
                if spaced_after(r) { "" } else { " " }
            );
            for &c in &label.close {
                if c != r {
                    write(c, String::new());
                }
            }
            write(r, to);
        }
        None => write(label.number, format!("{number} |")),
    }
}

/// Reads the rule after a figure of a `|` table's row that OCR printed as a
/// `1` glued to it (`| 1.2001 1.1501 1.200 |` for `| 1.200 | 1.150 | 1.200
/// |`): a figure grouped in thousands whose last group has four digits,
/// the last a `1`, before another figure or the line's end. No figure is
/// printed so (in the held-out OCR outside set CO, 36 such tokens in table
/// rows, each the figure before a rule).
pub(super) fn read_rule_glued_as_one(
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    for (li, line, toks) in ruled_lines(lines, tokens) {
        for (ti, t) in toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == TokenKind::Figure)
        {
            let printed = t.text(line);
            let Some(figure) = grouped_before_one(printed) else {
                continue;
            };
            let next = toks[ti + 1..].iter().find(|t| t.kind != TokenKind::Space);
            if next.is_some_and(|n| n.kind != TokenKind::Figure)
                || changes.text(line, t, (li, ti)) != printed
            {
                continue;
            }
            changes.insert(
                (li, ti),
                in_sequence(format!("{figure} |"), Some(printed.to_owned())),
            );
        }
    }
}

/// Reads the rule between two figures of a `|` table's row that OCR
/// printed as a lone `1` (`| 5.163 1 99,5% |` for `| 5.163 | 99,5% |`): in
/// a row drawn with rules, cells are parted by rules, not spaces, so a `1`
/// standing between two figures is the rule between their cells, and one
/// ending a row that opens with a rule, after a figure, its right rule (in
/// the held-out OCR outside set CO, 51 and 4 such tokens in lines with two
/// rules or more, each a rule in the truth).
pub(super) fn read_rule_read_as_one(
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    for (li, line, toks) in ruled_lines(lines, tokens) {
        let kind = |i: usize| toks.get(i).map(|t| t.kind);
        // A row opening with a rule closes with one: a `1` ending it after a
        // figure is its right rule.
        let mut printed = toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind != TokenKind::Space);
        let left_rule = printed.next().is_some_and(|(_, t)| t.text(line) == "|");
        let last = printed.next_back().map(|(i, _)| i);
        for (ti, t) in toks.iter().enumerate().skip(2) {
            let closes = left_rule && last == Some(ti);
            if t.kind != TokenKind::Figure
                || t.text(line) != "1"
                || changes.text(line, t, (li, ti)) != "1"
                || kind(ti - 1) != Some(TokenKind::Space)
                || kind(ti - 2) != Some(TokenKind::Figure)
                || !(closes
                    || kind(ti + 1) == Some(TokenKind::Space)
                        && kind(ti + 2) == Some(TokenKind::Figure))
            {
                continue;
            }
            changes.insert((li, ti), in_sequence("|".to_owned(), Some("1".to_owned())));
        }
    }
}

/// The lines drawn as a `|` table's row (two rules or more), with their
/// index and tokens.
fn ruled_lines<'a>(
    lines: &'a [String],
    tokens: &'a [Vec<Token>],
) -> impl Iterator<Item = (usize, &'a str, &'a [Token])> {
    lines
        .iter()
        .zip(tokens)
        .enumerate()
        .filter(|(_, (line, _))| line.matches('|').count() >= 2)
        .map(|(li, (line, toks))| (li, line.as_str(), toks.as_slice()))
}

/// `figure` less its last `1` where that leaves a figure grouped in
/// thousands (`1.2001` → `1.200`, `111.700.0001` → `111.700.000`).
fn grouped_before_one(figure: &str) -> Option<&str> {
    let core = figure.strip_suffix('1').filter(|c| c.contains('.'))?;
    let groups: Vec<&str> = core.split('.').collect();
    let digits = |g: &&str| g.bytes().all(|b| b.is_ascii_digit());
    (groups.iter().all(digits) && crate::extract::number::thousands(&groups)).then_some(core)
}

/// Reads `| 4 |` for OCR's `141` opening a row of a `|` table: the bars
/// around the row's number read as `1`s (`141 Phan Thiết - La Gi | 500 |`).
/// Only where the number is the one after the row above's (`| 3 |`, or
/// such a `131`), or is `1` right under the table's heading, and a
/// capitalised word and a bar follow it on the line. A row numbered `141`
/// follows `140`, and stays.
pub(super) fn read_row_numbers(lines: &[String], tokens: &[Vec<Token>], changes: &mut Changes) {
    // The number of the table row above, and whether the line above was one
    // of a `|` table.
    let mut last: Option<u32> = None;
    let mut in_table = false;
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let Some((ti, first)) = toks
            .iter()
            .enumerate()
            .find(|(_, t)| t.kind != TokenKind::Space)
        else {
            continue;
        };
        let barred = line.contains('|');
        let text = first.text(line);
        let fused = match text.as_bytes() {
            [b'1', d @ b'1'..=b'9', b'1'] if first.kind == TokenKind::Figure => {
                Some(u32::from(d - b'0'))
            }
            _ => None,
        };
        let cell_follows = toks.get(ti + 2).is_some_and(|t| {
            toks[ti + 1].kind == TokenKind::Space
                && t.kind == TokenKind::Word
                && t.text(line).starts_with(char::is_uppercase)
        });
        if let Some(n) = fused.filter(|_| barred && cell_follows) {
            let follows = match last {
                Some(prev) => prev + 1 == n,
                None => n == 1 && in_table,
            };
            if follows {
                changes.insert((li, ti), in_sequence(format!("| {n} |"), None));
                last = Some(n);
                in_table = true;
                continue;
            }
        }
        let number =
            row_number(line, toks).and_then(|(ni, _)| toks[ni].text(line).parse::<u32>().ok());
        if barred {
            if number.is_some() {
                last = number;
            }
        } else {
            last = None;
        }
        in_table = barred;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::phrases::tests::read_with;

    #[test]
    fn a_row_that_lost_its_left_rule_gets_it_back() {
        let table = [
            "| 1 | Thu nội địa | 1.650,0 | 52,5 |",
            "2 | Thu xuất nhập khẩu | 865,5 | 47,0 |",
            "| 3 | Thu khác | 18,5 | 8,7 |",
            "| 4 | Tổng chi | 21.210,0 | 45,9 |",
            "11 | (người) | (tấn) |",
        ];
        let out = read_with(read_row_left_rule, &table.join("\n"));
        assert_eq!(out[1], "| 2 | Thu xuất nhập khẩu | 865,5 | 47,0 |");
        assert_eq!(out[0], table[0]);
        assert_eq!(out[4], table[4], "two empty cells' rules read `11`");
        // A table drawn without a left rule keeps its rows as printed.
        let open = [
            "1 | Tổng lượt khách | 412.600 |",
            "| | (khách quốc tế) | |",
            "2 | Khách lưu trú | 96.300 |",
        ];
        assert_eq!(read_with(read_row_left_rule, &open.join("\n")), open);
    }

    #[test]
    fn a_ruled_tables_cells_get_the_left_rule_ocr_lost() {
        let table = [
            "STT | Địa bàn | Số thí sinh | Tỷ lệ |",
            "| 1 | Xã An | 1.200 | 98,5 |",
            "| 2 | Xã Bình | 980 | 97,1 |",
            "| 3 | Xã Cát | 870 | 96,0 |",
            "| 4 | Xã Đông | 640 | 95,2 |",
            "Tổng cộng | 3.690 | 97,0 |",
        ];
        let out = read_with(read_cell_left_rules, &table.join("\n"));
        assert_eq!(out[0], "| STT | Địa bàn | Số thí sinh | Tỷ lệ |");
        assert_eq!(out[5], "| Tổng cộng | 3.690 | 97,0 |");
        assert_eq!(out[1..5], table[1..5]);
        // A row wrapped onto the next line, a wrapped row's figures and a
        // line without its right rule keep what they printed; so does a
        // table drawn without a left rule.
        let kept = [
            "| STT | Đơn vị | Hồ sơ | Thanh toán",
            "không | Hồ sơ đã |",
            "| 1 | Xã An | 1.200 | 98,5 |",
            "3.200 | 2.720 | 480 |",
            "| 2 | Xã Bình | 980 | 97,1 |",
            "| 3 | Xã Cát | 870 | 96,0 |",
            "| 4 | Xã Đông | 640 | 95,2 |",
            "| 5 | Xã Ea Sol | 410 | 94,8 |",
            "| 6 | Xã Phú | 390 | 93,5 |",
            "Tổng cộng | 2.180 | 97,9",
        ];
        assert_eq!(read_with(read_cell_left_rules, &kept.join("\n")), kept);
        let open = [
            "STT | Xã | Số hộ |",
            "| | (hộ) | |",
            "Xã An | 46 |",
            "Xã Bình | 38 |",
        ];
        assert_eq!(read_with(read_cell_left_rules, &open.join("\n")), open);
    }

    #[test]
    fn rows_under_a_ruled_heading_that_end_with_a_rule_get_the_left_one() {
        let table = [
            "| STT | Tên | Số tiền |",
            "1 | Ông An | 702.000 |",
            "2 | Bà Bình | 702.000",
        ];
        let out = read_with(read_row_left_rule, &table.join("\n"));
        assert_eq!(out[1], "| 1 | Ông An | 702.000 |");
        assert_eq!(out[2], table[2], "no right rule");
        // Rows that end with their right rule, under a heading that lost
        // its left one too.
        let lost = [
            "STT | Xã | Số hộ |",
            "1 | Xã An | 46 |",
            "| 2 | Xã Bình | 38 |",
            "3 | Xã Cát | 12 |",
            "4 | Xã Đông | 20 |",
        ];
        let out = read_with(read_row_left_rule, &lost.join("\n"));
        assert_eq!(
            out[1..],
            [
                "| 1 | Xã An | 46 |",
                lost[2],
                "| 3 | Xã Cát | 12 |",
                "| 4 | Xã Đông | 20 |"
            ]
        );
        assert_eq!(out[0], lost[0], "no numbered row");
        // `11` after `10` is a row's number, not two empty cells' rules.
        let tens = ["| 10 | Xã An | 46 |", "11 | Xã Bình | 38 |"];
        let out = read_with(read_row_left_rule, &tens.join("\n"));
        assert_eq!(out[1], "| 11 | Xã Bình | 38 |");
        // A table drawn without rules whose rows end with a bar only where
        // a cell wrapped.
        let wrapped = [
            "1 | Xã An | Sửa chữa 08 phòng học |",
            "2 | Xã Bình | Cải tạo 02 khu | 685",
            "3 | Xã Cát | Nhà vệ sinh | 1.430",
        ];
        assert_eq!(read_with(read_row_left_rule, &wrapped.join("\n")), wrapped);
        // A table drawn without rules, one of its cells wrapped onto a line
        // that opens with `|`.
        let open = [
            "| sinh, phân công nhân viên | | Trạm Y tế",
            "4 | Truyền thông phòng, chống | tháng 9/2026 |",
        ];
        assert_eq!(read_with(read_row_left_rule, &open.join("\n")), open);
    }

    #[test]
    fn a_row_number_between_bars_read_as_ones_gets_its_bars_back() {
        let read = |lines: &[&str]| read_with(read_row_numbers, &lines.join("\n"));
        assert_eq!(
            read(&[
                "| TT | Địa bàn | Số hộ |",
                "111 Xã An | 46 |",
                "| 2 | Xã Bình | 38 |",
                "131 Xã Cát | 12 |",
            ]),
            [
                "| TT | Địa bàn | Số hộ |",
                "| 1 | Xã An | 46 |",
                "| 2 | Xã Bình | 38 |",
                "| 3 | Xã Cát | 12 |",
            ]
        );
        // Out of sequence, outside a table, or no cell after: as printed.
        let kept: [&[&str]; 3] = [
            &["| 140 | Xã An | 46 |", "141 Xã Bình | 38 |"],
            &["Đã cấp", "111 Giấy phép | 3 |"],
            &["| 1 | A |", "121 hộ | 3 |"],
        ];
        for lines in kept {
            assert_eq!(read(lines), lines);
        }
    }

    /// `lines` after `read_row_labels`.
    fn labelled(lines: &[&str]) -> Vec<String> {
        read_with(read_row_labels, &lines.join("\n"))
    }

    #[test]
    fn glyphs_for_a_labels_rules_read_as_rules_in_sequence() {
        assert_eq!(
            labelled(&[
                "| 2 | Xã An | 46 |",
                "}3 |-Nhà văn hóa | 38 |",
                "| 4.[ Xã Bình | 12 |",
                "[S| Xã Cát | 9 |",
                "16 |.Nhà ở | 20 |",
                "i 7 | Phường | 5 |",
                "| 8 Xã Đông | 4 |",
            ]),
            [
                "| 2 | Xã An | 46 |",
                "| 3 | Nhà văn hóa | 38 |",
                "| 4 | Xã Bình | 12 |",
                "| 5 | Xã Cát | 9 |",
                "| 6 | Nhà ở | 20 |",
                "| 7 | Phường | 5 |",
                "| 8 | Xã Đông | 4 |",
            ]
        );
    }

    #[test]
    fn a_label_reads_from_the_row_below_too() {
        // The first row, and a row after one whose number OCR lost.
        assert_eq!(
            labelled(&["{1 | Xã An | 46 |", "| 2 | Xã Bình | 38 |"])[0],
            "| 1 | Xã An | 46 |"
        );
        assert_eq!(
            labelled(&[
                "| 4 | Xã An | 46 |",
                "PS | Xã Bình | 38 |",
                "LS | Xã Cát | 12 |"
            ])[2],
            "| 5 | Xã Cát | 12 |"
        );
        // The rule after the number read as a `1` (`| 141 Ông`), or both
        // rules (`151 Bà`).
        assert_eq!(
            labelled(&["| 13 | Ông An |", "| 141 Ông Bình | 2 |"])[1],
            "| 14 | Ông Bình | 2 |"
        );
        assert_eq!(
            labelled(&["| 4 | Bà An |", "151 Bà Cúc | 3 |"])[1],
            "| 5 | Bà Cúc | 3 |"
        );
        // A clean `13` between `2` and `4` is a `3` whose left rule OCR
        // read as a `1`.
        assert_eq!(
            labelled(&["| 2 | Xã An |", "13 | Xã Bình |", "| 4 | Xã Cát |"])[1],
            "| 3 | Xã Bình |"
        );
        assert_eq!(
            labelled(&[
                "| 4 | Xã An |",
                "XY | Xã Bình |",
                "16} Xã Cát |",
                "[7 | Xã Đông |"
            ])[2..],
            ["| 6 | Xã Cát |", "| 7 | Xã Đông |"]
        );
    }

    #[test]
    fn a_table_without_a_left_rule_gets_none() {
        assert_eq!(
            labelled(&[
                "1 | Hồ sơ | 20.000",
                "2.| Tài khoản | 76.000",
                "3 | Dữ liệu | 45"
            ]),
            [
                "1 | Hồ sơ | 20.000",
                "2 | Tài khoản | 76.000",
                "3 | Dữ liệu | 45"
            ]
        );
    }

    #[test]
    fn a_rule_glued_to_a_figure_as_a_one_is_read_as_a_rule() {
        let read = |line: &str| read_with(read_rule_glued_as_one, line);
        assert_eq!(
            read("| 1 | Giường | 1.2001 1.1501 1.200 | 100,0 |"),
            ["| 1 | Giường | 1.200 | 1.150 | 1.200 | 100,0 |"]
        );
        assert_eq!(
            read("| 1 | Khen | 111.700.0001")[0],
            "| 1 | Khen | 111.700.000 |"
        );
        // Groups of three, a word after it, or no table: as printed.
        for kept in [
            "| 1 | Giường | 1.201 | 1.150 |",
            "| 1 | Giường | 1.2001 giường |",
            "Giường 1.2001 1.150",
        ] {
            assert_eq!(read(kept), [kept]);
        }
    }

    #[test]
    fn a_rule_printed_as_a_lone_one_between_figures_is_read_as_a_rule() {
        let read = |line: &str| read_with(read_rule_read_as_one, line);
        assert_eq!(
            read("| Hộ tịch | 5.214 | 5.163 1 99,5% |"),
            ["| Hộ tịch | 5.214 | 5.163 | 99,5% |"]
        );
        assert_eq!(
            read("| 5 | Xã | 45 1 1,58 1 125 |"),
            ["| 5 | Xã | 45 | 1,58 | 125 |"]
        );
        assert_eq!(read("| 3 | Xã | 45 | 125 1"), ["| 3 | Xã | 45 | 125 |"]);
        // A row's number, a word beside it, or no table: as printed.
        for kept in [
            "| 1 | Giường | 1.201 | 1.150 |",
            "| 2 | Cấp 1 1.150 | 12 |",
            "| Hộ | 12 1 hộ |",
            "Đạt 5.163 1 99,5%",
            "3 | Xã | 45 | 125 1",
        ] {
            assert_eq!(read(kept), [kept]);
        }
    }

    #[test]
    fn a_word_printed_for_a_label_reads_between_its_neighbours() {
        assert_eq!(
            labelled(&[
                "| 6 | Xã An | 46 |",
                "iz | Xã Bình | 38 |",
                "| 8 | Xã Cát | 12 |"
            ])[1],
            "| 7 | Xã Bình | 38 |"
        );
        // Not without a rule after it, nor where the rows around it leave
        // no number between them.
        let kept: [&[&str]; 2] = [
            &["| 6 | Xã An |", "iz Xã Bình |", "| 8 | Xã Cát |"],
            &["| 6 | Xã An |", "Hà | Xã Bình |", "| 7 | Xã Cát |"],
        ];
        for lines in kept {
            assert_eq!(labelled(lines), lines);
        }
    }

    #[test]
    fn labels_out_of_sequence_or_in_capitals_stay() {
        let kept: [&[&str]; 5] = [
            // `13` after `1` is no `3`; `}7` follows no `6`.
            &[
                "| 1 | Xã An | 46 |",
                "13 | Xã Bình | 38 |",
                "}7 | Xã Cát | 12 |",
            ],
            // `12` after `11` stays.
            &[
                "| 11 | Xã An | 46 |",
                "12 | Xã Bình | 38 |",
                "| 3 | Xã Cát | 12 |",
            ],
            // A section's letter before its name in capitals.
            &[
                "| 4 | Xã An | 46 |",
                "| S | TỔNG THU | 38 |",
                "| 6 | Xã Cát | 12 |",
            ],
            // A letter with no rule after it.
            &["| 4 | Xã An | 46 |", "S Xã Bình | 38 |"],
            // A rule's dashes are no specks of a label.
            &[
                "| 3 | Xã An | 46 |",
                "4------ ee ee | ---- |",
                "| 5 | Xã Cát | 12 |",
            ],
        ];
        for lines in kept {
            assert_eq!(labelled(lines), lines);
        }
    }
}
