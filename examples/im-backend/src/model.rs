//! The service's data, one type per row of the published policy, each annotated as the policy
//! says. Nothing else in the backend decides how long these live or how they are printed.

use chrono::{DateTime, Utc};
use privacy_core::{Classified, Secret, Unclassified, im};
use serde::{Deserialize, Serialize};
use std::net::IpAddr;

/// Log data: one interface request, with the caller's public exit IP. Kept 7 days.
#[derive(Classified, Serialize, Deserialize, Clone)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    /// The customer application (tenant) the request was made for.
    pub app_id: u64,
    /// The public network exit IP, truncated to its network in every output.
    #[privacy(redact = ip)]
    pub exit_ip: IpAddr,
    /// The interface called.
    pub interface: String,
    /// When the request arrived; the 7 days count from here.
    #[privacy(collected_at)]
    pub at: DateTime<Utc>,
}

/// Log data: why an interface call failed. Kept 7 days.
#[derive(Classified, Serialize, Deserialize, Clone)]
#[privacy(category = im::LogData)]
pub struct InterfaceException {
    /// The customer application.
    pub app_id: u64,
    /// The interface that failed.
    pub interface: String,
    /// The cause; it may quote request content, so only its length leaves the process.
    #[privacy(redact = len)]
    pub cause: String,
    /// When it failed.
    #[privacy(collected_at)]
    pub at: DateTime<Utc>,
}

/// Monitoring data: success rate and average latency of one interface over one minute. Kept 2
/// days.
#[derive(Classified, Serialize, Deserialize, Clone)]
#[privacy(category = im::MonitoringData)]
pub struct InterfaceSample {
    /// The customer application.
    pub app_id: u64,
    /// The interface measured.
    pub interface: String,
    /// Share of successful calls, 0 to 1.
    pub success_rate: f64,
    /// Average latency in milliseconds.
    pub average_latency_ms: u32,
    /// The minute measured.
    #[privacy(collected_at)]
    pub at: DateTime<Utc>,
}

/// Configuration data: an application's settings, with its key, offline-push certificate and
/// AppSecret. Kept while the service is used, deleted 2 months after use ends.
#[derive(Classified, Serialize, Deserialize)]
#[privacy(category = im::ConfigurationData)]
pub struct AppConfig {
    /// The SDKAppID.
    pub app_id: u64,
    /// The application's name.
    pub name: String,
    /// The callback URL, if callbacks are on.
    #[privacy(redact = partial(keep_last = 12))]
    pub callback_url: Option<String>,
    /// The administrator's e-mail address.
    #[privacy(redact = email)]
    pub administrator: String,
    /// The app key.
    #[privacy(secret)]
    #[serde(with = "privacy_core::secret_serde::exposed")]
    pub app_key: Secret<String>,
    /// The offline-push certificate's package name.
    pub push_package: String,
    /// The offline-push AppSecret.
    #[privacy(secret)]
    #[serde(with = "privacy_core::secret_serde::exposed")]
    pub push_app_secret: Secret<String>,
    /// How many recent contacts a client pulls (100 to 500).
    pub recent_contacts_to_pull: u16,
    /// The data centre chosen.
    pub data_centre: String,
}

/// Account identifiers: the APPID and UIN pair stored and backed up in the relational
/// database. Kept as configuration data is.
#[derive(Classified, Serialize, Deserialize, Clone)]
#[privacy(category = im::AccountIdentifiers)]
pub struct AccountIds {
    /// The APPID.
    pub app_id: u64,
    /// The UIN, pseudonymised in every output.
    #[privacy(redact = hash)]
    pub uin: u64,
}

/// User information: an end user's profile, processed on the customer's instructions. Kept for
/// the customer's chosen period, or 7 days.
#[derive(Classified, Serialize, Deserialize, Clone)]
#[privacy(category = im::UserInformation)]
pub struct UserProfile {
    /// The customer application.
    pub app_id: u64,
    /// The end user; deletion and export requests find the profile by it.
    #[privacy(subject)]
    pub user_id: String,
    /// Nickname.
    #[privacy(redact = partial(keep_last = 1))]
    pub nickname: String,
    /// Avatar URL.
    #[privacy(redact)]
    pub avatar_url: String,
    /// Personalised signature.
    #[privacy(redact)]
    pub signature: String,
    /// When the profile was last written.
    #[privacy(collected_at)]
    pub updated: DateTime<Utc>,
}

/// Chat message records: one message between two end users, with its text or a media
/// reference. Kept for the customer's chosen period, or 7 days. A deletion request by either
/// party deletes the message.
#[derive(Classified, Serialize, Deserialize, Clone)]
#[privacy(category = im::ChatMessageRecord, erasure = delete_record)]
pub struct ChatMessage {
    /// The customer application.
    pub app_id: u64,
    /// The sender.
    #[privacy(subject)]
    pub from: String,
    /// The receiver.
    #[privacy(subject)]
    pub to: String,
    /// What kind of message it is.
    pub kind: MessageKind,
    /// The text of a text message; never shown.
    #[privacy(redact)]
    pub text: Option<String>,
    /// The object-storage key of a photo, audio or video; pseudonymised.
    #[privacy(redact = hash)]
    pub media_key: Option<String>,
    /// When it was sent.
    #[privacy(collected_at)]
    pub sent: DateTime<Utc>,
}

/// The kinds of message the service carries.
#[derive(Debug, Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Unclassified)]
pub enum MessageKind {
    /// Text.
    Text,
    /// A photo.
    Photo,
    /// Audio.
    Audio,
    /// Video.
    Video,
}
