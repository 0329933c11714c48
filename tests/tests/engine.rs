//! The engine on the service's own tables, on SQLite, PostgreSQL and MariaDB: retention by
//! class and tenant decision, reads that never see a due row, guards on writes, erasure and
//! export, holds, restarts, concurrent sweepers and a write racing a sweep. One suite, run
//! on each database; PostgreSQL and MariaDB tests are skipped (and say so) when the server is
//! absent, unless `PRIVACY_REQUIRE_STORES=1`.

use chrono::{DateTime, NaiveDateTime, TimeDelta, TimeZone, Utc};
use privacy_core::engine::{AuditAction, AuditReason, Clock, Engine, EngineError, Hold};
use privacy_core::{Classified, Period, Secret, SubjectId, TimeUnit, im};

#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord, table = "chat_messages", erasure = redact_requester)]
struct ChatMessage {
    #[privacy(tenant)]
    pub app_id: String,
    pub id: String,
    #[privacy(subject, column = "sender_id")]
    pub sender: String,
    #[privacy(subject)]
    pub recipient: String,
    #[privacy(redact)]
    pub body: String,
    #[privacy(collected_at)]
    pub sent_at: DateTime<Utc>,
}

#[derive(Classified, sqlx::FromRow)]
#[privacy(category = im::UserInformation, table = "user_profiles")]
struct UserProfile {
    #[privacy(tenant)]
    pub app_id: String,
    #[privacy(subject)]
    pub user_id: String,
    #[privacy(redact)]
    pub nickname: String,
    #[privacy(secret)]
    pub push_token: Secret<String>,
    #[privacy(collected_at)]
    pub updated_at: DateTime<Utc>,
}

#[derive(Classified)]
#[privacy(category = im::LogData, table = "request_logs")]
struct RequestLog {
    #[privacy(tenant)]
    pub app_id: String,
    #[privacy(redact = ip)]
    pub client_ip: String,
    pub interface: String,
    #[privacy(collected_at, column = "at")]
    pub requested_at: NaiveDateTime,
}

#[derive(Classified)]
#[privacy(category = im::ConfigurationData, table = "app_configs")]
struct AppConfig {
    #[privacy(tenant)]
    pub app_id: String,
    pub callback_url: String,
}

/// Monitoring data read through the `time` crate.
#[derive(Classified)]
#[privacy(category = im::MonitoringData, table = "monitoring_samples")]
struct MonitoringSample {
    #[privacy(tenant)]
    pub app_id: String,
    pub latency_ms: i64,
    #[privacy(collected_at)]
    pub at: time::OffsetDateTime,
}

/// Who a contact request is from: a nested type, flattened into its row.
#[derive(Classified)]
#[privacy(category = im::UserInformation)]
struct Requester {
    #[privacy(subject)]
    pub requester_id: String,
    #[privacy(collected_at)]
    pub requested_at: DateTime<Utc>,
}

/// A contact request: one party in a nested type, the other a column of its own.
#[derive(Classified)]
#[privacy(category = im::UserInformation, table = "contact_requests", erasure = redact_requester)]
struct ContactRequest {
    #[privacy(tenant)]
    pub app_id: String,
    #[privacy(nested)]
    pub from: Requester,
    #[privacy(subject, column = "addressee")]
    pub to: String,
    #[privacy(collected_at)]
    pub at: DateTime<Utc>,
}

fn day0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap()
}

/// The service's tables in each database's own types: text, and instants as sqlx writes them
/// from `DateTime<Utc>` (with offset) and `NaiveDateTime` (without).
struct Types {
    text: &'static str,
    instant: &'static str,
    naive: &'static str,
}

