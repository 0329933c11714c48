//! Stores that expire data natively: the expiry plans each of them can hold (MongoDB TTL
//! indexes, Kafka retention, S3/COS lifecycle rules, NATS `max_age`), with their worst-case
//! lateness and what only a sweeper can enforce.
//!
//! Retention, erasure and export on the service's own SQL tables are the
//! [`engine`](crate::engine)'s (features `sqlite`, `postgres`, `mysql`).
//!
//! ```
//! use privacy_core::store::plan::{plan, Target};
//! use privacy_core::{im, Classified};
//! #[derive(Classified)]
//! #[privacy(category = im::LogData)]
//! struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
//! assert_eq!(plan(RequestLog::DESCRIPTOR, Target::Kafka, None).target, Target::Kafka);
//! ```

pub mod plan;
