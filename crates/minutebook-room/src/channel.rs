//! The room's channel: the Noise protocol's `XX` handshake over TCP (snow), each side's
//! ed25519 identity bound to its Noise static key, then length-framed encrypted messages.
//!
//! Wire format (docs/room-protocol.md):
//! - a **frame** is a 2-byte big-endian length `n` (1‥65 535) and `n` bytes of Noise message;
//! - the handshake is `Noise_XX_25519_ChaChaPoly_BLAKE2s` with the prologue
//!   [`PROLOGUE`]; the second message (responder) and the third (initiator) each carry a
//!   96-byte payload: the sender's ed25519 public key (32 bytes) and its signature (64 bytes)
//!   over [`BINDING_CONTEXT`] followed by the sender's 32-byte Noise static public key — the
//!   binding libp2p's Noise handshake uses, so the ed25519 key vouches for this session;
//! - after the handshake each message is one or more transport frames whose plaintext is a
//!   flag byte (`1` = last chunk, `0` = more follows) and up to 65 518 bytes of the message.
//!   Nonces count up from 0 in each direction: a frame replayed, dropped or re-ordered fails to
//!   decrypt and ends the connection.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use snow::{Builder, HandshakeState, StatelessTransportState};

/// The Noise prologue: both sides must agree on it or the handshake fails.
pub const PROLOGUE: &[u8] = b"minutebook-room/1";
/// What each side's ed25519 key signs, followed by its Noise static public key.
pub const BINDING_CONTEXT: &[u8] = b"minutebook-room/1 noise static key:";
/// The Noise protocol name.
pub const NOISE_PARAMS: &str = "Noise_XX_25519_ChaChaPoly_BLAKE2s";
/// The largest frame, in bytes (Noise's own limit).
pub const MAX_FRAME: usize = 65_535;
const TAG: usize = 16;
const CHUNK: usize = MAX_FRAME - TAG - 1;
const BINDING_LEN: usize = 32 + 64;

/// What can go wrong on a channel. Every error ends the connection it happened on.
#[derive(Debug, thiserror::Error)]
pub enum ChannelError {
    /// The network failed or timed out.
    #[error("network: {0}")]
    Io(#[from] io::Error),
    /// The handshake failed (wrong protocol, bad binding signature, malformed message).
    #[error("handshake failed: {0}")]
    Handshake(String),
    /// The peer proved a key that is not the one expected.
    #[error("the other side's key is not the one expected: {0}")]
    UnexpectedPeer(String),
    /// A message larger than the receiver accepts.
    #[error("a message of more than {limit} bytes was refused")]
    TooLarge {
        /// The receiver's limit, in bytes.
        limit: usize,
    },
    /// A frame failed to decrypt: tampered, replayed, dropped or re-ordered.
    #[error("a frame failed to decrypt (tampered, replayed or out of order)")]
    Decrypt,
    /// The peer closed the connection.
    #[error("the connection was closed")]
    Closed,
}

/// The sending half of an established channel.
pub struct Sender {
    stream: TcpStream,
    keys: Arc<StatelessTransportState>,
    nonce: u64,
}

/// The receiving half of an established channel.
pub struct Receiver {
    stream: TcpStream,
    keys: Arc<StatelessTransportState>,
    nonce: u64,
    max_message: usize,
}

/// An established channel: both halves and the peer's proven ed25519 key.
pub struct Established {
    /// Sends messages.
    pub sender: Sender,
    /// Receives messages.
    pub receiver: Receiver,
    /// The key the peer proved it holds.
    pub peer: VerifyingKey,
}

impl Sender {
    /// Sends one message (any length; split into frames), then flushes.
    ///
    /// # Errors
    /// [`ChannelError::Io`] when the network fails or the write times out.
    pub fn send(&mut self, message: &[u8]) -> Result<(), ChannelError> {
        let mut wire = Vec::with_capacity(message.len() + 64);
        let mut chunks: Vec<&[u8]> = message.chunks(CHUNK).collect();
        if chunks.is_empty() {
            chunks.push(&[]);
        }
        let last = chunks.len() - 1;
        let mut plain = Vec::new();
        let mut cipher = Vec::new();
        for (i, chunk) in chunks.into_iter().enumerate() {
            plain.clear();
            plain.push(u8::from(i == last));
            plain.extend_from_slice(chunk);
            // Buffers sized to the message, not to the largest frame: a room holds many
            // connections, each with its own.
            cipher.resize(plain.len() + TAG, 0);
            let n = self
                .keys
                .write_message(self.nonce, &plain, &mut cipher)
                .map_err(|e| ChannelError::Handshake(e.to_string()))?;
            self.nonce += 1;
            push_frame(&mut wire, &cipher[..n]);
        }
        self.stream.write_all(&wire)?;
        self.stream.flush()?;
        Ok(())
    }

