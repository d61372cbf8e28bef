//! The roster: members listed, found, imported from a spreadsheet, added and edited.

use minutebook_record::convert::{member_doc, member_from_doc};
use minutebook_record::doc::MemberDoc;

use super::*;

impl Book {
    /// Members with their current key fingerprints.
    ///
    /// # Errors
    /// Storage errors.
    pub fn members(&self) -> Result<Vec<MemberView>, ApiError> {
        let keys = self.store.list_keys(None)?;
        Ok(self
            .store
            .list_members()?
            .iter()
            .map(|m| MemberView {
                member: convert::member_doc(m),
                key_fingerprint: keys
                    .iter()
                    .filter(|k| k.member == m.id && k.revoked_from.is_none())
                    .map(|k| k.fingerprint.clone())
                    .next_back(),
            })
            .collect())
    }

    /// Finds a member by id or exact full name (NFC, spacing ignored).
    ///
    /// # Errors
    /// `NotFound`, or `InvalidInput` when a name matches several members.
    pub fn find_member(&self, who: &str) -> Result<Member, ApiError> {
        let members = self.store.list_members()?;
        if let Ok(id) = who.trim().parse::<i64>()
            && let Some(m) = members.iter().find(|m| m.id.0 == id)
        {
            return Ok(m.clone());
        }
        let found: Vec<&Member> = members
            .iter()
            .filter(|m| same_name(&m.full_name, who))
            .collect();
        match found.as_slice() {
            [m] => Ok((*m).clone()),
            [] => Err(ApiError::not_found(format!(
                "no member {who:?} on the roster"
            ))),
            _ => Err(ApiError::invalid(format!(
                "{} members are named {who:?}: use the member id",
                found.len()
            ))),
        }
    }

    /// Imports a roster spreadsheet (CSV or XLSX), all or nothing. Members already on the
    /// roster (same name and card number) are kept, not duplicated.
    ///
    /// # Errors
    /// `InvalidInput` naming file, row and field; nothing is changed.
    pub fn import_roster(&mut self, path: &Path) -> Result<RosterImportSummary, ApiError> {
        self.use_case("import the roster", |book| {
            let imported = minutebook_import::import_roster_file(path)
                .map_err(|e| ApiError::invalid(e.to_string()))?;
            for m in &imported {
                printing::printable_name(
                    &format!("{}: full_name {:?}", path.display(), m.full_name),
                    &m.full_name,
                )?;
            }
            let existing = book.store.list_members()?;
            let new: Vec<Member> = imported
                .into_iter()
                .filter(|m| !existing.iter().any(|e| same_member(e, m)))
                .collect();
            let added = new.len();
            if !new.is_empty() {
                book.store.import_members(&new)?;
            }
            Ok(RosterImportSummary {
                added,
                total: existing.len() + added,
            })
        })
    }
}

/// Same person: same name (NFC, spacing ignored) and, when both have one, the same card number.
pub(super) fn same_member(a: &Member, b: &Member) -> bool {
    same_name(&a.full_name, &b.full_name)
        && match (&a.party_card_number, &b.party_card_number) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
}

