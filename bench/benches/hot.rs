//! Criterion benches of the hot functions behind `bench/run`'s latency and export figures:
//! full-text search, the meeting list, opening a meeting, building + canonicalising a record,
//! and the verification path (the one-pass canonical check against the full parser, a record's
//! header, a whole bundle against its two raw `verify_strict` calls). Data: one generated cell
//! book (3 years, to keep setup short).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use minutebook_api::Book;
use minutebook_bench::{Plan, generate_cell};
use minutebook_core::meeting::MeetingId;
use minutebook_record::record::{Chain, Record};

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cell.db");
    let plan = Plan {
        years: 3,
        ..Plan::default()
    };
    generate_cell(&db, 7, 0, &plan).unwrap();
    let book = Book::open(&db).unwrap();
    // The store's own functions, on a second connection to the same file.
    let store = minutebook_store::Store::open(&db).unwrap();
    let ids: Vec<i64> = book.meetings().unwrap().iter().map(|m| m.id).collect();
    let mid = ids[ids.len() / 2];

    c.bench_function("store search \"nghi quyet\" (limit 50)", |b| {
        b.iter(|| store.search(black_box("nghi quyet"), 50).unwrap())
    });
    c.bench_function("store search, no hit", |b| {
        b.iter(|| store.search(black_box("khong co trong so"), 50).unwrap())
    });
    c.bench_function("store list_meetings", |b| {
        b.iter(|| store.list_meetings().unwrap())
    });
    c.bench_function("Book::meetings (remembered integrity checks)", |b| {
        b.iter(|| book.meetings().unwrap())
    });
    c.bench_function(
        "Book::integrity (full re-check of one closed meeting)",
        |b| b.iter(|| book.integrity(black_box(mid)).unwrap()),
    );
    c.bench_function("store load_meeting", |b| {
        b.iter(|| store.load_meeting(MeetingId(black_box(mid))).unwrap())
    });
    c.bench_function("Book::report (open a meeting)", |b| {
        b.iter(|| book.report(black_box(mid), None).unwrap())
    });

    let cell = store.cell().unwrap().unwrap();
    let roster = store.list_members().unwrap();
    let meeting = store.load_meeting(MeetingId(mid)).unwrap();
    let chain = Chain {
        version: 1,
        sequence: 1,
        previous_version_sha256: None,
        previous_record_sha256: None,
    };
    c.bench_function("record build + canonicalise", |b| {
        b.iter(|| {
            let r = Record::build(
                "cell",
                &cell,
                &roster,
                black_box(&meeting),
                &[],
                chain.clone(),
            )
            .unwrap();
            minutebook_sign::canonical::to_canonical_bytes(&r).unwrap()
        })
    });

    // Verification of one real signed bundle of this book.
    let signed = book
        .meetings()
        .unwrap()
        .into_iter()
        .find(|m| m.status == "signed")
        .unwrap();
    let bundle = book.bundle(signed.id).unwrap();
    let trust = book.trust_store().unwrap();
    let opts = minutebook_sign::VerifyOptions::default();
    let kib = bundle.record.len() / 1024;
    c.bench_function(
        &format!("check_canonical, one-pass scan (record of {kib} KiB)"),
        |b| b.iter(|| minutebook_sign::check_canonical(black_box(&bundle.record)).unwrap()),
    );
    c.bench_function(
        &format!("parse_canonical_full, build + re-serialise (record of {kib} KiB)"),
        |b| {
            b.iter(|| {
                minutebook_sign::canonical::parse_canonical_full(black_box(&bundle.record)).unwrap()
            })
        },
    );
    c.bench_function("sign::Record::from_bytes (check + header + SHA-256)", |b| {
        b.iter(|| minutebook_sign::Record::from_bytes(black_box(bundle.record.clone())).unwrap())
    });
    c.bench_function("verify_bundle (two signatures, whole checks)", |b| {
        b.iter(|| minutebook_sign::verify_bundle(black_box(&bundle), &trust, &opts))
    });
    let raw: Vec<_> = bundle
        .signatures
        .iter()
        .map(|s| {
            let pem = std::str::from_utf8(&s.public_key_pem).unwrap();
            let key = minutebook_sign::keys::parse_public_key_pem(pem).unwrap();
            let sig = ed25519_dalek::Signature::from_slice(&s.signature).unwrap();
            (key, sig, s.attestation.clone())
        })
        .collect();
    c.bench_function("raw verify_strict x2 (the same two signatures)", |b| {
        b.iter(|| {
            for (key, sig, att) in &raw {
                key.verify_strict(black_box(att), sig).unwrap();
            }
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
