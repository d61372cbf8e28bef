//! Verification of one bundle ([`verify_bundle`]) and of a minute book of bundles
//! ([`verify_chain`]). Fails closed: anything unexpected is a [`Problem`].
//!
//! Outcome ([`Outcome`]): `Valid` when everything holds and every key is pinned; `Unpinned`
//! when every signature is valid but some key is pinned by nothing (the report lists those
//! fingerprints, to compare with the cell's roster); `Invalid` otherwise. The CLI maps these
//! to exit codes 0, 3 and 1.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use ed25519_dalek::Signature;
use serde::Serialize;

use crate::attestation::Attestation;
use crate::bundle::Bundle;
use crate::keys::{Fingerprint, parse_public_key_pem};
use crate::record::{Record, RecordError, RecordHeader, Signer};
use crate::trust::{PinStatus, TrustStore};
use minutebook_core::SignerRole;

/// Options for [`verify_bundle`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerifyOptions {
    /// Highest record version already seen per meeting id (rollback protection: a record
    /// older than this is flagged as [`Problem::OlderVersion`]).
    pub highest_seen_versions: BTreeMap<String, u64>,
}

/// Overall verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Everything holds and every key is pinned.
    Valid,
    /// Something fails; see the problems.
    Invalid,
    /// Every signature is valid but some keys are pinned by nothing.
    Unpinned,
}

/// One thing wrong. `code()` is stable (the UI localises by it); `Display` is English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
#[allow(missing_docs)] // fields are named for what they hold; variants are documented.
pub enum Problem {
    /// `record.json` is not canonical or its header is wrong.
    RecordInvalid { reason: String },
    /// The bundle has no signature at all.
    NoSignatures,
    /// Signature numbers skip (a signature was removed).
    SignatureNumberGap { missing: Vec<u32> },
    /// An attestation is not canonical or not well-formed.
    AttestationInvalid { signature: String, reason: String },
    /// The role in the file name differs from the attestation's role.
    RoleMismatch {
        signature: String,
        #[serde(with = "crate::role")]
        file_role: SignerRole,
        #[serde(with = "crate::role")]
        attestation_role: SignerRole,
    },
    /// The attestation is for another record.
    WrongRecord {
        signature: String,
        attested_sha256: String,
        record_sha256: String,
    },
    /// meeting_id / record_version / sequence differ between attestation and record.
    FieldMismatch {
        signature: String,
        field: String,
        attested: String,
        record: String,
    },
    /// The `.sig` file is not 64 bytes.
    SignatureLength { signature: String, length: usize },
    /// The `.pub.pem` is not a usable Ed25519 key (includes weak keys).
    PublicKeyInvalid { signature: String, reason: String },
    /// The attestation's fingerprint is not the fingerprint of the `.pub.pem`.
    FingerprintMismatch {
        signature: String,
        attested: String,
        actual: String,
    },
    /// `verify_strict` rejects the signature.
    SignatureInvalid { signature: String },
    /// A chair/minute-taker attestation names someone other than `signatories[role]`.
    SignatoryMismatch {
        signature: String,
        #[serde(with = "crate::role")]
        role: SignerRole,
        expected: Signer,
        found: Signer,
    },
    /// The key is pinned to another member.
    KeyPinnedToOtherMember {
        signature: String,
        fingerprint: String,
        pinned_member_id: String,
        attested_member_id: String,
    },
    /// The key was revoked on or before the signing date.
    KeyRevoked {
        signature: String,
        fingerprint: String,
        revoked_from: String,
        signed_at: String,
    },
    /// A required role has no valid signature.
    RequiredRoleMissing {
        #[serde(with = "crate::role")]
        role: SignerRole,
    },
    /// The record is older than a version already seen for this meeting.
    OlderVersion {
        meeting_id: String,
        version: u64,
        highest_seen: u64,
    },
    /// Chain: a bundle's record cannot be read.
    ChainRecordInvalid { bundle_index: usize, reason: String },
    /// Chain: sequence numbers missing from the book.
    SequenceMissing { sequences: Vec<u64> },
    /// Chain: versions of a meeting missing.
    VersionMissing {
        sequence: u64,
        meeting_id: String,
        versions: Vec<u64>,
    },
    /// Chain: two different records claim the same sequence and version.
    ConflictingRecords {
        sequence: u64,
        version: u64,
        sha256: Vec<String>,
    },
    /// Chain: one sequence holds records of different meetings.
    MeetingMismatch {
        sequence: u64,
        meeting_ids: Vec<String>,
    },
    /// Chain: records of different cells.
    CellMismatch {
        sequence: u64,
        cell_id: String,
        expected_cell_id: String,
    },
    /// Chain: `previous_version_sha256` is not the hash of the previous version present.
    PreviousVersionMismatch {
        sequence: u64,
        version: u64,
        linked: String,
        actual: String,
    },
    /// Chain: `previous_record_sha256` matches no record at the previous sequence.
    PreviousRecordMismatch {
        sequence: u64,
        version: u64,
        linked: String,
        previous_sequence_sha256: Vec<String>,
    },
}

