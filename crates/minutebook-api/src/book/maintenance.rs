//! Backups and their settings.

use std::path::PathBuf;

use super::*;
use crate::backup_status::*;
use crate::backups::backups_dir;

impl Book {
    /// Writes a consistent copy of the minute book to `path` (which must not exist).
    ///
    /// # Errors
    /// `Io`, `DiskFull`.
    pub fn backup(&self, path: &Path) -> Result<(), ApiError> {
        Ok(self.store.backup_to(path)?)
    }
}

impl Book {
    /// The backups folder, the number kept, the backups of this book there (newest first) and
    /// today's automatic backup problem, if any.
    ///
    /// # Errors
    /// Storage errors reading the setting; an unreadable folder is shown as empty.
    pub fn backup_status(&self) -> Result<BackupStatus, ApiError> {
        let folder = backups_dir(self.path());
        let stem = file_name(self.path());
        let mut files: Vec<(std::time::SystemTime, BackupFileView)> = std::fs::read_dir(&folder)
            .map(|rd| {
                rd.filter_map(|e| {
                    let e = e.ok()?;
                    let name = e.file_name().into_string().ok()?;
                    if !name.starts_with(&format!("{stem}.")) || !name.ends_with(".bak") {
                        return None;
                    }
                    let meta = e.metadata().ok()?;
                    let modified = meta.modified().ok();
                    Some((
                        modified.unwrap_or(std::time::UNIX_EPOCH),
                        BackupFileView {
                            name,
                            bytes: meta.len(),
                            modified: modified.and_then(rfc3339),
                        },
                    ))
                })
                .collect()
            })
            .unwrap_or_default();
        files.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| b.1.name.cmp(&a.1.name)));
        Ok(BackupStatus {
            folder: folder.display().to_string(),
            keep: self.store().backups_to_keep()?,
            files: files.into_iter().map(|(_, f)| f).collect(),
            daily_warning: match self.daily_backup() {
                DailyBackup::Failed { error } => Some(error.message.clone()),
                _ => None,
            },
        })
    }

    /// Sets how many automatic backups of each kind to keep (1 to [`MAX_BACKUPS_TO_KEEP`]).
    /// Takes effect at the next automatic backup, which prunes the oldest.
    ///
    /// # Errors
    /// `InvalidInput` outside 1..=366.
    pub fn set_backups_to_keep(&mut self, keep: usize) -> Result<(), ApiError> {
        if !(1..=MAX_BACKUPS_TO_KEEP).contains(&keep) {
            return Err(ApiError::invalid(format!(
                "backups_to_keep: {keep} is not between 1 and {MAX_BACKUPS_TO_KEEP}"
            )));
        }
        Ok(self.store_mut().set_backups_to_keep(keep)?)
    }

    /// Writes a backup now into the backups folder as
    /// `<db file name>.manual-<YYYYMMDD-HHMMSS>.bak` (UTC; a consistent copy even while the book is
    /// being edited). Manual backups are never pruned. Returns the file written.
    ///
    /// # Errors
    /// `DiskFull`, `Io` or `Storage`; nothing partial is left behind.
    pub fn backup_now(&self) -> Result<PathBuf, ApiError> {
        let folder = backups_dir(self.path());
        std::fs::create_dir_all(&folder)
            .map_err(|e| ApiError::io(format!("{}: {e}", folder.display())))?;
        let now = self.now();
        let stamp = format!(
            "{:04}{:02}{:02}-{:02}{:02}{:02}",
            now.year(),
            u8::from(now.month()),
            now.day(),
            now.hour(),
            now.minute(),
            now.second()
        );
        let path = folder.join(format!("{}.manual-{stamp}.bak", file_name(self.path())));
        self.backup(&path)?;
        Ok(path)
    }
}

fn file_name(p: &std::path::Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "minutebook.db".into())
}

fn rfc3339(t: std::time::SystemTime) -> Option<String> {
    time::OffsetDateTime::from(t)
        .format(&time::format_description::well_known::Rfc3339)
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::book_with_cell;

    #[test]
    pub(super) fn status_lists_this_books_backups_and_the_number_kept_is_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("so-bien-ban.db");
        drop(book_with_cell(dir.path(), "so-bien-ban.db"));
        // Reopened: the day's automatic backup exists now.
        let mut b = Book::open(&db).unwrap();
        let manual = b.backup_now().unwrap();
        // Another book's backup in the same folder is not listed.
        std::fs::write(dir.path().join("backups/other.db.manual-x.bak"), b"x").unwrap();
        let s = b.backup_status().unwrap();
        assert_eq!(s.folder, dir.path().join("backups").display().to_string());
        let names: Vec<&str> = s.files.iter().map(|f| f.name.as_str()).collect();
        assert!(
            names.iter().any(|n| n.starts_with("so-bien-ban.db.daily-")),
            "{names:?}"
        );
        assert!(
            names.contains(&manual.file_name().unwrap().to_str().unwrap()),
            "{names:?}"
        );
        assert!(!names.iter().any(|n| n.starts_with("other")));
        assert!(s.files.iter().all(|f| f.bytes > 0 && f.modified.is_some()));
        assert_eq!(s.daily_warning, None);
        // The manual backup is a working minute book.
        let copy = Book::open(&manual).unwrap();
        assert_eq!(copy.cell().unwrap().unwrap().name, "Chi bộ Tổ dân phố số 7");

        b.set_backups_to_keep(30).unwrap();
        assert_eq!(b.backup_status().unwrap().keep, 30);
        for bad in [0, MAX_BACKUPS_TO_KEEP + 1] {
            assert_eq!(
                b.set_backups_to_keep(bad).unwrap_err().code,
                crate::ErrorCode::InvalidInput
            );
        }
        assert_eq!(b.backup_status().unwrap().keep, 30);
    }
}
