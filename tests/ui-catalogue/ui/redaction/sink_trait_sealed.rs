use core::fmt;
use privacy_core::sink::Loggable;
use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord)]
struct ChatMessage {
    #[privacy(subject)]
    sender: String,
    #[privacy(redact)]
    text: String,
    #[privacy(collected_at)]
    sent: chrono::DateTime<chrono::Utc>,
}

// Declaring a classified type loggable would send it to logs in clear.
impl Loggable for ChatMessage {
    fn fmt_loggable(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.sender, self.text)
    }
}

fn main() {}
