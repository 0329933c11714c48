#[privacy(category = im::LogData)]
pub struct RequestLog {
    #[cfg(any())]
    pub never_compiled: String,
    #[cfg(all())]
    pub interface: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

