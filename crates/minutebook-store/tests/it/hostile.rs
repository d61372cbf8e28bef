use minutebook_core::meeting::MeetingId;
use minutebook_core::text::nfc;
use minutebook_core::{
    AgendaItem, Meeting, MeetingKind, Member, MemberCategory, MemberId, Speaker, Speech,
};
use time::macros::date;

use crate::common::{hostile_cases, open, tempdir};

#[test]
fn every_hostile_line_round_trips_byte_for_byte_after_nfc() {
    let cases = hostile_cases();
    assert!(cases.len() >= 20, "read {} cases", cases.len());
    let dir = tempdir();
    let db = dir.path().join("minutebook.db");
    let mut store = open(&db);

    let mut meeting = Meeting::new(
        MeetingId(0),
        MeetingKind::Thematic,
        date!(2026 - 03 - 19),
        "Chuyên đề",
        "Nhà văn hóa",
    );
    meeting.agenda.clear();
    let mut member_ids = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let mut m = Member::new(MemberId(0), case, MemberCategory::Official);
        m.full_name = case.clone(); // exactly as typed, not even trimmed
        m.party_card_number = Some(format!("{case}#{i}"));
        let id = store
            .add_member(&m)
            .unwrap_or_else(|e| panic!("case {i}: {e}"));
        member_ids.push(id);
        meeting.agenda.push(AgendaItem {
            presentation: case.clone(),
            conclusion: case.clone(),
            speeches: vec![
                Speech {
                    speaker: Speaker::Member(id),
                    gist: case.clone(),
                },
                Speech {
                    speaker: Speaker::Guest(case.clone()),
                    gist: case.clone(),
                },
            ],
            ..AgendaItem {
                title: case.clone(),
                ..AgendaItem::titled("")
            }
        });
    }
    meeting.subject = cases.join(" | ");
    let id = store.create_meeting(&meeting).unwrap();
    drop(store);

    let store = open(&db);
    let loaded = store.load_meeting(id).unwrap();
    assert_eq!(loaded.subject.as_bytes(), nfc(&meeting.subject).as_bytes());
    for (i, case) in cases.iter().enumerate() {
        let want = nfc(case);
        let m = store.member(member_ids[i]).unwrap();
        assert_eq!(
            m.full_name.as_bytes(),
            want.as_bytes(),
            "member name, case {i}"
        );
        assert_eq!(
            m.party_card_number.unwrap().as_bytes(),
            format!("{want}#{i}").as_bytes()
        );
        let item = &loaded.agenda[i];
        assert_eq!(
            item.title.as_bytes(),
            want.as_bytes(),
            "agenda title, case {i}"
        );
        assert_eq!(item.presentation.as_bytes(), want.as_bytes(), "case {i}");
        assert_eq!(
            item.conclusion.as_bytes(),
            want.as_bytes(),
            "minutes, case {i}"
        );
        assert_eq!(
            item.speeches[0].gist.as_bytes(),
            want.as_bytes(),
            "case {i}"
        );
        assert_eq!(item.speeches[1].speaker, Speaker::Guest(want.clone()));
    }
    // The SQL-looking lines did nothing.
    assert_eq!(store.list_members().unwrap().len(), cases.len());
    assert_eq!(store.list_meetings().unwrap().len(), 1);
    store.verify_audit_chain().unwrap();
    store.integrity_check().unwrap();
}
