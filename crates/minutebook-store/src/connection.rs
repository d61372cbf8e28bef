//! Opening the minute book: the file, the pragmas every connection gets, and the transactions
//! every read and write runs in.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use time::OffsetDateTime;

use crate::audit::{self, Change};
use crate::clock::{Clock, SystemClock};
use crate::error::{Context, Error, Result};
use crate::migrations;

/// How long a connection waits for another one's lock before giving up with
/// [`Error::Locked`]: 5000 ms.
pub const BUSY_TIMEOUT: Duration = Duration::from_millis(5000);

/// Default number of automatic backups of each kind kept next to the database.
pub const DEFAULT_BACKUPS_TO_KEEP: usize = 5;

/// Environment variable that overrides [`default_path`].
pub const DB_ENV: &str = "MINUTEBOOK_DB";

/// Where the minute book lives unless the caller says otherwise: `$MINUTEBOOK_DB` when set and
/// not empty, else `<OS data dir>/minutebook/minutebook.db` (e.g.
/// `~/.local/share/minutebook/minutebook.db` on Linux). `None` when the OS has no data dir.
pub fn default_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    dirs::data_dir().map(|d| d.join("minutebook").join("minutebook.db"))
}

/// Choices made when opening a store.
#[derive(Clone)]
pub struct OpenOptions {
    /// Source of timestamps for audit entries, records and backup names.
    pub clock: Arc<dyn Clock>,
    /// Who is making changes, as written in the audit log.
    pub actor: String,
    /// How many pre-migration backups to keep; `None` = the `backups_to_keep` setting stored in
    /// the database, else [`DEFAULT_BACKUPS_TO_KEEP`].
    pub backups_to_keep: Option<usize>,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            clock: Arc::new(SystemClock),
            actor: "local".to_owned(),
            backups_to_keep: None,
        }
    }
}

impl std::fmt::Debug for OpenOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenOptions")
            .field("actor", &self.actor)
            .field("backups_to_keep", &self.backups_to_keep)
            .finish_non_exhaustive()
    }
}

/// The connection-level settings in force, as SQLite reports them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pragmas {
    /// `journal_mode`: "wal" for a store.
    pub journal_mode: String,
    /// `synchronous`: 2 = FULL.
    pub synchronous: i64,
    /// `foreign_keys`.
    pub foreign_keys: bool,
    /// `busy_timeout` in milliseconds.
    pub busy_timeout_ms: i64,
    /// `trusted_schema`.
    pub trusted_schema: bool,
    /// `user_version`: the schema version.
    pub user_version: i64,
}

/// An open minute book: one SQLite file holding one cell's records.
///
/// Reads take `&self`; writes take `&mut self` and each runs in one `IMMEDIATE` transaction
/// that also appends its audit entry. Several `Store`s (in threads or processes) may open the
/// same file; they wait for each other up to [`BUSY_TIMEOUT`].
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) actor: String,
    /// The use case's transaction, while one is open ([`Store::begin`]): what it does and the
    /// instant every write in it is stamped with.
    pub(crate) use_case: Option<UseCase>,
}

/// An open use-case transaction.
#[derive(Debug, Clone)]
pub(crate) struct UseCase {
    what: String,
    now: OffsetDateTime,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("actor", &self.actor)
            .finish_non_exhaustive()
    }
}

/// Opens a connection with the settings that do not write to the file: busy timeout, foreign
/// keys, untrusted schema, defensive mode. The URI syntax is not honoured: a path is a path.
pub(crate) fn open_connection(path: &Path, read_only: bool) -> Result<Connection> {
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let what = format!("open {}", path.display());
    let conn = Connection::open_with_flags(path, flags).ctx(&what)?;
    conn.busy_timeout(BUSY_TIMEOUT).ctx(&what)?;
    conn.pragma_update(None, "foreign_keys", "ON").ctx(&what)?;
    conn.pragma_update(None, "trusted_schema", "OFF")
        .ctx(&what)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)
        .ctx(&what)?;
    if read_only {
        conn.pragma_update(None, "query_only", "ON").ctx(&what)?;
    }
    Ok(conn)
}

