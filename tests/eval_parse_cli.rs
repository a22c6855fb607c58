//! `vietdoc eval parse` end to end on the clean seed.

use std::process::Command;

#[test]
fn eval_parse_prints_json_scores() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO_BIN_EXE_vietdoc"))
        .args([
            "eval",
            "parse",
            "--json",
            "--gold",
            &format!("{root}/fixtures/gold/002_7826ef445f4f1fb6.extract.json"),
            &format!("{root}/fixtures/seeds/002_7826ef445f4f1fb6.txt"),
        ])
        .output()
        .expect("run vietdoc");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let f1 = v["references"]["f1"].as_f64().unwrap_or(0.0);
    assert!(f1 >= 0.99, "references F1 {f1}");
    assert!(v["dates"]["f1"].as_f64().unwrap_or(0.0) >= 0.99);
}
