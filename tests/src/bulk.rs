//! The service's own `request_logs` table, and the one bulk loader that fills it, shared by
//! the sweep benchmark (`benches/sweep.rs`), the SIGKILL fault tests
//! (`tests/engine_faults.rs`) and their child sweeper (`src/bin/sweep_child.rs`).
//!
//! Rows are generated inside the database (a recursive CTE on SQLite, `generate_series` on
//! PostgreSQL), in collection order, one every `spacing_ms` from `first`: row `i` has id `i`
//! and was collected at `first + i * spacing_ms`. So which rows are due at any cutoff is known
//! without reading them.

use chrono::{DateTime, TimeDelta, Utc};
use privacy_core::{Classified, im};

/// One interface request, kept 7 days: the shape of the chat service.
#[derive(Classified)]
#[privacy(category = im::LogData, table = "request_logs")]
pub struct RequestLog {
    /// The row id.
    pub id: i64,
    /// The customer application.
    #[privacy(tenant)]
    pub app_id: String,
    /// The caller's public exit IP.
    #[privacy(redact = ip)]
    pub client_ip: String,
    /// The interface called.
    pub interface: String,
    /// When.
    #[privacy(collected_at)]
    pub at: DateTime<Utc>,
}

/// What to load.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// Rows.
    pub rows: i64,
    /// When row 0 was collected (whole milliseconds).
    pub first: DateTime<Utc>,
    /// Milliseconds between consecutive rows (at least 1).
    pub spacing_ms: i64,
}

impl Plan {
    /// When row `id` was collected.
    #[must_use]
    pub fn at(&self, id: i64) -> DateTime<Utc> {
        self.first + TimeDelta::milliseconds(id * self.spacing_ms)
    }

    /// How many rows were collected at or before `cutoff`.
    #[must_use]
    pub fn at_or_before(&self, cutoff: DateTime<Utc>) -> i64 {
        let since = (cutoff - self.first).num_milliseconds();
        if since < 0 {
            0
        } else {
            (since / self.spacing_ms + 1).min(self.rows)
        }
    }

    /// `rows` rows collected one every `spacing_ms` up to `last`, of which `due` at or before
    /// `cutoff` (so that `due` of them are due when the 7-day cutoff is `cutoff`).
    #[must_use]
    pub fn split(rows: i64, due: i64, cutoff: DateTime<Utc>, spacing_ms: i64) -> Self {
        Plan {
            rows,
            first: cutoff - TimeDelta::milliseconds((due - 1) * spacing_ms),
            spacing_ms,
        }
    }
}

/// A database the loader fills: the table's DDL and the generating `INSERT`.
pub trait Bulk: sqlx::Database {
    /// `CREATE TABLE request_logs ...` and its index on `at`.
    fn ddl() -> Vec<String>;
    /// The statements that insert the plan's rows (and gather statistics where the database
    /// keeps them, as its autovacuum would).
    fn fill(plan: &Plan) -> Vec<String>;
}

const COLUMNS: &str = "id, app_id, client_ip, interface, at";

/// The index on `at` every retention sweep reads.
const INDEX: &str = "CREATE INDEX request_logs_at ON request_logs (at)";

/// The table's columns on PostgreSQL, plain or partitioned.
const POSTGRES_TABLE: &str = "CREATE TABLE request_logs (id BIGINT NOT NULL, app_id TEXT NOT NULL, client_ip TEXT NOT NULL, interface TEXT NOT NULL, at TIMESTAMPTZ NOT NULL";

/// `request_logs` on PostgreSQL partitioned by range of `at`, and its index on `at`, with no
/// partition yet (the engine creates them, `Engine::create_partitions`), to be filled with
/// [`Bulk::fill`]. No primary key: on a partitioned table it would have to include `at`.
#[must_use]
pub fn postgres_partitioned_ddl() -> Vec<String> {
    vec![
        format!("{POSTGRES_TABLE}) PARTITION BY RANGE (at)"),
        INDEX.into(),
    ]
}

impl Bulk for sqlx::Sqlite {
    fn ddl() -> Vec<String> {
        vec![
            "CREATE TABLE request_logs (id INTEGER PRIMARY KEY, app_id TEXT NOT NULL, client_ip TEXT NOT NULL, interface TEXT NOT NULL, at TEXT NOT NULL)".into(),
            INDEX.into(),
        ]
    }

    fn fill(plan: &Plan) -> Vec<String> {
        // Instants as sqlx writes a `DateTime<Utc>` (RFC 3339, `+00:00`, fraction only when
        // not zero): the table holds what the service's own writes would.
        let first = plan.first.timestamp_millis();
        let (rows, spacing) = (plan.rows, plan.spacing_ms);
        vec![format!(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {rows}), \
             t(i, ms) AS (SELECT i, {first} + i * {spacing} FROM n) \
             INSERT INTO request_logs ({COLUMNS}) \
             SELECT i, 'app' || (i % 16), '203.0.113.' || (i % 250), \
             CASE i % 3 WHEN 0 THEN 'sendmsg' WHEN 1 THEN 'login' ELSE 'getmsg' END, \
             CASE WHEN ms % 1000 = 0 THEN strftime('%Y-%m-%dT%H:%M:%S', ms / 1000, 'unixepoch') \
             ELSE strftime('%Y-%m-%dT%H:%M:%S', ms / 1000, 'unixepoch') || '.' || substr('00' || (ms % 1000), -3) END || '+00:00' \
             FROM t"
        )]
    }
}

impl Bulk for sqlx::Postgres {
    fn ddl() -> Vec<String> {
        vec![format!("{POSTGRES_TABLE}, PRIMARY KEY (id))"), INDEX.into()]
    }

    fn fill(plan: &Plan) -> Vec<String> {
        let first = plan.first.timestamp_millis();
        let (rows, spacing) = (plan.rows, plan.spacing_ms);
        vec![
            format!(
                "INSERT INTO request_logs ({COLUMNS}) \
                 SELECT i, 'app' || (i % 16), '203.0.113.' || (i % 250), (ARRAY['sendmsg', 'login', 'getmsg'])[i % 3 + 1], \
                 to_timestamp(0) + ({first} + i * {spacing}) * interval '1 millisecond' \
                 FROM generate_series(0::bigint, {rows} - 1) AS i"
            ),
            "ANALYZE request_logs".into(),
        ]
    }
}

/// Creates `request_logs` and loads `plan` into it.
///
/// # Errors
/// When the database refuses a statement.
pub async fn load<DB: Bulk>(pool: &sqlx::Pool<DB>, plan: &Plan) -> Result<(), sqlx::Error>
where
    for<'c> &'c mut DB::Connection: sqlx::Executor<'c, Database = DB>,
{
    let mut connection = pool.acquire().await?;
    for statement in DB::ddl().into_iter().chain(DB::fill(plan)) {
        sqlx::raw_sql(&statement).execute(&mut *connection).await?;
    }
    Ok(())
}
