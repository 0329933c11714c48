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
    let scheme = url.split(':').next().unwrap_or_default();
    match scheme {
        "postgres" | "postgresql" => {
            #[cfg(feature = "postgres")]
            return report(connect::<sqlx::Postgres>(url).await?, &mapped).await;
            #[cfg(not(feature = "postgres"))]
            return Err(without("postgres", &mapped));
        }
        "mysql" | "mariadb" => {
            #[cfg(feature = "mysql")]
            return report(
                connect::<sqlx::MySql>(&url.replacen("mariadb://", "mysql://", 1)).await?,
                &mapped,
            )
            .await;
            #[cfg(not(feature = "mysql"))]
            return Err(without("mysql", &mapped));
        }
        "sqlite" => {
            #[cfg(feature = "sqlite")]
            return report(connect::<sqlx::Sqlite>(url).await?, &mapped).await;
            #[cfg(not(feature = "sqlite"))]
            return Err(without("sqlite", &mapped));
        }
        _ => Err(
            "the database URL must start with sqlite:, postgres://, mysql:// or mariadb://".into(),
        ),
    }
}

/// Why a URL of a database this build has no driver for is refused.
#[allow(dead_code, reason = "used only in builds without one of the drivers")]
fn without(feature: &str, _: &[&'static TypeDescriptor]) -> String {
    format!("this build has no {feature} driver; build privacy-cli with feature `{feature}`")
}

/// One connection, given up after five seconds: a check, not a service.
#[allow(dead_code, reason = "unused in a build without any driver")]
async fn connect<DB: Dialect>(url: &str) -> Result<sqlx::Pool<DB>, String> {
    sqlx::pool::PoolOptions::<DB>::new()
        .max_connections(1)
        .acquire_timeout(std::time::Duration::from_secs(5))
        .connect(url)
        .await
        .map_err(|error| format!("cannot reach the database: {}", kind(&error)))
}

#[allow(dead_code, reason = "unused in a build without any driver")]
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

#[allow(dead_code, reason = "unused in a build without any driver")]
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
