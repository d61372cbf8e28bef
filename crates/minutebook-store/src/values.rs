//! How core values are written as SQL values and read back: dates, times, instants and the
//! stable codes of enums. Anything unreadable in a stored row is reported as
//! [`Error::Corrupt`], naming the table and column.

use minutebook_core::text::is_nfc;
use minutebook_core::{
    ActionStatus, Gender, MemberCategory, Presence, TransferKind, VoteKind, VoteMethod,
};
use rusqlite::Row;
use rusqlite::types::FromSql;
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, Time};

use crate::error::{Error, Result};

/// Reads column `i` of `row`; a type mismatch means the row was altered: [`Error::Corrupt`].
pub(crate) fn col<T: FromSql>(row: &Row<'_>, i: usize, what: &str) -> Result<T> {
    row.get(i)
        .map_err(|e| Error::Corrupt(format!("{what}: unreadable stored value ({e})")))
}

pub(crate) fn corrupt(what: &str, value: &str) -> Error {
    Error::Corrupt(format!("{what}: unexpected stored value {value:?}"))
}

/// Checks text the store is about to write: it is written exactly as given, and refused
/// ([`Error::Invalid`], naming `what`) unless it is NFC. The store never normalises: text is
/// normalised where it enters (`minutebook_core::text` says where), and a caller that filled a
/// public field some other way gets this error rather than a silent fix.
pub(crate) fn check_nfc(text: &str, what: &str) -> Result<()> {
    if is_nfc(text) {
        Ok(())
    } else {
        Err(Error::invalid(
            what,
            "the text is not in Unicode NFC (normalise it where it enters, e.g. with \
             minutebook_core::text::Nfc)",
        ))
    }
}

/// [`check_nfc`] of an optional text.
pub(crate) fn check_opt_nfc(text: Option<&str>, what: &str) -> Result<()> {
    text.map_or(Ok(()), |t| check_nfc(t, what))
}

/// 'YYYY-MM-DD'.
pub(crate) fn date_text(d: Date) -> String {
    d.format(format_description!("[year]-[month]-[day]"))
        .unwrap_or_else(|_| d.to_string())
}

pub(crate) fn parse_date(s: &str, what: &str) -> Result<Date> {
    Date::parse(s, format_description!("[year]-[month]-[day]")).map_err(|_| corrupt(what, s))
}

pub(crate) fn opt_date(s: Option<String>, what: &str) -> Result<Option<Date>> {
    s.map(|s| parse_date(&s, what)).transpose()
}

/// 'HH:MM', or 'HH:MM:SS' when the seconds are not zero. Sub-second times are refused rather
/// than silently truncated.
pub(crate) fn time_text(t: Time, what: &str) -> Result<String> {
    if t.nanosecond() != 0 {
        return Err(Error::invalid(what, "times are kept to the second"));
    }
    Ok(if t.second() == 0 {
        format!("{:02}:{:02}", t.hour(), t.minute())
    } else {
        format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
    })
}

pub(crate) fn opt_time_text(t: Option<Time>, what: &str) -> Result<Option<String>> {
    t.map(|t| time_text(t, what)).transpose()
}

pub(crate) fn parse_time(s: &str, what: &str) -> Result<Time> {
    let parsed = if s.len() == 5 {
        Time::parse(s, format_description!("[hour]:[minute]"))
    } else {
        Time::parse(s, format_description!("[hour]:[minute]:[second]"))
    };
    parsed.map_err(|_| corrupt(what, s))
}

pub(crate) fn opt_time(s: Option<String>, what: &str) -> Result<Option<Time>> {
    s.map(|s| parse_time(&s, what)).transpose()
}

/// RFC 3339, e.g. "2026-03-05T19:30:00Z".
pub(crate) fn instant_text(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_else(|_| t.to_string())
}

pub(crate) fn parse_instant(s: &str, what: &str) -> Result<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).map_err(|_| corrupt(what, s))
}

/// Lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Checks a lower-case hex SHA-256 (64 characters).
pub(crate) fn check_sha256_hex(s: &str, what: &str) -> Result<()> {
    if s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        Ok(())
    } else {
        Err(Error::invalid(
            what,
            format!("{s:?} is not a lower-case hex SHA-256"),
        ))
    }
}

// The stable codes of enums are `minutebook-core`'s (`code` / `from_code`); what follows maps
// them onto this schema's columns and reports anything unreadable as corrupt.

pub(crate) fn gender(s: &str) -> Result<Gender> {
    Gender::from_code(s).ok_or_else(|| corrupt("members.gender", s))
}

pub(crate) fn category(s: &str) -> Result<MemberCategory> {
    MemberCategory::from_code(s).ok_or_else(|| corrupt("members.category", s))
}

pub(crate) fn transfer_kind(s: &str) -> Result<TransferKind> {
    TransferKind::from_code(s).ok_or_else(|| corrupt("members.transfer_*_kind", s))
}

/// Reads `presence` and `reason`: a reason exactly for the presences that have one.
pub(crate) fn presence(code: &str, reason: Option<String>) -> Result<Presence> {
    Presence::from_code(code, reason).ok_or_else(|| corrupt("attendance.presence", code))
}

/// (`kind`, `expulsion`) columns of a vote kind. The store keeps an expulsion as kind
/// `discipline` with `expulsion` set, where records write the code `expulsion`.
pub(crate) fn vote_kind_columns(k: VoteKind) -> (&'static str, bool) {
    match k {
        VoteKind::Discipline { expulsion } => {
            (VoteKind::Discipline { expulsion: false }.code(), expulsion)
        }
        k => (k.code(), false),
    }
}

/// Reads the columns written by [`vote_kind_columns`] (`expulsion` is ignored unless the kind
/// is `discipline`; the code `expulsion` is not a stored kind).
pub(crate) fn vote_kind(code: &str, expulsion: bool) -> Result<VoteKind> {
    match VoteKind::from_code(code) {
        Some(VoteKind::Discipline { expulsion: false }) => Ok(VoteKind::Discipline { expulsion }),
        Some(VoteKind::Discipline { expulsion: true }) | None => Err(corrupt("votes.kind", code)),
        Some(k) => Ok(k),
    }
}

/// Reads `method` and the three ballot columns: counts exactly for a secret ballot.
pub(crate) fn vote_method(code: &str, ballots: [Option<u32>; 3]) -> Result<VoteMethod> {
    let ballots = match ballots {
        [None, None, None] => None,
        [Some(issued), Some(returned), Some(valid)] => Some([issued, returned, valid]),
        _ => return Err(corrupt("votes.method", code)),
    };
    VoteMethod::from_code(code, ballots).ok_or_else(|| corrupt("votes.method", code))
}

pub(crate) fn action_status(s: &str) -> Result<ActionStatus> {
    ActionStatus::from_code(s).ok_or_else(|| corrupt("action_items.status", s))
}
