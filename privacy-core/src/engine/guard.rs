//! The service's side of retention: the condition its reads add so a due row is never read,
//! and the guard its writes pass so a row the policy forbids is never stored.

use super::dialect::Dialect;
use super::{Engine, EngineError, rules};
use crate::{Classified, Retention};

impl<DB: Dialect> Engine<DB> {
    /// The SQL condition that keeps `T`'s rows that are not yet due, now by the engine's
    /// clock, over rows named `alias` in the service's query. Add it to every read of `T`'s
    /// table: a row is hidden from the instant it is due, before any sweep deletes it.
    ///
    /// The condition holds no value from a request (only the engine's table names and whole
    /// seconds), so it can be spliced into the service's SQL; build it per query, as it
    /// reads the clock.
    ///
    /// # Errors
    /// [`EngineError::Unmapped`] when `T` is not mapped; [`EngineError::Identifier`] when
    /// `alias` is not a plain identifier.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "postgres")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// use privacy_core::engine::{Clock, Engine};
    /// use privacy_core::{im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::LogData, table = "request_logs")]
    /// struct RequestLog { interface: String, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// let pool = sqlx::postgres::PgPoolOptions::new().connect_lazy("postgres://localhost/test").unwrap();
    /// let clock = Clock::manual("2026-11-30T00:00:00Z".parse().unwrap());
    /// let engine = Engine::builder(pool).table::<RequestLog>().clock(clock).build().unwrap();
    /// let condition = engine.visible::<RequestLog>("l").unwrap();
    /// assert_eq!(condition, "NOT (l.at <= to_timestamp(1795392000))"); // 23 November: 7 days back
    /// # });
    /// ```
    pub fn visible<T: Classified + ?Sized>(&self, alias: &str) -> Result<String, EngineError> {
        if !super::mapping::is_identifier(alias) {
            return Err(EngineError::Identifier {
                role: "row alias",
                problem: "must be a plain SQL identifier".into(),
            });
        }
        let mapping = self.mapping::<T>()?;
        Ok(rules::visible::<DB>(
            mapping,
            &self.inner.tables,
            self.now(),
            alias,
        ))
    }

