//! Verification: the valid case and every tamper case from issue 3, ed25519 edge vectors,
//! the minute-book chain.

mod common;

use ed25519_dalek::{Signature, Signer as _, VerifyingKey};
use minutebook_core::SignerRole;
use minutebook_sign::attestation::sign_record;
use minutebook_sign::keys::public_key_pem;
use minutebook_sign::verify::{Outcome, VerifyOptions, verify_bundle, verify_chain};
use minutebook_sign::{Bundle, BundleLimits, Record, TrustStore, TrustedKey};
use time::macros::{date, datetime};

fn codes(r: &minutebook_sign::VerificationReport) -> Vec<&'static str> {
    r.problems.iter().map(|p| p.problem.code()).collect()
}

fn verify(b: &Bundle) -> minutebook_sign::VerificationReport {
    verify_bundle(b, &common::trust_all(), &VerifyOptions::default())
}

#[test]
fn valid_bundle_is_valid_and_serialises() {
    let b = common::signed_bundle(common::simple_record());
    let r = verify(&b);
    assert_eq!(r.outcome, Outcome::Valid, "{:?}", r.problems);
    assert_eq!(r.signatures.len(), 2);
    assert!(r.signatures.iter().all(|s| s.valid));
    assert!(r.required_roles.iter().all(|s| s.signed));
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["outcome"], "valid");
    assert_eq!(json["signatures"][0]["pin"]["status"], "pinned");
}

#[test]
fn unpinned_keys_are_reported_and_bare_keys_carry_a_caveat() {
    let b = common::signed_bundle(common::simple_record());
    let r = verify_bundle(&b, &TrustStore::new(), &VerifyOptions::default());
    assert_eq!(r.outcome, Outcome::Unpinned);
    assert_eq!(r.unpinned_fingerprints.len(), 2);
    assert!(r.problems.is_empty());

    let mut t = TrustStore::new();
    for k in [common::key(1), common::key(2)] {
        t.add_public_key_pem(&public_key_pem(&k.verifying_key()))
            .unwrap();
    }
    let r = verify_bundle(&b, &t, &VerifyOptions::default());
    assert_eq!(r.outcome, Outcome::Valid);
    assert_eq!(r.caveats.len(), 2);
    assert!(r.caveats[0].contains("for whoever the attestation names"));
}

#[test]
fn trust_file_round_trip_and_revocation() {
    let t = common::trust_all();
    let mut t2 = TrustStore::new();
    t2.add_trust_json(&t.to_trust_json()).unwrap();
    assert_eq!(t, t2);
    let mut t3 = TrustStore::new();
    let json = format!(
        r#"{{ "type": "minutebook.trust", "format": 1, "keys": [
        {{"fingerprint": "{}", "member_id": "m-001", "full_name": "Nguyễn Văn An", "revoked_from": "2026-03-01"}},
        {{"fingerprint": "{}", "member_id": "m-002", "full_name": "Trần Thị Hương", "revoked_from": null}} ] }}"#,
        minutebook_sign::Fingerprint::of(&common::key(1).verifying_key()),
        minutebook_sign::Fingerprint::of(&common::key(2).verifying_key()),
    );
    t3.add_trust_json(json.as_bytes()).unwrap();
    let b = common::signed_bundle(common::simple_record());
    let r = verify_bundle(&b, &t3, &VerifyOptions::default());
    assert_eq!(r.outcome, Outcome::Invalid);
    assert_eq!(codes(&r), ["key-revoked"]);
    assert!(
        t3.add_trust_json(br#"{"type":"other","format":1,"keys":[]}"#)
            .is_err()
    );
}

#[test]
fn one_byte_flipped_anywhere_in_any_file_is_invalid() {
    let b = common::signed_bundle(common::simple_record());
    let entries: Vec<(String, Vec<u8>)> = b
        .entries()
        .into_iter()
        .map(|(n, d)| (n, d.to_vec()))
        .collect();
    let mut checked = 0;
    for i in 0..entries.len() {
        for off in 0..entries[i].1.len() {
            let mut e = entries.clone();
            e[i].1[off] ^= 0x01;
            let tampered = Bundle::from_entries(e, BundleLimits::default()).unwrap();
            let r = verify(&tampered);
            assert_eq!(r.outcome, Outcome::Invalid, "{} byte {off}", entries[i].0);
            assert!(!r.problems.is_empty());
            checked += 1;
        }
    }
    assert!(checked > 1500, "{checked}");
}

