//! The meeting room under hostile clients (issue 12): a real book behind a real room on
//! loopback, real members joining with keys pinned in the roster, and peers that misbehave —
//! an unpinned key, garbage, oversized and empty frames, a silent half-open handshake, a
//! connection flood, malformed and oversized messages after a valid handshake, a request flood,
//! statements for another room, a second ballot. Each is refused (and logged) while a member
//! already in the room keeps working, and the book's `check` passes afterwards.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ed25519_dalek::SigningKey;
use minutebook_api::{Book, Lang};
use minutebook_room::channel::{self, ChannelError};
use minutebook_room::protocol::{MAX_TO_HOST, ToHost};
use minutebook_room::{Choice, JoinCode, Member, MemberError, Room};

use crate::support::*;

struct Open {
    room: Room,
    code: JoinCode,
    log: Arc<Mutex<Vec<String>>>,
    db: std::path::PathBuf,
    _dir: tempfile::TempDir,
    mai: SigningKey,
    ha: SigningKey,
    duc: SigningKey,
}

/// The March meeting's room, hosted with the chair's key; Mai, Hà (official) and Đức
/// (probationary) have keys pinned in the roster.
fn open() -> Open {
    let (case, id) = Case::with_meeting();
    let Case { dir, mut book } = case;
    book.key_new(CHAIR, PASS).unwrap();
    let mut pin = |name: &str| {
        let key = minutebook_sign::keys::generate().unwrap();
        let pem = minutebook_sign::keys::public_key_pem(&key.verifying_key());
        book.key_pin(name, pem.as_bytes()).unwrap();
        key
    };
    let mai = pin("Đỗ Thị Mai");
    let ha = pin(MINUTE_TAKER);
    let duc = pin("Trịnh Minh Đức");
    let db = book.path().to_path_buf();
    let log = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&log);
    let opened = book
        .open_room(
            id,
            CHAIR,
            PASS,
            "127.0.0.1:0".parse().unwrap(),
            Lang::En,
            Arc::new(move |e: &minutebook_api::room::RoomEvent| {
                sink.lock().unwrap().push(e.to_string());
            }),
        )
        .unwrap();
    Open {
        code: opened.code,
        room: opened.room,
        log,
        db,
        _dir: dir,
        mai,
        ha,
        duc,
    }
}

impl Open {
    fn join(&self, key: &SigningKey) -> Result<Member, MemberError> {
        Member::join(&self.code, key.clone(), None)
    }

    fn logged(&self, needle: &str) -> bool {
        self.log.lock().unwrap().iter().any(|l| l.contains(needle))
    }

    /// Closes the room and checks the book.
    fn finish(self) {
        self.room.close();
        let book = Book::open(&self.db).unwrap();
        let report = book.check().unwrap();
        assert!(report.ok, "{report:?}");
    }
}

fn refused_code(e: MemberError) -> String {
    match e {
        MemberError::Request { code, .. } | MemberError::Refused { code, .. } => code,
        other => panic!("expected a refusal, got {other}"),
    }
}

#[test]
fn an_unpinned_key_is_refused_and_the_room_goes_on() {
    let o = open();
    let mut mai = o.join(&o.mai).unwrap();
    let stranger = minutebook_sign::keys::generate().unwrap();
    let e = o.join(&stranger).err().expect("refused");
    assert_eq!(refused_code(e), "not-in-roster");
    assert!(o.logged("is not in the cell's roster"));
    mai.check_in().unwrap();
    assert!(
        mai.state
            .present
            .iter()
            .any(|p| p.full_name == "Đỗ Thị Mai" && p.checked_in)
    );
    mai.leave();
    o.finish();
}