impl Book {
    /// Adds a member when `doc.id` is empty, otherwise replaces every field of member `doc.id`
    /// (posts included). Text is stored as NFC; dates are `YYYY-MM-DD`. An exemption date is
    /// dropped when the member is not exempted. Members are never deleted here: a member who
    /// leaves the cell gets a transfer out (chuyển sinh hoạt đảng), so the meetings that named
    /// them keep their references.
    ///
    /// Returns the member as stored, with their key's fingerprint.
    ///
    /// # Errors
    /// `InvalidInput` naming the field (`member.full_name`, `member.transfer_out.date`, …) for
    /// an empty name, an unknown category or gender, a malformed date, a transfer out dated
    /// before the transfer in, or a party card number already on the roster; `NotFound` for an
    /// id that is not on the roster. Nothing is changed on error.
    pub fn save_member(&mut self, doc: &MemberDoc) -> Result<MemberView, ApiError> {
        self.use_case("save a member", |book| {
            let id = match doc.id.trim() {
                "" => None,
                s => Some(MemberId(s.parse::<i64>().map_err(|_| {
                    ApiError::invalid(format!("member.id: {s:?} is not a member id"))
                })?)),
            };
            let mut member = member_from_doc(doc, id.unwrap_or(MemberId(0)), "member")?;
            visible_member(&mut member, "member")?;
            tidy(&mut member);
            check_transfers(&member)?;
            if let Some(id) = id {
                book.store.member(id)?; // NotFound before any other complaint
            }
            if let Some(card) = &member.party_card_number
                && let Some(other) = book
                    .store
                    .list_members()?
                    .into_iter()
                    .find(|m| m.party_card_number.as_ref() == Some(card) && Some(m.id) != id)
            {
                return Err(ApiError::invalid(format!(
                    "member.party_card_number: {card} is already the card of {} on the roster",
                    other.full_name
                )));
            }
            let id = match id {
                Some(_) => {
                    book.store_mut().update_member(&member)?;
                    member.id
                }
                None => book.store_mut().add_member(&member)?,
            };
            book.members()?
                .into_iter()
                .find(|m| m.member.id == id.0.to_string())
                .ok_or_else(|| ApiError::not_found(format!("member #{} after saving", id.0)))
        })
    }

    /// One member's document form, for the edit form.
    ///
    /// # Errors
    /// `NotFound` when `id` is not on the roster.
    pub fn member_doc(&self, id: i64) -> Result<MemberDoc, ApiError> {
        Ok(member_doc(&self.store().member(MemberId(id))?))
    }
}

/// Blank optional text becomes absent; an exemption date needs an exemption.
fn tidy(m: &mut Member) {
    if m.party_card_number
        .as_deref()
        .is_some_and(|s| s.trim().is_empty())
    {
        m.party_card_number = None;
    }
    if !m.exempted {
        m.exempted_since = None;
    }
    m.posts
        .retain(|p| !matches!(p, minutebook_core::roster::Post::Other(s) if s.trim().is_empty()));
}

