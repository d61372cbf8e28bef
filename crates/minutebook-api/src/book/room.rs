//! The meeting room (issue 12): the minute book behind `minutebook-room`'s host. Members'
//! check-ins become the attendance record (with the late arrival's time), votes by name are
//! kept as signed statements, secret ballots as counts and the list of who returned one,
//! and a signature sent from a member's laptop is accepted as an imported attestation is.
//! Each request that changes the book is one use case, stored before it is acknowledged.

use std::collections::VecDeque;
use std::net::{IpAddr, SocketAddr, UdpSocket};

use ed25519_dalek::VerifyingKey;
use minutebook_core::attendance::{Attendance, Presence};
use minutebook_core::roster::MemberCategory;
use minutebook_core::vote::{Vote, VoteMethod};
use minutebook_room::host::Log;
use minutebook_room::protocol::{OpenVote, Present, VoteResult};
use minutebook_room::statement::{Act, SignedStatement};
use minutebook_room::{
    Answer, Hall, JoinCode, Limits, Participant, Refusal, Room, RoomInfo, RoomState, ToHost,
};
use minutebook_sign::bundle::SignatureFiles;
use minutebook_store::RoomRow;
use time::Time;

use super::workspace::live_figures;
use super::*;
use crate::Lang;
use crate::i18n::tr;

/// An open room and how members reach it.
pub struct OpenedRoom {
    /// The room; [`Room::command`] for the secretary's commands, [`Room::close`] at the end.
    pub room: Room,
    /// The code members type.
    pub code: JoinCode,
    /// The room key's fingerprint, grouped, for the secretary to read out.
    pub fingerprint_grouped: String,
    /// Whether an open room of this meeting was resumed (after a restart) rather than opened.
    pub resumed: bool,
}

/// An open room as the secretary's window shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RoomOpenView {
    /// The meeting the room is for.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub meeting_id: i64,
    /// The code members type: `ADDRESS:PORT/XXXX-XXXX-XXXX-XXXX-XXXX`.
    pub code: String,
    /// The room key's fingerprint, 64 hex digits grouped by 4, for the secretary to read out.
    pub fingerprint: String,
    /// The join code as a QR code: one string per row of modules, `1` dark, `0` light, no quiet
    /// zone (the window draws it).
    pub qr: Vec<String>,
    /// Whether a room left open (after a crash or restart) was resumed.
    pub resumed: bool,
}

/// What the secretary's room panel shows: the room, its live state and what it logged.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RoomHostView {
    /// The room.
    pub room: RoomOpenView,
    /// Its live state (the same members see).
    pub state: RoomState,
    /// The room's last log lines, oldest first (who joined, what was refused and why; never a
    /// ballot's content).
    pub log: Vec<String>,
}

impl OpenedRoom {
    /// The room as the secretary's window shows it, for meeting `meeting_id`.
    pub fn view(&self, meeting_id: i64) -> RoomOpenView {
        let qr = qrcode::QrCode::with_error_correction_level(
            self.code.to_string().as_bytes(),
            qrcode::EcLevel::M,
        )
        .map(|code| {
            let width = code.width();
            code.to_colors()
                .chunks(width)
                .map(|row| {
                    row.iter()
                        .map(|c| if *c == qrcode::Color::Dark { '1' } else { '0' })
                        .collect()
                })
                .collect()
        })
        .unwrap_or_default();
        RoomOpenView {
            meeting_id,
            code: self.code.to_string(),
            fingerprint: self.fingerprint_grouped.clone(),
            qr,
            resumed: self.resumed,
        }
    }

    /// The join code as a QR code drawn with Unicode half blocks (two rows of modules per
    /// line, quiet zone included), for a terminal; a phone's camera reads it off the screen.
    pub fn qr_text(&self) -> String {
        use qrcode::render::unicode::Dense1x2;
        match qrcode::QrCode::with_error_correction_level(
            self.code.to_string().as_bytes(),
            qrcode::EcLevel::M,
        ) {
            Ok(code) => code
                .render::<Dense1x2>()
                .dark_color(Dense1x2::Light)
                .light_color(Dense1x2::Dark)
                .quiet_zone(true)
                .build(),
            Err(_) => String::new(),
        }
    }
}

