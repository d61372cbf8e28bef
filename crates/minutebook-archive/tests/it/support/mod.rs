//! Test support: a throwaway PostgreSQL cluster ([`pg`]).

#![allow(dead_code, missing_docs)]

pub mod pg;

/// How many rows `table` holds.
pub fn count(client: &mut postgres::Client, table: &str) -> i64 {
    // Table names cannot be bound as parameters: only the archive's own tables are allowed.
    assert!(
        [
            "schema_version",
            "member_key",
            "record",
            "attestation",
            "quarantine",
            "chain_anomaly"
        ]
        .contains(&table),
        "{table} is not an archive table"
    );
    client
        .query_one(&format!("SELECT count(*) FROM {table}"), &[])
        .unwrap()
        .get(0)
}
