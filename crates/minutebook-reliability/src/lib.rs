//! # minutebook-reliability
//!
//! Harnesses that turn Minutebook's durability promises into numbers
//! (`docs/reliability.md`):
//!
//! - [`torture`]: a child process edits a real minute book through `minutebook-store` and
//!   acknowledges each save only after it returned `Ok`; the parent SIGKILLs it at random
//!   moments (crash mode) or SIGSTOPs it and copies the files as they are at that instant
//!   (power-loss snapshot mode), then checks integrity, the audit chain and that no
//!   acknowledged edit is lost;
//! - [`fixture`]: the March 2026 case as a minute book, and the deterministic edit sequence the
//!   harnesses and tests apply to it;
//! - [`Rng`]: a small seeded generator, so every run can be replayed from its seed.
//!
//! The disk-full, backup-under-load, zip-safety, regression and property tests live in
//! `tests/`.

pub mod fixture;
pub mod torture;

/// SplitMix64: a tiny, seedable, reproducible generator (not for cryptography).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator whose whole sequence is fixed by `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// A delay spread log-uniformly between `lo_us` and `hi_us` microseconds, so that short
    /// delays (kills during open and recovery) are as common as long ones (kills mid-save).
    pub fn log_uniform_us(&mut self, lo_us: u64, hi_us: u64) -> u64 {
        let (lo, hi) = ((lo_us.max(1)) as f64, (hi_us.max(lo_us + 1)) as f64);
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        (lo * (hi / lo).powf(u)) as u64
    }
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