impl Book {
    /// Opens the meeting room of meeting `id` on `listen` (port 0 = any free port), or resumes
    /// the one left open (after a crash or restart: everything it acknowledged is in the book).
    /// The room key is `host`'s signing key, unlocked with `passphrase`; members pin its
    /// fingerprint. The book moves into the room: it serves members' requests one at a time
    /// until the room is closed. Messages to members are in `lang`; `log` receives what the
    /// room does (never a ballot's content).
    ///
    /// # Errors
    /// `NotFound` for the meeting, the member or their key; `WrongPassphrase`; `NotAllowed`
    /// when a room left open was hosted with another key; `Io` when the address cannot be
    /// bound.
    pub fn open_room(
        mut self,
        id: i64,
        host: &str,
        passphrase: &[u8],
        listen: SocketAddr,
        lang: Lang,
        log: Log,
    ) -> Result<OpenedRoom, ApiError> {
        let meeting = self.meeting(id)?;
        let member = self.find_member(host)?;
        let stored = self.active_key(&member)?;
        let key = sign_keys::decrypt_private_key_pem(
            super::keys::private_half(&stored, &member)?,
            passphrase,
        )?;
        let fingerprint = Fingerprint::of(&key.verifying_key());
        let (row, resumed) = match self.store().open_room_of(id)? {
            Some(row) if row.host_fingerprint != fingerprint.as_hex() => {
                return Err(ApiError::with_detail(
                    ErrorCode::NotAllowed,
                    "err-room-other-host",
                    &[("id", id.to_string())],
                    format!("the room of meeting #{id} was opened with another key"),
                ));
            }
            Some(mut row) => {
                // The meeting's votes may have changed while the room was down.
                if row
                    .open_vote
                    .is_some_and(|v| v as usize >= meeting.votes.len())
                {
                    let room = row.id;
                    self.use_case("resume the room", |book| {
                        Ok(book.store_mut().set_room_vote(room, None)?)
                    })?;
                    row.open_vote = None;
                }
                (row, true)
            }
            None => {
                let mut token = [0u8; 16];
                getrandom::fill(&mut token)
                    .map_err(|e| ApiError::io(format!("random room token: {e}")))?;
                let token = hex::encode(token);
                let fp = fingerprint.as_hex().to_owned();
                let row = self.use_case(&format!("open the room of meeting #{id}"), |book| {
                    Ok(book.store_mut().add_room(id, &token, &fp)?)
                })?;
                (row, false)
            }
        };
        let hall = RoomHall {
            book: self,
            meeting: id,
            room: row,
            lang,
            queue: VecDeque::new(),
            current_item: None,
            results: None,
        };
        let room = Room::open(listen, key, hall, Limits::default(), log)
            .map_err(|e| ApiError::io(format!("{listen}: {e}")))?;
        let reach = SocketAddr::new(reachable_ip(room.addr().ip()), room.addr().port());
        Ok(OpenedRoom {
            code: room.code_for(reach),
            fingerprint_grouped: room.fingerprint().grouped(),
            room,
            resumed,
        })
    }
}

/// The address members reach a room listening on `ip` at: itself, or for a room listening on
/// every interface, this laptop's address on its network (the interface a route out would
/// use; no packet is sent), else loopback.
fn reachable_ip(ip: IpAddr) -> IpAddr {
    if !ip.is_unspecified() {
        return ip;
    }
    UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| {
            s.connect("192.0.2.1:9")?;
            s.local_addr()
        })
        .map(|a| a.ip())
        .unwrap_or(IpAddr::from([127, 0, 0, 1]))
}

/// The meeting behind a room.
struct RoomHall {
    book: Book,
    meeting: i64,
    room: RoomRow,
    lang: Lang,
    /// Who asked to speak, in order (member id, name); first = whose turn it is.
    queue: VecDeque<(MemberId, String)>,
    current_item: Option<u32>,
    /// The results of votes taken in rooms, as last computed (`None` = compute again).
    results: Option<Vec<VoteResult>>,
}

