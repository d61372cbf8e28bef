//! Connecting to the archive's PostgreSQL database.

use postgres::{Client, NoTls};

use crate::error::ArchiveError;
use crate::schema;

/// Environment variable holding the database URL when `--database-url` is not given.
pub const URL_ENV: &str = "MINUTEBOOK_ARCHIVE_URL";

/// Connects to `url` — a libpq-style URL (`postgresql://user@host:port/dbname`) or key/value
/// string (`host=/run/postgresql dbname=archive`) — without TLS: the archive runs on the
/// committee's own server or its office network, over loopback or a Unix socket.
///
/// # Errors
/// [`ArchiveError::Db`] when the URL is malformed or the server cannot be reached.
pub fn connect(url: &str) -> Result<Client, ArchiveError> {
    Ok(Client::connect(url, NoTls)?)
}

/// Connects to `url` and brings the schema up to [`schema::SCHEMA_VERSION`].
///
/// # Errors
/// As [`connect`]; [`ArchiveError::SchemaTooNew`] when the database is newer than this program
/// (nothing is changed then).
pub fn open(url: &str) -> Result<Client, ArchiveError> {
    let mut client = connect(url)?;
    schema::migrate(&mut client)?;
    Ok(client)
}
