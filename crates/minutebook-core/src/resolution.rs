//! The meeting's resolution (*nghị quyết*) as its own document: its own number and its own
//! text, drafted from the meeting's conclusions and tasks, then edited by the cell.
//!
//! Shape (cell-meetings.md §3, "monthly resolution, common shape" [U] S5, from a real ward
//! cell): opening paragraph (date, place, totals, chair, minute-taker — from the minutes'
//! figures) → **I.** results of last month, item by item against the previous resolution →
//! **II.** directions and tasks for the coming month → **III.** assignments → closing line with
//! the vote (the meeting's vote of kind `resolution`) → Nơi nhận → T/M CHI BỘ, BÍ THƯ. The
//! opening and the vote line are derived, never typed; sections I–III are the cell's text.
//! The resolution is part of the meeting's record, so the signatures on the minutes cover it.

use crate::action::{ActionItem, ActionStatus};
use crate::meeting::Meeting;
use crate::roster::{Member, MemberId};
use crate::text::nfc;
use crate::vn::short_date;

/// Largest resolution number (four digits: "Số 9999-NQ/CB").
pub const MAX_NUMBER: u32 = 9999;

/// A resolution's own number and text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Resolution {
    /// Number in the cell's series of resolutions ("Số 03-NQ/CB"), 1–[`MAX_NUMBER`]; `None`
    /// prints the number blank, to be written in when the resolution is registered.
    pub number: Option<u32>,
    /// I. Results of carrying out the previous resolution (*kết quả thực hiện nghị quyết kỳ
    /// trước*). One paragraph per line.
    pub review: String,
    /// II. Directions and tasks for the coming period (*phương hướng, nhiệm vụ*).
    pub directions: String,
    /// III. Assignments (*phân công thực hiện*).
    pub assignments: String,
}

impl Resolution {
    /// A resolution with the given text, NFC-normalised.
    pub fn new(number: Option<u32>, review: &str, directions: &str, assignments: &str) -> Self {
        Resolution {
            number,
            review: nfc(review),
            directions: nfc(directions),
            assignments: nfc(assignments),
        }
    }

    /// True when sections I–III are all empty.
    pub fn is_blank(&self) -> bool {
        [&self.review, &self.directions, &self.assignments]
            .iter()
            .all(|s| s.trim().is_empty())
    }

    /// A draft from what the meeting holds: I. the conclusions of the items that review the
    /// previous resolution, and the tasks brought forward (`previous_open`) still open; II. each
    /// other item's conclusion, titled; III. each task assigned, with its owner, deadline and
    /// when to report back. `roster` gives the names. Lines start with "- ", as resolutions
    /// list them. Nothing is invented: an item without a conclusion gives no line.
    pub fn draft(meeting: &Meeting, roster: &[Member], previous_open: &[ActionItem]) -> Self {
        let name = |id: MemberId| {
            roster
                .iter()
                .find(|m| m.id == id)
                .map(|m| m.full_name.clone())
                .unwrap_or_default()
        };
        let mut review = Vec::new();
        for item in meeting
            .agenda
            .iter()
            .filter(|a| a.reviews_previous_resolution)
        {
            let text = if item.conclusion.trim().is_empty() {
                item.presentation.trim()
            } else {
                item.conclusion.trim()
            };
            if !text.is_empty() {
                review.push(text.to_owned());
            }
        }
        for t in previous_open
            .iter()
            .filter(|t| t.status == ActionStatus::Open)
        {
            review.push(format!(
                "- Chưa hoàn thành: {} (đ/c {}).",
                t.task.trim(),
                name(t.owner)
            ));
        }
        let directions: Vec<String> = meeting
            .agenda
            .iter()
            .filter(|a| !a.reviews_previous_resolution && !a.conclusion.trim().is_empty())
            .map(|a| format!("- {}: {}", a.title.trim(), a.conclusion.trim()))
            .collect();
        let assignments: Vec<String> = meeting
            .action_items
            .iter()
            .map(|t| {
                let mut line = format!("- Đ/c {}: {}", name(t.owner), t.task.trim());
                if let Some(d) = t.deadline {
                    line.push_str(&format!("; hoàn thành trước ngày {}", short_date(d)));
                }
                if !t.report_back.trim().is_empty() {
                    line.push_str(&format!("; báo cáo: {}", t.report_back.trim()));
                }
                line.push('.');
                line
            })
            .collect();
        Resolution::new(
            None,
            &review.join("\n"),
            &directions.join("\n"),
            &assignments.join("\n"),
        )
    }
}
