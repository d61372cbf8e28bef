//! The embedded fonts: Liberation Serif 2.1.5 in four faces (SIL OFL 1.1, see `fonts/OFL.txt`).
//!
//! Metric-compatible with Times New Roman, which Party documents use. No fallback fonts are
//! embedded; see [`crate::glyphs`] for what happens to text these faces cannot display.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::Font;

/// The four faces, regular first.
pub(crate) const FACES: [(&str, &[u8]); 4] = [
    (
        "LiberationSerif-Regular",
        include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    ),
    (
        "LiberationSerif-Bold",
        include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    ),
    (
        "LiberationSerif-Italic",
        include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
    ),
    (
        "LiberationSerif-BoldItalic",
        include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
    ),
];

/// Font family name templates must use.
pub const FONT_FAMILY: &str = "Liberation Serif";

/// The faces as typst fonts (parsed once).
pub(crate) fn typst_fonts() -> Vec<Font> {
    static FONTS: OnceLock<Vec<Font>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            FACES
                .iter()
                .filter_map(|(_, data)| Font::new(Bytes::new(*data), 0))
                .collect()
        })
        .clone()
}

/// Characters that every one of the four faces maps to a glyph (so a field may be set in any
/// style). Computed once from the fonts' `cmap` tables.
pub(crate) fn covered() -> &'static BTreeSet<char> {
    static COVERED: OnceLock<BTreeSet<char>> = OnceLock::new();
    COVERED.get_or_init(|| {
        let mut sets = FACES.iter().map(|(_, data)| face_chars(data));
        let first = sets.next().unwrap_or_default();
        sets.fold(first, |acc, s| acc.intersection(&s).copied().collect())
    })
}

fn face_chars(data: &[u8]) -> BTreeSet<char> {
    let mut out = BTreeSet::new();
    let Ok(face) = ttf_parser::Face::parse(data, 0) else {
        return out;
    };
    let Some(cmap) = face.tables().cmap else {
        return out;
    };
    for sub in cmap.subtables {
        if !sub.is_unicode() {
            continue;
        }
        sub.codepoints(|cp| {
            if let Some(c) = char::from_u32(cp)
                && sub.glyph_index(cp).is_some_and(|g| g.0 != 0)
            {
                out.insert(c);
            }
        });
    }
    out
}
