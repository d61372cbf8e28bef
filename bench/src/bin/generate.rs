//! `generate` — writes the benchmark dataset, deterministically from a seed:
//!
//! - `OUT/cells/cell-NN.db`: one minute book per cell (a Minutebook file holds one cell),
//!   `--years` × 12 meetings each, every meeting but the last two closed and signed;
//! - `OUT/long.db`: one congress-length meeting (about `--long-pages` pages), closed and signed;
//! - `OUT/bundles/`: `--bundles` signed bundle folders (every signed meeting's bundle, then
//!   re-signed copies of the earliest records at a later time until the count is reached);
//! - `OUT/trust/cell-NN.json`: each cell's pinned keys, for `minutebook verify --trust`.
//!
//! Usage: `generate --out DIR [--cells 50] [--years 10] [--seed 7] [--bundles 10000]
//! [--long-pages 100]`

use std::path::PathBuf;
use std::time::Instant;

use minutebook_api::Book;
use minutebook_bench::{Plan, generate_cell, generate_long, key_for};
use minutebook_core::SignerRole;
use minutebook_sign::bundle::Bundle;
use minutebook_sign::record::{Record, Signer};

fn arg<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> T {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let out = PathBuf::from(arg(&args, "--out", "bench/data".to_owned()));
    let cells: u32 = arg(&args, "--cells", 50);
    let years: u32 = arg(&args, "--years", 10);
    let seed: u64 = arg(&args, "--seed", 7);
    let want_bundles: usize = arg(&args, "--bundles", 10_000);
    let long_pages: u32 = arg(&args, "--long-pages", 100);
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| e.to_string())?;
    }
    for d in ["cells", "bundles", "trust"] {
        std::fs::create_dir_all(out.join(d)).map_err(|e| e.to_string())?;
    }
    let plan = Plan {
        years,
        ..Plan::default()
    };
    let t = Instant::now();
    let (mut meetings, mut signed, mut bundles) = (0, 0, 0usize);
    for c in 0..cells {
        let path = out.join(format!("cells/cell-{c:02}.db"));
        let s = generate_cell(&path, seed, c, &plan)?;
        meetings += s.meetings;
        signed += s.signed;
        let book = Book::open(&path).map_err(|e| e.to_string())?;
        std::fs::write(
            out.join(format!("trust/cell-{c:02}.json")),
            book.trust_file().map_err(|e| e.to_string())?,
        )
        .map_err(|e| e.to_string())?;
        for m in book.meetings().map_err(|e| e.to_string())? {
            if bundles < want_bundles && m.status == "signed" {
                let b = book.bundle(m.id).map_err(|e| e.to_string())?;
                b.write_dir(&out.join(format!("bundles/c{c:02}-m{:04}", m.id)))
                    .map_err(|e| e.to_string())?;
                bundles += 1;
            }
        }
        eprintln!(
            "cell {c:02}: {} meetings, {} signed, {} members",
            s.meetings, s.signed, s.members
        );
    }
    // Top up with re-signed copies (a later signing time, so new attestation bytes).
    let mut copy = 0u32;
    'outer: while bundles < want_bundles && signed > 0 {
        copy += 1;
        for c in 0..cells {
            let book = Book::open(&out.join(format!("cells/cell-{c:02}.db")))
                .map_err(|e| e.to_string())?;
            let keys = [key_for(seed, c, 0), key_for(seed, c, 1)];
            for m in book.meetings().map_err(|e| e.to_string())? {
                if bundles >= want_bundles {
                    break 'outer;
                }
                if m.status != "signed" {
                    continue;
                }
                let orig = book.bundle(m.id).map_err(|e| e.to_string())?;
                let record = Record::from_bytes(orig.record.clone()).map_err(|e| e.to_string())?;
                let mut b = Bundle::new(orig.record.clone());
                for (i, (s, role)) in orig
                    .signatures
                    .iter()
                    .zip([SignerRole::Chair, SignerRole::MinuteTaker])
                    .enumerate()
                {
                    let att: serde_json::Value =
                        serde_json::from_slice(&s.attestation).map_err(|e| e.to_string())?;
                    let signer = Signer {
                        member_id: att["signer"]["member_id"]
                            .as_str()
                            .unwrap_or_default()
                            .to_owned(),
                        full_name: att["signer"]["full_name"]
                            .as_str()
                            .unwrap_or_default()
                            .to_owned(),
                    };
                    let at = time::macros::datetime!(2026-04-01 09:00 +07:00)
                        + time::Duration::minutes(i64::from(copy));
                    b.add_signature(
                        minutebook_sign::attestation::sign_record(
                            &record, &keys[i], signer, role, at,
                        )
                        .map_err(|e| e.to_string())?,
                    );
                }
                b.write_dir(&out.join(format!("bundles/c{c:02}-m{:04}-copy{copy}", m.id)))
                    .map_err(|e| e.to_string())?;
                bundles += 1;
            }
        }
    }
    let long = generate_long(&out.join("long.db"), seed, long_pages)?;
    let manifest = serde_json::json!({
        "seed": seed, "cells": cells, "years": years, "meetings": meetings,
        "signed": signed, "bundles": bundles, "long_meeting": long, "long_pages_target": long_pages,
        "seconds": t.elapsed().as_secs_f64(),
    });
    std::fs::write(out.join("manifest.json"), manifest.to_string()).map_err(|e| e.to_string())?;
    println!("{manifest}");
    Ok(())
}
