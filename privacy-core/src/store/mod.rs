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
pub mod plan;
#[cfg(feature = "redis")]
mod redis;
mod row;
#[cfg(any(feature = "sqlite", feature = "postgres", feature = "mysql"))]
pub mod sql;
mod tenants;

pub use audit::{AuditAction, AuditEntry, AuditReason};
pub use memory::MemoryBackend;
#[cfg(feature = "redis")]
pub use redis::RedisBackend;
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
///
/// ```
/// use privacy_core::store::{Backend, MemoryBackend, Store};
/// // The backend is chosen at run time; the store enforces retention over any of them.
/// let backend: Box<dyn Backend> = Box::new(MemoryBackend::default());
/// let mut store = Store::new(backend, b"subject-hashing-key");
/// assert!(store.audit_log().unwrap().is_empty());
/// ```
pub trait Backend {
    /// Inserts or replaces the row with `row.key`. Replacing a row that was due at `now` (past
    /// its deadline and under no hold) deletes it: that deletion is audited, in the same step.
    ///
    /// # Errors
    /// When the backend fails; nothing is written then.
    ///
    /// # Examples
    ///
    /// ```
    /// # use privacy_core::store::{Backend, MemoryBackend, RetentionClass, Row, RowKey};
    /// # let row = Row { key: RowKey::new("app::RequestLog", "app-1", "r1"), category: "im.log_data".into(), class: RetentionClass::Fixed, subjects: vec!["s1".into()], collected_at: Some(0), deadline: Some(1_000), payload: "{}".into() };
    /// # use privacy_core::store::{AuditAction, AuditReason};
    /// let mut backend = MemoryBackend::default();
    /// backend.write(&row, 0).unwrap();
    /// assert_eq!(backend.read(&row.key, 0).unwrap(), Some(row.clone()));
    /// // Written again once the first version was due: that version's deletion is audited.
    /// let next = Row { deadline: Some(9_000), ..row.clone() };
    /// backend.write(&next, 1_000).unwrap();
    /// let log = backend.audit_log().unwrap();
    /// assert_eq!((log[0].action, log[0].reason, log[0].deadline_max), (AuditAction::Deleted, AuditReason::Retention, Some(1_000)));
    /// ```
    fn write(&mut self, row: &Row, now: i64) -> Result<(), StoreError>;

    /// The row with `key`, unless its deadline is at or before `now`.
    ///
    /// # Errors
    /// When the backend fails.
    ///
    /// # Examples
    ///
    /// ```
    /// # use privacy_core::store::{Backend, MemoryBackend, RetentionClass, Row, RowKey};
    /// # let row = Row { key: RowKey::new("app::RequestLog", "app-1", "r1"), category: "im.log_data".into(), class: RetentionClass::Fixed, subjects: vec!["s1".into()], collected_at: Some(0), deadline: Some(1_000), payload: "{}".into() };
    /// # let mut backend = MemoryBackend::default();
    /// # backend.write(&row, 0).unwrap();
    /// // The row's deadline is 1_000.
    /// assert!(backend.read(&row.key, 999).unwrap().is_some());
    /// assert!(backend.read(&row.key, 1_000).unwrap().is_none());
    /// ```
    fn read(&mut self, key: &RowKey, now: i64) -> Result<Option<Row>, StoreError>;

    /// The key and collection instant of every row of `tenant` in `class`.
    ///
    /// # Errors
    /// When the backend fails.
    ///
    /// # Examples
    ///
    /// ```
    /// # use privacy_core::store::{Backend, MemoryBackend, RetentionClass, Row, RowKey};
    /// # let row = Row { key: RowKey::new("app::RequestLog", "app-1", "r1"), category: "im.log_data".into(), class: RetentionClass::Fixed, subjects: vec!["s1".into()], collected_at: Some(0), deadline: Some(1_000), payload: "{}".into() };
    /// # let mut backend = MemoryBackend::default();
    /// # backend.write(&row, 0).unwrap();
    /// let fixed = backend.schedule("app-1", RetentionClass::Fixed).unwrap();
    /// assert_eq!(fixed, vec![(row.key.clone(), Some(0))]);
    /// assert!(backend.schedule("app-1", RetentionClass::CustomerChosen).unwrap().is_empty());
    /// ```
    fn schedule(
        &mut self,
        tenant: &str,
        class: RetentionClass,
    ) -> Result<Vec<(RowKey, Option<i64>)>, StoreError>;

