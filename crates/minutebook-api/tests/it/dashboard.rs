//! Issue 15: the cell's year at a glance — figures the same as the minutes', tasks late by
//! today's date, each member's attendance — and the CSV for the year-end report.

use std::sync::Arc;

use minutebook_api::{Book, ErrorCode, Lang};
use minutebook_store::FixedClock;
use time::macros::datetime;

use crate::support::*;

/// The March case, read on 25 March 2026 in Hà Nội.
fn march_on_the_25th() -> (Case, i64) {
    let (mut c, id) = Case::with_meeting();
    let db = c.db();
    c.book = Book::open_with_clock(
        &db,
        Arc::new(FixedClock::at(datetime!(2026-03-25 09:00 +07:00))),
    )
    .unwrap();
    (c, id)
}

#[test]
fn the_year_shows_the_minutes_figures_tasks_by_deadline_and_each_member() {
    let (mut c, id) = march_on_the_25th();
    let before = c.state();
    let d = c.book.dashboard(None).unwrap();
    assert_unchanged(&c, &before, "reading the dashboard");
    assert_eq!(d.year, 2026);
    assert_eq!(d.years, vec![2026]);
    assert_eq!(d.today, "2026-03-25");
    assert_eq!(d.meetings.len(), 1);
    let m = &d.meetings[0];
    // The same figures as the report (and the minutes).
    let report = c.book.report(id, None).unwrap();
    assert_eq!(m.present, report.figures.attendance.present);
    assert_eq!(m.must_attend, report.figures.attendance.must_attend);
    assert_eq!(m.rate_text, report.figures.attendance.rate_text);
    assert_eq!(d.average_rate_text.as_deref(), Some(m.rate_text.as_str()));
    assert_eq!(m.votes, 2);
    assert_eq!(m.votes_passed, 2);
    // Three tasks, all open: deadlines 31/03 (open), 20/03 and 12/03 (late on the 25th).
    assert_eq!(m.tasks, 3);
    assert_eq!((d.tasks.open, d.tasks.late, d.tasks.done), (1, 2, 0));
    // Twelve members summoned (Lý Thị Xuân is exempted); one absent with a reason, one without.
    assert_eq!(d.members.len(), 12);
    assert!(!d.members.iter().any(|x| x.full_name == "Lý Thị Xuân"));
    let excused: u32 = d.members.iter().map(|x| x.absent_excused).sum();
    let unexcused: u32 = d.members.iter().map(|x| x.absent_unexcused).sum();
    assert_eq!((excused, unexcused), (1, 1));

    // A task marked done moves from late to done.
    let mut doc = c.book.meeting_workspace(id).unwrap().doc;
    doc.action_items[2].status = "done".into();
    c.book.save_meeting_doc(id, &doc).unwrap();
    let d = c.book.dashboard(Some(2026)).unwrap();
    assert_eq!((d.tasks.open, d.tasks.late, d.tasks.done), (1, 1, 1));

    // A year without meetings is empty, not an error.
    let empty = c.book.dashboard(Some(2025)).unwrap();
    assert!(empty.meetings.is_empty() && empty.members.is_empty());
    assert_eq!(empty.average_rate_text, None);
}

#[test]
fn a_meeting_whose_figures_cannot_be_counted_is_named_not_hidden() {
    let (mut c, _) = march_on_the_25th();
    let id = c.new_meeting("2026-04-22", "");
    let mut doc = c.book.meeting_workspace(id).unwrap().doc;
    // Times the wrong way round: the figures cannot be counted yet.
    doc.actual_start = Some("21:00".into());
    doc.actual_end = Some("19:00".into());
    let _ = c.book.save_meeting_doc(id, &doc);
    let d = c.book.dashboard(None).unwrap();
    let counted: Vec<i64> = d.meetings.iter().map(|m| m.id).collect();
    let skipped: Vec<i64> = d.skipped.iter().map(|m| m.id).collect();
    assert!(
        counted.contains(&id) || skipped.contains(&id),
        "the April meeting is either counted or named as skipped"
    );
    assert_eq!(counted.len() + skipped.len(), 2);
}

#[test]
fn the_csv_for_the_year_end_report_holds_every_table_in_the_chosen_language() {
    let (c, id) = march_on_the_25th();
    let vi = c.book.dashboard_csv(None, Lang::Vi).unwrap();
    assert!(
        vi.starts_with('\u{feff}'),
        "a BOM, so that Excel reads the diacritics"
    );
    assert!(vi.contains("\r\n"));
    // Each meeting with its id and status, to find it in the book.
    assert!(
        vi.contains("Mã cuộc họp,Ngày,Nội dung,Trạng thái,Có mặt,Phải dự,Tỷ lệ"),
        "{vi}"
    );
    assert!(
        vi.contains(&format!(
            "\r\n{id},2026-03-05,Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026,Đang họp,10,12,"
        )),
        "{vi}"
    );
    // A subject or a rate with a comma is quoted (RFC 4180).
    assert!(vi.contains("\"83,33%\""), "{vi}");
    assert!(vi.contains("Nguyễn Văn Hùng,1,1,0,0"), "{vi}");
    // The tables are separated by empty lines, not by a quoted empty field.
    assert!(vi.contains("\r\n\r\n") && !vi.contains("\"\"\r\n"), "{vi}");
    let en = c.book.dashboard_csv(None, Lang::En).unwrap();
    assert!(
        en.contains("Meeting id,Date,Subject,Status,Present,Must attend,Rate"),
        "{en}"
    );
    assert!(en.contains(",In session,10,12,"), "{en}");
    // Without a cell there is no dashboard.
    let empty = Case::empty();
    fails(empty.book.dashboard(None), ErrorCode::NotFound);
}
