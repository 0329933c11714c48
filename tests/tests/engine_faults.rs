//! A sweeper killed with SIGKILL in the middle of its work, again and again, on SQLite (a file
//! database) and PostgreSQL: 100,000 rows of the service's own `request_logs` shape, a child
//! process (`sweep_child`) sweeping them in batches of 50 while its clock steps half an hour
//! at a time, killed at random moments until 20 kills have landed mid-sweep.
//!
//! After every kill, and after a last sweep that nothing interrupts:
//! - no early deletion: every row collected after the cutoff of the latest clock a child
//!   may have swept at is still there (checked row by row against a copy taken at load);
//! - the audit log counts exactly the rows gone (a batch commits with its audit entry; a
//!   killed batch leaves neither);
//! - after the last sweep, no due row survives, and exactly the rows not yet due remain.

use chrono::{DateTime, SecondsFormat, TimeDelta, TimeZone, Utc};
use privacy_core::engine::{AuditAction, Clock, Dialect, Engine};
use privacy_tests::bulk::{self, Bulk, Plan, RequestLog};
use privacy_tests::servers;
use std::io::BufRead as _;
use std::process::{Command, Stdio};
use std::time::Duration;

const ROWS: i64 = 100_000;
const KILLS: usize = 20;
const BATCH: i64 = 50;
/// Seconds the child's clock moves per step.
const STEP: i64 = 1_800;
/// The last step a child sweeps at: 16 days after the start, so 3 days of rows stay not due.
const LAST_STEP: i64 = 16 * 48;
const RETENTION: TimeDelta = TimeDelta::days(7);

/// Step 0 of the child's clock.
fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap()
}

fn clock_at(step: i64) -> DateTime<Utc> {
    start() + TimeDelta::seconds(step * STEP)
}

/// Rows over 20 days from 7 days and an hour before the start, one every 17.28 s: an hour of
/// them (209) is due at step 0, 104 more at each step.
fn plan() -> Plan {
    Plan {
        rows: ROWS,
        first: start() - RETENTION - TimeDelta::hours(1),
        spacing_ms: 20 * 86_400 * 1_000 / ROWS,
    }
}

/// A literal instant in the layout sqlx writes, which both databases compare with `at`.
fn literal(at: DateTime<Utc>) -> String {
    format!("'{}'", at.to_rfc3339_opts(SecondsFormat::AutoSi, false))
}

/// A small xorshift generator: the kill moments, from a printed seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound
    }
}

/// The database under test, for the parent's checks.
trait Target: Dialect + Bulk {
    /// The child's first argument.
    fn address(name: &str) -> String;
}

impl Target for sqlx::Sqlite {
    fn address(name: &str) -> String {
        format!("sqlite:{name}")
    }
}

impl Target for sqlx::Postgres {
    fn address(name: &str) -> String {
        format!("postgres:{name}")
    }
}

/// Runs `sql` (a count) on `pool`.
async fn count<DB: Dialect>(pool: &sqlx::Pool<DB>, sql: &str) -> Result<i64, String>
where
    for<'c> &'c mut DB::Connection: sqlx::Executor<'c, Database = DB>,
    i64: for<'r> sqlx::Decode<'r, DB> + sqlx::Type<DB>,
    for<'q> DB::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
    usize: sqlx::ColumnIndex<DB::Row>,
{
    let mut connection = pool.acquire().await.map_err(|error| error.to_string())?;
    sqlx::query_scalar::<DB, i64>(sql)
        .fetch_one(&mut *connection)
        .await
        .map_err(|error| format!("{sql}: {error}"))
}

/// What the tables say after a kill, against the latest clock a child may have swept at.
#[derive(Debug, PartialEq, Eq)]
struct Check {
    /// Rows collected after that clock's cutoff that are gone.
    early: i64,
    /// Rows gone.
    deleted: i64,
    /// Rows the audit log says sweeps deleted.
    audited: i64,
    /// Due rows still there.
    due_left: i64,
}

