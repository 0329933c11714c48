//! Redaction strategies, chosen per field with `#[privacy(redact = <strategy>)]`.
//!
//! A strategy is a marker type; a field type supports it when it implements [`Redact`] for it.
//! Text types (`str`, `String`, `Cow<str>`) support every strategy, IP address types support
//! [`Ip`], and `Option`, `Vec`, slices, boxes, references and maps support whatever their
//! elements support (map keys are masked, values redacted). A strategy on a type that does not
//! support it is a compile error at the strategy's name.

use super::RedactedValue;
use core::fmt;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

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

/// Implements `Redact<S>` for a leaf type from an expression that turns it into text, which is
/// shown quoted and serialized as a string.
macro_rules! text_leaf {
    ($strategy:ty, $leaf:ty, |$value:ident, $s:ident| $to_text:expr) => {
        impl Redact<$strategy> for $leaf {
            fn fmt_redacted(
                &self,
                strategy: &$strategy,
                f: &mut fmt::Formatter<'_>,
            ) -> fmt::Result {
                let ($value, $s) = (self, strategy);
                let text: Cow<'_, str> = $to_text;
                // A value the strategy could not read is masked, and shows like the full mask.
                if text == MASK {
                    f.write_str(MASK)
                } else {
                    fmt::Debug::fmt(&*text, f)
                }
            }

            #[cfg(feature = "serde")]
            fn serialize_redacted<Ser: serde::Serializer>(
                &self,
                strategy: &$strategy,
                serializer: Ser,
            ) -> Result<Ser::Ok, Ser::Error> {
                let ($value, $s) = (self, strategy);
                let text: Cow<'_, str> = $to_text;
                serializer.serialize_str(&text)
            }
        }
    };
}

/// The network an address is truncated to, written on the stack: IPv4 /24; IPv6 /48, except that
/// an IPv6 address carrying an IPv4 address (see [`carried_ipv4`]) shows that IPv4 address's /24.
fn network(address: IpAddr) -> StackText {
    let v4 = match address {
        IpAddr::V4(v4) => v4,
        IpAddr::V6(v6) => match carried_ipv4(v6) {
            Some(v4) => v4,
            None => {
                let s = v6.segments();
                let network = Ipv6Addr::new(s[0], s[1], s[2], 0, 0, 0, 0, 0);
                return StackText::of(format_args!("{network}/48"));
            }
        },
    };
    let [a, b, c, _] = v4.octets();
    StackText::of(format_args!("{a}.{b}.{c}.0/24"))
}

/// The IPv4 address an IPv6 address carries, in each standard form that embeds one:
/// IPv4-mapped `::ffff:0:0/96`, IPv4-translated `::ffff:0:0:0/96`, IPv4-compatible `::/96`
/// (but `::` and `::1`), NAT64 `64:ff9b::/96`, 6to4 `2002::/16`, Teredo `2001::/32` (the
/// client's address, stored inverted) and ISATAP interface ids (`::0:5efe:0:0/96` and
/// `::200:5efe:0:0/96` in any /64). A /48 shows none of the IPv4 bits of the other forms:
/// the local-use NAT64 prefix `64:ff9b:1::/48` embeds after its own 48 bits.
fn carried_ipv4(v6: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = v6.segments();
    let v4 = |high: u16, low: u16| Ipv4Addr::from((u32::from(high) << 16) | u32::from(low));
    match s {
        [0, 0, 0, 0, 0, 0xffff, high, low]
        | [0, 0, 0, 0, 0xffff, 0, high, low]
        | [0x64, 0xff9b, 0, 0, 0, 0, high, low] => Some(v4(high, low)),
        [0, 0, 0, 0, 0, 0, high, low] if (high, low) != (0, 0) && (high, low) != (0, 1) => {
            Some(v4(high, low))
        }
        [0x2002, high, low, ..] => Some(v4(high, low)),
        [0x2001, 0, _, _, _, _, high, low] => Some(v4(!high, !low)),
        [_, _, _, _, 0 | 0x0200, 0x5efe, high, low] => Some(v4(high, low)),
        _ => None,
    }
}

fn ip_text(text: &str) -> Cow<'static, str> {
    let trimmed = text.trim();
    let address = trimmed
        .parse::<IpAddr>()
        .or_else(|_| trimmed.parse::<SocketAddr>().map(|socket| socket.ip()));
    match address {
        Ok(address) => Cow::Owned(network(address).as_str().to_owned()),
        Err(_) => Cow::Borrowed(MASK),
    }
}