    /// Closes both directions of the connection (the receiver's pending read ends).
    pub fn shutdown(&self) {
        let _ = self.stream.shutdown(std::net::Shutdown::Both);
    }

    /// A handle on the socket, to shut the connection down from elsewhere.
    ///
    /// # Errors
    /// When the socket cannot be duplicated.
    pub fn socket(&self) -> io::Result<TcpStream> {
        self.stream.try_clone()
    }
}

impl Receiver {
    /// Receives one whole message.
    ///
    /// # Errors
    /// [`ChannelError::TooLarge`] past the limit, [`ChannelError::Decrypt`] for a frame that
    /// does not decrypt in order, [`ChannelError::Closed`] at the end of the stream,
    /// [`ChannelError::Io`] on a network error or the idle timeout.
    pub fn recv(&mut self) -> Result<Vec<u8>, ChannelError> {
        let mut message = Vec::new();
        let mut frame = Vec::new();
        let mut plain = Vec::new();
        loop {
            read_frame(&mut self.stream, &mut frame, None)?;
            plain.resize(frame.len(), 0);
            let n = self
                .keys
                .read_message(self.nonce, &frame, &mut plain)
                .map_err(|_| ChannelError::Decrypt)?;
            self.nonce += 1;
            let Some((&flag, body)) = plain[..n].split_first() else {
                return Err(ChannelError::Decrypt);
            };
            if message.len() + body.len() > self.max_message {
                return Err(ChannelError::TooLarge {
                    limit: self.max_message,
                });
            }
            message.extend_from_slice(body);
            match flag {
                1 => return Ok(message),
                0 => {}
                _ => return Err(ChannelError::Decrypt),
            }
        }
    }

    /// Sets how long [`Receiver::recv`] waits for the next frame (`None` = forever).
    ///
    /// # Errors
    /// When the socket refuses the setting.
    pub fn set_timeout(&self, timeout: Option<Duration>) -> io::Result<()> {
        self.stream.set_read_timeout(timeout)
    }
}

fn push_frame(wire: &mut Vec<u8>, frame: &[u8]) {
    // A Noise message is at most MAX_FRAME bytes, so its length fits two bytes.
    let len = u16::try_from(frame.len()).unwrap_or(u16::MAX);
    wire.extend_from_slice(&len.to_be_bytes());
    wire.extend_from_slice(frame);
}

fn write_frame(stream: &mut TcpStream, frame: &[u8]) -> Result<(), ChannelError> {
    let mut wire = Vec::with_capacity(frame.len() + 2);
    push_frame(&mut wire, frame);
    stream.write_all(&wire)?;
    stream.flush()?;
    Ok(())
}

/// Reads exactly `buf`, by `deadline` when one is given (however the peer dribbles its bytes).
fn read_exact_by(
    stream: &mut TcpStream,
    buf: &mut [u8],
    deadline: Option<Instant>,
) -> Result<(), ChannelError> {
    let Some(deadline) = deadline else {
        return stream.read_exact(buf).map_err(|e| {
            if e.kind() == io::ErrorKind::UnexpectedEof {
                ChannelError::Closed
            } else {
                e.into()
            }
        });
    };
    let mut at = 0;
    while at < buf.len() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ChannelError::Io(io::Error::new(
                io::ErrorKind::TimedOut,
                "the handshake took too long",
            )));
        }
        stream.set_read_timeout(Some(left))?;
        match stream.read(&mut buf[at..]) {
            Ok(0) => return Err(ChannelError::Closed),
            Ok(n) => at += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            // The read timed out (WouldBlock on Unix): the deadline has come.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

fn read_frame(
    stream: &mut TcpStream,
    frame: &mut Vec<u8>,
    deadline: Option<Instant>,
) -> Result<(), ChannelError> {
    let mut len = [0u8; 2];
    read_exact_by(stream, &mut len, deadline)?;
    let len = usize::from(u16::from_be_bytes(len));
    if len == 0 {
        return Err(ChannelError::Decrypt);
    }
    frame.resize(len, 0);
    read_exact_by(stream, frame, deadline)
}

fn noise_error(e: snow::Error) -> ChannelError {
    ChannelError::Handshake(e.to_string())
}

fn builder() -> Result<Builder<'static>, ChannelError> {
    let params = NOISE_PARAMS
        .parse()
        .map_err(|e: snow::Error| ChannelError::Handshake(e.to_string()))?;
    Ok(Builder::new(params))
}

