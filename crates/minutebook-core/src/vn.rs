//! Vietnamese conventions for dates, times, numbers and document numbers in party documents.
//!
//! Sources: HD 36-HD/VPTW (2018) and QĐ 399-QĐ/TW (2026) headers as quoted in
//! `shared/domain/cell-meetings.md` §4 and §6, and the addendum §4.

use time::{Date, Time};

/// An exact ratio of two counts, e.g. 8 of 9. Rendered to two decimals only when shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    /// Numerator.
    pub num: u32,
    /// Denominator (0 means "no base": shown as 0).
    pub den: u32,
}

impl Ratio {
    /// A ratio `num / den`.
    pub fn new(num: u32, den: u32) -> Self {
        Ratio { num, den }
    }

    /// The percentage in hundredths of a percent, rounded half up: 8/9 → 8889 (88,89 %).
    /// Zero when the denominator is zero.
    pub fn basis_points(self) -> u64 {
        if self.den == 0 {
            return 0;
        }
        let (n, d) = (u64::from(self.num), u64::from(self.den));
        (n * 20_000 + d) / (2 * d)
    }

    /// The percentage written the Vietnamese way, with a decimal comma and two decimals:
    /// "88,89%", "100%" (whole numbers without decimals, as minutes print them).
    pub fn percent_vn(self) -> String {
        let bp = self.basis_points();
        if bp.is_multiple_of(100) {
            format!("{}%", bp / 100)
        } else {
            format!("{},{:02}%", bp / 100, bp % 100)
        }
    }
}

/// Zero-pads a count below ten, as minutes write counts of members: 8 → "08", 12 → "12".
pub fn count2(n: u32) -> String {
    format!("{n:02}")
}

/// Day or month number per party-document padding: days 1–9 and months 1–2 get a leading
/// zero, others do not ("ngày 05 tháng 3", "tháng 01", "tháng 02", "tháng 10") — cell-meetings.md
/// §6, from the headers of HD 36-HD/VPTW and QĐ 399-QĐ/TW.
fn day(d: u8) -> String {
    format!("{d:02}")
}

fn month(m: u8) -> String {
    if m <= 2 {
        format!("{m:02}")
    } else {
        m.to_string()
    }
}

/// The place-and-date line: "Hà Nội, ngày 05 tháng 3 năm 2026".
pub fn date_line(place: &str, date: Date) -> String {
    format!("{place}, {}", date_words(date))
}

/// "ngày 05 tháng 3 năm 2026".
pub fn date_words(date: Date) -> String {
    format!(
        "ngày {} tháng {} năm {}",
        day(date.day()),
        month(date.month() as u8),
        date.year()
    )
}

/// Short date in running text: "05/3/2026", "09/01/2026" (same padding rule).
pub fn short_date(date: Date) -> String {
    format!(
        "{}/{}/{}",
        day(date.day()),
        month(date.month() as u8),
        date.year()
    )
}

/// Month and year in running text: "3/2026", "02/2026".
pub fn month_year(date: Date) -> String {
    format!("{}/{}", month(date.month() as u8), date.year())
}

/// A time of day as minutes write it: "19 giờ 30 phút".
pub fn time_words(t: Time) -> String {
    format!("{} giờ {:02} phút", t.hour(), t.minute())
}

/// Document number line: "Số 03-BB/CB" — "Số", the number zero-padded to two digits, a hyphen,
/// the type code, a slash, the body's code; no colon (HD 36-HD/VPTW; addendum §4).
pub fn number_line(number: u32, type_code: &str, body_code: &str) -> String {
    format!("Số {number:02}-{type_code}/{body_code}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, time};

    #[test]
    fn date_padding_follows_party_documents() {
        assert_eq!(
            date_line("Hà Nội", date!(2026 - 03 - 05)),
            "Hà Nội, ngày 05 tháng 3 năm 2026"
        );
        assert_eq!(
            date_words(date!(2026 - 01 - 09)),
            "ngày 09 tháng 01 năm 2026"
        );
        assert_eq!(
            date_words(date!(2026 - 02 - 28)),
            "ngày 28 tháng 02 năm 2026"
        );
        assert_eq!(
            date_words(date!(2025 - 10 - 22)),
            "ngày 22 tháng 10 năm 2025"
        );
        assert_eq!(short_date(date!(2025 - 07 - 09)), "09/7/2025");
        assert_eq!(short_date(date!(2017 - 02 - 06)), "06/02/2017");
        assert_eq!(month_year(date!(2026 - 02 - 01)), "02/2026");
    }

    #[test]
    fn percentages_use_a_decimal_comma_and_round_half_up() {
        assert_eq!(Ratio::new(10, 12).percent_vn(), "83,33%");
        assert_eq!(Ratio::new(8, 9).percent_vn(), "88,89%");
        assert_eq!(Ratio::new(7, 9).percent_vn(), "77,78%");
        assert_eq!(Ratio::new(7, 11).percent_vn(), "63,64%");
        assert_eq!(Ratio::new(7, 10).percent_vn(), "70%");
        assert_eq!(Ratio::new(8, 8).percent_vn(), "100%");
        assert_eq!(Ratio::new(1, 8).percent_vn(), "12,50%");
        assert_eq!(Ratio::new(0, 0).percent_vn(), "0%");
    }

    #[test]
    fn times_and_numbers() {
        assert_eq!(time_words(time!(19:30)), "19 giờ 30 phút");
        assert_eq!(time_words(time!(21:05)), "21 giờ 05 phút");
        assert_eq!(number_line(3, "BB", "CB"), "Số 03-BB/CB");
        assert_eq!(count2(8), "08");
        assert_eq!(count2(12), "12");
    }
}
