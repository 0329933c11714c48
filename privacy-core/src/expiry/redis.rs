//! Native expiry on the service's own Redis keys, async over any
//! [`redis::aio::ConnectionLike`] (a `MultiplexedConnection` or a `ConnectionManager`).
//!
//! The deadline engine says when a record must be gone; [`KeyExpiry::from_deadline`] turns that
//! into what the key needs (`PEXPIREAT` in integer milliseconds, `PERSIST`, or deletion) and
//! [`apply`] sends it. Under a legal hold the key is persisted ([`hold`]); on release the
//! deadline is set again ([`release`]). A plain `SET` drops a key's expiry: write through
//! [`write`](fn@write), which sets the value and its expiry in one command.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use chrono::{TimeDelta, Utc};
//! use privacy_core::deadline::Deadline;
//! use privacy_core::expiry::{redis::{apply, hold, release, Applied, KeyExpiry}, Key};
//!
//! let now = Utc::now();
//! let week = now + TimeDelta::days(7);
//! let expiry = KeyExpiry::from_deadline(Deadline::At(week), false, now)?;
//! assert_eq!(expiry, KeyExpiry::At(week));
//!
//! let client = redis::Client::open("redis://127.0.0.1:6379")?;
//! // Needs a Redis server: without one there is nothing more to show.
//! let Ok(mut connection) = client.get_multiplexed_async_connection().await else { return Ok(()) };
//! let key = Key::new(["doc-example", &std::process::id().to_string(), "module"]);
//! redis::cmd("SET").arg(key.as_str()).arg("x").query_async::<()>(&mut connection).await?;
//! assert!(matches!(apply(&mut connection, &key, expiry).await?, Applied::ExpiresAt(_)));
//! assert_eq!(hold(&mut connection, &key).await?, Applied::Persisted);
//! assert!(matches!(release(&mut connection, &key, Deadline::At(week), now).await?, Applied::ExpiresAt(_)));
//! redis::cmd("DEL").arg(key.as_str()).query_async::<()>(&mut connection).await?;
//! # Ok(())
//! # }
//! ```

use super::{ExpiryError, Key, check_horizon};
use crate::deadline::Deadline;
use chrono::{DateTime, Utc};
use redis::aio::ConnectionLike;

/// Why a key is deleted rather than given an expiry.
///
/// ```
/// use privacy_core::expiry::redis::Removal;
/// assert_ne!(Removal::NeverStore, Removal::Due);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Removal {
    /// The record may not be stored at all (ephemeral, or end users' data of an opted-out
    /// tenant).
    NeverStore,
    /// The deadline has passed.
    Due,
}

/// What a key's native expiry must be.
///
/// ```
/// use chrono::{TimeDelta, Utc};
/// use privacy_core::deadline::Deadline;
/// use privacy_core::expiry::redis::{KeyExpiry, Removal};
/// let now = Utc::now();
/// let week = now + TimeDelta::days(7);
/// assert_eq!(KeyExpiry::from_deadline(Deadline::At(week), false, now).unwrap(), KeyExpiry::At(week));
/// // Under a hold nothing expires.
/// assert_eq!(KeyExpiry::from_deadline(Deadline::At(week), true, now).unwrap(), KeyExpiry::Persist);
/// assert_eq!(KeyExpiry::from_deadline(Deadline::WhileActive, false, now).unwrap(), KeyExpiry::Persist);
/// assert_eq!(
///     KeyExpiry::from_deadline(Deadline::NeverStore, false, now).unwrap(),
///     KeyExpiry::Delete(Removal::NeverStore)
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyExpiry {
    /// `PEXPIREAT` at this instant (in integer milliseconds since the Unix epoch).
    At(DateTime<Utc>),
    /// `PERSIST`: no expiry (a legal hold, or kept while the customer's account is active).
    Persist,
    /// `DEL`.
    Delete(Removal),
}

