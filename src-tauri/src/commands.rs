//! The app's IPC commands. They live in this submodule, not in lib.rs, because
//! `#[tauri::command] pub fn` at the crate root collides with its generated macro (E0255).
//!
//! Each command checks its arguments (ids, lengths) and delegates to one `minutebook-api` use
//! case; errors cross as `ApiError {code, message}`. File paths never come from the webview:
//! commands that read or write files open a native dialog here (src/dialogs.rs) and return the
//! path chosen. Every name here must be listed in `src/command_names.rs` and granted in
//! `capabilities/main.json` (a test checks both).

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use minutebook_api::backup_status::BackupStatus;
use minutebook_api::dashboard::Dashboard;
use minutebook_api::doc::{MeetingDoc, MemberDoc, ResolutionDoc};
use minutebook_api::search::SearchHitView;
use minutebook_api::views::{
    CellInput, CellView, CloseCheck, ExportWarning, KeyView, MeetingListItem, MemberView,
    RecordInfo, RosterImportSummary, SignedView,
};
use minutebook_api::workspace::{LiveFigures, MeetingWorkspace, NewMeetingInput};
use minutebook_api::{ApiError, Book, write_file_atomically};
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::data_dir;
use crate::dialogs;
use crate::error::{CommandError, ErrorCode};

/// When `run()` started; `app_ready` reports the time to first paint from here.
#[derive(Debug, Clone, Copy)]
pub struct StartedAt(pub Instant);

/// The open minute book. `Book` is not `Sync`, so it sits behind a mutex; it is opened on first
/// use at `<data folder>/minutebook.db` (or the book the user opened instead).
#[derive(Default)]
pub struct BookState(pub Mutex<Option<Book>>);

/// Files the export commands wrote in this session: the only files [`open_exported`] opens,
/// so the webview can ask to open what Rust wrote but never name any other path.
#[derive(Default)]
pub struct Exported(pub Mutex<Vec<PathBuf>>);

impl Exported {
    fn remember(&self, path: &std::path::Path) {
        if let Ok(mut list) = self.0.lock() {
            list.push(path.to_path_buf());
        }
    }
}

/// Trust files (a cell's `*.trust.json` from `key export-trust`, or public-key PEMs) loaded on
/// the verify screen in this session: every verification pins keys by them as well as by the
/// open book's roster.
#[derive(Default)]
pub struct TrustFiles(pub Mutex<Vec<PathBuf>>);

impl TrustFiles {
    fn list(&self) -> Vec<PathBuf> {
        self.0.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

/// Longest text argument accepted (characters).
pub const MAX_TEXT: usize = 100_000;
/// Longest name/code argument accepted (characters).
pub const MAX_SHORT: usize = 1_000;

fn invalid(msg: impl Into<String>) -> CommandError {
    ApiError::invalid(msg.into())
}

fn check_id(id: i64) -> Result<i64, CommandError> {
    if id > 0 && id < (1 << 53) {
        Ok(id)
    } else {
        Err(invalid(format!("id: {id} is not a meeting id")))
    }
}

fn check_short(field: &str, s: &str) -> Result<(), CommandError> {
    if s.chars().count() > MAX_SHORT {
        Err(invalid(format!(
            "{field}: longer than {MAX_SHORT} characters"
        )))
    } else {
        Ok(())
    }
}

/// `<data folder>/minutebook.db`, the book the app opens unless the user opened another.
fn default_book_path<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, CommandError> {
    Ok(data_dir::resolve(app)?.join("minutebook.db"))
}

/// Opens the default minute book on a background thread while the webview starts, so the
/// first command finds it open instead of opening it then (opening runs the migrations check
/// and, once a day, the backup). If the user's first command arrives sooner it waits on the
/// lock; if opening fails here, nothing is kept and the first command opens the book itself
/// and reports the error.
pub fn open_book_in_background<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        let state = app.state::<BookState>();
        let Ok(mut guard) = state.0.lock() else {
            return;
        };
        if guard.is_none()
            && let Ok(path) = default_book_path(&app)
            && let Ok(book) = Book::open(&path)
        {
            *guard = Some(book);
        }
        drop(guard);
        crate::startup_trace::book_opened();
    });
}

