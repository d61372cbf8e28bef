//! Receipts: the committee signs checkpoints of its Merkle log ([`crate::tlog`]) and gives each
//! cell a receipt for each record — a C2SP `tlog-proof` (c2sp.org/tlog-proof@v1): the leaf as
//! `extra`, its index, the RFC 6962 inclusion proof, and the signed checkpoint (a C2SP signed
//! note, Ed25519). A cell that pinned the committee's public key checks it offline
//! ([`verify`]). Formats from `tlog_tiles` and `signed_note`, not our own.
//!
//! The log key is a signed-note key pair named after the log's origin: the private half
//! (`PRIVATE+KEY+<origin>+<id>+<base64>`) stays in a file of the committee's (never in the
//! database), the public half (`<origin>+<id>+<base64>`) goes to the cells.
//!
//! Receipts are issued once per leaf, at the first checkpoint that covers it ([`issue`]), and
//! stored, so a re-sent bundle gets the identical receipt back.

use std::cell::RefCell;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use postgres::Client;
use signed_note::{Note, Signer, StandardSigner};
use tlog_tiles::{Checkpoint, Hash, prove_record};

use crate::error::ArchiveError;
use crate::tlog::Reader;

/// First line of a receipt.
pub use minutebook_api::receipt::PROOF_HEADER;

/// Signed-note algorithm byte for Ed25519.
const ALG_ED25519: u8 = 1;

/// A new log key pair for `origin`: `(private, public)` in signed-note encoding.
///
/// # Errors
/// [`ArchiveError::Invalid`] when `origin` cannot name a key or no randomness is available.
pub fn new_key(origin: &str) -> Result<(String, String), ArchiveError> {
    if !signed_note::is_key_name_valid(origin) {
        return Err(ArchiveError::Invalid(format!(
            "{origin:?} cannot name a key: no spaces or '+', not empty"
        )));
    }
    let key = minutebook_sign::keys::generate()
        .map_err(|e| ArchiveError::Invalid(format!("log key: {e}")))?;
    let public = [
        &[ALG_ED25519][..],
        key.verifying_key().to_bytes().as_slice(),
    ]
    .concat();
    let private = [&[ALG_ED25519][..], key.to_bytes().as_slice()].concat();
    let id = signed_note::key_id(origin, &public);
    Ok((
        format!("PRIVATE+KEY+{origin}+{id:08x}+{}", B64.encode(private)),
        format!("{origin}+{id:08x}+{}", B64.encode(public)),
    ))
}

fn signer(private_key: &str) -> Result<StandardSigner, ArchiveError> {
    StandardSigner::new(private_key.trim())
        .map_err(|e| ArchiveError::Invalid(format!("log key: {e}")))
}

/// What [`issue`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    /// Size of the checkpoint the new receipts are against.
    pub size: u64,
    /// Receipts written.
    pub receipts: u64,
}

/// Signs a checkpoint of the log as it is now (unless one of that size exists) and writes a
/// receipt for every leaf that has none, all in one transaction.
///
/// # Errors
/// [`ArchiveError::Invalid`] when the log was not started, or the key is malformed or not named
/// after the log's origin; [`ArchiveError::Db`].
pub fn issue(client: &mut Client, private_key: &str) -> Result<Issued, ArchiveError> {
    let signer = signer(private_key)?;
    let mut tx = client.transaction()?;
    let Some(row) = tx.query_opt("SELECT origin, size, root FROM log_head FOR UPDATE", &[])? else {
        return Err(ArchiveError::Invalid(
            "the log was not started (minutebook-archive log init)".into(),
        ));
    };
    let origin: String = row.get(0);
    let size: i64 = row.get(1);
    let root: Vec<u8> = row.get(2);
    if signer.name() != origin {
        return Err(ArchiveError::Invalid(format!(
            "the key is named {:?}, the log {origin:?}",
            signer.name()
        )));
    }
    if size == 0 {
        tx.commit()?;
        return Ok(Issued {
            size: 0,
            receipts: 0,
        });
    }
    let note = match tx.query_opt("SELECT note FROM log_checkpoint WHERE size = $1", &[&size])? {
        Some(r) => r.get::<_, String>(0),
        None => {
            let root = Hash(
                root.try_into()
                    .map_err(|_| ArchiveError::Invalid("log_head.root is not 32 bytes".into()))?,
            );
            let cp = Checkpoint::new(&origin, size as u64, root, "")
                .map_err(|e| ArchiveError::Invalid(e.to_string()))?;
            let mut note =
                Note::new(&cp.to_bytes(), &[]).map_err(|e| ArchiveError::Invalid(e.to_string()))?;
            note.add_sigs(&[&signer as &dyn Signer])
                .map_err(|e| ArchiveError::Invalid(e.to_string()))?;
            let text = String::from_utf8(note.to_bytes())
                .map_err(|e| ArchiveError::Invalid(e.to_string()))?;
            tx.execute(
                "INSERT INTO log_checkpoint (size, note) VALUES ($1, $2)",
                &[&size, &text],
            )?;
            text
        }
    };
    let pending = tx.query(
        "SELECT idx, leaf FROM log_leaf WHERE receipt IS NULL AND idx < $1 ORDER BY idx",
        &[&size],
    )?;
    let mut written = 0;
    for row in pending {
        let idx: i64 = row.get(0);
        let leaf: Vec<u8> = row.get(1);
        let proof = {
            let reader = Reader(RefCell::new(&mut tx));
            prove_record(size as u64, idx as u64, &reader)
                .map_err(|e| ArchiveError::Invalid(format!("Merkle log: {e}")))?
        };
        let mut text = format!("{PROOF_HEADER}\nextra {}\nindex {idx}\n", B64.encode(&leaf));
        for h in &proof {
            text.push_str(&format!("{h}\n"));
        }
        text.push('\n');
        text.push_str(&note);
        tx.execute(
            "UPDATE log_leaf SET receipt = $1 WHERE idx = $2",
            &[&text, &idx],
        )?;
        written += 1;
    }
    tx.commit()?;
    Ok(Issued {
        size: size as u64,
        receipts: written,
    })
}

/// The receipt issued for record `sha256`, if any.
///
/// # Errors
/// [`ArchiveError::Db`].
pub fn receipt_of(client: &mut Client, sha256: &str) -> Result<Option<String>, ArchiveError> {
    Ok(client
        .query_opt(
            "SELECT receipt FROM log_leaf WHERE record_sha256 = $1",
            &[&sha256],
        )?
        .and_then(|r| r.get(0)))
}

/// What a valid receipt says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// The log's origin.
    pub origin: String,
    /// The leaf's index.
    pub index: u64,
    /// The checkpoint's size.
    pub size: u64,
}

/// Checks `receipt` offline: the checkpoint is signed by `public_key` (signed-note encoding)
/// and names that key's log, the leaf names `record_sha256`, and the inclusion proof holds —
/// the cell's own check ([`minutebook_api::receipt::verify_receipt`]), one code path.
///
/// # Errors
/// [`ArchiveError::Invalid`] naming the first thing that does not hold.
pub fn verify(
    receipt: &str,
    public_key: &str,
    record_sha256: &str,
) -> Result<Verified, ArchiveError> {
    let v = minutebook_api::receipt::verify_receipt(receipt, public_key, record_sha256)
        .map_err(ArchiveError::Invalid)?;
    Ok(Verified {
        origin: v.origin,
        index: v.index,
        size: v.size,
    })
}