fn binding(identity: &SigningKey, noise_static: &[u8]) -> Vec<u8> {
    let mut signed = BINDING_CONTEXT.to_vec();
    signed.extend_from_slice(noise_static);
    let mut out = identity.verifying_key().to_bytes().to_vec();
    out.extend_from_slice(&identity.sign(&signed).to_bytes());
    out
}

fn check_binding(
    payload: &[u8],
    noise_static: Option<&[u8]>,
) -> Result<VerifyingKey, ChannelError> {
    if payload.len() != BINDING_LEN {
        return Err(ChannelError::Handshake(format!(
            "identity payload of {} bytes (expected {BINDING_LEN})",
            payload.len()
        )));
    }
    let noise_static =
        noise_static.ok_or_else(|| ChannelError::Handshake("no static key".to_owned()))?;
    let (key, sig) = payload.split_at(32);
    let key: [u8; 32] = key.try_into().map_err(|_| ChannelError::Decrypt)?;
    let key = VerifyingKey::from_bytes(&key)
        .map_err(|_| ChannelError::Handshake("not an ed25519 public key".to_owned()))?;
    let sig = Signature::from_slice(sig)
        .map_err(|_| ChannelError::Handshake("malformed signature".to_owned()))?;
    let mut signed = BINDING_CONTEXT.to_vec();
    signed.extend_from_slice(noise_static);
    key.verify_strict(&signed, &sig).map_err(|_| {
        ChannelError::Handshake("the identity signature does not cover this session".to_owned())
    })?;
    Ok(key)
}

fn finish(
    stream: TcpStream,
    hs: HandshakeState,
    peer: VerifyingKey,
    max_message: usize,
) -> Result<Established, ChannelError> {
    let keys = Arc::new(hs.into_stateless_transport_mode().map_err(noise_error)?);
    let receiver = Receiver {
        stream: stream.try_clone()?,
        keys: Arc::clone(&keys),
        nonce: 0,
        max_message,
    };
    Ok(Established {
        sender: Sender {
            stream,
            keys,
            nonce: 0,
        },
        receiver,
        peer,
    })
}

/// The start of either side of the handshake: the deadline for all of it, a fresh Noise static
/// key pair, and the handshake state (`initiator` or responder) with our prologue.
fn begin(
    stream: &TcpStream,
    timeout: Duration,
    initiator: bool,
) -> Result<(Option<Instant>, snow::Keypair, HandshakeState), ChannelError> {
    stream.set_write_timeout(Some(timeout))?;
    stream.set_nodelay(true)?;
    let b = builder()?;
    let keypair = b.generate_keypair().map_err(noise_error)?;
    let b = b
        .local_private_key(&keypair.private)
        .map_err(noise_error)?
        .prologue(PROLOGUE)
        .map_err(noise_error)?;
    let hs = if initiator {
        b.build_initiator()
    } else {
        b.build_responder()
    }
    .map_err(noise_error)?;
    Ok((Some(Instant::now() + timeout), keypair, hs))
}

/// Runs the initiator's (member's) side of the handshake on `stream`: proves `identity`, and
/// accepts the responder only if `expect` accepts the key it proves. Messages from the peer
/// are limited to `max_message` bytes. `timeout` bounds the whole handshake.
///
/// # Errors
/// [`ChannelError::UnexpectedPeer`] when `expect` refuses the peer's key (with its reason);
/// [`ChannelError::Handshake`] or [`ChannelError::Io`] otherwise.
pub fn initiate(
    mut stream: TcpStream,
    identity: &SigningKey,
    expect: impl FnOnce(&VerifyingKey) -> Result<(), String>,
    max_message: usize,
    timeout: Duration,
) -> Result<Established, ChannelError> {
    let (deadline, keypair, mut hs) = begin(&stream, timeout, true)?;
    let mut buf = vec![0u8; MAX_FRAME];
    let mut frame = Vec::new();
    // -> e
    let n = hs.write_message(&[], &mut buf).map_err(noise_error)?;
    write_frame(&mut stream, &buf[..n])?;
    // <- e, ee, s, es + responder's identity
    read_frame(&mut stream, &mut frame, deadline)?;
    let mut payload = vec![0u8; MAX_FRAME];
    let n = hs.read_message(&frame, &mut payload).map_err(noise_error)?;
    let peer = check_binding(&payload[..n], hs.get_remote_static())?;
    expect(&peer).map_err(ChannelError::UnexpectedPeer)?;
    // -> s, se + our identity
    let mine = binding(identity, &keypair.public);
    let n = hs.write_message(&mine, &mut buf).map_err(noise_error)?;
    write_frame(&mut stream, &buf[..n])?;
    stream.set_read_timeout(None)?;
    finish(stream, hs, peer, max_message)
}

