//! The roster: members and their posts.

use minutebook_core::{Member, MemberId, Post, Transfer};
use rusqlite::{Connection, params};

use crate::connection::Store;
use crate::error::{Context, Error, Result};
use crate::values::{
    category, check_nfc, check_opt_nfc, col, date_text, gender, opt_date, transfer_kind,
};

const SELECT_MEMBERS: &str =
    "SELECT id, full_name, birth_date, gender, category, exempted, exempted_since,
        party_card_number, admitted_on, official_on,
        transfer_in_date, transfer_in_kind, transfer_in_body,
        transfer_out_date, transfer_out_kind, transfer_out_body, suspended
    FROM members";

/// (`post`, `other`) columns: the post's code, and an other post's text beside it.
fn post_code(p: &Post) -> (&'static str, Option<&str>) {
    (p.code(), p.other_text())
}

fn check_member(m: &Member, what: &str) -> Result<()> {
    check_nfc(&m.full_name, &format!("{what}: full name"))?;
    check_opt_nfc(
        m.party_card_number.as_deref(),
        &format!("{what}: party card number"),
    )?;
    for (t, dir) in [(&m.transfer_in, "in"), (&m.transfer_out, "out")] {
        check_opt_nfc(
            t.as_ref().map(|t| t.other_body.as_str()),
            &format!("{what}: transfer {dir}, other body"),
        )?;
    }
    for (i, p) in m.posts.iter().enumerate() {
        check_opt_nfc(p.other_text(), &format!("{what}: post {}", i + 1))?;
    }
    if m.full_name.trim().is_empty() {
        return Err(Error::invalid(what, "the full name is empty"));
    }
    if m.party_card_number
        .as_deref()
        .is_some_and(|c| c.trim().is_empty())
    {
        return Err(Error::invalid(
            what,
            "the party card number is blank (leave it unset instead)",
        ));
    }
    Ok(())
}

fn transfer_params(t: &Option<Transfer>) -> (Option<String>, Option<&'static str>, Option<&str>) {
    match t {
        None => (None, None, None),
        Some(t) => (
            Some(date_text(t.date)),
            Some(t.kind.code()),
            Some(t.other_body.as_str()),
        ),
    }
}

/// Inserts (`id` = None: a new id) or replaces (`id` = Some) a member row and its posts; text
/// exactly as given, refused unless NFC.
fn write_member(conn: &Connection, m: &Member, id: Option<i64>, what: &str) -> Result<i64> {
    check_member(m, what)?;
    let (in_date, in_kind, in_body) = transfer_params(&m.transfer_in);
    let (out_date, out_kind, out_body) = transfer_params(&m.transfer_out);
    conn.execute(
        "INSERT INTO members (id, full_name, birth_date, gender, category, exempted, exempted_since,
            party_card_number, admitted_on, official_on,
            transfer_in_date, transfer_in_kind, transfer_in_body,
            transfer_out_date, transfer_out_kind, transfer_out_body, suspended)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
         ON CONFLICT (id) DO UPDATE SET
            full_name = excluded.full_name, birth_date = excluded.birth_date,
            gender = excluded.gender, category = excluded.category,
            exempted = excluded.exempted, exempted_since = excluded.exempted_since,
            party_card_number = excluded.party_card_number,
            admitted_on = excluded.admitted_on, official_on = excluded.official_on,
            transfer_in_date = excluded.transfer_in_date,
            transfer_in_kind = excluded.transfer_in_kind,
            transfer_in_body = excluded.transfer_in_body,
            transfer_out_date = excluded.transfer_out_date,
            transfer_out_kind = excluded.transfer_out_kind,
            transfer_out_body = excluded.transfer_out_body,
            suspended = excluded.suspended",
        params![
            id,
            m.full_name,
            m.birth_date.map(date_text),
            m.gender.map(|g| g.code()),
            m.category.code(),
            m.exempted,
            m.exempted_since.map(date_text),
            m.party_card_number,
            m.admitted_on.map(date_text),
            m.official_on.map(date_text),
            in_date,
            in_kind,
            in_body,
            out_date,
            out_kind,
            out_body,
            m.suspended,
        ],
    )
    .ctx(what)?;
    let id = id.unwrap_or_else(|| conn.last_insert_rowid());
    conn.execute("DELETE FROM member_posts WHERE member_id = ?1", [id])
        .ctx(what)?;
    for (i, post) in m.posts.iter().enumerate() {
        let (code, other) = post_code(post);
        conn.execute(
            "INSERT INTO member_posts (member_id, position, post, other) VALUES (?1, ?2, ?3, ?4)",
            params![id, i as i64, code, other],
        )
        .ctx(what)?;
    }
    Ok(id)
}

