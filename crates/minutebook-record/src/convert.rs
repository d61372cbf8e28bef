//! Mapping between domain values (`minutebook-core`) and their documents ([`crate::doc`]).
//!
//! Reading a document validates it: every error names the JSON path of the offending value and
//! says what was expected, e.g. `meeting.votes[1].kind: unknown vote kind "approve"`.

use std::collections::HashMap;

use minutebook_core::agenda::{AgendaItem, Speaker, Speech};
use minutebook_core::attendance::{Attendance, AttendanceBasis, Presence};
use minutebook_core::meeting::{Guest, Meeting, MeetingId, MeetingKind};
use minutebook_core::resolution::Resolution;
use minutebook_core::roster::{
    Gender, Member, MemberCategory, MemberId, Post, Transfer, TransferKind,
};
use minutebook_core::text::nfc;
use minutebook_core::vote::{CountingReading, Vote, VoteKind, VoteMethod};
use minutebook_core::{ActionItem, ActionStatus, Cell, CellSettings, MeetingStatus, SignerRole};
use time::macros::format_description;
use time::{Date, Time};

use crate::doc::*;

/// A document value that cannot be read, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct DocError {
    /// JSON path, e.g. `roster[3].birth_date`.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

fn err(path: impl Into<String>, message: impl Into<String>) -> DocError {
    DocError {
        path: path.into(),
        message: message.into(),
    }
}

/// `YYYY-MM-DD`.
pub fn date_str(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day())
}

/// `HH:MM`.
pub fn time_str(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str, path: &str) -> Result<Date, DocError> {
    Date::parse(s, format_description!("[year]-[month]-[day]"))
        .map_err(|_| err(path, format!("expected a date YYYY-MM-DD, found {s:?}")))
}

/// Parses `HH:MM`.
pub fn parse_time(s: &str, path: &str) -> Result<Time, DocError> {
    Time::parse(s, format_description!("[hour]:[minute]"))
        .map_err(|_| err(path, format!("expected a time HH:MM, found {s:?}")))
}

fn opt_date(s: &Option<String>, path: &str) -> Result<Option<Date>, DocError> {
    s.as_deref().map(|s| parse_date(s, path)).transpose()
}

fn opt_time(s: &Option<String>, path: &str) -> Result<Option<Time>, DocError> {
    s.as_deref().map(|s| parse_time(s, path)).transpose()
}

/// The document of a cell.
pub fn cell_doc(id: &str, cell: &Cell) -> CellDoc {
    CellDoc {
        id: id.to_owned(),
        name: cell.name.clone(),
        upper_committee: cell.upper_committee.clone(),
        place: cell.place.clone(),
        document_code: cell.document_code.clone(),
        default_reading: cell.settings.default_reading.code().to_owned(),
        required_roles: cell
            .settings
            .required_signers
            .iter()
            .map(|r| r.code().to_owned())
            .collect(),
        counting_rule_citation: cell.settings.counting_rule_citation.clone(),
        // The basis before 2026-12 is written as no field at all, as those records were.
        attendance_basis: match cell.settings.attendance_basis {
            AttendanceBasis::ExemptedWhoAttendCount => None,
            b => Some(b.code().to_owned()),
        },
    }
}

/// Reads a cell document.
pub fn cell_from_doc(d: &CellDoc, path: &str) -> Result<Cell, DocError> {
    let default_reading = CountingReading::from_code(&d.default_reading).ok_or_else(|| {
        err(
            format!("{path}.default_reading"),
            format!("unknown counting reading {:?}", d.default_reading),
        )
    })?;
    let required_signers = d
        .required_roles
        .iter()
        .enumerate()
        .map(|(i, r)| {
            SignerRole::from_code(r).ok_or_else(|| {
                err(
                    format!("{path}.required_roles[{i}]"),
                    format!("unknown role {r:?}"),
                )
            })
        })
        .collect::<Result<_, _>>()?;
    if d.name.trim().is_empty() {
        return Err(err(format!("{path}.name"), "the cell's name is empty"));
    }
    let attendance_basis = match &d.attendance_basis {
        None => AttendanceBasis::ExemptedWhoAttendCount,
        Some(code) => AttendanceBasis::from_code(code).ok_or_else(|| {
            err(
                format!("{path}.attendance_basis"),
                format!("unknown attendance basis {code:?}"),
            )
        })?,
    };
    Ok(Cell {
        name: nfc(&d.name),
        upper_committee: nfc(&d.upper_committee),
        place: nfc(&d.place),
        document_code: nfc(&d.document_code),
        settings: CellSettings {
            default_reading,
            required_signers,
            counting_rule_citation: nfc(&d.counting_rule_citation),
            attendance_basis,
        },
    })
}

