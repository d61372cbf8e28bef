//! What the settings screen shows and changes about backups: the folder, how many are kept,
//! the backups there, today's automatic backup, and a backup taken on request.

use serde::Serialize;

/// Most backups to keep of each kind: a year of daily backups.
pub const MAX_BACKUPS_TO_KEEP: usize = 366;

/// A backup file in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupFileView {
    /// File name (in [`BackupStatus::folder`]).
    pub name: String,
    /// Size in bytes.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes: u64,
    /// Last modified, RFC 3339 UTC (e.g. `2026-03-05T12:30:00Z`), when the file system says.
    pub modified: Option<String>,
}

/// The backups of the open minute book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupStatus {
    /// The folder: `backups/` next to the database file.
    pub folder: String,
    /// How many automatic backups of each kind (daily, before an upgrade) are kept.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub keep: usize,
    /// Backups of this book in the folder, newest first.
    pub files: Vec<BackupFileView>,
    /// Why today's automatic backup could not be made, when it failed (the book is usable).
    pub daily_warning: Option<String>,
}
