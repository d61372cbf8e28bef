//! End-to-end tests of the PDF export on the March 2026 case, checked with poppler and qpdf.
mod common;

use std::path::Path;

use common::{pdf_text, run, squash, write};
use minutebook_export::{
    Attachment, ExportError, ExportOptions, RenderingDifference, check_rendering,
    extract_attachments, render_attendance_sheet, render_minutes, render_resolution,
};
use unicode_normalization::UnicodeNormalization;

fn signed_minutes() -> (Vec<u8>, Vec<Attachment>, Vec<u8>) {
    let record = common::march_record();
    let (infos, atts) = common::signed(&record);
    let pdf = render_minutes(&record, &infos, atts.clone(), &ExportOptions::default()).unwrap();
    (record, atts, pdf)
}

fn assert_has(text: &str, needle: &str) {
    let needle = squash(needle);
    assert!(
        unicode_normalization::is_nfc(&needle),
        "expected text must be NFC"
    );
    assert!(
        squash(text).contains(&needle),
        "{needle:?} not found in:\n{text}"
    );
}

#[test]
fn march_minutes_show_the_vietnamese_text_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _, pdf) = signed_minutes();
    let path = write(dir.path(), "minutes.pdf", &pdf);
    let text = pdf_text(&path);
    assert!(
        unicode_normalization::is_nfc(&text),
        "pdftotext output is NFC"
    );
    for needle in [
        "ĐẢNG BỘ PHƯỜNG THANH BÌNH",
        "CHI BỘ TỔ DÂN PHỐ SỐ 7",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 03-BB/CB",
        "Hà Nội, ngày 05 tháng 3 năm 2026",
        "BIÊN BẢN",
        "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026",
        "bắt đầu vào hồi 19 giờ 30 phút, ngày 05/3/2026",
        "Địa điểm: Nhà văn hóa tổ dân phố số 7.",
        "Tổng số đảng viên: 13 đồng chí (chính thức 11, dự bị 02)",
        "miễn công tác và sinh hoạt đảng: 01 đồng chí (đ/c Lý Thị Xuân)",
        "Có mặt: 10/12 đồng chí (chính thức 08, dự bị 02), đạt 83,33%.",
        "có lý do: đ/c Ngô Quang Vinh (đi công tác)",
        "không lý do: đ/c Đặng Văn Long",
        "Đại biểu: đ/c Mai Văn Sơn, Đảng ủy viên phường phụ trách chi bộ.",
        "Chủ trì: đ/c Nguyễn Văn Hùng, Bí thư Chi bộ.",
        "Thư ký (người ghi biên bản): đ/c Phạm Thu Hà.",
        "đ/c Hoàng Văn Nam: Đề nghị chia tổ vận động theo ngõ.",
        "đ/c Trịnh Minh Đức: Đề xuất nhắc qua nhóm Zalo tổ dân phố.",
        "Hình thức: giơ tay",
        "08/09 = 88,89%",
        "Số phiếu phát ra: 08; thu về: 08; hợp lệ: 08.",
        "07/09 = 77,78%",
        "từ hai phần ba trở lên (tối thiểu 06 đồng chí)",
        "căn cứ Quy định số 294-QĐ/TW, điểm 9.3.2",
        "không tính: đ/c Ngô Quang Vinh — vắng mặt có lý do; đ/c Lý Thị Xuân — miễn sinh hoạt, vắng mặt",
        "Cuộc họp kết thúc vào hồi 21 giờ 15 phút cùng ngày",
        "THƯ KÝ",
        "CHỦ TRÌ",
        "Phạm Thu Hà",
        "Nguyễn Văn Hùng",
        // signature page
        "TRANG XÁC THỰC CHỮ KÝ SỐ",
        "Thư ký (người ghi biên bản)",
        // attendance sheet
        "DANH SÁCH ĐẢNG VIÊN DỰ HỌP",
        "Cao Thị Ngọc",
    ] {
        assert_has(&text, needle);
    }
    assert!(!text.contains("DỰ THẢO"), "a signed export is not a draft");
    // The record hash and the fingerprints are printed in groups of four.
    let sha = minutebook_sign::sha256_hex(&common::march_record());
    assert_has(&text, &format!("{} {}", &sha[0..4], &sha[4..8]));
}