impl Problem {
    /// Stable machine code (kebab-case; equals the `code` field in JSON).
    pub fn code(&self) -> &'static str {
        match self {
            Problem::RecordInvalid { .. } => "record-invalid",
            Problem::NoSignatures => "no-signatures",
            Problem::SignatureNumberGap { .. } => "signature-number-gap",
            Problem::AttestationInvalid { .. } => "attestation-invalid",
            Problem::RoleMismatch { .. } => "role-mismatch",
            Problem::WrongRecord { .. } => "wrong-record",
            Problem::FieldMismatch { .. } => "field-mismatch",
            Problem::SignatureLength { .. } => "signature-length",
            Problem::PublicKeyInvalid { .. } => "public-key-invalid",
            Problem::FingerprintMismatch { .. } => "fingerprint-mismatch",
            Problem::SignatureInvalid { .. } => "signature-invalid",
            Problem::SignatoryMismatch { .. } => "signatory-mismatch",
            Problem::KeyPinnedToOtherMember { .. } => "key-pinned-to-other-member",
            Problem::KeyRevoked { .. } => "key-revoked",
            Problem::RequiredRoleMissing { .. } => "required-role-missing",
            Problem::OlderVersion { .. } => "older-version",
            Problem::ChainRecordInvalid { .. } => "chain-record-invalid",
            Problem::SequenceMissing { .. } => "sequence-missing",
            Problem::VersionMissing { .. } => "version-missing",
            Problem::ConflictingRecords { .. } => "conflicting-records",
            Problem::MeetingMismatch { .. } => "meeting-mismatch",
            Problem::CellMismatch { .. } => "cell-mismatch",
            Problem::PreviousVersionMismatch { .. } => "previous-version-mismatch",
            Problem::PreviousRecordMismatch { .. } => "previous-record-mismatch",
        }
    }
}

