//! The secretary's side: listens on the room's network, admits members whose keys the
//! [`Hall`] knows, passes their requests to it one at a time, and sends everyone the new state
//! after each change.
//!
//! Threads: one accepts; each connection has a reader (handshake, then frames → requests) and
//! a writer (its outbox → frames); one *core* thread owns the [`Hall`], so the book sees one
//! request at a time in arrival order. A member's request is answered only after the hall has
//! stored it ([`ToMember::Reply`] with `ok`), so what was acknowledged survives a crash.
//!
//! Limits ([`Limits`]): connections at once, handshake time, message size, requests per
//! second per connection (a token bucket), idle time. A peer that breaks one is disconnected
//! and logged; nobody else notices.

use crate::event::RoomEvent;
use std::collections::HashMap;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender, TrySendError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use ed25519_dalek::{SigningKey, VerifyingKey};
use minutebook_sign::Fingerprint;

use crate::channel::{self, ChannelError};
use crate::code::JoinCode;
use crate::protocol::{MAX_TO_HOST, Participant, RoomInfo, RoomState, ToHost, ToMember};

/// Bounds on what the room accepts from the network.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Connections open at once (handshaking or admitted).
    pub max_connections: usize,
    /// Time allowed for each step of the handshake.
    pub handshake_timeout: Duration,
    /// A member silent this long is disconnected (members ping every 20 s).
    pub idle_timeout: Duration,
    /// Requests per second per connection, sustained.
    pub requests_per_second: u32,
    /// Requests a connection may send at once above that rate.
    pub burst: u32,
    /// Messages queued to one member before it is dropped as too slow.
    pub outbox: usize,
    /// Connections open at once from one address other than this computer's own (a laptop
    /// needs one, two while rejoining).
    pub per_address: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_connections: 128,
            handshake_timeout: Duration::from_secs(5),
            idle_timeout: Duration::from_secs(90),
            requests_per_second: 10,
            burst: 30,
            outbox: 256,
            per_address: 8,
        }
    }
}

/// A refusal: a stable code and a message in the host's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// Stable code, e.g. `not-in-roster`, `already-voted`, `may-not-vote`.
    pub code: String,
    /// For the member (and the log).
    pub message: String,
}

