//! The service's rows, each a classified type mapped on its own table, read with sqlx.

use chrono::{DateTime, Utc};
use privacy_core::{Classified, Secret, im};

/// One chat message between two users of a customer application. Kept for the customer's
/// chosen period (7 days when none is chosen); a deletion request by either party keeps it for
/// the other without the requester's id.
#[derive(Classified, sqlx::FromRow)]
#[privacy(category = im::ChatMessageRecord, table = "chat_messages", erasure = redact_requester)]
pub struct ChatMessage {
    /// The customer application.
    #[privacy(tenant)]
    pub app_id: String,
    /// The message's id.
    pub id: String,
    /// Who sent it.
    #[privacy(subject)]
    #[sqlx(rename = "sender_id")]
    pub sender: String,
    /// Who it is for.
    #[privacy(subject)]
    #[sqlx(rename = "recipient_id")]
    pub recipient: String,
    /// The text, never logged.
    #[privacy(redact)]
    pub body: String,
    /// When it was sent.
    #[privacy(collected_at)]
    pub sent_at: DateTime<Utc>,
}

/// An end user's profile.
#[derive(Classified, sqlx::FromRow)]
#[privacy(category = im::UserInformation, table = "user_profiles")]
pub struct UserProfile {
    /// The customer application.
    #[privacy(tenant)]
    pub app_id: String,
    /// The user.
    #[privacy(subject)]
    pub user_id: String,
    /// The nickname, masked in logs.
    #[privacy(redact)]
    pub nickname: String,
    /// The push token: never shown, never exported.
    #[privacy(secret)]
    pub push_token: Secret<String>,
    /// When it was last written.
    #[privacy(collected_at)]
    pub updated_at: DateTime<Utc>,
}

/// One interface request, kept 7 days.
#[derive(Classified, sqlx::FromRow)]
#[privacy(category = im::LogData, table = "request_logs")]
pub struct RequestLog {
    /// The customer application.
    #[privacy(tenant)]
    pub app_id: String,
    /// The caller's address, truncated in every output.
    #[privacy(redact = ip)]
    pub client_ip: String,
    /// The interface called.
    pub interface: String,
    /// When.
    #[privacy(collected_at)]
    pub at: DateTime<Utc>,
}

/// The service's own schema, in the column types of `database` (as sqlx writes
/// `DateTime<Utc>`), with the indexes the engine's schema check asks for.
#[must_use]
pub fn schema(database: &str) -> Vec<String> {
    let (text, instant) = match database {
        "PostgreSQL" => ("TEXT", "TIMESTAMPTZ"),
        "MySQL" => ("VARCHAR(191)", "DATETIME(6)"),
        _ => ("TEXT", "TEXT"),
    };
    vec![
        format!(
            "CREATE TABLE chat_messages (app_id {text} NOT NULL, id {text} NOT NULL, sender_id {text} NOT NULL, recipient_id {text} NOT NULL, body {text} NOT NULL, sent_at {instant} NOT NULL, PRIMARY KEY (app_id, id))"
        ),
        "CREATE INDEX chat_messages_app_id_sent_at ON chat_messages (app_id, sent_at)".into(),
        "CREATE INDEX chat_messages_app_id_sender_id ON chat_messages (app_id, sender_id)".into(),
        "CREATE INDEX chat_messages_app_id_recipient_id ON chat_messages (app_id, recipient_id)"
            .into(),
        format!(
            "CREATE TABLE user_profiles (app_id {text} NOT NULL, user_id {text} NOT NULL, nickname {text} NOT NULL, push_token {text} NOT NULL, updated_at {instant} NOT NULL, PRIMARY KEY (app_id, user_id))"
        ),
        "CREATE INDEX user_profiles_app_id_updated_at ON user_profiles (app_id, updated_at)".into(),
        format!(
            "CREATE TABLE request_logs (app_id {text} NOT NULL, client_ip {text} NOT NULL, interface {text} NOT NULL, at {instant} NOT NULL)"
        ),
        "CREATE INDEX request_logs_at ON request_logs (at)".into(),
    ]
}