fn transfer(
    date: Option<String>,
    kind: Option<String>,
    body: Option<String>,
    what: &str,
) -> Result<Option<Transfer>> {
    match (date, kind, body) {
        (None, None, None) => Ok(None),
        (Some(d), Some(k), Some(other_body)) => Ok(Some(Transfer {
            date: crate::values::parse_date(&d, what)?,
            kind: transfer_kind(&k)?,
            other_body,
        })),
        _ => Err(Error::Corrupt(format!("{what}: incomplete transfer"))),
    }
}

/// Reads members matching `filter` (a WHERE clause with `?1`, or empty), in id order.
pub(crate) fn read_members(
    conn: &Connection,
    filter: &str,
    arg: Option<i64>,
) -> Result<Vec<Member>> {
    let what = "read members";
    let sql = format!("{SELECT_MEMBERS} {filter} ORDER BY id");
    let mut stmt = conn.prepare(&sql).ctx(what)?;
    let mut rows = match arg {
        Some(a) => stmt.query([a]),
        None => stmt.query([]),
    }
    .ctx(what)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next().ctx(what)? {
        let w = "members";
        let id: i64 = col(r, 0, w)?;
        out.push(Member {
            id: MemberId(id),
            full_name: col(r, 1, w)?,
            birth_date: opt_date(col(r, 2, w)?, "members.birth_date")?,
            gender: col::<Option<String>>(r, 3, w)?
                .map(|g| gender(&g))
                .transpose()?,
            category: category(&col::<String>(r, 4, w)?)?,
            exempted: col(r, 5, w)?,
            exempted_since: opt_date(col(r, 6, w)?, "members.exempted_since")?,
            party_card_number: col(r, 7, w)?,
            admitted_on: opt_date(col(r, 8, w)?, "members.admitted_on")?,
            official_on: opt_date(col(r, 9, w)?, "members.official_on")?,
            transfer_in: transfer(
                col(r, 10, w)?,
                col(r, 11, w)?,
                col(r, 12, w)?,
                "members.transfer_in",
            )?,
            transfer_out: transfer(
                col(r, 13, w)?,
                col(r, 14, w)?,
                col(r, 15, w)?,
                "members.transfer_out",
            )?,
            suspended: col(r, 16, w)?,
            posts: Vec::new(),
        });
    }
    drop(rows);
    let mut posts = conn
        .prepare("SELECT post, other FROM member_posts WHERE member_id = ?1 ORDER BY position")
        .ctx(what)?;
    for m in &mut out {
        let mut rows = posts.query([m.id.0]).ctx(what)?;
        while let Some(r) = rows.next().ctx(what)? {
            let code: String = col(r, 0, "member_posts")?;
            let other: Option<String> = col(r, 1, "member_posts")?;
            m.posts.push(
                Post::from_code(&code, other)
                    .ok_or_else(|| crate::values::corrupt("member_posts.post", &code))?,
            );
        }
    }
    Ok(out)
}

fn member_exists(conn: &Connection, id: MemberId) -> Result<bool> {
    conn.query_row("SELECT count(*) FROM members WHERE id = ?1", [id.0], |r| {
        r.get::<_, i64>(0)
    })
    .ctx("look up a member")
    .map(|n| n > 0)
}

