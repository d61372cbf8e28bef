//! Receipts from the committee above (issue 13): the cell pins the committee archive's log key
//! and takes in the receipts the archive gives for its records, each verified offline
//! ([`crate::receipt::verify_receipt`]) before it is kept.

use serde::Serialize;

use super::*;
use crate::receipt::{is_committee_key, receipt_record, verify_receipt};

/// Setting: the committee archive's log key the cell pinned (signed-note verifier key).
pub const COMMITTEE_KEY_SETTING: &str = "committee_log_key";

/// A receipt the cell holds for one of its records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReceiptView {
    /// The meeting.
    pub meeting_id: i64,
    /// The record's version.
    pub version: u32,
    /// The record (SHA-256).
    pub record_sha256: String,
    /// The committee above, as the cell names it (`cell.upper_committee`).
    pub committee: String,
    /// The committee log's origin.
    pub origin: String,
    /// The record's leaf index in the log.
    pub log_index: u64,
    /// The log's size at the signed checkpoint.
    pub log_size: u64,
    /// The day the cell took the receipt in (YYYY-MM-DD, Vietnam time).
    pub received_on: String,
}

impl Book {
    /// Pins the committee archive's log key (`<origin>+<id>+<base64>`, as `minutebook-archive
    /// log new-key` prints it); receipts are verified against it.
    ///
    /// # Errors
    /// `InvalidInput` (detail `err-committee-key`) for something that is not such a key.
    pub fn set_committee_key(&mut self, key: &str) -> Result<(), ApiError> {
        let key = key.trim();
        if !is_committee_key(key) {
            return Err(ApiError::with_detail(
                ErrorCode::InvalidInput,
                "err-committee-key",
                &[],
                "not a committee log key (<origin>+<id>+<base64>)".to_owned(),
            ));
        }
        self.use_case("pin the committee's log key", |book| {
            Ok(book.store_mut().set_setting(COMMITTEE_KEY_SETTING, key)?)
        })
    }

    /// Takes in a receipt for one of this book's records: it must name a record of the book,
    /// and verify against the pinned committee key (signature, log, leaf, inclusion proof).
    /// Kept as received; taking the same receipt in again changes nothing.
    ///
    /// # Errors
    /// `InvalidInput` with `err-no-committee-key` before a key is pinned; `NotFound` with
    /// `err-receipt-unknown-record` for a record not in this book; `Tampered` with
    /// `err-receipt-invalid` (and the reason) when it does not verify. Nothing is kept then.
    pub fn import_receipt(&mut self, receipt: &str) -> Result<ReceiptView, ApiError> {
        self.use_case("take in a receipt", |book| {
            let Some(key) = book.store().setting(COMMITTEE_KEY_SETTING)? else {
                return Err(ApiError::with_detail(
                    ErrorCode::InvalidInput,
                    "err-no-committee-key",
                    &[],
                    "no committee key is pinned: pin the key the committee gave first".to_owned(),
                ));
            };
            let invalid = |reason: String| {
                ApiError::with_detail(
                    ErrorCode::Tampered,
                    "err-receipt-invalid",
                    &[("reason", reason.clone())],
                    format!("the receipt does not verify: {reason}"),
                )
            };
            let sha = receipt_record(receipt).map_err(invalid)?;
            let rv = book.store().record_by_sha256(&sha).map_err(|_| {
                ApiError::with_detail(
                    ErrorCode::NotFound,
                    "err-receipt-unknown-record",
                    &[("sha", sha.clone())],
                    format!("the receipt is for record {sha}, which is not in this book"),
                )
            })?;
            let v = verify_receipt(receipt, &key, &sha).map_err(invalid)?;
            if book.store().receipt(&sha)?.is_none() {
                book.store_mut()
                    .add_receipt(&sha, receipt, &v.origin, v.index, v.size)?;
            }
            book.receipt_view(&rv)?
                .ok_or_else(|| ApiError::not_found(format!("receipt of {sha}")))
        })
    }

    /// The receipt held for meeting `id`'s latest record, if any.
    ///
    /// # Errors
    /// `NotFound` for the meeting.
    pub fn receipt(&self, id: i64) -> Result<Option<ReceiptView>, ApiError> {
        self.meeting(id)?;
        match self.store().latest_record_version(MeetingId(id))? {
            Some(rv) => self.receipt_view(&rv),
            None => Ok(None),
        }
    }

    fn receipt_view(
        &self,
        rv: &minutebook_store::RecordVersion,
    ) -> Result<Option<ReceiptView>, ApiError> {
        let Some(r) = self.store().receipt(&rv.sha256)? else {
            return Ok(None);
        };
        let committee = self.cell()?.map(|c| c.upper_committee).unwrap_or_default();
        Ok(Some(ReceiptView {
            meeting_id: rv.meeting.0,
            version: rv.version,
            record_sha256: rv.sha256.clone(),
            committee,
            origin: r.origin,
            log_index: r.log_index,
            log_size: r.log_size,
            received_on: r
                .imported_at
                .to_offset(time::macros::offset!(+7))
                .date()
                .to_string(),
        }))
    }
}
