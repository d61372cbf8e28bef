//! The meeting interchange file: one meeting with its cell and roster, as JSON.
//!
//! Format `minutebook.meeting` version 1, specified in `docs/meeting-interchange.md` with the
//! JSON Schema `docs/meeting.schema.json`. Member ids inside a file are only references within
//! that file; importing assigns the minute book's own ids.

use std::collections::HashSet;

use minutebook_core::meeting::MeetingId;
use minutebook_core::{Cell, Meeting, Member, MemberId};
use serde::{Deserialize, Serialize};

use crate::convert::{self, DocError, IdMap};
use crate::doc::{CellDoc, MeetingDoc, MemberDoc};

/// Type tag of an interchange file.
pub const MEETING_TYPE: &str = "minutebook.meeting";
/// Current interchange format.
pub const MEETING_FORMAT: u32 = 1;
/// Largest file accepted, in bytes (a ten-hour meeting's minutes are far smaller).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// A meeting interchange file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingFile {
    /// Always [`MEETING_TYPE`].
    #[serde(rename = "type")]
    pub type_tag: String,
    /// Always [`MEETING_FORMAT`].
    pub format: u32,
    /// The cell.
    pub cell: CellDoc,
    /// The roster the meeting refers to.
    pub roster: Vec<MemberDoc>,
    /// The meeting.
    pub meeting: MeetingDoc,
}

/// The domain values read from a file. Member `i` of the file has `MemberId(i + 1)` until the
/// minute book assigns its own; `file_ids[i]` is its id in the file.
#[derive(Debug, Clone)]
pub struct Imported {
    /// Cell id given in the file.
    pub cell_id: String,
    /// The cell.
    pub cell: Cell,
    /// Roster, with provisional ids.
    pub roster: Vec<Member>,
    /// The meeting, referring to provisional ids.
    pub meeting: Meeting,
}

/// Parses JSON into `T`, reporting the path of the first problem.
///
/// # Errors
/// Invalid UTF-8 or JSON, a missing or unknown field, a wrong type — with the JSON path.
pub fn parse_json<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, DocError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(DocError {
            path: "(file)".into(),
            message: format!(
                "the file is {} bytes; the limit is {MAX_FILE_BYTES}",
                bytes.len()
            ),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        DocError {
            path: if path == "." { "(file)".into() } else { path },
            message: if inner.line() > 0 {
                format!("{inner}")
            } else {
                inner.to_string()
            },
        }
    })
}

impl MeetingFile {
    /// The file for a meeting of `cell` with `roster`.
    pub fn new(cell_id: &str, cell: &Cell, roster: &[Member], meeting: &Meeting) -> Self {
        MeetingFile {
            type_tag: MEETING_TYPE.into(),
            format: MEETING_FORMAT,
            cell: convert::cell_doc(cell_id, cell),
            roster: roster.iter().map(convert::member_doc).collect(),
            meeting: convert::meeting_doc(meeting, roster),
        }
    }

    /// Writes the file: pretty-printed JSON with a final newline, keys in a fixed order, so that
    /// export → import → export gives the same bytes.
    pub fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(self).unwrap_or_default();
        out.push(b'\n');
        out
    }

    /// Reads and validates a file.
    ///
    /// # Errors
    /// [`DocError`] naming the JSON path and what is wrong.
    pub fn parse(bytes: &[u8]) -> Result<MeetingFile, DocError> {
        let f: MeetingFile = parse_json(bytes)?;
        if f.type_tag != MEETING_TYPE {
            return Err(DocError {
                path: "type".into(),
                message: format!("expected {MEETING_TYPE:?}, found {:?}", f.type_tag),
            });
        }
        if f.format != MEETING_FORMAT {
            return Err(DocError {
                path: "format".into(),
                message: format!(
                    "format {} is not supported (this program reads format {MEETING_FORMAT})",
                    f.format
                ),
            });
        }
        Ok(f)
    }

    /// Converts to domain values, checking references, attendance and vote counts.
    ///
    /// # Errors
    /// [`DocError`] with the path of the first problem.
    pub fn to_domain(&self) -> Result<Imported, DocError> {
        let imported = self.to_domain_unchecked()?;
        imported
            .meeting
            .check(&imported.roster, imported.cell.settings.default_reading)
            .map_err(|e| DocError {
                path: "meeting".into(),
                message: e.to_string(),
            })?;
        Ok(imported)
    }

    /// As [`MeetingFile::to_domain`], without the meeting's consistency check (attendance,
    /// vote counts: `Meeting::check`), for a caller that runs the check itself to keep its
    /// error as a value.
    ///
    /// # Errors
    /// [`DocError`] with the path of the first problem.
    pub fn to_domain_unchecked(&self) -> Result<Imported, DocError> {
        let cell = convert::cell_from_doc(&self.cell, "cell")?;
        let mut ids = IdMap::new();
        let mut seen = HashSet::new();
        let mut roster = Vec::with_capacity(self.roster.len());
        for (i, d) in self.roster.iter().enumerate() {
            let path = format!("roster[{i}]");
            if !seen.insert(d.id.clone()) {
                return Err(DocError {
                    path: format!("{path}.id"),
                    message: format!("member id {:?} appears twice", d.id),
                });
            }
            let id = MemberId(i as i64 + 1);
            ids.insert(d.id.clone(), id);
            roster.push(convert::member_from_doc(d, id, &path)?);
        }
        let meeting = convert::meeting_from_doc(&self.meeting, MeetingId(0), &ids, "meeting")?;
        Ok(Imported {
            cell_id: self.cell.id.clone(),
            cell,
            roster,
            meeting,
        })
    }
}
