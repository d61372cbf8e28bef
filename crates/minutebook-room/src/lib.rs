//! The meeting room: members take part in the secretary's meeting from their own laptops over
//! the room's local network, with no server and no internet (issue 12; the protocol is written
//! down in `docs/room-protocol.md`).
//!
//! - [`channel`]: Noise `XX` (snow) over TCP, each side's ed25519 key bound to the session;
//!   frames bounded in size, nonces in order (a replayed or re-ordered frame ends the
//!   connection).
//! - [`code`]: the join code a member types (address and the room key's fingerprint digits).
//! - [`statement`]: what a member signs (check-in, a vote by name), canonical JSON.
//! - [`protocol`]: the JSON messages each way.
//! - [`host`]: the secretary's side over a [`host::Hall`] (the minute book behind it,
//!   implemented in `minutebook-api`), with connection, size and rate limits.
//! - [`member`]: a member's side.
//!
//! This crate knows nothing of the minute book: the hall decides who is admitted and what each
//! request does.

pub mod channel;
pub mod code;
pub mod discovery;
pub mod event;
pub mod host;
pub mod member;
pub mod protocol;
pub mod statement;

pub use code::JoinCode;
pub use event::RoomEvent;
pub use host::{Answer, Hall, Limits, Refusal, Room};
pub use member::{Member, MemberError};
pub use protocol::{Participant, RoomInfo, RoomState, ToHost, ToMember};
pub use statement::{Act, Choice, SignedStatement, Statement};
