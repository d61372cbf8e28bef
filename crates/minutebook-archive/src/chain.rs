//! Chain watch per cell: each record accepted is placed in its cell's minute book as the
//! archive holds it, and what does not fit is flagged in `chain_anomaly` — the record is kept
//! either way, as evidence (issue 13; design study §6).
//!
//! A cell's book numbers its meetings by `sequence` (1, 2, …); each meeting's record has
//! versions 1, 2, … that share its sequence and chain by `previous_version_sha256`. The rules:
//!
//! * **gap**: a record whose sequence is more than one past the highest the archive held for
//!   the cell — the sequences in between are missing (flagged once, when first seen);
//! * **fork**: two different records claiming one place — the same sequence for two meetings,
//!   or the same meeting and version with different bytes (a restored backup or a second
//!   laptop);
//! * **rollback**: a version of a meeting older than one already received (the cell sends back
//!   a superseded record).

use postgres::{GenericClient, Transaction};
use time::OffsetDateTime;

use crate::error::ArchiveError;

/// The kind of an anomaly (`chain_anomaly.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnomalyKind {
    /// Sequences missing below the record.
    Gap,
    /// Two records in one place.
    Fork,
    /// A version older than one already received.
    Rollback,
}

impl AnomalyKind {
    /// The stable code stored and printed (`gap`, `fork`, `rollback`).
    pub fn code(self) -> &'static str {
        match self {
            AnomalyKind::Gap => "gap",
            AnomalyKind::Fork => "fork",
            AnomalyKind::Rollback => "rollback",
        }
    }

    fn from_code(code: &str) -> Option<AnomalyKind> {
        [AnomalyKind::Gap, AnomalyKind::Fork, AnomalyKind::Rollback]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

/// One flagged anomaly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anomaly {
    /// Row id.
    pub id: i64,
    /// The cell (`cell.id` of its records).
    pub cell_id: String,
    /// What kind.
    pub kind: AnomalyKind,
    /// The record whose arrival revealed it.
    pub record_sha256: String,
    /// The record it conflicts with (forks, rollbacks).
    pub other_sha256: Option<String>,
    /// Gaps: the first and last missing sequence.
    pub missing: Option<(i64, i64)>,
    /// A sentence in English for logs and the JSON output.
    pub detail: String,
    /// When it was flagged.
    pub detected_at: OffsetDateTime,
    /// How a person resolved it, if anyone has.
    pub resolution: Option<String>,
}

/// The place a record claims in its cell's book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement<'a> {
    /// Its hash.
    pub sha256: &'a str,
    /// `cell.id`.
    pub cell_id: &'a str,
    /// `meeting.id`.
    pub meeting_id: &'a str,
    /// Record version.
    pub version: i64,
    /// Sequence in the book.
    pub sequence: i64,
}

