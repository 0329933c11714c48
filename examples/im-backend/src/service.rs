//! The HTTP service: axum routes over the service's own tables, each read with the engine's
//! `visible` condition and each write through the engine's `admit` guard; every request
//! logged by `tower-http` under its route (never its path, which holds user ids), and every
//! classified value logged through its redacted view.

use crate::db::Backend;
use crate::model::{AccountIds, AppConfig, Message, MonitoringSample, RequestLog, UserProfile};
use axum::extract::{MatchedPath, Path, Query, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use privacy_core::engine::{Engine, EngineError};
use privacy_core::report::{Inventory, Lang, tables};
use privacy_core::{Classified, Period, Secret, SubjectId};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

/// The service's state: the pool, the engine over it, and the interface statistics that
/// become monitoring samples. Cheap to clone.
pub struct App<DB: Backend> {
    /// The engine enforcing the policy on the service's tables.
    pub engine: Engine<DB>,
    stats: Arc<Mutex<BTreeMap<(String, String), Stat>>>,
    next_id: Arc<AtomicU64>,
}

impl<DB: Backend> Clone for App<DB> {
    fn clone(&self) -> Self {
        App {
            engine: self.engine.clone(),
            stats: Arc::clone(&self.stats),
            next_id: Arc::clone(&self.next_id),
        }
    }
}

#[derive(Default)]
struct Stat {
    calls: u64,
    ok: u64,
    latency_us: u64,
}

impl<DB: Backend> App<DB> {
    /// The service over `engine` (built with [`crate::sim::engine`] or the like).
    #[must_use]
    pub fn new(engine: Engine<DB>) -> Self {
        App {
            engine,
            stats: Arc::default(),
            next_id: Arc::new(AtomicU64::new(1)),
        }
    }

    /// Creates the service's tables and the engine's.
    ///
    /// # Errors
    /// When the database refuses a statement.
    pub async fn install(&self) -> Result<(), ApiError> {
        for statement in DB::schema() {
            DB::run_statement(self.engine.pool(), &statement)
                .await
                .map_err(|_| ApiError::database("creating the service's tables"))?;
        }
        self.engine.install().await?;
        Ok(())
    }

    /// Drops the service's tables and the engine's, for a simulation that starts empty.
    ///
    /// # Errors
    /// When the database refuses a statement.
    pub async fn drop_tables(&self) -> Result<(), ApiError> {
        let tables = self.engine.tables();
        let engine = [
            &tables.tenants,
            &tables.floors,
            &tables.holds,
            &tables.audit,
        ];
        for table in crate::model::TABLES
            .iter()
            .map(|(table, _)| *table)
            .chain(engine.iter().map(|table| table.as_str()))
        {
            DB::run_statement(self.engine.pool(), &format!("DROP TABLE IF EXISTS {table}"))
                .await
                .map_err(|_| ApiError::database("dropping the simulation's tables"))?;
        }
        Ok(())
    }

    fn pool(&self) -> &sqlx::Pool<DB> {
        self.engine.pool()
    }

    /// Writes one monitoring sample per application and interface called since the last
    /// flush (success rate, average latency), then starts counting again.
    ///
    /// # Errors
    /// When the database fails.
    pub async fn flush_monitoring(&self) -> Result<u64, ApiError> {
        let taken = std::mem::take(&mut *self.stats.lock().unwrap_or_else(PoisonError::into_inner));
        let at = self.engine.now();
        let mut written = 0;
        for ((app_id, interface), stat) in taken {
            #[allow(clippy::cast_precision_loss)]
            let sample = MonitoringSample {
                app_id,
                interface,
                success_rate: stat.ok as f64 / stat.calls.max(1) as f64,
                average_latency_us: i64::try_from(stat.latency_us / stat.calls.max(1))
                    .unwrap_or(i64::MAX),
                at,
            };
            self.engine.admit(&sample).await?;
            DB::insert_sample(self.pool(), &sample)
                .await
                .map_err(|_| ApiError::database("writing a monitoring sample"))?;
            written += 1;
        }
        Ok(written)
    }
}

/// An error as the API answers it: a status and a message that quotes no stored value.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn database(operation: &str) -> Self {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: format!("the database failed while {operation}"),
        }
    }

    fn not_found(what: &str) -> Self {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: format!("no {what} here (or no longer: past its retention)"),
        }
    }

    fn bad_request(message: String) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status.as_u16(), self.message)
    }
}

impl std::error::Error for ApiError {}

