-- Schema version 6: a meeting's resolution (nghị quyết) as its own document — its own number
-- and the text of its sections I–III (minutebook_core::resolution), at most one per meeting.
-- Part of the meeting's content: it goes into the signed record, so a change to it, through
-- Minutebook or any other SQLite client, forgets the meeting's remembered integrity check
-- (as schema step 4 does for the other tables of a meeting).

CREATE TABLE resolutions (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    number      INTEGER CHECK (number BETWEEN 1 AND 9999),
    review      TEXT NOT NULL,
    directions  TEXT NOT NULL,
    assignments TEXT NOT NULL
) STRICT;

CREATE TRIGGER integrity_resolutions_ins AFTER INSERT ON resolutions BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = NEW.meeting_id;
END;
CREATE TRIGGER integrity_resolutions_upd AFTER UPDATE ON resolutions BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = OLD.meeting_id;
    DELETE FROM integrity_checks WHERE meeting_id = NEW.meeting_id;
END;
CREATE TRIGGER integrity_resolutions_del AFTER DELETE ON resolutions BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = OLD.meeting_id;
END;
