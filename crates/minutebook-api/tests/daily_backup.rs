//! The rolling daily backup `Book::open` takes: real SQLite files in temp dirs, a fixed clock
//! for the day.

use std::path::Path;
use std::sync::Arc;

use minutebook_api::backups::backups_dir;
use minutebook_api::{Book, CellInput, DailyBackup, ErrorCode};
use minutebook_store::{FixedClock, OpenOptions, Store};
use time::OffsetDateTime;
use time::macros::datetime;

fn open_at(db: &Path, at: OffsetDateTime) -> Book {
    Book::open_with_clock(db, Arc::new(FixedClock::at(at))).expect("open the book")
}

/// Creates a book with its cell at `db`; the opening that creates the file backs nothing up.
fn new_book(db: &Path, at: OffsetDateTime) {
    let mut book = open_at(db, at);
    assert_eq!(book.daily_backup(), &DailyBackup::NewBook);
    book.create_cell(&CellInput {
        name: "Chi bộ Khu phố 7".to_owned(),
        upper_committee: "Đảng ủy phường Tân Định".to_owned(),
        place: "Phường Tân Định".to_owned(),
        document_code: "CB".to_owned(),
    })
    .expect("create the cell");
}

/// The daily backups in `dir`, sorted by name.
fn dailies(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".daily-"))
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

#[test]
fn the_first_opening_of_a_day_writes_one_backup_and_later_openings_that_day_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    new_book(&db, datetime!(2026-03-10 08:00 +07:00));
    let backups = backups_dir(&db);
    assert_eq!(backups, dir.path().join("backups"));
    assert!(
        dailies(&backups).is_empty(),
        "a new, empty book was backed up"
    );

    let book = open_at(&db, datetime!(2026-03-10 09:00 +07:00));
    let want = backups.join("book.db.daily-2026-03-10.bak");
    assert_eq!(
        book.daily_backup(),
        &DailyBackup::Written {
            path: want.display().to_string()
        }
    );
    assert_eq!(book.daily_backup().warning(), None);
    drop(book);
    // The backup is a whole, checked minute book holding the cell.
    let copy = Store::open_with(&want, OpenOptions::default()).expect("open the backup");
    copy.integrity_check()
        .expect("the backup passes integrity_check");
    copy.verify_audit_chain()
        .expect("the backup's audit chain verifies");
    assert_eq!(copy.cell().unwrap().unwrap().name, "Chi bộ Khu phố 7");
    drop(copy);
    let written = std::fs::read(&want).unwrap();

    // Later the same (Vietnamese) day: nothing new, the morning's backup untouched.
    for at in [
        datetime!(2026-03-10 09:00 +07:00),
        datetime!(2026-03-10 23:59 +07:00),
        datetime!(2026-03-10 16:30 UTC),
    ] {
        let book = open_at(&db, at);
        assert_eq!(book.daily_backup(), &DailyBackup::AlreadyToday, "at {at}");
    }
    assert_eq!(dailies(&backups), ["book.db.daily-2026-03-10.bak"]);
    assert_eq!(std::fs::read(&want).unwrap(), written);

    // 17:00 UTC is already the next day in Vietnam.
    let book = open_at(&db, datetime!(2026-03-10 17:00 UTC));
    assert!(matches!(book.daily_backup(), DailyBackup::Written { .. }));
    assert_eq!(
        dailies(&backups),
        [
            "book.db.daily-2026-03-10.bak",
            "book.db.daily-2026-03-11.bak"
        ]
    );
}

