//! # minutebook-core
//!
//! The domain of a Vietnamese Party cell's (*chi bộ*) meetings, modelled as the cell runs them:
//! the roster of members, meetings of each kind with their agenda, attendance, minutes, votes and
//! action items, and the rules that turn them into the figures a *biên bản* states.
//!
//! **Invariant:** this crate is pure. It does no I/O, reads no clock, and knows nothing of SQLite,
//! Tauri, JSON or any transport. Every rule names the regulation it comes from; where the sources
//! disagree (see `shared/domain/cell-meetings-addendum.md`), the rule is a named, visible choice
//! ([`vote::CountingReading`]) rather than a hidden constant.
//!
//! Text entering the domain is normalised to Unicode NFC ([`text::nfc`]) so that names compare,
//! sort, hash and sign the same however they were typed.

pub mod action;
pub mod agenda;
pub mod attendance;
pub mod cell;
pub mod lifecycle;
pub mod meeting;
pub mod resolution;
pub mod roster;
pub mod text;
pub mod vn;
pub mod vote;

#[cfg(test)]
mod code_tests;

pub use action::{ActionItem, ActionStatus};
pub use agenda::{AgendaItem, Speaker, Speech};
pub use attendance::{Attendance, AttendanceBasis, AttendanceCounts, Presence};
pub use cell::{Cell, CellSettings};
pub use lifecycle::{MeetingStatus, SignerRole};
pub use meeting::{Guest, Meeting, MeetingKind};
pub use resolution::Resolution;
pub use roster::{Gender, Member, MemberCategory, MemberId, Post, Transfer, TransferKind};
pub use vote::{CountingReading, Threshold, Vote, VoteKind, VoteMethod, VoteTally};
