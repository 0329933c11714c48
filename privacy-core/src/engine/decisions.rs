//! Tenant decisions and legal holds, kept in the database so that every replica and every
//! restart sees the same: opted out of storing end users' data, a chosen period,
//! terminated, reactivated; holds on a tenant, a data subject or a table.

use super::audit::{self, AuditAction, AuditEntry, AuditReason};
use super::dialect::{Bind, Dialect};
use super::mapping::Mapping;
use super::{Engine, EngineError};
use crate::{Classified, Period, Retention};
use chrono::{DateTime, Utc};

/// The longest period a tenant may choose: beyond it a choice is a mistake, not a policy.
const LONGEST_CHOICE_YEARS: u64 = 100;

/// What a tenant decided, as every engine on the database reads it.
///
/// ```
/// use privacy_core::engine::TenantDecision;
/// let fresh = TenantDecision::default();
/// assert!(fresh.stores_end_user_data && fresh.period_seconds.is_none() && fresh.terminated_at.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TenantDecision {
    /// Whether end users' data may be stored at all (the policy: "processed momentarily, never
    /// stored" when the customer opts out).
    pub stores_end_user_data: bool,
    /// The chosen period for customer-chosen data, in seconds of its longest reading (a month
    /// counts 31 days, a year 366: deadlines err late, never early); `None`: the class default.
    pub period_seconds: Option<u64>,
    /// When the customer stopped using the service.
    pub terminated_at: Option<DateTime<Utc>>,
}

impl Default for TenantDecision {
    fn default() -> Self {
        TenantDecision {
            stores_end_user_data: true,
            period_seconds: None,
            terminated_at: None,
        }
    }
}

/// A legal hold: rows it covers are not deleted by sweeps or erasure until it is released.
///
/// ```
/// use privacy_core::engine::Hold;
/// let hold = Hold::tenant("acme", "litigation 2026-17").subject("user-7");
/// assert_eq!(hold.reason, "litigation 2026-17");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hold {
    /// The table it covers (`None`: every mapped table).
    pub table: Option<&'static str>,
    /// The tenant it covers.
    pub tenant: String,
    /// The data subject it covers (`None`: every row of the tenant).
    pub subject: Option<String>,
    /// Why, for the audit log (a case number, not personal data).
    pub reason: String,
}

impl Hold {
    /// A hold on every row of `tenant`.
    ///
    /// ```
    /// let hold = privacy_core::engine::Hold::tenant("acme", "audit 7");
    /// assert_eq!((hold.tenant.as_str(), hold.subject), ("acme", None));
    /// ```
    #[must_use]
    pub fn tenant(tenant: &str, reason: &str) -> Self {
        Hold {
            table: None,
            tenant: tenant.into(),
            subject: None,
            reason: reason.into(),
        }
    }

    /// Narrows the hold to one data subject's rows.
    ///
    /// ```
    /// let hold = privacy_core::engine::Hold::tenant("acme", "case 1").subject("user-7");
    /// assert_eq!(hold.subject.as_deref(), Some("user-7"));
    /// ```
    #[must_use]
    pub fn subject(mut self, subject: &str) -> Self {
        self.subject = Some(subject.into());
        self
    }

    /// Narrows the hold to `T`'s table.
    ///
    /// ```
    /// use privacy_core::{engine::Hold, im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::LogData, table = "request_logs")]
    /// struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// assert_eq!(Hold::tenant("acme", "case 1").on::<RequestLog>().table, Some("request_logs"));
    /// ```
    #[must_use]
    pub fn on<T: Classified + ?Sized>(mut self) -> Self {
        self.table = T::DESCRIPTOR.table.map(|table| table.name);
        self
    }
}

/// A placed hold's id, to release it.
///
/// ```
/// let id = privacy_core::engine::HoldId(7);
/// assert_eq!(id.0, 7);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HoldId(pub i64);

