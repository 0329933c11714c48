use privacy_core::{Classified, im};

/// Success rate and latency of one interface, kept 2 days.
#[derive(Classified)]
#[privacy(category = im::MonitoringData)]
pub struct Sample(pub String, pub f64, #[privacy(collected_at)] pub std::time::SystemTime);

fn main() {
    let sample = Sample("sendmsg".into(), 0.5, std::time::SystemTime::UNIX_EPOCH);
    assert_eq!(Sample::DESCRIPTOR.fields[1].name, "1");
    assert!(sample.collected_at().is_some());
    assert_eq!(format!("{sample:?}"), r#"Sample("sendmsg", 0.5, SystemTime { tv_sec: 0, tv_nsec: 0 })"#);
}
