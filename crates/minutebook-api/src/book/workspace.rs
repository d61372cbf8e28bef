//! The desktop's meeting workspace: a meeting created from the order of business, edited and
//! autosaved as a document, with live figures.

use minutebook_core::attendance::{Attendance, Presence};
use minutebook_core::meeting::MeetingKind;
use minutebook_record::doc::{MeetingDoc, ResolutionDoc};

use super::*;
use crate::workspace::*;

impl Book {
    /// Creates a meeting of `kind` on `date`: a regular meeting starts from the official order
    /// of business, attendance lists every member on the roster that day (present, exempted
    /// members as exempted). Returns its id.
    ///
    /// # Errors
    /// `InvalidInput` for an unknown kind, a bad date or an over-long text; `NotFound` without
    /// a cell.
    pub fn create_meeting(&mut self, input: &NewMeetingInput) -> Result<i64, ApiError> {
        self.use_case("create a meeting", |book| {
            for (f, s) in [
                ("kind", &input.kind),
                ("date", &input.date),
                ("subject", &input.subject),
                ("place", &input.place),
            ] {
                check_len(f, s)?;
            }
            require_cell(book)?;
            let kind = MeetingKind::from_code(&input.kind)
                .ok_or_else(|| ApiError::invalid(format!("kind: unknown kind {:?}", input.kind)))?;
            let date = convert::parse_date(input.date.trim(), "date")?;
            let subject = nfc(input.subject.trim());
            let subject = if subject.is_empty() {
                kind.default_subject(date)
            } else {
                subject
            };
            let mut meeting = Meeting::new(MeetingId(0), kind, date, &subject, input.place.trim());
            let roster = book.store().list_members()?;
            meeting.attendance = roster
                .iter()
                .filter(|m| m.is_on_roster_on(date))
                .map(|m| {
                    Attendance::new(
                        m.id,
                        if m.is_exempted_on(date) {
                            Presence::Exempted
                        } else {
                            Presence::Present
                        },
                    )
                })
                .collect();
            Ok(book.store_mut().create_meeting(&meeting)?.0)
        })
    }

    /// A meeting opened for editing: its document, the roster, live figures and last meeting's
    /// open action items.
    ///
    /// # Errors
    /// `NotFound`.
    pub fn meeting_workspace(&self, id: i64) -> Result<MeetingWorkspace, ApiError> {
        let cell = require_cell(self)?;
        let meeting = self.meeting(id)?;
        let integrity = self.integrity(id)?;
        // An altered meeting is shown as it was signed, never from the altered rows.
        if let Integrity::Altered { .. } = integrity
            && let Some(rv) = self.store.latest_record_version(MeetingId(id))?
            && let Ok(signed) = super::records::snapshot(&rv.bytes, MeetingId(id))
        {
            return Ok(MeetingWorkspace {
                doc: signed.record.meeting.clone(),
                roster: signed.record.roster.clone(),
                figures: live_figures(&signed.cell, &signed.roster, &signed.meeting),
                carried_forward: signed.record.previous_open_items.clone(),
                editable: false,
                counting_rule_citation: signed.cell.settings.counting_rule_citation.clone(),
                integrity,
            });
        }
        let roster = self.store().list_members()?;
        // An intact closed meeting's figures are counted as it was closed (its record's cell
        // default reading and roster), as `Book::report` does.
        let figures = match self.signed_basis(id, &integrity)? {
            Some(signed) => live_figures(&signed.cell, &signed.roster, &meeting),
            None => live_figures(&cell, &roster, &meeting),
        };
        let previous = match self.store().previous_meeting(MeetingId(id))? {
            Some(prev) => carried_forward(&self.store().load_meeting(prev.id)?.action_items),
            None => Vec::new(),
        };
        Ok(MeetingWorkspace {
            doc: convert::meeting_doc(&meeting, &roster),
            roster: roster.iter().map(convert::member_doc).collect(),
            figures,
            carried_forward: previous
                .iter()
                .map(|a| convert::action_doc(a, &roster))
                .collect(),
            editable: meeting.status.is_editable(),
            counting_rule_citation: cell.settings.counting_rule_citation.clone(),
            integrity,
        })
    }

