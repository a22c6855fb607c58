//! Repairing abbreviations and document-symbol codes (`0D` → `QĐ`, `HPND` →
//! `HĐND`, `VnelD` → `VNeID`) against the code list, and section markers at
//! the start of a line (`IL.` → `II.`, `I11.` → `III.`, `¢)` → `c)`).

use super::mixture::Weights;
use crate::lexicon::{doc_types, Lexicon};
use crate::text::viet;

/// Largest channel cost at which a token is read as a known code.
const MAX_COST: f32 = 12.0;

/// A code reading of a token: the canonical code and a confidence.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeRepair {
    /// The code as it is spelled canonically.
    pub code: String,
    /// Confidence, 0–1.
    pub confidence: f32,
    /// Second-best code, if any.
    pub runner_up: Option<String>,
}

/// Largest channel cost at which a clean-looking acronym (ASCII capitals only,
/// like `CCVC`, free-standing or part of a symbol such as the `BCVT` of
/// `812/STTTT-BCVT`) is read as a different known code: only a lost mark
/// (`HDND` → `HĐND`, `QD` → `QĐ`) or a similar small slip, never a letter
/// more or less (`BCVT` → `BCT`, `NV` → `BNV`; [`choose_code`] checks the
/// count, which a type code's bonus can bring under this cap): issuers'
/// codes are too many for any list.
const MAX_COST_CLEAN: f32 = 5.5;

/// Channel cost of a code read from its `Đ` printed `DB` or `DP` (`QDB`
/// for `QĐ`): that of a lost mark.
const DB_FOR_D_COST: f32 = 1.0;

/// Channel cost of a code read from its `Đ` printed `B` or `P` (`HBND` for
/// `HĐND`): a little more than a lost mark (on all 780 held-out OCR files
/// 1.0 to 3.0 read the same 50 more tokens right and none wrong).
const B_FOR_D_COST: f32 = 2.0;

/// Cost bonus of a document-type code (`QĐ`, `KH`, …) in the type slot of a
/// symbol: most symbols are `number/TYPE-ISSUER`.
const TYPE_SLOT_BONUS: f32 = 3.0;

/// Cost (nats) of the other explanation of a code-like token: a genuine code
/// the list lacks (`TNCN`, `VNĐ`, `C1`). A repair must explain the token
/// better, through the document's OCR channel or its lost marks, so the
/// window of accepted channel costs is `UNKNOWN_CODE_COST + ln(w_ocr /
/// w_identity)`, capped at [`MAX_COST`]: in documents OCR'd without a
/// Vietnamese model (identity weight near 0.01, OCR near 0.9) that is the
/// full window; in nearly clean text (identity 0.999) only a cost under
/// about 2 passes, so real but unlisted codes stay as printed.
const UNKNOWN_CODE_COST: f32 = 9.0;

/// Where a code-like token stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeSlot {
    /// Right after `number/` (or `number/year/`) and before `-`: the place of
    /// the document-type code in a symbol.
    Type,
    /// Any other part of a symbol (touching `-`, `/`, `_`).
    Symbol,
    /// A free-standing abbreviation.
    Free,
}

/// The known code `token` most likely stands for, when it is not itself one
/// and the document's channel weights `w` make damage likelier than a
/// genuine code missing from the list (the prior `UNKNOWN_CODE_COST`).
pub fn repair_code(lex: &Lexicon, token: &str, slot: CodeSlot, w: &Weights) -> Option<CodeRepair> {
    choose_code(&rank_codes(lex, token, slot), token, slot, w)
}

/// The two cheapest readings of a token as known codes, cheapest first (ties
/// by code): the part of [`repair_code`] that does not depend on the
/// document, so it can be shared between documents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RankedCodes {
    /// The cheapest code and its cost; `None` when the token is itself a
    /// known code or no code has a length within one of it.
    pub best: Option<(f32, String)>,
    /// The second cheapest code and its cost.
    pub runner: Option<(f32, String)>,
}

