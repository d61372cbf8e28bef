//! Issue 14: each use case that changes the book is ONE SQLite transaction. A second, raw
//! connection plants a trigger that makes one of the use case's later writes fail; the use
//! case must then fail and leave the book exactly as it was — no record version of a meeting
//! still in session, no attestation of a meeting still `closed`, no part of a batch.
//!
//! ISSUE 14 — every test here fails on the code before the one-transaction change (the
//! earlier writes were committed in transactions of their own). The triggers fire on any
//! statement that sets the status or inserts the attestation, however the use case is written.

use std::path::Path;

use minutebook_api::ErrorCode;

use crate::support::*;

/// Plants `CREATE TRIGGER injected_failure …` (`body` after the trigger's name) in the book.
fn plant(db: &Path, body: &str) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(&format!(
        "CREATE TRIGGER injected_failure {body} BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"
    ))
    .unwrap();
}

fn remove(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch("DROP TRIGGER injected_failure;")
        .unwrap();
}

/// The status change of a meeting to `status` fails.
fn refuse_status(db: &Path, status: &str) {
    plant(
        db,
        &format!("BEFORE UPDATE ON meetings WHEN NEW.status = '{status}'"),
    );
}

#[track_caller]
fn fails_and_changes_nothing<T: std::fmt::Debug>(
    c: &mut Case,
    f: impl FnOnce(&mut minutebook_api::Book) -> Result<T, minutebook_api::ApiError>,
) {
    let before = c.state();
    let r = f(&mut c.book);
    assert!(
        r.is_err(),
        "the planted failure did not fail the use case: {r:?}"
    );
    assert_unchanged(c, &before, "the failed use case left part of its writes");
}

#[test]
fn a_close_whose_status_change_fails_stores_no_record() {
    let (mut c, id) = Case::with_meeting();
    refuse_status(&c.db(), "closed");
    fails_and_changes_nothing(&mut c, |b| b.close_meeting(id));
    assert_eq!(c.status(id), "in-session");
    fails(c.book.record_info(id), ErrorCode::InvalidInput);
    // Once the failure is gone, closing makes version 1 (not 2).
    remove(&c.db());
    assert_eq!(c.book.close_meeting(id).unwrap().version, 1);
}

#[test]
fn a_sign_whose_status_change_fails_stores_no_attestation() {
    let (mut c, id) = Case::with_meeting();
    c.book.key_new(CHAIR, PASS).unwrap();
    c.book.close_meeting(id).unwrap();
    refuse_status(&c.db(), "signing");
    fails_and_changes_nothing(&mut c, |b| b.sign(id, CHAIR, "chair", PASS));
    assert_eq!(c.attestations(id), 0);
    assert_eq!(c.status(id), "closed");
    remove(&c.db());
    assert_eq!(
        c.book.sign(id, CHAIR, "chair", PASS).unwrap().stem,
        "01-chair"
    );
}

/// A closed meeting and a folder with the chair's (01) and the minute-taker's (02)
/// attestations, both keys pinned.
fn closed_with_batch() -> (Case, i64, std::path::PathBuf) {
    let (mut c, id) = Case::with_meeting();
    c.book.close_meeting(id).unwrap();
    let request = c.path("request");
    c.book.export_signing_request(id, &request).unwrap();
    let batch = c.path("batch");
    for (member, role, n) in [(CHAIR, "chair", "01"), (MINUTE_TAKER, "minute-taker", "02")] {
        let out = c.path(role);
        let own = sign_elsewhere(&request, member, role, &out);
        let public = own.book.key_export_public(member).unwrap();
        c.book.key_pin(member, public.as_bytes()).unwrap();
        copy_attestation(&out, &format!("01-{role}"), &batch, &format!("{n}-{role}"));
    }
    (c, id, batch)
}

#[test]
fn an_import_whose_second_attestation_fails_to_store_imports_none() {
    let (mut c, id, batch) = closed_with_batch();
    plant(
        &c.db(),
        "BEFORE INSERT ON attestations WHEN NEW.stem LIKE '02-%'",
    );
    fails_and_changes_nothing(&mut c, |b| b.import_attestations(id, &batch));
    assert_eq!(c.attestations(id), 0);
    remove(&c.db());
    assert_eq!(c.book.import_attestations(id, &batch).unwrap().len(), 2);
    assert_eq!(c.status(id), "signed");
}

#[test]
fn an_import_whose_status_change_fails_imports_none() {
    let (mut c, id, batch) = closed_with_batch();
    refuse_status(&c.db(), "signed");
    fails_and_changes_nothing(&mut c, |b| b.import_attestations(id, &batch));
    assert_eq!(c.attestations(id), 0);
    assert_eq!(c.status(id), "closed");
}
