//! A member's side of the meeting room (issue 12): join by code with one's own encrypted key,
//! check in, ask to speak, vote, read and sign the closed minutes — and keep one's own copy of
//! everything signed (the check-in and votes by name as signed, the record and the attestation)
//! in a folder, so a member can later show what they signed.
//!
//! A connection lost while waiting or asking (the Wi-Fi dropped, the secretary's laptop
//! restarted) is joined again until the wait runs out, and the request is sent again. Each is
//! safe to repeat: a check-in already made is acknowledged as such, a vote already recorded is
//! what was asked, and an attestation is made once and resent byte for byte (the host keeps one
//! copy of identical bytes).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ed25519_dalek::SigningKey;
use minutebook_core::SignerRole;
use minutebook_room::channel::ChannelError;
use minutebook_room::{Choice, JoinCode, Member, MemberError, RoomState, SignedStatement};
use minutebook_sign::keys::{self as sign_keys, Fingerprint};
use minutebook_sign::record::{Record as SignedRecord, Signer};

use crate::error::{ApiError, ErrorCode};
use crate::files::write_file_atomically;

/// How long a check-in or a request to speak keeps trying when the connection is lost.
const RETRY_WAIT: Duration = Duration::from_secs(120);

/// A member in a room.
pub struct RoomMember {
    member: Member,
    keep: Option<PathBuf>,
    code: JoinCode,
    key: SigningKey,
    pinned: Option<Fingerprint>,
    last_ping: Instant,
}

/// How often [`RoomMember::refresh`] pings the room (the host closes connections silent for 90 s).
const PING_EVERY: Duration = Duration::from_secs(20);

/// Whether `e` is the connection failing (worth joining again), not the room saying no.
fn connection_lost(e: &MemberError) -> bool {
    match e {
        MemberError::Lost(_) | MemberError::Timeout(_) => true,
        MemberError::Channel(c) => !matches!(c, ChannelError::UnexpectedPeer(_)),
        MemberError::Refused { .. } | MemberError::Request { .. } | MemberError::Protocol(_) => {
            false
        }
    }
}

/// How long a member waits between attempts to join again.
const REJOIN_EVERY: Duration = Duration::from_secs(1);

fn room_error(e: MemberError) -> ApiError {
    let code = match &e {
        MemberError::Refused { .. } | MemberError::Request { .. } => ErrorCode::NotAllowed,
        MemberError::Channel(minutebook_room::channel::ChannelError::UnexpectedPeer(_)) => {
            ErrorCode::Tampered
        }
        _ => ErrorCode::Io,
    };
    ApiError::new(code, e.to_string())
}

/// Joins the room `code` names with the member's key (`key_pem`, encrypted PKCS#8, unlocked
/// with `passphrase`). `pinned` is the room key's full fingerprint when the member has it (read
/// out by the secretary); `keep` is the folder for the member's own copies.
///
/// # Errors
/// `Usage` for a malformed code; `WrongPassphrase` and key errors; `Tampered` when the room's
/// key does not match the code or the pinned fingerprint; `NotAllowed` when the room refuses
/// this key (with its reason); `Io` for the network.
pub fn join_room(
    code: &str,
    key_pem: &str,
    passphrase: &[u8],
    pinned: Option<&str>,
    keep: Option<&Path>,
) -> Result<RoomMember, ApiError> {
    let code = JoinCode::parse(code).map_err(|e| ApiError::new(ErrorCode::Usage, e.to_string()))?;
    let pinned = pinned
        .map(|p| {
            Fingerprint::parse(p).ok_or_else(|| {
                ApiError::new(
                    ErrorCode::Usage,
                    format!("{p:?} is not a fingerprint (64 hex digits)"),
                )
            })
        })
        .transpose()?;
    let key = sign_keys::decrypt_private_key_pem(key_pem, passphrase)?;
    let member = Member::join(&code, key.clone(), pinned.as_ref()).map_err(room_error)?;
    if let Some(dir) = keep {
        std::fs::create_dir_all(dir)
            .map_err(|e| ApiError::io(format!("{}: {e}", dir.display())))?;
    }
    Ok(RoomMember {
        member,
        keep: keep.map(Path::to_path_buf),
        code,
        key,
        pinned,
        last_ping: Instant::now(),
    })
}

impl RoomMember {
    /// Joins the room again, every second until `deadline`.
    fn rejoin(&mut self, deadline: Instant) -> Result<(), ApiError> {
        loop {
            match Member::join(&self.code, self.key.clone(), self.pinned.as_ref()) {
                Ok(m) => {
                    self.member = m;
                    return Ok(());
                }
                Err(e) if connection_lost(&e) && Instant::now() < deadline => {
                    std::thread::sleep(REJOIN_EVERY);
                }
                Err(e) => return Err(room_error(e)),
            }
        }
    }

