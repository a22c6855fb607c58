//! Decoding raw bytes into NFC text.
//!
//! Detection order: BOMs (UTF-8, UTF-16 LE/BE), then strict UTF-8, then the
//! legacy Vietnamese encodings (Windows-1258, TCVN3, VNI): each is tried on a
//! sample and scored by how Vietnamese the resulting words look
//! ([`vietnamese_score`]); the best wins if it shows real evidence. Anything
//! else is an error that names the byte offset of the first invalid UTF-8
//! sequence. An explicit [`Encoding`] skips detection.

use super::legacy;
pub use super::legacy::EncodeError;
use std::fmt;
use unicode_normalization::UnicodeNormalization;

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

impl std::str::FromStr for Encoding {
    type Err = String;

    /// Parses an encoding name as given on the command line (case-insensitive;
    /// common aliases such as `utf8`, `cp1258`, `abc`, `vni-windows` accepted).
    fn from_str(s: &str) -> Result<Encoding, String> {
        let norm = s.trim().to_ascii_lowercase().replace('_', "-");
        Ok(match norm.as_str() {
            "utf-8" | "utf8" => Encoding::Utf8,
            "utf-8-bom" | "utf8-bom" | "utf-8-sig" => Encoding::Utf8Bom,
            "utf-16le" | "utf-16-le" | "utf16le" => Encoding::Utf16Le,
            "utf-16be" | "utf-16-be" | "utf16be" => Encoding::Utf16Be,
            "windows-1258" | "cp1258" | "win1258" => Encoding::Windows1258,
            "tcvn3" | "tcvn" | "abc" | "tcvn-abc" => Encoding::Tcvn3,
            "vni" | "vni-windows" | "vni-win" => Encoding::Vni,
            _ => {
                return Err(format!(
                    "unknown encoding {s:?} (expected one of: utf-8, utf-8-bom, utf-16le, \
                     utf-16be, windows-1258, tcvn3, vni)"
                ))
            }
        })
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

/// Encodes text in `enc`: the inverse of [`decode`] for text the encoding can
/// represent (used to build test fixtures and for round-trip checks).
pub fn encode(text: &str, enc: Encoding) -> Result<Vec<u8>, EncodeError> {
    Ok(match enc {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => {
            let mut v = vec![0xEF, 0xBB, 0xBF];
            v.extend_from_slice(text.as_bytes());
            v
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let le = enc == Encoding::Utf16Le;
            let mut v = if le {
                vec![0xFF, 0xFE]
            } else {
                vec![0xFE, 0xFF]
            };
            for u in text.encode_utf16() {
                v.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            v
        }
        Encoding::Windows1258 => legacy::encode_windows1258(text)?,
        Encoding::Tcvn3 => legacy::encode_tcvn3(text)?,
        Encoding::Vni => legacy::encode_vni(text)?,
    })
}

/// How many bytes of a non-UTF-8 input detection looks at.
const DETECT_SAMPLE: usize = 64 * 1024;

/// The legacy encodings detection chooses among, in tie-break order.
const LEGACY: [Encoding; 3] = [Encoding::Windows1258, Encoding::Tcvn3, Encoding::Vni];

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
    let utf8_err = match decode_as(bytes, Encoding::Utf8) {
        Ok(s) => return Ok((s, Encoding::Utf8)),
        Err(e @ DecodeError::Binary { .. }) => return Err(e),
        Err(e) => e,
    };
    match detect_legacy(bytes) {
        Some(enc) => Ok((decode_as(bytes, enc)?, enc)),
        None => Err(utf8_err),
    }
}

/// Picks the legacy encoding whose decoding of a sample looks most Vietnamese,
/// or `None` when none shows positive evidence.
pub fn detect_legacy(bytes: &[u8]) -> Option<Encoding> {
    let mut end = bytes.len().min(DETECT_SAMPLE);
    // Do not cut a line in the middle if a line break is near.
    if end < bytes.len() {
        if let Some(nl) = bytes[..end].iter().rposition(|&b| b == b'\n') {
            end = nl;
        }
    }
    let sample = &bytes[..end];
    let mut best: Option<(i64, Encoding)> = None;
    for enc in LEGACY {
        let Ok(text) = decode_as(sample, enc) else {
            continue;
        };
        let text = super::nfc(&text);
        let score = vietnamese_score(&text);
        if score > 0 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, enc));
        }
    }
    best.map(|(_, enc)| enc)
}

