//! Exports of a closed meeting: the bundle (folder or zip) and the PDFs.

use minutebook_export::{AttestationInfo, DocumentKind, ExportOptions};

use super::*;
use crate::pdf::attachments_of;

impl Book {
    /// Writes the bundle of version `version` of meeting `id`'s record (folder, or zip with
    /// `zip`) — any stored version, including one a reopened meeting has since superseded or is
    /// about to: a signed version 1 stays exportable while version 2 is being prepared.
    ///
    /// # Errors
    /// `NotFound` when the meeting has no such version; `Io`.
    pub fn export_bundle_version(
        &self,
        id: i64,
        version: u32,
        out: &Path,
        zip: bool,
    ) -> Result<(), ApiError> {
        self.store.load_meeting(MeetingId(id))?;
        let rv = self
            .store
            .record_versions(MeetingId(id))?
            .into_iter()
            .find(|rv| rv.version == version)
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::NotFound,
                    format!("meeting #{id} has no signed record version {version}"),
                )
            })?;
        let b = self.bundle_of(&rv)?;
        if zip {
            b.write_zip(out)?
        } else {
            b.write_dir(out)?
        }
        Ok(())
    }

    /// Writes every record version of the book, as one bundle each, into the new folder `dir`:
    /// `NNNN-meeting-M-vV` (sequence, meeting id, version; `.zip` with `zip`). Verifying that
    /// folder checks the whole chain with nothing missing — the superseded versions of
    /// reopened meetings included. Returns how many bundles were written.
    ///
    /// # Errors
    /// `Io` when `dir` exists or cannot be written (nothing is left half-written in it but the
    /// bundles already finished).
    pub fn export_all_bundles(&self, dir: &Path, zip: bool) -> Result<usize, ApiError> {
        std::fs::create_dir(dir)
            .map_err(|e| ApiError::new(ErrorCode::Io, format!("{}: {e}", dir.display())))?;
        let versions = self.store.all_record_versions()?;
        for rv in &versions {
            let name = format!(
                "{:04}-meeting-{}-v{}",
                rv.sequence, rv.meeting.0, rv.version
            );
            let b = self.bundle_of(rv)?;
            if zip {
                b.write_zip(&dir.join(format!("{name}.zip")))?
            } else {
                b.write_dir(&dir.join(name))?
            }
        }
        Ok(versions.len())
    }

    /// Writes the bundle (folder, or zip with `zip`).
    ///
    /// # Errors
    /// `InvalidInput` when not closed; `Io`.
    pub fn export_bundle(&self, id: i64, out: &Path, zip: bool) -> Result<(), ApiError> {
        let b = self.bundle(id)?;
        if zip {
            b.write_zip(out)?
        } else {
            b.write_dir(out)?
        }
        Ok(())
    }
}

impl Book {
    pub(super) fn render(
        &self,
        id: i64,
        kind: DocumentKind,
        draft: bool,
    ) -> Result<Vec<u8>, ApiError> {
        let bundle = self.bundle(id)?;
        let attestations = bundle
            .signatures
            .iter()
            .map(|s| AttestationInfo::from_json(&s.attestation).map_err(ApiError::invalid))
            .collect::<Result<Vec<_>, _>>()?;
        let status = self.meeting(id)?.status;
        let opts = ExportOptions {
            draft: draft || status != minutebook_core::MeetingStatus::Signed,
            ..Default::default()
        };
        Ok(minutebook_export::render(
            kind,
            &bundle.record,
            &attestations,
            attachments_of(&bundle),
            &opts,
        )?)
    }

    /// The minutes (biên bản) as PDF/A-3b: signature page, attendance sheet, the bundle
    /// attached. Marked "DỰ THẢO" on every page until every required role has signed, or when
    /// `draft`. With `draft`, a meeting still open prints too: the record closing it now would
    /// make, with no signatures and nothing stored (issue 15: the secretary reads the draft out
    /// before closing).
    ///
    /// # Errors
    /// `InvalidInput` when the meeting is open and `draft` is false, or when an open meeting
    /// could not be closed as it stands; `Export` naming a field and character the font cannot
    /// print.
    pub fn export_minutes_pdf(&self, id: i64, draft: bool) -> Result<Vec<u8>, ApiError> {
        if self.meeting(id)?.status.is_editable() {
            if draft {
                return self.draft_of_open_meeting(id);
            }
            return Err(ApiError::invalid(format!(
                "meeting #{id} is not closed: close it first, or print a draft (DỰ THẢO) of it"
            )));
        }
        self.render(id, DocumentKind::Minutes, draft)
    }

