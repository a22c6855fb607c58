//! Layout stage: header, sections, paragraphs, tables, recipients, signature.
//!
//! [`analyze`] takes the raw input lines and the repaired lines (same length)
//! and assigns every line to exactly one [`Block`]; on top of the blocks it
//! builds the header fields, the sections tree, the appendix tables, the
//! recipients and the signature.
//!
//! The rules follow the official format of administrative documents
//! (Nghị định 30/2020/NĐ-CP, Phụ lục I): header cells side by side, numbering
//! `I.` → `1.` → `a)` → `-` → `+`, "Nơi nhận" level with the signature.
//! Keywords are matched on the diacritic- and case-folded skeleton of a line
//! so that remaining OCR noise (a lost mark, a case error) does not hide them.

mod attachment;
mod header;
pub(crate) use header::NUMBER_LABEL;
pub mod places;
mod sections;
mod signature;
pub mod table;

pub use sections::flatten;

use crate::output::{Block, BlockKind, Diagnostic, Header, Recipient, Section, Signature, Table};
use crate::text::viet;

/// The layout of one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// Every line in exactly one block, in line order.
    pub blocks: Vec<Block>,
    /// Header fields.
    pub header: Header,
    /// Sections tree of the body.
    pub sections: Vec<Section>,
    /// Appendix tables.
    pub tables: Vec<Table>,
    /// "Nơi nhận" entries.
    pub recipients: Vec<Recipient>,
    /// Signature block.
    pub signature: Signature,
    /// 1-based lines that start a page.
    pub page_starts: Vec<usize>,
    /// Notes about the parse.
    pub diagnostics: Vec<Diagnostic>,
}

/// A line folded to its skeleton (marks and case removed), with a map back to
/// byte offsets in the original line.
#[derive(Clone, Debug)]
pub(crate) struct Folded {
    /// The folded text.
    pub s: String,
    /// `map[j]` is the byte offset in the original of folded byte `j`;
    /// `map[s.len()]` is the original's length.
    map: Vec<usize>,
}

impl Folded {
    /// Folds `text`.
    pub fn new(text: &str) -> Folded {
        let mut s = String::with_capacity(text.len());
        let mut map = Vec::with_capacity(text.len() + 1);
        for (i, c) in text.char_indices() {
            let before = s.len();
            viet::push_skeleton_char(&mut s, c);
            for _ in before..s.len() {
                map.push(i);
            }
        }
        map.push(text.len());
        Folded { s, map }
    }

    /// Byte offset in the original text of folded byte offset `j`.
    pub fn orig(&self, j: usize) -> usize {
        self.map
            .get(j)
            .copied()
            .unwrap_or_else(|| self.map.last().copied().unwrap_or(0))
    }
}

/// The words of `t`, folded (no marks, lower case), split at anything but a
/// letter: what a misprinted fixed text or title is compared on.
pub(crate) fn folded_words(t: &str) -> Vec<String> {
    Folded::new(t)
        .s
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// One input line as the layout sees it.
#[derive(Clone, Debug)]
pub(crate) struct Line<'a> {
    /// 1-based line number.
    pub no: usize,
    /// The input line as printed.
    pub raw: &'a str,
    /// The repaired line, trimmed, without markdown bold markers.
    pub text: String,
    /// The folded form of `text`.
    pub fold: Folded,
}

impl Line<'_> {
    /// Is the line empty or whitespace only?
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// Is the line a rule typed under a heading or the motto (`________`,
    /// `-----`): three or more dashes, underscores, equals signs, tildes or
    /// stars and nothing else but spaces?
    pub fn is_rule(&self) -> bool {
        let mut marks = 0;
        for c in self.text.chars().filter(|c| !c.is_whitespace()) {
            if !matches!(c, '_' | '-' | '–' | '—' | '=' | '~' | '*') {
                return false;
            }
            marks += 1;
        }
        marks >= 3
    }

    /// Share of characters that are letters (0 for an empty line).
    pub fn letter_ratio(&self) -> f32 {
        let total = self.text.chars().filter(|c| !c.is_whitespace()).count();
        if total == 0 {
            return 0.0;
        }
        let letters = self.text.chars().filter(|c| c.is_alphabetic()).count();
        letters as f32 / total as f32
    }

    /// The raw text corresponding to `text[start..end]`, found by token index
    /// (repair keeps the token count of a line); the whole raw line when the
    /// token counts differ.
    pub fn raw_span(&self, start: usize, end: usize) -> String {
        raw_span(self.raw, &self.text, start, end)
    }
}

