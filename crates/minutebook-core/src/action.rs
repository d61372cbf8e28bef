//! Action items: tasks assigned at a meeting and followed up at the next.
//!
//! The chair assigns tasks to named members with deadlines (HD 12-HD/BTCTW 2018, closing part);
//! the next regular meeting reviews the previous resolution item by item, so open items are
//! brought forward into its review.

use time::Date;

use crate::roster::MemberId;

/// Where an action item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionStatus {
    /// Not yet done.
    Open,
    /// Done.
    Done,
    /// Dropped or superseded.
    Dropped,
}

impl ActionStatus {
    /// Every status, in code order.
    pub const ALL: [ActionStatus; 3] = [
        ActionStatus::Open,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    /// Stable identifier used in records, interchange files and the store: `open`, `done` or
    /// `dropped`. The strings are signed and stored: never change one.
    pub fn code(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// Parses [`ActionStatus::code`]; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A task assigned at a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionItem {
    /// Who is responsible.
    pub owner: MemberId,
    /// What is to be done.
    pub task: String,
    /// By when.
    pub deadline: Option<Date>,
    /// When to report back, as the minutes say it, e.g. "kỳ sinh hoạt tháng 4".
    pub report_back: String,
    /// Status.
    pub status: ActionStatus,
}

/// The items of a previous meeting still open, which its successor's review must cover.
pub fn carried_forward(previous: &[ActionItem]) -> Vec<ActionItem> {
    previous
        .iter()
        .filter(|a| a.status == ActionStatus::Open)
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code_tests::assert_codes;

    #[test]
    fn action_status_codes_round_trip() {
        assert_codes(
            &ActionStatus::ALL,
            ActionStatus::code,
            ActionStatus::from_code,
            &["open", "done", "dropped"],
        );
    }
}
