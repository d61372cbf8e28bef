//! Canonical JSON per RFC 8785 (JSON Canonicalization Scheme, "JCS").
//!
//! Serialisation goes through [`serde_json_canonicalizer`]. Parsing is strict, because two
//! byte strings must never carry the same meaning (see `reliability-and-security.md` §3,
//! test 16). [`parse_canonical`] rejects, each with the JSON path where it happened
//! (e.g. `meeting.agenda[2].title`):
//!
//! * bytes that are not UTF-8;
//! * duplicate object keys (serde_json alone would silently keep the last one);
//! * non-integer numbers, and integers outside ±(2^53 − 1) (JCS would round them);
//! * strings — keys included — that are not in Unicode NFC;
//! * any input that differs from the JCS serialisation of what was parsed (spacing, key order,
//!   escapes, number spelling).

use std::cell::RefCell;
use std::fmt;

use serde::Serialize;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use unicode_normalization::{IsNormalized, is_nfc_quick};

/// Largest integer allowed in canonical JSON: 2^53 − 1 (RFC 8785 §3.2.2.3, I-JSON).
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// Why bytes are not acceptable canonical JSON, or a value cannot be made canonical.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CanonicalError {
    /// The input is not UTF-8; `offset` is the byte where decoding failed.
    #[error("not valid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input is not JSON at all (serde_json's message, with line and column).
    #[error("not valid JSON: {message}")]
    Syntax {
        /// Parser message.
        message: String,
    },
    /// An object has the same key twice.
    #[error("duplicate key {key:?} in the object at {path}")]
    DuplicateKey {
        /// JSON path of the object.
        path: String,
        /// The repeated key.
        key: String,
    },
    /// A number with a fraction or exponent, or too large for an integer (floats are refused).
    #[error("number at {path} is not an integer ({value}); floats are not allowed")]
    Float {
        /// JSON path of the number.
        path: String,
        /// The number as parsed.
        value: String,
    },
    /// An integer outside ±(2^53 − 1).
    #[error("integer at {path} is outside ±(2^53−1): {value}")]
    IntegerOutOfRange {
        /// JSON path of the number.
        path: String,
        /// The integer.
        value: String,
    },
    /// A string (object key or value) that is not in Unicode NFC.
    #[error("{what} at {path} is not in Unicode NFC: {text:?}")]
    NotNfc {
        /// JSON path of the string.
        path: String,
        /// `"key"` or `"string"`.
        what: &'static str,
        /// The offending text.
        text: String,
    },
    /// Valid JSON, but not the RFC 8785 serialisation of itself.
    #[error(
        "not canonical JSON (RFC 8785): first difference at byte {offset}: found {found:?}, canonical form has {expected:?}"
    )]
    NotCanonical {
        /// First byte offset where input and canonical form differ.
        offset: usize,
        /// Up to 24 bytes of the input from `offset` (lossy UTF-8).
        found: String,
        /// Up to 24 bytes of the canonical form from `offset` (lossy UTF-8).
        expected: String,
    },
    /// The value could not be serialised (e.g. a map with non-string keys).
    #[error("cannot serialise to canonical JSON: {message}")]
    Serialize {
        /// serde's message.
        message: String,
    },
}

/// Serialise `value` as RFC 8785 canonical JSON bytes.
///
/// The value is checked with the same rules as [`parse_canonical`] (no floats, integers within
/// ±(2^53 − 1), NFC strings), so whatever this returns, `parse_canonical` accepts.
///
/// # Errors
/// [`CanonicalError::Serialize`] if serde fails; `Float`, `IntegerOutOfRange` or `NotNfc` with
/// the path of the offending item.
pub fn to_canonical_bytes<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, CanonicalError> {
    let v = serde_json::to_value(value).map_err(|e| CanonicalError::Serialize {
        message: e.to_string(),
    })?;
    check_value(&v, &mut String::new())?;
    serde_json_canonicalizer::to_vec(&v).map_err(|e| CanonicalError::Serialize {
        message: e.to_string(),
    })
}