/// Ranks the known codes as readings of `token` in `slot` by channel cost,
/// case penalty and type-slot bonus; see [`RankedCodes`].
pub fn rank_codes(lex: &Lexicon, token: &str, slot: CodeSlot) -> RankedCodes {
    if lex.code(token).is_some() {
        return RankedCodes::default();
    }
    let ocr: Vec<char> = token.to_lowercase().chars().collect();
    let n = ocr.len();
    let mut coster = lex.channel.coster(&ocr);
    // OCR prints the bar of a `Đ` in capitals as a `B` or `P` after the
    // `D` (`QDB-UBND`, `NQ-HDPND`), or a `P` before it (`NQ-HPDND`), a slip
    // the character channel cannot learn. Only a listed code is read so
    // (`GRDP` stays: no `GRĐ`).
    // The token's readings with a `Đ` for those letters, and their costs.
    let mut d_bar: Vec<(String, f32)> = ["DB", "DP", "PD"]
        .iter()
        .find(|p| token.contains(**p))
        .map(|p| (token.replacen(p, "Đ", 1), DB_FOR_D_COST))
        .into_iter()
        .collect();
    // In heavy scans the bar's letter alone stands for the `Đ` (`HBND`,
    // `HPND` for `HĐND`, `PGB` for `PGĐ`): each `B` or `P` of a token of
    // three letters or more read as a `Đ` (two-letter codes with a `B` or a
    // `P` are common and real: `CB`, `HP`, `BA`).
    if n >= 3 {
        d_bar.extend(
            token
                .char_indices()
                .filter(|&(_, c)| c == 'B' || c == 'P')
                .map(|(i, _)| (format!("{}Đ{}", &token[..i], &token[i + 1..]), B_FOR_D_COST)),
        );
    }
    let mut t: Vec<char> = Vec::new();
    // The two least (cost, code) pairs, least first.
    let mut top: [Option<(f32, &str)>; 2] = [None, None];
    let less = |a: (f32, &str), b: (f32, &str)| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)).is_lt();
    for cand in lex_codes(lex) {
        let len = cand.chars().count();
        if len + 1 < n || len > n + 1 {
            continue;
        }
        t.clear();
        t.extend(cand.to_lowercase().chars());
        let mut cost = coster.cost(&t) + case_penalty(cand, token);
        for (reading, c) in &d_bar {
            if reading == cand {
                cost = cost.min(*c);
            }
        }
        if slot == CodeSlot::Type && doc_types::is_type_code(cand) {
            cost -= TYPE_SLOT_BONUS;
        }
        let x = (cost, cand);
        match top {
            [Some(b), _] if !less(x, b) => {
                if top[1].is_none_or(|r| less(x, r)) {
                    top[1] = Some(x);
                }
            }
            _ => top = [Some(x), top[0]],
        }
    }
    let owned = |x: Option<(f32, &str)>| x.map(|(c, s)| (c, s.to_owned()));
    RankedCodes {
        best: owned(top[0]),
        runner: owned(top[1]),
    }
}

/// The decision of [`repair_code`] from the ranked codes of `token` and the
/// document's channel weights `w`.
pub fn choose_code(
    ranked: &RankedCodes,
    token: &str,
    slot: CodeSlot,
    w: &Weights,
) -> Option<CodeRepair> {
    if slot != CodeSlot::Free {
        if let Some(code) = legislature(token) {
            return Some(CodeRepair {
                code,
                confidence: LEGISLATURE_CONFIDENCE,
                runner_up: None,
            });
        }
    }
    let (best_cost, best) = ranked.best.as_ref()?;
    let clean = token.chars().all(|c| c.is_ascii_uppercase());
    // `IKH-VP` of `71/IKH-VP`, `số IBC-VP`: the `I` is the symbol's slash.
    let slash_read_as_i = slot != CodeSlot::Free && token.strip_prefix('I') == Some(best.as_str());
    let max_cost = if clean && !slash_read_as_i {
        MAX_COST_CLEAN
    } else {
        MAX_COST
    };
    let best_cost = *best_cost;
    if best_cost > max_cost || !damage_likelier(w, best_cost, best, token) {
        return None;
    }
    // A clean-looking acronym keeps its count of letters (`BT`, a Bản
    // tin's code, is no `BTT`, which the type slot favours), but for a `Đ`
    // OCR printed as two (`QDB` → `QĐ`, `HPDND` → `HĐND`, `QOD` → `QĐ`).
    let (best_len, token_len) = (best.chars().count(), token.chars().count());
    let d_read_as_two = best.contains('Đ') && token_len == best_len + 1;
    if clean && !slash_read_as_i && !d_read_as_two && best_len != token_len {
        return None;
    }
    let runner = ranked.runner.as_ref();
    let margin = runner.map_or(6.0, |r| r.0 - best_cost);
    if margin < 0.5 {
        return None;
    }
    Some(CodeRepair {
        code: best.clone(),
        confidence: (1.0 - (-margin).exp() * 0.5).min(super::MAX_CONFIDENCE),
        runner_up: runner.map(|r| r.1.clone()),
    })
}

