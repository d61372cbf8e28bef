//! `torture`: the crash-torture and power-loss-snapshot harness (see `docs/reliability.md`).
//!
//! ```text
//! torture [--kills N] [--seed S] [--power-loss] [--dir DIR] [--max-delay-us U]
//! torture child DB MEETING FROM      (internal: the process that gets killed)
//! ```
//!
//! Prints one closing line on stdout — `kills: N, corrupt databases: X, lost edits: Y` (with
//! `--power-loss` also `snapshots: …, corrupt snapshots: …, lost in snapshots: …`) — and exits
//! 1 when anything was corrupt or lost, 2 when the harness itself failed.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use minutebook_reliability::torture::{Config, Mode, run, run_child};

fn usage() -> ExitCode {
    eprintln!(
        "usage: torture [--kills N] [--seed S] [--power-loss] [--dir DIR] [--max-delay-us U]"
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
    let mut kills = 1000u64;
    let mut seed = 0x4d49_4e55_5445u64;
    let mut mode = Mode::Kill;
    let mut dir: Option<PathBuf> = None;
    let mut max_delay_us = 50_000u64;
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
                Some(v) => max_delay_us = v,
                None => return usage(),
            },
            "--power-loss" => mode = Mode::PowerLoss,
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
    let cfg = Config {
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
    eprintln!(
        "seed {seed}; {} edits acknowledged; {} kills landed after the first acknowledged save; \
         last edit in the book: {}; {:.1} s",
        sum.acknowledged,
        sum.kills_mid_editing,
        sum.last_edit,
        started.elapsed().as_secs_f64()
    );
    let mut line = format!(
        "kills: {}, corrupt databases: {}, lost edits: {}",
        sum.kills, sum.corrupt, sum.lost
    );
    if mode == Mode::PowerLoss {
        line.push_str(&format!(
            ", snapshots: {}, corrupt snapshots: {}, lost in snapshots: {}",
            sum.snapshots, sum.corrupt_snapshots, sum.lost_in_snapshots
        ));
    }
    println!("{line}");
    let bad = sum.corrupt + sum.lost + sum.corrupt_snapshots + sum.lost_in_snapshots;
    if bad > 0 || sum.kills < kills {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
