//! What a member signed from their own laptop (issue 12): the records and attestations the
//! meeting room left in the member's `kept/` folder ([`crate::room_member::RoomMember::sign`]),
//! each checked again when listed — the record's bytes against the SHA-256 its file is named
//! by, the attestation's signature against the member's own key, by the same verification as
//! `minutebook verify` — so a member can later show what they signed and that it is intact.

use std::path::Path;

use minutebook_core::SignerRole;
use minutebook_sign::bundle::{Bundle, SignatureFiles};
use minutebook_sign::keys::{self as sign_keys, Fingerprint};
use minutebook_sign::record::Record;
use minutebook_sign::trust::TrustStore;
use minutebook_sign::verify::{VerifyOptions, verify_bundle};
use serde::Serialize;

use crate::error::ApiError;

/// One record a member signed, as their laptop keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct KeptRecordView {
    /// The record's SHA-256 (64 hex digits): what the file is named by.
    pub record_sha256: String,
    /// The meeting's subject, from the record (empty when it does not parse).
    pub subject: String,
    /// The meeting's date, YYYY-MM-DD, from the record.
    pub date: String,
    /// The cell's name, from the record.
    pub cell: String,
    /// The role signed in (`chair`, `minute-taker`, `member`).
    pub role: String,
    /// When it was signed, from the attestation (RFC 3339).
    pub signed_at: Option<String>,
    /// Whether the record is intact and the signature is the member's own and verifies.
    pub valid: bool,
    /// What failed, when not valid (English, technical).
    pub problem: Option<String>,
}

fn text(record: &Record, pointer: &str) -> String {
    record
        .value()
        .pointer(pointer)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_owned()
}

/// The records signed from this laptop, newest meeting first: each `<sha>.record.json` in
/// `dir/kept` with its `<sha>.<role>.json`/`.sig`, checked against the member's public key
/// (`dir/key.pub.pem`). A damaged or altered file is listed, not valid, with the reason.
///
/// # Errors
/// `Io` when the folder cannot be read; `KeyProblem` when the member's public key is damaged.
pub fn kept_records(dir: &Path) -> Result<Vec<KeptRecordView>, ApiError> {
    let kept = dir.join("kept");
    let entries = match std::fs::read_dir(&kept) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(ApiError::io(format!("{}: {e}", kept.display()))),
    };
    let public = match std::fs::read_to_string(dir.join("key.pub.pem")) {
        Ok(p) => p,
        Err(_) => return Ok(Vec::new()),
    };
    let own = Fingerprint::of(&sign_keys::parse_public_key_pem(&public)?);
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(sha) = name.strip_suffix(".record.json") else {
            continue;
        };
        let bytes = std::fs::read(entry.path())
            .map_err(|e| ApiError::io(format!("{}: {e}", entry.path().display())))?;
        let record = Record::from_bytes(bytes.clone());
        for role in [
            SignerRole::Chair,
            SignerRole::MinuteTaker,
            SignerRole::Member,
        ] {
            let stem = format!("{sha}.{}", role.code());
            let (Ok(attestation), Ok(signature)) = (
                std::fs::read(kept.join(format!("{stem}.json"))),
                std::fs::read(kept.join(format!("{stem}.sig"))),
            ) else {
                continue;
            };
            let mut view = KeptRecordView {
                record_sha256: sha.to_owned(),
                subject: String::new(),
                date: String::new(),
                cell: String::new(),
                role: role.code().to_owned(),
                signed_at: None,
                valid: false,
                problem: None,
            };
            match &record {
                Err(e) => view.problem = Some(format!("record: {e}")),
                Ok(r) if r.sha256() != sha => {
                    view.problem = Some(format!(
                        "the record's SHA-256 is {}, not the {sha} it was kept as",
                        r.sha256()
                    ));
                }
                Ok(r) => {
                    view.subject = text(r, "/meeting/subject");
                    view.date = text(r, "/meeting/date");
                    view.cell = text(r, "/cell/name");
                    let bundle = Bundle {
                        record: bytes.clone(),
                        signatures: vec![SignatureFiles {
                            number: 1,
                            role,
                            attestation,
                            signature,
                            public_key_pem: public.as_bytes().to_vec(),
                        }],
                    };
                    let report =
                        verify_bundle(&bundle, &TrustStore::new(), &VerifyOptions::default());
                    match report.signatures.first() {
                        Some(s) if s.valid && s.fingerprint.as_deref() == Some(own.as_hex()) => {
                            view.valid = true;
                            view.signed_at = s.signed_at.clone();
                        }
                        Some(s) => {
                            view.signed_at = s.signed_at.clone();
                            view.problem = Some(format!(
                                "the signature does not verify with your key ({})",
                                s.problem_codes.join(", ")
                            ));
                        }
                        None => view.problem = Some("no signature".to_owned()),
                    }
                }
            }
            out.push(view);
        }
    }
    out.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then(a.record_sha256.cmp(&b.record_sha256))
    });
    Ok(out)
}
