//! Decoding arbitrary bytes, detected and with every forced encoding: no panic,
//! and whatever decodes is NFC with the encoding it claims.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vietdoc::text::{decode, Encoding};

fuzz_target!(|data: &[u8]| {
    let _ = decode(data, None);
    for enc in [
        Encoding::Utf8,
        Encoding::Utf8Bom,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Windows1258,
        Encoding::Tcvn3,
        Encoding::Vni,
    ] {
        if let Ok(d) = decode(data, Some(enc)) {
            assert_eq!(d.encoding, enc);
            assert_eq!(vietdoc::text::nfc(&d.text), d.text.as_str());
        }
    }
});
