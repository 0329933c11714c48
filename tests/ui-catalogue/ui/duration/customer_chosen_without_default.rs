use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord, retention = customer_chosen(max = "7d"))]
pub struct ChatMessage {
    #[privacy(subject)]
    pub from: u64,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
