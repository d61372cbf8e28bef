//! What the room writes in its log: admissions, refusals and disconnections, as values, so that
//! the app shows them in the user's language (each has a catalogue id and arguments) and tests
//! and the command line read the English. Never a ballot's content.

use std::fmt;
use std::net::SocketAddr;

/// One thing the room did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoomEvent {
    /// Accepting a connection failed (the operating system's reason).
    AcceptFailed {
        /// The reason.
        why: String,
    },
    /// A connection refused: the room holds `limit` connections already.
    TooManyConnections {
        /// Who.
        from: SocketAddr,
        /// The limit.
        limit: usize,
    },
    /// A connection refused: `limit` connections from that address already.
    TooManyFromAddress {
        /// Who.
        from: SocketAddr,
        /// The limit.
        limit: usize,
    },
    /// A connection refused: no thread could be started for it.
    NoThread {
        /// Who.
        from: SocketAddr,
    },
    /// The handshake failed (wrong key, garbage, too slow).
    HandshakeFailed {
        /// Who.
        from: SocketAddr,
        /// The channel's reason (English, technical).
        why: String,
    },
    /// A member's connection ended.
    Disconnected {
        /// Who.
        from: SocketAddr,
        /// The first 16 hex digits of their key's fingerprint.
        key: String,
        /// The channel's reason (English, technical).
        why: String,
    },
    /// A connection cut for sending more than `limit` requests a second.
    TooManyRequests {
        /// Who.
        from: SocketAddr,
        /// The first 16 hex digits of their key's fingerprint.
        key: String,
        /// The limit.
        limit: u32,
    },
    /// A connection cut for a message that is not one of the protocol's.
    Malformed {
        /// Who.
        from: SocketAddr,
        /// The first 16 hex digits of their key's fingerprint.
        key: String,
        /// The parser's reason (English, technical).
        why: String,
    },
    /// A connection cut because it did not read the room's state.
    SlowReader {
        /// The member's name, when known.
        name: Option<String>,
    },
    /// A member was admitted.
    Joined {
        /// Where from.
        from: SocketAddr,
        /// The member's full name.
        name: String,
    },
    /// A key was refused admission (the hall's reason, already in the room's language).
    Refused {
        /// Who.
        from: SocketAddr,
        /// The first 16 hex digits of the key's fingerprint.
        key: String,
        /// The reason.
        message: String,
    },
    /// A member's request was refused (the hall's reason, already in the room's language).
    RequestRefused {
        /// The member's full name.
        name: String,
        /// The reason.
        message: String,
    },
}

impl RoomEvent {
    /// The catalogue id of this event's line (`room-log-…`).
    pub fn message_id(&self) -> &'static str {
        match self {
            RoomEvent::AcceptFailed { .. } => "room-log-accept-failed",
            RoomEvent::TooManyConnections { .. } => "room-log-too-many-connections",
            RoomEvent::TooManyFromAddress { .. } => "room-log-too-many-from-address",
            RoomEvent::NoThread { .. } => "room-log-no-thread",
            RoomEvent::HandshakeFailed { .. } => "room-log-handshake-failed",
            RoomEvent::Disconnected { .. } => "room-log-disconnected",
            RoomEvent::TooManyRequests { .. } => "room-log-too-many-requests",
            RoomEvent::Malformed { .. } => "room-log-malformed",
            RoomEvent::SlowReader { name: None } => "room-log-slow-reader",
            RoomEvent::SlowReader { name: Some(_) } => "room-log-slow-reader-named",
            RoomEvent::Joined { .. } => "room-log-joined",
            RoomEvent::Refused { .. } => "room-log-refused",
            RoomEvent::RequestRefused { .. } => "room-log-request-refused",
        }
    }

    /// The arguments of this event's line, by name.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            RoomEvent::AcceptFailed { why } => vec![("why", why.clone())],
            RoomEvent::TooManyConnections { from, limit }
            | RoomEvent::TooManyFromAddress { from, limit } => vec![
                ("from", from.to_string()),
                ("ip", from.ip().to_string()),
                ("limit", limit.to_string()),
            ],
            RoomEvent::NoThread { from } => vec![("from", from.to_string())],
            RoomEvent::HandshakeFailed { from, why } => {
                vec![("from", from.to_string()), ("why", why.clone())]
            }
            RoomEvent::Disconnected { from, key, why }
            | RoomEvent::Malformed { from, key, why } => {
                vec![
                    ("from", from.to_string()),
                    ("key", key.clone()),
                    ("why", why.clone()),
                ]
            }
            RoomEvent::TooManyRequests { from, key, limit } => vec![
                ("from", from.to_string()),
                ("key", key.clone()),
                ("limit", limit.to_string()),
            ],
            RoomEvent::SlowReader { name } => {
                vec![("name", name.clone().unwrap_or_default())]
            }
            RoomEvent::Joined { from, name } => {
                vec![("from", from.to_string()), ("name", name.clone())]
            }
            RoomEvent::Refused { from, key, message } => vec![
                ("from", from.to_string()),
                ("key", key.clone()),
                ("message", message.clone()),
            ],
            RoomEvent::RequestRefused { name, message } => {
                vec![("name", name.clone()), ("message", message.clone())]
            }
        }
    }
}

/// The line in English (what the command line's tests read, and `i18n/en.ftl` says the same).
impl fmt::Display for RoomEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RoomEvent::AcceptFailed { why } => write!(f, "accept failed: {why}"),
            RoomEvent::TooManyConnections { from, limit } => {
                write!(f, "refused {from}: {limit} connections already open")
            }
            RoomEvent::TooManyFromAddress { from, limit } => write!(
                f,
                "refused {from}: {limit} connections from {} already open",
                from.ip()
            ),
            RoomEvent::NoThread { from } => {
                write!(f, "refused {from}: no thread for the connection")
            }
            RoomEvent::HandshakeFailed { from, why } => write!(f, "refused {from}: {why}"),
            RoomEvent::Disconnected { from, key, why } => {
                write!(f, "disconnected {from} (key {key}…): {why}")
            }
            RoomEvent::TooManyRequests { from, key, limit } => write!(
                f,
                "disconnected {from} (key {key}…): more than {limit} requests a second"
            ),
            RoomEvent::Malformed { from, key, why } => {
                write!(
                    f,
                    "disconnected {from} (key {key}…): malformed message: {why}"
                )
            }
            RoomEvent::SlowReader { name: None } => {
                write!(f, "disconnected a member too slow to read the room's state")
            }
            RoomEvent::SlowReader { name: Some(name) } => {
                write!(f, "disconnected {name}: too slow to read")
            }
            RoomEvent::Joined { from, name } => write!(f, "joined {from}: {name}"),
            RoomEvent::Refused { from, key, message } => {
                write!(f, "refused {from} (key {key}…): {message}")
            }
            RoomEvent::RequestRefused { name, message } => {
                write!(f, "refused a request of {name}: {message}")
            }
        }
    }
}
