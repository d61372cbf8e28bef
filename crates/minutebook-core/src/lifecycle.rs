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
    /// Stable identifier.
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
        [
            Self::Draft,
            Self::InSession,
            Self::Closed,
            Self::Signing,
            Self::Signed,
        ]
        .into_iter()
        .find(|s| s.code() == code)
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
    /// Identifier used in bundles and on the CLI: `chair`, `minute-taker`, `member`.
    pub fn code(self) -> &'static str {
        match self {
            SignerRole::Chair => "chair",
            SignerRole::MinuteTaker => "minute-taker",
            SignerRole::Member => "member",
        }
    }

    /// Parses [`SignerRole::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Chair, Self::MinuteTaker, Self::Member]
            .into_iter()
            .find(|r| r.code() == code)
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