/// A tenant id the engine can store: non-empty and at most 255 bytes (the engine's column).
fn check_tenant(tenant: &str) -> Result<(), EngineError> {
    if tenant.is_empty() || tenant.len() > 255 {
        return Err(EngineError::Decision(
            "a tenant id must be 1 to 255 bytes long".into(),
        ));
    }
    Ok(())
}

/// A period a tenant may choose: not zero, at most a hundred years.
fn check_period(period: Period) -> Result<u64, EngineError> {
    if period.amount == 0 {
        return Err(EngineError::Decision(
            "a chosen period of zero keeps nothing; to store no end users' data, opt the tenant out".into(),
        ));
    }
    let seconds = period.max_seconds();
    if seconds > LONGEST_CHOICE_YEARS * 366 * 86_400 {
        return Err(EngineError::Decision(format!(
            "a chosen period of {period} is longer than {LONGEST_CHOICE_YEARS} years; choose a period the policy can promise"
        )));
    }
    Ok(seconds)
}

impl<DB: Dialect> Engine<DB> {
    /// What `tenant` decided (the defaults when it decided nothing).
    ///
    /// # Errors
    /// When the database fails, or the tenant id is empty or over 255 bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let engine = privacy_core::engine::Engine::builder(pool).build().unwrap();
    /// engine.install().await.unwrap();
    /// engine.choose_period("acme", Some(privacy_core::Period::days(30))).await.unwrap();
    /// assert_eq!(engine.tenant("acme").await.unwrap().period_seconds, Some(30 * 86_400));
    /// # });
    /// ```
    pub async fn tenant(&self, tenant: &str) -> Result<TenantDecision, EngineError> {
        check_tenant(tenant)?;
        let mut params = super::Params::new::<DB>();
        let sql = format!(
            "SELECT stores_end_user_data, period_seconds, terminated_at FROM {} WHERE {}",
            self.inner.tables.tenants,
            DB::same_text("tenant", &params.text(tenant)),
        );
        let rows = self
            .fetch("reading a tenant's decisions", &sql, params.binds())
            .await?;
        let Some(row) = rows.first() else {
            return Ok(TenantDecision::default());
        };
        let int = |index: usize| row.get(index).and_then(|(_, value)| value.as_i64());
        Ok(TenantDecision {
            stores_end_user_data: int(0) != Some(0),
            period_seconds: int(1).and_then(|seconds| u64::try_from(seconds).ok()),
            terminated_at: int(2).and_then(|seconds| DateTime::from_timestamp(seconds, 0)),
        })
    }

    /// Records that `tenant` opted out of storing end users' data: from now on such rows are
    /// due (the next sweep deletes them, reads hide them at once) and
    /// [`admit`](Engine::admit) refuses new ones.
    ///
    /// # Errors
    /// When the database fails, or the tenant id is empty or over 255 bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let engine = privacy_core::engine::Engine::builder(pool).build().unwrap();
    /// engine.install().await.unwrap();
    /// engine.opt_out("acme").await.unwrap();
    /// assert!(!engine.tenant("acme").await.unwrap().stores_end_user_data);
    /// assert!(engine.tenant("ACME").await.unwrap().stores_end_user_data); // another tenant
    /// # });
    /// ```
    pub async fn opt_out(&self, tenant: &str) -> Result<(), EngineError> {
        let now = self.now();
        // Rows stored until now stay due even if the tenant opts back in before a sweep.
        let floors: Vec<(&Mapping, i64)> = self
            .inner
            .mappings
            .iter()
            .filter(|mapping| mapping.end_user && mapping.instant.is_some())
            .map(|mapping| (mapping, now.timestamp()))
            .collect();
        self.decide(
            tenant,
            "stores_end_user_data",
            Bind::Int(0),
            &floors,
            AuditReason::OptedOut,
        )
        .await
    }

