//! [`Email`]: text holding an e-mail address, of which only a well-formed domain is kept.

use super::{MASK, text_leaf};
use crate::redact::strategy::Email;
use std::borrow::Cow;

fn email_text(text: &str) -> Cow<'static, str> {
    match text.rsplit_once('@') {
        Some((local, domain)) if !local.is_empty() && is_domain(domain) => {
            Cow::Owned(format!("***@{domain}"))
        }
        _ => Cow::Borrowed(MASK),
    }
}

/// A well-formed DNS domain of at least two labels: letters, digits and inner hyphens, labels of
/// 1 to 63 characters, 253 in all, a top-level label that is not all digits. Anything else after
/// the `@` (a bare host, an address literal, a query string, trailing text) is not kept.
fn is_domain(domain: &str) -> bool {
    let label_ok = |label: &str| {
        (1..=63).contains(&label.len())
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    let mut labels = domain.split('.');
    let top = domain.rsplit('.').next().unwrap_or_default();
    domain.len() <= 253
        && domain.contains('.')
        && labels.all(label_ok)
        && !top.bytes().all(|b| b.is_ascii_digit())
}
text_leaf!(Email, str, |value, _s| email_text(value));