    pub(super) fn meeting_of_doc(
        &self,
        id: i64,
        doc: &MeetingDoc,
    ) -> Result<(Meeting, Cell, Vec<Member>), ApiError> {
        check_doc(doc)?;
        let cell = require_cell(self)?;
        let roster = self.store().list_members()?;
        let meeting = convert::meeting_from_doc(doc, MeetingId(id), &ids_of(&roster), "meeting")?;
        Ok((meeting, cell, roster))
    }

    /// Saves an edited document of meeting `id` (the autosave path) and returns fresh figures.
    /// The stored status and number are kept: the document cannot close or renumber a meeting.
    ///
    /// # Errors
    /// `Locked` when the meeting is closed or signed; `InvalidInput` with the JSON path of the
    /// first problem; `NotFound`.
    pub fn save_meeting_doc(&mut self, id: i64, doc: &MeetingDoc) -> Result<LiveFigures, ApiError> {
        self.use_case(&format!("save meeting #{id}"), |book| {
            let stored = book.meeting(id)?;
            if !stored.status.is_editable() {
                return Err(ApiError::with_detail(
                    ErrorCode::Locked,
                    "err-meeting-locked",
                    &[("id", id.to_string())],
                    format!(
                        "meeting #{id} is {} and cannot be edited",
                        stored.status.code()
                    ),
                ));
            }
            let (mut meeting, cell, roster) = book.meeting_of_doc(id, doc)?;
            visible_guests(&mut meeting)?;
            meeting.status = stored.status;
            meeting.number = stored.number;
            keep_what_the_room_recorded(book, &stored, &mut meeting)?;
            book.store_mut().save_meeting(&meeting)?;
            Ok(live_figures(&cell, &roster, &meeting))
        })
    }

    /// A draft of meeting `id`'s resolution (nghị quyết) from the document as it stands
    /// (typing not saved yet included): sections I–III from the conclusions, the tasks brought
    /// forward and the tasks assigned ([`minutebook_core::Resolution::draft`]). Nothing is
    /// written; the caller puts it in the document, where the cell edits it.
    ///
    /// # Errors
    /// `InvalidInput` when the document does not convert; `NotFound`.
    pub fn draft_resolution(&self, id: i64, doc: &MeetingDoc) -> Result<ResolutionDoc, ApiError> {
        let (meeting, _, roster) = self.meeting_of_doc(id, doc)?;
        let previous = match self.store().previous_meeting(MeetingId(id))? {
            Some(prev) => carried_forward(&self.store().load_meeting(prev.id)?.action_items),
            None => Vec::new(),
        };
        let mut draft = minutebook_core::Resolution::draft(&meeting, &roster, &previous);
        draft.number = meeting.resolution.as_ref().and_then(|r| r.number);
        Ok(convert::resolution_doc(&draft))
    }

    /// Figures of a document not saved yet (nothing is written).
    ///
    /// # Errors
    /// `InvalidInput` when the document does not convert.
    pub fn preview_figures(&self, id: i64, doc: &MeetingDoc) -> Result<LiveFigures, ApiError> {
        let (meeting, cell, roster) = self.meeting_of_doc(id, doc)?;
        Ok(live_figures(&cell, &roster, &meeting))
    }
}

