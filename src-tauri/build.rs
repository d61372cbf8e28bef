//! Generates Tauri's context and the ACL for the app's own commands.
//!
//! With an `AppManifest` command list, each command gets `allow-<name>`/`deny-<name>`
//! permissions and is callable only where a capability grants it (capabilities/main.json).

include!("src/command_names.rs");

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMAND_NAMES));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
