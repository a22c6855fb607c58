//! Every supported encoding, from fixtures made by vietdoc's own encoders
//! (`cargo run --example encode_fixtures`): detection, decoding, `--encoding`,
//! and the encoding name in `source.encoding`.

use std::path::PathBuf;
use std::process::Command;
use vietdoc::text::{decode, Encoding};

mod common;

/// The encodings the fixtures are written in besides the UTF-8 original.
const WRITTEN: &[Encoding] = common::ENCODINGS.split_at(1).1;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/encodings")
        .join(name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn fixtures_are_detected_and_decoded_exactly() {
    for stem in ["sample", "header"] {
        let truth = String::from_utf8(read(&format!("{stem}.utf-8.txt"))).unwrap();
        for &enc in WRITTEN {
            let bytes = read(&format!("{stem}.{}.txt", enc.name()));
            let d = decode(&bytes, None).unwrap_or_else(|e| panic!("{stem} {enc}: {e}"));
            assert_eq!(d.encoding, enc, "{stem}: detected encoding");
            assert_eq!(d.text, truth, "{stem} {enc}: text");
            // The encoder reproduces the fixture byte for byte.
            let again = vietdoc::text::decode::encode(&truth, enc).unwrap();
            assert_eq!(again, bytes, "{stem} {enc}: encoder");
        }
    }
}

#[test]
fn forced_encoding_wins() {
    // Read as Windows-1258, VNI bytes are not Vietnamese, but they decode.
    let bytes = read("sample.vni.txt");
    let d = decode(&bytes, Some(Encoding::Windows1258)).unwrap();
    assert_eq!(d.encoding, Encoding::Windows1258);
    let truth = String::from_utf8(read("sample.utf-8.txt")).unwrap();
    assert_ne!(d.text, truth);
}

#[test]
fn binary_reports_each_encoding_through_the_cli() {
    let truth = String::from_utf8(read("header.utf-8.txt")).unwrap();
    let mut args = vec!["parse".to_owned(), "-q".to_owned()];
    for &enc in WRITTEN {
        args.push(
            fixture(&format!("header.{}.txt", enc.name()))
                .display()
                .to_string(),
        );
    }
    let out = Command::new(env!("CARGO_BIN_EXE_vietdoc"))
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let docs: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), WRITTEN.len());
    for (doc, enc) in docs.iter().zip(WRITTEN.iter().copied()) {
        assert_eq!(doc["source"]["encoding"], enc.name());
        assert_eq!(doc["text"], truth.as_str(), "{enc}");
    }

    // --encoding overrides detection.
    let out = Command::new(env!("CARGO_BIN_EXE_vietdoc"))
        .args(["parse", "-q", "--encoding", "vni"])
        .arg(fixture("header.vni.txt"))
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["source"]["encoding"], "vni");
    assert_eq!(doc["text"], truth.as_str());
}
