//! Rendering: record bytes + attestations + attachments + options → PDF/A-3b bytes.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use typst::World;
use typst::WorldExt;
use typst::diag::SourceDiagnostic;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::templates::{self, hex};
use crate::world::ExportWorld;
use crate::{
    Attachment, AttestationInfo, DocumentKind, ExportError, ExportOptions, LayoutSettings, glyphs,
    qr, verify,
};

/// Prefix of the PDF keyword that carries the export parameters (hex of their JSON).
pub(crate) const PARAMS_KEYWORD: &str = "minutebook-export-1:";

/// Offset of Vietnam's time zone, minutes (the meeting's local time).
pub(crate) const VN_OFFSET_MINUTES: i32 = 7 * 60;

/// Largest single attachment.
const MAX_ATTACHMENT_BYTES: usize = 16 * 1024 * 1024;

/// What is needed besides the embedded files to re-render a PDF identically; stored in the
/// PDF's keywords.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RenderParams {
    pub kind: DocumentKind,
    pub draft: bool,
    pub layout: LayoutSettings,
    pub templates_sha256: String,
}

/// Renders the minutes (biên bản) followed by the signature page and the attendance sheet.
///
/// `record_json` are the exact record bytes (the canonical bytes that were signed);
/// `attestations` are printed on the signature page; `attachments` are the bundle files to
/// embed (`record.json` is added from `record_json` when missing). Without attestations, or with
/// [`ExportOptions::draft`], every page is marked "DỰ THẢO".
///
/// # Errors
/// See [`ExportError`]; in particular [`ExportError::UnsupportedCharacter`] names the field and
/// character that the embedded font cannot print.
pub fn render_minutes(
    record_json: &[u8],
    attestations: &[AttestationInfo],
    attachments: Vec<Attachment>,
    opts: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    render(
        DocumentKind::Minutes,
        record_json,
        attestations,
        attachments,
        opts,
    )
}

/// Renders the resolution (nghị quyết) of the meeting as its own document. Arguments as for
/// [`render_minutes`].
///
/// # Errors
/// See [`render_minutes`].
pub fn render_resolution(
    record_json: &[u8],
    attestations: &[AttestationInfo],
    attachments: Vec<Attachment>,
    opts: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    render(
        DocumentKind::Resolution,
        record_json,
        attestations,
        attachments,
        opts,
    )
}

/// Renders the attendance sheet (one signature line per member) alone. Arguments as for
/// [`render_minutes`].
///
/// # Errors
/// See [`render_minutes`].
pub fn render_attendance_sheet(
    record_json: &[u8],
    attestations: &[AttestationInfo],
    attachments: Vec<Attachment>,
    opts: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    render(
        DocumentKind::AttendanceSheet,
        record_json,
        attestations,
        attachments,
        opts,
    )
}

/// Renders a document of `kind`; the three `render_*` functions call this.
///
/// # Errors
/// See [`render_minutes`].
pub fn render(
    kind: DocumentKind,
    record_json: &[u8],
    attestations: &[AttestationInfo],
    attachments: Vec<Attachment>,
    opts: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let templates = templates::load(opts.template_dir.as_deref())?;
    render_with(
        kind,
        record_json,
        attestations,
        attachments,
        opts,
        templates,
    )
}