impl Refusal {
    /// A refusal with `code` and `message`.
    pub fn new(code: &str, message: impl Into<String>) -> Refusal {
        Refusal {
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

/// What the hall answers to an accepted request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Done (stored when it changes the book); the message says what.
    Done(String),
    /// The record's bytes, for [`ToHost::GetRecord`].
    Record(String),
}

/// The meeting behind the room: who may join, what each request does to the book, the state
/// everyone sees. Implemented over the minute book by `minutebook-api`.
pub trait Hall: Send + 'static {
    /// The room's description, sent on admission.
    fn info(&self) -> RoomInfo;
    /// Who holds `key`, if they may join.
    ///
    /// # Errors
    /// A [`Refusal`] sent to the peer before closing.
    fn admit(&mut self, key: &VerifyingKey) -> Result<Participant, Refusal>;
    /// Carries out a member's request, storing what it changes before returning.
    ///
    /// # Errors
    /// A [`Refusal`] sent back as the reply; nothing is stored.
    fn handle(
        &mut self,
        who: &Participant,
        key: &VerifyingKey,
        request: &ToHost,
    ) -> Result<Answer, Refusal>;
    /// Carries out the secretary's command (a line such as `vote 1`).
    ///
    /// # Errors
    /// A [`Refusal`] for the secretary.
    fn command(&mut self, line: &str) -> Result<String, Refusal>;
    /// The room as it stands.
    fn state(&mut self) -> RoomState;
    /// A member's connection ended (e.g. to take them out of the speaking queue).
    fn gone(&mut self, _who: &Participant) {}
    /// The secretary ends the room (not a crash): record it, or refuse (e.g. a vote is open).
    ///
    /// # Errors
    /// A [`Refusal`] for the secretary; the room stays open.
    fn end(&mut self) -> Result<(), Refusal> {
        Ok(())
    }
}

/// Where the room writes what it does (admissions, refusals, disconnections). Never a ballot's
/// content.
pub type Log = Arc<dyn Fn(&RoomEvent) + Send + Sync>;

enum Event {
    Joined {
        conn: u64,
        peer: VerifyingKey,
        from: SocketAddr,
        outbox: SyncSender<Vec<u8>>,
        socket: TcpStream,
    },
    Request {
        conn: u64,
        request: ToHost,
    },
    Gone {
        conn: u64,
    },
    Command {
        line: String,
        reply: Sender<Result<String, Refusal>>,
    },
    State {
        reply: Sender<RoomState>,
    },
    End {
        reply: Sender<Result<(), Refusal>>,
    },
    Stop,
}

/// An open room. Dropping it without [`Room::close`] leaves the threads running until the
/// process ends.
pub struct Room {
    addr: SocketAddr,
    fingerprint: Fingerprint,
    events: SyncSender<Event>,
    stop: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
    core: Option<JoinHandle<()>>,
}

impl Room {
    /// Opens a room on `listen` (port 0 = any free port) with `identity` as the room key,
    /// serving `hall`.
    ///
    /// # Errors
    /// When the address cannot be bound.
    pub fn open(
        listen: SocketAddr,
        identity: SigningKey,
        hall: impl Hall,
        limits: Limits,
        log: Log,
    ) -> std::io::Result<Room> {
        let listener = TcpListener::bind(listen)?;
        let addr = listener.local_addr()?;
        let fingerprint = Fingerprint::of(&identity.verifying_key());
        // Bounded: a flood of events makes the connections that send them wait, not the
        // host's memory grow.
        let (events, inbox) = mpsc::sync_channel(EVENT_QUEUE);
        let stop = Arc::new(AtomicBool::new(false));
        let core = {
            let log = Arc::clone(&log);
            std::thread::Builder::new()
                .name("room-core".into())
                .spawn(move || core(hall, inbox, log))?
        };
        let acceptor = {
            let events = events.clone();
            let stop = Arc::clone(&stop);
            let identity = Arc::new(identity);
            std::thread::Builder::new()
                .name("room-accept".into())
                .spawn(move || accept(listener, identity, events, stop, limits, log))?
        };
        Ok(Room {
            addr,
            fingerprint,
            events,
            stop,
            acceptor: Some(acceptor),
            core: Some(core),
        })
    }

    /// The address the room listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The room key's fingerprint (for the secretary to read out).
    pub fn fingerprint(&self) -> &Fingerprint {
        &self.fingerprint
    }

    /// The join code for `addr` — the address members reach the room at (the listening
    /// address, or the laptop's address on the room's network when listening on all).
    pub fn code_for(&self, addr: SocketAddr) -> JoinCode {
        JoinCode::new(addr, &self.fingerprint)
    }

    /// Runs the secretary's command in the hall, then sends everyone the new state.
    ///
    /// # Errors
    /// The hall's refusal, or `room-closed` when the room has stopped.
    pub fn command(&self, line: &str) -> Result<String, Refusal> {
        let (reply, answer) = mpsc::channel();
        self.events
            .send(Event::Command {
                line: line.to_owned(),
                reply,
            })
            .map_err(|_| closed())?;
        answer.recv().map_err(|_| closed())?
    }

    /// The room's state as members see it.
    ///
    /// # Errors
    /// `room-closed` when the room has stopped.
    pub fn state(&self) -> Result<RoomState, Refusal> {
        let (reply, answer) = mpsc::channel();
        self.events
            .send(Event::State { reply })
            .map_err(|_| closed())?;
        answer.recv().map_err(|_| closed())
    }

    /// Ends the room as the secretary means it ([`Hall::end`]: recorded, so the next opening
    /// starts a new room) and stops serving members; call [`Room::close`] after. When the hall
    /// refuses (a vote is open), the room goes on.
    ///
    /// # Errors
    /// The hall's refusal (the room still serves), or `room-closed` when it has stopped.
    pub fn end(&self) -> Result<(), Refusal> {
        let (reply, answer) = mpsc::channel();
        self.events
            .send(Event::End { reply })
            .map_err(|_| closed())?;
        answer.recv().map_err(|_| closed())?
    }

