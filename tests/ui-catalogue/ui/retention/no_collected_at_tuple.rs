use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::MonitoringData)]
pub struct Sample(pub String, pub f64);

fn main() {}
