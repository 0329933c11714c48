use privacy_core::{Classified, LegalBasis, im};

/// One record of the monitoring pipeline: samples and the request they came from.
#[derive(Classified)]
#[privacy(legal_basis = contract)]
pub enum Observation {
    #[privacy(category = im::MonitoringData)]
    Sample {
        latency_ms: u32,
        #[privacy(collected_at)]
        at: chrono::DateTime<chrono::Utc>,
    },
    #[privacy(category = im::LogData)]
    Request {
        interface: String,
        #[privacy(collected_at)]
        at: chrono::DateTime<chrono::Utc>,
    },
}

fn main() {
    let descriptor = Observation::DESCRIPTOR;
    let keys: Vec<_> = descriptor.categories().iter().map(|category| category.key).collect();
    assert_eq!(keys, ["im.monitoring_data", "im.log_data"]);
    // The strictest of the two policies is in force: 2 days.
    assert_eq!(descriptor.retention.to_string(), "2 days");
    assert_eq!(descriptor.legal_basis, LegalBasis::Contract);
}
