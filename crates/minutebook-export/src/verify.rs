//! Reading an export back: the embedded files and the export parameters, and the rendering
//! check.
//!
//! **Verification method: deterministic re-rendering.** A PDF produced here is a pure function
//! of the embedded `record.json`, the embedded attestation files, the other embedded files, the
//! export parameters (document kind, draft flag, layout settings, digest of the templates; kept
//! in the PDF keywords) and the exporter version. [`check_rendering`] extracts all of these,
//! renders again and compares the bytes. Any change to the visible text, the layout, an
//! attachment or the metadata makes the bytes differ. The alternative, signing a hash of the
//! rendering, would need every signer to sign again after each re-export and would bind the
//! signature to one exporter version; re-rendering keeps the signature on the record alone.
//! The cost: a PDF made by a different exporter version, font or template set no longer checks
//! (the error says so), and the record stays verifiable on its own through the bundle.

use std::path::Path;

use lopdf::{Dictionary, Document, LoadOptions, Object};

use crate::render::{PARAMS_KEYWORD, RenderParams, is_attestation_path};
use crate::{Attachment, AttestationInfo, ExportError, ExportOptions, templates};

/// Largest decoded stream accepted when reading a PDF back.
const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;

/// The files embedded in `pdf` (name, exact bytes, MIME type, description), in name order.
/// Names keep their folder: `signatures/01-chair.json`.
///
/// # Errors
/// [`ExportError::ReadPdf`] when the PDF or its embedded-file tree cannot be read.
pub fn extract_attachments(pdf: &[u8]) -> Result<Vec<Attachment>, ExportError> {
    Ok(read_pdf(pdf)?.0)
}

