//! `minutebook verify PATH`: a bundle folder, a bundle zip, a folder of bundles (a minute book),
//! or an exported PDF carrying its bundle.
//!
//! Trust comes only from outside the thing verified: `--trust` files (a `minutebook.trust` JSON
//! or a public key PEM) and, when a minute book is given, the keys its roster pins. A key
//! carried inside a bundle is never trusted on its own.

use std::path::{Path, PathBuf};

use minutebook_sign::bundle::{Bundle, BundleLimits};
use minutebook_sign::trust::TrustStore;
use minutebook_sign::verify::{
    BookVerifier, ChainReport, Outcome, VerificationReport, VerifyOptions, verify_bundle,
};
use serde::Serialize;

pub use minutebook_sign::trust::PinStatus;
pub use minutebook_sign::verify::Outcome as VerifyOutcome;
pub use minutebook_sign::verify::{Problem, ReportedProblem};

use crate::book::Book;
use crate::error::ApiError;
use crate::files::read_input_file;

/// What was verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Subject {
    /// One bundle folder.
    BundleFolder,
    /// One bundle zip.
    BundleZip,
    /// A folder of bundles (folders or zips): a minute book.
    MinuteBook,
    /// An exported PDF with its bundle attached.
    Pdf,
}

/// Whether a PDF's pages were rendered from the record it carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenderingCheck {
    /// True when re-rendering the embedded record gives exactly the PDF's bytes.
    pub matches: bool,
    /// What differs, when it does not (English, for logs; show [`Self::difference`]).
    pub detail: Option<String>,
    /// How the PDF differs from a fresh rendering of its record, when the templates and the
    /// exporter are the same: saved again by another program with every page unchanged, or
    /// these pages edited. `None` when it matches or could not be compared.
    pub difference: Option<minutebook_export::RenderingDifference>,
}

/// Everything `verify` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyResult {
    /// What was verified.
    pub subject: Subject,
    /// The path given.
    pub path: String,
    /// Overall verdict.
    pub outcome: Outcome,
    /// One report per bundle.
    pub bundles: Vec<BundleResult>,
    /// The chain across bundles (minute books only).
    pub chain: Option<ChainReport>,
    /// PDFs only.
    pub rendering: Option<RenderingCheck>,
    /// Where trust came from, e.g. "trust file roster.trust.json", "minute book roster".
    pub trust_sources: Vec<String>,
}

/// One bundle's report and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BundleResult {
    /// Path of the bundle (folder, zip or PDF).
    pub source: String,
    /// The report.
    #[serde(flatten)]
    pub report: VerificationReport,
    /// A later version of the same meeting's record, when one is known: another bundle in the
    /// folder being verified, or a version stored in the minute book given. A superseded
    /// version's signatures still hold, but it is no longer the meeting's record.
    pub superseded_by: Option<Superseded>,
}

/// The newest later version of a record's meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Superseded {
    /// Its version number.
    pub version: u64,
    /// Its SHA-256 (hex).
    pub record_sha256: String,
    /// Where it was found: the bundle's path, or `None` for the minute book itself.
    pub source: Option<String>,
}

impl VerifyResult {
    /// Exit code: 0 valid and pinned, 1 anything fails, 3 valid but some key pinned by nothing.
    pub fn exit_code(&self) -> u8 {
        match self.outcome {
            Outcome::Valid => 0,
            Outcome::Invalid => 1,
            Outcome::Unpinned => 3,
        }
    }
}

fn combine(outcomes: impl IntoIterator<Item = Outcome>) -> Outcome {
    let mut result = Outcome::Valid;
    for o in outcomes {
        match o {
            Outcome::Invalid => return Outcome::Invalid,
            Outcome::Unpinned => result = Outcome::Unpinned,
            Outcome::Valid => {}
        }
    }
    result
}

