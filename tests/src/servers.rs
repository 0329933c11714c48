//! The real servers the store tests run against, or a printed skip when one is not there
//! (a failure instead when `PRIVACY_REQUIRE_STORES=1`, as in CI).

use privacy_core::store::sql::{
    MysqlConnection, PostgresConnection, SqlBackend, SqlConnection, SqlValue, SqliteConnection,
};

/// PostgreSQL on this machine.
pub const POSTGRES: &str = "host=127.0.0.1 port=5432 user=postgres dbname=test connect_timeout=3";
/// MariaDB on this machine.
pub const MYSQL: &str = "mysql://root@127.0.0.1:3306/test";

/// Whether a missing server fails the test instead of skipping it.
#[must_use]
pub fn required() -> bool {
    std::env::var("PRIVACY_REQUIRE_STORES").is_ok_and(|value| value == "1")
}

/// `Some(value)`, or `None` after printing why the test is skipped; panics when servers are
/// required.
pub fn or_skip<T, E: std::fmt::Display>(
    store: &str,
    address: &str,
    connected: Result<T, E>,
) -> Option<T> {
    match connected {
        Ok(value) => Some(value),
        Err(error) if required() => panic!(
            "{store} is required (PRIVACY_REQUIRE_STORES=1) but not reachable at {address}: {error}"
        ),
        Err(error) => {
            eprintln!("skipped: {store} not reachable at {address}: {error}");
            None
        }
    }
}

/// A table prefix no other test run uses.
#[must_use]
pub fn prefix(test: &str) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    format!(
        "t{}_{}_{}_{test}_",
        now.as_secs(),
        std::process::id(),
        now.subsec_nanos()
    )
}

/// A SQLite store in memory.
///
/// # Panics
/// When SQLite cannot open a database in memory.
#[must_use]
pub fn sqlite(test: &str) -> SqlBackend<SqliteConnection> {
    SqlBackend::open(
        SqliteConnection::in_memory().expect("an in-memory database"),
        &prefix(test),
    )
    .expect("the schema")
}

/// Drops the tables earlier test runs left (their prefixes name another process), once per
/// process, so the shared test databases do not grow run after run.
fn forget_earlier_runs(connection: &mut dyn SqlConnection, list: &'static str) {
    static ONCE: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut done = ONCE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if done.contains(&list) {
        return;
    }
    done.push(list);
    // Names are `t<unix seconds>_<pid>_...`: tables of runs that started over an hour ago go.
    let cutoff = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |now| now.as_secs())
        .saturating_sub(3_600);
    let Ok(tables) = connection.query(list, &[]) else {
        return;
    };
    for name in tables
        .into_iter()
        .filter_map(|row| match row.into_iter().next() {
            Some(SqlValue::Text(name)) => Some(name),
            _ => None,
        })
    {
        let started = name
            .strip_prefix('t')
            .and_then(|rest| rest.split('_').next())
            .and_then(|secs| secs.parse::<u64>().ok());
        if started.is_some_and(|started| started > 1_000_000_000 && started < cutoff) {
            let _ = connection.batch(&format!("DROP TABLE IF EXISTS {name}"));
        }
    }
}

/// A PostgreSQL store with fresh tables, if the server is there.
///
/// # Panics
/// When the schema cannot be created.
#[must_use]
pub fn postgres(test: &str) -> Option<SqlBackend<PostgresConnection>> {
    let mut connection = or_skip(
        "PostgreSQL",
        "127.0.0.1:5432",
        PostgresConnection::connect(POSTGRES),
    )?;
    forget_earlier_runs(
        &mut connection,
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
    );
    Some(SqlBackend::open(connection, &prefix(test)).expect("the schema"))
}

/// A MariaDB store with fresh tables, if the server is there.
///
/// # Panics
/// When the schema cannot be created.
#[must_use]
pub fn mysql(test: &str) -> Option<SqlBackend<MysqlConnection>> {
    let mut connection = or_skip("MariaDB", "127.0.0.1:3306", MysqlConnection::connect(MYSQL))?;
    forget_earlier_runs(
        &mut connection,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'test'",
    );
    Some(SqlBackend::open(connection, &prefix(test)).expect("the schema"))
}

/// Redis on this machine.
pub const REDIS: &str = "redis://127.0.0.1:6379";

/// A Redis store under a fresh key prefix, if the server is there.
#[must_use]
pub fn redis(test: &str) -> Option<privacy_core::store::RedisBackend> {
    let mut backend = or_skip(
        "Redis",
        "127.0.0.1:6379",
        privacy_core::store::RedisBackend::connect(REDIS, &format!("{}:", prefix(test))),
    )?;
    static CLEANED: std::sync::Once = std::sync::Once::new();
    CLEANED.call_once(|| {
        // Keys of test runs that started over an hour ago (`t<unix seconds>_...`) go.
        let cutoff = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |now| now.as_secs())
            .saturating_sub(3_600);
        let keys: Vec<String> = redis::cmd("KEYS")
            .arg("t1*")
            .query(backend.connection())
            .unwrap_or_default();
        for key in keys {
            let started = key
                .strip_prefix('t')
                .and_then(|rest| rest.split('_').next())
                .and_then(|secs| secs.parse::<u64>().ok());
            if started.is_some_and(|started| started < cutoff) {
                let _: Result<i64, _> = redis::cmd("DEL").arg(&key).query(backend.connection());
            }
        }
    });
    Some(backend)
}
