//! Sweepers killed with SIGKILL at arbitrary points lose nothing and delete nothing early.
//!
//! A store of 100,000 records (a third expired, a third due half an hour later, a third a month
//! later) is swept by a child process that is killed 20 times at pseudo-random moments, each run
//! with the clock stepped backwards or forwards. After every kill: no record was deleted before
//! its deadline (by the latest clock any run used), every record either is still stored or was
//! deleted with its audit entry, and the audit holds no more than what is gone. One last sweep
//! then finishes the job. On SQLite, and on PostgreSQL when it is there.
//!
//! A transaction the database aborts for a concurrent one (a deadlock's victim) is run again
//! without losing or skipping anything, and reported when it keeps being aborted.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use privacy_core::store::sql::{
    Dialect, PostgresConnection, SqlBackend, SqlConnection, SqlValue, SqliteConnection,
};
use privacy_core::store::{AuditAction, Store, StoreError};
use privacy_tests::records::RequestLog;
use privacy_tests::servers;
use std::process::Command;
use std::time::Duration;

const RECORDS: usize = 100_000;
const KILLS: usize = 20;
const CHILD_STORE: &str = "PRIVACY_FAULT_STORE";
const CHILD_PREFIX: &str = "PRIVACY_FAULT_PREFIX";
const CHILD_NOW: &str = "PRIVACY_FAULT_NOW";

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap()
}

/// The three groups' deadlines.
fn deadlines() -> [i64; 3] {
    [
        (t0() - TimeDelta::hours(1)).timestamp_millis(),
        (t0() + TimeDelta::minutes(30)).timestamp_millis(),
        (t0() + TimeDelta::days(30)).timestamp_millis(),
    ]
}

/// Where the store is: a SQLite file path, or `postgres`.
fn connect(store: &str) -> Box<dyn SqlConnection> {
    if store == "postgres" {
        Box::new(PostgresConnection::connect(servers::POSTGRES).unwrap())
    } else {
        Box::new(SqliteConnection::open(store).unwrap())
    }
}

struct Boxed(Box<dyn SqlConnection>);

impl SqlConnection for Boxed {
    fn dialect(&self) -> privacy_core::store::sql::Dialect {
        self.0.dialect()
    }
    fn batch(&mut self, sql: &str) -> Result<(), privacy_core::store::StoreError> {
        self.0.batch(sql)
    }
    fn execute(
        &mut self,
        sql: &str,
        params: &[SqlValue],
    ) -> Result<u64, privacy_core::store::StoreError> {
        self.0.execute(sql, params)
    }
    fn query(
        &mut self,
        sql: &str,
        params: &[SqlValue],
    ) -> Result<Vec<Vec<SqlValue>>, privacy_core::store::StoreError> {
        self.0.query(sql, params)
    }
}

fn open(store: &str, prefix: &str) -> Store<SqlBackend<Boxed>> {
    Store::new(
        SqlBackend::open(Boxed(connect(store)), prefix).unwrap(),
        b"fault test key",
    )
}

fn count(connection: &mut dyn SqlConnection, sql: &str) -> i64 {
    match connection.query(sql, &[]).unwrap()[0][0] {
        SqlValue::Int(count) => count,
        SqlValue::Text(ref text) => text.parse().unwrap(),
        ref other => panic!("COUNT gave {other:?}"),
    }
}

/// Fills the store with the three groups directly, in one transaction.
fn fill(store: &str, prefix: &str) {
    let _ = open(store, prefix);
    let mut connection = connect(store);
    connection.batch("BEGIN").unwrap();
    for chunk in 0..RECORDS / 1_000 {
        let rows: Vec<String> = (chunk * 1_000..(chunk + 1) * 1_000)
            .map(|index| {
                let deadline = deadlines()[index % 3];
                format!("('faults::Log', 'app', 'r{index}', 'im.log_data', 0, {deadline}, {deadline}, '{{}}')")
            })
            .collect();
        connection
            .batch(&format!(
                "INSERT INTO {prefix}records (type_key, tenant, id, category, class, collected_at, deadline, payload) VALUES {}",
                rows.join(", ")
            ))
            .unwrap();
    }
    connection.batch("COMMIT").unwrap();
}

