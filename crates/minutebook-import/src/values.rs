//! Cell values and their readings: dates, category, gender, posts, exemption.

use minutebook_core::roster::{Gender, MemberCategory, Post};
use minutebook_core::text::{Nfc, visible_text};
use time::{Date, Duration, Month};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::error::ErrorKind;

/// One cell as read from the file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    /// Nothing.
    Empty,
    /// Text, NFC (normalised as it is read), otherwise exactly as in the file.
    Text(Nfc),
    /// A number cell (XLSX).
    Number(f64),
    /// A date-formatted cell (XLSX), as year, month, day from the workbook's own epoch.
    Date(i32, u8, u8),
    /// A boolean cell (XLSX).
    Bool(bool),
    /// A spreadsheet error value such as `#N/A` (XLSX).
    Error(String),
    /// A formula saved without its computed value (XLSX written by a program that does not
    /// calculate): what Excel would show is unknown.
    Uncomputed,
}

impl Cell {
    /// True when the cell holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell with its text under the invisible-character rule
    /// ([`minutebook_core::text::visible_text`]): zero-width characters and soft hyphens
    /// removed, look-alike spaces made plain spaces; a bidi control or other format character
    /// refused ([`ErrorKind::HiddenCharacter`]).
    pub fn visible(&self) -> Result<Cell, ErrorKind> {
        match self {
            Cell::Text(s) => match visible_text(s) {
                Ok(v) if v.is_empty() => Ok(Cell::Empty),
                Ok(v) => Ok(Cell::Text(v)),
                Err(h) => Err(ErrorKind::HiddenCharacter {
                    code: h.code(),
                    position: h.position,
                    bidi: h.bidi,
                }),
            },
            other => Ok(other.clone()),
        }
    }

    /// The cell as text for fields that are text (numbers written plainly).
    pub fn as_text(&self) -> Result<Nfc, ErrorKind> {
        match self {
            Cell::Empty => Ok(Nfc::default()),
            Cell::Text(s) => Ok(s.clone()),
            Cell::Number(n) => Ok(Nfc::from(number_text(*n))),
            Cell::Bool(b) => Ok(Nfc::from(if *b { "TRUE" } else { "FALSE" })),
            Cell::Date(y, m, d) => Err(ErrorKind::DateWhereTextExpected {
                value: format!("{d:02}/{m:02}/{y:04}"),
            }),
            Cell::Error(e) => Err(ErrorKind::CellError { value: e.clone() }),
            Cell::Uncomputed => Err(ErrorKind::FormulaWithoutValue),
        }
    }
}