#[test]
fn pdfinfo_qpdf_and_xmp() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _, pdf) = signed_minutes();
    let path = write(dir.path(), "minutes.pdf", &pdf);
    let info = run("pdfinfo", &[path.to_str().unwrap()]);
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    // Clean for poppler: no "Syntax Error: Suspects object is wrong type (boolean)" (issue 15).
    for args in [
        vec!["pdfinfo", path.to_str().unwrap()],
        vec!["pdftotext", path.to_str().unwrap(), "/dev/null"],
        vec!["pdffonts", path.to_str().unwrap()],
    ] {
        let out = std::process::Command::new(args[0])
            .args(&args[1..])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && stderr.is_empty(),
            "{args:?}: {stderr}"
        );
    }
    run("qpdf", &["--check", path.to_str().unwrap()]);
    let meta = run("pdfinfo", &["-meta", path.to_str().unwrap()]);
    let squashed: String = meta.split_whitespace().collect();
    assert!(
        squashed.contains("<pdfaid:part>3</pdfaid:part>") || squashed.contains("pdfaid:part=\"3\""),
        "{meta}"
    );
    assert!(
        squashed.contains("<pdfaid:conformance>B</pdfaid:conformance>")
            || squashed.contains("pdfaid:conformance=\"B\""),
        "{meta}"
    );
}

#[test]
fn bundle_comes_back_with_pdfdetach_and_extract_attachments() {
    let dir = tempfile::tempdir().unwrap();
    let (record, atts, pdf) = signed_minutes();
    let path = write(dir.path(), "minutes.pdf", &pdf);
    let list = run("pdfdetach", &["-list", path.to_str().unwrap()]);
    assert!(list.starts_with("7 embedded files"), "{list}");
    for a in &atts {
        assert!(
            list.contains(&format!(": {}\n", a.path)),
            "{} in {list}",
            a.path
        );
    }
    // The documented shell loop (docs/pdf-export.md) restores the bundle folder.
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/pdf-export.md"),
    )
    .unwrap();
    let script = doc
        .split("```sh extract-bundle\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("extract-bundle block in docs/pdf-export.md");
    let out = dir.path().join("bundle");
    run(
        "bash",
        &[
            "-euc",
            script,
            "extract",
            path.to_str().unwrap(),
            out.to_str().unwrap(),
        ],
    );
    for a in &atts {
        let got = std::fs::read(out.join(&a.path)).unwrap();
        assert_eq!(got, a.bytes, "{}", a.path);
    }
    assert_eq!(std::fs::read(out.join("record.json")).unwrap(), record);
    // The bundle folder reads back as a valid, verifiable bundle.
    let bundle = minutebook_sign::Bundle::read_dir(&out, Default::default()).unwrap();
    assert_eq!(bundle.entries().len(), 7);

    let extracted = extract_attachments(&pdf).unwrap();
    let mut expected = atts.clone();
    expected.sort_by(|a, b| a.path.cmp(&b.path));
    assert_eq!(extracted, expected);
}

#[test]
fn same_input_gives_the_same_bytes() {
    let (_, _, a) = signed_minutes();
    let (_, _, b) = signed_minutes();
    assert_eq!(a, b);
    // Attachment order does not matter either.
    let record = common::march_record();
    let (infos, mut atts) = common::signed(&record);
    atts.reverse();
    let c = render_minutes(&record, &infos, atts, &ExportOptions::default()).unwrap();
    assert_eq!(a, c);
}

