//! The header (ô 1–5 of Phụ lục I, NĐ 30/2020): issuing body and its parent,
//! national title and motto, `Số:` number and symbol, place and date, document
//! type and trích yếu.
//!
//! OCR prints the left and right header columns on one line; lines are split at
//! the start of the national title (`CỘNG HÒA`), of the motto (`Độc lập`) or of
//! `<place>, ngày`.

use super::{Claims, Line};
use crate::output::{BlockKind, Diagnostic, Field, Header};
use regex::Regex;
use std::sync::LazyLock;

/// How many lines from the top the header may span.
const WINDOW: usize = 30;

/// Document types of Điều 7 (NĐ 30/2020), the normative types and a Party
/// committee's or an inspectorate's `KẾT LUẬN`, in capitals.
const DOC_TYPES: &[&str] = &[
    "NGHỊ QUYẾT",
    "QUYẾT ĐỊNH",
    "CHỈ THỊ",
    "QUY CHẾ",
    "QUY ĐỊNH",
    "THÔNG CÁO",
    "THÔNG BÁO",
    "THÔNG BÁO KẾT LUẬN",
    "KẾT LUẬN",
    "KẾT LUẬN THANH TRA",
    "HƯỚNG DẪN",
    "CHƯƠNG TRÌNH",
    "CHƯƠNG TRÌNH CÔNG TÁC",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "KẾ HOẠCH",
    "PHƯƠNG ÁN",
    "ĐỀ ÁN",
    "DỰ ÁN",
    "BÁO CÁO",
    "BÁO CÁO NHANH",
    "BIÊN BẢN",
    "TỜ TRÌNH",
    "HỢP ĐỒNG",
    "CÔNG VĂN",
    "CÔNG ĐIỆN",
    "BẢN GHI NHỚ",
    "BẢN THỎA THUẬN",
    "GIẤY ỦY QUYỀN",
    "GIẤY MỜI",
    "GIẤY GIỚI THIỆU",
    "GIẤY NGHỈ PHÉP",
    "PHIẾU GỬI",
    "PHIẾU CHUYỂN",
    "PHIẾU BÁO",
    "THƯ CÔNG",
    "LUẬT",
    "NGHỊ ĐỊNH",
    "THÔNG TƯ",
    "THÔNG TƯ LIÊN TỊCH",
    "PHÁP LỆNH",
    "LỆNH",
];

static NATIONAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bc[o0]ng\s*h[o0][a4]\b|\bch[uư]\s*ngh[i1l]a\s+v").unwrap());
/// The title of a Party document (Hướng dẫn 36-HD/VPTW: `ĐẢNG CỘNG SẢN VIỆT
/// NAM` where a state document prints the national title, and no motto) and
/// of the Youth Union's (`ĐOÀN TNCS HỒ CHÍ MINH`), in folded text.
/// `Đảng` itself is matched by [`party_title`], which takes the word before
/// `cộng sản việt` when OCR printed it within two letters (`BẰNG`).
static PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bc[o0]ng\s*s[a4]n\s*v[i1l]|\bd[o0][a4]n\s+(?:tncs|thanh\s+nien\s+c[o0]ng\s+s[a4]n)[\s.]+h[o0]\s+ch[i1l]\s+m")
        .unwrap()
});
/// The motto "Độc lập - Tự do - Hạnh phúc" as OCR prints it (`Doc lap`,
/// `Déc lap`, `Tw do - Hanh phic`); `học lớp` is no `Độc lập`.
static MOTTO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)((?:\S{0,2}[^\sh])?[o0][ce]\s*[l1i|]\S?p)(?:\s|$|[-–—.,:;])|(?:^|\s)(t\S?\s+d[o0]\s*[-–—]+\s*h\S{2,3}\s+ph)")
        .unwrap()
});
/// The motto as a header anchor: stricter than [`MOTTO`], whose bare
/// `độc lập` also occurs in running text. `Độc lập -` or `Tự do - Hạnh ph…`.
static MOTTO_ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bd[o0]c\s*l\S{0,2}p\s*[-–—]|\bt\S?\s+d[o0]\s*[-–—]+\s*h\S{2,3}\s+ph").unwrap()
});
/// The `Số:` label of a document's own number (ô 3) as OCR prints it, in
/// folded text: `so:`, `s6:`, `$6;`, `56:` (the reference finder skips the
/// number after it too: it is no citation), after at most three specks OCR
/// put before it (`» Số:`) and with its colon doubled (`§6::318`); `§` is
/// one of OCR's `S` too.
pub(crate) const NUMBER_LABEL: &str = r"(?:[^\w\s]{1,3}\s*)?(?:[s$§]\S{0,2}|5[0-9o])\s*[:;.]{1,2}";
static NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    // `Số: 1034 /BC-VP`, `S6: 14 /KH-VP`, `$6: 47/KH-UBND`, `Số: /BC-UBND`, `Số: 05/BNV-VP`,
    // thousands parted by a dot (`Số: 3.187/QĐ-UBND`),
    // normative `Số: 89/2026/TT-BTC` (year between number and symbol);
    // OCR's `56:` for `Số:` and `12) KH-PNV` for the slash; a number OCR
    // printed as `O`s (`Sé: OO/KH-UBND`) gives no number but the symbol.
    Regex::new(&format!(
        r"^\s*{NUMBER_LABEL}\s*(?:(?P<num>\d{{1,3}}(?:\.\d{{3}})+|\d[\d ]*?)|[o\d]{{1,5}})?\s*[/\[|)]\s*(?:(?P<year>(?:19|20)\d\d)\s*[/\[|]\s*)?(?P<sym>[0-9a-z&]+(?:\s*[-_–]\s*[0-9a-z&]+)*)"
    ))
    .unwrap()
});
/// A Party or Youth Union document's own number (Hướng dẫn 36-HD/VPTW):
/// `Số 45-BC/ĐU`, `Số 18-NQ/HU`, `Số: 25-KH/HĐTN`, the number joined to
/// the symbol by a dash and the label's colon often left out, in folded
/// text; the symbol is what follows the dash, written `BC-ĐU` as a cited
/// Party document's is.
static PARTY_NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:[^\w\s]{1,3}\s*)?(?:[s$§]\S{0,2}|5[0-9o])\s*[:;.]{0,2}\s*(?P<num>\d{1,5})\s*[-–_]\s*(?P<sym>(?P<party>[a-z]{1,6})\s*/\s*[0-9a-z&]+(?:\s*[-_–]\s*[0-9a-z&]+)*)",
    )
    .unwrap()
});
/// The `V/v` (về việc) that opens a Công văn's subject line; OCR reads its
/// slash as `l`, `|`, `1` or `i` and the second `v` as `y`.
static TRICH_YEU: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^v\s?[/l|1i]\s?[vy]\b").unwrap());
/// `ngày` as OCR prints it (folded): whole, with a letter misread (`ngav`,
/// `nqay`), dropped (`nay`, `ngy`) or inserted (`nigay`, `ngaay`).
const NGAY: &str = r"(?:ngay|n[a-z]?g[a-z]?a[a-z]?y|n[a-z]ay|ng[a-z]y|nga[a-z]|nay|ngy)";
/// `<place>, ngày`; OCR reads the comma as `;` or `.` too, or loses it.
/// `exact`: the word is spelled `ngay`.
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:[,;.:]\s*|\s+)(?:(?P<exact>ngay)|{NGAY})\b")).unwrap()
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b{NGAY}\b(?P<d>.*?)th[a-z]{{0,2}}ng(?P<m>.*?)n[a-z]{{1,2}}m\s*(?P<y>\d{{4}})"
    ))
    .unwrap()
});
/// A verb that opens a body paragraph or a plan's title (`KẾ HOẠCH` /
/// `Triển khai chiến dịch …`, `Thực hiện công tác y tế trường học …`): right
/// after the document type it is the title.
static TITLE_VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:trien\s+khai|thuc\s+hien)\s").unwrap());

/// Most lines a Công văn's trích yếu (`V/v …`) runs over.
const TRICH_YEU_LINES: usize = 4;
/// Most characters of a trích yếu's line that opens with a capital: the
/// left column under the number is narrow, a body line runs the page.
const TRICH_YEU_WIDTH: usize = 60;
static BODY_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:can\s+c\S*|thuc\s+hien|kinh\s+gui|theo\s|trien\s+khai|[ivx]+\s*\.\s|\d+\s*\.\s|dieu\s+\d+\s*[.:])",
    )
    .unwrap()
});

/// The header and where the body starts.
#[derive(Debug, Default)]
pub(crate) struct HeaderResult {
    /// The fields.
    pub header: Header,
    /// 0-based index of the first line after the header.
    pub end: usize,
}

fn field(value: String, raw: String, line: usize, confidence: f32) -> Option<Field> {
    if value.trim().is_empty() {
        return None;
    }
    Some(Field {
        value,
        raw,
        line,
        confidence,
    })
}

/// Trims punctuation and OCR noise from a header cell.
fn trim_cell(s: &str) -> &str {
    s.trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '(')
}

/// Does `text` open with an acronym (`BHYT,`: two to six capitals) and go
/// on with a word in small letters?
fn opens_with_acronym(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or("").trim_end_matches([',', ';']);
    let acronym = (2..=6).contains(&first.chars().count())
        && first.chars().all(|c| c.is_uppercase() && c.is_alphabetic());
    acronym
        && words.any(|w| {
            w.chars().count() >= 2 && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
        })
}

/// Are seven in ten of `s`'s letters (two at least) capitals?
pub(crate) fn mostly_upper(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 7
}

/// What a header's right column holds (ô 2 of Phụ lục I).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RightColumn {
    /// The national title, `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`.
    National,
    /// A Party or Youth Union document's title in its place ([`PARTY`]):
    /// [`PARTY_TITLE`] or [`UNION_TITLE`].
    Party(&'static str),
    /// The motto, `Độc lập - Tự do - Hạnh phúc`.
    Motto,
}

