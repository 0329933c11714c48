use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::LogData, retention = customer_chosen(default = "7d", max = "30d"))]
pub struct RequestLog {
    pub interface: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