/// The child process: sweeps at the clock it is given until it is killed or done.
#[test]
#[ignore = "run by the fault tests as their child process"]
fn sweeper_child() {
    let (Ok(store), Ok(prefix), Ok(now)) = (
        std::env::var(CHILD_STORE),
        std::env::var(CHILD_PREFIX),
        std::env::var(CHILD_NOW),
    ) else {
        return;
    };
    let now = DateTime::from_timestamp_millis(now.parse().unwrap()).unwrap();
    open(&store, &prefix).sweep(now, 500).unwrap();
}

fn kill_sweepers_repeatedly(store: &str, prefix: &str) {
    fill(store, prefix);
    let mut inspector = connect(store);
    let group_size = |group: usize| {
        i64::try_from((0..RECORDS).filter(|index| index % 3 == group).count()).unwrap()
    };
    let [expired, soon, later] = deadlines();
    let mut latest_clock = i64::MIN;
    // Pseudo-random, repeatable: kill delays and clock steps.
    let mut seed: u64 = 0x5eed;
    let mut roll = |bound: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % bound
    };
    for run in 0..KILLS {
        // The clock steps back and forth around t0, sometimes past the second group's deadline.
        let step_minutes = i64::try_from(roll(150)).unwrap() - 90;
        let now = (t0() + TimeDelta::minutes(step_minutes)).timestamp_millis();
        latest_clock = latest_clock.max(now);
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "sweeper_child", "--ignored", "--test-threads=1"])
            .env(CHILD_STORE, store)
            .env(CHILD_PREFIX, prefix)
            .env(CHILD_NOW, now.to_string())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(20 + roll(400)));
        child.kill().unwrap(); // SIGKILL: no destructor, no rollback code runs.
        child.wait().unwrap();

        let remaining = |inspector: &mut Box<dyn SqlConnection>, deadline: i64| {
            count(
                inspector.as_mut(),
                &format!("SELECT COUNT(*) FROM {prefix}records WHERE deadline = {deadline}"),
            )
        };
        let audited = count(
            inspector.as_mut(),
            &format!(
                "SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) FROM {prefix}audit WHERE action = 'deleted'"
            ),
        );
        let (expired_left, soon_left, later_left) = (
            remaining(&mut inspector, expired),
            remaining(&mut inspector, soon),
            remaining(&mut inspector, later),
        );
        // Nothing deleted before its deadline, by the latest clock any run had.
        assert_eq!(
            later_left,
            group_size(2),
            "run {run}: month-later records deleted"
        );
        if latest_clock < soon {
            assert_eq!(
                soon_left,
                group_size(1),
                "run {run}: records due at t0+30min deleted at {latest_clock}"
            );
        }
        // Every record is stored or audited as deleted, never both, never neither.
        let stored = expired_left + soon_left + later_left;
        assert_eq!(
            stored + audited,
            i64::try_from(RECORDS).unwrap(),
            "run {run}: stored {stored}, audited {audited}"
        );
    }
    // One more sweep, past every short deadline, finishes the job.
    let finish = t0() + TimeDelta::hours(1);
    open(store, prefix).sweep(finish, 5_000).unwrap();
    let left = count(
        inspector.as_mut(),
        &format!("SELECT COUNT(*) FROM {prefix}records"),
    );
    assert_eq!(left, group_size(2), "only the month-later group stays");
    let audit = open(store, prefix).audit_log().unwrap();
    let deleted: u64 = audit
        .iter()
        .filter(|entry| entry.action == AuditAction::Deleted)
        .map(|entry| entry.count)
        .sum();
    assert_eq!(deleted, (group_size(0) + group_size(1)).unsigned_abs());
    assert!(audit.iter().all(|entry| {
        entry
            .deadline_max
            .is_none_or(|deadline| deadline <= finish.timestamp_millis())
    }));
}

