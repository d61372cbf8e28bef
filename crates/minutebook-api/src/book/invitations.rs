//! Before the meeting: the notice that summons it (*thông báo triệu tập*, with the agenda on
//! page 2) and its calendar entry for members (iCalendar, RFC 5545). Issue 15.
//!
//! Both come from the record the meeting would have, reduced to what is known before it is
//! held: date, planned times, place, subject, agenda titles with presenters and planned
//! minutes, chair, guests, roster. Minutes, votes, tasks and actual times are left out, so a
//! notice can be printed again at any point and never shows what was said. Nothing is
//! written to the book.

use time::format_description::well_known::Rfc3339;
use time::macros::offset;

use super::*;

impl Book {
    /// The notice summoning meeting `id` as a PDF: page 1 the notice (time with the weekday,
    /// place, who is summoned — the roster on the meeting date less exempted members — the
    /// guests, the agenda, the chair), page 2 the agenda as a table with clock times from the
    /// planned start and each item's planned minutes. `issued_on` is the notice's date
    /// (`YYYY-MM-DD`, default today in Vietnam). The number is left blank: the notice is
    /// numbered when registered as an outgoing document.
    ///
    /// # Errors
    /// `NotFound`; `InvalidInput` when `issued_on` is not a date or the meeting's roster is
    /// inconsistent; `Export` naming the field and character the font cannot print.
    pub fn export_invitation_pdf(
        &self,
        id: i64,
        issued_on: Option<&str>,
    ) -> Result<Vec<u8>, ApiError> {
        let issued_on = self.issue_date(issued_on)?;
        let bytes = self.record_as_invited(id)?;
        Ok(minutebook_export::render_invitation(
            &bytes,
            &convert::date_str(issued_on),
            &minutebook_export::ExportOptions::default(),
        )?)
    }

    /// What the secretary should know before sending the notice of meeting `id` dated
    /// `issued_on` (as for [`Book::export_invitation_pdf`]); the notice prints all the same.
    /// Warnings: the meeting's date is before the notice's (`invitation-warning-past`, or
    /// `invitation-warning-past-today` when the notice is dated today by default); the agenda's
    /// planned minutes, counted from the planned start, run past the planned end
    /// (`invitation-warning-overrun`). Nothing is written.
    ///
    /// # Errors
    /// `NotFound`; `InvalidInput` when `issued_on` is not a date.
    pub fn invitation_warnings(
        &self,
        id: i64,
        issued_on: Option<&str>,
    ) -> Result<Vec<ExportWarning>, ApiError> {
        let issued = self.issue_date(issued_on)?;
        let meeting = self.store.load_meeting(MeetingId(id))?;
        let mut out = Vec::new();
        if meeting.date < issued {
            let args = [
                ("date", minutebook_core::vn::short_date(meeting.date)),
                ("issued", minutebook_core::vn::short_date(issued)),
            ];
            let english = format!(
                "the meeting of {} is before the notice's date, {}; the notice prints all the same",
                convert::date_str(meeting.date),
                convert::date_str(issued)
            );
            out.push(ExportWarning::new(
                if issued_on.is_some() {
                    "invitation-warning-past"
                } else {
                    "invitation-warning-past-today"
                },
                &args,
                english,
            ));
        }
        let planned: u32 = meeting
            .agenda
            .iter()
            .filter_map(|a| a.planned_minutes)
            .map(u32::from)
            .sum();
        if let (Some(start), Some(end)) = (meeting.planned_start, meeting.planned_end) {
            let minute_of_day = |t: time::Time| u32::from(t.hour()) * 60 + u32::from(t.minute());
            let agenda_end = minute_of_day(start) + planned;
            if planned > 0 && end > start && agenda_end > minute_of_day(end) {
                let clock = |m: u32| format!("{:02}:{:02}", (m / 60) % 24, m % 60);
                let args = [
                    ("minutes", planned.to_string()),
                    ("start", clock(minute_of_day(start))),
                    ("agenda_end", clock(agenda_end)),
                    ("end", clock(minute_of_day(end))),
                ];
                // Past midnight the clock time alone reads as a morning: say "the next day".
                let next_day = agenda_end >= 24 * 60;
                out.push(ExportWarning::new(
                    if next_day {
                        "invitation-warning-overrun-next-day"
                    } else {
                        "invitation-warning-overrun"
                    },
                    &args,
                    format!(
                        "the agenda's planned {planned} minutes from {} end at {}{}, after the \
                         planned end {}; the notice prints all the same",
                        args[1].1,
                        args[2].1,
                        if next_day { " the next day" } else { "" },
                        args[3].1
                    ),
                ));
            }
        }
        Ok(out)
    }

