//! The pre-Unicode Vietnamese font encodings archives still hold: TCVN3 (ABC)
//! and VNI-Windows, plus an encoder for Windows-1258.
//!
//! * **TCVN3 (ABC)** is a single-byte encoding: every lower-case letter with its
//!   marks has its own byte in `0xA1..=0xFE`. Only the seven shaped capitals
//!   (`Ă Â Ê Ô Ơ Ư Đ`) have capital codes; a capital with a tone was typeset with
//!   a separate "H" font that draws the lower-case code as a capital. The decoder
//!   therefore upper-cases a toned letter inside a word that is otherwise all
//!   capitals (`VIÖT` → `VIỆT`); a lone capital with a tone (`Ấn`) decodes as
//!   lower case (`ấn`), which the bytes alone cannot tell apart.
//! * **VNI-Windows** writes a base letter followed by a *mark byte* (tone, shape,
//!   or both); a few letters (`đ ơ ư ì í ỉ ĩ ị ỵ`) have their own byte. Capital
//!   forms are the lower-case bytes minus `0x20`.
//!
//! Bytes below `0x80` are ASCII in both; the remaining bytes of `0x80..=0xFF`
//! decode as Windows-1252 (what those fonts drew there: quotes, dashes).
//! Both decoders are total (every byte sequence decodes), so they never fail;
//! whether the result is Vietnamese is for detection to judge.

use super::viet::{with_tone, Tone};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// Tones in the column order of the tables below.
const TONES: [Tone; 6] = [
    Tone::None,
    Tone::Grave,
    Tone::Acute,
    Tone::Hook,
    Tone::Tilde,
    Tone::Dot,
];

/// TCVN3 rows: a vowel (with its shape) and its byte for each tone of [`TONES`].
const TCVN3_VOWELS: [(char, [u8; 6]); 12] = [
    ('a', [b'a', 0xB5, 0xB8, 0xB6, 0xB7, 0xB9]),
    ('ă', [0xA8, 0xBB, 0xBE, 0xBC, 0xBD, 0xC6]),
    ('â', [0xA9, 0xC7, 0xCA, 0xC8, 0xC9, 0xCB]),
    ('e', [b'e', 0xCC, 0xD0, 0xCE, 0xCF, 0xD1]),
    ('ê', [0xAA, 0xD2, 0xD5, 0xD3, 0xD4, 0xD6]),
    ('i', [b'i', 0xD7, 0xDD, 0xD8, 0xDC, 0xDE]),
    ('o', [b'o', 0xDF, 0xE3, 0xE1, 0xE2, 0xE4]),
    ('ô', [0xAB, 0xE5, 0xE8, 0xE6, 0xE7, 0xE9]),
    ('ơ', [0xAC, 0xEA, 0xED, 0xEB, 0xEC, 0xEE]),
    ('u', [b'u', 0xEF, 0xF3, 0xF1, 0xF2, 0xF4]),
    ('ư', [0xAD, 0xF5, 0xF8, 0xF6, 0xF7, 0xF9]),
    ('y', [b'y', 0xFA, 0xFD, 0xFB, 0xFC, 0xFE]),
];

/// TCVN3 letters outside the vowel rows.
const TCVN3_OTHERS: [(char, u8); 8] = [
    ('đ', 0xAE),
    ('Ă', 0xA1),
    ('Â', 0xA2),
    ('Ê', 0xA3),
    ('Ô', 0xA4),
    ('Ơ', 0xA5),
    ('Ư', 0xA6),
    ('Đ', 0xA7),
];

/// VNI lower-case mark bytes: tone only, indexed like [`TONES`] (0 unused).
const VNI_TONE: [u8; 6] = [0, 0xF8, 0xF9, 0xFB, 0xF5, 0xEF];
/// VNI lower-case mark bytes: circumflex, alone then with each tone.
const VNI_CIRCUMFLEX: [u8; 6] = [0xE2, 0xE0, 0xE1, 0xE5, 0xE3, 0xE4];
/// VNI lower-case mark bytes: breve, alone then with each tone.
const VNI_BREVE: [u8; 6] = [0xEA, 0xE8, 0xE9, 0xFA, 0xFC, 0xEB];
/// VNI letters with a byte of their own (lower case; capitals are `byte - 0x20`).
const VNI_LETTERS: [(char, u8); 9] = [
    ('đ', 0xF1),
    ('ơ', 0xF4),
    ('ư', 0xF6),
    ('ì', 0xEC),
    ('í', 0xED),
    ('ỉ', 0xE6),
    ('ĩ', 0xF3),
    ('ị', 0xF2),
    ('ỵ', 0xEE),
];