    /// Records that `tenant` lets the service store end users' data again. Rows that were
    /// due while it was opted out stay due.
    ///
    /// # Errors
    /// When the database fails, or the tenant id is empty or over 255 bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let engine = privacy_core::engine::Engine::builder(pool).build().unwrap();
    /// engine.install().await.unwrap();
    /// engine.opt_out("acme").await.unwrap();
    /// engine.opt_in("acme").await.unwrap();
    /// assert!(engine.tenant("acme").await.unwrap().stores_end_user_data);
    /// # });
    /// ```
    pub async fn opt_in(&self, tenant: &str) -> Result<(), EngineError> {
        self.decide(
            tenant,
            "stores_end_user_data",
            Bind::Int(1),
            &[],
            AuditReason::Decision,
        )
        .await
    }

    /// Records the period `tenant` chose for customer-chosen data (`None`: back to the class
    /// default). A row once due stays due: lengthening the period does not bring back rows an
    /// earlier, shorter period had made due.
    ///
    /// # Errors
    /// [`EngineError::Decision`] for a zero period or one over 100 years, or one above a mapped
    /// type's declared maximum; the database's failures.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// use privacy_core::{Period, TimeUnit};
    /// let engine = privacy_core::engine::Engine::builder(pool).build().unwrap();
    /// engine.install().await.unwrap();
    /// assert!(engine.choose_period("acme", Some(Period::days(0))).await.is_err());
    /// assert!(engine.choose_period("acme", Some(Period::new(5_000, TimeUnit::Years))).await.is_err());
    /// engine.choose_period("acme", Some(Period::months(1))).await.unwrap();
    /// assert_eq!(engine.tenant("acme").await.unwrap().period_seconds, Some(31 * 86_400));
    /// # });
    /// ```
    pub async fn choose_period(
        &self,
        tenant: &str,
        period: Option<Period>,
    ) -> Result<(), EngineError> {
        let seconds = period.map(check_period).transpose()?;
        for mapping in &self.inner.mappings {
            if let (Retention::CustomerChosen { max: Some(max), .. }, Some(period)) =
                (mapping.descriptor.retention, period)
                && !period.at_most(max)
            {
                return Err(EngineError::Decision(format!(
                    "`{}` may be kept at most {max}, and the tenant chose {period}; choose at most {max}",
                    mapping.descriptor.name
                )));
            }
        }
        let now = self.now();
        let current = self.tenant(tenant).await?;
        // What each table's rows were due by under the period in force until now.
        let floors: Vec<(&Mapping, i64)> = self
            .inner
            .mappings
            .iter()
            .filter(|mapping| mapping.follows_choice && mapping.instant.is_some())
            .filter_map(|mapping| {
                let in_force = in_force_cutoff(mapping, current.period_seconds, now)?;
                Some((mapping, in_force))
            })
            .collect();
        let value = seconds.map_or(Bind::NullInt, |seconds| {
            Bind::Int(i64::try_from(seconds).unwrap_or(i64::MAX))
        });
        self.decide(
            tenant,
            "period_seconds",
            value,
            &floors,
            AuditReason::ChosenPeriod,
        )
        .await
    }

    /// Records that `tenant` stopped using the service now: until-terminated data (the
    /// configuration) is due once its grace has passed.
    ///
    /// # Errors
    /// When the database fails, or the tenant id is empty or over 255 bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// use privacy_core::engine::{Clock, Engine};
    /// let engine = Engine::builder(pool).clock(Clock::manual(chrono::DateTime::UNIX_EPOCH)).build().unwrap();
    /// engine.install().await.unwrap();
    /// engine.terminate("acme").await.unwrap();
    /// assert_eq!(engine.tenant("acme").await.unwrap().terminated_at, Some(chrono::DateTime::UNIX_EPOCH));
    /// # });
    /// ```
    pub async fn terminate(&self, tenant: &str) -> Result<(), EngineError> {
        // Rounded up to the second: the grace counts from no earlier than the real instant.
        let now = self.now();
        let seconds = now.timestamp() + i64::from(now.timestamp_subsec_nanos() > 0);
        self.decide(
            tenant,
            "terminated_at",
            Bind::Int(seconds),
            &[],
            AuditReason::Terminated,
        )
        .await
    }

