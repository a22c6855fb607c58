//! Tables printed without rules: a heading line of column names, then rows
//! of a name and figures set apart by spaces alone:
//!
//! ```text
//! TT Chỉ tiêu Kế hoạch năm 2024 Thực hiện 9 tháng Tỷ lệ (%)
//! 1 Cấp Giấy chứng nhận lần đầu (giấy) 650 512 78,8
//! 2 Thu tiền sử dụng đất (tỷ đồng) 120,0 83,6 69,7
//! ```
//!
//! Layout reports these tables and extraction reads their figures, so both
//! find them here. A table is a heading line that opens with a row number's
//! or a name's column ([`FIRST_COLUMNS`]) and names two columns or more of
//! a report's table ([`COLUMN_WORDS`]), then two rows or more, each an
//! optional row number, a name with a letter, and two figures or more
//! ending the line. Lines with `|` belong to [`super::cells`].
//!
//! The heading's columns start where its column names do (`TT`, `Chỉ
//! tiêu`, `Kế hoạch năm 2024`, `Thực hiện 9 tháng`, `Tỷ lệ (%)`); a row's
//! figures fill the columns from the right.
//!
//! Invariant: the tables found never overlap, and each covers whole lines.

use super::viet::skeleton;
use regex::Regex;
use std::sync::LazyLock;

/// A row's optional number and its name, from the line's start: what
/// [`ROW`] and [`glued_row`] read before the figures (past a lone bar OCR
/// read for the number, see [`has_column_bar`], and a dot OCR glued to the
/// name's end: `7 Chi bảo đảm xã hội. 1.145 862,7`).
const NUMBER_AND_NAME: &str = r"^\s*(?:\|\s+)?(?:(?P<no>\d{1,2}(?:\.\d{1,2})?)\.?\s+)?(?P<name>.*(?:[\p{L})%,]|\p{L}-?\d+))\.?";

/// A row: an optional row number, a name ending with a letter, `)`, `%`,
/// the comma of a name that wraps (`5 Vi phạm về phòng cháy, 8 9 +1`) or a
/// word of letters then digits (`7 COVID-19 15 38 -23`, `H5N1`),
/// then two figures or more to the line's end, each maybe bounded (`≥ 95,0`,
/// OCR's `> 95,0`) and with a speck OCR
/// glued after it (`42,0: 44,3`, see [`SPECKS`]), those after the first
/// maybe signed (a change: `47 41 -6`) or a change's rate in brackets (`14
/// 17 -3 (-17,6%)`).
static ROW: LazyLock<Regex> = LazyLock::new(|| {
    // A figure before another may also carry a dot OCR glued after it
    // (`92,71. 1,86`); the line's last may not: prose ends so (`năm 2025
    // và 2026.`).
    const FIGURE: &str = r"\d+(?:[.,]\d+)*";
    const SIGN: &str = r"(?:-|\+\s?)?";
    const RATE: &str = r"\([-+]?\d+(?:[.,]\d+)*%\)";
    let first = format!(r"{BOUND}{FIGURE}[:;'.]?|-");
    let mid = format!(r"{BOUND}{SIGN}{FIGURE}[:;'.]?|-|{RATE}");
    let last = format!(r"{BOUND}{SIGN}{FIGURE}[:;']?|-|{RATE}");
    Regex::new(&format!(
        r"{NUMBER_AND_NAME}\s+(?P<figs>(?:{first})(?:\s+(?:{mid}))*\s+(?:{last}))\s*$"
    ))
    .expect("valid regex")
});

/// A bound opening a figure's cell, as printed or as OCR reads it (see
/// [`bound_of`]), maybe a space apart: `≥ 95,0`, `> 95,0`.
const BOUND: &str = r"(?:[≥≤><=]\s?)?";

/// Specks OCR glues after a figure of a rule-less table, which the figure
/// drops.
const SPECKS: &[char] = &[':', ';', '\'', '.'];

/// Column names (folded words) of a report's tables; a heading names two
/// or more, and each starts a column.
const COLUMN_WORDS: &[&[&str]] = &[
    &["ty", "le"],
    &["ke", "hoach"],
    &["thuc", "hien"],
    &["gia", "tri"],
    &["chi", "tieu"],
    &["don", "vi"],
    &["khoan", "muc"],
    &["so", "luong"],
    &["noi", "dung"],
    &["ket", "qua"],
    &["cung", "ky"],
    &["don", "gia"],
    &["thanh", "tien"],
    &["kinh", "phi"],
    &["dien", "tich"],
    &["du", "toan"],
    &["dvt"],
    &["ghi", "chu"],
];

/// Column words (folded) that start a column only capitalised: `Năm 2025
/// Năm 2026 Tăng (+), giảm (-)`, `ĐVT Số lượng`, `ĐVT Quý III`, but `Kế
/// hoạch năm 2024` is one column.
const CAPITALISED_COLUMN_WORDS: &[&str] = &["nam", "tang", "so", "quy"];

/// Column names a report's heading abbreviates in capitals: `TH` (thực
/// hiện), `KH` (kế hoạch), `DT` (dự toán), `ƯTH` (ước thực hiện, OCR's
/// `UTH`); each starts a column, alone or in a ratio (`TH/DT (%)`).
const COLUMN_ABBREVIATIONS: &[&str] = &["TH", "KH", "DT", "ƯTH", "UTH"];

/// Is `word` a column's abbreviation, or a ratio of them (`TH/KH`)?
fn is_column_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches([',', ';']);
    !w.is_empty() && w.split('/').all(|p| COLUMN_ABBREVIATIONS.contains(&p))
}

/// How a heading opens (folded words): with the row number's or the name's
/// column, as prose does not.
const FIRST_COLUMNS: &[&[&str]] = &[
    &["tt"],
    &["stt"],
    &["chi", "tieu"],
    &["noi", "dung"],
    &["khoan", "muc"],
    &["ten"],
    &["danh", "muc"],
    &["linh", "vuc"],
    &["hang", "muc"],
    &["cap", "hoc"],
    &["don", "vi"],
    &["dia", "ban"],
    &["loai", "hinh"],
];

/// Longest heading line, in characters.
const MAX_HEADING: usize = 160;

/// A table printed without rules, by 0-based lines.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SpacedTable {
    /// The heading line.
    pub heading_line: usize,
    /// The heading's column names, as printed.
    pub columns: Vec<String>,
    /// The line after the last row (the first row follows the heading).
    pub end_line: usize,
    /// The commonest number of figures of its rows (0 while it is being
    /// found): a row whose figures OCR glued reads as this many.
    pub row_figures: usize,
}

