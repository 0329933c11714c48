//! Where records live, with their type's retention enforced by construction.
//!
//! A [`Store`] wraps a [`Backend`] (SQLite, PostgreSQL, MariaDB/MySQL, Redis, or an in-memory
//! map for tests) and is the only way records reach it:
//!
//! - [`Store::write`] takes only [`Storable`] types: writing an ephemeral type does not compile.
//!   It refuses a record already past its deadline and end users' data of a tenant that opted
//!   out of storage, and writes the record with its deadline in one atomic step.
//! - [`Store::read`] returns nothing for a record past its deadline, swept or not.
//! - [`Store::set_tenant`] and [`Store::terminate`] recompute the deadlines of records already
//!   stored, so a tenant lowering its retention takes effect at once.
//! - [`Store::sweep`] deletes expired records in bounded batches, each batch with its audit
//!   entries in the same transaction; a legal hold ([`Store::hold`]) blocks deletion.
//!
//! ```
//! use chrono::{TimeDelta, TimeZone, Utc};
//! use privacy_core::store::{MemoryBackend, Store};
//! use privacy_core::{im, Classified};
//!
//! #[derive(Classified, serde::Serialize, serde::Deserialize)]
//! #[privacy(category = im::LogData)]
//! struct RequestLog {
//!     interface: String,
//!     #[privacy(collected_at)]
//!     at: chrono::DateTime<Utc>,
//! }
//!
//! let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
//! let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
//! store.write("app-1", "r1", &RequestLog { interface: "sendmsg".into(), at: day0 }, day0).unwrap();
//! assert!(store.read::<RequestLog>("app-1", "r1", day0 + TimeDelta::days(6)).unwrap().is_some());
//! // Past 7 days the record is gone for readers, and the sweep deletes it.
//! assert!(store.read::<RequestLog>("app-1", "r1", day0 + TimeDelta::days(7)).unwrap().is_none());
//! assert_eq!(store.sweep(day0 + TimeDelta::days(7), 100).unwrap().deleted, 1);
//! ```

mod audit;
mod memory;
mod row;
#[cfg(any(feature = "sqlite", feature = "postgres", feature = "mysql"))]
pub mod sql;
mod tenants;

pub use audit::{AuditAction, AuditEntry, AuditReason};
pub use memory::MemoryBackend;
pub use row::{RetentionClass, Row, RowKey};
pub use tenants::TenantState;

use crate::deadline::{self, Deadline, DeadlineError, Tenant};
use crate::{Classified, Storable, SubjectId};
use chrono::{DateTime, Utc};
use core::fmt;
use hmac::{KeyInit, Mac};
use std::collections::HashMap;

/// The operations a store's backend provides. Timestamps are milliseconds since the Unix epoch.
///
/// Every method is atomic: a method that fails leaves what was there.
pub trait Backend {
    /// Inserts or replaces the row with `row.key`.
    ///
    /// # Errors
    /// When the backend fails; nothing is written then.
    fn write(&mut self, row: &Row) -> Result<(), StoreError>;

    /// The row with `key`, unless its deadline is at or before `now`.
    ///
    /// # Errors
    /// When the backend fails.
    fn read(&mut self, key: &RowKey, now: i64) -> Result<Option<Row>, StoreError>;

    /// The key and collection instant of every row of `tenant` in `class`.
    ///
    /// # Errors
    /// When the backend fails.
    fn schedule(
        &mut self,
        tenant: &str,
        class: RetentionClass,
    ) -> Result<Vec<(RowKey, Option<i64>)>, StoreError>;

    /// Sets the deadlines of the given rows (`None`: no deadline).
    ///
    /// # Errors
    /// When the backend fails; no deadline changes then.
    fn set_deadlines(&mut self, updates: &[(RowKey, Option<i64>)]) -> Result<(), StoreError>;

    /// Deletes at most `limit` rows whose deadline is at or before `now` and that no hold
    /// covers, and appends the audit entries for them, in one transaction. Returns the entries
    /// appended; none when nothing was due. Several sweepers may run at once: each row is
    /// deleted and audited once.
    ///
    /// # Errors
    /// When the backend fails; nothing is deleted then.
    fn sweep_batch(&mut self, now: i64, limit: usize) -> Result<Vec<AuditEntry>, StoreError>;

    /// Places (`reason` given) or lifts (`None`) a legal hold on the rows `target` selects, and
    /// audits it. Returns how many rows it covers.
    ///
    /// # Errors
    /// When the backend fails; no hold changes then.
    fn set_hold(
        &mut self,
        target: &HoldTarget,
        reason: Option<&str>,
        now: i64,
    ) -> Result<usize, StoreError>;

