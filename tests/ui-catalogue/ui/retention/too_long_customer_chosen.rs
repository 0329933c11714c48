use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord, retention = customer_chosen(default = "30d"))]
pub struct ChatMessage {
    #[privacy(subject)]
    pub from: u64,
    #[privacy(redact)]
    pub text: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