/// Loads trust from `--trust` files and, when given, the minute book's roster.
///
/// # Errors
/// A malformed trust file (usage error: exit 2).
pub fn load_trust(
    files: &[PathBuf],
    book: Option<&Book>,
) -> Result<(TrustStore, Vec<String>), ApiError> {
    let mut trust = TrustStore::new();
    let mut sources = Vec::new();
    for f in files {
        let bytes =
            read_input_file(f).map_err(|e| ApiError::new(crate::ErrorCode::Usage, e.message))?;
        let looks_pem = bytes.starts_with(b"-----BEGIN");
        let r = if looks_pem {
            let text = String::from_utf8_lossy(&bytes);
            trust.add_public_key_pem(&text).map(|_| ())
        } else {
            trust.add_trust_json(&bytes)
        };
        r.map_err(|e| ApiError::new(crate::ErrorCode::Usage, format!("{}: {e}", f.display())))?;
        sources.push(f.display().to_string());
    }
    if let Some(book) = book {
        for k in book.trusted_keys()? {
            trust.add(k);
        }
        sources.push(format!("roster of {}", book.path().display()));
    }
    Ok((trust, sources))
}

fn is_pdf(path: &Path, bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// Verifies whatever `path` is. Returns a result for anything readable; an error only for
/// usage problems (missing path, malformed trust file).
///
/// # Errors
/// [`ApiError`] with code `Usage` for a path that does not exist or bad trust files.
pub fn verify_path(
    path: &Path,
    trust_files: &[PathBuf],
    book: Option<&Book>,
) -> Result<VerifyResult, ApiError> {
    let mut result = verify_any(path, trust_files, book)?;
    if result.subject != Subject::MinuteBook {
        mark_superseded_in_book(&mut result, book);
    }
    Ok(result)
}

fn verify_any(
    path: &Path,
    trust_files: &[PathBuf],
    book: Option<&Book>,
) -> Result<VerifyResult, ApiError> {
    let (trust, trust_sources) = load_trust(trust_files, book)?;
    let opts = VerifyOptions::default();
    let limits = BundleLimits::default();
    let meta = std::fs::symlink_metadata(path)
        .map_err(|e| ApiError::new(crate::ErrorCode::Usage, format!("{}: {e}", path.display())))?;
    let source = path.display().to_string();
    let failed = |subject, reason: String| VerifyResult {
        subject,
        path: source.clone(),
        outcome: Outcome::Invalid,
        bundles: vec![BundleResult {
            source: source.clone(),
            report: unreadable(&reason),
            superseded_by: None,
        }],
        chain: None,
        rendering: None,
        trust_sources: trust_sources.clone(),
    };
    if meta.is_dir() {
        if path.join("record.json").exists() {
            return Ok(match Bundle::read_dir(path, limits) {
                Ok(b) => single(
                    Subject::BundleFolder,
                    &source,
                    &b,
                    &trust,
                    &opts,
                    trust_sources,
                ),
                Err(e) => failed(Subject::BundleFolder, e.to_string()),
            });
        }
        return Ok(minute_book(path, &trust, &opts, trust_sources));
    }
    let bytes =
        read_input_file(path).map_err(|e| ApiError::new(crate::ErrorCode::Usage, e.message))?;
    if is_pdf(path, &bytes) {
        return Ok(crate::pdf::verify_pdf(
            &source,
            &bytes,
            &trust,
            &opts,
            trust_sources,
        ));
    }
    Ok(
        match Bundle::read_zip_from(std::io::Cursor::new(&bytes), limits) {
            Ok(b) => single(
                Subject::BundleZip,
                &source,
                &b,
                &trust,
                &opts,
                trust_sources,
            ),
            Err(e) => failed(Subject::BundleZip, e.to_string()),
        },
    )
}

/// A report for a bundle that could not even be read.
pub(crate) fn unreadable(reason: &str) -> VerificationReport {
    let mut b = Bundle::new(Vec::new());
    b.signatures.clear();
    let mut r = verify_bundle(&b, &TrustStore::new(), &VerifyOptions::default());
    r.problems.insert(
        0,
        minutebook_sign::verify::Problem::RecordInvalid {
            reason: format!("the bundle cannot be read: {reason}"),
        }
        .into(),
    );
    r.outcome = Outcome::Invalid;
    r
}

pub(crate) fn single(
    subject: Subject,
    source: &str,
    bundle: &Bundle,
    trust: &TrustStore,
    opts: &VerifyOptions,
    trust_sources: Vec<String>,
) -> VerifyResult {
    let report = verify_bundle(bundle, trust, opts);
    VerifyResult {
        subject,
        path: source.to_owned(),
        outcome: report.outcome,
        bundles: vec![BundleResult {
            source: source.to_owned(),
            report,
            superseded_by: None,
        }],
        chain: None,
        rendering: None,
        trust_sources,
    }
}

fn minute_book(
    dir: &Path,
    trust: &TrustStore,
    opts: &VerifyOptions,
    trust_sources: Vec<String>,
) -> VerifyResult {
    let limits = BundleLimits::default();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    entries.sort();
    // One bundle at a time: each is read, verified and dropped; the book verifier keeps only
    // each record's header and hash for the chain (memory stays small on a ten-year book).
    let mut book = BookVerifier::new(trust, opts);
    let mut results = Vec::new();
    for p in entries {
        let Ok(meta) = std::fs::symlink_metadata(&p) else {
            continue;
        };
        let read = if meta.is_dir() && p.join("record.json").exists() {
            Some(Bundle::read_dir(&p, limits))
        } else if meta.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip")) {
            Some(Bundle::read_zip(&p, limits))
        } else {
            None
        };
        let source = p.display().to_string();
        match read {
            None => {}
            Some(Ok(b)) => results.push(BundleResult {
                source,
                report: book.add(&b),
                superseded_by: None,
            }),
            Some(Err(e)) => results.push(BundleResult {
                source,
                report: unreadable(&e.to_string()),
                superseded_by: None,
            }),
        }
    }
    let chain = book.finish();
    mark_superseded(&mut results);
    let outcome = if results.is_empty() {
        Outcome::Invalid
    } else {
        combine(
            results
                .iter()
                .map(|r| r.report.outcome)
                .chain([chain.outcome]),
        )
    };
    VerifyResult {
        subject: Subject::MinuteBook,
        path: dir.display().to_string(),
        outcome,
        bundles: results,
        chain: Some(chain),
        rendering: None,
        trust_sources,
    }
}