/// What members did in the meeting room is the room's record, not the workspace's: a workspace
/// opened before a check-in or a vote would otherwise autosave its stale copy over them. So the
/// presence and arrival time of each member who checked in from their laptop, and the figures
/// of each vote taken in a room, stay as stored (leaving early is still the minute-taker's to
/// record). Votes are matched by position and subject; a vote whose subject was changed is the
/// workspace's.
fn keep_what_the_room_recorded(
    book: &Book,
    stored: &Meeting,
    meeting: &mut Meeting,
) -> Result<(), ApiError> {
    let store = book.store();
    // The room's `start` and `end` set the times the window may not have seen yet: a save
    // that would clear them while a room is open keeps them (check-ins after the start are
    // late by it).
    if store.open_room_of(stored.id.0)?.is_some() {
        meeting.actual_start = meeting.actual_start.or(stored.actual_start);
        meeting.actual_end = meeting.actual_end.or(stored.actual_end);
    }
    for member in store.meeting_check_ins(stored.id.0)? {
        let Some(kept) = stored.attendance.iter().find(|a| a.member == member) else {
            continue;
        };
        match meeting.attendance.iter_mut().find(|a| a.member == member) {
            Some(a) => {
                a.presence = kept.presence.clone();
                a.arrived_at = kept.arrived_at;
            }
            None => meeting.attendance.push(kept.clone()),
        }
    }
    for index in store.votes_taken_in_rooms(stored.id.0)? {
        let i = index as usize;
        if let (Some(kept), Some(v)) = (stored.votes.get(i), meeting.votes.get_mut(i))
            && kept.subject == v.subject
        {
            v.yes = kept.yes;
            v.no = kept.no;
            v.abstain = kept.abstain;
            v.method = kept.method;
            v.at = kept.at;
        }
    }
    Ok(())
}

fn too_long(field: &str) -> ApiError {
    ApiError::invalid(format!("{field}: longer than {MAX_TEXT} characters"))
}

fn check_len(field: &str, s: &str) -> Result<(), ApiError> {
    if s.chars().count() > MAX_TEXT {
        Err(too_long(field))
    } else {
        Ok(())
    }
}

fn check_items(field: &str, n: usize) -> Result<(), ApiError> {
    if n > MAX_ITEMS {
        Err(ApiError::invalid(format!(
            "{field}: more than {MAX_ITEMS} entries"
        )))
    } else {
        Ok(())
    }
}

/// Refuses documents with oversized texts or lists before any conversion.
fn check_doc(d: &MeetingDoc) -> Result<(), ApiError> {
    for (f, s) in [
        ("subject", &d.subject),
        ("place", &d.place),
        ("kind", &d.kind),
        ("date", &d.date),
    ] {
        check_len(f, s)?;
    }
    check_items("guests", d.guests.len())?;
    check_items("agenda", d.agenda.len())?;
    check_items("attendance", d.attendance.len())?;
    check_items("votes", d.votes.len())?;
    check_items("action_items", d.action_items.len())?;
    for (i, g) in d.guests.iter().enumerate() {
        check_len(&format!("guests[{i}].name"), &g.name)?;
        check_len(&format!("guests[{i}].post"), &g.post)?;
    }
    for (i, a) in d.agenda.iter().enumerate() {
        check_items(&format!("agenda[{i}].speeches"), a.speeches.len())?;
        check_len(&format!("agenda[{i}].title"), &a.title)?;
        check_len(&format!("agenda[{i}].presentation"), &a.presentation)?;
        check_len(&format!("agenda[{i}].conclusion"), &a.conclusion)?;
        for (j, s) in a.speeches.iter().enumerate() {
            check_len(&format!("agenda[{i}].speeches[{j}].gist"), &s.gist)?;
            check_len(&format!("agenda[{i}].speeches[{j}].name"), &s.speaker.name)?;
        }
    }
    for (i, a) in d.attendance.iter().enumerate() {
        for s in [&a.reason, &a.left_reason].into_iter().flatten() {
            check_len(&format!("attendance[{i}]"), s)?;
        }
    }
    for (i, v) in d.votes.iter().enumerate() {
        check_len(&format!("votes[{i}].subject"), &v.subject)?;
    }
    for (i, a) in d.action_items.iter().enumerate() {
        check_len(&format!("action_items[{i}].task"), &a.task)?;
        check_len(&format!("action_items[{i}].report_back"), &a.report_back)?;
    }
    if let Some(r) = &d.resolution {
        check_len("resolution.review", &r.review)?;
        check_len("resolution.directions", &r.directions)?;
        check_len("resolution.assignments", &r.assignments)?;
    }
    Ok(())
}

