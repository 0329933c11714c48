//! The service's own SQL on each database it runs on: its tables, and the reads and writes
//! its handlers make. Every read of a classified table adds the engine's `visible`
//! condition, passed in by the caller, so a row past its deadline is never returned.
//!
//! The same code serves SQLite, PostgreSQL and MariaDB: a macro writes it once per sqlx
//! driver (generic sqlx code would need a bound per column type).

use crate::model::{AccountIds, AppConfig, Message, MonitoringSample, RequestLog, UserProfile};
use privacy_core::engine::Dialect;
use std::future::Future;

/// A database the service runs on.
pub trait Backend: Dialect + Sized + Send + Sync + 'static {
    /// The statements creating the service's tables and indexes.
    fn schema() -> Vec<String>;

    /// Runs one statement without parameters (DDL).
    fn run_statement(
        pool: &sqlx::Pool<Self>,
        statement: &str,
    ) -> impl Future<Output = sqlx::Result<()>> + Send;

    /// Stores a chat message.
    fn insert_message(
        pool: &sqlx::Pool<Self>,
        message: &Message,
    ) -> impl Future<Output = sqlx::Result<()>> + Send;

    /// One message of `app`, if it is visible.
    fn message(
        pool: &sqlx::Pool<Self>,
        app: &str,
        id: &str,
        visible: &str,
    ) -> impl Future<Output = sqlx::Result<Option<Message>>> + Send;

    /// The visible messages `user` of `app` sent or received, oldest first.
    fn messages_of(
        pool: &sqlx::Pool<Self>,
        app: &str,
        user: &str,
        visible: &str,
    ) -> impl Future<Output = sqlx::Result<Vec<Message>>> + Send;

    /// Writes (or rewrites) a profile.
    fn upsert_profile(
        pool: &sqlx::Pool<Self>,
        profile: &UserProfile,
    ) -> impl Future<Output = sqlx::Result<()>> + Send;

    /// A visible profile.
    fn profile(
        pool: &sqlx::Pool<Self>,
        app: &str,
        user: &str,
        visible: &str,
    ) -> impl Future<Output = sqlx::Result<Option<UserProfile>>> + Send;

    /// Writes (or rewrites) an application's configuration.
    fn upsert_config(
        pool: &sqlx::Pool<Self>,
        config: &AppConfig,
    ) -> impl Future<Output = sqlx::Result<()>> + Send;

    /// A visible configuration.
    fn config(
        pool: &sqlx::Pool<Self>,
        app: &str,
        visible: &str,
    ) -> impl Future<Output = sqlx::Result<Option<AppConfig>>> + Send;

    /// Stores an application's account identifiers once.
    fn insert_account(
        pool: &sqlx::Pool<Self>,
        account: &AccountIds,
    ) -> impl Future<Output = sqlx::Result<()>> + Send;

    /// Stores an interface request.
    fn insert_log(
        pool: &sqlx::Pool<Self>,
        log: &RequestLog,
    ) -> impl Future<Output = sqlx::Result<()>> + Send;

    /// Stores monitoring samples.
    fn insert_sample(
        pool: &sqlx::Pool<Self>,
        sample: &MonitoringSample,
    ) -> impl Future<Output = sqlx::Result<()>> + Send;

    /// The rows of `table` (one of [`crate::model::TABLES`]) per tenant, as the database
    /// holds them (swept or not).
    fn rows_per_tenant(
        pool: &sqlx::Pool<Self>,
        table: &'static str,
    ) -> impl Future<Output = sqlx::Result<Vec<(String, i64)>>> + Send;
}

/// Column types of one database.
struct Types {
    key: &'static str,
    text: &'static str,
    instant: &'static str,
    real: &'static str,
}

