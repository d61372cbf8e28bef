//! Votes: who counts, what threshold applies, and the derived outcome.
//!
//! The outcome of a vote is never typed in: it is derived from the counts, the eligible
//! denominator and the threshold. The denominator is computed from attendance *at the time of
//! the vote* under a named [`CountingReading`] of point 9.3.2 of the Charter's implementing
//! regulation (QĐ 294-QĐ/TW of 26/5/2025, in force 01/7/2025, which replaced QĐ 24-QĐ/TW of
//! 2021). The sources disagree on what that point now excludes
//! (`shared/domain/cell-meetings-addendum.md` §3), so the reading is recorded with each vote and
//! shown wherever the result is shown.

use time::{Date, Time};

use crate::attendance::{Attendance, Presence};
use crate::roster::{Member, MemberCategory, MemberId};
use crate::vn::Ratio;

/// What is being decided. The kind fixes the threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteKind {
    /// Adopting a resolution or conclusion (nghị quyết, kết luận).
    Resolution,
    /// Admitting a new member (kết nạp đảng viên).
    Admission,
    /// Recognising a probationary member as official (công nhận đảng viên chính thức).
    Recognition,
    /// A disciplinary measure (kỷ luật); `expulsion` for khai trừ.
    Discipline {
        /// True for expulsion, which needs two thirds.
        expulsion: bool,
    },
    /// An election (bầu cử) — secret ballot, more than half (QĐ 190-QĐ/TW 2024).
    Election,
    /// Anything else the cell votes on.
    Other,
}

/// The share of the eligible denominator a vote needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threshold {
    /// Quá nửa: strictly more than half (exactly half fails).
    MoreThanHalf,
    /// Ít nhất hai phần ba: two thirds or more (exactly two thirds passes).
    AtLeastTwoThirds,
}

impl VoteKind {
    /// The threshold this kind of vote needs.
    ///
    /// - Resolutions, elections, other matters and discipline short of expulsion: more than half
    ///   (Điều lệ Đảng Điều 9 khoản 5; QĐ 190-QĐ/TW; QĐ 69-QĐ/TW Điều 15).
    /// - Admission and recognition: at least two thirds of official members (HD 01-HD/TW 2021
    ///   point 5.1, carried into HD 06-HD/TW 2025).
    /// - Expulsion: at least two thirds (QĐ 69-QĐ/TW Điều 15).
    pub fn threshold(self) -> Threshold {
        match self {
            VoteKind::Admission | VoteKind::Recognition => Threshold::AtLeastTwoThirds,
            VoteKind::Discipline { expulsion: true } => Threshold::AtLeastTwoThirds,
            VoteKind::Resolution
            | VoteKind::Discipline { expulsion: false }
            | VoteKind::Election
            | VoteKind::Other => Threshold::MoreThanHalf,
        }
    }

    /// Every kind, in code order.
    pub const ALL: [VoteKind; 7] = [
        VoteKind::Resolution,
        VoteKind::Admission,
        VoteKind::Recognition,
        VoteKind::Discipline { expulsion: false },
        VoteKind::Discipline { expulsion: true },
        VoteKind::Election,
        VoteKind::Other,
    ];

    /// Stable identifier used in records and interchange files: `resolution`, `admission`,
    /// `recognition`, `discipline`, `expulsion` (discipline by expulsion), `election` or
    /// `other`. The strings are signed and stored: never change one.
    ///
    /// (The store keeps an expulsion as `discipline` with a separate expulsion flag.)
    pub fn code(self) -> &'static str {
        match self {
            VoteKind::Resolution => "resolution",
            VoteKind::Admission => "admission",
            VoteKind::Recognition => "recognition",
            VoteKind::Discipline { expulsion: false } => "discipline",
            VoteKind::Discipline { expulsion: true } => "expulsion",
            VoteKind::Election => "election",
            VoteKind::Other => "other",
        }
    }

    /// Parses [`VoteKind::code`]; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

impl Threshold {
    /// Both thresholds, in code order.
    pub const ALL: [Threshold; 2] = [Threshold::MoreThanHalf, Threshold::AtLeastTwoThirds];

