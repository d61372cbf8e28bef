//! Meetings of a cell and what is recorded of each.

use time::{Date, Time};

use crate::action::ActionItem;
use crate::agenda::AgendaItem;
use crate::attendance::{self, Attendance, AttendanceCounts, AttendanceError};
use crate::lifecycle::MeetingStatus;
use crate::roster::{Member, MemberId};
use crate::vote::{self, CountingReading, Vote, VoteError, VoteTally};

/// A meeting's identifier within one minute book. Assigned by storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MeetingId(pub i64);

/// Kinds of cell meeting (cell-meetings.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingKind {
    /// Sinh hoạt thường kỳ — monthly (Điều lệ Đảng Điều 24 khoản 2).
    Regular,
    /// Sinh hoạt chuyên đề — at least quarterly (HD 12-HD/BTCTW 2018).
    Thematic,
    /// Họp bất thường.
    Extraordinary,
    /// Xét kết nạp đảng viên.
    Admission,
    /// Xét công nhận đảng viên chính thức.
    Recognition,
    /// Kiểm điểm, đánh giá, xếp loại (QĐ 366-QĐ/TW 2025).
    AnnualReview,
    /// Đại hội chi bộ.
    Congress,
}

impl MeetingKind {
    /// All kinds, in the order the UI lists them.
    pub const ALL: [MeetingKind; 7] = [
        MeetingKind::Regular,
        MeetingKind::Thematic,
        MeetingKind::Extraordinary,
        MeetingKind::Admission,
        MeetingKind::Recognition,
        MeetingKind::AnnualReview,
        MeetingKind::Congress,
    ];

    /// Stable identifier used in records, interchange files and the store: `regular`,
    /// `thematic`, `extraordinary`, `admission`, `recognition`, `annual-review` or `congress`.
    /// The strings are signed and stored: never change one.
    pub fn code(self) -> &'static str {
        match self {
            MeetingKind::Regular => "regular",
            MeetingKind::Thematic => "thematic",
            MeetingKind::Extraordinary => "extraordinary",
            MeetingKind::Admission => "admission",
            MeetingKind::Recognition => "recognition",
            MeetingKind::AnnualReview => "annual-review",
            MeetingKind::Congress => "congress",
        }
    }

    /// Parses [`MeetingKind::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The subject a new meeting of this kind on `date` gets when none is typed: the monthly
    /// and thematic meetings name their month as the minutes do ("Sinh hoạt chi bộ thường kỳ
    /// tháng 3 năm 2026", "… tháng 02 năm 2026": months 1 and 2 written with two digits, ND 30
    /// as in [`crate::vn::date_words`]); the others their kind alone.
    pub fn default_subject(self, date: time::Date) -> String {
        match self {
            MeetingKind::Regular | MeetingKind::Thematic => {
                let (m, y) = crate::vn::month_year(date)
                    .split_once('/')
                    .map(|(m, y)| (m.to_owned(), y.to_owned()))
                    .unwrap_or_default();
                format!("{} tháng {m} năm {y}", self.subject_vi())
            }
            _ => self.subject_vi().to_owned(),
        }
    }

    /// The Vietnamese name used in the minutes' subject line, e.g. "Sinh hoạt chi bộ thường kỳ".
    pub fn subject_vi(self) -> &'static str {
        match self {
            MeetingKind::Regular => "Sinh hoạt chi bộ thường kỳ",
            MeetingKind::Thematic => "Sinh hoạt chi bộ chuyên đề",
            MeetingKind::Extraordinary => "Họp chi bộ bất thường",
            MeetingKind::Admission => "Họp chi bộ xét kết nạp đảng viên",
            MeetingKind::Recognition => "Họp chi bộ xét công nhận đảng viên chính thức",
            MeetingKind::AnnualReview => "Họp chi bộ kiểm điểm, đánh giá, xếp loại",
            MeetingKind::Congress => "Đại hội chi bộ",
        }
    }
}

/// A guest (đại biểu) with the post given in the minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guest {
    /// Full name.
    pub name: String,
    /// Post, e.g. "Đảng ủy viên phường phụ trách chi bộ".
    pub post: String,
}

/// A meeting and everything its minutes record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// Identifier.
    pub id: MeetingId,
    /// Kind.
    pub kind: MeetingKind,
    /// Subject line, e.g. "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026".
    pub subject: String,
    /// Number in the cell's series of minutes ("Số 03-BB/CB"), when assigned.
    pub number: Option<u32>,
    /// Date held.
    pub date: Date,
    /// Place, e.g. "Nhà văn hóa tổ dân phố số 7".
    pub place: String,
    /// Planned start.
    pub planned_start: Option<Time>,
    /// Planned end.
    pub planned_end: Option<Time>,
    /// Actual start ("bắt đầu vào hồi …").
    pub actual_start: Option<Time>,
    /// Actual end ("kết thúc vào hồi …").
    pub actual_end: Option<Time>,
    /// Chair (chủ trì).
    pub chair: Option<MemberId>,
    /// Minute-taker (thư ký).
    pub minute_taker: Option<MemberId>,
    /// Guests.
    pub guests: Vec<Guest>,
    /// Agenda items in order, each with its minutes.
    pub agenda: Vec<AgendaItem>,
    /// One entry per roster member.
    pub attendance: Vec<Attendance>,
    /// Votes in the order taken.
    pub votes: Vec<Vote>,
    /// Tasks assigned.
    pub action_items: Vec<ActionItem>,
    /// The resolution as its own document, when the cell has written one (issue 15).
    pub resolution: Option<crate::resolution::Resolution>,
    /// Lifecycle status.
    pub status: MeetingStatus,
}

