//! Partition retention: a high-volume table with a fixed retention (Log Data, Monitoring Data)
//! kept as range partitions by its `collected_at` column, so that a partition whose every row
//! is past its deadline is retired whole (dropped, audited with its exact count) instead of row
//! by row. Rows of the boundary partition are swept as usual.
//!
//! A partition spans a whole number of hours that divides a day, chosen from the retention
//! ([`Engine::partition_span`]): daily for a retention of 7 days or more, shorter for shorter
//! ones (6 hours for 2 days, 3 hours for 1 day), so the boundary partition, the one swept row
//! by row, holds at most about a 7th of the rows kept, while a backlog has few partitions to
//! drop.
//!
//! PostgreSQL's declarative partitions; on SQLite and MariaDB tables are swept by batches.
//! The service creates the parent table `PARTITION BY RANGE (<collected_at column>)`; the
//! engine creates the partitions ahead and names them `<table>_p<YYYYMMDD>` (a day) or
//! `<table>_p<YYYYMMDDHH>` (shorter spans, from that hour). It retires only partitions it
//! named, by the range the catalog gives (not by the name), and only when the table is
//! partitioned by its `collected_at` column; other partitions it leaves alone (their rows are
//! swept as usual).

use super::audit::{self, AuditAction, AuditEntry, AuditReason};
use super::dialect::Dialect;
use super::mapping::Mapping;
use super::{Engine, EngineError, SweepReport, rules};
use crate::{Classified, InstantEncoding, Retention};
use chrono::{DateTime, TimeDelta, Utc};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;
/// The spans a partition may have, in hours: each divides a day, so partitions start at whole
/// hours of UTC and a day's partitions never straddle midnight.
const SPANS: [i64; 8] = [24, 12, 8, 6, 4, 3, 2, 1];
/// A retention period holds at least this many partitions when its span allows. Fewer, larger
/// partitions cost less to drop (measured here: dropping 7 partitions of a day's rows took
/// about 50 ms at commit, 28 of 6 hours' rows about 550 ms, the same rows); more, smaller ones
/// leave fewer rows in the boundary partition to delete one by one.
const PER_PERIOD: i64 = 7;
/// Partitions retired in one transaction at most (each drop takes a few locks; the lock table
/// is shared by every connection).
const PER_TRANSACTION: usize = 64;
/// How many times a retirement the database aborted for a concurrent transaction is run again.
const RETRIES: usize = 5;

/// The span, in seconds, of the partitions of a table kept `period`: the longest of
/// [`SPANS`] that fits [`PER_PERIOD`] times into the period's shortest reading.
pub(crate) fn span_of(period: crate::Period) -> i64 {
    let shortest = i64::try_from(period.min_seconds()).unwrap_or(i64::MAX);
    SPANS
        .iter()
        .map(|hours| hours * HOUR)
        .find(|span| span.saturating_mul(PER_PERIOD) <= shortest)
        .unwrap_or(HOUR)
}

/// One table inheriting from a mapped table, as the catalog lists it.
#[derive(Clone, Debug)]
pub(crate) struct Child {
    pub name: String,
    /// `[first, end)` in Unix seconds, when the child is a range partition over one instant.
    pub range: Option<(i64, i64)>,
    /// Its schema-qualified name, quoted where needed: SQL naming it wherever it lives.
    pub qualified: String,
    /// A plain table (not itself partitioned).
    pub leaf: bool,
}

/// The tables inheriting from a mapped table, and its partition key.
#[derive(Clone, Debug, Default)]
pub(crate) struct Children {
    pub list: Vec<Child>,
    /// `RANGE (at)`, as the catalog prints it; `None` for a table not partitioned.
    pub key: Option<String>,
}

