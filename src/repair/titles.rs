//! A signature block's titles read as the listed ones they print
//! (`KT. GAM DOC` → `KT. GIÁM ĐỐC`, `TM: UY BAN NHAN DAN` → `TM. ỦY BAN
//! NHÂN DÂN`).
//!
//! The decoder reads a title in capitals as words without a sentence
//! around them, and OCR garbles the block's words in ways a phrase of
//! running text never shows (`GAM` for `GIÁM`, `BOC` or `pOC` for `ĐỐC`),
//! so it reads other words (`GẤM DỌC`). The block's words come from a short
//! closed list ([`crate::lexicon::titles`]), which this reader matches a
//! line's last run of words against, as the layout matches the signature's
//! fields.

use super::phrases::phrase;
use super::Changes;
use crate::lexicon::titles::{authority_prefix, listed_title, TITLES};
use crate::text::viet::{self, CasePattern};
use crate::text::{Token, TokenKind};

/// Most words of a listed title (`PHÓ BÍ THƯ THƯỜNG TRỰC`).
const TITLE_WORDS: usize = 5;

/// Share of a document's lines, from its end, where a title may stand
/// without an authority prefix before it: the signature block and the
/// recipients list beside it (the issuer's name at the top is printed
/// right, and read by its own readers). Set before measuring, not tuned.
const TAIL_SHARE: f32 = 0.4;

/// Reads the words that end a line as the listed title they garble, where
/// they follow an authority prefix (`KT.`, `TM:`) or stand in the
/// document's tail ([`TAIL_SHARE`]): the last two to five words of the line,
/// the first in capitals (`GAM DOC`, `PHO GIAM pOC` beside the recipients
/// list), each within one edit of the title's ([`listed_title`]). They are
/// written in the title's capitals, and the prefix's mark as a period
/// (`KT,` → `KT.`).
pub(super) fn read_signature_titles(
    lines: &[String],
    tokens: &[Vec<Token>],
    changes: &mut Changes,
) {
    let tail_from = (lines.len() as f32 * (1.0 - TAIL_SHARE)) as usize;
    for (li, (line, toks)) in lines.iter().zip(tokens).enumerate() {
        let Some(run) = last_word_run(line, toks) else {
            continue;
        };
        for k in (2..=run.len().min(TITLE_WORDS)).rev() {
            let words = &run[run.len() - k..];
            let first = toks[words[0]].text(line);
            if !in_capitals(first) {
                continue;
            }
            // A longer phrase in capitals the words end is not a title
            // (`CHI CỤC TRƯỞNG`).
            if k < run.len() && in_capitals(toks[run[run.len() - k - 1]].text(line)) {
                break;
            }
            let prefix = prefix_before(line, toks, words[0]);
            if prefix.is_none() && li < tail_from {
                break;
            }
            let read: Vec<&str> = words
                .iter()
                .map(|&w| changes.text(line, &toks[w], (li, w)))
                .collect();
            // The decoder's readings are in small letters: a title read
            // right is written in its capitals (`Nơi nhận: GIÁM Đốc`
            // otherwise, in the line's case).
            let read = read.join(" ").to_uppercase();
            let Some(title) = TITLES
                .iter()
                .copied()
                .find(|t| *t == read)
                .or_else(|| listed_title(&read).map(|(t, _)| t))
            else {
                continue;
            };
            for (&w, to) in words.iter().zip(title.split(' ')) {
                if changes.text(line, &toks[w], (li, w)) != to {
                    let was = toks[w].text(line).to_owned();
                    changes.insert((li, w), phrase(to, Some(was)));
                    changes.keep_case((li, w));
                }
            }
            if let Some((word, mark, to)) = prefix {
                if toks[word].text(line) != to {
                    changes.insert((li, word), phrase(to, Some(toks[word].text(line).into())));
                    changes.keep_case((li, word));
                }
                if toks[mark].text(line) != "." {
                    changes.insert((li, mark), phrase(".", Some(toks[mark].text(line).into())));
                }
            }
            break;
        }
    }
}

