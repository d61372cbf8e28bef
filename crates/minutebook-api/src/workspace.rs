//! Editing a meeting from the desktop workspace: create one, load it as a document, save the
//! edited document (the autosave path) and compute live figures for a document not saved yet.
//!
//! The UI edits a [`MeetingDoc`] (the interchange form: member ids are the book's ids as decimal
//! strings). Every save converts it back through `minutebook_record::convert::meeting_from_doc`,
//! which puts every text in NFC, and is refused for meetings that are no longer editable.
//! Figures never block a save: an inconsistent vote (e.g. more yes votes than members present)
//! is reported next to the vote, and the rest is still shown.

use minutebook_record::doc::{ActionItemDoc, MeetingDoc, MemberDoc};
use minutebook_record::record::{AttendanceFigures, VoteResult};
use serde::{Deserialize, Serialize};

/// Longest text accepted in any one field (characters).
pub const MAX_TEXT: usize = 100_000;
/// Most entries accepted in any one list (agenda items, speeches, votes…).
pub const MAX_ITEMS: usize = 1_000;

/// What the "new meeting" form sends.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewMeetingInput {
    /// Kind code ("regular", "thematic", …).
    pub kind: String,
    /// Date, YYYY-MM-DD.
    pub date: String,
    /// Subject line; empty for the kind's usual subject.
    pub subject: String,
    /// Place.
    pub place: String,
}

/// One vote's live result, or why it cannot be counted yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LiveVote {
    /// The result, when the counts are consistent.
    pub result: Option<VoteResult>,
    /// What is wrong with the counts, when they are not.
    pub problem: Option<String>,
}

/// Figures of a meeting being edited: always the attendance, and each vote on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LiveFigures {
    /// Attendance counts and rate.
    pub attendance: AttendanceFigures,
    /// One per vote, in order.
    pub votes: Vec<LiveVote>,
    /// What would stop the meeting from closing (attendance list, chair, times), if anything.
    pub problem: Option<String>,
    /// The cell's default counting reading (code), used by votes whose reading is `null`.
    pub default_reading: String,
}

/// A meeting opened in the workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MeetingWorkspace {
    /// The meeting's content.
    pub doc: MeetingDoc,
    /// The roster, for pickers and names.
    pub roster: Vec<MemberDoc>,
    /// Live figures.
    pub figures: LiveFigures,
    /// Open action items of the previous meeting, for the review item.
    pub carried_forward: Vec<ActionItemDoc>,
    /// Whether the meeting can still be edited.
    pub editable: bool,
    /// How the counting rule is cited.
    pub counting_rule_citation: String,
    /// Whether a closed meeting still matches its signed record. When it is
    /// `Integrity::Altered`, everything above is the signed
    /// record's (the altered rows are not shown) and the UI leads with the warning.
    pub integrity: crate::views::Integrity,
}
