//! Meetings and everything their minutes record: guests, agenda items with speeches,
//! attendance, votes, action items and the resolution. A meeting is written and read whole, in one
//! transaction; its children are kept in the order given.

use minutebook_core::meeting::MeetingId;
use minutebook_core::resolution::Resolution;
use minutebook_core::{
    ActionItem, AgendaItem, Attendance, CountingReading, Guest, Meeting, MeetingKind,
    MeetingStatus, MemberId, Speaker, Speech, Vote,
};
use rusqlite::{Connection, OptionalExtension, params};
use time::Date;

use crate::connection::Store;
use crate::error::{Context, Error, Result};
use crate::values::{
    action_status, check_nfc, check_opt_nfc, col, corrupt, date_text, opt_date, opt_time,
    opt_time_text, parse_date, parse_time, presence, time_text, vote_kind, vote_kind_columns,
    vote_method,
};

/// A line of the meeting list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingSummary {
    /// Identifier.
    pub id: MeetingId,
    /// Date held.
    pub date: Date,
    /// Kind.
    pub kind: MeetingKind,
    /// Subject line.
    pub subject: String,
    /// Lifecycle status.
    pub status: MeetingStatus,
    /// Number in the cell's series of minutes, when assigned.
    pub number: Option<u32>,
}

fn speaker_params(s: Option<&Speaker>) -> (Option<i64>, Option<&str>) {
    match s {
        None => (None, None),
        Some(Speaker::Member(id)) => (Some(id.0), None),
        Some(Speaker::Guest(name)) => (None, Some(name)),
    }
}

/// Refuses a meeting with any text not in NFC, naming the field (the store writes text exactly
/// as given; see [`check_nfc`]).
fn check_text(m: &Meeting) -> Result<()> {
    check_nfc(&m.subject, "meeting subject")?;
    check_nfc(&m.place, "meeting place")?;
    for (i, g) in m.guests.iter().enumerate() {
        check_nfc(&g.name, &format!("guest {} name", i + 1))?;
        check_nfc(&g.post, &format!("guest {} post", i + 1))?;
    }
    let speaker = |s: &Speaker, what: String| match s {
        Speaker::Guest(name) => check_nfc(name, &what),
        Speaker::Member(_) => Ok(()),
    };
    for (i, a) in m.agenda.iter().enumerate() {
        let n = i + 1;
        check_nfc(&a.title, &format!("agenda item {n} title"))?;
        if let Some(p) = &a.presenter {
            speaker(p, format!("agenda item {n} presenter"))?;
        }
        check_nfc(&a.presentation, &format!("agenda item {n} presentation"))?;
        check_nfc(&a.conclusion, &format!("agenda item {n} conclusion"))?;
        for (j, s) in a.speeches.iter().enumerate() {
            speaker(
                &s.speaker,
                format!("agenda item {n} speech {} speaker", j + 1),
            )?;
            check_nfc(&s.gist, &format!("agenda item {n} speech {} gist", j + 1))?;
        }
    }
    for (i, a) in m.attendance.iter().enumerate() {
        let n = i + 1;
        check_opt_nfc(a.presence.reason(), &format!("attendance entry {n} reason"))?;
        check_opt_nfc(
            a.left_reason.as_deref(),
            &format!("attendance entry {n} reason for leaving"),
        )?;
    }
    for (i, v) in m.votes.iter().enumerate() {
        check_nfc(&v.subject, &format!("vote {} subject", i + 1))?;
    }
    for (i, a) in m.action_items.iter().enumerate() {
        check_nfc(&a.task, &format!("action item {} task", i + 1))?;
        check_nfc(
            &a.report_back,
            &format!("action item {} report-back", i + 1),
        )?;
    }
    if let Some(r) = &m.resolution {
        check_nfc(&r.review, "resolution section I")?;
        check_nfc(&r.directions, "resolution section II")?;
        check_nfc(&r.assignments, "resolution section III")?;
    }
    Ok(())
}

