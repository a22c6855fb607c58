//! `vietdoc parse` output against `schema/vietdoc-1.schema.json`, and
//! byte-identical JSON on repeated runs.
//!
//! The validator below is a minimal structural JSON Schema checker covering
//! the keywords the schema uses (`type`, `const`, `enum`, `required`,
//! `properties`, `additionalProperties: false`, `items`, `$ref`, `anyOf`,
//! `minimum`, `maximum`, `pattern`); a full validator crate was not added to
//! keep the dependency tree small.

use serde_json::Value;
use std::fs;
use vietdoc::{Lexicon, Pipeline};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn schema() -> Value {
    serde_json::from_str(
        &fs::read_to_string(format!("{ROOT}/schema/vietdoc-1.schema.json")).unwrap(),
    )
    .unwrap()
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_u64() || v.is_i64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        _ => false,
    }
}

fn validate(root: &Value, s: &Value, v: &Value, path: &str, errs: &mut Vec<String>) {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return validate(root, &root["$defs"][name], v, path, errs);
    }
    if let Some(any) = s.get("anyOf").and_then(Value::as_array) {
        let ok = any.iter().any(|sub| {
            let mut e = Vec::new();
            validate(root, sub, v, path, &mut e);
            e.is_empty()
        });
        if !ok {
            errs.push(format!("{path}: matches no anyOf branch"));
        }
        return;
    }
    if let Some(t) = s.get("type") {
        let ok = match t {
            Value::String(t) => type_ok(t, v),
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).any(|t| type_ok(t, v)),
            _ => true,
        };
        if !ok {
            errs.push(format!("{path}: {v} is not of type {t}"));
            return;
        }
    }
    if let Some(c) = s.get("const") {
        if c != v {
            errs.push(format!("{path}: {v} != const {c}"));
        }
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            errs.push(format!("{path}: {v} not in enum"));
        }
    }
    if let (Some(min), Some(x)) = (s.get("minimum").and_then(Value::as_f64), v.as_f64()) {
        if x < min {
            errs.push(format!("{path}: {x} < {min}"));
        }
    }
    if let (Some(max), Some(x)) = (s.get("maximum").and_then(Value::as_f64), v.as_f64()) {
        if x > max {
            errs.push(format!("{path}: {x} > {max}"));
        }
    }
    if let (Some(p), Some(x)) = (s.get("pattern").and_then(Value::as_str), v.as_str()) {
        if !regex::Regex::new(p).unwrap().is_match(x) {
            errs.push(format!("{path}: {x:?} does not match {p}"));
        }
    }
    if let Some(o) = v.as_object() {
        for r in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let k = r.as_str().unwrap();
            if !o.contains_key(k) {
                errs.push(format!("{path}: missing {k}"));
            }
        }
        let props = s.get("properties").and_then(Value::as_object);
        for (k, x) in o {
            match props.and_then(|p| p.get(k)) {
                Some(sub) => validate(root, sub, x, &format!("{path}.{k}"), errs),
                None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errs.push(format!("{path}: unexpected key {k}"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(a)) = (s.get("items"), v.as_array()) {
        for (i, x) in a.iter().enumerate() {
            validate(root, items, x, &format!("{path}[{i}]"), errs);
        }
    }
}

fn inputs() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in ["fixtures/seeds", "fixtures/gold"] {
        let mut names: Vec<_> = fs::read_dir(format!("{ROOT}/{dir}"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        for p in names
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        {
            out.push((p.display().to_string(), fs::read(&p).unwrap()));
        }
    }
    out.push(("empty".into(), Vec::new()));
    out.push(("one line".into(), b"BAO CAO".to_vec()));
    out.push((
        "garbage".into(),
        b"\x01\x02|||\n\t\x7f ** -- ./.\n).)\n".to_vec(),
    ));
    out
}

#[test]
fn output_validates_against_schema() {
    let root = schema();
    let p = Pipeline::new(Lexicon::empty());
    for (name, bytes) in inputs() {
        let doc = p.parse_bytes(Some(&name), &bytes).unwrap();
        let v = serde_json::to_value(&doc).unwrap();
        let mut errs = Vec::new();
        validate(&root, &root, &v, "$", &mut errs);
        assert!(errs.is_empty(), "{name}: {errs:#?}");
        let lines = doc.text.split('\n').count();
        vietdoc::layout::check_blocks(&doc.blocks, lines).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn validator_rejects_broken_documents() {
    let root = schema();
    let p = Pipeline::new(Lexicon::empty());
    let doc = p.parse_bytes(None, b"x").unwrap();
    let mut v = serde_json::to_value(&doc).unwrap();
    v["header"]["number"] = serde_json::json!({"value": 7});
    v.as_object_mut().unwrap().remove("sections");
    let mut errs = Vec::new();
    validate(&root, &root, &v, "$", &mut errs);
    assert!(errs.len() >= 2, "{errs:?}");
}

#[test]
fn json_is_byte_identical_on_repeated_runs() {
    let p = Pipeline::new(Lexicon::empty());
    for (name, bytes) in inputs() {
        let a = serde_json::to_string(&p.parse_bytes(Some(&name), &bytes).unwrap()).unwrap();
        let b = serde_json::to_string(
            &Pipeline::new(Lexicon::empty())
                .parse_bytes(Some(&name), &bytes)
                .unwrap(),
        )
        .unwrap();
        assert_eq!(a, b, "{name}");
    }
}
