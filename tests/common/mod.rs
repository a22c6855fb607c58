//! Helpers shared by the integration tests, the `encode_fixtures` example and
//! the `decode` fuzz target (the last two include this file with `#[path]`), so
//! it must need nothing but `vietdoc` itself.

use vietdoc::text::Encoding;

/// Every encoding vietdoc reads; plain UTF-8 first, so `&ENCODINGS[1..]` is
/// every encoding a fixture is written in besides the UTF-8 original.
pub const ENCODINGS: [Encoding; 7] = [
    Encoding::Utf8,
    Encoding::Utf8Bom,
    Encoding::Utf16Le,
    Encoding::Utf16Be,
    Encoding::Windows1258,
    Encoding::Tcvn3,
    Encoding::Vni,
];