fn speaker(member: Option<i64>, guest: Option<String>, what: &str) -> Result<Option<Speaker>> {
    match (member, guest) {
        (None, None) => Ok(None),
        (Some(id), None) => Ok(Some(Speaker::Member(MemberId(id)))),
        (None, Some(name)) => Ok(Some(Speaker::Guest(name))),
        _ => Err(Error::Corrupt(format!("{what}: both a member and a guest"))),
    }
}

fn status_of(conn: &Connection, id: MeetingId) -> Result<MeetingStatus> {
    let code: Option<String> = conn
        .query_row("SELECT status FROM meetings WHERE id = ?1", [id.0], |r| {
            r.get(0)
        })
        .optional()
        .ctx("look up a meeting")?;
    let code = code.ok_or_else(|| Error::not_found(format!("meeting #{}", id.0)))?;
    MeetingStatus::from_code(&code).ok_or_else(|| corrupt("meetings.status", &code))
}

/// Writes the meeting row (new when `id` is None) and replaces all its children; text exactly
/// as given, refused unless NFC.
fn write_meeting(conn: &Connection, m: &Meeting, id: Option<i64>) -> Result<i64> {
    let what = "save the meeting";
    check_text(m)?;
    let t = |t, field: &str| opt_time_text(t, &format!("meeting {field}"));
    conn.execute(
        "INSERT INTO meetings (id, kind, subject, number, date, place, planned_start,
            planned_end, actual_start, actual_end, chair, minute_taker, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT (id) DO UPDATE SET
            kind = excluded.kind, subject = excluded.subject, number = excluded.number,
            date = excluded.date, place = excluded.place,
            planned_start = excluded.planned_start, planned_end = excluded.planned_end,
            actual_start = excluded.actual_start, actual_end = excluded.actual_end,
            chair = excluded.chair, minute_taker = excluded.minute_taker,
            status = excluded.status",
        params![
            id,
            m.kind.code(),
            m.subject,
            m.number,
            date_text(m.date),
            m.place,
            t(m.planned_start, "planned start")?,
            t(m.planned_end, "planned end")?,
            t(m.actual_start, "actual start")?,
            t(m.actual_end, "actual end")?,
            m.chair.map(|c| c.0),
            m.minute_taker.map(|c| c.0),
            m.status.code(),
        ],
    )
    .ctx(what)?;
    let id = id.unwrap_or_else(|| conn.last_insert_rowid());
    for table in [
        "guests",
        "agenda_items",
        "attendance",
        "votes",
        "action_items",
        "resolutions",
    ] {
        conn.execute(&format!("DELETE FROM {table} WHERE meeting_id = ?1"), [id])
            .ctx(what)?;
    }
    for (i, g) in m.guests.iter().enumerate() {
        conn.execute(
            "INSERT INTO guests (meeting_id, position, name, post) VALUES (?1, ?2, ?3, ?4)",
            params![id, i as i64, g.name, g.post],
        )
        .ctx(&format!("save guest {}", i + 1))?;
    }
    for (i, a) in m.agenda.iter().enumerate() {
        let w = format!("save agenda item {}", i + 1);
        let (pm, pg) = speaker_params(a.presenter.as_ref());
        conn.execute(
            "INSERT INTO agenda_items (meeting_id, position, title, presenter_member,
                presenter_guest, planned_minutes, presentation, conclusion,
                reviews_previous_resolution)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                id,
                i as i64,
                a.title,
                pm,
                pg,
                a.planned_minutes,
                a.presentation,
                a.conclusion,
                a.reviews_previous_resolution,
            ],
        )
        .ctx(&w)?;
        let item = conn.last_insert_rowid();
        for (j, s) in a.speeches.iter().enumerate() {
            let (sm, sg) = speaker_params(Some(&s.speaker));
            conn.execute(
                "INSERT INTO speeches (agenda_item_id, position, speaker_member, speaker_guest,
                    gist) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![item, j as i64, sm, sg, s.gist],
            )
            .ctx(&format!("save speech {} of agenda item {}", j + 1, i + 1))?;
        }
    }
    for (i, a) in m.attendance.iter().enumerate() {
        let w = format!("save attendance entry {} (member #{})", i + 1, a.member.0);
        let (code, reason) = (a.presence.code(), a.presence.reason());
        conn.execute(
            "INSERT INTO attendance (meeting_id, position, member_id, presence, reason,
                arrived_at, left_at, left_reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                id,
                i as i64,
                a.member.0,
                code,
                reason,
                opt_time_text(a.arrived_at, &w)?,
                opt_time_text(a.left_at, &w)?,
                a.left_reason,
            ],
        )
        .ctx(&w)?;
    }
    for (i, v) in m.votes.iter().enumerate() {
        let w = format!("save vote {}", i + 1);
        let (kind, expulsion) = vote_kind_columns(v.kind);
        let (method, ballots) = (v.method.code(), v.method.ballots());
        conn.execute(
            "INSERT INTO votes (meeting_id, position, subject, kind, expulsion, method,
                ballots_issued, ballots_returned, ballots_valid, yes_count, no_count,
                abstain_count, at, reading)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                id,
                i as i64,
                v.subject,
                kind,
                expulsion,
                method,
                ballots.map(|b| b[0]),
                ballots.map(|b| b[1]),
                ballots.map(|b| b[2]),
                v.yes,
                v.no,
                v.abstain,
                time_text(v.at, &w)?,
                v.reading.map(CountingReading::code),
            ],
        )
        .ctx(&w)?;
    }
    for (i, a) in m.action_items.iter().enumerate() {
        conn.execute(
            "INSERT INTO action_items (meeting_id, position, owner, task, deadline,
                report_back, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                id,
                i as i64,
                a.owner.0,
                a.task,
                a.deadline.map(date_text),
                a.report_back,
                a.status.code(),
            ],
        )
        .ctx(&format!("save action item {}", i + 1))?;
    }
    if let Some(r) = &m.resolution {
        conn.execute(
            "INSERT INTO resolutions (meeting_id, number, review, directions, assignments)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, r.number, r.review, r.directions, r.assignments],
        )
        .ctx("save the resolution")?;
    }
    Ok(id)
}

