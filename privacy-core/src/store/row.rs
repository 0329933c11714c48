//! A stored record as backends see it: keys, schedule and the encoded value.

use crate::{Retention, TypeDescriptor};

/// Which records a tenant's decisions reschedule.
///
/// ```
/// use privacy_core::store::RetentionClass;
/// use privacy_core::{im, Category};
/// assert_eq!(RetentionClass::of(&im::UserInformation::INFO.retention), RetentionClass::CustomerChosen);
/// assert_eq!(RetentionClass::of(&im::ConfigurationData::INFO.retention), RetentionClass::UntilTerminated);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RetentionClass {
    /// A fixed period from collection: nothing reschedules it.
    Fixed,
    /// The customer's chosen period: rescheduled when the tenant changes its settings.
    CustomerChosen,
    /// Until the account ends plus a grace: rescheduled when the account terminates.
    UntilTerminated,
}

impl RetentionClass {
    /// The class of a retention (ephemeral records are never stored; they count as fixed).
    ///
    /// ```
    /// use privacy_core::store::RetentionClass;
    /// use privacy_core::{Period, Retention};
    /// assert_eq!(RetentionClass::of(&Retention::Fixed(Period::days(7))), RetentionClass::Fixed);
    /// assert_eq!(RetentionClass::of(&Retention::Ephemeral), RetentionClass::Fixed);
    /// ```
    #[must_use]
    pub fn of(retention: &Retention) -> Self {
        match retention {
            Retention::CustomerChosen { .. } => RetentionClass::CustomerChosen,
            Retention::UntilTerminated { .. } => RetentionClass::UntilTerminated,
            Retention::Fixed(_) | Retention::Ephemeral => RetentionClass::Fixed,
        }
    }

    /// The class of a type's records: customer-chosen also for a fixed retention that
    /// [follows the customer's choice](crate::deadline::follows_customer_choice), so a tenant's
    /// new choice reschedules them too.
    ///
    /// ```
    /// use privacy_core::store::RetentionClass;
    /// use privacy_core::{im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::ChatMessageRecord, retention = "48h")]
    /// struct Draft { #[privacy(subject)] author: String, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// assert_eq!(RetentionClass::of(&Draft::DESCRIPTOR.retention), RetentionClass::Fixed);
    /// assert_eq!(RetentionClass::of_type(Draft::DESCRIPTOR), RetentionClass::CustomerChosen);
    /// ```
    #[must_use]
    pub fn of_type(descriptor: &TypeDescriptor) -> Self {
        match RetentionClass::of(&descriptor.retention) {
            RetentionClass::Fixed if crate::deadline::follows_customer_choice(descriptor) => {
                RetentionClass::CustomerChosen
            }
            class => class,
        }
    }

    /// The class's code in a store.
    ///
    /// ```
    /// use privacy_core::store::RetentionClass;
    /// assert_eq!(RetentionClass::UntilTerminated.code(), 2);
    /// ```
    #[must_use]
    pub fn code(self) -> i64 {
        match self {
            RetentionClass::Fixed => 0,
            RetentionClass::CustomerChosen => 1,
            RetentionClass::UntilTerminated => 2,
        }
    }

    /// The class of a code read from a store.
    ///
    /// ```
    /// use privacy_core::store::RetentionClass;
    /// assert_eq!(RetentionClass::from_code(1), Some(RetentionClass::CustomerChosen));
    /// assert_eq!(RetentionClass::from_code(3), None);
    /// ```
    #[must_use]
    pub fn from_code(code: i64) -> Option<Self> {
        match code {
            0 => Some(RetentionClass::Fixed),
            1 => Some(RetentionClass::CustomerChosen),
            2 => Some(RetentionClass::UntilTerminated),
            _ => None,
        }
    }
}

/// What identifies a stored record: its type, its tenant and its id within them.
///
/// ```
/// # use chrono::{TimeDelta, TimeZone, Utc};
/// # use privacy_core::store::{MemoryBackend, Store};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
/// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
/// use privacy_core::store::{RowKey, record_key};
/// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
/// store.write("app-1", "r1", &RequestLog { at: day0 }, day0).unwrap();
/// let key: &RowKey = &store.backend().rows().next().unwrap().key;
/// assert_eq!(key, &record_key::<RequestLog>("app-1", "r1"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RowKey {
    /// `module::path::Type`.
    pub type_key: String,
    /// The tenant (customer application).
    pub tenant: String,
    /// The record's id.
    pub id: String,
}

impl RowKey {
    /// A key.
    ///
    /// ```
    /// use privacy_core::store::RowKey;
    /// let key = RowKey::new("app::RequestLog", "app-1", "r1");
    /// assert_eq!((key.type_key.as_str(), key.tenant.as_str(), key.id.as_str()), ("app::RequestLog", "app-1", "r1"));
    /// ```
    pub fn new(
        type_key: impl Into<String>,
        tenant: impl Into<String>,
        id: impl Into<String>,
    ) -> Self {
        RowKey {
            type_key: type_key.into(),
            tenant: tenant.into(),
            id: id.into(),
        }
    }
}

/// A stored record. Timestamps are milliseconds since the Unix epoch.
///
/// ```
/// # use chrono::{TimeDelta, TimeZone, Utc};
/// # use privacy_core::store::{MemoryBackend, RetentionClass, Store};
/// # use privacy_core::{im, Classified, SubjectId};
/// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
/// # #[privacy(category = im::ChatMessageRecord)]
/// # struct ChatMessage { #[privacy(subject)] sender: String, #[privacy(redact)] text: String, #[privacy(collected_at)] sent: chrono::DateTime<Utc> }
/// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
/// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
/// let hello = ChatMessage { sender: "user-7".into(), text: "hello".into(), sent: day0 };
/// store.write("app-1", "m1", &hello, day0).unwrap();
/// let subject = store.subject_key(&SubjectId::new("user-7"));
/// let row = store.backend().rows().next().unwrap().clone();
/// assert_eq!((row.class, row.subjects), (RetentionClass::CustomerChosen, vec![subject]));
/// assert_eq!(row.deadline, Some((day0 + TimeDelta::days(7)).timestamp_millis()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The key.
    pub key: RowKey,
    /// The type's first category key, for the audit log.
    pub category: String,
    /// The retention class.
    pub class: RetentionClass,
    /// The keyed hashes of the data subjects the record names.
    pub subjects: Vec<String>,
    /// When the record was collected.
    pub collected_at: Option<i64>,
    /// When the record must be gone; `None` while its account is active.
    pub deadline: Option<i64>,
    /// The record, as JSON.
    pub payload: String,
}
