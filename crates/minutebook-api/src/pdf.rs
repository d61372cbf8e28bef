//! PDF exports of a meeting, and verification of an exported PDF.
//!
//! An export is rendered from the record's exact bytes (never from UI state) with the bundle
//! files attached; `verify` takes the bundle back out of the PDF, verifies it like any bundle,
//! and re-renders it to check that the pages are what the record says
//! (`minutebook_export::check_rendering`).

use minutebook_export::Attachment;
use minutebook_sign::bundle::{Bundle, BundleLimits};
use minutebook_sign::trust::TrustStore;
use minutebook_sign::verify::VerifyOptions;

use crate::error::{ApiError, ErrorCode};
use crate::verify::{RenderingCheck, Subject, VerifyResult, single, unreadable, with_rendering};

impl From<minutebook_export::ExportError> for ApiError {
    fn from(e: minutebook_export::ExportError) -> Self {
        ApiError::new(ErrorCode::Export, e.to_string())
    }
}

pub(crate) fn attachments_of(bundle: &Bundle) -> Vec<Attachment> {
    bundle
        .entries()
        .into_iter()
        .map(|(path, bytes)| Attachment::bundle_file(&path, bytes.to_vec()))
        .collect()
}

/// Verifies an exported PDF: its attached bundle, and that its pages were rendered from it.
pub(crate) fn verify_pdf(
    source: &str,
    bytes: &[u8],
    trust: &TrustStore,
    opts: &VerifyOptions,
    trust_sources: Vec<String>,
) -> VerifyResult {
    let failed = |reason: String| VerifyResult {
        subject: Subject::Pdf,
        path: source.to_owned(),
        outcome: minutebook_sign::verify::Outcome::Invalid,
        bundles: vec![crate::verify::BundleResult {
            superseded_by: None,
            source: source.to_owned(),
            report: unreadable(&reason),
        }],
        chain: None,
        rendering: None,
        trust_sources: trust_sources.clone(),
    };
    let attachments = match minutebook_export::extract_attachments(bytes) {
        Ok(a) => a,
        Err(e) => return failed(format!("the PDF's attachments cannot be read: {e}")),
    };
    let bundle = match Bundle::from_entries(
        attachments.into_iter().map(|a| (a.path, a.bytes)),
        BundleLimits::default(),
    ) {
        Ok(b) => b,
        Err(e) => return failed(format!("the PDF does not carry a valid bundle: {e}")),
    };
    let result = single(
        Subject::Pdf,
        source,
        &bundle,
        trust,
        opts,
        trust_sources.clone(),
    );
    let check = match minutebook_export::check_rendering(bytes, None) {
        Ok(()) => RenderingCheck {
            matches: true,
            detail: None,
            difference: None,
        },
        Err(e) => RenderingCheck {
            matches: false,
            detail: Some(e.to_string()),
            difference: match e {
                minutebook_export::ExportError::Differs { difference, .. } => Some(difference),
                _ => None,
            },
        },
    };
    with_rendering(result, check)
}
