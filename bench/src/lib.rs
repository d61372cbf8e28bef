//! # minutebook-bench
//!
//! A deterministic generator of realistic minute books (Vietnamese cell meetings over many
//! years, members transferring in and out, votes, action items, closed and signed records)
//! and the helpers the measuring binaries share. `bench/run` drives it; see `bench/README`
//! in `bench/results.md`.

use std::path::Path;
use std::sync::Arc;

use ed25519_dalek::SigningKey;
use minutebook_api::{Book, CellInput};
use minutebook_core::meeting::MeetingId;
use minutebook_core::{
    ActionItem, ActionStatus, AgendaItem, Attendance, Gender, Guest, Meeting, MeetingKind,
    MeetingStatus, Member, MemberCategory, MemberId, Post, Presence, SignerRole, Speaker, Speech,
    Transfer, TransferKind, Vote, VoteKind, VoteMethod,
};
use minutebook_sign::keys::{Fingerprint, public_key_pem};
use minutebook_sign::record::{Record, Signer};
use minutebook_store::{FixedClock, OpenOptions, Store};
use time::macros::{datetime, time};
use time::{Date, Duration, Month, OffsetDateTime};

/// SplitMix64: small, fast, deterministic; good enough to pick phrases.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }
    /// True with probability `p` (0..=1).
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * 1.0 < p
    }
    /// One element of `xs`.
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next_u64() % xs.len() as u64) as usize]
    }
}

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
const MIDDLE_M: &[&str] = &["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân"];
const MIDDLE_F: &[&str] = &["Thị", "Thu", "Ngọc", "Thanh", "Kim", "Minh"];
const GIVEN_M: &[&str] = &[
    "Hùng", "Dũng", "Long", "Sơn", "Tuấn", "Nam", "Hải", "Đạt", "Thắng", "Phúc", "Khánh", "Bình",
];
const GIVEN_F: &[&str] = &[
    "Hương", "Lan", "Mai", "Hồng", "Trang", "Hà", "Thảo", "Linh", "Nga", "Yến", "Dung", "Huệ",
];
const TOPICS: &[&str] = &[
    "vận động hộ dân phân loại rác tại nguồn",
    "thu nộp đảng phí đúng quy định",
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "xây dựng khu dân cư văn hóa",
    "phòng, chống tội phạm và tệ nạn xã hội trên địa bàn",
    "chỉnh trang đô thị, giữ gìn trật tự lòng đường, vỉa hè",
    "chăm lo gia đình chính sách, hộ nghèo, hộ cận nghèo",
    "tuyên truyền Nghị quyết Đại hội Đảng bộ phường",
    "phát triển đảng viên mới trong quần chúng ưu tú",
    "phòng, chống dịch bệnh sốt xuất huyết",
    "vận động Quỹ Vì người nghèo và Quỹ Đền ơn đáp nghĩa",
    "sinh hoạt chuyên đề về nêu gương của cán bộ, đảng viên",
    "kiểm tra, giám sát việc thực hiện nhiệm vụ của đảng viên",
    "thực hiện dịch vụ công trực tuyến của phường",
];
const OPENERS: &[&str] = &[
    "Đồng chí Bí thư chi bộ báo cáo",
    "Chi ủy đánh giá",
    "Qua thảo luận, chi bộ thống nhất",
    "Đồng chí Phó Bí thư trình bày",
    "Chi bộ ghi nhận",
    "Các đồng chí đảng viên nêu ý kiến",
    "Đại diện Ban công tác Mặt trận thông tin",
    "Đồng chí Tổ trưởng tổ dân phố báo cáo",
];
const MIDDLES: &[&str] = &[
    "kết quả thực hiện nhiệm vụ tháng trước về",
    "những khó khăn, vướng mắc trong việc",
    "tình hình triển khai kế hoạch",
    "nguyên nhân của hạn chế trong công tác",
    "đề xuất giải pháp nâng cao hiệu quả",
    "sự phối hợp giữa chi bộ với các đoàn thể trong",
    "tinh thần trách nhiệm của đảng viên đối với",
];
const ENDINGS: &[&str] = &[
    "cơ bản hoàn thành chỉ tiêu đề ra.",
    "còn chậm so với kế hoạch, cần khắc phục trong tháng tới.",
    "được đa số hộ dân đồng tình, hưởng ứng.",
    "cần phân công cụ thể cho từng đảng viên phụ trách từng ngõ.",
    "đạt tỷ lệ trên 85%, tăng so với cùng kỳ năm trước.",
    "đề nghị Đảng ủy phường quan tâm chỉ đạo, hỗ trợ kinh phí.",
    "chi bộ tiếp tục theo dõi, báo cáo tại kỳ sinh hoạt sau.",
    "đảng viên gương mẫu thực hiện trước để nhân dân noi theo.",
];
const GISTS: &[&str] = &[
    "Nhất trí với báo cáo, đề nghị bổ sung số liệu cụ thể theo từng ngõ.",
    "Đề nghị chi bộ nhắc nhở đảng viên chậm nộp đảng phí.",
    "Nêu khó khăn ở dãy nhà thuê trọ, người dân ít tham gia họp tổ.",
    "Đề xuất thông báo qua nhóm Zalo tổ dân phố để kịp thời.",
    "Đề nghị phối hợp với Chi hội Phụ nữ vận động các hộ chưa thực hiện.",
    "Kiến nghị Đảng ủy phường sớm sửa chữa đường điện chiếu sáng ngõ 12.",
    "Đồng ý phân công, xin nhận phụ trách khu vực gần nhà văn hóa.",
    "Đề nghị biểu dương hộ gia đình thực hiện tốt phong trào.",
];
const PLACES: &[&str] = &[
    "Nhà văn hóa tổ dân phố",
    "Hội trường khu phố",
    "Nhà sinh hoạt cộng đồng",
];

