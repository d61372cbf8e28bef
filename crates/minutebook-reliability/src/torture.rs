//! Crash torture and power-loss snapshots.
//!
//! The child ([`run_child`]) opens the minute book with `minutebook-store` (WAL,
//! `synchronous=FULL`, every save one `IMMEDIATE` transaction with its audit entry) and saves
//! edit after edit of the March 2026 meeting, printing `ack <n> <sha256 of the text>` on stdout
//! only after `save_meeting` returned `Ok`, flushed line by line.
//!
//! The parent ([`run`]) starts the child, waits a seeded random delay (log-uniform between
//! 50 µs and 50 ms; for one kill in four counted from the start of the process, so it lands in
//! start-up, open or WAL recovery, for the others from the child's `ready` line, so it lands
//! amid the saves) and:
//! - [`Mode::Kill`]: SIGKILLs it, then opens the database and checks it ([`check_book`]);
//! - [`Mode::PowerLoss`]: SIGSTOPs it, waits until the kernel reports it stopped, copies the
//!   database and its `-wal` (not the `-shm`, which is memory and is rebuilt after a reboot) as
//!   they are at that instant, SIGKILLs it, and checks both the copy (against the edits
//!   acknowledged before the stop) and the live file.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use minutebook_core::Meeting;
use minutebook_core::meeting::MeetingId;
use minutebook_store::{OpenOptions, Store};

use crate::Rng;
use crate::fixture::{ack_hash, content_hash, create_book, edit_number, edited};

/// What the parent does to the child at the random moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// SIGKILL: an application crash.
    Kill,
    /// SIGSTOP, copy the files, then SIGKILL: what the file system holds at that instant.
    PowerLoss,
}

/// A torture run's settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// How many times the child is killed.
    pub kills: u64,
    /// Seed of the delays; the same seed gives the same delays.
    pub seed: u64,
    /// Kill or power-loss snapshots.
    pub mode: Mode,
    /// The binary to start in child mode (normally the harness itself).
    pub child_exe: PathBuf,
    /// Shortest and longest delay before the kill, microseconds.
    pub delay_us: (u64, u64),
}

/// What a run found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Kills done.
    pub kills: u64,
    /// Databases (live files after a kill) that failed to open, `integrity_check`, the audit
    /// chain or the content check.
    pub corrupt: u64,
    /// Acknowledged edits missing from the live file after a kill.
    pub lost: u64,
    /// Power-loss snapshots checked (0 in kill mode).
    pub snapshots: u64,
    /// Snapshots that failed to open or check.
    pub corrupt_snapshots: u64,
    /// Edits acknowledged before a stop and missing from its snapshot.
    pub lost_in_snapshots: u64,
    /// Edits acknowledged by all children together.
    pub acknowledged: u64,
    /// Kills that landed after the child's first acknowledged save.
    pub kills_mid_editing: u64,
    /// The highest edit number found in the book at the end.
    pub last_edit: u64,
}

/// What [`check_book`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Intact, holding edit `found` (≥ every acknowledged one).
    Ok {
        /// The edit in the book.
        found: u64,
    },
    /// Open, integrity, audit chain or content failed.
    Corrupt(String),
    /// Intact but older than the last acknowledged edit.
    Lost {
        /// Last acknowledged edit.
        acked: u64,
        /// Edit found.
        found: u64,
    },
}

fn options(actor: &str) -> OpenOptions {
    OpenOptions {
        actor: actor.to_owned(),
        ..OpenOptions::default()
    }
}

/// Opens the book at `db` and checks: it opens, `PRAGMA integrity_check` (and
/// `foreign_key_check`) pass, the audit chain verifies, the meeting is exactly the state of
/// some edit `m` ([`edited`]), and `m ≥ acked`.
pub fn check_book(db: &Path, meeting: i64, base: &Meeting, acked: Option<u64>) -> Verdict {
    let store = match Store::open_with(db, options("torture-check")) {
        Ok(s) => s,
        Err(e) => return Verdict::Corrupt(format!("open: {e}")),
    };
    if let Err(e) = store.integrity_check() {
        return Verdict::Corrupt(format!("integrity_check: {e}"));
    }
    if let Err(e) = store.verify_audit_chain() {
        return Verdict::Corrupt(format!("audit chain: {e}"));
    }
    let m = match store.load_meeting(MeetingId(meeting)) {
        Ok(m) => m,
        Err(e) => return Verdict::Corrupt(format!("load meeting: {e}")),
    };
    let Some(found) = edit_number(&m) else {
        return Verdict::Corrupt("agenda text is no edit of the harness".to_owned());
    };
    if content_hash(&m) != content_hash(&edited(base, found)) {
        return Verdict::Corrupt(format!("meeting differs from the state of edit {found}"));
    }
    match acked {
        Some(a) if a > found => Verdict::Lost { acked: a, found },
        _ => Verdict::Ok { found },
    }
}