/// [`render`] with the template set already chosen (the rendering check may pick an archived
/// one); `opts.template_dir` is not read again.
pub(crate) fn render_with(
    kind: DocumentKind,
    record_json: &[u8],
    attestations: &[AttestationInfo],
    attachments: Vec<Attachment>,
    opts: &ExportOptions,
    templates: templates::TemplateSet,
) -> Result<Vec<u8>, ExportError> {
    let record_sha256 = hex(&Sha256::digest(record_json));

    // The record, NFC, every string checked against the font.
    let mut record = parse_record(record_json)?;
    glyphs::normalize_and_check("", &mut record)?;
    let date = meeting_date(&record)?;

    // Attestations: must cover this record; printable.
    let mut att_values = Vec::with_capacity(attestations.len());
    for (i, a) in attestations.iter().enumerate() {
        if a.record_sha256 != record_sha256 {
            return Err(ExportError::Attestation {
                index: i,
                message: format!(
                    "covers record {} but this record is {record_sha256}",
                    a.record_sha256
                ),
            });
        }
        let mut v = serde_json::to_value(a).map_err(|e| ExportError::Attestation {
            index: i,
            message: e.to_string(),
        })?;
        glyphs::normalize_and_check(&format!("attestations[{i}]"), &mut v)?;
        if let Value::Object(m) = &mut v {
            m.insert("signed_at_text".into(), signed_at_text(&a.signed_at).into());
            m.insert(
                "key_fingerprint_grouped".into(),
                grouped(&a.key_fingerprint).into(),
            );
        }
        att_values.push(v);
    }

    let attachments = prepare_attachments(record_json, attestations, attachments)?;
    let draft = opts.draft || attestations.is_empty();
    let params = RenderParams {
        kind,
        draft,
        layout: opts.layout.clone(),
        templates_sha256: templates.sha256.clone(),
    };
    let params_json = serde_json::to_vec(&params).map_err(|e| ExportError::Pdf(e.to_string()))?;
    let keyword = format!("{PARAMS_KEYWORD}{}", hex(&params_json));

    let qr_payload = qr::qr_payload(&record_sha256);
    let qr_svg = qr::qr_svg(&qr_payload)
        .ok_or_else(|| ExportError::Pdf("cannot encode the QR code".into()))?;

    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut att_list = Vec::with_capacity(attachments.len());
    for (i, a) in attachments.iter().enumerate() {
        let file = format!("/bundle/{i:04}.bin");
        att_list.push(json!({
            "path": a.path,
            "file": file,
            "mime": a.mime,
            "description": a.description,
            "relationship": if a.path == "record.json" { "source" } else { "data" },
        }));
        files.insert(file, a.bytes.clone());
    }
    let export = json!({
        "format": 1,
        "kind": kind.code(),
        "draft": draft,
        "layout": opts.layout,
        "font": crate::FONT_FAMILY,
        "record_sha256": record_sha256,
        "record_sha256_grouped": grouped(&record_sha256),
        "qr_payload": qr_payload,
        "qr_file": "/qr.svg",
        "attestations": att_values,
        "attachments": att_list,
        "keywords": [keyword],
    });
    for (name, text) in &templates.files {
        files.insert(format!("/{name}"), text.clone().into_bytes());
    }
    files.insert(
        "/record.json".into(),
        serde_json::to_vec(&record).map_err(|e| ExportError::Record(e.to_string()))?,
    );
    files.insert(
        "/export.json".into(),
        serde_json::to_vec(&export).map_err(|e| ExportError::Pdf(e.to_string()))?,
    );
    files.insert("/qr.svg".into(), qr_svg);

    let main = format!("/{}", kind.template());
    let today = Datetime::from_ymd(date.0, date.1, date.2)
        .ok_or_else(|| ExportError::Record("meeting.date is not a valid date".into()))?;
    let world = ExportWorld::new(&main, files, today).ok_or_else(|| ExportError::Template {
        name: main.clone(),
        message: "cannot set up the template files".into(),
    })?;

    let end = meeting_end(&record);
    let stamp = Datetime::from_ymd_hms(date.0, date.1, date.2, end.0, end.1, 0)
        .and_then(|d| Timestamp::new_local(d, VN_OFFSET_MINUTES))
        .ok_or_else(|| ExportError::Record("meeting date/time out of range".into()))?;
    let pdf = typeset(
        &world,
        format!("minutebook:{}:{record_sha256}", kind.code()),
        stamp,
    )?;

    // A template (possibly a local override) must not drop the bundle or the parameters.
    let (embedded, keywords) = verify::read_pdf(&pdf)?;
    if embedded != attachments {
        return Err(ExportError::Template {
            name: kind.template().into(),
            message:
                "the PDF does not carry exactly the bundle files (does the template call `setup`?)"
                    .into(),
        });
    }
    if !keywords.is_some_and(|k| k.contains(&keyword)) {
        return Err(ExportError::Template {
            name: kind.template().into(),
            message:
                "the PDF lacks the export parameters keyword (does the template call `setup`?)"
                    .into(),
        });
    }
    Ok(pdf)
}

