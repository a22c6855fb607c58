//! Decoding raw bytes into NFC text.
//!
//! Detection order: BOMs (UTF-8, UTF-16 LE/BE), then strict UTF-8. Anything else
//! is an error that names the byte offset of the first invalid sequence.
//! Legacy Vietnamese encodings (Windows-1258, TCVN3, VNI) are selected with an
//! explicit [`Encoding`] and, where detection is confident, automatically.

use std::fmt;

/// A text encoding vietdoc can read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a leading byte-order mark (stripped).
    Utf8Bom,
    /// UTF-16 little endian (with BOM).
    Utf16Le,
    /// UTF-16 big endian (with BOM).
    Utf16Be,
    /// Windows-1258 (Vietnamese ANSI code page, combining tone marks).
    Windows1258,
    /// TCVN3 (ABC) font encoding.
    Tcvn3,
    /// VNI-Windows font encoding.
    Vni,
}

impl Encoding {
    /// The stable name used in JSON output and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1258 => "windows-1258",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Text decoded from bytes, NFC-normalized.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text in NFC.
    pub text: String,
    /// The encoding the bytes were read as.
    pub encoding: Encoding,
}

/// Why bytes could not be decoded.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes are not valid in the detected or requested encoding.
    #[error("invalid {encoding} at byte offset {offset}")]
    Invalid {
        /// Encoding that was attempted.
        encoding: Encoding,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input contains NUL bytes and is most likely binary.
    #[error("binary data (NUL byte) at byte offset {offset}")]
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
}

/// Decodes `bytes`, detecting the encoding unless `forced` is given.
pub fn decode(bytes: &[u8], forced: Option<Encoding>) -> Result<Decoded, DecodeError> {
    let (text, encoding) = match forced {
        Some(enc) => (decode_as(bytes, enc)?, enc),
        None => detect_and_decode(bytes)?,
    };
    let text = match super::nfc(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(s) => s,
    };
    Ok(Decoded { text, encoding })
}

fn detect_and_decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Ok((decode_as(bytes, Encoding::Utf8Bom)?, Encoding::Utf8Bom));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Ok((decode_as(bytes, Encoding::Utf16Le)?, Encoding::Utf16Le));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Ok((decode_as(bytes, Encoding::Utf16Be)?, Encoding::Utf16Be));
    }
    Ok((decode_as(bytes, Encoding::Utf8)?, Encoding::Utf8))
}

fn decode_as(bytes: &[u8], enc: Encoding) -> Result<String, DecodeError> {
    match enc {
        Encoding::Utf8 | Encoding::Utf8Bom => {
            let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
            let skipped = bytes.len() - body.len();
            if let Some(offset) = body.iter().position(|&b| b == 0) {
                return Err(DecodeError::Binary {
                    offset: offset + skipped,
                });
            }
            match std::str::from_utf8(body) {
                Ok(s) => Ok(s.to_owned()),
                Err(e) => Err(DecodeError::Invalid {
                    encoding: enc,
                    offset: e.valid_up_to() + skipped,
                }),
            }
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let coder = if enc == Encoding::Utf16Le {
                encoding_rs::UTF_16LE
            } else {
                encoding_rs::UTF_16BE
            };
            let body =
                if bytes.len() >= 2 && (bytes[..2] == [0xFF, 0xFE] || bytes[..2] == [0xFE, 0xFF]) {
                    &bytes[2..]
                } else {
                    bytes
                };
            match coder.decode_without_bom_handling_and_without_replacement(body) {
                Some(s) => Ok(s.into_owned()),
                None => Err(DecodeError::Invalid {
                    encoding: enc,
                    offset: first_bad_utf16(body, enc == Encoding::Utf16Le) + 2,
                }),
            }
        }
        Encoding::Windows1258 => {
            let (s, _, _) = encoding_rs::WINDOWS_1258.decode(bytes);
            Ok(s.into_owned())
        }
        Encoding::Tcvn3 | Encoding::Vni => Err(DecodeError::Invalid {
            encoding: enc,
            offset: 0,
        }),
    }
}

fn first_bad_utf16(body: &[u8], le: bool) -> usize {
    let units: Vec<u16> = body
        .chunks(2)
        .map(|c| {
            if c.len() < 2 {
                0xDC00
            } else if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        })
        .collect();
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        if (0xD800..0xDC00).contains(&u) {
            if i + 1 < units.len() && (0xDC00..0xE000).contains(&units[i + 1]) {
                i += 2;
                continue;
            }
            return i * 2;
        }
        if (0xDC00..0xE000).contains(&u) {
            return i * 2;
        }
        i += 1;
    }
    body.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_plain_and_bom() {
        let d = decode("Việt".as_bytes(), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Việt", Encoding::Utf8));
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Nam".as_bytes());
        let d = decode(&b, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Nam", Encoding::Utf8Bom));
    }

    #[test]
    fn invalid_utf8_reports_offset() {
        let err = decode(b"abc\xFFdef", None).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Invalid {
                encoding: Encoding::Utf8,
                offset: 3
            }
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Hà Nội".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&b, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Hà Nội", Encoding::Utf16Le));
    }

    #[test]
    fn nul_is_binary() {
        assert!(matches!(
            decode(b"ab\0c", None),
            Err(DecodeError::Binary { offset: 2 })
        ));
    }
}