fn sentence(rng: &mut Rng) -> String {
    format!(
        "{} {} {} {}",
        rng.pick(OPENERS),
        rng.pick(MIDDLES),
        rng.pick(TOPICS),
        rng.pick(ENDINGS)
    )
}

/// A paragraph of `n` sentences of cell-meeting Vietnamese.
pub fn paragraph(rng: &mut Rng, n: usize) -> String {
    (0..n).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ")
}

fn name(rng: &mut Rng) -> (String, Gender) {
    if rng.chance(0.5) {
        let n = format!(
            "{} {} {}",
            rng.pick(FAMILY),
            rng.pick(MIDDLE_M),
            rng.pick(GIVEN_M)
        );
        (n, Gender::Male)
    } else {
        let n = format!(
            "{} {} {}",
            rng.pick(FAMILY),
            rng.pick(MIDDLE_F),
            rng.pick(GIVEN_F)
        );
        (n, Gender::Female)
    }
}

fn day(y: i32, m: u8, d: u8) -> Date {
    Date::from_calendar_date(y, Month::try_from(m).unwrap_or(Month::January), d)
        .unwrap_or(Date::MIN)
}

/// The shape of a generated book.
#[derive(Clone, Debug)]
pub struct Plan {
    /// First year of meetings.
    pub first_year: i32,
    /// Years of meetings.
    pub years: u32,
    /// Meetings per year (one a month for 12).
    pub per_year: u32,
    /// Close (and sign) every meeting but the last `open_tail`.
    pub open_tail: u32,
    /// Sentences per presentation, range.
    pub presentation_sentences: (u64, u64),
}

impl Default for Plan {
    fn default() -> Plan {
        Plan {
            first_year: 2016,
            years: 10,
            per_year: 12,
            open_tail: 2,
            presentation_sentences: (3, 8),
        }
    }
}

