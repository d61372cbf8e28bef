//! Text decoding of CSV files and the checks that refuse garbled text.

use std::collections::HashMap;
use std::sync::OnceLock;

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252, WINDOWS_1258};
use minutebook_core::text::nfc;

use crate::error::ErrorKind;

/// The encoding a CSV file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourceEncoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16 little-endian with a byte-order mark (Excel's "Unicode Text").
    Utf16Le,
    /// UTF-16 big-endian with a byte-order mark.
    Utf16Be,
    /// Windows-1258 (Vietnamese Excel's plain "CSV"), decoded then normalised to NFC.
    Windows1258,
}

/// A garbled-text finding: excerpt and reason, plus the 1-based line where it is.
pub(crate) struct Garbled {
    pub line: usize,
    pub kind: ErrorKind,
}

/// Decodes `bytes`: a byte-order mark decides; otherwise valid UTF-8 is UTF-8 and anything else
/// is Windows-1258. The result is NFC. Refused (as [`ErrorKind::Garbled`]) when it contains
/// control characters, U+FFFD, or sequences that are UTF-8 read as a Windows code page.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, SourceEncoding), Garbled> {
    let (text, enc) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        match std::str::from_utf8(rest) {
            Ok(s) => (s.to_owned(), SourceEncoding::Utf8Bom),
            Err(e) => {
                return Err(garbled_at(
                    &String::from_utf8_lossy(rest),
                    e.valid_up_to(),
                    "marked UTF-8 but not valid UTF-8",
                ));
            }
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (strict(UTF_16LE, rest)?, SourceEncoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (strict(UTF_16BE, rest)?, SourceEncoding::Utf16Be)
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_owned(), SourceEncoding::Utf8),
            Err(_) => (strict(WINDOWS_1258, bytes)?, SourceEncoding::Windows1258),
        }
    };
    if enc == SourceEncoding::Windows1258 {
        check_tone_marks(&text)?;
    }
    let text = nfc(&text);
    check_garbled(&text)?;
    Ok((text, enc))
}

fn strict(enc: &'static encoding_rs::Encoding, bytes: &[u8]) -> Result<String, Garbled> {
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| c.into_owned())
        .ok_or_else(|| Garbled {
            line: 1,
            kind: ErrorKind::Garbled {
                sample: String::new(),
                reason: "not valid in its encoding",
            },
        })
}

fn garbled_at(text: &str, byte_pos: usize, reason: &'static str) -> Garbled {
    let mut pos = byte_pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    let line = text[..pos].matches('\n').count() + 1;
    let start = text[..pos]
        .char_indices()
        .rev()
        .take(12)
        .last()
        .map_or(pos, |(i, _)| i);
    let sample: String = text[start..]
        .chars()
        .take(24)
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect();
    Garbled {
        line,
        kind: ErrorKind::Garbled { sample, reason },
    }
}

/// Windows-1258 writes Vietnamese tone marks as combining characters after a vowel; one that
/// follows anything but a letter means the bytes were not Windows-1258.
fn check_tone_marks(text: &str) -> Result<(), Garbled> {
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if matches!(
            c,
            '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}'
        ) && !prev.is_some_and(char::is_alphabetic)
        {
            return Err(garbled_at(text, i, "a tone mark without a letter"));
        }
        prev = Some(c);
    }
    Ok(())
}

/// Bytes 0x80..=0xFF of Windows-1252 and Windows-1258 by the characters they decode to: the
/// characters UTF-8 turns into when read with a Windows code page.
fn code_page_bytes() -> &'static HashMap<char, u8> {
    static MAP: OnceLock<HashMap<char, u8>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for enc in [WINDOWS_1258, WINDOWS_1252] {
            for b in 0x80u8..=0xFF {
                let byte = [b];
                let (s, _) = enc.decode_without_bom_handling(&byte);
                if let Some(c) = s.chars().next() {
                    map.entry(c).or_insert(b);
                }
            }
        }
        map
    })
}

/// Refuses text with control characters (other than tab and line breaks), U+FFFD, or a run of
/// code-page characters that re-encodes to UTF-8 of a Latin letter with diacritics — the
/// signature of UTF-8 read as Windows-1252/1258 and saved again ("Nguyá»…n", "Ä‘").
pub(crate) fn check_garbled(text: &str) -> Result<(), Garbled> {
    let map = code_page_bytes();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFD}' {
            return Err(garbled_at(text, i, "control or replacement character"));
        }
        let Some(&lead) = map.get(&c) else { continue };
        let need = match lead {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            _ => continue,
        };
        let mut bytes = vec![lead];
        for &(_, n) in chars.iter().skip(k + 1).take(need) {
            match map.get(&n) {
                Some(&b @ 0x80..=0xBF) => bytes.push(b),
                _ => break,
            }
        }
        if bytes.len() != need + 1 {
            continue;
        }
        if let Ok(s) = std::str::from_utf8(&bytes)
            && s.chars().next().is_some_and(is_latin_with_diacritic)
        {
            return Err(garbled_at(text, i, "UTF-8 read as a Windows code page"));
        }
    }
    Ok(())
}