fn schema(types: &Types) -> Vec<String> {
    let Types {
        text,
        instant,
        naive,
    } = types;
    vec![
        format!(
            "CREATE TABLE chat_messages (app_id {text} NOT NULL, id {text} NOT NULL, sender_id {text} NOT NULL, recipient {text} NOT NULL, body {text} NOT NULL, sent_at {instant} NOT NULL, PRIMARY KEY (app_id, id))"
        ),
        format!(
            "CREATE TABLE user_profiles (app_id {text} NOT NULL, user_id {text} NOT NULL, nickname {text} NOT NULL, push_token {text} NOT NULL, updated_at {instant} NOT NULL, PRIMARY KEY (app_id, user_id))"
        ),
        format!(
            "CREATE TABLE request_logs (app_id {text} NOT NULL, client_ip {text} NOT NULL, interface {text} NOT NULL, at {naive} NOT NULL)"
        ),
        format!("CREATE TABLE app_configs (app_id {text} NOT NULL, callback_url {text} NOT NULL)"),
        format!(
            "CREATE TABLE monitoring_samples (app_id {text} NOT NULL, latency_ms BIGINT NOT NULL, at {instant} NOT NULL)"
        ),
        format!(
            "CREATE TABLE contact_requests (app_id {text} NOT NULL, requester_id {text} NOT NULL, requested_at {instant} NOT NULL, addressee {text} NOT NULL, at {instant} NOT NULL)"
        ),
        "CREATE INDEX request_logs_at ON request_logs (at)".to_owned(),
    ]
}

