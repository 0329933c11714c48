//! The real servers the store tests run against, or a printed skip when one is not there
//! (a failure instead when `PRIVACY_REQUIRE_STORES=1`, as in CI).

use privacy_core::store::sql::{MysqlConnection, PostgresConnection, SqlBackend, SqliteConnection};

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
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.subsec_nanos());
    format!("t{}_{nanos}_{test}_", std::process::id())
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

/// A PostgreSQL store with fresh tables, if the server is there.
///
/// # Panics
/// When the schema cannot be created.
#[must_use]
pub fn postgres(test: &str) -> Option<SqlBackend<PostgresConnection>> {
    let connection = or_skip(
        "PostgreSQL",
        "127.0.0.1:5432",
        PostgresConnection::connect(POSTGRES),
    )?;
    Some(SqlBackend::open(connection, &prefix(test)).expect("the schema"))
}

/// A MariaDB store with fresh tables, if the server is there.
///
/// # Panics
/// When the schema cannot be created.
#[must_use]
pub fn mysql(test: &str) -> Option<SqlBackend<MysqlConnection>> {
    let connection = or_skip("MariaDB", "127.0.0.1:3306", MysqlConnection::connect(MYSQL))?;
    Some(SqlBackend::open(connection, &prefix(test)).expect("the schema"))
}
