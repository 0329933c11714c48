//! Sweeps: due rows deleted in bounded batches, each batch one transaction with its
//! aggregated audit entries, by the rules of [`rules`](super::rules); a background task that
//! sweeps on an interval and stops gracefully.

use super::audit::{self, AuditAction, AuditEntry, AuditReason};
use super::dialect::{BatchDelete, BoxFuture, Dialect};
use super::mapping::Mapping;
use super::rules::{self, Rule};
use super::{Engine, EngineError};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How many times a batch the database aborted for a concurrent transaction is run again.
const RETRIES: usize = 5;

/// PostgreSQL's code for a table that does not exist: a partition retired by another sweeper
/// while this one swept it (only PostgreSQL's partitions are swept one by one).
const UNDEFINED_TABLE: &str = "42P01";

/// Test hook run between a batch's `DELETE` and its commit.
#[derive(Clone)]
#[doc(hidden)]
pub struct Pause(pub Arc<dyn Fn() -> BoxFuture<'static, ()> + Send + Sync>);

impl core::fmt::Debug for Pause {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Pause")
    }
}

/// What one sweep deleted, per type, reason and tenant.
///
/// ```
/// use privacy_core::engine::SweepReport;
/// let report = SweepReport::default();
/// assert_eq!((report.deleted, report.batches), (0, 0));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SweepReport {
    /// Rows deleted.
    pub deleted: u64,
    /// Batches committed (a retired partition counts as one).
    pub batches: u64,
    /// Partitions retired whole.
    pub partitions: u64,
    /// The longest batch, from `BEGIN` to `COMMIT`.
    pub longest_batch: Duration,
    /// Deletions per type, reason and tenant.
    pub lines: Vec<SweepLine>,
}

/// Rows of one type deleted for one reason (and tenant, where the reason is the tenant's).
///
/// ```
/// use privacy_core::engine::{AuditReason, SweepLine};
/// let line = SweepLine { type_name: "RequestLog", table: "request_logs", reason: AuditReason::Retention, tenant: None, deleted: 3 };
/// assert_eq!(line.deleted, 3);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SweepLine {
    /// The type.
    pub type_name: &'static str,
    /// Its table.
    pub table: &'static str,
    /// Why the rows were due.
    pub reason: AuditReason,
    /// The tenant, when the reason is its decision.
    pub tenant: Option<String>,
    /// Rows deleted.
    pub deleted: u64,
}

impl SweepReport {
    pub(crate) fn add(
        &mut self,
        mapping: &Mapping,
        reason: AuditReason,
        tenant: Option<String>,
        deleted: u64,
    ) {
        self.deleted += deleted;
        let (type_name, table) = (mapping.descriptor.name, mapping.table.name);
        match self.lines.iter_mut().find(|line| {
            line.type_name == type_name && line.reason == reason && line.tenant == tenant
        }) {
            Some(line) => line.deleted += deleted,
            None => self.lines.push(SweepLine {
                type_name,
                table,
                reason,
                tenant,
                deleted,
            }),
        }
    }

    fn merge(&mut self, other: SweepReport) {
        self.deleted += other.deleted;
        self.batches += other.batches;
        self.partitions += other.partitions;
        self.longest_batch = self.longest_batch.max(other.longest_batch);
        for line in other.lines {
            match self.lines.iter_mut().find(|known| {
                known.type_name == line.type_name
                    && known.reason == line.reason
                    && known.tenant == line.tenant
            }) {
                Some(known) => known.deleted += line.deleted,
                None => self.lines.push(line),
            }
        }
    }
}

impl<DB: Dialect> Engine<DB> {
    /// Deletes every due row of every mapped table, now by the engine's clock: batches of
    /// at most the batch size, each one transaction with one aggregated audit entry per reason
    /// and tenant. Held rows stay. Several engines may sweep at once: each row is deleted, and
    /// counted, once.
    ///
    /// # Errors
    /// When the database fails; the batches before stay committed and audited.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let engine = privacy_core::engine::Engine::builder(pool).build().unwrap();
    /// engine.install().await.unwrap();
    /// assert_eq!(engine.sweep().await.unwrap().deleted, 0);
    /// # });
    /// ```
    pub async fn sweep(&self) -> Result<SweepReport, EngineError> {
        let now = self.now();
        let mut report = SweepReport::default();
        for mapping in &self.inner.mappings {
            report.merge(self.sweep_mapping(mapping, now).await?);
        }
        Ok(report)
    }

