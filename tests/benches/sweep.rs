//! The engine's sweep against hand-written SQL, on the service's own `request_logs` table
//! (`id, app_id, client_ip, interface, at`, an index on `at`): 2,000,000 rows of which
//! 1,000,000 are due, loaded fresh by [`privacy_tests::bulk`] before each contender, so each
//! starts from the same table:
//!
//! - `engine`: [`Engine::sweep`] at its default batch (5,000), audit entries and holds
//!   included;
//! - `loop by key`: the loop a service writes by hand, `DELETE ... WHERE id IN (SELECT id ...
//!   WHERE at <= $cutoff LIMIT 5000)` until a batch deletes fewer, each batch committed alone;
//! - `loop by ctid` (PostgreSQL): the leanest batched form, rows named by `ctid`, no row
//!   locks, one round trip a batch;
//! - `one DELETE`: `DELETE ... WHERE at <= $cutoff`, one statement;
//! - `engine, partitioned` (PostgreSQL): the same rows in a table partitioned by
//!   `collected_at` in spans chosen from the retention ([`Engine::create_partitions`]; daily
//!   for this 7-day class): whole partitions past the cutoff retired (counted in one query,
//!   dropped in one statement, in one transaction with an audit entry each), the boundary
//!   partition swept by batches (the half-day before the 12:00 cutoff: 71,000 rows).
//!   `PRIVACY_BENCH_SHIFT_MINUTES` moves the sweep's instant (and so the cutoff and the rows)
//!   later by that many minutes, to put the cutoff elsewhere in its partition.
//!
//! Run: `cargo bench -p privacy-tests --bench sweep` (SQLite in a temporary file, with sqlx's
//! defaults and in WAL mode; PostgreSQL on 127.0.0.1:5432 when it is there, in a schema of its
//! own that is dropped after); `-- sqlite`, `-- sqlite-wal` or `-- postgres` runs one.
//! `PRIVACY_BENCH_ROWS` (default 2,000,000, half due) and `PRIVACY_BENCH_RUNS` (default 3:
//! each contender runs that many times, in turn; the table shows the median) change the size.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use privacy_core::engine::{Clock, DEFAULT_BATCH, Dialect, Engine};
use privacy_tests::bulk::{self, Bulk, Plan, RequestLog};
use privacy_tests::servers;
use std::time::{Duration, Instant};

/// The sweep's instant: 12:00 UTC, or `PRIVACY_BENCH_SHIFT_MINUTES` later.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap()
        + TimeDelta::minutes(number("PRIVACY_BENCH_SHIFT_MINUTES", 0))
}

fn cutoff() -> DateTime<Utc> {
    now() - TimeDelta::days(7)
}

/// One contender's run.
#[derive(Clone, Copy, Debug)]
struct Measured {
    total: Duration,
    deleted: u64,
    batches: u64,
    longest: Duration,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Contender {
    Engine,
    LoopByKey,
    LoopByCtid,
    OneDelete,
    EnginePartitioned,
}

impl Contender {
    fn name(self) -> &'static str {
        match self {
            Contender::Engine => "engine",
            Contender::LoopByKey => "loop by key",
            Contender::LoopByCtid => "loop by ctid",
            Contender::OneDelete => "one DELETE",
            Contender::EnginePartitioned => "engine, partitioned",
        }
    }
}

type Failure = Box<dyn std::error::Error>;

/// What differs between the two databases here.
trait Bench: Dialect + Bulk {
    /// Statements run after the load, before the clock starts: what the database's
    /// maintenance would have done to a table filled over days.
    fn settle() -> Vec<&'static str>;
    /// The cutoff as an SQL literal that compares with `at`.
    fn literal(at: DateTime<Utc>) -> String;
    /// A hand-written batch.
    fn batch(contender: Contender, limit: usize) -> Option<String>;
    /// The rows a statement changed.
    fn rows(result: &Self::QueryResult) -> u64;
}

