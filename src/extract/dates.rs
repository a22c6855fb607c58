//! Dates (`17/01/2024`, `ngày 28 tháng 12 năm 2023`, partial ones) and periods
//! (`6 tháng đầu năm 2023`, `Quý I năm 2024`, `giai đoạn 2021 - 2025`, `năm 2023`).
//!
//! Keywords are matched on the folded text; every value is validated (no 31/02).

use super::doc::{overlaps, DocText, Span};
use super::records::{DateRecord, Period};
use regex::Regex;
use std::sync::LazyLock;

/// `ngày D tháng M năm Y`, the day possibly blank or unreadable; OCR's specks
/// after `ngày` (`ngày. 17`), after `tháng` and the month (`tháng. 6`,
/// `tháng 6, năm`, `tháng 12: năm`) and before the year (`năm _.2025`,
/// `năm ‘2014`) are allowed.
static LONG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"ngay\s*[.,:]?\s*(\S{0,4}?)\s*thang\s*[.,:]?\s*(\d{1,2})\s*[.,:;]?\s*nam\s*[_.,:;'‘’`]{0,2}\s*(\d{4})",
    )
    .expect("valid regex")
});
/// `D/M/YYYY`, `D-M-YYYY`, `D.M.YYYY` (one separator kind; heavy scans
/// print a slash as `°`, `14/8°2026`).
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,2}) ?([/.:°-]) ?(\d ?\d|\d)(?: ?([/.:°-]) ?| )(\d{4})").expect("valid regex")
});
/// `DDMM/YYYY` and `DDMMYYYY` (folded): a date whose first slash (or both)
/// OCR lost (`ngày 2801/2026`, `ngày 3110-2026`, `ngày 20012026`), read
/// only after `ngày`.
static GLUED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d\d)(\d\d)(?: ?[/.°-] ?)?(\d{4})").expect("valid regex"));
/// A date whose day (and maybe month) was left blank: `ngày /6/2023`, `/ /2025`;
/// OCR prints the first slash as `[` and the second as `1` (`[ 12025`).
static BLANK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:ngay\s*|\s|^|\()([/\[]\s*(\d{1,2})?\s*[/1]\s*(\d{4}))").expect("valid regex")
});

/// `ngày D/M` or `ngày D tháng M` with no year: a date of every year (`trước
/// ngày 15/12 hằng năm`), given as ISO 8601's `--MM-DD`.
static YEARLESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"ngay\s*(\d{1,2})\s*(?:/\s*|thang\s+)(\d{1,2})").expect("valid regex")
});
/// `ngày D1 và D2/M/YYYY` or `ngày D1 và D2 tháng M năm YYYY` (folded): two
/// days sharing their month and year.
static DAY_PAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"ngay\s+(\d{1,2})\s*(?:va|,)\s*(\d{1,2})(?:/(\d{1,2})/(\d{4})|\s+thang\s+(\d{1,2})\s+nam\s+(\d{4}))")
        .expect("valid regex")
});
/// `D/M - D/M/YYYY` (folded): a span of days whose first prints no year.
static DASH_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,2})/(\d{1,2})\s*[-–]\s*(\d{1,2})/(\d{1,2})/(\d{4})").expect("valid regex")
});
/// `, D/M` or ` và D/M` (folded) after a yearless date: another day of the
/// list, the `ngày` shared.
static NEXT_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:,|va)\s*(\d{1,2})/(\d{1,2})").expect("valid regex"));
/// What may follow a date's month and make it no yearless one: a year
/// (`/2025`, `năm 2025`, `, năm`), OCR's garble of one (`nav 2025`,
/// `nanv2025`), or more figures.
static YEAR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*[/.:-]\s*\d|\s*[.,:;]?\s*nam\b|\d|[^\n\d]{0,8}(?:19|20)\d\d\b)")
        .expect("valid regex")
});

/// Does folded `before` end with `ngày`, or a word within one edit of it
/// (OCR's `nay`, `ngav`, `ngy`), maybe with a speck OCR put after it
/// (`ngày. 15/4/2026`, `ngày: 16122025`)?
fn ngay_before(before: &str) -> bool {
    let word = before
        .trim_end()
        .trim_end_matches(['.', ':', ',', '\'', '‘', '’'])
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    word == "ngay" || (2..=5).contains(&word.len()) && strsim::levenshtein(word, "ngay") <= 1
}

/// Capture group `i` of `c` as a number, 0 where it did not match.
fn group_number(c: &regex::Captures<'_>, i: usize) -> u32 {
    c.get(i)
        .and_then(|g| g.as_str().parse::<u32>().ok())
        .unwrap_or(0)
}

/// Days in `month` of `year`, or 0 for an invalid month.
pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// A plausible year for an administrative document.
fn year_ok(y: u32) -> bool {
    (1900..=2100).contains(&y)
}

