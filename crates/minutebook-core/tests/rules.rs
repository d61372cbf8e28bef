//! The counting rules on the March 2026 case of Chi bộ Tổ dân phố số 7
//! (`shared/cases/meeting-2026-03.md`) and at their boundaries.

use minutebook_core::attendance::Presence;
use minutebook_core::vote::{Exclusion, tally};
use minutebook_core::*;
use time::macros::{date, time};

const DAY: time::Date = date!(2026 - 03 - 05);

fn official(id: i64, name: &str) -> Member {
    Member::new(MemberId(id), name, MemberCategory::Official)
}

/// The 13-member roster with the March 2026 attendance.
fn case() -> (Vec<Member>, Vec<Attendance>) {
    let names = [
        "Nguyễn Văn Hùng",
        "Trần Thị Lan",
        "Lê Minh Tuấn",
        "Phạm Thu Hà",
        "Hoàng Văn Nam",
        "Đỗ Thị Mai",
        "Vũ Đức Thắng",
        "Bùi Thị Hồng",
        "Ngô Quang Vinh",
        "Đặng Văn Long",
        "Lý Thị Xuân",
    ];
    let mut roster: Vec<Member> = names
        .iter()
        .enumerate()
        .map(|(i, n)| official(i as i64 + 1, n))
        .collect();
    roster[10].exempted = true;
    roster.push(Member::new(
        MemberId(12),
        "Trịnh Minh Đức",
        MemberCategory::Probationary,
    ));
    roster.push(Member::new(
        MemberId(13),
        "Cao Thị Ngọc",
        MemberCategory::Probationary,
    ));
    let attendance = roster
        .iter()
        .map(|m| {
            let p = match m.id.0 {
                9 => Presence::AbsentExcused {
                    reason: "đi công tác".into(),
                },
                10 => Presence::AbsentUnexcused,
                11 => Presence::Exempted,
                _ => Presence::Present,
            };
            Attendance::new(m.id, p)
        })
        .collect();
    (roster, attendance)
}

fn vote(kind: VoteKind, yes: u32, no: u32, at: time::Time) -> Vote {
    Vote {
        subject: "x".into(),
        kind,
        method: VoteMethod::ShowOfHands,
        yes,
        no,
        abstain: 0,
        at,
        reading: None,
    }
}

#[test]
fn march_2026_attendance_figures() {
    let (roster, att) = case();
    let c = attendance::counts(&roster, &att, DAY, AttendanceBasis::default());
    assert_eq!(
        (c.roster_total, c.official, c.probationary, c.exempted),
        (13, 11, 2, 1)
    );
    assert_eq!(c.must_attend, 12);
    assert_eq!(
        (c.present, c.present_official, c.present_probationary),
        (10, 8, 2)
    );
    assert_eq!((c.absent_excused, c.absent_unexcused), (1, 1));
    assert_eq!(c.rate.percent_vn(), "83,33%");
}

#[test]
fn march_2026_votes_under_each_reading() {
    let (roster, att) = case();
    let resolution = vote(VoteKind::Resolution, 8, 0, time!(20:40));
    let admission = Vote {
        method: VoteMethod::SecretBallot {
            issued: 8,
            returned: 8,
            valid: 8,
        },
        ..vote(VoteKind::Admission, 7, 1, time!(20:55))
    };
    let expected = [
        (
            CountingReading::Qd24Exclusions,
            9,
            true,
            "88,89%",
            true,
            "77,78%",
        ),
        (
            CountingReading::FullExclusions,
            9,
            true,
            "88,89%",
            true,
            "77,78%",
        ),
        (CountingReading::Qd294AsQuoted, 10, true, "80%", true, "70%"),
        (
            CountingReading::AllOfficial,
            11,
            true,
            "72,73%",
            false,
            "63,64%",
        ),
    ];
    for (reading, eligible, res_pass, res_pct, adm_pass, adm_pct) in expected {
        let r = tally(&resolution, &roster, &att, DAY, reading).unwrap();
        assert_eq!(
            (r.eligible, r.passed, r.yes_ratio.percent_vn().as_str()),
            (eligible, res_pass, res_pct),
            "{reading:?}"
        );
        let a = tally(&admission, &roster, &att, DAY, reading).unwrap();
        assert_eq!(
            (a.eligible, a.passed, a.yes_ratio.percent_vn().as_str()),
            (eligible, adm_pass, adm_pct),
            "{reading:?}"
        );
        assert_eq!(a.threshold, Threshold::AtLeastTwoThirds);
        assert_eq!(a.present_eligible, 8, "probationary members never counted");
    }
    // The vote's own reading overrides the cell default, and is what the tally reports.
    let chosen = Vote {
        reading: Some(CountingReading::AllOfficial),
        ..admission.clone()
    };
    let t = tally(&chosen, &roster, &att, DAY, CountingReading::FullExclusions).unwrap();
    assert_eq!(
        (t.reading, t.eligible, t.passed),
        (CountingReading::AllOfficial, 11, false)
    );
    // Nobody left early in March: the default reading counts 9, as the case expects.
    assert_eq!(CountingReading::default(), CountingReading::Qd24Exclusions);
    let t = tally(&admission, &roster, &att, DAY, CountingReading::default()).unwrap();
    assert_eq!((t.eligible, t.passed), (9, true));
}

