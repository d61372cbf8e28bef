//! The March 2026 case of Chi bộ Tổ dân phố số 7, loaded into a fresh minute book: what the
//! README's first command shows until the desktop app is open.

use std::path::Path;

use crate::book::Book;
use crate::error::ApiError;

/// The case as an interchange file (`examples/meeting-2026-03.json`).
pub const MARCH_2026: &[u8] = include_bytes!("../../../examples/meeting-2026-03.json");

/// The setting that marks a minute book made by [`run`], so that only such a file is ever
/// replaced by the next demo.
pub const DEMO_SETTING: &str = "demo";

/// Creates a fresh minute book at `db` with the case in it (replacing a previous demo file, and
/// only a demo file); returns the book and the meeting id.
///
/// # Errors
/// `InvalidInput` when `db` exists and is not a demo book (a real minute book is never
/// replaced); storage errors.
pub fn run(db: &Path) -> Result<(Book, i64), ApiError> {
    if db.exists() {
        let is_demo = Book::open(db)
            .ok()
            .and_then(|b| b.store().setting(DEMO_SETTING).ok().flatten())
            .is_some();
        if !is_demo {
            return Err(ApiError::invalid(format!(
                "{}: this file is not a demo minute book, and the demo never replaces one; \
                 choose another --db (nothing was changed)",
                db.display()
            )));
        }
        remove_book_files(db);
    }
    let mut book = Book::open(db)?;
    let id = book.use_case("make the demo book", |b| {
        b.store_mut().set_setting(DEMO_SETTING, "1")?;
        b.import_meeting(MARCH_2026)
    })?;
    Ok((book, id))
}

/// Deletes the SQLite file at `db` with its `-wal` and `-shm` companions, ignoring absent ones.
/// Only for demo books: callers decide that the file is theirs to delete.
pub fn remove_book_files(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_replaces_only_a_demo_book() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("demo.db");
        drop(run(&db).unwrap());
        // A second demo replaces the first: still one meeting.
        let (book, _) = run(&db).unwrap();
        assert_eq!(book.meetings().unwrap().len(), 1);
        drop(book);
        // A real minute book is refused and left as it was.
        let real = crate::test_support::book_with_cell(dir.path(), "real.db");
        drop(real);
        let before = std::fs::read(dir.path().join("real.db")).unwrap();
        let Err(err) = run(&dir.path().join("real.db")) else {
            panic!("the demo replaced a real minute book");
        };
        assert_eq!(err.code, crate::ErrorCode::InvalidInput);
        assert!(err.message.contains("not a demo"), "{err:?}");
        let book = Book::open(&dir.path().join("real.db")).unwrap();
        assert_eq!(book.meetings().unwrap().len(), 0);
        assert_eq!(book.cell().unwrap().unwrap().name, "Chi bộ Tổ dân phố số 7");
        drop(book);
        assert!(!before.is_empty());
    }
}
