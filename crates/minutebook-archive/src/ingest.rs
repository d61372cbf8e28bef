//! Ingest: one idempotent path from a [`Candidate`] to a [`Verdict`].
//!
//! 1. The bundle is verified by `minutebook_sign::verify_bundle` — the function behind
//!    `minutebook verify` and the desktop's verify page — against a trust store made from the
//!    committee's key register ([`crate::register::trust_store`]); a key carried in the bundle
//!    is never trusted by itself. A PDF must also re-render to its own pages.
//! 2. The archive's own rules on top: each key's first valid day and its cell.
//! 3. One transaction, under a per-cell advisory lock: the exact record bytes and their header
//!    projections, the attestations as signed, the chain watch ([`crate::chain`]) and, once the
//!    log is started, the record's leaf in the Merkle log ([`crate::tlog`]). A record already
//!    held is a no-op except for attestations not held yet.
//!
//! Anything refused goes to `quarantine` with a stable reason code and the verifier's details;
//! nothing refused stops the rest of a batch. Only a lost database stops it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use minutebook_sign::attestation::Attestation;
use minutebook_sign::keys::{Fingerprint, parse_public_key_pem};
use minutebook_sign::record::Record;
use minutebook_sign::verify::{Outcome, Problem, VerifyOptions, verify_bundle};
use minutebook_sign::{Bundle, sha256_hex};
use postgres::Client;
use time::Date;
use time::macros::format_description;

use crate::chain::{self, Anomaly, Placement};
use crate::error::ArchiveError;
use crate::input::{Candidate, Content, Pages, candidates};
use crate::register::{self, EnrolledKey};
use crate::tlog;

/// A record as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRecord {
    /// SHA-256 of `record.json`, lowercase hex.
    pub sha256: String,
    /// `cell.id`.
    pub cell_id: String,
    /// `cell.name`.
    pub cell_name: String,
    /// `meeting.id`.
    pub meeting_id: String,
    /// Record version.
    pub version: i64,
    /// Sequence in the cell's book.
    pub sequence: i64,
}

/// What became of one candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Verified and stored (with any chain anomalies it revealed, which are kept too).
    Accepted {
        /// The record.
        record: StoredRecord,
        /// Anomalies flagged on its arrival.
        anomalies: Vec<Anomaly>,
        /// Its index in the committee's Merkle log, once the log was started.
        log_index: Option<u64>,
    },
    /// The record was already held: nothing stored but attestations not held before.
    AlreadyReceived {
        /// The record's hash.
        sha256: String,
        /// Attestations added by this copy (a later bundle may carry more signatures).
        added_signatures: u64,
    },
    /// Refused and kept in the quarantine.
    Quarantined {
        /// Stable reason code (see [`REASON_CODES`]).
        code: String,
        /// Details in English, as the verifier reports them.
        reason: String,
    },
    /// Refused; the same bytes were already in the quarantine.
    AlreadyQuarantined {
        /// Stable reason code.
        code: String,
        /// Details in English.
        reason: String,
    },
}

/// Every quarantine reason code, each with a message `archive-reason-<code>` in the catalogue.
pub const REASON_CODES: &[&str] = &[
    "unreadable",
    "not-a-bundle",
    "verification-failed",
    "key-not-enrolled",
    "key-out-of-validity",
    "key-other-member",
    "key-other-cell",
    "pdf-pages-differ",
    "store-failed",
];

/// One candidate and its verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// The path it came from.
    pub path: PathBuf,
    /// What became of it.
    pub verdict: Verdict,
}

/// Ingests every candidate under `paths` (see [`crate::input::candidates`]), in order.
///
/// # Errors
/// [`ArchiveError::Db`] only when the database is lost; bad input never errs.
pub fn ingest_paths(client: &mut Client, paths: &[PathBuf]) -> Result<Vec<Received>, ArchiveError> {
    let mut out = Vec::new();
    for p in paths {
        for c in candidates(p) {
            let verdict = ingest(client, &c)?;
            out.push(Received {
                path: c.path,
                verdict,
            });
        }
    }
    Ok(out)
}

