//! The one error type that crosses to the CLI and the desktop UI: a closed [`ErrorCode`] the UI
//! may branch on, and a message naming what went wrong and where.

use serde::Serialize;

use crate::i18n::{Lang, tr};

/// What kind of failure, for the UI to branch on. Grows only when a caller needs to tell a new
/// case apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// Something asked for does not exist.
    NotFound,
    /// The input is wrong (bad file, bad value); nothing was changed.
    InvalidInput,
    /// Bad command-line usage.
    Usage,
    /// The meeting is closed or signed and cannot be edited in place.
    Locked,
    /// Wrong passphrase for a key.
    WrongPassphrase,
    /// A key file is unreadable, weak or unsupported.
    KeyProblem,
    /// The signer or role does not fit the meeting.
    NotAllowed,
    /// A record, signature or row does not match what was signed.
    Tampered,
    /// The disk is full; nothing was saved.
    DiskFull,
    /// The minute book was written by a newer Minutebook.
    TooNew,
    /// Another program holds the minute book.
    Busy,
    /// Rendering a PDF failed (e.g. a character the font lacks).
    Export,
    /// A file could not be read or written.
    Io,
    /// The database refused the change or is damaged.
    Storage,
}

impl ErrorCode {
    fn message_id(self) -> &'static str {
        match self {
            ErrorCode::NotFound => "error-not-found",
            ErrorCode::InvalidInput => "error-invalid-input",
            ErrorCode::Usage => "error-usage",
            ErrorCode::Locked => "error-locked",
            ErrorCode::WrongPassphrase => "error-wrong-passphrase",
            ErrorCode::KeyProblem => "error-key-problem",
            ErrorCode::NotAllowed => "error-not-allowed",
            ErrorCode::Tampered => "error-tampered",
            ErrorCode::DiskFull => "error-disk-full",
            ErrorCode::TooNew => "error-too-new",
            ErrorCode::Busy => "error-busy",
            ErrorCode::Export => "error-export",
            ErrorCode::Io => "error-io",
            ErrorCode::Storage => "error-storage",
        }
    }

    /// Every code (for catalogue tests).
    pub const ALL: [ErrorCode; 14] = [
        ErrorCode::NotFound,
        ErrorCode::InvalidInput,
        ErrorCode::Usage,
        ErrorCode::Locked,
        ErrorCode::WrongPassphrase,
        ErrorCode::KeyProblem,
        ErrorCode::NotAllowed,
        ErrorCode::Tampered,
        ErrorCode::DiskFull,
        ErrorCode::TooNew,
        ErrorCode::Busy,
        ErrorCode::Export,
        ErrorCode::Io,
        ErrorCode::Storage,
    ];

    /// The catalogue id of this code's headline.
    pub fn catalogue_id(self) -> &'static str {
        self.message_id()
    }
}

/// An error as the user sees it: `{code, message}` across IPC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[error("{message}")]
pub struct ApiError {
    /// What kind.
    pub code: ErrorCode,
    /// The detail: what was wrong and where (file, row, field, JSON path, meeting…). English;
    /// shown as it is only when there is no [`Self::detail_id`].
    pub message: String,
    /// The detail as a catalogue message (`i18n/*.ftl`), when it has one: shown instead of
    /// `message`, in the user's language, with [`Self::detail_args`].
    pub detail_id: Option<String>,
    /// The arguments of [`Self::detail_id`] (name → text).
    #[cfg_attr(feature = "ts", ts(type = "Record<string, string>"))]
    pub detail_args: std::collections::BTreeMap<String, String>,
}

impl ApiError {
    /// An error of `code` with `message`.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            detail_id: None,
            detail_args: Default::default(),
        }
    }
    /// An error of `code` whose detail is catalogue message `id` with `args`; `english` is the
    /// same for logs and for callers without the catalogue.
    pub fn with_detail(
        code: ErrorCode,
        id: &str,
        args: &[(&str, String)],
        english: impl Into<String>,
    ) -> Self {
        ApiError {
            code,
            message: english.into(),
            detail_id: Some(id.to_owned()),
            detail_args: args
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        }
    }
    /// Not found: `what`.
    pub fn not_found(what: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, what)
    }
    /// Invalid input.
    pub fn invalid(msg: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidInput, msg)
    }
    /// File error.
    pub fn io(msg: impl Into<String>) -> Self {
        Self::new(ErrorCode::Io, msg)
    }
    /// True for usage errors (exit code 2).
    pub fn is_usage(&self) -> bool {
        self.code == ErrorCode::Usage
    }
    /// The headline in `lang` followed by the detail.
    pub fn localized(&self, lang: Lang) -> String {
        let detail = match &self.detail_id {
            Some(id) => {
                let args: Vec<(&str, String)> = self
                    .detail_args
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.clone()))
                    .collect();
                tr(lang, id, &args)
            }
            None => self.message.clone(),
        };
        format!("{}: {detail}", tr(lang, self.code.message_id(), &[]))
    }
}

impl From<minutebook_store::Error> for ApiError {
    fn from(e: minutebook_store::Error) -> Self {
        use minutebook_store::Error as E;
        let code = match &e {
            E::NotFound { .. } => ErrorCode::NotFound,
            E::NotEditable { .. } => ErrorCode::Locked,
            E::Locked(_) => ErrorCode::Busy,
            E::TooNew { .. } => ErrorCode::TooNew,
            E::Invalid { .. } | E::NotMinutebook { .. } => ErrorCode::InvalidInput,
            E::DiskFull(_) => ErrorCode::DiskFull,
            E::Io { .. } => ErrorCode::Io,
            _ => ErrorCode::Storage,
        };
        // The details a user meets most, as catalogue messages (the rest stay English).
        match &e {
            E::NotFound { what } => {
                if let Some(id) = what
                    .strip_prefix("meeting #")
                    .filter(|id| id.parse::<i64>().is_ok())
                {
                    return ApiError::with_detail(
                        code,
                        "err-meeting-not-found",
                        &[("id", id.to_owned())],
                        e.to_string(),
                    );
                }
            }
            E::NotEditable { meeting, .. } => {
                return ApiError::with_detail(
                    code,
                    "err-meeting-locked",
                    &[("id", meeting.to_string())],
                    e.to_string(),
                );
            }
            _ => {}
        }
        ApiError::new(code, e.to_string())
    }
}

impl From<minutebook_record::convert::DocError> for ApiError {
    fn from(e: minutebook_record::convert::DocError) -> Self {
        ApiError::invalid(e.to_string())
    }
}

impl From<minutebook_core::meeting::MeetingError> for ApiError {
    fn from(e: minutebook_core::meeting::MeetingError) -> Self {
        // The same catalogue messages as the workspace's live figures.
        let p = crate::workspace::LiveProblem::of(&e);
        ApiError {
            code: ErrorCode::InvalidInput,
            message: p.message,
            detail_id: Some(p.id),
            detail_args: p.args,
        }
    }
}

impl From<minutebook_sign::keys::KeyError> for ApiError {
    fn from(e: minutebook_sign::keys::KeyError) -> Self {
        use minutebook_sign::keys::KeyError as K;
        let code = match e {
            K::WrongPassphrase | K::EmptyPassphrase => ErrorCode::WrongPassphrase,
            _ => ErrorCode::KeyProblem,
        };
        ApiError::new(code, e.to_string())
    }
}

impl From<minutebook_sign::bundle::BundleError> for ApiError {
    fn from(e: minutebook_sign::bundle::BundleError) -> Self {
        ApiError::invalid(e.to_string())
    }
}
