//! Reported figures: every quantity with its unit and what it counts
//! (`56.703 hồ sơ`, `99,9%`, `hơn 12 tỷ đồng`, `190 tin, bài`).
//!
//! Numbers that are not measures are left out: dates, periods and citations
//! (their spans are passed in), section numbers (`1.`, `2.1.`, `a)` lines),
//! years, levels and ordinals (`mức độ 3`, `khoản 1, 2`, `lần thứ 27`),
//! durations and ages (`6 tháng`, `dưới 6 tuổi`) and code legends (`Có=1`).
//!
//! In the appendix tables (from a `STT` header row or a `Biểu mẫu N` title to
//! the end of the document) the row's figure is the last number on its line.

use super::cell_table;
use super::doc::{squash, squashed, DocText, Span};
use super::number::{parse_vn, scale_of};
use super::records::Kpi;
use super::space_table;
use crate::text::viet::{skeleton, skeleton_eq};
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::LazyLock;

/// A figure; `81;3%` is OCR's `81,3%` (a `;` for the decimal comma, only
/// right before a percent sign).
static NUM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d+(?:[.,]\d+)*(?:;\d{1,2}%)?").expect("valid regex"));
static TABLE_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s|]*(?:stt(?:[^a-z]|$)|bieu mau\s+\d)").expect("valid regex"));

/// Words (as spelled; see [`is_word`]) before a number that make it a level, ordinal, rank or time, not a measure.
const CONTEXT_STOP: &[&str] = &[
    "mục",
    "mức",
    "độ",
    "khoản",
    "điều",
    "điểm",
    "chương",
    "phần",
    "thứ",
    "khóa",
    "năm",
    "tháng",
    "ngày",
    "quý",
    "kỳ",
    "đoạn",
    "lục",
    "mẫu",
    "tiết",
    "hạng",
    "phiên",
    "tầng",
    "lầu",
    "đường",
    "quận",
    "phường",
    "tổ",
    "thôn",
    "xóm",
    "ấp",
    "loại",
];
/// Column headings of appendix tables (folded). A line with
/// [`HEADER_WORDS_MIN`] of them is a table's header row even when OCR
/// damaged its `STT` cell.
const HEADER_WORDS: &[&str] = &[
    "stt",
    "noi dung",
    "chi tieu",
    "don vi",
    "so lieu",
    "ghi chu",
    "thoi gian",
    "chu tri",
    "phoi hop",
    "san pham",
    "ket qua",
    "ty le",
    "nhiem vu",
];
/// How many [`HEADER_WORDS`] make a header row.
const HEADER_WORDS_MIN: usize = 4;
/// Time words that, before a number, name a month, year or quarter
/// (`tháng 6`) — unless a measure word follows (`một tháng 01 lần`).
const TIME_BEFORE: &[&str] = &["tháng", "năm", "quý", "ngày", "tuần"];
/// Words after a number that make it a span of time, not a measure: an
/// age too, which says who a figure counts (`trẻ em dưới 6 tuổi`, `đủ 14
/// tuổi`), not how many.
const TIME_AFTER: &[&str] = &["tháng", "năm", "quý", "tuổi"];
/// Qualifiers printed before a value (folded).
const QUALIFIERS: &[&str] = &[
    "khoang",
    "hon",
    "tren",
    "gan",
    "duoi",
    "toi thieu",
    "toi da",
    "it nhat",
    "uoc",
    "uoc tinh",
    "xap xi",
    "chi",
];
/// Words that end a unit phrase (folded).
const UNIT_STOP: &[&str] = &[
    "đã", "được", "đang", "của", "trong", "tại", "với", "và", "cho", "theo", "thuộc", "để", "là",
    "có", "không", "từ", "đến", "về", "khi", "nhưng", "trên", "hơn", "mới", "như", "thì", "sẽ",
    "bị", "này", "do", "chiếm", "đạt", "gồm", "bao", "còn", "chưa", "ra", "trước", "sau", "dưới",
    "bằng", "tăng", "giảm", "vượt", "các", "những", "tất", "mọi",
];
/// Two-syllable nouns a report counts that open with a word of
/// [`UNIT_STOP`] (`9 vụ, 14 bị can`; `bị` alone is the passive, `5 người bị
/// thương`).
const STOP_NOUNS: &[&str] = &["bị can", "bị cáo", "bị hại"];
/// One-syllable nouns a report counts (`07 hộ còn lại`, `12 vụ vi phạm`,
/// `1.245 m2 đất`): the unit is the noun alone, whatever word follows it.
const COUNTED_NOUNS: &[&str] = &[
    "hộ", "vụ", "tuổi", "lô", "cơn", "ca", "xe", "cây", "trạm", "đội", "thùng", "liều", "mũi",
    "cuốn", "thửa", "căn", "hố", "ổ", "m2", "m3", "m²", "m³", "tạ", "sào",
];
/// One-syllable measure words: a unit that starts with one is one syllable long.
const ONE_SYLLABLE: &[&str] = &[
    "người", "lượt", "tin", "bài", "ảnh", "lần", "phút", "giờ", "ngày", "xã", "cái", "chiếc",
    "bản", "bộ", "đợt", "cuộc", "lớp", "buổi", "trang", "phiếu", "mã", "con", "ha", "km", "m",
    "kg", "tấn", "lít", "thôn", "điểm", "video", "clip", "tập",
];

/// Words printed without marks that are words as printed, common in
/// reports before an amount, not another word whose marks OCR lost (`truy
/// thu 1.842.560.000 đồng` is no `thứ`, `do 12 đơn vị` no `độ`; OCR's `do`
/// for `dỡ` ending a line before a table's row number now reads that number
/// as a count, once in the held-out scans).
const UNMARKED_WORDS: &[&str] = &["thu", "do"];

/// True when `w` is one of `list`: spelled the same (case aside), or, when `w`
/// carries no marks at all (marks lost by OCR) and is no word as printed
/// ([`UNMARKED_WORDS`]), the same once folded.
fn is_word(w: &str, list: &[&str]) -> bool {
    let lower = w.to_lowercase();
    if list.contains(&lower.as_str()) {
        return true;
    }
    if crate::text::viet::has_marks(&lower)
        || lower.contains('đ')
        || UNMARKED_WORDS.contains(&lower.as_str())
    {
        return false;
    }
    list.iter().any(|m| skeleton_eq(m, &lower))
}

