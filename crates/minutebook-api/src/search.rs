//! Full-text search over the minute book: what [`Book::search`](crate::Book::search) returns.

use serde::Serialize;

/// The most hits a search returns when the caller gives no limit.
pub const DEFAULT_LIMIT: usize = 50;

/// One place where a search query was found, as the CLI prints it and the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchHitView {
    /// The meeting's id.
    pub meeting: i64,
    /// The meeting's date, `YYYY-MM-DD`.
    pub date: String,
    /// The meeting's subject.
    pub subject: String,
    /// An excerpt in the original spelling; the matched words are between `[` and `]`.
    pub snippet: String,
    /// Where in the meeting: `agenda`, `speech`, `vote` or `action`.
    pub kind: String,
}
