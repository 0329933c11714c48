//! A type's retention as the `max_age` of a JetStream stream or KV bucket on the running NATS
//! server (feature `nats`, over `async-nats`).
//!
//! `max_age` counts from each message's publication, for the whole stream: it says a fixed or
//! customer-chosen period (one stream or bucket per tenant when the period is the tenant's
//! choice), never rounded down (a month counts 31 days: a message may go late, never early; the
//! plan of [`crate::store::plan`] with [`Target::Nats`] gives the figure). A class kept until the
//! customer's account terminates cannot be one age: it is refused as "not expressible natively:
//! needs the sweeper". Data that may not be stored at all is refused too, and `max_age` is never
//! set to 0 (NATS reads 0 as unlimited).
//!
//! ```
//! use privacy_core::deadline::Tenant;
//! use privacy_core::expiry::{nats::max_age, ExpiryError};
//! use privacy_core::{im, Classified};
//!
//! #[derive(Classified)]
//! #[privacy(category = im::MonitoringData)]
//! struct Sample { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
//!
//! #[derive(Classified)]
//! #[privacy(category = im::ConfigurationData)]
//! struct Callback { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
//!
//! let age = max_age(Sample::DESCRIPTOR, &Tenant::default()).unwrap();
//! assert_eq!(age.max_age, std::time::Duration::from_secs(2 * 86_400));
//! assert!(matches!(max_age(Callback::DESCRIPTOR, &Tenant::default()), Err(ExpiryError::NeedsSweeper { .. })));
//! ```

use super::{ExpiryError, within_horizon};
use crate::deadline::{Tenant, deadline, follows_customer_choice, holds_end_user_data};
use crate::store::plan::{Target, plan};
use crate::{Retention, TypeDescriptor};
use async_nats::jetstream;
use std::time::Duration;

/// The native expiry of one type's stream, for one tenant.
///
/// ```
/// use privacy_core::deadline::Tenant;
/// use privacy_core::expiry::nats::max_age;
/// use privacy_core::{im, Classified};
/// #[derive(Classified)]
/// #[privacy(category = im::LogData)]
/// struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// let age = max_age(RequestLog::DESCRIPTOR, &Tenant::default()).unwrap();
/// assert_eq!(age.max_age.as_secs(), 7 * 86_400);
/// assert!(age.caveat.unwrap().contains("counts from the write"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StreamAge {
    /// The stream's `max_age` (never zero).
    pub max_age: Duration,
    /// How late NATS may delete at worst.
    pub worst_case_lateness: String,
    /// What the age does not say and the service or the sweeper must (a message published
    /// late after its collection is kept late by as much, say).
    pub caveat: Option<String>,
}