fn refusal(code: &str, lang: Lang, id: &str, args: &[(&str, String)]) -> Refusal {
    Refusal::new(code, tr(lang, id, args))
}

/// A statement (or record) refused for `why`: nothing recorded.
fn bad_statement(lang: Lang, why: &str) -> Refusal {
    refusal(
        "bad-statement",
        lang,
        "room-bad-statement",
        &[("why", why.to_owned())],
    )
}

impl RoomHall {
    fn api_refusal(&self, e: &ApiError) -> Refusal {
        Refusal::new(e.code.catalogue_id(), e.localized(self.lang))
    }

    fn now_local(&self) -> Time {
        let t = self.book.signing_time().time();
        // Minutes are what the minutes state.
        Time::from_hms(t.hour(), t.minute(), 0).unwrap_or(t)
    }

    fn member_of(&self, who: &Participant) -> Result<Member, Refusal> {
        let id = who.member_id.parse::<i64>().unwrap_or(0);
        self.book
            .store()
            .member(MemberId(id))
            .map_err(|e| self.api_refusal(&e.into()))
    }

    /// The act a signed statement states, once its signature, bytes, room, meeting and member
    /// hold; with the signature's bytes, to keep.
    fn statement(
        &self,
        who: &Participant,
        key: &VerifyingKey,
        statement: &str,
        signature: &str,
    ) -> Result<(Act, [u8; 64]), Refusal> {
        let signature: [u8; 64] = hex::decode(signature)
            .ok()
            .and_then(|s| s.try_into().ok())
            .ok_or_else(|| bad_statement(self.lang, "signature"))?;
        let signed = SignedStatement {
            bytes: statement.as_bytes().to_vec(),
            signature,
        };
        let s = signed
            .verify(key)
            .map_err(|e| bad_statement(self.lang, &e.to_string()))?;
        if s.room != self.room.token
            || s.meeting != self.meeting.to_string()
            || s.member != who.member_id
        {
            return Err(bad_statement(self.lang, "room, meeting or member"));
        }
        Ok((s.act, signature))
    }

    fn editable_meeting(&self) -> Result<Meeting, Refusal> {
        let meeting = self
            .book
            .meeting(self.meeting)
            .map_err(|e| self.api_refusal(&e))?;
        if !meeting.status.is_editable() {
            return Err(refusal(
                "meeting-closed",
                self.lang,
                "room-meeting-closed",
                &[],
            ));
        }
        Ok(meeting)
    }

    fn check_in(
        &mut self,
        who: &Participant,
        key: &VerifyingKey,
        statement: &str,
        signature: &str,
    ) -> Result<Answer, Refusal> {
        let (act, signature) = self.statement(who, key, statement, signature)?;
        if act != Act::CheckIn {
            return Err(bad_statement(self.lang, "act"));
        }
        let member = self.member_of(who)?;
        let already = self
            .book
            .store()
            .has_room_statement(self.room.id, member.id, "check-in", None)
            .map_err(|e| self.api_refusal(&e.into()))?;
        if already {
            return Ok(Answer::Done(tr(self.lang, "room-checked-in-already", &[])));
        }
        let meeting = self.editable_meeting()?;
        let now = self.now_local();
        let late = meeting.actual_start.filter(|s| now > *s).map(|_| now);
        // Someone the minute-taker already marked present keeps their arrival time; someone
        // who had left and comes back is in the room again.
        let mut entry = meeting
            .attendance
            .iter()
            .find(|a| a.member == member.id)
            .cloned()
            .unwrap_or_else(|| Attendance::new(member.id, Presence::AbsentUnexcused));
        if entry.presence != Presence::Present {
            entry.presence = Presence::Present;
            entry.arrived_at = late;
        }
        entry.left_at = None;
        entry.left_reason = None;
        let late = entry.arrived_at;
        let room = self.room.id;
        self.book
            .use_case(
                &format!("check-in of member #{} in the room", member.id.0),
                |book| {
                    book.store_mut().add_room_statement(
                        room,
                        member.id,
                        "check-in",
                        None,
                        statement.as_bytes(),
                        &signature,
                    )?;
                    book.store_mut().set_attendance(meeting.id, &entry)?;
                    Ok(())
                },
            )
            .map_err(|e| self.api_refusal(&e))?;
        Ok(Answer::Done(match late {
            Some(t) => tr(
                self.lang,
                "room-checked-in-late",
                &[("time", convert::time_str(t))],
            ),
            None => tr(self.lang, "room-checked-in", &[]),
        }))
    }