/// The Party's title as a Party document prints it, a fixed text.
const PARTY_TITLE: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";
/// The Youth Union's title as its documents print it, a fixed text.
const UNION_TITLE: &str = "ĐOÀN TNCS HỒ CHÍ MINH";

/// A Party or Youth Union title in capitals in `line` (running text names
/// the Party too, in small letters): its byte offset in `line.text` and the
/// title's fixed text. The last one is taken: a Youth Union document may
/// name the Union in its left column too (`ĐOÀN TNCS HỒ CHÍ MINH   ĐOÀN
/// TNCS HỒ CHÍ MINH`).
fn party_title(line: &Line<'_>) -> Option<(usize, &'static str)> {
    let f = &line.fold.s;
    let m = PARTY.find_iter(f).last()?;
    let mut start = m.start();
    let party = f[start..].starts_with('c');
    if party {
        // `Đảng` before `cộng sản`, as OCR printed it (`DANG`, `BANG`).
        let before = f[..start].trim_end();
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let letters: String = word.chars().filter(char::is_ascii_alphabetic).collect();
        if letters.is_empty() || strsim::levenshtein(&letters, "dang") > 2 {
            return None;
        }
        start = before.len() - word.len();
    }
    let at = line.fold.orig(start);
    let fixed = if party { PARTY_TITLE } else { UNION_TITLE };
    mostly_upper(&line.text[at..]).then_some((at, fixed))
}

/// Byte offset in `line.text` where the right column (national title, a
/// Party title or the motto) starts, and which it is.
fn right_column(line: &Line<'_>) -> Option<(usize, RightColumn)> {
    if let Some((at, fixed)) = party_title(line) {
        return Some((at, RightColumn::Party(fixed)));
    }
    if let Some(m) = NATIONAL.find(&line.fold.s) {
        // Back up to the start of "cộng hòa" when only "chủ nghĩa" matched.
        let start = if line.fold.s[m.start()..].starts_with('c') && m.as_str().contains("ngh") {
            line.fold.s[..m.start()]
                .find("cong")
                .unwrap_or_else(|| title_words_before(&line.fold.s, m.start()))
        } else {
            m.start()
        };
        return Some((line.fold.orig(start), RightColumn::National));
    }
    if let Some(c) = MOTTO.captures(&line.fold.s) {
        let g = c.get(1).or_else(|| c.get(2))?;
        return Some((line.fold.orig(g.start()), RightColumn::Motto));
    }
    None
}

/// The type of a document whose header names none but has a `V/v` line.
pub(crate) const CONG_VAN: &str = "CÔNG VĂN";

/// The national title, a fixed text (NĐ 30/2020, Phụ lục I).
pub(crate) const NATIONAL_TITLE: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// The national motto, a fixed text.
pub(crate) const NATIONAL_MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
/// The people's committee and council of a commune, district or province
/// as an issuer's first line names them alone (the unit on the next line).
const BODIES: &[&str] = &["ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN"];

/// Does an issuer cell open with an administrative unit word (`TỈNH
/// QUẢNG NGÃI`, `THÀNH PHỐ HUẾ`), its marks maybe lost?
fn opens_with_unit(cell: &str) -> bool {
    let words = super::folded_words(cell);
    FOLDED_UNITS
        .iter()
        .any(|unit| words.len() > unit.len() && words.starts_with(unit))
}

/// Does any word of an issuer cell open an administrative unit's name
/// (`TỈNH`, `XÃ`, `THỊ`), its marks maybe lost?
fn names_unit(cell: &str) -> bool {
    super::folded_words(cell)
        .iter()
        .any(|w| FOLDED_UNITS.iter().any(|u| u.first() == Some(w)))
}

/// [`crate::lexicon::PLACE_UNITS`] as folded words, built once.
static FOLDED_UNITS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    crate::lexicon::PLACE_UNITS
        .iter()
        .map(|u| super::folded_words(u))
        .collect()
});

/// First words (folded) of the bodies an issuer's block names, each of
/// which opens a name of its own.
const BODY_WORDS: &[&str] = &[
    "ubnd", "uy", "hoi", "hdnd", "so", "phong", "ban", "van", "trung", "chi", "cuc", "bo", "tong",
    "dang", "doan", "vien", "truong", "cong", "toa",
];

/// Does a cell of an issuer's block open with a body's name (`SỞ Y TẾ`,
/// `PHÒNG TÀI CHÍNH`, `VĂN PHÒNG`), not go on with the line above?
fn opens_with_body(cell: &str) -> bool {
    super::folded_words(cell)
        .first()
        .is_some_and(|w| BODY_WORDS.contains(&w.as_str()))
}

/// Where the words of the national title before `chủ nghĩa` (at folded
/// offset `at`) start in folded line `f`: OCR misreads them (`cd ; HOA XA
/// HOL CHU NGHIA`), so each is taken when its letters are within one edit of
/// the title word expected there (two for the first, `cộng`), going back
/// over punctuation; `at` when none is.
fn title_words_before(f: &str, at: usize) -> usize {
    let mut start = at;
    let mut want = ["hoi", "xa", "hoa", "cong"].iter();
    let mut expected = want.next();
    for (i, word) in f[..at]
        .split_whitespace()
        .rev()
        .map(|w| (w.as_ptr() as usize - f.as_ptr() as usize, w))
    {
        let letters: String = word.chars().filter(char::is_ascii_alphabetic).collect();
        if letters.is_empty() {
            continue;
        }
        let Some(&exp) = expected else { break };
        let limit = if exp == "cong" { 2 } else { 1 };
        if strsim::levenshtein(&letters, exp) > limit {
            break;
        }
        start = i;
        expected = want.next();
    }
    start
}

/// Letters of `s`, folded (no marks, lower case): what a misread line of a
/// fixed text is compared on.
fn folded_letters(s: &str) -> String {
    super::folded_words(s).concat()
}

/// The national title or motto as printed, or its fixed text when OCR garbled
/// it: a cell whose letters are within a fifth of the fixed text's letters
/// (`CỘNG HÒA XÃ HOD`, `Độc lập - . Tự do`) reads as that text, with the
/// confidence scaled by the likeness.
fn fixed_text(cell: &str, fixed: &str) -> (String, f32) {
    match fixed_text_confidence(cell, fixed) {
        Some(c) => (fixed.to_owned(), c),
        None => (cell.to_owned(), 0.5),
    }
}

/// The confidence that `cell` is the fixed text `fixed` as OCR printed it:
/// their letters within a fifth of each other, scaled by the likeness.
fn fixed_text_confidence(cell: &str, fixed: &str) -> Option<f32> {
    let (got, want) = (folded_letters(cell), folded_letters(fixed));
    let like = strsim::normalized_levenshtein(&got, &want) as f32;
    (like >= 0.8).then_some(0.9 * like)
}

/// Is this a national-title or motto line (header printed again on an appendix)?
pub(crate) fn is_national_line(line: &Line<'_>) -> bool {
    right_column(line).is_some()
}

/// [`DOC_TYPES`] with their folded forms, built once.
static FOLDED_TYPES: LazyLock<Vec<(&'static str, String)>> = LazyLock::new(|| {
    DOC_TYPES
        .iter()
        .map(|&ty| (ty, super::Folded::new(ty).s))
        .collect()
});

/// `symbol` with its type code spelt as the code of the document's own
/// type `doc_type` where the two differ only in a `Đ`'s bar, which OCR
/// drops (`DA-UBND` of an `ĐỀ ÁN` is `ĐA-UBND`: `DA` is a Dự án's code;
/// `CD-UBND` of a `CÔNG ĐIỆN` is `CĐ-UBND`); `None` where it needs no
/// change.
fn type_code_spelt(symbol: &str, doc_type: &str) -> Option<String> {
    let (code, rest) = symbol.split_once('-')?;
    let want = crate::lexicon::doc_types::TYPE_CODES
        .iter()
        .find(|(_, name)| name.to_uppercase() == doc_type)
        .map(|(c, _)| *c)?;
    let bare = |s: &str| s.replace('Đ', "D");
    (code != want && bare(code) == bare(want)).then(|| format!("{want}-{rest}"))
}

/// Matches a document type: the canonical name and a confidence.
pub(crate) fn doc_type(line: &Line<'_>) -> Option<(&'static str, f32)> {
    let t = trim_cell(&line.text);
    if t.is_empty() || !mostly_upper(t) || t.chars().count() > 40 {
        return None;
    }
    let f = super::Folded::new(t).s;
    // Marks OCR put for a letter (`Kf& HOẠCH`) are no letters of the name.
    let f: String = f
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut best: Option<(&'static str, f32)> = None;
    for (ty, tf) in FOLDED_TYPES.iter() {
        let ty = *ty;
        let score = if f == *tf {
            1.0
        } else {
            strsim::normalized_levenshtein(&f, tf) as f32
        };
        if score >= 0.8 && best.is_none_or(|(_, s)| score > s) {
            best = Some((ty, score));
        }
    }
    best
}

/// Words that open a title printed on the type's line, after the type
/// (`CHƯƠNG TRÌNH CÔNG TÁC QUÝ I NĂM 2027`, `KẾ HOẠCH NĂM 2027`): a period.
const TITLE_ON_TYPE_LINE: &[&str] = &["quy", "nam", "thang", "giai doan", "6 thang", "9 thang"];

/// A document type printed with the start of its title on one line (`CHƯƠNG
/// TRÌNH CÔNG TÁC QUÝ I NĂM 2027`): the line in capitals opens with the
/// type's words and goes on with a period ([`TITLE_ON_TYPE_LINE`]). The
/// type, its confidence and the byte offset in `line.text` where the title
/// starts. The longest type wins (`CHƯƠNG TRÌNH CÔNG TÁC` over `CHƯƠNG
/// TRÌNH`).
fn doc_type_and_title(line: &Line<'_>) -> Option<(&'static str, f32, usize)> {
    let t = line.text.as_str();
    if !mostly_upper(t) || t.chars().count() > 80 {
        return None;
    }
    let words: Vec<(usize, &str)> = t
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - t.as_ptr() as usize, w))
        .collect();
    let folded: Vec<String> = words.iter().map(|(_, w)| super::Folded::new(w).s).collect();
    FOLDED_TYPES
        .iter()
        .filter_map(|(ty, tf)| {
            let n = ty.split_whitespace().count();
            let head = folded.get(..n)?.join(" ");
            let rest = folded.get(n..).filter(|r| !r.is_empty())?.join(" ");
            let period = TITLE_ON_TYPE_LINE
                .iter()
                .any(|p| rest.starts_with(p) && rest[p.len()..].starts_with(' '));
            (head == *tf && period).then_some((*ty, n))
        })
        .max_by_key(|&(_, n)| n)
        .map(|(ty, n)| (ty, 0.8, words[n].0))
}

