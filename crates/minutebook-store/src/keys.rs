//! Members' signing keys: encrypted PKCS#8 PEM (never a plain key), looked up by
//! fingerprint, revoked from a date but never deleted (schema version 2).

use minutebook_core::MemberId;
use rusqlite::{Connection, params};
use time::{Date, OffsetDateTime};

use crate::connection::Store;
use crate::error::{Context, Error, Result};
use crate::values::{col, date_text, instant_text, opt_date, parse_instant};

/// A stored signing key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredKey {
    /// Whose key it is.
    pub member: MemberId,
    /// The private key, encrypted PKCS#8 PEM ("-----BEGIN ENCRYPTED PRIVATE KEY-----").
    pub encrypted_pkcs8_pem: Option<String>,
    /// The public key, SubjectPublicKeyInfo PEM.
    pub public_key_pem: String,
    /// Fingerprint of the public key, lower-case hex (at least 16 characters).
    pub fingerprint: String,
    /// When it was stored (the store's clock).
    pub created_at: OffsetDateTime,
    /// Signatures dated on or after this day are not to be trusted; `None` = not revoked.
    pub revoked_from: Option<Date>,
}

const SELECT_KEYS: &str = "SELECT member_id, encrypted_pkcs8_pem, fingerprint, created_at, revoked_from, public_key_pem FROM keys";

fn read_keys(
    conn: &Connection,
    tail: &str,
    arg: Option<&dyn rusqlite::ToSql>,
) -> Result<Vec<StoredKey>> {
    let what = "read keys";
    let mut stmt = conn.prepare(&format!("{SELECT_KEYS} {tail}")).ctx(what)?;
    let mut rows = match arg {
        Some(a) => stmt.query([a]),
        None => stmt.query([]),
    }
    .ctx(what)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next().ctx(what)? {
        let w = "keys";
        out.push(StoredKey {
            member: MemberId(col(r, 0, w)?),
            encrypted_pkcs8_pem: col(r, 1, w)?,
            public_key_pem: col(r, 5, w)?,
            fingerprint: col(r, 2, w)?,
            created_at: parse_instant(&col::<String>(r, 3, w)?, "keys.created_at")?,
            revoked_from: opt_date(col(r, 4, w)?, "keys.revoked_from")?,
        });
    }
    Ok(out)
}

fn check_fingerprint(f: &str) -> Result<()> {
    let hex = f
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if f.len() >= 16 && hex {
        Ok(())
    } else {
        Err(Error::invalid(
            "key fingerprint",
            format!("{f:?} is not lower-case hex of at least 16 characters"),
        ))
    }
}

impl Store {
    /// Stores `member`'s key under its fingerprint: the private half encrypted (PKCS#8 PEM),
    /// or `None` when only the public half is pinned (a member who signs on their own laptop).
    ///
    /// # Errors
    /// [`Error::Invalid`] for a PEM that is not an encrypted PKCS#8 key, a public key that is
    /// not SPKI PEM, or a malformed fingerprint; [`Error::Constraint`] for a fingerprint already
    /// stored or an unknown member.
    pub fn put_key(
        &mut self,
        member: MemberId,
        encrypted_pkcs8_pem: Option<&str>,
        fingerprint: &str,
        public_key_pem: &str,
    ) -> Result<StoredKey> {
        check_fingerprint(fingerprint)?;
        let pem = encrypted_pkcs8_pem.map(str::trim_start);
        if pem.is_some_and(|p| !p.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            return Err(Error::invalid(
                "key",
                "only encrypted PKCS#8 keys are stored (-----BEGIN ENCRYPTED PRIVATE KEY-----)",
            ));
        }
        let public = public_key_pem.trim_start();
        if !public.starts_with("-----BEGIN PUBLIC KEY-----") {
            return Err(Error::invalid(
                "public key",
                "expected SubjectPublicKeyInfo PEM (-----BEGIN PUBLIC KEY-----)",
            ));
        }
        self.write(&format!("store key {fingerprint}"), |tx| {
            tx.tx
                .execute(
                    "INSERT INTO keys (member_id, encrypted_pkcs8_pem, fingerprint, created_at, public_key_pem)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![member.0, pem, fingerprint, instant_text(tx.now), public],
                )
                .ctx(&format!("store key {fingerprint}"))?;
            let kind = if pem.is_some() { "key" } else { "pinned public key" };
            tx.audit("add", kind, fingerprint, format!("member #{}", member.0))?;
            Ok(StoredKey {
                member,
                encrypted_pkcs8_pem: pem.map(str::to_owned),
                public_key_pem: public.to_owned(),
                fingerprint: fingerprint.to_owned(),
                created_at: tx.now,
                revoked_from: None,
            })
        })
    }

    /// The key with this fingerprint.
    ///
    /// # Errors
    /// [`Error::NotFound`].
    pub fn key(&self, fingerprint: &str) -> Result<StoredKey> {
        self.read(|tx| read_keys(tx, "WHERE fingerprint = ?1", Some(&fingerprint)))?
            .pop()
            .ok_or_else(|| Error::not_found(format!("key {fingerprint}")))
    }

    /// All keys (of one member, when given), oldest first.
    pub fn list_keys(&self, member: Option<MemberId>) -> Result<Vec<StoredKey>> {
        self.read(|tx| match member {
            Some(m) => read_keys(tx, "WHERE member_id = ?1 ORDER BY id", Some(&m.0)),
            None => read_keys(tx, "ORDER BY id", None),
        })
    }

    /// Revokes a key from `from` on. A revocation is final.
    ///
    /// # Errors
    /// [`Error::NotFound`]; [`Error::Constraint`] when the key is already revoked.
    pub fn revoke_key(&mut self, fingerprint: &str, from: Date) -> Result<()> {
        self.write(&format!("revoke key {fingerprint}"), |tx| {
            let n = tx
                .tx
                .execute(
                    "UPDATE keys SET revoked_from = ?1 WHERE fingerprint = ?2",
                    params![date_text(from), fingerprint],
                )
                .ctx(&format!("revoke key {fingerprint}"))?;
            if n == 0 {
                return Err(Error::not_found(format!("key {fingerprint}")));
            }
            tx.audit(
                "revoke",
                "key",
                fingerprint,
                format!("from {}", date_text(from)),
            )
        })
    }
}
