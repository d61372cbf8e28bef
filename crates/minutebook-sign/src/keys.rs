//! Ed25519 keys: generation, encrypted PKCS#8 PEM storage and import, SPKI public keys and
//! fingerprints.
//!
//! Storage format (measured in `measured-pdf-and-signing.md` Part 2 b): PKCS#8 **v1**
//! (`OneAsymmetricKey` version 0, no embedded public key — OpenSSL 3.0 on Debian 12 cannot
//! read the v2 layout ed25519-dalek writes by itself), encrypted with PBES2: scrypt
//! N = 2^14, r = 8, p = 5 (16 MiB, below OpenSSL's 32 MiB cap) and AES-256-CBC, PEM label
//! `ENCRYPTED PRIVATE KEY`. `openssl pkey -in F -passin file:P -pubout` reads it.
//!
//! KDF parameters read from a key file are bounded *before* any derivation
//! ([`MAX_SCRYPT_N`], [`MAX_SCRYPT_MEMORY`], [`MAX_SCRYPT_P`], [`MAX_PBKDF2_ITERATIONS`]),
//! so a hostile key file cannot exhaust memory or CPU.

use std::fmt;

use ed25519_dalek::pkcs8::spki::EncodePublicKey;
use ed25519_dalek::pkcs8::spki::der::pem::LineEnding;
use ed25519_dalek::pkcs8::{EncodePrivateKey, KeypairBytes, PrivateKeyInfoRef};
use ed25519_dalek::{SigningKey, VerifyingKey};
use pkcs8::EncryptedPrivateKeyInfoRef;
use pkcs8::der::Decode;
use pkcs8::pkcs5::{self, pbes2};
use zeroize::Zeroizing;

use crate::sha256_hex;

/// scrypt cost we write: log2(N) = 14.
pub const SCRYPT_LOG_N: u8 = 14;
/// scrypt block size we write.
pub const SCRYPT_R: u16 = 8;
/// scrypt parallelisation we write.
pub const SCRYPT_P: u16 = 5;
/// Largest scrypt N accepted when reading a key file (2^15).
pub const MAX_SCRYPT_N: u64 = 1 << 15;
/// Largest scrypt memory accepted when reading a key file, bytes (32 MiB, OpenSSL 3's cap);
/// computed as 128·r·N + 128·r·p.
pub const MAX_SCRYPT_MEMORY: u64 = 32 * 1024 * 1024;
/// Largest scrypt p accepted when reading a key file (bounds CPU time).
pub const MAX_SCRYPT_P: u64 = 16;
/// Largest PBKDF2 iteration count accepted when reading a key file.
pub const MAX_PBKDF2_ITERATIONS: u32 = 10_000_000;

/// The `openssl` command that re-encrypts a key file in an older scheme
/// ([`KeyError::OldEncryption`]) as PBES2 with scrypt (N = 2^14, r = 8, p = 1, OpenSSL's
/// default) and AES-256-CBC, which [`import_private_key_pem`] reads (and re-encrypts with our
/// own parameters). OpenSSL 3 reads PBES1 with DES or RC2 only with
/// `-provider legacy -provider default` added.
pub const REENCRYPT_COMMAND: &str =
    "openssl pkcs8 -topk8 -v2 aes-256-cbc -scrypt -in old-key.pem -out new-key.pem";

/// Names of the password-based encryption schemes and their parts that older tools wrote.
const OLD_SCHEMES: [(&str, &str); 14] = [
    ("1.2.840.113549.1.5.1", "PBES1 pbeWithMD2AndDES-CBC"),
    ("1.2.840.113549.1.5.4", "PBES1 pbeWithMD2AndRC2-CBC"),
    ("1.2.840.113549.1.5.3", "PBES1 pbeWithMD5AndDES-CBC"),
    ("1.2.840.113549.1.5.6", "PBES1 pbeWithMD5AndRC2-CBC"),
    ("1.2.840.113549.1.5.10", "PBES1 pbeWithSHA1AndDES-CBC"),
    ("1.2.840.113549.1.5.11", "PBES1 pbeWithSHA1AndRC2-CBC"),
    ("1.2.840.113549.1.12.1.1", "PKCS#12 pbeWithSHAAnd128BitRC4"),
    ("1.2.840.113549.1.12.1.2", "PKCS#12 pbeWithSHAAnd40BitRC4"),
    (
        "1.2.840.113549.1.12.1.3",
        "PKCS#12 pbeWithSHAAnd3-KeyTripleDES-CBC",
    ),
    (
        "1.2.840.113549.1.12.1.4",
        "PKCS#12 pbeWithSHAAnd2-KeyTripleDES-CBC",
    ),
    (
        "1.2.840.113549.1.12.1.5",
        "PKCS#12 pbeWithSHAAnd128BitRC2-CBC",
    ),
    (
        "1.2.840.113549.1.12.1.6",
        "PKCS#12 pbeWithSHAAnd40BitRC2-CBC",
    ),
    ("1.2.840.113549.3.7", "PBES2 with des-ede3-cbc (3DES)"),
    ("1.3.14.3.2.7", "PBES2 with des-cbc"),
];

