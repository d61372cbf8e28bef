//! `minutebook meeting close` runs the close check first (issue 15): text the PDF cannot print
//! is refused with the field, the character and the plain replacement, and the meeting stays
//! open; unfinished text needs `--yes`; a draft of the open meeting prints marked DỰ THẢO.

mod common;

use std::process::Command;

use common::{Env, example};

/// The March example with `edit` applied to its meeting, written into the test folder.
fn march_with(env: &Env, name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example()).unwrap()).unwrap();
    edit(&mut doc["meeting"]);
    env.write(name, &serde_json::to_string_pretty(&doc).unwrap())
        .display()
        .to_string()
}

fn import(env: &Env, path: &str) -> String {
    let out = env.ok(&["meeting", "import", path]);
    out.lines().last().unwrap().trim().to_owned()
}

fn status(env: &Env) -> String {
    env.json(&["meeting", "list", "--json"])[0]["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn an_unprintable_character_keeps_the_meeting_open_and_names_the_fix() {
    let env = Env::new();
    let path = march_with(&env, "tick.json", |m| {
        m["agenda"][0]["conclusion"] = "Chi bộ thống nhất ✔".into();
    });
    let id = import(&env, &path);
    let out = env.run(&["meeting", "close", &id]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot be closed"), "{err}");
    assert!(
        err.contains("meeting.agenda[0].conclusion") && err.contains("U+2714"),
        "{err}"
    );
    assert!(err.contains("type “x” instead"), "{err}");
    assert_eq!(status(&env), "in-session", "nothing was closed");
    // The draft is refused for the same reason rather than printed with a hole.
    let draft = env.path("draft.pdf");
    let out = env.run(&[
        "export",
        "pdf",
        &id,
        "--draft",
        "--out",
        draft.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(!draft.exists());
}

#[test]
fn unfinished_text_needs_yes_and_a_draft_prints_before_closing() {
    let env = Env::new();
    let path = march_with(&env, "blank.json", |m| {
        m["place"] = "…".into();
    });
    let id = import(&env, &path);
    let out = env.run(&["meeting", "close", &id]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("look unfinished"), "{err}");
    assert!(err.contains("meeting.place"), "{err}");
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(status(&env), "in-session");

    // A draft of the open meeting, marked on every page; the book is unchanged by it.
    let draft = env.path("draft.pdf");
    env.ok(&[
        "export",
        "pdf",
        &id,
        "--draft",
        "--out",
        draft.to_str().unwrap(),
    ]);
    let text = Command::new("pdftotext")
        .arg(&draft)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, installed by scripts/setup)");
    let text = String::from_utf8_lossy(&text.stdout);
    let pages = text.matches('\u{c}').count().max(1);
    assert!(
        text.matches("DỰ THẢO").count() >= pages,
        "every page marked: {text}"
    );
    assert_eq!(status(&env), "in-session");

    env.ok(&["meeting", "close", &id, "--yes"]);
    assert_ne!(status(&env), "in-session");
}
