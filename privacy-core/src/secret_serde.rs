//! Secrets and serde: a secret is read in freely, and written out only where a field says so.
//!
//! [`Secret`] implements `Deserialize` but not `Serialize`, so no `#[derive(Serialize)]` can
//! write one by accident. A type that must persist a secret (to its own encrypted store, say)
//! names this module on the field, an explicit expose that shows in review:
//!
//! ```
//! use privacy_core::Secret;
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Serialize, Deserialize)]
//! struct PushCertificate {
//!     package: String,
//!     #[serde(with = "privacy_core::secret_serde::exposed")]
//!     app_secret: Secret<String>,
//! }
//!
//! let stored = r#"{"package":"com.example","app_secret":"s3cr3t"}"#;
//! let certificate: PushCertificate = serde_json::from_str(stored).unwrap();
//! assert_eq!(certificate.app_secret.expose(), "s3cr3t");
//! assert_eq!(serde_json::to_string(&certificate).unwrap(), stored);
//! ```

use crate::Secret;
use core::cell::Cell;
use zeroize::Zeroize;

std::thread_local! {
    /// How many redacted views this thread is serializing a shown field of, one inside another.
    static REDACTING: Cell<u32> = const { Cell::new(0) };
}

/// Runs `serialize` as part of a redacted view: an exposed secret inside writes the secret mask.
pub(crate) fn in_redacted_view<R>(serialize: impl FnOnce() -> R) -> R {
    struct Leave;
    impl Drop for Leave {
        fn drop(&mut self) {
            REDACTING.with(|depth| depth.set(depth.get().saturating_sub(1)));
        }
    }
    REDACTING.with(|depth| depth.set(depth.get().saturating_add(1)));
    let _leave = Leave;
    serialize()
}

fn redacting() -> bool {
    REDACTING.with(|depth| depth.get() > 0)
}

/// An error never quotes the value it could not read.
impl<'de, T: Zeroize + serde::Deserialize<'de>> serde::Deserialize<'de> for Secret<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        without_value(deserializer, "a secret").map(Secret::new)
    }
}

/// Reads a `T` whose error, if any, names `what` was not read but never the value: serde's own
/// errors quote what they found ("invalid type: string \"s3cr3t\", expected u64").
pub(crate) fn without_value<'de, T, D>(deserializer: D, what: &str) -> Result<T, D::Error>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    T::deserialize(deserializer).map_err(|_| {
        serde::de::Error::custom(format_args!(
            "{what} could not be read (the value is not shown)"
        ))
    })
}

/// `#[serde(with = "privacy_core::secret_serde::exposed")]`: writes the clear value, except inside
/// a classified type's redacted view, where it writes the secret mask whoever serializes it.
///
/// ```
/// let secret = privacy_core::Secret::new(String::from("k"));
/// let mut out = Vec::new();
/// privacy_core::secret_serde::exposed::serialize(&secret, &mut serde_json::Serializer::new(&mut out)).unwrap();
/// assert_eq!(out, br#""k""#);
/// ```
pub mod exposed {
    use crate::Secret;
    use zeroize::Zeroize;

    /// Writes the secret's clear value; inside a classified type's redacted view (a shown field
    /// of a type that holds the secret), the secret mask instead.
    ///
    /// ```
    /// let secret = privacy_core::Secret::new(7_u64);
    /// assert_eq!(privacy_core::secret_serde::exposed::serialize(&secret, serde_json::value::Serializer).unwrap(), 7);
    /// ```
    ///
    /// # Errors
    /// When the serializer fails.
    pub fn serialize<T, S>(secret: &Secret<T>, serializer: S) -> Result<S::Ok, S::Error>
    where
        T: Zeroize + serde::Serialize,
        S: serde::Serializer,
    {
        if super::redacting() {
            return serializer.serialize_str(crate::redact::SECRET_MASK);
        }
        secret.expose().serialize(serializer)
    }

    /// Reads a secret.
    ///
    /// ```
    /// let mut input = serde_json::Deserializer::from_str(r#""k""#);
    /// let secret: privacy_core::Secret<String> = privacy_core::secret_serde::exposed::deserialize(&mut input).unwrap();
    /// assert_eq!(secret.expose(), "k");
    /// ```
    ///
    /// # Errors
    /// When the deserializer fails.
    pub fn deserialize<'de, T, D>(deserializer: D) -> Result<Secret<T>, D::Error>
    where
        T: Zeroize + serde::Deserialize<'de>,
        D: serde::Deserializer<'de>,
    {
        serde::Deserialize::deserialize(deserializer)
    }
}
