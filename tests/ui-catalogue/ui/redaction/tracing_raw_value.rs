use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord)]
pub struct ChatMessage {
    #[privacy(subject, redact = hash)]
    pub sender: String,
    #[privacy(redact)]
    pub text: String,
    #[privacy(collected_at)]
    pub sent: chrono::DateTime<chrono::Utc>,
}

fn main() {
    let message = ChatMessage { sender: "u1".into(), text: "hi".into(), sent: chrono::Utc::now() };
    tracing::info!(chat = message, "delivered");
}
