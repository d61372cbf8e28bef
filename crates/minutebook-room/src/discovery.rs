//! Finding a room on the room's network without typing its address: the secretary's laptop
//! announces the room by mDNS/DNS-SD (RFC 6762, 6763; service type [`SERVICE_TYPE`]) with its
//! join code in a TXT record, and a member's laptop lists the rooms it hears.
//!
//! What is heard is a hint, never trust: anyone on the Wi-Fi can announce a "room" with a code
//! whose digits match their own key. A member who picks a room found this way must type the
//! room key's full fingerprint the secretary reads out (the app asks for it), and the channel
//! then refuses any other key (`docs/room-protocol.md`).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use mdns_sd::{ServiceDaemon, ServiceEvent, ServiceInfo};

use crate::JoinCode;

/// The DNS-SD service type of a Minutebook meeting room.
pub const SERVICE_TYPE: &str = "_minutebook-room._tcp.local.";
/// Longest subject announced (characters); TXT strings hold at most 255 bytes.
const MAX_SUBJECT: usize = 60;
/// Most rooms listed from one look.
const MAX_FOUND: usize = 20;

/// Why announcing or listening failed (no network interface, the operating system refused
/// the multicast sockets).
#[derive(Debug, thiserror::Error)]
#[error("mDNS: {0}")]
pub struct DiscoveryError(String);

fn err(e: impl std::fmt::Display) -> DiscoveryError {
    DiscoveryError(e.to_string())
}

/// The room announced on the network until this is dropped.
pub struct Advertisement {
    daemon: ServiceDaemon,
    fullname: String,
}

impl Advertisement {
    /// Announces the room `code` names, with its meeting's `subject` (shortened).
    ///
    /// # Errors
    /// [`DiscoveryError`] when the announcing daemon cannot start.
    pub fn start(code: &JoinCode, subject: &str) -> Result<Advertisement, DiscoveryError> {
        let daemon = ServiceDaemon::new().map_err(err)?;
        let text = code.to_string();
        let digits: String = text
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(8)
            .collect();
        let subject: String = subject.chars().take(MAX_SUBJECT).collect();
        let props = [("code", text.as_str()), ("subject", subject.as_str())];
        let info = ServiceInfo::new(
            SERVICE_TYPE,
            &format!("minutebook-{digits}"),
            &format!("minutebook-{digits}.local."),
            code.addr.ip().to_string(),
            code.addr.port(),
            &props[..],
        )
        .map_err(err)?;
        let fullname = info.get_fullname().to_owned();
        daemon.register(info).map_err(err)?;
        Ok(Advertisement { daemon, fullname })
    }
}

impl Drop for Advertisement {
    fn drop(&mut self) {
        let _ = self.daemon.unregister(&self.fullname);
        let _ = self.daemon.shutdown();
    }
}

/// A room heard on the network.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FoundRoom {
    /// Its join code (checked to be one).
    pub code: String,
    /// The meeting's subject as announced (shortened; untrusted).
    pub subject: String,
}

/// Listens for `wait` and returns the rooms heard (at most 20, by code). Announcements whose
/// code is not a join code are ignored.
///
/// # Errors
/// [`DiscoveryError`] when the listening daemon cannot start.
pub fn discover(wait: Duration) -> Result<Vec<FoundRoom>, DiscoveryError> {
    let daemon = ServiceDaemon::new().map_err(err)?;
    let events = daemon.browse(SERVICE_TYPE).map_err(err)?;
    let deadline = Instant::now() + wait;
    let mut found = BTreeMap::new();
    while found.len() < MAX_FOUND {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        let Ok(event) = events.recv_timeout(left) else {
            break;
        };
        if let ServiceEvent::ServiceResolved(info) = event {
            let Some(code) = info
                .get_property_val_str("code")
                .and_then(|c| JoinCode::parse(c).ok())
            else {
                continue;
            };
            let subject: String = info
                .get_property_val_str("subject")
                .unwrap_or_default()
                .chars()
                .take(MAX_SUBJECT)
                .collect();
            found.insert(
                code.to_string(),
                FoundRoom {
                    code: code.to_string(),
                    subject,
                },
            );
        }
    }
    let _ = daemon.stop_browse(SERVICE_TYPE);
    let _ = daemon.shutdown();
    Ok(found.into_values().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether this machine has an interface up that can carry multicast (besides loopback).
    fn multicast_interface() -> bool {
        std::fs::read_dir("/sys/class/net").is_ok_and(|dirs| {
            dirs.flatten().any(|d| {
                let flags = std::fs::read_to_string(d.path().join("flags")).unwrap_or_default();
                let flags =
                    u32::from_str_radix(flags.trim().trim_start_matches("0x"), 16).unwrap_or(0);
                // IFF_UP | IFF_MULTICAST, not IFF_LOOPBACK.
                flags & 0x1 != 0 && flags & 0x1000 != 0 && flags & 0x8 == 0
            })
        })
    }

    #[test]
    fn a_room_announced_is_heard_with_its_code_and_gone_once_dropped() {
        if !multicast_interface() {
            eprintln!("skipped: no network interface up that carries multicast");
            return;
        }
        let key = minutebook_sign::keys::generate().unwrap();
        let fp = minutebook_sign::keys::Fingerprint::of(&key.verifying_key());
        let code = JoinCode::new("192.0.2.77:41234".parse().unwrap(), &fp);
        let ad =
            Advertisement::start(&code, "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026").unwrap();
        let mut heard = Vec::new();
        for _ in 0..5 {
            heard = discover(Duration::from_secs(3)).unwrap();
            if heard.iter().any(|r| r.code == code.to_string()) {
                break;
            }
        }
        let room = heard
            .iter()
            .find(|r| r.code == code.to_string())
            .unwrap_or_else(|| panic!("not heard: {heard:?}"));
        assert_eq!(room.subject, "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026");
        drop(ad);
    }
}
