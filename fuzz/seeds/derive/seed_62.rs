#[privacy(category = im::MonitoringData)]
pub struct Sample(pub String, pub f64, #[privacy(collected_at)] pub std::time::SystemTime);

