//! Reading the decimals in the model files without `str::parse::<f32>`.
//!
//! The standard parser is correct for any input, and for that it carries a 17 KB table of
//! powers of five and a big-decimal fallback into the `.wasm` (about 13 KB of the gzip
//! download). Our files only hold plain decimals as `f32`'s `Display` writes them
//! (`-0.22173005`, `0.90`), which a quotient of two exact `f64`s reads just as well.

/// Reads a plain decimal, `[-]digits[.digits]` (no sign on its own, no exponent, no spaces),
/// as the `f32` nearest to it; `None` for anything else.
///
/// The value is `m / 10^k` (`m` the digits as an integer, `k` the count after the point),
/// divided in `f64` and then rounded to `f32`. When `m < 2^53` and `k <= 12`, which covers
/// everything `f32`'s `Display` writes for weights between 1e-3 and 1e7, that is the correctly
/// rounded result, equal to `str::parse::<f32>`: `m` and `10^k` are exact in `f64`, so the
/// quotient is off by at most half an `f64` unit, and a decimal with `k <= 12` lies either on
/// a midpoint between two `f32`s or further than that from one (`5^12 * 2^25 < 2^53`), so
/// the second rounding goes the same way as the exact one. Longer decimals come within one
/// `f32` unit; the tests check every number in the shipped model files.
pub(crate) fn parse_f32(s: &str) -> Option<f32> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    // The digits as an integer m, and the power of ten it is to be scaled by.
    let mut m: u64 = 0;
    let mut exp: i64 = 0;
    for (b, in_fraction) in int.bytes().map(|b| (b, false)).chain(frac.bytes().map(|b| (b, true))) {
        if !b.is_ascii_digit() {
            return None;
        }
        match m.checked_mul(10).and_then(|m| m.checked_add(u64::from(b - b'0'))) {
            Some(next) => {
                m = next;
                exp -= i64::from(in_fraction);
            }
            // Past 19 digits only the first ones matter for an f32: the rest count as zeros.
            None => exp += i64::from(!in_fraction),
        }
    }
    // 10^k is exact in f64 up to k = 22; beyond, scale in steps (a rounding each).
    let mut value = m as f64;
    while exp != 0 && value != 0.0 && value.is_finite() {
        let step = exp.clamp(-22, 22);
        let power = 10f64.powi(step.unsigned_abs() as i32);
        value = if step > 0 { value * power } else { value / power };
        exp -= step;
    }
    let value = value as f32;
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::parse_f32;

    #[test]
    fn reads_plain_decimals_and_refuses_the_rest() {
        let cases: &[(&str, Option<f32>)] = &[
            ("0", Some(0.0)),
            ("-0", Some(-0.0)),
            ("1", Some(1.0)),
            ("0.90", Some(0.9)),
            ("-0.22173005", Some(-0.22173005)),
            ("12.5", Some(12.5)),
            (".5", Some(0.5)),
            ("5.", Some(5.0)),
            ("", None),
            ("-", None),
            (".", None),
            ("-.", None),
            ("1e5", None),
            ("+1", None),
            (" 1", None),
            ("1.2.3", None),
            ("--1", None),
            ("NaN", None),
            ("inf", None),
            ("١", None), // an Arabic-Indic digit is not ASCII
        ];
        for &(text, want) in cases {
            let got = parse_f32(text);
            assert_eq!(got.map(f32::to_bits), want.map(f32::to_bits), "{text:?}");
        }
    }

    /// Where the doc comment promises the correctly rounded value, it is `str::parse`'s,
    /// bit for bit, on what `Display` writes for f32s spread over that range.
    #[test]
    fn equals_str_parse_on_what_display_writes() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut checked = 0;
        while checked < 200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = f32::from_bits(state as u32);
            if !x.is_finite() || !(1e-3..1e7).contains(&x.abs()) {
                continue;
            }
            let text = x.to_string();
            assert_eq!(parse_f32(&text).map(f32::to_bits), Some(x.to_bits()), "{text}");
            assert_eq!(text.parse::<f32>().ok(), Some(x));
            checked += 1;
        }
    }

    #[test]
    fn long_and_tiny_decimals_come_within_one_unit() {
        let huge = format!("1{}", "0".repeat(400));
        let tiny = format!("0.{}1", "0".repeat(400));
        let texts = ["0.000000000000000000000000000000000000001", "123456789012345678901234567890.5", "0.1000000000000000055511151231257827"];
        for text in texts.iter().copied().chain([huge.as_str(), tiny.as_str()]) {
            let want: f32 = text.parse().unwrap();
            let got = parse_f32(text).unwrap();
            assert!((got.to_bits() as i64 - want.to_bits() as i64).abs() <= 1, "{text}: {got} vs {want}");
        }
    }

    /// Every number in the model files the crate compiles in reads exactly as `str::parse` reads it.
    #[test]
    fn shipped_model_files_read_exactly() {
        let article = include_str!("text/article_model.txt");
        let cues = include_str!("quotes/cues.tsv");
        let numbers = article
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(' ').map(|(_, v)| v.trim()))
            .chain(cues.lines().filter_map(|l| l.split_once('\t').map(|(_, v)| v.trim())));
        let mut n = 0;
        for text in numbers {
            let want: f32 = text.parse().unwrap_or_else(|_| panic!("{text:?} is a number"));
            assert_eq!(parse_f32(text).map(f32::to_bits), Some(want.to_bits()), "{text}");
            n += 1;
        }
        assert!(n > 500, "only {n} numbers read: the file formats changed?");
    }
}
