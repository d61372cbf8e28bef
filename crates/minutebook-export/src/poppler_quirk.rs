//! Poppler up to 25.11 (Debian 12 ships 22.12) prints "Syntax Error: Suspects object is wrong
//! type (boolean)" for every PDF whose catalog says `/MarkInfo << /Suspects false >>`: its
//! `Catalog::getMarkInfo` reports any `Suspects` that is not `true` as the wrong type
//! (fixed upstream after 25.11.0). krilla always writes `/Suspects false` (PDF/UA-1 wants the
//! key); Minutebook claims PDF/A-3b, not PDF/UA, and `false` is the key's default (ISO 32000-1,
//! table 321), so dropping it changes nothing a reader may rely on — and a committee member
//! running `pdfinfo` no longer sees "Syntax Error" on a record they are asked to trust.
//!
//! The key is overwritten with spaces in place, so every byte offset (and so the xref table)
//! stays valid; nothing else is touched. The check is exact: the catalog's `MarkInfo`
//! dictionary as krilla writes it, once.

/// `/MarkInfo` exactly as krilla 0.8 writes it in a tagged document's catalog.
const KRILLA_MARK_INFO: &[u8] = b"/MarkInfo<</Marked true/Suspects false>>";
/// The same dictionary without the `Suspects` key, padded with spaces to the same length.
const QUIET_MARK_INFO: &[u8] = b"/MarkInfo<</Marked true>>               ";

/// Drops `/Suspects false` from the catalog's `MarkInfo` of `pdf`, in place; true when it was
/// there. A PDF without krilla's exact dictionary is left untouched.
pub(crate) fn quiet(pdf: &mut [u8]) -> bool {
    const _: () = assert!(KRILLA_MARK_INFO.len() == QUIET_MARK_INFO.len());
    match memchr::memmem::find(pdf, KRILLA_MARK_INFO) {
        Some(at) => {
            pdf[at..at + KRILLA_MARK_INFO.len()].copy_from_slice(QUIET_MARK_INFO);
            true
        }
        None => false,
    }
}

/// `pdf` as an export made before [`quiet`] existed would have it: the `Suspects` key put
/// back. Used by the re-render check so that earlier exports still verify byte for byte.
pub(crate) fn as_before(pdf: &[u8]) -> Option<Vec<u8>> {
    let at = memchr::memmem::find(pdf, QUIET_MARK_INFO)?;
    let mut old = pdf.to_vec();
    old[at..at + QUIET_MARK_INFO.len()].copy_from_slice(KRILLA_MARK_INFO);
    Some(old)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_goes_and_comes_back_with_offsets_kept() {
        let krilla =
            b"1 0 obj<</Type/Catalog/MarkInfo<</Marked true/Suspects false>>/Lang(vi)>>".to_vec();
        let mut pdf = krilla.clone();
        assert!(quiet(&mut pdf));
        assert_eq!(pdf.len(), krilla.len());
        assert!(!pdf.windows(8).any(|w| w == b"Suspects"));
        assert_eq!(as_before(&pdf).as_deref(), Some(&krilla[..]));
    }

    #[test]
    fn anything_else_is_left_alone() {
        let mut pdf = b"/MarkInfo<</Marked true/Suspects true>>".to_vec();
        assert!(!quiet(&mut pdf));
        assert_eq!(&pdf[..], b"/MarkInfo<</Marked true/Suspects true>>");
        assert_eq!(as_before(&pdf), None);
    }
}
