use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::LogData, retention = "7")]
pub struct RequestLog {
    pub interface: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