/// Validates names, adds `record.json`, checks attestation files against `attestations`, sorts.
fn prepare_attachments(
    record_json: &[u8],
    attestations: &[AttestationInfo],
    mut attachments: Vec<Attachment>,
) -> Result<Vec<Attachment>, ExportError> {
    let mut seen = BTreeSet::new();
    for a in &attachments {
        let bad = |message: &str| {
            Err(ExportError::Attachment {
                path: a.path.clone(),
                message: message.into(),
            })
        };
        if !valid_attachment_path(&a.path) {
            return bad(
                "name must be one or two segments of [A-Za-z0-9._-], not starting with '.'",
            );
        }
        if !seen.insert(a.path.clone()) {
            return bad("appears twice");
        }
        if a.bytes.len() > MAX_ATTACHMENT_BYTES {
            return bad("larger than 16 MiB");
        }
        if a.mime.is_empty()
            || !a.mime.is_ascii()
            || a.mime.chars().filter(|c| *c == '/').count() != 1
            || a.mime
                .chars()
                .any(|c| c.is_ascii_whitespace() || c.is_ascii_control())
        {
            return bad("MIME type must look like type/subtype");
        }
        if a.description.is_empty() {
            return bad("description is required (PDF/A)");
        }
        if a.path == "record.json" && a.bytes != record_json {
            return bad("differs from the record being rendered");
        }
    }
    if !seen.contains("record.json") {
        attachments.push(Attachment::bundle_file("record.json", record_json.to_vec()));
    }
    attachments.sort_by(|a, b| a.path.cmp(&b.path));

    // Attestation files embedded must be exactly the attestations printed.
    let embedded: Vec<AttestationInfo> = attachments
        .iter()
        .filter(|a| is_attestation_path(&a.path))
        .map(|a| {
            AttestationInfo::from_json(&a.bytes).map_err(|message| ExportError::Attachment {
                path: a.path.clone(),
                message,
            })
        })
        .collect::<Result<_, _>>()?;
    if !embedded.is_empty() && embedded != attestations {
        return Err(ExportError::Attestation {
            index: 0,
            message: "the attestations to print differ from the attestation files embedded".into(),
        });
    }
    Ok(attachments)
}

/// `signatures/NN-role.json`.
pub(crate) fn is_attestation_path(path: &str) -> bool {
    path.strip_prefix("signatures/")
        .is_some_and(|rest| rest.ends_with(".json") && !rest.contains('/'))
}

fn valid_attachment_path(path: &str) -> bool {
    let segs: Vec<&str> = path.split('/').collect();
    path.len() <= 120
        && (1..=2).contains(&segs.len())
        && segs.iter().all(|s| {
            !s.is_empty()
                && !s.starts_with('.')
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        })
}

/// (year, month, day) of `meeting.date`.
fn meeting_date(record: &Value) -> Result<(i32, u8, u8), ExportError> {
    let s = record
        .pointer("/meeting/date")
        .and_then(Value::as_str)
        .ok_or_else(|| ExportError::Record("meeting.date missing".into()))?;
    parse_date(s, "meeting.date")
}

/// The record's JSON, checked to be a `minutebook.record`.
///
/// # Errors
/// [`ExportError::Record`] when it is not JSON or not a record.
pub(crate) fn parse_record(record_json: &[u8]) -> Result<Value, ExportError> {
    let record: Value =
        serde_json::from_slice(record_json).map_err(|e| ExportError::Record(e.to_string()))?;
    if record.get("type").and_then(Value::as_str) != Some("minutebook.record") {
        return Err(ExportError::Record(
            "not a minutebook.record (field \"type\")".into(),
        ));
    }
    Ok(record)
}

/// (year, month, day) of `YYYY-MM-DD`; `field` names it in the error.
///
/// # Errors
/// [`ExportError::Record`]: "`field` "…" is not YYYY-MM-DD".
pub(crate) fn parse_date(s: &str, field: &str) -> Result<(i32, u8, u8), ExportError> {
    let bad = || ExportError::Record(format!("{field} {s:?} is not YYYY-MM-DD"));
    let mut it = s.splitn(3, '-');
    let y = it.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
    let m = it.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
    let d = it.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
    Ok((y, m, d))
}

