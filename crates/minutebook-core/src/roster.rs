//! The cell's roster: its members, their category and their posts.
//!
//! Fields follow what the Party's member handbook (Sổ tay đảng viên điện tử, QĐ 339-QĐ/TW 2025)
//! keeps for a member, plus what a cell needs to count votes under point 9.3.2 of the Charter's
//! implementing regulation (QĐ 294-QĐ/TW, 2025).

use time::Date;

/// A member's identifier within one minute book. Assigned by storage; opaque to the domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MemberId(pub i64);

/// Gender as recorded on the roster ("Nam" / "Nữ").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Nam.
    Male,
    /// Nữ.
    Female,
}

impl Gender {
    /// Every gender, in code order.
    pub const ALL: [Gender; 2] = [Gender::Male, Gender::Female];

    /// Stable identifier used in records, interchange files and the store: `male` or `female`.
    /// The strings are signed and stored: never change one.
    pub fn code(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }

    /// Parses [`Gender::code`]; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.code() == code)
    }
}

/// Membership category (Điều lệ Đảng, Điều 3 and 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberCategory {
    /// Đảng viên chính thức: full rights, votes.
    Official,
    /// Đảng viên dự bị: attends and speaks, but does not vote or stand for election
    /// (Điều lệ Đảng, Điều 3).
    Probationary,
}

impl MemberCategory {
    /// Every category, in code order.
    pub const ALL: [MemberCategory; 2] = [MemberCategory::Official, MemberCategory::Probationary];

    /// Stable identifier used in records, interchange files and the store: `official` or
    /// `probationary`. The strings are signed and stored: never change one.
    pub fn code(self) -> &'static str {
        match self {
            MemberCategory::Official => "official",
            MemberCategory::Probationary => "probationary",
        }
    }

    /// Parses [`MemberCategory::code`]; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// A post held in the cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Post {
    /// Bí thư chi bộ — the cell secretary (not the meeting's minute-taker).
    CellSecretary,
    /// Phó Bí thư chi bộ.
    DeputyCellSecretary,
    /// Chi ủy viên — member of the cell committee.
    CommitteeMember,
    /// Any other post, as written by the cell.
    Other(String),
}

impl Post {
    /// The posts that have a fixed code (every post but [`Post::Other`]), in code order.
    pub const FIXED: [Post; 3] = [
        Post::CellSecretary,
        Post::DeputyCellSecretary,
        Post::CommitteeMember,
    ];

    /// Stable identifier: `cell-secretary`, `deputy-cell-secretary`, `committee-member`, or
    /// `other` for [`Post::Other`], whose text ([`Post::other_text`]) is kept beside the code.
    /// The strings are signed and stored: never change one.
    ///
    /// (The record and interchange files write an other post as its text alone, in place of
    /// the code; the store writes `other` and the text in a column of its own.)
    pub fn code(&self) -> &'static str {
        match self {
            Post::CellSecretary => "cell-secretary",
            Post::DeputyCellSecretary => "deputy-cell-secretary",
            Post::CommitteeMember => "committee-member",
            Post::Other(_) => "other",
        }
    }

    /// The text of an [`Post::Other`] post; `None` for a fixed post.
    pub fn other_text(&self) -> Option<&str> {
        match self {
            Post::Other(s) => Some(s),
            _ => None,
        }
    }

    /// Parses [`Post::code`] with the text kept beside it: a fixed post's code with no text, or
    /// `other` with its text. `None` for anything else (an unknown code, a fixed post with text,
    /// `other` without). The text is taken as given (NFC is the caller's entry point's job).
    pub fn from_code(code: &str, other: Option<String>) -> Option<Self> {
        match other {
            None => Self::FIXED.into_iter().find(|p| p.code() == code),
            Some(text) => (code == "other").then_some(Post::Other(text)),
        }
    }
}

/// Whether a transfer of party activity is permanent or temporary
/// (chuyển sinh hoạt đảng chính thức / tạm thời).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransferKind {
    /// Chính thức: the member moves to the other cell's roster.
    Official,
    /// Tạm thời: the member stays on the home roster but takes part elsewhere.
    Temporary,
}

impl TransferKind {
    /// Every kind, in code order.
    pub const ALL: [TransferKind; 2] = [TransferKind::Official, TransferKind::Temporary];

    /// Stable identifier used in records, interchange files and the store: `official` or
    /// `temporary`. The strings are signed and stored: never change one.
    pub fn code(self) -> &'static str {
        match self {
            TransferKind::Official => "official",
            TransferKind::Temporary => "temporary",
        }
    }

    /// Parses [`TransferKind::code`]; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A transfer of a member's party activity into or out of this cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transfer {
    /// The day the transfer takes effect.
    pub date: Date,
    /// Permanent or temporary.
    pub kind: TransferKind,
    /// The party body on the other side, as written in the transfer paper.
    pub other_body: String,
}

