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
