//! Opt-in startup trace for `bench/launch`. With `MINUTEBOOK_TRACE_STARTUP=1`, the shell prints
//! one line on stderr the first time each startup milestone is reached:
//!
//! - `startup-trace: page-load <ms> ms`: the window's page finished loading;
//! - `startup-trace: book-open <ms> ms`: the background open of the minute book finished;
//! - `startup-trace: list-meetings <ms> ms`: the first `list_meetings` command returned, i.e.
//!   the meeting list has its data.
//!
//! `<ms>` counts from [`start`] (the top of `run()`); `bench/launch` also timestamps each line
//! as it arrives, counting from process spawn. Without the variable nothing is printed and the
//! cost is one relaxed atomic load.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// The variable that switches the trace on (value `1`).
pub const TRACE_ENV: &str = "MINUTEBOOK_TRACE_STARTUP";

static STARTED: OnceLock<Instant> = OnceLock::new();
static ENABLED: AtomicBool = AtomicBool::new(false);
static PAGE_LOAD: AtomicBool = AtomicBool::new(false);
static LIST_MEETINGS: AtomicBool = AtomicBool::new(false);
static BOOK_OPEN: AtomicBool = AtomicBool::new(false);

/// Starts the clock and reads [`TRACE_ENV`]; call once, first thing in `run()`.
pub fn start() {
    STARTED.get_or_init(Instant::now);
    let on = std::env::var_os(TRACE_ENV).is_some_and(|v| v == "1");
    ENABLED.store(on, Ordering::Relaxed);
}

fn mark(seen: &AtomicBool, event: &str) {
    if ENABLED.load(Ordering::Relaxed) && !seen.swap(true, Ordering::Relaxed) {
        let ms = STARTED.get().map_or(0, |t| t.elapsed().as_millis());
        eprintln!("startup-trace: {event} {ms} ms");
    }
}

/// The page finished loading.
pub fn page_loaded() {
    mark(&PAGE_LOAD, "page-load");
}

/// A `list_meetings` command returned.
pub fn meetings_listed() {
    mark(&LIST_MEETINGS, "list-meetings");
}

/// The background open of the minute book finished (opened, or left to the first command).
pub fn book_opened() {
    mark(&BOOK_OPEN, "book-open");
}