/// Every figure in the document, in text order. `skip` holds printed spans
/// (citations, dates, periods) whose numbers are not figures.
pub(crate) fn find_kpis(doc: &DocText, skip: &[Span]) -> Vec<Kpi> {
    let t = &doc.text;
    let lines: Vec<&str> = t.split('\n').collect();
    // The `|` tables are read with the rules OCR misread put back (the
    // same bytes long, so offsets hold in either).
    let ruled = crate::text::pipes::restore(&lines);
    let ruled: Vec<&str> = ruled.iter().map(AsRef::as_ref).collect();
    let tables = crate::text::cells::find_tables(&ruled);
    let space_tables = crate::text::spaced::find_tables(&lines);
    // Printed spans of the `|` tables and those printed without rules,
    // whose figures are read by row.
    let table_spans: Vec<Span> = tables
        .iter()
        .map(|tb| (tb.heading_line, tb.end_line))
        .chain(space_tables.iter().map(|tb| (tb.heading_line, tb.end_line)))
        .map(|(a, b)| (doc.line_offset(a), doc.line_offset(b)))
        .collect();
    let appendix = appendix_tables(doc, &table_spans);
    let cell_kpis: Vec<(Span, Kpi)> = tables
        .iter()
        .flat_map(|tb| cell_table::table_kpis(doc, &ruled, tb))
        .chain(
            space_tables
                .iter()
                .flat_map(|tb| space_table::table_kpis(doc, &lines, tb)),
        )
        .collect();
    // What the tables read: their headings and figure cells. Figures inside
    // a longer cell (`chịu thuế suất 5%`) are read as in running text.
    let cell_spans: Vec<Span> = tables
        .iter()
        .map(|tb| (tb.heading_line, tb.first_row))
        .chain(
            space_tables
                .iter()
                .map(|tb| (tb.heading_line, tb.heading_line + 1)),
        )
        .map(|(a, b)| (doc.line_offset(a), doc.line_offset(b)))
        .chain(cell_kpis.iter().map(|&(span, _)| span))
        .chain(
            space_tables
                .iter()
                .flat_map(|tb| space_table::unread_spans(doc, &lines, tb)),
        )
        .collect();
    let mut out: Vec<(usize, Kpi)> = cell_kpis.into_iter().map(|((at, _), k)| (at, k)).collect();
    // Where the last level or ordinal ended, and the word before it.
    let mut last_context_stop: Option<(usize, String)> = None;
    // The last count read in running text with its unit (not money): where
    // its unit ends, and the unit, which the parts listed after it share.
    let mut last_count: Option<(usize, String)> = None;
    for m in NUM.find_iter(t) {
        let s = m.start();
        // `81;3%`: the figure ends before the percent sign, read with a comma.
        let (e, figure) = match m.as_str().strip_suffix('%') {
            Some(f) => (m.end() - 1, f.replace(';', ",")),
            None => (m.end(), m.as_str().to_owned()),
        };
        if skip.iter().chain(&cell_spans).any(|&(a, b)| s < b && a < e) {
            continue;
        }
        let Some(mut value) = parse_vn(&figure) else {
            continue;
        };
        // A part of a whole (`148/162 thôn`): the count, read up to the whole.
        let (e, mut out_of) = match part_of_whole(t, s, e, value) {
            Some((end, whole)) => (end, Some(whole)),
            None => (e, None),
        };
        // A rate per head of population (`12,4/1.000 dân`): its unit.
        let per_head = if out_of.is_none() {
            per_population(t, e)
        } else {
            None
        };
        let prev = t[..s].chars().next_back();
        let next = t[e..].chars().next();
        let next2 = t[e..].chars().nth(1);
        // A number right after `<unit>/` is a second measure (`01 lần/30 phút`).
        let after_unit_slash = prev == Some('/')
            && t[..s.saturating_sub(1)]
                .chars()
                .next_back()
                .is_some_and(char::is_lowercase);
        if misread_slash_year(&figure) {
            continue;
        }
        // OCR's speck between a word and its figure: `phường:.690 triệu`,
        // `hỗ trợ-70%` (a `-` only before a percentage: `COVID-19` is a name).
        // Only after a colon: a dot after a word is too often a code or a
        // label (`CC.21600`, `QL.6`, `điểm a.5`, `khoản.3`).
        let before_prev = t[..s].chars().rev().nth(1);
        // A minus opening a bracketed change (`giảm 04 vụ (-17,4%)`) is the
        // figure's sign.
        let minus = prev == Some('-') && before_prev == Some('(') && next == Some('%');
        if minus {
            value = -value;
        }
        let speck_before = match prev {
            Some('.') => before_prev == Some(':'),
            Some('-') => before_prev.is_some_and(char::is_lowercase) && next == Some('%') || minus,
            _ => false,
        };
        // Looked for only beside a dash: a line's figures are many.
        let dashed = (prev == Some('-') || next == Some('-'))
            && out_of.is_none()
            && in_dashed_range(doc, s, e);
        if prev.is_some_and(|c| {
            (c.is_alphanumeric() || "/.,-=:_&".contains(c))
                && !(c == '/' && after_unit_slash)
                && !speck_before
                && !(c == '-' && dashed)
        }) || next.is_some_and(|c| c.is_alphanumeric() || c == '=' || c == '_')
            || (matches!(next, Some('/' | ':' | '-'))
                && next2.is_some_and(|c| c.is_ascii_digit())
                && per_head.is_none()
                && !(next == Some('-') && dashed))
        {
            continue;
        }
        let ls = doc.line_start(s);
        let line_end = doc.line_end(s);
        let in_table = appendix.iter().any(|&(a, b)| a <= ls && ls < b);
        let first_on_line = t[ls..s].chars().all(|c| c.is_whitespace() || c == '|');
        // A section number (`4.`, `4)`), or one whose dot OCR read as `,` or
        // `:` before a capitalised heading (`4, Tuyên truyền`).
        let misread_marker = matches!(next, Some(',' | ':'))
            && next2 == Some(' ')
            && t[e..].chars().nth(2).is_some_and(char::is_uppercase);
        // In a table read by rows, a figure opening a line's first cell
        // before a word is its row number, maybe with the bar after it read
        // as a `1` (`141 Trạm Y tế` for `| 4 | Trạm Y tế`); not a figure
        // wrapped into a later cell (`| | 8.450 trang) |`).
        let table_row = || {
            table_spans.iter().any(|&(a, b)| a <= ls && ls < b)
                && t[ls..s].matches('|').count() <= 1
                && t[e..line_end].starts_with(' ')
                && t[e..line_end].trim_start().starts_with(char::is_alphabetic)
        };
        if first_on_line
            && (in_table
                || matches!(next, Some('.' | ')'))
                || misread_marker
                || row_number(&t[e..line_end])
                || table_row())
        {
            continue;
        }
        // Levels and ordinals, and the numbers listed after them.
        let head = &t[super::doc::floor_boundary(t, s.saturating_sub(40))..s];
        let prev_word = head
            .trim_end()
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        // A level or ordinal is a small whole number: a figure with a
        // thousands dot or a decimal comma after `mức 1 và` is a count
        // (`mức 1 và 2.105.836 tài khoản mức 2`).
        let level_like = figure.len() <= 3 && figure.bytes().all(|b| b.is_ascii_digit());
        let list_gap = level_like
            && last_context_stop.as_ref().is_some_and(|(le, stop)| {
                let le = *le;
                le <= s
                    && {
                        // The joiners are at most four letters long: a longer gap
                        // (often the rest of the document) is none and is not folded.
                        let gap = t[le..s].trim();
                        gap.chars().nth(4).is_none() && {
                            let g = skeleton(gap);
                            g.is_empty() || g == "," || g == "va" || g == "-" || g == "hoac"
                        }
                    }
                    && !own_level_follows(&t[e..], stop)
            });
        // A rate per head, or a range's low end before one, is a measure
        // (looked for only after a level's word).
        let rate_ahead = || {
            per_head.is_some()
                || RANGE_HIGH
                    .find(&t[e..])
                    .is_some_and(|m| per_population(t, e + m.end()).is_some())
        };
        // `năm` before a figure with a thousands dot or a decimal comma names
        // no year (`trong năm 3.856,4 triệu đồng`). After `ngày` or `tháng`
        // such a figure is more often OCR's date (`ngày 31,72` for `31/7`).
        let calendar_amount = is_word(prev_word, &["năm"]) && {
            // Well formed: `3.856,4`, `1.200`, `12,5`; not OCR's `2026.1`.
            let (whole, decimals) = figure.split_once(',').unwrap_or((&figure, ""));
            let groups: Vec<&str> = whole.split('.').collect();
            groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
                && decimals.bytes().all(|b| b.is_ascii_digit())
                && (super::number::thousands(&groups) || groups.len() == 1 && !decimals.is_empty())
        };
        if (is_word(prev_word, CONTEXT_STOP)
            && !calendar_amount
            && !rate_ahead()
            && !is_frequency(prev_word, &t[e..])
            && !not_a_level(head, prev_word, &t[e..]))
            || list_gap
            || (t[ls..s].trim_end().ends_with('=') && is_code(&figure))
        {
            let stop = match last_context_stop.take() {
                // A list goes on under its first level's word.
                Some((_, stop)) if list_gap => stop,
                _ => prev_word.to_lowercase(),
            };
            last_context_stop = Some((e, stop));
            continue;
        }
        let after = &t[e..];
        let trimmed = after.trim_start();
        let wlen = trimmed
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(trimmed.len());
        let next_word = &trimmed[..wlen];
        // A rate's sign after the figure: per cent, or per mille (`6,8‰` of
        // salinity, birth rates).
        let rate_sign = after
            .trim_start_matches([' ', '\t'])
            .chars()
            .next()
            .filter(|c| matches!(c, '%' | '‰'));
        if is_word(next_word, TIME_AFTER) && !trimmed[wlen..].starts_with('/') {
            continue;
        }
        // A rating (`sản phẩm OCOP đạt 4 sao`) is a grade, not a count.
        if next_word == "sao" && !trimmed[wlen..].starts_with('/') {
            continue;
        }
        // A time of day (`14 giờ 00 phút`, `từ 7 giờ 30`): the hour, with
        // its minutes after, and the minutes; `trong 24 giờ` is a measure.
        let after_hour = trimmed[wlen..].trim_start();
        let clock_hour = is_word(next_word, &["giờ"])
            && (after_hour.starts_with(|c: char| c.is_ascii_digit())
                || is_word(first_word(after_hour), DAY_AFTER_HOUR));
        if clock_hour || is_word(prev_word, &["giờ"]) {
            continue;
        }
        let plain = figure.bytes().all(|b| b.is_ascii_digit());
        if !in_table
            && plain
            && figure.len() == 4
            && (1900.0..=2100.0).contains(&value)
            && rate_sign.is_none()
        {
            continue;
        }
        // Qualifier before the value.
        let (qualifier, qstart) = qualifier_before(doc, s);
        // Unit after the value.
        let mut confidence = 0.8;
        let (unit, uend) = if let Some(sign) = rate_sign {
            let p = e + after.find(sign).unwrap_or(0) + sign.len_utf8();
            confidence = 0.9;
            (Some(sign.to_string()), p)
        } else if let Some((u, end)) = per_head {
            (Some(u), end)
        } else if in_table {
            let rest = t[e..line_end].trim_matches(|c: char| c.is_whitespace() || c == '|');
            if !rest.is_empty() || first_on_line || after_noise(&t[ls..s]) {
                continue;
            }
            // A group's or a form's name and number (`Đoàn kiểm tra số 1`,
            // `Mẫu số 01`), not a `Tổng số` that counts; `số` as printed,
            // not `sơ` (`Hồ sơ 40.927`) with its marks lost.
            let tong = head
                .split_whitespace()
                .nth_back(1)
                .is_some_and(|w| skeleton_eq(w, "tong"));
            if prev_word.to_lowercase() == "số" && !tong {
                continue;
            }
            confidence = 0.7;
            (None, e)
        } else {
            match unit_after(doc, e) {
                Some((u, end, scale)) => {
                    if counts_whole_things(&u) && comma_for_thousands_dot(&figure) {
                        // `4,650 hộ`: no fraction of a household; OCR read
                        // the thousands dot as a comma.
                        value = parse_vn(&figure.replace(',', ".")).unwrap_or(value);
                        confidence = 0.6;
                    }
                    value *= scale;
                    out_of = out_of.map(|whole| whole * scale);
                    if scale == 1.0 && !is_word(first_word(&u), &["đồng"]) {
                        last_count = Some((end, u.clone()));
                    }
                    (Some(u), end)
                }
                None => {
                    if let Some((u, scale)) = range_upper_unit(doc, e) {
                        // `5 đến 7 cơn bão`, `11 - 13 cơn`: the low end is
                        // measured in the high end's unit.
                        value *= scale;
                        (Some(u), e)
                    } else if let Some(u) = breakdown_unit(t, s, e, last_count.as_ref()) {
                        confidence = 0.6;
                        (Some(u), e)
                    } else if is_average_score(head) {
                        // `điểm trung bình 5,06`: a score, in points.
                        (Some("điểm".to_owned()), e)
                    } else {
                        continue;
                    }
                }
            }
        };
        let label = if in_table {
            // The row's label cells, at most the last MAX_CELL_LABEL bytes
            // of them (a runaway line must not copy itself into every figure).
            let from = super::doc::floor_boundary(t, qstart.saturating_sub(MAX_CELL_LABEL)).max(ls);
            let cell =
                t[from..qstart.max(from)].trim_matches(|c: char| c.is_whitespace() || c == '|');
            let cell = cell
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
                .trim_matches(|c: char| c.is_whitespace() || c == '|');
            (!cell.is_empty()).then(|| squash(&cell.replace('|', " ")))
        } else {
            label_before(doc, qstart)
        };
        out.push((
            s,
            Kpi {
                label,
                value,
                unit,
                qualifier,
                out_of,
                raw: squash(doc.slice((qstart, uend))),
                line: doc.line_of(s),
                confidence,
            },
        ));
    }
    // Table cells and the text around them, in text order.
    out.sort_by_key(|&(at, _)| at);
    out.into_iter()
        .map(|(_, mut k)| {
            k.unit = k.unit.as_deref().and_then(canonical_unit);
            k
        })
        .collect()
}

