//! The JSON document model, contract `vietdoc/1`.
//!
//! Every type here serializes to the keys of the contract; the JSON Schema in
//! `schema/vietdoc-1.schema.json` describes the same shape. Line numbers are
//! 1-based line numbers in the input file. Values found by layout or extraction
//! always sit beside the text they were read from (`raw`), never instead of it.
//!
//! The record types ([`Reference`], [`DateRecord`], [`Period`], [`Kpi`],
//! [`Abbreviation`]) are produced by the extraction stage; layout types
//! ([`Header`], [`Section`], [`Table`], [`Recipient`], [`Signature`], [`Block`])
//! by the layout stage.

use serde::{Deserialize, Serialize};

/// The value of the `schema` key.
pub const SCHEMA_ID: &str = "vietdoc/1";

fn is_false(b: &bool) -> bool {
    !*b
}

/// Where a document came from.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Source {
    /// Path as given, or `null` for stdin / in-memory input.
    pub path: Option<String>,
    /// SHA-256 of the input bytes, lower-case hex.
    pub sha256: String,
    /// Size of the input in bytes.
    pub bytes: u64,
    /// Number of lines in the decoded text.
    pub lines: usize,
    /// The encoding the input was decoded from.
    pub encoding: String,
}

/// How much of the document needed repair and how much layout could not place.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Quality {
    /// Tokens changed by repair.
    pub repaired_tokens: usize,
    /// Tokens whose repair was withheld or applied with confidence below 0.5.
    pub low_confidence_tokens: usize,
    /// Lines that layout put in an `unparsed` block.
    pub unparsed_lines: usize,
    /// Lines that are empty or whitespace only.
    pub blank_lines: usize,
    /// Share of non-blank lines that layout placed in a block other than
    /// `unparsed` (1.0 for a fully understood document).
    pub parsed_ratio: f32,
}

/// A value read from the document, with the text it was read from.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Field {
    /// The normalized value (repaired text, ISO date, number without spaces …).
    pub value: String,
    /// The input text the value was read from, as printed (before repair).
    pub raw: String,
    /// 1-based line of the input where the value starts.
    pub line: usize,
    /// Confidence in the value, 0–1.
    pub confidence: f32,
}

/// The header (thể thức) of an administrative document. A missing, blank or
/// handwritten field is `null` (or a partial value, e.g. a date `YYYY-MM`).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Header {
    /// The parent body (cơ quan chủ quản), e.g. `UBND TỈNH QUẢNG NGÃI`; when
    /// only one body line is printed, that body.
    pub issuer: Option<Field>,
    /// The issuing body below the parent, e.g. `VĂN PHÒNG`.
    pub sub_issuer: Option<Field>,
    /// `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`; a Party document's title in its
    /// place (`ĐẢNG CỘNG SẢN VIỆT NAM`, or the Youth Union's `ĐOÀN TNCS HỒ CHÍ
    /// MINH`), which prints no motto.
    pub national_title: Option<Field>,
    /// `Độc lập - Tự do - Hạnh phúc`.
    pub motto: Option<Field>,
    /// The number as printed, without spaces (`"07"`, `"1034"`).
    pub number: Option<Field>,
    /// The symbol after the number (`"KH-UBND"`; `"TT-BTC"` of `89/2026/TT-BTC`).
    pub symbol: Option<Field>,
    /// The year between number and symbol of a normative document
    /// (`"2026"` of `89/2026/TT-BTC`); null for other documents.
    pub year: Option<Field>,
    /// Place of issue (`Quảng Ngãi`).
    pub place: Option<Field>,
    /// Issue date, ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<Field>,
    /// Document type in capitals (`BÁO CÁO`, `KẾ HOẠCH`).
    pub doc_type: Option<Field>,
    /// Trích yếu: the title, joined across lines.
    pub title: Option<Field>,
    /// The urgency mark (độ khẩn) printed near the number: `KHẨN`,
    /// `THƯỢNG KHẨN`, `HỎA TỐC`, `HỎA TỐC HẸN GIỜ`.
    #[serde(default)]
    pub urgency: Option<Field>,
    /// The secrecy mark (độ mật): `MẬT`, `TỐI MẬT`, `TUYỆT MẬT`.
    #[serde(default)]
    pub secrecy: Option<Field>,
}

