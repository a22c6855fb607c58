//! The end of a document: "Nơi nhận" (ô 9b) and the signature block (ô 7a–7c).
//!
//! Both are printed level with each other, recipients on the left and the
//! signature on the right, so OCR merges them onto the same lines
//! (`Nơi nhận: KT CHÁNH VĂN PHÒNG`). Each tail line is split into a left
//! recipient part and a right signature part.

use super::{Claims, Line};
use crate::lexicon::titles::{listed_title, AUTHORITY_PREFIXES};
use crate::output::{BlockKind, Field, Recipient, Signature};
use crate::text::is_bullet;
use regex::Regex;
use std::sync::LazyLock;

/// The "Nơi nhận" label on the folded skeleton, after at most three specks
/// OCR put before it (`~. Noi nhan:`, `Nornhan;`); without its `i` (`Nó
/// nhận:`, repaired from `No? nhan:`), with it misread (`Nod nhan:`) or
/// with the `n` of `nhận` misread (`Noi phan:`) only before a colon, as
/// with its `i` read as a symbol (`No¥ nhân:`).
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[^a-z0-9\s]{1,3}\s*)?n[o0](?:[i1lr]\s*(?:nh[a-z]{1,3}\s*[:;.]?|[a-z]han\s*[:;])|\S?\s*nh[a-z]{1,3}\s*[:;])",
    )
    .unwrap()
});
/// [`AUTHORITY_PREFIXES`] as a regex alternation.
static FORM_PREFIXES: LazyLock<String> = LazyLock::new(|| AUTHORITY_PREFIXES.join("|"));
static AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:{})(?:[.,:]+\s*|\s+)\p{{Lu}}",
        *FORM_PREFIXES
    ))
    .unwrap()
});
/// `field` with its value read as a listed title where OCR garbled one:
/// the whole value for a position, the part after each prefix for an
/// authority form (`KT. GEAM DOG` → `KT. GIÁM ĐỐC`). Raw stays as printed;
/// the confidence is scaled by the likeness.
fn snap_titles(field: &mut Option<Field>, authority: bool) {
    let Some(f) = field else { return };
    if !authority {
        if let Some((t, like)) = listed_title(&f.value).filter(|(t, _)| *t != f.value) {
            f.value = t.to_owned();
            f.confidence *= like as f32;
        }
        return;
    }
    let mut out = String::new();
    let mut worst = 1.0f64;
    let mut changed = false;
    let mut rest = f.value.as_str();
    // Stacked forms: `TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH`.
    while let Some(m) = FORM_PREFIX.find(rest) {
        let body_end = FORM_PREFIX
            .find_at(rest, m.end())
            .map_or(rest.len(), |n| n.start());
        let body = rest[m.end()..body_end].trim();
        let (title, like) = listed_title(body).unwrap_or((body, 1.0));
        changed |= title != body;
        worst = worst.min(like);
        if !out.is_empty() {
            out.push(' ');
        }
        // The prefix as NĐ 30 prints it: letters and one dot (`TM..` → `TM.`);
        // a Party document's (`T/M`, `K/T`, `T/L`, Hướng dẫn 36-HD/VPTW)
        // has a slash and no dot.
        let printed = m.as_str().trim();
        let letters = printed.trim_end_matches(['.', ',', ':']);
        let party = letters.contains('/');
        let dot = if party { "" } else { "." };
        changed |= printed.len() != letters.len() + dot.len() || !printed.ends_with(dot);
        let letters = match letters {
            "1M" | "7M" => {
                changed = true;
                "TM"
            }
            l => l,
        };
        out.push_str(letters);
        out.push_str(dot);
        if !title.is_empty() {
            out.push(' ');
            out.push_str(title);
        }
        rest = &rest[body_end..];
        if rest.is_empty() {
            break;
        }
    }
    if changed && !out.is_empty() {
        f.value = out;
        f.confidence *= worst as f32;
    }
}

/// An authority form's prefix with its dot, as printed (`KT.`, `TM..`).
static FORM_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?:^|\s)(?:{})(?:[.,:]+|\s)", *FORM_PREFIXES)).unwrap());
/// [`POSITION_WORDS`] spelled with their marks, for a cell printed with
/// marks: the surname `Trương` folds like `trưởng`, `Chánh` is also a given
/// name.
static POSITION_WORDS_MARKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:chủ tịch|chánh văn|phó|giám đốc|trưởng|ủy ban|văn phòng|bí thư|chủ nhiệm|tổng cục|ban)\b")
        .unwrap()
});

/// Does a signature cell name a position: by its marks where it has any,
/// else by its folded letters?
fn names_position(cell: &str, fold: &str) -> bool {
    if crate::text::viet::has_marks(cell) {
        POSITION_WORDS_MARKED.is_match(&cell.to_lowercase())
    } else {
        POSITION_WORDS.is_match(fold)
    }
}

static POSITION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:chu tich|chanh|pho|giam doc|truong|uy ban|van phong|bi thu|chu nhiem|tong cuc|cuc truong|ban)\b")
        .unwrap()
});

/// What the tail parser found.
#[derive(Debug, Default)]
pub(crate) struct Tail {
    /// 0-based index of the first tail line, if there is a tail.
    pub start: Option<usize>,
    /// Recipients, one per entry.
    pub recipients: Vec<Recipient>,
    /// Signature fields.
    pub signature: Signature,
}

/// Is the line (or its start) a signature authority form (`TM.`, `KT.` …)?
pub(crate) fn is_authority(text: &str) -> bool {
    AUTHORITY.is_match(text)
}