fn list<T: fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::RecordInvalid { reason } => write!(f, "{reason}"),
            Problem::NoSignatures => write!(f, "the bundle carries no signature"),
            Problem::SignatureNumberGap { missing } => write!(
                f,
                "signature number(s) {} missing: a signature was removed",
                list(missing)
            ),
            Problem::AttestationInvalid { signature, reason } => {
                write!(f, "signatures/{signature}.json: {reason}")
            }
            Problem::RoleMismatch {
                signature,
                file_role,
                attestation_role,
            } => write!(
                f,
                "signatures/{signature}: file name says {file_role} but the attestation says {attestation_role}"
            ),
            Problem::WrongRecord {
                signature,
                attested_sha256,
                record_sha256,
            } => write!(
                f,
                "signatures/{signature}.json attests record {attested_sha256}, but this record.json is {record_sha256}"
            ),
            Problem::FieldMismatch {
                signature,
                field,
                attested,
                record,
            } => write!(
                f,
                "signatures/{signature}.json: {field} is {attested} but the record has {record}"
            ),
            Problem::SignatureLength { signature, length } => write!(
                f,
                "signatures/{signature}.sig is {length} bytes; an ed25519 signature is 64"
            ),
            Problem::PublicKeyInvalid { signature, reason } => {
                write!(f, "signatures/{signature}.pub.pem: {reason}")
            }
            Problem::FingerprintMismatch {
                signature,
                attested,
                actual,
            } => write!(
                f,
                "signatures/{signature}: attestation names key {attested} but .pub.pem is key {actual}"
            ),
            Problem::SignatureInvalid { signature } => write!(
                f,
                "signatures/{signature}.sig does not verify (strict ed25519) over signatures/{signature}.json with signatures/{signature}.pub.pem"
            ),
            Problem::SignatoryMismatch {
                signature,
                role,
                expected,
                found,
            } => write!(
                f,
                "signatures/{signature}: the record's {role} is {} ({}) but the attestation is signed by {} ({})",
                expected.full_name, expected.member_id, found.full_name, found.member_id
            ),
            Problem::KeyPinnedToOtherMember {
                signature,
                fingerprint,
                pinned_member_id,
                attested_member_id,
            } => write!(
                f,
                "signatures/{signature}: key {fingerprint} belongs to member {pinned_member_id}, not to {attested_member_id}"
            ),
            Problem::KeyRevoked {
                signature,
                fingerprint,
                revoked_from,
                signed_at,
            } => write!(
                f,
                "signatures/{signature}: key {fingerprint} is revoked from {revoked_from}; signed at {signed_at}"
            ),
            Problem::RequiredRoleMissing { role } => {
                write!(f, "required role {role} has no valid signature")
            }
            Problem::OlderVersion {
                meeting_id,
                version,
                highest_seen,
            } => write!(
                f,
                "meeting {meeting_id}: this is version {version} but version {highest_seen} was already seen"
            ),
            Problem::ChainRecordInvalid {
                bundle_index,
                reason,
            } => {
                write!(f, "bundle #{bundle_index}: {reason}")
            }
            Problem::SequenceMissing { sequences } => {
                write!(
                    f,
                    "minute book is missing record(s) with sequence {}",
                    list(sequences)
                )
            }
            Problem::VersionMissing {
                sequence,
                meeting_id,
                versions,
            } => write!(
                f,
                "sequence {sequence} (meeting {meeting_id}) is missing version(s) {}",
                list(versions)
            ),
            Problem::ConflictingRecords {
                sequence,
                version,
                sha256,
            } => write!(
                f,
                "sequence {sequence} version {version} exists as different records: {}",
                list(sha256)
            ),
            Problem::MeetingMismatch {
                sequence,
                meeting_ids,
            } => write!(
                f,
                "sequence {sequence} holds records of different meetings: {}",
                list(meeting_ids)
            ),
            Problem::CellMismatch {
                sequence,
                cell_id,
                expected_cell_id,
            } => write!(
                f,
                "sequence {sequence} belongs to cell {cell_id}, the book to cell {expected_cell_id}"
            ),
            Problem::PreviousVersionMismatch {
                sequence,
                version,
                linked,
                actual,
            } => write!(
                f,
                "sequence {sequence} version {version} links to previous version {linked}, but version {} here is {actual}: replaced",
                version - 1
            ),
            Problem::PreviousRecordMismatch {
                sequence,
                version,
                linked,
                previous_sequence_sha256,
            } => write!(
                f,
                "sequence {sequence} version {version} links to previous record {linked}, but sequence {} here is {}: record {} was replaced (or a newer version of it is missing)",
                sequence - 1,
                list(previous_sequence_sha256),
                sequence - 1
            ),
        }
    }
}

