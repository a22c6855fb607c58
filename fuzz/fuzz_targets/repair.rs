//! Repairing arbitrary text: no panic, line *i* in, line *i* out.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use vietdoc::{Lexicon, RepairOptions, Repairer};

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        Lexicon::load(&vietdoc::lexicon::default_dir()).expect("dictionaries load")
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let repaired = Repairer::new(lexicon(), RepairOptions::default()).repair_text(&text);
    assert_eq!(repaired.lines.len(), vietdoc::text::split_lines(&text).len());
});