/// Strips OCR noise (stray symbols, lone letters) around a signature cell.
fn clean_sig(s: &str) -> &str {
    let s = s.trim_matches(|c: char| !c.is_alphanumeric());
    // A lone lower-case letter before upper-case words is stamp noise ("s PHÓ").
    let mut it = s.splitn(2, ' ');
    match (it.next(), it.next()) {
        (Some(a), Some(b)) if a.chars().count() == 1 && a.chars().all(char::is_lowercase) => {
            b.trim()
        }
        _ => s,
    }
}

/// A word in capitals: letters, `.` and `/` (`KT.`, `T/M`), and a closing
/// `:` OCR reads into a title from a speck (`KT. CHỦ: TỊCH`).
fn is_upper_word(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    let w = w.strip_suffix(':').unwrap_or(w);
    !letters.is_empty()
        && letters.iter().all(|c| c.is_uppercase())
        && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '/')
}

/// Ranks of the police and the army printed before a signer's name
/// (`Thượng tá Đinh Quang Vũ`): not part of the name.
const RANKS: &[&str] = &[
    "Đại tướng",
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tá",
    "Thượng tá",
    "Trung tá",
    "Thiếu tá",
    "Đại úy",
    "Thượng úy",
    "Trung úy",
    "Thiếu úy",
];

/// Bytes of the rank (and the space after it) that `s` opens with, if any.
fn rank_len(s: &str) -> usize {
    RANKS
        .iter()
        .find(|r| {
            s.strip_prefix(**r)
                .is_some_and(|rest| rest.starts_with(' '))
        })
        .map_or(0, |r| r.len() + 1)
}

/// A person's name: 2–5 capitalised words of letters only.
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().enumerate().all(|(i, w)| {
            let mut cs = w.chars();
            // An Ê Đê man's name opens with a lone `Y` (`Y Khuê Niê`).
            let lone = i == 0 && words.len() >= 3 && *w == "Y";
            cs.next().is_some_and(char::is_uppercase)
                && (lone || cs.clone().count() >= 1)
                && cs.all(char::is_lowercase)
        })
}

/// Where the recipient text ends on `t`, a line that may go on with the
/// recipient above it: one opening in lower case, to the signer's name
/// beside it if any ([`name_split`]) or its end, or one opening with a
/// bracket, where a name follows its `;` (`(đăng tin 03 số liên tiếp); Lê
/// Thị Minh Phương`). `None` for any other line.
fn continuation_end(t: &str) -> Option<usize> {
    if t.starts_with(char::is_lowercase) {
        Some(name_split(t).unwrap_or(t.len()))
    } else if t.strip_prefix('(')?.starts_with(char::is_lowercase) {
        name_split(t)
    } else {
        None
    }
}

/// Byte offset where a trailing signature part starts in a recipient line:
/// a position in capitals (`- Lưu: VT. GIÁM ĐỐC`), or the signer's name
/// after the mark that ends an entry (`- Lưu: VT, CCVC. Đỗ Quang Vinh`,
/// see [`name_split`]): OCR reads the two columns of the tail as one line.
fn signature_split(text: &str) -> Option<usize> {
    upper_split(text).or_else(|| name_split(text))
}

/// The signer's name after the mark that ends a list entry, to the line's
/// end: any name after the archive entry (the list's last, `Lưu: …`), a
/// name opening with a surname after another entry (`- Các sở, ban, ngành
/// tỉnh; Phạm Hữu Khiêm`: the signature column printed beside the list).
/// The mark is `.` or `;`, or a `:` OCR read for the `;` before a name of
/// three words or more that opens with a surname (`- Trung tâm CB-TH tỉnh:
/// Nguyễn Hồng Lĩnh`: two words after a colon are as often a place, `Sở
/// Tài chính: Lâm Đồng`). Specks OCR set after the name's words (`Đặng
/// Quốc. Thịnh`, `Nguyễn Đăng Khoa.`) are not marks (see [`name_text`]).
fn name_split(text: &str) -> Option<usize> {
    let fold = super::Folded::new(text).s;
    let archive = fold
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with("luu");
    let body = text.trim_end().trim_end_matches('.');
    // Marks from the right, past the dots inside the name.
    let mut end = body.len();
    for _ in 0..3 {
        let mark = body[..end].rfind(['.', ';', ':'])?;
        end = mark;
        let at = mark + 1;
        let at = at + (text[at..].len() - text[at..].trim_start().len());
        let at = at + rank_len(&text[at..]);
        let Some(name) = name_text(&body[at..]) else {
            continue;
        };
        let words: Vec<&str> = name.split_whitespace().collect();
        let surname = words
            .first()
            .is_some_and(|w| crate::lexicon::names::is_surname(w));
        let fits = if body[mark..].starts_with(':') {
            surname && words.len() >= crate::lexicon::names::COLON_NAME_WORDS
        } else {
            archive || surname
        };
        return (fits && text[..mark].trim().chars().count() > 1).then_some(at);
    }
    None
}

/// `s` read as a person's name ([`is_name`]), without the dots OCR set
/// after its words (`Hoàng Thị Minh. Nguyệt` → `Hoàng Thị Minh Nguyệt`):
/// a name has no dot of its own.
fn name_text(s: &str) -> Option<String> {
    let s = s.trim();
    if is_name(s) {
        return Some(s.to_owned());
    }
    let words: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let name = words.join(" ");
    is_name(&name).then_some(name)
}

