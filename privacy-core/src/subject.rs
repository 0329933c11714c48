//! Data subjects' requests: erase or export one person's data, of every classified type, from
//! every store, in one call.
//!
//! Records are found by the keyed hash of the subject id that each store indexes (types declare
//! their `subject` fields, and the derive refuses end users' data without one). Erasure deletes
//! a record, or, for a type declared `erasure = redact_requester`, rewrites it without the
//! requester's id and keeps it for the other parties; a legal hold keeps a record and the
//! receipt says so. Each store's erasure runs in batches, each batch one transaction with its
//! audit entries, so an interrupted request is finished by the next attempt, and the receipt,
//! built from the audit log, counts what every attempt did.
//!
//! ```
//! use chrono::Utc;
//! use privacy_core::store::{MemoryBackend, Store};
//! use privacy_core::subject::{self, SubjectStore};
//! use privacy_core::{im, Classified, SubjectId};
//!
//! #[derive(Classified, serde::Serialize, serde::Deserialize)]
//! #[privacy(category = im::UserInformation)]
//! struct Profile {
//!     #[privacy(subject)]
//!     user_id: String,
//!     #[privacy(redact)]
//!     nickname: String,
//!     #[privacy(collected_at)]
//!     updated: chrono::DateTime<Utc>,
//! }
//!
//! let now = Utc::now();
//! let mut store = Store::new(MemoryBackend::default(), b"key").named("profiles");
//! for user in ["alice", "bob"] {
//!     store.write("app", user, &Profile { user_id: user.into(), nickname: "n".into(), updated: now }, now).unwrap();
//! }
//! let alice = SubjectId::new("alice");
//! let export = subject::export(&mut [&mut store], "app", &alice, now).unwrap();
//! assert_eq!(export["categories"][0]["records"][0]["record"]["user_id"], "alice");
//! let receipt = subject::erase(&mut [&mut store], "app", &alice, now);
//! assert!(receipt.is_complete());
//! assert_eq!(receipt.lines[0].deleted, 1);
//! assert!(store.read::<Profile>("app", "bob", now).unwrap().is_some());
//! ```

use crate::store::{
    AuditAction, AuditEntry, AuditReason, Backend, Row, Store, StoreError, type_key,
};
use crate::{ErasureRule, FieldRole, Redaction, SubjectId, TypeDescriptor};
use chrono::{DateTime, Utc};
use core::fmt;
use serde_json::{Map, Value, json};

/// A store that answers data subjects' requests. Implemented by every [`Store`].
///
/// ```
/// # use chrono::Utc;
/// # use privacy_core::store::{MemoryBackend, Store};
/// # use privacy_core::subject::{self, SubjectStore};
/// # use privacy_core::{im, Classified, SubjectId};
/// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
/// # #[privacy(category = im::UserInformation)]
/// # struct Profile { #[privacy(subject)] user_id: String, #[privacy(secret)] #[serde(with = "privacy_core::secret_serde::exposed")] push_token: privacy_core::Secret<String>, #[privacy(collected_at)] updated: chrono::DateTime<Utc> }
/// # let now = Utc::now();
/// # let alice = SubjectId::new("alice");
/// # let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key").named("profiles");
/// # store.write("app", "p1", &Profile { user_id: "alice".into(), push_token: privacy_core::Secret::new("tok".into()), updated: now }, now).unwrap();
/// // Stores of different backends answer one request together.
/// let mut cache = Store::new(MemoryBackend::default(), b"subject-hashing-key").named("cache");
/// let stores: &mut [&mut dyn SubjectStore] = &mut [&mut store, &mut cache];
/// assert_eq!(subject::erase(stores, "app", &alice, now).lines.len(), 1);
/// ```
pub trait SubjectStore {
    /// The store's name, as receipts print it.
    ///
    /// ```
    /// # use chrono::Utc;
    /// # use privacy_core::store::{MemoryBackend, Store};
    /// # use privacy_core::subject::{self, SubjectStore};
    /// # use privacy_core::{im, Classified, SubjectId};
    /// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
    /// # #[privacy(category = im::UserInformation)]
    /// # struct Profile { #[privacy(subject)] user_id: String, #[privacy(secret)] #[serde(with = "privacy_core::secret_serde::exposed")] push_token: privacy_core::Secret<String>, #[privacy(collected_at)] updated: chrono::DateTime<Utc> }
    /// # let now = Utc::now();
    /// # let alice = SubjectId::new("alice");
    /// # let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key").named("profiles");
    /// # store.write("app", "p1", &Profile { user_id: "alice".into(), push_token: privacy_core::Secret::new("tok".into()), updated: now }, now).unwrap();
    /// assert_eq!(SubjectStore::name(&store), "profiles");
    /// ```
    fn name(&self) -> &str;

