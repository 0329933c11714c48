use privacy_core::{im, Classified};

#[derive(Classified)]
#[privacy(category = im::LogData, table = "events")]
enum Event {
    Request {
        #[privacy(collected_at)]
        at: chrono::DateTime<chrono::Utc>,
    },
}

fn main() {}
