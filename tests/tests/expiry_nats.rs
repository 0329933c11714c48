//! A type's retention as the `max_age` of a JetStream stream or KV bucket
//! (`privacy_core::expiry::nats`), against the NATS server on 127.0.0.1:4222 (skipped when it is
//! absent, unless `PRIVACY_REQUIRE_STORES=1`).

use async_nats::jetstream::{self, stream};
use chrono::{DateTime, Utc};
use privacy_core::deadline::Tenant;
use privacy_core::expiry::ExpiryError;
use privacy_core::expiry::nats::{apply_to_bucket, apply_to_stream};
use privacy_core::{
    Category, CategoryInfo, Classified, DataSubject, LegalBasis, Period, Retention, Role, TimeUnit,
    im,
};
use privacy_tests::servers::{or_skip, prefix};
use std::time::Duration;

const NATS: &str = "127.0.0.1:4222";
const DAY: u64 = 86_400;

#[derive(Classified)]
#[privacy(category = im::LogData)]
struct RequestLog {
    #[privacy(collected_at)]
    _at: DateTime<Utc>,
}

#[derive(Classified)]
#[privacy(category = im::MonitoringData)]
struct Sample {
    #[privacy(collected_at)]
    _at: DateTime<Utc>,
}

#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord)]
struct ChatMessage {
    #[privacy(subject)]
    _sender: String,
    #[privacy(collected_at)]
    _sent: DateTime<Utc>,
}

/// A category whose own policy keeps records 5000 years (an absurd taxonomy, as a user may
/// write one).
struct Archived;

impl Category for Archived {
    const INFO: CategoryInfo = CategoryInfo {
        key: "archive.record",
        name: "Archived Records",
        taxonomy: "archive",
        role: Role::Controller,
        subject: DataSubject::Customer,
        retention: Retention::Fixed(Period::new(5_000, TimeUnit::Years)),
        legal_basis: LegalBasis::LegalObligation,
        purpose: "keep the archive",
        uses: &["archive"],
        items: &["record"],
        accepts_special: false,
    };
}

#[derive(Classified)]
#[privacy(category = Archived)]
struct Archive {
    #[privacy(collected_at)]
    _at: DateTime<Utc>,
}

#[derive(Classified)]
#[privacy(category = im::ConfigurationData)]
struct AppConfig {
    _callback: String,
}

/// The JetStream context and the streams one test creates, all deleted when it ends.
struct Streams {
    jetstream: jetstream::Context,
    run: String,
    created: Vec<String>,
}

impl Streams {
    async fn new(test: &str) -> Option<Streams> {
        let connected = async_nats::ConnectOptions::new()
            .connection_timeout(Duration::from_secs(3))
            .connect(NATS)
            .await;
        let client = or_skip("NATS", NATS, connected)?;
        let streams = Streams {
            jetstream: jetstream::new(client),
            run: prefix(test),
            created: Vec::new(),
        };
        streams.forget_earlier_runs().await;
        Some(streams)
    }