/// Runs the responder's (host's) side of the handshake on `stream`, proving `identity`.
/// Whether the initiator's proven key is admitted is the caller's decision, made on
/// [`Established::peer`]. `timeout` bounds the whole handshake, however slowly the peer sends;
/// messages are limited to `max_message`.
///
/// # Errors
/// [`ChannelError::Handshake`] or [`ChannelError::Io`].
pub fn respond(
    mut stream: TcpStream,
    identity: &SigningKey,
    max_message: usize,
    timeout: Duration,
) -> Result<Established, ChannelError> {
    let (deadline, keypair, mut hs) = begin(&stream, timeout, false)?;
    let mut buf = vec![0u8; MAX_FRAME];
    let mut frame = Vec::new();
    let mut payload = vec![0u8; MAX_FRAME];
    // <- e
    read_frame(&mut stream, &mut frame, deadline)?;
    let n = hs.read_message(&frame, &mut payload).map_err(noise_error)?;
    if n != 0 {
        return Err(ChannelError::Handshake(
            "unexpected payload in the first message".to_owned(),
        ));
    }
    // -> e, ee, s, es + our identity
    let mine = binding(identity, &keypair.public);
    let n = hs.write_message(&mine, &mut buf).map_err(noise_error)?;
    write_frame(&mut stream, &buf[..n])?;
    // <- s, se + initiator's identity
    read_frame(&mut stream, &mut frame, deadline)?;
    let n = hs.read_message(&frame, &mut payload).map_err(noise_error)?;
    let peer = check_binding(&payload[..n], hs.get_remote_static())?;
    stream.set_read_timeout(None)?;
    finish(stream, hs, peer, max_message)
}

#[cfg(test)]
mod tests {
    use std::net::TcpListener;

    use super::*;

    fn pair() -> (Established, Established) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let host = SigningKey::from_bytes(&[1; 32]);
        let host_pub = host.verifying_key();
        let server = std::thread::spawn(move || {
            let (s, _) = listener.accept().unwrap();
            respond(s, &host, 1 << 20, Duration::from_secs(5)).unwrap()
        });
        let member = SigningKey::from_bytes(&[2; 32]);
        let client = initiate(
            TcpStream::connect(addr).unwrap(),
            &member,
            |k| {
                (*k == host_pub)
                    .then_some(())
                    .ok_or_else(|| "other".to_owned())
            },
            1 << 20,
            Duration::from_secs(5),
        )
        .unwrap();
        let server = server.join().unwrap();
        assert_eq!(server.peer, member.verifying_key());
        assert_eq!(client.peer, host_pub);
        (client, server)
    }

    #[test]
    fn messages_of_any_length_arrive_whole() {
        let (mut c, mut s) = pair();
        for len in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 7] {
            let m: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            c.sender.send(&m).unwrap();
            assert_eq!(s.receiver.recv().unwrap(), m, "{len}");
        }
    }

    #[test]
    fn a_replayed_or_reordered_frame_ends_the_connection() {
        let (mut c, mut s) = pair();
        c.sender.send(b"first").unwrap();
        assert_eq!(s.receiver.recv().unwrap(), b"first");
        // The same frame again (same nonce): an eavesdropper's replay.
        let mut replay = Sender {
            stream: c.sender.socket().unwrap(),
            keys: Arc::clone(&c.sender.keys),
            nonce: 0,
        };
        replay.send(b"first").unwrap();
        assert!(matches!(s.receiver.recv(), Err(ChannelError::Decrypt)));
    }

    #[test]
    fn a_frame_from_the_future_is_refused() {
        let (c, mut s) = pair();
        let mut skipped = Sender {
            stream: c.sender.socket().unwrap(),
            keys: Arc::clone(&c.sender.keys),
            nonce: 5,
        };
        skipped.send(b"later").unwrap();
        assert!(matches!(s.receiver.recv(), Err(ChannelError::Decrypt)));
    }

    #[test]
    fn the_wrong_room_key_is_refused_by_the_member() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            let (s, _) = listener.accept().unwrap();
            let _ = respond(
                s,
                &SigningKey::from_bytes(&[9; 32]),
                1024,
                Duration::from_secs(5),
            );
        });
        let r = initiate(
            TcpStream::connect(addr).unwrap(),
            &SigningKey::from_bytes(&[2; 32]),
            |_| Err("not the pinned key".to_owned()),
            1024,
            Duration::from_secs(5),
        );
        assert!(matches!(r, Err(ChannelError::UnexpectedPeer(_))));
    }

    #[test]
    fn a_message_over_the_limit_is_refused() {
        let (mut c, mut s) = pair();
        s.receiver.max_message = 100;
        c.sender.send(&[7; 101]).unwrap();
        assert!(matches!(
            s.receiver.recv(),
            Err(ChannelError::TooLarge { limit: 100 })
        ));
    }
}