impl Store {
    /// Every member on the roster, in the order they were added (by id).
    pub fn list_members(&self) -> Result<Vec<Member>> {
        self.read(|tx| read_members(tx, "", None))
    }

    /// One member.
    ///
    /// # Errors
    /// [`Error::NotFound`] when there is no member `id`.
    pub fn member(&self, id: MemberId) -> Result<Member> {
        self.read(|tx| read_members(tx, "WHERE id = ?1", Some(id.0)))?
            .pop()
            .ok_or_else(|| Error::not_found(format!("member #{}", id.0)))
    }

    /// Adds a member (its `id` field is ignored) and returns the id assigned. Text is stored
    /// exactly as given.
    ///
    /// # Errors
    /// [`Error::Invalid`] for an empty name, a blank card number or text not in NFC; [`Error::Constraint`] for a
    /// party card number already on the roster.
    pub fn add_member(&mut self, member: &Member) -> Result<MemberId> {
        Ok(self.import_members(std::slice::from_ref(member))?[0])
    }

    /// Replaces a member's fields and posts.
    ///
    /// # Errors
    /// [`Error::NotFound`] when `member.id` does not exist; otherwise as [`Store::add_member`].
    pub fn update_member(&mut self, member: &Member) -> Result<()> {
        let what = format!("update member #{}", member.id.0);
        self.write(&what, |tx| {
            if !member_exists(tx.tx, member.id)? {
                return Err(Error::not_found(format!("member #{}", member.id.0)));
            }
            write_member(tx.tx, member, Some(member.id.0), &what)?;
            tx.audit("update", "member", member.id.0, member.full_name.clone())
        })
    }

    /// Adds all `members` (their `id` fields are ignored) or none: the first invalid or
    /// conflicting member rolls everything back. Returns the ids assigned, in order.
    ///
    /// # Errors
    /// As [`Store::add_member`], the message naming the member's position (1-based) and name.
    pub fn import_members(&mut self, members: &[Member]) -> Result<Vec<MemberId>> {
        self.write("import members", |tx| {
            let mut ids = Vec::with_capacity(members.len());
            for (i, m) in members.iter().enumerate() {
                let what = format!("member {} of {} ({:?})", i + 1, members.len(), m.full_name);
                let id = write_member(tx.tx, m, None, &what)?;
                tx.audit("add", "member", id, m.full_name.clone())?;
                ids.push(MemberId(id));
            }
            Ok(ids)
        })
    }

    /// Makes the roster exactly `members`, all or nothing: a member whose `id` exists is
    /// updated, any other is added, and stored members not in the list are deleted. Returns
    /// the ids, in order.
    ///
    /// # Errors
    /// [`Error::Constraint`] when a member to delete is still referenced by a meeting (mark
    /// them transferred out instead); otherwise as [`Store::import_members`].
    pub fn replace_roster(&mut self, members: &[Member]) -> Result<Vec<MemberId>> {
        self.write("replace the roster", |tx| {
            let mut ids = Vec::with_capacity(members.len());
            for (i, m) in members.iter().enumerate() {
                let what = format!("member {} of {} ({:?})", i + 1, members.len(), m.full_name);
                let (id, action) = if member_exists(tx.tx, m.id)? {
                    (write_member(tx.tx, m, Some(m.id.0), &what)?, "update")
                } else {
                    (write_member(tx.tx, m, None, &what)?, "add")
                };
                tx.audit(action, "member", id, m.full_name.clone())?;
                ids.push(MemberId(id));
            }
            let keep: Vec<i64> = ids.iter().map(|i| i.0).collect();
            for old in read_members(tx.tx, "", None)? {
                if !keep.contains(&old.id.0) {
                    tx.tx
                        .execute("DELETE FROM members WHERE id = ?1", [old.id.0])
                        .ctx(&format!("remove member {:?}", old.full_name))?;
                    tx.audit("delete", "member", old.id.0, old.full_name)?;
                }
            }
            Ok(ids)
        })
    }
}
