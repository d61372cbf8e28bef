//! The cell's year at a glance: attendance per meeting, votes, tasks done and late, members'
//! attendance (issue 15), and the same as CSV for the year-end report. Every meeting's figures
//! come from [`Book::report`] and its content from [`Book::meeting_workspace`], so the
//! dashboard shows what the minutes print — a signed meeting as it was signed, an altered one
//! from its signed record. Nothing is written.

use std::collections::BTreeMap;

use minutebook_core::vn::Ratio;
use time::macros::offset;

use super::*;
use crate::dashboard::*;

/// A separator row between the tables (written as `""` by the csv writer, then made empty).
const BLANK_LINE: [&str; 1] = [""];

impl Book {
    /// The dashboard of `year` (default: the latest year with a meeting, else this year).
    ///
    /// Tasks are those assigned at the year's meetings; an open task whose deadline is before
    /// today (Vietnam's date) is late.
    ///
    /// # Errors
    /// `NotFound` without a cell; storage errors.
    pub fn dashboard(&self, year: Option<i32>) -> Result<Dashboard, ApiError> {
        self.require_cell()?;
        let today = self.clock.now().to_offset(offset!(+7)).date();
        let all = self.store.list_meetings()?;
        let mut years: Vec<i32> = all.iter().map(|m| m.date.year()).collect();
        years.dedup();
        let year = year
            .or_else(|| years.last().copied())
            .unwrap_or(today.year());
        let mut out = Dashboard {
            year,
            years,
            today: convert::date_str(today),
            meetings: Vec::new(),
            skipped: Vec::new(),
            tasks: TaskCounts::default(),
            members: Vec::new(),
            average_rate_basis_points: None,
            average_rate_text: None,
        };
        let mut members: BTreeMap<String, MemberAttendance> = BTreeMap::new();
        let mut order: Vec<String> = Vec::new();
        let (mut present, mut must) = (0u64, 0u64);
        for s in all.iter().filter(|m| m.date.year() == year) {
            let id = s.id.0;
            let (report, ws) = match (self.report(id, None), self.meeting_workspace(id)) {
                (Ok(r), Ok(w)) => (r, w),
                (Err(e), _) | (_, Err(e)) => {
                    out.skipped.push(DashboardSkipped {
                        id,
                        date: convert::date_str(s.date),
                        reason: e.message,
                    });
                    continue;
                }
            };
            let a = &report.figures.attendance;
            present += u64::from(a.present);
            must += u64::from(a.must_attend);
            out.meetings.push(DashboardMeeting {
                id,
                date: report.date.clone(),
                subject: report.subject.clone(),
                status: report.status.clone(),
                present: a.present,
                must_attend: a.must_attend,
                rate_basis_points: u32::try_from(a.rate_basis_points).unwrap_or(u32::MAX),
                rate_text: a.rate_text.clone(),
                votes: report.figures.votes.len() as u32,
                votes_passed: report.figures.votes.iter().filter(|v| v.passed).count() as u32,
                tasks: ws.doc.action_items.len() as u32,
            });
            for t in &ws.doc.action_items {
                let late = t
                    .deadline
                    .as_deref()
                    .is_some_and(|d| d < out.today.as_str());
                match t.status.as_str() {
                    "done" => out.tasks.done += 1,
                    "dropped" => out.tasks.dropped += 1,
                    _ if late => out.tasks.late += 1,
                    _ => out.tasks.open += 1,
                }
            }
            for att in &ws.doc.attendance {
                if matches!(att.presence.as_str(), "exempted" | "not-required") {
                    continue;
                }
                let name = ws
                    .roster
                    .iter()
                    .find(|m| m.id == att.member_id)
                    .map(|m| m.full_name.clone())
                    .unwrap_or_else(|| att.member_id.clone());
                let entry = members.entry(att.member_id.clone()).or_insert_with(|| {
                    order.push(att.member_id.clone());
                    MemberAttendance {
                        member_id: att.member_id.clone(),
                        full_name: name,
                        summoned: 0,
                        present: 0,
                        absent_excused: 0,
                        absent_unexcused: 0,
                    }
                });
                entry.summoned += 1;
                match att.presence.as_str() {
                    "present" => entry.present += 1,
                    "absent-excused" => entry.absent_excused += 1,
                    _ => entry.absent_unexcused += 1,
                }
            }
        }
        out.members = order.iter().filter_map(|id| members.remove(id)).collect();
        if must > 0 {
            let r = Ratio::new(
                u32::try_from(present).unwrap_or(u32::MAX),
                u32::try_from(must).unwrap_or(u32::MAX),
            );
            out.average_rate_basis_points =
                Some(u32::try_from(r.basis_points()).unwrap_or(u32::MAX));
            out.average_rate_text = Some(r.percent_vn());
        }
        Ok(out)
    }