    /// Stable identifier used in records: `more-than-half` or `at-least-two-thirds`. The
    /// strings are signed: never change one.
    pub fn code(self) -> &'static str {
        match self {
            Threshold::MoreThanHalf => "more-than-half",
            Threshold::AtLeastTwoThirds => "at-least-two-thirds",
        }
    }

    /// Parses [`Threshold::code`]; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }

    /// True when `yes` out of `eligible` meets the threshold. Exact integer arithmetic.
    pub fn is_met(self, yes: u32, eligible: u32) -> bool {
        if eligible == 0 {
            return false;
        }
        let (yes, eligible) = (u64::from(yes), u64::from(eligible));
        match self {
            Threshold::MoreThanHalf => 2 * yes > eligible,
            Threshold::AtLeastTwoThirds => 3 * yes >= 2 * eligible,
        }
    }

    /// The least number of yes votes that passes with `eligible` members counted.
    pub fn minimum_yes(self, eligible: u32) -> u32 {
        match self {
            Threshold::MoreThanHalf => eligible / 2 + 1,
            Threshold::AtLeastTwoThirds => (2 * eligible).div_ceil(3),
        }
    }
}

/// How the vote was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteMethod {
    /// Giơ tay.
    ShowOfHands,
    /// Giơ thẻ đảng viên.
    ShowOfPartyCards,
    /// Bỏ phiếu kín, with the ballot counts.
    SecretBallot {
        /// Ballots issued (phát ra).
        issued: u32,
        /// Ballots returned (thu về).
        returned: u32,
        /// Valid ballots (hợp lệ).
        valid: u32,
    },
}

impl VoteMethod {
    /// The codes, in order: `show-of-hands`, `show-of-party-cards`, `secret-ballot`.
    pub const CODES: [&'static str; 3] = ["show-of-hands", "show-of-party-cards", "secret-ballot"];

    /// Stable identifier used in records, interchange files and the store (one of
    /// [`VoteMethod::CODES`]); a secret ballot's counts are kept beside it
    /// ([`VoteMethod::ballots`]). The strings are signed and stored: never change one.
    pub fn code(self) -> &'static str {
        match self {
            VoteMethod::ShowOfHands => "show-of-hands",
            VoteMethod::ShowOfPartyCards => "show-of-party-cards",
            VoteMethod::SecretBallot { .. } => "secret-ballot",
        }
    }

    /// A secret ballot's counts as `[issued, returned, valid]`; `None` for the other methods.
    pub fn ballots(self) -> Option<[u32; 3]> {
        match self {
            VoteMethod::SecretBallot {
                issued,
                returned,
                valid,
            } => Some([issued, returned, valid]),
            _ => None,
        }
    }

    /// Parses [`VoteMethod::code`] with the ballot counts `[issued, returned, valid]` kept
    /// beside it. `None` for an unknown code, for a secret ballot without counts, and for
    /// counts given to another method.
    pub fn from_code(code: &str, ballots: Option<[u32; 3]>) -> Option<Self> {
        Some(match (code, ballots) {
            ("show-of-hands", None) => VoteMethod::ShowOfHands,
            ("show-of-party-cards", None) => VoteMethod::ShowOfPartyCards,
            ("secret-ballot", Some([issued, returned, valid])) => VoteMethod::SecretBallot {
                issued,
                returned,
                valid,
            },
            _ => return None,
        })
    }
}

