//! # minutebook-api
//!
//! The use cases of Minutebook over the domain core, the store, signing and export — what the
//! `minutebook` CLI and the desktop shell call, each in one line. Dependencies are explicit
//! (the minute book file, the clock); errors cross as [`ApiError`] `{code, message}` with a
//! closed [`ErrorCode`]; messages come from the Fluent catalogue shared with the UI
//! ([`tr`]).
//!
//! **Invariant:** nothing here knows about Tauri or terminals; `src-tauri` and
//! `minutebook-cli` only translate arguments and print.

pub mod backup_status;
pub mod backups;
pub mod book;
pub mod dashboard;
pub mod demo;
pub mod doc;
pub mod error;
pub mod files;
pub mod i18n;
pub mod member_key;
pub mod member_records;
pub mod member_session;
mod pdf;
pub mod receipt;
pub mod room_member;
pub mod search;
pub mod verify;
pub mod views;
pub mod workspace;

#[cfg(test)]
mod test_support;

pub use backups::DailyBackup;
pub use book::{Book, OpenedRoom, ReceiptView, RoomHostView, RoomOpenView, default_db_path};
pub use error::{ApiError, ErrorCode};
pub use files::{read_input_file, read_passphrase_file, write_file_atomically};
pub use i18n::{Lang, has_message, tr};
/// How an exported PDF differs from a fresh rendering of its record (re-saved, or pages edited).
pub use minutebook_export::RenderingDifference;
pub use views::*;

/// The code of every counting reading of point 9.3.2 (see
/// `minutebook_core::vote::CountingReading`), the default first: what `--reading` and the
/// settings accept.
pub fn counting_reading_codes() -> Vec<&'static str> {
    minutebook_core::vote::CountingReading::ALL
        .iter()
        .map(|r| r.code())
        .collect()
}

/// The meeting room's types the CLI and the desktop shell meet (issue 12): the room is opened
/// by [`Book::open_room`], joined by [`room_member::join_room`].
pub mod room {
    pub use minutebook_room::discovery::{Advertisement, FoundRoom};
    pub use minutebook_room::host::{Log, Refusal};
    pub use minutebook_room::{JoinCode, Room, RoomEvent, RoomState};

    /// The rooms announced on this network, heard for 3 s (see `minutebook_room::discovery`:
    /// a hint to join with the fingerprint read out, never trust).
    ///
    /// # Errors
    /// `Io` when the network cannot be listened to.
    pub fn discover_rooms() -> Result<Vec<FoundRoom>, crate::ApiError> {
        minutebook_room::discovery::discover(std::time::Duration::from_secs(3))
            .map_err(|e| crate::ApiError::io(e.to_string()))
    }

    /// `event` as a line of the room's log in `lang` (`room-log-…` in the catalogue; the
    /// English is the event's own `Display`).
    pub fn log_line(event: &RoomEvent, lang: crate::Lang) -> String {
        crate::tr(lang, event.message_id(), &event.args())
    }
}
