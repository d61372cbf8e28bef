//! `minutebook-archive` — the committee archive from a terminal (so far: create or upgrade its
//! schema).
//!
//! Arguments are parsed here and every message comes from the Fluent catalogue
//! (`i18n/vi.ftl`, `i18n/en.ftl`, Vietnamese by default). Exit codes: 0 success; 2 usage or
//! database error.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use minutebook_api::{Lang, tr};
use minutebook_archive::{ArchiveError, db, schema};

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

fn run(cli: Cli, lang: Lang) -> Result<ExitCode, ArchiveError> {
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
    }
}