    /// The audit log, oldest first.
    ///
    /// # Errors
    /// When the backend fails.
    fn audit_log(&mut self) -> Result<Vec<AuditEntry>, StoreError>;

    /// Every row of `tenant` naming the subject with keyed hash `subject_key`, whatever its
    /// deadline, with its legal hold's reason if one covers it.
    ///
    /// # Errors
    /// When the backend fails.
    fn subject_rows(
        &mut self,
        tenant: &str,
        subject_key: &str,
    ) -> Result<Vec<(Row, Option<String>)>, StoreError>;

    /// Deletes at most `limit` rows of `tenant` naming `subject_key` that no hold covers, and
    /// appends their audit entries (reason erasure, `note` the request's keyed reference), in
    /// one transaction. Returns the entries appended; none when nothing is left.
    ///
    /// # Errors
    /// When the backend fails; nothing is deleted then.
    fn erase_batch(
        &mut self,
        tenant: &str,
        subject_key: &str,
        note: &str,
        now: i64,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, StoreError>;

    /// Appends entries to the audit log.
    ///
    /// # Errors
    /// When the backend fails.
    fn append_audit(&mut self, entries: &[AuditEntry]) -> Result<(), StoreError>;
}

/// A boxed backend is a backend, so one program can choose its store at run time.
impl<B: Backend + ?Sized> Backend for Box<B> {
    fn write(&mut self, row: &Row) -> Result<(), StoreError> {
        (**self).write(row)
    }
    fn read(&mut self, key: &RowKey, now: i64) -> Result<Option<Row>, StoreError> {
        (**self).read(key, now)
    }
    fn schedule(
        &mut self,
        tenant: &str,
        class: RetentionClass,
    ) -> Result<Vec<(RowKey, Option<i64>)>, StoreError> {
        (**self).schedule(tenant, class)
    }
    fn set_deadlines(&mut self, updates: &[(RowKey, Option<i64>)]) -> Result<(), StoreError> {
        (**self).set_deadlines(updates)
    }
    fn sweep_batch(&mut self, now: i64, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        (**self).sweep_batch(now, limit)
    }
    fn set_hold(
        &mut self,
        target: &HoldTarget,
        reason: Option<&str>,
        now: i64,
    ) -> Result<usize, StoreError> {
        (**self).set_hold(target, reason, now)
    }
    fn audit_log(&mut self) -> Result<Vec<AuditEntry>, StoreError> {
        (**self).audit_log()
    }
    fn subject_rows(
        &mut self,
        tenant: &str,
        subject_key: &str,
    ) -> Result<Vec<(Row, Option<String>)>, StoreError> {
        (**self).subject_rows(tenant, subject_key)
    }
    fn erase_batch(
        &mut self,
        tenant: &str,
        subject_key: &str,
        note: &str,
        now: i64,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        (**self).erase_batch(tenant, subject_key, note, now, limit)
    }
    fn append_audit(&mut self, entries: &[AuditEntry]) -> Result<(), StoreError> {
        (**self).append_audit(entries)
    }
}

/// What a legal hold covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HoldTarget {
    /// One record.
    Record(RowKey),
    /// Every record of a tenant naming a data subject (by its keyed hash; see
    /// [`Store::subject_key`]).
    Subject {
        /// The tenant.
        tenant: String,
        /// The subject's keyed hash.
        subject_key: String,
    },
}

