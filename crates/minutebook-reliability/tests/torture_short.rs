//! A short crash torture and power-loss snapshot run in the normal test suite (the 1 000-kill
//! run is `scripts/torture`).

use std::process::Command;

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_torture"))
        .args(args)
        .output()
        .expect("run torture");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[test]
fn twenty_kills_lose_and_corrupt_nothing() {
    let line = run(&["--kills", "20", "--seed", "7"]);
    assert_eq!(
        line.trim(),
        "kills: 20, corrupt databases: 0, lost edits: 0"
    );
}

#[test]
fn ten_power_loss_snapshots_lose_and_corrupt_nothing() {
    let line = run(&["--kills", "10", "--seed", "11", "--power-loss"]);
    assert_eq!(
        line.trim(),
        "kills: 10, corrupt databases: 0, lost edits: 0, snapshots: 10, corrupt snapshots: 0, \
         lost in snapshots: 0"
    );
}