/// The members: two officers who stay, plus members admitted or transferred in and out over
/// the years (about 25 on the roster at any time).
pub fn roster(rng: &mut Rng, plan: &Plan, cell: u32) -> Vec<Member> {
    let mut out = Vec::new();
    let total = rng.range(28, 40) as usize;
    let span = plan.years as i32;
    for i in 0..total {
        let (full_name, gender) = name(rng);
        let mut m = Member::new(MemberId(0), &full_name, MemberCategory::Official);
        m.gender = Some(gender);
        let birth_year = 1945 + rng.range(0, 55) as i32;
        m.birth_date = Some(day(
            birth_year,
            rng.range(1, 12) as u8,
            rng.range(1, 28) as u8,
        ));
        m.admitted_on = Some(day(birth_year + 22 + rng.range(0, 15) as i32, 3, 2));
        m.party_card_number = Some(format!("{:02}.{:06}", cell % 100, i * 37 + 1000));
        match i {
            0 => m.posts = vec![Post::CellSecretary],
            1 => m.posts = vec![Post::DeputyCellSecretary],
            2 => m.posts = vec![Post::CommitteeMember],
            _ => {}
        }
        if i >= 3 && rng.chance(0.35) {
            m.transfer_in = Some(Transfer {
                date: day(
                    plan.first_year + rng.range(0, span as u64 - 1) as i32,
                    rng.range(1, 12) as u8,
                    15,
                ),
                kind: TransferKind::Official,
                other_body: "Chi bộ Khu phố 3, Đảng bộ phường Tân Định".to_owned(),
            });
        }
        if i >= 3 && rng.chance(0.3) {
            let after = m
                .transfer_in
                .as_ref()
                .map_or(plan.first_year, |t| t.date.year() + 1);
            let y = after + rng.range(0, 3) as i32;
            m.transfer_out = Some(Transfer {
                date: day(y, rng.range(1, 12) as u8, 20),
                kind: if rng.chance(0.8) {
                    TransferKind::Official
                } else {
                    TransferKind::Temporary
                },
                other_body: "Đảng bộ phường Bến Thành".to_owned(),
            });
        }
        if birth_year < 1956 && rng.chance(0.5) {
            m.exempted = true;
        }
        out.push(m);
    }
    out
}