/// The parts of a code joined by `&` (`HDND&UBND`, `KT-HT&DT` is a symbol's
/// part `HT&DT`), when it is two or more such parts, each two letters or
/// more: codes are listed one by one, so each part is read on its own.
pub fn joined_parts(token: &str) -> Option<Vec<&str>> {
    let parts: Vec<&str> = token.split('&').collect();
    (parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() >= 2 && p.chars().all(char::is_alphabetic)))
    .then_some(parts)
}

/// The reading of a code joined by `&` from `read`'s reading of each of its
/// `parts`: the parts read joined again, the others as printed, and the
/// least confidence of those read; `None` when no part is read.
pub fn join_parts(
    parts: &[&str],
    mut read: impl FnMut(&str) -> Option<CodeRepair>,
) -> Option<CodeRepair> {
    let mut code = String::new();
    let (mut confidence, mut any) = (1.0f32, false);
    let mut runner_up = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            code.push('&');
            runner_up.push('&');
        }
        match read(p) {
            Some(r) => {
                any = true;
                confidence = confidence.min(r.confidence);
                code.push_str(&r.code);
            }
            None => code.push_str(p),
        }
        runner_up.push_str(p);
    }
    any.then_some(CodeRepair {
        code,
        confidence,
        runner_up: Some(runner_up),
    })
}

/// Confidence of a legislature's code read through OCR's letters for its
/// digits ([`legislature`]).
const LEGISLATURE_CONFIDENCE: f32 = 0.9;

/// The code of a legislature (`QH15`, `UBTVQH14`: the Quốc hội that passed
/// a law, a symbol's last part) that `token` prints with OCR's letters for
/// its two digits (`QHI3`, `QHl5`, `QHIS`: `I`, `l`, `L`, `|` for `1`, `O`
/// for `0`, `S` for `5`); `None` for a token of other letters, or printed
/// right.
fn legislature(token: &str) -> Option<String> {
    let after = token
        .strip_prefix("UBTVQH")
        .or_else(|| token.strip_prefix("QH"))?;
    let prefix = &token[..token.len() - after.len()];
    // A legislature's number has two digits: a look-alike of `1` before a
    // `1` and a digit is OCR's doubling of the `1` (`QHI15`), an `S` before
    // a last `5` its doubling of the `5` (`QH1S5`, `QHIS5`).
    let undoubled;
    let digits = match after.strip_suffix("S5").filter(|first| first.len() == 1) {
        Some(first) => {
            undoubled = format!("{first}5");
            undoubled.as_str()
        }
        None => after,
    };
    let digits = match digits.strip_prefix(['I', 'l', '|']) {
        Some(rest)
            if rest.len() == 2
                && rest.starts_with('1')
                && rest.bytes().all(|b| b.is_ascii_digit()) =>
        {
            rest
        }
        _ => digits,
    };
    if digits.chars().count() != 2 || digits == after && digits.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let read: String = digits
        .chars()
        .map(|c| match c {
            'I' | 'l' | 'L' | '|' => Some('1'),
            'O' | 'o' => Some('0'),
            'S' => Some('5'),
            d if d.is_ascii_digit() => Some(d),
            _ => None,
        })
        .collect::<Option<_>>()?;
    Some(format!("{prefix}{read}"))
}

/// Does the document's mixture explain `token` better as `code` damaged (by
/// OCR at channel cost `cost`, or by lost marks) than as a genuine unknown code?
fn damage_likelier(w: &Weights, cost: f32, code: &str, token: &str) -> bool {
    let ocr = w.ocr * (-(cost as f64)).exp();
    let lower = token.to_lowercase();
    let stripped = if lower.is_ascii() && viet::skeleton_eq(code, &lower) {
        w.stripped
    } else {
        0.0
    };
    ocr.max(stripped) > w.identity * (-(UNKNOWN_CODE_COST as f64)).exp()
}

/// Codes differ in case only where OCR keeps case: penalize letters whose
/// case disagrees, except look-alike pairs.
fn case_penalty(code: &str, token: &str) -> f32 {
    let mut p = 0.0;
    for (a, b) in code.chars().zip(token.chars()) {
        if a.is_alphabetic() && b.is_alphabetic() && a.is_uppercase() != b.is_uppercase() {
            let same_shape = matches!(
                a.to_lowercase().next(),
                Some('c' | 'o' | 's' | 'v' | 'w' | 'x' | 'z' | 'p' | 'k')
            );
            p += if same_shape { 0.3 } else { 1.5 };
        }
    }
    p
}

