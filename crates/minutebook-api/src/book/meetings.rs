//! Meetings: interchange files in and out, the list, figures and vote readings.

use super::roster::same_member;
use super::*;

impl Book {
    /// Imports a meeting interchange file: creates the cell if the book has none, adds roster
    /// members it lacks, and creates the meeting (as draft or in session; closing and signing
    /// happen in the book). Returns the new meeting's id.
    ///
    /// A file whose meeting the book already holds — one with the same date and the same
    /// subject (compared as a person reads them: NFC, white space collapsed) — is refused:
    /// importing the same file twice would otherwise make a second copy of the meeting. Use
    /// [`Book::import_meeting_allowing_duplicate`] for a meeting that really is another one.
    ///
    /// # Errors
    /// `InvalidInput` with the JSON path of the first problem; `InvalidInput` with detail
    /// `err-meeting-duplicate` (the existing meeting's id, date and subject) for a meeting
    /// already in the book; nothing is changed.
    pub fn import_meeting(&mut self, bytes: &[u8]) -> Result<i64, ApiError> {
        self.import_meeting_file(bytes, false)
    }

    /// As [`Book::import_meeting`], but imports the file even when the book already holds a
    /// meeting with the same date and subject (two meetings of one day may share a subject).
    ///
    /// # Errors
    /// As [`Book::import_meeting`], without the duplicate check.
    pub fn import_meeting_allowing_duplicate(&mut self, bytes: &[u8]) -> Result<i64, ApiError> {
        self.import_meeting_file(bytes, true)
    }

    fn import_meeting_file(
        &mut self,
        bytes: &[u8],
        allow_duplicate: bool,
    ) -> Result<i64, ApiError> {
        self.use_case("import a meeting", |book| {
            let file = MeetingFile::parse(bytes).map_err(file_error)?;
            let mut imported = file.to_domain_unchecked().map_err(file_error)?;
            // The consistency check apart, so that its error reaches the user as a catalogue
            // message (the same as the workspace's live figures).
            imported
                .meeting
                .check(&imported.roster, imported.cell.settings.default_reading)?;
            imported.cell.name = visible("cell.name", &imported.cell.name)?;
            for (i, m) in imported.roster.iter_mut().enumerate() {
                visible_member(m, &format!("roster[{i}]"))?;
            }
            visible_guests(&mut imported.meeting)?;
            if !allow_duplicate {
                let m = &imported.meeting;
                if let Some(same) = book
                    .store
                    .list_meetings()?
                    .into_iter()
                    .find(|s| s.date == m.date && same_name(&s.subject, &m.subject))
                {
                    return Err(ApiError::with_detail(
                        ErrorCode::InvalidInput,
                        "err-meeting-duplicate",
                        &[
                            ("id", same.id.0.to_string()),
                            ("date", minutebook_core::vn::short_date(same.date)),
                            ("subject", same.subject.clone()),
                        ],
                        format!(
                            "the minute book already holds this meeting: meeting {} of {}, {:?}; \
                             nothing imported",
                            same.id.0,
                            convert::date_str(same.date),
                            same.subject
                        ),
                    ));
                }
            }
            match book.store.cell()? {
                None => {}
                Some(cell) if same_name(&cell.name, &imported.cell.name) => {}
                Some(cell) => {
                    return Err(ApiError::with_detail(
                        ErrorCode::InvalidInput,
                        "err-file-other-cell",
                        &[
                            ("file", imported.cell.name.clone()),
                            ("book", cell.name.clone()),
                        ],
                        format!(
                            "cell.name: the file is for {:?}, this minute book is {:?}",
                            imported.cell.name, cell.name
                        ),
                    ));
                }
            }
            let existing = book.store.list_members()?;
            let mut map: std::collections::HashMap<MemberId, MemberId> =
                std::collections::HashMap::new();
            let mut new = Vec::new();
            for m in &imported.roster {
                match existing.iter().find(|e| same_member(e, m)) {
                    Some(e) => {
                        map.insert(m.id, e.id);
                    }
                    None => new.push(m.clone()),
                }
            }
            if book.store.cell()?.is_none() {
                book.store.set_setting(CELL_ID_SETTING, &imported.cell_id)?;
                book.store.set_cell(&imported.cell)?;
            }
            if !new.is_empty() {
                let ids = book.store.import_members(&new)?;
                for (m, id) in new.iter().zip(ids) {
                    map.insert(m.id, id);
                }
            }
            let mut meeting = remap(imported.meeting, &map);
            if !meeting.status.is_editable() {
                meeting.status = MeetingStatus::InSession;
            }
            Ok(book.store.create_meeting(&meeting)?.0)
        })
    }

    /// The interchange file of a meeting.
    ///
    /// # Errors
    /// `NotFound`.
    pub fn export_meeting(&self, id: i64) -> Result<Vec<u8>, ApiError> {
        let cell = self.require_cell()?;
        let meeting = self.store.load_meeting(MeetingId(id))?;
        let roster = self.store.list_members()?;
        Ok(MeetingFile::new(&self.cell_id()?, &cell, &roster, &meeting).to_json())
    }