/// Switches to WAL with `synchronous=FULL` and checks that every setting took.
pub(crate) fn make_durable(conn: &Connection, path: &Path) -> Result<()> {
    let what = format!("configure {}", path.display());
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
        .ctx(&what)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Io {
            what,
            source: std::io::Error::other(format!(
                "the file system refused write-ahead logging (journal_mode={mode}); \
                 network drives are not supported"
            )),
        });
    }
    conn.pragma_update(None, "synchronous", "FULL").ctx(&what)?;
    let p = read_pragmas(conn)?;
    let ok = p.synchronous == 2
        && p.foreign_keys
        && !p.trusted_schema
        && p.busy_timeout_ms == BUSY_TIMEOUT.as_millis() as i64;
    if !ok {
        return Err(Error::Io {
            what,
            source: std::io::Error::other(format!("connection settings did not take: {p:?}")),
        });
    }
    Ok(())
}

pub(crate) fn read_pragmas(conn: &Connection) -> Result<Pragmas> {
    let what = "read connection settings";
    let int =
        |name: &str| -> Result<i64> { conn.pragma_query_value(None, name, |r| r.get(0)).ctx(what) };
    Ok(Pragmas {
        journal_mode: conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .ctx(what)?,
        synchronous: int("synchronous")?,
        foreign_keys: int("foreign_keys")? == 1,
        busy_timeout_ms: int("busy_timeout")?,
        trusted_schema: int("trusted_schema")? == 1,
        user_version: int("user_version")?,
    })
}

/// A write in progress: the connection inside its `IMMEDIATE` transaction (its own, or the
/// use case's: see [`Store::begin`]), the instant it is stamped with, and who makes it.
pub(crate) struct Tx<'a> {
    pub tx: &'a Connection,
    pub now: OffsetDateTime,
    pub actor: &'a str,
}

impl Tx<'_> {
    /// Appends the audit entry describing this change.
    pub fn audit(
        &self,
        action: &str,
        entity: &str,
        entity_id: impl ToString,
        detail: impl Into<String>,
    ) -> Result<()> {
        audit::append(
            self.tx,
            self.now,
            self.actor,
            Change {
                action,
                entity,
                entity_id: entity_id.to_string(),
                detail: detail.into(),
            },
        )
        .map(|_| ())
    }
}