const COMBINING_CIRCUMFLEX: char = '\u{302}';
const COMBINING_BREVE: char = '\u{306}';

/// What one VNI byte means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum VniByte {
    /// A character on its own.
    Char(char),
    /// A mark that attaches to the preceding vowel: optional shape, optional tone.
    Mark {
        shape: Option<char>,
        tone: Tone,
        fallback: char,
    },
}

/// Windows-1252 reading of a byte (what a legacy font drew for unassigned codes).
fn cp1252(b: u8) -> char {
    if b < 0x80 {
        return b as char;
    }
    let buf = [b];
    let (s, _, _) = encoding_rs::WINDOWS_1252.decode(&buf);
    s.chars().next().unwrap_or('\u{FFFD}')
}

fn tcvn3_table() -> &'static [char; 256] {
    static TABLE: OnceLock<[char; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = ['\0'; 256];
        for (b, slot) in t.iter_mut().enumerate() {
            *slot = cp1252(b as u8);
        }
        for (vowel, bytes) in TCVN3_VOWELS {
            for (tone, b) in TONES.iter().zip(bytes) {
                t[usize::from(b)] = with_tone(vowel, *tone);
            }
        }
        for (c, b) in TCVN3_OTHERS {
            t[usize::from(b)] = c;
        }
        t
    })
}

fn vni_table() -> &'static [VniByte; 256] {
    static TABLE: OnceLock<[VniByte; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [VniByte::Char('\0'); 256];
        for (b, slot) in t.iter_mut().enumerate() {
            *slot = VniByte::Char(cp1252(b as u8));
        }
        let mut set_mark = |lower: u8, shape: Option<char>, tone: Tone| {
            for b in [lower, lower - 0x20] {
                t[usize::from(b)] = VniByte::Mark {
                    shape,
                    tone,
                    fallback: cp1252(b),
                };
            }
        };
        for (i, tone) in TONES.iter().enumerate() {
            if i > 0 {
                set_mark(VNI_TONE[i], None, *tone);
            }
            set_mark(VNI_CIRCUMFLEX[i], Some(COMBINING_CIRCUMFLEX), *tone);
            set_mark(VNI_BREVE[i], Some(COMBINING_BREVE), *tone);
        }
        for (c, b) in VNI_LETTERS {
            t[usize::from(b)] = VniByte::Char(c);
            let upper = c.to_uppercase().next().unwrap_or(c);
            t[usize::from(b - 0x20)] = VniByte::Char(upper);
        }
        t
    })
}

/// Decodes TCVN3 (ABC) bytes. Total: never fails. The result is not yet NFC
/// (it already is, in practice: the table holds precomposed letters).
pub fn decode_tcvn3(bytes: &[u8]) -> String {
    let table = tcvn3_table();
    let raw: String = bytes.iter().map(|&b| table[usize::from(b)]).collect();
    restore_capitals(&raw)
}