/// A post as documents write it: a fixed post's [`Post::code`], an other post's text alone.
fn post_code(p: &Post) -> String {
    p.other_text().unwrap_or(p.code()).to_owned()
}

/// Reads a post as documents write it (free text other than the fixed posts' codes is kept as
/// written, in NFC).
pub fn post_from_code(s: &str) -> Post {
    Post::from_code(s, None).unwrap_or_else(|| Post::Other(nfc(s)))
}

fn transfer_doc(t: &Transfer) -> TransferDoc {
    TransferDoc {
        date: date_str(t.date),
        kind: t.kind.code().into(),
        other_body: t.other_body.clone(),
    }
}

fn transfer_from(t: &Option<TransferDoc>, path: &str) -> Result<Option<Transfer>, DocError> {
    let Some(t) = t else { return Ok(None) };
    let kind = TransferKind::from_code(&t.kind).ok_or_else(|| {
        err(
            format!("{path}.kind"),
            format!("expected \"official\" or \"temporary\", found {:?}", t.kind),
        )
    })?;
    Ok(Some(Transfer {
        date: parse_date(&t.date, &format!("{path}.date"))?,
        kind,
        other_body: nfc(&t.other_body),
    }))
}

/// The document of a member.
pub fn member_doc(m: &Member) -> MemberDoc {
    MemberDoc {
        id: m.id.0.to_string(),
        full_name: m.full_name.clone(),
        birth_date: m.birth_date.map(date_str),
        gender: m.gender.map(|g| g.code().into()),
        category: m.category.code().into(),
        exempted: m.exempted,
        exempted_since: m.exempted_since.map(date_str),
        party_card_number: m.party_card_number.clone(),
        admitted_on: m.admitted_on.map(date_str),
        official_on: m.official_on.map(date_str),
        transfer_in: m.transfer_in.as_ref().map(transfer_doc),
        transfer_out: m.transfer_out.as_ref().map(transfer_doc),
        suspended: m.suspended,
        posts: m.posts.iter().map(post_code).collect(),
    }
}

/// Reads a member document, giving the member the id `id`.
pub fn member_from_doc(d: &MemberDoc, id: MemberId, path: &str) -> Result<Member, DocError> {
    let full_name = nfc(&d.full_name);
    if full_name.trim().is_empty() {
        return Err(err(format!("{path}.full_name"), "the name is empty"));
    }
    let category = MemberCategory::from_code(&d.category).ok_or_else(|| {
        err(
            format!("{path}.category"),
            format!(
                "expected \"official\" or \"probationary\", found {:?}",
                d.category
            ),
        )
    })?;
    let gender = d
        .gender
        .as_deref()
        .map(|g| {
            Gender::from_code(g).ok_or_else(|| {
                err(
                    format!("{path}.gender"),
                    format!("expected \"male\" or \"female\", found {g:?}"),
                )
            })
        })
        .transpose()?;
    Ok(Member {
        id,
        full_name,
        birth_date: opt_date(&d.birth_date, &format!("{path}.birth_date"))?,
        gender,
        category,
        exempted: d.exempted,
        exempted_since: opt_date(&d.exempted_since, &format!("{path}.exempted_since"))?,
        party_card_number: d.party_card_number.as_deref().map(nfc),
        admitted_on: opt_date(&d.admitted_on, &format!("{path}.admitted_on"))?,
        official_on: opt_date(&d.official_on, &format!("{path}.official_on"))?,
        transfer_in: transfer_from(&d.transfer_in, &format!("{path}.transfer_in"))?,
        transfer_out: transfer_from(&d.transfer_out, &format!("{path}.transfer_out"))?,
        suspended: d.suspended,
        posts: d.posts.iter().map(|p| post_from_code(p)).collect(),
    })
}

