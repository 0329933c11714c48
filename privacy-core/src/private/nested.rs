//! `nested` fields: a field whose type is classified, alone or in a container.

use super::ShownField;
use crate::redact::{Redacted, RedactedValue};
use crate::{Classified, FieldDescriptor, SubjectId, Unclassified};
use core::fmt;
use core::hash::BuildHasher;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

/// The bound on a `nested` field's type: a classified type, or an `Option`, `Vec`, `VecDeque`,
/// array, `Arc`, `Rc`, or map (`HashMap`, `BTreeMap`, by value) of nested values, to any depth.
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

/// A nested value shown through its redacted view.
struct Nest<'a, N: ?Sized>(&'a N);

impl<N: NestedField + ?Sized> fmt::Debug for Nest<'_, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_nested(f)
    }
}

#[cfg(feature = "serde")]
impl<N: NestedField + ?Sized> serde::Serialize for Nest<'_, N> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_nested(serializer)
    }
}

impl<N: NestedField> NestedField for Option<N> {
    type Inner = N::Inner;
    fn each(&self, f: &mut dyn FnMut(&Self::Inner)) {
        if let Some(inner) = self {
            inner.each(f);
        }
    }
    fn fmt_nested(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.as_ref().map(Nest), f)
    }
    #[cfg(feature = "serde")]
    fn serialize_nested<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&self.as_ref().map(Nest), serializer)
    }
}

/// Implements `NestedField` for a wrapper that derefs to one nested value.
macro_rules! nested_wrapper {
    ($($wrapper:ident),*) => {$(
        impl<N: NestedField> NestedField for $wrapper<N> {
            type Inner = N::Inner;
            fn each(&self, f: &mut dyn FnMut(&Self::Inner)) {
                (**self).each(f);
            }
            fn fmt_nested(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                (**self).fmt_nested(f)
            }
            #[cfg(feature = "serde")]
            fn serialize_nested<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                (**self).serialize_nested(serializer)
            }
        }
    )*};
}
nested_wrapper!(Arc, Rc);

/// Implements `NestedField` for a sequence of nested values.
macro_rules! nested_sequence {
    ($([$($generics:tt)*] $sequence:ty),* $(,)?) => {$(
        impl<$($generics)*> NestedField for $sequence {
            type Inner = N::Inner;
            fn each(&self, f: &mut dyn FnMut(&Self::Inner)) {
                self.iter().for_each(|inner| inner.each(f));
            }
            fn fmt_nested(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_list().entries(self.iter().map(Nest)).finish()
            }
            #[cfg(feature = "serde")]
            fn serialize_nested<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.iter().map(Nest))
            }
        }
    )*};
}
nested_sequence!(
    [N: NestedField] Vec<N>,
    [N: NestedField] VecDeque<N>,
    [N: NestedField, const K: usize] [N; K],
);

/// Implements `NestedField` for a map whose values are nested; keys are shown as they are, so
/// they must be unclassified.
macro_rules! nested_map {
    ($([$($generics:tt)*] $map:ty),* $(,)?) => {$(
        impl<$($generics)*> NestedField for $map {
            type Inner = N::Inner;
            fn each(&self, f: &mut dyn FnMut(&Self::Inner)) {
                self.values().for_each(|inner| inner.each(f));
            }
            fn fmt_nested(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_map().entries(self.iter().map(|(key, value)| (key, Nest(value)))).finish()
            }
            #[cfg(feature = "serde")]
            fn serialize_nested<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_map(self.iter().map(|(key, value)| (key, Nest(value))))
            }
        }
    )*};
}
nested_map!(
    [K: ShownField + Unclassified, N: NestedField, H: BuildHasher] HashMap<K, N, H>,
    [K: ShownField + Unclassified, N: NestedField] BTreeMap<K, N>,
);

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

/// The earliest collection instant of the classified values inside a nested field: a record
/// holding several dated items is due when its oldest item is.
pub fn nested_collected_at<N: NestedField + ?Sized>(
    field: &N,
) -> Option<chrono::DateTime<chrono::Utc>> {
    let mut found = None;
    field.each(&mut |inner| found = earliest(found, inner.collected_at()));
    found
}

/// The earlier of two instants, either of which may be absent.
pub fn earliest(
    a: Option<chrono::DateTime<chrono::Utc>>,
    b: Option<chrono::DateTime<chrono::Utc>>,
) -> Option<chrono::DateTime<chrono::Utc>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}