    /// Checks a row the service is about to write: its tenant must store end users' data if
    /// the row holds some; its `collected_at` must be present where retention counts from it,
    /// at most the clock skew ([`DEFAULT_SKEW`](super::DEFAULT_SKEW) by default) in the
    /// future, and not already past the deadline (nor at or before an instant an earlier,
    /// shorter period or an opt-out made due: the sweep would delete it at once); an
    /// until-terminated row's tenant must not be past its grace.
    ///
    /// # Errors
    /// [`EngineError::Refused`] saying why, without the row's values;
    /// [`EngineError::Unmapped`]; the database's failures reading the tenant's decisions.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// use privacy_core::engine::Engine;
    /// use privacy_core::{im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::ChatMessageRecord, table = "messages")]
    /// struct Message {
    ///     #[privacy(tenant)] app_id: String,
    ///     #[privacy(subject)] sender: String,
    ///     #[privacy(collected_at)] sent_at: chrono::DateTime<chrono::Utc>,
    /// }
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let engine = Engine::builder(pool).table::<Message>().build().unwrap();
    /// engine.install().await.unwrap();
    /// let message = Message { app_id: "acme".into(), sender: "u1".into(), sent_at: engine.now() };
    /// assert!(engine.admit(&message).await.is_ok());
    /// engine.opt_out("acme").await.unwrap();
    /// assert!(engine.admit(&message).await.unwrap_err().to_string().contains("opted out"));
    /// let future = Message { app_id: "beta".into(), sender: "u1".into(), sent_at: engine.now() + chrono::TimeDelta::days(3650) };
    /// assert!(engine.admit(&future).await.unwrap_err().to_string().contains("in the future"));
    /// # });
    /// ```
    pub async fn admit<T: Classified + ?Sized>(&self, record: &T) -> Result<(), EngineError> {
        let mapping = self.mapping::<T>()?;
        let type_name = mapping.descriptor.name;
        let refuse = |reason: String| EngineError::Refused { type_name, reason };
        let now = self.now();
        let retention = mapping.descriptor.retention;
        let collected_at = record.collected_at();
        if let Some(at) = collected_at
            && at > now + self.inner.skew
        {
            return Err(refuse(format!(
                "its `collected_at` is more than {} s in the future; a record cannot be collected later than it is written (check the writer's clock)",
                self.inner.skew.num_seconds()
            )));
        }
        if retention.counts_from_collection() && collected_at.is_none() {
            return Err(refuse(
                "it has no `collected_at` instant, and its retention counts from collection".into(),
            ));
        }
        let tenant = record.tenant();
        let decision = match (tenant, mapping.tenant) {
            (Some(tenant), Some(_)) => Some(self.tenant(tenant).await?),
            _ => None,
        };
        if let Some(decision) = &decision {
            if mapping.end_user && !decision.stores_end_user_data {
                return Err(refuse(
                    "the tenant opted out of storing end users' data: it is processed momentarily and never stored".into(),
                ));
            }
            if let (Retention::UntilTerminated { grace }, Some(ended)) =
                (retention, decision.terminated_at)
                && grace.after(ended).is_none_or(|due| due <= now)
            {
                return Err(refuse(
                    "the tenant's account ended and its grace has passed".into(),
                ));
            }
        }
        let period_seconds = decision
            .as_ref()
            .and_then(|decision| decision.period_seconds);
        // Rows collected at or before the tenant's floor stay due (an earlier, shorter period
        // or an opt-out made them due): the sweep would delete such a row at once.
        let floor = match (tenant, collected_at) {
            (Some(tenant), Some(_)) if mapping.follows_choice && mapping.tenant.is_some() => {
                self.floor(tenant, mapping.table.name).await?
            }
            _ => None,
        };
        if let Some(at) = collected_at
            && (past_deadline(mapping, retention, period_seconds, at, now)
                || floor
                    .and_then(|floor| chrono::DateTime::from_timestamp(floor, 0))
                    .is_some_and(|floor| at <= floor))
        {
            return Err(refuse(
                "it is already past its deadline: it must not be stored".into(),
            ));
        }
        Ok(())
    }
}

impl<DB: Dialect> Engine<DB> {
    /// The instant (Unix seconds) rows of `table` collected at or before stay due for
    /// `tenant`, if an earlier decision set one.
    async fn floor(&self, tenant: &str, table: &str) -> Result<Option<i64>, EngineError> {
        let mut params = super::Params::new::<DB>();
        let sql = format!(
            "SELECT due_floor FROM {} WHERE {} AND table_name = {}",
            self.inner.tables.floors,
            DB::same_text("tenant", &params.text(tenant)),
            params.text(table),
        );
        let rows = self
            .fetch("reading a tenant's floor", &sql, params.binds())
            .await?;
        Ok(rows
            .first()
            .and_then(|row| row.first())
            .and_then(|(_, value)| value.as_i64()))
    }
}

/// Whether a row collected at `at` is already due at `now`.
fn past_deadline(
    mapping: &super::mapping::Mapping,
    retention: Retention,
    period_seconds: Option<u64>,
    at: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> bool {
    let chosen_due = mapping.follows_choice
        && period_seconds
            .and_then(|seconds| i64::try_from(seconds).ok())
            .is_some_and(|seconds| at.timestamp() <= now.timestamp() - seconds);
    let own_due = match retention {
        Retention::Fixed(period) => period.before(now).is_some_and(|cutoff| at <= cutoff),
        Retention::CustomerChosen { default, .. } => {
            period_seconds.is_none() && default.before(now).is_some_and(|cutoff| at <= cutoff)
        }
        _ => false,
    };
    chosen_due || own_due
}
