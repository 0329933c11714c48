#[privacy(category = im::LogData)]
pub enum Event {
    Heartbeat,
    Request(#[privacy(redact = ip)] std::net::Ipv4Addr, #[privacy(collected_at)] chrono::DateTime<chrono::Utc>),
    Failure {
        cause: String,
        #[privacy(collected_at)]
        at: chrono::DateTime<chrono::Utc>,
    },
}

