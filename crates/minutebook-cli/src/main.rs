//! `minutebook` — the cell's minute book from a terminal, and the verifier anyone can run.
//!
//! Every command is a thin call into `minutebook-api`; this file only parses arguments and
//! prints. Exit codes: 0 success; 1 failure (for `verify`: something does not hold); 2 usage
//! error; 3 (`verify` only) every signature is valid but some key is pinned by nothing.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{FromArgMatches, Parser, Subcommand};
use minutebook_api::{ApiError, Book, Lang, verify};

mod help;
mod print;
mod room;

#[derive(Parser)]
#[command(
    name = "minutebook",
    version,
    about = "Sổ biên bản chi bộ — Minutebook"
)]
struct Cli {
    /// The minute book (SQLite file). Default: the OS data directory, or $MINUTEBOOK_DB.
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Language of messages: vi (default) or en. Also $MINUTEBOOK_LANG.
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The cell whose minute book this is.
    #[command(subcommand)]
    Cell(CellCmd),
    /// The roster of members.
    #[command(subcommand)]
    Roster(RosterCmd),
    /// Meetings: import, export, list, close.
    #[command(subcommand)]
    Meeting(MeetingCmd),
    /// Per-vote settings.
    #[command(subcommand)]
    Vote(VoteCmd),
    /// The figures the minutes need: attendance and each vote.
    Report {
        /// Meeting id.
        id: i64,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Show the votes under this counting reading instead (not saved):
        /// qd24-exclusions, full-exclusions, qd294-as-quoted or all-official.
        #[arg(long)]
        reading: Option<String>,
    },
    /// Full-text search of the minutes, votes and action items (case and diacritics ignored).
    Search {
        /// Words to find, as a phrase ("nghi quyet" finds "Nghị quyết").
        query: String,
        /// At most this many hits.
        #[arg(long, default_value_t = minutebook_api::search::DEFAULT_LIMIT)]
        limit: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// A year of the cell's meetings (attendance, votes, tasks, members) as CSV for the
    /// year-end report.
    Dashboard {
        /// The year (default: the latest with a meeting).
        #[arg(long)]
        year: Option<i32>,
        /// Print JSON instead of CSV.
        #[arg(long)]
        json: bool,
    },
    /// Members' signing keys.
    #[command(subcommand)]
    Key(KeyCmd),
    /// Sign a closed meeting's record on this computer.
    Sign {
        /// Meeting id.
        id: i64,
        /// Member id or exact full name.
        #[arg(long)]
        member: String,
        /// chair, minute-taker or member.
        #[arg(long)]
        role: String,
        /// File holding the passphrase (first line). Without it, a prompt that does not echo.
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
    /// Signed bundles.
    #[command(subcommand)]
    Bundle(BundleCmd),
    /// Signing requests, for members who sign on their own computer.
    #[command(subcommand, name = "sign-request")]
    SignRequest(SignRequestCmd),
    /// Attestations signed elsewhere.
    #[command(subcommand)]
    Attestation(AttestationCmd),
    /// Verify a bundle (folder or zip), a folder of bundles, or an exported PDF.
    Verify {
        /// What to verify.
        path: PathBuf,
        /// Trusted keys: a trust file (JSON) or a public key PEM. Repeatable.
        #[arg(long = "trust", value_name = "FILE")]
        trust: Vec<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Archival exports (PDF/A-3 with the signed bundle inside).
    #[command(subcommand)]
    Export(ExportCmd),
    /// Copy the minute book to PATH (a consistent snapshot, safe while in use).
    Backup {
        /// Where to write the copy (must not exist).
        path: PathBuf,
    },
    /// Check the whole minute book: SQLite integrity, the audit chain, and every closed record
    /// against its rows and signatures.
    Check {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Run the March 2026 sample case into a fresh minute book and print its report.
    Demo,
    /// The meeting room: members take part from their own laptops over the room's network.
    #[command(subcommand)]
    Room(room::RoomCmd),
    /// Receipts from the committee above for the minutes it received.
    #[command(subcommand)]
    Receipt(ReceiptCmd),
}

#[derive(Subcommand)]
enum ReceiptCmd {
    /// Pin the committee archive's log key (as the committee gives it: ORIGIN+ID+BASE64).
    PinKey {
        /// The key.
        key: String,
    },
    /// Take in a receipt file (c2sp.org/tlog-proof@v1) after verifying it against the pinned key.
    Import {
        /// The receipt file.
        file: PathBuf,
    },
    /// Show the receipt held for a meeting's latest record.
    Show {
        /// Meeting id.
        id: i64,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum CellCmd {
    /// Create the cell of a new minute book.
    Create {
        /// "Chi bộ Tổ dân phố số 7".
        #[arg(long)]
        name: String,
        /// "Đảng bộ phường Thanh Bình".
        #[arg(long)]
        upper_committee: String,
        /// Place in the date line, "Hà Nội".
        #[arg(long)]
        place: String,
        /// Code in document numbers (default CB).
        #[arg(long, default_value = "CB")]
        code: String,
    },
    /// Show the cell and its settings.
    Show,
    /// Set the cell's default counting reading.
    SetReading {
        /// qd24-exclusions, full-exclusions, qd294-as-quoted or all-official.
        reading: String,
    },
}

#[derive(Subcommand)]
enum RosterCmd {
    /// Import members from CSV or XLSX (all or nothing).
    Import {
        /// The spreadsheet.
        file: PathBuf,
    },
    /// List members.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum MeetingCmd {
    /// Import a meeting interchange file; prints the new meeting's id last.
    Import {
        /// The JSON file.
        file: PathBuf,
        /// Import even when the book already holds a meeting with the same date and subject.
        #[arg(long)]
        allow_duplicate: bool,
    },
    /// Export a meeting as an interchange file (to stdout, or --out).
    Export {
        /// Meeting id.
        id: i64,
        /// Output file.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// List meetings.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Close a meeting: freeze its record for review and signing. Text the PDF cannot print
    /// is refused (each field and character listed); unfinished text ("…", an agenda item
    /// without a conclusion) is listed and needs --yes.
    Close {
        /// Meeting id.
        id: i64,
        /// Close even though some text looks unfinished.
        #[arg(long)]
        yes: bool,
    },
    /// Reopen a closed meeting for changes; closing again makes a new version.
    Reopen {
        /// Meeting id.
        id: i64,
    },
}

#[derive(Subcommand)]
enum VoteCmd {
    /// Choose the counting reading of one vote (or `default` for the cell's).
    Reading {
        /// Meeting id.
        id: i64,
        /// Vote number, from 1.
        vote: usize,
        /// qd24-exclusions, full-exclusions, qd294-as-quoted, all-official or default.
        reading: String,
    },
}

#[derive(Subcommand)]
enum KeyCmd {
    /// Generate a key for a member (stored encrypted).
    New {
        /// Member id or exact full name.
        #[arg(long)]
        member: String,
        /// File holding the passphrase.
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
    /// Import a member's encrypted PKCS#8 PEM key (e.g. from `openssl genpkey`).
    Import {
        /// Member id or exact full name.
        #[arg(long)]
        member: String,
        /// The PEM file.
        file: PathBuf,
        /// File holding the key's passphrase.
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
    /// Pin a member's public key (SPKI PEM) for a member who signs on their own computer.
    Pin {
        /// Member id or exact full name.
        #[arg(long)]
        member: String,
        /// The public key PEM (from `minutebook key export-public` on their computer).
        file: PathBuf,
    },
    /// Print a member's public key (SubjectPublicKeyInfo PEM).
    ExportPublic {
        /// Member id or exact full name.
        member: String,
    },
    /// List keys with fingerprints.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Revoke a member's key from a date (YYYY-MM-DD).
    Revoke {
        /// Member id or exact full name.
        member: String,
        /// First day the key is no longer valid.
        #[arg(long)]
        from: String,
    },
    /// Write the roster's pinned keys as a trust file for `verify --trust`.
    ExportTrust {
        /// Output file.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum BundleCmd {
    /// Write the signed bundle of a meeting.
    Export {
        /// Meeting id.
        id: i64,
        /// Output folder (or zip file with --zip).
        #[arg(long)]
        out: PathBuf,
        /// Write a zip file instead of a folder.
        #[arg(long)]
        zip: bool,
        /// The record version to write (default: the current one). Any stored version can be
        /// written, also while the meeting is reopened.
        #[arg(long)]
        version: Option<u32>,
    },
    /// Write every record version of the book, one bundle each, into a new folder: verifying
    /// that folder checks the whole chain.
    ExportBook {
        /// The new folder.
        #[arg(long)]
        out: PathBuf,
        /// Write zip files instead of folders.
        #[arg(long)]
        zip: bool,
    },
}

#[derive(Subcommand)]
enum SignRequestCmd {
    /// Write an unsigned bundle for a member to sign elsewhere.
    Export {
        /// Meeting id.
        id: i64,
        /// Output folder.
        #[arg(long)]
        out: PathBuf,
    },
    /// (On the member's computer) sign a request with a key in this minute book and write the
    /// attestation files to --out.
    Sign {
        /// The request folder.
        request: PathBuf,
        /// Member id or exact full name (in this computer's minute book).
        #[arg(long)]
        member: String,
        /// chair, minute-taker or member.
        #[arg(long)]
        role: String,
        /// File holding the passphrase.
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
        /// Output folder for the attestation files.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum AttestationCmd {
    /// Import attestation files signed elsewhere (each is verified first).
    Import {
        /// Meeting id.
        id: i64,
        /// Folder holding NN-role.json/.sig/.pub.pem files.
        dir: PathBuf,
    },
}

#[derive(Subcommand)]
enum ExportCmd {
    /// The minutes (biên bản) as PDF/A-3 with the bundle attached.
    Pdf {
        /// Meeting id.
        id: i64,
        /// Output file.
        #[arg(long)]
        out: PathBuf,
        /// Mark as draft (DỰ THẢO) even if signed; a meeting still open prints only as a draft
        /// (no signatures, nothing stored).
        #[arg(long)]
        draft: bool,
    },
    /// The resolution (nghị quyết) of the meeting.
    Resolution {
        /// Meeting id.
        id: i64,
        /// Output file.
        #[arg(long)]
        out: PathBuf,
    },
    /// The attendance sheet with a signature line per member.
    AttendanceSheet {
        /// Meeting id.
        id: i64,
        /// Output file.
        #[arg(long)]
        out: PathBuf,
    },
    /// Before the meeting: the notice summoning it (thông báo triệu tập) with the agenda, and
    /// its calendar entry (iCalendar) for members.
    Invitation {
        /// Meeting id.
        id: i64,
        /// The notice as PDF.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The calendar entry (.ics).
        #[arg(long)]
        ics: Option<PathBuf>,
        /// The notice's date, YYYY-MM-DD (default: today).
        #[arg(long)]
        issued_on: Option<String>,
    },
}

fn main() -> ExitCode {
    let lang = help::lang_from_args(std::env::args_os());
    let parsed = help::command(lang)
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let text = help::render_error(&e, lang);
            return if e.use_stderr() {
                eprint!("{text}");
                ExitCode::from(2)
            } else {
                print!("{text}");
                ExitCode::SUCCESS
            };
        }
    };
    let lang = Lang::pick(cli.lang.as_deref());
    match run(cli, lang) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", e.localized(lang));
            ExitCode::from(if e.is_usage() { 2 } else { 1 })
        }
    }
}

/// The passphrase: the first line of `file`, else typed at the terminal without echo. Without a
/// terminal to type at (a pipe, a service), says to use `--passphrase-file` rather than the
/// system's "No such device or address".
pub(crate) fn passphrase(
    file: &Option<PathBuf>,
    prompt_id: &str,
    lang: Lang,
) -> Result<Vec<u8>, ApiError> {
    match file {
        Some(f) => minutebook_api::read_passphrase_file(f),
        None => rpassword::prompt_password(minutebook_api::tr(lang, prompt_id, &[]))
            .map(String::into_bytes)
            .map_err(|e| {
                let id = if e.raw_os_error() == Some(6) || e.kind() == std::io::ErrorKind::NotFound
                {
                    // ENXIO: no controlling terminal; NotFound: no /dev/tty at all.
                    "cli-passphrase-no-terminal"
                } else {
                    "cli-passphrase-unreadable"
                };
                ApiError::new(
                    minutebook_api::ErrorCode::Usage,
                    minutebook_api::tr(lang, id, &[("reason", e.to_string())]),
                )
            }),
    }
}

pub(crate) fn open(cli_db: &Option<PathBuf>, lang: Lang) -> Result<Book, ApiError> {
    let path = cli_db
        .clone()
        .unwrap_or_else(minutebook_api::default_db_path);
    open_path(&path, lang)
}

/// Opens the book; a failed daily backup is a warning on stderr, not a reason to stop.
fn open_path(path: &Path, lang: Lang) -> Result<Book, ApiError> {
    let book = Book::open(path)?;
    if let Some(w) = book.daily_backup().warning() {
        eprintln!("{}", w.localized(lang));
    }
    Ok(book)
}

/// Exports carry the signed record; when the book's rows of the meeting were changed after
/// signing, say so on standard error before writing anything.
fn warn_if_altered(book: &Book, id: i64, lang: Lang) -> Result<(), ApiError> {
    if let minutebook_api::Integrity::Altered { details } = book.integrity(id)? {
        eprintln!("⚠ {}", minutebook_api::tr(lang, "integrity-altered", &[]));
        for d in details {
            eprintln!("   - {d}");
        }
        eprintln!("{}", minutebook_api::tr(lang, "export-altered", &[]));
    }
    Ok(())
}

fn write_out(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    minutebook_api::write_file_atomically(path, bytes)
}

/// One line on standard output naming the file(s) an export wrote.
fn written(out: &mut impl Write, lang: Lang, files: &[&Path]) {
    let files = files
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    writeln!(
        out,
        "{}",
        minutebook_api::tr(lang, "cli-export-written", &[("files", files)])
    )
    .ok();
}

fn run(cli: Cli, lang: Lang) -> Result<ExitCode, ApiError> {
    let out = &mut std::io::stdout().lock();
    match cli.command {
        Command::Verify { path, trust, json } => {
            // The book whose pinned keys to trust: --db, else $MINUTEBOOK_DB (as --help says).
            // Verifying never creates a minute book: a path that does not exist is an error.
            let db = cli
                .db
                .clone()
                .or_else(|| std::env::var_os("MINUTEBOOK_DB").map(std::path::PathBuf::from));
            let book = match &db {
                Some(p) if !p.exists() => {
                    return Err(ApiError::with_detail(
                        minutebook_api::ErrorCode::NotFound,
                        "err-no-book-for-trust",
                        &[("path", p.display().to_string())],
                        format!(
                            "{}: no minute book there to take pinned keys from",
                            p.display()
                        ),
                    ));
                }
                Some(p) => Some(open_path(p, lang)?),
                None => None,
            };
            let result = verify::verify_path(&path, &trust, book.as_ref())?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&result).unwrap_or_default()
                )
                .ok();
            } else {
                print::verification(out, &result, lang);
            }
            return Ok(ExitCode::from(result.exit_code()));
        }
        Command::Demo => {
            let db = match cli.db.clone() {
                Some(db) => db,
                None => {
                    // The default demo file is the demo's own (older versions did not mark it).
                    let db = std::env::temp_dir().join("minutebook-demo.db");
                    minutebook_api::demo::remove_book_files(&db);
                    db
                }
            };
            let (book, id) = minutebook_api::demo::run(&db)?;
            writeln!(
                out,
                "{}",
                minutebook_api::tr(lang, "cli-demo-db", &[("path", db.display().to_string())])
            )
            .ok();
            print::report(out, &book.report(id, None)?, lang);
            return Ok(ExitCode::SUCCESS);
        }
        Command::Room(cmd) => return room::run(cmd, &cli.db, lang),
        _ => {}
    }
    let mut book = open(&cli.db, lang)?;
    match cli.command {
        Command::Cell(CellCmd::Create {
            name,
            upper_committee,
            place,
            code,
        }) => {
            let cell = book.create_cell(&minutebook_api::CellInput {
                name,
                upper_committee,
                place,
                document_code: code,
            })?;
            print::cell(out, &cell, lang);
        }
        Command::Cell(CellCmd::Show) => match book.cell()? {
            Some(cell) => print::cell(out, &cell, lang),
            None => return Err(ApiError::not_found("cell")),
        },
        Command::Cell(CellCmd::SetReading { reading }) => {
            book.set_default_reading(&reading)?;
        }
        Command::Roster(RosterCmd::Import { file }) => {
            let s = book.import_roster(&file)?;
            writeln!(
                out,
                "{}",
                minutebook_api::tr(
                    lang,
                    "cli-roster-imported",
                    &[
                        ("added", s.added.to_string()),
                        ("total", s.total.to_string())
                    ]
                )
            )
            .ok();
        }
        Command::Roster(RosterCmd::List { json }) => {
            let members = book.members()?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&members).unwrap_or_default()
                )
                .ok();
            } else {
                print::members(out, &members, lang);
            }
        }
        Command::Meeting(MeetingCmd::Import {
            file,
            allow_duplicate,
        }) => {
            let bytes = minutebook_api::read_input_file(&file)?;
            let imported = if allow_duplicate {
                book.import_meeting_allowing_duplicate(&bytes)
            } else {
                book.import_meeting(&bytes)
            };
            let id = match imported {
                Ok(id) => id,
                Err(e) if e.detail_id.as_deref() == Some("err-meeting-duplicate") => {
                    eprintln!("{}", e.localized(lang));
                    eprintln!(
                        "{}",
                        minutebook_api::tr(lang, "cli-import-allow-duplicate", &[])
                    );
                    return Ok(ExitCode::from(1));
                }
                Err(e) => return Err(e),
            };
            writeln!(
                out,
                "{}",
                minutebook_api::tr(lang, "cli-meeting-imported", &[])
            )
            .ok();
            writeln!(out, "{id}").ok();
        }
        Command::Meeting(MeetingCmd::Export { id, out: file }) => {
            let bytes = book.export_meeting(id)?;
            match file {
                Some(f) => write_out(&f, &bytes)?,
                None => {
                    out.write_all(&bytes).ok();
                }
            }
        }
        Command::Meeting(MeetingCmd::List { json }) => {
            let list = book.meetings()?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&list).unwrap_or_default()
                )
                .ok();
            } else {
                print::meetings(out, &list, lang);
            }
        }
        Command::Meeting(MeetingCmd::Close { id, yes }) => {
            let check = book.close_check(id)?;
            print::text_problems(&check.unprintable, lang, "close-unprintable");
            print::text_problems(&check.unfinished, lang, "close-unfinished");
            if check.unprintable.is_empty() && !check.unfinished.is_empty() && !yes {
                eprintln!("{}", minutebook_api::tr(lang, "cli-close-confirm", &[]));
                return Ok(ExitCode::from(1));
            }
            let r = book.close_meeting(id)?;
            print::record_info(out, &r, lang);
        }
        Command::Meeting(MeetingCmd::Reopen { id }) => {
            book.reopen_meeting(id)?;
            writeln!(
                out,
                "{}",
                minutebook_api::tr(lang, "cli-meeting-reopened", &[])
            )
            .ok();
        }
        Command::Vote(VoteCmd::Reading { id, vote, reading }) => {
            book.set_vote_reading(id, vote, &reading)?;
            print::report(out, &book.report(id, None)?, lang);
        }
        Command::Dashboard { year, json } => {
            if json {
                let d = book.dashboard(year)?;
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&d).unwrap_or_default()
                )
                .ok();
            } else {
                let d = book.dashboard(year)?;
                if d.meetings.is_empty() && d.skipped.is_empty() {
                    // Nothing to tabulate: say so on standard error (standard output is
                    // usually redirected into the CSV file), and write no CSV.
                    let years = if d.years.is_empty() {
                        minutebook_api::tr(lang, "cli-dashboard-no-meetings-at-all", &[])
                    } else {
                        minutebook_api::tr(
                            lang,
                            "cli-dashboard-years",
                            &[(
                                "years",
                                d.years
                                    .iter()
                                    .map(i32::to_string)
                                    .collect::<Vec<_>>()
                                    .join(", "),
                            )],
                        )
                    };
                    eprintln!(
                        "{} {years}",
                        minutebook_api::tr(
                            lang,
                            "cli-dashboard-empty",
                            &[("year", d.year.to_string())]
                        )
                    );
                    return Ok(ExitCode::SUCCESS);
                }
                write!(out, "{}", book.dashboard_csv(Some(d.year), lang)?).ok();
            }
        }
        Command::Search { query, limit, json } => {
            let hits = book.search(&query, limit)?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&hits).unwrap_or_default()
                )
                .ok();
            } else if hits.is_empty() {
                writeln!(
                    out,
                    "{}",
                    minutebook_api::tr(lang, "cli-search-none", &[("query", query.clone())])
                )
                .ok();
            } else {
                for h in &hits {
                    // A snippet may span lines of the minutes: keep each hit to two lines.
                    let snippet = h.snippet.split_whitespace().collect::<Vec<_>>().join(" ");
                    writeln!(
                        out,
                        "#{} {} {} [{}]\n    {}",
                        h.meeting, h.date, h.subject, h.kind, snippet
                    )
                    .ok();
                }
            }
        }
        Command::Report { id, json, reading } => {
            let report = book.report(id, reading.as_deref())?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&report).unwrap_or_default()
                )
                .ok();
            } else {
                print::report(out, &report, lang);
            }
        }
        Command::Key(KeyCmd::New {
            member,
            passphrase_file,
        }) => {
            let pass = passphrase(&passphrase_file, "cli-passphrase-prompt", lang)?;
            if passphrase_file.is_none() {
                let again = passphrase(&None, "cli-passphrase-again", lang)?;
                if again != pass {
                    return Err(ApiError::invalid(
                        "passphrases differ / hai lần nhập không khớp",
                    ));
                }
            }
            let key = book.key_new(&member, &pass)?;
            print::keys(out, std::slice::from_ref(&key), lang);
        }
        Command::Key(KeyCmd::Import {
            member,
            file,
            passphrase_file,
        }) => {
            let pem = minutebook_api::read_input_file(&file)?;
            let pass = passphrase(&passphrase_file, "cli-passphrase-prompt", lang)?;
            let key = book.key_import(&member, &pem, &pass)?;
            print::keys(out, std::slice::from_ref(&key), lang);
        }
        Command::Key(KeyCmd::Pin { member, file }) => {
            let pem = minutebook_api::read_input_file(&file)?;
            let key = book.key_pin(&member, &pem)?;
            print::keys(out, std::slice::from_ref(&key), lang);
        }
        Command::Key(KeyCmd::ExportPublic { member }) => {
            write!(out, "{}", book.key_export_public(&member)?).ok();
        }
        Command::Key(KeyCmd::List { json }) => {
            let keys = book.keys()?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&keys).unwrap_or_default()
                )
                .ok();
            } else {
                print::keys(out, &keys, lang);
            }
        }
        Command::Key(KeyCmd::Revoke { member, from }) => {
            book.key_revoke(&member, &from)?;
        }
        Command::Key(KeyCmd::ExportTrust { out: file }) => {
            write_out(&file, &book.trust_file()?)?;
        }
        Command::Sign {
            id,
            member,
            role,
            passphrase_file,
        } => {
            let info = book.record_info(id)?;
            if passphrase_file.is_none() {
                print::record_info(out, &info, lang);
            }
            let pass = passphrase(&passphrase_file, "cli-passphrase-prompt", lang)?;
            let signed = book.sign(id, &member, &role, &pass)?;
            print::signed(out, &signed, lang);
        }
        Command::Bundle(BundleCmd::Export {
            id,
            out: path,
            zip,
            version,
        }) => {
            warn_if_altered(&book, id, lang)?;
            match version {
                Some(v) => book.export_bundle_version(id, v, &path, zip)?,
                None => book.export_bundle(id, &path, zip)?,
            }
        }
        Command::Bundle(BundleCmd::ExportBook { out: path, zip }) => {
            let n = book.export_all_bundles(&path, zip)?;
            println!(
                "{}",
                minutebook_api::tr(
                    lang,
                    "cli-bundles-written",
                    &[
                        ("count", n.to_string()),
                        ("path", path.display().to_string())
                    ]
                )
            );
        }
        Command::SignRequest(SignRequestCmd::Export { id, out: path }) => {
            book.export_signing_request(id, &path)?;
        }
        Command::SignRequest(SignRequestCmd::Sign {
            request,
            member,
            role,
            passphrase_file,
            out: path,
        }) => {
            let pass = passphrase(&passphrase_file, "cli-passphrase-prompt", lang)?;
            let signed = book.sign_request(&request, &member, &role, &pass, &path)?;
            print::signed(out, &signed, lang);
        }
        Command::Attestation(AttestationCmd::Import { id, dir }) => {
            let signed = book.import_attestations(id, &dir)?;
            for s in &signed {
                print::signed(out, s, lang);
            }
        }
        Command::Export(ExportCmd::Pdf {
            id,
            out: path,
            draft,
        }) => {
            warn_if_altered(&book, id, lang)?;
            write_out(&path, &book.export_minutes_pdf(id, draft)?)?;
            written(out, lang, &[&path]);
        }
        Command::Export(ExportCmd::Resolution { id, out: path }) => {
            warn_if_altered(&book, id, lang)?;
            write_out(&path, &book.export_resolution_pdf(id)?)?;
            written(out, lang, &[&path]);
        }
        Command::Export(ExportCmd::AttendanceSheet { id, out: path }) => {
            warn_if_altered(&book, id, lang)?;
            write_out(&path, &book.export_attendance_sheet_pdf(id)?)?;
            written(out, lang, &[&path]);
        }
        Command::Export(ExportCmd::Invitation {
            id,
            out: pdf,
            ics,
            issued_on,
        }) => {
            if pdf.is_none() && ics.is_none() {
                return Err(ApiError::with_detail(
                    minutebook_api::ErrorCode::Usage,
                    "err-invitation-no-output",
                    &[],
                    "give --out FILE.pdf, --ics FILE.ics or both",
                ));
            }
            if pdf.is_some() && pdf == ics {
                return Err(ApiError::with_detail(
                    minutebook_api::ErrorCode::Usage,
                    "err-invitation-same-file",
                    &[],
                    "--out and --ics name the same file: the calendar entry would replace the notice",
                ));
            }
            let mut files: Vec<&Path> = Vec::new();
            if let Some(path) = &pdf {
                write_out(path, &book.export_invitation_pdf(id, issued_on.as_deref())?)?;
                files.push(path);
                // Written all the same; what the secretary should check goes to standard error.
                for w in book.invitation_warnings(id, issued_on.as_deref())? {
                    eprintln!("⚠ {}", w.localized(lang));
                }
            }
            if let Some(path) = &ics {
                write_out(path, book.export_invitation_ics(id)?.as_bytes())?;
                files.push(path);
            }
            written(out, lang, &files);
        }
        Command::Backup { path } => {
            book.backup(&path)?;
            writeln!(
                out,
                "{}",
                minutebook_api::tr(
                    lang,
                    "cli-backup-done",
                    &[("path", path.display().to_string())]
                )
            )
            .ok();
        }
        Command::Receipt(ReceiptCmd::PinKey { key }) => {
            book.set_committee_key(&key)?;
            writeln!(
                out,
                "{}",
                minutebook_api::tr(lang, "cli-receipt-key-pinned", &[])
            )
            .ok();
        }
        Command::Receipt(ReceiptCmd::Import { file }) => {
            let bytes = minutebook_api::read_input_file(&file)?;
            let text = String::from_utf8(bytes)
                .map_err(|_| ApiError::invalid(format!("{}: not a text file", file.display())))?;
            let r = book.import_receipt(&text)?;
            print::receipt(out, &r, lang);
        }
        Command::Receipt(ReceiptCmd::Show { id, json }) => match book.receipt(id)? {
            Some(r) if json => {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&r).unwrap_or_default()
                )
                .ok();
            }
            Some(r) => print::receipt(out, &r, lang),
            None => {
                writeln!(
                    out,
                    "{}",
                    minutebook_api::tr(lang, "cli-receipt-none", &[("id", id.to_string())])
                )
                .ok();
                return Ok(ExitCode::from(1));
            }
        },
        Command::Check { json } => {
            let report = book.check()?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&report).unwrap_or_default()
                )
                .ok();
            } else {
                print::check(out, &report, lang);
            }
            if !report.ok {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Verify { .. } | Command::Demo | Command::Room(_) => {
            unreachable!("handled above")
        }
    }
    Ok(ExitCode::SUCCESS)
}