/// (hour, minute) the meeting ended, else started, else 00:00.
fn meeting_end(record: &Value) -> (u8, u8) {
    ["/meeting/actual_end", "/meeting/actual_start"]
        .iter()
        .filter_map(|p| record.pointer(p).and_then(Value::as_str))
        .find_map(|s| {
            let (h, m) = s.split_once(':')?;
            let (h, m): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
            (h < 24 && m < 60).then_some((h, m))
        })
        .unwrap_or((0, 0))
}

/// "21 giờ 30 phút, ngày 05/3/2026 (UTC+07:00)" from RFC 3339; the input if it does not parse.
fn signed_at_text(s: &str) -> String {
    let parse = || -> Option<String> {
        let (date, rest) = s.split_once(['T', 't'])?;
        let mut d = date.splitn(3, '-');
        let (y, mo, da): (u32, u32, u32) = (
            d.next()?.parse().ok()?,
            d.next()?.parse().ok()?,
            d.next()?.parse().ok()?,
        );
        let h: u32 = rest.get(0..2)?.parse().ok()?;
        let mi: u32 = rest.get(3..5)?.parse().ok()?;
        let sec: u32 = rest.get(6..8)?.parse().ok()?;
        let tz = rest
            .find(['Z', 'z', '+', '-'])
            .map(|i| &rest[i..])
            .filter(|t| !t.is_empty())?;
        let tz = if tz.eq_ignore_ascii_case("z") {
            "+00:00"
        } else {
            tz
        };
        let pad = |n: u32, limit: u32| {
            if n <= limit {
                format!("{n:02}")
            } else {
                n.to_string()
            }
        };
        Some(format!(
            "{h:02} giờ {mi:02} phút {sec:02} giây, ngày {}/{}/{y} (UTC{tz})",
            pad(da, 9),
            pad(mo, 2)
        ))
    };
    parse().unwrap_or_else(|| s.to_owned())
}

/// Hex in groups of four.
fn grouped(hex: &str) -> String {
    hex.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Compiles `world` and writes it as PDF/A-3b: `ident` is the document identifier, `stamp`
/// the PDF's date (both part of what makes the bytes reproducible). poppler's quirk is
/// blanked and typst's process-wide cache trimmed after each compilation.
///
/// # Errors
/// [`ExportError::Typeset`] for a template error, [`ExportError::Pdf`] for a PDF one.
pub(crate) fn typeset(
    world: &ExportWorld,
    ident: String,
    stamp: Timestamp,
) -> Result<Vec<u8>, ExportError> {
    let document: PagedDocument = typst::compile(world)
        .output
        .map_err(|errors| ExportError::Typeset(describe(world, &errors)))?;
    let standards = PdfStandards::new(&[PdfStandard::A_3b])
        .map_err(|e| ExportError::Pdf(e.message().to_string()))?;
    let options = PdfOptions {
        ident: Smart::Custom(ident),
        creator: Smart::Custom(Some("Minutebook".into())),
        timestamp: Some(stamp),
        page_ranges: None,
        standards,
        tagged: true,
        pretty: false,
    };
    let mut pdf = typst_pdf::pdf(&document, &options)
        .map_err(|errors| ExportError::Pdf(describe(world, &errors)))?;
    crate::poppler_quirk::quiet(&mut pdf);
    // typst memoises across compilations in a process-wide cache; keep it from growing without
    // bound in a long-running app (as the typst CLI does after each compilation).
    typst::comemo::evict(10);
    Ok(pdf)
}

/// typst diagnostics as one message with file:line.
fn describe(world: &ExportWorld, errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|d| {
            let place = d
                .span
                .id()
                .and_then(|id| {
                    let source = world.source(id).ok()?;
                    let range = world.range(d.span)?;
                    let line = source.lines().byte_to_line(range.start)? + 1;
                    Some(format!("{}:{line}: ", id.get().vpath().get_without_slash()))
                })
                .unwrap_or_default();
            let hints: String = d
                .hints
                .iter()
                .map(|h| format!(" (hint: {})", h.v))
                .collect();
            format!("{place}{}{hints}", d.message)
        })
        .collect::<Vec<_>>()
        .join("; ")
}