pub(crate) fn with_book<R: Runtime, T>(
    app: &AppHandle<R>,
    state: &BookState,
    f: impl FnOnce(&mut Book) -> Result<T, ApiError>,
) -> Result<T, CommandError> {
    let mut guard = state
        .0
        .lock()
        .map_err(|_| ApiError::new(ErrorCode::Storage, "the minute book lock is poisoned"))?;
    if guard.is_none() {
        let path = default_book_path(app)?;
        *guard = Some(Book::open(&path)?);
    }
    match guard.as_mut() {
        Some(book) => {
            // The app may stay open for days: back up on the first command of a new day.
            book.keep_daily_backup();
            f(book)
        }
        None => Err(ApiError::new(ErrorCode::Storage, "no minute book")),
    }
}

/// What `app_info` returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    /// The app's version (Cargo package version).
    pub version: String,
    /// Absolute path of the data folder (it may not exist yet).
    pub data_dir: String,
}

/// Version and data folder of the running app.
#[tauri::command]
pub fn app_info<R: Runtime>(app: AppHandle<R>) -> Result<AppInfo, CommandError> {
    let dir = data_dir::resolve(&app)?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: dir.display().to_string(),
    })
}

/// Called by the UI once its first screen has painted; logs the startup time for benchmarks.
#[tauri::command]
pub fn app_ready(started: State<'_, StartedAt>) -> Result<(), CommandError> {
    let ms = started.0.elapsed().as_millis();
    eprintln!("minutebook: first paint {ms} ms after start");
    Ok(())
}

/// The cell, or `null` before first run.
#[tauri::command]
pub fn get_cell<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
) -> Result<Option<CellView>, CommandError> {
    with_book(&app, &book, |b| b.cell())
}

/// Creates the cell (first run).
#[tauri::command]
pub fn create_cell<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    input: CellInput,
) -> Result<CellView, CommandError> {
    for (f, s) in [
        ("name", &input.name),
        ("upper_committee", &input.upper_committee),
        ("place", &input.place),
        ("document_code", &input.document_code),
    ] {
        check_short(f, s)?;
    }
    with_book(&app, &book, |b| b.create_cell(&input))
}

/// Opens another minute book chosen in a dialog, instead of the one in the data folder.
#[tauri::command]
pub async fn open_book_dialog<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    hosted: State<'_, crate::room::HostedRoom>,
) -> Result<Option<CellView>, CommandError> {
    // A room serves the book it was opened on: switching books under it would show its
    // meeting's room on a meeting of another book.
    if let Some(meeting) = hosted.meeting() {
        return Err(ApiError::with_detail(
            ErrorCode::NotAllowed,
            "err-room-another-open",
            &[("id", meeting.to_string())],
            format!("the room of meeting #{meeting} is open: end it first"),
        ));
    }
    let Some(path) = dialogs::pick_open_path(&app, "Minutebook", &["db"]) else {
        return Ok(None);
    };
    let opened = Book::open(&path)?;
    let cell = opened.cell()?;
    let mut guard = book
        .0
        .lock()
        .map_err(|_| ApiError::new(ErrorCode::Storage, "the minute book lock is poisoned"))?;
    *guard = Some(opened);
    Ok(cell)
}

/// Imports the roster from a CSV/XLSX chosen in a dialog; `null` if cancelled.
#[tauri::command]
pub async fn import_roster_dialog<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
) -> Result<Option<RosterImportSummary>, CommandError> {
    let Some(path) = dialogs::pick_open_path(&app, "CSV / Excel", &["csv", "xlsx"]) else {
        return Ok(None);
    };
    with_book(&app, &book, |b| b.import_roster(&path)).map(Some)
}

/// The roster.
#[tauri::command]
pub fn list_members<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
) -> Result<Vec<MemberView>, CommandError> {
    with_book(&app, &book, |b| b.members())
}

/// Stored keys.
#[tauri::command]
pub fn list_keys<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
) -> Result<Vec<KeyView>, CommandError> {
    with_book(&app, &book, |b| b.keys())
}

/// Creates a signing key for a member, protected by `passphrase`.
#[tauri::command]
pub fn create_key<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    member: String,
    passphrase: String,
) -> Result<KeyView, CommandError> {
    check_short("member", &member)?;
    check_short("passphrase", &passphrase)?;
    with_book(&app, &book, |b| b.key_new(&member, passphrase.as_bytes()))
}

/// Pins a member's public key (a PEM file chosen in a dialog: what a member's laptop saved
/// with "save my public key"), so that their signatures and their laptop in the meeting room
/// are recognised; `null` when the dialog is cancelled.
#[tauri::command]
pub async fn pin_key_dialog<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    member: String,
) -> Result<Option<KeyView>, CommandError> {
    check_short("member", &member)?;
    let Some(path) = dialogs::pick_open_path(&app, "PEM", &["pem"]) else {
        return Ok(None);
    };
    let pem = minutebook_api::read_input_file(&path)?;
    with_book(&app, &book, |b| b.key_pin(&member, &pem)).map(Some)
}

