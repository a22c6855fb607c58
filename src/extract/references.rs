//! Citations of other documents, in the four number/symbol grammars of
//! Nghị định 30/2020/NĐ-CP and Luật 64/2025/QH15 (format-notes §A.5):
//!
//! ```text
//! admin      07/KH-UBND        SO "/" TYPE "-" ISSUER ("-" UNIT)?
//! công văn   775/UBND-TTHC     SO "/" ISSUER "-" UNIT
//! normative  69/2024/NĐ-CP     SO "/" YYYY "/" TYPE "-" ISSUER
//! party      04-NQ/TU          SO "-" TYPE "/" ISSUER
//! ```
//!
//! Spacing is loose in practice (`1034 /BC-VP`, `72/KH- UBND`, `NQ_HĐND`) and a
//! symbol may break after a hyphen at the end of a line (`223/KH-` / `VP`).
//! Symbols are matched on the printed text (their case is significant:
//! `CTr`, `TTg`); the type word before them, the date and the issuer after
//! them are matched on the folded text.

use super::dates;
use super::doc::{squash, DocText, Span};
use super::records::{DateRecord, Reference};
use regex::Regex;
use std::sync::LazyLock;

/// One code of a symbol: `KH`, `UBND`, `TTg`, `CTr`, `QyĐ`, `QH15`, `HĐND&UBND`.
const CODE: &str = r"[A-ZĐ][A-ZĐ&]*(?:[a-z][A-ZĐ]*)?[0-9]*";
/// A code as above, or an OCR-damaged type code that starts with a zero
/// (`0P`, `0D` for `QĐ`); the latter only counts when the stated type
/// word vouches for it (see [`repair_hit_type_code`]).
const LOOSE_CODE: &str = r"(?:0[A-Za-zĐđ]+|[A-ZĐ][A-ZĐ&]*(?:[a-z][A-ZĐ]*)?[0-9]*)";
/// Separator between codes: a hyphen or underscore, loosely spaced, possibly
/// followed by a line break.
const SEP: &str = r"[ \t]*[-_][ \t]*(?:\n[ \t]*)?";
/// A document's number: up to five digits, or thousands parted by dots as
/// some offices print them (`1.846/UBND-KT`).
const NUMBER: &str = r"\d{1,3}(?:\.\d{3})+|\d{1,5}";
/// The slash between number and symbol, loosely spaced; OCR may add a
/// bracket or bar after it (`6445/[UBND-TTHC`), and heavy scans print it
/// `°` (`45°QĐ-UBND`, `21°2025/NQ-HĐND`).
const SLASH: &str = r"[ \t]*[/°][\[|]?[ \t]*(?:\n[ \t]*)?";

static NORMATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({NUMBER}){SLASH}((?:19|20)\d{{2}}|(?:1 9|2 0)\d{{2}}|(?:19|20)(?: \d|\d )\d)(?:{SLASH})?({LOOSE_CODE}(?:{SEP}{CODE})*)"
    ))
    .expect("valid regex")
});
static PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({NUMBER})[ \t]*-[ \t]*({CODE}){SLASH}({CODE}(?:{SEP}{CODE})*)"
    ))
    .expect("valid regex")
});
static ADMIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({NUMBER})?[ \t]*[/°][\[|]?[ \t]*({LOOSE_CODE}(?:{SEP}{CODE})*)"
    ))
    .expect("valid regex")
});
static CODE_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(LOOSE_CODE).expect("valid regex"));
/// A number whose digits the OCR read as letters (`T1` → `TL` for `71`),
/// then the slash and a symbol of at least two codes.
static DAMAGED_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"([0-9OoDQIlL|TSZBGbgq]{{1,5}})[ \t]*/[\[|]?[ \t]*({CODE}(?:{SEP}{CODE})+)"
    ))
    .expect("valid regex")
});
/// A number, then OCR's mark for the slash after it (`1096.QĐ-UBND`,
/// `3127) QĐ-UBND`, `27-KH-UBND`, `2134'SGDĐT`), a space (`58 KH-UBND`), or
/// nothing (`41KH-UBND`), then a symbol; read only where the stated type's
/// abbreviation opens the symbol (see [`find_symbols`]).
static LOST_SLASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(\d{{1,5}})(?:[ \t]*[.:'’‘)-][ \t]*|[ \t]+)?({CODE}(?:{SEP}{CODE})+)"
    ))
    .expect("valid regex")
});
/// A national standard or technical regulation by its code (`QCVN
/// 06:2022/BXD`, `QCVN 01-1:2018/BYT`, `TCVN 5574:2018/BXD`): the kind,
/// the number with its year after a colon, and the issuing ministry's code.
static STANDARD: LazyLock<Regex> = LazyLock::new(|| {
    let kinds = STANDARD_KINDS.join("|");
    Regex::new(&format!(
        r"\b({kinds})\s+(\d{{1,5}}(?:-\d{{1,3}})?[ \t]*:[ \t]*(?:19|20)\d{{2}}){SLASH}({CODE}(?:{SEP}{CODE})*)"
    ))
    .expect("valid regex")
});
/// The kinds of standards cited by their codes ([`STANDARD`]).
const STANDARD_KINDS: [&str; 2] = ["QCVN", "TCVN"];
/// A symbol of two or more codes with no number and no slash: the slash of a
/// blank number lost in OCR (`Báo cáo số BC-VP` for `số /BC-VP`).
static SLASHLESS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"({CODE}(?:{SEP}{CODE})+)")).expect("valid regex"));
/// `<type> số` right before a symbol (folded, anchored at the end): the
/// type word and `số` are both required.
static TYPE_SO_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let alts: Vec<&str> = TYPES.iter().map(|(f, _)| *f).collect();
    let alts = alts.join("|").replace(' ', r"\s+");
    Regex::new(&format!(r"(?:^|[^a-z0-9])({alts})\s*(?:so|s6|s0)\s*:?\s*$")).expect("valid regex")
});