macro_rules! suite {
    ($module:ident, $db:ty, $types:expr, $placeholders:expr, open = $open:expr, close = $close:expr) => {
        mod $module {
            use super::*;
            use sqlx::Executor as _;

            type Db = $db;

            struct Env {
                pool: sqlx::Pool<Db>,
                name: String,
            }

            async fn env(test: &str) -> Option<Env> {
                let (pool, name) = $open(test).await?;
                for statement in schema(&$types) {
                    pool.execute(statement.as_str()).await.expect("the service's schema");
                }
                Some(Env { pool, name })
            }

            impl Env {
                fn engine(&self, clock: &Clock) -> Engine<Db> {
                    Engine::builder(self.pool.clone())
                        .table::<ChatMessage>()
                        .table::<UserProfile>()
                        .table::<RequestLog>()
                        .table::<AppConfig>()
                        .table::<MonitoringSample>()
                        .table::<ContactRequest>()
                        .clock(clock.clone())
                        .subject_key(b"a subject key for the tests")
                        .batch_size(3)
                        .build()
                        .expect("the mappings")
                }

                async fn close(self) {
                    $close(self.pool, &self.name).await;
                }

                fn sql(&self, text: &str) -> String {
                    if $placeholders {
                        let mut n = 0;
                        text.chars()
                            .map(|c| {
                                if c == '?' {
                                    n += 1;
                                    format!("${n}")
                                } else {
                                    c.to_string()
                                }
                            })
                            .collect()
                    } else {
                        text.to_owned()
                    }
                }

                async fn chat(&self, app: &str, id: &str, sender: &str, recipient: &str, at: DateTime<Utc>) {
                    sqlx::query(&self.sql("INSERT INTO chat_messages (app_id, id, sender_id, recipient, body, sent_at) VALUES (?, ?, ?, ?, 'hello', ?)"))
                        .bind(app).bind(id).bind(sender).bind(recipient).bind(at)
                        .execute(&self.pool).await.expect("a chat message");
                }

                async fn profile(&self, app: &str, user: &str, at: DateTime<Utc>) {
                    sqlx::query(&self.sql("INSERT INTO user_profiles (app_id, user_id, nickname, push_token, updated_at) VALUES (?, ?, 'Nightingale', 'push-secret-42', ?)"))
                        .bind(app).bind(user).bind(at)
                        .execute(&self.pool).await.expect("a profile");
                }

                async fn log(&self, app: &str, at: DateTime<Utc>) {
                    sqlx::query(&self.sql("INSERT INTO request_logs (app_id, client_ip, interface, at) VALUES (?, '203.0.113.7', 'sendmsg', ?)"))
                        .bind(app).bind(at.naive_utc())
                        .execute(&self.pool).await.expect("a request log");
                }

                async fn config(&self, app: &str) {
                    sqlx::query(&self.sql("INSERT INTO app_configs (app_id, callback_url) VALUES (?, 'https://hooks.example.com')"))
                        .bind(app)
                        .execute(&self.pool).await.expect("a configuration");
                }

                async fn count(&self, sql: &str) -> i64 {
                    sqlx::query_scalar::<_, i64>(sql).fetch_one(&self.pool).await.expect("a count")
                }

                /// Rows of `table` for `app`, all, and those the engine's condition shows.
                async fn rows(&self, engine: &Engine<Db>, table: &str, app: &str, visible: &str) -> (i64, i64) {
                    let all = self.count(&format!("SELECT count(*) FROM {table} WHERE app_id = '{app}'")).await;
                    let shown = self.count(&format!("SELECT count(*) FROM {table} AS v WHERE app_id = '{app}' AND {visible}")).await;
                    let _ = engine;
                    (all, shown)
                }
            }

            #[tokio::test]
            async fn secrets_read_through_from_row_and_time_crate_instants() {
                let Some(env) = env("columns").await else { return };
                let clock = Clock::manual(day0());
                let engine = env.engine(&clock);
                engine.install().await.unwrap();
                sqlx::query(&env.sql("INSERT INTO user_profiles (app_id, user_id, nickname, push_token, updated_at) VALUES ('acme', 'ann', 'Nightingale', ?, ?)"))
                    .bind(Secret::new(String::from("push-secret-42"))).bind(day0())
                    .execute(&env.pool).await.unwrap();
                let read = format!("SELECT * FROM user_profiles AS v WHERE {}", engine.visible::<UserProfile>("v").unwrap());
                let profiles: Vec<UserProfile> = sqlx::query_as(&read).fetch_all(&env.pool).await.unwrap();
                assert_eq!(profiles.len(), 1);
                assert_eq!(profiles[0].push_token.expose(), "push-secret-42");
                assert!(!format!("{:?}", profiles[0]).contains("push-secret-42"));
                // A secret column that does not decode says so without its value.
                let error = sqlx::query_scalar::<_, Secret<i64>>("SELECT push_token FROM user_profiles").fetch_one(&env.pool).await;
                if let Err(error) = error {
                    assert!(!error.to_string().contains("push-secret-42"), "{error}");
                }
                let at = |days: i64| time::OffsetDateTime::from_unix_timestamp((day0() - TimeDelta::days(days)).timestamp()).unwrap();
                for days in [1, 3] {
                    sqlx::query(&env.sql("INSERT INTO monitoring_samples (app_id, latency_ms, at) VALUES ('acme', 12, ?)"))
                        .bind(at(days)).execute(&env.pool).await.unwrap();
                }
                let visible = engine.visible::<MonitoringSample>("v").unwrap();
                assert_eq!(env.rows(&engine, "monitoring_samples", "acme", &visible).await, (2, 1));
                assert_eq!(engine.sweep().await.unwrap().deleted, 1);
                env.close().await;
            }

            #[tokio::test]
            async fn a_subject_in_a_nested_type_is_erased_by_its_column() {
                let Some(env) = env("nested").await else { return };
                let clock = Clock::manual(day0());
                let engine = env.engine(&clock);
                engine.install().await.unwrap();
                for (from, to) in [("ann", "bob"), ("bob", "ann"), ("cid", "bob")] {
                    sqlx::query(&env.sql("INSERT INTO contact_requests (app_id, requester_id, requested_at, addressee, at) VALUES ('acme', ?, ?, ?, ?)"))
                        .bind(from).bind(day0()).bind(to).bind(day0()).execute(&env.pool).await.unwrap();
                }
                let receipt = engine.erase("acme", &SubjectId::new("ann")).await.unwrap();
                assert_eq!(receipt.lines[0].redacted, 2, "{receipt}");
                assert_eq!(env.count("SELECT count(*) FROM contact_requests WHERE requester_id = 'ann' OR addressee = 'ann'").await, 0);
                assert_eq!(env.count("SELECT count(*) FROM contact_requests").await, 3, "kept for the other party");
                env.close().await;
            }

            #[tokio::test]
            async fn fixed_retention_is_hidden_then_swept_in_audited_batches() {
                let Some(env) = env("fixed").await else { return };
                let clock = Clock::manual(day0());
                let engine = env.engine(&clock);
                engine.install().await.unwrap();
                for age in 0..10 {
                    env.log("acme", day0() - TimeDelta::days(age)).await;
                }
                // 7 days: rows of age 7, 8, 9 days are due (age 7 exactly at its deadline).
                let visible = engine.visible::<RequestLog>("v").unwrap();
                assert_eq!(env.rows(&engine, "request_logs", "acme", &visible).await, (10, 7));
                let report = engine.sweep().await.unwrap();
                assert_eq!(report.deleted, 3);
                assert_eq!(env.rows(&engine, "request_logs", "acme", &visible).await, (7, 7));
                let sweeps: Vec<_> = engine.audit_log().await.unwrap().into_iter().filter(|entry| entry.action == AuditAction::Sweep).collect();
                assert_eq!(sweeps.len(), 1, "one batch of three: one aggregated entry");
                assert_eq!((sweeps[0].count, sweeps[0].reason, sweeps[0].table.as_str()), (3, AuditReason::Retention, "request_logs"));
                assert_eq!(sweeps[0].cutoff, Some(day0() - TimeDelta::days(7)));
                // A second sweep at the same instant takes rows that became due in between.
                env.log("acme", day0() - TimeDelta::days(30)).await;
                assert_eq!(engine.sweep().await.unwrap().deleted, 1);
                env.close().await;
            }

            #[tokio::test]
            async fn the_cutoff_is_exact_to_the_second_within_a_day() {
                let Some(env) = env("boundary").await else { return };
                // 22:30 on the cutoff's day: text order and time order must agree within a day.
                let now = Utc.with_ymd_and_hms(2026, 3, 8, 22, 30, 0).unwrap();
                let clock = Clock::manual(now);
                let engine = env.engine(&clock);
                engine.install().await.unwrap();
                let cutoff = now - TimeDelta::days(7);
                let offsets = [-72_000, -3_600, -1, 0, 1, 3_600, 72_000];
                for (n, seconds) in offsets.iter().enumerate() {
                    let at = cutoff + TimeDelta::seconds(*seconds) + TimeDelta::milliseconds(if n % 2 == 0 { 0 } else { 250 });
                    env.log(&format!("app{n}"), at).await;
                    env.chat(&format!("app{n}"), "m", "ann", "bob", at).await;
                }
                // Due: at or before the cutoff (the sub-second ones only when a whole second before).
                let due = |n: usize| offsets[n] < 0 || (offsets[n] == 0 && n % 2 == 0);
                for table in ["request_logs", "chat_messages"] {
                    let visible = if table == "request_logs" { engine.visible::<RequestLog>("v") } else { engine.visible::<ChatMessage>("v") }.unwrap();
                    for n in 0..offsets.len() {
                        let (all, shown) = env.rows(&engine, table, &format!("app{n}"), &visible).await;
                        assert_eq!((all, shown), (1, i64::from(!due(n))), "{table}, {} s from the cutoff", offsets[n]);
                    }
                }
                let expected = (0..offsets.len()).filter(|n| due(*n)).count() as u64;
                assert_eq!(engine.sweep().await.unwrap().deleted, 2 * expected);
                env.close().await;
            }

            #[tokio::test]
            async fn tenant_decisions_rule_end_users_data_and_survive_a_restart() {
                let Some(env) = env("tenants").await else { return };
                // The decisions were taken long before the rows were collected.
                let clock = Clock::manual(day0() - TimeDelta::days(90));
                let engine = env.engine(&clock);
                engine.install().await.unwrap();
                engine.choose_period("thirty", Some(Period::days(30))).await.unwrap();
                engine.opt_out("optout").await.unwrap();
                clock.set(day0());
                for app in ["thirty", "default", "optout"] {
                    for age in [0, 6, 8, 29, 31] {
                        env.chat(app, &format!("m{age}"), "ann", "bob", day0() - TimeDelta::days(age)).await;
                    }
                }
                // A restart: a new engine on the same database keeps every decision.
                drop(engine);
                let engine = env.engine(&clock);
                assert_eq!(engine.tenant("thirty").await.unwrap().period_seconds, Some(30 * 86_400));
                assert!(!engine.tenant("optout").await.unwrap().stores_end_user_data);
                let visible = engine.visible::<ChatMessage>("v").unwrap();
                assert_eq!(env.rows(&engine, "chat_messages", "thirty", &visible).await, (5, 4));
                assert_eq!(env.rows(&engine, "chat_messages", "default", &visible).await, (5, 2));
                assert_eq!(env.rows(&engine, "chat_messages", "optout", &visible).await, (5, 0));
                let report = engine.sweep().await.unwrap();
                assert_eq!(report.deleted, 1 + 3 + 5);
                assert_eq!(env.rows(&engine, "chat_messages", "thirty", &visible).await, (4, 4));
                assert_eq!(env.rows(&engine, "chat_messages", "default", &visible).await, (2, 2));
                assert_eq!(env.rows(&engine, "chat_messages", "optout", &visible).await, (0, 0));
                let opted_out: u64 = report.lines.iter().filter(|line| line.reason == AuditReason::OptedOut).map(|line| line.deleted).sum();
                assert_eq!(opted_out, 5);
                // The guard refuses the opted-out tenant's end users' data.
                let message = ChatMessage { app_id: "optout".into(), id: "x".into(), sender: "ann".into(), recipient: "bob".into(), body: "hi".into(), sent_at: day0() };
                assert!(matches!(engine.admit(&message).await, Err(EngineError::Refused { .. })));
                env.close().await;
            }

            #[tokio::test]
            async fn a_row_once_due_stays_due_when_the_period_grows_again() {
                let Some(env) = env("floor").await else { return };
                let clock = Clock::manual(day0());
                let engine = env.engine(&clock);
                engine.install().await.unwrap();
                engine.choose_period("acme", Some(Period::days(30))).await.unwrap();
                for age in [0, 2, 10, 20] {
                    env.chat("acme", &format!("m{age}"), "ann", "bob", day0() - TimeDelta::days(age)).await;
                }
                engine.choose_period("acme", Some(Period::days(1))).await.unwrap();
                engine.choose_period("acme", Some(Period::days(30))).await.unwrap();
                let visible = engine.visible::<ChatMessage>("v").unwrap();
                assert_eq!(env.rows(&engine, "chat_messages", "acme", &visible).await, (4, 1));
                assert_eq!(engine.sweep().await.unwrap().deleted, 3);
                // Opting out and back in before a sweep does not bring rows back either.
                env.profile("acme", "ann", day0()).await;
                engine.opt_out("acme").await.unwrap();
                engine.opt_in("acme").await.unwrap();
                let visible = engine.visible::<UserProfile>("v").unwrap();
                assert_eq!(env.rows(&engine, "user_profiles", "acme", &visible).await, (1, 0));
                env.close().await;
            }

            #[tokio::test]
            async fn tenants_and_subjects_compare_exactly() {
                let Some(env) = env("exact").await else { return };
                let clock = Clock::manual(day0());
                let engine = env.engine(&clock);
                engine.install().await.unwrap();
                engine.opt_out("ACME").await.unwrap();
                env.chat("acme", "m1", "Ann", "bob", day0()).await;
                env.chat("acme", "m2", "ann", "bob", day0()).await;
                env.chat("café", "m1", "zoé", "bob", day0()).await;
                assert!(engine.tenant("acme").await.unwrap().stores_end_user_data);
                assert_eq!(engine.sweep().await.unwrap().deleted, 0, "`ACME` opted out, not `acme`");
                let receipt = engine.erase("acme", &SubjectId::new("ann")).await.unwrap();
                assert_eq!(receipt.lines[0].redacted, 1, "`Ann`'s message is not `ann`'s");
                let receipt = engine.erase("cafe", &SubjectId::new("zoé")).await.unwrap();
                assert!(receipt.lines.is_empty(), "tenant `cafe` is not `café`");
                let receipt = engine.erase("café", &SubjectId::new("zoe")).await.unwrap();
                assert!(receipt.lines.is_empty(), "subject `zoe` is not `zoé`");
                env.close().await;
            }

            #[tokio::test]
            async fn erasure_deletes_or_redacts_by_column_honours_holds_and_counts_one_request() {
                let Some(env) = env("erase").await else { return };
                let clock = Clock::manual(day0());
                let engine = env.engine(&clock);
                engine.install().await.unwrap();
                env.chat("acme", "m1", "ann", "bob", day0()).await;
                env.chat("acme", "m2", "bob", "ann", day0()).await;
                env.chat("acme", "m3", "bob", "cid", day0()).await;
                env.chat("beta", "m1", "ann", "bob", day0()).await;
                env.profile("acme", "ann", day0()).await;
                env.profile("acme", "bob", day0()).await;
                let hold = engine.hold(Hold::tenant("acme", "case 17").subject("bob").on::<UserProfile>()).await.unwrap();
                let receipt = engine.erase("acme", &SubjectId::new("ann")).await.unwrap();
                let line = |name: &str| receipt.lines.iter().find(|line| line.type_name == name).cloned().unwrap();
                assert_eq!(line("ChatMessage").redacted, 2);
                assert_eq!(line("UserProfile").deleted, 1);
                assert!(!receipt.to_string().contains("ann"));
                // No column of tenant `acme` holds `ann` any more; `beta`'s row is untouched.
                assert_eq!(env.count("SELECT count(*) FROM chat_messages WHERE app_id = 'acme' AND (sender_id = 'ann' OR recipient = 'ann')").await, 0);
                assert_eq!(env.count("SELECT count(*) FROM chat_messages WHERE app_id = 'acme'").await, 3);
                assert_eq!(env.count("SELECT count(*) FROM chat_messages WHERE app_id = 'beta' AND sender_id = 'ann'").await, 1);
                // A second request finds nothing: the receipt counts this request only.
                let again = engine.erase("acme", &SubjectId::new("ann")).await.unwrap();
                assert!(again.lines.is_empty(), "{again}");
                let nothing = engine.erase("gamma", &SubjectId::new("bob")).await.unwrap();
                assert!(nothing.lines.is_empty(), "{nothing}");
                // The hold keeps `bob`'s profile; his messages are deleted... not: kept for others.
                let bob = engine.erase("acme", &SubjectId::new("bob")).await.unwrap();
                assert_eq!(bob.lines.iter().find(|line| line.type_name == "UserProfile").unwrap().held, 1);
                assert!(!bob.is_complete());
                engine.release(hold).await.unwrap();
                let bob = engine.erase("acme", &SubjectId::new("bob")).await.unwrap();
                assert_eq!(bob.lines.iter().find(|line| line.type_name == "UserProfile").unwrap().deleted, 1);
                let audit = engine.audit_log().await.unwrap();
                assert!(audit.iter().all(|entry| !entry.to_string().contains("ann") && !entry.to_string().contains("bob")));
                env.close().await;
            }

            #[tokio::test]
            async fn export_leaves_out_secrets_and_pseudonymises_others() {
                let Some(env) = env("export").await else { return };
                let clock = Clock::manual(day0());
                let engine = env.engine(&clock);
                engine.install().await.unwrap();
                env.chat("acme", "m1", "ann", "bob", day0()).await;
                env.chat("acme", "m2", "ann", "bob", day0() - TimeDelta::days(8)).await;
                env.profile("acme", "ann", day0()).await;
                let export = engine.export("acme", &SubjectId::new("ann")).await.unwrap();
                let text = export.to_string();
                assert!(!text.contains("push-secret-42"), "{text}");
                assert!(!text.contains("bob"), "{text}");
                assert!(text.contains("Nightingale"));
                let chats = export["categories"].as_array().unwrap().iter().find(|group| group["key"] == "im.chat_message_record").unwrap();
                assert_eq!(chats["records"].as_array().unwrap().len(), 1, "the 8-day-old message is due: not exported");
                assert_eq!(chats["records"][0]["record"]["sender"], "ann");
                env.close().await;
            }

            #[tokio::test]
            async fn guards_refuse_the_future_and_the_already_due() {
                let Some(env) = env("guards").await else { return };
                let clock = Clock::manual(day0());
                let engine = env.engine(&clock);
                engine.install().await.unwrap();
                let log = |at: NaiveDateTime| RequestLog { app_id: "acme".into(), client_ip: "203.0.113.7".into(), interface: "sendmsg".into(), requested_at: at };
                assert!(engine.admit(&log(day0().naive_utc())).await.is_ok());
                assert!(engine.admit(&log((day0() + TimeDelta::minutes(4)).naive_utc())).await.is_ok());
                let future = engine.admit(&log((day0() + TimeDelta::days(3650)).naive_utc())).await.unwrap_err();
                assert!(future.to_string().contains("in the future"), "{future}");
                let stale = engine.admit(&log((day0() - TimeDelta::days(8)).naive_utc())).await.unwrap_err();
                assert!(stale.to_string().contains("past its deadline"), "{stale}");
                assert!(engine.choose_period("acme", Some(Period::days(0))).await.is_err());
                assert!(engine.choose_period("acme", Some(Period::new(5_000, TimeUnit::Years))).await.is_err());
                assert!(engine.choose_period("acme", Some(Period::new(101, TimeUnit::Years))).await.is_err());
                env.close().await;
            }

            #[tokio::test]
            async fn configuration_goes_two_months_after_termination() {
                let Some(env) = env("terminated").await else { return };
                let clock = Clock::manual(day0());
                let engine = env.engine(&clock);
                engine.install().await.unwrap();
                env.config("ends").await;
                env.config("stays").await;
                engine.terminate("ends").await.unwrap();
                clock.advance(TimeDelta::days(59));
                assert_eq!(engine.sweep().await.unwrap().deleted, 0, "1 March + 2 months is 1 May");
                clock.set(Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap());
                let report = engine.sweep().await.unwrap();
                assert_eq!(report.deleted, 1);
                assert_eq!(report.lines[0].reason, AuditReason::Terminated);
                assert_eq!(env.count("SELECT count(*) FROM app_configs").await, 1);
                env.close().await;
            }

            #[tokio::test]
            async fn concurrent_sweepers_delete_and_count_each_row_once() {
                let Some(env) = env("concurrent").await else { return };
                let clock = Clock::manual(day0());
                let engine = env.engine(&clock);
                engine.install().await.unwrap();
                for n in 0..60 {
                    env.log(if n % 2 == 0 { "acme" } else { "beta" }, day0() - TimeDelta::days(8 + n % 5)).await;
                }
                let (first, second) = (env.engine(&clock), env.engine(&clock));
                let (a, b) = tokio::join!(first.sweep(), second.sweep());
                let (a, b) = (a.unwrap(), b.unwrap());
                assert_eq!(a.deleted + b.deleted, 60);
                assert_eq!(env.count("SELECT count(*) FROM request_logs").await, 0);
                let audited: u64 = engine.audit_log().await.unwrap().iter().filter(|entry| entry.action == AuditAction::Sweep).map(|entry| entry.count).sum();
                assert_eq!(audited, 60);
                env.close().await;
            }

            #[tokio::test]
            async fn a_write_forced_into_a_sweep_batch_is_stored() {
                let Some(env) = env("race").await else { return };
                let clock = Clock::manual(day0());
                env.engine(&clock).install().await.unwrap();
                env.chat("acme", "m1", "ann", "bob", day0() - TimeDelta::days(10)).await;
                let (entered, mut entered_rx) = tokio::sync::mpsc::channel::<()>(1);
                let release = std::sync::Arc::new(tokio::sync::Notify::new());
                let wait = std::sync::Arc::clone(&release);
                let pause = privacy_core::engine::__Pause(std::sync::Arc::new(move || {
                    let (entered, wait) = (entered.clone(), std::sync::Arc::clone(&wait));
                    Box::pin(async move {
                        let _ = entered.send(()).await;
                        wait.notified().await;
                    })
                }));
                let sweeping = Engine::builder(env.pool.clone())
                    .table::<ChatMessage>()
                    .clock(clock.clone())
                    .pause_before_commit(pause)
                    .build()
                    .unwrap();
                let sweep = tokio::spawn(async move { sweeping.sweep().await });
                entered_rx.recv().await.unwrap();
                // The batch has deleted the due row and not committed: the service writes the
                // same row again, fresh. The write waits for the batch, then stores the row.
                let pool = env.pool.clone();
                let upsert = env.sql(UPSERT);
                let write = tokio::spawn(async move {
                    sqlx::query(&upsert).bind(day0()).execute(&pool).await.map(|_| ())
                });
                tokio::time::sleep(std::time::Duration::from_millis(300)).await;
                release.notify_one();
                assert_eq!(sweep.await.unwrap().unwrap().deleted, 1);
                write.await.unwrap().expect("the write returns Ok");
                assert_eq!(env.count("SELECT count(*) FROM chat_messages WHERE id = 'm1'").await, 1, "a write that returned Ok is stored");
                env.close().await;
            }
        }
    };
}