    /// Records that `tenant` uses the service again. Rows whose grace had already passed are
    /// deleted first: a row once due stays due.
    ///
    /// # Errors
    /// When the database fails, or the tenant id is empty or over 255 bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let engine = privacy_core::engine::Engine::builder(pool).build().unwrap();
    /// engine.install().await.unwrap();
    /// engine.terminate("acme").await.unwrap();
    /// engine.reactivate("acme").await.unwrap();
    /// assert_eq!(engine.tenant("acme").await.unwrap().terminated_at, None);
    /// # });
    /// ```
    pub async fn reactivate(&self, tenant: &str) -> Result<(), EngineError> {
        let terminated = self.tenant(tenant).await?.terminated_at;
        if terminated.is_some() {
            for mapping in &self.inner.mappings {
                if matches!(
                    mapping.descriptor.retention,
                    Retention::UntilTerminated { .. }
                ) {
                    self.sweep_mapping(mapping, self.now()).await?;
                }
            }
        }
        self.decide(
            tenant,
            "terminated_at",
            Bind::NullInt,
            &[],
            AuditReason::Decision,
        )
        .await
    }

    /// Sets one column of the tenant's decisions, raises the given floors, and audits the
    /// change, in one transaction.
    async fn decide(
        &self,
        tenant: &str,
        column: &str,
        value: Bind,
        floors: &[(&Mapping, i64)],
        reason: AuditReason,
    ) -> Result<(), EngineError> {
        check_tenant(tenant)?;
        let operation = "recording a tenant decision";
        let tables = &self.inner.tables;
        let now = self.now();
        let fail = |error| EngineError::database(operation, error);
        let mut transaction = self.inner.pool.begin().await.map_err(fail)?;
        let ensure = DB::insert_if_absent(
            &tables.tenants,
            "tenant, stores_end_user_data, updated_at",
            &format!("{}, 1, {}", DB::param(1), DB::param(2)),
        );
        DB::execute(
            &mut transaction,
            &ensure,
            &[Bind::Text(tenant.into()), Bind::Int(now.timestamp())],
        )
        .await
        .map_err(fail)?;
        let mut params = super::Params::new::<DB>();
        let set = format!(
            "UPDATE {} SET {column} = {}, updated_at = {} WHERE {}",
            tables.tenants,
            params.push(value),
            params.push(Bind::Int(now.timestamp())),
            DB::same_text("tenant", &params.text(tenant)),
        );
        DB::execute(&mut transaction, &set, params.binds())
            .await
            .map_err(fail)?;
        for (mapping, floor) in floors {
            let table = mapping.table.name;
            let insert = DB::insert_if_absent(
                &tables.floors,
                "tenant, table_name, due_floor",
                &format!("{}, {}, {}", DB::param(1), DB::param(2), DB::param(3)),
            );
            let row = [
                Bind::Text(tenant.into()),
                Bind::Text(table.into()),
                Bind::Int(*floor),
            ];
            DB::execute(&mut transaction, &insert, &row)
                .await
                .map_err(fail)?;
            let mut params = super::Params::new::<DB>();
            let raise = format!(
                "UPDATE {} SET due_floor = {} WHERE {} AND table_name = {} AND due_floor < {}",
                tables.floors,
                params.push(Bind::Int(*floor)),
                DB::same_text("tenant", &params.text(tenant)),
                params.text(table),
                params.push(Bind::Int(*floor)),
            );
            DB::execute(&mut transaction, &raise, params.binds())
                .await
                .map_err(fail)?;
        }
        let entry = AuditEntry {
            at: now,
            action: AuditAction::Decision,
            type_name: String::new(),
            table: String::new(),
            tenant: Some(tenant.into()),
            count: 0,
            cutoff: None,
            reason,
            request: None,
        };
        let (sql, params) = audit::insert::<DB>(&tables.audit, &[entry]);
        DB::execute(&mut transaction, &sql, params.binds())
            .await
            .map_err(fail)?;
        transaction.commit().await.map_err(fail)
    }

