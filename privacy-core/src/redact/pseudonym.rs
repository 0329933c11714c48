//! The key behind the `hash` strategy's pseudonyms.
//!
//! The key comes from the running process, never from the binary: either the operator sets it
//! (so that pseudonyms join across processes and restarts) or each process draws a random one on
//! first use.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::sync::OnceLock;

static KEY: OnceLock<Vec<u8>> = OnceLock::new();

/// Error returned when the pseudonym key is set too late or too weak.
///
/// ```
/// use privacy_core::redact::{PseudonymKeyError, set_pseudonym_key};
/// let error = set_pseudonym_key(b"too short").unwrap_err();
/// assert_eq!(error, PseudonymKeyError::TooShort);
/// assert_eq!(error.to_string(), "the pseudonym key must be at least 16 bytes long");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PseudonymKeyError {
    /// A key is already in use (set before, or drawn at random by a first pseudonym).
    AlreadySet,
    /// The key is shorter than 16 bytes.
    TooShort,
}

impl core::fmt::Display for PseudonymKeyError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            PseudonymKeyError::AlreadySet => {
                f.write_str("the pseudonym key is already in use; set it once, before the first value is redacted")
            }
            PseudonymKeyError::TooShort => f.write_str("the pseudonym key must be at least 16 bytes long"),
        }
    }
}

impl std::error::Error for PseudonymKeyError {}

/// Sets the process's pseudonym key, used by every `redact = hash` field from then on.
///
/// Call it once at startup, before anything is redacted, with a key from your secret store.
///
/// # Errors
/// [`PseudonymKeyError::AlreadySet`] when a key is already in use, [`PseudonymKeyError::TooShort`]
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
    if key.len() < 16 {
        return Err(PseudonymKeyError::TooShort);
    }
    KEY.set(key.to_vec())
        .map_err(|_| PseudonymKeyError::AlreadySet)
}

fn key() -> &'static [u8] {
    KEY.get_or_init(|| {
        let mut random = vec![0_u8; 32];
        getrandom::fill(&mut random).expect("the operating system's random source is unavailable");
        random
    })
}

/// The HMAC state after the key is absorbed: cloned for every token, so that the key's two
/// blocks are hashed once per process, not once per value.
fn keyed() -> &'static Hmac<Sha256> {
    static KEYED: OnceLock<Hmac<Sha256>> = OnceLock::new();
    KEYED.get_or_init(|| {
        <Hmac<Sha256> as KeyInit>::new_from_slice(key()).expect("HMAC accepts keys of any length")
    })
}

/// A pseudonym's text, `h:` and 24 hex digits, held without allocating.
#[derive(Clone, Copy)]
pub(crate) struct Token([u8; 26]);

impl Token {
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII is ever written into the buffer.
        core::str::from_utf8(&self.0).unwrap_or("h:")
    }
}

fn token_from(mac: Hmac<Sha256>) -> Token {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = mac.finalize().into_bytes();
    let mut out = [0_u8; 26];
    out[0] = b'h';
    out[1] = b':';
    for (index, byte) in digest[..12].iter().enumerate() {
        out[2 + 2 * index] = HEX[usize::from(byte >> 4)];
        out[3 + 2 * index] = HEX[usize::from(byte & 0x0f)];
    }
    Token(out)
}

/// The pseudonym of `input` under the process's key.
pub(crate) fn token(input: &[u8]) -> Token {
    let mut mac = keyed().clone();
    mac.update(input);
    token_from(mac)
}
