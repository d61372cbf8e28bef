//! One derivation of the attendance figures, named in the record (issue 15): from 2026-12 an
//! exempted member who attends is counted apart, outside the base (cell-meetings.md §2,
//! present / (members − exempted)); records closed before keep their own basis and rebuild
//! byte for byte.

use minutebook_core::AttendanceBasis;
use minutebook_core::attendance::Presence;
use minutebook_record::interchange::MeetingFile;
use minutebook_record::record::{Chain, Record};

const EXAMPLE: &[u8] = include_bytes!("../../../examples/meeting-2026-03.json");

fn chain() -> Chain {
    Chain {
        version: 1,
        sequence: 1,
        previous_version_sha256: None,
        previous_record_sha256: None,
    }
}

/// The March case with the exempted member (Lý Thị Xuân) attending, under `basis`.
fn xuan_attends(basis: AttendanceBasis) -> Record {
    let mut d = MeetingFile::parse(EXAMPLE).unwrap().to_domain().unwrap();
    d.cell.settings.attendance_basis = basis;
    let xuan = d
        .roster
        .iter()
        .find(|m| m.full_name == "Lý Thị Xuân")
        .unwrap()
        .id;
    let a = d
        .meeting
        .attendance
        .iter_mut()
        .find(|a| a.member == xuan)
        .unwrap();
    a.presence = Presence::Present;
    Record::build(&d.cell_id, &d.cell, &d.roster, &d.meeting, &[], chain()).unwrap()
}

#[test]
fn an_exempted_member_who_attends_stays_out_of_the_base_and_is_named_apart() {
    let r = xuan_attends(AttendanceBasis::MembersLessExempted);
    let a = &r.figures.attendance;
    assert_eq!(
        (
            a.must_attend,
            a.present,
            a.present_exempted,
            a.rate_text.as_str()
        ),
        (12, 10, 1, "83,33%")
    );
    let json = String::from_utf8(serde_json::to_vec(&r).unwrap()).unwrap();
    assert!(json.contains(r#""attendance_basis":"members-less-exempted""#));
    assert!(json.contains(r#""present_exempted":1"#));
}

#[test]
fn a_record_closed_before_keeps_its_basis_and_its_bytes() {
    // Written as records were before 2026-12: neither field appears.
    let old = xuan_attends(AttendanceBasis::ExemptedWhoAttendCount);
    let bytes = serde_json::to_vec(&old).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(!text.contains("attendance_basis") && !text.contains("present_exempted"));
    assert_eq!(
        (
            old.figures.attendance.must_attend,
            old.figures.attendance.present
        ),
        (13, 11)
    );
    // Read back, the cell says which basis it was counted under, and rebuilding from it gives
    // the same record.
    let read = Record::from_json(&bytes).unwrap();
    let cell = minutebook_record::convert::cell_from_doc(&read.cell, "cell").unwrap();
    assert_eq!(
        cell.settings.attendance_basis,
        AttendanceBasis::ExemptedWhoAttendCount
    );
    assert_eq!(read, old);
}
