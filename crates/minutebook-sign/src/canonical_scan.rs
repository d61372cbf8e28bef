//! One pass over bytes that answers "is this certainly canonical JSON?" without building a
//! value or re-serialising it — the fast path of [`crate::canonical::parse_canonical`] and
//! [`crate::canonical::check_canonical`].
//!
//! The scan is deliberately conservative: it accepts only what it can prove is the RFC 8785
//! serialisation of itself under the crate's extra rules (integers within ±(2^53 − 1), NFC
//! strings and keys, no duplicate keys). Anything unusual — a `\u` escape, a non-ASCII key, a
//! `-0`, nesting deeper than [`MAX_DEPTH`] — makes it answer `false`, and the caller then runs
//! the full parser, which either accepts or names the rule broken. So a `true` here is always
//! a value the full parser accepts (checked by the differential property test
//! `crates/minutebook-reliability/tests/canonical_fast_path.rs` and by the `attestation` fuzz
//! target); a `false` costs only time.
//!
//! Measured on the benchmark dataset (`bench/run`): this scan plus a header-only parse replaced
//! building a `serde_json::Value` with a path string per node and re-serialising it, which
//! was 77 % of bundle verification.

use unicode_normalization::{IsNormalized, is_nfc_quick};

/// Deepest nesting the fast path follows (serde_json's own limit is 128).
pub(crate) const MAX_DEPTH: usize = 100;

/// True when `s` is certainly canonical JSON under the crate's rules; false when it is not,
/// or when the scan cannot tell (the caller falls back to the full parser).
pub(crate) fn is_canonical(s: &str) -> bool {
    scan(s, false).is_some()
}

/// [`is_canonical`], also giving where the record header's fields are: the byte range of the
/// value of each of [`HEADER_FIELDS`] at the top level, and of `id` and `name` inside a
/// top-level `cell` or `meeting` object (named `cell.id`, `meeting.name`, …). `None` when the
/// scan cannot vouch for the bytes, or when `cell` or `meeting` is there but not an object.
pub(crate) fn canonical_header_spans(s: &str) -> Option<Vec<Span>> {
    scan(s, true)
}

