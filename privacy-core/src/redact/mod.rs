//! Redaction: the view of a classified value that is safe to let out of the process.
//!
//! The derive walks a value's fields through [`Classified::visit_redacted`]; the adapters in
//! this module turn that walk into `Debug`, `Display` (logfmt) and, with feature `serde`,
//! `serde::Serialize`. Each redacted field is wrapped in a [`RedactedValue`] chosen by its
//! strategy (see [`strategy`]; what each strategy does is in `strategies/`), so the clear value
//! never reaches a formatter or a serializer.

pub(crate) mod output;
mod pseudonym;
mod strategies;
pub mod strategy;
mod value;

use crate::Classified;
use core::fmt;

pub use crate::visit::{Item, Redacted, RedactedValue, RedactedVisitor, Shape};
pub use pseudonym::{PseudonymKeyError, set_pseudonym_key};
pub use strategy::{Email, Hash, Ip, Len, MASK, Partial, Redact, SECRET_MASK};

impl<'a, T: Classified> Redacted<'a, T> {
    /// The view of `value`.
    ///
    /// ```
    /// use privacy_core::redact::Redacted;
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    ///
    /// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
    /// let view = Redacted::new(&request);
    /// assert_eq!(view.to_string(), r#"RequestLog ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#);
    /// assert_eq!(format!("{view:?}"), r#"RequestLog { ip: "203.0.113.0/24", at: 1970-01-01T00:00:00Z }"#);
    /// ```
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
