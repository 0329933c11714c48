//! The simulation: the service in-process on a simulated clock, driven through its HTTP API
//! by four customer applications for a number of days. Every request goes through the same
//! router a real deployment serves (`tower::ServiceExt::oneshot`, no socket).

use crate::db::Backend;
use crate::model::{AccountIds, AppConfig, Message, MonitoringSample, RequestLog, UserProfile};
use crate::service::{App, router};
use axum::Router;
use axum::body::Body;
use axum::http::Request;
pub use axum::http::{Method, StatusCode};
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use privacy_core::engine::{Clock, Engine, EngineError};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use tower::ServiceExt as _;

/// The key subject references and export pseudonyms are computed under; a real service
/// reads it from its secret store.
pub const SUBJECT_KEY: &[u8] = b"im-backend demo subject key, not a secret";

/// The first simulated instant.
#[must_use]
pub fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or_default()
}

/// The engine over the service's tables on `pool`, on `clock`.
///
/// # Errors
/// When a mapping cannot be enforced (it can: the tests prove it).
pub fn engine<DB: Backend>(pool: sqlx::Pool<DB>, clock: Clock) -> Result<Engine<DB>, EngineError> {
    Engine::builder(pool)
        .table::<Message>()
        .table::<UserProfile>()
        .table::<RequestLog>()
        .table::<MonitoringSample>()
        .table::<AppConfig>()
        .table::<AccountIds>()
        .clock(clock)
        .subject_key(SUBJECT_KEY)
        .build()
}

/// One customer application of the simulation.
#[derive(Clone, Copy, Debug)]
pub struct Tenant {
    /// Its id (the tenant column of every table).
    pub id: &'static str,
    /// What it chose, in words.
    pub describe: &'static str,
    /// Its chosen period for end users' data, in days.
    pub period_days: Option<u32>,
    /// Whether it opted out of storing end users' data.
    pub opted_out: bool,
    /// The day its account ends (at 08:00; it sends nothing from then on).
    pub terminates_on: Option<i64>,
}

/// The four tenants.
pub const TENANTS: [Tenant; 4] = [
    Tenant {
        id: "chat-30d",
        describe: "chose 30 days for end users' data",
        period_days: Some(30),
        opted_out: false,
        terminates_on: None,
    },
    Tenant {
        id: "chat-default",
        describe: "chose nothing: 7 days",
        period_days: None,
        opted_out: false,
        terminates_on: None,
    },
    Tenant {
        id: "no-storage",
        describe: "opted out of storing end users' data",
        period_days: None,
        opted_out: true,
        terminates_on: None,
    },
    Tenant {
        id: "leaving",
        describe: "account ends on day 20",
        period_days: None,
        opted_out: false,
        terminates_on: Some(20),
    },
];

/// An HTTP client of the in-process service.
#[derive(Clone)]
pub struct Client {
    router: Router,
    /// Requests answered so far.
    pub requests: u64,
}

impl Client {
    /// A client of `router`.
    #[must_use]
    pub fn new(router: Router) -> Self {
        Client {
            router,
            requests: 0,
        }
    }

    /// Sends one request from `ip` (as the load balancer forwards it); returns the status and
    /// the body as JSON (or as a JSON string when it is text).
    ///
    /// # Errors
    /// When the request cannot be built or its body read.
    pub async fn call(
        &mut self,
        method: Method,
        uri: &str,
        body: Option<Value>,
        ip: &str,
    ) -> Result<(StatusCode, Value), Box<dyn std::error::Error + Send + Sync>> {
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .header("x-forwarded-for", ip)
            .header("content-type", "application/json")
            .body(body.map_or_else(Body::empty, |body| Body::from(body.to_string())))?;
        let response = self.router.clone().oneshot(request).await?;
        self.requests += 1;
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await?;
        let value = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::from(String::from_utf8_lossy(&bytes).into_owned()));
        Ok((status, value))
    }

    /// Sends one request as [`Client::call`] does, which the service must answer with
    /// `wanted`; returns the body.
    ///
    /// # Errors
    /// As [`Client::call`], and when the service answers another status.
    pub async fn expect(
        &mut self,
        method: Method,
        uri: &str,
        body: Option<Value>,
        ip: &str,
        wanted: StatusCode,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let (status, body) = self.call(method, uri, body, ip).await?;
        if status == wanted {
            Ok(body)
        } else {
            Err(format!("the service answered {status} where {wanted} was expected: {body}").into())
        }
    }

    /// Sends one request without a body, which the service must answer with 200 OK; returns
    /// the body.
    ///
    /// # Errors
    /// As [`Client::expect`].
    pub async fn ok(
        &mut self,
        method: Method,
        uri: &str,
        ip: &str,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        self.expect(method, uri, None, ip, StatusCode::OK).await
    }

    /// Whether a GET of `uri` finds nothing (404).
    ///
    /// # Errors
    /// As [`Client::call`].
    pub async fn not_found(
        &mut self,
        uri: &str,
        ip: &str,
    ) -> Result<bool, Box<dyn std::error::Error + Send + Sync>> {
        let (status, _) = self.call(Method::GET, uri, None, ip).await?;
        Ok(status == StatusCode::NOT_FOUND)
    }
}

