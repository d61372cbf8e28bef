//! `minutebook report` gives the March 2026 case's figures (shared/cases/meeting-2026-03.md)
//! under each counting reading.

mod common;
use common::*;

#[test]
fn the_march_2026_case_gives_its_figures() {
    let env = Env::new();
    let id = env.import_march();
    let r = env.json(&["report", &id, "--json"]);
    assert_eq!(r["attendance"]["roster_total"], 13);
    assert_eq!(r["attendance"]["must_attend"], 12);
    assert_eq!(r["attendance"]["present"], 10);
    assert_eq!(r["attendance"]["rate_text"], "83,33%");
    let v = &r["votes"];
    assert_eq!(
        (
            v[0]["eligible"].as_u64(),
            v[0]["yes"].as_u64(),
            v[0]["passed"].as_bool()
        ),
        (Some(9), Some(8), Some(true))
    );
    assert_eq!(v[0]["threshold"], "more-than-half");
    assert_eq!(
        (
            v[1]["eligible"].as_u64(),
            v[1]["yes"].as_u64(),
            v[1]["passed"].as_bool()
        ),
        (Some(9), Some(7), Some(true))
    );
    assert_eq!(v[1]["threshold"], "at-least-two-thirds");
    assert_eq!(v[1]["reading"], "qd24-exclusions");
    assert_eq!(
        (v[1]["no"].as_u64(), v[1]["abstain"].as_u64()),
        (Some(1), Some(0))
    );

    // The other readings, as a what-if (nobody left early in March: the old default counts
    // the same 9)…
    let r = env.json(&["report", &id, "--json", "--reading", "full-exclusions"]);
    assert_eq!(
        (
            r["votes"][1]["eligible"].as_u64(),
            r["votes"][1]["passed"].as_bool()
        ),
        (Some(9), Some(true))
    );
    let r = env.json(&["report", &id, "--json", "--reading", "qd294-as-quoted"]);
    assert_eq!(
        (
            r["votes"][1]["eligible"].as_u64(),
            r["votes"][1]["passed"].as_bool()
        ),
        (Some(10), Some(true))
    );
    assert_eq!(r["votes"][1]["yes_percent_text"], "70%");
    let r = env.json(&["report", &id, "--json", "--reading", "all-official"]);
    assert_eq!(
        (
            r["votes"][1]["eligible"].as_u64(),
            r["votes"][1]["passed"].as_bool()
        ),
        (Some(11), Some(false))
    );
    assert_eq!(r["votes"][1]["yes_percent_text"], "63,64%");
    assert_eq!(r["reading_overridden"], true);

    // …chosen per vote and stored…
    env.ok(&["vote", "reading", &id, "2", "all-official"]);
    let r = env.json(&["report", &id, "--json"]);
    assert_eq!(
        (
            r["votes"][1]["reading"].as_str(),
            r["votes"][1]["passed"].as_bool()
        ),
        (Some("all-official"), Some(false))
    );
    assert_eq!(r["votes"][0]["reading"], "qd24-exclusions");
    env.ok(&["vote", "reading", &id, "2", "default"]);

    // …and per cell.
    env.ok(&["cell", "set-reading", "qd294-as-quoted"]);
    let r = env.json(&["report", &id, "--json"]);
    assert_eq!(
        (
            r["votes"][1]["reading"].as_str(),
            r["votes"][1]["eligible"].as_u64()
        ),
        (Some("qd294-as-quoted"), Some(10))
    );

    // The text report names the reading next to the result.
    let text = env.ok(&["report", &id]);
    assert!(text.contains("83,33%"), "{text}");
    assert!(text.contains("QĐ 294 as quoted"), "{text}");
}

#[test]
fn the_text_report_is_vietnamese_by_default() {
    let env = Env::new();
    let id = env.import_march();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_minutebook"))
        .args(["--db", env.db().to_str().unwrap(), "report", &id])
        .env_remove("MINUTEBOOK_LANG")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Có mặt: 10/12 đồng chí"), "{text}");
    assert!(
        text.contains("88,89%") && text.contains("77,78%") && text.contains("đạt"),
        "{text}"
    );
}