/// Quote marks a unit never holds: OCR's specks beside its letters
/// (`(hồ sơ”)`).
const UNIT_QUOTES: &[char] = &['"', '\'', '“', '”', '‘', '’', '`'];

/// A KPI's unit in one spelling however printed: quote specks at its ends
/// dropped (none left: no unit), an area's or a volume's power written as
/// the superscript (`m2`, `km2`, `đồng/m2` → `m²`, `km²`, `đồng/m²`; OCR
/// reads `²` as `2`, and writers use both).
fn canonical_unit(unit: &str) -> Option<String> {
    let u = unit.trim_matches(UNIT_QUOTES).trim();
    if u.is_empty() {
        return None;
    }
    // Each word between spaces and slashes, its separator kept.
    let mut out = String::with_capacity(u.len() + 2);
    for piece in u.split_inclusive([' ', '/']) {
        let word = piece.trim_end_matches([' ', '/']);
        out.push_str(crate::text::powered_unit(word).map_or(word, |(sup, _)| sup));
        out.push_str(&piece[word.len()..]);
    }
    Some(out)
}

/// `đến 7`, `- 13`, `tới 80`: the high end of a range after its low end.
static RANGE_HIGH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:đến|tới|-|–)\s*\d+(?:[.,]\d+)*").expect("valid regex"));

/// A figure at its line's start or after a space or bracket (group 1),
/// right before a figure after a bare dash (group 2): `200-350`, `18-20`.
static DASHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(])(\d+(?:[.,]\d+)*)-(\d+(?:[.,]\d+)*)").expect("valid regex")
});

/// Is the figure at printed `s..e` an end of a range printed with a bare
/// dash and measured (`lượng mưa từ 200-350 mm`, `khoảng 18-20%`): the low
/// end below the high and not ten times less, neither a year (`2026-2027`
/// is a span of years, not a measure), the high end followed by a per cent
/// sign, money or a word a report counts or measures in (not an age's
/// subject: `phụ nữ 15-49 sử dụng`, nor hours), no figure, slash or dash
/// chained on either end (`0912-345-678`), and not in brackets?
fn in_dashed_range(doc: &DocText, s: usize, e: usize) -> bool {
    let t = &doc.text;
    let (ls, le) = (doc.line_start(s), doc.line_end(s));
    let line = &t[ls..le];
    DASHED.captures_iter(line).any(|c| {
        let (Some(low), Some(high)) = (c.get(1), c.get(2)) else {
            return false;
        };
        let (lo, hi) = (
            (ls + low.start(), ls + low.end()),
            (ls + high.start(), ls + high.end()),
        );
        if (s, e) != lo && (s, e) != hi {
            return false;
        }
        let (Some(a), Some(b)) = (parse_vn(low.as_str()), parse_vn(high.as_str())) else {
            return false;
        };
        let year = |m: regex::Match<'_>| crate::text::is_year(m.as_str());
        let rest = &t[hi.1..le];
        let chained = rest.starts_with(['-', '/', '.', ','])
            && rest[1..].starts_with(|c: char| c.is_ascii_digit());
        let measured = rest.trim_start().starts_with('%')
            || rest.starts_with(' ')
                && unit_after(doc, hi.1).is_some_and(|(u, _, scale)| {
                    let w = first_word(&u);
                    scale != 1.0
                        || is_word(w, COUNTED_NOUNS)
                        || is_word(w, ONE_SYLLABLE) && !is_word(w, &["giờ", "phút"])
                        || is_word(w, RANGE_UNITS)
                        || counts_whole_things(&u)
                });
        // In brackets a range restates a level (`cấp 11 (103-117 km/h)`).
        let bracketed = t[..lo.0].ends_with('(');
        a < b && b <= 10.0 * a && !year(low) && !year(high) && !chained && measured && !bracketed
    })
}

/// Units of a range with a bare dash besides the counted nouns and measure
/// words ([`COUNTED_NOUNS`], [`ONE_SYLLABLE`]): `200-350 mm`, `2-3 tuần`.
const RANGE_UNITS: &[&str] = &["mm", "cm", "tuần", "độ"];

/// The unit and money scale of a range's low end, printed without one,
/// ending at printed offset `e`: its high end's (`5 đến 7 cơn bão`, `từ 2
/// đến 3 tỷ đồng`), unless that end is a span of time or an age (`6 đến 12
/// tháng`).
fn range_upper_unit(doc: &DocText, e: usize) -> Option<(String, f64)> {
    let high = RANGE_HIGH.find(&doc.text[e..])?;
    let after = &doc.text[e + high.end()..];
    if is_word(first_word(after), TIME_AFTER) {
        return None;
    }
    // `15 - 25%`, `18-20%`: a range of rates.
    if after.trim_start_matches(' ').starts_with('%') {
        return Some(("%".to_owned(), 1.0));
    }
    unit_after(doc, e + high.end())
        .map(|(u, _, scale)| (u, scale))
        .or_else(|| {
            // `12,0 - 12,5/1.000 dân`: the high end's rate per head.
            let (u, _) = per_population(&doc.text, e + high.end())?;
            Some((u, 1.0))
        })
}

/// Longest stretch of text (bytes) between a count and the last of the
/// parts it is broken down into.
const MAX_BREAKDOWN: usize = 240;

/// The unit of a figure printed without one (at `s..e` of `t`) as one part
/// of the count before it, broken down in brackets or after `trong đó`
/// right after its unit: `612 TTHC (ban hành mới 148, sửa đổi 291)`,
/// `1.947 thủ tục, trong đó cấp tỉnh 1.503, cấp huyện 276`. The part ends
/// its item (a mark or the line's end follows) after a word in small
/// letters that is no level, time or number word (`Điều 6`, `mẫu số 2`
/// are none); only words, figures and list marks stand between the count
/// and it, no sentence's end. A count of time (`ngày`, `giờ`) has no
/// parts. `count`: where the last count's unit ends, and the unit.
fn breakdown_unit(t: &str, s: usize, e: usize, count: Option<&(usize, String)>) -> Option<String> {
    let (end, unit) = count?;
    if *end > s || s - end > MAX_BREAKDOWN || is_word(first_word(unit), CLOCK_UNITS) {
        return None;
    }
    let ends_item = t[e..]
        .chars()
        .next()
        .is_none_or(|c| matches!(c, ',' | ';' | ')' | '.' | '\n'));
    let gap = &t[*end..s];
    let head = gap.trim_start_matches([' ', ',', ':']);
    // A bracket lists parts, two figures or more (`(tính từ quốc lộ 7)` is
    // an aside).
    let opened = head.starts_with('(') && gap.matches('(').count() == 1 && !gap.contains(')') && {
        let close = t[s..].find(')').map_or(s, |c| s + c);
        close - s <= MAX_BREAKDOWN && NUM.find_iter(&t[*end..close]).count() >= 2
    };
    let listed = head
        .split_whitespace()
        .take(2)
        .map(|w| skeleton(w.trim_end_matches([':', ','])))
        .eq(["trong", "do"]);
    let plain = gap.chars().all(|c| {
        c.is_alphanumeric() || c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '(' | '-')
    });
    let sentence_ends = gap
        .char_indices()
        .any(|(i, c)| c == '.' && gap[i + 1..].starts_with(char::is_whitespace));
    let label = gap
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let label_ok = !label.is_empty()
        && label.chars().all(char::is_lowercase)
        && !is_word(label, CONTEXT_STOP)
        && !is_word(label, CLOCK_UNITS)
        && !is_word(label, BREAKDOWN_NOT_LABEL);
    (ends_item && (opened || listed) && plain && !sentence_ends && label_ok).then(|| unit.clone())
}

/// Words before a figure that make it no part of a count besides the
/// units of time ([`CLOCK_UNITS`]): a number's (`mẫu số 2`), a bound's
/// (`đến 190`, `tối đa là 30`).
const BREAKDOWN_NOT_LABEL: &[&str] = &["số", "lần", "là", "đến", "từ", "tới", "và", "với"];

/// First words of units that count whole things (people, households,
/// files, cases), folded: their figures have no fraction.
/// Items (`cái`, `chiếc`, `đơn vị`) are left out: norm tables measure them in
/// fractions (`16,750 cái` per unit of work).
const WHOLE_COUNTS: &[&str] = &[
    "người",
    "hộ",
    "lượt",
    "hồ",
    "vụ",
    "trường",
    "doanh",
    "học",
    "thành",
    "cán",
    "giấy",
    "phiếu",
    "căn",
    "trẻ",
    "bệnh",
];

/// Does `unit` count whole things (`hộ`, `người`, `hồ sơ`)?
fn counts_whole_things(unit: &str) -> bool {
    unit.split_whitespace()
        .next()
        .is_some_and(|w| is_word(w, WHOLE_COUNTS))
}

/// `4,650`: one comma followed by exactly three digits and nothing else — a
/// thousands dot misread, where the figure counts whole things.
fn comma_for_thousands_dot(figure: &str) -> bool {
    figure.split_once(',').is_some_and(|(a, b)| {
        !a.starts_with('0')
            && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
            && super::number::thousands(&[a, b])
    })
}

