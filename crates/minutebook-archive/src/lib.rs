//! The committee archive (issue 13): a ward or city party committee receives its cells' signed
//! minutes, verifies them exactly as `minutebook verify` does, and keeps them in PostgreSQL.
//!
//! What it does today (see `docs/archive.md`):
//!
//! * [`schema`]: migrations, each in one transaction, recorded in `schema_version`; a database
//!   whose schema is newer than this program's is refused and left untouched;
//! * [`register`]: the committee's key register — members' public keys (SPKI PEM, as the app
//!   exports them) with the range of days they may sign;
//! * [`input`]: what a path holds — a bundle folder, a bundle zip, an exported PDF/A-3 with its
//!   bundle attached, or a folder of those;
//! * [`ingest`]: one idempotent path from a candidate to a verdict (accepted, already received,
//!   quarantined), verification by `minutebook_sign::verify_bundle` against the register;
//! * [`chain`]: per-cell chain watch (gaps, forks, rollbacks), flagged and kept;
//! * [`sweep`]: the drop folder — ingest each entry and move it to `accepted/` or
//!   `quarantine/`;
//! * [`tlog`], [`receipt`]: the Merkle log of accepted records (written in the transaction that
//!   stores each record), signed checkpoints and `tlog-proof` receipts, and their offline check.
//!
//! Not built yet: search, the web page, HTTP upload, forwarding.

pub mod chain;
pub mod db;
pub mod error;
pub mod ingest;
pub mod input;
pub mod receipt;
pub mod register;
pub mod schema;
pub mod sweep;
pub mod tlog;

pub use error::ArchiveError;
