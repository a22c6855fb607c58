//! The body: headings and their numbering, the sections tree, paragraphs
//! re-joined from wrapped lines, the opening and closing paragraphs.
//!
//! Numbering follows Phụ lục I of NĐ 30/2020: `Phần I`/`Chương I`/`Mục 1`/
//! `Điều 1.` for normative texts, `I.` → `1.` (`2.1.`) → `a)` for reports and
//! plans, then `*`, `-`, `+` bullets. OCR-damaged markers (`IL.`, `I1.`, `|.`,
//! `.`, `¢)`) are read by their position in the sequence, not by their glyph.

use super::{Claims, Line};
use crate::output::{Block, BlockKind, Diagnostic, Section};
use crate::text::roman;
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// The Vietnamese alphabet as used for điểm letters (no f, j, w, z).
const LETTERS: &[&str] = &[
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

static ROMAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<m>[IVXLl1|!]{1,5}|)\s*(?:[.,]\s*|(?P<dash>-)\s*)(?P<rest>\S.*)$").unwrap()
});
static ARABIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<m>\d{1,2}(?:\.\d{1,2}){0,3}\.?)\s*[)]?\s*(?P<rest>\S.*)$").unwrap()
});
/// A one- or two-digit number whose dot OCR read as `,` or `:`, before a
/// capitalised word.
static DAMAGED_ARABIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}[,:]\s+(?P<rest>\p{Lu}.*)$").unwrap());
static LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<m>[a-zđ¢])\s*\)\s*(?P<rest>.*)$").unwrap());
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<m>[-–—•+*])\s*(?P<rest>\S.*)$").unwrap());
static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<w>phan|chuong|tieu muc|muc|dieu)\s+(?P<n>[ivxl]+|\d+)\b\s*[.:]?\s*(?P<rest>.*)$",
    )
    .unwrap()
});

/// First characters [`NAMED`] can match (on the folded line).
fn may_start_named(c: char) -> bool {
    "pctmd".contains(c)
}
/// First characters [`ROMAN`] can match.
fn may_start_roman(c: char) -> bool {
    "IVXLl1|!.,-".contains(c) || c.is_whitespace()
}
/// First characters [`LETTER`] can match.
fn may_start_letter(c: char) -> bool {
    c.is_ascii_lowercase() || c == 'đ' || c == '¢'
}
/// First characters [`BULLET`] can match.
fn may_start_bullet(c: char) -> bool {
    "-–—•+*".contains(c)
}
/// First characters [`ARABIC`] and [`DAMAGED_ARABIC`] can match (`\d` is
/// any Unicode decimal digit; `is_numeric` is wider).
fn may_start_digit(c: char) -> bool {
    c.is_numeric()
}

/// What kind of numbering a heading carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Part,
    Chapter,
    Muc,
    Dieu,
    Roman,
    Arabic(u8),
    Letter,
    Star,
    Dash,
    Plus,
}

impl Kind {
    /// Fixed rank in the hierarchy; bullets have none (they nest where used).
    fn rank(self) -> Option<u8> {
        Some(match self {
            Kind::Part => 0,
            Kind::Chapter => 1,
            Kind::Muc => 2,
            Kind::Dieu => 3,
            Kind::Roman => 4,
            Kind::Arabic(d) => 4 + d,
            Kind::Letter => 12,
            Kind::Star | Kind::Dash | Kind::Plus => return None,
        })
    }
}

/// A numbering marker found at the start of a line.
#[derive(Clone, Debug)]
struct Marker {
    kind: Kind,
    /// The marker as printed.
    glyph: String,
    /// Byte offset of the text after the marker.
    rest: usize,
    /// An Arabic number whose dot OCR read as `,` or `:` (`4, Tuyên
    /// truyền`): a marker only where it continues its siblings' sequence.
    damaged: bool,
}

fn first_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// The captures of `re` (anchored at the start) in `s`, tried only when the
/// first character of `s` is one `may_start` accepts: the pattern's first
/// character class, or a superset of it. Most lines start with none, and a
/// marker pattern is then not run at all.
fn captures_if<'s>(
    re: &Regex,
    s: &'s str,
    may_start: impl Fn(char) -> bool,
) -> Option<Captures<'s>> {
    s.chars()
        .next()
        .filter(|&c| may_start(c))
        .and_then(|_| re.captures(s))
}

