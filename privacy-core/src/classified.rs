//! The trait `#[derive(Classified)]` implements, and the field roles it reads.

use crate::scalars::for_scalars;
use crate::visit::{Redacted, RedactedVisitor};
use crate::{FieldDescriptor, TypeDescriptor};
use chrono::{DateTime, Utc};
use core::fmt;

/// A type whose every field is classified under a policy category.
///
/// Implemented by `#[derive(Classified)]`; see the crate docs for the vocabulary.
///
/// ```
/// use privacy_core::{im, Classified, SubjectId};
/// #[derive(Classified)]
/// #[privacy(category = im::UserInformation)]
/// struct Profile {
///     #[privacy(subject)]
///     user_id: String,
///     #[privacy(redact)]
///     nickname: String,
///     #[privacy(collected_at)]
///     updated: chrono::DateTime<chrono::Utc>,
/// }
///
/// let profile = Profile { user_id: "u1".into(), nickname: "Nightingale".into(), updated: chrono::DateTime::UNIX_EPOCH };
/// assert_eq!(profile.subject(), Some(SubjectId::new("u1")));
/// assert!(!format!("{profile:?}").contains("Nightingale"));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not classified",
    label = "`{Self}` does not derive `Classified`",
    note = "add `#[derive(Classified)]` with its `#[privacy(...)]` attributes to the type"
)]
pub trait Classified {
    /// The type's policy and fields, known at compile time.
    ///
    /// ```
    /// # use privacy_core::{im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::LogData)]
    /// struct RequestLog {
    ///     interface: String,
    ///     #[privacy(collected_at)]
    ///     at: chrono::DateTime<chrono::Utc>,
    /// }
    ///
    /// let descriptor = RequestLog::DESCRIPTOR;
    /// assert_eq!(descriptor.name, "RequestLog");
    /// assert_eq!(descriptor.category.unwrap().key, "im.log_data");
    /// assert_eq!(descriptor.fields.len(), 2);
    /// ```
    const DESCRIPTOR: &'static TypeDescriptor;

