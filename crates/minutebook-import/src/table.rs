//! A sheet of cells (from CSV or XLSX) → header → members.

use std::collections::HashMap;

use minutebook_core::roster::{Member, MemberId};
use minutebook_core::text::Nfc;

use crate::error::{ErrorKind, Field, ImportError};
use crate::values::{self, Cell, key, number_text};

/// How many rows with content are searched for the header.
pub(crate) const HEADER_SEARCH_ROWS: usize = 10;

/// One row, with its number as the spreadsheet shows it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub number: usize,
    pub cells: Vec<Cell>,
}

impl Row {
    fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }
}

/// A sheet read from a file.
pub(crate) struct Sheet {
    pub file: String,
    pub sheet: Option<String>,
    pub rows: Vec<Row>,
    /// Index of the first column (0 = A), for column letters.
    pub col_offset: usize,
}

/// What a header cell means.
#[derive(Debug, Clone, PartialEq)]
enum Col {
    Field(Field),
    /// "STT": row numbers, ignored.
    Ignored,
    /// No header text.
    Untitled,
    Unknown,
}

fn column_for(header: &str) -> Col {
    let k = key(header);
    let field = match k.as_str() {
        "" => return Col::Untitled,
        "stt" | "tt" | "so tt" | "so thu tu" => return Col::Ignored,
        "ho ten" | "ho va ten" | "ho ten dang vien" | "ho va ten dang vien" => Field::Name,
        "ngay sinh" | "ngay thang nam sinh" | "sinh ngay" => Field::BirthDate,
        "gioi tinh" | "nam nu" => Field::Gender,
        "loai dang vien" | "loai" | "loai dv" | "dang vien chinh thuc du bi" => Field::Category,
        "chuc vu" | "chuc vu dang" | "chuc vu trong chi bo" | "chuc vu dang trong chi bo" => {
            Field::Posts
        }
        "so the dang" | "so the dang vien" | "so the" => Field::CardNumber,
        "ngay vao dang" | "ngay ket nap" | "ngay ket nap dang" | "ngay ket nap vao dang" => {
            Field::AdmittedOn
        }
        "ngay chinh thuc" | "ngay chuyen chinh thuc" | "ngay cong nhan chinh thuc" => {
            Field::OfficialOn
        }
        "mien sinh hoat"
        | "mien sh"
        | "mien cong tac va sinh hoat"
        | "mien cong tac va sinh hoat dang"
        | "mien cong tac sinh hoat dang" => Field::Exempted,
        _ => return Col::Unknown,
    };
    Col::Field(field)
}

/// Column letters as a spreadsheet shows them: 0 → A, 26 → AA.
pub(crate) fn column_letter(mut index: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// A header cell's text under the invisible-character rule (as it was typed when the rule
/// refuses it: [`Sheet::members`] reports that).
fn header_text(cell: &Cell) -> String {
    cell.visible()
        .unwrap_or_else(|_| cell.clone())
        .as_text()
        .unwrap_or_default()
        .into_string()
}

/// The index in `rows` of the header: the first of the first [`HEADER_SEARCH_ROWS`] non-blank
/// rows that has a name column and one more known column.
pub(crate) fn find_header(rows: &[Row]) -> Option<usize> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank())
        .take(HEADER_SEARCH_ROWS)
        .find(|(_, r)| {
            let cols: Vec<Col> = r
                .cells
                .iter()
                .map(|c| column_for(&header_text(c)))
                .collect();
            cols.contains(&Col::Field(Field::Name))
                && cols
                    .iter()
                    .filter(|c| matches!(c, Col::Field(f) if *f != Field::Name))
                    .count()
                    >= 1
        })
        .map(|(i, _)| i)
}

