//! The typst templates: embedded with `include_str!`, each replaceable by a file of the same
//! name in [`crate::ExportOptions::template_dir`].

use std::collections::BTreeMap;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::ExportError;

/// The template files of the signed documents, in the order their digest is computed.
pub const TEMPLATE_NAMES: [&str; 4] = [
    "common.typ",
    "minutes.typ",
    "resolution.typ",
    "attendance-sheet.typ",
];

/// Largest template file read from a folder.
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// Templates of documents that carry no signed record (the meeting notice): rendered with
/// `common.typ`, never re-rendered by `verify`, so they are not part of the digest.
pub const UNSIGNED_TEMPLATE_NAMES: [&str; 1] = ["invitation.typ"];

/// The embedded text of template `name`, if it is one of [`TEMPLATE_NAMES`] or
/// [`UNSIGNED_TEMPLATE_NAMES`].
pub fn embedded_template(name: &str) -> Option<&'static str> {
    Some(match name {
        "invitation.typ" => include_str!("../templates/invitation.typ"),
        "common.typ" => include_str!("../templates/common.typ"),
        "minutes.typ" => include_str!("../templates/minutes.typ"),
        "resolution.typ" => include_str!("../templates/resolution.typ"),
        "attendance-sheet.typ" => include_str!("../templates/attendance-sheet.typ"),
        _ => return None,
    })
}

/// The template set used for one export and its digest.
pub(crate) struct TemplateSet {
    /// name → source text.
    pub files: BTreeMap<&'static str, String>,
    /// SHA-256 over the names and texts in [`TEMPLATE_NAMES`] order, lowercase hex.
    pub sha256: String,
}

/// Earlier embedded template sets, kept so that a PDF exported by an earlier version still
/// passes the rendering check (it is re-rendered with the templates it was made with, which it
/// names by digest). Add the outgoing set here, under `templates/archive/<month>/`, whenever a
/// template changes. Each entry: the four files in [`TEMPLATE_NAMES`] order.
const ARCHIVE: &[[&str; 4]] = &[
    // Until 2026-12-06 (stop 17): a long upper-committee name wrapped under the header, the
    // date line could leave the year alone, document numbers could break across lines.
    [
        include_str!("../templates/archive/2026-12b/common.typ"),
        include_str!("../templates/archive/2026-12b/minutes.typ"),
        include_str!("../templates/archive/2026-12b/resolution.typ"),
        include_str!("../templates/archive/2026-12b/attendance-sheet.typ"),
    ],
    // Until 2026-12-06: no name for the counting reading `qd24-exclusions`.
    [
        include_str!("../templates/archive/2026-12/common.typ"),
        include_str!("../templates/archive/2026-12/minutes.typ"),
        include_str!("../templates/archive/2026-12/resolution.typ"),
        include_str!("../templates/archive/2026-12/attendance-sheet.typ"),
    ],
    // Until 2026-12: body paragraphs broken by typst's whole-paragraph optimiser.
    [
        include_str!("../templates/archive/2026-11/common.typ"),
        include_str!("../templates/archive/2026-11/minutes.typ"),
        include_str!("../templates/archive/2026-11/resolution.typ"),
        include_str!("../templates/archive/2026-11/attendance-sheet.typ"),
    ],
];

/// The current or an archived embedded template set whose digest is `sha256`, if any.
pub(crate) fn embedded_with_digest(sha256: &str) -> Option<TemplateSet> {
    let current = TEMPLATE_NAMES.map(|n| embedded_template(n).unwrap_or_default());
    std::iter::once(current)
        .chain(ARCHIVE.iter().copied())
        .map(|texts| set_of(TEMPLATE_NAMES.into_iter().zip(texts.map(str::to_owned))))
        .find(|set| set.sha256 == sha256)
}

/// A set from (name, text) pairs in [`TEMPLATE_NAMES`] order, with its digest.
fn set_of(pairs: impl IntoIterator<Item = (&'static str, String)>) -> TemplateSet {
    let mut files = BTreeMap::new();
    let mut hasher = Sha256::new();
    for (name, text) in pairs {
        hasher.update(name.as_bytes());
        hasher.update([0]);
        hasher.update((text.len() as u64).to_be_bytes());
        hasher.update(text.as_bytes());
        files.insert(name, text);
    }
    TemplateSet {
        files,
        sha256: hex(&hasher.finalize()),
    }
}

/// Loads the embedded templates, replacing each by `dir/<name>` when that file exists.
pub(crate) fn load(dir: Option<&Path>) -> Result<TemplateSet, ExportError> {
    let mut pairs = Vec::with_capacity(TEMPLATE_NAMES.len());
    for name in TEMPLATE_NAMES {
        pairs.push((name, load_one(dir, name)?));
    }
    Ok(set_of(pairs))
}

/// The text of template `name`: `dir/<name>` when that file exists, else the embedded one.
///
/// # Errors
/// [`ExportError::Template`] when the file is larger than 1 MiB, unreadable or not UTF-8.
pub(crate) fn load_one(dir: Option<&Path>, name: &str) -> Result<String, ExportError> {
    Ok(match dir.map(|d| d.join(name)) {
        Some(path) if path.is_file() => {
            let err = |message: String| ExportError::Template {
                name: path.display().to_string(),
                message,
            };
            let len = std::fs::metadata(&path)
                .map_err(|e| err(e.to_string()))?
                .len();
            if len > MAX_TEMPLATE_BYTES {
                return Err(err(format!("larger than {MAX_TEMPLATE_BYTES} bytes")));
            }
            let bytes = std::fs::read(&path).map_err(|e| err(e.to_string()))?;
            String::from_utf8(bytes).map_err(|_| err("not UTF-8".into()))?
        }
        _ => embedded_template(name).unwrap_or_default().to_owned(),
    })
}

/// Lowercase hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