/// Implements `Redact<Ip>` for an address type from an expression that gives its `IpAddr`.
macro_rules! ip_leaf {
    ($leaf:ty, |$value:ident| $address:expr) => {
        impl Redact<Ip> for $leaf {
            fn fmt_redacted(&self, _: &Ip, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let $value = self;
                f.write_str("\"")?;
                f.write_str(network($address).as_str())?;
                f.write_str("\"")
            }

            #[cfg(feature = "serde")]
            fn serialize_redacted<Ser: serde::Serializer>(
                &self,
                _: &Ip,
                serializer: Ser,
            ) -> Result<Ser::Ok, Ser::Error> {
                let $value = self;
                serializer.serialize_str(network($address).as_str())
            }
        }
    };
}

ip_leaf!(IpAddr, |value| *value);
ip_leaf!(Ipv4Addr, |value| IpAddr::V4(*value));
ip_leaf!(Ipv6Addr, |value| IpAddr::V6(*value));
ip_leaf!(SocketAddr, |value| value.ip());
text_leaf!(Ip, str, |value, _s| ip_text(value));

fn email_text(text: &str) -> Cow<'static, str> {
    match text.rsplit_once('@') {
        Some((local, domain)) if !local.is_empty() && is_domain(domain) => {
            Cow::Owned(format!("***@{domain}"))
        }
        _ => Cow::Borrowed(MASK),
    }
}

/// A well-formed DNS domain of at least two labels: letters, digits and inner hyphens, labels of
/// 1 to 63 characters, 253 in all, a top-level label that is not all digits. Anything else after
/// the `@` (a bare host, an address literal, a query string, trailing text) is not kept.
fn is_domain(domain: &str) -> bool {
    let label_ok = |label: &str| {
        (1..=63).contains(&label.len())
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    let mut labels = domain.split('.');
    let top = domain.rsplit('.').next().unwrap_or_default();
    domain.len() <= 253
        && domain.contains('.')
        && labels.all(label_ok)
        && !top.bytes().all(|b| b.is_ascii_digit())
}
text_leaf!(Email, str, |value, _s| email_text(value));

fn partial_text(text: &str, keep_last: u8) -> Cow<'static, str> {
    let keep = usize::from(keep_last);
    let count = text.chars().count();
    if keep == 0 || count <= keep.saturating_mul(2) {
        return Cow::Borrowed(MASK);
    }
    let tail: String = text.chars().skip(count - keep).collect();
    Cow::Owned(format!("***{tail}"))
}
text_leaf!(Partial, str, |value, s| partial_text(value, s.keep_last));

impl Redact<Len> for str {
    fn fmt_redacted(&self, _: &Len, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} chars>", self.chars().count())
    }

    #[cfg(feature = "serde")]
    fn serialize_redacted<Ser: serde::Serializer>(
        &self,
        _: &Len,
        serializer: Ser,
    ) -> Result<Ser::Ok, Ser::Error> {
        serializer.serialize_u64(self.chars().count() as u64)
    }
}

/// Implements `Redact<Hash>` for a leaf from an expression that gives the bytes to pseudonymise.
macro_rules! hash_leaf {
    ($leaf:ty, |$value:ident| $bytes:expr) => {
        impl Redact<Hash> for $leaf {
            fn fmt_redacted(&self, _: &Hash, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let $value = self;
                let token = super::pseudonym::token($bytes);
                f.write_str("\"")?;
                f.write_str(token.as_str())?;
                f.write_str("\"")
            }

            #[cfg(feature = "serde")]
            fn serialize_redacted<Ser: serde::Serializer>(
                &self,
                _: &Hash,
                serializer: Ser,
            ) -> Result<Ser::Ok, Ser::Error> {
                let $value = self;
                serializer.serialize_str(super::pseudonym::token($bytes).as_str())
            }
        }
    };
}

hash_leaf!(str, |value| value.as_bytes());

/// Short text written on the stack (an integer's digits, an address's network), so that the
/// hot output paths do not allocate.
struct StackText {
    bytes: [u8; 64],
    len: usize,
}

