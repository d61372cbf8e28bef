//! The meeting room through the real binary over loopback (issue 12): the secretary's
//! `minutebook room open` driven on its standard input, members' `minutebook room join` as
//! separate processes with their own keys (made by stock `openssl`), through the March 2026
//! case: check-in (one late), asking to speak, a vote by show of hands and the admission vote by
//! secret ballot, close, signatures from members' laptops, the PDF verified. Then the faults: a
//! probationary member's vote, an unpinned key, a room key that is not the code's, and the
//! secretary's process killed mid-vote and restarted.

mod common;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use common::*;

const PASS: &str = "mật khẩu đủ dài";

/// A member's key made by openssl: encrypted PKCS#8 PEM (what `room join --key` takes), its
/// public key pinned in the secretary's roster under `name` unless `pin` is false.
fn member_key(env: &Env, file: &str, name: &str, pin: bool) -> PathBuf {
    let dir = env.path("keys");
    std::fs::create_dir_all(&dir).unwrap();
    let pass = env.path("pass.txt");
    let plain = dir.join(format!("{file}.plain.pem"));
    let enc = dir.join(format!("{file}.pem"));
    let public = dir.join(format!("{file}.pub.pem"));
    let run = |args: &[&str]| {
        let out = Command::new("openssl").args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&[
        "genpkey",
        "-algorithm",
        "ed25519",
        "-out",
        plain.to_str().unwrap(),
    ]);
    run(&[
        "pkcs8",
        "-topk8",
        "-v2",
        "aes-256-cbc",
        "-passout",
        &format!("file:{}", pass.display()),
        "-in",
        plain.to_str().unwrap(),
        "-out",
        enc.to_str().unwrap(),
    ]);
    run(&[
        "pkey",
        "-in",
        plain.to_str().unwrap(),
        "-pubout",
        "-out",
        public.to_str().unwrap(),
    ]);
    if pin {
        env.ok(&["key", "pin", "--member", name, public.to_str().unwrap()]);
    }
    enc
}

/// The secretary's room process: commands on stdin, answers on stdout (one line each).
struct Host {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
    /// What the room logged on stderr (admissions, refusals), for waiting on them.
    log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    code: String,
    first: String,
}

impl Host {
    fn open(env: &Env, id: &str) -> Host {
        Host::open_on(env, id, "127.0.0.1:0")
    }

    /// The port the room listens on (from its join code).
    fn port(&self) -> u16 {
        let addr = self.code.split('/').next().unwrap();
        addr.rsplit(':').next().unwrap().parse().unwrap()
    }

