//! The one check every enum's codes get: each variant round-trips through `code` and
//! `from_code`, and the codes are exactly the strings already signed and stored.

use std::fmt::Debug;

/// Asserts that every value of `all` round-trips, that the codes are `expected` in order, and
/// that a string that is no code is refused.
pub(crate) fn assert_codes<T: Copy + PartialEq + Debug>(
    all: &[T],
    code: fn(T) -> &'static str,
    from_code: fn(&str) -> Option<T>,
    expected: &[&str],
) {
    for &v in all {
        assert_eq!(from_code(code(v)), Some(v), "{v:?}");
    }
    let codes: Vec<&str> = all.iter().map(|&v| code(v)).collect();
    assert_eq!(codes, expected);
    assert_eq!(from_code("no-such-code"), None);
    assert_eq!(from_code(""), None);
}
