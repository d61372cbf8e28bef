//! Remembered integrity checks (schema v4): the outcome of the last full check of each closed
//! meeting, so the meeting list need not rebuild every record each time it is shown.
//!
//! The store does not judge integrity (`minutebook-api` does); it keeps what it is told and
//! forgets it as soon as anything it depended on changes: triggers in `sql/v4.sql` delete a
//! meeting's entry on any insert, update or delete of its rows, records or signatures, by any
//! SQLite client. An entry is written only if no other connection has committed since the
//! check began ([`Store::data_version`]), so a concurrent outside edit cannot be papered over.

use std::collections::HashMap;

use minutebook_core::meeting::MeetingId;
use rusqlite::{TransactionBehavior, params};

use crate::connection::Store;
use crate::error::{Context, Result};

/// A remembered check of one meeting's latest record version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntegrityCheck {
    /// SHA-256 (hex) of the record version that was checked.
    pub record_sha256: String,
    /// What did not match; empty when the meeting was intact.
    pub problems: Vec<String>,
}

impl Store {
    /// SQLite's `PRAGMA data_version`: changes whenever another connection commits to the
    /// file (not on this connection's own writes). Read it before a check and pass it to
    /// [`Store::remember_integrity_check`].
    ///
    /// # Errors
    /// [`crate::Error::Sqlite`] and the like.
    pub fn data_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "data_version", |r| r.get(0))
            .ctx("read the data version")
    }

    /// The remembered checks that are still current: the entry is for the meeting's latest
    /// record version and nothing it depended on has changed since.
    ///
    /// # Errors
    /// Storage errors.
    pub fn integrity_checks(&self) -> Result<HashMap<MeetingId, IntegrityCheck>> {
        self.read(|tx| {
            let mut stmt = tx
                .prepare_cached(
                    "SELECT c.meeting_id, c.record_sha256, c.problems
                     FROM integrity_checks c
                     JOIN record_versions r
                       ON r.meeting_id = c.meeting_id AND r.sha256 = c.record_sha256
                     WHERE r.version = (SELECT max(version) FROM record_versions
                                        WHERE meeting_id = c.meeting_id)",
                )
                .ctx("read the remembered integrity checks")?;
            let mut rows = stmt.query([]).ctx("read the remembered integrity checks")?;
            let mut out = HashMap::new();
            while let Some(r) = rows.next().ctx("read the remembered integrity checks")? {
                let id: i64 = r.get(0).ctx("read the remembered integrity checks")?;
                let record_sha256: String = r.get(1).ctx("read the remembered integrity checks")?;
                let problems: String = r.get(2).ctx("read the remembered integrity checks")?;
                out.insert(
                    MeetingId(id),
                    IntegrityCheck {
                        record_sha256,
                        problems: problems
                            .lines()
                            .filter(|l| !l.is_empty())
                            .map(str::to_owned)
                            .collect(),
                    },
                );
            }
            Ok(out)
        })
    }

    /// Remembers the outcome of a full check of `meeting`'s record `record_sha256`, unless
    /// another connection has committed since `data_version` was read (then the check may
    /// have seen rows that are gone, and nothing is written) or the same outcome is already
    /// remembered (no write, so opening a meeting costs no fsync). Derived data: no audit
    /// entry. Returns whether it was written.
    ///
    /// # Errors
    /// Storage errors (a read-only file, a full disk); callers may ignore them, since the
    /// next listing simply checks again.
    pub fn remember_integrity_check(
        &self,
        meeting: MeetingId,
        record_sha256: &str,
        problems: &[String],
        data_version: i64,
    ) -> Result<bool> {
        let text = problems
            .iter()
            .map(|p| p.replace('\n', " "))
            .collect::<Vec<_>>()
            .join("\n");
        let same: bool = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM integrity_checks
                 WHERE meeting_id = ?1 AND record_sha256 = ?2 AND problems = ?3",
            )
            .and_then(|mut st| {
                st.query_row(params![meeting.0, record_sha256, text], |r| {
                    r.get::<_, i64>(0)
                })
            })
            .ctx("read a remembered integrity check")?
            > 0;
        if same {
            return Ok(false);
        }
        let insert = |conn: &rusqlite::Connection| {
            conn.execute(
                "INSERT OR REPLACE INTO integrity_checks (meeting_id, record_sha256, problems)
                 VALUES (?1, ?2, ?3)",
                params![meeting.0, record_sha256, text],
            )
            .ctx("remember an integrity check")
        };
        if self.use_case.is_some() {
            // Inside a use case: written (and kept) with it.
            insert(&self.conn)?;
            return Ok(true);
        }
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .ctx("remember an integrity check")?;
        if self.data_version()? != data_version {
            return Ok(false);
        }
        insert(&tx)?;
        tx.commit().ctx("remember an integrity check")?;
        Ok(true)
    }
}