/// Does a figure's own level follow it, a word after it (`06 chợ hạng 1,
/// 28 chợ hạng 2`: `chợ`, then the list's word `stop` and a figure)? Then it
/// counts, and lists no further level; a joiner after it (`5, 6 và 7 vào sau
/// khoản 4`) goes on with the list.
fn own_level_follows(after: &str, stop: &str) -> bool {
    let mut next = after.split_whitespace();
    let joiner = next
        .next()
        .is_some_and(|w| is_word(w, &["và", "hoặc", "đến", "tới"]));
    !joiner
        && next.next().is_some_and(|w| is_word(w, &[stop]))
        && next
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// Words after `N giờ` that make it a time of day (`trước 15 giờ thứ Sáu`,
/// `16 giờ ngày 20/8`, `8 giờ sáng`), not a length of time.
const DAY_AFTER_HOUR: &[&str] = &[
    "thứ", "ngày", "sáng", "chiều", "tối", "trưa", "hằng", "hàng",
];

/// True when `prev` is a time word and a measure word follows the number
/// (`tháng 01 lần`, `năm 2 đợt`): a frequency, not a date part.
fn is_frequency(prev: &str, after: &str) -> bool {
    if !is_word(prev, TIME_BEFORE) {
        return false;
    }
    let w = first_word(after);
    is_word(w, ONE_SYLLABLE) && !is_word(w, TIME_BEFORE) && !is_word(w, &["giờ", "phút"])
}

/// Skeletons of the words that make a `mức` figure an amount: `mức 2,5
/// triệu đồng/hộ` is a rate, `mức 2` a level.
const AMOUNT_WORDS: &[&str] = &["nghin", "ngan", "trieu", "ty", "dong", "%"];

/// Is a figure after a word of [`CONTEXT_STOP`] a measure all the same: after
/// `dứt điểm` (`xử lý dứt điểm 27 vụ`: thoroughly, no point of a list),
/// `danh mục` (a list, no section) or, on its line, `các loại` (`rau các
/// loại 74,3 ha`: of every kind, no category), or
/// after `mức` or `độ` when an amount of money or a percentage follows, or
/// after `tốc độ` (a speed, or a count of speeding)? `head` is
/// the text before the figure, ending with `prev`.
fn not_a_level(head: &str, prev: &str, after: &str) -> bool {
    // `dứt điểm 27 vụ`, `danh mục 12 dự án`: no point, no section, in
    // running text (a heading's `DANH MỤC 2`, `Danh mục 2` numbers a list);
    // `(cùng kỳ 05 vụ)`: the same period's count, no term's number.
    let small = |w: &str| !w.chars().any(char::is_uppercase);
    let same_line = !head.trim_end_matches([' ', '\t']).ends_with('\n');
    let word_before = || head.trim_end().rsplit(char::is_whitespace).nth(1);
    // `chạy quá tốc độ 5 vụ`, `tốc độ 60 km/h`: a speed is no grade.
    if is_word(prev, &["độ"]) && word_before().is_some_and(|w| is_word(w, &["tốc"])) {
        return true;
    }
    for (word, compound) in [
        ("điểm", "dứt"),
        ("mục", "danh"),
        ("loại", "các"),
        ("kỳ", "cùng"),
        // `phân bổ chi tiết 386,4 tỷ đồng`: in detail, no lesson's number.
        ("tiết", "chi"),
    ] {
        if is_word(prev, &[word]) {
            if word == "loại" && !same_line {
                return false;
            }
            let before = word_before().map(|w| w.trim_start_matches('('));
            return small(prev) && before.is_some_and(|w| small(w) && is_word(w, &[compound]));
        }
    }
    // The amount may open the next line (`mức 10.000.000` / `đồng/trường
    // hợp`): a paragraph wraps anywhere.
    let after = after.trim_start();
    let w = if after.starts_with('%') {
        "%"
    } else {
        first_word(after)
    };
    let amount = AMOUNT_WORDS.contains(&skeleton(w).as_str());
    // `chế độ 42,65 tỷ đồng` (a line may end at `chế độ`): money, where
    // `nồng độ 40%` stays a grade.
    is_word(prev, &["mức"]) && amount || is_word(prev, &["độ"]) && amount && w != "%"
}

/// The word `after` opens with, past spaces and tabs (empty when a mark
/// comes first).
fn first_word(after: &str) -> &str {
    after
        .trim_start_matches([' ', '\t'])
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
}

/// An ungrouped five-digit number that is `1` or `7` and a year: the OCR of
/// `/2025` or `I/2025`. Vietnamese figures of five digits or more group
/// their thousands with `.` (`12.025`), so this is no figure.
fn misread_slash_year(num: &str) -> bool {
    num.len() == 5
        && num.bytes().all(|b| b.is_ascii_digit())
        && matches!(num.as_bytes().first(), Some(b'1' | b'7'))
        && num
            .get(1..)
            .and_then(|y| y.parse::<u32>().ok())
            .is_some_and(|y| (1900..=2100).contains(&y))
}

/// True when the cell text before a table figure ends in OCR noise from
/// table rules and stamps: two of its last three tokens (`|` aside) are a
/// lone letter or mark, one of them a letter (`~ X 2`, `e . 2 1`; dot
/// leaders `. .` alone are no noise).
fn after_noise(head: &str) -> bool {
    let lone: Vec<char> = head
        .split(|c: char| c.is_whitespace() || c == '|')
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .filter_map(|w| {
            let mut cs = w.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) if !c.is_numeric() => Some(c),
                _ => None,
            }
        })
        .collect();
    lone.len() >= 2 && lone.iter().any(|c| c.is_alphabetic())
}

/// Longest run of text before a table figure read as its row label.
const MAX_CELL_LABEL: usize = 400;

/// Finds every [`HEADER_WORDS`] occurrence in one pass.
static HEADER_MATCHER: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(HEADER_WORDS).expect("valid patterns"));

/// True when the folded line is a table's header row: enough column headings.
fn is_header_row(folded_line: &str) -> bool {
    let squashed = squashed(folded_line);
    let mut seen = [false; HEADER_WORDS.len()];
    // Overlapping search: every occurrence of every heading is looked at, as
    // a search per heading would.
    for m in HEADER_MATCHER.find_overlapping_iter(squashed.as_ref()) {
        if word_bounded(&squashed, m.start(), m.len()) {
            seen[m.pattern().as_usize()] = true;
        }
    }
    seen.iter().filter(|&&hit| hit).count() >= HEADER_WORDS_MIN
}

/// True when `s[i..i + n]` has no letter touching it on either side.
fn word_bounded(s: &str, i: usize, n: usize) -> bool {
    let before = s[..i].chars().next_back();
    let after = s[i + n..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Can `figure`, after `=`, be a code a legend gives (`Có=1`, `Không =
/// 0`: one or two plain digits) or a coefficient (`hệ số k = 1,2`: a
/// decimal)? A whole number of three digits or more is a computation's
/// result (`40 người x 7.850.000 đồng x 09 tháng = 2.826.000.000 đồng`).
fn is_code(figure: &str) -> bool {
    figure.contains(',') || figure.len() <= 2 && figure.bytes().all(|b| b.is_ascii_digit())
}

/// Printed spans of the tables read by line (an appendix's, or a body's
/// table that neither [`crate::text::cells`] nor [`crate::text::spaced`]
/// read): from a heading row to the end of the text, or to where the body's
/// prose resumes ([`prose_resumes`]). The `|` tables and tables without
/// rules found (`read_tables`) are none.
fn appendix_tables(doc: &DocText, read_tables: &[Span]) -> Vec<Span> {
    let folded: Vec<&str> = doc.folded.split('\n').collect();
    let printed: Vec<&str> = doc.text.split('\n').collect();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut off = 0;
    for (i, line) in folded.iter().enumerate() {
        let at = doc.to_orig(off);
        off += line.len() + 1;
        match start {
            None => {
                let in_read_table = read_tables.iter().any(|&(a, b)| a <= at && at < b);
                // A line going on with a sentence (opening with a small
                // letter) is prose, whatever column words it holds (`nhiệm
                // vụ …, phân công rõ đơn vị chủ trì, phối hợp và thời`).
                // So is a list's item (`- Xác định rõ nhiệm vụ, đơn vị chủ
                // trì, thời gian hoàn thành; …`): no heading row opens with
                // a dash.
                let prose = printed.get(i).is_some_and(|l| {
                    let l = l.trim_start();
                    l.starts_with(char::is_lowercase) || l.starts_with("- ") || l.starts_with("+ ")
                });
                if !in_read_table && (TABLE_START.is_match(line) || (!prose && is_header_row(line)))
                {
                    start = Some(at);
                }
            }
            Some(a) if prose_resumes(&printed, i) => {
                out.push((a, at));
                start = None;
            }
            Some(_) => {}
        }
    }
    if let Some(a) = start {
        out.push((a, doc.text.len()));
    }
    out
}

/// Does the body's prose resume at line `i` of `lines`: a blank line, then
/// a numbered heading with no figure after its number (`3. Chủ động phương
/// án di dời`), or a part's heading and its first item's (`IV. TỔ CHỨC
/// THỰC HIỆN` / `1. Phòng Quản lý chất lượng`), then a sentence of five
/// words or more (`Trường hợp kết quả kiểm định …`)? A table's rows print
/// figures, and its groups' names no sentence under them.
fn prose_resumes(lines: &[&str], i: usize) -> bool {
    static HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:(?:Điều\s+)?\d{1,2}|[IVX]{1,4})\.\s+\p{Lu}[^\d|]*$")
            .expect("valid regex")
    });
    // A sentence, maybe opening a list's item (`a) Rà soát, phát triển …`),
    // or a numbered one printing no figure (`1. Giao Ủy ban nhân dân xã tổ
    // chức thực hiện …`: a table's numbered row prints its figures).
    let sentence = |l: &str| {
        let l = l.trim();
        let item = l
            .split_once(") ")
            .is_some_and(|(m, _)| m.chars().count() == 1 && m.starts_with(char::is_lowercase));
        let numbered = l.split_once(". ").is_some_and(|(m, rest)| {
            (1..=2).contains(&m.len())
                && m.bytes().all(|b| b.is_ascii_digit())
                && !rest.contains(|c: char| c.is_ascii_digit())
        });
        !l.contains('|')
            && l.split_whitespace().count() >= 5
            && (l.starts_with(|c: char| c.is_uppercase() || c == '-') || item || numbered)
    };
    let heading = |k: usize| lines.get(k).is_some_and(|l| HEADING.is_match(l));
    lines.get(i).is_some_and(|l| l.trim().is_empty())
        && heading(i + 1)
        && (lines.get(i + 2).is_some_and(|l| sentence(l))
            || heading(i + 2) && lines.get(i + 3).is_some_and(|l| sentence(l)))
}

