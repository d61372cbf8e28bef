//! The March 2026 case as a minute book, and the deterministic edits applied to it.
//!
//! Edit `n` sets agenda item 1's presentation to a text naming `n` and agenda item 2's speeches
//! to a list that depends only on `n`. The state after edit `n` is therefore a pure function of
//! `n` ([`edited`]), whatever edit came before, so a checker that finds edit `m` in the database
//! knows exactly what every byte of the meeting must be.

use std::path::Path;
use std::sync::Arc;

use minutebook_api::{ApiError, Book};
use minutebook_core::Meeting;
use minutebook_core::agenda::{Speaker, Speech};
use minutebook_store::SystemClock;

/// The meeting interchange file of the March 2026 case (`examples/meeting-2026-03.json`).
pub const MEETING_JSON: &[u8] = include_bytes!("../../../examples/meeting-2026-03.json");

/// How agenda item 1's presentation starts after edit `n`: `"edit <n>: "`.
pub const EDIT_PREFIX: &str = "edit ";

/// Creates a minute book at `db` holding the March 2026 case (through `minutebook-api`, as the
/// CLI does) and returns the meeting's id.
///
/// # Errors
/// Whatever opening or importing reports.
pub fn create_book(db: &Path) -> Result<i64, ApiError> {
    let mut book = Book::open_with_clock(db, Arc::new(SystemClock))?;
    book.import_meeting(MEETING_JSON)
}

/// The meeting after edit `n` (edit 0 is `base` itself).
pub fn edited(base: &Meeting, n: u64) -> Meeting {
    let mut m = base.clone();
    if n == 0 {
        return m;
    }
    let sentence = "Chi bộ thảo luận, thống nhất nội dung; đồng chí Bí thư kết luận. ";
    let repeat = (n % 13 + 1) as usize;
    m.agenda[0].presentation = format!("{EDIT_PREFIX}{n}: {}", sentence.repeat(repeat).trim());
    let speaker = m
        .guests
        .first()
        .map(|g| Speaker::Guest(g.name.clone()))
        .or_else(|| m.agenda[1].presenter.clone());
    if let Some(speaker) = speaker {
        m.agenda[1].speeches = (0..n % 7)
            .map(|k| Speech {
                speaker: speaker.clone(),
                gist: format!("Ý kiến {k} (lần sửa {n}): “đồng ý” — ½ ≥ ≤ №"),
            })
            .collect();
    }
    m
}

/// The edit number a stored meeting carries (0 when it was never edited by the harness).
pub fn edit_number(m: &Meeting) -> Option<u64> {
    let p = &m.agenda.first()?.presentation;
    match p.strip_prefix(EDIT_PREFIX) {
        None => Some(0),
        Some(rest) => rest.split(':').next()?.parse().ok(),
    }
}

/// The text hash an acknowledgement line carries for edit `n` of `base`.
pub fn ack_hash(base: &Meeting, n: u64) -> String {
    crate::sha256_hex(edited(base, n).agenda[0].presentation.as_bytes())
}

/// A hash of everything the meeting holds (its `Debug` form, which lists every field).
pub fn content_hash(m: &Meeting) -> String {
    crate::sha256_hex(format!("{m:?}").as_bytes())
}

