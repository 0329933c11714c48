use privacy_core::{Classified, im};

/// A sample.
#[derive(Classified)]
#[privacy(category = im::MonitoringData)]
pub struct Sample {
    pub latency_ms: u32,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

#[derive(Classified)]
#[privacy(category = im::MonitoringData)]
pub struct Window {
    #[privacy(nested, redact)]
    pub sample: Sample,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
