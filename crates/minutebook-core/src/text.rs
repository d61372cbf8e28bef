//! Unicode text rules: everything the domain stores is NFC.
//!
//! Vietnamese can be typed precomposed (NFC, "ệ" = U+1EC7) or decomposed (NFD, "e" + U+0302 +
//! U+0323), and Windows-1258 spreadsheets decode to the decomposed form. Two spellings of one
//! name must compare equal and must hash, sign and render identically, so text is normalised to
//! NFC (Unicode Standard Annex #15) once, where it enters the domain.
//!
//! # Where text is normalised, and who checks
//!
//! [`nfc`] is the one normalisation function; [`Nfc`] is text that went through it, so a
//! value of that type is NFC by construction. Text is normalised where it *enters*:
//!
//! - the core constructors ([`crate::Member::new`], [`crate::Meeting::new`],
//!   [`crate::AgendaItem::titled`]) normalise the text they are given;
//! - `minutebook-record` normalises every text field of a document it reads (the JSON
//!   boundary: records, interchange files, the desktop's forms);
//! - `minutebook-import` holds every spreadsheet cell's text as [`Nfc`].
//!
//! The domain structs keep their text fields as `String`, documented as NFC, and those fields
//! are public: any caller can put anything there. So the layers behind the entry points do not
//! *normalise again* — they would hide a caller that skipped its entry point and store a
//! spelling nobody typed — but the store *checks*: it refuses non-NFC text on write with an
//! error naming the field ([`is_nfc`]), and stores exactly the bytes it is given otherwise.
//! Canonical JSON (`minutebook-sign`) likewise refuses non-NFC text rather than fixing it.

use std::fmt;
use std::ops::Deref;

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// Text in Unicode Normalization Form C.
///
/// Made only by normalising ([`Nfc::new`], `From<&str>`, `From<String>`, all through [`nfc`]),
/// so holding one proves the text is NFC; it reads as a `str` ([`Deref`], [`AsRef`],
/// [`fmt::Display`]) and gives its `String` back with [`Nfc::into_string`].
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Nfc(String);

