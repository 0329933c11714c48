//! `nested` fields: a field whose type is classified, alone or in a container.

use crate::redact::{Redacted, RedactedValue};
use crate::{Classified, FieldDescriptor, SubjectId};
use core::fmt;

/// The bound on a `nested` field's type: a classified type, or an `Option` or `Vec` of one.
#[diagnostic::on_unimplemented(
    message = "a `nested` field must hold a type that derives `Classified`, and `{Self}` does not",
    label = "`{Self}` is not classified",
    note = "derive `Classified` on the field's type, or classify the field with `category = ...` instead of `nested`"
)]
pub trait NestedField {
    /// The classified type inside.
    type Inner: Classified;
    /// Calls `f` for every classified value inside.
    fn each(&self, f: &mut dyn FnMut(&Self::Inner));
    /// Writes the redacted view of what is inside.
    ///
    /// # Errors
    /// When the formatter fails.
    fn fmt_nested(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    /// Serializes the redacted view of what is inside.
    ///
    /// # Errors
    /// When the serializer fails.
    #[cfg(feature = "serde")]
    fn serialize_nested<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

impl<T: Classified> NestedField for T {
    type Inner = T;
    fn each(&self, f: &mut dyn FnMut(&T)) {
        f(self);
    }
    fn fmt_nested(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&Redacted::new(self), f)
    }
    #[cfg(feature = "serde")]
    fn serialize_nested<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&Redacted::new(self), serializer)
    }
}

impl<T: Classified> NestedField for Option<T> {
    type Inner = T;
    fn each(&self, f: &mut dyn FnMut(&T)) {
        if let Some(inner) = self {
            f(inner);
        }
    }
    fn fmt_nested(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.as_ref().map(Redacted::new), f)
    }
    #[cfg(feature = "serde")]
    fn serialize_nested<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&self.as_ref().map(Redacted::new), serializer)
    }
}

impl<T: Classified> NestedField for Vec<T> {
    type Inner = T;
    fn each(&self, f: &mut dyn FnMut(&T)) {
        self.iter().for_each(f);
    }
    fn fmt_nested(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.iter().map(Redacted::new))
            .finish()
    }
    #[cfg(feature = "serde")]
    fn serialize_nested<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(Redacted::new))
    }
}

/// A nested field in a redacted walk.
pub struct NestedRedacted<'a, N: ?Sized>(pub &'a N);

impl<N: NestedField + ?Sized> RedactedValue for NestedRedacted<'_, N> {
    fn fmt_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_nested(f)
    }
    #[cfg(feature = "serde")]
    fn serialize_redacted<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_nested(serializer)
    }
}

/// Forwards the subjects of every classified value inside a nested field.
pub fn nested_subjects<N: NestedField + ?Sized>(
    field: &N,
    visit: &mut dyn FnMut(&'static FieldDescriptor, SubjectId),
) {
    field.each(&mut |inner| inner.visit_subjects(visit));
}

/// A nested field in a redacted walk.
pub fn nested<N: NestedField + ?Sized>(field: &N) -> NestedRedacted<'_, N> {
    NestedRedacted(field)
}

/// The collection instant of the first classified value inside a nested field that has one.
pub fn nested_collected_at<N: NestedField + ?Sized>(
    field: &N,
) -> Option<chrono::DateTime<chrono::Utc>> {
    let mut found = None;
    field.each(&mut |inner| {
        if found.is_none() {
            found = inner.collected_at();
        }
    });
    found
}
