//! Attestation JSON and the strict canonical parser; canonical output must be a fixed point,
//! and the one-pass fast path must never accept what the full parser refuses.
#![no_main]
use libfuzzer_sys::fuzz_target;
use minutebook_sign::attestation::Attestation;
use minutebook_sign::canonical::{
    fast_path_accepts, parse_canonical, parse_canonical_full, to_canonical_bytes,
};

fuzz_target!(|data: &[u8]| {
    let _ = Attestation::parse(data);
    if let Ok(v) = parse_canonical(data) {
        let bytes = to_canonical_bytes(&v).expect("a parsed canonical value re-serialises");
        assert_eq!(bytes, data, "canonical parse accepted non-canonical bytes");
    }
    if fast_path_accepts(data) {
        assert_eq!(
            parse_canonical(data).ok(),
            Some(parse_canonical_full(data).expect("the fast path accepted what the full parser refuses"))
        );
    }
    let _ = minutebook_sign::record::Record::from_bytes(data.to_vec());
});
