//! The whole pipeline on arbitrary bytes: no panic, and a document (or a typed
//! error) that serializes to JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use vietdoc::{Lexicon, Pipeline};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        Pipeline::new(Lexicon::load(&vietdoc::lexicon::default_dir()).expect("dictionaries load"))
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = pipeline().parse_bytes(Some("fuzz"), data) {
        assert!(serde_json::to_string(&doc).is_ok());
    }
});