    /// All meetings, newest first, with the integrity of closed ones.
    ///
    /// A closed meeting's integrity is the outcome of its last full check
    /// ([`Book::integrity`]) as remembered by the store, which forgets it as soon as the
    /// meeting's rows, records or signatures change (by any SQLite client); meetings with no
    /// current remembered check are checked in full here.
    ///
    /// # Errors
    /// Storage errors.
    pub fn meetings(&self) -> Result<Vec<MeetingListItem>, ApiError> {
        self.list(true)
    }

    pub(super) fn list(&self, use_remembered: bool) -> Result<Vec<MeetingListItem>, ApiError> {
        let remembered = if use_remembered {
            self.store.integrity_checks()?
        } else {
            Default::default()
        };
        let mut out = Vec::new();
        for s in self.store.list_meetings()? {
            let integrity = match remembered.get(&s.id) {
                Some(c) if !s.status.is_editable() => {
                    if c.problems.is_empty() {
                        Integrity::Intact
                    } else {
                        Integrity::Altered {
                            details: c.problems.clone(),
                        }
                    }
                }
                _ => self.integrity(s.id.0)?,
            };
            out.push(MeetingListItem {
                id: s.id.0,
                date: convert::date_str(s.date),
                kind: s.kind.code().to_owned(),
                subject: s.subject.clone(),
                status: s.status.code().to_owned(),
                number: s.number,
                integrity,
            });
        }
        Ok(out)
    }

    /// The figures of a meeting. With `reading`, every vote is shown under that reading
    /// instead (a what-if; nothing is saved).
    ///
    /// A closed meeting whose rows no longer match its signed record
    /// ([`Integrity::Altered`]) is reported from the signed record: its subject, date and
    /// figures are the ones that were signed, never the altered rows', and no what-if reading
    /// is applied (`reading_overridden` stays false). Callers show the integrity warning first.
    ///
    /// # Errors
    /// `NotFound`; `InvalidInput` when the meeting's counts are inconsistent.
    pub fn report(&self, id: i64, reading: Option<&str>) -> Result<Report, ApiError> {
        let cell = self.require_cell()?;
        let mut meeting = self.store.load_meeting(MeetingId(id))?;
        let integrity = self.integrity(id)?;
        let counting_rule_citation = cell.settings.counting_rule_citation.clone();
        if let Integrity::Altered { .. } = integrity
            && let Some(rv) = self.store.latest_record_version(MeetingId(id))?
            && let Ok(signed) = Record::from_json(&rv.bytes)
        {
            return Ok(Report {
                meeting_id: id,
                subject: signed.meeting.subject,
                date: signed.meeting.date,
                status: meeting.status.code().to_owned(),
                counting_rule_citation,
                reading_overridden: false,
                figures: signed.figures,
                integrity,
            });
        }
        // An intact closed meeting is counted as it was closed: under the cell's default
        // reading and with the roster its record holds, not today's (a default changed since —
        // by the user or by schema step 5 — never changes what a signed meeting shows).
        let (cell, roster) = match self.signed_basis(id, &integrity)? {
            Some(signed) => (signed.cell, signed.roster),
            None => (cell, self.store.list_members()?),
        };
        if let Some(code) = reading {
            let r = reading_of(code)?;
            for v in &mut meeting.votes {
                v.reading = Some(r);
            }
        }
        let figures = figures(&cell, &roster, &meeting)?;
        Ok(Report {
            meeting_id: id,
            subject: meeting.subject.clone(),
            date: convert::date_str(meeting.date),
            status: meeting.status.code().to_owned(),
            counting_rule_citation,
            reading_overridden: reading.is_some(),
            figures,
            integrity,
        })
    }

    /// The cell and roster an intact closed meeting was closed with, from its latest signed
    /// record; `None` for an open meeting (counted with today's cell and roster).
    ///
    /// # Errors
    /// Storage errors; `InvalidInput` when the stored record does not convert (which the
    /// integrity check would have reported as altered).
    pub(super) fn signed_basis(
        &self,
        id: i64,
        integrity: &Integrity,
    ) -> Result<Option<super::records::SignedSnapshot>, ApiError> {
        if *integrity != Integrity::Intact {
            return Ok(None);
        }
        match self.store.latest_record_version(MeetingId(id))? {
            Some(rv) => Ok(Some(super::records::snapshot(&rv.bytes, MeetingId(id))?)),
            None => Ok(None),
        }
    }

    /// Chooses the counting reading of vote `vote` (1-based); `default` for the cell's.
    ///
    /// # Errors
    /// `Locked` for a closed meeting; `NotFound` for a missing vote.
    pub fn set_vote_reading(&mut self, id: i64, vote: usize, code: &str) -> Result<(), ApiError> {
        self.use_case(
            &format!("set the reading of vote {vote} of meeting #{id}"),
            |book| {
                let mut meeting = book.store.load_meeting(MeetingId(id))?;
                let reading = if code == "default" {
                    None
                } else {
                    Some(reading_of(code)?)
                };
                let v = vote
                    .checked_sub(1)
                    .and_then(|i| meeting.votes.get_mut(i))
                    .ok_or_else(|| ApiError::not_found(format!("vote {vote} of meeting #{id}")))?;
                v.reading = reading;
                Ok(book.store.save_meeting(&meeting)?)
            },
        )
    }