/// Adds a member (empty `id`) or replaces a member's record, from the roster screen.
#[tauri::command]
pub fn save_member<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    member: MemberDoc,
) -> Result<MemberView, CommandError> {
    // One bound on the whole record (every field is a short text or a date): a member
    // serialised is a few hundred bytes; anything near MAX_TEXT is not a roster entry.
    let size = serde_json::to_string(&member).map_or(usize::MAX, |s| s.len());
    if size > MAX_TEXT {
        return Err(invalid(format!(
            "member: {size} bytes, more than {MAX_TEXT}"
        )));
    }
    with_book(&app, &book, |b| b.save_member(&member))
}

/// The dashboard of `year` (default: the latest year with a meeting).
#[tauri::command]
pub fn dashboard<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    year: Option<i32>,
) -> Result<Dashboard, CommandError> {
    let year = year.map(check_year).transpose()?;
    with_book(&app, &book, |b| b.dashboard(year))
}

/// Writes the dashboard of `year` as CSV (headings in `lang`, `vi` or `en`) where a save
/// dialog says. Returns the path written, `null` if cancelled.
#[tauri::command]
pub async fn export_dashboard_dialog<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    exported: State<'_, Exported>,
    year: i32,
    lang: String,
) -> Result<Option<String>, CommandError> {
    let year = check_year(year)?;
    check_short("lang", &lang)?;
    let lang = minutebook_api::Lang::pick(Some(&lang));
    let name = format!("tong-hop-{year}.csv");
    let Some(path) = dialogs::pick_save_path(&app, &name, "CSV", &["csv"]) else {
        return Ok(None);
    };
    with_book(&app, &book, |b| {
        write_file_atomically(&path, b.dashboard_csv(Some(year), lang)?.as_bytes())
    })?;
    exported.remember(&path);
    Ok(Some(path_text(&path)))
}

/// A year between 1930 (the Party's founding) and 9999.
fn check_year(year: i32) -> Result<i32, CommandError> {
    if (1930..=9999).contains(&year) {
        Ok(year)
    } else {
        Err(invalid(format!("year: {year} is out of range")))
    }
}

/// Meetings, newest first.
#[tauri::command]
pub fn list_meetings<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
) -> Result<Vec<MeetingListItem>, CommandError> {
    let list = with_book(&app, &book, |b| b.meetings());
    crate::startup_trace::meetings_listed();
    list
}

/// Full-text search over the minutes, votes and action items of the book (diacritics and case
/// ignored); the best 50 places.
#[tauri::command]
pub fn search_minutes<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    query: String,
) -> Result<Vec<SearchHitView>, CommandError> {
    check_short("query", &query)?;
    with_book(&app, &book, |b| {
        b.search(&query, minutebook_api::search::DEFAULT_LIMIT)
    })
}

/// Creates a meeting; returns its id.
#[tauri::command]
pub fn create_meeting<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    input: NewMeetingInput,
) -> Result<i64, CommandError> {
    with_book(&app, &book, |b| b.create_meeting(&input))
}

/// A meeting opened for editing.
#[tauri::command]
pub fn open_meeting<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    id: i64,
) -> Result<MeetingWorkspace, CommandError> {
    let id = check_id(id)?;
    with_book(&app, &book, |b| b.meeting_workspace(id))
}

/// Saves the edited meeting (autosave); returns fresh figures.
#[tauri::command]
pub fn save_meeting<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    id: i64,
    doc: MeetingDoc,
) -> Result<LiveFigures, CommandError> {
    let id = check_id(id)?;
    with_book(&app, &book, |b| b.save_meeting_doc(id, &doc))
}

/// Figures of an unsaved document.
#[tauri::command]
pub fn preview_figures<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    id: i64,
    doc: MeetingDoc,
) -> Result<LiveFigures, CommandError> {
    let id = check_id(id)?;
    with_book(&app, &book, |b| b.preview_figures(id, &doc))
}

/// A draft of meeting `id`'s resolution from the document as typed (nothing saved).
#[tauri::command]
pub fn draft_resolution<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    id: i64,
    doc: MeetingDoc,
) -> Result<ResolutionDoc, CommandError> {
    let id = check_id(id)?;
    with_book(&app, &book, |b| b.draft_resolution(id, &doc))
}

/// What closing meeting `id` now would meet: text the PDF cannot print (closing refuses it)
/// and unfinished text (a warning to confirm). Writes nothing.
#[tauri::command]
pub fn close_check<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    id: i64,
) -> Result<CloseCheck, CommandError> {
    let id = check_id(id)?;
    with_book(&app, &book, |b| b.close_check(id))
}

