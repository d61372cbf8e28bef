//! [`Book`]: one cell's minute book, and every use case over it, one file per kind of use case:
//!
//! | file | use cases |
//! |---|---|
//! | `cell.rs` | the cell and its settings |
//! | `roster.rs` | members: import a spreadsheet, add, edit, find |
//! | `meetings.rs` | meetings as interchange files, the list, figures, vote readings |
//! | `workspace.rs` | the desktop's meeting workspace: create, edit, live figures |
//! | `records.rs` | closing and reopening, the record, its integrity, the book's `check` |
//! | `keys.rs` | members' keys and the roster's pinned keys (trust) |
//! | `signing.rs` | signing here, signing requests, importing attestations |
//! | `exports.rs` | bundles and PDFs |
//! | `invitations.rs` | before the meeting: the notice with the agenda (PDF) and the calendar entry (iCalendar) |
//! | `printing.rs` | text that cannot be printed or looks unfinished, checked before close; drafts of open meetings |
//! | `search.rs` | full-text search |
//! | `dashboard.rs` | the cell's year at a glance, and as CSV for the year-end report |
//! | `maintenance.rs` | backups |
//!
//! **Every use case that changes the book is one transaction**, from the first read it
//! depends on to its last write ([`Book::use_case`], over `minutebook_store::Store::begin`):
//! a crash, a full disk or an error part-way leaves none of it. The store handle is private
//! to this crate: the CLI and the desktop reach the book only through these use cases.

mod cell;
mod dashboard;
mod exports;
mod invitations;
mod keys;
mod maintenance;
mod meetings;
mod printing;
mod receipts;
pub use receipts::{COMMITTEE_KEY_SETTING, ReceiptView};
mod records;
mod room;
pub use room::{OpenedRoom, RoomHostView, RoomOpenView};
mod roster;
mod search;
mod signing;
mod workspace;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use minutebook_core::action::carried_forward;
use minutebook_core::lifecycle::signing_status;
use minutebook_core::meeting::MeetingId;
use minutebook_core::text::{nfc, same_name};
use minutebook_core::vote::CountingReading;
use minutebook_core::{
    ActionItem, Cell, CellSettings, Meeting, MeetingStatus, Member, MemberId, SignerRole,
};
use minutebook_record::convert::{self, IdMap};
use minutebook_record::interchange::MeetingFile;
use minutebook_record::record::{Chain, Record, figures};
use minutebook_sign::bundle::Bundle;
use minutebook_sign::keys::{self as sign_keys, Fingerprint, ImportOptions};
use minutebook_sign::record::{Record as SignedRecord, Signer};
use minutebook_sign::trust::{TrustStore, TrustedKey};
use minutebook_sign::verify::{VerifyOptions, verify_bundle};
use minutebook_store::{Clock, OpenOptions, Store, SystemClock};
use time::OffsetDateTime;

use crate::backups::{self, DailyBackup};
use crate::error::{ApiError, ErrorCode};
use crate::views::*;

/// The setting holding the cell's stable id.
const CELL_ID_SETTING: &str = "cell_id";

/// A minute book open for use.
pub struct Book {
    store: Store,
    clock: Arc<dyn Clock>,
    daily_backup: DailyBackup,
    /// The (Vietnamese) day of the last daily-backup attempt.
    backup_day: time::Date,
}

/// The default minute book: `$MINUTEBOOK_DB`, else `<OS data dir>/minutebook/minutebook.db`.
pub fn default_db_path() -> PathBuf {
    minutebook_store::default_path().unwrap_or_else(|| PathBuf::from("minutebook.db"))
}

fn role_of(code: &str) -> Result<SignerRole, ApiError> {
    SignerRole::from_code(code).ok_or_else(|| {
        ApiError::new(
            ErrorCode::Usage,
            format!("unknown role {code:?}: use chair, minute-taker or member"),
        )
    })
}

/// Short identifying text (a name, a card number, a post) as the roster import keeps it
/// (`minutebook_core::text::visible_text`: invisible characters removed, odd spaces made
/// plain, bidi and other format characters refused), so a name pasted with a soft hyphen or a
/// zero-width space is stored as it reads and can be found as it is typed. Free text (minutes,
/// speeches) is not passed through it.
///
/// # Errors
/// `InvalidInput` naming `field`, the character (U+XXXX) and where it is.
fn visible(field: &str, s: &str) -> Result<String, ApiError> {
    minutebook_core::text::visible_text(s)
        .map(String::from)
        .map_err(|h| {
            ApiError::invalid(format!(
                "{field}: the invisible character {} at position {} {}; type the text again \
                 without it",
                h.code(),
                h.position,
                if h.bidi {
                    "changes the order the text is shown in"
                } else {
                    "cannot be kept"
                }
            ))
        })
}

/// [`visible`] over a member's name, card number and free-text posts.
///
/// Each is also refused when the PDF cannot print it (`printing::printable_name`): a member's
/// name and posts are printed in every record.
fn visible_member(m: &mut Member, path: &str) -> Result<(), ApiError> {
    let field = format!("{path}.full_name");
    m.full_name = visible(&field, &m.full_name)?;
    printing::printable_name(&field, &m.full_name)?;
    if let Some(card) = &m.party_card_number {
        let field = format!("{path}.party_card_number");
        let card = visible(&field, card)?;
        printing::printable_name(&field, &card)?;
        m.party_card_number = Some(card);
    }
    for (i, p) in m.posts.iter_mut().enumerate() {
        if let minutebook_core::Post::Other(text) = p {
            let field = format!("{path}.posts[{i}]");
            *text = visible(&field, text)?;
            printing::printable_name(&field, text)?;
        }
    }
    Ok(())
}

