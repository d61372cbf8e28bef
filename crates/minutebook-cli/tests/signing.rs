//! Closing, signing, bundles and verification of the March 2026 case through the real binary,
//! with stock `openssl` and `sqlite3` as outside witnesses.

mod common;
use std::process::Command;

use common::*;

fn sh(cmd: &str, dir: &std::path::Path) -> std::process::Output {
    Command::new("bash")
        .arg("-c")
        .arg(cmd)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn signed_bundle_verifies_with_minutebook_and_with_openssl() {
    let env = Env::new();
    let id = env.signed_march();
    let list = env.json(&["meeting", "list", "--json"]);
    assert_eq!(list[0]["status"], "signed");
    assert_eq!(list[0]["integrity"]["state"], "intact");

    let dir = env.path("bundle");
    env.ok(&["bundle", "export", &id, "--out", dir.to_str().unwrap()]);
    for f in [
        "record.json",
        "signatures/01-chair.json",
        "signatures/01-chair.sig",
        "signatures/01-chair.pub.pem",
        "signatures/02-minute-taker.sig",
    ] {
        assert!(dir.join(f).exists(), "{f}");
    }
    // With the book's roster as trust: everything holds.
    let out = env.run(&["verify", dir.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // $MINUTEBOOK_DB stands for --db here too (as --help says).
    let out = Command::new(env!("CARGO_BIN_EXE_minutebook"))
        .args(["verify", dir.to_str().unwrap()])
        .env("MINUTEBOOK_DB", env.db())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    // Verifying against a book that does not exist is an error and creates no file.
    let missing = env.path("no-such-book.db");
    let out = env.run_db(&missing, &["verify", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!missing.exists());
    // Without any trust: valid signatures, keys pinned by nothing → 3, fingerprints printed.
    let out = Command::new(env!("CARGO_BIN_EXE_minutebook"))
        .args(["--lang", "en", "verify", dir.to_str().unwrap()])
        .env_remove("MINUTEBOOK_DB")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Fingerprint to compare"), "{text}");
    // With a trust file exported from the roster: 0, and JSON says valid.
    let trust = env.path("roster.trust.json");
    env.ok(&["key", "export-trust", "--out", trust.to_str().unwrap()]);
    let out = Command::new(env!("CARGO_BIN_EXE_minutebook"))
        .args([
            "verify",
            dir.to_str().unwrap(),
            "--json",
            "--trust",
            trust.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["outcome"], "valid");
    assert_eq!(v["bundles"][0]["signatures"].as_array().unwrap().len(), 2);

    // Stock tools: sha256sum of record.json equals the attested hash; openssl verifies each.
    let sum = sh("sha256sum record.json | cut -d' ' -f1", &dir);
    let sum = String::from_utf8(sum.stdout).unwrap();
    let att: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("signatures/01-chair.json")).unwrap())
            .unwrap();
    assert_eq!(att["record_sha256"].as_str().unwrap(), sum.trim());
    for stem in ["01-chair", "02-minute-taker"] {
        let out = sh(
            &format!(
                "openssl pkeyutl -verify -pubin -inkey signatures/{stem}.pub.pem -rawin -in signatures/{stem}.json -sigfile signatures/{stem}.sig"
            ),
            &dir,
        );
        assert!(
            out.status.success(),
            "{stem}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("Signature Verified Successfully"));
    }

    // The zip form verifies the same.
    let zip = env.path("bundle.zip");
    env.ok(&[
        "bundle",
        "export",
        &id,
        "--out",
        zip.to_str().unwrap(),
        "--zip",
    ]);
    assert_eq!(
        env.run(&["verify", zip.to_str().unwrap()]).status.code(),
        Some(0)
    );
}

#[test]
fn tampering_is_named() {
    let env = Env::new();
    let id = env.signed_march();
    let dir = env.path("bundle");
    env.ok(&["bundle", "export", &id, "--out", dir.to_str().unwrap()]);
    let copy = |name: &str| {
        let d = env.path(name);
        sh(
            &format!("cp -r '{}' '{}'", dir.display(), d.display()),
            env.dir.path(),
        );
        d
    };
    // A flipped byte in the record.
    let d = copy("t1");
    let mut rec = std::fs::read(d.join("record.json")).unwrap();
    let i = rec.len() / 2;
    rec[i] ^= 0x01;
    std::fs::write(d.join("record.json"), rec).unwrap();
    let out = env.run(&["verify", d.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    // A signature removed: the chair's role is missing.
    let d = copy("t2");
    for ext in ["json", "sig", "pub.pem"] {
        std::fs::remove_file(d.join(format!("signatures/01-chair.{ext}"))).unwrap();
    }
    let out = env.run(&["verify", d.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = v["bundles"][0]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert!(
        codes
            .iter()
            .any(|c| c.contains("required-role") || c.contains("gap")),
        "{codes:?}"
    );
    // Another member's valid key swapped in: not what the roster pins for the chair.
    let d = copy("t3");
    std::fs::copy(
        d.join("signatures/02-minute-taker.pub.pem"),
        d.join("signatures/01-chair.pub.pem"),
    )
    .unwrap();
    assert_eq!(
        env.run(&["verify", d.to_str().unwrap()]).status.code(),
        Some(1)
    );
}

#[test]
fn a_row_edited_behind_the_programs_back_is_detected() {
    let env = Env::new();
    let id = env.signed_march();
    let db = env.db();
    // Change the resolution's counts with the stock sqlite3 CLI (no guard to drop on votes).
    let out = sh(
        &format!(
            "sqlite3 '{}' \"UPDATE votes SET yes_count = 7, no_count = 1 WHERE position = 0;\"",
            db.display()
        ),
        env.dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = env.json(&["meeting", "list", "--json"]);
    assert_eq!(list[0]["integrity"]["state"], "altered", "{list}");
    assert_ne!(env.run(&["check"]).status.code(), Some(0));
    // The report leads with the warning, heads the meeting "altered", and shows the figures
    // that were signed (8 yes), not the altered row's (7).
    let report = env.ok(&["report", &id]);
    let first = report.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("⚠ Changed outside Minutebook"),
        "{report}"
    );
    assert!(report.contains("Altered after signing"), "{report}");
    assert!(!report.contains("— Signed"), "{report}");
    let json = env.json(&["report", &id, "--json"]);
    assert_eq!(json["votes"][0]["yes"], 8, "{json}");
    assert_eq!(json["integrity"]["state"], "altered", "{json}");
    // Exports carry the signed record, and say on stderr that the book was altered.
    let pdf = env.path("altered.pdf");
    let out = env.run(&["export", "pdf", &id, "--out", pdf.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Changed outside Minutebook"), "{err}");
    assert!(
        err.contains("The export carries the signed minutes"),
        "{err}"
    );
    // And nobody can sign the altered record.
    let pass = env.write("p2.txt", "mật khẩu đủ dài");
    env.ok(&[
        "key",
        "new",
        "--member",
        "Lê Minh Tuấn",
        "--passphrase-file",
        pass.to_str().unwrap(),
    ]);
    let out = env.run(&[
        "sign",
        &id,
        "--member",
        "Lê Minh Tuấn",
        "--role",
        "member",
        "--passphrase-file",
        pass.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("match"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn wrong_passphrase_and_wrong_signer_are_refused() {
    let env = Env::new();
    let id = env.import_march();
    let pass = env.write("pass.txt", "đúng mật khẩu");
    let wrong = env.write("wrong.txt", "sai mật khẩu");
    env.ok(&[
        "key",
        "new",
        "--member",
        "Nguyễn Văn Hùng",
        "--passphrase-file",
        pass.to_str().unwrap(),
    ]);
    env.ok(&[
        "key",
        "new",
        "--member",
        "Trần Thị Lan",
        "--passphrase-file",
        pass.to_str().unwrap(),
    ]);
    env.ok(&["meeting", "close", &id]);
    let out = env.run(&[
        "sign",
        &id,
        "--member",
        "Nguyễn Văn Hùng",
        "--role",
        "chair",
        "--passphrase-file",
        wrong.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Wrong key passphrase"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = env.run(&[
        "sign",
        &id,
        "--member",
        "Trần Thị Lan",
        "--role",
        "chair",
        "--passphrase-file",
        pass.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not the chair"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A closed meeting cannot be edited in place.
    let out = env.run(&["vote", "reading", &id, "1", "all-official"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn an_openssl_key_imports_and_signs() {
    let env = Env::new();
    let id = env.import_march();
    let pem = env.path("hung.pem");
    let out = sh(
        &format!(
            "openssl genpkey -algorithm ed25519 -aes-256-cbc -pass pass:'mat khau openssl' -out '{}'",
            pem.display()
        ),
        env.dir.path(),
    );
    assert!(out.status.success());
    let pass = env.write("pass.txt", "mat khau openssl\n");
    env.ok(&[
        "key",
        "import",
        "--member",
        "1",
        pem.to_str().unwrap(),
        "--passphrase-file",
        pass.to_str().unwrap(),
    ]);
    // Same public key as openssl derives.
    let ours = env.ok(&["key", "export-public", "1"]);
    let theirs = sh(
        &format!(
            "openssl pkey -in '{}' -passin pass:'mat khau openssl' -pubout",
            pem.display()
        ),
        env.dir.path(),
    );
    assert_eq!(ours.trim(), String::from_utf8_lossy(&theirs.stdout).trim());
    env.ok(&["meeting", "close", &id]);
    env.ok(&[
        "sign",
        &id,
        "--member",
        "1",
        "--role",
        "chair",
        "--passphrase-file",
        pass.to_str().unwrap(),
    ]);
}

#[test]
fn a_member_signs_on_their_own_computer() {
    let secretary = Env::new();
    let id = secretary.import_march();
    let pass = secretary.write("pass.txt", "mật khẩu của Hùng");
    secretary.ok(&[
        "key",
        "new",
        "--member",
        "Nguyễn Văn Hùng",
        "--passphrase-file",
        pass.to_str().unwrap(),
    ]);
    secretary.ok(&["meeting", "close", &id]);
    let request = secretary.path("request");
    secretary.ok(&[
        "sign-request",
        "export",
        &id,
        "--out",
        request.to_str().unwrap(),
    ]);
    assert!(request.join("record.json").exists());

    // The minute-taker's laptop: her own minute book with her own key.
    let member = Env::new();
    member.ok(&[
        "cell",
        "create",
        "--name",
        "Chi bộ Tổ dân phố số 7",
        "--upper-committee",
        "Đảng bộ phường Thanh Bình",
        "--place",
        "Hà Nội",
    ]);
    let roster = member.write("me.csv", "ho_ten,loai_dang_vien\nPhạm Thu Hà,chính thức\n");
    member.ok(&["roster", "import", roster.to_str().unwrap()]);
    let mpass = member.write("pass.txt", "mật khẩu của Hà");
    member.ok(&[
        "key",
        "new",
        "--member",
        "Phạm Thu Hà",
        "--passphrase-file",
        mpass.to_str().unwrap(),
    ]);
    let public = member.ok(&["key", "export-public", "Phạm Thu Hà"]);
    let outdir = member.path("signed");
    member.ok(&[
        "sign-request",
        "sign",
        request.to_str().unwrap(),
        "--member",
        "Phạm Thu Hà",
        "--role",
        "minute-taker",
        "--passphrase-file",
        mpass.to_str().unwrap(),
        "--out",
        outdir.to_str().unwrap(),
    ]);

    // Back at the secretary's: not pinned yet → refused; pinned → accepted; signed.
    let out = secretary.run(&["attestation", "import", &id, outdir.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "an unpinned key must be refused"
    );
    let pubfile = secretary.write("ha.pub.pem", &public);
    secretary.ok(&[
        "key",
        "pin",
        "--member",
        "Phạm Thu Hà",
        pubfile.to_str().unwrap(),
    ]);
    secretary.ok(&["attestation", "import", &id, outdir.to_str().unwrap()]);
    secretary.ok(&[
        "sign",
        &id,
        "--member",
        "Nguyễn Văn Hùng",
        "--role",
        "chair",
        "--passphrase-file",
        pass.to_str().unwrap(),
    ]);
    let list = secretary.json(&["meeting", "list", "--json"]);
    assert_eq!(list[0]["status"], "signed");
    let dir = secretary.path("bundle");
    secretary.ok(&["bundle", "export", &id, "--out", dir.to_str().unwrap()]);
    assert_eq!(
        secretary
            .run(&["verify", dir.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn a_change_after_signing_makes_a_new_version_and_the_book_chains() {
    let env = Env::new();
    let id = env.signed_march();
    let v1 = env.path("v1");
    env.ok(&["bundle", "export", &id, "--out", v1.to_str().unwrap()]);
    env.ok(&["meeting", "reopen", &id]);
    env.ok(&["vote", "reading", &id, "2", "qd294-as-quoted"]);
    let info = env.ok(&["meeting", "close", &id]);
    assert!(info.contains("version 2"), "{info}");
    let list = env.json(&["meeting", "list", "--json"]);
    assert_eq!(
        list[0]["status"], "closed",
        "the old signatures do not cover version 2"
    );
    let v2 = env.path("v2");
    env.ok(&["bundle", "export", &id, "--out", v2.to_str().unwrap()]);
    let v2rec: serde_json::Value =
        serde_json::from_slice(&std::fs::read(v2.join("record.json")).unwrap()).unwrap();
    let v1sum = sh("sha256sum record.json | cut -d' ' -f1", &v1);
    assert_eq!(
        v2rec["previous_version_sha256"].as_str().unwrap(),
        String::from_utf8_lossy(&v1sum.stdout).trim()
    );
    assert_eq!(v2rec["version"], 2);
    // The unsigned version 2 fails verification (no signatures) — never shown as signed.
    assert_eq!(
        env.run(&["verify", v2.to_str().unwrap()]).status.code(),
        Some(1)
    );
}
