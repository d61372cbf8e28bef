//! `room` — the meeting room with many members on loopback (issue 12's benchmark).
//!
//! The secretary's side is the real `minutebook room open` process (so its CPU and memory are
//! its own); the members are `minutebook_room::Member`s on threads of this process, each with its
//! own key pinned in the roster. The meeting is the March 2026 case grown to `--members` + 1
//! members and `--votes` votes (alternating show of hands and secret ballot).
//!
//! Measured, printed as one table:
//! - check-in → the secretary's state: each member's check-in round trip (the host stores it,
//!   sends everyone the new state, then the reply), p50/p95/max;
//! - last ballot → result shown: from `close-vote` typed after the last ballot was acknowledged
//!   to every member holding the state with the result, p50/p95/max over the votes;
//! - the secretary's process: resident memory with the room open and nobody in it, and with
//!   every member connected after the votes; CPU time used during the run over its wall time.
//!
//! Usage: `room [--members N] [--votes V] [--minutebook PATH]` (defaults 50, 20,
//! target/release/minutebook). Targets (issue 12): check-in p95 < 100 ms, result p95 < 200 ms,
//! memory within 1.2× of the room without members.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use minutebook_api::{Book, room_member};

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn proc_rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn proc_cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name in parentheses; utime and stime are the 14th and 15th.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let n = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    n(11) + n(12)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let members: usize = arg(&args, "--members")
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let votes: usize = arg(&args, "--votes")
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let exe = PathBuf::from(
        arg(&args, "--minutebook").unwrap_or_else(|| "target/release/minutebook".to_owned()),
    );
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = dir.path().join("book.db");
    let pass = "mật khẩu đủ dài";

    // The meeting: the March case with `members` more official members and `votes` votes.
    let example =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/meeting-2026-03.json");
    let mut file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(example).expect("examples/meeting-2026-03.json"))
            .expect("JSON");
    let template = file["roster"][4].clone();
    let present = file["meeting"]["attendance"][4].clone();
    for i in 0..members {
        let mut m = template.clone();
        m["id"] = format!("x{i:03}").into();
        m["full_name"] = format!("Thành viên thử {i:03}").into();
        m["party_card_number"] = format!("03.{i:06}").into();
        file["roster"].as_array_mut().unwrap().push(m);
        let mut a = present.clone();
        a["member_id"] = format!("x{i:03}").into();
        file["meeting"]["attendance"]
            .as_array_mut()
            .unwrap()
            .push(a);
    }
    let vote = file["meeting"]["votes"][0].clone();
    let secret = file["meeting"]["votes"][1].clone();
    file["meeting"]["votes"] = (0..votes)
        .map(|i| {
            let mut v = if i % 2 == 0 {
                vote.clone()
            } else {
                secret.clone()
            };
            v["subject"] = format!("Biểu quyết thử số {}", i + 1).into();
            v
        })
        .collect::<Vec<_>>()
        .into();
    let mut book = Book::open(&db).expect("book");
    let id = book
        .import_meeting(serde_json::to_string(&file).unwrap().as_bytes())
        .expect("import the meeting");
    book.key_new("Nguyễn Văn Hùng", pass.as_bytes())
        .expect("host key");
    let mut keys = Vec::new();
    for i in 0..members {
        let key = minutebook_sign::keys::generate().expect("key");
        let pem = minutebook_sign::keys::public_key_pem(&key.verifying_key());
        book.key_pin(&format!("Thành viên thử {i:03}"), pem.as_bytes())
            .expect("pin");
        let enc =
            minutebook_sign::keys::encrypt_private_key_pem(&key, pass.as_bytes()).expect("encrypt");
        keys.push(enc.to_string());
    }
    drop(book);
    let pass_file = dir.path().join("pass.txt");
    std::fs::write(&pass_file, format!("{pass}\n")).unwrap();

    // The secretary's room: a real process.
    let mut host = Command::new(&exe)
        .args(["--lang", "en", "--db"])
        .arg(&db)
        .args(["room", "open", &id.to_string(), "--as", "Nguyễn Văn Hùng"])
        .args(["--listen", "127.0.0.1:0", "--passphrase-file"])
        .arg(&pass_file)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e} (build it: cargo build --release)", exe.display()));
    let pid = host.id();
    let mut stdin = host.stdin.take().unwrap();
    let (tx, lines) = channel();
    let out = host.stdout.take().unwrap();
    std::thread::spawn(move || {
        for l in BufReader::new(out).lines().map_while(Result::ok) {
            let _ = tx.send(l);
        }
    });
    let first = lines
        .recv_timeout(Duration::from_secs(60))
        .expect("join code");
    let code = first.rsplit(": ").next().unwrap().to_owned();
    let _fingerprint = lines.recv_timeout(Duration::from_secs(5));
    let mut say = |line: &str| {
        writeln!(stdin, "{line}").unwrap();
        stdin.flush().unwrap();
        lines.recv_timeout(Duration::from_secs(60)).expect("answer")
    };
    std::thread::sleep(Duration::from_millis(500));
    let rss_empty = proc_rss_kib(pid);
    let cpu_start = proc_cpu_ticks(pid);
    let wall = Instant::now();
    say("start 00:00");

    // Members join and check in, all at once.
    let (done_tx, done) = channel::<(usize, f64, room_member::RoomMember)>();
    for (i, pem) in keys.into_iter().enumerate() {
        let code = code.clone();
        let done_tx = done_tx.clone();
        std::thread::spawn(move || {
            let mut m =
                room_member::join_room(&code, &pem, pass.as_bytes(), None, None).expect("join");
            let t = Instant::now();
            m.check_in().expect("check in");
            let _ = done_tx.send((i, t.elapsed().as_secs_f64() * 1000.0, m));
        });
    }
    drop(done_tx);
    let mut check_in_ms = Vec::new();
    let mut room: Vec<room_member::RoomMember> = Vec::new();
    for (_, ms, m) in done.iter() {
        check_in_ms.push(ms);
        room.push(m);
    }
    assert_eq!(room.len(), members, "every member checked in");

    // Each vote: open it, everyone votes, close it, time until every member has the result.
    let mut result_ms = Vec::new();
    for v in 1..=votes {
        say(&format!("vote {v}"));
        let (back_tx, back) = channel();
        for mut m in room.drain(..) {
            let back_tx = back_tx.clone();
            std::thread::spawn(move || {
                m.vote(v as u32, "yes", Duration::from_secs(60))
                    .expect("vote");
                let _ = back_tx.send(m);
            });
        }
        drop(back_tx);
        room = back.iter().collect();
        let t = Instant::now();
        say("close-vote");
        let (seen_tx, seen) = channel();
        for mut m in room.drain(..) {
            let seen_tx = seen_tx.clone();
            std::thread::spawn(move || {
                m.wait_for(
                    |s| s.results.iter().any(|r| r.index as usize == v - 1),
                    Duration::from_secs(60),
                )
                .expect("result");
                let _ = seen_tx.send((Instant::now(), m));
            });
        }
        drop(seen_tx);
        let mut last = t;
        for (at, m) in seen.iter() {
            last = last.max(at);
            room.push(m);
        }
        result_ms.push(last.duration_since(t).as_secs_f64() * 1000.0);
    }
    let rss_full = proc_rss_kib(pid);
    let cpu = proc_cpu_ticks(pid).saturating_sub(cpu_start);
    let wall_s = wall.elapsed().as_secs_f64();
    say("end");
    writeln!(stdin, "quit").unwrap();
    for m in room {
        m.leave();
    }
    let _ = host.wait();

    check_in_ms.sort_by(f64::total_cmp);
    result_ms.sort_by(f64::total_cmp);
    let ticks = 100.0; // USER_HZ on Linux
    println!("| room, {members} members on loopback, {votes} votes | p50 | p95 | max | target |");
    println!("|---|---:|---:|---:|---|");
    println!(
        "| check-in → secretary's state (ms) | {:.1} | {:.1} | {:.1} | p95 < 100 |",
        pct(&check_in_ms, 0.5),
        pct(&check_in_ms, 0.95),
        pct(&check_in_ms, 1.0)
    );
    println!(
        "| last ballot → result shown to all (ms) | {:.1} | {:.1} | {:.1} | p95 < 200 |",
        pct(&result_ms, 0.5),
        pct(&result_ms, 0.95),
        pct(&result_ms, 1.0)
    );
    println!(
        "| secretary's process RSS: room open, nobody in it → {members} connected (MiB) | {:.1} | {:.1} | ratio {:.2} | ≤ 1.2× |",
        rss_empty as f64 / 1024.0,
        rss_full as f64 / 1024.0,
        rss_full as f64 / rss_empty.max(1) as f64
    );
    println!(
        "| secretary's process CPU over the run | {:.1} s of {:.1} s wall | {:.0}% of one core | | |",
        cpu as f64 / ticks,
        wall_s,
        100.0 * cpu as f64 / ticks / wall_s
    );
}