impl SpacedTable {
    /// The columns the figures fill: those after the row number's and the
    /// name's (`STT Đơn vị …`: there `Đơn vị` names the rows, units of
    /// government, not units of measure).
    ///
    /// A last `Ghi chú` column holds notes in words, no figures: it is none
    /// of them.
    pub fn value_columns(&self) -> &[String] {
        let names = match self.columns.first() {
            Some(c) if matches!(skeleton(c).as_str(), "tt" | "stt") => 2,
            _ => 1,
        };
        let notes = usize::from(self.has_notes());
        let end = self.columns.len().saturating_sub(notes).max(names);
        self.columns.get(names..end).unwrap_or_default()
    }

    /// Does the heading end with a notes column (`Ghi chú`)?
    fn has_notes(&self) -> bool {
        self.columns
            .last()
            .is_some_and(|c| super::viet::skeleton_eq(c, "ghi chu"))
    }

    /// The row `line` prints in this table: as [`row`], or, in a table of
    /// one value column, a numbered row of one figure (`1.1 Kế toán Kế
    /// toán viên 01`).
    pub fn row<'a>(&self, line: &'a str) -> Option<SpacedRow<'a>> {
        let columns = self.value_columns().len();
        // A note in words after the figures (`… 1.245 3 7.104,6 Đã cam
        // kết`), under a notes column.
        let line = if self.has_notes() {
            without_note(line)
        } else {
            line
        };
        row_in(line, columns == 1).or_else(|| {
            let r = glued_row(line)?;
            // The rows' own count once known (a heading's columns may not
            // all split: `6 tháng năm 2026` names no column word); while
            // the table is being found, as many as its heading names or more.
            let n = r.figures.len();
            let fits = if self.row_figures > 0 {
                n == self.row_figures
            } else {
                n >= columns
            };
            fits.then_some(r)
        })
    }
}

/// `line` without the words that end it after its last figure (a note:
/// `Đã lập biên bản`), or as it is where none do or a figure is among them.
fn without_note(line: &str) -> &str {
    let t = line.trim_end();
    let Some(last) = t.rfind(|c: char| c.is_ascii_digit()) else {
        return line;
    };
    // The end of the word holding the last digit.
    let cut = t[last..]
        .find(char::is_whitespace)
        .map_or(t.len(), |k| last + k);
    let tail = &t[cut..];
    if tail.trim().is_empty() || !tail.chars().any(char::is_alphabetic) {
        return line;
    }
    &t[..cut]
}

/// A row whose figures OCR glued together where a space or a speck parted
/// them (`8 Lỵ trực trùng 9 14-5` for `9 14 -5`, `47 112.-65`, `Tổng cộng
/// 2.204:2.366 -162`): its figures read apart at a change's sign or a speck
/// between digits (the table checks how many there are).
fn glued_row(line: &str) -> Option<SpacedRow<'_>> {
    static NAME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"{NUMBER_AND_NAME}\s*$")).expect("valid regex"));
    static FIGURE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[-+]?\d+(?:[.,]\d+)*$").expect("valid regex"));
    if has_column_bar(line) {
        return None;
    }
    let trimmed = line.trim_end();
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let mut figures: Vec<&str> = Vec::new();
    let mut glued = false;
    let mut name_end = trimmed.len();
    for &w in words.iter().rev() {
        let figure_like = w.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+')
            && w.chars()
                .all(|c| c.is_ascii_digit() || ".,:;-+".contains(c));
        if !figure_like {
            break;
        }
        let at = super::cells::offset_in(trimmed, w);
        // A plus sign OCR set apart from its figure (`+ 650-25.510`) opens
        // the cell of the figure after it.
        if w == "+" {
            let next = figures.last_mut()?;
            let end = super::cells::offset_in(trimmed, next) + next.len();
            *next = &trimmed[at..end];
            name_end = at;
            continue;
        }
        let mut pieces = split_glued(w);
        glued |= pieces.len() > 1;
        if !pieces.iter().all(|p| FIGURE.is_match(p)) {
            return None;
        }
        pieces.reverse();
        figures.extend(pieces);
        name_end = at;
    }
    figures.reverse();
    if !glued || figures.len() < 2 {
        return None;
    }
    let c = NAME.captures(&trimmed[..name_end])?;
    Some(SpacedRow {
        number: c.name("no").map(|m| m.as_str()),
        name: c.name("name")?.as_str().trim(),
        figures,
    })
}

/// The figures of `w` read apart: before a sign that follows a digit or a
/// speck (`14-5`, `112.-65`) and at a speck between digits (`2.204:2.366`),
/// specks dropped.
fn split_glued(w: &str) -> Vec<&str> {
    let b = w.as_bytes();
    let speck = |c: u8| matches!(c, b'.' | b':' | b';');
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..b.len() {
        let next_digit = b.get(i + 1).is_some_and(u8::is_ascii_digit);
        let sign = matches!(b[i], b'-' | b'+');
        // Not a span of years (`2026-2030`).
        let years = b[i] == b'-'
            && super::is_year(&w[start..i])
            && w.get(i + 1..i + 5).is_some_and(super::is_year);
        if sign && next_digit && !years && (b[i - 1].is_ascii_digit() || speck(b[i - 1])) {
            out.push(w[start..i].trim_end_matches(['.', ':', ';']));
            start = i;
        } else if matches!(b[i], b':' | b';') && next_digit && b[i - 1].is_ascii_digit() {
            out.push(&w[start..i]);
            start = i + 1;
        }
    }
    out.push(w[start..].trim_end_matches(SPECKS));
    out
}

/// The commonest number of figures of the rows among `lines` (the fewer on
/// a tie; 0 when none is a row).
fn commonest_figures<S: AsRef<str>>(table: &SpacedTable, lines: &[S]) -> usize {
    let mut counts: Vec<usize> = Vec::new();
    for r in lines.iter().filter_map(|l| table.row(l.as_ref())) {
        let n = r.figures.len();
        if counts.len() <= n {
            counts.resize(n + 1, 0);
        }
        counts[n] += 1;
    }
    (0..counts.len())
        .max_by_key(|&n| (counts[n], std::cmp::Reverse(n)))
        .unwrap_or(0)
}

/// Does `line` open as a table's numbered row does (`10 Ho ga 25-3`: a
/// row number, a word, a figure after it) though no row reads in it? A
/// row OCR damaged, which a table reads past when a row follows it (or
/// its name's wrapped lines, then a row). The number may be a sub-row's
/// (`2.1 Chi sự nghiệp giáo dục 24.860 + 650-25.510`).
pub(crate) fn is_damaged_row(line: &str) -> bool {
    static DAMAGED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*\d{1,2}(?:\.\d{1,2})?\.?\s+\p{L}[^|]*\s\d").expect("valid regex")
    });
    line.chars().count() <= MAX_HEADING && DAMAGED.is_match(line)
}

