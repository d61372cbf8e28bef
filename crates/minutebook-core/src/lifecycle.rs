//! A meeting record's life: draft → in session → closed → signing → signed.
//!
//! Closed minutes are frozen for review; once the first signature is made any change produces a
//! new version of the record, and the old version with its signatures stays in the chain.

/// Status of a meeting's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MeetingStatus {
    /// Being prepared.
    Draft,
    /// The meeting is taking place; the minute-taker is writing.
    InSession,
    /// Closed and frozen for review; no signature yet.
    Closed,
    /// At least one signature, but not all required roles have signed.
    Signing,
    /// Every required role has signed; locked.
    Signed,
}

impl MeetingStatus {
    /// Every status, in lifecycle order.
    pub const ALL: [MeetingStatus; 5] = [
        MeetingStatus::Draft,
        MeetingStatus::InSession,
        MeetingStatus::Closed,
        MeetingStatus::Signing,
        MeetingStatus::Signed,
    ];

    /// Stable identifier used in records, interchange files and the store: `draft`,
    /// `in-session`, `closed`, `signing` or `signed`. The strings are signed and stored: never
    /// change one.
    pub fn code(self) -> &'static str {
        match self {
            MeetingStatus::Draft => "draft",
            MeetingStatus::InSession => "in-session",
            MeetingStatus::Closed => "closed",
            MeetingStatus::Signing => "signing",
            MeetingStatus::Signed => "signed",
        }
    }

    /// Parses [`MeetingStatus::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// True while the content may be edited in place.
    pub fn is_editable(self) -> bool {
        matches!(self, MeetingStatus::Draft | MeetingStatus::InSession)
    }

    /// True once a signature covers the current version: editing then means a new version.
    pub fn has_signatures(self) -> bool {
        matches!(self, MeetingStatus::Signing | MeetingStatus::Signed)
    }
}

/// The capacity in which someone signs the minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SignerRole {
    /// Chủ trì — the chair.
    Chair,
    /// Thư ký / người ghi biên bản — the minute-taker (not the cell's Bí thư).
    MinuteTaker,
    /// Any other member adding a signature.
    Member,
}

impl SignerRole {
    /// Every role, in code order (also the order of [`Ord`]).
    pub const ALL: [SignerRole; 3] = [
        SignerRole::Chair,
        SignerRole::MinuteTaker,
        SignerRole::Member,
    ];

    /// Identifier used in records, attestations, bundle file names (`NN-<role>.json`), settings
    /// and on the CLI: `chair`, `minute-taker`, `member`. The strings are signed and name
    /// files: never change one.
    pub fn code(self) -> &'static str {
        match self {
            SignerRole::Chair => "chair",
            SignerRole::MinuteTaker => "minute-taker",
            SignerRole::Member => "member",
        }
    }

    /// Parses [`SignerRole::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Writes [`SignerRole::code`].
impl std::fmt::Display for SignerRole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The status a closed record has, given which roles have valid signatures on the current
/// version and which the cell requires.
pub fn signing_status(signed: &[SignerRole], required: &[SignerRole]) -> MeetingStatus {
    if signed.is_empty() {
        MeetingStatus::Closed
    } else if required.iter().all(|r| signed.contains(r)) {
        MeetingStatus::Signed
    } else {
        MeetingStatus::Signing
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code_tests::assert_codes;

    #[test]
    fn meeting_status_codes_round_trip() {
        assert_codes(
            &MeetingStatus::ALL,
            MeetingStatus::code,
            MeetingStatus::from_code,
            &["draft", "in-session", "closed", "signing", "signed"],
        );
    }

    #[test]
    fn signer_role_codes_round_trip() {
        assert_codes(
            &SignerRole::ALL,
            SignerRole::code,
            SignerRole::from_code,
            &["chair", "minute-taker", "member"],
        );
        for r in SignerRole::ALL {
            assert_eq!(r.to_string(), r.code());
        }
    }
}