/// A problem with its English message, as serialised in reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportedProblem {
    /// The problem (serialises `code` and its fields).
    #[serde(flatten)]
    pub problem: Problem,
    /// English message.
    pub message: String,
}

impl From<Problem> for ReportedProblem {
    fn from(problem: Problem) -> Self {
        let message = problem.to_string();
        ReportedProblem { problem, message }
    }
}

/// What was found about one signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignatureReport {
    /// File stem, e.g. `01-chair`.
    pub file: String,
    /// Role from the file name.
    #[serde(with = "crate::role")]
    pub role: SignerRole,
    /// Signer named in the attestation, if it parsed.
    pub signer: Option<Signer>,
    /// `signed_at` from the attestation, if it parsed.
    pub signed_at: Option<String>,
    /// Fingerprint of the `.pub.pem`, if it parsed (hex).
    pub fingerprint: Option<String>,
    /// Same, grouped for display.
    pub fingerprint_grouped: Option<String>,
    /// True when every check of this signature except pinning passed.
    pub valid: bool,
    /// Pinning status.
    pub pin: PinStatus,
    /// Codes of this signature's problems.
    pub problem_codes: Vec<&'static str>,
}

/// State of a required role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleStatus {
    /// The role.
    #[serde(with = "crate::role")]
    pub role: SignerRole,
    /// Whether a valid signature covers it.
    pub signed: bool,
}

/// Result of [`verify_bundle`] (serialisable for `--json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerificationReport {
    /// Verdict.
    pub outcome: Outcome,
    /// `sha256sum record.json`.
    pub record_sha256: String,
    /// Header fields when the record parsed.
    pub meeting_id: Option<String>,
    /// Record version.
    pub version: Option<u64>,
    /// Position in the minute book.
    pub sequence: Option<u64>,
    /// One entry per signature in the bundle.
    pub signatures: Vec<SignatureReport>,
    /// Required roles and whether each is signed.
    pub required_roles: Vec<RoleStatus>,
    /// Fingerprints of valid signatures whose key nothing pins.
    pub unpinned_fingerprints: Vec<String>,
    /// Notes that do not fail verification (e.g. bare-key trust).
    pub caveats: Vec<String>,
    /// Everything that fails.
    pub problems: Vec<ReportedProblem>,
}

/// Verify one bundle against a trust store. Never panics on hostile input.
pub fn verify_bundle(
    bundle: &Bundle,
    trust: &TrustStore,
    opts: &VerifyOptions,
) -> VerificationReport {
    let parsed = Record::from_bytes(bundle.record.clone());
    verify_parsed(bundle, &parsed, &mut KeyCache::default(), trust, opts)
}

/// Most distinct key files [`KeyCache`] holds before it starts over (a cell has a few dozen
/// members; a ward's folder of many cells a few thousand).
const MAX_CACHED_KEYS: usize = 4096;

/// Public keys already decoded, by the exact bytes of their `.pub.pem` file. A minute book is
/// signed by the same few keys for years; decoding a key (a curve point decompression, a square
/// root in the field) costs about a third of checking a signature, so each distinct file is
/// decoded once. The bytes are the key: a file that differs in any byte is decoded afresh.
#[derive(Default)]
struct KeyCache(std::collections::HashMap<Vec<u8>, Result<ed25519_dalek::VerifyingKey, String>>);

impl KeyCache {
    /// The decoded key of `pem`, or why it is not a usable Ed25519 public key.
    fn key(&mut self, pem: &[u8]) -> Result<ed25519_dalek::VerifyingKey, String> {
        if let Some(k) = self.0.get(pem) {
            return k.clone();
        }
        // A hostile folder could carry a different key in every bundle: stay bounded.
        if self.0.len() >= MAX_CACHED_KEYS {
            self.0.clear();
        }
        let k = std::str::from_utf8(pem)
            .map_err(|_| "not UTF-8 text".to_owned())
            .and_then(|pem| parse_public_key_pem(pem).map_err(|e| e.to_string()));
        self.0.insert(pem.to_vec(), k.clone());
        k
    }
}

