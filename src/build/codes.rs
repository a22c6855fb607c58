//! Abbreviations and document-symbol codes (`UBND`, `QĐ`, `NĐ-CP` parts).

use super::corpus::Source;
use super::{io_err, BuildError};
use rustc_hash::FxHashMap;
use std::io::BufRead;
use std::sync::LazyLock;

/// Codes from the official format (Nghị định 30/2020, Phụ lục III), common
/// issuing-body abbreviations (with the `&` forms of sectors, `GD&ĐT`, and
/// the ministries of the 2025 reorganisation, `BNNMT` for Nông nghiệp và Môi
/// trường, and the communes' offices since, `PKT` for Phòng Kinh tế and
/// `PVHXH` for Phòng Văn hóa - Xã hội), the Party's `QĐi` (Quy định) and its
/// committees' issuer codes beside `TU`, `HU`, `ĐU` (`ĐUK` Đảng ủy khối,
/// `UBKT` Ủy ban kiểm tra; not Thành ủy's `ThU`, which would keep OCR's
/// `THU-TUC` for `THỦ TỤC` as a symbol), the Youth Union's (`TWĐTN`,
/// `TĐTN`, `HĐTN`, `ĐTN`: Trung ương, tỉnh, huyện Đoàn, Đoàn thanh niên),
/// the mass organisations' `ĐCT` (Đoàn Chủ tịch, of the Hội Liên hiệp Phụ
/// nữ's or the Mặt trận's central committee: `24/HD-ĐCT`), an education
/// department's divisions (`GDPT` giáo dục phổ thông, `GDMN` mầm non,
/// `GDTX` thường xuyên, `GDTrH` trung học, `GDTH` tiểu học: `SGDĐT-GDPT`),
/// and the titles a recipients list abbreviates (`GĐ`, `PGĐ`: giám đốc),
/// always included whatever the corpora say.
pub const BUILTIN: &[&str] = &[
    "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB",
    "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "SY", "TrS",
    "SL", "NĐ", "TT", "TTLT", "VBHN", "KL", "QH", "UBTVQH", "CTN", "CP", "TTg", "TANDTC",
    "VKSNDTC", "KTNN", "HĐND", "UBND", "VP", "VPUB", "CVP", "PCVP", "PVP", "PCT", "TTHC", "HCQT",
    "KGVX", "NC", "VX", "HCTC", "VHHT", "CBTH", "TTĐT", "VT", "TU", "HU", "ĐU", "TW", "VPTW",
    "CCHC", "VNeID", "MTTQ", "BCĐ", "TTHCC", "DVC", "TN&MT", "TT&TT", "LĐTB&XH", "BNV", "BTC",
    "BTP", "BCA", "BQP", "BYT", "BXD", "BGDĐT", "BTNMT", "BTTTT", "NLĐ", "CNTT", "KT", "TM", "TL",
    "TUQ", "GĐ", "PGĐ", "NN&MT", "GD&ĐT", "KH&CN", "KH&ĐT", "VH&TT", "BNNMT", "BDTTG", "QĐi",
    "PKT", "PVHXH", "VHXH", "KTHT", "ĐUK", "UBKT", "TWĐTN", "TĐTN", "HĐTN", "ĐTN", "ĐCT", "GDPT",
    "GDMN", "GDTX", "GDTrH", "GDTH",
];

/// Abbreviations reports print in running text and tables that carry a `Đ`,
/// the letter Tesseract's English model prints as `D` (`DVT` for `ĐVT`):
/// units and budgets (`ĐVT` đơn vị tính, `NSĐP` ngân sách địa phương,
/// `ĐVQHNS`, `ĐVHC`, `ĐVSN`, `ĐTPT`, `ĐTXD` đầu tư phát triển, xây dựng),
/// land (`QSDĐ`, `GCNQSDĐ`, `VPĐKĐĐ` Văn phòng Đăng ký đất đai, `KĐT` khu
/// đô thị, `TĐC` tái định cư), bodies and titles (`ĐBQH` đại biểu Quốc hội,
/// `LĐLĐ` Liên đoàn Lao động, `HĐQT`, `QĐND`, `VĐV` vận động viên) and
/// topics (`BĐKH` biến đổi khí hậu, `ĐKKD`, `TĐKT` thi đua khen thưởng,
/// `BHLĐ`, `ATVSLĐ`, `TMĐT` thương mại điện tử, `ĐBSCL`). Each is kept
/// only where its `D` spelling is no commoner in the corpora than its own
/// (neither occurs for some, `VPĐKĐĐ`, `BĐKH`); not `HĐTV` (`HDTV`, a
/// television format, is commoner) nor `CĐS` (beside `CDS`). Not
/// `ĐTM` (đánh giá tác động môi trường): a police division's `PTM` in a
/// symbol (`KH-CAT-PTM`) would read as it.
pub const WITH_D_BAR: &[&str] = &[
    "ĐVT",
    "NSĐP",
    "ĐVQHNS",
    "ĐVHC",
    "ĐVSN",
    "ĐTPT",
    "ĐTXD",
    "QSDĐ",
    "GCNQSDĐ",
    "VPĐKĐĐ",
    "KĐT",
    "TĐC",
    "ĐBQH",
    "LĐLĐ",
    "HĐQT",
    "QĐND",
    "VĐV",
    "BĐKH",
    "ĐKKD",
    "TĐKT",
    "BHLĐ",
    "ATVSLĐ",
    "TMĐT",
    "ĐBSCL",
];

