use std::fs;

use minutebook_core::meeting::MeetingId;
use minutebook_core::{CountingReading, MemberId};
use minutebook_store::{Error, OpenOptions, SCHEMA_VERSION, Store};
use rusqlite::Connection;

use crate::common::{assert_pragmas, open, options, populated, tempdir};

const V1_FIXTURE: &str = include_str!("../fixtures/v1.sql");

fn backups(dir: &std::path::Path, prefix: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix) && n.ends_with(".bak"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_v1_database_is_migrated_with_its_data_and_a_backup_first() {
    let dir = tempdir();
    let db = dir.path().join("minutebook.db");
    Connection::open(&db)
        .unwrap()
        .execute_batch(V1_FIXTURE)
        .unwrap();
    // Older pre-migration backups, of which only the newest are kept.
    for stamp in ["20240101T000000Z", "20250101T000000Z", "20250601T000000Z"] {
        fs::write(
            dir.path().join(format!(
                "minutebook.db.before-v{SCHEMA_VERSION}.{stamp}.bak"
            )),
            b"old",
        )
        .unwrap();
    }
    let store = Store::open_with(
        &db,
        OpenOptions {
            backups_to_keep: Some(2),
            ..options()
        },
    )
    .unwrap();
    assert_pragmas(&store);
    assert_eq!(store.pragmas().unwrap().user_version, SCHEMA_VERSION);

    // Data preserved.
    let members = store.list_members().unwrap();
    assert_eq!(members.len(), 3);
    assert_eq!(members[0].full_name, "Nguyễn Văn Hùng");
    assert_eq!(members[0].party_card_number.as_deref(), Some("01.234567"));
    assert!(members[2].exempted);
    assert_eq!(members[0].posts.len(), 1);
    let meeting = store.load_meeting(MeetingId(1)).unwrap();
    assert_eq!(meeting.agenda.len(), 2);
    assert_eq!(meeting.agenda[1].speeches.len(), 1);
    assert_eq!(
        meeting.agenda[1].presenter,
        Some(minutebook_core::Speaker::Guest("Mai Văn Sơn".to_owned()))
    );
    assert_eq!(meeting.attendance.len(), 3);
    assert_eq!(meeting.votes[0].yes, 2);
    assert_eq!(
        store.cell().unwrap().unwrap().name,
        "Chi bộ Tổ dân phố số 7"
    );
    assert_eq!(
        store.setting("backups_to_keep").unwrap().as_deref(),
        Some("4")
    );
    assert_eq!(store.verify_audit_chain().unwrap(), 1);
    assert_eq!(
        store.audit_log().unwrap()[0].detail,
        format!(
            "schema version 1 → {SCHEMA_VERSION}; cell default counting reading \
             full-exclusions → qd24-exclusions"
        )
    );
    store.integrity_check().unwrap();

    // v5: the cell on the old default `full-exclusions` has the new default; the vote that
    // named no reading still names none, and a vote can now name the new reading.
    assert_eq!(
        store.cell().unwrap().unwrap().settings.default_reading,
        CountingReading::Qd24Exclusions
    );
    assert_eq!(meeting.votes[0].reading, None);
    assert_eq!(
        meeting.votes[0].subject,
        "Thông qua Nghị quyết tháng 02/2026"
    );

    // v2 works: keys can be stored.
    let mut store = store;
    store
        .put_key(
            MemberId(1),
            Some("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n"),
            "00112233445566778899aabbccddeeff",
            "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n",
        )
        .unwrap();
    drop(store);

    // The backup was made first, is a v1 database with the data, and only 2 are kept.
    let prefix = format!("minutebook.db.before-v{SCHEMA_VERSION}.");
    let kept = backups(dir.path(), &prefix);
    assert_eq!(
        kept,
        vec![
            format!("{prefix}20250601T000000Z.bak"),
            format!("{prefix}20260305T120000Z.bak"),
        ]
    );
    let backup = Connection::open(dir.path().join(&kept[1])).unwrap();
    let v: i64 = backup
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1);
    let n: i64 = backup
        .query_row("SELECT count(*) FROM members", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 3);
    let ok: String = backup
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");

    // Opening again migrates nothing and makes no new backup.
    let store = open(&db);
    assert_eq!(store.verify_audit_chain().unwrap(), 2);
    assert_eq!(
        backups(
            dir.path(),
            &format!("minutebook.db.before-v{SCHEMA_VERSION}.")
        )
        .len(),
        2
    );
}