/// Two header rows read as one: each column's upper title (a group title — one that names no
/// column by itself — carried right over the empty cells of its merge, as far as the lower row
/// has titles under it) followed by its lower title. "Ngày" merged over "vào Đảng" | "chính thức" → "Ngày vào Đảng" | "Ngày chính thức".
fn combined_titles(upper: &[String], lower: &[String]) -> Vec<String> {
    let width = upper.len().max(lower.len());
    let mut carried = String::new();
    (0..width)
        .map(|i| {
            let up = upper.get(i).map_or("", |t| t.trim());
            let low = lower.get(i).map_or("", |t| t.trim());
            if !up.is_empty() {
                // Only a title that names no column alone ("Ngày") is a group title.
                carried = if column_for(up) == Col::Unknown {
                    up.to_owned()
                } else {
                    String::new()
                };
            } else if low.is_empty() {
                carried.clear();
            }
            let up = if up.is_empty() && !low.is_empty() {
                carried.as_str()
            } else {
                up
            };
            match (up.is_empty(), low.is_empty()) {
                (_, true) => up.to_owned(),
                (true, false) => low.to_owned(),
                (false, false) => format!("{up} {low}"),
            }
        })
        .collect()
}

impl Sheet {
    /// The column titles of the header at `rows[header]` and the index of the first row
    /// after it. A two-level header (a merged title over sub-titles in the next row) is read
    /// as one when the header row alone leaves columns unknown or untitled and the two rows
    /// together name every titled column.
    fn titles(&self, header: usize) -> (Vec<String>, usize) {
        let upper: Vec<String> = self.rows[header].cells.iter().map(header_text).collect();
        let single = (upper.clone(), header + 1);
        let cols: Vec<Col> = upper.iter().map(|t| column_for(t)).collect();
        if !cols
            .iter()
            .any(|c| matches!(c, Col::Unknown | Col::Untitled))
        {
            return single;
        }
        let Some(next) = self.rows.get(header + 1) else {
            return single;
        };
        let lower: Vec<String> = next.cells.iter().map(header_text).collect();
        let combined = combined_titles(&upper, &lower);
        let cols: Vec<Col> = combined.iter().map(|t| column_for(t)).collect();
        let complete = !cols.contains(&Col::Unknown)
            && cols.contains(&Col::Field(Field::Name))
            && cols.contains(&Col::Field(Field::Category));
        if complete && lower.iter().any(|t| !t.trim().is_empty()) {
            (combined, header + 2)
        } else {
            single
        }
    }

    fn err(&self, row: Option<usize>, column: Option<String>, kind: ErrorKind) -> ImportError {
        ImportError {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row,
            column,
            kind: Box::new(kind),
        }
    }

    /// Reads members from the rows under the header at `rows[header]`. `strict_width` (CSV):
    /// a row must have a cell for every titled column and no more cells than the header (a
    /// value with an unquoted delimiter shifts the row; its cells are not guessed at).
    pub(crate) fn members(
        &self,
        header: usize,
        strict_width: bool,
    ) -> Result<Vec<Member>, ImportError> {
        let head = &self.rows[header];
        for (i, c) in head.cells.iter().enumerate() {
            c.visible().map_err(|kind| {
                self.err(
                    Some(head.number),
                    Some(column_letter(self.col_offset + i)),
                    kind,
                )
            })?;
        }
        let (titles, first_data) = self.titles(header);
        let cols: Vec<Col> = titles.iter().map(|t| column_for(t)).collect();
        let label = |i: usize| -> String {
            match titles.get(i).map(|t| t.trim()) {
                Some(t) if !t.is_empty() => t.to_owned(),
                _ => column_letter(self.col_offset + i),
            }
        };
        let head_err = |kind| self.err(Some(head.number), None, kind);

        let unknown: Vec<String> = cols
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == Col::Unknown)
            .map(|(i, _)| titles[i].trim().to_owned())
            .collect();
        if !unknown.is_empty() {
            return Err(head_err(ErrorKind::UnknownColumns { columns: unknown }));
        }
        let mut index: HashMap<Field, usize> = HashMap::new();
        for (i, c) in cols.iter().enumerate() {
            if let Col::Field(f) = c
                && index.insert(*f, i).is_some()
            {
                return Err(head_err(ErrorKind::DuplicateColumn { field: *f }));
            }
        }
        for f in [Field::Name, Field::Category] {
            if !index.contains_key(&f) {
                return Err(head_err(ErrorKind::MissingColumn { field: f }));
            }
        }

