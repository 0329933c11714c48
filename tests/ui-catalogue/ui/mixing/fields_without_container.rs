use privacy_core::{Classified, im};

#[derive(Classified)]
pub struct Merged {
    #[privacy(category = im::MonitoringData)]
    pub latency_ms: u32,
    #[privacy(category = im::LogData, collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
