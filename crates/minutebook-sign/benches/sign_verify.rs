//! Sign and verify throughput of the crate against raw ed25519-dalek on the same signatures,
//! and verifying 10 000 in-memory bundles. Run with `cargo bench -p minutebook-sign`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ed25519_dalek::{Signature, Signer as _, SigningKey};
use minutebook_core::SignerRole;
use minutebook_sign::attestation::sign_record;
use minutebook_sign::verify::{VerifyOptions, verify_bundle};
use minutebook_sign::{Bundle, Fingerprint, Record, Signer, TrustStore, TrustedKey};
use serde_json::json;
use time::macros::datetime;

fn record() -> Record {
    let v = json!({
        "type": "minutebook.record", "format": 1,
        "cell": {"id": "cell-7", "name": "Chi bộ Khu phố 7"},
        "meeting": {"id": "mtg-1", "title": "Họp chi bộ tháng 3/2026"},
        "version": 1, "sequence": 1,
        "previous_version_sha256": null, "previous_record_sha256": null,
        "required_roles": ["chair", "minute-taker"],
        "signatories": {
            "chair": {"member_id": "m-001", "full_name": "Nguyễn Văn An"},
            "minute-taker": {"member_id": "m-002", "full_name": "Trần Thị Hương"}
        }
    });
    Record::from_bytes(minutebook_sign::to_canonical_bytes(&v).unwrap()).unwrap()
}

fn signers() -> [(SigningKey, Signer, SignerRole); 2] {
    [
        (
            SigningKey::from_bytes(&[1; 32]),
            Signer {
                member_id: "m-001".into(),
                full_name: "Nguyễn Văn An".into(),
            },
            SignerRole::Chair,
        ),
        (
            SigningKey::from_bytes(&[2; 32]),
            Signer {
                member_id: "m-002".into(),
                full_name: "Trần Thị Hương".into(),
            },
            SignerRole::MinuteTaker,
        ),
    ]
}

fn bench(c: &mut Criterion) {
    let rec = record();
    let t = datetime!(2026-03-15 10:30 +07:00);
    let [(k1, s1, r1), (k2, s2, r2)] = signers();
    let mut trust = TrustStore::new();
    for (k, s) in [(&k1, &s1), (&k2, &s2)] {
        trust.add(TrustedKey {
            fingerprint: Fingerprint::of(&k.verifying_key()),
            member_id: s.member_id.clone(),
            full_name: s.full_name.clone(),
            revoked_from: None,
        });
    }
    let signed = sign_record(&rec, &k1, s1.clone(), r1, t).unwrap();
    let att = signed.attestation.clone();
    let sig = Signature::from_bytes(&signed.signature);
    let vk = k1.verifying_key();

    let mut g = c.benchmark_group("one signature");
    g.throughput(Throughput::Elements(1));
    g.bench_function("raw dalek sign (attestation bytes)", |b| {
        b.iter(|| k1.sign(black_box(&att)))
    });
    g.bench_function("sign_record (build + canonicalise + sign)", |b| {
        b.iter(|| sign_record(black_box(&rec), &k1, s1.clone(), r1, t).unwrap())
    });
    g.bench_function("raw dalek verify_strict", |b| {
        b.iter(|| vk.verify_strict(black_box(&att), &sig).unwrap())
    });
    g.finish();

    let mut bundle = Bundle::new(rec.bytes().to_vec());
    bundle.add_signature(signed);
    bundle.add_signature(sign_record(&rec, &k2, s2, r2, t).unwrap());
    let opts = VerifyOptions::default();
    let mut g = c.benchmark_group("bundle");
    g.throughput(Throughput::Elements(1));
    g.bench_function("verify_bundle (2 signatures)", |b| {
        b.iter(|| verify_bundle(black_box(&bundle), &trust, &opts))
    });
    g.finish();

    let bundles: Vec<Bundle> = (0..10_000).map(|_| bundle.clone()).collect();
    let mut g = c.benchmark_group("bulk");
    g.sample_size(10);
    g.throughput(Throughput::Elements(bundles.len() as u64));
    g.bench_function("verify 10 000 bundles", |b| {
        b.iter(|| {
            bundles
                .iter()
                .filter(|x| {
                    verify_bundle(x, &trust, &opts).outcome == minutebook_sign::Outcome::Valid
                })
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
