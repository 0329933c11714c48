use privacy_core::{Classified, im};

/// No Debug, no Serialize.
pub struct Opaque;

#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    pub opaque: Opaque,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
