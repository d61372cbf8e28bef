//! Issue 15: the resolution as its own document — drafted from the conclusions and tasks,
//! edited, saved with the meeting, covered by the record's signatures, exported with its own
//! number and text.

use minutebook_api::ErrorCode;
use minutebook_api::doc::ResolutionDoc;

use crate::support::*;

#[test]
fn a_resolution_is_drafted_edited_closed_with_the_minutes_and_printed_with_its_own_number() {
    let (mut c, id) = Case::with_meeting();
    let mut doc = c.book.meeting_workspace(id).unwrap().doc;
    assert_eq!(
        doc.resolution, None,
        "the March file has no resolution of its own"
    );
    let before = c.state();
    let draft = c.book.draft_resolution(id, &doc).unwrap();
    assert_unchanged(&c, &before, "drafting a resolution");
    // III. holds the three tasks, with owners and deadlines.
    assert_eq!(
        draft.assignments.lines().count(),
        3,
        "{}",
        draft.assignments
    );
    assert!(
        draft.assignments.contains("- Đ/c Hoàng Văn Nam: ")
            && draft
                .assignments
                .contains("hoàn thành trước ngày 31/3/2026"),
        "{}",
        draft.assignments
    );
    // I. is the review item's conclusion.
    assert!(!draft.review.is_empty());

    doc.resolution = Some(ResolutionDoc {
        number: Some(3),
        directions: format!(
            "{}\nVận động 100% hộ gia đình phân loại rác tại nguồn.",
            draft.directions
        ),
        ..draft
    });
    c.book.save_meeting_doc(id, &doc).unwrap();
    let saved = c
        .book
        .meeting_workspace(id)
        .unwrap()
        .doc
        .resolution
        .unwrap();
    assert_eq!(saved.number, Some(3));
    assert!(saved.directions.ends_with("phân loại rác tại nguồn."));

    // Closed: the record carries it, so the signatures cover it.
    c.book.close_meeting(id).unwrap();
    let record = String::from_utf8(c.book.bundle(id).unwrap().record).unwrap();
    assert!(
        record.contains("\"resolution\":{\"assignments\":"),
        "{record}"
    );
    let text = c.pdf_words("nghi-quyet.pdf", &c.book.export_resolution_pdf(id).unwrap());
    for needle in [
        "Số 03-NQ/CB",
        "NGHỊ QUYẾT",
        "Vận động 100% hộ gia đình phân loại rác tại nguồn.",
        "III. PHÂN CÔNG THỰC HIỆN - Đ/c",
        "Nghị quyết được Chi bộ biểu quyết",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in {text}");
    }
    assert_eq!(
        c.book.integrity(id).unwrap(),
        minutebook_api::Integrity::Intact
    );

    // Changed behind the app's back, the resolution breaks the record's integrity.
    let conn = rusqlite::Connection::open(c.db()).unwrap();
    conn.execute(
        "UPDATE resolutions SET directions = directions || ' (sửa)' WHERE meeting_id = ?1",
        [id],
    )
    .unwrap();
    drop(conn);
    assert!(matches!(
        c.book.integrity(id).unwrap(),
        minutebook_api::Integrity::Altered { .. }
    ));
}

/// Issue 15: a meeting without a resolution of its own keeps its record as before, but prints
/// no nghị quyết — the PDF would read as a signed resolution nobody wrote. The refusal says
/// what to do, in the user's language, open or closed. (Records closed before the book had
/// resolutions still print theirs: `book::exports` tests that rule on the audit log.)
#[test]
fn a_meeting_without_a_resolution_of_its_own_prints_none() {
    let (mut c, id) = Case::with_meeting();
    let e = fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| {
        b.export_resolution_pdf(id)
    });
    assert_eq!(e.detail_id.as_deref(), Some("err-no-resolution"));
    c.book.close_meeting(id).unwrap();
    let record = String::from_utf8(c.book.bundle(id).unwrap().record).unwrap();
    assert!(!record.contains("\"resolution\":{"), "{record}");
    let e = fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| {
        b.export_resolution_pdf(id)
    });
    assert_eq!(e.detail_id.as_deref(), Some("err-no-resolution"));
    let vi = e.localized(minutebook_api::Lang::Vi);
    assert!(
        vi.contains(&format!("cuộc họp số {id} chưa có nghị quyết riêng"))
            && vi.contains("“Soạn nghị quyết từ kết luận và nhiệm vụ”"),
        "{vi}"
    );
    let en = e.localized(minutebook_api::Lang::En);
    assert!(en.contains("has no resolution of its own"), "{en}");
    // The minutes and the attendance sheet still print.
    assert!(c.book.export_minutes_pdf(id, true).is_ok());
    assert!(c.book.export_attendance_sheet_pdf(id).is_ok());
    // An unknown meeting is not found, before anything about resolutions.
    fails(c.book.export_resolution_pdf(4242), ErrorCode::NotFound);
}

#[test]
fn a_resolution_number_out_of_range_is_refused_and_nothing_is_saved() {
    let (mut c, id) = Case::with_meeting();
    let mut doc = c.book.meeting_workspace(id).unwrap().doc;
    doc.resolution = Some(ResolutionDoc {
        number: Some(0),
        review: String::new(),
        directions: "x".into(),
        assignments: String::new(),
    });
    let e = fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| {
        b.save_meeting_doc(id, &doc)
    });
    assert!(e.message.contains("meeting.resolution.number"), "{e}");
}
