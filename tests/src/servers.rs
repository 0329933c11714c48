//! The real databases the engine tests run against, each test in a schema (PostgreSQL) or
//! database (MariaDB) of its own, or a printed skip when a server is not there (a failure
//! instead when `PRIVACY_REQUIRE_STORES=1`, as in CI).

use sqlx::Executor as _;

/// PostgreSQL on this machine.
pub const POSTGRES: &str = "postgres://postgres@127.0.0.1:5432/test";
/// MariaDB on this machine.
pub const MYSQL: &str = "mysql://root@127.0.0.1:3306/test";
/// Redis on this machine.
pub const REDIS: &str = "redis://127.0.0.1:6379";

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

/// A name no other test run uses: `t<unix seconds>_<pid>_<nanos>_<test>`.
#[must_use]
pub fn prefix(test: &str) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    format!(
        "t{}_{}_{}_{test}",
        now.as_secs(),
        std::process::id(),
        now.subsec_nanos()
    )
}

/// Whether a `prefix` name belongs to a run that started over an hour ago.
fn stale(name: &str) -> bool {
    let cutoff = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |now| now.as_secs())
        .saturating_sub(3_600);
    name.strip_prefix('t')
        .and_then(|rest| rest.split('_').next())
        .and_then(|secs| secs.parse::<u64>().ok())
        .is_some_and(|started| started > 1_000_000_000 && started < cutoff)
}

/// An SQLite database in memory, one connection (so every query sees the same database).
///
/// # Panics
/// When SQLite cannot open a database in memory.
pub async fn sqlite() -> sqlx::SqlitePool {
    sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect("sqlite::memory:")
        .await
        .expect("an in-memory database")
}

/// A PostgreSQL pool whose connections work in a fresh schema of their own, if the server
/// is there. The schema is dropped by [`drop_postgres`]; schemas of runs over an hour old are
/// dropped here.
///
/// # Panics
/// When the schema cannot be created.
pub async fn postgres(test: &str) -> Option<(sqlx::PgPool, String)> {
    let admin = or_skip(
        "PostgreSQL",
        "127.0.0.1:5432",
        sqlx::postgres::PgPoolOptions::new()
            .max_connections(1)
            .acquire_timeout(std::time::Duration::from_secs(3))
            .connect(POSTGRES)
            .await,
    )?;
    let schemas: Vec<String> =
        sqlx::query_scalar("SELECT nspname::text FROM pg_namespace WHERE nspname LIKE 't1%'")
            .fetch_all(&admin)
            .await
            .unwrap_or_default();
    for schema in schemas.into_iter().filter(|schema| stale(schema)) {
        let _ = admin
            .execute(format!("DROP SCHEMA IF EXISTS {schema} CASCADE").as_str())
            .await;
    }
    let schema = prefix(test);
    admin
        .execute(format!("CREATE SCHEMA {schema}").as_str())
        .await
        .expect("a schema for the test");
    admin.close().await;
    let pool = postgres_in(&schema, 4)
        .await
        .expect("PostgreSQL answered a moment ago");
    Some((pool, schema))
}

/// A pool of at most `connections` whose connections work in the existing `schema` (made by
/// [`postgres`]): for a second process on the same test's tables.
///
/// # Errors
/// When the server cannot be reached.
pub async fn postgres_in(schema: &str, connections: u32) -> Result<sqlx::PgPool, sqlx::Error> {
    let search_path = format!("SET search_path TO {schema}");
    sqlx::postgres::PgPoolOptions::new()
        .max_connections(connections)
        .after_connect(move |connection, _| {
            let search_path = search_path.clone();
            Box::pin(async move {
                connection.execute(search_path.as_str()).await?;
                Ok(())
            })
        })
        .connect(POSTGRES)
        .await
}

/// Drops a test's schema.
pub async fn drop_postgres(pool: sqlx::PgPool, schema: &str) {
    let _ = pool
        .execute(format!("DROP SCHEMA IF EXISTS {schema} CASCADE").as_str())
        .await;
    pool.close().await;
}

/// A MariaDB pool on a fresh database of its own, in the server's default (case- and
/// accent-insensitive) collation, if the server is there. Databases of runs over an hour old
/// are dropped here.
///
/// # Panics
/// When the database cannot be created.
pub async fn mysql(test: &str) -> Option<(sqlx::MySqlPool, String)> {
    let admin = or_skip(
        "MariaDB",
        "127.0.0.1:3306",
        sqlx::mysql::MySqlPoolOptions::new()
            .max_connections(1)
            .acquire_timeout(std::time::Duration::from_secs(3))
            .connect(MYSQL)
            .await,
    )?;
    let databases: Vec<String> = sqlx::query_scalar(
        "SELECT CAST(schema_name AS CHAR) FROM information_schema.schemata WHERE schema_name LIKE 't1%'",
    )
    .fetch_all(&admin)
    .await
    .unwrap_or_default();
    for database in databases.into_iter().filter(|database| stale(database)) {
        let _ = admin
            .execute(format!("DROP DATABASE IF EXISTS {database}").as_str())
            .await;
    }
    let database = prefix(test);
    admin
        .execute(
            format!("CREATE DATABASE {database} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci")
                .as_str(),
        )
        .await
        .expect("a database for the test");
    admin.close().await;
    let pool = sqlx::mysql::MySqlPoolOptions::new()
        .max_connections(4)
        .connect(&format!("mysql://root@127.0.0.1:3306/{database}"))
        .await
        .expect("MariaDB answered a moment ago");
    Some((pool, database))
}

/// Drops a test's database.
pub async fn drop_mysql(pool: sqlx::MySqlPool, database: &str) {
    let _ = pool
        .execute(format!("DROP DATABASE IF EXISTS {database}").as_str())
        .await;
    pool.close().await;
}
