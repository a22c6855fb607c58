//! Vietnamese orthography: letters, marks, skeletons and tone placement.
//!
//! A Vietnamese letter is a base Latin letter plus at most one *shape* mark
//! (circumflex, breve, horn; `đ` counts as a shaped `d`) and at most one *tone*
//! mark (grave, acute, hook, tilde, dot below). The *skeleton* of a word drops
//! both kinds of marks and folds case: `Quyết` → `quyet`.

use unicode_normalization::UnicodeNormalization;

/// Which vowel of an open `oa`/`oe`/`uy` syllable carries the tone mark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ToneStyle {
    /// Traditional placement, used by government text: `hòa`, `thủy`, `ủy`.
    #[default]
    Old,
    /// New placement: `hoà`, `thuỷ`, `uỷ`.
    New,
}

/// The five Vietnamese tone marks (plus none).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tone {
    /// Level tone, no mark.
    None,
    /// Huyền, grave accent.
    Grave,
    /// Sắc, acute accent.
    Acute,
    /// Hỏi, hook above.
    Hook,
    /// Ngã, tilde.
    Tilde,
    /// Nặng, dot below.
    Dot,
}

impl Tone {
    fn from_combining(c: char) -> Option<Tone> {
        Some(match c {
            '\u{300}' => Tone::Grave,
            '\u{301}' => Tone::Acute,
            '\u{309}' => Tone::Hook,
            '\u{303}' => Tone::Tilde,
            '\u{323}' => Tone::Dot,
            _ => return None,
        })
    }

    fn combining(self) -> Option<char> {
        Some(match self {
            Tone::None => return None,
            Tone::Grave => '\u{300}',
            Tone::Acute => '\u{301}',
            Tone::Hook => '\u{309}',
            Tone::Tilde => '\u{303}',
            Tone::Dot => '\u{323}',
        })
    }
}

fn is_shape_mark(c: char) -> bool {
    matches!(c, '\u{302}' | '\u{306}' | '\u{31B}')
}

/// `c.is_alphabetic()`, answered from [`is_viet_letter`]'s table for the
/// letters of Vietnamese text (the standard library's lookup for a letter
/// outside ASCII walks a table of ranges).
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    c.is_ascii_alphabetic() || !c.is_ascii() && (is_viet_letter(c) || c.is_alphabetic())
}

/// Returns true for characters that occur in Vietnamese words: ASCII letters,
/// `đ`/`Đ` and Latin letters carrying Vietnamese marks, that is, the
/// characters whose [`base_letter`] is an ASCII letter.
pub fn is_viet_letter(c: char) -> bool {
    base_letter(c).is_ascii_alphabetic()
}

/// Removes every mark and folds `đ` to `d`, keeping case: `Đồng` → `Dong`.
pub fn strip_marks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_stripped(&mut out, c);
    }
    out
}

fn push_stripped(out: &mut String, c: char) {
    out.push(base_letter(c));
}

/// The letter `c` without its marks (`ở` → `o`, `Đ` → `D`); any other
/// character is returned as is. Allocation-free [`strip_marks`] for one char.
#[inline]
pub fn base_letter(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    let table = BASE_LETTERS.get_or_init(|| {
        (BASE_TABLE_START..=BASE_TABLE_END)
            .map(|u| {
                char::from_u32(u)
                    .map(base_letter_slow)
                    .filter(char::is_ascii_alphabetic)
                    .map_or(0, |b| b as u8)
            })
            .collect()
    });
    match (c as u32)
        .checked_sub(BASE_TABLE_START)
        .and_then(|i| table.get(i as usize))
    {
        Some(&b) if b != 0 => b as char,
        Some(_) => c,
        None => base_letter_slow(c),
    }
}

/// Latin letters with marks live in U+00C0–U+01B0 and U+1EA0–U+1EF9; the
/// table of [`base_letter`] spans both.
const BASE_TABLE_START: u32 = 0xC0;
const BASE_TABLE_END: u32 = 0x1EFF;

