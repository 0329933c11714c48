use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::LogData)]
pub enum Event {
    #[privacy(redact)]
    Request {
        interface: String,
        #[privacy(collected_at)]
        at: chrono::DateTime<chrono::Utc>,
    },
}

fn main() {}
