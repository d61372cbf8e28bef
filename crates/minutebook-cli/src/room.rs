//! `minutebook room open` (the secretary's side, driven by commands on standard input) and
//! `minutebook room join` (a member's side, doing what its flags say, in order).

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Subcommand;
use minutebook_api::{ApiError, ErrorCode, Lang, tr};

#[derive(Subcommand)]
pub(crate) enum RoomCmd {
    /// Open the room of a meeting and run it from this terminal: prints the join code, then
    /// reads commands (one per line) on standard input until `quit`.
    Open {
        /// Meeting id.
        id: i64,
        /// Whose key is the room's key (member id or exact full name), usually the cell
        /// secretary's.
        #[arg(long = "as", value_name = "MEMBER")]
        host: String,
        /// Address to listen on; default every interface, any free port.
        #[arg(long, default_value = "0.0.0.0:0")]
        listen: String,
        /// File holding the passphrase.
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
    /// Join a room from a member's own laptop and do what the flags say, in this order:
    /// check in, ask to speak, each vote as it opens, sign once the meeting is closed.
    Join {
        /// The join code the secretary shows (ADDRESS:PORT/XXXX-XXXX-XXXX-XXXX-XXXX).
        code: String,
        /// The member's key: encrypted PKCS#8 PEM.
        #[arg(long)]
        key: PathBuf,
        /// File holding the key's passphrase.
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
        /// The room key's full fingerprint as the secretary reads it out (checked too).
        #[arg(long)]
        fingerprint: Option<String>,
        /// Check in (present; late if the meeting has started).
        #[arg(long)]
        check_in: bool,
        /// Ask to speak.
        #[arg(long)]
        speak: bool,
        /// Vote N (from 1) with yes, no or abstain when it opens, e.g. --vote 2=yes.
        #[arg(long = "vote", value_name = "N=CHOICE")]
        votes: Vec<String>,
        /// Sign the closed minutes in this role (member, chair, minute-taker).
        #[arg(long, value_name = "ROLE")]
        sign: Option<String>,
        /// Keep your own copy of what you sign in this folder.
        #[arg(long)]
        keep: Option<PathBuf>,
        /// Seconds to wait for each vote to open and for the meeting to close.
        #[arg(long, default_value_t = 600)]
        wait: u64,
    },
}

fn say(out: &mut impl Write, line: &str) {
    writeln!(out, "{line}").ok();
    out.flush().ok();
}

pub(crate) fn run(cmd: RoomCmd, db: &Option<PathBuf>, lang: Lang) -> Result<ExitCode, ApiError> {
    let out = &mut std::io::stdout().lock();
    match cmd {
        RoomCmd::Open {
            id,
            host,
            listen,
            passphrase_file,
        } => {
            let listen = listen.parse().map_err(|_| {
                ApiError::new(
                    ErrorCode::Usage,
                    format!("--listen {listen:?}: an address and port, e.g. 0.0.0.0:47123"),
                )
            })?;
            let pass = crate::passphrase(&passphrase_file, "cli-passphrase-prompt", lang)?;
            let book = crate::open(db, lang)?;
            let log: minutebook_api::room::Log =
                Arc::new(move |e: &minutebook_api::room::RoomEvent| {
                    eprintln!("room: {}", minutebook_api::room::log_line(e, lang));
                });
            let opened = book.open_room(id, &host, &pass, listen, lang, log)?;
            let code = opened.code.to_string();
            let first = if opened.resumed {
                "cli-room-resumed"
            } else {
                "cli-room-opened"
            };
            say(out, &tr(lang, first, &[("code", code)]));
            say(
                out,
                &tr(
                    lang,
                    "cli-room-fingerprint",
                    &[("fingerprint", opened.fingerprint_grouped.clone())],
                ),
            );
            // For people at a terminal (not a script reading the lines): the code as a QR code.
            if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                say(out, &opened.qr_text());
            }
            let room = opened.room;
            let mut input = std::io::stdin().lock().lines();
            loop {
                let line = match input.next() {
                    Some(Ok(line)) => line,
                    // End of input: stop serving. A room that cannot end (a vote is open) stays
                    // open in the book, to be resumed by the next `room open`.
                    _ => {
                        if let Err(r) = room.end() {
                            say(out, &format!("! {}", r.message));
                        }
                        break;
                    }
                };
                match line.trim() {
                    "" => {}
                    "quit" => match room.end() {
                        Ok(()) => break,
                        Err(r) => say(out, &format!("! {}", r.message)),
                    },
                    "state" => {
                        if let Ok(state) = room.state() {
                            say(out, &serde_json::to_string(&state).unwrap_or_default());
                        }
                    }
                    line => match room.command(line) {
                        Ok(message) => say(out, &message),
                        Err(r) => say(out, &format!("! {}", r.message)),
                    },
                }
            }
            room.close();
            Ok(ExitCode::SUCCESS)
        }
        RoomCmd::Join {
            code,
            key,
            passphrase_file,
            fingerprint,
            check_in,
            speak,
            votes,
            sign,
            keep,
            wait,
        } => {
            let wait = Duration::from_secs(wait);
            let mut plan = Vec::new();
            for v in &votes {
                let parsed = v
                    .split_once('=')
                    .and_then(|(n, c)| Some((n.trim().parse::<u32>().ok()?, c.trim().to_owned())));
                match parsed {
                    Some(p) if p.0 >= 1 => plan.push(p),
                    _ => {
                        return Err(ApiError::new(
                            ErrorCode::Usage,
                            format!("--vote {v:?}: N=CHOICE, e.g. 2=yes"),
                        ));
                    }
                }
            }
            let pem = minutebook_api::read_input_file(&key)?;
            let pem = String::from_utf8_lossy(&pem).into_owned();
            let pass = crate::passphrase(&passphrase_file, "cli-passphrase-prompt", lang)?;
            let mut member = minutebook_api::room_member::join_room(
                &code,
                &pem,
                &pass,
                fingerprint.as_deref(),
                keep.as_deref(),
            )?;
            let (_, name) = member.you();
            say(
                out,
                &tr(
                    lang,
                    "cli-room-joined",
                    &[
                        ("subject", member.subject().to_owned()),
                        ("name", name.to_owned()),
                    ],
                ),
            );
            if check_in {
                say(out, &member.check_in()?);
            }
            if speak {
                say(out, &member.ask_to_speak()?);
            }
            for (n, choice) in plan {
                say(out, &member.vote(n, &choice, wait)?);
            }
            if let Some(role) = sign {
                let (sha, message) = member.sign(&role, wait)?;
                say(out, &message);
                say(
                    out,
                    &tr(
                        lang,
                        "cli-room-signed-record",
                        &[("sha", sha), ("role", role)],
                    ),
                );
            }
            if let Some(dir) = keep {
                say(
                    out,
                    &tr(
                        lang,
                        "cli-room-member-file",
                        &[("path", dir.display().to_string())],
                    ),
                );
            }
            member.leave();
            Ok(ExitCode::SUCCESS)
        }
    }
}
