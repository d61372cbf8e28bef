//! Bundle folder form: (path, bytes) entries → bundle → verification report.
//!
//! Input layout, repeated: one byte path length, the path, two bytes (LE) content length, the
//! content. Truncated tails are cut short.
#![no_main]
use libfuzzer_sys::fuzz_target;
use minutebook_sign::bundle::{Bundle, BundleLimits};
use minutebook_sign::trust::TrustStore;
use minutebook_sign::verify::{VerifyOptions, verify_bundle};

fn split(mut data: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    while let Some((&n, rest)) = data.split_first() {
        let n = (n as usize).min(rest.len());
        let path = String::from_utf8_lossy(&rest[..n]).into_owned();
        data = &rest[n..];
        let len = match data {
            [a, b, ..] => u16::from_le_bytes([*a, *b]) as usize,
            _ => 0,
        };
        data = data.get(2..).unwrap_or(&[]);
        let len = len.min(data.len());
        out.push((path, data[..len].to_vec()));
        data = &data[len..];
    }
    out
}

fuzz_target!(|data: &[u8]| {
    if let Ok(b) = Bundle::from_entries(split(data), BundleLimits::default()) {
        let _ = verify_bundle(&b, &TrustStore::new(), &VerifyOptions::default());
    }
});