/// One row of a [`SpacedTable`]: slices of its line.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SpacedRow<'a> {
    /// The row number, if printed.
    pub number: Option<&'a str>,
    /// The row's name (and, under a `Đơn vị` column, its unit).
    pub name: &'a str,
    /// The figures ending the row, left to right.
    pub figures: Vec<&'a str>,
}

/// A row of one figure: a group's, with a Roman numeral (`II Số hóa hồ
/// sơ, kết quả TTHC 997.800.000`, a subtotal), or, in a table of one value
/// column, a numbered one (`1.1 Kế toán Kế toán viên 01`).
static ONE_FIGURE_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?P<no>[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})?)\.?\s+(?P<name>.*[\p{L})%,])\s+(?P<figs>\d+(?:[.,]\d+)*)\s*$",
    )
    .expect("valid regex")
});

/// A row of one figure and no number: a total's (`Tổng cộng (I + II)
/// 1.204.750.000`), see [`is_total`].
static TOTAL_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?P<name>\p{L}.*[\p{L})])\s+(?P<figs>\d+(?:[.,]\d+)*)\s*$")
        .expect("valid regex")
});

/// Does a row's name say it is a total (`Tổng cộng`, `Tổng số`, `Cộng`, a
/// whole area's `Toàn tỉnh`; marks maybe lost)?
fn is_total(name: &str) -> bool {
    /// Units a whole-area total names (`Toàn tỉnh`, `Toàn huyện`).
    const WHOLES: &[&str] = &[
        "tinh",
        "huyen",
        "thi xa",
        "xa",
        "phuong",
        "thanh pho",
        "quoc",
        "nganh",
        "don vi",
    ];
    let f = skeleton(name);
    f.starts_with("tong cong")
        || f.starts_with("tong so")
        || f == "tong"
        || name.starts_with("Cộng")
        || name.starts_with("CỘNG")
        || f.strip_prefix("toan ").is_some_and(|w| WHOLES.contains(&w))
}

/// Does `line` draw a column with `|` (a line of [`super::cells`])? A lone
/// bar at the margin before a row's name is OCR's row number `1` (`| Đất
/// nông nghiệp NNP 42.325,52 41.875,13 -450,39`), no column.
fn has_column_bar(line: &str) -> bool {
    match line.trim_start().strip_prefix('|') {
        Some(rest) if rest.starts_with(' ') && !rest.contains('|') => false,
        _ => line.contains('|'),
    }
}

/// The row `line` prints, if it is one: a row of [`ROW`]'s shape with two
/// figures at least, a group's of one figure ([`ONE_FIGURE_ROW`]), or a
/// total's ([`TOTAL_ROW`]).
pub(crate) fn row(line: &str) -> Option<SpacedRow<'_>> {
    row_in(line, false)
}

/// [`row`], and with `single`, a numbered row of one figure too.
fn row_in(line: &str, single: bool) -> Option<SpacedRow<'_>> {
    if has_column_bar(line) {
        return None;
    }
    // Which shape, and whether its figures must be checked for two.
    let (c, several) = if let Some(c) = ROW.captures(line) {
        (c, true)
    } else if let Some(c) = ONE_FIGURE_ROW.captures(line) {
        let group = c.name("no")?.as_str().starts_with(['I', 'V', 'X']);
        if !group && !single {
            return None;
        }
        (c, false)
    } else {
        let c = TOTAL_ROW.captures(line)?;
        if !is_total(c.name("name")?.as_str()) {
            return None;
        }
        (c, false)
    };
    let figures = cells(c.name("figs")?.as_str());
    // Two figures at least; a `-` is an empty cell.
    let numbers = figures
        .iter()
        .filter(|f| f.contains(|c: char| c.is_ascii_digit()));
    if several && numbers.count() < 2 {
        return None;
    }
    Some(SpacedRow {
        number: c.name("no").map(|m| m.as_str()),
        name: c.name("name")?.as_str().trim(),
        figures,
    })
}

/// The bound a sign opening a figure's cell sets (`≥100`, `≤ 10,5`), as
/// printed or as OCR reads it (`>` or `=` for `≥`, `<` for `≤`).
pub(crate) fn bound_of(sign: char) -> Option<&'static str> {
    match sign {
        '≥' | '>' | '=' => Some("≥"),
        '≤' | '<' => Some("≤"),
        _ => None,
    }
}

/// The cells of a row's figures, specks dropped, a bound sign
/// ([`bound_of`]) kept with the figure it bounds though a space parts them
/// (`≤ 10,5`).
fn cells(figs: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut bound: Option<usize> = None;
    for part in figs.split_whitespace() {
        let at = super::cells::offset_in(figs, part);
        let mut signs = part.chars();
        // A bound or a plus sign OCR set apart from its figure (`+ 1.585`)
        // opens the next part's cell.
        if signs
            .next()
            .is_some_and(|c| bound_of(c).is_some() || c == '+')
            && signs.next().is_none()
        {
            bound = Some(at);
            continue;
        }
        let start = bound.take().unwrap_or(at);
        let cell = figs[start..at + part.len()].trim_end_matches(SPECKS);
        match comma_glued(cell) {
            Some(comma) => out.extend([&cell[..comma], &cell[comma + 1..]]),
            None => out.push(cell),
        }
    }
    out
}

/// Where OCR read the space between two figures as a comma (`1.120,43.800`
/// for `1.120 43.800`): a comma after a figure in thousands whose
/// fraction would be one too (a decimal fraction has no dots); its offset.
fn comma_glued(cell: &str) -> Option<usize> {
    static GLUED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^{BOUND}[-+]?\s?\d{{1,3}}(?:\.\d{{3}})*(,)\d{{1,3}}(?:\.\d{{3}})+$"
        ))
        .expect("valid regex")
    });
    GLUED.captures(cell)?.get(1).map(|m| m.start())
}

/// A row's name and the unit printed at its end under a `Đơn vị` column
/// (`Thu ngân sách tỷ đồng` → `Thu ngân sách`, `tỷ đồng`): its last word,
/// or its last two after a money scale (`tỷ`, `triệu`, `nghìn`) or when
/// they make a unit of two words ([`UNIT_COMPOUNDS`]: `con dấu`).
pub(crate) fn split_unit(name: &str) -> Option<(&str, &str)> {
    let mut words = name.split_whitespace().rev();
    let last = words.next()?;
    let before = words.next()?;
    let scale = matches!(skeleton(before).as_str(), "ty" | "trieu" | "nghin" | "ngan");
    let compound =
        UNIT_COMPOUNDS.contains(&format!("{} {}", skeleton(before), skeleton(last)).as_str());
    let cut = if scale || compound { before } else { last };
    let at = name.rfind(cut)?;
    Some((name[..at].trim_end(), &name[at..]))
}

