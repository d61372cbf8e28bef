//! `minutebook-archive` — the committee archive from a terminal: receive cells' signed minutes
//! into PostgreSQL, enrol members' keys, list chain anomalies, keep the Merkle log and issue and
//! check receipts.
//!
//! Arguments are parsed here and every message comes from the Fluent catalogue
//! (`i18n/vi.ftl`, `i18n/en.ftl`, Vietnamese by default). Exit codes: 0 success (everything
//! given was stored or already held); 1 something was quarantined; 2 usage or database error.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use minutebook_api::{Lang, tr};
use minutebook_archive::chain::Anomaly;
use minutebook_archive::ingest::{Received, Verdict};
use minutebook_archive::receipt::Issued;
use minutebook_archive::register::{EnrolledKey, Enrollment};
use minutebook_archive::{ArchiveError, chain, db, ingest, receipt, register, schema, sweep, tlog};
use time::Date;
use time::macros::format_description;

#[derive(Parser)]
#[command(
    name = "minutebook-archive",
    version,
    about = "Kho lưu trữ biên bản của cấp ủy — Minutebook committee archive"
)]
struct Cli {
    /// PostgreSQL URL, e.g. postgresql://archive@localhost/archive. Also $MINUTEBOOK_ARCHIVE_URL.
    #[arg(long, global = true, value_name = "URL")]
    database_url: Option<String>,
    /// Language of messages: vi (default) or en. Also $MINUTEBOOK_LANG.
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create or upgrade the archive's tables (every other command does this too).
    Migrate,
    /// Receive bundles (folders or zips) and exported PDFs, or folders of them.
    Ingest {
        /// Bundle folders, zips, PDFs, or folders holding them.
        #[arg(required_unless_present = "sweep")]
        paths: Vec<PathBuf>,
        /// Sweep this drop folder instead: each entry is moved to accepted/ or quarantine/.
        #[arg(long, value_name = "DIR", conflicts_with = "paths")]
        sweep: Option<PathBuf>,
        /// With --sweep: keep sweeping, every this many seconds.
        #[arg(long, value_name = "SECONDS", requires = "sweep")]
        watch: Option<u64>,
        /// The log's private key file: after the batch, sign a checkpoint and issue receipts.
        #[arg(long, value_name = "FILE")]
        log_key: Option<PathBuf>,
    },
    /// The Merkle log of accepted records, and its receipts.
    #[command(subcommand)]
    Log(LogCmd),
    /// The committee's key register.
    #[command(subcommand)]
    Key(KeyCmd),
    /// Chain anomalies found so far (gaps, forks, rollbacks).
    Anomalies {
        /// Only this cell (`cell.id` of its records).
        #[arg(long)]
        cell: Option<String>,
    },
    /// What is in the quarantine, and why.
    Quarantine,
}

#[derive(Subcommand)]
enum LogCmd {
    /// Start the log; the records already held are appended, oldest first.
    Init {
        /// The log's origin, e.g. minutebook/dang-uy-phuong-thanh-binh/2026.
        #[arg(long)]
        origin: String,
    },
    /// Make the log's signing key: the private half into a new file, the public half printed.
    NewKey {
        /// The log's origin (the key is named after it).
        #[arg(long)]
        origin: String,
        /// Where to write the private key (must not exist).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Sign a checkpoint of the log as it is and issue the receipts not yet issued.
    Issue {
        /// The private key file.
        #[arg(long, value_name = "FILE")]
        key: PathBuf,
    },
    /// Print the receipt of a record (c2sp.org/tlog-proof@v1).
    Receipt {
        /// The record's SHA-256 (sha256sum record.json).
        sha256: String,
    },
    /// Check a receipt offline against the log's public key.
    Verify {
        /// The receipt file.
        receipt: PathBuf,
        /// The log's public key (signed-note encoding, as `log new-key` printed it).
        #[arg(long)]
        public_key: String,
        /// The record's SHA-256.
        #[arg(long)]
        record: String,
    },
}

#[derive(Subcommand)]
enum KeyCmd {
    /// Enrol a member's public key (the .pub.pem the app exports).
    Enroll {
        /// The public key file (SPKI PEM).
        pem: PathBuf,
        /// The member's id in the cell's roster (as the app shows it).
        #[arg(long)]
        member_id: String,
        /// The member's full name.
        #[arg(long)]
        name: String,
        /// Only for records of this cell.
        #[arg(long)]
        cell: Option<String>,
        /// First day the key may sign, YYYY-MM-DD.
        #[arg(long)]
        from: String,
        /// Last day the key may sign, YYYY-MM-DD.
        #[arg(long)]
        until: Option<String>,
        /// Who at the committee enrols it.
        #[arg(long, default_value = "")]
        by: String,
    },
    /// List the enrolled keys.
    List,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let lang = Lang::pick(cli.lang.as_deref());
    match run(cli, lang) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", e.localized(lang));
            ExitCode::from(2)
        }
    }
}

