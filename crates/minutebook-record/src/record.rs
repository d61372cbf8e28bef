//! The record that is signed: a whole meeting, its derived figures and its place in the chain.
//!
//! The record is built from domain values; its canonical bytes (RFC 8785, by `minutebook-sign`)
//! are what attestations cover. It carries its sequence number in the cell's minute book and the
//! SHA-256 of the previous version of this meeting's record and of the cell's previous record,
//! so the minute book is a hash chain in which a removed, replaced or reordered record shows.

use std::collections::BTreeMap;

use minutebook_core::meeting::MeetingError;
use minutebook_core::vote::VoteTally;
use minutebook_core::{ActionItem, Cell, Meeting, Member, SignerRole};
use serde::{Deserialize, Serialize};

use crate::convert::{action_doc, cell_doc, meeting_doc, member_doc, member_ref};
use crate::doc::*;

/// Type tag of a record.
pub const RECORD_TYPE: &str = "minutebook.record";
/// Current record format.
pub const RECORD_FORMAT: u32 = 1;

/// Position of a record in the chain.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Chain {
    /// Version of this meeting's record, from 1.
    pub version: u32,
    /// Position in the cell's minute book, from 1.
    pub sequence: u32,
    /// SHA-256 (lowercase hex) of version n−1 of this meeting's record; `None` for version 1.
    pub previous_version_sha256: Option<String>,
    /// SHA-256 of the cell's previous record in the book; `None` for sequence 1.
    pub previous_record_sha256: Option<String>,
}

/// Attendance figures as the minutes state them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct AttendanceFigures {
    /// Members of the cell.
    pub roster_total: u32,
    /// Official members.
    pub official: u32,
    /// Probationary members.
    pub probationary: u32,
    /// Exempted members.
    pub exempted: u32,
    /// Attached temporarily from another cell, present.
    pub attached_temporarily: u32,
    /// Had to attend.
    pub must_attend: u32,
    /// Present.
    pub present: u32,
    /// Official present.
    pub present_official: u32,
    /// Probationary present.
    pub present_probationary: u32,
    /// Exempted members who attended anyway, counted apart from `present` and the base
    /// (`AttendanceBasis::MembersLessExempted`). Absent from the JSON when 0, so records
    /// closed before it existed read and rebuild unchanged.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub present_exempted: u32,
    /// Absent with reason.
    pub absent_excused: u32,
    /// Absent without reason.
    pub absent_unexcused: u32,
    /// present / must_attend in hundredths of a percent (8333 = 83,33 %).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub rate_basis_points: u64,
    /// The same written the Vietnamese way, "83,33%".
    pub rate_text: String,
}

/// A member left out of a vote's denominator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ExcludedDoc {
    /// Who.
    pub member: MemberRef,
    /// "away-temporarily", "exempted-absent", "suspended", "absent-excused", "left-before-vote",
    /// "not-summoned".
    pub reason: String,
}

/// The derived result of one vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct VoteResult {
    /// Subject.
    pub subject: String,
    /// Vote kind code.
    pub kind: String,
    /// Counting reading applied (code).
    pub reading: String,
    /// Official members counted.
    pub eligible: u32,
    /// Eligible members in the room at the vote.
    pub present_eligible: u32,
    /// Yes.
    pub yes: u32,
    /// No.
    pub no: u32,
    /// Abstain.
    pub abstain: u32,
    /// "more-than-half" or "at-least-two-thirds".
    pub threshold: String,
    /// Yes votes needed.
    pub minimum_yes: u32,
    /// yes / eligible in hundredths of a percent.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub yes_basis_points: u64,
    /// "88,89%".
    pub yes_percent_text: String,
    /// Derived outcome.
    pub passed: bool,
    /// Left out of the denominator.
    pub excluded: Vec<ExcludedDoc>,
}

/// Figures derived from a meeting: what `minutebook report` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Figures {
    /// Attendance.
    pub attendance: AttendanceFigures,
    /// One per vote, in order.
    pub votes: Vec<VoteResult>,
    /// Actual duration in minutes.
    pub duration_minutes: Option<u32>,
}

/// The signed record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Always [`RECORD_TYPE`].
    #[serde(rename = "type")]
    pub type_tag: String,
    /// Always [`RECORD_FORMAT`].
    pub format: u32,
    /// The cell.
    pub cell: CellDoc,
    /// The meeting as entered.
    pub meeting: MeetingDoc,
    /// Roster snapshot on the meeting date.
    pub roster: Vec<MemberDoc>,
    /// Derived figures.
    pub figures: Figures,
    /// Action items of the previous meeting still open, reviewed at this one.
    pub previous_open_items: Vec<ActionItemDoc>,
    /// Version of this meeting's record.
    pub version: u32,
    /// Position in the cell's minute book.
    pub sequence: u32,
    /// Hash of the previous version.
    pub previous_version_sha256: Option<String>,
    /// Hash of the cell's previous record.
    pub previous_record_sha256: Option<String>,
    /// Roles that must sign.
    pub required_roles: Vec<String>,
    /// Who signs as chair and minute-taker.
    pub signatories: BTreeMap<String, MemberRef>,
}

