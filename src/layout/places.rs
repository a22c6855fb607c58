//! The header's place names read against the lexicon's place list.
//!
//! Repair spells a commune the language model has not seen by its syllables
//! alone (`Nghĩa Ky` → `Nghĩa Ký`, `Tinh Hoa` left bare). The header names
//! places in two fields: the place of issue and, after a unit word, the
//! issuing body (`XÃ TỊNH HÒA`). Where the list holds exactly one name with
//! the same letters up to marks, the field is no listed name itself and the
//! document did not print it so with its marks (clean text names places the
//! list lacks: `KIM NGẠN` stays, though `Kim Ngân` is listed), the field
//! takes the list's spelling in the asked tone placement; `raw` keeps what
//! OCR printed, and the confidence drops to 0.6. A real place missing from
//! the list whose letters match a listed one would be respelled wrongly: the
//! list (17.9 k names) makes that rare, not impossible.

use crate::lexicon::{Lexicon, PLACE_UNITS};
use crate::output::{Field, Header};
use crate::text::viet::{self, ToneStyle};

/// Lower confidence of a field respelled from the list.
const SNAPPED_CONFIDENCE: f32 = 0.6;

/// Respells the place of issue and the place in the issuer cells from the
/// lexicon's place list, in the tone placement `style` (the list mixes
/// both); see the module documentation.
pub fn snap_header_places(header: &mut Header, lex: &Lexicon, style: ToneStyle) {
    if let Some(f) = header.place.as_mut() {
        if let Some(p) = respelled(lex, &f.value).filter(|_| !printed_marked(f, &f.value)) {
            set(f, p.to_owned(), style);
        }
    }
    for f in [header.issuer.as_mut(), header.sub_issuer.as_mut()]
        .into_iter()
        .flatten()
    {
        if let Some(v) = unit_respelled(&f.value) {
            set(f, v, style);
        }
        let Some((head, place)) = split_after_unit(&f.value) else {
            continue;
        };
        if printed_marked(f, place) {
            continue;
        }
        if let Some(p) = respelled(lex, place) {
            let value = format!("{head}{}", p.to_uppercase());
            set(f, value, style);
        }
    }
    place_as_issuer(header, lex, style);
}

/// Was `name` printed as it reads now, with marks (`KIM NGẠN` in clean
/// text)? Such a name is the document's own spelling, not OCR's: a place the
/// list lacks (a new commune, a name the list spells otherwise) keeps it
/// rather than taking a listed name with the same letters.
fn printed_marked(f: &Field, name: &str) -> bool {
    viet::has_marks(name) && f.raw.to_lowercase().contains(&name.trim().to_lowercase())
}

/// The place of issue spelled as the issuer cells spell the same place
/// (`Phù Long, ngày` under `TỈNH PHÚ LONG` → `Phú Long`): NĐ 30/2020 names a
/// body's own province, district or commune as its place of issue, and the
/// issuer cell's unit word gives repair the context a line-initial place
/// lacks. Only a place with the same letters up to marks, or a long name
/// one letter apart, is respelled. Where the two read a syllable
/// differently with the same letters (`Hòa Thủy, ngày` under `XÃ HOA
/// THỦY`), the one more place names hold wins ([`likelier_spelling`]) in
/// both fields.
fn place_as_issuer(header: &mut Header, lex: &Lexicon, style: ToneStyle) {
    let Some(place) = header.place.as_mut() else {
        return;
    };
    let mut cells = [header.sub_issuer.as_mut(), header.issuer.as_mut()];
    let Some((cell, name)) = cells.iter_mut().flatten().find_map(|f| {
        let (_, name) = split_after_unit(&f.value)?;
        let name = title_case(name.trim());
        same_place_letters(&viet::skeleton(&name), &viet::skeleton(&place.value))
            .then_some((f, name))
    }) else {
        return;
    };
    let spelled = likelier_spelling(lex, &name, &place.value);
    if spelled != place.value {
        set(place, spelled.clone(), style);
    }
    if spelled != name {
        if let Some((head, _)) = split_after_unit(&cell.value) {
            let value = format!("{head}{}", spelled.to_uppercase());
            set(cell, value, style);
        }
    }
}

