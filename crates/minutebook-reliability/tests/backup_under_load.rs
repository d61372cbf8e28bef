//! Backups while another connection keeps saving: every backup opens, passes integrity_check,
//! its audit chain verifies and is a prefix of the source's, and restoring it (opening it as the
//! book) gives exactly the meeting the source held at that audit position.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use minutebook_api::Book;
use minutebook_core::meeting::MeetingId;
use minutebook_reliability::fixture::{content_hash, create_book, edit_number, edited};
use minutebook_store::{OpenOptions, Store};

#[test]
fn backups_taken_during_writes_are_consistent_snapshots_and_restore() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("book.db");
    let id = create_book(&db).expect("create");
    let base = Store::open_with(&db, OpenOptions::default())
        .and_then(|s| s.load_meeting(MeetingId(id)))
        .expect("load");

    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (db, base, stop) = (db.clone(), base.clone(), stop.clone());
        thread::spawn(move || {
            let mut s = Store::open_with(&db, OpenOptions::default()).expect("writer open");
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                s.save_meeting(&edited(&base, n)).expect("writer save");
            }
            n
        })
    };

    let book = Book::open(&db).expect("open the book");
    let mut backups = Vec::new();
    for i in 0..5 {
        thread::sleep(Duration::from_millis(30));
        let dest = dir.path().join(format!("backup-{i}.db"));
        book.backup(&dest).expect("backup while writing");
        backups.push(dest);
    }
    stop.store(true, Ordering::SeqCst);
    let written = writer.join().expect("writer");
    assert!(written > 5, "the writer made only {written} saves");
    let source_log = Store::open_with(&db, OpenOptions::default())
        .expect("second connection")
        .audit_log()
        .expect("source log");

    let mut seen = Vec::new();
    for b in &backups {
        let s = Store::open_with(b, OpenOptions::default()).expect("open backup");
        s.integrity_check().expect("backup integrity");
        let entries = s.verify_audit_chain().expect("backup audit chain") as usize;
        let log = s.audit_log().expect("backup log");
        assert_eq!(log[..], source_log[..entries], "backup log is a prefix");
        let m = s.load_meeting(MeetingId(id)).expect("backup meeting");
        let n = edit_number(&m).expect("an edit");
        assert_eq!(content_hash(&m), content_hash(&edited(&base, n)));
        drop(s);

        // Restore: the backup, opened as the minute book.
        let restored = dir.path().join("restored.db");
        let _ = std::fs::remove_file(&restored);
        std::fs::copy(b, &restored).expect("copy");
        let r = Book::open(&restored).expect("open the restored book");
        let report = r.check().expect("check");
        assert!(report.ok, "{report:?}");
        assert_eq!(
            content_hash(&r.meeting(id).expect("meeting")),
            content_hash(&m)
        );
        seen.push(n);
    }
    assert!(
        seen.windows(2).all(|w| w[0] <= w[1]),
        "backups go forward: {seen:?}"
    );
}
