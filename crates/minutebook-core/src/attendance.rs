//! Attendance: who was summoned, who came, who was excused, and the totals the minutes state.
//!
//! The totals follow the opening data of a cell's minutes (HD 16-HD/VPTW 2023 template; sample
//! minutes in cell-meetings.md §7): members of the cell by category, exempted, present by
//! category, absent with and without reason, and the attendance rate over those who must attend.

use time::{Date, Time};

use crate::roster::{Member, MemberCategory, MemberId};
use crate::vn::Ratio;

/// How a member stands at a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Presence {
    /// Có mặt (possibly late or leaving early; see [`Attendance`]).
    Present,
    /// Vắng có lý do: absent with a reason the convener accepted.
    AbsentExcused {
        /// The reason as stated, e.g. "đi công tác".
        reason: String,
    },
    /// Vắng không lý do.
    AbsentUnexcused,
    /// Exempted from activities and not attending: not required to attend (QĐ 294 point 9.3.2
    /// excludes exempted members who are absent).
    Exempted,
    /// Not required for another reason (e.g. temporarily working elsewhere), stated.
    NotRequired {
        /// Why the member was not summoned.
        reason: String,
    },
}

impl Presence {
    /// The codes, in order: `present`, `absent-excused`, `absent-unexcused`, `exempted`,
    /// `not-required`.
    pub const CODES: [&'static str; 5] = [
        "present",
        "absent-excused",
        "absent-unexcused",
        "exempted",
        "not-required",
    ];

    /// Stable identifier used in records, interchange files and the store (one of
    /// [`Presence::CODES`]); the reason of an excused or not-required entry is kept beside it
    /// ([`Presence::reason`]). The strings are signed and stored: never change one.
    pub fn code(&self) -> &'static str {
        match self {
            Presence::Present => "present",
            Presence::AbsentExcused { .. } => "absent-excused",
            Presence::AbsentUnexcused => "absent-unexcused",
            Presence::Exempted => "exempted",
            Presence::NotRequired { .. } => "not-required",
        }
    }

    /// The stated reason of an excused or not-required entry; `None` for the others.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Presence::AbsentExcused { reason } | Presence::NotRequired { reason } => Some(reason),
            _ => None,
        }
    }

    /// Parses [`Presence::code`] with the reason kept beside it. `None` for an unknown code,
    /// and for a reason given to a presence that has none or missing from one that has (an
    /// empty reason is a reason). The reason is taken as given.
    pub fn from_code(code: &str, reason: Option<String>) -> Option<Self> {
        Some(match (code, reason) {
            ("present", None) => Presence::Present,
            ("absent-excused", Some(reason)) => Presence::AbsentExcused { reason },
            ("absent-unexcused", None) => Presence::AbsentUnexcused,
            ("exempted", None) => Presence::Exempted,
            ("not-required", Some(reason)) => Presence::NotRequired { reason },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod code_tests {
    use super::*;

    #[test]
    fn presence_codes_round_trip() {
        let all = [
            Presence::Present,
            Presence::AbsentExcused {
                reason: "đi công tác".to_owned(),
            },
            Presence::AbsentUnexcused,
            Presence::Exempted,
            Presence::NotRequired {
                reason: String::new(),
            },
        ];
        for p in &all {
            let back = Presence::from_code(p.code(), p.reason().map(str::to_owned));
            assert_eq!(back.as_ref(), Some(p));
        }
        assert_eq!(all.each_ref().map(Presence::code), Presence::CODES);
        assert_eq!(Presence::from_code("present", Some("x".to_owned())), None);
        assert_eq!(Presence::from_code("absent-excused", None), None);
        assert_eq!(Presence::from_code("absent", None), None);
    }
}

/// One member's attendance at one meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendance {
    /// The member.
    pub member: MemberId,
    /// Present, absent, exempted…
    pub presence: Presence,
    /// Arrival time when the member came late (đến muộn); `None` = on time.
    pub arrived_at: Option<Time>,
    /// Departure time when the member left early (về sớm); `None` = stayed to the end.
    pub left_at: Option<Time>,
    /// Why the member left early, when they did.
    pub left_reason: Option<String>,
}

impl Attendance {
    /// An entry with the given presence, on time, staying to the end.
    pub fn new(member: MemberId, presence: Presence) -> Self {
        Attendance {
            member,
            presence,
            arrived_at: None,
            left_at: None,
            left_reason: None,
        }
    }

    /// True when the member was in the room at `at`: present, arrived at or before it, and not
    /// yet gone (a member who left at exactly `at` is gone).
    pub fn is_present_at(&self, at: Time) -> bool {
        self.presence == Presence::Present
            && self.arrived_at.is_none_or(|a| a <= at)
            && self.left_at.is_none_or(|l| l > at)
    }

    /// True when the member attended at any point.
    pub fn attended(&self) -> bool {
        self.presence == Presence::Present
    }
}

/// The attendance figures of a meeting, as the minutes state them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceCounts {
    /// Members of the cell on the meeting date (temporarily attached members not included).
    pub roster_total: u32,
    /// Official members among them.
    pub official: u32,
    /// Probationary members among them.
    pub probationary: u32,
    /// Members exempted from activities.
    pub exempted: u32,
    /// Members temporarily attached from another cell who took part.
    pub attached_temporarily: u32,
    /// Members who had to attend: the roster less exempted and not-required members who did not
    /// come (an exempted member who attends is counted, as in point 9.3.2).
    pub must_attend: u32,
    /// Roster members present.
    pub present: u32,
    /// Official members present.
    pub present_official: u32,
    /// Probationary members present.
    pub present_probationary: u32,
    /// Exempted members who attended anyway, under [`AttendanceBasis::MembersLessExempted`]:
    /// counted apart, in neither the base nor `present`.
    pub present_exempted: u32,
    /// Absent with an accepted reason.
    pub absent_excused: u32,
    /// Absent without reason.
    pub absent_unexcused: u32,
    /// Present over must-attend.
    pub rate: Ratio,
}

/// Errors in an attendance list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AttendanceError {
    /// A roster member has no attendance entry.
    #[error("no attendance recorded for {0}")]
    Missing(String),
    /// Two entries for the same member.
    #[error("attendance recorded twice for {0}")]
    Duplicate(String),
    /// An entry names someone not on the roster.
    #[error("attendance for member #{0} who is not on the roster")]
    Unknown(i64),
    /// Left before arriving.
    #[error("{0} is recorded as leaving before arriving")]
    LeftBeforeArriving(String),
}

