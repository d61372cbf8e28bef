//! Receipts: the Merkle log written with each record, checkpoints signed with the committee's
//! key, `tlog-proof` receipts checked offline as a cell would, and a re-sent bundle getting the
//! identical receipt.

use std::path::{Path, PathBuf};

use minutebook_archive::ingest::{Verdict, ingest_paths};
use minutebook_archive::{ArchiveError, db, receipt, tlog};
use minutebook_sign::sha256_hex;

use crate::support::pg::Cluster;
use crate::support::{SignedCell, count};

const ORIGIN: &str = "minutebook/dang-uy-phuong-thanh-binh/2026";

fn sha(bundle: &Path) -> String {
    sha256_hex(&std::fs::read(bundle.join("record.json")).unwrap())
}

fn accepted_at(client: &mut postgres::Client, bundle: &Path) -> Option<u64> {
    match &ingest_paths(client, &[bundle.to_path_buf()]).unwrap()[0].verdict {
        Verdict::Accepted { log_index, .. } => *log_index,
        other => panic!("not accepted: {other:?}"),
    }
}

/// The log's size equals its leaves, and the head's root is what the stored hashes give.
#[track_caller]
fn log_is_whole(client: &mut postgres::Client, size: u64) {
    let head = tlog::head(client).unwrap().unwrap();
    assert_eq!(head.size, size);
    assert_eq!(count(client, "log_leaf"), size as i64);
}

#[track_caller]
fn invalid(r: Result<receipt::Verified, ArchiveError>, what: &str) {
    match r {
        Err(ArchiveError::Invalid(m)) => assert!(m.contains(what), "{m}"),
        other => panic!("expected a refusal naming {what:?}, got {other:?}"),
    }
}

