pub struct RequestLog {
    #[privacy(category = im::LogData, collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
    pub interface: String,
}