    /// Loads a meeting (for the desktop UI).
    ///
    /// # Errors
    /// `NotFound`.
    pub fn meeting(&self, id: i64) -> Result<Meeting, ApiError> {
        Ok(self.store.load_meeting(MeetingId(id))?)
    }
}

fn remap(mut m: Meeting, map: &std::collections::HashMap<MemberId, MemberId>) -> Meeting {
    let f = |id: MemberId| map.get(&id).copied().unwrap_or(id);
    m.chair = m.chair.map(f);
    m.minute_taker = m.minute_taker.map(f);
    for a in &mut m.attendance {
        a.member = f(a.member);
    }
    for item in &mut m.agenda {
        if let Some(minutebook_core::Speaker::Member(id)) = &mut item.presenter {
            *id = f(*id);
        }
        for s in &mut item.speeches {
            if let minutebook_core::Speaker::Member(id) = &mut s.speaker {
                *id = f(*id);
            }
        }
    }
    for a in &mut m.action_items {
        a.owner = f(a.owner);
    }
    m
}

/// A meeting file that cannot be read, with the detail in the catalogue where it has a message
/// for it: not JSON (line and column), not a meeting file, a missing or unknown field, a value
/// of the wrong type or an unknown code, a date or time written otherwise (each with its JSON
/// path). Anything else keeps the reader's English detail after the path.
fn file_error(e: convert::DocError) -> ApiError {
    let english = e.to_string();
    let path = e.path.clone();
    let message = e.message.as_str();
    // serde_json ends its messages with " at line L column C".
    let (what, place) = match message.rsplit_once(" at line ") {
        Some((what, place)) => (what, Some(place)),
        None => (message, None),
    };
    let (line, column) = place
        .and_then(|p| p.split_once(" column "))
        .map(|(l, c)| (l.to_owned(), c.to_owned()))
        .unwrap_or_default();
    let quoted = |s: &str| s.split('`').nth(1).map(str::to_owned).unwrap_or_default();
    let quoted_json = |s: &str| s.split('"').nth(1).map(str::to_owned).unwrap_or_default();
    // serde_json's syntax errors (the data errors start "missing", "unknown", "invalid type").
    let syntax = [
        "EOF while parsing",
        "trailing ",
        "key must be",
        "invalid escape",
        "control character",
        "invalid number",
        "invalid unicode",
        "lone leading surrogate",
        "unexpected end of hex escape",
        "number out of range",
        "recursion limit exceeded",
    ]
    .iter()
    .any(|p| what.starts_with(p))
        || (what.starts_with("expected ") && place.is_some());
    let (id, args): (&str, Vec<(&str, String)>) = if syntax {
        (
            "err-file-not-json",
            vec![("line", line), ("column", column)],
        )
    } else if path == "type" && what.starts_with("expected ") {
        ("err-file-not-meeting", vec![])
    } else if path == "format" {
        ("err-file-format", vec![])
    } else if what.starts_with("missing field `") && path == "(file)" {
        ("err-file-missing-top-field", vec![("field", quoted(what))])
    } else if what.starts_with("missing field `") {
        (
            "err-file-missing-field",
            vec![("path", path), ("field", quoted(what))],
        )
    } else if what.starts_with("unknown field `") {
        (
            "err-file-unknown-field",
            vec![("path", path), ("field", quoted(what))],
        )
    } else if what.starts_with("unknown variant `") {
        (
            "err-file-unknown-value",
            vec![("path", path), ("value", quoted(what))],
        )
    } else if ["invalid type:", "invalid value:", "invalid length"]
        .iter()
        .any(|p| what.starts_with(p))
    {
        if path == "(file)" {
            ("err-file-not-meeting", vec![])
        } else {
            ("err-file-wrong-type", vec![("path", path)])
        }
    } else if what.starts_with("expected a date YYYY-MM-DD") {
        (
            "err-file-date",
            vec![("path", path), ("value", quoted_json(what))],
        )
    } else if what.starts_with("expected a time HH:MM") {
        (
            "err-file-time",
            vec![("path", path), ("value", quoted_json(what))],
        )
    } else if what.starts_with("unknown ") {
        // The reader's own codes: `unknown vote kind "approve"`.
        (
            "err-file-unknown-value",
            vec![("path", path), ("value", quoted_json(what))],
        )
    } else if let Some((_, found)) = what
        .split_once(", found ")
        .filter(|_| what.starts_with("expected "))
    {
        // `expected "male" or "female", found "nam"`.
        (
            "err-file-unknown-value",
            vec![
                ("path", path),
                ("value", found.trim_matches('"').to_owned()),
            ],
        )
    } else if what.starts_with("no member with id ") {
        (
            "err-file-no-member",
            vec![("path", path), ("member", quoted_json(what))],
        )
    } else {
        return ApiError::invalid(english);
    };
    ApiError::with_detail(ErrorCode::InvalidInput, id, &args, english)
}