/// Upper-cases toned lower-case letters inside words written in capitals:
/// TCVN3 "H" fonts drew the lower-case codes as capitals. A word with two or
/// more capitals and no plain lower-case letter is a capital word (`VIÖT`); a
/// word with one leading capital and only toned letters after it (`XÜ`: `Xã`
/// or `XÃ`?) is upper-cased only next to a capital word (`CéNG HßA XÜ HéI`).
fn restore_capitals(text: &str) -> String {
    #[derive(Clone, Copy, PartialEq)]
    enum Class {
        Capital,
        Ambiguous,
        Other,
    }
    fn class(word: &str) -> Class {
        let uppers = word.chars().filter(|c| c.is_uppercase()).count();
        let plain_lower = word.chars().any(|c| c.is_ascii_lowercase());
        let has_lower = word.chars().any(|c| c.is_lowercase());
        if plain_lower || uppers == 0 || word.chars().count() < 2 {
            Class::Other
        } else if uppers == 1 && word.chars().next().is_some_and(char::is_uppercase) && has_lower {
            Class::Ambiguous
        } else {
            // Two capitals, or a capital after a toned letter (`ủY`).
            Class::Capital
        }
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // Split the line into alternating runs of letters and non-letters.
        let mut runs: Vec<(bool, &str)> = Vec::new();
        let mut start = 0;
        let mut letters = None;
        for (j, c) in line.char_indices() {
            let is_letter = c.is_alphabetic();
            if letters != Some(is_letter) {
                if let Some(l) = letters {
                    runs.push((l, &line[start..j]));
                }
                start = j;
                letters = Some(is_letter);
            }
        }
        if let Some(l) = letters {
            runs.push((l, &line[start..]));
        }
        let classes: Vec<Class> = runs
            .iter()
            .map(|&(l, w)| if l { class(w) } else { Class::Other })
            .collect();
        let word_idx: Vec<usize> = (0..runs.len()).filter(|&k| runs[k].0).collect();
        for (k, &(_, run)) in runs.iter().enumerate() {
            let upper = match classes[k] {
                Class::Capital => run.chars().any(char::is_lowercase),
                Class::Ambiguous => {
                    let pos = word_idx.iter().position(|&w| w == k).unwrap_or(0);
                    let neighbour_capital = |p: Option<usize>| {
                        p.and_then(|p| word_idx.get(p))
                            .is_some_and(|&w| classes[w] == Class::Capital)
                    };
                    // Only across plain spaces: `HỘI; Tự` is not a capital phrase.
                    let spaced = |sep: Option<usize>| {
                        sep.and_then(|s| runs.get(s))
                            .is_some_and(|&(_, r)| r.chars().all(|c| c == ' ' || c == '\t'))
                    };
                    (spaced(k.checked_sub(1)) && neighbour_capital(pos.checked_sub(1)))
                        || (spaced(Some(k + 1)) && neighbour_capital(Some(pos + 1)))
                }
                Class::Other => false,
            };
            if upper {
                out.extend(run.chars().flat_map(char::to_uppercase));
            } else {
                out.push_str(run);
            }
        }
    }
    out
}

/// Decodes VNI-Windows bytes into text with combining marks (callers NFC it).
/// Total: a mark byte that follows no vowel decodes as its Windows-1252 character.
pub fn decode_vni(bytes: &[u8]) -> String {
    let table = vni_table();
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 4);
    // The vowel the next mark byte may attach to, with what it already carries.
    let mut base: Option<(char, bool, bool)> = None; // (base letter, has shape, has tone)
    for &b in bytes {
        match table[usize::from(b)] {
            VniByte::Char(c) => {
                out.push(c);
                base = vowel_state(c);
            }
            VniByte::Mark {
                shape,
                tone,
                fallback,
            } => match base {
                Some((v, has_shape, has_tone))
                    if !has_tone
                        && (shape.is_none() || (!has_shape && shape_fits(v, shape)))
                        && (tone != Tone::None || shape.is_some()) =>
                {
                    if let Some(s) = shape {
                        out.push(s);
                    }
                    if let Some(t) = tone_mark(tone) {
                        out.push(t);
                    }
                    base = Some((v, has_shape || shape.is_some(), tone != Tone::None));
                }
                _ => {
                    out.push(fallback);
                    base = vowel_state(fallback);
                }
            },
        }
    }
    out
}

/// For a vowel, its base letter and whether it already has a shape or tone mark.
fn vowel_state(c: char) -> Option<(char, bool, bool)> {
    let mut it = c.nfd();
    let base = it.next()?;
    if !matches!(base.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
        return None;
    }
    let mut shape = false;
    let mut tone = false;
    for m in it {
        match m {
            '\u{302}' | '\u{306}' | '\u{31B}' => shape = true,
            '\u{300}' | '\u{301}' | '\u{309}' | '\u{303}' | '\u{323}' => tone = true,
            _ => return None,
        }
    }
    Some((base, shape, tone))
}