/// See [`Line::raw_span`].
fn raw_span(raw: &str, text: &str, start: usize, end: usize) -> String {
    let rt: Vec<&str> = raw.split_whitespace().collect();
    let tt: Vec<(usize, usize)> = token_spans(text);
    if rt.len() != tt.len() || tt.is_empty() {
        return raw.trim().to_owned();
    }
    let first = tt.iter().position(|&(_, e)| e > start);
    let last = tt.iter().rposition(|&(s, _)| s < end);
    match (first, last) {
        (Some(a), Some(b)) if a <= b => rt[a..=b].join(" "),
        _ => raw.trim().to_owned(),
    }
}

fn token_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Strips markdown bold markers and surrounding whitespace.
fn clean_text(s: &str) -> String {
    let t = s.trim();
    let t = t.trim_start_matches("**").trim_end_matches("**").trim();
    t.to_owned()
}

/// Lines claimed by the stages, turned into blocks at the end.
#[derive(Debug)]
pub(crate) struct Claims {
    owner: Vec<Option<usize>>,
    kinds: Vec<BlockKind>,
}

impl Claims {
    fn new(n: usize) -> Claims {
        Claims {
            owner: vec![None; n],
            kinds: Vec::new(),
        }
    }

    /// Starts a new block of `kind`; returns its id.
    pub fn open(&mut self, kind: BlockKind) -> usize {
        self.kinds.push(kind);
        self.kinds.len() - 1
    }

    /// Gives line index `i` (0-based) to block `id` if nobody owns it yet.
    pub fn give(&mut self, i: usize, id: usize) {
        if let Some(slot) = self.owner.get_mut(i) {
            if slot.is_none() {
                *slot = Some(id);
            }
        }
    }

    /// Gives the line range `a..b` (0-based) to a new block of `kind`.
    pub fn claim(&mut self, a: usize, b: usize, kind: BlockKind) -> usize {
        let id = self.open(kind);
        for i in a..b {
            self.give(i, id);
        }
        id
    }

    /// Is line index `i` free?
    pub fn is_free(&self, i: usize) -> bool {
        matches!(self.owner.get(i), Some(None))
    }

    /// The kind of the block owning line `i`.
    pub fn kind_of(&self, i: usize) -> Option<BlockKind> {
        self.owner
            .get(i)
            .copied()
            .flatten()
            .and_then(|id| self.kinds.get(id).copied())
    }

    /// Turns the claims into blocks covering every line exactly once: runs of
    /// one owner become one block; free blank lines become `blank` blocks and
    /// free text lines `unparsed` blocks.
    fn into_blocks(self, lines: &[Line<'_>]) -> Vec<Block> {
        #[derive(PartialEq, Clone, Copy)]
        enum Key {
            Owned(usize),
            Blank,
            Unparsed,
        }
        let key = |i: usize| match self.owner[i] {
            Some(id) => Key::Owned(id),
            None if lines[i].is_blank() => Key::Blank,
            None => Key::Unparsed,
        };
        let mut blocks: Vec<Block> = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            let k = key(i);
            let mut j = i + 1;
            // Unparsed lines are kept one block per line: they are unrelated.
            if k != Key::Unparsed {
                while j < lines.len() && key(j) == k {
                    j += 1;
                }
            }
            let kind = match k {
                Key::Owned(id) => self.kinds[id],
                Key::Blank => BlockKind::Blank,
                Key::Unparsed => BlockKind::Unparsed,
            };
            let text = lines[i..j]
                .iter()
                .filter(|l| !l.is_blank())
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join(if kind == BlockKind::Table { "\n" } else { " " });
            blocks.push(Block {
                kind,
                line_start: i + 1,
                line_end: j,
                text,
            });
            i = j;
        }
        blocks
    }
}

fn is_page_number(line: &Line<'_>) -> bool {
    let t = line
        .text
        .trim_matches(|c: char| c == '-' || c.is_whitespace());
    !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit())
}