/// Document-type names (folded, longest first) and how they are written.
const TYPES: &[(&str, &str)] = &[
    ("chuong trinh hanh dong", "Chương trình hành động"),
    ("thong bao ket luan", "Thông báo kết luận"),
    ("thong tu lien tich", "Thông tư liên tịch"),
    ("nghi quyet lien tich", "Nghị quyết liên tịch"),
    ("van ban hop nhat", "Văn bản hợp nhất"),
    ("giay gioi thieu", "Giấy giới thiệu"),
    ("giay nghi phep", "Giấy nghỉ phép"),
    ("giay uy quyen", "Giấy ủy quyền"),
    ("ban thoa thuan", "Bản thỏa thuận"),
    ("ban ghi nho", "Bản ghi nhớ"),
    ("phieu chuyen", "Phiếu chuyển"),
    ("chuong trinh", "Chương trình"),
    ("nghi quyet", "Nghị quyết"),
    ("quyet dinh", "Quyết định"),
    ("nghi dinh", "Nghị định"),
    ("thong tu", "Thông tư"),
    ("chi thi", "Chỉ thị"),
    ("quy che", "Quy chế"),
    ("quy dinh", "Quy định"),
    ("thong cao", "Thông cáo"),
    ("thong bao", "Thông báo"),
    ("huong dan", "Hướng dẫn"),
    ("ke hoach", "Kế hoạch"),
    ("phuong an", "Phương án"),
    ("de an", "Đề án"),
    ("du an", "Dự án"),
    ("bao cao", "Báo cáo"),
    ("bien ban", "Biên bản"),
    ("to trinh", "Tờ trình"),
    ("hop dong", "Hợp đồng"),
    ("cong van", "Công văn"),
    ("cong dien", "Công điện"),
    ("giay moi", "Giấy mời"),
    ("phieu gui", "Phiếu gửi"),
    ("phieu bao", "Phiếu báo"),
    ("ket luan", "Kết luận"),
    ("phap lenh", "Pháp lệnh"),
    ("hien phap", "Hiến pháp"),
    ("bo luat", "Bộ luật"),
    ("luat", "Luật"),
    ("lenh", "Lệnh"),
    ("van ban", "Văn bản"),
];

/// Type abbreviations of symbols (Phụ lục III, plus the normative and Party
/// ones) and the type each names.
const TYPE_CODES: &[(&str, &str)] = &[
    ("NQ", "Nghị quyết"),
    ("QĐ", "Quyết định"),
    ("CT", "Chỉ thị"),
    ("QC", "Quy chế"),
    ("QyĐ", "Quy định"),
    // The Party's (`08-QĐi/TU`).
    ("QĐi", "Quy định"),
    ("TC", "Thông cáo"),
    ("TB", "Thông báo"),
    ("HD", "Hướng dẫn"),
    ("CTr", "Chương trình"),
    ("KH", "Kế hoạch"),
    ("PA", "Phương án"),
    ("ĐA", "Đề án"),
    ("DA", "Dự án"),
    ("BC", "Báo cáo"),
    ("BB", "Biên bản"),
    ("TTr", "Tờ trình"),
    ("HĐ", "Hợp đồng"),
    ("CĐ", "Công điện"),
    ("BGN", "Bản ghi nhớ"),
    ("BTT", "Bản thỏa thuận"),
    ("GUQ", "Giấy ủy quyền"),
    ("GM", "Giấy mời"),
    ("GGT", "Giấy giới thiệu"),
    ("GNP", "Giấy nghỉ phép"),
    ("PG", "Phiếu gửi"),
    ("PC", "Phiếu chuyển"),
    ("PB", "Phiếu báo"),
    ("SY", "Bản sao y"),
    ("TrS", "Bản trích sao"),
    ("SL", "Bản sao lục"),
    ("NĐ", "Nghị định"),
    ("TT", "Thông tư"),
    ("TTLT", "Thông tư liên tịch"),
    ("NQLT", "Nghị quyết liên tịch"),
    ("L", "Luật"),
    ("VBHN", "Văn bản hợp nhất"),
    ("KL", "Kết luận"),
    ("TBKL", "Thông báo kết luận"),
    ("PL", "Pháp lệnh"),
];

/// `<type> số:` right before a number (folded, anchored at the end).
static TYPE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let alts: Vec<&str> = TYPES.iter().map(|(f, _)| *f).collect();
    let alts = alts.join("|").replace(' ', r"\s+");
    Regex::new(&format!(
        r"(?:^|[^a-z0-9])({alts})\s*(?:(?:so|s6|s0)\s*)?[:.\-]?\s*$"
    ))
    .expect("valid regex")
});
/// `<type> <number>` with no symbol (`Đề án 06`).
static TYPE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let alts: Vec<&str> = TYPES.iter().map(|(f, _)| *f).collect();
    let alts = alts.join("|").replace(' ', r"\s+");
    Regex::new(&format!(
        r"(?:^|[^a-z0-9])({alts})\s+(?:so\s*:?\s*)?(\d{{1,4}})"
    ))
    .expect("valid regex")
});
/// Types (folded) that are verbs too: `Hướng dẫn 57 hộ` guides 57
/// households, `lập biên bản 59 trường hợp` writes up 59 cases, `hợp đồng
/// 03 giáo viên` hires three teachers on contract, `giường bệnh kế hoạch 230
/// giường` are the beds planned.
const VERB_TYPES: &[&str] = &[
    "huong dan",
    "bao cao",
    "thong bao",
    "quy dinh",
    "ket luan",
    "bien ban",
    "hop dong",
    "ke hoach",
];

/// Words (folded) that go on with a citation after its number, for a type
/// of [`VERB_TYPES`]: `Hướng dẫn 12 của Sở`, `Báo cáo 45 ngày …`.
const CITATION_NEXT: &[&str] = &[
    "cua", "ngay", "ve", "nam", "va", "tai", "theo", "da", "duoc",
];

/// `năm` and a year right after a number (folded): `Đề án 06 năm 2025`.
static YEAR_AFTER_NAM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+nam\s+(?:19|20)\d\d\b").expect("valid regex"));
/// A number with a symbol's slash or dash right after a space (folded).
static NUMBERED_SYMBOL_NEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+\d{1,5}\s*[/-]").expect("valid regex"));
/// A bare `số:` right before the slash of a blank-number symbol.
static SO_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^a-z])(?:so|s6)\s*:?\s*$").expect("valid regex"));
/// The gap between two citations of one list: `, `, `; `, `và`, `và số`.
static LIST_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s,;]*(?:va|hoac)?[\s,;]*(?:(?:so|s6)\s*)?:?\s*$").expect("valid regex")
});
/// The date after a symbol: `ngày`, `, ngày`, `cùng ngày`, `ban hành ngày`,
/// and OCR's specks before it, up to three (`.ngày`, `: ngày`, `-ngày`, `.:
/// ngày`, `_ ngày`, `-.ngày`: a speck or comma read as a mark); `word` is any
/// short word in its place, which counts when it is OCR's `ngày`
/// ([`garbled_ngay`]).
static DATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:[,.:;_-]\s*){0,3}(?:(?:ban hanh|cung|ky)\s+)?(?:ngay|(?P<word>[a-z]{2,5}))\s*",
    )
    .expect("valid regex")
});

