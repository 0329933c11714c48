//! Partition retention: a high-volume table with a fixed retention (Log Data, Monitoring Data)
//! kept as daily partitions by its `collected_at` column, so that a day whose every row is past
//! its deadline is retired whole (detached and dropped, audited as one entry with its count)
//! instead of row by row. Rows of the boundary day are swept as usual.
//!
//! PostgreSQL's declarative partitions; on SQLite and MariaDB tables are swept by batches.
//! The service creates the parent table `PARTITION BY RANGE (<collected_at column>)`; the
//! engine creates the days ahead and names them `<table>_p<YYYYMMDD>`; other partitions it
//! leaves alone (their rows are swept as usual).

use super::audit::{self, AuditAction, AuditEntry, AuditReason};
use super::dialect::Dialect;
use super::mapping::Mapping;
use super::{Engine, EngineError, SweepReport, rules};
use crate::{Classified, Retention};
use chrono::{DateTime, NaiveDate, Utc};

const DAY: i64 = 86_400;

impl<DB: Dialect> Engine<DB> {
    /// Creates `T`'s daily partitions from the oldest day its retention still keeps to
    /// `days_ahead` days after today (by the engine's clock), where missing; returns how many
    /// statements ran. Run it daily (the sweeper does not), ahead of the writes.
    ///
    /// # Errors
    /// [`EngineError::Mapping`] when the database has no partitions the engine manages (only
    /// PostgreSQL), or `T`'s retention is not a fixed period; the database's failures (the
    /// parent must be `PARTITION BY RANGE` on the `collected_at` column).
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// use privacy_core::{engine::Engine, im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::LogData, table = "request_logs")]
    /// struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let engine = Engine::builder(pool).table::<RequestLog>().build().unwrap();
    /// let error = engine.create_partitions::<RequestLog>(3).await.unwrap_err();
    /// assert!(error.to_string().contains("PostgreSQL"));
    /// # });
    /// ```
    pub async fn create_partitions<T: Classified + ?Sized>(
        &self,
        days_ahead: u32,
    ) -> Result<usize, EngineError> {
        let mapping = self.mapping::<T>()?;
        let type_name = mapping.descriptor.name;
        let (Retention::Fixed(period), Some((_, encoding))) =
            (mapping.descriptor.retention, mapping.instant)
        else {
            return Err(EngineError::Mapping {
                type_name,
                problem: "only a fixed retention counted from `collected_at` can retire whole days"
                    .into(),
            });
        };
        if mapping
            .table
            .name
            .rsplit('.')
            .next()
            .unwrap_or_default()
            .len()
            > 53
        {
            return Err(EngineError::Mapping {
                type_name,
                problem: "its table's name leaves no room for a partition's `_pYYYYMMDD` within 63 bytes; shorten it".into(),
            });
        }
        let now = self.now();
        let first = period.before(now).unwrap_or(now);
        let first = first.timestamp().div_euclid(DAY) - 1;
        let last = now.timestamp().div_euclid(DAY) + i64::from(days_ahead);
        let mut created = 0;
        for day in first..=last {
            let name = partition_name(mapping.table.name, day);
            let Some(sql) = DB::create_partition_sql(
                mapping.table.name,
                &name,
                day * DAY,
                (day + 1) * DAY,
                encoding,
            ) else {
                return Err(EngineError::Mapping {
                    type_name,
                    problem: format!(
                        "partitions the engine retires whole are PostgreSQL's; on {} its rows are swept by batches",
                        <DB as sqlx::Database>::NAME
                    ),
                });
            };
            self.execute("creating a partition", &sql, &[]).await?;
            created += 1;
        }
        Ok(created)
    }