/// Checks that every roster member on `date` has exactly one entry and that times make sense.
pub fn check(
    roster: &[Member],
    attendance: &[Attendance],
    date: Date,
) -> Result<(), AttendanceError> {
    for (i, a) in attendance.iter().enumerate() {
        let Some(m) = roster.iter().find(|m| m.id == a.member) else {
            return Err(AttendanceError::Unknown(a.member.0));
        };
        if attendance[..i].iter().any(|b| b.member == a.member) {
            return Err(AttendanceError::Duplicate(m.full_name.clone()));
        }
        if let (Some(arr), Some(left)) = (a.arrived_at, a.left_at)
            && left < arr
        {
            return Err(AttendanceError::LeftBeforeArriving(m.full_name.clone()));
        }
    }
    for m in roster.iter().filter(|m| m.is_on_roster_on(date)) {
        if !attendance.iter().any(|a| a.member == m.id) {
            return Err(AttendanceError::Missing(m.full_name.clone()));
        }
    }
    Ok(())
}

/// Where an exempted member who attends is counted in the attendance rate: a choice the
/// sources leave open, so it is named in the record (`cell.attendance_basis`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AttendanceBasis {
    /// The rule of thumb of cell-meetings.md §2, "attendance = present / (members minus
    /// exempted)": every exempted member is out of the base, attending or not, and one who
    /// attends is counted apart ([`AttendanceCounts::present_exempted`]), so the rate never
    /// passes 100 % and "phải dự" is the same number whoever comes. Default from 2026-12.
    #[default]
    MembersLessExempted,
    /// Records closed before 2026-12: an exempted member who attends joins the base and the
    /// present count. Kept so those records still rebuild byte for byte.
    ExemptedWhoAttendCount,
}

impl AttendanceBasis {
    /// Every basis, in order.
    pub const ALL: [AttendanceBasis; 2] = [
        AttendanceBasis::MembersLessExempted,
        AttendanceBasis::ExemptedWhoAttendCount,
    ];

    /// Stable code: `members-less-exempted`, `exempted-who-attend-count`.
    pub fn code(self) -> &'static str {
        match self {
            AttendanceBasis::MembersLessExempted => "members-less-exempted",
            AttendanceBasis::ExemptedWhoAttendCount => "exempted-who-attend-count",
        }
    }

    /// The basis with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.code() == code)
    }
}

/// Computes the attendance figures for a meeting held on `date` under `basis`.
///
/// Rule (cell-meetings.md §2, HD 42-HD/BTCTW 2025 scoring as summarised there): the attendance
/// base is the roster less exempted members (see [`AttendanceBasis`] for one who attends) and
/// members not required to attend. Members attached temporarily from another cell (sinh hoạt
/// tạm thời, addendum §3, C5) are not in the cell's totals nor in the base; those present are
/// counted apart. Entries for people not on the roster are ignored here; [`check`] reports them.
pub fn counts(
    roster: &[Member],
    attendance: &[Attendance],
    date: Date,
    basis: AttendanceBasis,
) -> AttendanceCounts {
    let mut c = AttendanceCounts {
        roster_total: 0,
        official: 0,
        probationary: 0,
        exempted: 0,
        attached_temporarily: 0,
        must_attend: 0,
        present: 0,
        present_official: 0,
        present_probationary: 0,
        present_exempted: 0,
        absent_excused: 0,
        absent_unexcused: 0,
        rate: Ratio::new(0, 0),
    };
    for m in roster.iter().filter(|m| m.is_on_roster_on(date)) {
        let entry = attendance.iter().find(|a| a.member == m.id);
        let attended = entry.is_some_and(Attendance::attended);
        if m.is_attached_temporarily_on(date) {
            if attended {
                c.attached_temporarily += 1;
            }
            continue;
        }
        c.roster_total += 1;
        match m.category {
            MemberCategory::Official => c.official += 1,
            MemberCategory::Probationary => c.probationary += 1,
        }
        if m.is_exempted_on(date) {
            c.exempted += 1;
        }
        let exempted = m.is_exempted_on(date);
        let excused_from_attending = matches!(
            entry.map(|a| &a.presence),
            Some(Presence::Exempted | Presence::NotRequired { .. })
        ) || (exempted
            && (!attended || basis == AttendanceBasis::MembersLessExempted));
        if !excused_from_attending {
            c.must_attend += 1;
        }
        match entry.map(|a| &a.presence) {
            Some(Presence::Present) if excused_from_attending => c.present_exempted += 1,
            Some(Presence::Present) => {
                c.present += 1;
                match m.category {
                    MemberCategory::Official => c.present_official += 1,
                    MemberCategory::Probationary => c.present_probationary += 1,
                }
            }
            Some(Presence::AbsentExcused { .. }) => c.absent_excused += 1,
            Some(Presence::AbsentUnexcused) | None if !excused_from_attending => {
                c.absent_unexcused += 1
            }
            _ => {}
        }
    }
    c.rate = Ratio::new(c.present, c.must_attend);
    c
}