/// Is the folded `word` what OCR made of `ngày` (`ay`, `nay`, `ngav`: within
/// two edits), rather than a word of its own (`va`, `cua`, `tai`)?
fn garbled_ngay(word: &str) -> bool {
    !matches!(word, "va" | "cua" | "tai" | "theo" | "ve" | "cho" | "nam")
        && strsim::levenshtein(word, "ngay") <= 2
}
/// `của` right after the citation.
static OF_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*,?\s*cua\s+").expect("valid regex"));
/// `của <issuer> tại` right before the type word.
static OF_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^a-z])cua\s+([^;:()\n]{2,60}?)\s+(?:tai|theo)\s*$").expect("valid regex")
});
/// The header field `Số:` (ô 3), not a citation: the header's label, or a
/// bare `Số` without its colon.
static HEADER_SO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:{}|so|s6|\$6|\$o|56)\s*$",
        crate::layout::NUMBER_LABEL
    ))
    .expect("valid regex")
});

/// Does a line opening with `số` (no colon) go on with the sentence of the
/// line before, which ends with a word in small letters (`Báo cáo thẩm
/// tra` / `số 64/BC-HĐND ngày …`)? Then it cites, where the header's `Số:`
/// opens its own line under the issuer's capitals.
fn sentence_goes_on(doc: &DocText, ls: usize, opening: &str) -> bool {
    if !opening.starts_with('s')
        || opening
            .split_whitespace()
            .next()
            .is_some_and(|w| w.contains(':'))
    {
        return false;
    }
    let before = doc.text[..ls].trim_end();
    let last_line = before.rsplit('\n').next().unwrap_or("");
    before.len() < ls && !last_line.is_empty() && last_line.ends_with(|c: char| c.is_lowercase())
}

/// Words that end an issuer phrase (folded).
const ISSUER_STOP: &[&str] = &[
    "ve", "ban", "phe", "quy", "huong", "trien", "thuc", "tai", "theo", "nham", "de", "ngay", "va",
    "voi", "trong", "da", "duoc", "cho", "so", "dong", "chi", "giao", "thong", "tren", "la",
];

/// A symbol found in the text, before it is turned into a [`Reference`].
struct Hit {
    /// Printed span of number + symbol.
    span: Span,
    number: String,
    year: Option<u16>,
    symbol: String,
    full: String,
    /// The type the first code names, if it is a type code, or a
    /// standard's kind (`QCVN`, `TCVN`).
    code_type: Option<&'static str>,
    /// Hit needs a stated type to count (single-code symbols, bare numbers).
    needs_type: bool,
}

impl Hit {
    /// A number and the codes of its symbol, without a year: `full` is
    /// `number/symbol` (`/symbol` for a blank number), the codes joined by
    /// dashes.
    fn slashed(
        span: Span,
        number: String,
        codes: &[String],
        code_type: Option<&'static str>,
        needs_type: bool,
    ) -> Hit {
        let symbol = codes.join("-");
        Hit {
            span,
            full: format!("{number}/{symbol}"),
            number,
            year: None,
            symbol,
            code_type,
            needs_type,
        }
    }
}

/// Every citation in the document, in text order, one per occurrence.
/// The second vector holds the printed spans the citations cover.
pub(crate) fn find_references(
    doc: &DocText,
    found_dates: &[dates::Found<DateRecord>],
) -> (Vec<Reference>, Vec<Span>) {
    let hits = find_symbols(doc);
    let mut out: Vec<Reference> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut prev: Option<(usize, Option<String>)> = None;
    for mut h in hits {
        let (num_start, end) = h.span;
        // The header field `Số: 1034/BC-VP` is the document's own number.
        let ls = doc.line_start(num_start);
        let before_line = &doc.text[ls..num_start];
        let opening = before_line.trim_start_matches(|c: char| {
            c.is_whitespace() || !(c.is_alphanumeric() || c == '$' || c == '§')
        });
        if opening.starts_with(['S', 's', '$', '5', '§'])
            && HEADER_SO.is_match(&doc.folded[doc.to_fold(ls)..doc.to_fold(num_start)])
            && !sentence_goes_on(doc, ls, opening)
        {
            continue;
        }
        let before = doc.folded_before(num_start, 80);
        let stated = TYPE_BEFORE.captures(before).and_then(|c| c.get(1));
        let mut start = num_start;
        let mut r#type = None;
        let mut confidence = 0.95;
        let mut carries = true;
        if let Some(t) = stated {
            let fstart = doc.to_fold(num_start) - before.len() + t.start();
            start = doc.to_orig(fstart);
            r#type = type_name(&squash(t.as_str()));
        } else if let Some((pend, Some(ptype))) = &prev {
            let gap_f =
                &doc.folded[doc.to_fold(*pend).min(doc.to_fold(num_start))..doc.to_fold(num_start)];
            let agrees = h.code_type.is_none_or(|c| c == ptype.as_str());
            if agrees && LIST_GAP.is_match(gap_f) && gap_f.len() < 16 {
                r#type = Some(ptype.clone());
                confidence = 0.85;
            }
        }
        if let Some(t) = &r#type {
            repair_hit_type_code(&mut h, t);
        }
        if r#type.is_none() {
            if h.needs_type {
                continue;
            }
            r#type = Some(h.code_type.unwrap_or("Công văn").to_owned());
            carries = false;
            confidence = if h.code_type.is_some() { 0.8 } else { 0.7 };
        }
        if h.number.is_empty() {
            confidence -= 0.15;
        }
        // Date and issuer after the symbol.
        let mut tail = end;
        let mut date = None;
        let after = doc.folded_after(end, 120);
        if let Some(m) = DATE_AFTER
            .captures(after)
            .filter(|c| c.name("word").is_none_or(|w| garbled_ngay(w.as_str())))
            .and_then(|c| c.get(0))
        {
            let at = doc.to_orig(doc.to_fold(end) + m.end());
            let lo = doc.to_orig(doc.to_fold(end) + m.start());
            if let Some((value, dend)) = date_at(found_dates, lo, at) {
                date = Some(value);
                tail = dend;
            }
        }
        let mut issuer = None;
        let after = doc.folded_after(tail, 120);
        if let Some(m) = OF_AFTER.find(after) {
            let at = doc.to_orig(doc.to_fold(tail) + m.end());
            if let Some((name, iend)) = issuer_at(doc, at) {
                issuer = Some(name);
                tail = iend;
            }
        }
        if issuer.is_none() {
            let before = doc.folded_before(start, 80);
            if let Some(c) = OF_BEFORE.captures(before).and_then(|c| c.get(1)) {
                let base = doc.to_fold(start) - before.len();
                let span = (doc.to_orig(base + c.start()), doc.to_orig(base + c.end()));
                let name = squash(doc.slice(span));
                if !name.is_empty() && name.split(' ').count() <= 8 {
                    issuer = Some(name);
                }
            }
        }
        spans.push((start, tail));
        // Only a stated type carries over to the next citations of a list.
        prev = Some((tail, if carries { r#type.clone() } else { None }));
        out.push(Reference {
            r#type,
            number: h.number,
            year: h.year,
            symbol: h.symbol,
            full: h.full,
            date,
            issuer,
            line: doc.line_of(start),
            raw: doc.slice((start, tail)).to_owned(),
            confidence,
        });
    }
    (out, spans)
}

/// The abbreviation (`QĐ`) of the type that `re`, anchored at the end of
/// `before` (folded text), finds stated there (`Quyết định số`).
fn stated_abbrev(re: &Regex, before: &str) -> Option<&'static str> {
    let ty = re.captures(before)?.get(1)?;
    type_name(&squash(ty.as_str())).and_then(|n| type_code_of(&n))
}

