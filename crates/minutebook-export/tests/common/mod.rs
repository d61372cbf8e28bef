//! Shared fixtures: the March 2026 record of Chi bộ Tổ dân phố số 7, signed by its chair and
//! minute-taker with fixed keys, and helpers that run poppler tools.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use ed25519_dalek::SigningKey;
use minutebook_core::SignerRole;
use minutebook_export::{Attachment, AttestationInfo};
use minutebook_record::{Chain, MeetingFile, Record};
use minutebook_sign::{Bundle, Signer, sign_record, to_canonical_bytes};
use time::macros::datetime;

/// The example interchange file.
pub fn example_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/meeting-2026-03.json")
}

/// Canonical record bytes built from a (possibly edited) interchange file.
pub fn record_bytes_from(file_json: &[u8]) -> Vec<u8> {
    let file = MeetingFile::parse(file_json).expect("interchange file");
    let imp = file.to_domain().expect("domain");
    let record = Record::build(
        &imp.cell_id,
        &imp.cell,
        &imp.roster,
        &imp.meeting,
        &[],
        Chain {
            version: 1,
            sequence: 3,
            previous_version_sha256: None,
            previous_record_sha256: Some(minutebook_sign::sha256_hex(b"record 02/2026")),
        },
    )
    .expect("record");
    to_canonical_bytes(&record).expect("canonical")
}

/// The March 2026 record.
pub fn march_record() -> Vec<u8> {
    record_bytes_from(&std::fs::read(example_path()).expect("example file"))
}

/// The interchange file as JSON, to edit.
pub fn march_file_value() -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(example_path()).unwrap()).unwrap()
}

/// A signed bundle: chair (Nguyễn Văn Hùng, m01) then minute-taker (Phạm Thu Hà, m04).
pub fn signed(record: &[u8]) -> (Vec<AttestationInfo>, Vec<Attachment>) {
    let rec = minutebook_sign::Record::from_bytes(record.to_vec()).expect("sign record");
    let mut bundle = Bundle::new(record.to_vec());
    let signers = [
        (
            [7u8; 32],
            "m01",
            "Nguyễn Văn Hùng",
            SignerRole::Chair,
            datetime!(2026-03-05 21:30:00 +07:00),
        ),
        (
            [9u8; 32],
            "m04",
            "Phạm Thu Hà",
            SignerRole::MinuteTaker,
            datetime!(2026-03-05 21:32:10 +07:00),
        ),
    ];
    for (seed, id, name, role, at) in signers {
        let key = SigningKey::from_bytes(&seed);
        let s = sign_record(
            &rec,
            &key,
            Signer {
                member_id: id.into(),
                full_name: name.into(),
            },
            role,
            at,
        )
        .expect("sign");
        bundle.add_signature(s);
    }
    let attachments: Vec<Attachment> = bundle
        .entries()
        .into_iter()
        .map(|(path, bytes)| Attachment::bundle_file(&path, bytes.to_vec()))
        .collect();
    let infos = attachments
        .iter()
        .filter(|a| a.path.starts_with("signatures/") && a.path.ends_with(".json"))
        .map(|a| AttestationInfo::from_json(&a.bytes).unwrap())
        .collect();
    (infos, attachments)
}

/// Runs a tool, returns stdout; panics with stderr on failure.
pub fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Writes `pdf` into `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, pdf: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, pdf).unwrap();
    p
}

/// `pdftotext -enc UTF-8 -layout`-free plain text of `pdf`.
pub fn pdf_text(pdf: &Path) -> String {
    run("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"])
}

/// Text with all whitespace runs collapsed to one space.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
