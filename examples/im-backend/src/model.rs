//! The service's rows, one type per table, each annotated as the published policy says and
//! read back with `sqlx::FromRow`. Nothing else in the service decides how long these live
//! or how they are printed.

use chrono::{DateTime, Utc};
use privacy_core::{Classified, Secret, im};
use serde::Serialize;

/// Log data: one interface request, with the caller's public exit IP. Kept 7 days.
#[derive(Classified, sqlx::FromRow, Serialize, Clone)]
#[privacy(category = im::LogData, table = "request_logs")]
pub struct RequestLog {
    /// The customer application (tenant) the request was made for.
    #[privacy(tenant)]
    pub app_id: String,
    /// The public network exit IP, truncated to its network in every output.
    #[privacy(redact = ip)]
    pub client_ip: String,
    /// The interface called (the route, never the path with its ids).
    pub interface: String,
    /// The HTTP status answered.
    pub status: i64,
    /// When the request arrived; the 7 days count from here.
    #[privacy(collected_at)]
    pub at: DateTime<Utc>,
}

/// Monitoring data: success rate and average latency of one interface of one application
/// over a period. Kept 2 days.
#[derive(Classified, sqlx::FromRow, Serialize, Clone)]
#[privacy(category = im::MonitoringData, table = "monitoring_samples")]
pub struct MonitoringSample {
    /// The customer application.
    #[privacy(tenant)]
    pub app_id: String,
    /// The interface measured.
    pub interface: String,
    /// Share of successful calls, 0 to 1.
    pub success_rate: f64,
    /// Average latency in microseconds.
    pub average_latency_us: i64,
    /// The end of the period measured.
    #[privacy(collected_at)]
    pub at: DateTime<Utc>,
}

/// Configuration data: an application's settings, with its key and offline-push secret.
/// Kept while the service is used, deleted 2 months after use ends. Read by hand, not with
/// `sqlx::FromRow`: its `#[sqlx(try_from = ...)]` (for the secrets) needs sqlx's `macros`
/// feature, which this service does not build.
#[derive(Classified, Serialize)]
#[privacy(category = im::ConfigurationData, table = "app_configs")]
pub struct AppConfig {
    /// The SDKAppID.
    #[privacy(tenant)]
    pub app_id: String,
    /// The application's name.
    pub name: String,
    /// The callback URL.
    #[privacy(redact = partial(keep_last = 12))]
    pub callback_url: String,
    /// The administrator's e-mail address.
    #[privacy(redact = email)]
    pub administrator: String,
    /// The app key: never printed, never exported.
    #[privacy(secret)]
    #[serde(skip)]
    pub app_key: Secret<String>,
    /// The offline-push AppSecret: never printed, never exported.
    #[privacy(secret)]
    #[serde(skip)]
    pub push_app_secret: Secret<String>,
    /// The data centre chosen.
    pub data_centre: String,
}

/// Account identifiers: the APPID and UIN pair. Kept as configuration data is.
#[derive(Classified, sqlx::FromRow, Serialize, Clone)]
#[privacy(category = im::AccountIdentifiers, table = "account_ids")]
pub struct AccountIds {
    /// The APPID.
    #[privacy(tenant)]
    pub app_id: String,
    /// The UIN, pseudonymised in every output.
    #[privacy(redact = hash)]
    pub uin: i64,
}

/// User information: an end user's profile, processed on the customer's instructions. Kept
/// for the customer's chosen period, or 7 days; never stored for a customer that opted out.
#[derive(Classified, sqlx::FromRow, Serialize, Clone)]
#[privacy(category = im::UserInformation, table = "profiles")]
pub struct UserProfile {
    /// The customer application.
    #[privacy(tenant)]
    pub app_id: String,
    /// The end user; erasure and export find the profile by it.
    #[privacy(subject, redact = hash)]
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
    pub updated_at: DateTime<Utc>,
}

/// Chat message records: one message between two end users. Kept for the customer's chosen
/// period, or 7 days; never stored for a customer that opted out. An erasure request by
/// either party deletes the message.
#[derive(Classified, sqlx::FromRow, Serialize, Clone)]
#[privacy(category = im::ChatMessageRecord, table = "messages", erasure = delete_record)]
pub struct Message {
    /// The customer application.
    #[privacy(tenant)]
    pub app_id: String,
    /// The message id, unique within the application.
    pub id: String,
    /// The sender.
    #[privacy(subject, redact = hash)]
    pub sender: String,
    /// The receiver.
    #[privacy(subject, redact = hash)]
    pub recipient: String,
    /// The text; never printed.
    #[privacy(redact)]
    pub body: String,
    /// When it was sent.
    #[privacy(collected_at)]
    pub sent_at: DateTime<Utc>,
}

/// The descriptors of the service's types, in the policy's order.
#[must_use]
pub fn descriptors() -> [&'static privacy_core::TypeDescriptor; 6] {
    [
        RequestLog::DESCRIPTOR,
        MonitoringSample::DESCRIPTOR,
        AppConfig::DESCRIPTOR,
        AccountIds::DESCRIPTOR,
        UserProfile::DESCRIPTOR,
        Message::DESCRIPTOR,
    ]
}

/// The service's tables, with their short names as the summary and the chart print them.
pub const TABLES: [(&str, &str); 6] = [
    ("request_logs", "request logs"),
    ("monitoring_samples", "monitoring samples"),
    ("app_configs", "app configurations"),
    ("account_ids", "account ids"),
    ("profiles", "profiles"),
    ("messages", "chat messages"),
];