/// Verify every bundle of one cell's minute book and the chain they form, reading each
/// `record.json` once (what [`verify_bundle`] on each plus [`verify_chain`] would report, in
/// about half the time: parsing the record is most of the work besides the signatures).
pub fn verify_book(
    bundles: &[Bundle],
    trust: &TrustStore,
    opts: &VerifyOptions,
) -> (Vec<VerificationReport>, ChainReport) {
    let mut book = BookVerifier::new(trust, opts);
    let reports = bundles.iter().map(|b| book.add(b)).collect();
    (reports, book.finish())
}

/// [`verify_book`] one bundle at a time, so a caller reading bundles from disk can drop each
/// one once it is checked: only each record's header and hash are kept for the chain (a ten-year
/// book of 10 000 bundles then needs a few megabytes, not the whole book in memory).
pub struct BookVerifier<'a> {
    trust: &'a TrustStore,
    opts: &'a VerifyOptions,
    keys: KeyCache,
    links: Vec<Result<ChainLink, String>>,
}

impl<'a> BookVerifier<'a> {
    /// A verifier with nothing added yet.
    pub fn new(trust: &'a TrustStore, opts: &'a VerifyOptions) -> BookVerifier<'a> {
        BookVerifier {
            trust,
            opts,
            keys: KeyCache::default(),
            links: Vec::new(),
        }
    }

    /// Verify `bundle` as [`verify_bundle`] does and remember its place in the chain.
    pub fn add(&mut self, bundle: &Bundle) -> VerificationReport {
        let parsed = Record::from_bytes(bundle.record.clone());
        let report = verify_parsed(bundle, &parsed, &mut self.keys, self.trust, self.opts);
        self.links
            .push(parsed.map(ChainLink::of).map_err(|e| e.to_string()));
        report
    }

    /// The chain formed by every bundle added, as [`verify_chain`] reports it.
    pub fn finish(self) -> ChainReport {
        chain_of(self.links)
    }
}

/// What the chain check needs of a record: its header and hash.
struct ChainLink {
    header: RecordHeader,
    sha256: String,
}

impl ChainLink {
    fn of(r: Record) -> ChainLink {
        ChainLink {
            header: r.header().clone(),
            sha256: r.sha256().to_owned(),
        }
    }
    fn header(&self) -> &RecordHeader {
        &self.header
    }
    fn sha256(&self) -> &str {
        &self.sha256
    }
}

