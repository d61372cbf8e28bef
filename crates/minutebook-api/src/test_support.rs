//! Fixtures shared by the unit tests of this crate (compiled for tests only).

use std::path::Path;

use crate::book::Book;
use crate::views::CellInput;

/// The cell of the March 2026 case (`shared/cases/meeting-2026-03.md`).
pub(crate) fn case_cell() -> CellInput {
    CellInput {
        name: "Chi bộ Tổ dân phố số 7".into(),
        upper_committee: "Đảng bộ phường Thanh Bình".into(),
        place: "Hà Nội".into(),
        document_code: "CB".into(),
    }
}

/// A new minute book at `dir/name` with the case's cell.
pub(crate) fn book_with_cell(dir: &Path, name: &str) -> Book {
    let mut b = Book::open(&dir.join(name)).unwrap();
    b.create_cell(&case_cell()).unwrap();
    b
}

/// A minute book in a fresh temporary folder with the case's cell and its 13-member roster.
pub(crate) fn case_book() -> (tempfile::TempDir, Book) {
    let dir = tempfile::tempdir().unwrap();
    let mut b = book_with_cell(dir.path(), "m.db");
    let roster = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/cases/roster-to-dan-pho-7.csv"
    );
    b.import_roster(Path::new(roster)).unwrap();
    (dir, b)
}
