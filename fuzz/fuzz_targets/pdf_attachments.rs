//! PDF bytes given to `verify`: embedded attachments are extracted (or a typed error).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = minutebook_export::extract_attachments(data);
});