impl Bench for sqlx::Sqlite {
    fn settle() -> Vec<&'static str> {
        Vec::new()
    }

    fn literal(at: DateTime<Utc>) -> String {
        // As sqlx writes a `DateTime<Utc>`, so text order is time order.
        format!(
            "'{}'",
            at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false)
        )
    }

    fn batch(contender: Contender, limit: usize) -> Option<String> {
        let cutoff = Self::literal(cutoff());
        match contender {
            Contender::LoopByKey => Some(format!(
                "DELETE FROM request_logs WHERE id IN (SELECT id FROM request_logs WHERE at <= {cutoff} LIMIT {limit})"
            )),
            _ => None,
        }
    }

    fn rows(result: &sqlx::sqlite::SqliteQueryResult) -> u64 {
        result.rows_affected()
    }
}

impl Bench for sqlx::Postgres {
    fn settle() -> Vec<&'static str> {
        vec!["VACUUM ANALYZE request_logs", "CHECKPOINT"]
    }

    fn literal(at: DateTime<Utc>) -> String {
        format!("'{}'::timestamptz", at.to_rfc3339())
    }

    fn batch(contender: Contender, limit: usize) -> Option<String> {
        let cutoff = Self::literal(cutoff());
        match contender {
            Contender::LoopByKey => Some(format!(
                "DELETE FROM request_logs WHERE id IN (SELECT id FROM request_logs WHERE at <= {cutoff} LIMIT {limit})"
            )),
            Contender::LoopByCtid => Some(format!(
                "DELETE FROM request_logs WHERE ctid = ANY (ARRAY(SELECT ctid FROM request_logs WHERE at <= {cutoff} LIMIT {limit}))"
            )),
            _ => None,
        }
    }

    fn rows(result: &sqlx::postgres::PgQueryResult) -> u64 {
        result.rows_affected()
    }
}

async fn execute<DB: Bench>(pool: &sqlx::Pool<DB>, sql: &str) -> Result<u64, Failure>
where
    for<'c> &'c mut DB::Connection: sqlx::Executor<'c, Database = DB>,
{
    let mut connection = pool.acquire().await?;
    let done = sqlx::raw_sql(sql).execute(&mut *connection).await?;
    Ok(DB::rows(&done))
}

/// One contender on a freshly loaded table in `pool` (empty when given).
async fn run<DB: Bench>(
    pool: &sqlx::Pool<DB>,
    plan: &Plan,
    contender: Contender,
) -> Result<Measured, Failure>
where
    for<'c> &'c mut DB::Connection: sqlx::Executor<'c, Database = DB>,
    i64: for<'r> sqlx::Decode<'r, DB> + sqlx::Type<DB>,
    for<'q> DB::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
    usize: sqlx::ColumnIndex<DB::Row>,
{
    let clock = Clock::manual(now());
    let engine = Engine::builder(pool.clone())
        .table::<RequestLog>()
        .clock(clock.clone())
        .batch_size(DEFAULT_BATCH)
        .build()?;
    if contender == Contender::EnginePartitioned {
        // The same rows, in partitions from the first row's to tomorrow.
        for statement in bulk::postgres_partitioned_ddl() {
            execute(pool, &statement).await?;
        }
        clock.set(plan.first + TimeDelta::days(7));
        engine.create_partitions::<RequestLog>(8).await?;
        clock.set(now());
        engine.create_partitions::<RequestLog>(1).await?;
        for statement in DB::fill(plan) {
            execute(pool, &statement).await?;
        }
    } else {
        bulk::load(pool, plan).await?;
    }
    for statement in DB::settle() {
        execute(pool, statement).await?;
    }
    engine.install().await?;
    let started = Instant::now();
    let measured = match contender {
        Contender::Engine | Contender::EnginePartitioned => {
            let report = engine.sweep().await?;
            Measured {
                total: started.elapsed(),
                deleted: report.deleted,
                batches: report.batches,
                longest: report.longest_batch,
            }
        }
        Contender::OneDelete => {
            let sql = format!(
                "DELETE FROM request_logs WHERE at <= {}",
                DB::literal(cutoff())
            );
            let deleted = execute(pool, &sql).await?;
            Measured {
                total: started.elapsed(),
                deleted,
                batches: 1,
                longest: started.elapsed(),
            }
        }
        Contender::LoopByKey | Contender::LoopByCtid => {
            let sql = DB::batch(contender, DEFAULT_BATCH).ok_or("no such loop here")?;
            let (mut deleted, mut batches, mut longest) = (0, 0, Duration::ZERO);
            loop {
                let batch = Instant::now();
                let count = execute(pool, &sql).await?;
                longest = longest.max(batch.elapsed());
                deleted += count;
                if count > 0 {
                    batches += 1;
                }
                if count < DEFAULT_BATCH as u64 {
                    break;
                }
            }
            Measured {
                total: started.elapsed(),
                deleted,
                batches,
                longest,
            }
        }
    };
    let mut connection = pool.acquire().await?;
    let left: i64 = sqlx::query_scalar::<DB, i64>("SELECT count(*) FROM request_logs")
        .fetch_one(&mut *connection)
        .await?;
    drop(connection);
    let expected = plan.rows - plan.at_or_before(cutoff());
    if measured.deleted != plan.at_or_before(cutoff()) as u64 || left != expected {
        return Err(format!(
            "{} deleted {} and left {left}; {} were due",
            contender.name(),
            measured.deleted,
            plan.at_or_before(cutoff())
        )
        .into());
    }
    Ok(measured)
}

