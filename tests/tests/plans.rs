//! The expiry plans of every `im` category for every store, held as snapshots: a change to an
//! exported shape shows in review.

use privacy_core::store::plan::{Target, plan};
use privacy_core::{Classified, Period, Retention, TimeUnit, TypeDescriptor};

/// The `privacy` binary's sample types (one per category of the reference policy).
#[path = "../../privacy-cli/src/sample.rs"]
#[allow(dead_code)]
mod sample;

/// Processed momentarily, never stored.
#[derive(Classified)]
#[privacy(category = privacy_core::im::ChatMessageRecord, retention = ephemeral)]
struct Typing {
    #[privacy(subject)]
    user: String,
}

fn types() -> Vec<&'static TypeDescriptor> {
    let mut types = sample::descriptors().to_vec();
    types.push(Typing::DESCRIPTOR);
    types
}

#[test]
fn every_category_in_every_store() {
    let mut out = String::new();
    for descriptor in types() {
        for target in Target::ALL {
            let plan = plan(descriptor, target, None);
            out.push_str(&format!(
                "## {} / {}\n{}\nlate: {}\nsweeper: {}\nrequires: {}\n\n",
                descriptor.name,
                target.name(),
                serde_json::to_string(&plan.config).unwrap(),
                plan.worst_case_lateness,
                plan.needs_sweeper.as_deref().unwrap_or("-"),
                plan.requires.as_deref().unwrap_or("-")
            ));
        }
    }
    insta::assert_snapshot!(out);
}

#[test]
fn plans_never_delete_early() {
    // A tenant's 1-month choice is counted as 31 days: late in short months, never early.
    let kafka = plan(
        sample::ChatMessage::DESCRIPTOR,
        Target::Kafka,
        Some(Period::months(1)),
    );
    assert_eq!(
        kafka.config["retention.ms"],
        (31_u64 * 86_400_000).to_string()
    );
    assert!(
        kafka.worst_case_lateness.contains("up to 3 days late"),
        "{}",
        kafka.worst_case_lateness
    );
    let s3 = plan(sample::RequestLog::DESCRIPTOR, Target::ObjectStorage, None);
    assert_eq!(s3.config["Rules"][0]["Expiration"]["Days"], 7);
    let nats = plan(sample::InterfaceSample::DESCRIPTOR, Target::Nats, None);
    assert_eq!(nats.config["max_age"], 2_u64 * 86_400 * 1_000_000_000);
    // Until-terminated cannot be said by object lifecycle rules alone.
    assert!(
        plan(sample::AppConfig::DESCRIPTOR, Target::ObjectStorage, None)
            .needs_sweeper
            .is_some()
    );
}

/// A conversation page: its instant is inside nested records.
#[derive(Classified)]
#[privacy(category = privacy_core::im::ChatMessageRecord)]
struct ConversationPage {
    #[privacy(subject)]
    owner: String,
    #[privacy(nested)]
    messages: Vec<sample::ChatMessage>,
}

/// The request log of the README, whose instant is the field `at`.
#[derive(Classified)]
#[privacy(category = privacy_core::im::LogData)]
struct RequestLog {
    interface: String,
    #[privacy(collected_at)]
    at: chrono::DateTime<chrono::Utc>,
}

const NOT_NATIVE: &str = "not expressible natively: needs the sweeper";

/// Periods from nothing to far beyond every store's limit.
fn periods() -> Vec<Period> {
    vec![
        Period::days(0),
        Period::new(1, TimeUnit::Seconds),
        Period::new(1, TimeUnit::Minutes),
        Period::days(7),
        Period::months(1),
        Period::months(2),
        Period::days(62),
        Period::new(68, TimeUnit::Years),
        Period::new(70, TimeUnit::Years),
        Period::new(291, TimeUnit::Years),
        Period::new(292, TimeUnit::Years),
        Period::new(300, TimeUnit::Years),
        Period::new(600, TimeUnit::Years),
        Period::days(u32::MAX),
        Period::new(u32::MAX, TimeUnit::Years),
    ]
}

