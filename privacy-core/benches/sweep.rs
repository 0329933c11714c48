//! The sweeper against a hand-written `DELETE ... WHERE deadline < ?` on the same data:
//! 2,000,000 records of which 1,000,000 are expired, in an SQLite file (and PostgreSQL when
//! `PRIVACY_BENCH_POSTGRES` holds a connection string). Prints the total times, the ratio of
//! throughputs, and the longest single batch (the longest a writer waits).
//!
//! ```text
//! cargo bench -p privacy-core --features sqlite,postgres --bench sweep
//! PRIVACY_BENCH_RECORDS=200000 cargo bench ...      # a smaller run
//! ```

use privacy_core::store::Backend;
use privacy_core::store::sql::{PostgresConnection, SqlBackend, SqlConnection, SqliteConnection};
use std::time::{Duration, Instant};

const NOW: i64 = 1_800_000_000_000;

fn records() -> usize {
    std::env::var("PRIVACY_BENCH_RECORDS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(2_000_000)
}

/// `records` rows, every other one expired at `NOW`.
fn fill(connection: &mut dyn SqlConnection, prefix: &str, records: usize) {
    connection.batch("BEGIN").unwrap();
    for chunk in 0..records.div_ceil(1_000) {
        let rows: Vec<String> = (chunk * 1_000..((chunk + 1) * 1_000).min(records))
            .map(|index| {
                let deadline = if index % 2 == 0 { NOW - 1_000 - i64::try_from(index).unwrap() } else { NOW + 86_400_000 };
                format!("('bench::Log', 'app', 'r{index}', 'im.log_data', 0, {deadline}, {deadline}, '{{\"interface\":\"sendmsg\"}}')")
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

fn raw_delete(connection: &mut dyn SqlConnection, prefix: &str) -> Duration {
    let started = Instant::now();
    connection
        .batch(&format!(
            "DELETE FROM {prefix}records WHERE deadline < {NOW}"
        ))
        .unwrap();
    started.elapsed()
}

fn sweep<C: SqlConnection>(backend: &mut SqlBackend<C>, batch: usize) -> (Duration, Duration, u64) {
    let started = Instant::now();
    let (mut longest, mut deleted) = (Duration::ZERO, 0);
    loop {
        let batch_started = Instant::now();
        let entries = backend.sweep_batch(NOW, batch).unwrap();
        longest = longest.max(batch_started.elapsed());
        if entries.is_empty() {
            return (started.elapsed(), longest, deleted);
        }
        deleted += entries.iter().map(|entry| entry.count).sum::<u64>();
    }
}

fn report(
    store: &str,
    records: usize,
    batch: usize,
    raw: Duration,
    (total, longest, deleted): (Duration, Duration, u64),
) {
    println!(
        "{store}: {records} records, {deleted} expired | raw DELETE {:.2?} | sweeper (batch {batch}) {:.2?} | throughput ratio {:.2}x (target >= 0.8) | longest batch {:.1?} (target <= 25 ms)",
        raw,
        total,
        raw.as_secs_f64() / total.as_secs_f64(),
        longest
    );
}

fn main() {
    let records = records();
    let directory =
        std::env::temp_dir().join(format!("privacy-sweep-bench-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    for batch in [500, 2_000] {
        let raw_path = directory.join(format!("raw-{batch}.db"));
        let mut raw = SqlBackend::open(SqliteConnection::open(&raw_path).unwrap(), "").unwrap();
        fill(raw.connection(), "", records);
        let raw_time = raw_delete(raw.connection(), "");
        let swept_path = directory.join(format!("swept-{batch}.db"));
        let mut swept = SqlBackend::open(SqliteConnection::open(&swept_path).unwrap(), "").unwrap();
        fill(swept.connection(), "", records);
        report("sqlite", records, batch, raw_time, sweep(&mut swept, batch));
    }
    let _ = std::fs::remove_dir_all(&directory);
    if let Ok(params) = std::env::var("PRIVACY_BENCH_POSTGRES") {
        for batch in [500, 2_000] {
            let prefix = format!("bench{}_{batch}_", std::process::id());
            let mut raw = SqlBackend::open(
                PostgresConnection::connect(&params).unwrap(),
                &format!("{prefix}raw_"),
            )
            .unwrap();
            fill(raw.connection(), &format!("{prefix}raw_"), records);
            let raw_time = raw_delete(raw.connection(), &format!("{prefix}raw_"));
            let mut swept = SqlBackend::open(
                PostgresConnection::connect(&params).unwrap(),
                &format!("{prefix}swept_"),
            )
            .unwrap();
            fill(swept.connection(), &format!("{prefix}swept_"), records);
            report(
                "postgres",
                records,
                batch,
                raw_time,
                sweep(&mut swept, batch),
            );
            for table in [
                "raw_records",
                "raw_subjects",
                "raw_audit",
                "swept_records",
                "swept_subjects",
                "swept_audit",
            ] {
                raw.connection()
                    .batch(&format!("DROP TABLE IF EXISTS {prefix}{table}"))
                    .unwrap();
            }
        }
    }
}
