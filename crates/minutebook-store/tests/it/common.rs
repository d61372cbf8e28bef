//! Shared test helpers: a fixed clock, temp stores, and the March 2026 case.

use std::path::Path;
use std::sync::Arc;

use minutebook_core::meeting::MeetingId;
use minutebook_core::{
    ActionItem, ActionStatus, AgendaItem, Attendance, Cell, CellSettings, Gender, Guest, Meeting,
    MeetingKind, MeetingStatus, Member, MemberCategory, MemberId, Post, Presence, Speaker, Speech,
    Vote, VoteKind, VoteMethod,
};
use minutebook_store::{FixedClock, OpenOptions, SCHEMA_VERSION, Store};
use time::macros::{date, datetime, time};
use time::{Date, Duration};

/// Options with a clock starting 2026-03-05 12:00 UTC and advancing a second per reading.
pub fn options() -> OpenOptions {
    OpenOptions {
        clock: Arc::new(FixedClock::stepping(
            datetime!(2026-03-05 12:00 UTC),
            Duration::seconds(1),
        )),
        actor: "test".to_owned(),
        backups_to_keep: None,
    }
}

pub fn open(path: &Path) -> Store {
    let store = Store::open_with(path, options()).expect("open the store");
    assert_pragmas(&store);
    store
}

pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// The settings every connection of the store must have.
pub fn assert_pragmas(store: &Store) {
    let p = store.pragmas().expect("pragmas");
    assert_eq!(p.journal_mode, "wal", "{p:?}");
    assert_eq!(p.synchronous, 2, "synchronous=FULL: {p:?}");
    assert!(p.foreign_keys, "{p:?}");
    assert_eq!(p.busy_timeout_ms, 5000, "{p:?}");
    assert!(!p.trusted_schema, "{p:?}");
    assert_eq!(p.user_version, SCHEMA_VERSION, "{p:?}");
}

pub fn cell() -> Cell {
    Cell {
        name: "Chi bộ Tổ dân phố số 7".to_owned(),
        upper_committee: "Đảng bộ phường Thanh Bình".to_owned(),
        place: "Hà Nội".to_owned(),
        document_code: "CB".to_owned(),
        settings: CellSettings::default(),
    }
}

fn d(s: &str) -> Date {
    Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).unwrap()
}

/// The 13 members of `shared/cases/roster-to-dan-pho-7.csv`, read from the file (plain
/// comma-separated UTF-8 without quoting).
pub fn roster() -> Vec<Member> {
    let path = shared().join("cases/roster-to-dan-pho-7.csv");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let opt_date = |s: &str| (!s.is_empty()).then(|| d(s));
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            assert_eq!(f.len(), 9, "{line}");
            let category = match f[3] {
                "chính thức" => MemberCategory::Official,
                "dự bị" => MemberCategory::Probationary,
                other => panic!("category {other:?}"),
            };
            let mut m = Member::new(MemberId(0), f[0], category);
            m.birth_date = opt_date(f[1]);
            m.gender = Some(if f[2] == "Nam" {
                Gender::Male
            } else {
                Gender::Female
            });
            m.posts = match f[4] {
                "" => vec![],
                "Bí thư" => vec![Post::CellSecretary],
                "Phó Bí thư" => vec![Post::DeputyCellSecretary],
                "Chi ủy viên" => vec![Post::CommitteeMember],
                other => vec![Post::Other(other.to_owned())],
            };
            m.party_card_number = (!f[5].is_empty()).then(|| f[5].to_owned());
            m.admitted_on = opt_date(f[6]);
            m.official_on = opt_date(f[7]);
            m.exempted = f[8] == "có";
            m
        })
        .collect()
}

/// The shared folder beside the repository.
pub fn shared() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn item(title: &str, presenter: Option<Speaker>, minutes: u16, presentation: &str) -> AgendaItem {
    AgendaItem {
        presenter,
        planned_minutes: Some(minutes),
        presentation: presentation.to_owned(),
        ..AgendaItem::titled(title)
    }
}

