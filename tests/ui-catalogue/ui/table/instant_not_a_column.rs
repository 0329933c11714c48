use privacy_core::{im, Classified};

#[derive(Classified)]
#[privacy(category = im::LogData, table = "request_logs")]
struct RequestLog {
    interface: String,
    #[privacy(collected_at)]
    at: std::time::SystemTime,
}

fn main() {}