/// Child mode: edits the meeting from edit `from` on, forever, acknowledging each save.
///
/// # Errors
/// The first storage error (the parent reports it: a child must only ever die by a signal).
pub fn run_child(db: &Path, meeting: i64, from: u64) -> Result<(), String> {
    let mut store = Store::open_with(db, options("torture")).map_err(|e| e.to_string())?;
    let current = store
        .load_meeting(MeetingId(meeting))
        .map_err(|e| e.to_string())?;
    let out = std::io::stdout();
    let mut out = out.lock();
    writeln!(out, "ready")
        .and_then(|()| out.flush())
        .map_err(|e| e.to_string())?;
    for n in from.. {
        let m = edited(&current, n);
        store
            .save_meeting(&m)
            .map_err(|e| format!("edit {n}: {e}"))?;
        let hash = crate::sha256_hex(m.agenda[0].presentation.as_bytes());
        writeln!(out, "ack {n} {hash}")
            .and_then(|()| out.flush())
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Sends SIGSTOP with the system's `kill` command (the workspace forbids `unsafe`, and this
/// keeps the harness free of a signal crate; SIGKILL goes through [`Child::kill`]).
fn stop(child: &Child) -> Result<(), String> {
    let status = Command::new("kill")
        .args(["-STOP", &child.id().to_string()])
        .status()
        .map_err(|e| format!("run kill -STOP: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("kill -STOP: {status}"))
    }
}

/// Waits until `/proc/<pid>/stat` reports the process stopped (state `T`).
fn wait_stopped(pid: u32) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let stat = fs::read_to_string(format!("/proc/{pid}/stat")).map_err(|e| e.to_string())?;
        let state = stat
            .rsplit_once(')')
            .and_then(|(_, r)| r.trim().chars().next());
        if matches!(state, Some('T' | 't')) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("child {pid} did not stop (state {state:?})"));
        }
        thread::sleep(Duration::from_micros(100));
    }
}

/// Acknowledgements read from the child: the last edit number + 1 (0 = none yet) and a count.
struct Acks {
    ready: AtomicU64,
    last_plus_one: AtomicU64,
    count: AtomicU64,
    bad: AtomicU64,
}

impl Acks {
    fn last(&self) -> Option<u64> {
        self.last_plus_one.load(Ordering::SeqCst).checked_sub(1)
    }
}

fn copy_snapshot(db: &Path, to: &Path) -> Result<(), String> {
    if to.exists() {
        fs::remove_dir_all(to).map_err(|e| e.to_string())?;
    }
    fs::create_dir_all(to).map_err(|e| e.to_string())?;
    let name = db.file_name().ok_or("db has no file name")?;
    fs::copy(db, to.join(name)).map_err(|e| format!("copy db: {e}"))?;
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    if wal.exists() {
        let to_wal = format!("{}-wal", to.join(name).display());
        fs::copy(&wal, to_wal).map_err(|e| format!("copy wal: {e}"))?;
    }
    Ok(())
}

