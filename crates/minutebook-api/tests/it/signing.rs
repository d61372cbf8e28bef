//! Signing a closed meeting's record on this computer.

use minutebook_api::ErrorCode;

use crate::support::*;

/// A closed meeting whose chair has a key.
fn closed_with_chair_key() -> (Case, i64) {
    let (mut c, id) = Case::with_meeting();
    c.book.key_new(CHAIR, PASS).unwrap();
    c.book.close_meeting(id).unwrap();
    (c, id)
}

#[test]
fn chair_then_minute_taker_sign_and_the_meeting_is_signed() {
    let (mut c, id) = Case::with_meeting();
    let chair_key = c.book.key_new(CHAIR, PASS).unwrap();
    c.book.key_new(MINUTE_TAKER, PASS).unwrap();
    c.book.close_meeting(id).unwrap();
    let s = c.book.sign(id, CHAIR, "chair", PASS).unwrap();
    assert_eq!(s.stem, "01-chair");
    assert_eq!(s.status, "signing");
    assert_eq!(s.fingerprint_grouped, chair_key.fingerprint_grouped);
    assert_eq!(c.status(id), "signing");
    let s = c.book.sign(id, MINUTE_TAKER, "minute-taker", PASS).unwrap();
    assert_eq!(s.stem, "02-minute-taker");
    assert_eq!(s.status, "signed");
    let info = c.book.record_info(id).unwrap();
    assert_eq!(info.signed_roles, ["chair", "minute-taker"]);
    assert!(info.missing_roles.is_empty());
    assert_eq!(c.status(id), "signed");
    assert!(c.book.check().unwrap().ok);
    // Each attestation states its time at Vietnam's offset, as the PDF prints it.
    for sig in c.book.bundle(id).unwrap().signatures {
        let att: serde_json::Value = serde_json::from_slice(&sig.attestation).unwrap();
        let at = att["signed_at"].as_str().unwrap();
        assert!(at.ends_with("+07:00"), "{at}");
    }
    // A signed meeting is locked too.
    fails_unchanged(&mut c, ErrorCode::Locked, |b| b.close_meeting(id));
    fails_unchanged(&mut c, ErrorCode::Locked, |b| {
        b.set_vote_reading(id, 1, "default")
    });
}

#[test]
fn a_wrong_passphrase_signs_nothing() {
    let (mut c, id) = closed_with_chair_key();
    fails_unchanged(&mut c, ErrorCode::WrongPassphrase, |b| {
        b.sign(id, CHAIR, "chair", "sai mật khẩu".as_bytes())
    });
    assert_eq!(c.status(id), "closed");
    assert_eq!(c.attestations(id), 0);
}

#[test]
fn a_member_who_is_not_the_chair_cannot_sign_as_chair() {
    let (mut c, id) = Case::closed();
    // Refused before any key is needed: the role is checked against the record.
    let e = fails_unchanged(&mut c, ErrorCode::NotAllowed, |b| {
        b.sign(id, DEPUTY, "chair", PASS)
    });
    assert!(e.message.contains("not the chair"), "{}", e.message);
    fails_unchanged(&mut c, ErrorCode::NotAllowed, |b| {
        b.sign(id, CHAIR, "minute-taker", PASS)
    });
}

#[test]
fn unknown_member_or_role_signs_nothing() {
    let (mut c, id) = Case::closed();
    fails_unchanged(&mut c, ErrorCode::NotFound, |b| {
        b.sign(id, "Không Có Ai", "chair", PASS)
    });
    fails_unchanged(&mut c, ErrorCode::Usage, |b| {
        b.sign(id, CHAIR, "treasurer", PASS)
    });
}

#[test]
fn a_member_without_a_private_key_here_signs_nothing() {
    let (mut c, id) = Case::closed();
    // No key at all.
    fails_unchanged(&mut c, ErrorCode::NotFound, |b| {
        b.sign(id, CHAIR, "chair", PASS)
    });
    // Only the public half pinned: they sign on their own computer.
    let own = {
        let mut own = Case::with_roster();
        own.book.key_new(CHAIR, PASS).unwrap();
        own
    };
    let public = own.book.key_export_public(CHAIR).unwrap();
    c.book.key_pin(CHAIR, public.as_bytes()).unwrap();
    fails_unchanged(&mut c, ErrorCode::KeyProblem, |b| {
        b.sign(id, CHAIR, "chair", PASS)
    });
}

#[test]
fn an_open_meeting_cannot_be_signed() {
    let (mut c, id) = Case::with_meeting();
    c.book.key_new(CHAIR, PASS).unwrap();
    let e = fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| {
        b.sign(id, CHAIR, "chair", PASS)
    });
    assert!(e.message.contains("not closed"), "{}", e.message);
    // Nor a reopened one (its record is no longer current).
    c.book.close_meeting(id).unwrap();
    c.book.reopen_meeting(id).unwrap();
    let e = fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| {
        b.sign(id, CHAIR, "chair", PASS)
    });
    assert!(e.message.contains("reopened"), "{}", e.message);
}

#[test]
fn signing_twice_in_one_role_is_refused() {
    let (mut c, id) = closed_with_chair_key();
    c.book.sign(id, CHAIR, "chair", PASS).unwrap();
    fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| {
        b.sign(id, CHAIR, "chair", PASS)
    });
    assert_eq!(c.attestations(id), 1);
}

#[test]
fn signatures_of_version_1_do_not_cover_version_2() {
    let (mut c, id) = closed_with_chair_key();
    c.book.sign(id, CHAIR, "chair", PASS).unwrap();
    assert_eq!(c.status(id), "signing");
    c.book.reopen_meeting(id).unwrap();
    let v2 = c.book.close_meeting(id).unwrap();
    assert_eq!(v2.version, 2);
    assert_eq!(v2.status, "closed");
    assert!(v2.signed_roles.is_empty());
    assert_eq!(c.attestations(id), 0);
    // The chair signs version 2 afresh.
    let s = c.book.sign(id, CHAIR, "chair", PASS).unwrap();
    assert_eq!(s.stem, "01-chair");
    assert_eq!(c.book.record_info(id).unwrap().signed_roles, ["chair"]);
}

#[test]
fn a_record_altered_behind_the_apps_back_cannot_be_signed() {
    let (mut c, id) = closed_with_chair_key();
    alter_behind_the_back(&c.db(), id);
    fails_unchanged(&mut c, ErrorCode::Tampered, |b| {
        b.sign(id, CHAIR, "chair", PASS)
    });
    assert_eq!(c.attestations(id), 0);
}