    /// Retires every engine-named partition of `mapping`'s table whose whole day is at or
    /// before `cutoff` and holds no held row: counted, detached, dropped and audited in one
    /// transaction.
    pub(crate) async fn retire_partitions(
        &self,
        mapping: &Mapping,
        cutoff: i64,
        now: DateTime<Utc>,
    ) -> Result<SweepReport, EngineError> {
        let mut report = SweepReport::default();
        let Some(list) = DB::partitions_sql(mapping.table.name) else {
            return Ok(report);
        };
        let table = mapping.table.name;
        let operation = format!("retiring partitions of `{table}`");
        let fail = |error| EngineError::database(&operation, error);
        let base = table.rsplit('.').next().unwrap_or(table);
        let mut due: Vec<String> = self
            .fetch(&operation, &list, &[])
            .await?
            .into_iter()
            .filter_map(|row| {
                row.first()
                    .and_then(|(_, value)| value.as_str())
                    .map(str::to_owned)
            })
            .filter(|name| day_of(base, name).is_some_and(|day| (day + 1) * DAY <= cutoff))
            .collect();
        due.sort();
        if due.is_empty() {
            return Ok(report);
        }
        let holds = format!(
            "SELECT count(*) FROM {} WHERE table_name IS NULL OR table_name = '{table}'",
            self.inner.tables.holds
        );
        let may_hold = self
            .fetch(&operation, &holds, &[])
            .await?
            .first()
            .and_then(|row| row.first())
            .and_then(|(_, value)| value.as_i64())
            .is_none_or(|count| count > 0);
        let schema = table
            .split_once('.')
            .map_or(String::new(), |(schema, _)| format!("{schema}."));
        for name in due {
            let started = std::time::Instant::now();
            let partition = format!("{schema}{name}");
            let row = "r";
            let held = rules::held::<DB>(mapping, &self.inner.tables, row);
            let mut transaction = self.inner.pool.begin().await.map_err(fail)?;
            // Rows are checked against holds only when a hold could cover this table.
            let check = if may_hold {
                format!("SELECT count(*), count(*) FILTER (WHERE {held}) FROM {partition} AS {row}")
            } else {
                format!("SELECT count(*), 0 FROM {partition}")
            };
            let counts = DB::fetch(&mut transaction, &check, &[])
                .await
                .map_err(fail)?;
            let cell = |index: usize| {
                counts
                    .first()
                    .and_then(|row| row.get(index))
                    .and_then(|(_, value)| value.as_u64())
                    .unwrap_or(0)
            };
            let (rows, held_rows) = (cell(0), cell(1));
            if held_rows > 0 {
                // A hold keeps the day: its rows are swept one by one, the held ones stay.
                continue;
            }
            for statement in DB::retire_partition_sql(table, &name) {
                DB::execute(&mut transaction, &statement, &[])
                    .await
                    .map_err(fail)?;
            }
            let entry = AuditEntry {
                at: now,
                action: AuditAction::Sweep,
                type_name: mapping.descriptor.name.into(),
                table: table.into(),
                tenant: None,
                count: rows,
                cutoff: DateTime::from_timestamp(cutoff, 0),
                reason: AuditReason::Retention,
                request: None,
            };
            let (sql, params) = audit::insert::<DB>(&self.inner.tables.audit, &[entry]);
            DB::execute(&mut transaction, &sql, params.binds())
                .await
                .map_err(fail)?;
            transaction.commit().await.map_err(fail)?;
            report.batches += 1;
            report.partitions += 1;
            report.longest_batch = report.longest_batch.max(started.elapsed());
            report.add(mapping, AuditReason::Retention, None, rows);
        }
        Ok(report)
    }
}

/// `<table>_p<YYYYMMDD>` for day `day` (days since the Unix epoch).
fn partition_name(table: &str, day: i64) -> String {
    let base = table.rsplit('.').next().unwrap_or(table);
    let date = DateTime::from_timestamp(day * DAY, 0).unwrap_or_default();
    format!("{base}_p{}", date.format("%Y%m%d"))
}

/// The day (since the Unix epoch) of an engine-named partition of `base`.
fn day_of(base: &str, name: &str) -> Option<i64> {
    let digits = name.strip_prefix(base)?.strip_prefix("_p")?;
    let date = NaiveDate::parse_from_str(digits, "%Y%m%d").ok()?;
    Some(
        date.and_hms_opt(0, 0, 0)?
            .and_utc()
            .timestamp()
            .div_euclid(DAY),
    )
}