/// Units of two words (folded) a cost table's `ĐVT` column prints.
const UNIT_COMPOUNDS: &[&str] = &[
    "met gia",
    "con dau",
    "hoi nghi",
    "cong trinh",
    "san pham",
    "ho so",
    "van ban",
    "luot nguoi",
    "ngay cong",
    "gio cong",
    "du an",
    "lop hoc",
    "phong hoc",
    "tai lieu",
    "may tinh",
    "met vuong",
    "met khoi",
    "giay phep",
    "cong chuc",
    "vien chuc",
    "hoc sinh",
    "bac si",
    "giao vien",
    "can bo",
    "doanh nghiep",
];

/// Is `column` (a heading's column name) the units' (`Đơn vị`, `ĐVT`)?
pub(crate) fn is_unit_column(column: &str) -> bool {
    let f = skeleton(column);
    f.starts_with("don vi") || f == "dvt"
}

/// The columns of `line` if it can be a table's heading (short, no `|`, no
/// figures ending it, opening with a first column), and how many of them
/// it names: a heading names two or more (or starts on the line above,
/// see [`begun_above`]).
fn heading_split(line: &str) -> Option<(Vec<String>, usize)> {
    // Most lines open with no first column's word: ruled out before folding.
    let first = line.split_whitespace().next()?;
    if !FIRST_COLUMNS
        .iter()
        .any(|c| super::viet::skeleton_eq(first, c[0]))
    {
        return None;
    }
    if line.contains('|') || line.chars().count() > MAX_HEADING || ROW.is_match(line) {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    // A comma after a word (`Đơn vị, vị trí`) does not hide a column name.
    let folded: Vec<String> = words
        .iter()
        .map(|w| skeleton(w.trim_end_matches([',', ';'])))
        .collect();
    let at = |k: usize, name: &[&str]| {
        folded.len() >= k + name.len() && name.iter().zip(&folded[k..]).all(|(a, b)| a == b)
    };
    if !FIRST_COLUMNS.iter().any(|c| at(0, c)) || line.trim_end().ends_with(':') {
        return None;
    }
    let mut starts: Vec<usize> = vec![0];
    let mut named = 0;
    let mut k = 0;
    while k < words.len() {
        let capitalised = words[k].starts_with(char::is_uppercase)
            && CAPITALISED_COLUMN_WORDS.contains(&folded[k].as_str())
            || is_column_abbreviation(words[k]);
        // A name column's words in small letters (`Tên đơn vị`, the names
        // of units) start no column of their own.
        let names_on = k > 0 && folded[k - 1] == "ten" && words[k].starts_with(char::is_lowercase);
        let name_len = COLUMN_WORDS
            .iter()
            .find(|c| at(k, c) && !names_on)
            .map(|c| c.len())
            .or(capitalised.then_some(1));
        match name_len {
            Some(len) => {
                named += 1;
                if k > 0 {
                    starts.push(k);
                }
                k += len;
            }
            None => {
                // The row number's column stands alone (`TT Chỉ tiêu`).
                if k == 1 && matches!(folded[0].as_str(), "tt" | "stt") {
                    starts.push(1);
                }
                k += 1;
            }
        }
    }
    starts.dedup();
    let ends = starts.iter().skip(1).copied().chain([words.len()]);
    let columns = starts
        .iter()
        .zip(ends)
        .map(|(&a, b)| words[a..b].join(" "))
        .collect();
    Some((columns, named))
}

/// Does the heading line `line` (one that opens with a first column but
/// names fewer than two) start on the line `above` it, the two naming two
/// columns or more together (`Số hộ Diện tích thu hồi … Tỷ lệ` / `STT Xã,
/// thị trấn bị ảnh (m2) …`)? Only where `line` opens with the row number's
/// column.
fn begun_above(line: &str, above: &str) -> bool {
    let above = above.trim();
    opens_with_row_number(line)
        && !above.is_empty()
        && !above.contains('|')
        && above.chars().count() <= MAX_HEADING
        && !above.ends_with(['.', ':', ';'])
        && !ROW.is_match(above)
        && heading_split(&format!("{line} {above}")).is_some_and(|(_, named)| named >= 2)
}

/// Does `line` open with the row number's column (`STT`, `TT`)?
fn opens_with_row_number(line: &str) -> bool {
    line.split_whitespace()
        .next()
        .is_some_and(|w| super::viet::skeleton_eq(w, "stt") || super::viet::skeleton_eq(w, "tt"))
}

/// Can `line` be the rest of a row's name: short, opening with a letter or
/// a bracket (`chọn nhà thầu`, `CSDL quốc gia về dân cư`, `(scan) tài
/// liệu`), a figure only in brackets
/// (`cấp xã (02 ngày/lớp)`)?
///
/// A bracket the name opened on the line above may close on this one, the
/// figures before it in the bracket (`năm 2010)`, `2026-2030)` under `Tổng
/// giá trị sản xuất (giá so sánh` and `Tỷ lệ hộ nghèo (chuẩn nghèo giai
/// đoạn`).
fn is_wrapped_name(line: &str) -> bool {
    let t = line.trim();
    let mut depth = 0usize;
    let mut bare_digit = false;
    let mut closes_above = false;
    for c in t.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => {
                // What came before was inside the bracket opened above.
                closes_above = true;
                bare_digit = false;
            }
            ')' => depth -= 1,
            _ => {}
        }
        bare_digit |= c.is_ascii_digit() && depth == 0;
    }
    let opens = t.starts_with(|c: char| c.is_alphabetic() || c == '(') || closes_above;
    t.chars().count() <= 40 && opens && !bare_digit
}

/// A group's heading row in a table: a row number, Arabic or Roman, then a
/// name with no figure (`9 Giấy phép xây dựng đã cấp, trong đó:`, `II Khám
/// bệnh, chữa bệnh`); its number.
pub(crate) fn group_number(line: &str) -> Option<&str> {
    static GROUP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?P<no>\d{1,2}(?:\.\d{1,2})?|[IVX]{1,4})\.?\s+\p{Lu}[^\d|]*$")
            .expect("valid regex")
    });
    let c = GROUP.captures(line)?;
    (line.chars().count() <= MAX_GROUP).then(|| c.name("no").map(|m| m.as_str()))?
}

/// Longest group heading row, in characters.
const MAX_GROUP: usize = 90;

/// Most lines a row's name wraps onto below it.
const NAME_WRAPS: usize = 3;

/// Most lines a heading's column names wrap onto below it.
const HEADING_WRAPS: usize = 2;

