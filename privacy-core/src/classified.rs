//! The trait `#[derive(Classified)]` implements, and the field roles it reads.

use crate::redact::{Redacted, RedactedVisitor};
use crate::{FieldDescriptor, TypeDescriptor};
use chrono::{DateTime, Utc};
use core::fmt;

/// A type whose every field is classified under a policy category.
///
/// Implemented by `#[derive(Classified)]`; see the crate docs for the vocabulary.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not classified",
    label = "`{Self}` does not derive `Classified`",
    note = "add `#[derive(Classified)]` with its `#[privacy(...)]` attributes to the type"
)]
pub trait Classified {
    /// The type's policy and fields, known at compile time.
    const DESCRIPTOR: &'static TypeDescriptor;

    /// Calls `visit` with every data subject id the value holds (its `subject` fields and those
    /// of its `nested` fields), with the field that holds it.
    /// The derive generates it for types with `subject` or `nested` fields; others hold none.
    fn visit_subjects(&self, visit: &mut dyn FnMut(&'static FieldDescriptor, SubjectId)) {
        let _ = visit;
    }

    /// The instant the record was collected, from its `collected_at` field (or, when it has
    /// none, its first nested field's).
    fn collected_at(&self) -> Option<DateTime<Utc>> {
        None
    }

    /// Walks the value's fields as they may leave the process: every redacted field transformed,
    /// every secret replaced, every skipped field left out.
    fn visit_redacted<V: RedactedVisitor>(&self, visitor: &mut V);

    /// The first data subject id the value holds.
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
    fn redacted(&self) -> Redacted<'_, Self>
    where
        Self: Sized,
    {
        Redacted::new(self)
    }
}

/// The id of a data subject, as text, whatever type the `subject` field has.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SubjectId(String);

impl SubjectId {
    /// A subject id from its text.
    pub fn new(id: impl Into<String>) -> Self {
        SubjectId(id.into())
    }

    /// The id's text.
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
#[diagnostic::on_unimplemented(
    message = "a `subject` field must hold a data subject's id, and `{Self}` cannot",
    label = "`{Self}` is not a subject id",
    note = "use a string, an integer, or an `Option` of one, or implement `privacy_core::SubjectKey`"
)]
pub trait SubjectKey {
    /// The id, or `None` when the field holds no subject (an empty `Option`).
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
integer_subject_keys!(u16, u32, u64, u128, i32, i64, i128);

/// A type that can hold the instant a record was collected: the bound on `collected_at` fields.
#[diagnostic::on_unimplemented(
    message = "a `collected_at` field must hold an instant, and `{Self}` cannot",
    label = "`{Self}` is not an instant",
    note = "use `chrono::DateTime<chrono::Utc>`, `std::time::SystemTime`, or an `Option` of one"
)]
pub trait CollectionInstant {
    /// The instant, in UTC.
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
