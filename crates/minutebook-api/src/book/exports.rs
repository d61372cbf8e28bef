//! Exports of a closed meeting: the bundle (folder or zip) and the PDFs.

use minutebook_export::{AttestationInfo, DocumentKind, ExportOptions};

use super::*;
use crate::pdf::attachments_of;

impl Book {
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