impl KeyExpiry {
    /// The expiry of a key whose record has `deadline`, held or not, at `now` (the engine's
    /// clock).
    ///
    /// # Errors
    /// [`ExpiryError::BeyondHorizon`] for a deadline more than
    /// [`HORIZON_YEARS`](super::HORIZON_YEARS) years after `now`, held or not: an absurd
    /// period is refused, never written.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::Utc;
    /// use privacy_core::deadline::Deadline;
    /// use privacy_core::expiry::redis::{KeyExpiry, Removal};
    /// let now = Utc::now();
    /// let past = KeyExpiry::from_deadline(Deadline::At(now), false, now).unwrap();
    /// assert_eq!(past, KeyExpiry::Delete(Removal::Due));
    /// let far = now.checked_add_months(chrono::Months::new(5_000 * 12)).unwrap();
    /// assert!(KeyExpiry::from_deadline(Deadline::At(far), false, now).is_err());
    /// ```
    pub fn from_deadline(
        deadline: Deadline,
        held: bool,
        now: DateTime<Utc>,
    ) -> Result<KeyExpiry, ExpiryError> {
        let deadline = check_horizon(deadline, now)?;
        if held {
            return Ok(KeyExpiry::Persist);
        }
        Ok(match deadline {
            Deadline::At(at) if at <= now => KeyExpiry::Delete(Removal::Due),
            Deadline::At(at) => KeyExpiry::At(at),
            Deadline::WhileActive => KeyExpiry::Persist,
            Deadline::NeverStore => KeyExpiry::Delete(Removal::NeverStore),
        })
    }
}

/// What [`apply`] did.
///
/// ```
/// use privacy_core::expiry::redis::{Applied, Removal};
/// assert_ne!(Applied::Deleted(Removal::NeverStore), Applied::Missing);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applied {
    /// The key expires at this instant.
    ExpiresAt(DateTime<Utc>),
    /// The key no longer expires.
    Persisted,
    /// The key was deleted, for this reason.
    Deleted(Removal),
    /// The key did not exist: nothing was set.
    Missing,
}

/// `at` in whole milliseconds since the Unix epoch, never negative, and within the horizon of
/// the system clock (a backstop for a [`KeyExpiry::At`] built by hand rather than by
/// [`KeyExpiry::from_deadline`]).
fn unix_millis(at: DateTime<Utc>) -> Result<u64, ExpiryError> {
    check_horizon(Deadline::At(at), Utc::now())?;
    u64::try_from(at.timestamp_millis()).map_err(|_| ExpiryError::Unrepresentable {
        what: "deadline before 1970",
    })
}

fn failed(command: &'static str) -> impl FnOnce(redis::RedisError) -> ExpiryError {
    move |source| ExpiryError::Redis { command, source }
}

/// Sends the command `name` with the arguments `args` adds; an error names the command, never
/// its arguments.
async fn send<C, T>(
    connection: &mut C,
    name: &'static str,
    args: impl FnOnce(&mut redis::Cmd) + Send,
) -> Result<T, ExpiryError>
where
    C: ConnectionLike + Send,
    T: redis::FromRedisValue,
{
    let mut command = redis::cmd(name);
    args(&mut command);
    command.query_async(connection).await.map_err(failed(name))
}