/// Closes a meeting: builds and freezes its record.
#[tauri::command]
pub fn close_meeting<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    id: i64,
) -> Result<RecordInfo, CommandError> {
    let id = check_id(id)?;
    with_book(&app, &book, |b| b.close_meeting(id))
}

/// Reopens a closed meeting for a new version.
#[tauri::command]
pub fn reopen_meeting<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    id: i64,
) -> Result<(), CommandError> {
    let id = check_id(id)?;
    with_book(&app, &book, |b| b.reopen_meeting(id))
}

/// The current record of a closed meeting.
#[tauri::command]
pub fn record_info<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    id: i64,
) -> Result<RecordInfo, CommandError> {
    let id = check_id(id)?;
    with_book(&app, &book, |b| b.record_info(id))
}

/// Signs the current record as `member` (id) in `role`.
#[tauri::command]
pub fn sign_record<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    id: i64,
    member: String,
    role: String,
    passphrase: String,
) -> Result<SignedView, CommandError> {
    let id = check_id(id)?;
    check_short("member", &member)?;
    check_short("role", &role)?;
    check_short("passphrase", &passphrase)?;
    with_book(&app, &book, |b| {
        b.sign(id, &member, &role, passphrase.as_bytes())
    })
}

/// Chooses the cell's default counting reading.
#[tauri::command]
pub fn set_default_reading<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    code: String,
) -> Result<(), CommandError> {
    check_short("code", &code)?;
    with_book(&app, &book, |b| b.set_default_reading(&code))
}

fn path_text(p: &std::path::Path) -> String {
    p.display().to_string()
}

/// Exports a document of meeting `id` to a file chosen in a save dialog: `what` is `minutes`,
/// `draft`, `resolution`, `attendance`, `bundle` (zip), `invitation` (the notice summoning the
/// meeting, dated today) or `calendar` (its iCalendar entry). Returns the path written, `null`
/// if cancelled.
#[tauri::command]
pub async fn export_dialog<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    exported: State<'_, Exported>,
    id: i64,
    what: String,
) -> Result<Option<String>, CommandError> {
    let id = check_id(id)?;
    let (name, filter, ext) = match what.as_str() {
        "minutes" | "draft" => (format!("bien-ban-{id}.pdf"), "PDF", "pdf"),
        "resolution" => (format!("nghi-quyet-{id}.pdf"), "PDF", "pdf"),
        "attendance" => (format!("danh-sach-du-hop-{id}.pdf"), "PDF", "pdf"),
        "bundle" => (format!("bien-ban-{id}.zip"), "ZIP", "zip"),
        "invitation" => (format!("thong-bao-trieu-tap-{id}.pdf"), "PDF", "pdf"),
        "calendar" => (format!("lich-hop-{id}.ics"), "iCalendar", "ics"),
        _ => return Err(invalid(format!("what: unknown export {what:?}"))),
    };
    let Some(path) = dialogs::pick_save_path(&app, &name, filter, &[ext]) else {
        return Ok(None);
    };
    with_book(&app, &book, |b| {
        let bytes = match what.as_str() {
            "minutes" => b.export_minutes_pdf(id, false)?,
            "draft" => b.export_minutes_pdf(id, true)?,
            "resolution" => b.export_resolution_pdf(id)?,
            "attendance" => b.export_attendance_sheet_pdf(id)?,
            "invitation" => b.export_invitation_pdf(id, None)?,
            "calendar" => b.export_invitation_ics(id)?.into_bytes(),
            _ => return b.export_bundle(id, &path, true),
        };
        write_file_atomically(&path, &bytes)
    })?;
    exported.remember(&path);
    Ok(Some(path_text(&path)))
}

/// What the secretary should know before sending the notice of meeting `id`, dated today as
/// [`export_dialog`] prints it: the meeting's date is already past, or the agenda's planned
/// minutes run past the planned end. Catalogue messages with their arguments; the notice and
/// the calendar entry export all the same. Nothing is written.
#[tauri::command]
pub fn invitation_warnings<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    id: i64,
) -> Result<Vec<ExportWarning>, CommandError> {
    let id = check_id(id)?;
    with_book(&app, &book, |b| b.invitation_warnings(id, None))
}