    /// Sets the deadlines of the given rows (`None`: no deadline).
    ///
    /// # Errors
    /// When the backend fails; no deadline changes then.
    ///
    /// # Examples
    ///
    /// ```
    /// # use privacy_core::store::{Backend, MemoryBackend, RetentionClass, Row, RowKey};
    /// # let row = Row { key: RowKey::new("app::RequestLog", "app-1", "r1"), category: "im.log_data".into(), class: RetentionClass::Fixed, subjects: vec!["s1".into()], collected_at: Some(0), deadline: Some(1_000), payload: "{}".into() };
    /// # let mut backend = MemoryBackend::default();
    /// # backend.write(&row, 0).unwrap();
    /// backend.set_deadlines(&[(row.key.clone(), None)]).unwrap();
    /// assert!(backend.read(&row.key, i64::MAX).unwrap().is_some());
    /// ```
    fn set_deadlines(&mut self, updates: &[(RowKey, Option<i64>)]) -> Result<(), StoreError>;

    /// Deletes at most `limit` rows whose deadline is at or before `now` and that no hold
    /// covers, and appends the audit entries for them, in one transaction. Returns the entries
    /// appended; none when nothing was due. Several sweepers may run at once: each row is
    /// deleted and audited once.
    ///
    /// # Errors
    /// When the backend fails; nothing is deleted then.
    ///
    /// # Examples
    ///
    /// ```
    /// # use privacy_core::store::{Backend, MemoryBackend, RetentionClass, Row, RowKey};
    /// # let row = Row { key: RowKey::new("app::RequestLog", "app-1", "r1"), category: "im.log_data".into(), class: RetentionClass::Fixed, subjects: vec!["s1".into()], collected_at: Some(0), deadline: Some(1_000), payload: "{}".into() };
    /// # let mut backend = MemoryBackend::default();
    /// # backend.write(&row, 0).unwrap();
    /// # use privacy_core::store::AuditReason;
    /// assert!(backend.sweep_batch(999, 100).unwrap().is_empty());
    /// let entries = backend.sweep_batch(1_000, 100).unwrap();
    /// assert_eq!((entries[0].count, entries[0].reason), (1, AuditReason::Retention));
    /// assert!(backend.read(&row.key, 0).unwrap().is_none());
    /// ```
    fn sweep_batch(&mut self, now: i64, limit: usize) -> Result<Vec<AuditEntry>, StoreError>;

    /// Places (`reason` given) or lifts (`None`) a legal hold on the rows `target` selects, and
    /// audits it. Returns how many rows it covers.
    ///
    /// # Errors
    /// When the backend fails; no hold changes then.
    ///
    /// # Examples
    ///
    /// ```
    /// # use privacy_core::store::{Backend, MemoryBackend, RetentionClass, Row, RowKey};
    /// # let row = Row { key: RowKey::new("app::RequestLog", "app-1", "r1"), category: "im.log_data".into(), class: RetentionClass::Fixed, subjects: vec!["s1".into()], collected_at: Some(0), deadline: Some(1_000), payload: "{}".into() };
    /// # let mut backend = MemoryBackend::default();
    /// # backend.write(&row, 0).unwrap();
    /// # use privacy_core::store::HoldTarget;
    /// let hold = HoldTarget::Record(row.key.clone());
    /// assert_eq!(backend.set_hold(&hold, Some("litigation 42"), 500).unwrap(), 1);
    /// assert!(backend.sweep_batch(1_000, 100).unwrap().is_empty());
    /// assert_eq!(backend.set_hold(&hold, None, 600).unwrap(), 1);
    /// assert_eq!(backend.sweep_batch(1_000, 100).unwrap()[0].count, 1);
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use privacy_core::store::{Backend, MemoryBackend, RetentionClass, Row, RowKey};
    /// # let row = Row { key: RowKey::new("app::RequestLog", "app-1", "r1"), category: "im.log_data".into(), class: RetentionClass::Fixed, subjects: vec!["s1".into()], collected_at: Some(0), deadline: Some(1_000), payload: "{}".into() };
    /// # let mut backend = MemoryBackend::default();
    /// # backend.write(&row, 0).unwrap();
    /// # use privacy_core::store::AuditAction;
    /// backend.sweep_batch(1_000, 100).unwrap();
    /// let log = backend.audit_log().unwrap();
    /// assert_eq!((log[0].action, log[0].count, log[0].deadline_max), (AuditAction::Deleted, 1, Some(1_000)));
    /// ```
    fn audit_log(&mut self) -> Result<Vec<AuditEntry>, StoreError>;