/// OID of PBES2 (RFC 8018).
const PBES2_OID: &str = "1.2.840.113549.1.5.13";

/// [`KeyError::OldEncryption`] for `scheme`.
fn old_encryption(scheme: impl Into<String>) -> KeyError {
    KeyError::OldEncryption {
        scheme: scheme.into(),
        command: REENCRYPT_COMMAND.to_owned(),
    }
}

/// The older scheme of an `EncryptedPrivateKeyInfo` that the pkcs5 crate does not parse (PKCS#12
/// PBE, PBES2 with 3DES, DES or RC2), by its OIDs; `None` when it is none of them.
fn old_scheme_of(der: &[u8]) -> Option<KeyError> {
    use pkcs8::der::{Header, Reader, SliceReader, asn1::AnyRef};
    use pkcs8::spki::AlgorithmIdentifierRef;
    let mut r = SliceReader::new(der).ok()?;
    Header::decode(&mut r).ok()?;
    let alg: AlgorithmIdentifierRef<'_> = r.decode().ok()?;
    let name = |oid: &str| {
        OLD_SCHEMES
            .iter()
            .find(|(o, _)| *o == oid)
            .map(|(_, n)| old_encryption(*n))
    };
    let oid = alg.oid.to_string();
    if oid != PBES2_OID {
        return name(&oid);
    }
    // PBES2-params ::= SEQUENCE { keyDerivationFunc, encryptionScheme }: name the cipher.
    let params: AnyRef<'_> = alg.parameters?;
    let mut r = SliceReader::new(params.value()).ok()?;
    let _kdf: AlgorithmIdentifierRef<'_> = r.decode().ok()?;
    let cipher: AlgorithmIdentifierRef<'_> = r.decode().ok()?;
    name(&cipher.oid.to_string())
}

/// OID of Ed25519 (RFC 8410).
const ED25519_OID: &str = "1.3.101.112";

/// Why a key could not be made, read or used. Variants are distinct so the UI can say
/// exactly what happened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// Decryption failed: the passphrase is wrong (AES-CBC without MAC cannot tell this apart
    /// from damaged ciphertext).
    #[error("wrong passphrase (or the encrypted key data is damaged)")]
    WrongPassphrase,
    /// The file is not a well-formed PEM/DER key.
    #[error("key file is corrupt: {reason}")]
    Corrupt {
        /// What could not be parsed.
        reason: String,
    },
    /// Not an Ed25519 key, or an encryption scheme this crate does not read.
    #[error("unsupported key or encryption: {what}")]
    UnsupportedAlgorithm {
        /// What was found.
        what: String,
    },
    /// The key is encrypted with an older password-based scheme (PKCS#5 v1.5 PBES1, PKCS#12
    /// PBE, or PBES2 with 3DES/DES/RC2 or PBKDF2-HMAC-SHA1) that this crate does not read.
    /// `command` re-encrypts it, with stock `openssl`, into a scheme it reads.
    #[error(
        "the key file is encrypted with {scheme}, an older scheme Minutebook does not read; \
         re-encrypt it with OpenSSL (it asks for the old passphrase, then a new one): {command}"
    )]
    OldEncryption {
        /// The scheme found, e.g. "PKCS#12 pbeWithSHAAnd3-KeyTripleDES-CBC".
        scheme: String,
        /// [`REENCRYPT_COMMAND`].
        command: String,
    },
    /// KDF parameters in the file exceed the bounds; nothing was derived.
    #[error("key file asks for too expensive a key derivation ({what}); refused before deriving")]
    KdfTooExpensive {
        /// The parameters and the bound they exceed.
        what: String,
    },
    /// A public key that is a small-order point or not canonically encoded.
    #[error("weak public key: {reason}")]
    WeakKey {
        /// Why it is weak.
        reason: String,
    },
    /// An unencrypted private key offered for import without `allow_unencrypted`.
    #[error(
        "the private key is not encrypted: anyone who saw the file can sign as this member; \
         import refused (use allow_unencrypted to import it anyway — it will be stored encrypted)"
    )]
    Unencrypted,
    /// An empty passphrase was given to protect a key.
    #[error("the passphrase must not be empty")]
    EmptyPassphrase,
    /// The operating system's random generator failed.
    #[error("random number generator failed: {reason}")]
    Random {
        /// OS error.
        reason: String,
    },
    /// Encrypting or encoding failed (should not happen).
    #[error("could not encrypt the key: {reason}")]
    Encrypt {
        /// Library error.
        reason: String,
    },
}