/// Can `line` be the rest of a heading's column names, wrapped below it
/// (`năm 2025 ngày 15/5/2025 giải ngân`, `(triệu đồng) (%) dưới 20%`):
/// short, opening with a small letter or a bracket, not ending a sentence,
/// and no row?
fn is_heading_wrap(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= MAX_HEADING
        && t.starts_with(|c: char| c.is_lowercase() || c == '(')
        && !t.ends_with(['.', ':', ';'])
        && row(t).is_none()
}

/// The tables of `lines` printed without rules, in text order.
pub(crate) fn find_tables<S: AsRef<str>>(lines: &[S]) -> Vec<SpacedTable> {
    let mut out = Vec::new();
    let mut i = 0;
    // The line after the last table found (no table starts before it).
    let mut free = 0;
    while i + 2 < lines.len() {
        // A heading line naming two columns or more, or one naming fewer
        // whose names start on the line above (not a table's before it).
        let line = lines[i].as_ref();
        let (heading_line, columns) = match heading_split(line) {
            Some((c, named)) if named >= 2 => (i, c),
            Some((c, _)) if i > free && begun_above(line, lines[i - 1].as_ref()) => (i - 1, c),
            // A row number's column names no other (`STT Tên dự án Địa
            // điểm TMĐT Vốn 2027`): a heading where rows follow (two at
            // least, as for any table), their figures named by no column.
            Some((c, _)) if opens_with_row_number(line) => (i, c),
            _ => {
                i += 1;
                continue;
            }
        };
        // The heading's names may wrap onto a line or two below it, and a
        // blank line may part them from the rows.
        let first = (i + 1..lines.len().min(i + 1 + HEADING_WRAPS))
            .find(|&k| !is_heading_wrap(lines[k].as_ref()))
            .unwrap_or(lines.len().min(i + 1 + HEADING_WRAPS));
        let first = match lines.get(first) {
            Some(l) if l.as_ref().trim().is_empty() => first + 1,
            _ => first,
        };
        // A rate's `(%)` wrapped alone to the end of the names below is the
        // last column's (`So sánh` / `(%)`), as it would print aligned.
        let mut columns = columns;
        let wraps_rate = (i + 1..first).any(|k| lines[k].as_ref().trim_end().ends_with("(%)"));
        if let Some(last) = columns
            .last_mut()
            .filter(|c| wraps_rate && !c.contains('%'))
        {
            last.push_str(" (%)");
        }
        let table = SpacedTable {
            heading_line,
            columns,
            end_line: first,
            row_figures: 0,
        };
        let is_row = |k: usize| {
            lines
                .get(k)
                .is_some_and(|l| table.row(l.as_ref()).is_some())
        };
        // A group's heading row, numbered, no figures (`9 Giấy phép xây
        // dựng đã cấp, trong đó:`), the group's rows after it; the first
        // group's may open the table.
        let group = |k: usize| {
            k >= first
                && lines
                    .get(k)
                    .is_some_and(|l| group_number(l.as_ref()).is_some())
                && is_row(k + 1)
        };
        // A row's name may wrap onto a line or a few of their own, the
        // next row after them (`4 Tàng trữ, … lâm sản 21 19 -2` / `trái
        // pháp luật`; `1 Chỉnh lý, số hóa tài liệu lưu mét giá 186 …` /
        // `trữ của các xã, thị trấn thuộc` / `diện sắp xếp`).
        let wrapped = |k: usize| {
            k > first
                && (k..lines.len().min(k + NAME_WRAPS))
                    .take_while(|&w| is_wrapped_name(lines[w].as_ref()))
                    .any(|w| is_row(w + 1) || group(w + 1))
        };
        // A row OCR damaged, a row after it; or, past the first row, its
        // name's wrapped lines and then a row, or a group's heading.
        let damaged = |k: usize| {
            is_damaged_row(lines[k].as_ref())
                && (is_row(k + 1) || (k > first && (wrapped(k + 1) || group(k + 1))))
        };
        let end = (first..lines.len())
            .find(|&k| !is_row(k) && !wrapped(k) && !group(k) && !damaged(k))
            .unwrap_or(lines.len());
        // The total's row a blank line parts from the rows (`TỔNG CỘNG
        // (I+II+III+IV+V) 3.314.000.000`), its name maybe wrapping on; the
        // last row's name may wrap onto a line before the blank (`4.2 Kinh
        // phí … đất trồng 640 +85 725` / `lúa`).
        let total_after_blank = |end: usize| {
            lines.get(end).is_some_and(|l| l.as_ref().trim().is_empty())
                && lines
                    .get(end + 1)
                    .and_then(|l| table.row(l.as_ref()))
                    .is_some_and(|r| r.number.is_none() && is_total(r.name))
        };
        let last_name_wraps = end > first
            && lines.get(end).is_some_and(|l| is_wrapped_name(l.as_ref()))
            && total_after_blank(end + 1);
        let end = if last_name_wraps {
            end + 3
        } else if total_after_blank(end) {
            end + 2
        } else {
            end
        };
        if end.saturating_sub(first) >= 2 {
            let row_figures = commonest_figures(&table, &lines[first..end]);
            out.push(SpacedTable {
                end_line: end,
                row_figures,
                ..table
            });
            i = end;
            free = end;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &[&str] = &[
        "5. Kết quả một số chỉ tiêu chủ yếu",
        "TT Chỉ tiêu Kế hoạch năm 2024 Thực hiện 9 tháng Tỷ lệ (%)",
        "1 Cấp Giấy chứng nhận lần đầu (giấy) 650 512 78,8",
        "2 Thu tiền sử dụng đất (tỷ đồng) 120,0 83,6 69,7",
        "II. TỒN TẠI, HẠN CHẾ",
    ];

    #[test]
    fn damaged_sub_rows_and_figures_glued_by_a_comma_or_apart_from_a_sign() {
        let lines = [
            "TT Nội dung Dự toán Điều chỉnh Dự toán sau điều chỉnh",
            "1 Chi đầu tư phát triển 18.500 +2.350 20.850",
            "2 Chi thường xuyên 42.680. + 1.120,43.800",
            "2.1 Chi sự nghiệp giáo dục - đào tạo và 24.860 + 65O-25.510",
            "dạy nghề",
            "2.2 Chi sự nghiệp y tế 1.420 +35 1.455",
            "2.3 Chi sự nghiệp kinh tế 3.150 + 480-3.630",
            "",
            "Ủy ban nhân dân xã kính trình.",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        // The damaged sub-row and its wrapped name are read past.
        assert_eq!((t[0].end_line, t[0].row_figures), (7, 3));
        let figures = |i: usize| t[0].row(lines[i]).map(|r| r.figures);
        // OCR's comma between two figures in thousands parts them; a
        // decimal fraction has no dots.
        assert_eq!(figures(2), Some(vec!["42.680", "+ 1.120", "43.800"]));
        assert_eq!(comma_glued("1.120,43"), None);
        assert_eq!(comma_glued("120,5"), None);
        // A plus sign apart opens the glued figure's cell.
        assert_eq!(figures(6), Some(vec!["3.150", "+ 480", "-3.630"]));
        assert_eq!(figures(3), None, "a letter among the figures");
        // A damaged first row does not open a table through the lines
        // below it.
        let first = [
            "STT Nội dung trình Cơ quan chủ trì Thời gian",
            "1 Dự thảo Nghị quyết quy định Sở Tài chính Tháng 7/2026",
            "chính sách hỗ trợ hợp tác xã",
            "giai đoạn 2026 - 2030",
            "2 Phương án điều chỉnh Sở Tài chính Tháng 7/2026",
        ];
        assert!(find_tables(&first).is_empty());
    }

    #[test]
    fn a_total_after_a_blank_line_and_the_last_name_wrapped() {
        let lines = [
            "TT Nội dung Dự toán Điều chỉnh Dự toán sau điều chỉnh",
            "1 Chi đầu tư phát triển 3.600 +1.500 5.100",
            "2 Kinh phí bảo vệ, phát triển đất trồng 640 +85 725",
            "lúa",
            "",
            "TỔNG CỘNG 4.240 +1.585 5.825",
            "Ủy ban nhân dân xã kính trình.",
        ];
        assert_eq!(find_tables(&lines)[0].end_line, 6);
        // OCR set a plus sign apart from its figure; a dash stays an empty
        // cell.
        let r = row("4 Chi từ nguồn bổ sung 4.240 + 1.585 5.825").expect("a row");
        assert_eq!(r.figures, ["4.240", "+ 1.585", "5.825"]);
        let r = row("1.2 Chi đầu tư 6.500 - 6.500").expect("a row");
        assert_eq!(r.figures, ["6.500", "-", "6.500"]);
        // A dot OCR glued after a figure, not after the last: prose.
        let r = row("Mầm non 24 18 75,00 52 768 712 92,71. 1,86").expect("a row");
        assert_eq!(r.figures[6..], ["92,71", "1,86"]);
        assert!(row("Kế hoạch các năm 2025 2026.").is_none());
    }

    #[test]
    fn a_notes_column_after_the_figures() {
        let lines = [
            "TT Tên đơn vị Số lao Số tháng Số tiền nợ Ghi chú",
            "động nợ (triệu đồng)",
            "",
            "1 Công ty TNHH Điện tử Hanbit Vina 1.245 3 7.104,6 Đã cam kết",
            "2 Công ty Cổ phần Dệt may Xuân Phong 836 4 5.386,2 Đã cam kết",
            "3 Công ty TNHH Linh kiện Chính xác 612 3 3.917,8",
            "Daesung Việt Nam",
            "4 Công ty TNHH Bao bì Minh Tiến 287 6 2.815,3 Đã lập biên bản",
            "",
            "3. Yêu cầu",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!((t[0].heading_line, t[0].end_line), (0, 8));
        assert_eq!(t[0].value_columns(), ["Số lao", "Số tháng", "Số tiền nợ"]);
        let r = t[0].row(lines[3]).expect("a row with a note");
        assert_eq!(r.figures, ["1.245", "3", "7.104,6"]);
        assert_eq!(r.name, "Công ty TNHH Điện tử Hanbit Vina");
        // Without a notes column, words after the figures make no row.
        assert!(row("1 Công ty A 1.245 3 7.104,6 Đã cam kết").is_none());
    }

    #[test]
    fn a_names_bracket_closes_on_its_wrapped_line_and_a_wrapped_rate() {
        let lines = [
            "Chỉ tiêu Đơn vị Kế hoạch Thực hiện So sánh",
            "tính năm 2027 6 tháng (%)",
            "",
            "Tổng giá trị sản xuất (giá so sánh tỷ đồng 2.450,0 1.188,3 48,5",
            "năm 2010)",
            "Diện tích gieo trồng lúa ha 3.200 1.650 51,6",
            "Tỷ lệ hộ nghèo (chuẩn nghèo giai đoạn % 1,20 1,35 -",
            "2026-2030)",
            "Giải quyết việc làm mới người 650 372 57,2",
            "",
            "2. Về kinh tế",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].heading_line, t[0].end_line), (0, 9));
        assert_eq!(t[0].columns.last().map(String::as_str), Some("So sánh (%)"));
        // A figure outside any bracket is no name's rest.
        assert!(!is_wrapped_name("năm 2010"));
        assert!(is_wrapped_name("năm 2010)"));
    }

    #[test]
    fn a_heading_and_two_rows_make_a_table() {
        let t = find_tables(TABLE);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].heading_line, t[0].end_line), (1, 4));
        assert_eq!(
            t[0].columns,
            [
                "TT",
                "Chỉ tiêu",
                "Kế hoạch năm 2024",
                "Thực hiện 9 tháng",
                "Tỷ lệ (%)"
            ]
        );
        // One row is no table; prose is no heading.
        assert!(find_tables(&TABLE[..3]).is_empty());
        assert!(find_tables(&[
            "Kết quả thực hiện kế hoạch như sau:",
            "1 Cấp giấy 650 512",
            "2 Thu tiền 120 83",
        ])
        .is_empty());
    }

    #[test]
    fn abbreviated_columns_start_columns() {
        let t = find_tables(&[
            "STT Nội dung Dự toán 2027 TH 9 tháng TH/DT (%) So CK (%)",
            "1 Thuế GTGT hộ kinh doanh 1.250 986,4 78,9 112,4",
            "2 Thuế thu nhập cá nhân 420 351,2 83,6 108,7",
        ]);
        assert_eq!(
            t[0].columns,
            [
                "STT",
                "Nội dung",
                "Dự toán 2027",
                "TH 9 tháng",
                "TH/DT (%)",
                "So CK (%)"
            ]
        );
        // Capitals that abbreviate no column (a school's `THCS`) start none.
        assert!(!is_column_abbreviation("THCS") && !is_column_abbreviation("TH/"));
    }

    #[test]
    fn figures_ocr_glued_read_apart_as_many_as_the_rows_have() {
        let lines = [
            "STT Tên bệnh 6 tháng Cùng kỳ Tăng (+)/",
            "1 Cúm 1.254 1.387 -133",
            "2 Tiêu chảy 642 598 +44",
            "3 Sốt xuất huyết 47 112.-65",
            "4 Lỵ trực trùng 9 14-5",
            "5 Ho gà 25-3",
            "6 Sởi 3 21 -18",
            "Tổng cộng 2.204:2.366 -162",
            "",
            "2. Một số bệnh trọng điểm",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        // The damaged row (`2 5 -3` glued to `25-3`) is read past.
        assert_eq!(
            (t[0].heading_line, t[0].end_line, t[0].row_figures),
            (0, 8, 3)
        );
        let figures = |i: usize| t[0].row(lines[i]).map(|r| r.figures);
        assert_eq!(figures(3), Some(vec!["47", "112", "-65"]));
        assert_eq!(figures(4), Some(vec!["9", "14", "-5"]));
        assert_eq!(figures(5), None, "two figures where rows have three");
        assert_eq!(figures(7), Some(vec!["2.204", "2.366", "-162"]));
        // A range in prose is no row.
        assert!(row("Giai đoạn 2026-2030").is_none());
        assert!(
            glued_row("Giai đoạn 2026-2030").is_none(),
            "a span of years"
        );
    }

    #[test]
    fn a_row_numbers_heading_that_names_no_column_word() {
        let lines = [
            "STT Tên dự án Địa điểm TMĐT Vốn 2027",
            "(tỷ đồng) (tỷ đồng)",
            "1 Đường liên xã Dậu Dương - Hương Nộn Dậu Dương 42,80 18,60",
            "2 Nhà học 3 tầng 12 phòng Trường THCS Thọ Văn Thọ Văn 14,50 9,45",
            "Cộng 57,30 28,05",
            "(Chi tiết danh mục dự án tại Phụ lục I kèm theo.)",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].heading_line, t[0].end_line), (0, 5));
        // One row is no table, whatever the heading.
        assert!(find_tables(&lines[..3]).is_empty());
    }

    #[test]
    fn headings_wrapped_onto_two_lines() {
        let t = find_tables(&[
            "STT Đơn vị Kế hoạch vốn Giải ngân đến Tỷ lệ Số dự án",
            "năm 2025 ngày 15/5/2025 giải ngân giải ngân",
            "(triệu đồng) (triệu đồng) (%) dưới 20%",
            "1 Thành phố Hà Tĩnh 186.450 61.280 32,9 3",
            "2 Thị xã Hồng Lĩnh 94.320 35.870 38,0 1",
            "Tổng cộng 280.770 97.150 34,6 4",
            "",
        ]);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].heading_line, t[0].end_line), (0, 6));
        // A third wrapped line is too many: prose, not a table's heading.
        assert!(find_tables(&[
            "STT Đơn vị Kế hoạch vốn Giải ngân đến Tỷ lệ Số dự án",
            "năm 2025",
            "ngày 15/5/2025",
            "(triệu đồng)",
            "1 Thành phố Hà Tĩnh 186.450 61.280 32,9 3",
            "2 Thị xã Hồng Lĩnh 94.320 35.870 38,0 1",
        ])
        .is_empty());
    }

    #[test]
    fn cost_estimates_with_groups_and_wrapped_names() {
        let lines = [
            "STT Nội dung chi ĐVT Số Đơn giá Thành tiền",
            "lượng (đồng) (đồng)",
            "",
            "I Mua sắm thiết bị 150.000.000",
            "1 Máy quét tài liệu khổ A3 Chiếc 2 60.000.000 120.000.000",
            "2 Máy tính kết nối với Bộ 1 30.000.000 30.000.000",
            "CSDL chuyên ngành",
            "II Đào tạo 16.000.000",
            "3 Lớp tập huấn sử dụng Lớp 2 8.000.000 16.000.000",
            "cấp xã (02 ngày/lớp)",
            "",
            "TỔNG CỘNG 166.000.000",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        // The last row's wrapped name, then the total after a blank line.
        assert_eq!(t[0].end_line, 12);
        assert_eq!(
            t[0].columns,
            ["STT", "Nội dung chi", "ĐVT", "Số", "Đơn giá", "Thành tiền"]
        );
        assert_eq!(
            row("II Đào tạo 16.000.000").map(|r| (r.number, r.figures)),
            Some((Some("II"), vec!["16.000.000"]))
        );
        // A group's row needs its numeral; one figure alone makes no row.
        assert_eq!(row("Đào tạo 16.000.000"), None);
    }

    #[test]
    fn names_wrapped_onto_lines_of_their_own_and_a_total() {
        let lines = [
            "STT Nội dung ĐVT Số Đơn giá Thành tiền",
            "lượng (đồng) (đồng)",
            "1 Chỉnh lý, số hóa tài liệu lưu mét giá 186 1.250.000 232.500.000",
            "trữ của các xã, thị trấn thuộc",
            "diện sắp xếp",
            "2 Máy vi tính để bàn, máy quét bộ 20 16.800.000 336.000.000",
            "(scan) tài liệu tốc độ cao",
            "Tổng cộng (I + II) 568.500.000",
            "Bằng chữ: Năm trăm sáu mươi tám triệu đồng.",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].end_line, 8);
        assert_eq!(
            row("Tổng cộng (I + II) 568.500.000").map(|r| (r.number, r.figures)),
            Some((None, vec!["568.500.000"]))
        );
        // Only a total's name makes a row of one figure without a number.
        assert_eq!(row("Chi phí khác 568.500.000"), None);
        assert_eq!(
            split_unit("Chỉnh lý, số hóa tài liệu lưu mét giá"),
            Some(("Chỉnh lý, số hóa tài liệu lưu", "mét giá"))
        );
        assert_eq!(
            split_unit("Máy vi tính để bàn, máy quét bộ"),
            Some(("Máy vi tính để bàn, máy quét", "bộ"))
        );
    }

    #[test]
    fn a_total_parted_by_a_blank_line() {
        let lines = [
            "TT Nội dung ĐVT Số lượng Đơn giá Thành tiền",
            "1 Máy tính bộ 20 16.800.000 336.000.000",
            "2 Máy quét bộ 5 18.500.000 92.500.000",
            "",
            "TỔNG CỘNG (I+II) 428.500.000",
            "Bằng chữ: Bốn trăm hai mươi tám triệu năm trăm nghìn đồng.",
        ];
        let t = find_tables(&lines);
        assert_eq!(t[0].end_line, 5);
        // Not a row of another name.
        let mut other = lines;
        other[4] = "Dự phòng (I+II) 428.500.000";
        assert_eq!(find_tables(&other)[0].end_line, 3);
        // A whole area's total.
        let mut whole = lines;
        whole[4] = "Toàn tỉnh 25 428.500.000";
        assert_eq!(find_tables(&whole)[0].end_line, 5);
        assert!(!is_total("Toàn thể cán bộ"));
    }

    #[test]
    fn a_groups_heading_row_and_its_rows() {
        let lines = [
            "STT Chỉ tiêu ĐVT Quý III Cùng kỳ Tăng (+)",
            "8 Tỷ lệ hồ sơ cấp phép xây dựng nộp % 88,5 71,4 +17,1",
            "trực tuyến",
            "9 Giấy phép xây dựng đã cấp, trong đó:",
            "9.1 Nhà ở riêng lẻ xây dựng mới giấy phép 96 81 +15",
            "9.2 Sửa chữa, cải tạo nhà ở giấy phép 31 33 -2",
            "",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].end_line, 6);
        assert_eq!(
            t[0].columns,
            ["STT", "Chỉ tiêu", "ĐVT", "Quý III", "Cùng kỳ", "Tăng (+)"]
        );
        assert_eq!(group_number(lines[3]), Some("9"));
        assert_eq!(group_number("9 Giấy phép 12"), None);
    }

    #[test]
    fn a_heading_begun_on_the_line_above_its_row_numbers() {
        let lines = [
            "(Số liệu tính đến ngày 31/5/2025)",
            "Số hộ Diện tích thu hồi Kinh phí Tỷ lệ",
            "STT Xã, thị trấn bị ảnh (m2) (triệu đồng) chi trả",
            "hưởng Tổng số Đất ở Phê duyệt Đã chi trả (%)",
            "1 Cát Hanh 142 68.420 3.215 41.276 38.905 94,3",
            "2 Cát Hiệp 96 45.180 1.870 24.530 22.114 90,2",
            "Tổng cộng 238 113.600 5.085 65.806 61.019 92,7",
            "",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].heading_line, t[0].end_line), (1, 7));
        // Not when the line above ends a sentence: the row number's line
        // alone heads the table then.
        let mut prose = lines;
        prose[1] = "Kết quả theo từng xã, thị trấn như sau.";
        let t = find_tables(&prose);
        assert_eq!((t[0].heading_line, t[0].end_line), (2, 7));
    }

    #[test]
    fn empty_cells_bounds_and_decimal_row_numbers() {
        fn figures(line: &str) -> Option<Vec<&str>> {
            row(line).map(|r| r.figures)
        }
        assert_eq!(
            figures("3 Công suất sử dụng giường bệnh % ≥100 101,6 108,3 - -"),
            Some(vec!["≥100", "101,6", "108,3", "-", "-"])
        );
        assert_eq!(
            figures("9 Tỷ lệ sinh con thứ 3 trở lên % ≤ 10,5 10,7 - -"),
            Some(vec!["≤ 10,5", "10,7", "-", "-"])
        );
        assert_eq!(
            row("1.2 Kế toán viên 01 02").and_then(|r| r.number),
            Some("1.2")
        );
        // Empty cells do not make a row of one figure.
        assert_eq!(figures("7 Số trẻ sinh ra - 1.214 - -"), None);
    }

    #[test]
    fn tables_of_one_value_column_take_rows_of_one_figure() {
        let lines = [
            "TT Đơn vị, vị trí việc làm Chức danh nghề nghiệp Chỉ tiêu",
            "1 Trung tâm Khuyến nông 05",
            "1.1 Khuyến nông trồng trọt Kỹ sư hạng III 04",
            "1.2 Kế toán Kế toán viên 01",
            "Tổng cộng 05",
        ];
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].end_line, 5);
        assert_eq!(t[0].value_columns(), ["Chỉ tiêu"]);
        assert_eq!(
            t[0].row(lines[2]).map(|r| (r.number, r.figures)),
            Some((Some("1.1"), vec!["04"]))
        );
        // Elsewhere a row needs two figures.
        assert_eq!(row(lines[2]), None);
    }

    #[test]
    fn changes_and_wrapped_names() {
        let t = find_tables(&[
            "TT Hành vi vi phạm Năm 2025 Năm 2026 Tăng (+), giảm (-)",
            "1 Phá rừng trái pháp luật 47 41 -6",
            "2 Tàng trữ, mua bán lâm sản 21 19 -2",
            "trái pháp luật",
            "3 Vi phạm về phòng cháy, 8 9 +1",
            "chữa cháy rừng",
            "Tổng cộng 76 69 -7",
            "",
        ]);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].end_line, 7);
        assert_eq!(
            row("3 Vi phạm khác 8 9 +1").map(|r| r.figures),
            Some(vec!["8", "9", "+1"])
        );
        // A change's rate in brackets after it.
        assert_eq!(
            row("1 Số vụ tai nạn giao thông vụ 14 17 -3 (-17,6%)").map(|r| r.figures),
            Some(vec!["14", "17", "-3", "(-17,6%)"])
        );
    }

    #[test]
    fn rows_split_into_number_name_and_figures() {
        assert_eq!(
            row("1 Cấp Giấy chứng nhận lần đầu (giấy) 650 512 78,8"),
            Some(SpacedRow {
                number: Some("1"),
                name: "Cấp Giấy chứng nhận lần đầu (giấy)",
                figures: vec!["650", "512", "78,8"]
            })
        );
        assert_eq!(row("Tổng cộng 42.850 100").map(|r| r.number), Some(None));
        // A speck OCR glued after a figure is no part of it.
        assert_eq!(
            row("2 Đường được cứng hóa km 42,0: 44,3 105,5").map(|r| r.figures),
            Some(vec!["42,0", "44,3", "105,5"])
        );
        // A dot OCR glued to the name's end is no part of it.
        assert_eq!(
            row("7 Chi bảo đảm xã hội. 1.145 862,7 75,3").map(|r| r.name),
            Some("Chi bảo đảm xã hội")
        );
        // A total's row of one figure is a row; another name's is not.
        assert_eq!(
            row("Tổng cộng 42.850").map(|r| r.figures),
            Some(vec!["42.850"])
        );
        assert!(row("Thu ngân sách 42.850").is_none());
        assert!(row("| 1 | Xã A | 286 | 6,41").is_none());
        // A name may end with a word of letters and digits.
        assert_eq!(
            row("7 COVID-19 15 38 -23"),
            Some(SpacedRow {
                number: Some("7"),
                name: "COVID-19",
                figures: vec!["15", "38", "-23"]
            })
        );
        let t = find_tables(&[
            "Chỉ tiêu Đơn vị Kế hoạch 2025 Thực hiện 6 tháng Tỷ lệ (%)",
            "Sản lượng lương thực tấn 8.150 4.177 51,3",
            "Thu ngân sách tỷ đồng 12,8 7,85 61,3",
        ]);
        assert_eq!(
            t[0].columns,
            [
                "Chỉ tiêu",
                "Đơn vị",
                "Kế hoạch 2025",
                "Thực hiện 6 tháng",
                "Tỷ lệ (%)"
            ]
        );
        assert_eq!(
            split_unit("Thu ngân sách tỷ đồng"),
            Some(("Thu ngân sách", "tỷ đồng"))
        );
        assert_eq!(split_unit("Sản lượng tấn"), Some(("Sản lượng", "tấn")));
        assert_eq!(split_unit("Sản lượng"), Some(("Sản", "lượng")));
        assert_eq!(split_unit("tấn"), None);
    }
}