fn verify_parsed(
    bundle: &Bundle,
    parsed: &Result<Record, RecordError>,
    keys: &mut KeyCache,
    trust: &TrustStore,
    opts: &VerifyOptions,
) -> VerificationReport {
    let mut problems: Vec<Problem> = Vec::new();
    let record = match parsed {
        Ok(r) => Some(r),
        Err(e) => {
            problems.push(Problem::RecordInvalid {
                reason: e.to_string(),
            });
            None
        }
    };
    let record_sha256 = match record {
        Some(r) => r.sha256().to_owned(),
        None => crate::sha256_hex(&bundle.record),
    };
    if let Some(r) = record {
        let h = r.header();
        if let Some(&seen) = opts.highest_seen_versions.get(&h.meeting_id)
            && h.version < seen
        {
            problems.push(Problem::OlderVersion {
                meeting_id: h.meeting_id.clone(),
                version: h.version,
                highest_seen: seen,
            });
        }
    }
    if bundle.signatures.is_empty() {
        problems.push(Problem::NoSignatures);
    }
    let numbers: BTreeSet<u32> = bundle.signatures.iter().map(|s| s.number).collect();
    let max = numbers.iter().max().copied().unwrap_or(0);
    let missing: Vec<u32> = (1..=max).filter(|n| !numbers.contains(n)).collect();
    if !missing.is_empty() {
        problems.push(Problem::SignatureNumberGap { missing });
    }

    let mut reports = Vec::new();
    let mut signed_roles = BTreeSet::new();
    let mut unpinned = BTreeSet::new();
    let mut caveats = Vec::new();
    for s in &bundle.signatures {
        let stem = s.stem();
        let mut mine: Vec<Problem> = Vec::new();
        let att = match Attestation::parse(&s.attestation) {
            Ok(a) => Some(a),
            Err(e) => {
                mine.push(Problem::AttestationInvalid {
                    signature: stem.clone(),
                    reason: e.to_string(),
                });
                None
            }
        };
        let key = keys.key(&s.public_key_pem);
        let key = match key {
            Ok(k) => Some(k),
            Err(reason) => {
                mine.push(Problem::PublicKeyInvalid {
                    signature: stem.clone(),
                    reason,
                });
                None
            }
        };
        let fingerprint = key.as_ref().map(Fingerprint::of);
        // Verify the exact bytes as read, before trusting anything they say.
        match <[u8; 64]>::try_from(s.signature.as_slice()) {
            Err(_) => mine.push(Problem::SignatureLength {
                signature: stem.clone(),
                length: s.signature.len(),
            }),
            Ok(sig) => {
                if let Some(k) = &key
                    && k.verify_strict(&s.attestation, &Signature::from_bytes(&sig))
                        .is_err()
                {
                    mine.push(Problem::SignatureInvalid {
                        signature: stem.clone(),
                    });
                }
            }
        }
        if let Some(a) = &att {
            check_attestation(a, s.role, &stem, record, &record_sha256, &mut mine);
            if let Some(fp) = &fingerprint
                && *fp != a.key_fingerprint
            {
                mine.push(Problem::FingerprintMismatch {
                    signature: stem.clone(),
                    attested: a.key_fingerprint.to_string(),
                    actual: fp.to_string(),
                });
            }
        }
        let valid = mine.is_empty();
        let pin = match (&att, &fingerprint) {
            (Some(a), Some(fp)) => {
                let date = a
                    .signed_at_time()
                    .map(|t| t.date())
                    .unwrap_or(time::Date::MIN);
                let pin = trust.status(fp, &a.signer.member_id, date);
                match &pin {
                    PinStatus::PinnedToOtherMember { member_id } => {
                        mine.push(Problem::KeyPinnedToOtherMember {
                            signature: stem.clone(),
                            fingerprint: fp.to_string(),
                            pinned_member_id: member_id.clone(),
                            attested_member_id: a.signer.member_id.clone(),
                        });
                    }
                    PinStatus::Revoked { revoked_from } => mine.push(Problem::KeyRevoked {
                        signature: stem.clone(),
                        fingerprint: fp.to_string(),
                        revoked_from: revoked_from.clone(),
                        signed_at: a.signed_at.clone(),
                    }),
                    PinStatus::NotPinned if valid => {
                        unpinned.insert(fp.to_string());
                    }
                    PinStatus::TrustedBareKey => caveats.push(format!(
                        "signatures/{stem}: key {fp} is trusted as a bare public key, for whoever the attestation names ({} {})",
                        a.signer.full_name, a.signer.member_id
                    )),
                    _ => {}
                }
                pin
            }
            _ => PinStatus::NotPinned,
        };
        if valid && let Some(a) = &att {
            signed_roles.insert(a.role);
        }
        reports.push(SignatureReport {
            file: stem,
            role: s.role,
            signer: att.as_ref().map(|a| a.signer.clone()),
            signed_at: att.as_ref().map(|a| a.signed_at.clone()),
            fingerprint: fingerprint.as_ref().map(ToString::to_string),
            fingerprint_grouped: fingerprint.as_ref().map(Fingerprint::grouped),
            valid,
            pin,
            problem_codes: mine.iter().map(Problem::code).collect(),
        });
        problems.extend(mine);
    }
    let mut required_roles = Vec::new();
    if let Some(r) = record {
        for role in &r.header().required_roles {
            let signed = signed_roles.contains(role);
            if !signed {
                problems.push(Problem::RequiredRoleMissing { role: *role });
            }
            required_roles.push(RoleStatus {
                role: *role,
                signed,
            });
        }
    }
    let outcome = if !problems.is_empty() {
        Outcome::Invalid
    } else if !unpinned.is_empty() {
        Outcome::Unpinned
    } else {
        Outcome::Valid
    };
    VerificationReport {
        outcome,
        record_sha256,
        meeting_id: record.map(|r| r.header().meeting_id.clone()),
        version: record.map(|r| r.header().version),
        sequence: record.map(|r| r.header().sequence),
        signatures: reports,
        required_roles,
        unpinned_fingerprints: unpinned.into_iter().collect(),
        caveats,
        problems: problems.into_iter().map(ReportedProblem::from).collect(),
    }
}

