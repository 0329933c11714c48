//! Native expiry on the keys and streams the service writes itself (Redis, NATS JetStream),
//! from the same deadline engine as the SQL sweeper.
//!
//! - [`Key`]: keys built from parts (namespace, type, tenant, id) without separator collisions.
//! - `redis` (feature `redis`): `PEXPIREAT` from a record's
//!   [`Deadline`] in integer milliseconds, `PERSIST` under a legal
//!   hold and the deadline again on release, the key deleted when the record may not be stored.
//! - `nats` (feature `nats`): a type's retention applied as the `max_age` of a JetStream stream or
//!   KV bucket on the running server, or refused where one stream-wide age cannot say the rule
//!   ("not expressible natively: needs the sweeper").
//!
//! Deadlines and periods more than [`HORIZON_YEARS`] years ahead are refused with
//! [`ExpiryError::BeyondHorizon`]: no absurd period becomes an overflowed, negative or
//! floating-point expiry. Errors keep their cause through [`std::error::Error::source`] and never
//! quote a key, a stored value or an instant taken from a record.
//!
//! ```
//! use chrono::{TimeDelta, Utc};
//! use privacy_core::deadline::Deadline;
//! use privacy_core::expiry::{check_horizon, ExpiryError, Key};
//!
//! let key = Key::new(["chat", "acme", "x\u{1f}y"]);
//! assert_ne!(key, Key::new(["chat", "acme\u{1f}x", "y"]));
//!
//! let now = Utc::now();
//! assert!(check_horizon(Deadline::At(now + TimeDelta::days(7)), now).is_ok());
//! let in_5000_years = now.checked_add_months(chrono::Months::new(5_000 * 12)).unwrap();
//! assert!(matches!(
//!     check_horizon(Deadline::At(in_5000_years), now),
//!     Err(ExpiryError::BeyondHorizon { .. })
//! ));
//! ```

mod key;
#[cfg(feature = "nats")]
pub mod nats;
#[cfg(feature = "redis")]
pub mod redis;

pub use key::Key;

use crate::deadline::{Deadline, DeadlineError};
use crate::{Period, TimeUnit};
use chrono::{DateTime, Utc};
use core::fmt;

/// How far ahead, in years, a deadline or a period may reach; beyond it the expiry is refused
/// as absurd (the tenant decisions of the engine refuse periods over 100 years the same way).
///
/// ```
/// assert_eq!(privacy_core::expiry::HORIZON_YEARS, 100);
/// ```
pub const HORIZON_YEARS: u32 = 100;

/// The horizon as a period.
const HORIZON: Period = Period::new(HORIZON_YEARS, TimeUnit::Years);

/// `deadline`, unless it is an instant more than [`HORIZON_YEARS`] years after `now`.
///
/// # Errors
/// [`ExpiryError::BeyondHorizon`] when the deadline is past the horizon (or `now` plus the
/// horizon is past the calendar).
///
/// # Examples
///
/// ```
/// use chrono::{TimeDelta, Utc};
/// use privacy_core::deadline::Deadline;
/// use privacy_core::expiry::check_horizon;
/// let now = Utc::now();
/// assert!(matches!(check_horizon(Deadline::WhileActive, now), Ok(Deadline::WhileActive)));
/// assert!(check_horizon(Deadline::At(chrono::DateTime::<Utc>::MAX_UTC), now).is_err());
/// ```
pub fn check_horizon(deadline: Deadline, now: DateTime<Utc>) -> Result<Deadline, ExpiryError> {
    match deadline {
        Deadline::At(at) => match HORIZON.after(now) {
            Some(horizon) if at <= horizon => Ok(deadline),
            _ => Err(ExpiryError::BeyondHorizon { what: "deadline" }),
        },
        Deadline::WhileActive | Deadline::NeverStore => Ok(deadline),
    }
}

/// Whether `period` is never longer than the horizon, whatever the calendar.
#[cfg(feature = "nats")]
fn within_horizon(period: Period) -> bool {
    period.at_most(HORIZON)
}

/// Why a native expiry was not set.
///
/// ```
/// use privacy_core::expiry::ExpiryError;
/// let error = ExpiryError::NeedsSweeper { type_name: "Config", reason: "kept until termination".into() };
/// assert!(error.to_string().starts_with("not expressible natively: needs the sweeper"));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum ExpiryError {
    /// A deadline or period more than [`HORIZON_YEARS`] years ahead: refused as absurd.
    BeyondHorizon {
        /// What was too far: `"deadline"`, `"period"` or `"chosen period"`.
        what: &'static str,
    },
    /// The deadline engine refused the record's type or the tenant's choice.
    Deadline(DeadlineError),
    /// The type's records may not be stored at all (ephemeral, or end users' data of a tenant
    /// that opted out of storage): no expiry fits, the data must not be written.
    NeverStored {
        /// The type.
        type_name: &'static str,
    },
    /// The class cannot be one native expiry of the whole stream (it counts from an account's
    /// termination, say): the SQL sweeper or the service must delete.
    NeedsSweeper {
        /// The type.
        type_name: &'static str,
        /// Why.
        reason: String,
    },
    /// A stream or bucket name the server would refuse or read as a pattern.
    InvalidName {
        /// What was named: `"stream"` or `"bucket"`.
        what: &'static str,
    },
    /// The store answered the retention with an expiry it cannot hold.
    Unrepresentable {
        /// What could not be represented.
        what: &'static str,
    },
    /// A Redis command failed.
    #[cfg(feature = "redis")]
    Redis {
        /// The command.
        command: &'static str,
        /// The cause.
        source: ::redis::RedisError,
    },
    /// A NATS request failed.
    #[cfg(feature = "nats")]
    Nats {
        /// What was asked of the server.
        operation: &'static str,
        /// The cause.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl fmt::Display for ExpiryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExpiryError::BeyondHorizon { what } => write!(
                f,
                "the {what} is more than {HORIZON_YEARS} years ahead: refused as absurd; choose a period of at most {HORIZON_YEARS} years"
            ),
            ExpiryError::Deadline(error) => write!(f, "no deadline: {error}"),
            ExpiryError::NeverStored { type_name } => write!(
                f,
                "`{type_name}` records may not be stored at all (ephemeral, or end users' data of a tenant that opted out): do not write them"
            ),
            ExpiryError::NeedsSweeper { type_name, reason } => write!(
                f,
                "not expressible natively: needs the sweeper (`{type_name}`: {reason})"
            ),
            ExpiryError::InvalidName { what } => write!(
                f,
                "invalid {what} name: use letters, digits, `-` and `_` only"
            ),
            ExpiryError::Unrepresentable { what } => {
                write!(f, "the {what} cannot be represented by the store")
            }
            #[cfg(feature = "redis")]
            ExpiryError::Redis { command, .. } => write!(f, "Redis `{command}` failed"),
            #[cfg(feature = "nats")]
            ExpiryError::Nats { operation, .. } => write!(f, "NATS: {operation} failed"),
        }
    }
}

impl std::error::Error for ExpiryError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExpiryError::Deadline(error) => Some(error),
            #[cfg(feature = "redis")]
            ExpiryError::Redis { source, .. } => Some(source),
            #[cfg(feature = "nats")]
            ExpiryError::Nats { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

impl From<DeadlineError> for ExpiryError {
    fn from(error: DeadlineError) -> Self {
        ExpiryError::Deadline(error)
    }
}
