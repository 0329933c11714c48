//! Expiry plans for stores that expire data natively at scale (MongoDB, Kafka, object storage,
//! NATS JetStream, Redis, SQL), from the same descriptors the stores use.
//!
//! A native mechanism counts in seconds (or whole days) from when a record was written; the
//! policy counts calendar months from collection or termination. Each plan therefore states how
//! late the store may delete at worst, and says "needs the sweeper" where the native mechanism
//! cannot express the class: a plan never deletes early, so where it cannot be exact it errs
//! late and names the gap. Where no native rule can be right (a period beyond the store's limit,
//! a period of zero, a grace counted from a termination the store does not see), the plan has no
//! `config` and says "not expressible natively: needs the sweeper".
//!
//! ```
//! use privacy_core::store::plan::{plan, Target};
//! use privacy_core::{im, Classified};
//!
//! #[derive(Classified)]
//! #[privacy(category = im::LogData)]
//! struct RequestLog {
//!     #[privacy(collected_at)]
//!     at: chrono::DateTime<chrono::Utc>,
//! }
//!
//! let kafka = plan(RequestLog::DESCRIPTOR, Target::Kafka, None);
//! assert_eq!(kafka.config["retention.ms"], "604800000");
//! // Kafka counts from the write: records written late need the sweeper's exact deadline.
//! assert!(kafka.needs_sweeper.unwrap().contains("counts from the write"));
//! assert_eq!(kafka.config["message.timestamp.type"], "LogAppendTime");
//! // A TTL index on the `collected_at` field says the whole rule, if the field holds a date.
//! let mongo = plan(RequestLog::DESCRIPTOR, Target::Mongo, None);
//! assert_eq!(mongo.config["indexes"][0]["key"]["at"], 1);
//! assert!(mongo.needs_sweeper.is_none());
//! assert!(mongo.requires.unwrap().contains("BSON date"));
//! ```

use crate::deadline::follows_customer_choice;
use crate::{FieldRole, Period, Retention, TimeUnit, TypeDescriptor};
use serde_json::{Value, json};

/// A store with a native expiry mechanism.
///
/// ```
/// use privacy_core::store::plan::Target;
/// assert_eq!(Target::ALL.len(), 6);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A TTL index on a date field.
    Mongo,
    /// A topic's `retention.ms`.
    Kafka,
    /// S3 or COS lifecycle rules.
    ObjectStorage,
    /// A JetStream stream's `max_age`.
    Nats,
    /// `PEXPIREAT` on each key.
    Redis,
    /// An indexed deadline column and the batched sweeper.
    Sql,
}

impl Target {
    /// Every target.
    ///
    /// ```
    /// use privacy_core::store::plan::Target;
    /// assert!(Target::ALL.iter().all(|target| Target::from_name(target.name()) == Some(*target)));
    /// ```
    pub const ALL: [Target; 6] = [
        Target::Mongo,
        Target::Kafka,
        Target::ObjectStorage,
        Target::Nats,
        Target::Redis,
        Target::Sql,
    ];

    /// Its name on the command line.
    ///
    /// ```
    /// assert_eq!(privacy_core::store::plan::Target::ObjectStorage.name(), "s3");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Target::Mongo => "mongodb",
            Target::Kafka => "kafka",
            Target::ObjectStorage => "s3",
            Target::Nats => "nats",
            Target::Redis => "redis",
            Target::Sql => "sql",
        }
    }

    /// The target named `name`.
    ///
    /// ```
    /// use privacy_core::store::plan::Target;
    /// assert_eq!(Target::from_name("nats"), Some(Target::Nats));
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|target| target.name() == name)
    }
}

