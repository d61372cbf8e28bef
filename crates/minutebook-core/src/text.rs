//! Unicode text rules: everything the domain stores is NFC.
//!
//! Vietnamese can be typed precomposed (NFC, "ệ" = U+1EC7) or decomposed (NFD, "e" + U+0302 +
//! U+0323), and Windows-1258 spreadsheets decode to the decomposed form. Two spellings of one
//! name must compare equal and must hash, sign and render identically, so text is normalised to
//! NFC (Unicode Standard Annex #15) once, where it enters the domain.

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// Returns `s` normalised to Unicode Normalization Form C.
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
