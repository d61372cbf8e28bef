//! # minutebook-store
//!
//! One SQLite file holding one cell's minute book: the cell, its roster, its meetings with
//! everything their minutes record, the rendered record versions and their signatures,
//! members' encrypted keys, settings and an append-only, hash-chained audit log.
//!
//! How it keeps the data safe:
//! - every connection: WAL, `synchronous=FULL`, `foreign_keys=ON`, an explicit busy timeout
//!   ([`BUSY_TIMEOUT`]), `trusted_schema=OFF`, defensive mode ([`Store::pragmas`] shows them);
//! - every write is one `IMMEDIATE` transaction that also appends its audit entry, so a crash
//!   or a full disk leaves either all of a change or none of it;
//! - the schema is versioned on `PRAGMA user_version` ([`SCHEMA_VERSION`]); migrations run in
//!   one transaction after a backup, and a newer database is refused untouched;
//! - tables are `STRICT` with `CHECK`s, one row per thing, so a row edited behind the
//!   program's back is refused or reported as [`Error::Corrupt`]; records, attestations and
//!   the audit log are append-only (triggers), records re-check their SHA-256 on every read
//!   and the audit chain is checked by [`Store::verify_audit_chain`];
//! - full-text search ([`Store::search`]) over minutes, votes and action items ignores case
//!   and Vietnamese diacritics (schema v3, FTS5, kept by triggers);
//! - the outcome of each closed meeting's last full integrity check is remembered
//!   ([`Store::integrity_checks`], schema v4) and forgotten by triggers as soon as the
//!   meeting's rows, records or signatures change, whoever changes them;
//! - backups are made with `VACUUM INTO` and integrity-checked ([`Store::backup_to`]).
//!
//! Text is stored as NFC and otherwise exactly as given. Dates are `YYYY-MM-DD`, times of day
//! `HH:MM` (`HH:MM:SS` when seconds are set), instants RFC 3339 from the [`Clock`] passed in.
//! The store reads no clock of its own except through [`SystemClock`].

mod audit;
mod backup;
mod checks;
mod clock;
mod connection;
mod error;
mod keys;
mod meetings;
mod members;
mod migrations;
mod receipts;
mod records;
mod rooms;
mod search;
mod settings;
mod values;

pub use audit::{AuditEntry, HASH_DOMAIN, entry_hash};
pub use checks::IntegrityCheck;
pub use clock::{Clock, FixedClock, SystemClock};
pub use connection::{
    BUSY_TIMEOUT, DB_ENV, DEFAULT_BACKUPS_TO_KEEP, OpenOptions, Pragmas, Store, default_path,
};
pub use error::{Error, Result};
pub use keys::StoredKey;
pub use meetings::MeetingSummary;
pub use migrations::{APPLICATION_ID, SCHEMA_VERSION};
pub use receipts::StoredReceipt;
pub use records::{Attestation, NewAttestation, RecordVersion};
pub use rooms::{RoomRow, RoomStatement};
pub use search::{HitKind, SearchHit, fts_query};
pub use settings::BACKUPS_TO_KEEP;
