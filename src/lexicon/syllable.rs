//! What a well-formed Vietnamese syllable looks like, on its skeleton.

use std::sync::LazyLock;

static SYLLABLE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(concat!(
        "^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?",
        "(uyu|uya|uye|uoi|uou|ieu|yeu|oai|oay|oao|oeo|uay|uai|",
        "uu|",
        "ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uy|ya|ye|",
        "a|e|i|o|u|y)",
        "(ch|ng|nh|c|m|n|p|t)?$"
    ))
    .expect("valid regex")
});

/// Bytes of the longest skeleton of a syllable's shape (`nghieng`).
pub const MAX_SHAPE_LEN: usize = 7;

/// Is `skeleton` (lower case, marks stripped) shaped like a Vietnamese syllable?
pub fn is_syllable_shape(skeleton: &str) -> bool {
    skeleton.len() <= MAX_SHAPE_LEN && SYLLABLE.is_match(skeleton)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