/// A reading of point 9.3.2: which official members the denominator leaves out.
///
/// The readings of the March 2026 case (`shared/cases/meeting-2026-03.md`) count 9, 10 and 11
/// official members: [`CountingReading::Qd24Exclusions`] (and [`CountingReading::FullExclusions`],
/// which only differs from it for a member who left early), [`CountingReading::Qd294AsQuoted`]
/// and [`CountingReading::AllOfficial`].
///
/// Each code is signed into every record that names it: a code never changes meaning, and a
/// reading that is no longer the default stays as a named reading so that old records keep
/// verifying and re-rendering as they were signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CountingReading {
    /// Default. QĐ 24-QĐ/TW point 9.3.2 as written (cell-meetings.md §2; addendum §3 C1), which
    /// QĐ 294 appears to keep: leave out members temporarily transferred to another body,
    /// exempted members not present at the vote, members suspended, prosecuted or detained, and
    /// official members absent **for the whole session** with a reason the convener accepted.
    /// A member who attended and left before the vote (or arrived after it) was not absent for
    /// the whole session and stays in the denominator (issue 15).
    #[default]
    Qd24Exclusions,
    /// The default until schema version 5: everything [`CountingReading::Qd24Exclusions`]
    /// leaves out, and also a member who attended and left before the vote, treated as absent
    /// with an accepted reason for that vote. Wider than point 9.3.2's text (which names only
    /// absence for the whole session); kept, with its meaning unchanged, because records signed
    /// under it name it.
    FullExclusions,
    /// QĐ 294-QĐ/TW point 9.3.2 as one secondary source quotes it: only members temporarily
    /// transferred elsewhere and exempted members not present are left out; excused absentees
    /// are still counted.
    Qd294AsQuoted,
    /// Every official member of the cell is counted.
    AllOfficial,
}

impl CountingReading {
    /// All readings, default first.
    pub const ALL: [CountingReading; 4] = [
        CountingReading::Qd24Exclusions,
        CountingReading::FullExclusions,
        CountingReading::Qd294AsQuoted,
        CountingReading::AllOfficial,
    ];

    /// Stable identifier used in records, settings and the CLI: `qd24-exclusions`,
    /// `full-exclusions`, `qd294-as-quoted` or `all-official`. The strings are signed: never
    /// change one or what it means.
    pub fn code(self) -> &'static str {
        match self {
            CountingReading::Qd24Exclusions => "qd24-exclusions",
            CountingReading::FullExclusions => "full-exclusions",
            CountingReading::Qd294AsQuoted => "qd294-as-quoted",
            CountingReading::AllOfficial => "all-official",
        }
    }

    /// Parses [`CountingReading::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// One vote taken at a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vote {
    /// What was voted on, e.g. "Thông qua Nghị quyết tháng 3/2026".
    pub subject: String,
    /// Kind, which fixes the threshold.
    pub kind: VoteKind,
    /// How it was taken.
    pub method: VoteMethod,
    /// Tán thành / đồng ý.
    pub yes: u32,
    /// Không tán thành / không đồng ý.
    pub no: u32,
    /// Ý kiến khác / abstentions.
    pub abstain: u32,
    /// Time of the vote (local time of the meeting).
    pub at: Time,
    /// The counting reading chosen for this vote; `None` = the cell's default.
    pub reading: Option<CountingReading>,
}

/// Why an official member is left out of a vote's denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    /// Temporarily transferred to another body.
    AwayTemporarily,
    /// Exempted and not present at the vote.
    ExemptedAbsent,
    /// Suspended, prosecuted or detained.
    Suspended,
    /// Absent for the whole meeting with an accepted reason.
    AbsentExcused,
    /// Left before the vote with the chair's leave (only under
    /// [`CountingReading::FullExclusions`]).
    LeftBeforeVote,
    /// Not summoned to this meeting (recorded as not required to attend).
    NotSummoned,
}

impl Exclusion {
    /// Every exclusion, in code order.
    pub const ALL: [Exclusion; 6] = [
        Exclusion::AwayTemporarily,
        Exclusion::ExemptedAbsent,
        Exclusion::Suspended,
        Exclusion::AbsentExcused,
        Exclusion::LeftBeforeVote,
        Exclusion::NotSummoned,
    ];

    /// Stable identifier used in records: `away-temporarily`, `exempted-absent`, `suspended`,
    /// `absent-excused`, `left-before-vote` or `not-summoned`. The strings are signed: never
    /// change one.
    pub fn code(self) -> &'static str {
        match self {
            Exclusion::AwayTemporarily => "away-temporarily",
            Exclusion::ExemptedAbsent => "exempted-absent",
            Exclusion::Suspended => "suspended",
            Exclusion::AbsentExcused => "absent-excused",
            Exclusion::LeftBeforeVote => "left-before-vote",
            Exclusion::NotSummoned => "not-summoned",
        }
    }

    /// Parses [`Exclusion::code`]; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.code() == code)
    }
}

