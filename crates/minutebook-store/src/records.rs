//! Record versions (the rendered minutes, numbered in one sequence per cell so they chain) and
//! the attestations (signatures) imported for them. Both are append-only: triggers refuse
//! updates and deletes, and every read re-checks each record's SHA-256 against its bytes.

use minutebook_core::meeting::MeetingId;
use minutebook_core::{MemberId, SignerRole};
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::connection::Store;
use crate::error::{Context, Error, Result};
use crate::values::{check_sha256_hex, col, corrupt, hex, instant_text, parse_instant};

/// One stored version of a meeting's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordVersion {
    /// The meeting.
    pub meeting: MeetingId,
    /// 1, 2, … within the meeting.
    pub version: u32,
    /// Position in the cell's sequence of records, from 1, without gaps.
    pub sequence: u64,
    /// SHA-256 of `bytes`, lower-case hex.
    pub sha256: String,
    /// The record exactly as rendered.
    pub bytes: Vec<u8>,
    /// When it was stored (the store's clock).
    pub created_at: OffsetDateTime,
}

/// A signature to store for a record version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttestation {
    /// SHA-256 (hex) of the record version signed.
    pub record_sha256: String,
    /// File stem in the bundle, e.g. "01-chair".
    pub stem: String,
    /// Capacity in which it was signed.
    pub role: SignerRole,
    /// The signer.
    pub member: MemberId,
    /// The attestation document, as signed.
    pub attestation: Vec<u8>,
    /// The signature over it.
    pub signature: Vec<u8>,
    /// The signer's public key, PEM.
    pub public_key_pem: String,
}

/// A stored attestation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attestation {
    /// What was given.
    pub signed: NewAttestation,
    /// When it was stored (the store's clock).
    pub imported_at: OffsetDateTime,
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

const SELECT_RECORDS: &str =
    "SELECT meeting_id, version, sequence, sha256, bytes, created_at FROM record_versions";

fn read_records(
    conn: &Connection,
    tail: &str,
    arg: Option<&dyn rusqlite::ToSql>,
) -> Result<Vec<RecordVersion>> {
    let what = "read record versions";
    let mut stmt = conn
        .prepare(&format!("{SELECT_RECORDS} {tail}"))
        .ctx(what)?;
    let mut rows = match arg {
        Some(a) => stmt.query([a]),
        None => stmt.query([]),
    }
    .ctx(what)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next().ctx(what)? {
        let w = "record_versions";
        let rec = RecordVersion {
            meeting: MeetingId(col(r, 0, w)?),
            version: col(r, 1, w)?,
            sequence: col::<i64>(r, 2, w)? as u64,
            sha256: col(r, 3, w)?,
            bytes: col(r, 4, w)?,
            created_at: parse_instant(&col::<String>(r, 5, w)?, "record_versions.created_at")?,
        };
        if sha256_hex(&rec.bytes) != rec.sha256 {
            return Err(Error::Corrupt(format!(
                "record {} (meeting #{}, version {}): its bytes no longer match their SHA-256",
                rec.sequence, rec.meeting.0, rec.version
            )));
        }
        out.push(rec);
    }
    Ok(out)
}

fn next_sequence(conn: &Connection) -> Result<u64> {
    conn.query_row(
        "SELECT coalesce(max(sequence), 0) + 1 FROM record_versions",
        [],
        |r| r.get::<_, i64>(0),
    )
    .ctx("read the record sequence")
    .map(|n| n as u64)
}

impl Store {
    /// The sequence number the next record of the cell must carry (1 for the first).
    pub fn next_sequence(&self) -> Result<u64> {
        self.read(next_sequence)
    }

    /// The cell's latest record by sequence (the one a new record chains to), if any.
    ///
    /// # Errors
    /// [`Error::Corrupt`] when its bytes no longer match their hash.
    pub fn latest_record(&self) -> Result<Option<RecordVersion>> {
        Ok(self
            .read(|tx| read_records(tx, "ORDER BY sequence DESC LIMIT 1", None))?
            .pop())
    }