/// How one type's records expire in one store.
///
/// ```
/// use privacy_core::store::plan::{plan, Target};
/// use privacy_core::{im, Classified};
/// #[derive(Classified)]
/// #[privacy(category = im::MonitoringData)]
/// struct Sample { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// let nats = plan(Sample::DESCRIPTOR, Target::Nats, None);
/// assert_eq!(nats.config["max_age"], 2_u64 * 86_400 * 1_000_000_000);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The store.
    pub target: Target,
    /// The configuration to apply (JSON; SQL as `{"ddl", "sweep"}` strings).
    pub config: Value,
    /// The longest the store may keep a record past its deadline, in words.
    pub worst_case_lateness: String,
    /// Why the sweeper must run beside the native mechanism, if it must; it starts with "not
    /// expressible natively: needs the sweeper" when there is no native rule at all (`config` is
    /// then `null`).
    pub needs_sweeper: Option<String>,
    /// What the application must do for the native rule to hold, if anything.
    pub requires: Option<String>,
}

/// Why a mechanism that counts from the write needs the sweeper beside it.
const FROM_THE_WRITE: &str = "expiry counts from the write, not from `collected_at`: a record written late is kept late by as much";

/// The period in whole seconds, never shorter than the calendar period (a month counts 31
/// days): a native mechanism may keep a record late, never delete it early.
fn ceiling_seconds(period: Period) -> u64 {
    period.max_seconds()
}

fn is_calendar(period: Period) -> bool {
    matches!(period.unit, TimeUnit::Months | TimeUnit::Years)
}

/// The slack a calendar period adds when counted as its longest length.
fn calendar_slack(period: Period) -> Option<String> {
    is_calendar(period).then(|| {
        let slack = (period.max_seconds() - period.min_seconds()) / 86_400;
        format!(
            "{period} counted as {} days: up to {slack} days late in shorter months",
            period.max_seconds() / 86_400
        )
    })
}

fn collection_name(descriptor: &TypeDescriptor) -> String {
    let mut name = String::new();
    for (index, character) in descriptor.name.chars().enumerate() {
        if character.is_uppercase() && index > 0 {
            name.push('_');
        }
        name.extend(character.to_lowercase());
    }
    name
}

