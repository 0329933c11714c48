//! A tokio chat service with its own tables that keeps the reference policy through the
//! toolkit's public API alone: compile-time checks (`#[derive(Classified)]` beside
//! `sqlx::FromRow`), redacted tracing, retention and erasure by the engine on the service's own
//! tables (no SQL of its own for either), export, and the drift gate (`tests/policy.rs`).

pub mod model;
pub mod scenario;
pub mod service;

pub use model::{ChatMessage, RequestLog, UserProfile, schema};
pub use service::{Service, ServiceError};

use privacy_core::engine::{Clock, Dialect, Engine, EngineError};

/// The engine over the service's pool with its three types mapped.
///
/// # Errors
/// When a mapping cannot be enforced (none here: the derive and the builder check them).
pub fn engine<DB: Dialect>(pool: sqlx::Pool<DB>, clock: Clock) -> Result<Engine<DB>, EngineError> {
    Engine::builder(pool)
        .table::<ChatMessage>()
        .table::<UserProfile>()
        .table::<RequestLog>()
        .clock(clock)
        .build()
}
