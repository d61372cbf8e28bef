//! Private and public key PEM import with a fixed passphrase (KDF parameters are bounded by the
//! importer before any derivation).
#![no_main]
use libfuzzer_sys::fuzz_target;
use minutebook_sign::keys::{ImportOptions, import_private_key_pem, parse_public_key_pem};

fuzz_target!(|data: &[u8]| {
    let Ok(pem) = std::str::from_utf8(data) else {
        return;
    };
    let _ = parse_public_key_pem(pem);
    let _ = import_private_key_pem(
        pem,
        b"fuzz passphrase",
        ImportOptions {
            allow_unencrypted: true,
        },
    );
});