/// The abbreviation of a type name in symbols (Phụ lục III): `Quyết định` → `QĐ`.
fn type_code_of(name: &str) -> Option<&'static str> {
    TYPE_CODES.iter().find(|(_, n)| *n == name).map(|(c, _)| *c)
}

/// The class of letters and digits the OCR confuses with `c` in symbol codes
/// (`0`/`O`/`Q`; `Đ`/`D`/`P`/`B`/`b`; `1`/`I`/`L`/`l`; …), case-folded.
fn confusion_class(c: char) -> char {
    match c {
        '0' | 'O' | 'o' | 'Q' | 'q' => 'O',
        'Đ' | 'đ' | 'D' | 'd' | 'P' | 'p' | 'B' | 'b' | '8' => 'D',
        '1' | 'I' | 'i' | 'L' | 'l' | '|' => 'I',
        '5' | 'S' | 's' => 'S',
        '2' | 'Z' | 'z' => 'Z',
        c => c.to_uppercase().next().unwrap_or(c),
    }
}

/// `code` when it is an OCR misreading of the type abbreviation `abbrev`:
/// as long, each character in the same confusion class, but not equal.
fn misread_of(code: &str, abbrev: &str) -> bool {
    code != abbrev
        && code.chars().count() == abbrev.chars().count()
        && code
            .chars()
            .zip(abbrev.chars())
            .all(|(a, b)| confusion_class(a) == confusion_class(b))
}

/// Rewrites the first code of `h`'s symbol to the abbreviation of the type
/// `type_name` stated before it when the code is a misreading of it
/// (`Quyết định số 84/0P-UBND` → `84/QĐ-UBND`).
fn repair_hit_type_code(h: &mut Hit, type_name: &str) {
    let Some(abbrev) = type_code_of(type_name) else {
        return;
    };
    let cut = h.symbol.find(['-', '/']).unwrap_or(h.symbol.len());
    if !misread_of(&h.symbol[..cut], abbrev) {
        return;
    }
    // `full` ends with the symbol as printed, which is as long as the symbol
    // (a Party symbol's `/` printed where the symbol has `-`).
    let prefix = h.full.len().saturating_sub(h.symbol.len());
    let printed_rest = h.full.get(prefix + cut..).unwrap_or("");
    h.full = format!(
        "{}{abbrev}{printed_rest}",
        h.full.get(..prefix).unwrap_or("")
    );
    h.symbol = format!("{abbrev}{}", &h.symbol[cut..]);
    h.code_type = code_type(abbrev);
}

/// The digits an OCR-damaged number stands for (`TL` → `71`, `O5` → `05`).
fn number_from_misread(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'O' | 'o' | 'D' | 'Q' => '0',
            'I' | 'l' | 'L' | '|' => '1',
            'Z' => '2',
            'S' => '5',
            'G' | 'b' => '6',
            'T' => '7',
            'B' => '8',
            'g' | 'q' => '9',
            c => c,
        })
        .collect()
}

/// The canonical name of a folded type phrase.
fn type_name(folded: &str) -> Option<String> {
    TYPES
        .iter()
        .find(|(f, _)| *f == folded)
        .map(|(_, n)| (*n).to_owned())
}

/// The date starting between printed offsets `lo` and `at` (plus a few bytes):
/// its ISO value and printed end. A document is issued in a year: a date
/// of every year (`--06-30`, its year misread) is none of its.
fn date_at(found: &[dates::Found<DateRecord>], lo: usize, at: usize) -> Option<(String, usize)> {
    found
        .iter()
        .find(|d| d.span.0 >= lo && d.span.0 <= at + 3 && !d.record.value.starts_with("--"))
        .map(|d| (d.record.value.clone(), d.span.1))
}

/// An issuer phrase starting at printed offset `at`: its text and printed end.
fn issuer_at(doc: &DocText, at: usize) -> Option<(String, usize)> {
    let mut words = 0;
    let mut end = at;
    let mut pos = at;
    let text = &doc.text;
    while pos < text.len() && words < 8 {
        let rest = &text[pos..];
        let ws = rest.len() - rest.trim_start().len();
        let wstart = pos + ws;
        let wlen = text[wstart..]
            .find(|c: char| c.is_whitespace() || ",;:()“”\"".contains(c))
            .unwrap_or(text.len() - wstart);
        if wlen == 0 {
            break;
        }
        let word = text[wstart..wstart + wlen].trim_end_matches('.');
        if word.is_empty() {
            break;
        }
        let folded = crate::text::viet::skeleton(word);
        // A figure with its grouping or decimal mark (`6.842,5`) is the
        // sentence's, no part of a name (`Ban Chỉ đạo 389` is).
        let figure = word.starts_with(|c: char| c.is_ascii_digit()) && word.contains(['.', ',']);
        if words > 0 && (ISSUER_STOP.contains(&folded.as_str()) || figure) {
            break;
        }
        words += 1;
        end = wstart + word.len();
        pos = wstart + wlen;
        if word.len() < wlen {
            break;
        }
    }
    (words > 0).then(|| (squash(&text[at..end]), end))
}

