//! Bundles: `record.json` plus, per signature in signing order,
//! `signatures/NN-<role>.json` (attestation), `.sig` (raw 64-byte ed25519 signature) and
//! `.pub.pem` (SPKI PEM). NN is the 1-based signing position written with at least two digits
//! (`01`, `02`, …); role is `chair`, `minute-taker` or `member`.
//!
//! The same files form a folder, a zip, or PDF attachments. Reading is defensive: only the
//! exact names above are accepted; `..`, absolute paths, backslashes, empty or `.` components,
//! symlinks, duplicates, encrypted zip entries and anything else are refused; per-entry and
//! total sizes are capped on the bytes actually read (a zip header that lies about its size
//! does not help). Writing a zip is deterministic: sorted entries, fixed timestamp
//! (1980-01-01 00:00), mode 0644, deflate.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use crate::attestation::SignedAttestation;
use minutebook_core::SignerRole;

/// Name of the record file inside a bundle.
pub const RECORD_FILE: &str = "record.json";
/// Folder of signature files inside a bundle.
pub const SIGNATURES_DIR: &str = "signatures";

/// Size and count caps applied when reading a bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BundleLimits {
    /// Largest single file, bytes (default 16 MiB).
    pub max_entry_bytes: u64,
    /// Largest sum of all files, bytes (default 64 MiB).
    pub max_total_bytes: u64,
    /// Most entries (default 1 + 3 × 300).
    pub max_entries: usize,
}

impl Default for BundleLimits {
    fn default() -> Self {
        BundleLimits {
            max_entry_bytes: 16 * 1024 * 1024,
            max_total_bytes: 64 * 1024 * 1024,
            max_entries: 1 + 3 * 300,
        }
    }
}

/// Why a bundle cannot be read or written. Each variant names the path concerned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    /// A path that could escape the bundle or is ambiguous.
    #[error("unsafe path {path:?}: {reason}")]
    UnsafePath {
        /// The path as found.
        path: String,
        /// Which rule it breaks.
        reason: &'static str,
    },
    /// A file that is not part of the bundle format.
    #[error(
        "unexpected file {path:?} (a bundle holds only record.json and signatures/NN-<role>.json/.sig/.pub.pem)"
    )]
    UnexpectedFile {
        /// The path as found.
        path: String,
    },
    /// The same path twice.
    #[error("duplicate entry {path:?}")]
    DuplicateEntry {
        /// The path.
        path: String,
    },
    /// A symbolic link (refused in folders and zips).
    #[error("symbolic link {path:?} refused")]
    Symlink {
        /// The path.
        path: String,
    },
    /// An entry larger than the per-entry cap (counted on bytes actually read).
    #[error("{path:?} is larger than {limit} bytes")]
    EntryTooLarge {
        /// The path.
        path: String,
        /// The cap, bytes.
        limit: u64,
    },
    /// The sum of entries exceeds the total cap.
    #[error("bundle is larger than {limit} bytes in total")]
    TotalTooLarge {
        /// The cap, bytes.
        limit: u64,
    },
    /// More entries than allowed.
    #[error("bundle has more than {limit} entries")]
    TooManyEntries {
        /// The cap.
        limit: usize,
    },
    /// No `record.json`.
    #[error("record.json is missing")]
    MissingRecord,
    /// A signature lacks one of its three files.
    #[error("signature {number:02}-{role} is incomplete: {missing} is missing")]
    IncompleteSignature {
        /// Signing position.
        number: u32,
        /// Role in the file name.
        role: SignerRole,
        /// Missing file name.
        missing: String,
    },
    /// Two signatures share a number (e.g. `01-chair` and `01-member`).
    #[error("two signatures are numbered {number:02}")]
    NumberClash {
        /// The number.
        number: u32,
    },
    /// An encrypted or otherwise unreadable zip entry.
    #[error("zip: {reason}")]
    Zip {
        /// What went wrong.
        reason: String,
    },
    /// File-system error.
    #[error("{path}: {reason}")]
    Io {
        /// The path.
        path: String,
        /// OS error.
        reason: String,
    },
    /// `write_dir` target exists and is not an empty folder.
    #[error("{path}: target must be a new or empty folder")]
    TargetNotEmpty {
        /// The path.
        path: String,
    },
}

