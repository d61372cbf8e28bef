//! Issue 15, the secretary's year from the command line: every export names the files it
//! wrote, a meeting file imported twice is refused, the dashboard of an empty year says so, the
//! notice of a past meeting warns, and a meeting without a resolution prints none.

mod common;

use common::*;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn every_export_prints_one_line_naming_what_it_wrote() {
    let env = Env::new();
    let id = env.import_march();
    let notice = env.path("thong-bao.pdf");
    let ics = env.path("lich-hop.ics");
    let out = env.ok(&[
        "export",
        "invitation",
        &id,
        "--out",
        notice.to_str().unwrap(),
        "--ics",
        ics.to_str().unwrap(),
        "--issued-on",
        "2026-02-26",
    ]);
    assert_eq!(
        out,
        format!("Written: {}, {}\n", notice.display(), ics.display())
    );
    assert!(notice.exists() && ics.exists());
    env.ok(&["meeting", "close", &id]);
    let draft = env.path("du-thao.pdf");
    let out = env.run_vi(&["export", "pdf", &id, "--out", draft.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("Đã ghi: {}\n", draft.display()));
    let sheet = env.path("diem-danh.pdf");
    let out = env.ok(&[
        "export",
        "attendance-sheet",
        &id,
        "--out",
        sheet.to_str().unwrap(),
    ]);
    assert_eq!(out, format!("Written: {}\n", sheet.display()));
    let cal = env.path("lai.ics");
    let out = env.run_vi(&["export", "invitation", &id, "--ics", cal.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("Đã ghi: {}\n", cal.display()));
}

#[test]
fn a_meeting_file_imported_twice_is_refused_unless_asked() {
    let env = Env::new();
    let id = env.import_march();
    let out = env.run(&["meeting", "import", &example()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "already holds this meeting: meeting {id} of 05/3/2026"
        )),
        "{err}"
    );
    assert!(err.contains("--allow-duplicate"), "{err}");
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    let out = env.run_vi(&["meeting", "import", &example()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("sổ biên bản đã có cuộc họp này: cuộc họp số {id}")),
        "{err}"
    );
    assert!(err.contains("--allow-duplicate"), "{err}");
    assert_eq!(
        env.json(&["meeting", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // Asked explicitly: imported as a second meeting.
    let out = env.ok(&["meeting", "import", &example(), "--allow-duplicate"]);
    let second = out.lines().last().unwrap().trim().to_owned();
    assert_ne!(second, id);
    assert_eq!(
        env.json(&["meeting", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn the_dashboard_of_a_year_without_meetings_says_so() {
    let env = Env::new();
    let id = env.import_march();
    let out = env.run_vi(&["dashboard", "--year", "2025"]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    assert!(
        err.contains("Năm 2025 chưa có cuộc họp nào") && err.contains("Các năm có cuộc họp: 2026."),
        "{err}"
    );
    let out = env.run(&["dashboard", "--year", "2025"]);
    assert!(text(&out.stderr).contains("No meeting in 2025"), "{out:?}");
    // A year with meetings: each row with the meeting's id and status.
    let csv = env.ok(&["dashboard", "--year", "2026"]);
    assert!(
        csv.contains("Meeting id,Date,Subject,Status,Present"),
        "{csv}"
    );
    assert!(csv.contains(&format!("\r\n{id},2026-03-05,")), "{csv}");
    assert!(csv.contains(",In session,"), "{csv}");
}

#[test]
fn the_notice_of_a_past_meeting_or_an_overlong_agenda_warns_and_prints() {
    let env = Env::new();
    let id = env.import_march();
    let pdf = env.path("thong-bao.pdf");
    // Dated after the meeting, in Vietnamese: both warnings, the notice written, exit 0.
    let out = env.run_vi(&[
        "export",
        "invitation",
        &id,
        "--out",
        pdf.to_str().unwrap(),
        "--issued-on",
        "2026-03-10",
    ]);
    assert!(out.status.success(), "{out:?}");
    assert!(pdf.exists());
    let err = text(&out.stderr);
    assert!(
        err.contains("⚠ Cuộc họp ngày 05/3/2026 diễn ra trước ngày ký thông báo (10/3/2026)"),
        "{err}"
    );
    assert!(
        err.contains("⚠ Chương trình dự kiến 120 phút: bắt đầu lúc 19:30 thì kết thúc lúc 21:30"),
        "{err}"
    );
    assert!(text(&out.stdout).starts_with("Đã ghi: "), "{out:?}");
    // Dated today (after March 2026 on any machine running this): the warning says so.
    let out = env.run(&["export", "invitation", &id, "--out", pdf.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    let err = text(&out.stderr);
    assert!(
        err.contains("The meeting of 05/3/2026 is past: the notice is dated today"),
        "{err}"
    );
    // Before the meeting: only the agenda's overrun.
    let out = env.run(&[
        "export",
        "invitation",
        &id,
        "--out",
        pdf.to_str().unwrap(),
        "--issued-on",
        "2026-02-26",
    ]);
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("after the planned end, 21:15"), "{err}");
}

#[test]
fn a_meeting_without_its_own_resolution_prints_no_resolution() {
    let env = Env::new();
    let id = env.import_march();
    env.ok(&["meeting", "close", &id]);
    let res = env.path("nghi-quyet.pdf");
    let out = env.run_vi(&["export", "resolution", &id, "--out", res.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("chưa có nghị quyết riêng")
            && err.contains("Soạn nghị quyết từ kết luận và nhiệm vụ"),
        "{err}"
    );
    assert!(!res.exists());
    // A meeting file that carries its resolution prints it, with its own number.
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example()).unwrap()).unwrap();
    v["meeting"]["date"] = "2026-04-02".into();
    v["meeting"]["resolution"] = serde_json::json!({
        "number": 4,
        "review": "Chi bộ hoàn thành các nhiệm vụ tháng 3.",
        "directions": "Vận động 100% hộ gia đình phân loại rác tại nguồn.",
        "assignments": "Đ/c Hoàng Văn Nam phụ trách."
    });
    let file = env.write("april.json", &v.to_string());
    let out = env.ok(&["meeting", "import", file.to_str().unwrap()]);
    let april = out.lines().last().unwrap().trim().to_owned();
    env.ok(&["meeting", "close", &april]);
    let out = env.ok(&[
        "export",
        "resolution",
        &april,
        "--out",
        res.to_str().unwrap(),
    ]);
    assert_eq!(out, format!("Written: {}\n", res.display()));
    let words = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", res.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let words = text(&words.stdout);
    assert!(words.contains("Số 04-NQ/CB"), "{words}");
}

/// English words that must not reach a Vietnamese user in an error's detail.
const ENGLISH: [&str; 14] = [
    "not found",
    " is ",
    "the ",
    "expected",
    "invalid",
    "closed",
    "revoked",
    "minute book",
    "cannot",
    "missing",
    "unknown",
    "field",
    "meeting #",
    "pinned",
];

#[track_caller]
fn vietnamese_only(line: &str) {
    for word in ENGLISH {
        assert!(
            !line.to_lowercase().contains(word),
            "English {word:?} in a Vietnamese message: {line}"
        );
    }
}

/// Issue 15: what a Vietnamese user reads when a meeting id is wrong, a closed meeting is
/// edited, a meeting file is malformed, a key pinned by the roster was revoked, or a close is
/// refused — the details come from the catalogue, not in English.
#[test]
fn errors_a_vietnamese_user_meets_are_in_vietnamese() {
    let env = Env::new();
    let id = env.signed_march();
    let err = |args: &[&str]| {
        let out = env.run_vi(args);
        assert!(!out.status.success(), "{args:?} succeeded");
        text(&out.stderr)
    };
    // A meeting id that does not exist.
    let e = err(&["report", "99"]);
    assert!(e.contains("không có cuộc họp số 99"), "{e}");
    vietnamese_only(&e);
    // A closed (signed) meeting edited, or closed again.
    let e = err(&["vote", "reading", &id, "1", "all-official"]);
    assert!(e.contains(&format!("cuộc họp số {id} đã kết thúc")), "{e}");
    vietnamese_only(&e);
    let e = err(&["meeting", "close", &id]);
    assert!(
        e.contains(&format!("cuộc họp số {id} đã kết thúc rồi")),
        "{e}"
    );
    vietnamese_only(&e);
    // Malformed meeting files.
    let march = std::fs::read_to_string(example()).unwrap();
    for (name, contents, want) in [
        (
            "cell.json",
            "{\"type\": \"minutebook.meeting\", \"format\": 1, \"cell\": 3}".to_owned(),
            "cell: giá trị không đúng kiểu",
        ),
        (
            "cut.json",
            "{\"type\":".to_owned(),
            "tệp không phải JSON hợp lệ",
        ),
        (
            "votes.json",
            march.replacen("\"yes\": 8,", "\"yes\": 11,", 1),
            "biểu quyết 1: đếm được 11 phiếu",
        ),
        (
            "kind.json",
            march.replacen("\"kind\": \"resolution\"", "\"kind\": \"approve\"", 1),
            "meeting.votes[0].kind: giá trị “approve”",
        ),
        (
            "date.json",
            march.replacen("\"date\": \"2026-03-05\"", "\"date\": \"05/03/2026\"", 1),
            "“05/03/2026” không phải ngày",
        ),
        ("empty.json", "{}".to_owned(), "tệp thiếu mục “type”"),
    ] {
        let path = env.write(name, &contents);
        let e = err(&["meeting", "import", path.to_str().unwrap()]);
        assert!(e.contains(want), "{name}: {e}");
        // The JSON path is named as it is in the file; the words around it are Vietnamese.
        let words = e.replace("meeting.votes[0].kind", "");
        vietnamese_only(&words);
    }
    // Verify with the trust taken from the roster: a book that is not there, and a key the
    // roster revoked.
    let missing = env.path("khong-co.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_minutebook"))
        .arg("--db")
        .arg(&missing)
        .args(["--lang", "vi", "verify", env.db().to_str().unwrap()])
        .env_remove("MINUTEBOOK_DB")
        .output()
        .unwrap();
    let e = text(&out.stderr);
    assert!(e.contains("không có sổ biên bản nào ở"), "{e}");
    vietnamese_only(&e.replace(&missing.display().to_string(), ""));
    let bundle = env.path("bundle");
    env.ok(&["bundle", "export", &id, "--out", bundle.to_str().unwrap()]);
    env.ok(&["key", "revoke", "Nguyễn Văn Hùng", "--from", "2026-01-01"]);
    let out = env.run_vi(&["verify", bundle.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stdout);
    let problem = report
        .lines()
        .find(|l| l.contains('✗'))
        .unwrap_or_else(|| panic!("no problem line in {report}"));
    assert!(
        problem.contains("đã bị thu hồi từ ngày 2026-01-01"),
        "{report}"
    );
    vietnamese_only(problem);
    // A close refused for text the PDF cannot print: the list, then the refusal.
    let tick = env.write(
        "tick.json",
        &march
            .replacen("\"date\": \"2026-03-05\"", "\"date\": \"2026-03-06\"", 1)
            .replacen("\"conclusion\": \"", "\"conclusion\": \"✔ ", 1),
    );
    let out = env.ok(&["meeting", "import", tick.to_str().unwrap()]);
    let second = out.lines().last().unwrap().trim().to_owned();
    let e = err(&["meeting", "close", &second]);
    assert!(
        e.contains("Mục 1 › Kết luận của chủ trì (meeting.agenda[0].conclusion)"),
        "{e}"
    );
    let last = e.lines().last().unwrap();
    assert!(
        last.contains(&format!("cuộc họp số {second} chưa kết thúc được")),
        "{e}"
    );
    vietnamese_only(last);
}

#[test]
fn receipts_need_the_committee_key_and_say_when_there_are_none() {
    let env = Env::new();
    let id = env.import_march();
    // Not a key: refused, in Vietnamese.
    let out = env.run_vi(&["receipt", "pin-key", "khóa-sai"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("không phải khóa sổ nhật ký của cấp ủy"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // No receipt yet: said, exit 1.
    let out = env.run(&["receipt", "show", &id]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("has no receipt"));
    // A receipt before any key is pinned: refused with what to do.
    let file = env.write(
        "bien-nhan.tlog-proof",
        "c2sp.org/tlog-proof@v1\nextra e30=\nindex 0\n\nx\n",
    );
    let out = env.run(&["receipt", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("receipt pin-key"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
