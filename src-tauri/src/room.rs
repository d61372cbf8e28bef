//! The meeting room's commands (issue 12): the secretary's side (open the room of a meeting,
//! look at it, give it commands, end it) and a member's side (their own key, join, check in,
//! ask to speak, vote, read and sign). Each is one call into `minutebook-api`; the room itself
//! runs on its own threads there, so no command waits on the network for long.
//!
//! The room is served by a second handle on the same minute book (SQLite serialises the two):
//! the window keeps editing the meeting through its own while members' requests are stored
//! through the room's.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use minutebook_api::member_key::{self, MemberKeyView};
use minutebook_api::member_records::{self, KeptRecordView};
use minutebook_api::member_session::{MemberRoomView, MemberSession};
use minutebook_api::room::{Advertisement, FoundRoom, Log};
use minutebook_api::{ApiError, Book, OpenedRoom, RoomHostView, RoomOpenView, room_member};
use tauri::{AppHandle, Runtime, State};

use crate::commands::{BookState, with_book};
use crate::data_dir;
use crate::dialogs;
use crate::error::{CommandError, ErrorCode};

/// Where the room listens unless `MINUTEBOOK_ROOM_LISTEN` (e.g. `0.0.0.0:7311`, for a fixed
/// port the room's firewall lets through) says otherwise: every interface, any free port.
pub const ROOM_LISTEN_ENV: &str = "MINUTEBOOK_ROOM_LISTEN";
/// How many of the room's log lines the panel shows.
const LOG_LINES: usize = 200;
/// Votes in one meeting are far fewer; a vote number at or above this is refused.
const MAX_VOTES: u32 = 1000;

/// The room this window hosts, if any.
#[derive(Default)]
pub struct HostedRoom(pub Mutex<Option<Hosted>>);

impl HostedRoom {
    /// The meeting whose room is open, if one is.
    pub fn meeting(&self) -> Option<i64> {
        self.0
            .lock()
            .ok()
            .and_then(|g| g.as_ref().map(|h| h.meeting))
    }
}

/// An open room and its log.
pub struct Hosted {
    opened: OpenedRoom,
    meeting: i64,
    log: Arc<Mutex<VecDeque<String>>>,
    /// The room announced on the network (mDNS) while it is open; `None` when announcing
    /// failed (members then type the code).
    _advert: Option<Advertisement>,
}

/// The room this window is a member of, if any.
#[derive(Default)]
pub struct MemberRoom(pub Mutex<Option<MemberSession>>);

fn poisoned() -> CommandError {
    ApiError::new(ErrorCode::Storage, "the room's lock is poisoned")
}

fn no_room() -> CommandError {
    ApiError::with_detail(
        ErrorCode::NotFound,
        "err-room-not-open",
        &[],
        "no room is open".to_owned(),
    )
}

fn refused(r: minutebook_api::room::Refusal) -> CommandError {
    ApiError::new(ErrorCode::NotAllowed, r.message)
}

fn listen_address() -> Result<SocketAddr, CommandError> {
    match std::env::var(ROOM_LISTEN_ENV) {
        Ok(v) if !v.is_empty() => v.parse().map_err(|_| {
            ApiError::new(
                ErrorCode::Usage,
                format!("{ROOM_LISTEN_ENV}={v:?} is not an address such as 0.0.0.0:7311"),
            )
        }),
        _ => Ok(SocketAddr::from(([0, 0, 0, 0], 0))),
    }
}