#[test]
fn check_rendering_accepts_the_export_and_rejects_alterations() {
    let (_, _, pdf) = signed_minutes();
    check_rendering(&pdf, None).unwrap();

    // Alter the visible text: change one glyph in page 1's content stream.
    let mut doc = lopdf::Document::load_mem(&pdf).unwrap();
    let page = *doc.get_pages().get(&1).unwrap();
    let cid = doc.get_page_contents(page)[0];
    let stream = doc.get_object_mut(cid).unwrap().as_stream_mut().unwrap();
    let mut content = stream.get_plain_content().unwrap();
    // Glyph ids are written as literal strings with octal escapes: `[(\000\001\000\002…`.
    let marker: &[u8] = b"[(\\000\\00";
    let pos = content
        .windows(marker.len())
        .position(|w| w == marker)
        .expect("a glyph string")
        + marker.len();
    content[pos] = if content[pos] == b'1' { b'2' } else { b'1' };
    stream.set_plain_content(content);
    let mut altered = Vec::new();
    doc.save_to(&mut altered).unwrap();
    match check_rendering(&altered, None) {
        Err(ExportError::Differs {
            difference: RenderingDifference::PagesChanged { pages },
            ..
        }) => assert_eq!(pages, vec![1]),
        other => panic!("an edited page 1 must be named: {other:?}"),
    }
    // Saved again without a change to any page (as a viewer or qpdf does): said so, not
    // called an edit.
    let dir = tempfile::tempdir().unwrap();
    let original = write(dir.path(), "exported.pdf", &pdf);
    let resaved_path = dir.path().join("resaved.pdf");
    run(
        "qpdf",
        &[
            "--object-streams=generate",
            original.to_str().unwrap(),
            resaved_path.to_str().unwrap(),
        ],
    );
    let qdf_path = dir.path().join("qdf.pdf");
    // --qdf also rewrites every content stream (hex strings, new line breaks): same drawing.
    run(
        "qpdf",
        &[
            "--qdf",
            original.to_str().unwrap(),
            qdf_path.to_str().unwrap(),
        ],
    );
    for path in [&resaved_path, &qdf_path] {
        let resaved = std::fs::read(path).unwrap();
        assert_ne!(resaved, pdf);
        assert!(
            matches!(
                check_rendering(&resaved, None),
                Err(ExportError::Differs {
                    difference: RenderingDifference::Rewritten,
                    ..
                })
            ),
            "{}",
            path.display()
        );
    }

    // Alter an attachment: one byte of the embedded record.
    let altered = alter_attachment(&pdf, "record.json");
    assert!(check_rendering(&altered, None).is_err());
    let altered = alter_attachment(&pdf, "signatures/01-chair.sig");
    assert!(matches!(
        check_rendering(&altered, None),
        Err(ExportError::Differs { .. })
    ));

    // Any other byte (here: in the XMP date) also fails.
    let mut altered = pdf.clone();
    let at = altered
        .windows(4)
        .position(|w| w == b"2026")
        .expect("a date");
    altered[at + 3] = b'7';
    assert!(check_rendering(&altered, None).is_err());
}

/// Replaces the embedded file `name` by the same bytes with the first byte changed.
fn alter_attachment(pdf: &[u8], name: &str) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut target = None;
    for (id, obj) in &doc.objects {
        if let Ok(d) = obj.as_dict()
            && d.get(b"UF").and_then(|o| o.as_str()).ok().map(|s| {
                if let Some(rest) = s.strip_prefix(&[0xFE, 0xFF]) {
                    let u: Vec<u16> = rest
                        .chunks(2)
                        .map(|c| u16::from_be_bytes([c[0], c[1]]))
                        .collect();
                    String::from_utf16_lossy(&u)
                } else {
                    String::from_utf8_lossy(s).into_owned()
                }
            }) == Some(name.to_owned())
        {
            let ef = d.get(b"EF").unwrap().as_dict().unwrap();
            target = Some(ef.get(b"F").unwrap().as_reference().unwrap());
        }
        let _ = id;
    }
    let sid = target.expect("attachment");
    let stream = doc.get_object_mut(sid).unwrap().as_stream_mut().unwrap();
    let mut bytes = stream.get_plain_content().unwrap();
    bytes[0] ^= 1;
    stream.set_plain_content(bytes);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn drafts_are_marked_on_every_page_and_signed_exports_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let record = common::march_record();
    let draft = render_minutes(&record, &[], vec![], &ExportOptions::default()).unwrap();
    let path = write(dir.path(), "draft.pdf", &draft);
    let info = run("pdfinfo", &[path.to_str().unwrap()]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(pages >= 5);
    for p in 1..=pages {
        let n = p.to_string();
        let t = run(
            "pdftotext",
            &[
                "-enc",
                "UTF-8",
                "-f",
                &n,
                "-l",
                &n,
                path.to_str().unwrap(),
                "-",
            ],
        );
        assert!(t.contains("DỰ THẢO"), "page {p} lacks the draft mark");
    }
    // A draft still carries its record and checks.
    check_rendering(&draft, None).unwrap();

    // Signed, but draft requested.
    let (infos, atts) = common::signed(&record);
    let opts = ExportOptions {
        draft: true,
        ..ExportOptions::default()
    };
    let pdf = render_minutes(&record, &infos, atts, &opts).unwrap();
    let path = write(dir.path(), "signed-draft.pdf", &pdf);
    assert!(pdf_text(&path).contains("DỰ THẢO"));
    check_rendering(&pdf, None).unwrap();
}