/// The `max_age` of a stream holding `descriptor`'s records of `tenant`.
///
/// # Errors
/// [`ExpiryError::NeverStored`] when the records may not be stored at all;
/// [`ExpiryError::NeedsSweeper`] when the class counts from the account's termination;
/// [`ExpiryError::BeyondHorizon`] for a period over [`HORIZON_YEARS`](super::HORIZON_YEARS)
/// years; [`ExpiryError::Deadline`] when the tenant's period is above the class maximum;
/// [`ExpiryError::Unrepresentable`] for a zero period (NATS would read `max_age: 0` as
/// unlimited).
///
/// # Examples
///
/// ```
/// use privacy_core::deadline::Tenant;
/// use privacy_core::expiry::{nats::max_age, ExpiryError};
/// use privacy_core::{im, Classified, Period};
/// #[derive(Classified)]
/// #[privacy(category = im::ChatMessageRecord)]
/// struct ChatMessage { #[privacy(subject)] sender: String, #[privacy(collected_at)] sent: chrono::DateTime<chrono::Utc> }
/// let thirty = Tenant { chosen_retention: Some(Period::days(30)), ..Tenant::default() };
/// assert_eq!(max_age(ChatMessage::DESCRIPTOR, &thirty).unwrap().max_age.as_secs(), 30 * 86_400);
/// let zero = Tenant { chosen_retention: Some(Period::days(0)), ..Tenant::default() };
/// assert!(matches!(max_age(ChatMessage::DESCRIPTOR, &zero), Err(ExpiryError::Unrepresentable { .. })));
/// let opted_out = Tenant { stores_end_user_data: false, ..Tenant::default() };
/// assert!(matches!(max_age(ChatMessage::DESCRIPTOR, &opted_out), Err(ExpiryError::NeverStored { .. })));
/// let absurd = Tenant { chosen_retention: Some(Period::new(5_000, privacy_core::TimeUnit::Years)), ..Tenant::default() };
/// assert!(matches!(max_age(ChatMessage::DESCRIPTOR, &absurd), Err(ExpiryError::BeyondHorizon { .. })));
/// ```
pub fn max_age(descriptor: &TypeDescriptor, tenant: &Tenant) -> Result<StreamAge, ExpiryError> {
    let type_name = descriptor.name;
    let own = match descriptor.retention {
        Retention::Ephemeral => return Err(ExpiryError::NeverStored { type_name }),
        _ if !tenant.stores_end_user_data && holds_end_user_data(descriptor) => {
            return Err(ExpiryError::NeverStored { type_name });
        }
        Retention::UntilTerminated { grace } => {
            return Err(ExpiryError::NeedsSweeper {
                type_name,
                reason: format!(
                    "kept while the customer's account is active, then {grace} after its termination; max_age counts from each message's publication: purge the account's subjects at termination plus the grace"
                ),
            });
        }
        Retention::Fixed(period) => period,
        Retention::CustomerChosen { default, .. } => default,
    };
    if !within_horizon(own) {
        return Err(ExpiryError::BeyondHorizon { what: "period" });
    }
    let chosen = tenant
        .chosen_retention
        .filter(|_| follows_customer_choice(descriptor));
    if chosen.is_some_and(|chosen| !within_horizon(chosen)) {
        return Err(ExpiryError::BeyondHorizon {
            what: "chosen period",
        });
    }
    if own.amount == 0 || chosen.is_some_and(|chosen| chosen.amount == 0) {
        return Err(ExpiryError::Unrepresentable {
            what: "max_age of 0 (NATS reads 0 as unlimited)",
        });
    }
    // The deadline engine's own checks (a chosen period above the class maximum).
    deadline(descriptor, Some(chrono::DateTime::UNIX_EPOCH), tenant, None)?;
    // Periods within the horizon: the plan's nanoseconds fit in a u64.
    let planned = plan(descriptor, Target::Nats, chosen);
    let nanos = planned.config["max_age"]
        .as_u64()
        .ok_or(ExpiryError::Unrepresentable { what: "max_age" })?;
    if nanos == 0 {
        return Err(ExpiryError::Unrepresentable {
            what: "max_age of 0 (NATS reads 0 as unlimited)",
        });
    }
    Ok(StreamAge {
        max_age: Duration::from_nanos(nanos),
        worst_case_lateness: planned.worst_case_lateness,
        caveat: planned.needs_sweeper,
    })
}

/// What [`apply_to_stream`] or [`apply_to_bucket`] set on the server.
///
/// ```
/// use privacy_core::expiry::nats::Applied;
/// let applied = Applied { stream: "CHAT".into(), max_age: std::time::Duration::from_secs(60), previous: None, caveat: None };
/// assert!(applied.previous.is_none()); // it was unlimited
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The stream (`KV_<bucket>` for a bucket).
    pub stream: String,
    /// Its `max_age` now.
    pub max_age: Duration,
    /// Its `max_age` before; `None`: unlimited.
    pub previous: Option<Duration>,
    /// What the age does not say (see [`StreamAge::caveat`]).
    pub caveat: Option<String>,
}

/// Whether NATS takes `name` as a stream or bucket name (no subject wildcards, separators or
/// whitespace).
fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_')
}

