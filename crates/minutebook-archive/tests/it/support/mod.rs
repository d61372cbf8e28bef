//! Test support: a throwaway PostgreSQL cluster ([`pg`]), the March 2026 case from
//! minutebook-api's own test fixtures ([`case`], included as is), and a cell whose signed
//! records the tests send up ([`SignedCell`]).

#![allow(dead_code, missing_docs)]

pub mod pg;

#[path = "../../../../minutebook-api/tests/it/support.rs"]
#[allow(dead_code, unused_imports, clippy::all)]
pub mod case;

use std::path::{Path, PathBuf};

use minutebook_api::Book;
use minutebook_archive::register::{self, Enrollment};
use time::macros::date;

pub use case::{CHAIR, Case, MINUTE_TAKER, PASS, flip_byte};

/// The subject line of the case's meeting, replaced to make distinct meetings.
const CASE_SUBJECT: &str = "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026";

/// The case's cell with its roster and the chair's and minute-taker's keys; meetings are added
/// closed and signed by both.
pub struct SignedCell {
    pub case: Case,
}

impl SignedCell {
    pub fn new() -> SignedCell {
        let mut case = Case::with_roster();
        case.book.key_new(CHAIR, PASS).unwrap();
        case.book.key_new(MINUTE_TAKER, PASS).unwrap();
        SignedCell { case }
    }

    /// The March 2026 meeting under `subject` (the case's own when `None`), closed and signed.
    pub fn meeting(&mut self, subject: Option<&str>) -> i64 {
        let json = String::from_utf8(case::meeting_json()).unwrap();
        let json = match subject {
            Some(s) => json.replace(CASE_SUBJECT, s),
            None => json,
        };
        let id = self.case.book.import_meeting(json.as_bytes()).unwrap();
        self.case.book.close_meeting(id).unwrap();
        self.sign(id);
        id
    }

    /// Signs meeting `id`'s current record as chair and minute-taker.
    pub fn sign(&mut self, id: i64) {
        self.case.book.sign(id, CHAIR, "chair", PASS).unwrap();
        self.case
            .book
            .sign(id, MINUTE_TAKER, "minute-taker", PASS)
            .unwrap();
    }

    /// Meeting `id`'s current record as a bundle folder `name` in the case's folder.
    pub fn bundle(&self, id: i64, name: &str) -> PathBuf {
        let p = self.case.path(name);
        self.case.book.export_bundle(id, &p, false).unwrap();
        p
    }

    /// The same as a zip.
    pub fn zip(&self, id: i64, name: &str) -> PathBuf {
        let p = self.case.path(name);
        self.case.book.export_bundle(id, &p, true).unwrap();
        p
    }

    /// The minutes PDF (PDF/A-3 with the bundle attached).
    pub fn pdf(&self, id: i64, name: &str) -> PathBuf {
        let p = self.case.path(name);
        let bytes = self.case.book.export_minutes_pdf(id, false).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// Enrols every key of the book, as the app exports them, valid from 1 January 2026.
    pub fn enroll_all(&self, client: &mut postgres::Client) {
        for k in self.case.book.keys().unwrap() {
            register::enroll(
                client,
                &self.enrollment(&k.full_name, date!(2026 - 01 - 01)),
            )
            .unwrap();
        }
    }

    /// The enrolment of `member`'s key, valid from `from`, open-ended, any cell.
    pub fn enrollment(&self, member: &str, from: time::Date) -> Enrollment {
        let k = self
            .case
            .book
            .keys()
            .unwrap()
            .into_iter()
            .find(|k| k.full_name == member)
            .unwrap();
        Enrollment {
            public_key_pem: self.case.book.key_export_public(member).unwrap(),
            member_id: k.member_id,
            full_name: k.full_name,
            cell_id: None,
            valid_from: from,
            valid_until: None,
            enrolled_by: "Văn phòng Đảng ủy phường".into(),
        }
    }

    /// A second laptop: a copy of this book as it is now (keys included), going its own way.
    pub fn fork(&self) -> SignedCell {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("book.db");
        self.case.book.backup(&db).unwrap();
        let book = Book::open(&db).unwrap();
        SignedCell {
            case: Case { dir, book },
        }
    }
}

/// A folder `name` in `dir` (created).
pub fn folder(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(&p).unwrap();
    p
}

/// Copies the bundle folder `from` to `to`.
pub fn copy_bundle(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.join("signatures")).unwrap();
    for entry in walk(from) {
        let rel = entry.strip_prefix(from).unwrap();
        std::fs::copy(&entry, to.join(rel)).unwrap();
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// How many rows `table` holds.
pub fn count(client: &mut postgres::Client, table: &str) -> i64 {
    // Table names cannot be bound as parameters: only the archive's own tables are allowed.
    assert!(
        [
            "schema_version",
            "member_key",
            "record",
            "attestation",
            "quarantine",
            "chain_anomaly",
            "log_head",
            "log_hash",
            "log_leaf",
            "log_checkpoint"
        ]
        .contains(&table),
        "{table} is not an archive table"
    );
    client
        .query_one(&format!("SELECT count(*) FROM {table}"), &[])
        .unwrap()
        .get(0)
}