/// Reads the marker at the start of a line. `after_break` says whether the
/// previous text ended (blank line, sentence end): an Arabic number followed
/// by a lower-case word is only a marker then.
fn marker(line: &Line<'_>, after_break: bool) -> Option<Marker> {
    let t = line.text.as_str();
    if let Some(c) = captures_if(&NAMED, &line.fold.s, may_start_named) {
        let w = c.name("w").map_or("", |m| m.as_str());
        let kind = match w {
            "phan" => Kind::Part,
            "chuong" => Kind::Chapter,
            "dieu" => Kind::Dieu,
            _ => Kind::Muc,
        };
        // "Phần"/"Mục" also begin ordinary sentences: require a short line or
        // a capitalised word, as the format prescribes.
        let rest = c
            .name("rest")
            .map_or(line.text.len(), |m| line.fold.orig(m.start()));
        if first_upper(t) && (kind == Kind::Dieu || line.text.chars().count() < 60) {
            let gl = c.name("n").map_or(0, |m| line.fold.orig(m.end()));
            return Some(Marker {
                kind,
                glyph: t[..gl].to_owned(),
                rest,
                damaged: false,
            });
        }
    }
    if let Some(c) = captures_if(&ROMAN, t, may_start_roman) {
        let m = c.name("m").map_or("", |m| m.as_str());
        let rest = c.name("rest").map_or(t.len(), |m| m.start());
        let digits_only = !m.is_empty() && m.chars().all(|c| c.is_ascii_digit());
        // `I- NỘI DUNG`, `I-NOI DUNG`: a dash only before a heading in capitals.
        let dash_ok =
            c.name("dash").is_none() || (!m.is_empty() && super::header::mostly_upper(&t[rest..]));
        // `I.SỰ CẦN THIẾT`: a dot with no space after it only before one.
        let tight = c.name("dash").is_none() && !t[..rest].ends_with(char::is_whitespace);
        let tight_ok = !tight || (!m.is_empty() && super::header::mostly_upper(&t[rest..]));
        // A mark alone (`. NHẬN XÉT`, the numeral lost) heads only a title
        // in capitals, as Roman-level titles are printed: before a sentence
        // (`. Truy bắt …`) it is a speck.
        let bare_ok = !m.is_empty() || super::header::mostly_upper(&t[rest..]);
        if !digits_only && dash_ok && tight_ok && bare_ok && first_upper(&t[rest..]) {
            return Some(Marker {
                kind: Kind::Roman,
                glyph: t[..rest].trim().to_owned(),
                rest,
                damaged: false,
            });
        }
    }
    if let Some(c) = captures_if(&ARABIC, t, may_start_digit) {
        let m = c.name("m").map_or("", |m| m.as_str());
        let rest = c.name("rest").map_or(t.len(), |m| m.start());
        let r = &t[rest..];
        let dotted =
            m.ends_with('.') || m.contains('.') || t[m.len()..].trim_start().starts_with(')');
        let starts_letter = r.chars().next().is_some_and(char::is_alphabetic);
        if dotted && starts_letter && (first_upper(r) || after_break) {
            let depth = m.trim_end_matches('.').split('.').count() as u8;
            return Some(Marker {
                kind: Kind::Arabic(depth.min(4)),
                glyph: t[..rest].trim().to_owned(),
                rest,
                damaged: false,
            });
        }
    }
    if let Some(c) = captures_if(&DAMAGED_ARABIC, t, may_start_digit) {
        let rest = c.name("rest").map_or(t.len(), |m| m.start());
        return Some(Marker {
            kind: Kind::Arabic(1),
            glyph: t[..rest].trim().to_owned(),
            rest,
            damaged: true,
        });
    }
    if let Some(c) = captures_if(&LETTER, t, may_start_letter) {
        let rest = c.name("rest").map_or(t.len(), |m| m.start());
        return Some(Marker {
            kind: Kind::Letter,
            glyph: t[..rest].trim().to_owned(),
            rest,
            damaged: false,
        });
    }
    if let Some(c) = captures_if(&BULLET, t, may_start_bullet) {
        let m = c.name("m").map_or("", |m| m.as_str());
        let rest = c.name("rest").map_or(t.len(), |m| m.start());
        let kind = match m {
            "*" => Kind::Star,
            "+" => Kind::Plus,
            _ => Kind::Dash,
        };
        return Some(Marker {
            kind,
            glyph: m.to_owned(),
            rest,
            damaged: false,
        });
    }
    None
}