fn schema(types: &Types) -> Vec<String> {
    let Types {
        key,
        text,
        instant,
        real,
    } = types;
    vec![
        format!(
            "CREATE TABLE IF NOT EXISTS messages (app_id {key} NOT NULL, id {key} NOT NULL, sender {key} NOT NULL, recipient {key} NOT NULL, body {text} NOT NULL, sent_at {instant} NOT NULL, PRIMARY KEY (app_id, id))"
        ),
        "CREATE INDEX IF NOT EXISTS messages_app_id_sent_at ON messages (app_id, sent_at)".into(),
        "CREATE INDEX IF NOT EXISTS messages_app_id_sender ON messages (app_id, sender)".into(),
        "CREATE INDEX IF NOT EXISTS messages_app_id_recipient ON messages (app_id, recipient)"
            .into(),
        format!(
            "CREATE TABLE IF NOT EXISTS profiles (app_id {key} NOT NULL, user_id {key} NOT NULL, nickname {text} NOT NULL, avatar_url {text} NOT NULL, signature {text} NOT NULL, updated_at {instant} NOT NULL, PRIMARY KEY (app_id, user_id))"
        ),
        "CREATE INDEX IF NOT EXISTS profiles_app_id_updated_at ON profiles (app_id, updated_at)"
            .into(),
        format!(
            "CREATE TABLE IF NOT EXISTS request_logs (app_id {key} NOT NULL, client_ip {key} NOT NULL, interface {key} NOT NULL, status BIGINT NOT NULL, at {instant} NOT NULL)"
        ),
        "CREATE INDEX IF NOT EXISTS request_logs_at ON request_logs (at)".into(),
        format!(
            "CREATE TABLE IF NOT EXISTS monitoring_samples (app_id {key} NOT NULL, interface {key} NOT NULL, success_rate {real} NOT NULL, average_latency_us BIGINT NOT NULL, at {instant} NOT NULL)"
        ),
        "CREATE INDEX IF NOT EXISTS monitoring_samples_at ON monitoring_samples (at)".into(),
        format!(
            "CREATE TABLE IF NOT EXISTS app_configs (app_id {key} NOT NULL PRIMARY KEY, name {text} NOT NULL, callback_url {text} NOT NULL, administrator {text} NOT NULL, app_key {text} NOT NULL, push_app_secret {text} NOT NULL, data_centre {text} NOT NULL)"
        ),
        format!(
            "CREATE TABLE IF NOT EXISTS account_ids (app_id {key} NOT NULL PRIMARY KEY, uin BIGINT NOT NULL)"
        ),
    ]
}

/// The select list of `alias`'s `keys` (read through `key`, which names each result column
/// as the column) and `others`.
fn select(alias: &str, keys: &[&str], others: &[&str], key: fn(&str, &str) -> String) -> String {
    keys.iter()
        .map(|column| key(alias, column))
        .chain(others.iter().map(|column| format!("{alias}.{column}")))
        .collect::<Vec<_>>()
        .join(", ")
}

fn plain_key(alias: &str, column: &str) -> String {
    format!("{alias}.{column}")
}

/// MariaDB reports text in a binary collation as bytes, which sqlx does not decode as
/// `String`: read the key columns back as text in the connection's character set.
#[cfg(feature = "mysql")]
fn mysql_key(alias: &str, column: &str) -> String {
    format!("CAST({alias}.{column} AS CHAR CHARACTER SET utf8mb4) AS {column}")
}

const MESSAGE_KEYS: [&str; 4] = ["app_id", "id", "sender", "recipient"];
const MESSAGE_OTHERS: [&str; 2] = ["body", "sent_at"];
const PROFILE_KEYS: [&str; 2] = ["app_id", "user_id"];
const PROFILE_OTHERS: [&str; 4] = ["nickname", "avatar_url", "signature", "updated_at"];
const CONFIG_OTHERS: [&str; 6] = [
    "name",
    "callback_url",
    "administrator",
    "app_key",
    "push_app_secret",
    "data_centre",
];

/// `?` placeholders as PostgreSQL numbers them.
fn numbered(sql: &str) -> String {
    let mut n = 0;
    let mut out = String::with_capacity(sql.len() + 8);
    for character in sql.chars() {
        if character == '?' {
            n += 1;
            out.push('$');
            out.push_str(&n.to_string());
        } else {
            out.push(character);
        }
    }
    out
}

