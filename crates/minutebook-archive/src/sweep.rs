//! The drop folder: a folder (a USB stick, a synced folder) where cells' bundles and PDFs are
//! dropped. A sweep ingests every entry and moves it into `accepted/` (stored, or already held)
//! or `quarantine/` (refused; the reason is in the database and printed), so what is left in
//! the folder is only what has not been looked at yet.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use postgres::Client;

use crate::error::ArchiveError;
use crate::ingest::{Received, Verdict, ingest};
use crate::input::candidate;

/// Subfolder for what was stored or already held.
pub const ACCEPTED_DIR: &str = "accepted";
/// Subfolder for what was refused.
pub const QUARANTINE_DIR: &str = "quarantine";

/// Ingests every entry of `dir` (in name order) modified at least `min_age` ago — younger ones
/// may still be being copied and wait for the next sweep — and moves each into
/// [`ACCEPTED_DIR`] or [`QUARANTINE_DIR`]. Names starting with `.` are skipped (partial
/// copies of sync tools).
///
/// # Errors
/// [`ArchiveError::Io`] when `dir` cannot be listed or an entry cannot be moved;
/// [`ArchiveError::Db`] when the database is lost.
pub fn sweep(
    client: &mut Client,
    dir: &Path,
    min_age: Duration,
) -> Result<Vec<Received>, ArchiveError> {
    let accepted = dir.join(ACCEPTED_DIR);
    let quarantine = dir.join(QUARANTINE_DIR);
    for d in [&accepted, &quarantine] {
        std::fs::create_dir_all(d).map_err(|e| ArchiveError::io(d, &e))?;
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| ArchiveError::io(dir, &e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| *p != accepted && *p != quarantine)
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .filter(|p| old_enough(p, min_age))
        .collect();
    entries.sort();
    let mut out = Vec::new();
    for p in entries {
        let c = candidate(&p);
        let verdict = ingest(client, &c)?;
        let to = match verdict {
            Verdict::Accepted { .. } | Verdict::AlreadyReceived { .. } => &accepted,
            Verdict::Quarantined { .. } | Verdict::AlreadyQuarantined { .. } => &quarantine,
        };
        let moved = move_into(&p, to)?;
        out.push(Received {
            path: moved,
            verdict,
        });
    }
    Ok(out)
}

fn old_enough(p: &Path, min_age: Duration) -> bool {
    if min_age.is_zero() {
        return true;
    }
    std::fs::symlink_metadata(p)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age >= min_age)
}

/// Moves `p` into folder `to` under its own name, or `name.2`, `name.3`… when taken.
fn move_into(p: &Path, to: &Path) -> Result<PathBuf, ArchiveError> {
    let name = p
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let mut target = to.join(&name);
    let mut n = 2;
    while target.exists() {
        target = to.join(format!("{name}.{n}"));
        n += 1;
    }
    std::fs::rename(p, &target).map_err(|e| ArchiveError::io(p, &e))?;
    Ok(target)
}
