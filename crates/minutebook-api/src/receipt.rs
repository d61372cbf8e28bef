//! Receipts from the committee's archive (issue 13): a C2SP `tlog-proof`
//! (c2sp.org/tlog-proof@v1) — the leaf naming the record as `extra`, its index, the RFC 6962
//! inclusion proof, and the checkpoint the committee signed (a C2SP signed note, Ed25519).
//! One check, used by the cell's book ([`crate::Book::import_receipt`]) and by the archive's
//! own `log verify`. The formats are the `tlog_tiles` and `signed_note` crates', not ours.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use signed_note::{Note, StandardVerifier, VerifierList};
use tlog_tiles::{Checkpoint, Hash, check_record, record_hash};

/// First line of a receipt.
pub const PROOF_HEADER: &str = "c2sp.org/tlog-proof@v1";
/// The `t` of a leaf: a record accepted by a committee's archive.
pub const LEAF_TYPE: &str = "minutebook.receipt/1";

/// What a valid receipt says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedReceipt {
    /// The log's origin (the committee's name for it).
    pub origin: String,
    /// The record the leaf names (SHA-256, 64 hex digits).
    pub record_sha256: String,
    /// The leaf's index.
    pub index: u64,
    /// The checkpoint's size.
    pub size: u64,
}

/// The record a receipt's leaf names, without checking anything else (to find which record it
/// is for before verifying it).
///
/// # Errors
/// A message naming what is malformed.
pub fn receipt_record(receipt: &str) -> Result<String, String> {
    let leaf = leaf_of(receipt)?;
    let fields: serde_json::Value =
        serde_json::from_slice(&leaf).map_err(|e| format!("receipt: leaf: {e}"))?;
    fields["record"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| "receipt: the leaf names no record".to_owned())
}

fn leaf_of(receipt: &str) -> Result<Vec<u8>, String> {
    let extra = receipt
        .lines()
        .nth(1)
        .and_then(|l| l.strip_prefix("extra "))
        .ok_or_else(|| "receipt: no leaf (extra line)".to_owned())?;
    B64.decode(extra).map_err(|e| format!("receipt: leaf: {e}"))
}

/// Checks `receipt` offline: the checkpoint is signed by `public_key` (signed-note verifier key
/// `<origin>+<id>+<base64>`) and is that key's log, the leaf names `record_sha256`, and the
/// inclusion proof holds.
///
/// # Errors
/// A message (English, technical) naming the first thing that does not hold, prefixed
/// `receipt:`.
pub fn verify_receipt(
    receipt: &str,
    public_key: &str,
    record_sha256: &str,
) -> Result<VerifiedReceipt, String> {
    let bad = |what: &str| format!("receipt: {what}");
    let (head, note) = receipt
        .split_once("\n\n")
        .ok_or_else(|| bad("no blank line before the checkpoint"))?;
    let mut lines = head.lines();
    if lines.next() != Some(PROOF_HEADER) {
        return Err(bad("not a c2sp.org/tlog-proof@v1"));
    }
    let _extra = lines.next();
    let index: u64 = lines
        .next()
        .and_then(|l| l.strip_prefix("index "))
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| bad("no index"))?;
    let proof: Vec<Hash> = lines
        .map(Hash::parse_hash)
        .collect::<Result<_, _>>()
        .map_err(|e| bad(&format!("proof: {e}")))?;

    let verifier = StandardVerifier::new(public_key.trim()).map_err(|e| bad(&e.to_string()))?;
    let origin_of_key = signed_note::Verifier::name(&verifier).to_owned();
    let note = Note::from_bytes(note.as_bytes()).map_err(|e| bad(&e.to_string()))?;
    note.verify(&VerifierList::new(vec![Box::new(verifier)]))
        .map_err(|e| bad(&format!("checkpoint signature: {e}")))?;
    let cp = Checkpoint::from_bytes(note.text()).map_err(|e| bad(&e.to_string()))?;
    if cp.origin() != origin_of_key {
        return Err(bad("the checkpoint is of another log"));
    }

    let leaf = leaf_of(receipt)?;
    let fields: serde_json::Value =
        serde_json::from_slice(&leaf).map_err(|e| bad(&format!("leaf: {e}")))?;
    if fields["t"] != LEAF_TYPE || fields["record"] != record_sha256 {
        return Err(bad("the leaf does not name this record"));
    }
    check_record(&proof, cp.size(), *cp.hash(), index, record_hash(&leaf))
        .map_err(|e| bad(&format!("inclusion proof: {e}")))?;
    Ok(VerifiedReceipt {
        origin: cp.origin().to_owned(),
        record_sha256: record_sha256.to_owned(),
        index,
        size: cp.size(),
    })
}

/// Whether `key` reads as a signed-note verifier key (`<origin>+<id>+<base64>`).
pub fn is_committee_key(key: &str) -> bool {
    StandardVerifier::new(key.trim()).is_ok()
}