    /// Deletes the streams of test runs that started over an hour ago (names
    /// `[KV_]t<unix seconds>_...`), so a failed run does not leave them forever.
    async fn forget_earlier_runs(&self) {
        use futures_util::StreamExt as _;
        let cutoff = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |now| now.as_secs())
            .saturating_sub(3_600);
        let mut names = self.jetstream.stream_names();
        let mut stale = Vec::new();
        while let Some(Ok(name)) = names.next().await {
            let started = name
                .trim_start_matches("KV_")
                .strip_prefix('t')
                .and_then(|rest| rest.split('_').next())
                .and_then(|secs| secs.parse::<u64>().ok());
            if started.is_some_and(|started| started > 1_000_000_000 && started < cutoff) {
                stale.push(name);
            }
        }
        for name in stale {
            let _ = self.jetstream.delete_stream(&name).await;
        }
    }

    /// A fresh stream named after this run, with `max_age` (zero: unlimited).
    async fn stream(&mut self, name: &str, max_age: Duration) -> String {
        let name = format!("{}{name}", self.run);
        self.jetstream
            .create_stream(stream::Config {
                name: name.clone(),
                subjects: vec![format!("{name}.>")],
                max_age,
                ..Default::default()
            })
            .await
            .expect("the stream is created");
        self.created.push(name.clone());
        name
    }

    /// A fresh KV bucket named after this run: the stream `KV_<bucket>` in the shape the client
    /// gives buckets (its `create_key_value` asks for account details that nats-server 2.9
    /// answers in another shape).
    async fn bucket(&mut self, name: &str) -> String {
        let bucket = format!("{}{name}", self.run);
        let stream = format!("KV_{bucket}");
        self.jetstream
            .create_stream(stream::Config {
                name: stream.clone(),
                subjects: vec![format!("$KV.{bucket}.>")],
                max_messages_per_subject: 1,
                allow_rollup: true,
                deny_delete: true,
                allow_direct: true,
                discard: stream::DiscardPolicy::New,
                ..Default::default()
            })
            .await
            .expect("the bucket's stream is created");
        self.created.push(stream);
        bucket
    }

    async fn max_age(&self, stream: &str) -> Duration {
        self.jetstream
            .get_stream(stream)
            .await
            .expect("the stream exists")
            .cached_info()
            .config
            .max_age
    }

    async fn clean(self) {
        for name in &self.created {
            let _ = self.jetstream.delete_stream(name).await;
        }
    }
}

/// A fixed class becomes the stream's `max_age`, read back from the server.
#[tokio::test]
async fn a_fixed_class_sets_the_streams_max_age() {
    let Some(mut streams) = Streams::new("fixed").await else {
        return;
    };
    let name = streams.stream("REQUEST_LOGS", Duration::ZERO).await;
    let applied = apply_to_stream(
        &streams.jetstream,
        &name,
        RequestLog::DESCRIPTOR,
        &Tenant::default(),
    )
    .await
    .unwrap();
    assert_eq!(applied.max_age, Duration::from_secs(7 * DAY));
    assert_eq!(applied.previous, None, "it was unlimited");
    assert!(
        applied
            .caveat
            .as_deref()
            .is_some_and(|caveat| caveat.contains("counts from the write"))
    );
    assert_eq!(streams.max_age(&name).await, Duration::from_secs(7 * DAY));
    // The stream still takes messages.
    streams
        .jetstream
        .publish(format!("{name}.acme"), "request".into())
        .await
        .unwrap()
        .await
        .unwrap();
    streams.clean().await;
}

/// A customer-chosen class follows the tenant's period on the tenant's stream; a calendar
/// month counts 31 days (late at worst, never early).
#[tokio::test]
async fn a_tenants_period_sets_its_streams_max_age() {
    let Some(mut streams) = Streams::new("tenant").await else {
        return;
    };
    let name = streams.stream("CHAT_ACME", Duration::ZERO).await;
    for (chosen, seconds) in [
        (Period::days(30), 30 * DAY),
        (Period::months(1), 31 * DAY),
        (Period::hours(12), 12 * 3_600),
    ] {
        let tenant = Tenant {
            chosen_retention: Some(chosen),
            ..Tenant::default()
        };
        let applied = apply_to_stream(&streams.jetstream, &name, ChatMessage::DESCRIPTOR, &tenant)
            .await
            .unwrap();
        assert_eq!(applied.max_age, Duration::from_secs(seconds), "{chosen}");
        assert_eq!(streams.max_age(&name).await, Duration::from_secs(seconds));
    }
    streams.clean().await;
}

/// A KV bucket gets the age on its stream, and stays a working bucket.
#[tokio::test]
async fn a_kv_bucket_gets_the_max_age() {
    let Some(mut streams) = Streams::new("bucket").await else {
        return;
    };
    let bucket = streams.bucket("samples").await;
    let applied = apply_to_bucket(
        &streams.jetstream,
        &bucket,
        Sample::DESCRIPTOR,
        &Tenant::default(),
    )
    .await
    .unwrap();
    assert_eq!(applied.stream, format!("KV_{bucket}"));
    assert_eq!(applied.max_age, Duration::from_secs(2 * DAY));
    assert_eq!(
        streams.max_age(&format!("KV_{bucket}")).await,
        Duration::from_secs(2 * DAY)
    );
    let store = streams.jetstream.get_key_value(&bucket).await.unwrap();
    store.put("latency", "12ms".into()).await.unwrap();
    assert_eq!(
        store.get("latency").await.unwrap().as_deref(),
        Some(&b"12ms"[..])
    );
    streams.clean().await;
}

