use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct Tagged<T> {
    pub payload: T,
    #[privacy(category = im::MonitoringData)]
    pub latency_ms: u32,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {
    let tagged = Tagged { payload: 1_u8, latency_ms: 3, at: chrono::DateTime::UNIX_EPOCH };
    println!("{tagged:?}");
}
