//! Redaction: the view of a classified value that is safe to let out of the process.
//!
//! The derive walks a value's fields through [`Classified::visit_redacted`]; the adapters in
//! this module turn that walk into `Debug`, `Display` (logfmt) and, with feature `serde`,
//! `serde::Serialize`. Each redacted field is wrapped in a [`RedactedValue`] chosen by its
//! strategy (see [`strategy`]), so the clear value never reaches a formatter or a serializer.

pub(crate) mod output;
mod pseudonym;
pub mod strategy;

use crate::{Classified, FieldDescriptor};
use core::fmt;

pub use pseudonym::{PseudonymKeyError, set_pseudonym_key};
pub use strategy::{Email, Hash, Ip, Len, MASK, Partial, Redact, SECRET_MASK};

/// The shape of a struct or enum variant, as the derive saw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `{ a: A, b: B }`
    Named,
    /// `(A, B)`
    Tuple,
    /// No fields.
    Unit,
}

/// What a walk over a value is about to show: a struct, or one variant of an enum.
#[derive(Clone, Copy, Debug)]
pub struct Item {
    /// The type's name.
    pub type_name: &'static str,
    /// The variant's index and name, for enums.
    pub variant: Option<(u32, &'static str)>,
    /// The fields' shape.
    pub shape: Shape,
    /// How many fields the walk will visit (skipped fields not counted).
    pub len: usize,
}

/// A value transformed for output; implemented by the strategies' wrappers.
pub trait RedactedValue {
    /// Writes the value as it may be shown.
    ///
    /// # Errors
    /// When the formatter fails.
    fn fmt_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;

    /// Serializes the value as it may be shown.
    ///
    /// # Errors
    /// When the serializer fails.
    #[cfg(feature = "serde")]
    fn serialize_redacted<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

/// Receives a walk over a classified value's fields, redacted.
pub trait RedactedVisitor {
    /// Called once, before the fields.
    fn begin(&mut self, item: Item);
    /// Called for every field that is not skipped, in declaration order.
    fn field<V: RedactedValue + ?Sized>(&mut self, field: &'static FieldDescriptor, value: &V);
}

/// The view of a classified value that is safe to log, display and serialize: every redacted
/// field transformed by its strategy, every secret replaced, every skipped field absent.
///
/// ```
/// use privacy_core::{im, Classified};
///
/// #[derive(Classified)]
/// #[privacy(category = im::LogData)]
/// struct RequestLog {
///     #[privacy(redact = ip)]
///     client_ip: std::net::IpAddr,
///     interface: String,
///     #[privacy(collected_at)]
///     at: chrono::DateTime<chrono::Utc>,
/// }
///
/// let log = RequestLog {
///     client_ip: "203.0.113.77".parse().unwrap(),
///     interface: "sendmsg".into(),
///     at: chrono::DateTime::UNIX_EPOCH,
/// };
/// let line = log.redacted().to_string();
/// assert!(line.contains(r#"client_ip="203.0.113.0/24""#));
/// assert!(!line.contains("203.0.113.77"));
/// ```
pub struct Redacted<'a, T: ?Sized>(&'a T);

impl<'a, T: Classified> Redacted<'a, T> {
    /// The view of `value`.
    pub fn new(value: &'a T) -> Self {
        Redacted(value)
    }
}

impl<T: Classified> Clone for Redacted<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Classified> Copy for Redacted<'_, T> {}

/// A nested classified value appears as its own redacted view.
impl<T: Classified> RedactedValue for Redacted<'_, T> {
    fn fmt_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }

    #[cfg(feature = "serde")]
    fn serialize_redacted<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(self, serializer)
    }
}