    /// Sweeps one mapped table.
    pub(crate) async fn sweep_mapping(
        &self,
        mapping: &Mapping,
        now: DateTime<Utc>,
    ) -> Result<SweepReport, EngineError> {
        let row = DB::qualifier(mapping.table.name);
        let held = rules::held::<DB>(mapping, &self.inner.tables, &row);
        let mut report = SweepReport::default();
        // One catalog query: a table without children has a faster batch; a partitioned one
        // may retire partitions whole, and is swept partition by partition.
        let mut children = self.children(mapping).await?;
        let single = children
            .as_ref()
            .is_some_and(|children| children.list.is_empty());
        for rule in rules::rules::<DB>(mapping, &self.inner.tables, now, &row) {
            let retention = match (mapping.descriptor.retention, rule.reason) {
                (crate::Retention::Fixed(_), AuditReason::Retention) => rule.cutoff,
                _ => None,
            };
            if let (Some(cutoff), Some(known)) = (retention, &children) {
                // Whole partitions past the cutoff go at once; the boundary one row by row.
                let retired = self.retire_partitions(mapping, cutoff, now, known).await?;
                if retired.partitions > 0 {
                    children = self.children(mapping).await?;
                }
                report.merge(retired);
            }
            let condition = format!("({}) AND NOT {held}", rule.condition);
            let returning = if rule.by_tenant { mapping.tenant } else { None };
            // The partitions that may hold a row due by this rule, each swept by the faster
            // batch of a table without children (through the parent, a batch's join reads
            // every partition); else the table itself.
            let targets = match children
                .as_ref()
                .and_then(|known| known.leaves(mapping, retention))
            {
                Some(leaves) => leaves.into_iter().map(|leaf| (leaf, true)).collect(),
                None => vec![(mapping.table.name.to_owned(), single)],
            };
            for (table, single) in targets {
                let sql = DB::delete_batch(&BatchDelete {
                    table: &table,
                    condition: &condition,
                    limit: self.inner.batch,
                    returning,
                    skip_locked: true,
                    single,
                });
                loop {
                    let started = Instant::now();
                    let deleted = match self.sweep_batch(mapping, &rule, &sql, now).await {
                        // A partition another sweeper retired meanwhile.
                        Err(EngineError::Database { code, .. })
                            if table != mapping.table.name
                                && code.as_deref() == Some(UNDEFINED_TABLE) =>
                        {
                            break;
                        }
                        result => result?,
                    };
                    report.longest_batch = report.longest_batch.max(started.elapsed());
                    let total: u64 = deleted.values().sum();
                    if total > 0 {
                        report.batches += 1;
                    }
                    for (tenant, count) in deleted {
                        report.add(mapping, rule.reason, tenant, count);
                    }
                    if total < self.inner.batch as u64 {
                        break;
                    }
                }
            }
        }
        Ok(report)
    }