#[test]
fn exactly_half_fails_more_than_half() {
    assert!(!Threshold::MoreThanHalf.is_met(5, 10));
    assert!(Threshold::MoreThanHalf.is_met(6, 10));
    assert!(!Threshold::MoreThanHalf.is_met(4, 9));
    assert!(Threshold::MoreThanHalf.is_met(5, 9));
    assert_eq!(Threshold::MoreThanHalf.minimum_yes(10), 6);
    assert_eq!(Threshold::MoreThanHalf.minimum_yes(9), 5);
    // Through the whole tally: 10 official members all present, 5 yes.
    let roster: Vec<Member> = (1..=10)
        .map(|i| official(i, &format!("Đảng viên {i}")))
        .collect();
    let att: Vec<Attendance> = roster
        .iter()
        .map(|m| Attendance::new(m.id, Presence::Present))
        .collect();
    let t = tally(
        &vote(VoteKind::Resolution, 5, 5, time!(20:00)),
        &roster,
        &att,
        DAY,
        CountingReading::default(),
    )
    .unwrap();
    assert!(!t.passed);
}

#[test]
fn exactly_two_thirds_passes_at_least_two_thirds() {
    assert!(Threshold::AtLeastTwoThirds.is_met(6, 9));
    assert!(!Threshold::AtLeastTwoThirds.is_met(5, 9));
    assert!(Threshold::AtLeastTwoThirds.is_met(8, 12));
    assert!(!Threshold::AtLeastTwoThirds.is_met(7, 11));
    assert_eq!(Threshold::AtLeastTwoThirds.minimum_yes(9), 6);
    assert_eq!(Threshold::AtLeastTwoThirds.minimum_yes(10), 7);
    let roster: Vec<Member> = (1..=9)
        .map(|i| official(i, &format!("Đảng viên {i}")))
        .collect();
    let att: Vec<Attendance> = roster
        .iter()
        .map(|m| Attendance::new(m.id, Presence::Present))
        .collect();
    let t = tally(
        &vote(VoteKind::Admission, 6, 3, time!(20:00)),
        &roster,
        &att,
        DAY,
        CountingReading::default(),
    )
    .unwrap();
    assert!(t.passed);
}

