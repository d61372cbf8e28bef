//! `dalek-verify DIR` — the floor for bundle verification: for every bundle folder in `DIR`,
//! reads each `signatures/NN-role.json`, `.sig` and `.pub.pem` and checks the signature with raw
//! `ed25519-dalek` `verify_strict`, nothing else (no record hash, trust, roles or chain).
//! Prints the count and the time spent in `verify_strict` alone. Exit 1 if any fails.

use std::path::Path;
use std::time::{Duration, Instant};

use ed25519_dalek::Signature;
use minutebook_sign::keys::parse_public_key_pem;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "bench/data/bundles".to_owned());
    let mut dirs: Vec<_> = std::fs::read_dir(Path::new(&dir))
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    dirs.sort();
    let (mut ok, mut bad) = (0u64, 0u64);
    let mut in_verify = Duration::ZERO;
    for d in dirs {
        for n in 1..=9 {
            for role in ["chair", "minute-taker", "member"] {
                let stem = d.join("signatures").join(format!("{n:02}-{role}"));
                let Ok(att) = std::fs::read(stem.with_extension("json")) else {
                    continue;
                };
                let sig = std::fs::read(stem.with_extension("sig")).unwrap_or_default();
                let pem =
                    std::fs::read_to_string(stem.with_extension("pub.pem")).unwrap_or_default();
                let (Ok(vk), Ok(sig)) = (parse_public_key_pem(&pem), Signature::from_slice(&sig))
                else {
                    bad += 1;
                    continue;
                };
                let t = Instant::now();
                let r = vk.verify_strict(&att, &sig);
                in_verify += t.elapsed();
                if r.is_ok() { ok += 1 } else { bad += 1 }
            }
        }
    }
    println!(
        "{ok} valid, {bad} invalid; verify_strict alone {:.1} ms",
        in_verify.as_secs_f64() * 1e3
    );
    if bad > 0 || ok == 0 {
        std::process::exit(1);
    }
}