#[test]
fn removed_signature_fails_naming_the_role() {
    let mut b = common::signed_bundle(common::simple_record());
    b.signatures.retain(|s| s.role != SignerRole::MinuteTaker);
    let r = verify(&b);
    assert_eq!(r.outcome, Outcome::Invalid);
    assert_eq!(codes(&r), ["required-role-missing"]);
    assert!(r.problems[0].message.contains("minute-taker"));

    let mut b = common::signed_bundle(common::simple_record());
    b.signatures.remove(0);
    let r = verify(&b);
    assert_eq!(codes(&r), ["signature-number-gap", "required-role-missing"]);

    let mut b = common::signed_bundle(common::simple_record());
    b.signatures.clear();
    assert!(codes(&verify(&b)).contains(&"no-signatures"));
}

#[test]
fn swapped_public_key_fails() {
    // Another valid key dropped in: signature and fingerprint no longer match.
    let mut b = common::signed_bundle(common::simple_record());
    b.signatures[0].public_key_pem = public_key_pem(&common::key(5).verifying_key()).into_bytes();
    let r = verify(&b);
    assert_eq!(
        codes(&r),
        [
            "signature-invalid",
            "fingerprint-mismatch",
            "required-role-missing"
        ]
    );

    // Attacker re-signs as the chair with their own (unpinned) key: signatures are valid, but
    // nothing pins the key, so it is never "valid".
    let rec = Record::from_bytes(common::simple_record()).unwrap();
    let mut b = common::signed_bundle(common::simple_record());
    let t = datetime!(2026-03-15 11:00 +07:00);
    let forged = sign_record(&rec, &common::key(5), common::chair(), SignerRole::Chair, t).unwrap();
    b.signatures.remove(0);
    b.add_signature(forged);
    b.signatures[1].number = 1;
    b.signatures.sort_by_key(|s| s.number);
    let r = verify(&b);
    assert_eq!(r.outcome, Outcome::Unpinned, "{:?}", r.problems);
    assert_eq!(r.unpinned_fingerprints.len(), 1);

    // …with a key pinned to another member: invalid.
    let mut b = common::signed_bundle(common::simple_record());
    b.signatures[0] = {
        let s = sign_record(&rec, &common::key(3), common::chair(), SignerRole::Chair, t).unwrap();
        let mut x = Bundle::new(vec![]);
        x.add_signature(s);
        x.signatures.remove(0)
    };
    let r = verify(&b);
    assert_eq!(codes(&r), ["key-pinned-to-other-member"]);

    // …or naming someone else as chair.
    let mut b = common::signed_bundle(common::simple_record());
    let s = sign_record(
        &rec,
        &common::key(3),
        common::member(),
        SignerRole::Chair,
        t,
    )
    .unwrap();
    let mut x = Bundle::new(vec![]);
    x.add_signature(s);
    b.signatures[0] = x.signatures.remove(0);
    let r = verify(&b);
    assert_eq!(codes(&r), ["signatory-mismatch", "required-role-missing"]);
}

#[test]
fn attestation_for_another_record_names_both_hashes() {
    let a = common::simple_record();
    let other = common::record_bytes(
        "mtg-2026-03",
        1,
        1,
        None,
        None,
        "Họp chi bộ tháng 3/2026 (sửa)",
    );
    let mut b = common::signed_bundle(other.clone());
    b.record = a.clone();
    let r = verify(&b);
    assert_eq!(r.outcome, Outcome::Invalid);
    let msg = &r.problems[0].message;
    assert_eq!(r.problems[0].problem.code(), "wrong-record");
    assert!(msg.contains(&minutebook_sign::sha256_hex(&a)), "{msg}");
    assert!(msg.contains(&minutebook_sign::sha256_hex(&other)), "{msg}");
}

