//! Issue 15: before the meeting, the notice summoning it (PDF, with the agenda) and its
//! calendar entry — from an open meeting, without writing to the book, never printing what
//! was said.

use minutebook_api::ErrorCode;

use crate::support::*;

#[test]
fn a_new_meeting_gets_its_notice_and_calendar_entry_and_the_book_is_unchanged() {
    let mut c = Case::with_roster();
    let id = c.new_meeting("2026-04-22", "Sinh hoạt chi bộ thường kỳ tháng 4 năm 2026");
    let before = c.state();
    let pdf = c
        .book
        .export_invitation_pdf(id, Some("2026-04-15"))
        .unwrap();
    let ics = c.book.export_invitation_ics(id).unwrap();
    assert_unchanged(&c, &before, "printing a notice");
    let text = c.pdf_words("thong-bao.pdf", &pdf);
    for needle in [
        "Hà Nội, ngày 15 tháng 4 năm 2026",
        "Về việc triệu tập sinh hoạt chi bộ thường kỳ tháng 4 năm 2026",
        "thứ Tư, ngày 22 tháng 4 năm 2026",
        "(12 đồng chí)",
        "CHƯƠNG TRÌNH",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in {text}");
    }
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    // No planned start yet: a whole-day event on the meeting date.
    assert!(ics.contains("DTSTART;VALUE=DATE:20260422"), "{ics}");
}

#[test]
fn the_notice_of_a_held_meeting_prints_nothing_that_was_said() {
    let (c, id) = Case::with_meeting();
    let before = c.state();
    let pdf = c.book.export_invitation_pdf(id, None).unwrap();
    assert_unchanged(&c, &before, "printing a notice");
    let text = c.pdf_words("thong-bao.pdf", &pdf);
    assert!(text.contains("Về việc triệu tập"), "{text}");
    let ws = c.book.meeting_workspace(id).unwrap();
    let said: Vec<&str> = ws
        .doc
        .agenda
        .iter()
        .map(|a| a.conclusion.as_str())
        .filter(|s| s.len() > 20)
        .collect();
    assert!(!said.is_empty(), "the March meeting has conclusions");
    for s in said {
        let head: String = s.chars().take(30).collect();
        assert!(
            !text.contains(&head),
            "the notice printed a conclusion: {head}"
        );
    }
    // The calendar entry uses the planned times: 19:30 in Hà Nội is 12:30 UTC.
    let ics = c.book.export_invitation_ics(id).unwrap();
    assert!(ics.contains("DTSTART:20260305T123000Z"), "{ics}");
}

#[test]
fn a_bad_date_or_an_unknown_meeting_is_refused() {
    let (c, id) = Case::with_meeting();
    let e = fails(
        c.book.export_invitation_pdf(id, Some("15/04/2026")),
        ErrorCode::InvalidInput,
    );
    assert!(e.message.contains("issued_on"), "{e}");
    fails(
        c.book.export_invitation_pdf(9999, None),
        ErrorCode::NotFound,
    );
    fails(c.book.export_invitation_ics(9999), ErrorCode::NotFound);
}

/// The event of calendar file `ics`: (UID, SEQUENCE).
fn uid_and_sequence(ics: &str) -> (String, String) {
    let field = |name: &str| {
        ics.split("\r\n")
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .unwrap_or_else(|| panic!("no {name} in {ics}"))
            .to_owned()
    };
    (field("UID"), field("SEQUENCE"))
}

/// Issue 15: the calendar entry names Minutebook as its product; sent again with no change it
/// is identical but for its stamp, after a change it keeps its UID with a higher SEQUENCE, and
/// another cell's meeting with the same row id has another UID.
#[test]
fn the_calendar_entry_keeps_its_uid_and_counts_changes_in_its_sequence() {
    let (mut c, id) = Case::with_meeting();
    let ics = c.book.export_invitation_ics(id).unwrap();
    assert!(
        ics.contains(&format!(
            "PRODID:-//Minutebook//Minutebook {}//VI\r\n",
            env!("CARGO_PKG_VERSION")
        )),
        "{ics}"
    );
    let (uid, seq) = uid_and_sequence(&ics);
    assert_eq!(seq, "0", "a meeting never changed since its import");
    // Exported again with no change: the same UID and SEQUENCE.
    assert_eq!(
        uid_and_sequence(&c.book.export_invitation_ics(id).unwrap()),
        (uid.clone(), "0".to_owned())
    );
    // Moved to 20:00: the same entry, a higher SEQUENCE, the new time.
    let mut doc = c.book.meeting_workspace(id).unwrap().doc;
    doc.planned_start = Some("20:00".into());
    c.book.save_meeting_doc(id, &doc).unwrap();
    let moved = c.book.export_invitation_ics(id).unwrap();
    let (uid2, seq2) = uid_and_sequence(&moved);
    assert_eq!(uid2, uid);
    assert!(seq2.parse::<u32>().unwrap() > 0, "{moved}");
    assert!(moved.contains("DTSTART:20260305T130000Z"), "{moved}");
    // Moved to another day: still the same entry, the SEQUENCE higher again.
    doc.date = "2026-03-06".into();
    c.book.save_meeting_doc(id, &doc).unwrap();
    let (uid3, seq3) = uid_and_sequence(&c.book.export_invitation_ics(id).unwrap());
    assert_eq!(uid3, uid);
    assert!(seq3.parse::<u32>().unwrap() > seq2.parse::<u32>().unwrap());

    // Another cell's book, its first meeting also row 1: another UID.
    let mut other = Case::empty();
    let mut cell = case_cell();
    cell.name = "Chi bộ Tổ dân phố số 8".into();
    other.book.create_cell(&cell).unwrap();
    other.book.import_roster(&roster_csv()).unwrap();
    let other_id = other.new_meeting("2026-03-05", "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026");
    assert_eq!(other_id, id);
    let (other_uid, _) = uid_and_sequence(&other.book.export_invitation_ics(other_id).unwrap());
    assert_ne!(other_uid, uid);
}

