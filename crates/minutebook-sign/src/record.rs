//! The record header: the few top-level fields of `record.json` this crate reads.
//!
//! Records are produced by `minutebook-core`; everything not listed in [`RecordHeader`] is
//! opaque here but covered by the record hash (SHA-256 of the exact file bytes).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use minutebook_core::SignerRole;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::canonical::{CanonicalError, check_canonical_header};
use crate::{is_sha256_hex, sha256_hex};

/// Type tag of a record (`"type"` field).
pub const RECORD_TYPE: &str = "minutebook.record";
/// The only record format this crate reads (`"format"` field).
pub const RECORD_FORMAT: i64 = 1;

/// A person who signs: the roster member id and the full name as written in the record.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    /// Roster member id (opaque string).
    pub member_id: String,
    /// Full name, NFC (e.g. "Nguyễn Thị Hương").
    pub full_name: String,
}

/// Why `record.json` cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    /// The bytes are not canonical JSON.
    #[error("record.json: {0}")]
    Canonical(#[from] CanonicalError),
    /// A header field is missing, has the wrong type or breaks a rule.
    #[error("record.json: field {field}: {reason}")]
    Field {
        /// JSON path of the field.
        field: String,
        /// What is wrong.
        reason: String,
    },
}

/// The parsed header of a record (top-level fields; see issue 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordHeader {
    /// `cell.id`.
    pub cell_id: String,
    /// `cell.name`.
    pub cell_name: String,
    /// `meeting.id`.
    pub meeting_id: String,
    /// `version`: version n (≥ 1) of this meeting's record.
    pub version: u64,
    /// `sequence`: position (≥ 1) in the cell's minute book.
    pub sequence: u64,
    /// `previous_version_sha256`: hash of version n−1; non-null iff `version` > 1.
    pub previous_version_sha256: Option<String>,
    /// `previous_record_sha256`: hash of the cell's previous record; null iff `sequence` = 1.
    pub previous_record_sha256: Option<String>,
    /// `required_roles`: roles that must sign before the record counts as signed.
    #[serde(with = "crate::role::list")]
    pub required_roles: Vec<SignerRole>,
    /// `signatories`: who holds each named role (chair, minute-taker).
    #[serde(with = "crate::role::map")]
    pub signatories: BTreeMap<SignerRole, Signer>,
}

/// A record: its exact bytes, header and hash; the full JSON value is parsed on first use.
///
/// Equality is equality of the bytes (everything else is derived from them).
#[derive(Debug, Clone)]
pub struct Record {
    bytes: Vec<u8>,
    value: OnceLock<Value>,
    header: RecordHeader,
    sha256: String,
}

impl PartialEq for Record {
    fn eq(&self, other: &Record) -> bool {
        self.bytes == other.bytes
    }
}
impl Eq for Record {}

impl Record {
    /// Parse `record.json` bytes: strict canonical JSON, then the header rules.
    ///
    /// The canonical check is one pass over the bytes and the header is read without building
    /// the whole document (a ten-year book's records are tens of kilobytes each; verification
    /// reads thousands). Errors are exactly those of a full parse: on any doubt the full
    /// parser runs and names the problem.
    ///
    /// # Errors
    /// [`RecordError::Canonical`] for non-canonical bytes, [`RecordError::Field`] naming the
    /// header field that is missing or wrong.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Record, RecordError> {
        let probe = check_canonical_header(&bytes)?.and_then(|(text, spans)| probe(text, &spans));
        let (header, value) = match probe.and_then(|p| parse_header(&p).ok()) {
            Some(h) => (h, OnceLock::new()),
            // Something unusual in the header: the full document gives the exact error.
            None => {
                let value: Value =
                    serde_json::from_slice(&bytes).map_err(|e| CanonicalError::Syntax {
                        message: e.to_string(),
                    })?;
                (parse_header(&value)?, OnceLock::from(value))
            }
        };
        let sha256 = sha256_hex(&bytes);
        Ok(Record {
            bytes,
            value,
            header,
            sha256,
        })
    }

    /// The exact bytes of `record.json`.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
    /// The parsed JSON value (parsed on the first call). The bytes were checked as canonical
    /// JSON when the record was made, so parsing cannot fail; were it ever to, this is `null`
    /// rather than a panic in the middle of a meeting.
    pub fn value(&self) -> &Value {
        self.value
            .get_or_init(|| serde_json::from_slice(&self.bytes).unwrap_or(Value::Null))
    }
    /// The header fields.
    pub fn header(&self) -> &RecordHeader {
        &self.header
    }
    /// SHA-256 of the exact bytes, 64 lowercase hex digits (as `sha256sum record.json`).
    pub fn sha256(&self) -> &str {
        &self.sha256
    }
}

