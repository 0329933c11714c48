//! Redaction strategies, chosen per field with `#[privacy(redact = <strategy>)]`.
//!
//! A strategy is a marker type; a field type supports it when it implements [`Redact`] for it.
//! Text types (`str`, `String`, `Cow<str>`) support every strategy, IP address types support
//! [`Ip`], and `Option`, `Vec`, slices, boxes, references and maps support whatever their
//! elements support (map keys are masked, values redacted). A strategy on a type that does not
//! support it is a compile error at the strategy's name.
//!
//! This module is the vocabulary: the masks, the strategies' marker types and the [`Redact`]
//! trait. Which types each strategy takes, and how it writes them, is in `redact/strategies/`,
//! one file per strategy.

use core::fmt;

pub use super::value::{Masked, Plain, WithStrategy};

/// The text every fully masked value shows; it does not depend on the value, not even its length.
///
/// ```
/// use privacy_core::redact::strategy::MASK;
/// use privacy_core::{im, Classified};
/// #[derive(Classified)]
/// #[privacy(category = im::ChatMessageRecord)]
/// struct ChatMessage { #[privacy(subject, redact)] sender: String, #[privacy(redact)] text: String, #[privacy(collected_at)] sent: chrono::DateTime<chrono::Utc> }
/// let short = ChatMessage { sender: "u1".into(), text: "hi".into(), sent: chrono::DateTime::UNIX_EPOCH };
/// let long = ChatMessage { sender: "u1".into(), text: "a much longer message".into(), sent: chrono::DateTime::UNIX_EPOCH };
/// assert_eq!(format!("{short:?}"), format!("{long:?}"));
/// assert!(format!("{long:?}").contains(MASK));
/// ```
pub const MASK: &str = "[redacted]";
/// The text every secret shows.
///
/// ```
/// use privacy_core::redact::strategy::SECRET_MASK;
/// assert_eq!(format!("{:?}", privacy_core::Secret::new(String::from("app-key"))), SECRET_MASK);
/// ```
pub const SECRET_MASK: &str = "[secret]";

/// IPv4 addresses truncated to /24, IPv6 to /48; an IPv6 address that carries an IPv4 address
/// (IPv4-mapped, -translated or -compatible, NAT64 `64:ff9b::/96`, 6to4, Teredo, ISATAP) shows
/// that IPv4 address's /24; text that is no address is masked.
///
/// ```
/// use privacy_core::{im, Classified};
///
/// #[derive(Classified)]
/// #[privacy(category = im::LogData)]
/// struct Connection {
///     #[privacy(redact = ip)]
///     v4: std::net::IpAddr,
///     #[privacy(redact = ip)]
///     v6: std::net::Ipv6Addr,
///     #[privacy(redact = ip)]
///     forwarded_for: String,
///     #[privacy(collected_at)]
///     at: chrono::DateTime<chrono::Utc>,
/// }
///
/// let connection = Connection {
///     v4: [203, 0, 113, 77].into(),
///     v6: "2001:db8:1:2::1".parse().unwrap(),
///     forwarded_for: "unknown".into(),
///     at: chrono::DateTime::UNIX_EPOCH,
/// };
/// let line = connection.redacted().to_string();
/// assert!(line.contains(r#"v4="203.0.113.0/24" v6="2001:db8:1::/48" forwarded_for=[redacted]"#));
/// let six_to_four = Connection { v6: "2002:cb00:714d:1::1".parse().unwrap(), ..connection };
/// assert!(six_to_four.redacted().to_string().contains(r#"v6="203.0.113.0/24""#));
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Ip;
/// Only the domain of an e-mail address is kept, and only a well-formed one: `***@example.com`;
/// an address whose domain is not a DNS name of two labels or more (`x@Alice-4242`,
/// `ann@example.com?token=abc`, an address literal) is masked whole.
///
/// ```
/// use privacy_core::{im, Classified};
///
/// #[derive(Classified)]
/// #[privacy(category = im::ConfigurationData)]
/// struct Administrator {
///     #[privacy(redact = email)]
///     email: String,
///     #[privacy(redact = email)]
///     backup: Option<String>,
/// }
///
/// let admin = Administrator { email: "ann.lee@example.com".into(), backup: Some("not an address".into()) };
/// assert_eq!(
///     admin.redacted().to_string(),
///     r#"Administrator email="***@example.com" backup=Some([redacted])"#
/// );
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Email;
/// Only the last `keep_last` characters are kept, behind a fixed prefix. Text of at most twice
/// `keep_last` characters is masked whole, so that at least half of any value stays hidden.
///
/// ```
/// use privacy_core::{im, Classified};
///
/// #[derive(Classified)]
/// #[privacy(category = im::ConfigurationData)]
/// struct CallbackSettings {
///     #[privacy(redact = partial(keep_last = 4))]
///     phone: String,
///     #[privacy(redact = partial(keep_last = 4))]
///     extension: String,
/// }
///
/// let settings = CallbackSettings { phone: "+49 170 1234567".into(), extension: "123".into() };
/// assert_eq!(
///     settings.redacted().to_string(),
///     r#"CallbackSettings phone="***4567" extension=[redacted]"#
/// );
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Partial {
    /// How many trailing characters remain visible.
    pub keep_last: u8,
}
/// Only the length, in characters, is shown.
///
/// ```
/// use privacy_core::{im, Classified};
///
/// #[derive(Classified)]
/// #[privacy(category = im::ChatMessageRecord)]
/// struct ChatMessage {
///     #[privacy(subject, redact = hash)]
///     sender: String,
///     #[privacy(redact = len)]
///     text: String,
///     #[privacy(collected_at)]
///     sent: chrono::DateTime<chrono::Utc>,
/// }
///
/// let message = ChatMessage { sender: "u1".into(), text: "héllo".into(), sent: chrono::Utc::now() };
/// assert!(message.redacted().to_string().contains(" text=<5 chars> "));
/// assert_eq!(serde_json::to_value(message.redacted()).unwrap()["text"], 5);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Len;
/// A keyed pseudonym (HMAC-SHA-256 under the process's key, see [`set_pseudonym_key`](super::set_pseudonym_key)).
/// Integers are hashed as their decimal text, so an id gets the same token whether a type holds
/// it as a number or as text, and records can still be joined on it.
///
/// ```
/// use privacy_core::{im, Classified};
///
/// #[derive(Classified)]
/// #[privacy(category = im::AccountIdentifiers)]
/// struct Login {
///     #[privacy(redact = hash)]
///     uin: String,
/// }
///
/// let pseudonym = |uin: &str| {
///     let json = serde_json::to_value(Login { uin: uin.into() }.redacted()).unwrap();
///     json["uin"].as_str().unwrap().to_owned()
/// };
/// let token = pseudonym("10001");
/// assert!(token.starts_with("h:") && token.len() == 26);
/// assert_eq!(token, pseudonym("10001"));
/// assert_ne!(token, pseudonym("10002"));
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Hash;

