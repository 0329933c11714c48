use privacy_core::{Classified, ErasureRule, SubjectId, im};

/// A chat message between two end users.
#[derive(Classified)]
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

fn main() {
    let message = ChatMessage { from: "alice".into(), to: "bob".into(), text: "hi".into(), sent: chrono::DateTime::UNIX_EPOCH };
    let mut subjects = Vec::new();
    message.visit_subjects(&mut |field, id| subjects.push((field.name, id)));
    assert_eq!(subjects, [("from", SubjectId::new("alice")), ("to", SubjectId::new("bob"))]);
    assert_eq!(ChatMessage::DESCRIPTOR.erasure, Some(ErasureRule::RedactRequester));
}
