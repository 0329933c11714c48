use privacy_core::{Classified, im};

/// Monitoring sample, kept 2 days.
#[derive(Classified)]
#[privacy(category = im::MonitoringData)]
pub struct Sample {
    pub latency_ms: u32,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

#[derive(Classified)]
#[privacy(category = im::MonitoringData, retention = "7d")]
pub struct Window {
    #[privacy(nested)]
    pub sample: Sample,
}

fn main() {}
