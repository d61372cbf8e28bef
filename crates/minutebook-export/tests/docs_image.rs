//! Writes page 1 of the signed March 2026 minutes to docs/images (the README/doc picture) and
//! checks it is an A4 page at 80 dpi.
mod common;

use minutebook_export::{ExportOptions, render_minutes};

#[test]
fn page_one_png_for_the_docs() {
    let record = common::march_record();
    let (infos, atts) = common::signed(&record);
    let pdf = render_minutes(&record, &infos, atts, &ExportOptions::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "m.pdf", &pdf);
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/images");
    std::fs::create_dir_all(&out).unwrap();
    let prefix = dir.path().join("p");
    common::run(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            path.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let png = std::fs::read(dir.path().join("p.png")).unwrap();
    // 8.27 × 11.69 in at 80 dpi.
    let (w, h) = (
        u32::from_be_bytes(png[16..20].try_into().unwrap()),
        u32::from_be_bytes(png[20..24].try_into().unwrap()),
    );
    assert_eq!((w, h), (662, 936));
    std::fs::write(out.join("minutes-2026-03-page1.png"), png).unwrap();
}