/// SHA-256 of a public key's SubjectPublicKeyInfo DER (RFC 8410, 44 bytes), lowercase hex.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct Fingerprint(String);

impl Fingerprint {
    /// The fingerprint of `key`.
    pub fn of(key: &VerifyingKey) -> Fingerprint {
        Fingerprint(sha256_hex(&spki_der(key)))
    }

    /// Accept 64 hex digits (spaces ignored, upper case folded); `None` otherwise.
    pub fn parse(s: &str) -> Option<Fingerprint> {
        let hex: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        crate::is_sha256_hex(&hex).then_some(Fingerprint(hex))
    }

    /// 64 lowercase hex digits.
    pub fn as_hex(&self) -> &str {
        &self.0
    }

    /// Display form: 16 groups of 4 hex digits separated by spaces (`ab12 cd34 …`).
    pub fn grouped(&self) -> String {
        minutebook_core::text::grouped_hex(&self.0)
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn spki_der(key: &VerifyingKey) -> Vec<u8> {
    // Encoding a 32-byte key in a fixed structure cannot fail.
    key.to_public_key_der()
        .map(|d| d.as_bytes().to_vec())
        .unwrap_or_default()
}

/// How an imported key file was protected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Protection {
    /// Not encrypted.
    Unencrypted,
    /// PBES2 with PBKDF2.
    Pbkdf2 {
        /// Iteration count.
        iterations: u32,
    },
    /// PBES2 with scrypt.
    Scrypt {
        /// Cost N.
        n: u64,
        /// Block size r.
        r: u16,
        /// Parallelisation p.
        p: u16,
    },
}

/// Options for [`import_private_key_pem`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Accept an unencrypted `PRIVATE KEY` PEM (it is stored encrypted all the same).
    pub allow_unencrypted: bool,
}

/// Result of an import: the key and the PEM to store.
pub struct ImportedKey {
    /// The signing key.
    pub key: SigningKey,
    /// Encrypted PKCS#8 v1 PEM to store: the source file unchanged when it already was
    /// scrypt + AES-256-CBC at least as strong as ours, otherwise re-encrypted with ours.
    pub pem: Zeroizing<String>,
    /// How the source file was protected.
    pub source_protection: Protection,
    /// True when `pem` is a re-encryption (the source was weaker or unencrypted).
    pub reencrypted: bool,
}

impl fmt::Debug for ImportedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ImportedKey")
            .field("fingerprint", &Fingerprint::of(&self.key.verifying_key()))
            .field("source_protection", &self.source_protection)
            .field("reencrypted", &self.reencrypted)
            .finish_non_exhaustive()
    }
}

/// Generate a new key from the operating system's random generator.
///
/// # Errors
/// [`KeyError::Random`] if the OS generator fails.
pub fn generate() -> Result<SigningKey, KeyError> {
    let mut seed = Zeroizing::new([0u8; 32]);
    fill_random(&mut seed[..])?;
    Ok(SigningKey::from_bytes(&seed))
}

fn fill_random(buf: &mut [u8]) -> Result<(), KeyError> {
    getrandom::fill(buf).map_err(|e| KeyError::Random {
        reason: e.to_string(),
    })
}

