//! Ingest of the March 2026 case: bundle folder, zip and PDF; tampered and unenrolled bundles
//! quarantined with a reason while the rest of the batch is stored; a re-sent bundle is a
//! no-op; keys outside their validity refused; the drop folder sweep.

use std::path::PathBuf;
use std::time::Duration;

use minutebook_archive::db;
use minutebook_archive::ingest::{Verdict, ingest_paths, quarantined};
use minutebook_archive::register;
use minutebook_archive::sweep::sweep;
use minutebook_sign::sha256_hex;
use time::macros::date;

use crate::support::pg::Cluster;
use crate::support::{CHAIR, MINUTE_TAKER, SignedCell, copy_bundle, count, flip_byte, folder};

fn verdicts(client: &mut postgres::Client, paths: &[PathBuf]) -> Vec<Verdict> {
    ingest_paths(client, paths)
        .unwrap()
        .into_iter()
        .map(|r| r.verdict)
        .collect()
}

#[track_caller]
/// In a fresh archive whose register holds `chair` (a chair's enrolment made wrong on purpose)
/// and the minute-taker's right one, `dir` is quarantined as `code` and nothing is stored.
fn refused_with_chair_enrolled_as(
    cell: &SignedCell,
    dir: &std::path::Path,
    chair: &register::Enrollment,
    code: &str,
) {
    let pg = Cluster::start();
    let mut c = db::open(&pg.url()).unwrap();
    register::enroll(&mut c, chair).unwrap();
    register::enroll(
        &mut c,
        &cell.enrollment(MINUTE_TAKER, date!(2026 - 01 - 01)),
    )
    .unwrap();
    quarantined_as(&verdicts(&mut c, &[dir.to_path_buf()])[0], code);
    assert_eq!(count(&mut c, "record"), 0);
}

fn quarantined_as(v: &Verdict, code: &str) {
    match v {
        Verdict::Quarantined { code: c, reason } => {
            assert_eq!(c, code, "reason: {reason}");
            assert!(!reason.is_empty());
        }
        other => panic!("expected quarantine ({code}), got {other:?}"),
    }
}

#[test]
fn the_march_case_is_received_with_its_exact_bytes_and_projections() {
    let pg = Cluster::start();
    let mut c = db::open(&pg.url()).unwrap();
    let mut cell = SignedCell::new();
    let id = cell.meeting(None);
    cell.enroll_all(&mut c);
    let dir = cell.bundle(id, "bundle");

    let v = verdicts(&mut c, std::slice::from_ref(&dir));
    let Verdict::Accepted {
        record, anomalies, ..
    } = &v[0]
    else {
        panic!("not accepted: {v:?}");
    };
    assert!(anomalies.is_empty(), "{anomalies:?}");
    let bytes = std::fs::read(dir.join("record.json")).unwrap();
    assert_eq!(record.sha256, sha256_hex(&bytes));
    assert_eq!((record.sequence, record.version), (1, 1));
    assert_eq!(record.cell_name, "Chi bộ Tổ dân phố số 7");

    let row = c
        .query_one(
            "SELECT body, meeting_date, meeting_kind, previous_record_sha256 FROM record \
             WHERE sha256 = $1",
            &[&record.sha256],
        )
        .unwrap();
    let body: Vec<u8> = row.get(0);
    assert_eq!(body, bytes, "the exact signed bytes are kept");
    assert_eq!(row.get::<_, time::Date>(1), date!(2026 - 03 - 05));
    assert!(row.get::<_, Option<String>>(2).is_some());
    assert_eq!(row.get::<_, Option<String>>(3), None);

    let att = c
        .query(
            "SELECT a.role, a.full_name, a.fingerprint, a.body, k.full_name FROM attestation a \
             JOIN member_key k USING (fingerprint) WHERE record_sha256 = $1 ORDER BY file_stem",
            &[&record.sha256],
        )
        .unwrap();
    let roles: Vec<(String, String)> = att.iter().map(|r| (r.get(0), r.get(1))).collect();
    assert_eq!(
        roles,
        [
            ("chair".to_owned(), "Nguyễn Văn Hùng".to_owned()),
            ("minute-taker".to_owned(), "Phạm Thu Hà".to_owned())
        ]
    );
    let signed: Vec<u8> = att[0].get(3);
    assert_eq!(
        signed,
        std::fs::read(dir.join("signatures/01-chair.json")).unwrap()
    );

    // The same record as a zip and inside the minutes PDF: already received.
    let zip = cell.zip(id, "bundle.zip");
    let pdf = cell.pdf(id, "bien-ban.pdf");
    for v in verdicts(&mut c, &[zip, pdf]) {
        assert!(
            matches!(
                v,
                Verdict::AlreadyReceived {
                    added_signatures: 0,
                    ..
                }
            ),
            "{v:?}"
        );
    }
    assert_eq!(count(&mut c, "record"), 1);
    assert_eq!(count(&mut c, "attestation"), 2);
    assert_eq!(count(&mut c, "quarantine"), 0);
}

