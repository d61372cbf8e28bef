//! A member's room in an app that must never block (the desktop window): one thread owns the
//! [`RoomMember`], keeps its state fresh (and the connection alive, joining again when it drops),
//! and carries out the member's requests one at a time; the window reads a [`MemberRoomView`]
//! whenever it likes and is never made to wait on the network.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use minutebook_room::RoomState;
use serde::Serialize;

use crate::error::{ApiError, ErrorCode};
use crate::files::write_file_atomically;
use crate::room_member::RoomMember;

/// How long a vote or a signature waits for the room (the vote to open, the meeting to close).
const ASK_WAIT: Duration = Duration::from_secs(30);
/// How long the thread takes what the room sends between two looks at the member's requests.
const TICK: Duration = Duration::from_millis(200);

/// What the member's window shows: who they are in the room, the room's live state and the
/// answer to their last request.
#[derive(Debug, Clone, Serialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MemberRoomView {
    /// The member's id in the cell's roster.
    pub member_id: String,
    /// The member's full name as the roster has it.
    pub full_name: String,
    /// The meeting: subject, date (YYYY-MM-DD) and place.
    pub subject: String,
    /// Meeting date, YYYY-MM-DD.
    pub date: String,
    /// Meeting place.
    pub place: String,
    /// The room key's fingerprint, grouped by 4, as the secretary reads it out.
    pub room_fingerprint: String,
    /// The room's state as last received.
    pub state: RoomState,
    /// Whether the connection is up (false while joining again).
    pub connected: bool,
    /// The request being carried out (`check-in`, `speak`, `vote`, `read`, `sign`), if any.
    pub busy: Option<String>,
    /// The room's answer to the last request, in the room's language.
    pub answer: Option<String>,
    /// The last request's error.
    pub error: Option<ApiError>,
    /// Whether this member checked in from this laptop.
    pub checked_in: bool,
    /// Votes (0-based) this member voted in from this laptop.
    pub voted: Vec<u32>,
    /// SHA-256 of the record this member signed from this laptop.
    pub signed_record: Option<String>,
    /// Where the minutes to read were last written (see [`MemberSession::read_minutes`]).
    pub minutes_pdf: Option<String>,
    /// Whether the room refused this laptop for good (see `error`): join again to go on.
    pub ended: bool,
}

enum Ask {
    CheckIn,
    Speak,
    Vote { vote: u32, choice: String },
    Read { to: PathBuf },
    Sign { role: String },
}

/// A member's room running on its own thread.
pub struct MemberSession {
    tx: Option<mpsc::Sender<Ask>>,
    view: Arc<Mutex<MemberRoomView>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

fn update(view: &Mutex<MemberRoomView>, f: impl FnOnce(&mut MemberRoomView)) {
    if let Ok(mut v) = view.lock() {
        f(&mut v);
    }
}

impl MemberSession {
    /// Starts the member's thread around a room already joined.
    pub fn start(member: RoomMember) -> MemberSession {
        let (you_id, you_name) = member.you();
        let room = member.room();
        let view = Arc::new(Mutex::new(MemberRoomView {
            member_id: you_id.to_owned(),
            full_name: you_name.to_owned(),
            subject: room.subject.clone(),
            date: room.date.clone(),
            place: room.place.clone(),
            room_fingerprint: member.room_fingerprint(),
            state: member.state().clone(),
            connected: true,
            ..Default::default()
        }));
        let (tx, rx) = mpsc::channel();
        let shared = Arc::clone(&view);
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("member-room".to_owned())
            .spawn(move || run(member, &rx, &shared, &stopped))
            .ok();
        if thread.is_none() {
            update(&view, |v| {
                v.connected = false;
                v.error = Some(ApiError::io("could not start the room's thread"));
            });
        }
        MemberSession {
            tx: Some(tx),
            view,
            stop,
            thread,
        }
    }

    /// What the window shows now.
    pub fn view(&self) -> MemberRoomView {
        self.view.lock().map(|v| v.clone()).unwrap_or_default()
    }

    /// Hands `ask` to the member's thread, one request at a time.
    fn ask(&self, ask: Ask, what: &str) -> Result<(), ApiError> {
        let mut taken = false;
        let mut ended = false;
        update(&self.view, |v| {
            if v.busy.is_some() {
                return;
            }
            if v.ended {
                ended = true;
                return;
            }
            v.busy = Some(what.to_owned());
            v.error = None;
            taken = true;
        });
        if ended {
            return Err(ApiError::with_detail(
                ErrorCode::NotAllowed,
                "err-room-member-ended",
                &[],
                "this laptop is no longer in the room: join again".to_owned(),
            ));
        }
        if !taken {
            return Err(ApiError::with_detail(
                ErrorCode::NotAllowed,
                "err-room-member-busy",
                &[],
                "the previous request is still being carried out".to_owned(),
            ));
        }
        if let Some(tx) = &self.tx {
            let _ = tx.send(ask);
        }
        Ok(())
    }

