//! [`Book`]: one cell's minute book, and every use case over it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use minutebook_core::action::carried_forward;
use minutebook_core::lifecycle::signing_status;
use minutebook_core::meeting::MeetingId;
use minutebook_core::text::{nfc, same_name};
use minutebook_core::vote::CountingReading;
use minutebook_core::{
    ActionItem, Cell, CellSettings, Meeting, MeetingStatus, Member, MemberId, SignerRole,
};
use minutebook_record::convert::{self, IdMap};
use minutebook_record::interchange::MeetingFile;
use minutebook_record::record::{Chain, Record, figures};
use minutebook_sign::bundle::Bundle;
use minutebook_sign::keys::{self, Fingerprint, ImportOptions};
use minutebook_sign::record::{Record as SignedRecord, Role, Signer};
use minutebook_sign::trust::{TrustStore, TrustedKey};
use minutebook_sign::verify::{VerifyOptions, verify_bundle};
use minutebook_store::{Clock, OpenOptions, Store, SystemClock};
use time::OffsetDateTime;

use crate::backups::{self, DailyBackup};
use crate::error::{ApiError, ErrorCode};
use crate::views::*;

/// The setting holding the cell's stable id.
const CELL_ID_SETTING: &str = "cell_id";

/// A minute book open for use.
pub struct Book {
    store: Store,
    clock: Arc<dyn Clock>,
    daily_backup: DailyBackup,
    /// The (Vietnamese) day of the last daily-backup attempt.
    backup_day: time::Date,
}

/// The default minute book: `$MINUTEBOOK_DB`, else `<OS data dir>/minutebook/minutebook.db`.
pub fn default_db_path() -> PathBuf {
    minutebook_store::default_path().unwrap_or_else(|| PathBuf::from("minutebook.db"))
}

fn role_of(code: &str) -> Result<(SignerRole, Role), ApiError> {
    let r = SignerRole::from_code(code).ok_or_else(|| {
        ApiError::new(
            ErrorCode::Usage,
            format!("unknown role {code:?}: use chair, minute-taker or member"),
        )
    })?;
    let s = Role::parse(code)
        .ok_or_else(|| ApiError::new(ErrorCode::Usage, format!("unknown role {code:?}")))?;
    Ok((r, s))
}

fn reading_of(code: &str) -> Result<CountingReading, ApiError> {
    CountingReading::from_code(code).ok_or_else(|| {
        ApiError::new(
            ErrorCode::Usage,
            format!("unknown counting reading {code:?}: use full-exclusions, qd294-as-quoted or all-official"),
        )
    })
}

