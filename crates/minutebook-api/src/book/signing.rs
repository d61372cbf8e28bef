//! Signing: here with a stored key, on a member's own computer from a signing request, and
//! importing attestations signed elsewhere.

use super::keys::private_half;
use super::records::stem_number;
use super::*;
use minutebook_sign::bundle::SignatureFiles;

impl Book {
    /// Signs meeting `id`'s current record as `member` in `role`, on this computer.
    ///
    /// # Errors
    /// `WrongPassphrase`; `NotAllowed` when the member does not hold the role; `Tampered` when
    /// the record no longer matches its rows; `InvalidInput` when not closed or already signed.
    pub fn sign(
        &mut self,
        id: i64,
        member: &str,
        role: &str,
        passphrase: &[u8],
    ) -> Result<SignedView, ApiError> {
        self.use_case(&format!("sign meeting #{id}"), |book| {
            let role = role_of(role)?;
            let member = book.find_member(member)?;
            let (rv, record) = book.current_record(id)?;
            if let Integrity::Altered { details } = book.integrity(id)? {
                return Err(ApiError::new(ErrorCode::Tampered, details.join("; ")));
            }
            check_role(&record, &member, role)?;
            let existing = book.store.attestations(&rv.sha256)?;
            if existing
                .iter()
                .any(|a| a.signed.member == member.id && a.signed.role == role)
            {
                return Err(ApiError::invalid(format!(
                    "{} has already signed version {} as {}",
                    member.full_name,
                    rv.version,
                    role.code()
                )));
            }
            let stored = book.active_key(&member)?;
            let key =
                sign_keys::decrypt_private_key_pem(private_half(&stored, &member)?, passphrase)?;
            if Fingerprint::of(&key.verifying_key()).as_hex() != stored.fingerprint {
                return Err(ApiError::new(
                    ErrorCode::Tampered,
                    "the stored key does not match its pinned fingerprint",
                ));
            }
            let signer = Signer {
                member_id: member.id.0.to_string(),
                full_name: member.full_name.clone(),
            };
            let s = minutebook_sign::attestation::sign_record(
                &record,
                &key,
                signer,
                role,
                book.signing_time(),
            )
            .map_err(|e| ApiError::invalid(e.to_string()))?;
            let number = next_number(&existing)?;
            book.store_signature(&rv.sha256, number, &member, role, &s)?;
            let status = book.update_signing_status(id)?;
            Ok(SignedView {
                stem: format!("{number:02}-{}", role.code()),
                full_name: member.full_name,
                role: role.code().to_owned(),
                fingerprint_grouped: Fingerprint::of(&key.verifying_key()).grouped(),
                status: status.code().to_owned(),
            })
        })
    }

    pub(super) fn store_signature(
        &mut self,
        sha: &str,
        number: u32,
        member: &Member,
        role: SignerRole,
        s: &minutebook_sign::attestation::SignedAttestation,
    ) -> Result<(), ApiError> {
        self.store
            .add_attestation(&minutebook_store::NewAttestation {
                record_sha256: sha.to_owned(),
                stem: format!("{number:02}-{}", role.code()),
                role,
                member: member.id,
                attestation: s.attestation.clone(),
                signature: s.signature.to_vec(),
                public_key_pem: s.public_key_pem.clone(),
            })?;
        Ok(())
    }

    pub(super) fn update_signing_status(&mut self, id: i64) -> Result<MeetingStatus, ApiError> {
        let cell = self.require_cell()?;
        let signed = self.valid_signatures(id)?;
        let status = signing_status(&signed, &cell.settings.required_signers);
        self.store.set_status(MeetingId(id), status)?;
        Ok(status)
    }

    /// Writes a signing request: the bundle without signatures.
    ///
    /// # Errors
    /// As [`Book::export_bundle`].
    pub fn export_signing_request(&self, id: i64, out: &Path) -> Result<(), ApiError> {
        Ok(self.bundle(id)?.signing_request().write_dir(out)?)
    }