/// The derived result of a vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteTally {
    /// The reading applied.
    pub reading: CountingReading,
    /// Official members counted in the denominator.
    pub eligible: u32,
    /// Eligible members in the room at the time of the vote.
    pub present_eligible: u32,
    /// Counts as entered.
    pub yes: u32,
    /// Counts as entered.
    pub no: u32,
    /// Counts as entered.
    pub abstain: u32,
    /// Threshold from the kind.
    pub threshold: Threshold,
    /// Yes votes needed to pass.
    pub minimum_yes: u32,
    /// yes / eligible.
    pub yes_ratio: Ratio,
    /// Derived outcome.
    pub passed: bool,
    /// Official members left out, and why.
    pub excluded: Vec<(MemberId, Exclusion)>,
}

/// Counts that cannot be right.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VoteError {
    /// More votes than eligible members present.
    #[error("{counted} votes counted but only {present} voting members were present at {at}")]
    MoreVotesThanPresent {
        /// yes + no + abstain (or ballots issued).
        counted: u32,
        /// Eligible members present.
        present: u32,
        /// Vote time, HH:MM.
        at: String,
    },
    /// Ballot counts inconsistent (returned > issued, valid > returned, yes + no + abstain > valid).
    #[error("ballot counts do not add up: {0}")]
    BallotInconsistent(String),
    /// Nobody eligible.
    #[error("no official member is eligible to vote under this reading")]
    NoEligibleMembers,
    /// The vote says nothing of what was voted on (a vote added and not filled in yet).
    #[error("the subject of the vote is empty")]
    NoSubject,
}

/// Tallies `vote` for a meeting held on `date` with this roster and attendance.
///
/// Denominator: official members of the cell on `date` (members attached temporarily from
/// another cell and probationary members are never counted — Điều lệ Đảng Điều 3; addendum §3
/// C5), less the exclusions of the reading (see [`CountingReading`]).
///
/// # Errors
/// [`VoteError`] when the counts exceed who was there or ballots do not add up.
pub fn tally(
    vote: &Vote,
    roster: &[Member],
    attendance: &[Attendance],
    date: Date,
    default_reading: CountingReading,
) -> Result<VoteTally, VoteError> {
    if vote.subject.trim().is_empty() {
        return Err(VoteError::NoSubject);
    }
    let reading = vote.reading.unwrap_or(default_reading);
    let mut eligible = 0u32;
    let mut present_eligible = 0u32;
    let mut excluded = Vec::new();
    for m in roster.iter().filter(|m| {
        m.is_on_roster_on(date)
            && !m.is_attached_temporarily_on(date)
            && m.category == MemberCategory::Official
    }) {
        let entry = attendance.iter().find(|a| a.member == m.id);
        let here = entry.is_some_and(|a| a.is_present_at(vote.at));
        if here && !m.suspended && !m.is_away_temporarily_on(date) {
            present_eligible += 1;
        }
        match exclusion(reading, m, entry, here, date, vote.at) {
            Some(why) => excluded.push((m.id, why)),
            None => eligible += 1,
        }
    }
    let counted = vote.yes + vote.no + vote.abstain;
    let at = format!("{:02}:{:02}", vote.at.hour(), vote.at.minute());
    if let VoteMethod::SecretBallot {
        issued,
        returned,
        valid,
    } = vote.method
    {
        if issued > present_eligible {
            return Err(VoteError::MoreVotesThanPresent {
                counted: issued,
                present: present_eligible,
                at,
            });
        }
        if returned > issued {
            return Err(VoteError::BallotInconsistent(format!(
                "{returned} returned of {issued} issued"
            )));
        }
        if valid > returned {
            return Err(VoteError::BallotInconsistent(format!(
                "{valid} valid of {returned} returned"
            )));
        }
        if counted > valid {
            return Err(VoteError::BallotInconsistent(format!(
                "{counted} votes on {valid} valid ballots"
            )));
        }
    } else if counted > present_eligible {
        return Err(VoteError::MoreVotesThanPresent {
            counted,
            present: present_eligible,
            at,
        });
    }
    if eligible == 0 {
        return Err(VoteError::NoEligibleMembers);
    }
    let threshold = vote.kind.threshold();
    Ok(VoteTally {
        reading,
        eligible,
        present_eligible,
        yes: vote.yes,
        no: vote.no,
        abstain: vote.abstain,
        threshold,
        minimum_yes: threshold.minimum_yes(eligible),
        yes_ratio: Ratio::new(vote.yes, eligible),
        passed: threshold.is_met(vote.yes, eligible),
        excluded,
    })
}

