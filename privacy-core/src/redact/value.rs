//! The values the derive hands to a [`RedactedVisitor`](super::RedactedVisitor) for each field:
//! the field under its strategy ([`WithStrategy`]), shown as it is ([`Plain`]), or replaced by a
//! fixed text ([`Masked`]). Their public path is [`strategy`](super::strategy).

use super::RedactedValue;
use super::strategy::Redact;
use core::fmt;

/// A field value with its strategy: what the derive hands to a [`RedactedVisitor`](super::RedactedVisitor).
///
/// ```
/// use privacy_core::redact::strategy::WithStrategy;
/// use privacy_core::redact::{Ip, RedactedValue};
/// # struct Shown<V>(V);
/// # impl<V: RedactedValue> std::fmt::Display for Shown<V> {
/// #     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { self.0.fmt_redacted(f) }
/// # }
///
/// let address: std::net::IpAddr = "203.0.113.77".parse().unwrap();
/// let value = WithStrategy::new(&address, Ip);
/// assert_eq!(Shown(value).to_string(), r#""203.0.113.0/24""#);
/// ```
pub struct WithStrategy<'a, T: ?Sized, S> {
    value: &'a T,
    strategy: S,
}

impl<'a, T: Redact<S> + ?Sized, S> WithStrategy<'a, T, S> {
    /// `value` under `strategy`.
    ///
    /// ```
    /// use privacy_core::redact::strategy::WithStrategy;
    /// use privacy_core::redact::{Partial, RedactedValue};
    ///
    /// let value = WithStrategy::new("+49 170 1234567", Partial { keep_last: 4 });
    /// let json = value.serialize_redacted(serde_json::value::Serializer).unwrap();
    /// assert_eq!(json, "***4567");
    /// ```
    pub fn new(value: &'a T, strategy: S) -> Self {
        WithStrategy { value, strategy }
    }
}

impl<T: Redact<S> + ?Sized, S> RedactedValue for WithStrategy<'_, T, S> {
    fn fmt_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt_redacted(&self.strategy, f)
    }

    #[cfg(feature = "serde")]
    fn serialize_redacted<Ser: serde::Serializer>(
        &self,
        serializer: Ser,
    ) -> Result<Ser::Ok, Ser::Error> {
        self.value.serialize_redacted(&self.strategy, serializer)
    }
}

/// A value shown as it is (with `Debug`, and serialized as it is).
///
/// ```
/// use privacy_core::redact::RedactedValue;
/// use privacy_core::redact::strategy::Plain;
/// # struct Shown<V>(V);
/// # impl<V: RedactedValue> std::fmt::Display for Shown<V> {
/// #     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { self.0.fmt_redacted(f) }
/// # }
///
/// assert_eq!(Shown(Plain(&"sendmsg")).to_string(), r#""sendmsg""#);
/// let json = Plain(&3_u8).serialize_redacted(serde_json::value::Serializer).unwrap();
/// assert_eq!(json, 3);
/// ```
pub struct Plain<'a, T: ?Sized>(pub &'a T);

#[cfg(feature = "serde")]
impl<T: fmt::Debug + serde::Serialize + ?Sized> RedactedValue for Plain<'_, T> {
    fn fmt_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }

    fn serialize_redacted<Ser: serde::Serializer>(
        &self,
        serializer: Ser,
    ) -> Result<Ser::Ok, Ser::Error> {
        crate::secret_serde::in_redacted_view(|| self.0.serialize(serializer))
    }
}

#[cfg(not(feature = "serde"))]
impl<T: fmt::Debug + ?Sized> RedactedValue for Plain<'_, T> {
    fn fmt_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

/// A fixed text in place of the value: the full mask and the secret mask.
///
/// ```
/// use privacy_core::redact::strategy::Masked;
/// use privacy_core::redact::{MASK, RedactedValue, SECRET_MASK};
/// # struct Shown<V>(V);
/// # impl<V: RedactedValue> std::fmt::Display for Shown<V> {
/// #     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { self.0.fmt_redacted(f) }
/// # }
///
/// assert_eq!(Shown(Masked(MASK)).to_string(), "[redacted]");
/// let json = Masked(SECRET_MASK).serialize_redacted(serde_json::value::Serializer).unwrap();
/// assert_eq!(json, "[secret]");
/// ```
pub struct Masked(pub &'static str);

impl RedactedValue for Masked {
    fn fmt_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    #[cfg(feature = "serde")]
    fn serialize_redacted<Ser: serde::Serializer>(
        &self,
        serializer: Ser,
    ) -> Result<Ser::Ok, Ser::Error> {
        serializer.serialize_str(self.0)
    }
}
