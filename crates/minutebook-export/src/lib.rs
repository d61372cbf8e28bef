//! # minutebook-export
//!
//! The archival export of a meeting: the minutes (biên bản) with a signature page and an
//! attendance sheet, the resolution (nghị quyết) and the attendance sheet alone, each as an A4
//! **PDF/A-3b** laid out as a Party document (HD 36-HD/VPTW), with the signed bundle
//! (`record.json`, attestations, signatures, public keys) embedded as associated files.
//!
//! - **Engine:** typst 0.15 used as a library ([`typst`], `typst-pdf`), chosen over `krilla`
//!   alone because the documents need real line breaking, justification, tables that repeat
//!   their header across pages and page numbering, and because templates as `.typ` files let a
//!   cell office adjust the layout without recompiling. The cost is build time and binary size.
//! - **Input:** always the record's JSON bytes (the exact canonical bytes that were signed),
//!   never UI state. The record is handed to the template as a virtual file `/record.json`
//!   read with `json(..)`; user text is data, never spliced into template source, so it cannot
//!   become markup or code.
//! - **Templates:** `templates/{common,minutes,resolution,attendance-sheet}.typ`, embedded, and
//!   overridable file by file from [`ExportOptions::template_dir`].
//! - **Fonts:** Liberation Serif 2.1.5, embedded; text the font cannot display is refused with
//!   the field and character ([`glyphs`]).
//! - **Determinism:** same record, attestations, attachments and options → same bytes: the PDF
//!   date comes from the meeting, the document identifier from the record hash.
//! - **Verification:** [`extract_attachments`] gives the bundle back; [`check_rendering`]
//!   re-renders from the embedded files and compares bytes.

pub mod glyphs;

mod fonts;
mod invitation;
mod poppler_quirk;
mod qr;
mod render;
mod templates;
mod verify;
mod world;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use fonts::FONT_FAMILY;
pub use invitation::{CalendarRevision, calendar_product_id, invitation_ics, render_invitation};
pub use qr::qr_payload;
pub use render::{render, render_attendance_sheet, render_minutes, render_resolution};
pub use templates::{TEMPLATE_NAMES, UNSIGNED_TEMPLATE_NAMES, embedded_template};
pub use verify::{RenderingDifference, check_rendering, extract_attachments};

/// Why an export or a check failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// The record bytes are not a record.
    #[error("record.json: {0}")]
    Record(String),
    /// A field holds a character that cannot be printed (see [`glyphs`]).
    #[error(
        "field {field}: character U+{code:04X} {character:?} {reason}",
        code = *character as u32
    )]
    UnsupportedCharacter {
        /// JSON path of the field, e.g. `meeting.agenda[2].speeches[0].gist`.
        field: String,
        /// The character.
        character: char,
        /// Why it is refused.
        reason: &'static str,
    },
    /// A field holds a "word" (run of non-space characters) too long to lay out.
    #[error("field {field}: a word longer than {max} characters cannot be laid out; add spaces")]
    WordTooLong {
        /// JSON path of the field.
        field: String,
        /// The limit ([`glyphs::MAX_WORD_CHARS`]).
        max: usize,
    },
    /// An attestation cannot be used.
    #[error("attestation {index}: {message}")]
    Attestation {
        /// Position in the list given (0-based).
        index: usize,
        /// What is wrong.
        message: String,
    },
    /// An attachment cannot be embedded.
    #[error("attachment {path:?}: {message}")]
    Attachment {
        /// Its path.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A template file cannot be read.
    #[error("template {name}: {message}")]
    Template {
        /// File name.
        name: String,
        /// What is wrong.
        message: String,
    },
    /// typst reported errors while laying out.
    #[error("typesetting failed: {0}")]
    Typeset(String),
    /// typst could not write the PDF (e.g. a PDF/A rule).
    #[error("PDF export failed: {0}")]
    Pdf(String),
    /// The PDF could not be read.
    #[error("cannot read the PDF: {0}")]
    ReadPdf(String),
    /// The PDF lacks what this exporter writes (embedded record, export parameters).
    #[error("not a Minutebook export: {0}")]
    NotAnExport(String),
    /// Re-rendering from the embedded record did not give the same bytes.
    #[error("the PDF does not match a fresh rendering of its embedded record: {0}")]
    RenderingMismatch(String),
    /// Same templates and exporter, but the PDF's bytes differ from a fresh rendering: how
    /// ([`RenderingDifference`]), and where the bytes first differ.
    #[error("the PDF does not match a fresh rendering of its embedded record: {detail}")]
    Differs {
        /// Re-saved (every page draws the same) or edited (which pages).
        difference: RenderingDifference,
        /// Byte offset and sizes, for the record.
        detail: String,
    },
}

