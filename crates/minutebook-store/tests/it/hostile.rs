use minutebook_core::meeting::MeetingId;
use minutebook_core::text::{Nfc, is_nfc, nfc};
use minutebook_core::{
    AgendaItem, Meeting, MeetingKind, Member, MemberCategory, MemberId, Speaker, Speech,
};
use time::macros::date;

use minutebook_store::Error;

use crate::common::{hostile_cases, open, tempdir};

fn thematic_meeting() -> Meeting {
    Meeting::new(
        MeetingId(0),
        MeetingKind::Thematic,
        date!(2026 - 03 - 19),
        "Chuyên đề",
        "Nhà văn hóa",
    )
}

/// Text enters as NFC (here through `Nfc`, as the entry points do) and is stored byte for byte.
#[test]
fn every_hostile_line_round_trips_byte_for_byte_after_nfc() {
    let cases = hostile_cases();
    assert!(cases.len() >= 20, "read {} cases", cases.len());
    let dir = tempdir();
    let db = dir.path().join("minutebook.db");
    let mut store = open(&db);

    let mut meeting = thematic_meeting();
    meeting.agenda.clear();
    let mut member_ids = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let mut m = Member::new(MemberId(0), case, MemberCategory::Official);
        let case = &Nfc::from(case.as_str()).into_string();
        m.full_name = case.clone(); // NFC, otherwise exactly as typed, not even trimmed
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
    meeting.subject = nfc(&cases.join(" | "));
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

/// The store never normalises: text that skipped its entry point and is not NFC is refused,
/// naming the field, and nothing is written.
#[test]
fn text_not_in_nfc_is_refused_not_fixed() {
    let nfd = "Nguye\u{0302}\u{0303}n Thi\u{0323} Hu\u{031b}o\u{031b}ng";
    assert!(!is_nfc(nfd));
    let dir = tempdir();
    let mut store = open(&dir.path().join("minutebook.db"));

    let mut m = Member::new(MemberId(0), "Nguyễn Thị Hương", MemberCategory::Official);
    m.full_name = nfd.to_owned();
    let err = store.add_member(&m).unwrap_err();
    assert!(
        matches!(&err, Error::Invalid { what, .. } if what.contains("full name")),
        "{err:?}"
    );
    m.full_name = nfc(nfd);
    m.party_card_number = Some(nfd.to_owned());
    assert!(matches!(store.add_member(&m), Err(Error::Invalid { .. })));
    assert!(store.list_members().unwrap().is_empty());

    let mut meeting = thematic_meeting();
    meeting.agenda[0].conclusion = nfd.to_owned();
    let err = store.create_meeting(&meeting).unwrap_err();
    assert!(
        matches!(&err, Error::Invalid { what, .. } if what == "agenda item 1 conclusion"),
        "{err:?}"
    );
    assert!(store.list_meetings().unwrap().is_empty());
    assert!(matches!(
        store.set_setting("note", nfd),
        Err(Error::Invalid { .. })
    ));
}
