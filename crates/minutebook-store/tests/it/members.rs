use minutebook_core::{Member, MemberCategory, MemberId, Post, Transfer, TransferKind};
use minutebook_store::Error;
use time::macros::date;

use crate::common::{cell, open, populated, roster, tempdir};

#[test]
fn roster_round_trips_with_every_field() {
    let dir = tempdir();
    let mut store = open(&dir.path().join("minutebook.db"));
    store.set_cell(&cell()).unwrap();
    assert_eq!(store.cell().unwrap(), Some(cell()));

    let mut members = roster();
    members[4].transfer_in = Some(Transfer {
        date: date!(2020 - 01 - 15),
        kind: TransferKind::Official,
        other_body: "Chi bộ Tổ dân phố số 3".to_owned(),
    });
    members[5].transfer_out = Some(Transfer {
        date: date!(2026 - 06 - 01),
        kind: TransferKind::Temporary,
        other_body: "Đảng bộ Quân sự".to_owned(),
    });
    members[6].suspended = true;
    members[10].exempted_since = Some(date!(2024 - 01 - 01));
    members[2]
        .posts
        .push(Post::Other("Tổ trưởng tổ dân phố".to_owned()));
    let ids = store.import_members(&members).unwrap();
    assert_eq!(ids.len(), 13);

    let stored = store.list_members().unwrap();
    let expected: Vec<Member> = members
        .into_iter()
        .zip(&ids)
        .map(|(m, id)| Member { id: *id, ..m })
        .collect();
    assert_eq!(stored, expected);
    assert_eq!(store.member(ids[2]).unwrap(), expected[2]);
    assert!(matches!(
        store.member(MemberId(999)),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn update_member_replaces_fields_and_posts() {
    let dir = tempdir();
    let (mut store, ids, _) = populated(dir.path());
    let mut lan = store.member(ids[1]).unwrap();
    lan.posts = vec![Post::CellSecretary];
    lan.party_card_number = Some("007.000001".to_owned());
    store.update_member(&lan).unwrap();
    assert_eq!(store.member(ids[1]).unwrap(), lan);

    let ghost = Member::new(MemberId(999), "Không Có", MemberCategory::Official);
    assert!(matches!(
        store.update_member(&ghost),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn a_failed_import_leaves_the_database_unchanged() {
    let dir = tempdir();
    let (mut store, _, _) = populated(dir.path());
    let members_before = store.list_members().unwrap();
    let audit_before = store.audit_log().unwrap();

    // A duplicate party card number in the middle of the batch.
    let mut batch = vec![
        Member::new(MemberId(0), "Người Mới Một", MemberCategory::Official),
        Member::new(MemberId(0), "Người Trùng Thẻ", MemberCategory::Official),
        Member::new(MemberId(0), "Người Mới Ba", MemberCategory::Official),
    ];
    batch[1].party_card_number = Some("01.234567".to_owned());
    let err = store.import_members(&batch).unwrap_err();
    match &err {
        Error::Constraint { what, detail } => {
            assert!(what.contains("member 2 of 3"), "{err}");
            assert!(detail.contains("party_card_number"), "{err}");
        }
        other => panic!("expected a constraint error, got {other:?}"),
    }

    // An invalid (empty) name in the middle.
    batch[1].party_card_number = None;
    batch[1].full_name = "   ".to_owned();
    let err = store.import_members(&batch).unwrap_err();
    assert!(matches!(err, Error::Invalid { .. }), "{err:?}");
    assert!(err.to_string().contains("member 2 of 3"), "{err}");

    // Two of the batch share a card number.
    batch[1].full_name = "Người Mới Hai".to_owned();
    batch[0].party_card_number = Some("09.000001".to_owned());
    batch[2].party_card_number = Some("09.000001".to_owned());
    assert!(matches!(
        store.import_members(&batch),
        Err(Error::Constraint { .. })
    ));

    assert_eq!(store.list_members().unwrap(), members_before);
    assert_eq!(store.audit_log().unwrap(), audit_before);
    store.integrity_check().unwrap();
}

#[test]
fn replace_roster_is_all_or_nothing() {
    let dir = tempdir();
    let (mut store, ids, _) = populated(dir.path());
    let before = store.list_members().unwrap();
    // Dropping a member who attended a meeting is refused, and nothing changes.
    let mut shorter = before.clone();
    shorter.remove(0);
    shorter[0].full_name = "Trần Thị Lan (đổi)".to_owned();
    assert!(matches!(
        store.replace_roster(&shorter),
        Err(Error::Constraint { .. })
    ));
    assert_eq!(store.list_members().unwrap(), before);

    // Updating everyone and adding one works.
    let mut all = before.clone();
    all[0].suspended = true;
    all.push(Member::new(
        MemberId(0),
        "Đảng Viên Mới",
        MemberCategory::Probationary,
    ));
    let new_ids = store.replace_roster(&all).unwrap();
    assert_eq!(&new_ids[..13], &ids[..]);
    let after = store.list_members().unwrap();
    assert_eq!(after.len(), 14);
    assert!(after[0].suspended);
    assert_eq!(after[13].full_name, "Đảng Viên Mới");
}
