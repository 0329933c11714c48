use privacy_core::{Classified, im};

#[derive(Classified)]
pub struct Sample(#[privacy(category = im::MonitoringData)] pub f64, pub String);

fn main() {}
