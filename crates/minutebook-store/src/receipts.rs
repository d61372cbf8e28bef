//! Receipts from the committee's archive (schema version 8), kept as received once verified.

use rusqlite::{OptionalExtension, params};
use time::OffsetDateTime;

use crate::connection::Store;
use crate::error::{Context, Result};
use crate::values::{instant_text, parse_instant};

/// A receipt as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReceipt {
    /// The record it is for.
    pub record_sha256: String,
    /// The C2SP tlog-proof text, as received.
    pub receipt: String,
    /// The committee log's origin (its name).
    pub origin: String,
    /// The record's leaf index in the log.
    pub log_index: u64,
    /// The size of the log at the signed checkpoint.
    pub log_size: u64,
    /// When the cell took it in (the store's clock).
    pub imported_at: OffsetDateTime,
}

impl Store {
    /// Keeps a verified receipt for record `record_sha256`: the text as received and what it
    /// says (the log's `origin`, the leaf's `log_index`, the checkpoint's `log_size`), stamped
    /// with the store's clock. The caller verified it; the store keeps it as given.
    ///
    /// # Errors
    /// [`crate::Error::Constraint`] when the record is not in the book or already has one.
    pub fn add_receipt(
        &mut self,
        record_sha256: &str,
        receipt: &str,
        origin: &str,
        log_index: u64,
        log_size: u64,
    ) -> Result<()> {
        self.write("keep a receipt", |tx| {
            tx.tx
                .execute(
                    "INSERT INTO receipts (record_sha256, receipt, origin, log_index, log_size, imported_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        record_sha256,
                        receipt,
                        origin,
                        i64::try_from(log_index).unwrap_or(i64::MAX),
                        i64::try_from(log_size).unwrap_or(i64::MAX),
                        instant_text(tx.now)
                    ],
                )
                .ctx("keep a receipt")?;
            tx.audit(
                "receipt",
                "record",
                record_sha256,
                format!("{origin} leaf {log_index} of {log_size}"),
            )
        })
    }

    /// The receipt kept for record `sha256`, if any.
    ///
    /// # Errors
    /// Storage errors.
    pub fn receipt(&self, sha256: &str) -> Result<Option<StoredReceipt>> {
        self.read(|c| {
            let what = "read receipts";
            let row = c
                .query_row(
                    "SELECT record_sha256, receipt, origin, log_index, log_size, imported_at
                     FROM receipts WHERE record_sha256 = ?1",
                    [sha256],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, i64>(3)?,
                            r.get::<_, i64>(4)?,
                            r.get::<_, String>(5)?,
                        ))
                    },
                )
                .optional()
                .ctx(what)?;
            row.map(|(record_sha256, receipt, origin, i, n, at)| {
                Ok(StoredReceipt {
                    record_sha256,
                    receipt,
                    origin,
                    log_index: u64::try_from(i).unwrap_or(0),
                    log_size: u64::try_from(n).unwrap_or(0),
                    imported_at: parse_instant(&at, "receipts.imported_at")?,
                })
            })
            .transpose()
        })
    }
}
