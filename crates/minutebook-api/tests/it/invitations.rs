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
