//! A meeting's record: closing (version n+1), reopening, the current record and its bundle,
//! integrity against the rows, and the whole book's check.

use super::*;

impl Book {
    pub(super) fn previous_open_items(&self, id: MeetingId) -> Result<Vec<ActionItem>, ApiError> {
        Ok(match self.store.previous_meeting(id)? {
            Some(prev) => carried_forward(&self.store.load_meeting(prev.id)?.action_items),
            None => Vec::new(),
        })
    }

    pub(super) fn record_bytes(record: &Record) -> Result<Vec<u8>, ApiError> {
        minutebook_sign::canonical::to_canonical_bytes(record).map_err(|e| {
            ApiError::invalid(format!("the record cannot be put in canonical form: {e}"))
        })
    }

    /// The record closing `meeting` now would store (version n+1 of its chain), built from
    /// the book's roster; nothing is written.
    ///
    /// # Errors
    /// `InvalidInput` when the meeting is inconsistent; storage errors.
    pub(super) fn record_as_closed(
        &self,
        cell: &Cell,
        meeting: &Meeting,
    ) -> Result<Record, ApiError> {
        let mid = meeting.id;
        let roster = self.store.list_members()?;
        let previous_open = self.previous_open_items(mid)?;
        let chain = match self.store.latest_record_version(mid)? {
            Some(prev) => {
                let prev_record = Record::from_json(&prev.bytes)?;
                Chain {
                    version: prev.version + 1,
                    sequence: prev_record.sequence,
                    previous_version_sha256: Some(prev.sha256.clone()),
                    previous_record_sha256: prev_record.previous_record_sha256,
                }
            }
            None => {
                let sequence = u32::try_from(self.store.next_sequence()?).map_err(|_| {
                    ApiError::new(ErrorCode::Storage, "record sequence out of range")
                })?;
                let previous_record_sha256 = self.store.latest_record()?.map(|r| r.sha256);
                Chain {
                    version: 1,
                    sequence,
                    previous_version_sha256: None,
                    previous_record_sha256,
                }
            }
        };
        Ok(Record::build(
            &self.cell_id()?,
            cell,
            &roster,
            meeting,
            &previous_open,
            chain,
        )?)
    }

    /// Closes a meeting: builds its record (version n+1 if it was closed before) and freezes it.
    ///
    /// Text the PDF cannot print is refused here, every field and character listed
    /// ([`Book::close_check`] gives them one by one): a meeting that closes always exports.
    /// Unfinished text is not refused; the caller shows [`Book::close_check`]'s warnings first.
    ///
    /// # Errors
    /// `Locked` when already closed; `InvalidInput` when the meeting is inconsistent or holds
    /// text the PDF cannot print.
    pub fn close_meeting(&mut self, id: i64) -> Result<RecordInfo, ApiError> {
        self.use_case(&format!("close meeting #{id}"), |book| {
            let mid = MeetingId(id);
            let cell = book.require_cell()?;
            let mut meeting = book.store.load_meeting(mid)?;
            if !meeting.status.is_editable() {
                return Err(ApiError::with_detail(
                    ErrorCode::Locked,
                    "err-already-closed",
                    &[("id", id.to_string())],
                    format!("meeting #{id} is already {}", meeting.status.code()),
                ));
            }
            meeting.status = MeetingStatus::Closed;
            let record = book.record_as_closed(&cell, &meeting)?;
            // Refused before anyone signs what could never be exported (issue 15).
            let unprintable = super::printing::unprintable_in_record(&record)?;
            if !unprintable.is_empty() {
                return Err(ApiError::with_detail(
                    ErrorCode::InvalidInput,
                    "err-close-unprintable",
                    &[
                        ("id", id.to_string()),
                        ("count", unprintable.len().to_string()),
                    ],
                    format!(
                        "meeting #{id} cannot be closed: its text cannot be printed in the PDF: {}",
                        super::printing::describe(&unprintable)
                    ),
                ));
            }
            let bytes = Self::record_bytes(&record)?;
            let sha = minutebook_sign::sha256_hex(&bytes);
            let stored =
                book.store
                    .insert_record_version(mid, u64::from(record.sequence), &bytes)?;
            if stored.sha256 != sha || stored.version != record.version {
                return Err(ApiError::new(
                    ErrorCode::Storage,
                    "the stored record differs from the one built",
                ));
            }
            book.store.set_status(mid, MeetingStatus::Closed)?;
            book.record_info(id)
        })
    }