    /// One batch, run again when the database aborts it for a concurrent transaction.
    async fn sweep_batch(
        &self,
        mapping: &Mapping,
        rule: &Rule,
        sql: &str,
        now: DateTime<Utc>,
    ) -> Result<BTreeMap<Option<String>, u64>, EngineError> {
        let operation = format!("sweeping `{}`", mapping.table.name);
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.try_sweep_batch(mapping, rule, sql, now).await {
                Err(error) if attempt < RETRIES && DB::is_transient(&error) => {
                    tokio::time::sleep(Duration::from_millis(10 * attempt as u64)).await;
                }
                result => return result.map_err(|error| EngineError::database(&operation, error)),
            }
        }
    }

    async fn try_sweep_batch(
        &self,
        mapping: &Mapping,
        rule: &Rule,
        sql: &str,
        now: DateTime<Utc>,
    ) -> Result<BTreeMap<Option<String>, u64>, sqlx::Error> {
        let mut transaction = self.inner.pool.begin().await?;
        let mut deleted: BTreeMap<Option<String>, u64> = BTreeMap::new();
        if rule.by_tenant && mapping.tenant.is_some() {
            for row in DB::fetch(&mut transaction, sql, &[]).await? {
                let tenant = row
                    .first()
                    .and_then(|(_, value)| value.as_str())
                    .map(str::to_owned);
                *deleted.entry(tenant).or_default() += 1;
            }
        } else {
            let count = DB::execute(&mut transaction, sql, &[]).await?;
            if count > 0 {
                deleted.insert(None, count);
            }
        }
        if !deleted.is_empty() {
            let entries: Vec<AuditEntry> = deleted
                .iter()
                .map(|(tenant, count)| AuditEntry {
                    at: now,
                    action: AuditAction::Sweep,
                    type_name: mapping.descriptor.name.into(),
                    table: mapping.table.name.into(),
                    tenant: tenant.clone(),
                    count: *count,
                    cutoff: rule
                        .cutoff
                        .and_then(|seconds| DateTime::from_timestamp(seconds, 0)),
                    reason: rule.reason,
                    request: None,
                })
                .collect();
            let (sql, params) = audit::insert::<DB>(&self.inner.tables.audit, &entries);
            DB::execute(&mut transaction, &sql, params.binds()).await?;
        }
        if let Some(pause) = self.inner.pause.as_ref().filter(|_| !deleted.is_empty()) {
            (pause.0)().await;
        }
        transaction.commit().await?;
        Ok(deleted)
    }

    /// Sweeps every `every` (60 s is the usual choice) on `tokio::spawn`, until
    /// [`Sweeper::shutdown`] or the [`Sweeper`] is dropped. A failed sweep is kept as
    /// [`Sweeper::last`] and the next one runs on time.
    ///
    /// Must be called inside a tokio runtime.
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let engine = privacy_core::engine::Engine::builder(pool).build().unwrap();
    /// engine.install().await.unwrap();
    /// let sweeper = engine.spawn_sweeper(std::time::Duration::from_millis(10));
    /// tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    /// assert!(matches!(sweeper.last(), Some(Ok(_))));
    /// sweeper.shutdown().await;
    /// # });
    /// ```
    #[must_use = "dropping the sweeper stops it"]
    pub fn spawn_sweeper(&self, every: Duration) -> Sweeper {
        let engine = self.clone();
        let (stop, mut stopped) = tokio::sync::watch::channel(false);
        let last: Arc<Mutex<Option<Result<SweepReport, String>>>> = Arc::default();
        let record = Arc::clone(&last);
        let task = tokio::spawn(async move {
            let mut ticks = tokio::time::interval(every.max(Duration::from_millis(1)));
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    _ = stopped.changed() => break,
                    _ = ticks.tick() => {
                        let result = engine.sweep().await.map_err(|error| error.to_string());
                        *record.lock().unwrap_or_else(PoisonError::into_inner) = Some(result);
                    }
                }
            }
        });
        Sweeper {
            stop,
            task: Some(task),
            last,
        }
    }
}

/// A running background sweeper; see [`Engine::spawn_sweeper`].
///
/// ```
/// # #[cfg(feature = "sqlite")]
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
/// let engine = privacy_core::engine::Engine::builder(pool).build().unwrap();
/// let sweeper = engine.spawn_sweeper(std::time::Duration::from_secs(60));
/// sweeper.shutdown().await; // waits for a sweep in progress to finish
/// # });
/// ```
#[derive(Debug)]
pub struct Sweeper {
    stop: tokio::sync::watch::Sender<bool>,
    task: Option<tokio::task::JoinHandle<()>>,
    last: Arc<Mutex<Option<Result<SweepReport, String>>>>,
}

impl Sweeper {
    /// The last sweep's report, or its error's message; `None` before the first.
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let engine = privacy_core::engine::Engine::builder(pool).build().unwrap();
    /// // Not installed: the sweep fails, and says why.
    /// # #[derive(privacy_core::Classified)]
    /// # #[privacy(category = privacy_core::im::LogData, table = "logs")]
    /// # struct Log { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// # let engine = privacy_core::engine::Engine::builder(engine.pool().clone()).table::<Log>().build().unwrap();
    /// let sweeper = engine.spawn_sweeper(std::time::Duration::from_millis(5));
    /// tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    /// assert!(sweeper.last().unwrap().unwrap_err().contains("sweeping `logs`"));
    /// sweeper.shutdown().await;
    /// # });
    /// ```
    #[must_use]
    pub fn last(&self) -> Option<Result<SweepReport, String>> {
        self.last
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Stops the sweeper and waits for a sweep in progress to end.
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let engine = privacy_core::engine::Engine::builder(pool).build().unwrap();
    /// engine.spawn_sweeper(std::time::Duration::from_secs(60)).shutdown().await;
    /// # });
    /// ```
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Sweeper {
    fn drop(&mut self) {
        // The task ends at its next wake-up; a sweep in progress finishes its batch.
        let _ = self.stop.send(true);
    }
}
