use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    #[privacy(redact = ipv4)]
    pub client_ip: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
