//! The CLI opens the book through `Book::open`, so its first run of a day writes the daily
//! backup; a backup that cannot be made is a warning on stderr, and the command still works.

mod common;
use common::*;

fn dailies(env: &Env) -> Vec<String> {
    match std::fs::read_dir(env.path("backups")) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("book.db.daily-") && n.ends_with(".bak"))
            .collect(),
        Err(_) => Vec::new(),
    }
}

fn create_cell(env: &Env) {
    env.ok(&[
        "cell",
        "create",
        "--name",
        "Chi bộ Khu phố 7",
        "--upper-committee",
        "Đảng ủy phường Tân Định",
        "--place",
        "Phường Tân Định",
    ]);
}

#[test]
fn the_first_command_of_the_day_backs_up_and_later_ones_do_not() {
    let env = Env::new();
    create_cell(&env);
    assert!(dailies(&env).is_empty(), "the new book was backed up");
    let out = env.run(&["cell", "show"]);
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(dailies(&env).len(), 1);
    env.ok(&["cell", "show"]);
    assert_eq!(dailies(&env).len(), 1);
}

#[test]
fn a_failed_daily_backup_is_a_warning_and_the_command_still_runs() {
    let env = Env::new();
    create_cell(&env);
    std::fs::write(env.path("backups"), b"a file, not a folder").unwrap();
    let out = env.run(&["cell", "set-reading", "all-official"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("File error") && stderr.contains("daily backup"),
        "{stderr}"
    );
    let shown = env.ok(&["cell", "show"]);
    assert!(shown.contains("Every official member counted"), "{shown}");
}
