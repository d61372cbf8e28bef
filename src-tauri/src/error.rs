//! The error every command returns across IPC: `{ "code": "...", "message": "..." }`.
//!
//! It is `minutebook_api::ApiError` itself (its TypeScript type is generated into
//! `ui/src/lib/ipc/generated/`), so the shell adds no codes of its own: a missing data folder is
//! an `io` error, a bad argument `invalid-input`.

pub use minutebook_api::{ApiError as CommandError, ErrorCode};