/// One descriptor per retention class with `period`, or (customer-chosen) a tenant's choice.
fn cases(period: Period) -> Vec<(TypeDescriptor, Option<Period>, bool)> {
    let log = RequestLog::DESCRIPTOR;
    let chat = sample::ChatMessage::DESCRIPTOR;
    let config = sample::AppConfig::DESCRIPTOR;
    vec![
        (with(log, Retention::Fixed(period)), None, false),
        (with(chat, chat.retention), Some(period), false),
        (
            with(
                chat,
                Retention::CustomerChosen {
                    default: period,
                    max: None,
                },
            ),
            None,
            false,
        ),
        (
            with(config, Retention::UntilTerminated { grace: period }),
            None,
            true,
        ),
    ]
}

/// `descriptor` with another retention.
fn with(descriptor: &TypeDescriptor, retention: Retention) -> TypeDescriptor {
    TypeDescriptor {
        name: descriptor.name,
        module_path: descriptor.module_path,
        category: descriptor.category,
        retention,
        legal_basis: descriptor.legal_basis,
        purpose: descriptor.purpose,
        erasure: descriptor.erasure,
        fields: descriptor.fields,
        variants: descriptor.variants,
        table: descriptor.table,
    }
}

fn integer(value: &serde_json::Value, what: &str) -> u64 {
    value
        .as_u64()
        .unwrap_or_else(|| panic!("{what} is not a non-negative integer: {value}"))
}

/// Every plan is valid for its store's documented limits and never deletes before the policy's
/// shortest reading of the period; where no native rule is right, it says so and emits none.
#[test]
fn plans_are_valid_for_each_store_and_never_early() {
    for period in periods() {
        for (descriptor, chosen, until_terminated) in cases(period) {
            for target in Target::ALL {
                let plan = plan(&descriptor, target, chosen);
                let what = format!(
                    "{} {:?} with {period} ({target:?}): {}",
                    descriptor.name, descriptor.retention, plan.config
                );
                if plan.config.is_null() {
                    assert!(
                        plan.needs_sweeper
                            .as_deref()
                            .is_some_and(|why| why.starts_with(NOT_NATIVE)),
                        "{what}: {:?}",
                        plan.needs_sweeper
                    );
                    continue;
                }
                let least = period.min_seconds();
                let config = &plan.config;
                match target {
                    Target::Mongo => {
                        // MongoDB: `expireAfterSeconds` is an integer from 0 to 2147483647.
                        let index = &config["indexes"][0];
                        let after = integer(&index["expireAfterSeconds"], &what);
                        assert!(after <= 2_147_483_647, "{what}");
                        let field = if until_terminated {
                            "delete_after"
                        } else {
                            "at"
                        };
                        let field = if descriptor.name == "ChatMessage" {
                            if until_terminated {
                                "delete_after"
                            } else {
                                "sent"
                            }
                        } else {
                            field
                        };
                        assert_eq!(index["key"][field], 1, "{what}");
                        if !until_terminated {
                            assert!(after >= least, "{what}: early");
                        }
                        assert!(
                            plan.requires.as_deref().unwrap().contains("BSON date"),
                            "{what}"
                        );
                    }
                    Target::Kafka => {
                        // Kafka: `retention.ms` a long, -1 for no limit; `segment.ms` at least 1.
                        let retention: i64 =
                            config["retention.ms"].as_str().unwrap().parse().unwrap();
                        if until_terminated {
                            assert_eq!(
                                retention, -1,
                                "{what}: deletes an active account's records"
                            );
                        } else {
                            assert!(retention >= 1, "{what}");
                            assert!(retention.unsigned_abs() >= least * 1_000, "{what}: early");
                            let segment: i64 =
                                config["segment.ms"].as_str().unwrap().parse().unwrap();
                            assert!(segment >= 1, "{what}");
                            assert_eq!(config["message.timestamp.type"], "LogAppendTime", "{what}");
                        }
                    }
                    Target::ObjectStorage => {
                        // S3/COS: `Days` a positive 32-bit integer; no rule counts from a
                        // termination.
                        assert!(!until_terminated, "{what}: counts from creation");
                        let days = integer(&config["Rules"][0]["Expiration"]["Days"], &what);
                        assert!((1..=2_147_483_647).contains(&days), "{what}");
                        assert!(days * 86_400 >= least, "{what}: early");
                    }
                    Target::Nats => {
                        // NATS: `max_age` signed 64-bit nanoseconds, 0 for no limit.
                        let age = integer(&config["max_age"], &what);
                        assert!(i64::try_from(age).is_ok(), "{what}");
                        if until_terminated {
                            assert_eq!(age, 0, "{what}: deletes an active account's records");
                        } else {
                            assert!(age >= 100_000_000, "{what}: 0 reads as no limit");
                            assert!(age / 1_000_000_000 >= least, "{what}: early");
                        }
                    }
                    Target::Redis | Target::Sql => {}
                }
            }
        }
    }
}