#[test]
fn pruning_keeps_the_number_the_backups_to_keep_setting_says() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    new_book(&db, datetime!(2026-03-01 08:00 +07:00));
    open_at(&db, datetime!(2026-03-01 09:00 +07:00))
        .set_backups_to_keep(3)
        .unwrap();
    for day in 1..=7u8 {
        let at = datetime!(2026-03-01 10:00 +07:00).replace_day(day).unwrap();
        let book = open_at(&db, at);
        assert_eq!(book.daily_backup().warning(), None, "day {day}");
    }
    assert_eq!(
        dailies(&backups_dir(&db)),
        [
            "book.db.daily-2026-03-05.bak",
            "book.db.daily-2026-03-06.bak",
            "book.db.daily-2026-03-07.bak"
        ]
    );
    // Other files in the folder (the desktop's "Back up now" copies) are never pruned.
    let manual = backups_dir(&db).join("minutebook-1772000000.db");
    open_at(&db, datetime!(2026-03-07 11:00 +07:00))
        .backup(&manual)
        .unwrap();
    for day in 8..=12u8 {
        open_at(
            &db,
            datetime!(2026-03-01 10:00 +07:00).replace_day(day).unwrap(),
        );
    }
    assert_eq!(dailies(&backups_dir(&db)).len(), 3);
    assert!(manual.exists());
}

#[test]
fn without_the_setting_five_daily_backups_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    new_book(&db, datetime!(2026-04-01 08:00 +07:00));
    for day in 1..=8u8 {
        open_at(
            &db,
            datetime!(2026-04-01 10:00 +07:00).replace_day(day).unwrap(),
        );
    }
    let kept = dailies(&backups_dir(&db));
    assert_eq!(kept.len(), 5);
    assert_eq!(kept[0], "book.db.daily-2026-04-04.bak");
}

#[test]
fn a_failed_backup_is_reported_and_the_book_still_opens_and_saves() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    new_book(&db, datetime!(2026-03-10 08:00 +07:00));
    // A file where the backups folder should be: the folder cannot be created.
    std::fs::write(dir.path().join("backups"), b"not a folder").unwrap();
    let mut book = open_at(&db, datetime!(2026-03-11 08:00 +07:00));
    let Some(warning) = book.daily_backup().warning() else {
        panic!("no warning: {:?}", book.daily_backup());
    };
    assert_eq!(warning.code, ErrorCode::Io);
    assert!(
        warning.message.contains("daily backup") && warning.message.contains("backups"),
        "{}",
        warning.message
    );
    // The book is fully usable: a change is saved and read back through a new opening.
    book.set_default_reading("all-official").unwrap();
    drop(book);
    let book = open_at(&db, datetime!(2026-03-11 09:00 +07:00));
    assert_eq!(
        book.cell().unwrap().unwrap().default_reading,
        "all-official"
    );
    // Once the obstacle is gone, the next opening makes the day's backup.
    drop(book);
    std::fs::remove_file(dir.path().join("backups")).unwrap();
    let book = open_at(&db, datetime!(2026-03-11 10:00 +07:00));
    assert!(matches!(book.daily_backup(), DailyBackup::Written { .. }));
}

/// A clock the test moves forward.
struct MovingClock(std::sync::Mutex<OffsetDateTime>);

impl minutebook_store::Clock for MovingClock {
    fn now(&self) -> OffsetDateTime {
        *self.0.lock().unwrap()
    }
}

#[test]
fn a_book_kept_open_past_midnight_takes_the_next_days_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("book.db");
    new_book(&db, datetime!(2026-03-04 10:00 UTC));
    let clock = Arc::new(MovingClock(std::sync::Mutex::new(
        datetime!(2026-03-05 09:00 UTC),
    )));
    let mut book = Book::open_with_clock(&db, clock.clone()).unwrap();
    assert_eq!(dailies(&backups_dir(&db)).len(), 1);
    // Same day in Vietnam (16:59 UTC is 23:59 in Hà Nội): nothing new.
    *clock.0.lock().unwrap() = datetime!(2026-03-05 16:59 UTC);
    assert!(matches!(
        book.keep_daily_backup(),
        DailyBackup::Written { .. }
    ));
    assert_eq!(dailies(&backups_dir(&db)).len(), 1);
    // 17:00 UTC is midnight in Hà Nội: the next day's backup, while the book stays open.
    *clock.0.lock().unwrap() = datetime!(2026-03-05 17:00 UTC);
    assert!(matches!(
        book.keep_daily_backup(),
        DailyBackup::Written { .. }
    ));
    assert_eq!(
        dailies(&backups_dir(&db)),
        vec![
            "book.db.daily-2026-03-05.bak".to_owned(),
            "book.db.daily-2026-03-06.bak".to_owned()
        ]
    );
}
