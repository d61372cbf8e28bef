//! The store's error type: one variant per situation a caller (the UI) can act on.

use std::path::PathBuf;

use minutebook_core::MeetingStatus;
use rusqlite::ErrorCode;

/// Result alias for the store.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the store. Messages name what was involved, so they can be
/// shown as they are; callers branch on the variant, never on the text.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The thing asked for does not exist.
    #[error("{what} not found")]
    NotFound {
        /// What was looked for, e.g. "meeting #4" or "key 3fa2…".
        what: String,
    },
    /// The meeting's stored status does not allow editing in place (closed or signed minutes).
    #[error(
        "meeting #{meeting} is {} and can no longer be edited in place",
        status.code()
    )]
    NotEditable {
        /// The meeting.
        meeting: i64,
        /// Its stored status.
        status: MeetingStatus,
    },
    /// Another connection held the database longer than the busy timeout.
    #[error("the minute book is locked by another program or window: {0}")]
    Locked(String),
    /// The database was written by a newer Minutebook; it has been left untouched.
    #[error(
        "this minute book has schema version {found}, newer than this program supports ({supported}); it was not changed — use a newer Minutebook"
    )]
    TooNew {
        /// `PRAGMA user_version` of the file.
        found: i64,
        /// The newest version this program knows.
        supported: i64,
    },
    /// The file is an SQLite database but not a Minutebook one; it has been left untouched.
    #[error("{path} is not a Minutebook database")]
    NotMinutebook {
        /// The file.
        path: PathBuf,
    },
    /// A uniqueness, foreign-key, check or append-only rule refused the change. Nothing was
    /// written.
    #[error("refused by the minute book's rules ({what}): {detail}")]
    Constraint {
        /// What was being written, e.g. "import members".
        what: String,
        /// SQLite's explanation, e.g. "UNIQUE constraint failed: members.party_card_number".
        detail: String,
    },
    /// Input the store will not write (empty name, sub-second time, malformed hash…).
    #[error("invalid {what}: {detail}")]
    Invalid {
        /// Which field.
        what: String,
        /// Why.
        detail: String,
    },
    /// The disk (or the file system's quota) is full. The change was rolled back and the
    /// database is intact; free some space and save again.
    #[error("the disk is full; nothing was saved ({0}) — free some space and save again")]
    DiskFull(String),
    /// A file operation failed.
    #[error("{what}: {source}")]
    Io {
        /// What was being done, naming the file.
        what: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// A file the store will not overwrite already exists.
    #[error("{0} already exists; choose another name")]
    AlreadyExists(PathBuf),
    /// The database or a stored value is damaged or was changed behind the program's back.
    #[error("the minute book is damaged: {0}")]
    Corrupt(String),
    /// The audit log's hash chain breaks at this entry (it, or one before it, was altered).
    #[error("the audit log was altered: entry {seq} does not match its hash chain")]
    AuditChainBroken {
        /// Sequence number of the first entry that does not verify.
        seq: i64,
    },
    /// Any other SQLite failure.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl Error {
    pub(crate) fn not_found(what: impl Into<String>) -> Self {
        Error::NotFound { what: what.into() }
    }

    pub(crate) fn invalid(what: impl Into<String>, detail: impl Into<String>) -> Self {
        Error::Invalid {
            what: what.into(),
            detail: detail.into(),
        }
    }

    pub(crate) fn io(what: impl Into<String>, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::StorageFull {
            return Error::DiskFull(format!("{}: {source}", what.into()));
        }
        Error::Io {
            what: what.into(),
            source,
        }
    }

    /// Classifies a SQLite error, naming `what` was being done.
    pub(crate) fn sqlite(what: &str, e: rusqlite::Error) -> Self {
        let (code, msg) = match &e {
            rusqlite::Error::SqliteFailure(f, msg) => (f.code, msg.clone()),
            _ => return Error::Sqlite(e),
        };
        let detail = msg.unwrap_or_else(|| e.to_string());
        match code {
            ErrorCode::DiskFull => Error::DiskFull(format!("{what}: {detail}")),
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                Error::Locked(format!("{what}: {detail}"))
            }
            ErrorCode::ConstraintViolation => Error::Constraint {
                what: what.to_owned(),
                detail,
            },
            ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => {
                Error::Corrupt(format!("{what}: {detail}"))
            }
            ErrorCode::SystemIoFailure => Error::Io {
                what: what.to_owned(),
                source: std::io::Error::other(detail),
            },
            _ => Error::Sqlite(e),
        }
    }
}

/// Adds "what was being done" to a rusqlite result.
pub(crate) trait Context<T> {
    /// Maps the error with [`Error::sqlite`].
    fn ctx(self, what: &str) -> Result<T>;
}

impl<T> Context<T> for rusqlite::Result<T> {
    fn ctx(self, what: &str) -> Result<T> {
        self.map_err(|e| Error::sqlite(what, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(code: std::ffi::c_int) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), Some("msg".to_owned()))
    }

    #[test]
    fn sqlite_codes_map_to_what_a_caller_can_act_on() {
        use rusqlite::ffi;
        assert!(matches!(
            Error::sqlite("save", failure(ffi::SQLITE_FULL)),
            Error::DiskFull(m) if m.contains("save")
        ));
        assert!(matches!(
            Error::sqlite("save", failure(ffi::SQLITE_BUSY)),
            Error::Locked(_)
        ));
        assert!(matches!(
            Error::sqlite("save", failure(ffi::SQLITE_CONSTRAINT_FOREIGNKEY)),
            Error::Constraint { .. }
        ));
        assert!(matches!(
            Error::sqlite("open", failure(ffi::SQLITE_NOTADB)),
            Error::Corrupt(_)
        ));
        assert!(matches!(
            Error::io(
                "write x",
                std::io::Error::from(std::io::ErrorKind::StorageFull)
            ),
            Error::DiskFull(_)
        ));
        assert!(matches!(
            Error::io("write x", std::io::Error::from_raw_os_error(28)),
            Error::DiskFull(_)
        ));
    }
}