#[test]
fn sqlite_sweepers_killed_twenty_times_lose_nothing() {
    let directory = std::env::temp_dir().join(format!("privacy-fault-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    let path = directory.join("store.db").to_string_lossy().into_owned();
    kill_sweepers_repeatedly(&path, "");
    let _ = std::fs::remove_dir_all(&directory);
}

#[test]
fn postgres_sweepers_killed_twenty_times_lose_nothing() {
    if servers::postgres("probe").is_none() {
        return;
    }
    kill_sweepers_repeatedly("postgres", &servers::prefix("faults"));
}

/// SQLite in memory, whose first statements matching `fails` are aborted as if a concurrent
/// transaction had won a deadlock.
struct Contended {
    inner: SqliteConnection,
    fails: &'static str,
    conflicts_left: u32,
}

impl Contended {
    fn conflict(&mut self, sql: &str) -> Result<(), StoreError> {
        if sql.contains(self.fails) && self.conflicts_left > 0 {
            self.conflicts_left -= 1;
            return Err(StoreError::Conflict("deadlock (simulated)".into()));
        }
        Ok(())
    }
}

impl SqlConnection for Contended {
    fn dialect(&self) -> Dialect {
        self.inner.dialect()
    }
    fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        self.conflict(sql)?;
        self.inner.batch(sql)
    }
    fn execute(&mut self, sql: &str, params: &[SqlValue]) -> Result<u64, StoreError> {
        self.conflict(sql)?;
        self.inner.execute(sql, params)
    }
    fn query(&mut self, sql: &str, params: &[SqlValue]) -> Result<Vec<Vec<SqlValue>>, StoreError> {
        self.conflict(sql)?;
        self.inner.query(sql, params)
    }
}

fn contended(fails: &'static str, conflicts: u32) -> Store<SqlBackend<Contended>> {
    let connection = Contended {
        inner: SqliteConnection::in_memory().expect("an in-memory database"),
        fails,
        conflicts_left: conflicts,
    };
    Store::new(
        SqlBackend::open(connection, "").expect("the schema"),
        b"key",
    )
}

#[test]
fn a_batch_aborted_for_a_concurrent_transaction_is_run_again_and_loses_nothing() {
    let mut store = contended("INSERT INTO audit", 0);
    // One minute apart, so that each batch ends at a later deadline than it started.
    for minute in 0..25 {
        let record = RequestLog {
            interface: "sendmsg".into(),
            at: t0() + TimeDelta::minutes(minute),
        };
        store
            .write("app", &format!("r{minute}"), &record, t0())
            .unwrap();
    }
    // The audit insert of the first two batches is aborted once each: their deletions roll
    // back, run again, and the sweep still takes every due record in this one pass.
    store.backend().connection().conflicts_left = 2;
    let report = store.sweep(t0() + TimeDelta::days(8), 10).unwrap();
    assert_eq!((report.deleted, report.batches), (25, 3));
    assert_eq!(store.backend().connection().conflicts_left, 0);
    let audited: u64 = store
        .audit_log()
        .unwrap()
        .iter()
        .map(|entry| entry.count)
        .sum();
    assert_eq!(audited, 25);
}

#[test]
fn a_transaction_that_keeps_conflicting_is_reported_and_changes_nothing() {
    let mut store = contended("INSERT INTO records", 100);
    let record = RequestLog {
        interface: "sendmsg".into(),
        at: t0(),
    };
    let refused = store.write("app", "r1", &record, t0()).unwrap_err();
    assert!(matches!(refused, StoreError::Conflict(_)), "{refused}");
    assert!(refused.to_string().contains("run it again"), "{refused}");
    assert_eq!(
        store.backend().connection().conflicts_left,
        100 - 6,
        "one try and five retries"
    );
    store.backend().connection().conflicts_left = 0;
    assert!(
        store
            .read::<RequestLog>("app", "r1", t0())
            .unwrap()
            .is_none()
    );
}
