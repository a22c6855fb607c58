//! Splitting a line into tokens with exact byte spans.
//!
//! Invariant: the tokens of a line are contiguous and cover it exactly, so a
//! line can be rebuilt by concatenating token texts, and a repair can replace
//! one token without touching anything else.

use super::viet::is_viet_letter;

/// What a token is, as far as repair is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of letters, possibly with OCR look-alikes (`S6`, `hi€u`, `1ap`).
    Word,
    /// A number, amount, percentage, date or digit run: never altered.
    Figure,
    /// A URL or e-mail address: never altered.
    Protected,
    /// Punctuation and symbols.
    Punct,
    /// Whitespace.
    Space,
}

/// One token of a line: its kind and byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// Byte offset of the first byte in the line.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Token {
    /// The token's text within `line`.
    pub fn text<'a>(&self, line: &'a str) -> &'a str {
        &line[self.start..self.end]
    }
}

/// Characters OCR produces in place of Vietnamese letters (`hi€u`, `¢)`).
pub fn is_letter_lookalike(c: char) -> bool {
    matches!(c, '€' | '§' | '¢' | '£' | '©' | '®' | '¥')
}

fn is_word_char(c: char) -> bool {
    is_viet_letter(c) || c.is_ascii_digit() || is_letter_lookalike(c)
}

/// Tokenizes one line. The returned tokens cover `line` exactly.
pub fn tokenize(line: &str) -> Vec<Token> {
    // Room for a token every three bytes (a word and a space per syllable),
    // so a usual line is tokenized without growing the vector.
    let mut out = Vec::with_capacity(line.len() / 3 + 4);
    let mut pos = 0;
    let bytes = line.as_bytes();
    while pos < line.len() {
        let c = line[pos..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            let end = scan(line, pos, |c| c.is_whitespace());
            out.push(Token {
                kind: TokenKind::Space,
                start: pos,
                end,
            });
            pos = end;
            continue;
        }
        let chunk_end = scan(line, pos, |c| !c.is_whitespace());
        let chunk = &line[pos..chunk_end];
        let (lead, trail) = trim_punct(chunk);
        let core = &chunk[lead..chunk.len() - trail];
        // A site's name before a mark (`chinhphu.vn,`) is one too.
        if is_url_or_email(chunk) || is_url_or_email(core) || is_slash_abbreviation(core) {
            if lead > 0 {
                out.push(Token {
                    kind: TokenKind::Punct,
                    start: pos,
                    end: pos + lead,
                });
            }
            out.push(Token {
                kind: TokenKind::Protected,
                start: pos + lead,
                end: chunk_end - trail,
            });
            if trail > 0 {
                out.push(Token {
                    kind: TokenKind::Punct,
                    start: chunk_end - trail,
                    end: chunk_end,
                });
            }
            pos = chunk_end;
            continue;
        }
        tokenize_chunk(line, bytes, pos, chunk_end, &mut out);
        pos = chunk_end;
    }
    out
}

fn tokenize_chunk(line: &str, bytes: &[u8], start: usize, end: usize, out: &mut Vec<Token>) {
    let mut pos = start;
    while pos < end {
        let c = line[pos..].chars().next().unwrap_or(' ');
        if is_word_char(c)
            || dollar_starts_word(&line[pos..end])
            || (c == '&'
                && pos > start
                && prev_is_letter(line, pos)
                && !line[pos + 1..end].starts_with(|c: char| c.is_ascii_digit()))
            || (c == '&' && next_is_lower_letter(line, pos + 1))
        {
            let mut e = pos;
            let mut has_letter = false;
            let mut all_digits = true;
            let mut last_sep: Option<usize> = None;
            while e < end {
                let ch = line[e..].chars().next().unwrap_or(' ');
                if is_word_char(ch) {
                    if !ch.is_ascii_digit() && all_digits {
                        if let Some(cut) = last_sep {
                            // `380/0D`: the figure ends at its last separator.
                            e = cut;
                            break;
                        }
                    }
                    if !ch.is_ascii_digit() {
                        has_letter = true;
                        all_digits = false;
                    }
                    e += ch.len_utf8();
                } else if (e == pos && ch == '$')
                    // `TN&MT` joins; a `&` before a figure ends the word
                    // (`Bộ&0` is `Bộ`, `&`, `0`, as `B6&0` is).
                    || ch == '&'
                        && !line[e + 1..end].starts_with(|c: char| c.is_ascii_digit())
                        && (e == pos
                        || prev_is_letter(line, e)
                        // `1&` (`lệ`): one digit, then `&` not followed by a digit.
                        || (e == pos + 1
                            && !line[e + 1..end]
                                .chars()
                                .next()
                                .is_some_and(|c| c.is_ascii_digit())))
                {
                    has_letter = true;
                    all_digits = false;
                    e += 1;
                } else if all_digits
                    && matches!(ch, '.' | ',' | '/')
                    && e + 1 < end
                    && bytes[e + 1].is_ascii_digit()
                    && e > pos
                {
                    last_sep = Some(e);
                    e += 1;
                } else if all_digits && ch == '%' && e > pos {
                    e += 1;
                    // `6,8%o`: OCR's per mille sign, read whole with its figure.
                    let rest = &line[e..end];
                    if rest.starts_with(['o', 'O'])
                        && !rest[1..].starts_with(|c: char| is_word_char(c) || c == '&')
                    {
                        e += 1;
                    }
                    break;
                } else {
                    break;
                }
            }
            // Invariant: every token is non-empty, or the scan never ends. A
            // start the word rules above do not take is one mark.
            let kind = if e == pos {
                e = pos + c.len_utf8();
                TokenKind::Punct
            } else if has_letter {
                TokenKind::Word
            } else {
                TokenKind::Figure
            };
            out.push(Token {
                kind,
                start: pos,
                end: e,
            });
            pos = e;
        } else {
            let mut e = pos + c.len_utf8();
            while e < end {
                let ch = line[e..].chars().next().unwrap_or(' ');
                if is_word_char(ch) {
                    break;
                }
                e += ch.len_utf8();
            }
            out.push(Token {
                kind: TokenKind::Punct,
                start: pos,
                end: e,
            });
            pos = e;
        }
    }
}

