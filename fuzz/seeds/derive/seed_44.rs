#[privacy(category = im::LogData)]
pub struct Tagged<T> {
    pub payload: T,
    #[privacy(category = im::MonitoringData)]
    pub latency_ms: u32,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

