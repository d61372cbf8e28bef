//! Values the CLI prints and the desktop UI receives (serde, snake_case). Each is built from
//! domain values here; the domain types themselves derive nothing.

use minutebook_record::record::Figures;
use serde::Serialize;

/// The cell of the minute book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CellView {
    /// Stable id of the minute book's cell.
    pub id: String,
    /// Name.
    pub name: String,
    /// Committee above.
    pub upper_committee: String,
    /// Place in the date line.
    pub place: String,
    /// Document code.
    pub document_code: String,
    /// Default counting reading code.
    pub default_reading: String,
    /// Required signer roles.
    pub required_roles: Vec<String>,
    /// How the counting rule is cited.
    pub counting_rule_citation: String,
}

/// Input to create a cell.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CellInput {
    /// Name.
    pub name: String,
    /// Committee above.
    pub upper_committee: String,
    /// Place in the date line.
    pub place: String,
    /// Document code ("CB").
    pub document_code: String,
}

/// A roster member as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MemberView {
    /// The member (all fields, document form).
    #[serde(flatten)]
    pub member: minutebook_record::doc::MemberDoc,
    /// Fingerprint of the member's current key, if any.
    pub key_fingerprint: Option<String>,
}

/// Result of a roster import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RosterImportSummary {
    /// Members added.
    pub added: usize,
    /// Members on the roster after the import.
    pub total: usize,
}

/// Whether a closed meeting's rows and signatures still match its record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum Integrity {
    /// Not closed yet: nothing to check.
    Open,
    /// Rows match the record and every stored signature verifies.
    Intact,
    /// Something was changed behind the program's back.
    Altered {
        /// What differs.
        details: Vec<String>,
    },
}

/// A meeting in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MeetingListItem {
    /// Id.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    /// Date.
    pub date: String,
    /// Kind code.
    pub kind: String,
    /// Subject.
    pub subject: String,
    /// Status code (draft, in-session, closed, signing, signed).
    pub status: String,
    /// Number in the minutes series.
    pub number: Option<u32>,
    /// Integrity of closed meetings.
    pub integrity: Integrity,
}

/// The current record of a closed meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecordInfo {
    /// Meeting id.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub meeting_id: i64,
    /// Version.
    pub version: u32,
    /// Position in the minute book.
    pub sequence: u32,
    /// SHA-256 of the record's bytes (as `sha256sum` prints it).
    pub sha256: String,
    /// The same in groups of four, for reading aloud.
    pub sha256_grouped: String,
    /// Roles that have signed this version.
    pub signed_roles: Vec<String>,
    /// Roles still missing.
    pub missing_roles: Vec<String>,
    /// Status after this.
    pub status: String,
}

/// The figures of a meeting, with what the report needs around them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Report {
    /// Meeting id.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub meeting_id: i64,
    /// Subject.
    pub subject: String,
    /// Date.
    pub date: String,
    /// Status.
    pub status: String,
    /// The rule citation used for the votes.
    pub counting_rule_citation: String,
    /// True when `--reading` overrode the recorded readings (a what-if, not saved).
    pub reading_overridden: bool,
    /// Attendance and votes.
    #[serde(flatten)]
    pub figures: Figures,
    /// Integrity of a closed meeting.
    pub integrity: Integrity,
}

/// A stored key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct KeyView {
    /// Member id.
    pub member_id: String,
    /// Member name.
    pub full_name: String,
    /// Fingerprint (hex).
    pub fingerprint: String,
    /// Fingerprint in groups.
    pub fingerprint_grouped: String,
    /// Revoked from (YYYY-MM-DD).
    pub revoked_from: Option<String>,
}

/// A signature made or imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SignedView {
    /// File stem, "01-chair".
    pub stem: String,
    /// Signer's name.
    pub full_name: String,
    /// Role code.
    pub role: String,
    /// Fingerprint in groups.
    pub fingerprint_grouped: String,
    /// Record status afterwards (or "request" when signing a request elsewhere).
    pub status: String,
}

/// Result of `check`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CheckReport {
    /// Everything holds.
    pub ok: bool,
    /// `PRAGMA integrity_check` result.
    pub sqlite_integrity: String,
    /// Audit entries verified, or the break.
    pub audit: String,
    /// Closed meetings and their integrity.
    pub meetings: Vec<MeetingListItem>,
}

/// One piece of text that would not print, or looks unfinished, found before a meeting is
/// closed (or when its text is saved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TextProblem {
    /// JSON path of the field in the record: `meeting.agenda[2].conclusion`,
    /// `roster[3].full_name`, `cell.name`. Paths under `meeting.` are the meeting document's
    /// paths with that prefix.
    pub field: String,
    /// What is wrong: `unprintable` (a character the PDF's fonts lack or the exporter refuses,
    /// the rule of `minutebook_export::glyphs::refusal`), `word-too-long` (a run of more than
    /// 200 characters without a space), `placeholder` ("…", "...", "___" left in the text) or
    /// `empty-conclusion` (an agenda item without the chair's conclusion).
    pub kind: String,
    /// The character, for `unprintable`.
    pub character: Option<String>,
    /// Its code point as `U+XXXX`, for `unprintable`.
    pub code: Option<String>,
    /// Its Unicode name where Minutebook knows it (`HEAVY CHECK MARK`).
    pub name: Option<String>,
    /// The plain text to type instead, where there is an obvious one (`x` for ✔, `1` for ①).
    pub replacement: Option<String>,
}

/// What closing a meeting now would meet: text that cannot be printed (closing refuses it)
/// and text that looks unfinished (closing warns; the user confirms).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CloseCheck {
    /// Kinds `unprintable` and `word-too-long`: closing is refused while any is left.
    pub unprintable: Vec<TextProblem>,
    /// Kinds `placeholder` and `empty-conclusion`: warnings to confirm.
    pub unfinished: Vec<TextProblem>,
}

/// Something the user should know about a document that was still produced (the notice of a
/// meeting already past, say): a catalogue message (`i18n/*.ftl`) with its arguments, and the
/// same in English for logs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportWarning {
    /// Catalogue id.
    pub id: String,
    /// Its arguments (name → text).
    #[cfg_attr(feature = "ts", ts(type = "Record<string, string>"))]
    pub args: std::collections::BTreeMap<String, String>,
    /// The same in English.
    pub message: String,
}

impl ExportWarning {
    /// A warning `id` with `args`; `english` is the same for logs.
    pub fn new(id: &str, args: &[(&str, String)], english: impl Into<String>) -> Self {
        ExportWarning {
            id: id.to_owned(),
            args: args
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
            message: english.into(),
        }
    }

    /// The warning in `lang`.
    pub fn localized(&self, lang: crate::Lang) -> String {
        let args: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(k, v)| (k.as_str(), v.clone()))
            .collect();
        crate::tr(lang, &self.id, &args)
    }
}