fn io_err(path: &Path, e: &io::Error) -> BundleError {
    BundleError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

/// The three files of one signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureFiles {
    /// Signing position, 1-based (`NN`).
    pub number: u32,
    /// Role from the file name.
    pub role: SignerRole,
    /// `NN-<role>.json`: attestation bytes.
    pub attestation: Vec<u8>,
    /// `NN-<role>.sig`: raw signature bytes (64 when well-formed).
    pub signature: Vec<u8>,
    /// `NN-<role>.pub.pem`: SPKI PEM bytes.
    pub public_key_pem: Vec<u8>,
}

impl SignatureFiles {
    /// File stem `NN-<role>` (e.g. `01-chair`).
    pub fn stem(&self) -> String {
        format!("{:02}-{}", self.number, self.role)
    }
}

/// A bundle in memory. `signatures` is kept sorted by number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    /// Exact bytes of `record.json`.
    pub record: Vec<u8>,
    /// Signatures in signing order.
    pub signatures: Vec<SignatureFiles>,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Json,
    Sig,
    Pem,
}

enum Name {
    Record,
    Dir,
    Sig(u32, SignerRole, Kind),
}

/// Check general path safety, then match the bundle's exact names.
fn classify(path: &str) -> Result<Name, BundleError> {
    let unsafe_path = |reason| BundleError::UnsafePath {
        path: path.to_owned(),
        reason,
    };
    if path.is_empty() {
        return Err(unsafe_path("empty path"));
    }
    if path.contains('\\') {
        return Err(unsafe_path("backslash in path"));
    }
    if path.starts_with('/') || path.contains(':') {
        return Err(unsafe_path("absolute path"));
    }
    if path.contains('\0') {
        return Err(unsafe_path("NUL in path"));
    }
    let trimmed = path.strip_suffix('/').unwrap_or(path);
    for comp in trimmed.split('/') {
        match comp {
            ".." => return Err(unsafe_path("parent directory component (..)")),
            "." | "" => return Err(unsafe_path("empty or '.' component")),
            _ => {}
        }
    }
    if path == RECORD_FILE {
        return Ok(Name::Record);
    }
    if trimmed == SIGNATURES_DIR {
        return Ok(Name::Dir);
    }
    let unexpected = || BundleError::UnexpectedFile {
        path: path.to_owned(),
    };
    let file = path.strip_prefix("signatures/").ok_or_else(unexpected)?;
    let (stem, kind) = if let Some(s) = file.strip_suffix(".pub.pem") {
        (s, Kind::Pem)
    } else if let Some(s) = file.strip_suffix(".json") {
        (s, Kind::Json)
    } else if let Some(s) = file.strip_suffix(".sig") {
        (s, Kind::Sig)
    } else {
        return Err(unexpected());
    };
    let (nn, role) = stem.split_once('-').ok_or_else(unexpected)?;
    let role = SignerRole::from_code(role).ok_or_else(unexpected)?;
    if !nn.bytes().all(|b| b.is_ascii_digit()) {
        return Err(unexpected());
    }
    let number: u32 = nn.parse().map_err(|_| unexpected())?;
    if number == 0 || format!("{number:02}") != nn {
        return Err(unexpected());
    }
    Ok(Name::Sig(number, role, kind))
}

impl Bundle {
    /// A bundle holding only the record (a signing request before any signature).
    pub fn new(record: Vec<u8>) -> Bundle {
        Bundle {
            record,
            signatures: Vec::new(),
        }
    }

    /// The signing request: the same record without signatures.
    pub fn signing_request(&self) -> Bundle {
        Bundle::new(self.record.clone())
    }

