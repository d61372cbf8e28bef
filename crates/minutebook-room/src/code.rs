//! The join code a member types: the room's address and the start of its key's fingerprint.
//!
//! Form: `ADDRESS:PORT/XXXX-XXXX-XXXX-XXXX-XXXX` — the 20 first hex digits (80 bits) of the
//! room key's fingerprint (SHA-256 of its SubjectPublicKeyInfo, as everywhere in Minutebook),
//! upper case in groups of four. A member's app refuses a room whose key does not start with
//! them; the full fingerprint, read out by the secretary, can be pinned as well.

use std::fmt;
use std::net::SocketAddr;

use minutebook_sign::Fingerprint;

/// How many hex digits of the fingerprint the code carries.
pub const CODE_DIGITS: usize = 20;

/// A parsed join code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinCode {
    /// Where the room listens.
    pub addr: SocketAddr,
    /// The first [`CODE_DIGITS`] hex digits of the room key's fingerprint, lower case.
    pub fingerprint_prefix: String,
}

/// Why a typed code was not understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// No `/` between address and key digits.
    #[error("a join code is ADDRESS:PORT/XXXX-XXXX-XXXX-XXXX-XXXX")]
    Shape,
    /// The address part is not an IP address and port.
    #[error("{0:?} is not an address and port such as 192.168.1.20:47123")]
    Address(String),
    /// The key part is not 20 hex digits.
    #[error("the key part must be {CODE_DIGITS} hex digits (0-9, A-F)")]
    Digits,
}

impl JoinCode {
    /// The code of a room at `addr` whose key has `fingerprint`.
    pub fn new(addr: SocketAddr, fingerprint: &Fingerprint) -> JoinCode {
        JoinCode {
            addr,
            fingerprint_prefix: fingerprint.as_hex()[..CODE_DIGITS].to_owned(),
        }
    }

    /// Parses a code as typed: spaces, dashes and case in the key part are ignored.
    ///
    /// # Errors
    /// [`CodeError`] naming the part that is wrong.
    pub fn parse(typed: &str) -> Result<JoinCode, CodeError> {
        let typed = typed.trim();
        let (addr, digits) = typed.rsplit_once('/').ok_or(CodeError::Shape)?;
        let addr: SocketAddr = addr
            .trim()
            .parse()
            .map_err(|_| CodeError::Address(addr.trim().to_owned()))?;
        let digits: String = digits
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if digits.len() != CODE_DIGITS || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(CodeError::Digits);
        }
        Ok(JoinCode {
            addr,
            fingerprint_prefix: digits,
        })
    }

    /// Whether `fingerprint` is the one this code names.
    pub fn matches(&self, fingerprint: &Fingerprint) -> bool {
        fingerprint.as_hex().starts_with(&self.fingerprint_prefix)
    }
}

impl fmt::Display for JoinCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let upper = self.fingerprint_prefix.to_ascii_uppercase();
        let groups: Vec<&str> = (0..CODE_DIGITS)
            .step_by(4)
            .map(|i| &upper[i..i + 4])
            .collect();
        write!(f, "{}/{}", self.addr, groups.join("-"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_typing_slack() {
        let fp = Fingerprint::parse(&"ab12".repeat(16)).unwrap();
        let code = JoinCode::new("192.168.1.20:47123".parse().unwrap(), &fp);
        assert_eq!(
            code.to_string(),
            "192.168.1.20:47123/AB12-AB12-AB12-AB12-AB12"
        );
        assert_eq!(JoinCode::parse(&code.to_string()), Ok(code.clone()));
        assert_eq!(
            JoinCode::parse(" 192.168.1.20:47123/ab12 ab12ab12-AB12ab12 "),
            Ok(code.clone())
        );
        assert!(code.matches(&fp));
        assert!(!code.matches(&Fingerprint::parse(&"cd34".repeat(16)).unwrap()));
        assert_eq!(JoinCode::parse("192.168.1.20:47123"), Err(CodeError::Shape));
        assert_eq!(
            JoinCode::parse("room/AB12-AB12-AB12-AB12-AB12").unwrap_err(),
            CodeError::Address("room".into())
        );
        assert_eq!(JoinCode::parse("10.0.0.1:1/AB12"), Err(CodeError::Digits));
        let v6 = JoinCode::new("[::1]:9".parse().unwrap(), &fp);
        assert_eq!(JoinCode::parse(&v6.to_string()), Ok(v6));
    }
}