    /// Calls `visit` with every data subject id the value holds (its `subject` fields and those
    /// of its `nested` fields), with the field that holds it.
    /// The derive generates it for types with `subject` or `nested` fields; others hold none.
    ///
    /// ```
    /// # use privacy_core::{im, Classified, SubjectId};
    /// #[derive(Classified)]
    /// #[privacy(category = im::ChatMessageRecord, erasure = delete_record)]
    /// struct ChatMessage {
    ///     #[privacy(subject)]
    ///     from: String,
    ///     #[privacy(subject)]
    ///     to: String,
    ///     #[privacy(collected_at)]
    ///     sent: chrono::DateTime<chrono::Utc>,
    /// }
    ///
    /// let message = ChatMessage { from: "alice".into(), to: "bob".into(), sent: chrono::DateTime::UNIX_EPOCH };
    /// let mut seen = Vec::new();
    /// message.visit_subjects(&mut |field, id| seen.push((field.name, id)));
    /// assert_eq!(seen, [("from", SubjectId::new("alice")), ("to", SubjectId::new("bob"))]);
    /// ```
    fn visit_subjects(&self, visit: &mut dyn FnMut(&'static FieldDescriptor, SubjectId)) {
        let _ = visit;
    }

    /// The instant the record was collected, from its `collected_at` field (or, when it has
    /// none, from the first of its nested fields, in declaration order, that has an instant).
    ///
    /// ```
    /// # use privacy_core::{im, Classified};
    /// # use chrono::{DateTime, Utc};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { interface: String, #[privacy(collected_at)] at: DateTime<Utc> }
    /// #[derive(Classified)]
    /// struct Batch {
    ///     #[privacy(nested)]
    ///     first: RequestLog,
    /// }
    ///
    /// let at = DateTime::UNIX_EPOCH;
    /// let batch = Batch { first: RequestLog { interface: "sendmsg".into(), at } };
    /// assert_eq!(batch.first.collected_at(), Some(at)); // its `collected_at` field
    /// assert_eq!(batch.collected_at(), Some(at)); // none of its own: its nested field's
    /// ```
    fn collected_at(&self) -> Option<DateTime<Utc>> {
        None
    }

    /// The tenant (customer application) a table-mapped row belongs to, from its `tenant` field.
    ///
    /// ```
    /// # use privacy_core::{im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::LogData, table = "request_logs")]
    /// struct RequestLog {
    ///     #[privacy(tenant)]
    ///     app_id: String,
    ///     #[privacy(collected_at)]
    ///     at: chrono::DateTime<chrono::Utc>,
    /// }
    /// let log = RequestLog { app_id: "acme".into(), at: chrono::DateTime::UNIX_EPOCH };
    /// assert_eq!(log.tenant(), Some("acme"));
    /// ```
    fn tenant(&self) -> Option<&str> {
        None
    }

    /// Walks the value's fields as they may leave the process: every redacted field transformed,
    /// every secret replaced, every skipped field left out.
    ///
    /// ```
    /// use privacy_core::redact::{Item, RedactedValue, RedactedVisitor};
    /// # use privacy_core::{im, Classified, FieldDescriptor};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog {
    /// #     interface: String,
    /// #     #[privacy(redact = skip)]
    /// #     trace_id: String,
    /// #     #[privacy(collected_at)]
    /// #     at: chrono::DateTime<chrono::Utc>,
    /// # }
    /// struct Names(Vec<&'static str>);
    /// impl RedactedVisitor for Names {
    ///     fn begin(&mut self, item: Item) {
    ///         assert_eq!((item.type_name, item.len), ("RequestLog", 2));
    ///     }
    ///     fn field<V: RedactedValue + ?Sized>(&mut self, field: &'static FieldDescriptor, _: &V) {
    ///         self.0.push(field.name);
    ///     }
    /// }
    /// let log = RequestLog { interface: "sendmsg".into(), trace_id: "t-1".into(), at: chrono::DateTime::UNIX_EPOCH };
    /// let mut names = Names(Vec::new());
    /// log.visit_redacted(&mut names);
    /// assert_eq!(names.0, ["interface", "at"]); // `trace_id` is `redact = skip`
    /// ```
    fn visit_redacted<V: RedactedVisitor>(&self, visitor: &mut V);

    /// The first data subject id the value holds.
    ///
    /// ```
    /// # use privacy_core::{im, Classified, SubjectId};
    /// # use chrono::{DateTime, Utc};
    /// #[derive(Classified)]
    /// #[privacy(category = im::ChatMessageRecord, erasure = delete_record)]
    /// struct ChatMessage {
    ///     #[privacy(subject)]
    ///     from: String,
    ///     #[privacy(subject)]
    ///     to: String,
    ///     #[privacy(collected_at)]
    ///     sent: DateTime<Utc>,
    /// }
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { interface: String, #[privacy(collected_at)] at: DateTime<Utc> }
    /// let message = ChatMessage { from: "alice".into(), to: "bob".into(), sent: DateTime::UNIX_EPOCH };
    /// assert_eq!(message.subject(), Some(SubjectId::new("alice")));
    /// let log = RequestLog { interface: "sendmsg".into(), at: DateTime::UNIX_EPOCH };
    /// assert_eq!(log.subject(), None); // no `subject` field
    /// ```
    fn subject(&self) -> Option<SubjectId> {
        let mut first = None;
        self.visit_subjects(&mut |_, id| {
            if first.is_none() {
                first = Some(id);
            }
        });
        first
    }

    /// The view of the value that is safe to log, display and serialize.
    ///
    /// ```
    /// # use privacy_core::{im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::LogData)]
    /// struct RequestLog {
    ///     #[privacy(redact = ip)]
    ///     client_ip: std::net::IpAddr,
    ///     #[privacy(collected_at)]
    ///     at: chrono::DateTime<chrono::Utc>,
    /// }
    ///
    /// let log = RequestLog { client_ip: "203.0.113.77".parse().unwrap(), at: chrono::DateTime::UNIX_EPOCH };
    /// let json = serde_json::to_string(&log.redacted()).unwrap();
    /// assert_eq!(json, r#"{"client_ip":"203.0.113.0/24","at":"1970-01-01T00:00:00Z"}"#);
    /// assert_eq!(log.redacted().to_string(), r#"RequestLog client_ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#);
    /// ```
    fn redacted(&self) -> Redacted<'_, Self>
    where
        Self: Sized,
    {
        Redacted::new(self)
    }
}

/// The id of a data subject, as text, whatever type the `subject` field has.
///
/// ```
/// use privacy_core::{SubjectId, SubjectKey};
/// let id = SubjectId::new("user-7");
/// assert_eq!(id.to_string(), "user-7");
/// assert_eq!(42_u64.subject_id(), Some(SubjectId::new("42")));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SubjectId(String);

/// Read as text; an error never quotes what it read (it may be a person's id).
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for SubjectId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::secret_serde::without_value(deserializer, "a subject id").map(SubjectId)
    }
}

