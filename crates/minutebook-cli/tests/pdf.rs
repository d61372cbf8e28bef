//! The archival PDF of the signed March 2026 minutes: exported by the CLI, read back by poppler
//! and qpdf, verified by `minutebook verify`, and refused once altered.

mod common;
use std::process::Command;

use common::*;

fn tool(cmd: &str, args: &[&str]) -> std::process::Output {
    Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e} (scripts/setup installs it)"))
}

#[test]
fn the_signed_minutes_pdf_verifies_and_carries_its_bundle() {
    let env = Env::new();
    let id = env.signed_march();
    let pdf = env.path("bien-ban.pdf");
    env.ok(&["export", "pdf", &id, "--out", pdf.to_str().unwrap()]);

    let text =
        String::from_utf8(tool("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"]).stdout)
            .unwrap();
    for needle in [
        "BIÊN BẢN",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Hà Nội, ngày 05 tháng 3 năm 2026",
        "83,33%",
        "88,89%",
        "77,78%",
        "Phạm Thu Hà",
    ] {
        assert!(text.contains(needle), "{needle:?} not in the PDF text");
    }
    assert!(!text.contains("DỰ THẢO"), "a signed export is not a draft");
    let info = String::from_utf8(tool("pdfinfo", &[pdf.to_str().unwrap()]).stdout).unwrap();
    assert!(
        info.contains("595.276 x 841.89") || info.contains("595.28 x 841.89"),
        "{info}"
    );
    assert!(
        tool("qpdf", &["--check", pdf.to_str().unwrap()])
            .status
            .success()
    );

    // minutebook verify on the PDF: signatures, pinning by the book's roster, and the rendering.
    let out = env.run(&["verify", pdf.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{v:#}");
    assert_eq!(v["subject"], "pdf");
    assert_eq!(v["rendering"]["matches"], true);

    // The attachments are the bundle: the stock-OpenSSL check works on what pdfdetach gives.
    // pdfdetach writes "signatures/01-chair.sig" as a relative path, so the folder must exist
    // (docs/pdf-export.md has the loop that makes it).
    let dir = env.path("detached");
    std::fs::create_dir_all(dir.join("signatures")).unwrap();
    let out = Command::new("pdfdetach")
        .args(["-saveall", pdf.to_str().unwrap()])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let names: Vec<String> = std::fs::read_dir(dir.join("signatures"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(dir.join("record.json").exists());
    assert_eq!(names.len(), 6, "2 × (json, sig, pub.pem): {names:?}");
    for stem in ["01-chair", "02-minute-taker"] {
        let check = Command::new("openssl")
            .args([
                "pkeyutl",
                "-verify",
                "-pubin",
                "-inkey",
                &format!("signatures/{stem}.pub.pem"),
                "-rawin",
                "-in",
                &format!("signatures/{stem}.json"),
                "-sigfile",
                &format!("signatures/{stem}.sig"),
            ])
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(
            check.status.success(),
            "{stem}: {}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
    assert_eq!(
        env.run(&["verify", dir.to_str().unwrap()]).status.code(),
        Some(0)
    );
}

#[test]
fn an_altered_pdf_fails_verification() {
    let env = Env::new();
    let id = env.signed_march();
    let pdf = env.path("bien-ban.pdf");
    env.ok(&["export", "pdf", &id, "--out", pdf.to_str().unwrap()]);
    let bytes = std::fs::read(&pdf).unwrap();

    // qpdf rewrites the file uncompressed; change visible text there, then check it fails.
    let plain = env.path("plain.pdf");
    assert!(
        tool(
            "qpdf",
            &[
                "--qdf",
                "--object-streams=disable",
                pdf.to_str().unwrap(),
                plain.to_str().unwrap()
            ]
        )
        .status
        .success()
    );
    let verify = |p: &std::path::Path| env.run(&["verify", p.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&verify(&plain).stdout).unwrap();
    assert_eq!(
        v["rendering"]["matches"], false,
        "a rewritten PDF is not the exporter's rendering: {v:#}"
    );

    // A flipped byte anywhere in the file's second half (streams, attachments) never verifies.
    for frac in [2, 3, 5] {
        let mut b = bytes.clone();
        let i = b.len() - b.len() / frac;
        b[i] ^= 0x20;
        let p = env.path(&format!("flip{frac}.pdf"));
        std::fs::write(&p, &b).unwrap();
        assert_ne!(
            verify(&p).status.code(),
            Some(0),
            "byte {i} flipped still verified"
        );
    }
}

#[test]
fn an_unsigned_export_is_a_draft_on_every_page() {
    let env = Env::new();
    let id = env.import_march();
    env.ok(&["meeting", "close", &id]);
    let pdf = env.path("du-thao.pdf");
    env.ok(&["export", "pdf", &id, "--out", pdf.to_str().unwrap()]);
    let info = String::from_utf8(tool("pdfinfo", &[pdf.to_str().unwrap()]).stdout).unwrap();
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    for page in 1..=pages {
        let p = page.to_string();
        let text = String::from_utf8(
            tool(
                "pdftotext",
                &[
                    "-f",
                    &p,
                    "-l",
                    &p,
                    "-enc",
                    "UTF-8",
                    pdf.to_str().unwrap(),
                    "-",
                ],
            )
            .stdout,
        )
        .unwrap();
        assert!(text.contains("DỰ THẢO"), "page {page} lacks the draft mark");
    }
    // The attendance sheet exports too. (The resolution needs one of its own, which the March
    // file has not: tests/year.rs.)
    let sheet = env.path("diem-danh.pdf");
    env.ok(&[
        "export",
        "attendance-sheet",
        &id,
        "--out",
        sheet.to_str().unwrap(),
    ]);
}

/// Issue 15: the notice summoning a meeting and its calendar entry, before the meeting.
#[test]
fn the_invitation_exports_as_a_notice_and_a_calendar_entry() {
    let env = Env::new();
    let id = env.import_march();
    let pdf = env.path("thong-bao.pdf");
    let ics = env.path("hop-chi-bo.ics");
    env.ok(&[
        "export",
        "invitation",
        &id,
        "--out",
        pdf.to_str().unwrap(),
        "--ics",
        ics.to_str().unwrap(),
        "--issued-on",
        "2026-02-26",
    ]);
    let text =
        String::from_utf8(tool("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"]).stdout)
            .unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "THÔNG BÁO",
        "Hà Nội, ngày 26 tháng 02 năm 2026",
        "thứ Năm, ngày 05 tháng 3 năm 2026",
        "CHƯƠNG TRÌNH",
    ] {
        assert!(text.contains(needle), "{needle:?} not in {text}");
    }
    assert!(
        tool("qpdf", &["--check", pdf.to_str().unwrap()])
            .status
            .success()
    );
    let cal = std::fs::read_to_string(&ics).unwrap();
    assert!(cal.contains("DTSTART:20260305T123000Z"), "{cal}");

    // Neither output named: a clear error in the chosen language, nothing written.
    let out = env.run(&["export", "invitation", &id]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--out FILE.pdf, --ics FILE.ics"), "{err}");
    // One name for both: refused, nothing written.
    let same = env.path("same.x");
    let out = env.run(&[
        "export",
        "invitation",
        &id,
        "--out",
        same.to_str().unwrap(),
        "--ics",
        same.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(!same.exists());
    let out = env.run_vi(&["export", "invitation", &id]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cần chỉ nơi ghi"), "{err}");
}