fn check_transfers(m: &Member) -> Result<(), ApiError> {
    for (t, path) in [(&m.transfer_in, "in"), (&m.transfer_out, "out")] {
        if let Some(t) = t
            && t.other_body.trim().is_empty()
        {
            return Err(ApiError::invalid(format!(
                "member.transfer_{path}.other_body: name the party body on the other side"
            )));
        }
    }
    if let (Some(i), Some(o)) = (&m.transfer_in, &m.transfer_out)
        && o.date < i.date
    {
        return Err(ApiError::invalid(format!(
            "member.transfer_out.date: {} is before the transfer in ({})",
            o.date, i.date
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::case_book as book;
    use crate::workspace::NewMeetingInput;
    use minutebook_record::doc::TransferDoc;

    pub(super) fn blank(name: &str) -> MemberDoc {
        MemberDoc {
            id: String::new(),
            full_name: name.into(),
            birth_date: None,
            gender: None,
            category: "probationary".into(),
            exempted: false,
            exempted_since: Some("2020-01-01".into()),
            party_card_number: Some("  ".into()),
            admitted_on: None,
            official_on: None,
            transfer_in: None,
            transfer_out: None,
            suspended: false,
            posts: vec![],
        }
    }

    pub(super) fn meeting_names(b: &mut Book, date: &str) -> Vec<String> {
        let id = b
            .create_meeting(&NewMeetingInput {
                kind: "regular".into(),
                date: date.into(),
                subject: String::new(),
                place: String::new(),
            })
            .unwrap();
        let ws = b.meeting_workspace(id).unwrap();
        ws.doc
            .attendance
            .iter()
            .filter_map(|a| ws.roster.iter().find(|m| m.id == a.member_id))
            .map(|m| m.full_name.clone())
            .collect()
    }

    #[test]
    pub(super) fn add_edit_and_transfer_a_member() {
        let (dir, mut b) = book();
        let before = b.members().unwrap().len();
        // Added in decomposed form, stored composed; blanks tidied away.
        let mut doc = blank("Nguye\u{302}\u{303}n Thi\u{323} Thu Trang");
        doc.transfer_in = Some(TransferDoc {
            date: "2026-02-10".into(),
            kind: "official".into(),
            other_body: "Chi bộ Tổ dân phố số 3".into(),
        });
        let added = b.save_member(&doc).unwrap();
        assert_eq!(added.member.full_name, "Nguyễn Thị Thu Trang");
        assert_eq!(added.member.party_card_number, None);
        assert_eq!(added.member.exempted_since, None);
        assert_eq!(b.members().unwrap().len(), before + 1);

        // Edited: the same id, new fields, nothing duplicated.
        let mut edit = b.member_doc(added.member.id.parse().unwrap()).unwrap();
        edit.category = "official".into();
        edit.official_on = Some("2026-02-20".into());
        edit.posts = vec!["committee-member".into()];
        let edited = b.save_member(&edit).unwrap();
        assert_eq!(edited.member.id, added.member.id);
        assert_eq!(edited.member.category, "official");
        assert_eq!(b.members().unwrap().len(), before + 1);

        // Transfer out of Ngô Quang Vinh from 1 March: not on the roster of a meeting on 5 March,
        // still on one of 5 February; Trang (in from 10 February) the other way round.
        let vinh = b.find_member("Ngô Quang Vinh").unwrap();
        let mut out = member_doc(&vinh);
        out.transfer_out = Some(TransferDoc {
            date: "2026-03-01".into(),
            kind: "official".into(),
            other_body: "Chi bộ Tổ dân phố số 9".into(),
        });
        b.save_member(&out).unwrap();
        let march = meeting_names(&mut b, "2026-03-05");
        assert!(march.contains(&"Nguyễn Thị Thu Trang".to_owned()));
        assert!(!march.contains(&"Ngô Quang Vinh".to_owned()));
        let february = meeting_names(&mut b, "2026-02-05");
        assert!(!february.contains(&"Nguyễn Thị Thu Trang".to_owned()));
        assert!(february.contains(&"Ngô Quang Vinh".to_owned()));

        // Durable: a fresh open of the same file sees the edits.
        drop(b);
        let b = Book::open(&dir.path().join("m.db")).unwrap();
        let again = b.find_member("Nguyễn Thị Thu Trang").unwrap();
        assert_eq!(
            member_doc(&again).posts,
            vec!["committee-member".to_owned()]
        );
    }

    #[test]
    pub(super) fn bad_members_are_refused_naming_the_field_and_change_nothing() {
        let (_d, mut b) = book();
        let before = b.members().unwrap();
        let err = b.save_member(&blank("   ")).unwrap_err();
        assert!(err.message.contains("member.full_name"), "{err:?}");
        let mut doc = blank("Trần Văn Mới");
        doc.birth_date = Some("2026-02-30".into());
        let err = b.save_member(&doc).unwrap_err();
        assert!(err.message.contains("member.birth_date"), "{err:?}");
        let mut doc = blank("Trần Văn Mới");
        doc.transfer_in = Some(TransferDoc {
            date: "2026-03-01".into(),
            kind: "official".into(),
            other_body: "Chi bộ 3".into(),
        });
        doc.transfer_out = Some(TransferDoc {
            date: "2026-02-01".into(),
            kind: "official".into(),
            other_body: "Chi bộ 9".into(),
        });
        let err = b.save_member(&doc).unwrap_err();
        assert!(err.message.contains("member.transfer_out.date"), "{err:?}");
        // A party card number already on the roster.
        let card = before
            .iter()
            .find_map(|m| m.member.party_card_number.clone())
            .expect("the case roster has card numbers");
        let mut doc = blank("Trần Văn Mới");
        doc.party_card_number = Some(card);
        assert!(b.save_member(&doc).is_err());
        let mut doc = blank("Trần Văn Mới");
        doc.id = "99999".into();
        assert_eq!(
            b.save_member(&doc).unwrap_err().code,
            crate::ErrorCode::NotFound
        );
        assert_eq!(b.members().unwrap(), before);
    }
}