    /// Every row of `tenant` naming the subject with keyed hash `subject_key`, whatever its
    /// deadline, with its legal hold's reason if one covers it.
    ///
    /// # Errors
    /// When the backend fails.
    ///
    /// # Examples
    ///
    /// ```
    /// # use privacy_core::store::{Backend, MemoryBackend, RetentionClass, Row, RowKey};
    /// # let row = Row { key: RowKey::new("app::RequestLog", "app-1", "r1"), category: "im.log_data".into(), class: RetentionClass::Fixed, subjects: vec!["s1".into()], collected_at: Some(0), deadline: Some(1_000), payload: "{}".into() };
    /// # let mut backend = MemoryBackend::default();
    /// # backend.write(&row, 0).unwrap();
    /// // Past its deadline, the row is still the subject's until it is swept.
    /// assert_eq!(backend.subject_rows("app-1", "s1").unwrap(), vec![(row.clone(), None)]);
    /// assert!(backend.subject_rows("app-1", "s2").unwrap().is_empty());
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use privacy_core::store::{Backend, MemoryBackend, RetentionClass, Row, RowKey};
    /// # let row = Row { key: RowKey::new("app::RequestLog", "app-1", "r1"), category: "im.log_data".into(), class: RetentionClass::Fixed, subjects: vec!["s1".into()], collected_at: Some(0), deadline: Some(1_000), payload: "{}".into() };
    /// # let mut backend = MemoryBackend::default();
    /// # backend.write(&row, 0).unwrap();
    /// # use privacy_core::store::AuditReason;
    /// let entries = backend.erase_batch("app-1", "s1", "request-ref", 10, 100).unwrap();
    /// assert_eq!((entries[0].reason, entries[0].note.as_str()), (AuditReason::Erasure, "request-ref"));
    /// assert!(backend.subject_rows("app-1", "s1").unwrap().is_empty());
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use privacy_core::store::{AuditAction, AuditEntry, AuditReason, Backend, MemoryBackend};
    /// let request = AuditEntry {
    ///     at: 5,
    ///     action: AuditAction::Requested,
    ///     reason: AuditReason::Erasure,
    ///     type_key: String::new(),
    ///     category: String::new(),
    ///     count: 0,
    ///     deadline_min: None,
    ///     deadline_max: None,
    ///     note: "request-ref".into(),
    /// };
    /// let mut backend = MemoryBackend::default();
    /// backend.append_audit(std::slice::from_ref(&request)).unwrap();
    /// assert_eq!(backend.audit_log().unwrap(), vec![request]);
    /// ```
    fn append_audit(&mut self, entries: &[AuditEntry]) -> Result<(), StoreError>;
}

