//! The example IM service end to end, on SQLite, PostgreSQL and MariaDB: the service runs
//! in-process and a client drives a few simulated days through its HTTP API. Each rule's
//! records disappear from reads at their deadline and from the database at the next sweep;
//! an erasure leaves no row holding the subject; an export holds no secret and no other
//! person's id; the captured log holds no raw value. PostgreSQL and MariaDB runs are skipped
//! (and say so) when the server is absent, unless `PRIVACY_REQUIRE_STORES=1`.

use chrono::{DateTime, Months, TimeDelta, Utc};
use im_backend::service::{App, router};
use im_backend::sim::{self, Client};
use im_backend::sim::{Method, StatusCode};
use privacy_core::engine::Clock;
use serde_json::{Value, json};

fn at(day: i64, hour: i64) -> DateTime<Utc> {
    sim::start() + TimeDelta::days(day) + TimeDelta::hours(hour)
}

const IP: &str = "198.51.100.23";

async fn call(
    client: &mut Client,
    method: Method,
    uri: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let (status, answer) = client
        .call(method, uri, body, IP)
        .await
        .expect("the request goes through");
    if status.is_server_error() {
        eprintln!("{uri} answered {status}: {answer}");
    }
    (status, answer)
}

/// Raw values the scenario sends, none of which may reach the log.
const RAW: [&str; 7] = [
    "hello bob from ann",
    "Ann Nightingale",
    "app-key-SECRET",
    "push-SECRET",
    "198.51.100.23",
    "\"ann\"",
    "=ann ",
];