/// A reference to `id` with the name from `roster` (or "#id" when not found).
pub fn member_ref(id: MemberId, roster: &[Member]) -> MemberRef {
    MemberRef {
        member_id: id.0.to_string(),
        full_name: roster
            .iter()
            .find(|m| m.id == id)
            .map_or_else(|| format!("#{}", id.0), |m| m.full_name.clone()),
    }
}

fn speaker_doc(s: &Speaker, roster: &[Member]) -> SpeakerDoc {
    match s {
        Speaker::Member(id) => {
            let r = member_ref(*id, roster);
            SpeakerDoc {
                kind: "member".into(),
                member_id: Some(r.member_id),
                name: r.full_name,
            }
        }
        Speaker::Guest(name) => SpeakerDoc {
            kind: "guest".into(),
            member_id: None,
            name: name.clone(),
        },
    }
}

/// Resolves document member ids to domain ids.
pub type IdMap = HashMap<String, MemberId>;

fn resolve(ids: &IdMap, id: &str, path: &str) -> Result<MemberId, DocError> {
    ids.get(id)
        .copied()
        .ok_or_else(|| err(path, format!("no member with id {id:?} in the roster")))
}

fn speaker_from(d: &SpeakerDoc, ids: &IdMap, path: &str) -> Result<Speaker, DocError> {
    match (d.kind.as_str(), &d.member_id) {
        ("member", Some(id)) => Ok(Speaker::Member(resolve(
            ids,
            id,
            &format!("{path}.member_id"),
        )?)),
        ("member", None) => Err(err(
            format!("{path}.member_id"),
            "a member speaker needs a member_id",
        )),
        ("guest", _) => {
            if d.name.trim().is_empty() {
                return Err(err(format!("{path}.name"), "a guest speaker needs a name"));
            }
            Ok(Speaker::Guest(nfc(&d.name)))
        }
        (k, _) => Err(err(
            format!("{path}.kind"),
            format!("expected \"member\" or \"guest\", found {k:?}"),
        )),
    }
}

fn presence_doc(p: &Presence) -> (String, Option<String>) {
    (p.code().into(), p.reason().map(str::to_owned))
}

/// Documents are lenient about the reason: a missing one reads as empty for the presences that
/// have one, and one given to a presence that has none is ignored.
fn presence_from(code: &str, reason: &Option<String>, path: &str) -> Result<Presence, DocError> {
    let reason_text = nfc(reason.as_deref().unwrap_or(""));
    Presence::from_code(code, Some(reason_text))
        .or_else(|| Presence::from_code(code, None))
        .ok_or_else(|| {
            err(
                format!("{path}.presence"),
                format!("unknown presence {code:?}"),
            )
        })
}

fn vote_doc(v: &Vote) -> VoteDoc {
    VoteDoc {
        subject: v.subject.clone(),
        kind: v.kind.code().into(),
        method: v.method.code().into(),
        ballots: v
            .method
            .ballots()
            .map(|[issued, returned, valid]| BallotsDoc {
                issued,
                returned,
                valid,
            }),
        yes: v.yes,
        no: v.no,
        abstain: v.abstain,
        at: time_str(v.at),
        reading: v.reading.map(|r| r.code().to_owned()),
    }
}

fn vote_from(d: &VoteDoc, path: &str) -> Result<Vote, DocError> {
    let kind = VoteKind::from_code(&d.kind).ok_or_else(|| {
        err(
            format!("{path}.kind"),
            format!("unknown vote kind {:?}", d.kind),
        )
    })?;
    let ballots = d.ballots.as_ref().map(|b| [b.issued, b.returned, b.valid]);
    let method = match VoteMethod::from_code(&d.method, ballots) {
        Some(m) => m,
        // The code is known, so the counts are missing or extra.
        None if VoteMethod::CODES.contains(&d.method.as_str()) => {
            return Err(err(
                format!("{path}.ballots"),
                if ballots.is_none() {
                    "a secret ballot needs its ballot counts"
                } else {
                    "ballot counts are only for a secret ballot"
                },
            ));
        }
        None => {
            return Err(err(
                format!("{path}.method"),
                format!("unknown vote method {:?}", d.method),
            ));
        }
    };
    let reading = match &d.reading {
        None => None,
        Some(r) => Some(CountingReading::from_code(r).ok_or_else(|| {
            err(
                format!("{path}.reading"),
                format!("unknown counting reading {r:?}"),
            )
        })?),
    };
    // An empty subject is kept while the meeting is open (a vote just added, not typed yet):
    // the tally refuses it (`VoteError::NoSubject`), so closing does.
    Ok(Vote {
        subject: nfc(&d.subject),
        kind,
        method,
        yes: d.yes,
        no: d.no,
        abstain: d.abstain,
        at: parse_time(&d.at, &format!("{path}.at"))?,
        reading,
    })
}