const UPSERT_STANDARD: &str = "INSERT INTO chat_messages (app_id, id, sender_id, recipient, body, sent_at) VALUES ('acme', 'm1', 'ann', 'bob', 'again', ?) ON CONFLICT (app_id, id) DO UPDATE SET body = excluded.body, sent_at = excluded.sent_at";
const UPSERT_MYSQL: &str = "INSERT INTO chat_messages (app_id, id, sender_id, recipient, body, sent_at) VALUES ('acme', 'm1', 'ann', 'bob', 'again', ?) ON DUPLICATE KEY UPDATE body = VALUES(body), sent_at = VALUES(sent_at)";

async fn sqlite_env(_: &str) -> Option<(sqlx::SqlitePool, String)> {
    let file =
        std::env::temp_dir().join(format!("{}.db", privacy_tests::servers::prefix("engine")));
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&file)
        .create_if_missing(true)
        .busy_timeout(std::time::Duration::from_secs(10));
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await
        .ok()?;
    Some((pool, file.to_string_lossy().into_owned()))
}

async fn sqlite_close(pool: sqlx::SqlitePool, file: &str) {
    pool.close().await;
    let _ = std::fs::remove_file(file);
}

mod sqlite_suite {
    pub const UPSERT: &str = super::UPSERT_STANDARD;
    use super::*;
    suite!(
        tests,
        sqlx::Sqlite,
        Types {
            text: "TEXT",
            instant: "TEXT",
            naive: "TEXT"
        },
        false,
        open = sqlite_env,
        close = sqlite_close
    );
}

