//! The audit log: append-only (enforced by triggers) and hash-chained.
//!
//! Every change the store makes appends one entry in the same transaction as the change. Each
//! entry's `hash` is SHA-256 over this byte layout (all integers big-endian):
//!
//! ```text
//! b"minutebook audit v1\n"                       20 bytes, domain separation
//! seq                                            i64, 8 bytes
//! at, actor, action, entity, entity_id, detail   each: u64 byte length, then its UTF-8 bytes
//! prev_hash                                      32 bytes: the previous entry's hash
//!                                                (32 zero bytes for entry 1)
//! ```
//!
//! Hashes are stored as 64 lower-case hex characters. `at` is hashed exactly as stored (RFC 3339
//! text from the caller's clock). Sequence numbers start at 1 and have no gaps, so a deleted
//! entry breaks the chain as surely as an edited one. (Removing entries from the *end* leaves a
//! valid shorter chain; the count returned by [`Store::verify_audit_chain`] is there to be
//! compared with one kept elsewhere, e.g. in a signed record or a backup.)

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::connection::Store;
use crate::error::{Context, Error, Result};
use crate::values::{col, hex, instant_text};

/// Domain-separation prefix of the hashed layout.
pub const HASH_DOMAIN: &[u8; 20] = b"minutebook audit v1\n";

/// One entry of the audit log, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// 1, 2, 3… without gaps.
    pub seq: i64,
    /// When, RFC 3339 from the caller's clock.
    pub at: String,
    /// Who made the change.
    pub actor: String,
    /// What was done, e.g. "add", "update", "save", "set-status", "migrate".
    pub action: String,
    /// Kind of thing changed, e.g. "member", "meeting", "record", "key", "schema".
    pub entity: String,
    /// Which one, e.g. "12".
    pub entity_id: String,
    /// Human-readable detail.
    pub detail: String,
    /// Hash of the previous entry, hex (64 zeros for entry 1).
    pub prev_hash: String,
    /// Hash of this entry, hex.
    pub hash: String,
}

/// Computes an entry's hash from its fields and the previous entry's hash (see the module
/// documentation for the byte layout).
#[allow(clippy::too_many_arguments)]
pub fn entry_hash(
    seq: i64,
    at: &str,
    actor: &str,
    action: &str,
    entity: &str,
    entity_id: &str,
    detail: &str,
    prev_hash: &[u8; 32],
) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(HASH_DOMAIN);
    h.update(seq.to_be_bytes());
    for field in [at, actor, action, entity, entity_id, detail] {
        h.update((field.len() as u64).to_be_bytes());
        h.update(field.as_bytes());
    }
    h.update(prev_hash);
    h.finalize().into()
}

fn unhex32(s: &str) -> Option<[u8; 32]> {
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

/// What one change says about itself in the log.
pub(crate) struct Change<'a> {
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: String,
    pub detail: String,
}

/// Appends one entry; call inside the write transaction of the change it describes.
pub(crate) fn append(
    conn: &Connection,
    now: OffsetDateTime,
    actor: &str,
    change: Change<'_>,
) -> Result<i64> {
    let last: Option<(i64, String)> = conn
        .query_row(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .ctx("read the audit log")?;
    let (seq, prev) = match last {
        None => (1, [0u8; 32]),
        Some((seq, hash)) => (
            seq + 1,
            unhex32(&hash)
                .ok_or_else(|| Error::Corrupt(format!("audit entry {seq} has a malformed hash")))?,
        ),
    };
    let at = instant_text(now);
    let hash = entry_hash(
        seq,
        &at,
        actor,
        change.action,
        change.entity,
        &change.entity_id,
        &change.detail,
        &prev,
    );
    conn.execute(
        "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            seq,
            at,
            actor,
            change.action,
            change.entity,
            change.entity_id,
            change.detail,
            hex(&prev),
            hex(&hash)
        ],
    )
    .ctx("append to the audit log")?;
    Ok(seq)
}

impl Store {
    /// The whole audit log, oldest first.
    pub fn audit_log(&self) -> Result<Vec<AuditEntry>> {
        self.read(|tx| {
            let mut stmt = tx
                .prepare(
                    "SELECT seq, at, actor, action, entity, entity_id, detail, prev_hash, hash
                     FROM audit_log ORDER BY seq",
                )
                .ctx("read the audit log")?;
            let mut rows = stmt.query([]).ctx("read the audit log")?;
            let mut out = Vec::new();
            while let Some(r) = rows.next().ctx("read the audit log")? {
                let w = "audit_log";
                out.push(AuditEntry {
                    seq: col(r, 0, w)?,
                    at: col(r, 1, w)?,
                    actor: col(r, 2, w)?,
                    action: col(r, 3, w)?,
                    entity: col(r, 4, w)?,
                    entity_id: col(r, 5, w)?,
                    detail: col(r, 6, w)?,
                    prev_hash: col(r, 7, w)?,
                    hash: col(r, 8, w)?,
                });
            }
            Ok(out)
        })
    }

    /// Checks the audit log's hash chain from the first entry to the last.
    ///
    /// Returns the number of entries when every entry's sequence number, previous hash and
    /// hash are as they were written.
    ///
    /// # Errors
    /// [`Error::AuditChainBroken`] with the first entry that does not verify; other errors
    /// when the log cannot be read.
    pub fn verify_audit_chain(&self) -> Result<u64> {
        let entries = self.audit_log()?;
        let mut prev = [0u8; 32];
        for (i, e) in entries.iter().enumerate() {
            let expected_seq = i as i64 + 1;
            let broken = Error::AuditChainBroken {
                seq: e.seq.min(expected_seq),
            };
            if e.seq != expected_seq || unhex32(&e.prev_hash) != Some(prev) {
                return Err(broken);
            }
            let hash = entry_hash(
                e.seq,
                &e.at,
                &e.actor,
                &e.action,
                &e.entity,
                &e.entity_id,
                &e.detail,
                &prev,
            );
            if unhex32(&e.hash) != Some(hash) {
                return Err(broken);
            }
            prev = hash;
        }
        Ok(entries.len() as u64)
    }
}
