-- Schema version 8: receipts from the committee above (issue 13). When the ward's archive
-- accepts a record it gives the cell a receipt: a C2SP tlog-proof whose checkpoint the committee
-- signed. The cell keeps each receipt it verified against the committee key it pinned, exactly
-- as received, with what it says (the log, the leaf's place, the checkpoint's size).

CREATE TABLE receipts (
    record_sha256 TEXT PRIMARY KEY REFERENCES record_versions (sha256),
    receipt       TEXT NOT NULL,
    origin        TEXT NOT NULL,
    log_index     INTEGER NOT NULL CHECK (log_index >= 0),
    log_size      INTEGER NOT NULL CHECK (log_size > log_index),
    imported_at   TEXT NOT NULL
) STRICT;

CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts BEGIN
    SELECT RAISE(ABORT, 'receipts are kept as received');
END;
CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts BEGIN
    SELECT RAISE(ABORT, 'receipts are kept as received');
END;