    /// The open vote, if `vote` is it, and whether `who` may vote in it now.
    /// The open vote, when `vote` is it, and the member if they may vote in it now.
    fn may_vote(&self, who: &Participant, vote: u32) -> Result<(Vote, Member), Refusal> {
        if self.room.open_vote != Some(vote) {
            return Err(refusal(
                "vote-not-open",
                self.lang,
                "room-vote-not-open",
                &[("n", (vote + 1).to_string())],
            ));
        }
        let meeting = self.editable_meeting()?;
        let Some(v) = meeting.votes.get(vote as usize).cloned() else {
            return Err(refusal(
                "vote-not-open",
                self.lang,
                "room-no-such-vote",
                &[("n", (vote + 1).to_string())],
            ));
        };
        let member = self.member_of(who)?;
        if member.category != MemberCategory::Official {
            return Err(refusal(
                "may-not-vote",
                self.lang,
                "room-may-not-vote-probationary",
                &[],
            ));
        }
        let now = self.now_local();
        let present = meeting
            .attendance
            .iter()
            .any(|a| a.member == member.id && a.is_present_at(now));
        if !present {
            return Err(refusal("not-present", self.lang, "room-not-present", &[]));
        }
        Ok((v, member))
    }

    /// Refuses a second vote: `member` voted on `vote` in a room of this meeting already (a
    /// room resumed or opened again included).
    fn not_voted_yet(&self, vote: u32, member: MemberId) -> Result<(), Refusal> {
        let voted = self
            .book
            .store()
            .has_voted(self.meeting, vote, member)
            .map_err(|e| self.api_refusal(&e.into()))?;
        if voted {
            return Err(refusal(
                "already-voted",
                self.lang,
                "room-already-voted",
                &[],
            ));
        }
        Ok(())
    }

    fn vote_by_name(
        &mut self,
        who: &Participant,
        key: &VerifyingKey,
        statement: &str,
        signature: &str,
    ) -> Result<Answer, Refusal> {
        let (
            Act::Vote {
                vote,
                subject,
                choice,
            },
            signature,
        ) = self.statement(who, key, statement, signature)?
        else {
            return Err(bad_statement(self.lang, "act"));
        };
        let (v, member) = self.may_vote(who, vote)?;
        if v.subject != subject {
            return Err(bad_statement(self.lang, "subject"));
        }
        if matches!(v.method, VoteMethod::SecretBallot { .. }) {
            return Err(refusal(
                "secret-ballot",
                self.lang,
                "room-secret-not-named",
                &[],
            ));
        }
        self.not_voted_yet(vote, member.id)?;
        let room = self.room.id;
        self.book
            .use_case("a vote by name in the room", |book| {
                Ok(book.store_mut().add_room_statement(
                    room,
                    member.id,
                    "vote",
                    Some(vote),
                    statement.as_bytes(),
                    &signature,
                )?)
            })
            .map_err(|e| self.api_refusal(&e))?;
        Ok(Answer::Done(tr(
            self.lang,
            "room-voted",
            &[(
                "choice",
                tr(self.lang, &format!("room-choice-{}", choice.code()), &[]),
            )],
        )))
    }