/// The chair of the March 2026 meeting (signs in the `sign` and `import` tortures).
pub const CHAIR: &str = "Nguyễn Văn Hùng";
/// Its minute-taker (signs in the `import` torture).
pub const MINUTE_TAKER: &str = "Phạm Thu Hà";
/// The passphrase of the chair's key in the `sign` torture.
pub const PASSPHRASE: &[u8] = "mật khẩu tra tấn".as_bytes();
/// The file (next to the book) holding the two signing keys of the `import` torture: the
/// chair's and the minute-taker's 32-byte secrets in hex, one a line. They stand for the keys
/// on the members' own computers; the book holds only their pinned public halves.
pub const SIGNERS_FILE: &str = "signers.hex";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex32(s: &str) -> Option<[u8; 32]> {
    let s = s.trim();
    if s.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// For the `sign` torture: gives the chair a key in the book (encrypted with [`PASSPHRASE`])
/// and closes the meeting (record version 1).
///
/// # Errors
/// Whatever the use cases report.
pub fn prepare_sign(db: &Path, meeting: i64) -> Result<(), ApiError> {
    let mut book = Book::open_with_clock(db, Arc::new(SystemClock))?;
    book.key_new(CHAIR, PASSPHRASE)?;
    book.close_meeting(meeting)?;
    Ok(())
}

/// For the `import` torture: makes the chair's and the minute-taker's keys, pins their public
/// halves in the book, writes the secrets to [`SIGNERS_FILE`] in `dir`, and closes the meeting.
///
/// # Errors
/// Whatever the use cases report; `Io` when the file cannot be written.
pub fn prepare_import(db: &Path, meeting: i64, dir: &Path) -> Result<(), ApiError> {
    use minutebook_sign::keys;
    let mut book = Book::open_with_clock(db, Arc::new(SystemClock))?;
    let mut lines = String::new();
    for member in [CHAIR, MINUTE_TAKER] {
        let key = keys::generate()?;
        book.key_pin(
            member,
            keys::public_key_pem(&key.verifying_key()).as_bytes(),
        )?;
        lines.push_str(&hex(&key.to_bytes()));
        lines.push('\n');
    }
    std::fs::write(dir.join(SIGNERS_FILE), lines)
        .map_err(|e| ApiError::io(format!("{SIGNERS_FILE}: {e}")))?;
    book.close_meeting(meeting)?;
    Ok(())
}

/// The chair's and the minute-taker's signing keys written by [`prepare_import`].
///
/// # Errors
/// A message when the file is missing or malformed.
pub fn read_signers(dir: &Path) -> Result<[minutebook_sign::keys::Ed25519SigningKey; 2], String> {
    let text = std::fs::read_to_string(dir.join(SIGNERS_FILE))
        .map_err(|e| format!("{SIGNERS_FILE}: {e}"))?;
    let mut keys = text
        .lines()
        .map(|l| unhex32(l).map(|b| minutebook_sign::keys::Ed25519SigningKey::from_bytes(&b)));
    match (keys.next().flatten(), keys.next().flatten()) {
        (Some(a), Some(b)) => Ok([a, b]),
        _ => Err(format!("{SIGNERS_FILE}: two 64-digit hex keys expected")),
    }
}

/// Writes `dir` as a member's computer would after signing the record `record` (canonical
/// bytes): `01-chair.*` and `02-minute-taker.*`, signed with `keys` (chair, minute-taker) as
/// the signatories the record names.
///
/// # Errors
/// A message when the record names no chair or minute-taker, or a file cannot be written.
pub fn write_attestations(
    record: &[u8],
    keys: &[minutebook_sign::keys::Ed25519SigningKey; 2],
    dir: &Path,
) -> Result<(), String> {
    use minutebook_core::SignerRole;
    use minutebook_sign::record::Record;
    let record = Record::from_bytes(record.to_vec()).map_err(|e| format!("record: {e}"))?;
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (i, (key, role)) in keys
        .iter()
        .zip([SignerRole::Chair, SignerRole::MinuteTaker])
        .enumerate()
    {
        let signer = record
            .header()
            .signatories
            .get(&role)
            .cloned()
            .ok_or_else(|| format!("the record names no {}", role.code()))?;
        let s = minutebook_sign::attestation::sign_record(
            &record,
            key,
            signer,
            role,
            time::OffsetDateTime::now_utc(),
        )
        .map_err(|e| e.to_string())?;
        let stem = format!("{:02}-{}", i + 1, role.code());
        for (ext, bytes) in [
            ("json", s.attestation.as_slice()),
            ("sig", s.signature.as_slice()),
            ("pub.pem", s.public_key_pem.as_bytes()),
        ] {
            std::fs::write(dir.join(format!("{stem}.{ext}")), bytes)
                .map_err(|e| format!("{stem}.{ext}: {e}"))?;
        }
    }
    Ok(())
}