impl StackText {
    fn of(value: impl fmt::Display) -> Self {
        use fmt::Write as _;
        let mut text = StackText {
            bytes: [0; 64],
            len: 0,
        };
        // 64 bytes hold every integer and every network this module writes.
        let _ = write!(text, "{value}");
        text
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    fn as_str(&self) -> &str {
        // Only whole `&str`s are ever copied in, so the bytes are UTF-8.
        core::str::from_utf8(self.as_bytes()).unwrap_or(MASK)
    }
}

impl fmt::Write for StackText {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let end = self.len + text.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

macro_rules! integer_hash_leaves {
    ($($int:ty),*) => {$(
        hash_leaf!($int, |value| StackText::of(value).as_bytes());
    )*};
}
integer_hash_leaves!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

/// Text types forward every strategy to `str`.
macro_rules! forward_to_str {
    ($($text:ty),*) => {$(
        impl<S> Redact<S> for $text where str: Redact<S> {
            fn fmt_redacted(&self, strategy: &S, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                <str as Redact<S>>::fmt_redacted(self, strategy, f)
            }

            #[cfg(feature = "serde")]
            fn serialize_redacted<Ser: serde::Serializer>(&self, strategy: &S, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
                <str as Redact<S>>::serialize_redacted(self, strategy, serializer)
            }
        }
    )*};
}
forward_to_str!(String, Cow<'_, str>);

impl<S, T: Redact<S> + ?Sized> Redact<S> for &T {
    fn fmt_redacted(&self, strategy: &S, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt_redacted(strategy, f)
    }

    #[cfg(feature = "serde")]
    fn serialize_redacted<Ser: serde::Serializer>(
        &self,
        strategy: &S,
        serializer: Ser,
    ) -> Result<Ser::Ok, Ser::Error> {
        (**self).serialize_redacted(strategy, serializer)
    }
}

impl<S, T: Redact<S> + ?Sized> Redact<S> for Box<T> {
    fn fmt_redacted(&self, strategy: &S, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt_redacted(strategy, f)
    }

    #[cfg(feature = "serde")]
    fn serialize_redacted<Ser: serde::Serializer>(
        &self,
        strategy: &S,
        serializer: Ser,
    ) -> Result<Ser::Ok, Ser::Error> {
        (**self).serialize_redacted(strategy, serializer)
    }
}

impl<S, T: Redact<S>> Redact<S> for Option<T> {
    fn fmt_redacted(&self, strategy: &S, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Some(value) => {
                f.write_str("Some(")?;
                value.fmt_redacted(strategy, f)?;
                f.write_str(")")
            }
            None => f.write_str("None"),
        }
    }

    #[cfg(feature = "serde")]
    fn serialize_redacted<Ser: serde::Serializer>(
        &self,
        strategy: &S,
        serializer: Ser,
    ) -> Result<Ser::Ok, Ser::Error> {
        match self {
            Some(value) => value.serialize_redacted(strategy, serializer),
            None => serializer.serialize_none(),
        }
    }
}

/// One element of a collection under the collection's strategy.
struct Element<'a, T: ?Sized, S>(&'a T, &'a S);

impl<T: Redact<S> + ?Sized, S> fmt::Debug for Element<'_, T, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_redacted(self.1, f)
    }
}

#[cfg(feature = "serde")]
impl<T: Redact<S> + ?Sized, S> serde::Serialize for Element<'_, T, S> {
    fn serialize<Ser: serde::Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        self.0.serialize_redacted(self.1, serializer)
    }
}

impl<S, T: Redact<S>> Redact<S> for [T] {
    fn fmt_redacted(&self, strategy: &S, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.iter().map(|item| Element(item, strategy)))
            .finish()
    }

    #[cfg(feature = "serde")]
    fn serialize_redacted<Ser: serde::Serializer>(
        &self,
        strategy: &S,
        serializer: Ser,
    ) -> Result<Ser::Ok, Ser::Error> {
        serializer.collect_seq(self.iter().map(|item| Element(item, strategy)))
    }
}

impl<S, T: Redact<S>> Redact<S> for Vec<T> {
    fn fmt_redacted(&self, strategy: &S, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_slice().fmt_redacted(strategy, f)
    }

    #[cfg(feature = "serde")]
    fn serialize_redacted<Ser: serde::Serializer>(
        &self,
        strategy: &S,
        serializer: Ser,
    ) -> Result<Ser::Ok, Ser::Error> {
        self.as_slice().serialize_redacted(strategy, serializer)
    }
}

/// Maps show their entries in iteration order with every key masked (keys are data too) and
/// every value redacted by the strategy.
macro_rules! redact_map {
    ($($map:ident<$($param:ident),*>),*) => {$(
        impl<S, $($param),*> Redact<S> for $map<$($param),*> where V: Redact<S> {
            fn fmt_redacted(&self, strategy: &S, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_list().entries(self.into_iter().map(|(_, value)| (MaskedKey, Element(value, strategy)))).finish()
            }

            #[cfg(feature = "serde")]
            fn serialize_redacted<Ser: serde::Serializer>(&self, strategy: &S, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
                serializer.collect_seq(self.into_iter().map(|(_, value)| (MaskedKey, Element(value, strategy))))
            }
        }
    )*};
}

/// The mask shown in place of a map key.
struct MaskedKey;

impl fmt::Debug for MaskedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for MaskedKey {
    fn serialize<Ser: serde::Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serializer.serialize_str(MASK)
    }
}

redact_map!(BTreeMap<K, V>, HashMap<K, V, H>);