/// Sets `expiry` on `key`.
///
/// # Errors
/// [`ExpiryError::Redis`] when the command fails (the cause through `source()`);
/// [`ExpiryError::BeyondHorizon`] for an instant more than
/// [`HORIZON_YEARS`](super::HORIZON_YEARS) years after the system clock's now, and
/// [`ExpiryError::Unrepresentable`] for one before the Unix epoch (neither is produced by
/// [`KeyExpiry::from_deadline`], which refuses the first and deletes due keys); nothing is sent.
///
/// # Examples
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use privacy_core::expiry::{redis::{apply, Applied, KeyExpiry, Removal}, Key};
/// let client = redis::Client::open("redis://127.0.0.1:6379")?;
/// // Needs a Redis server: without one there is nothing to show.
/// let Ok(mut connection) = client.get_multiplexed_async_connection().await else { return Ok(()) };
/// let key = Key::new(["doc-example", &std::process::id().to_string(), "never-stored"]);
/// redis::cmd("SET").arg(key.as_str()).arg("x").query_async::<()>(&mut connection).await?;
/// let applied = apply(&mut connection, &key, KeyExpiry::Delete(Removal::NeverStore)).await?;
/// assert_eq!(applied, Applied::Deleted(Removal::NeverStore));
/// # Ok(())
/// # }
/// ```
pub async fn apply<C>(
    connection: &mut C,
    key: &Key,
    expiry: KeyExpiry,
) -> Result<Applied, ExpiryError>
where
    C: ConnectionLike + Send,
{
    let key = key.as_str();
    let (found, done) = match expiry {
        KeyExpiry::At(at) => {
            let millis = unix_millis(at)?;
            let set = send(connection, "PEXPIREAT", |command| {
                command.arg(key).arg(millis);
            });
            (set.await?, Applied::ExpiresAt(at))
        }
        KeyExpiry::Persist => {
            // PERSIST answers 0 both for a missing key and for one without expiry: ask both
            // in one transaction.
            let (exists, _removed): (i64, i64) = redis::pipe()
                .atomic()
                .cmd("EXISTS")
                .arg(key)
                .cmd("PERSIST")
                .arg(key)
                .query_async(connection)
                .await
                .map_err(failed("PERSIST"))?;
            (exists, Applied::Persisted)
        }
        KeyExpiry::Delete(removal) => {
            let deleted = send(connection, "DEL", |command| {
                command.arg(key);
            });
            (deleted.await?, Applied::Deleted(removal))
        }
    };
    // Each command answers how many keys it found: 1, or 0 for a missing key.
    Ok(if found == 1 { done } else { Applied::Missing })
}

/// Writes `value` at `key` together with its expiry, in one command: `SET key value PXAT <ms>`
/// for an instant, a plain `SET` for no expiry; for a deletion nothing is written and the key is
/// deleted. A `SET` without expiry drops the key's earlier one, and a `SET` followed by a
/// separate `PEXPIREAT` leaves a key without expiry if the service stops in between: writing
/// through this function closes both gaps.
///
/// # Errors
/// As [`apply`]; the error never quotes the value.
///
/// # Examples
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::{TimeDelta, Utc};
/// use privacy_core::deadline::Deadline;
/// use privacy_core::expiry::{redis::{write, Applied, KeyExpiry, Removal}, Key};
/// let client = redis::Client::open("redis://127.0.0.1:6379")?;
/// // Needs a Redis server: without one there is nothing to show.
/// let Ok(mut connection) = client.get_multiplexed_async_connection().await else { return Ok(()) };
/// let key = Key::new(["doc-example", &std::process::id().to_string(), "write"]);
/// let now = Utc::now();
/// let at = now + TimeDelta::minutes(1);
/// let expiry = KeyExpiry::from_deadline(Deadline::At(at), false, now)?;
/// assert_eq!(write(&mut connection, &key, "hello", expiry).await?, Applied::ExpiresAt(at));
/// let never = KeyExpiry::from_deadline(Deadline::NeverStore, false, now)?;
/// assert_eq!(write(&mut connection, &key, "hello", never).await?, Applied::Deleted(Removal::NeverStore));
/// # Ok(())
/// # }
/// ```
pub async fn write<C, V>(
    connection: &mut C,
    key: &Key,
    value: V,
    expiry: KeyExpiry,
) -> Result<Applied, ExpiryError>
where
    C: ConnectionLike + Send,
    V: redis::ToRedisArgs + Send + Sync,
{
    let (expires, applied) = match expiry {
        KeyExpiry::At(at) => (Some(unix_millis(at)?), Applied::ExpiresAt(at)),
        KeyExpiry::Persist => (None, Applied::Persisted),
        KeyExpiry::Delete(_) => return apply(connection, key, expiry).await,
    };
    let () = send(connection, "SET", |command| {
        command.arg(key.as_str()).arg(value);
        if let Some(millis) = expires {
            command.arg("PXAT").arg(millis);
        }
    })
    .await?;
    Ok(applied)
}

