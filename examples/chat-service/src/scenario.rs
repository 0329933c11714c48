//! Eight simulated days of the service: what the demo prints and the tests check.

use crate::{ChatMessage, RequestLog, Service, UserProfile, engine, schema};
use chrono::{TimeDelta, TimeZone, Utc};
use privacy_core::engine::{AuditEntry, Clock, Dialect, ErasureReceipt};
use privacy_core::{Period, Secret, SubjectId};
use sqlx::Executor as _;

/// What eight days of the service came to.
#[derive(Debug)]
pub struct Summary {
    /// The schema check's verdict.
    pub schema: String,
    /// Writes the policy refused, with why.
    pub refused: Vec<String>,
    /// Per tenant, how many messages bob could read on day 8.
    pub inbox: Vec<(&'static str, usize)>,
    /// Ann's export from tenant `globex` on day 8.
    pub export: serde_json::Value,
    /// Ann's erasure receipt from tenant `globex`.
    pub receipt: ErasureReceipt,
    /// The audit log.
    pub audit: Vec<AuditEntry>,
}

/// Creates the service's tables on `pool`, then runs eight days: tenant `acme` keeps end
/// users' data 7 days (the default), `globex` chose 30 days, `initech` opted out; on day 8
/// the sweeper has run, bob reads his inbox, ann asks for her data and its erasure.
///
/// # Errors
/// When the database or the engine fails.
pub async fn eight_days<DB>(pool: sqlx::Pool<DB>) -> Result<Summary, Box<dyn std::error::Error>>
where
    DB: Dialect,
    for<'c> &'c mut DB::Connection: sqlx::Executor<'c, Database = DB>,
    for<'q> <DB as sqlx::Database>::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
    for<'q> String: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    for<'q> chrono::DateTime<Utc>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    for<'q> Secret<String>: sqlx::Encode<'q, DB>,
    for<'r> ChatMessage: sqlx::FromRow<'r, DB::Row>,
    usize: sqlx::ColumnIndex<DB::Row>,
    i64: for<'r> sqlx::Decode<'r, DB> + sqlx::Type<DB>,
{
    for statement in schema(<DB as sqlx::Database>::NAME) {
        pool.execute(statement.as_str()).await?;
    }
    let day0 = Utc
        .with_ymd_and_hms(2026, 3, 1, 9, 0, 0)
        .single()
        .ok_or("a valid date")?;
    let clock = Clock::manual(day0);
    let engine = engine(pool, clock.clone())?;
    engine.install().await?;
    let schema = engine.check_schema().await?.to_string();
    let service = Service::new(engine.clone());
    engine
        .choose_period("globex", Some(Period::days(30)))
        .await?;
    engine.opt_out("initech").await?;
    let mut refused = Vec::new();
    for (n, app) in ["acme", "globex", "initech"].into_iter().enumerate() {
        let message = ChatMessage {
            app_id: app.into(),
            id: format!("m{n}"),
            sender: "ann".into(),
            recipient: "bob".into(),
            body: "see you at nine".into(),
            sent_at: clock.now(),
        };
        if let Err(error) = service.send(&message).await {
            refused.push(format!("{app}: {error}"));
        }
    }
    service
        .save_profile(&UserProfile {
            app_id: "globex".into(),
            user_id: "ann".into(),
            nickname: "Nightingale".into(),
            push_token: Secret::new("push-token-7f3a".into()),
            updated_at: clock.now(),
        })
        .await?;
    service
        .log_request(&RequestLog {
            app_id: "acme".into(),
            client_ip: "203.0.113.77".into(),
            interface: "sendmsg".into(),
            at: clock.now(),
        })
        .await?;
    let sweeper = engine.spawn_sweeper(std::time::Duration::from_millis(20));
    clock.advance(TimeDelta::days(8));
    // The sweeper's next runs see day 8.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    sweeper.shutdown().await;
    let mut inbox = Vec::new();
    for app in ["acme", "globex", "initech"] {
        inbox.push((app, service.inbox(app, "bob").await?.len()));
    }
    let ann = SubjectId::new("ann");
    let export = engine.export("globex", &ann).await?;
    let receipt = engine.erase("globex", &ann).await?;
    let audit = engine.audit_log().await?;
    Ok(Summary {
        schema,
        refused,
        inbox,
        export,
        receipt,
        audit,
    })
}