fn summary_row(r: &rusqlite::Row<'_>) -> Result<MeetingSummary> {
    let w = "meetings";
    let kind: String = col(r, 2, w)?;
    let status: String = col(r, 4, w)?;
    Ok(MeetingSummary {
        id: MeetingId(col(r, 0, w)?),
        date: parse_date(&col::<String>(r, 1, w)?, "meetings.date")?,
        kind: MeetingKind::from_code(&kind).ok_or_else(|| corrupt("meetings.kind", &kind))?,
        subject: col(r, 3, w)?,
        status: MeetingStatus::from_code(&status)
            .ok_or_else(|| corrupt("meetings.status", &status))?,
        number: col(r, 5, w)?,
    })
}

const SUMMARY: &str = "SELECT id, date, kind, subject, status, number FROM meetings";

fn read_meeting(conn: &Connection, id: MeetingId) -> Result<Meeting> {
    let what = format!("read meeting #{}", id.0);
    let w = "meetings";
    let mut stmt = conn
        .prepare(
            "SELECT kind, subject, number, date, place, planned_start, planned_end,
                actual_start, actual_end, chair, minute_taker, status
             FROM meetings WHERE id = ?1",
        )
        .ctx(&what)?;
    let mut rows = stmt.query([id.0]).ctx(&what)?;
    let r = rows
        .next()
        .ctx(&what)?
        .ok_or_else(|| Error::not_found(format!("meeting #{}", id.0)))?;
    let kind: String = col(r, 0, w)?;
    let status: String = col(r, 11, w)?;
    let mut m = Meeting {
        id,
        kind: MeetingKind::from_code(&kind).ok_or_else(|| corrupt("meetings.kind", &kind))?,
        subject: col(r, 1, w)?,
        number: col(r, 2, w)?,
        date: parse_date(&col::<String>(r, 3, w)?, "meetings.date")?,
        place: col(r, 4, w)?,
        planned_start: opt_time(col(r, 5, w)?, "meetings.planned_start")?,
        planned_end: opt_time(col(r, 6, w)?, "meetings.planned_end")?,
        actual_start: opt_time(col(r, 7, w)?, "meetings.actual_start")?,
        actual_end: opt_time(col(r, 8, w)?, "meetings.actual_end")?,
        chair: col::<Option<i64>>(r, 9, w)?.map(MemberId),
        minute_taker: col::<Option<i64>>(r, 10, w)?.map(MemberId),
        guests: Vec::new(),
        agenda: Vec::new(),
        attendance: Vec::new(),
        votes: Vec::new(),
        action_items: Vec::new(),
        resolution: None,
        status: MeetingStatus::from_code(&status)
            .ok_or_else(|| corrupt("meetings.status", &status))?,
    };
    drop(rows);

    let mut stmt = conn
        .prepare("SELECT name, post FROM guests WHERE meeting_id = ?1 ORDER BY position")
        .ctx(&what)?;
    let mut rows = stmt.query([id.0]).ctx(&what)?;
    while let Some(r) = rows.next().ctx(&what)? {
        m.guests.push(Guest {
            name: col(r, 0, "guests")?,
            post: col(r, 1, "guests")?,
        });
    }

    let mut stmt = conn
        .prepare(
            "SELECT id, title, presenter_member, presenter_guest, planned_minutes, presentation,
                conclusion, reviews_previous_resolution
             FROM agenda_items WHERE meeting_id = ?1 ORDER BY position",
        )
        .ctx(&what)?;
    let mut speeches = conn
        .prepare(
            "SELECT speaker_member, speaker_guest, gist FROM speeches
             WHERE agenda_item_id = ?1 ORDER BY position",
        )
        .ctx(&what)?;
    let mut rows = stmt.query([id.0]).ctx(&what)?;
    while let Some(r) = rows.next().ctx(&what)? {
        let w = "agenda_items";
        let item: i64 = col(r, 0, w)?;
        let mut a = AgendaItem {
            title: col(r, 1, w)?,
            presenter: speaker(col(r, 2, w)?, col(r, 3, w)?, "agenda_items.presenter")?,
            planned_minutes: col(r, 4, w)?,
            presentation: col(r, 5, w)?,
            speeches: Vec::new(),
            conclusion: col(r, 6, w)?,
            reviews_previous_resolution: col(r, 7, w)?,
        };
        let mut srows = speeches.query([item]).ctx(&what)?;
        while let Some(s) = srows.next().ctx(&what)? {
            a.speeches.push(Speech {
                speaker: speaker(col(s, 0, "speeches")?, col(s, 1, "speeches")?, "speeches")?
                    .ok_or_else(|| Error::Corrupt("speeches: no speaker".to_owned()))?,
                gist: col(s, 2, "speeches")?,
            });
        }
        m.agenda.push(a);
    }

    let mut stmt = conn
        .prepare(
            "SELECT member_id, presence, reason, arrived_at, left_at, left_reason
             FROM attendance WHERE meeting_id = ?1 ORDER BY position",
        )
        .ctx(&what)?;
    let mut rows = stmt.query([id.0]).ctx(&what)?;
    while let Some(r) = rows.next().ctx(&what)? {
        let w = "attendance";
        m.attendance.push(Attendance {
            member: MemberId(col(r, 0, w)?),
            presence: presence(&col::<String>(r, 1, w)?, col(r, 2, w)?)?,
            arrived_at: opt_time(col(r, 3, w)?, "attendance.arrived_at")?,
            left_at: opt_time(col(r, 4, w)?, "attendance.left_at")?,
            left_reason: col(r, 5, w)?,
        });
    }

    let mut stmt = conn
        .prepare(
            "SELECT subject, kind, expulsion, method, ballots_issued, ballots_returned,
                ballots_valid, yes_count, no_count, abstain_count, at, reading
             FROM votes WHERE meeting_id = ?1 ORDER BY position",
        )
        .ctx(&what)?;
    let mut rows = stmt.query([id.0]).ctx(&what)?;
    while let Some(r) = rows.next().ctx(&what)? {
        let w = "votes";
        let reading: Option<String> = col(r, 11, w)?;
        m.votes.push(Vote {
            subject: col(r, 0, w)?,
            kind: vote_kind(&col::<String>(r, 1, w)?, col(r, 2, w)?)?,
            method: vote_method(
                &col::<String>(r, 3, w)?,
                [col(r, 4, w)?, col(r, 5, w)?, col(r, 6, w)?],
            )?,
            yes: col(r, 7, w)?,
            no: col(r, 8, w)?,
            abstain: col(r, 9, w)?,
            at: parse_time(&col::<String>(r, 10, w)?, "votes.at")?,
            reading: reading
                .map(|c| CountingReading::from_code(&c).ok_or_else(|| corrupt("votes.reading", &c)))
                .transpose()?,
        });
    }

    let mut stmt = conn
        .prepare(
            "SELECT owner, task, deadline, report_back, status
             FROM action_items WHERE meeting_id = ?1 ORDER BY position",
        )
        .ctx(&what)?;
    let mut rows = stmt.query([id.0]).ctx(&what)?;
    while let Some(r) = rows.next().ctx(&what)? {
        let w = "action_items";
        m.action_items.push(ActionItem {
            owner: MemberId(col(r, 0, w)?),
            task: col(r, 1, w)?,
            deadline: opt_date(col(r, 2, w)?, "action_items.deadline")?,
            report_back: col(r, 3, w)?,
            status: action_status(&col::<String>(r, 4, w)?)?,
        });
    }
    drop(rows);

    m.resolution = conn
        .query_row(
            "SELECT number, review, directions, assignments FROM resolutions
             WHERE meeting_id = ?1",
            [id.0],
            |r| {
                Ok(Resolution {
                    number: r.get(0)?,
                    review: r.get(1)?,
                    directions: r.get(2)?,
                    assignments: r.get(3)?,
                })
            },
        )
        .optional()
        .ctx(&what)?;
    Ok(m)
}

