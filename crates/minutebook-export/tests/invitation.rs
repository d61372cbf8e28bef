//! The meeting notice (thông báo triệu tập) with its agenda page, checked with poppler and
//! qpdf, and the calendar entry read back with an RFC 5545 parser.

mod common;

use common::{pdf_text, run, squash, write};
use minutebook_export::{
    CalendarRevision, ExportError, ExportOptions, calendar_product_id, invitation_ics,
    render_invitation,
};

/// The calendar revision of a meeting never changed, in a book named "book A".
fn first() -> CalendarRevision {
    CalendarRevision {
        book: "book A".into(),
        sequence: 0,
    }
}

/// The event of a calendar file.
fn event_of(ics: &str) -> icalendar::Event {
    let parsed: icalendar::Calendar = ics.parse().expect("parses as iCalendar");
    parsed
        .components
        .into_iter()
        .find_map(|c| match c {
            icalendar::CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .expect("one event")
}

#[test]
fn the_notice_names_time_weekday_place_who_and_the_agenda_with_clock_times() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = render_invitation(
        &common::march_record(),
        "2026-02-26",
        &ExportOptions::default(),
    )
    .unwrap();
    let path = write(dir.path(), "notice.pdf", &pdf);
    let text = squash(&pdf_text(&path));
    for needle in [
        "ĐẢNG BỘ PHƯỜNG THANH BÌNH",
        "CHI BỘ TỔ DÂN PHỐ SỐ 7",
        // Numbered by hand when registered: the number is blank.
        "-TB/CB",
        "Hà Nội, ngày 26 tháng 02 năm 2026",
        "THÔNG BÁO",
        "Về việc triệu tập sinh hoạt chi bộ thường kỳ tháng 3 năm 2026",
        "1. Thời gian: 19 giờ 30 phút, thứ Năm, ngày 05 tháng 3 năm 2026 (dự kiến kết thúc lúc 21 giờ 15 phút).",
        "2. Địa điểm: Nhà văn hóa tổ dân phố số 7.",
        // 13 on the roster, Lý Thị Xuân exempted (not summoned).
        "các đồng chí đảng viên trong chi bộ (12 đồng chí)",
        "đại biểu mời dự: đ/c Mai Văn Sơn, Đảng ủy viên phường phụ trách chi bộ",
        "- Đánh giá thực hiện Nghị quyết tháng 02/2026 (trình bày: đ/c Nguyễn Văn Hùng).",
        "5. Chủ trì: đ/c Nguyễn Văn Hùng, Bí thư Chi bộ.",
        "T/M CHI BỘ",
        "BÍ THƯ",
        // Page 2: the agenda, clock times from 19:30 and each item's planned minutes.
        "CHƯƠNG TRÌNH",
        "STT",
        "Người trình bày",
        "Thời gian",
        "19:30 – 19:40",
        "21:25 – 21:30",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    assert!(
        !text.contains("Số 03-TB/CB"),
        "the minutes' number is not the notice's"
    );
    assert!(!text.contains("DỰ THẢO"), "a notice is not a draft");
    // Nothing from the minutes is printed: neither what was said nor a vote.
    assert!(!text.contains("biểu quyết thông qua với"), "{text}");
    let info = run("pdfinfo", &[path.to_str().unwrap()]);
    assert!(info.contains("Pages:           2"), "{info}");
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    run("qpdf", &["--check", path.to_str().unwrap()]);
    // The same inputs give the same bytes.
    let again = render_invitation(
        &common::march_record(),
        "2026-02-26",
        &ExportOptions::default(),
    )
    .unwrap();
    assert_eq!(pdf, again);
}

#[test]
fn a_notice_refuses_what_it_cannot_print_and_bad_dates() {
    let mut file = common::march_file_value();
    file["meeting"]["place"] = "Nhà văn hóa ✔".into();
    let record = common::record_bytes_from(&serde_json::to_vec(&file).unwrap());
    let err = render_invitation(&record, "2026-02-26", &ExportOptions::default()).unwrap_err();
    assert!(
        matches!(err, ExportError::UnsupportedCharacter { ref field, character: '✔', .. } if field == "meeting.place"),
        "{err}"
    );
    let err = render_invitation(
        &common::march_record(),
        "26/02/2026",
        &ExportOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(err, ExportError::Record(ref m) if m.contains("issued_on")),
        "{err}"
    );
    let err = render_invitation(b"{}", "2026-02-26", &ExportOptions::default()).unwrap_err();
    assert!(matches!(err, ExportError::Record(_)), "{err}");
}

#[test]
fn the_calendar_entry_is_rfc_5545_in_utc_with_a_stable_uid() {
    let ics = invitation_ics(&common::march_record(), "2026-02-26T01:00:00Z", &first()).unwrap();
    // RFC 5545 §3.1: CRLF line ends, content lines of at most 75 octets.
    assert!(ics.contains("\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
    }
    let parsed: icalendar::Calendar = ics.parse().expect("parses as iCalendar");
    let event = parsed
        .components
        .iter()
        .find_map(|c| match c {
            icalendar::CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .expect("one event");
    use icalendar::{Component, EventLike};
    // 19:30 and 21:15 in Hà Nội (UTC+07:00) are 12:30 and 14:15 UTC.
    assert_eq!(
        event.property_value("DTSTART"),
        Some("20260305T123000Z"),
        "{ics}"
    );
    assert_eq!(event.property_value("DTEND"), Some("20260305T141500Z"));
    assert_eq!(event.property_value("DTSTAMP"), Some("20260226T010000Z"));
    assert_eq!(
        event.get_summary(),
        Some("Chi bộ Tổ dân phố số 7: Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026")
    );
    assert_eq!(event.get_location(), Some("Nhà văn hóa tổ dân phố số 7"));
    let description = event.get_description().unwrap();
    assert!(
        description.contains(
            "3. Đánh giá thực hiện Nghị quyết tháng 02/2026 (trình bày: đ/c Nguyễn Văn Hùng)"
        ),
        "{description}"
    );
    assert!(description.contains("Chủ trì: đ/c Nguyễn Văn Hùng"));
    let uid = event.get_uid().unwrap().to_owned();
    assert!(uid.ends_with("@minutebook"), "{uid}");
    // Sent again later: the same event (UID), a newer stamp.
    let later = invitation_ics(&common::march_record(), "2026-03-01T01:00:00Z", &first()).unwrap();
    let later: icalendar::Calendar = later.parse().unwrap();
    let later_uid = later
        .components
        .iter()
        .find_map(|c| match c {
            icalendar::CalendarComponent::Event(e) => e.get_uid().map(str::to_owned),
            _ => None,
        })
        .unwrap();
    assert_eq!(uid, later_uid);
}

#[test]
fn without_a_planned_start_the_event_is_the_whole_day() {
    let mut file = common::march_file_value();
    file["meeting"]["planned_start"] = serde_json::Value::Null;
    file["meeting"]["planned_end"] = serde_json::Value::Null;
    let record = common::record_bytes_from(&serde_json::to_vec(&file).unwrap());
    let ics = invitation_ics(&record, "2026-02-26T01:00:00Z", &first()).unwrap();
    assert!(ics.contains("DTSTART;VALUE=DATE:20260305"), "{ics}");
    // DTEND is exclusive: the next day, not a zero-length event.
    assert!(ics.contains("DTEND;VALUE=DATE:20260306"), "{ics}");
}

/// Issue 15: the entry names Minutebook as its product, carries the revision it is given as
/// SEQUENCE, and its UID is the same for every sending of one meeting but differs between two
/// cells, and between two books, whose meetings have the same row id.
#[test]
fn the_calendar_entry_has_a_product_id_a_sequence_and_a_uid_no_other_cell_shares() {
    let ics = invitation_ics(&common::march_record(), "2026-02-26T01:00:00Z", &first()).unwrap();
    let parsed: icalendar::Calendar = ics.parse().unwrap();
    use icalendar::Component;
    let prodid = parsed
        .properties
        .iter()
        .find(|p| p.key() == "PRODID")
        .map(|p| p.value().to_owned());
    assert_eq!(
        prodid.as_deref(),
        Some(
            format!(
                "-//Minutebook//Minutebook {}//VI",
                env!("CARGO_PKG_VERSION")
            )
            .as_str()
        )
    );
    assert_eq!(prodid.unwrap(), calendar_product_id());
    assert!(!ics.contains("ICALENDAR-RS"), "{ics}");
    assert_eq!(ics.matches("PRODID").count(), 1, "{ics}");
    let e = event_of(&ics);
    assert_eq!(e.property_value("SEQUENCE"), Some("0"), "{ics}");
    let uid = e.get_uid().unwrap().to_owned();
    assert!(uid.ends_with("@minutebook"), "{uid}");
    // The meeting's row id alone is not the UID.
    assert!(!uid.starts_with("meeting-"), "{uid}");

    // Changed and sent again: the same UID, a higher SEQUENCE.
    let mut file = common::march_file_value();
    file["meeting"]["planned_start"] = "20:00".into();
    file["meeting"]["place"] = "Hội trường tổ dân phố số 7".into();
    let moved = common::record_bytes_from(&serde_json::to_vec(&file).unwrap());
    let again = invitation_ics(
        &moved,
        "2026-03-01T01:00:00Z",
        &CalendarRevision {
            sequence: 2,
            ..first()
        },
    )
    .unwrap();
    let e2 = event_of(&again);
    assert_eq!(e2.get_uid(), Some(uid.as_str()));
    assert_eq!(e2.property_value("SEQUENCE"), Some("2"));
    assert_eq!(e2.property_value("DTSTART"), Some("20260305T130000Z"));
    // Even moved to another day it is the same entry (the UID holds no date).
    file["meeting"]["date"] = "2026-03-06".into();
    let other_day = common::record_bytes_from(&serde_json::to_vec(&file).unwrap());
    let e3 = event_of(&invitation_ics(&other_day, "2026-03-01T01:00:00Z", &first()).unwrap());
    assert_eq!(e3.get_uid(), Some(uid.as_str()));

    // Another cell (same row id, same date): another UID.
    let mut other = common::march_file_value();
    other["cell"]["name"] = "Chi bộ Tổ dân phố số 8".into();
    other["cell"]["id"] = "chi-bo-tdp-8-thanh-binh".into();
    let other = common::record_bytes_from(&serde_json::to_vec(&other).unwrap());
    let e4 = event_of(&invitation_ics(&other, "2026-02-26T01:00:00Z", &first()).unwrap());
    assert_ne!(e4.get_uid(), Some(uid.as_str()));
    // The same cell's name under another ward: another UID.
    let mut ward = common::march_file_value();
    ward["cell"]["upper_committee"] = "Đảng bộ phường Thanh Xuân".into();
    let ward = common::record_bytes_from(&serde_json::to_vec(&ward).unwrap());
    let e5 = event_of(&invitation_ics(&ward, "2026-02-26T01:00:00Z", &first()).unwrap());
    assert_ne!(e5.get_uid(), Some(uid.as_str()));
    // The same cell in another book (a new book file, row ids from 1 again): another UID.
    let e6 = event_of(
        &invitation_ics(
            &common::march_record(),
            "2026-02-26T01:00:00Z",
            &CalendarRevision {
                book: "book B".into(),
                sequence: 0,
            },
        )
        .unwrap(),
    );
    assert_ne!(e6.get_uid(), Some(uid.as_str()));
}