fn url(cli: &Cli) -> Result<String, ArchiveError> {
    cli.database_url
        .clone()
        .or_else(|| std::env::var(db::URL_ENV).ok())
        .filter(|u| !u.is_empty())
        .ok_or_else(|| ArchiveError::Invalid(format!("--database-url or ${}", db::URL_ENV)))
}

fn date(s: &str) -> Result<Date, ArchiveError> {
    Date::parse(s, format_description!("[year]-[month]-[day]"))
        .map_err(|e| ArchiveError::Invalid(format!("{s:?} is not a date YYYY-MM-DD: {e}")))
}

fn run(cli: Cli, lang: Lang) -> Result<ExitCode, ArchiveError> {
    // Checking a receipt is offline: no database.
    if let Command::Log(LogCmd::Verify {
        receipt: path,
        public_key,
        record,
    }) = &cli.command
    {
        let text = std::fs::read_to_string(path).map_err(|e| ArchiveError::io(path, &e))?;
        return Ok(match receipt::verify(&text, public_key, record) {
            Ok(v) => {
                println!(
                    "{}",
                    tr(
                        lang,
                        "archive-receipt-valid",
                        &[
                            ("origin", v.origin),
                            ("index", v.index.to_string()),
                            ("size", v.size.to_string()),
                        ],
                    )
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                println!("{}", e.localized(lang));
                ExitCode::from(1)
            }
        });
    }
    let url = match url(&cli) {
        Ok(u) => u,
        Err(_) => {
            eprintln!("{}", tr(lang, "archive-error-no-url", &[]));
            return Ok(ExitCode::from(2));
        }
    };
    let mut client = db::open(&url)?;
    match cli.command {
        Command::Migrate => {
            let v = schema::current_version(&mut client)?.unwrap_or(0);
            println!(
                "{}",
                tr(lang, "archive-schema-at", &[("version", v.to_string())])
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest {
            paths,
            sweep: Some(dir),
            watch,
            log_key,
        } => {
            debug_assert!(paths.is_empty());
            let key = log_key.as_deref().map(read_key).transpose()?;
            loop {
                let got = sweep::sweep(&mut client, &dir, Duration::from_secs(2))?;
                // Watching, an empty sweep says nothing (one line a second would bury the rest).
                if let Some(s) = watch
                    && got.is_empty()
                {
                    std::thread::sleep(Duration::from_secs(s.max(1)));
                    continue;
                }
                let code = print_received(lang, &got);
                if let Some(key) = &key {
                    print_issued(lang, &receipt::issue(&mut client, key)?);
                }
                match watch {
                    None => return Ok(code),
                    Some(s) => std::thread::sleep(Duration::from_secs(s.max(1))),
                }
            }
        }
        Command::Ingest { paths, log_key, .. } => {
            let key = log_key.as_deref().map(read_key).transpose()?;
            let got = ingest::ingest_paths(&mut client, &paths)?;
            let code = print_received(lang, &got);
            if let Some(key) = &key {
                print_issued(lang, &receipt::issue(&mut client, key)?);
            }
            Ok(code)
        }
        Command::Log(LogCmd::Init { origin }) => {
            let head = tlog::init(&mut client, &origin)?;
            println!(
                "{}",
                tr(
                    lang,
                    "archive-log-started",
                    &[("origin", head.origin), ("size", head.size.to_string())],
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Log(LogCmd::NewKey { origin, out }) => {
            let (private, public) = receipt::new_key(&origin)?;
            write_private(&out, &private)?;
            println!(
                "{}",
                tr(
                    lang,
                    "archive-log-key-written",
                    &[("path", out.display().to_string())]
                )
            );
            println!("{public}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Log(LogCmd::Issue { key }) => {
            print_issued(lang, &receipt::issue(&mut client, &read_key(&key)?)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Log(LogCmd::Receipt { sha256 }) => {
            match receipt::receipt_of(&mut client, &sha256)? {
                Some(text) => {
                    print!("{text}");
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    eprintln!(
                        "{}",
                        tr(lang, "archive-receipt-none", &[("sha256", sha256)])
                    );
                    Ok(ExitCode::from(1))
                }
            }
        }
        Command::Log(LogCmd::Verify { .. }) => unreachable!("handled before connecting"),
        Command::Key(KeyCmd::Enroll {
            pem,
            member_id,
            name,
            cell,
            from,
            until,
            by,
        }) => {
            let public_key_pem =
                std::fs::read_to_string(&pem).map_err(|e| ArchiveError::io(&pem, &e))?;
            let k = register::enroll(
                &mut client,
                &Enrollment {
                    public_key_pem,
                    member_id,
                    full_name: name,
                    cell_id: cell,
                    valid_from: date(&from)?,
                    valid_until: until.as_deref().map(date).transpose()?,
                    enrolled_by: by,
                },
            )?;
            println!("{}", key_line(lang, "archive-key-enrolled", &k));
            Ok(ExitCode::SUCCESS)
        }
        Command::Key(KeyCmd::List) => {
            for k in register::list(&mut client)? {
                println!("{}", key_line(lang, "archive-key-line", &k));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Anomalies { cell } => {
            let all = chain::list(&mut client, cell.as_deref())?;
            if all.is_empty() {
                println!("{}", tr(lang, "archive-anomalies-none", &[]));
            }
            for a in &all {
                println!("{}", anomaly_line(lang, a));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Quarantine => {
            let all = ingest::quarantined(&mut client)?;
            if all.is_empty() {
                println!("{}", tr(lang, "archive-quarantine-empty", &[]));
            }
            for q in &all {
                println!(
                    "{}",
                    tr(
                        lang,
                        "archive-quarantine-line",
                        &[
                            ("source", q.source.clone()),
                            ("reason", reason(lang, &q.reason_code, &q.reason)),
                        ],
                    )
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn read_key(path: &std::path::Path) -> Result<String, ArchiveError> {
    std::fs::read_to_string(path).map_err(|e| ArchiveError::io(path, &e))
}

/// Writes the private log key to a new file readable by its owner only.
fn write_private(path: &std::path::Path, text: &str) -> Result<(), ArchiveError> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| ArchiveError::io(path, &e))?;
    writeln!(f, "{text}")
        .and_then(|()| f.sync_all())
        .map_err(|e| ArchiveError::io(path, &e))
}

fn print_issued(lang: Lang, i: &Issued) {
    println!(
        "{}",
        tr(
            lang,
            "archive-receipts-issued",
            &[
                ("count", i.receipts.to_string()),
                ("size", i.size.to_string())
            ],
        )
    );
}

fn key_line(lang: Lang, id: &str, k: &EnrolledKey) -> String {
    tr(
        lang,
        id,
        &[
            ("fingerprint", k.fingerprint.clone()),
            ("name", k.full_name.clone()),
            ("member", k.member_id.clone()),
            ("from", k.valid_from.to_string()),
            (
                "until",
                k.valid_until
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| tr(lang, "archive-key-open-ended", &[])),
            ),
        ],
    )
}

/// The localised name of a quarantine reason, then the verifier's details.
fn reason(lang: Lang, code: &str, detail: &str) -> String {
    let name = tr(lang, &format!("archive-reason-{code}"), &[]);
    if detail.is_empty() {
        name
    } else {
        format!("{name}: {detail}")
    }
}

fn anomaly_line(lang: Lang, a: &Anomaly) -> String {
    tr(
        lang,
        "archive-anomaly-line",
        &[
            ("id", a.id.to_string()),
            (
                "kind",
                tr(lang, &format!("archive-anomaly-{}", a.kind.code()), &[]),
            ),
            ("cell", a.cell_id.clone()),
            ("detail", a.detail.clone()),
        ],
    )
}

/// Prints one line per candidate and a summary; the exit code (1 if anything was refused).
fn print_received(lang: Lang, got: &[Received]) -> ExitCode {
    let (mut accepted, mut already, mut refused) = (0u64, 0u64, 0u64);
    for r in got {
        let source = r.path.display().to_string();
        match &r.verdict {
            Verdict::Accepted {
                record, anomalies, ..
            } => {
                accepted += 1;
                println!(
                    "{}",
                    tr(
                        lang,
                        "archive-accepted",
                        &[
                            ("source", source),
                            ("cell", record.cell_name.clone()),
                            ("sequence", record.sequence.to_string()),
                            ("version", record.version.to_string()),
                        ],
                    )
                );
                for a in anomalies {
                    println!("  ⚠ {}", anomaly_line(lang, a));
                }
            }
            Verdict::AlreadyReceived {
                added_signatures, ..
            } => {
                already += 1;
                let id = if *added_signatures > 0 {
                    "archive-already-received-more"
                } else {
                    "archive-already-received"
                };
                println!(
                    "{}",
                    tr(
                        lang,
                        id,
                        &[("source", source), ("count", added_signatures.to_string())]
                    )
                );
            }
            Verdict::Quarantined { code, reason: r }
            | Verdict::AlreadyQuarantined { code, reason: r } => {
                refused += 1;
                println!(
                    "{}",
                    tr(
                        lang,
                        "archive-quarantined",
                        &[("source", source), ("reason", reason(lang, code, r))],
                    )
                );
            }
        }
    }
    println!(
        "{}",
        tr(
            lang,
            "archive-summary",
            &[
                ("accepted", accepted.to_string()),
                ("already", already.to_string()),
                ("quarantined", refused.to_string()),
            ],
        )
    );
    if refused > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