/// Opens the room of meeting `meeting_id` (or resumes the one left open), hosted with the
/// key of `host` (a member with a key in the roster, usually the chair or the minute-taker)
/// unlocked with `passphrase`; messages to members in `lang` (`vi`, `en`).
#[tauri::command]
pub async fn room_open<R: Runtime>(
    app: AppHandle<R>,
    book: State<'_, BookState>,
    hosted: State<'_, HostedRoom>,
    meeting_id: i64,
    host: String,
    passphrase: String,
    lang: String,
) -> Result<RoomOpenView, CommandError> {
    let mut guard = hosted.0.lock().map_err(|_| poisoned())?;
    if let Some(h) = guard.as_ref() {
        if h.meeting == meeting_id {
            return Ok(h.opened.view(meeting_id));
        }
        return Err(ApiError::with_detail(
            ErrorCode::NotAllowed,
            "err-room-another-open",
            &[("id", h.meeting.to_string())],
            format!("the room of meeting #{} is open: end it first", h.meeting),
        ));
    }
    let (path, subject) = with_book(&app, &book, |b| {
        Ok((b.path().to_path_buf(), b.meeting(meeting_id)?.subject))
    })?;
    let lines: Arc<Mutex<VecDeque<String>>> = Arc::default();
    let sink = Arc::clone(&lines);
    let lang = minutebook_api::Lang::pick(Some(&lang));
    let log: Log = Arc::new(move |event: &minutebook_api::room::RoomEvent| {
        let line = minutebook_api::room::log_line(event, lang);
        eprintln!("room: {line}");
        if let Ok(mut l) = sink.lock() {
            if l.len() == LOG_LINES {
                l.pop_front();
            }
            l.push_back(line);
        }
    });
    let listen = listen_address()?;
    // Reopened after a crash or a restart, the room listens on the port it had, so the code
    // members' laptops are joining again with still reaches it; if that port is taken now,
    // any free port (members then type the new code).
    let port_file = data_dir::resolve(&app)?.join("room-port");
    let remembered = std::fs::read_to_string(&port_file)
        .ok()
        .and_then(|p| p.trim().parse::<u16>().ok())
        .filter(|_| listen.port() == 0);
    let open = |listen: SocketAddr| {
        Book::open(&path)?.open_room(
            meeting_id,
            &host,
            passphrase.as_bytes(),
            listen,
            lang,
            Arc::clone(&log),
        )
    };
    let opened = match remembered {
        Some(port) => match open(SocketAddr::new(listen.ip(), port)) {
            Err(e) if e.code == ErrorCode::Io => open(listen)?,
            other => other?,
        },
        None => open(listen)?,
    };
    let _ = minutebook_api::write_file_atomically(
        &port_file,
        opened.room.addr().port().to_string().as_bytes(),
    );
    let view = opened.view(meeting_id);
    let advert = match Advertisement::start(&opened.code, &subject) {
        Ok(a) => Some(a),
        Err(e) => {
            eprintln!("room: not announced on the network: {e}");
            None
        }
    };
    *guard = Some(Hosted {
        opened,
        meeting: meeting_id,
        log: lines,
        _advert: advert,
    });
    Ok(view)
}

/// The open room, its live state and log; `null` when no room is open.
#[tauri::command]
pub async fn room_view(
    hosted: State<'_, HostedRoom>,
) -> Result<Option<RoomHostView>, CommandError> {
    let guard = hosted.0.lock().map_err(|_| poisoned())?;
    let Some(h) = guard.as_ref() else {
        return Ok(None);
    };
    let state = match h.opened.room.state() {
        Ok(state) => state,
        Err(r) if stopped(&r) => {
            // The room's threads are gone: forget it, so it can be opened again.
            let mut guard = guard;
            if let Some(h) = guard.take() {
                h.opened.room.close();
            }
            return Err(refused(r));
        }
        Err(r) => return Err(refused(r)),
    };
    let log = h
        .log
        .lock()
        .map(|l| l.iter().cloned().collect())
        .unwrap_or_default();
    Ok(Some(RoomHostView {
        room: h.opened.view(h.meeting),
        state,
        log,
    }))
}

/// Gives the room one of the secretary's commands (`item N`, `start [HH:MM]`, `next`,
/// `vote N`, `close-vote [F A O]`, `close`, `end`, as `minutebook room open` reads them);
/// returns the room's answer.
#[tauri::command]
pub async fn room_command(
    hosted: State<'_, HostedRoom>,
    line: String,
) -> Result<String, CommandError> {
    if line.len() > 200 {
        return Err(ApiError::invalid("command: longer than 200 bytes"));
    }
    let guard = hosted.0.lock().map_err(|_| poisoned())?;
    let h = guard.as_ref().ok_or_else(no_room)?;
    h.opened.room.command(&line).map_err(refused)
}