fn median(mut runs: Vec<Measured>) -> Measured {
    runs.sort_by_key(|run| run.total);
    runs[runs.len() / 2]
}

/// Prints the table: each contender's median time, and its speed against the loop by key
/// and the one `DELETE` as the median of the ratios within each run (the contenders of one
/// run follow each other, so a slow spell of a shared machine weighs on all of them).
fn report(database: &str, results: &[(Contender, Vec<Measured>)]) {
    let runs_of = |contender: Contender| {
        results
            .iter()
            .find(|(known, _)| *known == contender)
            .map(|(_, runs)| runs)
    };
    let speed = |runs: &[Measured], other: Contender| -> String {
        let Some(others) = runs_of(other) else {
            return "-".into();
        };
        let mut ratios: Vec<f64> = runs
            .iter()
            .zip(others)
            .map(|(run, other)| other.total.as_secs_f64() / run.total.as_secs_f64())
            .collect();
        ratios.sort_by(f64::total_cmp);
        let all: Vec<String> = ratios.iter().map(|ratio| format!("{ratio:.2}")).collect();
        format!("{:.2}x ({})", ratios[ratios.len() / 2], all.join(", "))
    };
    println!(
        "\n{database}: {} due rows of {} deleted; median of {} runs",
        results[0].1[0].deleted,
        results[0].1[0].deleted * 2,
        results[0].1.len()
    );
    println!(
        "| contender | time (s) | rows/s | batches | longest batch, median / worst run (ms) | speed vs loop by key | speed vs one DELETE | all runs (s) |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for (contender, runs) in results {
        let run = median(runs.clone());
        let total = run.total.as_secs_f64();
        let mut longest: Vec<Duration> = runs.iter().map(|run| run.longest).collect();
        longest.sort();
        let (typical, worst) = (longest[longest.len() / 2], longest[longest.len() - 1]);
        let all: Vec<String> = runs
            .iter()
            .map(|run| format!("{:.2}", run.total.as_secs_f64()))
            .collect();
        println!(
            "| {} | {total:.2} | {:.0} | {} | {:.1} / {:.1} | {} | {} | {} |",
            contender.name(),
            run.deleted as f64 / total,
            run.batches,
            typical.as_secs_f64() * 1e3,
            worst.as_secs_f64() * 1e3,
            speed(runs, Contender::LoopByKey),
            speed(runs, Contender::OneDelete),
            all.join(", ")
        );
    }
}