/// A captured field: its path and the byte range of its value.
pub(crate) type Span = (&'static str, std::ops::Range<usize>);

/// Top-level fields of a record that its header reads (`record::parse_header`).
pub(crate) const HEADER_FIELDS: [&str; 10] = [
    "cell",
    "format",
    "meeting",
    "previous_record_sha256",
    "previous_version_sha256",
    "required_roles",
    "sequence",
    "signatories",
    "type",
    "version",
];

fn scan(s: &str, capture: bool) -> Option<Vec<Span>> {
    let mut scan = Scan {
        b: s.as_bytes(),
        s,
        i: 0,
        buf: String::new(),
        capture,
        spans: Vec::new(),
        bad_header: false,
    };
    (scan.value(0, Field::Root) && scan.i == scan.b.len() && !scan.bad_header).then_some(scan.spans)
}

/// Where a value sits, for capturing header fields.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    /// The document itself.
    Root,
    /// The value of top-level `cell` or `meeting` (the static str is that name).
    Holder(&'static str),
    /// Anywhere else.
    Other,
}

struct Scan<'a> {
    b: &'a [u8],
    s: &'a str,
    i: usize,
    /// Reused buffer for strings that contain escapes (decoded before the NFC check).
    buf: String,
    /// Whether to record header spans.
    capture: bool,
    spans: Vec<Span>,
    /// `cell` or `meeting` is not an object: the header needs the full parser's judgement.
    bad_header: bool,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn value(&mut self, depth: usize, field: Field) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        if let Field::Holder(_) = field
            && self.peek() != Some(b'{')
        {
            self.bad_header = true;
        }
        match self.peek() {
            Some(b'{') => self.object(depth, field),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().is_some(),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => false,
        }
    }

    fn literal(&mut self, word: &[u8]) -> bool {
        if self.b[self.i..].starts_with(word) {
            self.i += word.len();
            true
        } else {
            false
        }
    }

    /// `-?(0|[1-9][0-9]*)` within ±(2^53 − 1); no fraction, exponent or `-0`.
    fn number(&mut self) -> bool {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.i += 1;
        }
        let digits_start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        let digits = &self.b[digits_start..self.i];
        if digits.is_empty() || digits.len() > 16 || matches!(self.peek(), Some(b'.' | b'e' | b'E'))
        {
            return false;
        }
        if digits[0] == b'0' && (digits.len() > 1 || negative) {
            return false;
        }
        let magnitude = self.s[digits_start..self.i]
            .parse::<u64>()
            .unwrap_or(u64::MAX);
        magnitude <= crate::canonical::MAX_SAFE_INTEGER.unsigned_abs()
    }

    /// Scans a string starting at its opening quote; returns the byte range of its raw
    /// contents (between the quotes) and whether it held escapes. Checks escapes are the
    /// short forms JCS writes and that the text is NFC.
    fn string(&mut self) -> Option<(usize, usize, bool)> {
        self.i += 1; // opening quote
        let start = self.i;
        let mut escaped = false;
        loop {
            // Jump to the next quote or backslash.
            self.i += memchr::memchr2(b'"', b'\\', &self.b[self.i..])?;
            if self.b[self.i] == b'"' {
                break;
            }
            escaped = true;
            match self.b.get(self.i + 1)? {
                b'"' | b'\\' | b'b' | b'f' | b'n' | b'r' | b't' => self.i += 2,
                // `\u` (control characters without a short form), `\/` and the rest: left
                // to the full parser.
                _ => return None,
            }
        }
        let end = self.i;
        self.i += 1; // closing quote
        let raw = &self.b[start..end];
        let (control, plain) = scan_text(raw);
        if control {
            // A raw control character (JCS escapes them) or DEL: left to the full parser.
            return None;
        }
        // Escapes stand for ASCII characters, which are plain starters too.
        let nfc = plain
            || if escaped {
                self.buf.clear();
                let mut chars = self.s[start..end].chars();
                while let Some(ch) = chars.next() {
                    if ch == '\\' {
                        self.buf.push(match chars.next()? {
                            'b' => '\u{8}',
                            'f' => '\u{c}',
                            'n' => '\n',
                            'r' => '\r',
                            't' => '\t',
                            other => other, // '"' and '\\'
                        });
                    } else {
                        self.buf.push(ch);
                    }
                }
                is_nfc(&self.buf)
            } else {
                is_nfc(&self.s[start..end])
            };
        nfc.then_some((start, end, escaped))
    }

    /// After an item of an array or object: `Some(false)` past a comma, `Some(true)` past the
    /// `close` bracket, `None` for anything else.
    fn separator(&mut self, close: u8) -> Option<bool> {
        let closed = match self.peek()? {
            b',' => false,
            c if c == close => true,
            _ => return None,
        };
        self.i += 1;
        Some(closed)
    }

    fn array(&mut self, depth: usize) -> bool {
        self.i += 1;
        if self.peek() == Some(b']') {
            self.i += 1;
            return true;
        }
        loop {
            if !self.value(depth + 1, Field::Other) {
                return false;
            }
            match self.separator(b']') {
                Some(false) => {}
                Some(true) => return true,
                None => return false,
            }
        }
    }

    /// Keys must be plain ASCII without escapes (every key Minutebook writes is) so that byte
    /// order is JCS's UTF-16 order; each key must sort strictly after the one before, which
    /// also rules out duplicates.
    fn object(&mut self, depth: usize, field: Field) -> bool {
        self.i += 1;
        if self.peek() == Some(b'}') {
            self.i += 1;
            return true;
        }
        let mut previous: Option<(usize, usize)> = None;
        loop {
            if self.peek() != Some(b'"') {
                return false;
            }
            let Some((start, end, escaped)) = self.string() else {
                return false;
            };
            let key = &self.b[start..end];
            if escaped || !key.is_ascii() {
                return false;
            }
            if let Some((ps, pe)) = previous
                && self.b[ps..pe] >= *key
            {
                return false;
            }
            previous = Some((start, end));
            if self.peek() != Some(b':') {
                return false;
            }
            self.i += 1;
            let (name, inner) = if self.capture {
                header_field(field, key)
            } else {
                (None, Field::Other)
            };
            let value_start = self.i;
            if !self.value(depth + 1, inner) {
                return false;
            }
            if let Some(name) = name {
                self.spans.push((name, value_start..self.i));
            }
            match self.separator(b'}') {
                Some(false) => {}
                Some(true) => return true,
                None => return false,
            }
        }
    }
}

