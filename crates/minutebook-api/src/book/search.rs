//! Full-text search over the minute book.

use super::*;
use crate::search::SearchHitView;

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