/// Encrypt `key` as PKCS#8 v1 PEM (`ENCRYPTED PRIVATE KEY`) with scrypt N=2^14, r=8, p=5
/// and AES-256-CBC, fresh 16-byte salt and IV; LF line endings.
///
/// # Errors
/// [`KeyError::EmptyPassphrase`], [`KeyError::Random`], [`KeyError::Encrypt`].
pub fn encrypt_private_key_pem(
    key: &SigningKey,
    passphrase: &[u8],
) -> Result<Zeroizing<String>, KeyError> {
    if passphrase.is_empty() {
        return Err(KeyError::EmptyPassphrase);
    }
    let enc = |e: &dyn fmt::Display| KeyError::Encrypt {
        reason: e.to_string(),
    };
    // v1: no public key inside (see module docs).
    let kp = KeypairBytes {
        secret_key: key.to_bytes(),
        public_key: None,
    };
    let doc = kp.to_pkcs8_der().map_err(|e| enc(&e))?;
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 16];
    fill_random(&mut salt)?;
    fill_random(&mut iv)?;
    let params = pbes2::Parameters {
        kdf: pbes2::ScryptParams {
            salt: pbes2::Salt::new(salt).map_err(|e| enc(&e))?,
            cost_parameter: 1 << SCRYPT_LOG_N,
            block_size: SCRYPT_R,
            parallelization: SCRYPT_P,
            key_length: None,
        }
        .into(),
        encryption: pbes2::EncryptionScheme::Aes256Cbc { iv },
    };
    let pki = PrivateKeyInfoRef::try_from(doc.as_bytes()).map_err(|e| enc(&e))?;
    let encrypted = pki
        .encrypt_with_params(params, passphrase)
        .map_err(|e| enc(&e))?;
    let pem = encrypted
        .to_pem("ENCRYPTED PRIVATE KEY", LineEnding::LF)
        .map_err(|e| enc(&e))?;
    Ok(pem)
}

/// Read an encrypted PKCS#8 PEM (v1 or v2, PBES2 with scrypt or PBKDF2) and return the key.
///
/// # Errors
/// [`KeyError::Unencrypted`] for a plain `PRIVATE KEY`; [`KeyError::Corrupt`];
/// [`KeyError::UnsupportedAlgorithm`]; [`KeyError::KdfTooExpensive`] (checked before
/// deriving); [`KeyError::WrongPassphrase`].
pub fn decrypt_private_key_pem(pem: &str, passphrase: &[u8]) -> Result<SigningKey, KeyError> {
    let (key, _) = read_private_pem(pem, passphrase, false)?;
    Ok(key)
}

/// Import a private key PEM made elsewhere (e.g. `openssl genpkey -algorithm ed25519
/// -aes-256-cbc`, PBKDF2 with 2048 iterations) and return what to store.
///
/// `passphrase` unlocks the source and protects the stored key. Unencrypted sources are
/// refused unless `opts.allow_unencrypted`; they are then stored encrypted.
///
/// # Errors
/// As [`decrypt_private_key_pem`], plus [`KeyError::EmptyPassphrase`].
pub fn import_private_key_pem(
    pem: &str,
    passphrase: &[u8],
    opts: ImportOptions,
) -> Result<ImportedKey, KeyError> {
    let (key, source_protection) = read_private_pem(pem, passphrase, opts.allow_unencrypted)?;
    let strong_enough = matches!(
        source_protection,
        Protection::Scrypt { n, r, p }
            if n >= (1 << SCRYPT_LOG_N) && r >= SCRYPT_R && p >= SCRYPT_P
    ) && is_aes256_cbc(pem);
    let (pem, reencrypted) = if strong_enough {
        (Zeroizing::new(pem.to_owned()), false)
    } else {
        (encrypt_private_key_pem(&key, passphrase)?, true)
    };
    Ok(ImportedKey {
        key,
        pem,
        source_protection,
        reencrypted,
    })
}

fn is_aes256_cbc(pem: &str) -> bool {
    let Ok((_, der)) = pkcs8::der::pem::decode_vec(pem.as_bytes()) else {
        return false;
    };
    let Ok(info) = EncryptedPrivateKeyInfoRef::from_der(&der) else {
        return false;
    };
    matches!(
        info.encryption_algorithm,
        pkcs5::EncryptionScheme::Pbes2(pbes2::Parameters {
            encryption: pbes2::EncryptionScheme::Aes256Cbc { .. },
            ..
        })
    )
}