#[test]
fn plans_the_issue_found_wrong() {
    let chat = sample::ChatMessage::DESCRIPTOR;
    let config = sample::AppConfig::DESCRIPTOR;
    // (a) the TTL index names the type's own field, and says it must hold a date.
    let mongo = plan(RequestLog::DESCRIPTOR, Target::Mongo, None);
    assert_eq!(
        mongo.config["indexes"][0]["key"],
        serde_json::json!({ "at": 1 })
    );
    assert!(
        mongo
            .requires
            .unwrap()
            .contains("`at` must hold a BSON date")
    );
    let nested = plan(ConversationPage::DESCRIPTOR, Target::Mongo, None);
    assert!(nested.config.is_null());
    // (b) periods beyond a store's limit, and one that overflowed.
    let seventy = Some(Period::new(70, TimeUnit::Years));
    assert!(plan(chat, Target::Mongo, seventy).config.is_null());
    assert_eq!(
        plan(chat, Target::Kafka, seventy).config["retention.ms"],
        (70_u64 * 366 * 86_400_000).to_string()
    );
    let three_hundred = Some(Period::new(300, TimeUnit::Years));
    assert!(plan(chat, Target::Nats, three_hundred).config.is_null());
    let six_hundred = Some(Period::new(600, TimeUnit::Years));
    for target in Target::ALL {
        let _ = plan(chat, target, six_hundred);
    }
    // (c) a period of zero.
    for target in [Target::Nats, Target::Kafka, Target::ObjectStorage] {
        let zero = plan(chat, target, Some(Period::days(0)));
        assert!(zero.config.is_null(), "{target:?}: {}", zero.config);
        assert!(zero.needs_sweeper.unwrap().starts_with(NOT_NATIVE));
    }
    // (d) until termination: nothing counted from creation or from each write.
    assert!(plan(config, Target::ObjectStorage, None).config.is_null());
    assert_eq!(
        plan(config, Target::Kafka, None).config["retention.ms"],
        "-1"
    );
    assert_eq!(plan(config, Target::Nats, None).config["max_age"], 0);
    // (e) Kafka counts from the write only when the broker stamps the time.
    assert_eq!(
        plan(RequestLog::DESCRIPTOR, Target::Kafka, None).config["message.timestamp.type"],
        "LogAppendTime"
    );
}