/// What a [`Block`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Part of the header (issuer, motto, number, place/date, type, title).
    Header,
    /// A numbered or bulleted heading line (and its wrapped continuation).
    Heading,
    /// Running text re-joined from wrapped lines.
    Paragraph,
    /// The opening paragraph ("Căn cứ …", "Thực hiện …").
    Opening,
    /// The closing paragraph ("Trên đây là … ./.").
    Closing,
    /// An item of a `-`/`+` list that is not itself a heading.
    ListItem,
    /// An appendix title ("Phụ lục", "Biểu mẫu") and its caption lines, or the
    /// type, title and caption of a document issued with this one ("Quy chế").
    AppendixTitle,
    /// Lines of a table flattened by OCR.
    Table,
    /// The "Nơi nhận" list.
    Recipients,
    /// The signature block.
    Signature,
    /// A page number printed at the top of a page.
    PageNumber,
    /// Empty or whitespace-only lines.
    Blank,
    /// Lines that fit nowhere.
    Unparsed,
}

/// A run of consecutive input lines with one role.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Block {
    /// What the lines are.
    pub kind: BlockKind,
    /// First line, 1-based.
    pub line_start: usize,
    /// Last line, 1-based, inclusive.
    pub line_end: usize,
    /// The repaired text of the lines, wrapped lines joined by one space.
    pub text: String,
}

/// A section of the body, from its heading to the line before the next
/// heading of the same or a higher level.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Section {
    /// The marker as read (`"I."`, `"2.1."`, `"a)"`, `"-"`), repaired by its
    /// position in the sequence (`IL.` → `II.`, `¢)` → `c)`).
    pub numbering: String,
    /// The marker as printed in the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbering_raw: Option<String>,
    /// Depth: 1 Roman, 2 Arabic, 3 letter, 4 and deeper bullets.
    pub level: u8,
    /// The heading text after the marker (for run-in headings, the lead clause).
    pub title: String,
    /// The heading line.
    pub line_start: usize,
    /// The last line of the section, children included.
    pub line_end: usize,
    /// Blocks directly inside this section, before and between its children.
    pub blocks: Vec<Block>,
    /// Sub-sections.
    pub children: Vec<Section>,
}

/// An appendix table that OCR flattened into lines of `|`-separated cells.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Table {
    /// The table's title ("Biểu mẫu 1 …"), if printed.
    pub title: Option<String>,
    /// First line of the table (its title or first header line).
    pub line_start: usize,
    /// Last line of the table.
    pub line_end: usize,
    /// Column labels, header rows merged.
    pub columns: Vec<String>,
    /// Body rows, each a list of cells; multi-line cells joined by one space.
    pub rows: Vec<Vec<String>>,
    /// First input line of each row in `rows`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub row_lines: Vec<usize>,
}

/// One addressee of the "Nơi nhận" list.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Recipient {
    /// The recipient, without the leading `-` and trailing `;`/`.`.
    pub text: String,
    /// 1-based line.
    pub line: usize,
    /// The input text of the entry as printed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub raw: String,
}

/// The signature block (ô 7a/7b). Fields are `null` when not printed or not read.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Signature {
    /// The authority form: `TM. ỦY BAN NHÂN DÂN`, `KT. CHÁNH VĂN PHÒNG` (stacked
    /// forms joined by one space).
    pub authority: Option<Field>,
    /// The signer's own position (`PHÓ CHÁNH VĂN PHÒNG`).
    pub position: Option<Field>,
    /// The signer's name.
    pub signer: Option<Field>,
}

/// A document cited in the text (`Quyết định số 380/QĐ-UBND ngày 28/3/2022`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    /// Document type, stated or inferred from the symbol (`Quyết định`).
    #[serde(rename = "type")]
    pub r#type: Option<String>,
    /// The number as printed, without spaces (`"07"`).
    pub number: String,
    /// The year segment of normative symbols (`2024` in `69/2024/NĐ-CP`).
    pub year: Option<u16>,
    /// The symbol after the number (`"NĐ-CP"`).
    pub symbol: String,
    /// Number and symbol together (`"69/2024/NĐ-CP"`).
    pub full: String,
    /// Issue date, ISO.
    pub date: Option<String>,
    /// Issuer, when the text states it.
    pub issuer: Option<String>,
    /// 1-based line where the citation starts.
    pub line: usize,
    /// The citation as printed.
    pub raw: String,
    /// Confidence, 0–1.
    pub confidence: f32,
}

/// A calendar date (`17/01/2024`, `ngày 28 tháng 12 năm 2023`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateRecord {
    /// ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub value: String,
    /// As printed.
    pub raw: String,
    /// 1-based line.
    pub line: usize,
}

/// A period (`6 tháng đầu năm 2023`, `Quý I năm 2024`, `giai đoạn 2021 - 2025`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Period {
    /// ISO interval or period (`2023-01/2023-06`, `2024-Q1`, `2021/2025`).
    pub value: String,
    /// As printed.
    pub raw: String,
    /// 1-based line.
    pub line: usize,
}

