//! The default counting reading changed (issue 15: a member who attended and left early stays
//! in a vote's denominator): a meeting closed under the old default keeps showing, checking and
//! re-rendering as it was signed, whether the default changes by the user's hand or by the
//! schema-5 migration of an existing book.

use minutebook_api::{Book, Integrity};
use rusqlite::Connection;

use crate::support::*;

/// The March meeting with Bùi Thị Hồng (m08) leaving at 20:50, before the admission vote at
/// 20:55, at which 7 ballots are cast: 6 for, 1 against.
fn meeting_with_an_early_leaver() -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_slice(&meeting_json()).unwrap();
    let m = &mut v["meeting"];
    let hong = m["attendance"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| a["member_id"] == "m08")
        .unwrap();
    hong["left_at"] = "20:50".into();
    hong["left_reason"] = "việc gia đình".into();
    let admission = &mut m["votes"][1];
    admission["ballots"] = serde_json::json!({"issued": 7, "returned": 7, "valid": 7});
    admission["yes"] = 6.into();
    admission["no"] = 1.into();
    serde_json::to_vec(&v).unwrap()
}

/// (reading, eligible, percent) of the admission vote as `report` shows it.
fn admission(book: &Book, id: i64) -> (String, u32, String) {
    let r = book.report(id, None).unwrap();
    let v = &r.figures.votes[1];
    (v.reading.clone(), v.eligible, v.yes_percent_text.clone())
}

/// The same, as the workspace's live figures show it.
fn admission_in_workspace(book: &Book, id: i64) -> (String, u32, String) {
    let ws = book.meeting_workspace(id).unwrap();
    let v = ws.figures.votes[1].result.clone().unwrap();
    (v.reading, v.eligible, v.yes_percent_text)
}

/// A book whose cell is on `full-exclusions` (the old default) with the March meeting, the
/// early leaver in it, closed.
fn closed_under_the_old_default() -> (Case, i64) {
    let mut c = Case::with_roster();
    c.book.set_default_reading("full-exclusions").unwrap();
    let id = c
        .book
        .import_meeting(&meeting_with_an_early_leaver())
        .unwrap();
    // While open, each reading gives its own count: the old default leaves her out (8)…
    assert_eq!(
        admission(&c.book, id),
        ("full-exclusions".to_owned(), 8, "75%".to_owned())
    );
    // …the new one keeps her in (9).
    let r = c.book.report(id, Some("qd24-exclusions")).unwrap();
    assert_eq!(
        (
            r.figures.votes[1].eligible,
            r.figures.votes[1].yes_percent_text.as_str()
        ),
        (9, "66,67%")
    );
    c.book.close_meeting(id).unwrap();
    (c, id)
}

const SIGNED: (&str, u32, &str) = ("full-exclusions", 8, "75%");

fn owned((r, e, p): (&str, u32, &str)) -> (String, u32, String) {
    (r.to_owned(), e, p.to_owned())
}

#[test]
fn a_new_cell_counts_an_early_leaver_in() {
    let mut c = Case::with_roster();
    assert_eq!(
        c.book.cell().unwrap().unwrap().default_reading,
        "qd24-exclusions"
    );
    let id = c
        .book
        .import_meeting(&meeting_with_an_early_leaver())
        .unwrap();
    assert_eq!(
        admission(&c.book, id),
        ("qd24-exclusions".to_owned(), 9, "66,67%".to_owned())
    );
    c.book.close_meeting(id).unwrap();
    assert_eq!(c.book.integrity(id).unwrap(), Integrity::Intact);
}

#[test]
fn a_closed_meeting_keeps_its_reading_when_the_user_changes_the_default() {
    let (mut c, id) = closed_under_the_old_default();
    let minutes = c.book.export_minutes_pdf(id, false).unwrap();
    c.book.set_default_reading("qd24-exclusions").unwrap();
    assert_eq!(c.book.integrity(id).unwrap(), Integrity::Intact);
    assert!(c.book.check().unwrap().ok);
    assert_eq!(admission(&c.book, id), owned(SIGNED));
    assert_eq!(admission_in_workspace(&c.book, id), owned(SIGNED));
    assert_eq!(
        c.book
            .meeting_workspace(id)
            .unwrap()
            .figures
            .default_reading,
        "full-exclusions",
        "the default the meeting was closed under"
    );
    assert_eq!(c.book.export_minutes_pdf(id, false).unwrap(), minutes);
}

#[test]
fn a_book_migrated_to_schema_5_moves_to_the_new_default_and_its_closed_meetings_stay_intact() {
    let (c, id) = closed_under_the_old_default();
    let minutes = c.book.export_minutes_pdf(id, false).unwrap();
    let record = c.book.bundle(id).unwrap().record;
    let db = c.db();
    let Case { dir, book } = c;
    drop(book);
    // The book as schema version 4 left it: the cell on `full-exclusions`, which every earlier
    // version gave new cells, and no `resolutions` table yet (step 6). (Step 5 rebuilds `cell`
    // and `votes` whatever CHECK they carry.) Nor the room's tables (step 7) and receipts (step 8).
    Connection::open(&db)
        .unwrap()
        .execute_batch(
            "DROP TABLE receipts; DROP TABLE room_ballot_boxes; DROP TABLE room_ballots_cast;
             DROP TABLE room_statements;
             DROP TABLE rooms; DROP TABLE resolutions; PRAGMA user_version = 4;",
        )
        .unwrap();
    let mut book = Book::open(&db).unwrap();
    let backups = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            let n = e.as_ref().unwrap().file_name();
            let n = n.to_string_lossy();
            n.starts_with(&format!(
                "book.db.before-v{}.",
                minutebook_store::SCHEMA_VERSION
            )) && n.ends_with(".bak")
        })
        .count();
    assert_eq!(backups, 1, "a backup before the migration");
    assert_eq!(
        book.cell().unwrap().unwrap().default_reading,
        "qd24-exclusions"
    );
    // The signed meeting: intact, shown, checked and exported as it was signed.
    assert_eq!(book.integrity(id).unwrap(), Integrity::Intact);
    assert!(book.check().unwrap().ok);
    assert!(matches!(
        book.meetings().unwrap()[0].integrity,
        Integrity::Intact
    ));
    assert_eq!(admission(&book, id), owned(SIGNED));
    assert_eq!(admission_in_workspace(&book, id), owned(SIGNED));
    assert_eq!(book.bundle(id).unwrap().record, record);
    assert_eq!(book.export_minutes_pdf(id, false).unwrap(), minutes);
    // Reopened to be corrected, it is an open meeting again and counts under today's default.
    book.reopen_meeting(id).unwrap();
    assert_eq!(
        admission(&book, id),
        ("qd24-exclusions".to_owned(), 9, "66,67%".to_owned())
    );
}
