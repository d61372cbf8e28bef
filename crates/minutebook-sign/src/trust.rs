//! Trust store: which key fingerprints are pinned to which members.
//!
//! A key carried inside a bundle is never trusted on its own. Trust comes from the cell's
//! roster (the database), from trust files, or from bare public keys given on the command line.
//!
//! ## Trust file format (`minutebook.trust`, format 1)
//!
//! UTF-8 JSON (need not be canonical; duplicate keys and unknown fields are refused):
//!
//! ```json
//! {
//!   "type": "minutebook.trust",
//!   "format": 1,
//!   "keys": [
//!     {"fingerprint": "<64 lowercase hex: SHA-256 of the SPKI DER>",
//!      "member_id": "m-001", "full_name": "Nguyễn Văn An",
//!      "revoked_from": null},
//!     {"fingerprint": "…", "member_id": "m-002", "full_name": "Trần Thị Bình",
//!      "revoked_from": "2026-05-01"}
//!   ]
//! }
//! ```
//!
//! `revoked_from` (ISO date `YYYY-MM-DD`, or null): signatures whose attestation `signed_at`
//! falls on or after that date (in the attestation's own offset) are not accepted. Since
//! `signed_at` is asserted by the signer, revocation protects against later use of a key only
//! together with other evidence (e.g. when the bundle was received).
//!
//! A bare SPKI PEM public key trusts that key **for whoever the attestation names**: the
//! report carries that caveat.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;
use time::macros::format_description;

use crate::canonical::parse_canonical;
use crate::keys::{Fingerprint, KeyError, parse_public_key_pem};

/// Type tag of a trust file.
pub const TRUST_TYPE: &str = "minutebook.trust";

/// One pinned key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedKey {
    /// Fingerprint of the key (SHA-256 of its SPKI DER, lowercase hex).
    pub fingerprint: Fingerprint,
    /// Roster member id the key belongs to.
    pub member_id: String,
    /// Member's full name.
    pub full_name: String,
    /// First day on which the key is no longer valid, if revoked.
    pub revoked_from: Option<Date>,
}

/// Why trust material could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrustError {
    /// The trust file is malformed.
    #[error("trust file: {reason}")]
    Malformed {
        /// What is wrong.
        reason: String,
    },
    /// A bare public key could not be read.
    #[error("trusted public key: {0}")]
    Key(#[from] KeyError),
}

/// How an attestation's key relates to the trust store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum PinStatus {
    /// Pinned to the member the attestation names.
    Pinned {
        /// Member id.
        member_id: String,
        /// Name in the trust store.
        full_name: String,
    },
    /// Trusted as a bare public key, for whoever the attestation names.
    TrustedBareKey,
    /// Pinned, but to another member.
    PinnedToOtherMember {
        /// The member the key belongs to.
        member_id: String,
    },
    /// Pinned to this member, but revoked on or before the signing date.
    Revoked {
        /// Revocation date, `YYYY-MM-DD`.
        revoked_from: String,
    },
    /// Not in the trust store.
    NotPinned,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TrustFile {
    #[serde(rename = "type")]
    type_tag: String,
    format: u32,
    keys: Vec<TrustFileKey>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct TrustFileKey {
    fingerprint: String,
    member_id: String,
    full_name: String,
    revoked_from: Option<String>,
}

/// Set of pinned keys and bare trusted keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustStore {
    pinned: BTreeMap<Fingerprint, Vec<TrustedKey>>,
    bare: std::collections::BTreeSet<Fingerprint>,
}

impl TrustStore {
    /// An empty store (every key unpinned).
    pub fn new() -> TrustStore {
        TrustStore::default()
    }

    /// Add a pinned key.
    pub fn add(&mut self, key: TrustedKey) {
        self.pinned
            .entry(key.fingerprint.clone())
            .or_default()
            .push(key);
    }

