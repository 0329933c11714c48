use privacy_core::{Classified, im};

#[derive(Classified)]
pub enum Event {
    #[privacy(category = im::LogData)]
    Request {
        interface: String,
        #[privacy(collected_at)]
        at: chrono::DateTime<chrono::Utc>,
    },
    Failure {
        cause: String,
    },
}

fn main() {}
