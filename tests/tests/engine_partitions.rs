//! Partition retention on PostgreSQL: partitions sized from the retention (6 hours for a 2-day
//! class), whole partitions past the cutoff retired at once (counted, dropped, one audit entry
//! each with its count), the boundary partition swept row by row, a held row keeping its
//! partition, two sweepers retiring each partition once; the schema check and its statements
//! for partitioned tables; and what SQLite says instead.

use chrono::{DateTime, NaiveDateTime, TimeDelta, TimeZone, Utc};
use privacy_core::engine::{AuditAction, Clock, Engine, Hold, SchemaProblem};
use privacy_core::{Classified, im};
use privacy_tests::servers;
use sqlx::Executor as _;

/// One latency sample of an application's interface, kept 2 days, in a table partitioned by
/// its instant.
#[derive(Classified)]
#[privacy(category = im::MonitoringData, table = "samples")]
struct Sample {
    #[privacy(tenant)]
    app_id: String,
    interface: String,
    #[privacy(collected_at)]
    at: NaiveDateTime,
}

/// 15:00, so the 2-day cutoff (8 March 15:00) falls inside the 12:00 to 18:00 partition.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 15, 0, 0).unwrap()
}

const PARENT: &str = "CREATE TABLE samples (app_id TEXT NOT NULL, interface TEXT NOT NULL, at TIMESTAMP NOT NULL) PARTITION BY RANGE (at)";

async fn partitions(pool: &sqlx::PgPool) -> Vec<String> {
    sqlx::query_scalar("SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'samples'::regclass ORDER BY 1")
        .fetch_all(pool)
        .await
        .unwrap()
}

async fn insert(pool: &sqlx::PgPool, app: &str, at: DateTime<Utc>) {
    sqlx::query("INSERT INTO samples (app_id, interface, at) VALUES ($1, 'sendmsg', $2)")
        .bind(app)
        .bind(at.naive_utc())
        .execute(pool)
        .await
        .unwrap();
}

async fn count(pool: &sqlx::PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap()
}

#[tokio::test]
async fn whole_partitions_go_at_once_and_the_boundary_row_by_row() {
    let Some((pool, schema)) = servers::postgres("partitions").await else {
        return;
    };
    pool.execute(PARENT).await.unwrap();
    pool.execute("CREATE INDEX samples_at ON samples (at)")
        .await
        .unwrap();
    let clock = Clock::manual(now() - TimeDelta::days(2));
    let engine = Engine::builder(pool.clone())
        .table::<Sample>()
        .clock(clock.clone())
        .build()
        .unwrap();
    engine.install().await.unwrap();
    assert_eq!(
        engine.partition_span::<Sample>().unwrap(),
        TimeDelta::hours(6)
    );

    // Before any partition: the schema check says writes would fail, and prints the fix.
    let report = engine.check_schema().await.unwrap();
    let missing: Vec<&SchemaProblem> = report
        .problems
        .iter()
        .filter(|problem| matches!(problem, SchemaProblem::MissingPartitions { .. }))
        .collect();
    assert_eq!(missing.len(), 1, "{report}");
    let statements = missing[0].statements();
    assert_eq!(
        statements.len(),
        5,
        "today's partition and the next day's: {statements:?}"
    );
    for statement in &statements {
        pool.execute(statement.as_str()).await.unwrap();
    }
    assert!(engine.check_schema().await.unwrap().is_ok());

    // 6 March 06:00 (a span before the oldest instant kept then) to 10 March 12:00, less
    // the five just made.
    assert_eq!(engine.create_partitions::<Sample>(2).await.unwrap(), 18 - 5);
    clock.set(now());
    assert_eq!(engine.create_partitions::<Sample>(2).await.unwrap(), 8);
    assert_eq!(engine.create_partitions::<Sample>(2).await.unwrap(), 0);
    let rows = [
        ("acme", at(7, 6)),  // in a partition wholly past the cutoff
        ("acme", at(8, 9)),  // likewise: 06:00 to 12:00 ends before 15:00
        ("acme", at(8, 13)), // the boundary partition, due
        ("acme", at(8, 17)), // the boundary partition, kept
        ("acme", at(9, 15)),
    ];
    for (app, at) in rows {
        insert(&pool, app, at).await;
    }
    let report = engine.sweep().await.unwrap();
    // 6 March 06:00 to 8 March 12:00: nine partitions, one transaction.
    assert_eq!((report.partitions, report.deleted), (9, 3), "{report:?}");
    assert_eq!(report.batches, 2, "one retirement, one boundary batch");
    assert_eq!(
        partitions(&pool).await.first().map(String::as_str),
        Some("samples_p2026030812")
    );
    assert_eq!(
        count(&pool, "SELECT count(*) FROM samples").await,
        2,
        "nothing collected after the cutoff is deleted"
    );
    let sweeps: Vec<u64> = engine
        .audit_log()
        .await
        .unwrap()
        .iter()
        .filter(|entry| entry.action == AuditAction::Sweep)
        .map(|entry| entry.count)
        .collect();
    assert_eq!(
        sweeps,
        [0, 0, 0, 0, 1, 0, 0, 0, 1, 1],
        "one entry per retired partition with its count, one for the boundary batch"
    );

    // A held row keeps its partition; the partition's other rows are swept one by one.
    clock.advance(TimeDelta::days(1));
    engine.create_partitions::<Sample>(2).await.unwrap();
    insert(&pool, "held", at(9, 3)).await;
    insert(&pool, "acme", at(9, 4)).await;
    engine.hold(Hold::tenant("held", "case 9")).await.unwrap();
    let report = engine.sweep().await.unwrap();
    // 8 March 12:00 and 18:00, 9 March 06:00 retired (one row); 9 March 00:00 kept by the
    // hold, its other row deleted alone; the row of 9 March 15:00, now exactly at its
    // deadline, deleted from the boundary partition.
    assert_eq!((report.partitions, report.deleted), (3, 3), "{report:?}");
    assert_eq!(
        partitions(&pool).await.first().map(String::as_str),
        Some("samples_p2026030900")
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM samples WHERE at < '2026-03-09 15:00'"
        )
        .await,
        1,
        "the held row alone"
    );
    servers::drop_postgres(pool, &schema).await;
}

