//! The error every command returns across IPC: `{ "code": "...", "message": "..." }`.

use serde::Serialize;

/// What went wrong, for the UI to branch on. Closed on purpose: add a variant only when the UI
/// needs to act differently on it; the UI never matches on `message`.
/// Mirrored in `ui/src/lib/ipc/index.ts` (`ERROR_CODES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The data folder could not be found or created.
    DataDirUnavailable,
    /// A bug or an unexpected condition; the message says more.
    Internal,
}

/// An error as it crosses IPC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommandError {
    /// Machine-readable category.
    pub code: ErrorCode,
    /// Human-readable detail (English; not shown verbatim where the UI has a catalogue message).
    pub message: String,
}

impl CommandError {
    /// Builds an error from a code and a message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.code, self.message)
    }
}

impl std::error::Error for CommandError {}
