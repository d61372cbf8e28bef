//! The meeting notice (*thông báo triệu tập*) with the printed agenda (*chương trình*), and
//! its calendar entry (iCalendar, RFC 5545).
//!
//! Both are made before the meeting from the record its meeting would have — the date, the
//! planned times, the place, the subject, the agenda with presenters and planned minutes, the
//! chair, the guests and the roster — and carry no signature: the notice is printed, signed by
//! hand by the cell secretary (*Bí thư*) and registered as an outgoing document, so its number
//! is left blank to be written in ("Số    -TB/CB"; cell-meetings.md §3, type code TB). It is
//! never re-rendered by `verify`, so `invitation.typ` is not in the template digest.

use std::collections::BTreeMap;

use icalendar::{Calendar, Component, Event, EventLike};
use serde_json::{Value, json};
use typst::foundations::Datetime;
use typst_pdf::Timestamp;

use crate::render::{VN_OFFSET_MINUTES, parse_date, parse_record, typeset};
use crate::templates::{self, hex};
use crate::world::ExportWorld;
use crate::{ExportError, ExportOptions, glyphs};
use sha2::{Digest, Sha256};

/// Renders the meeting notice and, on its second page, the agenda, as an A4 PDF/A-3b.
///
/// `record_json` is the record the meeting would have (type `minutebook.record`; its minutes,
/// votes and tasks are not printed); `issued_on` is the notice's date, `YYYY-MM-DD`, printed in
/// the place-date line and used as the PDF's date. `opts.template_dir` may hold
/// `invitation.typ` and `common.typ`; `opts.draft` marks every page "DỰ THẢO".
///
/// # Errors
/// [`ExportError::Record`] when the bytes are not a record or a date is not `YYYY-MM-DD`;
/// [`ExportError::UnsupportedCharacter`] naming the field and character the font cannot print;
/// [`ExportError::Template`] / [`ExportError::Typeset`] for a broken template.
pub fn render_invitation(
    record_json: &[u8],
    issued_on: &str,
    opts: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let mut record = parse_record(record_json)?;
    glyphs::normalize_and_check("", &mut record)?;
    let (y, mo, d) = parse_date(issued_on, "issued_on")?;
    parse_date(text_at(&record, "/meeting/date")?, "meeting.date")?;
    let record_sha256 = hex(&Sha256::digest(record_json));

    let export = json!({
        "format": 1,
        "kind": "invitation",
        "draft": opts.draft,
        "layout": opts.layout,
        "font": crate::FONT_FAMILY,
        "issued_on": issued_on,
        "attestations": [],
        "attachments": [],
        "keywords": ["minutebook-invitation"],
    });
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for name in ["common.typ", "invitation.typ"] {
        files.insert(
            format!("/{name}"),
            templates::load_one(opts.template_dir.as_deref(), name)?.into_bytes(),
        );
    }
    files.insert(
        "/record.json".into(),
        serde_json::to_vec(&record).map_err(|e| ExportError::Record(e.to_string()))?,
    );
    files.insert(
        "/export.json".into(),
        serde_json::to_vec(&export).map_err(|e| ExportError::Pdf(e.to_string()))?,
    );

    let main = "/invitation.typ";
    let today = Datetime::from_ymd(y, mo, d)
        .ok_or_else(|| ExportError::Record(format!("issued_on {issued_on:?} is not a date")))?;
    let world = ExportWorld::new(main, files, today).ok_or_else(|| ExportError::Template {
        name: main.into(),
        message: "cannot set up the template files".into(),
    })?;
    let stamp = Datetime::from_ymd_hms(y, mo, d, 0, 0, 0)
        .and_then(|d| Timestamp::new_local(d, VN_OFFSET_MINUTES))
        .ok_or_else(|| ExportError::Record("issued_on out of range".into()))?;
    typeset(
        &world,
        format!("minutebook:invitation:{record_sha256}"),
        stamp,
    )
}

/// What identifies one sending of a meeting's calendar entry, beyond the record: the book the
/// meeting lives in and how many times it was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarRevision {
    /// A stable identity of the minute book (the caller's choice; Minutebook passes the hash of
    /// the book's first audit entry, made when the book file was created). Goes into the
    /// `UID`, so two books whose meeting row ids coincide never share an entry.
    pub book: String,
    /// The entry's `SEQUENCE` (RFC 5545 §3.8.7.4): 0 for a meeting never changed since it was
    /// created, higher after each change, never lower; the same for two exports with no change
    /// between them. Minutebook passes how many times the meeting was saved after its creation.
    pub sequence: u32,
}

/// The `PRODID` of every calendar file Minutebook writes (RFC 5545 §3.7.3).
pub fn calendar_product_id() -> String {
    format!(
        "-//Minutebook//Minutebook {}//VI",
        env!("CARGO_PKG_VERSION")
    )
}