/// The document of an action item.
pub fn action_doc(a: &ActionItem, roster: &[Member]) -> ActionItemDoc {
    ActionItemDoc {
        owner: member_ref(a.owner, roster),
        task: a.task.clone(),
        deadline: a.deadline.map(date_str),
        report_back: a.report_back.clone(),
        status: a.status.code().into(),
    }
}

fn action_from(d: &ActionItemDoc, ids: &IdMap, path: &str) -> Result<ActionItem, DocError> {
    let status = ActionStatus::from_code(&d.status).ok_or_else(|| {
        err(
            format!("{path}.status"),
            format!("expected open, done or dropped, found {:?}", d.status),
        )
    })?;
    Ok(ActionItem {
        owner: resolve(ids, &d.owner.member_id, &format!("{path}.owner.member_id"))?,
        task: nfc(&d.task),
        deadline: opt_date(&d.deadline, &format!("{path}.deadline"))?,
        report_back: nfc(&d.report_back),
        status,
    })
}

/// The document of a meeting's content; `roster` supplies names for references.
pub fn meeting_doc(m: &Meeting, roster: &[Member]) -> MeetingDoc {
    MeetingDoc {
        id: m.id.0.to_string(),
        kind: m.kind.code().into(),
        subject: m.subject.clone(),
        number: m.number,
        date: date_str(m.date),
        place: m.place.clone(),
        planned_start: m.planned_start.map(time_str),
        planned_end: m.planned_end.map(time_str),
        actual_start: m.actual_start.map(time_str),
        actual_end: m.actual_end.map(time_str),
        chair: m.chair.map(|id| member_ref(id, roster)),
        minute_taker: m.minute_taker.map(|id| member_ref(id, roster)),
        status: m.status.code().into(),
        guests: m
            .guests
            .iter()
            .map(|g| GuestDoc {
                name: g.name.clone(),
                post: g.post.clone(),
            })
            .collect(),
        agenda: m
            .agenda
            .iter()
            .map(|a| AgendaItemDoc {
                title: a.title.clone(),
                presenter: a.presenter.as_ref().map(|s| speaker_doc(s, roster)),
                planned_minutes: a.planned_minutes,
                presentation: a.presentation.clone(),
                speeches: a
                    .speeches
                    .iter()
                    .map(|s| SpeechDoc {
                        speaker: speaker_doc(&s.speaker, roster),
                        gist: s.gist.clone(),
                    })
                    .collect(),
                conclusion: a.conclusion.clone(),
                reviews_previous_resolution: a.reviews_previous_resolution,
            })
            .collect(),
        attendance: m
            .attendance
            .iter()
            .map(|a| {
                let (presence, reason) = presence_doc(&a.presence);
                AttendanceDoc {
                    member_id: a.member.0.to_string(),
                    presence,
                    reason,
                    arrived_at: a.arrived_at.map(time_str),
                    left_at: a.left_at.map(time_str),
                    left_reason: a.left_reason.clone(),
                }
            })
            .collect(),
        votes: m.votes.iter().map(vote_doc).collect(),
        action_items: m
            .action_items
            .iter()
            .map(|a| action_doc(a, roster))
            .collect(),
        resolution: m.resolution.as_ref().map(resolution_doc),
    }
}

/// The document of a resolution.
pub fn resolution_doc(r: &Resolution) -> ResolutionDoc {
    ResolutionDoc {
        number: r.number,
        review: r.review.clone(),
        directions: r.directions.clone(),
        assignments: r.assignments.clone(),
    }
}