fn ids_of(members: &[Member]) -> IdMap {
    members.iter().map(|m| (m.id.0.to_string(), m.id)).collect()
}

fn require_cell(book: &Book) -> Result<Cell, ApiError> {
    book.store()
        .cell()?
        .ok_or_else(|| ApiError::not_found("no cell yet: create it first"))
}

/// Live figures of `meeting`: never fails on inconsistent counts, it reports them.
pub(super) fn live_figures(cell: &Cell, roster: &[Member], meeting: &Meeting) -> LiveFigures {
    let c = meeting.attendance_counts(roster, cell.settings.attendance_basis);
    let attendance = minutebook_record::record::attendance_figures(&c);
    let problem = {
        let mut without_votes = meeting.clone();
        without_votes.votes.clear();
        figures(cell, roster, &without_votes)
            .err()
            .map(|e| LiveProblem::of(&e))
    };
    let votes = (0..meeting.votes.len())
        .map(|i| {
            let mut one = meeting.clone();
            one.votes = vec![meeting.votes[i].clone()];
            // The attendance problems are reported once, above; count this vote regardless.
            one.chair = None;
            one.minute_taker = None;
            one.actual_end = None;
            match figures(cell, roster, &one) {
                Ok(mut f) => LiveVote {
                    result: f.votes.pop(),
                    problem: None,
                },
                Err(e) => LiveVote {
                    result: None,
                    problem: Some(LiveProblem::of(&e)),
                },
            }
        })
        .collect();
    LiveFigures {
        attendance,
        votes,
        problem,
        default_reading: cell.settings.default_reading.code().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::case_book as book;

    #[test]
    pub(super) fn create_edit_save_and_preview() {
        let (_d, mut b) = book();
        let id = b
            .create_meeting(&NewMeetingInput {
                kind: "regular".into(),
                date: "2026-03-05".into(),
                subject: String::new(),
                place: "Nhà văn hoá tổ dân phố số 7".into(),
            })
            .unwrap();
        let ws = b.meeting_workspace(id).unwrap();
        assert!(ws.editable);
        assert!(!ws.doc.agenda.is_empty(), "official order of business");
        assert_eq!(ws.doc.attendance.len(), ws.roster.len());
        assert!(ws.doc.attendance.iter().any(|a| a.presence == "exempted"));
        let mut doc = ws.doc.clone();
        // Decomposed "ế" is saved composed.
        doc.agenda[0].title = "Tie\u{0302}\u{0301}n".into();
        let f = b.save_meeting_doc(id, &doc).unwrap();
        assert!(f.attendance.present > 0);
        let again = b.meeting_workspace(id).unwrap();
        assert_eq!(again.doc.agenda[0].title, "Ti\u{1ebf}n");

        let mut huge = doc.clone();
        huge.agenda[0].conclusion = "x".repeat(MAX_TEXT + 1);
        assert_eq!(
            b.save_meeting_doc(id, &huge).unwrap_err().code,
            ErrorCode::InvalidInput
        );
        // A vote with too many yes votes is reported, not refused.
        let mut v = doc.clone();
        v.votes.push(minutebook_record::doc::VoteDoc {
            subject: "Nghị quyết".into(),
            kind: "resolution".into(),
            method: "show-of-hands".into(),
            ballots: None,
            yes: 500,
            no: 0,
            abstain: 0,
            at: "20:00".into(),
            reading: None,
        });
        let p = b.preview_figures(id, &v).unwrap();
        assert!(p.votes[0].problem.is_some());
    }
}