    /// Runs `op`, joining again and repeating it when the connection is lost, until `wait`
    /// runs out. `op` learns whether it is a repeat.
    fn retrying<T>(
        &mut self,
        wait: Duration,
        mut op: impl FnMut(&mut Member, bool) -> Result<T, MemberError>,
    ) -> Result<T, ApiError> {
        let deadline = Instant::now() + wait;
        let mut again = false;
        loop {
            match op(&mut self.member, again) {
                Err(e) if connection_lost(&e) && Instant::now() < deadline => {
                    self.rejoin(deadline)?;
                    again = true;
                }
                other => return other.map_err(room_error),
            }
        }
    }

    /// Who the room knows this member as: (member id, full name).
    pub fn you(&self) -> (&str, &str) {
        (&self.member.you.member_id, &self.member.you.full_name)
    }

    /// The meeting's subject.
    pub fn subject(&self) -> &str {
        &self.member.room.subject
    }

    /// The room's state as last received.
    pub fn state(&self) -> &RoomState {
        &self.member.state
    }

    /// Waits up to `wait` until the room's state satisfies `ready`.
    ///
    /// # Errors
    /// `Io` when it does not in time or the connection is lost.
    pub fn wait_for(
        &mut self,
        ready: impl Fn(&RoomState) -> bool,
        wait: Duration,
    ) -> Result<(), ApiError> {
        self.member
            .wait_until(ready, wait)
            .map(|_| ())
            .map_err(room_error)
    }

    fn keep_statement(&self, name: &str, s: &SignedStatement) -> Result<(), ApiError> {
        if let Some(dir) = &self.keep {
            let stem = format!("{}-{name}", self.member.room.token);
            write_file_atomically(&dir.join(format!("{stem}.json")), &s.bytes)?;
            write_file_atomically(&dir.join(format!("{stem}.sig")), &s.signature)?;
        }
        Ok(())
    }

    /// Checks in; returns the room's answer.
    ///
    /// # Errors
    /// The room's refusal, or the network.
    pub fn check_in(&mut self) -> Result<String, ApiError> {
        let (signed, message) = self.retrying(RETRY_WAIT, |m, _| m.check_in())?;
        self.keep_statement("check-in", &signed)?;
        Ok(message)
    }

    /// Asks to speak; returns the room's answer (the place in the queue).
    ///
    /// # Errors
    /// The network.
    pub fn ask_to_speak(&mut self) -> Result<String, ApiError> {
        self.retrying(RETRY_WAIT, |m, _| m.ask_to_speak())
    }

    /// Waits up to `wait` for vote `vote` (from 1) to open, then votes `choice` (`yes`, `no`,
    /// `abstain`); returns the room's answer.
    ///
    /// # Errors
    /// `Usage` for an unknown choice; the room's refusal (not allowed to vote, already voted);
    /// `Io` when the vote does not open in time.
    pub fn vote(&mut self, vote: u32, choice: &str, wait: Duration) -> Result<String, ApiError> {
        let choice = Choice::from_code(choice).ok_or_else(|| {
            ApiError::new(
                ErrorCode::Usage,
                format!("{choice:?}: the choice is yes, no or abstain"),
            )
        })?;
        let index = vote.saturating_sub(1);
        let (signed, message) = self.retrying(wait, |m, again| {
            m.wait_until(
                |s| s.open_vote.as_ref().is_some_and(|v| v.index == index),
                wait,
            )?;
            match m.vote(index, choice) {
                // Sent before the connection was lost, and recorded: what was asked.
                Err(MemberError::Request { code, message }) if again && code == "already-voted" => {
                    Ok((None, message))
                }
                other => other,
            }
        })?;
        if let Some(s) = signed {
            self.keep_statement(&format!("vote-{vote}"), &s)?;
        }
        Ok(message)
    }