    fn ballot(
        &mut self,
        who: &Participant,
        vote: u32,
        choice: minutebook_room::Choice,
    ) -> Result<Answer, Refusal> {
        let (v, member) = self.may_vote(who, vote)?;
        if !matches!(v.method, VoteMethod::SecretBallot { .. }) {
            return Err(refusal(
                "not-secret",
                self.lang,
                "room-named-not-secret",
                &[],
            ));
        }
        self.not_voted_yet(vote, member.id)?;
        let room = self.room.id;
        let index = match choice {
            minutebook_room::Choice::Yes => 0,
            minutebook_room::Choice::No => 1,
            minutebook_room::Choice::Abstain => 2,
        };
        self.book
            .use_case("a secret ballot in the room", |book| {
                Ok(book.store_mut().cast_ballot(room, vote, member.id, index)?)
            })
            .map_err(|e| self.api_refusal(&e))?;
        Ok(Answer::Done(tr(self.lang, "room-ballot-cast", &[])))
    }

    fn attest(
        &mut self,
        key: &VerifyingKey,
        role: &str,
        attestation: &str,
        signature: &str,
    ) -> Result<Answer, Refusal> {
        let role = role_of(role).map_err(|e| self.api_refusal(&e))?;
        let files = SignatureFiles {
            number: 1,
            role,
            attestation: attestation.as_bytes().to_vec(),
            signature: hex::decode(signature).unwrap_or_default(),
            public_key_pem: sign_keys::public_key_pem(key).into_bytes(),
        };
        let accepted = self
            .book
            .accept_attestation(self.meeting, files, "room")
            .map_err(|e| self.api_refusal(&e))?;
        Ok(Answer::Done(match accepted.first() {
            Some(a) => tr(self.lang, "room-signed", &[("stem", a.stem.clone())]),
            None => tr(self.lang, "room-signed-already", &[]),
        }))
    }

    /// Counts the open vote, adds the hands counted in the room for members without a laptop
    /// (`extra` = yes, no, abstain), writes the vote's figures and closes it: one use case.
    fn close_vote(&mut self, extra: [u32; 3]) -> Result<String, Refusal> {
        let Some(vote) = self.room.open_vote else {
            return Err(refusal("no-open-vote", self.lang, "room-no-open-vote", &[]));
        };
        let mut meeting = self.editable_meeting()?;
        let store = self.book.store();
        let e = |e: minutebook_store::Error| self.api_refusal(&e.into());
        let Some(taken) = meeting.votes.get(vote as usize) else {
            return Err(refusal(
                "bad-command",
                self.lang,
                "room-no-such-vote",
                &[("n", (vote + 1).to_string())],
            ));
        };
        let secret = matches!(taken.method, VoteMethod::SecretBallot { .. });
        let mut counts = if secret {
            store.ballot_box(self.room.id, vote).map_err(e)?
        } else {
            let mut c = [0u32; 3];
            for s in store.room_statements(self.room.id).map_err(e)? {
                if s.kind != "vote" || s.vote_index != Some(vote) {
                    continue;
                }
                let value = minutebook_sign::parse_canonical(&s.statement).unwrap_or_default();
                let at = match value.get("choice").and_then(|c| c.as_str()) {
                    Some("yes") => 0,
                    Some("no") => 1,
                    _ => 2,
                };
                c[at] = c[at].saturating_add(1);
            }
            c
        };
        for (c, x) in counts.iter_mut().zip(extra) {
            *c = c.saturating_add(x);
        }
        let now = self.now_local();
        let roster = store.list_members().map_err(e)?;
        let v = &mut meeting.votes[vote as usize];
        v.yes = counts[0];
        v.no = counts[1];
        v.abstain = counts[2];
        v.at = now;
        if secret {
            let returned = counts.iter().fold(0u32, |a, c| a.saturating_add(*c));
            let issued = meeting
                .attendance
                .iter()
                .filter(|a| a.is_present_at(now))
                .filter(|a| {
                    roster
                        .iter()
                        .any(|m| m.id == a.member && m.category == MemberCategory::Official)
                })
                .count();
            // Ballots issued: to the official members present; never fewer than returned
            // (hands counted for members without a laptop may exceed who is marked present).
            let issued = u32::try_from(issued).unwrap_or(u32::MAX).max(returned);
            meeting.votes[vote as usize].method = VoteMethod::SecretBallot {
                issued,
                returned,
                valid: returned,
            };
        }
        let room = self.room.id;
        self.book
            .use_case(&format!("close vote {} in the room", vote + 1), |book| {
                book.store_mut().save_meeting(&meeting)?;
                book.store_mut().set_room_vote(room, None)?;
                Ok(())
            })
            .map_err(|e| self.api_refusal(&e))?;
        self.room.open_vote = None;
        self.results = None;
        Ok(tr(
            self.lang,
            "room-vote-closed",
            &[
                ("n", (vote + 1).to_string()),
                ("yes", counts[0].to_string()),
                ("no", counts[1].to_string()),
                ("abstain", counts[2].to_string()),
            ],
        ))
    }

