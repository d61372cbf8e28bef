-- minutebook-archive schema version 2: the committee's Merkle log of accepted records and the
-- receipts it issues (issue 13, "Receipts"). The tree is RFC 6962's (SHA-256, leaf hash =
-- SHA-256(0x00 || leaf)); its nodes are stored as Go's/tlog_tiles' "stored hashes" (each
-- append stores at most 1 + log2(n) hashes, at stored_hash_index). Checkpoints are C2SP signed
-- notes; receipts are C2SP tlog-proof texts. Written in the transaction that stores the record,
-- so "accepted" and "logged" cannot disagree. Applied in one transaction by src/schema.rs.

-- The log's head: one row once the log is started (`minutebook-archive log init`).
CREATE TABLE log_head (
    one    boolean PRIMARY KEY DEFAULT true CHECK (one),
    origin text NOT NULL,                   -- the C2SP checkpoint origin, e.g. minutebook/dang-uy-phuong-thanh-binh/2026
    size   bigint NOT NULL CHECK (size >= 0),
    root   bytea NOT NULL CHECK (length(root) = 32)
);

-- The tree's stored hashes, by stored hash index.
CREATE TABLE log_hash (
    idx  bigint PRIMARY KEY,
    hash bytea NOT NULL CHECK (length(hash) = 32)
);

-- One leaf per accepted record, in the order accepted; its receipt once a checkpoint covers it.
CREATE TABLE log_leaf (
    idx           bigint PRIMARY KEY CHECK (idx >= 0),
    record_sha256 text NOT NULL UNIQUE REFERENCES record (sha256),
    leaf          bytea NOT NULL,           -- canonical JSON naming the record (see src/tlog.rs)
    receipt       text                      -- c2sp.org/tlog-proof@v1 text, issued once
);

-- Every checkpoint signed, by tree size.
CREATE TABLE log_checkpoint (
    size      bigint PRIMARY KEY,
    note      text NOT NULL,               -- the signed note, verbatim
    signed_at timestamptz NOT NULL DEFAULT now()
);
