//! The records the app really writes — a generated year of a cell's meetings, Vietnamese
//! minutes, votes, attendance — take the one-pass canonical check, not the slow fallback that
//! builds and re-serialises the whole document. Without this, verification of a ten-year book
//! silently returns to its old speed (see the performance section of the README).

use minutebook_api::Book;
use minutebook_bench::{Plan, generate_cell};
use minutebook_sign::canonical::{fast_path_accepts, parse_canonical_full};
use minutebook_sign::{Record, TrustStore, VerifyOptions, verify_book};

#[test]
fn generated_records_and_attestations_take_the_fast_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cell.db");
    let plan = Plan {
        years: 1,
        per_year: 4,
        open_tail: 0,
        ..Plan::default()
    };
    generate_cell(&path, 7, 0, &plan).unwrap();
    let book = Book::open(&path).unwrap();
    let mut bundles = Vec::new();
    for m in book.meetings().unwrap() {
        if m.status == "signed" {
            bundles.push(book.bundle(m.id).unwrap());
        }
    }
    assert_eq!(bundles.len(), 4, "every generated meeting is signed");
    for b in &bundles {
        assert!(fast_path_accepts(&b.record), "record not on the fast path");
        assert!(parse_canonical_full(&b.record).is_ok());
        let r = Record::from_bytes(b.record.clone()).unwrap();
        // The lazily parsed value is the document itself.
        assert_eq!(r.value(), &parse_canonical_full(&b.record).unwrap());
        for s in &b.signatures {
            assert!(
                fast_path_accepts(&s.attestation),
                "attestation not on the fast path"
            );
        }
    }
    // One pass over the book gives the same verdicts as verifying each bundle and the chain.
    let trust: TrustStore = book.trust_store().unwrap();
    let (reports, chain) = verify_book(&bundles, &trust, &VerifyOptions::default());
    assert_eq!(chain, minutebook_sign::verify_chain(&bundles));
    for (b, r) in bundles.iter().zip(&reports) {
        assert_eq!(
            *r,
            minutebook_sign::verify_bundle(b, &trust, &VerifyOptions::default())
        );
        assert_eq!(r.outcome, minutebook_sign::Outcome::Valid, "{r:?}");
    }
}