        let data: Vec<&Row> = self.rows[first_data..]
            .iter()
            .filter(|r| !r.is_blank())
            .collect();
        let card_digits = index.get(&Field::CardNumber).map_or(0, |&c| {
            data.iter()
                .filter_map(|r| r.cells.get(c))
                .map(digits)
                .max()
                .unwrap_or(0)
        });

        // Cells a row must have: up to the last titled column.
        let needed = cols
            .iter()
            .rposition(|c| *c != Col::Untitled)
            .map_or(0, |i| i + 1);
        let mut members = Vec::with_capacity(data.len());
        let mut cards: HashMap<String, usize> = HashMap::new();
        for row in data {
            let at = |i: usize, kind| self.err(Some(row.number), Some(label(i)), kind);
            // Every value under the invisible-character rule, before it is read.
            let cells = row
                .cells
                .iter()
                .enumerate()
                .map(|(i, c)| c.visible().map_err(|k| at(i, k)))
                .collect::<Result<Vec<Cell>, _>>()?;
            for (i, c) in cells.iter().enumerate() {
                if let Cell::Text(t) = c
                    && let Some(font) = crate::decode::legacy_font(t)
                {
                    return Err(at(
                        i,
                        ErrorKind::LegacyFont {
                            font,
                            value: t.trim().to_owned(),
                        },
                    ));
                }
            }
            let row = &Row {
                number: row.number,
                cells,
            };
            if strict_width && (row.cells.len() < needed || row.cells.len() > cols.len()) {
                return Err(at(
                    row.cells.len().min(cols.len()),
                    ErrorKind::Ragged {
                        expected: cols.len(),
                        found: row.cells.len(),
                    },
                ));
            }
            for (i, cell) in row.cells.iter().enumerate() {
                if matches!(cols.get(i), None | Some(Col::Untitled)) && !cell.is_blank() {
                    let value = cell.as_text().unwrap_or_default().into_string();
                    return Err(at(
                        i,
                        if strict_width && i >= cols.len() {
                            ErrorKind::Ragged {
                                expected: cols.len(),
                                found: row.cells.len(),
                            }
                        } else {
                            ErrorKind::UntitledColumn { value }
                        },
                    ));
                }
            }
            let cell = |f: Field| -> (&Cell, usize) {
                match index.get(&f) {
                    Some(&i) => (row.cells.get(i).unwrap_or(&Cell::Empty), i),
                    None => (&Cell::Empty, usize::MAX),
                }
            };
            let read = |f: Field| -> Result<&Cell, ImportError> { Ok(cell(f).0) };
            let fail = |f: Field, kind| at(cell(f).1, kind);

            let (name_cell, _) = cell(Field::Name);
            let name = name_cell.as_text().map_err(|k| fail(Field::Name, k))?;
            if name.trim().is_empty() {
                return Err(fail(Field::Name, ErrorKind::Empty));
            }
            let category =
                values::category(read(Field::Category)?).map_err(|k| fail(Field::Category, k))?;
            let mut m = Member::new(MemberId(members.len() as i64 + 1), &name, category);
            m.birth_date = values::cell_date(read(Field::BirthDate)?)
                .map_err(|k| fail(Field::BirthDate, k))?;
            m.gender = values::gender(read(Field::Gender)?).map_err(|k| fail(Field::Gender, k))?;
            m.posts = values::posts(read(Field::Posts)?).map_err(|k| fail(Field::Posts, k))?;
            m.admitted_on = values::cell_date(read(Field::AdmittedOn)?)
                .map_err(|k| fail(Field::AdmittedOn, k))?;
            m.official_on = values::cell_date(read(Field::OfficialOn)?)
                .map_err(|k| fail(Field::OfficialOn, k))?;
            (m.exempted, m.exempted_since) =
                values::exemption(read(Field::Exempted)?).map_err(|k| fail(Field::Exempted, k))?;
            m.party_card_number = card_number(read(Field::CardNumber)?, card_digits)
                .map_err(|k| fail(Field::CardNumber, k))?;
            if let Some(card) = &m.party_card_number
                && let Some(&first_row) = cards.get(card)
            {
                return Err(fail(
                    Field::CardNumber,
                    ErrorKind::DuplicateCardNumber {
                        value: card.clone(),
                        first_row,
                    },
                ));
            }
            if let Some(card) = &m.party_card_number {
                cards.insert(card.clone(), row.number);
            }
            members.push(m);
        }
        if members.is_empty() {
            return Err(head_err(ErrorKind::NoMembers));
        }
        Ok(members)
    }
}

