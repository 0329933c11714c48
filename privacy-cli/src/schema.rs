//! `schema --database-url URL`: the engine's schema check of the service's own tables, for the
//! types that name one: every table, column and index the engine needs, and the
//! `CREATE INDEX` statements that are missing.

use privacy_core::TypeDescriptor;
use privacy_core::engine::{Dialect, Engine, SchemaReport};

/// Checks the tables of `types` (those declaring `table = "..."`) in the database at `url`
/// (`sqlite:`, `postgres://`, `mysql://` or `mariadb://`); the report, or why it could not be
/// made (without the URL's password).
///
/// # Errors
/// An unknown URL scheme, a database that cannot be reached, a type the engine cannot enforce.
pub async fn check(url: &str, types: &[&'static TypeDescriptor]) -> Result<SchemaReport, String> {
    let mapped: Vec<&'static TypeDescriptor> = types
        .iter()
        .copied()
        .filter(|descriptor| descriptor.table.is_some())
        .collect();
    let unreachable = |error: sqlx::Error| format!("cannot reach the database: {}", kind(&error));
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        report(
            connect::<sqlx::Postgres>(url).await.map_err(unreachable)?,
            &mapped,
        )
        .await
    } else if url.starts_with("mysql://") || url.starts_with("mariadb://") {
        let url = url.replacen("mariadb://", "mysql://", 1);
        report(
            connect::<sqlx::MySql>(&url).await.map_err(unreachable)?,
            &mapped,
        )
        .await
    } else if url.starts_with("sqlite:") {
        report(
            connect::<sqlx::Sqlite>(url).await.map_err(unreachable)?,
            &mapped,
        )
        .await
    } else {
        Err("the database URL must start with sqlite:, postgres://, mysql:// or mariadb://".into())
    }
}

/// One connection, given up after five seconds: a check, not a service.
async fn connect<DB: Dialect>(url: &str) -> Result<sqlx::Pool<DB>, sqlx::Error> {
    sqlx::pool::PoolOptions::<DB>::new()
        .max_connections(1)
        .acquire_timeout(std::time::Duration::from_secs(5))
        .connect(url)
        .await
}

async fn report<DB: Dialect>(
    pool: sqlx::Pool<DB>,
    types: &[&'static TypeDescriptor],
) -> Result<SchemaReport, String> {
    let mut builder = Engine::builder(pool.clone());
    for descriptor in types {
        builder = builder.descriptor(descriptor);
    }
    let engine = builder.build().map_err(|error| error.to_string())?;
    let report = engine
        .check_schema()
        .await
        .map_err(|error| error.to_string());
    pool.close().await;
    report
}

/// A connection error's kind, without its text (which may name the URL's password).
fn kind(error: &sqlx::Error) -> &'static str {
    match error {
        sqlx::Error::Configuration(_) => "the URL is not valid",
        sqlx::Error::Io(_) | sqlx::Error::Tls(_) => "the connection failed",
        sqlx::Error::Database(_) => "the database refused the connection",
        sqlx::Error::PoolTimedOut => "no connection within the timeout",
        _ => "the driver failed",
    }
}
