//! Interop with the stock `openssl` CLI, and the by-hand commands in docs/verify-by-hand.md
//! (run exactly as written there, parsed from the fenced block, so doc and test cannot drift).

mod common;

use std::path::Path;
use std::process::Command;

use minutebook_sign::keys::{self, ImportOptions, Protection};
use minutebook_sign::{Fingerprint, Record};

fn sh(dir: &Path, cmd: &str) -> (bool, String) {
    let out = Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .current_dir(dir)
        .output()
        .expect("sh runs");
    let mut s = String::from_utf8_lossy(&out.stdout).into_owned();
    s.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.success(), s)
}

fn doc_commands() -> Vec<String> {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/verify-by-hand.md"),
    )
    .expect("docs/verify-by-hand.md");
    let start = doc.find("```sh verify-by-hand\n").expect("fenced block") + 21;
    let end = start + doc[start..].find("```").expect("block end");
    doc[start..end]
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn by_hand_commands_from_the_doc_verify_a_written_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = common::signed_bundle(common::simple_record());
    let bdir = dir.path().join("bundle");
    bundle.write_dir(&bdir).unwrap();
    let record = Record::from_bytes(bundle.record.clone()).unwrap();
    let cmds = doc_commands();
    assert_eq!(cmds.len(), 6);
    assert!(cmds.contains(&"openssl pkeyutl -verify -pubin -inkey signatures/01-chair.pub.pem -rawin -in signatures/01-chair.json -sigfile signatures/01-chair.sig".to_owned()));

    let (ok, out) = sh(&bdir, &cmds[0]);
    assert!(ok);
    assert_eq!(out, format!("{}  record.json\n", record.sha256()));
    let (ok, out) = sh(&bdir, &cmds[1]);
    assert!(ok);
    assert_eq!(out.matches(record.sha256()).count(), 2, "{out}");
    for cmd in &cmds[2..4] {
        let (ok, out) = sh(&bdir, cmd);
        assert!(ok, "{cmd}: {out}");
        assert!(out.contains("Signature Verified Successfully"), "{out}");
    }
    for (cmd, k) in cmds[4..6].iter().zip([common::key(1), common::key(2)]) {
        let (ok, out) = sh(&bdir, cmd);
        assert!(ok, "{out}");
        let fp = Fingerprint::of(&k.verifying_key());
        assert_eq!(out.split_whitespace().next(), Some(fp.as_hex()));
    }

    // The same command fails on a tampered attestation.
    let att = bdir.join("signatures/01-chair.json");
    let mut bytes = std::fs::read(&att).unwrap();
    bytes[10] ^= 1;
    std::fs::write(&att, bytes).unwrap();
    let (ok, out) = sh(&bdir, &cmds[2]);
    assert!(!ok, "{out}");
    assert!(out.contains("Signature Verification Failure"), "{out}");
}

#[test]
fn openssl_reads_our_encrypted_key() {
    let dir = tempfile::tempdir().unwrap();
    let k = keys::generate().unwrap();
    let pem = keys::encrypt_private_key_pem(&k, b"mat khau dai 2026").unwrap();
    assert!(pem.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
    std::fs::write(dir.path().join("k.pem"), pem.as_bytes()).unwrap();
    std::fs::write(dir.path().join("pass.txt"), "mat khau dai 2026\n").unwrap();
    let (ok, out) = sh(
        dir.path(),
        "openssl pkey -in k.pem -passin file:pass.txt -pubout",
    );
    assert!(ok, "{out}");
    assert_eq!(out, keys::public_key_pem(&k.verifying_key()));
    // OpenSSL sees PKCS#8 v1 with scrypt.
    let (ok, out) = sh(dir.path(), "openssl asn1parse -in k.pem");
    assert!(ok, "{out}");
    assert!(out.contains(":scrypt"), "{out}");
    assert!(out.contains(":aes-256-cbc"), "{out}");
    // Wrong passphrase is refused by OpenSSL too.
    std::fs::write(dir.path().join("bad.txt"), "sai\n").unwrap();
    let (ok, _) = sh(
        dir.path(),
        "openssl pkey -in k.pem -passin file:bad.txt -pubout",
    );
    assert!(!ok);
}

#[test]
fn key_made_by_openssl_genpkey_imports_and_is_reencrypted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pass.txt"), "mot hai ba bon\n").unwrap();
    let (ok, out) = sh(
        dir.path(),
        "openssl genpkey -algorithm ed25519 -aes-256-cbc -pass file:pass.txt -out k.pem && \
         openssl pkey -in k.pem -passin file:pass.txt -pubout -out pub.pem",
    );
    assert!(ok, "{out}");
    let pem = std::fs::read_to_string(dir.path().join("k.pem")).unwrap();
    let pubpem = std::fs::read_to_string(dir.path().join("pub.pem")).unwrap();
    let imported =
        keys::import_private_key_pem(&pem, b"mot hai ba bon", ImportOptions::default()).unwrap();
    assert_eq!(
        imported.source_protection,
        Protection::Pbkdf2 { iterations: 2048 }
    );
    assert!(imported.reencrypted);
    assert_eq!(keys::public_key_pem(&imported.key.verifying_key()), pubpem);
    // Our re-encrypted file is read back by us and by OpenSSL.
    let again = keys::decrypt_private_key_pem(&imported.pem, b"mot hai ba bon").unwrap();
    assert_eq!(again.to_bytes(), imported.key.to_bytes());
    std::fs::write(dir.path().join("ours.pem"), imported.pem.as_bytes()).unwrap();
    let (ok, out) = sh(
        dir.path(),
        "openssl pkey -in ours.pem -passin file:pass.txt -pubout",
    );
    assert!(ok, "{out}");
    assert_eq!(out, pubpem);

    // An scrypt file as strong as ours is kept unchanged.
    // (OpenSSL reads -passin and -passout from one file as two lines: use two files.)
    std::fs::write(dir.path().join("pass2.txt"), "mot hai ba bon\n").unwrap();
    let (ok, out) = sh(
        dir.path(),
        "openssl pkcs8 -topk8 -in k.pem -passin file:pass.txt -scrypt -scrypt_N 16384 -scrypt_r 8 -scrypt_p 5 \
         -v2 aes-256-cbc -passout file:pass2.txt -out s.pem",
    );
    assert!(ok, "{out}");
    let spem = std::fs::read_to_string(dir.path().join("s.pem")).unwrap();
    let imp =
        keys::import_private_key_pem(&spem, b"mot hai ba bon", ImportOptions::default()).unwrap();
    assert!(!imp.reencrypted, "{imp:?}");
    assert_eq!(imp.pem.as_str(), spem);

    // Unencrypted key from OpenSSL: refused unless allowed; then stored encrypted.
    let (ok, out) = sh(
        dir.path(),
        "openssl genpkey -algorithm ed25519 -out plain.pem",
    );
    assert!(ok, "{out}");
    let plain = std::fs::read_to_string(dir.path().join("plain.pem")).unwrap();
    let e = keys::import_private_key_pem(&plain, b"x", ImportOptions::default()).unwrap_err();
    assert_eq!(e, keys::KeyError::Unencrypted);
    let imp = keys::import_private_key_pem(
        &plain,
        b"mot hai ba bon",
        ImportOptions {
            allow_unencrypted: true,
        },
    )
    .unwrap();
    assert!(imp.reencrypted);
    assert!(imp.pem.contains("ENCRYPTED PRIVATE KEY"));
}

