//! Scoring a parse against a gold extract file (`fixtures/gold/*.extract.json`).
//!
//! Works on JSON values, not on Rust types, so it scores whatever a `Document`
//! serializes and tolerates the gold files' conventions:
//!
//! * references match on the normalized number and symbol (letters and digits
//!   only, folded: `04-NQ/TU` ≡ number `04` + symbol `NQ-TU`) and on the line,
//!   within one line of the gold `line` or `number_line`;
//! * dates and periods match on the ISO value (`iso` or `value`) and the line;
//! * KPIs match on the numeric value and the line; gold values may be strings
//!   with qualifiers (`"hơn 25.500"`) and money in `tỷ đồng` units;
//! * header fields and the signer are compared exactly (NFC, whitespace
//!   collapsed) when the produced JSON has a `header` / `signature`.

use crate::extract::number::{abbreviated_scale, parse_vn, scale_of};
use crate::text::viet::skeleton;
use serde::Serialize;
use serde_json::Value;

/// Why a gold file cannot be scored.
#[derive(Debug, thiserror::Error)]
pub enum ParseEvalError {
    /// The gold JSON is not an object.
    #[error("gold extract is not a JSON object")]
    GoldNotObject,
    /// The produced JSON is not an object.
    #[error("produced document is not a JSON object")]
    ProducedNotObject,
    /// A field of the gold has the wrong JSON type (`"references": 5`), which
    /// would otherwise score as if the gold had no such records.
    #[error("gold extract's `{field}` is not {expected}")]
    GoldField {
        /// The field, as `kpis` or `kpis[3]`.
        field: String,
        /// What it should be (`an array or null`, `an object`).
        expected: &'static str,
    },
}

/// The gold's record lists: each absent, `null`, or an array of objects.
const GOLD_LISTS: &[&str] = &["references", "dates", "periods", "kpis"];

/// Checks the types of the gold fields [`score`] reads, so a malformed gold
/// file is an error rather than a silent zero.
fn check_gold(g: &serde_json::Map<String, Value>) -> Result<(), ParseEvalError> {
    let wrong = |field: String, expected| ParseEvalError::GoldField { field, expected };
    for &k in GOLD_LISTS {
        match g.get(k) {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                if let Some(i) = items.iter().position(|v| !v.is_object()) {
                    return Err(wrong(format!("{k}[{i}]"), "an object"));
                }
            }
            Some(_) => return Err(wrong(k.to_owned(), "an array or null")),
        }
    }
    for k in ["header", "signature"] {
        if g.get(k).is_some_and(|v| !v.is_null() && !v.is_object()) {
            return Err(wrong(k.to_owned(), "an object or null"));
        }
    }
    Ok(())
}

/// Matches of one record kind.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Produced records that match a gold record.
    pub tp: usize,
    /// Produced records that match none.
    pub fp: usize,
    /// Gold records that nothing matched.
    pub fn_: usize,
    /// The gold records missed, as `line: key`.
    pub missed: Vec<String>,
    /// The produced records that matched nothing, as `line: key`.
    pub extra: Vec<String>,
}

impl Prf {
    /// tp / (tp + fp); 1 when nothing was produced.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// tp / (tp + fn); 1 when there is no gold.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Exact-match accuracy over fields.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FieldScore {
    /// Fields compared.
    pub total: usize,
    /// Fields equal to the gold.
    pub correct: usize,
    /// The fields that differ, as `field: produced != gold`.
    pub wrong: Vec<String>,
}

impl FieldScore {
    /// correct / total; 1 when nothing was compared.
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.total)
    }
}

/// The score of one parse.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ParseScore {
    /// Citations of other documents.
    pub references: Prf,
    /// Dates.
    pub dates: Prf,
    /// Periods (the gold files count them unevenly; reported, not gated).
    pub periods: Prf,
    /// Figures.
    pub kpis: Prf,
    /// Header fields, when the produced JSON has a header.
    pub header: Option<FieldScore>,
    /// Signer exact, when both sides have one.
    pub signer: Option<bool>,
}

