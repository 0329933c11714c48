//! Keys for pseudonyms and subject hashing, refused when weak.
//!
//! Every key the toolkit takes to pseudonymise a value or to hash a data subject's id goes
//! through [`PseudonymKey::new`], which refuses keys shorter than 16 bytes (128 bits) with
//! [`WeakKey`], so a weak key is refused the same way wherever it is given.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use zeroize::Zeroize;

/// A key shorter than [`PseudonymKey::MIN_LEN`] bytes.
///
/// ```
/// use privacy_core::{PseudonymKey, WeakKey};
/// let error = PseudonymKey::new(b"too short").unwrap_err();
/// assert_eq!(error, WeakKey { len: 9 });
/// assert_eq!(error.to_string(), "a pseudonym or subject-hashing key must be at least 16 bytes (128 bits) long; this one has 9");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeakKey {
    /// The refused key's length in bytes (never its content).
    pub len: usize,
}

impl core::fmt::Display for WeakKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "a pseudonym or subject-hashing key must be at least {} bytes ({} bits) long; this one has {}",
            PseudonymKey::MIN_LEN,
            PseudonymKey::MIN_LEN * 8,
            self.len
        )
    }
}

impl std::error::Error for WeakKey {}

/// A checked key of at least 16 bytes: keyed pseudonyms (the `hash` strategy) and keyed hashes
/// of data subjects' ids are computed under it.
///
/// The key's bytes are not kept: on creation they are absorbed into HMAC-SHA-256's inner and
/// outer states, so each pseudonym or subject hash costs two compressions, not four. `Debug`
/// never shows the key.
///
/// ```
/// use privacy_core::PseudonymKey;
/// let key = PseudonymKey::new(b"a key of at least sixteen bytes").unwrap();
/// let token = key.pseudonym(b"user_1400187352");
/// assert_eq!(token.as_str().len(), 26);
/// assert_eq!(token, key.pseudonym(b"user_1400187352"));
/// assert_ne!(token, key.pseudonym(b"user_1400190021"));
/// assert_eq!(format!("{key:?}"), "PseudonymKey([key])");
/// ```
#[derive(Clone)]
pub struct PseudonymKey {
    /// HMAC-SHA-256 with the given key absorbed (inner and outer states).
    hmac: Hmac<Sha256>,
}

impl PseudonymKey {
    /// The shortest key accepted, in bytes (128 bits).
    ///
    /// ```
    /// use privacy_core::PseudonymKey;
    /// assert!(PseudonymKey::new(&[7; PseudonymKey::MIN_LEN]).is_ok());
    /// assert!(PseudonymKey::new(&[7; PseudonymKey::MIN_LEN - 1]).is_err());
    /// ```
    pub const MIN_LEN: usize = 16;

    /// Checks `bytes` and derives the keyed states from them.
    ///
    /// # Errors
    /// [`WeakKey`] when `bytes` is shorter than [`MIN_LEN`](Self::MIN_LEN).
    ///
    /// # Examples
    ///
    /// ```
    /// use privacy_core::PseudonymKey;
    /// assert!(PseudonymKey::new(b"").is_err());
    /// assert!(PseudonymKey::new(b"exactly16bytes!!").is_ok());
    /// ```
    pub fn new(bytes: &[u8]) -> Result<Self, WeakKey> {
        if bytes.len() < Self::MIN_LEN {
            return Err(WeakKey { len: bytes.len() });
        }
        Ok(PseudonymKey {
            hmac: <Hmac<Sha256> as KeyInit>::new_from_slice(bytes)
                .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length")),
        })
    }

    /// A key of 32 random bytes from the operating system.
    ///
    /// ```
    /// use privacy_core::PseudonymKey;
    /// let (a, b) = (PseudonymKey::random(), PseudonymKey::random());
    /// assert_ne!(a.pseudonym(b"user-7"), b.pseudonym(b"user-7"));
    /// ```
    ///
    /// # Panics
    /// When the operating system's random source is unavailable.
    #[must_use]
    pub fn random() -> Self {
        let mut bytes = [0_u8; 32];
        getrandom::fill(&mut bytes).expect("the operating system's random source is unavailable");
        let key = Self::new(&bytes).unwrap_or_else(|_| unreachable!("32 bytes are enough"));
        bytes.zeroize();
        key
    }

    /// The pseudonym of `input`: `h:` and the first 96 bits of its HMAC-SHA-256 under the key,
    /// in hex.
    ///
    /// ```
    /// use hmac::{Hmac, KeyInit, Mac};
    /// use privacy_core::PseudonymKey;
    /// let key = PseudonymKey::new(b"0123456789abcdef").unwrap();
    /// let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(b"0123456789abcdef").unwrap();
    /// mac.update(b"user-7");
    /// let hex: String = mac.finalize().into_bytes()[..12].iter().map(|byte| format!("{byte:02x}")).collect();
    /// assert_eq!(key.pseudonym(b"user-7").as_str(), format!("h:{hex}"));
    /// ```
    #[must_use]
    pub fn pseudonym(&self, input: &[u8]) -> Pseudonym {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let digest = self.hmac_sha256(input);
        let mut out = [0_u8; 26];
        out[0] = b'h';
        out[1] = b':';
        for (index, byte) in digest[..12].iter().enumerate() {
            out[2 + 2 * index] = HEX[usize::from(byte >> 4)];
            out[3 + 2 * index] = HEX[usize::from(byte & 0x0f)];
        }
        Pseudonym(out)
    }

    /// HMAC-SHA-256 of `input` under the key, with the key's blocks hashed once (at
    /// [`new`](Self::new)), not once per input: what stores hash data subjects' ids with.
    ///
    /// ```
    /// use hmac::{Hmac, KeyInit, Mac};
    /// use privacy_core::PseudonymKey;
    /// let key = PseudonymKey::new(b"subject-hashing-key").unwrap();
    /// let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(b"subject-hashing-key").unwrap();
    /// mac.update(b"user-7");
    /// assert_eq!(key.hmac_sha256(b"user-7"), <[u8; 32]>::from(mac.finalize().into_bytes()));
    /// ```
    #[must_use]
    pub fn hmac_sha256(&self, input: &[u8]) -> [u8; 32] {
        let mut mac = self.hmac.clone();
        mac.update(input);
        mac.finalize().into_bytes().into()
    }
}

impl core::fmt::Debug for PseudonymKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("PseudonymKey([key])")
    }
}

/// A pseudonym's text, `h:` and 24 hex digits, held without allocating.
///
/// ```
/// use privacy_core::PseudonymKey;
/// let token = PseudonymKey::new(b"a key of at least sixteen bytes").unwrap().pseudonym(b"u1");
/// assert!(token.as_str().starts_with("h:"));
/// assert_eq!(token.to_string(), token.as_str());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Pseudonym([u8; 26]);

impl Pseudonym {
    /// Placeholder of an empty cache slot.
    pub(crate) const EMPTY: Pseudonym = Pseudonym(*b"h:000000000000000000000000");

    /// The pseudonym's text.
    ///
    /// ```
    /// use privacy_core::PseudonymKey;
    /// let token = PseudonymKey::new(b"a key of at least sixteen bytes").unwrap().pseudonym(b"u1");
    /// assert!(token.as_str()[2..].bytes().all(|byte| byte.is_ascii_hexdigit()));
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Only ASCII is ever written into the buffer.
        core::str::from_utf8(&self.0).unwrap_or("h:")
    }
}

impl core::fmt::Display for Pseudonym {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}