fn shape_fits(base: char, shape: Option<char>) -> bool {
    match shape {
        Some(COMBINING_CIRCUMFLEX) => matches!(base.to_ascii_lowercase(), 'a' | 'e' | 'o'),
        Some(COMBINING_BREVE) => base.eq_ignore_ascii_case(&'a'),
        _ => true,
    }
}

fn tone_mark(tone: Tone) -> Option<char> {
    Some(match tone {
        Tone::None => return None,
        Tone::Grave => '\u{300}',
        Tone::Acute => '\u{301}',
        Tone::Hook => '\u{309}',
        Tone::Tilde => '\u{303}',
        Tone::Dot => '\u{323}',
    })
}

fn tone_index(m: char) -> Option<usize> {
    Some(match m {
        '\u{300}' => 1,
        '\u{301}' => 2,
        '\u{309}' => 3,
        '\u{303}' => 4,
        '\u{323}' => 5,
        _ => return None,
    })
}

/// A character the target encoding cannot represent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("character {ch:?} at byte offset {offset} cannot be encoded in {encoding}")]
pub struct EncodeError {
    /// The character.
    pub ch: char,
    /// Its byte offset in the (NFC) input text.
    pub offset: usize,
    /// The target encoding's name.
    pub encoding: &'static str,
}

/// Encodes a character through Windows-1252 when that round-trips and the byte
/// is not claimed by the legacy table (`reserved`).
fn cp1252_fallback(c: char, reserved: impl Fn(u8) -> bool) -> Option<u8> {
    if c.is_ascii() {
        return Some(c as u8);
    }
    let mut buf = [0u8; 4];
    let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
    match *bytes {
        [b] if !bad && !reserved(b) && cp1252(b) == c => Some(b),
        _ => None,
    }
}

/// Encodes NFC text as TCVN3 (ABC). Capitals with a tone are written with the
/// lower-case code, as the "H" fonts did; everything else round-trips.
pub fn encode_tcvn3(text: &str) -> Result<Vec<u8>, EncodeError> {
    let table = tcvn3_table();
    let mut out = Vec::with_capacity(text.len());
    let nfc: String = text.nfc().collect();
    for (offset, c) in nfc.char_indices() {
        let lower = if c.is_uppercase() && !TCVN3_OTHERS.iter().any(|&(o, _)| o == c) {
            c.to_lowercase().next().unwrap_or(c)
        } else {
            c
        };
        let pick = if c.is_ascii() {
            Some(c as u8)
        } else {
            (0xA1..=0xFEu8)
                .find(|&b| table[usize::from(b)] == lower)
                .or_else(|| cp1252_fallback(c, |b| b >= 0xA1))
        };
        match pick {
            Some(b) => out.push(b),
            None => {
                return Err(EncodeError {
                    ch: c,
                    offset,
                    encoding: "tcvn3",
                })
            }
        }
    }
    Ok(out)
}

/// Encodes NFC text as VNI-Windows (base letter + mark byte).
pub fn encode_vni(text: &str) -> Result<Vec<u8>, EncodeError> {
    let table = vni_table();
    let reserved = |b: u8| !matches!(table[usize::from(b)], VniByte::Char(c) if c == cp1252(b));
    let mut out = Vec::with_capacity(text.len() * 2);
    let nfc: String = text.nfc().collect();
    for (offset, c) in nfc.char_indices() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        let err = EncodeError {
            ch: c,
            offset,
            encoding: "vni",
        };
        let upper = c.is_uppercase();
        let case = |b: u8| if upper { b - 0x20 } else { b };
        let lower = c.to_lowercase().next().unwrap_or(c);
        if let Some(&(_, b)) = VNI_LETTERS.iter().find(|&&(l, _)| l == lower) {
            out.push(case(b));
            continue;
        }
        let mut parts = c.nfd();
        let base = parts.next().unwrap_or(c);
        let mut shape = None;
        let mut tone = 0;
        for m in parts {
            if let Some(t) = tone_index(m) {
                tone = t;
            } else {
                shape = Some(m);
            }
        }
        if !base.is_ascii_alphabetic() {
            match cp1252_fallback(c, reserved) {
                Some(b) => out.push(b),
                None => return Err(err),
            }
            continue;
        }
        // Horned vowels have a byte of their own and take a tone byte after them.
        let (lead, mark) = match (base.to_ascii_lowercase(), shape) {
            ('o', Some('\u{31B}')) => (case(0xF4), (tone > 0).then(|| case(VNI_TONE[tone]))),
            ('u', Some('\u{31B}')) => (case(0xF6), (tone > 0).then(|| case(VNI_TONE[tone]))),
            (_, Some(COMBINING_CIRCUMFLEX)) => (base as u8, Some(case(VNI_CIRCUMFLEX[tone]))),
            (_, Some(COMBINING_BREVE)) => (base as u8, Some(case(VNI_BREVE[tone]))),
            (_, None) if tone > 0 => (base as u8, Some(case(VNI_TONE[tone]))),
            _ => match cp1252_fallback(c, reserved) {
                Some(b) => (b, None),
                None => return Err(err),
            },
        };
        out.push(lead);
        out.extend(mark);
    }
    Ok(out)
}

