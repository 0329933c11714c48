pub struct Sample(#[privacy(category = im::MonitoringData)] pub f64, pub String);

