#[privacy(category = im::LogData)]
pub struct RequestLog {
    pub opaque: Opaque,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

