//! A member's side: joins a room by its code, keeps the room's state, and sends check-ins,
//! requests to speak, votes, ballots and attestations, each answered by the host.

use std::net::TcpStream;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use ed25519_dalek::{SigningKey, VerifyingKey};
use minutebook_sign::Fingerprint;

use crate::channel::{self, ChannelError, Sender};
use crate::code::JoinCode;
use crate::protocol::{MAX_TO_MEMBER, Participant, RoomInfo, RoomState, ToHost, ToMember};
use crate::statement::{Act, Choice, SignedStatement, Statement};

/// How often a waiting member pings the host (which closes connections silent for 90 s).
pub const PING_EVERY: Duration = Duration::from_secs(20);

/// How long a member waits for the host to answer a request.
pub const REPLY_TIMEOUT: Duration = Duration::from_secs(30);

/// Why joining or a request failed.
#[derive(Debug, thiserror::Error)]
pub enum MemberError {
    /// The channel failed (including a room key that does not match the code).
    #[error(transparent)]
    Channel(#[from] ChannelError),
    /// The host refused to admit this key.
    #[error("the room refused this key ({code}): {message}")]
    Refused {
        /// Stable code.
        code: String,
        /// The host's reason.
        message: String,
    },
    /// The host refused a request.
    #[error("{message}")]
    Request {
        /// Stable code (`already-voted`, `may-not-vote`, …).
        code: String,
        /// The host's reason.
        message: String,
    },
    /// The host sent something that is not a room message, or out of turn.
    #[error("the room sent something unexpected: {0}")]
    Protocol(String),
    /// No answer in time.
    #[error("no answer from the room within {0:?}")]
    Timeout(Duration),
    /// The connection ended.
    #[error("the connection to the room was lost: {0}")]
    Lost(String),
}

enum Incoming {
    Message(ToMember),
    Lost(String),
}

/// A member in a room.
pub struct Member {
    sender: Sender,
    inbox: Receiver<Incoming>,
    key: SigningKey,
    next_id: u64,
    /// Who the host knows this member as.
    pub you: Participant,
    /// The room.
    pub room: RoomInfo,
    /// The room's state, as last received.
    pub state: RoomState,
    /// The room key this member checked.
    pub room_key: VerifyingKey,
}

impl Member {
    /// Joins the room `code` names, proving `key`. The room's key must start with the code's
    /// digits and, when `pinned` is given, have exactly that fingerprint.
    ///
    /// # Errors
    /// [`MemberError::Channel`] for the network or a room key that does not match;
    /// [`MemberError::Refused`] when the host does not admit this key.
    pub fn join(
        code: &JoinCode,
        key: SigningKey,
        pinned: Option<&Fingerprint>,
    ) -> Result<Member, MemberError> {
        let stream = TcpStream::connect_timeout(&code.addr, Duration::from_secs(5))
            .map_err(ChannelError::from)?;
        let established = channel::initiate(
            stream,
            &key,
            |room| {
                let fp = Fingerprint::of(room);
                if !code.matches(&fp) {
                    return Err(format!(
                        "the room's key {} does not match the join code",
                        fp.grouped()
                    ));
                }
                if pinned.is_some_and(|p| *p != fp) {
                    return Err(format!(
                        "the room's key {} is not the pinned one",
                        fp.grouped()
                    ));
                }
                Ok(())
            },
            MAX_TO_MEMBER,
            Duration::from_secs(5),
        )?;
        let channel::Established {
            sender,
            mut receiver,
            peer,
        } = established;
        let (tx, inbox) = mpsc::channel();
        std::thread::Builder::new()
            .name("room-member-recv".into())
            .spawn(move || {
                loop {
                    let incoming = match receiver.recv() {
                        Ok(bytes) => match serde_json::from_slice::<ToMember>(&bytes) {
                            Ok(m) => Incoming::Message(m),
                            Err(e) => Incoming::Lost(format!("malformed message: {e}")),
                        },
                        Err(e) => Incoming::Lost(e.to_string()),
                    };
                    let lost = matches!(incoming, Incoming::Lost(_));
                    if tx.send(incoming).is_err() || lost {
                        break;
                    }
                }
            })
            .map_err(|e| MemberError::Lost(e.to_string()))?;
        let first = next(&inbox, Duration::from_secs(10))?;
        let (you, room) = match first {
            ToMember::Welcome { you, room } => (you, room),
            ToMember::Refused { code, message } => {
                return Err(MemberError::Refused { code, message });
            }
            other => return Err(MemberError::Protocol(format!("{other:?}"))),
        };
        let state = match next(&inbox, Duration::from_secs(10))? {
            ToMember::State(s) => s,
            other => return Err(MemberError::Protocol(format!("{other:?}"))),
        };
        Ok(Member {
            sender,
            inbox,
            key,
            next_id: 1,
            you,
            room,
            state,
            room_key: peer,
        })
    }