#[test]
fn a_member_who_left_before_a_vote_stays_in_its_denominator_by_default() {
    let (roster, mut att) = case();
    // Bùi Thị Hồng leaves at 20:45, between the two votes. She attended, so she was not absent
    // for the whole session (point 9.3.2): the default reading keeps her in the denominator.
    att[7].left_at = Some(time!(20:45));
    att[7].left_reason = Some("việc gia đình".into());
    let before = tally(
        &vote(VoteKind::Resolution, 8, 0, time!(20:40)),
        &roster,
        &att,
        DAY,
        CountingReading::default(),
    )
    .unwrap();
    assert_eq!((before.eligible, before.present_eligible), (9, 8));
    let after = vote(VoteKind::Admission, 7, 0, time!(20:55));
    let t = tally(&after, &roster, &att, DAY, CountingReading::default()).unwrap();
    assert_eq!((t.eligible, t.present_eligible), (9, 7));
    assert!(!t.excluded.iter().any(|(id, _)| *id == MemberId(8)));
    // The whole-session excused absentee is still left out.
    assert!(
        t.excluded
            .contains(&(MemberId(9), Exclusion::AbsentExcused))
    );
    // The old default, kept as a named reading, leaves her out.
    let t = tally(&after, &roster, &att, DAY, CountingReading::FullExclusions).unwrap();
    assert_eq!((t.eligible, t.present_eligible), (8, 7));
    assert!(
        t.excluded
            .contains(&(MemberId(8), Exclusion::LeftBeforeVote))
    );
    // Leaving at exactly the vote's minute is leaving before it.
    let at_once = vote(VoteKind::Admission, 7, 0, time!(20:45));
    for (reading, eligible) in [
        (CountingReading::Qd24Exclusions, 9),
        (CountingReading::FullExclusions, 8),
    ] {
        let t = tally(&at_once, &roster, &att, DAY, reading).unwrap();
        assert_eq!(
            (t.eligible, t.present_eligible),
            (eligible, 7),
            "{reading:?}"
        );
    }
    // Eight votes with seven eligible members in the room is refused under every reading.
    let too_many = vote(VoteKind::Admission, 7, 1, time!(20:55));
    for reading in CountingReading::ALL {
        assert!(
            matches!(
                tally(&too_many, &roster, &att, DAY, reading),
                Err(vote::VoteError::MoreVotesThanPresent {
                    counted: 8,
                    present: 7,
                    ..
                })
            ),
            "{reading:?}"
        );
    }
}

#[test]
fn an_early_leaver_turns_an_expulsion_vote_depending_on_the_reading() {
    // Ngô Quang Vinh comes this time: 10 official members must be counted (11 less the exempted
    // Lý Thị Xuân, absent). Bùi Thị Hồng leaves at 20:45; the expulsion vote is at 20:55 with
    // the 8 official members still in the room: 6 for, 2 against.
    let (roster, mut att) = case();
    att[8].presence = Presence::Present;
    att[7].left_at = Some(time!(20:45));
    att[7].left_reason = Some("việc gia đình".into());
    let expulsion = vote(VoteKind::Discipline { expulsion: true }, 6, 2, time!(20:55));
    assert_eq!(expulsion.kind.threshold(), Threshold::AtLeastTwoThirds);
    // Default (QĐ 24 point 9.3.2 as written): she stays in; 6/10 = 60% < ⅔ — fails.
    let t = tally(&expulsion, &roster, &att, DAY, CountingReading::default()).unwrap();
    assert_eq!(
        (t.eligible, t.present_eligible, t.minimum_yes, t.passed),
        (10, 8, 7, false)
    );
    assert_eq!(t.yes_ratio.percent_vn(), "60%");
    // The old default leaves her out: 6/9 = exactly ⅔ — passes.
    let t = tally(
        &expulsion,
        &roster,
        &att,
        DAY,
        CountingReading::FullExclusions,
    )
    .unwrap();
    assert_eq!(
        (t.eligible, t.present_eligible, t.minimum_yes, t.passed),
        (9, 8, 6, true)
    );
    assert_eq!(t.yes_ratio.percent_vn(), "66,67%");
    // Had she stayed to vote for it, it would pass under the default too: 7/10.
    att[7].left_at = None;
    let stayed = vote(VoteKind::Discipline { expulsion: true }, 7, 2, time!(20:55));
    let t = tally(&stayed, &roster, &att, DAY, CountingReading::default()).unwrap();
    assert_eq!((t.eligible, t.passed), (10, true));
}

#[test]
fn a_whole_session_excused_absentee_is_left_out_but_not_under_the_narrower_readings() {
    let (roster, att) = case();
    let v = vote(VoteKind::Resolution, 8, 0, time!(20:40));
    for (reading, eligible, excused_out) in [
        (CountingReading::Qd24Exclusions, 9, true),
        (CountingReading::FullExclusions, 9, true),
        (CountingReading::Qd294AsQuoted, 10, false),
        (CountingReading::AllOfficial, 11, false),
    ] {
        let t = tally(&v, &roster, &att, DAY, reading).unwrap();
        assert_eq!(t.eligible, eligible, "{reading:?}");
        assert_eq!(
            t.excluded
                .contains(&(MemberId(9), Exclusion::AbsentExcused)),
            excused_out,
            "{reading:?}"
        );
    }
}

