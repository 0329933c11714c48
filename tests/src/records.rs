//! Records of the reference policy's categories, as a backend would declare them.

use chrono::{DateTime, Utc};
use privacy_core::{Classified, im};
use serde::{Deserialize, Serialize};

/// Log data, kept 7 days.
#[derive(Classified, Serialize, Deserialize, Clone, PartialEq)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    /// The interface called.
    pub interface: String,
    /// When.
    #[privacy(collected_at)]
    pub at: DateTime<Utc>,
}

/// Chat message records: the customer's chosen period, or 7 days.
#[derive(Classified, Serialize, Deserialize, Clone, PartialEq)]
#[privacy(category = im::ChatMessageRecord, erasure = delete_record)]
pub struct ChatMessage {
    /// Sender.
    #[privacy(subject)]
    pub from: String,
    /// Receiver.
    #[privacy(subject)]
    pub to: String,
    /// Content.
    #[privacy(redact)]
    pub text: String,
    /// When.
    #[privacy(collected_at)]
    pub sent: DateTime<Utc>,
}

/// Configuration data: kept while the account is active, 2 months after it ends.
#[derive(Classified, Serialize, Deserialize, Clone, PartialEq)]
#[privacy(category = im::ConfigurationData)]
pub struct AppConfig {
    /// The callback URL.
    pub callback_url: String,
}

/// User information with a secret that is never exported.
#[derive(Classified, Serialize, Deserialize)]
#[privacy(category = im::UserInformation)]
pub struct Profile {
    /// The end user.
    #[privacy(subject)]
    pub user_id: String,
    /// Nickname.
    #[privacy(redact)]
    pub nickname: String,
    /// A recovery code: secret.
    #[privacy(secret)]
    #[serde(with = "privacy_core::secret_serde::exposed")]
    pub recovery_code: privacy_core::Secret<String>,
    /// When it changed.
    #[privacy(collected_at)]
    pub updated: DateTime<Utc>,
}

/// A message in a group conversation: erasure by one party keeps it for the others, without
/// the requester's id.
#[derive(Classified, Serialize, Deserialize, Clone, PartialEq)]
#[privacy(category = im::ChatMessageRecord, erasure = redact_requester)]
pub struct GroupMessage {
    /// Sender.
    #[privacy(subject)]
    pub from: String,
    /// Receiver.
    #[privacy(subject)]
    pub to: String,
    /// Content.
    #[privacy(redact)]
    pub text: String,
    /// When.
    #[privacy(collected_at)]
    pub sent: DateTime<Utc>,
}

/// A draft message: kept 3 days at most, and never beyond the customer's chosen period.
#[derive(Classified, Serialize, Deserialize, Clone, PartialEq)]
#[privacy(category = im::ChatMessageRecord, retention = "3d")]
pub struct Draft {
    /// Author.
    #[privacy(subject)]
    pub author: String,
    /// Content.
    #[privacy(redact)]
    pub text: String,
    /// When it was last saved.
    #[privacy(collected_at)]
    pub saved: DateTime<Utc>,
}
