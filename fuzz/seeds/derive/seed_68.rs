#[privacy(category = im::LogData, retention = "30d")]
pub struct Tagged<T> {
    pub payload: T,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

