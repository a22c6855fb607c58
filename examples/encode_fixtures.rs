//! Writes a UTF-8 text file in every encoding vietdoc reads, using vietdoc's own
//! encoders; this is how `fixtures/encodings/` was made:
//!
//! ```text
//! cargo run --example encode_fixtures -- fixtures/encodings/sample.utf-8.txt fixtures/encodings
//! ```
//!
//! Output: `DIR/sample.<encoding>.txt` for each encoding except plain UTF-8.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::PathBuf;
use vietdoc::text::decode;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args_os().skip(1);
    let (Some(input), Some(dir)) = (args.next(), args.next()) else {
        return Err("usage: encode_fixtures INPUT.txt OUTDIR".into());
    };
    let text = std::fs::read_to_string(&input)?;
    let stem = PathBuf::from(&input)
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.split('.').next())
        .unwrap_or("sample")
        .to_owned();
    // Every encoding but plain UTF-8 (the first).
    for &enc in &common::ENCODINGS[1..] {
        let bytes = vietdoc::text::decode::encode(&text, enc)?;
        let back = decode(&bytes, None)?;
        let path = PathBuf::from(&dir).join(format!("{stem}.{}.txt", enc.name()));
        std::fs::write(&path, &bytes)?;
        println!(
            "{}: {} bytes, detected as {}, round trip {}",
            path.display(),
            bytes.len(),
            back.encoding,
            if back.text == text {
                "exact"
            } else {
                "DIFFERS"
            }
        );
    }
    Ok(())
}