/// Segments a document. `raw` and `repaired` are the input lines and their
/// repair; when their lengths differ the missing lines count as empty.
pub fn analyze(raw: &[&str], repaired: &[String]) -> Layout {
    let n = raw.len().max(repaired.len());
    let lines: Vec<Line<'_>> = (0..n)
        .map(|i| {
            let rep = repaired
                .get(i)
                .map(String::as_str)
                .or_else(|| raw.get(i).copied())
                .unwrap_or("");
            let text = clean_text(rep);
            let fold = Folded::new(&text);
            Line {
                no: i + 1,
                raw: raw.get(i).copied().unwrap_or(""),
                text,
                fold,
            }
        })
        .collect();
    let mut claims = Claims::new(n);
    let mut diagnostics = Vec::new();

    // Page starts: a leading space in these OCR files marks a page start.
    let mut page_starts = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if i == 0 && !lines.is_empty() {
            page_starts.push(1);
        } else if (l.raw.starts_with(' ') || l.raw.starts_with('\u{c}')) && !l.is_blank() {
            page_starts.push(i + 1);
        }
    }
    // Page numbers printed at the top of a page.
    for &p in &page_starts {
        let i = p - 1;
        if p > 1 && lines.get(i).is_some_and(is_page_number) {
            claims.claim(i, i + 1, BlockKind::PageNumber);
        }
    }

    // Header at the top, repeated header lines anywhere (appendices).
    let head = header::parse(&lines, &mut claims, &mut diagnostics);
    let body_start = head.end;

    // Appendix and tail (Nơi nhận + signature).
    let appendix_start = table::find_appendix(&lines, body_start, &claims).unwrap_or(n);
    // A document issued with this one (Quy chế …) ends the main text.
    let attached = attachment::find(&lines, body_start, appendix_start, &claims);
    let main_end = attached.map_or(appendix_start, |a| a.start);
    let tail = signature::parse(&lines, body_start, main_end, &mut claims);
    let body_end = tail.start.unwrap_or(main_end);

    let mut sections = sections::parse(&lines, body_start, body_end, &mut claims, &mut diagnostics);
    if let Some(a) = attached {
        attachment::claim_title(&a, &mut claims);
        sections.extend(sections::parse(
            &lines,
            a.body,
            appendix_start,
            &mut claims,
            &mut diagnostics,
        ));
    }
    let mut tables = table::body_tables(&lines, body_start, main_end);
    tables.extend(table::parse(&lines, appendix_start, n, &mut claims));
    let mut signature = tail.signature;
    if signature.signer.is_none() && signature.authority.is_none() {
        // The signature may sit after an appendix (a table signed at its foot).
        let late = signature::parse(&lines, appendix_start, n, &mut claims).signature;
        // Keep what the tail found (a position) unless the late one says more.
        if late.signer.is_some() || late.authority.is_some() {
            signature = late;
        }
    }
    if tail.recipients.is_empty() {
        diagnostics.push(Diagnostic {
            code: "recipients.missing".into(),
            message: "no \"Nơi nhận\" list found".into(),
            line: None,
        });
    }
    if signature.signer.is_none() {
        diagnostics.push(Diagnostic {
            code: "signature.signer.missing".into(),
            message: "no signer name found".into(),
            line: None,
        });
    }

    let blocks = claims.into_blocks(&lines);
    let sections = sections::attach_blocks(sections, &blocks);
    for b in &blocks {
        if b.kind == BlockKind::Unparsed {
            diagnostics.push(Diagnostic {
                code: "layout.unparsed".into(),
                message: "line fits no block".into(),
                line: Some(b.line_start),
            });
        }
    }
    Layout {
        blocks,
        header: head.header,
        sections,
        tables,
        recipients: tail.recipients,
        signature,
        page_starts,
        diagnostics,
    }
}

