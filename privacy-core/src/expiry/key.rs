//! Keys built from parts without separator collisions.
//!
//! Joining a tenant and an id with a separator character makes tenant `acme` with id `x\u{1f}y`
//! and tenant `acme\u{1f}x` with id `y` the same key, whatever the separator: reads, exports
//! and erasures then cross tenants. A [`Key`] writes each part as its length in bytes, a colon
//! and the part itself, so the parts can always be read back and different parts never make the
//! same key, whatever characters they hold.

use crate::TypeDescriptor;
use core::fmt;

/// A key made of parts, each written as `<length in bytes>:<part>` (a prefix-free code: two
/// different lists of parts never give the same key).
///
/// `Debug` shows the number of parts and the length only: parts often hold a tenant's or a data
/// subject's identifier.
///
/// ```
/// use privacy_core::expiry::Key;
/// let one = Key::new(["chat", "acme", "x\u{1f}y"]);
/// let other = Key::new(["chat", "acme\u{1f}x", "y"]);
/// assert_ne!(one, other);
/// assert_eq!(Key::new(["acme", "x"]).as_str(), "4:acme1:x");
/// assert_eq!(one.parts().collect::<Vec<_>>(), ["chat", "acme", "x\u{1f}y"]);
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key(String);

impl Key {
    /// The key of `parts`, in order.
    ///
    /// ```
    /// use privacy_core::expiry::Key;
    /// assert_eq!(Key::new(["", ":"]).as_str(), "0:1::");
    /// assert_ne!(Key::new(["ab", "c"]), Key::new(["a", "bc"]));
    /// ```
    #[must_use]
    pub fn new<'a>(parts: impl IntoIterator<Item = &'a str>) -> Key {
        let mut key = String::new();
        for part in parts {
            key.push_str(&part.len().to_string());
            key.push(':');
            key.push_str(part);
        }
        Key(key)
    }

    /// The key of one record: the service's `namespace`, the type's name, the tenant (the
    /// customer application) and the record's id.
    ///
    /// ```
    /// use privacy_core::expiry::Key;
    /// use privacy_core::{im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::LogData)]
    /// struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// let key = Key::record("svc", RequestLog::DESCRIPTOR, "acme", "42");
    /// assert_eq!(key.as_str(), "3:svc10:RequestLog4:acme2:42");
    /// ```
    #[must_use]
    pub fn record(namespace: &str, descriptor: &TypeDescriptor, tenant: &str, id: &str) -> Key {
        Key::new([namespace, descriptor.name, tenant, id])
    }

    /// The key as stored.
    ///
    /// ```
    /// assert_eq!(privacy_core::expiry::Key::new(["a"]).as_str(), "1:a");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether every part of `prefix` is, in order, a leading part of this key.
    ///
    /// ```
    /// use privacy_core::expiry::Key;
    /// let key = Key::new(["svc", "acme", "1"]);
    /// assert!(key.starts_with(&Key::new(["svc", "acme"])));
    /// assert!(!key.starts_with(&Key::new(["svc", "ac"])));
    /// ```
    #[must_use]
    pub fn starts_with(&self, prefix: &Key) -> bool {
        // Parts are self-delimiting, so a textual prefix that is a whole key ends on a part
        // boundary.
        self.0.starts_with(&prefix.0)
    }

    /// The parts, read back.
    ///
    /// ```
    /// use privacy_core::expiry::Key;
    /// let key = Key::new(["7:x", "", "é"]);
    /// assert_eq!(key.parts().collect::<Vec<_>>(), ["7:x", "", "é"]);
    /// ```
    pub fn parts(&self) -> impl Iterator<Item = &str> + '_ {
        let mut rest = self.0.as_str();
        core::iter::from_fn(move || {
            let (length, tail) = rest.split_once(':')?;
            let length: usize = length.parse().ok()?;
            let part = tail.get(..length)?;
            rest = tail.get(length..)?;
            Some(part)
        })
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Key")
            .field("parts", &self.parts().count())
            .field("bytes", &self.0.len())
            .finish()
    }
}

impl AsRef<str> for Key {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::Key;

    #[test]
    fn different_parts_never_make_the_same_key() {
        let parts: [&[&str]; 9] = [
            &["acme", "x\u{1f}y"],
            &["acme\u{1f}x", "y"],
            &["acme:", "x"],
            &["acme", ":x"],
            &["1:a", ""],
            &["", "1:a"],
            &["1:a"],
            &["a"],
            &[],
        ];
        for (i, a) in parts.iter().enumerate() {
            for (j, b) in parts.iter().enumerate() {
                let (ka, kb) = (Key::new(a.iter().copied()), Key::new(b.iter().copied()));
                assert_eq!(i == j, ka == kb, "{a:?} / {b:?}");
                assert_eq!(ka.parts().collect::<Vec<_>>(), *a);
            }
        }
    }

    #[test]
    fn debug_shows_no_part() {
        let key = Key::new(["acme", "user-42"]);
        let shown = format!("{key:?}");
        assert!(!shown.contains("acme") && !shown.contains("42"), "{shown}");
    }
}
