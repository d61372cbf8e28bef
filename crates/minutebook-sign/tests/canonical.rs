//! RFC 8785 canonical JSON: serialisation and the strict parser.

use minutebook_sign::canonical::{CanonicalError, parse_canonical, to_canonical_bytes};
use serde_json::json;

#[test]
fn round_trip_and_key_order() {
    let v = json!({"b": 1, "a": [true, null, "Hương"], "c": {"z": -5, "y": "x"}});
    let bytes = to_canonical_bytes(&v).unwrap();
    assert_eq!(
        std::str::from_utf8(&bytes).unwrap(),
        r#"{"a":[true,null,"Hương"],"b":1,"c":{"y":"x","z":-5}}"#
    );
    assert_eq!(parse_canonical(&bytes).unwrap(), v);
}

#[test]
fn rfc8785_key_sorting_vector() {
    // RFC 8785 §3.2.3 sorts by UTF-16 code units.
    let v = json!({"\u{20ac}": "Euro Sign", "\r": "Carriage Return", "\u{fb33}": "Hebrew Letter Dalet With Dagesh",
        "1": "One", "\u{1f600}": "Emoji: Grinning Face", "\u{80}": "Control", "\u{f6}": "Latin Small Letter O With Diaeresis"});
    let s = String::from_utf8(serde_json_canonicalizer::to_vec(&v).unwrap()).unwrap();
    let keys_order: Vec<usize> = [
        "\\r",
        "\"1\"",
        "\u{80}",
        "\u{f6}",
        "\u{20ac}",
        "\u{1f600}",
        "\u{fb33}",
    ]
    .iter()
    .map(|k| s.find(k).unwrap())
    .collect();
    assert!(keys_order.windows(2).all(|w| w[0] < w[1]), "{s}");
}

#[test]
fn rejects_duplicate_keys_with_path() {
    let e = parse_canonical(br#"{"meeting":{"agenda":[{"title":"a","title":"b"}]}}"#).unwrap_err();
    assert_eq!(
        e,
        CanonicalError::DuplicateKey {
            path: "meeting.agenda[0]".into(),
            key: "title".into()
        }
    );
    assert!(e.to_string().contains("meeting.agenda[0]"));
}

#[test]
fn rejects_floats_and_big_integers() {
    let e = parse_canonical(br#"{"a":[1,2.5]}"#).unwrap_err();
    assert!(
        matches!(e, CanonicalError::Float { ref path, .. } if path == "a[1]"),
        "{e}"
    );
    let e = parse_canonical(br#"{"n":9007199254740992}"#).unwrap_err();
    assert!(
        matches!(e, CanonicalError::IntegerOutOfRange { ref path, .. } if path == "n"),
        "{e}"
    );
    let e = parse_canonical(br#"{"n":-9007199254740992}"#).unwrap_err();
    assert!(matches!(e, CanonicalError::IntegerOutOfRange { .. }), "{e}");
    let e = parse_canonical(br#"{"n":18446744073709551616}"#).unwrap_err();
    assert!(matches!(e, CanonicalError::Float { .. }), "{e}");
    assert!(parse_canonical(br#"{"n":9007199254740991}"#).is_ok());
    assert!(to_canonical_bytes(&json!({"x": 0.5})).is_err());
    assert!(to_canonical_bytes(&json!({"x": u64::MAX})).is_err());
}

#[test]
fn rejects_nfd_in_values_and_keys() {
    let nfd = "Hu\u{031b}\u{0301}o\u{031b}ng"; // "Hướng"-like, decomposed
    let doc = format!(r#"{{"name":"{nfd}"}}"#);
    let e = parse_canonical(doc.as_bytes()).unwrap_err();
    assert!(
        matches!(e, CanonicalError::NotNfc { ref path, what: "string", .. } if path == "name"),
        "{e}"
    );
    let doc = format!(r#"{{"{nfd}":1}}"#);
    let e = parse_canonical(doc.as_bytes()).unwrap_err();
    assert!(
        matches!(e, CanonicalError::NotNfc { what: "key", .. }),
        "{e}"
    );
    assert!(to_canonical_bytes(&json!({ "n": nfd })).is_err());
}

#[test]
fn rejects_non_canonical_bytes() {
    for bad in [
        &br#"{"b":1,"a":2}"#[..],
        br#"{"a": 1}"#,
        br#"{"a":1} "#,
        br#"{"a":"\u0041"}"#,
        br#"{"a":1E1}"#,
        b"{\"a\":-0}",
    ] {
        let e = parse_canonical(bad).unwrap_err();
        assert!(
            matches!(
                e,
                CanonicalError::NotCanonical { .. } | CanonicalError::Float { .. }
            ),
            "{}: {e}",
            String::from_utf8_lossy(bad)
        );
    }
    let e = parse_canonical(br#"{"b":1,"a":2}"#).unwrap_err();
    assert!(e.to_string().contains("byte 2"), "{e}");
}

#[test]
fn rejects_invalid_utf8_and_syntax() {
    assert_eq!(
        parse_canonical(b"{\"a\":\"\xff\"}").unwrap_err(),
        CanonicalError::InvalidUtf8 { offset: 6 }
    );
    assert!(matches!(
        parse_canonical(b"{\"a\":").unwrap_err(),
        CanonicalError::Syntax { .. }
    ));
    // Lone surrogate escape.
    assert!(parse_canonical(br#"{"a":"\ud800"}"#).is_err());
}
