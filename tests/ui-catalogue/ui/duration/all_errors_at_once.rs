use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::LogData, retention = "0d", legal_basis = contrakt)]
pub struct RequestLog {
    #[privacy(redact = iq)]
    pub client_ip: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