fn nats_failed<E>(operation: &'static str) -> impl FnOnce(E) -> ExpiryError
where
    E: std::error::Error + Send + Sync + 'static,
{
    move |source| ExpiryError::Nats {
        operation,
        source: Box::new(source),
    }
}

/// Sets the `max_age` of the JetStream stream `stream` from `descriptor`'s retention for
/// `tenant` (see [`max_age`]); the duplicate window shrinks to the age if it was longer, as
/// NATS requires. Nothing is sent when the age is refused.
///
/// # Errors
/// As [`max_age`]; [`ExpiryError::InvalidName`] for a name NATS would refuse or read as a
/// pattern; [`ExpiryError::Nats`] when the stream is missing or the server refuses the update.
///
/// # Examples
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use privacy_core::deadline::Tenant;
/// use privacy_core::expiry::nats::apply_to_stream;
/// use privacy_core::{im, Classified};
/// #[derive(Classified)]
/// #[privacy(category = im::LogData)]
/// struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
///
/// // Needs a NATS server with JetStream: without one there is nothing to show.
/// let Ok(client) = async_nats::connect("127.0.0.1:4222").await else { return Ok(()) };
/// let jetstream = async_nats::jetstream::new(client);
/// let name = format!("DOC_REQUEST_LOG_{}", std::process::id());
/// jetstream.create_stream(async_nats::jetstream::stream::Config {
///     name: name.clone(),
///     subjects: vec![format!("doc.{}.request_log.>", std::process::id())],
///     ..Default::default()
/// }).await?;
/// let applied = apply_to_stream(&jetstream, &name, RequestLog::DESCRIPTOR, &Tenant::default()).await?;
/// assert_eq!(applied.max_age.as_secs(), 7 * 86_400);
/// assert_eq!(applied.previous, None);
/// jetstream.delete_stream(&name).await?;
/// # Ok(())
/// # }
/// ```
pub async fn apply_to_stream(
    jetstream: &jetstream::Context,
    stream: &str,
    descriptor: &TypeDescriptor,
    tenant: &Tenant,
) -> Result<Applied, ExpiryError> {
    if !valid_name(stream) {
        return Err(ExpiryError::InvalidName { what: "stream" });
    }
    let age = max_age(descriptor, tenant)?;
    set_max_age(jetstream, stream, age).await
}

/// Sets the `max_age` of the JetStream KV bucket `bucket` (its stream `KV_<bucket>`) from
/// `descriptor`'s retention for `tenant`, as [`apply_to_stream`] does.
///
/// # Errors
/// As [`apply_to_stream`].
///
/// # Examples
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use privacy_core::deadline::Tenant;
/// use privacy_core::expiry::nats::apply_to_bucket;
/// use privacy_core::{im, Classified};
/// #[derive(Classified)]
/// #[privacy(category = im::MonitoringData)]
/// struct Sample { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
///
/// // Needs a NATS server with JetStream: without one there is nothing to show.
/// let Ok(client) = async_nats::connect("127.0.0.1:4222").await else { return Ok(()) };
/// let jetstream = async_nats::jetstream::new(client);
/// let bucket = format!("doc_samples_{}", std::process::id());
/// // A bucket is the stream `KV_<bucket>` (created as a stream here: the client's
/// // `create_key_value` asks for account details that nats-server 2.9 answers differently).
/// jetstream.create_stream(async_nats::jetstream::stream::Config {
///     name: format!("KV_{bucket}"),
///     subjects: vec![format!("$KV.{bucket}.>")],
///     max_messages_per_subject: 1,
///     allow_rollup: true,
///     deny_delete: true,
///     allow_direct: true,
///     discard: async_nats::jetstream::stream::DiscardPolicy::New,
///     ..Default::default()
/// }).await?;
/// let applied = apply_to_bucket(&jetstream, &bucket, Sample::DESCRIPTOR, &Tenant::default()).await?;
/// assert_eq!(applied.stream, format!("KV_{bucket}"));
/// assert_eq!(applied.max_age.as_secs(), 2 * 86_400);
/// jetstream.delete_stream(format!("KV_{bucket}")).await?;
/// # Ok(())
/// # }
/// ```
pub async fn apply_to_bucket(
    jetstream: &jetstream::Context,
    bucket: &str,
    descriptor: &TypeDescriptor,
    tenant: &Tenant,
) -> Result<Applied, ExpiryError> {
    if !valid_name(bucket) {
        return Err(ExpiryError::InvalidName { what: "bucket" });
    }
    let age = max_age(descriptor, tenant)?;
    let store = jetstream
        .get_key_value(bucket)
        .await
        .map_err(nats_failed("reading the KV bucket"))?;
    set_max_age(jetstream, &store.stream_name, age).await
}

async fn set_max_age(
    jetstream: &jetstream::Context,
    stream: &str,
    age: StreamAge,
) -> Result<Applied, ExpiryError> {
    let found = jetstream
        .get_stream(stream)
        .await
        .map_err(nats_failed("reading the stream's configuration"))?;
    let mut config = found.cached_info().config.clone();
    let previous = (!config.max_age.is_zero()).then_some(config.max_age);
    config.max_age = age.max_age;
    if config.duplicate_window > age.max_age {
        config.duplicate_window = age.max_age;
    }
    let info = jetstream
        .update_stream(&config)
        .await
        .map_err(nats_failed("updating the stream's max_age"))?;
    if info.config.max_age != age.max_age {
        return Err(ExpiryError::Unrepresentable {
            what: "max_age (the server kept another)",
        });
    }
    Ok(Applied {
        stream: stream.to_owned(),
        max_age: info.config.max_age,
        previous,
        caveat: age.caveat,
    })
}