/// Encodes text as Windows-1258: base letters with their shape precomposed,
/// tone marks as the code page's combining characters.
pub fn encode_windows1258(text: &str) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::with_capacity(text.len());
    let nfc: String = text.nfc().collect();
    for (offset, c) in nfc.char_indices() {
        // Split off the tone; keep the shape composed with the base.
        let mut tone = None;
        let shaped: String = c
            .nfd()
            .filter(|&m| {
                if tone_index(m).is_some() {
                    tone = Some(m);
                    false
                } else {
                    true
                }
            })
            .nfc()
            .collect();
        let mut piece = shaped;
        piece.extend(tone);
        let (bytes, _, bad) = encoding_rs::WINDOWS_1258.encode(&piece);
        if bad {
            return Err(EncodeError {
                ch: c,
                offset,
                encoding: "windows-1258",
            });
        }
        out.extend_from_slice(&bytes);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nfc(s: &str) -> String {
        s.nfc().collect()
    }

    const SAMPLE: &str = "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n\
        Ủy ban nhân dân tỉnh Quảng Ngãi; thủ tục hành chính: 56.703 hồ sơ, đạt 99,9%.\n\
        Ắt ẵm ặc ưỡn ượu yểm ỹ ỵ ìa ịt ĩnh ỉa giữ người";

    #[test]
    fn vni_round_trip() {
        let bytes = encode_vni(SAMPLE).unwrap();
        assert_eq!(nfc(&decode_vni(&bytes)), SAMPLE);
    }

    #[test]
    fn vni_known_bytes() {
        // "Việt" = V i e + (circumflex+dot) t ; "đ" = 0xF1
        assert_eq!(encode_vni("Việt đ").unwrap(), b"Vie\xe4t \xf1");
        assert_eq!(encode_vni("Ư").unwrap(), b"\xd6");
    }

    #[test]
    fn tcvn3_round_trip_lower_and_shaped_capitals() {
        let text = "cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc; Ă Â Ê Ô Ơ Ư Đ";
        let bytes = encode_tcvn3(text).unwrap();
        assert_eq!(nfc(&decode_tcvn3(&bytes)), text);
    }

    #[test]
    fn tcvn3_capital_words_come_back() {
        let bytes = encode_tcvn3("CỘNG HÒA XÃ HỘI; Tự do; XÃ; Hà").unwrap();
        assert_eq!(decode_tcvn3(&bytes), "CỘNG HÒA XÃ HỘI; Tự do; Xã; Hà");
        assert_eq!(encode_tcvn3("Việt").unwrap(), b"Vi\xd6t");
    }

    #[test]
    fn windows1258_round_trip() {
        let bytes = encode_windows1258(SAMPLE).unwrap();
        let (s, _, _) = encoding_rs::WINDOWS_1258.decode(&bytes);
        assert_eq!(nfc(&s), SAMPLE);
    }

    #[test]
    fn stray_mark_bytes_decode_as_cp1252() {
        assert_eq!(decode_vni(b"1\xf9"), "1ù");
        assert!(encode_tcvn3("中").is_err());
    }
}