#[test]
fn role_renamed_in_file_name_fails() {
    let mut b = common::signed_bundle(common::simple_record());
    b.signatures[1].role = SignerRole::Member;
    let r = verify(&b);
    assert!(codes(&r).contains(&"role-mismatch"), "{:?}", codes(&r));
}

#[test]
fn older_version_is_flagged_against_highest_seen() {
    let v1 = common::simple_record();
    let h1 = minutebook_sign::sha256_hex(&v1);
    let v2 = common::record_bytes(
        "mtg-2026-03",
        1,
        2,
        Some(&h1),
        None,
        "Họp chi bộ tháng 3/2026 (v2)",
    );
    let b1 = common::signed_bundle(v1);
    let mut opts = VerifyOptions::default();
    opts.highest_seen_versions.insert("mtg-2026-03".into(), 2);
    let r = verify_bundle(&b1, &common::trust_all(), &opts);
    assert_eq!(codes(&r), ["older-version"]);
    let r = verify_bundle(&common::signed_bundle(v2), &common::trust_all(), &opts);
    assert_eq!(r.outcome, Outcome::Valid);
}

fn book() -> Vec<Bundle> {
    let s1 = common::record_bytes("m1", 1, 1, None, None, "Tháng 1");
    let h1 = minutebook_sign::sha256_hex(&s1);
    let s2v1 = common::record_bytes("m2", 2, 1, None, Some(&h1), "Tháng 2");
    let s2v2 = common::record_bytes(
        "m2",
        2,
        2,
        Some(&minutebook_sign::sha256_hex(&s2v1)),
        Some(&h1),
        "Tháng 2 (sửa)",
    );
    let s3 = common::record_bytes(
        "m3",
        3,
        1,
        None,
        Some(&minutebook_sign::sha256_hex(&s2v2)),
        "Tháng 3",
    );
    [s1, s2v1, s2v2, s3]
        .into_iter()
        .map(common::signed_bundle)
        .collect()
}

#[test]
fn chain_valid_and_every_break_is_named() {
    let b = book();
    let r = verify_chain(&b);
    assert_eq!(r.outcome, Outcome::Valid, "{:?}", r.problems);
    assert_eq!(r.current.len(), 3);
    assert_eq!(r.current[1].version, 2);

    // A record removed from the book.
    let r = verify_chain(&[b[0].clone(), b[3].clone()]);
    assert_eq!(r.outcome, Outcome::Invalid);
    let p: Vec<_> = r.problems.iter().map(|p| p.message.clone()).collect();
    assert!(p[0].contains("sequence 2"), "{p:?}");

    // The older version of sequence 2 presented as current (v2 withheld).
    let r = verify_chain(&[b[0].clone(), b[1].clone(), b[3].clone()]);
    let codes: Vec<_> = r.problems.iter().map(|p| p.problem.code()).collect();
    assert_eq!(codes, ["previous-record-mismatch"]);
    assert!(
        r.problems[0].message.contains("sequence 3"),
        "{}",
        r.problems[0].message
    );
    assert!(
        r.problems[0]
            .message
            .contains(&minutebook_sign::sha256_hex(&b[1].record))
    );

    // Version 1 withheld: named.
    let r = verify_chain(&[b[0].clone(), b[2].clone(), b[3].clone()]);
    let codes: Vec<_> = r.problems.iter().map(|p| p.problem.code()).collect();
    assert_eq!(codes, ["version-missing"]);

    // Sequence 1 replaced by another record.
    let fake1 = common::signed_bundle(common::record_bytes(
        "m1",
        1,
        1,
        None,
        None,
        "Tháng 1 (giả)",
    ));
    let r = verify_chain(&[fake1.clone(), b[1].clone(), b[2].clone(), b[3].clone()]);
    let codes: Vec<_> = r.problems.iter().map(|p| p.problem.code()).collect();
    assert_eq!(
        codes,
        ["previous-record-mismatch", "previous-record-mismatch"]
    );
    // Both present: a fork.
    let mut all = b.clone();
    all.push(fake1);
    let r = verify_chain(&all);
    assert!(
        r.problems
            .iter()
            .any(|p| p.problem.code() == "conflicting-records")
    );
}

