//! A reopened meeting's signed version 1 stays exportable, the whole book exports as bundles
//! whose chain verifies with nothing missing, and a superseded version says so (issue 15).

mod common;

use common::Env;

fn sign_both(env: &Env, id: &str) {
    let pass = env.path("pass.txt");
    for (member, role) in [
        ("Nguyễn Văn Hùng", "chair"),
        ("Phạm Thu Hà", "minute-taker"),
    ] {
        env.ok(&[
            "sign",
            id,
            "--member",
            member,
            "--role",
            role,
            "--passphrase-file",
            pass.to_str().unwrap(),
        ]);
    }
}

#[test]
fn version_1_of_a_reopened_meeting_exports_and_reads_as_superseded() {
    let env = Env::new();
    let id = env.signed_march();
    env.ok(&["meeting", "reopen", &id]);

    // While reopened: the current bundle is refused, version 1 is still written.
    let current = env.path("current");
    let refused = env.run(&["bundle", "export", &id, "--out", current.to_str().unwrap()]);
    assert!(!refused.status.success());
    let v1 = env.path("v1");
    env.ok(&[
        "bundle",
        "export",
        &id,
        "--version",
        "1",
        "--out",
        v1.to_str().unwrap(),
    ]);
    let no_v9 = env.run(&[
        "bundle",
        "export",
        &id,
        "--version",
        "9",
        "--out",
        env.path("v9").to_str().unwrap(),
    ]);
    assert!(!no_v9.status.success());
    assert!(String::from_utf8_lossy(&no_v9.stderr).contains("version 9"));

    // Version 2, closed and signed.
    env.ok(&["meeting", "close", &id, "--yes"]);
    sign_both(&env, &id);

    // The whole book: both versions, and the chain verifies with nothing missing.
    let book = env.path("book");
    let said = env.ok(&["bundle", "export-book", "--out", book.to_str().unwrap()]);
    assert!(said.contains("2 bundles"), "{said}");
    let out = env.run(&["verify", book.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(!text.contains("missing"), "{text}");
    assert!(text.contains("superseded by version 2"), "{text}");
    assert_eq!(text.matches("superseded by").count(), 1, "{text}");

    // Version 1 alone, verified next to this minute book: it says it was superseded.
    let out = env.run(&["verify", v1.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("superseded by version 2 (this minute book)"),
        "{text}"
    );
}
