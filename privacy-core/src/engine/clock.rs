//! The engine's time: the system clock in production, a settable clock in tests and
//! simulations. Every deadline the engine computes reads this clock, never the database's.

use chrono::{DateTime, TimeDelta, Utc};
use std::sync::{Arc, Mutex, PoisonError};

/// Where the engine reads the time.
///
/// ```
/// use privacy_core::engine::Clock;
/// let start = chrono::DateTime::UNIX_EPOCH;
/// let clock = Clock::manual(start);
/// clock.advance(chrono::TimeDelta::days(1));
/// assert_eq!(clock.now(), start + chrono::TimeDelta::days(1));
/// assert!(Clock::system().now() > start);
/// ```
#[derive(Clone, Debug)]
pub struct Clock(Source);

#[derive(Clone, Debug)]
enum Source {
    System,
    Manual(Arc<Mutex<DateTime<Utc>>>),
}

impl Clock {
    /// The system clock.
    ///
    /// ```
    /// let before = chrono::Utc::now();
    /// assert!(privacy_core::engine::Clock::system().now() >= before);
    /// ```
    #[must_use]
    pub fn system() -> Self {
        Clock(Source::System)
    }

    /// A clock that stands at `start` until set or advanced; clones share it.
    ///
    /// ```
    /// use privacy_core::engine::Clock;
    /// let clock = Clock::manual(chrono::DateTime::UNIX_EPOCH);
    /// let shared = clock.clone();
    /// shared.set(chrono::DateTime::UNIX_EPOCH + chrono::TimeDelta::hours(1));
    /// assert_eq!(clock.now().timestamp(), 3_600);
    /// ```
    #[must_use]
    pub fn manual(start: DateTime<Utc>) -> Self {
        Clock(Source::Manual(Arc::new(Mutex::new(start))))
    }

    /// The time now.
    ///
    /// ```
    /// use privacy_core::engine::Clock;
    /// assert_eq!(Clock::manual(chrono::DateTime::UNIX_EPOCH).now(), chrono::DateTime::UNIX_EPOCH);
    /// ```
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        match &self.0 {
            Source::System => Utc::now(),
            Source::Manual(at) => *at.lock().unwrap_or_else(PoisonError::into_inner),
        }
    }

    /// Sets a manual clock to `at`; the system clock ignores it.
    ///
    /// ```
    /// use privacy_core::engine::Clock;
    /// let clock = Clock::manual(chrono::DateTime::UNIX_EPOCH);
    /// clock.set(chrono::DateTime::UNIX_EPOCH + chrono::TimeDelta::seconds(5));
    /// assert_eq!(clock.now().timestamp(), 5);
    /// ```
    pub fn set(&self, at: DateTime<Utc>) {
        if let Source::Manual(now) = &self.0 {
            *now.lock().unwrap_or_else(PoisonError::into_inner) = at;
        }
    }

    /// Moves a manual clock by `by`; the system clock ignores it.
    ///
    /// ```
    /// use privacy_core::engine::Clock;
    /// let clock = Clock::manual(chrono::DateTime::UNIX_EPOCH);
    /// clock.advance(chrono::TimeDelta::minutes(2));
    /// assert_eq!(clock.now().timestamp(), 120);
    /// ```
    pub fn advance(&self, by: TimeDelta) {
        if let Source::Manual(now) = &self.0 {
            let mut now = now.lock().unwrap_or_else(PoisonError::into_inner);
            *now = now.checked_add_signed(by).unwrap_or(*now);
        }
    }
}