/// Per code point from [`BASE_TABLE_START`], the ASCII base letter, or 0
/// where the character is not a marked Latin letter.
static BASE_LETTERS: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();

/// [`base_letter`] by canonical decomposition.
fn base_letter_slow(c: char) -> char {
    match c {
        'đ' => 'd',
        'Đ' => 'D',
        _ => {
            let mut it = c.nfd();
            match it.next() {
                Some(b)
                    if b.is_ascii_alphabetic()
                        && it.all(|m| is_shape_mark(m) || Tone::from_combining(m).is_some()) =>
                {
                    b
                }
                _ => c,
            }
        }
    }
}

/// Is `skeleton(word) == key`? Allocation-free (`Σ` lower-cases to `σ`
/// wherever it stands: no final-sigma rule).
#[inline]
pub fn skeleton_eq(word: &str, key: &str) -> bool {
    // Most words asked about differ from the key in their first letter: an
    // ASCII one is its own base letter, whose lower case must be the key's
    // first byte (a key starting with any other character never matches).
    if let Some(&w) = word.as_bytes().first() {
        if w.is_ascii() && key.as_bytes().first() != Some(&w.to_ascii_lowercase()) {
            return false;
        }
    }
    skeleton_eq_chars(word.chars(), key)
}

/// [`skeleton_eq`] for a word given as characters.
pub fn skeleton_eq_chars(word: impl IntoIterator<Item = char>, key: &str) -> bool {
    let mut k = key.chars();
    for c in word {
        let b = base_letter(c);
        if b.is_ascii() {
            if k.next() != Some(b.to_ascii_lowercase()) {
                return false;
            }
            continue;
        }
        let mut lower = b.to_lowercase();
        for l in lower.by_ref() {
            if k.next() != Some(l) {
                return false;
            }
        }
    }
    k.next().is_none()
}

/// Lower-cased, mark-free form used to index syllables: `Quyết` → `quyet`.
pub fn skeleton(s: &str) -> String {
    // Lower-casing a string is lower-casing each character, except for the
    // final-sigma rule of `Σ` (which `base_letter` keeps).
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == 'Σ' {
            return strip_marks(s).to_lowercase();
        }
        push_skeleton_char(&mut out, c);
    }
    out
}

/// Appends the skeleton of one character to `out`: the same text as
/// [`skeleton`] of the one-character string (`Ộ` → `o`, `Đ` → `d`), without
/// building a string for it.
#[inline(always)]
pub fn push_skeleton_char(out: &mut String, c: char) {
    let b = base_letter(c);
    if b.is_ascii() {
        out.push(b.to_ascii_lowercase());
    } else {
        out.extend(b.to_lowercase());
    }
}

/// Removes tone marks only, keeping shape marks: `quyết` → `quyêt`.
pub fn strip_tone(s: &str) -> String {
    let out: String = s
        .nfd()
        .filter(|&c| Tone::from_combining(c).is_none())
        .collect();
    out.nfc().collect()
}

/// The tone of a syllable (the first tone mark found).
pub fn tone_of(s: &str) -> Tone {
    s.nfd().find_map(Tone::from_combining).unwrap_or(Tone::None)
}

/// Does the word carry the hook above (`ủ`, `ở`) or the horn (`ơ`, `ư`)?
pub fn has_hook_or_horn(s: &str) -> bool {
    s.nfd().any(|m| m == '\u{309}' || m == '\u{31B}')
}

/// Does the word carry any Vietnamese mark (tone, shape or `đ`)?
pub fn has_marks(s: &str) -> bool {
    s.chars().any(|c| !c.is_ascii() && is_viet_letter(c))
}

