//! Hostile bundle zips given to `verify` (the API the CLI and the desktop call): path escapes,
//! absolute paths, symlinks, lying sizes and a 1 GiB zip bomb are refused, nothing is written
//! anywhere, and memory stays bounded.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use minutebook_api::verify::{VerifyOutcome, verify_path};
use zip::write::SimpleFileOptions;

fn listing(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).expect("list").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p.clone());
            }
            out.push(p);
        }
    }
    out.sort();
    out
}

fn zip_with(entries: &[(&str, &[u8])], symlink: Option<(&str, &str)>) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = SimpleFileOptions::default();
    for (name, bytes) in entries {
        w.start_file(*name, o).expect("start");
        w.write_all(bytes).expect("write");
    }
    if let Some((name, target)) = symlink {
        w.add_symlink(name, target, o).expect("symlink");
    }
    w.finish().expect("finish").into_inner()
}

/// Peak resident memory of this process, in KiB (`VmHWM`).
fn peak_rss_kib() -> u64 {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Verifies `bytes` as `name` in a fresh folder nested two deep (so `../` has somewhere to go)
/// and checks the outcome is not valid and no file appeared anywhere in the tree.
fn refused(name: &str, bytes: &[u8]) -> String {
    let root = tempfile::tempdir().expect("temp");
    let target = root.path().join("a").join("b");
    fs::create_dir_all(&target).expect("dirs");
    let zip = target.join(name);
    fs::write(&zip, bytes).expect("write zip");
    let before = listing(root.path());
    let result = verify_path(&zip, &[], None);
    assert_eq!(listing(root.path()), before, "{name}: verify wrote files");
    assert!(!Path::new("/abs-evil.txt").exists());
    match result {
        Ok(r) => {
            assert_eq!(r.outcome, VerifyOutcome::Invalid, "{name}: {r:?}");
            serde_json::to_string(&r).expect("json")
        }
        Err(e) => e.to_string(),
    }
}

const RECORD: &[u8] = br#"{"type":"minutebook.record"}"#;

#[test]
fn dot_dot_entries_are_refused() {
    let why = refused(
        "dotdot.zip",
        &zip_with(&[("record.json", RECORD), ("../../evil.txt", b"x")], None),
    );
    assert!(why.contains("evil"), "{why}");
    let why = refused(
        "nested.zip",
        &zip_with(
            &[("signatures/../../x.sig", b"x"), ("record.json", RECORD)],
            None,
        ),
    );
    assert!(why.contains("x.sig"), "{why}");
}

#[test]
fn absolute_paths_are_refused() {
    let why = refused(
        "abs.zip",
        &zip_with(&[("record.json", RECORD), ("/abs-evil.txt", b"x")], None),
    );
    assert!(why.contains("abs-evil"), "{why}");
    refused(
        "backslash.zip",
        &zip_with(&[("record.json", RECORD), ("..\\..\\evil.txt", b"x")], None),
    );
}

#[test]
fn symlink_entries_are_refused() {
    let why = refused(
        "symlink.zip",
        &zip_with(&[], Some(("record.json", "/etc/passwd"))),
    );
    assert!(!why.contains("root:"), "the link target was read: {why}");
}

#[test]
fn a_symlinked_zip_or_folder_is_not_followed() {
    let root = tempfile::tempdir().expect("temp");
    let real = root.path().join("real");
    fs::create_dir(&real).expect("dir");
    fs::write(real.join("record.json"), RECORD).expect("write");
    let link = root.path().join("link");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let inner = root.path().join("bundle");
    fs::create_dir(&inner).expect("dir");
    std::os::unix::fs::symlink("/etc/passwd", inner.join("record.json")).expect("symlink");
    match verify_path(&inner, &[], None) {
        Ok(r) => assert_eq!(r.outcome, VerifyOutcome::Invalid),
        Err(e) => assert!(!e.to_string().contains("root:"), "{e}"),
    }
}

/// Rewrites every local and central header's uncompressed size of `zip` to `size`.
fn lie_about_sizes(mut zip: Vec<u8>, size: u32) -> Vec<u8> {
    let mut i = 0;
    while i + 30 < zip.len() {
        let sig = u32::from_le_bytes([zip[i], zip[i + 1], zip[i + 2], zip[i + 3]]);
        let at = match sig {
            0x0403_4b50 => Some(i + 22),
            0x0201_4b50 => Some(i + 24),
            _ => None,
        };
        if let Some(at) = at {
            zip[at..at + 4].copy_from_slice(&size.to_le_bytes());
        }
        i += 1;
    }
    zip
}

#[test]
fn huge_declared_sizes_are_refused() {
    let honest = zip_with(&[("record.json", RECORD)], None);
    let why = refused("huge.zip", &lie_about_sizes(honest, 0xFFFF_FFF0));
    assert!(!why.is_empty());
}

#[test]
fn a_one_gib_zip_bomb_is_refused_in_bounded_memory() {
    // 1 GiB of spaces compresses to about 10 MiB at deflate level 1 (a ratio of 100).
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = SimpleFileOptions::default()
        .compression_level(Some(1))
        .large_file(true);
    w.start_file("record.json", o).expect("start");
    let block = vec![b' '; 1 << 20];
    for _ in 0..1024 {
        w.write_all(&block).expect("write");
    }
    let bomb = w.finish().expect("finish").into_inner();
    drop(block);
    assert!(bomb.len() < 16 << 20, "bomb is {} bytes", bomb.len());
    let before = peak_rss_kib();
    let why = refused("bomb.zip", &bomb);
    let after = peak_rss_kib();
    assert!(
        after.saturating_sub(before) < 256 * 1024,
        "verify grew the peak RSS by {} MiB ({why})",
        after.saturating_sub(before) / 1024
    );
}
