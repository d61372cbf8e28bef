//! XLSX via calamine: the first worksheet whose header is recognised.

use std::collections::HashSet;
use std::io::Cursor;
use std::panic::catch_unwind;

use calamine::{Data, DataRef, Reader, Xlsx};
use minutebook_core::Member;
use minutebook_core::text::Nfc;

use crate::decode;
use crate::error::{ErrorKind, ImportError};
use crate::table::{self, Row, Sheet, column_letter};
use crate::values::Cell;

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(Nfc::from(s.as_str())),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Cell::Date(i32::from(y), m, d)
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => Cell::Text(Nfc::from(s.split('T').next().unwrap_or_default())),
        Data::DurationIso(s) => Cell::Text(Nfc::from(s.as_str())),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

fn sheet(file: &str, name: &str, used: &Used) -> Result<Sheet, ImportError> {
    let range = &used.range;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::with_capacity(range.height());
    for (i, r) in range.rows().enumerate() {
        let number = row0 as usize + i + 1;
        let cells: Vec<Cell> = r
            .iter()
            .enumerate()
            .map(|(j, d)| {
                let pos = (row0 + i as u32, col0 + j as u32);
                if used.uncomputed.contains(&pos) {
                    Cell::Uncomputed
                } else {
                    cell(d)
                }
            })
            .collect();
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

/// The largest rectangle (rows × columns from the first to the last used cell) read from a
/// sheet. A roster of a few hundred members needs far less; without a bound, a hostile file
/// naming one far-away cell would make the reader allocate the whole rectangle (billions of
/// cells) and the process would die of it.
pub(crate) const MAX_SHEET_CELLS: u64 = 1_000_000;

/// A sheet's used cells, and the formula cells among them saved without a value.
struct Used {
    range: calamine::Range<Data>,
    /// (row, column), 0-based, of formulas with no cached value.
    uncomputed: HashSet<(u32, u32)>,
}

/// The used cells of sheet `name`, refused once they span more than [`MAX_SHEET_CELLS`].
/// A formula without a cached value is a used cell (its value is unknown, not empty).
fn range(workbook: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Result<Used, String> {
    let mut reader = workbook
        .worksheet_cells_reader(name)
        .map_err(|e| e.to_string())?;
    let mut cells = Vec::new();
    let mut uncomputed = HashSet::new();
    let (mut r0, mut r1, mut c0, mut c1) = (u32::MAX, 0u32, u32::MAX, 0u32);
    while let Some(c) = reader
        .next_cell_with_formula_metadata()
        .map_err(|e| e.to_string())?
    {
        if matches!(c.value, DataRef::Empty) {
            if c.formula.is_none() {
                continue;
            }
            uncomputed.insert(c.pos);
        }
        let (r, col) = c.pos;
        (r0, r1, c0, c1) = (r0.min(r), r1.max(r), c0.min(col), c1.max(col));
        let area = (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1);
        if area > MAX_SHEET_CELLS {
            return Err(format!(
                "sheet {name:?} spans {} rows × {} columns; at most {MAX_SHEET_CELLS} cells are read",
                u64::from(r1 - r0) + 1,
                u64::from(c1 - c0) + 1
            ));
        }
        cells.push(calamine::Cell::new((r, col), Data::from(c.value)));
    }
    Ok(Used {
        range: calamine::Range::from_sparse(cells),
        uncomputed,
    })
}

/// Reads a workbook's members; see [`crate::import_xlsx`].
///
/// The workbook is outside input read by a third-party parser (calamine, zip, quick-xml): a
/// panic inside it (fuzzing found an arithmetic overflow on a malformed cell reference) is
/// turned into a refusal of the file instead of taking the program down.
pub(crate) fn read(file: &str, bytes: &[u8]) -> Result<Vec<Member>, ImportError> {
    catch_unwind(|| read_workbook(file, bytes)).unwrap_or_else(|_| {
        Err(ImportError::file(
            file,
            ErrorKind::Workbook {
                detail: "the workbook is malformed: its contents could not be read".to_owned(),
            },
        ))
    })
}

fn read_workbook(file: &str, bytes: &[u8]) -> Result<Vec<Member>, ImportError> {
    let workbook_err = |detail: String| ImportError::file(file, ErrorKind::Workbook { detail });
    let mut workbook = Xlsx::new(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| workbook_err(e.to_string()))?;
    let mut last_err = None;
    for name in workbook.sheet_names() {
        let range = match range(&mut workbook, &name) {
            Ok(r) => r,
            Err(e) => {
                last_err = Some(workbook_err(e));
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
