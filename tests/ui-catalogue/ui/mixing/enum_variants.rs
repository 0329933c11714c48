use privacy_core::{Classified, im};

#[derive(Classified)]
pub enum Observation {
    #[privacy(category = im::MonitoringData)]
    Sample {
        latency_ms: u32,
        #[privacy(collected_at)]
        at: chrono::DateTime<chrono::Utc>,
    },
    #[privacy(category = im::LogData)]
    Request {
        interface: String,
        #[privacy(collected_at)]
        at: chrono::DateTime<chrono::Utc>,
    },
}

fn main() {}