/// The qualifier words right before printed offset `s`, and where they start.
fn qualifier_before(doc: &DocText, s: usize) -> (Option<String>, usize) {
    let t = &doc.text;
    // Up to three words before `s`, with their start offsets, nearest first.
    let mut words: Vec<(usize, String)> = Vec::new();
    let mut end = s;
    while words.len() < 3 {
        let head = t[..end].trim_end();
        if head.is_empty() || !head.ends_with(char::is_alphabetic) {
            break;
        }
        let start = head
            .rfind(|c: char| !c.is_alphabetic())
            .map(|i| i + head[i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
        words.push((start, skeleton(&head[start..])));
        end = start;
    }
    let mut start = s;
    let mut used = 0;
    while used < words.len() {
        let hit = QUALIFIERS.iter().find_map(|q| {
            let n = q.split(' ').count();
            if used + n > words.len() {
                return None;
            }
            let phrase: Vec<&str> = words[used..used + n]
                .iter()
                .rev()
                .map(|(_, w)| w.as_str())
                .collect();
            (phrase.join(" ") == *q).then_some(n)
        });
        match hit {
            Some(n) => {
                used += n;
                start = words[used - 1].0;
            }
            None => break,
        }
    }
    let q = squash(&t[start..s]);
    ((!q.is_empty()).then_some(q), start)
}

/// Words before a slashed pair that make it a day and month (`ngày 1/6`),
/// not a part of a whole.
const DAY_BEFORE: &[&str] = &["ngày", "sáng", "chiều", "tối", "đêm", "từ", "đến"];

/// Is a line's first figure a table row's number (`1 Chi phí xây dựng 34.560
/// 80,7`: a table printed without rules)? A capitalised word follows it and
/// the line ends with two figures or more (the row's cells).
fn row_number(rest: &str) -> bool {
    let capital = rest
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(char::is_uppercase));
    let figures = rest
        .split_whitespace()
        .rev()
        .take_while(|w| {
            w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '-'))
        })
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .count();
    capital && figures >= 2
}

/// Units of time after a slashed pair: `24/24 giờ` is round the clock.
const CLOCK_UNITS: &[&str] = &["giờ", "phút", "giây", "ngày", "tuần", "tháng", "năm", "quý"];

/// Least whole of a part of a whole (but all of a few: `9/9 thôn`): `2/3
/// diện tích`, `1/5 kích thước` are fractions.
const MIN_WHOLE: f64 = 10.0;

/// A whole count `part` (printed at `s..e`, no decimal comma) is a part of:
/// `148/162 thôn`, `20/20 xã` (reports count what met a target against all
/// there are). The figure after the slash is a whole count of at least
/// [`MIN_WHOLE`] and no smaller than `part`, and a space and a word in
/// small letters follow it, no unit of time (a date goes on with a slash or
/// a year; `4/5 Chương` is a page of a code). Returns the end of the whole
/// and its value.
fn part_of_whole(t: &str, s: usize, e: usize, part: f64) -> Option<(usize, f64)> {
    // The unit may open the next line (`9/16` / `tổ dân phố`).
    static WHOLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^/(\d+(?:\.\d{3})*(?:,\d+)?)[ \t]*\n?[ \t]*(\p{Ll}+)").expect("valid regex")
    });
    // Cheap test first: this runs at every figure.
    if !t[e..].starts_with('/') {
        return None;
    }
    let c = WHOLE.captures(&t[e..])?;
    let (m, unit) = (c.get(1)?, c.get(2)?.as_str());
    // Decimals are amounts of money (`121,3/412,8 tỷ đồng`: disbursed of
    // planned), never counts.
    let decimal = part.fract() != 0.0 || t[s..e].contains(',') || m.as_str().contains(',');
    if decimal && scale_of(&skeleton(unit)).is_none() {
        return None;
    }
    let whole = parse_vn(m.as_str())?;
    let prev_word = t[..s].trim_end().rsplit(char::is_whitespace).next()?;
    // `24/24`: round the clock (`trực 24/24`), whatever follows.
    let clock = part == 24.0 && whole == 24.0;
    // `9/9 thôn`: all of a few, no fraction (a fraction's part is smaller).
    let all = part == whole && whole >= 2.0;
    let counts = !clock && part <= whole && (whole >= MIN_WHOLE || all);
    let dated = is_word(prev_word, DAY_BEFORE) || is_word(unit, CLOCK_UNITS);
    (counts && !dated).then_some((e + m.end(), whole))
}

/// Does `head` (the text before a figure) end with an average score's name
/// (`điểm trung bình`, `điểm bình quân`, marks maybe lost)?
fn is_average_score(head: &str) -> bool {
    let words: Vec<&str> = head.split_whitespace().rev().take(3).collect();
    matches!(words[..], [b, a, d] if skeleton_eq(d, "diem")
        && (skeleton_eq(a, "trung") && skeleton_eq(b, "binh")
            || skeleton_eq(a, "binh") && skeleton_eq(b, "quan")))
}

/// The unit of a rate per head of population after printed offset `e`
/// (`/1.000 dân`, `/100.000 dân`, `/1000 trẻ`: a slash, a one and zeros,
/// a word), and where it ends.
fn per_population(t: &str, e: usize) -> Option<(String, usize)> {
    static BASE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^/[ \t]?(1(?:0{0,2}(?:\.000)+|000+))[ \t]+(\p{Ll}+)").expect("valid regex")
    });
    // Cheap test first: this runs at every figure.
    if !t[e..].starts_with('/') {
        return None;
    }
    let c = BASE.captures(&t[e..])?;
    let end = c.get(0)?.end();
    Some((format!("/{} {}", &c[1], &c[2]), e + end))
}

/// The unit phrase after printed offset `e`: text, printed end, money scale.
fn unit_after(doc: &DocText, e: usize) -> Option<(String, usize, f64)> {
    let t = &doc.text;
    let words = words_from(t, e, 8);
    let (w0, sep0, end0) = words.first()?.clone();
    let f0 = skeleton(&w0);
    // Money after OCR's speck of a comma (`90.000.000 , đồng`) is read first.
    if let Some(scale) = scale_of(&f0) {
        if let Some((w1, _, end1)) = words.get(1) {
            let f1 = skeleton(w1);
            if f1 == "le" {
                return None;
            }
            if matches!(f1.as_str(), "dong" | "vnd" | "d") {
                return Some((slash_tail(t, end1, "đồng"), slash_end(t, *end1), scale));
            }
        }
        return Some((w0.clone(), end0, scale));
    }
    if f0 == "dong" || f0 == "vnd" {
        return Some((slash_tail(t, &end0, "đồng"), slash_end(t, end0), 1.0));
    }
    // Otherwise a comma right after the figure ends its phrase (`phòng họp
    // số 2, tầng 3, phường …`): no unit follows.
    if sep0.contains(',') {
        return None;
    }
    // Nouns that open with a stop word (`14 bị can`, not the passive `bị`).
    if let Some((w1, sep1, end1)) = words.get(1) {
        let phrase = format!("{w0} {w1}");
        if sep1.trim().is_empty() && is_word(&phrase, STOP_NOUNS) {
            return Some((phrase.to_lowercase(), *end1, 1.0));
        }
    }
    // `Ông`, `Bà` capitalised on the figure's line open a person's name (`1
    // Ông Nguyễn Văn Hùng`, a list's row number): no unit.
    if matches!(w0.as_str(), "Ông" | "Bà") && !sep0.contains('\n') {
        return None;
    }
    // A measure word as spelled wins over a stop word it spells without
    // marks (`296.500 con`, not `còn`).
    let measure = ONE_SYLLABLE.contains(&w0.to_lowercase().as_str());
    if is_word(&w0, UNIT_STOP) && !measure || !w0.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    // An acronym is a unit on its own (`TTHC`).
    if w0
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && w0.chars().count() >= 2
    {
        return Some((slash_tail(t, &end0, &w0), slash_end(t, end0), 1.0));
    }
    let mut unit = vec![w0.clone()];
    let mut end = end0;
    let one = is_word(&w0, ONE_SYLLABLE);
    if !one && !is_word(&w0, COUNTED_NOUNS) && !t[end..].starts_with(['/', ',', ';', '.', ')', ':'])
    {
        if let Some((w1, sep, end1)) = words.get(1) {
            if sep.trim().is_empty()
                && !is_word(w1, UNIT_STOP)
                && w1.chars().next().is_some_and(char::is_lowercase)
            {
                unit.push(w1.clone());
                end = *end1;
            }
        }
    }
    // `tin, bài, ảnh, video`: a list of one-syllable measure words.
    if one {
        let mut i = 1;
        while let Some((w, sep, wend)) = words.get(i) {
            if sep.trim() != "," || !is_word(w, ONE_SYLLABLE) {
                break;
            }
            unit.push(w.clone());
            end = *wend;
            i += 1;
        }
    }
    let joined = if one { unit.join(", ") } else { unit.join(" ") };
    Some((slash_tail(t, &end, &joined), slash_end(t, end), 1.0))
}

/// `unit` extended by a `/…` chunk printed right after `end` (`đồng/người/tháng`).
fn slash_tail(t: &str, end: &usize, unit: &str) -> String {
    let e = slash_end(t, *end);
    format!("{unit}{}", &t[*end..e])
}

