use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord, erasure = forget)]
pub struct ChatMessage {
    #[privacy(subject)]
    pub from: String,
    #[privacy(subject)]
    pub to: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
