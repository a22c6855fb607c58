//! Which province each place name lies in (`place-units.tsv`).
//!
//! The place list holds many names twice with marks apart (`Hiệp Thạnh`,
//! `Hiệp Thành`), and OCR that drops the marks leaves repair nothing to
//! tell them by. Within one province they rarely clash, so a document that
//! names its province (`tỉnh Lâm Đồng`) settles most: [`PlaceUnits`] says
//! whether a name lies in given provinces and which one of them a bare
//! spelling stands for.
//!
//! Names are compared in lower case with the traditional tone placement.

use crate::text::viet::{self, ToneStyle};
use rustc_hash::FxHashMap;

/// A province's index in a [`PlaceUnits`].
pub type ProvinceId = u16;

/// Place names grouped by the province they lie in (see the module
/// documentation). Empty in a lexicon built without the table.
#[derive(Debug, Default)]
pub struct PlaceUnits {
    /// Per skeleton of a province's name, its ids (`ha nam`: Hà Nam).
    provinces: FxHashMap<String, Vec<ProvinceId>>,
    /// Each province's name, lower case (index: its id).
    province_names: Vec<String>,
    /// Per skeleton of a place name, the names so spelled.
    places: FxHashMap<String, Vec<String>>,
    /// Per place name, the provinces it lies in (sorted).
    by_name: FxHashMap<String, Vec<ProvinceId>>,
}

/// `s` in lower case with the traditional tone placement, word by word: the
/// form `place-units.tsv` holds names in and lookups compare them in.
pub fn fold_name(s: &str) -> String {
    s.split_whitespace()
        .map(|w| viet::into_tone_style(w.to_lowercase(), ToneStyle::Old))
        .collect::<Vec<_>>()
        .join(" ")
}

impl PlaceUnits {
    /// Reads `place-units.tsv`: `#` comment lines, then `province<TAB>place`
    /// lines, both in [`fold_name`]'s form (taken as they are). Every province
    /// names itself (`lâm đồng<TAB>lâm đồng`).
    pub fn from_tsv(text: &str) -> Result<PlaceUnits, String> {
        let mut units = PlaceUnits::default();
        let mut ids: FxHashMap<String, ProvinceId> = FxHashMap::default();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let (province, place) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {}: expected province<TAB>place", i + 1))?;
            let province = province.to_owned();
            let id = match ids.get(&province) {
                Some(&id) => id,
                None => {
                    let id = ProvinceId::try_from(units.province_names.len())
                        .map_err(|_| format!("line {}: too many provinces", i + 1))?;
                    ids.insert(province.clone(), id);
                    units
                        .provinces
                        .entry(viet::skeleton(&province))
                        .or_default()
                        .push(id);
                    units.province_names.push(province);
                    id
                }
            };
            let ps = units.by_name.entry(place.to_owned()).or_default();
            if ps.is_empty() {
                let spelled = units.places.entry(viet::skeleton(place)).or_default();
                spelled.push(place.to_owned());
            }
            if let Err(at) = ps.binary_search(&id) {
                ps.insert(at, id);
            }
        }
        Ok(units)
    }

    /// The province named `name` (`Lâm Đồng`, `LAM DONG`): the one so
    /// spelled, else the one with its letters up to marks; `None` when no
    /// province or several fit.
    pub fn province(&self, name: &str) -> Option<ProvinceId> {
        let name = fold_name(name);
        let ids = self.provinces.get(&viet::skeleton(&name))?;
        let exact = ids
            .iter()
            .find(|&&id| self.province_names[usize::from(id)] == name);
        match (exact, ids.as_slice()) {
            (Some(&id), _) => Some(id),
            (None, &[id]) => Some(id),
            _ => None,
        }
    }

    /// Province `id`'s name, lower case (`thanh hóa`).
    ///
    /// # Panics
    ///
    /// When `id` is not one of this table's (ids come from
    /// [`province`](Self::province)).
    pub fn province_name(&self, id: ProvinceId) -> &str {
        &self.province_names[usize::from(id)]
    }

    /// Does the place `name` lie in one of `provinces`?
    pub fn lies_in(&self, name: &str, provinces: &[ProvinceId]) -> bool {
        !provinces.is_empty() && self.folded_lies_in(&fold_name(name), provinces)
    }

    /// [`lies_in`](Self::lies_in) for a name already in [`fold_name`]'s form.
    pub fn folded_lies_in(&self, name: &str, provinces: &[ProvinceId]) -> bool {
        self.by_name
            .get(name)
            .is_some_and(|ps| ps.iter().any(|id| provinces.contains(id)))
    }

    /// The one place of `provinces` written `name` up to marks and case
    /// (`hiep thanh` in Lâm Đồng → `hiệp thạnh`), lower case; `None` when
    /// none or several are.
    pub fn spelled_in(&self, name: &str, provinces: &[ProvinceId]) -> Option<&str> {
        if provinces.is_empty() {
            return None;
        }
        let spelled = self.places.get(&viet::skeleton(&fold_name(name)))?;
        let mut found = spelled.iter().filter(|p| self.folded_lies_in(p, provinces));
        let first = found.next()?;
        found.next().is_none().then_some(first.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units() -> PlaceUnits {
        PlaceUnits::from_tsv(
            "# province\tplace\nlâm đồng\tlâm đồng\nlâm đồng\thiệp thạnh\n\
             hậu giang\thậu giang\nhậu giang\thiệp thành\ncà mau\tcà mau\ncà mau\thiệp thành\n\
             cà mau\ttân hòa\ncà mau\ttấn hòa\n",
        )
        .unwrap()
    }

    #[test]
    fn provinces_by_name_or_letters() {
        let u = units();
        let lam_dong = u.province("Lâm Đồng").unwrap();
        assert_eq!(u.province("LAM DONG"), Some(lam_dong));
        assert_eq!(u.province("Lam Đồng"), Some(lam_dong));
        assert_eq!(u.province("Hiệp Thạnh"), None);
        assert_eq!(u.province_name(lam_dong), "lâm đồng");
    }

    #[test]
    fn a_bare_spelling_reads_as_its_provinces_place() {
        let u = units();
        let lam_dong = u.province("Lâm Đồng").unwrap();
        let ca_mau = u.province("Cà Mau").unwrap();
        assert_eq!(u.spelled_in("Hiep Thanh", &[lam_dong]), Some("hiệp thạnh"));
        assert_eq!(u.spelled_in("HIỆP THÀNH", &[ca_mau]), Some("hiệp thành"));
        // Two names of Cà Mau have these letters: no answer.
        assert_eq!(u.spelled_in("Tan Hoa", &[ca_mau]), None);
        assert_eq!(u.spelled_in("Tan Hoa", &[lam_dong]), None);
        assert!(u.lies_in("Hiệp Thạnh", &[lam_dong]));
        assert!(u.lies_in("hiệp thạnh", &[ca_mau, lam_dong]));
        assert!(!u.lies_in("Hiệp Thành", &[lam_dong]));
        assert!(!u.lies_in("Hiệp Thạnh", &[]));
        assert!(u.folded_lies_in("hiệp thạnh", &[lam_dong]));
    }

    #[test]
    fn names_fold_to_lower_case_and_the_old_tone_placement() {
        assert_eq!(fold_name("Thanh Hoá"), "thanh hóa");
        assert_eq!(fold_name("  HIỆP  THẠNH "), "hiệp thạnh");
    }

    #[test]
    fn a_line_without_a_tab_is_an_error() {
        assert!(PlaceUnits::from_tsv("Lâm Đồng Hiệp Thạnh\n").is_err());
    }
}
