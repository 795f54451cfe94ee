//! Numbers as text, both ways: the one place that decides how a number reads on the page, in
//! the table, in the URL and in aria text, and how a number written in a link, a file or a
//! control is read back ([`parse_decimal`], docs/model.md's grammar, the inverse of [`canonical`]).
//! Fixed-point by integer arithmetic, so the wasm carries no float-printing (or float-parsing)
//! machinery and the same value always prints the same way.
//!
//! Two kinds of output. Machine-readable ([`fixed`], [`trimmed`], [`canonical`], [`whole`],
//! [`year`]): `.` decimals, no grouping, the same in every language (URL, CSV, JSON, SVG
//! coordinates). For the reader (everything else): the page's language's conventions, as CLDR
//! writes them ([`NumberStyle`]): `1,234.56` and `$60.0B` in English, `1.234,56` and
//! `60,0 Mrd. $` in German, `1 234,56` and `60,0 Md $` in French (narrow no-break space),
//! `1234,56` and `60,0 mil M $` in Spanish (grouping from five digits), `75 %` with a no-break
//! space in all three. One departure from CLDR: a change carries a true minus sign (`−`) in
//! every language, as the English page always has; a plain negative number keeps `-`.

use crate::scenario::Unit;
use crate::words::{fill, is_one, lang, t, Lang, Text};

/// Text shown for a value that cannot be printed (never reached with sanitized inputs).
pub const NOT_A_NUMBER: &str = "–";

/// Largest magnitude printed digit by digit: above it the scaled value would not fit a u64.
const LIMIT: f64 = 1e15;

/// How a language writes numbers (CLDR's decimal, grouping, percent and short-currency
/// patterns for `en`, `de`, `fr`, `es`).
#[derive(Debug, PartialEq, Eq)]
pub struct NumberStyle {
    pub decimal: char,
    pub group: &'static str,
    /// Fewest digits of a whole part that are grouped: 4 (`1,000`), or 5 in Spanish (`1000`,
    /// `10.000`).
    pub group_from: usize,
    /// What follows a percentage: `%`, or a no-break space and `%`.
    pub percent: &'static str,
    /// Money in billions of dollars: what comes before and after the number.
    pub billions: (&'static str, &'static str),
    /// Below ten billion, Spanish counts in millions (`7940 M $`): the suffix, if so.
    pub millions_below_ten_billion: Option<&'static str>,
}

const ENGLISH: NumberStyle = NumberStyle {
    decimal: '.',
    group: ",",
    group_from: 4,
    percent: "%",
    billions: ("$", "B"),
    millions_below_ten_billion: None,
};
const GERMAN: NumberStyle = NumberStyle {
    decimal: ',',
    group: ".",
    group_from: 4,
    percent: "\u{a0}%",
    billions: ("", "\u{a0}Mrd.\u{a0}$"),
    millions_below_ten_billion: None,
};
const FRENCH: NumberStyle = NumberStyle {
    decimal: ',',
    group: "\u{202f}",
    group_from: 4,
    percent: "\u{a0}%",
    billions: ("", "\u{a0}Md\u{a0}$"),
    millions_below_ten_billion: None,
};
const SPANISH: NumberStyle = NumberStyle {
    decimal: ',',
    group: ".",
    group_from: 5,
    percent: "\u{a0}%",
    billions: ("", "\u{a0}mil\u{a0}M\u{a0}$"),
    millions_below_ten_billion: Some("\u{a0}M\u{a0}$"),
};

/// The number style of `lang`.
pub fn style_of(lang: Lang) -> &'static NumberStyle {
    match lang {
        Lang::En => &ENGLISH,
        Lang::De => &GERMAN,
        Lang::Fr => &FRENCH,
        Lang::Es => &SPANISH,
    }
}

fn style() -> &'static NumberStyle {
    style_of(lang())
}

/// `x` with exactly `decimals` decimals (half away from zero), e.g. `fixed(7.9372, 2)` is
/// `"7.94"`. No thousands separators: this is the machine-readable form (CSV, URL, tests).
pub fn fixed(x: f64, decimals: u8) -> String {
    let mut out = String::new();
    write_fixed(&mut out, x, decimals, None);
    out
}