/// One meeting of the cell, on `date`, with realistic length.
pub fn meeting(rng: &mut Rng, plan: &Plan, roster: &[Member], date: Date, n: u32) -> Meeting {
    let month = date.month() as u8;
    let kind = if month == 12 {
        MeetingKind::AnnualReview
    } else if n % 3 == 2 {
        MeetingKind::Thematic
    } else {
        MeetingKind::Regular
    };
    let subject = format!(
        "Sinh hoạt chi bộ {} tháng {:02} năm {}",
        if kind == MeetingKind::Thematic {
            "chuyên đề"
        } else {
            "thường kỳ"
        },
        month,
        date.year()
    );
    let place = format!("{} số {}", rng.pick(PLACES), rng.range(1, 12));
    let mut m = Meeting::new(MeetingId(0), kind, date, &subject, &place);
    m.number = Some(u32::from(month));
    m.planned_start = Some(time!(19:30));
    m.planned_end = Some(time!(21:30));
    m.actual_start = Some(time!(19:30));
    m.actual_end = Some(time!(21:20));
    let on: Vec<&Member> = roster.iter().filter(|r| r.is_on_roster_on(date)).collect();
    m.chair = Some(roster[0].id);
    m.minute_taker = Some(roster[1].id);
    m.status = MeetingStatus::InSession;
    m.guests = vec![Guest {
        name: "Mai Văn Sơn".to_owned(),
        post: "Đảng ủy viên phường phụ trách chi bộ".to_owned(),
    }];
    let mut present = 0u32;
    m.attendance = on
        .iter()
        .map(|r| {
            let p = if r.is_exempted_on(date) {
                Presence::Exempted
            } else if r.id.0 <= roster[1].id.0 || rng.chance(0.88) {
                // Only members who may vote count towards a show of hands (core::vote::tally).
                if r.category == MemberCategory::Official
                    && !r.suspended
                    && !r.is_attached_temporarily_on(date)
                    && !r.is_away_temporarily_on(date)
                {
                    present += 1;
                }
                Presence::Present
            } else if rng.chance(0.7) {
                Presence::AbsentExcused {
                    reason: "đi công tác".to_owned(),
                }
            } else {
                Presence::AbsentUnexcused
            };
            Attendance::new(r.id, p)
        })
        .collect();
    let speaker = |rng: &mut Rng| {
        let r = &on[(rng.next_u64() % on.len() as u64) as usize];
        r.id
    };
    let topic_a = rng.pick(TOPICS);
    let topic_b = rng.pick(TOPICS);
    let titles = [
        "Mở đầu: tuyên bố lý do, giới thiệu đại biểu, thông qua chương trình".to_owned(),
        "Thông tin thời sự, quán triệt văn bản của cấp trên".to_owned(),
        format!(
            "Đánh giá thực hiện Nghị quyết tháng {:02}/{}",
            if month == 1 { 12 } else { month - 1 },
            date.year()
        ),
        format!("Chuyên đề: {topic_a}"),
        format!("Phương hướng, nhiệm vụ tháng {month:02}/{}", date.year()),
        "Phân công nhiệm vụ".to_owned(),
        "Tự đánh giá chất lượng kỳ sinh hoạt; thông qua biên bản".to_owned(),
    ];
    let (lo, hi) = plan.presentation_sentences;
    m.agenda = titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut a = AgendaItem::titled(t);
            a.presenter = Some(Speaker::Member(roster[i % 2].id));
            a.planned_minutes = Some(10 + (i as u16 % 3) * 10);
            a.presentation = {
                let n = rng.range(lo, hi) as usize;
                paragraph(rng, n)
            };
            a.reviews_previous_resolution = i == 2;
            if (2..=4).contains(&i) {
                let k = rng.range(2, 5);
                a.speeches = (0..k)
                    .map(|_| Speech {
                        speaker: Speaker::Member(speaker(rng)),
                        gist: format!("{} {}", rng.pick(GISTS), sentence(rng)),
                    })
                    .collect();
                a.conclusion = paragraph(rng, 2);
            }
            a
        })
        .collect();
    m.agenda[4].conclusion = format!(
        "Chi bộ biểu quyết thông qua Nghị quyết tháng {month:02}/{} về {topic_b}.",
        date.year()
    );
    m.votes = vec![Vote {
        subject: format!(
            "Thông qua Nghị quyết tháng {month:02}/{} về {topic_b}",
            date.year()
        ),
        kind: VoteKind::Resolution,
        method: VoteMethod::ShowOfHands,
        yes: present,
        no: 0,
        abstain: 0,
        at: time!(21:00),
        reading: None,
    }];
    let items = rng.range(2, 4);
    m.action_items = (0..items)
        .map(|_| ActionItem {
            owner: speaker(rng),
            task: format!("Phụ trách {}", rng.pick(TOPICS)),
            deadline: Some(date + Duration::days(25)),
            report_back: "kỳ sinh hoạt tháng sau".to_owned(),
            status: ActionStatus::Open,
        })
        .collect();
    m
}

/// A signing key derived from the seed, the cell and the role (deterministic).
pub fn key_for(seed: u64, cell: u32, role: u8) -> SigningKey {
    let mut rng = Rng::new(seed ^ (u64::from(cell) << 8) ^ u64::from(role) ^ 0x5eed);
    let mut b = [0u8; 32];
    for c in b.chunks_mut(8) {
        c.copy_from_slice(&rng.next_u64().to_le_bytes());
    }
    SigningKey::from_bytes(&b)
}

/// What one generated cell book holds.
#[derive(Clone, Debug, Default)]
pub struct CellSummary {
    /// Meetings stored.
    pub meetings: usize,
    /// Meetings closed and signed by chair and minute-taker.
    pub signed: usize,
    /// Members ever on the roster.
    pub members: usize,
}

