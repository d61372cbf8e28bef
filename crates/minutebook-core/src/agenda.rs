//! Agenda items and the minutes kept for each.
//!
//! A regular meeting follows the three parts of HD 12-HD/BTCTW (06/7/2018) — opening,
//! proceedings, closing — with the detail of cell-meetings.md §1 (HD 09/2012 summary, local
//! programmes; HD 42-HD/BTCTW 2025 keeps the structure).

use crate::meeting::MeetingKind;
use crate::roster::MemberId;

/// Who spoke or presented: a member of the cell or a guest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speaker {
    /// A member on the roster.
    Member(MemberId),
    /// A guest (đại biểu), by the name recorded in the meeting's guest list.
    Guest(String),
}

/// One speaker's contribution: the gist of the opinion, as the minute-taker records it
/// faithfully without comment (HD 16-HD/VPTW 2023).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speech {
    /// Who spoke.
    pub speaker: Speaker,
    /// The gist of what they said.
    pub gist: String,
}

/// One item on the agenda, with its minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    /// Title as printed, e.g. "Đánh giá thực hiện Nghị quyết tháng 02/2026".
    pub title: String,
    /// Who presents it.
    pub presenter: Option<Speaker>,
    /// Planned duration in minutes.
    pub planned_minutes: Option<u16>,
    /// What was presented (summary).
    pub presentation: String,
    /// Each speaker with the gist of the opinion, in order.
    pub speeches: Vec<Speech>,
    /// The chair's conclusion on this item.
    pub conclusion: String,
    /// True for the review of the previous resolution, where last meeting's open action items
    /// are brought forward.
    pub reviews_previous_resolution: bool,
}

impl AgendaItem {
    /// An item with a title and nothing else.
    pub fn titled(title: &str) -> Self {
        AgendaItem {
            title: crate::text::nfc(title),
            presenter: None,
            planned_minutes: None,
            presentation: String::new(),
            speeches: Vec::new(),
            conclusion: String::new(),
            reviews_previous_resolution: false,
        }
    }

    fn planned(title: &str, minutes: u16) -> Self {
        AgendaItem {
            planned_minutes: Some(minutes),
            ..Self::titled(title)
        }
    }
}

/// The agenda a new meeting of `kind` starts from.
///
/// Regular meetings get the official order of business (HD 12-HD/BTCTW 2018: mở đầu — tiến
/// hành — kết thúc; detail per cell-meetings.md §1), 105 minutes in all (HD 42-HD/BTCTW asks
/// for at least 90). Other kinds get their own skeleton; the secretary edits freely.
pub fn official_order_of_business(kind: MeetingKind) -> Vec<AgendaItem> {
    let opening = AgendaItem::planned(
        "Mở đầu: tuyên bố lý do, giới thiệu đại biểu, cử thư ký, báo cáo tình hình đảng viên dự họp và đảng phí, thông qua chương trình",
        10,
    );
    let closing = AgendaItem::planned(
        "Kết thúc: thư ký đọc biên bản, chi bộ thông qua biên bản, bế mạc",
        5,
    );
    match kind {
        MeetingKind::Regular => vec![
            opening,
            AgendaItem::planned(
                "Thông tin thời sự, phổ biến, quán triệt văn bản của cấp trên",
                15,
            ),
            AgendaItem {
                reviews_previous_resolution: true,
                ..AgendaItem::planned("Đánh giá kết quả thực hiện nghị quyết tháng trước", 25)
            },
            AgendaItem::planned(
                "Phương hướng, nhiệm vụ tháng tới; thảo luận; biểu quyết thông qua nghị quyết",
                35,
            ),
            AgendaItem::planned("Phân công nhiệm vụ", 10),
            AgendaItem::planned("Tự đánh giá chất lượng kỳ sinh hoạt", 5),
            closing,
        ],
        MeetingKind::Thematic => vec![
            opening,
            AgendaItem::planned("Bí thư nêu mục đích, yêu cầu của chuyên đề", 5),
            AgendaItem::planned("Đảng viên được phân công trình bày dự thảo chuyên đề", 30),
            AgendaItem::planned("Thảo luận, liên hệ bản thân và đơn vị", 40),
            AgendaItem::planned("Kết luận chuyên đề", 10),
            closing,
        ],
        MeetingKind::Admission => vec![
            opening,
            AgendaItem::planned(
                "Xét đề nghị kết nạp đảng viên: báo cáo hồ sơ, ý kiến người giới thiệu",
                30,
            ),
            AgendaItem::planned("Thảo luận và biểu quyết", 20),
            closing,
        ],
        MeetingKind::Recognition => vec![
            opening,
            AgendaItem::planned(
                "Xét công nhận đảng viên chính thức: bản tự kiểm điểm, nhận xét của đảng viên giúp đỡ",
                30,
            ),
            AgendaItem::planned("Thảo luận và biểu quyết", 20),
            closing,
        ],
        MeetingKind::AnnualReview => vec![
            opening,
            AgendaItem::planned(
                "Kiểm điểm, đánh giá, xếp loại tập thể và cá nhân (QĐ 366-QĐ/TW)",
                60,
            ),
            AgendaItem::planned("Biểu quyết mức xếp loại", 20),
            closing,
        ],
        MeetingKind::Congress => vec![
            opening,
            AgendaItem::planned("Báo cáo chính trị nhiệm kỳ", 40),
            AgendaItem::planned("Thảo luận", 40),
            AgendaItem::planned("Bầu cử (bỏ phiếu kín, QĐ 190-QĐ/TW)", 40),
            AgendaItem::planned("Thông qua nghị quyết đại hội", 15),
            closing,
        ],
        MeetingKind::Extraordinary => vec![
            opening,
            AgendaItem::planned("Nội dung họp bất thường", 45),
            closing,
        ],
    }
}