fn describe(m: &Meeting) -> String {
    format!(
        "{} ({}, {}): {} agenda items, {} attendance entries, {} votes, {} action items",
        m.subject,
        date_text(m.date),
        m.status.code(),
        m.agenda.len(),
        m.attendance.len(),
        m.votes.len(),
        m.action_items.len()
    )
}

impl Store {
    /// Stores a new meeting with all its parts (its `id` field is ignored) and returns the id
    /// assigned. Text is stored exactly as given; times to the second.
    ///
    /// # Errors
    /// [`Error::Constraint`] when a part names a member not on the roster or two attendance
    /// entries name one member; [`Error::Invalid`] for a sub-second time or text not in NFC.
    pub fn create_meeting(&mut self, meeting: &Meeting) -> Result<MeetingId> {
        self.write("create the meeting", |tx| {
            let id = write_meeting(tx.tx, meeting, None)?;
            tx.audit("create", "meeting", id, describe(meeting))?;
            Ok(MeetingId(id))
        })
    }

    /// Replaces a stored meeting (`meeting.id`) and all its parts, atomically, including its
    /// status.
    ///
    /// # Errors
    /// [`Error::NotFound`]; [`Error::NotEditable`] when the *stored* status is not editable
    /// (closed, signing, signed: make a new version instead); otherwise as
    /// [`Store::create_meeting`]. On any error nothing changes.
    pub fn save_meeting(&mut self, meeting: &Meeting) -> Result<()> {
        self.write(&format!("save meeting #{}", meeting.id.0), |tx| {
            let stored = status_of(tx.tx, meeting.id)?;
            if !stored.is_editable() {
                return Err(Error::NotEditable {
                    meeting: meeting.id.0,
                    status: stored,
                });
            }
            write_meeting(tx.tx, meeting, Some(meeting.id.0))?;
            tx.audit("save", "meeting", meeting.id.0, describe(meeting))
        })
    }