impl Children {
    fn parse(rows: Vec<super::dialect::Cells>) -> Self {
        let mut children = Children::default();
        for row in rows {
            let text = |index: usize| {
                row.get(index)
                    .and_then(|(_, value)| value.as_str())
                    .map(str::to_owned)
            };
            let number = |index: usize| row.get(index).and_then(|(_, value)| value.as_i64());
            if children.key.is_none() {
                children.key = text(3);
            }
            if let (Some(name), Some(qualified)) = (text(0), text(4)) {
                children.list.push(Child {
                    name,
                    range: number(1).zip(number(2)),
                    qualified,
                    leaf: row
                        .get(5)
                        .and_then(|(_, value)| value.as_bool())
                        .unwrap_or(false),
                });
            }
        }
        children
    }

    /// Whether the table is partitioned by range over `column` alone.
    fn keyed_by(&self, column: &str) -> bool {
        self.key
            .as_deref()
            .is_some_and(|key| key.eq_ignore_ascii_case(&format!("RANGE ({column})")))
    }

    /// The engine-named partitions of `table` whose every instant is at or before `cutoff`
    /// (the range's end, exclusive, at or before it), oldest first; none unless the table is
    /// partitioned by `column`.
    fn due(&self, table: &str, column: &str, cutoff: i64) -> Vec<&Child> {
        if !self.keyed_by(column) {
            return Vec::new();
        }
        let base = base_of(table);
        let mut due: Vec<(i64, &Child)> = self
            .list
            .iter()
            .filter(|child| engine_named(base, &child.name))
            .filter_map(|child| {
                let (first, end) = child.range?;
                (end <= cutoff).then_some((first, child))
            })
            .collect();
        due.sort_unstable_by_key(|(first, _)| *first);
        due.into_iter().map(|(_, child)| child).collect()
    }

    /// The children a sweep of `mapping`'s table deletes from one by one, by their qualified
    /// names: every one, or, for its retention's rule (`cutoff`) on a table partitioned by its
    /// `collected_at`, those whose range may hold an instant at or before the cutoff. `None`
    /// when the table has no children, a child is itself partitioned, or the table is not
    /// declaratively partitioned (an inherited parent holds rows of its own).
    pub(crate) fn leaves(&self, mapping: &Mapping, cutoff: Option<i64>) -> Option<Vec<String>> {
        if self.list.is_empty() || self.key.is_none() || self.list.iter().any(|child| !child.leaf) {
            return None;
        }
        let cutoff = cutoff.filter(|_| {
            mapping
                .instant
                .is_some_and(|(column, _)| self.keyed_by(column))
        });
        Some(
            self.list
                .iter()
                .filter(|child| match (cutoff, child.range) {
                    (Some(cutoff), Some((first, _))) => first <= cutoff,
                    _ => true,
                })
                .map(|child| child.qualified.clone())
                .collect(),
        )
    }

    /// Whether some child's range overlaps `[from, to)`.
    fn covers_any(&self, from: i64, to: i64) -> bool {
        self.list.iter().any(|child| {
            child
                .range
                .is_some_and(|(first, end)| first < to && from < end)
        })
    }
}

/// The partitions the engine would create for a table partitioned in spans of `span` seconds
/// to cover `[from, to)`: `(name, first, end)`, whole spans from the one holding `from`.
fn slots(table: &str, span: i64, from: i64, to: i64) -> Vec<(String, i64, i64)> {
    let mut slots = Vec::new();
    let mut first = from.div_euclid(span) * span;
    while first < to {
        slots.push((partition_name(table, first, span), first, first + span));
        first += span;
    }
    slots
}

/// A missing stretch of partitions the schema check reports: its first and end instants and
/// the statements creating its partitions.
pub(crate) struct MissingPartitions {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub statements: Vec<String>,
}