/// Scores `produced` (a serialized `Document`) against `gold` (an extract file).
pub fn score(produced: &Value, gold: &Value) -> Result<ParseScore, ParseEvalError> {
    let g = gold.as_object().ok_or(ParseEvalError::GoldNotObject)?;
    check_gold(g)?;
    let p = produced
        .as_object()
        .ok_or(ParseEvalError::ProducedNotObject)?;
    let list = |o: &serde_json::Map<String, Value>, k: &str| -> Vec<Value> {
        o.get(k)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let references = match_records(
        &list(g, "references"),
        &list(p, "references"),
        gold_ref_key,
        produced_ref_key,
        |gv, pv| {
            let pl = line(pv);
            [gv.get("line"), gv.get("number_line")]
                .into_iter()
                .flatten()
                .filter_map(Value::as_u64)
                .any(|gl| pl.abs_diff(gl as usize) <= 1)
        },
    );
    let same_line = |gv: &Value, pv: &Value| line(gv) == line(pv);
    let dates = match_records(&list(g, "dates"), &list(p, "dates"), iso, iso, same_line);
    let periods = match_records(
        &list(g, "periods"),
        &list(p, "periods"),
        iso,
        iso,
        same_line,
    );
    let kpis = match_kpis(&list(g, "kpis"), &list(p, "kpis"));
    let header = match (g.get("header"), p.get("header")) {
        (Some(Value::Object(gh)), Some(ph)) if !ph.is_null() => Some(score_header(gh, ph)),
        _ => None,
    };
    let signer = match (
        g.get("signature").and_then(|s| s.get("signer")),
        p.get("signature"),
    ) {
        (Some(gs), Some(ps)) if !gs.is_null() => {
            Some(text_of(ps.get("signer").unwrap_or(&Value::Null)) == text_of(gs))
        }
        _ => None,
    };
    Ok(ParseScore {
        references,
        dates,
        periods,
        kpis,
        header,
        signer,
    })
}

/// Header fields of the JSON contract compared when the gold has them.
const HEADER_FIELDS: &[&str] = &[
    "issuer",
    "sub_issuer",
    "national_title",
    "number",
    "symbol",
    "place",
    "date",
    "doc_type",
    "title",
];

/// Scores the header fields the gold has. Two fields are read as the gold
/// writes them: a type the gold infers where none is printed
/// (`doc_type_inferred`, a Công văn's) is its `doc_type`, and a normative
/// document's `number` carries its year (`27/2026`), which the JSON gives
/// in `year`.
fn score_header(gold: &serde_json::Map<String, Value>, produced: &Value) -> FieldScore {
    let mut s = FieldScore::default();
    for f in HEADER_FIELDS {
        let Some(mut gv) = gold.get(*f) else { continue };
        if !(gv.is_string() || gv.is_null()) {
            continue;
        }
        if *f == "doc_type" && gv.is_null() {
            gv = gold.get("doc_type_inferred").unwrap_or(gv);
        }
        let pv = produced.get(*f).unwrap_or(&Value::Null);
        let (gt, mut pt) = (text_of(gv), text_of(pv));
        if *f == "number" {
            if let (Some(n), Some(y)) = (&pt, produced.get("year").and_then(text_of)) {
                pt = Some(format!("{n}/{y}"));
            }
        }
        s.total += 1;
        if gt == pt {
            s.correct += 1;
        } else {
            s.wrong.push(format!("{f}: {pt:?} != {gt:?}"));
        }
    }
    s
}

/// The text of a field: a string, or the `value` of a `{value, raw, line}`.
fn text_of(v: &Value) -> Option<String> {
    let v = match v {
        Value::Object(o) => o.get("value")?,
        v => v,
    };
    match v {
        Value::String(s) => Some(norm(s)),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn norm(s: &str) -> String {
    let s = crate::text::nfc(s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn line(v: &Value) -> usize {
    v.get("line").and_then(Value::as_u64).unwrap_or(0) as usize
}

fn iso(v: &Value) -> String {
    v.get("iso")
        .or_else(|| v.get("value"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned()
}

/// Letters and digits only, folded and upper-cased: `04-NQ/TU` → `04NQTU`.
pub fn ref_key(s: &str) -> String {
    skeleton(s)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Key of a gold reference: its number and symbol fields.
fn gold_ref_key(v: &Value) -> String {
    let s = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
    ref_key(&format!("{}/{}", s("number"), s("symbol")))
}

/// Key of a produced reference: its `full`, else number, year and symbol.
fn produced_ref_key(v: &Value) -> String {
    if let Some(f) = v.get("full").and_then(Value::as_str) {
        return ref_key(f);
    }
    let s = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
    let year = v
        .get("year")
        .and_then(Value::as_u64)
        .map(|y| y.to_string())
        .unwrap_or_default();
    ref_key(&format!("{}/{}/{}", s("number"), year, s("symbol")))
}

/// Greedy one-to-one matching on equal keys and a line predicate.
fn match_records(
    gold: &[Value],
    produced: &[Value],
    gkey: impl Fn(&Value) -> String,
    pkey: impl Fn(&Value) -> String,
    near: impl Fn(&Value, &Value) -> bool,
) -> Prf {
    let pkeys: Vec<String> = produced.iter().map(&pkey).collect();
    let mut used = vec![false; produced.len()];
    let mut prf = Prf::default();
    for gv in gold {
        let k = gkey(gv);
        let hit =
            (0..produced.len()).find(|&i| !used[i] && pkeys[i] == k && near(gv, &produced[i]));
        match hit {
            Some(i) => {
                used[i] = true;
                prf.tp += 1;
            }
            None => {
                prf.fn_ += 1;
                prf.missed.push(format!("{}: {k}", line(gv)));
            }
        }
    }
    for (i, pv) in produced.iter().enumerate() {
        if !used[i] {
            prf.fp += 1;
            prf.extra.push(format!("{}: {}", line(pv), pkeys[i]));
        }
    }
    prf
}

/// The numeric values a gold KPI may stand for: as printed, and scaled when
/// its unit is a money scale (`12` `tỷ đồng` → 12 and 1.2e10, `8.500`
/// `tr.đồng` → 8 500 and 8.5e9).
fn gold_kpi_values(v: &Value) -> Vec<f64> {
    let base = match v.get("value") {
        Some(Value::Number(n)) => n.as_f64(),
        // The first number printed, with its sign (`-2` in a table of
        // changes; `khoảng 48`).
        Some(Value::String(s)) => {
            let negative = s.trim_start().starts_with(['-', '−']);
            s.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                .find_map(|t| parse_vn(t.trim_end_matches([',', '.'])))
                .map(|x| if negative { -x } else { x })
        }
        _ => None,
    };
    let Some(base) = base else { return Vec::new() };
    let unit = v.get("unit").and_then(Value::as_str).unwrap_or("");
    let first = skeleton(unit.split_whitespace().next().unwrap_or(""));
    match scale_of(&first).or_else(|| abbreviated_scale(unit.trim())) {
        Some(k) => vec![base, base * k],
        None => vec![base],
    }
}

fn match_kpis(gold: &[Value], produced: &[Value]) -> Prf {
    let pvals: Vec<Option<f64>> = produced
        .iter()
        .map(|p| p.get("value").and_then(Value::as_f64))
        .collect();
    let mut used = vec![false; produced.len()];
    let mut prf = Prf::default();
    for gv in gold {
        let vals = gold_kpi_values(gv);
        let hit = (0..produced.len()).find(|&i| {
            !used[i]
                && line(&produced[i]) == line(gv)
                && pvals[i].is_some_and(|p| {
                    vals.iter()
                        .any(|g| (p - g).abs() <= 1e-9 * g.abs().max(1.0))
                })
        });
        match hit {
            Some(i) => {
                used[i] = true;
                prf.tp += 1;
            }
            None => {
                prf.fn_ += 1;
                prf.missed.push(format!(
                    "{}: {}",
                    line(gv),
                    gv.get("value").unwrap_or(&Value::Null)
                ));
            }
        }
    }
    for (i, pv) in produced.iter().enumerate() {
        if !used[i] {
            prf.fp += 1;
            let raw = pv.get("raw").and_then(Value::as_str).unwrap_or("");
            prf.extra.push(format!("{}: {raw}", line(pv)));
        }
    }
    prf
}

impl ParseScore {
    /// A human-readable report.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let row = |name: &str, p: &Prf| {
            format!(
                "{name:<11} P {:.3}  R {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})\n",
                p.precision(),
                p.recall(),
                p.f1(),
                p.tp,
                p.fp,
                p.fn_
            )
        };
        s += &row("references", &self.references);
        s += &row("dates", &self.dates);
        s += &row("periods", &self.periods);
        s += &row("kpis", &self.kpis);
        match &self.header {
            Some(h) => {
                s += &format!(
                    "header      {:.3} exact ({}/{})\n",
                    h.accuracy(),
                    h.correct,
                    h.total
                );
                for w in &h.wrong {
                    s += &format!("  wrong {w}\n");
                }
            }
            None => s += "header      (not in the produced JSON)\n",
        }
        match self.signer {
            Some(ok) => s += &format!("signer      {}\n", if ok { "exact" } else { "wrong" }),
            None => s += "signer      (not in the produced JSON)\n",
        }
        s
    }

    /// The mismatches of each record kind, one per line: `- ` for a gold
    /// record missed (false negative), `+ ` for a produced record that
    /// matched nothing (false positive).
    pub fn errors_report(&self) -> String {
        let mut s = String::new();
        for (name, p) in [
            ("references", &self.references),
            ("dates", &self.dates),
            ("periods", &self.periods),
            ("kpis", &self.kpis),
        ] {
            if p.missed.is_empty() && p.extra.is_empty() {
                continue;
            }
            s += &format!("{name}:\n");
            for m in &p.missed {
                s += &format!("  - {m}\n");
            }
            for e in &p.extra {
                s += &format!("  + {e}\n");
            }
        }
        s
    }

    /// The report as JSON, with precision/recall/F1 computed.
    pub fn to_json(&self) -> Value {
        let prf = |p: &Prf| {
            serde_json::json!({
                "precision": p.precision(), "recall": p.recall(), "f1": p.f1(),
                "tp": p.tp, "fp": p.fp, "fn": p.fn_, "missed": p.missed, "extra": p.extra,
            })
        };
        serde_json::json!({
            "references": prf(&self.references),
            "dates": prf(&self.dates),
            "periods": prf(&self.periods),
            "kpis": prf(&self.kpis),
            "header": self.header.as_ref().map(|h| serde_json::json!({
                "accuracy": h.accuracy(), "correct": h.correct, "total": h.total, "wrong": h.wrong,
            })),
            "signer_exact": self.signer,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn references_match_on_key_and_nearby_line() {
        let gold = json!({"references": [
            {"number": "04", "symbol": "NQ-TU", "full": "Nghị quyết số 04-NQ/TU", "line": 16},
            {"number": "35/2022", "symbol": "NQ-HĐND", "line": 35, "number_line": 36},
            {"number": null, "symbol": "BC-VP", "line": 431},
            {"number": "06", "symbol": null, "line": 45},
        ]});
        let produced = json!({"references": [
            {"full": "04-NQ/TU", "line": 17},
            {"full": "35/2022/NQ-HĐND", "line": 37},
            {"full": "/BC-VP", "line": 431},
            {"full": "06/QĐ-TTg", "line": 45},
        ]});
        let s = score(&produced, &gold).unwrap_or_default();
        assert_eq!(
            (s.references.tp, s.references.fp, s.references.fn_),
            (3, 1, 1)
        );
        assert!((s.references.f1() - 0.75).abs() < 1e-9);
    }

    #[test]
    fn header_reads_an_inferred_type_and_a_number_with_its_year() {
        let gold = json!({"header": {
            "doc_type": null, "doc_type_inferred": "CÔNG VĂN", "number": "27/2026", "title": "V/v họp"
        }});
        let produced = json!({"header": {
            "doc_type": {"value": "CÔNG VĂN"}, "number": {"value": "27"},
            "year": {"value": "2026"}, "title": {"value": "họp"}
        }});
        let h = score(&produced, &gold).unwrap_or_default().header;
        let h = h.unwrap_or_default();
        assert_eq!((h.correct, h.total), (2, 3), "{:?}", h.wrong);
        let bare = json!({"header": {"doc_type": null, "number": {"value": "27"}}});
        let h = score(&bare, &gold).unwrap_or_default().header;
        let h = h.unwrap_or_default();
        assert_eq!((h.correct, h.total), (0, 3));
    }

    #[test]
    fn a_gold_field_of_the_wrong_type_is_an_error() {
        let produced = json!({"references": []});
        let err = |gold: Value| score(&produced, &gold).err().map(|e| e.to_string());
        assert_eq!(
            err(json!({"references": 5})).as_deref(),
            Some("gold extract's `references` is not an array or null")
        );
        assert_eq!(
            err(json!({"kpis": [{"value": 1, "line": 2}, "3"]})).as_deref(),
            Some("gold extract's `kpis[1]` is not an object")
        );
        assert_eq!(
            err(json!({"header": "BÁO CÁO"})).as_deref(),
            Some("gold extract's `header` is not an object or null")
        );
        // Absent, null and empty fields are no records, as before.
        assert_eq!(
            err(json!({"dates": null, "signature": null, "kpis": []})),
            None
        );
    }

    #[test]
    fn dates_and_kpis() {
        let gold = json!({
        "dates": [{"iso": "2023-06", "line": 4}, {"iso": "2022-03-28", "line": 9}],
        "kpis": [
            {"value": "hơn 12", "unit": "tỷ đồng", "line": 218},
            {"value": "56.703", "unit": "hồ sơ", "line": 192},
            {"value": 100, "unit": "%", "line": 44},
            {"value": "99,9", "unit": "%", "line": 196},
        ]});
        let produced = json!({
        "dates": [{"value": "2023-06", "line": 4}, {"value": "2022-03-28", "line": 10}],
        "kpis": [
            {"value": 1.2e10, "line": 218},
            {"value": 56703.0, "line": 192},
            {"value": 100.0, "line": 44},
            {"value": 99.9, "line": 196},
            {"value": 3.0, "line": 1},
        ]});
        let s = score(&produced, &gold).unwrap_or_default();
        assert_eq!((s.dates.tp, s.dates.fp, s.dates.fn_), (1, 1, 1));
        assert_eq!((s.kpis.tp, s.kpis.fp, s.kpis.fn_), (4, 1, 0));
        assert!(s.header.is_none());
        assert!(s.signer.is_none());
    }

    #[test]
    fn header_and_signer() {
        let gold = json!({
            "header": {"issuer": "UBND TỈNH QUẢNG NGÃI", "number": "1034", "date": "2023-06", "motto": ["a", "b"]},
            "signature": {"signer": "Vũ Minh Tâm"}});
        let produced = json!({
            "header": {"issuer": {"value": "UBND TỈNH  QUẢNG NGÃI", "line": 1}, "number": {"value": "1034"}, "date": null},
            "signature": {"signer": {"value": "Vũ Minh Tâm"}}});
        let s = score(&produced, &gold).unwrap_or_default();
        let h = s.header.unwrap_or_default();
        assert_eq!((h.correct, h.total), (2, 3));
        assert_eq!(s.signer, Some(true));
    }

    #[test]
    fn gold_kpi_values_keep_their_sign_and_skip_qualifiers() {
        let v = |x: Value| gold_kpi_values(&json!({"value": x, "unit": ""}));
        assert_eq!(v(json!("-2")), vec![-2.0]);
        assert_eq!(v(json!("khoảng 48")), vec![48.0]);
        assert_eq!(v(json!("1.245")), vec![1245.0]);
        assert_eq!(v(json!(3)), vec![3.0]);
    }

    #[test]
    fn errors_report_lists_missed_and_extra() {
        let gold = json!({"dates": [{"iso": "2023-06", "line": 4}]});
        let produced = json!({"dates": [{"value": "2023-07", "line": 4}]});
        let s = score(&produced, &gold).unwrap_or_default();
        let r = s.errors_report();
        assert!(r.contains("dates:"));
        assert!(r.contains("  - 4: 2023-06"));
        assert!(r.contains("  + 4: 2023-07"));
        assert!(!r.contains("references:"));
    }

    #[test]
    fn bad_input_is_an_error() {
        assert!(score(&json!([]), &json!({})).is_err());
        assert!(score(&json!({}), &json!(3)).is_err());
        let s = score(&json!({}), &json!({})).unwrap_or_default();
        assert_eq!(s.references.f1(), 1.0);
    }
}