    /// The resolution (nghị quyết) of the meeting, printed from its record's own resolution
    /// (number, sections I–III).
    ///
    /// A meeting without a resolution of its own is refused (`err-no-resolution`): the PDF
    /// would read as a signed nghị quyết though nobody wrote or signed one. The exception is a
    /// record closed before the book had resolutions (schema step 6, told by the audit log):
    /// the cell could not write one then, and its resolution PDF — drawn from the conclusions
    /// and tasks, as it was printed and handed out at the time — stays exportable as before.
    ///
    /// # Errors
    /// `InvalidInput` with detail `err-no-resolution` as above; otherwise as
    /// [`Book::export_minutes_pdf`].
    pub fn export_resolution_pdf(&self, id: i64) -> Result<Vec<u8>, ApiError> {
        let no_resolution = || {
            ApiError::with_detail(
                ErrorCode::InvalidInput,
                "err-no-resolution",
                &[("id", id.to_string())],
                format!(
                    "meeting {id} has no resolution of its own: draft it in the meeting's \
                     workspace (\"Soạn nghị quyết từ kết luận và nhiệm vụ\"), then close and sign \
                     the meeting again"
                ),
            )
        };
        if self.meeting(id)?.status.is_editable() {
            if self.store.load_meeting(MeetingId(id))?.resolution.is_none() {
                return Err(no_resolution());
            }
        } else {
            let (rv, _) = self.current_record(id)?;
            let record: serde_json::Value = serde_json::from_slice(&rv.bytes)
                .map_err(|e| ApiError::invalid(format!("record of meeting {id}: {e}")))?;
            let has_own = record
                .pointer("/meeting/resolution")
                .is_some_and(|r| !r.is_null());
            if !has_own && !closed_before_resolutions(&self.store.audit_log()?, rv.created_at) {
                return Err(no_resolution());
            }
        }
        self.render(id, DocumentKind::Resolution, false)
    }

    /// The attendance sheet, one signature line per member.
    ///
    /// # Errors
    /// As [`Book::export_minutes_pdf`].
    pub fn export_attendance_sheet_pdf(&self, id: i64) -> Result<Vec<u8>, ApiError> {
        self.render(id, DocumentKind::AttendanceSheet, false)
    }
}

/// The schema step that gave meetings a resolution of their own.
const RESOLUTIONS_SCHEMA_VERSION: u32 = 6;

/// True when a record stored at `closed_at` predates resolutions in this book: the audit log
/// (`log`, oldest first) shows the book migrated to a schema with resolutions only after that
/// instant. A book created with resolutions, or whose log says nothing, gives false.
fn closed_before_resolutions(
    log: &[minutebook_store::AuditEntry],
    closed_at: OffsetDateTime,
) -> bool {
    let since = log.iter().find(|e| {
        e.entity == "schema"
            && e.entity_id
                .parse::<u32>()
                .is_ok_and(|v| v >= RESOLUTIONS_SCHEMA_VERSION)
    });
    since
        .filter(|e| e.action != "create")
        .and_then(|e| {
            OffsetDateTime::parse(&e.at, &time::format_description::well_known::Rfc3339).ok()
        })
        .is_some_and(|since| closed_at < since)
}

#[cfg(test)]
mod tests {
    use minutebook_store::AuditEntry;
    use time::macros::datetime;

    use super::closed_before_resolutions;

    fn schema(action: &str, version: u32, at: &str) -> AuditEntry {
        AuditEntry {
            seq: 0,
            at: at.into(),
            actor: "test".into(),
            action: action.into(),
            entity: "schema".into(),
            entity_id: version.to_string(),
            detail: String::new(),
            prev_hash: String::new(),
            hash: String::new(),
        }
    }

    #[test]
    fn a_record_closed_before_the_book_had_resolutions_is_told_apart() {
        // A book created at schema 4, migrated to 5 and then to 6 on 6 December 2026.
        let log = [
            schema("create", 4, "2026-01-02T08:00:00Z"),
            schema("migrate", 5, "2026-11-30T08:00:00Z"),
            schema("migrate", 6, "2026-12-06T08:00:00Z"),
        ];
        assert!(closed_before_resolutions(
            &log,
            datetime!(2026-03-05 14:00 UTC)
        ));
        assert!(!closed_before_resolutions(
            &log,
            datetime!(2026-12-06 09:00 UTC)
        ));
        // A book created with resolutions (or a later schema): no record predates them, whatever
        // its clock said.
        let new = [schema("create", 7, "2026-12-07T08:00:00Z")];
        assert!(!closed_before_resolutions(
            &new,
            datetime!(2026-12-07 07:00 UTC)
        ));
        assert!(!closed_before_resolutions(
            &new,
            datetime!(2026-12-07 09:00 UTC)
        ));
        assert!(!closed_before_resolutions(
            &[],
            datetime!(2026-03-05 14:00 UTC)
        ));
    }
}