/// A reported figure (`56.703 hồ sơ`, `99,9%`, `74 tỷ đồng`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    /// What the figure counts.
    pub label: Option<String>,
    /// The value, scaled (`74 tỷ đồng` = 74e9).
    pub value: f64,
    /// Unit (`hồ sơ`, `%`, `đồng`).
    pub unit: Option<String>,
    /// Qualifier as printed (`khoảng`, `hơn`, `trên`, `gần`).
    pub qualifier: Option<String>,
    /// The whole a count is a part of (`148/162 thôn`: 148 of 162).
    pub out_of: Option<f64>,
    /// As printed.
    pub raw: String,
    /// 1-based line.
    pub line: usize,
    /// Confidence, 0–1.
    pub confidence: f32,
}

/// An abbreviation the text defines (`cải cách hành chính (CCHC)`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Abbreviation {
    /// The short form (`CCHC`).
    pub short: String,
    /// The long form (`cải cách hành chính`).
    pub long: String,
    /// 1-based line of the definition.
    pub line: usize,
}

/// Something a consumer should know about the parse (a field not found, a
/// marker repaired by position, lines left unparsed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable machine-readable code (`header.number.blank`).
    pub code: String,
    /// Human-readable explanation.
    pub message: String,
    /// 1-based line, when the diagnostic is about one line.
    pub line: Option<usize>,
}

/// One parsed document: the root of the `vietdoc/1` JSON contract.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Document {
    /// Always [`SCHEMA_ID`].
    pub schema: String,
    /// Where the document came from.
    pub source: Source,
    /// Repair and layout quality figures.
    pub quality: Quality,
    /// The repaired text, same line count as the input.
    pub text: String,
    /// The header fields.
    pub header: Header,
    /// The body's sections tree.
    pub sections: Vec<Section>,
    /// Appendix tables.
    pub tables: Vec<Table>,
    /// "Nơi nhận" entries.
    pub recipients: Vec<Recipient>,
    /// The signature block.
    pub signature: Signature,
    /// Cited documents.
    pub references: Vec<Reference>,
    /// Dates.
    pub dates: Vec<DateRecord>,
    /// Periods.
    pub periods: Vec<Period>,
    /// Figures.
    pub kpis: Vec<Kpi>,
    /// Abbreviations defined in the text.
    pub abbreviations: Vec<Abbreviation>,
    /// Every input line in exactly one block, in line order.
    pub blocks: Vec<Block>,
    /// 1-based lines that start a page (page 1 starts at line 1).
    pub page_starts: Vec<usize>,
    /// Notes about the parse.
    pub diagnostics: Vec<Diagnostic>,
    /// Set when the document looks like something other than an administrative
    /// document (no header, no sections): consumers may want to review it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub low_structure: bool,
}

impl Document {
    /// Assembles a document from the source description, the repair and the
    /// layout. Extraction records start empty (TODO(extract): the pipeline fills them).
    pub fn build(
        source: Source,
        repaired: &crate::repair::Repaired,
        layout: crate::layout::Layout,
    ) -> Document {
        let low =
            repaired.withheld.len() + repaired.edits.iter().filter(|e| e.confidence < 0.5).count();
        let mut unparsed = 0;
        let mut blank = 0;
        for b in &layout.blocks {
            let n = b.line_end + 1 - b.line_start;
            match b.kind {
                BlockKind::Unparsed => unparsed += n,
                BlockKind::Blank => blank += n,
                _ => {}
            }
        }
        let total: usize = layout
            .blocks
            .iter()
            .map(|b| b.line_end + 1 - b.line_start)
            .sum();
        let content = total.saturating_sub(blank);
        let parsed_ratio = if content == 0 {
            1.0
        } else {
            // Rounded so the JSON stays short and stable.
            (((content - unparsed) as f64 / content as f64) * 1000.0).round() as f32 / 1000.0
        };
        let low_structure = layout.sections.is_empty()
            && layout.header.doc_type.is_none()
            && layout.header.number.is_none();
        Document {
            schema: SCHEMA_ID.to_owned(),
            source,
            quality: Quality {
                repaired_tokens: repaired.edits.len(),
                low_confidence_tokens: low,
                unparsed_lines: unparsed,
                blank_lines: blank,
                parsed_ratio,
            },
            text: repaired.text(),
            header: layout.header,
            sections: layout.sections,
            tables: layout.tables,
            recipients: layout.recipients,
            signature: layout.signature,
            references: Vec::new(),
            dates: Vec::new(),
            periods: Vec::new(),
            kpis: Vec::new(),
            abbreviations: Vec::new(),
            blocks: layout.blocks,
            page_starts: layout.page_starts,
            diagnostics: layout.diagnostics,
            low_structure,
        }
    }
}
