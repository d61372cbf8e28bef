//! # minutebook-record
//!
//! The serialisation boundary of Minutebook. Domain types in `minutebook-core` derive nothing;
//! this crate holds their JSON counterparts and the mapping both ways:
//!
//! - [`doc`]: the shared document pieces (cell, members, meeting content) with stable snake_case
//!   keys, strings for ids, dates as `YYYY-MM-DD`, times as `HH:MM`, and no floats (percentages
//!   travel as exact basis points plus the Vietnamese text), so RFC 8785 canonical JSON never
//!   has to round anything;
//! - [`record`]: the record that is signed (`"type": "minutebook.record"`, format 1): the whole
//!   meeting with derived figures, the roster snapshot, and the chain fields (version, sequence,
//!   previous hashes);
//! - [`interchange`]: the meeting interchange file (`"type": "minutebook.meeting"`, format 1)
//!   read by `minutebook meeting import` and written by `meeting export`; documented with a JSON
//!   Schema in `docs/meeting-interchange.md` and `docs/meeting.schema.json`.
//!
//! Canonical bytes, hashing and signatures are `minutebook-sign`'s business, not this crate's.

pub mod convert;
pub mod doc;
pub mod interchange;
pub mod record;

pub use interchange::MeetingFile;
pub use record::{Chain, Record};