/// For reading, in the page's language: `grouped(12345.6, 1)` is `"12,345.6"` in English,
/// `"12.345,6"` in German.
pub fn grouped(x: f64, decimals: u8) -> String {
    let mut out = String::new();
    write_fixed(&mut out, x, decimals, Some(style()));
    out
}

/// Up to `max_decimals` decimals with trailing zeros dropped, machine-readable:
/// `trimmed(58.70, 2)` is `"58.7"`, `trimmed(60.0, 2)` is `"60"`.
pub fn trimmed(x: f64, max_decimals: u8) -> String {
    trim_zeros(fixed(x, max_decimals), '.')
}

/// [`trimmed`] for reading, in the page's language: `grouped_trimmed(400000.0, 2)` is
/// `"400,000"`, `grouped_trimmed(58.7, 2)` is `"58,7"` in German.
pub fn grouped_trimmed(x: f64, max_decimals: u8) -> String {
    trim_zeros(grouped(x, max_decimals), style().decimal)
}

fn trim_zeros(mut number: String, decimal: char) -> String {
    if number.contains(decimal) {
        while number.ends_with('0') {
            number.pop();
        }
        if number.ends_with(decimal) {
            number.pop();
        }
    }
    number
}

/// Money in billions for headline text: `$79.9B`, `$7.94B`, `$208B` (`79,9 Mrd. $` in German).
/// Two or three significant figures read best at a glance; the table has the exact cents.
pub fn billions(x: f64) -> String {
    let decimals = if x.abs() < 9.995 {
        2
    } else if x.abs() < 99.95 {
        1
    } else {
        0
    };
    money(x, decimals, false)
}

/// Money in billions with exactly two decimals: `$79.94B`.
pub fn billions_exact(x: f64) -> String {
    money(x, 2, false)
}

/// Money in billions with up to `max_decimals` decimals, for axis labels: `$50B`, `$2.5B`.
pub fn billions_trimmed(x: f64, max_decimals: u8) -> String {
    money(x, max_decimals, true)
}

/// A change in billions with its sign: `+$1.23B`, `−$27.98B` (`+1,23 Mrd. $` in German).
pub fn signed_billions(x: f64, decimals: u8) -> String {
    let magnitude = money(x.abs(), decimals, false);
    sign_of(x, decimals) + &magnitude
}

fn money(x: f64, decimals: u8, trim: bool) -> String {
    let style = style();
    let (mut x, mut decimals, mut prefix, mut suffix) =
        (x, decimals, style.billions.0, style.billions.1);
    if let Some(millions) = style.millions_below_ten_billion {
        // CLDR's Spanish short form counts in millions below ten billion (`7940 M $`), with
        // the same significant figures.
        if x.is_finite() && x.abs() < 9.995 {
            x *= 1000.0;
            // Two decimals of billions are tens of millions: 7.937 is `7940 M $`.
            let step = 10f64.powi(3 - i32::from(decimals.min(3)));
            x = (x / step).round() * step;
            decimals = decimals.saturating_sub(3);
            (prefix, suffix) = ("", millions);
        }
    }
    let mut number = String::new();
    write_fixed(&mut number, x.abs(), decimals, Some(style));
    if trim {
        number = trim_zeros(number, style.decimal);
    }
    let negative = x < 0.0 && number.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let sign = if negative { "-" } else { "" };
    sign.to_string() + prefix + &number + suffix
}

/// A percentage with `decimals` decimals: `percent(5.6044, 1)` is `"5.6%"` (`"5,6 %"` in
/// German).
pub fn percent(x: f64, decimals: u8) -> String {
    let style = style();
    grouped(x, decimals) + style.percent
}

/// A percentage with up to `max_decimals` decimals, for axis labels: `40%`, `12.5%`.
pub fn percent_trimmed(x: f64, max_decimals: u8) -> String {
    grouped_trimmed(x, max_decimals) + style().percent
}

