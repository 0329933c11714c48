use privacy_core::{im, Classified};

#[derive(Classified)]
#[privacy(category = im::LogData, table = "request_logs")]
struct RequestLog {
    #[privacy(tenant)]
    app_id: String,
    #[privacy(tenant, subject)]
    customer: String,
    #[privacy(collected_at)]
    at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
