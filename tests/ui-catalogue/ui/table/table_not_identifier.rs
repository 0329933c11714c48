use privacy_core::{im, Classified};

#[derive(Classified)]
#[privacy(category = im::LogData, table = "logs; DROP TABLE victim")]
struct RequestLog {
    #[privacy(column = "at time")]
    #[privacy(collected_at)]
    at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