/// Why a store refused or failed an operation.
#[derive(Debug)]
pub enum StoreError {
    /// The record's deadline could not be computed.
    Deadline(DeadlineError),
    /// The record is already past its deadline.
    Expired {
        /// The type.
        type_name: &'static str,
        /// When it should have been gone.
        deadline: DateTime<Utc>,
    },
    /// End users' data of a tenant that opted out of storage, or an ephemeral record.
    NotStorable {
        /// The type.
        type_name: &'static str,
        /// The tenant.
        tenant: String,
    },
    /// The record could not be encoded or decoded.
    Encoding(String),
    /// The backend failed.
    Backend(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Deadline(error) => write!(f, "{error}"),
            StoreError::Expired {
                type_name,
                deadline,
            } => write!(
                f,
                "refused to store a `{type_name}` record already past its deadline ({deadline}); it may no longer be kept"
            ),
            StoreError::NotStorable { type_name, tenant } => write!(
                f,
                "refused to store a `{type_name}` record: tenant `{tenant}` opted out of storing end users' data, which is processed momentarily and never stored"
            ),
            StoreError::Encoding(message) => write!(f, "record encoding failed: {message}"),
            StoreError::Backend(message) => write!(f, "store backend failed: {message}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<DeadlineError> for StoreError {
    fn from(error: DeadlineError) -> Self {
        StoreError::Deadline(error)
    }
}

/// What one [`Store::sweep`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SweepReport {
    /// Records deleted.
    pub deleted: u64,
    /// Batches run.
    pub batches: u64,
    /// The audit entries appended.
    pub entries: Vec<AuditEntry>,
}

/// A record store enforcing its records' retention. See the [module docs](self).
pub struct Store<B> {
    backend: B,
    label: String,
    subject_key: Vec<u8>,
    tenants: HashMap<String, TenantState>,
}

impl<B: Backend> Store<B> {
    /// A store over `backend`. `subject_key` keys the hashes by which records are found per
    /// data subject: keep it secret and stable (a changed key cannot find older records).
    pub fn new(backend: B, subject_key: impl AsRef<[u8]>) -> Self {
        Store {
            backend,
            label: "store".to_owned(),
            subject_key: subject_key.as_ref().to_vec(),
            tenants: HashMap::new(),
        }
    }

    /// The store, named `label` in receipts and reports.
    #[must_use]
    pub fn named(mut self, label: &str) -> Self {
        label.clone_into(&mut self.label);
        self
    }

    /// The store's name in receipts and reports.
    #[must_use]
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The backend, for what the store does not wrap.
    pub fn backend(&mut self) -> &mut B {
        &mut self.backend
    }

    /// The keyed hash a subject's records are indexed by; never the id in clear.
    #[must_use]
    pub fn subject_key(&self, subject: &SubjectId) -> String {
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&self.subject_key)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(subject.as_str().as_bytes());
        let digest = mac.finalize().into_bytes();
        digest
            .iter()
            .take(16)
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }

    /// The tenant's settings and termination, as the store knows them.
    #[must_use]
    pub fn tenant(&self, tenant: &str) -> TenantState {
        self.tenants.get(tenant).copied().unwrap_or_default()
    }

    /// Sets what `tenant` decided, and recomputes the deadlines of its stored records: a
    /// lowered retention takes effect for records already stored, and opting out of storage
    /// makes its end users' records due at once. Returns how many records were rescheduled.
    ///
    /// # Errors
    /// When the backend fails.
    pub fn set_tenant(
        &mut self,
        tenant: &str,
        settings: Tenant,
        now: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        let state = self.tenants.entry(tenant.to_owned()).or_default();
        state.settings = settings;
        let state = *state;
        self.reschedule(tenant, RetentionClass::CustomerChosen, state, now)
    }

    /// Records that `tenant`'s account ended at `at`: its records kept until termination get
    /// their deadline (termination plus the class's grace). Returns how many were rescheduled.
    ///
    /// # Errors
    /// When the backend fails.
    pub fn terminate(&mut self, tenant: &str, at: DateTime<Utc>) -> Result<usize, StoreError> {
        let state = self.tenants.entry(tenant.to_owned()).or_default();
        state.terminated_at = Some(at);
        let state = *state;
        self.reschedule(tenant, RetentionClass::UntilTerminated, state, at)
    }

    fn reschedule(
        &mut self,
        tenant: &str,
        class: RetentionClass,
        state: TenantState,
        now: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        let rows = self.backend.schedule(tenant, class)?;
        let mut updates = Vec::with_capacity(rows.len());
        for (key, collected_at) in rows {
            let Some(descriptor) = crate::registry::find(&key.type_key) else {
                continue;
            };
            let collected_at = collected_at.and_then(DateTime::from_timestamp_millis);
            let due = match deadline::deadline(
                descriptor,
                collected_at,
                &state.settings,
                state.terminated_at,
            )? {
                Deadline::At(at) => Some(at.timestamp_millis()),
                Deadline::WhileActive => None,
                Deadline::NeverStore => Some(now.timestamp_millis()),
            };
            updates.push((key, due));
        }
        self.backend.set_deadlines(&updates)?;
        Ok(updates.len())
    }