    /// Stops listening, disconnects everyone and waits for the threads. What was acknowledged
    /// is in the book; the room is left open there, to be resumed (as after a crash).
    pub fn close(mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = self.events.send(Event::Stop);
        // Wake the acceptor blocked in accept() (on loopback when listening on every address).
        let mut wake = self.addr;
        if wake.ip().is_unspecified() {
            wake.set_ip(match wake {
                SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            });
        }
        let _ = TcpStream::connect_timeout(&wake, Duration::from_millis(200));
        if let Some(a) = self.acceptor.take() {
            let _ = a.join();
        }
        if let Some(c) = self.core.take() {
            let _ = c.join();
        }
    }
}

/// Events waiting for the core thread before senders wait.
const EVENT_QUEUE: usize = 4096;

fn closed() -> Refusal {
    Refusal::new("room-closed", "the room is closed")
}

fn accept(
    listener: TcpListener,
    identity: Arc<SigningKey>,
    events: SyncSender<Event>,
    stop: Arc<AtomicBool>,
    limits: Limits,
    log: Log,
) {
    let open = Arc::new(AtomicUsize::new(0));
    let per_ip: Arc<std::sync::Mutex<HashMap<std::net::IpAddr, usize>>> = Arc::default();
    let next = AtomicUsize::new(1);
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let stream = match stream {
            Ok(s) => s,
            Err(e) => {
                // Out of file descriptors and the like: do not spin.
                log(&RoomEvent::AcceptFailed { why: e.to_string() });
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        let from = stream
            .peer_addr()
            .unwrap_or_else(|_| SocketAddr::from(([0, 0, 0, 0], 0)));
        if open.load(Ordering::SeqCst) >= limits.max_connections {
            log(&RoomEvent::TooManyConnections {
                from,
                limit: limits.max_connections,
            });
            continue;
        }
        // Per address, over the network (peers on this computer are not the room's network).
        if !from.ip().is_loopback() {
            let mut ips = per_ip.lock().unwrap_or_else(|p| p.into_inner());
            let n = ips.entry(from.ip()).or_insert(0);
            if *n >= limits.per_address {
                log(&RoomEvent::TooManyFromAddress {
                    from,
                    limit: limits.per_address,
                });
                continue;
            }
            *n += 1;
        }
        open.fetch_add(1, Ordering::SeqCst);
        let conn = next.fetch_add(1, Ordering::SeqCst) as u64;
        // Counted until the connection's thread ends — or, if no thread could be made, at once
        // (the closure holding the slot is dropped with the error).
        let slot = Slot {
            open: Arc::clone(&open),
            per_ip: Arc::clone(&per_ip),
            ip: from.ip(),
        };
        let (identity, events, conn_limits, conn_log) = (
            Arc::clone(&identity),
            events.clone(),
            limits.clone(),
            Arc::clone(&log),
        );
        let spawned = std::thread::Builder::new()
            .name(format!("room-conn-{conn}"))
            .stack_size(256 * 1024)
            .spawn(move || {
                let _slot = slot;
                connection(
                    conn,
                    stream,
                    from,
                    &identity,
                    &events,
                    &conn_limits,
                    &conn_log,
                );
            });
        if spawned.is_err() {
            log(&RoomEvent::NoThread { from });
        }
    }
}

/// A connection's place in the room's counts (all connections, and per remote address),
/// given back when dropped.
struct Slot {
    open: Arc<AtomicUsize>,
    per_ip: Arc<std::sync::Mutex<HashMap<std::net::IpAddr, usize>>>,
    ip: std::net::IpAddr,
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.open.fetch_sub(1, Ordering::SeqCst);
        if self.ip.is_loopback() {
            return;
        }
        let mut ips = self.per_ip.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = ips.get_mut(&self.ip) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                ips.remove(&self.ip);
            }
        }
    }
}

/// A token bucket: `rate` per second, `burst` at once.
struct Bucket {
    tokens: f64,
    rate: f64,
    burst: f64,
    at: Instant,
}

