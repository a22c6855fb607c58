//! Decoding arbitrary bytes, detected and with every forced encoding: no panic,
//! and whatever decodes is NFC with the encoding it claims.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vietdoc::text::decode;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let _ = decode(data, None);
    for enc in common::ENCODINGS {
        if let Ok(d) = decode(data, Some(enc)) {
            assert_eq!(d.encoding, enc);
            assert_eq!(vietdoc::text::nfc(&d.text), d.text.as_str());
        }
    }
});
