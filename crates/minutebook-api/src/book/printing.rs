//! Text that must print, checked before a meeting is closed with the exporter's own rule
//! (`minutebook_export::glyphs`: the embedded fonts' coverage, bidi and control characters,
//! stray combining marks, over-long words), unfinished text warned about at close, and drafts
//! of a meeting still open.
//!
//! **Decision (issue 15):** closing refuses text the PDF cannot print, listing every field and
//! character, so a meeting that closed (and was signed) always exports. Saving does not refuse
//! it: the secretary's typing is kept, and [`Book::close_check`] names what to fix before
//! closing. Unfinished text ("…", "...", "___", an agenda item discussed without a conclusion)
//! is a warning the user confirms, never a refusal.

use minutebook_export::{DocumentKind, ExportError, ExportOptions};
use minutebook_record::doc::MeetingDoc;

use super::*;

impl Book {
    /// What closing meeting `id` now would meet: the text its record would hold that the PDF
    /// cannot print (closing refuses it) and text that looks unfinished (a warning). Nothing is
    /// written.
    ///
    /// # Errors
    /// `NotFound`; `InvalidInput` when the meeting could not be closed for another reason
    /// (attendance, chair, times), as [`Book::close_meeting`] would say.
    pub fn close_check(&self, id: i64) -> Result<CloseCheck, ApiError> {
        let cell = self.require_cell()?;
        let mut meeting = self.store.load_meeting(MeetingId(id))?;
        meeting.status = MeetingStatus::Closed;
        let record = self.record_as_closed(&cell, &meeting)?;
        Ok(CloseCheck {
            unprintable: unprintable_in_record(&record)?,
            unfinished: unfinished(&record.meeting),
        })
    }

    /// A draft of the minutes of meeting `id` while it is still open: the record closing it now
    /// would make, rendered with no signatures and every page marked "DỰ THẢO". Nothing is
    /// written to the book.
    ///
    /// # Errors
    /// `InvalidInput` when the meeting could not be closed as it stands (attendance, chair,
    /// times); `Export` naming the field and character the font cannot print.
    pub(super) fn draft_of_open_meeting(&self, id: i64) -> Result<Vec<u8>, ApiError> {
        let cell = self.require_cell()?;
        let meeting = self.store.load_meeting(MeetingId(id))?;
        let record = self.record_as_closed(&cell, &meeting)?;
        let bytes = Self::record_bytes(&record)?;
        Ok(minutebook_export::render(
            DocumentKind::Minutes,
            &bytes,
            &[],
            Vec::new(),
            &ExportOptions {
                draft: true,
                ..Default::default()
            },
        )?)
    }
}

/// Every string of `record` the exporter would refuse, as [`TextProblem`]s of kind
/// `unprintable` or `word-too-long`.
///
/// # Errors
/// `InvalidInput` when the record cannot be put in JSON (not expected).
pub(super) fn unprintable_in_record(record: &Record) -> Result<Vec<TextProblem>, ApiError> {
    let value = serde_json::to_value(record)
        .map_err(|e| ApiError::invalid(format!("the record cannot be put in JSON: {e}")))?;
    Ok(minutebook_export::glyphs::problems("", &value)
        .into_iter()
        .filter_map(problem_of)
        .collect())
}

/// The [`TextProblem`] of one of the exporter's refusals.
fn problem_of(e: ExportError) -> Option<TextProblem> {
    match e {
        ExportError::UnsupportedCharacter {
            field, character, ..
        } => {
            let suggestion = minutebook_export::glyphs::plain_replacement(character);
            Some(TextProblem {
                field,
                kind: "unprintable".into(),
                character: Some(character.to_string()),
                code: Some(format!("U+{:04X}", character as u32)),
                name: suggestion.as_ref().map(|(n, _)| n.clone()),
                replacement: suggestion.map(|(_, r)| r),
            })
        }
        ExportError::WordTooLong { field, .. } => Some(warning(field, "word-too-long")),
        _ => None,
    }
}

/// Runs that mark text still to be written: an ellipsis, three dots, three underscores.
const PLACEHOLDERS: [&str; 3] = ["…", "...", "___"];

/// Text of `doc` that looks unfinished: placeholder runs in any field, and agenda items
/// discussed (or left empty) without the chair's conclusion. Paths start with `meeting.`.
pub(super) fn unfinished(doc: &MeetingDoc) -> Vec<TextProblem> {
    let mut out = Vec::new();
    if let Ok(value) = serde_json::to_value(doc) {
        placeholders("meeting", &value, &mut out);
    }
    for (i, a) in doc.agenda.iter().enumerate() {
        let empty = a.presentation.trim().is_empty() && a.speeches.is_empty();
        if a.conclusion.trim().is_empty() && (empty || !a.speeches.is_empty()) {
            out.push(warning(
                format!("meeting.agenda[{i}].conclusion"),
                "empty-conclusion",
            ));
        }
    }
    out
}

fn warning(field: String, kind: &str) -> TextProblem {
    TextProblem {
        field,
        kind: kind.into(),
        character: None,
        code: None,
        name: None,
        replacement: None,
    }
}

fn placeholders(path: &str, value: &serde_json::Value, out: &mut Vec<TextProblem>) {
    use serde_json::Value;
    match value {
        Value::String(s) if PLACEHOLDERS.iter().any(|p| s.contains(p)) => {
            out.push(warning(path.to_owned(), "placeholder"));
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                placeholders(&format!("{path}[{i}]"), v, out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                placeholders(&format!("{path}.{k}"), v, out);
            }
        }
        _ => {}
    }
}

/// The problems in one line of English for an error's detail:
/// `meeting.agenda[2].conclusion: U+2714 HEAVY CHECK MARK "✔" (type "x" instead); …`.
pub(super) fn describe(problems: &[TextProblem]) -> String {
    problems
        .iter()
        .map(|p| match (&p.code, &p.character) {
            (Some(code), Some(c)) => {
                let name = p
                    .name
                    .as_deref()
                    .map(|n| format!(" {n}"))
                    .unwrap_or_default();
                let instead = p
                    .replacement
                    .as_deref()
                    .map(|r| format!(" (type {r:?} instead)"))
                    .unwrap_or_default();
                format!("{}: {code}{name} {c:?}{instead}", p.field)
            }
            _ => format!(
                "{}: a word longer than {} characters; add spaces",
                p.field,
                minutebook_export::glyphs::MAX_WORD_CHARS
            ),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Refuses a short name (member, cell) the PDF cannot print: names are printed in every
/// record, so one unprintable name would stop every meeting from closing.
///
/// # Errors
/// `InvalidInput` naming `field`, each character (U+XXXX, name) and its replacement.
pub(super) fn printable_name(field: &str, s: &str) -> Result<(), ApiError> {
    let problems: Vec<TextProblem> = minutebook_export::glyphs::problems_of_str(field, s)
        .into_iter()
        .filter_map(problem_of)
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ApiError::invalid(format!(
            "cannot be printed in the PDF: {}",
            describe(&problems)
        )))
    }
}