    /// On a member's own computer: signs the request in `request` with `member`'s key from
    /// this book and writes the three attestation files into `out`.
    ///
    /// # Errors
    /// `InvalidInput` for an unreadable request; `WrongPassphrase`; `NotAllowed`.
    pub fn sign_request(
        &self,
        request: &Path,
        member: &str,
        role: &str,
        passphrase: &[u8],
        out: &Path,
    ) -> Result<SignedView, ApiError> {
        let role = role_of(role)?;
        let local = self.find_member(member)?;
        let bundle = Bundle::read_dir(request, Default::default())?;
        let record = SignedRecord::from_bytes(bundle.record.clone())
            .map_err(|e| ApiError::invalid(format!("{}: record.json: {e}", request.display())))?;
        // The signer as the record knows them (the secretary's roster ids), found by name.
        let member = member_in_record(&record, &local.full_name)?;
        check_role(&record, &member, role)?;
        let stored = self.active_key(&local)?;
        let key = sign_keys::decrypt_private_key_pem(private_half(&stored, &local)?, passphrase)?;
        let signer = Signer {
            member_id: member.id.0.to_string(),
            full_name: member.full_name.clone(),
        };
        let s = minutebook_sign::attestation::sign_record(
            &record,
            &key,
            signer,
            role,
            self.signing_time(),
        )
        .map_err(|e| ApiError::invalid(e.to_string()))?;
        let number = bundle
            .signatures
            .iter()
            .map(|s| s.number)
            .max()
            .unwrap_or(0)
            + 1;
        let stem = format!("{number:02}-{}", role.code());
        std::fs::create_dir_all(out)
            .map_err(|e| ApiError::io(format!("{}: {e}", out.display())))?;
        crate::files::write_file_atomically(&out.join(format!("{stem}.json")), &s.attestation)?;
        crate::files::write_file_atomically(&out.join(format!("{stem}.sig")), &s.signature)?;
        crate::files::write_file_atomically(
            &out.join(format!("{stem}.pub.pem")),
            s.public_key_pem.as_bytes(),
        )?;
        Ok(SignedView {
            stem,
            full_name: member.full_name,
            role: role.code().to_owned(),
            fingerprint_grouped: Fingerprint::of(&key.verifying_key()).grouped(),
            status: "request".to_owned(),
        })
    }

    /// Imports attestation files signed elsewhere. Each is verified against the current record
    /// and the roster's pinned keys before it is accepted; one bad file refuses them all.
    ///
    /// # Errors
    /// `Tampered` / `InvalidInput` naming the file and what fails.
    pub fn import_attestations(
        &mut self,
        id: i64,
        dir: &Path,
    ) -> Result<Vec<SignedView>, ApiError> {
        self.use_case(&format!("import attestations of meeting #{id}"), |book| {
            let incoming = read_attestation_dir(dir)?;
            if incoming.is_empty() {
                return Err(ApiError::invalid(format!(
                    "{}: no attestation files (NN-role.json/.sig/.pub.pem)",
                    dir.display()
                )));
            }
            book.accept_attestations(id, incoming, &dir.display().to_string())
        })
    }

    /// Accepts attestations of meeting `id`'s current record that arrived in memory (from a
    /// member's laptop in the meeting room), with the checks of
    /// [`Book::import_attestations`], as one transaction.
    ///
    /// # Errors
    /// As [`Book::import_attestations`].
    pub fn accept_attestation(
        &mut self,
        id: i64,
        files: SignatureFiles,
        source: &str,
    ) -> Result<Vec<SignedView>, ApiError> {
        self.use_case(&format!("accept an attestation of meeting #{id}"), |book| {
            book.accept_attestations(id, vec![files], source)
        })
    }

    /// The checks and writes of an import of attestations, inside the caller's use case.
    fn accept_attestations(
        &mut self,
        id: i64,
        incoming: Vec<SignatureFiles>,
        source: &str,
    ) -> Result<Vec<SignedView>, ApiError> {
        let book = self;
        {
            let (rv, record) = book.current_record(id)?;
            let existing = book.store.attestations(&rv.sha256)?;
            let trust = book.trust_store()?;
            let mut accepted = Vec::new();
            let mut next = next_number(&existing)? - 1;
            for files in incoming {
                let stem = files.stem();
                let mut probe = Bundle::new(rv.bytes.clone());
                let mut single = files.clone();
                single.number = 1;
                probe.signatures.push(single);
                let report = verify_bundle(&probe, &trust, &VerifyOptions::default());
                let sig = &report.signatures[0];
                let pinned = matches!(sig.pin, minutebook_sign::trust::PinStatus::Pinned { .. });
                if !sig.valid || !pinned {
                    let mut why: Vec<String> = report
                        .problems
                        .iter()
                        .filter(|p| {
                            !matches!(
                                p.problem,
                                minutebook_sign::verify::Problem::RequiredRoleMissing { .. }
                            )
                        })
                        .map(|p| p.message.clone())
                        .collect();
                    if !pinned {
                        why.push("the key is not pinned to this member in the roster".to_owned());
                    }
                    return Err(ApiError::new(
                        ErrorCode::Tampered,
                        format!("{source}/{stem}: {}", why.join("; ")),
                    ));
                }
                let signer = sig
                    .signer
                    .clone()
                    .ok_or_else(|| ApiError::invalid(format!("{stem}: no signer")))?;
                let member = book.find_member(&signer.member_id)?;
                let role = files.role;
                check_role(&record, &member, role)?;
                if existing
                    .iter()
                    .any(|a| a.signed.attestation == files.attestation)
                {
                    continue;
                }
                next += 1;
                book.store
                    .add_attestation(&minutebook_store::NewAttestation {
                        record_sha256: rv.sha256.clone(),
                        stem: format!("{next:02}-{}", role.code()),
                        role,
                        member: member.id,
                        attestation: files.attestation.clone(),
                        signature: files.signature.clone(),
                        public_key_pem: String::from_utf8_lossy(&files.public_key_pem).into_owned(),
                    })?;
                accepted.push(SignedView {
                    stem: format!("{next:02}-{}", role.code()),
                    full_name: member.full_name.clone(),
                    role: role.code().to_owned(),
                    fingerprint_grouped: sig.fingerprint_grouped.clone().unwrap_or_default(),
                    status: String::new(),
                });
            }
            let status = book.update_signing_status(id)?;
            for a in &mut accepted {
                a.status = status.code().to_owned();
            }
            Ok(accepted)
        }
    }
}