    /// Stores a new version of `meeting`'s record. `sequence` is the meeting's place in the
    /// cell's book — the record's bytes embed it: [`Store::next_sequence`] for a meeting's first
    /// record, the same place for its later versions. The version number is the meeting's next.
    /// The SHA-256 is computed here.
    ///
    /// # Errors
    /// [`Error::Constraint`] when `sequence` is no longer the next one (another record was
    /// stored meanwhile: render again), when the same bytes are already stored, or when the
    /// meeting does not exist.
    pub fn insert_record_version(
        &mut self,
        meeting: MeetingId,
        sequence: u64,
        bytes: &[u8],
    ) -> Result<RecordVersion> {
        self.write("store the record", |tx| {
            // Versions of one meeting share its place in the book; a new meeting takes the next.
            let placed: Option<i64> = tx
                .tx
                .query_row(
                    "SELECT sequence FROM record_versions WHERE meeting_id = ?1 LIMIT 1",
                    [meeting.0],
                    |r| r.get(0),
                )
                .optional()
                .ctx("read the meeting's place in the book")?;
            let expected = match placed {
                Some(s) => s as u64,
                None => next_sequence(tx.tx)?,
            };
            if sequence != expected {
                return Err(Error::Constraint {
                    what: "store the record".to_owned(),
                    detail: match placed {
                        Some(_) => format!("meeting #{} is record {expected} in the book, not {sequence}", meeting.0),
                        None => format!("the next record sequence is {expected}, not {sequence}"),
                    },
                });
            }
            let version: u32 = tx
                .tx
                .query_row(
                    "SELECT coalesce(max(version), 0) + 1 FROM record_versions WHERE meeting_id = ?1",
                    [meeting.0],
                    |r| r.get(0),
                )
                .ctx("read the record versions")?;
            let rec = RecordVersion {
                meeting,
                version,
                sequence,
                sha256: sha256_hex(bytes),
                bytes: bytes.to_vec(),
                created_at: tx.now,
            };
            tx.tx
                .execute(
                    "INSERT INTO record_versions (meeting_id, version, sequence, sha256, bytes,
                        created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        meeting.0,
                        version,
                        sequence as i64,
                        rec.sha256,
                        rec.bytes,
                        instant_text(rec.created_at)
                    ],
                )
                .ctx(&format!("store version {version} of meeting #{}", meeting.0))?;
            tx.audit(
                "add",
                "record",
                sequence,
                format!(
                    "meeting #{} version {version}, sha256 {}",
                    meeting.0, rec.sha256
                ),
            )?;
            Ok(rec)
        })
    }

    /// Every stored version of `meeting`'s record, oldest first.
    pub fn record_versions(&self, meeting: MeetingId) -> Result<Vec<RecordVersion>> {
        self.read(|tx| {
            read_records(
                tx,
                "WHERE meeting_id = ?1 ORDER BY version",
                Some(&meeting.0),
            )
        })
    }

    /// Every stored record version of the book, in sequence order (the chain's order).
    pub fn all_record_versions(&self) -> Result<Vec<RecordVersion>> {
        self.read(|tx| read_records(tx, "ORDER BY sequence", None))
    }

    /// The newest version of `meeting`'s record, if any.
    pub fn latest_record_version(&self, meeting: MeetingId) -> Result<Option<RecordVersion>> {
        Ok(self.record_versions(meeting)?.pop())
    }

    /// The record version with this SHA-256 (hex).
    ///
    /// # Errors
    /// [`Error::NotFound`].
    pub fn record_by_sha256(&self, sha256: &str) -> Result<RecordVersion> {
        self.read(|tx| read_records(tx, "WHERE sha256 = ?1", Some(&sha256)))?
            .pop()
            .ok_or_else(|| Error::not_found(format!("record {sha256}")))
    }

    /// Stores an attestation of a record version.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a malformed hash or empty stem; [`Error::Constraint`] when the
    /// record or member does not exist or the stem is already stored for the record.
    pub fn add_attestation(&mut self, a: &NewAttestation) -> Result<Attestation> {
        check_sha256_hex(&a.record_sha256, "record SHA-256")?;
        if a.stem.is_empty() {
            return Err(Error::invalid("attestation stem", "empty"));
        }
        crate::values::check_nfc(&a.stem, "attestation stem")?;
        let what = format!("store attestation {:?}", a.stem);
        self.write(&what, |tx| {
            tx.tx
                .execute(
                    "INSERT INTO attestations (record_sha256, stem, role, member_id, attestation,
                        signature, public_key_pem, imported_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![
                        a.record_sha256,
                        a.stem,
                        a.role.code(),
                        a.member.0,
                        a.attestation,
                        a.signature,
                        a.public_key_pem,
                        instant_text(tx.now)
                    ],
                )
                .ctx(&what)?;
            tx.audit(
                "add",
                "attestation",
                format!("{}/{}", a.record_sha256, a.stem),
                format!("{} by member #{}", a.role.code(), a.member.0),
            )?;
            Ok(Attestation {
                signed: a.clone(),
                imported_at: tx.now,
            })
        })
    }

    /// The attestations stored for the record with this SHA-256, in stem order.
    pub fn attestations(&self, record_sha256: &str) -> Result<Vec<Attestation>> {
        self.read(|tx| {
            let what = "read attestations";
            let mut stmt = tx
                .prepare(
                    "SELECT record_sha256, stem, role, member_id, attestation, signature,
                        public_key_pem, imported_at
                     FROM attestations WHERE record_sha256 = ?1 ORDER BY stem",
                )
                .ctx(what)?;
            let mut rows = stmt.query([record_sha256]).ctx(what)?;
            let mut out = Vec::new();
            while let Some(r) = rows.next().ctx(what)? {
                let w = "attestations";
                let role: String = col(r, 2, w)?;
                out.push(Attestation {
                    signed: NewAttestation {
                        record_sha256: col(r, 0, w)?,
                        stem: col(r, 1, w)?,
                        role: SignerRole::from_code(&role)
                            .ok_or_else(|| corrupt("attestations.role", &role))?,
                        member: MemberId(col(r, 3, w)?),
                        attestation: col(r, 4, w)?,
                        signature: col(r, 5, w)?,
                        public_key_pem: col(r, 6, w)?,
                    },
                    imported_at: parse_instant(
                        &col::<String>(r, 7, w)?,
                        "attestations.imported_at",
                    )?,
                });
            }
            Ok(out)
        })
    }
}
