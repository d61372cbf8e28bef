//! `minutebook-blank-tauri`: a blank Tauri 2 window showing a static page, the yardstick
//! `bench/launch` measures Minutebook's launch time and memory against. With
//! `MINUTEBOOK_TRACE_STARTUP=1` it prints `startup-trace: page-load <ms>` on stderr when the
//! page has finished loading, exactly as `minutebook-desktop` does.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::time::Instant;

use tauri::webview::PageLoadEvent;

fn main() {
    let started = Instant::now();
    let trace = std::env::var_os("MINUTEBOOK_TRACE_STARTUP").is_some_and(|v| v == "1");
    let app = tauri::Builder::default()
        .on_page_load(move |_, payload| {
            if trace && matches!(payload.event(), PageLoadEvent::Finished) {
                eprintln!(
                    "startup-trace: page-load {} ms",
                    started.elapsed().as_millis()
                );
            }
        })
        .run(tauri::generate_context!());
    if let Err(error) = app {
        eprintln!("minutebook-blank-tauri: failed to start: {error}");
        std::process::exit(1);
    }
}
