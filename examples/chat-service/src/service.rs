//! The service over one database: its own writes and reads, with the engine's guard on every
//! write and its visibility condition on every read. No SQL of its own for retention or
//! erasure: the engine does both.

use crate::model::{ChatMessage, RequestLog, UserProfile};
use chrono::{DateTime, Utc};
use privacy_core::engine::{Dialect, Engine, EngineError};
use privacy_core::{Classified, Secret};
use sqlx::{Database, Encode, Executor, IntoArguments, Type};

/// The service: its pool (the service's own) and the engine over it.
#[derive(Clone)]
pub struct Service<DB: Dialect> {
    /// The engine enforcing the policy on the service's tables.
    pub engine: Engine<DB>,
}

/// What went wrong in a request.
#[derive(Debug)]
pub enum ServiceError {
    /// The policy refused the write, or the engine failed.
    Policy(EngineError),
    /// The service's own query failed.
    Database(sqlx::Error),
}

impl core::fmt::Display for ServiceError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ServiceError::Policy(error) => error.fmt(f),
            ServiceError::Database(error) => write!(f, "the service's query failed: {error}"),
        }
    }
}

impl std::error::Error for ServiceError {}

impl From<EngineError> for ServiceError {
    fn from(error: EngineError) -> Self {
        ServiceError::Policy(error)
    }
}

impl From<sqlx::Error> for ServiceError {
    fn from(error: sqlx::Error) -> Self {
        ServiceError::Database(error)
    }
}

impl<DB> Service<DB>
where
    DB: Dialect,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    for<'q> <DB as Database>::Arguments<'q>: IntoArguments<'q, DB>,
    for<'q> String: Encode<'q, DB> + Type<DB>,
    for<'q> DateTime<Utc>: Encode<'q, DB> + Type<DB>,
    for<'q> Secret<String>: Encode<'q, DB>,
    for<'r> ChatMessage: sqlx::FromRow<'r, DB::Row>,
    usize: sqlx::ColumnIndex<DB::Row>,
    i64: for<'r> sqlx::Decode<'r, DB> + Type<DB>,
{
    /// The service over `engine` (built on the service's pool with its types mapped).
    #[must_use]
    pub fn new(engine: Engine<DB>) -> Self {
        Service { engine }
    }

    /// `text` with `?` placeholders numbered as the database wants them.
    fn sql(text: &str) -> String {
        if <DB as Database>::NAME != "PostgreSQL" {
            return text.to_owned();
        }
        let mut n = 0;
        text.chars()
            .map(|c| {
                if c == '?' {
                    n += 1;
                    format!("${n}")
                } else {
                    c.to_string()
                }
            })
            .collect()
    }

    /// Stores a message, if the policy lets it be stored.
    ///
    /// # Errors
    /// [`ServiceError::Policy`] when the engine refuses it (an opted-out tenant, an instant in
    /// the future or already past its deadline).
    pub async fn send(&self, message: &ChatMessage) -> Result<(), ServiceError> {
        self.engine.admit(message).await?;
        sqlx::query(&Self::sql("INSERT INTO chat_messages (app_id, id, sender_id, recipient_id, body, sent_at) VALUES (?, ?, ?, ?, ?, ?)"))
            .bind(message.app_id.clone())
            .bind(message.id.clone())
            .bind(message.sender.clone())
            .bind(message.recipient.clone())
            .bind(message.body.clone())
            .bind(message.sent_at)
            .execute(self.engine.pool())
            .await?;
        tracing::info!(chat = %message.redacted(), "stored");
        Ok(())
    }

    /// Stores a profile, if the policy lets it be stored.
    ///
    /// # Errors
    /// As [`send`](Service::send).
    pub async fn save_profile(&self, profile: &UserProfile) -> Result<(), ServiceError> {
        self.engine.admit(profile).await?;
        sqlx::query(&Self::sql("INSERT INTO user_profiles (app_id, user_id, nickname, push_token, updated_at) VALUES (?, ?, ?, ?, ?)"))
            .bind(profile.app_id.clone())
            .bind(profile.user_id.clone())
            .bind(profile.nickname.clone())
            .bind(profile.push_token.clone())
            .bind(profile.updated_at)
            .execute(self.engine.pool())
            .await?;
        tracing::info!(profile = %profile.redacted(), "stored");
        Ok(())
    }

    /// Records an interface request.
    ///
    /// # Errors
    /// As [`send`](Service::send).
    pub async fn log_request(&self, log: &RequestLog) -> Result<(), ServiceError> {
        self.engine.admit(log).await?;
        sqlx::query(&Self::sql(
            "INSERT INTO request_logs (app_id, client_ip, interface, at) VALUES (?, ?, ?, ?)",
        ))
        .bind(log.app_id.clone())
        .bind(log.client_ip.clone())
        .bind(log.interface.clone())
        .bind(log.at)
        .execute(self.engine.pool())
        .await?;
        tracing::info!(request = %log.redacted(), "logged");
        Ok(())
    }

    /// A user's messages in a tenant: never one past its deadline, swept or not.
    ///
    /// # Errors
    /// When the query fails.
    pub async fn inbox(&self, app_id: &str, user: &str) -> Result<Vec<ChatMessage>, ServiceError> {
        let visible = self.engine.visible::<ChatMessage>("m")?;
        let sql = Self::sql(&format!(
            "SELECT * FROM chat_messages AS m WHERE m.app_id = ? AND m.recipient_id = ? AND {visible} ORDER BY m.sent_at"
        ));
        Ok(sqlx::query_as(&sql)
            .bind(app_id.to_owned())
            .bind(user.to_owned())
            .fetch_all(self.engine.pool())
            .await?)
    }

    /// How many rows `table` holds, swept or not (for the demo's tallies).
    ///
    /// # Errors
    /// When the query fails.
    pub async fn stored(&self, table: &str) -> Result<i64, ServiceError> {
        let row = sqlx::query(&format!("SELECT count(*) FROM {table}"))
            .fetch_one(self.engine.pool())
            .await?;
        Ok(sqlx::Row::try_get(&row, 0_usize)?)
    }
}
