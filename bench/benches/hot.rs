//! Criterion benches of the hot functions behind `bench/run`'s latency and export figures:
//! full-text search, the meeting list, opening a meeting, and building + canonicalising a
//! record. Data: one generated cell book (3 years, to keep setup short).

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
    let ids: Vec<i64> = book.meetings().unwrap().iter().map(|m| m.id).collect();
    let mid = ids[ids.len() / 2];

    c.bench_function("store search \"nghi quyet\" (limit 50)", |b| {
        b.iter(|| book.store().search(black_box("nghi quyet"), 50).unwrap())
    });
    c.bench_function("store search, no hit", |b| {
        b.iter(|| {
            book.store()
                .search(black_box("khong co trong so"), 50)
                .unwrap()
        })
    });
    c.bench_function("store list_meetings", |b| {
        b.iter(|| book.store().list_meetings().unwrap())
    });
    c.bench_function("Book::meetings (remembered integrity checks)", |b| {
        b.iter(|| book.meetings().unwrap())
    });
    c.bench_function(
        "Book::integrity (full re-check of one closed meeting)",
        |b| b.iter(|| book.integrity(black_box(mid)).unwrap()),
    );
    c.bench_function("store load_meeting", |b| {
        b.iter(|| {
            book.store()
                .load_meeting(MeetingId(black_box(mid)))
                .unwrap()
        })
    });
    c.bench_function("Book::report (open a meeting)", |b| {
        b.iter(|| book.report(black_box(mid), None).unwrap())
    });

    let cell = book.store().cell().unwrap().unwrap();
    let roster = book.store().list_members().unwrap();
    let meeting = book.store().load_meeting(MeetingId(mid)).unwrap();
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
