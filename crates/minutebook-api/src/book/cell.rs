//! The cell and its settings.

use super::*;

impl Book {
    /// The cell, if created.
    ///
    /// # Errors
    /// Storage errors.
    pub fn cell(&self) -> Result<Option<CellView>, ApiError> {
        let Some(cell) = self.store.cell()? else {
            return Ok(None);
        };
        let d = convert::cell_doc(&self.cell_id()?, &cell);
        Ok(Some(CellView {
            id: d.id,
            name: d.name,
            upper_committee: d.upper_committee,
            place: d.place,
            document_code: d.document_code,
            default_reading: d.default_reading,
            required_roles: d.required_roles,
            counting_rule_citation: d.counting_rule_citation,
        }))
    }

    /// Creates the cell of a new minute book.
    ///
    /// # Errors
    /// `InvalidInput` when a field is empty or the book already has a cell.
    pub fn create_cell(&mut self, input: &CellInput) -> Result<CellView, ApiError> {
        self.use_case("create the cell", |book| {
            if book.store.cell()?.is_some() {
                return Err(ApiError::invalid("this minute book already has a cell"));
            }
            for (field, value) in [
                ("name", &input.name),
                ("upper_committee", &input.upper_committee),
                ("place", &input.place),
            ] {
                if value.trim().is_empty() {
                    return Err(ApiError::invalid(format!("{field} is empty")));
                }
            }
            let cell = Cell {
                name: {
                    let name = visible("name", input.name.trim())?;
                    printing::printable_name("name", &name)?;
                    name
                },
                upper_committee: visible("upper_committee", input.upper_committee.trim())?,
                place: visible("place", input.place.trim())?,
                document_code: visible("document_code", input.document_code.trim())?,
                settings: CellSettings::default(),
            };
            let id = slug(&cell.name);
            book.store.set_setting(CELL_ID_SETTING, &id)?;
            book.store.set_cell(&cell)?;
            book.cell()?.ok_or_else(|| ApiError::not_found("cell"))
        })
    }

    /// Sets the cell's default counting reading.
    ///
    /// # Errors
    /// `Usage` for an unknown reading.
    pub fn set_default_reading(&mut self, code: &str) -> Result<(), ApiError> {
        self.use_case("set the default counting reading", |book| {
            let mut cell = book.require_cell()?;
            cell.settings.default_reading = reading_of(code)?;
            Ok(book.store.set_cell(&cell)?)
        })
    }
}

/// A file-system-safe id from a cell name: "Chi bộ Tổ dân phố số 7" → "chi-bo-to-dan-pho-so-7".
fn slug(name: &str) -> String {
    let s: String = minutebook_core::text::strip_diacritics(name)
        .chars()
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect();
    let s = s
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() { "cell".to_owned() } else { s }
}
