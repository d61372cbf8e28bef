// The app's IPC commands, in one list shared by build.rs (the AppManifest allow-list, via
// `include!`) and by the crate (tests compare it with `generate_handler!` and the capability).
// Adding a command means adding it here, in `with_commands`, and in capabilities/main.json.

/// Names of every command registered by [`crate::with_commands`], in registration order.
pub const COMMAND_NAMES: &[&str] = &["app_info", "app_ready"];
