//! Full-text search over the minutes, resolutions and action items (schema v3, FTS5).
//!
//! The index is kept by triggers (see `sql/v3.sql`), so it changes in the same transaction
//! as the rows it mirrors. Queries are folded like the indexed text (case, every Vietnamese
//! diacritic, đ → d) and always run as one quoted FTS5 phrase: whatever the user types —
//! quotes, `*`, `NEAR`, `-`, `OR` — is searched for as words, never parsed as query syntax.

use minutebook_core::meeting::MeetingId;
use minutebook_core::text::search_fold;
use rusqlite::params;

use crate::connection::Store;
use crate::error::{Context, Result};

/// Where in a meeting a search hit was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitKind {
    /// An agenda item: its title, presentation or conclusion.
    Agenda,
    /// A speech's gist.
    Speech,
    /// A vote's subject (a resolution, admission, election…).
    Vote,
    /// An action item: its task or report-back.
    Action,
}

impl HitKind {
    /// The stable code: `agenda`, `speech`, `vote`, `action`.
    pub fn code(self) -> &'static str {
        match self {
            HitKind::Agenda => "agenda",
            HitKind::Speech => "speech",
            HitKind::Vote => "vote",
            HitKind::Action => "action",
        }
    }

    fn from_code(code: &str) -> Option<HitKind> {
        Some(match code {
            "agenda" => HitKind::Agenda,
            "speech" => HitKind::Speech,
            "vote" => HitKind::Vote,
            "action" => HitKind::Action,
            _ => return None,
        })
    }
}

/// One place where a search query was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    /// The meeting.
    pub meeting: MeetingId,
    /// The meeting's date, `YYYY-MM-DD`.
    pub date: String,
    /// The meeting's subject.
    pub subject: String,
    /// A short excerpt around the match, the matched words between `[` and `]`, cut text
    /// marked `…`; in the original spelling (diacritics kept).
    pub snippet: String,
    /// Where in the meeting the match is.
    pub kind: HitKind,
}

/// The FTS5 query for what a user typed: the folded words as one quoted phrase, or `None`
/// when nothing searchable remains.
pub fn fts_query(user: &str) -> Option<String> {
    let folded = search_fold(user);
    // Keep letters and digits; everything else separates words (the tokenizer would do the
    // same), so no query syntax survives, and the phrase quote cannot be closed early.
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    Some(format!("\"{}\"", words.join(" ")))
}

/// Undoes the index's đ → ď spelling (see `sql/v3.sql`).
fn unmark(s: String) -> String {
    if s.contains(['ď', 'Ď']) {
        s.replace('ď', "đ").replace('Ď', "Đ")
    } else {
        s
    }
}

impl Store {
    /// The best `limit` places where `query` occurs (ranked by BM25, then newest meeting
    /// first), across agenda items, speeches, votes and action items. Case and diacritics
    /// are ignored: "nghi quyet" finds "Nghị quyết", "dang" finds "Đảng". The query is
    /// searched as a phrase, never parsed as FTS syntax; an empty query finds nothing.
    ///
    /// # Errors
    /// Only storage errors; no query text makes this fail.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.read(|tx| {
            let mut stmt = tx
                .prepare_cached(
                    "SELECT s.meeting_id, m.date, m.subject, s.kind,
                            snippet(search_index, 0, '[', ']', '…', 12)
                     FROM search_index s JOIN meetings m ON m.id = s.meeting_id
                     WHERE search_index MATCH ?1
                     ORDER BY s.rank, m.date DESC
                     LIMIT ?2",
                )
                .ctx("search")?;
            let mut rows = stmt.query(params![fts, limit]).ctx("search")?;
            let mut out = Vec::new();
            while let Some(r) = rows.next().ctx("search")? {
                let kind: String = r.get(3).ctx("search")?;
                out.push(SearchHit {
                    meeting: MeetingId(r.get(0).ctx("search")?),
                    date: r.get(1).ctx("search")?,
                    subject: r.get(2).ctx("search")?,
                    snippet: unmark(r.get(4).ctx("search")?),
                    kind: HitKind::from_code(&kind).unwrap_or(HitKind::Agenda),
                });
            }
            Ok(out)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn queries_are_folded_phrases_without_syntax() {
        assert_eq!(fts_query("Nghị quyết").as_deref(), Some("\"nghi quyet\""));
        assert_eq!(fts_query("Đảng").as_deref(), Some("\"dang\""));
        assert_eq!(
            fts_query("\"a\" NEAR(b*) -c OR").as_deref(),
            Some("\"a near b c or\"")
        );
        assert_eq!(fts_query(" \"* - ( ) ").as_deref(), None);
    }
}