/// Is the title after marker `mk` in `line` printed in capitals, as
/// Roman-level titles are?
fn title_in_capitals(line: &Line<'_>, mk: &Marker) -> bool {
    super::header::mostly_upper(&line.text[mk.rest.min(line.text.len())..])
}

/// Is the marker `mk` of line `i` a `1.` that OCR made of the first Roman
/// `I.`? It heads a title in capitals (as Roman-level titles are printed),
/// no Roman section came before, and one comes later in the body.
fn first_roman_misread(
    lines: &[Line<'_>],
    i: usize,
    end: usize,
    mk: &Marker,
    stack: &[Frame],
) -> bool {
    mk.kind == Kind::Arabic(1)
        && matches!(mk.glyph.as_str(), "1." | "1")
        && !stack.iter().any(|f| f.kind == Kind::Roman)
        && title_in_capitals(&lines[i], mk)
        && lines[i + 1..end]
            .iter()
            .any(|l| marker(l, false).is_some_and(|m| m.kind == Kind::Roman))
}

/// Is the marker `mk` of line `i` an `I.` that OCR made of an Arabic `1.`?
/// It heads a title in sentence case, as Arabic-level titles are printed
/// (Roman ones in capitals), and either a Roman section came before (so a
/// Roman `I.` cannot follow: `II. MỤC TIÊU` … `I. Phát triển chính quyền
/// số`) or the next numbered heading of either kind is an Arabic `2.` or `3.` (`|.
/// Chỉ đạo …` … `2. Tăng cường …` in a letter with no Roman sections).
fn one_read_as_roman(
    lines: &[Line<'_>],
    i: usize,
    end: usize,
    mk: &Marker,
    stack: &[Frame],
) -> bool {
    mk.kind == Kind::Roman
        && matches!(
            mk.glyph.trim_end_matches(['.', ',']).trim(),
            "I" | "l" | "|" | "!" | "L"
        )
        && !title_in_capitals(&lines[i], mk)
        && (stack.iter().any(|f| f.kind == Kind::Roman && f.value >= 1)
            || next_is_arabic_two(&lines[i + 1..end]))
}

/// Is the first Roman or first-level Arabic heading of `lines` an Arabic `2.`
/// (or a `3.`, when OCR lost the `2.`)?
fn next_is_arabic_two(lines: &[Line<'_>]) -> bool {
    lines
        .iter()
        .filter_map(|l| marker(l, false))
        .find(|m| matches!(m.kind, Kind::Roman | Kind::Arabic(1)))
        .is_some_and(|m| {
            m.kind == Kind::Arabic(1) && matches!(m.glyph.trim_end_matches('.'), "2" | "3")
        })
}

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| {
        matches!(c, '"' | '”' | '’' | '\'' | ')' | '*') || c.is_whitespace()
    });
    t.ends_with(['.', ':', ';', '!', '?'])
}

fn starts_lower_or_digit(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

/// A heading found in the body, before the tree is built.
#[derive(Debug)]
struct Heading {
    numbering: String,
    raw: String,
    level: u8,
    title: String,
    start: usize,
    end_text: usize,
}

/// The title of a heading: for run-in headings, the lead clause.
fn title_of(text: &str) -> String {
    let mut cut = text.len();
    for (i, c) in text.char_indices() {
        if c == ':' || c == ';' {
            cut = i;
            break;
        }
        if c == '.' && text[i + 1..].starts_with(' ') && i > 0 {
            // Not a decimal or abbreviation dot: the next word is capitalised.
            if first_upper(text[i + 1..].trim_start()) {
                cut = i;
                break;
            }
        }
    }
    text[..cut].trim().trim_end_matches('.').trim().to_owned()
}

/// One stack frame of the numbering hierarchy.
#[derive(Debug)]
struct Frame {
    kind: Kind,
    /// Sequence value: Roman/Arabic number, letter index.
    value: usize,
}

/// Normalizes a marker by its position in the sequence; returns the numbering.
fn normalize(
    kind: Kind,
    glyph: &str,
    expected: usize,
    diags: &mut Vec<Diagnostic>,
    no: usize,
) -> (String, usize) {
    match kind {
        Kind::Roman => {
            let g = glyph.trim_end_matches(['.', ',']).trim();
            match roman::value(g) {
                Some(v) if v == expected || (v > expected && v <= expected + 2) => {
                    (format!("{g}."), v)
                }
                _ => {
                    diags.push(Diagnostic {
                        code: "section.numbering.repaired".into(),
                        message: format!(
                            "marker {glyph:?} read as {}. by its position",
                            roman::numeral(expected)
                        ),
                        line: Some(no),
                    });
                    (format!("{}.", roman::numeral(expected)), expected)
                }
            }
        }
        Kind::Letter => {
            let g = glyph.trim_end_matches(')').trim();
            let exp = LETTERS
                .get(expected.saturating_sub(1))
                .copied()
                .unwrap_or("");
            let pos = LETTERS.iter().position(|&l| l == g).map(|p| p + 1);
            match pos {
                Some(p) if p == expected => (format!("{g})"), p),
                // OCR drops the stroke of đ.
                Some(_) if g == "d" && exp == "đ" => ("đ)".to_owned(), expected),
                Some(p) => (format!("{g})"), p),
                None => {
                    diags.push(Diagnostic {
                        code: "section.numbering.repaired".into(),
                        message: format!("marker {glyph:?} read as {exp}) by its position"),
                        line: Some(no),
                    });
                    (format!("{exp})"), expected)
                }
            }
        }
        Kind::Arabic(_) if glyph.ends_with([',', ':']) => {
            let n = glyph.trim_end_matches([',', ':']);
            diags.push(Diagnostic {
                code: "section.numbering.repaired".into(),
                message: format!("marker {glyph:?} read as {n}. by its position"),
                line: Some(no),
            });
            (format!("{n}."), n.parse().unwrap_or(expected))
        }
        Kind::Arabic(_) => {
            let last = glyph
                .trim_end_matches(['.', ')'])
                .rsplit('.')
                .next()
                .and_then(|s| s.parse().ok())
                .unwrap_or(expected);
            (glyph.to_owned(), last)
        }
        _ => (glyph.to_owned(), expected),
    }
}

/// Parses the body lines `start..end`, claims them, and returns the sections tree
/// (without blocks; see [`attach_blocks`]).
pub(crate) fn parse(
    lines: &[Line<'_>],
    start: usize,
    end: usize,
    claims: &mut Claims,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Section> {
    let end = end.min(lines.len());
    let mut lens: Vec<usize> = lines[start.min(end)..end]
        .iter()
        .map(|l| l.text.chars().count())
        .filter(|&n| n >= 20)
        .collect();
    lens.sort_unstable();
    let median = lens.get(lens.len() / 2).copied().unwrap_or(0);
    let short = |i: usize| median > 0 && lines[i].text.chars().count() * 10 < median * 6;

    let mut headings: Vec<Heading> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut seen_heading = false;
    let mut closing_at: Option<usize> = None;
    let mut after_break = true;
    let mut i = start;
    while i < end {
        if !claims.is_free(i) || lines[i].is_blank() {
            after_break = true;
            i += 1;
            continue;
        }
        let m = marker(&lines[i], after_break).filter(|mk| {
            // A damaged number counts only as the next of its siblings.
            !mk.damaged || {
                let n: Option<usize> = mk.glyph.trim_end_matches([',', ':']).parse().ok();
                stack
                    .iter()
                    .rev()
                    .find(|f| f.kind == mk.kind)
                    .is_some_and(|f| n == Some(f.value + 1))
            }
        });
        let m = m.map(|mk| {
            if first_roman_misread(lines, i, end, &mk, &stack) {
                Marker {
                    kind: Kind::Roman,
                    glyph: "I.".to_owned(),
                    ..mk
                }
            } else if one_read_as_roman(lines, i, end, &mk, &stack) {
                Marker {
                    kind: Kind::Arabic(1),
                    glyph: "1.".to_owned(),
                    ..mk
                }
            } else {
                mk
            }
        });
        // Collect the unit's lines.
        let mut last = i;
        let mut j = i + 1;
        while j < end && claims.is_free(j) {
            if lines[j].is_blank() {
                let k = (j..end.min(j + 4)).find(|&k| !lines[k].is_blank());
                match k {
                    Some(k)
                        if claims.is_free(k)
                            && !ends_sentence(&lines[last].text)
                            && !short(last)
                            && starts_lower_or_digit(&lines[k].text)
                            && marker(&lines[k], false).is_none() =>
                    {
                        j = k;
                        continue;
                    }
                    _ => break,
                }
            }
            let next = &lines[j];
            if marker(next, ends_sentence(&lines[last].text)).is_some_and(|m| !m.damaged) {
                break;
            }
            if short(last) || (ends_sentence(&lines[last].text) && first_upper(&next.text)) {
                break;
            }
            last = j;
            j += 1;
        }
        let text = lines[i..=last]
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let kind = match &m {
            Some(mk) if matches!(mk.kind, Kind::Dash | Kind::Plus) => {
                let body = &text[mk.rest.min(text.len())..];
                // A lead-in ("- Các Quyết định:") or a run-in label
                // ("- Cải cách thể chế: Tuyên truyền …") makes a heading.
                let lead = body.find(':').map(|c| &body[..c]);
                let labelled = lead.is_some_and(|h| {
                    let words = h.split_whitespace().count();
                    (1..=8).contains(&words)
                        && first_upper(h.trim_start())
                        && !h.contains(['(', ';'])
                });
                if labelled
                    || body.trim_end().ends_with(':') && body.split_whitespace().count() <= 15
                {
                    BlockKind::Heading
                } else {
                    BlockKind::ListItem
                }
            }
            Some(_) => BlockKind::Heading,
            None => {
                let f = super::Folded::new(&text).s;
                if text.trim_end().ends_with("/.") || f.starts_with("tren day la") {
                    BlockKind::Closing
                } else if !seen_heading {
                    BlockKind::Opening
                } else if lines[i].letter_ratio() < 0.3 {
                    BlockKind::Unparsed
                } else {
                    BlockKind::Paragraph
                }
            }
        };
        if kind == BlockKind::Unparsed {
            // Leave the line free: it becomes an unparsed block.
            i = last + 1;
            after_break = false;
            continue;
        }
        let id = claims.open(kind);
        for k in i..=last {
            claims.give(k, id);
        }
        if kind == BlockKind::Closing && closing_at.is_none() {
            closing_at = Some(i);
        }
        if kind == BlockKind::Heading {
            if let Some(mk) = m {
                seen_heading = true;
                let kd = mk.kind;
                // Find the frame: sibling, or child after popping deeper ones.
                let mut expected = 1;
                if let Some(pos) = stack.iter().rposition(|f| f.kind == kd) {
                    expected = stack[pos].value + 1;
                    stack.truncate(pos);
                } else if let Some(r) = kd.rank() {
                    while stack
                        .last()
                        .is_some_and(|f| f.kind.rank().is_none_or(|fr| fr >= r))
                    {
                        stack.pop();
                    }
                }
                let (numbering, value) = normalize(kd, &mk.glyph, expected, diags, lines[i].no);
                stack.push(Frame { kind: kd, value });
                let rest = text[mk.rest.min(text.len())..].trim();
                headings.push(Heading {
                    numbering,
                    raw: mk.glyph,
                    level: stack.len() as u8,
                    title: title_of(rest),
                    start: i,
                    end_text: last,
                });
            }
        }
        after_break = ends_sentence(&lines[last].text) || short(last);
        i = last + 1;
    }

    // Section extents: up to the next heading of the same or a higher level,
    // the closing paragraph, or the end of the body.
    let stop = closing_at.unwrap_or(end);
    let last_text_before = |limit: usize, from: usize| {
        (from..limit)
            .rev()
            .find(|&k| !lines[k].is_blank())
            .unwrap_or(from)
    };
    let mut flat: Vec<(u8, Section)> = Vec::new();
    for (h, hd) in headings.iter().enumerate() {
        let next = headings[h + 1..]
            .iter()
            .find(|o| o.level <= hd.level)
            .map_or(stop, |o| o.start.min(stop));
        let next = next.max(hd.end_text + 1);
        let last = last_text_before(next, hd.start);
        flat.push((
            hd.level,
            Section {
                numbering: hd.numbering.clone(),
                numbering_raw: (hd.raw != hd.numbering).then(|| hd.raw.clone()),
                level: hd.level,
                title: hd.title.clone(),
                line_start: hd.start + 1,
                line_end: last + 1,
                blocks: Vec::new(),
                children: Vec::new(),
            },
        ));
    }
    build_tree(flat)
}

/// Nests a flat, ordered list of (level, section) into a tree.
fn build_tree(flat: Vec<(u8, Section)>) -> Vec<Section> {
    let mut roots: Vec<Section> = Vec::new();
    let mut stack: Vec<Section> = Vec::new();
    for (level, s) in flat {
        while stack.last().is_some_and(|t| t.level >= level) {
            if let Some(done) = stack.pop() {
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => roots.push(done),
                }
            }
        }
        stack.push(s);
    }
    while let Some(done) = stack.pop() {
        match stack.last_mut() {
            Some(parent) => parent.children.push(done),
            None => roots.push(done),
        }
    }
    roots
}

/// Puts each body block into the deepest section containing its first line.
pub(crate) fn attach_blocks(mut sections: Vec<Section>, blocks: &[Block]) -> Vec<Section> {
    fn place(secs: &mut [Section], b: &Block) -> bool {
        for s in secs.iter_mut() {
            if s.line_start <= b.line_start && b.line_start <= s.line_end {
                if !place(&mut s.children, b) {
                    s.blocks.push(b.clone());
                }
                return true;
            }
        }
        false
    }
    for b in blocks {
        if matches!(
            b.kind,
            BlockKind::Heading
                | BlockKind::Paragraph
                | BlockKind::ListItem
                | BlockKind::Unparsed
                | BlockKind::PageNumber
        ) {
            place(&mut sections, b);
        }
    }
    sections
}

/// Every section in document order, depth first (for tests and consumers).
pub fn flatten(sections: &[Section]) -> Vec<&Section> {
    let mut out = Vec::new();
    fn walk<'a>(s: &'a [Section], out: &mut Vec<&'a Section>) {
        for x in s {
            out.push(x);
            walk(&x.children, out);
        }
    }
    walk(sections, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_character_filters_keep_every_marker_match() {
        let mut samples: Vec<String> = [
            "",
            " ",
            "I. MỤC TIÊU",
            "IL. NỘI DUNG",
            "I- NỘI DUNG",
            ". Kết quả",
            ", x",
            "- gạch",
            "– dash",
            "• dot",
            "+ cộng",
            "* sao",
            "1. Một",
            "2.1. Hai",
            "4, Tuyên",
            "12 cán bộ",
            "٣. số",
            "a) điểm",
            "đ) điểm",
            "¢) điểm",
            "Điều 1. Phạm vi",
            "Phần I",
            "Chương II",
            "Mục 3",
            "Tiểu mục 1",
            "|. Một",
            "!. Một",
            "\u{a0}- x",
            "Kính gửi:",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for entry in std::fs::read_dir("fixtures/seeds").expect("fixtures") {
            let path = entry.expect("entry").path();
            if let Ok(text) = std::fs::read_to_string(&path) {
                samples.extend(text.lines().map(|l| l.trim().to_owned()));
            }
        }
        type Filter = (&'static LazyLock<Regex>, fn(char) -> bool);
        let filters: [Filter; 5] = [
            (&ROMAN, may_start_roman),
            (&ARABIC, may_start_digit),
            (&DAMAGED_ARABIC, may_start_digit),
            (&LETTER, may_start_letter),
            (&BULLET, may_start_bullet),
        ];
        for s in &samples {
            for (re, may_start) in filters {
                let span = |c: Option<Captures<'_>>| c.and_then(|c| c.get(0)).map(|m| m.range());
                assert_eq!(
                    span(captures_if(re, s, may_start)),
                    span(re.captures(s)),
                    "{s:?}"
                );
            }
            let f = super::super::Folded::new(s).s;
            assert_eq!(
                captures_if(&NAMED, &f, may_start_named).is_some(),
                NAMED.is_match(&f),
                "{f:?}"
            );
        }
    }

    #[test]
    fn titles_cut_run_in_headings() {
        assert_eq!(
            title_of("Tham mưu UBND tỉnh ban hành: Kế hoạch"),
            "Tham mưu UBND tỉnh ban hành"
        );
        assert_eq!(
            title_of("Về công tác chỉ đạo, điều hành"),
            "Về công tác chỉ đạo, điều hành"
        );
    }

    fn run(text: &str) -> Vec<(String, u8, usize)> {
        let raw: Vec<&str> = text.split('\n').collect();
        let rep: Vec<String> = raw.iter().map(|s| s.to_string()).collect();
        let l = super::super::analyze(&raw, &rep);
        flatten(&l.sections)
            .into_iter()
            .map(|s| (s.numbering.clone(), s.level, s.line_start))
            .collect()
    }

    #[test]
    fn a_mark_alone_heads_only_a_title_in_capitals() {
        let t = "I. MỤC ĐÍCH\nnội dung.\n. Truy bắt 7 đối tượng.\n. NHẬN XÉT\nnội dung.";
        let got: Vec<(String, usize)> = run(t).into_iter().map(|(n, _, l)| (n, l)).collect();
        assert_eq!(got, [("I.".to_owned(), 1), ("II.".to_owned(), 4)]);
    }

    #[test]
    fn damaged_markers_read_by_position() {
        let t = "I. Một\nnội dung.\nIL. Hai\n1. Con\na) x\nb) y\n¢) z\n¢) w\nd) v\nI1L. Ba";
        let got = run(t);
        let nums: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(
            nums,
            ["I.", "II.", "1.", "a)", "b)", "c)", "d)", "đ)", "III."]
        );
        assert_eq!(got[3].1, 3);
        assert_eq!(got[8].1, 1);
    }

    #[test]
    fn a_number_with_a_misread_dot_counts_only_in_sequence() {
        let t = "I. Một\n1. Tuyên truyền.\n2. Hội nghị.\n3, Phát thanh.\n\
                 Tuyên truyền trên báo.\n7: Không phải mục.";
        let got = run(t);
        let nums: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(nums, ["I.", "1.", "2.", "3."]);
        assert_eq!(got[3].1, 2);
        // Without siblings before it, `4, Các` is a sentence.
        assert_eq!(run("I. Một\n4, Các cơ quan.").len(), 1);
    }

    #[test]
    fn roman_marker_with_a_dash() {
        let got = run("I. MỤC ĐÍCH\nNội dung.\nII-NỘI DUNG KIỂM TRA\nNội dung.\nIII- KINH PHÍ");
        let nums: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(nums.len(), 3, "{got:?}");
        assert!(got.iter().all(|g| g.1 == 1), "{got:?}");
        // Not before running text.
        assert_eq!(run("I. MỤC ĐÍCH\nII-Nội dung kiểm tra").len(), 1);
    }

    #[test]
    fn first_roman_read_as_one() {
        let got = run("1. MỤC ĐÍCH, YÊU CẦU\nNội dung.\n1. Mục đích\nx.\nII. NỘI DUNG");
        let nums: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(nums, ["I.", "1.", "II."]);
        // No Roman section later: a `1.` heading in capitals stays Arabic.
        let got = run("1. MỤC ĐÍCH\nNội dung.\n2. YÊU CẦU");
        assert_eq!(got[0].0, "1.");
    }

    #[test]
    fn one_read_as_roman_under_a_roman_section() {
        let got = run("I. MỤC ĐÍCH\nNội dung.\nII. NHIỆM VỤ\nI. Phát triển hạ tầng\nx.\n2. Đào tạo\nx.\nIII. TỔ CHỨC");
        let nums: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(nums, ["I.", "II.", "1.", "2.", "III."]);
        // A title in capitals keeps its Roman reading (and its position's number).
        let got = run("I. MỤC ĐÍCH\nNội dung.\nII. NHIỆM VỤ\nI. TỔ CHỨC");
        let nums: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(nums, ["I.", "II.", "III."]);
        // `L.` is no section numeral either.
        let got = run("I. KẾT QUẢ\nL. Trồng trọt\nx.\n2. Chăn nuôi\nx.");
        let nums: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(nums, ["I.", "1.", "2."]);
    }

    #[test]
    fn one_read_as_roman_before_its_arabic_siblings() {
        let got = run("Nội dung sau:\n|. Chỉ đạo các xã\nx.\n2. Tăng cường kiểm tra\nx.");
        let nums: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(nums, ["1.", "2."]);
        // Followed by a Roman `II.`, it stays the first Roman section.
        let got = run("Nội dung sau:\nI. Chỉ đạo các xã\nx.\nII. Tổ chức\nx.\n2. Tăng cường");
        let nums: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(nums, ["I.", "II.", "2."]);
    }
}
