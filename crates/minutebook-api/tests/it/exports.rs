//! What leaves the book: bundles, signing requests, PDFs — and that they verify.

use minutebook_api::ErrorCode;
use minutebook_api::verify::verify_path;

use crate::support::*;

/// A meeting closed and signed by chair and minute-taker (two keys, one passphrase).
fn signed() -> (Case, i64) {
    let (mut c, id) = Case::with_meeting();
    c.book.key_new(CHAIR, PASS).unwrap();
    c.book.key_new(MINUTE_TAKER, PASS).unwrap();
    c.book.close_meeting(id).unwrap();
    c.book.sign(id, CHAIR, "chair", PASS).unwrap();
    c.book.sign(id, MINUTE_TAKER, "minute-taker", PASS).unwrap();
    (c, id)
}

#[test]
fn a_signed_bundle_exports_as_folder_and_zip_and_verifies_against_the_roster() {
    let (c, id) = signed();
    let dir = c.path("bundle");
    c.book.export_bundle(id, &dir, false).unwrap();
    for f in [
        "record.json",
        "signatures/01-chair.json",
        "signatures/01-chair.sig",
        "signatures/01-chair.pub.pem",
        "signatures/02-minute-taker.json",
    ] {
        assert!(dir.join(f).exists(), "{f}");
    }
    let r = verify_path(&dir, &[], Some(&c.book)).unwrap();
    assert_eq!(r.exit_code(), 0, "{r:?}");
    let zip = c.path("bundle.zip");
    c.book.export_bundle(id, &zip, true).unwrap();
    assert_eq!(
        verify_path(&zip, &[], Some(&c.book)).unwrap().exit_code(),
        0
    );
    // Without the roster's trust the keys are pinned by nothing.
    assert_eq!(verify_path(&zip, &[], None).unwrap().exit_code(), 3);
    // With the roster exported as a trust file: valid.
    let trust = c.path("roster.trust.json");
    std::fs::write(&trust, c.book.trust_file().unwrap()).unwrap();
    assert_eq!(
        verify_path(&zip, std::slice::from_ref(&trust), None)
            .unwrap()
            .exit_code(),
        0
    );
    // A flipped byte in the exported record: invalid.
    flip_byte(&dir.join("record.json"));
    assert_eq!(
        verify_path(&dir, &[], Some(&c.book)).unwrap().exit_code(),
        1
    );
}

#[test]
fn a_signing_request_holds_the_record_and_no_signature() {
    let (c, id) = signed();
    let request = c.path("request");
    c.book.export_signing_request(id, &request).unwrap();
    assert_eq!(
        std::fs::read(request.join("record.json")).unwrap(),
        c.book.bundle(id).unwrap().record
    );
    let sigs = request.join("signatures");
    assert!(!sigs.exists() || std::fs::read_dir(&sigs).unwrap().next().is_none());
}

#[test]
fn an_open_meeting_exports_no_bundle_and_writes_no_file() {
    let (c, id) = Case::with_meeting();
    let out = c.path("bundle");
    fails(
        c.book.export_bundle(id, &out, false),
        ErrorCode::InvalidInput,
    );
    fails(
        c.book.export_bundle(id, &c.path("b.zip"), true),
        ErrorCode::InvalidInput,
    );
    fails(
        c.book.export_signing_request(id, &out),
        ErrorCode::InvalidInput,
    );
    assert!(!out.exists());
    assert!(!c.path("b.zip").exists());
}

#[test]
fn the_minutes_pdf_of_a_signed_meeting_renders() {
    let (c, id) = signed();
    let pdf = c.book.export_minutes_pdf(id, false).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // A meeting that does not exist: refused. (Today as `InvalidInput` "meeting #4242 is not
    // closed yet", like `sign` and `export_bundle` — not `NotFound`; not pinned here.)
    assert!(c.book.export_minutes_pdf(4242, false).is_err());
}

#[test]
fn an_open_meeting_has_no_minutes_pdf() {
    let (c, id) = Case::with_meeting();
    fails(
        c.book.export_minutes_pdf(id, false),
        ErrorCode::InvalidInput,
    );
}

#[test]
fn a_meeting_that_does_not_exist_is_not_found_for_signing_and_exports() {
    let (mut c, _) = signed();
    let before = c.state();
    fails_unchanged(&mut c, ErrorCode::NotFound, |b| {
        b.sign(99, CHAIR, "chair", PASS)
    });
    let out = c.path("nothing");
    fails(c.book.export_bundle(99, &out, false), ErrorCode::NotFound);
    fails(c.book.export_minutes_pdf(99, false), ErrorCode::NotFound);
    fails(c.book.export_signing_request(99, &out), ErrorCode::NotFound);
    assert!(!out.exists());
    assert_unchanged(&c, &before, "unknown meeting");
}