/// Of two readings of one place name, the issuer cell's `cell` and the
/// place of issue's `place`: the one the place list holds, the cell's if
/// both are (`Phù Cát` and `Phú Cát` are); else, syllable by syllable where
/// both have the same syllables up to marks, the one more listed place
/// names hold (`Hòa` over `Hoa`, `Lâm` over `Làm`), the cell's on a tie;
/// else `cell` whole.
fn likelier_spelling(lex: &Lexicon, cell: &str, place: &str) -> String {
    match (lex.is_place(cell), lex.is_place(place)) {
        (true, _) => return cell.to_owned(),
        (false, true) => return place.to_owned(),
        (false, false) => {}
    }
    let (a, b): (Vec<&str>, Vec<&str>) = (cell.split(' ').collect(), place.split(' ').collect());
    let aligned = a.len() == b.len()
        && a.iter()
            .zip(&b)
            .all(|(x, y)| viet::skeleton(x) == viet::skeleton(y));
    if !aligned {
        return cell.to_owned();
    }
    let count = |w: &str| {
        lex.place_syllable_count(&viet::into_tone_style(w.to_lowercase(), ToneStyle::Old))
    };
    a.iter()
        .zip(&b)
        .map(|(x, y)| if count(y) > count(x) { *y } else { *x })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Least letters of a place name's skeleton for OCR's one-letter slip to
/// be read as the same name (`phuc lam` for `phuoc lam`).
const SLIP_MIN_LETTERS: usize = 6;

/// Do two skeletons spell the same place: equal, or long names one letter
/// apart (OCR drops the `o` of `ươ`: `Phuc Lam, ngày` under `HUYỆN PHƯỚC LÂM`).
fn same_place_letters(a: &str, b: &str) -> bool {
    a == b
        || a.chars().count().min(b.chars().count()) >= SLIP_MIN_LETTERS
            && strsim::levenshtein(a, b) == 1
}

/// `PHÚ LONG` → `Phú Long`.
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| viet::apply_case(&w.to_lowercase(), viet::CasePattern::Title))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Gives `f` the value `value`, its syllables in the tone placement `style`,
/// at [`SNAPPED_CONFIDENCE`] at most when that changes it.
fn set(f: &mut Field, value: String, style: ToneStyle) {
    let value = value
        .split(' ')
        .map(|w| viet::set_tone_style(w, style))
        .collect::<Vec<_>>()
        .join(" ");
    if f.value != value {
        f.value = value;
        f.confidence = f.confidence.min(SNAPPED_CONFIDENCE);
    }
}

/// The list's spelling of `name` when it differs and is the only fit.
fn respelled<'a>(lex: &'a Lexicon, name: &str) -> Option<&'a str> {
    let listed = lex.place_by_skeleton(name)?;
    let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    if same(listed, name) {
        return None;
    }
    // Every listed name without a unit word and with `name`'s letters is
    // `listed` (the only fit), so only a name with its unit word (`Xã Tịnh
    // Hòa`) can still be listed as printed: look for it then, not always.
    let lower = name.to_lowercase();
    let has_unit = PLACE_UNITS
        .iter()
        .any(|u| lower.starts_with(&format!("{} ", u.to_lowercase())));
    (!has_unit || !lex.places().iter().any(|p| same(p, name))).then_some(listed)
}

