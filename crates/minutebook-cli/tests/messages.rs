//! The command line speaks the user's language: help, usage errors and the passphrase prompt
//! come from the catalogue in Vietnamese by default and in English with `--lang en`.

mod common;

use std::process::{Command, Output, Stdio};

fn minutebook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_minutebook"))
        .args(args)
        .env_remove("MINUTEBOOK_LANG")
        .env_remove("MINUTEBOOK_DB")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn help_is_vietnamese_by_default_and_english_on_request() {
    let out = minutebook(&["--help"]);
    assert!(out.status.success());
    let vi = text(&out.stdout);
    for want in [
        "Cách dùng:",
        "Lệnh",
        "Tùy chọn",
        "Cuộc họp: nhập, xuất, liệt kê, kết thúc.",
        "In hướng dẫn này",
    ] {
        assert!(vi.contains(want), "{want:?} missing from:\n{vi}");
    }
    for english in ["Usage:", "Print help", "Options:", "Commands:", "Meetings:"] {
        assert!(
            !vi.contains(english),
            "{english:?} in the Vietnamese help:\n{vi}"
        );
    }

    let out = minutebook(&["--lang", "en", "meeting", "close", "--help"]);
    assert!(out.status.success());
    let en = text(&out.stdout);
    for want in [
        "Usage:",
        "Close a meeting",
        "Meeting id.",
        "Print this help",
    ] {
        assert!(en.contains(want), "{want:?} missing from:\n{en}");
    }
    assert!(!en.contains("Kết thúc"), "{en}");

    // A subcommand's help in Vietnamese, arguments under their own heading.
    let out = minutebook(&["sign", "--help"]);
    let vi = text(&out.stdout);
    for want in ["Tham số", "Mã cuộc họp.", "chair (chủ trì)"] {
        assert!(vi.contains(want), "{want:?} missing from:\n{vi}");
    }
}

#[test]
fn the_readings_in_the_help_are_the_ones_the_program_accepts() {
    let vi = text(&minutebook(&["cell", "set-reading", "--help"]).stdout);
    for code in minutebook_reading_codes() {
        assert!(vi.contains(code.as_str()), "{code} missing from:\n{vi}");
    }
}

/// The codes as the program itself reports them when given a wrong one.
fn minutebook_reading_codes() -> Vec<String> {
    let env = common::Env::new();
    env.ok(&[
        "cell",
        "create",
        "--name",
        "Chi bộ A",
        "--upper-committee",
        "Đảng bộ B",
        "--place",
        "Hà Nội",
    ]);
    let out = env.run(&["cell", "set-reading", "no-such-reading"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    let list = err.rsplit("use ").next().unwrap().trim().to_owned();
    let codes: Vec<String> = list.split(", ").map(str::to_owned).collect();
    assert!(codes.len() >= 3, "{err}");
    codes
}

#[test]
fn usage_errors_are_in_the_users_language_with_the_usage_line() {
    let out = minutebook(&["meeting", "clos"]);
    assert_eq!(out.status.code(), Some(2));
    let vi = text(&out.stderr);
    assert!(vi.starts_with("lỗi: không có lệnh “clos”"), "{vi}");
    assert!(vi.contains("gợi ý: close"), "{vi}");
    assert!(vi.contains("Cách dùng: minutebook meeting"), "{vi}");
    assert!(!vi.contains("Usage"), "{vi}");

    let out = minutebook(&["--lang", "en", "roster", "import"]);
    assert_eq!(out.status.code(), Some(2));
    let en = text(&out.stderr);
    assert!(
        en.starts_with("error: a required argument is missing: <FILE>"),
        "{en}"
    );
    assert!(en.contains("Usage: minutebook roster import"), "{en}");

    let out = minutebook(&["report", "--bogus"]);
    assert_eq!(out.status.code(), Some(2));
    let vi = text(&out.stderr);
    assert!(vi.starts_with("lỗi: không có tham số --bogus"), "{vi}");
}

#[test]
fn without_a_terminal_the_passphrase_prompt_says_to_use_a_file() {
    let env = common::Env::new();
    env.import_march();
    // setsid: a new session with no controlling terminal, as under a service or a pipe.
    for (lang, want) in [
        ("vi", "không có cửa sổ dòng lệnh để gõ mật khẩu"),
        ("en", "there is no terminal to type the passphrase at"),
    ] {
        let out = Command::new("setsid")
            .arg("--wait")
            .arg(env!("CARGO_BIN_EXE_minutebook"))
            .arg("--db")
            .arg(env.db())
            .args(["--lang", lang, "key", "new", "--member", "Nguyễn Văn Hùng"])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(want), "{err}");
        assert!(err.contains("--passphrase-file"), "{err}");
        assert!(!err.contains("No such device"), "{err}");
    }
}
