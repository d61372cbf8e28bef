//! The meeting room's evidence (schema version 7): rooms opened for a meeting, the statements
//! members signed there (check-ins, votes by name) exactly as signed, and for secret ballots
//! only who returned a ballot and the running counts — never who chose what.

use minutebook_core::MemberId;
use rusqlite::{OptionalExtension, params};
use time::OffsetDateTime;

use crate::connection::Store;
use crate::error::{Context, Result};
use crate::values::{col, instant_text, parse_instant};

/// A room as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomRow {
    /// Row id.
    pub id: i64,
    /// The meeting the room is for.
    pub meeting_id: i64,
    /// The room's token: 32 lower-case hex digits, named in every statement.
    pub token: String,
    /// The host key's fingerprint (64 hex digits).
    pub host_fingerprint: String,
    /// When it was opened (the store's clock).
    pub opened_at: OffsetDateTime,
    /// When it was closed; `None` while open.
    pub closed_at: Option<OffsetDateTime>,
    /// The vote being taken (0-based index in the meeting's votes), if any.
    pub open_vote: Option<u32>,
}

/// A statement a member signed in a room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomStatement {
    /// The member.
    pub member: MemberId,
    /// `check-in` or `vote`.
    pub kind: String,
    /// The vote's index for `vote`; `None` for a check-in.
    pub vote_index: Option<u32>,
    /// The canonical JSON as signed.
    pub statement: Vec<u8>,
    /// The 64-byte ed25519 signature.
    pub signature: Vec<u8>,
    /// When the host received it (the store's clock).
    pub received_at: OffsetDateTime,
}

const SELECT_ROOM: &str =
    "SELECT id, meeting_id, token, host_fingerprint, opened_at, closed_at, open_vote FROM rooms";

fn read_room(r: &rusqlite::Row<'_>) -> Result<RoomRow> {
    let w = "rooms";
    let closed: Option<String> = col(r, 5, w)?;
    let open_vote: Option<i64> = col(r, 6, w)?;
    Ok(RoomRow {
        id: col(r, 0, w)?,
        meeting_id: col(r, 1, w)?,
        token: col(r, 2, w)?,
        host_fingerprint: col(r, 3, w)?,
        opened_at: parse_instant(&col::<String>(r, 4, w)?, "rooms.opened_at")?,
        closed_at: closed
            .map(|c| parse_instant(&c, "rooms.closed_at"))
            .transpose()?,
        open_vote: open_vote.and_then(|v| u32::try_from(v).ok()),
    })
}

impl Store {
    /// The room open for `meeting`, if one is (at most one is).
    ///
    /// # Errors
    /// Storage errors.
    pub fn open_room_of(&self, meeting: i64) -> Result<Option<RoomRow>> {
        self.read(|c| {
            let what = "read rooms";
            let mut stmt = c
                .prepare(&format!(
                    "{SELECT_ROOM} WHERE meeting_id = ?1 AND closed_at IS NULL"
                ))
                .ctx(what)?;
            let mut rows = stmt.query([meeting]).ctx(what)?;
            match rows.next().ctx(what)? {
                Some(r) => Ok(Some(read_room(r)?)),
                None => Ok(None),
            }
        })
    }

    /// Opens a room for `meeting` with `token`, hosted by the key `host_fingerprint`.
    ///
    /// # Errors
    /// [`crate::Error::Constraint`] when a room is already open for the meeting or the token
    /// is taken.
    pub fn add_room(
        &mut self,
        meeting: i64,
        token: &str,
        host_fingerprint: &str,
    ) -> Result<RoomRow> {
        let id = self.write("open a room", |tx| {
            tx.tx
                .execute(
                    "INSERT INTO rooms (meeting_id, token, host_fingerprint, opened_at) VALUES (?1, ?2, ?3, ?4)",
                    params![meeting, token, host_fingerprint, instant_text(tx.now)],
                )
                .ctx("open a room")?;
            let id = tx.tx.last_insert_rowid();
            tx.audit("open", "room", id, format!("meeting #{meeting}, host key {host_fingerprint}"))?;
            Ok(id)
        })?;
        self.read(|c| {
            c.query_row(&format!("{SELECT_ROOM} WHERE id = ?1"), [id], |r| {
                Ok(read_room(r))
            })
            .ctx("read rooms")?
        })
    }

    /// Closes room `room`.
    ///
    /// # Errors
    /// Storage errors.
    pub fn close_room(&mut self, room: i64) -> Result<()> {
        self.write("close a room", |tx| {
            tx.tx
                .execute(
                    "UPDATE rooms SET closed_at = ?2, open_vote = NULL WHERE id = ?1 AND closed_at IS NULL",
                    params![room, instant_text(tx.now)],
                )
                .ctx("close a room")?;
            tx.audit("close", "room", room, "")
        })
    }

