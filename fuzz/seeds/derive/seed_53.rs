#[privacy(category = im::ChatMessageRecord, erasure = redact_requester)]
pub struct ChatMessage {
    #[privacy(subject)]
    pub from: String,
    #[privacy(subject)]
    pub to: String,
    #[privacy(redact)]
    pub text: String,
    #[privacy(collected_at)]
    pub sent: chrono::DateTime<chrono::Utc>,
}