    /// Sets one member's attendance at an editable meeting (a check-in from the meeting room):
    /// their row is updated in place, or added after the others; nothing else of the meeting
    /// is rewritten.
    ///
    /// # Errors
    /// [`Error::NotEditable`] for a closed meeting; [`Error::NotFound`]; [`Error::Invalid`]
    /// for text that is not NFC.
    pub fn set_attendance(&mut self, meeting: MeetingId, a: &Attendance) -> Result<()> {
        self.write(&format!("set attendance at meeting #{}", meeting.0), |tx| {
            let stored = status_of(tx.tx, meeting)?;
            if !stored.is_editable() {
                return Err(Error::NotEditable {
                    meeting: meeting.0,
                    status: stored,
                });
            }
            let w = format!("attendance of member #{}", a.member.0);
            check_opt_nfc(a.presence.reason(), &w)?;
            check_opt_nfc(a.left_reason.as_deref(), &w)?;
            let (code, reason) = (a.presence.code(), a.presence.reason());
            let (arrived, left) = (
                opt_time_text(a.arrived_at, &w)?,
                opt_time_text(a.left_at, &w)?,
            );
            // One row per member and meeting (the primary key): updated in place, or added
            // after the others.
            tx.tx
                .execute(
                    "INSERT INTO attendance (meeting_id, position, member_id, presence, reason,
                        arrived_at, left_at, left_reason)
                     VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM attendance
                                  WHERE meeting_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7)
                     ON CONFLICT (meeting_id, member_id) DO UPDATE SET
                        presence = excluded.presence, reason = excluded.reason,
                        arrived_at = excluded.arrived_at, left_at = excluded.left_at,
                        left_reason = excluded.left_reason",
                    params![
                        meeting.0,
                        a.member.0,
                        code,
                        reason,
                        arrived,
                        left,
                        a.left_reason
                    ],
                )
                .ctx(&w)?;
            tx.audit(
                "set-attendance",
                "meeting",
                meeting.0,
                format!("member #{}: {code}", a.member.0),
            )
        })
    }

    /// Changes a meeting's lifecycle status. The store does not judge transitions (the
    /// signing workflow does); it records each one in the audit log.
    ///
    /// # Errors
    /// [`Error::NotFound`].
    pub fn set_status(&mut self, id: MeetingId, status: MeetingStatus) -> Result<()> {
        self.write(&format!("set the status of meeting #{}", id.0), |tx| {
            let before = status_of(tx.tx, id)?;
            tx.tx
                .execute(
                    "UPDATE meetings SET status = ?1 WHERE id = ?2",
                    params![status.code(), id.0],
                )
                .ctx("set the status")?;
            tx.audit(
                "set-status",
                "meeting",
                id.0,
                format!("{} → {}", before.code(), status.code()),
            )
        })
    }

    /// A whole meeting, equal (as a core value) to what was saved.
    ///
    /// # Errors
    /// [`Error::NotFound`]; [`Error::Corrupt`] when a stored row was altered into something
    /// unreadable.
    pub fn load_meeting(&self, id: MeetingId) -> Result<Meeting> {
        self.read(|tx| read_meeting(tx, id))
    }

    /// Every meeting, oldest first (by date, then id).
    pub fn list_meetings(&self) -> Result<Vec<MeetingSummary>> {
        self.read(|tx| {
            let mut stmt = tx
                .prepare(&format!("{SUMMARY} ORDER BY date, id"))
                .ctx("list meetings")?;
            let mut rows = stmt.query([]).ctx("list meetings")?;
            let mut out = Vec::new();
            while let Some(r) = rows.next().ctx("list meetings")? {
                out.push(summary_row(r)?);
            }
            Ok(out)
        })
    }

    /// The cell's meeting before `id`: the latest held on an earlier date, or on the same
    /// date but created earlier. `None` for the first meeting.
    ///
    /// # Errors
    /// [`Error::NotFound`] when `id` does not exist.
    pub fn previous_meeting(&self, id: MeetingId) -> Result<Option<MeetingSummary>> {
        self.read(|tx| {
            let date: String = tx
                .query_row("SELECT date FROM meetings WHERE id = ?1", [id.0], |r| {
                    r.get(0)
                })
                .optional()
                .ctx("look up a meeting")?
                .ok_or_else(|| Error::not_found(format!("meeting #{}", id.0)))?;
            let mut stmt = tx
                .prepare(&format!(
                    "{SUMMARY} WHERE date < ?1 OR (date = ?1 AND id < ?2)
                     ORDER BY date DESC, id DESC LIMIT 1"
                ))
                .ctx("find the previous meeting")?;
            let mut rows = stmt
                .query(params![date, id.0])
                .ctx("find the previous meeting")?;
            match rows.next().ctx("find the previous meeting")? {
                Some(r) => Ok(Some(summary_row(r)?)),
                None => Ok(None),
            }
        })
    }
}