#[test]
fn garbage_oversized_and_silent_peers_and_a_flood_do_not_disturb_a_member() {
    let o = open();
    let addr: SocketAddr = o.code.addr;
    let mut mai = o.join(&o.mai).unwrap();
    // Garbage instead of a handshake.
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    // The largest frame of junk, then an empty frame.
    let mut s2 = TcpStream::connect(addr).unwrap();
    let mut big = vec![0xffu8, 0xff];
    big.extend(std::iter::repeat_n(0x41u8, 65_535));
    s2.write_all(&big).unwrap();
    let mut s3 = TcpStream::connect(addr).unwrap();
    s3.write_all(&[0, 0]).unwrap();
    // Each of those is closed by the room.
    for mut c in [s, s2, s3] {
        c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut buf = [0u8; 256];
        let mut got = 0;
        loop {
            match c.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => got += n,
            }
        }
        assert!(got < 256, "no conversation with a bad peer");
    }
    // A flood of connections that never speak.
    let flood: Vec<TcpStream> = (0..150)
        .filter_map(|_| TcpStream::connect(addr).ok())
        .collect();
    assert!(flood.len() >= 140);
    // Past the room's limit, connections are refused at once.
    for _ in 0..100 {
        if o.logged("connections already open") {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        o.logged("connections already open"),
        "{:?}",
        o.log.lock().unwrap()
    );
    // The member in the room does not notice.
    mai.check_in().unwrap();
    mai.ask_to_speak().unwrap();
    drop(flood);
    // Once the flood is gone, a new member can join again.
    let mut ha = (0..50)
        .find_map(|_| {
            o.join(&o.ha)
                .map_err(|_| std::thread::sleep(Duration::from_millis(200)))
                .ok()
        })
        .expect("a member joins after the flood");
    ha.check_in().unwrap();
    assert!(o.logged("handshake failed"));
    assert!(o.logged("failed to decrypt"));
    mai.leave();
    ha.leave();
    o.finish();
}

#[test]
fn malformed_oversized_and_flooding_messages_end_only_that_connection() {
    let o = open();
    let mut mai = o.join(&o.mai).unwrap();
    let attacker = |o: &Open| {
        let stream = TcpStream::connect(o.code.addr).unwrap();
        channel::initiate(stream, &o.ha, |_| Ok(()), 1 << 20, Duration::from_secs(5)).unwrap()
    };
    // Not JSON.
    let mut c = attacker(&o);
    c.sender.send(b"\x00\x01 not json").unwrap();
    assert!(drain_until_closed(&mut c.receiver));
    // A message over the limit.
    let mut c = attacker(&o);
    let _ = c.sender.send(&vec![b'{'; MAX_TO_HOST + 1]);
    assert!(drain_until_closed(&mut c.receiver));
    // More requests than the rate allows.
    let mut c = attacker(&o);
    for id in 0..200 {
        let ping = serde_json::to_vec(&ToHost::Ping { id }).unwrap();
        if c.sender.send(&ping).is_err() {
            break;
        }
    }
    assert!(drain_until_closed(&mut c.receiver));
    assert!(o.logged("malformed message"));
    assert!(o.logged("requests a second"));
    // Mai never noticed.
    mai.check_in().unwrap();
    mai.leave();
    o.finish();
}

/// Reads until the host closes the connection; true when it did within 10 s.
fn drain_until_closed(r: &mut channel::Receiver) -> bool {
    r.set_timeout(Some(Duration::from_secs(10))).unwrap();
    loop {
        match r.recv() {
            Ok(_) => continue,
            Err(ChannelError::Closed) | Err(ChannelError::Io(_)) => return true,
            Err(e) => panic!("{e}"),
        }
    }
}