fn corrupt(reason: impl fmt::Display) -> KeyError {
    KeyError::Corrupt {
        reason: reason.to_string(),
    }
}

fn read_private_pem(
    pem: &str,
    passphrase: &[u8],
    allow_unencrypted: bool,
) -> Result<(SigningKey, Protection), KeyError> {
    let (label, der) = pkcs8::der::pem::decode_vec(pem.trim_start().as_bytes())
        .map_err(|e| corrupt(format!("PEM: {e}")))?;
    let der = Zeroizing::new(der);
    match label {
        "PRIVATE KEY" => {
            if !allow_unencrypted {
                return Err(KeyError::Unencrypted);
            }
            Ok((key_from_pkcs8_der(&der, false)?, Protection::Unencrypted))
        }
        "ENCRYPTED PRIVATE KEY" => {
            let info = EncryptedPrivateKeyInfoRef::from_der(&der).map_err(|e| {
                old_scheme_of(&der)
                    .unwrap_or_else(|| corrupt(format!("EncryptedPrivateKeyInfo: {e}")))
            })?;
            let params = match &info.encryption_algorithm {
                pkcs5::EncryptionScheme::Pbes2(params) => params,
                pkcs5::EncryptionScheme::Pbes1(_) => {
                    return Err(old_scheme_of(&der).unwrap_or_else(|| old_encryption("PBES1")));
                }
                other => {
                    return Err(KeyError::UnsupportedAlgorithm {
                        what: format!("encryption scheme {}", other.oid()),
                    });
                }
            };
            if let pbes2::Kdf::Pbkdf2(p) = &params.kdf
                && p.prf == pbes2::Pbkdf2Prf::HmacWithSha1
            {
                return Err(old_encryption("PBES2 with PBKDF2-hmacWithSHA1"));
            }
            let protection = check_kdf(&params.kdf)?;
            let plain = info.decrypt(passphrase).map_err(|e| match e {
                pkcs8::Error::EncryptedPrivateKey(pkcs5::Error::DecryptFailed) => {
                    KeyError::WrongPassphrase
                }
                pkcs8::Error::EncryptedPrivateKey(other) => KeyError::UnsupportedAlgorithm {
                    what: format!("encryption: {other}"),
                },
                // Decrypted to garbage: with CBC this is almost always a wrong passphrase.
                _ => KeyError::WrongPassphrase,
            })?;
            // Decrypted bytes that are not PKCS#8: wrong passphrase with valid-looking padding.
            Ok((key_from_pkcs8_der(plain.as_bytes(), true)?, protection))
        }
        "PUBLIC KEY" => Err(KeyError::UnsupportedAlgorithm {
            what: "this is a public key, not a private key".into(),
        }),
        other => Err(KeyError::UnsupportedAlgorithm {
            what: format!("PEM label {other:?} (expected ENCRYPTED PRIVATE KEY)"),
        }),
    }
}

fn check_kdf(kdf: &pbes2::Kdf) -> Result<Protection, KeyError> {
    match kdf {
        pbes2::Kdf::Pbkdf2(p) => {
            if p.iteration_count > MAX_PBKDF2_ITERATIONS {
                return Err(KeyError::KdfTooExpensive {
                    what: format!(
                        "PBKDF2 with {} iterations, more than {MAX_PBKDF2_ITERATIONS}",
                        p.iteration_count
                    ),
                });
            }
            Ok(Protection::Pbkdf2 {
                iterations: p.iteration_count,
            })
        }
        pbes2::Kdf::Scrypt(s) => {
            let (n, r, p) = (
                s.cost_parameter,
                u64::from(s.block_size),
                u64::from(s.parallelization),
            );
            let memory = 128u64
                .saturating_mul(r)
                .saturating_mul(n)
                .saturating_add(128u64.saturating_mul(r).saturating_mul(p));
            if n > MAX_SCRYPT_N || memory > MAX_SCRYPT_MEMORY || p > MAX_SCRYPT_P {
                return Err(KeyError::KdfTooExpensive {
                    what: format!(
                        "scrypt N={n}, r={r}, p={p} ({} MiB); limits N ≤ {MAX_SCRYPT_N}, \
                         memory ≤ 32 MiB, p ≤ {MAX_SCRYPT_P}",
                        memory / (1024 * 1024)
                    ),
                });
            }
            Ok(Protection::Scrypt {
                n,
                r: s.block_size,
                p: s.parallelization,
            })
        }
        other => Err(KeyError::UnsupportedAlgorithm {
            what: format!("key derivation {}", other.oid()),
        }),
    }
}

