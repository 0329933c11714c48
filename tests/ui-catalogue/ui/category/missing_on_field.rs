use privacy_core::{Classified, im};

#[derive(Classified)]
pub struct RequestLog {
    #[privacy(category = im::LogData)]
    pub interface: String,
    pub cause: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