#[test]
fn votes_are_refused_when_not_allowed_and_counted_once() {
    let o = open();
    let mut mai = o.join(&o.mai).unwrap();
    let mut duc = o.join(&o.duc).unwrap();
    // No vote is open yet.
    assert_eq!(
        refused_code(mai.vote(1, Choice::Yes).unwrap_err()),
        "vote-not-open"
    );
    mai.check_in().unwrap();
    duc.check_in().unwrap();
    o.room.command("vote 2").unwrap();
    mai.wait_until(|s| s.open_vote.is_some(), Duration::from_secs(10))
        .unwrap();
    duc.wait_until(|s| s.open_vote.is_some(), Duration::from_secs(10))
        .unwrap();
    // A probationary member may not vote; the reason says why.
    let e = duc.vote(1, Choice::Yes).unwrap_err();
    assert!(e.to_string().contains("probationary"), "{e}");
    // One ballot each: the second is refused, and the count stays at one.
    mai.vote(1, Choice::No).unwrap();
    assert_eq!(
        refused_code(mai.vote(1, Choice::Yes).unwrap_err()),
        "already-voted"
    );
    assert_eq!(o.room.state().unwrap().open_vote.unwrap().cast, 1);
    // A secret ballot leaves nothing in the log that says what was chosen.
    assert!(
        !o.log
            .lock()
            .unwrap()
            .iter()
            .any(|l| l.contains("no") && l.contains("Mai"))
    );
    let closed = o.room.command("close-vote 7 0 0").unwrap();
    assert_eq!(closed, "Vote 2 closed: for 7, against 1, other 0");
    // A statement signed for another room is refused (replayed from elsewhere).
    o.room.command("vote 1").unwrap();
    mai.wait_until(|s| s.open_vote.is_some(), Duration::from_secs(10))
        .unwrap();
    let other = minutebook_room::Statement::new(
        &"0".repeat(32),
        &mai.room.meeting_id,
        &mai.you.member_id,
        minutebook_room::Act::Vote {
            vote: 0,
            subject: "Thông qua Nghị quyết tháng 3/2026".to_owned(),
            choice: Choice::Yes,
        },
    )
    .sign(&o.mai)
    .unwrap();
    let stream = TcpStream::connect(o.code.addr).unwrap();
    let mut c =
        channel::initiate(stream, &o.mai, |_| Ok(()), 1 << 24, Duration::from_secs(5)).unwrap();
    let request = ToHost::Vote {
        id: 1,
        statement: String::from_utf8(other.bytes).unwrap(),
        signature: hex::encode(other.signature),
    };
    c.sender
        .send(&serde_json::to_vec(&request).unwrap())
        .unwrap();
    let mut refused = false;
    for _ in 0..5 {
        let m: minutebook_room::ToMember =
            serde_json::from_slice(&c.receiver.recv().unwrap()).unwrap();
        if let minutebook_room::ToMember::Reply {
            id: 1, ok, code, ..
        } = m
        {
            assert!(!ok);
            assert_eq!(code, "bad-statement");
            refused = true;
            break;
        }
    }
    assert!(refused);
    c.sender.shutdown();
    mai.leave();
    duc.leave();
    o.finish();
}

#[test]
fn a_revoked_key_is_refused() {
    let (case, id) = Case::with_meeting();
    let Case {
        dir: _dir,
        mut book,
    } = case;
    book.key_new(CHAIR, PASS).unwrap();
    let key = minutebook_sign::keys::generate().unwrap();
    let pem = minutebook_sign::keys::public_key_pem(&key.verifying_key());
    book.key_pin("Đỗ Thị Mai", pem.as_bytes()).unwrap();
    book.key_revoke("Đỗ Thị Mai", "2026-01-01").unwrap();
    let opened = book
        .open_room(
            id,
            CHAIR,
            PASS,
            "127.0.0.1:0".parse().unwrap(),
            Lang::En,
            Arc::new(|_: &minutebook_api::room::RoomEvent| {}),
        )
        .unwrap();
    let e = Member::join(&opened.code, key, None)
        .err()
        .expect("refused");
    assert_eq!(refused_code(e), "key-revoked");
    opened.room.close();
}