#[test]
fn meeting_list_and_export_round_trip() {
    let env = Env::new();
    let id = env.import_march();
    let list = env.json(&["meeting", "list", "--json"]);
    assert_eq!(
        list[0]["subject"],
        "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026"
    );
    assert_eq!(list[0]["status"], "in-session");
    let once = env.path("once.json");
    env.ok(&["meeting", "export", &id, "--out", once.to_str().unwrap()]);
    // Into a second book and out again: byte-identical.
    let second = env.path("second.db");
    let out = env.run_db(&second, &["meeting", "import", once.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id2 = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .last()
        .unwrap()
        .to_owned();
    let twice = env.path("twice.json");
    let out = env.run_db(
        &second,
        &["meeting", "export", &id2, "--out", twice.to_str().unwrap()],
    );
    assert!(out.status.success());
    assert_eq!(
        std::fs::read(&once).unwrap(),
        std::fs::read(&twice).unwrap()
    );
}

#[test]
fn roster_import_takes_the_case_file_as_it_is() {
    let env = Env::new();
    env.ok(&[
        "cell",
        "create",
        "--name",
        "Chi bộ Tổ dân phố số 7",
        "--upper-committee",
        "Đảng bộ phường Thanh Bình",
        "--place",
        "Hà Nội",
    ]);
    let csv = shared("cases/roster-to-dan-pho-7.csv");
    let out = env.ok(&["roster", "import", csv.to_str().unwrap()]);
    assert!(out.contains("13"), "{out}");
    let members = env.json(&["roster", "list", "--json"]);
    assert_eq!(members.as_array().unwrap().len(), 13);
    assert_eq!(members[0]["party_card_number"], "01.234567");
    // Importing again adds nobody.
    let out = env.ok(&["roster", "import", csv.to_str().unwrap()]);
    assert!(out.contains("Imported 0"), "{out}");
}

#[test]
fn bad_input_is_refused_with_where_and_changes_nothing() {
    let env = Env::new();
    let id = env.import_march();
    let before = env.ok(&["meeting", "list", "--json"]);
    let text =
        std::fs::read_to_string(example())
            .unwrap()
            .replacen("\"yes\": 8,", "\"yes\": 11,", 1);
    let bad = env.write("bad.json", &text);
    let out = env.run(&["meeting", "import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("vote 1") && err.contains("11 votes"), "{err}");
    let bad = env.write(
        "bad2.json",
        "{\"type\": \"minutebook.meeting\", \"format\": 1, \"cell\": 3}",
    );
    let out = env.run(&["meeting", "import", bad.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cell"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(env.ok(&["meeting", "list", "--json"]), before);
    // Usage errors exit 2.
    assert_eq!(
        env.run(&["report", &id, "--reading", "nonsense"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(env.run(&["no-such-command"]).status.code(), Some(2));
}

#[test]
fn search_prints_one_line_per_snippet_and_says_when_nothing_matches() {
    let env = Env::new();
    env.import_march();
    let hits = env.ok(&["search", "nghi quyet"]);
    let lines: Vec<&str> = hits.lines().collect();
    assert!(!lines.is_empty(), "the March minutes mention nghị quyết");
    assert_eq!(lines.len() % 2, 0, "two lines per hit:\n{hits}");
    for pair in lines.chunks(2) {
        assert!(pair[0].starts_with('#'), "{hits}");
        assert!(pair[1].starts_with("    "), "{hits}");
    }
    let none = env.ok(&["search", "zzzkhongco"]);
    assert_eq!(none.trim(), "Nothing found for “zzzkhongco”.");
}

/// Issue 15: the year's dashboard from the command line, as CSV in the chosen language and
/// as JSON.
#[test]
fn the_dashboard_prints_the_year_as_csv_and_json() {
    let env = Env::new();
    env.import_march();
    let out = env.run_vi(&["dashboard", "--year", "2026"]);
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with('\u{feff}'), "{csv}");
    assert!(
        csv.contains("Mã cuộc họp,Ngày,Nội dung,Trạng thái,Có mặt,Phải dự,Tỷ lệ"),
        "{csv}"
    );
    assert!(csv.contains("\"83,33%\""), "{csv}");
    let en = env.ok(&["dashboard"]);
    assert!(
        en.contains("Meeting id,Date,Subject,Status,Present"),
        "{en}"
    );
    let v = env.json(&["dashboard", "--json"]);
    assert_eq!(v["year"], 2026);
    assert_eq!(v["meetings"][0]["rate_text"], "83,33%");
}