async fn check<DB: Target>(engine: &Engine<DB>, latest: DateTime<Utc>) -> Result<Check, String>
where
    for<'c> &'c mut DB::Connection: sqlx::Executor<'c, Database = DB>,
    i64: for<'r> sqlx::Decode<'r, DB> + sqlx::Type<DB>,
    for<'q> DB::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
    usize: sqlx::ColumnIndex<DB::Row>,
{
    let cutoff = literal(latest - RETENTION);
    let pool = engine.pool();
    let early = count(pool, &format!(
        "SELECT count(*) FROM loaded s WHERE s.at > {cutoff} AND NOT EXISTS (SELECT 1 FROM request_logs r WHERE r.id = s.id)"
    ))
    .await?;
    let left = count(pool, "SELECT count(*) FROM request_logs").await?;
    let due_left = count(
        pool,
        &format!("SELECT count(*) FROM request_logs WHERE at <= {cutoff}"),
    )
    .await?;
    let audit = engine
        .audit_log()
        .await
        .map_err(|error| error.to_string())?;
    let audited = audit
        .iter()
        .filter(|entry| entry.action == AuditAction::Sweep)
        .map(|entry| i64::try_from(entry.count).unwrap_or(i64::MAX))
        .sum();
    Ok(Check {
        early,
        deleted: ROWS - left,
        audited,
        due_left,
    })
}

/// How one child ended: the latest step it began, and whether it was inside a sweep.
struct Run {
    latest: i64,
    mid_sweep: bool,
    deleted: i64,
}

/// Starts a child at `first`, waits for it to be ready, lets it begin `sweeps` sweeps and the
/// last of them run for `delay`, kills it. Counting the child's own sweeps, not the time, lands
/// the kill mid-sweep however fast the machine is.
fn kill_one(address: &str, first: i64, sweeps: u64, delay: Duration) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sweep_child"))
        .args([
            address.to_owned(),
            first.to_string(),
            LAST_STEP.to_string(),
            start().timestamp().to_string(),
            STEP.to_string(),
            BATCH.to_string(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the child sweeper starts");
    let stdout = child.stdout.take().expect("a piped stdout");
    let (lines_tx, lines) = std::sync::mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    loop {
        let line = lines
            .recv_timeout(Duration::from_secs(60))
            .expect("the child says `ready` within a minute");
        let ready = line == "ready";
        seen.push(line);
        if ready {
            break;
        }
    }
    let mut begun = 0;
    while begun < sweeps {
        let Ok(line) = lines.recv_timeout(Duration::from_secs(60)) else {
            break;
        };
        begun += u64::from(line.starts_with("begin "));
        let done = line == "done";
        seen.push(line);
        if done {
            break;
        }
    }
    std::thread::sleep(delay);
    let _ = child.kill(); // SIGKILL
    let status = child.wait().expect("the child is reaped");
    reader.join().expect("the reader thread ends");
    seen.extend(lines.try_iter());
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        let _ = std::io::Read::read_to_string(&mut pipe, &mut stderr);
    }
    assert!(
        !status.success() && !seen.iter().any(|line| line == "done"),
        "the child finished every step before it was killed; lines: {seen:?}; stderr: {stderr}"
    );
    assert!(stderr.is_empty(), "the child failed: {stderr}");
    let mut run = Run {
        latest: first,
        mid_sweep: false,
        deleted: 0,
    };
    for line in &seen {
        let words: Vec<&str> = line.split(' ').collect();
        match words.as_slice() {
            ["begin", step] => {
                run.latest = step.parse().expect("a step");
                run.mid_sweep = true;
            }
            ["end", _, deleted] => {
                run.deleted += deleted.parse::<i64>().expect("a count");
                run.mid_sweep = false;
            }
            _ => {}
        }
    }
    run
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

/// Loads the rows and a copy of their ids and instants, and installs the engine.
async fn prepare<DB: Target>(pool: sqlx::Pool<DB>) -> Result<Engine<DB>, String>
where
    for<'c> &'c mut DB::Connection: sqlx::Executor<'c, Database = DB>,
{
    bulk::load(&pool, &plan())
        .await
        .map_err(|error| error.to_string())?;
    let mut connection = pool.acquire().await.map_err(|error| error.to_string())?;
    sqlx::raw_sql("CREATE TABLE loaded AS SELECT id, at FROM request_logs")
        .execute(&mut *connection)
        .await
        .map_err(|error| error.to_string())?;
    drop(connection);
    let engine = Engine::builder(pool)
        .table::<RequestLog>()
        .clock(Clock::manual(start()))
        .batch_size(usize::try_from(BATCH).unwrap_or(1))
        .build()
        .map_err(|error| error.to_string())?;
    engine.install().await.map_err(|error| error.to_string())?;
    Ok(engine)
}

/// The whole scenario on one database.
fn killed_mid_sweep<DB: Target>(runtime: &tokio::runtime::Runtime, engine: &Engine<DB>, name: &str)
where
    for<'c> &'c mut DB::Connection: sqlx::Executor<'c, Database = DB>,
    i64: for<'r> sqlx::Decode<'r, DB> + sqlx::Type<DB>,
    for<'q> DB::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
    usize: sqlx::ColumnIndex<DB::Row>,
{
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |now| u64::from(now.subsec_nanos()) | 1);
    eprintln!(
        "{}: kill moments from seed {seed}",
        <DB as sqlx::Database>::NAME
    );
    let mut rng = Rng(seed);
    let address = DB::address(name);
    let (mut kills, mut attempts, mut next, mut latest) = (0, 0, 0, 0);
    let mut by_children = 0;
    while kills < KILLS {
        attempts += 1;
        assert!(
            attempts <= 3 * KILLS,
            "only {kills} of {attempts} kills landed mid-sweep"
        );
        // Leave steps for the kills still to come: each takes at most half its share.
        let share = (LAST_STEP - next).max(2).unsigned_abs() / (2 * (KILLS - kills) as u64);
        let sweeps = 1 + rng.below(share.max(1));
        let delay = Duration::from_micros(rng.below(3_000));
        let run = kill_one(&address, next, sweeps, delay);
        latest = latest.max(run.latest);
        by_children += run.deleted;
        kills += usize::from(run.mid_sweep);
        next = run.latest;
        let check = runtime
            .block_on(check(engine, clock_at(latest)))
            .expect("the tables can be read");
        eprintln!(
            "kill {delay:?} into sweep {sweeps} of this child: step {latest}, mid-sweep {}, {} rows gone",
            run.mid_sweep, check.deleted
        );
        assert_eq!(
            check.early,
            0,
            "{}: rows deleted before their deadline after kill {kills} (step {latest}): {check:?}",
            <DB as sqlx::Database>::NAME
        );
        assert_eq!(
            check.audited,
            check.deleted,
            "{}: the audit log and the rows gone disagree after kill {kills} (step {latest}): {check:?}",
            <DB as sqlx::Database>::NAME
        );
    }
    // One more sweep, at the latest clock, that nothing interrupts.
    let last = clock_at(latest);
    let swept = runtime.block_on(async {
        let engine = Engine::builder(engine.pool().clone())
            .table::<RequestLog>()
            .clock(Clock::manual(last))
            .batch_size(usize::try_from(BATCH).unwrap_or(1))
            .build()
            .map_err(|error| error.to_string())?;
        engine.sweep().await.map_err(|error| error.to_string())?;
        check(&engine, last).await
    });
    let check = swept.expect("the last sweep runs");
    let not_due = ROWS - plan().at_or_before(last - RETENTION);
    eprintln!(
        "{}: {kills} kills mid-sweep in {attempts} runs, up to step {latest}; children reported {by_children} deletions; {check:?}",
        <DB as sqlx::Database>::NAME
    );
    assert_eq!(
        check,
        Check {
            early: 0,
            deleted: ROWS - not_due,
            audited: ROWS - not_due,
            due_left: 0,
        },
        "{}: after the last sweep",
        <DB as sqlx::Database>::NAME
    );
}

/// Removes an SQLite database's files when dropped, the test passed or not.
struct Removed(String);

impl Drop for Removed {
    fn drop(&mut self) {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.0));
        }
    }
}

