//! Where the minute book lives on disk.

use std::path::PathBuf;

use tauri::{Manager, Runtime};

use crate::error::{CommandError, ErrorCode};

/// Environment variable that overrides the data folder (tests point it at a temp dir).
pub const DATA_DIR_ENV: &str = "MINUTEBOOK_DATA_DIR";

/// Folder name under the OS data directory (`~/.local/share` on Linux).
pub const DATA_DIR_NAME: &str = "minutebook";

/// The data folder: `$MINUTEBOOK_DATA_DIR` if set and non-empty, else `<OS data dir>/minutebook`.
/// Does not create it.
pub fn resolve<R: Runtime, M: Manager<R>>(manager: &M) -> Result<PathBuf, CommandError> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    manager
        .path()
        .data_dir()
        .map(|base| base.join(DATA_DIR_NAME))
        .map_err(|e| CommandError::new(ErrorCode::Io, format!("no OS data directory: {e}")))
}
