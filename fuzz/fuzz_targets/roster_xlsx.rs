//! Roster XLSX bytes → members or a typed error.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = minutebook_import::import_xlsx("roster.xlsx", data);
});