/// Writes one cell's book at `path` (must not exist): the cell, its roster with transfers,
/// `years × per_year` meetings; every meeting but the last `open_tail` closed and signed
/// (chair and minute-taker) with deterministic keys pinned by their public half, signing
/// with ed25519 directly (no passphrase unlock per signature).
///
/// # Errors
/// Any API error, as text.
pub fn generate_cell(
    path: &Path,
    seed: u64,
    cell: u32,
    plan: &Plan,
) -> Result<CellSummary, String> {
    let e = |e: minutebook_api::ApiError| e.to_string();
    let clock = Arc::new(FixedClock::at(datetime!(2026-04-01 08:00 +07:00)));
    let mut book = Book::open_with_clock(path, clock.clone()).map_err(e)?;
    let mut store = generator_store(path, clock)?;
    let mut rng = Rng::new(seed.wrapping_mul(0x1000_0001).wrapping_add(u64::from(cell)));
    book.create_cell(&CellInput {
        name: format!("Chi bộ Khu phố {}", cell + 1),
        upper_committee: "Đảng ủy phường Tân Định".to_owned(),
        place: "Phường Tân Định".to_owned(),
        document_code: "CB".to_owned(),
    })
    .map_err(e)?;
    let members = roster(&mut rng, plan, cell);
    let ids = store.import_members(&members).map_err(|x| x.to_string())?;
    let mut roster = members;
    for (m, id) in roster.iter_mut().zip(&ids) {
        m.id = *id;
    }
    let keys = [key_for(seed, cell, 0), key_for(seed, cell, 1)];
    for (k, id) in keys.iter().zip(&ids) {
        let vk = k.verifying_key();
        store
            .put_key(
                *id,
                None,
                Fingerprint::of(&vk).as_hex(),
                &public_key_pem(&vk),
            )
            .map_err(|x| x.to_string())?;
    }
    let total = plan.years * plan.per_year;
    let mut summary = CellSummary {
        members: roster.len(),
        ..CellSummary::default()
    };
    for n in 0..total {
        let year = plan.first_year + (n / plan.per_year) as i32;
        let month = (n % plan.per_year) * 12 / plan.per_year + 1;
        let date = day(year, month as u8, 5 + (rng.range(0, 3) as u8));
        let m = meeting(&mut rng, plan, &roster, date, n);
        let id = store.create_meeting(&m).map_err(|x| x.to_string())?;
        summary.meetings += 1;
        if n + plan.open_tail >= total {
            continue;
        }
        book.close_meeting(id.0).map_err(e)?;
        sign_closed(&mut book, &mut store, id, &roster, &keys, date)?;
        summary.signed += 1;
    }
    Ok(summary)
}

/// A second connection to the book being generated: the generator writes members, keys,
/// meetings and signatures straight into the store (the API's use cases would derive keys with
/// scrypt and sign one at a time), while closing goes through [`Book::close_meeting`].
fn generator_store(path: &Path, clock: Arc<FixedClock>) -> Result<Store, String> {
    Store::open_with(
        path,
        OpenOptions {
            clock,
            actor: "bench-generator".to_owned(),
            backups_to_keep: None,
        },
    )
    .map_err(|e| e.to_string())
}

fn sign_closed(
    book: &mut Book,
    store: &mut Store,
    id: MeetingId,
    roster: &[Member],
    keys: &[SigningKey; 2],
    date: Date,
) -> Result<(), String> {
    let bundle = book.bundle(id.0).map_err(|e| e.to_string())?;
    let record = Record::from_bytes(bundle.record).map_err(|e| e.to_string())?;
    let sha = record.sha256().to_owned();
    let at = OffsetDateTime::new_in_offset(
        date,
        time!(21:30),
        time::UtcOffset::from_hms(7, 0, 0).unwrap_or(time::UtcOffset::UTC),
    );
    for (i, role) in [SignerRole::Chair, SignerRole::MinuteTaker]
        .into_iter()
        .enumerate()
    {
        let signer = Signer {
            member_id: roster[i].id.0.to_string(),
            full_name: roster[i].full_name.clone(),
        };
        let s = minutebook_sign::attestation::sign_record(&record, &keys[i], signer, role, at)
            .map_err(|e| e.to_string())?;
        store
            .add_attestation(&minutebook_store::NewAttestation {
                record_sha256: sha.clone(),
                stem: format!("{:02}-{}", i + 1, role.code()),
                role,
                member: roster[i].id,
                attestation: s.attestation,
                signature: s.signature.to_vec(),
                public_key_pem: s.public_key_pem,
            })
            .map_err(|e| e.to_string())?;
    }
    store
        .set_status(id, MeetingStatus::Signed)
        .map_err(|e| e.to_string())
}

