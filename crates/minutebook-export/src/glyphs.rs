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

/// Why one character cannot be printed; [`refusal`] is the rule, shared by the export and by
/// the checks the book runs when text is saved and when a meeting is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A bidirectional control (could make the printed line read differently from the record).
    Bidi,
    /// A control character other than a line break.
    Control,
    /// A combining mark left over after NFC.
    CombiningMark,
    /// Not mapped by all four faces of the embedded font.
    NotInFont,
}

impl Refusal {
    /// Stable code: `bidi`, `control`, `combining-mark`, `not-in-font`.
    pub fn code(self) -> &'static str {
        match self {
            Refusal::Bidi => "bidi",
            Refusal::Control => "control",
            Refusal::CombiningMark => "combining-mark",
            Refusal::NotInFont => "not-in-font",
        }
    }

    /// The English explanation used in [`ExportError::UnsupportedCharacter`].
    pub fn reason(self) -> &'static str {
        match self {
            Refusal::Bidi => {
                "is a bidirectional control character: it could make the printed text read differently from the record"
            }
            Refusal::Control => "is a control character",
            Refusal::CombiningMark => {
                "is a combining mark that does not compose with its letter (after NFC): it would print, but copying or searching the PDF would not give the text back"
            }
            Refusal::NotInFont => {
                "is not in the embedded font (Liberation Serif) and would print as a blank box"
            }
        }
    }
}

/// Whether the exporter refuses `c` (in NFC text), and why: the one definition of
/// "printable" (the embedded fonts' `cmap` coverage plus the rules above).
pub fn refusal(c: char) -> Option<Refusal> {
    if is_bidi_control(c) {
        Some(Refusal::Bidi)
    } else if c == '\n' || c == '\r' {
        None
    } else if c.is_control() {
        Some(Refusal::Control)
    } else if unicode_normalization::char::is_combining_mark(c) {
        Some(Refusal::CombiningMark)
    } else if fonts::covered().contains(&c) {
        None
    } else {
        Some(Refusal::NotInFont)
    }
}

/// Every problem of one string, in order: each distinct refused character once, then a word
/// over [`MAX_WORD_CHARS`] (once). `field` is its JSON path; `s` should be NFC.
pub fn problems_of_str(field: &str, s: &str) -> Vec<ExportError> {
    let mut out: Vec<ExportError> = Vec::new();
    let mut seen: Vec<char> = Vec::new();
    let mut run = 0usize;
    let mut too_long = false;
    for c in s.chars() {
        run = if c.is_whitespace() { 0 } else { run + 1 };
        if run > MAX_WORD_CHARS {
            too_long = true;
        }
        if let Some(r) = refusal(c)
            && !seen.contains(&c)
        {
            seen.push(c);
            out.push(ExportError::UnsupportedCharacter {
                field: field.to_owned(),
                character: c,
                reason: r.reason(),
            });
        }
    }
    if too_long {
        out.push(ExportError::WordTooLong {
            field: field.to_owned(),
            max: MAX_WORD_CHARS,
        });
    }
    out
}

/// Checks one string; `field` is its JSON path.
///
/// # Errors
/// [`ExportError::UnsupportedCharacter`] for the first character that cannot be printed.
pub fn check_str(field: &str, s: &str) -> Result<(), ExportError> {
    let mut run = 0usize;
    for c in s.chars() {
        run = if c.is_whitespace() { 0 } else { run + 1 };
        if run > MAX_WORD_CHARS {
            return Err(ExportError::WordTooLong {
                field: field.to_owned(),
                max: MAX_WORD_CHARS,
            });
        }
        if let Some(r) = refusal(c) {
            return Err(ExportError::UnsupportedCharacter {
                field: field.to_owned(),
                character: c,
                reason: r.reason(),
            });
        }
    }
    Ok(())
}

/// Every problem of every string of `value` (NFC-normalised first, as the export does), in
/// document order; `path` is the JSON path of `value` ("" for the root). Empty when the export
/// would print every string.
pub fn problems(path: &str, value: &Value) -> Vec<ExportError> {
    let mut out = Vec::new();
    collect(path, value, &mut out);
    out
}

