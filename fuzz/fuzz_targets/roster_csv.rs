//! Roster CSV bytes (any encoding, delimiter, title rows) → members or a typed error.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = minutebook_import::import_csv("roster.csv", data);
    let _ = minutebook_import::import_roster_bytes("roster.csv", data);
});