/// The meeting as an iCalendar (RFC 5545) file with one event, for members' calendars.
///
/// Times are written in UTC (the meeting's local time is Vietnam's, UTC+07:00, which has no
/// daylight saving), so no time-zone component is needed. The event's `UID` is a hash of the
/// book's identity ([`CalendarRevision::book`]), the cell's (its id, name and upper committee)
/// and the meeting's row id — not of its date, time or place, so that a notice sent again after
/// the meeting was moved updates the entry instead of adding one; two cells (or two books of
/// one cell) never share a `UID`. `SEQUENCE` is [`CalendarRevision::sequence`], so a calendar
/// takes the entry sent after a change as the newer one. `stamp_utc` is when the file is made
/// (`DTSTAMP`, RFC 3339 in UTC, e.g. `2026-03-01T08:00:00Z`). Without a planned start the
/// event is a whole day; without a planned end it lasts the agenda's planned minutes, or two
/// hours.
///
/// # Errors
/// [`ExportError::Record`] when the bytes are not a record or a date or time does not parse.
pub fn invitation_ics(
    record_json: &[u8],
    stamp_utc: &str,
    revision: &CalendarRevision,
) -> Result<String, ExportError> {
    let record = parse_record(record_json)?;
    let m = &record["meeting"];
    let (y, mo, d) = parse_date(text_at(&record, "/meeting/date")?, "meeting.date")?;
    let date = chrono::NaiveDate::from_ymd_opt(y, mo.into(), d.into())
        .ok_or_else(|| ExportError::Record("meeting.date is not a date".into()))?;
    let stamp = chrono::DateTime::parse_from_rfc3339(stamp_utc)
        .map_err(|e| ExportError::Record(format!("stamp {stamp_utc:?}: {e}")))?
        .with_timezone(&chrono::Utc);
    let vn = chrono::FixedOffset::east_opt(VN_OFFSET_MINUTES * 60)
        .ok_or_else(|| ExportError::Record("time zone".into()))?;
    let local = |field: &str| -> Result<Option<chrono::DateTime<chrono::Utc>>, ExportError> {
        let Some(t) = m.get(field).and_then(Value::as_str) else {
            return Ok(None);
        };
        let time = chrono::NaiveTime::parse_from_str(t, "%H:%M")
            .map_err(|e| ExportError::Record(format!("meeting.{field} {t:?}: {e}")))?;
        Ok(date
            .and_time(time)
            .and_local_timezone(vn)
            .single()
            .map(|t| t.with_timezone(&chrono::Utc)))
    };

    let cell = &record["cell"];
    let cell_name = cell["name"].as_str().unwrap_or_default();
    let subject = m["subject"].as_str().unwrap_or_default();
    let place = m["place"].as_str().unwrap_or_default();
    let identity = [
        "minutebook-invitation".to_owned(),
        revision.book.clone(),
        cell["id"].as_str().unwrap_or_default().to_owned(),
        cell_name.to_owned(),
        cell["upper_committee"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        match &m["id"] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        },
    ]
    .join("\n");
    let uid = format!(
        "{}@minutebook",
        &hex(&Sha256::digest(identity.as_bytes()))[..32]
    );

    let mut description = vec![format!("{cell_name}: {subject}"), String::new()];
    description.push("Nội dung:".into());
    let agenda = m["agenda"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    let mut planned_minutes = 0i64;
    for (i, item) in agenda.iter().enumerate() {
        let title = item["title"].as_str().unwrap_or_default();
        let presenter = item
            .pointer("/presenter/name")
            .or_else(|| item.pointer("/presenter/full_name"))
            .and_then(Value::as_str);
        description.push(match presenter {
            Some(p) => format!("{}. {title} (trình bày: đ/c {p})", i + 1),
            None => format!("{}. {title}", i + 1),
        });
        planned_minutes += item["planned_minutes"].as_i64().unwrap_or(0);
    }
    if let Some(chair) = m.pointer("/chair/full_name").and_then(Value::as_str) {
        description.push(String::new());
        description.push(format!("Chủ trì: đ/c {chair}"));
    }

    let mut event = Event::new();
    event
        .uid(&uid)
        .summary(&format!("{cell_name}: {subject}"))
        .location(place)
        .description(&description.join("\n"))
        .timestamp(stamp)
        .last_modified(stamp)
        .sequence(revision.sequence);
    match local("planned_start")? {
        Some(start) => {
            let end = match local("planned_end")? {
                Some(end) if end > start => end,
                _ => {
                    let minutes = if planned_minutes > 0 {
                        planned_minutes
                    } else {
                        120
                    };
                    start + chrono::Duration::minutes(minutes)
                }
            };
            event.starts(start).ends(end);
        }
        None => {
            // A whole day: DTEND is exclusive (RFC 5545 §3.6.1), so the next day.
            let next = date
                .succ_opt()
                .ok_or_else(|| ExportError::Record("meeting.date out of range".into()))?;
            event.starts(date).ends(next);
        }
    }
    // Calendar::new() would name the library ("ICALENDAR-RS") as the product.
    let calendar = Calendar::empty()
        .append_property(icalendar::Property::new("VERSION", "2.0"))
        .append_property(icalendar::Property::new("PRODID", calendar_product_id()))
        .append_property(icalendar::Property::new("CALSCALE", "GREGORIAN"))
        .name(cell_name)
        .append_property(icalendar::Property::new("METHOD", "PUBLISH"))
        .push(event.done())
        .done();
    Ok(calendar.to_string())
}

fn text_at<'a>(record: &'a Value, pointer: &str) -> Result<&'a str, ExportError> {
    record
        .pointer(pointer)
        .and_then(Value::as_str)
        .ok_or_else(|| ExportError::Record(format!("{pointer} missing")))
}
