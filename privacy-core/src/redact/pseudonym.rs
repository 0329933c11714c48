//! The key behind the `hash` strategy's pseudonyms.
//!
//! The key comes from the running process, never from the binary: either the operator sets it
//! (so that pseudonyms join across processes and restarts) or each process draws a random one on
//! first use.

use crate::{Pseudonym, PseudonymKey, WeakKey};
use std::cell::RefCell;
use std::sync::OnceLock;
use zeroize::Zeroize;

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

/// The pseudonym of `input` under the process's key: computed once per value and thread while
/// the value recurs (the same sender in every message, one record in a log line and in its
/// JSON), from this thread's recent pseudonyms.
pub(crate) fn token(input: &[u8]) -> Pseudonym {
    thread_local! {
        static RECENT: RefCell<Recent> = const { RefCell::new(Recent::EMPTY) };
    }
    let compute = |input: &[u8]| key().pseudonym(input);
    RECENT
        .try_with(|recent| match recent.try_borrow_mut() {
            Ok(mut recent) => recent.get_or_insert(input, compute),
            Err(_) => compute(input),
        })
        .unwrap_or_else(|_| compute(input))
}

/// The longest input kept among the recent pseudonyms; longer ones are hashed every time.
const RECENT_INPUT: usize = 32;
/// How many recent pseudonyms a thread keeps (direct-mapped: one slot per input hash).
const RECENT_SLOTS: usize = 64;

/// One input and its pseudonym.
#[derive(Clone, Copy)]
struct Slot {
    /// `None` while empty, else the input's length.
    len: Option<u8>,
    input: [u8; RECENT_INPUT],
    token: Pseudonym,
}

/// A thread's recent pseudonyms. A slot is found by a cheap hash of the input and holds the
/// input itself, so a token is served only for the very input it was computed from; a
/// collision replaces the slot. The inputs (ids already in the thread's memory) are zeroized
/// when the thread ends.
struct Recent {
    slots: [Slot; RECENT_SLOTS],
}

impl Recent {
    const EMPTY: Recent = Recent {
        slots: [Slot {
            len: None,
            input: [0; RECENT_INPUT],
            token: Pseudonym::EMPTY,
        }; RECENT_SLOTS],
    };

    fn get_or_insert(
        &mut self,
        input: &[u8],
        compute: impl FnOnce(&[u8]) -> Pseudonym,
    ) -> Pseudonym {
        let Ok(len) = u8::try_from(input.len()) else {
            return compute(input);
        };
        if input.len() > RECENT_INPUT {
            return compute(input);
        }
        let slot = &mut self.slots[slot_of(input)];
        if slot.len == Some(len) && slot.input[..input.len()] == *input {
            return slot.token;
        }
        let token = compute(input);
        slot.input.zeroize();
        slot.input[..input.len()].copy_from_slice(input);
        slot.len = Some(len);
        slot.token = token;
        token
    }
}

impl Drop for Recent {
    fn drop(&mut self) {
        for slot in &mut self.slots {
            slot.input.zeroize();
        }
    }
}

/// The slot of `input`: a multiply-rotate hash of its 8-byte words (not a pseudonym: it only
/// spreads inputs over the slots; the slot compares the whole input).
fn slot_of(input: &[u8]) -> usize {
    let mut hash = input.len() as u64;
    for chunk in input.chunks(8) {
        let mut word = [0_u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    // The top bits are the best mixed.
    (hash >> (64 - RECENT_SLOTS.trailing_zeros())) as usize
}

#[cfg(test)]
mod tests {
    use super::{RECENT_INPUT, Recent};
    use crate::PseudonymKey;

    #[test]
    fn recent_pseudonyms_are_computed_once_and_never_served_for_another_input() {
        let key = PseudonymKey::new(b"a key of at least sixteen bytes").unwrap();
        let mut recent = Recent::EMPTY;
        let computed = core::cell::Cell::new(0);
        let compute = |input: &[u8]| {
            computed.set(computed.get() + 1);
            key.pseudonym(input)
        };
        // Many more inputs than slots, of every cached length and beyond, each asked twice in a
        // row, in two rounds: every answer is the input's own pseudonym, and the repeat of a
        // cached length is never computed again.
        let inputs: Vec<Vec<u8>> = (0..2_000_usize)
            .map(|index| {
                let len = index % (RECENT_INPUT + 8);
                (0..len).map(|at| (index * 31 + at * 7) as u8).collect()
            })
            .collect();
        for round in 0..2 {
            for input in &inputs {
                assert_eq!(
                    recent.get_or_insert(input, compute),
                    key.pseudonym(input),
                    "round {round}: {input:?}"
                );
                let before = computed.get();
                assert_eq!(
                    recent.get_or_insert(input, compute),
                    key.pseudonym(input),
                    "round {round}: {input:?}"
                );
                let again = computed.get() - before;
                assert_eq!(again, usize::from(input.len() > RECENT_INPUT), "{input:?}");
            }
        }
        let mut recent = Recent::EMPTY;
        let mut computed = 0;
        for _ in 0..10 {
            recent.get_or_insert(b"user_1400187352", |input| {
                computed += 1;
                key.pseudonym(input)
            });
        }
        assert_eq!(computed, 1);
        // An input longer than a slot is hashed every time.
        let long = [b'x'; RECENT_INPUT + 1];
        let mut computed = 0;
        for _ in 0..3 {
            recent.get_or_insert(&long, |input| {
                computed += 1;
                key.pseudonym(input)
            });
        }
        assert_eq!(computed, 3);
    }
}