/// The header fields of a record as a small JSON object with the same paths as the full
/// document (`type`, `cell.id`, …), built from the byte ranges the canonical scan captured —
/// the minutes themselves are never parsed. `None` if a captured value does not parse (the full
/// parser then judges).
fn probe(text: &str, spans: &[crate::canonical_scan::Span]) -> Option<Value> {
    let mut top = serde_json::Map::new();
    for (path, range) in spans {
        let v: Value = serde_json::from_str(text.get(range.clone())?).ok()?;
        match path.split_once('.') {
            None => {
                top.insert((*path).to_owned(), v);
            }
            Some((holder, field)) => {
                if let Value::Object(o) = top
                    .entry(holder.to_owned())
                    .or_insert_with(|| Value::Object(serde_json::Map::new()))
                {
                    o.insert(field.to_owned(), v);
                }
            }
        }
    }
    Some(Value::Object(top))
}

fn field_err(field: &str, reason: impl Into<String>) -> RecordError {
    RecordError::Field {
        field: field.to_owned(),
        reason: reason.into(),
    }
}

fn get<'a>(v: &'a Value, path: &str) -> Result<&'a Value, RecordError> {
    let mut cur = v;
    for part in path.split('.') {
        cur = cur
            .as_object()
            .ok_or_else(|| field_err(path, "parent is not an object"))?
            .get(part)
            .ok_or_else(|| field_err(path, "missing"))?;
    }
    Ok(cur)
}

fn get_str(v: &Value, path: &str) -> Result<String, RecordError> {
    match get(v, path)? {
        Value::String(s) if !s.is_empty() => Ok(s.clone()),
        Value::String(_) => Err(field_err(path, "must not be empty")),
        _ => Err(field_err(path, "must be a string")),
    }
}

fn get_pos_int(v: &Value, path: &str) -> Result<u64, RecordError> {
    match get(v, path)?.as_u64() {
        Some(n) if n >= 1 => Ok(n),
        _ => Err(field_err(path, "must be an integer ≥ 1")),
    }
}

fn get_hash_opt(v: &Value, path: &str) -> Result<Option<String>, RecordError> {
    match get(v, path)? {
        Value::Null => Ok(None),
        Value::String(s) if is_sha256_hex(s) => Ok(Some(s.clone())),
        _ => Err(field_err(
            path,
            "must be null or a SHA-256 as 64 lowercase hex digits",
        )),
    }
}

fn parse_header(v: &Value) -> Result<RecordHeader, RecordError> {
    if !v.is_object() {
        return Err(field_err("(document root)", "must be a JSON object"));
    }
    if get(v, "type")?.as_str() != Some(RECORD_TYPE) {
        return Err(field_err("type", format!("must be {RECORD_TYPE:?}")));
    }
    if get(v, "format")?.as_i64() != Some(RECORD_FORMAT) {
        return Err(field_err(
            "format",
            format!("unsupported record format (this build reads {RECORD_FORMAT})"),
        ));
    }
    let version = get_pos_int(v, "version")?;
    let sequence = get_pos_int(v, "sequence")?;
    let previous_version_sha256 = get_hash_opt(v, "previous_version_sha256")?;
    if (version > 1) != previous_version_sha256.is_some() {
        return Err(field_err(
            "previous_version_sha256",
            format!("must be non-null exactly when version > 1 (version is {version})"),
        ));
    }
    let previous_record_sha256 = get_hash_opt(v, "previous_record_sha256")?;
    if (sequence > 1) != previous_record_sha256.is_some() {
        return Err(field_err(
            "previous_record_sha256",
            format!("must be null exactly when sequence = 1 (sequence is {sequence})"),
        ));
    }
    let roles = get(v, "required_roles")?
        .as_array()
        .ok_or_else(|| field_err("required_roles", "must be an array"))?;
    let mut required_roles = Vec::new();
    for (i, r) in roles.iter().enumerate() {
        let path = format!("required_roles[{i}]");
        let role = r
            .as_str()
            .and_then(SignerRole::from_code)
            .ok_or_else(|| field_err(&path, "must be \"chair\", \"minute-taker\" or \"member\""))?;
        if required_roles.contains(&role) {
            return Err(field_err(&path, format!("role {role} listed twice")));
        }
        required_roles.push(role);
    }
    let sig = get(v, "signatories")?
        .as_object()
        .ok_or_else(|| field_err("signatories", "must be an object"))?;
    let mut signatories = BTreeMap::new();
    for (k, s) in sig {
        let path = format!("signatories.{k}");
        let role = SignerRole::from_code(k)
            .filter(|r| *r != SignerRole::Member)
            .ok_or_else(|| field_err(&path, "key must be \"chair\" or \"minute-taker\""))?;
        let signer = Signer {
            member_id: get_str(s, "member_id").map_err(|_| {
                field_err(&format!("{path}.member_id"), "must be a non-empty string")
            })?,
            full_name: get_str(s, "full_name").map_err(|_| {
                field_err(&format!("{path}.full_name"), "must be a non-empty string")
            })?,
        };
        signatories.insert(role, signer);
    }
    for role in &required_roles {
        if *role != SignerRole::Member && !signatories.contains_key(role) {
            return Err(field_err(
                &format!("signatories.{role}"),
                "missing for a required role",
            ));
        }
    }
    Ok(RecordHeader {
        cell_id: get_str(v, "cell.id")?,
        cell_name: get_str(v, "cell.name")?,
        meeting_id: get_str(v, "meeting.id")?,
        version,
        sequence,
        previous_version_sha256,
        previous_record_sha256,
        required_roles,
        signatories,
    })
}