/// A key encrypted by `openssl pkcs8 -topk8` with `scheme_args` from a fresh ed25519 key.
fn old_scheme_key(dir: &Path, scheme_args: &str) -> String {
    let (ok, out) = sh(
        dir,
        &format!(
            "openssl genpkey -algorithm ed25519 -out plain.pem && \
             openssl pkcs8 -topk8 {scheme_args} -in plain.pem -out old-key.pem -passout pass:old-secret && \
             rm plain.pem"
        ),
    );
    assert!(ok, "{scheme_args}: {out}");
    std::fs::read_to_string(dir.join("old-key.pem")).unwrap()
}

#[test]
fn keys_in_older_encryptions_name_the_scheme_and_the_suggested_command_makes_them_importable() {
    for (args, scheme) in [
        (
            "-v1 PBE-SHA1-3DES",
            "PKCS#12 pbeWithSHAAnd3-KeyTripleDES-CBC",
        ),
        ("-v2 des3", "PBES2 with des-ede3-cbc (3DES)"),
        (
            "-v2 aes-256-cbc -v2prf hmacWithSHA1",
            "PBES2 with PBKDF2-hmacWithSHA1",
        ),
        (
            "-provider legacy -provider default -v1 PBE-SHA1-DES",
            "PBES1 pbeWithSHA1AndDES-CBC",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let old = old_scheme_key(dir.path(), args);
        let err = keys::import_private_key_pem(&old, b"old-secret", ImportOptions::default())
            .expect_err(args);
        assert_eq!(
            err,
            keys::KeyError::OldEncryption {
                scheme: scheme.into(),
                command: keys::REENCRYPT_COMMAND.into()
            },
            "{args}"
        );
        let message = err.to_string();
        assert!(message.contains(scheme) && message.contains(keys::REENCRYPT_COMMAND));

        // The command as suggested (passphrases given on the command line instead of typed;
        // PBES1 with DES needs OpenSSL 3's legacy provider, as the constant's docs say).
        let legacy = if args.contains("legacy") {
            " -provider legacy -provider default"
        } else {
            ""
        };
        let cmd = format!(
            "{}{legacy} -passin pass:old-secret -passout pass:new-secret",
            keys::REENCRYPT_COMMAND
        );
        let (ok, out) = sh(dir.path(), &cmd);
        assert!(ok, "{cmd}: {out}");
        let new = std::fs::read_to_string(dir.path().join("new-key.pem")).unwrap();
        let imported =
            keys::import_private_key_pem(&new, b"new-secret", ImportOptions::default()).unwrap();
        assert_eq!(
            imported.source_protection,
            Protection::Scrypt {
                n: 1 << 14,
                r: 8,
                p: 1
            }
        );
        assert!(
            imported.reencrypted,
            "p = 1 is weaker than ours: stored re-encrypted"
        );
        let back = keys::decrypt_private_key_pem(&imported.pem, b"new-secret").unwrap();
        assert_eq!(back.to_bytes(), imported.key.to_bytes());
    }
}