/// Runs the torture in `dir` (a fresh minute book is created there) and returns what it found.
/// Details of every failure go to stderr as they happen.
///
/// # Errors
/// Harness failures (the book cannot be created, the child cannot be started or died on its
/// own) — never a finding about the database, which is counted in the [`Summary`].
pub fn run(cfg: &Config, dir: &Path) -> Result<Summary, String> {
    let db = dir.join("book.db");
    let meeting = create_book(&db).map_err(|e| format!("create the book: {e}"))?;
    let base = Store::open_with(&db, options("torture-setup"))
        .and_then(|s| s.load_meeting(MeetingId(meeting)))
        .map_err(|e| e.to_string())?;
    // Edits must round-trip exactly, or the content check would be meaningless.
    {
        let mut s = Store::open_with(&db, options("torture-setup")).map_err(|e| e.to_string())?;
        for n in [0, 1, 7] {
            let want = edited(&base, n);
            s.save_meeting(&want).map_err(|e| e.to_string())?;
            let got = s
                .load_meeting(MeetingId(meeting))
                .map_err(|e| e.to_string())?;
            if content_hash(&got) != content_hash(&want) {
                return Err(format!("edit {n} does not round-trip through the store"));
            }
        }
        s.save_meeting(&base).map_err(|e| e.to_string())?;
    }
    let mut rng = Rng::new(cfg.seed);
    let mut sum = Summary::default();
    let mut next = 1u64;
    let snap_dir = dir.join("snapshot");
    for i in 0..cfg.kills {
        let mut child = Command::new(&cfg.child_exe)
            .arg("child")
            .arg(&db)
            .arg(meeting.to_string())
            .arg(next.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("start the child: {e}"))?;
        let acks = Arc::new(Acks {
            ready: AtomicU64::new(0),
            last_plus_one: AtomicU64::new(0),
            count: AtomicU64::new(0),
            bad: AtomicU64::new(0),
        });
        let reader = {
            let acks = acks.clone();
            let stdout = child.stdout.take().ok_or("no child stdout")?;
            let base = base.clone();
            thread::spawn(move || {
                for line in BufReader::new(stdout).lines() {
                    let Ok(line) = line else { break };
                    if line == "ready" {
                        acks.ready.store(1, Ordering::SeqCst);
                        continue;
                    }
                    let mut parts = line.split(' ');
                    let (Some("ack"), Some(n), Some(h)) =
                        (parts.next(), parts.next(), parts.next())
                    else {
                        acks.bad.fetch_add(1, Ordering::SeqCst);
                        continue;
                    };
                    match n.parse::<u64>() {
                        Ok(n) if h == ack_hash(&base, n) => {
                            acks.last_plus_one.store(n + 1, Ordering::SeqCst);
                            acks.count.fetch_add(1, Ordering::SeqCst);
                        }
                        _ => {
                            acks.bad.fetch_add(1, Ordering::SeqCst);
                        }
                    }
                }
            })
        };
        // One kill in four counts from the start of the process (landing in start-up, open and
        // WAL recovery); the others from the child's "ready" line, i.e. amid the saves.
        if rng.below(4) != 0 {
            let deadline = Instant::now() + Duration::from_secs(10);
            while acks.ready.load(Ordering::SeqCst) == 0 && Instant::now() < deadline {
                thread::sleep(Duration::from_micros(50));
            }
        }
        let delay = rng.log_uniform_us(cfg.delay_us.0, cfg.delay_us.1);
        thread::sleep(Duration::from_micros(delay));
        let mut snapshot_acked = None;
        let mut snapshot_taken = false;
        if cfg.mode == Mode::PowerLoss {
            let stopped = stop(&child).and_then(|()| wait_stopped(child.id()));
            if stopped.is_ok() {
                // Every line printed before the stop is already in the pipe; let the reader
                // drain it.
                thread::sleep(Duration::from_millis(2));
                snapshot_acked = acks.last();
                copy_snapshot(&db, &snap_dir)?;
                snapshot_taken = true;
            }
        }
        let _ = child.kill();
        let status = child.wait().map_err(|e| e.to_string())?;
        let _ = reader.join();
        if status.code().is_some() {
            return Err(format!(
                "kill {i}: the child exited on its own ({status}); see its message above"
            ));
        }
        if acks.bad.load(Ordering::SeqCst) > 0 {
            return Err(format!(
                "kill {i}: the child printed an acknowledgement that does not match its edit"
            ));
        }
        sum.kills += 1;
        let acked = acks.last();
        sum.acknowledged += acks.count.load(Ordering::SeqCst);
        if acked.is_some() {
            sum.kills_mid_editing += 1;
        }
        if snapshot_taken {
            sum.snapshots += 1;
            let name = db.file_name().ok_or("db has no file name")?;
            match check_book(&snap_dir.join(name), meeting, &base, snapshot_acked) {
                Verdict::Ok { .. } => {}
                Verdict::Corrupt(why) => {
                    sum.corrupt_snapshots += 1;
                    eprintln!("snapshot {i}: corrupt: {why}");
                }
                Verdict::Lost { acked, found } => {
                    sum.lost_in_snapshots += acked - found;
                    eprintln!("snapshot {i}: edit {acked} acknowledged, only {found} on disk");
                }
            }
        }
        match check_book(&db, meeting, &base, acked) {
            Verdict::Ok { found } => {
                sum.last_edit = found;
                next = found.max(acked.unwrap_or(0)) + 1;
            }
            Verdict::Corrupt(why) => {
                sum.corrupt += 1;
                eprintln!("kill {i}: corrupt: {why}");
                return Ok(sum);
            }
            Verdict::Lost { acked, found } => {
                sum.lost += acked - found;
                eprintln!("kill {i}: edit {acked} acknowledged, only {found} in the book");
                next = acked + 1;
            }
        }
    }
    Ok(sum)
}
