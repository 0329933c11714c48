#[privacy(category = im::ChatMessageRecord, retention = ephemeral)]
pub struct Transient {
    #[privacy(subject)]
    pub sender: u64,
    #[privacy(redact)]
    pub text: String,
}

fn store<T: privacy_core::Storable>(_record: &T) {}

