//! A use case's one transaction ([`Store::begin`] / [`Store::transaction`]): everything it
//! writes is kept together or not at all, and what it reads is what it writes over.

use minutebook_core::MeetingStatus;
use minutebook_store::{Error, Store};

use crate::common::{open, populated, tempdir};

#[test]
fn a_use_case_is_kept_whole_when_it_commits() {
    let dir = tempdir();
    let (mut store, _, march) = populated(dir.path());
    let before = store.audit_log().unwrap().len();
    store
        .transaction("close", |s: &mut Store| -> Result<(), Error> {
            let seq = s.next_sequence()?;
            s.insert_record_version(march, seq, b"record one")?;
            s.set_status(march, MeetingStatus::Closed)
        })
        .unwrap();
    // Another connection sees both writes, each with its own audit entry, one instant.
    let other = open(&dir.path().join("minutebook.db"));
    assert_eq!(
        other.load_meeting(march).unwrap().status,
        MeetingStatus::Closed
    );
    assert!(other.latest_record_version(march).unwrap().is_some());
    let log = other.audit_log().unwrap();
    assert_eq!(log.len(), before + 2);
    assert_eq!(log[before].at, log[before + 1].at);
    other.verify_audit_chain().unwrap();
}

#[test]
fn a_use_case_that_fails_leaves_nothing() {
    let dir = tempdir();
    let (mut store, _, march) = populated(dir.path());
    let before = store.audit_log().unwrap().len();
    let err = store
        .transaction("close", |s: &mut Store| -> Result<(), Error> {
            s.insert_record_version(march, 1, b"record one")?;
            // The second write is refused: the first must go too.
            s.insert_record_version(march, 7, b"record two")?;
            s.set_status(march, MeetingStatus::Closed)
        })
        .unwrap_err();
    assert!(matches!(err, Error::Constraint { .. }), "{err}");
    assert!(!store.in_use_case());
    assert_eq!(store.latest_record_version(march).unwrap(), None);
    assert_eq!(
        store.load_meeting(march).unwrap().status,
        MeetingStatus::InSession
    );
    assert_eq!(store.audit_log().unwrap().len(), before);
    // The store is usable afterwards.
    store
        .insert_record_version(march, 1, b"record one")
        .unwrap();
}

#[test]
fn a_failed_write_inside_a_use_case_is_undone_alone() {
    let dir = tempdir();
    let (mut store, _, march) = populated(dir.path());
    store.begin("close").unwrap();
    store
        .insert_record_version(march, 1, b"record one")
        .unwrap();
    // Refused write, error handled by the use case: its savepoint is rolled back only.
    assert!(
        store
            .insert_record_version(march, 9, b"record two")
            .is_err()
    );
    store.set_status(march, MeetingStatus::Closed).unwrap();
    store.commit().unwrap();
    assert_eq!(store.record_versions(march).unwrap().len(), 1);
    assert_eq!(
        store.load_meeting(march).unwrap().status,
        MeetingStatus::Closed
    );
    store.verify_audit_chain().unwrap();
}

#[test]
fn an_abandoned_use_case_is_rolled_back_when_the_connection_closes() {
    let dir = tempdir();
    let db = dir.path().join("minutebook.db");
    let (mut store, _, march) = populated(dir.path());
    store.begin("close").unwrap();
    store
        .insert_record_version(march, 1, b"record one")
        .unwrap();
    drop(store); // as a crash would: no commit
    let store = open(&db);
    assert_eq!(store.latest_record_version(march).unwrap(), None);
    store.integrity_check().unwrap();
    store.verify_audit_chain().unwrap();
}

#[test]
fn use_cases_do_not_nest_and_hold_the_write_lock() {
    let dir = tempdir();
    let db = dir.path().join("minutebook.db");
    let (mut store, _, march) = populated(dir.path());
    store.begin("close").unwrap();
    assert!(matches!(store.begin("sign"), Err(Error::Constraint { .. })));
    assert!(matches!(store.commit(), Ok(())));
    assert!(matches!(store.commit(), Err(Error::Constraint { .. })));
    store.rollback(); // nothing open: no effect
    // While a use case is open, its reads and writes are isolated from other connections.
    store.begin("close").unwrap();
    store.set_status(march, MeetingStatus::Closed).unwrap();
    let other = open(&db);
    assert_eq!(
        other.load_meeting(march).unwrap().status,
        MeetingStatus::InSession
    );
    store.rollback();
    assert_eq!(
        store.load_meeting(march).unwrap().status,
        MeetingStatus::InSession
    );
}