    /// Append a signature with the next number (max + 1).
    pub fn add_signature(&mut self, s: SignedAttestation) {
        let number = self.signatures.iter().map(|s| s.number).max().unwrap_or(0) + 1;
        self.signatures.push(SignatureFiles {
            number,
            role: s.role,
            attestation: s.attestation,
            signature: s.signature.to_vec(),
            public_key_pem: s.public_key_pem.into_bytes(),
        });
    }

    /// All files as (relative path, bytes), sorted by path.
    pub fn entries(&self) -> Vec<(String, &[u8])> {
        let mut out: Vec<(String, &[u8])> = vec![(RECORD_FILE.to_owned(), &self.record)];
        for s in &self.signatures {
            let stem = s.stem();
            out.push((format!("signatures/{stem}.json"), &s.attestation));
            out.push((format!("signatures/{stem}.sig"), &s.signature));
            out.push((format!("signatures/{stem}.pub.pem"), &s.public_key_pem));
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// Build a bundle from (relative path, bytes) pairs — how the PDF exporter hands over
    /// attachments. A `signatures/` directory entry is ignored.
    ///
    /// # Errors
    /// Any [`BundleError`] about paths, duplicates, sizes or incomplete signatures.
    pub fn from_entries<I, P>(entries: I, limits: BundleLimits) -> Result<Bundle, BundleError>
    where
        I: IntoIterator<Item = (P, Vec<u8>)>,
        P: AsRef<str>,
    {
        let mut c = Collector::new(limits);
        for (path, bytes) in entries {
            c.add(path.as_ref(), bytes)?;
        }
        c.finish()
    }

    /// Read a bundle folder. Symlinks anywhere inside are refused; so is any other file.
    ///
    /// # Errors
    /// [`BundleError`].
    pub fn read_dir(dir: &Path, limits: BundleLimits) -> Result<Bundle, BundleError> {
        let mut c = Collector::new(limits);
        walk(dir, dir, &mut c)?;
        c.finish()
    }

    /// Read a bundle zip file.
    ///
    /// # Errors
    /// [`BundleError`].
    pub fn read_zip(path: &Path, limits: BundleLimits) -> Result<Bundle, BundleError> {
        let f = fs::File::open(path).map_err(|e| io_err(path, &e))?;
        Bundle::read_zip_from(io::BufReader::new(f), limits)
    }

    /// Read a bundle zip from any seekable reader (e.g. `Cursor<&[u8]>`).
    ///
    /// # Errors
    /// [`BundleError`].
    pub fn read_zip_from<R: Read + Seek>(
        reader: R,
        limits: BundleLimits,
    ) -> Result<Bundle, BundleError> {
        let zip_err = |e: zip::result::ZipError| BundleError::Zip {
            reason: e.to_string(),
        };
        let mut archive = ZipArchive::new(reader).map_err(zip_err)?;
        if archive.len() > limits.max_entries {
            return Err(BundleError::TooManyEntries {
                limit: limits.max_entries,
            });
        }
        let mut c = Collector::new(limits);
        for i in 0..archive.len() {
            let file = archive.by_index_raw(i).map_err(zip_err)?;
            let name = String::from_utf8_lossy(file.name_raw()).into_owned();
            classify(&name)?;
            if file.is_symlink() {
                return Err(BundleError::Symlink { path: name });
            }
            if file.encrypted() {
                return Err(BundleError::Zip {
                    reason: format!("{name:?} is encrypted"),
                });
            }
            if file.is_dir() {
                c.add(&name, Vec::new())?;
                continue;
            }
            let method = file.compression();
            if method != CompressionMethod::Stored && method != CompressionMethod::Deflated {
                return Err(BundleError::Zip {
                    reason: format!("{name:?} uses unsupported compression {method}"),
                });
            }
            drop(file);
            let mut file = archive.by_index(i).map_err(zip_err)?;
            // No size hint: the size in a zip header may lie.
            let bytes = c.read_capped(&name, &mut file, 0)?;
            drop(file);
            c.add(&name, bytes)?;
        }
        c.finish()
    }

    /// Write the bundle as a folder. `dir` must not exist or be an empty folder; only the
    /// bundle's fixed names are written inside it.
    ///
    /// # Errors
    /// [`BundleError::TargetNotEmpty`], [`BundleError::Io`].
    pub fn write_dir(&self, dir: &Path) -> Result<(), BundleError> {
        match fs::symlink_metadata(dir) {
            Ok(m) => {
                let empty = m.is_dir()
                    && fs::read_dir(dir)
                        .map_err(|e| io_err(dir, &e))?
                        .next()
                        .is_none();
                if !empty {
                    return Err(BundleError::TargetNotEmpty {
                        path: dir.display().to_string(),
                    });
                }
            }
            Err(_) => fs::create_dir_all(dir).map_err(|e| io_err(dir, &e))?,
        }
        let sigdir = dir.join(SIGNATURES_DIR);
        fs::create_dir(&sigdir).map_err(|e| io_err(&sigdir, &e))?;
        for (name, bytes) in self.entries() {
            let path: PathBuf = name.split('/').fold(dir.to_path_buf(), |p, c| p.join(c));
            let mut f = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .map_err(|e| io_err(&path, &e))?;
            f.write_all(bytes).map_err(|e| io_err(&path, &e))?;
            f.sync_all().map_err(|e| io_err(&path, &e))?;
        }
        Ok(())
    }

    /// The bundle as zip bytes: sorted entries, fixed timestamps, mode 0644, deflate — the
    /// same bundle always gives the same bytes.
    ///
    /// # Errors
    /// [`BundleError::Zip`].
    pub fn to_zip_bytes(&self) -> Result<Vec<u8>, BundleError> {
        let zip_err = |e: &dyn std::fmt::Display| BundleError::Zip {
            reason: e.to_string(),
        };
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(6))
            .last_modified_time(DateTime::default())
            .unix_permissions(0o644);
        let mut w = ZipWriter::new(io::Cursor::new(Vec::new()));
        for (name, bytes) in self.entries() {
            w.start_file(name, options).map_err(|e| zip_err(&e))?;
            w.write_all(bytes).map_err(|e| zip_err(&e))?;
        }
        Ok(w.finish().map_err(|e| zip_err(&e))?.into_inner())
    }

    /// Write [`Bundle::to_zip_bytes`] to `path` (created or truncated).
    ///
    /// # Errors
    /// [`BundleError::Zip`], [`BundleError::Io`].
    pub fn write_zip(&self, path: &Path) -> Result<(), BundleError> {
        let bytes = self.to_zip_bytes()?;
        let mut f = fs::File::create(path).map_err(|e| io_err(path, &e))?;
        f.write_all(&bytes).map_err(|e| io_err(path, &e))?;
        f.sync_all().map_err(|e| io_err(path, &e))
    }
}

fn walk(root: &Path, dir: &Path, c: &mut Collector) -> Result<(), BundleError> {
    let rd = fs::read_dir(dir).map_err(|e| io_err(dir, &e))?;
    let mut children: Vec<_> = rd.collect::<Result<_, _>>().map_err(|e| io_err(dir, &e))?;
    children.sort_by_key(|e| e.file_name());
    for entry in children {
        let path = entry.path();
        let rel = path
            .strip_prefix(root)
            .map_err(|_| BundleError::UnsafePath {
                path: path.display().to_string(),
                reason: "outside the bundle folder",
            })?;
        let rel = rel
            .to_str()
            .ok_or_else(|| BundleError::UnexpectedFile {
                path: rel.display().to_string(),
            })?
            .to_owned();
        let meta = fs::symlink_metadata(&path).map_err(|e| io_err(&path, &e))?;
        classify(&rel)?;
        if meta.file_type().is_symlink() {
            return Err(BundleError::Symlink { path: rel });
        }
        if meta.is_dir() {
            if rel != SIGNATURES_DIR {
                return Err(BundleError::UnexpectedFile { path: rel });
            }
            walk(root, &path, c)?;
        } else if meta.is_file() {
            let mut f = fs::File::open(&path).map_err(|e| io_err(&path, &e))?;
            let bytes = c.read_capped(&rel, &mut f, meta.len())?;
            c.add(&rel, bytes)?;
        } else {
            return Err(BundleError::UnexpectedFile { path: rel });
        }
    }
    Ok(())
}

struct Collector {
    limits: BundleLimits,
    total: u64,
    count: usize,
    seen: BTreeSet<String>,
    record: Option<Vec<u8>>,
    sigs: BTreeMap<(u32, SignerRole), [Option<Vec<u8>>; 3]>,
}

impl Collector {
    fn new(limits: BundleLimits) -> Collector {
        Collector {
            limits,
            total: 0,
            count: 0,
            seen: BTreeSet::new(),
            record: None,
            sigs: BTreeMap::new(),
        }
    }