/// The NATS plans, applied to the NATS server on this machine: JetStream accepts each stream
/// configuration and keeps its `max_age` as planned.
#[test]
fn nats_accepts_every_nats_plan() {
    let Some(mut nats) =
        privacy_tests::servers::or_skip("NATS JetStream", NATS, nats::Client::connect(NATS))
    else {
        return;
    };
    let suffix = format!(
        "{}_{}",
        std::process::id(),
        chrono::Utc::now().timestamp_micros()
    );
    let mut applied = 0;
    for descriptor in types() {
        for chosen in [
            None,
            Some(Period::days(1)),
            Some(Period::months(1)),
            Some(Period::new(70, TimeUnit::Years)),
            Some(Period::new(291, TimeUnit::Years)),
            Some(Period::new(300, TimeUnit::Years)),
        ] {
            let plan = plan(descriptor, Target::Nats, chosen);
            let mut config = plan.config.clone();
            let Some(object) = config.as_object_mut() else {
                continue;
            };
            if object.get("store") == Some(&serde_json::Value::Bool(false)) {
                continue;
            }
            // A stream and subjects of this run's own.
            let name = format!("{}_{suffix}_{applied}", object["name"].as_str().unwrap());
            let subject = format!("{}.>", name.to_lowercase());
            object.insert("name".into(), name.clone().into());
            object.insert("subjects".into(), serde_json::json!([subject]));
            object.insert("storage".into(), "memory".into());
            let created = nats.request(&format!("$JS.API.STREAM.CREATE.{name}"), &config);
            let deleted = nats.request(
                &format!("$JS.API.STREAM.DELETE.{name}"),
                &serde_json::Value::Null,
            );
            assert!(
                created.get("error").is_none(),
                "NATS refused {} ({chosen:?}): {config} -> {created}",
                descriptor.name
            );
            assert_eq!(created["config"]["max_age"], config["max_age"], "{created}");
            assert!(deleted.get("error").is_none(), "{deleted}");
            applied += 1;
        }
    }
    assert!(applied >= 20, "{applied} plans applied");
    // What the plans no longer emit is what NATS refuses or misreads.
    let refused = nats.request(
        &format!("$JS.API.STREAM.CREATE.REFUSED_{suffix}"),
        &serde_json::json!({
            "name": format!("REFUSED_{suffix}"),
            "subjects": [format!("refused_{suffix}.>")],
            "storage": "memory",
            "max_age": 300_u64 * 366 * 86_400 * 1_000_000_000,
        }),
    );
    let _ = nats.request(
        &format!("$JS.API.STREAM.DELETE.REFUSED_{suffix}"),
        &serde_json::Value::Null,
    );
    assert!(refused.get("error").is_some(), "{refused}");
}

const NATS: &str = "127.0.0.1:4222";

/// Just enough of the NATS client protocol for JetStream's request-reply API.
mod nats {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::TcpStream;
    use std::time::Duration;

    pub struct Client {
        reader: BufReader<TcpStream>,
        writer: TcpStream,
        next: u32,
    }

    impl Client {
        pub fn connect(address: &str) -> std::io::Result<Client> {
            let stream =
                TcpStream::connect_timeout(&address.parse().unwrap(), Duration::from_secs(2))?;
            stream.set_read_timeout(Some(Duration::from_secs(5)))?;
            let mut client = Client {
                reader: BufReader::new(stream.try_clone()?),
                writer: stream,
                next: 0,
            };
            let info = client.line()?;
            if !info.starts_with("INFO ") {
                return Err(std::io::Error::other(format!("not a NATS server: {info}")));
            }
            if !info.contains(r#""jetstream":true"#) {
                return Err(std::io::Error::other("the server runs without JetStream"));
            }
            client
                .writer
                .write_all(b"CONNECT {\"verbose\":false,\"pedantic\":false}\r\n")?;
            Ok(client)
        }

        fn line(&mut self) -> std::io::Result<String> {
            let mut line = String::new();
            self.reader.read_line(&mut line)?;
            Ok(line.trim_end().to_owned())
        }

        /// Sends `body` to `subject` and returns the JSON reply.
        pub fn request(&mut self, subject: &str, body: &serde_json::Value) -> serde_json::Value {
            self.next += 1;
            let inbox = format!("_INBOX.privacy_tests.{}", self.next);
            let payload = if body.is_null() {
                String::new()
            } else {
                body.to_string()
            };
            let message = format!(
                "SUB {inbox} {sid}\r\nPUB {subject} {inbox} {len}\r\n{payload}\r\n",
                sid = self.next,
                len = payload.len()
            );
            self.writer
                .write_all(message.as_bytes())
                .expect("NATS accepts the request");
            loop {
                let line = self.line().expect("NATS replies");
                if line == "PING" {
                    self.writer
                        .write_all(b"PONG\r\n")
                        .expect("NATS accepts PONG");
                } else if let Some(rest) = line.strip_prefix("MSG ") {
                    let len: usize = rest.rsplit(' ').next().unwrap().parse().unwrap();
                    let mut reply = vec![0; len + 2];
                    self.reader.read_exact(&mut reply).expect("the whole reply");
                    reply.truncate(len);
                    return serde_json::from_slice(&reply).expect("a JSON reply");
                } else if line.starts_with("-ERR") {
                    panic!("NATS: {line}");
                }
            }
        }
    }
}