/// A boxed backend is a backend, so one program can choose its store at run time.
impl<B: Backend + ?Sized> Backend for Box<B> {
    fn write(&mut self, row: &Row, now: i64) -> Result<(), StoreError> {
        (**self).write(row, now)
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
///
/// ```
/// # use chrono::{TimeDelta, TimeZone, Utc};
/// # use privacy_core::store::{MemoryBackend, Store};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
/// # #[privacy(category = im::ChatMessageRecord)]
/// # struct ChatMessage { #[privacy(subject)] sender: String, #[privacy(redact)] text: String, #[privacy(collected_at)] sent: chrono::DateTime<Utc> }
/// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
/// # let hello = ChatMessage { sender: "user-7".into(), text: "hello".into(), sent: day0 };
/// use privacy_core::store::HoldTarget;
/// use privacy_core::SubjectId;
/// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
/// store.write("app-1", "m1", &hello, day0).unwrap();
/// let target = HoldTarget::Subject {
///     tenant: "app-1".into(),
///     subject_key: store.subject_key(&SubjectId::new("user-7")),
/// };
/// assert_eq!(store.hold(&target, "litigation 42", day0).unwrap(), 1);
/// ```
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
///
/// ```
/// # use chrono::{TimeDelta, TimeZone, Utc};
/// # use privacy_core::store::{MemoryBackend, Store};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
/// # #[privacy(category = im::ChatMessageRecord)]
/// # struct ChatMessage { #[privacy(subject)] sender: String, #[privacy(redact)] text: String, #[privacy(collected_at)] sent: chrono::DateTime<Utc> }
/// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
/// # let hello = ChatMessage { sender: "user-7".into(), text: "hello".into(), sent: day0 };
/// use privacy_core::deadline::Tenant;
/// use privacy_core::store::StoreError;
/// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
/// let opted_out = Tenant { stores_end_user_data: false, ..Tenant::default() };
/// store.set_tenant("app-1", opted_out, day0).unwrap();
/// let refused = store.write("app-1", "m1", &hello, day0).unwrap_err();
/// assert!(matches!(refused, StoreError::NotStorable { type_name: "ChatMessage", .. }));
/// assert!(refused.to_string().contains("opted out of storing end users' data"));
/// ```
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
    /// The database aborted the operation for a concurrent one (a deadlock or a serialization
    /// failure): nothing was changed, and the operation may be run again. The SQL backend
    /// retries a few times before it reports this.
    Conflict(String),
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
            StoreError::Conflict(message) => write!(
                f,
                "store backend aborted the operation for a concurrent one; nothing changed, run it again: {message}"
            ),
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
///
/// ```
/// # use chrono::{TimeDelta, TimeZone, Utc};
/// # use privacy_core::store::{MemoryBackend, Store};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
/// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
/// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
/// for id in ["r1", "r2", "r3"] {
///     store.write("app-1", id, &RequestLog { at: day0 }, day0).unwrap();
/// }
/// let report = store.sweep(day0 + TimeDelta::days(7), 2).unwrap();
/// assert_eq!((report.deleted, report.batches), (3, 2));
/// assert_eq!(report.entries.iter().map(|entry| entry.count).sum::<u64>(), 3);
/// ```
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
///
/// ```
/// # use chrono::{TimeDelta, TimeZone, Utc};
/// # use privacy_core::store::{MemoryBackend, Store};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
/// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
/// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
/// store.write("app-1", "r1", &RequestLog { at: day0 }, day0).unwrap();
/// assert!(store.read::<RequestLog>("app-1", "r1", day0).unwrap().is_some());
/// ```
pub struct Store<B> {
    backend: B,
    label: String,
    subject_key: Vec<u8>,
    tenants: HashMap<String, TenantState>,
}

impl<B: Backend> Store<B> {
    /// A store over `backend`. `subject_key` keys the hashes by which records are found per
    /// data subject: keep it secret and stable (a changed key cannot find older records).
    ///
    /// ```
    /// use privacy_core::store::{MemoryBackend, Store};
    /// use privacy_core::SubjectId;
    /// let key = b"a secret from the key vault, stable across deployments";
    /// let first = Store::new(MemoryBackend::default(), key);
    /// let second = Store::new(MemoryBackend::default(), key);
    /// let subject = SubjectId::new("user-7");
    /// assert_eq!(first.subject_key(&subject), second.subject_key(&subject));
    /// ```
    pub fn new(backend: B, subject_key: impl AsRef<[u8]>) -> Self {
        Store {
            backend,
            label: "store".to_owned(),
            subject_key: subject_key.as_ref().to_vec(),
            tenants: HashMap::new(),
        }
    }

    /// The store, named `label` in receipts and reports.
    ///
    /// ```
    /// use privacy_core::store::{MemoryBackend, Store};
    /// let store = Store::new(MemoryBackend::default(), b"key").named("chat-db");
    /// assert_eq!(store.label(), "chat-db");
    /// ```
    #[must_use]
    pub fn named(mut self, label: &str) -> Self {
        label.clone_into(&mut self.label);
        self
    }

    /// The store's name in receipts and reports.
    ///
    /// ```
    /// use privacy_core::store::{MemoryBackend, Store};
    /// assert_eq!(Store::new(MemoryBackend::default(), b"key").label(), "store");
    /// ```
    #[must_use]
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The backend, for what the store does not wrap.
    ///
    /// ```
    /// # use chrono::{TimeDelta, TimeZone, Utc};
    /// # use privacy_core::store::{MemoryBackend, Store};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
    /// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    /// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
    /// store.write("app-1", "r1", &RequestLog { at: day0 }, day0).unwrap();
    /// // Past its deadline and not yet swept: readers see nothing, the backend still holds the row.
    /// let late = day0 + TimeDelta::days(8);
    /// assert!(store.read::<RequestLog>("app-1", "r1", late).unwrap().is_none());
    /// assert_eq!(store.backend().rows().count(), 1);
    /// ```
    pub fn backend(&mut self) -> &mut B {
        &mut self.backend
    }

    /// The keyed hash a subject's records are indexed by; never the id in clear.
    ///
    /// ```
    /// use privacy_core::store::{MemoryBackend, Store};
    /// use privacy_core::SubjectId;
    /// let store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
    /// let key = store.subject_key(&SubjectId::new("user-7"));
    /// assert_eq!(key.len(), 32);
    /// assert!(!key.contains("user-7"));
    /// assert_ne!(key, store.subject_key(&SubjectId::new("user-8")));
    /// ```
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
    ///
    /// ```
    /// use privacy_core::deadline::Tenant;
    /// use privacy_core::store::{MemoryBackend, Store};
    /// use privacy_core::Period;
    /// let mut store = Store::new(MemoryBackend::default(), b"key");
    /// assert_eq!(store.tenant("app-1").settings, Tenant::default());
    /// let month = Tenant { chosen_retention: Some(Period::days(30)), ..Tenant::default() };
    /// store.set_tenant("app-1", month, chrono::Utc::now()).unwrap();
    /// assert_eq!(store.tenant("app-1").settings.chosen_retention, Some(Period::days(30)));
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeDelta, TimeZone, Utc};
    /// # use privacy_core::store::{MemoryBackend, Store};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
    /// # #[privacy(category = im::ChatMessageRecord)]
    /// # struct ChatMessage { #[privacy(subject)] sender: String, #[privacy(redact)] text: String, #[privacy(collected_at)] sent: chrono::DateTime<Utc> }
    /// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    /// # let hello = ChatMessage { sender: "user-7".into(), text: "hello".into(), sent: day0 };
    /// use privacy_core::deadline::Tenant;
    /// use privacy_core::Period;
    /// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
    /// let month = Tenant { chosen_retention: Some(Period::days(30)), ..Tenant::default() };
    /// store.set_tenant("app-1", month, day0).unwrap();
    /// store.write("app-1", "m1", &hello, day0).unwrap();
    /// let day10 = day0 + TimeDelta::days(10);
    /// assert!(store.read::<ChatMessage>("app-1", "m1", day10).unwrap().is_some());
    /// // Back to the 7-day default: the stored message is due at once.
    /// assert_eq!(store.set_tenant("app-1", Tenant::default(), day10).unwrap(), 1);
    /// assert!(store.read::<ChatMessage>("app-1", "m1", day10).unwrap().is_none());
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// use privacy_core::store::{MemoryBackend, Store};
    /// use privacy_core::{im, Classified};
    ///
    /// #[derive(Classified, serde::Serialize, serde::Deserialize)]
    /// #[privacy(category = im::ConfigurationData)]
    /// struct CallbackSetting { url: String }
    ///
    /// let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    /// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
    /// store.write("app-1", "callback", &CallbackSetting { url: "https://example.com/cb".into() }, day0).unwrap();
    /// assert_eq!(store.terminate("app-1", day0).unwrap(), 1);
    /// // Kept for the 2-month grace after termination, then due.
    /// let may = Utc.with_ymd_and_hms(2026, 5, 1, 0, 0, 0).unwrap();
    /// assert!(store.read::<CallbackSetting>("app-1", "callback", may - TimeDelta::seconds(1)).unwrap().is_some());
    /// assert_eq!(store.sweep(may, 100).unwrap().deleted, 1);
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeDelta, TimeZone, Utc};
    /// # use privacy_core::store::{MemoryBackend, Store};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
    /// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    /// use privacy_core::deadline::Deadline;
    /// use privacy_core::store::StoreError;
    /// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
    /// let due = store.write("app-1", "r1", &RequestLog { at: day0 }, day0).unwrap();
    /// assert_eq!(due, Deadline::At(day0 + TimeDelta::days(7)));
    /// // A record collected 8 days ago may no longer be kept.
    /// let stale = RequestLog { at: day0 - TimeDelta::days(8) };
    /// assert!(matches!(store.write("app-1", "r0", &stale, day0), Err(StoreError::Expired { .. })));
    /// ```
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
            class: RetentionClass::of_type(descriptor),
            subjects,
            collected_at: collected_at.map(|at| at.timestamp_millis()),
            deadline,
            payload: serde_json::to_string(record)
                .map_err(|error| StoreError::Encoding(error.to_string()))?,
        };
        self.backend.write(&row, now.timestamp_millis())?;
        Ok(due)
    }

    /// The record `id` of `tenant`, unless it is past its deadline (swept or not).
    ///
    /// # Errors
    /// Backend and decoding failures.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeDelta, TimeZone, Utc};
    /// # use privacy_core::store::{MemoryBackend, Store};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
    /// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    /// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
    /// store.write("app-1", "r1", &RequestLog { at: day0 }, day0).unwrap();
    /// let read = store.read::<RequestLog>("app-1", "r1", day0).unwrap();
    /// assert_eq!(read.map(|record| record.at), Some(day0));
    /// assert!(store.read::<RequestLog>("app-2", "r1", day0).unwrap().is_none());
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeDelta, TimeZone, Utc};
    /// # use privacy_core::store::{MemoryBackend, Store};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
    /// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    /// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
    /// store.write("app-1", "old", &RequestLog { at: day0 }, day0).unwrap();
    /// store.write("app-1", "new", &RequestLog { at: day0 + TimeDelta::days(1) }, day0).unwrap();
    /// let report = store.sweep(day0 + TimeDelta::days(7), 100).unwrap();
    /// assert_eq!(report.deleted, 1);
    /// assert_eq!(store.backend().rows().count(), 1);
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeDelta, TimeZone, Utc};
    /// # use privacy_core::store::{MemoryBackend, Store};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
    /// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    /// use privacy_core::store::{HoldTarget, record_key};
    /// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
    /// store.write("app-1", "r1", &RequestLog { at: day0 }, day0).unwrap();
    /// let target = HoldTarget::Record(record_key::<RequestLog>("app-1", "r1"));
    /// assert_eq!(store.hold(&target, "litigation 42", day0).unwrap(), 1);
    /// assert_eq!(store.sweep(day0 + TimeDelta::days(30), 100).unwrap().deleted, 0);
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeDelta, TimeZone, Utc};
    /// # use privacy_core::store::{MemoryBackend, Store};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
    /// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    /// use privacy_core::store::{HoldTarget, record_key};
    /// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
    /// store.write("app-1", "r1", &RequestLog { at: day0 }, day0).unwrap();
    /// let target = HoldTarget::Record(record_key::<RequestLog>("app-1", "r1"));
    /// store.hold(&target, "litigation 42", day0).unwrap();
    /// let later = day0 + TimeDelta::days(30);
    /// assert_eq!(store.release(&target, later).unwrap(), 1);
    /// assert_eq!(store.sweep(later, 100).unwrap().deleted, 1);
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeDelta, TimeZone, Utc};
    /// # use privacy_core::store::{MemoryBackend, Store};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
    /// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    /// use privacy_core::store::{AuditAction, AuditReason};
    /// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
    /// store.write("app-1", "r1", &RequestLog { at: day0 }, day0).unwrap();
    /// store.sweep(day0 + TimeDelta::days(7), 100).unwrap();
    /// let log = store.audit_log().unwrap();
    /// assert_eq!((log[0].action, log[0].reason, log[0].count), (AuditAction::Deleted, AuditReason::Retention, 1));
    /// assert_eq!(log[0].category, "im.log_data");
    /// ```
    pub fn audit_log(&mut self) -> Result<Vec<AuditEntry>, StoreError> {
        self.backend.audit_log()
    }
}