/// A ratio as a multiple: `3.0×`, `12×` (one decimal below 10).
pub fn multiple(x: f64) -> String {
    grouped(x, if x.abs() < 9.95 { 1 } else { 0 }) + "×"
}

/// A change with its sign, in the page's language: `signed(1.234, 2, "", "")` is `+1.23`, a
/// negative one reads `−1.23` (a true minus sign), and one that rounds to zero has no sign:
/// `0.00`. `prefix` and `suffix` go around the number, after the sign.
pub fn signed(x: f64, decimals: u8, prefix: &str, suffix: &str) -> String {
    sign_of(x, decimals) + prefix + &grouped(x.abs(), decimals) + suffix
}

/// The sign [`signed`] writes before `x` shown with `decimals` decimals.
fn sign_of(x: f64, decimals: u8) -> String {
    let magnitude = fixed(x.abs(), decimals);
    let is_zero = magnitude.bytes().all(|b| b == b'0' || b == b'.');
    let sign = if is_zero || !x.is_finite() {
        ""
    } else if x < 0.0 {
        "\u{2212}"
    } else {
        "+"
    };
    sign.to_string()
}

/// A whole number's digits, no separators: `whole(42)` is `"42"`.
pub fn whole(n: u64) -> String {
    let mut out = String::new();
    write_digits(&mut out, n, None);
    out
}

/// A year: `2030`.
pub fn year(y: i32) -> String {
    let mut out = String::new();
    if y < 0 {
        out.push('-');
    }
    write_digits(&mut out, u64::from(y.unsigned_abs()), None);
    out
}

/// An input's value with its unit, as shown next to its control: `75%`, `$5B`, `58.7%/yr`,
/// `$5.5B/yr`, `2025` (`58,7 %/Jahr`, `5,5 Mrd. $/Jahr` in German).
pub fn input_value(value: f64, unit: Unit) -> String {
    match unit {
        Unit::Percent => percent_trimmed(value, 2),
        Unit::PercentPerYear => percent_trimmed(value, 2) + t(Text::UnitPerYear),
        Unit::BillionsUsd => billions_trimmed(value, 2),
        Unit::BillionsUsdPerYear => billions_trimmed(value, 2) + t(Text::UnitPerYear),
        Unit::Year => trimmed(value, 2),
    }
}

/// The same, in words a screen reader speaks well: `75 percent`, `5 billion dollars`.
pub fn input_value_spoken(value: f64, unit: Unit) -> String {
    let number = grouped_trimmed(value, 2);
    // "1 Milliarde", "1,5 milliard": the singular as the language counts it.
    let one = is_one(value);
    let words = match unit {
        Unit::Percent => Text::SpokenPercent,
        Unit::PercentPerYear => Text::SpokenPercentPerYear,
        Unit::BillionsUsd if one => Text::SpokenBillionsOne,
        Unit::BillionsUsd => Text::SpokenBillions,
        Unit::BillionsUsdPerYear if one => Text::SpokenBillionsPerYearOne,
        Unit::BillionsUsdPerYear => Text::SpokenBillionsPerYear,
        Unit::Year => return trimmed(value, 2),
    };
    fill(words, &[("n", &number)])
}

/// The shortest text that reads back as the same value, for the URL: `60`, `58.7`, `0.125`.
/// Up to six decimals, which covers every value a slider or a typed link can sensibly hold.
pub fn canonical(x: f64) -> String {
    trimmed(x, 6)
}

/// Writes `x` with `decimals` decimals: machine-readable without a style, else in the style's
/// separators.
fn write_fixed(out: &mut String, x: f64, decimals: u8, style: Option<&NumberStyle>) {
    if !x.is_finite() || x.abs() >= LIMIT {
        out.push_str(NOT_A_NUMBER);
        return;
    }
    let decimals = decimals.min(6);
    let scale = 10u64.pow(u32::from(decimals));
    // Whole part and fraction separately: both exact below 1e15, so no digit is invented by
    // scaling a large number. The casts are in range for the same reason.
    let magnitude = x.abs();
    let mut whole = magnitude.trunc() as u64;
    let mut fraction = ((magnitude - magnitude.trunc()) * scale as f64).round() as u64;
    if fraction >= scale {
        whole += 1;
        fraction -= scale;
    }
    if x < 0.0 && (whole != 0 || fraction != 0) {
        out.push('-');
    }
    write_digits(out, whole, style);
    if decimals > 0 {
        out.push(style.map_or('.', |style| style.decimal));
        let mut divisor = scale / 10;
        while divisor > 0 {
            out.push(char::from(b'0' + ((fraction / divisor) % 10) as u8));
            divisor /= 10;
        }
    }
}

