//! Refusal of text the embedded font cannot display, before anything is rendered.
//!
//! **Decision: refuse, do not fall back.** Liberation Serif covers Latin (with all of
//! Vietnamese), Greek, Cyrillic and common punctuation; it has no Arabic, CJK, Thai or emoji.
//! Embedding fallback fonts for those (Noto Sans Arabic/CJK/Thai, an emoji font) would add tens
//! of megabytes and more licences to an app whose documents are Vietnamese, and a Party
//! document containing such text is almost certainly a paste accident or an attack. So every
//! string that can reach the page is checked against the `cmap` of all four faces before
//! rendering, and the export fails with [`ExportError::UnsupportedCharacter`] naming the JSON
//! path of the field (`meeting.agenda[2].speeches[0].gist`) and the character (`U+0645`). The
//! user can then fix the field; nothing is ever printed as a blank box or silently dropped.
//!
//! Characters that change how text is *displayed* without being visible are refused even when
//! a font would accept them: the bidirectional controls (U+061C, U+200E, U+200F,
//! U+202A–U+202E, U+2066–U+2069) could make the printed line read differently from the signed
//! record ("abc", U+202E, "gnp.exe" prints as "abcexe.png"). Zero-width characters (U+200B–U+200D, U+2060,
//! U+FEFF) are not in Liberation Serif and so are refused by the coverage rule: an invisible
//! character in signed minutes is something the user should see and decide about. Line breaks
//! (`\n`, `\r`) are allowed and print as line breaks; other control characters are refused.
//!
//! Combining marks that remain after NFC (no precomposed letter exists, e.g. "zalgo" text) are
//! refused as well: typst draws them, but the PDF's text layer then maps every glyph of the
//! cluster to the whole cluster, so `pdftotext` and search return the letters repeated. Every
//! Vietnamese letter has a precomposed form, so Vietnamese text, NFD input included, passes.

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use crate::ExportError;
use crate::fonts;

/// Is `c` a bidirectional formatting character?
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Longest run of non-space characters accepted in a field. Longer runs are broken every 12
/// characters by the template (so a pasted hash or URL wraps instead of running off the page),
/// but typst stops after 512 such breaks in one text; 200 is far above any real word, hash or
/// link and far below that limit.
pub const MAX_WORD_CHARS: usize = 200;

/// Checks one string; `field` is its JSON path.
///
/// # Errors
/// [`ExportError::UnsupportedCharacter`] for the first character that cannot be printed.
pub fn check_str(field: &str, s: &str) -> Result<(), ExportError> {
    let covered = fonts::covered();
    let mut run = 0usize;
    for c in s.chars() {
        run = if c.is_whitespace() { 0 } else { run + 1 };
        if run > MAX_WORD_CHARS {
            return Err(ExportError::WordTooLong {
                field: field.to_owned(),
                max: MAX_WORD_CHARS,
            });
        }
        let reason = if is_bidi_control(c) {
            "is a bidirectional control character: it could make the printed text read differently from the record"
        } else if c == '\n' || c == '\r' {
            continue;
        } else if c.is_control() {
            "is a control character"
        } else if unicode_normalization::char::is_combining_mark(c) {
            "is a combining mark that does not compose with its letter (after NFC): it would print, but copying or searching the PDF would not give the text back"
        } else if covered.contains(&c) {
            continue;
        } else {
            "is not in the embedded font (Liberation Serif) and would print as a blank box"
        };
        return Err(ExportError::UnsupportedCharacter {
            field: field.to_owned(),
            character: c,
            reason,
        });
    }
    Ok(())
}

/// NFC-normalises every string of `value` in place and checks it; `path` is the JSON path of
/// `value` ("" for the root).
///
/// # Errors
/// The first string (in document order) with a character that cannot be printed.
pub fn normalize_and_check(path: &str, value: &mut Value) -> Result<(), ExportError> {
    match value {
        Value::String(s) => {
            if !unicode_normalization::is_nfc(s) {
                *s = s.nfc().collect();
            }
            check_str(path, s)
        }
        Value::Array(items) => {
            for (i, v) in items.iter_mut().enumerate() {
                normalize_and_check(&format!("{path}[{i}]"), v)?;
            }
            Ok(())
        }
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                normalize_and_check(&p, v)?;
            }
            Ok(())
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => Ok(()),
    }
}