/// Checks a record just inserted (in transaction `tx`, which holds the cell's lock) against
/// the cell's other records, and flags what does not fit. Returns the anomalies newly flagged.
///
/// # Errors
/// [`ArchiveError::Db`].
pub fn watch(tx: &mut Transaction<'_>, r: &Placement<'_>) -> Result<Vec<Anomaly>, ArchiveError> {
    let mut found = Vec::new();
    let highest: Option<i64> = tx
        .query_one(
            "SELECT max(sequence) FROM record WHERE cell_id = $1 AND sha256 <> $2",
            &[&r.cell_id, &r.sha256],
        )?
        .get(0);
    let first_missing = highest.unwrap_or(0) + 1;
    if r.sequence > first_missing {
        let last = r.sequence - 1;
        let detail = format!(
            "sequence {} arrived while the highest held was {}: {} missing",
            r.sequence,
            highest.unwrap_or(0),
            range_text(first_missing, last)
        );
        found.extend(flag(
            tx,
            r,
            AnomalyKind::Gap,
            &format!("{first_missing}-{last}"),
            None,
            Some((first_missing, last)),
            &detail,
        )?);
    }
    let same_place = tx.query(
        "SELECT sha256, meeting_id, version FROM record \
         WHERE cell_id = $1 AND sequence = $2 AND sha256 <> $3 \
           AND (meeting_id <> $4 OR version = $5) ORDER BY received_at, sha256",
        &[
            &r.cell_id,
            &r.sequence,
            &r.sha256,
            &r.meeting_id,
            &r.version,
        ],
    )?;
    for row in same_place {
        let other: String = row.get(0);
        let meeting: String = row.get(1);
        let version: i64 = row.get(2);
        let detail = format!(
            "sequence {} holds meeting {} v{} and meeting {} v{} ({})",
            r.sequence, meeting, version, r.meeting_id, r.version, other
        );
        let key = if other.as_str() < r.sha256 {
            format!("{other}:{}", r.sha256)
        } else {
            format!("{}:{other}", r.sha256)
        };
        found.extend(flag(
            tx,
            r,
            AnomalyKind::Fork,
            &key,
            Some(&other),
            None,
            &detail,
        )?);
    }
    let newer = tx.query(
        "SELECT sha256, version FROM record \
         WHERE cell_id = $1 AND meeting_id = $2 AND version > $3 \
         ORDER BY version DESC, sha256 LIMIT 1",
        &[&r.cell_id, &r.meeting_id, &r.version],
    )?;
    if let Some(row) = newer.first() {
        let other: String = row.get(0);
        let version: i64 = row.get(1);
        let detail = format!(
            "meeting {} v{} arrived after v{} was received ({})",
            r.meeting_id, r.version, version, other
        );
        found.extend(flag(
            tx,
            r,
            AnomalyKind::Rollback,
            r.sha256,
            Some(&other),
            None,
            &detail,
        )?);
    }
    Ok(found)
}

fn range_text(first: i64, last: i64) -> String {
    if first == last {
        format!("{first}")
    } else {
        format!("{first}–{last}")
    }
}

/// Inserts one anomaly unless the same one (cell, kind, key) is already flagged.
fn flag(
    tx: &mut Transaction<'_>,
    r: &Placement<'_>,
    kind: AnomalyKind,
    key: &str,
    other: Option<&String>,
    missing: Option<(i64, i64)>,
    detail: &str,
) -> Result<Option<Anomaly>, ArchiveError> {
    let rows = tx.query(
        "INSERT INTO chain_anomaly (cell_id, kind, dedupe_key, record_sha256, other_sha256, \
         first_missing, last_missing, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (cell_id, kind, dedupe_key) DO NOTHING RETURNING id, detected_at",
        &[
            &r.cell_id,
            &kind.code(),
            &key,
            &r.sha256,
            &other,
            &missing.map(|m| m.0),
            &missing.map(|m| m.1),
            &detail,
        ],
    )?;
    Ok(rows.first().map(|row| Anomaly {
        id: row.get(0),
        cell_id: r.cell_id.to_owned(),
        kind,
        record_sha256: r.sha256.to_owned(),
        other_sha256: other.cloned(),
        missing,
        detail: detail.to_owned(),
        detected_at: row.get(1),
        resolution: None,
    }))
}

/// Every flagged anomaly (of one cell when `cell_id` is given), oldest first.
///
/// # Errors
/// [`ArchiveError::Db`].
pub fn list(
    client: &mut impl GenericClient,
    cell_id: Option<&str>,
) -> Result<Vec<Anomaly>, ArchiveError> {
    let rows = client.query(
        "SELECT id, cell_id, kind, record_sha256, other_sha256, first_missing, last_missing, \
         detail, detected_at, resolution FROM chain_anomaly \
         WHERE $1::text IS NULL OR cell_id = $1 ORDER BY id",
        &[&cell_id],
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let code: String = row.get(2);
        let kind = AnomalyKind::from_code(&code).ok_or_else(|| {
            ArchiveError::Invalid(format!("chain_anomaly holds an unknown kind {code:?}"))
        })?;
        let first: Option<i64> = row.get(5);
        let last: Option<i64> = row.get(6);
        out.push(Anomaly {
            id: row.get(0),
            cell_id: row.get(1),
            kind,
            record_sha256: row.get(3),
            other_sha256: row.get(4),
            missing: first.zip(last),
            detail: row.get(7),
            detected_at: row.get(8),
            resolution: row.get(9),
        });
    }
    Ok(out)
}