    /// The reference this store audits a subject's request under: a keyed hash, never the id.
    ///
    /// ```
    /// # use chrono::Utc;
    /// # use privacy_core::store::{MemoryBackend, Store};
    /// # use privacy_core::subject::{self, SubjectStore};
    /// # use privacy_core::{im, Classified, SubjectId};
    /// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
    /// # #[privacy(category = im::UserInformation)]
    /// # struct Profile { #[privacy(subject)] user_id: String, #[privacy(secret)] #[serde(with = "privacy_core::secret_serde::exposed")] push_token: privacy_core::Secret<String>, #[privacy(collected_at)] updated: chrono::DateTime<Utc> }
    /// # let now = Utc::now();
    /// # let alice = SubjectId::new("alice");
    /// # let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key").named("profiles");
    /// # store.write("app", "p1", &Profile { user_id: "alice".into(), push_token: privacy_core::Secret::new("tok".into()), updated: now }, now).unwrap();
    /// let reference = store.request_reference(&alice);
    /// assert_eq!(reference, format!("subject {}", store.subject_key(&alice)));
    /// assert!(!reference.contains("alice"));
    /// ```
    fn request_reference(&self, subject: &SubjectId) -> String;

    /// Erases the subject's records of `tenant` (see the module docs) and returns this store's
    /// receipt lines, counting every attempt of the same request.
    ///
    /// # Errors
    /// When the backend fails; the batches before stay done and audited.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::Utc;
    /// # use privacy_core::store::{MemoryBackend, Store};
    /// # use privacy_core::subject::{self, SubjectStore};
    /// # use privacy_core::{im, Classified, SubjectId};
    /// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
    /// # #[privacy(category = im::UserInformation)]
    /// # struct Profile { #[privacy(subject)] user_id: String, #[privacy(secret)] #[serde(with = "privacy_core::secret_serde::exposed")] push_token: privacy_core::Secret<String>, #[privacy(collected_at)] updated: chrono::DateTime<Utc> }
    /// # let now = Utc::now();
    /// # let alice = SubjectId::new("alice");
    /// # let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key").named("profiles");
    /// # store.write("app", "p1", &Profile { user_id: "alice".into(), push_token: privacy_core::Secret::new("tok".into()), updated: now }, now).unwrap();
    /// let lines = store.erase_subject("app", &alice, now).unwrap();
    /// assert_eq!((lines[0].store.as_str(), lines[0].deleted), ("profiles", 1));
    /// // Asked again, the request's receipt still counts what the first attempt did.
    /// assert_eq!(store.erase_subject("app", &alice, now).unwrap()[0].deleted, 1);
    /// ```
    fn erase_subject(
        &mut self,
        tenant: &str,
        subject: &SubjectId,
        now: DateTime<Utc>,
    ) -> Result<Vec<ReceiptLine>, StoreError>;

