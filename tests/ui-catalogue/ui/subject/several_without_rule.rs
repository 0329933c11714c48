use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord)]
pub struct ChatMessage {
    #[privacy(subject)]
    pub from: String,
    #[privacy(subject)]
    pub to: String,
    #[privacy(redact)]
    pub text: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
