//! The March 2026 case of Chi bộ Tổ dân phố số 7, loaded into a fresh minute book: what the
//! README's first command shows until the desktop app is open.

use std::path::Path;

use crate::book::Book;
use crate::error::ApiError;

/// The case as an interchange file (`examples/meeting-2026-03.json`).
pub const MARCH_2026: &[u8] = include_bytes!("../../../examples/meeting-2026-03.json");

/// Creates a fresh minute book at `db` (replacing a previous demo file) with the case in it;
/// returns the book and the meeting id.
///
/// # Errors
/// Storage errors.
pub fn run(db: &Path) -> Result<(Book, i64), ApiError> {
    for suffix in ["", "-wal", "-shm"] {
        let p = format!("{}{suffix}", db.display());
        let _ = std::fs::remove_file(p);
    }
    let mut book = Book::open(db)?;
    let id = book.import_meeting(MARCH_2026)?;
    Ok((book, id))
}
