//! Number formatting: the one place that decides how a number reads on the page, in the table,
//! in the URL and in aria text. Fixed-point by integer arithmetic, so the wasm carries no
//! float-printing machinery and the same value always prints the same way.

use crate::scenario::Unit;

/// Text shown for a value that cannot be printed (never reached with sanitized inputs).
pub const NOT_A_NUMBER: &str = "–";

/// Largest magnitude printed digit by digit: above it the scaled value would not fit a u64.
const LIMIT: f64 = 1e15;

/// `x` with exactly `decimals` decimals (half away from zero), e.g. `fixed(7.9372, 2)` is
/// `"7.94"`. No thousands separators: this is the machine-readable form (CSV, URL, tests).
pub fn fixed(x: f64, decimals: u8) -> String {
    let mut out = String::new();
    write_fixed(&mut out, x, decimals, false);
    out
}

/// Like [`fixed`] but with thousands separators, for reading: `grouped(12345.6, 1)` is
/// `"12,345.6"`.
pub fn grouped(x: f64, decimals: u8) -> String {
    let mut out = String::new();
    write_fixed(&mut out, x, decimals, true);
    out
}

/// Up to `max_decimals` decimals with trailing zeros dropped: `trimmed(58.70, 2)` is `"58.7"`,
/// `trimmed(60.0, 2)` is `"60"`.
pub fn trimmed(x: f64, max_decimals: u8) -> String {
    trim_zeros(fixed(x, max_decimals))
}

/// [`trimmed`] with thousands separators, for axis labels: `grouped_trimmed(400000.0, 2)` is
/// `"400,000"`.
pub fn grouped_trimmed(x: f64, max_decimals: u8) -> String {
    trim_zeros(grouped(x, max_decimals))
}

fn trim_zeros(mut number: String) -> String {
    if number.contains('.') {
        while number.ends_with('0') {
            number.pop();
        }
        if number.ends_with('.') {
            number.pop();
        }
    }
    number
}

/// Money in billions for headline text: `$79.9B`, `$7.94B`, `$208B`. Two or three
/// significant figures read best at a glance; the table has the exact cents.
pub fn billions(x: f64) -> String {
    let decimals = if x.abs() < 9.995 {
        2
    } else if x.abs() < 99.95 {
        1
    } else {
        0
    };
    let mut out = String::from("$");
    write_fixed(&mut out, x, decimals, true);
    out.push('B');
    out
}

/// Money in billions with exactly two decimals: `$79.94B`.
pub fn billions_exact(x: f64) -> String {
    let mut out = String::from("$");
    write_fixed(&mut out, x, 2, true);
    out.push('B');
    out
}

/// A percentage with `decimals` decimals: `percent(5.6044, 1)` is `"5.6%"`.
pub fn percent(x: f64, decimals: u8) -> String {
    let mut out = fixed(x, decimals);
    out.push('%');
    out
}

/// A ratio as a multiple: `3.0×`, `12×` (one decimal below 10).
pub fn multiple(x: f64) -> String {
    let mut out = String::new();
    write_fixed(&mut out, x, if x.abs() < 9.95 { 1 } else { 0 }, true);
    out.push('×');
    out
}

/// A change with its sign: `signed(1.234, 2, "$", "B")` is `+$1.23B`, a negative one reads
/// `−$1.23B` (a true minus sign), and one that rounds to zero has no sign: `$0.00B`.
pub fn signed(x: f64, decimals: u8, prefix: &str, suffix: &str) -> String {
    let magnitude = fixed(x.abs(), decimals);
    let is_zero = magnitude.bytes().all(|b| b == b'0' || b == b'.');
    let sign = if is_zero || !x.is_finite() {
        ""
    } else if x < 0.0 {
        "\u{2212}"
    } else {
        "+"
    };
    sign.to_string() + prefix + &magnitude + suffix
}

/// A whole number's digits, no separators: `whole(42)` is `"42"`.
pub fn whole(n: u64) -> String {
    let mut out = String::new();
    write_digits(&mut out, n, false);
    out
}

/// A year: `2030`.
pub fn year(y: i32) -> String {
    let mut out = String::new();
    if y < 0 {
        out.push('-');
    }
    write_digits(&mut out, u64::from(y.unsigned_abs()), false);
    out
}

/// An input's value with its unit, as shown next to its control: `75%`, `$5B`, `58.7%/yr`,
/// `$5.5B/yr`, `2025`.
pub fn input_value(value: f64, unit: Unit) -> String {
    let number = trimmed(value, 2);
    match unit {
        Unit::Percent => number + "%",
        Unit::PercentPerYear => number + "%/yr",
        Unit::BillionsUsd => "$".to_string() + &number + "B",
        Unit::BillionsUsdPerYear => "$".to_string() + &number + "B/yr",
        Unit::Year => number,
    }
}

/// The same, in words a screen reader speaks well: `75 percent`, `5 billion dollars`.
pub fn input_value_spoken(value: f64, unit: Unit) -> String {
    let number = trimmed(value, 2);
    match unit {
        Unit::Percent => number + " percent",
        Unit::PercentPerYear => number + " percent per year",
        Unit::BillionsUsd => number + " billion dollars",
        Unit::BillionsUsdPerYear => number + " billion dollars per year",
        Unit::Year => number,
    }
}

/// The shortest text that reads back as the same value, for the URL: `60`, `58.7`, `0.125`.
/// Up to six decimals, which covers every value a slider or a typed link can sensibly hold.
pub fn canonical(x: f64) -> String {
    trimmed(x, 6)
}

fn write_fixed(out: &mut String, x: f64, decimals: u8, group: bool) {
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
    write_digits(out, whole, group);
    if decimals > 0 {
        out.push('.');
        let mut divisor = scale / 10;
        while divisor > 0 {
            out.push(char::from(b'0' + ((fraction / divisor) % 10) as u8));
            divisor /= 10;
        }
    }
}

fn write_digits(out: &mut String, mut n: u64, group: bool) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for (printed, digit) in digits.iter().take(len).rev().enumerate() {
        if group && printed > 0 && (len - printed) % 3 == 0 {
            out.push(',');
        }
        out.push(char::from(*digit));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(signed(1.234, 2, "$", "B"), "+$1.23B");
        assert_eq!(signed(-27.984, 2, "$", "B"), "\u{2212}$27.98B");
        assert_eq!(signed(-0.001, 2, "$", "B"), "$0.00B");
        assert_eq!(signed(2.0, 0, "", " yr"), "+2 yr");
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
}
