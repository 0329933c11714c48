//! English.

use super::Phrases;
use crate::TimeUnit;

/// English periods read as the code's own `Period` display: "1 day", "7 days".
fn period(amount: u32, unit: TimeUnit) -> String {
    crate::Period::new(amount, unit).to_string()
}

pub(super) static PHRASES: Phrases = Phrases {
    headings: [
        "How we use personal information",
        "Data retention",
        "How we process end users' information on your instructions",
        "Retention of end users' information",
    ],
    columns: ["Category", "Items", "Use", "Legal basis", "Retention"],
    names: &[
        (
            "basis:consent",
            "the data subject's consent (Art. 6(1)(a) GDPR)",
        ),
        (
            "basis:contract",
            "performance of our contract with you (Art. 6(1)(b) GDPR)",
        ),
        (
            "basis:legal_obligation",
            "compliance with a legal obligation (Art. 6(1)(c) GDPR)",
        ),
        (
            "basis:vital_interests",
            "protection of vital interests (Art. 6(1)(d) GDPR)",
        ),
        (
            "basis:public_task",
            "a task in the public interest (Art. 6(1)(e) GDPR)",
        ),
        (
            "basis:legitimate_interests",
            "our legitimate interests (Art. 6(1)(f) GDPR)",
        ),
    ],
    period,
    retention: [
        "{period}",
        "the period you choose; {period} if you choose none",
        "while you use the feature; deleted {period} after you stop using it",
    ],
    ephemeral: "processed momentarily and never stored",
    separator: "; ",
};