fn write_digits(out: &mut String, mut n: u64, style: Option<&NumberStyle>) {
    // A u64 has at most 20 digits.
    let mut digits = [0u8; 20];
    let mut len = 0;
    for slot in digits.iter_mut() {
        *slot = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let group = style.filter(|style| len >= style.group_from);
    for (printed, digit) in digits.iter().take(len).rev().enumerate() {
        if let Some(style) = group {
            if printed > 0 && (len - printed) % 3 == 0 {
                out.push_str(style.group);
            }
        }
        out.push(char::from(*digit));
    }
}

// ---- Reading numbers: the inverse of the machine-readable forms above ----

/// The model's number grammar (docs/model.md) after trimming ASCII white space: an optional
/// sign, digits with an optional fraction (or a fraction alone), an optional exponent. `60`,
/// `-3`, `.5`, `7.`, `1e3` are numbers; `abc`, `50abc`, `0x10`, `inf`, `NaN` and the empty
/// string are not.
/// An overflow such as `1e999` reads as ±∞ (and so clamps to the range's end).
pub fn parse_decimal(text: &str) -> Option<f64> {
    let text = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let bytes = text.as_bytes();
    let mut i = 0;
    if matches!(bytes.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let integer_digits = count_digits(bytes, i);
    i += integer_digits;
    let mut fraction_digits = 0;
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        fraction_digits = count_digits(bytes, i);
        i += fraction_digits;
    }
    if integer_digits + fraction_digits == 0 {
        return None;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exponent_digits = count_digits(bytes, i);
        if exponent_digits == 0 {
            return None;
        }
        i += exponent_digits;
    }
    if i != bytes.len() {
        return None;
    }
    Some(decimal_value(text))
}

/// The value of text already known to match the grammar of [`parse_decimal`]. Exact (correctly
/// rounded) for up to 15 significant digits and exponents within ±22, which covers every value
/// a slider or a hand-written link holds; within a few units in the last place otherwise.
/// Written out rather than calling `str::parse`, whose tables weigh ~20 KB in the wasm.
fn decimal_value(text: &str) -> f64 {
    // Bytes, not `str` slices: the grammar is ASCII, and byte slicing has no char-boundary
    // panic (whose message formatting is another few KB of wasm).
    let bytes = text.as_bytes();
    let (negative, body) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, bytes),
    };
    let (digits, exponent_text) = match body.iter().position(|b| matches!(b, b'e' | b'E')) {
        Some(at) => body.split_at(at),
        None => (body, &[][..]),
    };
    // Significant digits in a u64 (19 fit); later integer digits only scale, later fraction
    // digits are below the precision of an f64 anyway.
    let mut mantissa: u64 = 0;
    let mut kept = 0;
    let mut scale: i64 = 0;
    let mut in_fraction = false;
    for &byte in digits {
        if byte == b'.' {
            in_fraction = true;
            continue;
        }
        let digit = u64::from(byte - b'0');
        if kept < 19 && (mantissa != 0 || digit != 0) {
            mantissa = mantissa * 10 + digit;
            kept += 1;
            if in_fraction {
                scale -= 1;
            }
        } else if mantissa == 0 {
            // A leading zero: only its place in the fraction matters.
            if in_fraction {
                scale -= 1;
            }
        } else if !in_fraction {
            scale += 1;
        }
    }
    let mut exponent: i64 = 0;
    let mut exponent_negative = false;
    for &byte in exponent_text {
        match byte {
            b'e' | b'E' => {}
            b'-' => exponent_negative = true,
            b'+' => {}
            // Saturate: anything past ±100,000 is already 0 or ∞.
            _ => exponent = (exponent * 10 + i64::from(byte - b'0')).min(100_000),
        }
    }
    let power = scale
        + if exponent_negative {
            -exponent
        } else {
            exponent
        };
    let magnitude = if mantissa == 0 {
        0.0
    } else if mantissa < (1 << 53) && (-22..=22).contains(&power) {
        // Both operands exact, so one correctly rounded operation.
        let ten_to = 10f64.powi(power.unsigned_abs() as i32);
        if power >= 0 {
            mantissa as f64 * ten_to
        } else {
            mantissa as f64 / ten_to
        }
    } else if power > 400 {
        f64::INFINITY
    } else if power < -400 {
        0.0
    } else {
        // Two steps keep the intermediate power of ten inside f64's range.
        let half = power / 2;
        mantissa as f64 * 10f64.powi(half as i32) * 10f64.powi((power - half) as i32)
    };
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// How many ASCII digits run from `start`.
fn count_digits(bytes: &[u8], start: usize) -> usize {
    bytes
        .iter()
        .skip(start)
        .take_while(|b| b.is_ascii_digit())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_grammar_accepts_plain_decimals_only() {
        for (text, expected) in [
            ("60", 60.0),
            ("-3", -3.0),
            ("+3", 3.0),
            (".5", 0.5),
            ("7.", 7.0),
            ("1e3", 1000.0),
            ("1E+2", 100.0),
            ("2.5e-1", 0.25),
            ("  42\t\n", 42.0),
            ("007", 7.0),
        ] {
            assert_eq!(parse_decimal(text), Some(expected), "{text:?}");
        }
        for text in [
            "", " ", "abc", "50abc", "0x10", "inf", "-inf", "Infinity", "NaN", "nan", ".", "-",
            "+", "e3", "1e", "1e+", "1.2.3", "--1", "1 000", "1,5", "\u{a0}5", "5%", "½", "١",
            "+-1", "1_000",
        ] {
            assert_eq!(parse_decimal(text), None, "{text:?}");
        }
        assert_eq!(parse_decimal("1e999"), Some(f64::INFINITY));
        assert_eq!(parse_decimal("-1e999"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_decimal("1e-999"), Some(0.0));
    }

    #[test]
    fn fixed_rounds_and_pads() {
        assert_eq!(fixed(7.9372, 2), "7.94");
        assert_eq!(fixed(5.0, 2), "5.00");
        assert_eq!(fixed(0.004, 2), "0.00");
        assert_eq!(fixed(0.005, 2), "0.01");
        assert_eq!(fixed(59.95, 0), "60");
        assert_eq!(fixed(1234567.891, 1), "1234567.9");
        assert_eq!(fixed(0.05, 3), "0.050");
        assert_eq!(fixed(999_999_999_999_999.0, 6), "999999999999999.000000");
        assert_eq!(fixed(123_456_789_012.5, 6), "123456789012.500000");
    }

    #[test]
    fn negative_zero_and_tiny_negatives_print_without_a_sign() {
        assert_eq!(fixed(-0.0, 2), "0.00");
        assert_eq!(fixed(-0.001, 2), "0.00");
        assert_eq!(fixed(-1.5, 1), "-1.5");
    }

    #[test]
    fn grouped_inserts_thousands_separators() {
        assert_eq!(grouped(999.0, 0), "999");
        assert_eq!(grouped(1000.0, 0), "1,000");
        assert_eq!(grouped(305175.781, 2), "305,175.78");
        assert_eq!(grouped(-1234567.0, 0), "-1,234,567");
        assert_eq!(grouped_trimmed(400000.0, 2), "400,000");
        assert_eq!(grouped_trimmed(2500.5, 2), "2,500.5");
    }

    #[test]
    fn not_finite_prints_a_dash_instead_of_panicking() {
        assert_eq!(fixed(f64::NAN, 2), NOT_A_NUMBER);
        assert_eq!(fixed(f64::INFINITY, 2), NOT_A_NUMBER);
        assert_eq!(fixed(1e300, 2), NOT_A_NUMBER);
        assert_eq!(billions(f64::NEG_INFINITY), "$–B");
    }

    #[test]
    fn headline_money_keeps_two_or_three_significant_figures() {
        assert_eq!(billions(7.937), "$7.94B");
        assert_eq!(billions(79.937), "$79.9B");
        assert_eq!(billions(207.59), "$208B");
        assert_eq!(billions(9.999), "$10.0B");
        assert_eq!(billions(1500.0), "$1,500B");
        assert_eq!(billions_exact(79.937), "$79.94B");
    }

    #[test]
    fn signed_changes_read_plus_minus_or_nothing() {
        assert_eq!(signed_billions(1.234, 2), "+$1.23B");
        assert_eq!(signed_billions(-27.984, 2), "\u{2212}$27.98B");
        assert_eq!(signed_billions(-0.001, 2), "$0.00B");
        assert_eq!(signed(2.0, 0, "", " yr"), "+2 yr");
        assert_eq!(signed(-1234.5, 1, "", ""), "\u{2212}1,234.5");
        assert_eq!(signed(f64::NAN, 1, "", " pts"), "\u{2013} pts");
    }

    #[test]
    fn percent_multiple_and_year() {
        assert_eq!(percent(5.6044, 1), "5.6%");
        assert_eq!(multiple(3.996), "4.0×");
        assert_eq!(multiple(12.3), "12×");
        assert_eq!(year(2030), "2030");
        assert_eq!(whole(9_007_199_254_740_992), "9007199254740992");
        assert_eq!(whole(0), "0");
    }

    #[test]
    fn input_values_carry_their_units() {
        assert_eq!(input_value(75.0, Unit::Percent), "75%");
        assert_eq!(input_value(58.7, Unit::PercentPerYear), "58.7%/yr");
        assert_eq!(input_value(5.5, Unit::BillionsUsd), "$5.5B");
        assert_eq!(input_value(5.0, Unit::BillionsUsdPerYear), "$5B/yr");
        assert_eq!(input_value(2025.0, Unit::Year), "2025");
        assert_eq!(input_value(40.123, Unit::Percent), "40.12%");
        assert_eq!(input_value_spoken(75.0, Unit::Percent), "75 percent");
    }

    #[test]
    fn canonical_is_short_and_reads_back() {
        assert_eq!(canonical(60.0), "60");
        assert_eq!(canonical(58.7), "58.7");
        assert_eq!(canonical(0.125), "0.125");
        assert_eq!(canonical(-0.0), "0");
        for x in [0.1, 0.5, 58.7, 99.9, 2030.0, 12.25, 0.000001] {
            assert_eq!(canonical(x).parse::<f64>().ok(), Some(x));
        }
    }

    /// Each language's output against CLDR's (as ICU 78 in Node's `Intl.NumberFormat` prints
    /// it, narrow currency symbol, compact notation), except the true minus sign of changes.
    #[test]
    fn every_language_writes_numbers_as_cldr_does() {
        let nb = "\u{a0}";
        let nnb = "\u{202f}";
        let cases: [(Lang, [String; 12]); 4] = [
            (
                Lang::En,
                [
                    "1,234.56",
                    "12,345.60",
                    "-305,175.78",
                    "10,000",
                    "$60.0B",
                    "$7.94B",
                    "$208B",
                    "-$27.98B",
                    "75%",
                    "5.6%",
                    "\u{2212}$27.98B",
                    "$2.5B",
                ]
                .map(String::from),
            ),
            (
                Lang::De,
                [
                    "1.234,56".into(),
                    "12.345,60".into(),
                    "-305.175,78".into(),
                    "10.000".into(),
                    format!("60,0{nb}Mrd.{nb}$"),
                    format!("7,94{nb}Mrd.{nb}$"),
                    format!("208{nb}Mrd.{nb}$"),
                    format!("-27,98{nb}Mrd.{nb}$"),
                    format!("75{nb}%"),
                    format!("5,6{nb}%"),
                    format!("\u{2212}27,98{nb}Mrd.{nb}$"),
                    format!("2,5{nb}Mrd.{nb}$"),
                ],
            ),
            (
                Lang::Fr,
                [
                    format!("1{nnb}234,56"),
                    format!("12{nnb}345,60"),
                    format!("-305{nnb}175,78"),
                    format!("10{nnb}000"),
                    format!("60,0{nb}Md{nb}$"),
                    format!("7,94{nb}Md{nb}$"),
                    format!("208{nb}Md{nb}$"),
                    format!("-27,98{nb}Md{nb}$"),
                    format!("75{nb}%"),
                    format!("5,6{nb}%"),
                    format!("\u{2212}27,98{nb}Md{nb}$"),
                    format!("2,5{nb}Md{nb}$"),
                ],
            ),
            (
                Lang::Es,
                [
                    "1234,56".into(),
                    "12.345,60".into(),
                    "-305.175,78".into(),
                    "10.000".into(),
                    format!("60,0{nb}mil{nb}M{nb}$"),
                    format!("7940{nb}M{nb}$"),
                    format!("208{nb}mil{nb}M{nb}$"),
                    format!("-27,98{nb}mil{nb}M{nb}$"),
                    format!("75{nb}%"),
                    format!("5,6{nb}%"),
                    format!("\u{2212}27,98{nb}mil{nb}M{nb}$"),
                    format!("2500{nb}M{nb}$"),
                ],
            ),
        ];
        for (lang, expected) in cases {
            let printed = crate::words::with_language(lang, "{}", || {
                [
                    grouped(1234.56, 2),
                    grouped(12345.6, 2),
                    grouped(-305175.781, 2),
                    grouped(10000.0, 0),
                    billions(60.0),
                    billions(7.937),
                    billions(207.59),
                    billions_exact(-27.984),
                    percent(75.0, 0),
                    percent(5.6044, 1),
                    signed_billions(-27.984, 2),
                    billions_trimmed(2.5, 2),
                ]
            });
            assert_eq!(printed, expected, "{lang:?}");
        }
    }

    #[test]
    fn machine_readable_forms_ignore_the_language() {
        crate::words::with_language(Lang::De, "{}", || {
            assert_eq!(fixed(1234.5, 2), "1234.50");
            assert_eq!(trimmed(58.7, 2), "58.7");
            assert_eq!(canonical(0.125), "0.125");
            assert_eq!(year(2030), "2030");
            assert_eq!(whole(10000), "10000");
            assert_eq!(input_value(2027.0, Unit::Year), "2027");
        });
    }

    #[test]
    fn small_numbers_are_not_grouped_and_spanish_groups_from_five_digits() {
        crate::words::with_language(Lang::Es, "{}", || {
            assert_eq!(grouped(999.0, 0), "999");
            assert_eq!(grouped(9999.0, 0), "9999");
            assert_eq!(grouped(1_234_567.0, 0), "1.234.567");
            assert_eq!(grouped_trimmed(2500.5, 2), "2500,5");
            assert_eq!(multiple(3.996), "4,0×");
            assert_eq!(billions(0.0), "0\u{a0}M\u{a0}$");
        });
    }

    #[test]
    fn spoken_amounts_take_the_singular_where_the_language_does() {
        let german = include_str!("../lang/de.json");
        let french = include_str!("../lang/fr.json");
        let spoken = |lang, file, value| {
            crate::words::with_language(lang, file, || input_value_spoken(value, Unit::BillionsUsd))
        };
        assert_eq!(spoken(Lang::De, german, 1.0), "1 Milliarde Dollar");
        assert_eq!(spoken(Lang::De, german, 1.5), "1,5 Milliarden Dollar");
        assert_eq!(spoken(Lang::Fr, french, 1.5), "1,5 milliard de dollars");
        assert_eq!(spoken(Lang::Fr, french, 2.0), "2 milliards de dollars");
        assert_eq!(
            input_value_spoken(1.0, Unit::BillionsUsd),
            "1 billion dollars"
        );
    }
}