fn lex_codes(lex: &Lexicon) -> impl Iterator<Item = &str> {
    lex.all_codes()
}

/// Reads a line-initial section marker: `IL` → `II`, `I11` → `III`, `|` → `I`,
/// `lil` → `III`, `¢` → `c`. `next` is the rest of the line after the marker.
/// Returns the repaired marker when it differs. A marker whose dot OCR lost
/// (`IL NỘI DUNG`) is read only when a letter of it was misread and a heading
/// in capitals follows (`VI PHẠM` is a word), and gets its dot back.
pub fn repair_marker(marker: &str, next: &str) -> Option<String> {
    if next.starts_with(')') && marker == "¢" {
        return Some("c".to_owned());
    }
    let dotted = next.starts_with('.');
    let heading = if dotted { &next[1..] } else { next };
    // Without its dot: two letters or more, then a heading in capitals.
    let undotted_ok = next.starts_with(' ') && marker.chars().count() >= 2 && capitals_follow(next);
    if marker.is_empty() || marker.chars().count() > 5 || !(dotted || undotted_ok) {
        return None;
    }
    if !marker
        .chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'l' | '1' | '|' | 'v' | 'x' | 'i'))
    {
        return None;
    }
    // `v`, `x` and `i` print the same as words: only a heading tells.
    let small = marker.chars().any(|c| matches!(c, 'v' | 'x' | 'i'));
    if !marker
        .chars()
        .any(|c| matches!(c, 'I' | 'V' | 'X' | 'v' | 'x' | 'i'))
        || marker.chars().all(|c| c == '1')
        || small && !capitals_follow(heading)
    {
        return None;
    }
    let fixed: String = marker
        .chars()
        .map(|c| match c {
            'L' | 'l' | '1' | '|' | 'i' => 'I',
            'v' => 'V',
            'x' => 'X',
            c => c,
        })
        .collect();
    // `Vv. TỔ CHỨC`: OCR doubled the V's stroke.
    let fixed = if fixed == "VV" && capitals_follow(heading) {
        "V".to_owned()
    } else {
        fixed
    };
    if fixed == marker || !is_roman(&fixed) {
        return None;
    }
    // A table's group row (`II KHỐI TIỂU HỌC 34 3.566`) has no dot: its line
    // ends with a figure, where a heading ends with words or a year
    // (`III. NHIỆM VỤ NĂM 2026`).
    Some(if dotted || ends_with_table_figure(next) {
        fixed
    } else {
        fixed + "."
    })
}

/// Does `rest` end with a figure that is no year (`3.566`, `18`, not `2026`,
/// `2026.` or `2025-2026`)?
pub(super) fn ends_with_table_figure(rest: &str) -> bool {
    let last = rest.split_whitespace().next_back().unwrap_or("");
    let figure = !last.is_empty()
        && last.starts_with(|c: char| c.is_ascii_digit())
        && last
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','));
    figure && !crate::text::is_year(last.trim_end_matches('.'))
}

/// Does a heading in capitals follow (`v. TỔ CHỨC`: `v` and `x` print the same
/// in both cases, so only the heading tells a `V.` marker from `v.` text)?
pub(super) fn capitals_follow(rest: &str) -> bool {
    rest.split_whitespace().next().is_some_and(|w| {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2 && w.chars().filter(|c| c.is_uppercase()).count() == letters
    })
}

