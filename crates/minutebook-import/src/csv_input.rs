//! CSV: decode, sniff the delimiter, split into rows numbered as a spreadsheet numbers them.

use minutebook_core::text::Nfc;

use crate::decode;
use crate::error::{ErrorKind, ImportError};
use crate::table::{self, Row, Sheet};
use crate::values::Cell;

/// Delimiters tried, in order: `,` (the case file), `;` (Vietnamese regional settings), tab
/// (Excel's "Unicode Text").
const DELIMITERS: [char; 3] = [',', ';', '\t'];

/// Splits `text` into rows (RFC 4180, as Excel reads it). Row numbers count every line a
/// spreadsheet would show as a row: blank lines count, a quoted value spanning lines is one
/// row. A quote opens a quoted value only at the start of a value; `""` inside it is one quote.
///
/// Returns the row where a quoted value was opened and never closed as the error.
fn rows(text: &str, delimiter: char) -> Result<Vec<Row>, usize> {
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut at_field_start = true;
    let mut chars = text.chars().peekable();
    let push_field = |cells: &mut Vec<Cell>, field: &mut String| {
        let f = std::mem::take(field);
        cells.push(if f.is_empty() {
            Cell::Empty
        } else {
            // The file was normalised when decoded, so this is mostly a quick check; but a
            // field's text is not always a slice of the file (quotes are removed, and a mark
            // that followed a closing quote lands on the field's last letter).
            Cell::Text(Nfc::from(f))
        });
    };
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            c if c == delimiter => {
                push_field(&mut cells, &mut field);
                at_field_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                push_field(&mut cells, &mut field);
                rows.push(Row {
                    number: rows.len() + 1,
                    cells: std::mem::take(&mut cells),
                });
                at_field_start = true;
            }
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if quoted {
        return Err(rows.len() + 1);
    }
    if !field.is_empty() || !cells.is_empty() {
        push_field(&mut cells, &mut field);
        rows.push(Row {
            number: rows.len() + 1,
            cells,
        });
    }
    Ok(rows)
}

/// Reads a CSV file's members; see [`crate::import_csv`].
pub(crate) fn read(file: &str, bytes: &[u8]) -> Result<Vec<minutebook_core::Member>, ImportError> {
    let (text, _encoding) = decode::decode(bytes).map_err(|g| ImportError {
        row: Some(g.line),
        ..ImportError::file(file, g.kind)
    })?;
    for delimiter in DELIMITERS {
        let rows = rows(&text, delimiter).map_err(|row| ImportError {
            row: Some(row),
            ..ImportError::file(file, ErrorKind::UnclosedQuote)
        })?;
        if let Some(header) = table::find_header(&rows) {
            let sheet = Sheet {
                file: file.to_owned(),
                sheet: None,
                rows,
                col_offset: 0,
            };
            return sheet.members(header, true);
        }
    }
    Err(ImportError::file(
        file,
        ErrorKind::NoHeader {
            searched: table::HEADER_SEARCH_ROWS,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_numbers_count_blank_lines_and_not_embedded_newlines() {
        let r = rows("a,b\n\n\"x\ny\",c\r\n\r\nd,\"e\"\"\"\n", ',').unwrap();
        let numbers: Vec<usize> = r.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![1, 2, 3, 4, 5]);
        assert_eq!(r[1].cells, vec![Cell::Empty]);
        assert_eq!(r[2].cells[0], Cell::Text("x\ny".into()));
        assert_eq!(r[4].cells[1], Cell::Text("e\"".into()));
        assert_eq!(r[2].cells.len(), 2);
        assert_eq!(rows("a\n\"b,c\nd", ','), Err(2));
        assert_eq!(rows("a;b", ';').unwrap()[0].cells.len(), 2);
    }

    #[test]
    fn a_field_is_nfc_even_when_the_file_was() {
        // NFC as a whole (the quote keeps "e" and U+0301 apart), but not once unquoted.
        let r = rows("\"e\"\u{0301}\n", ',').unwrap();
        assert_eq!(r[0].cells[0], Cell::Text("\u{e9}".into()));
    }
}