/// What one simulated day left in the database: rows per table, and chat messages per tenant.
#[derive(Clone, Debug, Default)]
pub struct DayRows {
    /// Rows per table (short name), summed over tenants.
    pub per_table: BTreeMap<&'static str, i64>,
    /// Chat messages per tenant.
    pub messages: BTreeMap<String, i64>,
}

/// When a tenant's day-0 record stopped being readable.
#[derive(Clone, Debug, Default)]
pub struct Gone {
    /// The first day the chat message was not readable (`None`: still readable, or never
    /// stored when `refused`).
    pub message: Option<i64>,
    /// The same for the profile.
    pub profile: Option<i64>,
    /// The same for the configuration.
    pub config: Option<i64>,
    /// Whether the day-0 message was refused.
    pub refused: bool,
}

/// Everything the simulation observed.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Simulated days.
    pub days: i64,
    /// Requests sent.
    pub requests: u64,
    /// Per simulated day (after its midnight sweep).
    pub daily: Vec<DayRows>,
    /// Per tenant.
    pub gone: BTreeMap<&'static str, Gone>,
    /// Refused writes per tenant and kind, with the first reason.
    pub refused: BTreeMap<(&'static str, &'static str), (u64, String)>,
    /// Rows deleted by sweeps, per table and reason, with the first sweep's day.
    pub swept: BTreeMap<(String, String), (u64, i64)>,
    /// The end user whose export and erasure the demo shows.
    pub subject: (&'static str, String),
    /// Their export, before erasure.
    pub export: Value,
    /// The erasure receipt.
    pub receipt: Value,
    /// Their visible messages and export records after erasure.
    pub after_erasure: (usize, usize),
}

/// Where the operator's requests (monitoring, sweeps, row counts) come from.
const ADMIN_IP: &str = "10.0.0.1";
/// Where the probes of the tenants' day-0 records come from.
const PROBE_IP: &str = "10.0.0.2";

fn user(n: u64) -> String {
    format!("user-{n}")
}

fn ip(n: u64) -> String {
    format!("203.0.113.{}", 10 + n % 200)
}

/// Runs the simulation over `days` days on `app` (installed, empty tables), with `clock`
/// the engine's, then one end user's export and erasure; `tick` is called after each day.
///
/// # Errors
/// When a request fails to go through, or the service answers an unexpected error.
pub async fn run<DB: Backend>(
    app: App<DB>,
    clock: &Clock,
    days: i64,
    tick: impl FnMut(i64),
) -> Result<Outcome, Box<dyn std::error::Error + Send + Sync>> {
    let (mut outcome, mut client) = traffic_with(app, clock, days, tick).await?;
    // One end user's export, then erasure.
    let (tenant, subject) = ("chat-30d", user(3));
    let uri = format!("/apps/{tenant}/users/{subject}");
    let export = client
        .ok(Method::GET, &format!("{uri}/export"), &ip(3))
        .await?;
    let receipt = client.ok(Method::DELETE, &uri, &ip(3)).await?;
    let messages = client
        .ok(Method::GET, &format!("{uri}/messages"), &ip(3))
        .await?;
    let after = client
        .ok(Method::GET, &format!("{uri}/export"), &ip(3))
        .await?;
    outcome.after_erasure = (messages.as_array().map_or(0, Vec::len), records(&after));
    outcome.subject = (tenant, subject);
    outcome.export = export;
    outcome.receipt = receipt;
    outcome.requests = client.requests;
    Ok(outcome)
}