/// The expiry plan of `descriptor`'s records in `target`, for a tenant that chose `chosen` (for
/// customer-chosen classes; `None`: the class default).
///
/// ```
/// use privacy_core::store::plan::{plan, Target};
/// use privacy_core::{im, Classified, Period};
/// #[derive(Classified)]
/// #[privacy(category = im::ChatMessageRecord)]
/// struct ChatMessage { #[privacy(subject)] sender: String, #[privacy(collected_at)] sent: chrono::DateTime<chrono::Utc> }
/// let month = plan(ChatMessage::DESCRIPTOR, Target::Nats, Some(Period::days(30)));
/// let default = plan(ChatMessage::DESCRIPTOR, Target::Nats, None);
/// assert_ne!(month.config, default.config);
/// assert!(default.needs_sweeper.unwrap().contains("one plan per tenant"));
/// ```
#[must_use]
pub fn plan(descriptor: &TypeDescriptor, target: Target, chosen: Option<Period>) -> Plan {
    let name = collection_name(descriptor);
    let (period, from_termination) = match descriptor.retention {
        Retention::Ephemeral => {
            return Plan {
                target,
                config: json!({ "store": false, "reason": "ephemeral: processed momentarily, never stored" }),
                worst_case_lateness: "not stored".into(),
                needs_sweeper: None,
                requires: None,
            };
        }
        // A type that follows the customer's choice ends at the choice when it is surely
        // shorter; where the calendar makes them incomparable, the type's own period (late, not early).
        Retention::Fixed(period) => match chosen {
            Some(chosen) if follows_customer_choice(descriptor) && chosen.at_most(period) => {
                (chosen, false)
            }
            _ => (period, false),
        },
        Retention::CustomerChosen { default, .. } => (chosen.unwrap_or(default), false),
        Retention::UntilTerminated { grace } => (grace, true),
    };
    let seconds = ceiling_seconds(period);
    let slack = calendar_slack(period);
    let late = |native: &str| match &slack {
        Some(slack) => format!("{native}; {slack}"),
        None => native.to_owned(),
    };
    let per_tenant = follows_customer_choice(descriptor)
        .then(|| "the period is each tenant's choice: one plan per tenant (a collection, topic, prefix or stream each)".to_owned());
    let zero = |store: &str| {
        not_native(
            target,
            &format!("a period of zero: {store}; the store refuses to keep such records"),
        )
    };
    match target {
        Target::Mongo => {
            // Until termination: the application sets `delete_after` when the account ends, and
            // the TTL index deletes at that instant.
            let (field, after) = if from_termination {
                ("delete_after", 0)
            } else {
                let Some(field) = instant_field(descriptor) else {
                    return not_native(
                        target,
                        "the instant retention counts from is inside nested records, which a TTL index on one field does not see",
                    );
                };
                if seconds > MONGO_MAX_EXPIRE_AFTER_SECONDS {
                    return not_native(
                        target,
                        &format!("{seconds} s exceeds MongoDB's largest `expireAfterSeconds`, {MONGO_MAX_EXPIRE_AFTER_SECONDS}"),
                    );
                }
                (field, seconds)
            };
            Plan {
                target,
                config: json!({
                    "createIndexes": name,
                    "indexes": [{ "key": { field: 1 }, "name": format!("{field}_ttl"), "expireAfterSeconds": after }],
                }),
                worst_case_lateness: late("60 s (the TTL monitor's pass), plus its backlog under load"),
                needs_sweeper: if from_termination {
                    Some(format!("set `delete_after` to the termination instant plus {period} on every document when the account ends"))
                } else {
                    per_tenant
                },
                requires: Some(format!(
                    "`{field}` must hold a BSON date, named as the index names it: MongoDB never expires a document whose field is missing or not a date (chrono's serde writes a string; use bson's `chrono_datetime_as_bson_datetime`)"
                )),
            }
        }
        Target::Kafka => {
            if from_termination {
                // Retention counts from each write: any finite `retention.ms` would delete an
                // active account's records. Keep them, and delete by key.
                return Plan {
                    target,
                    config: json!({ "topic": name, "cleanup.policy": "compact", "retention.ms": "-1" }),
                    worst_case_lateness: "as late as the sweeper's tombstones: the topic itself keeps records while the account is active".into(),
                    needs_sweeper: Some(format!("{NOT_NATIVE}: topic retention counts from each write, not from an account's termination; the sweeper writes a tombstone for each key at termination plus {period}")),
                    requires: None,
                };
            }
            if seconds == 0 {
                return zero("Kafka would keep the open segment");
            }
            let Some(millis) = seconds.checked_mul(1_000).filter(|ms| *ms <= KAFKA_MAX_MS) else {
                return not_native(target, &format!("{seconds} s exceeds Kafka's largest `retention.ms`"));
            };
            // Segments roll at a tenth of the retention, at most hourly: a segment is deleted when
            // its newest record expires, so its oldest is kept at most one segment late.
            let segment = (seconds / 10).clamp(60, 3_600) * 1_000;
            Plan {
                target,
                config: json!({
                    "topic": name,
                    "cleanup.policy": "delete",
                    "retention.ms": millis.to_string(),
                    "segment.ms": segment.to_string(),
                    "message.timestamp.type": "LogAppendTime",
                }),
                worst_case_lateness: late(&format!("{} s (one segment) plus the broker's retention check interval", segment / 1_000)),
                // Pinned, so that retention counts from the write, not from a producer's timestamp.
                needs_sweeper: per_tenant.or_else(|| Some(FROM_THE_WRITE.into())),
                requires: None,
            }
        }
        Target::ObjectStorage => {
            if from_termination {
                return not_native(
                    target,
                    "lifecycle days count from each object's creation, not from the termination: a rule would delete an object older than the grace the moment its account ends",
                );
            }
            if seconds == 0 {
                return zero("lifecycle `Days` must be a positive integer");
            }
            let days = seconds.div_ceil(86_400);
            if days > S3_MAX_DAYS {
                return not_native(target, &format!("{days} days exceeds a lifecycle rule's largest `Days`, {S3_MAX_DAYS}"));
            }
            Plan {
                target,
                config: json!({ "Rules": [{ "ID": format!("{name}-retention"), "Status": "Enabled", "Filter": { "Prefix": format!("{name}/") }, "Expiration": { "Days": days } }] }),
                worst_case_lateness: late("rounded up to whole days, then up to the next midnight UTC, then the provider's processing delay (often a day)"),
                needs_sweeper: per_tenant.or_else(|| Some(FROM_THE_WRITE.into())),
                requires: None,
            }
        }
        Target::Nats => {
            let stream = name.to_uppercase();
            let subjects = [format!("{name}.>")];
            if from_termination {
                // `max_age` counts from each publication: any finite age would delete an
                // active account's records. No limit (0), and a purge at termination.
                return Plan {
                    target,
                    config: json!({ "name": stream, "subjects": subjects, "max_age": 0 }),
                    worst_case_lateness: "as late as the sweeper's purge: the stream itself keeps messages while the account is active".into(),
                    needs_sweeper: Some(format!("{NOT_NATIVE}: `max_age` counts from each message's publication, not from an account's termination; the sweeper purges the account's subjects at termination plus {period}")),
                    requires: None,
                };
            }
            if seconds == 0 {
                return zero("NATS reads `max_age` 0 as no limit");
            }
            let Some(nanos) = seconds.checked_mul(1_000_000_000).filter(|ns| *ns <= NATS_MAX_AGE_NANOS) else {
                return not_native(target, &format!("{seconds} s exceeds NATS's largest `max_age` (a signed 64-bit count of nanoseconds, about 292 years)"));
            };
            Plan {
                target,
                config: json!({ "name": stream, "subjects": subjects, "max_age": nanos }),
                worst_case_lateness: late("seconds (the stream's expiry pass)"),
                needs_sweeper: per_tenant.or_else(|| Some(FROM_THE_WRITE.into())),
                requires: None,
            }
        }
        Target::Redis => Plan {
            target,
            config: json!({
                "command": "PEXPIREAT",
                "at": if from_termination { format!("termination + {period}") } else { format!("collected_at + {period}") },
                "hold": "PERSIST",
            }),
            worst_case_lateness: "none for reads (the store filters by deadline); memory freed by Redis's active expiry within seconds".into(),
            needs_sweeper: from_termination.then(|| "set when the account terminates (the store does it on `terminate`)".into()),
            requires: None,
        },
        Target::Sql => Plan {
            target,
            config: json!({
                "ddl": "CREATE INDEX IF NOT EXISTS records_deadline ON records (deadline)",
                "sweep": "SELECT type_key, tenant, id FROM records WHERE deadline IS NOT NULL AND deadline <= ? AND hold_reason IS NULL ORDER BY deadline LIMIT ? FOR UPDATE SKIP LOCKED; DELETE ...; INSERT INTO audit ...",
            }),
            worst_case_lateness: "none for reads (filtered by deadline); storage freed at the next sweep".into(),
            needs_sweeper: Some("the sweeper is the mechanism: run it on a schedule".into()),
            requires: None,
        },
    }
}