    fn set_time(&mut self, start: bool, typed: Option<&str>) -> Result<String, Refusal> {
        let at = match typed {
            Some(t) => convert::parse_time(t, "").ok().ok_or_else(|| {
                refusal(
                    "bad-command",
                    self.lang,
                    "room-bad-time",
                    &[("typed", t.to_owned())],
                )
            })?,
            None => self.now_local(),
        };
        let mut meeting = self.editable_meeting()?;
        if start {
            meeting.actual_start = Some(at);
        } else {
            meeting.actual_end = Some(at);
        }
        self.book
            .use_case("set the meeting's time from the room", |book| {
                Ok(book.store_mut().save_meeting(&meeting)?)
            })
            .map_err(|e| self.api_refusal(&e))?;
        Ok(tr(
            self.lang,
            if start { "room-started" } else { "room-ended" },
            &[("time", convert::time_str(at))],
        ))
    }
}

fn number(word: Option<&str>) -> Option<u32> {
    word.and_then(|w| w.trim_start_matches('+').parse().ok())
}

impl Hall for RoomHall {
    fn info(&self) -> RoomInfo {
        let (subject, date, place) = self
            .book
            .meeting(self.meeting)
            .map(|m| (m.subject, convert::date_str(m.date), m.place))
            .unwrap_or_default();
        RoomInfo {
            token: self.room.token.clone(),
            meeting_id: self.meeting.to_string(),
            subject,
            date,
            place,
        }
    }

    fn admit(&mut self, key: &VerifyingKey) -> Result<Participant, Refusal> {
        let fp = Fingerprint::of(key);
        let unknown = || {
            refusal(
                "not-in-roster",
                self.lang,
                "room-refused-unknown-key",
                &[("fingerprint", fp.grouped())],
            )
        };
        let stored = self.book.store().key(fp.as_hex()).map_err(|_| unknown())?;
        let meeting = self
            .book
            .meeting(self.meeting)
            .map_err(|e| self.api_refusal(&e))?;
        if stored.revoked_from.is_some_and(|from| from <= meeting.date) {
            return Err(refusal(
                "key-revoked",
                self.lang,
                "room-refused-revoked",
                &[],
            ));
        }
        let member = self
            .book
            .store()
            .member(stored.member)
            .map_err(|_| unknown())?;
        if !member.is_on_roster_on(meeting.date) {
            return Err(refusal(
                "not-on-roster",
                self.lang,
                "room-refused-not-on-roster",
                &[("name", member.full_name.clone())],
            ));
        }
        let official = member.category == MemberCategory::Official;
        Ok(Participant {
            member_id: member.id.0.to_string(),
            full_name: member.full_name.clone(),
            may_vote: official,
            why_not: (!official).then(|| tr(self.lang, "room-may-not-vote-probationary", &[])),
        })
    }

