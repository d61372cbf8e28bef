//! Disk full: a minute book on a small tmpfs the test mounts itself, filled with a ballast file.
//! Needs root (CI runs as root); without permission to mount, the test fails and says why.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use minutebook_api::{ApiError, ErrorCode};
use minutebook_core::meeting::MeetingId;
use minutebook_reliability::fixture::{content_hash, create_book, edited};
use minutebook_store::{Error, OpenOptions, Store};

/// Unmounts the tmpfs when the test ends, however it ends.
struct Mounted {
    dir: PathBuf,
    _tmp: tempfile::TempDir,
}

impl Mounted {
    fn tmpfs(size: &str) -> Mounted {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().join("small-disk");
        fs::create_dir(&dir).expect("mount point");
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .output();
        match out {
            Ok(o) if o.status.success() => {}
            Ok(o) => panic!(
                "the disk-full test must mount a small tmpfs and could not (run it as root, as CI \
                 does): mount said: {}",
                String::from_utf8_lossy(&o.stderr).trim()
            ),
            Err(e) => panic!("the disk-full test could not run `mount`: {e}"),
        }
        Mounted { dir, _tmp: tmp }
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let ok = Command::new("umount")
            .arg(&self.dir)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            let _ = Command::new("umount").arg("-l").arg(&self.dir).status();
        }
    }
}

/// Writes `path` until the file system refuses, in big then small pieces.
fn fill(path: &Path) {
    let mut f = fs::File::create(path).expect("ballast");
    for chunk in [1 << 20, 64 << 10, 4 << 10, 512, 1] {
        let buf = vec![0xA5u8; chunk];
        while f.write_all(&buf).is_ok() {}
    }
    let _ = f.sync_all();
}

#[test]
fn a_full_disk_gives_a_clear_error_keeps_the_text_and_the_book_and_saving_works_after() {
    // Room for the database, its WAL and the search index of a ~2.6 MB text once space is freed.
    let disk = Mounted::tmpfs("48m");
    let db = disk.dir.join("book.db");
    let id = create_book(&db).expect("create the book");
    let mut store = Store::open_with(&db, OpenOptions::default()).expect("open");
    let base = store.load_meeting(MeetingId(id)).expect("load");

    let saved = edited(&base, 1);
    store.save_meeting(&saved).expect("first save");

    let ballast = disk.dir.join("ballast");
    fill(&ballast);

    // What the user typed: far more than any free page left in the database or its WAL.
    let mut typed = edited(&base, 2);
    typed.agenda[0].presentation = format!(
        "edit 2: {}",
        "Ý kiến đóng góp của đảng viên về dự thảo nghị quyết. ".repeat(40_000)
    );
    let before = typed.clone();
    let err = store
        .save_meeting(&typed)
        .expect_err("a save onto a full disk must fail");
    assert!(matches!(err, Error::DiskFull(_)), "not DiskFull: {err:?}");
    let api = ApiError::from(err);
    assert_eq!(api.code, ErrorCode::DiskFull, "{api:?}");
    let json = serde_json::to_value(&api).expect("serialise");
    assert_eq!(json["code"], "disk-full", "{json}");
    assert_eq!(typed, before, "the text the user typed is kept");

    store
        .integrity_check()
        .expect("integrity after the failed save");
    store.verify_audit_chain().expect("audit chain");
    let now = store.load_meeting(MeetingId(id)).expect("load");
    assert_eq!(
        content_hash(&now),
        content_hash(&saved),
        "previous save kept"
    );
    drop(store);
    // A fresh connection sees the same.
    let reopened = Store::open_with(&db, OpenOptions::default()).expect("reopen on a full disk");
    reopened.integrity_check().expect("integrity");
    assert_eq!(
        content_hash(&reopened.load_meeting(MeetingId(id)).expect("load")),
        content_hash(&saved)
    );
    let mut store = reopened;

    fs::remove_file(&ballast).expect("free the space");
    store
        .save_meeting(&typed)
        .expect("save after freeing space");
    let now = store.load_meeting(MeetingId(id)).expect("load");
    assert_eq!(now.agenda[0].presentation, typed.agenda[0].presentation);
    store.integrity_check().expect("integrity");
    store.verify_audit_chain().expect("audit chain");
}

#[test]
fn a_full_disk_fails_the_daily_backup_but_not_the_opening_and_the_next_day_backs_up() {
    use std::sync::Arc;

    use minutebook_api::{Book, DailyBackup};
    use minutebook_store::FixedClock;
    use time::macros::datetime;

    let disk = Mounted::tmpfs("8m");
    let db = disk.dir.join("book.db");
    let id = create_book(&db).expect("create the book");
    // Another window still has the book open (so its WAL and shared memory exist), and the
    // backups folder is there: what fills up is the backup itself.
    let other = Store::open_with(&db, OpenOptions::default()).expect("open");
    let backups = minutebook_api::backups::backups_dir(&db);
    fs::create_dir_all(&backups).expect("backups folder");
    let ballast = disk.dir.join("ballast");
    fill(&ballast);

    let day1 = Arc::new(FixedClock::at(datetime!(2026-03-10 08:00 +07:00)));
    let book = Book::open_with_clock(&db, day1).expect("a full disk must not stop the opening");
    let Some(warning) = book.daily_backup().warning() else {
        panic!("no warning on a full disk: {:?}", book.daily_backup());
    };
    assert_eq!(warning.code, ErrorCode::DiskFull, "{warning:?}");
    let left: Vec<_> = fs::read_dir(&backups).expect("list").collect();
    assert!(left.is_empty(), "a failed backup left files: {left:?}");
    // The book is intact and readable.
    assert_eq!(book.check().expect("check").sqlite_integrity, "ok");
    let m = book.meeting(id).expect("load");
    assert_eq!(
        content_hash(&m),
        content_hash(&other.load_meeting(MeetingId(id)).unwrap())
    );
    drop(book);

    fs::remove_file(&ballast).expect("free the space");
    let day1_later = Arc::new(FixedClock::at(datetime!(2026-03-10 09:00 +07:00)));
    let book = Book::open_with_clock(&db, day1_later).expect("open");
    let DailyBackup::Written { path } = book.daily_backup() else {
        panic!("no backup once space is free: {:?}", book.daily_backup());
    };
    let copy = Store::open_with(path, OpenOptions::default()).expect("open the backup");
    copy.integrity_check()
        .expect("the backup passes integrity_check");
    assert_eq!(
        content_hash(&copy.load_meeting(MeetingId(id)).expect("load")),
        content_hash(&m)
    );
}