/// The word tokens of the run of words that ends `line` (trailing spaces
/// aside), each after one space: the words of a title the line may end
/// with. `None` when the line ends otherwise (a mark, a figure).
fn last_word_run(line: &str, toks: &[Token]) -> Option<Vec<usize>> {
    let mut i = toks.iter().rposition(|t| t.kind != TokenKind::Space)?;
    let mut run = Vec::new();
    loop {
        if toks[i].kind != TokenKind::Word {
            break;
        }
        run.push(i);
        if i < 2 || toks[i - 1].text(line) != " " {
            break;
        }
        i -= 2;
    }
    run.reverse();
    (!run.is_empty()).then_some(run)
}

/// Is `word` printed in capitals, two letters or more?
pub(super) fn in_capitals(word: &str) -> bool {
    viet::case_pattern(word) == CasePattern::Upper
}

/// The authority prefix right before token `ti` (`KT.` and a space, `TM:`,
/// `KT,`): its word's token, its mark's, and the prefix it stands for.
fn prefix_before(line: &str, toks: &[Token], ti: usize) -> Option<(usize, usize, &'static str)> {
    let space = ti.checked_sub(1)?;
    let mark = space.checked_sub(1)?;
    let word = mark.checked_sub(1)?;
    if toks[space].text(line) != " " || !matches!(toks[mark].text(line), "." | "," | ":") {
        return None;
    }
    // The prefix opens the line or follows a space (`Nơi nhận: KT. …`).
    if word > 0 && toks[word - 1].kind != TokenKind::Space {
        return None;
    }
    authority_prefix(toks[word].text(line)).map(|to| (word, mark, to))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::phrases::tests::read_with;

    /// `text`, a whole document, with every title `read_signature_titles`
    /// finds read (a one-line document is all tail).
    fn read(text: &str) -> String {
        read_with(read_signature_titles, text).join("\n")
    }

    #[test]
    fn a_title_after_its_prefix() {
        assert_eq!(read("Noi nhan: KT. GAM DOC"), "Noi nhan: KT. GIÁM ĐỐC");
        assert_eq!(
            read("Noi nhan: TM: UY BAN NHAN DAN"),
            "Noi nhan: TM. ỦY BAN NHÂN DÂN"
        );
        assert_eq!(read("Noi nhan: KT, CHU TICH"), "Noi nhan: KT. CHỦ TỊCH");
        // Printed as listed: the prefix's mark alone is read.
        assert_eq!(read("KT, GIÁM ĐỐC"), "KT. GIÁM ĐỐC");
        assert_eq!(read("1M. UY BAN NHAN DAN"), "TM. ỦY BAN NHÂN DÂN");
        // Above the tail too.
        let text = format!("KT. GIAM pOC\n{}", "văn bản\n".repeat(5));
        assert!(read(&text).starts_with("KT. GIÁM ĐỐC\n"));
    }

    #[test]
    fn a_title_beside_the_recipients_in_the_tail() {
        let text = format!("{}- Nhu trén; PHO GAM BOC", "văn bản\n".repeat(5));
        assert!(read(&text).ends_with("- Nhu trén; PHÓ GIÁM ĐỐC"));
        // Not above the tail without a prefix.
        let text = format!("PHO GAM BOC\n{}", "văn bản\n".repeat(5));
        assert!(read(&text).starts_with("PHO GAM BOC\n"));
    }

    #[test]
    fn other_capitals_stay() {
        // A longer phrase in capitals ending like a title.
        assert_eq!(read("CHI CUC TRUONG"), "CHI CUC TRUONG");
        // Not within an edit a word of one.
        assert_eq!(read("KT. TRƯỞNG ĐOÀN"), "KT. TRƯỞNG ĐOÀN");
        // A title in sentence case, and one that does not end its line.
        assert_eq!(read("Phó Giám đốc"), "Phó Giám đốc");
        assert_eq!(read("KT. GAM DOC Sở"), "KT. GAM DOC Sở");
    }
}
