use privacy_core::{Classified, im};

/// One event of the interface log, in every variant shape.
#[derive(Classified)]
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

fn main() {
    let descriptor = Event::DESCRIPTOR;
    assert_eq!(descriptor.variants, Some(&["Heartbeat", "Request", "Failure"][..]));
    assert_eq!(descriptor.fields.len(), 4);
    assert_eq!(descriptor.fields[2].variant, Some("Failure"));
    let request = Event::Request("198.51.100.23".parse().unwrap(), chrono::DateTime::UNIX_EPOCH);
    assert_eq!(format!("{request:?}"), r#"Request("198.51.100.0/24", 1970-01-01T00:00:00Z)"#);
    assert_eq!(request.collected_at(), Some(chrono::DateTime::UNIX_EPOCH));
    assert_eq!(Event::Heartbeat.collected_at(), None);
    assert_eq!(format!("{:?}", Event::Heartbeat), "Heartbeat");
}
