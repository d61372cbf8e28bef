//! Keys: generating, importing, pinning, revoking.

use minutebook_api::ErrorCode;

use crate::support::*;

#[test]
fn a_new_key_is_listed_and_a_second_one_refused_until_revoked() {
    let mut c = Case::with_roster();
    let k = c.book.key_new(CHAIR, PASS).unwrap();
    assert_eq!(k.full_name, CHAIR);
    assert_eq!(k.fingerprint.len(), 64);
    assert_eq!(k.revoked_from, None);
    assert_eq!(c.book.keys().unwrap(), std::slice::from_ref(&k));
    let m = c.book.members().unwrap();
    let chair = m.iter().find(|m| m.member.full_name == CHAIR).unwrap();
    assert_eq!(
        chair.key_fingerprint.as_deref(),
        Some(k.fingerprint.as_str())
    );
    // The trust store pins it to the chair.
    let trusted = c.book.trusted_keys().unwrap();
    assert_eq!(trusted.len(), 1);
    assert_eq!(trusted[0].full_name, CHAIR);

    fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| b.key_new(CHAIR, PASS));
    fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| {
        b.key_revoke(CHAIR, "2026-02-30")
    });
    fails_unchanged(&mut c, ErrorCode::NotFound, |b| {
        b.key_revoke(DEPUTY, "2026-04-01")
    });
    c.book.key_revoke(CHAIR, "2026-04-01").unwrap();
    let keys = c.book.keys().unwrap();
    assert_eq!(keys[0].revoked_from.as_deref(), Some("2026-04-01"));
    let public = c.book.key_export_public(CHAIR);
    fails(public, ErrorCode::NotFound);
}

#[test]
fn an_empty_passphrase_stores_no_key() {
    let mut c = Case::with_roster();
    fails_unchanged(&mut c, ErrorCode::WrongPassphrase, |b| {
        b.key_new(CHAIR, b"")
    });
    assert!(c.book.keys().unwrap().is_empty());
}

#[test]
fn an_encrypted_key_imports_with_its_passphrase_only() {
    let mut c = Case::with_roster();
    let key = minutebook_sign::keys::generate().unwrap();
    let pem = minutebook_sign::keys::encrypt_private_key_pem(&key, PASS).unwrap();
    let pem = pem.as_bytes();
    fails_unchanged(&mut c, ErrorCode::WrongPassphrase, |b| {
        b.key_import(CHAIR, pem, "sai mật khẩu".as_bytes())
    });
    fails_unchanged(&mut c, ErrorCode::KeyProblem, |b| {
        b.key_import(CHAIR, b"-----BEGIN NOTHING-----\n", PASS)
    });
    fails_unchanged(&mut c, ErrorCode::KeyProblem, |b| {
        b.key_import(CHAIR, &[0xff, 0xfe, 0x00], PASS)
    });
    fails_unchanged(&mut c, ErrorCode::NotFound, |b| {
        b.key_import("Không Có Ai", pem, PASS)
    });
    let k = c.book.key_import(CHAIR, pem, PASS).unwrap();
    let expected = minutebook_sign::keys::Fingerprint::of(&key.verifying_key());
    assert_eq!(k.fingerprint, expected.as_hex());
}

#[test]
fn a_public_key_is_pinned_and_garbage_refused() {
    let mut c = Case::with_roster();
    let own = {
        let mut own = Case::with_roster();
        own.book.key_new(MINUTE_TAKER, PASS).unwrap();
        own
    };
    let public = own.book.key_export_public(MINUTE_TAKER).unwrap();
    fails_unchanged(&mut c, ErrorCode::KeyProblem, |b| {
        b.key_pin(
            MINUTE_TAKER,
            b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
        )
    });
    let mut flipped = public.clone().into_bytes();
    let i = flipped.len() / 2;
    flipped[i] ^= 0x01;
    // A flipped byte in base64 is either unreadable or another key; never this member's.
    match c.book.key_pin(MINUTE_TAKER, &flipped) {
        Err(e) => assert_eq!(e.code, ErrorCode::KeyProblem, "{}", e.message),
        Ok(k) => {
            assert_ne!(k.fingerprint, own.book.keys().unwrap()[0].fingerprint);
            c.book.key_revoke(MINUTE_TAKER, "2026-01-01").unwrap();
        }
    }
    let k = c.book.key_pin(MINUTE_TAKER, public.as_bytes()).unwrap();
    assert_eq!(k.fingerprint, own.book.keys().unwrap()[0].fingerprint);
    assert_eq!(c.book.key_export_public(MINUTE_TAKER).unwrap(), public);
}
