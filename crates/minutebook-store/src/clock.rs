//! Where the store gets "now" from: passed in, so tests use fixed times and no logic reads
//! the system clock behind the caller's back.

use std::sync::Mutex;

use time::{Duration, OffsetDateTime};

/// A source of the current time for audit entries, record versions, keys and backup names.
pub trait Clock: Send + Sync {
    /// The current instant. Stored as RFC 3339 with the offset it carries.
    fn now(&self) -> OffsetDateTime;
}

/// The operating system's clock, in UTC. The only place the store reads real time.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }
}

/// A clock for tests: starts at a fixed instant and advances by `step` on every reading
/// (a zero step gives the same instant every time).
#[derive(Debug)]
pub struct FixedClock {
    next: Mutex<OffsetDateTime>,
    step: Duration,
}

impl FixedClock {
    /// A clock that always reads `at`.
    pub fn at(at: OffsetDateTime) -> Self {
        Self::stepping(at, Duration::ZERO)
    }

    /// A clock that reads `start`, then `start + step`, and so on.
    pub fn stepping(start: OffsetDateTime, step: Duration) -> Self {
        FixedClock {
            next: Mutex::new(start),
            step,
        }
    }
}

impl Clock for FixedClock {
    fn now(&self) -> OffsetDateTime {
        let mut next = self.next.lock().unwrap_or_else(|p| p.into_inner());
        let now = *next;
        *next = now + self.step;
        now
    }
}
