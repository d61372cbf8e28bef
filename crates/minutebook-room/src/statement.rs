//! What a member signs in the room: a check-in, or a vote by show of hands, as canonical JSON
//! (RFC 8785, by minutebook-sign) signed with the member's ed25519 key. The host keeps the exact
//! bytes and signature as evidence; the member's app keeps them too.
//!
//! A statement names the room (a random token per opening), the meeting and the member, so a
//! statement replayed into another room, meeting or member's connection is refused.

use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

/// The `type` of every statement.
pub const STATEMENT_TYPE: &str = "minutebook.room-statement";

/// A vote by name: for, against, or other opinion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Choice {
    /// Tán thành.
    Yes,
    /// Không tán thành.
    No,
    /// Ý kiến khác.
    Abstain,
}

impl Choice {
    /// `yes`, `no` or `abstain`.
    pub fn code(self) -> &'static str {
        match self {
            Choice::Yes => "yes",
            Choice::No => "no",
            Choice::Abstain => "abstain",
        }
    }

    /// Parses [`Choice::code`].
    pub fn from_code(code: &str) -> Option<Choice> {
        [Choice::Yes, Choice::No, Choice::Abstain]
            .into_iter()
            .find(|c| c.code() == code)
    }
}

/// What the member states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "act", rename_all = "kebab-case")]
pub enum Act {
    /// "I am here." The host stamps the time it received it.
    CheckIn,
    /// A vote by name on the vote at `vote` (0-based, in the meeting's order) on `subject`.
    Vote {
        /// The vote's index in the meeting.
        vote: u32,
        /// The vote's subject as the room showed it.
        subject: String,
        /// The member's choice.
        choice: Choice,
    },
}

/// A statement before signing. (Unknown fields are refused by [`SignedStatement::verify`],
/// which requires the bytes to be exactly the canonical form of what it read.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Always [`STATEMENT_TYPE`].
    #[serde(rename = "type")]
    pub kind: String,
    /// The room's token (32 hex digits).
    pub room: String,
    /// The meeting's id in the host's book.
    pub meeting: String,
    /// The member's id in the host's roster.
    pub member: String,
    /// What is stated.
    #[serde(flatten)]
    pub act: Act,
}

/// A statement's exact bytes and the member's signature over them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedStatement {
    /// Canonical JSON, UTF-8.
    pub bytes: Vec<u8>,
    /// ed25519 signature over `bytes`.
    pub signature: [u8; 64],
}

/// Why a statement was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatementError {
    /// The signature does not verify with the member's key.
    #[error("the signature does not verify with the member's key")]
    BadSignature,
    /// Not canonical JSON, or not a statement.
    #[error("not a room statement: {0}")]
    Malformed(String),
}

impl Statement {
    /// A statement of `act` by `member` in `room` for `meeting`.
    pub fn new(room: &str, meeting: &str, member: &str, act: Act) -> Statement {
        Statement {
            kind: STATEMENT_TYPE.to_owned(),
            room: room.to_owned(),
            meeting: meeting.to_owned(),
            member: member.to_owned(),
            act,
        }
    }

    /// Signs the statement's canonical bytes with `key`.
    ///
    /// # Errors
    /// [`StatementError::Malformed`] when it cannot be made canonical (text not NFC).
    pub fn sign(&self, key: &SigningKey) -> Result<SignedStatement, StatementError> {
        let bytes = minutebook_sign::to_canonical_bytes(self)
            .map_err(|e| StatementError::Malformed(e.to_string()))?;
        let signature = key.sign(&bytes).to_bytes();
        Ok(SignedStatement { bytes, signature })
    }
}

impl SignedStatement {
    /// Verifies the signature with `key` (strictly), checks the bytes are canonical, and reads
    /// the statement.
    ///
    /// # Errors
    /// [`StatementError`].
    pub fn verify(&self, key: &VerifyingKey) -> Result<Statement, StatementError> {
        key.verify_strict(&self.bytes, &Signature::from_bytes(&self.signature))
            .map_err(|_| StatementError::BadSignature)?;
        let value = minutebook_sign::parse_canonical(&self.bytes)
            .map_err(|e| StatementError::Malformed(e.to_string()))?;
        let statement: Statement =
            serde_json::from_value(value).map_err(|e| StatementError::Malformed(e.to_string()))?;
        let again = minutebook_sign::to_canonical_bytes(&statement)
            .map_err(|e| StatementError::Malformed(e.to_string()))?;
        if again != self.bytes {
            return Err(StatementError::Malformed(
                "fields that are not part of a statement".to_owned(),
            ));
        }
        if statement.kind != STATEMENT_TYPE {
            return Err(StatementError::Malformed(format!(
                "type {:?}",
                statement.kind
            )));
        }
        Ok(statement)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_statement_verifies_and_names_its_fields() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let s = Statement::new(
            "00ff",
            "3",
            "12",
            Act::Vote {
                vote: 1,
                subject: "Kết nạp".to_owned(),
                choice: Choice::Yes,
            },
        );
        let signed = s.sign(&key).unwrap();
        assert_eq!(
            String::from_utf8(signed.bytes.clone()).unwrap(),
            r#"{"act":"vote","choice":"yes","meeting":"3","member":"12","room":"00ff","subject":"Kết nạp","type":"minutebook.room-statement","vote":1}"#
        );
        assert_eq!(signed.verify(&key.verifying_key()), Ok(s));
        let other = SigningKey::from_bytes(&[8; 32]);
        assert_eq!(
            signed.verify(&other.verifying_key()),
            Err(StatementError::BadSignature)
        );
        let mut tampered = signed.clone();
        let at = tampered.bytes.len() - 3;
        tampered.bytes[at] = b'2';
        assert_eq!(
            tampered.verify(&key.verifying_key()),
            Err(StatementError::BadSignature)
        );
        // A field outside the statement, even signed, is refused.
        let extra = br#"{"act":"check-in","extra":1,"meeting":"3","member":"12","room":"00ff","type":"minutebook.room-statement"}"#;
        let signed = SignedStatement {
            bytes: extra.to_vec(),
            signature: key.sign(extra).to_bytes(),
        };
        assert!(matches!(
            signed.verify(&key.verifying_key()),
            Err(StatementError::Malformed(_))
        ));
    }
}