/// Is `c` one of the six vowel letters `a e i o u y`, either case, without marks?
pub(crate) fn is_vowel_base(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Rewrites the tone placement of one syllable into `style`.
///
/// Only open syllables ending in `oa`, `oe` or `uy` differ between the styles
/// (`hòa`/`hoà`, `thủy`/`thuỷ`); `qu` + `y` is not such a cluster (`quý`).
/// Any other input is returned unchanged.
pub fn set_tone_style(syllable: &str, style: ToneStyle) -> String {
    tone_moved(syllable, style).unwrap_or_else(|| syllable.to_owned())
}

/// [`set_tone_style`] of an owned syllable, which is handed back as it is
/// when its tone stays in place (most syllables: no copy).
pub fn into_tone_style(syllable: String, style: ToneStyle) -> String {
    tone_moved(&syllable, style).unwrap_or(syllable)
}

/// `syllable` with its tone moved into `style`; `None` when that leaves it
/// unchanged.
fn tone_moved(syllable: &str, style: ToneStyle) -> Option<String> {
    // An ASCII syllable has no tone to move.
    if syllable.is_ascii() {
        return None;
    }
    let mut rev = syllable.chars().rev();
    let (Some(b), Some(a)) = (rev.next(), rev.next()) else {
        return None;
    };
    // Most syllables end in no cluster: rule them out by the last letter's
    // base from the table ([`base_lower`] decomposes).
    let last = base_letter(b);
    if last.is_ascii() && !matches!(last.to_ascii_lowercase(), 'a' | 'e' | 'y') {
        return None;
    }
    let (ba, bb) = (base_lower(a), base_lower(b));
    let cluster = matches!((ba, bb), ('o', 'a') | ('o', 'e') | ('u', 'y'));
    if !cluster || has_shape(a) || has_shape(b) {
        return None;
    }
    if let Some(p) = rev.next() {
        if is_vowel_base(base_lower(p)) || (ba == 'u' && base_lower(p) == 'q') {
            return None;
        }
    }
    let tone = match (tone_of_char(a), tone_of_char(b)) {
        (Tone::None, t) | (t, Tone::None) => t,
        _ => return None,
    };
    if tone == Tone::None {
        return None;
    }
    let (na, nb) = match style {
        ToneStyle::Old => (with_tone(a, tone), with_tone(b, Tone::None)),
        ToneStyle::New => (with_tone(a, Tone::None), with_tone(b, tone)),
    };
    let head = &syllable[..syllable.len() - a.len_utf8() - b.len_utf8()];
    let mut out = String::with_capacity(head.len() + na.len_utf8() + nb.len_utf8());
    out.push_str(head);
    out.push(na);
    out.push(nb);
    Some(out)
}

fn base_lower(c: char) -> char {
    match c {
        'đ' | 'Đ' => 'd',
        _ => c.nfd().next().unwrap_or(c).to_ascii_lowercase(),
    }
}

fn has_shape(c: char) -> bool {
    c.nfd().any(is_shape_mark)
}

fn tone_of_char(c: char) -> Tone {
    c.nfd().find_map(Tone::from_combining).unwrap_or(Tone::None)
}

/// Puts `tone` on the letter `c` (replacing any tone it had), keeping its shape mark.
pub fn with_tone(c: char, tone: Tone) -> char {
    let mut s: String = c
        .nfd()
        .filter(|&m| Tone::from_combining(m).is_none())
        .collect();
    if let Some(m) = tone.combining() {
        s.push(m);
    }
    s.nfc().next().unwrap_or(c)
}

/// Case pattern of a word, used to transfer the OCR token's case onto its repair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CasePattern {
    /// all lower case
    Lower,
    /// First letter upper case, rest lower
    Title,
    /// ALL UPPER CASE (two or more letters)
    Upper,
    /// anything else (kept letter by letter where possible)
    Mixed,
}

/// Classifies the case of the letters in `s` (non-letters are ignored).
pub fn case_pattern(s: &str) -> CasePattern {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || letters.iter().all(|c| c.is_lowercase()) {
        return CasePattern::Lower;
    }
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        return CasePattern::Upper;
    }
    if letters[0].is_uppercase() && letters[1..].iter().all(|c| c.is_lowercase()) {
        return CasePattern::Title;
    }
    if letters.len() == 1 {
        return CasePattern::Title;
    }
    CasePattern::Mixed
}