    /// Sets the vote being taken in `room` (`None` = none).
    ///
    /// # Errors
    /// Storage errors.
    pub fn set_room_vote(&mut self, room: i64, vote: Option<u32>) -> Result<()> {
        self.write("open or close a vote in the room", |tx| {
            tx.tx
                .execute(
                    "UPDATE rooms SET open_vote = ?2 WHERE id = ?1",
                    params![room, vote],
                )
                .ctx("open or close a vote")?;
            tx.audit(
                "vote",
                "room",
                room,
                match vote {
                    Some(v) => format!("vote {} opened", v + 1),
                    None => "vote closed".to_owned(),
                },
            )
        })
    }

    /// Keeps a statement `member` signed in `room` (`vote_index` for a vote by name).
    ///
    /// # Errors
    /// [`crate::Error::Constraint`] when the member already made this statement (one
    /// check-in, one vote per vote).
    pub fn add_room_statement(
        &mut self,
        room: i64,
        member: MemberId,
        kind: &str,
        vote_index: Option<u32>,
        statement: &[u8],
        signature: &[u8],
    ) -> Result<()> {
        self.write("keep a room statement", |tx| {
            let index = vote_index.map_or(-1, i64::from);
            tx.tx
                .execute(
                    "INSERT INTO room_statements (room_id, member_id, kind, vote_index, statement, signature, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![room, member.0, kind, index, statement, signature, instant_text(tx.now)],
                )
                .ctx("keep a room statement")?;
            tx.audit("statement", "room", room, format!("{kind} of member #{}", member.0))
        })
    }

    /// The statements kept in `room`, in the order received.
    ///
    /// # Errors
    /// Storage errors.
    pub fn room_statements(&self, room: i64) -> Result<Vec<RoomStatement>> {
        self.read(|c| {
            let what = "read room statements";
            let mut stmt = c
                .prepare(
                    "SELECT member_id, kind, vote_index, statement, signature, received_at FROM room_statements WHERE room_id = ?1 ORDER BY id",
                )
                .ctx(what)?;
            let mut rows = stmt.query([room]).ctx(what)?;
            let mut out = Vec::new();
            while let Some(r) = rows.next().ctx(what)? {
                let w = "room_statements";
                let index: i64 = col(r, 2, w)?;
                out.push(RoomStatement {
                    member: MemberId(col(r, 0, w)?),
                    kind: col(r, 1, w)?,
                    vote_index: u32::try_from(index).ok(),
                    statement: col(r, 3, w)?,
                    signature: col(r, 4, w)?,
                    received_at: parse_instant(&col::<String>(r, 5, w)?, "room_statements.received_at")?,
                });
            }
            Ok(out)
        })
    }

    /// Puts `member`'s secret ballot for `vote` of `room` in the box: notes that the member
    /// returned a ballot and adds one to the count at `choice` (0 = yes, 1 = no, 2 = abstain).
    /// The audit entry says a ballot was cast, never what it said.
    ///
    /// # Errors
    /// [`crate::Error::Constraint`] when the member already returned a ballot for this vote.
    pub fn cast_ballot(
        &mut self,
        room: i64,
        vote: u32,
        member: MemberId,
        choice: usize,
    ) -> Result<()> {
        let column = match choice {
            0 => "yes",
            1 => "no",
            _ => "abstain",
        };
        self.write("cast a ballot", |tx| {
            tx.tx
                .execute(
                    "INSERT INTO room_ballots_cast (room_id, vote_index, member_id) VALUES (?1, ?2, ?3)",
                    params![room, vote, member.0],
                )
                .ctx("cast a ballot")?;
            tx.tx
                .execute(
                    "INSERT INTO room_ballot_boxes (room_id, vote_index) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                    params![room, vote],
                )
                .ctx("cast a ballot")?;
            tx.tx
                .execute(
                    &format!("UPDATE room_ballot_boxes SET {column} = {column} + 1 WHERE room_id = ?1 AND vote_index = ?2"),
                    params![room, vote],
                )
                .ctx("cast a ballot")?;
            tx.audit("ballot", "room", room, format!("a ballot in vote {}", vote + 1))
        })
    }

    /// The counts `[yes, no, abstain]` in the ballot box of `vote` in `room`.
    ///
    /// # Errors
    /// Storage errors.
    pub fn ballot_box(&self, room: i64, vote: u32) -> Result<[u32; 3]> {
        self.read(|c| {
            let row = c
                .query_row(
                    "SELECT yes, no, abstain FROM room_ballot_boxes WHERE room_id = ?1 AND vote_index = ?2",
                    params![room, vote],
                    |r| Ok([r.get::<_, u32>(0)?, r.get::<_, u32>(1)?, r.get::<_, u32>(2)?]),
                )
                .optional()
                .ctx("read the ballot box")?;
            Ok(row.unwrap_or([0; 3]))
        })
    }

