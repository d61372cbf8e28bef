//! A small measurement, not the issue's benchmark (that is 1 M synthetic records in `bench/`):
//! 40 records of the March 2026 case (meetings 1–40 of one cell, ~13 KB each) ingested as one
//! batch with the Merkle log started, receipts issued for them, then the batch again. Ignored by default; run with
//! `cargo nextest run -p minutebook-archive --run-ignored only --no-capture ingest_rate`.

use std::time::Instant;

use minutebook_archive::ingest::{Verdict, ingest_paths};
use minutebook_archive::{db, receipt, tlog};

use crate::support::pg::Cluster;
use crate::support::{SignedCell, count, folder};

#[test]
#[ignore = "a measurement: prints timings"]
fn ingest_rate_of_forty_records() {
    let t = Instant::now();
    let pg = Cluster::start();
    let cluster_start = t.elapsed();
    let mut c = db::open(&pg.url()).unwrap();
    let mut cell = SignedCell::new();
    cell.enroll_all(&mut c);
    tlog::init(&mut c, "minutebook/measure/2026").unwrap();
    let n = 40;
    let dir = folder(cell.case.dir.path(), "all");
    let t = Instant::now();
    for i in 0..n {
        let id = cell.meeting(Some(&format!("Họp chi bộ lần {i}")));
        cell.case
            .book
            .export_bundle(id, &dir.join(format!("{i:03}")), false)
            .unwrap();
    }
    let generated = t.elapsed();
    let t = Instant::now();
    let got = ingest_paths(&mut c, std::slice::from_ref(&dir)).unwrap();
    let first = t.elapsed();
    let t = Instant::now();
    let (key, _) = receipt::new_key("minutebook/measure/2026").unwrap();
    assert_eq!(receipt::issue(&mut c, &key).unwrap().receipts, n as u64);
    let issued = t.elapsed();
    let t = Instant::now();
    let again = ingest_paths(&mut c, &[dir]).unwrap();
    let second = t.elapsed();
    assert!(
        got.iter()
            .all(|r| matches!(r.verdict, Verdict::Accepted { .. }))
    );
    assert!(
        again
            .iter()
            .all(|r| matches!(r.verdict, Verdict::AlreadyReceived { .. }))
    );
    assert_eq!(count(&mut c, "record"), n);
    assert_eq!(count(&mut c, "chain_anomaly"), 0);
    let bytes: i64 = c
        .query_one("SELECT sum(length(body))::bigint FROM record", &[])
        .unwrap()
        .get(0);
    let rate = |d: std::time::Duration| n as f64 / d.as_secs_f64();
    eprintln!(
        "cluster start {cluster_start:.2?}; {n} signed records made in {generated:.2?}; \
         ingest {first:.2?} ({:.0} records/s); {n} receipts {issued:.2?} ({:.0}/s); \
         again {second:.2?} ({:.0}/s); {} bytes per record",
        rate(first),
        rate(issued),
        rate(second),
        bytes / n
    );
}