    /// The subject's records of `tenant` that are still kept, secrets left out.
    ///
    /// # Errors
    /// When the backend fails or a record cannot be decoded.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::Utc;
    /// # use privacy_core::store::{MemoryBackend, Store};
    /// # use privacy_core::subject::{self, SubjectStore};
    /// # use privacy_core::{im, Classified, SubjectId};
    /// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
    /// # #[privacy(category = im::UserInformation)]
    /// # struct Profile { #[privacy(subject)] user_id: String, #[privacy(secret)] #[serde(with = "privacy_core::secret_serde::exposed")] push_token: privacy_core::Secret<String>, #[privacy(collected_at)] updated: chrono::DateTime<Utc> }
    /// # let now = Utc::now();
    /// # let alice = SubjectId::new("alice");
    /// # let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key").named("profiles");
    /// # store.write("app", "p1", &Profile { user_id: "alice".into(), push_token: privacy_core::Secret::new("tok".into()), updated: now }, now).unwrap();
    /// let records = store.export_subject("app", &alice, now).unwrap();
    /// assert_eq!((records[0].id.as_str(), records[0].descriptor.name), ("p1", "Profile"));
    /// assert_eq!(records[0].record["user_id"], "alice");
    /// assert!(records[0].record.get("push_token").is_none());
    /// ```
    fn export_subject(
        &mut self,
        tenant: &str,
        subject: &SubjectId,
        now: DateTime<Utc>,
    ) -> Result<Vec<ExportedRecord>, StoreError>;
}

/// What erasure did to one type's records in one store.
///
/// ```
/// # use chrono::Utc;
/// # use privacy_core::store::{MemoryBackend, Store};
/// # use privacy_core::subject::{self, SubjectStore};
/// # use privacy_core::{im, Classified, SubjectId};
/// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
/// # #[privacy(category = im::UserInformation)]
/// # struct Profile { #[privacy(subject)] user_id: String, #[privacy(secret)] #[serde(with = "privacy_core::secret_serde::exposed")] push_token: privacy_core::Secret<String>, #[privacy(collected_at)] updated: chrono::DateTime<Utc> }
/// # let now = Utc::now();
/// # let alice = SubjectId::new("alice");
/// # let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key").named("profiles");
/// # store.write("app", "p1", &Profile { user_id: "alice".into(), push_token: privacy_core::Secret::new("tok".into()), updated: now }, now).unwrap();
/// use privacy_core::store::{HoldTarget, record_key};
/// store.write("app", "p2", &Profile { user_id: "alice".into(), push_token: privacy_core::Secret::new("t2".into()), updated: now }, now).unwrap();
/// store.hold(&HoldTarget::Record(record_key::<Profile>("app", "p2")), "litigation 42", now).unwrap();
/// let line = &subject::erase(&mut [&mut store], "app", &alice, now).lines[0];
/// assert_eq!((line.deleted, line.held), (1, 1));
/// assert_eq!(line.hold_reasons, ["litigation 42"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceiptLine {
    /// The store.
    pub store: String,
    /// The type.
    pub type_key: String,
    /// Its category.
    pub category: String,
    /// Records deleted.
    pub deleted: u64,
    /// Records kept for other parties without the requester's id.
    pub redacted: u64,
    /// Records a legal hold kept.
    pub held: u64,
    /// The holds' reasons.
    pub hold_reasons: Vec<String>,
}

/// The answer to an erasure request: per type and store, what was deleted, redacted or held,
/// and which stores failed (a later attempt finishes them).
///
/// ```
/// # use chrono::Utc;
/// # use privacy_core::store::{MemoryBackend, Store};
/// # use privacy_core::subject::{self, SubjectStore};
/// # use privacy_core::{im, Classified, SubjectId};
/// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
/// # #[privacy(category = im::UserInformation)]
/// # struct Profile { #[privacy(subject)] user_id: String, #[privacy(secret)] #[serde(with = "privacy_core::secret_serde::exposed")] push_token: privacy_core::Secret<String>, #[privacy(collected_at)] updated: chrono::DateTime<Utc> }
/// # let now = Utc::now();
/// # let alice = SubjectId::new("alice");
/// # let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key").named("profiles");
/// # store.write("app", "p1", &Profile { user_id: "alice".into(), push_token: privacy_core::Secret::new("tok".into()), updated: now }, now).unwrap();
/// let receipt = subject::erase(&mut [&mut store], "app", &alice, now);
/// assert_eq!(receipt.request, store.request_reference(&alice));
/// let printed = receipt.to_string();
/// assert!(printed.starts_with("erasure request "));
/// assert!(printed.contains("profiles") && printed.contains("deleted     1"));
/// assert!(!printed.contains("alice"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErasureReceipt {
    /// The request's keyed reference (never the subject id).
    pub request: String,
    /// One line per type and store.
    pub lines: Vec<ReceiptLine>,
    /// Stores that failed, with why.
    pub failures: Vec<(String, String)>,
}