    /// Waits up to `wait` for the meeting to be closed, reads the record, checks it is this
    /// room's meeting and names this member, signs it in `role` with the member's key and sends
    /// the attestation; returns the record's SHA-256 and the room's answer.
    ///
    /// # Errors
    /// `Tampered` when the record is not the one the room announced or not this meeting's;
    /// the room's refusal; `Io` when the meeting is not closed in time.
    pub fn sign(&mut self, role: &str, wait: Duration) -> Result<(String, String), ApiError> {
        let role = SignerRole::from_code(role).ok_or_else(|| {
            ApiError::new(
                ErrorCode::Usage,
                format!("{role:?}: the role is chair, minute-taker or member"),
            )
        })?;
        let record = self.fetch_record(wait)?;
        let me = self.member.you.clone();
        let signed_at = time::OffsetDateTime::now_utc().to_offset(time::macros::offset!(+7));
        let s = minutebook_sign::attestation::sign_record(
            &record,
            self.member.key(),
            Signer {
                member_id: me.member_id.clone(),
                full_name: me.full_name.clone(),
            },
            role,
            signed_at,
        )
        .map_err(|e| ApiError::invalid(e.to_string()))?;
        // Made once; a repeat after a lost connection sends the same bytes.
        let message = self.retrying(wait, |m, _| {
            m.attest(role.code(), &s.attestation, &s.signature)
        })?;
        if let Some(dir) = &self.keep {
            let stem = record.sha256().to_owned();
            write_file_atomically(&dir.join(format!("{stem}.record.json")), record.bytes())?;
            write_file_atomically(
                &dir.join(format!("{stem}.{}.json", role.code())),
                &s.attestation,
            )?;
            write_file_atomically(
                &dir.join(format!("{stem}.{}.sig", role.code())),
                &s.signature,
            )?;
        }
        Ok((record.sha256().to_owned(), message))
    }

    /// Waits up to `wait` for the meeting to be closed and reads the record, checked to be the
    /// one the room announced, of this room's meeting, naming this member.
    fn fetch_record(&mut self, wait: Duration) -> Result<SignedRecord, ApiError> {
        let (announced, bytes) = self.retrying(wait, |m, _| {
            let announced = m
                .wait_until(|s| s.record_sha256.is_some(), wait)?
                .record_sha256
                .clone()
                .unwrap_or_default();
            Ok((announced, m.record()?))
        })?;
        let record = SignedRecord::from_bytes(bytes)
            .map_err(|e| ApiError::new(ErrorCode::Tampered, format!("record: {e}")))?;
        if record.sha256() != announced {
            return Err(ApiError::new(
                ErrorCode::Tampered,
                format!(
                    "the room sent record {} but announced {announced}",
                    record.sha256()
                ),
            ));
        }
        let meeting_id = record
            .value()
            .pointer("/meeting/id")
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let me = &self.member.you;
        let on_roster = record
            .value()
            .get("roster")
            .and_then(|r| r.as_array())
            .is_some_and(|r| {
                r.iter()
                    .any(|m| m.get("id").and_then(|v| v.as_str()) == Some(me.member_id.as_str()))
            });
        if meeting_id != self.member.room.meeting_id || !on_roster {
            return Err(ApiError::new(
                ErrorCode::Tampered,
                "the record is not this room's meeting, or does not name this member".to_owned(),
            ));
        }
        Ok(record)
    }

    /// The closed meeting's minutes to read before signing: the record the room announced
    /// (checked as [`RoomMember::sign`] checks it), rendered by the same templates as the
    /// signed PDF, every page marked DỰ THẢO (it carries no signature yet). PDF bytes.
    ///
    /// # Errors
    /// As [`RoomMember::sign`]; an export error when the record cannot be printed.
    pub fn minutes_pdf(&mut self, wait: Duration) -> Result<Vec<u8>, ApiError> {
        let record = self.fetch_record(wait)?;
        let opts = minutebook_export::ExportOptions {
            draft: true,
            ..Default::default()
        };
        Ok(minutebook_export::render_minutes(
            record.bytes(),
            &[],
            Vec::new(),
            &opts,
        )?)
    }

    /// Takes what the room sent for up to `wait` (its state), pings it every 20 s, and joins
    /// again once when the connection was lost.
    ///
    /// # Errors
    /// `Io` when the connection is lost and joining again fails (the caller tries later);
    /// the room's refusal when it no longer admits this key.
    pub fn refresh(&mut self, wait: Duration) -> Result<(), ApiError> {
        let lost = if self.last_ping.elapsed() >= PING_EVERY {
            self.last_ping = Instant::now();
            match self.member.ping() {
                Ok(()) => None,
                Err(e) if connection_lost(&e) => Some(e),
                Err(e) => return Err(room_error(e)),
            }
        } else {
            None
        };
        let lost = match lost {
            Some(e) => Some(e),
            None => match self.member.wait_until(|_| false, wait) {
                Ok(_) | Err(MemberError::Timeout(_)) => None,
                Err(e) if connection_lost(&e) => Some(e),
                Err(e) => return Err(room_error(e)),
            },
        };
        match lost {
            None => Ok(()),
            Some(_) => self.rejoin(Instant::now()),
        }
    }

    /// The room's key, grouped for reading out.
    pub fn room_fingerprint(&self) -> String {
        Fingerprint::of(&self.member.room_key).grouped()
    }

    /// The room's meeting: subject, date (YYYY-MM-DD), place.
    pub fn room(&self) -> &minutebook_room::RoomInfo {
        &self.member.room
    }

    /// Leaves the room.
    pub fn leave(self) {
        self.member.leave();
    }
}