impl Bucket {
    fn take(&mut self) -> bool {
        let now = Instant::now();
        self.tokens =
            (self.tokens + now.duration_since(self.at).as_secs_f64() * self.rate).min(self.burst);
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

fn connection(
    conn: u64,
    stream: TcpStream,
    from: SocketAddr,
    identity: &SigningKey,
    events: &SyncSender<Event>,
    limits: &Limits,
    log: &Log,
) {
    let established =
        match channel::respond(stream, identity, MAX_TO_HOST, limits.handshake_timeout) {
            Ok(e) => e,
            Err(e) => {
                log(&RoomEvent::HandshakeFailed {
                    from,
                    why: e.to_string(),
                });
                return;
            }
        };
    let channel::Established {
        mut sender,
        mut receiver,
        peer,
    } = established;
    let (outbox, queue) = mpsc::sync_channel::<Vec<u8>>(limits.outbox);
    let Ok(socket) = sender.socket() else { return };
    if events
        .send(Event::Joined {
            conn,
            peer,
            from,
            outbox,
            socket,
        })
        .is_err()
    {
        return;
    }
    let writer = std::thread::Builder::new()
        .name(format!("room-send-{conn}"))
        .stack_size(256 * 1024)
        .spawn(move || {
            while let Ok(message) = queue.recv() {
                if sender.send(&message).is_err() {
                    break;
                }
            }
            sender.shutdown();
        });
    if writer.is_err() {
        let _ = events.send(Event::Gone { conn });
        return;
    }
    let _ = receiver.set_timeout(Some(limits.idle_timeout));
    let mut bucket = Bucket {
        tokens: f64::from(limits.burst),
        rate: f64::from(limits.requests_per_second),
        burst: f64::from(limits.burst),
        at: Instant::now(),
    };
    let who = Fingerprint::of(&peer);
    let short = &who.as_hex()[..16];
    loop {
        let message = match receiver.recv() {
            Ok(m) => m,
            Err(ChannelError::Closed) => break,
            Err(e) => {
                log(&RoomEvent::Disconnected {
                    from,
                    key: short.to_string(),
                    why: e.to_string(),
                });
                break;
            }
        };
        if !bucket.take() {
            log(&RoomEvent::TooManyRequests {
                from,
                key: short.to_string(),
                limit: limits.requests_per_second,
            });
            break;
        }
        let request: ToHost = match serde_json::from_slice(&message) {
            Ok(r) => r,
            Err(e) => {
                log(&RoomEvent::Malformed {
                    from,
                    key: short.to_string(),
                    why: e.to_string(),
                });
                break;
            }
        };
        if events.send(Event::Request { conn, request }).is_err() {
            break;
        }
    }
    let _ = events.send(Event::Gone { conn });
}

struct Member {
    who: Participant,
    key: VerifyingKey,
    outbox: SyncSender<Vec<u8>>,
    socket: TcpStream,
}

fn encode(message: &ToMember) -> Vec<u8> {
    // Serialising our own plain types cannot fail.
    serde_json::to_vec(message).unwrap_or_default()
}

/// Disconnects `conn`; true when it was an admitted member.
fn drop_conn(members: &mut HashMap<u64, Member>, conn: u64, hall: &mut impl Hall) -> bool {
    match members.remove(&conn) {
        Some(m) => {
            let _ = m.socket.shutdown(std::net::Shutdown::Both);
            hall.gone(&m.who);
            true
        }
        None => false,
    }
}

/// Sends everyone the room's state when it differs from the last sent (`last`); drops members
/// whose outbox is full (too slow to read). A member just admitted got it with their welcome.
fn broadcast(
    members: &mut HashMap<u64, Member>,
    hall: &mut impl Hall,
    log: &Log,
    last: &mut Vec<u8>,
) {
    if members.is_empty() {
        return;
    }
    let state = hall.state();
    send_state(members, hall, log, last, state);
}

/// Sends `state` to every member unless it is what they were last sent.
fn send_state(
    members: &mut HashMap<u64, Member>,
    hall: &mut impl Hall,
    log: &Log,
    last: &mut Vec<u8>,
    state: RoomState,
) {
    if members.is_empty() {
        return;
    }
    let state = encode(&ToMember::State(state));
    if state == *last {
        return;
    }
    last.clone_from(&state);
    let slow: Vec<u64> = members
        .iter()
        .filter(|(_, m)| matches!(m.outbox.try_send(state.clone()), Err(TrySendError::Full(_))))
        .map(|(c, _)| *c)
        .collect();
    for conn in slow {
        log(&RoomEvent::SlowReader { name: None });
        drop_conn(members, conn, hall);
    }
}

fn core(mut hall: impl Hall, inbox: Receiver<Event>, log: Log) {
    let mut members: HashMap<u64, Member> = HashMap::new();
    let mut last_state: Vec<u8> = Vec::new();
    let info = hall.info();
    while let Ok(event) = inbox.recv() {
        let mut changed = false;
        match event {
            Event::Stop => break,
            Event::Joined {
                conn,
                peer,
                from,
                outbox,
                socket,
            } => match hall.admit(&peer) {
                Ok(who) => {
                    // A member who rejoins replaces their old connection.
                    let old: Vec<u64> = members
                        .iter()
                        .filter(|(_, m)| m.key == peer)
                        .map(|(c, _)| *c)
                        .collect();
                    for c in old {
                        if let Some(m) = members.remove(&c) {
                            let _ = m.socket.shutdown(std::net::Shutdown::Both);
                        }
                    }
                    log(&RoomEvent::Joined {
                        from,
                        name: who.full_name.clone(),
                    });
                    let _ = outbox.try_send(encode(&ToMember::Welcome {
                        you: who.clone(),
                        room: info.clone(),
                    }));
                    let _ = outbox.try_send(encode(&ToMember::State(hall.state())));
                    members.insert(
                        conn,
                        Member {
                            who,
                            key: peer,
                            outbox,
                            socket,
                        },
                    );
                }
                Err(refusal) => {
                    log(&RoomEvent::Refused {
                        from,
                        key: Fingerprint::of(&peer).as_hex()[..16].to_owned(),
                        message: refusal.message.clone(),
                    });
                    let _ = outbox.try_send(encode(&ToMember::Refused {
                        code: refusal.code,
                        message: refusal.message,
                    }));
                    // The writer sends the refusal and closes when the outbox is dropped.
                    drop(outbox);
                }
            },
            Event::Gone { conn } => {
                // A refused or never-admitted peer changes nothing anyone sees.
                changed = drop_conn(&mut members, conn, &mut hall);
            }
            Event::Request { conn, request } => {
                let Some(member) = members.get(&conn) else {
                    continue;
                };
                let id = request.id();
                let reply = match hall.handle(&member.who, &member.key, &request) {
                    Ok(Answer::Done(message)) => {
                        changed = !matches!(request, ToHost::Ping { .. });
                        ToMember::Reply {
                            id,
                            ok: true,
                            code: "ok".to_owned(),
                            message,
                        }
                    }
                    Ok(Answer::Record(record)) => ToMember::Record { id, record },
                    Err(r) => {
                        log(&RoomEvent::RequestRefused {
                            name: member.who.full_name.clone(),
                            message: r.message.clone(),
                        });
                        ToMember::Reply {
                            id,
                            ok: false,
                            code: r.code,
                            message: r.message,
                        }
                    }
                };
                // Everyone, this member included, gets the new state before the reply, so a
                // member's state already shows what was just acknowledged.
                if changed {
                    broadcast(&mut members, &mut hall, &log, &mut last_state);
                    changed = false;
                }
                let Some(member) = members.get(&conn) else {
                    continue;
                };
                if let Err(TrySendError::Full(_)) = member.outbox.try_send(encode(&reply)) {
                    log(&RoomEvent::SlowReader {
                        name: Some(member.who.full_name.clone()),
                    });
                    drop_conn(&mut members, conn, &mut hall);
                    changed = true;
                }
            }
            Event::Command { line, reply } => {
                let result = hall.command(&line);
                changed = result.is_ok();
                let _ = reply.send(result);
            }
            Event::State { reply } => {
                // The book may have changed outside the room (the secretary's window marked
                // someone present or closed the meeting): members learn it from this look,
                // computed once for both.
                let state = hall.state();
                let _ = reply.send(state.clone());
                send_state(&mut members, &mut hall, &log, &mut last_state, state);
            }
            Event::End { reply } => {
                let ended = hall.end();
                let done = ended.is_ok();
                let _ = reply.send(ended);
                if done {
                    break;
                }
            }
        }
        if changed {
            broadcast(&mut members, &mut hall, &log, &mut last_state);
        }
    }
    for (_, m) in members.drain() {
        let _ = m.socket.shutdown(std::net::Shutdown::Both);
    }
}