/// Very common Vietnamese syllables (from the legal corpus), all with marks, so
/// that a wrong decoding practically never produces them.
const COMMON_SYLLABLES: &[&str] = &[
    "định",
    "và",
    "của",
    "điều",
    "các",
    "có",
    "thông",
    "bảo",
    "hợp",
    "cơ",
    "được",
    "hiện",
    "thực",
    "chức",
    "tại",
    "bộ",
    "cấp",
    "với",
    "người",
    "tổ",
    "vụ",
    "lý",
    "pháp",
    "hành",
    "về",
    "luật",
    "nhân",
    "này",
    "nghiệp",
    "động",
    "dụng",
    "chính",
    "nước",
    "việc",
    "tư",
    "hoặc",
    "tài",
    "hiểm",
    "nhiệm",
    "trường",
    "sở",
    "quyền",
    "sản",
    "nhận",
    "trình",
    "đối",
    "số",
    "quản",
    "không",
    "liên",
    "hoạt",
    "trách",
    "nghị",
    "khoản",
    "thành",
    "thời",
    "phải",
    "hội",
    "ngày",
    "nhà",
    "đồng",
    "ký",
    "xã",
    "từ",
    "đường",
    "viên",
    "tác",
    "là",
    "nội",
    "quốc",
    "quyết",
    "báo",
    "giá",
    "bản",
    "sử",
    "để",
    "phương",
    "giấy",
    "tế",
    "trợ",
    "sơ",
    "kiểm",
    "chủ",
    "kết",
    "hồ",
    "đăng",
    "dân",
    "địa",
    "học",
    "hạn",
    "việt",
    "cá",
    "phòng",
    "đến",
    "khác",
    "bị",
    "liệu",
    "phí",
    "sự",
    "dịch",
    "trên",
    "đảm",
    "năm",
    "tạo",
    "phạm",
    "lập",
    "hàng",
    "hiệu",
    "thủ",
    "thẩm",
    "văn",
    "toàn",
    "cầu",
    "làm",
    "thuộc",
    "điểm",
    "ngoài",
    "lực",
    "đại",
    "chứng",
    "một",
    "điện",
    "đầu",
    "độ",
    "xác",
    "đề",
    "tiếp",
    "chỉ",
    "chuyển",
    "vị",
    "thì",
    "thể",
    "phát",
    "bên",
    "đã",
    "giám",
    "chế",
    "đơn",
    "giải",
    "trực",
    "trưởng",
    "xuất",
    "đổi",
    "tỉnh",
    "huyện",
    "ủy",
    "những",
    "cải",
    "cách",
    "kế",
    "hoạch",
];

/// Scores how Vietnamese a text looks. Words made only of ASCII say nothing (every
/// candidate decoding agrees on them); a word with marks scores +1 when it is a
/// plausible syllable (Vietnamese letters only, at most one tone mark, sane case),
/// +3 more when it is one of the most common syllables, and −2 otherwise.
pub fn vietnamese_score(text: &str) -> i64 {
    let mut score = 0i64;
    for token in text.split_whitespace() {
        let word = token.trim_matches(|c: char| c.is_ascii_punctuation() || c.is_ascii_digit());
        if word.is_empty() || word.is_ascii() {
            continue;
        }
        if plausible_syllable(word) {
            score += 1;
            let lower = word.to_lowercase();
            if COMMON_SYLLABLES.contains(&lower.as_str()) {
                score += 3;
            }
        } else {
            score -= 2;
        }
    }
    score
}

fn plausible_syllable(word: &str) -> bool {
    if !word.chars().all(super::viet::is_viet_letter) || word.chars().count() > 8 {
        return false;
    }
    // Case: all lower, all upper, or capitalized.
    let mut chars = word.chars();
    let tail_upper = chars.clone().skip(1).any(char::is_uppercase);
    let tail_lower = chars.clone().skip(1).any(char::is_lowercase);
    let first_lower = chars.next().is_some_and(char::is_lowercase);
    if tail_upper && (tail_lower || first_lower) {
        return false;
    }
    let tones = word
        .nfd()
        .filter(|m| matches!(m, '\u{300}' | '\u{301}' | '\u{309}' | '\u{303}' | '\u{323}'))
        .count();
    tones <= 1
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
        Encoding::Windows1258 | Encoding::Tcvn3 | Encoding::Vni => {
            if let Some(offset) = bytes.iter().position(|&b| b == 0) {
                return Err(DecodeError::Binary { offset });
            }
            Ok(match enc {
                Encoding::Tcvn3 => legacy::decode_tcvn3(bytes),
                Encoding::Vni => legacy::decode_vni(bytes),
                _ => encoding_rs::WINDOWS_1258.decode(bytes).0.into_owned(),
            })
        }
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
    fn legacy_encodings_are_detected() {
        // (Lower-case first word: TCVN3 cannot tell `Ủy` from `ủy`.)
        let text = "ủy ban nhân dân tỉnh Quảng Ngãi báo cáo kết quả thực hiện \
                    công tác cải cách hành chính của tỉnh trong năm 2023.";
        for enc in [Encoding::Windows1258, Encoding::Tcvn3, Encoding::Vni] {
            let bytes = encode(text, enc).unwrap();
            let d = decode(&bytes, None).unwrap();
            assert_eq!((d.text.as_str(), d.encoding), (text, enc), "{enc}");
        }
    }

    #[test]
    fn garbage_stays_an_error() {
        let err = decode(b"abc\xFF\xFE\xFD\x80\x81", None).unwrap_err();
        assert!(matches!(err, DecodeError::Invalid { offset: 3, .. }));
    }

    #[test]
    fn names_parse() {
        for enc in LEGACY {
            assert_eq!(enc.name().parse::<Encoding>(), Ok(enc));
        }
        assert_eq!("ABC".parse::<Encoding>(), Ok(Encoding::Tcvn3));
        assert!("latin1".parse::<Encoding>().is_err());
    }

    #[test]
    fn nul_is_binary() {
        assert!(matches!(
            decode(b"ab\0c", None),
            Err(DecodeError::Binary { offset: 2 })
        ));
    }
}
