//! `torture`: the crash-torture and power-loss-snapshot harness (see `docs/reliability.md`).
//!
//! ```text
//! torture [--use-case edit|close|sign|import] [--kills N] [--seed S] [--power-loss] [--dir DIR]
//!         [--max-delay-us U]
//! torture child DB MEETING FROM               (internal: the edit child that gets killed)
//! torture use-case-child USE-CASE DB MEETING  (internal: the use-case child)
//! ```
//!
//! Prints one closing line on stdout — `kills: N, corrupt databases: X, lost edits: Y` for
//! edits, `kills: N, corrupt databases: X, lost: Y, half-done: Z` for the use cases (with
//! `--power-loss` also `snapshots: …, corrupt snapshots: …, lost in snapshots: …`, and for the
//! use cases `half-done in snapshots: …`) — and exits
//! 1 when anything was corrupt, lost or half done, 2 when the harness itself failed.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use minutebook_reliability::torture::{Config, Mode, UseCase, run, run_child, run_use_case_child};

fn usage() -> ExitCode {
    eprintln!(
        "usage: torture [--use-case edit|close|sign|import] [--kills N] [--seed S] [--power-loss] \
         [--dir DIR] [--max-delay-us U]"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("child") {
        let (Some(db), Some(Ok(meeting)), Some(Ok(from))) = (
            args.get(1),
            args.get(2).map(|s| s.parse::<i64>()),
            args.get(3).map(|s| s.parse::<u64>()),
        ) else {
            return usage();
        };
        return match run_child(&PathBuf::from(db), meeting, from) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("torture child: {e}");
                ExitCode::from(3)
            }
        };
    }
    if args.first().map(String::as_str) == Some("use-case-child") {
        let (Some(uc), Some(db), Some(Ok(meeting))) = (
            args.get(1).and_then(|s| UseCase::from_code(s)),
            args.get(2),
            args.get(3).map(|s| s.parse::<i64>()),
        ) else {
            return usage();
        };
        return match run_use_case_child(uc, &PathBuf::from(db), meeting) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("torture use-case child: {e}");
                ExitCode::from(3)
            }
        };
    }
    let mut kills = 1000u64;
    let mut use_case = UseCase::Edit;
    let mut seed = 0x4d49_4e55_5445u64;
    let mut mode = Mode::Kill;
    let mut dir: Option<PathBuf> = None;
    let mut max_delay_us: Option<u64> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut num = || it.next().and_then(|v| v.parse::<u64>().ok());
        match a.as_str() {
            "--kills" => match num() {
                Some(v) => kills = v,
                None => return usage(),
            },
            "--seed" => match num() {
                Some(v) => seed = v,
                None => return usage(),
            },
            "--max-delay-us" => match num() {
                Some(v) => max_delay_us = Some(v),
                None => return usage(),
            },
            "--power-loss" => mode = Mode::PowerLoss,
            "--use-case" => match it.next().and_then(|v| UseCase::from_code(v)) {
                Some(v) => use_case = v,
                None => return usage(),
            },
            "--dir" => match it.next() {
                Some(v) => dir = Some(PathBuf::from(v)),
                None => return usage(),
            },
            _ => return usage(),
        }
    }
    let child_exe = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("torture: cannot find my own binary: {e}");
            return ExitCode::from(2);
        }
    };
    let tmp;
    let dir = match dir {
        Some(d) => {
            if let Err(e) = std::fs::create_dir_all(&d) {
                eprintln!("torture: {}: {e}", d.display());
                return ExitCode::from(2);
            }
            d
        }
        None => match tempfile::tempdir() {
            Ok(t) => {
                tmp = t;
                tmp.path().to_path_buf()
            }
            Err(e) => {
                eprintln!("torture: temp dir: {e}");
                return ExitCode::from(2);
            }
        },
    };
    // Signing derives the chair's key (scrypt, a few hundred ms) before its two writes: kills
    // must reach past it, or no signature would ever be stored.
    let max_delay_us = max_delay_us.unwrap_or(match use_case {
        UseCase::Sign => 1_500_000,
        _ => 50_000,
    });
    let cfg = Config {
        use_case,
        kills,
        seed,
        mode,
        child_exe,
        delay_us: (50, max_delay_us.max(51)),
    };
    let started = Instant::now();
    let sum = match run(&cfg, &dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("torture: {e}");
            return ExitCode::from(2);
        }
    };
    let (what, last) = match use_case {
        UseCase::Edit => ("edits", "last edit in the book"),
        _ => ("use cases", "last step in the book"),
    };
    eprintln!(
        "use case {}; seed {seed}; {} {what} acknowledged; {} kills landed after the first \
         acknowledged one; {last}: {}; {:.1} s",
        use_case.code(),
        sum.acknowledged,
        sum.kills_mid_editing,
        sum.last_edit,
        started.elapsed().as_secs_f64()
    );
    let mut line = match use_case {
        UseCase::Edit => format!(
            "kills: {}, corrupt databases: {}, lost edits: {}",
            sum.kills, sum.corrupt, sum.lost
        ),
        _ => format!(
            "kills: {}, corrupt databases: {}, lost: {}, half-done: {}",
            sum.kills, sum.corrupt, sum.lost, sum.half_done
        ),
    };
    if mode == Mode::PowerLoss {
        line.push_str(&format!(
            ", snapshots: {}, corrupt snapshots: {}, lost in snapshots: {}",
            sum.snapshots, sum.corrupt_snapshots, sum.lost_in_snapshots
        ));
        if use_case != UseCase::Edit {
            line.push_str(&format!(
                ", half-done in snapshots: {}",
                sum.half_done_in_snapshots
            ));
        }
    }
    println!("{line}");
    let bad = sum.corrupt
        + sum.lost
        + sum.corrupt_snapshots
        + sum.lost_in_snapshots
        + sum.half_done
        + sum.half_done_in_snapshots;
    if bad > 0 || sum.kills < kills {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
