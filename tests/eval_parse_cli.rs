//! `vietdoc eval parse` end to end: the clean seed and the raw-OCR quality gates.

use std::process::Command;

/// `vietdoc eval parse --json` of `fixtures/seeds/<seed>.txt` against its gold
/// extract file: the scores.
fn eval_parse(seed: &str) -> serde_json::Value {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO_BIN_EXE_vietdoc"))
        .args([
            "eval",
            "parse",
            "--json",
            "--gold",
            &format!("{root}/fixtures/gold/{seed}.extract.json"),
            &format!("{root}/fixtures/seeds/{seed}.txt"),
        ])
        .output()
        .expect("run vietdoc");
    assert!(
        out.status.success(),
        "{seed}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

#[test]
fn eval_parse_prints_json_scores() {
    let v = eval_parse("002_7826ef445f4f1fb6");
    let f1 = v["references"]["f1"].as_f64().unwrap_or(0.0);
    assert!(f1 >= 0.99, "references F1 {f1}");
    assert!(v["dates"]["f1"].as_f64().unwrap_or(0.0) >= 0.99);
}

/// The quality gates on raw OCR through the whole pipeline (repair,
/// layout, extract): references and dates F1 ≥ 0.95, KPI F1 ≥ 0.85, header
/// fields ≥ 90 % exact, signer exact.
#[test]
fn raw_ocr_seeds_meet_the_parse_targets() {
    for seed in ["001_8d0248409765ec2d", "003_cebd24264a134460"] {
        let v = eval_parse(seed);
        let f1 = |k: &str| v[k]["f1"].as_f64().unwrap_or(0.0);
        assert!(
            f1("references") >= 0.95,
            "{seed} references F1 {}",
            f1("references")
        );
        assert!(f1("dates") >= 0.95, "{seed} dates F1 {}", f1("dates"));
        assert!(f1("kpis") >= 0.85, "{seed} KPI F1 {}", f1("kpis"));
        let header = v["header"]["accuracy"].as_f64().unwrap_or(0.0);
        assert!(header >= 0.90, "{seed} header {header}");
        assert_eq!(
            v["signer_exact"],
            serde_json::Value::Bool(true),
            "{seed} signer"
        );
    }
}