fn member_in_record(record: &SignedRecord, name: &str) -> Result<Member, ApiError> {
    let roster = record
        .value()
        .get("roster")
        .and_then(|r| r.as_array())
        .cloned()
        .unwrap_or_default();
    let found: Vec<&serde_json::Value> = roster
        .iter()
        .filter(|m| {
            m.get("full_name")
                .and_then(|v| v.as_str())
                .is_some_and(|n| same_name(n, name))
        })
        .collect();
    let [m] = found.as_slice() else {
        return Err(ApiError::new(
            ErrorCode::NotAllowed,
            format!("{name} is not (exactly once) on this record's roster"),
        ));
    };
    let id = m
        .get("id")
        .and_then(|v| v.as_str())
        .and_then(|v| v.parse::<i64>().ok())
        .unwrap_or(0);
    let full_name = m.get("full_name").and_then(|v| v.as_str()).unwrap_or(name);
    Ok(Member::new(
        MemberId(id),
        full_name,
        minutebook_core::MemberCategory::Official,
    ))
}

fn next_number(existing: &[minutebook_store::Attestation]) -> Result<u32, ApiError> {
    let mut max = 0;
    for a in existing {
        max = max.max(stem_number(&a.signed.stem)?);
    }
    Ok(max + 1)
}

fn check_role(record: &SignedRecord, member: &Member, role: SignerRole) -> Result<(), ApiError> {
    let id = member.id.0.to_string();
    match role {
        SignerRole::Chair | SignerRole::MinuteTaker => {
            match record.header().signatories.get(&role) {
                Some(s) if s.member_id == id => Ok(()),
                Some(s) => Err(ApiError::new(
                    ErrorCode::NotAllowed,
                    format!(
                        "{} is not the {} of this meeting ({} is)",
                        member.full_name,
                        role.code(),
                        s.full_name
                    ),
                )),
                None => Err(ApiError::new(
                    ErrorCode::NotAllowed,
                    format!("this meeting has no {} recorded", role.code()),
                )),
            }
        }
        SignerRole::Member => {
            let on_roster = record
                .value()
                .get("roster")
                .and_then(|r| r.as_array())
                .is_some_and(|r| {
                    r.iter()
                        .any(|m| m.get("id").and_then(|v| v.as_str()) == Some(id.as_str()))
                });
            if on_roster {
                Ok(())
            } else {
                Err(ApiError::new(
                    ErrorCode::NotAllowed,
                    format!("{} is not on this meeting's roster", member.full_name),
                ))
            }
        }
    }
}

fn read_attestation_dir(
    dir: &Path,
) -> Result<Vec<minutebook_sign::bundle::SignatureFiles>, ApiError> {
    let mut entries = Vec::new();
    let rd = std::fs::read_dir(dir).map_err(|e| ApiError::io(format!("{}: {e}", dir.display())))?;
    for e in rd {
        let e = e.map_err(|e| ApiError::io(format!("{}: {e}", dir.display())))?;
        let meta = std::fs::symlink_metadata(e.path()).map_err(|e| ApiError::io(e.to_string()))?;
        if !meta.is_file() {
            return Err(ApiError::invalid(format!(
                "{}: only plain attestation files are accepted",
                e.path().display()
            )));
        }
        let name = e.file_name().to_string_lossy().into_owned();
        if name == "record.json" {
            continue;
        }
        let bytes = crate::files::read_input_file(&e.path())?;
        entries.push((format!("signatures/{name}"), bytes));
    }
    // Reuse the bundle reader's rules for names and completeness, with a placeholder record.
    entries.push(("record.json".to_owned(), b"{}".to_vec()));
    let b = Bundle::from_entries(entries, Default::default())?;
    Ok(b.signatures)
}
