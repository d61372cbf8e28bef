//! Importing, creating and editing meetings while they are open.

use minutebook_api::workspace::NewMeetingInput;
use minutebook_api::{ErrorCode, Integrity};

use crate::support::*;

#[test]
fn the_march_meeting_imports_onto_the_roster_in_session() {
    let (c, id) = Case::with_meeting();
    // Matched to the roster already there: no member added twice.
    assert_eq!(c.book.members().unwrap().len(), 13);
    let list = c.book.meetings().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, id);
    assert_eq!(list[0].status, "in-session");
    assert_eq!(list[0].date, "2026-03-05");
    assert_eq!(list[0].integrity, Integrity::Open);
    let m = c.book.meeting(id).unwrap();
    let chair = c.book.find_member(CHAIR).unwrap();
    assert_eq!(m.chair, Some(chair.id));
}

#[test]
fn importing_into_an_empty_book_creates_the_cell_and_roster() {
    let mut c = Case::empty();
    let id = c.book.import_meeting(&meeting_json()).unwrap();
    assert_eq!(
        c.book.cell().unwrap().unwrap().name,
        "Chi bộ Tổ dân phố số 7"
    );
    assert_eq!(c.book.members().unwrap().len(), 13);
    assert_eq!(c.status(id), "in-session");
}

#[test]
fn a_meeting_of_another_cell_is_refused_and_nothing_changes() {
    let mut c = Case::empty();
    let mut other = case_cell();
    other.name = "Chi bộ Khu phố 3".into();
    c.book.create_cell(&other).unwrap();
    c.book.import_roster(&roster_csv()).unwrap();
    let json = meeting_json();
    let e = fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| b.import_meeting(&json));
    assert!(e.message.contains("cell.name"), "{}", e.message);
    assert!(c.book.meetings().unwrap().is_empty());
}

#[test]
fn a_broken_meeting_file_is_refused_and_nothing_changes() {
    let mut c = Case::with_roster();
    let mut v: serde_json::Value = serde_json::from_slice(&meeting_json()).unwrap();
    // A vote by a member who is not on the file's roster: the import must stop before writing
    // the members it lacks or the cell.
    v["meeting"]["chair"]["member_id"] = "m99".into();
    let bytes = serde_json::to_vec(&v).unwrap();
    fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| {
        b.import_meeting(&bytes)
    });
    fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| {
        b.import_meeting(b"{\"type\":")
    });
    assert!(c.book.meetings().unwrap().is_empty());

    // Same on an empty book: neither cell nor roster appear.
    let mut c = Case::empty();
    fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| {
        b.import_meeting(&bytes)
    });
    assert_eq!(c.book.cell().unwrap(), None);
}

#[test]
fn an_exported_meeting_imports_into_another_book_as_it_was() {
    let (c, id) = Case::with_meeting();
    let exported = c.book.export_meeting(id).unwrap();
    let mut other = Case::with_roster();
    let id2 = other.book.import_meeting(&exported).unwrap();
    assert_eq!(other.book.export_meeting(id2).unwrap(), exported);
}

#[test]
fn a_new_meeting_is_created_and_edited_through_the_workspace() {
    let mut c = Case::with_roster();
    let id = c
        .book
        .create_meeting(&NewMeetingInput {
            kind: "regular".into(),
            date: "2026-04-22".into(),
            subject: String::new(),
            place: "Nhà văn hóa tổ dân phố số 7".into(),
        })
        .unwrap();
    let ws = c.book.meeting_workspace(id).unwrap();
    assert!(ws.editable);
    assert_eq!(ws.doc.attendance.len(), 13);
    let mut doc = ws.doc.clone();
    doc.subject = "Sinh hoạt chi bộ thường kỳ tháng 4/2026".into();
    c.book.save_meeting_doc(id, &doc).unwrap();
    assert_eq!(c.book.meeting(id).unwrap().subject, doc.subject);

    // Unknown kind and bad date: refused, nothing created.
    for (kind, date) in [("picnic", "2026-04-22"), ("regular", "2026-13-01")] {
        let input = NewMeetingInput {
            kind: kind.into(),
            date: date.into(),
            subject: String::new(),
            place: String::new(),
        };
        fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| {
            b.create_meeting(&input)
        });
    }
    // A document naming a member who is not on the roster.
    let mut bad = doc.clone();
    bad.attendance[0].member_id = "999".into();
    fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| {
        b.save_meeting_doc(id, &bad)
    });
}

#[test]
fn the_vote_reading_of_an_open_meeting_is_chosen_and_bad_choices_change_nothing() {
    let (mut c, id) = Case::with_meeting();
    c.book.set_vote_reading(id, 1, "all-official").unwrap();
    let report = c.book.report(id, None).unwrap();
    assert_eq!(report.status, "in-session");
    fails_unchanged(&mut c, ErrorCode::Usage, |b| {
        b.set_vote_reading(id, 1, "most-votes")
    });
    fails_unchanged(&mut c, ErrorCode::NotFound, |b| {
        b.set_vote_reading(id, 99, "default")
    });
    fails_unchanged(&mut c, ErrorCode::NotFound, |b| {
        b.set_vote_reading(4242, 1, "default")
    });
}

/// Issue 15: importing the same meeting file a second time would make a copy of the meeting.
/// It is refused, naming the meeting already in the book, and nothing changes; a meeting that
/// really is another one (same day, same subject) imports when asked explicitly.
#[test]
fn importing_a_meeting_the_book_already_holds_is_refused_naming_it() {
    let (mut c, id) = Case::with_meeting();
    let json = meeting_json();
    let e = fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| b.import_meeting(&json));
    assert_eq!(e.detail_id.as_deref(), Some("err-meeting-duplicate"));
    assert_eq!(e.detail_args["id"], id.to_string());
    assert_eq!(e.detail_args["date"], "05/3/2026");
    assert!(e.message.contains(&format!("meeting {id}")), "{e}");
    let vi = e.localized(minutebook_api::Lang::Vi);
    assert!(
        vi.contains(&format!("cuộc họp số {id} ngày 05/3/2026")),
        "{vi}"
    );
    // The same meeting re-exported (its subject spaced differently) is the same meeting.
    let mut v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    v["meeting"]["subject"] = "  Sinh hoạt chi bộ  thường kỳ tháng 3 năm 2026 ".into();
    let spaced = serde_json::to_vec(&v).unwrap();
    fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| {
        b.import_meeting(&spaced)
    });
    // Another date is another meeting.
    v["meeting"]["date"] = "2026-04-02".into();
    let april = c
        .book
        .import_meeting(&serde_json::to_vec(&v).unwrap())
        .unwrap();
    assert_ne!(april, id);
    // Asked explicitly, the same file imports as a second meeting.
    let again = c.book.import_meeting_allowing_duplicate(&json).unwrap();
    assert_eq!(c.book.meetings().unwrap().len(), 3);
    assert_eq!(
        c.book.meeting(again).unwrap().date,
        c.book.meeting(id).unwrap().date
    );
}
