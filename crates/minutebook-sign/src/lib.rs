//! Signed minutes for Minutebook: canonical JSON, ed25519 keys in encrypted PKCS#8,
//! attestations, bundles (folder and zip) and strict verification.
//!
//! The crate does no I/O except the explicit bundle read/write functions that take paths,
//! and has no clock: every time is passed in. Rules come from issue 3 and
//! `shared/design/measured-pdf-and-signing.md` (Part 2):
//!
//! * a record is RFC 8785 (JCS) canonical JSON; its hash is SHA-256 of the exact file bytes,
//!   lowercase hex, as `sha256sum` prints it ([`record`]);
//! * each signer signs an *attestation* — canonical JSON naming the record hash, signer, role,
//!   key fingerprint and time — as exact bytes; the `.sig` file is the raw 64-byte ed25519
//!   signature ([`attestation`]);
//! * keys are stored only as encrypted PKCS#8 **v1** PEM (scrypt N=2^14, r=8, p=5,
//!   AES-256-CBC) so that OpenSSL 3.0 reads them ([`keys`]);
//! * verification uses `verify_strict` only and fails closed ([`verify`]).
//!
//! `docs/verify-by-hand.md` gives the stock `openssl`/`sha256sum` commands that check a bundle
//! without Minutebook; a test runs exactly those commands.

pub mod attestation;
pub mod bundle;
pub mod canonical;
mod canonical_scan;
pub mod keys;
pub mod record;
mod role;
pub mod trust;
pub mod verify;

pub use attestation::{Attestation, Signer, sign_record};
pub use bundle::{Bundle, BundleError, BundleLimits, SignatureFiles};
pub use canonical::{CanonicalError, check_canonical, parse_canonical, to_canonical_bytes};
pub use keys::{Fingerprint, ImportOptions, ImportedKey, KeyError};
pub use record::{Record, RecordError, RecordHeader};
pub use trust::{TrustError, TrustStore, TrustedKey};
pub use verify::{
    BookVerifier, ChainReport, Outcome, Problem, SignatureReport, VerificationReport,
    VerifyOptions, verify_book, verify_bundle, verify_chain,
};

/// SHA-256 of `bytes` as 64 lowercase hex digits (what `sha256sum` prints).
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    to_hex(&sha2::Sha256::digest(bytes))
}

pub(crate) fn to_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(HEX[usize::from(b >> 4)] as char);
        s.push(HEX[usize::from(b & 0xf)] as char);
    }
    s
}

/// True when `s` is exactly 64 lowercase hex digits (a SHA-256 as `sha256sum` prints it).
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}
