//! The one-pass canonical check (the fast path of `parse_canonical`) against the full parser
//! it stands in for: whatever the fast path accepts, the full parser accepts with the same
//! value; and on ordinary canonical documents the fast path does answer (it is not a check
//! that always defers). Inputs: arbitrary JSON values serialised canonically and not, then
//! single-byte edits of those bytes.

use minutebook_sign::canonical::{
    fast_path_accepts, parse_canonical, parse_canonical_full, to_canonical_bytes,
};
use proptest::prelude::*;
use serde_json::{Map, Value};
use unicode_normalization::UnicodeNormalization;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        any::<String>().prop_map(|s| s.nfc().collect()),
        any::<String>().prop_map(|s| s.nfd().collect()),
        prop::sample::select(vec![
            "Nghị quyết".to_owned(),
            "dòng 1\ndòng 2\t\"trích\" \\".to_owned(),
            "\u{7f}\u{1}\u{1f}\u{8}\u{c}".to_owned(),
            "\u{2028}\u{2029}\u{feff}".to_owned(),
            "e\u{301}".to_owned(),
            "\u{1f600}\u{e000}".to_owned(),
            String::new(),
        ]),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec!["a", "b", "id", "meeting", "A", "_", "a b", "aa"]).prop_map(str::to_owned),
        1 => text(),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-(1i64 << 53) - 2..(1i64 << 53) + 2).prop_map(Value::from),
        prop::sample::select(vec![
            0i64,
            -1,
            1,
            9_007_199_254_740_991,
            -9_007_199_254_740_991
        ])
        .prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Serialisations of `v`: canonical when it can be made canonical, and serde_json's own.
fn encodings(v: &Value) -> Vec<Vec<u8>> {
    let mut out = vec![serde_json::to_vec(v).unwrap()];
    if let Ok(c) = to_canonical_bytes(v) {
        out.push(c);
    }
    out
}

fn agree(bytes: &[u8]) -> Result<(), TestCaseError> {
    if fast_path_accepts(bytes) {
        let full = parse_canonical_full(bytes);
        prop_assert!(
            full.is_ok(),
            "fast path accepted what the full parser refuses: {:?} → {:?}",
            String::from_utf8_lossy(bytes),
            full
        );
        prop_assert_eq!(parse_canonical(bytes).ok(), full.ok());
    } else {
        // The public parser still gives the full parser's verdict.
        prop_assert_eq!(parse_canonical(bytes), parse_canonical_full(bytes));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn fast_path_never_accepts_what_the_full_parser_refuses(v in value(), edit in any::<(prop::sample::Index, u8, u8)>()) {
        for bytes in encodings(&v) {
            agree(&bytes)?;
            if bytes.is_empty() { continue; }
            let (at, byte, how) = edit;
            let i = at.index(bytes.len());
            let mut e = bytes.clone();
            match how % 3 {
                0 => e[i] = byte,
                1 => e.insert(i, byte),
                _ => { e.remove(i); }
            }
            agree(&e)?;
        }
    }

    #[test]
    fn fast_path_answers_for_plain_canonical_documents(v in value()) {
        // ASCII keys without escapes, NFC text without control characters other than \n and
        // \t: the shape of every record and attestation Minutebook writes.
        let plain = plain(&v);
        if let (true, Ok(bytes)) = (plain, to_canonical_bytes(&v)) {
            prop_assert!(fast_path_accepts(&bytes), "deferred on {}", String::from_utf8_lossy(&bytes));
        }
    }
}

fn plain(v: &Value) -> bool {
    let plain_text = |s: &str| s.chars().all(|c| !c.is_control() || c == '\n' || c == '\t');
    match v {
        Value::String(s) => plain_text(s),
        Value::Array(a) => a.iter().all(plain),
        // Keys that need no escape at all (every key Minutebook writes is an identifier).
        Value::Object(m) => m.iter().all(|(k, v)| {
            k.is_ascii() && !k.contains(['"', '\\']) && !k.chars().any(char::is_control) && plain(v)
        }),
        _ => true,
    }
}

#[test]
fn fast_path_examples() {
    for ok in [
        &br#"{"a":[1,-2,0,true,false,null,"x\n\"y\\"],"b":{}}"#[..],
        br#"[]"#,
        "\"Nghị quyết\"".as_bytes(),
        br#"9007199254740991"#,
    ] {
        assert!(fast_path_accepts(ok), "{}", String::from_utf8_lossy(ok));
        assert!(parse_canonical_full(ok).is_ok());
    }
    for deferred in [
        &br#"{"b":1,"a":2}"#[..],
        br#"{"a":1,"a":1}"#,
        br#"{"a":-0}"#,
        br#"{"a":1.0}"#,
        br#"{"a":01}"#,
        br#"9007199254740992"#,
        br#"{"a":"\u0001"}"#,
        br#"{"a":"\/"}"#,
        br#"{ "a":1}"#,
        br#"{"a":1} "#,
        "\"e\u{301}\"".as_bytes(),
        br#"{"a":tru}"#,
    ] {
        assert!(
            !fast_path_accepts(deferred),
            "{}",
            String::from_utf8_lossy(deferred)
        );
    }
}
