//! The smallest use of the toolkit: one classified type, printed safely.

use privacy_core::{Classified, im};

/// One interface request, kept 7 days.
#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    /// The caller's public exit IP, truncated in every output.
    #[privacy(redact = ip)]
    pub client_ip: std::net::IpAddr,
    /// The interface called.
    pub interface: String,
    /// When the request arrived; retention counts from it.
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {
    let log = RequestLog {
        client_ip: "203.0.113.77".parse().expect("an IP"),
        interface: "sendmsg".into(),
        at: chrono::Utc::now(),
    };
    println!("Debug:    {log:?}");
    println!("Display:  {}", log.redacted());
    println!(
        "JSON:     {}",
        serde_json::to_string(&log.redacted()).expect("serializable")
    );
    let descriptor = RequestLog::DESCRIPTOR;
    println!(
        "policy:   {} / {} / kept {}",
        descriptor.categories()[0].name,
        descriptor.legal_basis,
        descriptor.retention
    );
}
