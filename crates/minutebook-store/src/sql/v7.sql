-- Schema version 7: the meeting room (issue 12). A room is opened for one meeting; members'
-- laptops join it. What they do there is kept as evidence beside the meeting's rows:
-- signed statements (check-ins, votes by name), exactly as signed, and for a secret ballot only
-- WHO returned a ballot (room_ballots_cast, keyed by member, no order kept) and the running
-- counts (room_ballot_boxes, updated in place): no row ever links a member to a choice.
-- Statements and cast ballots are append-only; a room is closed, never deleted.

CREATE TABLE rooms (
    id               INTEGER PRIMARY KEY,
    meeting_id       INTEGER NOT NULL REFERENCES meetings (id),
    token            TEXT NOT NULL UNIQUE CHECK (length(token) = 32),
    host_fingerprint TEXT NOT NULL,
    opened_at        TEXT NOT NULL,
    closed_at        TEXT,
    open_vote        INTEGER CHECK (open_vote >= 0)
) STRICT;
CREATE UNIQUE INDEX rooms_one_open ON rooms (meeting_id) WHERE closed_at IS NULL;

CREATE TABLE room_statements (
    id          INTEGER PRIMARY KEY,
    room_id     INTEGER NOT NULL REFERENCES rooms (id),
    member_id   INTEGER NOT NULL REFERENCES members (id),
    kind        TEXT NOT NULL CHECK (kind IN ('check-in', 'vote')),
    -- The vote's index for kind 'vote'; -1 for a check-in.
    vote_index  INTEGER NOT NULL CHECK (vote_index >= -1),
    statement   BLOB NOT NULL,
    signature   BLOB NOT NULL CHECK (length(signature) = 64),
    received_at TEXT NOT NULL,
    UNIQUE (room_id, member_id, kind, vote_index)
) STRICT;

CREATE TABLE room_ballots_cast (
    room_id    INTEGER NOT NULL REFERENCES rooms (id),
    vote_index INTEGER NOT NULL CHECK (vote_index >= 0),
    member_id  INTEGER NOT NULL REFERENCES members (id),
    PRIMARY KEY (room_id, vote_index, member_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE room_ballot_boxes (
    room_id    INTEGER NOT NULL REFERENCES rooms (id),
    vote_index INTEGER NOT NULL CHECK (vote_index >= 0),
    yes        INTEGER NOT NULL DEFAULT 0 CHECK (yes >= 0),
    no         INTEGER NOT NULL DEFAULT 0 CHECK (no >= 0),
    abstain    INTEGER NOT NULL DEFAULT 0 CHECK (abstain >= 0),
    PRIMARY KEY (room_id, vote_index)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER room_statements_no_update BEFORE UPDATE ON room_statements BEGIN
    SELECT RAISE(ABORT, 'room statements are append-only');
END;
CREATE TRIGGER room_statements_no_delete BEFORE DELETE ON room_statements BEGIN
    SELECT RAISE(ABORT, 'room statements are append-only');
END;
CREATE TRIGGER room_ballots_cast_no_update BEFORE UPDATE ON room_ballots_cast BEGIN
    SELECT RAISE(ABORT, 'cast ballots are append-only');
END;
CREATE TRIGGER room_ballots_cast_no_delete BEFORE DELETE ON room_ballots_cast BEGIN
    SELECT RAISE(ABORT, 'cast ballots are append-only');
END;
CREATE TRIGGER rooms_no_delete BEFORE DELETE ON rooms BEGIN
    SELECT RAISE(ABORT, 'rooms are closed, never deleted');
END;