/// Ends the room (refused while a vote is open) and stops serving members.
#[tauri::command]
pub async fn room_end(hosted: State<'_, HostedRoom>) -> Result<(), CommandError> {
    let mut guard = hosted.0.lock().map_err(|_| poisoned())?;
    let h = guard.as_ref().ok_or_else(no_room)?;
    match h.opened.room.end() {
        Ok(()) => {}
        Err(r) if stopped(&r) => {}
        Err(r) => return Err(refused(r)),
    }
    if let Some(h) = guard.take() {
        h.opened.room.close();
    }
    Ok(())
}

fn member_dir<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, CommandError> {
    Ok(data_dir::resolve(app)?.join("member"))
}

/// The member's own key on this laptop; `null` before one is made or imported.
#[tauri::command]
pub fn member_key_get<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Option<MemberKeyView>, CommandError> {
    Ok(member_key::member_key(&member_dir(&app)?)?.map(|(_, v)| v))
}

/// Makes the member's key, encrypted with `passphrase`.
#[tauri::command]
pub async fn member_key_make<R: Runtime>(
    app: AppHandle<R>,
    passphrase: String,
) -> Result<MemberKeyView, CommandError> {
    member_key::make_member_key(&member_dir(&app)?, passphrase.as_bytes())
}

/// Imports the member's key from a PEM file chosen in a dialog, unlocked with `passphrase`;
/// `null` when the dialog is cancelled.
#[tauri::command]
pub async fn member_key_import_dialog<R: Runtime>(
    app: AppHandle<R>,
    passphrase: String,
) -> Result<Option<MemberKeyView>, CommandError> {
    let Some(path) = dialogs::pick_open_path(&app, "PEM", &["pem"]) else {
        return Ok(None);
    };
    let pem = minutebook_api::read_input_file(&path)?;
    member_key::import_member_key(&member_dir(&app)?, &pem, passphrase.as_bytes()).map(Some)
}

/// Saves the member's public key (for the cell secretary to pin) where a dialog says; returns
/// the path, `null` when cancelled.
#[tauri::command]
pub async fn member_key_export_dialog<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Option<String>, CommandError> {
    let Some((_, view)) = member_key::member_key(&member_dir(&app)?)? else {
        return Err(no_key());
    };
    let Some(path) = dialogs::pick_save_path(&app, "khoa-cong-khai.pem", "PEM", &["pem"]) else {
        return Ok(None);
    };
    minutebook_api::write_file_atomically(&path, view.public_pem.as_bytes())?;
    Ok(Some(path.display().to_string()))
}

fn no_key() -> CommandError {
    ApiError::with_detail(
        ErrorCode::NotFound,
        "err-member-no-key",
        &[],
        "make or import your key first".to_owned(),
    )
}

/// The rooms announced on this network (listening about 3 s). What is heard is a hint: the
/// member joins a room found this way with the fingerprint the secretary reads out.
#[tauri::command]
pub async fn member_discover() -> Result<Vec<FoundRoom>, CommandError> {
    minutebook_api::room::discover_rooms()
}

/// Joins the room `code` names with the member's key unlocked with `passphrase`; when
/// `fingerprint` (the room key's, as the secretary reads it out) is given, the room's key must
/// be exactly that. What the member signs is kept in `<data folder>/member/kept/`.
#[tauri::command]
pub async fn member_join<R: Runtime>(
    app: AppHandle<R>,
    joined: State<'_, MemberRoom>,
    code: String,
    passphrase: String,
    fingerprint: Option<String>,
) -> Result<MemberRoomView, CommandError> {
    if code.len() > 200 || fingerprint.as_ref().is_some_and(|f| f.len() > 200) {
        return Err(ApiError::invalid("code: longer than 200 bytes"));
    }
    let dir = member_dir(&app)?;
    let Some((pem, _)) = member_key::member_key(&dir)? else {
        return Err(no_key());
    };
    let fingerprint: Option<String> = fingerprint
        .map(|f| {
            f.chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .collect()
        })
        .filter(|f: &String| !f.is_empty());
    let member = room_member::join_room(
        code.trim(),
        &pem,
        passphrase.as_bytes(),
        fingerprint.as_deref(),
        Some(&dir.join("kept")),
    )?;
    let session = MemberSession::start(member);
    let view = session.view();
    let old = joined.0.lock().map_err(|_| poisoned())?.replace(session);
    // Outside the lock: the window's look at the room never waits on the old room.
    drop(old);
    Ok(view)
}