/// Checks the block invariant: blocks are in order, contiguous, non-empty and
/// cover lines `1..=n` exactly once. Returns the first violation.
pub fn check_blocks(blocks: &[Block], n: usize) -> Result<(), String> {
    let mut next = 1;
    for b in blocks {
        if b.line_start != next {
            return Err(format!(
                "block starts at {} but line {next} expected",
                b.line_start
            ));
        }
        if b.line_end < b.line_start {
            return Err(format!("empty block at {}", b.line_start));
        }
        next = b.line_end + 1;
    }
    if next != n + 1 {
        return Err(format!(
            "blocks end at {} but the input has {n} lines",
            next - 1
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Layout {
        let raw: Vec<&str> = text.split('\n').collect();
        let rep: Vec<String> = raw.iter().map(|s| s.to_string()).collect();
        analyze(&raw, &rep)
    }

    #[test]
    fn a_sentence_wrapped_onto_biểu_mẫu_opens_no_appendix() {
        let l = run("UBND HUYỆN A\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
             Độc lập - Tự do - Hạnh phúc\nSố: 12/UBND-VP\nA, ngày 2 tháng 3 năm 2025\n\n\
             Kính gửi: UBND các xã\n\nCác xã báo cáo theo\n\
             biểu mẫu kèm theo Công văn này./.\n\
             Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn An");
        assert!(l.tables.is_empty(), "{:?}", l.tables);
        assert_eq!(l.recipients.len(), 2);
    }

    #[test]
    fn a_table_in_the_body_is_reported_with_its_title() {
        let l = run(
            "UBND HUYỆN A\n\nBÁO CÁO\nKết quả năm 2025\n\n1. Một số chỉ tiêu\n\
             Bảng 1. Kết quả thực hiện\n\
             STT | Nội dung | Kế hoạch | Thực hiện\n\
             1 | Văn bản được kiểm tra | 300 | 312\n\
             Hồ sơ | 1.000 | 1.046\n\
             Sau bảng là văn bản.",
        );
        assert_eq!(l.tables.len(), 1, "{:?}", l.tables);
        let t = &l.tables[0];
        assert_eq!(t.title.as_deref(), Some("Bảng 1. Kết quả thực hiện"));
        assert_eq!((t.line_start, t.line_end), (7, 10));
        assert_eq!(t.columns, ["STT", "Nội dung", "Kế hoạch", "Thực hiện"]);
        // The short row is padded on its left, under its columns.
        assert_eq!(t.rows[1], ["", "Hồ sơ", "1.000", "1.046"]);
        assert_eq!(t.row_lines, [9, 10]);
    }

    #[test]
    fn a_table_printed_without_rules_is_reported_by_its_columns() {
        let l = run(
            "UBND HUYỆN A\n\nBÁO CÁO\nKết quả năm 2025\n\n5. Một số chỉ tiêu chủ yếu\n\
             Chỉ tiêu Đơn vị Kế hoạch 2025 Thực hiện 6 tháng Tỷ lệ (%)\n\
             Sản lượng lương thực tấn 8.150 4.177 51,3\n\
             Thu ngân sách tỷ đồng 12,8 7,85 61,3\n\
             II. TỒN TẠI",
        );
        assert_eq!(l.tables.len(), 1, "{:?}", l.tables);
        let t = &l.tables[0];
        assert_eq!((t.line_start, t.line_end), (7, 9));
        assert_eq!(t.columns.len(), 5);
        assert_eq!(
            t.rows[1],
            ["Thu ngân sách", "tỷ đồng", "12,8", "7,85", "61,3"]
        );
        assert_eq!(t.row_lines, [8, 9]);
    }

    #[test]
    fn folded_maps_back() {
        let f = Folded::new("Số: 14 /KH-VP Quảng Trị, ngày");
        assert_eq!(f.s, "so: 14 /kh-vp quang tri, ngay");
        let j = f.s.find("quang").unwrap();
        assert_eq!(
            &"Số: 14 /KH-VP Quảng Trị, ngày"[f.orig(j)..],
            "Quảng Trị, ngày"
        );
    }

    #[test]
    fn raw_span_by_tokens() {
        assert_eq!(raw_span("S6: 14 /KH", "Số: 14 /KH", 5, 7), "14");
        assert_eq!(raw_span("a b", "a b c", 0, 1), "a b");
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        for t in [
            "",
            " ",
            "\n\n",
            "x",
            "\u{0}\u{1}\u{fffd}",
            "Nơi nhận:",
            "Phụ lục",
            "I.",
            "a)",
            "|",
            "*",
            "-",
            "1.",
            "Số:",
            ", ngày",
        ] {
            let l = run(t);
            let n = t.split('\n').count();
            check_blocks(&l.blocks, n).unwrap();
        }
        let l = analyze(&[], &[]);
        check_blocks(&l.blocks, 0).unwrap();
        // Mismatched lengths.
        let l = analyze(&["a", "b"], &["a".to_string()]);
        check_blocks(&l.blocks, 2).unwrap();
    }
}
