//! Shared test fixtures: records, fixed keys, signed bundles.
#![allow(dead_code)]

use ed25519_dalek::SigningKey;
use minutebook_core::SignerRole;
use minutebook_sign::attestation::sign_record;
use minutebook_sign::{Bundle, Record, Signer};
use serde_json::json;
use time::macros::datetime;

pub fn key(n: u8) -> SigningKey {
    SigningKey::from_bytes(&[n; 32])
}

pub fn chair() -> Signer {
    Signer {
        member_id: "m-001".into(),
        full_name: "Nguyễn Văn An".into(),
    }
}

pub fn minute_taker() -> Signer {
    Signer {
        member_id: "m-002".into(),
        full_name: "Trần Thị Hương".into(),
    }
}

pub fn member() -> Signer {
    Signer {
        member_id: "m-003".into(),
        full_name: "Lê Văn Bình".into(),
    }
}

/// Canonical record bytes for `meeting` at `sequence`/`version` with the given links.
pub fn record_bytes(
    meeting: &str,
    sequence: u64,
    version: u64,
    prev_version: Option<&str>,
    prev_record: Option<&str>,
    title: &str,
) -> Vec<u8> {
    let v = json!({
        "type": "minutebook.record",
        "format": 1,
        "cell": {"id": "cell-7", "name": "Chi bộ Khu phố 7"},
        "meeting": {"id": meeting, "date": "2026-03-15", "title": title},
        "version": version,
        "sequence": sequence,
        "previous_version_sha256": prev_version,
        "previous_record_sha256": prev_record,
        "required_roles": ["chair", "minute-taker"],
        "signatories": {
            "chair": {"member_id": "m-001", "full_name": "Nguyễn Văn An"},
            "minute-taker": {"member_id": "m-002", "full_name": "Trần Thị Hương"}
        },
        "agenda": [{"title": "Kiểm điểm nghị quyết tháng trước"}, {"title": "Phát triển đảng viên"}]
    });
    minutebook_sign::to_canonical_bytes(&v).unwrap()
}

pub fn simple_record() -> Vec<u8> {
    record_bytes("mtg-2026-03", 1, 1, None, None, "Họp chi bộ tháng 3/2026")
}

/// A bundle signed by chair (key 1) and minute-taker (key 2).
pub fn signed_bundle(record: Vec<u8>) -> Bundle {
    let rec = Record::from_bytes(record.clone()).unwrap();
    let mut b = Bundle::new(record);
    let t = datetime!(2026-03-15 10:30 +07:00);
    b.add_signature(sign_record(&rec, &key(1), chair(), SignerRole::Chair, t).unwrap());
    b.add_signature(
        sign_record(&rec, &key(2), minute_taker(), SignerRole::MinuteTaker, t).unwrap(),
    );
    b
}

pub fn trust_all() -> minutebook_sign::TrustStore {
    let mut t = minutebook_sign::TrustStore::new();
    for (k, s) in [
        (key(1), chair()),
        (key(2), minute_taker()),
        (key(3), member()),
    ] {
        t.add(minutebook_sign::TrustedKey {
            fingerprint: minutebook_sign::Fingerprint::of(&k.verifying_key()),
            member_id: s.member_id,
            full_name: s.full_name,
            revoked_from: None,
        });
    }
    t
}