impl<DB: Dialect> Engine<DB> {
    /// The span of `T`'s partitions, chosen from its retention: the longest of 24, 12, 8, 6,
    /// 4, 3, 2 and 1 hours that fits 7 times into the retention (so daily from 7 days up, 6
    /// hours for 2 days, 3 hours for 1 day, 1 hour below 14 hours). The boundary partition,
    /// the only one swept row by row, then holds at most about a 7th of the rows kept.
    ///
    /// # Errors
    /// [`EngineError::Unmapped`] for a type not mapped on this engine; [`EngineError::Mapping`]
    /// when its retention is not a fixed period counted from `collected_at`.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// use chrono::TimeDelta;
    /// use privacy_core::{engine::Engine, im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::LogData, table = "request_logs")] // kept 7 days
    /// struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// #[derive(Classified)]
    /// #[privacy(category = im::MonitoringData, table = "samples")] // kept 2 days
    /// struct Sample { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let engine = Engine::builder(pool).table::<RequestLog>().table::<Sample>().build().unwrap();
    /// assert_eq!(engine.partition_span::<RequestLog>().unwrap(), TimeDelta::days(1));
    /// assert_eq!(engine.partition_span::<Sample>().unwrap(), TimeDelta::hours(6));
    /// # });
    /// ```
    pub fn partition_span<T: Classified + ?Sized>(&self) -> Result<TimeDelta, EngineError> {
        let (span, _, _) = self.partitioned(self.mapping::<T>()?)?;
        Ok(TimeDelta::seconds(span))
    }

    /// `(span, collected_at column, encoding)` of a mapping whose table can be partitioned.
    fn partitioned(
        &self,
        mapping: &Mapping,
    ) -> Result<(i64, &'static str, InstantEncoding), EngineError> {
        match (mapping.descriptor.retention, mapping.instant) {
            (Retention::Fixed(period), Some((column, encoding))) => {
                Ok((span_of(period), column, encoding))
            }
            _ => Err(EngineError::Mapping {
                type_name: mapping.descriptor.name,
                problem:
                    "only a fixed retention counted from `collected_at` can retire whole partitions"
                        .into(),
            }),
        }
    }

