//! Fixtures: the March 2026 case as books in temporary folders, a snapshot of everything a
//! book holds (to assert that a failed use case changed nothing), and file surgery for
//! tampering tests.

use std::fmt::Debug;
use std::path::{Path, PathBuf};

use minutebook_api::{ApiError, Book, CellInput, ErrorCode};
use minutebook_core::MeetingStatus;
use minutebook_core::meeting::MeetingId;
use minutebook_store::Store;

/// The chair of the March 2026 meeting.
pub const CHAIR: &str = "Nguyễn Văn Hùng";
/// Its minute-taker.
pub const MINUTE_TAKER: &str = "Phạm Thu Hà";
/// A member present at the meeting who holds neither role.
pub const DEPUTY: &str = "Trần Thị Lan";
/// The passphrase every key of these tests is encrypted with.
pub const PASS: &[u8] = "mật khẩu đủ dài".as_bytes();

/// `shared/cases/<name>` (the shared folder sits beside the repository).
pub fn shared(name: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/cases")
        .join(name);
    assert!(p.exists(), "{} is missing", p.display());
    p
}

/// The 13-member roster CSV of the case.
pub fn roster_csv() -> PathBuf {
    shared("roster-to-dan-pho-7.csv")
}

/// The meeting interchange file of the case.
pub fn meeting_json() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/meeting-2026-03.json"))
        .expect("examples/meeting-2026-03.json")
}

/// The case's cell.
pub fn case_cell() -> CellInput {
    CellInput {
        name: "Chi bộ Tổ dân phố số 7".into(),
        upper_committee: "Đảng bộ phường Thanh Bình".into(),
        place: "Hà Nội".into(),
        document_code: "CB".into(),
    }
}

/// A minute book in its own temporary folder.
pub struct Case {
    /// The folder (deleted on drop).
    pub dir: tempfile::TempDir,
    /// The book, open.
    pub book: Book,
}

impl Case {
    /// A new, empty book.
    pub fn empty() -> Case {
        let dir = tempfile::tempdir().unwrap();
        let book = Book::open(&dir.path().join("book.db")).expect("open a new book");
        Case { dir, book }
    }

    /// A book with the case's cell.
    pub fn with_cell() -> Case {
        let mut c = Case::empty();
        c.book.create_cell(&case_cell()).expect("create the cell");
        c
    }

    /// A book with the case's cell and roster.
    pub fn with_roster() -> Case {
        let mut c = Case::with_cell();
        let s = c
            .book
            .import_roster(&roster_csv())
            .expect("import the roster");
        assert_eq!(s.added, 13);
        c
    }

    /// A book with the cell, the roster and the March 2026 meeting (in session).
    pub fn with_meeting() -> (Case, i64) {
        let mut c = Case::with_roster();
        let id = c
            .book
            .import_meeting(&meeting_json())
            .expect("import the meeting");
        (c, id)
    }

    /// As [`Case::with_meeting`], closed (record version 1).
    pub fn closed() -> (Case, i64) {
        let (mut c, id) = Case::with_meeting();
        c.book.close_meeting(id).expect("close the meeting");
        (c, id)
    }

    /// The database file.
    pub fn db(&self) -> PathBuf {
        self.book.path().to_path_buf()
    }

    /// A path in the folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A new regular meeting on `date` (`YYYY-MM-DD`) at the case's place, created as the
    /// desktop creates one (from the official order of business); returns its id.
    pub fn new_meeting(&mut self, date: &str, subject: &str) -> i64 {
        self.book
            .create_meeting(&minutebook_api::workspace::NewMeetingInput {
                kind: "regular".into(),
                date: date.into(),
                subject: subject.into(),
                place: "Nhà văn hóa tổ dân phố số 7".into(),
            })
            .expect("create a meeting")
    }

    /// The words of PDF `bytes` as pdftotext (poppler) reads them, each run of whitespace one
    /// space (the file is written into the case's folder as `name`).
    pub fn pdf_words(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.path(name);
        std::fs::write(&path, bytes).unwrap();
        pdftotext(&path, None)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// What the book holds now, read through a second connection.
    pub fn state(&self) -> State {
        State::of(&self.db())
    }

    /// The status code of meeting `id`.
    pub fn status(&self, id: i64) -> String {
        self.book.meeting(id).unwrap().status.code().to_owned()
    }

    /// How many attestations the current record of `id` has.
    pub fn attestations(&self, id: i64) -> usize {
        self.book.bundle(id).unwrap().signatures.len()
    }
}

/// Everything a book holds, as plain values: two equal states mean nothing was changed. The
/// audit log's length alone already catches any write through the store (every change appends
/// an entry); the rest names what changed when it differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// Entries in the audit log.
    pub audit_entries: usize,
    /// The cell (`Debug` form).
    pub cell: String,
    /// `id name card` of every member.
    pub members: Vec<String>,
    /// `member fingerprint revoked_from` of every key.
    pub keys: Vec<String>,
    /// Per meeting: its whole stored value (`Debug` form, status included).
    pub meetings: Vec<String>,
    /// Per meeting: `version sha256 attestation-stems…` of every record version.
    pub records: Vec<String>,
}