/// The issuer cell with the unit word that opens it (after `UBND`/`HĐND`)
/// in its spelling, where OCR printed it without any mark (`XA HOA THỦY` → `XÃ HOA
/// THỦY`, `UBND HUYEN …` → `UBND HUYỆN …`); `None` when there is nothing to
/// respell. The longest unit whose letters the opening words have wins
/// (`THI XA` is `THỊ XÃ`, not `THỊ` and `XÃ`).
fn unit_respelled(cell: &str) -> Option<String> {
    let words: Vec<&str> = cell.split(' ').collect();
    let skip = usize::from(
        words
            .first()
            .is_some_and(|w| matches!(viet::skeleton(w).as_str(), "ubnd" | "hdnd")),
    );
    let rest = words.get(skip..)?;
    let unit = PLACE_UNITS
        .iter()
        .filter(|u| {
            let parts: Vec<&str> = u.split(' ').collect();
            parts.len() < rest.len()
                && parts.iter().zip(rest).all(|(p, w)| {
                    // Markless as printed (`QUÂN KHU` is no `QUẬN`).
                    w.chars().all(|c| c.is_ascii_alphabetic())
                        && viet::skeleton_eq(w, &viet::skeleton(p))
                })
        })
        .max_by_key(|u| u.len())?;
    let n = unit.split(' ').count();
    let spelled = unit.to_uppercase();
    if rest[..n].join(" ") == spelled {
        return None;
    }
    let mut out: Vec<String> = words[..skip].iter().map(|w| (*w).to_owned()).collect();
    out.push(spelled);
    out.extend(rest[n..].iter().map(|w| (*w).to_owned()));
    Some(out.join(" "))
}

