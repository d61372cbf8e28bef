//! What a path holds, as candidates for ingest: a bundle folder, a bundle zip, an exported
//! PDF/A-3 carrying its bundle, or a folder of those (each entry one candidate, not recursing
//! further). Reading never fails the batch: what cannot be read becomes a candidate that says
//! why, and goes to the quarantine.
//!
//! Bundles are read with `minutebook_sign::Bundle` and its default limits, and PDFs with
//! `minutebook_export::extract_attachments`, exactly as `minutebook verify` reads them
//! (`crates/minutebook-api/src/verify.rs`, `pdf.rs`).

use std::path::{Path, PathBuf};

use minutebook_api::read_input_file;
use minutebook_sign::bundle::{Bundle, BundleLimits, RECORD_FILE};

/// A PDF's pages as checked against the record it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pages {
    /// Not a PDF (a bundle folder or zip).
    NotPdf,
    /// Re-rendering the embedded record gives exactly the PDF's bytes.
    Match,
    /// They differ: what `minutebook_export::check_rendering` said.
    Differ(String),
}

/// What was read from one input.
#[derive(Debug, Clone)]
pub enum Content {
    /// A bundle that could be read (not yet verified).
    Bundle {
        /// The bundle.
        bundle: Bundle,
        /// For PDFs, whether the pages match the record.
        pages: Pages,
    },
    /// Nothing that could be verified.
    Unreadable {
        /// Stable reason code (`unreadable`, `not-a-bundle`).
        code: &'static str,
        /// Details (English, as the bundle reader says them).
        reason: String,
    },
}

/// One input: where it came from, its raw bytes (the file, or a folder bundle as a zip) for the
/// quarantine, and what it holds.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The path as found.
    pub path: PathBuf,
    /// The bytes kept if it is quarantined (`None` when nothing could be read).
    pub raw: Option<Vec<u8>>,
    /// What it holds.
    pub content: Content,
}

impl Candidate {
    /// The path for messages and the `source` column.
    pub fn source(&self) -> String {
        self.path.display().to_string()
    }
}

/// True when `path` names a bundle folder (a folder holding `record.json`).
pub fn is_bundle_dir(path: &Path) -> bool {
    path.is_dir() && path.join(RECORD_FILE).exists()
}

/// The candidates at `path`: one for a bundle folder or a file, one per entry for any other
/// folder (in name order).
pub fn candidates(path: &Path) -> Vec<Candidate> {
    if path.is_dir() && !is_bundle_dir(path) {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => return vec![unreadable(path, None, "unreadable", e.to_string())],
        };
        entries.sort();
        return entries.iter().map(|p| candidate(p)).collect();
    }
    vec![candidate(path)]
}

/// The one candidate `path` is (a bundle folder, a zip, a PDF; anything else is refused).
pub fn candidate(path: &Path) -> Candidate {
    let limits = BundleLimits::default();
    if path.is_dir() {
        if !is_bundle_dir(path) {
            return unreadable(
                path,
                None,
                "not-a-bundle",
                format!("a folder without {RECORD_FILE}"),
            );
        }
        return match Bundle::read_dir(path, limits) {
            Ok(bundle) => Candidate {
                path: path.to_owned(),
                raw: bundle.to_zip_bytes().ok(),
                content: Content::Bundle {
                    bundle,
                    pages: Pages::NotPdf,
                },
            },
            Err(e) => unreadable(path, None, "unreadable", e.to_string()),
        };
    }
    let bytes = match read_input_file(path) {
        Ok(b) => b,
        Err(e) => return unreadable(path, None, "unreadable", e.message),
    };
    if bytes.starts_with(b"%PDF-") {
        return pdf(path, bytes);
    }
    match Bundle::read_zip_from(std::io::Cursor::new(&bytes), limits) {
        Ok(bundle) => Candidate {
            path: path.to_owned(),
            raw: Some(bytes),
            content: Content::Bundle {
                bundle,
                pages: Pages::NotPdf,
            },
        },
        Err(e) => unreadable(
            path,
            Some(bytes),
            "not-a-bundle",
            format!("neither a PDF nor a bundle zip: {e}"),
        ),
    }
}

/// A PDF: its attached bundle, and whether its pages were rendered from it.
fn pdf(path: &Path, bytes: Vec<u8>) -> Candidate {
    let attachments = match minutebook_export::extract_attachments(&bytes) {
        Ok(a) => a,
        Err(e) => {
            return unreadable(
                path,
                Some(bytes),
                "unreadable",
                format!("the PDF's attachments cannot be read: {e}"),
            );
        }
    };
    let bundle = match Bundle::from_entries(
        attachments.into_iter().map(|a| (a.path, a.bytes)),
        BundleLimits::default(),
    ) {
        Ok(b) => b,
        Err(e) => {
            return unreadable(
                path,
                Some(bytes),
                "not-a-bundle",
                format!("the PDF does not carry a valid bundle: {e}"),
            );
        }
    };
    let pages = match minutebook_export::check_rendering(&bytes, None) {
        Ok(()) => Pages::Match,
        Err(e) => Pages::Differ(e.to_string()),
    };
    Candidate {
        path: path.to_owned(),
        raw: Some(bytes),
        content: Content::Bundle { bundle, pages },
    }
}

fn unreadable(path: &Path, raw: Option<Vec<u8>>, code: &'static str, reason: String) -> Candidate {
    Candidate {
        path: path.to_owned(),
        raw,
        content: Content::Unreadable { code, reason },
    }
}
