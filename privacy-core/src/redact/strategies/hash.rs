//! [`Hash`]: text and integers shown as a keyed pseudonym; an integer is hashed as its decimal
//! text, so an id gets the same token whichever way a type holds it.

use super::{StackText, text_leaf};
use crate::redact::pseudonym::token;
use crate::redact::strategy::Hash;
use crate::scalars::for_scalars;

text_leaf!(Hash, str, |value, _s| token(value.as_bytes()));

macro_rules! integer_hash_leaves {
    ($($int:ty),*) => {$(
        text_leaf!(Hash, $int, |value, _s| token(StackText::of(value).as_bytes()));
    )*};
}
for_scalars!(integers => integer_hash_leaves);
