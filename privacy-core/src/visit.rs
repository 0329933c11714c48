//! The walk over a value as it may leave the process: what
//! [`Classified::visit_redacted`](crate::Classified::visit_redacted) reports ([`Item`], each field as a [`RedactedValue`]) to a
//! [`RedactedVisitor`], and the [`Redacted`] view built on it. This layer knows neither the
//! `Classified` trait nor the output adapters, so `classified` and `redact` both build on it
//! without importing each other.

use crate::FieldDescriptor;
use core::fmt;

/// The shape of a struct or enum variant, as the derive saw it.
///
/// ```
/// use privacy_core::redact::{Item, RedactedValue, RedactedVisitor, Shape};
/// use privacy_core::{im, Classified, FieldDescriptor};
///
/// #[derive(Classified)]
/// #[privacy(category = im::AccountIdentifiers)]
/// enum Account {
///     Named { #[privacy(redact = hash)] uin: u64 },
///     Tuple(#[privacy(redact = hash)] u64),
///     Unit,
/// }
///
/// struct Shapes(Vec<Shape>);
/// impl RedactedVisitor for Shapes {
///     fn begin(&mut self, item: Item) {
///         self.0.push(item.shape);
///     }
///     fn field<V: RedactedValue + ?Sized>(&mut self, _: &'static FieldDescriptor, _: &V) {}
/// }
///
/// let mut shapes = Shapes(Vec::new());
/// for account in [Account::Named { uin: 7 }, Account::Tuple(7), Account::Unit] {
///     account.visit_redacted(&mut shapes);
/// }
/// assert_eq!(shapes.0, [Shape::Named, Shape::Tuple, Shape::Unit]);
/// ```
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
///
/// ```
/// use privacy_core::redact::{Item, RedactedValue, RedactedVisitor};
/// use privacy_core::{im, Classified, FieldDescriptor};
///
/// #[derive(Classified)]
/// #[privacy(category = im::ConfigurationData)]
/// enum Callback {
///     Url { url: String, #[privacy(redact = skip)] token: String },
///     Disabled,
/// }
/// # struct Items(Vec<Item>);
/// # impl RedactedVisitor for Items {
/// #     fn begin(&mut self, item: Item) { self.0.push(item); }
/// #     fn field<V: RedactedValue + ?Sized>(&mut self, _: &'static FieldDescriptor, _: &V) {}
/// # }
///
/// let callback = Callback::Url { url: "https://hooks.example.com/im".into(), token: "t0k3n".into() };
/// let mut items = Items(Vec::new());
/// callback.visit_redacted(&mut items);
/// let item = items.0[0];
/// assert_eq!((item.type_name, item.variant), ("Callback", Some((0, "Url"))));
/// assert_eq!(item.len, 1); // the skipped `token` is not counted
/// ```
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
///
/// ```
/// use privacy_core::redact::RedactedValue;
/// use std::fmt;
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
///
/// fn shown(value: &impl RedactedValue) -> String {
///     struct Shown<'a, V>(&'a V);
///     impl<V: RedactedValue> fmt::Display for Shown<'_, V> {
///         fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///             self.0.fmt_redacted(f)
///         }
///     }
///     Shown(value).to_string()
/// }
///
/// // A nested classified value shows as its redacted `Debug`.
/// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
/// assert_eq!(shown(&request.redacted()), r#"RequestLog { ip: "203.0.113.0/24", at: 1970-01-01T00:00:00Z }"#);
/// ```
pub trait RedactedValue {
    /// Writes the value as it may be shown.
    ///
    /// # Errors
    /// When the formatter fails.
    ///
    /// ```
    /// use privacy_core::redact::strategy::WithStrategy;
    /// use privacy_core::redact::{Email, RedactedValue};
    /// use std::fmt;
    ///
    /// struct Shown<V>(V);
    /// impl<V: RedactedValue> fmt::Display for Shown<V> {
    ///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    ///         self.0.fmt_redacted(f)
    ///     }
    /// }
    ///
    /// let email = WithStrategy::new("ann@example.com", Email);
    /// assert_eq!(Shown(email).to_string(), r#""***@example.com""#);
    /// ```
    fn fmt_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;