    fn open_on(env: &Env, id: &str, listen: &str) -> Host {
        let mut child = Command::new(env!("CARGO_BIN_EXE_minutebook"))
            .args([
                "--lang",
                "en",
                "--db",
                env.db().to_str().unwrap(),
                "room",
                "open",
                id,
                "--as",
                "Nguyễn Văn Hùng",
                "--listen",
                listen,
                "--passphrase-file",
                env.path("pass.txt").to_str().unwrap(),
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let (tx, lines) = channel();
        let out = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for l in BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(l).is_err() {
                    break;
                }
            }
        });
        let err = child.stderr.take().unwrap();
        let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = std::sync::Arc::clone(&log);
        std::thread::spawn(move || {
            for l in BufReader::new(err).lines().map_while(Result::ok) {
                eprintln!("[host] {l}");
                sink.lock().unwrap().push(l);
            }
        });
        let first = lines
            .recv_timeout(Duration::from_secs(30))
            .expect("join code");
        let code = first.rsplit(": ").next().unwrap().to_owned();
        let fp = lines.recv_timeout(Duration::from_secs(5)).unwrap();
        assert!(fp.starts_with("Room key fingerprint"), "{fp}");
        Host {
            child,
            stdin,
            lines,
            log,
            code,
            first,
        }
    }

    /// Waits until the room has logged `what` `times` times.
    fn wait_logged(&self, what: &str, times: usize) {
        for _ in 0..600 {
            if self
                .log
                .lock()
                .unwrap()
                .iter()
                .filter(|l| l.contains(what))
                .count()
                >= times
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "the room never logged {what:?}: {:?}",
            self.log.lock().unwrap()
        );
    }

    /// Sends one command and returns its one-line answer.
    fn say(&mut self, line: &str) -> String {
        writeln!(self.stdin, "{line}").unwrap();
        self.stdin.flush().unwrap();
        self.lines
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("no answer to {line:?}"))
    }

    fn state(&mut self) -> serde_json::Value {
        serde_json::from_str(&self.say("state")).unwrap()
    }

    /// Waits until the room's state satisfies `ready`.
    fn wait_for(&mut self, what: &str, ready: impl Fn(&serde_json::Value) -> bool) {
        for _ in 0..300 {
            if ready(&self.state()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the room never showed {what}: {}", self.state());
    }

    fn quit(mut self) {
        writeln!(self.stdin, "quit").unwrap();
        let status = self.child.wait().unwrap();
        assert!(status.success());
    }
}

fn join(env: &Env, host: &Host, key: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_minutebook"));
    c.args(["--lang", "en", "room", "join", &host.code, "--key"])
        .arg(key)
        .args(["--passphrase-file", env.path("pass.txt").to_str().unwrap()])
        .args(["--wait", "60"])
        .args(args);
    c
}

fn run(mut c: Command) -> Output {
    c.output().unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn march_meeting_in_the_room_from_members_laptops() {
    let env = Env::new();
    env.write("pass.txt", &format!("{PASS}\n"));
    let id = env.import_march();
    let pass = env.path("pass.txt");
    env.ok(&[
        "key",
        "new",
        "--member",
        "Nguyễn Văn Hùng",
        "--passphrase-file",
        pass.to_str().unwrap(),
    ]);
    let mai = member_key(&env, "mai", "Đỗ Thị Mai", true);
    let ha = member_key(&env, "ha", "Phạm Thu Hà", true);
    let duc = member_key(&env, "duc", "Trịnh Minh Đức", true);
    let long = member_key(&env, "long", "Đặng Văn Long", true);
    let stranger = member_key(&env, "stranger", "", false);

    let mut host = Host::open(&env, &id);
    assert!(
        host.first.starts_with("The room is open."),
        "{}",
        host.first
    );

    // Before the meeting starts: Mai checks in (on time) and asks to speak.
    let o = run(join(&env, &host, &mai, &["--check-in", "--speak"]));
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("as Đỗ Thị Mai"), "{}", text(&o));
    assert!(text(&o).contains("Checked in: present\n"), "{}", text(&o));
    assert!(text(&o).contains("Asked to speak, place 1"), "{}", text(&o));

    // A key the roster does not pin is refused, with the reason, and nothing changes.
    let o = run(join(&env, &host, &stranger, &["--check-in"]));
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("is not in the cell's roster"),
        "{}",
        text(&o)
    );
    // A room whose key is not the pinned fingerprint is refused by the member's side.
    let wrong = "ab".repeat(32);
    let o = run(join(&env, &host, &mai, &["--fingerprint", &wrong]));
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("is not the pinned one"), "{}", text(&o));

    // The meeting starts. Đức (probationary) and Hà check in after it: the minute-taker had
    // marked them present, so they stay on time. Long, marked absent, arrives: late, with the
    // time.
    assert_eq!(host.say("start 00:00"), "Meeting started at 00:00");
    let o = run(join(&env, &host, &duc, &["--check-in"]));
    assert!(text(&o).contains("Checked in: present\n"), "{}", text(&o));
    let keep_ha = env.path("ha-own");
    let o = run(join(
        &env,
        &host,
        &ha,
        &["--check-in", "--keep", keep_ha.to_str().unwrap()],
    ));
    assert!(text(&o).contains("Checked in: present\n"), "{}", text(&o));
    let o = run(join(&env, &host, &long, &["--check-in"]));
    assert!(text(&o).contains("arrived late at"), "{}", text(&o));
    let state = host.state();
    let present = |name: &str| {
        state["present"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["full_name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(present("Đỗ Thị Mai")["checked_in"], true);
    assert!(present("Đỗ Thị Mai")["arrived_at"].is_null());
    assert!(present("Phạm Thu Hà")["arrived_at"].is_null());
    assert!(present("Đặng Văn Long")["arrived_at"].is_string());
    assert_eq!(state["queue"][0], "Đỗ Thị Mai");
    assert_eq!(host.say("next"), "The floor goes to Đỗ Thị Mai");

    // Both members wait on their laptops for the votes and the signature.
    let keep_mai = env.path("mai-own");
    let mai_run = join(
        &env,
        &host,
        &mai,
        &[
            "--vote",
            "1=yes",
            "--vote",
            "2=yes",
            "--sign",
            "member",
            "--keep",
            keep_mai.to_str().unwrap(),
        ],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let ha_run = join(
        &env,
        &host,
        &ha,
        &[
            "--vote",
            "1=yes",
            "--vote",
            "2=no",
            "--sign",
            "minute-taker",
            "--keep",
            keep_ha.to_str().unwrap(),
        ],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();

    // Vote 1, by show of hands: two by name from laptops, six hands counted in the room.
    assert!(host.say("vote 1").starts_with("Vote 1 open"));
    host.wait_for("two votes cast", |s| s["open_vote"]["cast"] == 2);
    // Đức may not vote: refused with the reason.
    let o = run(join(&env, &host, &duc, &["--vote", "1=yes"]));
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("probationary members do not vote"),
        "{}",
        text(&o)
    );
    assert_eq!(
        host.say("close-vote 6 0 0"),
        "Vote 1 closed: for 8, against 0, other 0"
    );
    // Vote 2, the admission, by secret ballot.
    assert!(host.say("vote 2").starts_with("Vote 2 open"));
    host.wait_for("two ballots", |s| s["open_vote"]["cast"] == 2);
    assert_eq!(
        host.say("close-vote 6 0 0"),
        "Vote 2 closed: for 7, against 1, other 0"
    );
    let state = host.state();
    assert_eq!(state["results"][1]["method"], "secret-ballot");
    assert_eq!(state["results"][1]["eligible"], 9);
    assert_eq!(state["results"][1]["passed"], true);

    assert!(host.say("end").starts_with("Meeting ended at"));
    assert!(host.say("close").starts_with("Meeting closed; record"));
    let mai_out = mai_run.wait_with_output().unwrap();
    assert!(mai_out.status.success(), "{}", text(&mai_out));
    assert!(text(&mai_out).contains("Ballot cast. A secret ballot keeps no name."));
    assert!(
        text(&mai_out).contains("Minutes signed"),
        "{}",
        text(&mai_out)
    );
    let ha_out = ha_run.wait_with_output().unwrap();
    assert!(ha_out.status.success(), "{}", text(&ha_out));
    // Đức signs from his laptop after rejoining.
    let o = run(join(&env, &host, &duc, &["--sign", "member"]));
    assert!(o.status.success(), "{}", text(&o));
    // The chair signs on the secretary's laptop while the room is open.
    env.ok(&[
        "sign",
        &id,
        "--member",
        "Nguyễn Văn Hùng",
        "--role",
        "chair",
        "--passphrase-file",
        pass.to_str().unwrap(),
    ]);
    host.wait_for("four signatures", |s| {
        s["signed"].as_array().unwrap().len() == 4
    });
    host.quit();

    // The book: the votes as counted in the room, everything intact, the PDF verifies.
    let report = env.json(&["report", &id, "--json"]);
    let votes = &report["votes"];
    assert_eq!(
        (votes[0]["yes"].as_u64(), votes[0]["no"].as_u64()),
        (Some(8), Some(0))
    );
    assert_eq!(
        (votes[1]["yes"].as_u64(), votes[1]["no"].as_u64()),
        (Some(7), Some(1))
    );
    assert_eq!(report["status"], "signed");
    let check = env.run(&["check"]);
    assert!(check.status.success(), "{}", text(&check));
    let pdf = env.path("march.pdf");
    env.ok(&["export", "pdf", &id, "--out", pdf.to_str().unwrap()]);
    let v = env.run(&["verify", pdf.to_str().unwrap()]);
    assert_eq!(v.status.code(), Some(0), "{}", text(&v));
    for signer in [
        "Đỗ Thị Mai",
        "Phạm Thu Hà",
        "Trịnh Minh Đức",
        "Nguyễn Văn Hùng",
    ] {
        assert!(
            text(&v).contains(&format!("{signer} — signature valid")),
            "{signer}: {}",
            text(&v)
        );
    }

    // Each member kept their own copy; stock openssl verifies what they signed.
    let kept: Vec<String> = std::fs::read_dir(&keep_ha)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for suffix in [
        "-check-in.json",
        "-vote-1.json",
        ".minute-taker.json",
        ".record.json",
    ] {
        assert!(
            kept.iter().any(|k| k.ends_with(suffix)),
            "{suffix} in {kept:?}"
        );
    }
    assert!(
        !kept.iter().any(|k| k.contains("vote-2")),
        "a secret ballot leaves no signed statement"
    );
    for stem in kept
        .iter()
        .filter(|k| k.ends_with(".json") && !k.ends_with(".record.json"))
    {
        let json = keep_ha.join(stem);
        let sig = keep_ha.join(stem.replace(".json", ".sig"));
        let o = Command::new("openssl")
            .args(["pkeyutl", "-verify", "-pubin", "-inkey"])
            .arg(env.path("keys/ha.pub.pem"))
            .arg("-rawin")
            .arg("-in")
            .arg(&json)
            .arg("-sigfile")
            .arg(&sig)
            .output()
            .unwrap();
        assert!(o.status.success(), "{stem}: {}", text(&o));
    }
    // The secret ballot: who returned one is kept, what it said is not linked to anyone.
    let db = env.db();
    let rows = Command::new("sqlite3")
        .arg(&db)
        .arg("SELECT count(*) FROM room_ballots_cast; SELECT yes, no FROM room_ballot_boxes WHERE vote_index = 1; SELECT count(*) FROM room_statements WHERE vote_index = 1;")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&rows.stdout), "2\n1|1\n0\n");
}

#[test]
fn the_secretary_killed_mid_vote_resumes_with_every_acknowledged_ballot_and_members_rejoin() {
    let env = Env::new();
    env.write("pass.txt", &format!("{PASS}\n"));
    let id = env.import_march();
    env.ok(&[
        "key",
        "new",
        "--member",
        "Nguyễn Văn Hùng",
        "--passphrase-file",
        env.path("pass.txt").to_str().unwrap(),
    ]);
    let mai = member_key(&env, "mai", "Đỗ Thị Mai", true);
    let ha = member_key(&env, "ha", "Phạm Thu Hà", true);

    let mut host = Host::open(&env, &id);
    host.say("start 00:00");
    let o = run(join(&env, &host, &mai, &["--check-in"]));
    assert!(o.status.success(), "{}", text(&o));
    host.say("vote 2");
    let o = run(join(&env, &host, &mai, &["--vote", "2=no"]));
    assert!(text(&o).contains("Ballot cast"), "{}", text(&o));
    // Hà's laptop waits in the room to sign the minutes when they are closed.
    let keep_ha = env.path("ha-own");
    let ha_run = join(
        &env,
        &host,
        &ha,
        &[
            "--sign",
            "minute-taker",
            "--keep",
            keep_ha.to_str().unwrap(),
        ],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    host.wait_logged("Phạm Thu Hà", 1);
    // kill -9: no chance to say goodbye.
    let port = host.port();
    host.child.kill().unwrap();
    host.child.wait().unwrap();

    let mut host = Host::open_on(&env, &id, &format!("127.0.0.1:{port}"));
    assert!(
        host.first.starts_with("The room was resumed"),
        "{}",
        host.first
    );
    let state = host.state();
    assert_eq!(state["open_vote"]["index"], 1, "the vote is still open");
    assert_eq!(state["open_vote"]["cast"], 1, "Mai's ballot survived");
    // The same member cannot vote again; another can.
    let o = run(join(&env, &host, &mai, &["--vote", "2=yes"]));
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("already voted"), "{}", text(&o));
    let o = run(join(&env, &host, &ha, &["--check-in", "--vote", "2=yes"]));
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(
        host.say("close-vote 6 0 0"),
        "Vote 2 closed: for 7, against 1, other 0"
    );
    host.say("end");
    assert!(host.say("close").starts_with("Meeting closed; record"));
    // Hà's laptop, which lost the room when it was killed, joined it again and signed.
    let o = ha_run.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("Minutes signed"), "{}", text(&o));
    host.wait_for("Hà's signature", |s| s["signed"][0] == "Phạm Thu Hà");
    host.quit();
    let check = env.run(&["check"]);
    assert!(check.status.success(), "{}", text(&check));
}

