//! The cell's year at a glance (issue 15), as the desktop's dashboard and the CSV for the
//! year-end report receive it.

use serde::Serialize;

/// One year of the cell's meetings: attendance per meeting, votes, the tasks assigned and how
/// they stand, and each member's attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Dashboard {
    /// The year shown.
    pub year: i32,
    /// Every year with a meeting in the book, ascending (the year picker).
    pub years: Vec<i32>,
    /// The day the task figures are counted on (`YYYY-MM-DD`, Vietnam's date).
    pub today: String,
    /// The year's meetings in date order.
    pub meetings: Vec<DashboardMeeting>,
    /// Meetings of the year whose figures cannot be counted yet (an open meeting with an
    /// inconsistent attendance list, say), with the reason in English.
    pub skipped: Vec<DashboardSkipped>,
    /// Tasks assigned at the year's meetings.
    pub tasks: TaskCounts,
    /// Each member summoned to at least one of the year's meetings, in roster order.
    pub members: Vec<MemberAttendance>,
    /// Present ÷ must attend over the year's meetings, in hundredths of a percent (8333 =
    /// 83,33 %); `None` without a meeting.
    pub average_rate_basis_points: Option<u32>,
    /// The same written the Vietnamese way, "83,33%".
    pub average_rate_text: Option<String>,
}

/// One meeting's figures, as `Book::report` derives them (a signed meeting as it was signed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DashboardMeeting {
    /// Meeting id.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    /// Date, `YYYY-MM-DD`.
    pub date: String,
    /// Subject.
    pub subject: String,
    /// Status code.
    pub status: String,
    /// Members present (the attendance base's numerator).
    pub present: u32,
    /// Members who had to attend.
    pub must_attend: u32,
    /// present ÷ must_attend in hundredths of a percent.
    pub rate_basis_points: u32,
    /// "83,33%".
    pub rate_text: String,
    /// Votes taken.
    pub votes: u32,
    /// Votes passed.
    pub votes_passed: u32,
    /// Tasks assigned at this meeting.
    pub tasks: u32,
}

/// A meeting left out of the figures, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DashboardSkipped {
    /// Meeting id.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    /// Date, `YYYY-MM-DD`.
    pub date: String,
    /// Why (English; the UI says it generically).
    pub reason: String,
}

/// How the tasks stand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TaskCounts {
    /// Done.
    pub done: u32,
    /// Open, deadline not passed (or none).
    pub open: u32,
    /// Open with the deadline passed (late).
    pub late: u32,
    /// Dropped or superseded.
    pub dropped: u32,
}

/// One member's attendance over the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MemberAttendance {
    /// Member id.
    pub member_id: String,
    /// Name.
    pub full_name: String,
    /// Meetings the member had to attend (not exempted, not marked not required).
    pub summoned: u32,
    /// Present.
    pub present: u32,
    /// Absent with a reason.
    pub absent_excused: u32,
    /// Absent without a reason.
    pub absent_unexcused: u32,
}
