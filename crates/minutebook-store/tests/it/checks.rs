//! Remembered integrity checks (schema v4): kept while nothing changes, forgotten by triggers
//! on any change to the meeting's rows, records or signatures — including changes made with
//! another SQLite connection — and never written over a concurrent outside commit.

use minutebook_core::MeetingStatus;
use rusqlite::Connection;

use crate::common::{populated, tempdir};

#[test]
fn a_check_is_remembered_until_anything_it_depended_on_changes() {
    let dir = tempdir();
    let (mut store, _, march) = populated(dir.path());
    let rv = store
        .insert_record_version(march, 1, b"record one")
        .unwrap();
    store.set_status(march, MeetingStatus::Closed).unwrap();

    let v = store.data_version().unwrap();
    assert!(
        store
            .remember_integrity_check(march, &rv.sha256, &[], v)
            .unwrap()
    );
    let checks = store.integrity_checks().unwrap();
    assert_eq!(checks[&march].record_sha256, rv.sha256);
    assert!(checks[&march].problems.is_empty());

    // Problems come back line by line.
    let problems = vec!["one".to_owned(), "two\nlines".to_owned()];
    store
        .remember_integrity_check(march, &rv.sha256, &problems, v)
        .unwrap();
    assert_eq!(
        store.integrity_checks().unwrap()[&march].problems,
        ["one", "two lines"]
    );

    // A vote edited with another connection (as with the sqlite3 CLI) forgets it.
    let other = Connection::open(dir.path().join("minutebook.db")).unwrap();
    other
        .execute(
            "UPDATE votes SET yes_count = yes_count WHERE position = 0",
            [],
        )
        .unwrap();
    assert!(store.integrity_checks().unwrap().is_empty());

    // The check began before that commit: it is not written.
    assert!(
        !store
            .remember_integrity_check(march, &rv.sha256, &[], v)
            .unwrap()
    );
    assert!(store.integrity_checks().unwrap().is_empty());

    // Each kind of row forgets it; so does a new record version.
    for sql in [
        "UPDATE meetings SET place = place",
        "UPDATE attendance SET position = position",
        "UPDATE agenda_items SET title = title",
        "UPDATE speeches SET gist = gist",
        "UPDATE action_items SET task = task",
    ] {
        let v = store.data_version().unwrap();
        assert!(
            store
                .remember_integrity_check(march, &rv.sha256, &[], v)
                .unwrap()
        );
        assert_eq!(store.integrity_checks().unwrap().len(), 1, "{sql}");
        let n = other.execute(sql, []).unwrap();
        assert!(n > 0, "{sql} changed nothing");
        assert!(store.integrity_checks().unwrap().is_empty(), "{sql}");
    }
    let v = store.data_version().unwrap();
    store
        .remember_integrity_check(march, &rv.sha256, &[], v)
        .unwrap();
    store
        .insert_record_version(march, 1, b"record two")
        .unwrap();
    assert!(store.integrity_checks().unwrap().is_empty());
}

#[test]
fn a_check_of_an_older_record_version_does_not_count() {
    let dir = tempdir();
    let (mut store, _, march) = populated(dir.path());
    let r1 = store
        .insert_record_version(march, 1, b"record one")
        .unwrap();
    store
        .insert_record_version(march, 1, b"record two")
        .unwrap();
    let v = store.data_version().unwrap();
    store
        .remember_integrity_check(march, &r1.sha256, &[], v)
        .unwrap();
    assert!(store.integrity_checks().unwrap().is_empty());
}
