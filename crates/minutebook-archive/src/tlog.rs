//! The committee's Merkle log of accepted records, kept in PostgreSQL (tables `log_head`,
//! `log_hash`, `log_leaf`; schema version 2).
//!
//! The tree is RFC 6962's; its arithmetic (stored hashes, tree hash, inclusion proofs) is the
//! `tlog_tiles` crate's (Cloudflare's port of Go's `golang.org/x/mod/sumdb/tlog`), not ours.
//! A record is appended in the same transaction that stores it ([`append`], called by
//! [`crate::ingest`]), under `SELECT … FOR UPDATE` on the one `log_head` row, so leaves get
//! consecutive indexes and the head always equals the leaves stored.
//!
//! The leaf is RFC 8785 canonical JSON naming the record, so that the cell can read it back from
//! its receipt and check that it names its own record:
//! `{"cell":…,"record":<sha256 hex>,"sequence":n,"t":"minutebook.receipt/1","version":v}`.

use std::cell::RefCell;

use postgres::{GenericClient, Transaction};
use tlog_tiles::{Hash, HashReader, stored_hash_index, stored_hashes, tree_hash};

use crate::error::ArchiveError;

/// Type tag of a leaf (`"t"`).
pub use minutebook_api::receipt::LEAF_TYPE;

/// The log's head: its origin, size and root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// C2SP checkpoint origin.
    pub origin: String,
    /// Number of leaves.
    pub size: u64,
    /// RFC 6962 root hash.
    pub root: [u8; 32],
}

/// The leaf bytes for a record.
///
/// # Errors
/// [`ArchiveError::Invalid`] if the fields cannot be made canonical JSON (non-NFC text).
pub fn leaf(
    cell_id: &str,
    record_sha256: &str,
    sequence: i64,
    version: i64,
) -> Result<Vec<u8>, ArchiveError> {
    let v = serde_json::json!({
        "cell": cell_id,
        "record": record_sha256,
        "sequence": sequence,
        "t": LEAF_TYPE,
        "version": version,
    });
    minutebook_sign::to_canonical_bytes(&v).map_err(|e| ArchiveError::Invalid(e.to_string()))
}

/// Reads stored hashes inside a transaction (`tlog_tiles` asks through `&self`).
pub(crate) struct Reader<'a, 'b>(pub(crate) RefCell<&'a mut Transaction<'b>>);

impl HashReader for Reader<'_, '_> {
    fn read_hashes(&self, indexes: &[u64]) -> Result<Vec<Hash>, tlog_tiles::Error> {
        let wanted: Vec<i64> = indexes.iter().map(|&i| i as i64).collect();
        let rows = self
            .0
            .borrow_mut()
            .query(
                "SELECT idx, hash FROM log_hash WHERE idx = ANY($1)",
                &[&wanted],
            )
            .map_err(|e| tlog_tiles::Error::InvalidInput(e.to_string()))?;
        let found: std::collections::HashMap<i64, Vec<u8>> =
            rows.iter().map(|r| (r.get(0), r.get(1))).collect();
        wanted
            .iter()
            .map(|i| {
                found
                    .get(i)
                    .and_then(|h| <[u8; 32]>::try_from(h.as_slice()).ok())
                    .map(Hash)
                    .ok_or(tlog_tiles::Error::IndexesNotInTree)
            })
            .collect()
    }
}

fn tlog_error(e: tlog_tiles::Error) -> ArchiveError {
    ArchiveError::Invalid(format!("Merkle log: {e}"))
}

/// The head, if the log was started.
///
/// # Errors
/// [`ArchiveError::Db`].
pub fn head(client: &mut impl GenericClient) -> Result<Option<Head>, ArchiveError> {
    let row = client.query_opt("SELECT origin, size, root FROM log_head", &[])?;
    Ok(row.map(|r| {
        let root: Vec<u8> = r.get(2);
        let size: i64 = r.get(1);
        Head {
            origin: r.get(0),
            size: size as u64,
            root: root.try_into().unwrap_or([0; 32]),
        }
    }))
}

/// Appends `leaf` for `record_sha256` if the log was started; returns its index. Must run in
/// the transaction that stores the record.
///
/// # Errors
/// [`ArchiveError::Db`]; [`ArchiveError::Invalid`] if the stored tree is inconsistent.
pub fn append(
    tx: &mut Transaction<'_>,
    record_sha256: &str,
    leaf: &[u8],
) -> Result<Option<u64>, ArchiveError> {
    let Some(row) = tx.query_opt("SELECT size FROM log_head FOR UPDATE", &[])? else {
        return Ok(None);
    };
    let size: i64 = row.get(0);
    let n = size as u64;
    let reader = Reader(RefCell::new(tx));
    let hashes = stored_hashes(n, leaf, &reader).map_err(tlog_error)?;
    let first = stored_hash_index(0, n);
    for (i, h) in hashes.iter().enumerate() {
        let idx = (first + i as u64) as i64;
        reader.0.borrow_mut().execute(
            "INSERT INTO log_hash (idx, hash) VALUES ($1, $2)",
            &[&idx, &h.0.as_slice()],
        )?;
    }
    let root = tree_hash(n + 1, &reader).map_err(tlog_error)?;
    let tx = reader.0.into_inner();
    tx.execute(
        "INSERT INTO log_leaf (idx, record_sha256, leaf) VALUES ($1, $2, $3)",
        &[&size, &record_sha256, &leaf],
    )?;
    tx.execute(
        "UPDATE log_head SET size = $1, root = $2",
        &[&(size + 1), &root.0.as_slice()],
    )?;
    Ok(Some(n))
}

/// Starts the log under `origin` (a C2SP checkpoint origin: no spaces or `+`, e.g.
/// `minutebook/dang-uy-phuong-thanh-binh/2026`) and appends every record already held, oldest
/// first, in one transaction. Returns the head.
///
/// # Errors
/// [`ArchiveError::Invalid`] when the log was already started or the origin is not usable;
/// [`ArchiveError::Db`].
pub fn init(client: &mut postgres::Client, origin: &str) -> Result<Head, ArchiveError> {
    if !signed_note::is_key_name_valid(origin) {
        return Err(ArchiveError::Invalid(format!(
            "{origin:?} cannot name a log: no spaces or '+', not empty"
        )));
    }
    let mut tx = client.transaction()?;
    let inserted = tx.execute(
        "INSERT INTO log_head (origin, size, root) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING",
        &[&origin, &tlog_tiles::EMPTY_HASH.0.as_slice()],
    )?;
    if inserted == 0 {
        return Err(ArchiveError::Invalid("the log was already started".into()));
    }
    let held = tx.query(
        "SELECT sha256, cell_id, sequence, version FROM record ORDER BY received_at, sha256",
        &[],
    )?;
    for r in held {
        let sha: String = r.get(0);
        let cell: String = r.get(1);
        let l = leaf(&cell, &sha, r.get(2), r.get(3))?;
        append(&mut tx, &sha, &l)?;
    }
    let h = head(&mut tx)?;
    tx.commit()?;
    h.ok_or_else(|| ArchiveError::Invalid("the log head vanished".into()))
}
