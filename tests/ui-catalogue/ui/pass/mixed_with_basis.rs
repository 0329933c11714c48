use privacy_core::{Classified, LegalBasis, im};

/// The account behind a request: two categories, with the basis stated.
#[derive(Classified)]
#[privacy(category = im::LogData, legal_basis = legitimate_interests, purpose = "trace abuse back to the account")]
pub struct AttributedRequest {
    pub interface: String,
    #[privacy(category = im::AccountIdentifiers, redact = hash)]
    pub uin: u64,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {
    let descriptor = AttributedRequest::DESCRIPTOR;
    assert_eq!(descriptor.categories().len(), 2);
    assert_eq!(descriptor.legal_basis, LegalBasis::LegitimateInterests);
    assert_eq!(descriptor.purpose, "trace abuse back to the account");
    // 7 days (log data) is stricter than "2 months after use ends" (account identifiers).
    assert_eq!(descriptor.retention.to_string(), "7 days");
}
