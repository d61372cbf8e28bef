//! Members' keys (stored only as encrypted PKCS#8) and the roster's pinned keys as trust.

use super::*;

impl Book {
    /// Keys pinned by the roster, as a trust store.
    ///
    /// # Errors
    /// Storage errors.
    pub fn trust_store(&self) -> Result<TrustStore, ApiError> {
        let mut t = TrustStore::new();
        for k in self.trusted_keys()? {
            t.add(k);
        }
        Ok(t)
    }

    /// Keys pinned by the roster.
    ///
    /// # Errors
    /// Storage errors; `Tampered` for a stored fingerprint that is not one.
    pub fn trusted_keys(&self) -> Result<Vec<TrustedKey>, ApiError> {
        let members = self.store.list_members()?;
        self.store
            .list_keys(None)?
            .into_iter()
            .map(|k| {
                Ok(TrustedKey {
                    fingerprint: Fingerprint::parse(&k.fingerprint).ok_or_else(|| {
                        ApiError::new(
                            ErrorCode::Tampered,
                            format!("stored fingerprint {:?}", k.fingerprint),
                        )
                    })?,
                    member_id: k.member.0.to_string(),
                    full_name: members
                        .iter()
                        .find(|m| m.id == k.member)
                        .map(|m| m.full_name.clone())
                        .unwrap_or_default(),
                    revoked_from: k.revoked_from,
                })
            })
            .collect()
    }

    /// The roster's pinned keys as a `minutebook.trust` file, for a committee's `verify --trust`.
    ///
    /// # Errors
    /// Storage errors.
    pub fn trust_file(&self) -> Result<Vec<u8>, ApiError> {
        Ok(self.trust_store()?.to_trust_json())
    }

    pub(super) fn key_view(
        &self,
        member: &Member,
        fingerprint: &str,
        revoked_from: Option<time::Date>,
    ) -> KeyView {
        KeyView {
            member_id: member.id.0.to_string(),
            full_name: member.full_name.clone(),
            fingerprint: fingerprint.to_owned(),
            fingerprint_grouped: Fingerprint::parse(fingerprint)
                .map(|f| f.grouped())
                .unwrap_or_default(),
            revoked_from: revoked_from.map(convert::date_str),
        }
    }

    /// The member `who`, who must not hold a key yet (a member has one key at a time).
    pub(super) fn member_without_key(&self, who: &str) -> Result<Member, ApiError> {
        let member = self.find_member(who)?;
        self.refuse_second_key(&member)?;
        Ok(member)
    }

    pub(super) fn refuse_second_key(&self, member: &Member) -> Result<(), ApiError> {
        if self
            .store
            .list_keys(Some(member.id))?
            .iter()
            .any(|k| k.revoked_from.is_none())
        {
            return Err(ApiError::with_detail(
                ErrorCode::InvalidInput,
                "err-key-exists",
                &[("name", member.full_name.clone())],
                format!("{} already has a key: revoke it first", member.full_name),
            ));
        }
        Ok(())
    }

    /// Generates a key for `member`, stored only as encrypted PKCS#8 PEM.
    ///
    /// # Errors
    /// `InvalidInput` when the member already has a key or the passphrase is empty.
    pub fn key_new(&mut self, member: &str, passphrase: &[u8]) -> Result<KeyView, ApiError> {
        self.use_case(&format!("make a key for {member}"), |book| {
            let member = book.member_without_key(member)?;
            let key = sign_keys::generate()?;
            let pem = sign_keys::encrypt_private_key_pem(&key, passphrase)?;
            let fp = Fingerprint::of(&key.verifying_key());
            book.store.put_key(
                member.id,
                Some(&pem),
                fp.as_hex(),
                &sign_keys::public_key_pem(&key.verifying_key()),
            )?;
            Ok(book.key_view(&member, fp.as_hex(), None))
        })
    }

