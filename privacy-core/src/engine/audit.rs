//! The audit log: one aggregated entry per deletion batch, tenant decision, hold and request,
//! written in the same transaction as what it records. Entries name types, tables, tenants,
//! counts, cutoffs and reasons; never a stored value or a data subject's id (a request is
//! named by a keyed reference).

use super::dialect::{Bind, Dialect, Params};
use super::{Engine, EngineError};
use chrono::{DateTime, Utc};
use core::fmt;

/// What an audit entry records.
///
/// ```
/// use privacy_core::engine::AuditAction;
/// assert_eq!(AuditAction::Sweep.as_str(), "sweep");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuditAction {
    /// Rows deleted by a sweep.
    Sweep,
    /// Rows deleted for a data subject's erasure request.
    Erasure,
    /// Rows kept for the other parties, the requester's id overwritten.
    Redaction,
    /// Rows a request could not erase because a legal hold keeps them.
    Held,
    /// A tenant decision changed.
    Decision,
    /// A legal hold placed or released.
    Hold,
}

impl AuditAction {
    /// The action as stored.
    ///
    /// ```
    /// use privacy_core::engine::AuditAction;
    /// assert_eq!(AuditAction::Erasure.as_str(), "erasure");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            AuditAction::Sweep => "sweep",
            AuditAction::Erasure => "erasure",
            AuditAction::Redaction => "redaction",
            AuditAction::Held => "held",
            AuditAction::Decision => "decision",
            AuditAction::Hold => "hold",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        [
            AuditAction::Sweep,
            AuditAction::Erasure,
            AuditAction::Redaction,
            AuditAction::Held,
            AuditAction::Decision,
            AuditAction::Hold,
        ]
        .into_iter()
        .find(|action| action.as_str() == text)
    }
}

/// Why rows went, or what changed.
///
/// ```
/// use privacy_core::engine::AuditReason;
/// assert_eq!(AuditReason::ChosenPeriod.to_string(), "chosen_period");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuditReason {
    /// Past the type's retention (fixed, or the class default).
    Retention,
    /// Past the tenant's chosen period.
    ChosenPeriod,
    /// End users' data of a tenant that opted out of storage.
    OptedOut,
    /// The grace after the tenant's termination has passed.
    Terminated,
    /// A data subject asked.
    Request,
    /// A tenant or hold decision.
    Decision,
}

impl AuditReason {
    /// The reason as stored.
    ///
    /// ```
    /// use privacy_core::engine::AuditReason;
    /// assert_eq!(AuditReason::OptedOut.as_str(), "opted_out");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            AuditReason::Retention => "retention",
            AuditReason::ChosenPeriod => "chosen_period",
            AuditReason::OptedOut => "opted_out",
            AuditReason::Terminated => "terminated",
            AuditReason::Request => "request",
            AuditReason::Decision => "decision",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        [
            AuditReason::Retention,
            AuditReason::ChosenPeriod,
            AuditReason::OptedOut,
            AuditReason::Terminated,
            AuditReason::Request,
            AuditReason::Decision,
        ]
        .into_iter()
        .find(|reason| reason.as_str() == text)
    }
}

impl fmt::Display for AuditReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One audit entry.
///
/// ```
/// use privacy_core::engine::{AuditAction, AuditEntry, AuditReason};
/// let entry = AuditEntry {
///     at: chrono::DateTime::UNIX_EPOCH,
///     action: AuditAction::Sweep,
///     type_name: "RequestLog".into(),
///     table: "request_logs".into(),
///     tenant: None,
///     count: 500,
///     cutoff: Some(chrono::DateTime::UNIX_EPOCH),
///     reason: AuditReason::Retention,
///     request: None,
/// };
/// assert_eq!(entry.to_string(), "1970-01-01T00:00:00Z sweep RequestLog request_logs count=500 reason=retention cutoff=1970-01-01T00:00:00Z");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    /// When, by the engine's clock.
    pub at: DateTime<Utc>,
    /// What happened.
    pub action: AuditAction,
    /// The type's name (empty for tenant decisions).
    pub type_name: String,
    /// The table (empty for tenant decisions).
    pub table: String,
    /// The tenant, where the entry concerns one.
    pub tenant: Option<String>,
    /// How many rows.
    pub count: u64,
    /// The instant rows collected at or before were due, where one bounds them all.
    pub cutoff: Option<DateTime<Utc>>,
    /// Why.
    pub reason: AuditReason,
    /// The keyed reference of the data subject's request, for request entries.
    pub request: Option<String>,
}

