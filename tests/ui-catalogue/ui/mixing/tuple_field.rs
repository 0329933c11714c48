use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::MonitoringData)]
pub struct Sample(pub f64, #[privacy(category = im::LogData)] pub String, #[privacy(collected_at)] pub std::time::SystemTime);

fn main() {}
