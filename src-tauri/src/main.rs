//! The `minutebook-desktop` binary: opens the Minutebook window.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    minutebook_desktop::run();
}