    fn handle(
        &mut self,
        who: &Participant,
        key: &VerifyingKey,
        request: &ToHost,
    ) -> Result<Answer, Refusal> {
        match request {
            ToHost::CheckIn {
                statement,
                signature,
                ..
            } => self.check_in(who, key, statement, signature),
            ToHost::Speak { .. } => {
                let member = self.member_of(who)?;
                if !self.queue.iter().any(|(m, _)| *m == member.id) {
                    self.queue.push_back((member.id, member.full_name.clone()));
                }
                let place = self
                    .queue
                    .iter()
                    .position(|(m, _)| *m == member.id)
                    .unwrap_or(0)
                    + 1;
                Ok(Answer::Done(tr(
                    self.lang,
                    "room-queued",
                    &[("place", place.to_string())],
                )))
            }
            ToHost::Vote {
                statement,
                signature,
                ..
            } => self.vote_by_name(who, key, statement, signature),
            ToHost::Ballot { vote, choice, .. } => self.ballot(who, *vote, *choice),
            ToHost::GetRecord { .. } => {
                let (rv, _) = self
                    .book
                    .current_record(self.meeting)
                    .map_err(|e| self.api_refusal(&e))?;
                String::from_utf8(rv.bytes)
                    .map(Answer::Record)
                    .map_err(|_| bad_statement(self.lang, "record"))
            }
            ToHost::Attest {
                role,
                attestation,
                signature,
                ..
            } => self.attest(key, role, attestation, signature),
            ToHost::Ping { .. } => Ok(Answer::Done(String::new())),
        }
    }

    fn command(&mut self, line: &str) -> Result<String, Refusal> {
        let mut words = line.split_whitespace();
        let lang = self.lang;
        match words.next() {
            Some("item") => {
                let n = number(words.next())
                    .filter(|n| *n >= 1)
                    .ok_or_else(|| refusal("bad-command", lang, "room-usage", &[]))?;
                self.current_item = Some(n - 1);
                Ok(tr(lang, "room-item", &[("n", n.to_string())]))
            }
            Some("start") => self.set_time(true, words.next()),
            Some("end") => self.set_time(false, words.next()),
            Some("vote") => {
                let n = number(words.next())
                    .filter(|n| *n >= 1)
                    .ok_or_else(|| refusal("bad-command", lang, "room-usage", &[]))?;
                let meeting = self.editable_meeting()?;
                if n as usize > meeting.votes.len() {
                    return Err(refusal(
                        "bad-command",
                        lang,
                        "room-no-such-vote",
                        &[("n", n.to_string())],
                    ));
                }
                if let Some(open) = self.room.open_vote {
                    return Err(refusal(
                        "vote-open",
                        lang,
                        "room-vote-already-open",
                        &[("n", (open + 1).to_string())],
                    ));
                }
                // A vote taken in a room is not taken again: its figures would be overwritten.
                let taken = self
                    .book
                    .store()
                    .votes_taken_in_rooms(self.meeting)
                    .map_err(|e| self.api_refusal(&e.into()))?;
                if taken.contains(&(n - 1)) {
                    return Err(refusal(
                        "vote-taken",
                        lang,
                        "room-vote-taken",
                        &[("n", n.to_string())],
                    ));
                }
                let room = self.room.id;
                self.book
                    .use_case("open a vote in the room", |book| {
                        Ok(book.store_mut().set_room_vote(room, Some(n - 1))?)
                    })
                    .map_err(|e| self.api_refusal(&e))?;
                self.room.open_vote = Some(n - 1);
                Ok(tr(
                    lang,
                    "room-vote-opened",
                    &[
                        ("n", n.to_string()),
                        ("subject", meeting.votes[n as usize - 1].subject.clone()),
                    ],
                ))
            }
            Some("close-vote") => {
                // Hands counted in the room: none, or exactly three whole numbers.
                let typed: Vec<&str> = words.collect();
                let extra = match typed.as_slice() {
                    [] => [0; 3],
                    [y, n, a] => match (number(Some(y)), number(Some(n)), number(Some(a))) {
                        (Some(y), Some(n), Some(a)) => [y, n, a],
                        _ => return Err(refusal("bad-command", lang, "room-bad-counts", &[])),
                    },
                    _ => return Err(refusal("bad-command", lang, "room-bad-counts", &[])),
                };
                self.close_vote(extra)
            }
            // Gives the floor to the first in the queue, who leaves it.
            Some("next") => match self.queue.pop_front() {
                Some((_, name)) => Ok(tr(lang, "room-next-speaker", &[("name", name)])),
                None => Ok(tr(lang, "room-queue-empty", &[])),
            },
            Some("close") => {
                if let Some(open) = self.room.open_vote {
                    return Err(refusal(
                        "vote-open",
                        lang,
                        "room-vote-still-open",
                        &[("n", (open + 1).to_string())],
                    ));
                }
                let info = self
                    .book
                    .close_meeting(self.meeting)
                    .map_err(|e| self.api_refusal(&e))?;
                Ok(tr(
                    lang,
                    "room-meeting-closed-ok",
                    &[("sha", info.sha256.clone())],
                ))
            }
            _ => Err(refusal("bad-command", lang, "room-usage", &[])),
        }
    }