fn check_attestation(
    a: &Attestation,
    file_role: SignerRole,
    stem: &str,
    record: Option<&Record>,
    record_sha256: &str,
    out: &mut Vec<Problem>,
) {
    if a.role != file_role {
        out.push(Problem::RoleMismatch {
            signature: stem.to_owned(),
            file_role,
            attestation_role: a.role,
        });
    }
    if a.record_sha256 != record_sha256 {
        out.push(Problem::WrongRecord {
            signature: stem.to_owned(),
            attested_sha256: a.record_sha256.clone(),
            record_sha256: record_sha256.to_owned(),
        });
    }
    let Some(r) = record else { return };
    let h = r.header();
    let mut field = |name: &str, attested: String, record: String| {
        if attested != record {
            out.push(Problem::FieldMismatch {
                signature: stem.to_owned(),
                field: name.to_owned(),
                attested,
                record,
            });
        }
    };
    field("meeting_id", a.meeting_id.clone(), h.meeting_id.clone());
    field(
        "record_version",
        a.record_version.to_string(),
        h.version.to_string(),
    );
    field("sequence", a.sequence.to_string(), h.sequence.to_string());
    if a.role != SignerRole::Member
        && let Some(expected) = h.signatories.get(&a.role)
        && *expected != a.signer
    {
        out.push(Problem::SignatoryMismatch {
            signature: stem.to_owned(),
            role: a.role,
            expected: expected.clone(),
            found: a.signer.clone(),
        });
    }
}

/// One record's place in the book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainEntry {
    /// Position in the book.
    pub sequence: u64,
    /// Meeting id.
    pub meeting_id: String,
    /// Latest version present.
    pub version: u64,
    /// Its SHA-256.
    pub sha256: String,
}

/// Result of [`verify_chain`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainReport {
    /// `Valid` or `Invalid` (pinning is judged per bundle by [`verify_bundle`]).
    pub outcome: Outcome,
    /// The current (highest) version at each sequence present.
    pub current: Vec<ChainEntry>,
    /// Everything that fails.
    pub problems: Vec<ReportedProblem>,
}

/// Check that the bundles form one cell's minute book: sequences 1..n all present, each
/// version of a meeting links to the previous version, each record links to a record at the
/// previous sequence. Signatures are not checked here (use [`verify_bundle`] on each).
pub fn verify_chain(bundles: &[Bundle]) -> ChainReport {
    chain_of(
        bundles
            .iter()
            .map(|b| {
                Record::from_bytes(b.record.clone())
                    .map(ChainLink::of)
                    .map_err(|e| e.to_string())
            })
            .collect(),
    )
}

