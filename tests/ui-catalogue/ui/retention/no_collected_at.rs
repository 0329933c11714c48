use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    pub interface: String,
}

fn main() {}