/// Is `rest` (from a `$` to the end of its chunk) an `S` that OCR read as
/// `$`: `$6:` (`Số:`), `$ở`? The `$` must be followed by a letter, or by one
/// digit that no other digit follows (`$100` stays a dollar amount).
fn dollar_starts_word(rest: &str) -> bool {
    let mut it = rest.chars();
    if it.next() != Some('$') {
        return false;
    }
    match it.next() {
        Some(c) if is_viet_letter(c) => true,
        Some(c) if c.is_ascii_digit() => !it.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

fn next_is_lower_letter(line: &str, pos: usize) -> bool {
    line[pos..]
        .chars()
        .next()
        .is_some_and(|c| is_viet_letter(c) && c.is_lowercase())
}

fn prev_is_letter(line: &str, pos: usize) -> bool {
    line[..pos].chars().next_back().is_some_and(is_viet_letter)
}

fn scan(line: &str, start: usize, pred: impl Fn(char) -> bool) -> usize {
    line[start..]
        .char_indices()
        .find(|&(_, c)| !pred(c))
        .map_or(line.len(), |(i, _)| start + i)
}

fn trim_punct(chunk: &str) -> (usize, usize) {
    let is_p = |c: char| {
        matches!(
            c,
            '(' | ')' | '"' | '\'' | ',' | ';' | '.' | ':' | '<' | '>' | '[' | ']' | '“' | '”'
        )
    };
    let lead = chunk.len() - chunk.trim_start_matches(is_p).len();
    let rest = &chunk[lead..];
    let trail = rest.len() - rest.trim_end_matches(is_p).len();
    (lead, trail)
}

/// Is this a letter/letter abbreviation (`V/v` về việc, `b/c` báo cáo, `Đ/c`
/// đồng chí)? Each half is one letter: a word repair would read it as a
/// syllable (`v` → `và`).
pub fn is_slash_abbreviation(chunk: &str) -> bool {
    let mut it = chunk.chars();
    matches!(
        (it.next(), it.next(), it.next(), it.next()),
        (Some(a), Some('/'), Some(b), None) if a.is_alphabetic() && b.is_alphabetic()
    )
}

/// Does this whitespace-free chunk look like a URL or an e-mail address?
pub fn is_url_or_email(chunk: &str) -> bool {
    // Every form below holds a `.`, `@` or `:`; most chunks have none.
    if !chunk.bytes().any(|b| matches!(b, b'.' | b'@' | b':')) {
        return false;
    }
    let lower = chunk.to_ascii_lowercase();
    if lower.contains("://") || lower.contains("www.") {
        return true;
    }
    if let Some(at) = chunk.find('@') {
        let (user, host) = (&chunk[..at], &chunk[at + 1..]);
        return !user.is_empty() && host.contains('.') && host.len() > 2;
    }
    [".gov.vn", ".com", ".vn/", ".org", ".net"]
        .iter()
        .any(|s| lower.contains(s))
        || lower.ends_with(".vn")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<(TokenKind, &str)> {
        tokenize(line)
            .iter()
            .map(|t| (t.kind, t.text(line)))
            .collect()
    }

    #[test]
    fn covers_line_exactly() {
        for line in [
            "",
            "  S6: 1034 /BC-VP  ",
            "hi€u qua 99,9% (CCHC).",
            "x& TT&TT ¢) đ",
        ] {
            let joined: String = tokenize(line).iter().map(|t| t.text(line)).collect();
            assert_eq!(joined, line);
        }
    }

    #[test]
    fn figures_and_words() {
        use TokenKind::*;
        assert_eq!(
            kinds("S6: 1034/BC-VP"),
            vec![
                (Word, "S6"),
                (Punct, ":"),
                (Space, " "),
                (Figure, "1034"),
                (Punct, "/"),
                (Word, "BC"),
                (Punct, "-"),
                (Word, "VP")
            ]
        );
        assert_eq!(
            kinds("56.703 hồ"),
            vec![(Figure, "56.703"), (Space, " "), (Word, "hồ")]
        );
        assert_eq!(kinds("99,9%;"), vec![(Figure, "99,9%"), (Punct, ";")]);
        assert_eq!(
            kinds("28/3/2022."),
            vec![(Figure, "28/3/2022"), (Punct, ".")]
        );
        assert_eq!(kinds("hi€u"), vec![(Word, "hi€u")]);
        assert_eq!(kinds("2.1."), vec![(Figure, "2.1"), (Punct, ".")]);
        assert_eq!(
            kinds("380/0D"),
            vec![(Figure, "380"), (Punct, "/"), (Word, "0D")]
        );
    }

    #[test]
    fn ampersand_inside_words() {
        use TokenKind::*;
        // OCR prints marked vowels as `&`: `&nh` (ánh), `1&` (lệ).
        assert_eq!(
            kinds("phan &nh"),
            vec![(Word, "phan"), (Space, " "), (Word, "&nh")]
        );
        assert_eq!(
            kinds("ty 1&"),
            vec![(Word, "ty"), (Space, " "), (Word, "1&")]
        );
        assert_eq!(kinds("TN&MT"), vec![(Word, "TN&MT")]);
        // A `&` before a figure ends the word, whatever the word's letters.
        for w in ["B6", "Bộ", "Bo"] {
            let line = format!("{w}&0");
            assert_eq!(
                kinds(&line),
                vec![(Word, w), (Punct, "&"), (Figure, "0")],
                "{line}"
            );
        }
        assert_eq!(
            kinds("1&2 & B"),
            vec![
                (Figure, "1"),
                (Punct, "&"),
                (Figure, "2"),
                (Space, " "),
                (Punct, "&"),
                (Space, " "),
                (Word, "B")
            ]
        );
        for line in ["&", "&&a", "1&", "a&", "& a"] {
            let joined: String = tokenize(line).iter().map(|t| t.text(line)).collect();
            assert_eq!(joined, line);
        }
    }

    #[test]
    fn slash_abbreviations_protected() {
        assert_eq!(
            kinds("V/v triển khai (b/c);"),
            vec![
                (TokenKind::Protected, "V/v"),
                (TokenKind::Space, " "),
                (TokenKind::Word, "triển"),
                (TokenKind::Space, " "),
                (TokenKind::Word, "khai"),
                (TokenKind::Space, " "),
                (TokenKind::Punct, "("),
                (TokenKind::Protected, "b/c"),
                (TokenKind::Punct, ");"),
            ]
        );
        assert!(!is_slash_abbreviation("tháng/lần"));
        assert!(!is_slash_abbreviation("07/KH"));
    }

    #[test]
    fn per_mille_printed_as_percent_o() {
        use TokenKind::*;
        assert_eq!(
            kinds("6,8%o (4%O) 5%ong"),
            vec![
                (Figure, "6,8%o"),
                (Space, " "),
                (Punct, "("),
                (Figure, "4%O"),
                (Punct, ")"),
                (Space, " "),
                (Figure, "5%"),
                (Word, "ong"),
            ]
        );
    }

    #[test]
    fn dollar_read_as_s() {
        assert_eq!(
            kinds("$6: $100"),
            vec![
                (TokenKind::Word, "$6"),
                (TokenKind::Punct, ":"),
                (TokenKind::Space, " "),
                (TokenKind::Punct, "$"),
                (TokenKind::Figure, "100"),
            ]
        );
        assert_eq!(kinds("$ở")[0], (TokenKind::Word, "$ở"));
    }

    #[test]
    fn urls_protected() {
        use TokenKind::*;
        assert_eq!(
            kinds("(https://dichvucong.gov.vn)"),
            vec![
                (Punct, "("),
                (Protected, "https://dichvucong.gov.vn"),
                (Punct, ")")
            ]
        );
        assert_eq!(
            kinds("vp@quangngai.gov.vn"),
            vec![(Protected, "vp@quangngai.gov.vn")]
        );
        // A site's name before a mark.
        assert_eq!(
            kinds("chinhphu.vn,"),
            vec![(Protected, "chinhphu.vn"), (Punct, ",")]
        );
    }
}
