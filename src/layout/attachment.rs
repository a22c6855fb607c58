//! A document issued with the main one: the Quy chế, Quy định or Điều lệ a
//! Quyết định "ban hành kèm theo". It follows the signature, under the header
//! printed again, as its own type line in capitals (`QUY CHẾ`), title lines
//! and a caption naming the decision (`(Ban hành kèm theo Quyết định số
//! 215/QĐ-UBND ngày 12/8/2025 …)`), then its own chapters and articles.
//!
//! The caption is the mark: a line opening with `(Kèm theo` or `(Ban hành
//! kèm theo` at most [`TITLE_SPAN`] lines below a line of capitals or a
//! form's `Mẫu số` line. It must open with its parenthesis, or end with the
//! closing one within [`CAPTION_LINES`] lines.

use super::header::mostly_upper;
use super::{Claims, Line};
use crate::output::BlockKind;
use regex::Regex;
use std::sync::LazyLock;

/// A caption line on the folded skeleton: `(ban hanh kem theo …`.
static CAPTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[(\[{]?\s*(?:ban\s+hanh\s+)?kem\s+theo\b").unwrap());

/// Most lines from the type line to the caption (the type, two title lines,
/// the caption).
const TITLE_SPAN: usize = 4;
/// Most lines a caption wraps onto.
const CAPTION_LINES: usize = 3;
/// Longest type line, in characters (`QUY CHẾ`, `QUY ĐỊNH`, `ĐIỀU LỆ`: short).
const TYPE_MAX_CHARS: usize = 40;

/// Where an attached document sits: lines `start..body` are its repeated
/// header, type, title and caption; its text starts at `body`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Attachment {
    /// First line (0-based): the header printed again, else the type line.
    pub start: usize,
    /// First line after the caption.
    pub body: usize,
}

/// The first attached document in lines `from..to`, if any.
pub(crate) fn find(
    lines: &[Line<'_>],
    from: usize,
    to: usize,
    claims: &Claims,
) -> Option<Attachment> {
    let to = to.min(lines.len());
    (from..to).find_map(|i| {
        let fold = lines[i].fold.s.trim_start();
        if !claims.is_free(i) || !CAPTION.is_match(fold) {
            return None;
        }
        // The caption runs to its closing parenthesis; a line that neither
        // opens nor closes one is running text (`Ban hành kèm theo Quyết
        // định này Danh mục …, cụ thể:`).
        let closing = (i..(i + CAPTION_LINES).min(to))
            .take_while(|&k| !lines[k].is_blank())
            .find(|&k| lines[k].text.contains(')'));
        let opened = fold.starts_with(['(', '[', '{']);
        let closed = closing.is_some_and(|k| lines[k].text.trim_end().ends_with(')'));
        if !opened && !closed {
            return None;
        }
        // The type line: short capitals (`QUY CHẾ`) or a form's `Mẫu số`,
        // with only title lines between; a parenthesized line above the
        // caption (`(Ký, ghi rõ họ tên)`) ends the previous text.
        let kind_line = (i.saturating_sub(TITLE_SPAN - 1).max(from)..i)
            .rev()
            .take_while(|&k| {
                let t = lines[k].text.trim();
                !t.is_empty() && claims.is_free(k) && !t.starts_with('(') && !t.ends_with(')')
            })
            .filter(|&k| {
                let t = lines[k].text.trim();
                mostly_upper(t) && t.chars().count() <= TYPE_MAX_CHARS
                    || lines[k].fold.s.trim_start().starts_with("mau so")
            })
            .last()?;
        // The header printed again just above (and the blank lines around it).
        let mut start = kind_line;
        while start > from
            && (lines[start - 1].is_blank() || claims.kind_of(start - 1) == Some(BlockKind::Header))
        {
            start -= 1;
        }
        while start < kind_line && lines[start].is_blank() {
            start += 1;
        }
        if claims.kind_of(start) != Some(BlockKind::Header) {
            start = kind_line;
        }
        Some(Attachment {
            start,
            body: closing.unwrap_or(i) + 1,
        })
    })
}

/// Claims the attachment's type, title and caption lines (those not already
/// the repeated header's) as one title block.
pub(crate) fn claim_title(a: &Attachment, claims: &mut Claims) {
    claims.claim(a.start, a.body, BlockKind::AppendixTitle);
}

#[cfg(test)]
mod tests {
    use crate::layout::{analyze, flatten, Layout};
    use crate::output::BlockKind;

    fn layout(text: &str) -> Layout {
        let raw: Vec<&str> = text.lines().collect();
        let repaired: Vec<String> = raw.iter().map(|s| s.to_string()).collect();
        analyze(&raw, &repaired)
    }

    /// A decision issuing a regulation, the regulation after its signature.
    const DECISION: &str = "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\nSố: 12/QĐ-UBND\nQUYẾT ĐỊNH\n\
        Ban hành Quy chế làm việc\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.\n\
        Điều 2. Quyết định có hiệu lực từ ngày ký./.\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\
        TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Tám\n\nỦY BAN NHÂN DÂN\nXÃ AN BÌNH\n\
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nQUY CHẾ\n\
        Làm việc của Ủy ban nhân dân xã An Bình\n(Ban hành kèm theo Quyết định số 12/QĐ-UBND\n\
        ngày 5/3/2026 của Ủy ban nhân dân xã An Bình)\n\nChương I\nQUY ĐỊNH CHUNG\n\
        Điều 1. Phạm vi điều chỉnh\nQuy chế này quy định nguyên tắc làm việc.\n\
        Điều 2. Đối tượng áp dụng\nCán bộ, công chức xã Hòa Bình.\nChương II\nTRÁCH NHIỆM\n\
        Điều 3. Trách nhiệm của Chủ tịch\nChủ tịch chỉ đạo chung.";

    fn kind_of(l: &Layout, line: usize) -> Option<BlockKind> {
        l.blocks
            .iter()
            .find(|b| (b.line_start..=b.line_end).contains(&line))
            .map(|b| b.kind)
    }

    #[test]
    fn an_issued_regulation_is_parsed_after_the_signature() {
        let l = layout(DECISION);
        let value = |f: &Option<crate::output::Field>| f.as_ref().map(|f| f.value.clone());
        // The signer is the decision's, not a name-like line of the regulation.
        assert_eq!(value(&l.signature.signer).as_deref(), Some("Lê Văn Tám"));
        assert_eq!(l.recipients.len(), 2);
        // Type, title and both caption lines are one title block.
        for line in 20..=23 {
            assert_eq!(
                kind_of(&l, line),
                Some(BlockKind::AppendixTitle),
                "line {line}"
            );
        }
        // The regulation's chapters and articles are sections.
        let numbering: Vec<String> = flatten(&l.sections)
            .iter()
            .map(|s| s.numbering.clone())
            .collect();
        assert!(numbering.contains(&"Chương II".to_owned()), "{numbering:?}");
        let articles = l
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading && b.line_start > 23)
            .count();
        assert!(articles >= 5, "{articles}");
        assert!(l.blocks.iter().all(|b| b.kind != BlockKind::Unparsed));
    }

    #[test]
    fn running_text_about_an_annex_is_no_caption() {
        // `Ban hành kèm theo Quyết định này …` under a capitals line, without
        // the caption's parentheses, stays body text.
        let text = "BỘ XÂY DỰNG\nSố: 7/QĐ-BXD\nQUYẾT ĐỊNH\nVề việc công bố danh mục\nNỘI DUNG\n\
            Điều 1.\nBan hành kèm theo Quyết định này Danh mục 831 đập, cụ thể:\n\
            1. Công trình thủy điện: 765 đập.\nNơi nhận:\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\
            Trần Văn Hải";
        let l = layout(text);
        assert!(l.blocks.iter().all(|b| b.kind != BlockKind::AppendixTitle));
        assert_eq!(
            l.signature.signer.as_ref().map(|f| f.value.as_str()),
            Some("Trần Văn Hải")
        );
    }

    #[test]
    fn a_form_starts_at_its_number_not_at_the_signature_above() {
        let text = "BỘ TÀI CHÍNH\nSố: 9/2026/TT-BTC\nTHÔNG TƯ\nHướng dẫn về thuế\n\
            Điều 1. Phạm vi\nThông tư này hướng dẫn.\nNGƯỜI NỘP THUẾ\n(Ký, ghi rõ họ tên)\n\
            Mẫu số: 01/TB\n(Kèm theo Thông tư số 9/2026/TT-BTC\nngày 3/6/2026 của Bộ Tài chính)\n\
            THÔNG BÁO\n1. Tên người nộp thuế: ...";
        let l = layout(text);
        let titles: Vec<(usize, usize)> = l
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::AppendixTitle)
            .map(|b| (b.line_start, b.line_end))
            .collect();
        assert_eq!(titles, [(9, 11)]);
    }
}
