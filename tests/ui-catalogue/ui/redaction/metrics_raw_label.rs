use privacy_core::sink::{MetricSample, MetricsSink};
use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    #[privacy(redact = ip)]
    pub client_ip: std::net::IpAddr,
    pub interface: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

struct Counter;

impl MetricsSink for Counter {
    fn write(&mut self, _sample: MetricSample<'_>) {}
}

fn main() {
    let request = RequestLog { client_ip: [203, 0, 113, 7].into(), interface: "sendmsg".into(), at: chrono::Utc::now() };
    Counter.observe("requests", request, 1.0);
}
