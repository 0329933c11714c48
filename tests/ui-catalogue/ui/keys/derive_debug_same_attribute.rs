use privacy_core::{Classified, im};

// In the same attribute, `Debug` is not shown to the derive: rustc reports the two `Debug`
// implementations (the fix: remove `Debug`, or `#[privacy(custom_debug)]`).
#[derive(Debug, Classified)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    #[privacy(redact = ip)]
    pub client_ip: std::net::IpAddr,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
