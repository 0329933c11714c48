use privacy_core::{Classified, FieldRole, Redaction, Retention, Period, im};

/// One interface request, kept 7 days.
#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    #[privacy(redact = ip)]
    pub client_ip: std::net::IpAddr,
    pub interface: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {
    let descriptor = RequestLog::DESCRIPTOR;
    assert_eq!(descriptor.name, "RequestLog");
    assert_eq!(descriptor.retention, Retention::Fixed(Period::days(7)));
    assert_eq!(descriptor.fields.len(), 3);
    assert_eq!(descriptor.fields[0].redaction, Redaction::Ip);
    assert_eq!(descriptor.fields[2].role, FieldRole::CollectedAt);
}