impl Nfc {
    /// `s` normalised to NFC.
    pub fn new(s: &str) -> Self {
        Nfc(nfc(s))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A part of this text (`part` must be a slice of it, e.g. from `trim` or `split`) as
    /// `Nfc`, without normalising again: a substring of NFC text is NFC (the characters kept
    /// have the same neighbours, and a combining mark cut from its base has nothing left to
    /// compose with). `None` when `part` is not a slice of this text.
    pub fn part(&self, part: &str) -> Option<Nfc> {
        let start = (part.as_ptr() as usize).checked_sub(self.0.as_ptr() as usize)?;
        let slice = self.0.get(start..start.checked_add(part.len())?)?;
        Some(Nfc(slice.to_owned()))
    }

    /// The text as a `String` (still NFC, but no longer saying so).
    pub fn into_string(self) -> String {
        self.0
    }
}

impl Deref for Nfc {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Nfc {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Nfc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Nfc {
    fn from(s: &str) -> Self {
        Nfc::new(s)
    }
}

/// Keeps the `String` as it is (no copy) when it is already NFC.
impl From<String> for Nfc {
    fn from(s: String) -> Self {
        if is_nfc(&s) { Nfc(s) } else { Nfc::new(&s) }
    }
}

impl From<Nfc> for String {
    fn from(s: Nfc) -> Self {
        s.0
    }
}

impl PartialEq<str> for Nfc {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Nfc {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// Returns `s` normalised to Unicode Normalization Form C: the one normalisation function
/// (see the [module documentation](self) for where it is called).
pub fn nfc(s: &str) -> String {
    if is_nfc(s) {
        s.to_owned()
    } else {
        s.nfc().collect()
    }
}

/// True when `s` is already in NFC.
pub fn is_nfc(s: &str) -> bool {
    match is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => true,
        unicode_normalization::IsNormalized::No => false,
        unicode_normalization::IsNormalized::Maybe => s.nfc().eq(s.chars()),
    }
}

/// Compares two names as a person would read them: NFC-normalised, surrounding white space
/// ignored, inner runs of white space collapsed. Case is significant (Vietnamese names are
/// written with capitals and a roster never holds two names differing only in case).
pub fn same_name(a: &str, b: &str) -> bool {
    normalise_name(a) == normalise_name(b)
}

/// Normalises a person's name for storage: NFC, trimmed, inner white space collapsed to one
/// space.
pub fn normalise_name(s: &str) -> String {
    nfc(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The rule for invisible and format characters in a name, applied once where a name enters
/// (roster import; the API's forms and meeting import — see [`visible_text`]).
///
/// A name is looked up by what a person types and is printed in the minutes, so it must hold
/// only what is *seen*. Pasting from Word, a web page or a PDF brings characters that show
/// nothing (a soft hyphen, a zero-width space, a byte-order mark), characters that look like a
/// space but are not U+0020 (no-break space, the typographic spaces U+2000–U+200A, the
/// ideographic space), and characters that silently reorder what is shown (bidi controls). The
/// rule, by what each does to what the reader sees:
///
/// 1. **Invisible, and removing them changes nothing shown: removed.** U+00AD soft hyphen,
///    U+200B zero-width space, U+2060 word joiner, U+FEFF byte-order mark / zero-width no-break
///    space, U+180E Mongolian vowel separator, U+2061–U+2064 invisible operators. U+200C
///    zero-width non-joiner and U+200D zero-width joiner likewise when next to Latin text (ASCII,
///    U+00A0–U+024F, the combining diacritics U+0300–U+036F, Latin Extended Additional
///    U+1E00–U+1EFF — every letter and tone mark of Vietnamese), white space or the start or end
///    of the text, where they join nothing. Between two other characters they are **kept**:
///    there they shape a joining script or build an emoji ("👩🏽‍💼" is one picture, not two).
/// 2. **Spaces that look like a space: a plain space (U+0020).** Every other character of
///    general category Zs (U+00A0, U+1680, U+2000–U+200A, U+202F, U+205F, U+3000). Runs are not
///    collapsed and ends are not trimmed: that is [`normalise_name`]'s business, not this rule's.
/// 3. **Bidi controls: refused** (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069). They
///    make a name display in an order other than its characters ("abc\u{202E}gnp.exe" shows as
///    "abcexe.png"); removing them would store a name that looks different from the sheet, and
///    keeping them stores one that reads differently from what it says. The person who typed it
///    must decide.
/// 4. **Every other format character (general category Cf): refused**, for the same reason: it
///    either changes what is shown (Arabic number signs, interlinear annotations, tag
///    characters) or has no business in a name, and this rule cannot tell which.
///
/// Then the text is normalised to NFC ([`nfc`]); removing a zero-width character can bring a
/// tone mark next to its letter. The result has no character of category Cf except a kept
/// U+200C/U+200D, and no space but U+0020.
///
/// This rule is for names and the other short, identifying fields (cell name, member name,
/// party card number, a post's text, a guest's name). Free text — minutes, speeches, agenda
/// titles — is stored literally (shared/cases/hostile-text.txt) and does not go through it.
///
/// # Errors
/// [`HiddenChar`] for the first bidi control or other format character, with its position.
pub fn visible_text(s: &str) -> Result<Nfc, HiddenChar> {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\u{00AD}'
            | '\u{200B}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{180E}'
            | '\u{2061}'..='\u{2064}' => {}
            '\u{200C}' | '\u{200D}' => {
                let joins = |n: Option<&char>| n.is_some_and(|&n| !is_latin_or_space(n));
                if joins(i.checked_sub(1).and_then(|j| chars.get(j))) && joins(chars.get(i + 1)) {
                    out.push(c);
                }
            }
            '\u{061C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => {
                return Err(HiddenChar {
                    ch: c,
                    position: i + 1,
                    bidi: true,
                });
            }
            ' ' => out.push(' '),
            c => match c.general_category() {
                GeneralCategory::SpaceSeparator => out.push(' '),
                GeneralCategory::Format => {
                    return Err(HiddenChar {
                        ch: c,
                        position: i + 1,
                        bidi: false,
                    });
                }
                _ => out.push(c),
            },
        }
    }
    Ok(Nfc::from(out))
}

/// Latin text or white space: where U+200C/U+200D join nothing (see [`visible_text`]).
fn is_latin_or_space(c: char) -> bool {
    c.is_ascii()
        || c.is_whitespace()
        || matches!(c, '\u{00A0}'..='\u{024F}' | '\u{0300}'..='\u{036F}' | '\u{1E00}'..='\u{1EFF}')
}

/// A character [`visible_text`] refuses: a bidi control or another format character (Cf).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("U+{:04X} ({}) at character {position}", u32::from(*ch), if *bidi { "a bidi control" } else { "an invisible format character" })]
pub struct HiddenChar {
    /// The character.
    pub ch: char,
    /// Its position in the text, counted in characters from 1.
    pub position: usize,
    /// True for a bidi control (it reorders what is shown), false for another format character.
    pub bidi: bool,
}

impl HiddenChar {
    /// `U+202E`: the character's code point as Unicode writes it.
    pub fn code(&self) -> String {
        format!("U+{:04X}", u32::from(self.ch))
    }
}

#[cfg(test)]
mod visible_tests {
    use super::*;

