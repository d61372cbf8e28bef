//! Bundle files: folder and zip round trips, determinism, and refusal of unsafe input.

mod common;

use std::io::{Cursor, Write};

use minutebook_sign::{Bundle, BundleError, BundleLimits};
use zip::write::SimpleFileOptions;

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        w.start_file(*name, SimpleFileOptions::default()).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn dir_and_zip_round_trip_and_zip_is_deterministic() {
    let b = common::signed_bundle(common::simple_record());
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("b");
    b.write_dir(&d).unwrap();
    assert_eq!(Bundle::read_dir(&d, BundleLimits::default()).unwrap(), b);
    let names: Vec<String> = b.entries().into_iter().map(|e| e.0).collect();
    assert_eq!(
        names,
        [
            "record.json",
            "signatures/01-chair.json",
            "signatures/01-chair.pub.pem",
            "signatures/01-chair.sig",
            "signatures/02-minute-taker.json",
            "signatures/02-minute-taker.pub.pem",
            "signatures/02-minute-taker.sig"
        ]
    );
    let z = dir.path().join("b.zip");
    b.write_zip(&z).unwrap();
    assert_eq!(Bundle::read_zip(&z, BundleLimits::default()).unwrap(), b);
    assert_eq!(b.to_zip_bytes().unwrap(), b.clone().to_zip_bytes().unwrap());
    assert_eq!(std::fs::read(&z).unwrap(), b.to_zip_bytes().unwrap());
    // Writing into a non-empty folder is refused.
    assert!(matches!(
        b.write_dir(&d),
        Err(BundleError::TargetNotEmpty { .. })
    ));
    // The signing request is the record alone.
    let req = b.signing_request();
    assert!(req.signatures.is_empty());
    let rd = dir.path().join("req");
    req.write_dir(&rd).unwrap();
    assert_eq!(Bundle::read_dir(&rd, BundleLimits::default()).unwrap(), req);
    // from_entries takes what the PDF exporter hands over.
    let owned: Vec<(String, Vec<u8>)> = b
        .entries()
        .into_iter()
        .map(|(n, d)| (n, d.to_vec()))
        .collect();
    assert_eq!(
        Bundle::from_entries(owned, BundleLimits::default()).unwrap(),
        b
    );
}

#[test]
fn unsafe_and_unexpected_paths_are_refused() {
    let r = common::simple_record();
    type Check = fn(&BundleError) -> bool;
    let cases: &[(&str, Check)] = &[
        ("../record.json", |e| {
            matches!(e, BundleError::UnsafePath { .. })
        }),
        ("signatures/../record.json", |e| {
            matches!(e, BundleError::UnsafePath { .. })
        }),
        ("/record.json", |e| {
            matches!(e, BundleError::UnsafePath { .. })
        }),
        ("/etc/passwd", |e| {
            matches!(e, BundleError::UnsafePath { .. })
        }),
        ("C:/x.json", |e| matches!(e, BundleError::UnsafePath { .. })),
        ("signatures\\01-chair.json", |e| {
            matches!(e, BundleError::UnsafePath { .. })
        }),
        ("./record.json", |e| {
            matches!(e, BundleError::UnsafePath { .. })
        }),
        ("signatures//01-chair.json", |e| {
            matches!(e, BundleError::UnsafePath { .. })
        }),
        ("notes.txt", |e| {
            matches!(e, BundleError::UnexpectedFile { .. })
        }),
        ("signatures/1-chair.json", |e| {
            matches!(e, BundleError::UnexpectedFile { .. })
        }),
        ("signatures/01-boss.json", |e| {
            matches!(e, BundleError::UnexpectedFile { .. })
        }),
        ("signatures/00-chair.json", |e| {
            matches!(e, BundleError::UnexpectedFile { .. })
        }),
        ("signatures/01-chair.exe", |e| {
            matches!(e, BundleError::UnexpectedFile { .. })
        }),
    ];
    for (path, check) in cases {
        let e = Bundle::from_entries(
            vec![
                ("record.json".to_owned(), r.clone()),
                ((*path).to_owned(), b"x".to_vec()),
            ],
            BundleLimits::default(),
        )
        .unwrap_err();
        assert!(check(&e), "{path}: {e:?}");
        assert!(e.to_string().contains(&format!("{path:?}")), "{path}: {e}");
        // Same through a zip.
        let z = zip_of(&[("record.json", &r), (path, b"x")]);
        let e = Bundle::read_zip_from(Cursor::new(z), BundleLimits::default()).unwrap_err();
        assert!(
            check(&e) || matches!(e, BundleError::Zip { .. }),
            "zip {path}: {e:?}"
        );
    }
    let e = Bundle::from_entries(
        vec![("record.json", r.clone()), ("record.json", r.clone())],
        BundleLimits::default(),
    )
    .unwrap_err();
    assert!(matches!(e, BundleError::DuplicateEntry { .. }), "{e:?}");
    let e =
        Bundle::from_entries(Vec::<(String, Vec<u8>)>::new(), BundleLimits::default()).unwrap_err();
    assert_eq!(e, BundleError::MissingRecord);
}