impl SubjectId {
    /// A subject id from its text.
    ///
    /// ```
    /// use privacy_core::SubjectId;
    /// assert_eq!(SubjectId::new(String::from("u1")), SubjectId::new("u1"));
    /// assert_ne!(SubjectId::new("u1"), SubjectId::new("U1"));
    /// ```
    pub fn new(id: impl Into<String>) -> Self {
        SubjectId(id.into())
    }

    /// The id's text.
    ///
    /// ```
    /// use privacy_core::SubjectId;
    /// assert_eq!(SubjectId::new("user-7").as_str(), "user-7");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SubjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A type that can hold a data subject's id: the bound on `#[privacy(subject)]` fields.
///
/// ```
/// use privacy_core::{SubjectId, SubjectKey};
/// assert_eq!("alice".subject_id(), Some(SubjectId::new("alice")));
/// assert_eq!(String::from("bob").subject_id(), Some(SubjectId::new("bob")));
/// assert_eq!(7_u32.subject_id(), Some(SubjectId::new("7")));
/// assert_eq!((-7_i64).subject_id(), Some(SubjectId::new("-7")));
/// assert_eq!(std::num::NonZeroU64::new(7).unwrap().subject_id(), 7_u64.subject_id());
/// ```
#[diagnostic::on_unimplemented(
    message = "a `subject` field must hold a data subject's id, and `{Self}` cannot",
    label = "`{Self}` is not a subject id",
    note = "use a string, an integer (or a `NonZero` one), a `privacy_core::SubjectId`, or an `Option` of one",
    note = "a type of your own can implement `privacy_core::SubjectKey`; a type from another crate cannot (the orphan rule): wrap it in a newtype of your own and implement `SubjectKey` for that"
)]
pub trait SubjectKey {
    /// The id, or `None` when the field holds no subject (an empty `Option`).
    ///
    /// ```
    /// use privacy_core::{SubjectId, SubjectKey};
    /// assert_eq!(Some(10_u64).subject_id(), Some(SubjectId::new("10")));
    /// assert_eq!(None::<String>.subject_id(), None);
    /// ```
    fn subject_id(&self) -> Option<SubjectId>;
}

impl SubjectKey for str {
    fn subject_id(&self) -> Option<SubjectId> {
        Some(SubjectId::new(self))
    }
}

impl SubjectKey for String {
    fn subject_id(&self) -> Option<SubjectId> {
        Some(SubjectId::new(self.as_str()))
    }
}

impl SubjectKey for SubjectId {
    fn subject_id(&self) -> Option<SubjectId> {
        Some(self.clone())
    }
}

impl<T: SubjectKey + ?Sized> SubjectKey for &T {
    fn subject_id(&self) -> Option<SubjectId> {
        (**self).subject_id()
    }
}

impl<T: SubjectKey> SubjectKey for Option<T> {
    fn subject_id(&self) -> Option<SubjectId> {
        self.as_ref().and_then(SubjectKey::subject_id)
    }
}

macro_rules! integer_subject_keys {
    ($($int:ty),*) => {$(
        impl SubjectKey for $int {
            fn subject_id(&self) -> Option<SubjectId> {
                Some(SubjectId(self.to_string()))
            }
        }
    )*};
}
for_scalars!(integers => integer_subject_keys);
for_scalars!(nonzero_integers => integer_subject_keys);

/// A type that can hold the instant a record was collected: the bound on `collected_at` fields.
///
/// ```
/// use chrono::{DateTime, FixedOffset, Utc};
/// use privacy_core::CollectionInstant;
/// let utc: DateTime<Utc> = "2024-05-01T12:00:00Z".parse().unwrap();
/// let paris: DateTime<FixedOffset> = "2024-05-01T14:00:00+02:00".parse().unwrap();
/// assert_eq!(paris.instant(), Some(utc));
/// assert_eq!(std::time::SystemTime::UNIX_EPOCH.instant(), Some(DateTime::UNIX_EPOCH));
/// ```
#[diagnostic::on_unimplemented(
    message = "a `collected_at` field must hold an instant, and `{Self}` cannot",
    label = "`{Self}` is not an instant",
    note = "use `chrono::DateTime<chrono::Utc>`, `chrono::DateTime<chrono::FixedOffset>`, `chrono::NaiveDateTime` (read as UTC), `std::time::SystemTime`, with feature `time` `time::OffsetDateTime` or `time::PrimitiveDateTime`, or an `Option` of one",
    note = "another type of time: wrap it in a newtype of your own and implement `privacy_core::CollectionInstant` for that (the orphan rule forbids implementing it for another crate's type)"
)]
pub trait CollectionInstant {
    /// The instant, in UTC.
    ///
    /// ```
    /// use chrono::{DateTime, Utc};
    /// use privacy_core::CollectionInstant;
    /// assert_eq!(Some(DateTime::UNIX_EPOCH).instant(), Some(DateTime::UNIX_EPOCH));
    /// assert_eq!(None::<DateTime<Utc>>.instant(), None);
    /// ```
    fn instant(&self) -> Option<DateTime<Utc>>;
}