macro_rules! backend {
    ($db:ty, $types:expr, key = $key:expr, numbered = $numbered:expr, upsert_profile = $upsert_profile:expr, upsert_config = $upsert_config:expr, insert_account = $insert_account:expr) => {
        impl Backend for $db {
            fn schema() -> Vec<String> {
                schema(&$types)
            }

            async fn run_statement(pool: &sqlx::Pool<Self>, statement: &str) -> sqlx::Result<()> {
                sqlx::query::<$db>(statement).execute(pool).await.map(|_| ())
            }

            async fn insert_message(pool: &sqlx::Pool<Self>, m: &Message) -> sqlx::Result<()> {
                let sql = sql("INSERT INTO messages (app_id, id, sender, recipient, body, sent_at) VALUES (?, ?, ?, ?, ?, ?)");
                sqlx::query::<$db>(&sql)
                    .bind(&m.app_id).bind(&m.id).bind(&m.sender).bind(&m.recipient).bind(&m.body).bind(m.sent_at)
                    .execute(pool).await.map(|_| ())
            }

            async fn message(pool: &sqlx::Pool<Self>, app: &str, id: &str, visible: &str) -> sqlx::Result<Option<Message>> {
                let sql = sql(&format!("SELECT {} FROM messages AS m WHERE m.app_id = ? AND m.id = ? AND {visible}", select("m", &MESSAGE_KEYS, &MESSAGE_OTHERS, $key)));
                sqlx::query_as::<$db, Message>(&sql).bind(app).bind(id).fetch_optional(pool).await
            }

            async fn messages_of(pool: &sqlx::Pool<Self>, app: &str, user: &str, visible: &str) -> sqlx::Result<Vec<Message>> {
                let sql = sql(&format!("SELECT {} FROM messages AS m WHERE m.app_id = ? AND (m.sender = ? OR m.recipient = ?) AND {visible} ORDER BY m.sent_at, m.id", select("m", &MESSAGE_KEYS, &MESSAGE_OTHERS, $key)));
                sqlx::query_as::<$db, Message>(&sql).bind(app).bind(user).bind(user).fetch_all(pool).await
            }

            async fn upsert_profile(pool: &sqlx::Pool<Self>, p: &UserProfile) -> sqlx::Result<()> {
                let sql = sql($upsert_profile);
                sqlx::query::<$db>(&sql)
                    .bind(&p.app_id).bind(&p.user_id).bind(&p.nickname).bind(&p.avatar_url).bind(&p.signature).bind(p.updated_at)
                    .execute(pool).await.map(|_| ())
            }

            async fn profile(pool: &sqlx::Pool<Self>, app: &str, user: &str, visible: &str) -> sqlx::Result<Option<UserProfile>> {
                let sql = sql(&format!("SELECT {} FROM profiles AS p WHERE p.app_id = ? AND p.user_id = ? AND {visible}", select("p", &PROFILE_KEYS, &PROFILE_OTHERS, $key)));
                sqlx::query_as::<$db, UserProfile>(&sql).bind(app).bind(user).fetch_optional(pool).await
            }

            async fn upsert_config(pool: &sqlx::Pool<Self>, c: &AppConfig) -> sqlx::Result<()> {
                let sql = sql($upsert_config);
                sqlx::query::<$db>(&sql)
                    .bind(&c.app_id).bind(&c.name).bind(&c.callback_url).bind(&c.administrator)
                    .bind(c.app_key.expose()).bind(c.push_app_secret.expose()).bind(&c.data_centre)
                    .execute(pool).await.map(|_| ())
            }

            async fn config(pool: &sqlx::Pool<Self>, app: &str, visible: &str) -> sqlx::Result<Option<AppConfig>> {
                let sql = sql(&format!("SELECT {} FROM app_configs AS c WHERE c.app_id = ? AND {visible}", select("c", &["app_id"], &CONFIG_OTHERS, $key)));
                let row = sqlx::query_as::<$db, (String, String, String, String, String, String, String)>(&sql)
                    .bind(app).fetch_optional(pool).await?;
                Ok(row.map(|(app_id, name, callback_url, administrator, app_key, push_app_secret, data_centre)| AppConfig {
                    app_id, name, callback_url, administrator,
                    app_key: app_key.into(), push_app_secret: push_app_secret.into(), data_centre,
                }))
            }

            async fn insert_account(pool: &sqlx::Pool<Self>, a: &AccountIds) -> sqlx::Result<()> {
                let sql = sql($insert_account);
                sqlx::query::<$db>(&sql).bind(&a.app_id).bind(a.uin).execute(pool).await.map(|_| ())
            }

            async fn insert_log(pool: &sqlx::Pool<Self>, l: &RequestLog) -> sqlx::Result<()> {
                let sql = sql("INSERT INTO request_logs (app_id, client_ip, interface, status, at) VALUES (?, ?, ?, ?, ?)");
                sqlx::query::<$db>(&sql)
                    .bind(&l.app_id).bind(&l.client_ip).bind(&l.interface).bind(l.status).bind(l.at)
                    .execute(pool).await.map(|_| ())
            }

            async fn insert_sample(pool: &sqlx::Pool<Self>, s: &MonitoringSample) -> sqlx::Result<()> {
                let sql = sql("INSERT INTO monitoring_samples (app_id, interface, success_rate, average_latency_us, at) VALUES (?, ?, ?, ?, ?)");
                sqlx::query::<$db>(&sql)
                    .bind(&s.app_id).bind(&s.interface).bind(s.success_rate).bind(s.average_latency_us).bind(s.at)
                    .execute(pool).await.map(|_| ())
            }

            async fn rows_per_tenant(pool: &sqlx::Pool<Self>, table: &'static str) -> sqlx::Result<Vec<(String, i64)>> {
                let sql = format!("SELECT {}, count(*) FROM {table} AS t GROUP BY t.app_id ORDER BY t.app_id", select("t", &["app_id"], &[], $key));
                sqlx::query_as::<$db, (String, i64)>(&sql).fetch_all(pool).await
            }
        }

        #[allow(dead_code)]
        fn sql(text: &str) -> String {
            if $numbered { numbered(text) } else { text.to_owned() }
        }
    };
}

