// The app's IPC commands, in one list shared by build.rs (the AppManifest allow-list, via
// `include!`) and by the crate (tests compare it with `generate_handler!` and the capability).
// Adding a command means adding it here, in `with_commands`, and in capabilities/main.json.

/// Names of every command registered by [`crate::with_commands`], in registration order.
pub const COMMAND_NAMES: &[&str] = &[
    "app_info",
    "app_ready",
    "get_cell",
    "create_cell",
    "open_book_dialog",
    "import_roster_dialog",
    "list_members",
    "list_keys",
    "create_key",
    "save_member",
    "list_meetings",
    "search_minutes",
    "create_meeting",
    "open_meeting",
    "save_meeting",
    "preview_figures",
    "close_check",
    "close_meeting",
    "reopen_meeting",
    "record_info",
    "sign_record",
    "set_default_reading",
    "export_dialog",
    "open_exported",
    "export_signing_request_dialog",
    "import_attestations_dialog",
    "verify_dialog",
    "backup_now",
    "backup_status",
    "set_backups_to_keep",
];
