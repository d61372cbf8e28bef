//! Bundle zip bytes → bundle (path-safe, size-capped) → verification report.
#![no_main]
use libfuzzer_sys::fuzz_target;
use minutebook_sign::bundle::{Bundle, BundleLimits};
use minutebook_sign::trust::TrustStore;
use minutebook_sign::verify::{VerifyOptions, verify_bundle};

fuzz_target!(|data: &[u8]| {
    let limits = BundleLimits {
        max_entry_bytes: 1 << 20,
        max_total_bytes: 4 << 20,
        max_entries: 64,
    };
    if let Ok(b) = Bundle::read_zip_from(std::io::Cursor::new(data), limits) {
        let _ = verify_bundle(&b, &TrustStore::new(), &VerifyOptions::default());
    }
});
