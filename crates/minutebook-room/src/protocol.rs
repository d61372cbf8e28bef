//! The room's messages: JSON objects tagged by `type`, one per channel message
//! (docs/room-protocol.md). Unknown fields and types are refused.

use serde::{Deserialize, Serialize};

use crate::statement::Choice;

/// The largest message a member may send, in bytes (an attestation is about 1 KB).
pub const MAX_TO_HOST: usize = 64 * 1024;
/// The largest message the host sends, in bytes (a record for signing, the state).
pub const MAX_TO_MEMBER: usize = 16 * 1024 * 1024;

/// A member's request. Each carries an `id` the host's [`ToMember::Reply`] repeats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ToHost {
    /// A signed check-in statement.
    CheckIn {
        /// Request id.
        id: u64,
        /// The statement's canonical JSON.
        statement: String,
        /// The signature, 128 hex digits.
        signature: String,
    },
    /// Asks to speak (joins the queue).
    Speak {
        /// Request id.
        id: u64,
    },
    /// A signed vote by name (show of hands, party cards).
    Vote {
        /// Request id.
        id: u64,
        /// The statement's canonical JSON.
        statement: String,
        /// The signature, 128 hex digits.
        signature: String,
    },
    /// A secret ballot: the choice, unsigned; the host counts it and keeps only that the
    /// member has cast one.
    Ballot {
        /// Request id.
        id: u64,
        /// The vote's index.
        vote: u32,
        /// The choice.
        choice: Choice,
    },
    /// Asks for the closed meeting's record, to read and sign.
    GetRecord {
        /// Request id.
        id: u64,
    },
    /// An attestation over the record, signed by the member.
    Attest {
        /// Request id.
        id: u64,
        /// The role signed in (`member`, `chair`, `minute-taker`).
        role: String,
        /// The attestation's canonical JSON.
        attestation: String,
        /// The signature, 128 hex digits.
        signature: String,
    },
    /// Keeps the connection alive.
    Ping {
        /// Request id.
        id: u64,
    },
}

impl ToHost {
    /// The request's id.
    pub fn id(&self) -> u64 {
        match self {
            ToHost::CheckIn { id, .. }
            | ToHost::Speak { id }
            | ToHost::Vote { id, .. }
            | ToHost::Ballot { id, .. }
            | ToHost::GetRecord { id }
            | ToHost::Attest { id, .. }
            | ToHost::Ping { id } => *id,
        }
    }
}

/// The host's messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ToMember {
    /// Sent once, on admission.
    Welcome {
        /// Who the host knows the member as.
        you: Participant,
        /// The room.
        room: RoomInfo,
    },
    /// Sent instead of [`ToMember::Welcome`]; the host then closes the connection.
    Refused {
        /// A stable code (`not-in-roster`, `room-full`, …).
        code: String,
        /// The reason, in the host's language.
        message: String,
    },
    /// The room as it stands; sent on admission and after every change.
    State(RoomState),
    /// The answer to a request.
    Reply {
        /// The request's id.
        id: u64,
        /// Whether it was accepted (and stored, when it changes the book).
        ok: bool,
        /// A stable code: `ok`, or why not.
        code: String,
        /// What happened, in the host's language.
        message: String,
    },
    /// The answer to [`ToHost::GetRecord`].
    Record {
        /// The request's id.
        id: u64,
        /// The record's canonical JSON.
        record: String,
    },
}

/// A member as the host's roster knows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Participant {
    /// The member's id in the host's roster.
    pub member_id: String,
    /// Full name.
    pub full_name: String,
    /// Whether the member may vote (official members); see `why_not`.
    pub may_vote: bool,
    /// Why not, when `may_vote` is false.
    pub why_not: Option<String>,
}

/// The meeting the room is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RoomInfo {
    /// The room's token, 32 hex digits (in every statement).
    pub token: String,
    /// The meeting's id in the host's book.
    pub meeting_id: String,
    /// Subject line.
    pub subject: String,
    /// Date, YYYY-MM-DD.
    pub date: String,
    /// Place.
    pub place: String,
}

/// Someone present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Present {
    /// Full name.
    pub full_name: String,
    /// Arrival time HH:MM when late, else `None`.
    pub arrived_at: Option<String>,
    /// Whether they checked in from their own laptop (else marked by the minute-taker).
    pub checked_in: bool,
}

/// The vote being taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OpenVote {
    /// Index in the meeting's votes.
    pub index: u32,
    /// Subject.
    pub subject: String,
    /// Method code (`show-of-hands`, `show-of-party-cards`, `secret-ballot`).
    pub method: String,
    /// How many have voted in the room so far.
    pub cast: u32,
}

/// A vote's result, as the minutes will state it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "RoomVoteResult"))]
pub struct VoteResult {
    /// Index in the meeting's votes.
    pub index: u32,
    /// Subject.
    pub subject: String,
    /// Method code.
    pub method: String,
    /// For.
    pub yes: u32,
    /// Against.
    pub no: u32,
    /// Other opinion.
    pub abstain: u32,
    /// The denominator under the reading named.
    pub eligible: u32,
    /// The counting reading's code.
    pub reading: String,
    /// Whether it passed.
    pub passed: bool,
}

/// The room's state, the same for every member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RoomState {
    /// Agenda item titles, in order.
    pub agenda: Vec<String>,
    /// The item under discussion (0-based).
    pub current_item: Option<u32>,
    /// Who is present.
    pub present: Vec<Present>,
    /// The speaking queue, first = whose turn it is.
    pub queue: Vec<String>,
    /// The vote being taken.
    pub open_vote: Option<OpenVote>,
    /// Votes closed in the room, with their results.
    pub results: Vec<VoteResult>,
    /// The closed meeting's record SHA-256, when it can be signed.
    pub record_sha256: Option<String>,
    /// Names of those who signed the record.
    pub signed: Vec<String>,
}
