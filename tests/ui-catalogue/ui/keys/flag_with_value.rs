use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    pub interface: String,
    #[privacy(collected_at = true)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