#[test]
fn an_exempted_member_who_attends_and_votes_is_counted() {
    let (roster, mut att) = case();
    att[10].presence = Presence::Present;
    // The attendance rate: present / (members − exempted), the exempted member counted apart
    // (cell-meetings.md §2); "phải dự" stays 12 whoever comes.
    let c = attendance::counts(&roster, &att, DAY, AttendanceBasis::MembersLessExempted);
    assert_eq!(
        (
            c.must_attend,
            c.present,
            c.present_exempted,
            c.rate.percent_vn()
        ),
        (12, 10, 1, "83,33%".to_owned())
    );
    // Records closed before 2026-12 counted her in both.
    let c = attendance::counts(&roster, &att, DAY, AttendanceBasis::ExemptedWhoAttendCount);
    assert_eq!((c.must_attend, c.present, c.present_exempted), (13, 11, 0));
    // The vote is another rule (9.3.2): an exempted member who attends and votes counts.
    let t = tally(
        &vote(VoteKind::Resolution, 9, 0, time!(20:40)),
        &roster,
        &att,
        DAY,
        CountingReading::default(),
    )
    .unwrap();
    assert_eq!((t.eligible, t.present_eligible), (10, 9));
    assert!(t.passed);
}

#[test]
fn a_late_arrival_is_not_in_the_room_for_an_earlier_vote() {
    let (roster, mut att) = case();
    att[6].arrived_at = Some(time!(20:50));
    let t = tally(
        &vote(VoteKind::Resolution, 7, 0, time!(20:40)),
        &roster,
        &att,
        DAY,
        CountingReading::default(),
    )
    .unwrap();
    assert_eq!((t.eligible, t.present_eligible), (9, 7));
    assert!(
        tally(
            &vote(VoteKind::Resolution, 8, 0, time!(20:40)),
            &roster,
            &att,
            DAY,
            CountingReading::default()
        )
        .is_err()
    );
}

#[test]
fn ballots_must_add_up() {
    let (roster, att) = case();
    let bad = |issued, returned, valid, yes, no| Vote {
        method: VoteMethod::SecretBallot {
            issued,
            returned,
            valid,
        },
        ..vote(VoteKind::Admission, yes, no, time!(20:55))
    };
    assert!(
        tally(
            &bad(9, 8, 8, 7, 1),
            &roster,
            &att,
            DAY,
            CountingReading::default()
        )
        .is_err(),
        "9 issued, 8 present"
    );
    assert!(
        tally(
            &bad(8, 9, 8, 7, 1),
            &roster,
            &att,
            DAY,
            CountingReading::default()
        )
        .is_err()
    );
    assert!(
        tally(
            &bad(8, 8, 9, 7, 1),
            &roster,
            &att,
            DAY,
            CountingReading::default()
        )
        .is_err()
    );
    assert!(
        tally(
            &bad(8, 8, 7, 7, 1),
            &roster,
            &att,
            DAY,
            CountingReading::default()
        )
        .is_err()
    );
    assert!(
        tally(
            &bad(8, 8, 8, 7, 1),
            &roster,
            &att,
            DAY,
            CountingReading::default()
        )
        .is_ok()
    );
}

#[test]
fn probationary_and_temporarily_attached_members_never_count() {
    let (mut roster, mut att) = case();
    let mut guest_member = official(14, "Phan Văn Khách");
    guest_member.transfer_in = Some(Transfer {
        date: date!(2026 - 01 - 10),
        kind: TransferKind::Temporary,
        other_body: "Chi bộ Tổ dân phố số 3".into(),
    });
    roster.push(guest_member);
    att.push(Attendance::new(MemberId(14), Presence::Present));
    let c = attendance::counts(&roster, &att, DAY, AttendanceBasis::default());
    assert_eq!(
        (
            c.roster_total,
            c.attached_temporarily,
            c.present,
            c.must_attend
        ),
        (13, 1, 10, 12)
    );
    let t = tally(
        &vote(VoteKind::Resolution, 8, 0, time!(20:40)),
        &roster,
        &att,
        DAY,
        CountingReading::default(),
    )
    .unwrap();
    assert_eq!((t.eligible, t.present_eligible), (9, 8));
}