/// Byte offset where trailing words in capitals naming a position start.
fn upper_split(text: &str) -> Option<usize> {
    let mut start = None;
    let mut count = 0;
    let mut idx = text.len();
    for w in text.split_whitespace().rev() {
        // A `.` ends the list entry before the position (`- Lưu: VT, NN.
        // PHÓ CHỦ TỊCH`), unless it is an authority form's (`KT. CHỦ TỊCH`).
        let at = text[..idx].rfind(w)?;
        let ends_entry = count > 0 && w.ends_with('.') && !is_authority(&text[at..]);
        if !is_upper_word(w) || ends_entry {
            break;
        }
        idx = at;
        start = Some(idx);
        count += 1;
    }
    let mut s = start?;
    let part = &text[s..];
    let fold = super::Folded::new(part).s;
    let found = count >= 2 && (POSITION_WORDS.is_match(&fold) || is_authority(part)) && s > 0;
    // A deputy's `PHÓ` OCR's case printed in small letters (`Phó BÍ THƯ`)
    // is the position's.
    if found {
        let before = text[..s].trim_end();
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        if word != "PHÓ" && crate::text::viet::skeleton_eq(word, "pho") && before.len() > word.len()
        {
            s = before.len() - word.len();
        }
    }
    found.then_some(s)
}

/// Most lines from a two-column signature's positions to its names.
const TWO_COLUMN_SPAN: usize = 5;

/// Where `text` (two persons' names printed side by side, flattened: `Hoàng
/// Đình Tuấn Trần Quốc Khánh`) parts: at the second surname, each side a
/// name ([`is_name`]), the whole none.
fn two_names(text: &str) -> Option<usize> {
    let t = text.trim_end();
    // One name of up to five words is one name (`Trần Thị Hồng Nhung`,
    // though `Hồng` is a surname too).
    if is_name(t) {
        return None;
    }
    t.match_indices(' ').map(|(at, _)| at + 1).find(|&at| {
        let right = &t[at..];
        right
            .split_whitespace()
            .next()
            .is_some_and(crate::lexicon::names::is_surname)
            && is_name(&t[..at])
            && is_name(right)
    })
}

/// The second half of `cell` where its words are the same words twice
/// (`PHÓ GIÁM ĐỐC PHÓ GIÁM ĐỐC`).
fn repeated(cell: &str) -> Option<&str> {
    // Each word with its byte offset in `cell`.
    let words: Vec<(usize, &str)> = cell
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - cell.as_ptr() as usize, w))
        .collect();
    let n = words.len();
    let same = words[..n / 2]
        .iter()
        .zip(&words[n / 2..])
        .all(|((_, a), (_, b))| a == b);
    (n >= 2 && n.is_multiple_of(2) && same).then(|| &cell[words[n / 2].0..])
}

/// Where the right column starts in a line of two columns' positions or
/// authority forms, flattened (`ĐẠI DIỆN UBND XÃ TÙNG ẢNH TRƯỞNG ĐOÀN KIỂM
/// TRA`, `ĐẠI DIỆN ĐƠN VỊ TM. ĐOÀN KIỂM TRA`, `HIỆU TRƯỞNG TRƯỞNG ĐOÀN`): the
/// first word after two or more of the left column's from which the rest is
/// in capitals and opens with an authority form or a position's word. A
/// position alone (`PHÓ CHỦ TỊCH`) is one column's.
fn right_column(text: &str) -> Option<usize> {
    let t = text.trim_end();
    t.match_indices(' ')
        .map(|(at, _)| at + 1)
        .filter(|&at| t[..at].split_whitespace().count() >= 2)
        .find(|&at| {
            let rest = &t[at..];
            let fold = super::Folded::new(rest).s;
            rest.split_whitespace().all(is_upper_word)
                && (is_authority(rest)
                    || POSITION_WORDS.find(&fold).is_some_and(|m| m.start() == 0)
                    || CAPTION.is_match(&fold))
        })
}

/// A Biên bản's caption over a signer's column, the part they signed in
/// (`THƯ KÝ`, `CHỦ TRÌ`, `CHỦ TỌA`), folded: read as the authority form.
static CAPTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:chu tri|chu toa|thu ky)$").unwrap());

/// Most lines at the end of the tail searched for a two-column signature.
const TWO_COLUMN_TAIL: usize = 16;