/// Ingests one candidate.
///
/// # Errors
/// [`ArchiveError::Db`] only when the database cannot be used at all (the connection is lost);
/// a statement the server refuses for this candidate quarantines it (`store-failed`).
pub fn ingest(client: &mut Client, c: &Candidate) -> Result<Verdict, ArchiveError> {
    let (bundle, pages) = match &c.content {
        Content::Unreadable { code, reason } => return quarantine(client, c, code, reason),
        Content::Bundle { bundle, pages } => (bundle, pages),
    };
    let keys = register::lookup(client, &fingerprints(bundle))?;
    if let Err((code, reason)) = check(bundle, pages, &keys) {
        return quarantine(client, c, code, &reason);
    }
    // A statement the server refuses for this record (say, text PostgreSQL cannot hold) or a
    // record that verified yet cannot be stored is this item's problem, not the batch's.
    match store(client, c, bundle) {
        Ok(v) => Ok(v),
        Err(ArchiveError::Db(e)) if !client.is_closed() && e.as_db_error().is_some() => {
            let reason = e.as_db_error().map(|d| d.message().to_owned());
            quarantine(client, c, "store-failed", &reason.unwrap_or_default())
        }
        Err(ArchiveError::Invalid(reason)) => quarantine(client, c, "store-failed", &reason),
        Err(e) => Err(e),
    }
}

