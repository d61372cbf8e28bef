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

use minutebook_api::Book;
use minutebook_core::meeting::MeetingId;
use minutebook_core::{Meeting, MeetingStatus};
use minutebook_store::{OpenOptions, Store, SystemClock};

use crate::Rng;
use crate::fixture::{
    CHAIR, PASSPHRASE, ack_hash, content_hash, create_book, edit_number, edited, prepare_import,
    prepare_sign, read_signers, write_attestations,
};

/// What the parent does to the child at the random moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// SIGKILL: an application crash.
    Kill,
    /// SIGSTOP, copy the files, then SIGKILL: what the file system holds at that instant.
    PowerLoss,
}

/// What the child does between kills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UseCase {
    /// Saves edits of the open meeting through `minutebook-store` (the original torture).
    Edit,
    /// `Book::close_meeting` then `Book::reopen_meeting`, again and again (versions 1, 2, …).
    Close,
    /// `Book::sign` as the chair (key in the book), then reopen and close for a new version.
    Sign,
    /// `Book::import_attestations` of a folder of two attestations (chair and minute-taker,
    /// signed outside the book with their own keys), then reopen and close.
    Import,
}

impl UseCase {
    /// The `--use-case` value.
    pub fn code(self) -> &'static str {
        match self {
            UseCase::Edit => "edit",
            UseCase::Close => "close",
            UseCase::Sign => "sign",
            UseCase::Import => "import",
        }
    }

    /// Parses [`UseCase::code`].
    pub fn from_code(s: &str) -> Option<UseCase> {
        [
            UseCase::Edit,
            UseCase::Close,
            UseCase::Sign,
            UseCase::Import,
        ]
        .into_iter()
        .find(|u| u.code() == s)
    }
}

/// A torture run's settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// What the child does (edits, or one of the book's use cases).
    pub use_case: UseCase,
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
    /// The highest edit number found in the book at the end (for the use cases: the last
    /// step, see [`classify`]).
    pub last_edit: u64,
    /// Kills after which the book held a use case done in part (use-case modes only).
    pub half_done: u64,
    /// Power-loss snapshots holding a use case done in part (use-case modes only).
    pub half_done_in_snapshots: u64,
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

/// Reads the child's standard output on a thread: `ready` once it is ready, and every line
/// `ack` accepts as the number of an acknowledged step (anything else counts as bad).
fn listen(
    child: &mut Child,
    ack: impl Fn(&str) -> Option<u64> + Send + 'static,
) -> Result<(Arc<Acks>, thread::JoinHandle<()>), String> {
    let acks = Arc::new(Acks {
        ready: AtomicU64::new(0),
        last_plus_one: AtomicU64::new(0),
        count: AtomicU64::new(0),
        bad: AtomicU64::new(0),
    });
    let stdout = child.stdout.take().ok_or("no child stdout")?;
    let shared = acks.clone();
    let reader = thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if line == "ready" {
                shared.ready.store(1, Ordering::SeqCst);
                continue;
            }
            match ack(&line) {
                Some(n) => {
                    shared.last_plus_one.store(n + 1, Ordering::SeqCst);
                    shared.count.fetch_add(1, Ordering::SeqCst);
                }
                None => {
                    shared.bad.fetch_add(1, Ordering::SeqCst);
                }
            }
        }
    });
    Ok((acks, reader))
}

/// SIGKILLs the child and waits for it and for its reader thread (so every line it printed is
/// counted); a child that exited on its own is an error of kill `i`.
fn kill_child(child: &mut Child, reader: thread::JoinHandle<()>, i: u64) -> Result<(), String> {
    let _ = child.kill();
    let status = child.wait().map_err(|e| e.to_string())?;
    let _ = reader.join();
    if status.code().is_some() {
        return Err(format!(
            "kill {i}: the child exited on its own ({status}); see its message above"
        ));
    }
    Ok(())
}

