//! Roster XLSX bytes → members or a typed error.
#![no_main]
use libfuzzer_sys::fuzz_target;

// The import contains panics of the third-party workbook reader (calamine) and refuses the
// file instead; libFuzzer's hook would abort on such a contained panic, so the default hook is
// put back. A panic that escapes the import still reaches libfuzzer-sys, which aborts: a crash.
fuzz_target!(init: { let _ = std::panic::take_hook(); }, |data: &[u8]| {
    let _ = minutebook_import::import_xlsx("roster.xlsx", data);
});
