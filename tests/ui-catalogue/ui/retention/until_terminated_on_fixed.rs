use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::LogData, retention = until_terminated(grace = "2 months"))]
pub struct RequestLog {
    pub interface: String,
}

fn main() {}