fn vote_result(subject: &str, kind: &str, t: &VoteTally, roster: &[Member]) -> VoteResult {
    VoteResult {
        subject: subject.to_owned(),
        kind: kind.to_owned(),
        reading: t.reading.code().to_owned(),
        eligible: t.eligible,
        present_eligible: t.present_eligible,
        yes: t.yes,
        no: t.no,
        abstain: t.abstain,
        threshold: t.threshold.code().to_owned(),
        minimum_yes: t.minimum_yes,
        yes_basis_points: t.yes_ratio.basis_points(),
        yes_percent_text: t.yes_ratio.percent_vn(),
        passed: t.passed,
        excluded: t
            .excluded
            .iter()
            .map(|(id, why)| ExcludedDoc {
                member: member_ref(*id, roster),
                reason: why.code().to_owned(),
            })
            .collect(),
    }
}

/// The attendance figures as the record states them (exact basis points and the Vietnamese text).
pub fn attendance_figures(c: &minutebook_core::AttendanceCounts) -> AttendanceFigures {
    AttendanceFigures {
        roster_total: c.roster_total,
        official: c.official,
        probationary: c.probationary,
        exempted: c.exempted,
        attached_temporarily: c.attached_temporarily,
        must_attend: c.must_attend,
        present: c.present,
        present_official: c.present_official,
        present_probationary: c.present_probationary,
        present_exempted: c.present_exempted,
        absent_excused: c.absent_excused,
        absent_unexcused: c.absent_unexcused,
        rate_basis_points: c.rate.basis_points(),
        rate_text: c.rate.percent_vn(),
    }
}

/// Computes the figures of `meeting`.
///
/// # Errors
/// [`MeetingError`] when the attendance list or a vote's counts are inconsistent.
pub fn figures(cell: &Cell, roster: &[Member], meeting: &Meeting) -> Result<Figures, MeetingError> {
    meeting.check(roster, cell.settings.default_reading)?;
    let c = meeting.attendance_counts(roster, cell.settings.attendance_basis);
    let tallies = meeting
        .tallies(roster, cell.settings.default_reading)
        .map_err(|(index, error)| MeetingError::Vote { index, error })?;
    Ok(Figures {
        attendance: attendance_figures(&c),
        votes: meeting
            .votes
            .iter()
            .zip(&tallies)
            .map(|(v, t)| vote_result(&v.subject, v.kind.code(), t, roster))
            .collect(),
        duration_minutes: meeting
            .duration_minutes()
            .and_then(|d| u32::try_from(d).ok()),
    })
}

impl Record {
    /// Builds the record of `meeting` at position `chain`.
    ///
    /// The roster snapshot holds the members on the roster on the meeting date and anyone the
    /// meeting refers to.
    ///
    /// # Errors
    /// [`MeetingError`] when the meeting is inconsistent (see [`figures`]).
    pub fn build(
        cell_id: &str,
        cell: &Cell,
        roster: &[Member],
        meeting: &Meeting,
        previous_open_items: &[ActionItem],
        chain: Chain,
    ) -> Result<Record, MeetingError> {
        let figures = figures(cell, roster, meeting)?;
        let referenced = |m: &Member| meeting.attendance.iter().any(|a| a.member == m.id);
        let snapshot: Vec<MemberDoc> = roster
            .iter()
            .filter(|m| m.is_on_roster_on(meeting.date) || referenced(m))
            .map(member_doc)
            .collect();
        let mut signatories = BTreeMap::new();
        if let Some(id) = meeting.chair {
            signatories.insert(SignerRole::Chair.code().to_owned(), member_ref(id, roster));
        }
        if let Some(id) = meeting.minute_taker {
            signatories.insert(
                SignerRole::MinuteTaker.code().to_owned(),
                member_ref(id, roster),
            );
        }
        let cell_doc = cell_doc(cell_id, cell);
        Ok(Record {
            type_tag: RECORD_TYPE.to_owned(),
            format: RECORD_FORMAT,
            required_roles: cell_doc.required_roles.clone(),
            cell: cell_doc,
            meeting: meeting_doc(meeting, roster),
            roster: snapshot,
            figures,
            previous_open_items: previous_open_items
                .iter()
                .map(|a| action_doc(a, roster))
                .collect(),
            version: chain.version,
            sequence: chain.sequence,
            previous_version_sha256: chain.previous_version_sha256,
            previous_record_sha256: chain.previous_record_sha256,
            signatories,
        })
    }

    /// Reads a record from JSON (any key order; canonical form is checked by the verifier).
    ///
    /// # Errors
    /// A message naming the JSON path of the first problem.
    pub fn from_json(bytes: &[u8]) -> Result<Record, crate::convert::DocError> {
        let r: Record = crate::interchange::parse_json(bytes)?;
        if r.type_tag != RECORD_TYPE || r.format != RECORD_FORMAT {
            return Err(crate::convert::DocError {
                path: "type".into(),
                message: format!(
                    "expected a {RECORD_TYPE} of format {RECORD_FORMAT}, found {} format {}",
                    r.type_tag, r.format
                ),
            });
        }
        Ok(r)
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}