/// The simulated days alone: the tenants' traffic, sweeping at every midnight.
///
/// # Errors
/// When a request fails to go through, or the service answers an unexpected error.
pub async fn traffic<DB: Backend>(
    app: App<DB>,
    clock: &Clock,
    days: i64,
    tick: impl FnMut(i64),
) -> Result<Outcome, Box<dyn std::error::Error + Send + Sync>> {
    Ok(traffic_with(app, clock, days, tick).await?.0)
}

async fn traffic_with<DB: Backend>(
    app: App<DB>,
    clock: &Clock,
    days: i64,
    mut tick: impl FnMut(i64),
) -> Result<(Outcome, Client), Box<dyn std::error::Error + Send + Sync>> {
    let start = start();
    clock.set(start);
    let mut client = Client::new(router(app.clone()));
    let mut outcome = Outcome {
        days,
        ..Outcome::default()
    };
    let mut first_message: BTreeMap<&str, String> = BTreeMap::new();
    let at = |day: i64, hour: i64| start + TimeDelta::days(day) + TimeDelta::hours(hour);

    for (n, tenant) in TENANTS.iter().enumerate() {
        let admin = ip(n as u64);
        let settings = json!({
            "stores_end_user_data": !tenant.opted_out,
            "period_days": tenant.period_days.unwrap_or(0),
        });
        put_settings(&mut client, tenant, settings, &admin).await?;
        let provision = json!({
            "name": format!("{} chat", tenant.id),
            "callback_url": format!("https://{}.example.com/im/callback", tenant.id),
            "administrator": format!("admin@{}.example.com", tenant.id),
            "app_key": format!("app-key-{n}-7f3a9c"),
            "push_app_secret": format!("push-secret-{n}-e41b"),
            "data_centre": "eu-frankfurt",
            "uin": 1_400_000_001 + n as i64,
        });
        client
            .expect(
                Method::PUT,
                &format!("/apps/{}", tenant.id),
                Some(provision),
                &admin,
                StatusCode::NO_CONTENT,
            )
            .await?;
        outcome.gone.insert(tenant.id, Gone::default());
    }

    for day in 0..days {
        for hour in 8..=20 {
            clock.set(at(day, hour));
            for (n, tenant) in TENANTS.iter().enumerate() {
                if hour == 9 {
                    probe(
                        &mut client,
                        &mut outcome,
                        tenant,
                        day,
                        first_message.get(tenant.id),
                    )
                    .await?;
                }
                if hour == 8 && tenant.terminates_on == Some(day) {
                    let terminated = json!({ "terminated": true });
                    put_settings(&mut client, tenant, terminated, &ip(0)).await?;
                }
                if tenant.terminates_on.is_some_and(|ended| day >= ended) {
                    continue;
                }
                let seed = (day as u64) * 31 + hour as u64 * 7 + n as u64;
                if hour == 9 {
                    // The day's messages: one an hour from 9 to 16; user-0's profile only
                    // on day 0 (the probe's record), others' every day.
                    let profile_user = if day == 0 {
                        user(0)
                    } else {
                        user(1 + seed % 9)
                    };
                    let profile = json!({
                        "nickname": format!("Nightingale {profile_user}"),
                        "avatar_url": format!("https://cdn.example.com/avatars/{profile_user}.png"),
                        "signature": "out of office",
                    });
                    let uri = format!("/apps/{}/users/{profile_user}/profile", tenant.id);
                    let (status, answer) = client
                        .call(Method::PUT, &uri, Some(profile), &ip(seed))
                        .await?;
                    refused(&mut outcome, tenant, "profiles", status, &answer)?;
                    if day == 0 && status == StatusCode::FORBIDDEN {
                        outcome.gone.entry(tenant.id).or_default().refused = true;
                    }
                }
                if (9..=16).contains(&hour) {
                    let from = if day == 0 && hour == 9 {
                        0
                    } else {
                        1 + seed % 9
                    };
                    let to = (from + 1 + seed % 8) % 10;
                    let body = json!({ "sender": user(from), "recipient": user(to), "body": format!("see you at {} o'clock", 8 + seed % 10) });
                    let uri = format!("/apps/{}/messages", tenant.id);
                    let (status, answer) = client
                        .call(Method::POST, &uri, Some(body), &ip(seed))
                        .await?;
                    if status == StatusCode::CREATED {
                        if day == 0 && hour == 9 {
                            first_message.insert(
                                tenant.id,
                                answer["id"].as_str().unwrap_or_default().to_owned(),
                            );
                        }
                    } else {
                        refused(&mut outcome, tenant, "chat messages", status, &answer)?;
                    }
                }
                if hour == 18 {
                    let reader = user(seed % 10);
                    let uri = format!("/apps/{}/users/{reader}/messages", tenant.id);
                    client.ok(Method::GET, &uri, &ip(seed)).await?;
                }
            }
            if hour % 6 == 0 {
                client
                    .ok(Method::POST, "/admin/monitoring", ADMIN_IP)
                    .await?;
            }
        }
        // Midnight: the sweep (the background sweeper's work, at a simulated instant), then
        // what the database holds.
        clock.set(at(day + 1, 0));
        client
            .ok(Method::POST, "/admin/monitoring", ADMIN_IP)
            .await?;
        let sweep = client.ok(Method::POST, "/admin/sweep", ADMIN_IP).await?;
        for line in sweep["lines"].as_array().into_iter().flatten() {
            let key = (
                line["table"].as_str().unwrap_or_default().to_owned(),
                line["reason"].as_str().unwrap_or_default().to_owned(),
            );
            let entry = outcome.swept.entry(key).or_insert((0, day + 1));
            entry.0 += line["deleted"].as_u64().unwrap_or(0);
        }
        let rows = client.ok(Method::GET, "/admin/rows", ADMIN_IP).await?;
        outcome.daily.push(day_rows(&rows));
        tick(day);
    }

    outcome.requests = client.requests;
    Ok((outcome, client))
}

