//! Full-text search over the minute book: [`Book::search`].

use serde::Serialize;

use crate::book::Book;
use crate::error::ApiError;

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

impl Book {
    /// The best `limit` places where `query` occurs in the minutes (agenda items, speeches),
    /// votes and action items. Case and Vietnamese diacritics are ignored ("nghi quyet"
    /// finds "Nghị quyết", "dang" finds "Đảng"); the query is matched as a phrase of words,
    /// never as search syntax, so no text typed makes it fail.
    ///
    /// # Errors
    /// Storage errors only.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHitView>, ApiError> {
        Ok(self
            .store()
            .search(query, limit)?
            .into_iter()
            .map(|h| SearchHitView {
                meeting: h.meeting.0,
                date: h.date,
                subject: h.subject,
                snippet: h.snippet,
                kind: h.kind.code().to_owned(),
            })
            .collect())
    }
}