    /// Places a legal hold. Sweeps and erasure skip the rows it covers until it is released;
    /// reads still hide rows past their deadline.
    ///
    /// # Errors
    /// When the database fails, or the tenant id is empty or over 255 bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// use privacy_core::engine::{Engine, Hold};
    /// let engine = Engine::builder(pool).build().unwrap();
    /// engine.install().await.unwrap();
    /// let id = engine.hold(Hold::tenant("acme", "case 1")).await.unwrap();
    /// engine.release(id).await.unwrap();
    /// # });
    /// ```
    pub async fn hold(&self, hold: Hold) -> Result<HoldId, EngineError> {
        check_tenant(&hold.tenant)?;
        let operation = "placing a legal hold";
        let fail = |error| EngineError::database(operation, error);
        let now = self.now();
        let tables = &self.inner.tables;
        let mut transaction = self.inner.pool.begin().await.map_err(fail)?;
        let mut params = super::Params::new::<DB>();
        let values = [
            params.push(
                hold.table
                    .map_or(Bind::NullText, |table| Bind::Text(table.into())),
            ),
            params.text(&hold.tenant),
            params.push(hold.subject.clone().map_or(Bind::NullText, Bind::Text)),
            params.text(&hold.reason),
            params.push(Bind::Int(now.timestamp())),
        ];
        let sql = format!(
            "INSERT INTO {} (table_name, tenant, subject, reason, placed_at) VALUES ({}) RETURNING id",
            tables.holds,
            values.join(", ")
        );
        let rows = DB::fetch(&mut transaction, &sql, params.binds())
            .await
            .map_err(fail)?;
        let id = rows
            .first()
            .and_then(|row| row.first())
            .and_then(|(_, value)| value.as_i64())
            .ok_or_else(|| EngineError::database(operation, sqlx::Error::RowNotFound))?;
        let entry = AuditEntry {
            at: now,
            action: AuditAction::Hold,
            type_name: String::new(),
            table: hold.table.unwrap_or_default().into(),
            tenant: Some(hold.tenant.clone()),
            count: 1,
            cutoff: None,
            reason: AuditReason::Decision,
            request: hold
                .subject
                .as_deref()
                .map(|subject| self.reference(subject)),
        };
        let (sql, params) = audit::insert::<DB>(&tables.audit, &[entry]);
        DB::execute(&mut transaction, &sql, params.binds())
            .await
            .map_err(fail)?;
        transaction.commit().await.map_err(fail)?;
        Ok(HoldId(id))
    }

    /// Releases a hold: the rows it kept are swept by the next sweep if due.
    ///
    /// # Errors
    /// When the database fails.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// use privacy_core::engine::{Engine, Hold, HoldId};
    /// let engine = Engine::builder(pool).build().unwrap();
    /// engine.install().await.unwrap();
    /// engine.release(HoldId(42)).await.unwrap(); // no such hold: nothing to do
    /// # });
    /// ```
    pub async fn release(&self, id: HoldId) -> Result<(), EngineError> {
        let sql = format!(
            "DELETE FROM {} WHERE id = {}",
            self.inner.tables.holds,
            DB::param(1)
        );
        self.execute("releasing a legal hold", &sql, &[Bind::Int(id.0)])
            .await
            .map(|_| ())
    }
}

/// The cutoff (Unix seconds) under which `mapping`'s rows were due by the period in force
/// (`period_seconds`, else the type's own), at `now`.
fn in_force_cutoff(
    mapping: &Mapping,
    period_seconds: Option<u64>,
    now: DateTime<Utc>,
) -> Option<i64> {
    let own = match mapping.descriptor.retention {
        Retention::Fixed(period) => period.before(now),
        Retention::CustomerChosen { default, .. } => match period_seconds {
            Some(_) => None,
            None => default.before(now),
        },
        _ => None,
    };
    let chosen = period_seconds
        .and_then(|seconds| i64::try_from(seconds).ok())
        .map(|seconds| now.timestamp() - seconds);
    match (own.map(|own| own.timestamp()), chosen) {
        (Some(own), Some(chosen)) => Some(own.max(chosen)),
        (own, chosen) => own.or(chosen),
    }
}