/// Sets the native expiry of `key` from its record's `deadline` (not held), at `now`.
///
/// # Errors
/// As [`KeyExpiry::from_deadline`] and [`apply`]; on an absurd deadline nothing is sent.
///
/// # Examples
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::{TimeDelta, Utc};
/// use privacy_core::deadline::Deadline;
/// use privacy_core::expiry::{redis::{expire, Applied}, Key};
/// let client = redis::Client::open("redis://127.0.0.1:6379")?;
/// // Needs a Redis server: without one there is nothing to show.
/// let Ok(mut connection) = client.get_multiplexed_async_connection().await else { return Ok(()) };
/// let key = Key::new(["doc-example", &std::process::id().to_string(), "expire"]);
/// redis::cmd("SET").arg(key.as_str()).arg("x").query_async::<()>(&mut connection).await?;
/// let now = Utc::now();
/// let applied = expire(&mut connection, &key, Deadline::At(now + TimeDelta::minutes(1)), now).await?;
/// assert!(matches!(applied, Applied::ExpiresAt(_)));
/// redis::cmd("DEL").arg(key.as_str()).query_async::<()>(&mut connection).await?;
/// # Ok(())
/// # }
/// ```
pub async fn expire<C>(
    connection: &mut C,
    key: &Key,
    deadline: Deadline,
    now: DateTime<Utc>,
) -> Result<Applied, ExpiryError>
where
    C: ConnectionLike + Send,
{
    let expiry = KeyExpiry::from_deadline(deadline, false, now)?;
    apply(connection, key, expiry).await
}

/// Puts `key` under a legal hold: `PERSIST`, so Redis never expires it while held.
///
/// # Errors
/// [`ExpiryError::Redis`] when the command fails.
///
/// # Examples
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use privacy_core::expiry::{redis::{hold, Applied}, Key};
/// let client = redis::Client::open("redis://127.0.0.1:6379")?;
/// // Needs a Redis server: without one there is nothing to show.
/// let Ok(mut connection) = client.get_multiplexed_async_connection().await else { return Ok(()) };
/// let key = Key::new(["doc-example", &std::process::id().to_string(), "absent"]);
/// assert_eq!(hold(&mut connection, &key).await?, Applied::Missing);
/// # Ok(())
/// # }
/// ```
pub async fn hold<C>(connection: &mut C, key: &Key) -> Result<Applied, ExpiryError>
where
    C: ConnectionLike + Send,
{
    apply(connection, key, KeyExpiry::Persist).await
}

/// Releases the hold on `key`: its record's `deadline` applies again (a deadline passed during
/// the hold deletes the key).
///
/// # Errors
/// As [`expire`].
///
/// # Examples
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::{TimeDelta, Utc};
/// use privacy_core::deadline::Deadline;
/// use privacy_core::expiry::{redis::{release, Applied, Removal}, Key};
/// let client = redis::Client::open("redis://127.0.0.1:6379")?;
/// // Needs a Redis server: without one there is nothing to show.
/// let Ok(mut connection) = client.get_multiplexed_async_connection().await else { return Ok(()) };
/// let key = Key::new(["doc-example", &std::process::id().to_string(), "released"]);
/// redis::cmd("SET").arg(key.as_str()).arg("x").query_async::<()>(&mut connection).await?;
/// let now = Utc::now();
/// let applied = release(&mut connection, &key, Deadline::At(now - TimeDelta::days(1)), now).await?;
/// assert_eq!(applied, Applied::Deleted(Removal::Due));
/// # Ok(())
/// # }
/// ```
pub async fn release<C>(
    connection: &mut C,
    key: &Key,
    deadline: Deadline,
    now: DateTime<Utc>,
) -> Result<Applied, ExpiryError>
where
    C: ConnectionLike + Send,
{
    expire(connection, key, deadline, now).await
}
