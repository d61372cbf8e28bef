//! The March 2026 case as a minute book, and the deterministic edits applied to it.
//!
//! Edit `n` sets agenda item 1's presentation to a text naming `n` and agenda item 2's speeches
//! to a list that depends only on `n`. The state after edit `n` is therefore a pure function of
//! `n` ([`edited`]), whatever edit came before, so a checker that finds edit `m` in the database
//! knows exactly what every byte of the meeting must be.

use std::path::Path;
use std::sync::Arc;

use minutebook_api::{ApiError, Book};
use minutebook_core::Meeting;
use minutebook_core::agenda::{Speaker, Speech};
use minutebook_store::SystemClock;

/// The meeting interchange file of the March 2026 case (`examples/meeting-2026-03.json`).
pub const MEETING_JSON: &[u8] = include_bytes!("../../../examples/meeting-2026-03.json");

/// How agenda item 1's presentation starts after edit `n`: `"edit <n>: "`.
pub const EDIT_PREFIX: &str = "edit ";

/// Creates a minute book at `db` holding the March 2026 case (through `minutebook-api`, as the
/// CLI does) and returns the meeting's id.
///
/// # Errors
/// Whatever opening or importing reports.
pub fn create_book(db: &Path) -> Result<i64, ApiError> {
    let mut book = Book::open_with_clock(db, Arc::new(SystemClock))?;
    book.import_meeting(MEETING_JSON)
}

/// The meeting after edit `n` (edit 0 is `base` itself).
pub fn edited(base: &Meeting, n: u64) -> Meeting {
    let mut m = base.clone();
    if n == 0 {
        return m;
    }
    let sentence = "Chi bộ thảo luận, thống nhất nội dung; đồng chí Bí thư kết luận. ";
    let repeat = (n % 13 + 1) as usize;
    m.agenda[0].presentation = format!("{EDIT_PREFIX}{n}: {}", sentence.repeat(repeat).trim());
    let speaker = m
        .guests
        .first()
        .map(|g| Speaker::Guest(g.name.clone()))
        .or_else(|| m.agenda[1].presenter.clone());
    if let Some(speaker) = speaker {
        m.agenda[1].speeches = (0..n % 7)
            .map(|k| Speech {
                speaker: speaker.clone(),
                gist: format!("Ý kiến {k} (lần sửa {n}): “đồng ý” — ½ ≥ ≤ №"),
            })
            .collect();
    }
    m
}

/// The edit number a stored meeting carries (0 when it was never edited by the harness).
pub fn edit_number(m: &Meeting) -> Option<u64> {
    let p = &m.agenda.first()?.presentation;
    match p.strip_prefix(EDIT_PREFIX) {
        None => Some(0),
        Some(rest) => rest.split(':').next()?.parse().ok(),
    }
}

/// The text hash an acknowledgement line carries for edit `n` of `base`.
pub fn ack_hash(base: &Meeting, n: u64) -> String {
    crate::sha256_hex(edited(base, n).agenda[0].presentation.as_bytes())
}

/// A hash of everything the meeting holds (its `Debug` form, which lists every field).
pub fn content_hash(m: &Meeting) -> String {
    crate::sha256_hex(format!("{m:?}").as_bytes())
}
