#[privacy(category = im::MonitoringData)]
pub struct Sample(pub String, pub f64);

