//! Attestations: what a signer signs.
//!
//! An attestation is a canonical JSON object (RFC 8785):
//!
//! ```json
//! {"format":1,"key_fingerprint":"<64 hex>","meeting_id":"…","record_sha256":"<64 hex>",
//!  "record_version":2,"role":"chair","sequence":7,
//!  "signed_at":"2026-03-15T09:30:00+07:00",
//!  "signer":{"full_name":"…","member_id":"…"},"type":"minutebook.attestation"}
//! ```
//!
//! The signature is ed25519 over the **exact attestation bytes**; the `.sig` file holds the raw
//! 64 bytes. Verification never re-serialises: it verifies the bytes as read, then parses them
//! strictly ([`Attestation::parse`]). The type tag gives domain separation (a record or any
//! other document can never be mistaken for an attestation).

use ed25519_dalek::{Signer as _, SigningKey};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::canonical::{CanonicalError, parse_canonical, to_canonical_bytes};
use crate::is_sha256_hex;
use crate::keys::Fingerprint;
pub use crate::record::{Record, Signer};
use minutebook_core::SignerRole;

/// Type tag of an attestation.
pub const ATTESTATION_TYPE: &str = "minutebook.attestation";
/// The only attestation format this crate reads and writes.
pub const ATTESTATION_FORMAT: u32 = 1;

/// Why attestation bytes are not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AttestationError {
    /// Not canonical JSON.
    #[error("{0}")]
    Canonical(#[from] CanonicalError),
    /// Canonical JSON but not a well-formed attestation.
    #[error("{reason}")]
    Malformed {
        /// What is wrong (field and rule).
        reason: String,
    },
}

/// A parsed attestation (all fields required, no others allowed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attestation {
    /// Always `"minutebook.attestation"`.
    #[serde(rename = "type")]
    pub type_tag: String,
    /// Always 1.
    pub format: u32,
    /// SHA-256 of the exact `record.json` bytes, lowercase hex.
    pub record_sha256: String,
    /// `meeting.id` of the record.
    pub meeting_id: String,
    /// `version` of the record.
    pub record_version: u64,
    /// `sequence` of the record.
    pub sequence: u64,
    /// Who signs.
    pub signer: Signer,
    /// In which role.
    #[serde(with = "crate::role")]
    pub role: SignerRole,
    /// Fingerprint of the signing key (SHA-256 of its SPKI DER, lowercase hex).
    pub key_fingerprint: Fingerprint,
    /// Signing time, RFC 3339 with an offset (as the signer's clock said; self-asserted).
    pub signed_at: String,
}

impl Attestation {
    /// Build the attestation for `record`.
    ///
    /// # Errors
    /// [`AttestationError::Malformed`] if `signed_at` cannot be formatted.
    pub fn new(
        record: &Record,
        signer: Signer,
        role: SignerRole,
        key_fingerprint: Fingerprint,
        signed_at: OffsetDateTime,
    ) -> Result<Attestation, AttestationError> {
        let signed_at = signed_at
            .format(&Rfc3339)
            .map_err(|e| AttestationError::Malformed {
                reason: format!("signed_at: {e}"),
            })?;
        let h = record.header();
        Ok(Attestation {
            type_tag: ATTESTATION_TYPE.into(),
            format: ATTESTATION_FORMAT,
            record_sha256: record.sha256().to_owned(),
            meeting_id: h.meeting_id.clone(),
            record_version: h.version,
            sequence: h.sequence,
            signer,
            role,
            key_fingerprint,
            signed_at,
        })
    }

    /// Canonical bytes of this attestation (what gets signed).
    ///
    /// # Errors
    /// [`AttestationError::Canonical`] for non-NFC names and the like.
    pub fn to_bytes(&self) -> Result<Vec<u8>, AttestationError> {
        Ok(to_canonical_bytes(self)?)
    }

    /// Parse attestation bytes strictly: canonical JSON, exact field set, type tag, format,
    /// hex hash, RFC 3339 time with offset.
    ///
    /// # Errors
    /// [`AttestationError`] naming the rule broken.
    pub fn parse(bytes: &[u8]) -> Result<Attestation, AttestationError> {
        let value = parse_canonical(bytes)?;
        let a: Attestation =
            serde_json::from_value(value).map_err(|e| AttestationError::Malformed {
                reason: e.to_string(),
            })?;
        let bad = |reason: String| Err(AttestationError::Malformed { reason });
        if a.type_tag != ATTESTATION_TYPE {
            return bad(format!(
                "type is {:?}, expected {ATTESTATION_TYPE:?}",
                a.type_tag
            ));
        }
        if a.format != ATTESTATION_FORMAT {
            return bad(format!("unsupported attestation format {}", a.format));
        }
        if !is_sha256_hex(&a.record_sha256) {
            return bad("record_sha256 is not 64 lowercase hex digits".into());
        }
        if Fingerprint::parse(a.key_fingerprint.as_hex()).as_ref() != Some(&a.key_fingerprint) {
            return bad("key_fingerprint is not 64 lowercase hex digits".into());
        }
        if a.record_version == 0 || a.sequence == 0 {
            return bad("record_version and sequence must be ≥ 1".into());
        }
        if a.signed_at_time().is_none() {
            return bad(format!(
                "signed_at {:?} is not RFC 3339 with an offset",
                a.signed_at
            ));
        }
        Ok(a)
    }

    /// `signed_at` parsed, or `None` if it is not RFC 3339.
    pub fn signed_at_time(&self) -> Option<OffsetDateTime> {
        OffsetDateTime::parse(&self.signed_at, &Rfc3339).ok()
    }
}

/// One signature ready to go into a bundle: attestation bytes, raw signature, public key PEM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedAttestation {
    /// Role (names the files).
    pub role: SignerRole,
    /// Canonical attestation bytes (`NN-<role>.json`).
    pub attestation: Vec<u8>,
    /// Raw 64-byte ed25519 signature over `attestation` (`NN-<role>.sig`).
    pub signature: [u8; 64],
    /// Signer's SPKI PEM (`NN-<role>.pub.pem`).
    pub public_key_pem: String,
}

/// Sign `record` as `signer` in `role` at `signed_at` (the caller's clock).
///
/// # Errors
/// [`AttestationError`] if the attestation cannot be made canonical (e.g. a non-NFC name).
pub fn sign_record(
    record: &Record,
    key: &SigningKey,
    signer: Signer,
    role: SignerRole,
    signed_at: OffsetDateTime,
) -> Result<SignedAttestation, AttestationError> {
    let vk = key.verifying_key();
    let att = Attestation::new(record, signer, role, Fingerprint::of(&vk), signed_at)?;
    let bytes = att.to_bytes()?;
    let signature = key.sign(&bytes).to_bytes();
    Ok(SignedAttestation {
        role,
        attestation: bytes,
        signature,
        public_key_pem: crate::keys::public_key_pem(&vk),
    })
}