    /// Creates `T`'s partitions (spans of [`partition_span`](Engine::partition_span)) from the
    /// one before the oldest its retention still keeps to `days_ahead` days after now (by the
    /// engine's clock), where no partition covers them yet; returns how many it created. Run
    /// it daily (the sweeper does not), ahead of the writes: a row whose instant no partition
    /// covers is refused by the database.
    ///
    /// On SQLite and MariaDB nothing is partitioned: the call fails and says so, and the
    /// table's due rows are swept by bounded batches like any other table's (MariaDB's own
    /// partitions, where a service has them, are left to it and swept through the table).
    ///
    /// # Errors
    /// [`EngineError::Mapping`] when the database has no partitions the engine manages (only
    /// PostgreSQL), when `T`'s retention is not a fixed period, or when its table is not
    /// `PARTITION BY RANGE` on the `collected_at` column; the database's failures.
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
        let (span, column, _) = self.partitioned(mapping)?;
        let (type_name, table) = (mapping.descriptor.name, mapping.table.name);
        let unsupported = || EngineError::Mapping {
            type_name,
            problem: format!(
                "partitions the engine retires whole are PostgreSQL's; on {} its rows are swept by batches",
                <DB as sqlx::Database>::NAME
            ),
        };
        let children = self.children(mapping).await?.ok_or_else(unsupported)?;
        if !children.keyed_by(column) {
            return Err(EngineError::Mapping {
                type_name,
                problem: format!(
                    "its table `{table}` is not partitioned by `RANGE ({column})` (its key: {}); create it so",
                    children.key.as_deref().unwrap_or("none")
                ),
            });
        }
        let (from, to) = self.window(mapping, span, days_ahead);
        let mut created = 0;
        for (name, first, end) in slots(table, span, from, to) {
            if children.covers_any(first, end) {
                continue;
            }
            let sql = self.create_sql(mapping, &name, first, end)?;
            self.execute("creating a partition", &sql, &[]).await?;
            created += 1;
        }
        Ok(created)
    }

    /// `[from, to)`, Unix seconds, that [`create_partitions`](Engine::create_partitions) covers:
    /// from a span before the oldest instant still kept to `days_ahead` days after now.
    fn window(&self, mapping: &Mapping, span: i64, days_ahead: u32) -> (i64, i64) {
        let now = self.now();
        let oldest = match mapping.descriptor.retention {
            Retention::Fixed(period) => period.before(now).unwrap_or(now),
            _ => now,
        };
        (
            oldest.timestamp() - span,
            now.timestamp() + i64::from(days_ahead) * DAY + 1,
        )
    }

    fn create_sql(
        &self,
        mapping: &Mapping,
        name: &str,
        first: i64,
        end: i64,
    ) -> Result<String, EngineError> {
        let table = mapping.table.name;
        let type_name = mapping.descriptor.name;
        if name.len() > 63 {
            return Err(EngineError::Mapping {
                type_name,
                problem: format!(
                    "its table's name leaves no room for a partition's `{}` within 63 bytes; shorten it",
                    &name[base_of(table).len()..]
                ),
            });
        }
        let encoding = mapping.instant.map_or(InstantEncoding::Utc, |(_, e)| e);
        DB::create_partition_sql(table, name, first, end, encoding).ok_or_else(|| {
            EngineError::Mapping {
                type_name,
                problem: format!(
                    "partitions the engine retires whole are PostgreSQL's; on {} its rows are swept by batches",
                    <DB as sqlx::Database>::NAME
                ),
            }
        })
    }

    /// The partitions missing from `mapping`'s table, partitioned by its `collected_at`, for
    /// the writes of the next day: `None` when the table is not partitioned that way (or the
    /// database has no such partitions), or nothing is missing.
    pub(crate) fn missing_partitions(
        &self,
        mapping: &Mapping,
        children: &Children,
    ) -> Result<Option<MissingPartitions>, EngineError> {
        let Ok((span, column, _)) = self.partitioned(mapping) else {
            return Ok(None);
        };
        if !children.keyed_by(column) {
            return Ok(None);
        }
        let now = self.now().timestamp();
        let mut statements = Vec::new();
        let (mut from, mut to) = (i64::MAX, i64::MIN);
        for (name, first, end) in slots(mapping.table.name, span, now, now + DAY + 1) {
            if !children.covers_any(first, end) {
                statements.push(self.create_sql(mapping, &name, first, end)?);
                (from, to) = (from.min(first), to.max(end));
            }
        }
        if statements.is_empty() {
            return Ok(None);
        }
        Ok(Some(MissingPartitions {
            from: DateTime::from_timestamp(from, 0).unwrap_or_default(),
            to: DateTime::from_timestamp(to, 0).unwrap_or_default(),
            statements,
        }))
    }

    /// The tables inheriting from `mapping`'s table, with their ranges, and its partition key;
    /// `None` where the database has no partitions the engine retires.
    pub(crate) async fn children(
        &self,
        mapping: &Mapping,
    ) -> Result<Option<Children>, EngineError> {
        let encoding = mapping.instant.map_or(InstantEncoding::Utc, |(_, e)| e);
        let Some(sql) = DB::partitions_sql(mapping.table.name, encoding) else {
            return Ok(None);
        };
        let operation = format!("reading the partitions of `{}`", mapping.table.name);
        let rows = self.fetch(&operation, &sql, &[]).await?;
        Ok(Some(Children::parse(rows)))
    }

    /// Retires every engine-named partition of `mapping`'s table whose whole range is at or
    /// before `cutoff` and that holds no held row: up to [`PER_TRANSACTION`] in one
    /// transaction, which locks the table against writes (reads go on), lists the partitions
    /// again, counts each one's rows exactly in one query, drops them in one statement and
    /// writes one audit entry per partition with its count.
    pub(crate) async fn retire_partitions(
        &self,
        mapping: &Mapping,
        cutoff: i64,
        now: DateTime<Utc>,
        children: &Children,
    ) -> Result<SweepReport, EngineError> {
        let mut report = SweepReport::default();
        let Some((column, _)) = mapping.instant else {
            return Ok(report);
        };
        if children.due(mapping.table.name, column, cutoff).is_empty() {
            return Ok(report);
        }
        let operation = format!("retiring partitions of `{}`", mapping.table.name);
        // Partitions a hold keeps: not considered again in this sweep.
        let mut kept: BTreeSet<String> = BTreeSet::new();
        loop {
            let started = Instant::now();
            let mut attempt = 0;
            let outcome = loop {
                attempt += 1;
                match self.try_retire(mapping, cutoff, now, &kept).await {
                    Err(error) if attempt < RETRIES && DB::is_transient(&error) => {
                        tokio::time::sleep(Duration::from_millis(10 * attempt as u64)).await;
                    }
                    result => {
                        break result.map_err(|error| EngineError::database(&operation, error))?;
                    }
                }
            };
            let considered = outcome.retired.len() + outcome.kept.len();
            if !outcome.retired.is_empty() {
                report.batches += 1;
                report.partitions += outcome.retired.len() as u64;
                report.longest_batch = report.longest_batch.max(started.elapsed());
                let rows = outcome.retired.iter().map(|(_, rows)| rows).sum();
                report.add(mapping, AuditReason::Retention, None, rows);
            }
            kept.extend(outcome.kept);
            if considered < PER_TRANSACTION {
                return Ok(report);
            }
        }
    }

    async fn try_retire(
        &self,
        mapping: &Mapping,
        cutoff: i64,
        now: DateTime<Utc>,
        kept: &BTreeSet<String>,
    ) -> Result<Retirement, sqlx::Error> {
        let table = mapping.table.name;
        let (column, encoding) = mapping.instant.unwrap_or(("", InstantEncoding::Utc));
        let mut outcome = Retirement::default();
        let (Some(list), Some(lock)) = (
            DB::partitions_sql(table, encoding),
            DB::lock_for_retirement_sql(table),
        ) else {
            return Ok(outcome);
        };
        let mut transaction = self.inner.pool.begin().await?;
        // Under the lock no row is written into the table, so each count is the number of rows
        // its drop deletes; the list is read again, as another sweeper may have retired some.
        DB::execute(&mut transaction, &lock, &[]).await?;
        let children = Children::parse(DB::fetch(&mut transaction, &list, &[]).await?);
        let due: Vec<&Child> = children
            .due(table, column, cutoff)
            .into_iter()
            .filter(|child| !kept.contains(&child.name))
            .take(PER_TRANSACTION)
            .collect();
        if due.is_empty() {
            transaction.commit().await?;
            return Ok(outcome);
        }
        let holds = format!(
            "SELECT count(*) FROM {} WHERE table_name IS NULL OR table_name = '{table}'",
            self.inner.tables.holds
        );
        let may_hold = DB::fetch(&mut transaction, &holds, &[])
            .await?
            .first()
            .and_then(|row| row.first())
            .and_then(|(_, value)| value.as_i64())
            .is_none_or(|count| count > 0);
        // One query counts every partition (PostgreSQL runs the branches side by side); rows
        // are checked against holds only when a hold could cover this table.
        let row = "r";
        let held = rules::held::<DB>(mapping, &self.inner.tables, row);
        let counts: Vec<String> = due
            .iter()
            .map(|child| {
                let held = if may_hold {
                    format!("count(*) FILTER (WHERE {held})")
                } else {
                    "CAST(0 AS BIGINT)".into()
                };
                // An engine-named partition's name is a plain identifier.
                format!(
                    "SELECT '{}', count(*), {held} FROM {} AS {row}",
                    child.name, child.qualified
                )
            })
            .collect();
        let counted = DB::fetch(&mut transaction, &counts.join(" UNION ALL "), &[]).await?;
        for cells in counted {
            let cell = |index: usize| cells.get(index).map(|(_, value)| value);
            let name = cell(0).and_then(|value| value.as_str()).unwrap_or_default();
            let rows = cell(1).and_then(serde_json::Value::as_u64).unwrap_or(0);
            let held_rows = cell(2).and_then(serde_json::Value::as_u64).unwrap_or(0);
            if held_rows > 0 {
                // A hold keeps the partition: its rows are swept one by one, the held ones stay.
                outcome.kept.push(name.to_owned());
            } else {
                outcome.retired.push((name.to_owned(), rows));
            }
        }
        if !outcome.retired.is_empty() {
            let tables: Vec<&str> = due
                .iter()
                .filter(|child| outcome.retired.iter().any(|(name, _)| *name == child.name))
                .map(|child| child.qualified.as_str())
                .collect();
            if let Some(drop) = DB::drop_partitions_sql(&tables) {
                DB::execute(&mut transaction, &drop, &[]).await?;
            }
            let entries: Vec<AuditEntry> = outcome
                .retired
                .iter()
                .map(|(_, rows)| AuditEntry {
                    at: now,
                    action: AuditAction::Sweep,
                    type_name: mapping.descriptor.name.into(),
                    table: table.into(),
                    tenant: None,
                    count: *rows,
                    cutoff: DateTime::from_timestamp(cutoff, 0),
                    reason: AuditReason::Retention,
                    request: None,
                })
                .collect();
            let (sql, params) = audit::insert::<DB>(&self.inner.tables.audit, &entries);
            DB::execute(&mut transaction, &sql, params.binds()).await?;
        }
        transaction.commit().await?;
        Ok(outcome)
    }
}