    /// Serializes the value as it may be shown.
    ///
    /// # Errors
    /// When the serializer fails.
    ///
    /// ```
    /// use privacy_core::redact::strategy::WithStrategy;
    /// use privacy_core::redact::{Len, RedactedValue};
    ///
    /// let length = WithStrategy::new("héllo", Len);
    /// let json = length.serialize_redacted(serde_json::value::Serializer).unwrap();
    /// assert_eq!(json, 5);
    /// ```
    #[cfg(feature = "serde")]
    fn serialize_redacted<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

/// Receives a walk over a classified value's fields, redacted.
///
/// ```
/// use privacy_core::redact::{Item, RedactedValue, RedactedVisitor};
/// use privacy_core::FieldDescriptor;
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
///
/// struct Pairs(Vec<String>);
/// impl RedactedVisitor for Pairs {
///     fn begin(&mut self, item: Item) {
///         self.0.push(item.type_name.to_owned());
///     }
///     fn field<V: RedactedValue + ?Sized>(&mut self, field: &'static FieldDescriptor, value: &V) {
///         let json = value.serialize_redacted(serde_json::value::Serializer).unwrap();
///         self.0.push(format!("{}={json}", field.name));
///     }
/// }
///
/// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
/// let mut pairs = Pairs(Vec::new());
/// request.visit_redacted(&mut pairs);
/// assert_eq!(pairs.0, ["RequestLog", r#"ip="203.0.113.0/24""#, r#"at="1970-01-01T00:00:00Z""#]);
/// ```
pub trait RedactedVisitor {
    /// Called once, before the fields.
    ///
    /// ```
    /// use privacy_core::redact::{Item, RedactedValue, RedactedVisitor};
    /// use privacy_core::{im, Classified, FieldDescriptor};
    ///
    /// #[derive(Classified)]
    /// #[privacy(category = im::AccountIdentifiers)]
    /// enum Account {
    ///     Named { #[privacy(redact = hash)] uin: u64 },
    ///     Tuple(#[privacy(redact = hash)] u64),
    ///     Unit,
    /// }
    ///
    /// struct Names(Vec<String>);
    /// impl RedactedVisitor for Names {
    ///     fn begin(&mut self, item: Item) {
    ///         self.0.push(match item.variant {
    ///             Some((_, variant)) => format!("{}::{variant}", item.type_name),
    ///             None => item.type_name.to_owned(),
    ///         });
    ///     }
    ///     fn field<V: RedactedValue + ?Sized>(&mut self, _: &'static FieldDescriptor, _: &V) {}
    /// }
    ///
    /// let mut names = Names(Vec::new());
    /// Account::Tuple(7).visit_redacted(&mut names);
    /// assert_eq!(names.0, ["Account::Tuple"]);
    /// ```
    fn begin(&mut self, item: Item);
    /// Called for every field that is not skipped, in declaration order.
    ///
    /// ```
    /// use privacy_core::redact::{Item, RedactedValue, RedactedVisitor};
    /// use privacy_core::{im, Classified, FieldDescriptor};
    ///
    /// #[derive(Classified)]
    /// #[privacy(category = im::ConfigurationData)]
    /// struct Callback {
    ///     url: String,
    ///     #[privacy(redact = skip)]
    ///     token: String,
    ///     retries: u8,
    /// }
    ///
    /// struct Names(Vec<&'static str>);
    /// impl RedactedVisitor for Names {
    ///     fn begin(&mut self, _: Item) {}
    ///     fn field<V: RedactedValue + ?Sized>(&mut self, field: &'static FieldDescriptor, _: &V) {
    ///         self.0.push(field.name);
    ///     }
    /// }
    ///
    /// let callback = Callback { url: "https://hooks.example.com/im".into(), token: "t0k3n".into(), retries: 3 };
    /// let mut names = Names(Vec::new());
    /// callback.visit_redacted(&mut names);
    /// assert_eq!(names.0, ["url", "retries"]);
    /// ```
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
pub struct Redacted<'a, T: ?Sized>(pub(crate) &'a T);
