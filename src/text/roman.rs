//! Roman numerals as section headings print them: `I`, `V` and `X` only,
//! so up to `XXXIX` (what a document's sections and chapters reach).

/// The value of the Roman numeral `s` in its canonical form (`IV` is 4;
/// `IIII`, `VX` and anything but `I`, `V`, `X` are none).
pub fn value(s: &str) -> Option<usize> {
    if s.is_empty() || !s.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return None;
    }
    let val = |c| match c {
        'I' => 1,
        'V' => 5,
        _ => 10,
    };
    let cs: Vec<i64> = s.chars().map(val).collect();
    let mut total = 0i64;
    for (i, &v) in cs.iter().enumerate() {
        if cs.get(i + 1).is_some_and(|&n| n > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    let total = usize::try_from(total).ok()?;
    (total > 0 && numeral(total) == s).then_some(total)
}

/// The canonical Roman numeral of `n` (`14` → `XIV`).
pub fn numeral(mut n: usize) -> String {
    const T: &[(usize, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for &(v, r) in T {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        assert_eq!(value("IV"), Some(4));
        assert_eq!(value("IIII"), None);
        assert_eq!(numeral(14), "XIV");
    }
}