impl CollectionInstant for DateTime<Utc> {
    fn instant(&self) -> Option<DateTime<Utc>> {
        Some(*self)
    }
}

impl CollectionInstant for DateTime<chrono::FixedOffset> {
    fn instant(&self) -> Option<DateTime<Utc>> {
        Some(self.to_utc())
    }
}

/// Read as UTC: a column without offset holds UTC by the toolkit's convention (the sqlx
/// encodings of `NaiveDateTime` on PostgreSQL `timestamp`, MySQL `DATETIME`, SQLite text).
impl CollectionInstant for chrono::NaiveDateTime {
    fn instant(&self) -> Option<DateTime<Utc>> {
        Some(self.and_utc())
    }
}

#[cfg(feature = "time")]
impl CollectionInstant for time::OffsetDateTime {
    fn instant(&self) -> Option<DateTime<Utc>> {
        let nanos = self.unix_timestamp_nanos();
        let seconds = i64::try_from(nanos.div_euclid(1_000_000_000)).ok()?;
        let subsec = u32::try_from(nanos.rem_euclid(1_000_000_000)).ok()?;
        DateTime::from_timestamp(seconds, subsec)
    }
}

/// Read as UTC, as `chrono::NaiveDateTime`.
#[cfg(feature = "time")]
impl CollectionInstant for time::PrimitiveDateTime {
    fn instant(&self) -> Option<DateTime<Utc>> {
        self.assume_utc().instant()
    }
}

impl CollectionInstant for std::time::SystemTime {
    fn instant(&self) -> Option<DateTime<Utc>> {
        Some(DateTime::<Utc>::from(*self))
    }
}

impl<T: CollectionInstant> CollectionInstant for Option<T> {
    fn instant(&self) -> Option<DateTime<Utc>> {
        self.as_ref().and_then(CollectionInstant::instant)
    }
}

impl<T: CollectionInstant + ?Sized> CollectionInstant for &T {
    fn instant(&self) -> Option<DateTime<Utc>> {
        (**self).instant()
    }
}

/// A classified type whose records may be written to a store: every type `#[derive(Classified)]`
/// sees except those declared `retention = ephemeral`, which are processed momentarily and never
/// stored.
///
/// ```
/// # use privacy_core::{im, Classified, Storable};
/// fn retention_of<T: Storable>(_: &T) -> String {
///     T::DESCRIPTOR.retention.to_string()
/// }
/// #[derive(Classified)]
/// #[privacy(category = im::LogData)]
/// struct RequestLog {
///     interface: String,
///     #[privacy(collected_at)]
///     at: chrono::DateTime<chrono::Utc>,
/// }
///
/// let log = RequestLog { interface: "sendmsg".into(), at: chrono::DateTime::UNIX_EPOCH };
/// assert_eq!(retention_of(&log), "7 days");
/// ```
///
/// An ephemeral type is not `Storable`:
///
/// ```compile_fail,E0277
/// # use privacy_core::{im, Classified, Storable};
/// fn store<T: Storable>(_: &T) {}
/// #[derive(Classified)]
/// #[privacy(category = im::ChatMessageRecord, retention = ephemeral)]
/// struct Typing {
///     #[privacy(subject)]
///     user: String,
/// }
///
/// store(&Typing { user: "alice".into() });
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is ephemeral (processed momentarily, never stored) and cannot be written to a store",
    label = "ephemeral data handed to a store",
    note = "process the value in memory only, or give the type a retention that allows storage"
)]
pub trait Storable: Classified {}

/// A boxed classified value is classified as its contents are (a `nested` field may hold one).
impl<T: Classified + ?Sized> Classified for Box<T> {
    const DESCRIPTOR: &'static TypeDescriptor = T::DESCRIPTOR;

    fn visit_subjects(&self, visit: &mut dyn FnMut(&'static FieldDescriptor, SubjectId)) {
        (**self).visit_subjects(visit);
    }

    fn collected_at(&self) -> Option<DateTime<Utc>> {
        (**self).collected_at()
    }

    fn visit_redacted<V: RedactedVisitor>(&self, visitor: &mut V) {
        (**self).visit_redacted(visitor);
    }
}
