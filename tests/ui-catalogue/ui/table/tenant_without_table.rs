use privacy_core::{im, Classified};

#[derive(Classified)]
#[privacy(category = im::LogData)]
struct RequestLog {
    #[privacy(tenant)]
    app_id: String,
    #[privacy(column = "requested_at", collected_at)]
    at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