/// Checks that `pdf` is exactly what this exporter renders from the record, attestations and
/// files embedded in it, with the parameters recorded in it. `template_dir` must be the folder
/// used at export time if templates were overridden.
///
/// # Errors
/// [`ExportError::NotAnExport`] when the PDF lacks the record or parameters,
/// [`ExportError::RenderingMismatch`] when a fresh rendering differs (visible text, layout,
/// attachment or metadata changed, or different templates/exporter version), or any error the
/// rendering itself reports.
pub fn check_rendering(pdf: &[u8], template_dir: Option<&Path>) -> Result<(), ExportError> {
    let (attachments, keywords) = read_pdf(pdf)?;
    let params = keywords
        .as_deref()
        .and_then(|k| {
            k.split([',', ' ', ';'])
                .find_map(|w| w.trim().strip_prefix(PARAMS_KEYWORD))
        })
        .ok_or_else(|| ExportError::NotAnExport("no export parameters in the keywords".into()))?;
    let params: RenderParams = unhex(params)
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or_else(|| ExportError::NotAnExport("unreadable export parameters".into()))?;
    let mut templates = templates::load(template_dir)?;
    if templates.sha256 != params.templates_sha256 {
        // Made by an earlier version with its own embedded templates?
        match template_dir
            .is_none()
            .then(|| templates::embedded_with_digest(&params.templates_sha256))
            .flatten()
        {
            Some(archived) => templates = archived,
            None => {
                return Err(ExportError::RenderingMismatch(format!(
                    "rendered with templates {}, these are {} (pass the template folder used at export)",
                    params.templates_sha256, templates.sha256
                )));
            }
        }
    }
    let record = attachments
        .iter()
        .find(|a| a.path == "record.json")
        .ok_or_else(|| ExportError::NotAnExport("no embedded record.json".into()))?
        .bytes
        .clone();
    let attestations = attachments
        .iter()
        .filter(|a| is_attestation_path(&a.path))
        .map(|a| {
            AttestationInfo::from_json(&a.bytes).map_err(|message| ExportError::Attachment {
                path: a.path.clone(),
                message,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let opts = ExportOptions {
        template_dir: template_dir.map(Path::to_path_buf),
        draft: params.draft,
        layout: params.layout,
    };
    let fresh = crate::render::render_with(
        params.kind,
        &record,
        &attestations,
        attachments,
        &opts,
        templates,
    )?;
    // Exports made before `/Suspects false` was dropped (poppler_quirk) carry the key.
    if fresh == pdf || crate::poppler_quirk::as_before(&fresh).is_some_and(|old| old == pdf) {
        return Ok(());
    }
    let at = fresh
        .iter()
        .zip(pdf)
        .position(|(a, b)| a != b)
        .unwrap_or(fresh.len().min(pdf.len()));
    let difference = compare_pages(&fresh, pdf)?;
    Err(ExportError::Differs {
        detail: format!(
            "{}; first difference at byte {at} ({} bytes expected, {} found)",
            difference_words(&difference),
            fresh.len(),
            pdf.len()
        ),
        difference,
    })
}

/// How a PDF differs from a fresh rendering of the record it carries, page by page (issue 15:
/// a PDF saved again by a viewer must not read like an edited one, nor the reverse).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum RenderingDifference {
    /// Every page draws exactly what the fresh rendering draws (the decoded content streams
    /// are equal), but the file was rewritten — typically saved again by a viewer or a PDF
    /// tool. Fonts, images and the file's structure are not compared page by page, so the
    /// printed pages are not proven; the signed record inside is what verifies.
    Rewritten,
    /// These pages (numbered from 1) draw something other than the fresh rendering: the page
    /// content was edited.
    PagesChanged {
        /// 1-based page numbers.
        pages: Vec<u32>,
    },
    /// The PDF has a different number of pages.
    PageCount {
        /// Pages of the fresh rendering.
        expected: u32,
        /// Pages of the PDF given.
        found: u32,
    },
}

fn difference_words(d: &RenderingDifference) -> String {
    match d {
        RenderingDifference::Rewritten => {
            "the file was saved again by another program: every page draws the same content, but the file is not the one exported".into()
        }
        RenderingDifference::PagesChanged { pages } => format!(
            "page {} draws something other than the signed record",
            pages.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
        ),
        RenderingDifference::PageCount { expected, found } => {
            format!("{found} pages where the signed record gives {expected}")
        }
    }
}

/// True when two content streams hold the same operators and operands, written differently
/// (tools such as `qpdf --qdf` re-space and re-break content streams when they save).
/// Strings count as equal whether written literal `(…)` or hex `<…>`.
fn same_operations(a: &[u8], b: &[u8]) -> bool {
    fn plain(o: &mut Object) {
        match o {
            Object::String(_, format) => *format = lopdf::StringFormat::Literal,
            Object::Array(items) => items.iter_mut().for_each(plain),
            Object::Dictionary(d) => d.iter_mut().for_each(|(_, v)| plain(v)),
            _ => {}
        }
    }
    let normal = |bytes: &[u8]| {
        let mut content = lopdf::content::Content::decode(bytes).ok()?;
        for op in &mut content.operations {
            op.operands.iter_mut().for_each(plain);
        }
        content.encode().ok()
    };
    matches!((normal(a), normal(b)), (Some(x), Some(y)) if x == y)
}

/// Compares the decoded page content of `fresh` (this exporter's rendering) and `pdf`.
fn compare_pages(fresh: &[u8], pdf: &[u8]) -> Result<RenderingDifference, ExportError> {
    let load = |bytes: &[u8]| {
        Document::load_mem_with_options(
            bytes,
            LoadOptions {
                max_decompressed_size: Some(MAX_STREAM_BYTES),
                ..LoadOptions::default()
            },
        )
        .map_err(|e| ExportError::ReadPdf(e.to_string()))
    };
    let (a, b) = (load(fresh)?, load(pdf)?);
    let (pa, pb) = (a.get_pages(), b.get_pages());
    if pa.len() != pb.len() {
        return Ok(RenderingDifference::PageCount {
            expected: pa.len() as u32,
            found: pb.len() as u32,
        });
    }
    let mut pages = Vec::new();
    for ((n, ida), (_, idb)) in pa.iter().zip(pb.iter()) {
        let ca = a.get_page_content_with_limit(*ida, MAX_STREAM_BYTES);
        let cb = b.get_page_content_with_limit(*idb, MAX_STREAM_BYTES);
        match (ca, cb) {
            (Ok(x), Ok(y)) if x == y || same_operations(&x, &y) => {}
            _ => pages.push(*n),
        }
    }
    Ok(if pages.is_empty() {
        RenderingDifference::Rewritten
    } else {
        RenderingDifference::PagesChanged { pages }
    })
}

/// Embedded files and the Info keywords of `pdf`.
pub(crate) fn read_pdf(pdf: &[u8]) -> Result<(Vec<Attachment>, Option<String>), ExportError> {
    let err = |e: lopdf::Error| ExportError::ReadPdf(e.to_string());
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(pdf, options).map_err(err)?;
    let keywords = doc
        .trailer
        .get_deref(b"Info", &doc)
        .and_then(Object::as_dict)
        .and_then(|info| info.get_deref(b"Keywords", &doc))
        .and_then(Object::as_str)
        .ok()
        .map(text_string);
    let mut out = Vec::new();
    let tree = doc
        .catalog()
        .and_then(|c| c.get_deref(b"Names", &doc))
        .and_then(Object::as_dict)
        .and_then(|n| n.get_deref(b"EmbeddedFiles", &doc))
        .and_then(Object::as_dict);
    if let Ok(tree) = tree {
        walk_name_tree(&doc, tree, &mut out, 0)?;
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((out, keywords))
}

fn walk_name_tree(
    doc: &Document,
    node: &Dictionary,
    out: &mut Vec<Attachment>,
    depth: usize,
) -> Result<(), ExportError> {
    let bad = |m: &str| ExportError::ReadPdf(format!("embedded files: {m}"));
    if depth > 32 {
        return Err(bad("name tree too deep"));
    }
    if let Ok(kids) = node.get_deref(b"Kids", doc).and_then(Object::as_array) {
        for kid in kids {
            let kid = doc
                .dereference(kid)
                .and_then(|(_, o)| o.as_dict())
                .map_err(|e| bad(&e.to_string()))?;
            walk_name_tree(doc, kid, out, depth + 1)?;
        }
    }
    if let Ok(names) = node.get_deref(b"Names", doc).and_then(Object::as_array) {
        for pair in names.chunks(2) {
            let [_, spec] = pair else {
                return Err(bad("odd Names array"));
            };
            let spec = doc
                .dereference(spec)
                .and_then(|(_, o)| o.as_dict())
                .map_err(|e| bad(&e.to_string()))?;
            out.push(read_filespec(doc, spec)?);
        }
    }
    Ok(())
}

fn read_filespec(doc: &Document, spec: &Dictionary) -> Result<Attachment, ExportError> {
    let bad = |m: String| ExportError::ReadPdf(format!("embedded file: {m}"));
    let name = spec
        .get_deref(b"UF", doc)
        .or_else(|_| spec.get_deref(b"F", doc))
        .and_then(Object::as_str)
        .map(text_string)
        .map_err(|e| bad(e.to_string()))?;
    let description = spec
        .get_deref(b"Desc", doc)
        .and_then(Object::as_str)
        .map(text_string)
        .unwrap_or_default();
    let stream = spec
        .get_deref(b"EF", doc)
        .and_then(Object::as_dict)
        .and_then(|ef| ef.get_deref(b"F", doc))
        .and_then(Object::as_stream)
        .map_err(|e| bad(format!("{name}: {e}")))?;
    let mime = stream
        .dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default();
    let bytes = stream
        .get_plain_content_with_limit(MAX_STREAM_BYTES)
        .map_err(|e| bad(format!("{name}: {e}")))?;
    Ok(Attachment {
        path: name,
        bytes,
        mime,
        description,
    })
}

/// A PDF text string: UTF-16BE with BOM, UTF-8 with BOM, or (ASCII-compatible) PDFDocEncoding.
fn text_string(b: &[u8]) -> String {
    if let Some(rest) = b.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = b.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        b.iter().map(|&c| char::from(c)).collect()
    }
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}