/// A number as Excel shows it in General format: integers without a decimal point.
pub(crate) fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A key for matching headers and codes: NFD, combining marks removed, "đ" → "d", lower case,
/// every run of non-alphanumerics one space. "Họ và tên" → "ho va ten", "ho_ten" → "ho ten".
pub(crate) fn key(s: &str) -> String {
    let folded: String = s
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Years accepted in any date: a roster's dates lie between these.
const YEARS: std::ops::RangeInclusive<i32> = 1890..=2200;

/// Reads a date written as `YYYY-MM-DD`, `DD/MM/YYYY`, `D/M/YYYY`, `DD-MM-YYYY` or `DD.MM.YYYY`
/// (day first, as Vietnamese writes it). Validity (31/02, leap years) is `time`'s.
pub(crate) fn parse_date_text(s: &str) -> Option<Date> {
    let s = s.trim();
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    if parts.len() != 3 || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (y, m, d) = match (parts[0].len(), parts[1].len(), parts[2].len()) {
        (4, 1..=2, 1..=2) if s.as_bytes()[4] == b'-' && s.matches('-').count() == 2 => {
            (parts[0], parts[1], parts[2])
        }
        (1..=2, 1..=2, 4) => {
            let sep = s.as_bytes()[parts[0].len()];
            if s.as_bytes()[parts[0].len() + 1 + parts[1].len()] != sep {
                return None;
            }
            (parts[2], parts[1], parts[0])
        }
        _ => return None,
    };
    let (y, m, d): (i32, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !YEARS.contains(&y) {
        return None;
    }
    Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()
}

/// The first serial that a plain number in a date column may be: 1910-01-01. Smaller numbers
/// are refused rather than read as dates in 1900–1909 (a year typed alone, 1980, is serial 1980).
const MIN_PLAIN_SERIAL: f64 = 3654.0;
/// 9999-12-31, Excel's last date.
const MAX_SERIAL: f64 = 2_958_465.0;

/// An Excel serial day number (1900 date system) as a date. Excel counts 1900-02-29, which did
/// not exist: serial 60 is refused, serials above it are days since 1899-12-30, below it days
/// since 1899-12-31. 44986 is 2023-03-01.
pub(crate) fn excel_serial_date(serial: f64) -> Option<Date> {
    if !(1.0..=MAX_SERIAL).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    let epoch = match days {
        60 => return None,
        61.. => Date::from_calendar_date(1899, Month::December, 30).ok()?,
        _ => Date::from_calendar_date(1899, Month::December, 31).ok()?,
    };
    epoch.checked_add(Duration::days(days))
}

/// A date from a cell: text in one of [`parse_date_text`]'s forms, a date cell, or a plain
/// number read as an Excel serial (from 1910 on).
pub(crate) fn cell_date(cell: &Cell) -> Result<Option<Date>, ErrorKind> {
    match cell {
        c if c.is_blank() => Ok(None),
        Cell::Text(s) => parse_date_text(s)
            .map(Some)
            .ok_or_else(|| ErrorKind::InvalidDate {
                value: s.trim().to_owned(),
            }),
        Cell::Date(y, m, d) => Month::try_from(*m)
            .ok()
            .and_then(|m| Date::from_calendar_date(*y, m, *d).ok())
            .filter(|d| YEARS.contains(&d.year()))
            .map(Some)
            .ok_or_else(|| ErrorKind::InvalidDate {
                value: format!("{d:02}/{m:02}/{y:04}"),
            }),
        Cell::Number(n) => {
            if *n < MIN_PLAIN_SERIAL {
                return Err(ErrorKind::ImplausibleDateNumber {
                    value: number_text(*n),
                });
            }
            excel_serial_date(*n)
                .filter(|d| YEARS.contains(&d.year()))
                .map(Some)
                .ok_or_else(|| ErrorKind::InvalidDate {
                    value: number_text(*n),
                })
        }
        other => Err(other.as_text().map_or_else(
            |e| e,
            |value| ErrorKind::InvalidDate {
                value: value.into_string(),
            },
        )),
    }
}

/// "chính thức" / "CT" → official, "dự bị" / "DB" → probationary, in any case, with or without
/// diacritics, optionally preceded by "đảng viên".
pub(crate) fn category(cell: &Cell) -> Result<MemberCategory, ErrorKind> {
    let text = cell.as_text()?;
    let k = key(&text);
    let k = k.strip_prefix("dang vien ").unwrap_or(&k);
    match k {
        "" => Err(ErrorKind::Empty),
        "chinh thuc" | "ct" | "dvct" => Ok(MemberCategory::Official),
        "du bi" | "db" | "dvdb" => Ok(MemberCategory::Probationary),
        _ => Err(ErrorKind::InvalidCategory {
            value: text.trim().to_owned(),
        }),
    }
}

/// "Nam" → male, "Nữ" / "Nu" → female, empty → unknown.
pub(crate) fn gender(cell: &Cell) -> Result<Option<Gender>, ErrorKind> {
    let text = cell.as_text()?;
    match key(&text).as_str() {
        "" => Ok(None),
        "nam" => Ok(Some(Gender::Male)),
        "nu" => Ok(Some(Gender::Female)),
        _ => Err(ErrorKind::InvalidGender {
            value: text.trim().to_owned(),
        }),
    }
}

/// Posts, separated by `,`, `;` or line breaks: "Bí thư" (chi bộ) → cell secretary, "Phó Bí
/// thư" → deputy, "Chi ủy viên" → committee member, anything else kept as written (NFC, trimmed).
pub(crate) fn posts(cell: &Cell) -> Result<Vec<Post>, ErrorKind> {
    let text = cell.as_text()?;
    Ok(text
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            // A piece of NFC text is NFC: no second normalisation.
            let other = || Post::Other(text.part(p).unwrap_or_default().into_string());
            let k = key(p);
            let k = k.strip_suffix(" chi bo").unwrap_or(&k);
            match k {
                "bi thu" => Post::CellSecretary,
                "pho bi thu" => Post::DeputyCellSecretary,
                "chi uy vien" | "cuv" | "uy vien chi uy" => Post::CommitteeMember,
                _ => other(),
            }
        })
        .collect())
}