impl From<EngineError> for ApiError {
    fn from(error: EngineError) -> Self {
        let status = match &error {
            EngineError::Refused { .. } => StatusCode::FORBIDDEN,
            EngineError::Decision(_) | EngineError::Identifier { .. } => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError {
            status,
            message: error.to_string(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::error!(error = %self.message, "request failed");
        }
        (self.status, Json(json!({ "error": self.message }))).into_response()
    }
}

type Answer<T> = Result<T, ApiError>;

/// The answer to a read of one row: the row, 404 `what` when none is visible (there is none,
/// or no longer: past its retention), 500 when the database failed while `reading`.
fn found<T>(row: sqlx::Result<Option<T>>, reading: &str, what: &str) -> Answer<Json<T>> {
    row.map_err(|_| ApiError::database(reading))?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(what))
}

/// The service's routes, with request logging and tracing.
pub fn router<DB: Backend>(app: App<DB>) -> Router {
    Router::new()
        .route("/apps/{app}", put(provision::<DB>))
        .route("/apps/{app}/config", get(config::<DB>))
        .route(
            "/apps/{app}/settings",
            get(settings::<DB>).put(set_settings::<DB>),
        )
        .route("/apps/{app}/messages", post(send::<DB>))
        .route("/apps/{app}/messages/{id}", get(message::<DB>))
        .route("/apps/{app}/users/{user}/messages", get(messages_of::<DB>))
        .route(
            "/apps/{app}/users/{user}/profile",
            get(profile::<DB>).put(set_profile::<DB>),
        )
        .route("/apps/{app}/users/{user}/export", get(export::<DB>))
        .route(
            "/apps/{app}/users/{user}",
            axum::routing::delete(erase::<DB>),
        )
        .route("/policy/tables", get(policy_tables))
        .route("/policy/inventory", get(inventory))
        .route("/admin/sweep", post(sweep::<DB>))
        .route("/admin/monitoring", post(monitoring::<DB>))
        .route("/admin/rows", get(rows::<DB>))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            record::<DB>,
        ))
        .layer(
            tower_http::trace::TraceLayer::new_for_http()
                .make_span_with(|request: &Request| {
                    // The route, not the path: paths hold user ids.
                    let route = request
                        .extensions()
                        .get::<MatchedPath>()
                        .map_or("unmatched", MatchedPath::as_str);
                    tracing::info_span!("http", method = %request.method(), route)
                })
                .on_response(
                    tower_http::trace::DefaultOnResponse::new().level(tracing::Level::INFO),
                ),
        )
        .with_state(app)
}

/// Logs each request of an application into `request_logs` (the policy's log data: exit
/// IP, interface, time) and counts it for monitoring.
async fn record<DB: Backend>(State(app): State<App<DB>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| path.as_str().to_owned());
    let tenant = request
        .uri()
        .path()
        .strip_prefix("/apps/")
        .and_then(|rest| rest.split('/').next())
        .map(str::to_owned);
    let client_ip = request
        .headers()
        .get("x-forwarded-for")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(',').next())
        .and_then(|value| value.trim().parse::<std::net::IpAddr>().ok())
        .or_else(|| {
            request
                .extensions()
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|info| info.0.ip())
        });
    let response = next.run(request).await;
    if let (Some(interface), Some(app_id)) = (route, tenant) {
        let status = response.status();
        let elapsed = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
        {
            let mut stats = app.stats.lock().unwrap_or_else(PoisonError::into_inner);
            let stat = stats
                .entry((app_id.clone(), interface.clone()))
                .or_default();
            stat.calls += 1;
            stat.ok += u64::from(!status.is_server_error());
            stat.latency_us += elapsed;
        }
        let log = RequestLog {
            app_id,
            client_ip: client_ip.map_or_else(|| "unknown".into(), |ip| ip.to_string()),
            interface,
            status: i64::from(status.as_u16()),
            at: app.engine.now(),
        };
        match app.engine.admit(&log).await {
            Ok(()) => {
                if DB::insert_log(app.pool(), &log).await.is_err() {
                    tracing::error!(request = %log.redacted(), "the request log was not written");
                }
            }
            Err(error) => tracing::warn!(request = %log.redacted(), %error, "request log refused"),
        }
    }
    response
}

/// An application's configuration and account identifiers, as its administrator sets them.
#[derive(Deserialize)]
pub struct Provision {
    /// The application's name.
    pub name: String,
    /// The callback URL.
    pub callback_url: String,
    /// The administrator's e-mail address.
    pub administrator: String,
    /// The app key.
    pub app_key: String,
    /// The offline-push AppSecret.
    pub push_app_secret: String,
    /// The data centre.
    pub data_centre: String,
    /// The UIN of the account.
    pub uin: i64,
}