#[tokio::test]
async fn two_sweepers_retire_each_partition_once() {
    let Some((pool, schema)) = servers::postgres("partitions_race").await else {
        return;
    };
    pool.execute(PARENT).await.unwrap();
    let clock = Clock::manual(now() - TimeDelta::days(3));
    let engine = |clock: &Clock| {
        Engine::builder(pool.clone())
            .table::<Sample>()
            .clock(clock.clone())
            .build()
            .unwrap()
    };
    let first = engine(&clock);
    first.install().await.unwrap();
    first.create_partitions::<Sample>(4).await.unwrap();
    for hour in (0..72).step_by(2) {
        insert(&pool, "acme", at(6, 0) + TimeDelta::hours(hour)).await;
    }
    clock.set(now());
    let second = engine(&clock);
    let (a, b) = tokio::join!(first.sweep(), second.sweep());
    let (a, b) = (a.unwrap(), b.unwrap());
    let due = count(
        &pool,
        "SELECT 36 - count(*) FROM samples WHERE at > '2026-03-08 15:00'",
    )
    .await;
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM samples WHERE at <= '2026-03-08 15:00'"
        )
        .await,
        0
    );
    assert_eq!(a.deleted + b.deleted, due as u64, "{a:?} {b:?}");
    let audited: u64 = first
        .audit_log()
        .await
        .unwrap()
        .iter()
        .filter(|entry| entry.action == AuditAction::Sweep)
        .map(|entry| entry.count)
        .sum();
    assert_eq!(audited, due as u64);
    servers::drop_postgres(pool, &schema).await;
}

#[tokio::test]
async fn a_table_partitioned_otherwise_is_reported_and_swept_by_rows() {
    let Some((pool, schema)) = servers::postgres("partitions_key").await else {
        return;
    };
    pool.execute("CREATE TABLE samples (app_id TEXT NOT NULL, interface TEXT NOT NULL, at TIMESTAMP NOT NULL) PARTITION BY LIST (app_id)")
        .await
        .unwrap();
    pool.execute("CREATE TABLE samples_acme PARTITION OF samples FOR VALUES IN ('acme')")
        .await
        .unwrap();
    pool.execute("CREATE INDEX samples_at ON samples (at)")
        .await
        .unwrap();
    let engine = Engine::builder(pool.clone())
        .table::<Sample>()
        .clock(Clock::manual(now()))
        .build()
        .unwrap();
    engine.install().await.unwrap();
    let report = engine.check_schema().await.unwrap();
    assert_eq!(
        report.problems,
        [SchemaProblem::PartitionKey {
            table: "samples".into(),
            expected: "RANGE (at)".into(),
            found: "LIST (app_id)".into(),
        }],
        "{report}"
    );
    let error = engine.create_partitions::<Sample>(1).await.unwrap_err();
    assert!(
        error
            .to_string()
            .contains("not partitioned by `RANGE (at)`"),
        "{error}"
    );
    insert(&pool, "acme", at(1, 0)).await;
    insert(&pool, "acme", at(9, 0)).await;
    let report = engine.sweep().await.unwrap();
    assert_eq!((report.partitions, report.deleted), (0, 1), "{report:?}");
    servers::drop_postgres(pool, &schema).await;
}

#[tokio::test]
async fn sqlite_sweeps_by_batches_and_says_so() {
    let pool = servers::sqlite().await;
    let engine = Engine::builder(pool).table::<Sample>().build().unwrap();
    let error = engine.create_partitions::<Sample>(1).await.unwrap_err();
    assert!(
        error
            .to_string()
            .contains("on SQLite its rows are swept by batches"),
        "{error}"
    );
}