impl ErasureReceipt {
    /// Whether every store answered and no hold kept anything.
    ///
    /// ```
    /// # use chrono::Utc;
    /// # use privacy_core::store::{MemoryBackend, Store};
    /// # use privacy_core::subject::{self, SubjectStore};
    /// # use privacy_core::{im, Classified, SubjectId};
    /// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
    /// # #[privacy(category = im::UserInformation)]
    /// # struct Profile { #[privacy(subject)] user_id: String, #[privacy(secret)] #[serde(with = "privacy_core::secret_serde::exposed")] push_token: privacy_core::Secret<String>, #[privacy(collected_at)] updated: chrono::DateTime<Utc> }
    /// # let now = Utc::now();
    /// # let alice = SubjectId::new("alice");
    /// # let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key").named("profiles");
    /// # store.write("app", "p1", &Profile { user_id: "alice".into(), push_token: privacy_core::Secret::new("tok".into()), updated: now }, now).unwrap();
    /// use privacy_core::store::HoldTarget;
    /// let whole_subject = HoldTarget::Subject { tenant: "app".into(), subject_key: store.subject_key(&alice) };
    /// store.hold(&whole_subject, "litigation 42", now).unwrap();
    /// assert!(!subject::erase(&mut [&mut store], "app", &alice, now).is_complete());
    /// store.release(&whole_subject, now).unwrap();
    /// assert!(subject::erase(&mut [&mut store], "app", &alice, now).is_complete());
    /// ```
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.failures.is_empty() && self.lines.iter().all(|line| line.held == 0)
    }
}

impl fmt::Display for ErasureReceipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "erasure request {}", self.request)?;
        for line in &self.lines {
            write!(
                f,
                "  {:<12} {:<40} deleted {:>5}  redacted {:>3}  held {:>3}",
                line.store, line.type_key, line.deleted, line.redacted, line.held
            )?;
            if !line.hold_reasons.is_empty() {
                write!(f, "  ({})", line.hold_reasons.join("; "))?;
            }
            writeln!(f)?;
        }
        for (store, error) in &self.failures {
            writeln!(f, "  {store}: FAILED, retry the request to finish: {error}")?;
        }
        Ok(())
    }
}

/// One of a subject's records, as exported.
///
/// ```
/// # use chrono::Utc;
/// # use privacy_core::store::{MemoryBackend, Store};
/// # use privacy_core::subject::{self, SubjectStore};
/// # use privacy_core::{im, Classified, SubjectId};
/// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
/// # #[privacy(category = im::UserInformation)]
/// # struct Profile { #[privacy(subject)] user_id: String, #[privacy(secret)] #[serde(with = "privacy_core::secret_serde::exposed")] push_token: privacy_core::Secret<String>, #[privacy(collected_at)] updated: chrono::DateTime<Utc> }
/// # let now = Utc::now();
/// # let alice = SubjectId::new("alice");
/// # let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key").named("profiles");
/// # store.write("app", "p1", &Profile { user_id: "alice".into(), push_token: privacy_core::Secret::new("tok".into()), updated: now }, now).unwrap();
/// let record = &store.export_subject("app", &alice, now).unwrap()[0];
/// assert_eq!(record.store, "profiles");
/// assert_eq!(record.descriptor.retention.to_string(), "the customer's chosen period, or 7 days when none is chosen");
/// ```
#[derive(Clone, Debug)]
pub struct ExportedRecord {
    /// The store it came from.
    pub store: String,
    /// Its type's descriptor.
    pub descriptor: &'static TypeDescriptor,
    /// Its id.
    pub id: String,
    /// The record, secrets left out.
    pub record: Value,
}