async fn provision<DB: Backend>(
    State(app): State<App<DB>>,
    Path(app_id): Path<String>,
    Json(body): Json<Provision>,
) -> Answer<StatusCode> {
    let config = AppConfig {
        app_id: app_id.clone(),
        name: body.name,
        callback_url: body.callback_url,
        administrator: body.administrator,
        app_key: Secret::new(body.app_key),
        push_app_secret: Secret::new(body.push_app_secret),
        data_centre: body.data_centre,
    };
    app.engine.admit(&config).await?;
    DB::upsert_config(app.pool(), &config)
        .await
        .map_err(|_| ApiError::database("writing a configuration"))?;
    let account = AccountIds {
        app_id,
        uin: body.uin,
    };
    app.engine.admit(&account).await?;
    DB::insert_account(app.pool(), &account)
        .await
        .map_err(|_| ApiError::database("writing account ids"))?;
    tracing::info!(config = %config.redacted(), account = %account.redacted(), "application provisioned");
    Ok(StatusCode::NO_CONTENT)
}

async fn config<DB: Backend>(
    State(app): State<App<DB>>,
    Path(app_id): Path<String>,
) -> Answer<Json<AppConfig>> {
    let visible = app.engine.visible::<AppConfig>("c")?;
    let config = DB::config(app.pool(), &app_id, &visible).await;
    found(config, "reading a configuration", "configuration")
}

/// A tenant's decisions, as the settings endpoints read and write them.
#[derive(Serialize, Deserialize, Default)]
pub struct Settings {
    /// Whether end users' data may be stored (`false`: processed momentarily, never stored).
    #[serde(default)]
    pub stores_end_user_data: Option<bool>,
    /// The chosen period for end users' data, in days (`0`: back to the default).
    #[serde(default)]
    pub period_days: Option<u32>,
    /// Whether the customer stopped using the service.
    #[serde(default)]
    pub terminated: Option<bool>,
}

async fn settings<DB: Backend>(
    State(app): State<App<DB>>,
    Path(app_id): Path<String>,
) -> Answer<Json<Value>> {
    let decision = app.engine.tenant(&app_id).await?;
    Ok(Json(json!({
        "stores_end_user_data": decision.stores_end_user_data,
        "period_days": decision.period_seconds.map(|seconds| seconds / 86_400),
        "terminated_at": decision.terminated_at,
    })))
}

async fn set_settings<DB: Backend>(
    State(app): State<App<DB>>,
    Path(app_id): Path<String>,
    Json(body): Json<Settings>,
) -> Answer<Json<Value>> {
    match body.stores_end_user_data {
        Some(false) => app.engine.opt_out(&app_id).await?,
        Some(true) => app.engine.opt_in(&app_id).await?,
        None => {}
    }
    match body.period_days {
        Some(0) => app.engine.choose_period(&app_id, None).await?,
        Some(days) => {
            app.engine
                .choose_period(&app_id, Some(Period::days(days)))
                .await?
        }
        None => {}
    }
    match body.terminated {
        Some(true) => app.engine.terminate(&app_id).await?,
        Some(false) => app.engine.reactivate(&app_id).await?,
        None => {}
    }
    settings(State(app), Path(app_id)).await
}

/// Stores an end user's `record` (a `kind`) through the engine's guard: refused when the
/// tenant's decisions do not allow it (logged, answered with the engine's error), else
/// written by `write` and logged as stored; each time through its redacted view.
async fn store<DB: Backend, R: Classified>(
    app: &App<DB>,
    kind: &str,
    record: &R,
    write: impl Future<Output = sqlx::Result<()>>,
) -> Answer<()> {
    if let Err(error) = app.engine.admit(record).await {
        tracing::info!(record = %record.redacted(), %error, "{kind} not stored");
        return Err(error.into());
    }
    write
        .await
        .map_err(|_| ApiError::database(&format!("storing a {kind}")))?;
    tracing::info!(record = %record.redacted(), "{kind} stored");
    Ok(())
}

/// A message as a client sends it.
#[derive(Deserialize)]
pub struct Send {
    /// The sender.
    pub sender: String,
    /// The receiver.
    pub recipient: String,
    /// The text.
    pub body: String,
}

