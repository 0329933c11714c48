//! PostgreSQL names a row by `ctid` only within one table: in a partitioned table the first
//! row of every partition is `(0,1)`. The sweep's fast batch form (rows by `ctid` alone) is
//! for tables without children; a partitioned or inherited table must be swept by
//! `(tableoid, ctid)`, or a due row in one partition takes the rows at the same address in
//! the others with it.

use chrono::{TimeDelta, TimeZone, Utc};
use privacy_core::engine::{Clock, Engine};
use privacy_tests::bulk::RequestLog;
use privacy_tests::servers;

async fn partitioned_sweep(inherit: bool) -> Result<Option<(i64, Vec<i64>)>, String> {
    let Some((pool, schema)) =
        servers::postgres(if inherit { "inherit" } else { "partition" }).await
    else {
        return Ok(None);
    };
    let now = Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap();
    let result = async {
        let ddl = if inherit {
            vec![
                "CREATE TABLE request_logs (id BIGINT NOT NULL, app_id TEXT NOT NULL, client_ip TEXT NOT NULL, interface TEXT NOT NULL, at TIMESTAMPTZ NOT NULL)",
                "CREATE TABLE request_logs_old () INHERITS (request_logs)",
                "CREATE TABLE request_logs_new () INHERITS (request_logs)",
            ]
        } else {
            vec![
                "CREATE TABLE request_logs (id BIGINT NOT NULL, app_id TEXT NOT NULL, client_ip TEXT NOT NULL, interface TEXT NOT NULL, at TIMESTAMPTZ NOT NULL) PARTITION BY RANGE (at)",
                "CREATE TABLE request_logs_old PARTITION OF request_logs FOR VALUES FROM ('2026-01-01') TO ('2026-03-05')",
                "CREATE TABLE request_logs_new PARTITION OF request_logs FOR VALUES FROM ('2026-03-05') TO ('2026-04-01')",
            ]
        };
        for statement in ddl {
            sqlx::raw_sql(statement).execute(&pool).await.map_err(|error| error.to_string())?;
        }
        // Row 1 is due (10 days old), rows 2 and 3 are not (1 day old): each is the first
        // row, `(0,1)`, of its own table.
        let rows = [
            (1_i64, "request_logs_old", now - TimeDelta::days(10)),
            (2, "request_logs_new", now - TimeDelta::days(1)),
        ];
        for (id, table, at) in rows {
            let into = if inherit { table } else { "request_logs" };
            sqlx::query(&format!("INSERT INTO {into} (id, app_id, client_ip, interface, at) VALUES ($1, 'acme', '203.0.113.7', 'sendmsg', $2)"))
                .bind(id)
                .bind(at)
                .execute(&pool)
                .await
                .map_err(|error| error.to_string())?;
        }
        if inherit {
            // And one in the parent itself, also `(0,1)` there.
            sqlx::query("INSERT INTO request_logs (id, app_id, client_ip, interface, at) VALUES (3, 'acme', '203.0.113.7', 'sendmsg', $1)")
                .bind(now - TimeDelta::days(1))
                .execute(&pool)
                .await
                .map_err(|error| error.to_string())?;
        }
        let engine = Engine::builder(pool.clone())
            .table::<RequestLog>()
            .clock(Clock::manual(now))
            .build()
            .map_err(|error| error.to_string())?;
        engine.install().await.map_err(|error| error.to_string())?;
        let report = engine.sweep().await.map_err(|error| error.to_string())?;
        let left: Vec<i64> = sqlx::query_scalar("SELECT id FROM request_logs ORDER BY id")
            .fetch_all(&pool)
            .await
            .map_err(|error| error.to_string())?;
        Ok((i64::try_from(report.deleted).unwrap_or(-1), left))
    }
    .await;
    servers::drop_postgres(pool, &schema).await;
    result.map(Some)
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

#[test]
fn a_partitioned_table_loses_only_its_due_row() {
    let Some((deleted, left)) = runtime()
        .block_on(partitioned_sweep(false))
        .expect("the sweep runs")
    else {
        return;
    };
    assert_eq!((deleted, left), (1, vec![2]));
}

#[test]
fn an_inherited_table_loses_only_its_due_row() {
    let Some((deleted, left)) = runtime()
        .block_on(partitioned_sweep(true))
        .expect("the sweep runs")
    else {
        return;
    };
    assert_eq!((deleted, left), (1, vec![2, 3]));
}
