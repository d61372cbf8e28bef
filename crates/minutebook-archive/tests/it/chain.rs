//! Chain watch: a gap, a fork and a rollback are each flagged, and the records involved kept.

use minutebook_archive::chain::{AnomalyKind, list};
use minutebook_archive::db;
use minutebook_archive::ingest::{Verdict, ingest_paths};

use crate::support::pg::Cluster;
use crate::support::{SignedCell, count};

/// Ingests one path; returns the kinds of the anomalies its arrival flagged.
fn arrive(client: &mut postgres::Client, path: &std::path::Path) -> Vec<AnomalyKind> {
    let got = ingest_paths(client, &[path.to_owned()]).unwrap();
    match &got[0].verdict {
        Verdict::Accepted { anomalies, .. } => anomalies.iter().map(|a| a.kind).collect(),
        other => panic!("{} not accepted: {other:?}", path.display()),
    }
}

#[test]
fn a_gap_then_its_filling_and_a_fork_from_a_second_laptop_are_flagged() {
    let pg = Cluster::start();
    let mut c = db::open(&pg.url()).unwrap();
    let mut cell = SignedCell::new();
    let m1 = cell.meeting(None);
    // The second laptop: a copy of the book after meeting 1, which goes on by itself.
    let mut laptop = cell.fork();
    let m2 = cell.meeting(Some("Sinh hoạt chuyên đề tháng 4 năm 2026"));
    let m3 = cell.meeting(Some("Sinh hoạt chi bộ thường kỳ tháng 5 năm 2026"));
    let other2 = laptop.meeting(Some("Họp chi bộ bất thường tháng 4 năm 2026"));
    cell.enroll_all(&mut c);

    let b1 = cell.bundle(m1, "1");
    let b2 = cell.bundle(m2, "2");
    let b3 = cell.bundle(m3, "3");
    let fork2 = laptop.bundle(other2, "2-laptop");

    assert_eq!(arrive(&mut c, &b1), []);
    assert_eq!(
        arrive(&mut c, &b3),
        [AnomalyKind::Gap],
        "3 after 1: 2 missing"
    );
    assert_eq!(
        arrive(&mut c, &b2),
        [],
        "the missing record filling the gap"
    );
    assert_eq!(arrive(&mut c, &fork2), [AnomalyKind::Fork]);

    let all = list(&mut c, None).unwrap();
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[0].kind, AnomalyKind::Gap);
    assert_eq!(all[0].missing, Some((2, 2)));
    assert_eq!(all[1].kind, AnomalyKind::Fork);
    let sha = |p: &std::path::Path| {
        minutebook_sign::sha256_hex(&std::fs::read(p.join("record.json")).unwrap())
    };
    assert_eq!(all[1].record_sha256, sha(&fork2));
    assert_eq!(all[1].other_sha256.as_deref(), Some(sha(&b2).as_str()));
    // Every record is kept, the forked one too.
    assert_eq!(count(&mut c, "record"), 4);
    // Sent again, nothing is flagged twice.
    for b in [&b1, &b2, &b3, &fork2] {
        let got = ingest_paths(&mut c, &[b.to_path_buf()]).unwrap();
        assert!(matches!(got[0].verdict, Verdict::AlreadyReceived { .. }));
    }
    assert_eq!(count(&mut c, "chain_anomaly"), 2);
    // Only this cell's anomalies, by cell id.
    assert_eq!(list(&mut c, Some(&all[0].cell_id)).unwrap().len(), 2);
    assert!(list(&mut c, Some("another-cell")).unwrap().is_empty());
}

#[test]
fn an_older_version_arriving_after_a_newer_one_is_a_rollback() {
    let pg = Cluster::start();
    let mut c = db::open(&pg.url()).unwrap();
    let mut cell = SignedCell::new();
    let m = cell.meeting(None);
    let v1 = cell.bundle(m, "v1");
    cell.case.book.reopen_meeting(m).unwrap();
    cell.case.book.close_meeting(m).unwrap();
    cell.sign(m);
    let v2 = cell.bundle(m, "v2");
    cell.enroll_all(&mut c);

    assert!(arrive(&mut c, &v2).is_empty());
    assert_eq!(arrive(&mut c, &v1), [AnomalyKind::Rollback]);
    assert_eq!(count(&mut c, "record"), 2);
}
