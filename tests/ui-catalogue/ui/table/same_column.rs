use privacy_core::{im, Classified};

#[derive(Classified)]
#[privacy(category = im::LogData, table = "request_logs")]
struct RequestLog {
    interface: String,
    #[privacy(column = "interface")]
    method: String,
    #[privacy(collected_at)]
    at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
