//! Backups: consistent copies made with `VACUUM INTO` (never a file copy of the live
//! database), checked with `PRAGMA integrity_check` before they are given their final name.
//!
//! Automatic backups live next to their database or in a folder the caller names, and only the
//! newest K of each kind are kept:
//! - before a migration: `<db file name>.before-v<N>.<YYYYMMDDTHHMMSSZ>.bak`;
//! - daily: `<db file name>.daily-<YYYY-MM-DD>.bak`.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use time::macros::format_description;
use time::{Date, OffsetDateTime, UtcOffset};

use crate::connection::{Store, open_connection};
use crate::error::{Context, Error, Result};
use crate::values::date_text;

/// Checks a database connection: `PRAGMA integrity_check` says "ok" and
/// `PRAGMA foreign_key_check` finds nothing.
pub(crate) fn check_integrity(conn: &Connection, what: &str) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA integrity_check").ctx(what)?;
    let problems: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .ctx(what)?
        .collect::<rusqlite::Result<_>>()
        .ctx(what)?;
    if problems != ["ok"] {
        return Err(Error::Corrupt(format!("{what}: {}", problems.join("; "))));
    }
    let mut stmt = conn.prepare("PRAGMA foreign_key_check").ctx(what)?;
    let dangling: Vec<String> = stmt
        .query_map([], |r| {
            Ok(format!(
                "{} row {} points to a missing {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or(0),
                r.get::<_, String>(2)?
            ))
        })
        .ctx(what)?
        .collect::<rusqlite::Result<_>>()
        .ctx(what)?;
    if !dangling.is_empty() {
        return Err(Error::Corrupt(format!("{what}: {}", dangling.join("; "))));
    }
    Ok(())
}

fn sync_dir(dir: &Path) {
    // Makes the new name durable where the OS allows opening a directory (not on Windows);
    // failure here does not undo the already-synced file.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Writes a consistent copy of `conn`'s database to `dest`, which must not exist: first to a
/// hidden partial file in the same folder, synced and integrity-checked, then renamed.
pub(crate) fn vacuum_into(conn: &Connection, dest: &Path) -> Result<()> {
    if dest.exists() {
        return Err(Error::AlreadyExists(dest.to_path_buf()));
    }
    let name = dest
        .file_name()
        .ok_or_else(|| Error::invalid("backup path", format!("{} names no file", dest.display())))?
        .to_string_lossy()
        .into_owned();
    let dir = match dest.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let partial = dir.join(format!(".{name}.partial"));
    let partial_str = partial.to_str().ok_or_else(|| {
        Error::invalid(
            "backup path",
            format!("{} is not valid UTF-8", partial.display()),
        )
    })?;
    if partial.exists() {
        fs::remove_file(&partial)
            .map_err(|e| Error::io(format!("remove {}", partial.display()), e))?;
    }
    let what = format!("write the backup {}", dest.display());
    let result = (|| {
        conn.execute("VACUUM INTO ?1", [partial_str]).ctx(&what)?;
        fs::File::open(&partial)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(format!("sync {}", partial.display()), e))?;
        let check = open_connection(&partial, true)?;
        check_integrity(&check, &format!("check the backup {}", dest.display()))?;
        drop(check);
        if dest.exists() {
            return Err(Error::AlreadyExists(dest.to_path_buf()));
        }
        fs::rename(&partial, dest)
            .map_err(|e| Error::io(format!("rename to {}", dest.display()), e))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&partial);
    }
    result?;
    sync_dir(&dir);
    Ok(())
}

/// Deletes the oldest files in `dir` named `<prefix>…<stamp>.bak` beyond the newest `keep`,
/// ordering by the stamp (the dot-separated part before ".bak").
pub(crate) fn prune(dir: &Path, prefix: &str, keep: usize) -> Result<Vec<PathBuf>> {
    let entries = fs::read_dir(dir).map_err(|e| Error::io(format!("list {}", dir.display()), e))?;
    let mut found: Vec<(String, String)> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(rest) = name.strip_prefix(prefix)
            && let Some(rest) = rest.strip_suffix(".bak")
        {
            let stamp = rest.rsplit('.').next().unwrap_or(rest).to_owned();
            found.push((stamp, name));
        }
    }
    found.sort();
    let excess = found.len().saturating_sub(keep);
    let mut removed = Vec::new();
    for (_, name) in found.into_iter().take(excess) {
        let p = dir.join(name);
        fs::remove_file(&p).map_err(|e| Error::io(format!("remove {}", p.display()), e))?;
        removed.push(p);
    }
    Ok(removed)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "minutebook.db".to_owned())
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The pre-migration backup of the database at `db`, then pruning to the newest `keep`.
pub(crate) fn before_migration(
    conn: &Connection,
    db: &Path,
    to_version: i64,
    now: OffsetDateTime,
    keep: usize,
) -> Result<PathBuf> {
    let stamp = now
        .to_offset(UtcOffset::UTC)
        .format(format_description!(
            "[year][month][day]T[hour][minute][second]Z"
        ))
        .map_err(|e| Error::invalid("backup time", e.to_string()))?;
    let dir = folder_of(db);
    let name = file_name(db);
    let mut dest = dir.join(format!("{name}.before-v{to_version}.{stamp}.bak"));
    let mut n = 1;
    while dest.exists() {
        n += 1;
        dest = dir.join(format!("{name}.before-v{to_version}.{stamp}-{n}.bak"));
    }
    vacuum_into(conn, &dest)?;
    prune(&dir, &format!("{name}.before-v"), keep.max(1))?;
    Ok(dest)
}

impl Store {
    /// Writes a consistent copy of the minute book to `dest` while other connections may keep
    /// writing, and checks it (`integrity_check`, `foreign_key_check`) before giving it its
    /// name.
    ///
    /// # Errors
    /// [`Error::AlreadyExists`] when `dest` exists (it is never overwritten);
    /// [`Error::DiskFull`], [`Error::Io`], [`Error::Corrupt`] as they occur — in every case no
    /// file is left at `dest`.
    pub fn backup_to(&self, dest: impl AsRef<Path>) -> Result<()> {
        vacuum_into(&self.conn, dest.as_ref())
    }

    /// Checks the open database: `PRAGMA integrity_check` is "ok" and no foreign key dangles.
    ///
    /// # Errors
    /// [`Error::Corrupt`] listing what SQLite found.
    pub fn integrity_check(&self) -> Result<()> {
        check_integrity(&self.conn, &format!("check {}", self.path.display()))
    }

    /// The rolling daily backup: when `dir` holds no backup for `today`, writes
    /// `<db file name>.daily-<today>.bak` there and deletes the oldest beyond the newest
    /// `keep`. Returns the path written, or `None` when today's backup already exists.
    ///
    /// # Errors
    /// As [`Store::backup_to`]; [`Error::Io`] when `dir` cannot be created or listed.
    pub fn maybe_daily_backup(
        &self,
        dir: impl AsRef<Path>,
        today: Date,
        keep: usize,
    ) -> Result<Option<PathBuf>> {
        let dir = dir.as_ref();
        fs::create_dir_all(dir).map_err(|e| Error::io(format!("create {}", dir.display()), e))?;
        let prefix = format!("{}.daily-", file_name(&self.path));
        let dest = dir.join(format!("{prefix}{}.bak", date_text(today)));
        if dest.exists() {
            return Ok(None);
        }
        vacuum_into(&self.conn, &dest)?;
        prune(dir, &prefix, keep.max(1))?;
        Ok(Some(dest))
    }
}