/// `XÃ TINH HOA` → (`XÃ `, `TINH HOA`): the cell up to and including its last
/// unit word, and the rest.
fn split_after_unit(cell: &str) -> Option<(&str, &str)> {
    PLACE_UNITS
        .iter()
        .filter_map(|u| {
            let unit = format!("{} ", u.to_uppercase());
            let at = cell.rfind(&unit)?;
            let before_ok = at == 0 || cell[..at].ends_with(' ');
            before_ok.then_some(at + unit.len())
        })
        .max()
        .map(|end| cell.split_at(end))
        .filter(|(_, rest)| !rest.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_words_that_lost_their_marks() {
        assert_eq!(
            unit_respelled("XA HOA THỦY").as_deref(),
            Some("XÃ HOA THỦY")
        );
        assert_eq!(
            unit_respelled("UBND HUYEN KIM THỦY").as_deref(),
            Some("UBND HUYỆN KIM THỦY")
        );
        assert_eq!(
            unit_respelled("THI XA NINH HÒA").as_deref(),
            Some("THỊ XÃ NINH HÒA")
        );
        assert_eq!(unit_respelled("XÃ HOA THỦY"), None, "spelled already");
        assert_eq!(unit_respelled("SỞ Y TẾ"), None, "no unit");
        assert_eq!(unit_respelled("XA"), None, "a unit alone names nothing");
        assert_eq!(
            unit_respelled("QUÂN KHU 5"),
            None,
            "a mark says another word"
        );
    }

    #[test]
    fn splits_after_the_last_unit_word() {
        assert_eq!(split_after_unit("XÃ TINH HOA"), Some(("XÃ ", "TINH HOA")));
        assert_eq!(
            split_after_unit("UBND TỈNH QUẢNG NGÃI"),
            Some(("UBND TỈNH ", "QUẢNG NGÃI"))
        );
        assert_eq!(split_after_unit("VĂN PHÒNG"), None);
        assert_eq!(split_after_unit("SỞ NỘI VỤ"), None);
    }

    #[test]
    fn respells_only_unlisted_names_with_one_fit() {
        let lex = crate::lexicon::bundled();
        assert_eq!(respelled(lex, "Tinh Hoa"), Some("Tịnh Hòa"));
        assert_eq!(respelled(lex, "Nghĩa Ký"), Some("Nghĩa Kỳ"));
        assert_eq!(respelled(lex, "Quảng Ngãi"), None, "listed as printed");
        assert_eq!(respelled(lex, "Công Tác"), None, "no place");
        let mut h = Header {
            issuer: Some(Field {
                value: "XÃ TINH HOA".into(),
                raw: "XA TINH HOA".into(),
                line: 2,
                confidence: 0.8,
            }),
            ..Header::default()
        };
        snap_header_places(&mut h, lex, ToneStyle::Old);
        let f = h.issuer.expect("issuer");
        assert_eq!(
            (f.value.as_str(), f.raw.as_str()),
            ("XÃ TỊNH HÒA", "XA TINH HOA")
        );
        assert!(f.confidence <= SNAPPED_CONFIDENCE);
    }

    #[test]
    fn a_name_printed_with_marks_keeps_them_and_a_snapped_one_takes_the_style() {
        let lex = crate::lexicon::bundled();
        let field = |v: &str, raw: &str| {
            Some(Field {
                value: v.into(),
                raw: raw.into(),
                line: 1,
                confidence: 0.8,
            })
        };
        // `Kim Ngân` is listed, `Kim Ngạn` is not: clean text keeps its own.
        assert!(respelled(lex, "Kim Ngạn").is_some());
        let mut h = Header {
            issuer: field("UBND TỈNH KIM NGẠN", "UBND TỈNH KIM NGẠN"),
            place: field("Kim Ngạn", "Kim Ngạn"),
            ..Header::default()
        };
        snap_header_places(&mut h, lex, ToneStyle::Old);
        let value = |f: &Option<Field>| f.as_ref().map(|f| f.value.clone());
        assert_eq!(value(&h.issuer).as_deref(), Some("UBND TỈNH KIM NGẠN"));
        assert_eq!(value(&h.place).as_deref(), Some("Kim Ngạn"));
        // OCR's markless printing takes the list's name, in the asked style.
        assert_eq!(respelled(lex, "Hoa Vinh"), Some("Hoà Vinh"));
        let mut h = Header {
            issuer: field("UBND HUYỆN HOA VINH", "UBND HUYEN HOA VINH"),
            ..Header::default()
        };
        snap_header_places(&mut h, lex, ToneStyle::Old);
        assert_eq!(value(&h.issuer).as_deref(), Some("UBND HUYỆN HÒA VINH"));
    }

    #[test]
    fn the_place_of_issue_is_spelled_as_the_issuer_cell() {
        let lex = crate::lexicon::bundled();
        let field = |v: &str| {
            Some(Field {
                value: v.into(),
                raw: v.into(),
                line: 1,
                confidence: 0.8,
            })
        };
        let mut h = Header {
            issuer: field("ỦY BAN NHÂN DÂN"),
            sub_issuer: field("TỈNH PHÚ LONG"),
            place: field("Phù Long"),
            ..Header::default()
        };
        place_as_issuer(&mut h, lex, ToneStyle::Old);
        assert_eq!(h.place.as_ref().map(|f| f.value.as_str()), Some("Phú Long"));
        // One letter OCR dropped from a long name.
        h.sub_issuer = field("HUYỆN PHƯỚC LÂM");
        h.place = field("Phúc Lâm");
        place_as_issuer(&mut h, lex, ToneStyle::Old);
        assert_eq!(
            h.place.as_ref().map(|f| f.value.as_str()),
            Some("Phước Lâm")
        );
        // Not in a short one.
        h.sub_issuer = field("XÃ AN LÂM");
        h.place = field("An Lá");
        place_as_issuer(&mut h, lex, ToneStyle::Old);
        assert_eq!(h.place.as_ref().map(|f| f.value.as_str()), Some("An Lá"));
        // Another place stays.
        h.place = field("Hà Nội");
        place_as_issuer(&mut h, lex, ToneStyle::Old);
        assert_eq!(h.place.as_ref().map(|f| f.value.as_str()), Some("Hà Nội"));
        // Neither reading listed: each syllable as more place names spell
        // it, in both fields.
        assert!(!lex.is_place("Hoa Sơn Tây") && !lex.is_place("Hòa Sơn Tây"));
        h.sub_issuer = field("XÃ HOA SƠN TÂY");
        h.place = field("Hòa Sơn Tây");
        place_as_issuer(&mut h, lex, ToneStyle::Old);
        let value = |f: &Option<Field>| f.as_ref().map(|f| f.value.clone());
        assert_eq!(value(&h.place).as_deref(), Some("Hòa Sơn Tây"));
        assert_eq!(value(&h.sub_issuer).as_deref(), Some("XÃ HÒA SƠN TÂY"));
        h.sub_issuer = field("XÃ LÂM HÓA TÂY");
        h.place = field("Làm Hòa Tây");
        place_as_issuer(&mut h, lex, ToneStyle::Old);
        assert_eq!(value(&h.place).as_deref(), Some("Lâm Hòa Tây"));
    }
}