#[test]
fn resolution_and_attendance_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let record = common::march_record();
    let (infos, atts) = common::signed(&record);
    let opts = ExportOptions::default();
    let pdf = render_resolution(&record, &infos, atts.clone(), &opts).unwrap();
    let path = write(dir.path(), "resolution.pdf", &pdf);
    let text = pdf_text(&path);
    for needle in [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 03-NQ/CB",
        "Hà Nội, ngày 05 tháng 3 năm 2026",
        "NGHỊ QUYẾT",
        "QUYẾT NGHỊ:",
        "08/09 đảng viên chính thức tán thành, đạt 88,89%",
        "Nơi nhận:",
        "- Đảng ủy phường Thanh Bình,",
        "- Đảng viên trong chi bộ,",
        "- Lưu Chi bộ.",
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Nguyễn Văn Hùng",
    ] {
        assert_has(&text, needle);
    }
    run("qpdf", &["--check", path.to_str().unwrap()]);
    check_rendering(&pdf, None).unwrap();

    let pdf = render_attendance_sheet(&record, &infos, atts, &opts).unwrap();
    let path = write(dir.path(), "sheet.pdf", &pdf);
    let text = pdf_text(&path);
    for needle in [
        "DANH SÁCH ĐẢNG VIÊN DỰ HỌP",
        "Ngô Quang Vinh",
        "Vắng có lý do (đi công tác)",
        "Lý Thị Xuân",
        "Miễn công tác và sinh hoạt đảng",
        "Trịnh Minh Đức",
        "dự bị",
    ] {
        assert_has(&text, needle);
    }
    // The page that holds the signatures also holds the last members and the total: the
    // signatures never stand alone on a page (the March roster used to leave them alone on
    // page 2).
    let last = run(
        "pdftotext",
        &["-f", "2", "-l", "2", path.to_str().unwrap(), "-"],
    );
    let squashed = squash(&last);
    for needle in [
        "Cao Thị Ngọc",
        "Tổng số đảng viên: 13 đồng chí (chính thức 11, dự bị 02). Phải dự: 12 đồng chí. Có mặt: 10/12 đồng chí (chính thức 08, dự bị 02), đạt 83,33%.",
        "THƯ KÝ",
        "CHỦ TRÌ",
    ] {
        assert!(
            squashed.contains(&squash(needle)),
            "{needle} missing from page 2:\n{last}"
        );
    }
    check_rendering(&pdf, None).unwrap();
}

#[test]
fn templates_can_be_overridden_from_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let tdir = dir.path().join("templates");
    std::fs::create_dir(&tdir).unwrap();
    let minutes = minutebook_export::embedded_template("minutes.typ")
        .unwrap()
        .replace("NỘI DUNG CUỘC HỌP", "DIỄN BIẾN CUỘC HỌP");
    std::fs::write(tdir.join("minutes.typ"), minutes).unwrap();
    let record = common::march_record();
    let (infos, atts) = common::signed(&record);
    let opts = ExportOptions {
        template_dir: Some(tdir.clone()),
        ..ExportOptions::default()
    };
    let pdf = render_minutes(&record, &infos, atts, &opts).unwrap();
    let text = pdf_text(&write(dir.path(), "m.pdf", &pdf));
    assert!(text.contains("DIỄN BIẾN CUỘC HỌP"));
    check_rendering(&pdf, Some(&tdir)).unwrap();
    assert!(matches!(
        check_rendering(&pdf, None),
        Err(ExportError::RenderingMismatch(_))
    ));

    // A template cannot read outside the world.
    std::fs::write(tdir.join("minutes.typ"), "#read(\"/etc/passwd\")").unwrap();
    let err = render_minutes(&record, &[], vec![], &opts).unwrap_err();
    assert!(
        matches!(err, ExportError::Typeset(ref m) if m.contains("not found")),
        "{err}"
    );
}

/// A PDF made by an earlier version, with the templates embedded then, still passes the
/// rendering check: it names its templates by digest and the exporter keeps earlier sets.
#[test]
fn pdfs_made_with_earlier_embedded_templates_still_pass_the_rendering_check() {
    let record = common::march_record();
    let (infos, atts) = common::signed(&record);
    let now = render_minutes(&record, &infos, atts.clone(), &ExportOptions::default()).unwrap();
    check_rendering(&now, None).unwrap();
    for month in ["2026-11", "2026-12", "2026-12b"] {
        let archived = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("templates/archive")
            .join(month);
        let old = ExportOptions {
            template_dir: Some(archived),
            ..ExportOptions::default()
        };
        let then = render_minutes(&record, &infos, atts.clone(), &old).unwrap();
        assert_ne!(then, now, "the archived set {month} differs from today's");
        check_rendering(&then, None).unwrap();
    }
}

