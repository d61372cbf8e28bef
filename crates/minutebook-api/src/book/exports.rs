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

    /// The resolution (nghị quyết) of the meeting.
    ///
    /// # Errors
    /// As [`Book::export_minutes_pdf`].
    pub fn export_resolution_pdf(&self, id: i64) -> Result<Vec<u8>, ApiError> {
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
