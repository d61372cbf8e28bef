-- Schema version 1: the minute book's core tables.
-- Text columns hold NFC text exactly as entered. Dates are 'YYYY-MM-DD', times of day 'HH:MM'
-- (or 'HH:MM:SS'), instants RFC 3339. Codes are the stable identifiers of minutebook-core.

CREATE TABLE cell (
    id                     INTEGER PRIMARY KEY CHECK (id = 1),
    name                   TEXT NOT NULL,
    upper_committee        TEXT NOT NULL,
    place                  TEXT NOT NULL,
    document_code          TEXT NOT NULL,
    default_reading        TEXT NOT NULL
        CHECK (default_reading IN ('full-exclusions', 'qd294-as-quoted', 'all-official')),
    counting_rule_citation TEXT NOT NULL
) STRICT;

CREATE TABLE cell_required_signers (
    position INTEGER PRIMARY KEY CHECK (position >= 0),
    role     TEXT NOT NULL UNIQUE CHECK (role IN ('chair', 'minute-taker', 'member'))
) STRICT;

CREATE TABLE members (
    id                INTEGER PRIMARY KEY,
    full_name         TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
    birth_date        TEXT CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    gender            TEXT CHECK (gender IN ('male', 'female')),
    category          TEXT NOT NULL CHECK (category IN ('official', 'probationary')),
    exempted          INTEGER NOT NULL DEFAULT 0 CHECK (exempted IN (0, 1)),
    exempted_since    TEXT CHECK (exempted_since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    party_card_number TEXT UNIQUE CHECK (length(trim(party_card_number)) > 0),
    admitted_on       TEXT CHECK (admitted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    official_on       TEXT CHECK (official_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    transfer_in_date  TEXT CHECK (transfer_in_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    transfer_in_kind  TEXT CHECK (transfer_in_kind IN ('official', 'temporary')),
    transfer_in_body  TEXT,
    transfer_out_date TEXT CHECK (transfer_out_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    transfer_out_kind TEXT CHECK (transfer_out_kind IN ('official', 'temporary')),
    transfer_out_body TEXT,
    suspended         INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
    CHECK ((transfer_in_date IS NULL) = (transfer_in_kind IS NULL)
       AND (transfer_in_date IS NULL) = (transfer_in_body IS NULL)),
    CHECK ((transfer_out_date IS NULL) = (transfer_out_kind IS NULL)
       AND (transfer_out_date IS NULL) = (transfer_out_body IS NULL))
) STRICT;

CREATE TABLE member_posts (
    member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL CHECK (position >= 0),
    post      TEXT NOT NULL
        CHECK (post IN ('cell-secretary', 'deputy-cell-secretary', 'committee-member', 'other')),
    other     TEXT,
    CHECK ((post = 'other') = (other IS NOT NULL)),
    PRIMARY KEY (member_id, position)
) STRICT;

CREATE TABLE meetings (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('regular', 'thematic', 'extraordinary',
                      'admission', 'recognition', 'annual-review', 'congress')),
    subject       TEXT NOT NULL,
    number        INTEGER CHECK (number BETWEEN 0 AND 4294967295),
    date          TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    place         TEXT NOT NULL,
    planned_start TEXT CHECK (planned_start GLOB '[0-2][0-9]:[0-5][0-9]*'),
    planned_end   TEXT CHECK (planned_end GLOB '[0-2][0-9]:[0-5][0-9]*'),
    actual_start  TEXT CHECK (actual_start GLOB '[0-2][0-9]:[0-5][0-9]*'),
    actual_end    TEXT CHECK (actual_end GLOB '[0-2][0-9]:[0-5][0-9]*'),
    chair         INTEGER REFERENCES members (id),
    minute_taker  INTEGER REFERENCES members (id),
    status        TEXT NOT NULL
        CHECK (status IN ('draft', 'in-session', 'closed', 'signing', 'signed'))
) STRICT;

CREATE TABLE guests (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL CHECK (position >= 0),
    name       TEXT NOT NULL,
    post       TEXT NOT NULL,
    PRIMARY KEY (meeting_id, position)
) STRICT;

CREATE TABLE agenda_items (
    id                          INTEGER PRIMARY KEY,
    meeting_id                  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position                    INTEGER NOT NULL CHECK (position >= 0),
    title                       TEXT NOT NULL,
    presenter_member            INTEGER REFERENCES members (id),
    presenter_guest             TEXT,
    planned_minutes             INTEGER CHECK (planned_minutes BETWEEN 0 AND 65535),
    presentation                TEXT NOT NULL,
    conclusion                  TEXT NOT NULL,
    reviews_previous_resolution INTEGER NOT NULL CHECK (reviews_previous_resolution IN (0, 1)),
    CHECK (presenter_member IS NULL OR presenter_guest IS NULL),
    UNIQUE (meeting_id, position)
) STRICT;

CREATE TABLE speeches (
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL CHECK (position >= 0),
    speaker_member INTEGER REFERENCES members (id),
    speaker_guest  TEXT,
    gist           TEXT NOT NULL,
    CHECK ((speaker_member IS NULL) <> (speaker_guest IS NULL)),
    PRIMARY KEY (agenda_item_id, position)
) STRICT;

CREATE TABLE attendance (
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 0),
    member_id   INTEGER NOT NULL REFERENCES members (id),
    presence    TEXT NOT NULL CHECK (presence IN ('present', 'absent-excused',
                    'absent-unexcused', 'exempted', 'not-required')),
    reason      TEXT,
    arrived_at  TEXT CHECK (arrived_at GLOB '[0-2][0-9]:[0-5][0-9]*'),
    left_at     TEXT CHECK (left_at GLOB '[0-2][0-9]:[0-5][0-9]*'),
    left_reason TEXT,
    CHECK ((presence IN ('absent-excused', 'not-required')) = (reason IS NOT NULL)),
    PRIMARY KEY (meeting_id, member_id),
    UNIQUE (meeting_id, position)
) STRICT;

CREATE TABLE votes (
    meeting_id       INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL CHECK (position >= 0),
    subject          TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('resolution', 'admission', 'recognition',
                         'discipline', 'election', 'other')),
    expulsion        INTEGER NOT NULL DEFAULT 0
        CHECK (expulsion IN (0, 1) AND (kind = 'discipline' OR expulsion = 0)),
    method           TEXT NOT NULL
        CHECK (method IN ('show-of-hands', 'show-of-party-cards', 'secret-ballot')),
    ballots_issued   INTEGER CHECK (ballots_issued >= 0),
    ballots_returned INTEGER CHECK (ballots_returned >= 0),
    ballots_valid    INTEGER CHECK (ballots_valid >= 0),
    yes_count        INTEGER NOT NULL CHECK (yes_count >= 0),
    no_count         INTEGER NOT NULL CHECK (no_count >= 0),
    abstain_count    INTEGER NOT NULL CHECK (abstain_count >= 0),
    at               TEXT NOT NULL CHECK (at GLOB '[0-2][0-9]:[0-5][0-9]*'),
    reading          TEXT CHECK (reading IN ('full-exclusions', 'qd294-as-quoted', 'all-official')),
    CHECK ((method = 'secret-ballot') = (ballots_issued IS NOT NULL)
       AND (ballots_issued IS NULL) = (ballots_returned IS NULL)
       AND (ballots_issued IS NULL) = (ballots_valid IS NULL)),
    PRIMARY KEY (meeting_id, position)
) STRICT;

CREATE TABLE action_items (
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 0),
    owner       INTEGER NOT NULL REFERENCES members (id),
    task        TEXT NOT NULL,
    deadline    TEXT CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    report_back TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
    PRIMARY KEY (meeting_id, position)
) STRICT;

-- The rendered record of a meeting, version by version; numbered in one sequence per cell
-- so records chain. Immutable once written.
CREATE TABLE record_versions (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    version    INTEGER NOT NULL CHECK (version >= 1),
    sequence   INTEGER NOT NULL CHECK (sequence >= 1),
    sha256     TEXT NOT NULL UNIQUE
        CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    bytes      BLOB NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (meeting_id, version),
    UNIQUE (sequence, version)
) STRICT;

CREATE TRIGGER record_versions_no_update BEFORE UPDATE ON record_versions
BEGIN SELECT RAISE(ABORT, 'record_versions is append-only'); END;
CREATE TRIGGER record_versions_no_delete BEFORE DELETE ON record_versions
BEGIN SELECT RAISE(ABORT, 'record_versions is append-only'); END;

-- Signatures on a record version, as imported. Immutable once written.
CREATE TABLE attestations (
    id             INTEGER PRIMARY KEY,
    record_sha256  TEXT NOT NULL REFERENCES record_versions (sha256),
    stem           TEXT NOT NULL CHECK (length(stem) > 0),
    role           TEXT NOT NULL CHECK (role IN ('chair', 'minute-taker', 'member')),
    member_id      INTEGER NOT NULL REFERENCES members (id),
    attestation    BLOB NOT NULL,
    signature      BLOB NOT NULL,
    public_key_pem TEXT NOT NULL,
    imported_at    TEXT NOT NULL,
    UNIQUE (record_sha256, stem)
) STRICT;

CREATE TRIGGER attestations_no_update BEFORE UPDATE ON attestations
BEGIN SELECT RAISE(ABORT, 'attestations is append-only'); END;
CREATE TRIGGER attestations_no_delete BEFORE DELETE ON attestations
BEGIN SELECT RAISE(ABORT, 'attestations is append-only'); END;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Every change, hash-chained (see audit.rs for the hashed byte layout). Append-only.
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY CHECK (seq >= 1),
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    detail    TEXT NOT NULL,
    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash      TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
