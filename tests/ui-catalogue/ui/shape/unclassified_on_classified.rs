use privacy_core::{Classified, Unclassified, im};

#[derive(Classified, Unclassified, serde::Serialize)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    pub interface: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