impl State {
    /// Reads the book at `db` through its own store connection.
    pub fn of(db: &Path) -> State {
        let s = Store::open(db).expect("open the book a second time");
        let mut meetings = Vec::new();
        let mut records = Vec::new();
        for m in s.list_meetings().unwrap() {
            meetings.push(format!("{:?}", s.load_meeting(m.id).unwrap()));
            for rv in s.record_versions(m.id).unwrap() {
                let stems: Vec<String> = s
                    .attestations(&rv.sha256)
                    .unwrap()
                    .into_iter()
                    .map(|a| a.signed.stem)
                    .collect();
                records.push(format!(
                    "#{} v{} {} [{}]",
                    m.id.0,
                    rv.version,
                    rv.sha256,
                    stems.join(" ")
                ));
            }
        }
        State {
            audit_entries: s.audit_log().unwrap().len(),
            cell: format!("{:?}", s.cell().unwrap()),
            members: s
                .list_members()
                .unwrap()
                .iter()
                .map(|m| format!("{} {} {:?}", m.id.0, m.full_name, m.party_card_number))
                .collect(),
            keys: s
                .list_keys(None)
                .unwrap()
                .iter()
                .map(|k| format!("{} {} {:?}", k.member.0, k.fingerprint, k.revoked_from))
                .collect(),
            meetings,
            records,
        }
    }
}

impl State {
    /// What differs from `other`, field by field (meetings shown only by their status and
    /// whether the rest changed: their `Debug` form is long).
    pub fn diff(&self, other: &State) -> Vec<String> {
        let mut out = Vec::new();
        if self.audit_entries != other.audit_entries {
            out.push(format!(
                "audit entries: {} → {}",
                self.audit_entries, other.audit_entries
            ));
        }
        for (name, a, b) in [
            ("cell", vec![self.cell.clone()], vec![other.cell.clone()]),
            ("members", self.members.clone(), other.members.clone()),
            ("keys", self.keys.clone(), other.keys.clone()),
            ("records", self.records.clone(), other.records.clone()),
        ] {
            if a != b {
                out.push(format!("{name}: {a:?} → {b:?}"));
            }
        }
        let status = |m: &String| {
            m.rsplit_once("status: ")
                .map(|(_, s)| s.trim_end_matches(" }").to_owned())
                .unwrap_or_default()
        };
        if self.meetings != other.meetings {
            out.push(format!(
                "meetings changed; statuses {:?} → {:?}",
                self.meetings.iter().map(status).collect::<Vec<_>>(),
                other.meetings.iter().map(status).collect::<Vec<_>>()
            ));
        }
        out
    }
}

/// Asserts that `case`'s book is in state `before`, naming what changed otherwise.
#[track_caller]
pub fn assert_unchanged(case: &Case, before: &State, what: &str) {
    let diff = before.diff(&case.state());
    assert!(diff.is_empty(), "{what}:\n  {}", diff.join("\n  "));
}

/// Asserts that `r` failed with `code`; returns the error.
#[track_caller]
pub fn fails<T: Debug>(r: Result<T, ApiError>, code: ErrorCode) -> ApiError {
    match r {
        Ok(v) => panic!("expected a {code:?} error, got Ok({v:?})"),
        Err(e) => {
            assert_eq!(e.code, code, "wrong code; message: {}", e.message);
            e
        }
    }
}

/// Asserts that the failed call `f` left the book exactly as it was, and returns its error
/// after checking its code.
#[track_caller]
pub fn fails_unchanged<T: Debug>(
    case: &mut Case,
    code: ErrorCode,
    f: impl FnOnce(&mut Book) -> Result<T, ApiError>,
) -> ApiError {
    let before = case.state();
    let e = fails(f(&mut case.book), code);
    assert_eq!(
        case.state(),
        before,
        "the failed call changed the book ({e})"
    );
    e
}

/// Flips the lowest bit of the byte at the middle of `path`.
pub fn flip_byte(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let i = bytes.len() / 2;
    bytes[i] ^= 0x01;
    std::fs::write(path, bytes).unwrap();
}

/// Copies attestation `stem` (its .json, .sig and .pub.pem) from `from` into `to` as
/// `new_stem` (attestation files signed separately all start at 01; a batch needs distinct
/// numbers).
pub fn copy_attestation(from: &Path, stem: &str, to: &Path, new_stem: &str) {
    std::fs::create_dir_all(to).unwrap();
    for ext in ["json", "sig", "pub.pem"] {
        std::fs::copy(
            from.join(format!("{stem}.{ext}")),
            to.join(format!("{new_stem}.{ext}")),
        )
        .unwrap_or_else(|e| panic!("{stem}.{ext}: {e}"));
    }
}

/// Changes meeting `id`'s rows behind the application's back: a second connection reopens
/// the meeting, edits agenda item 1's conclusion and puts the status back, without making a
/// new record version.
pub fn alter_behind_the_back(db: &Path, id: i64) {
    let mut s = Store::open(db).unwrap();
    let mut m = s.load_meeting(MeetingId(id)).unwrap();
    let status = m.status;
    s.set_status(MeetingId(id), MeetingStatus::InSession)
        .unwrap();
    m.status = MeetingStatus::InSession;
    m.agenda[0].conclusion.push_str(" (sửa sau khi ký)");
    s.save_meeting(&m).unwrap();
    s.set_status(MeetingId(id), status).unwrap();
}

/// The member's own computer: a book with the cell and the roster where `member` makes a key
/// and signs the signing request `request` in `role`, writing the attestation into `out`.
/// Returns that book (to export the member's public key).
pub fn sign_elsewhere(request: &Path, member: &str, role: &str, out: &Path) -> Case {
    let mut own = Case::with_roster();
    own.book.key_new(member, PASS).unwrap();
    own.book
        .sign_request(request, member, role, PASS, out)
        .expect("sign the request on the member's computer");
    own
}

/// The text of `pdf` (page `page` only, when given) as pdftotext (poppler) gives it.
pub fn pdftotext(pdf: &Path, page: Option<usize>) -> String {
    let mut cmd = std::process::Command::new("pdftotext");
    if let Some(p) = page {
        cmd.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let out = cmd
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
