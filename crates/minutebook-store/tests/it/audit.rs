use std::process::Command;

use minutebook_core::MeetingStatus;
use minutebook_store::{Error, HASH_DOMAIN, entry_hash};

use crate::common::{open, populated, tempdir};

fn sqlite3(db: &std::path::Path, sql: &str) -> std::process::Output {
    Command::new("sqlite3")
        .arg(db)
        .arg(sql)
        .output()
        .expect("run the sqlite3 command-line shell")
}

#[test]
fn every_change_is_logged_and_the_chain_verifies() {
    let dir = tempdir();
    let (mut store, _, id) = populated(dir.path());
    store.set_status(id, MeetingStatus::Closed).unwrap();
    let log = store.audit_log().unwrap();
    // schema creation, cell, 13 members, meeting, status.
    assert_eq!(log.len(), 1 + 1 + 13 + 1 + 1);
    assert_eq!(store.verify_audit_chain().unwrap(), log.len() as u64);
    assert_eq!(log[0].action, "create");
    assert_eq!(log[0].entity, "schema");
    assert_eq!(log[0].prev_hash, "0".repeat(64));
    assert_eq!(log[0].at, "2026-03-05T12:00:00Z");
    assert_eq!(log[0].actor, "test");
    assert_eq!(log[1].at, "2026-03-05T12:00:01Z");
    assert_eq!(log[2].at, log[14].at);
    assert!(log[15].at > log[14].at);
    let last = log.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.detail.as_str()),
        ("set-status", "in-session → closed")
    );
    for pair in log.windows(2) {
        assert_eq!(pair[1].prev_hash, pair[0].hash);
        // One transaction, one instant: the 13 members of one import share it.
        assert!(pair[1].at >= pair[0].at);
    }
    // The documented layout reproduces the stored hash.
    let e = &log[1];
    let prev: Vec<u8> = (0..32)
        .map(|i| u8::from_str_radix(&log[0].hash[2 * i..2 * i + 2], 16).unwrap())
        .collect();
    let h = entry_hash(
        e.seq,
        &e.at,
        &e.actor,
        &e.action,
        &e.entity,
        &e.entity_id,
        &e.detail,
        &prev.try_into().unwrap(),
    );
    let hex: String = h.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, e.hash);
    assert_eq!(HASH_DOMAIN, b"minutebook audit v1\n");
}

#[test]
fn the_log_refuses_updates_and_deletes() {
    let dir = tempdir();
    let db = dir.path().join("minutebook.db");
    let (store, _, _) = populated(dir.path());
    drop(store);
    for sql in [
        "UPDATE audit_log SET detail = 'x' WHERE seq = 2;",
        "DELETE FROM audit_log WHERE seq = 2;",
    ] {
        let out = sqlite3(&db, sql);
        assert!(!out.status.success(), "{sql} should fail");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("append-only"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(open(&db).verify_audit_chain().is_ok());
}

#[test]
fn an_audit_row_edited_behind_the_programs_back_is_detected() {
    let dir = tempdir();
    let db = dir.path().join("minutebook.db");
    let (store, _, _) = populated(dir.path());
    let count = store.verify_audit_chain().unwrap();
    drop(store);

    let out = sqlite3(
        &db,
        "DROP TRIGGER audit_log_no_update;
         UPDATE audit_log SET actor = 'someone else' WHERE seq = 5;",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = open(&db);
    assert!(matches!(
        store.verify_audit_chain(),
        Err(Error::AuditChainBroken { seq: 5 })
    ));
    drop(store);

    // Recomputing that entry's hash does not help: the next entry's link breaks.
    let dir2 = tempdir();
    let db2 = dir2.path().join("minutebook.db");
    let (store, _, _) = populated(dir2.path());
    drop(store);
    let out = sqlite3(
        &db2,
        "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 7;",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = open(&db2);
    assert!(matches!(
        store.verify_audit_chain(),
        Err(Error::AuditChainBroken { seq: 7 })
    ));
    assert!(count > 7);
}
