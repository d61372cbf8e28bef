//! Minutebook's desktop shell: a Tauri 2 window around the Svelte UI in `../ui`.
//!
//! This is the only crate that depends on `tauri`. It holds window setup, the IPC commands
//! ([`commands`]), the security configuration (`tauri.conf.json`: CSP, `freezePrototype`;
//! `capabilities/main.json`; the command allow-list in `build.rs`), and native dialogs
//! ([`dialogs`]). Domain logic belongs in `minutebook-api` and below, not here.
//!
//! Building a Debian package (not part of every CI run): `scripts/build-deb`, i.e. from the repo
//! root `ui/node_modules/.bin/tauri build --bundles deb --config '{"bundle":{"active":true}}'`
//! after `npm run build` in `ui/` (the CLI finds `src-tauri/tauri.conf.json`; output in
//! `target/release/bundle/deb/`). `bundle.active` is false so that other builds skip bundling.

pub mod commands;
pub mod data_dir;
pub mod dialogs;
pub mod error;

mod command_names;
pub mod room;
mod startup_trace;

use std::time::Instant;

use tauri::webview::PageLoadEvent;
use tauri::{Builder, Runtime};

pub use command_names::COMMAND_NAMES;

/// Registers the app's commands, plugins and state on a builder. Generic over the runtime so
/// tests can use `tauri::test::mock_builder()`. Keep the handler list in step with
/// [`COMMAND_NAMES`] (a test compares them).
pub fn with_commands<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(commands::StartedAt(Instant::now()))
        .manage(commands::BookState::default())
        .manage(commands::Exported::default())
        .manage(commands::TrustFiles::default())
        .manage(room::HostedRoom::default())
        .manage(room::MemberRoom::default())
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::app_ready,
            commands::get_cell,
            commands::create_cell,
            commands::open_book_dialog,
            commands::import_roster_dialog,
            commands::list_members,
            commands::list_keys,
            commands::create_key,
            commands::pin_key_dialog,
            commands::save_member,
            commands::list_meetings,
            commands::search_minutes,
            commands::create_meeting,
            commands::open_meeting,
            commands::save_meeting,
            commands::preview_figures,
            commands::close_check,
            commands::close_meeting,
            commands::reopen_meeting,
            commands::record_info,
            commands::sign_record,
            commands::set_default_reading,
            commands::export_dialog,
            commands::invitation_warnings,
            commands::open_exported,
            commands::export_signing_request_dialog,
            commands::import_attestations_dialog,
            commands::verify_dialog,
            commands::backup_now,
            commands::backup_status,
            commands::set_backups_to_keep,
            commands::dashboard,
            commands::export_dashboard_dialog,
            commands::load_trust_dialog,
            commands::clear_trust_files,
            commands::draft_resolution,
            room::room_open,
            room::room_view,
            room::room_command,
            room::room_end,
            room::member_key_get,
            room::member_key_make,
            room::member_key_import_dialog,
            room::member_key_export_dialog,
            room::member_join,
            room::member_view,
            room::member_check_in,
            room::member_speak,
            room::member_vote,
            room::member_read,
            room::member_open_minutes,
            room::member_sign,
            room::member_leave,
            room::member_records,
            room::member_discover,
        ])
}

/// The compiled-in context: tauri.conf.json, the embedded UI (`../ui/dist`) and the ACL.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// Opens the Minutebook window and runs until it is closed.
pub fn run() {
    startup_trace::start();
    let app = with_commands(Builder::default())
        .setup(|app| {
            commands::open_book_in_background(app.handle().clone());
            Ok(())
        })
        .on_page_load(|_, payload| {
            if matches!(payload.event(), PageLoadEvent::Finished) {
                startup_trace::page_loaded();
            }
        })
        .run(context());
    if let Err(error) = app {
        eprintln!("minutebook: failed to start: {error}");
        std::process::exit(1);
    }
}