/// The March meeting file with 38 more official members (51 on the roster), all present.
fn fifty_member_meeting(env: &Env) -> PathBuf {
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example()).unwrap()).unwrap();
    let template = file["roster"][4].clone();
    let attendance = file["meeting"]["attendance"][4].clone();
    for i in 14..=51 {
        let mut m = template.clone();
        m["id"] = format!("m{i:02}").into();
        m["full_name"] = format!("Thành viên thử {i:02}").into();
        m["party_card_number"] = format!("02.{i:06}").into();
        file["roster"].as_array_mut().unwrap().push(m);
        let mut a = attendance.clone();
        a["member_id"] = format!("m{i:02}").into();
        file["meeting"]["attendance"]
            .as_array_mut()
            .unwrap()
            .push(a);
    }
    let path = env.path("fifty.json");
    std::fs::write(&path, serde_json::to_string_pretty(&file).unwrap()).unwrap();
    path
}

#[test]
fn fifty_members_from_the_command_line_check_in_vote_and_sign() {
    let env = Env::new();
    env.write("pass.txt", &format!("{PASS}\n"));
    let file = fifty_member_meeting(&env);
    let out = env.ok(&["meeting", "import", file.to_str().unwrap()]);
    let id = out.lines().last().unwrap().trim().to_owned();
    env.ok(&[
        "key",
        "new",
        "--member",
        "Nguyễn Văn Hùng",
        "--passphrase-file",
        env.path("pass.txt").to_str().unwrap(),
    ]);
    let members: Vec<serde_json::Value> = env
        .json(&["roster", "list", "--json"])
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(members.len(), 51);
    // Fifty members join from their laptops; the cell secretary hosts.
    let keys: Vec<(PathBuf, bool)> = members
        .iter()
        .filter(|m| m["full_name"] != "Nguyễn Văn Hùng")
        .enumerate()
        .map(|(i, m)| {
            let name = m["full_name"].as_str().unwrap();
            let official = m["category"] == "official";
            (member_key(&env, &format!("k{i:02}"), name, true), official)
        })
        .collect();

    let mut host = Host::open(&env, &id);
    host.say("start 00:00");
    let runs: Vec<Child> = keys
        .iter()
        .map(|(key, official)| {
            let mut args = vec!["--check-in"];
            if *official {
                args.extend(["--vote", "1=yes", "--vote", "2=no"]);
            }
            args.extend(["--sign", "member"]);
            join(&env, &host, key, &args)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    // The secretary's side answers throughout.
    host.wait_for("fifty check-ins", |s| {
        s["present"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["checked_in"] == true)
            .count()
            == 50
    });
    host.say("vote 1");
    host.wait_for("48 votes by name", |s| s["open_vote"]["cast"] == 48);
    assert_eq!(
        host.say("close-vote"),
        "Vote 1 closed: for 48, against 0, other 0"
    );
    host.say("vote 2");
    host.wait_for("48 ballots", |s| s["open_vote"]["cast"] == 48);
    assert_eq!(
        host.say("close-vote"),
        "Vote 2 closed: for 0, against 48, other 0"
    );
    let state = host.state();
    assert_eq!(state["results"][0]["passed"], true);
    assert_eq!(state["results"][1]["passed"], false);
    host.say("end");
    assert!(host.say("close").starts_with("Meeting closed; record"));
    for run in runs {
        let o = run.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", text(&o));
    }
    host.wait_for("fifty signatures", |s| {
        s["signed"].as_array().unwrap().len() == 50
    });
    host.quit();
    let check = env.run(&["check"]);
    assert!(check.status.success(), "{}", text(&check));
    let report = env.json(&["report", &id, "--json"]);
    assert_eq!(report["votes"][1]["no"], 48);
}