    /// Imports a member's encrypted PKCS#8 PEM (e.g. from `openssl genpkey -algorithm ed25519
    /// -aes-256-cbc`); weaker protection than ours is re-encrypted with ours.
    ///
    /// # Errors
    /// `WrongPassphrase`, `KeyProblem` (corrupt, unencrypted, weak, too-expensive KDF).
    pub fn key_import(
        &mut self,
        member: &str,
        pem: &[u8],
        passphrase: &[u8],
    ) -> Result<KeyView, ApiError> {
        self.use_case(&format!("import a key for {member}"), |book| {
            let member = book.member_without_key(member)?;
            let text = pem_text(pem)?;
            let imported =
                sign_keys::import_private_key_pem(text, passphrase, ImportOptions::default())?;
            let fp = Fingerprint::of(&imported.key.verifying_key());
            book.store.put_key(
                member.id,
                Some(&imported.pem),
                fp.as_hex(),
                &sign_keys::public_key_pem(&imported.key.verifying_key()),
            )?;
            Ok(book.key_view(&member, fp.as_hex(), None))
        })
    }

    /// Pins a member's public key (SPKI PEM) without its private half: for a member who signs
    /// on their own computer. Compare the fingerprint shown with the one the member reads out.
    ///
    /// # Errors
    /// `KeyProblem` for a PEM that is not a usable Ed25519 public key (weak keys included).
    pub fn key_pin(&mut self, member: &str, public_pem: &[u8]) -> Result<KeyView, ApiError> {
        self.use_case(&format!("pin a public key for {member}"), |book| {
            let member = book.member_without_key(member)?;
            let text = pem_text(public_pem)?;
            let vk = sign_keys::parse_public_key_pem(text)?;
            let fp = Fingerprint::of(&vk);
            book.store.put_key(
                member.id,
                None,
                fp.as_hex(),
                &sign_keys::public_key_pem(&vk),
            )?;
            Ok(book.key_view(&member, fp.as_hex(), None))
        })
    }

    /// A member's current public key as SPKI PEM.
    ///
    /// # Errors
    /// `NotFound` when the member has no key.
    pub fn key_export_public(&self, member: &str) -> Result<String, ApiError> {
        let member = self.find_member(member)?;
        Ok(self.active_key(&member)?.public_key_pem)
    }

    pub(super) fn active_key(
        &self,
        member: &Member,
    ) -> Result<minutebook_store::StoredKey, ApiError> {
        self.store
            .list_keys(Some(member.id))?
            .into_iter()
            .rfind(|k| k.revoked_from.is_none())
            .ok_or_else(|| {
                ApiError::with_detail(
                    ErrorCode::NotFound,
                    "err-no-key",
                    &[("name", member.full_name.clone())],
                    format!("{} has no key: create one first", member.full_name),
                )
            })
    }

    /// Every stored key.
    ///
    /// # Errors
    /// Storage errors.
    pub fn keys(&self) -> Result<Vec<KeyView>, ApiError> {
        let members = self.store.list_members()?;
        Ok(self
            .store
            .list_keys(None)?
            .iter()
            .filter_map(|k| {
                members
                    .iter()
                    .find(|m| m.id == k.member)
                    .map(|m| self.key_view(m, &k.fingerprint, k.revoked_from))
            })
            .collect())
    }

    /// Revokes a member's key from `from` (YYYY-MM-DD).
    ///
    /// # Errors
    /// `NotFound`, `InvalidInput` for a bad date.
    pub fn key_revoke(&mut self, member: &str, from: &str) -> Result<(), ApiError> {
        self.use_case(&format!("revoke the key of {member}"), |book| {
            let member = book.find_member(member)?;
            let date = convert::parse_date(from, "--from")?;
            let k = book.active_key(&member)?;
            Ok(book.store.revoke_key(&k.fingerprint, date)?)
        })
    }
}

pub(super) fn private_half<'a>(
    k: &'a minutebook_store::StoredKey,
    member: &Member,
) -> Result<&'a str, ApiError> {
    k.encrypted_pkcs8_pem.as_deref().ok_or_else(|| {
        ApiError::new(
            ErrorCode::KeyProblem,
            format!(
                "only {}'s public key is on this computer: they sign on their own (sign-request)",
                member.full_name
            ),
        )
    })
}

/// A key file's bytes as PEM text.
fn pem_text(bytes: &[u8]) -> Result<&str, ApiError> {
    std::str::from_utf8(bytes)
        .map_err(|_| ApiError::new(ErrorCode::KeyProblem, "the key file is not PEM text"))
}