fn key_from_pkcs8_der(der: &[u8], was_encrypted: bool) -> Result<SigningKey, KeyError> {
    let bad = |reason: String| {
        if was_encrypted {
            KeyError::WrongPassphrase
        } else {
            corrupt(reason)
        }
    };
    let pki = PrivateKeyInfoRef::try_from(der).map_err(|e| bad(format!("PrivateKeyInfo: {e}")))?;
    let oid = pki.algorithm.oid.to_string();
    if oid != ED25519_OID {
        return Err(KeyError::UnsupportedAlgorithm {
            what: format!("key algorithm {oid} (only Ed25519, {ED25519_OID}, is supported)"),
        });
    }
    let kp = KeypairBytes::try_from(pki).map_err(|e| corrupt(format!("Ed25519 key: {e}")))?;
    let key = SigningKey::from_bytes(&kp.secret_key);
    if let Some(public) = &kp.public_key
        && public.to_bytes() != key.verifying_key().to_bytes()
    {
        return Err(corrupt(
            "embedded public key does not match the private key",
        ));
    }
    Ok(key)
}

/// The public key as SubjectPublicKeyInfo PEM (`-----BEGIN PUBLIC KEY-----`, LF endings).
pub fn public_key_pem(key: &VerifyingKey) -> String {
    key.to_public_key_pem(LineEnding::LF).unwrap_or_default()
}

/// Parse an SPKI PEM public key, refusing small-order points and non-canonical encodings
/// (which `verify_strict` would refuse anyway; refusing here gives a clearer message).
///
/// # Errors
/// [`KeyError::Corrupt`], [`KeyError::UnsupportedAlgorithm`] (not Ed25519),
/// [`KeyError::WeakKey`].
pub fn parse_public_key_pem(pem: &str) -> Result<VerifyingKey, KeyError> {
    let (label, der) = pkcs8::der::pem::decode_vec(pem.trim_start().as_bytes())
        .map_err(|e| corrupt(format!("PEM: {e}")))?;
    if label != "PUBLIC KEY" {
        return Err(KeyError::UnsupportedAlgorithm {
            what: format!("PEM label {label:?} (expected PUBLIC KEY)"),
        });
    }
    let spki = pkcs8::SubjectPublicKeyInfoRef::from_der(&der)
        .map_err(|e| corrupt(format!("SubjectPublicKeyInfo: {e}")))?;
    let oid = spki.algorithm.oid.to_string();
    if oid != ED25519_OID || spki.algorithm.parameters.is_some() {
        return Err(KeyError::UnsupportedAlgorithm {
            what: format!("public key algorithm {oid} (only Ed25519 without parameters)"),
        });
    }
    let bytes: [u8; 32] = spki
        .subject_public_key
        .as_bytes()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| corrupt("Ed25519 public key is not 32 bytes"))?;
    verifying_key_from_bytes(&bytes)
}

/// Make a verifying key from 32 bytes, refusing small-order points and non-canonical
/// encodings of the point.
///
/// # Errors
/// [`KeyError::WeakKey`], or [`KeyError::Corrupt`] when the bytes are not a curve point.
pub fn verifying_key_from_bytes(bytes: &[u8; 32]) -> Result<VerifyingKey, KeyError> {
    let vk = VerifyingKey::from_bytes(bytes)
        .map_err(|_| corrupt("public key is not a valid curve point"))?;
    if vk.is_weak() {
        return Err(KeyError::WeakKey {
            reason: "small-order point: one signature could verify for many messages".into(),
        });
    }
    if vk.to_edwards().compress().to_bytes() != *bytes {
        return Err(KeyError::WeakKey {
            reason: "non-canonical point encoding".into(),
        });
    }
    // Re-decode from canonical bytes to be sure we hold exactly what we checked.
    VerifyingKey::from_bytes(bytes).map_err(|_| corrupt("public key is not a valid curve point"))
}

/// Re-export so callers can name the key types without depending on ed25519-dalek.
pub use ed25519_dalek::{SigningKey as Ed25519SigningKey, VerifyingKey as Ed25519VerifyingKey};
