//! What a well-formed Vietnamese syllable looks like, on its skeleton.

use crate::text::viet;
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// Initial consonants.
const ONSETS: &[&[u8]] = &[
    b"ngh", b"ng", b"nh", b"ch", b"gh", b"gi", b"kh", b"ph", b"qu", b"th", b"tr", b"b", b"c", b"d",
    b"g", b"h", b"k", b"l", b"m", b"n", b"p", b"r", b"s", b"t", b"v", b"x",
];

/// Final consonants.
const CODAS: &[&[u8]] = &[b"ch", b"ng", b"nh", b"c", b"m", b"n", b"p", b"t"];

/// Vowel nuclei.
const NUCLEI: &[&[u8]] = &[
    b"uyu", b"uya", b"uye", b"uoi", b"uou", b"ieu", b"yeu", b"oai", b"oay", b"oao", b"oeo", b"uay",
    b"uai", b"uu", b"ai", b"ao", b"au", b"ay", b"eo", b"eu", b"ia", b"ie", b"iu", b"oa", b"oe",
    b"oi", b"oo", b"ua", b"ue", b"ui", b"uo", b"uy", b"ya", b"ye", b"a", b"e", b"i", b"o", b"u",
    b"y",
];

/// Bytes of the longest skeleton of a syllable's shape (`nghieng`).
pub const MAX_SHAPE_LEN: usize = 7;

/// Every shape, keyed by [`Key`]: each initial (or none), nucleus and
/// final (or none) spelled together, up to [`MAX_SHAPE_LEN`] bytes.
static SHAPES: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    let none: &[u8] = b"";
    let mut shapes = FxHashSet::default();
    for onset in std::iter::once(none).chain(ONSETS.iter().copied()) {
        for nucleus in NUCLEI {
            for coda in std::iter::once(none).chain(CODAS.iter().copied()) {
                let mut key = Key::default();
                if [onset, nucleus, coda]
                    .concat()
                    .into_iter()
                    .all(|b| key.push(b))
                {
                    shapes.insert(key.0);
                }
            }
        }
    }
    shapes
});

/// Up to [`MAX_SHAPE_LEN`] bytes packed in a word: byte `i` at bits
/// `8 * i`, the length in the top byte.
#[derive(Default)]
struct Key(u64);

impl Key {
    /// Appends `b`; false when the key is full.
    fn push(&mut self, b: u8) -> bool {
        let len = (self.0 >> 56) as usize;
        if len == MAX_SHAPE_LEN {
            return false;
        }
        self.0 = (self.0 | (u64::from(b) << (8 * len))) + (1 << 56);
        true
    }
}

/// Is `skeleton` (lower case, marks stripped) shaped like a Vietnamese
/// syllable: an optional initial consonant, a vowel nucleus and an optional
/// final consonant, from the lists above?
pub fn is_syllable_shape(skeleton: &str) -> bool {
    let mut key = Key::default();
    skeleton.bytes().all(|b| key.push(b)) && SHAPES.contains(&key.0)
}

/// [`is_syllable_shape`] of [`viet::skeleton`]`(word)`, without building
/// the skeleton: a shape is ASCII and at most [`MAX_SHAPE_LEN`] bytes, so
/// the first other character or the eighth byte answers no.
pub fn skeleton_is_syllable_shape(word: &str) -> bool {
    let mut key = Key::default();
    // As `viet::skeleton` spells each character (its final-sigma rule only
    // changes which non-ASCII letter stands for `Σ`).
    for c in word.chars() {
        let b = viet::base_letter(c);
        let spelled = if b.is_ascii() {
            key.push(b.to_ascii_lowercase() as u8)
        } else {
            b.to_lowercase().all(|l| l.is_ascii() && key.push(l as u8))
        };
        if !spelled {
            return false;
        }
    }
    SHAPES.contains(&key.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shapes as a regular expression, which the matcher above follows.
    fn reference() -> regex::Regex {
        regex::Regex::new(concat!(
            "^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?",
            "(uyu|uya|uye|uoi|uou|ieu|yeu|oai|oay|oao|oeo|uay|uai|",
            "uu|",
            "ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uy|ya|ye|",
            "a|e|i|o|u|y)",
            "(ch|ng|nh|c|m|n|p|t)?$"
        ))
        .expect("valid regex")
    }

    #[test]
    fn shapes() {
        for s in [
            "nghieng", "quyet", "a", "truong", "khuya", "hoa", "gi", "dong",
        ] {
            assert!(is_syllable_shape(s), "{s}");
        }
        for s in ["ubnd", "tthc", "str", "xyz", "ciia", ""] {
            assert!(!is_syllable_shape(s), "{s}");
        }
    }

    #[test]
    fn shapes_are_the_reference_expression() {
        let re = reference();
        let check = |s: &str| {
            assert_eq!(
                is_syllable_shape(s),
                s.len() <= MAX_SHAPE_LEN && re.is_match(s),
                "{s:?}"
            );
        };
        // Every string of up to three letters, with an upper-case and a
        // non-ASCII letter among them.
        let letters: Vec<char> = ('a'..='z').chain(['A', 'đ', 'ư']).collect();
        let mut words = vec![String::new()];
        for _ in 0..3 {
            words = words
                .iter()
                .flat_map(|w| letters.iter().map(move |&c| format!("{w}{c}")))
                .collect();
            words.iter().for_each(|w| check(w));
        }
        // Longer strings over the letters syllables are made of.
        let letters = b"acdeghiknopqrtuy";
        let mut x = 1u32;
        for _ in 0..200_000 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let len = 4 + (x >> 28) as usize % 5;
            let w: String = (0..len)
                .map(|_| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    letters[(x >> 16) as usize % letters.len()] as char
                })
                .collect();
            check(&w);
        }
        for s in [
            "nghieng", "nghiengg", "quyen", "khuyu", "nguyen", "thuong", "ngoao", "nghieu",
        ] {
            check(s);
        }
    }

    #[test]
    fn a_word_is_shaped_as_its_skeleton() {
        for w in [
            "Quyết",
            "NGHIÊNG",
            "đường",
            "ĐƯỜNG",
            "hoà",
            "Kɑ",
            "\u{212A}y",
            "ΣA",
            "aΣ",
            "nghiengs",
            "nghiêng",
            "x",
            "",
            "ümlaut",
            "İt",
            "ngoằn",
            "Ngoao",
            "quyen1",
        ] {
            assert_eq!(
                skeleton_is_syllable_shape(w),
                is_syllable_shape(&viet::skeleton(w)),
                "{w:?}"
            );
        }
    }
}
