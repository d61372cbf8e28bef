//! Importing attestations signed on members' own computers (`sign_request` elsewhere).

use std::path::{Path, PathBuf};

use minutebook_api::ErrorCode;

use crate::support::*;

/// A closed meeting, its signing request exported, the chair signing it with a key in this
/// book (written as files, not stored) and the minute-taker on her own computer, her public
/// key pinned here. Returns the case, the meeting and the folders `chair/` and `ha/` holding
/// `01-chair.*` and `01-minute-taker.*`.
fn signed_elsewhere() -> (Case, i64, PathBuf, PathBuf) {
    let (mut c, id) = Case::with_meeting();
    c.book.key_new(CHAIR, PASS).unwrap();
    c.book.close_meeting(id).unwrap();
    let request = c.path("request");
    c.book.export_signing_request(id, &request).unwrap();
    let chair = c.path("chair");
    c.book
        .sign_request(&request, CHAIR, "chair", PASS, &chair)
        .unwrap();
    let ha = c.path("ha");
    let own = sign_elsewhere(&request, MINUTE_TAKER, "minute-taker", &ha);
    let public = own.book.key_export_public(MINUTE_TAKER).unwrap();
    c.book.key_pin(MINUTE_TAKER, public.as_bytes()).unwrap();
    (c, id, chair, ha)
}

/// `dir` holding the chair's attestation as 01 and the minute-taker's as 02.
fn batch(c: &Case, chair: &Path, ha: &Path, name: &str) -> PathBuf {
    let dir = c.path(name);
    copy_attestation(chair, "01-chair", &dir, "01-chair");
    copy_attestation(ha, "01-minute-taker", &dir, "02-minute-taker");
    dir
}

#[test]
fn two_attestations_signed_elsewhere_import_and_sign_the_meeting() {
    let (mut c, id, chair, ha) = signed_elsewhere();
    let dir = batch(&c, &chair, &ha, "batch");
    let accepted = c.book.import_attestations(id, &dir).unwrap();
    let stems: Vec<&str> = accepted.iter().map(|a| a.stem.as_str()).collect();
    assert_eq!(stems, ["01-chair", "02-minute-taker"]);
    assert!(accepted.iter().all(|a| a.status == "signed"));
    assert_eq!(c.status(id), "signed");
    assert_eq!(c.attestations(id), 2);
    assert!(c.book.check().unwrap().ok);
    // The same files again: nothing new.
    let again = c.book.import_attestations(id, &dir).unwrap();
    assert!(again.is_empty());
    assert_eq!(c.attestations(id), 2);
}

#[test]
fn an_attestation_of_an_unpinned_key_is_refused() {
    let (mut c, id) = Case::closed();
    let request = c.path("request");
    c.book.export_signing_request(id, &request).unwrap();
    let out = c.path("signed");
    let own = sign_elsewhere(&request, MINUTE_TAKER, "minute-taker", &out);
    let e = fails_unchanged(&mut c, ErrorCode::Tampered, |b| {
        b.import_attestations(id, &out)
    });
    assert!(e.message.contains("not pinned"), "{}", e.message);
    assert_eq!(c.status(id), "closed");
    // Another member's key pinned for her does not help either.
    let other = {
        let mut o = Case::with_roster();
        o.book.key_new(MINUTE_TAKER, PASS).unwrap();
        o.book.key_export_public(MINUTE_TAKER).unwrap()
    };
    c.book.key_pin(MINUTE_TAKER, other.as_bytes()).unwrap();
    fails_unchanged(&mut c, ErrorCode::Tampered, |b| {
        b.import_attestations(id, &out)
    });
    // Her own key pinned: accepted.
    c.book.key_revoke(MINUTE_TAKER, "2026-01-01").unwrap();
    let public = own.book.key_export_public(MINUTE_TAKER).unwrap();
    c.book.key_pin(MINUTE_TAKER, public.as_bytes()).unwrap();
    c.book.import_attestations(id, &out).unwrap();
    assert_eq!(c.status(id), "signing");
}

#[test]
fn an_attestation_with_one_byte_flipped_is_refused() {
    let (mut c, id, _chair, ha) = signed_elsewhere();
    for ext in ["json", "sig", "pub.pem"] {
        let dir = c.path(&format!("flipped-{}", ext.replace('.', "-")));
        copy_attestation(&ha, "01-minute-taker", &dir, "01-minute-taker");
        flip_byte(&dir.join(format!("01-minute-taker.{ext}")));
        let before = c.state();
        let e = c.book.import_attestations(id, &dir).unwrap_err();
        assert!(
            matches!(e.code, ErrorCode::Tampered | ErrorCode::InvalidInput),
            "{ext}: {:?} {}",
            e.code,
            e.message
        );
        assert_unchanged(
            &c,
            &before,
            &format!("{ext}: the refused import changed the book"),
        );
    }
    // The signature itself flipped is what verification must name as tampering.
    let dir = c.path("flipped-sig-only");
    copy_attestation(&ha, "01-minute-taker", &dir, "01-minute-taker");
    flip_byte(&dir.join("01-minute-taker.sig"));
    fails_unchanged(&mut c, ErrorCode::Tampered, |b| {
        b.import_attestations(id, &dir)
    });
    assert_eq!(c.attestations(id), 0);
    assert_eq!(c.status(id), "closed");
}

/// ISSUE 14 — fails on the code before the one-transaction change: `import_attestations`
/// stores each good attestation in its own transaction as it goes, so the chair's (first,
/// good) attestation is kept when the minute-taker's (last) one is refused. All or nothing:
/// none may be stored.
#[test]
fn a_batch_whose_last_attestation_is_bad_imports_none() {
    let (mut c, id, chair, ha) = signed_elsewhere();
    let dir = batch(&c, &chair, &ha, "batch");
    flip_byte(&dir.join("02-minute-taker.sig"));
    let before = c.state();
    let e = fails(c.book.import_attestations(id, &dir), ErrorCode::Tampered);
    assert!(e.message.contains("02-minute-taker"), "{}", e.message);
    assert_eq!(
        c.attestations(id),
        0,
        "the batch was refused but its first attestation was stored (issue 14)"
    );
    assert_eq!(c.status(id), "closed");
    assert_unchanged(&c, &before, "the refused batch changed the book");
}

#[test]
fn importing_into_an_open_meeting_or_from_an_empty_folder_is_refused() {
    let (mut c, id, chair, _ha) = signed_elsewhere();
    let empty = c.path("empty");
    std::fs::create_dir_all(&empty).unwrap();
    fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| {
        b.import_attestations(id, &empty)
    });
    fails_unchanged(&mut c, ErrorCode::Io, |b| {
        b.import_attestations(id, Path::new("/no/such/folder"))
    });
    // An incomplete attestation (no .sig).
    let partial = c.path("partial");
    copy_attestation(&chair, "01-chair", &partial, "01-chair");
    std::fs::remove_file(partial.join("01-chair.sig")).unwrap();
    fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| {
        b.import_attestations(id, &partial)
    });
    c.book.reopen_meeting(id).unwrap();
    fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| {
        b.import_attestations(id, &chair)
    });
}

#[test]
fn an_attestation_of_version_1_is_refused_for_version_2() {
    let (mut c, id, chair, _ha) = signed_elsewhere();
    c.book.reopen_meeting(id).unwrap();
    c.book.set_vote_reading(id, 1, "all-official").unwrap();
    c.book.close_meeting(id).unwrap();
    fails_unchanged(&mut c, ErrorCode::Tampered, |b| {
        b.import_attestations(id, &chair)
    });
    assert_eq!(c.status(id), "closed");
}
