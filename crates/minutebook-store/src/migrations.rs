//! Schema versions and the migrations between them, on `PRAGMA user_version`.
//!
//! | version | what it adds |
//! |---|---|
//! | 1 | the core tables: cell, members, meetings and their parts, record versions, attestations, settings, audit log |
//! | 2 | `keys` (members' encrypted signing keys, with revocation) and indexes for lookups by date, member and key |
//! | 3 | `search_index` (FTS5, Vietnamese-folded) over agenda items, speeches, votes and action items, kept by triggers; existing meetings are indexed |
//! | 4 | `integrity_checks`: the last full integrity check of each closed meeting, forgotten by triggers on any change to its rows, records or signatures |
//! | 5 | the counting reading `qd24-exclusions` allowed in `cell` and `votes` (tables rebuilt) and made the default: a cell still on the old default `full-exclusions` moves to it (named in the migration's audit entry) |
//!
//! Steps are SQL embedded in the binary (`src/sql/v<N>.sql`), applied in order, all pending
//! steps in one `IMMEDIATE` transaction together with the new `user_version` and an audit
//! entry. Before an existing database is migrated, a backup of it is written next to it. A
//! database whose `user_version` is newer than [`SCHEMA_VERSION`] is refused untouched. Steps
//! only ever add: a released step is never edited (tests migrate a frozen v1 fixture).

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use crate::audit::{self, Change};
use crate::backup;
use crate::connection::{DEFAULT_BACKUPS_TO_KEEP, OpenOptions};
use crate::error::{Context, Error, Result};

/// The schema version this program writes and the newest it opens.
pub const SCHEMA_VERSION: i64 = 8;

/// `PRAGMA application_id` of a Minutebook database: "MnBk".
pub const APPLICATION_ID: i32 = 0x4d6e_426b;

/// The migration steps: (version reached, SQL).
const STEPS: &[(i64, &str)] = &[
    (1, include_str!("sql/v1.sql")),
    (2, include_str!("sql/v2.sql")),
    (3, include_str!("sql/v3.sql")),
    (4, include_str!("sql/v4.sql")),
    (5, include_str!("sql/v5.sql")),
    (6, include_str!("sql/v6.sql")),
    (7, include_str!("sql/v7.sql")),
    (8, include_str!("sql/v8.sql")),
];

/// The cell's stored default counting reading, when the book has a cell.
fn cell_default_reading(conn: &Connection) -> Result<Option<String>> {
    let has_cell: bool = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'cell'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .ctx("read the schema")?
        > 0;
    if !has_cell {
        return Ok(None);
    }
    conn.query_row("SELECT default_reading FROM cell WHERE id = 1", [], |r| {
        r.get(0)
    })
    .optional()
    .ctx("read the cell's default counting reading")
}

fn user_version(conn: &Connection) -> Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .ctx("read the schema version")
}

/// Refuses, before anything is written, a database that is newer than this program or that
/// belongs to another application.
pub(crate) fn check_openable(conn: &Connection, path: &Path) -> Result<()> {
    let found = user_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(Error::TooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .ctx("read the application id")?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .ctx("read the schema")?;
    let foreign = (app != 0 && app != APPLICATION_ID) || (found == 0 && objects > 0);
    if foreign {
        return Err(Error::NotMinutebook {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Brings the database to [`SCHEMA_VERSION`].
pub(crate) fn migrate(conn: &mut Connection, path: &Path, options: &OpenOptions) -> Result<()> {
    let before = user_version(conn)?;
    if before == SCHEMA_VERSION {
        return Ok(());
    }
    if before > 0 {
        let keep = match options.backups_to_keep {
            Some(k) => k,
            None => stored_backups_to_keep(conn)?.unwrap_or(DEFAULT_BACKUPS_TO_KEEP),
        };
        let now = options.clock.now();
        backup::before_migration(conn, path, SCHEMA_VERSION, now, keep)?;
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .ctx("begin the schema migration")?;
    // Another process may have migrated while we waited for the lock.
    let from = user_version(&tx)?;
    if from > SCHEMA_VERSION {
        return Err(Error::TooNew {
            found: from,
            supported: SCHEMA_VERSION,
        });
    }
    if from == SCHEMA_VERSION {
        return Ok(());
    }
    let reading_before = cell_default_reading(&tx)?;
    for (version, sql) in STEPS.iter().filter(|(v, _)| *v > from) {
        tx.execute_batch(sql)
            .ctx(&format!("migrate the schema to version {version}"))?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)
        .ctx("record the schema version")?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .ctx("record the application id")?;
    audit::append(
        &tx,
        options.clock.now(),
        &options.actor,
        Change {
            action: if from == 0 { "create" } else { "migrate" },
            entity: "schema",
            entity_id: SCHEMA_VERSION.to_string(),
            detail: match (reading_before, cell_default_reading(&tx)?) {
                (Some(before), Some(after)) if before != after => format!(
                    "schema version {from} → {SCHEMA_VERSION}; cell default counting reading \
                     {before} → {after}"
                ),
                _ => format!("schema version {from} → {SCHEMA_VERSION}"),
            },
        },
    )?;
    tx.commit().ctx("commit the schema migration")
}

/// The `backups_to_keep` setting, when the database has one.
pub(crate) fn stored_backups_to_keep(conn: &Connection) -> Result<Option<usize>> {
    let has_settings: bool = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'settings'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .ctx("read the schema")?
        > 0;
    if !has_settings {
        return Ok(None);
    }
    let value: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = 'backups_to_keep'",
            [],
            |r| r.get(0),
        )
        .optional()
        .ctx("read the backups_to_keep setting")?;
    Ok(value.and_then(|v| v.trim().parse().ok()))
}
