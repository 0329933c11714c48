//! [`Len`]: text shown as its length in characters.

use crate::redact::strategy::{Len, Redact};
use core::fmt;

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
