//! Document pieces shared by the signed record and the interchange file.
//!
//! Conventions: ids are strings (never numbers that canonical JSON could round); dates are
//! `YYYY-MM-DD`, times `HH:MM` (24-hour, local time of the meeting); enums are kebab-case codes
//! from the core (`MeetingKind::code`, `CountingReading::code`, …); optional values are `null`
//! rather than absent, so every document of a format has the same keys.

use serde::{Deserialize, Serialize};

/// The cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CellDoc {
    /// Stable identifier of the cell's minute book (chosen when the cell is created).
    pub id: String,
    /// "Chi bộ Tổ dân phố số 7".
    pub name: String,
    /// "Đảng bộ phường Thanh Bình".
    pub upper_committee: String,
    /// Place in the date line, "Hà Nội".
    pub place: String,
    /// Body code in document numbers, "CB".
    pub document_code: String,
    /// Default counting reading code.
    pub default_reading: String,
    /// Roles whose signatures are required: "chair", "minute-taker", "member".
    pub required_roles: Vec<String>,
    /// How the counting rule is cited, e.g. "Quy định số 294-QĐ/TW, điểm 9.3.2".
    pub counting_rule_citation: String,
    /// Where an exempted member who attends is counted in the attendance rate:
    /// "members-less-exempted" (records closed from 2026-12). Absent in records closed before,
    /// which were counted "exempted-who-attend-count".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub attendance_basis: Option<String>,
}

/// A transfer in or out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct TransferDoc {
    /// Effective date.
    pub date: String,
    /// "official" or "temporary".
    pub kind: String,
    /// The other party body.
    pub other_body: String,
}

/// A member of the roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct MemberDoc {
    /// Identifier within the document.
    pub id: String,
    /// Full name, NFC.
    pub full_name: String,
    /// Date of birth.
    pub birth_date: Option<String>,
    /// "male" / "female".
    pub gender: Option<String>,
    /// "official" / "probationary".
    pub category: String,
    /// Exempted from activities.
    pub exempted: bool,
    /// Exempted since (when known).
    pub exempted_since: Option<String>,
    /// Party card number as printed.
    pub party_card_number: Option<String>,
    /// Admission date.
    pub admitted_on: Option<String>,
    /// Date became official.
    pub official_on: Option<String>,
    /// Transfer in.
    pub transfer_in: Option<TransferDoc>,
    /// Transfer out.
    pub transfer_out: Option<TransferDoc>,
    /// Suspended, prosecuted or detained.
    pub suspended: bool,
    /// Posts: "cell-secretary", "deputy-cell-secretary", "committee-member", or free text.
    pub posts: Vec<String>,
}

/// A reference to a member, carrying the name so that readers need no lookup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct MemberRef {
    /// Member id.
    pub member_id: String,
    /// Full name at the time.
    pub full_name: String,
}

/// A speaker or presenter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SpeakerDoc {
    /// "member" or "guest".
    pub kind: String,
    /// Member id for members, `null` for guests.
    pub member_id: Option<String>,
    /// Name as printed.
    pub name: String,
}

/// A guest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct GuestDoc {
    /// Name.
    pub name: String,
    /// Post.
    pub post: String,
}

/// One speaker's contribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SpeechDoc {
    /// Who.
    pub speaker: SpeakerDoc,
    /// Gist of the opinion.
    pub gist: String,
}

/// An agenda item with its minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct AgendaItemDoc {
    /// Title.
    pub title: String,
    /// Presenter.
    pub presenter: Option<SpeakerDoc>,
    /// Planned minutes.
    pub planned_minutes: Option<u16>,
    /// What was presented.
    pub presentation: String,
    /// Speeches in order.
    pub speeches: Vec<SpeechDoc>,
    /// Chair's conclusion.
    pub conclusion: String,
    /// Review of the previous resolution.
    pub reviews_previous_resolution: bool,
}

/// One attendance entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct AttendanceDoc {
    /// The member.
    pub member_id: String,
    /// "present", "absent-excused", "absent-unexcused", "exempted", "not-required".
    pub presence: String,
    /// Reason for absent-excused / not-required.
    pub reason: Option<String>,
    /// Late arrival time.
    pub arrived_at: Option<String>,
    /// Early departure time.
    pub left_at: Option<String>,
    /// Why they left early.
    pub left_reason: Option<String>,
}

/// Ballot counts of a secret ballot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct BallotsDoc {
    /// Issued.
    pub issued: u32,
    /// Returned.
    pub returned: u32,
    /// Valid.
    pub valid: u32,
}

/// A vote as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct VoteDoc {
    /// Subject.
    pub subject: String,
    /// "resolution", "admission", "recognition", "discipline", "expulsion", "election", "other".
    pub kind: String,
    /// "show-of-hands", "show-of-party-cards", "secret-ballot".
    pub method: String,
    /// Ballot counts for secret ballots, else `null`.
    pub ballots: Option<BallotsDoc>,
    /// Yes.
    pub yes: u32,
    /// No.
    pub no: u32,
    /// Abstain / other opinion.
    pub abstain: u32,
    /// Time of the vote, HH:MM.
    pub at: String,
    /// The reading chosen for this vote, or `null` for the cell's default.
    pub reading: Option<String>,
}

/// An action item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ActionItemDoc {
    /// Owner.
    pub owner: MemberRef,
    /// Task.
    pub task: String,
    /// Deadline date.
    pub deadline: Option<String>,
    /// When to report back.
    pub report_back: String,
    /// "open", "done", "dropped".
    pub status: String,
}

/// A meeting's content as entered (no derived figures).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct MeetingDoc {
    /// Identifier within the minute book.
    pub id: String,
    /// Kind code.
    pub kind: String,
    /// Subject line.
    pub subject: String,
    /// Number in the minutes series.
    pub number: Option<u32>,
    /// Date, YYYY-MM-DD.
    pub date: String,
    /// Place.
    pub place: String,
    /// Planned start.
    pub planned_start: Option<String>,
    /// Planned end.
    pub planned_end: Option<String>,
    /// Actual start.
    pub actual_start: Option<String>,
    /// Actual end.
    pub actual_end: Option<String>,
    /// Chair.
    pub chair: Option<MemberRef>,
    /// Minute-taker.
    pub minute_taker: Option<MemberRef>,
    /// Status code.
    pub status: String,
    /// Guests.
    pub guests: Vec<GuestDoc>,
    /// Agenda with minutes.
    pub agenda: Vec<AgendaItemDoc>,
    /// Attendance, one per roster member.
    pub attendance: Vec<AttendanceDoc>,
    /// Votes.
    pub votes: Vec<VoteDoc>,
    /// Action items assigned.
    pub action_items: Vec<ActionItemDoc>,
    /// The resolution as its own document (issue 15). Absent when the cell wrote none, and in
    /// every record and file written before it existed, which therefore read and rebuild
    /// unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub resolution: Option<ResolutionDoc>,
}

/// A meeting's resolution (nghị quyết): its own number and the text of sections I–III; the
/// opening paragraph and the vote line are printed from the record's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ResolutionDoc {
    /// Number in the cell's series of resolutions, 1–9999; `null` prints it blank.
    pub number: Option<u32>,
    /// I. Results of carrying out the previous resolution; one paragraph per line.
    pub review: String,
    /// II. Directions and tasks for the coming period.
    pub directions: String,
    /// III. Assignments.
    pub assignments: String,
}