/// What a plan that has no native rule says first.
const NOT_NATIVE: &str = "not expressible natively: needs the sweeper";

/// MongoDB's largest `expireAfterSeconds` (a 32-bit signed integer).
const MONGO_MAX_EXPIRE_AFTER_SECONDS: u64 = 2_147_483_647;
/// Kafka's largest `retention.ms` (a Java `long`).
const KAFKA_MAX_MS: u64 = i64::MAX as u64;
/// NATS's largest `max_age`: a Go `time.Duration`, signed 64-bit nanoseconds.
const NATS_MAX_AGE_NANOS: u64 = i64::MAX as u64;
/// A lifecycle rule's largest `Days` (a 32-bit signed integer).
const S3_MAX_DAYS: u64 = 2_147_483_647;

/// A plan with no native rule: the store keeps records until the sweeper deletes them.
fn not_native(target: Target, why: &str) -> Plan {
    Plan {
        target,
        config: Value::Null,
        worst_case_lateness: "as late as the sweeper's schedule".into(),
        needs_sweeper: Some(format!("{NOT_NATIVE}: {why}")),
        requires: None,
    }
}

/// The type's own `collected_at` field, when it has one (not one inside nested records).
fn instant_field(descriptor: &TypeDescriptor) -> Option<&'static str> {
    descriptor
        .fields
        .iter()
        .find(|field| field.role == FieldRole::CollectedAt && field.nested.is_none())
        .map(|field| field.name)
}