/// What one stream-wide age cannot say is refused, and the stream keeps its age: the class kept
/// until termination (needs the sweeper), a tenant that opted out (never stored), a zero period
/// (NATS reads `max_age: 0` as unlimited) and, fault 10, a 5000-year period (refused as absurd,
/// no overflow, no panic).
#[tokio::test]
async fn what_one_age_cannot_say_is_refused_and_the_stream_is_untouched() {
    let Some(mut streams) = Streams::new("refused").await else {
        return;
    };
    let hour = Duration::from_secs(3_600);
    let name = streams.stream("REFUSED", hour).await;
    let chose = |period| Tenant {
        chosen_retention: Some(period),
        ..Tenant::default()
    };
    let opted_out = Tenant {
        stores_end_user_data: false,
        ..Tenant::default()
    };
    let cases = [
        (
            AppConfig::DESCRIPTOR,
            Tenant::default(),
            "needs the sweeper",
        ),
        (ChatMessage::DESCRIPTOR, opted_out, "may not be stored"),
        (ChatMessage::DESCRIPTOR, chose(Period::days(0)), "0"),
        (
            ChatMessage::DESCRIPTOR,
            chose(Period::new(5_000, TimeUnit::Years)),
            "more than 100 years ahead",
        ),
        (
            ChatMessage::DESCRIPTOR,
            chose(Period::new(u32::MAX, TimeUnit::Seconds)),
            "more than 100 years ahead",
        ),
        (
            Archive::DESCRIPTOR,
            Tenant::default(),
            "more than 100 years ahead",
        ),
    ];
    for (descriptor, tenant, says) in cases {
        let refused = apply_to_stream(&streams.jetstream, &name, descriptor, &tenant).await;
        let error = refused.expect_err("refused");
        assert!(error.to_string().contains(says), "{error}");
        assert_eq!(streams.max_age(&name).await, hour, "{error}");
    }
    let sweeper = apply_to_stream(
        &streams.jetstream,
        &name,
        AppConfig::DESCRIPTOR,
        &Tenant::default(),
    )
    .await
    .unwrap_err();
    assert!(
        sweeper
            .to_string()
            .starts_with("not expressible natively: needs the sweeper")
    );
    streams.clean().await;
}

/// A missing stream is an error with the server's answer as its cause; names NATS would read
/// as patterns or refuse are refused before any request.
#[tokio::test]
async fn a_missing_stream_keeps_the_cause_and_bad_names_are_refused() {
    let Some(streams) = Streams::new("missing").await else {
        return;
    };
    let missing = format!("{}NOT_THERE", streams.run);
    let error = apply_to_stream(
        &streams.jetstream,
        &missing,
        RequestLog::DESCRIPTOR,
        &Tenant::default(),
    )
    .await
    .unwrap_err();
    assert!(matches!(error, ExpiryError::Nats { .. }), "{error}");
    assert!(std::error::Error::source(&error).is_some());
    for bad in ["", "a.b", "a*", "a>", "a b", "a/b"] {
        let stream = apply_to_stream(
            &streams.jetstream,
            bad,
            RequestLog::DESCRIPTOR,
            &Tenant::default(),
        )
        .await;
        assert!(
            matches!(stream, Err(ExpiryError::InvalidName { .. })),
            "{bad:?}"
        );
        let bucket = apply_to_bucket(
            &streams.jetstream,
            bad,
            RequestLog::DESCRIPTOR,
            &Tenant::default(),
        )
        .await;
        assert!(
            matches!(bucket, Err(ExpiryError::InvalidName { .. })),
            "{bad:?}"
        );
    }
    streams.clean().await;
}
