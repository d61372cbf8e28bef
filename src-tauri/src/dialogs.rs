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

#[cfg(feature = "e2e")]
fn e2e_override(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

#[cfg(not(feature = "e2e"))]
fn e2e_override(_var: &str) -> Option<PathBuf> {
    None
}

/// Asks the user for a file to open; `None` if they cancel.
pub fn pick_open_path<R: Runtime>(
    app: &AppHandle<R>,
    filter_name: &str,
    extensions: &[&str],
) -> Option<PathBuf> {
    if let Some(path) = e2e_override(E2E_OPEN_PATH_ENV) {
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
    if let Some(path) = e2e_override(E2E_SAVE_PATH_ENV) {
        return Some(path);
    }
    app.dialog()
        .file()
        .set_file_name(suggested_name)
        .add_filter(filter_name, extensions)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}