#[test]
fn a_resent_bundle_is_a_no_op() {
    let pg = Cluster::start();
    let mut c = db::open(&pg.url()).unwrap();
    let mut cell = SignedCell::new();
    let id = cell.meeting(None);
    cell.enroll_all(&mut c);
    let dir = cell.bundle(id, "bundle");
    assert!(matches!(
        verdicts(&mut c, std::slice::from_ref(&dir))[0],
        Verdict::Accepted { .. }
    ));
    let received_at: time::OffsetDateTime = c
        .query_one("SELECT received_at FROM record", &[])
        .unwrap()
        .get(0);
    let again = verdicts(&mut c, &[dir]);
    assert!(
        matches!(
            again[0],
            Verdict::AlreadyReceived {
                added_signatures: 0,
                ..
            }
        ),
        "{again:?}"
    );
    assert_eq!(count(&mut c, "record"), 1);
    assert_eq!(count(&mut c, "attestation"), 2);
    assert_eq!(count(&mut c, "chain_anomaly"), 0);
    let still: time::OffsetDateTime = c
        .query_one("SELECT received_at FROM record", &[])
        .unwrap()
        .get(0);
    assert_eq!(still, received_at);
}

#[test]
fn tampered_and_unenrolled_bundles_are_quarantined_and_the_batch_goes_on() {
    let pg = Cluster::start();
    let mut c = db::open(&pg.url()).unwrap();
    let mut cell = SignedCell::new();
    let id = cell.meeting(None);
    cell.enroll_all(&mut c);
    let good = cell.bundle(id, "good");
    // Another cell's laptop whose keys the committee never enrolled.
    let mut stranger = SignedCell::new();
    let sid = stranger.meeting(None);

    let batch = folder(cell.case.dir.path(), "batch");
    copy_bundle(&good, &batch.join("a-record-byte"));
    flip_byte(&batch.join("a-record-byte/record.json"));
    copy_bundle(&good, &batch.join("b-signature-byte"));
    flip_byte(&batch.join("b-signature-byte/signatures/02-minute-taker.sig"));
    copy_bundle(
        &stranger.bundle(sid, "s"),
        &batch.join("c-key-not-enrolled"),
    );
    std::fs::write(batch.join("d-notes.txt"), "không phải biên bản").unwrap();
    copy_bundle(&good, &batch.join("z-good"));

    let got = ingest_paths(&mut c, &[batch]).unwrap();
    let v: Vec<&Verdict> = got.iter().map(|r| &r.verdict).collect();
    assert_eq!(v.len(), 5, "{got:?}");
    quarantined_as(v[0], "verification-failed");
    quarantined_as(v[1], "verification-failed");
    quarantined_as(v[2], "key-not-enrolled");
    quarantined_as(v[3], "not-a-bundle");
    assert!(matches!(v[4], Verdict::Accepted { .. }), "{:?}", v[4]);
    if let Verdict::Quarantined { reason, .. } = v[1] {
        assert!(reason.contains("02-minute-taker"), "{reason}");
    }

    assert_eq!(count(&mut c, "record"), 1);
    let q = quarantined(&mut c).unwrap();
    assert_eq!(q.len(), 4);
    assert!(q[0].source.ends_with("a-record-byte"));
    // The quarantine keeps what was refused (a folder as a zip of its files).
    let raw: Option<Vec<u8>> = c
        .query_one(
            "SELECT raw FROM quarantine WHERE source LIKE '%d-notes.txt'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(raw.unwrap(), "không phải biên bản".as_bytes());

    // Refused again: the quarantine does not grow.
    let again = ingest_paths(&mut c, &[cell.case.path("batch/a-record-byte")]).unwrap();
    assert!(matches!(
        again[0].verdict,
        Verdict::AlreadyQuarantined { .. }
    ));
    assert_eq!(count(&mut c, "quarantine"), 4);
}

#[test]
fn a_key_outside_its_enrolled_days_is_refused() {
    let pg = Cluster::start();
    let mut c = db::open(&pg.url()).unwrap();
    let mut cell = SignedCell::new();
    let id = cell.meeting(None);
    let dir = cell.bundle(id, "bundle");
    register::enroll(&mut c, &cell.enrollment(CHAIR, date!(2026 - 01 - 01))).unwrap();
    // The minute-taker's key is valid only from next year: today's signature is too early.
    let mut late = cell.enrollment(MINUTE_TAKER, date!(2027 - 01 - 01));
    late.valid_until = Some(date!(2027 - 12 - 31));
    register::enroll(&mut c, &late).unwrap();
    quarantined_as(
        &verdicts(&mut c, std::slice::from_ref(&dir))[0],
        "key-out-of-validity",
    );

    // Expired: a new register where the chair's key ended in January 2026.
    let mut expired = cell.enrollment(CHAIR, date!(2025 - 01 - 01));
    expired.valid_until = Some(date!(2026 - 01 - 31));
    refused_with_chair_enrolled_as(&cell, &dir, &expired, "key-out-of-validity");
}

#[test]
fn a_drop_folder_sweep_moves_each_entry_to_accepted_or_quarantine() {
    let pg = Cluster::start();
    let mut c = db::open(&pg.url()).unwrap();
    let mut cell = SignedCell::new();
    let id = cell.meeting(None);
    cell.enroll_all(&mut c);
    let drop = folder(cell.case.dir.path(), "drop");
    cell.zip(id, "drop/bien-ban-thang-3.zip");
    copy_bundle(&cell.bundle(id, "b"), &drop.join("tampered"));
    flip_byte(&drop.join("tampered/record.json"));
    std::fs::write(drop.join(".partial"), b"still copying").unwrap();

    let got = sweep(&mut c, &drop, Duration::ZERO).unwrap();
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(drop.join("accepted/bien-ban-thang-3.zip").is_file());
    assert!(drop.join("quarantine/tampered/record.json").is_file());
    assert!(
        drop.join(".partial").exists(),
        "hidden files are left alone"
    );
    assert!(!drop.join("tampered").exists());
    assert_eq!(count(&mut c, "record"), 1);
    assert_eq!(count(&mut c, "quarantine"), 1);
    // A second sweep finds nothing new.
    assert!(sweep(&mut c, &drop, Duration::ZERO).unwrap().is_empty());
}

#[test]
fn a_key_enrolled_for_another_member_or_another_cell_is_refused() {
    let mut cell = SignedCell::new();
    let id = cell.meeting(None);
    let dir = cell.bundle(id, "bundle");

    let mut wrong_member = cell.enrollment(CHAIR, date!(2026 - 01 - 01));
    wrong_member.member_id = "999".into();
    refused_with_chair_enrolled_as(&cell, &dir, &wrong_member, "key-other-member");

    let mut other_cell = cell.enrollment(CHAIR, date!(2026 - 01 - 01));
    other_cell.cell_id = Some("chi-bo-khac".into());
    refused_with_chair_enrolled_as(&cell, &dir, &other_cell, "key-other-cell");
}

#[test]
fn the_same_bundle_from_two_connections_at_once_is_stored_once() {
    let pg = Cluster::start();
    let mut c = db::open(&pg.url()).unwrap();
    let mut cell = SignedCell::new();
    let id = cell.meeting(None);
    cell.enroll_all(&mut c);
    let dir = cell.bundle(id, "bundle");
    let barrier = std::sync::Barrier::new(2);
    let verdicts: Vec<Verdict> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    let mut own = db::open(&pg.url()).unwrap();
                    barrier.wait();
                    verdicts(&mut own, std::slice::from_ref(&dir)).remove(0)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let accepted = verdicts
        .iter()
        .filter(|v| matches!(v, Verdict::Accepted { .. }))
        .count();
    let already = verdicts
        .iter()
        .filter(|v| matches!(v, Verdict::AlreadyReceived { .. }))
        .count();
    assert_eq!((accepted, already), (1, 1), "{verdicts:?}");
    assert_eq!(count(&mut c, "record"), 1);
    assert_eq!(count(&mut c, "attestation"), 2);
}
