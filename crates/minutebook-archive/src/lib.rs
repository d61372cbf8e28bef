//! The committee archive (issue 13): a ward or city party committee receives its cells' signed
//! minutes, verifies them exactly as `minutebook verify` does, and keeps them in PostgreSQL.
//!
//! What it does today (see `docs/archive.md`):
//!
//! * [`schema`]: migrations, each in one transaction, recorded in `schema_version`; a database
//!   whose schema is newer than this program's is refused and left untouched;
//! * [`db`]: connecting by URL.
//!
//! Not built yet: ingest, the key register, chain watch, receipts (Merkle log), search, the web
//! page, HTTP upload, forwarding.

pub mod db;
pub mod error;
pub mod schema;

pub use error::ArchiveError;