    /// Reopens a closed meeting for changes. Its record and signatures stay in the chain;
    /// closing again makes a new version that the old signatures do not cover.
    ///
    /// # Errors
    /// `InvalidInput` when the meeting is not closed.
    pub fn reopen_meeting(&mut self, id: i64) -> Result<(), ApiError> {
        self.use_case(&format!("reopen meeting #{id}"), |book| {
            let meeting = book.store.load_meeting(MeetingId(id))?;
            if meeting.status.is_editable() {
                return Err(ApiError::with_detail(
                    ErrorCode::InvalidInput,
                    "err-not-closed",
                    &[("id", id.to_string())],
                    format!("meeting #{id} is not closed"),
                ));
            }
            Ok(book
                .store
                .set_status(MeetingId(id), MeetingStatus::InSession)?)
        })
    }

    pub(super) fn current_record(
        &self,
        id: i64,
    ) -> Result<(minutebook_store::RecordVersion, SignedRecord), ApiError> {
        // A meeting that does not exist is NotFound, before "not closed yet".
        let meeting = self.store.load_meeting(MeetingId(id))?;
        let rv = self
            .store
            .latest_record_version(MeetingId(id))?
            .ok_or_else(|| {
                ApiError::with_detail(
                    ErrorCode::InvalidInput,
                    "err-not-closed",
                    &[("id", id.to_string())],
                    format!("meeting #{id} is not closed yet: close it first"),
                )
            })?;
        if meeting.status.is_editable() {
            return Err(ApiError::with_detail(
                ErrorCode::InvalidInput,
                "err-reopened",
                &[
                    ("id", id.to_string()),
                    ("version", (rv.version + 1).to_string()),
                ],
                format!(
                    "meeting #{id} was reopened for changes: close it again to make version {}",
                    rv.version + 1
                ),
            ));
        }
        let signed = SignedRecord::from_bytes(rv.bytes.clone()).map_err(|e| {
            ApiError::new(
                ErrorCode::Tampered,
                format!("the stored record of meeting #{id} is damaged: {e}"),
            )
        })?;
        Ok((rv, signed))
    }

    /// The roles in which the current record carries a valid signature by a key the roster
    /// pins, in signing order.
    ///
    /// # Errors
    /// As [`Book::bundle`].
    pub(super) fn valid_signatures(&self, id: i64) -> Result<Vec<SignerRole>, ApiError> {
        let bundle = self.bundle(id)?;
        let report = verify_bundle(&bundle, &self.trust_store()?, &VerifyOptions::default());
        Ok(report
            .signatures
            .iter()
            .filter(|s| s.valid)
            .map(|s| s.role)
            .collect())
    }

    /// The newest stored version of the meeting whose record has hash `sha256`, as (version,
    /// hash), when it is later than that record; `None` when it is the newest or not in this
    /// book.
    pub fn later_version_of(&self, sha256: &str) -> Option<(u32, String)> {
        let rv = self.store.record_by_sha256(sha256).ok()?;
        let newest = self.store.latest_record_version(rv.meeting).ok()??;
        (newest.version > rv.version).then_some((newest.version, newest.sha256))
    }

    /// The bundle of the current record with every stored signature.
    ///
    /// # Errors
    /// `InvalidInput` when not closed.
    pub fn bundle(&self, id: i64) -> Result<Bundle, ApiError> {
        let (rv, _) = self.current_record(id)?;
        self.bundle_of(&rv)
    }

