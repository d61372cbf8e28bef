-- Schema version 3: full-text search over the minutes (agenda titles, presentations,
-- conclusions, speeches' gists), vote subjects and action items.
--
-- One FTS5 row per source row, kept in sync by triggers in the writing transaction. Rowids
-- are derived from the source row's key so a trigger finds its row without a scan:
--   agenda item  (id * 65536) * 4 + 0
--   speech       (agenda_item_id * 65536 + position) * 4 + 1
--   vote         (meeting_id * 65536 + position) * 4 + 2
--   action item  (meeting_id * 65536 + position) * 4 + 3
-- (positions above 65535 would collide and make the write fail; no meeting has that many.)
--
-- Vietnamese folding: the `unicode61` tokenizer with `remove_diacritics 2` folds case and
-- every Vietnamese diacritic except the stroke of đ/Đ, which is not a combining mark. The
-- indexed text therefore has đ → ď and Đ → Ď: same byte length, and ď/Ď do decompose to
-- d + caron, so the tokenizer folds them to "d". `snippet()` offsets stay valid and the
-- reader maps ď/Ď back to đ/Đ. Queries are folded with `minutebook_core::text::search_fold`.

CREATE VIRTUAL TABLE search_index USING fts5(
    body,
    kind UNINDEXED,
    meeting_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER search_agenda_ins AFTER INSERT ON agenda_items BEGIN
    INSERT INTO search_index (rowid, body, kind, meeting_id)
    VALUES (NEW.id * 262144,
            replace(replace(NEW.title || char(10) || NEW.presentation || char(10) || NEW.conclusion,
                            'đ', 'ď'), 'Đ', 'Ď'),
            'agenda', NEW.meeting_id);
END;
CREATE TRIGGER search_agenda_del AFTER DELETE ON agenda_items BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 262144;
END;
CREATE TRIGGER search_agenda_upd AFTER UPDATE ON agenda_items BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 262144;
    INSERT INTO search_index (rowid, body, kind, meeting_id)
    VALUES (NEW.id * 262144,
            replace(replace(NEW.title || char(10) || NEW.presentation || char(10) || NEW.conclusion,
                            'đ', 'ď'), 'Đ', 'Ď'),
            'agenda', NEW.meeting_id);
END;

CREATE TRIGGER search_speech_ins AFTER INSERT ON speeches BEGIN
    INSERT INTO search_index (rowid, body, kind, meeting_id)
    VALUES ((NEW.agenda_item_id * 65536 + NEW.position) * 4 + 1,
            replace(replace(NEW.gist, 'đ', 'ď'), 'Đ', 'Ď'),
            'speech',
            (SELECT meeting_id FROM agenda_items WHERE id = NEW.agenda_item_id));
END;
CREATE TRIGGER search_speech_del AFTER DELETE ON speeches BEGIN
    DELETE FROM search_index WHERE rowid = (OLD.agenda_item_id * 65536 + OLD.position) * 4 + 1;
END;
CREATE TRIGGER search_speech_upd AFTER UPDATE ON speeches BEGIN
    DELETE FROM search_index WHERE rowid = (OLD.agenda_item_id * 65536 + OLD.position) * 4 + 1;
    INSERT INTO search_index (rowid, body, kind, meeting_id)
    VALUES ((NEW.agenda_item_id * 65536 + NEW.position) * 4 + 1,
            replace(replace(NEW.gist, 'đ', 'ď'), 'Đ', 'Ď'),
            'speech',
            (SELECT meeting_id FROM agenda_items WHERE id = NEW.agenda_item_id));
END;

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

CREATE TRIGGER search_action_ins AFTER INSERT ON action_items BEGIN
    INSERT INTO search_index (rowid, body, kind, meeting_id)
    VALUES ((NEW.meeting_id * 65536 + NEW.position) * 4 + 3,
            replace(replace(NEW.task || char(10) || NEW.report_back, 'đ', 'ď'), 'Đ', 'Ď'),
            'action', NEW.meeting_id);
END;
CREATE TRIGGER search_action_del AFTER DELETE ON action_items BEGIN
    DELETE FROM search_index WHERE rowid = (OLD.meeting_id * 65536 + OLD.position) * 4 + 3;
END;
CREATE TRIGGER search_action_upd AFTER UPDATE ON action_items BEGIN
    DELETE FROM search_index WHERE rowid = (OLD.meeting_id * 65536 + OLD.position) * 4 + 3;
    INSERT INTO search_index (rowid, body, kind, meeting_id)
    VALUES ((NEW.meeting_id * 65536 + NEW.position) * 4 + 3,
            replace(replace(NEW.task || char(10) || NEW.report_back, 'đ', 'ď'), 'Đ', 'Ď'),
            'action', NEW.meeting_id);
END;

-- Index what the book already holds.
INSERT INTO search_index (rowid, body, kind, meeting_id)
SELECT id * 262144,
       replace(replace(title || char(10) || presentation || char(10) || conclusion,
                       'đ', 'ď'), 'Đ', 'Ď'),
       'agenda', meeting_id
FROM agenda_items;
INSERT INTO search_index (rowid, body, kind, meeting_id)
SELECT (s.agenda_item_id * 65536 + s.position) * 4 + 1,
       replace(replace(s.gist, 'đ', 'ď'), 'Đ', 'Ď'), 'speech', a.meeting_id
FROM speeches s JOIN agenda_items a ON a.id = s.agenda_item_id;
INSERT INTO search_index (rowid, body, kind, meeting_id)
SELECT (meeting_id * 65536 + position) * 4 + 2,
       replace(replace(subject, 'đ', 'ď'), 'Đ', 'Ď'), 'vote', meeting_id
FROM votes;
INSERT INTO search_index (rowid, body, kind, meeting_id)
SELECT (meeting_id * 65536 + position) * 4 + 3,
       replace(replace(task || char(10) || report_back, 'đ', 'ď'), 'Đ', 'Ď'), 'action', meeting_id
FROM action_items;