/// Exemption: empty / "không" / "0" → not exempted; "có" / "x" / "1" / TRUE → exempted, date
/// unknown; a date → exempted since that date.
pub(crate) fn exemption(cell: &Cell) -> Result<(bool, Option<Date>), ErrorKind> {
    match cell {
        Cell::Date(..) => return cell_date(cell).map(|d| (true, d)),
        Cell::Bool(b) => return Ok((*b, None)),
        Cell::Number(n) if *n >= MIN_PLAIN_SERIAL => return cell_date(cell).map(|d| (true, d)),
        _ => {}
    }
    let text = cell.as_text()?;
    match key(&text).as_str() {
        "" | "khong" | "0" | "false" => Ok((false, None)),
        "co" | "x" | "1" | "true" | "mien" => Ok((true, None)),
        _ => match parse_date_text(&text) {
            Some(d) => Ok((true, Some(d))),
            None => Err(ErrorKind::InvalidExemption {
                value: text.trim().to_owned(),
            }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn date_forms() {
        for (s, d) in [
            ("2023-03-01", date!(2023 - 03 - 01)),
            ("01/03/2023", date!(2023 - 03 - 01)),
            ("1/3/2023", date!(2023 - 03 - 01)),
            ("01-03-2023", date!(2023 - 03 - 01)),
            ("29/02/2024", date!(2024 - 02 - 29)),
        ] {
            assert_eq!(parse_date_text(s), Some(d), "{s}");
        }
        for s in [
            "31/02/1980",
            "2023/03/01",
            "01/03-2023",
            "1/3/23",
            "",
            "2023-13-01",
        ] {
            assert_eq!(parse_date_text(s), None, "{s}");
        }
    }

    #[test]
    fn excel_serials_follow_the_1900_system() {
        assert_eq!(excel_serial_date(44986.0), Some(date!(2023 - 03 - 01)));
        assert_eq!(excel_serial_date(1.0), Some(date!(1900 - 01 - 01)));
        assert_eq!(excel_serial_date(59.0), Some(date!(1900 - 02 - 28)));
        assert_eq!(excel_serial_date(60.0), None);
        assert_eq!(excel_serial_date(61.0), Some(date!(1900 - 03 - 01)));
        assert_eq!(excel_serial_date(2_958_465.0), Some(date!(9999 - 12 - 31)));
        assert_eq!(
            cell_date(&Cell::Number(1980.0)),
            Err(ErrorKind::ImplausibleDateNumber {
                value: "1980".into()
            })
        );
    }

    #[test]
    fn header_keys() {
        assert_eq!(key("Họ và tên"), "ho va ten");
        assert_eq!(key("ho_ten"), "ho ten");
        assert_eq!(key(" NGÀY VÀO ĐẢNG "), "ngay vao dang");
        assert_eq!(key("Số thẻ\u{00A0}đảng"), "so the dang");
    }
}
