//! Attestation JSON and the strict canonical parser; canonical output must be a fixed point.
#![no_main]
use libfuzzer_sys::fuzz_target;
use minutebook_sign::attestation::Attestation;
use minutebook_sign::canonical::{parse_canonical, to_canonical_bytes};

fuzz_target!(|data: &[u8]| {
    let _ = Attestation::parse(data);
    if let Ok(v) = parse_canonical(data) {
        let bytes = to_canonical_bytes(&v).expect("a parsed canonical value re-serialises");
        assert_eq!(bytes, data, "canonical parse accepted non-canonical bytes");
    }
    let _ = minutebook_sign::record::Record::from_bytes(data.to_vec());
});