#[test]
fn incomplete_signature_names_the_missing_file() {
    let b = common::signed_bundle(common::simple_record());
    let entries: Vec<(String, Vec<u8>)> = b
        .entries()
        .into_iter()
        .filter(|(n, _)| n != "signatures/02-minute-taker.sig")
        .map(|(n, d)| (n, d.to_vec()))
        .collect();
    let e = Bundle::from_entries(entries, BundleLimits::default()).unwrap_err();
    assert!(
        e.to_string().contains("signatures/02-minute-taker.sig"),
        "{e}"
    );
}

#[test]
fn symlinks_are_refused_in_folders_and_zips() {
    let b = common::signed_bundle(common::simple_record());
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("b");
    b.write_dir(&d).unwrap();
    std::fs::remove_file(d.join("record.json")).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", d.join("record.json")).unwrap();
    let e = Bundle::read_dir(&d, BundleLimits::default()).unwrap_err();
    assert!(matches!(e, BundleError::Symlink { .. }), "{e:?}");

    let d2 = dir.path().join("b2");
    b.write_dir(&d2).unwrap();
    let sig = d2.join("signatures");
    std::fs::rename(&sig, dir.path().join("elsewhere")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("elsewhere"), &sig).unwrap();
    let e = Bundle::read_dir(&d2, BundleLimits::default()).unwrap_err();
    assert!(matches!(e, BundleError::Symlink { .. }), "{e:?}");

    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    w.add_symlink("record.json", "/etc/passwd", SimpleFileOptions::default())
        .unwrap();
    let z = w.finish().unwrap().into_inner();
    let e = Bundle::read_zip_from(Cursor::new(z), BundleLimits::default()).unwrap_err();
    assert!(matches!(e, BundleError::Symlink { .. }), "{e:?}");
}

fn small_limits() -> BundleLimits {
    BundleLimits {
        max_entry_bytes: 1024 * 1024,
        max_total_bytes: 2 * 1024 * 1024,
        max_entries: 20,
    }
}

#[test]
fn oversized_and_lying_entries_are_refused() {
    let big = vec![b' '; 3 * 1024 * 1024];
    let z = zip_of(&[("record.json", &big)]);
    assert!(z.len() < 100 * 1024, "compresses well: {}", z.len());
    let e = Bundle::read_zip_from(Cursor::new(z.clone()), small_limits()).unwrap_err();
    assert!(matches!(e, BundleError::EntryTooLarge { .. }), "{e:?}");

    // Lie in both headers: claim 100 bytes uncompressed.
    let mut lying = z;
    let patch = |buf: &mut Vec<u8>, sig: [u8; 4], off: usize| {
        let pos = buf.windows(4).position(|w| w == sig).unwrap();
        buf[pos + off..pos + off + 4].copy_from_slice(&100u32.to_le_bytes());
    };
    patch(&mut lying, [0x50, 0x4b, 0x03, 0x04], 22);
    patch(&mut lying, [0x50, 0x4b, 0x01, 0x02], 24);
    match Bundle::read_zip_from(Cursor::new(lying), small_limits()) {
        Err(e) => assert!(
            matches!(
                e,
                BundleError::EntryTooLarge { .. }
                    | BundleError::Zip { .. }
                    | BundleError::Io { .. }
            ),
            "{e:?}"
        ),
        Ok(b) => panic!("lying zip accepted with record of {} bytes", b.record.len()),
    }

    // Total cap across entries.
    let half = vec![b'a'; 900 * 1024];
    let z = zip_of(&[
        ("record.json", &half),
        ("signatures/01-chair.json", &half),
        ("signatures/01-chair.sig", &half),
    ]);
    let e = Bundle::read_zip_from(Cursor::new(z), small_limits()).unwrap_err();
    assert!(matches!(e, BundleError::TotalTooLarge { .. }), "{e:?}");

    let e = Bundle::from_entries(vec![("record.json", big)], small_limits()).unwrap_err();
    assert!(matches!(e, BundleError::EntryTooLarge { .. }), "{e:?}");
}