/// Fingerprints of the bundle's `.pub.pem` files that parse (the verifier reports the rest).
fn fingerprints(bundle: &Bundle) -> Vec<String> {
    let mut out: Vec<String> = bundle
        .signatures
        .iter()
        .filter_map(|s| std::str::from_utf8(&s.public_key_pem).ok())
        .filter_map(|pem| parse_public_key_pem(pem).ok())
        .map(|k| Fingerprint::of(&k).as_hex().to_owned())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Verification and the register's rules; `Err((code, details))` when refused.
fn check(
    bundle: &Bundle,
    pages: &Pages,
    keys: &BTreeMap<String, EnrolledKey>,
) -> Result<(), (&'static str, String)> {
    let report = verify_bundle(
        bundle,
        &register::trust_store(keys),
        &VerifyOptions::default(),
    );
    match report.outcome {
        Outcome::Invalid => {
            let code = if report
                .problems
                .iter()
                .any(|p| matches!(p.problem, Problem::KeyRevoked { .. }))
            {
                "key-out-of-validity"
            } else if report
                .problems
                .iter()
                .any(|p| matches!(p.problem, Problem::KeyPinnedToOtherMember { .. }))
            {
                "key-other-member"
            } else {
                "verification-failed"
            };
            let details: Vec<String> = report.problems.iter().map(|p| p.message.clone()).collect();
            return Err((code, details.join("; ")));
        }
        Outcome::Unpinned => {
            return Err((
                "key-not-enrolled",
                format!(
                    "keys not in the committee's register: {}",
                    report.unpinned_fingerprints.join(", ")
                ),
            ));
        }
        Outcome::Valid => {}
    }
    if let Pages::Differ(detail) = pages {
        return Err(("pdf-pages-differ", detail.clone()));
    }
    let cell_id = Record::from_bytes(bundle.record.clone())
        .map(|r| r.header().cell_id.clone())
        .map_err(|e| ("verification-failed", e.to_string()))?;
    for s in &bundle.signatures {
        let a = Attestation::parse(&s.attestation)
            .map_err(|e| ("verification-failed", format!("{}: {e}", s.stem())))?;
        let Some(key) = keys.get(a.key_fingerprint.as_hex()) else {
            return Err(("key-not-enrolled", a.key_fingerprint.as_hex().to_owned()));
        };
        let signed_on = a.signed_at_time().map(|t| t.date());
        if signed_on.is_none_or(|d| d < key.valid_from) {
            return Err((
                "key-out-of-validity",
                format!(
                    "{}: signed at {} but key {} is valid only from {}",
                    s.stem(),
                    a.signed_at,
                    key.fingerprint,
                    key.valid_from
                ),
            ));
        }
        if key.cell_id.as_ref().is_some_and(|c| *c != cell_id) {
            return Err((
                "key-other-cell",
                format!(
                    "{}: key {} is enrolled for cell {} but the record is of cell {}",
                    s.stem(),
                    key.fingerprint,
                    key.cell_id.as_deref().unwrap_or_default(),
                    cell_id
                ),
            ));
        }
    }
    Ok(())
}

/// Stores a verified bundle in one transaction (see the module doc).
fn store(client: &mut Client, c: &Candidate, bundle: &Bundle) -> Result<Verdict, ArchiveError> {
    let record = Record::from_bytes(bundle.record.clone())
        .map_err(|e| ArchiveError::Invalid(e.to_string()))?;
    let h = record.header();
    let sha256 = record.sha256().to_owned();
    let version = to_i64(h.version)?;
    let sequence = to_i64(h.sequence)?;
    let meeting = &record.value()["meeting"];
    let meeting_date = meeting["date"]
        .as_str()
        .and_then(|d| Date::parse(d, format_description!("[year]-[month]-[day]")).ok());
    let meeting_kind = meeting["kind"].as_str().map(str::to_owned);

    let mut tx = client.transaction()?;
    // One cell's records are placed one at a time, so the chain watch sees them all.
    tx.execute(
        "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
        &[&h.cell_id],
    )?;
    let inserted = tx.execute(
        "INSERT INTO record (sha256, body, cell_id, cell_name, meeting_id, version, sequence, \
         previous_record_sha256, previous_version_sha256, meeting_date, meeting_kind, source) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
         ON CONFLICT (sha256) DO NOTHING",
        &[
            &sha256,
            &record.bytes(),
            &h.cell_id,
            &h.cell_name,
            &h.meeting_id,
            &version,
            &sequence,
            &h.previous_record_sha256,
            &h.previous_version_sha256,
            &meeting_date,
            &meeting_kind,
            &c.source(),
        ],
    )?;
    let mut added = 0;
    for s in &bundle.signatures {
        let a = Attestation::parse(&s.attestation)
            .map_err(|e| ArchiveError::Invalid(format!("{}: {e}", s.stem())))?;
        added += tx.execute(
            "INSERT INTO attestation (record_sha256, fingerprint, role, member_id, full_name, \
             signed_at, file_stem, body, signature) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (record_sha256, fingerprint, role) DO NOTHING",
            &[
                &sha256,
                &a.key_fingerprint.as_hex(),
                &a.role.code(),
                &a.signer.member_id,
                &a.signer.full_name,
                &a.signed_at,
                &s.stem(),
                &s.attestation,
                &s.signature,
            ],
        )?;
    }
    if inserted == 0 {
        tx.commit()?;
        return Ok(Verdict::AlreadyReceived {
            sha256,
            added_signatures: added,
        });
    }
    let anomalies = chain::watch(
        &mut tx,
        &Placement {
            sha256: &sha256,
            cell_id: &h.cell_id,
            meeting_id: &h.meeting_id,
            version,
            sequence,
        },
    )?;
    let leaf = tlog::leaf(&h.cell_id, &sha256, sequence, version)?;
    let log_index = tlog::append(&mut tx, &sha256, &leaf)?;
    tx.commit()?;
    Ok(Verdict::Accepted {
        record: StoredRecord {
            sha256,
            cell_id: h.cell_id.clone(),
            cell_name: h.cell_name.clone(),
            meeting_id: h.meeting_id.clone(),
            version,
            sequence,
        },
        anomalies,
        log_index,
    })
}

fn to_i64(n: u64) -> Result<i64, ArchiveError> {
    i64::try_from(n).map_err(|_| ArchiveError::Invalid(format!("{n} is out of range")))
}

/// Puts `c` in the quarantine (once per distinct content).
fn quarantine(
    client: &mut Client,
    c: &Candidate,
    code: &str,
    reason: &str,
) -> Result<Verdict, ArchiveError> {
    let source = c.source();
    let content_sha256 = sha256_hex(c.raw.as_deref().unwrap_or(source.as_bytes()));
    let inserted = client.execute(
        "INSERT INTO quarantine (content_sha256, source, raw, reason_code, reason) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (content_sha256) DO NOTHING",
        &[&content_sha256, &source, &c.raw, &code, &reason],
    )?;
    let (code, reason) = (code.to_owned(), reason.to_owned());
    Ok(if inserted == 0 {
        Verdict::AlreadyQuarantined { code, reason }
    } else {
        Verdict::Quarantined { code, reason }
    })
}

/// One row of the quarantine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    /// Where it came from.
    pub source: String,
    /// Stable reason code.
    pub reason_code: String,
    /// Details in English.
    pub reason: String,
}

/// The quarantine, oldest first.
///
/// # Errors
/// [`ArchiveError::Db`].
pub fn quarantined(client: &mut Client) -> Result<Vec<Quarantined>, ArchiveError> {
    Ok(client
        .query(
            "SELECT source, reason_code, reason FROM quarantine ORDER BY id",
            &[],
        )?
        .iter()
        .map(|r| Quarantined {
            source: r.get(0),
            reason_code: r.get(1),
            reason: r.get(2),
        })
        .collect())
}