/// Opens a file exported in this session (`path` exactly as an export command returned it) in
/// the system's viewer — the PDF reader for minutes, the file manager's handler for a zip.
/// Any other path is refused.
#[tauri::command]
pub fn open_exported(exported: State<'_, Exported>, path: String) -> Result<(), CommandError> {
    check_short("path", &path)?;
    let known = exported
        .0
        .lock()
        .map_err(|_| ApiError::new(ErrorCode::Storage, "the export list lock is poisoned"))?
        .iter()
        .find(|p| path_text(p) == path)
        .cloned();
    let Some(file) = known else {
        return Err(invalid("path: not a file exported in this session"));
    };
    dialogs::open_in_system_viewer(&file)
        .map_err(|e| ApiError::io(format!("{}: {e}", file.display())))
}

/// Writes a signing request (a folder) for a remote signer, where a save dialog says.
#[tauri::command]
pub async fn export_signing_request_dialog<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    id: i64,
) -> Result<Option<String>, CommandError> {
    let id = check_id(id)?;
    let Some(path) = dialogs::pick_save_path(&app, &format!("yeu-cau-ky-{id}"), "", &[]) else {
        return Ok(None);
    };
    with_book(&app, &book, |b| b.export_signing_request(id, &path))?;
    Ok(Some(path_text(&path)))
}

/// Imports the attestations a remote signer sent back (a folder chosen in a dialog).
#[tauri::command]
pub async fn import_attestations_dialog<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    id: i64,
) -> Result<Option<Vec<SignedView>>, CommandError> {
    let id = check_id(id)?;
    let Some(dir) = dialogs::pick_folder(&app) else {
        return Ok(None);
    };
    with_book(&app, &book, |b| b.import_attestations(id, &dir)).map(Some)
}

/// Verifies a PDF or bundle chosen in a dialog against this book's pinned keys. The result
/// (`minutebook_api::verify::VerifyResult`) holds types of `minutebook-sign`; it crosses as JSON.
#[tauri::command]
pub async fn verify_dialog<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    trust: State<'_, TrustFiles>,
) -> Result<Option<serde_json::Value>, CommandError> {
    let Some(path) = dialogs::pick_open_path(&app, "PDF / ZIP", &["pdf", "zip"]) else {
        return Ok(None);
    };
    let files = trust.list();
    let result = with_book(&app, &book, |b| {
        minutebook_api::verify::verify_path(&path, &files, Some(b))
    })?;
    serde_json::to_value(result)
        .map(Some)
        .map_err(|e| ApiError::new(ErrorCode::Storage, e.to_string()))
}

/// Loads a trust file chosen in an open dialog (a cell's `*.trust.json`, or a public key PEM)
/// for the verify screen, after checking that it reads as one. Returns every trust file loaded
/// in this session, `null` if cancelled.
///
/// # Errors
/// `usage` naming the file and what is wrong with it; nothing is added then.
#[tauri::command]
pub async fn load_trust_dialog<R: Runtime>(
    app: AppHandle<R>,
    trust: State<'_, TrustFiles>,
) -> Result<Option<Vec<String>>, CommandError> {
    let Some(path) = dialogs::pick_open_path(&app, "JSON / PEM", &["json", "pem"]) else {
        return Ok(None);
    };
    minutebook_api::verify::load_trust(std::slice::from_ref(&path), None)?;
    let mut list = trust
        .0
        .lock()
        .map_err(|_| ApiError::new(ErrorCode::Storage, "the trust list lock is poisoned"))?;
    if !list.contains(&path) {
        list.push(path);
    }
    Ok(Some(list.iter().map(|p| path_text(p)).collect()))
}

/// Forgets the trust files loaded on the verify screen (the book's roster still pins).
#[tauri::command]
pub fn clear_trust_files(trust: State<'_, TrustFiles>) -> Result<(), CommandError> {
    trust
        .0
        .lock()
        .map_err(|_| ApiError::new(ErrorCode::Storage, "the trust list lock is poisoned"))?
        .clear();
    Ok(())
}

/// Backs the open minute book up into `backups/` next to it; returns the file written.
#[tauri::command]
pub fn backup_now<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
) -> Result<String, CommandError> {
    with_book(&app, &book, |b| b.backup_now()).map(|p| path_text(&p))
}

/// The backups folder, how many automatic backups are kept, the backups there, and today's
/// automatic backup problem, if any.
#[tauri::command]
pub fn backup_status<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
) -> Result<BackupStatus, CommandError> {
    with_book(&app, &book, |b| b.backup_status())
}

/// Sets how many automatic backups of each kind to keep (1–366).
#[tauri::command]
pub fn set_backups_to_keep<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    keep: u32,
) -> Result<(), CommandError> {
    with_book(&app, &book, |b| b.set_backups_to_keep(keep as usize))
}
