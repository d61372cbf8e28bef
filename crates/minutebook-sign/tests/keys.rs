//! Key storage: round trip, wrong passphrase, corrupt and truncated files, KDF bombs,
//! fingerprints, weak public keys.

mod common;

use minutebook_sign::Fingerprint;
use minutebook_sign::keys::{self, ImportOptions, KeyError};
use pkcs8::EncryptedPrivateKeyInfoRef;
use pkcs8::der::EncodePem;
use pkcs8::der::asn1::OctetStringRef;
use pkcs8::der::pem::LineEnding;
use pkcs8::pkcs5::{self, pbes2};

#[test]
fn encrypt_decrypt_round_trip_and_wrong_passphrase() {
    let k = keys::generate().unwrap();
    let pem = keys::encrypt_private_key_pem(&k, b"correct horse").unwrap();
    let back = keys::decrypt_private_key_pem(&pem, b"correct horse").unwrap();
    assert_eq!(back.to_bytes(), k.to_bytes());
    for wrong in [&b"correct hors"[..], b"Correct horse", b"x"] {
        assert_eq!(
            keys::decrypt_private_key_pem(&pem, wrong).unwrap_err(),
            KeyError::WrongPassphrase
        );
    }
    assert_eq!(
        keys::encrypt_private_key_pem(&k, b"").unwrap_err(),
        KeyError::EmptyPassphrase
    );
    // Two encryptions differ (fresh salt and IV).
    assert_ne!(
        *pem,
        *keys::encrypt_private_key_pem(&k, b"correct horse").unwrap()
    );
}

#[test]
fn corrupt_and_truncated_key_files() {
    let k = common::key(9);
    let pem = keys::encrypt_private_key_pem(&k, b"pw-pw-pw").unwrap();
    // Truncated in the middle of the base64.
    let truncated = &pem[..pem.len() / 2];
    assert!(matches!(
        keys::decrypt_private_key_pem(truncated, b"pw-pw-pw").unwrap_err(),
        KeyError::Corrupt { .. }
    ));
    // Not PEM at all.
    assert!(matches!(
        keys::decrypt_private_key_pem("hello", b"pw").unwrap_err(),
        KeyError::Corrupt { .. }
    ));
    // A flipped character in the base64 body: either structurally corrupt or undecryptable,
    // never a key.
    let lines: Vec<&str> = pem.lines().collect();
    for i in 1..lines.len() - 1 {
        for pos in [0, lines[i].len() / 2, lines[i].len() - 1] {
            let mut l = lines[i].as_bytes().to_vec();
            l[pos] = if l[pos] == b'A' { b'B' } else { b'A' };
            let mut m = lines.clone();
            let s = String::from_utf8(l).unwrap();
            m[i] = &s;
            let bad = m.join("\n") + "\n";
            if bad == *pem {
                continue;
            }
            match keys::decrypt_private_key_pem(&bad, b"pw-pw-pw") {
                Err(
                    KeyError::Corrupt { .. }
                    | KeyError::WrongPassphrase
                    | KeyError::UnsupportedAlgorithm { .. },
                ) => {}
                // A flipped salt/IV bit may still decrypt if only the IV's last block… never the same key.
                Ok(other) => assert_ne!(other.to_bytes(), k.to_bytes(), "line {i} pos {pos}"),
                Err(e) => panic!("unexpected error {e:?}"),
            }
        }
    }
    // A public key offered as private key.
    let pubpem = keys::public_key_pem(&k.verifying_key());
    assert!(matches!(
        keys::decrypt_private_key_pem(&pubpem, b"pw").unwrap_err(),
        KeyError::UnsupportedAlgorithm { .. }
    ));
}

fn encrypted_pem_with(kdf: pbes2::Kdf) -> String {
    let params = pbes2::Parameters {
        kdf,
        encryption: pbes2::EncryptionScheme::Aes256Cbc { iv: [7; 16] },
    };
    let data = [0u8; 48];
    EncryptedPrivateKeyInfoRef {
        encryption_algorithm: pkcs5::EncryptionScheme::Pbes2(params),
        encrypted_data: OctetStringRef::new(&data).unwrap(),
    }
    .to_pem(LineEnding::LF)
    .unwrap()
}