#[test]
fn layout_settings_reach_the_template() {
    let record = common::march_record();
    let base = render_minutes(&record, &[], vec![], &ExportOptions::default()).unwrap();
    let mut opts = ExportOptions::default();
    opts.layout.margin_left_mm = 35.0;
    opts.layout.post_line_bold = false;
    opts.layout.recipients_style = minutebook_export::RecipientsStyle::BoldItalic12;
    let other = render_minutes(&record, &[], vec![], &opts).unwrap();
    assert_ne!(base, other);
    check_rendering(&other, None).unwrap();
}

/// The hostile corpus: each line, placed in a speech, either renders literally or is refused
/// with the field and the character.
#[test]
fn hostile_corpus_renders_literally_or_is_refused_with_field_and_character() {
    let corpus = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/cases/hostile-text.txt"),
    )
    .or_else(|_| std::fs::read_to_string("/work/shared/cases/hostile-text.txt"))
    .expect("hostile-text.txt");
    let base: serde_json::Value = serde_json::from_slice(&common::march_record()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (mut rendered, mut refused) = (0, 0);
    for (n, line) in corpus.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let mut rec = base.clone();
        rec["meeting"]["agenda"][2]["speeches"][0]["gist"] = line.into();
        let bytes = serde_json::to_vec(&rec).unwrap();
        match render_minutes(&bytes, &[], vec![], &ExportOptions::default()) {
            Ok(pdf) => {
                rendered += 1;
                // Page breaks interleave the running header (page number, draft mark).
                let text: String = pdf_text(&write(dir.path(), "h.pdf", &pdf))
                    .lines()
                    .filter(|l| {
                        let t = l.trim().trim_matches('\u{c}');
                        !(t == "DỰ THẢO" || t.chars().all(|c| c.is_ascii_digit()))
                    })
                    .collect();
                let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                let want = strip(&line.nfc().collect::<String>());
                assert!(
                    strip(&text).contains(&want),
                    "line {}: {:?} not found literally",
                    n + 1,
                    line.chars().take(80).collect::<String>()
                );
            }
            Err(ExportError::UnsupportedCharacter {
                field, character, ..
            }) => {
                refused += 1;
                assert_eq!(
                    field,
                    "meeting.agenda[2].speeches[0].gist",
                    "line {}",
                    n + 1
                );
                assert!(line.contains(character), "line {}", n + 1);
                let msg = ExportError::UnsupportedCharacter {
                    field: field.clone(),
                    character,
                    reason: "",
                }
                .to_string();
                assert!(
                    msg.contains(&format!("U+{:04X}", character as u32)),
                    "{msg}"
                );
                assert!(msg.contains("meeting.agenda[2].speeches[0].gist"), "{msg}");
            }
            Err(ExportError::WordTooLong { field, .. }) => {
                refused += 1;
                assert_eq!(field, "meeting.agenda[2].speeches[0].gist");
                assert!(line.len() > minutebook_export::glyphs::MAX_WORD_CHARS);
            }
            Err(e) => panic!(
                "line {}: {:?}: unexpected {}",
                n + 1,
                line.chars().take(80).collect::<String>(),
                e.to_string().chars().take(300).collect::<String>()
            ),
        }
    }
    eprintln!("hostile corpus: {rendered} rendered literally, {refused} refused");
    assert!(rendered >= 10 && refused >= 5, "{rendered} / {refused}");
}

/// User text that looks like typst markup or code stays text.
#[test]
fn markup_in_fields_is_inert() {
    let dir = tempfile::tempdir().unwrap();
    let mut rec: serde_json::Value = serde_json::from_slice(&common::march_record()).unwrap();
    let payloads = [
        "#import \"/record.json\": *",
        "#read(\"/etc/passwd\")",
        "$x^2 + sqrt(y)$",
        "*bold* _emph_ `raw`",
        "<label> @ref #label(\"x\")",
        "#eval(\"1+1\") ] [ } { #set page(width: 1cm)",
        "#include \"/etc/passwd\" // comment /* block */",
    ];
    rec["meeting"]["subject"] = payloads[0].into();
    rec["meeting"]["place"] = payloads[1].into();
    for (i, p) in payloads.iter().enumerate() {
        rec["meeting"]["agenda"][2]["speeches"][i % 3]["gist"] = format!(
            "{} {}",
            rec["meeting"]["agenda"][2]["speeches"][i % 3]["gist"]
                .as_str()
                .unwrap_or(""),
            p
        )
        .into();
    }
    rec["meeting"]["guests"][0]["name"] = payloads[2].into();
    rec["meeting"]["action_items"][0]["task"] = payloads[5].into();
    let bytes = serde_json::to_vec(&rec).unwrap();
    let pdf = render_minutes(&bytes, &[], vec![], &ExportOptions::default()).unwrap();
    let path = write(dir.path(), "inert.pdf", &pdf);
    let text = pdf_text(&path);
    for p in payloads {
        assert_has(&text, p);
    }
    assert!(!text.contains("root:"), "nothing read from /etc/passwd");
    let info = run("pdfinfo", &[path.to_str().unwrap()]);
    assert!(
        info.contains("(A4)"),
        "set page in a field did nothing: {info}"
    );
}