#[test]
fn the_secretary_cannot_lose_an_open_vote_or_retake_one() {
    let o = open();
    let mut mai = o.join(&o.mai).unwrap();
    // Mai was marked present by the minute-taker: checking in after the start keeps her on time.
    o.room.command("start 00:00").unwrap();
    mai.check_in().unwrap();
    let me = mai
        .state
        .present
        .iter()
        .find(|p| p.full_name == "Đỗ Thị Mai")
        .unwrap();
    assert!(me.checked_in && me.arrived_at.is_none(), "{me:?}");
    o.room.command("vote 2").unwrap();
    mai.wait_until(|s| s.open_vote.is_some(), Duration::from_secs(10))
        .unwrap();
    mai.vote(1, Choice::Yes).unwrap();
    // Closing the meeting or ending the room with the vote open is refused.
    let e = o.room.command("close").unwrap_err();
    assert_eq!(e.code, "vote-open");
    // Hands counted in the room must be three whole numbers.
    assert_eq!(
        o.room.command("close-vote 6 O 0").unwrap_err().code,
        "bad-command"
    );
    assert_eq!(
        o.room.command("close-vote 6").unwrap_err().code,
        "bad-command"
    );
    let room = o.room;
    assert_eq!(room.end().unwrap_err().code, "vote-open");
    assert_eq!(
        room.command("close-vote 6 1 0").unwrap(),
        "Vote 2 closed: for 7, against 1, other 0"
    );
    // A vote taken in the room is not taken again (its figures would be overwritten).
    assert_eq!(room.command("vote 2").unwrap_err().code, "vote-taken");
    // The audit log says a ballot was cast, never by whom or how.
    let conn = rusqlite::Connection::open(&o.db).unwrap();
    let details: Vec<String> = conn
        .prepare("SELECT detail FROM audit_log WHERE action = 'ballot'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(details, ["a ballot in vote 2"]);
    mai.leave();
    room.end().unwrap();
    room.close();
    let book = Book::open(&o.db).unwrap();
    assert!(book.check().unwrap().ok);
}

#[test]
fn a_handshake_sent_a_byte_at_a_time_is_cut_off() {
    let o = open();
    let mut s = TcpStream::connect(o.code.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    let started = std::time::Instant::now();
    let mut closed = false;
    // A byte every 300 ms: each read is quick, the handshake as a whole is not.
    for _ in 0..40 {
        if s.write_all(&[0x01]).is_err() {
            closed = true;
            break;
        }
        let mut b = [0u8; 1];
        if matches!(s.read(&mut b), Ok(0)) {
            closed = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    assert!(closed, "still open after {:?}", started.elapsed());
    assert!(
        o.logged("the handshake took too long"),
        "{:?}",
        o.log.lock().unwrap()
    );
    o.finish();
}

#[test]
fn a_stale_workspace_autosave_does_not_undo_the_room() {
    let (case, id) = Case::with_meeting();
    let Case {
        dir: _dir,
        mut book,
    } = case;
    book.key_new(CHAIR, PASS).unwrap();
    let long = minutebook_sign::keys::generate().unwrap();
    let pem = minutebook_sign::keys::public_key_pem(&long.verifying_key());
    book.key_pin("Đặng Văn Long", pem.as_bytes()).unwrap();
    let mai = minutebook_sign::keys::generate().unwrap();
    let pem = minutebook_sign::keys::public_key_pem(&mai.verifying_key());
    book.key_pin("Đỗ Thị Mai", pem.as_bytes()).unwrap();
    // The secretary's workspace, opened before the room: Long absent, vote 2 at 7/1/0.
    let stale = book.meeting_workspace(id).unwrap().doc;
    let db = book.path().to_path_buf();
    let opened = book
        .open_room(
            id,
            CHAIR,
            PASS,
            "127.0.0.1:0".parse().unwrap(),
            Lang::En,
            Arc::new(|_: &minutebook_api::room::RoomEvent| {}),
        )
        .unwrap();
    let mut m_long = Member::join(&opened.code, long, None).unwrap();
    let mut m_mai = Member::join(&opened.code, mai, None).unwrap();
    opened.room.command("start 00:00").unwrap();
    m_long.check_in().unwrap();
    m_mai.check_in().unwrap();
    opened.room.command("vote 2").unwrap();
    m_long
        .wait_until(|s| s.open_vote.is_some(), Duration::from_secs(10))
        .unwrap();
    m_mai
        .wait_until(|s| s.open_vote.is_some(), Duration::from_secs(10))
        .unwrap();
    m_long.vote(1, Choice::No).unwrap();
    m_mai.vote(1, Choice::No).unwrap();
    opened.room.command("close-vote 3 0 0").unwrap();
    // The workspace autosaves its copy (another connection to the same book, as the desktop
    // app while a room runs from the command line).
    let mut desk = Book::open(&db).unwrap();
    let mut edited = stale.clone();
    edited.agenda[0].title.push_str(" (sửa)");
    desk.save_meeting_doc(id, &edited).unwrap();
    let now = desk.meeting_workspace(id).unwrap().doc;
    let long_row = now
        .attendance
        .iter()
        .find(|a| {
            stale
                .attendance
                .iter()
                .any(|s| s.member_id == a.member_id && s.presence == "absent-unexcused")
        })
        .unwrap();
    assert_eq!(long_row.presence, "present", "the check-in stands");
    assert!(long_row.arrived_at.is_some());
    let v = &now.votes[1];
    assert_eq!(
        (v.yes, v.no, v.abstain),
        (3, 2, 0),
        "the room's count stands"
    );
    assert!(
        now.agenda[0].title.ends_with("(sửa)"),
        "the workspace's own edit is kept"
    );
    m_long.leave();
    m_mai.leave();
    opened.room.end().unwrap();
    opened.room.close();
    assert!(desk.check().unwrap().ok);
}

/// Waits up to 30 s for the session's view to satisfy `ready`.
fn wait_view(
    session: &minutebook_api::member_session::MemberSession,
    what: &str,
    ready: impl Fn(&minutebook_api::member_session::MemberRoomView) -> bool,
) -> minutebook_api::member_session::MemberRoomView {
    for _ in 0..300 {
        let v = session.view();
        if ready(&v) {
            return v;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("the member's view never {what}: {:?}", session.view());
}

#[test]
fn a_members_window_session_does_one_request_at_a_time_and_sees_the_room() {
    use minutebook_api::member_session::MemberSession;
    let o = open();
    let pem = minutebook_sign::keys::encrypt_private_key_pem(&o.mai, PASS).unwrap();
    let member =
        minutebook_api::room_member::join_room(&o.code.to_string(), &pem, PASS, None, None)
            .unwrap();
    let session = MemberSession::start(member);
    assert_eq!(session.view().full_name, "Đỗ Thị Mai");

    session.check_in().unwrap();
    let v = wait_view(&session, "showed the check-in", |v| {
        v.busy.is_none() && v.checked_in
    });
    assert!(v.error.is_none(), "{v:?}");
    assert!(
        v.state
            .present
            .iter()
            .any(|p| p.full_name == "Đỗ Thị Mai" && p.checked_in),
        "{v:?}"
    );

    // A vote asked for before it opens waits for it; meanwhile a second request is refused,
    // not queued behind it.
    session.vote(0, "yes").unwrap();
    assert_eq!(session.view().busy.as_deref(), Some("vote"));
    let busy = session.ask_to_speak().unwrap_err();
    assert_eq!(busy.detail_id.as_deref(), Some("err-room-member-busy"));
    assert!(o.room.command("vote 1").unwrap().starts_with("Vote 1 open"));
    let v = wait_view(&session, "recorded the vote", |v| {
        v.busy.is_none() && v.voted == [0]
    });
    assert!(v.error.is_none(), "{v:?}");
    wait_view(&session, "saw the vote counted", |v| {
        v.state.open_vote.as_ref().is_some_and(|ov| ov.cast == 1)
    });
    session.leave();
    o.room.command("close-vote").unwrap();
    o.finish();
}

#[test]
fn what_a_member_signed_is_listed_from_their_laptop_and_an_altered_copy_is_not_valid() {
    use minutebook_api::member_records::kept_records;
    let o = open();
    let laptop = tempfile::tempdir().unwrap();
    // The member's own key, made on their laptop, pinned by the secretary.
    let made = minutebook_api::member_key::make_member_key(laptop.path(), PASS).unwrap();
    let (pem, _) = minutebook_api::member_key::member_key(laptop.path())
        .unwrap()
        .unwrap();
    {
        // Long (no key yet) is the member whose laptop this is.
        let mut book = Book::open(&o.db).unwrap();
        book.key_pin("Đặng Văn Long", made.public_pem.as_bytes())
            .unwrap();
    }
    let mut long = minutebook_api::room_member::join_room(
        &o.code.to_string(),
        &pem,
        PASS,
        None,
        Some(&laptop.path().join("kept")),
    )
    .unwrap();
    long.check_in().unwrap();
    assert!(
        kept_records(laptop.path()).unwrap().is_empty(),
        "nothing signed yet"
    );
    assert!(
        o.room
            .command("close")
            .unwrap()
            .starts_with("Meeting closed")
    );
    let (sha, _) = long.sign("member", Duration::from_secs(30)).unwrap();
    long.leave();

    let listed = kept_records(laptop.path()).unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    let r = &listed[0];
    assert_eq!(r.record_sha256, sha);
    assert_eq!(r.role, "member");
    assert_eq!(r.date, "2026-03-05");
    assert!(r.valid, "{r:?}");
    assert!(r.signed_at.is_some());

    // One byte of the kept record changed: listed, not valid, with the reason.
    let file = laptop
        .path()
        .join("kept")
        .join(format!("{sha}.record.json"));
    let mut bytes = std::fs::read(&file).unwrap();
    let at = bytes.len() / 2;
    bytes[at] = if bytes[at] == b'a' { b'b' } else { b'a' };
    std::fs::write(&file, bytes).unwrap();
    let listed = kept_records(laptop.path()).unwrap();
    assert!(!listed[0].valid);
    assert!(listed[0].problem.is_some(), "{listed:?}");
    o.finish();
}