mod postgres_suite {
    pub const UPSERT: &str = super::UPSERT_STANDARD;
    use super::*;
    use privacy_tests::servers;
    suite!(
        tests,
        sqlx::Postgres,
        Types {
            text: "TEXT",
            instant: "TIMESTAMPTZ",
            naive: "TIMESTAMP"
        },
        true,
        open = servers::postgres,
        close = servers::drop_postgres
    );
}

mod mysql_suite {
    pub const UPSERT: &str = super::UPSERT_MYSQL;
    use super::*;
    use privacy_tests::servers;
    suite!(
        tests,
        sqlx::MySql,
        Types {
            text: "VARCHAR(64)",
            instant: "DATETIME(6)",
            naive: "DATETIME(6)"
        },
        false,
        open = servers::mysql,
        close = servers::drop_mysql
    );
}

/// SQLite keeps instants as text: a row written in SQLite's own layout (`CURRENT_TIMESTAMP`'s
/// `YYYY-MM-DD HH:MM:SS`, a space where sqlx writes `T`) on the cutoff's day is due at its own
/// instant, not up to a day early.
#[tokio::test]
async fn sqlite_rows_in_sqlites_own_layout_are_never_due_early() {
    let pool = privacy_tests::servers::sqlite().await;
    let types = Types {
        text: "TEXT",
        instant: "TEXT",
        naive: "TEXT",
    };
    for statement in schema(&types) {
        sqlx::query(&statement).execute(&pool).await.unwrap();
    }
    for (id, at) in [
        ("after", "2026-03-01 18:00:00"),
        ("before", "2026-03-01 05:00:00"),
    ] {
        sqlx::query("INSERT INTO chat_messages VALUES ('acme', ?, 'ann', 'bob', 'hi', ?)")
            .bind(id)
            .bind(at)
            .execute(&pool)
            .await
            .unwrap();
    }
    // Seven days after 1 March 06:00: the cutoff falls between the two rows.
    let now = Utc.with_ymd_and_hms(2026, 3, 8, 6, 0, 0).unwrap();
    let engine = Engine::builder(pool.clone())
        .table::<ChatMessage>()
        .clock(Clock::manual(now))
        .build()
        .unwrap();
    engine.install().await.unwrap();
    let visible = engine.visible::<ChatMessage>("v").unwrap();
    let shown: Vec<String> = sqlx::query_scalar(&format!(
        "SELECT id FROM chat_messages AS v WHERE {visible}"
    ))
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(shown, ["after"]);
    assert_eq!(engine.sweep().await.unwrap().deleted, 1);
}