/// For key `key` of an object at `field`: the header path to capture its value under, if any,
/// and where its value sits.
fn header_field(field: Field, key: &[u8]) -> (Option<&'static str>, Field) {
    match field {
        Field::Root => match HEADER_FIELDS.iter().find(|f| f.as_bytes() == key) {
            Some(&f @ ("cell" | "meeting")) => (None, Field::Holder(f)),
            Some(&f) => (Some(f), Field::Other),
            None => (None, Field::Other),
        },
        Field::Holder(holder) => {
            let name = match (holder, key) {
                ("cell", b"id") => Some("cell.id"),
                ("cell", b"name") => Some("cell.name"),
                ("meeting", b"id") => Some("meeting.id"),
                ("meeting", b"name") => Some("meeting.name"),
                _ => None,
            };
            (name, Field::Other)
        }
        Field::Other => (None, Field::Other),
    }
}

/// Whether `s` is NFC, by unicode-normalization's quick check (and the full check when that
/// says "maybe"). Callers try [`scan_text`]'s plain-starter answer first: text made only of
/// characters that are NFC_Quick_Check=Yes and combining class 0 (starters that never compose
/// with what precedes them) is NFC as it stands — everything below U+0300 and the precomposed
/// Latin letters of U+1E00–U+1EFF, where Vietnamese lives. A test checks every character of
/// both ranges against unicode-normalization's own tables.
fn is_nfc(s: &str) -> bool {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => unicode_normalization::is_nfc(s),
    }
}

/// One pass over the raw bytes of a string (UTF-8, between its quotes): whether it holds a
/// control byte (below 0x20, or DEL), and whether every character is a plain starter
/// ([`is_plain_starter`]) read from the bytes — a byte below 0xCC is ASCII, a lead byte of
/// U+0080–U+02FF or a continuation byte; U+1E00–U+1EFF is E1 B8..BB xx; any other lead byte is
/// not a plain starter. Written without early exits so the compiler can vectorise it.
fn scan_text(b: &[u8]) -> (bool, bool) {
    let Some(&last) = b.last() else {
        return (false, true);
    };
    let pairs = b.iter().zip(b.iter().skip(1));
    let (control, plain) = pairs.fold((false, true), |(control, plain), (&x, &next)| {
        (
            control | (x < 0x20) | (x == 0x7f),
            plain & ((x < 0xCC) | ((x == 0xE1) & ((next & 0xFC) == 0xB8))),
        )
    });
    (
        control | (last < 0x20) | (last == 0x7f),
        plain & (last < 0xCC),
    )
}

/// [`scan_text`]'s plain-starter answer alone.
#[cfg(test)]
fn is_plain_starter_text(b: &[u8]) -> bool {
    scan_text(b).1
}

/// A character that is NFC_Quick_Check=Yes with canonical combining class 0 (see [`is_nfc`]);
/// the rule [`is_plain_starter_text`] reads from bytes.
#[cfg(test)]
fn is_plain_starter(c: char) -> bool {
    c < '\u{300}' || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{IsNormalized, is_nfc_quick};

    use super::{is_plain_starter, is_plain_starter_text};

    /// The byte-level reading agrees with the character rule for every Unicode scalar value,
    /// alone and after a Vietnamese letter.
    #[test]
    fn byte_reading_matches_the_character_rule() {
        for c in (0u32..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let one = c.encode_utf8(&mut buf).as_bytes().to_vec();
            assert_eq!(is_plain_starter_text(&one), is_plain_starter(c), "{c:?}");
            let two = format!("ệ{c}");
            assert_eq!(
                is_plain_starter_text(two.as_bytes()),
                is_plain_starter(c),
                "{c:?}"
            );
        }
    }

    /// The shortcut in `is_nfc` holds for every character it covers, by unicode-normalization's
    /// own tables (exhaustive over the two ranges).
    #[test]
    fn plain_starters_are_quick_check_yes_with_class_zero() {
        let all = (0u32..0x300)
            .chain(0x1E00..=0x1EFF)
            .filter_map(char::from_u32);
        let mut n = 0;
        for c in all {
            assert!(is_plain_starter(c));
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            n += 1;
        }
        assert_eq!(n, 0x300 + 0x100);
        assert!(!is_plain_starter('\u{300}'));
        assert!(!is_plain_starter('\u{1F00}'));
    }
}