impl fmt::Display for AuditEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
        write!(
            f,
            "{at} {} {} {}",
            self.action.as_str(),
            self.type_name,
            self.table
        )?;
        if let Some(tenant) = &self.tenant {
            write!(f, " tenant={tenant}")?;
        }
        write!(f, " count={} reason={}", self.count, self.reason)?;
        if let Some(cutoff) = self.cutoff {
            write!(
                f,
                " cutoff={}",
                cutoff.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
            )?;
        }
        if let Some(request) = &self.request {
            write!(f, " request={request}")?;
        }
        Ok(())
    }
}

/// The `INSERT` of `entries` into the audit table, as one statement.
pub(crate) fn insert<DB: Dialect>(table: &str, entries: &[AuditEntry]) -> (String, Params) {
    let mut params = Params::new::<DB>();
    let rows: Vec<String> = entries
        .iter()
        .map(|entry| {
            let optional_text = |text: &Option<String>| match text {
                Some(text) => Bind::Text(text.clone()),
                None => Bind::NullText,
            };
            let values = [
                Bind::Int(entry.at.timestamp_millis()),
                Bind::Text(entry.action.as_str().into()),
                Bind::Text(entry.type_name.clone()),
                Bind::Text(entry.table.clone()),
                optional_text(&entry.tenant),
                Bind::Int(i64::try_from(entry.count).unwrap_or(i64::MAX)),
                entry
                    .cutoff
                    .map_or(Bind::NullInt, |cutoff| Bind::Int(cutoff.timestamp())),
                Bind::Text(entry.reason.as_str().into()),
                optional_text(&entry.request),
            ];
            let placeholders: Vec<String> =
                values.into_iter().map(|bind| params.push(bind)).collect();
            format!("({})", placeholders.join(", "))
        })
        .collect();
    (
        format!(
            "INSERT INTO {table} (at, action, type_name, table_name, tenant, count, cutoff, reason, request) VALUES {}",
            rows.join(", ")
        ),
        params,
    )
}

impl<DB: Dialect> Engine<DB> {
    /// Every audit entry, oldest first.
    ///
    /// # Errors
    /// When the database fails.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// use privacy_core::engine::{AuditAction, Engine};
    /// let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let engine = Engine::builder(pool).build().unwrap();
    /// engine.install().await.unwrap();
    /// engine.opt_out("acme").await.unwrap();
    /// let log = engine.audit_log().await.unwrap();
    /// assert_eq!((log[0].action, log[0].tenant.as_deref()), (AuditAction::Decision, Some("acme")));
    /// # });
    /// ```
    pub async fn audit_log(&self) -> Result<Vec<AuditEntry>, EngineError> {
        let sql = format!(
            "SELECT at, action, type_name, table_name, tenant, count, cutoff, reason, request FROM {} ORDER BY id",
            self.inner.tables.audit
        );
        let rows = self.fetch("reading the audit log", &sql, &[]).await?;
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                let get = |index: usize| row.get(index).map(|(_, value)| value);
                let text = |index: usize| {
                    get(index)
                        .and_then(|value| value.as_str())
                        .map(str::to_owned)
                };
                let int = |index: usize| get(index).and_then(serde_json::Value::as_i64);
                Some(AuditEntry {
                    at: DateTime::from_timestamp_millis(int(0)?)?,
                    action: AuditAction::parse(&text(1)?)?,
                    type_name: text(2)?,
                    table: text(3)?,
                    tenant: text(4),
                    count: u64::try_from(int(5)?).ok()?,
                    cutoff: int(6).and_then(|seconds| DateTime::from_timestamp(seconds, 0)),
                    reason: AuditReason::parse(&text(7)?)?,
                    request: text(8),
                })
            })
            .collect())
    }
}
