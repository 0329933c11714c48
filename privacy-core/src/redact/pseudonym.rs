//! The key behind the `hash` strategy's pseudonyms.
//!
//! The key comes from the running process, never from the binary: either the operator sets it
//! (so that pseudonyms join across processes and restarts) or each process draws a random one on
//! first use.

use crate::{Pseudonym, PseudonymKey, WeakKey};
use std::sync::OnceLock;

static KEY: OnceLock<PseudonymKey> = OnceLock::new();

/// Error returned when the pseudonym key is set too late or too weak.
///
/// ```
/// use privacy_core::redact::{PseudonymKeyError, set_pseudonym_key};
/// use privacy_core::{PseudonymKey, WeakKey};
/// let error = set_pseudonym_key(b"too short").unwrap_err();
/// assert_eq!(error, PseudonymKeyError::Weak(WeakKey { len: 9 }));
/// // Refused as every weak key is, with the same message.
/// assert_eq!(error.to_string(), PseudonymKey::new(b"too short").unwrap_err().to_string());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PseudonymKeyError {
    /// A key is already in use (set before, or drawn at random by a first pseudonym).
    AlreadySet,
    /// The key is shorter than [`PseudonymKey::MIN_LEN`] bytes.
    Weak(WeakKey),
}

impl From<WeakKey> for PseudonymKeyError {
    fn from(weak: WeakKey) -> Self {
        PseudonymKeyError::Weak(weak)
    }
}

impl core::fmt::Display for PseudonymKeyError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            PseudonymKeyError::AlreadySet => {
                f.write_str("the pseudonym key is already in use; set it once, before the first value is redacted")
            }
            PseudonymKeyError::Weak(weak) => weak.fmt(f),
        }
    }
}

impl std::error::Error for PseudonymKeyError {}

/// Sets the process's pseudonym key, used by every `redact = hash` field from then on.
///
/// Call it once at startup, before anything is redacted, with a key from your secret store.
/// The key is checked by [`PseudonymKey::new`].
///
/// # Errors
/// [`PseudonymKeyError::AlreadySet`] when a key is already in use, [`PseudonymKeyError::Weak`]
/// for keys under 16 bytes.
///
/// # Examples
///
/// ```
/// use privacy_core::redact::set_pseudonym_key;
/// set_pseudonym_key(b"a key of at least sixteen bytes").unwrap();
/// assert!(set_pseudonym_key(b"a key of at least sixteen bytes").is_err());
/// ```
pub fn set_pseudonym_key(key: &[u8]) -> Result<(), PseudonymKeyError> {
    let key = PseudonymKey::new(key)?;
    KEY.set(key).map_err(|_| PseudonymKeyError::AlreadySet)
}

/// The process's key: the one set, or a random one drawn on first use.
fn key() -> &'static PseudonymKey {
    KEY.get_or_init(PseudonymKey::random)
}

/// The pseudonym of `input` under the process's key.
pub(crate) fn token(input: &[u8]) -> Pseudonym {
    key().pseudonym(input)
}
