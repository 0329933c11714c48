//! One type per category of the reference policy: the standalone binary's inventory (kept out
//! of the library, so a backend linking `privacy_cli` sees only its own types).

use chrono::{DateTime, Utc};
use privacy_core::{Classified, im};

/// Log data.
#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    /// The public exit IP.
    #[privacy(redact = ip)]
    pub exit_ip: std::net::IpAddr,
    /// When.
    #[privacy(collected_at)]
    pub at: DateTime<Utc>,
}

/// Monitoring data.
#[derive(Classified)]
#[privacy(category = im::MonitoringData)]
pub struct InterfaceSample {
    /// Success rate.
    pub success_rate: f64,
    /// When.
    #[privacy(collected_at)]
    pub at: DateTime<Utc>,
}

/// Configuration data.
#[derive(Classified)]
#[privacy(category = im::ConfigurationData)]
pub struct AppConfig {
    /// Callback URL.
    pub callback_url: String,
}

/// Account identifiers.
#[derive(Classified)]
#[privacy(category = im::AccountIdentifiers)]
pub struct AccountIds {
    /// UIN.
    pub uin: u64,
}

/// User information.
#[derive(Classified)]
#[privacy(category = im::UserInformation)]
pub struct UserProfile {
    /// The end user.
    #[privacy(subject)]
    pub user_id: String,
    /// When.
    #[privacy(collected_at)]
    pub updated: DateTime<Utc>,
}

/// Chat message records.
#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord)]
pub struct ChatMessage {
    /// Sender.
    #[privacy(subject)]
    pub from: String,
    /// When.
    #[privacy(collected_at)]
    pub sent: DateTime<Utc>,
}

/// The sample types' descriptors, one per category, in the policy's order.
#[must_use]
pub fn descriptors() -> [&'static privacy_core::TypeDescriptor; 6] {
    [
        RequestLog::DESCRIPTOR,
        InterfaceSample::DESCRIPTOR,
        AppConfig::DESCRIPTOR,
        AccountIds::DESCRIPTOR,
        UserProfile::DESCRIPTOR,
        ChatMessage::DESCRIPTOR,
    ]
}
