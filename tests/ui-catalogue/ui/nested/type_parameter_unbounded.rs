use privacy_core::{Classified, im};

#[derive(Classified, serde::Serialize)]
#[privacy(category = im::ChatMessageRecord)]
pub struct ChatMessage {
    #[privacy(subject)]
    pub sender: String,
    #[privacy(redact)]
    pub body: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

// The payload's type is not known where the derive runs: it is shown only when it is proved
// free of classified data at each instantiation.
#[derive(Classified, serde::Serialize)]
#[privacy(category = im::LogData, legal_basis = contract)]
pub struct Event<P> {
    pub payload: P,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {
    let message = ChatMessage {
        sender: "user-7".into(),
        body: "meet at noon".into(),
        at: chrono::DateTime::UNIX_EPOCH,
    };
    let event = Event { payload: message, at: chrono::DateTime::UNIX_EPOCH };
    let _ = privacy_core::Classified::redacted(&event);
    let plain = Event { payload: String::from("sendmsg"), at: chrono::DateTime::UNIX_EPOCH };
    let _ = format!("{plain:?}");
}