/// Erases `subject`'s records of `tenant` from every store. A store that fails does not stop
/// the others; the receipt names it.
///
/// ```
/// # use chrono::Utc;
/// # use privacy_core::store::{MemoryBackend, Store};
/// # use privacy_core::subject::{self, SubjectStore};
/// # use privacy_core::{im, Classified, SubjectId};
/// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
/// # #[privacy(category = im::UserInformation)]
/// # struct Profile { #[privacy(subject)] user_id: String, #[privacy(secret)] #[serde(with = "privacy_core::secret_serde::exposed")] push_token: privacy_core::Secret<String>, #[privacy(collected_at)] updated: chrono::DateTime<Utc> }
/// # let now = Utc::now();
/// # let alice = SubjectId::new("alice");
/// # let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key").named("profiles");
/// # store.write("app", "p1", &Profile { user_id: "alice".into(), push_token: privacy_core::Secret::new("tok".into()), updated: now }, now).unwrap();
/// # struct Down;
/// # impl SubjectStore for Down {
/// #     fn name(&self) -> &str { "down" }
/// #     fn request_reference(&self, _: &SubjectId) -> String { String::new() }
/// #     fn erase_subject(&mut self, _: &str, _: &SubjectId, _: chrono::DateTime<Utc>) -> Result<Vec<subject::ReceiptLine>, privacy_core::store::StoreError> { Err(privacy_core::store::StoreError::Backend("connection refused".into())) }
/// #     fn export_subject(&mut self, _: &str, _: &SubjectId, _: chrono::DateTime<Utc>) -> Result<Vec<subject::ExportedRecord>, privacy_core::store::StoreError> { Ok(Vec::new()) }
/// # }
/// // `Down` is a store whose backend is unreachable: the others are still erased.
/// let receipt = subject::erase(&mut [&mut Down, &mut store], "app", &alice, now);
/// assert_eq!(receipt.lines[0].deleted, 1);
/// assert_eq!(receipt.failures[0].0, "down");
/// assert!(!receipt.is_complete());
/// ```
pub fn erase(
    stores: &mut [&mut dyn SubjectStore],
    tenant: &str,
    subject: &SubjectId,
    now: DateTime<Utc>,
) -> ErasureReceipt {
    let mut receipt = ErasureReceipt::default();
    if let Some(first) = stores.first() {
        receipt.request = first.request_reference(subject);
    }
    for store in stores.iter_mut() {
        match store.erase_subject(tenant, subject, now) {
            Ok(lines) => receipt.lines.extend(lines),
            Err(error) => receipt
                .failures
                .push((store.name().to_owned(), error.to_string())),
        }
    }
    receipt
}

/// Every record of `subject` in `tenant`, from every store, as one JSON document grouped by
/// category, each with its purpose, legal basis and retention, secrets left out.
///
/// # Errors
/// When a store fails: an export must be whole.
///
/// # Examples
///
/// ```
/// # use chrono::Utc;
/// # use privacy_core::store::{MemoryBackend, Store};
/// # use privacy_core::subject::{self, SubjectStore};
/// # use privacy_core::{im, Classified, SubjectId};
/// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
/// # #[privacy(category = im::UserInformation)]
/// # struct Profile { #[privacy(subject)] user_id: String, #[privacy(secret)] #[serde(with = "privacy_core::secret_serde::exposed")] push_token: privacy_core::Secret<String>, #[privacy(collected_at)] updated: chrono::DateTime<Utc> }
/// # let now = Utc::now();
/// # let alice = SubjectId::new("alice");
/// # let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key").named("profiles");
/// # store.write("app", "p1", &Profile { user_id: "alice".into(), push_token: privacy_core::Secret::new("tok".into()), updated: now }, now).unwrap();
/// let export = subject::export(&mut [&mut store], "app", &alice, now).unwrap();
/// let profiles = &export["categories"][0];
/// assert_eq!(profiles["key"], "im.user_information");
/// assert_eq!(profiles["legal_basis"], "consent");
/// assert_eq!(profiles["records"][0]["record"]["user_id"], "alice");
/// assert!(!export.to_string().contains("tok"));
/// ```
pub fn export(
    stores: &mut [&mut dyn SubjectStore],
    tenant: &str,
    subject: &SubjectId,
    now: DateTime<Utc>,
) -> Result<Value, StoreError> {
    let mut records = Vec::new();
    for store in stores.iter_mut() {
        records.extend(store.export_subject(tenant, subject, now)?);
    }
    let mut categories: Vec<Value> = Vec::new();
    for record in records {
        let info = record.descriptor.categories().first().copied();
        let key = info.map_or("", |info| info.key);
        let position = categories
            .iter()
            .position(|category| category["key"] == key);
        let group = match position {
            Some(position) => &mut categories[position],
            None => {
                categories.push(json!({
                    "key": key,
                    "name": info.map_or("", |info| info.name),
                    "purpose": record.descriptor.purpose,
                    "legal_basis": record.descriptor.legal_basis.key(),
                    "retention": record.descriptor.retention.to_string(),
                    "records": [],
                }));
                categories
                    .last_mut()
                    .unwrap_or_else(|| unreachable!("just pushed"))
            }
        };
        if let Some(list) = group["records"].as_array_mut() {
            list.push(json!({ "type": record.descriptor.name, "store": record.store, "id": record.id, "record": record.record }));
        }
    }
    Ok(
        json!({ "subject": subject.as_str(), "tenant": tenant, "exported_at": now.to_rfc3339(), "categories": categories }),
    )
}