    /// Read at most the per-entry cap (and what is left of the total) plus one byte, so a
    /// lying size header cannot make us read more.
    /// `size_hint` (bytes) only sizes the buffer, up to the cap; the cap is what is enforced.
    fn read_capped(
        &self,
        name: &str,
        r: &mut dyn Read,
        size_hint: u64,
    ) -> Result<Vec<u8>, BundleError> {
        let cap = self
            .limits
            .max_entry_bytes
            .min(self.limits.max_total_bytes.saturating_sub(self.total));
        let mut buf =
            Vec::with_capacity(usize::try_from(size_hint.min(cap).saturating_add(1)).unwrap_or(0));
        r.take(cap.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| BundleError::Io {
                path: name.to_owned(),
                reason: e.to_string(),
            })?;
        if buf.len() as u64 > cap {
            return Err(if cap < self.limits.max_entry_bytes {
                BundleError::TotalTooLarge {
                    limit: self.limits.max_total_bytes,
                }
            } else {
                BundleError::EntryTooLarge {
                    path: name.to_owned(),
                    limit: self.limits.max_entry_bytes,
                }
            });
        }
        Ok(buf)
    }

    fn add(&mut self, path: &str, bytes: Vec<u8>) -> Result<(), BundleError> {
        let name = classify(path)?;
        self.count += 1;
        if self.count > self.limits.max_entries {
            return Err(BundleError::TooManyEntries {
                limit: self.limits.max_entries,
            });
        }
        let key = path.strip_suffix('/').unwrap_or(path).to_owned();
        if !self.seen.insert(key) {
            return Err(BundleError::DuplicateEntry {
                path: path.to_owned(),
            });
        }
        let len = bytes.len() as u64;
        if len > self.limits.max_entry_bytes {
            return Err(BundleError::EntryTooLarge {
                path: path.to_owned(),
                limit: self.limits.max_entry_bytes,
            });
        }
        self.total += len;
        if self.total > self.limits.max_total_bytes {
            return Err(BundleError::TotalTooLarge {
                limit: self.limits.max_total_bytes,
            });
        }
        match name {
            Name::Dir => {}
            Name::Record => self.record = Some(bytes),
            Name::Sig(n, role, kind) => {
                let slot = self.sigs.entry((n, role)).or_default();
                slot[kind as usize] = Some(bytes);
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<Bundle, BundleError> {
        let record = self.record.ok_or(BundleError::MissingRecord)?;
        let mut signatures = Vec::new();
        let mut numbers = BTreeSet::new();
        for ((number, role), [json, sig, pem]) in self.sigs {
            if !numbers.insert(number) {
                return Err(BundleError::NumberClash { number });
            }
            let missing = |ext: &str| BundleError::IncompleteSignature {
                number,
                role,
                missing: format!("signatures/{number:02}-{role}.{ext}"),
            };
            signatures.push(SignatureFiles {
                number,
                role,
                attestation: json.ok_or_else(|| missing("json"))?,
                signature: sig.ok_or_else(|| missing("sig"))?,
                public_key_pem: pem.ok_or_else(|| missing("pub.pem"))?,
            });
        }
        Ok(Bundle { record, signatures })
    }
}
