use minutebook_core::meeting::MeetingId;
use minutebook_core::{
    Attendance, CountingReading, Meeting, MeetingKind, MeetingStatus, MemberId, Presence,
};
use minutebook_store::Error;
use time::macros::{date, time};

use crate::common::{march_meeting, open, populated, roster, tempdir};

#[test]
fn the_march_case_round_trips_as_core_values() {
    let dir = tempdir();
    let (mut store, ids, id) = populated(dir.path());
    let expected = Meeting {
        id,
        ..march_meeting(&ids)
    };
    let loaded = store.load_meeting(id).unwrap();
    assert_eq!(loaded, expected);

    // The figures the minutes need come out of what was loaded.
    let members = store.list_members().unwrap();
    loaded
        .check(&members, CountingReading::FullExclusions)
        .unwrap();
    let counts = loaded.attendance_counts(&members, minutebook_core::AttendanceBasis::default());
    assert_eq!((counts.must_attend, counts.present), (12, 10));
    let tallies = loaded
        .tallies(&members, CountingReading::FullExclusions)
        .unwrap();
    assert_eq!(
        (tallies[0].yes, tallies[0].eligible, tallies[0].passed),
        (8, 9, true)
    );
    assert_eq!(
        (tallies[1].yes, tallies[1].eligible, tallies[1].passed),
        (7, 9, true)
    );

    // Edit and save: children replaced atomically, order kept.
    let mut edited = loaded.clone();
    edited.agenda.swap(1, 2);
    edited.agenda[0].speeches.clear();
    edited.attendance.reverse();
    edited.attendance[0].arrived_at = Some(time!(19:45:30));
    edited.attendance[1].left_at = Some(time!(20:30));
    edited.attendance[1].left_reason = Some("việc gia đình".to_owned());
    edited.votes[0].reading = Some(CountingReading::AllOfficial);
    edited.action_items.pop();
    edited.guests.clear();
    store.save_meeting(&edited).unwrap();
    assert_eq!(store.load_meeting(id).unwrap(), edited);
    store.integrity_check().unwrap();
}

#[test]
fn closed_minutes_cannot_be_saved_in_place() {
    let dir = tempdir();
    let (mut store, _, id) = populated(dir.path());
    let mut m = store.load_meeting(id).unwrap();
    store.set_status(id, MeetingStatus::Closed).unwrap();
    m.subject.push_str(" (sửa)");
    let err = store.save_meeting(&m).unwrap_err();
    assert!(
        matches!(err, Error::NotEditable { meeting, status: MeetingStatus::Closed } if meeting == id.0),
        "{err:?}"
    );
    assert!(err.to_string().contains("closed"), "{err}");
    assert_eq!(
        store.load_meeting(id).unwrap().status,
        MeetingStatus::Closed
    );
    assert!(!store.load_meeting(id).unwrap().subject.ends_with("(sửa)"));
    assert!(matches!(
        store.save_meeting(&Meeting {
            id: MeetingId(77),
            ..m
        }),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn attendance_for_a_member_not_on_the_roster_is_refused() {
    let dir = tempdir();
    let (mut store, ids, id) = populated(dir.path());
    let mut m = march_meeting(&ids);
    m.attendance
        .push(Attendance::new(MemberId(999), Presence::Present));
    let err = store.create_meeting(&m).unwrap_err();
    match &err {
        Error::Constraint { detail, .. } => assert!(detail.contains("FOREIGN KEY"), "{err}"),
        other => panic!("expected a foreign-key refusal, got {other:?}"),
    }
    assert_eq!(store.list_meetings().unwrap().len(), 1);

    // Same when saving an existing meeting: the stored one is unchanged.
    let before = store.load_meeting(id).unwrap();
    let mut edited = before.clone();
    edited.chair = Some(MemberId(998));
    assert!(matches!(
        store.save_meeting(&edited),
        Err(Error::Constraint { .. })
    ));
    assert_eq!(store.load_meeting(id).unwrap(), before);
}

#[test]
fn meetings_list_in_date_order_with_their_predecessor() {
    let dir = tempdir();
    let mut store = open(&dir.path().join("minutebook.db"));
    let ids = store.import_members(&roster()).unwrap();
    let march = store.create_meeting(&march_meeting(&ids)).unwrap();
    let feb = store
        .create_meeting(&Meeting::new(
            MeetingId(0),
            MeetingKind::Regular,
            date!(2026 - 02 - 05),
            "Sinh hoạt chi bộ thường kỳ tháng 02 năm 2026",
            "Nhà văn hóa",
        ))
        .unwrap();
    let thematic = store
        .create_meeting(&Meeting::new(
            MeetingId(0),
            MeetingKind::Thematic,
            date!(2026 - 03 - 05),
            "Chuyên đề quý I",
            "Nhà văn hóa",
        ))
        .unwrap();
    let list = store.list_meetings().unwrap();
    let order: Vec<MeetingId> = list.iter().map(|s| s.id).collect();
    assert_eq!(order, vec![feb, march, thematic]);
    assert_eq!(list[1].number, Some(3));
    assert_eq!(list[1].kind, MeetingKind::Regular);
    assert_eq!(list[2].status, MeetingStatus::Draft);

    assert_eq!(store.previous_meeting(feb).unwrap(), None);
    assert_eq!(store.previous_meeting(march).unwrap().unwrap().id, feb);
    assert_eq!(store.previous_meeting(thematic).unwrap().unwrap().id, march);
    assert!(matches!(
        store.previous_meeting(MeetingId(404)),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn sub_second_times_are_refused_not_truncated() {
    let dir = tempdir();
    let (mut store, _, id) = populated(dir.path());
    let mut m = store.load_meeting(id).unwrap();
    m.actual_end = Some(time!(21:15:00.5));
    assert!(matches!(store.save_meeting(&m), Err(Error::Invalid { .. })));
}