    /// The notice's date: `issued_on` (`YYYY-MM-DD`), else today in Vietnam.
    fn issue_date(&self, issued_on: Option<&str>) -> Result<time::Date, ApiError> {
        Ok(match issued_on {
            Some(d) => {
                convert::parse_date(d, "issued_on").map_err(|e| ApiError::invalid(e.to_string()))?
            }
            None => self.clock.now().to_offset(offset!(+7)).date(),
        })
    }

    /// Meeting `id` as an iCalendar file with one event (UTF-8, CRLF lines), for members to add
    /// to their calendars: the same `UID` every time, so a changed time or place updates the
    /// entry. `DTSTAMP` is now.
    ///
    /// The `UID` hashes the book's identity (the hash of its first audit entry, written when the
    /// book file was created), the cell's id, name and upper committee, and the meeting's row
    /// id: stable across exports and changes of the meeting, never shared by two cells or two
    /// books. `SEQUENCE` is the number of times the meeting was saved since it was created (the
    /// audit log's `save` entries for it): the same for two exports with no change between
    /// them, higher after any change, so calendars take the newer entry. It also counts saves
    /// that changed nothing a calendar shows (the minutes, say); a higher `SEQUENCE` with the
    /// same times only refreshes the entry.
    ///
    /// # Errors
    /// `NotFound`; `InvalidInput` when the meeting's roster is inconsistent.
    pub fn export_invitation_ics(&self, id: i64) -> Result<String, ApiError> {
        let bytes = self.record_as_invited(id)?;
        let revision = self.calendar_revision(id)?;
        let now = self
            .clock
            .now()
            .to_offset(offset!(UTC))
            .replace_nanosecond(0)
            .unwrap_or_else(|_| self.clock.now());
        let stamp = now
            .format(&Rfc3339)
            .map_err(|e| ApiError::invalid(format!("clock: {e}")))?;
        Ok(minutebook_export::invitation_ics(
            &bytes, &stamp, &revision,
        )?)
    }

    /// The book's identity and meeting `id`'s revision count, from the audit log.
    fn calendar_revision(&self, id: i64) -> Result<minutebook_export::CalendarRevision, ApiError> {
        let log = self.store.audit_log()?;
        let book = log.first().map(|e| e.hash.clone()).unwrap_or_default();
        let id_text = id.to_string();
        let saves = log
            .iter()
            .filter(|e| e.entity == "meeting" && e.action == "save" && e.entity_id == id_text)
            .count();
        Ok(minutebook_export::CalendarRevision {
            book,
            sequence: u32::try_from(saves).unwrap_or(u32::MAX),
        })
    }

    /// The JSON of the record meeting `id` would have, with only what is known before it.
    fn record_as_invited(&self, id: i64) -> Result<Vec<u8>, ApiError> {
        let cell = self.require_cell()?;
        let mut meeting = self.store.load_meeting(MeetingId(id))?;
        meeting.actual_start = None;
        meeting.actual_end = None;
        meeting.votes.clear();
        meeting.action_items.clear();
        for item in &mut meeting.agenda {
            item.presentation.clear();
            item.speeches.clear();
            item.conclusion.clear();
        }
        for a in &mut meeting.attendance {
            a.arrived_at = None;
            a.left_at = None;
        }
        let roster = self.store.list_members()?;
        let chain = Chain {
            version: 1,
            sequence: 0,
            previous_version_sha256: None,
            previous_record_sha256: None,
        };
        let record = Record::build(&self.cell_id()?, &cell, &roster, &meeting, &[], chain)?;
        Self::record_bytes(&record)
    }
}
