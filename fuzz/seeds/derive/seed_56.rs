#[privacy(category = im::LogData, legal_basis = legitimate_interests, purpose = "trace abuse back to the account")]
pub struct AttributedRequest {
    pub interface: String,
    #[privacy(category = im::AccountIdentifiers, redact = hash)]
    pub uin: u64,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

