//! Meetings: interchange files in and out, the list, figures and vote readings.

use super::roster::same_member;
use super::*;

impl Book {
    /// Imports a meeting interchange file: creates the cell if the book has none, adds roster
    /// members it lacks, and creates the meeting (as draft or in session; closing and signing
    /// happen in the book). Returns the new meeting's id.
    ///
    /// # Errors
    /// `InvalidInput` with the JSON path of the first problem; nothing is changed.
    pub fn import_meeting(&mut self, bytes: &[u8]) -> Result<i64, ApiError> {
        self.use_case("import a meeting", |book| {
            let file = MeetingFile::parse(bytes)?;
            let mut imported = file.to_domain()?;
            imported.cell.name = visible("cell.name", &imported.cell.name)?;
            for (i, m) in imported.roster.iter_mut().enumerate() {
                visible_member(m, &format!("roster[{i}]"))?;
            }
            visible_guests(&mut imported.meeting)?;
            match book.store.cell()? {
                None => {}
                Some(cell) if same_name(&cell.name, &imported.cell.name) => {}
                Some(cell) => {
                    return Err(ApiError::invalid(format!(
                        "cell.name: the file is for {:?}, this minute book is {:?}",
                        imported.cell.name, cell.name
                    )));
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