/// Writes the row without the requester: each of the type's top-level `subject` fields holding
/// the requester's id is blanked, and the row stops naming the requester.
fn without_requester<B: Backend>(
    store: &Store<B>,
    descriptor: &TypeDescriptor,
    row: &Row,
    subject_key: &str,
) -> Option<Row> {
    let mut payload: Value = serde_json::from_str(&row.payload).ok()?;
    let object = payload.as_object_mut()?;
    for field in descriptor
        .fields
        .iter()
        .filter(|field| field.role == FieldRole::Subject && field.variant.is_none())
    {
        let Some(value) = object.get_mut(field.name) else {
            continue;
        };
        let id = match value {
            Value::String(text) => text.clone(),
            Value::Number(number) => number.to_string(),
            _ => continue,
        };
        if store.subject_key(&SubjectId::new(id)) == subject_key {
            *value = match value {
                Value::Number(_) => Value::from(0),
                _ => Value::from("[erased]"),
            };
        }
    }
    let mut rewritten = row.clone();
    rewritten.payload = serde_json::to_string(&payload).ok()?;
    rewritten.subjects.retain(|key| key != subject_key);
    Some(rewritten)
}

/// Whether erasure keeps records of this type for the other parties.
fn keeps_for_others(descriptor: &TypeDescriptor) -> bool {
    descriptor.erasure == Some(ErasureRule::RedactRequester)
        && descriptor.subject_fields().count() > 1
}

impl<B: Backend> SubjectStore for Store<B> {
    fn name(&self) -> &str {
        self.label()
    }

    fn request_reference(&self, subject: &SubjectId) -> String {
        format!("subject {}", self.subject_key(subject))
    }

