-- Schema version 4: the outcome of the last full integrity check of each closed meeting (its
-- rows rebuilt into the record and compared byte for byte with the signed record, its stored
-- signatures verified), so listing the meetings does not redo that work for every meeting.
--
-- Derived data, never the book's content: writing an entry appends no audit entry. Any
-- change to a meeting's rows, its records or its signatures — through Minutebook or through
-- any other SQLite client, since triggers are part of the file — deletes the meeting's entry in
-- the same transaction, and the next listing does the full check again. An entry also counts
-- only while `record_sha256` is the meeting's latest record version.

CREATE TABLE integrity_checks (
    meeting_id    INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    record_sha256 TEXT NOT NULL,
    problems      TEXT NOT NULL -- '' when intact; otherwise one problem per line
) STRICT;


CREATE TRIGGER integrity_meetings_upd AFTER UPDATE ON meetings BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = OLD.id;
    DELETE FROM integrity_checks WHERE meeting_id = NEW.id;
END;
CREATE TRIGGER integrity_meetings_del AFTER DELETE ON meetings BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = OLD.id;
END;

CREATE TRIGGER integrity_guests_ins AFTER INSERT ON guests BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = NEW.meeting_id;
END;
CREATE TRIGGER integrity_guests_upd AFTER UPDATE ON guests BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = OLD.meeting_id;
    DELETE FROM integrity_checks WHERE meeting_id = NEW.meeting_id;
END;
CREATE TRIGGER integrity_guests_del AFTER DELETE ON guests BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = OLD.meeting_id;
END;

CREATE TRIGGER integrity_agenda_items_ins AFTER INSERT ON agenda_items BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = NEW.meeting_id;
END;
CREATE TRIGGER integrity_agenda_items_upd AFTER UPDATE ON agenda_items BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = OLD.meeting_id;
    DELETE FROM integrity_checks WHERE meeting_id = NEW.meeting_id;
END;
CREATE TRIGGER integrity_agenda_items_del AFTER DELETE ON agenda_items BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = OLD.meeting_id;
END;

CREATE TRIGGER integrity_attendance_ins AFTER INSERT ON attendance BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = NEW.meeting_id;
END;
CREATE TRIGGER integrity_attendance_upd AFTER UPDATE ON attendance BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = OLD.meeting_id;
    DELETE FROM integrity_checks WHERE meeting_id = NEW.meeting_id;
END;
CREATE TRIGGER integrity_attendance_del AFTER DELETE ON attendance BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = OLD.meeting_id;
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

CREATE TRIGGER integrity_action_items_ins AFTER INSERT ON action_items BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = NEW.meeting_id;
END;
CREATE TRIGGER integrity_action_items_upd AFTER UPDATE ON action_items BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = OLD.meeting_id;
    DELETE FROM integrity_checks WHERE meeting_id = NEW.meeting_id;
END;
CREATE TRIGGER integrity_action_items_del AFTER DELETE ON action_items BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = OLD.meeting_id;
END;

CREATE TRIGGER integrity_speeches_ins AFTER INSERT ON speeches BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = (SELECT meeting_id FROM agenda_items WHERE id = NEW.agenda_item_id);
END;
CREATE TRIGGER integrity_speeches_upd AFTER UPDATE ON speeches BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = (SELECT meeting_id FROM agenda_items WHERE id = OLD.agenda_item_id);
    DELETE FROM integrity_checks WHERE meeting_id = (SELECT meeting_id FROM agenda_items WHERE id = NEW.agenda_item_id);
END;
CREATE TRIGGER integrity_speeches_del AFTER DELETE ON speeches BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = (SELECT meeting_id FROM agenda_items WHERE id = OLD.agenda_item_id);
END;

CREATE TRIGGER integrity_record_versions_ins AFTER INSERT ON record_versions BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = NEW.meeting_id;
END;
CREATE TRIGGER integrity_record_versions_upd AFTER UPDATE ON record_versions BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = OLD.meeting_id;
    DELETE FROM integrity_checks WHERE meeting_id = NEW.meeting_id;
END;
CREATE TRIGGER integrity_record_versions_del AFTER DELETE ON record_versions BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = OLD.meeting_id;
END;

CREATE TRIGGER integrity_attestations_ins AFTER INSERT ON attestations BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = (SELECT meeting_id FROM record_versions WHERE sha256 = NEW.record_sha256);
END;
CREATE TRIGGER integrity_attestations_upd AFTER UPDATE ON attestations BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = (SELECT meeting_id FROM record_versions WHERE sha256 = OLD.record_sha256);
    DELETE FROM integrity_checks WHERE meeting_id = (SELECT meeting_id FROM record_versions WHERE sha256 = NEW.record_sha256);
END;
CREATE TRIGGER integrity_attestations_del AFTER DELETE ON attestations BEGIN
    DELETE FROM integrity_checks WHERE meeting_id = (SELECT meeting_id FROM record_versions WHERE sha256 = OLD.record_sha256);
END;