#[cfg(feature = "sqlite")]
mod sqlite {
    use super::*;
    backend!(
        sqlx::Sqlite,
        Types {
            key: "TEXT",
            text: "TEXT",
            instant: "TEXT",
            real: "REAL"
        },
        key = plain_key,
        numbered = false,
        upsert_profile = "INSERT INTO profiles (app_id, user_id, nickname, avatar_url, signature, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (app_id, user_id) DO UPDATE SET nickname = excluded.nickname, avatar_url = excluded.avatar_url, signature = excluded.signature, updated_at = excluded.updated_at",
        upsert_config = "INSERT INTO app_configs (app_id, name, callback_url, administrator, app_key, push_app_secret, data_centre) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (app_id) DO UPDATE SET name = excluded.name, callback_url = excluded.callback_url, administrator = excluded.administrator, app_key = excluded.app_key, push_app_secret = excluded.push_app_secret, data_centre = excluded.data_centre",
        insert_account =
            "INSERT INTO account_ids (app_id, uin) VALUES (?, ?) ON CONFLICT (app_id) DO NOTHING"
    );
}

#[cfg(feature = "postgres")]
mod postgres {
    use super::*;
    backend!(
        sqlx::Postgres,
        Types {
            key: "TEXT",
            text: "TEXT",
            instant: "TIMESTAMPTZ",
            real: "DOUBLE PRECISION"
        },
        key = plain_key,
        numbered = true,
        upsert_profile = "INSERT INTO profiles (app_id, user_id, nickname, avatar_url, signature, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (app_id, user_id) DO UPDATE SET nickname = excluded.nickname, avatar_url = excluded.avatar_url, signature = excluded.signature, updated_at = excluded.updated_at",
        upsert_config = "INSERT INTO app_configs (app_id, name, callback_url, administrator, app_key, push_app_secret, data_centre) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (app_id) DO UPDATE SET name = excluded.name, callback_url = excluded.callback_url, administrator = excluded.administrator, app_key = excluded.app_key, push_app_secret = excluded.push_app_secret, data_centre = excluded.data_centre",
        insert_account =
            "INSERT INTO account_ids (app_id, uin) VALUES (?, ?) ON CONFLICT (app_id) DO NOTHING"
    );
}

#[cfg(feature = "mysql")]
mod mysql {
    use super::*;
    backend!(
        sqlx::MySql,
        Types {
            key: "VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
            text: "TEXT",
            instant: "DATETIME(6)",
            real: "DOUBLE"
        },
        key = mysql_key,
        numbered = false,
        upsert_profile = "INSERT INTO profiles (app_id, user_id, nickname, avatar_url, signature, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE nickname = VALUES(nickname), avatar_url = VALUES(avatar_url), signature = VALUES(signature), updated_at = VALUES(updated_at)",
        upsert_config = "INSERT INTO app_configs (app_id, name, callback_url, administrator, app_key, push_app_secret, data_centre) VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name), callback_url = VALUES(callback_url), administrator = VALUES(administrator), app_key = VALUES(app_key), push_app_secret = VALUES(push_app_secret), data_centre = VALUES(data_centre)",
        insert_account = "INSERT IGNORE INTO account_ids (app_id, uin) VALUES (?, ?)"
    );
}
