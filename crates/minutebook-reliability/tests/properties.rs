//! Property tests (proptest) kept fast for the normal test run:
//! - export → import → export of the meeting interchange file is byte-identical for arbitrary
//!   text (with the hostile-text corpus as a sample source);
//! - sign → verify holds for arbitrary records with the keys pinned;
//! - any single-byte change of a signed bundle (record, attestation, signature, public key)
//!   fails verification.

use ed25519_dalek::SigningKey;
use minutebook_record::interchange::MeetingFile;
use minutebook_sign::attestation::sign_record;
use minutebook_sign::trust::{TrustStore, TrustedKey};
use minutebook_sign::verify::{Outcome, VerifyOptions, verify_bundle};
use minutebook_sign::{Bundle, BundleLimits, Fingerprint, Record, Role, Signer};
use proptest::prelude::*;
use serde_json::{Value, json};
use time::macros::datetime;
use unicode_normalization::UnicodeNormalization;

/// Copy of `shared/cases/hostile-text.txt` (the shared case file), kept here so the test builds
/// from the repository alone.
const HOSTILE: &str = include_str!("data/hostile-text.txt");
const MEETING: &[u8] = include_bytes!("../../../examples/meeting-2026-03.json");

/// Arbitrary text: a hostile-corpus line, or arbitrary Unicode, in the form text enters the
/// program (NFC, no control characters, trimmed, not empty).
fn text() -> impl Strategy<Value = String> {
    let lines: Vec<String> = HOSTILE
        .lines()
        .map(str::to_owned)
        .filter(|l| !l.trim().is_empty())
        .collect();
    prop_oneof![
        prop::sample::select(lines),
        any::<String>(),
        "[a-zA-Z ]{1,8}".prop_map(|s| s),
    ]
    .prop_map(|s| {
        let t: String = s.nfc().filter(|c| !c.is_control()).collect();
        let t = t.trim().to_owned();
        if t.is_empty() { "x".to_owned() } else { t }
    })
}

fn set(v: &mut Value, path: &[&str], s: String) {
    let mut cur = v;
    for p in path {
        cur = match p.parse::<usize>() {
            Ok(i) => &mut cur[i],
            Err(_) => &mut cur[*p],
        };
    }
    *cur = Value::String(s);
}

fn roundtrip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let f = MeetingFile::parse(bytes).map_err(|e| e.to_string())?;
    let i = f.to_domain().map_err(|e| e.to_string())?;
    Ok(MeetingFile::new(&i.cell_id, &i.cell, &i.roster, &i.meeting).to_json())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn interchange_export_import_export_is_byte_identical(
        subject in text(), place in text(), title in text(), presentation in text(),
        conclusion in text(), gists in prop::collection::vec(text(), 0..4),
        guest_post in text(),
    ) {
        let mut v: Value = serde_json::from_slice(MEETING).expect("example");
        set(&mut v, &["meeting", "subject"], subject);
        set(&mut v, &["meeting", "place"], place);
        set(&mut v, &["meeting", "agenda", "1", "title"], title);
        set(&mut v, &["meeting", "agenda", "1", "presentation"], presentation);
        set(&mut v, &["meeting", "agenda", "2", "conclusion"], conclusion);
        set(&mut v, &["meeting", "guests", "0", "post"], guest_post);
        let speeches: Vec<Value> = gists
            .into_iter()
            .map(|g| json!({"speaker": {"kind": "member", "member_id": "m02", "name": "Trần Thị Lan"}, "gist": g}))
            .collect();
        v["meeting"]["agenda"][1]["speeches"] = Value::Array(speeches);
        let input = serde_json::to_vec(&v).expect("json");
        let first = match roundtrip(&input) {
            Ok(b) => b,
            Err(e) => return Err(TestCaseError::fail(format!("valid input refused: {e}"))),
        };
        let second = roundtrip(&first).map_err(TestCaseError::fail)?;
        prop_assert_eq!(first, second);
    }
}