/// Every number/symbol in the text, without overlaps, in text order.
fn find_symbols(doc: &DocText) -> Vec<Hit> {
    let t = &doc.text;
    let mut hits: Vec<Hit> = Vec::new();
    let mut taken: Vec<Span> = Vec::new();
    let mut add = |hits: &mut Vec<Hit>, h: Hit| {
        if taken.iter().any(|s| super::doc::overlaps(*s, h.span)) {
            return;
        }
        taken.push(h.span);
        hits.push(h);
    };
    // `QCVN 06:2022/BXD`: its kind is its type, its number keeps the year.
    for c in STANDARD.captures_iter(t) {
        let (Some(kind), Some(n), Some(s)) = (c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        let Some((codes, send)) = codes_with_boundary(t, s.start(), s.end(), 1) else {
            continue;
        };
        let number: String = n.as_str().chars().filter(|c| !c.is_whitespace()).collect();
        let kind_code = STANDARD_KINDS.into_iter().find(|&k| k == kind.as_str());
        add(
            &mut hits,
            Hit::slashed((kind.start(), send), number, &codes, kind_code, false),
        );
    }
    for c in NORMATIVE.captures_iter(t) {
        let (Some(m), Some(n), Some(y), Some(s)) = (c.get(0), c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        if !clear_before(t, m.start()) {
            continue;
        }
        let Some((codes, send)) = codes_with_boundary(t, s.start(), s.end(), 1) else {
            continue;
        };
        let symbol = codes.join("-");
        // OCR may split the year with a space (`06/201 1/NĐ-CP`).
        let year: u16 = y.as_str().replace(' ', "").parse().unwrap_or(0);
        let code_type = codes.first().and_then(|c| code_type(c));
        add(
            &mut hits,
            Hit {
                span: (m.start(), send),
                number: n.as_str().to_owned(),
                year: Some(year),
                full: format!("{}/{}/{}", n.as_str(), year, symbol),
                needs_type: symbol.starts_with('0'),
                symbol,
                code_type,
            },
        );
    }
    for c in PARTY.captures_iter(t) {
        let (Some(m), Some(n), Some(ty), Some(s)) = (c.get(0), c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        let Some(kind) = code_type(ty.as_str()) else {
            continue;
        };
        if !clear_before(t, m.start()) {
            continue;
        }
        let Some((codes, send)) = codes_with_boundary(t, s.start(), s.end(), 1) else {
            continue;
        };
        // The symbol as the seeds' gold writes a Party one, type and issuer
        // joined by a dash as a state symbol's (`NQ-TU`); `full` as printed
        // (`04-NQ/TU`).
        let issuer = codes.join("-");
        add(
            &mut hits,
            Hit {
                span: (m.start(), send),
                number: n.as_str().to_owned(),
                year: None,
                full: format!("{}-{}/{issuer}", n.as_str(), ty.as_str()),
                symbol: format!("{}-{issuer}", ty.as_str()),
                code_type: Some(kind),
                needs_type: false,
            },
        );
    }
    for c in ADMIN.captures_iter(t) {
        let (Some(m), Some(s)) = (c.get(0), c.get(2)) else {
            continue;
        };
        let number = c.get(1).map(|n| n.as_str()).unwrap_or("");
        let start = c
            .get(1)
            .map(|n| n.start())
            .unwrap_or_else(|| m.start() + (m.as_str().len() - m.as_str().trim_start().len()));
        if !clear_before(t, start) {
            continue;
        }
        let Some((codes, send)) = codes_with_boundary(t, s.start(), s.end(), 1) else {
            continue;
        };
        if number.is_empty() {
            // A blank number must follow `số` / `số:`.
            let before = doc.folded_before(start, 30);
            if !SO_BEFORE.is_match(before) || codes.len() < 2 {
                continue;
            }
        }
        let code_type = codes.first().and_then(|c| code_type(c));
        let needs_type = codes.len() < 2 || codes.first().is_some_and(|c| c.starts_with('0'));
        add(
            &mut hits,
            Hit::slashed(
                (start, send),
                number.to_owned(),
                &codes,
                code_type,
                needs_type,
            ),
        );
    }
    // `Kế hoạch số TL/KH-VP`: a number misread as letters, vouched for by
    // `<type> số` right before it.
    for c in DAMAGED_NUMBER.captures_iter(t) {
        let (Some(n), Some(s)) = (c.get(1), c.get(2)) else {
            continue;
        };
        if n.as_str().chars().all(|ch| ch.is_ascii_digit()) || !clear_before(t, n.start()) {
            continue;
        }
        if !TYPE_SO_BEFORE.is_match(doc.folded_before(n.start(), 80)) {
            continue;
        }
        let Some((codes, send)) = codes_with_boundary(t, s.start(), s.end(), 2) else {
            continue;
        };
        let number = number_from_misread(n.as_str());
        let code_type = codes.first().and_then(|c| code_type(c));
        add(
            &mut hits,
            Hit::slashed((n.start(), send), number, &codes, code_type, true),
        );
    }
    // `Quyết định số 1096.QĐ-UBND`: the slash misread or lost; the first
    // code must be the stated type's abbreviation, or a misreading of it.
    for c in LOST_SLASH.captures_iter(t) {
        let (Some(n), Some(s)) = (c.get(1), c.get(2)) else {
            continue;
        };
        if !clear_before(t, n.start()) {
            continue;
        }
        let Some(abbrev) = stated_abbrev(&TYPE_BEFORE, doc.folded_before(n.start(), 80)) else {
            continue;
        };
        let Some((codes, send)) = codes_with_boundary(t, s.start(), s.end(), 2) else {
            continue;
        };
        let first = codes.first().map_or("", String::as_str);
        if first != abbrev && !misread_of(first, abbrev) {
            continue;
        }
        add(
            &mut hits,
            Hit::slashed(
                (n.start(), send),
                n.as_str().to_owned(),
                &codes,
                code_type(abbrev),
                true,
            ),
        );
    }
    // `Báo cáo số BC-VP`: a blank number whose slash the OCR lost; the first
    // code must be the abbreviation of the stated type.
    for c in SLASHLESS.captures_iter(t) {
        let Some(s) = c.get(1) else { continue };
        if !clear_before(t, s.start()) {
            continue;
        }
        let Some(abbrev) = stated_abbrev(&TYPE_SO_BEFORE, doc.folded_before(s.start(), 80)) else {
            continue;
        };
        let Some((codes, send)) = codes_with_boundary(t, s.start(), s.end(), 2) else {
            continue;
        };
        if codes.first().map(String::as_str) != Some(abbrev) {
            continue;
        }
        add(
            &mut hits,
            Hit::slashed(
                (s.start(), send),
                String::new(),
                &codes,
                code_type(abbrev),
                true,
            ),
        );
    }
    // `Đề án 06`: a type word and a number, no symbol.
    let f = &doc.folded;
    for c in TYPE_NUMBER.captures_iter(f) {
        let Some(n) = c.get(2) else { continue };
        let after = &f[n.end()..];
        let next = after.chars().next();
        if next.is_some_and(|ch| {
            ch.is_alphanumeric()
                || "/-.,:".contains(ch)
                    && after[1..].starts_with(|d: char| d.is_ascii_alphanumeric())
        }) {
            continue;
        }
        // `kế hoạch 75%` is a target's share, no citation.
        if next.is_some_and(|ch| ch == '/' || ch == '-')
            || after.trim_start_matches([' ', '\t']).starts_with('%')
        {
            continue;
        }
        // A section's number opening the next line (`III. NỘI DUNG VÀ
        // CHƯƠNG TRÌNH` / `1. Thời gian`) is no citation's.
        let line_start = f[..n.start()].trim_end_matches([' ', '\t']).ends_with('\n');
        if line_start && next.is_some_and(|ch| ch == '.' || ch == ')') {
            continue;
        }
        // `Quyết định số 6 749/QĐ-TTg`: OCR split a speck off `số`; the
        // citation is the numbered symbol right after.
        if NUMBERED_SYMBOL_NEXT.is_match(after) {
            continue;
        }
        let word = after
            .trim_start()
            .split(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("");
        // `Kế hoạch 5 năm`: a span of years, but `Đề án 06 năm 2025` is the
        // Đề án's work of that year.
        // The type word, folded, one space between its syllables.
        let type_words: Vec<&str> = c
            .get(1)
            .map_or(Vec::new(), |t| t.as_str().split_whitespace().collect());
        let is_type = |name: &str| name.split(' ').eq(type_words.iter().copied());
        let of_year = word == "nam" && is_type("de an") && YEAR_AFTER_NAM.is_match(after);
        if matches!(word, "nam" | "thang" | "ngay" | "quy" | "lan" | "muc") && !of_year {
            continue;
        }
        // A type that is also a verb (`Hướng dẫn 57 hộ kinh doanh`, `báo
        // cáo 3 nội dung`) cites only where a citation's words follow.
        let verb = VERB_TYPES.iter().any(|v| is_type(v));
        if verb && !word.is_empty() && !CITATION_NEXT.contains(&word) && !of_year {
            continue;
        }
        // A project is named, not numbered: `dự án 785` in a table row,
        // `DỰ ÁN` / `1. Tên dự án` across a heading, cite nothing unless a
        // citation's word follows.
        // Nor does a list of a programme's projects (`Dự án 4 và Dự án 5`).
        if is_type("du an") && (!CITATION_NEXT.contains(&word) || word == "va") {
            continue;
        }
        let value: u32 = n.as_str().parse().unwrap_or(0);
        if n.as_str().len() == 4 && (1900..=2100).contains(&value) {
            continue;
        }
        let span = (doc.to_orig(n.start()), doc.to_orig(n.end()));
        let number = n.as_str().to_owned();
        add(
            &mut hits,
            Hit {
                span,
                full: number.clone(),
                number,
                year: None,
                symbol: String::new(),
                code_type: None,
                needs_type: true,
            },
        );
    }
    hits.sort_by_key(|h| h.span.0);
    hits
}

/// The type a symbol's type code names (`KH` → Kế hoạch), if it is one.
fn code_type(code: &str) -> Option<&'static str> {
    TYPE_CODES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

/// True when no letter, digit or symbol character touches `i` from the left.
fn clear_before(t: &str, i: usize) -> bool {
    let head = &t[..i];
    match head.chars().next_back() {
        None => true,
        // `số.775/UBND-TTHC`, `số-101/2024/NĐ-CP`: OCR's dot or dash for
        // the space after `số`, or a speck after it (`số .76/2024/NĐ-CP`,
        // `số _87/KH-UBND`, `số°-1234/QĐ-UBND`).
        Some('.' | '-' | '_') => {
            let word = head
                .trim_end_matches([' ', '\t', '.', '-', '_', '°'])
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            matches!(word, "số" | "Số" | "so" | "So")
        }
        Some(c) => !(c.is_alphanumeric() || "/-_&".contains(c)),
    }
}

/// The codes of the symbol at `[s, e)`, dropping trailing codes until the
/// symbol ends at a word boundary; `None` when fewer than `min` remain.
fn codes_with_boundary(t: &str, s: usize, e: usize, min: usize) -> Option<(Vec<String>, usize)> {
    let mut codes: Vec<(usize, usize)> = CODE_RE
        .find_iter(&t[s..e])
        .map(|m| (s + m.start(), s + m.end()))
        .collect();
    while let Some(&(_, ce)) = codes.last() {
        let next = t[ce..].chars().next();
        if next.is_none_or(|c| !(c.is_alphanumeric())) {
            break;
        }
        codes.pop();
    }
    if codes.len() < min {
        return None;
    }
    let end = codes.last().map(|c| c.1)?;
    Some((
        codes.iter().map(|&(a, b)| t[a..b].to_owned()).collect(),
        end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(lines: &[&str]) -> Vec<Reference> {
        let doc = DocText::new(lines);
        let ds = dates::find_dates(&doc);
        find_references(&doc, &ds).0
    }

    fn fulls(lines: &[&str]) -> Vec<String> {
        refs(lines).into_iter().map(|r| r.full).collect()
    }

    #[test]
    fn four_grammars() {
        let r =
            refs(&["Căn cứ Kế hoạch số 07/KH-UBND ngày 28/3/2022 của Chủ tịch UBND tỉnh về việc"]);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].full, "07/KH-UBND");
        assert_eq!(r[0].number, "07");
        assert_eq!(r[0].symbol, "KH-UBND");
        assert_eq!(r[0].r#type.as_deref(), Some("Kế hoạch"));
        assert_eq!(r[0].date.as_deref(), Some("2022-03-28"));
        assert_eq!(r[0].issuer.as_deref(), Some("Chủ tịch UBND tỉnh"));
        let r = refs(&["theo Công văn số 775/UBND-TTHC"]);
        assert_eq!(
            (r[0].full.as_str(), r[0].r#type.as_deref()),
            ("775/UBND-TTHC", Some("Công văn"))
        );
        let r = refs(&["Nghị định số 69/2024/NĐ-CP ngày 25 tháng 6 năm 2024 của Chính phủ."]);
        assert_eq!(r[0].full, "69/2024/NĐ-CP");
        assert_eq!(r[0].year, Some(2024));
        assert_eq!(r[0].number, "69");
        assert_eq!(r[0].symbol, "NĐ-CP");
        assert_eq!(r[0].date.as_deref(), Some("2024-06-25"));
        assert_eq!(r[0].issuer.as_deref(), Some("Chính phủ"));
        let r = refs(&["theo Quyết định số 2390/QĐ-UBND của UBND tỉnh là 6.842,5 tỷ đồng"]);
        assert_eq!(r[0].issuer.as_deref(), Some("UBND tỉnh"));
        let r = refs(&["Nghị quyết số 04-NQ/TU ngày 18/10/2021 của Tỉnh ủy"]);
        assert_eq!(r[0].full, "04-NQ/TU");
        assert_eq!(r[0].symbol, "NQ-TU");
        assert_eq!(fulls(&["Luật số 64/2025/QH15"]), vec!["64/2025/QH15"]);
        assert_eq!(
            fulls(&["Căn cứ Quy định số 08-QĐi/TU ngày 14 tháng 10 năm 2025"]),
            vec!["08-QĐi/TU"]
        );
    }

    #[test]
    fn inferred_types() {
        let r = refs(&["thực hiện 380/QĐ-UBND và 2248/VP-HCQT, 23-CTr/HU"]);
        let types: Vec<_> = r
            .iter()
            .map(|r| r.r#type.clone().unwrap_or_default())
            .collect();
        assert_eq!(types, vec!["Quyết định", "Công văn", "Chương trình"]);
    }

    #[test]
    fn loose_spacing() {
        assert_eq!(fulls(&["Báo cáo số 1034 /BC-VP"]), vec!["1034/BC-VP"]);
        assert_eq!(
            fulls(&["Công văn số 1.846/UBND-KT ngày 25/11/2026"]),
            vec!["1.846/UBND-KT"]
        );
        assert_eq!(fulls(&["Kế hoạch số 72/KH- UBND"]), vec!["72/KH-UBND"]);
        assert_eq!(fulls(&["Kế hoạch số 17/KH - UBND"]), vec!["17/KH-UBND"]);
        assert_eq!(
            fulls(&["Nghị quyết số 09/2026/NQ_HĐND"]),
            vec!["09/2026/NQ-HĐND"]
        );
        assert_eq!(
            fulls(&["Nghị quyết số 09/2026NQ-HĐND"]),
            vec!["09/2026/NQ-HĐND"]
        );
    }

    #[test]
    fn lists_share_a_type() {
        let r = refs(&["Công văn số: 775/UBND-TTHC ngày 16/2/2024, 2123/UBND-TTHC ngày 26/4/2024, 12/UBND-VX ngày 1/5/2024 của UBND tỉnh"]);
        assert_eq!(r.len(), 3);
        assert!(r.iter().all(|r| r.r#type.as_deref() == Some("Công văn")));
        assert_eq!(r[1].date.as_deref(), Some("2024-04-26"));
        assert_eq!(r[2].issuer.as_deref(), Some("UBND tỉnh"));
    }

    #[test]
    fn a_year_ocr_split_with_a_space() {
        assert_eq!(
            fulls(&["Nghị định số 06/201 1/NĐ-CP ngày 14/01/2011 và Thông tư số 40/20 17/TT-BTC"]),
            ["06/2011/NĐ-CP", "40/2017/TT-BTC"]
        );
        // Two figures, no year: no citation.
        assert!(fulls(&["đạt 06/201 1 tháng"]).is_empty());
    }

    #[test]
    fn split_symbols() {
        let r = refs(&[
            "năm 2023 (Kế hoạch số 223/KH-",
            "VP ngày 21/02/2023); và Quyết",
            "định số 48/2021/QĐ-",
            "UBND ngày 22/9/2021",
        ]);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].full, "223/KH-VP");
        assert_eq!(r[0].line, 1);
        assert_eq!(r[0].date.as_deref(), Some("2023-02-21"));
        assert_eq!(r[1].full, "48/2021/QĐ-UBND");
        assert_eq!(r[1].line, 2);
        assert_eq!(r[1].r#type.as_deref(), Some("Quyết định"));
    }

    #[test]
    fn header_number_is_not_a_reference() {
        assert!(refs(&["Số: 1034 /BC-VP Quảng Ngãi, ngày 5 tháng 6 năm 2023"]).is_empty());
        // A line opening with `số` that goes on with the line before cites.
        let r = refs(&[
            "Xét Báo cáo thẩm tra",
            "số 64/BC-HĐND ngày 08/7/2026 của Ban",
        ]);
        assert_eq!(
            r.iter().map(|r| r.full.as_str()).collect::<Vec<_>>(),
            ["64/BC-HĐND"]
        );
        assert!(refs(&["UBND TỈNH A", "số 64/BC-UBND"]).is_empty());
        assert!(refs(&["$6: 47/KH-UBND Tịnh Hòa, ngày 20 tháng 01 năm 2024"]).is_empty());
        assert!(refs(&["Số; 305/QĐ-SNV"]).is_empty());
        assert!(refs(&["» Số: 1874/BC-SCT Hà Tĩnh, ngày 10 tháng 10 năm 2025"]).is_empty());
        assert!(refs(&[" §6::318/TB-UBND Ninh Hòa, ngày 14 tháng 11 năm 2024"]).is_empty());
    }

    #[test]
    fn dot_before_the_date() {
        let r = refs(&["Thực hiện Công văn số 2086/UBND-VP.ngày 01/11/2023 của UBND huyện"]);
        assert_eq!(r[0].full, "2086/UBND-VP");
        assert_eq!(r[0].date.as_deref(), Some("2023-11-01"));
        let r = refs(&["Căn cứ Kế hoạch số 318/KH-UBND: ngày 29/12/2025 của UBND tỉnh"]);
        assert_eq!(r[0].date.as_deref(), Some("2025-12-29"));
        // Up to three specks, spaced or not.
        for line in [
            "Chỉ thị số 03/CT-UBND-ngày 12/01/2026 về tăng cường",
            "Quyết định số 612/QĐ-UBND.: ngày 02/4/2026 kiện toàn",
            "Quyết định số 18/2024/QĐ-UBND -.ngày 26/6/2024 của",
            "Công điện số 06/CĐ-UBND_ ngày 16/8/2026 của",
        ] {
            let r = refs(&[line]);
            assert!(r[0].date.is_some(), "{line}");
        }
    }

    #[test]
    fn dot_for_the_space_after_so() {
        assert_eq!(
            fulls(&["Thực hiện Công văn số.775/UBND-TTHC ngày 16/2/2024"]),
            ["775/UBND-TTHC"]
        );
        // A dot between digits parts thousands (`số 1.846/UBND-KT`): the
        // number is whole, never its last three digits.
        assert_eq!(fulls(&["tăng 1.775/UBND-TTHC"]), ["1.775/UBND-TTHC"]);
        // OCR's `ấy`, `ngav` for `ngày` before the date.
        let r = refs(&["Căn cứ Chỉ thị số 09/CT-UBND ấy 12/4/2024 của Chủ tịch UBND tỉnh"]);
        assert_eq!(r[0].date.as_deref(), Some("2024-04-12"));
        let r = refs(&["Nghị quyết 27/NQ-HĐND ngav 19/7/2024 của HĐND tỉnh"]);
        assert_eq!(r[0].date.as_deref(), Some("2024-07-19"));
        let r = refs(&["Kế hoạch 45/KH-UBND và 12/4/2024"]);
        assert_eq!(r[0].date, None);
        let r = refs(&["Căn cứ Nghị định số-101/2024/NĐ-CP. ngày 29/7/2024 của Chính phủ"]);
        assert_eq!(r[0].full, "101/2024/NĐ-CP");
        assert_eq!(r[0].r#type.as_deref(), Some("Nghị định"));
        assert_eq!(r[0].date.as_deref(), Some("2024-07-29"));
        // A speck after `số` and its space.
        let r = refs(&["xã hội; Nghị định số .76/2024/NĐ-CP ngày 01/7/2024"]);
        assert_eq!(r[0].full, "76/2024/NĐ-CP");
        // A code before the dash is no `số`.
        assert!(fulls(&["mẫu KH-12/2024/NĐ-CP"]).is_empty());
        assert_eq!(
            refs(&["(Kèm theo Báo cáo số /BC-VP ngày /6/2023)"])[0].full,
            "/BC-VP"
        );
    }

    #[test]
    fn misread_type_codes_follow_the_stated_type() {
        assert_eq!(
            fulls(&["(Quyết định số 84/0P-UBND ngày 12/01/2023)"]),
            vec!["84/QĐ-UBND"]
        );
        assert_eq!(
            fulls(&["tại Quyết định số 39/2021/QB-UBND ngày"]),
            vec!["39/2021/QĐ-UBND"]
        );
        assert_eq!(
            fulls(&["tại Quyết định số 1813/Qb-TTg và 17/0D-VP"]),
            vec!["1813/QĐ-TTg", "17/QĐ-VP"]
        );
        let r = refs(&["Quyết định số 48/2021/Qb-", "UBND ngày 22/9/2021"]);
        assert_eq!(r[0].full, "48/2021/QĐ-UBND");
        assert_eq!(r[0].r#type.as_deref(), Some("Quyết định"));
        // A real code is kept when it is no misreading of the stated type.
        assert_eq!(fulls(&["Quyết định số 12/UBND-VX"]), vec!["12/UBND-VX"]);
        // A damaged code with no type word to vouch for it is dropped.
        assert!(fulls(&["xem 84/0P-UBND"]).is_empty());
    }

    #[test]
    fn misread_helpers() {
        assert!(misread_of("0P", "QĐ"));
        assert!(misread_of("Ob", "QĐ"));
        assert!(misread_of("CTR", "CTr"));
        assert!(!misread_of("QĐ", "QĐ"));
        assert!(!misread_of("KH", "QĐ"));
        assert!(!misread_of("TTr", "TT"));
        assert_eq!(number_from_misread("TL"), "71");
        assert_eq!(number_from_misread("O5"), "05");
    }

    #[test]
    fn ocr_damaged_slash_and_number() {
        assert_eq!(
            fulls(&["(Công văn số 6445/[UBND-TTHC ngày 19/12/2022)"]),
            vec!["6445/UBND-TTHC"]
        );
        assert_eq!(
            fulls(&["(Kế hoạch số TL/KH-VP ngày 13/01/2023)"]),
            vec!["71/KH-VP"]
        );
        // Letters before a slash are no number without `<type> số`.
        assert!(fulls(&["Trang TL/KH-VP"]).is_empty());
        let r = refs(&["(Kèm theo Báo cáo số BC-VP ngày /6/2023)"]);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].full, "/BC-VP");
        assert_eq!(r[0].number, "");
        // The code must be the stated type's abbreviation.
        assert!(fulls(&["Báo cáo số UBND-VP"]).is_empty());
        assert!(fulls(&["Báo cáo của UBND-VP"]).is_empty());
        // The slash printed as another mark, or lost, after a stated type
        // whose abbreviation opens the symbol; specks before the number.
        assert_eq!(
            fulls(&[
                "Quyết định số 1096.QĐ-UBND, Quyết định số 3127) QĐ-UBND,",
                "Kế hoạch số 27-KH-UBND, Kế hoạch số 41KH-UBND, Kế hoạch số 58 KH-UBND,",
                "Kế hoạch số _87/KH-UBND và Quyết định số°-1234/QĐ-UBND"
            ]),
            vec![
                "1096/QĐ-UBND",
                "3127/QĐ-UBND",
                "27/KH-UBND",
                "41/KH-UBND",
                "58/KH-UBND",
                "87/KH-UBND",
                "1234/QĐ-UBND"
            ]
        );
        // Not a symbol another type's code opens (the bare number is the
        // citation's), nor one with no type stated.
        assert_eq!(fulls(&["Quyết định số 12 UBND-VP"]), vec!["12"]);
        assert!(fulls(&["Tổng 58 KH-UBND", "gồm 41KH-UBND"]).is_empty());
    }

    #[test]
    fn standards_by_their_codes() {
        let r = refs(&[
            "tuân thủ QCVN 06:2022/BXD về an toàn cháy; đạt QCVN 01-1:2018/BYT, theo QCVN",
            "10:2014/BXD.",
        ]);
        let got: Vec<(&str, &str, &str, usize)> = r
            .iter()
            .map(|r| {
                (
                    r.r#type.as_deref().unwrap_or(""),
                    r.full.as_str(),
                    r.symbol.as_str(),
                    r.line,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("QCVN", "06:2022/BXD", "BXD", 1),
                ("QCVN", "01-1:2018/BYT", "BYT", 1),
                ("QCVN", "10:2014/BXD", "BXD", 1)
            ]
        );
        // A ratio or a time is no standard's number.
        assert!(fulls(&["QCVN về nước, tỷ lệ 06:20 giờ"]).is_empty());
    }

    #[test]
    fn not_references() {
        assert!(refs(&["Cổng/Trang TTĐT; b/c; 15/12/2022; TT&TT"]).is_empty());
        assert!(refs(&["Kế hoạch năm 2023, Quyết định 2024"]).is_empty());
        assert_eq!(fulls(&["triển khai Đề án 06 trên địa bàn"]), vec!["06"]);
        assert_eq!(fulls(&["kinh phí thực hiện Đề án 06 năm 2024"]), vec!["06"]);
        assert!(fulls(&["chưa đạt tiến độ đề ra (kế hoạch 75%)."]).is_empty());
        assert!(fulls(&["nhất là Dự án 4 và Dự án 5"]).is_empty());
        assert!(fulls(&["Hướng dẫn 57 hộ kinh doanh đưa sản phẩm lên sàn"]).is_empty());
        assert!(fulls(&["đã lập biên bản", "59 trường hợp lấn chiếm"]).is_empty());
        assert!(fulls(&["điều động hoặc hợp đồng 03 giáo viên còn thiếu"]).is_empty());
        assert!(fulls(&["Giường bệnh kế hoạch 230 giường, thực kê 265 giường."]).is_empty());
        assert!(fulls(&["III. NỘI DUNG VÀ CHƯƠNG TRÌNH", "1. Thời gian, địa điểm"]).is_empty());
        assert_eq!(fulls(&["thực hiện Kế hoạch 12 của UBND tỉnh"]), vec!["12"]);
        assert!(fulls(&[
            "3 Chi phí quản lý dự án 785 1,8",
            "CỦA DỰ ÁN",
            "1. Tên dự án"
        ])
        .is_empty());
        assert_eq!(fulls(&["theo Hướng dẫn 12 của Sở Tài chính"]), vec!["12"]);
        assert!(fulls(&["Kế hoạch 5 năm 2021 - 2025, Đề án 3 năm"]).is_empty());
        // A speck OCR split off `số` is no citation of its own.
        assert_eq!(
            fulls(&["Căn cứ Quyết định số 6 749/QĐ-TTg ngày 03/6/2020"]),
            vec!["749/QĐ-TTg"]
        );
    }
}