fn number(name: &str, default: i64) -> i64 {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

/// SQLite in a file: with sqlx's defaults (rollback journal, `synchronous = FULL`), or in WAL
/// mode with `synchronous = NORMAL`, the usual setting of a service.
async fn sqlite(
    plan: &Plan,
    runs: i64,
    wal: bool,
) -> Result<Vec<(Contender, Vec<Measured>)>, Failure> {
    let contenders = [
        Contender::Engine,
        Contender::LoopByKey,
        Contender::OneDelete,
    ];
    let mut results: Vec<(Contender, Vec<Measured>)> = contenders
        .iter()
        .map(|contender| (*contender, Vec::new()))
        .collect();
    for _ in 0..runs {
        for (contender, measured) in &mut results {
            let file = std::env::temp_dir().join(format!("{}.db", servers::prefix("bench")));
            let mut options = sqlx::sqlite::SqliteConnectOptions::new()
                .filename(&file)
                .create_if_missing(true);
            if wal {
                options = options
                    .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
                    .synchronous(sqlx::sqlite::SqliteSynchronous::Normal);
            }
            let pool = sqlx::sqlite::SqlitePoolOptions::new()
                .max_connections(1)
                .connect_with(options)
                .await?;
            let result = run(&pool, plan, *contender).await;
            pool.close().await;
            for suffix in ["", "-journal", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
            }
            measured.push(result?);
            eprintln!(
                "SQLite (WAL {wal}) {}: {:?}",
                contender.name(),
                measured.last()
            );
        }
    }
    Ok(results)
}

async fn postgres(
    plan: &Plan,
    runs: i64,
) -> Result<Option<Vec<(Contender, Vec<Measured>)>>, Failure> {
    let contenders = [
        Contender::Engine,
        Contender::LoopByKey,
        Contender::LoopByCtid,
        Contender::OneDelete,
        Contender::EnginePartitioned,
    ];
    let mut results: Vec<(Contender, Vec<Measured>)> = contenders
        .iter()
        .map(|contender| (*contender, Vec::new()))
        .collect();
    let Some((pool, schema)) = servers::postgres("bench").await else {
        return Ok(None);
    };
    let outcome = async {
        for _ in 0..runs {
            for (contender, measured) in &mut results {
                execute(&pool, "DROP TABLE IF EXISTS request_logs, privacy_tenants, privacy_floors, privacy_holds, privacy_audit CASCADE").await?;
                measured.push(run(&pool, plan, *contender).await?);
                eprintln!("PostgreSQL {}: {:?}", contender.name(), measured.last());
            }
        }
        Ok::<_, Failure>(())
    }
    .await;
    servers::drop_postgres(pool, &schema).await;
    outcome.map(|()| Some(results))
}

fn main() -> Result<(), Failure> {
    // `cargo bench` passes `--bench`; any other argument names the databases to run.
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with("--"))
        .collect();
    let wanted = |name: &str| only.is_empty() || only.iter().any(|arg| arg == name);
    let rows = number("PRIVACY_BENCH_ROWS", 2_000_000);
    let runs = number("PRIVACY_BENCH_RUNS", 3).max(1);
    // Over 14 days, half of them more than 7 days old.
    let spacing_ms = (14 * 86_400 * 1_000 / rows).max(1);
    let plan = Plan::split(rows, rows / 2, cutoff(), spacing_ms);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    if wanted("sqlite") {
        let results = runtime.block_on(sqlite(&plan, runs, false))?;
        report(
            "SQLite (file, sqlx defaults: rollback journal, synchronous = FULL)",
            &results,
        );
    }
    if wanted("sqlite-wal") {
        let results = runtime.block_on(sqlite(&plan, runs, true))?;
        report("SQLite (file, WAL, synchronous = NORMAL)", &results);
    }
    if wanted("postgres") {
        match runtime.block_on(postgres(&plan, runs))? {
            Some(results) => report("PostgreSQL", &results),
            None => println!("\nPostgreSQL: not reachable, skipped"),
        }
    }
    Ok(())
}