pub(crate) fn with_rendering(mut r: VerifyResult, check: RenderingCheck) -> VerifyResult {
    if !check.matches {
        r.outcome = Outcome::Invalid;
    }
    r.rendering = Some(check);
    r
}

/// Marks each bundle of a folder whose meeting has a later version in the same folder.
fn mark_superseded(results: &mut [BundleResult]) {
    let mut newest: std::collections::HashMap<String, (u64, String, String)> =
        std::collections::HashMap::new();
    for r in results.iter() {
        if let (Some(m), Some(v)) = (&r.report.meeting_id, r.report.version) {
            let e = newest.entry(m.clone()).or_insert((
                v,
                r.report.record_sha256.clone(),
                r.source.clone(),
            ));
            if v > e.0 {
                *e = (v, r.report.record_sha256.clone(), r.source.clone());
            }
        }
    }
    for r in results.iter_mut() {
        if let (Some(m), Some(v)) = (&r.report.meeting_id, r.report.version)
            && let Some((nv, sha, src)) = newest.get(m)
            && *nv > v
        {
            r.superseded_by = Some(Superseded {
                version: *nv,
                record_sha256: sha.clone(),
                source: Some(src.clone()),
            });
        }
    }
}

/// Marks a single verified bundle (or PDF) superseded when `book` stores a later version of
/// the same record's meeting, found by the record's hash.
pub(crate) fn mark_superseded_in_book(result: &mut VerifyResult, book: Option<&Book>) {
    let Some(book) = book else { return };
    for r in &mut result.bundles {
        if let Some(later) = book.later_version_of(&r.report.record_sha256) {
            r.superseded_by = Some(Superseded {
                version: u64::from(later.0),
                record_sha256: later.1,
                source: None,
            });
        }
    }
}