/// Which document to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// Biên bản, followed by the signature page and the attendance sheet (`minutes.typ`).
    Minutes,
    /// Nghị quyết (`resolution.typ`).
    Resolution,
    /// The attendance sheet alone (`attendance-sheet.typ`).
    AttendanceSheet,
}

impl DocumentKind {
    /// The template file that is the main source.
    pub fn template(self) -> &'static str {
        match self {
            DocumentKind::Minutes => "minutes.typ",
            DocumentKind::Resolution => "resolution.typ",
            DocumentKind::AttendanceSheet => "attendance-sheet.typ",
        }
    }

    /// Stable code ("minutes", "resolution", "attendance-sheet").
    pub fn code(self) -> &'static str {
        match self {
            DocumentKind::Minutes => "minutes",
            DocumentKind::Resolution => "resolution",
            DocumentKind::AttendanceSheet => "attendance-sheet",
        }
    }
}

/// How the "Nơi nhận:" heading is set. The sources disagree (cell-meetings-addendum.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecipientsStyle {
    /// 14 pt, underlined (two HD 05 implementations and a guide in the Party style). Default.
    #[default]
    #[serde(rename = "underlined-14")]
    Underlined14,
    /// 12 pt, underlined.
    #[serde(rename = "underlined-12")]
    Underlined12,
    /// 12 pt, bold italic (a summary that follows the State style).
    #[serde(rename = "bold-italic-12")]
    BoldItalic12,
}

/// Layout values that the sources dispute; the defaults are the HD 36-HD/VPTW values
/// (cell-meetings-addendum.md §1) or, where HD 36 gives none, the most common reading.
/// Passed to the template as data (`ex.layout`), so a template may also ignore them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LayoutSettings {
    /// Top margin, mm (20).
    pub margin_top_mm: f64,
    /// Bottom margin, mm (20).
    pub margin_bottom_mm: f64,
    /// Left margin, mm (30).
    pub margin_left_mm: f64,
    /// Right margin, mm (15).
    pub margin_right_mm: f64,
    /// Body text size, pt (14; HD 36 allows 14–15).
    pub body_size_pt: f64,
    /// Baseline-to-baseline distance of body lines, pt ("exactly 18 pt"; sources say 18–20).
    pub line_height_pt: f64,
    /// Space after a paragraph, pt (6).
    pub paragraph_spacing_pt: f64,
    /// First-line indent of body paragraphs, cm (1.0; sources say 1–1.27).
    pub first_line_indent_cm: f64,
    /// Type name ("BIÊN BẢN", "NGHỊ QUYẾT") size, pt (15; HD 36 says 15–16).
    pub title_size_pt: f64,
    /// Subject line size, pt (14; HD 36 says 14–15).
    pub subject_size_pt: f64,
    /// Page number size, pt (13).
    pub page_number_size_pt: f64,
    /// Whether the post line of a signature ("BÍ THƯ", "CHỦ TRÌ") is bold (true per the HD 36
    /// summaries; two HD 05 implementations set it regular).
    pub post_line_bold: bool,
    /// "Nơi nhận:" heading style.
    pub recipients_style: RecipientsStyle,
    /// Recipient lines size, pt (12).
    pub recipients_size_pt: f64,
    /// Print the place-date line on minutes (true: the HD 16 template has it; one HD 05
    /// implementation leaves it empty).
    pub place_date_on_minutes: bool,
    /// Share of the text width given to the left header column (0.5: "ĐẢNG BỘ PHƯỜNG THANH BÌNH"
    /// at 14 pt needs about 80 mm).
    pub header_left_share: f64,
}

