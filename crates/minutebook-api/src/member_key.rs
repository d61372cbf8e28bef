//! A member's own key on their own laptop (issue 12, "I am a member"): one ed25519 key kept as
//! encrypted PKCS#8 PEM in `key.pem` of the member's folder — never unencrypted on disk — made
//! here or imported from a file, and its public half handed to the cell secretary to pin in the
//! roster (`minutebook key pin`, or the roster screen).

use std::path::{Path, PathBuf};

use minutebook_sign::keys::{self as sign_keys, Fingerprint};
use serde::Serialize;

use crate::error::{ApiError, ErrorCode};
use crate::files::write_file_atomically;

/// The member's key as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MemberKeyView {
    /// SHA-256 of the public key, 64 hex digits grouped by 4 (what the secretary compares).
    pub fingerprint: String,
    /// The public key as SPKI PEM, to give the secretary.
    pub public_pem: String,
}

fn key_path(dir: &Path) -> PathBuf {
    dir.join("key.pem")
}

fn view_of(key: &ed25519_dalek::VerifyingKey) -> MemberKeyView {
    MemberKeyView {
        fingerprint: Fingerprint::of(key).grouped(),
        public_pem: sign_keys::public_key_pem(key),
    }
}

fn refuse_second_key(dir: &Path) -> Result<(), ApiError> {
    if key_path(dir).exists() {
        return Err(ApiError::with_detail(
            ErrorCode::InvalidInput,
            "err-member-key-exists",
            &[],
            format!("{} already holds your key", key_path(dir).display()),
        ));
    }
    Ok(())
}

/// The member's key in `dir`, if one was made or imported. Reads only the public half's
/// fingerprint (the PEM's encrypted private key is not opened).
///
/// # Errors
/// `Io` when the file cannot be read; `KeyProblem` when it is not a key this app wrote.
pub fn member_key(dir: &Path) -> Result<Option<(String, MemberKeyView)>, ApiError> {
    let path = key_path(dir);
    match std::fs::read_to_string(&path) {
        Ok(pem) => {
            let public = std::fs::read_to_string(dir.join("key.pub.pem"))
                .map_err(|e| ApiError::io(format!("{}: {e}", dir.join("key.pub.pem").display())))?;
            let key = sign_keys::parse_public_key_pem(&public)?;
            Ok(Some((pem, view_of(&key))))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ApiError::io(format!("{}: {e}", path.display()))),
    }
}

/// Makes the member's key in `dir`, encrypted with `passphrase` (as `Book::key_new` does).
///
/// # Errors
/// `InvalidInput` when `dir` already holds a key or the passphrase is refused as too short;
/// `Io` when it cannot be written.
pub fn make_member_key(dir: &Path, passphrase: &[u8]) -> Result<MemberKeyView, ApiError> {
    refuse_second_key(dir)?;
    let key = sign_keys::generate()?;
    let pem = sign_keys::encrypt_private_key_pem(&key, passphrase)?;
    store(dir, &pem, &key.verifying_key())
}

/// Imports the member's encrypted PKCS#8 PEM (`pem`, e.g. made by `openssl genpkey -algorithm
/// ed25519 -aes-256-cbc`), checked by unlocking it with `passphrase`; kept re-encrypted with
/// ours.
///
/// # Errors
/// `WrongPassphrase`, `KeyProblem` (corrupt, unencrypted, old scheme), `InvalidInput` when
/// `dir` already holds a key.
pub fn import_member_key(
    dir: &Path,
    pem: &[u8],
    passphrase: &[u8],
) -> Result<MemberKeyView, ApiError> {
    refuse_second_key(dir)?;
    let text = std::str::from_utf8(pem)
        .map_err(|_| ApiError::new(ErrorCode::KeyProblem, "the key file is not PEM text"))?;
    let key = sign_keys::decrypt_private_key_pem(text, passphrase)?;
    let pem = sign_keys::encrypt_private_key_pem(&key, passphrase)?;
    store(dir, &pem, &key.verifying_key())
}

fn store(
    dir: &Path,
    pem: &str,
    public: &ed25519_dalek::VerifyingKey,
) -> Result<MemberKeyView, ApiError> {
    std::fs::create_dir_all(dir).map_err(|e| ApiError::io(format!("{}: {e}", dir.display())))?;
    let view = view_of(public);
    // The public half first: a key.pem without it would be unreadable by `member_key`.
    write_file_atomically(&dir.join("key.pub.pem"), view.public_pem.as_bytes())?;
    write_file_atomically(&key_path(dir), pem.as_bytes())?;
    Ok(view)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_made_is_read_back_encrypted_and_not_made_twice() {
        let dir = tempfile::tempdir().unwrap();
        assert!(member_key(dir.path()).unwrap().is_none());
        let made = make_member_key(dir.path(), b"correct horse battery").unwrap();
        let (pem, view) = member_key(dir.path()).unwrap().unwrap();
        assert_eq!(view, made);
        assert!(pem.contains("ENCRYPTED PRIVATE KEY"), "{pem}");
        assert!(sign_keys::decrypt_private_key_pem(&pem, b"wrong passphrase").is_err());
        let key = sign_keys::decrypt_private_key_pem(&pem, b"correct horse battery").unwrap();
        assert_eq!(
            Fingerprint::of(&key.verifying_key()).grouped(),
            made.fingerprint
        );
        let again = make_member_key(dir.path(), b"correct horse battery").unwrap_err();
        assert_eq!(again.code, ErrorCode::InvalidInput);
    }

    #[test]
    fn an_imported_key_is_checked_with_its_passphrase() {
        let source = tempfile::tempdir().unwrap();
        make_member_key(source.path(), b"correct horse battery").unwrap();
        let pem = std::fs::read(source.path().join("key.pem")).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let wrong = import_member_key(dir.path(), &pem, b"not it at all").unwrap_err();
        assert_eq!(wrong.code, ErrorCode::WrongPassphrase);
        assert!(member_key(dir.path()).unwrap().is_none(), "nothing kept");
        let view = import_member_key(dir.path(), &pem, b"correct horse battery").unwrap();
        assert_eq!(member_key(dir.path()).unwrap().unwrap().1, view);
    }
}
