//! [`Partial`]: text of which only the last few characters are kept.

use super::{MASK, text_leaf};
use crate::redact::strategy::Partial;
use std::borrow::Cow;

fn partial_text(text: &str, keep_last: u8) -> Cow<'static, str> {
    let keep = usize::from(keep_last);
    let count = text.chars().count();
    if keep == 0 || count <= keep.saturating_mul(2) {
        return Cow::Borrowed(MASK);
    }
    let tail: String = text.chars().skip(count - keep).collect();
    Cow::Owned(format!("***{tail}"))
}
text_leaf!(Partial, str, |value, s| partial_text(value, s.keep_last));
