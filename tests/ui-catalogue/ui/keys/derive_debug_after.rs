use privacy_core::{Classified, im};

// `Classified` writes `Debug` through the redacted view; a derived `Debug` would show every
// field as it is.
#[derive(Classified)]
#[derive(Debug)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    #[privacy(redact = ip)]
    pub client_ip: std::net::IpAddr,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