impl Default for LayoutSettings {
    fn default() -> Self {
        LayoutSettings {
            margin_top_mm: 20.0,
            margin_bottom_mm: 20.0,
            margin_left_mm: 30.0,
            margin_right_mm: 15.0,
            body_size_pt: 14.0,
            line_height_pt: 18.0,
            paragraph_spacing_pt: 6.0,
            first_line_indent_cm: 1.0,
            title_size_pt: 15.0,
            subject_size_pt: 14.0,
            page_number_size_pt: 13.0,
            post_line_bold: true,
            recipients_style: RecipientsStyle::Underlined14,
            recipients_size_pt: 12.0,
            place_date_on_minutes: true,
            header_left_share: 0.5,
        }
    }
}

/// Options of one export.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExportOptions {
    /// A folder whose `common.typ`, `minutes.typ`, `resolution.typ`, `attendance-sheet.typ`
    /// replace the embedded templates (each file that is present replaces its namesake).
    pub template_dir: Option<PathBuf>,
    /// Mark every page "DỰ THẢO" even if attestations are given.
    pub draft: bool,
    /// Disputed layout values.
    pub layout: LayoutSettings,
}

/// A file of the bundle to embed in the PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Path in the bundle: `record.json`, `signatures/01-chair.json`, `signatures/01-chair.sig`,
    /// `signatures/01-chair.pub.pem`. Kept as the embedded file name, slash included.
    pub path: String,
    /// Exact bytes.
    pub bytes: Vec<u8>,
    /// MIME type, e.g. `application/json`.
    pub mime: String,
    /// Human description (ASCII or Vietnamese).
    pub description: String,
}

impl Attachment {
    /// An attachment with the MIME type and description this crate uses for bundle files
    /// (`record.json`, `*.json`, `*.sig`, `*.pub.pem`).
    pub fn bundle_file(path: &str, bytes: Vec<u8>) -> Attachment {
        let (mime, description) = if path == "record.json" {
            (
                "application/json",
                "Signed meeting record (canonical JSON, RFC 8785)".to_owned(),
            )
        } else if path.ends_with(".json") {
            ("application/json", format!("Attestation {path}"))
        } else if path.ends_with(".sig") {
            (
                "application/octet-stream",
                format!("Ed25519 signature (64 bytes) {path}"),
            )
        } else if path.ends_with(".pem") {
            (
                "application/x-pem-file",
                format!("Public key (SPKI PEM) {path}"),
            )
        } else {
            ("application/octet-stream", format!("Bundle file {path}"))
        };
        Attachment {
            path: path.to_owned(),
            bytes,
            mime: mime.to_owned(),
            description,
        }
    }
}

/// What the signature page prints about one attestation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttestationInfo {
    /// Signer's full name.
    pub signer_name: String,
    /// Signer's member id.
    pub member_id: String,
    /// "chair", "minute-taker" or "member".
    pub role: String,
    /// RFC 3339 signing time as the signer's clock said.
    pub signed_at: String,
    /// SHA-256 of the signing key's SPKI DER, 64 lowercase hex digits.
    pub key_fingerprint: String,
    /// SHA-256 of the record the attestation covers.
    pub record_sha256: String,
}

impl AttestationInfo {
    /// Reads the fields to print from attestation JSON bytes
    /// (`{"type":"minutebook.attestation","format":1,…}`). This does not verify anything:
    /// signatures are `minutebook-sign`'s business.
    ///
    /// # Errors
    /// A message when the bytes are not an attestation of format 1.
    pub fn from_json(bytes: &[u8]) -> Result<AttestationInfo, String> {
        #[derive(Deserialize)]
        struct Signer {
            member_id: String,
            full_name: String,
        }
        #[derive(Deserialize)]
        struct Raw {
            #[serde(rename = "type")]
            type_tag: String,
            format: u32,
            record_sha256: String,
            signer: Signer,
            role: String,
            key_fingerprint: String,
            signed_at: String,
        }
        let r: Raw = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        if r.type_tag != "minutebook.attestation" || r.format != 1 {
            return Err(format!(
                "expected a minutebook.attestation of format 1, found {:?} format {}",
                r.type_tag, r.format
            ));
        }
        Ok(AttestationInfo {
            signer_name: r.signer.full_name,
            member_id: r.signer.member_id,
            role: r.role,
            signed_at: r.signed_at,
            key_fingerprint: r.key_fingerprint,
            record_sha256: r.record_sha256,
        })
    }
}