#[test]
fn each_record_gets_a_receipt_that_a_cell_can_check_offline() {
    let pg = Cluster::start();
    let mut c = db::open(&pg.url()).unwrap();
    let (private, public) = receipt::new_key(ORIGIN).unwrap();
    let mut cell = SignedCell::new();
    let bundles: Vec<PathBuf> = (1..=3)
        .map(|i| {
            let id = cell.meeting(Some(&format!("Sinh hoạt chi bộ lần {i}")));
            cell.bundle(id, &format!("b{i}"))
        })
        .collect();
    cell.enroll_all(&mut c);

    // Before the log is started, a record is stored without a leaf; starting it appends it.
    assert_eq!(accepted_at(&mut c, &bundles[0]), None);
    assert_eq!(tlog::init(&mut c, ORIGIN).unwrap().size, 1);
    assert_eq!(accepted_at(&mut c, &bundles[1]), Some(1));
    assert_eq!(accepted_at(&mut c, &bundles[2]), Some(2));
    log_is_whole(&mut c, 3);

    let issued = receipt::issue(&mut c, &private).unwrap();
    assert_eq!((issued.size, issued.receipts), (3, 3));
    let receipts: Vec<String> = bundles
        .iter()
        .map(|b| receipt::receipt_of(&mut c, &sha(b)).unwrap().unwrap())
        .collect();
    for (i, (b, r)) in bundles.iter().zip(&receipts).enumerate() {
        assert!(r.starts_with("c2sp.org/tlog-proof@v1\nextra "), "{r}");
        let v = receipt::verify(r, &public, &sha(b)).unwrap();
        assert_eq!((v.index, v.size, v.origin.as_str()), (i as u64, 3, ORIGIN));
    }

    // What a cell must refuse: another record's receipt, a changed proof, another key.
    invalid(
        receipt::verify(&receipts[1], &public, &sha(&bundles[0])),
        "does not name this record",
    );
    let mut lines: Vec<String> = receipts[1].lines().map(str::to_owned).collect();
    let proof_line = 3;
    let mut hash = tlog_tiles::Hash::parse_hash(&lines[proof_line]).unwrap();
    hash.0[0] ^= 1;
    lines[proof_line] = hash.to_string();
    invalid(
        receipt::verify(&(lines.join("\n") + "\n"), &public, &sha(&bundles[1])),
        "inclusion proof",
    );
    let (_, stranger) = receipt::new_key(ORIGIN).unwrap();
    invalid(
        receipt::verify(&receipts[1], &stranger, &sha(&bundles[1])),
        "checkpoint signature",
    );

    // A re-sent bundle: no new leaf, and the identical receipt.
    let again = ingest_paths(&mut c, std::slice::from_ref(&bundles[1])).unwrap();
    assert!(matches!(again[0].verdict, Verdict::AlreadyReceived { .. }));
    assert_eq!(receipt::issue(&mut c, &private).unwrap().receipts, 0);
    assert_eq!(
        receipt::receipt_of(&mut c, &sha(&bundles[1])).unwrap(),
        Some(receipts[1].clone())
    );
    log_is_whole(&mut c, 3);

    // The log grows; the new record's receipt is against the new checkpoint, the old ones stand.
    let id = cell.meeting(Some("Sinh hoạt chi bộ lần 4"));
    let b4 = cell.bundle(id, "b4");
    assert_eq!(accepted_at(&mut c, &b4), Some(3));
    assert_eq!(receipt::issue(&mut c, &private).unwrap().receipts, 1);
    let r4 = receipt::receipt_of(&mut c, &sha(&b4)).unwrap().unwrap();
    assert_eq!(receipt::verify(&r4, &public, &sha(&b4)).unwrap().size, 4);
    assert!(receipt::verify(&receipts[0], &public, &sha(&bundles[0])).is_ok());
    assert_eq!(count(&mut c, "log_checkpoint"), 2);
    log_is_whole(&mut c, 4);

    // The cell's own book takes the receipts in, against the key the committee gave it.
    let book = &mut cell.case.book;
    let before_pin = book.import_receipt(&r4).unwrap_err();
    assert_eq!(
        before_pin.detail_id.as_deref(),
        Some("err-no-committee-key")
    );
    assert!(book.set_committee_key("not a key").is_err());
    book.set_committee_key(&public).unwrap();
    let view = book.import_receipt(&r4).unwrap();
    assert_eq!(view.meeting_id, id);
    assert_eq!((view.log_index, view.log_size), (3, 4));
    assert_eq!(view.committee, "Đảng bộ phường Thanh Bình");
    assert_eq!(book.receipt(id).unwrap(), Some(view.clone()));
    // The same receipt again changes nothing.
    assert_eq!(book.import_receipt(&r4).unwrap(), view);
    // A changed proof, or a receipt signed by another key, is refused and nothing is kept.
    let mut lines: Vec<String> = receipts[2].lines().map(str::to_owned).collect();
    let mut hash = tlog_tiles::Hash::parse_hash(&lines[3]).unwrap();
    hash.0[1] ^= 1;
    lines[3] = hash.to_string();
    let e = book.import_receipt(&(lines.join("\n") + "\n")).unwrap_err();
    assert_eq!(e.code, minutebook_api::ErrorCode::Tampered);
    assert!(e.message.contains("inclusion proof"), "{}", e.message);
    let meeting_of = |b: &minutebook_api::Book, sha: &str| {
        b.meetings()
            .unwrap()
            .into_iter()
            .map(|m| m.id)
            .find(|id| b.record_info(*id).is_ok_and(|r| r.sha256 == sha))
            .unwrap()
    };
    let m2 = meeting_of(book, &sha(&bundles[2]));
    assert_eq!(book.receipt(m2).unwrap(), None);
    book.set_committee_key(&stranger).unwrap();
    let e = book.import_receipt(&receipts[2]).unwrap_err();
    assert!(e.message.contains("checkpoint signature"), "{}", e.message);
    assert_eq!(book.receipt(m2).unwrap(), None);
    // A receipt naming a record this book does not hold.
    use base64::Engine;
    let leaf = format!(
        "{{\"record\":\"{}\",\"t\":\"minutebook.receipt/1\"}}",
        "0".repeat(64)
    );
    let mut lines: Vec<String> = r4.lines().map(str::to_owned).collect();
    lines[1] = format!(
        "extra {}",
        base64::engine::general_purpose::STANDARD.encode(leaf)
    );
    let e = book.import_receipt(&(lines.join("\n") + "\n")).unwrap_err();
    assert_eq!(e.detail_id.as_deref(), Some("err-receipt-unknown-record"));
    assert!(book.check().unwrap().ok);
}

#[test]
fn a_key_named_after_another_log_signs_nothing() {
    let pg = Cluster::start();
    let mut c = db::open(&pg.url()).unwrap();
    tlog::init(&mut c, ORIGIN).unwrap();
    let (other, _) = receipt::new_key("minutebook/thanh-uy-ha-noi/2026").unwrap();
    assert!(matches!(
        receipt::issue(&mut c, &other),
        Err(ArchiveError::Invalid(_))
    ));
    assert!(matches!(
        tlog::init(&mut c, ORIGIN),
        Err(ArchiveError::Invalid(_))
    ));
    assert_eq!(count(&mut c, "log_checkpoint"), 0);
}