#[test]
fn refusals_name_the_field() {
    let mut rec: serde_json::Value = serde_json::from_slice(&common::march_record()).unwrap();
    rec["roster"][3]["full_name"] = "Phạm Thu Hà 漢".into();
    let err = render_minutes(
        &serde_json::to_vec(&rec).unwrap(),
        &[],
        vec![],
        &ExportOptions::default(),
    )
    .unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("roster[3].full_name") && msg.contains("U+6F22"),
        "{msg}"
    );

    let mut rec: serde_json::Value = serde_json::from_slice(&common::march_record()).unwrap();
    rec["meeting"]["place"] = "abc\u{202E}gnp.exe".into();
    let msg = render_minutes(
        &serde_json::to_vec(&rec).unwrap(),
        &[],
        vec![],
        &ExportOptions::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        msg.contains("meeting.place") && msg.contains("U+202E"),
        "{msg}"
    );
}

#[test]
fn long_words_wrap() {
    let dir = tempfile::tempdir().unwrap();
    let mut rec: serde_json::Value = serde_json::from_slice(&common::march_record()).unwrap();
    let word = "B".repeat(minutebook_export::glyphs::MAX_WORD_CHARS);
    rec["meeting"]["agenda"][0]["presentation"] = format!("{word} {word} {word}").into();
    let pdf = render_minutes(
        &serde_json::to_vec(&rec).unwrap(),
        &[],
        vec![],
        &ExportOptions::default(),
    )
    .unwrap();
    let text = pdf_text(&write(dir.path(), "w.pdf", &pdf));
    let nows: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(nows.contains(&word.repeat(3)));
    // Wrapped: no output line holds the whole word.
    assert!(text.lines().all(|l| l.len() < word.len()));
}

#[test]
fn attestations_must_match_the_record_and_the_attachments() {
    let record = common::march_record();
    let (mut infos, atts) = common::signed(&record);
    infos[0].record_sha256 = "0".repeat(64);
    assert!(matches!(
        render_minutes(&record, &infos, vec![], &ExportOptions::default()),
        Err(ExportError::Attestation { index: 0, .. })
    ));
    let (mut infos, _) = common::signed(&record);
    infos[1].signer_name = "Người khác".into();
    assert!(matches!(
        render_minutes(&record, &infos, atts, &ExportOptions::default()),
        Err(ExportError::Attestation { .. })
    ));
    let bad = vec![Attachment::bundle_file("../evil.json", b"{}".to_vec())];
    assert!(matches!(
        render_minutes(&record, &[], bad, &ExportOptions::default()),
        Err(ExportError::Attachment { .. })
    ));
}

#[test]
fn exports_made_before_the_poppler_quirk_was_dropped_still_verify() {
    let (_, _, pdf) = signed_minutes();
    let quiet: &[u8] = b"/MarkInfo<</Marked true>>               ";
    let krilla: &[u8] = b"/MarkInfo<</Marked true/Suspects false>>";
    let at = pdf
        .windows(quiet.len())
        .position(|w| w == quiet)
        .expect("the export drops /Suspects false in place");
    // The same export as the exporter wrote it before: accepted byte for byte.
    let mut before = pdf.clone();
    before[at..at + krilla.len()].copy_from_slice(krilla);
    check_rendering(&before, None).unwrap();
    // Any other change to that dictionary is still a mismatch.
    let mut other = pdf.clone();
    other[at..at + krilla.len()].copy_from_slice(b"/MarkInfo<</Marked true/Suspects true >>");
    assert!(matches!(
        check_rendering(&other, None),
        Err(ExportError::Differs { .. })
    ));
}