    fn erase_subject(
        &mut self,
        tenant: &str,
        subject: &SubjectId,
        now: DateTime<Utc>,
    ) -> Result<Vec<ReceiptLine>, StoreError> {
        let subject_key = self.subject_key(subject);
        let note = self.request_reference(subject);
        let at = now.timestamp_millis();
        let requested = AuditEntry {
            at,
            action: AuditAction::Requested,
            reason: AuditReason::Erasure,
            type_key: String::new(),
            category: String::new(),
            count: 0,
            deadline_min: None,
            deadline_max: None,
            note: note.clone(),
        };
        self.backend().append_audit(&[requested])?;
        let rows = self.backend().subject_rows(tenant, &subject_key)?;
        let mut held: Vec<(String, String, String)> = Vec::new();
        for (row, hold) in rows {
            if let Some(reason) = hold {
                held.push((row.key.type_key.clone(), row.category.clone(), reason));
                continue;
            }
            let Some(descriptor) = crate::registry::find(&row.key.type_key) else {
                continue;
            };
            if !keeps_for_others(descriptor) {
                continue;
            }
            let Some(rewritten) = without_requester(self, descriptor, &row, &subject_key) else {
                continue;
            };
            self.backend().write(&rewritten, at)?;
            let entry = AuditEntry {
                action: AuditAction::Redacted,
                count: 1,
                deadline_min: row.deadline,
                deadline_max: row.deadline,
                ..audit_for(&row, at, &note)
            };
            self.backend().append_audit(&[entry])?;
        }
        while !self
            .backend()
            .erase_batch(tenant, &subject_key, &note, at, 500)?
            .is_empty()
        {}
        // The receipt counts every attempt of this request, from the audit log.
        let mut lines: Vec<ReceiptLine> = Vec::new();
        let store = self.label().to_owned();
        for entry in self
            .backend()
            .audit_log()?
            .iter()
            .filter(|entry| entry.note == note && entry.reason == AuditReason::Erasure)
        {
            match entry.action {
                AuditAction::Deleted => {
                    line_mut(&mut lines, &store, &entry.type_key, &entry.category).deleted +=
                        entry.count
                }
                AuditAction::Redacted => {
                    line_mut(&mut lines, &store, &entry.type_key, &entry.category).redacted +=
                        entry.count
                }
                AuditAction::Held | AuditAction::Released | AuditAction::Requested => {}
            }
        }
        for (type_key, category, reason) in held {
            let line = line_mut(&mut lines, &store, &type_key, &category);
            line.held += 1;
            if !line.hold_reasons.contains(&reason) {
                line.hold_reasons.push(reason);
            }
        }
        Ok(lines)
    }

    fn export_subject(
        &mut self,
        tenant: &str,
        subject: &SubjectId,
        now: DateTime<Utc>,
    ) -> Result<Vec<ExportedRecord>, StoreError> {
        let subject_key = self.subject_key(subject);
        let now = now.timestamp_millis();
        let store = self.label().to_owned();
        let mut exported = Vec::new();
        for (row, _) in self.backend().subject_rows(tenant, &subject_key)? {
            if row.deadline.is_some_and(|deadline| deadline <= now) {
                continue;
            }
            let Some(descriptor) = crate::registry::find(&row.key.type_key) else {
                continue;
            };
            let mut record: Value = serde_json::from_str(&row.payload)
                .map_err(|error| StoreError::Encoding(error.to_string()))?;
            if let Some(object) = record.as_object_mut() {
                strip_secrets(descriptor, object);
            }
            exported.push(ExportedRecord {
                store: store.clone(),
                descriptor,
                id: row.key.id,
                record,
            });
        }
        exported.sort_by(|left, right| {
            (type_key(left.descriptor), &left.id).cmp(&(type_key(right.descriptor), &right.id))
        });
        Ok(exported)
    }
}

/// The receipt line of a type, added when first needed.
fn line_mut<'a>(
    lines: &'a mut Vec<ReceiptLine>,
    store: &str,
    type_key: &str,
    category: &str,
) -> &'a mut ReceiptLine {
    let index = match lines.iter().position(|line| line.type_key == type_key) {
        Some(index) => index,
        None => {
            lines.push(ReceiptLine {
                store: store.to_owned(),
                type_key: type_key.to_owned(),
                category: category.to_owned(),
                deleted: 0,
                redacted: 0,
                held: 0,
                hold_reasons: Vec::new(),
            });
            lines.len() - 1
        }
    };
    &mut lines[index]
}

fn audit_for(row: &Row, at: i64, note: &str) -> AuditEntry {
    AuditEntry {
        at,
        action: AuditAction::Deleted,
        reason: AuditReason::Erasure,
        type_key: row.key.type_key.clone(),
        category: row.category.clone(),
        count: 0,
        deadline_min: None,
        deadline_max: None,
        note: note.to_owned(),
    }
}

/// Secrets are never exported, not even to the person they concern.
fn strip_secrets(descriptor: &TypeDescriptor, object: &mut Map<String, Value>) {
    for field in descriptor
        .fields
        .iter()
        .filter(|field| field.redaction == Redaction::Secret)
    {
        object.remove(field.name);
    }
}