static SYMBOL: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"\b\d{1,5}(?:/\d{4})?[/-]((?:[A-ZĐ][A-Za-zĐđ&]*)(?:[-/][A-ZĐ][A-Za-zĐđ&]*)*)",
    )
    .expect("valid regex")
});

/// Ministries (`B` + the sector's letters) whose sector a province's
/// department (Sở, `S…`) and a district's office (Phòng, `P…`) share, and so
/// its code: `BNV` → `SNV`, `PNV`; `BGDĐT` → `SGDĐT`, `PGDĐT`; since the
/// 2025 reorganisation also `NNMT` (Nông nghiệp và Môi trường) and `DTTG`
/// (Dân tộc và Tôn giáo), beside the sectors they merged.
const SECTORS: &[&str] = &[
    "NV", "TC", "TP", "YT", "XD", "GDĐT", "TNMT", "TTTT", "NNPTNT", "KHĐT", "LĐTBXH", "VHTTDL",
    "GTVT", "KHCN", "CT", "NNMT", "DTTG",
];

/// The sector codes of provincial departments and district offices, and the
/// bare sector where it carries a `Đ` (`TTr-LĐTBXH`, `BC-GDĐT`: an office
/// signing by its sector), the letter OCR prints as `D`. Bare sectors in
/// plain capitals are left out: a code missing from the list is kept as
/// printed anyway, and two letters (`TP`, `TC`) would shadow other codes.
fn sector_codes() -> impl Iterator<Item = String> {
    SECTORS.iter().flat_map(|s| {
        let bare = s.contains('Đ').then(|| (*s).to_owned());
        [Some(format!("S{s}")), Some(format!("P{s}")), bare]
            .into_iter()
            .flatten()
    })
}

/// Counts the parts of document symbols in the corpora, plus [`BUILTIN`],
/// [`WITH_D_BAR`] and the sector codes of departments and offices.
/// Returns `(code, count)` sorted by code.
pub fn collect(files: &[Source]) -> Result<Vec<(String, u64)>, BuildError> {
    let mut counts: FxHashMap<String, u64> = FxHashMap::default();
    for Source { path, .. } in files {
        let file = std::fs::File::open(path).map_err(io_err(path))?;
        let reader = std::io::BufReader::new(flate2::read::MultiGzDecoder::new(file));
        for line in reader.lines() {
            let line = line.map_err(io_err(path))?;
            for cap in SYMBOL.captures_iter(&line) {
                for part in cap[1].split(['-', '/']) {
                    if part.chars().count() >= 2 && part.chars().any(|c| c.is_uppercase()) {
                        *counts.entry(part.to_owned()).or_insert(0) += 1;
                    }
                }
            }
        }
    }
    // Mined codes must be frequent and written in capitals (`Đ`, `&` allowed);
    // mixed-case codes (`TTg`, `CTr`) come from the official list only.
    let mut out: Vec<(String, u64)> = counts
        .into_iter()
        .filter(|(c, n)| *n >= 20 && c.chars().all(|ch| ch.is_uppercase() || ch == '&'))
        .collect();
    for b in BUILTIN
        .iter()
        .chain(WITH_D_BAR)
        .map(|b| (*b).to_owned())
        .chain(sector_codes())
    {
        if !out.iter().any(|(c, _)| *c == b) {
            out.push((b, 0));
        }
    }
    out.sort();
    Ok(out)
}