impl Store {
    /// Opens (creating if needed) the minute book at `path` with default options: the system
    /// clock, actor "local", backups kept per the stored setting.
    ///
    /// # Errors
    /// See [`Store::open_with`].
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Self::open_with(path, OpenOptions::default())
    }

    /// Opens (creating if needed) the minute book at `path`.
    ///
    /// Every connection gets `busy_timeout` = [`BUSY_TIMEOUT`], `foreign_keys=ON`,
    /// `trusted_schema=OFF` and defensive mode; the database is put in WAL mode with
    /// `synchronous=FULL`. Pending schema migrations run in one transaction, after a backup of
    /// a non-empty database is written next to it (`<name>.before-v<N>.<timestamp>.bak`).
    ///
    /// # Errors
    /// [`Error::TooNew`] for a database from a newer program and [`Error::NotMinutebook`] for
    /// another application's database (both left untouched); [`Error::Locked`],
    /// [`Error::DiskFull`], [`Error::Io`], [`Error::Corrupt`] as they occur.
    pub fn open_with(path: impl AsRef<Path>, options: OpenOptions) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::io(format!("create {}", dir.display()), e))?;
        }
        let mut conn = open_connection(&path, false)?;
        // Refuse before anything writes to the file (switching to WAL rewrites its header).
        migrations::check_openable(&conn, &path)?;
        make_durable(&conn, &path)?;
        migrations::migrate(&mut conn, &path, &options)?;
        Ok(Store {
            conn,
            path,
            clock: options.clock,
            actor: options.actor,
            use_case: None,
        })
    }

    /// The file this store was opened on.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection settings in force (for tests and diagnostics).
    pub fn pragmas(&self) -> Result<Pragmas> {
        read_pragmas(&self.conn)
    }

    /// Changes who is recorded in the audit log for later changes.
    pub fn set_actor(&mut self, actor: &str) {
        self.actor = actor.to_owned();
    }

    /// Begins a use case's one `IMMEDIATE` transaction: every read and write made through this
    /// store until [`Store::commit`] or [`Store::rollback`] joins it, so a use case that reads,
    /// decides and writes several things is applied whole or not at all (a crash, a full disk
    /// or an error in between leaves none of it). Each write inside it still appends its own
    /// audit entry and is undone alone if it fails (a `SAVEPOINT`); all its entries carry the
    /// instant read once the write lock is held. `what` names the use case in errors.
    ///
    /// Prefer [`Store::transaction`], which commits or rolls back for you.
    ///
    /// # Errors
    /// [`Error::Locked`] when another connection holds the write lock past [`BUSY_TIMEOUT`];
    /// [`Error::Constraint`] when a use case is already open on this store (they do not nest).
    pub fn begin(&mut self, what: &str) -> Result<()> {
        if let Some(open) = &self.use_case {
            return Err(Error::Constraint {
                what: what.to_owned(),
                detail: format!("the use case {:?} is still open", open.what),
            });
        }
        self.conn.execute_batch("BEGIN IMMEDIATE").ctx(what)?;
        // Read the clock once the write lock is held, so audit times follow audit order.
        self.use_case = Some(UseCase {
            what: what.to_owned(),
            now: self.clock.now(),
        });
        Ok(())
    }

    /// Commits the use case begun by [`Store::begin`].
    ///
    /// # Errors
    /// [`Error::Constraint`] when no use case is open; storage errors from `COMMIT` (then the
    /// use case is rolled back: nothing of it is written).
    pub fn commit(&mut self) -> Result<()> {
        let Some(open) = self.use_case.take() else {
            return Err(Error::Constraint {
                what: "commit".to_owned(),
                detail: "no use case is open".to_owned(),
            });
        };
        if let Err(e) = self.conn.execute_batch("COMMIT") {
            let _ = self.conn.execute_batch("ROLLBACK");
            return Err(e).ctx(&open.what);
        }
        Ok(())
    }

    /// Abandons the use case begun by [`Store::begin`]: nothing it wrote is kept. Does nothing
    /// when none is open.
    pub fn rollback(&mut self) {
        if self.use_case.take().is_some() {
            // Fails only when SQLite already rolled back (e.g. after SQLITE_FULL): either way
            // nothing of the use case is in the file.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }

    /// Whether a use case is open ([`Store::begin`]).
    pub fn in_use_case(&self) -> bool {
        self.use_case.is_some()
    }

    /// Runs `f` as one use case ([`Store::begin`]): commits when it returns `Ok`, rolls back
    /// when it returns `Err`.
    ///
    /// # Errors
    /// `f`'s error, or the storage error of beginning or committing.
    pub fn transaction<T, E: From<Error>>(
        &mut self,
        what: &str,
        f: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.begin(what)?;
        match f(self) {
            Ok(v) => {
                self.commit()?;
                Ok(v)
            }
            Err(e) => {
                self.rollback();
                Err(e)
            }
        }
    }

    /// Runs `f` in one read transaction (a consistent snapshot), or inside the open use case.
    pub(crate) fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        if self.use_case.is_some() {
            return f(&self.conn);
        }
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Deferred)
            .ctx("begin reading")?;
        f(&tx)
    }

    /// Runs `f` in one `IMMEDIATE` write transaction and commits; on any error nothing is
    /// written. Inside an open use case ([`Store::begin`]) it runs in a savepoint of the use
    /// case's transaction instead, undone alone on error. `what` names the operation in
    /// error messages.
    pub(crate) fn write<T>(
        &mut self,
        what: &str,
        f: impl FnOnce(&Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        if let Some(open) = &self.use_case {
            self.conn.execute_batch("SAVEPOINT write").ctx(what)?;
            let tx = Tx {
                tx: &self.conn,
                now: open.now,
                actor: &self.actor,
            };
            return match f(&tx) {
                Ok(out) => {
                    self.conn.execute_batch("RELEASE write").ctx(what)?;
                    Ok(out)
                }
                Err(e) => {
                    let _ = self.conn.execute_batch("ROLLBACK TO write; RELEASE write");
                    Err(e)
                }
            };
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .ctx(what)?;
        // Read the clock once the write lock is held, so audit times follow audit order.
        let now = self.clock.now();
        let out = f(&Tx {
            tx: &tx,
            now,
            actor: &self.actor,
        })?;
        tx.commit().ctx(what)?;
        Ok(out)
    }
}