/// Writes a one-meeting book at `path` whose minutes run to about `pages` A4 pages (a
/// congress-length record), closed and signed. Returns the meeting id.
///
/// # Errors
/// As [`generate_cell`].
pub fn generate_long(path: &Path, seed: u64, pages: u32) -> Result<i64, String> {
    let plan = Plan {
        years: 1,
        per_year: 1,
        open_tail: 0,
        presentation_sentences: (3, 8),
        ..Plan::default()
    };
    let clock = Arc::new(FixedClock::at(datetime!(2026-04-01 08:00 +07:00)));
    let mut book = Book::open_with_clock(path, clock.clone()).map_err(|e| e.to_string())?;
    let mut store = generator_store(path, clock)?;
    let mut rng = Rng::new(seed ^ 0x10ca);
    book.create_cell(&CellInput {
        name: "Chi bộ Khu phố 7".to_owned(),
        upper_committee: "Đảng ủy phường Tân Định".to_owned(),
        place: "Phường Tân Định".to_owned(),
        document_code: "CB".to_owned(),
    })
    .map_err(|e| e.to_string())?;
    let mut members = roster(&mut rng, &plan, 7);
    for m in &mut members {
        m.transfer_in = None;
        m.transfer_out = None;
    }
    let ids = store.import_members(&members).map_err(|x| x.to_string())?;
    for (m, id) in members.iter_mut().zip(&ids) {
        m.id = *id;
    }
    let keys = [key_for(seed, 999, 0), key_for(seed, 999, 1)];
    for (k, id) in keys.iter().zip(&ids) {
        let vk = k.verifying_key();
        store
            .put_key(
                *id,
                None,
                Fingerprint::of(&vk).as_hex(),
                &public_key_pem(&vk),
            )
            .map_err(|x| x.to_string())?;
    }
    let date = day(2025, 6, 20);
    let mut m = meeting(&mut rng, &plan, &members, date, 0);
    m.kind = MeetingKind::Congress;
    m.subject = "Đại hội Chi bộ Khu phố 7 nhiệm kỳ 2025 – 2030".to_owned();
    // About 2 600 characters of presentation per page with speeches; tuned by page count.
    let sentences_per_page = 20;
    let items = pages.div_ceil(4).max(1);
    for k in 0..items {
        let mut a = AgendaItem::titled(&format!(
            "Thảo luận dự thảo Báo cáo chính trị, phần {}",
            k + 1
        ));
        a.presenter = Some(Speaker::Member(members[0].id));
        a.presentation = (0..4 * sentences_per_page / 2)
            .map(|_| paragraph(&mut rng, 1))
            .collect::<Vec<_>>()
            .join("\n\n");
        a.speeches = (0..6)
            .map(|i| Speech {
                speaker: Speaker::Member(members[(i + 2) % members.len()].id),
                gist: paragraph(&mut rng, 3),
            })
            .collect();
        a.conclusion = paragraph(&mut rng, 3);
        m.agenda.push(a);
    }
    let id = store.create_meeting(&m).map_err(|x| x.to_string())?;
    book.close_meeting(id.0).map_err(|e| e.to_string())?;
    sign_closed(&mut book, &mut store, id, &members, &keys, date)?;
    Ok(id.0)
}