/// The records of an export.
#[must_use]
pub fn records(export: &Value) -> usize {
    export["categories"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|category| category["records"].as_array().map_or(0, Vec::len))
        .sum()
}

/// Writes `tenant`'s settings (as its administrator at `ip`), which the service must accept.
async fn put_settings(
    client: &mut Client,
    tenant: &Tenant,
    settings: Value,
    ip: &str,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let uri = format!("/apps/{}/settings", tenant.id);
    client
        .expect(Method::PUT, &uri, Some(settings), ip, StatusCode::OK)
        .await?;
    Ok(())
}

/// Reads a tenant's day-0 records at 09:00, the hour they were written.
async fn probe(
    client: &mut Client,
    outcome: &mut Outcome,
    tenant: &Tenant,
    day: i64,
    first: Option<&String>,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    if day == 0 {
        return Ok(());
    }
    let gone = outcome.gone.entry(tenant.id).or_default();
    let app = format!("/apps/{}", tenant.id);
    if let (Some(id), None) = (first, gone.message)
        && client
            .not_found(&format!("{app}/messages/{id}"), PROBE_IP)
            .await?
    {
        gone.message = Some(day);
    }
    if !gone.refused
        && gone.profile.is_none()
        && client
            .not_found(&format!("{app}/users/user-0/profile"), PROBE_IP)
            .await?
    {
        gone.profile = Some(day);
    }
    if gone.config.is_none() && client.not_found(&format!("{app}/config"), PROBE_IP).await? {
        gone.config = Some(day);
    }
    Ok(())
}

fn refused(
    outcome: &mut Outcome,
    tenant: &Tenant,
    kind: &'static str,
    status: StatusCode,
    answer: &Value,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    if status.is_success() {
        return Ok(());
    }
    if status != StatusCode::FORBIDDEN {
        return Err(format!("a write of {kind} for {} answered {status}", tenant.id).into());
    }
    let entry = outcome
        .refused
        .entry((tenant.id, kind))
        .or_insert_with(|| (0, answer["error"].as_str().unwrap_or_default().to_owned()));
    entry.0 += 1;
    Ok(())
}

fn day_rows(rows: &Value) -> DayRows {
    let mut out = DayRows::default();
    for (table, short) in crate::model::TABLES {
        let per_tenant = rows[table].as_object().cloned().unwrap_or_default();
        let total: i64 = per_tenant.values().filter_map(Value::as_i64).sum();
        out.per_table.insert(short, total);
        if table == "messages" {
            for tenant in TENANTS {
                out.messages.insert(
                    tenant.id.to_owned(),
                    per_tenant
                        .get(tenant.id)
                        .and_then(Value::as_i64)
                        .unwrap_or(0),
                );
            }
        }
    }
    out
}
