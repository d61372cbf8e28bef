//! Reading input files with a size cap, and writing output files atomically.

use std::io::Write;
use std::path::Path;

use crate::error::ApiError;

/// Largest input file read (roster, meeting file, key, PDF): 64 MiB.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads `path` whole, refusing files over [`MAX_INPUT_BYTES`].
///
/// # Errors
/// [`ApiError`] naming the file.
pub fn read_input_file(path: &Path) -> Result<Vec<u8>, ApiError> {
    let meta =
        std::fs::metadata(path).map_err(|e| ApiError::io(format!("{}: {e}", path.display())))?;
    if !meta.is_file() {
        return Err(ApiError::invalid(format!(
            "{} is not a file",
            path.display()
        )));
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(ApiError::invalid(format!(
            "{} is {} bytes; the limit is {MAX_INPUT_BYTES}",
            path.display(),
            meta.len()
        )));
    }
    std::fs::read(path).map_err(|e| ApiError::io(format!("{}: {e}", path.display())))
}

/// Reads a passphrase from the first line of `path` (without the line ending).
///
/// # Errors
/// [`ApiError`] when the file cannot be read or the passphrase is empty.
pub fn read_passphrase_file(path: &Path) -> Result<Vec<u8>, ApiError> {
    let bytes = read_input_file(path)?;
    let line = bytes.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.is_empty() {
        return Err(ApiError::invalid(format!(
            "{}: the passphrase is empty",
            path.display()
        )));
    }
    Ok(line.to_vec())
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed and synced,
/// then renamed over the target, and the folder synced. A crash leaves the old file or the new
/// one, never a torn one.
///
/// # Errors
/// [`ApiError`] naming the file (a full disk included).
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| ApiError::invalid(format!("{} is not a file name", path.display())))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok::<(), std::io::Error>(())
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        let code = if e.raw_os_error() == Some(28) {
            crate::ErrorCode::DiskFull
        } else {
            crate::ErrorCode::Io
        };
        ApiError::new(code, format!("{}: {e}", path.display()))
    })
}