/// The legacy Vietnamese font encoding a cell's text looks typed in, if any: text typed with
/// the VNI-Times or TCVN3 (.VnTime, ABC) fonts is stored as Latin-1 characters that only
/// those fonts draw as Vietnamese ("Nguyeãn Vaên" in VNI, "NguyÔn V¨n" in TCVN3). Signals,
/// each impossible in Vietnamese written in Unicode:
///
/// - TCVN3: a Latin-1 symbol (U+00A1–U+00BF: "¨" is ă, "µ" is à) between two letters, or
///   after a letter and before a space or the end (but "²", "³", "°", "«", "»" there are
///   ordinary); a Latin-1 capital right after a small letter and before another or the word's end
///   ("NguyÔn", "ThÞ").
/// - VNI: "a" or "e" followed by one of VNI's mark characters ("aê" is ă, "eã" is ễ): no
///   Vietnamese syllable has a vowel after "a" or "e" other than i, o, u, y.
/// - VNI: "Ñ"/"ñ" (VNI's Đ/đ) starting a word.
/// - either: a Latin-1 letter that is neither Vietnamese nor common in European names
///   (ø ï û å ë æ …) right after a letter.
pub(crate) fn legacy_font(text: &str) -> Option<&'static str> {
    const VNI_MARKS: &str = "âêùøûõïáàåãäéèúüëÂÊÙØÛÕÏÁÀÅÃÄÉÈÚÜË";
    // Not in Vietnamese nor common in European names (ü, ö, ñ, ç, ä are left out).
    const NOT_VIETNAMESE: &str = "ÅÆËÏÐ×ØÛÞåæëïð÷øûþ";
    let chars: Vec<char> = text.chars().collect();
    let mut either = false;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
        if ('\u{A1}'..='\u{BF}').contains(&c)
            && letter(prev)
            && (letter(next)
                || (!"²³°«»".contains(c) && next.is_none_or(|n| n.is_whitespace() || n == ',')))
        {
            return Some("TCVN3");
        }
        if ('\u{C0}'..='\u{DE}').contains(&c)
            && prev.is_some_and(char::is_lowercase)
            && next.is_none_or(|n| n.is_lowercase() || n.is_whitespace() || n == ',')
        {
            return Some("TCVN3");
        }
        if matches!(prev, Some('a' | 'e' | 'A' | 'E')) && VNI_MARKS.contains(c) {
            return Some("VNI");
        }
        // VNI's Đ/đ: "Ñ" starting a word ("Ñoã", "Ñöùc"), which no European word does.
        if matches!(c, 'Ñ' | 'ñ') && !letter(prev) && letter(next) {
            return Some("VNI");
        }
        if letter(prev) && NOT_VIETNAMESE.contains(c) {
            either = true;
        }
    }
    either.then_some("VNI/TCVN3")
}

fn is_latin_with_diacritic(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{0300}'..='\u{036F}')
        && c != '\u{00D7}'
        && c != '\u{00F7}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_encoded_utf8_is_refused() {
        for bad in [
            "Nguyá»…n VÄƒn HÃ¹ng",
            "Äá»— Thá»‹ Mai",
            "chÃ\u{AD}nh thá»©c",
        ] {
            assert!(check_garbled(bad).is_err(), "{bad}");
        }
        for good in [
            "Nguyễn Văn Hùng",
            "“Hà” ‘Chí’ — ½ ≥ …",
            "NGÃ BA, “ĐÊ”",
            "Ủy ban Mặt trận Tổ quốc — “ngoặc kép” ‘đơn’ … ½ ≥ ≤ № §",
        ] {
            assert!(check_garbled(good).is_ok(), "{good}");
        }
    }

    #[test]
    fn control_characters_are_refused_but_tabs_and_newlines_kept() {
        assert!(check_garbled("a\u{0001}b").is_err());
        assert!(check_garbled("a\u{0090}b").is_err());
        assert!(check_garbled("a\u{FFFD}b").is_err());
        assert!(check_garbled("a\tb\r\nc").is_ok());
    }

    #[test]
    fn names_typed_with_legacy_vietnamese_fonts_are_recognised() {
        for (typed, font) in [
            ("Nguyeãn Vaên A", "VNI"),
            ("Traàn Thò Lan", "VNI"),
            ("Leâ Minh Tuaán", "VNI"),
            ("Ñoã Thò Mai", "VNI"),
            ("Buøi Thò Hoàng", "VNI/TCVN3"),
            ("NguyÔn V¨n A", "TCVN3"),
            ("TrÇn ThÞ Lan", "TCVN3"),
            ("Ph¹m Thu Hµ", "TCVN3"),
            ("Lª Minh TuÊn", "TCVN3"),
            ("§ç ThÞ Mai", "TCVN3"),
            ("Vò §øc Th¾ng", "TCVN3"),
        ] {
            assert_eq!(legacy_font(typed), Some(font), "{typed}");
        }
        let case = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/cases/roster-to-dan-pho-7.csv"),
        )
        .unwrap();
        for unicode in case.lines().chain([
            "Nguyễn Văn Hùng",
            "Nguyên Thị Hoà, Khuê, Quý, Giàu, Tiên, Yến, Thuý",
            "NGUYỄN VĂN HÙNG",
            "Diện tích 25 m², 30°C, «Hà Nội»",
            "Müller, François",
        ]) {
            assert_eq!(legacy_font(unicode), None, "{unicode}");
        }
    }

    #[test]
    fn windows_1258_decodes_to_nfc() {
        // "Nguyễn" in Windows-1258: N g u y ê (0xEA) + combining tilde (0xDE) n.
        let (s, enc) = decode(b"Nguy\xEA\xDEn").ok().unwrap();
        assert_eq!(enc, SourceEncoding::Windows1258);
        assert_eq!(s, "Nguyễn");
    }
}