fn grouped(hex: &str) -> String {
    hex.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Member ids in documents are the book's ids as decimal strings.
fn ids_of(members: &[Member]) -> IdMap {
    members.iter().map(|m| (m.id.0.to_string(), m.id)).collect()
}

impl Book {
    /// Opens (creating if needed) the minute book at `path`, with the system clock.
    ///
    /// The first opening of a day also writes the rolling daily backup into
    /// [`backups_dir`](crate::backups::backups_dir) (`backups/` next to the file), keeping the
    /// newest `backups_to_keep`; a failed backup does not stop the opening and is reported by
    /// [`Book::daily_backup`].
    ///
    /// # Errors
    /// [`ApiError`] when the file cannot be opened, is newer than this program, or is not a
    /// minute book.
    pub fn open(path: &Path) -> Result<Book, ApiError> {
        Self::open_with_clock(path, Arc::new(SystemClock))
    }

    /// Opens with an explicit clock (tests, benchmarks).
    ///
    /// # Errors
    /// As [`Book::open`].
    pub fn open_with_clock(path: &Path, clock: Arc<dyn Clock>) -> Result<Book, ApiError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| ApiError::io(format!("{}: {e}", dir.display())))?;
        }
        let existed = path.exists();
        let store = Store::open_with(
            path,
            OpenOptions {
                clock: clock.clone(),
                actor: "minutebook".to_owned(),
                backups_to_keep: None,
            },
        )?;
        let now = clock.now();
        let daily_backup = if existed {
            backups::take(&store, now)
        } else {
            DailyBackup::NewBook
        };
        Ok(Book {
            store,
            clock,
            daily_backup,
            backup_day: backups::backup_day(now),
        })
    }

    /// For a book kept open across midnight (the desktop app keeps it open for its whole run):
    /// takes the daily backup when the day (in Vietnam) has changed since the last attempt, as
    /// opening would. Costs one clock reading when it has not. Returns the latest outcome.
    pub fn keep_daily_backup(&mut self) -> &DailyBackup {
        let now = self.clock.now();
        let today = backups::backup_day(now);
        if today != self.backup_day {
            self.backup_day = today;
            self.daily_backup = backups::take(&self.store, now);
        }
        &self.daily_backup
    }

    /// What this opening did about the daily backup; [`DailyBackup::warning`] is the failure
    /// to show the user, if any.
    pub fn daily_backup(&self) -> &DailyBackup {
        &self.daily_backup
    }

    /// The file.
    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// The underlying store (for tests and tools).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The underlying store, for writing (the desktop workspace's create/save of a meeting).
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    pub(crate) fn now(&self) -> OffsetDateTime {
        self.clock.now()
    }

    // ----- cell ---------------------------------------------------------------------------

    fn cell_id(&self) -> Result<String, ApiError> {
        Ok(self
            .store
            .setting(CELL_ID_SETTING)?
            .unwrap_or_else(|| "cell".to_owned()))
    }

    fn require_cell(&self) -> Result<Cell, ApiError> {
        self.store.cell()?.ok_or_else(|| {
            ApiError::not_found("no cell yet: create it first (minutebook cell create)")
        })
    }

    /// The cell, if created.
    ///
    /// # Errors
    /// Storage errors.
    pub fn cell(&self) -> Result<Option<CellView>, ApiError> {
        let Some(cell) = self.store.cell()? else {
            return Ok(None);
        };
        let d = convert::cell_doc(&self.cell_id()?, &cell);
        Ok(Some(CellView {
            id: d.id,
            name: d.name,
            upper_committee: d.upper_committee,
            place: d.place,
            document_code: d.document_code,
            default_reading: d.default_reading,
            required_roles: d.required_roles,
            counting_rule_citation: d.counting_rule_citation,
        }))
    }

    /// Creates the cell of a new minute book.
    ///
    /// # Errors
    /// `InvalidInput` when a field is empty or the book already has a cell.
    pub fn create_cell(&mut self, input: &CellInput) -> Result<CellView, ApiError> {
        if self.store.cell()?.is_some() {
            return Err(ApiError::invalid("this minute book already has a cell"));
        }
        for (field, value) in [
            ("name", &input.name),
            ("upper_committee", &input.upper_committee),
            ("place", &input.place),
        ] {
            if value.trim().is_empty() {
                return Err(ApiError::invalid(format!("{field} is empty")));
            }
        }
        let cell = Cell {
            name: nfc(input.name.trim()),
            upper_committee: nfc(input.upper_committee.trim()),
            place: nfc(input.place.trim()),
            document_code: nfc(input.document_code.trim()),
            settings: CellSettings::default(),
        };
        let id = slug(&cell.name);
        self.store.set_setting(CELL_ID_SETTING, &id)?;
        self.store.set_cell(&cell)?;
        self.cell()?.ok_or_else(|| ApiError::not_found("cell"))
    }

    /// Sets the cell's default counting reading.
    ///
    /// # Errors
    /// `Usage` for an unknown reading.
    pub fn set_default_reading(&mut self, code: &str) -> Result<(), ApiError> {
        let mut cell = self.require_cell()?;
        cell.settings.default_reading = reading_of(code)?;
        Ok(self.store.set_cell(&cell)?)
    }

    // ----- roster -------------------------------------------------------------------------

    /// Members with their current key fingerprints.
    ///
    /// # Errors
    /// Storage errors.
    pub fn members(&self) -> Result<Vec<MemberView>, ApiError> {
        let keys = self.store.list_keys(None)?;
        Ok(self
            .store
            .list_members()?
            .iter()
            .map(|m| MemberView {
                member: convert::member_doc(m),
                key_fingerprint: keys
                    .iter()
                    .filter(|k| k.member == m.id && k.revoked_from.is_none())
                    .map(|k| k.fingerprint.clone())
                    .next_back(),
            })
            .collect())
    }

    /// Finds a member by id or exact full name (NFC, spacing ignored).
    ///
    /// # Errors
    /// `NotFound`, or `InvalidInput` when a name matches several members.
    pub fn find_member(&self, who: &str) -> Result<Member, ApiError> {
        let members = self.store.list_members()?;
        if let Ok(id) = who.trim().parse::<i64>()
            && let Some(m) = members.iter().find(|m| m.id.0 == id)
        {
            return Ok(m.clone());
        }
        let found: Vec<&Member> = members
            .iter()
            .filter(|m| same_name(&m.full_name, who))
            .collect();
        match found.as_slice() {
            [m] => Ok((*m).clone()),
            [] => Err(ApiError::not_found(format!(
                "no member {who:?} on the roster"
            ))),
            _ => Err(ApiError::invalid(format!(
                "{} members are named {who:?}: use the member id",
                found.len()
            ))),
        }
    }

    /// Imports a roster spreadsheet (CSV or XLSX), all or nothing. Members already on the
    /// roster (same name and card number) are kept, not duplicated.
    ///
    /// # Errors
    /// `InvalidInput` naming file, row and field; nothing is changed.
    pub fn import_roster(&mut self, path: &Path) -> Result<RosterImportSummary, ApiError> {
        let imported = minutebook_import::import_roster_file(path)
            .map_err(|e| ApiError::invalid(e.to_string()))?;
        let existing = self.store.list_members()?;
        let new: Vec<Member> = imported
            .into_iter()
            .filter(|m| !existing.iter().any(|e| same_member(e, m)))
            .collect();
        let added = new.len();
        if !new.is_empty() {
            self.store.import_members(&new)?;
        }
        Ok(RosterImportSummary {
            added,
            total: existing.len() + added,
        })
    }

    // ----- meetings -----------------------------------------------------------------------

    /// Imports a meeting interchange file: creates the cell if the book has none, adds roster
    /// members it lacks, and creates the meeting (as draft or in session; closing and signing
    /// happen in the book). Returns the new meeting's id.
    ///
    /// # Errors
    /// `InvalidInput` with the JSON path of the first problem; nothing is changed.
    pub fn import_meeting(&mut self, bytes: &[u8]) -> Result<i64, ApiError> {
        let file = MeetingFile::parse(bytes)?;
        let imported = file.to_domain()?;
        match self.store.cell()? {
            None => {}
            Some(cell) if same_name(&cell.name, &imported.cell.name) => {}
            Some(cell) => {
                return Err(ApiError::invalid(format!(
                    "cell.name: the file is for {:?}, this minute book is {:?}",
                    imported.cell.name, cell.name
                )));
            }
        }
        let existing = self.store.list_members()?;
        let mut map: std::collections::HashMap<MemberId, MemberId> =
            std::collections::HashMap::new();
        let mut new = Vec::new();
        for m in &imported.roster {
            match existing.iter().find(|e| same_member(e, m)) {
                Some(e) => {
                    map.insert(m.id, e.id);
                }
                None => new.push(m.clone()),
            }
        }
        if self.store.cell()?.is_none() {
            self.store.set_setting(CELL_ID_SETTING, &imported.cell_id)?;
            self.store.set_cell(&imported.cell)?;
        }
        if !new.is_empty() {
            let ids = self.store.import_members(&new)?;
            for (m, id) in new.iter().zip(ids) {
                map.insert(m.id, id);
            }
        }
        let mut meeting = remap(imported.meeting, &map);
        if !meeting.status.is_editable() {
            meeting.status = MeetingStatus::InSession;
        }
        Ok(self.store.create_meeting(&meeting)?.0)
    }

    /// The interchange file of a meeting.
    ///
    /// # Errors
    /// `NotFound`.
    pub fn export_meeting(&self, id: i64) -> Result<Vec<u8>, ApiError> {
        let cell = self.require_cell()?;
        let meeting = self.store.load_meeting(MeetingId(id))?;
        let roster = self.store.list_members()?;
        Ok(MeetingFile::new(&self.cell_id()?, &cell, &roster, &meeting).to_json())
    }

    /// All meetings, newest first, with the integrity of closed ones.
    ///
    /// A closed meeting's integrity is the outcome of its last full check
    /// ([`Book::integrity`]) as remembered by the store, which forgets it as soon as the
    /// meeting's rows, records or signatures change (by any SQLite client); meetings with no
    /// current remembered check are checked in full here.
    ///
    /// # Errors
    /// Storage errors.
    pub fn meetings(&self) -> Result<Vec<MeetingListItem>, ApiError> {
        self.list(true)
    }

    fn list(&self, use_remembered: bool) -> Result<Vec<MeetingListItem>, ApiError> {
        let remembered = if use_remembered {
            self.store.integrity_checks()?
        } else {
            Default::default()
        };
        let mut out = Vec::new();
        for s in self.store.list_meetings()? {
            let integrity = match remembered.get(&s.id) {
                Some(c) if !s.status.is_editable() => {
                    if c.problems.is_empty() {
                        Integrity::Intact
                    } else {
                        Integrity::Altered {
                            details: c.problems.clone(),
                        }
                    }
                }
                _ => self.integrity(s.id.0)?,
            };
            out.push(MeetingListItem {
                id: s.id.0,
                date: convert::date_str(s.date),
                kind: s.kind.code().to_owned(),
                subject: s.subject.clone(),
                status: s.status.code().to_owned(),
                number: s.number,
                integrity,
            });
        }
        Ok(out)
    }

    /// The figures of a meeting. With `reading`, every vote is shown under that reading
    /// instead (a what-if; nothing is saved).
    ///
    /// # Errors
    /// `NotFound`; `InvalidInput` when the meeting's counts are inconsistent.
    pub fn report(&self, id: i64, reading: Option<&str>) -> Result<Report, ApiError> {
        let cell = self.require_cell()?;
        let mut meeting = self.store.load_meeting(MeetingId(id))?;
        let roster = self.store.list_members()?;
        if let Some(code) = reading {
            let r = reading_of(code)?;
            for v in &mut meeting.votes {
                v.reading = Some(r);
            }
        }
        let figures = figures(&cell, &roster, &meeting)?;
        Ok(Report {
            meeting_id: id,
            subject: meeting.subject.clone(),
            date: convert::date_str(meeting.date),
            status: meeting.status.code().to_owned(),
            counting_rule_citation: cell.settings.counting_rule_citation.clone(),
            reading_overridden: reading.is_some(),
            figures,
            integrity: self.integrity(id)?,
        })
    }

    /// Chooses the counting reading of vote `vote` (1-based); `default` for the cell's.
    ///
    /// # Errors
    /// `Locked` for a closed meeting; `NotFound` for a missing vote.
    pub fn set_vote_reading(&mut self, id: i64, vote: usize, code: &str) -> Result<(), ApiError> {
        let mut meeting = self.store.load_meeting(MeetingId(id))?;
        let reading = if code == "default" {
            None
        } else {
            Some(reading_of(code)?)
        };
        let v = vote
            .checked_sub(1)
            .and_then(|i| meeting.votes.get_mut(i))
            .ok_or_else(|| ApiError::not_found(format!("vote {vote} of meeting #{id}")))?;
        v.reading = reading;
        Ok(self.store.save_meeting(&meeting)?)
    }

    /// Loads a meeting (for the desktop UI).
    ///
    /// # Errors
    /// `NotFound`.
    pub fn meeting(&self, id: i64) -> Result<Meeting, ApiError> {
        Ok(self.store.load_meeting(MeetingId(id))?)
    }

    // ----- records ------------------------------------------------------------------------

    fn previous_open_items(&self, id: MeetingId) -> Result<Vec<ActionItem>, ApiError> {
        Ok(match self.store.previous_meeting(id)? {
            Some(prev) => carried_forward(&self.store.load_meeting(prev.id)?.action_items),
            None => Vec::new(),
        })
    }

    fn record_bytes(record: &Record) -> Result<Vec<u8>, ApiError> {
        minutebook_sign::canonical::to_canonical_bytes(record).map_err(|e| {
            ApiError::invalid(format!("the record cannot be put in canonical form: {e}"))
        })
    }

    /// Closes a meeting: builds its record (version n+1 if it was closed before) and freezes it.
    ///
    /// # Errors
    /// `Locked` when already closed; `InvalidInput` when the meeting is inconsistent.
    pub fn close_meeting(&mut self, id: i64) -> Result<RecordInfo, ApiError> {
        let mid = MeetingId(id);
        let cell = self.require_cell()?;
        let mut meeting = self.store.load_meeting(mid)?;
        if !meeting.status.is_editable() {
            return Err(ApiError::new(
                ErrorCode::Locked,
                format!("meeting #{id} is already {}", meeting.status.code()),
            ));
        }
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
        meeting.status = MeetingStatus::Closed;
        let record = Record::build(
            &self.cell_id()?,
            &cell,
            &roster,
            &meeting,
            &previous_open,
            chain,
        )?;
        let bytes = Self::record_bytes(&record)?;
        let sha = minutebook_sign::sha256_hex(&bytes);
        let stored = self
            .store
            .insert_record_version(mid, u64::from(record.sequence), &bytes)?;
        if stored.sha256 != sha || stored.version != record.version {
            return Err(ApiError::new(
                ErrorCode::Storage,
                "the stored record differs from the one built",
            ));
        }
        self.store.set_status(mid, MeetingStatus::Closed)?;
        self.record_info(id)
    }

    /// Reopens a closed meeting for changes. Its record and signatures stay in the chain;
    /// closing again makes a new version that the old signatures do not cover.
    ///
    /// # Errors
    /// `InvalidInput` when the meeting is not closed.
    pub fn reopen_meeting(&mut self, id: i64) -> Result<(), ApiError> {
        let meeting = self.store.load_meeting(MeetingId(id))?;
        if meeting.status.is_editable() {
            return Err(ApiError::invalid(format!("meeting #{id} is not closed")));
        }
        Ok(self
            .store
            .set_status(MeetingId(id), MeetingStatus::InSession)?)
    }

    fn current_record(
        &self,
        id: i64,
    ) -> Result<(minutebook_store::RecordVersion, SignedRecord), ApiError> {
        let rv = self
            .store
            .latest_record_version(MeetingId(id))?
            .ok_or_else(|| {
                ApiError::invalid(format!("meeting #{id} is not closed yet: close it first"))
            })?;
        let meeting = self.store.load_meeting(MeetingId(id))?;
        if meeting.status.is_editable() {
            return Err(ApiError::invalid(format!(
                "meeting #{id} was reopened for changes: close it again to make version {}",
                rv.version + 1
            )));
        }
        let signed = SignedRecord::from_bytes(rv.bytes.clone()).map_err(|e| {
            ApiError::new(
                ErrorCode::Tampered,
                format!("the stored record of meeting #{id} is damaged: {e}"),
            )
        })?;
        Ok((rv, signed))
    }

    /// The bundle of the current record with every stored signature.
    ///
    /// # Errors
    /// `InvalidInput` when not closed.
    pub fn bundle(&self, id: i64) -> Result<Bundle, ApiError> {
        let (rv, _) = self.current_record(id)?;
        self.bundle_of(&rv)
    }

    fn bundle_of(&self, rv: &minutebook_store::RecordVersion) -> Result<Bundle, ApiError> {
        let mut bundle = Bundle::new(rv.bytes.clone());
        for a in self.store.attestations(&rv.sha256)? {
            let a = a.signed;
            bundle
                .signatures
                .push(minutebook_sign::bundle::SignatureFiles {
                    number: stem_number(&a.stem)?,
                    role: Role::parse(a.role.code()).unwrap_or(Role::Member),
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
        let bundle = self.bundle(id)?;
        let report = verify_bundle(&bundle, &self.trust_store()?, &VerifyOptions::default());
        let signed_roles: Vec<String> = report
            .signatures
            .iter()
            .filter(|s| s.valid)
            .map(|s| s.role.as_str().to_owned())
            .collect();
        let missing_roles: Vec<String> = signed
            .header()
            .required_roles
            .iter()
            .map(|r| r.as_str().to_owned())
            .filter(|r| !signed_roles.contains(r))
            .collect();
        let meeting = self.store.load_meeting(MeetingId(id))?;
        Ok(RecordInfo {
            meeting_id: id,
            version: rv.version,
            sequence: u32::try_from(rv.sequence).unwrap_or(u32::MAX),
            sha256_grouped: grouped(&rv.sha256),
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

    // ----- keys ---------------------------------------------------------------------------

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

    fn key_view(
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

    fn refuse_second_key(&self, member: &Member) -> Result<(), ApiError> {
        if self
            .store
            .list_keys(Some(member.id))?
            .iter()
            .any(|k| k.revoked_from.is_none())
        {
            return Err(ApiError::invalid(format!(
                "{} already has a key: revoke it first (minutebook key revoke)",
                member.full_name
            )));
        }
        Ok(())
    }

    /// Generates a key for `member`, stored only as encrypted PKCS#8 PEM.
    ///
    /// # Errors
    /// `InvalidInput` when the member already has a key or the passphrase is empty.
    pub fn key_new(&mut self, member: &str, passphrase: &[u8]) -> Result<KeyView, ApiError> {
        let member = self.find_member(member)?;
        self.refuse_second_key(&member)?;
        let key = keys::generate()?;
        let pem = keys::encrypt_private_key_pem(&key, passphrase)?;
        let fp = Fingerprint::of(&key.verifying_key());
        self.store.put_key(
            member.id,
            Some(&pem),
            fp.as_hex(),
            &keys::public_key_pem(&key.verifying_key()),
        )?;
        Ok(self.key_view(&member, fp.as_hex(), None))
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
        let member = self.find_member(member)?;
        self.refuse_second_key(&member)?;
        let text = std::str::from_utf8(pem)
            .map_err(|_| ApiError::new(ErrorCode::KeyProblem, "the key file is not PEM text"))?;
        let imported = keys::import_private_key_pem(text, passphrase, ImportOptions::default())?;
        let fp = Fingerprint::of(&imported.key.verifying_key());
        self.store.put_key(
            member.id,
            Some(&imported.pem),
            fp.as_hex(),
            &keys::public_key_pem(&imported.key.verifying_key()),
        )?;
        Ok(self.key_view(&member, fp.as_hex(), None))
    }

    /// Pins a member's public key (SPKI PEM) without its private half: for a member who signs
    /// on their own computer. Compare the fingerprint shown with the one the member reads out.
    ///
    /// # Errors
    /// `KeyProblem` for a PEM that is not a usable Ed25519 public key (weak keys included).
    pub fn key_pin(&mut self, member: &str, public_pem: &[u8]) -> Result<KeyView, ApiError> {
        let member = self.find_member(member)?;
        self.refuse_second_key(&member)?;
        let text = std::str::from_utf8(public_pem)
            .map_err(|_| ApiError::new(ErrorCode::KeyProblem, "the key file is not PEM text"))?;
        let vk = keys::parse_public_key_pem(text)?;
        let fp = Fingerprint::of(&vk);
        self.store
            .put_key(member.id, None, fp.as_hex(), &keys::public_key_pem(&vk))?;
        Ok(self.key_view(&member, fp.as_hex(), None))
    }

    /// A member's current public key as SPKI PEM.
    ///
    /// # Errors
    /// `NotFound` when the member has no key.
    pub fn key_export_public(&self, member: &str) -> Result<String, ApiError> {
        let member = self.find_member(member)?;
        Ok(self.active_key(&member)?.public_key_pem)
    }

    fn active_key(&self, member: &Member) -> Result<minutebook_store::StoredKey, ApiError> {
        self.store
            .list_keys(Some(member.id))?
            .into_iter()
            .rfind(|k| k.revoked_from.is_none())
            .ok_or_else(|| {
                ApiError::not_found(format!(
                    "{} has no key: create one (minutebook key new)",
                    member.full_name
                ))
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
        let member = self.find_member(member)?;
        let date = convert::parse_date(from, "--from")?;
        let k = self.active_key(&member)?;
        Ok(self.store.revoke_key(&k.fingerprint, date)?)
    }

    // ----- signing ------------------------------------------------------------------------

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
        let (role, sign_role) = role_of(role)?;
        let member = self.find_member(member)?;
        let (rv, record) = self.current_record(id)?;
        if let Integrity::Altered { details } = self.integrity(id)? {
            return Err(ApiError::new(ErrorCode::Tampered, details.join("; ")));
        }
        check_role(&record, &member, role)?;
        let existing = self.store.attestations(&rv.sha256)?;
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
        let stored = self.active_key(&member)?;
        let key = keys::decrypt_private_key_pem(private_half(&stored, &member)?, passphrase)?;
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
        let s =
            minutebook_sign::attestation::sign_record(&record, &key, signer, sign_role, self.now())
                .map_err(|e| ApiError::invalid(e.to_string()))?;
        let number = next_number(&existing)?;
        self.store_signature(&rv.sha256, number, &member, role, &s)?;
        let status = self.update_signing_status(id)?;
        Ok(SignedView {
            stem: format!("{number:02}-{}", role.code()),
            full_name: member.full_name,
            role: role.code().to_owned(),
            fingerprint_grouped: Fingerprint::of(&key.verifying_key()).grouped(),
            status: status.code().to_owned(),
        })
    }

    fn store_signature(
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

    fn update_signing_status(&mut self, id: i64) -> Result<MeetingStatus, ApiError> {
        let cell = self.require_cell()?;
        let bundle = self.bundle(id)?;
        let report = verify_bundle(&bundle, &self.trust_store()?, &VerifyOptions::default());
        let signed: Vec<SignerRole> = report
            .signatures
            .iter()
            .filter(|s| s.valid)
            .filter_map(|s| SignerRole::from_code(s.role.as_str()))
            .collect();
        let status = signing_status(&signed, &cell.settings.required_signers);
        self.store.set_status(MeetingId(id), status)?;
        Ok(status)
    }

    /// Writes the bundle (folder, or zip with `zip`).
    ///
    /// # Errors
    /// `InvalidInput` when not closed; `Io`.
    pub fn export_bundle(&self, id: i64, out: &Path, zip: bool) -> Result<(), ApiError> {
        let b = self.bundle(id)?;
        if zip {
            b.write_zip(out)?
        } else {
            b.write_dir(out)?
        }
        Ok(())
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
        let (role, sign_role) = role_of(role)?;
        let local = self.find_member(member)?;
        let bundle = Bundle::read_dir(request, Default::default())?;
        let record = SignedRecord::from_bytes(bundle.record.clone())
            .map_err(|e| ApiError::invalid(format!("{}: record.json: {e}", request.display())))?;
        // The signer as the record knows them (the secretary's roster ids), found by name.
        let member = member_in_record(&record, &local.full_name)?;
        check_role(&record, &member, role)?;
        let stored = self.active_key(&local)?;
        let key = keys::decrypt_private_key_pem(private_half(&stored, &local)?, passphrase)?;
        let signer = Signer {
            member_id: member.id.0.to_string(),
            full_name: member.full_name.clone(),
        };
        let s =
            minutebook_sign::attestation::sign_record(&record, &key, signer, sign_role, self.now())
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
        let (rv, record) = self.current_record(id)?;
        let incoming = read_attestation_dir(dir)?;
        if incoming.is_empty() {
            return Err(ApiError::invalid(format!(
                "{}: no attestation files (NN-role.json/.sig/.pub.pem)",
                dir.display()
            )));
        }
        let existing = self.store.attestations(&rv.sha256)?;
        let trust = self.trust_store()?;
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
                    format!("{}/{stem}: {}", dir.display(), why.join("; ")),
                ));
            }
            let signer = sig
                .signer
                .clone()
                .ok_or_else(|| ApiError::invalid(format!("{stem}: no signer")))?;
            let member = self.find_member(&signer.member_id)?;
            let role = SignerRole::from_code(files.role.as_str())
                .ok_or_else(|| ApiError::invalid(format!("{stem}: role")))?;
            check_role(&record, &member, role)?;
            if existing
                .iter()
                .any(|a| a.signed.attestation == files.attestation)
            {
                continue;
            }
            next += 1;
            self.store
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
        let status = self.update_signing_status(id)?;
        for a in &mut accepted {
            a.status = status.code().to_owned();
        }
        Ok(accepted)
    }

    // ----- maintenance --------------------------------------------------------------------

    /// Writes a consistent copy of the minute book to `path` (which must not exist).
    ///
    /// # Errors
    /// `Io`, `DiskFull`.
    pub fn backup(&self, path: &Path) -> Result<(), ApiError> {
        Ok(self.store.backup_to(path)?)
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

fn private_half<'a>(
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

fn stem_number(stem: &str) -> Result<u32, ApiError> {
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

fn next_number(existing: &[minutebook_store::Attestation]) -> Result<u32, ApiError> {
    let mut max = 0;
    for a in existing {
        max = max.max(stem_number(&a.signed.stem)?);
    }
    Ok(max + 1)
}

/// Same person: same name (NFC, spacing ignored) and, when both have one, the same card number.
fn same_member(a: &Member, b: &Member) -> bool {
    same_name(&a.full_name, &b.full_name)
        && match (&a.party_card_number, &b.party_card_number) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
}

/// A file-system-safe id from a cell name: "Chi bộ Tổ dân phố số 7" → "chi-bo-to-dan-pho-so-7".
fn slug(name: &str) -> String {
    let s: String = minutebook_core::text::strip_diacritics(name)
        .chars()
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect();
    let s = s
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() { "cell".to_owned() } else { s }
}

fn remap(mut m: Meeting, map: &std::collections::HashMap<MemberId, MemberId>) -> Meeting {
    let f = |id: MemberId| map.get(&id).copied().unwrap_or(id);
    m.chair = m.chair.map(f);
    m.minute_taker = m.minute_taker.map(f);
    for a in &mut m.attendance {
        a.member = f(a.member);
    }
    for item in &mut m.agenda {
        if let Some(minutebook_core::Speaker::Member(id)) = &mut item.presenter {
            *id = f(*id);
        }
        for s in &mut item.speeches {
            if let minutebook_core::Speaker::Member(id) = &mut s.speaker {
                *id = f(*id);
            }
        }
    }
    for a in &mut m.action_items {
        a.owner = f(a.owner);
    }
    m
}

fn check_role(record: &SignedRecord, member: &Member, role: SignerRole) -> Result<(), ApiError> {
    let id = member.id.0.to_string();
    match role {
        SignerRole::Chair | SignerRole::MinuteTaker => {
            let r = Role::parse(role.code()).unwrap_or(Role::Member);
            match record.header().signatories.get(&r) {
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

/// Rebuilds a record's canonical bytes from `meeting`'s rows and the record's own snapshot.
fn rebuild(stored: &[u8], meeting: &Meeting) -> Result<Vec<u8>, ApiError> {
    let old = Record::from_json(stored)?;
    let mut roster = Vec::new();
    for (i, d) in old.roster.iter().enumerate() {
        let id =
            d.id.parse::<i64>()
                .map_err(|_| ApiError::invalid(format!("roster[{i}].id")))?;
        roster.push(convert::member_from_doc(
            d,
            MemberId(id),
            &format!("roster[{i}]"),
        )?);
    }
    let ids = ids_of(&roster);
    let cell = convert::cell_from_doc(&old.cell, "cell")?;
    let previous_open = old
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
    let mut m = meeting.clone();
    m.status = MeetingStatus::Closed;
    let chain = Chain {
        version: old.version,
        sequence: old.sequence,
        previous_version_sha256: old.previous_version_sha256.clone(),
        previous_record_sha256: old.previous_record_sha256.clone(),
    };
    let record = Record::build(&old.cell.id, &cell, &roster, &m, &previous_open, chain)?;
    Book::record_bytes(&record)
}