/// Reads a resolution document.
///
/// # Errors
/// A number outside 1–[`minutebook_core::resolution::MAX_NUMBER`], at `{path}.number`.
pub fn resolution_from(d: &ResolutionDoc, path: &str) -> Result<Resolution, DocError> {
    if let Some(n) = d.number
        && !(1..=minutebook_core::resolution::MAX_NUMBER).contains(&n)
    {
        return Err(err(
            format!("{path}.number"),
            format!(
                "a resolution number is 1 to {}, found {n}",
                minutebook_core::resolution::MAX_NUMBER
            ),
        ));
    }
    Ok(Resolution::new(
        d.number,
        &d.review,
        &d.directions,
        &d.assignments,
    ))
}

/// Reads a meeting document; member ids are resolved through `ids`.
pub fn meeting_from_doc(
    d: &MeetingDoc,
    id: MeetingId,
    ids: &IdMap,
    path: &str,
) -> Result<Meeting, DocError> {
    let kind = MeetingKind::from_code(&d.kind).ok_or_else(|| {
        err(
            format!("{path}.kind"),
            format!("unknown meeting kind {:?}", d.kind),
        )
    })?;
    let status = MeetingStatus::from_code(&d.status).ok_or_else(|| {
        err(
            format!("{path}.status"),
            format!("unknown status {:?}", d.status),
        )
    })?;
    let member = |r: &Option<MemberRef>, field: &str| -> Result<Option<MemberId>, DocError> {
        r.as_ref()
            .map(|r| resolve(ids, &r.member_id, &format!("{path}.{field}.member_id")))
            .transpose()
    };
    let agenda = d
        .agenda
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let p = format!("{path}.agenda[{i}]");
            Ok(AgendaItem {
                title: nfc(&a.title),
                presenter: a
                    .presenter
                    .as_ref()
                    .map(|s| speaker_from(s, ids, &format!("{p}.presenter")))
                    .transpose()?,
                planned_minutes: a.planned_minutes,
                presentation: nfc(&a.presentation),
                speeches: a
                    .speeches
                    .iter()
                    .enumerate()
                    .map(|(j, s)| {
                        Ok(Speech {
                            speaker: speaker_from(
                                &s.speaker,
                                ids,
                                &format!("{p}.speeches[{j}].speaker"),
                            )?,
                            gist: nfc(&s.gist),
                        })
                    })
                    .collect::<Result<_, DocError>>()?,
                conclusion: nfc(&a.conclusion),
                reviews_previous_resolution: a.reviews_previous_resolution,
            })
        })
        .collect::<Result<_, DocError>>()?;
    let attendance = d
        .attendance
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let p = format!("{path}.attendance[{i}]");
            Ok(Attendance {
                member: resolve(ids, &a.member_id, &format!("{p}.member_id"))?,
                presence: presence_from(&a.presence, &a.reason, &p)?,
                arrived_at: opt_time(&a.arrived_at, &format!("{p}.arrived_at"))?,
                left_at: opt_time(&a.left_at, &format!("{p}.left_at"))?,
                left_reason: a.left_reason.as_deref().map(nfc),
            })
        })
        .collect::<Result<_, DocError>>()?;
    Ok(Meeting {
        id,
        kind,
        subject: nfc(&d.subject),
        number: d.number,
        date: parse_date(&d.date, &format!("{path}.date"))?,
        place: nfc(&d.place),
        planned_start: opt_time(&d.planned_start, &format!("{path}.planned_start"))?,
        planned_end: opt_time(&d.planned_end, &format!("{path}.planned_end"))?,
        actual_start: opt_time(&d.actual_start, &format!("{path}.actual_start"))?,
        actual_end: opt_time(&d.actual_end, &format!("{path}.actual_end"))?,
        chair: member(&d.chair, "chair")?,
        minute_taker: member(&d.minute_taker, "minute_taker")?,
        guests: d
            .guests
            .iter()
            .map(|g| Guest {
                name: nfc(&g.name),
                post: nfc(&g.post),
            })
            .collect(),
        agenda,
        attendance,
        votes: d
            .votes
            .iter()
            .enumerate()
            .map(|(i, v)| vote_from(v, &format!("{path}.votes[{i}]")))
            .collect::<Result<_, _>>()?,
        action_items: d
            .action_items
            .iter()
            .enumerate()
            .map(|(i, a)| action_from(a, ids, &format!("{path}.action_items[{i}]")))
            .collect::<Result<_, _>>()?,
        resolution: d
            .resolution
            .as_ref()
            .map(|r| resolution_from(r, &format!("{path}.resolution")))
            .transpose()?,
        status,
    })
}
