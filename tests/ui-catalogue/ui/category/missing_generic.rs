use privacy_core::{Classified, im};

#[derive(Classified)]
pub struct Tagged<T> {
    #[privacy(category = im::LogData, collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
    pub payload: T,
}

fn main() {}
