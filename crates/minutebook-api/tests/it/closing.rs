//! Closing a meeting into its record, reopening it, and version 2.

use minutebook_api::{ErrorCode, Integrity};

use crate::support::*;

#[test]
fn closing_stores_record_version_1_and_freezes_the_meeting() {
    let (mut c, id) = Case::with_meeting();
    let before = c.state();
    let info = c.book.close_meeting(id).unwrap();
    assert_eq!(info.meeting_id, id);
    assert_eq!((info.version, info.sequence), (1, 1));
    assert_eq!(info.status, "closed");
    assert!(info.signed_roles.is_empty());
    assert_eq!(info.missing_roles, ["chair", "minute-taker"]);
    assert_eq!(info.sha256.len(), 64);
    assert_eq!(c.status(id), "closed");
    assert_eq!(c.book.record_info(id).unwrap(), info);
    let after = c.state();
    assert_eq!(after.records.len(), before.records.len() + 1);
    let list = c.book.meetings().unwrap();
    assert_eq!(list[0].integrity, Integrity::Intact);
    // The record is the stored bytes, hashed as shown.
    let bundle = c.book.bundle(id).unwrap();
    assert_eq!(minutebook_sign::sha256_hex(&bundle.record), info.sha256);
}

#[test]
fn closing_twice_is_refused_and_changes_nothing() {
    let (mut c, id) = Case::closed();
    let e = fails_unchanged(&mut c, ErrorCode::Locked, |b| b.close_meeting(id));
    assert!(e.message.contains("already closed"), "{}", e.message);
    assert_eq!(c.book.record_info(id).unwrap().version, 1);
}

#[test]
fn a_closed_meeting_cannot_be_edited_in_place() {
    let (mut c, id) = Case::closed();
    fails_unchanged(&mut c, ErrorCode::Locked, |b| {
        b.set_vote_reading(id, 1, "all-official")
    });
    let doc = c.book.meeting_workspace(id).unwrap().doc;
    assert!(!c.book.meeting_workspace(id).unwrap().editable);
    fails_unchanged(&mut c, ErrorCode::Locked, |b| b.save_meeting_doc(id, &doc));
}

#[test]
fn reopen_then_close_again_makes_version_2_chained_to_version_1() {
    let (mut c, id) = Case::closed();
    let v1 = c.book.record_info(id).unwrap();
    c.book.reopen_meeting(id).unwrap();
    assert_eq!(c.status(id), "in-session");
    assert_eq!(c.book.meetings().unwrap()[0].integrity, Integrity::Open);
    // While reopened, the record is not current: no info, no bundle.
    fails(c.book.record_info(id), ErrorCode::InvalidInput);
    c.book.set_vote_reading(id, 2, "qd294-as-quoted").unwrap();
    let v2 = c.book.close_meeting(id).unwrap();
    assert_eq!(v2.version, 2);
    assert_eq!(
        v2.sequence, v1.sequence,
        "versions share the meeting's place in the book"
    );
    assert_ne!(v2.sha256, v1.sha256);
    assert_eq!(v2.status, "closed");
    let record: serde_json::Value =
        serde_json::from_slice(&c.book.bundle(id).unwrap().record).unwrap();
    assert_eq!(record["version"], 2);
    assert_eq!(record["previous_version_sha256"], v1.sha256.as_str());
    assert_eq!(c.book.meetings().unwrap()[0].integrity, Integrity::Intact);
    assert!(c.book.check().unwrap().ok);
}

#[test]
fn reopening_an_open_meeting_is_refused_and_changes_nothing() {
    let (mut c, id) = Case::with_meeting();
    fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| b.reopen_meeting(id));
}

#[test]
fn closing_a_meeting_that_does_not_exist_changes_nothing() {
    let (mut c, _) = Case::with_meeting();
    fails_unchanged(&mut c, ErrorCode::NotFound, |b| b.close_meeting(4242));
    fails_unchanged(&mut c, ErrorCode::NotFound, |b| b.reopen_meeting(4242));
}

#[test]
fn a_second_meeting_takes_the_next_place_in_the_book() {
    let (mut c, first) = Case::closed();
    let mut v: serde_json::Value = serde_json::from_slice(&meeting_json()).unwrap();
    v["meeting"]["date"] = "2026-04-05".into();
    v["meeting"]["subject"] = "Sinh hoạt chi bộ thường kỳ tháng 4/2026".into();
    let second = c
        .book
        .import_meeting(&serde_json::to_vec(&v).unwrap())
        .unwrap();
    let info = c.book.close_meeting(second).unwrap();
    assert_eq!((info.version, info.sequence), (1, 2));
    let record: serde_json::Value =
        serde_json::from_slice(&c.book.bundle(second).unwrap().record).unwrap();
    assert_eq!(
        record["previous_record_sha256"],
        c.book.record_info(first).unwrap().sha256.as_str()
    );
}