    /// The dashboard of `year` as CSV (RFC 4180, UTF-8 with a byte-order mark so that Excel
    /// reads the diacritics): a table of meetings (each with its id and status, to find it in
    /// the book), then one of tasks, then one of members, separated by empty lines; headings
    /// and statuses in `lang`.
    ///
    /// # Errors
    /// As [`Book::dashboard`].
    pub fn dashboard_csv(&self, year: Option<i32>, lang: crate::Lang) -> Result<String, ApiError> {
        let d = self.dashboard(year)?;
        let t = |id: &str| crate::tr(lang, id, &[]);
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let io = |e: csv::Error| ApiError::new(ErrorCode::Io, e.to_string());
        w.write_record([t("dash-csv-meetings"), d.year.to_string()])
            .map_err(io)?;
        w.write_record([
            t("dash-csv-id"),
            t("dash-csv-date"),
            t("dash-csv-subject"),
            t("dash-csv-status"),
            t("dash-csv-present"),
            t("dash-csv-must-attend"),
            t("dash-csv-rate"),
            t("dash-csv-votes"),
            t("dash-csv-votes-passed"),
            t("dash-csv-tasks"),
        ])
        .map_err(io)?;
        for m in &d.meetings {
            w.write_record([
                m.id.to_string(),
                m.date.clone(),
                m.subject.clone(),
                t(&format!("status-{}", m.status)),
                m.present.to_string(),
                m.must_attend.to_string(),
                m.rate_text.clone(),
                m.votes.to_string(),
                m.votes_passed.to_string(),
                m.tasks.to_string(),
            ])
            .map_err(io)?;
        }
        w.write_record(BLANK_LINE).map_err(io)?;
        w.write_record([
            t("dash-csv-tasks-done"),
            t("dash-csv-tasks-open"),
            t("dash-csv-tasks-late"),
            t("dash-csv-tasks-dropped"),
        ])
        .map_err(io)?;
        w.write_record([
            d.tasks.done.to_string(),
            d.tasks.open.to_string(),
            d.tasks.late.to_string(),
            d.tasks.dropped.to_string(),
        ])
        .map_err(io)?;
        w.write_record(BLANK_LINE).map_err(io)?;
        w.write_record([
            t("dash-csv-member"),
            t("dash-csv-summoned"),
            t("dash-csv-present"),
            t("dash-csv-absent-excused"),
            t("dash-csv-absent-unexcused"),
        ])
        .map_err(io)?;
        for m in &d.members {
            w.write_record([
                m.full_name.clone(),
                m.summoned.to_string(),
                m.present.to_string(),
                m.absent_excused.to_string(),
                m.absent_unexcused.to_string(),
            ])
            .map_err(io)?;
        }
        let bytes = w
            .into_inner()
            .map_err(|e| ApiError::new(ErrorCode::Io, e.to_string()))?;
        let text =
            String::from_utf8(bytes).map_err(|e| ApiError::new(ErrorCode::Io, e.to_string()))?;
        // The separator rows come out as `""`; a spreadsheet reads an empty line as a blank row.
        let text = text.replace("\r\n\"\"\r\n", "\r\n\r\n");
        Ok(format!("\u{feff}{text}"))
    }
}
