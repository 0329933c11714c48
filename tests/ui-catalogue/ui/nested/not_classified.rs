use privacy_core::{Classified, im};

/// Not classified.
pub struct Plain {
    pub value: u32,
}

#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    #[privacy(nested)]
    pub plain: Plain,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