fn with_session<T>(
    joined: &MemberRoom,
    f: impl FnOnce(&MemberSession) -> Result<T, ApiError>,
) -> Result<T, CommandError> {
    let guard = joined.0.lock().map_err(|_| poisoned())?;
    let session = guard.as_ref().ok_or_else(no_room)?;
    f(session)
}

/// The member's room as the window shows it; `null` when not in a room.
#[tauri::command]
pub fn member_view(joined: State<'_, MemberRoom>) -> Result<Option<MemberRoomView>, CommandError> {
    let guard = joined.0.lock().map_err(|_| poisoned())?;
    Ok(guard.as_ref().map(MemberSession::view))
}

/// Checks in (the answer arrives in the view).
#[tauri::command]
pub fn member_check_in(joined: State<'_, MemberRoom>) -> Result<(), CommandError> {
    with_session(&joined, MemberSession::check_in)
}

/// Asks to speak (the answer arrives in the view).
#[tauri::command]
pub fn member_speak(joined: State<'_, MemberRoom>) -> Result<(), CommandError> {
    with_session(&joined, MemberSession::ask_to_speak)
}

/// Votes `choice` (`yes`, `no`, `abstain`) in vote `vote` (0-based).
#[tauri::command]
pub fn member_vote(
    joined: State<'_, MemberRoom>,
    vote: u32,
    choice: String,
) -> Result<(), CommandError> {
    if !matches!(choice.as_str(), "yes" | "no" | "abstain") {
        return Err(ApiError::invalid("choice: yes, no or abstain"));
    }
    if vote >= MAX_VOTES {
        return Err(ApiError::invalid(format!(
            "vote: {vote} is not a vote of a meeting"
        )));
    }
    with_session(&joined, |s| s.vote(vote, &choice))
}

/// Writes the closed minutes (PDF marked DỰ THẢO) into the member's folder; the view names it
/// when it is there, and [`member_open_minutes`] opens it.
#[tauri::command]
pub fn member_read<R: Runtime>(
    app: AppHandle<R>,
    joined: State<'_, MemberRoom>,
) -> Result<(), CommandError> {
    let to = member_dir(&app)?.join("kept").join("bien-ban-de-doc.pdf");
    with_session(&joined, |s| s.read_minutes(to))
}

/// Opens the minutes [`member_read`] wrote in the system's PDF viewer.
#[tauri::command]
pub fn member_open_minutes(joined: State<'_, MemberRoom>) -> Result<(), CommandError> {
    let path = with_session(&joined, |s| Ok(s.view().minutes_pdf))?
        .ok_or_else(|| ApiError::invalid("the minutes have not been read yet"))?;
    dialogs::open_in_system_viewer(std::path::Path::new(&path))
        .map_err(|e| ApiError::io(format!("{path}: {e}")))
}

/// Signs the closed meeting's record in `role` (`chair`, `minute-taker`, `member`).
#[tauri::command]
pub fn member_sign(joined: State<'_, MemberRoom>, role: String) -> Result<(), CommandError> {
    if !matches!(role.as_str(), "chair" | "minute-taker" | "member") {
        return Err(ApiError::invalid("role: chair, minute-taker or member"));
    }
    with_session(&joined, |s| s.sign(&role))
}

/// The records this member signed from this laptop, each checked again (record intact,
/// signature the member's own).
#[tauri::command]
pub async fn member_records<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Vec<KeptRecordView>, CommandError> {
    member_records::kept_records(&member_dir(&app)?)
}

/// Leaves the room (at once: a request still waiting on the network is abandoned).
#[tauri::command]
pub fn member_leave(joined: State<'_, MemberRoom>) -> Result<(), CommandError> {
    let session = joined.0.lock().map_err(|_| poisoned())?.take();
    if let Some(s) = session {
        s.leave();
    }
    Ok(())
}

/// Whether the room's answer says it has stopped (its threads are gone).
fn stopped(r: &minutebook_api::room::Refusal) -> bool {
    r.code == "room-closed"
}