fn scrypt(n: u64, r: u16, p: u16) -> pbes2::Kdf {
    pbes2::ScryptParams {
        salt: pbes2::Salt::new([1u8; 16]).unwrap(),
        cost_parameter: n,
        block_size: r,
        parallelization: p,
        key_length: None,
    }
    .into()
}

#[test]
fn kdf_bombs_are_refused_before_deriving() {
    let start = std::time::Instant::now();
    for kdf in [
        scrypt(1 << 20, 8, 1),    // 1 GiB
        scrypt(1 << 16, 8, 1),    // N above 2^15
        scrypt(1 << 15, 16, 1),   // 64 MiB
        scrypt(1 << 14, 8, 1000), // CPU bomb
        pbes2::Pbkdf2Params::hmac_sha256(50_000_000, &[1; 16])
            .unwrap()
            .into(),
    ] {
        let pem = encrypted_pem_with(kdf);
        let e = keys::decrypt_private_key_pem(&pem, b"pw").unwrap_err();
        assert!(matches!(e, KeyError::KdfTooExpensive { .. }), "{e:?}");
        assert!(e.to_string().contains("refused before deriving"));
    }
    // Refusal is immediate (no derivation happened); generous bound, no tight timing.
    assert!(start.elapsed().as_secs() < 5);
    // Within bounds: derivation happens, and the garbage ciphertext fails as a wrong passphrase.
    let pem = encrypted_pem_with(scrypt(1 << 10, 8, 1));
    assert_eq!(
        keys::decrypt_private_key_pem(&pem, b"pw").unwrap_err(),
        KeyError::WrongPassphrase
    );
}

#[test]
fn import_of_our_own_file_keeps_it() {
    let k = common::key(4);
    let pem = keys::encrypt_private_key_pem(&k, b"pw-pw-pw").unwrap();
    let imp = keys::import_private_key_pem(&pem, b"pw-pw-pw", ImportOptions::default()).unwrap();
    assert!(!imp.reencrypted);
    assert_eq!(*imp.pem, *pem);
    assert_eq!(imp.key.to_bytes(), k.to_bytes());
    assert_eq!(
        keys::import_private_key_pem(&pem, b"nope", ImportOptions::default()).unwrap_err(),
        KeyError::WrongPassphrase
    );
}

#[test]
fn fingerprint_is_sha256_of_spki_der_and_groups() {
    let k = common::key(1);
    let pem = keys::public_key_pem(&k.verifying_key());
    assert!(pem.starts_with("-----BEGIN PUBLIC KEY-----\n"));
    // SPKI DER for Ed25519 is a fixed 12-byte prefix + 32-byte key.
    let mut der = hex_decode("302a300506032b6570032100");
    der.extend_from_slice(k.verifying_key().as_bytes());
    let fp = Fingerprint::of(&k.verifying_key());
    assert_eq!(fp.as_hex(), minutebook_sign::sha256_hex(&der));
    let g = fp.grouped();
    assert_eq!(g.split(' ').count(), 16);
    assert!(g.split(' ').all(|p| p.len() == 4));
    assert_eq!(Fingerprint::parse(&g.to_uppercase()), Some(fp.clone()));
    assert_eq!(keys::parse_public_key_pem(&pem).unwrap(), k.verifying_key());
}

fn hex_decode(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// Small-order points (the 8 torsion points, canonical encodings) and non-canonical encodings.
pub const SMALL_ORDER: [&str; 7] = [
    "0100000000000000000000000000000000000000000000000000000000000000",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "0000000000000000000000000000000000000000000000000000000000000000",
    "0000000000000000000000000000000000000000000000000000000000000080",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
];

#[test]
fn weak_public_keys_are_refused() {
    for h in SMALL_ORDER {
        let b: [u8; 32] = hex_decode(h).try_into().unwrap();
        match keys::verifying_key_from_bytes(&b) {
            Err(KeyError::WeakKey { .. } | KeyError::Corrupt { .. }) => {}
            other => panic!("{h}: {other:?}"),
        }
    }
    // Non-canonical encoding of the identity (y = p + 1).
    let b: [u8; 32] =
        hex_decode("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")
            .try_into()
            .unwrap();
    assert!(keys::verifying_key_from_bytes(&b).is_err());
}
