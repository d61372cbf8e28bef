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
    assert_eq!(count(&mut c, "schema_version"), 1);
    for t in [
        "member_key",
        "record",
        "attestation",
        "quarantine",
        "chain_anomaly",
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
    // A later program's migration: version 2 with a table this one does not know.
    c.batch_execute(
        "CREATE TABLE receipt_log (idx bigint PRIMARY KEY); \
         INSERT INTO schema_version (version) VALUES (2)",
    )
    .unwrap();
    let before = layout(&mut c);
    match db::open(&pg.url()) {
        Err(ArchiveError::SchemaTooNew { found, supported }) => {
            assert_eq!((found, supported), (2, SCHEMA_VERSION));
        }
        Err(e) => panic!("expected SchemaTooNew, got {e}"),
        Ok(_) => panic!("a newer schema was accepted"),
    }
    assert_eq!(layout(&mut c), before);
    assert_eq!(current_version(&mut c).unwrap(), Some(2));
    assert_eq!(count(&mut c, "schema_version"), 2);
}