fn check_value(v: &Value, path: &mut String) -> Result<(), CanonicalError> {
    match v {
        Value::Null | Value::Bool(_) => Ok(()),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                check_int(i128::from(i), path)
            } else if let Some(u) = n.as_u64() {
                check_int(i128::from(u), path)
            } else {
                Err(CanonicalError::Float {
                    path: display_path(path),
                    value: n.to_string(),
                })
            }
        }
        Value::String(s) => check_nfc(s, path, "string"),
        Value::Array(a) => {
            for (i, item) in a.iter().enumerate() {
                let len = path.len();
                push_index(path, i);
                check_value(item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        Value::Object(m) => {
            for (k, item) in m {
                check_nfc(k, path, "key")?;
                let len = path.len();
                push_key(path, k);
                check_value(item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
    }
}

/// Parse `bytes` strictly as canonical JSON (see the module docs for every rule).
///
/// # Errors
/// The first rule broken, as a [`CanonicalError`] naming what and where.
pub fn parse_canonical(bytes: &[u8]) -> Result<Value, CanonicalError> {
    if is_certainly_canonical(bytes) {
        // Already proven canonical: a plain parse cannot fail and needs no further checks.
        return serde_json::from_slice(bytes).map_err(|e| CanonicalError::Syntax {
            message: e.to_string(),
        });
    }
    parse_canonical_slow(bytes)
}

/// Check `bytes` with every rule of [`parse_canonical`] without keeping the parsed value —
/// what verification needs for a record whose header is read separately. One pass over the
/// bytes when they are canonical; the full parser (and its precise error) otherwise.
///
/// # Errors
/// As [`parse_canonical`].
pub fn check_canonical(bytes: &[u8]) -> Result<(), CanonicalError> {
    if is_certainly_canonical(bytes) {
        return Ok(());
    }
    parse_canonical_slow(bytes).map(drop)
}

/// [`check_canonical`] for a record: also where its header fields are (see
/// `canonical_scan::canonical_header_spans`) when the one-pass scan vouched for the bytes;
/// `Ok(None)` when only the full parser did (the caller then reads the header from the full
/// document).
pub(crate) fn check_canonical_header(
    bytes: &[u8],
) -> Result<Option<(&str, Vec<crate::canonical_scan::Span>)>, CanonicalError> {
    if let Ok(s) = simdutf8::basic::from_utf8(bytes)
        && let Some(spans) = crate::canonical_scan::canonical_header_spans(s)
    {
        return Ok(Some((s, spans)));
    }
    parse_canonical_slow(bytes).map(|_| None)
}

/// The full parser alone, without the one-pass fast path. For the differential tests and the
/// fuzz target that hold the fast path to it; use [`parse_canonical`].
///
/// # Errors
/// As [`parse_canonical`].
#[doc(hidden)]
pub fn parse_canonical_full(bytes: &[u8]) -> Result<Value, CanonicalError> {
    parse_canonical_slow(bytes)
}

/// Whether the one-pass fast path alone accepts `bytes` (false also means "not sure"). For
/// the differential tests and the fuzz target; use [`check_canonical`].
#[doc(hidden)]
pub fn fast_path_accepts(bytes: &[u8]) -> bool {
    is_certainly_canonical(bytes)
}

/// UTF-8 check, then the one-pass scan (`canonical_scan`); `false` means "ask the full
/// parser", which also reports where bytes that are not UTF-8 go wrong.
fn is_certainly_canonical(bytes: &[u8]) -> bool {
    simdutf8::basic::from_utf8(bytes).is_ok_and(crate::canonical_scan::is_canonical)
}

/// The full parser: builds the value with the JSON path of every node, then compares the
/// input with its JCS serialisation. Slow, but it names the first rule broken and where.
fn parse_canonical_slow(bytes: &[u8]) -> Result<Value, CanonicalError> {
    if let Err(e) = std::str::from_utf8(bytes) {
        return Err(CanonicalError::InvalidUtf8 {
            offset: e.valid_up_to(),
        });
    }
    let slot = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let parsed = Node {
        path: String::new(),
        slot: &slot,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v));
    let value = match parsed {
        Ok(v) => v,
        Err(e) => {
            return Err(slot.into_inner().unwrap_or(CanonicalError::Syntax {
                message: e.to_string(),
            }));
        }
    };
    let canonical =
        serde_json_canonicalizer::to_vec(&value).map_err(|e| CanonicalError::Serialize {
            message: e.to_string(),
        })?;
    if canonical != bytes {
        let offset = canonical
            .iter()
            .zip(bytes)
            .position(|(a, b)| a != b)
            .unwrap_or(canonical.len().min(bytes.len()));
        let snip =
            |b: &[u8]| String::from_utf8_lossy(&b[offset..b.len().min(offset + 24)]).into_owned();
        return Err(CanonicalError::NotCanonical {
            offset,
            found: snip(bytes),
            expected: snip(&canonical),
        });
    }
    Ok(value)
}

/// Human form of a JSON path: `""` is the document itself.
fn display_path(path: &str) -> String {
    if path.is_empty() {
        "(document root)".to_owned()
    } else {
        path.to_owned()
    }
}

fn push_key(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

fn push_index(path: &mut String, i: usize) {
    use fmt::Write as _;
    let _ = write!(path, "[{i}]");
}

fn check_int(i: i128, path: &str) -> Result<(), CanonicalError> {
    if i.abs() > i128::from(MAX_SAFE_INTEGER) {
        return Err(CanonicalError::IntegerOutOfRange {
            path: display_path(path),
            value: i.to_string(),
        });
    }
    Ok(())
}

fn check_nfc(s: &str, path: &str, what: &'static str) -> Result<(), CanonicalError> {
    let ok = match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => unicode_normalization::is_nfc(s),
    };
    if ok {
        Ok(())
    } else {
        let path = if what == "key" {
            let mut p = path.to_owned();
            push_key(&mut p, s);
            p
        } else {
            display_path(path)
        };
        Err(CanonicalError::NotNfc {
            path,
            what,
            text: s.to_owned(),
        })
    }
}

/// Deserialisation seed that builds a [`Value`] while enforcing the rules, tracking the path.
struct Node<'a> {
    path: String,
    slot: &'a RefCell<Option<CanonicalError>>,
}

impl Node<'_> {
    fn fail<E: de::Error>(&self, e: CanonicalError) -> E {
        let msg = e.to_string();
        *self.slot.borrow_mut() = Some(e);
        E::custom(msg)
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        check_int(i128::from(v), &self.path).map_err(|e| self.fail(e))?;
        Ok(Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        check_int(i128::from(v), &self.path).map_err(|e| self.fail(e))?;
        Ok(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Err(self.fail(CanonicalError::Float {
            path: display_path(&self.path),
            value: v.to_string(),
        }))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        check_nfc(v, &self.path, "string").map_err(|e| self.fail(e))?;
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        check_nfc(&v, &self.path, "string").map_err(|e| self.fail(e))?;
        Ok(Value::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        loop {
            let mut path = self.path.clone();
            push_index(&mut path, out.len());
            match seq.next_element_seed(Node {
                path,
                slot: self.slot,
            })? {
                Some(v) => out.push(v),
                None => return Ok(Value::Array(out)),
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            check_nfc(&key, &self.path, "key").map_err(|e| self.fail(e))?;
            if out.contains_key(&key) {
                return Err(self.fail(CanonicalError::DuplicateKey {
                    path: display_path(&self.path),
                    key,
                }));
            }
            let mut path = self.path.clone();
            push_key(&mut path, &key);
            let v = map.next_value_seed(Node {
                path,
                slot: self.slot,
            })?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}