/// ISO value of a day, month and year, or `None` when they do not form a date.
pub fn iso_date(day: u32, month: u32, year: u32) -> Option<String> {
    if !year_ok(year) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// One date found, with its printed span.
#[derive(Debug, Clone)]
pub(crate) struct Found<T> {
    pub record: T,
    pub span: Span,
}

/// Every date in the document, in text order.
pub(crate) fn find_dates(doc: &DocText) -> Vec<Found<DateRecord>> {
    let mut out: Vec<Found<DateRecord>> = Vec::new();
    let f = &doc.folded;
    // Two days sharing `ngày` and the month (`ngày 08 và 09/10/2026`, `hai
    // ngày 16 và 17 tháng 12 năm 2026`): both are dates. The second's
    // numeric form is [`NUMERIC`]'s; the long one is read here whole.
    for c in DAY_PAIR.captures_iter(f) {
        let (Some(m), Some(d1), Some(d2)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let n = |i: usize| group_number(&c, i);
        let long = c.get(5).is_some();
        let (month, year) = if long { (n(5), n(6)) } else { (n(3), n(4)) };
        let (first, second) = (n(1), n(2));
        if !word_start(f, m.start()) || first >= second {
            continue;
        }
        let (Some(a), Some(b)) = (iso_date(first, month, year), iso_date(second, month, year))
        else {
            continue;
        };
        push_at(doc, &mut out, a, (m.start(), d1.end()), d1.start());
        if long {
            push(doc, &mut out, b, (d2.start(), m.end()));
        }
    }
    // A span's first day printed without its year before a dash (`06/6 -
    // 20/8/2027`, a timetable's cell): a date of the last day's year.
    for c in DASH_SPAN.captures_iter(f) {
        let (Some(d), Some(mo)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let n = |i: usize| group_number(&c, i);
        if !free_before(f, d.start()) {
            continue;
        }
        let (Some(first), Some(last)) = (iso_date(n(1), n(2), n(5)), iso_date(n(3), n(4), n(5)))
        else {
            continue;
        };
        if first < last {
            push(doc, &mut out, first, (d.start(), mo.end()));
        }
    }
    for c in LONG.captures_iter(f) {
        let (Some(m), Some(mo), Some(y)) = (c.get(0), c.get(2), c.get(3)) else {
            continue;
        };
        if !word_start(f, m.start()) {
            continue;
        }
        let month: u32 = mo.as_str().parse().unwrap_or(0);
        let year: u32 = y.as_str().parse().unwrap_or(0);
        if !year_ok(year) || days_in_month(year, month) == 0 {
            continue;
        }
        // `ngày 25. tháng`: a dot or comma OCR put after the day goes.
        let day = c
            .get(1)
            .map(|d| d.as_str().trim_end_matches(['.', ',']))
            .unwrap_or("");
        let value = match day.parse::<u32>() {
            Ok(d) => match iso_date(d, month, year) {
                Some(v) => v,
                None => continue,
            },
            Err(_) => format!("{year:04}-{month:02}"),
        };
        // The date's line is its day's (`ngày` may end the line before).
        let at = c
            .get(1)
            .filter(|d| !d.as_str().is_empty())
            .map_or(m.start(), |d| d.start());
        push_at(doc, &mut out, value, (m.start(), m.end()), at);
    }
    for c in NUMERIC.captures_iter(f) {
        let (Some(m), Some(d), Some(s1), Some(mo), Some(y)) =
            (c.get(0), c.get(1), c.get(2), c.get(3), c.get(5))
        else {
            continue;
        };
        // One separator throughout (not `:`, a clock's); after `ngày` (or
        // OCR's `nay`, `ngav` for it), whatever OCR made of the slashes
        // (`ngày 21-4/2025`, `ngày 10/8:2025`, `ngày 21:3:2019`, `ngày
        // 22-01:2024`), or a space for the second (`ngày 03/3 2025`): a
        // day, a month and a four-digit year after `ngày` are a date.
        fn slash(s: &str) -> &str {
            if s == "°" {
                "/"
            } else {
                s
            }
        }
        let (s1, s2) = (
            slash(s1.as_str()),
            slash(c.get(4).map_or(" ", |s| s.as_str())),
        );
        let after_ngay = ngay_before(&f[..m.start()]);
        let separators_ok = s1 == s2 && s1 != ":" || after_ngay;
        // After `ngày`, a word OCR glued to the year (`ngày 18/7/2026của`)
        // ends the date all the same.
        let word_glued = after_ngay && f[m.end()..].starts_with(|c: char| c.is_alphabetic());
        if !separators_ok || !free_before(f, m.start()) || !(free_after(f, m.end()) || word_glued) {
            continue;
        }
        // OCR splits a two-digit month (`08/1 1/2024`).
        let parse = |s: &str| s.replace(' ', "").parse::<u32>().unwrap_or(0);
        let Some(value) = iso_date(parse(d.as_str()), parse(mo.as_str()), parse(y.as_str())) else {
            continue;
        };
        push(doc, &mut out, value, (m.start(), m.end()));
    }
    for c in GLUED.captures_iter(f) {
        let Some(m) = c.get(0) else {
            continue;
        };
        if !ngay_before(&f[..m.start()]) || !free_before(f, m.start()) || !free_after(f, m.end()) {
            continue;
        }
        let n = |i: usize| group_number(&c, i);
        if let Some(value) = iso_date(n(1), n(2), n(3)) {
            push(doc, &mut out, value, (m.start(), m.end()));
        }
    }
    for c in BLANK.captures_iter(f) {
        let (Some(m), Some(y)) = (c.get(1), c.get(3)) else {
            continue;
        };
        if !free_after(f, m.end()) {
            continue;
        }
        let year: u32 = y.as_str().parse().unwrap_or(0);
        if !year_ok(year) {
            continue;
        }
        let value = match c.get(2).and_then(|mo| mo.as_str().parse::<u32>().ok()) {
            Some(month) if days_in_month(year, month) > 0 => format!("{year:04}-{month:02}"),
            Some(_) => continue,
            None => format!("{year:04}"),
        };
        // Only when a day really is missing: `12/6/2023` was found above.
        let whole = c.get(0).map(|w| w.start()).unwrap_or(m.start());
        let start = if f[whole..m.start()].trim_start().starts_with("ngay") {
            whole + (f[whole..].len() - f[whole..].trim_start().len())
        } else {
            m.start()
        };
        push(doc, &mut out, value, (start, m.end()));
    }
    for c in YEARLESS.captures_iter(f) {
        let (Some(m), Some(d), Some(mo)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        if !word_start(f, m.start()) || YEAR_AFTER.is_match(&f[m.end()..]) {
            continue;
        }
        let (day, month) = (
            d.as_str().parse().unwrap_or(0),
            mo.as_str().parse().unwrap_or(0),
        );
        // Any year's: 29/02 is a date of leap years.
        if day == 0 || day > days_in_month(2024, month) {
            continue;
        }
        // A span's first day, its year printed with the last (`từ ngày 15/11
        // đến ngày 19/11/2025`), is a date of that year.
        let span_year = RANGE_END_YEAR
            .captures(&f[m.end()..])
            .and_then(|c| c.get(3)?.as_str().parse::<u32>().ok());
        let value = match span_year.and_then(|y| iso_date(day, month, y)) {
            Some(v) => v,
            None => format!("--{month:02}-{day:02}"),
        };
        push_at(doc, &mut out, value, (m.start(), m.end()), d.start());
        // More days listed after it share its `ngày` (`trước ngày 15/7 và
        // 15/01`, `ngày 10/3, 15/6 và 15/9`).
        let mut at = m.end();
        while let Some(n) = NEXT_DAY.captures(&f[at..]) {
            let (Some(nm), Some(nd), Some(nmo)) = (n.get(0), n.get(1), n.get(2)) else {
                break;
            };
            let (end, day_at) = (at + nm.end(), at + nd.start());
            let (day, month): (u32, u32) = (
                nd.as_str().parse().unwrap_or(0),
                nmo.as_str().parse().unwrap_or(0),
            );
            if YEAR_AFTER.is_match(&f[end..]) || day == 0 || day > days_in_month(2024, month) {
                break;
            }
            let value = format!("--{month:02}-{day:02}");
            push_at(doc, &mut out, value, (day_at, end), day_at);
            at = end;
        }
    }
    // A span's first day printed as its day alone (`từ ngày 14 đến ngày
    // 17/8/2026`) is a date of the last day's month and year; printed
    // without `ngày` and its year (`Từ 15/3 đến 20/3/2027`), of the last
    // day's year ([`YEARLESS`] reads it after `ngày`).
    for c in DAY_RANGE.captures_iter(f) {
        let (Some(m), Some(d), None) = (c.get(0), c.get(2), c.get(4)) else {
            continue;
        };
        let n = |i: usize| group_number(&c, i);
        let day: u32 = d.as_str().parse().unwrap_or(0);
        if !word_start(f, m.start()) {
            continue;
        }
        let value = match (c.get(1), c.get(3)) {
            (Some(ngay), None) if day < n(5) => {
                iso_date(day, n(6), n(7)).map(|v| (v, ngay.start(), d.end()))
            }
            (None, Some(mo)) => iso_date(day, n(3), n(7)).map(|v| (v, d.start(), mo.end())),
            _ => None,
        };
        if let Some((value, start, end)) = value {
            push(doc, &mut out, value, (start, end));
        }
    }
    out.sort_by_key(|d| d.span.0);
    out
}

/// Adds a date found at folded span `fs` unless it overlaps one already found.
fn push(doc: &DocText, out: &mut Vec<Found<DateRecord>>, value: String, fs: Span) {
    push_at(doc, out, value, fs, fs.0);
}

/// [`push`], the date's line being that of folded offset `at` (its day's,
/// where `ngày` ends the line before).
fn push_at(doc: &DocText, out: &mut Vec<Found<DateRecord>>, value: String, fs: Span, at: usize) {
    let span = (doc.to_orig(fs.0), doc.to_orig(fs.1));
    if out.iter().any(|d| overlaps(d.span, span)) {
        return;
    }
    out.push(Found {
        record: DateRecord {
            value,
            raw: doc.slice(span).to_owned(),
            line: doc.line_of(doc.to_orig(at)),
        },
        span,
    });
}

/// True when folded byte `i` does not continue a word.
pub(crate) fn word_start(f: &str, i: usize) -> bool {
    f[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// True when no digit, `/` or `.digit` touches the figure from the left.
fn free_before(f: &str, i: usize) -> bool {
    f[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !(c.is_alphanumeric() || c == '/' || c == '.' || c == '-'))
}

/// True when no digit or letter continues the figure on the right.
fn free_after(f: &str, i: usize) -> bool {
    let mut it = f[i..].chars();
    match it.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '/' => false,
        Some('.' | ',' | '-') => !it.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

/// `6 tháng đầu năm 2025`, `6 tháng cuối năm`, and `9 tháng năm 2025` (the
/// year's first nine months, a report's period).
static HALF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,2})\s+thang\s+(?:(dau|cuoi)\s+)?nam(?:\s+(\d{4}))?").expect("valid regex")
});
static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"quy\s+(iv|[1l]v|[il1ht]{1,3}|[1-4])((?:\s*(?:,|va|-)\s*(?:iv|[1l]v|[il1ht]{1,3}|[1-4]))*)\s*(?:,\s*)?(?:nam\s*|/\s*)(\d{4})")
        .expect("valid regex")
});
/// A crop season and its year (`vụ Hè Thu năm 2024`), or the two years it
/// spans (`vụ Đông Xuân 2024 - 2025`), folded.
static CROP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"vu\s+(?:dong\s+xuan|he\s+thu|thu\s+dong|chiem(?:\s+xuan)?|mua|dong|xuan|he)\s+(?:nam\s+)?(\d{4})(?:\s*(?:-|–|—)\s*(\d{4}))?",
    )
    .expect("valid regex")
});
/// `giai đoạn 2021 - 2025`, `năm học 2024 - 2025`, `(năm 2025 - 2027)`; OCR
/// prints the dash as `=` or `~` too.
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:giai\s+doan|nhiem\s+ky|ky|thoi\s+ky|tu\s+nam|nam\s+hoc|nam)\s+(\d{4})\s*(?:-|–|—|=|~|den)\s*(?:nam\s+)?(\d{4})",
    )
    .expect("valid regex")
});
/// `từ ngày 01/4/2025 đến (hết) ngày 30/11/2025` (folded).
/// The first day takes the last one's year when it prints none (`từ ngày
/// 15/11 đến ngày 19/11/2025`, or in a timetable's cell without `ngày`,
/// `Từ 15/3 đến 20/3/2027`), and its month too when it prints only the day
/// after `ngày` (`từ ngày 14 đến ngày 17/8/2026`). Group 1 is `ngày`.
static DAY_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"tu\s+(ngay\s+)?(\d{{1,2}})(?:/(\d{{1,2}})(?:/(\d{{4}}))?)?{UNTIL_DAY}"
    ))
    .expect("valid regex")
});
/// `, đến (hết) (N giờ (M phút)) (ngày) D/M/YYYY` (folded), a span's last
/// day: day, month and year captured.
const UNTIL_DAY: &str = r"\s*,?\s*den\s+(?:het\s+)?(?:\d{1,2}\s*gio(?:\s*\d{1,2}\s*phut)?\s+)?(?:ngay\s+)?(\d{1,2})/(\d{1,2})/(\d{4})";
/// [`UNTIL_DAY`] right after a day printed without its year: the end of a
/// span, whose year the first day shares.
static RANGE_END_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{UNTIL_DAY}")).expect("valid regex"));
/// `từ tháng 4 đến tháng 8/2026`, `từ tháng 11/2026 đến (hết) tháng
/// 4/2027`, `tháng 6 - tháng 7/2026` (folded): a span of months, the first
/// in the last one's year when it prints none.
static MONTH_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:tu\s+)?thang\s+(\d{1,2})(?:\s*(?:nam\s+|/\s*)(\d{4}))?\s*(?:den\s+(?:het\s+)?|-|–)\s*thang\s+(\d{1,2})\s*(?:nam\s+|/\s*)(\d{4})",
    )
    .expect("valid regex")
});
static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"thang\s+(\d{1,2})\s*(?:nam\s+|/\s*)(\d{4})").expect("valid regex")
});
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:(tu|den)\s+)?nam\s+(\d{4})").expect("valid regex"));