/// Waits for the moment of the kill. One kill in four counts from the start of the process
/// (landing in start-up, open and WAL recovery); the others from the child's `ready` line, i.e.
/// amid its work; then a log-uniform delay within `delay_us` (microseconds).
fn wait_for_the_kill(rng: &mut Rng, acks: &Acks, delay_us: (u64, u64)) {
    if rng.below(4) != 0 {
        let deadline = Instant::now() + Duration::from_secs(10);
        while acks.ready.load(Ordering::SeqCst) == 0 && Instant::now() < deadline {
            thread::sleep(Duration::from_micros(50));
        }
    }
    let delay = rng.log_uniform_us(delay_us.0, delay_us.1);
    thread::sleep(Duration::from_micros(delay));
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
    if cfg.use_case != UseCase::Edit {
        return run_use_case(cfg, dir);
    }
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
        let base_for_reader = base.clone();
        let (acks, reader) = listen(&mut child, move |line| {
            let mut parts = line.split(' ');
            let (Some("ack"), Some(n), Some(h)) = (parts.next(), parts.next(), parts.next()) else {
                return None;
            };
            n.parse::<u64>()
                .ok()
                .filter(|&n| h == ack_hash(&base_for_reader, n))
        })?;
        wait_for_the_kill(&mut rng, &acks, cfg.delay_us);
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
        kill_child(&mut child, reader, i)?;
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

// ----- the book's use cases ----------------------------------------------------------------

/// What the checker reads from a book in a use-case torture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observed {
    /// The meeting's latest record version (0: none).
    pub version: u32,
    /// The meeting's status.
    pub status: MeetingStatus,
    /// Attestations stored for the latest record version.
    pub attestations: usize,
}

/// Reads [`Observed`] through `store`.
///
/// # Errors
/// Storage errors, as text.
pub fn observe(store: &Store, meeting: i64) -> Result<Observed, String> {
    let id = MeetingId(meeting);
    let latest = store
        .latest_record_version(id)
        .map_err(|e| format!("read the records: {e}"))?;
    let status = store
        .load_meeting(id)
        .map_err(|e| format!("load the meeting: {e}"))?
        .status;
    let attestations = match &latest {
        Some(rv) => store
            .attestations(&rv.sha256)
            .map_err(|e| format!("read the attestations: {e}"))?
            .len(),
        None => 0,
    };
    Ok(Observed {
        version: latest.map_or(0, |rv| rv.version),
        status,
        attestations,
    })
}

/// Where a book stands in the child's cycle of use cases: a step number that grows by one
/// with every use case the child completes, and, when the book holds a use case done in part,
/// what is half done. A half-done state gets the step of the state the child goes on from
/// (so counting continues).
///
/// - `close`: in session at version v (0 before the first close) = 2v; closed at v = 2v − 1.
///   A close done in part (record v + 1 stored, status still in session) looks like "reopened
///   at v + 1": the parent finds it as two steps past the last acknowledged one.
/// - `sign` (chair only, so a signed record is `signing`): per version v, closed with no
///   attestation = 3(v−1), signing with the chair's = 3(v−1)+1, reopened = 3(v−1)+2.
///   Half done: closed with the chair's attestation (sign), or in session with a record version
///   no attestation covers (close).
/// - `import` (chair and minute-taker in one folder, so a complete import is `signed`): the
///   same steps with two attestations. Half done: one attestation of the two (the folder in
///   part), two with the status not `signed`, or a close in part as above.
///
/// # Errors
/// A state the cycle can never reach (counted as corrupt).
pub fn classify(uc: UseCase, o: &Observed) -> Result<(u64, Option<&'static str>), String> {
    use MeetingStatus as S;
    let v = u64::from(o.version);
    let open = o.status.is_editable();
    let unexpected = || Err(format!("{} torture: unexpected state {o:?}", uc.code()));
    let base = 3 * v.saturating_sub(1);
    match uc {
        UseCase::Edit => unexpected(),
        UseCase::Close => match (open, o.status, o.attestations) {
            (true, _, 0) => Ok((2 * v, None)),
            (false, S::Closed, 0) if v >= 1 => Ok((2 * v - 1, None)),
            _ => unexpected(),
        },
        UseCase::Sign => match (open, o.status, o.attestations) {
            _ if v == 0 => unexpected(),
            (false, S::Closed, 0) => Ok((base, None)),
            (false, S::Signing, 1) => Ok((base + 1, None)),
            (true, _, 1) => Ok((base + 2, None)),
            (false, S::Closed, 1) => Ok((
                base + 1,
                Some("sign: the attestation is stored, the meeting still closed"),
            )),
            (true, _, 0) => Ok((
                base + 2,
                Some("close: the record version is stored, the meeting still in session"),
            )),
            _ => unexpected(),
        },
        UseCase::Import => match (open, o.status, o.attestations) {
            _ if v == 0 => unexpected(),
            (false, S::Closed, 0) => Ok((base, None)),
            (false, S::Signed, 2) => Ok((base + 1, None)),
            (true, _, 2) => Ok((base + 2, None)),
            // After a half-done import the child reopens; that state is not half done itself.
            (true, _, 1) => Ok((base + 2, None)),
            (false, _, 1) => Ok((
                base + 1,
                Some("import: one attestation of the folder's two is stored"),
            )),
            (false, _, 2) => Ok((
                base + 1,
                Some("import: both attestations are stored, the status is not signed"),
            )),
            (true, _, 0) => Ok((
                base + 2,
                Some("close: the record version is stored, the meeting still in session"),
            )),
            _ => unexpected(),
        },
    }
}

