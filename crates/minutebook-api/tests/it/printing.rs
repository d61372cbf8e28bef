//! Issue 15: text the PDF cannot print is caught before close (not after the signatures),
//! unfinished text is warned about at close, and drafts of an open meeting print.

use std::process::Command;

use minutebook_api::doc::MemberDoc;
use minutebook_api::{CloseCheck, ErrorCode};

use crate::support::*;

/// Sets the conclusion of agenda item `item` of meeting `id` through the autosave path.
fn set_conclusion(c: &mut Case, id: i64, item: usize, text: &str) {
    let mut doc = c.book.meeting_workspace(id).unwrap().doc;
    doc.agenda[item].conclusion = text.into();
    c.book
        .save_meeting_doc(id, &doc)
        .expect("saving keeps whatever the user typed");
}

fn pages(pdf: &std::path::Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn unprintable_text_is_kept_when_saved_and_refused_at_close_with_every_character() {
    let (mut c, id) = Case::with_meeting();
    set_conclusion(&mut c, id, 2, "Đã thông qua ✔ 👍");
    set_conclusion(&mut c, id, 3, "① Tăng cường kiểm tra");
    // The typing is kept.
    let doc = c.book.meeting_workspace(id).unwrap().doc;
    assert_eq!(doc.agenda[2].conclusion, "Đã thông qua ✔ 👍");

    let CloseCheck { unprintable, .. } = c.book.close_check(id).unwrap();
    let found: Vec<(&str, &str, Option<&str>)> = unprintable
        .iter()
        .map(|p| {
            (
                p.field.as_str(),
                p.code.as_deref().unwrap(),
                p.replacement.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("meeting.agenda[2].conclusion", "U+2714", Some("x")),
            ("meeting.agenda[2].conclusion", "U+1F44D", Some("đồng ý")),
            ("meeting.agenda[3].conclusion", "U+2460", Some("1")),
        ]
    );
    assert_eq!(unprintable[0].name.as_deref(), Some("HEAVY CHECK MARK"));

    // Close refuses, naming all three, and changes nothing.
    let e = fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| b.close_meeting(id));
    for code in [
        "U+2714",
        "U+1F44D",
        "U+2460",
        "meeting.agenda[3].conclusion",
    ] {
        assert!(e.message.contains(code), "{code} missing from {e}");
    }
    assert_eq!(c.status(id), "in-session");

    // Typed as suggested, it closes and exports.
    set_conclusion(&mut c, id, 2, "Đã thông qua x đồng ý");
    set_conclusion(&mut c, id, 3, "1 Tăng cường kiểm tra");
    assert!(c.book.close_check(id).unwrap().unprintable.is_empty());
    c.book.close_meeting(id).unwrap();
    assert!(c.book.export_minutes_pdf(id, false).is_ok());
}

/// Every line of the hostile-text corpus, as a conclusion: when the meeting closes, its PDF
/// exports — the close check and the exporter share one rule.
#[test]
fn a_meeting_that_closed_always_exports() {
    let corpus = std::fs::read_to_string(shared("hostile-text.txt")).unwrap();
    let (mut c, id) = Case::with_meeting();
    let (mut closed, mut refused) = (0, 0);
    for line in corpus.lines() {
        set_conclusion(&mut c, id, 2, line);
        let check = c.book.close_check(id).unwrap();
        match c.book.close_meeting(id) {
            Ok(_) => {
                assert!(check.unprintable.is_empty(), "{line:?}");
                if let Err(e) = c.book.export_minutes_pdf(id, false) {
                    panic!("{line:?} closed but does not export: {e}");
                }
                closed += 1;
                c.book.reopen_meeting(id).unwrap();
            }
            Err(e) => {
                assert_eq!(e.code, ErrorCode::InvalidInput, "{line:?}: {e}");
                assert!(!check.unprintable.is_empty(), "{line:?}: {e}");
                refused += 1;
            }
        }
    }
    assert!(
        closed > 5 && refused > 3,
        "closed {closed}, refused {refused}"
    );
}

#[test]
fn unfinished_text_is_a_warning_not_a_refusal() {
    let (mut c, id) = Case::with_meeting();
    assert_eq!(c.book.close_check(id).unwrap().unfinished, []);
    set_conclusion(&mut c, id, 1, "Chi bộ thống nhất …");
    set_conclusion(&mut c, id, 2, "");
    let warned: Vec<(String, String)> = c
        .book
        .close_check(id)
        .unwrap()
        .unfinished
        .into_iter()
        .map(|p| (p.field, p.kind))
        .collect();
    assert!(
        warned.contains(&("meeting.agenda[1].conclusion".into(), "placeholder".into())),
        "{warned:?}"
    );
    assert!(
        warned.contains(&(
            "meeting.agenda[2].conclusion".into(),
            "empty-conclusion".into()
        )),
        "{warned:?}"
    );
    c.book
        .close_meeting(id)
        .expect("a warning the user confirms");
}

#[test]
fn an_unprintable_member_name_is_refused_when_saved() {
    let mut c = Case::with_roster();
    let mut doc: MemberDoc = c.book.member_doc(1).unwrap();
    doc.full_name = "Nguyễn Văn ✔".into();
    let e = fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| b.save_member(&doc));
    assert!(e.message.contains("member.full_name"), "{e}");
    assert!(e.message.contains("U+2714 HEAVY CHECK MARK"), "{e}");
}

#[test]
fn an_open_meeting_prints_a_draft_marked_on_every_page_without_signatures() {
    let (mut c, id) = Case::with_meeting();
    set_conclusion(&mut c, id, 2, "Dự thảo kết luận mục 3");
    let before = c.state();
    let pdf = c.book.export_minutes_pdf(id, true).unwrap();
    assert_unchanged(&c, &before, "printing a draft");
    assert_eq!(c.status(id), "in-session");
    let path = c.path("du-thao.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let all = pdftotext(&path, None);
    assert!(all.contains("Dự thảo kết luận mục 3"), "{all}");
    assert!(!all.contains("Đã ký số"), "a draft claims no signature");
    assert!(all.contains("Chưa có chữ ký số"), "{all}");
    for p in 1..=pages(&path) {
        assert!(
            pdftotext(&path, Some(p)).contains("DỰ THẢO"),
            "page {p} lacks the draft mark"
        );
    }
    // Without asking for a draft, an open meeting still has no minutes PDF.
    fails(
        c.book.export_minutes_pdf(id, false),
        ErrorCode::InvalidInput,
    );
}