/// Applies a case pattern to a lower-case word.
pub fn apply_case(lower: &str, pattern: CasePattern) -> String {
    match pattern {
        CasePattern::Lower | CasePattern::Mixed => lower.to_owned(),
        CasePattern::Upper => lower.to_uppercase(),
        CasePattern::Title => {
            let mut cs = lower.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().chain(cs).collect(),
                None => String::new(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_skeleton_char_is_skeleton_of_the_char() {
        let chars = (0u32..0x2000)
            .chain(0x1e00..0x1f00)
            .filter_map(char::from_u32)
            .chain(['Σ', 'İ', 'ẞ', 'Ω', 'K']);
        for c in chars {
            let mut out = String::new();
            push_skeleton_char(&mut out, c);
            assert_eq!(out, skeleton(&c.to_string()), "{c:?}");
        }
    }

    /// `set_tone_style` as it was before its ASCII and no-allocation paths.
    fn set_tone_style_reference(syllable: &str, style: ToneStyle) -> String {
        let chars: Vec<char> = syllable.chars().collect();
        let n = chars.len();
        if n < 2 {
            return syllable.to_owned();
        }
        let (a, b) = (chars[n - 2], chars[n - 1]);
        let (ba, bb) = (base_lower(a), base_lower(b));
        let cluster = matches!((ba, bb), ('o', 'a') | ('o', 'e') | ('u', 'y'));
        if !cluster || has_shape(a) || has_shape(b) {
            return syllable.to_owned();
        }
        if n >= 3 {
            let p = chars[n - 3];
            if is_vowel_base(base_lower(p)) || (ba == 'u' && base_lower(p) == 'q') {
                return syllable.to_owned();
            }
        }
        let tone = match (tone_of_char(a), tone_of_char(b)) {
            (Tone::None, t) | (t, Tone::None) => t,
            _ => return syllable.to_owned(),
        };
        if tone == Tone::None {
            return syllable.to_owned();
        }
        let (na, nb) = match style {
            ToneStyle::Old => (with_tone(a, tone), with_tone(b, Tone::None)),
            ToneStyle::New => (with_tone(a, Tone::None), with_tone(b, tone)),
        };
        let mut out: String = chars[..n - 2].iter().collect();
        out.push(na);
        out.push(nb);
        out
    }

    /// Words of every shape: the vocabulary's, in both cases, and made-up ones.
    fn many_words() -> Vec<String> {
        let mut words: Vec<String> =
            std::fs::read_to_string(crate::lexicon::default_dir().join("vocab.tsv"))
                .unwrap_or_default()
                .lines()
                .filter_map(|l| l.split('\t').next())
                .map(str::to_owned)
                .collect();
        words.extend(
            [
                "hòa",
                "hoà",
                "HÒA",
                "HOÀ",
                "thủy",
                "thuỷ",
                "quý",
                "khỏe",
                "khoẻ",
                "oà",
                "Ò",
                "",
                "a",
                "ΣΑΣ",
                "ὈΔΥΣΣΕΎΣ",
                "İstanbul",
                "ǅemal",
                "Đồng",
                "ĐỒNG",
                "x—y",
                "hoạ.",
                "1à",
                "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ",
            ]
            .map(str::to_owned),
        );
        let upper: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
        words.extend(upper);
        words
    }

    #[test]
    fn fast_paths_agree_with_the_reference() {
        let words = many_words();
        assert!(words.len() > 30);
        for w in &words {
            for style in [ToneStyle::Old, ToneStyle::New] {
                assert_eq!(
                    set_tone_style(w, style),
                    set_tone_style_reference(w, style),
                    "{w}"
                );
            }
            assert_eq!(skeleton(w), strip_marks(w).to_lowercase(), "{w}");
        }
    }

    #[test]
    fn base_letter_table_agrees_with_decomposition() {
        for u in BASE_TABLE_START..=BASE_TABLE_END + 1 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(base_letter(c), base_letter_slow(c), "{c}");
            }
        }
        assert!(skeleton_eq("Quyết", "quyet"));
        assert!(skeleton_eq("đường", "duong"));
        assert!(!skeleton_eq("đường", "duon"));
        assert!(!skeleton_eq("đư", "duong"));
    }

    /// `is_viet_letter` as it was defined before it read `base_letter`.
    fn is_viet_letter_reference(c: char) -> bool {
        if c.is_ascii_alphabetic() || c == 'đ' || c == 'Đ' {
            return true;
        }
        if c.is_ascii() || !c.is_alphabetic() {
            return false;
        }
        let mut it = c.nfd();
        match it.next() {
            Some(b) if b.is_ascii_alphabetic() => {
                it.all(|m| is_shape_mark(m) || Tone::from_combining(m).is_some())
            }
            _ => false,
        }
    }

    #[test]
    fn is_viet_letter_agrees_with_decomposition() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_viet_letter(c), is_viet_letter_reference(c), "{c:?}");
        }
    }

    #[test]
    fn skeleton_eq_is_comparing_skeletons() {
        let words = many_words();
        let keys: Vec<String> = words.iter().take(300).map(|w| skeleton(w)).collect();
        // Not `Σ`: `skeleton` applies the final-sigma rule, which no
        // Vietnamese word needs and `skeleton_eq` does not.
        let odd = [
            "", "İi", "σας", "KELVIN", "ǅa", "quyet", "Quyết", "ĐỒNG", "Ω",
        ];
        let words = words.iter().step_by(5).filter(|w| !w.contains('Σ'));
        for w in words.map(String::as_str).chain(odd) {
            for k in keys.iter().map(String::as_str).chain(odd) {
                assert_eq!(skeleton_eq(w, k), skeleton(w) == k, "{w} {k}");
            }
        }
    }

    #[test]
    fn skeletons() {
        assert_eq!(skeleton("Quyết"), "quyet");
        assert_eq!(skeleton("ĐỒNG"), "dong");
        assert_eq!(strip_marks("Hạnh phúc"), "Hanh phuc");
        assert_eq!(strip_tone("quyết"), "quyêt");
    }

    #[test]
    fn letters() {
        for c in ['a', 'Đ', 'ự', 'Ỷ', 'ơ'] {
            assert!(is_viet_letter(c), "{c}");
        }
        for c in ['1', '€', 'ß', 'ж', '-'] {
            assert!(!is_viet_letter(c), "{c}");
        }
    }

    #[test]
    fn tone_styles() {
        assert_eq!(set_tone_style("hoà", ToneStyle::Old), "hòa");
        assert_eq!(set_tone_style("hòa", ToneStyle::New), "hoà");
        assert_eq!(set_tone_style("thuỷ", ToneStyle::Old), "thủy");
        assert_eq!(set_tone_style("Uỷ", ToneStyle::Old), "Ủy");
        assert_eq!(set_tone_style("quý", ToneStyle::Old), "quý");
        assert_eq!(set_tone_style("hoàng", ToneStyle::Old), "hoàng");
        assert_eq!(set_tone_style("khoẻ", ToneStyle::Old), "khỏe");
        assert_eq!(set_tone_style("của", ToneStyle::New), "của");
        assert_eq!(set_tone_style("hoa", ToneStyle::Old), "hoa");
    }

    #[test]
    fn cases() {
        assert_eq!(case_pattern("UBND"), CasePattern::Upper);
        assert_eq!(case_pattern("Tỉnh"), CasePattern::Title);
        assert_eq!(case_pattern("tỉnh"), CasePattern::Lower);
        assert_eq!(case_pattern("tInh"), CasePattern::Mixed);
        assert_eq!(apply_case("quảng", CasePattern::Upper), "QUẢNG");
        assert_eq!(apply_case("đồng", CasePattern::Title), "Đồng");
    }

    #[test]
    fn is_alphabetic_is_the_standard_library_s() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn hooks_and_horns() {
        for w in ["chủ", "CHỦ", "cơ", "trợ", "ư", "Ở"] {
            assert!(has_hook_or_horn(w), "{w}");
        }
        for w in ["chí", "cô", "tro", "ô", "õ", "đ"] {
            assert!(!has_hook_or_horn(w), "{w}");
        }
    }
}