/// The key a type's records are stored under: `module::path::Type`.
///
/// ```
/// use privacy_core::store::type_key;
/// use privacy_core::{im, Classified};
/// #[derive(Classified)]
/// #[privacy(category = im::MonitoringData)]
/// struct InterfaceLatency { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// assert!(type_key(InterfaceLatency::DESCRIPTOR).ends_with("::InterfaceLatency"));
/// ```
#[must_use]
pub fn type_key(descriptor: &crate::TypeDescriptor) -> String {
    format!("{}::{}", descriptor.module_path, descriptor.name)
}

/// The key of a typed record, for holds on one record.
///
/// ```
/// use privacy_core::store::{record_key, type_key};
/// use privacy_core::{im, Classified};
/// #[derive(Classified)]
/// #[privacy(category = im::MonitoringData)]
/// struct InterfaceLatency { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// let key = record_key::<InterfaceLatency>("app-1", "m1");
/// assert_eq!(key.type_key, type_key(InterfaceLatency::DESCRIPTOR));
/// assert_eq!((key.tenant.as_str(), key.id.as_str()), ("app-1", "m1"));
/// ```
#[must_use]
pub fn record_key<T: Classified>(tenant: &str, id: &str) -> RowKey {
    RowKey::new(type_key(T::DESCRIPTOR), tenant, id)
}
