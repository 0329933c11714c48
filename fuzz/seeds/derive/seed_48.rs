#[privacy(category = im::LogData)]
pub struct RequestLog {
    #[privacy(nested)]
    pub plain: Plain,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