/// A figure of running text: grouped thousands (`785.000`), a decimal comma
/// (`64,8`) or a percentage.
static QUANTITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{1,3}(?:\.\d{3})+\b|\d,\d|\d\s*%").unwrap());

/// Does line `l` start what follows a title whose first line is `first`,
/// with no blank line between: a block in capitals after a title in mixed
/// case (a Nghị quyết's `HỘI ĐỒNG NHÂN DÂN TỈNH …`), or body text with
/// quantities in it, which a title never states.
fn ends_title(first: &Line<'_>, l: &Line<'_>) -> bool {
    // A code alone in capitals (`ĐT.624B,`, a road's) is no such block.
    let has_word = l.text.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.chars().count() >= 2 && w.chars().all(char::is_alphabetic)
    });
    has_word && mostly_upper(&l.text) && !mostly_upper(&first.text) || QUANTITY.is_match(&l.text)
}

/// The motto with one space either side of its dashes (`Tự do- Hạnh phúc`
/// as OCR spaced it reads `Tự do - Hạnh phúc`); the dashes stay as printed.
fn dash_spacing(motto: &str) -> String {
    static DASH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*([-–—])\s*").unwrap());
    DASH.replace_all(motto, " $1 ").into_owned()
}

/// An issuer cell as NĐ 30 prints it: in capitals, without the dot OCR glued
/// to a word (`UBND. HUYỆN` → `UBND HUYỆN`; the abbreviation `TP.` of two
/// letters keeps its dot, and commas stay).
fn issuer_value(cell: &str) -> String {
    static GLUED_DOT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(\p{Lu}{2,})\.(\p{Lu}{2,})").unwrap());
    // `HĐND.VÀ UBND`: a dot between two words is a speck for a space.
    let cell = GLUED_DOT.replace_all(cell, "$1 $2");
    // The rule under the name, OCR's specks and all (`THƯỜNG TRỰC
    // -------2--02-22`), ends it: a name's dash stands alone (`TÀI CHÍNH -
    // KẾ HOẠCH`).
    let rule = |w: &str| w.contains("--") || w.contains("__");
    cell.split_whitespace()
        .take_while(|w| !rule(w))
        .map(|w| {
            // Commas stay: `BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH`.
            let bare = w.trim_end_matches('.');
            if bare.chars().count() >= 3 && bare.chars().all(char::is_alphabetic) {
                bare
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

/// A title without the opening quote OCR made of a speck before it
/// (`‘Về việc …`, `“Tổng kết …`); a quote the title closes stays.
fn unquoted_title(title: &str) -> String {
    const OPENING: [char; 4] = ['‘', '“', '\'', '"'];
    const CLOSING: [char; 4] = ['’', '”', '\'', '"'];
    let t = title.trim_start();
    match t.chars().next() {
        Some(q) if OPENING.contains(&q) && !t[q.len_utf8()..].contains(CLOSING) => {
            t[q.len_utf8()..].trim_start().to_owned()
        }
        _ => title.to_owned(),
    }
}

/// Most upper-case issuer lines taken above a header anchor.
const ISSUER_LINES: usize = 3;

/// Is `line` the national title's last words, wrapped under `above`, which
/// ends with the words before them (`… CHỦ NGHĨA` / `VIỆT NAM`)?
fn title_tail(above: &Line<'_>, line: &Line<'_>) -> bool {
    /// [`NATIONAL_TITLE`]'s folded words, built once.
    static WORDS: LazyLock<Vec<String>> = LazyLock::new(|| super::folded_words(NATIONAL_TITLE));
    // Folded words drop the specks OCR leaves at their ends (`VIỆT NAM.`).
    let tail = super::folded_words(&line.fold.s);
    let k = WORDS.len().saturating_sub(tail.len());
    if tail.is_empty() || k == 0 || tail[..] != WORDS[k..] {
        return false;
    }
    let before = super::folded_words(&above.fold.s).pop();
    before.as_ref() == Some(&WORDS[k - 1]) && NATIONAL.is_match(&above.fold.s)
}

/// Is this line a star or two alone, as a Party document prints under its
/// issuer (three or more are a rule), or a speck of two characters at most
/// OCR made of it (`*.`, `.`, `ok`)?
fn is_star(line: &Line<'_>) -> bool {
    let t = line.text.trim();
    let n = t.chars().filter(|c| !c.is_whitespace()).count();
    (1..=2).contains(&n) && !t.chars().any(|c| c.is_ascii_digit())
        || !t.is_empty() && t.chars().all(|c| c == '*' || c.is_whitespace())
}

/// What a header mark printed on a line of its own says (NĐ 30/2020, Phụ
/// lục I: the dấu chỉ độ khẩn and độ mật, in capitals, near the number).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    /// How urgent: `KHẨN`, `THƯỢNG KHẨN`, `HỎA TỐC`.
    Urgency(&'static str),
    /// How secret: `MẬT`, `TỐI MẬT`, `TUYỆT MẬT`.
    Secrecy(&'static str),
}

/// The urgency or secrecy mark `line` prints alone, in capitals (OCR's
/// `HOA TOC` too), as the decree spells it.
fn mark(line: &Line<'_>) -> Option<Mark> {
    const MARKS: &[(&str, Mark)] = &[
        ("khan", Mark::Urgency("KHẨN")),
        ("thuong khan", Mark::Urgency("THƯỢNG KHẨN")),
        ("hoa toc", Mark::Urgency("HỎA TỐC")),
        ("hoa toc hen gio", Mark::Urgency("HỎA TỐC HẸN GIỜ")),
        ("mat", Mark::Secrecy("MẬT")),
        ("toi mat", Mark::Secrecy("TỐI MẬT")),
        ("tuyet mat", Mark::Secrecy("TUYỆT MẬT")),
    ];
    if !mostly_upper(&line.text) {
        return None;
    }
    let words = || {
        line.fold
            .s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    MARKS
        .iter()
        .find(|(f, _)| words().eq(f.split(' ')))
        .map(|&(_, m)| m)
}

/// Does this line certainly belong to a header: the national title (in
/// capitals: running text names the republic too) or motto, or the `Số:`
/// line? (A document type alone is no anchor: `QUY ĐỊNH` also heads an
/// attached regulation.)
fn is_anchor(line: &Line<'_>) -> bool {
    let national = NATIONAL
        .find(&line.fold.s)
        .is_some_and(|m| mostly_upper(&line.text[line.fold.orig(m.start())..]));
    national
        || party_title(line).is_some()
        || MOTTO_ANCHOR.is_match(&line.fold.s)
        || NUMBER_LINE.is_match(&line.fold.s)
        || PARTY_NUMBER_LINE.is_match(&line.fold.s)
}

/// Index of the header's first line: 0 unless lines that cannot be header
/// (an e-signature stamp `Ký bởi: … / Thời gian ký: …`, a note pasted above
/// the document) come before the first anchor among the top `WINDOW` lines.
/// The header then starts at that anchor, or at the upper-case issuer lines
/// (at most `ISSUER_LINES`) right above it. Without an anchor it is 0.
fn header_start(lines: &[Line<'_>]) -> usize {
    let Some(anchor) = lines.iter().take(WINDOW).position(is_anchor) else {
        return 0;
    };
    let mut start = anchor;
    while start > 0
        && anchor - start < ISSUER_LINES
        && !lines[start - 1].is_blank()
        && mostly_upper(&lines[start - 1].text)
    {
        start -= 1;
    }
    // Blank and upper-case lines above are the issuer block, no preamble.
    if lines[..start]
        .iter()
        .all(|l| l.is_blank() || mostly_upper(&l.text))
    {
        0
    } else {
        start
    }
}

/// Parses the header near the top of the document and claims its lines.
pub(crate) fn parse(
    lines: &[Line<'_>],
    claims: &mut Claims,
    diags: &mut Vec<Diagnostic>,
) -> HeaderResult {
    let mut h = Header::default();
    let start = header_start(lines);
    if start > 0 {
        diags.push(Diagnostic {
            code: "header.preamble".into(),
            message: format!("{start} line(s) before the header (stamps, notes) fit no block"),
            line: Some(lines[0].no),
        });
    }
    let win = lines.len().min(start + WINDOW);
    let mut left_cells: Vec<(String, String, usize)> = Vec::new();
    let mut last = None::<usize>;
    let mut type_at = None::<usize>;
    // The start of the title where the type's line holds it: its text, as
    // printed, and the line's number.
    let mut title_head: Option<(&str, String, usize)> = None;
    // Lines the trích yếu `V/v …` ran over so far, while it may go on.
    let mut trich_yeu_lines = None::<usize>;

    for (i, l) in lines.iter().enumerate().take(win).skip(start) {
        // A rule under the issuer or the motto is part of neither, nor is
        // the star a Party body prints under its name (`*`, `***`).
        if l.is_blank() || l.is_rule() || is_star(l) {
            continue;
        }
        // The national title's last words wrapped alone under its first
        // line (`… CHỦ NGHĨA VIỆT` / `NAM`, `… CHỦ NGHĨA` / `VIỆT NAM`, `…
        // XÃ HỘI CHỦ` / `NGHĨA VIỆT NAM`) name no office.
        let country_tail = i > 0 && title_tail(&lines[i - 1], l);
        if country_tail {
            if let Some(t) = h.national_title.as_mut() {
                t.value = NATIONAL_TITLE.to_owned();
                t.raw = format!("{}\n{}", t.raw, l.raw.trim());
            }
            last = Some(i);
            continue;
        }
        if type_at.is_some() {
            break;
        }
        // An urgency or secrecy mark is neither the issuer nor the title.
        if let Some(m) = mark(l) {
            let (slot, value) = match m {
                Mark::Urgency(v) => (&mut h.urgency, v),
                Mark::Secrecy(v) => (&mut h.secrecy, v),
            };
            if slot.is_none() {
                *slot = field(value.to_owned(), l.raw.trim().to_owned(), l.no, 0.9);
            }
            last = Some(i);
            continue;
        }
        if let Some((ty, conf)) = doc_type(l) {
            h.doc_type = field(ty.to_owned(), l.raw.trim().to_owned(), l.no, conf);
            type_at = Some(i);
            last = Some(i);
            continue;
        }
        if let Some((ty, conf, at)) = doc_type_and_title(l) {
            h.doc_type = field(ty.to_owned(), l.raw_span(0, at), l.no, conf);
            title_head = Some((l.text[at..].trim(), l.raw_span(at, l.text.len()), l.no));
            type_at = Some(i);
            last = Some(i);
            continue;
        }
        let mut handled = false;
        let mut left_end = l.text.len();
        if let Some((at, column)) = right_column(l) {
            let right = l.text[at..].trim();
            let raw = l.raw_span(at, l.text.len());
            match column {
                RightColumn::National => {
                    let (value, conf) = fixed_text(right, NATIONAL_TITLE);
                    h.national_title = field(value, raw, l.no, conf);
                }
                RightColumn::Party(fixed) => {
                    let (value, conf) = fixed_text(right, fixed);
                    h.national_title = field(value, raw, l.no, conf);
                }
                RightColumn::Motto => {
                    let (value, conf) = fixed_text(&dash_spacing(right), NATIONAL_MOTTO);
                    h.motto = field(value, raw, l.no, conf);
                }
            }
            left_end = at;
            handled = true;
        }
        let number_line = NUMBER_LINE
            .captures(&l.fold.s)
            .or_else(|| PARTY_NUMBER_LINE.captures(&l.fold.s));
        if let Some(c) = number_line {
            handled = true;
            let sym = c
                .name("sym")
                .map(|m| (l.fold.orig(m.start()), l.fold.orig(m.end())));
            if let Some((a, b)) = sym {
                let value: String = l.text[a..b]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                let mut value = value.replace(['_', '–'], "-");
                if c.name("party").is_some() {
                    // A Party symbol as a cited one's: `BC/ĐU` is `BC-ĐU`.
                    value = value.replacen('/', "-", 1);
                }
                h.symbol = field(value, l.raw_span(a, b), l.no, 0.8);
            }
            if let Some(m) = c.name("year") {
                let (a, b) = (l.fold.orig(m.start()), l.fold.orig(m.end()));
                h.year = field(l.text[a..b].to_owned(), l.raw_span(a, b), l.no, 0.9);
            }
            match c.name("num") {
                Some(m) => {
                    let (a, b) = (l.fold.orig(m.start()), l.fold.orig(m.end()));
                    let v: String = l.text[a..b]
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect();
                    h.number = field(v, l.raw_span(a, b), l.no, 0.9);
                }
                None => diags.push(Diagnostic {
                    code: "header.number.blank".into(),
                    message: "the number field is blank or unreadable".into(),
                    line: Some(l.no),
                }),
            }
            left_end = 0;
        }
        let place_date = PLACE_DATE.captures_iter(&l.fold.s).find_map(|c| {
            // `;`/`.`/`:` or a misprinted `ngày` only where a whole date
            // follows: `. Ngày` also starts sentences.
            let m = c.get(0)?;
            let plain = m.as_str().starts_with(',') && c.name("exact").is_some();
            let rest = &l.fold.s[m.start() + 1..];
            if !m.as_str().starts_with(char::is_whitespace) {
                return (plain || DATE.is_match(rest)).then_some(m);
            }
            // No mark at all: `ngày` spelled whole opening a whole date,
            // after a capitalised word.
            let capitalised = l.text[..l.fold.orig(m.start())]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| w.starts_with(char::is_uppercase));
            let opens_date = DATE
                .find(rest)
                .is_some_and(|d| rest[..d.start()].trim().is_empty());
            (c.name("exact").is_some() && capitalised && opens_date).then_some(m)
        });
        if let Some(m) = place_date {
            handled = true;
            // The place: capitalised words right before the comma.
            let comma = l.fold.orig(m.start());
            let before = &l.text[..comma];
            let mut start = comma;
            let mut words = 0;
            for (idx, w) in before
                .split_whitespace()
                .rev()
                .map(|w| (before.rfind(w), w))
            {
                let Some(idx) = idx else { break };
                let cap = w.chars().next().is_some_and(|c| c.is_uppercase());
                if !cap || words >= 4 || w.contains(['/', '-', ':']) {
                    break;
                }
                start = idx;
                words += 1;
            }
            if words > 0 {
                h.place = field(
                    l.text[start..comma].trim().to_owned(),
                    l.raw_span(start, comma),
                    l.no,
                    0.8,
                );
            }
            let date_from = m.start() + 1;
            if let Some(c) = DATE.captures(&l.fold.s[date_from..]) {
                let num = |g: &str, lo: u32, hi: u32| {
                    // `tháng 12.năm`: OCR's dots and commas around the figure
                    // go; anything else (`f _7`, a handwritten day) is no figure.
                    let specks = |c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':');
                    c.name(g)
                        .map(|m| m.as_str().trim_matches(specks))
                        .and_then(|s| {
                            let v: u32 = s.parse().ok()?;
                            (lo..=hi).contains(&v).then_some(v)
                        })
                };
                let year = num("y", 1900, 2200);
                let month = num("m", 1, 12);
                let day = num("d", 1, 31);
                let value = match (year, month, day) {
                    (Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
                    (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
                    (Some(y), None, _) => Some(format!("{y:04}")),
                    _ => None,
                };
                if let Some(v) = value {
                    let conf = if day.is_some() { 0.9 } else { 0.7 };
                    let full = c.get(0).map(|g| g.range()).unwrap_or(0..0);
                    let (a, b) = (
                        l.fold.orig(date_from + full.start),
                        l.fold.orig(date_from + full.end),
                    );
                    h.date = field(v, l.raw_span(a, b), l.no, conf);
                    if day.is_none() {
                        diags.push(Diagnostic {
                            code: "header.date.partial".into(),
                            message: "the day of the issue date is blank or unreadable".into(),
                            line: Some(l.no),
                        });
                    }
                }
            }
            left_end = left_end.min(start);
        }
        if handled {
            trich_yeu_lines = None;
        } else {
            // The trích yếu's next line (`năm 2025 và …`), before the place
            // and date a column layout may print below it.
            if let (Some(n), Some(title)) = (trich_yeu_lines, h.title.as_mut()) {
                // Or with an acronym, going on in small letters (`BHYT, BHXH
                // quý IV năm 2026`).
                let opens_small =
                    l.text.starts_with(|c: char| c.is_lowercase()) || opens_with_acronym(&l.text);
                // Or with a capital right under it, where the line above
                // ends mid-phrase and this one is as short as the column's
                // (`ban hành` / `Quy định quản lý, …`): a body opens after a
                // blank line or runs the page's width.
                let goes_on_capital = !opens_small
                    && i > 0
                    && !lines[i - 1].is_blank()
                    && !lines[i - 1].text.trim_end().ends_with(['.', ';', ':'])
                    && l.text.trim().chars().count() <= TRICH_YEU_WIDTH
                    && l.text.starts_with(char::is_uppercase)
                    && !mostly_upper(&l.text)
                    // `Kính gửi` however OCR cut it short (`Kinh gu`).
                    && !l.fold.s.trim_start().starts_with("kinh g");
                if n < TRICH_YEU_LINES
                    && (opens_small || goes_on_capital)
                    && !BODY_START.is_match(&l.fold.s)
                {
                    title.value = format!("{} {}", title.value, l.text);
                    title.raw = format!("{}\n{}", title.raw, l.raw.trim());
                    trich_yeu_lines = Some(n + 1);
                    last = Some(i);
                    continue;
                }
            }
            trich_yeu_lines = None;
            // A left-column line alone (issuer), or the trích yếu "V/v".
            if let Some(m) = TRICH_YEU.find(&l.fold.s) {
                // The trích yếu is the title, `V/v` and all (as `Về việc`
                // opens a Tờ trình's), its `V/v` however OCR printed it.
                let subject = l.text[l.fold.orig(m.end())..].trim();
                h.title = field(
                    format!("V/v {subject}").trim_end().to_owned(),
                    l.raw.trim().to_owned(),
                    l.no,
                    0.8,
                );
                // A Công văn prints no type name: its `V/v` line says what
                // it is (NĐ 30/2020, Phụ lục I, mẫu 1.4).
                if h.doc_type.is_none() {
                    let v = &l.text[..l.fold.orig(m.end())];
                    h.doc_type = field(CONG_VAN.to_owned(), v.trim().to_owned(), l.no, 0.7);
                }
                trich_yeu_lines = Some(1);
                last = Some(i);
                continue;
            }
            if BODY_START.is_match(&l.fold.s) || !mostly_upper(&l.text) || h.number.is_some() {
                break;
            }
        }
        let left = trim_cell(&l.text[..left_end]);
        if mostly_upper(left) && h.number.is_none() {
            let start = l.text.find(left).unwrap_or(0);
            left_cells.push((left.to_owned(), l.raw_span(start, start + left.len()), l.no));
        }
        last = Some(i);
    }

    // Trích yếu after the document type.
    if let Some(t) = type_at {
        let mut parts: Vec<&Line<'_>> = Vec::new();
        let mut i = t + 1;
        let mut blanks = 0;
        while i < lines.len() && parts.len() < 4 {
            let l = &lines[i];
            // A rule under the title ends it, as a blank line does.
            if l.is_blank() || l.is_rule() {
                if !parts.is_empty() {
                    break;
                }
                blanks += 1;
                if blanks > 2 {
                    break;
                }
            } else if BODY_START.is_match(&l.fold.s)
                && !(parts.is_empty() && TITLE_VERB.is_match(&l.fold.s))
                // A title's line goes on in small letters (`theo phương
                // châm "4 tại chỗ" …`), a body opens with a capital.
                && (parts.is_empty() || !l.text.trim_start().starts_with(char::is_lowercase))
                || !parts.is_empty() && (l.text.len() > 160 || ends_title(parts[0], l))
            {
                break;
            } else {
                parts.push(l);
                last = Some(i);
            }
            i += 1;
        }
        if !parts.is_empty() || title_head.is_some() {
            let (head, head_raw, head_no) = title_head.unwrap_or_default();
            let value = std::iter::once(head)
                .chain(parts.iter().map(|l| l.text.as_str()))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            let raw = std::iter::once(head_raw.as_str())
                .chain(parts.iter().map(|l| l.raw.trim()))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            let no = if head.is_empty() {
                parts[0].no
            } else {
                head_no
            };
            h.title = field(unquoted_title(&value), raw, no, 0.8);
        }
    }

    let mut cells = left_cells.into_iter().peekable();
    if let Some((v, r, n)) = cells.next() {
        let v = issuer_value(&v);
        // A people's committee or council named alone is a fixed text.
        let body = BODIES
            .iter()
            .find_map(|b| Some(((*b).to_owned(), fixed_text_confidence(&v, b)?)));
        let is_body = body.is_some();
        let (mut v, confidence) = body.unwrap_or((v, 0.8));
        let mut r = r;
        // Its place on the next line is the same body (`ỦY BAN NHÂN DÂN` /
        // `TỈNH QUẢNG NGÃI`): NĐ 30/2020 prints a committee's name over two;
        // so does the Mặt trận (`ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM` / `XÃ
        // ĐÔNG THÀNH`), a body named with no unit of its own.
        if is_body || !names_unit(&v) && v.split_whitespace().count() >= 4 {
            if let Some((pv, pr, _)) = cells.next_if(|(c, _, _)| opens_with_unit(c)) {
                v = format!("{v} {}", issuer_value(&pv));
                r = format!("{r}\n{pr}");
            }
        }
        h.issuer = field(v, r, n, confidence);
    }
    if let Some((mut v, mut r, n)) = cells.next() {
        // A long name runs over two lines (`BAN QUẢN LÝ DỰ ÁN` / `ĐẦU TƯ XÂY
        // DỰNG`): a further line of words alone that names no body of its
        // own goes on it (a misread number line is no words), the rule OCR
        // printed beside it aside (`VÀ DU LỊCH ------2---0220--`).
        let goes_on = |c: &str| {
            let c = issuer_value(c);
            !c.is_empty()
                && !opens_with_body(&c)
                && c.chars()
                    .all(|ch| ch.is_alphabetic() || ch.is_whitespace() || ch == ',')
        };
        if let Some((cv, cr, _)) = cells.next_if(|(c, _, _)| goes_on(c)) {
            v = format!("{v} {cv}");
            r = format!("{r}\n{cr}");
        }
        h.sub_issuer = field(issuer_value(&v), r, n, 0.8);
    }

    let end = last.map_or(start, |i| i + 1);
    if end > start {
        claims.claim(start, end, BlockKind::Header);
    }
    // Header printed again (appendix pages): national title/motto lines and
    // the issuer lines right above them.
    for i in end..lines.len() {
        if claims.is_free(i) && is_national_line(&lines[i]) {
            let id = claims.open(BlockKind::Header);
            let mut a = i;
            while a > end
                && a + 3 > i
                && claims.is_free(a - 1)
                && !lines[a - 1].is_blank()
                && mostly_upper(&lines[a - 1].text)
            {
                a -= 1;
            }
            for j in a..=i {
                claims.give(j, id);
            }
        }
    }
    if let (Some(sym), Some(ty)) = (h.symbol.as_mut(), h.doc_type.as_ref()) {
        if let Some(v) = type_code_spelt(&sym.value, &ty.value) {
            sym.value = v;
        }
    }
    if h.doc_type.is_none() {
        diags.push(Diagnostic {
            code: "header.doc_type.missing".into(),
            message: "no document type (BÁO CÁO, KẾ HOẠCH …) found in the header".into(),
            line: None,
        });
    }
    HeaderResult { header: h, end }
}

#[cfg(test)]
mod tests {
    use super::{issuer_value, type_code_spelt};
    use crate::layout::analyze;
    use crate::output::BlockKind;

    fn layout(text: &str) -> crate::layout::Layout {
        let raw: Vec<&str> = text.lines().collect();
        let repaired: Vec<String> = raw.iter().map(|s| s.to_string()).collect();
        analyze(&raw, &repaired)
    }

    fn value(f: &Option<crate::output::Field>) -> Option<&str> {
        f.as_ref().map(|f| f.value.as_str())
    }

    #[test]
    fn the_national_titles_wrapped_words_and_a_fronts_committee() {
        let l = layout(
            "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM CỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM\n\
             XÃ ĐÔNG THÀNH Độc lập - Tự do - Hạnh phúc\nBAN THƯỜNG TRỰC\n\
             Số: 86/BC-MTTQ-BTT Đông Thành, ngày 20 tháng 12 năm 2026\nBÁO CÁO\nKết quả năm 2026",
        );
        assert_eq!(
            value(&l.header.issuer),
            Some("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ ĐÔNG THÀNH")
        );
        assert_eq!(value(&l.header.sub_issuer), Some("BAN THƯỜNG TRỰC"));
        assert_eq!(value(&l.header.national_title), Some(super::NATIONAL_TITLE));
        let l = layout(
            "BẢO HIỂM XÃ HỘI TỈNH BẮC NINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\n\
             BẢO HIỂM XÃ HỘI HUYỆN YÊN PHONG Độc lập - Tự do - Hạnh phúc\nSố: 529/BHXH-QLT",
        );
        assert_eq!(
            value(&l.header.issuer),
            Some("BẢO HIỂM XÃ HỘI TỈNH BẮC NINH")
        );
        assert_eq!(
            value(&l.header.sub_issuer),
            Some("BẢO HIỂM XÃ HỘI HUYỆN YÊN PHONG")
        );
    }

    #[test]
    fn a_party_documents_title_number_and_star() {
        // Hướng dẫn 36-HD/VPTW: the Party's title where the national title
        // stands, no motto, a star under the issuer, `Số 45-BC/ĐU` with
        // no colon.
        let l = layout(
            "   ĐẢNG BỘ HUYỆN ĐỨC HÒA          ĐẢNG CỘNG SẢN VIỆT NAM\n     ĐẢNG ỦY XÃ HÒA KHÁNH\n\
             \x20         *\n     Số 45-BC/ĐU             Hòa Khánh, ngày 15 tháng 12 năm 2026\n\n\
             \x20                   BÁO CÁO\n      Kết quả lãnh đạo năm 2026\n\n\
             I. KẾT QUẢ\nĐảng Cộng sản Việt Nam lãnh đạo toàn diện.",
        );
        assert_eq!(value(&l.header.issuer), Some("ĐẢNG BỘ HUYỆN ĐỨC HÒA"));
        assert_eq!(value(&l.header.sub_issuer), Some("ĐẢNG ỦY XÃ HÒA KHÁNH"));
        assert_eq!(
            value(&l.header.national_title),
            Some("ĐẢNG CỘNG SẢN VIỆT NAM")
        );
        assert_eq!(value(&l.header.motto), None);
        assert_eq!(value(&l.header.number), Some("45"));
        assert_eq!(value(&l.header.symbol), Some("BC-ĐU"));
        assert_eq!(value(&l.header.date), Some("2026-12-15"));
        assert_eq!(value(&l.header.doc_type), Some("BÁO CÁO"));
        assert_eq!(value(&l.header.title), Some("Kết quả lãnh đạo năm 2026"));
        // The Party named in running text is no header printed again.
        assert_ne!(l.blocks.last().map(|b| b.kind), Some(BlockKind::Header));
        // The Youth Union's title, its number with a colon, an OCR'd title.
        let l = layout(
            "HUYỆN ĐOÀN TÂN PHÚ        ĐOÀN TNCS HỒ CHÍ MINH\n     ***\n\
             Số: 25-KH/HĐTN       Tân Phú, ngày 02 tháng 5 năm 2027\nKẾ HOẠCH\nChiến dịch tình nguyện hè",
        );
        assert_eq!(value(&l.header.issuer), Some("HUYỆN ĐOÀN TÂN PHÚ"));
        assert_eq!(
            value(&l.header.national_title),
            Some("ĐOÀN TNCS HỒ CHÍ MINH")
        );
        assert_eq!(value(&l.header.number), Some("25"));
        assert_eq!(value(&l.header.symbol), Some("KH-HĐTN"));
        let l =
            layout("ĐẢNG BỘ TỈNH A        DANG CONG SAN VIET NAM\nTỈNH ỦY\nSố 2-TB/TU\nTHÔNG BÁO");
        assert_eq!(
            value(&l.header.national_title),
            Some("ĐẢNG CỘNG SẢN VIỆT NAM")
        );
        assert_eq!(value(&l.header.issuer), Some("ĐẢNG BỘ TỈNH A"));
    }

    #[test]
    fn a_title_ends_where_capitals_quantities_or_an_article_begin() {
        let l = layout(
            "HỘI ĐỒNG NHÂN DÂN\nTỈNH AN GIANG\nSố: 3/2026/NQ-HĐND\nNGHỊ QUYẾT\nQuy định mức hỗ trợ\n\
             cho hộ nghèo trên địa bàn tỉnh\nHỘI ĐỒNG NHÂN DÂN TỈNH AN GIANG\nKHÓA X, KỲ HỌP THỨ HAI",
        );
        assert_eq!(
            value(&l.header.title),
            Some("Quy định mức hỗ trợ cho hộ nghèo trên địa bàn tỉnh")
        );
        let l = layout(
            "UBND TỈNH A\nSố: 5/CT-UBND\nCHỈ THỊ\nVề phòng cháy rừng\nmùa khô năm 2026 - 2027\n\
             Tỉnh có 12.500 ha rừng, tỷ lệ che phủ 60,5%, nhiều rừng thông",
        );
        assert_eq!(
            value(&l.header.title),
            Some("Về phòng cháy rừng mùa khô năm 2026 - 2027")
        );
        let l = layout("CHÍNH PHỦ\nSố: 1/2026/NĐ-CP\nNGHỊ ĐỊNH\nQuy định chức năng của Văn phòng\nĐiều 1. Vị trí");
        assert_eq!(
            value(&l.header.title),
            Some("Quy định chức năng của Văn phòng")
        );
        // A title in capitals goes on in capitals.
        let l = layout(
            "UBND TỈNH A\nSố: 5/KH-UBND\nKẾ HOẠCH\nPHÒNG CHỐNG THIÊN TAI\nNĂM 2026\n\nI. MỤC ĐÍCH",
        );
        assert_eq!(
            value(&l.header.title),
            Some("PHÒNG CHỐNG THIÊN TAI NĂM 2026")
        );
        // A road's code on a line of its own is no block in capitals.
        let l = layout(
            "UBND TỈNH A\nSố: 5/QĐ-STC\nQUYẾT ĐỊNH\nVề việc phê duyệt quyết toán: nâng cấp đường tỉnh\n\
             ĐT.624B,\nđoạn từ Km5+200 đến Km9+850\n\nGIÁM ĐỐC SỞ TÀI CHÍNH",
        );
        assert_eq!(
            value(&l.header.title),
            Some("Về việc phê duyệt quyết toán: nâng cấp đường tỉnh ĐT.624B, đoạn từ Km5+200 đến Km9+850")
        );
    }

    #[test]
    fn a_trich_yeu_going_on_with_a_capital() {
        let head = "UBND TỈNH A CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                    SỞ XÂY DỰNG Độc lập - Tự do - Hạnh phúc\n\n\
                    Số: 864/SXD-KCHT A, ngày 05 tháng 3 năm 2027\n\
                    V/v góp ý dự thảo Quyết định ban hành\n";
        let l = layout(&format!(
            "{head}Quy định quản lý, vận hành khai thác\nvà bảo trì đường giao thông nông thôn\n\
             trên địa bàn tỉnh A\n\nKính gửi: Các sở."
        ));
        assert_eq!(
            value(&l.header.title),
            Some(
                "V/v góp ý dự thảo Quyết định ban hành Quy định quản lý, vận hành khai thác \
                 và bảo trì đường giao thông nông thôn trên địa bàn tỉnh A"
            )
        );
        // Not `Kính gửi` cut short, nor a line as wide as the page's.
        let l = layout(&format!("{head}Kinh gu\n- Các sở;"));
        assert_eq!(
            value(&l.header.title),
            Some("V/v góp ý dự thảo Quyết định ban hành")
        );
        let l = layout(&format!(
            "{head}Ủy ban nhân dân tỉnh nhận được văn bản của Bộ Xây dựng về việc lấy ý kiến góp ý"
        ));
        assert_eq!(
            value(&l.header.title),
            Some("V/v góp ý dự thảo Quyết định ban hành")
        );
    }

    #[test]
    fn rules_under_the_motto_and_the_title_are_passed_over() {
        let l = layout(
            "ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
             XÃ TÂN AN              Độc lập - Tự do - Hạnh phúc\n\
             \x20  _______             ____________________\n\
             \n\
             Số: 21/BC-UBND         Tân An, ngày 05 tháng 10 năm 2026\n\
             \n\
             BÁO CÁO\n\
             Kết quả thu ngân sách 9 tháng\n\
             \x20        ___________\n\
             Thực hiện Công văn số 18/CV-UBND ngày 02/9/2026, xã báo cáo.",
        );
        let h = &l.header;
        assert_eq!(value(&h.number), Some("21"));
        assert_eq!(value(&h.symbol), Some("BC-UBND"));
        assert_eq!(value(&h.place), Some("Tân An"));
        assert_eq!(value(&h.date), Some("2026-10-05"));
        assert_eq!(value(&h.doc_type), Some("BÁO CÁO"));
        assert_eq!(value(&h.title), Some("Kết quả thu ngân sách 9 tháng"));
    }

    #[test]
    fn header_after_a_signature_stamp() {
        let l = layout(
            "Ký bởi: SỞ NỘI VỤ\n\
             Cơ quan: Tỉnh Bình Định\n\
             Thời gian ký: 02/03/2025 09:10:11 +07:00\n\
             SỞ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
             Độc lập - Tự do - Hạnh phúc\n\
             Số: 12/QĐ-SNV Bình Định, ngày 01 tháng 3 năm 2025\n\
             QUYẾT ĐỊNH\n\
             Về việc ban hành quy chế làm việc\n\
             Căn cứ Luật Tổ chức chính quyền địa phương;",
        );
        let h = &l.header;
        assert_eq!(value(&h.issuer), Some("SỞ NỘI VỤ"));
        assert_eq!(value(&h.number), Some("12"));
        assert_eq!(value(&h.symbol), Some("QĐ-SNV"));
        assert_eq!(value(&h.date), Some("2025-03-01"));
        assert_eq!(value(&h.doc_type), Some("QUYẾT ĐỊNH"));
        // The stamp is kept as its own block, not read as the issuer.
        for b in &l.blocks {
            let want = if b.line_start <= 3 {
                BlockKind::Unparsed
            } else if b.line_start <= 8 {
                BlockKind::Header
            } else {
                continue;
            };
            assert_eq!(b.kind, want, "{b:?}");
        }
        assert!(l.blocks.iter().any(|b| b.line_start == 4));
    }

    #[test]
    fn issuer_lines_above_the_motto_stay_in_the_header() {
        let l = layout(
            "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSỞ TƯ PHÁP\n\
             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
             Số: 5/BC-STP\nBÁO CÁO\nKết quả công tác tháng 5",
        );
        assert_eq!(
            value(&l.header.issuer),
            Some("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")
        );
        assert_eq!(value(&l.header.sub_issuer), Some("SỞ TƯ PHÁP"));
        assert_eq!(l.blocks[0].kind, BlockKind::Header);
        assert_eq!(l.blocks[0].line_start, 1);
    }

    #[test]
    fn issuer_in_capitals_and_motto_spacing() {
        let l = layout("Ủy BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do- Hạnh phúc\nSố: 5/BC-UBND");
        assert_eq!(
            value(&l.header.issuer),
            Some("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")
        );
        assert_eq!(
            l.header.issuer.as_ref().map(|f| f.raw.as_str()),
            Some("Ủy BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI")
        );
        assert_eq!(value(&l.header.motto), Some("Độc lập - Tự do - Hạnh phúc"));
        assert_eq!(issuer_value("UBND. HUYỆN SƠN TỊNH"), "UBND HUYỆN SƠN TỊNH");
        assert_eq!(issuer_value("UBND TP. Hồ Chí Minh"), "UBND TP. HỒ CHÍ MINH");
        assert_eq!(
            issuer_value("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"),
            "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"
        );
    }

    #[test]
    fn place_and_date_after_ocr_punctuation() {
        let l =
            layout("PHÒNG TƯ PHÁP\nSố: 36/BC-PTP\nNghĩa Hành; ngày 12 tháng 12.năm 2023\nBÁO CÁO");
        assert_eq!(value(&l.header.place), Some("Nghĩa Hành"));
        assert_eq!(value(&l.header.date), Some("2023-12-12"));
        assert_eq!(value(&l.header.doc_type), Some("BÁO CÁO"));
        // A colon for the comma; the month OCR garbled leaves the year.
        let l =
            layout("XÃ PHƯỚC THỦY\nSố: 09/KH-UBND\nPhude This: ngày 16 tháng OF năm 2026\nKEHOACH");
        assert_eq!(value(&l.header.date), Some("2026"));
        assert_eq!(value(&l.header.doc_type), Some("KẾ HOẠCH"));
        // A mark OCR read for a letter of the type's name.
        let l = layout("PHÒNG GIÁO DỤC\nSố: 215/KH-PGDĐT\nKf& HOẠCH\nThực hiện nhiệm vụ năm học");
        assert_eq!(value(&l.header.doc_type), Some("KẾ HOẠCH"));
        // `ngày` with a letter OCR inserted, before a whole date.
        let l =
            layout("SỞ XÂY DỰNG\nSố: 11/QĐ-SXD\nHà Tĩnh, nigay 09 tháng 7 năm 2025\nQUYẾT ĐỊNH");
        assert_eq!(value(&l.header.place), Some("Hà Tĩnh"));
        assert_eq!(value(&l.header.date), Some("2025-07-09"));
        // A `nay` that opens no date is no place-and-date line.
        let l = layout("SỞ XÂY DỰNG\nSố: 11/QĐ-SXD\nTheo đó, nay giao Sở Tài chính\nQUYẾT ĐỊNH");
        assert_eq!(value(&l.header.place), None);
        // The comma lost: a whole date after a capitalised word.
        let l = layout("PHƯỜNG TÂN AN\nSố: 318/BC-UBND\nTân An ngày 18 tháng 12 năm 2025\nBÁO CÁO");
        assert_eq!(value(&l.header.place), Some("Tân An"));
        assert_eq!(value(&l.header.date), Some("2025-12-18"));
        assert_eq!(value(&l.header.doc_type), Some("BÁO CÁO"));
        // A place word that folds like a misprinted `ngày` is no lost comma.
        let l =
            layout("PHÒNG TƯ PHÁP\nSố: 36/BC-PTP\nQuảng Ngãi, ngày 7 tháng 11 năm 2024\nBÁO CÁO");
        assert_eq!(value(&l.header.place), Some("Quảng Ngãi"));
        // Not after a lower-case word: a sentence's date.
        let l = layout("SỞ XÂY DỰNG\nSố: 11/QĐ-SXD\nđã ký ngày 18 tháng 12 năm 2025\nQUYẾT ĐỊNH");
        assert_eq!(value(&l.header.place), None);
        assert_eq!(value(&l.header.date), None);
    }

    #[test]
    fn a_garbled_committee_issuer_reads_as_its_fixed_text() {
        let l = layout(
            "CỰ BAN NHÂN DÂN\nXÃ PHƯỚC THỦY\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        );
        assert_eq!(
            value(&l.header.issuer),
            Some("ỦY BAN NHÂN DÂN XÃ PHƯỚC THỦY")
        );
        assert_eq!(value(&l.header.sub_issuer), None);
        let l = layout("UBND TỈNH BẮC LÂM\nSỞ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assert_eq!(
            value(&l.header.issuer),
            Some("UBND TỈNH BẮC LÂM"),
            "not a body alone"
        );
        // A body printed exactly is as sure as a garbled one read as it.
        let l = layout("HỘI ĐỒNG NHÂN DÂN\nXÃ HÒA THỦY\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assert_eq!(
            value(&l.header.issuer),
            Some("HỘI ĐỒNG NHÂN DÂN XÃ HÒA THỦY")
        );
        assert_eq!(l.header.issuer.map(|f| f.confidence), Some(0.9));
    }

    #[test]
    fn garbled_national_title_and_motto_read_as_their_fixed_texts() {
        let l = layout(
            "UBND TỈNH BÌNH ĐỊNH\ncd ; HÒA XÃ HOL CHỦ NGHĨA VIỆT NAM\nĐộc lập -. Tự do - Hạnh phúc\nSố: 4/BC-UBND",
        );
        assert_eq!(value(&l.header.national_title), Some(super::NATIONAL_TITLE));
        assert_eq!(value(&l.header.motto), Some(super::NATIONAL_MOTTO));
        assert!(l
            .header
            .national_title
            .as_ref()
            .is_some_and(|f| f.confidence < 0.9));
        // Too far from the fixed text to be it: kept as printed.
        let l = layout("SỞ Y TẾ\nĐộc lập dân tộc và hòa bình\nSố: 4/BC-SYT");
        assert_ne!(value(&l.header.motto), Some(super::NATIONAL_MOTTO));
        // A body line about school grades is no motto printed again.
        let l = layout(
            "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nĐộc lập - Tự do - Hạnh phúc\nSố: 4/SGDĐT\n\
             V/v tuyển sinh\n1. Tuyển sinh\ntrẻ khó khăn có thể vào học lớp 1 ở độ tuổi cao hơn",
        );
        assert!(l
            .blocks
            .iter()
            .all(|b| b.kind != BlockKind::Header || b.line_end <= 4));
    }

    #[test]
    fn title_without_a_speck_quote_and_issuer_without_a_glued_dot() {
        let l = layout("UBND HUYỆN A\nVĂN PHÒNG HĐND.VÀ UBND\nSố: 15/TB-VP\nTHÔNG BÁO\n“Kết luận của Chủ tịch\n\nNgày 07/4/2025, Chủ tịch họp.");
        assert_eq!(value(&l.header.title), Some("Kết luận của Chủ tịch"));
        assert_eq!(value(&l.header.sub_issuer), Some("VĂN PHÒNG HĐND VÀ UBND"));
        assert_eq!(
            super::unquoted_title("“Một cửa” và hiện đại"),
            "“Một cửa” và hiện đại"
        );
    }

    #[test]
    fn the_country_wrapped_alone_is_no_office() {
        let l = layout(
            "CỤC THỐNG KÊ TỈNH BẮC GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nNAM\nCHI CỤC THỐNG KÊ HUYỆN LỤC NAM Độc lập - Tự do - Hạnh phúc\nSố: 342/BC-CCTK Lục Nam, ngày 27 tháng 9 năm 2026\nBÁO CÁO",
        );
        assert_eq!(value(&l.header.issuer), Some("CỤC THỐNG KÊ TỈNH BẮC GIANG"));
        assert_eq!(
            value(&l.header.sub_issuer),
            Some("CHI CỤC THỐNG KÊ HUYỆN LỤC NAM")
        );
    }

    #[test]
    fn a_rule_garbled_beside_the_issuer_is_no_part_of_it() {
        assert_eq!(
            issuer_value("THƯỜNG TRỰC -------2--02-22-22-2"),
            "THƯỜNG TRỰC"
        );
        assert_eq!(issuer_value("THƯỜNG TRỰC --n2-n---nereee"), "THƯỜNG TRỰC");
        assert_eq!(
            issuer_value("PHÒNG TÀI CHÍNH - KẾ HOẠCH"),
            "PHÒNG TÀI CHÍNH - KẾ HOẠCH"
        );
    }

    #[test]
    fn a_sub_issuer_over_two_lines_is_one() {
        let l = layout(
            "UBND HUYỆN KIÊN LẠC\nBAN QUẢN LÝ DỰ ÁN\nĐẦU TƯ XÂY DỰNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
             Độc lập - Tự do - Hạnh phúc\nSố: 58/BC-BQLDA\nKiên Lạc, ngày 8 tháng 7 năm 2025\n\nBÁO CÁO\nTình hình",
        );
        assert_eq!(value(&l.header.issuer), Some("UBND HUYỆN KIÊN LẠC"));
        assert_eq!(
            value(&l.header.sub_issuer),
            Some("BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG")
        );
    }

    #[test]
    fn a_sub_issuer_wrapped_beside_a_garbled_rule_is_one() {
        let l = layout(
            "UBND TỈNH THANH HÓA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
             SỞ VĂN HÓA, THỂ THAO Độc lập - Tự do - Hạnh phúc\nVÀ DU LỊCH -----------2---0220--\n\n\
             Số: 33/SVHTTDL-QLDSVH Thanh Hóa, ngày 08 tháng 01 năm 2027\nV/v tăng cường quản lý",
        );
        assert_eq!(
            value(&l.header.sub_issuer),
            Some("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH")
        );
        // A misread number line under it is still no part of it.
        let l = layout(
            "UBND TỈNH THANH HÓA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
             SỞ Y TẾ Độc lập - Tự do - Hạnh phúc\nS6 33/SYT-NV --------\n\n\
             Thanh Hóa, ngày 08 tháng 01 năm 2027\nV/v tăng cường quản lý",
        );
        assert_eq!(value(&l.header.sub_issuer), Some("SỞ Y TẾ"));
    }

    #[test]
    fn trich_yeu_after_misread_v_slash_v() {
        for v in ["V/v", "V/y", "V/V", "Vlv", "Viv"] {
            let l = layout(&format!(
                "UBND HUYỆN A\nSố: 15/UBND-VP\n{v} tăng cường quản lý đất đai\nKính gửi: Các xã."
            ));
            assert_eq!(
                value(&l.header.title),
                Some("V/v tăng cường quản lý đất đai"),
                "{v}"
            );
            assert_eq!(value(&l.header.doc_type), Some("CÔNG VĂN"), "{v}");
            assert_eq!(l.header.doc_type.as_ref().map(|f| f.raw.as_str()), Some(v));
        }
    }

    #[test]
    fn trich_yeu_over_lines_then_place_and_date() {
        let l = layout(
            "UBND TỈNH A\nVĂN PHÒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
             Số: 2164/VP-TH\nV/v chuẩn bị nội dung Hội nghị tổng kết\nnăm 2025 và nhiệm vụ năm 2026\n\
             Kim Ngạn, ngày 24 tháng 11 năm 2025\n\nKính gửi:\n- UBND các huyện;\nnăm nay các đơn vị",
        );
        assert_eq!(
            value(&l.header.title),
            Some("V/v chuẩn bị nội dung Hội nghị tổng kết năm 2025 và nhiệm vụ năm 2026")
        );
        assert_eq!(value(&l.header.place), Some("Kim Ngạn"));
        assert_eq!(value(&l.header.date), Some("2025-11-24"));
    }

    #[test]
    fn trich_yeu_going_on_with_an_acronym_and_a_quick_report() {
        let l = layout(
            "BẢO HIỂM XÃ HỘI VIỆT NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
             BẢO HIỂM XÃ HỘI TỈNH A Độc lập - Tự do - Hạnh phúc

             Số: 2187/BHXH-QLT A, ngày 14 tháng 10 năm 2026
             V/v đôn đốc phát triển người tham gia
BHYT, BHXH quý IV năm 2026

             Kính gửi: Ủy ban nhân dân các xã.",
        );
        assert_eq!(
            value(&l.header.title),
            Some("V/v đôn đốc phát triển người tham gia BHYT, BHXH quý IV năm 2026")
        );
        assert!(!super::opens_with_acronym("UBND TỈNH A"));
        let l = layout(
            "UBND TỈNH A CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
BAN CHỈ HUY Độc lập - Tự do - Hạnh phúc

             Số: 218/BC-BCH A, ngày 27 tháng 9 năm 2026

BÁO CÁO NHANH
             Tình hình thiệt hại do bão số 6

Kính gửi: Ban Chỉ đạo.",
        );
        assert_eq!(value(&l.header.doc_type), Some("BÁO CÁO NHANH"));
        assert_eq!(
            value(&l.header.title),
            Some("Tình hình thiệt hại do bão số 6")
        );
    }

    #[test]
    fn a_title_begun_on_the_type_line() {
        let l = layout(
            "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NGHỆ AN Độc lập - Tự do - Hạnh phúc

Số: 286/CTr-UBND Nghệ An, ngày 28 tháng 12 năm 2026

CHƯƠNG TRÌNH CÔNG TÁC QUÝ I NĂM 2027
của Ủy ban nhân dân tỉnh Nghệ An

Căn cứ Luật Tổ chức chính quyền địa phương;",
        );
        assert_eq!(value(&l.header.doc_type), Some("CHƯƠNG TRÌNH CÔNG TÁC"));
        assert_eq!(
            value(&l.header.title),
            Some("QUÝ I NĂM 2027 của Ủy ban nhân dân tỉnh Nghệ An")
        );
        // Words other than a period after a type's are no title of it.
        let l = layout(
            "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NGHỆ AN Độc lập - Tự do - Hạnh phúc

Số: 286/CTr-UBND Nghệ An, ngày 28 tháng 12 năm 2026

BÁO CÁO TÌNH HÌNH KINH TẾ",
        );
        assert_eq!(value(&l.header.doc_type), None);
    }

    #[test]
    fn a_title_opening_with_trien_khai() {
        let l = layout(
            "SỞ Y TẾ\nSố: 1462/KH-SYT\nKẾ HOẠCH\nTriển khai chiến dịch tiêm bổ sung vắc xin\n\
             cho trẻ em năm 2026\nThực hiện Quyết định số 1835/QĐ-BYT, Sở Y tế xây dựng Kế hoạch:",
        );
        assert_eq!(
            value(&l.header.title),
            Some("Triển khai chiến dịch tiêm bổ sung vắc xin cho trẻ em năm 2026")
        );
        let l = layout(
            "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 1126/KH-SGDĐT\nKẾ HOẠCH\nThực hiện công tác y tế trường học\n\
             năm học 2026-2027\n\nCăn cứ Thông tư liên tịch số 13/2016/TTLT-BYT-BGDĐT;",
        );
        assert_eq!(
            value(&l.header.title),
            Some("Thực hiện công tác y tế trường học năm học 2026-2027")
        );
    }

    #[test]
    fn a_committee_over_two_lines_is_one_issuer() {
        let l = layout(
            "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG NGÃI Độc lập - Tự do - Hạnh phúc\n\
             VĂN PHÒNG\nSố: 15/TB-VP Quảng Ngãi, ngày 2 tháng 3 năm 2025\n\nTHÔNG BÁO\nKết luận",
        );
        assert_eq!(
            value(&l.header.issuer),
            Some("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")
        );
        assert_eq!(value(&l.header.sub_issuer), Some("VĂN PHÒNG"));
        // A committee's own unit on the next line only.
        let l = layout("UBND TỈNH A\nSỞ Y TẾ\nSố: 15/SYT-VP\n\nTHÔNG BÁO\nKết luận");
        assert_eq!(value(&l.header.issuer), Some("UBND TỈNH A"));
        assert_eq!(value(&l.header.sub_issuer), Some("SỞ Y TẾ"));
    }

    #[test]
    fn heavy_scan_header_misreads() {
        let l = layout("SỞ NỘI VỤ\nĐộc lập: Tự do - Hạnh phúc\n56: 305/QĐ-SNV\nBÁO CÁO");
        // The motto is a fixed text: its value is that text, `raw` what OCR read.
        assert_eq!(value(&l.header.motto), Some("Độc lập - Tự do - Hạnh phúc"));
        assert_eq!(
            l.header.motto.as_ref().map(|f| f.raw.as_str()),
            Some("Độc lập: Tự do - Hạnh phúc")
        );
        assert_eq!(value(&l.header.number), Some("305"));
        let l = layout("XÃ PHƯỚC THỦY\nSé: OO/KH-UBND\nKẾ HOẠCH");
        assert_eq!(value(&l.header.number), None);
        assert_eq!(value(&l.header.symbol), Some("KH-UBND"));
        let l = layout("PHÒNG NỘI VỤ\nSố: 12) KH-PNV\nKẾ HOẠCH");
        assert_eq!(value(&l.header.number), Some("12"));
        assert_eq!(value(&l.header.symbol), Some("KH-PNV"));
        // Specks before the label, a doubled colon, `§` for `S`.
        let l = layout("SỞ CÔNG THƯƠNG\n» Số: 1874/BC-SCT Hà Tĩnh, ngày 10 tháng 10 năm 2025");
        assert_eq!(value(&l.header.number), Some("1874"));
        let l = layout("THỊ XÃ NINH HÒA\n §6::318/TB-UBND Ninh Hòa, ngày 14 tháng 11 năm 2024");
        assert_eq!(value(&l.header.number), Some("318"));
        assert_eq!(value(&l.header.symbol), Some("TB-UBND"));
    }

    #[test]
    fn a_notice_of_conclusions_names_its_type_in_full() {
        let l = layout("UBND THÀNH PHỐ A\nSố: 427/TB-UBND\n\nTHÔNG BÁO KẾT LUẬN\ncủa Chủ tịch UBND thành phố tại cuộc họp\n\nNgày 09/4/2027, tại trụ sở.");
        assert_eq!(value(&l.header.doc_type), Some("THÔNG BÁO KẾT LUẬN"));
        assert_eq!(
            value(&l.header.title),
            Some("của Chủ tịch UBND thành phố tại cuộc họp")
        );
        assert_eq!(value(&l.header.symbol), Some("TB-UBND"));
    }

    #[test]
    fn urgency_and_secrecy_marks_between_number_and_type() {
        let l = layout(
            "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ TĨNH Độc lập - Tự do - Hạnh phúc\n\
             Số: 09/CĐ-UBND Hà Tĩnh, ngày 24 tháng 8 năm 2026\nHOA TOC\nMẬT\n\nCÔNG ĐIỆN\n\
             Về việc ứng phó với bão số 5\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:",
        );
        assert_eq!(value(&l.header.urgency), Some("HỎA TỐC"));
        assert_eq!(value(&l.header.secrecy), Some("MẬT"));
        assert_eq!(value(&l.header.doc_type), Some("CÔNG ĐIỆN"));
        assert_eq!(value(&l.header.title), Some("Về việc ứng phó với bão số 5"));
        // A word in small letters is no mark.
        let l = layout("UBND XÃ A\nSố: 12/BC-UBND\nKhẩn\n\nBÁO CÁO\nKết quả công tác\n");
        assert_eq!(l.header.urgency, None);
    }

    #[test]
    fn a_title_line_in_small_letters_goes_on_past_a_body_word() {
        let l = layout(
            "UBND XÃ A\nSố: 27/PA-UBND\nPHƯƠNG ÁN\nPhòng, chống thiên tai năm 2027\ntheo phương châm \"4 tại chỗ\"\nTheo đề nghị của Ban Chỉ huy.",
        );
        assert_eq!(
            value(&l.header.title),
            Some("Phòng, chống thiên tai năm 2027 theo phương châm \"4 tại chỗ\"")
        );
    }

    #[test]
    fn a_symbol_code_takes_the_bar_of_its_own_type() {
        let l = layout("UBND HUYỆN A\nSố: 09/DA-UBND\nĐỀ ÁN\nPhát triển sản phẩm OCOP");
        assert_eq!(value(&l.header.symbol), Some("ĐA-UBND"));
        let l = layout("UBND HUYỆN A\nSố: 09/DA-UBND\nDỰ ÁN\nĐầu tư đường");
        assert_eq!(value(&l.header.symbol), Some("DA-UBND"));
        let l = layout("UBND HUYỆN A\nSố: 09/HD-UBND\nHƯỚNG DẪN\nThực hiện");
        assert_eq!(value(&l.header.symbol), Some("HD-UBND"));
        assert_eq!(
            type_code_spelt("CD-UBND", "CÔNG ĐIỆN").as_deref(),
            Some("CĐ-UBND")
        );
        assert_eq!(type_code_spelt("KH-UBND", "BÁO CÁO"), None);
    }

    #[test]
    fn normative_symbol_keeps_its_year_apart() {
        let l =
            layout("BỘ TÀI CHÍNH\nSố: 89/2026/TT-BTC Hà Nội, ngày 30 tháng 6 năm 2026\nTHÔNG TƯ");
        let h = &l.header;
        assert_eq!(value(&h.number), Some("89"));
        assert_eq!(value(&h.year), Some("2026"));
        assert_eq!(value(&h.symbol), Some("TT-BTC"));
        let l = layout("VĂN PHÒNG\nSố: 1034 /BC-VP Quảng Ngãi, ngày 5 tháng 6 năm 2023\nBÁO CÁO");
        assert_eq!(value(&l.header.symbol), Some("BC-VP"));
        assert_eq!(value(&l.header.year), None);
        // Thousands parted by a dot, as some offices print them.
        let l = layout(
            "HUYỆN THẠCH HÀ\nSố: 3.187/QĐ-UBND Thạch Hà, ngày 25 tháng 11 năm 2026\nQUYẾT ĐỊNH",
        );
        assert_eq!(value(&l.header.number), Some("3.187"));
        assert_eq!(value(&l.header.symbol), Some("QĐ-UBND"));
    }
}
