//! XLSX via calamine: the first worksheet whose header is recognised.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use minutebook_core::Member;
use minutebook_core::text::nfc;

use crate::decode;
use crate::error::{ErrorKind, ImportError};
use crate::table::{self, Row, Sheet, column_letter};
use crate::values::Cell;

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(nfc(s)),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Cell::Date(i32::from(y), m, d)
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => Cell::Text(s.split('T').next().unwrap_or_default().to_owned()),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

fn sheet(file: &str, name: &str, range: &calamine::Range<Data>) -> Result<Sheet, ImportError> {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::with_capacity(range.height());
    for (i, r) in range.rows().enumerate() {
        let number = row0 as usize + i + 1;
        let cells: Vec<Cell> = r.iter().map(cell).collect();
        for (j, c) in cells.iter().enumerate() {
            if let Cell::Text(s) = c
                && let Err(g) = decode::check_garbled(s)
            {
                return Err(ImportError {
                    file: file.to_owned(),
                    sheet: Some(name.to_owned()),
                    row: Some(number),
                    column: Some(column_letter(col0 as usize + j)),
                    kind: Box::new(g.kind),
                });
            }
        }
        rows.push(Row { number, cells });
    }
    Ok(Sheet {
        file: file.to_owned(),
        sheet: Some(name.to_owned()),
        rows,
        col_offset: col0 as usize,
    })
}

/// Reads a workbook's members; see [`crate::import_xlsx`].
pub(crate) fn read(file: &str, bytes: &[u8]) -> Result<Vec<Member>, ImportError> {
    let workbook_err = |detail: String| ImportError::file(file, ErrorKind::Workbook { detail });
    let mut workbook = Xlsx::new(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| workbook_err(e.to_string()))?;
    let mut last_err = None;
    for name in workbook.sheet_names() {
        let range = match workbook.worksheet_range(&name) {
            Ok(r) => r,
            Err(e) => {
                last_err = Some(workbook_err(e.to_string()));
                continue;
            }
        };
        let sheet = sheet(file, &name, &range)?;
        if let Some(header) = table::find_header(&sheet.rows) {
            return sheet.members(header, false);
        }
    }
    Err(last_err.unwrap_or_else(|| {
        ImportError::file(
            file,
            ErrorKind::NoHeader {
                searched: table::HEADER_SEARCH_ROWS,
            },
        )
    }))
}