#[test]
fn sqlite_file_survives_sigkills_mid_sweep() {
    let runtime = runtime();
    let file = std::env::temp_dir().join(format!("{}.db", servers::prefix("faults")));
    let name = file.to_string_lossy().into_owned();
    let _removed = Removed(name.clone());
    let engine = runtime
        .block_on(async {
            let options = sqlx::sqlite::SqliteConnectOptions::new()
                .filename(&file)
                .create_if_missing(true)
                .busy_timeout(Duration::from_secs(10));
            let pool = sqlx::sqlite::SqlitePoolOptions::new()
                .max_connections(1)
                .connect_with(options)
                .await
                .map_err(|error| error.to_string())?;
            prepare(pool).await
        })
        .expect("a loaded SQLite file");
    killed_mid_sweep(&runtime, &engine, &name);
    runtime.block_on(engine.pool().close());
}

#[test]
fn postgres_survives_sigkills_mid_sweep() {
    let runtime = runtime();
    let Some((pool, schema)) = runtime.block_on(servers::postgres("faults")) else {
        return;
    };
    let engine = runtime
        .block_on(prepare(pool.clone()))
        .expect("a loaded PostgreSQL schema");
    killed_mid_sweep(&runtime, &engine, &schema);
    runtime.block_on(servers::drop_postgres(pool, &schema));
}