    /// Whether `member` made statement `kind` (`vote_index` for a vote) in room `room`.
    ///
    /// # Errors
    /// Storage errors.
    pub fn has_room_statement(
        &self,
        room: i64,
        member: MemberId,
        kind: &str,
        vote_index: Option<u32>,
    ) -> Result<bool> {
        let index = vote_index.map_or(-1, i64::from);
        self.read(|c| {
            c.query_row(
                "SELECT EXISTS (SELECT 1 FROM room_statements WHERE room_id = ?1 AND member_id = ?2 AND kind = ?3 AND vote_index = ?4)",
                params![room, member.0, kind, index],
                |r| r.get(0),
            )
            .ctx("read room statements")
        })
    }

    /// Whether `member` voted (by name or by ballot) on vote `vote` of `meeting` in any of its
    /// rooms.
    ///
    /// # Errors
    /// Storage errors.
    pub fn has_voted(&self, meeting: i64, vote: u32, member: MemberId) -> Result<bool> {
        self.read(|c| {
            c.query_row(
                "SELECT EXISTS (SELECT 1 FROM room_statements s JOIN rooms r ON r.id = s.room_id
                     WHERE r.meeting_id = ?1 AND s.kind = 'vote' AND s.vote_index = ?2 AND s.member_id = ?3)
                 OR EXISTS (SELECT 1 FROM room_ballots_cast b JOIN rooms r ON r.id = b.room_id
                     WHERE r.meeting_id = ?1 AND b.vote_index = ?2 AND b.member_id = ?3)",
                params![meeting, vote, member.0],
                |r| r.get(0),
            )
            .ctx("read room votes")
        })
    }

    /// The votes of `meeting` taken in any of its rooms (with a statement or a ballot), in
    /// order.
    ///
    /// # Errors
    /// Storage errors.
    pub fn votes_taken_in_rooms(&self, meeting: i64) -> Result<Vec<u32>> {
        self.read(|c| {
            let what = "read room votes";
            let mut stmt = c
                .prepare(
                    "SELECT vote_index FROM room_statements s JOIN rooms r ON r.id = s.room_id
                         WHERE r.meeting_id = ?1 AND s.kind = 'vote'
                     UNION
                     SELECT vote_index FROM room_ballots_cast b JOIN rooms r ON r.id = b.room_id
                         WHERE r.meeting_id = ?1
                     ORDER BY 1",
                )
                .ctx(what)?;
            let v = stmt
                .query_map([meeting], |r| r.get::<_, u32>(0))
                .ctx(what)?
                .collect::<rusqlite::Result<Vec<u32>>>()
                .ctx(what)?;
            Ok(v)
        })
    }

    /// How many voted in room `room` on vote `vote`: statements by name and ballots.
    ///
    /// # Errors
    /// Storage errors.
    pub fn room_votes_cast(&self, room: i64, vote: u32) -> Result<u32> {
        self.read(|c| {
            c.query_row(
                "SELECT (SELECT count(*) FROM room_statements WHERE room_id = ?1 AND kind = 'vote' AND vote_index = ?2)
                      + (SELECT count(*) FROM room_ballots_cast WHERE room_id = ?1 AND vote_index = ?2)",
                params![room, vote],
                |r| r.get(0),
            )
            .ctx("read room votes")
        })
    }

    /// The members who checked in in room `room`.
    ///
    /// # Errors
    /// Storage errors.
    pub fn room_check_ins(&self, room: i64) -> Result<Vec<MemberId>> {
        self.read(|c| {
            let what = "read room check-ins";
            let mut stmt = c
                .prepare("SELECT member_id FROM room_statements WHERE room_id = ?1 AND kind = 'check-in'")
                .ctx(what)?;
            let v = stmt
                .query_map([room], |r| r.get::<_, i64>(0))
                .ctx(what)?
                .collect::<rusqlite::Result<Vec<i64>>>()
                .ctx(what)?;
            Ok(v.into_iter().map(MemberId).collect())
        })
    }

    /// The members who checked in in any room of `meeting`.
    ///
    /// # Errors
    /// Storage errors.
    pub fn meeting_check_ins(&self, meeting: i64) -> Result<Vec<MemberId>> {
        self.read(|c| {
            let what = "read room check-ins";
            let mut stmt = c
                .prepare(
                    "SELECT DISTINCT s.member_id FROM room_statements s JOIN rooms r ON r.id = s.room_id
                     WHERE r.meeting_id = ?1 AND s.kind = 'check-in'",
                )
                .ctx(what)?;
            let v = stmt
                .query_map([meeting], |r| r.get::<_, i64>(0))
                .ctx(what)?
                .collect::<rusqlite::Result<Vec<i64>>>()
                .ctx(what)?;
            Ok(v.into_iter().map(MemberId).collect())
        })
    }
}