/// A field type that strategy `S` can redact.
///
/// ```
/// use privacy_core::redact::{Email, Redact};
/// use privacy_core::{im, Classified};
/// use std::fmt;
///
/// struct EmailAddress(String);
/// impl Redact<Email> for EmailAddress {
///     fn fmt_redacted(&self, strategy: &Email, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///         self.0.fmt_redacted(strategy, f)
///     }
///     fn serialize_redacted<S: serde::Serializer>(
///         &self,
///         strategy: &Email,
///         serializer: S,
///     ) -> Result<S::Ok, S::Error> {
///         self.0.serialize_redacted(strategy, serializer)
///     }
/// }
///
/// #[derive(Classified)]
/// #[privacy(category = im::ConfigurationData)]
/// struct Administrator {
///     #[privacy(redact = email)]
///     email: EmailAddress,
/// }
///
/// let admin = Administrator { email: EmailAddress("ann@example.com".into()) };
/// assert_eq!(admin.redacted().to_string(), r#"Administrator email="***@example.com""#);
/// ```
#[diagnostic::on_unimplemented(
    message = "a field of type `{Self}` cannot be redacted with strategy `{S}`",
    label = "`{S}` does not apply to `{Self}`",
    note = "`ip` takes IP addresses, socket addresses or text; `email`, `partial`, `len` and `hash` take text (and `hash` integers); `Option`, `Vec`, slices and maps of those work too",
    note = "a bare `redact` masks any type; a type of your own can implement `privacy_core::redact::Redact<{S}>`, a type from another crate needs a newtype of your own that does"
)]
pub trait Redact<S> {
    /// Writes the redacted value.
    ///
    /// # Errors
    /// When the formatter fails.
    ///
    /// ```
    /// use privacy_core::redact::{Email, Redact};
    /// use std::fmt;
    ///
    /// struct Shown<'a>(&'a str);
    /// impl fmt::Display for Shown<'_> {
    ///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    ///         self.0.fmt_redacted(&Email, f)
    ///     }
    /// }
    ///
    /// assert_eq!(Shown("ann@example.com").to_string(), r#""***@example.com""#);
    /// assert_eq!(Shown("no address").to_string(), "[redacted]");
    /// ```
    fn fmt_redacted(&self, strategy: &S, f: &mut fmt::Formatter<'_>) -> fmt::Result;

    /// Serializes the redacted value.
    ///
    /// # Errors
    /// When the serializer fails.
    ///
    /// ```
    /// use privacy_core::redact::{Ip, Len, Redact};
    /// use serde_json::value::Serializer;
    ///
    /// let network = "198.51.100.23:443".serialize_redacted(&Ip, Serializer).unwrap();
    /// assert_eq!(network, "198.51.100.0/24");
    ///
    /// let texts = vec!["héllo".to_string(), "ok".to_string()];
    /// let lengths = texts.serialize_redacted(&Len, Serializer).unwrap();
    /// assert_eq!(lengths, serde_json::json!([5, 2]));
    /// ```
    #[cfg(feature = "serde")]
    fn serialize_redacted<Ser: serde::Serializer>(
        &self,
        strategy: &S,
        serializer: Ser,
    ) -> Result<Ser::Ok, Ser::Error>;
}
