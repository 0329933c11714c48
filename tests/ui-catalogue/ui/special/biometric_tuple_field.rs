use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord)]
pub struct VoicePrint(#[privacy(subject)] pub u64, #[privacy(special = biometric, redact)] pub Vec<u8>, #[privacy(collected_at)] pub std::time::SystemTime);

fn main() {}