fn exclusion(
    reading: CountingReading,
    m: &Member,
    entry: Option<&Attendance>,
    here: bool,
    date: Date,
    at: Time,
) -> Option<Exclusion> {
    if reading == CountingReading::AllOfficial {
        return None;
    }
    if m.is_away_temporarily_on(date) && !here {
        return Some(Exclusion::AwayTemporarily);
    }
    let presence = entry.map(|a| &a.presence);
    if !here && (m.is_exempted_on(date) || presence == Some(&Presence::Exempted)) {
        return Some(Exclusion::ExemptedAbsent);
    }
    if matches!(presence, Some(Presence::NotRequired { .. })) {
        return Some(Exclusion::NotSummoned);
    }
    if reading == CountingReading::Qd294AsQuoted {
        return None;
    }
    if m.suspended {
        return Some(Exclusion::Suspended);
    }
    match entry {
        Some(a) if matches!(a.presence, Presence::AbsentExcused { .. }) => {
            Some(Exclusion::AbsentExcused)
        }
        Some(a)
            if reading == CountingReading::FullExclusions
                && a.presence == Presence::Present
                && a.left_at.is_some_and(|l| l <= at) =>
        {
            Some(Exclusion::LeftBeforeVote)
        }
        _ => None,
    }
}

#[cfg(test)]
mod code_tests {
    use super::*;
    use crate::code_tests::assert_codes;

    #[test]
    fn vote_kind_codes_round_trip() {
        assert_codes(
            &VoteKind::ALL,
            VoteKind::code,
            VoteKind::from_code,
            &[
                "resolution",
                "admission",
                "recognition",
                "discipline",
                "expulsion",
                "election",
                "other",
            ],
        );
    }

    #[test]
    fn vote_method_codes_round_trip() {
        let all = [
            VoteMethod::ShowOfHands,
            VoteMethod::ShowOfPartyCards,
            VoteMethod::SecretBallot {
                issued: 9,
                returned: 8,
                valid: 7,
            },
        ];
        for m in all {
            assert_eq!(VoteMethod::from_code(m.code(), m.ballots()), Some(m));
        }
        assert_eq!(all.map(VoteMethod::code), VoteMethod::CODES);
        assert_eq!(VoteMethod::from_code("secret-ballot", None), None);
        assert_eq!(
            VoteMethod::from_code("show-of-hands", Some([1, 1, 1])),
            None
        );
        assert_eq!(VoteMethod::from_code("hands", None), None);
    }

    #[test]
    fn threshold_codes_round_trip() {
        assert_codes(
            &Threshold::ALL,
            Threshold::code,
            Threshold::from_code,
            &["more-than-half", "at-least-two-thirds"],
        );
    }

    #[test]
    fn exclusion_codes_round_trip() {
        assert_codes(
            &Exclusion::ALL,
            Exclusion::code,
            Exclusion::from_code,
            &[
                "away-temporarily",
                "exempted-absent",
                "suspended",
                "absent-excused",
                "left-before-vote",
                "not-summoned",
            ],
        );
    }

    #[test]
    fn counting_reading_codes_round_trip() {
        assert_codes(
            &CountingReading::ALL,
            CountingReading::code,
            CountingReading::from_code,
            &[
                "qd24-exclusions",
                "full-exclusions",
                "qd294-as-quoted",
                "all-official",
            ],
        );
    }
}