#[test]
fn the_rebuilt_tables_of_v5_take_the_new_reading_and_keep_their_triggers() {
    let dir = tempdir();
    let db = dir.path().join("minutebook.db");
    Connection::open(&db)
        .unwrap()
        .execute_batch(V1_FIXTURE)
        .unwrap();
    let mut store = open(&db);
    // The vote was indexed by step 3 and is still found after the rebuild.
    assert_eq!(store.search("nghi quyet thang 02", 10).unwrap().len(), 1);
    let mut meeting = store.load_meeting(MeetingId(1)).unwrap();
    meeting.votes[0].reading = Some(CountingReading::Qd24Exclusions);
    meeting.votes[0].subject = "Thông qua Nghị quyết tháng 02/2026 (sửa)".to_owned();
    store.save_meeting(&meeting).unwrap();
    let back = store.load_meeting(MeetingId(1)).unwrap();
    assert_eq!(back.votes[0].reading, Some(CountingReading::Qd24Exclusions));
    // The search triggers made again by step 5 follow the edit.
    assert_eq!(store.search("sua", 10).unwrap().len(), 1);
    // The old reading stays a reading a vote and the cell can name.
    meeting.votes[0].reading = Some(CountingReading::FullExclusions);
    store.save_meeting(&meeting).unwrap();
    let mut cell = store.cell().unwrap().unwrap();
    cell.settings.default_reading = CountingReading::FullExclusions;
    store.set_cell(&cell).unwrap();
    assert_eq!(
        store.cell().unwrap().unwrap().settings.default_reading,
        CountingReading::FullExclusions
    );
    store.integrity_check().unwrap();
    store.verify_audit_chain().unwrap();
    // The integrity-check triggers are back on `votes`: one per statement kind.
    let c = Connection::open(&db).unwrap();
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'votes'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 6, "search_vote_* and integrity_votes_*");
}

#[test]
fn a_failed_migration_rolls_back_and_leaves_version_1() {
    let dir = tempdir();
    let db = dir.path().join("minutebook.db");
    let c = Connection::open(&db).unwrap();
    c.execute_batch(V1_FIXTURE).unwrap();
    // Something in the way of step 2.
    c.execute_batch("CREATE TABLE keys (x TEXT);").unwrap();
    drop(c);
    let err = Store::open_with(&db, options()).unwrap_err();
    assert!(err.to_string().contains("version 2"), "{err}");
    let c = Connection::open(&db).unwrap();
    let v: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1);
    let tables: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'keys_by_member'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 0, "nothing of step 2 remains");
    let audit: i64 = c
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(audit, 0);
    // The backup made before trying is there.
    assert_eq!(
        backups(
            dir.path(),
            &format!("minutebook.db.before-v{SCHEMA_VERSION}.")
        )
        .len(),
        1
    );
}

#[test]
fn a_store_can_move_to_another_thread() {
    fn assert_send<T: Send>() {}
    assert_send::<Store>();
}

#[test]
fn a_newer_database_is_refused_and_left_byte_for_byte_untouched() {
    let dir = tempdir();
    let db = dir.path().join("minutebook.db");
    let (store, _, _) = populated(dir.path());
    drop(store);
    {
        let c = Connection::open(&db).unwrap();
        // Rollback-journal mode, so that switching to WAL would rewrite the header.
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = fs::read(&db).unwrap();
    let err = Store::open_with(&db, options()).unwrap_err();
    assert!(
        matches!(err, Error::TooNew { found: 99, supported } if supported == SCHEMA_VERSION),
        "{err:?}"
    );
    assert!(err.to_string().contains("99"), "{err}");
    assert_eq!(fs::read(&db).unwrap(), before);
    assert!(backups(dir.path(), "minutebook.db.").is_empty());
}

#[test]
fn another_applications_database_is_refused_untouched() {
    let dir = tempdir();
    let db = dir.path().join("other.sqlite");
    Connection::open(&db)
        .unwrap()
        .execute_batch(
            "CREATE TABLE photos (id INTEGER PRIMARY KEY); INSERT INTO photos VALUES (1);",
        )
        .unwrap();
    let before = fs::read(&db).unwrap();
    assert!(matches!(
        Store::open_with(&db, options()),
        Err(Error::NotMinutebook { .. })
    ));
    assert_eq!(fs::read(&db).unwrap(), before);

    let junk = dir.path().join("junk.db");
    fs::write(&junk, vec![0x42u8; 8192]).unwrap();
    assert!(matches!(
        Store::open_with(&junk, options()),
        Err(Error::Corrupt(_))
    ));
}

#[test]
fn a_fresh_database_is_created_at_the_latest_version_without_a_backup() {
    let dir = tempdir();
    let db = dir.path().join("nested").join("book.db");
    let store = open(&db);
    assert!(db.exists());
    assert_eq!(store.verify_audit_chain().unwrap(), 1);
    assert!(backups(&dir.path().join("nested"), "book.db.").is_empty());
    let (_other, _, _) = populated(dir.path());
}

/// Runs in a child process (see below) with `MINUTEBOOK_DB` set; trivially passes otherwise.
#[test]
fn default_path_child() {
    if let Some(expected) = std::env::var_os("MINUTEBOOK_DB_EXPECTED") {
        assert_eq!(
            minutebook_store::default_path().unwrap(),
            std::path::PathBuf::from(expected)
        );
    }
}

#[test]
fn default_path_honours_the_environment() {
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new(exe)
        .args([
            "--exact",
            "migrations::default_path_child",
            "--test-threads=1",
        ])
        .env(minutebook_store::DB_ENV, "/tmp/elsewhere/book.db")
        .env("MINUTEBOOK_DB_EXPECTED", "/tmp/elsewhere/book.db")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 passed"));

    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "migrations::default_path_child"])
        .env_remove(minutebook_store::DB_ENV)
        .env("HOME", "/home/someone")
        .env_remove("XDG_DATA_HOME")
        .env(
            "MINUTEBOOK_DB_EXPECTED",
            "/home/someone/.local/share/minutebook/minutebook.db",
        )
        .output()
        .unwrap();
    if cfg!(target_os = "linux") {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}