macro_rules! scenario {
    ($name:ident, $db:ty, open = $open:expr, close = $close:expr) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $name() {
            let Some((pool, name)) = $open("im_service").await else { return };
            let captured = im_backend::logs::capture();
            let count = |sql: &'static str| {
                let pool = pool.clone();
                async move { sqlx::query_scalar::<$db, i64>(sql).fetch_one(&pool).await.expect(sql) }
            };
            let clock = Clock::manual(at(0, 9));
            let app = App::new(sim::engine(pool.clone(), clock.clone()).unwrap());
            app.install().await.unwrap();
            let mut client = Client::new(router(app.clone()));
            let c = &mut client;

            // Day 0, 09:00: four tenants, their configuration, their end users' data.
            for (tenant, settings) in [
                ("t-chosen", json!({ "period_days": 3 })),
                ("t-default", json!({})),
                ("t-out", json!({ "stores_end_user_data": false })),
                ("t-ending", json!({})),
            ] {
                let (status, answer) = call(c, Method::PUT, &format!("/apps/{tenant}/settings"), Some(settings)).await;
                assert_eq!(status, StatusCode::OK, "{answer}");
                let provision = json!({
                    "name": "chat", "callback_url": "https://hooks.example.com/im", "administrator": "admin@example.com",
                    "app_key": format!("app-key-SECRET-{tenant}"), "push_app_secret": format!("push-SECRET-{tenant}"),
                    "data_centre": "eu", "uin": 42,
                });
                assert_eq!(call(c, Method::PUT, &format!("/apps/{tenant}"), Some(provision)).await.0, StatusCode::NO_CONTENT);
                let mut ids = Vec::new();
                for (from, to) in [("ann", "bob"), ("bob", "ann"), ("bob", "cid")] {
                    let body = json!({ "sender": from, "recipient": to, "body": format!("hello {to} from {from}") });
                    let (status, answer) = call(c, Method::POST, &format!("/apps/{tenant}/messages"), Some(body)).await;
                    if tenant == "t-out" {
                        assert_eq!(status, StatusCode::FORBIDDEN);
                        assert!(answer["error"].as_str().unwrap().contains("opted out"), "{answer}");
                        assert!(!answer.to_string().contains("hello"), "{answer}");
                    } else {
                        assert_eq!(status, StatusCode::CREATED, "{answer}");
                        ids.push(answer["id"].as_str().unwrap().to_owned());
                    }
                }
                let profile = json!({ "nickname": "Ann Nightingale", "avatar_url": "https://cdn.example.com/ann.png", "signature": "hi" });
                let (status, _) = call(c, Method::PUT, &format!("/apps/{tenant}/users/ann/profile"), Some(profile)).await;
                assert_eq!(status, if tenant == "t-out" { StatusCode::FORBIDDEN } else { StatusCode::NO_CONTENT });
            }
            assert_eq!(count("SELECT count(*) FROM messages WHERE app_id = 't-out'").await, 0, "opted out: never stored");
            assert_eq!(call(c, Method::POST, "/admin/monitoring", None).await.0, StatusCode::OK);
            assert!(count("SELECT count(*) FROM monitoring_samples").await > 0);

            // Day 1: bob's export in t-chosen, ann's erasure in t-default, t-ending ends.
            clock.set(at(1, 9));
            let (status, export) = call(c, Method::GET, "/apps/t-chosen/users/bob/export", None).await;
            assert_eq!(status, StatusCode::OK);
            let text = export.to_string();
            assert!(text.contains("hello cid from bob"), "{text}");
            for absent in ["SECRET", "\"ann\"", "\"cid\"", "Nightingale"] {
                assert!(!text.contains(absent), "the export holds {absent}: {text}");
            }
            let (status, receipt) = call(c, Method::DELETE, "/apps/t-default/users/ann", None).await;
            assert_eq!(status, StatusCode::OK, "{receipt}");
            assert_eq!(receipt["complete"], true);
            let deleted = |ty: &str| receipt["lines"].as_array().unwrap().iter().find(|line| line["type"] == ty).map(|line| line["deleted"].as_u64().unwrap());
            assert_eq!((deleted("Message"), deleted("UserProfile")), (Some(2), Some(1)), "{receipt}");
            assert!(!receipt.to_string().contains("ann"), "{receipt}");
            // No row of t-default holds ann; bob's message to cid stays; other tenants untouched.
            assert_eq!(count("SELECT count(*) FROM messages WHERE app_id = 't-default' AND (sender = 'ann' OR recipient = 'ann')").await, 0);
            assert_eq!(count("SELECT count(*) FROM profiles WHERE app_id = 't-default' AND user_id = 'ann'").await, 0);
            assert_eq!(count("SELECT count(*) FROM messages WHERE app_id = 't-default'").await, 1);
            assert_eq!(count("SELECT count(*) FROM messages WHERE app_id = 't-chosen' AND (sender = 'ann' OR recipient = 'ann')").await, 2);
            let (_, after) = call(c, Method::GET, "/apps/t-default/users/ann/export", None).await;
            assert_eq!(sim::records(&after), 0, "{after}");
            assert_eq!(call(c, Method::PUT, "/apps/t-ending/settings", Some(json!({ "terminated": true }))).await.0, StatusCode::OK);

            // Monitoring: 2 days.
            clock.set(at(2, 8));
            call(c, Method::POST, "/admin/sweep", None).await;
            assert!(count("SELECT count(*) FROM monitoring_samples WHERE at <= (SELECT max(at) FROM monitoring_samples)").await > 0);
            let before = count("SELECT count(*) FROM monitoring_samples").await;
            clock.set(at(2, 10));
            call(c, Method::POST, "/admin/sweep", None).await;
            assert!(count("SELECT count(*) FROM monitoring_samples").await < before, "day-0 samples swept after 2 days");

            // The chosen 3 days: hidden at the deadline, before any sweep; then deleted.
            clock.set(at(2, 23));
            assert_eq!(call(c, Method::GET, "/apps/t-chosen/users/ann/profile", None).await.0, StatusCode::OK);
            clock.set(at(3, 9));
            assert_eq!(call(c, Method::GET, "/apps/t-chosen/users/ann/profile", None).await.0, StatusCode::NOT_FOUND);
            let (_, listed) = call(c, Method::GET, "/apps/t-chosen/users/bob/messages", None).await;
            assert_eq!(listed.as_array().unwrap().len(), 0, "{listed}");
            assert_eq!(count("SELECT count(*) FROM messages WHERE app_id = 't-chosen'").await, 3, "hidden, not yet swept");
            let (_, listed) = call(c, Method::GET, "/apps/t-default/users/bob/messages", None).await;
            assert_eq!(listed.as_array().unwrap().len(), 1, "the 7-day tenant's message is still there");
            call(c, Method::POST, "/admin/sweep", None).await;
            assert_eq!(count("SELECT count(*) FROM messages WHERE app_id = 't-chosen'").await, 0);
            assert_eq!(count("SELECT count(*) FROM profiles WHERE app_id = 't-chosen'").await, 0);

            // The default 7 days.
            clock.set(at(7, 8));
            assert_eq!(call(c, Method::GET, "/apps/t-default/users/bob/messages", None).await.1.as_array().unwrap().len(), 1);
            clock.set(at(7, 10));
            assert_eq!(call(c, Method::GET, "/apps/t-default/users/bob/messages", None).await.1.as_array().unwrap().len(), 0);
            call(c, Method::POST, "/admin/sweep", None).await;
            assert_eq!(count("SELECT count(*) FROM messages").await, 0);
            assert_eq!(count("SELECT count(*) FROM request_logs WHERE at < (SELECT min(at) FROM request_logs) ").await, 0);

            // Termination: configuration and account ids kept 2 months after use ends.
            let due = at(1, 9).checked_add_months(Months::new(2)).unwrap();
            clock.set(due - TimeDelta::hours(1));
            assert_eq!(call(c, Method::GET, "/apps/t-ending/config", None).await.0, StatusCode::OK);
            call(c, Method::POST, "/admin/sweep", None).await;
            assert_eq!(count("SELECT count(*) FROM app_configs WHERE app_id = 't-ending'").await, 1);
            clock.set(due + TimeDelta::hours(1));
            assert_eq!(call(c, Method::GET, "/apps/t-ending/config", None).await.0, StatusCode::NOT_FOUND);
            assert_eq!(call(c, Method::GET, "/apps/t-default/config", None).await.0, StatusCode::OK);
            call(c, Method::POST, "/admin/sweep", None).await;
            assert_eq!(count("SELECT count(*) FROM app_configs WHERE app_id = 't-ending'").await, 0);
            assert_eq!(count("SELECT count(*) FROM account_ids WHERE app_id = 't-ending'").await, 0);
            assert_eq!(count("SELECT count(*) FROM app_configs").await, 3);
            // Request logs: 7 days, so none of the first week is left.
            assert_eq!(count("SELECT count(*) FROM request_logs").await, 3, "the requests of the last two hours");

            // The log: every request and write went through it, no raw value did.
            let log = captured.text();
            assert!(log.contains("message stored") && log.contains("finished processing request"), "{log}");
            for raw in RAW {
                assert!(!log.contains(raw), "the log holds {raw}");
            }
            assert!(im_backend::summary::raw_values_in(&log).is_empty());
            $close(pool, &name).await;
        }
    };
}

async fn sqlite(test: &str) -> Option<(sqlx::SqlitePool, String)> {
    let file = std::env::temp_dir().join(format!("{}.db", privacy_tests::servers::prefix(test)));
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

async fn drop_sqlite(pool: sqlx::SqlitePool, file: &str) {
    pool.close().await;
    let _ = std::fs::remove_file(file);
}

scenario!(on_sqlite, sqlx::Sqlite, open = sqlite, close = drop_sqlite);
scenario!(
    on_postgres,
    sqlx::Postgres,
    open = privacy_tests::servers::postgres,
    close = privacy_tests::servers::drop_postgres
);
scenario!(
    on_mariadb,
    sqlx::MySql,
    open = privacy_tests::servers::mysql,
    close = privacy_tests::servers::drop_mysql
);