#[test]
fn open_action_items_are_carried_forward() {
    let item = |task: &str, status| ActionItem {
        owner: MemberId(5),
        task: task.into(),
        deadline: None,
        report_back: String::new(),
        status,
    };
    let prev = vec![
        item("a", ActionStatus::Open),
        item("b", ActionStatus::Done),
        item("c", ActionStatus::Open),
    ];
    let carried = action::carried_forward(&prev);
    assert_eq!(
        carried.iter().map(|a| a.task.as_str()).collect::<Vec<_>>(),
        ["a", "c"]
    );
}

#[test]
fn a_regular_meeting_starts_from_the_official_order_of_business() {
    let m = Meeting::new(
        meeting::MeetingId(1),
        MeetingKind::Regular,
        DAY,
        "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026",
        "Nhà văn hóa",
    );
    assert_eq!(m.agenda.len(), 7);
    assert!(m.agenda[0].title.starts_with("Mở đầu"));
    assert!(m.agenda.iter().any(|a| a.reviews_previous_resolution));
    assert_eq!(
        m.agenda
            .iter()
            .filter_map(|a| a.planned_minutes)
            .map(u32::from)
            .sum::<u32>(),
        105
    );
    assert_eq!(m.status, MeetingStatus::Draft);
}

#[test]
fn a_vote_with_no_subject_is_not_counted_and_says_why() {
    let (roster, att) = case();
    let mut v = vote(VoteKind::Resolution, 8, 0, time!(20:40));
    v.subject = " ".into();
    assert!(matches!(
        tally(&v, &roster, &att, DAY, CountingReading::default()),
        Err(vote::VoteError::NoSubject)
    ));
}

/// Issue 15: the resolution is drafted from what the meeting holds — the review item's
/// conclusion and the tasks still open from last time (I), each other item's conclusion (II),
/// each task with owner, deadline and report-back (III) — and nothing else.
#[test]
fn a_resolution_is_drafted_from_conclusions_and_tasks_only() {
    let (roster, _) = case();
    let mut m = Meeting::new(
        meeting::MeetingId(1),
        MeetingKind::Regular,
        DAY,
        "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026",
        "Nhà văn hóa",
    );
    let review = m
        .agenda
        .iter()
        .position(|a| a.reviews_previous_resolution)
        .unwrap();
    m.agenda[review].conclusion = "4/5 nhiệm vụ hoàn thành.".into();
    m.agenda[0].conclusion = "Chi bộ thống nhất chương trình.".into();
    m.action_items.push(ActionItem {
        owner: MemberId(5),
        task: "Vận động hộ phân loại rác".into(),
        deadline: Some(date!(2026 - 03 - 31)),
        report_back: "kỳ sinh hoạt tháng 4".into(),
        status: ActionStatus::Open,
    });
    let previous = [ActionItem {
        owner: MemberId(2),
        task: "Thu đảng phí".into(),
        deadline: None,
        report_back: String::new(),
        status: ActionStatus::Open,
    }];
    let r = resolution::Resolution::draft(&m, &roster, &previous);
    assert_eq!(r.number, None);
    assert_eq!(
        r.review,
        "4/5 nhiệm vụ hoàn thành.\n- Chưa hoàn thành: Thu đảng phí (đ/c Trần Thị Lan)."
    );
    assert_eq!(
        r.directions,
        format!("- {}: Chi bộ thống nhất chương trình.", m.agenda[0].title)
    );
    assert_eq!(
        r.assignments,
        "- Đ/c Hoàng Văn Nam: Vận động hộ phân loại rác; hoàn thành trước ngày 31/3/2026; báo cáo: kỳ sinh hoạt tháng 4."
    );
    // Items without a conclusion give no line; an empty meeting drafts a blank resolution.
    let empty = Meeting::new(meeting::MeetingId(2), MeetingKind::Regular, DAY, "", "");
    assert!(resolution::Resolution::draft(&empty, &roster, &[]).is_blank());
}