/// Opens the book at `db` and checks it after a kill in a use-case torture: it opens,
/// `integrity_check` and the audit chain pass, `Book::check` finds every closed meeting intact
/// (records match rows, signatures verify), and the meeting is in a state of the cycle.
/// Returns the state found and [`classify`]'s step and half-done finding.
///
/// # Errors
/// What is corrupt.
pub fn check_use_case_book(
    uc: UseCase,
    db: &Path,
    meeting: i64,
) -> Result<(Observed, u64, Option<&'static str>), String> {
    let observed = {
        let store =
            Store::open_with(db, options("torture-check")).map_err(|e| format!("open: {e}"))?;
        store
            .integrity_check()
            .map_err(|e| format!("integrity_check: {e}"))?;
        store
            .verify_audit_chain()
            .map_err(|e| format!("audit chain: {e}"))?;
        observe(&store, meeting)?
    };
    let book = Book::open_with_clock(db, Arc::new(SystemClock))
        .map_err(|e| format!("open with minutebook-api: {e}"))?;
    let report = book.check().map_err(|e| format!("check: {e}"))?;
    if !report.ok {
        return Err(format!("Book::check: {report:?}"));
    }
    let (step, half) = classify(uc, &observed)?;
    Ok((observed, step, half))
}

/// Child mode of the use-case tortures: runs the cycle of `uc` on the prepared book forever,
/// printing `ack <step>` (the [`classify`] step of the book after it) once each use case
/// returned `Ok`.
///
/// # Errors
/// The first error (the parent reports it: a child must only ever die by a signal).
pub fn run_use_case_child(uc: UseCase, db: &Path, meeting: i64) -> Result<(), String> {
    let dir = db.parent().unwrap_or(Path::new("."));
    let mut book = Book::open_with_clock(db, Arc::new(SystemClock)).map_err(|e| e.to_string())?;
    // A second connection, only to read where the cycle stands (never to write).
    let reader = Store::open_with(db, options("torture-observe")).map_err(|e| e.to_string())?;
    let signers = match uc {
        UseCase::Import => Some(read_signers(dir)?),
        _ => None,
    };
    let attestation_dir = dir.join("incoming");
    let out = std::io::stdout();
    let mut out = out.lock();
    writeln!(out, "ready")
        .and_then(|()| out.flush())
        .map_err(|e| e.to_string())?;
    let err = |what: &str, e: minutebook_api::ApiError| format!("{what}: {e}");
    loop {
        let open = book
            .meeting(meeting)
            .map_err(|e| err("load", e))?
            .status
            .is_editable();
        if open {
            book.close_meeting(meeting).map_err(|e| err("close", e))?;
        } else {
            match uc {
                UseCase::Edit => return Err("the edit torture has its own child".to_owned()),
                UseCase::Close => book.reopen_meeting(meeting).map_err(|e| err("reopen", e))?,
                UseCase::Sign => {
                    let info = book.record_info(meeting).map_err(|e| err("info", e))?;
                    if info.signed_roles.iter().any(|r| r == "chair") {
                        book.reopen_meeting(meeting).map_err(|e| err("reopen", e))?;
                    } else {
                        book.sign(meeting, CHAIR, "chair", PASSPHRASE)
                            .map_err(|e| err("sign", e))?;
                    }
                }
                UseCase::Import => {
                    let bundle = book.bundle(meeting).map_err(|e| err("bundle", e))?;
                    if bundle.signatures.is_empty() {
                        let keys = signers.as_ref().ok_or("no signers")?;
                        write_attestations(&bundle.record, keys, &attestation_dir)?;
                        book.import_attestations(meeting, &attestation_dir)
                            .map_err(|e| err("import", e))?;
                    } else {
                        book.reopen_meeting(meeting).map_err(|e| err("reopen", e))?;
                    }
                }
            }
        }
        let (step, _) = classify(uc, &observe(&reader, meeting)?)?;
        writeln!(out, "ack {step}")
            .and_then(|()| out.flush())
            .map_err(|e| e.to_string())?;
    }
}