    /// Checks in (signed, with the room's time).
    ///
    /// # Errors
    /// `NotAllowed` while another request is being carried out, or after the room ended.
    pub fn check_in(&self) -> Result<(), ApiError> {
        self.ask(Ask::CheckIn, "check-in")
    }

    /// Asks to speak.
    ///
    /// # Errors
    /// As [`MemberSession::check_in`].
    pub fn ask_to_speak(&self) -> Result<(), ApiError> {
        self.ask(Ask::Speak, "speak")
    }

    /// Votes `choice` (`yes`, `no`, `abstain`) in vote `vote` (0-based) once it is open.
    ///
    /// # Errors
    /// As [`MemberSession::check_in`].
    pub fn vote(&self, vote: u32, choice: &str) -> Result<(), ApiError> {
        self.ask(
            Ask::Vote {
                vote,
                choice: choice.to_owned(),
            },
            "vote",
        )
    }

    /// Writes the closed meeting's minutes (PDF, marked DỰ THẢO, the signed PDF's templates)
    /// to `to`; `minutes_pdf` names it once it is there.
    ///
    /// # Errors
    /// As [`MemberSession::check_in`].
    pub fn read_minutes(&self, to: PathBuf) -> Result<(), ApiError> {
        self.ask(Ask::Read { to }, "read")
    }

    /// Signs the closed meeting's record in `role` (`chair`, `minute-taker`, `member`) and sends
    /// the attestation.
    ///
    /// # Errors
    /// As [`MemberSession::check_in`].
    pub fn sign(&self, role: &str) -> Result<(), ApiError> {
        self.ask(
            Ask::Sign {
                role: role.to_owned(),
            },
            "sign",
        )
    }

    /// Leaves the room without waiting: requests not started are dropped, and the thread
    /// ends (closing the connection) once the one it is carrying out returns.
    pub fn leave(self) {}
}

impl Drop for MemberSession {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        self.tx = None;
        // Not joined: the thread may be waiting on the network; it ends by itself.
        drop(self.thread.take());
    }
}

fn run(
    mut member: RoomMember,
    rx: &mpsc::Receiver<Ask>,
    view: &Mutex<MemberRoomView>,
    stop: &AtomicBool,
) {
    loop {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        match rx.recv_timeout(Duration::ZERO) {
            Ok(ask) => {
                let done = carry_out(&mut member, ask, view);
                update(view, |v| {
                    v.busy = None;
                    match done {
                        Ok(answer) => {
                            v.answer = Some(answer);
                            v.error = None;
                        }
                        Err(e) => v.error = Some(e),
                    }
                    v.state = member.state().clone();
                });
            }
            Err(RecvTimeoutError::Disconnected) => break,
            Err(RecvTimeoutError::Timeout) => {
                let fresh = member.refresh(TICK);
                let lost = fresh.as_ref().err().map(|e| e.code == ErrorCode::Io);
                update(view, |v| {
                    v.connected = fresh.is_ok();
                    v.state = member.state().clone();
                    if let Err(e) = &fresh
                        && lost == Some(false)
                    {
                        // The room refused this laptop (the key was revoked, the room's key
                        // changed): joining again would be refused again.
                        v.error = Some(e.clone());
                        v.ended = true;
                    }
                });
                match lost {
                    Some(false) => break,
                    // Not connected: wait a moment before trying again.
                    Some(true) => std::thread::sleep(Duration::from_secs(1)),
                    None => {}
                }
            }
        }
    }
    member.leave();
}

fn carry_out(
    member: &mut RoomMember,
    ask: Ask,
    view: &Mutex<MemberRoomView>,
) -> Result<String, ApiError> {
    match ask {
        Ask::CheckIn => {
            let answer = member.check_in()?;
            update(view, |v| v.checked_in = true);
            Ok(answer)
        }
        Ask::Speak => member.ask_to_speak(),
        Ask::Vote { vote, choice } => {
            let answer = member.vote(vote + 1, &choice, ASK_WAIT)?;
            update(view, |v| v.voted.push(vote));
            Ok(answer)
        }
        Ask::Read { to } => {
            let pdf = member.minutes_pdf(ASK_WAIT)?;
            write_file_atomically(&to, &pdf)?;
            update(view, |v| v.minutes_pdf = Some(to.display().to_string()));
            Ok(String::new())
        }
        Ask::Sign { role } => {
            let (sha, answer) = member.sign(&role, ASK_WAIT)?;
            update(view, |v| v.signed_record = Some(sha));
            Ok(answer)
        }
    }
}
