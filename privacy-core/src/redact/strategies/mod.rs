//! What each strategy does: which field types it takes and how it writes them, one file per
//! strategy, and the containers that pass a strategy on to their elements. The strategies
//! themselves (markers, masks, the [`Redact`](super::Redact) trait) are in [`strategy`](super::strategy).

mod containers;
mod email;
mod hash;
mod ip;
mod len;
mod partial;

use super::strategy::MASK;
use core::fmt;
use std::borrow::Cow;

/// Implements `Redact<S>` for a leaf type from an expression that gives its redacted text (a
/// [`Text`]): shown as the text's type writes it, serialized as a string.
macro_rules! text_leaf {
    ($strategy:ty, $leaf:ty, |$value:ident, $s:ident| $text:expr) => {
        impl $crate::redact::Redact<$strategy> for $leaf {
            fn fmt_redacted(
                &self,
                strategy: &$strategy,
                f: &mut ::core::fmt::Formatter<'_>,
            ) -> ::core::fmt::Result {
                let ($value, $s) = (self, strategy);
                super::Text::write(&$text, f)
            }

            #[cfg(feature = "serde")]
            fn serialize_redacted<Ser: serde::Serializer>(
                &self,
                strategy: &$strategy,
                serializer: Ser,
            ) -> Result<Ser::Ok, Ser::Error> {
                let ($value, $s) = (self, strategy);
                serializer.serialize_str(super::Text::as_text(&$text))
            }
        }
    };
}
use text_leaf;

/// A strategy's redacted text, and how it is shown.
trait Text {
    /// The text, as serialized.
    fn as_text(&self) -> &str;

    /// Writes the text quoted (escaped as `Debug` escapes it); the mask, unquoted.
    fn write(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.as_text();
        if text == MASK {
            f.write_str(MASK)
        } else {
            fmt::Debug::fmt(text, f)
        }
    }
}

/// Text read from the value: what the strategy could not read is the mask.
impl Text for Cow<'_, str> {
    fn as_text(&self) -> &str {
        self
    }
}

/// A token the strategy wrote (an address's network, a pseudonym): never the mask, nothing to
/// escape, so it is written quoted as it is, without allocating.
macro_rules! tokens {
    ($($token:ty),*) => {$(
        impl Text for $token {
            fn as_text(&self) -> &str {
                self.as_str()
            }

            fn write(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("\"")?;
                f.write_str(self.as_str())?;
                f.write_str("\"")
            }
        }
    )*};
}
tokens!(StackText, crate::Pseudonym);

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
        // 64 bytes hold every integer and every network the strategies write.
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
