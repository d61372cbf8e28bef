//! Generates the blank app's Tauri context.

fn main() {
    tauri_build::build();
}
