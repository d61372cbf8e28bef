//! How core values are written as SQL values and read back: dates, times, instants and the
//! stable codes of enums. Anything unreadable in a stored row is reported as
//! [`Error::Corrupt`], naming the table and column.

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

pub(crate) fn gender_code(g: Gender) -> &'static str {
    match g {
        Gender::Male => "male",
        Gender::Female => "female",
    }
}

pub(crate) fn gender(s: &str) -> Result<Gender> {
    match s {
        "male" => Ok(Gender::Male),
        "female" => Ok(Gender::Female),
        _ => Err(corrupt("members.gender", s)),
    }
}

pub(crate) fn category_code(c: MemberCategory) -> &'static str {
    match c {
        MemberCategory::Official => "official",
        MemberCategory::Probationary => "probationary",
    }
}

pub(crate) fn category(s: &str) -> Result<MemberCategory> {
    match s {
        "official" => Ok(MemberCategory::Official),
        "probationary" => Ok(MemberCategory::Probationary),
        _ => Err(corrupt("members.category", s)),
    }
}

pub(crate) fn transfer_kind_code(k: TransferKind) -> &'static str {
    match k {
        TransferKind::Official => "official",
        TransferKind::Temporary => "temporary",
    }
}

pub(crate) fn transfer_kind(s: &str) -> Result<TransferKind> {
    match s {
        "official" => Ok(TransferKind::Official),
        "temporary" => Ok(TransferKind::Temporary),
        _ => Err(corrupt("members.transfer_*_kind", s)),
    }
}

/// (code, reason) of a presence.
pub(crate) fn presence_code(p: &Presence) -> (&'static str, Option<&str>) {
    match p {
        Presence::Present => ("present", None),
        Presence::AbsentExcused { reason } => ("absent-excused", Some(reason)),
        Presence::AbsentUnexcused => ("absent-unexcused", None),
        Presence::Exempted => ("exempted", None),
        Presence::NotRequired { reason } => ("not-required", Some(reason)),
    }
}

pub(crate) fn presence(code: &str, reason: Option<String>) -> Result<Presence> {
    Ok(match (code, reason) {
        ("present", None) => Presence::Present,
        ("absent-excused", Some(reason)) => Presence::AbsentExcused { reason },
        ("absent-unexcused", None) => Presence::AbsentUnexcused,
        ("exempted", None) => Presence::Exempted,
        ("not-required", Some(reason)) => Presence::NotRequired { reason },
        _ => return Err(corrupt("attendance.presence", code)),
    })
}

/// (code, expulsion) of a vote kind.
pub(crate) fn vote_kind_code(k: VoteKind) -> (&'static str, bool) {
    match k {
        VoteKind::Resolution => ("resolution", false),
        VoteKind::Admission => ("admission", false),
        VoteKind::Recognition => ("recognition", false),
        VoteKind::Discipline { expulsion } => ("discipline", expulsion),
        VoteKind::Election => ("election", false),
        VoteKind::Other => ("other", false),
    }
}

pub(crate) fn vote_kind(code: &str, expulsion: bool) -> Result<VoteKind> {
    Ok(match code {
        "resolution" => VoteKind::Resolution,
        "admission" => VoteKind::Admission,
        "recognition" => VoteKind::Recognition,
        "discipline" => VoteKind::Discipline { expulsion },
        "election" => VoteKind::Election,
        "other" => VoteKind::Other,
        _ => return Err(corrupt("votes.kind", code)),
    })
}

/// (code, ballots issued / returned / valid) of a vote method.
pub(crate) fn vote_method_code(m: VoteMethod) -> (&'static str, Option<[u32; 3]>) {
    match m {
        VoteMethod::ShowOfHands => ("show-of-hands", None),
        VoteMethod::ShowOfPartyCards => ("show-of-party-cards", None),
        VoteMethod::SecretBallot {
            issued,
            returned,
            valid,
        } => ("secret-ballot", Some([issued, returned, valid])),
    }
}

pub(crate) fn vote_method(code: &str, ballots: [Option<u32>; 3]) -> Result<VoteMethod> {
    Ok(match (code, ballots) {
        ("show-of-hands", [None, None, None]) => VoteMethod::ShowOfHands,
        ("show-of-party-cards", [None, None, None]) => VoteMethod::ShowOfPartyCards,
        ("secret-ballot", [Some(issued), Some(returned), Some(valid)]) => {
            VoteMethod::SecretBallot {
                issued,
                returned,
                valid,
            }
        }
        _ => return Err(corrupt("votes.method", code)),
    })
}

pub(crate) fn action_status_code(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::Open => "open",
        ActionStatus::Done => "done",
        ActionStatus::Dropped => "dropped",
    }
}

pub(crate) fn action_status(s: &str) -> Result<ActionStatus> {
    match s {
        "open" => Ok(ActionStatus::Open),
        "done" => Ok(ActionStatus::Done),
        "dropped" => Ok(ActionStatus::Dropped),
        _ => Err(corrupt("action_items.status", s)),
    }
}
