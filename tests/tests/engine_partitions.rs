//! Partition retention on PostgreSQL: whole days past the cutoff retired as partitions
//! (detached, dropped, audited with their count), the boundary day swept row by row, a held
//! row keeping its day; and what SQLite says instead.

use chrono::{DateTime, NaiveDateTime, TimeDelta, TimeZone, Utc};
use privacy_core::engine::{AuditAction, Clock, Engine, Hold};
use privacy_core::{Classified, im};
use privacy_tests::servers;
use sqlx::Executor as _;

/// One interface request, kept 7 days, in a table partitioned by day.
#[derive(Classified)]
#[privacy(category = im::LogData, table = "request_logs")]
struct RequestLog {
    #[privacy(tenant)]
    app_id: String,
    interface: String,
    #[privacy(collected_at)]
    at: NaiveDateTime,
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap()
}

#[tokio::test]
async fn whole_days_go_as_partitions_and_the_boundary_day_row_by_row() {
    let Some((pool, schema)) = servers::postgres("partitions").await else {
        return;
    };
    pool.execute("CREATE TABLE request_logs (app_id TEXT NOT NULL, interface TEXT NOT NULL, at TIMESTAMP NOT NULL) PARTITION BY RANGE (at)")
        .await
        .unwrap();
    let clock = Clock::manual(now());
    let engine = Engine::builder(pool.clone())
        .table::<RequestLog>()
        .clock(clock.clone())
        .build()
        .unwrap();
    engine.install().await.unwrap();
    // 2 March (the day before the oldest kept) to 12 March: 11 days.
    assert_eq!(engine.create_partitions::<RequestLog>(2).await.unwrap(), 11);
    let rows = [
        ("acme", now() - TimeDelta::hours(8 * 24 + 6)), // 2 March 06:00: a whole day past the cutoff
        ("acme", now() - TimeDelta::hours(7 * 24 + 6)), // 3 March 06:00: the boundary day, due
        ("acme", now() - TimeDelta::hours(7 * 24 - 6)), // 3 March 18:00: the boundary day, kept
        ("acme", now() - TimeDelta::hours(24)),
    ];
    for (app, at) in rows {
        sqlx::query("INSERT INTO request_logs (app_id, interface, at) VALUES ($1, 'sendmsg', $2)")
            .bind(app)
            .bind(at.naive_utc())
            .execute(&pool)
            .await
            .unwrap();
    }
    let report = engine.sweep().await.unwrap();
    assert_eq!((report.partitions, report.deleted), (1, 2), "{report:?}");
    let partitions: Vec<String> = sqlx::query_scalar("SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'request_logs'::regclass ORDER BY 1")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(
        partitions.first().map(String::as_str),
        Some("request_logs_p20260303")
    );
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM request_logs")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(left, 2, "nothing collected after the cutoff is deleted");
    let audit = engine.audit_log().await.unwrap();
    let sweeps: Vec<u64> = audit
        .iter()
        .filter(|entry| entry.action == AuditAction::Sweep)
        .map(|entry| entry.count)
        .collect();
    assert_eq!(
        sweeps,
        [1, 1],
        "one entry for the retired day (its count), one for the boundary batch"
    );

    // A held row keeps its whole day; the day's other rows are swept one by one.
    clock.advance(TimeDelta::days(1));
    engine.create_partitions::<RequestLog>(2).await.unwrap();
    for (app, hours) in [("held", 30), ("acme", 30)] {
        sqlx::query("INSERT INTO request_logs (app_id, interface, at) VALUES ($1, 'sendmsg', $2)")
            .bind(app)
            .bind((clock.now() - TimeDelta::days(8) - TimeDelta::hours(hours - 24)).naive_utc())
            .execute(&pool)
            .await
            .unwrap();
    }
    engine.hold(Hold::tenant("held", "case 9")).await.unwrap();
    let report = engine.sweep().await.unwrap();
    assert_eq!(report.partitions, 0, "{report:?}");
    let held: i64 = sqlx::query_scalar("SELECT count(*) FROM request_logs WHERE app_id = 'held'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(held, 1);
    servers::drop_postgres(pool, &schema).await;
}

#[tokio::test]
async fn sqlite_sweeps_by_batches_and_says_so() {
    let pool = servers::sqlite().await;
    let engine = Engine::builder(pool).table::<RequestLog>().build().unwrap();
    let error = engine.create_partitions::<RequestLog>(1).await.unwrap_err();
    assert!(
        error
            .to_string()
            .contains("on SQLite its rows are swept by batches"),
        "{error}"
    );
}