/// [`visible`] over a meeting's guests' names and posts.
fn visible_guests(m: &mut Meeting) -> Result<(), ApiError> {
    for (i, g) in m.guests.iter_mut().enumerate() {
        g.name = visible(&format!("guests[{i}].name"), &g.name)?;
        g.post = visible(&format!("guests[{i}].post"), &g.post)?;
    }
    Ok(())
}

fn reading_of(code: &str) -> Result<CountingReading, ApiError> {
    CountingReading::from_code(code).ok_or_else(|| {
        ApiError::new(
            ErrorCode::Usage,
            format!(
                "unknown counting reading {code:?}: use {}",
                crate::counting_reading_codes().join(", ")
            ),
        )
    })
}

/// Member ids in documents are the book's ids as decimal strings.
fn ids_of(members: &[Member]) -> IdMap {
    members.iter().map(|m| (m.id.0.to_string(), m.id)).collect()
}

impl Book {
    /// Runs `f` as one use case: one `IMMEDIATE` transaction from its first read to its last
    /// write, committed when `f` returns `Ok` and rolled back when it returns `Err` (or when
    /// the process dies first). A use case called from inside another joins it. `what` names
    /// the use case in storage errors, e.g. "close meeting #3".
    ///
    /// # Errors
    /// `f`'s error; `Locked` when another program holds the book's write lock past the busy
    /// timeout; storage errors of the commit (then nothing of `f` is kept).
    pub(crate) fn use_case<T>(
        &mut self,
        what: &str,
        f: impl FnOnce(&mut Book) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        if self.store.in_use_case() {
            return f(self);
        }
        self.store.begin(what)?;
        match f(self) {
            Ok(v) => {
                self.store.commit()?;
                Ok(v)
            }
            Err(e) => {
                self.store.rollback();
                Err(e)
            }
        }
    }

    /// Opens (creating if needed) the minute book at `path`, with the system clock.
    ///
    /// The first opening of a day also writes the rolling daily backup into
    /// [`backups_dir`](crate::backups::backups_dir) (`backups/` next to the file), keeping the
    /// newest `backups_to_keep`; a failed backup does not stop the opening and is reported by
    /// [`Book::daily_backup`].
    ///
    /// # Errors
    /// [`ApiError`] when the file cannot be opened, is newer than this program, or is not a
    /// minute book.
    pub fn open(path: &Path) -> Result<Book, ApiError> {
        Self::open_with_clock(path, Arc::new(SystemClock))
    }

    /// Opens with an explicit clock (tests, benchmarks).
    ///
    /// # Errors
    /// As [`Book::open`].
    pub fn open_with_clock(path: &Path, clock: Arc<dyn Clock>) -> Result<Book, ApiError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| ApiError::io(format!("{}: {e}", dir.display())))?;
        }
        let existed = path.exists();
        let store = Store::open_with(
            path,
            OpenOptions {
                clock: clock.clone(),
                actor: "minutebook".to_owned(),
                backups_to_keep: None,
            },
        )?;
        let now = clock.now();
        let daily_backup = if existed {
            backups::take(&store, now)
        } else {
            DailyBackup::NewBook
        };
        Ok(Book {
            store,
            clock,
            daily_backup,
            backup_day: backups::backup_day(now),
        })
    }

    /// For a book kept open across midnight (the desktop app keeps it open for its whole run):
    /// takes the daily backup when the day (in Vietnam) has changed since the last attempt, as
    /// opening would. Costs one clock reading when it has not. Returns the latest outcome.
    pub fn keep_daily_backup(&mut self) -> &DailyBackup {
        let now = self.clock.now();
        let today = backups::backup_day(now);
        if today != self.backup_day {
            self.backup_day = today;
            self.daily_backup = backups::take(&self.store, now);
        }
        &self.daily_backup
    }

    /// What this opening did about the daily backup; [`DailyBackup::warning`] is the failure
    /// to show the user, if any.
    pub fn daily_backup(&self) -> &DailyBackup {
        &self.daily_backup
    }

    /// The file.
    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// The store, for this crate's modules outside `book` (the daily backup, the demo).
    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    /// The store, for writing, inside this crate only.
    pub(crate) fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    pub(crate) fn now(&self) -> OffsetDateTime {
        self.clock.now()
    }

    /// The time a signature states: now, at Vietnam's offset (UTC+07:00, no daylight saving),
    /// so that a PDF's "Đã ký số: 21 giờ 32 phút … (UTC+07:00)" reads as the clock in the room
    /// (it read UTC+00:00 before, the system clock's offset). The instant is the same.
    pub(crate) fn signing_time(&self) -> OffsetDateTime {
        self.clock.now().to_offset(time::macros::offset!(+7))
    }

    fn cell_id(&self) -> Result<String, ApiError> {
        Ok(self
            .store
            .setting(CELL_ID_SETTING)?
            .unwrap_or_else(|| "cell".to_owned()))
    }

    fn require_cell(&self) -> Result<Cell, ApiError> {
        self.store.cell()?.ok_or_else(|| {
            ApiError::with_detail(
                ErrorCode::NotFound,
                "err-no-cell",
                &[],
                "no cell yet: create it first",
            )
        })
    }
}