async fn send<DB: Backend>(
    State(app): State<App<DB>>,
    Path(app_id): Path<String>,
    Json(body): Json<Send>,
) -> Answer<(StatusCode, Json<Value>)> {
    let id = format!("m{}", app.next_id.fetch_add(1, Ordering::Relaxed));
    let message = Message {
        app_id,
        id,
        sender: body.sender,
        recipient: body.recipient,
        body: body.body,
        sent_at: app.engine.now(),
    };
    store(
        &app,
        "message",
        &message,
        DB::insert_message(app.pool(), &message),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": message.id }))))
}

async fn message<DB: Backend>(
    State(app): State<App<DB>>,
    Path((app_id, id)): Path<(String, String)>,
) -> Answer<Json<Message>> {
    let visible = app.engine.visible::<Message>("m")?;
    let message = DB::message(app.pool(), &app_id, &id, &visible).await;
    found(message, "reading a message", "message")
}

async fn messages_of<DB: Backend>(
    State(app): State<App<DB>>,
    Path((app_id, user)): Path<(String, String)>,
) -> Answer<Json<Vec<Message>>> {
    let visible = app.engine.visible::<Message>("m")?;
    Ok(Json(
        DB::messages_of(app.pool(), &app_id, &user, &visible)
            .await
            .map_err(|_| ApiError::database("reading messages"))?,
    ))
}

/// A profile as a client writes it.
#[derive(Deserialize)]
pub struct ProfileBody {
    /// Nickname.
    pub nickname: String,
    /// Avatar URL.
    pub avatar_url: String,
    /// Personalised signature.
    pub signature: String,
}

async fn set_profile<DB: Backend>(
    State(app): State<App<DB>>,
    Path((app_id, user_id)): Path<(String, String)>,
    Json(body): Json<ProfileBody>,
) -> Answer<StatusCode> {
    let profile = UserProfile {
        app_id,
        user_id,
        nickname: body.nickname,
        avatar_url: body.avatar_url,
        signature: body.signature,
        updated_at: app.engine.now(),
    };
    store(
        &app,
        "profile",
        &profile,
        DB::upsert_profile(app.pool(), &profile),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn profile<DB: Backend>(
    State(app): State<App<DB>>,
    Path((app_id, user)): Path<(String, String)>,
) -> Answer<Json<UserProfile>> {
    let visible = app.engine.visible::<UserProfile>("p")?;
    let profile = DB::profile(app.pool(), &app_id, &user, &visible).await;
    found(profile, "reading a profile", "profile")
}

async fn export<DB: Backend>(
    State(app): State<App<DB>>,
    Path((app_id, user)): Path<(String, String)>,
) -> Answer<Json<Value>> {
    Ok(Json(
        app.engine.export(&app_id, &SubjectId::new(user)).await?,
    ))
}

async fn erase<DB: Backend>(
    State(app): State<App<DB>>,
    Path((app_id, user)): Path<(String, String)>,
) -> Answer<Json<Value>> {
    let receipt = app.engine.erase(&app_id, &SubjectId::new(user)).await?;
    tracing::info!(request = %receipt.request, deleted = receipt.deleted(), "erasure request answered");
    let lines: Vec<Value> = receipt
        .lines
        .iter()
        .map(|line| {
            json!({
                "type": line.type_name, "table": line.table,
                "deleted": line.deleted, "redacted": line.redacted, "held": line.held,
            })
        })
        .collect();
    Ok(Json(json!({
        "request": receipt.request,
        "complete": receipt.is_complete(),
        "lines": lines,
        "receipt": receipt.to_string(),
    })))
}

/// The query of the policy tables.
#[derive(Deserialize)]
pub struct LangQuery {
    /// `en`, `zh`, `ja`, `ko` or `id`.
    pub lang: Option<String>,
}

async fn policy_tables(Query(query): Query<LangQuery>) -> Answer<String> {
    let code = query.lang.as_deref().unwrap_or("en");
    let lang = Lang::from_code(code).ok_or_else(|| {
        ApiError::bad_request(format!(
            "unknown language `{code}`; one of en, zh, ja, ko, id"
        ))
    })?;
    tables::render(&Inventory::linked(), lang).map_err(|error| ApiError {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        message: error.to_string(),
    })
}

async fn inventory() -> Json<Value> {
    Json(Inventory::linked().to_json())
}

async fn sweep<DB: Backend>(State(app): State<App<DB>>) -> Answer<Json<Value>> {
    let report = app.engine.sweep().await?;
    let lines: Vec<Value> = report
        .lines
        .iter()
        .map(|line| {
            json!({
                "type": line.type_name, "table": line.table, "tenant": line.tenant,
                "reason": line.reason.to_string(), "deleted": line.deleted,
            })
        })
        .collect();
    Ok(Json(
        json!({ "deleted": report.deleted, "batches": report.batches, "lines": lines }),
    ))
}

async fn monitoring<DB: Backend>(State(app): State<App<DB>>) -> Answer<Json<Value>> {
    Ok(Json(json!({ "samples": app.flush_monitoring().await? })))
}

async fn rows<DB: Backend>(State(app): State<App<DB>>) -> Answer<Json<Value>> {
    let mut out = serde_json::Map::new();
    for (table, _) in crate::model::TABLES {
        let counts = DB::rows_per_tenant(app.pool(), table)
            .await
            .map_err(|_| ApiError::database("counting rows"))?;
        out.insert(
            table.to_owned(),
            Value::Object(
                counts
                    .into_iter()
                    .map(|(app, n)| (app, Value::from(n)))
                    .collect(),
            ),
        );
    }
    Ok(Json(Value::Object(out)))
}

/// The instant as the API prints it.
#[must_use]
pub fn day_of(start: DateTime<Utc>, at: DateTime<Utc>) -> i64 {
    (at - start).num_days()
}