/// Digits in a card-number cell: ASCII digits of text, digits of a whole number.
fn digits(cell: &Cell) -> usize {
    match cell {
        Cell::Text(s) => s.bytes().filter(u8::is_ascii_digit).count(),
        Cell::Number(n) => number_text(*n).bytes().filter(u8::is_ascii_digit).count(),
        _ => 0,
    }
}

/// The smallest ID number a number cell cannot hold exactly: 10^15, the first with 16 digits
/// (Excel keeps 15 significant digits; 2^53 ≈ 9.007·10^15 is f64's own limit).
const MAX_EXACT_ID: f64 = 1e15;

/// A party card number as text, exactly as written (NFC, trimmed). A number cell is accepted
/// only when it is a whole number with as many digits as the widest value in the column;
/// otherwise its leading zeros or its punctuation may have been lost and it is refused.
fn card_number(cell: &Cell, widest: usize) -> Result<Option<String>, ErrorKind> {
    match cell {
        c if c.is_blank() => Ok(None),
        // 16 digits or more: Excel has already kept only 15 of them (and above 2^53 the
        // reader's f64 cannot hold every integer); the number is not the one on the card.
        Cell::Number(n) if n.abs() >= MAX_EXACT_ID => Err(ErrorKind::NumberTooLong {
            value: number_text(*n),
        }),
        Cell::Number(n) => {
            let whole = n.fract() == 0.0 && *n > 0.0;
            if !whole || digits(cell) < widest {
                return Err(ErrorKind::CardNumberAsNumber {
                    value: number_text(*n),
                    expected_digits: widest,
                });
            }
            Ok(Some(number_text(*n)))
        }
        c => {
            let text = c.as_text()?;
            // Trimmed NFC text is NFC: no second normalisation.
            Ok(text.part(text.trim()).map(Nfc::into_string))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn headers() {
        assert_eq!(column_for("Họ và tên"), Col::Field(Field::Name));
        assert_eq!(column_for("HỌ TÊN"), Col::Field(Field::Name));
        assert_eq!(column_for("so_the_dang"), Col::Field(Field::CardNumber));
        assert_eq!(column_for("Ngày vào Đảng"), Col::Field(Field::AdmittedOn));
        assert_eq!(column_for("STT"), Col::Ignored);
        assert_eq!(column_for("Quê quán"), Col::Unknown);
    }

    #[test]
    fn two_header_rows_combine() {
        let t = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            combined_titles(
                &t(&["STT", "Họ và tên", "Ngày", "", "Loại", ""]),
                &t(&["", "", "vào Đảng", "chính thức", "", ""])
            ),
            t(&[
                "STT",
                "Họ và tên",
                "Ngày vào Đảng",
                "Ngày chính thức",
                "Loại",
                ""
            ])
        );
        // A title merged down (written in the lower row) is read from there.
        assert_eq!(
            combined_titles(&t(&["Họ và tên", ""]), &t(&["", "Giới tính"])),
            t(&["Họ và tên", "Giới tính"])
        );
    }
}
