//! Migrations: a new database gets every table in one step; a newer schema is refused and left
//! untouched.

use minutebook_archive::schema::{SCHEMA_VERSION, current_version, migrate};
use minutebook_archive::{ArchiveError, db};

use crate::support::count;
use crate::support::pg::Cluster;

#[test]
fn a_new_database_is_migrated_once_and_reopening_changes_nothing() {
    let pg = Cluster::start();
    let mut c = pg.client();
    assert_eq!(current_version(&mut c).unwrap(), None);
    assert_eq!(migrate(&mut c).unwrap(), SCHEMA_VERSION);
    assert_eq!(migrate(&mut c).unwrap(), SCHEMA_VERSION);
    drop(db::open(&pg.url()).unwrap());
    assert_eq!(current_version(&mut c).unwrap(), Some(SCHEMA_VERSION));
    assert_eq!(count(&mut c, "schema_version"), 2);
    for t in [
        "member_key",
        "record",
        "attestation",
        "quarantine",
        "chain_anomaly",
        "log_leaf",
        "log_hash",
        "log_checkpoint",
    ] {
        assert_eq!(count(&mut c, t), 0, "{t}");
    }
}

/// The tables and columns of schema `public`, as text (to compare before and after).
fn layout(c: &mut postgres::Client) -> Vec<String> {
    c.query(
        "SELECT table_name || '.' || column_name || ':' || data_type \
         FROM information_schema.columns WHERE table_schema = 'public' \
         ORDER BY table_name, ordinal_position",
        &[],
    )
    .unwrap()
    .iter()
    .map(|r| r.get(0))
    .collect()
}

#[test]
fn a_newer_schema_is_refused_untouched() {
    let pg = Cluster::start();
    let mut c = pg.client();
    migrate(&mut c).unwrap();
    // A later program's migration: a version this one does not know, with a table it added.
    let newer = SCHEMA_VERSION + 1;
    c.batch_execute("CREATE TABLE search_doc (record text PRIMARY KEY)")
        .unwrap();
    c.execute(
        "INSERT INTO schema_version (version) VALUES ($1)",
        &[&newer],
    )
    .unwrap();
    let before = layout(&mut c);
    match db::open(&pg.url()) {
        Err(ArchiveError::SchemaTooNew { found, supported }) => {
            assert_eq!((found, supported), (newer, SCHEMA_VERSION));
        }
        Err(e) => panic!("expected SchemaTooNew, got {e}"),
        Ok(_) => panic!("a newer schema was accepted"),
    }
    assert_eq!(layout(&mut c), before);
    assert_eq!(current_version(&mut c).unwrap(), Some(newer));
    assert_eq!(count(&mut c, "schema_version"), 3);
}

#[test]
fn a_version_1_database_is_upgraded_keeping_what_it_holds() {
    let pg = Cluster::start();
    let mut c = pg.client();
    // The database as the first release of the archive left it.
    c.batch_execute(include_str!("../../migrations/0001_initial.sql"))
        .unwrap();
    c.batch_execute(
        "INSERT INTO schema_version (version) VALUES (1); \
         INSERT INTO member_key (fingerprint, public_key, member_id, full_name, valid_from, \
         enrolled_by) VALUES (repeat('a', 64), 'pem', '1', 'Nguyễn Văn Hùng', '2026-01-01', '')",
    )
    .unwrap();
    assert_eq!(migrate(&mut c).unwrap(), SCHEMA_VERSION);
    assert_eq!(count(&mut c, "member_key"), 1);
    assert_eq!(count(&mut c, "log_leaf"), 0);
    let versions: Vec<i32> = c
        .query("SELECT version FROM schema_version ORDER BY version", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(versions, [1, 2]);
}
