//! Meeting interchange JSON → parse → domain; whatever parses must export and re-import to the
//! same bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;
use minutebook_record::interchange::MeetingFile;

fuzz_target!(|data: &[u8]| {
    let Ok(file) = MeetingFile::parse(data) else {
        return;
    };
    if file.to_domain().is_err() {
        return;
    }
    let out = file.to_json();
    let again = MeetingFile::parse(&out).expect("exported file re-parses");
    assert_eq!(again.to_json(), out, "export → import → export differs");
});
