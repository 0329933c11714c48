use privacy_core::{Classified, im};

#[derive(Classified)]
pub struct RequestLog {
    pub interface: String,
    #[privacy(category = im::LogData, collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