/// Issue 15: a notice for a meeting already past, or whose agenda runs past the planned end,
/// still prints, with warnings in the user's language.
#[test]
fn a_notice_for_a_past_meeting_or_an_overlong_agenda_warns_but_prints() {
    let (c, id) = Case::with_meeting();
    // Dated before the meeting: the March agenda plans 120 minutes from 19:30, past 21:15.
    let w = c.book.invitation_warnings(id, Some("2026-02-26")).unwrap();
    let ids: Vec<&str> = w.iter().map(|w| w.id.as_str()).collect();
    assert_eq!(ids, ["invitation-warning-overrun"]);
    let vi = w[0].localized(minutebook_api::Lang::Vi);
    assert!(
        vi.contains("120 phút") && vi.contains("21:30") && vi.contains("21:15"),
        "{vi}"
    );
    let en = w[0].localized(minutebook_api::Lang::En);
    assert!(en.contains("after the planned end, 21:15"), "{en}");
    // Dated after the meeting: the meeting is past.
    let w = c.book.invitation_warnings(id, Some("2026-03-10")).unwrap();
    assert_eq!(w[0].id, "invitation-warning-past");
    let vi = w[0].localized(minutebook_api::Lang::Vi);
    assert!(vi.contains("05/3/2026") && vi.contains("10/3/2026"), "{vi}");
    assert!(c.book.export_invitation_pdf(id, Some("2026-03-10")).is_ok());
    // Dated today by default, today being 20 March 2026: it says so.
    let (mut c, id) = (c, id);
    let db = c.db();
    c.book = minutebook_api::Book::open_with_clock(
        &db,
        std::sync::Arc::new(minutebook_store::FixedClock::at(time::macros::datetime!(
            2026-03-20 09:00 +07:00
        ))),
    )
    .unwrap();
    let w = c.book.invitation_warnings(id, None).unwrap();
    assert!(
        w[0].localized(minutebook_api::Lang::Vi)
            .contains("20/3/2026"),
        "{w:?}"
    );
    assert_eq!(w[0].id, "invitation-warning-past-today", "{w:?}");
    assert!(
        w[0].localized(minutebook_api::Lang::Vi).contains("hôm nay"),
        "{w:?}"
    );
    // A meeting ahead with an agenda that fits: nothing to say.
    let mut c = Case::with_roster();
    let id = c.new_meeting("2026-04-22", "Sinh hoạt chi bộ thường kỳ tháng 4 năm 2026");
    assert_eq!(
        c.book.invitation_warnings(id, Some("2026-04-15")).unwrap(),
        []
    );
    fails(c.book.invitation_warnings(9999, None), ErrorCode::NotFound);

    // An agenda planned past midnight: the end is "the next day", never a morning time alone.
    let mut doc = c.book.meeting_workspace(id).unwrap().doc;
    doc.planned_start = Some("19:30".into());
    doc.planned_end = Some("21:00".into());
    for item in &mut doc.agenda {
        item.planned_minutes = None;
    }
    doc.agenda[0].planned_minutes = Some(695);
    c.book.save_meeting_doc(id, &doc).unwrap();
    let w = c.book.invitation_warnings(id, Some("2026-04-15")).unwrap();
    assert_eq!(w[0].id, "invitation-warning-overrun-next-day", "{w:?}");
    let vi = w[0].localized(minutebook_api::Lang::Vi);
    assert!(vi.contains("07:05 hôm sau"), "{vi}");
    assert!(
        w[0].localized(minutebook_api::Lang::En)
            .contains("07:05 the next day")
    );
}