    pub(super) fn bundle_of(
        &self,
        rv: &minutebook_store::RecordVersion,
    ) -> Result<Bundle, ApiError> {
        let mut bundle = Bundle::new(rv.bytes.clone());
        for a in self.store.attestations(&rv.sha256)? {
            let a = a.signed;
            bundle
                .signatures
                .push(minutebook_sign::bundle::SignatureFiles {
                    number: stem_number(&a.stem)?,
                    role: a.role,
                    attestation: a.attestation,
                    signature: a.signature,
                    public_key_pem: a.public_key_pem.into_bytes(),
                });
        }
        bundle.signatures.sort_by_key(|s| s.number);
        Ok(bundle)
    }

    /// The current record's hash, version and who has signed.
    ///
    /// # Errors
    /// `InvalidInput` when the meeting is not closed.
    pub fn record_info(&self, id: i64) -> Result<RecordInfo, ApiError> {
        let (rv, signed) = self.current_record(id)?;
        let signed_roles: Vec<String> = self
            .valid_signatures(id)?
            .iter()
            .map(|r| r.code().to_owned())
            .collect();
        let missing_roles: Vec<String> = signed
            .header()
            .required_roles
            .iter()
            .map(|r| r.code().to_owned())
            .filter(|r| !signed_roles.contains(r))
            .collect();
        let meeting = self.store.load_meeting(MeetingId(id))?;
        Ok(RecordInfo {
            meeting_id: id,
            version: rv.version,
            sequence: u32::try_from(rv.sequence).unwrap_or(u32::MAX),
            sha256_grouped: minutebook_core::text::grouped_hex(&rv.sha256),
            sha256: rv.sha256,
            signed_roles,
            missing_roles,
            status: meeting.status.code().to_owned(),
        })
    }

    /// Whether a closed meeting's rows and signatures still match its record.
    ///
    /// The record is rebuilt from the meeting's rows, with the roster snapshot, cell and chain
    /// fields the record itself holds (so later roster edits do not count), and compared byte
    /// for byte; every stored signature is verified against the stored record. Always the full
    /// check; its outcome is remembered for [`Book::meetings`] (unless another connection
    /// wrote meanwhile, or the file cannot be written).
    ///
    /// # Errors
    /// Storage errors only: damage is reported as [`Integrity::Altered`].
    pub fn integrity(&self, id: i64) -> Result<Integrity, ApiError> {
        let data_version = self.store.data_version()?;
        let rv = match self.store.latest_record_version(MeetingId(id)) {
            Ok(Some(rv)) => rv,
            Ok(None) => return Ok(Integrity::Open),
            Err(minutebook_store::Error::Corrupt(detail)) => {
                return Ok(Integrity::Altered {
                    details: vec![detail],
                });
            }
            Err(e) => return Err(e.into()),
        };
        let mut details = Vec::new();
        let meeting = self.store.load_meeting(MeetingId(id))?;
        if meeting.status.is_editable() {
            return Ok(Integrity::Open);
        }
        if minutebook_sign::sha256_hex(&rv.bytes) != rv.sha256 {
            details.push(format!(
                "the stored record of version {} does not match its hash",
                rv.version
            ));
        }
        let readable = match rebuild(&rv.bytes, &meeting) {
            Ok(rebuilt) if rebuilt == rv.bytes => true,
            Ok(_) => {
                details.push(format!(
                    "the meeting's rows no longer match signed record version {} (changed outside Minutebook)",
                    rv.version
                ));
                true
            }
            Err(e) => {
                details.push(format!("the stored record cannot be read: {}", e.message));
                false
            }
        };
        if readable && let Ok(bundle) = self.bundle_of(&rv) {
            let report = verify_bundle(&bundle, &TrustStore::new(), &VerifyOptions::default());
            for s in report.signatures.iter().filter(|s| !s.valid) {
                details.push(format!(
                    "signature {} does not verify: {}",
                    s.file,
                    s.problem_codes.join(", ")
                ));
            }
        }
        // Derived data: a failure to remember only means the next listing checks again.
        let _ =
            self.store
                .remember_integrity_check(MeetingId(id), &rv.sha256, &details, data_version);
        Ok(if details.is_empty() {
            Integrity::Intact
        } else {
            Integrity::Altered { details }
        })
    }