/// The regular meeting of March 2026 (`shared/cases/meeting-2026-03.md`), for a roster stored
/// with ids `ids` (in the order of [`roster`]).
pub fn march_meeting(ids: &[MemberId]) -> Meeting {
    let m = |i: usize| ids[i - 1];
    let sp = |i: usize| Some(Speaker::Member(m(i)));
    let mut meeting = Meeting::new(
        MeetingId(0),
        MeetingKind::Regular,
        date!(2026 - 03 - 05),
        "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026",
        "Nhà văn hóa tổ dân phố số 7",
    );
    meeting.number = Some(3);
    meeting.planned_start = Some(time!(19:30));
    meeting.planned_end = Some(time!(21:15));
    meeting.actual_start = Some(time!(19:30));
    meeting.actual_end = Some(time!(21:15));
    meeting.chair = Some(m(1));
    meeting.minute_taker = Some(m(4));
    meeting.status = MeetingStatus::InSession;
    meeting.guests = vec![Guest {
        name: "Mai Văn Sơn".to_owned(),
        post: "Đảng ủy viên phường phụ trách chi bộ".to_owned(),
    }];
    let mut review = item(
        "Đánh giá thực hiện Nghị quyết tháng 02/2026",
        sp(1),
        25,
        "4/5 nhiệm vụ hoàn thành; chưa xong: vận động hộ phân loại rác tại nguồn (đạt 72%, chỉ tiêu 90%).",
    );
    review.reviews_previous_resolution = true;
    review.speeches = vec![
        Speech {
            speaker: Speaker::Member(m(5)),
            gist: "Đề nghị chia tổ vận động theo ngõ.".to_owned(),
        },
        Speech {
            speaker: Speaker::Member(m(6)),
            gist: "Nêu khó khăn ở dãy nhà thuê trọ.".to_owned(),
        },
        Speech {
            speaker: Speaker::Member(m(12)),
            gist: "Đề xuất nhắc qua nhóm Zalo tổ dân phố.".to_owned(),
        },
    ];
    review.conclusion =
        "Đ/c Bí thư phê bình đ/c Đặng Văn Long vắng không lý do và chậm nộp đảng phí.".to_owned();
    let mut plan = item(
        "Phương hướng, nhiệm vụ tháng 3/2026",
        sp(1),
        35,
        "Dự thảo Nghị quyết tháng 3/2026.",
    );
    plan.speeches = vec![Speech {
        speaker: Speaker::Guest("Mai Văn Sơn".to_owned()),
        gist: "Phát biểu chỉ đạo.".to_owned(),
    }];
    plan.conclusion = "Chi bộ biểu quyết thông qua Nghị quyết tháng 3/2026.".to_owned();
    let mut admission = item(
        "Xét đề nghị kết nạp quần chúng Nguyễn Thị Thu Trang",
        sp(2),
        20,
        "Người giới thiệu: đ/c Đỗ Thị Mai, đ/c Bùi Thị Hồng.",
    );
    admission.conclusion = "Chi bộ đề nghị Đảng ủy phường xem xét, quyết định kết nạp.".to_owned();
    meeting.agenda = vec![
        item(
            "Mở đầu: tuyên bố lý do, giới thiệu đại biểu, cử thư ký, báo cáo tình hình đảng viên dự họp và đảng phí, thông qua chương trình",
            sp(1),
            10,
            "Tháng 02/2026: còn 01 đồng chí chưa nộp đảng phí là đ/c Đặng Văn Long.",
        ),
        item(
            "Thông tin thời sự, quán triệt Quy định số 01-QĐ/TW, ngày 03/02/2026 của Bộ Chính trị về chế độ đảng phí",
            sp(2),
            15,
            "",
        ),
        review,
        plan,
        admission,
        item("Phân công nhiệm vụ", sp(1), 10, ""),
        item(
            "Tự đánh giá chất lượng kỳ sinh hoạt; thông qua biên bản",
            sp(4),
            5,
            "86/100 điểm, loại Khá. Thư ký đọc biên bản; chi bộ nhất trí thông qua.",
        ),
    ];
    meeting.attendance = (1..=13)
        .map(|i| {
            let presence = match i {
                9 => Presence::AbsentExcused {
                    reason: "đi công tác".to_owned(),
                },
                10 => Presence::AbsentUnexcused,
                11 => Presence::Exempted,
                _ => Presence::Present,
            };
            Attendance::new(m(i), presence)
        })
        .collect();
    meeting.votes = vec![
        Vote {
            subject: "Thông qua Nghị quyết tháng 3/2026".to_owned(),
            kind: VoteKind::Resolution,
            method: VoteMethod::ShowOfHands,
            yes: 8,
            no: 0,
            abstain: 0,
            at: time!(20:40),
            reading: None,
        },
        Vote {
            subject: "Đề nghị kết nạp quần chúng Nguyễn Thị Thu Trang".to_owned(),
            kind: VoteKind::Admission,
            method: VoteMethod::SecretBallot {
                issued: 8,
                returned: 8,
                valid: 8,
            },
            yes: 7,
            no: 1,
            abstain: 0,
            at: time!(20:55),
            reading: None,
        },
    ];
    meeting.action_items = vec![
        ActionItem {
            owner: m(5),
            task: "Chủ trì vận động phân loại rác, đạt 90% hộ".to_owned(),
            deadline: Some(date!(2026 - 03 - 31)),
            report_back: "kỳ sinh hoạt tháng 4".to_owned(),
            status: ActionStatus::Open,
        },
        ActionItem {
            owner: m(4),
            task: "Hướng dẫn đảng viên nộp đảng phí trên Cổng Dịch vụ công quốc gia".to_owned(),
            deadline: Some(date!(2026 - 03 - 20)),
            report_back: String::new(),
            status: ActionStatus::Open,
        },
        ActionItem {
            owner: m(2),
            task: "Hoàn thiện hồ sơ kết nạp, gửi Đảng ủy phường".to_owned(),
            deadline: Some(date!(2026 - 03 - 12)),
            report_back: String::new(),
            status: ActionStatus::Open,
        },
    ];
    meeting
}

/// A store at `dir/minutebook.db` with the cell, the roster and the March meeting.
pub fn populated(dir: &Path) -> (Store, Vec<MemberId>, MeetingId) {
    let mut store = open(&dir.join("minutebook.db"));
    store.set_cell(&cell()).unwrap();
    let ids = store.import_members(&roster()).unwrap();
    let id = store.create_meeting(&march_meeting(&ids)).unwrap();
    (store, ids, id)
}

/// The cases of `shared/cases/hostile-text.txt`, with `\n`, `\r` and `\t` written as two
/// characters decoded.
pub fn hostile_cases() -> Vec<String> {
    let path = shared().join("cases/hostile-text.txt");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.replace("\\n", "\n")
                .replace("\\r", "\r")
                .replace("\\t", "\t")
        })
        .collect()
}