fn is_roman(s: &str) -> bool {
    const ROMANS: &[&str] = &[
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    ROMANS.contains(&s)
}

/// The words an institutional acronym stands for (`UBND`, `HĐND`, as OCR
/// prints them too: `HDND`), for the language model's context: the corpora
/// spell these bodies out (`Hội đồng nhân dân xã`) where provincial reports
/// abbreviate them (NĐ 30/2020 lets "cụm từ thông dụng" be; the project's
/// format notes list the common ones), so the words around an acronym are read
/// against its expansion (`HĐND xa;` → `HĐND xã;`).
pub(super) fn acronym_words(s: &str) -> Option<&'static str> {
    // `TTHC` is left out: after `Số`/`hồ sơ` its expansion read seed 001's
    // table cell `Số TTHC` as `Sơ TTHC` (the table gate fell 0.902 → 0.898).
    const ACRONYMS: &[(&str, &str)] = &[
        ("UBND", "ủy ban nhân dân"),
        ("HDND", "hội đồng nhân dân"),
        ("CCHC", "cải cách hành chính"),
        ("MTTQ", "mặt trận tổ quốc"),
        ("BCD", "ban chỉ đạo"),
        ("CNTT", "công nghệ thông tin"),
        ("THCS", "trung học cơ sở"),
        ("THPT", "trung học phổ thông"),
        ("BHXH", "bảo hiểm xã hội"),
        ("BHYT", "bảo hiểm y tế"),
        ("NSNN", "ngân sách nhà nước"),
        ("HTX", "hợp tác xã"),
        ("PCCC", "phòng cháy chữa cháy"),
        ("ATGT", "an toàn giao thông"),
        ("ANTT", "an ninh trật tự"),
    ];
    let folded: String = viet::skeleton(s).to_uppercase();
    ACRONYMS.iter().find(|(a, _)| *a == folded).map(|(_, w)| *w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legislatures_read_through_letters_for_digits() {
        assert_eq!(legislature("QHI3").as_deref(), Some("QH13"));
        assert_eq!(legislature("QHl5").as_deref(), Some("QH15"));
        assert_eq!(legislature("QHIS").as_deref(), Some("QH15"));
        assert_eq!(legislature("UBTVQHI4").as_deref(), Some("UBTVQH14"));
        assert_eq!(legislature("QH15"), None);
        assert_eq!(legislature("QHND"), None);
        assert_eq!(legislature("QHI"), None);
        assert_eq!(legislature("QHI15").as_deref(), Some("QH15"));
        assert_eq!(legislature("QH1S5").as_deref(), Some("QH15"));
        assert_eq!(legislature("QHIS5").as_deref(), Some("QH15"));
        assert_eq!(legislature("QH155"), None);
        assert_eq!(legislature("UBTVQHl14").as_deref(), Some("UBTVQH14"));
        assert_eq!(legislature("QHI25"), None);
    }

    #[test]
    fn unknown_codes_stay_in_clean_text_and_damage_is_read_in_ocr() {
        let ocr = Weights {
            identity: 0.01,
            stripped: 0.1,
            ocr: 0.89,
        };
        let clean = Weights {
            identity: 0.999,
            stripped: 0.0002,
            ocr: 0.0008,
        };
        let stripped = Weights {
            identity: 0.4,
            stripped: 0.55,
            ocr: 0.05,
        };
        // A cost-9 reading: taken in OCR text, not in clean text.
        assert!(damage_likelier(&ocr, 9.0, "TNDN", "TNCN"));
        assert!(!damage_likelier(&clean, 9.0, "TNDN", "TNCN"));
        // Lost marks: a skeleton match is read where marks were stripped.
        assert!(damage_likelier(&stripped, 6.0, "NĐ", "ND"));
        assert!(!damage_likelier(&stripped, 9.0, "TNDN", "TNCN"));
    }

    #[test]
    fn a_clean_acronym_keeps_its_letters_count() {
        let lex = crate::lexicon::bundled();
        // The weights of a nearly clean document (cv23's clean text):
        // `BTT` is `BT` at channel cost 2.9, under the clean acronyms' cap,
        // and the type slot favours it.
        let clean = Weights {
            identity: 0.994,
            stripped: 0.0024,
            ocr: 0.0035,
        };
        // `BT` (Bản tin) is no `BTT` (Bản thỏa thuận), even in the type slot.
        assert_eq!(repair_code(lex, "BT", CodeSlot::Type, &clean), None);
        // A lost mark is still read.
        let got = repair_code(lex, "QD", CodeSlot::Type, &clean).map(|r| r.code);
        assert_eq!(got.as_deref(), Some("QĐ"));
    }

    #[test]
    fn a_d_bar_printed_as_db_dp_b_or_p() {
        let lex = crate::lexicon::bundled();
        let ocr = Weights {
            identity: 0.01,
            stripped: 0.1,
            ocr: 0.89,
        };
        let got = repair_code(lex, "QDB", CodeSlot::Type, &ocr).map(|r| r.code);
        assert_eq!(got.as_deref(), Some("QĐ"));
        let got = repair_code(lex, "HDPND", CodeSlot::Symbol, &ocr).map(|r| r.code);
        assert_eq!(got.as_deref(), Some("HĐND"));
        let got = repair_code(lex, "HPDND", CodeSlot::Symbol, &ocr).map(|r| r.code);
        assert_eq!(got.as_deref(), Some("HĐND"));
        // Clean text keeps an unknown code.
        let clean = Weights {
            identity: 0.999,
            stripped: 0.0002,
            ocr: 0.0008,
        };
        assert_eq!(repair_code(lex, "XDB", CodeSlot::Type, &clean), None);
        // The bar's letter alone, in codes of three letters or more.
        for (token, code) in [("HBND", "HĐND"), ("HPND", "HĐND"), ("PGB", "PGĐ")] {
            let got = repair_code(lex, token, CodeSlot::Free, &ocr).map(|r| r.code);
            assert_eq!(got.as_deref(), Some(code), "{token}");
        }
        assert_eq!(repair_code(lex, "HBND", CodeSlot::Free, &clean), None);
        let got = repair_code(lex, "CB", CodeSlot::Symbol, &ocr).map(|r| r.code);
        assert_ne!(got.as_deref(), Some("CĐ"));
    }

    #[test]
    fn markers() {
        assert_eq!(repair_marker("IL", ". Kết"), Some("II".into()));
        assert_eq!(repair_marker("I11", "."), Some("III".into()));
        assert_eq!(repair_marker("¢", ") Tổ"), Some("c".into()));
        assert_eq!(repair_marker("II", "."), None);
        assert_eq!(repair_marker("11", "."), None);
        assert_eq!(repair_marker("Il", " x"), None);
        assert_eq!(repair_marker("LL", "."), None);
        assert_eq!(repair_marker("v", ". TỔ CHỨC"), Some("V".into()));
        assert_eq!(repair_marker("xI", ". KINH PHÍ"), Some("XI".into()));
        assert_eq!(repair_marker("Vv", ". TỔ CHỨC"), Some("V".into()));
        assert_eq!(repair_marker("Vv", ". Tổ chức"), None);
        assert_eq!(repair_marker("v", ". Tổ chức"), None);
        assert_eq!(repair_marker("lil", ". KẾ HOẠCH"), Some("III".into()));
        assert_eq!(repair_marker("lil", ". Kế hoạch"), None);
        assert_eq!(repair_marker("IL", " NỘI DUNG CHỦ YẾU"), Some("II.".into()));
        assert_eq!(
            repair_marker("IL", " KẾ HOẠCH NĂM 2026"),
            Some("II.".into())
        );
        assert_eq!(
            repair_marker("Il", " KHOI TIEU HOC 34 3.566"),
            Some("II".into()),
            "a table's group row"
        );
        assert_eq!(repair_marker("VI", " PHẠM HÀNH CHÍNH"), None);
        assert_eq!(repair_marker("I", " NỘI DUNG"), None);
        assert_eq!(repair_marker("v", ".v. và"), None);
    }

    #[test]
    fn codes_joined_by_an_ampersand_read_part_by_part() {
        assert_eq!(joined_parts("HDND&UBND"), Some(vec!["HDND", "UBND"]));
        assert_eq!(joined_parts("HDND"), None);
        assert_eq!(joined_parts("A&B"), None);
        assert_eq!(joined_parts("TN&MT2"), None);
        let read = |p: &str| {
            (p == "HDND").then(|| CodeRepair {
                code: "HĐND".into(),
                confidence: 0.9,
                runner_up: None,
            })
        };
        let r = join_parts(&["HDND", "UBND"], read).unwrap();
        assert_eq!(r.code, "HĐND&UBND");
        assert_eq!(r.runner_up.as_deref(), Some("HDND&UBND"));
        assert!((r.confidence - 0.9).abs() < 1e-6);
        assert_eq!(join_parts(&["TTHL", "UBND"], read), None);
    }

    #[test]
    fn acronyms_read_as_their_words() {
        assert_eq!(acronym_words("HĐND"), Some("hội đồng nhân dân"));
        assert_eq!(acronym_words("HDND"), Some("hội đồng nhân dân"));
        assert_eq!(acronym_words("UBND"), Some("ủy ban nhân dân"));
        assert_eq!(acronym_words("VNeID"), None);
        assert_eq!(acronym_words("TTHC"), None);
        // Every word is in the model's vocabulary.
        let lex = crate::lexicon::bundled();
        for s in [
            "UBND", "HDND", "CCHC", "MTTQ", "BCD", "CNTT", "THCS", "THPT", "BHXH", "BHYT", "NSNN",
            "HTX", "PCCC", "ATGT", "ANTT",
        ] {
            let words = acronym_words(s).expect(s);
            for w in words.split(' ') {
                assert_ne!(lex.id(w), crate::lexicon::lm::UNK, "{s}: {w}");
            }
        }
    }
}