fn hex32(s: &str) -> [u8; 32] {
    let v: Vec<u8> = (0..64)
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect();
    v.try_into().unwrap()
}

#[test]
fn ed25519_edge_vectors_are_rejected_by_verify_strict() {
    let msg = b"bien ban";
    // Identity key and identity R with s = 0 "verify" for every message under the lax rule.
    let identity = hex32("0100000000000000000000000000000000000000000000000000000000000000");
    let mut sig = [0u8; 64];
    sig[..32].copy_from_slice(&identity);
    let sig = Signature::from_bytes(&sig);
    let small_order = [
        "0100000000000000000000000000000000000000000000000000000000000000",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0000000000000000000000000000000000000000000000000000000000000080",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
        // non-canonical encoding of the identity (y = p + 1)
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    ];
    let lax = VerifyingKey::from_bytes(&identity).unwrap();
    assert!(
        ed25519_dalek::Verifier::verify(&lax, msg, &sig).is_ok(),
        "vector is meaningful"
    );
    for h in small_order {
        if let Ok(vk) = VerifyingKey::from_bytes(&hex32(h)) {
            assert!(vk.verify_strict(msg, &sig).is_err(), "{h}");
        }
    }
    // In a bundle: the small-order key is refused with a clear problem.
    let rec = Record::from_bytes(common::simple_record()).unwrap();
    let mut b = common::signed_bundle(common::simple_record());
    b.signatures[0].public_key_pem = public_key_pem(&lax).into_bytes();
    b.signatures[0].signature = sig.to_bytes().to_vec();
    let r = verify(&b);
    assert!(codes(&r).contains(&"public-key-invalid"), "{:?}", codes(&r));
    assert!(
        r.problems[0].message.contains("small-order"),
        "{}",
        r.problems[0].message
    );

    // Non-canonical s (s + ℓ): rejected.
    let k = common::key(1);
    let good = k.sign(rec.bytes()).to_bytes();
    let ell: [u8; 32] = hex32("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
    let mut bad = good;
    let mut carry = 0u16;
    for i in 0..32 {
        let s = u16::from(bad[32 + i]) + u16::from(ell[i]) + carry;
        bad[32 + i] = (s & 0xff) as u8;
        carry = s >> 8;
    }
    assert_eq!(carry, 0);
    let vk = k.verifying_key();
    assert!(
        vk.verify_strict(rec.bytes(), &Signature::from_bytes(&good))
            .is_ok()
    );
    assert!(
        vk.verify_strict(rec.bytes(), &Signature::from_bytes(&bad))
            .is_err()
    );
    let mut b = common::signed_bundle(common::simple_record());
    let mut s = b.signatures[0].signature.clone();
    let mut carry = 0u16;
    for i in 0..32 {
        let x = u16::from(s[32 + i]) + u16::from(ell[i]) + carry;
        s[32 + i] = (x & 0xff) as u8;
        carry = x >> 8;
    }
    b.signatures[0].signature = s;
    assert_eq!(codes(&verify(&b))[0], "signature-invalid");
    // Wrong length.
    let mut b = common::signed_bundle(common::simple_record());
    b.signatures[0].signature.pop();
    assert_eq!(codes(&verify(&b))[0], "signature-length");
}

#[test]
fn problem_codes_match_json() {
    let mut b = common::signed_bundle(common::simple_record());
    b.signatures[0].public_key_pem = public_key_pem(&common::key(5).verifying_key()).into_bytes();
    let r = verify(&b);
    let json = serde_json::to_value(&r).unwrap();
    for (i, p) in r.problems.iter().enumerate() {
        assert_eq!(json["problems"][i]["code"], p.problem.code());
        assert_eq!(json["problems"][i]["message"], p.message);
    }
    let _ = TrustedKey {
        fingerprint: minutebook_sign::Fingerprint::of(&common::key(1).verifying_key()),
        member_id: "x".into(),
        full_name: "x".into(),
        revoked_from: Some(date!(2026 - 01 - 01)),
    };
}
