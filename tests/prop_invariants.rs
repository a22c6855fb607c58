//! Property tests for the invariants of DESIGN §2 that the batch layer relies
//! on: no panic on any bytes, line count and figures preserved by repair,
//! legacy encoders round-trip, batches byte-identical whatever the thread count.
//!
//! `PROPTEST_CASES=N` raises the number of cases (the stable stand-in for the
//! cargo-fuzz targets in `fuzz/`).

mod common;

use proptest::prelude::*;
use std::sync::OnceLock;
use vietdoc::batch::{run_batch, BatchOptions, Input};
use vietdoc::text::{self, decode, Encoding, TokenKind};
use vietdoc::{Lexicon, Pipeline, RepairOptions, Repairer};

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::load(&vietdoc::lexicon::default_dir()).expect("dictionaries load"))
}

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        Pipeline::new(Lexicon::load(&vietdoc::lexicon::default_dir()).expect("dictionaries"))
    })
}

/// Vietnamese-looking words, OCR-damaged words, figures, punctuation.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zđăâêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]{1,7}",
        "[A-ZĐ][a-zàáạảãâầấậẩẫêềếệểễôồốộổỗơờớợởỡưừứựửữ]{0,6}",
        "[A-Za-z0-9€§&]{1,6}",
        "[0-9]{1,3}(\\.[0-9]{3}){0,2}",
        "[0-9]{1,2},[0-9]%",
        "[0-3][0-9]/[01][0-9]/20[0-9]{2}",
        "[0-9]{1,4}/[A-ZĐ]{2,4}-[A-ZĐ]{2,5}",
        "[.,;:()\\-|*+]",
    ]
}

fn line() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..12).prop_map(|t| t.join(" "))
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..20).prop_map(|l| l.join("\n"))
}

fn figures(line: &str) -> Vec<String> {
    text::tokenize(line)
        .iter()
        .filter(|t| t.kind == TokenKind::Figure)
        .map(|t| t.text(line).to_owned())
        .collect()
}

/// A word glued by `&` to a one-digit figure: repaired to start with a
/// letter it would glue the figure into a word (`0&án`), so the line stays.
#[test]
fn repair_keeps_a_figure_glued_by_ampersand() {
    let doc = "0&4N 0";
    let repaired = Repairer::new(lexicon(), RepairOptions::default()).repair_text(doc);
    assert_eq!(figures(&repaired.lines[0]), figures(doc));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = decode(&bytes, None);
        for enc in common::ENCODINGS {
            if let Ok(d) = decode(&bytes, Some(enc)) {
                prop_assert_eq!(d.encoding, enc);
            }
        }
    }

    #[test]
    fn pipeline_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = pipeline().parse_bytes(Some("x"), &bytes);
    }

    #[test]
    fn repair_keeps_lines_and_figures(doc in document()) {
        let repaired = Repairer::new(lexicon(), RepairOptions::default()).repair_text(&doc);
        let input_lines = text::split_lines(&doc);
        prop_assert_eq!(repaired.lines.len(), input_lines.len());
        for (before, after) in input_lines.iter().zip(&repaired.lines) {
            prop_assert_eq!(figures(before), figures(after));
        }
    }

    #[test]
    fn legacy_encoders_round_trip(doc in document()) {
        let nfc = text::nfc(&doc).into_owned();
        for enc in [Encoding::Windows1258, Encoding::Vni, Encoding::Utf16Be] {
            let bytes = vietdoc::text::decode::encode(&nfc, enc).expect("encodable");
            prop_assert_eq!(&decode(&bytes, Some(enc)).expect("decodes").text, &nfc);
        }
        // TCVN3 has no capitals with tone marks: compare lower-cased text.
        // (`§` is a TCVN3 code point, so it cannot be written.)
        let lower = nfc.to_lowercase().replace('§', "&");
        let bytes = vietdoc::text::decode::encode(&lower, Encoding::Tcvn3).expect("encodable");
        prop_assert_eq!(decode(&bytes, Some(Encoding::Tcvn3)).expect("decodes").text, lower);
    }
}

fn batch(docs: &[String], jobs: usize) -> Vec<u8> {
    let inputs = docs.iter().enumerate().map(|(i, t)| Input::Record {
        line: i + 1,
        id: serde_json::Value::from(i),
        text: t.clone(),
    });
    let opts = BatchOptions {
        jobs,
        ..BatchOptions::default()
    };
    let mut out = Vec::new();
    run_batch(pipeline(), inputs, &opts, &mut out).expect("batch runs");
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn batches_are_identical_on_1_and_2_threads(docs in prop::collection::vec(document(), 1..40)) {
        let one = batch(&docs, 1);
        let two = batch(&docs, 2);
        prop_assert_eq!(String::from_utf8_lossy(&one).lines().count(), docs.len());
        prop_assert!(one == two);
    }
}
