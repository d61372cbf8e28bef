//! The archive's errors: what stops a command (as opposed to a bad bundle, which is a
//! [`crate::ingest::Verdict::Quarantined`] and never stops a batch).

use minutebook_api::{Lang, tr};

/// Why a command could not be carried out.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The database refused or dropped the connection, or a statement failed.
    #[error("database: {0}")]
    Db(#[from] postgres::Error),
    /// The database's schema is newer than this program knows; nothing was changed.
    #[error(
        "the archive database has schema version {found}, newer than version {supported} that \
         this program knows; it was left untouched (upgrade minutebook-archive)"
    )]
    SchemaTooNew {
        /// Version found in `schema_version`.
        found: i32,
        /// Highest version this program knows ([`crate::schema::SCHEMA_VERSION`]).
        supported: i32,
    },
    /// Input given by the user is not acceptable (a key file, a date, a name).
    #[error("{0}")]
    Invalid(String),
    /// A file or folder could not be read or moved.
    #[error("{path}: {reason}")]
    Io {
        /// The path.
        path: String,
        /// The operating system's reason.
        reason: String,
    },
}

impl ArchiveError {
    /// The message for the user in `lang`, from the Fluent catalogue (`i18n/*.ftl`, ids
    /// `archive-error-*`).
    pub fn localized(&self, lang: Lang) -> String {
        match self {
            ArchiveError::Db(e) => tr(lang, "archive-error-database", &[("detail", db_detail(e))]),
            ArchiveError::SchemaTooNew { found, supported } => tr(
                lang,
                "archive-error-schema-too-new",
                &[
                    ("found", found.to_string()),
                    ("supported", supported.to_string()),
                ],
            ),
            ArchiveError::Invalid(detail) => {
                tr(lang, "archive-error-invalid", &[("detail", detail.clone())])
            }
            ArchiveError::Io { path, reason } => tr(
                lang,
                "archive-error-io",
                &[("path", path.clone()), ("reason", reason.clone())],
            ),
        }
    }

    /// An [`ArchiveError::Io`] for `path`.
    pub fn io(path: &std::path::Path, e: &std::io::Error) -> ArchiveError {
        ArchiveError::Io {
            path: path.display().to_string(),
            reason: e.to_string(),
        }
    }
}

/// The server's own message when there is one (postgres::Error's `Display` alone says only
/// "db error").
fn db_detail(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{}: {}", db.code().code(), db.message()),
        None => e.to_string(),
    }
}
