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

/// Implements `Redact<S>` for a leaf type from an expression that turns it into text, which is
/// shown quoted and serialized as a string; text the strategy could not read (the expression
/// gives [`MASK`]) shows as the full mask.
macro_rules! text_leaf {
    ($strategy:ty, $leaf:ty, |$value:ident, $s:ident| $to_text:expr) => {
        impl $crate::redact::Redact<$strategy> for $leaf {
            fn fmt_redacted(
                &self,
                strategy: &$strategy,
                f: &mut ::core::fmt::Formatter<'_>,
            ) -> ::core::fmt::Result {
                let ($value, $s) = (self, strategy);
                let text: ::std::borrow::Cow<'_, str> = $to_text;
                super::write_text(&text, f)
            }

            #[cfg(feature = "serde")]
            fn serialize_redacted<Ser: serde::Serializer>(
                &self,
                strategy: &$strategy,
                serializer: Ser,
            ) -> Result<Ser::Ok, Ser::Error> {
                let ($value, $s) = (self, strategy);
                let text: ::std::borrow::Cow<'_, str> = $to_text;
                serializer.serialize_str(&text)
            }
        }
    };
}
use text_leaf;

/// Implements `Redact<S>` for a leaf type from an expression that gives a token (an address's
/// network, a pseudonym) which never needs escaping: shown quoted, serialized as a string.
macro_rules! token_leaf {
    ($strategy:ty, $leaf:ty, |$value:ident| $token:expr) => {
        impl $crate::redact::Redact<$strategy> for $leaf {
            fn fmt_redacted(
                &self,
                _: &$strategy,
                f: &mut ::core::fmt::Formatter<'_>,
            ) -> ::core::fmt::Result {
                let $value = self;
                f.write_str("\"")?;
                f.write_str($token.as_str())?;
                f.write_str("\"")
            }

            #[cfg(feature = "serde")]
            fn serialize_redacted<Ser: serde::Serializer>(
                &self,
                _: &$strategy,
                serializer: Ser,
            ) -> Result<Ser::Ok, Ser::Error> {
                let $value = self;
                serializer.serialize_str($token.as_str())
            }
        }
    };
}
use token_leaf;

/// Writes a strategy's text quoted (escaped as `Debug` escapes it); the mask, unquoted.
fn write_text(text: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    if text == MASK {
        f.write_str(MASK)
    } else {
        fmt::Debug::fmt(text, f)
    }
}

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