    /// Trust an SPKI PEM public key for whoever the attestation names; returns its fingerprint.
    ///
    /// # Errors
    /// [`TrustError::Key`] when the PEM is not a usable Ed25519 public key.
    pub fn add_public_key_pem(&mut self, pem: &str) -> Result<Fingerprint, TrustError> {
        let fp = Fingerprint::of(&parse_public_key_pem(pem)?);
        self.bare.insert(fp.clone());
        Ok(fp)
    }

    /// Add every key of a trust file (format in the module docs).
    ///
    /// # Errors
    /// [`TrustError::Malformed`] naming the field.
    pub fn add_trust_json(&mut self, bytes: &[u8]) -> Result<(), TrustError> {
        let bad = |reason: String| TrustError::Malformed { reason };
        // Reuse the strict parser's duplicate-key detection only when canonical; a hand-written
        // file may be pretty-printed, so fall back to serde_json with our own checks.
        let file: TrustFile = match parse_canonical(bytes) {
            Ok(v) => serde_json::from_value(v).map_err(|e| bad(e.to_string()))?,
            Err(_) => serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?,
        };
        if file.type_tag != TRUST_TYPE {
            return Err(bad(format!(
                "type is {:?}, expected {TRUST_TYPE:?}",
                file.type_tag
            )));
        }
        if file.format != 1 {
            return Err(bad(format!("unsupported format {}", file.format)));
        }
        for (i, k) in file.keys.into_iter().enumerate() {
            let fingerprint = Fingerprint::parse(&k.fingerprint)
                .ok_or_else(|| bad(format!("keys[{i}].fingerprint is not 64 hex digits")))?;
            let revoked_from = match k.revoked_from {
                None => None,
                Some(d) => Some(
                    Date::parse(&d, format_description!("[year]-[month]-[day]")).map_err(|e| {
                        bad(format!(
                            "keys[{i}].revoked_from {d:?} is not YYYY-MM-DD: {e}"
                        ))
                    })?,
                ),
            };
            if k.member_id.is_empty() {
                return Err(bad(format!("keys[{i}].member_id is empty")));
            }
            self.add(TrustedKey {
                fingerprint,
                member_id: k.member_id,
                full_name: k.full_name,
                revoked_from,
            });
        }
        Ok(())
    }

    /// A trust file (canonical JSON) holding this store's pinned keys (bare keys are not
    /// written: they have no member).
    pub fn to_trust_json(&self) -> Vec<u8> {
        let keys: Vec<TrustFileKey> = self
            .pinned
            .values()
            .flatten()
            .map(|k| TrustFileKey {
                fingerprint: k.fingerprint.as_hex().to_owned(),
                member_id: k.member_id.clone(),
                full_name: k.full_name.clone(),
                revoked_from: k.revoked_from.map(|d| {
                    d.format(format_description!("[year]-[month]-[day]"))
                        .unwrap_or_default()
                }),
            })
            .collect();
        let v = serde_json::json!({"type": TRUST_TYPE, "format": 1, "keys": keys});
        crate::canonical::to_canonical_bytes(&v).unwrap_or_default()
    }

    /// How `fingerprint` relates to `member_id` on `signed_on` (the attestation's date).
    pub fn status(&self, fingerprint: &Fingerprint, member_id: &str, signed_on: Date) -> PinStatus {
        if let Some(entries) = self.pinned.get(fingerprint) {
            if let Some(k) = entries.iter().find(|k| k.member_id == member_id) {
                return match k.revoked_from {
                    Some(r) if signed_on >= r => PinStatus::Revoked {
                        revoked_from: r
                            .format(format_description!("[year]-[month]-[day]"))
                            .unwrap_or_default(),
                    },
                    _ => PinStatus::Pinned {
                        member_id: k.member_id.clone(),
                        full_name: k.full_name.clone(),
                    },
                };
            }
            if !self.bare.contains(fingerprint) {
                return PinStatus::PinnedToOtherMember {
                    member_id: entries[0].member_id.clone(),
                };
            }
        }
        if self.bare.contains(fingerprint) {
            PinStatus::TrustedBareKey
        } else {
            PinStatus::NotPinned
        }
    }
}