    /// Writes `record` as `id` of `tenant`, with its deadline.
    ///
    /// # Errors
    /// [`StoreError::NotStorable`] for end users' data of a tenant that opted out;
    /// [`StoreError::Expired`] for a record already past its deadline; [`StoreError::Deadline`]
    /// when no deadline can be computed; backend and encoding failures. Nothing is written then.
    pub fn write<T: Storable + serde::Serialize>(
        &mut self,
        tenant: &str,
        id: &str,
        record: &T,
        now: DateTime<Utc>,
    ) -> Result<Deadline, StoreError> {
        let descriptor = T::DESCRIPTOR;
        let state = self.tenant(tenant);
        let collected_at = record.collected_at();
        let due = deadline::deadline(
            descriptor,
            collected_at,
            &state.settings,
            state.terminated_at,
        )?;
        let deadline = match due {
            Deadline::NeverStore => {
                return Err(StoreError::NotStorable {
                    type_name: descriptor.name,
                    tenant: tenant.to_owned(),
                });
            }
            Deadline::At(at) if at <= now => {
                return Err(StoreError::Expired {
                    type_name: descriptor.name,
                    deadline: at,
                });
            }
            Deadline::At(at) => Some(at.timestamp_millis()),
            Deadline::WhileActive => None,
        };
        let mut subjects = Vec::new();
        record.visit_subjects(&mut |_, id| subjects.push(self.subject_key(&id)));
        subjects.sort();
        subjects.dedup();
        let row = Row {
            key: RowKey::new(type_key(descriptor), tenant, id),
            category: descriptor
                .categories()
                .first()
                .map_or("", |category| category.key)
                .to_owned(),
            class: RetentionClass::of(&descriptor.retention),
            subjects,
            collected_at: collected_at.map(|at| at.timestamp_millis()),
            deadline,
            payload: serde_json::to_string(record)
                .map_err(|error| StoreError::Encoding(error.to_string()))?,
        };
        self.backend.write(&row)?;
        Ok(due)
    }

    /// The record `id` of `tenant`, unless it is past its deadline (swept or not).
    ///
    /// # Errors
    /// Backend and decoding failures.
    pub fn read<T: Storable + serde::de::DeserializeOwned>(
        &mut self,
        tenant: &str,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<T>, StoreError> {
        let key = RowKey::new(type_key(T::DESCRIPTOR), tenant, id);
        let Some(row) = self.backend.read(&key, now.timestamp_millis())? else {
            return Ok(None);
        };
        serde_json::from_str(&row.payload)
            .map(Some)
            .map_err(|error| StoreError::Encoding(error.to_string()))
    }

    /// Deletes every record due at `now` that no hold covers, `batch` at a time (each batch one
    /// transaction with its audit entries, so an interrupted sweep loses nothing and the next
    /// one resumes).
    ///
    /// # Errors
    /// When the backend fails; the batches before stay done.
    pub fn sweep(&mut self, now: DateTime<Utc>, batch: usize) -> Result<SweepReport, StoreError> {
        let mut report = SweepReport::default();
        loop {
            let entries = self
                .backend
                .sweep_batch(now.timestamp_millis(), batch.max(1))?;
            if entries.is_empty() {
                return Ok(report);
            }
            report.batches += 1;
            report.deleted += entries.iter().map(|entry| entry.count).sum::<u64>();
            report.entries.extend(entries);
        }
    }

    /// Places a legal hold on what `target` covers: those records are not deleted, whatever
    /// their deadline, until [`Store::release`]. Audited. Returns how many records it covers.
    ///
    /// # Errors
    /// When the backend fails.
    pub fn hold(
        &mut self,
        target: &HoldTarget,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        self.backend
            .set_hold(target, Some(reason), now.timestamp_millis())
    }

    /// Lifts a legal hold. Audited. Returns how many records it covered.
    ///
    /// # Errors
    /// When the backend fails.
    pub fn release(
        &mut self,
        target: &HoldTarget,
        now: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        self.backend.set_hold(target, None, now.timestamp_millis())
    }

    /// The audit log, oldest first.
    ///
    /// # Errors
    /// When the backend fails.
    pub fn audit_log(&mut self) -> Result<Vec<AuditEntry>, StoreError> {
        self.backend.audit_log()
    }
}

/// The key a type's records are stored under: `module::path::Type`.
#[must_use]
pub fn type_key(descriptor: &crate::TypeDescriptor) -> String {
    format!("{}::{}", descriptor.module_path, descriptor.name)
}

/// The key of a typed record, for holds on one record.
#[must_use]
pub fn record_key<T: Classified>(tenant: &str, id: &str) -> RowKey {
    RowKey::new(type_key(T::DESCRIPTOR), tenant, id)
}