/// A quarter's numeral, Roman or Arabic. OCR reads Roman `I` as `1` or `l`
/// and two of them run together as `H` (`HI/2026` for `III/2026`); quarters
/// stop at 4, so `11` after `Quý` can only be `II`.
fn roman(s: &str) -> Option<u32> {
    match s {
        "2" => Some(2),
        "3" => Some(3),
        "4" | "iv" | "1v" | "lv" => Some(4),
        _ => {
            let strokes = s
                .chars()
                .map(|c| match c {
                    // OCR's `T` for a stroke inside a numeral (`ITI`).
                    'i' | '1' | 'l' | 't' => Some(1),
                    'h' => Some(2),
                    _ => None,
                })
                .sum::<Option<u32>>()?;
            // A `t` alone, or opening or closing it, is no numeral.
            let t_inside = !s.starts_with('t') && !s.ends_with('t');
            ((1..=3).contains(&strokes) && t_inside).then_some(strokes)
        }
    }
}

/// `quý III và ` / `tháng 3, ` (folded) right before a period that prints
/// its year (`quý III và 9 tháng năm 2025`, `tháng 3 và quý I năm 2025`,
/// `tháng 6, tháng 7 năm 2026`): a quarter or month that shares that year.
static SHARES_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:quy\s+(iv|[1l]v|[il1ht]{1,3}|[1-4])|thang\s+(\d{1,2}))(?:\s+va\s+|\s*,\s*)$")
        .expect("valid regex")
});

