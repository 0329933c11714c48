use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord, retention = ephemeral)]
pub struct Transient {
    #[privacy(subject)]
    pub sender: u64,
    #[privacy(redact)]
    pub text: String,
}

fn store<T: privacy_core::Storable>(_record: &T) {}

fn main() {
    store(&Transient { sender: 1, text: "hi".into() });
}