/// The use-case torture: like [`run`]'s edit torture, with the child looping over `cfg`'s use
/// case on a book prepared here, and after every kill [`check_use_case_book`]: nothing
/// corrupt, no acknowledged use case lost, no use case done in part.
fn run_use_case(cfg: &Config, dir: &Path) -> Result<Summary, String> {
    let uc = cfg.use_case;
    let db = dir.join("book.db");
    let meeting = create_book(&db).map_err(|e| format!("create the book: {e}"))?;
    match uc {
        UseCase::Sign => prepare_sign(&db, meeting),
        UseCase::Import => prepare_import(&db, meeting, dir),
        _ => Ok(()),
    }
    .map_err(|e| format!("prepare the book: {e}"))?;
    let (mut previous, mut step, half) = check_use_case_book(uc, &db, meeting)?;
    if half.is_some() {
        return Err(format!("the prepared book is half done: {half:?}"));
    }
    let mut rng = Rng::new(cfg.seed);
    let mut sum = Summary::default();
    let snap_dir = dir.join("snapshot");
    for i in 0..cfg.kills {
        let mut child = Command::new(&cfg.child_exe)
            .args(["use-case-child", uc.code()])
            .arg(&db)
            .arg(meeting.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("start the child: {e}"))?;
        let (acks, reader) = listen(&mut child, |line| {
            line.strip_prefix("ack ")
                .and_then(|n| n.parse::<u64>().ok())
        })?;
        wait_for_the_kill(&mut rng, &acks, cfg.delay_us);
        let mut snapshot = None;
        if cfg.mode == Mode::PowerLoss
            && stop(&child).and_then(|()| wait_stopped(child.id())).is_ok()
        {
            thread::sleep(Duration::from_millis(2));
            copy_snapshot(&db, &snap_dir)?;
            snapshot = Some(acks.last());
        }
        kill_child(&mut child, reader, i)?;
        if acks.bad.load(Ordering::SeqCst) > 0 {
            return Err(format!("kill {i}: the child printed a line that is no ack"));
        }
        sum.kills += 1;
        sum.acknowledged += acks.count.load(Ordering::SeqCst);
        if acks.last().is_some() {
            sum.kills_mid_editing += 1;
        }
        // The book may be at the last acknowledged step or one further (the use case in flight
        // finished but was not acknowledged); never behind, never two further.
        // A half-done state the next child did not get past before its own kill is found
        // again unchanged: it is counted once, when it appears.
        let judge = |found: &Observed,
                     step_found: u64,
                     half: Option<&str>,
                     acked: u64,
                     what: &str|
         -> (u64, u64) {
            let found_state = found;
            let found = step_found;
            let mut lost = 0;
            let mut halves = 0;
            let repeated = *found_state == previous && found == step;
            if let Some(h) = half.filter(|_| !repeated) {
                halves += 1;
                eprintln!("{what} {i}: half done: {h}");
            }
            if found < acked {
                lost = acked - found;
                eprintln!("{what} {i}: step {acked} acknowledged, the book is at step {found}");
            } else if found > acked + 1 && half.is_none() {
                halves += 1;
                eprintln!(
                    "{what} {i}: the book is at step {found}, {} past the last acknowledged \
                     ({acked}): a use case was done in part",
                    found - acked
                );
            }
            (lost, halves)
        };
        if let Some(acked) = snapshot {
            sum.snapshots += 1;
            let name = db.file_name().ok_or("db has no file name")?;
            match check_use_case_book(uc, &snap_dir.join(name), meeting) {
                Ok((observed, found, half)) => {
                    let (lost, halves) =
                        judge(&observed, found, half, acked.unwrap_or(step), "snapshot");
                    sum.lost_in_snapshots += lost;
                    sum.half_done_in_snapshots += halves;
                }
                Err(why) => {
                    sum.corrupt_snapshots += 1;
                    eprintln!("snapshot {i}: corrupt: {why}");
                }
            }
        }
        match check_use_case_book(uc, &db, meeting) {
            Ok((observed, found, half)) => {
                let (lost, halves) =
                    judge(&observed, found, half, acks.last().unwrap_or(step), "kill");
                sum.lost += lost;
                sum.half_done += halves;
                previous = observed;
                step = found;
                sum.last_edit = found;
            }
            Err(why) => {
                sum.corrupt += 1;
                eprintln!("kill {i}: corrupt: {why}");
                return Ok(sum);
            }
        }
    }
    Ok(sum)
}