    #[test]
    fn invisible_characters_are_removed_and_odd_spaces_become_spaces() {
        for (typed, seen) in [
            ("Nguy\u{00AD}ễn Văn A", "Nguyễn Văn A"),
            (
                "\u{FEFF}Trần\u{200B} Thị\u{2060} Lan\u{200B}",
                "Trần Thị Lan",
            ),
            ("Lê\u{200C}\u{200D} Minh", "Lê Minh"),
            ("Phạm\u{00A0}Thu\u{2002}Hà\u{3000}", "Phạm Thu Hà "),
            ("Hoàng\u{202F}\u{205F}\u{1680}Nam", "Hoàng   Nam"),
            // A zero-width space between a letter and its tone mark: the mark then composes.
            ("Nguye\u{200B}\u{0302}\u{0303}n", "Nguyễn"),
            ("x\u{2062}y", "xy"),
        ] {
            let got = visible_text(typed).unwrap();
            assert_eq!(got, seen, "{typed:?}");
            assert!(is_nfc(&got));
        }
        // Plain names are untouched, byte for byte, and tabs/line breaks are not this rule's.
        for plain in ["Nguyễn Văn Hùng", "  Đỗ  Thị Mai ", "a\tb\r\nc", ""] {
            assert_eq!(visible_text(plain).unwrap(), plain);
        }
    }

    #[test]
    fn joiners_that_build_an_emoji_or_shape_a_script_are_kept() {
        let office_worker = "Đồng chí 👩🏽\u{200D}💼 ✅";
        assert_eq!(visible_text(office_worker).unwrap(), office_worker);
        let persian = "می\u{200C}خواهم";
        assert_eq!(visible_text(persian).unwrap(), persian);
        // At the ends, or between Latin letters, they join nothing.
        assert_eq!(visible_text("\u{200D}An\u{200D}h\u{200C}").unwrap(), "Anh");
        assert_eq!(visible_text("💼\u{200D} x").unwrap(), "💼 x");
    }