    /// Checks SQLite integrity, the audit chain and every closed meeting.
    ///
    /// # Errors
    /// Storage errors that prevent checking at all.
    pub fn check(&self) -> Result<CheckReport, ApiError> {
        let sqlite_integrity = match self.store.integrity_check() {
            Ok(()) => "ok".to_owned(),
            Err(e) => e.to_string(),
        };
        let audit = match self.store.verify_audit_chain() {
            Ok(n) => format!("ok ({n} entries)"),
            Err(e) => e.to_string(),
        };
        // Every closed meeting in full, not the remembered outcomes the list shows.
        let meetings: Vec<MeetingListItem> = self
            .list(false)?
            .into_iter()
            .filter(|m| m.integrity != Integrity::Open)
            .collect();
        let ok = sqlite_integrity == "ok"
            && audit.starts_with("ok")
            && meetings.iter().all(|m| m.integrity == Integrity::Intact);
        Ok(CheckReport {
            ok,
            sqlite_integrity,
            audit,
            meetings,
        })
    }
}

pub(super) fn stem_number(stem: &str) -> Result<u32, ApiError> {
    stem.split('-')
        .next()
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::Tampered,
                format!("stored attestation name {stem:?}"),
            )
        })
}

/// What a stored record says, back in domain types: its cell, its roster snapshot (the book's
/// ids), its meeting and the open items it carried forward.
pub(super) struct SignedSnapshot {
    /// The record as read.
    pub record: Record,
    /// Its cell.
    pub cell: Cell,
    /// Its roster snapshot.
    pub roster: Vec<Member>,
    /// Its meeting, as closed.
    pub meeting: Meeting,
    /// The previous meeting's open action items it carried forward.
    pub previous_open: Vec<ActionItem>,
}

/// Reads a stored record's bytes back into domain types (for the integrity check and for
/// showing an altered meeting as it was signed).
///
/// # Errors
/// `InvalidInput` naming the JSON path that does not convert.
pub(super) fn snapshot(stored: &[u8], id: MeetingId) -> Result<SignedSnapshot, ApiError> {
    let record = Record::from_json(stored)?;
    let mut roster = Vec::new();
    for (i, d) in record.roster.iter().enumerate() {
        let member_id =
            d.id.parse::<i64>()
                .map_err(|_| ApiError::invalid(format!("roster[{i}].id")))?;
        roster.push(convert::member_from_doc(
            d,
            MemberId(member_id),
            &format!("roster[{i}]"),
        )?);
    }
    let ids = ids_of(&roster);
    let cell = convert::cell_from_doc(&record.cell, "cell")?;
    let previous_open = record
        .previous_open_items
        .iter()
        .map(|a| {
            Ok(ActionItem {
                owner: *ids
                    .get(&a.owner.member_id)
                    .ok_or_else(|| ApiError::invalid("previous_open_items owner"))?,
                task: a.task.clone(),
                deadline: a
                    .deadline
                    .as_deref()
                    .map(|d| convert::parse_date(d, "deadline"))
                    .transpose()?,
                report_back: a.report_back.clone(),
                status: minutebook_core::ActionStatus::Open,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let meeting = convert::meeting_from_doc(&record.meeting, id, &ids, "meeting")?;
    Ok(SignedSnapshot {
        record,
        cell,
        roster,
        meeting,
        previous_open,
    })
}

/// Rebuilds a record's canonical bytes from `meeting`'s rows and the record's own snapshot.
fn rebuild(stored: &[u8], meeting: &Meeting) -> Result<Vec<u8>, ApiError> {
    let old = snapshot(stored, meeting.id)?;
    let mut m = meeting.clone();
    m.status = MeetingStatus::Closed;
    let chain = Chain {
        version: old.record.version,
        sequence: old.record.sequence,
        previous_version_sha256: old.record.previous_version_sha256.clone(),
        previous_record_sha256: old.record.previous_record_sha256.clone(),
    };
    let record = Record::build(
        &old.record.cell.id,
        &old.cell,
        &old.roster,
        &m,
        &old.previous_open,
        chain,
    )?;
    Book::record_bytes(&record)
}
