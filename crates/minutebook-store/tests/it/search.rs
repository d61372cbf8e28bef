//! Full-text search (schema v3): folding, sync with edits, migration, hostile queries.

use minutebook_store::{HitKind, SCHEMA_VERSION, Store};
use rusqlite::Connection;

use crate::common::{hostile_cases, options, populated, tempdir};

const V1_FIXTURE: &str = include_str!("../fixtures/v1.sql");
const V2_STEP: &str = include_str!("../../src/sql/v2.sql");

#[test]
fn nghi_quyet_finds_the_march_resolution_and_dang_finds_dang() {
    let dir = tempdir();
    let (store, _, id) = populated(dir.path());
    let hits = store.search("nghi quyet", 50).unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.meeting == id));
    let vote = hits.iter().find(|h| h.kind == HitKind::Vote).unwrap();
    assert_eq!(vote.snippet, "Thông qua [Nghị quyết] tháng 3/2026");
    assert_eq!(vote.date, "2026-03-05");

    // đ/Đ fold to d both ways, and the snippet keeps the original spelling.
    let hits = store.search("dang uy phuong", 50).unwrap();
    assert!(
        hits.iter().any(|h| h.snippet.contains("[Đảng ủy phường]")),
        "{hits:?}"
    );
    let hits = store.search("ĐẢNG PHÍ", 50).unwrap();
    assert!(hits.iter().any(|h| h.kind == HitKind::Action), "{hits:?}");
    assert!(!store.search("thu trang", 50).unwrap().is_empty());
    assert!(
        store
            .search("zalo", 50)
            .unwrap()
            .iter()
            .any(|h| h.kind == HitKind::Speech)
    );
    assert!(store.search("không có trong sổ", 50).unwrap().is_empty());
    assert_eq!(store.search("nghi quyet", 1).unwrap().len(), 1);
}

#[test]
fn the_index_follows_saves() {
    let dir = tempdir();
    let (mut store, _, id) = populated(dir.path());
    let mut m = store.load_meeting(id).unwrap();
    m.votes[0].subject = "Thông qua kế hoạch mùa hè xanh".to_owned();
    m.action_items.clear();
    store.save_meeting(&m).unwrap();
    assert!(
        !store
            .search("nghi quyet", 50)
            .unwrap()
            .iter()
            .any(|h| h.kind == HitKind::Vote)
    );
    assert!(
        !store
            .search("dang phi", 50)
            .unwrap()
            .iter()
            .any(|h| h.kind == HitKind::Action)
    );
    assert_eq!(store.search("mua he xanh", 50).unwrap().len(), 1);
}

#[test]
fn hostile_queries_never_error() {
    let dir = tempdir();
    let (store, _, _) = populated(dir.path());
    let mut queries: Vec<String> = [
        "\"",
        "\"\"",
        "*",
        "nghi*",
        "NEAR(a b)",
        "a NEAR b",
        "-",
        "-nghi",
        "a OR b",
        "AND",
        "NOT",
        "(",
        ")",
        "{",
        "}",
        ":",
        "body:x",
        "^",
        "kind:vote",
        "'",
        "\\",
        "\0",
        "",
        "   ",
        "nghị\" OR \"quyết",
        "\"nghi quyet\"",
        "nghi - quyet",
        "ď",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    queries.extend(hostile_cases());
    for q in &queries {
        store
            .search(q, 10)
            .unwrap_or_else(|e| panic!("query {q:?}: {e}"));
    }
    // Quoting is a phrase search over the words, not syntax.
    assert!(!store.search("\"nghi quyet\"", 10).unwrap().is_empty());
    assert!(!store.search("nghi - quyet", 10).unwrap().is_empty());
}

#[test]
fn migrating_from_v2_keeps_data_and_indexes_existing_meetings() {
    let dir = tempdir();
    let db = dir.path().join("minutebook.db");
    let c = Connection::open(&db).unwrap();
    c.execute_batch(V1_FIXTURE).unwrap();
    c.execute_batch(V2_STEP).unwrap();
    c.pragma_update(None, "user_version", 2).unwrap();
    drop(c);
    let store = Store::open_with(&db, options()).unwrap();
    assert_eq!(store.pragmas().unwrap().user_version, SCHEMA_VERSION);
    assert_eq!(store.list_members().unwrap().len(), 3);
    assert_eq!(
        store
            .load_meeting(minutebook_core::meeting::MeetingId(1))
            .unwrap()
            .votes
            .len(),
        1
    );
    let hits = store.search("nghi quyet", 10).unwrap();
    let kinds: Vec<HitKind> = hits.iter().map(|h| h.kind).collect();
    assert!(
        kinds.contains(&HitKind::Agenda) && kinds.contains(&HitKind::Vote),
        "{hits:?}"
    );
    assert!(
        store
            .search("dang phi", 10)
            .unwrap()
            .iter()
            .any(|h| h.kind == HitKind::Action)
    );
    assert!(
        store
            .search("y kien cua d/c ha", 10)
            .unwrap()
            .iter()
            .any(|h| h.kind == HitKind::Speech)
    );
    assert_eq!(
        store.audit_log().unwrap().last().unwrap().detail,
        format!(
            "schema version 2 → {SCHEMA_VERSION}; cell default counting reading \
             full-exclusions → qd24-exclusions"
        )
    );
    store.integrity_check().unwrap();
}