fn signer(id: &str, name: &str) -> Signer {
    Signer {
        member_id: id.to_owned(),
        full_name: name.to_owned(),
    }
}

/// A record with arbitrary text, signed by the chair and the minute-taker, and a trust store
/// pinning both keys.
fn signed(title: &str, items: &[String], chair_name: &str, seed: u8) -> (Bundle, TrustStore) {
    let v = json!({
        "type": "minutebook.record",
        "format": 1,
        "cell": {"id": "cell-7", "name": "Chi bộ Khu phố 7"},
        "meeting": {"id": "2026-03", "date": "2026-03-15", "title": title},
        "version": 1,
        "sequence": 1,
        "previous_version_sha256": null,
        "previous_record_sha256": null,
        "required_roles": ["chair", "minute-taker"],
        "signatories": {
            "chair": {"member_id": "m-001", "full_name": chair_name},
            "minute-taker": {"member_id": "m-002", "full_name": "Trần Thị Hương"}
        },
        "agenda": items.iter().map(|t| json!({"title": t})).collect::<Vec<_>>(),
    });
    let bytes = minutebook_sign::to_canonical_bytes(&v).expect("canonical");
    let record = Record::from_bytes(bytes.clone()).expect("record");
    let mut bundle = Bundle::new(bytes);
    let mut trust = TrustStore::new();
    for (i, (s, role)) in [
        (signer("m-001", chair_name), Role::Chair),
        (signer("m-002", "Trần Thị Hương"), Role::MinuteTaker),
    ]
    .into_iter()
    .enumerate()
    {
        let key = SigningKey::from_bytes(&[seed.wrapping_add(i as u8); 32]);
        trust.add(TrustedKey {
            fingerprint: Fingerprint::of(&key.verifying_key()),
            member_id: s.member_id.clone(),
            full_name: s.full_name.clone(),
            revoked_from: None,
        });
        let sa = sign_record(&record, &key, s, role, datetime!(2026-03-15 21:00 +7)).expect("sign");
        bundle.add_signature(sa);
    }
    (bundle, trust)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn sign_then_verify_holds_for_arbitrary_records(
        title in text(), items in prop::collection::vec(text(), 0..5), chair in text(),
        seed in 1u8..200,
    ) {
        let (bundle, trust) = signed(&title, &items, &chair, seed);
        let report = verify_bundle(&bundle, &trust, &VerifyOptions::default());
        prop_assert_eq!(report.outcome, Outcome::Valid, "{:?}", report.problems);
        // And through the zip form.
        let zip = bundle.to_zip_bytes().expect("zip");
        let back = Bundle::read_zip_from(std::io::Cursor::new(zip), BundleLimits::default())
            .expect("read zip");
        let report = verify_bundle(&back, &trust, &VerifyOptions::default());
        prop_assert_eq!(report.outcome, Outcome::Valid);
    }

    #[test]
    fn any_single_byte_change_of_a_signed_bundle_fails(
        title in text(), which in any::<prop::sample::Index>(), at in any::<prop::sample::Index>(),
        delta in 1u8..=255,
    ) {
        let (bundle, trust) = signed(&title, &["Phát triển đảng viên".to_owned()], "Nguyễn Văn An", 9);
        let mut entries: Vec<(String, Vec<u8>)> = bundle
            .entries()
            .into_iter()
            .map(|(p, b)| (p, b.to_vec()))
            .collect();
        let e = which.index(entries.len());
        let i = at.index(entries[e].1.len());
        entries[e].1[i] = entries[e].1[i].wrapping_add(delta);
        let path = entries[e].0.clone();
        match Bundle::from_entries(entries, BundleLimits::default()) {
            Err(_) => {}
            Ok(b) => {
                let report = verify_bundle(&b, &trust, &VerifyOptions::default());
                prop_assert_ne!(report.outcome, Outcome::Valid, "{} byte {} +{}", path, i, delta);
            }
        }
    }
}
