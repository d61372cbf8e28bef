//! Every input a fuzz target ever crashed on (kept in `fuzz/regressions/<target>/`), and the
//! committed seed corpora (`fuzz/corpus/<target>/`), run through the same code as the fuzz
//! targets: each must be handled without a panic.

use std::fs;
use std::path::{Path, PathBuf};

use minutebook_record::interchange::MeetingFile;
use minutebook_sign::attestation::Attestation;
use minutebook_sign::bundle::{Bundle, BundleLimits};
use minutebook_sign::canonical::{parse_canonical, to_canonical_bytes};
use minutebook_sign::keys::{ImportOptions, import_private_key_pem, parse_public_key_pem};
use minutebook_sign::trust::TrustStore;
use minutebook_sign::verify::{VerifyOptions, verify_bundle};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

fn inputs(kind: &str, target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = fuzz_dir().join(kind).join(target);
    let Ok(rd) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<(PathBuf, Vec<u8>)> = rd
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != ".gitkeep"))
        .map(|p| {
            let b = fs::read(&p).expect("read");
            (p, b)
        })
        .collect();
    out.sort();
    out
}

/// The folder-form input layout of the `bundle_entries` target.
fn split(mut data: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    while let Some((&n, rest)) = data.split_first() {
        let n = (n as usize).min(rest.len());
        let path = String::from_utf8_lossy(&rest[..n]).into_owned();
        data = &rest[n..];
        let len = match data {
            [a, b, ..] => u16::from_le_bytes([*a, *b]) as usize,
            _ => 0,
        };
        data = data.get(2..).unwrap_or(&[]);
        let len = len.min(data.len());
        out.push((path, data[..len].to_vec()));
        data = &data[len..];
    }
    out
}

fn run(target: &str, data: &[u8]) {
    match target {
        "roster_csv" => {
            let _ = minutebook_import::import_csv("roster.csv", data);
            let _ = minutebook_import::import_roster_bytes("roster.csv", data);
        }
        "roster_xlsx" => {
            let _ = minutebook_import::import_xlsx("roster.xlsx", data);
        }
        "meeting_json" => {
            if let Ok(f) = MeetingFile::parse(data)
                && f.to_domain().is_ok()
            {
                let out = f.to_json();
                let again = MeetingFile::parse(&out).expect("re-parse");
                assert_eq!(again.to_json(), out);
            }
        }
        "bundle_zip" => {
            let limits = BundleLimits {
                max_entry_bytes: 1 << 20,
                max_total_bytes: 4 << 20,
                max_entries: 64,
            };
            if let Ok(b) = Bundle::read_zip_from(std::io::Cursor::new(data), limits) {
                let _ = verify_bundle(&b, &TrustStore::new(), &VerifyOptions::default());
            }
        }
        "bundle_entries" => {
            if let Ok(b) = Bundle::from_entries(split(data), BundleLimits::default()) {
                let _ = verify_bundle(&b, &TrustStore::new(), &VerifyOptions::default());
            }
        }
        "attestation" => {
            let _ = Attestation::parse(data);
            if let Ok(v) = parse_canonical(data) {
                assert_eq!(to_canonical_bytes(&v).expect("re-serialise"), data);
            }
            let _ = minutebook_sign::record::Record::from_bytes(data.to_vec());
        }
        "key_pem" => {
            if let Ok(pem) = std::str::from_utf8(data) {
                let _ = parse_public_key_pem(pem);
                let _ = import_private_key_pem(
                    pem,
                    b"fuzz passphrase",
                    ImportOptions {
                        allow_unencrypted: true,
                    },
                );
            }
        }
        "pdf_attachments" => {
            let _ = minutebook_export::extract_attachments(data);
        }
        other => panic!("unknown target {other}"),
    }
}

const TARGETS: [&str; 8] = [
    "roster_csv",
    "roster_xlsx",
    "meeting_json",
    "bundle_zip",
    "bundle_entries",
    "attestation",
    "key_pem",
    "pdf_attachments",
];

#[test]
fn fuzz_regressions_and_seeds_are_handled_without_panic() {
    let mut seeds = 0;
    for t in TARGETS {
        for (path, data) in inputs("regressions", t)
            .into_iter()
            .chain(inputs("corpus", t))
        {
            let r = std::panic::catch_unwind(|| run(t, &data));
            assert!(r.is_ok(), "{t}: {} panicked", path.display());
            seeds += 1;
        }
    }
    assert!(
        seeds >= 8,
        "the committed corpora are missing ({seeds} inputs)"
    );
}