impl Meeting {
    /// A new draft meeting of `kind` on `date`, starting from the official order of business.
    pub fn new(id: MeetingId, kind: MeetingKind, date: Date, subject: &str, place: &str) -> Self {
        Meeting {
            id,
            kind,
            subject: crate::text::nfc(subject),
            number: None,
            date,
            place: crate::text::nfc(place),
            planned_start: None,
            planned_end: None,
            actual_start: None,
            actual_end: None,
            chair: None,
            minute_taker: None,
            guests: Vec::new(),
            agenda: crate::agenda::official_order_of_business(kind),
            attendance: Vec::new(),
            votes: Vec::new(),
            action_items: Vec::new(),
            resolution: None,
            status: MeetingStatus::Draft,
        }
    }

    /// Attendance figures against `roster`, under `basis` (the cell's).
    pub fn attendance_counts(
        &self,
        roster: &[Member],
        basis: attendance::AttendanceBasis,
    ) -> AttendanceCounts {
        attendance::counts(roster, &self.attendance, self.date, basis)
    }

    /// Tallies every vote; the first inconsistent vote stops it, naming its position (1-based).
    pub fn tallies(
        &self,
        roster: &[Member],
        default_reading: CountingReading,
    ) -> Result<Vec<VoteTally>, (usize, VoteError)> {
        self.votes
            .iter()
            .enumerate()
            .map(|(i, v)| {
                vote::tally(v, roster, &self.attendance, self.date, default_reading)
                    .map_err(|e| (i + 1, e))
            })
            .collect()
    }

    /// Checks the meeting for what would make its minutes wrong.
    pub fn check(
        &self,
        roster: &[Member],
        default_reading: CountingReading,
    ) -> Result<(), MeetingError> {
        attendance::check(roster, &self.attendance, self.date)?;
        for (role, who) in [("chair", self.chair), ("minute-taker", self.minute_taker)] {
            if let Some(id) = who
                && !roster.iter().any(|m| m.id == id)
            {
                return Err(MeetingError::UnknownMember { role, id: id.0 });
            }
        }
        if let (Some(s), Some(e)) = (self.actual_start, self.actual_end)
            && e < s
        {
            return Err(MeetingError::EndsBeforeStart);
        }
        self.tallies(roster, default_reading)
            .map_err(|(index, error)| MeetingError::Vote { index, error })?;
        Ok(())
    }

    /// Duration in minutes between actual start and end, when both are known.
    pub fn duration_minutes(&self) -> Option<i64> {
        Some((self.actual_end? - self.actual_start?).whole_minutes())
    }
}

/// Why a meeting's record is not consistent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MeetingError {
    /// Attendance list problem.
    #[error(transparent)]
    Attendance(#[from] AttendanceError),
    /// Chair or minute-taker not on the roster.
    #[error("the {role} (member #{id}) is not on the roster")]
    UnknownMember {
        /// "chair" or "minute-taker".
        role: &'static str,
        /// Member id.
        id: i64,
    },
    /// End before start.
    #[error("the meeting ends before it starts")]
    EndsBeforeStart,
    /// A vote's counts are impossible.
    #[error("vote {index}: {error}")]
    Vote {
        /// 1-based position.
        index: usize,
        /// What is wrong.
        error: VoteError,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code_tests::assert_codes;

    #[test]
    fn the_default_subject_names_the_month_as_the_minutes_do() {
        use time::macros::date;
        assert_eq!(
            MeetingKind::Regular.default_subject(date!(2026 - 03 - 05)),
            "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026"
        );
        assert_eq!(
            MeetingKind::Regular.default_subject(date!(2026 - 02 - 05)),
            "Sinh hoạt chi bộ thường kỳ tháng 02 năm 2026"
        );
        assert_eq!(
            MeetingKind::Admission.default_subject(date!(2026 - 03 - 05)),
            "Họp chi bộ xét kết nạp đảng viên"
        );
    }

    #[test]
    fn meeting_kind_codes_round_trip() {
        assert_codes(
            &MeetingKind::ALL,
            MeetingKind::code,
            MeetingKind::from_code,
            &[
                "regular",
                "thematic",
                "extraordinary",
                "admission",
                "recognition",
                "annual-review",
                "congress",
            ],
        );
    }
}