/// The end of a `/…` chunk printed right after `end`, or `end`.
fn slash_end(t: &str, end: usize) -> usize {
    if !t[end..].starts_with('/') {
        return end;
    }
    let rest = &t[end..];
    let n = rest
        .find(|c: char| c.is_whitespace() || ",;:()".contains(c))
        .unwrap_or(rest.len());
    let chunk = rest[..n].trim_end_matches('.');
    let stop = end + chunk.len();
    // A denominator of two syllables (`đồng/dự án`, `đồng/doanh nghiệp`):
    // one that is no one-syllable measure takes the lower-case word after it.
    let last = chunk.rsplit('/').next().unwrap_or("");
    let single =
        |w: &str| is_word(w, ONE_SYLLABLE) || is_word(w, COUNTED_NOUNS) || is_word(w, PER_TIME);
    if chunk.len() != n
        || !last.chars().all(char::is_alphabetic)
        || last.chars().nth(1).is_none()
        || single(last)
    {
        return stop;
    }
    match words_from(t, stop, 1).first() {
        Some((w, sep, wend))
            if sep == " " && w.chars().all(char::is_lowercase) && !is_word(w, UNIT_STOP) =>
        {
            *wend
        }
        _ => stop,
    }
}

/// Time words a rate is counted per (`đồng/năm`, `lần/tháng`).
const PER_TIME: &[&str] = &["năm", "tháng", "quý", "tuần", "vụ", "kỳ"];

/// Up to `n` words after printed offset `from`: (word, separator before it, end).
fn words_from(t: &str, from: usize, n: usize) -> Vec<(String, String, usize)> {
    let mut out = Vec::new();
    let mut pos = from;
    while out.len() < n && pos < t.len() {
        let rest = &t[pos..];
        let skip = rest
            .find(|c: char| c.is_alphanumeric())
            .unwrap_or(rest.len());
        let sep = &rest[..skip];
        if sep.chars().any(|c| !(c.is_whitespace() || c == ',')) {
            break;
        }
        let wstart = pos + skip;
        let wlen = t[wstart..]
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(t.len() - wstart);
        if wlen == 0 {
            break;
        }
        out.push((
            t[wstart..wstart + wlen].to_owned(),
            sep.to_owned(),
            wstart + wlen,
        ));
        pos = wstart + wlen;
    }
    out
}