    fn state(&mut self) -> RoomState {
        let Ok(meeting) = self.book.meeting(self.meeting) else {
            return RoomState::default();
        };
        let store = self.book.store();
        let roster = store.list_members().unwrap_or_default();
        let name = |id: MemberId| {
            roster
                .iter()
                .find(|m| m.id == id)
                .map(|m| m.full_name.clone())
                .unwrap_or_default()
        };
        let checked_in = store.room_check_ins(self.room.id).unwrap_or_default();
        let present = meeting
            .attendance
            .iter()
            .filter(|a| a.attended())
            .map(|a| Present {
                full_name: name(a.member),
                arrived_at: a.arrived_at.map(convert::time_str),
                checked_in: checked_in.contains(&a.member),
            })
            .collect();
        let open_vote = self.room.open_vote.and_then(|i| {
            let v = meeting.votes.get(i as usize)?;
            Some(OpenVote {
                index: i,
                subject: v.subject.clone(),
                method: v.method.code().to_owned(),
                cast: store.room_votes_cast(self.room.id, i).unwrap_or(0),
            })
        });
        // The results of votes taken in the meeting's rooms: computed when a vote closes, not
        // on every check-in.
        if self.results.is_none() {
            let taken: Vec<u32> = store
                .votes_taken_in_rooms(self.meeting)
                .unwrap_or_default()
                .into_iter()
                .filter(|i| Some(*i) != self.room.open_vote)
                .collect();
            let results = match (self.book.require_cell(), taken.is_empty()) {
                (Ok(cell), false) => {
                    let live = live_figures(&cell, &roster, &meeting);
                    taken
                        .iter()
                        .filter_map(|i| {
                            let r = live.votes.get(*i as usize)?.result.clone()?;
                            Some(VoteResult {
                                index: *i,
                                subject: r.subject,
                                method: meeting.votes.get(*i as usize)?.method.code().to_owned(),
                                yes: r.yes,
                                no: r.no,
                                abstain: r.abstain,
                                eligible: r.eligible,
                                reading: r.reading,
                                passed: r.passed,
                            })
                        })
                        .collect()
                }
                _ => Vec::new(),
            };
            self.results = Some(results);
        }
        let results = self.results.clone().unwrap_or_default();
        let store = self.book.store();
        let (record_sha256, signed) = match store.latest_record_version(MeetingId(self.meeting)) {
            Ok(Some(rv)) if !meeting.status.is_editable() => {
                let signed = store
                    .attestations(&rv.sha256)
                    .unwrap_or_default()
                    .iter()
                    .map(|a| name(a.signed.member))
                    .collect();
                (Some(rv.sha256), signed)
            }
            _ => (None, Vec::new()),
        };
        RoomState {
            agenda: meeting.agenda.iter().map(|a| a.title.clone()).collect(),
            current_item: self.current_item,
            present,
            queue: self.queue.iter().map(|(_, n)| n.clone()).collect(),
            open_vote,
            results,
            record_sha256,
            signed,
        }
    }

    // A member whose laptop drops keeps their place in the speaking queue: they rejoin.

    fn end(&mut self) -> Result<(), Refusal> {
        // Ending with a vote open would leave acknowledged ballots out of the minutes.
        if let Some(open) = self.room.open_vote {
            return Err(refusal(
                "vote-open",
                self.lang,
                "room-vote-still-open",
                &[("n", (open + 1).to_string())],
            ));
        }
        let room = self.room.id;
        self.book
            .use_case("end the room", |book| {
                Ok(book.store_mut().close_room(room)?)
            })
            .map_err(|e| self.api_refusal(&e))
    }
}