fn collect(path: &str, value: &Value, out: &mut Vec<ExportError>) {
    match value {
        Value::String(s) => {
            if unicode_normalization::is_nfc(s) {
                out.extend(problems_of_str(path, s));
            } else {
                out.extend(problems_of_str(path, &s.nfc().collect::<String>()));
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect(&format!("{path}[{i}]"), v, out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                collect(&p, v, out);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// The plain text to type instead of a character the fonts lack, where there is an obvious
/// one, with the character's Unicode name: `('✔')` → `("HEAVY CHECK MARK", "x")`. Only a
/// suggestion shown to the user; what is printable is decided by [`refusal`] alone. Circled
/// and parenthesised digits (①, ⑴, ⒈) map to their number.
pub fn plain_replacement(c: char) -> Option<(String, String)> {
    let fixed: Option<(&'static str, &'static str)> = match c {
        '\u{2714}' => Some(("HEAVY CHECK MARK", "x")),
        '\u{2713}' => Some(("CHECK MARK", "x")),
        '\u{2705}' => Some(("WHITE HEAVY CHECK MARK", "x")),
        '\u{2611}' => Some(("BALLOT BOX WITH CHECK", "x")),
        '\u{2717}' => Some(("BALLOT X", "không")),
        '\u{2718}' => Some(("HEAVY BALLOT X", "không")),
        '\u{274C}' => Some(("CROSS MARK", "không")),
        '\u{1F44D}' => Some(("THUMBS UP SIGN", "đồng ý")),
        '\u{1F44E}' => Some(("THUMBS DOWN SIGN", "không đồng ý")),
        '\u{2605}' => Some(("BLACK STAR", "*")),
        '\u{2606}' => Some(("WHITE STAR", "*")),
        '\u{27A1}' => Some(("BLACK RIGHTWARDS ARROW", "->")),
        '\u{2794}' => Some(("HEAVY WIDE-HEADED RIGHTWARDS ARROW", "->")),
        '\u{279C}' => Some(("HEAVY ROUND-TIPPED RIGHTWARDS ARROW", "->")),
        '\u{27A4}' => Some(("BLACK RIGHTWARDS ARROWHEAD", "->")),
        '\u{25B6}' => Some(("BLACK RIGHT-POINTING TRIANGLE", "-")),
        '\u{25BA}' => Some(("BLACK RIGHT-POINTING POINTER", "-")),
        '\u{2043}' => Some(("HYPHEN BULLET", "-")),
        '\u{2012}' => Some(("FIGURE DASH", "-")),
        '\u{2015}' => Some(("HORIZONTAL BAR", "-")),
        '\u{2212}' => Some(("MINUS SIGN", "-")),
        '\u{2010}' => Some(("HYPHEN", "-")),
        '\u{2011}' => Some(("NON-BREAKING HYPHEN", "-")),
        '\u{2018}' => Some(("LEFT SINGLE QUOTATION MARK", "'")),
        '\u{2019}' => Some(("RIGHT SINGLE QUOTATION MARK", "'")),
        '\u{201B}' => Some(("SINGLE HIGH-REVERSED-9 QUOTATION MARK", "'")),
        '\u{2032}' => Some(("PRIME", "'")),
        '\u{201C}' => Some(("LEFT DOUBLE QUOTATION MARK", "\"")),
        '\u{201D}' => Some(("RIGHT DOUBLE QUOTATION MARK", "\"")),
        '\u{201F}' => Some(("DOUBLE HIGH-REVERSED-9 QUOTATION MARK", "\"")),
        '\u{2033}' => Some(("DOUBLE PRIME", "\"")),
        '\u{2026}' => Some(("HORIZONTAL ELLIPSIS", "...")),
        '\u{00A0}' => Some(("NO-BREAK SPACE", " ")),
        '\u{2002}'..='\u{200A}' => Some(("EN/EM/THIN SPACE", " ")),
        '\u{202F}' => Some(("NARROW NO-BREAK SPACE", " ")),
        '\u{3000}' => Some(("IDEOGRAPHIC SPACE", " ")),
        '\u{200B}' => Some(("ZERO WIDTH SPACE", "")),
        '\u{00AD}' => Some(("SOFT HYPHEN", "")),
        '\u{FEFF}' => Some(("ZERO WIDTH NO-BREAK SPACE", "")),
        '\u{00D7}' => Some(("MULTIPLICATION SIGN", "x")),
        '\u{2022}' => Some(("BULLET", "-")),
        _ => None,
    };
    if let Some((name, plain)) = fixed {
        return Some((name.to_owned(), plain.to_owned()));
    }
    const WORDS: [&str; 20] = [
        "ONE",
        "TWO",
        "THREE",
        "FOUR",
        "FIVE",
        "SIX",
        "SEVEN",
        "EIGHT",
        "NINE",
        "TEN",
        "ELEVEN",
        "TWELVE",
        "THIRTEEN",
        "FOURTEEN",
        "FIFTEEN",
        "SIXTEEN",
        "SEVENTEEN",
        "EIGHTEEN",
        "NINETEEN",
        "TWENTY",
    ];
    let n = c as u32;
    // (first code point, how many, name before the number, name after it).
    let ranges: [(u32, u32, &str, &str); 6] = [
        (0x2460, 20, "CIRCLED", ""),
        (0x2474, 20, "PARENTHESIZED", ""),
        (0x2488, 20, "", " FULL STOP"),
        (0x2776, 10, "DINGBAT NEGATIVE CIRCLED", ""),
        (0x2780, 10, "DINGBAT CIRCLED SANS-SERIF", ""),
        (0x278A, 10, "DINGBAT NEGATIVE CIRCLED SANS-SERIF", ""),
    ];
    let (first, _, before, after) = ranges
        .into_iter()
        .find(|(first, len, _, _)| (*first..first + len).contains(&n))?;
    let k = (n - first) as usize;
    let kind = if k < 9 { "DIGIT" } else { "NUMBER" };
    let name = format!("{before} {kind} {}{after}", WORDS[k]);
    Some((name.trim().to_owned(), (k + 1).to_string()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refused_character_is_listed_once_with_its_replacement() {
        let v = serde_json::json!({"a": ["Đã thông qua ✔ 👍 ✔", "mục ① và ⑩"], "b": "Hà Nội"});
        let found: Vec<(String, char)> = problems("", &v)
            .into_iter()
            .map(|e| match e {
                ExportError::UnsupportedCharacter {
                    field, character, ..
                } => (field, character),
                other => panic!("{other}"),
            })
            .collect();
        assert_eq!(
            found,
            [
                ("a[0]".to_owned(), '✔'),
                ("a[0]".to_owned(), '👍'),
                ("a[1]".to_owned(), '①'),
                ("a[1]".to_owned(), '⑩'),
            ]
        );
        for (_, c) in &found {
            assert!(check_str("x", &c.to_string()).is_err(), "{c}");
        }
        assert_eq!(
            plain_replacement('✔'),
            Some(("HEAVY CHECK MARK".into(), "x".into()))
        );
        assert_eq!(
            plain_replacement('①'),
            Some(("CIRCLED DIGIT ONE".into(), "1".into()))
        );
        assert_eq!(
            plain_replacement('⑩'),
            Some(("CIRCLED NUMBER TEN".into(), "10".into()))
        );
        assert_eq!(plain_replacement('م'), None);
        // Vietnamese, NFD included, and line breaks print.
        assert!(problems("", &serde_json::json!("Tie\u{0302}\u{0301}n\nđộ")).is_empty());
        assert!(matches!(
            problems("w", &serde_json::json!("A".repeat(MAX_WORD_CHARS + 1)))[..],
            [ExportError::WordTooLong { .. }]
        ));
    }
}