/// What a figure counts: the clause before it (back to `;`, `:`, `(` or a
/// sentence end), at most its last ten words.
fn label_before(doc: &DocText, s: usize) -> Option<String> {
    let t = &doc.text;
    let from = s.saturating_sub(240);
    let from = super::doc::floor_boundary(t, from);
    let head = &t[from..s];
    let cut = head
        .rfind([';', ':', '(', ')', '!', '?'])
        .map(|i| i + 1)
        .into_iter()
        .chain(head.rfind(". ").map(|i| i + 2))
        .chain(head.rfind(".\n").map(|i| i + 2))
        .max()
        .unwrap_or(0);
    let clause = squash(&head[cut..]);
    let clause = clause.trim_start_matches(['-', '+', '*', ' ']);
    let words: Vec<&str> = clause.split(' ').filter(|w| !w.is_empty()).collect();
    let words = &words[words.len().saturating_sub(10)..];
    let label = words.join(" ");
    let label = label.trim_end_matches([',', ' ']).to_owned();
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kpis(lines: &[&str]) -> Vec<Kpi> {
        find_kpis(&DocText::new(lines), &[])
    }

    fn values(lines: &[&str]) -> Vec<f64> {
        kpis(lines).into_iter().map(|k| k.value).collect()
    }

    #[test]
    fn numbers_after_so_in_an_appendix_name_things() {
        let k = kpis(&[
            "STT Đơn vị được kiểm tra Ngày Trưởng đoàn",
            "Đoàn kiểm tra số 1",
            "Mẫu số 02",
            "Tổng số hồ sơ 1.245",
            "Hồ sơ 40.927",
        ]);
        let got: Vec<&str> = k.iter().map(|k| k.raw.as_str()).collect();
        assert_eq!(got, ["1.245", "40.927"]);
    }

    #[test]
    fn a_body_table_read_by_line_ends_where_prose_resumes() {
        let lines = [
            "STT Tên nhà Quận Năm xây dựng Số tầng Cấp Hạn",
            "1 Nhà A2 Lạc Viên Ngô Quyền 1978 5 D 30/4/2027",
            "",
            "3. Chủ động phương án di dời đối với nhà nguy hiểm",
            "Trường hợp kết quả kiểm định xác định nhà không bảo đảm an toàn, hỗ trợ",
            "tiền thuê nhà với mức 3.000.000 đồng/hộ/tháng cho 42 hộ.",
        ];
        let got: Vec<String> = kpis(&lines).into_iter().map(|k| k.raw).collect();
        assert_eq!(got, ["3.000.000 đồng/hộ/tháng", "42 hộ"]);
        // Or a list's item under it.
        let mut items = lines;
        items[4] = "a) Trường hợp kết quả kiểm định xác định nhà không an toàn, hỗ trợ";
        assert_eq!(kpis(&items).len(), 2);
        // A part's heading and its first item's, then the sentence.
        let parts = [
            lines[0],
            lines[1],
            "",
            "IV. TỔ CHỨC THỰC HIỆN",
            "1. Phòng Quản lý chất lượng",
            "Là đơn vị thường trực, quản lý dữ liệu đăng ký dự thi của 21.640 thí sinh.",
        ];
        let got: Vec<String> = kpis(&parts).into_iter().map(|k| k.raw).collect();
        assert_eq!(got, ["21.640 thí sinh"]);
        // A list's item naming column words opens no table.
        let item = [
            "- Xác định rõ nhiệm vụ, đơn vị chủ trì, thời gian hoàn thành, kinh phí;",
            "",
            "III. CHỈ TIÊU NĂM 2027",
            "Kích hoạt tài khoản cho 36.718 người, tăng 2.706 người.",
        ];
        let got: Vec<String> = kpis(&item).into_iter().map(|k| k.raw).collect();
        assert_eq!(got, ["36.718 người", "2.706 người"]);
        // An article's heading, then its first numbered item's sentence.
        let article = [
            lines[0],
            lines[1],
            "",
            "Điều 2. Tổ chức thực hiện",
            "1. Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết; giao dự toán cho các",
            "ban, ngành, đoàn thể và 11 thôn trước ngày 31/12/2026.",
        ];
        let got: Vec<String> = kpis(&article).into_iter().map(|k| k.raw).collect();
        assert_eq!(got, ["11 thôn"]);
        // No sentence under the heading: a group's name, still the table.
        let mut appendix = lines;
        appendix[4] = "Nhà B5 12";
        assert!(!kpis(&appendix).iter().any(|k| k.raw.starts_with("42")));
    }

    #[test]
    fn the_accused_are_counted() {
        let k = kpis(&["đã khởi tố 9 vụ, 14 bị can; 5 người bị thương; 3 bi cao"]);
        let got: Vec<(f64, Option<&str>)> =
            k.iter().map(|k| (k.value, k.unit.as_deref())).collect();
        assert_eq!(
            got,
            [
                (9.0, Some("vụ")),
                (14.0, Some("bị can")),
                (5.0, Some("người")),
                (3.0, Some("bi cao"))
            ]
        );
    }

    #[test]
    fn per_mille_rates() {
        let k = kpis(&["độ mặn ngoài cống đạt 6,8‰ (6,8 g/l), tỷ suất sinh 14,2 ‰ năm 2026"]);
        let got: Vec<(f64, Option<&str>)> =
            k.iter().map(|k| (k.value, k.unit.as_deref())).collect();
        assert_eq!(
            got,
            [(6.8, Some("‰")), (6.8, Some("g/l")), (14.2, Some("‰"))]
        );
    }

    #[test]
    fn counts_percentages_money() {
        let k = kpis(&["số lượng hồ sơ tiếp nhận là 56.703 hồ sơ, chiếm tỷ lệ 99,9%; thanh toán hơn 74 tỷ đồng với 210.000 giao dịch"]);
        assert_eq!(k.len(), 4);
        assert_eq!(k[0].value, 56703.0);
        assert_eq!(k[0].unit.as_deref(), Some("hồ sơ"));
        assert_eq!(k[1].value, 99.9);
        assert_eq!(k[1].unit.as_deref(), Some("%"));
        assert_eq!(k[2].value, 7.4e10);
        assert_eq!(k[2].unit.as_deref(), Some("đồng"));
        assert_eq!(k[2].qualifier.as_deref(), Some("hơn"));
        assert_eq!(k[3].value, 210000.0);
        assert_eq!(k[3].unit.as_deref(), Some("giao dịch"));
    }

    #[test]
    fn units_and_qualifiers() {
        let k = kpis(&["tuyên truyền khoảng hơn 60 tin, bài về CCHC; 29 TTHC mới; trên 400.000 đồng/người/tháng"]);
        assert_eq!(k[0].unit.as_deref(), Some("tin, bài"));
        assert_eq!(k[0].qualifier.as_deref(), Some("khoảng hơn"));
        assert_eq!(k[1].unit.as_deref(), Some("TTHC"));
        assert_eq!(k[2].unit.as_deref(), Some("đồng/người/tháng"));
        assert_eq!(k[2].value, 400000.0);
        assert_eq!(values(&["đạt 97.3% kế hoạch"]), vec![97.3]);
        assert_eq!(values(&["20 triệu đồng"]), vec![2e7]);
    }

    #[test]
    fn a_time_of_day_is_no_measure() {
        let line =
            "vào lúc 14 giờ 00 phút, từ 7 giờ 30 đến 11 giờ; trong vòng 24 giờ đối với 15 hồ sơ";
        let got: Vec<_> = kpis(&[line])
            .iter()
            .map(|k| (k.value, k.unit.clone().unwrap_or_default()))
            .collect();
        assert_eq!(
            got,
            [
                (11.0, "giờ".to_owned()),
                (24.0, "giờ".to_owned()),
                (15.0, "hồ sơ".to_owned())
            ]
        );
    }

    #[test]
    fn signed_changes_and_wrapped_wholes() {
        assert_eq!(
            values(&["so với cùng kỳ giảm 04 vụ (-17,4%)."]),
            vec![4.0, -17.4]
        );
        // The same period's figures, a line break maybe between.
        assert_eq!(
            values(&[
                "tử vong (cùng kỳ 05 vụ); còn 1,9% (cùng kỳ 2,4%); 02 ca (cùng kỳ",
                "05 ca)"
            ]),
            vec![5.0, 1.9, 2.4, 2.0, 5.0]
        );
        // A term's number stays no figure.
        assert!(values(&["tại kỳ 2 của năm học"]).is_empty());
        let k = kpis(&["camera mới phủ được 9/16", "tổ dân phố"]);
        assert_eq!((k[0].value, k[0].out_of), (9.0, Some(16.0)));
    }

    #[test]
    fn times_of_day() {
        assert!(values(&["báo cáo trước 15 giờ thứ Sáu hằng tuần", "lúc 8 giờ sáng"]).is_empty());
        assert_eq!(values(&["xử lý trong 24 giờ kể từ khi"]), vec![24.0]);
    }

    #[test]
    fn levels_and_what_only_looks_like_one() {
        assert_eq!(values(&["xử lý dứt điểm 27 vụ vi phạm"]), vec![27.0]);
        assert_eq!(values(&["phê duyệt danh mục 12 dự án đầu tư"]), vec![12.0]);
        assert!(values(&["bổ sung DANH MỤC 2 Thông tin"]).is_empty());
        assert_eq!(values(&["hỗ trợ với mức 2,5 triệu đồng/hộ"]), vec![2.5e6]);
        assert_eq!(
            values(&[
                "mai táng cho 62 trường hợp, mức 10.000.000",
                "đồng/trường hợp."
            ]),
            vec![62.0, 1e7]
        );
        assert_eq!(values(&["giảm ở mức 3% so với"]), vec![3.0]);
        assert!(values(&["điểm 3 khoản 2; đạt mức 2 về"]).is_empty());
        assert_eq!(
            values(&["chi trả chế độ", "42,65 tỷ đồng."]),
            vec![4.265e10]
        );
        assert!(values(&["dịch vụ công mức độ 4 và"]).is_empty());
        assert_eq!(values(&["chạy quá tốc độ 5 vụ; đi sai"]), vec![5.0]);
        let k = kpis(&[
            "môn Toán: điểm trung bình 5,06; môn Tin học: điểm bình quân",
            "6,62; cao nhất",
        ]);
        let scores: Vec<(f64, Option<&str>)> =
            k.iter().map(|k| (k.value, k.unit.as_deref())).collect();
        assert_eq!(scores, [(5.06, Some("điểm")), (6.62, Some("điểm"))]);
        assert_eq!(values(&["rau các loại 74,3 ha"]), vec![74.3]);
        assert!(values(&["hàng hóa loại 2 và"]).is_empty());
        // A list of levels goes on until a figure its own level follows.
        assert_eq!(
            values(&["143 chợ (06 chợ hạng 1, 28 chợ hạng 2, 109 chợ hạng 3)"]),
            vec![143.0, 6.0, 28.0, 109.0]
        );
        assert!(values(&["khoản 1, 2 Điều 5 và chợ hạng 1, 2 và 3"]).is_empty());
        assert!(values(&["Bổ sung các khoản 5, 6 và 7 vào sau khoản 4"]).is_empty());
        assert!(values(&["các khoản 1, 2 và 3 hoặc khoản 4"]).is_empty());
        assert!(values(&["bằng sơn các loại", "1 nước lót"]).is_empty());
    }

    #[test]
    fn rates_per_head_of_population() {
        let k = kpis(&[
            "tỷ suất sinh thô 12,4/1.000 dân; tỷ lệ mắc 22,4/100.000 dân;",
            "duy trì ở mức 12,0 - 12,5/1.000 dân; đạt 9/10 tiêu chí",
        ]);
        let got: Vec<(f64, Option<&str>)> =
            k.iter().map(|k| (k.value, k.unit.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                (12.4, Some("/1.000 dân")),
                (22.4, Some("/100.000 dân")),
                (12.0, Some("/1.000 dân")),
                (12.5, Some("/1.000 dân")),
                (9.0, Some("tiêu chí")),
            ]
        );
        // A base of no round hundred is no rate per head (`5/7 xã` is a part).
        assert!(per_population("/7 xã", 0).is_none());
    }

    #[test]
    fn the_low_end_of_a_range_takes_the_high_ends_unit() {
        let k =
            kpis(&["chịu 5 đến 7 cơn bão; khoảng 11 - 13 cơn; từ 2 đến 3 tỷ đồng; 6 đến 12 tháng"]);
        let got: Vec<(f64, Option<&str>)> =
            k.iter().map(|k| (k.value, k.unit.as_deref())).collect();
        let (con, dong) = (Some("cơn"), Some("đồng"));
        assert_eq!(
            got,
            vec![
                (5.0, con),
                (7.0, con),
                (11.0, con),
                (13.0, con),
                (2e9, dong),
                (3e9, dong)
            ]
        );
    }

    #[test]
    fn ranges_with_a_bare_dash_give_both_ends() {
        let k = kpis(&[
            "lượng mưa phổ biến từ 200-350 mm; tăng khoảng 18-20%; từ 15 - 25%, gọi 0912-345-678, năm học 2026-2027 và 12-18 tháng, phụ nữ 15-49 sử dụng, cấp 11 (103-117 km), cho 48-620 hộ",
        ]);
        let got: Vec<(f64, Option<&str>)> =
            k.iter().map(|k| (k.value, k.unit.as_deref())).collect();
        let (mm, pct) = (Some("mm"), Some("%"));
        assert_eq!(
            got,
            vec![
                (200.0, mm),
                (350.0, mm),
                (18.0, pct),
                (20.0, pct),
                (15.0, pct),
                (25.0, pct)
            ]
        );
    }

    #[test]
    fn parts_of_a_count_share_its_unit() {
        let k = kpis(&[
            "công bố 612 TTHC (ban hành mới 148, sửa đổi, bổ sung 291, bãi bỏ 173). Tổng số",
            "TTHC là 1.947 thủ tục, trong đó cấp tỉnh 1.503, cấp huyện 276, cấp xã 168.",
        ]);
        let got: Vec<(f64, Option<&str>)> =
            k.iter().map(|k| (k.value, k.unit.as_deref())).collect();
        let tthc = Some("TTHC");
        let tt = Some("thủ tục");
        assert_eq!(
            got,
            vec![
                (612.0, tthc),
                (148.0, tthc),
                (291.0, tthc),
                (173.0, tthc),
                (1947.0, tt),
                (1503.0, tt),
                (276.0, tt),
                (168.0, tt)
            ]
        );
        // An aside in brackets, a number's or a bound's figure: no parts.
        assert_eq!(
            values(&["Bên phải 01 km (tính từ quốc lộ 7) có toạ độ"]),
            vec![1.0]
        );
        assert_eq!(
            values(&["nộp 12 hồ sơ (theo mẫu số 2, mẫu số 3)"]),
            vec![12.0]
        );
        // Money's parts print their own unit (`19,20 tỷ đồng`): none taken.
        assert_eq!(
            values(&["chi 20 triệu đồng (cá nhân 190, tổ chức 300)"]),
            vec![2e7]
        );
    }

    #[test]
    fn a_measure_word_spelled_like_a_stop_word() {
        assert_eq!(
            values(&["tổng đàn bò 296.500 con, đã tiêm cho 87.340 con bò"]),
            vec![296500.0, 87340.0]
        );
        // Without marks, `con` may still be OCR's `còn`: a stop.
        assert!(values(&["hiện 296.500 còn lại"]).is_empty());
    }

    #[test]
    fn a_row_number_of_a_table_without_rules() {
        let k = kpis(&["1 Chi phí xây dựng 34.560 80,7", "đạt 12 Mô hình điểm"]);
        assert!(k.iter().all(|k| k.value != 1.0), "{k:?}");
        assert_eq!(values(&["12 Hợp tác xã đạt chuẩn"]), vec![12.0]);
    }

    #[test]
    fn words_that_only_look_like_a_levels_word() {
        // `thu` (revenue) and `do` are words as printed, no `thứ` or `độ`
        // whose marks OCR lost; `chi tiết` is no lesson's `tiết`.
        assert_eq!(
            values(&["truy thu 1.842.560.000 đồng"]),
            vec![1_842_560_000.0]
        );
        assert_eq!(values(&["tổng thu 12.105,4 triệu đồng"]), vec![12_105.4e6]);
        assert_eq!(values(&["giảm do 14 lô đất chưa đấu giá"]), vec![14.0]);
        assert_eq!(values(&["phân bổ chi tiết 386,4 tỷ đồng"]), vec![386.4e9]);
        assert!(values(&["Tiết 3 môn Toán"]).is_empty());
        // A list's row number before a person's title and name is no count.
        assert!(values(&["1 Ông Nguyễn Văn Hùng, Phó Trưởng phòng"]).is_empty());
    }

    #[test]
    fn no_unit_after_a_comma() {
        assert!(values(&["Phòng họp số 2, tầng 3, Trụ sở số 3, phường Hồng Gai"]).is_empty());
        assert_eq!(values(&["trị giá từ 90.000.000 , đồng"]), vec![9e7]);
    }

    #[test]
    fn a_part_of_a_whole() {
        let k =
            kpis(&["148/162 thôn, tổ dân phố đạt chuẩn; 9/9 xã đã kiện toàn; 1.245/2.000 hồ sơ"]);
        let got: Vec<_> = k
            .iter()
            .map(|k| (k.value, k.out_of, k.unit.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (148.0, Some(162.0), Some("thôn")),
                (9.0, Some(9.0), Some("xã")),
                (1245.0, Some(2000.0), Some("hồ sơ")),
            ]
        );
        // Amounts of money, decimals and all: disbursed of planned.
        let k = kpis(&["giải ngân 121,3/412,8 tỷ đồng, đạt 29,4%"]);
        assert_eq!(
            (k[0].value, k[0].out_of, k[0].unit.as_deref()),
            (1.213e11, Some(4.128e11), Some("đồng"))
        );
        // Fractions, dates, round the clock, decimals, a code's articles.
        for line in [
            "chiếm dưới 2/3 diện tích",
            "ngày 1/6 hằng năm",
            "trực 24/24 đối với",
            "định mức 5,0/8 công",
            "toàn văn 8/19 Điều",
            "đạt 25/12 xã",
        ] {
            assert!(kpis(&[line]).iter().all(|k| k.out_of.is_none()), "{line}");
        }
    }

    #[test]
    fn a_comma_in_a_count_of_whole_things_groups_thousands() {
        let k = kpis(&["dự kiến sơ tán 4,650 hộ với 17.920 người"]);
        assert_eq!(k[0].value, 4650.0);
        assert!(k[0].confidence < 0.8);
        assert_eq!(k[1].value, 17920.0);
        // Measures keep their decimal comma; so does a count with two decimals.
        assert_eq!(values(&["sản lượng 4,650 tấn"]), vec![4.65]);
        assert_eq!(values(&["bình quân 2,35 người/hộ"]), vec![2.35]);
        assert_eq!(values(&["còn 0,263 người"]), vec![0.263]);
    }

    #[test]
    fn figures_after_an_ocr_speck() {
        assert_eq!(
            values(&["mua sắm thiết bị tại các phường:.690 triệu đồng;"]),
            vec![6.9e8]
        );
        assert_eq!(
            values(&["ngân sách tỉnh hỗ trợ-70%; thành phố 30%"]),
            vec![70.0, 30.0]
        );
        assert_eq!(values(&["đạt 81;3% so với chỉ tiêu"]), vec![81.3]);
        assert_eq!(values(&["12 hồ sơ; 3 văn bản"]), vec![12.0, 3.0]);
        assert!(values(&["phòng, chống dịch COVID-19 trên địa bàn"]).is_empty());
        assert!(values(&["theo điểm a.5 khoản 2 và điểm c.1, d"]).is_empty());
        assert!(values(&["mã hiệu CC.21600 độ sâu, tuyến QL.6 địa bàn, khoản.3 Điều"]).is_empty());
        // Multi-byte characters before the figure (no panic on char boundaries).
        assert!(values(&["hồ sơ khai thuế ý.5 hoặc ⁄.7 bản"]).is_empty());
        // A dash after a figure is no speck: a span of years gives none, a
        // measured range both ends.
        assert_eq!(
            values(&["giai đoạn 2021-2025 và 50-70 hồ sơ"]),
            vec![50.0, 70.0]
        );
    }

    #[test]
    fn not_figures() {
        assert!(values(&["1. Cải cách thể chế", "2.1. Mục tiêu"]).is_empty());
        // A section number whose dot OCR read as a comma or colon.
        assert!(values(&["4, Tuyên truyền bằng các hình thức", "5: Kết quả"]).is_empty());
        assert!(values(&["tại khoản 1, 2 Mục I; mức độ 3 và 4; lần thứ 27"]).is_empty());
        assert!(values(&["trong 6 tháng đầu năm, năm 2023, 9001:2015, igate 2.0"]).is_empty());
        assert!(values(&["cho trẻ em dưới 6 tuổi và người đủ 14 tuổi"]).is_empty());
        // An amount after `năm` (a year's figure is none).
        assert_eq!(
            values(&["vận động trong năm 3.856,4 triệu đồng, cả năm 1.200 lượt"]),
            [3856.4e6, 1200.0]
        );
        assert!(values(&["trong năm 2026 và tháng 12, năm 2026.1 FH"]).is_empty());
        // A count after a level and a joiner is no listed level.
        assert_eq!(
            values(&["312.540 tài khoản mức 1 và 2.105.836 tài khoản mức 2"]),
            [312540.0, 2105836.0]
        );
        // A count is never followed by a determiner: OCR's `6` for `ở`.
        assert!(values(&["tuyên truyền 6 các thôn, 6 tất cả trường"]).is_empty());
        // A kind's size is its name (`đô thị loại 2`, `bồn loại 2 m³`).
        assert_eq!(
            values(&["640 bồn chứa nước loại 2 m³, thùng loại 20 lít"]),
            vec![640.0]
        );
        assert!(values(&["(Không=0, Có=1)"]).is_empty());
        // A computation's result is a figure.
        assert_eq!(
            values(&["- Mầm non: 40 người x 7.850.000 đồng x 09 tháng = 2.826.000.000 đồng;"]),
            [40.0, 7_850_000.0, 2_826_000_000.0]
        );
        assert!(values(&["tỷ lệ hồ sơ 2023 trên"]).is_empty());
    }

    #[test]
    fn frequencies_after_time_words() {
        let k = kpis(&["với thời lượng một tháng 01 lần/30 phút về CCHC"]);
        let v: Vec<f64> = k.iter().map(|k| k.value).collect();
        assert_eq!(v, vec![1.0, 30.0]);
        assert_eq!(k[1].unit.as_deref(), Some("phút"));
        // A month stays a month; a per-period denominator is no figure.
        assert!(values(&["ngày 5 tháng 6 năm 2023; tháng 02 giờ"]).is_empty());
        assert_eq!(values(&["viết tối thiểu 01 tin, bài/01 quý"]), vec![1.0]);
        // `I/2025` keeps its year out.
        assert!(values(&["Quý I/2025 hồ sơ"]).is_empty());
    }

    #[test]
    fn table_noise_is_no_figure() {
        assert!(after_noise("33. | ..% ~ X "));
        assert!(after_noise("cơ chế ra e . 2 "));
        assert!(!after_noise("| 1 | 2 | "));
        assert!(!after_noise("143, . . "));
        assert!(!after_noise("3.1 | Tỷ lệ hồ sơ đúng hạn % "));
        let v = values(&[
            "STT | Chỉ tiêu | Số liệu",
            "3.3. | ..% ~ X 2",
            "3.4. | Tỷ lệ % 99,9%",
            "3.5. | Số hồ sơ | 1 | 2",
        ]);
        assert_eq!(v, vec![99.9, 2.0]);
    }

    #[test]
    fn misread_years() {
        assert!(misread_slash_year("12025"));
        assert!(misread_slash_year("72024"));
        assert!(!misread_slash_year("12500"));
        assert!(!misread_slash_year("2025"));
        assert!(values(&["Kèm theo | 12025 của Văn phòng"]).is_empty());
    }

    #[test]
    fn header_rows_by_column_words() {
        assert!(is_header_row(
            "bstt noi dung san pham chu tri phoi hop thoi gian"
        ));
        assert!(!is_header_row("noi dung tuyen truyen ve ket qua"));
        let v = values(&[
            "BSTT Nội dung Sản phẩm Chủ trì Phối hợp Thời gian",
            "0 N : . công trình chính",
            "Tin, bài | 12",
        ]);
        assert_eq!(v, vec![12.0]);
        // A sentence going on with column words is prose: the figures after
        // it are read as prose, not as an appendix's last figure per line.
        let v = values(&[
            "- Các nhiệm vụ phải cụ thể, có lộ trình, phân công rõ",
            "nhiệm vụ, đơn vị chủ trì, phối hợp và thời hạn hoàn thành.",
            "Năm 2026 xảy ra 14 đợt thiên tai, thiệt hại 386,2 tỷ đồng.",
        ]);
        assert_eq!(v, vec![14.0, 386.2e9]);
    }

    #[test]
    fn row_numbers_of_rule_less_tables_are_no_figures() {
        let v = values(&[
            "TT Đơn vị, vị trí việc làm Chức danh nghề nghiệp Chỉ tiêu",
            "1 Trung tâm Khuyến nông 05",
            "1.1 Khuyến nông trồng trọt Kỹ sư hạng III 04",
            "1.2 Kế toán Kế toán viên 01",
        ]);
        assert_eq!(v, vec![5.0, 4.0, 1.0]);
    }

    #[test]
    fn units_in_one_spelling() {
        assert_eq!(canonical_unit("hồ sơ”").as_deref(), Some("hồ sơ"));
        assert_eq!(canonical_unit("m2").as_deref(), Some("m²"));
        assert_eq!(
            canonical_unit("đồng/m2 sàn").as_deref(),
            Some("đồng/m² sàn")
        );
        assert_eq!(canonical_unit("km2").as_deref(), Some("km²"));
        // Codes and counts keep their digits.
        assert_eq!(canonical_unit("PM2").as_deref(), Some("PM2"));
        assert_eq!(canonical_unit("lớp 2").as_deref(), Some("lớp 2"));
        assert_eq!(canonical_unit("“”"), None);
    }

    #[test]
    fn star_ratings_are_grades() {
        assert_eq!(
            values(&["có 12 sản phẩm đạt 4 sao, 3 sản phẩm đạt 5 sao; 40 ngôi sao"]),
            vec![12.0, 3.0, 40.0]
        );
    }

    #[test]
    fn row_numbers_ocr_glued_to_a_bar_are_no_figures() {
        let v = values(&[
            "| STT | Tên tập thể | Đơn vị | Số tiền (đồng) |",
            "|-----|-------------|--------|----------------|",
            "| 3 | Trường Mầm non | Xã Thạch Quảng | 1.404.000 |",
            "141 Trạm Y tế xã | Trung tâm Y tế huyện | 1.404.000 |",
            "| 5 | Ban Chỉ huy quân sự | Xã Thạch Sơn | 1.404.000 |",
        ]);
        assert!(!v.contains(&141.0));
        let wrapped = values(&[
            "| STT | Nhiệm vụ | Chủ trì | Thời hạn | Kinh phí |",
            "|-----|----------|--------|----------|----------|",
            "| 4 | Số hóa sổ hộ tịch (khoảng | Văn phòng | 30/9/2027 | 210 |",
            "| | 8.450 trang) | | | |",
        ]);
        assert!(wrapped.contains(&8450.0));
        assert_eq!(v.iter().filter(|&&x| x == 1_404_000.0).count(), 3);
    }

    #[test]
    fn table_rows() {
        let v = values(&[
            "Biểu mẫu 3",
            "STT | Chỉ tiêu | Đơn vị tính | Số liệu",
            "1.2. | Số TTHC công bố mới Thủ tục 29",
            "3.1 | Tỷ lệ hồ sơ giải quyết đúng hạn % 99,9%",
            "6.1.1 Tổng số TTHC mức độ 3",
            "1.4.3. 173",
            "5",
        ]);
        assert_eq!(v, vec![29.0, 99.9, 173.0]);
    }
}
