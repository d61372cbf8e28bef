-- minutebook-archive schema version 1: the key register, records as received, their
-- attestations, the quarantine and the chain anomalies.
-- Hashes are SHA-256 as 64 lowercase hex digits (what `sha256sum` prints), the form the records
-- and attestations themselves use. Applied in one transaction by src/schema.rs.

CREATE TABLE schema_version (
    version    integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);

-- The committee's key register: one row per enrolled public key (enrolment is a committee act).
CREATE TABLE member_key (
    fingerprint  text PRIMARY KEY CHECK (fingerprint ~ '^[0-9a-f]{64}$'), -- SHA-256 of the SPKI DER
    public_key   text NOT NULL,          -- the SPKI PEM as enrolled
    member_id    text NOT NULL,          -- roster member id in the cell's book
    full_name    text NOT NULL,
    cell_id      text,                   -- the cell whose records the key may sign; NULL = any
    valid_from   date NOT NULL,          -- first day a signature may carry (signed_at's own date)
    valid_until  date,                   -- last day; NULL = open
    enrolled_by  text NOT NULL,
    enrolled_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_until IS NULL OR valid_until >= valid_from)
);

-- Every record accepted: the exact signed bytes and the header fields read from them.
CREATE TABLE record (
    sha256                  text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    body                    bytea NOT NULL,   -- record.json exactly as signed
    cell_id                 text NOT NULL,
    cell_name               text NOT NULL,
    meeting_id              text NOT NULL,
    version                 bigint NOT NULL CHECK (version >= 1),
    sequence                bigint NOT NULL CHECK (sequence >= 1),
    previous_record_sha256  text,
    previous_version_sha256 text,
    meeting_date            date,
    meeting_kind            text,
    source                  text NOT NULL,    -- where it first came from (path as given)
    received_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_cell_sequence ON record (cell_id, sequence);
CREATE INDEX record_cell_meeting ON record (cell_id, meeting_id, version);

-- The attestations of a record, exactly as signed; a later bundle may add more.
CREATE TABLE attestation (
    record_sha256 text NOT NULL REFERENCES record (sha256),
    fingerprint   text NOT NULL REFERENCES member_key (fingerprint),
    role          text NOT NULL,
    member_id     text NOT NULL,
    full_name     text NOT NULL,
    signed_at     text NOT NULL,             -- RFC 3339 as signed (self-asserted)
    file_stem     text NOT NULL,             -- e.g. 01-chair
    body          bytea NOT NULL,            -- the attestation JSON as signed
    signature     bytea NOT NULL CHECK (length(signature) = 64),
    received_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (record_sha256, fingerprint, role)
);

-- What was refused, with why; kept (never silently dropped), one row per distinct content.
CREATE TABLE quarantine (
    id             bigserial PRIMARY KEY,
    content_sha256 text NOT NULL UNIQUE,     -- SHA-256 of `raw` (or of the source name if unreadable)
    source         text NOT NULL,
    raw            bytea,                    -- the file, or the bundle folder as a zip
    reason_code    text NOT NULL,
    reason         text NOT NULL,            -- details, as the verifier reports them (English)
    received_at    timestamptz NOT NULL DEFAULT now()
);

-- Chain anomalies per cell: flagged, kept with the records involved, resolved by a person.
CREATE TABLE chain_anomaly (
    id            bigserial PRIMARY KEY,
    cell_id       text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('gap', 'fork', 'rollback')),
    dedupe_key    text NOT NULL,             -- what makes two detections the same anomaly
    record_sha256 text NOT NULL REFERENCES record (sha256), -- the record that revealed it
    other_sha256  text REFERENCES record (sha256),          -- the record it conflicts with
    first_missing bigint,                    -- gaps: the missing sequence range
    last_missing  bigint,
    detail        text NOT NULL,
    detected_at   timestamptz NOT NULL DEFAULT now(),
    resolution    text,
    resolved_at   timestamptz,
    UNIQUE (cell_id, kind, dedupe_key)
);
