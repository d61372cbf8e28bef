//! Schema migrations. Each migration runs in one transaction together with the row that
//! records it in `schema_version`, under a transaction-scoped advisory lock so that two
//! programs starting at once cannot both apply it. A database whose recorded version is higher
//! than [`SCHEMA_VERSION`] is refused before anything is written.

use postgres::Client;

use crate::error::ArchiveError;

/// The schema version this program writes and reads.
pub const SCHEMA_VERSION: i32 = 2;

/// The migrations, in order: `(version it brings the schema to, SQL)`.
const MIGRATIONS: &[(i32, &str)] = &[
    (1, include_str!("../migrations/0001_initial.sql")),
    (2, include_str!("../migrations/0002_receipts.sql")),
];

/// Advisory lock key held while migrating (an arbitrary constant: "mb-arch" in ASCII).
const MIGRATION_LOCK: i64 = 0x006d_622d_6172_6368;

/// The schema version recorded in the database; `None` for a database the archive never used.
///
/// # Errors
/// [`ArchiveError::Db`].
pub fn current_version(client: &mut Client) -> Result<Option<i32>, ArchiveError> {
    let exists: bool = client
        .query_one("SELECT to_regclass('schema_version') IS NOT NULL", &[])?
        .get(0);
    if !exists {
        return Ok(None);
    }
    let v: Option<i32> = client
        .query_one("SELECT max(version) FROM schema_version", &[])?
        .get(0);
    Ok(v)
}

/// Applies every migration the database lacks; returns the version it is at afterwards.
///
/// # Errors
/// [`ArchiveError::SchemaTooNew`] when the database is newer than [`SCHEMA_VERSION`] (checked
/// under the lock, before any change); [`ArchiveError::Db`] when a migration fails (its
/// transaction is rolled back, so the schema stays at the previous version).
pub fn migrate(client: &mut Client) -> Result<i32, ArchiveError> {
    loop {
        let mut tx = client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
        let exists: bool = tx
            .query_one("SELECT to_regclass('schema_version') IS NOT NULL", &[])?
            .get(0);
        let current: i32 = if exists {
            tx.query_one("SELECT coalesce(max(version), 0) FROM schema_version", &[])?
                .get(0)
        } else {
            0
        };
        if current > SCHEMA_VERSION {
            tx.rollback()?;
            return Err(ArchiveError::SchemaTooNew {
                found: current,
                supported: SCHEMA_VERSION,
            });
        }
        let Some((version, sql)) = MIGRATIONS.iter().find(|(v, _)| *v > current) else {
            tx.commit()?;
            return Ok(current);
        };
        tx.batch_execute(sql)?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES ($1)",
            &[version],
        )?;
        tx.commit()?;
    }
}