/// One member of the cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Identifier within the minute book.
    pub id: MemberId,
    /// Full name exactly as entered, in NFC (compare with [`crate::text::same_name`]).
    pub full_name: String,
    /// Date of birth, if known.
    pub birth_date: Option<Date>,
    /// Gender, if recorded.
    pub gender: Option<Gender>,
    /// Official or probationary.
    pub category: MemberCategory,
    /// Exempted from party work and activities (miễn công tác và sinh hoạt đảng), decided by the
    /// cell (QĐ 24-QĐ/TW point 7.1, carried into QĐ 294).
    pub exempted: bool,
    /// The date the exemption took effect, when known (rosters often say only "có").
    pub exempted_since: Option<Date>,
    /// Party card number exactly as printed (kept as text: leading zeros matter).
    pub party_card_number: Option<String>,
    /// Date admitted (ngày vào Đảng).
    pub admitted_on: Option<Date>,
    /// Date recognised as an official member (ngày chính thức).
    pub official_on: Option<Date>,
    /// Transfer into this cell, if the member came from elsewhere.
    pub transfer_in: Option<Transfer>,
    /// Transfer out of this cell, if any.
    pub transfer_out: Option<Transfer>,
    /// Suspended, prosecuted or detained: excluded from the vote count by point 9.3.2.
    pub suspended: bool,
    /// Posts held in the cell.
    pub posts: Vec<Post>,
}

impl Member {
    /// A new member with only the required fields; everything else empty.
    pub fn new(id: MemberId, full_name: &str, category: MemberCategory) -> Self {
        Member {
            id,
            full_name: crate::text::nfc(full_name),
            birth_date: None,
            gender: None,
            category,
            exempted: false,
            exempted_since: None,
            party_card_number: None,
            admitted_on: None,
            official_on: None,
            transfer_in: None,
            transfer_out: None,
            suspended: false,
            posts: Vec::new(),
        }
    }

    /// True when the member is exempted from activities on `date` (exempted, and the exemption
    /// dated on or before `date` or undated).
    pub fn is_exempted_on(&self, date: Date) -> bool {
        self.exempted && self.exempted_since.is_none_or(|d| d <= date)
    }

    /// True when the member belongs to this cell's roster on `date`: transferred in (if at all)
    /// on or before it, and not permanently transferred out on or before it.
    pub fn is_on_roster_on(&self, date: Date) -> bool {
        let arrived = self.transfer_in.as_ref().is_none_or(|t| t.date <= date);
        let left = self
            .transfer_out
            .as_ref()
            .is_some_and(|t| t.kind == TransferKind::Official && t.date <= date);
        arrived && !left
    }

    /// True when the member takes part in this cell only temporarily, coming from another cell
    /// (sinh hoạt tạm thời). Such members are not part of the host cell's count and do not vote
    /// there (cell-meetings-addendum §3, source C5).
    pub fn is_attached_temporarily_on(&self, date: Date) -> bool {
        self.transfer_in
            .as_ref()
            .is_some_and(|t| t.kind == TransferKind::Temporary && t.date <= date)
    }

    /// True when the member is temporarily transferred out to another body on `date`: excluded
    /// from this cell's vote denominator by point 9.3.2.
    pub fn is_away_temporarily_on(&self, date: Date) -> bool {
        self.transfer_out
            .as_ref()
            .is_some_and(|t| t.kind == TransferKind::Temporary && t.date <= date)
    }

    /// True when the member holds `post`.
    pub fn holds(&self, post: &Post) -> bool {
        self.posts.contains(post)
    }
}

#[cfg(test)]
mod code_tests {
    use super::*;
    use crate::code_tests::assert_codes;

    #[test]
    fn gender_codes_round_trip() {
        assert_codes(
            &Gender::ALL,
            Gender::code,
            Gender::from_code,
            &["male", "female"],
        );
    }

    #[test]
    fn member_category_codes_round_trip() {
        assert_codes(
            &MemberCategory::ALL,
            MemberCategory::code,
            MemberCategory::from_code,
            &["official", "probationary"],
        );
    }

    #[test]
    fn transfer_kind_codes_round_trip() {
        assert_codes(
            &TransferKind::ALL,
            TransferKind::code,
            TransferKind::from_code,
            &["official", "temporary"],
        );
    }

    #[test]
    fn post_codes_round_trip() {
        let other = Post::Other("Tổ trưởng".to_owned());
        for p in Post::FIXED.into_iter().chain([other.clone()]) {
            let text = p.other_text().map(str::to_owned);
            assert_eq!(Post::from_code(p.code(), text), Some(p));
        }
        assert_eq!(
            Post::FIXED.map(|p| p.code()),
            [
                "cell-secretary",
                "deputy-cell-secretary",
                "committee-member"
            ]
        );
        assert_eq!(other.code(), "other");
        assert_eq!(Post::from_code("other", None), None);
        assert_eq!(Post::from_code("cell-secretary", Some(String::new())), None);
        assert_eq!(Post::from_code("secretary", None), None);
    }
}
