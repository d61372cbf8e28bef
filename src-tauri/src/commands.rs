//! The app's IPC commands. They live in this submodule, not in lib.rs, because
//! `#[tauri::command] pub fn` at the crate root collides with its generated macro (E0255).
//!
//! Each command should stay a thin delegation; once `minutebook-api` is usable, commands call its
//! use cases and map its errors to [`CommandError`]. Every name here must be listed in
//! `src/command_names.rs` and granted in `capabilities/main.json` (a test checks both).

use std::time::Instant;

use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use crate::data_dir;
use crate::error::CommandError;

/// When `run()` started; `app_ready` reports the time to first paint from here.
#[derive(Debug, Clone, Copy)]
pub struct StartedAt(pub Instant);

/// What `app_info` returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    /// The app's version (Cargo package version).
    pub version: String,
    /// Absolute path of the data folder (it may not exist yet).
    pub data_dir: String,
}

/// Version and data folder of the running app.
#[tauri::command]
pub fn app_info<R: Runtime>(app: AppHandle<R>) -> Result<AppInfo, CommandError> {
    let dir = data_dir::resolve(&app)?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: dir.display().to_string(),
    })
}

/// Called by the UI once its first screen has painted; logs the startup time for benchmarks.
#[tauri::command]
pub fn app_ready(started: State<'_, StartedAt>) -> Result<(), CommandError> {
    let ms = started.0.elapsed().as_millis();
    eprintln!("minutebook: first paint {ms} ms after start");
    Ok(())
}
