//! Native file dialogs, opened **from Rust**.
//!
//! The webview has no `dialog:*` and no `fs:*` permission: a command asks the user for a path
//! here, then Rust reads or writes the file itself. The webview never names a path to write.
//!
//! The blocking helpers must run off the main thread: call them from `async` commands.
//!
//! # Getting past the dialogs in end-to-end tests
//!
//! WebDriver cannot drive a native GTK dialog. When the crate is compiled with the test-only
//! cargo feature `e2e` (`cargo build -p minutebook-desktop --features e2e`, used by
//! `scripts/test-desktop`), the environment variables [`E2E_OPEN_PATH_ENV`] and
//! [`E2E_SAVE_PATH_ENV`] stand in for the user's choice: the e2e harness sets them before it starts
//! the app (they pass through tauri-driver and WebKitWebDriver). User builds are compiled without
//! the feature, so in them these variables are ignored and the real dialog always opens.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// With feature `e2e` only: the path the "open" dialog returns without showing itself.
pub const E2E_OPEN_PATH_ENV: &str = "MINUTEBOOK_E2E_OPEN_PATH";
/// With feature `e2e` only: the path the "save" dialog returns without showing itself.
pub const E2E_SAVE_PATH_ENV: &str = "MINUTEBOOK_E2E_SAVE_PATH";

/// Whether this build honours the e2e dialog overrides (true only with feature `e2e`).
pub const E2E_OVERRIDES_COMPILED_IN: bool = cfg!(feature = "e2e");

/// The variable may list several paths separated by `;`: the dialog returns the first whose
/// extension is one it asks for (so one test run can import a CSV and verify a PDF), or the
/// first path when the dialog asks for no particular extension.
#[cfg(feature = "e2e")]
fn e2e_override_for(var: &str, extensions: &[&str]) -> Option<PathBuf> {
    let value = std::env::var(var).ok().filter(|v| !v.is_empty())?;
    let paths: Vec<PathBuf> = value.split(';').map(PathBuf::from).collect();
    paths
        .iter()
        .find(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
        })
        .or_else(|| extensions.is_empty().then(|| paths.first()).flatten())
        .cloned()
}

#[cfg(not(feature = "e2e"))]
fn e2e_override_for(_var: &str, _extensions: &[&str]) -> Option<PathBuf> {
    None
}

fn e2e_override(var: &str) -> Option<PathBuf> {
    e2e_override_for(var, &[])
}

/// Asks the user for a file to open; `None` if they cancel.
pub fn pick_open_path<R: Runtime>(
    app: &AppHandle<R>,
    filter_name: &str,
    extensions: &[&str],
) -> Option<PathBuf> {
    if let Some(path) = e2e_override_for(E2E_OPEN_PATH_ENV, extensions) {
        return Some(path);
    }
    app.dialog()
        .file()
        .add_filter(filter_name, extensions)
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// Asks the user where to save a file; `None` if they cancel.
pub fn pick_save_path<R: Runtime>(
    app: &AppHandle<R>,
    suggested_name: &str,
    filter_name: &str,
    extensions: &[&str],
) -> Option<PathBuf> {
    if let Some(path) = e2e_override_for(E2E_SAVE_PATH_ENV, extensions) {
        return Some(path);
    }
    app.dialog()
        .file()
        .set_file_name(suggested_name)
        .add_filter(filter_name, extensions)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

/// Asks the user for a folder (e.g. signatures sent back); `None` if they cancel. In e2e
/// builds [`E2E_OPEN_PATH_ENV`] stands in for it as for files.
pub fn pick_folder<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    if let Some(path) = e2e_override(E2E_OPEN_PATH_ENV) {
        return Some(path);
    }
    app.dialog()
        .file()
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
}

/// With feature `e2e` only: when set, [`open_in_system_viewer`] appends the path to this file
/// (one per line) instead of starting a viewer, so a test can see what would have opened.
pub const E2E_OPENED_LOG_ENV: &str = "MINUTEBOOK_E2E_OPENED_LOG";

/// Opens `path` with the system's default application (xdg-open / `open` / the Windows shell,
/// through the `open` crate), without waiting for it.
///
/// # Errors
/// When no viewer could be started.
pub fn open_in_system_viewer(path: &std::path::Path) -> std::io::Result<()> {
    #[cfg(feature = "e2e")]
    if let Some(log) = std::env::var_os(E2E_OPENED_LOG_ENV) {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)?;
        return writeln!(f, "{}", path.display());
    }
    open::that_detached(path)
}