fn chain_of(parsed: Vec<Result<ChainLink, String>>) -> ChainReport {
    let mut problems = Vec::new();
    // sequence -> version -> distinct records
    let mut book: BTreeMap<u64, BTreeMap<u64, Vec<ChainLink>>> = BTreeMap::new();
    let mut cell: Option<String> = None;
    for (i, parsed) in parsed.into_iter().enumerate() {
        match parsed {
            Err(reason) => problems.push(Problem::ChainRecordInvalid {
                bundle_index: i,
                reason,
            }),
            Ok(r) => {
                let h = r.header();
                match &cell {
                    None => cell = Some(h.cell_id.clone()),
                    Some(c) if *c != h.cell_id => problems.push(Problem::CellMismatch {
                        sequence: h.sequence,
                        cell_id: h.cell_id.clone(),
                        expected_cell_id: c.clone(),
                    }),
                    Some(_) => {}
                }
                let slot = book
                    .entry(h.sequence)
                    .or_default()
                    .entry(h.version)
                    .or_default();
                if !slot.iter().any(|x| x.sha256() == r.sha256()) {
                    slot.push(r);
                }
            }
        }
    }
    let max = book.keys().max().copied().unwrap_or(0);
    let missing: Vec<u64> = (1..=max).filter(|s| !book.contains_key(s)).collect();
    if !missing.is_empty() {
        problems.push(Problem::SequenceMissing { sequences: missing });
    }
    let mut current = Vec::new();
    for (&seq, versions) in &book {
        let meetings: BTreeSet<&str> = versions
            .values()
            .flatten()
            .map(|r| r.header().meeting_id.as_str())
            .collect();
        if meetings.len() > 1 {
            problems.push(Problem::MeetingMismatch {
                sequence: seq,
                meeting_ids: meetings.iter().map(|s| (*s).to_owned()).collect(),
            });
        }
        let top = versions.keys().max().copied().unwrap_or(0);
        let missing_versions: Vec<u64> = (1..=top).filter(|v| !versions.contains_key(v)).collect();
        if !missing_versions.is_empty() {
            problems.push(Problem::VersionMissing {
                sequence: seq,
                meeting_id: meetings
                    .iter()
                    .next()
                    .map(|s| (*s).to_owned())
                    .unwrap_or_default(),
                versions: missing_versions,
            });
        }
        for (&v, recs) in versions {
            if recs.len() > 1 {
                problems.push(Problem::ConflictingRecords {
                    sequence: seq,
                    version: v,
                    sha256: recs.iter().map(|r| r.sha256().to_owned()).collect(),
                });
            }
            for r in recs {
                let h = r.header();
                if let (Some(linked), Some(prev)) =
                    (&h.previous_version_sha256, versions.get(&(v - 1)))
                    && !prev.iter().any(|p| p.sha256() == linked)
                {
                    problems.push(Problem::PreviousVersionMismatch {
                        sequence: seq,
                        version: v,
                        linked: linked.clone(),
                        actual: prev
                            .iter()
                            .map(|p| p.sha256().to_owned())
                            .collect::<Vec<_>>()
                            .join(", "),
                    });
                }
                if let (Some(linked), Some(prev_seq)) =
                    (&h.previous_record_sha256, book.get(&(seq - 1)))
                {
                    let hashes: Vec<String> = prev_seq
                        .values()
                        .flatten()
                        .map(|p| p.sha256().to_owned())
                        .collect();
                    if !hashes.contains(linked) {
                        problems.push(Problem::PreviousRecordMismatch {
                            sequence: seq,
                            version: v,
                            linked: linked.clone(),
                            previous_sequence_sha256: hashes,
                        });
                    }
                }
            }
        }
        if let Some(r) = versions.get(&top).and_then(|recs| recs.first()) {
            current.push(ChainEntry {
                sequence: seq,
                meeting_id: r.header().meeting_id.clone(),
                version: top,
                sha256: r.sha256().to_owned(),
            });
        }
    }
    ChainReport {
        outcome: if problems.is_empty() {
            Outcome::Valid
        } else {
            Outcome::Invalid
        },
        current,
        problems: problems.into_iter().map(ReportedProblem::from).collect(),
    }
}