/// A signature printed in two columns side by side with no recipients'
/// list and no authority form opening a line (a Biên bản's: `ĐẠI DIỆN UBND
/// XÃ … TRƯỞNG ĐOÀN KIỂM TRA` / … / `Hoàng Đình Tuấn Trần Quốc Khánh`): the
/// right column is the signature, as where one signer signs beside the
/// list. Its names are the first line of two names ([`two_names`]) among the
/// tail's last [`TWO_COLUMN_TAIL`] lines that has a line of right-column
/// positions within [`TWO_COLUMN_SPAN`] lines above; where several rows
/// sign, the first row's right column.
fn two_columns(lines: &[Line<'_>], from: usize, to: usize, claims: &mut Claims) -> Option<Tail> {
    let first_line = to.saturating_sub(TWO_COLUMN_TAIL).max(from);
    let mut above = first_line;
    for names_i in first_line..to {
        let names_line = &lines[names_i];
        if !claims.is_free(names_i) || names_line.is_blank() {
            continue;
        }
        let Some(name_at) = two_names(&names_line.text) else {
            continue;
        };
        let span = names_i.saturating_sub(TWO_COLUMN_SPAN).max(above);
        above = names_i + 1;
        let cells: Vec<(usize, usize)> = (span..names_i)
            .filter(|&i| claims.is_free(i))
            .filter_map(|i| right_column(&lines[i].text).map(|at| (i, at)))
            .collect();
        let Some(&(top, _)) = cells.first() else {
            continue;
        };
        let mut tail = Tail {
            start: Some(top),
            ..Tail::default()
        };
        let sig = &mut tail.signature;
        for &(i, at) in &cells {
            let l = &lines[i];
            let cell = l.text[at..].trim_end();
            let f = field(cell, l, at, at + cell.len(), 0.7);
            let caption = CAPTION.is_match(&super::Folded::new(cell).s);
            match is_authority(cell) || caption {
                true if sig.authority.is_none() && sig.position.is_none() => {
                    sig.authority = Some(f)
                }
                false if sig.position.is_none() => sig.position = Some(f),
                _ => {}
            }
        }
        // Under a caption, the right column's position alone on its line
        // (`THƯ KÝ CHỦ TRÌ` / `CHỦ TỊCH HỘI ĐỒNG NHÂN DÂN XÃ`: the left
        // column's secretary has none).
        if sig.position.is_none() && sig.authority.is_some() {
            let alone = (top + 1..names_i)
                .filter(|&i| claims.is_free(i) && !lines[i].is_blank())
                .find(|&i| {
                    let t = lines[i].text.trim();
                    t.split_whitespace().all(is_upper_word)
                        && names_position(t, &lines[i].fold.s)
                        && right_column(t).is_none()
                });
            if let Some(i) = alone {
                let l = &lines[i];
                let at = l.text.len() - l.text.trim_start().len();
                let cell = l.text.trim();
                sig.position = Some(field(cell, l, at, at + cell.len(), 0.7));
            }
        }
        let signer = names_line.text[name_at..].trim_end();
        sig.signer = Some(field(
            signer,
            names_line,
            name_at,
            name_at + signer.len(),
            0.8,
        ));
        let sid = claims.open(BlockKind::Signature);
        for i in top..=names_i {
            if claims.is_free(i) {
                claims.give(i, sid);
            }
        }
        snap_titles(&mut tail.signature.authority, true);
        snap_titles(&mut tail.signature.position, false);
        return Some(tail);
    }
    None
}

fn field(value: &str, line: &Line<'_>, start: usize, end: usize, conf: f32) -> Field {
    Field {
        value: value.to_owned(),
        raw: line.raw_span(start, end),
        line: line.no,
        confidence: conf,
    }
}

/// Parses the tail in lines `from..to` and claims its lines.
pub(crate) fn parse(lines: &[Line<'_>], from: usize, to: usize, claims: &mut Claims) -> Tail {
    let to = to.min(lines.len());
    let from = from.min(to);
    let label = (from..to).find(|&i| claims.is_free(i) && LABEL.is_match(&lines[i].fold.s));
    let auth = (from..to).find(|&i| claims.is_free(i) && is_authority(&lines[i].text));
    // Failing both, the last line that ends with an authority form beside
    // a label OCR garbled past reading (`Nội năm KT. CHỦ TỊCH`): the line,
    // and where the form starts.
    let garbled_label = if label.is_none() && auth.is_none() {
        (from..to)
            .rev()
            .filter(|&i| claims.is_free(i))
            .find_map(|i| {
                let t = &lines[i].text;
                upper_split(t)
                    .filter(|&s| is_authority(&t[s..]))
                    .map(|s| (i, s))
            })
    } else {
        None
    };
    let start = match (label, auth, garbled_label) {
        (Some(a), Some(b), _) => a.min(b),
        (Some(s), None, _) | (None, Some(s), _) | (None, None, Some((s, _))) => s,
        (None, None, None) => return two_columns(lines, from, to, claims).unwrap_or_default(),
    };
    let mut tail = Tail {
        start: Some(start),
        ..Tail::default()
    };
    let rid = claims.open(BlockKind::Recipients);
    let sid = claims.open(BlockKind::Signature);
    let mut owner: Vec<Option<usize>> = vec![None; to - start];
    let mut in_list = false;
    let mut open_entry = false;
    let mut comma = false;
    for i in start..to {
        let l = &lines[i];
        if !claims.is_free(i) || l.is_blank() {
            continue;
        }
        let t = l.text.as_str();
        let mut sig: Option<(usize, usize)> = None;
        let label_end = match LABEL.find(&l.fold.s) {
            Some(m) => Some(l.fold.orig(m.end())),
            None => garbled_label.filter(|&(g, _)| g == i).map(|(_, at)| at),
        };
        if let Some(at) = label_end {
            in_list = true;
            owner[i - start] = Some(rid);
            if !t[at..].trim().is_empty() {
                sig = Some((at, t.len()));
            }
        } else if let Some((bullet, archive)) = in_list
            .then(|| {
                bullet_at(t)
                    .map(|b| (b, false))
                    .or_else(|| archive_entry(l).map(|b| (b, true)))
            })
            .flatten()
        {
            owner[i - start] = Some(rid);
            let end = signature_split(t).unwrap_or(t.len()).max(bullet);
            if end < t.len() {
                sig = Some((end, t.len()));
            }
            let entry = t[bullet..end]
                .trim_start_matches(|c| is_bullet(c) || c == ' ')
                .trim_end_matches([';', ',', '.', ' ', '\\', '|']);
            if !entry.is_empty() {
                tail.recipients.push(Recipient {
                    text: entry.to_owned(),
                    line: l.no,
                    raw: l.raw_span(0, end),
                });
                // The archive entry closes the list: nothing continues it.
                open_entry = !archive && !t[..end].trim_end().ends_with([';', '.']);
                comma = t[..end].trim_end().ends_with(',');
            }
        } else if let Some(end) = (in_list && open_entry)
            .then(|| continuation_end(t))
            .flatten()
        {
            // Continuation of a recipient wrapped onto the next line, the
            // signer's name maybe printed beside it.
            owner[i - start] = Some(rid);
            if end < t.len() {
                sig = Some((end, t.len()));
            }
            let t = &t[..end];
            if let Some(r) = tail.recipients.last_mut() {
                let more = t.trim_end_matches([';', '.', ',', ' ']);
                let sep = if comma { ", " } else { " " };
                r.text = format!("{}{sep}{more}", r.text.trim_end_matches(','));
                comma = t.trim_end().ends_with(',');
                open_entry = !t.trim_end().ends_with([';', '.']);
            }
        } else {
            // A recipient's wrapped words in capitals, the signer's name
            // beside them after the entry's `;` (`Xây dựng; Nguyễn Hữu
            // Thắng`), or an entry that lost its bullet, the position
            // beside it (`Như trên; PHÓ GIÁM ĐỐC`; not after a garbled
            // form, `1M. ỦY BAN NHÂN DÂN`: the entry has small letters).
            let beside = if in_list {
                upper_split(t)
                    .filter(|&at| t[..at].chars().filter(|c| c.is_lowercase()).count() >= 2)
                    .or_else(|| name_split(t))
            } else {
                None
            };
            sig = Some((beside.unwrap_or(0), t.len()));
        }
        if let Some((a, b)) = sig {
            let cell = clean_sig(&t[a..b]);
            if cell.is_empty() {
                continue;
            }
            // Two columns printing the same words (`KT. GIÁM ĐỐC KT. GIÁM
            // ĐỐC`: two issuers signing side by side) or two names: the
            // right column's, as where one signer signs.
            let cell = repeated(cell)
                .or_else(|| two_names(cell).map(|at| &cell[at..]))
                .unwrap_or(cell);
            let off = t[a..b].find(cell).map_or(a, |o| a + o);
            let (ca, cb) = (off, off + cell.len());
            let s = &mut tail.signature;
            let fold = super::Folded::new(cell).s;
            let mut used = true;
            if is_authority(cell) {
                match &mut s.authority {
                    Some(f) if s.position.is_none() => {
                        f.value = format!("{} {cell}", f.value);
                        f.raw = format!("{} {}", f.raw, l.raw_span(ca, cb));
                    }
                    _ => s.authority = Some(field(cell, l, ca, cb, 0.9)),
                }
            } else if let Some(name) =
                name_text(&cell[rank_len(cell)..]).filter(|_| !names_position(cell, &fold))
            {
                // A rank before the name (`Thượng tá …`) is no part of it.
                let r = rank_len(cell);
                s.signer = Some(field(&name, l, ca + r, cb, 0.8));
            } else if s.position.is_none()
                && s.signer.is_none()
                // A cell that ends with `;` is a recipient that lost its bullet.
                && !t[a..b].trim_end().ends_with(';')
                && (super::header::mostly_upper(cell) || s.authority.is_some())
                && (POSITION_WORDS.is_match(&fold) || listed_title(cell).is_some())
            {
                // An unprefixed upper-case line: the signer's own position
                // (or the authority form without its dot: "KT CHÁNH …").
                s.position = Some(field(cell, l, ca, cb, 0.7));
            } else {
                used = false;
            }
            if used && owner[i - start].is_none() {
                owner[i - start] = Some(sid);
            }
        }
    }
    // Blank lines between two lines of one block belong to it.
    let mut prev: Option<usize> = None;
    for k in 0..owner.len() {
        if let Some(o) = owner[k] {
            if let Some(p) = prev {
                if owner[p] == Some(o) {
                    for slot in owner.iter_mut().take(k).skip(p + 1) {
                        *slot = Some(o);
                    }
                }
            }
            prev = Some(k);
        }
    }
    for (k, o) in owner.iter().enumerate() {
        if let Some(id) = o {
            if lines[start + k].is_blank() || claims.is_free(start + k) {
                claims.give(start + k, *id);
            }
        }
    }
    snap_titles(&mut tail.signature.authority, true);
    snap_titles(&mut tail.signature.position, false);
    tail
}

/// Where the list's archive entry (`Lưu: VT, TT.`, always its last) starts
/// when it lost its bullet (OCR dropped it, or repair removed the speck it
/// read for one).
fn archive_entry(l: &Line<'_>) -> Option<usize> {
    let f = l.fold.s.trim_start();
    let rest = f.strip_prefix("luu")?.trim_start();
    rest.starts_with(':')
        .then(|| l.text.len() - l.text.trim_start().len())
}

/// Byte offset of the bullet (see [`is_bullet`]) that starts a list line,
/// after at most two specks OCR put before it (`_-CT, PCT UBND`, `.- Lưu`).
fn bullet_at(t: &str) -> Option<usize> {
    let speck = |c: char| matches!(c, '_' | '.' | ',' | '\'' | '`' | '"');
    for (k, (at, c)) in t.char_indices().enumerate() {
        if is_bullet(c) {
            return Some(at);
        }
        if k >= 2 || !speck(c) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signature(text: &str) -> [Option<String>; 3] {
        let raw: Vec<&str> = text.lines().collect();
        let repaired: Vec<String> = raw.iter().map(|s| s.to_string()).collect();
        let s = super::super::analyze(&raw, &repaired).signature;
        [s.authority, s.position, s.signer].map(|f| f.map(|f| f.value))
    }

    #[test]
    fn a_signer_beside_a_recipient_wrapped_in_capitals() {
        let text = "NGHỊ QUYẾT\nVề chính sách hỗ trợ\n\nNơi nhận: CHỦ TỊCH\n\
                    - Văn phòng Quốc hội;\n- Các Bộ: Tài chính, Nông nghiệp và Môi trường,\n\
                    Xây dựng; Nguyễn Hữu Thắng\n- Lưu: VT, KTNS.";
        assert_eq!(
            signature(text),
            [
                None,
                Some("CHỦ TỊCH".into()),
                Some("Nguyễn Hữu Thắng".into())
            ]
        );
    }

    #[test]
    fn a_position_beside_an_entry_that_lost_its_bullet() {
        let text = "BÁO CÁO\nVề kết quả\n\nNơi nhận: KT. GIÁM ĐỐC\n\
                    2 Nhu trên; PHÓ GIÁM ĐỐC\n- Lưu: VT.\n\nTrần Văn Hùng";
        assert_eq!(
            signature(text),
            [
                Some("KT. GIÁM ĐỐC".into()),
                Some("PHÓ GIÁM ĐỐC".into()),
                Some("Trần Văn Hùng".into())
            ]
        );
        // A garbled form's prefix has no small letters: no entry beside it.
        let text = "BÁO CÁO\nVề kết quả\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n\
                    1M. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nĐỗ Văn Hoàng";
        assert_eq!(signature(text)[1], Some("CHỦ TỊCH".into()));
    }

    #[test]
    fn two_issuers_signing_side_by_side_give_the_right_one() {
        let text = "HƯỚNG DẪN\nVề bảo hiểm y tế\n\nBẢO HIỂM XÃ HỘI TỈNH SỞ Y TẾ\n\
                    KT. GIÁM ĐỐC KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC PHÓ GIÁM ĐỐC\n\n\
                    Trần Thị Hồng Nhung Võ Đình Khôi\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.";
        assert_eq!(
            signature(text),
            [
                Some("KT. GIÁM ĐỐC".into()),
                Some("PHÓ GIÁM ĐỐC".into()),
                Some("Võ Đình Khôi".into())
            ]
        );
        assert_eq!(repeated("TM. ỦY BAN NHÂN DÂN"), None);
        // One name, though a surname stands inside it.
        assert_eq!(two_names("Trần Thị Hồng Nhung"), None);
        assert_eq!(
            two_names("Hồ Đắc Vinh Trương Công Hậu"),
            Some("Hồ Đắc Vinh ".len())
        );
        assert_eq!(repeated("CHỦ TỊCH CHỦ TỊCH"), Some("CHỦ TỊCH"));
    }

    #[test]
    fn two_columns_signing_side_by_side_give_the_right_one() {
        let body = "BIÊN BẢN\nKiểm tra công vụ\n\nBiên bản đã được đọc lại cho các thành phần \
                    tham dự cùng nghe và ký tên dưới đây./.\n\n";
        let one_row = format!(
            "{body}ĐẠI DIỆN UBND XÃ TÙNG ẢNH TRƯỞNG ĐOÀN KIỂM TRA\nPHÓ CHỦ TỊCH\n\
             (Ký, ghi rõ họ tên, đóng dấu) (Ký, ghi rõ họ tên)\n\n\
             Hoàng Đình Tuấn Trần Quốc Khánh"
        );
        assert_eq!(
            signature(&one_row),
            [
                None,
                Some("TRƯỞNG ĐOÀN KIỂM TRA".into()),
                Some("Trần Quốc Khánh".into())
            ]
        );
        // Two rows: the first row's right column, its authority form too.
        let two_rows = format!(
            "{body}ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA TM. ĐOÀN KIỂM TRA\nHIỆU TRƯỞNG TRƯỞNG ĐOÀN\n\n\
             Hồ Đắc Vinh Trương Công Hậu\n\nĐẠI DIỆN UBND XÃ HIỆP THẠNH THƯ KÝ\n\
             PHÓ CHỦ TỊCH\n\nLương Văn Thắng Đinh Ngọc Yến"
        );
        assert_eq!(
            signature(&two_rows),
            [
                Some("TM. ĐOÀN KIỂM TRA".into()),
                Some("TRƯỞNG ĐOÀN".into()),
                Some("Trương Công Hậu".into())
            ]
        );
        // A Biên bản's captions, the chair's position under his alone.
        let captions = format!(
            "{body}THƯ KÝ CHỦ TRÌ\nCHỦ TỊCH HỘI ĐỒNG NHÂN DÂN XÃ\n\n\
             Nguyễn Thị Hồng Nhung Lê Văn Thành"
        );
        assert_eq!(
            signature(&captions),
            [
                Some("CHỦ TRÌ".into()),
                Some("CHỦ TỊCH HỘI ĐỒNG NHÂN DÂN XÃ".into()),
                Some("Lê Văn Thành".into())
            ]
        );
        // One name alone is no two columns.
        let alone = format!("{body}PHÓ CHỦ TỊCH\n\nHoàng Đình Tuấn");
        assert_eq!(signature(&alone), [None, None, None]);
    }

    #[test]
    fn a_signer_read_onto_the_archive_entry_is_split_off() {
        let t = "- Lưu: VT, CCVC. Đỗ Quang Vinh";
        assert_eq!(signature_split(t).map(|s| &t[s..]), Some("Đỗ Quang Vinh"));
        assert!(signature_split("- Lưu: VT. GIÁM ĐỐC").is_some());
        // Not another entry, nor an archive entry without a name after it.
        assert_eq!(signature_split("- TT. Hội Đồng Nhân"), None);
        assert_eq!(signature_split("- Lưu: VT, TH."), None);
        // Beside another entry, a name that opens with a surname.
        let t = "- Các sở, ban, ngành tỉnh; Phạm Hữu Khiêm";
        assert_eq!(signature_split(t).map(|s| &t[s..]), Some("Phạm Hữu Khiêm"));
        assert_eq!(signature_split("- Sở Tài chính; Ban Dân Tộc"), None);
    }

    #[test]
    fn a_signer_after_a_colon_or_with_specks_in_the_name() {
        let split = |t: &'static str| signature_split(t).map(|s| &t[s..]);
        // OCR's `:` for the `;` before a name of three words.
        let t = "- Trung tâm CB-TH tỉnh: Nguyễn Hồng Lĩnh";
        assert_eq!(split(t), Some("Nguyễn Hồng Lĩnh"));
        // Two words after a colon are as often a place.
        assert_eq!(split("- Sở Tài chính tỉnh: Lâm Đồng"), None);
        assert_eq!(split("- Các phòng: Kế Hoạch Tài"), None);
        // Dots after the name's words are no marks.
        let t = "- Trang TTĐT xã; Đặng Quốc. Thịnh";
        assert_eq!(split(t), Some("Đặng Quốc. Thịnh"));
        assert_eq!(
            split("- Lưu: VT, TCKH. Nguyễn Đăng Khoa."),
            Some("Nguyễn Đăng Khoa.")
        );
        assert_eq!(
            name_text("Hoàng Thị Minh. Nguyệt").as_deref(),
            Some("Hoàng Thị Minh Nguyệt")
        );
        assert_eq!(name_text("Sở Nội vụ."), None);
    }

    #[test]
    fn an_authority_beside_a_garbled_label_opens_the_tail() {
        let text = [
            "Yêu cầu các cơ quan thực hiện./.",
            "",
            "Nội năm KT. CHỦ TỊCH",
            "Như wen! PHÓ CHỦ TỊCH",
            "- Bộ Tài chính (để b/c);",
            "- Sở Tài chính; Nguyễn Hồng Lĩnh",
            "- Lưu: VT, TH.",
        ];
        let repaired: Vec<String> = text.iter().map(|s| (*s).to_owned()).collect();
        let layout = super::super::analyze(&text, &repaired);
        let v = |f: &Option<Field>| f.as_ref().map(|f| f.value.clone());
        assert_eq!(
            v(&layout.signature.authority).as_deref(),
            Some("KT. CHỦ TỊCH")
        );
        assert_eq!(
            v(&layout.signature.signer).as_deref(),
            Some("Nguyễn Hồng Lĩnh")
        );
        assert_eq!(layout.recipients.len(), 3);
    }

    #[test]
    fn a_signer_beside_a_wrapped_recipient_and_a_lone_y_name() {
        let text = [
            "Nơi nhận: KT. GIÁM ĐỐC",
            "- UBND tỉnh (để b/c); PHÓ GIÁM ĐỐC",
            "- Báo và Phát thanh, Truyền hình Lâm Đồng",
            "(đăng tin 03 số liên tiếp); Lê Thị Minh Phương",
            "- Lưu: VT, TCCB.",
        ];
        let repaired: Vec<String> = text.iter().map(|s| (*s).to_owned()).collect();
        let layout = super::super::analyze(&text, &repaired);
        let signer = layout.signature.signer.map(|f| f.value);
        assert_eq!(signer.as_deref(), Some("Lê Thị Minh Phương"));
        assert_eq!(layout.recipients.len(), 3);
        assert!(layout.recipients[1]
            .text
            .ends_with("(đăng tin 03 số liên tiếp)"));
        // An Ê Đê man's name after his rank.
        assert!(is_name("Y Khuê Niê"));
        assert!(!is_name("Y Khuê"));
        assert_eq!(
            &"Trung tá Y Khuê Niê"[rank_len("Trung tá Y Khuê Niê")..],
            "Y Khuê Niê"
        );
    }

    #[test]
    fn a_surname_that_folds_like_a_position_is_a_name() {
        let f = |s: &str| super::super::Folded::new(s).s;
        for name in ["Trương Quang Bảy", "Nguyễn Văn Chánh"] {
            assert!(!names_position(name, &f(name)), "{name}");
        }
        for position in [
            "Phó Giám đốc",
            "Trưởng Ban",
            "Chánh Văn phòng",
            "Pho Giam doc",
        ] {
            assert!(names_position(position, &f(position)), "{position}");
        }
    }

    #[test]
    fn splits_merged_lines() {
        let t = "- UBND tỉnh (b/c); PHÓ CHÁNH VĂN PHÒNG";
        assert_eq!(signature_split(t), t.find("PHÓ"));
        assert_eq!(signature_split("- CT, PCT UBND tỉnh"), None);
        assert!(is_authority("KT. CHỦ TỊCH"));
        assert!(is_authority("TM. ỦY BAN NHÂN DÂN"));
        assert!(!is_authority("Tuyên truyền"));
        assert!(is_name("Lữ Đình Tích"));
        assert_eq!(rank_len("Thượng tá Đinh Quang Vũ"), "Thượng tá ".len());
        assert_eq!(rank_len("Trung Văn An"), 0);
        assert!(!is_name("Sở Nội vụ"));
    }

    #[test]
    fn bullets_after_specks() {
        assert_eq!(bullet_at("- Như trên;"), Some(0));
        assert_eq!(bullet_at("_-CT, các PCT UBND huyện;"), Some(1));
        assert_eq!(bullet_at("._- Lưu: VT."), Some(2));
        assert_eq!(bullet_at("Lưu: VT."), None);
        assert_eq!(bullet_at("=Lưu: VT, VP."), Some(0));
        assert_eq!(bullet_at("> Như Điều 3;"), Some(0));
        assert_eq!(bullet_at("— TT Đảng ủy xã;"), Some(0));
        assert_eq!(bullet_at("~UBND huyện (b/c);"), Some(0));
        assert_eq!(bullet_at("___- Lưu"), None);
    }

    #[test]
    fn garbled_titles_read_as_listed_ones() {
        let sig = |text: &str| {
            let raw: Vec<&str> = text.lines().collect();
            let rep: Vec<String> = raw.iter().map(|s| s.to_string()).collect();
            let l = crate::layout::analyze(&raw, &rep);
            let v = |f: &Option<Field>| f.as_ref().map(|f| f.value.clone());
            (v(&l.signature.authority), v(&l.signature.position))
        };
        assert_eq!(
            sig("Nơi nhận:\n- Lưu: VT.\nKT. GEAM DOG\nPHỔ GLAM DOG\n\nLê Văn An"),
            (Some("KT. GIÁM ĐỐC".into()), Some("PHÓ GIÁM ĐỐC".into()))
        );
        // Capitals mixed with small letters read as the title; a title in
        // sentence case stays.
        assert_eq!(
            sig("Nơi nhận:\n- Lưu: VT.\nKT. GIÁM Đốc\nPHÓ GIÁM ĐỐC\n\nLê Văn An"),
            (Some("KT. GIÁM ĐỐC".into()), Some("PHÓ GIÁM ĐỐC".into()))
        );
        assert_eq!(listed_title("Phó Giám đốc"), None);
        assert_eq!(
            sig("Nơi nhận:\n- Lưu: VT.\nTM..ỦY BAN NHÂN'DÂN\nCHỦ TỊCH\n\nLê Văn An"),
            (Some("TM. ỦY BAN NHÂN DÂN".into()), Some("CHỦ TỊCH".into()))
        );
        assert_eq!(
            sig("Nơi nhận:\n- Lưu: VT.\n1M. ỦY BAN NHÂN DÂN\nKT.CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn An"),
            (
                Some("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH".into()),
                Some("PHÓ CHỦ TỊCH".into())
            )
        );
        assert_eq!(
            sig("Nơi nhận:\n- Lưu: VT.\nKT: CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Văn An"),
            (Some("KT. CHỦ TỊCH".into()), Some("PHÓ CHỦ TỊCH".into())),
        );
        assert_eq!(
            sig("Nơi nhận:\n- Như trên; KT. CHỦ: TỊCH\n- Sở Tài chính; PHÓ CHỦ TỊCH\n- Lưu: VT.\n\nLê Văn An"),
            (Some("KT. CHỦ TỊCH".into()), Some("PHÓ CHỦ TỊCH".into()))
        );
        // The archive entry's last code is no part of the position.
        assert_eq!(
            sig("Nơi nhận:\n- Như trên;\n- Lưu: VT, NN. PHÓ CHỦ TỊCH\n\nLê Văn An"),
            (None, Some("PHÓ CHỦ TỊCH".into()))
        );
        // A garbled position alone on its line (`TRUGNG PHÒNG`).
        assert_eq!(
            sig("Nơi nhận:\n- Lưu: VT.\n\nTRUGNG PHÒNG\n\nNguyễn Quốc Hòa"),
            (None, Some("TRƯỞNG PHÒNG".into()))
        );
        // A deputy's `PHÓ` printed in small letters beside the list.
        assert_eq!(
            sig(
                "Nội dung.\n\nNơi nhận: T/M BAN THƯỜNG VỤ\n- Tỉnh ủy (để b/c), Phó BÍ THƯ\n\
                 - Lưu Văn phòng. Nguyễn Thị Minh Nguyệt"
            ),
            (Some("T/M BAN THƯỜNG VỤ".into()), Some("PHÓ BÍ THƯ".into()))
        );
        // A two-letter word misread, the others exact.
        assert_eq!(
            sig("Nơi nhận:\n- Lưu VP.\nT/M ĐẢNG ỦY\nBỂ THU\n\nLê Văn An"),
            (Some("T/M ĐẢNG ỦY".into()), Some("BÍ THƯ".into()))
        );
        assert_eq!(listed_title("BỂ THẢ"), None);
        // A Party document's prefixes (`T/M`, `K/T`) print no dot.
        assert_eq!(
            sig("Nơi nhận:\n- Lưu VP.\nT/M DANG UY\nK/T BI THU\nPHÓ BÍ THƯ\n\nLê Văn An"),
            (
                Some("T/M ĐẢNG ỦY K/T BÍ THƯ".into()),
                Some("PHÓ BÍ THƯ".into())
            )
        );
        // Unlisted titles stay as printed.
        assert_eq!(
            sig("Nơi nhận:\n- Lưu: VT.\nTM. BAN CHỈ ĐẠO\nTRƯỞNG ĐOÀN\n\nLê Văn An"),
            (Some("TM. BAN CHỈ ĐẠO".into()), Some("TRƯỞNG ĐOÀN".into()))
        );
    }

    #[test]
    fn label_after_specks() {
        for line in [
            "Nơi nhận:",
            "~. Noi nhan:",
            "\u{2018}, Nơi nhận:",
            "NOI NHAN:",
            "Nornhan;",
            "Nó nhận:",
            "Nod nhận:",
            "Nội phần: KT. GIÁM ĐỐC",
        ] {
            assert!(
                LABEL.is_match(&crate::layout::Folded::new(line).s),
                "{line}"
            );
        }
        // A word before it is no speck; `nó nhận` without a colon is a sentence.
        assert!(!LABEL.is_match(&crate::layout::Folded::new("Gửi nơi nhận").s));
        assert!(!LABEL.is_match(&crate::layout::Folded::new("Nó nhận được").s));
        assert!(!LABEL.is_match(&crate::layout::Folded::new("Nội thành của").s));
        assert!(!LABEL.is_match(&crate::layout::Folded::new("Nông nhân viên").s));
        let text = "~. Noi nhan:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC";
        let raw: Vec<&str> = text.lines().collect();
        let rep: Vec<String> = raw.iter().map(|s| s.to_string()).collect();
        let l = crate::layout::analyze(&raw, &rep);
        assert_eq!(l.recipients.len(), 2);
    }

    #[test]
    fn archive_entry_without_its_bullet() {
        let text = "Nơi nhận:\n- UBND tỉnh;\n Lưu: VT, TT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC";
        let raw: Vec<&str> = text.lines().collect();
        let rep: Vec<String> = raw.iter().map(|s| s.to_string()).collect();
        let l = crate::layout::analyze(&raw, &rep);
        let got: Vec<(&str, usize)> = l
            .recipients
            .iter()
            .map(|r| (r.text.as_str(), r.line))
            .collect();
        assert_eq!(got, vec![("UBND tỉnh", 2), ("Lưu: VT, TT", 3)]);
        // Outside a Nơi nhận list the word is no recipient.
        let raw = ["Lưu: hồ sơ được lưu tại Văn phòng."];
        let rep: Vec<String> = raw.iter().map(|s| s.to_string()).collect();
        assert!(crate::layout::analyze(&raw, &rep).recipients.is_empty());
    }
}
