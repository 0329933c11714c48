use privacy_core::{Classified, im};

#[derive(Classified)]
pub struct RequestLog {
    #[privacy(category = im::LogData, collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
    pub interface: String,
}

fn main() {}
