//! The rolling daily backup taken when a minute book is opened ([`Book::open`]).
//!
//! The first opening of a day writes `<db file name>.daily-<YYYY-MM-DD>.bak` into
//! [`backups_dir`] (`backups/` next to the database — the folder the desktop's "Back up now"
//! writes to) with `minutebook-store`'s checked `VACUUM INTO`, then deletes the oldest daily
//! backups beyond the `backups_to_keep` setting (the same number that bounds the pre-migration
//! backups). A failure never stops the book from opening: it is reported as
//! [`DailyBackup::Failed`] for the caller to show.
//!
//! [`Book::open`]: crate::Book::open

use std::path::{Path, PathBuf};

use minutebook_store::Store;
use serde::Serialize;
use time::macros::offset;
use time::{Date, OffsetDateTime};

use crate::error::ApiError;

/// Where the automatic daily backups go: `backups/` in the folder of the database file.
pub fn backups_dir(db: &Path) -> PathBuf {
    match db.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.join("backups"),
        _ => PathBuf::from("backups"),
    }
}

/// The day a backup belongs to: the date in Vietnam (UTC+07:00, no daylight saving time),
/// whatever offset the clock reports — a cell's working day, not UTC's.
pub fn backup_day(now: OffsetDateTime) -> Date {
    now.to_offset(offset!(+7)).date()
}

/// What opening the minute book did about the daily backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DailyBackup {
    /// The first opening today: this backup was written (and older ones pruned).
    Written {
        /// The backup file.
        path: String,
    },
    /// Today's backup already exists; nothing was written.
    AlreadyToday,
    /// The file did not exist before this opening: there is nothing to back up yet.
    NewBook,
    /// The backup could not be made. The book is open and usable; show this to the user.
    Failed {
        /// What went wrong (code `disk-full`, `io`, `storage`…).
        error: ApiError,
    },
}

impl DailyBackup {
    /// The problem to show the user, when the backup failed.
    pub fn warning(&self) -> Option<&ApiError> {
        match self {
            DailyBackup::Failed { error } => Some(error),
            _ => None,
        }
    }
}

/// Takes today's backup of the open `store` unless it exists (see the module documentation).
pub(crate) fn take(store: &Store, now: OffsetDateTime) -> DailyBackup {
    let dir = backups_dir(store.path());
    let failed = |e: minutebook_store::Error| {
        let e = ApiError::from(e);
        DailyBackup::Failed {
            error: ApiError::new(
                e.code,
                format!(
                    "the daily backup into {} was not made ({}); the minute book is open and \
                     nothing in it was lost",
                    dir.display(),
                    e.message
                ),
            ),
        }
    };
    let keep = match store.backups_to_keep() {
        Ok(k) => k,
        Err(e) => return failed(e),
    };
    match store.maybe_daily_backup(&dir, backup_day(now), keep) {
        Ok(Some(path)) => DailyBackup::Written {
            path: path.display().to_string(),
        },
        Ok(None) => DailyBackup::AlreadyToday,
        Err(e) => failed(e),
    }
}