/// `, định hướng đến năm 2030` / `, tầm nhìn đến 2030` right after a period:
/// the horizon of that period, not a period of its own.
static HORIZON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*,?\s*(?:dinh\s+huong|tam\s+nhin)\s+den\s+(?:nam\s+)?\d{4}")
        .expect("valid regex")
});

/// Every period in the document, in text order. Periods inside `dates` spans
/// (`tháng 6 năm 2023` of a full date) are skipped.
///
/// The second vector holds spans of period-like phrases with no year
/// (`6 tháng đầu năm`): not periods, but not figures either.
pub(crate) fn find_periods(doc: &DocText, dates: &[Span]) -> (Vec<Found<Period>>, Vec<Span>) {
    let f = &doc.folded;
    let mut out: Vec<Found<Period>> = Vec::new();
    let mut yearless = Vec::new();
    // A period within a date (`tháng 6 năm 2023` of a full date) is none,
    // unless it spans dates (`over_dates`: `từ ngày … đến ngày …`).
    let add_over = |out: &mut Vec<Found<Period>>, value: String, fs: Span, over_dates: bool| {
        let span = (doc.to_orig(fs.0), doc.to_orig(fs.1));
        let in_date = !over_dates && dates.iter().any(|d| overlaps(*d, span));
        if in_date || out.iter().any(|p| overlaps(p.span, span)) {
            return;
        }
        out.push(Found {
            record: Period {
                value,
                raw: doc.slice(span).to_owned(),
                line: doc.line_of(span.0),
            },
            span,
        });
    };
    let add =
        |out: &mut Vec<Found<Period>>, value: String, fs: Span| add_over(out, value, fs, false);
    for c in HALF.captures_iter(f) {
        let (Some(m), Some(n)) = (c.get(0), c.get(1)) else {
            continue;
        };
        // `ngày 6 tháng năm 2025` is a date with its month left blank.
        if !free_before(f, m.start()) || ngay_before(&f[..m.start()]) {
            continue;
        }
        let months: u32 = n.as_str().parse().unwrap_or(0);
        let which = c.get(2).map_or("dau", |w| w.as_str());
        let Some(y) = c.get(3) else {
            // `9 tháng năm` names no period without its year.
            if c.get(2).is_some() {
                yearless.push((doc.to_orig(m.start()), doc.to_orig(m.end())));
            }
            continue;
        };
        let year: u32 = y.as_str().parse().unwrap_or(0);
        if !(1..=12).contains(&months) || !year_ok(year) {
            continue;
        }
        let (a, b) = if which == "dau" {
            (1, months)
        } else {
            (13 - months, 12)
        };
        add(
            &mut out,
            format!("{year}-{a:02}/{year}-{b:02}"),
            (m.start(), m.end()),
        );
    }
    for c in QUARTER.captures_iter(f) {
        let (Some(m), Some(q), Some(y)) = (c.get(0), c.get(1), c.get(3)) else {
            continue;
        };
        if !word_start(f, m.start()) {
            continue;
        }
        let year = y.as_str();
        // A numeral of four strokes or more (`hh`) is no quarter.
        let Some(first) = roman(q.as_str()) else {
            continue;
        };
        let last = c
            .get(2)
            .and_then(|rest| {
                rest.as_str()
                    .split(|ch: char| !ch.is_ascii_alphanumeric())
                    .filter_map(roman)
                    .next_back()
            })
            .unwrap_or(first);
        let value = if last > first {
            format!("{year}-Q{first}/{year}-Q{last}")
        } else {
            format!("{year}-Q{first}")
        };
        add(&mut out, value, (m.start(), m.end()));
    }
    // `từ ngày 01/4/2025 đến ngày 30/11/2025`: a span of days, over the two
    // dates (which stay dates too).
    for c in DAY_RANGE.captures_iter(f) {
        let Some(m) = c.get(0) else { continue };
        let n = |i: usize| group_number(&c, i);
        // Without `ngày`, the first day prints its month (`Từ 15/3`).
        if c.get(1).is_none() && c.get(3).is_none() {
            continue;
        }
        let first_year = if c.get(4).is_some() { n(4) } else { n(7) };
        let first_month = if c.get(3).is_some() { n(3) } else { n(6) };
        let (from, to) = ((first_year, first_month, n(2)), (n(7), n(6), n(5)));
        let valid =
            |(y, mo, d): (u32, u32, u32)| year_ok(y) && (1..=days_in_month(y, mo)).contains(&d);
        if !word_start(f, m.start()) || !valid(from) || !valid(to) || from > to {
            continue;
        }
        let value = format!(
            "{:04}-{:02}-{:02}/{:04}-{:02}-{:02}",
            from.0, from.1, from.2, to.0, to.1, to.2
        );
        add_over(&mut out, value, (m.start(), m.end()), true);
    }
    for c in CROP.captures_iter(f) {
        let (Some(m), Some(a)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let year = |g: regex::Match<'_>| g.as_str().parse::<u32>().unwrap_or(0);
        let first = year(a);
        let value = match c.get(2).map(year) {
            Some(last) if last == first + 1 => format!("{first}/{last}"),
            Some(_) => continue,
            None => format!("{first}"),
        };
        if word_start(f, m.start()) && free_after(f, m.end()) && year_ok(first) {
            add(&mut out, value, (m.start(), m.end()));
        }
    }
    for c in RANGE.captures_iter(f) {
        let (Some(m), Some(a), Some(b)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        if !word_start(f, m.start()) {
            continue;
        }
        let (ya, yb): (u32, u32) = (
            a.as_str().parse().unwrap_or(0),
            b.as_str().parse().unwrap_or(0),
        );
        if year_ok(ya) && year_ok(yb) && ya <= yb {
            add(&mut out, format!("{ya}/{yb}"), (m.start(), m.end()));
        }
    }
    for c in MONTH_RANGE.captures_iter(f) {
        let (Some(m), Some(ma), Some(mb), Some(yb)) = (c.get(0), c.get(1), c.get(3), c.get(4))
        else {
            continue;
        };
        let n = |g: regex::Match<'_>| g.as_str().parse::<u32>().unwrap_or(0);
        let (ma, mb, yb) = (n(ma), n(mb), n(yb));
        let ya = c.get(2).map_or(yb, n);
        let ok = |y: u32, mo: u32| year_ok(y) && days_in_month(y, mo) > 0;
        if word_start(f, m.start()) && ok(ya, ma) && ok(yb, mb) && (ya, ma) < (yb, mb) {
            let value = format!("{ya:04}-{ma:02}/{yb:04}-{mb:02}");
            add(&mut out, value, (m.start(), m.end()));
        }
    }
    for c in MONTH.captures_iter(f) {
        let (Some(m), Some(mo), Some(y)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let (month, year): (u32, u32) = (
            mo.as_str().parse().unwrap_or(0),
            y.as_str().parse().unwrap_or(0),
        );
        if word_start(f, m.start()) && year_ok(year) && days_in_month(year, month) > 0 {
            add(
                &mut out,
                format!("{year:04}-{month:02}"),
                (m.start(), m.end()),
            );
        }
    }
    for c in YEAR.captures_iter(f) {
        let (Some(m), Some(y)) = (c.get(0), c.get(2)) else {
            continue;
        };
        let year: u32 = y.as_str().parse().unwrap_or(0);
        if !word_start(f, m.start()) || !free_after(f, m.end()) || !year_ok(year) {
            continue;
        }
        let value = match c.get(1).map(|w| w.as_str()) {
            Some("den") => format!("../{year}"),
            _ => format!("{year}"),
        };
        add(&mut out, value, (m.start(), m.end()));
    }
    out.sort_by_key(|p| p.span.0);
    // A chain (`tháng 6, tháng 7 và tháng 8 năm 2026`) shares its year from
    // the right, one link a round: each round looks before the periods the
    // last one added.
    let mut from = 0;
    while from < out.len() {
        let shared: Vec<(String, Span)> = out[from..]
            .iter()
            .filter_map(|p| shares_year(doc, p))
            .collect();
        from = out.len();
        for (value, fs) in shared {
            add(&mut out, value, fs);
        }
    }
    out.sort_by_key(|p| p.span.0);
    absorb_horizons(doc, &mut out);
    (out, yearless)
}

/// The yearless quarter or month joined by `và` to `next` (see
/// [`SHARES_YEAR`]), valued in `next`'s year, with its folded span.
fn shares_year(doc: &DocText, next: &Found<Period>) -> Option<(String, Span)> {
    let year: u32 = next.record.value.get(..4)?.parse().ok()?;
    let f = &doc.folded;
    let before = doc.folded_before(next.span.0, 24);
    let from = doc.to_fold(next.span.0) - before.len();
    let c = SHARES_YEAR.captures(before)?;
    let m = c.get(0)?;
    let start = from + m.start();
    if !word_start(f, start) || ngay_before(&f[..start]) {
        return None;
    }
    let value = if let Some(q) = c.get(1) {
        format!("{year}-Q{}", roman(q.as_str())?)
    } else {
        let month: u32 = c.get(2)?.as_str().parse().ok()?;
        (days_in_month(year, month) > 0).then(|| format!("{year:04}-{month:02}"))?
    };
    // The span ends with the quarter's or month's numeral, before `và`.
    let numeral_end = c.get(1).or(c.get(2))?.end();
    Some((value, (start, from + numeral_end)))
}

/// Drops the periods that are the horizon of the period before them
/// (`giai đoạn 2022-2025, tầm nhìn đến năm 2030`) and stretches that
/// period's span over the horizon, so its year is no figure either.
fn absorb_horizons(doc: &DocText, out: &mut Vec<Found<Period>>) {
    let mut i = 1;
    while i < out.len() {
        let (prev_end, cur) = (out[i - 1].span.1, out[i].span);
        let fs = doc.to_fold(prev_end);
        let horizon = HORIZON
            .find(doc.folded.get(fs..).unwrap_or(""))
            .map(|m| doc.to_orig(fs + m.end()));
        if horizon.is_some_and(|h| cur.0 >= prev_end && cur.1 <= h) {
            out[i - 1].span.1 = cur.1;
            out.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Each distinct period once, at its first mention: the set of periods a
/// document speaks of (the gold's convention; repeated mentions are not
/// listed again). Spans of all mentions stay with [`find_periods`].
pub(crate) fn first_mentions(periods: &[Found<Period>]) -> Vec<Period> {
    let mut seen = std::collections::HashSet::new();
    periods
        .iter()
        .filter(|p| seen.insert(p.record.value.clone()))
        .map(|p| p.record.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(lines: &[&str]) -> Vec<(String, String, usize)> {
        find_dates(&DocText::new(lines))
            .into_iter()
            .map(|d| (d.record.value, d.record.raw, d.record.line))
            .collect()
    }

    fn periods(lines: &[&str]) -> Vec<String> {
        let doc = DocText::new(lines);
        let ds: Vec<Span> = find_dates(&doc).iter().map(|d| d.span).collect();
        find_periods(&doc, &ds)
            .0
            .into_iter()
            .map(|p| p.record.value)
            .collect()
    }

    #[test]
    fn days_listed_after_a_yearless_one() {
        let got: Vec<String> =
            dates(&["Trước ngày 15/7 và 15/01 hằng năm; ngày 10/3, 15/6 và 1/9"])
                .into_iter()
                .map(|d| d.0)
                .collect();
        assert_eq!(got, ["--07-15", "--01-15", "--03-10", "--06-15", "--09-01"]);
        // Not a fraction after a full date, nor a day with its year.
        assert_eq!(dates(&["ngày 15/7 và 15/01/2026"]).len(), 2);
    }

    #[test]
    fn two_days_sharing_their_month() {
        let got = |l: &str| -> Vec<String> { dates(&[l]).into_iter().map(|d| d.0).collect() };
        assert_eq!(
            got("tập huấn vào ngày 08 và 09/10/2026 tại Sở"),
            ["2026-10-08", "2026-10-09"]
        );
        assert_eq!(
            got("Trong hai ngày 16 và 17 tháng 12 năm 2026, Ban Chấp hành"),
            ["2026-12-16", "2026-12-17"]
        );
        // A timetable's span whose first day prints no year.
        assert_eq!(
            got("06/6 - 20/8/2027 Triển khai cao điểm"),
            ["2027-06-06", "2027-08-20"]
        );
        // No first day after the last; no fraction before a date.
        assert_eq!(got("ngày 19 và 09/10/2026"), ["2026-10-09"]);
        assert_eq!(got("25/8 - 20/8/2027"), ["2027-08-20"]);
    }

    #[test]
    fn a_span_s_first_day_alone() {
        assert_eq!(
            dates(&["bão số 3 (từ ngày 14 đến ngày 17/8/2026)"]),
            vec![
                ("2026-08-14".into(), "ngày 14".into(), 1),
                ("2026-08-17".into(), "17/8/2026".into(), 1)
            ]
        );
        assert_eq!(
            periods(&["bão số 3 (từ ngày 14 đến ngày 17/8/2026)"]),
            vec!["2026-08-14/2026-08-17"]
        );
        assert_eq!(
            periods(&["(từ ngày 10 đến", "12/4/2026)"]),
            vec!["2026-04-10/2026-04-12"]
        );
        // A first day after the last is no day of the span.
        assert_eq!(dates(&["từ ngày 20 đến ngày 17/8/2026"]).len(), 1);
    }

    #[test]
    fn numeric_and_long_dates() {
        assert_eq!(
            dates(&["ngày 17/01/2024 và ngày 28 tháng 12 năm 2023"]),
            vec![
                ("2024-01-17".into(), "17/01/2024".into(), 1),
                ("2023-12-28".into(), "ngày 28 tháng 12 năm 2023".into(), 1)
            ]
        );
        assert_eq!(
            dates(&["Hà Nội, ngày 05 tháng 01 năm 2020"])[0].0,
            "2020-01-05"
        );
        assert_eq!(
            dates(&[
                "ngày 25 tháng. 6 năm 2025",
                "ngày 3 tháng 7. năm 2026",
                "ngày 05 tháng 12: năm 2025",
                "ngày 15 tháng 12 năm _.2025"
            ])
            .into_iter()
            .map(|d| d.0)
            .collect::<Vec<String>>(),
            vec!["2025-06-25", "2026-07-03", "2025-12-05", "2025-12-15"]
        );
        assert_eq!(
            dates(&["Nghĩa Kỳ, ngày 25. tháng 6 năm 2024"])[0].0,
            "2024-06-25"
        );
        // A speck after `ngày`, a quote mark before the year.
        assert_eq!(
            dates(&["Luật Xây dựng ngày. 17 tháng 6 năm ‘2014;"])[0].0,
            "2014-06-17"
        );
        // OCR split the month's two digits.
        assert_eq!(
            dates(&["Quyết định số 1125/QĐ-UBND ngày 08/1 1/2024 của UBND tỉnh"])[0].0,
            "2024-11-08"
        );
        // A month of one digit stays one.
        assert_eq!(dates(&["ngày 8/1/2024"])[0].0, "2024-01-08");
    }

    #[test]
    fn slashes_heavy_scans_garbled_or_lost() {
        let values =
            |lines: &[&str]| -> Vec<String> { dates(lines).into_iter().map(|d| d.0).collect() };
        // A slash printed `°`, beside another separator or alone.
        assert_eq!(
            values(&["ngày 20°4°2027", "ngày. 15°4/2026", "hạn 05/3°2027 và"]),
            ["2027-04-20", "2026-04-15", "2027-03-05"]
        );
        // The first slash lost, or both, after `ngày` only.
        assert_eq!(
            values(&["ngày 2801/2026", "đến ngày 3110-2026", "ngày: 16122025"]),
            ["2026-01-28", "2026-10-31", "2025-12-16"]
        );
        assert!(values(&["số 2801/2026 của", "ngày 3213/2026", "ngày 28012026/QĐ"]).is_empty());
        // A word OCR glued to the year, after `ngày` only.
        assert_eq!(values(&["ngày 18/7/2026của UBND"]), ["2026-07-18"]);
        assert!(values(&["mã 18/7/2026abc"]).is_empty());
    }

    #[test]
    fn validates_dates() {
        assert!(dates(&["ngày 31/02/2023"]).is_empty());
        assert!(dates(&["ngày 29/02/2023"]).is_empty());
        assert_eq!(dates(&["ngày 29/02/2024"])[0].0, "2024-02-29");
        assert!(dates(&["13/13/2023"]).is_empty());
        assert!(dates(&["số 15/12/20231"]).is_empty());
        // Mixed separators only after `ngày`, a colon never alone.
        assert_eq!(dates(&["ngày 21-4/2025 của Sở"])[0].0, "2025-04-21");
        assert_eq!(
            dates(&["trước ngày 10/8:2025, đồng thời"])[0].0,
            "2025-08-10"
        );
        assert_eq!(dates(&["ngày 21:3:2019 của"])[0].0, "2019-03-21");
        assert_eq!(dates(&["ngày 22-01:2024 của"])[0].0, "2024-01-22");
        assert!(dates(&["mã 21-4/2025"]).is_empty());
        assert!(dates(&["lúc 10:8:2025"]).is_empty());
        // After OCR's `nay` for `ngày` too; a space for the second slash
        // only after it.
        assert_eq!(dates(&["số 06/QĐ-TTg nay 06-01/2022"])[0].0, "2022-01-06");
        assert_eq!(dates(&["ngày 03/3 2025 của UBND"])[0].0, "2025-03-03");
        assert!(dates(&["tỷ lệ 03/3 2025 hộ"]).is_empty());
        assert!(dates(&["ngày 03 3 2025"]).is_empty(), "no slash at all");
    }

    #[test]
    fn partial_dates() {
        assert_eq!(
            dates(&["Quảng Ngãi, ngày /# tháng 6 năm 2023"])[0].0,
            "2023-06"
        );
        assert_eq!(dates(&["ngày   tháng 3 năm 2024"])[0].0, "2024-03");
        assert_eq!(
            dates(&["Báo cáo số /BC-VP ngày /6/2023 của"])[0].0,
            "2023-06"
        );
        assert_eq!(dates(&["/ /2025 của Văn phòng"])[0].0, "2025");
        assert_eq!(dates(&["[ 12025 của Văn phòng"])[0].0, "2025");
        assert!(dates(&["| 12025 của"]).is_empty());
    }

    #[test]
    fn dates_split_over_lines() {
        assert_eq!(dates(&["ban hành ngày", "14/02/2023"])[0].2, 2);
        assert_eq!(
            dates(&["Tờ trình số 836/TTr-SNV ngày", "22 tháng 8 năm 2025"])[0].2,
            2
        );
    }

    #[test]
    fn the_first_months_of_a_year() {
        assert_eq!(
            periods(&["báo cáo 9 tháng năm 2025; 6 tháng đầu năm 2024"]),
            ["2025-01/2025-09", "2024-01/2024-06"]
        );
        assert!(periods(&["ngày 6 tháng năm 2025"])
            .iter()
            .all(|p| p != "2025-01/2025-06"));
    }

    #[test]
    fn a_span_of_days_whose_first_prints_no_year() {
        assert_eq!(
            periods(&["họp từ ngày 15/11 đến ngày 19/11/2025 tại"]),
            ["2025-11-15/2025-11-19"]
        );
        let d = dates(&["họp từ ngày 15/11 đến ngày 19/11/2025 tại"]);
        let got: Vec<&str> = d.iter().map(|d| d.0.as_str()).collect();
        assert_eq!(got, ["2025-11-15", "2025-11-19"]);
        // Times of day before the last day.
        let d = dates(&["Từ 19 giờ ngày 24/9 đến 13 giờ ngày 27/9/2026, có mưa"]);
        let got: Vec<&str> = d.iter().map(|d| d.0.as_str()).collect();
        assert_eq!(got, ["2026-09-24", "2026-09-27"]);
        // A timetable's cell, without `ngày`.
        let cell = ["2 Tập huấn phần mềm quản lý thi Từ 15/3 đến 20/3/2027 Phòng QLCL"];
        let d = dates(&cell);
        let got: Vec<(&str, &str)> = d.iter().map(|d| (d.0.as_str(), d.1.as_str())).collect();
        assert_eq!(got, [("2027-03-15", "15/3"), ("2027-03-20", "20/3/2027")]);
        assert_eq!(periods(&cell), ["2027-03-15/2027-03-20"]);
        // Without `ngày` a lone day is no date (`từ 14 đến 17/8/2026`).
        assert_eq!(dates(&["tăng từ 14 đến 17/8/2026"]).len(), 1);
        assert!(periods(&["tăng từ 14 đến 17/8/2026"]).is_empty());
    }

    #[test]
    fn spans_of_months() {
        assert_eq!(
            periods(&["trong thời gian từ tháng 4 đến tháng 8/2026."]),
            ["2026-04/2026-08"]
        );
        assert_eq!(
            periods(&[
                "kéo dài từ tháng 11/2026",
                "đến tháng 4/2027; dịp hè (tháng 6 - tháng 7/2026)"
            ]),
            ["2026-11/2027-04", "2026-06/2026-07"]
        );
        assert_eq!(
            periods(&["từ tháng 5/2025 đến hết tháng 12/2025"]),
            ["2025-05/2025-12"]
        );
        // Backwards is no span: each month stands alone.
        assert_eq!(
            periods(&["tháng 8/2026 - tháng 4/2026"]),
            ["2026-08", "2026-04"]
        );
    }

    #[test]
    fn dates_of_every_year() {
        let d = dates(&["báo cáo trước ngày 15/6 và ngày", "15 tháng 12 hằng năm."]);
        let got: Vec<(&str, usize)> = d.iter().map(|d| (d.0.as_str(), d.2)).collect();
        assert_eq!(got, [("--06-15", 1), ("--12-15", 2)]);
        assert_eq!(dates(&["ngày 15/6/2025"])[0].0, "2025-06-15");
        assert_eq!(dates(&["ngày 15 tháng 6 năm 2025"])[0].0, "2025-06-15");
        assert!(dates(&["ngày 31/2 và ngày 5/13"]).is_empty());
        // Its year misread is a year all the same.
        assert!(dates(&["Thanh Hoa, ngay 14 thang 1) nav 2025"]).is_empty());
    }

    #[test]
    fn horizons_belong_to_their_period() {
        assert_eq!(
            periods(&["giai đoạn 2022-2025, tầm nhìn đến năm 2030 và năm 2030"]),
            vec!["2022/2025", "2030"]
        );
        assert_eq!(
            periods(&["đến năm 2025, định hướng", "đến năm 2030 của tỉnh"]),
            vec!["../2025"]
        );
        // A later `đến năm` with no horizon word is a period of its own.
        assert_eq!(
            periods(&["giai đoạn 2021 - 2025; đến năm 2030"]),
            vec!["2021/2025", "../2030"]
        );
    }

    #[test]
    fn first_mentions_only() {
        let doc = DocText::new(&["năm 2023, giai đoạn 2021 - 2025 và năm 2023; năm 2024"]);
        let (found, _) = find_periods(&doc, &[]);
        let v: Vec<String> = first_mentions(&found)
            .into_iter()
            .map(|p| p.value)
            .collect();
        assert_eq!(v, vec!["2023", "2021/2025", "2024"]);
    }

    #[test]
    fn periods_found() {
        assert_eq!(periods(&["6 tháng đầu năm 2023"]), vec!["2023-01/2023-06"]);
        assert_eq!(periods(&["6 tháng cuối năm 2023"]), vec!["2023-07/2023-12"]);
        assert_eq!(periods(&["Quý I năm 2024"]), vec!["2024-Q1"]);
        assert_eq!(
            periods(&["Vụ Đông Xuân 2025 - 2026 gieo cấy", "vụ Hè Thu năm 2024 có"]),
            vec!["2025/2026", "2024"]
        );
        assert_eq!(
            periods(&[
                "quý III và 9 tháng năm 2025",
                "tháng 3 và quý I năm 2024",
                "tháng 6, tháng 7 và tháng 8 năm 2026"
            ]),
            vec![
                "2025-Q3",
                "2025-01/2025-09",
                "2024-03",
                "2024-Q1",
                "2026-06",
                "2026-07",
                "2026-08"
            ]
        );
        // A day's month is no period, nor a quarter joined by anything but
        // `và` or a comma.
        assert_eq!(
            periods(&["ngày 5 tháng 3 và quý I năm 2024", "quý II hoặc năm 2024"]),
            vec!["2024-Q1", "2024"]
        );
        assert_eq!(periods(&["Quý I, II/2023"]), vec!["2023-Q1/2023-Q2"]);
        assert_eq!(periods(&["giai đoạn 2021 - 2025"]), vec!["2021/2025"]);
        assert_eq!(
            periods(&["trung hạn giai đoạn 2021", "= 2025:"]),
            vec!["2021/2025"]
        );
        assert_eq!(periods(&["nhiệm kỳ 2021-2026"]), vec!["2021/2026"]);
        assert_eq!(
            periods(&["Tổng kết năm học 2024 - 2025"]),
            vec!["2024/2025"]
        );
        assert_eq!(
            periods(&["Giai đoạn 1 (năm 2025 - 2027):"]),
            vec!["2025/2027"]
        );
        assert_eq!(
            periods(&["từ ngày 01/4/2025 đến ngày 30/11/2025, tập trung"]),
            vec!["2025-04-01/2025-11-30"]
        );
        assert!(periods(&["từ ngày 30/11/2025 đến ngày 01/4/2025"]).is_empty());
        assert_eq!(periods(&["trong năm 2023"]), vec!["2023"]);
        assert_eq!(
            periods(&["Quý I, 11/2023; từ Quý 11/2023"]),
            vec!["2023-Q1/2023-Q2", "2023-Q2"]
        );
        assert_eq!(
            periods(&["quý 1/2024, quý 4/2024"]),
            vec!["2024-Q1", "2024-Q4"]
        );
        // `H` is two strokes of a Roman numeral run together.
        assert_eq!(
            periods(&["từ quý HI/2026", "Quý Il năm 2025", "quý H/2024"]),
            vec!["2026-Q3", "2025-Q2", "2024-Q2"]
        );
        // `hh` would be four strokes: no quarter.
        assert_eq!(periods(&["quý hh/2024"]), Vec::<String>::new());
        // `T` for a stroke inside the numeral, not at its ends.
        assert_eq!(periods(&["trong quý ITI/2025"]), vec!["2025-Q3"]);
        assert_eq!(
            periods(&["quý T/2025", "quý IT/2025"]),
            Vec::<String>::new()
        );
        assert_eq!(
            periods(&["ngày 28 tháng 12 năm 2023"]),
            Vec::<String>::new()
        );
    }
}