    #[test]
    fn bidi_controls_and_other_format_characters_are_refused() {
        let e = visible_text("abc\u{202E}gnp.exe\u{202C}").unwrap_err();
        assert_eq!(
            e,
            HiddenChar {
                ch: '\u{202E}',
                position: 4,
                bidi: true
            }
        );
        assert_eq!(e.code(), "U+202E");
        assert_eq!(e.to_string(), "U+202E (a bidi control) at character 4");
        for c in [
            '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{2066}', '\u{2069}',
        ] {
            assert!(visible_text(&format!("An{c}h")).unwrap_err().bidi, "{c:?}");
        }
        // Other Cf: an Arabic number sign, an interlinear annotation, a tag character.
        for c in ['\u{0600}', '\u{FFF9}', '\u{E0041}', '\u{110BD}'] {
            let e = visible_text(&format!("Lan{c}")).unwrap_err();
            assert_eq!((e.ch, e.position, e.bidi), (c, 4, false));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_and_precomposed_names_are_the_same_person() {
        let nfd: String = "Nguyễn Thị Hương".nfd().collect();
        assert_ne!(nfd, "Nguyễn Thị Hương");
        assert!(!is_nfc(&nfd));
        assert_eq!(nfc(&nfd), "Nguyễn Thị Hương");
        assert!(same_name(&nfd, "  Nguyễn  Thị Hương "));
        assert!(!same_name("Nguyễn Thị Hương", "Nguyễn Thị Hường"));
    }

    #[test]
    fn nfc_text_is_made_only_by_normalising() {
        let nfd: String = "Nguyễn Thị Hương".nfd().collect();
        for t in [
            Nfc::from(nfd.as_str()),
            Nfc::from(nfd.clone()),
            Nfc::new(&nfd),
        ] {
            assert!(is_nfc(&t));
            assert_eq!(t, "Nguyễn Thị Hương");
            assert_eq!(t.to_string(), "Nguyễn Thị Hương");
            assert_eq!(t.as_ref(), t.as_str());
            assert_eq!(String::from(t.clone()), t.into_string());
        }
        // A slice of NFC text is NFC, even one starting with a combining mark.
        // ("x" has no precomposed form with U+0301, U+0323; "ô" + U+0300 composes to "ồ".)
        let t = Nfc::from("  Ngô\u{0300} x\u{0323}\u{0301}, Nguyễn  ");
        assert_eq!(t, "  Ngồ x\u{0323}\u{0301}, Nguyễn  ");
        for (i, _) in t.char_indices() {
            for (j, _) in t[i..].char_indices().skip(1) {
                let part = t.part(&t[i..i + j]).unwrap();
                assert!(is_nfc(&part), "{part:?}");
                assert_eq!(part, &t[i..i + j]);
            }
        }
        assert_eq!(t.part(t.trim()).unwrap(), "Ngồ x\u{0323}\u{0301}, Nguyễn");
        assert_eq!(t.part("Nguyễn"), None, "not a slice of the text");
        // Already NFC: the same bytes.
        assert_eq!(
            Nfc::from("Hương".to_owned()).as_str().as_bytes(),
            "Hương".as_bytes()
        );
    }
}

/// Folds Vietnamese text for searching: diacritics removed ("nghị quyết" → "nghi quyet"),
/// "đ" → "d", lower case. Used to match what a user types without tone marks.
pub fn strip_diacritics(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

/// [`strip_diacritics`] and lower case: the form search indexes compare.
pub fn search_fold(s: &str) -> String {
    strip_diacritics(s).to_lowercase()
}

#[cfg(test)]
mod fold_tests {
    use super::*;

    #[test]
    fn folding_for_search() {
        assert_eq!(search_fold("Nghị quyết tháng 3"), "nghi quyet thang 3");
        assert_eq!(search_fold("Đảng ủy phường"), "dang uy phuong");
    }
}

/// Hex (a SHA-256 or a key fingerprint) in groups of four characters separated by spaces, the
/// way the app shows it to be read aloud and compared: `"0634a946e523"` → `"0634 a946 e523"`.
/// Any text is grouped by characters as given; nothing is checked.
pub fn grouped_hex(hex: &str) -> String {
    let chars: Vec<char> = hex.chars().collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod grouped_tests {
    #[test]
    fn groups_of_four() {
        assert_eq!(super::grouped_hex("0634a946e5"), "0634 a946 e5");
        assert_eq!(super::grouped_hex(""), "");
    }
}
