//! The March 2026 example file reads, yields the case's figures, and writes back identically.

use minutebook_record::interchange::MeetingFile;
use minutebook_record::record::{Chain, Record, figures};

const EXAMPLE: &[u8] = include_bytes!("../../../examples/meeting-2026-03.json");

#[test]
fn the_example_reads_and_gives_the_case_figures() {
    let file = MeetingFile::parse(EXAMPLE).unwrap();
    let imported = file.to_domain().unwrap();
    let f = figures(&imported.cell, &imported.roster, &imported.meeting).unwrap();
    assert_eq!(
        (
            f.attendance.roster_total,
            f.attendance.must_attend,
            f.attendance.present
        ),
        (13, 12, 10)
    );
    assert_eq!(f.attendance.rate_text, "83,33%");
    assert_eq!(
        (f.votes[0].eligible, f.votes[0].yes, f.votes[0].passed),
        (9, 8, true)
    );
    assert_eq!(f.votes[0].yes_percent_text, "88,89%");
    assert_eq!(
        (f.votes[1].eligible, f.votes[1].yes, f.votes[1].passed),
        (9, 7, true)
    );
    assert_eq!(f.votes[1].threshold, "at-least-two-thirds");
    assert_eq!(f.duration_minutes, Some(105));
}

#[test]
fn the_example_writes_back_byte_for_byte() {
    let file = MeetingFile::parse(EXAMPLE).unwrap();
    assert_eq!(
        String::from_utf8(file.to_json()).unwrap(),
        String::from_utf8(EXAMPLE.to_vec()).unwrap()
    );
    // And through the domain: ids become the book's own, then the output is a fixed point.
    let d = file.to_domain().unwrap();
    let once = MeetingFile::new(&d.cell_id, &d.cell, &d.roster, &d.meeting).to_json();
    let again = MeetingFile::parse(&once).unwrap().to_domain().unwrap();
    let twice =
        MeetingFile::new(&again.cell_id, &again.cell, &again.roster, &again.meeting).to_json();
    assert_eq!(once, twice);
}

#[test]
fn errors_name_the_path() {
    let text = String::from_utf8(EXAMPLE.to_vec()).unwrap();
    let bad_kind = text.replacen("\"kind\": \"admission\"", "\"kind\": \"approve\"", 1);
    let e = MeetingFile::parse(bad_kind.as_bytes())
        .unwrap()
        .to_domain()
        .unwrap_err();
    assert_eq!(e.path, "meeting.votes[1].kind");
    let bad_date = text.replacen("\"date\": \"2026-03-05\"", "\"date\": \"05/03/2026\"", 1);
    let e = MeetingFile::parse(bad_date.as_bytes())
        .unwrap()
        .to_domain()
        .unwrap_err();
    assert_eq!(e.path, "meeting.date");
    let unknown = text.replacen("\"format\": 1,", "\"format\": 1, \"extra\": 2,", 1);
    let e = MeetingFile::parse(unknown.as_bytes()).unwrap_err();
    assert!(e.message.contains("unknown field"), "{e}");
    let too_many = text.replacen("\"yes\": 8,", "\"yes\": 9,", 1);
    let e = MeetingFile::parse(too_many.as_bytes())
        .unwrap()
        .to_domain()
        .unwrap_err();
    assert!(e.message.contains("vote 1"), "{e}");
}

#[test]
fn the_record_carries_chain_and_signatories() {
    let d = MeetingFile::parse(EXAMPLE).unwrap().to_domain().unwrap();
    let chain = Chain {
        version: 1,
        sequence: 3,
        previous_version_sha256: None,
        previous_record_sha256: Some("ab".repeat(32)),
    };
    let r = Record::build(&d.cell_id, &d.cell, &d.roster, &d.meeting, &[], chain).unwrap();
    assert_eq!(r.type_tag, "minutebook.record");
    assert_eq!(r.signatories["chair"].full_name, "Nguyễn Văn Hùng");
    assert_eq!(r.signatories["minute-taker"].full_name, "Phạm Thu Hà");
    assert_eq!(r.required_roles, ["chair", "minute-taker"]);
    let json = serde_json::to_vec(&r).unwrap();
    assert_eq!(Record::from_json(&json).unwrap(), r);
}