    fn send(&mut self, message: &ToHost) -> Result<(), MemberError> {
        let bytes =
            serde_json::to_vec(message).map_err(|e| MemberError::Protocol(e.to_string()))?;
        self.sender.send(&bytes)?;
        Ok(())
    }

    fn take_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Sends `request` and waits for its answer, keeping the state current meanwhile.
    fn request(&mut self, request: ToHost) -> Result<ToMember, MemberError> {
        let id = request.id();
        self.send(&request)?;
        let deadline = Instant::now() + REPLY_TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match next(&self.inbox, left)? {
                ToMember::State(s) => self.state = s,
                ToMember::Reply {
                    id: got,
                    ok,
                    code,
                    message,
                } if got == id => {
                    return if ok {
                        Ok(ToMember::Reply {
                            id,
                            ok,
                            code,
                            message,
                        })
                    } else {
                        Err(MemberError::Request { code, message })
                    };
                }
                ToMember::Record { id: got, record } if got == id => {
                    return Ok(ToMember::Record { id, record });
                }
                // The late answer to a ping sent while waiting.
                ToMember::Reply { id: got, .. } if got < id => {}
                other => return Err(MemberError::Protocol(format!("{other:?}"))),
            }
        }
    }

    /// Waits until the room's state satisfies `ready` (checked on the current state first).
    ///
    /// # Errors
    /// [`MemberError::Timeout`] or [`MemberError::Lost`].
    pub fn wait_until(
        &mut self,
        ready: impl Fn(&RoomState) -> bool,
        timeout: Duration,
    ) -> Result<&RoomState, MemberError> {
        let deadline = Instant::now() + timeout;
        let mut next_ping = Instant::now() + PING_EVERY;
        loop {
            // Take everything already queued, so `ready` sees the latest state. Replies here
            // answer our own pings (requests are otherwise waited for one at a time).
            while let Ok(incoming) = self.inbox.try_recv() {
                match incoming {
                    Incoming::Message(ToMember::State(s)) => self.state = s,
                    Incoming::Message(ToMember::Reply { .. }) => {}
                    Incoming::Message(other) => {
                        return Err(MemberError::Protocol(format!("{other:?}")));
                    }
                    Incoming::Lost(why) => return Err(MemberError::Lost(why)),
                }
            }
            if ready(&self.state) {
                return Ok(&self.state);
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(MemberError::Timeout(timeout));
            }
            if now >= next_ping {
                // The host closes connections silent for 90 s.
                let id = self.take_id();
                self.send(&ToHost::Ping { id })?;
                next_ping = now + PING_EVERY;
            }
            let wait = deadline.min(next_ping).saturating_duration_since(now);
            match self.inbox.recv_timeout(wait) {
                Ok(Incoming::Message(ToMember::State(s))) => self.state = s,
                Ok(Incoming::Message(ToMember::Reply { .. })) => {}
                Ok(Incoming::Message(other)) => {
                    return Err(MemberError::Protocol(format!("{other:?}")));
                }
                Ok(Incoming::Lost(why)) => return Err(MemberError::Lost(why)),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(MemberError::Lost("closed".to_owned()));
                }
            }
        }
    }

    fn statement(&self, act: Act) -> Result<SignedStatement, MemberError> {
        Statement::new(
            &self.room.token,
            &self.room.meeting_id,
            &self.you.member_id,
            act,
        )
        .sign(&self.key)
        .map_err(|e| MemberError::Protocol(e.to_string()))
    }

    fn reply_message(answer: ToMember) -> String {
        match answer {
            ToMember::Reply { message, .. } => message,
            _ => String::new(),
        }
    }

    /// Checks in: a signed statement; the host records the time it received it.
    /// Returns the statement signed (for the member's own records) and the host's message.
    ///
    /// # Errors
    /// [`MemberError`].
    pub fn check_in(&mut self) -> Result<(SignedStatement, String), MemberError> {
        let signed = self.statement(Act::CheckIn)?;
        let id = self.take_id();
        let answer = self.request(ToHost::CheckIn {
            id,
            statement: String::from_utf8_lossy(&signed.bytes).into_owned(),
            signature: hex::encode(signed.signature),
        })?;
        Ok((signed, Self::reply_message(answer)))
    }

    /// Asks to speak.
    ///
    /// # Errors
    /// [`MemberError`].
    pub fn ask_to_speak(&mut self) -> Result<String, MemberError> {
        let id = self.take_id();
        self.request(ToHost::Speak { id }).map(Self::reply_message)
    }

    /// Votes `choice` on the open vote `vote`: by name (a signed statement, returned) for a
    /// show of hands or party cards, as an anonymous ballot for a secret ballot (`None`).
    ///
    /// # Errors
    /// [`MemberError::Request`] when the vote is not open, already voted, or the member may
    /// not vote (the host's reason).
    pub fn vote(
        &mut self,
        vote: u32,
        choice: Choice,
    ) -> Result<(Option<SignedStatement>, String), MemberError> {
        let open = self
            .state
            .open_vote
            .clone()
            .filter(|v| v.index == vote)
            .ok_or_else(|| MemberError::Request {
                code: "vote-not-open".to_owned(),
                message: format!("vote {} is not open", vote + 1),
            })?;
        let id = self.take_id();
        if open.method == "secret-ballot" {
            let answer = self.request(ToHost::Ballot { id, vote, choice })?;
            return Ok((None, Self::reply_message(answer)));
        }
        let signed = self.statement(Act::Vote {
            vote,
            subject: open.subject,
            choice,
        })?;
        let answer = self.request(ToHost::Vote {
            id,
            statement: String::from_utf8_lossy(&signed.bytes).into_owned(),
            signature: hex::encode(signed.signature),
        })?;
        Ok((Some(signed), Self::reply_message(answer)))
    }

    /// The closed meeting's record, as canonical JSON bytes.
    ///
    /// # Errors
    /// [`MemberError::Request`] while the meeting is not closed.
    pub fn record(&mut self) -> Result<Vec<u8>, MemberError> {
        let id = self.take_id();
        match self.request(ToHost::GetRecord { id })? {
            ToMember::Record { record, .. } => Ok(record.into_bytes()),
            other => Err(MemberError::Protocol(format!("{other:?}"))),
        }
    }

    /// Sends an attestation signed on this laptop.
    ///
    /// # Errors
    /// [`MemberError::Request`] when the host does not accept it (with its reason).
    pub fn attest(
        &mut self,
        role: &str,
        attestation: &[u8],
        signature: &[u8; 64],
    ) -> Result<String, MemberError> {
        let id = self.take_id();
        self.request(ToHost::Attest {
            id,
            role: role.to_owned(),
            attestation: String::from_utf8_lossy(attestation).into_owned(),
            signature: hex::encode(signature),
        })
        .map(Self::reply_message)
    }

    /// Keeps the connection alive and refreshes the state.
    ///
    /// # Errors
    /// [`MemberError`].
    pub fn ping(&mut self) -> Result<(), MemberError> {
        let id = self.take_id();
        self.request(ToHost::Ping { id }).map(|_| ())
    }

    /// This member's signing key.
    pub fn key(&self) -> &SigningKey {
        &self.key
    }

    /// Leaves the room.
    pub fn leave(self) {
        self.sender.shutdown();
    }
}

fn next(inbox: &Receiver<Incoming>, timeout: Duration) -> Result<ToMember, MemberError> {
    match inbox.recv_timeout(timeout) {
        Ok(Incoming::Message(m)) => Ok(m),
        Ok(Incoming::Lost(why)) => Err(MemberError::Lost(why)),
        Err(RecvTimeoutError::Timeout) => Err(MemberError::Timeout(timeout)),
        Err(RecvTimeoutError::Disconnected) => Err(MemberError::Lost("closed".to_owned())),
    }
}
