//! Vietnamese number format: `.` groups thousands, `,` marks decimals.
//!
//! `56.703` is 56 703, `99,9` is 99.9, `1.234,5` is 1 234.5. Real documents
//! also print `97.3%` with a decimal point; a `.` followed by one or two digits
//! (never three) is read as a decimal point.

/// Parses a number as printed in Vietnamese text. Returns `None` for anything
/// that is not a plain number (dates, codes, section numbers such as `1.2.3`).
pub fn parse_vn(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    if !s.as_bytes()[0].is_ascii_digit() || !s.as_bytes()[s.len() - 1].is_ascii_digit() {
        return None;
    }
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let (int_part, frac_part) = match (dots, commas) {
        (0, 0) => (s.to_owned(), None),
        (_, 0) => {
            let groups: Vec<&str> = s.split('.').collect();
            if thousands(&groups) {
                (groups.concat(), None)
            } else if dots == 1 && groups[1].len() <= 2 {
                (groups[0].to_owned(), Some(groups[1].to_owned()))
            } else {
                return None;
            }
        }
        (0, 1) => {
            let (a, b) = s.split_once(',')?;
            (a.to_owned(), Some(b.to_owned()))
        }
        (0, _) => {
            // `1,234,567`: English thousands separators.
            let groups: Vec<&str> = s.split(',').collect();
            if thousands(&groups) {
                (groups.concat(), None)
            } else {
                return None;
            }
        }
        (_, 1) => {
            let (a, b) = s.split_once(',')?;
            let groups: Vec<&str> = a.split('.').collect();
            if !thousands(&groups) {
                return None;
            }
            (groups.concat(), Some(b.to_owned()))
        }
        _ => return None,
    };
    let text = match frac_part {
        Some(f) if !f.is_empty() => format!("{int_part}.{f}"),
        _ => int_part,
    };
    text.parse::<f64>().ok()
}

/// True when `groups` is `d{1,3}` followed by groups of exactly three digits.
pub(crate) fn thousands(groups: &[&str]) -> bool {
    groups.len() >= 2
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// The multiplier of a money scale word, given folded (`ty` → 1e9).
pub fn scale_of(folded_word: &str) -> Option<f64> {
    match folded_word {
        "ty" => Some(1e9),
        "trieu" => Some(1e6),
        "nghin" | "ngan" => Some(1e3),
        _ => None,
    }
}

/// The scale of a money unit tables abbreviate (`tr.đ`, `trđ`, `tr.đồng`:
/// triệu đồng), for units printed whole see [`scale_of`].
pub fn abbreviated_scale(unit: &str) -> Option<f64> {
    matches!(unit, "tr.đ" | "trđ" | "tr.đồng" | "Tr.đ" | "Tr.đồng").then_some(1e6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_format() {
        assert_eq!(parse_vn("56.703"), Some(56703.0));
        assert_eq!(parse_vn("99,9"), Some(99.9));
        assert_eq!(parse_vn("172.842"), Some(172842.0));
        assert_eq!(parse_vn("1.234.567"), Some(1234567.0));
        assert_eq!(parse_vn("1.234,5"), Some(1234.5));
        assert_eq!(parse_vn("97.3"), Some(97.3));
        assert_eq!(parse_vn("01"), Some(1.0));
        assert_eq!(parse_vn("0,1"), Some(0.1));
        assert_eq!(parse_vn("1,234,567"), Some(1234567.0));
    }

    #[test]
    fn not_numbers() {
        assert_eq!(parse_vn("1.2.3"), None);
        assert_eq!(parse_vn("3.1.2."), None);
        assert_eq!(parse_vn("12a"), None);
        assert_eq!(parse_vn(""), None);
        assert_eq!(parse_vn("1.2345"), None);
        assert_eq!(parse_vn(",5"), None);
    }

    #[test]
    fn money_scales() {
        assert_eq!(scale_of("ty"), Some(1e9));
        assert_eq!(scale_of("trieu"), Some(1e6));
        assert_eq!(scale_of("dong"), None);
    }
}
