//! `Book::check`: SQLite integrity, the audit chain and every closed meeting.

use minutebook_api::{ErrorCode, Integrity};

use crate::support::*;

#[test]
fn a_fresh_book_passes() {
    let c = Case::empty();
    let r = c.book.check().unwrap();
    assert!(r.ok, "{r:?}");
    assert_eq!(r.sqlite_integrity, "ok");
    assert!(r.meetings.is_empty());

    let (c, id) = Case::closed();
    let r = c.book.check().unwrap();
    assert!(r.ok, "{r:?}");
    assert!(r.audit.starts_with("ok"), "{}", r.audit);
    assert_eq!(r.meetings.len(), 1);
    assert_eq!(r.meetings[0].id, id);
    assert_eq!(r.meetings[0].integrity, Integrity::Intact);
}

#[test]
fn a_meeting_altered_behind_the_apps_back_is_reported() {
    let (c, id) = Case::closed();
    alter_behind_the_back(&c.db(), id);
    let r = c.book.check().unwrap();
    assert!(!r.ok, "{r:?}");
    // SQLite and the audit chain are fine: the alteration went through a real connection.
    assert_eq!(r.sqlite_integrity, "ok");
    assert!(r.audit.starts_with("ok"), "{}", r.audit);
    let m = r.meetings.iter().find(|m| m.id == id).unwrap();
    let Integrity::Altered { details } = &m.integrity else {
        panic!("not reported as altered: {m:?}");
    };
    assert!(
        details.iter().any(|d| d.contains("no longer match")),
        "{details:?}"
    );
    // The list and the report say so too, also after reopening the file.
    assert!(matches!(
        c.book.meetings().unwrap()[0].integrity,
        Integrity::Altered { .. }
    ));
    let db = c.db();
    drop(c.book);
    let book = minutebook_api::Book::open(&db).unwrap();
    assert!(matches!(
        book.report(id, None).unwrap().integrity,
        Integrity::Altered { .. }
    ));
    assert!(!book.check().unwrap().ok);
}

#[test]
fn an_open_meeting_is_not_checked_against_an_old_record() {
    let (mut c, id) = Case::closed();
    c.book.reopen_meeting(id).unwrap();
    c.book.set_vote_reading(id, 1, "all-official").unwrap();
    let r = c.book.check().unwrap();
    assert!(r.ok, "{r:?}");
    assert!(r.meetings.is_empty());
    fails(c.book.record_info(id), ErrorCode::InvalidInput);
}
