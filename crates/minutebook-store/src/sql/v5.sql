-- Schema version 5: the counting reading `qd24-exclusions` (point 9.3.2 as written: a member who
-- attended and left before a vote stays in its denominator) becomes the default, and
-- `full-exclusions` (which also leaves out such a member) stays as a named reading.
--
-- SQLite cannot change a CHECK constraint in place, so `cell` and `votes` are rebuilt with the
-- new code allowed (the documented create-copy-drop-rename procedure); their rows are copied
-- unchanged, and the triggers on `votes` (search index, forgotten integrity checks) are made
-- again as steps 3 and 4 made them. Copying fires no trigger: the search index and the
-- remembered integrity checks stay as they are, since no row's content changes.
--
-- A cell whose stored default is `full-exclusions` got it as the old default (every earlier
-- version created cells with it): it moves to the new default. Votes that name
-- `full-exclusions` themselves keep it. Closed meetings are unaffected: each record names the
-- cell's default reading it was closed under, and it is checked and shown under that reading.

CREATE TABLE cell_v5 (
    id                     INTEGER PRIMARY KEY CHECK (id = 1),
    name                   TEXT NOT NULL,
    upper_committee        TEXT NOT NULL,
    place                  TEXT NOT NULL,
    document_code          TEXT NOT NULL,
    default_reading        TEXT NOT NULL
        CHECK (default_reading IN ('qd24-exclusions', 'full-exclusions', 'qd294-as-quoted',
                                   'all-official')),
    counting_rule_citation TEXT NOT NULL
) STRICT;
INSERT INTO cell_v5 (id, name, upper_committee, place, document_code, default_reading,
                     counting_rule_citation)
SELECT id, name, upper_committee, place, document_code,
       CASE default_reading WHEN 'full-exclusions' THEN 'qd24-exclusions'
                            ELSE default_reading END,
       counting_rule_citation
FROM cell;
DROP TABLE cell;
ALTER TABLE cell_v5 RENAME TO cell;

CREATE TABLE votes_v5 (
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
    reading          TEXT CHECK (reading IN ('qd24-exclusions', 'full-exclusions',
                                             'qd294-as-quoted', 'all-official')),
    CHECK ((method = 'secret-ballot') = (ballots_issued IS NOT NULL)
       AND (ballots_issued IS NULL) = (ballots_returned IS NULL)
       AND (ballots_issued IS NULL) = (ballots_valid IS NULL)),
    PRIMARY KEY (meeting_id, position)
) STRICT;
INSERT INTO votes_v5 (meeting_id, position, subject, kind, expulsion, method, ballots_issued,
                      ballots_returned, ballots_valid, yes_count, no_count, abstain_count, at,
                      reading)
SELECT meeting_id, position, subject, kind, expulsion, method, ballots_issued,
       ballots_returned, ballots_valid, yes_count, no_count, abstain_count, at, reading
FROM votes;
DROP TABLE votes;
ALTER TABLE votes_v5 RENAME TO votes;

-- The triggers of steps 3 and 4 on `votes`, unchanged (dropped with the old table).
CREATE TRIGGER search_vote_ins AFTER INSERT ON votes BEGIN
    INSERT INTO search_index (rowid, body, kind, meeting_id)
    VALUES ((NEW.meeting_id * 65536 + NEW.position) * 4 + 2,
            replace(replace(NEW.subject, 'đ', 'ď'), 'Đ', 'Ď'), 'vote', NEW.meeting_id);
END;
CREATE TRIGGER search_vote_del AFTER DELETE ON votes BEGIN
    DELETE FROM search_index WHERE rowid = (OLD.meeting_id * 65536 + OLD.position) * 4 + 2;
END;
CREATE TRIGGER search_vote_upd AFTER UPDATE ON votes BEGIN
    DELETE FROM search_index WHERE rowid = (OLD.meeting_id * 65536 + OLD.position) * 4 + 2;
    INSERT INTO search_index (rowid, body, kind, meeting_id)
    VALUES ((NEW.meeting_id * 65536 + NEW.position) * 4 + 2,
            replace(replace(NEW.subject, 'đ', 'ď'), 'Đ', 'Ď'), 'vote', NEW.meeting_id);
END;

CREATE TRIGGER integrity_votes_ins AFTER INSERT ON votes BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = NEW.meeting_id;
END;
CREATE TRIGGER integrity_votes_upd AFTER UPDATE ON votes BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = OLD.meeting_id;
    DELETE FROM integrity_checks WHERE meeting_id = NEW.meeting_id;
END;
CREATE TRIGGER integrity_votes_del AFTER DELETE ON votes BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = OLD.meeting_id;
END;
