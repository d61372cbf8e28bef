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
        let issued_on = match issued_on {
            Some(d) => {
                convert::parse_date(d, "issued_on").map_err(|e| ApiError::invalid(e.to_string()))?
            }
            None => self.clock.now().to_offset(offset!(+7)).date(),
        };
        let bytes = self.record_as_invited(id)?;
        Ok(minutebook_export::render_invitation(
            &bytes,
            &convert::date_str(issued_on),
            &minutebook_export::ExportOptions::default(),
        )?)
    }

    /// Meeting `id` as an iCalendar file with one event (UTF-8, CRLF lines), for members to add
    /// to their calendars: the same `UID` every time, so a changed time or place updates the
    /// entry. `DTSTAMP` is now.
    ///
    /// # Errors
    /// `NotFound`; `InvalidInput` when the meeting's roster is inconsistent.
    pub fn export_invitation_ics(&self, id: i64) -> Result<String, ApiError> {
        let bytes = self.record_as_invited(id)?;
        let now = self
            .clock
            .now()
            .to_offset(offset!(UTC))
            .replace_nanosecond(0)
            .unwrap_or_else(|_| self.clock.now());
        let stamp = now
            .format(&Rfc3339)
            .map_err(|e| ApiError::invalid(format!("clock: {e}")))?;
        Ok(minutebook_export::invitation_ics(&bytes, &stamp)?)
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