/// What one retirement transaction did.
#[derive(Default)]
struct Retirement {
    /// `(partition, rows)` dropped.
    retired: Vec<(String, u64)>,
    /// Partitions a hold keeps.
    kept: Vec<String>,
}

/// A table's name without its schema.
fn base_of(table: &str) -> &str {
    table.rsplit('.').next().unwrap_or(table)
}

/// `<table>_p<YYYYMMDD>` for a partition of a day from `first` (Unix seconds), else
/// `<table>_p<YYYYMMDDHH>`.
fn partition_name(table: &str, first: i64, span: i64) -> String {
    let start = DateTime::from_timestamp(first, 0).unwrap_or_default();
    let format = if span == DAY { "%Y%m%d" } else { "%Y%m%d%H" };
    format!("{}_p{}", base_of(table), start.format(format))
}

/// Whether `name` is a partition of `base` named by the engine.
fn engine_named(base: &str, name: &str) -> bool {
    name.strip_prefix(base)
        .and_then(|rest| rest.strip_prefix("_p"))
        .is_some_and(|digits| {
            matches!(digits.len(), 8 | 10) && digits.bytes().all(|byte| byte.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Period;

    #[test]
    fn spans_follow_the_retention() {
        assert_eq!(span_of(Period::days(7)), DAY);
        assert_eq!(span_of(Period::days(2)), 6 * HOUR);
        assert_eq!(span_of(Period::days(1)), 3 * HOUR);
        assert_eq!(span_of(Period::days(6)), 12 * HOUR);
        assert_eq!(span_of(Period::months(2)), DAY);
        assert_eq!(span_of(Period::hours(1)), HOUR);
    }

    #[test]
    fn names_and_slots() {
        let first = DateTime::parse_from_rfc3339("2026-11-23T06:00:00Z")
            .unwrap()
            .timestamp();
        assert_eq!(
            partition_name("s.request_logs", first, 6 * HOUR),
            "request_logs_p2026112306"
        );
        assert_eq!(
            partition_name("request_logs", first, DAY),
            "request_logs_p20261123"
        );
        assert!(engine_named("request_logs", "request_logs_p2026112306"));
        assert!(engine_named("request_logs", "request_logs_p20261123"));
        assert!(!engine_named("request_logs", "request_logs_old"));
        assert!(!engine_named("request_logs", "request_logs_p202611230"));
        let slots = slots("t", 6 * HOUR, first + 1, first + 6 * HOUR + 1);
        assert_eq!(slots.len(), 2);
        assert_eq!(slots[0].1, first);
    }
}
