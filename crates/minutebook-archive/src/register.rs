//! The committee's key register: which public keys may sign which member's attestations, and
//! on which days.
//!
//! A key is enrolled from the SPKI PEM the app exports (`minutebook key export-public`), with the
//! member's roster id and name as the cell's book has them (the attestation names both),
//! optionally the cell, and the first and last day the key may sign. At ingest every
//! attestation's key must be enrolled, for the member it names, and valid on the day its
//! `signed_at` carries (a self-asserted time: see `docs/archive.md`).

use std::collections::BTreeMap;

use minutebook_sign::keys::{Fingerprint, parse_public_key_pem};
use minutebook_sign::trust::{TrustStore, TrustedKey};
use postgres::GenericClient;
use time::Date;

use crate::error::ArchiveError;

/// A key to enroll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrollment {
    /// The public key as an SPKI PEM (`-----BEGIN PUBLIC KEY-----`).
    pub public_key_pem: String,
    /// The member's roster id in the cell's book (as attestations name it).
    pub member_id: String,
    /// The member's full name.
    pub full_name: String,
    /// The cell (`cell.id` of its records) whose records the key may sign; `None` for any.
    pub cell_id: Option<String>,
    /// First day the key may sign.
    pub valid_from: Date,
    /// Last day the key may sign (inclusive); `None` while the key is in use.
    pub valid_until: Option<Date>,
    /// Who enrolled it (a person at the committee).
    pub enrolled_by: String,
}

/// An enrolled key as the register holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnrolledKey {
    /// SHA-256 of the key's SPKI DER, lowercase hex.
    pub fingerprint: String,
    /// The member's roster id.
    pub member_id: String,
    /// The member's full name.
    pub full_name: String,
    /// The cell it is limited to, if any.
    pub cell_id: Option<String>,
    /// First valid day.
    pub valid_from: Date,
    /// Last valid day, if any.
    pub valid_until: Option<Date>,
}

/// Enrolls a key; returns it as stored.
///
/// # Errors
/// [`ArchiveError::Invalid`] when the PEM is not a usable Ed25519 public key, the range is
/// empty, or the key is already enrolled; [`ArchiveError::Db`].
pub fn enroll(
    client: &mut impl GenericClient,
    e: &Enrollment,
) -> Result<EnrolledKey, ArchiveError> {
    let key = parse_public_key_pem(&e.public_key_pem)
        .map_err(|err| ArchiveError::Invalid(format!("public key: {err}")))?;
    if e.valid_until.is_some_and(|u| u < e.valid_from) {
        return Err(ArchiveError::Invalid(format!(
            "the key's last valid day {} is before its first {}",
            e.valid_until.map(|d| d.to_string()).unwrap_or_default(),
            e.valid_from
        )));
    }
    for (field, value) in [("member id", &e.member_id), ("name", &e.full_name)] {
        if value.trim().is_empty() {
            return Err(ArchiveError::Invalid(format!("{field} is empty")));
        }
    }
    let fingerprint = Fingerprint::of(&key).as_hex().to_owned();
    let inserted = client.execute(
        "INSERT INTO member_key (fingerprint, public_key, member_id, full_name, cell_id, \
         valid_from, valid_until, enrolled_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (fingerprint) DO NOTHING",
        &[
            &fingerprint,
            &e.public_key_pem,
            &e.member_id,
            &e.full_name,
            &e.cell_id,
            &e.valid_from,
            &e.valid_until,
            &e.enrolled_by,
        ],
    )?;
    if inserted == 0 {
        return Err(ArchiveError::Invalid(format!(
            "key {fingerprint} is already enrolled"
        )));
    }
    Ok(EnrolledKey {
        fingerprint,
        member_id: e.member_id.clone(),
        full_name: e.full_name.clone(),
        cell_id: e.cell_id.clone(),
        valid_from: e.valid_from,
        valid_until: e.valid_until,
    })
}

/// The enrolled keys among `fingerprints` (lowercase hex), by fingerprint.
///
/// # Errors
/// [`ArchiveError::Db`].
pub fn lookup(
    client: &mut impl GenericClient,
    fingerprints: &[String],
) -> Result<BTreeMap<String, EnrolledKey>, ArchiveError> {
    let rows = client.query(
        "SELECT fingerprint, member_id, full_name, cell_id, valid_from, valid_until \
         FROM member_key WHERE fingerprint = ANY($1)",
        &[&fingerprints],
    )?;
    Ok(rows
        .iter()
        .map(|r| {
            let k = EnrolledKey {
                fingerprint: r.get(0),
                member_id: r.get(1),
                full_name: r.get(2),
                cell_id: r.get(3),
                valid_from: r.get(4),
                valid_until: r.get(5),
            };
            (k.fingerprint.clone(), k)
        })
        .collect())
}

/// Every enrolled key, by member name then first valid day.
///
/// # Errors
/// [`ArchiveError::Db`].
pub fn list(client: &mut impl GenericClient) -> Result<Vec<EnrolledKey>, ArchiveError> {
    let rows = client.query(
        "SELECT fingerprint, member_id, full_name, cell_id, valid_from, valid_until \
         FROM member_key ORDER BY full_name, valid_from, fingerprint",
        &[],
    )?;
    Ok(rows
        .iter()
        .map(|r| EnrolledKey {
            fingerprint: r.get(0),
            member_id: r.get(1),
            full_name: r.get(2),
            cell_id: r.get(3),
            valid_from: r.get(4),
            valid_until: r.get(5),
        })
        .collect())
}

/// The trust store `minutebook_sign::verify_bundle` checks against: each key pinned to its
/// member, revoked from the day after its last valid day. (The first valid day has no
/// counterpart in the trust store; [`crate::ingest`] checks it.)
pub fn trust_store(keys: &BTreeMap<String, EnrolledKey>) -> TrustStore {
    let mut trust = TrustStore::new();
    for k in keys.values() {
        let Some(fingerprint) = Fingerprint::parse(&k.fingerprint) else {
            continue;
        };
        trust.add(TrustedKey {
            fingerprint,
            member_id: k.member_id.clone(),
            full_name: k.full_name.clone(),
            revoked_from: k.valid_until.and_then(Date::next_day),
        });
    }
    trust
}
