use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    #[privacy(redact = ip)]
    pub client_ip: u64,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
