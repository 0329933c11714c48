//! Retention, erasure and export on the tables where the service's rows already live: an
//! async engine over the service's own sqlx pool (SQLite, PostgreSQL, MySQL/MariaDB), on
//! tokio.
//!
//! A type names its table (`#[privacy(table = "...")]`) and its tenant column
//! (`#[privacy(tenant)]`); its `collected_at` and `subject` fields give the columns retention
//! and erasure use. The engine keeps three tables of its own beside the service's (tenant
//! decisions with per-table floors, legal holds, the audit log), so every replica and every
//! restart sees the same decisions:
//!
//! - [`sweep`](Engine::sweep) deletes due rows in bounded batches, each batch one transaction
//!   with its aggregated audit entry; concurrent sweepers on several replicas delete each row
//!   once; [`spawn_sweeper`](Engine::spawn_sweeper) runs it every minute on `tokio::spawn`;
//! - [`visible`](Engine::visible) is the SQL condition the service's reads add, so a row past
//!   its deadline is never read, swept or not;
//! - [`admit`](Engine::admit) guards the service's writes: end users' data of an opted-out
//!   tenant, and instants from the future, are refused;
//! - [`erase`](Engine::erase) and [`export`](Engine::export) answer a data subject's request
//!   by the subject columns of every mapped table.
//!
//! ```
//! # #[cfg(feature = "sqlite")]
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! use chrono::TimeDelta;
//! use privacy_core::engine::{Clock, Engine};
//! use privacy_core::{im, Classified};
//!
//! #[derive(Classified)]
//! #[privacy(category = im::LogData, table = "request_logs")]
//! struct RequestLog {
//!     #[privacy(tenant)]
//!     app_id: String,
//!     interface: String,
//!     #[privacy(collected_at)]
//!     at: chrono::DateTime<chrono::Utc>,
//! }
//!
//! let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
//! sqlx::query("CREATE TABLE request_logs (app_id TEXT, interface TEXT, at TEXT)").execute(&pool).await.unwrap();
//! let clock = Clock::manual(chrono::Utc::now());
//! let engine = Engine::builder(pool.clone()).table::<RequestLog>().clock(clock.clone()).build().unwrap();
//! engine.install().await.unwrap();
//!
//! sqlx::query("INSERT INTO request_logs VALUES ('acme', 'sendmsg', ?)").bind(clock.now()).execute(&pool).await.unwrap();
//! clock.advance(TimeDelta::days(7) + TimeDelta::seconds(1)); // cutoffs are whole seconds: due late, never early
//! let visible = format!("SELECT count(*) FROM request_logs AS r WHERE {}", engine.visible::<RequestLog>("r").unwrap());
//! assert_eq!(sqlx::query_scalar::<_, i64>(&visible).fetch_one(&pool).await.unwrap(), 0); // hidden at once
//! assert_eq!(engine.sweep().await.unwrap().deleted, 1);                                 // then deleted
//! # });
//! ```

mod audit;
mod clock;
mod decisions;
mod dialect;
mod error;
mod guard;
mod mapping;
#[cfg(feature = "mysql")]
mod mysql;
mod partitions;
#[cfg(feature = "postgres")]
mod postgres;
mod requests;
mod rules;
mod schema;
mod secret_column;
#[cfg(feature = "sqlite")]
mod sqlite;
mod sweep;

pub use audit::{AuditAction, AuditEntry, AuditReason};
pub use clock::Clock;
pub use decisions::{Hold, HoldId, TenantDecision};
pub use dialect::{Bind, Dialect, Params};
pub use error::EngineError;
pub use requests::{ErasureReceipt, ReceiptLine};
pub use schema::{SchemaProblem, SchemaReport};
#[doc(hidden)]
pub use sweep::Pause as __Pause;
pub use sweep::{SweepLine, SweepReport, Sweeper};

use crate::Classified;
use chrono::{DateTime, TimeDelta, Utc};
use mapping::Mapping;
use std::sync::Arc;

/// The names of the engine's own tables: a prefix (`privacy_` by default) and a fixed stem.
///
/// ```
/// use privacy_core::engine::EngineTables;
/// let tables = EngineTables::with_prefix("im_privacy_").unwrap();
/// assert_eq!(tables.audit, "im_privacy_audit");
/// assert!(EngineTables::with_prefix("p_a (x INT); DROP TABLE victim; --").is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngineTables {
    /// Tenant decisions: opt-out, chosen period, termination.
    pub tenants: String,
    /// Per tenant and table, the instant rows collected at or before stay due.
    pub floors: String,
    /// Legal holds.
    pub holds: String,
    /// The audit log.
    pub audit: String,
}

impl EngineTables {
    /// The statements creating the tables in `DB`'s column types.
    fn ddl<DB: Dialect>(&self) -> Vec<String> {
        let dialect::ColumnTypes {
            text,
            long_text,
            integer,
            id,
            options,
        } = DB::TYPES;
        let table = |name: &str, columns: String| {
            format!("CREATE TABLE IF NOT EXISTS {name} ({columns}){options}")
        };
        vec![
            table(
                &self.tenants,
                format!(
                    "tenant {text} PRIMARY KEY, stores_end_user_data SMALLINT NOT NULL DEFAULT 1, period_seconds {integer}, terminated_at {integer}, updated_at {integer} NOT NULL"
                ),
            ),
            table(
                &self.floors,
                format!(
                    "tenant {text} NOT NULL, table_name {text} NOT NULL, due_floor {integer} NOT NULL, PRIMARY KEY (tenant, table_name)"
                ),
            ),
            table(
                &self.holds,
                format!(
                    "id {id}, table_name {text}, tenant {text}, subject {text}, reason {long_text} NOT NULL, placed_at {integer} NOT NULL"
                ),
            ),
            table(
                &self.audit,
                format!(
                    "id {id}, at {integer} NOT NULL, action {text} NOT NULL, type_name {text} NOT NULL, table_name {text} NOT NULL, tenant {text}, count {integer} NOT NULL, cutoff {integer}, reason {text} NOT NULL, request {text}"
                ),
            ),
        ]
    }

    /// The tables under `prefix`, which must be a plain identifier start (ASCII letters,
    /// digits, `_`; at most 40 bytes), checked before any SQL runs.
    ///
    /// # Errors
    /// [`EngineError::Identifier`] for any other prefix.
    ///
    /// # Examples
    ///
    /// ```
    /// use privacy_core::engine::EngineTables;
    /// assert_eq!(EngineTables::with_prefix("privacy_").unwrap().tenants, "privacy_tenants");
    /// assert!(EngineTables::with_prefix("1x").is_err());
    /// ```
    pub fn with_prefix(prefix: &str) -> Result<Self, EngineError> {
        if prefix.len() > 40 || !mapping::is_identifier(&format!("{prefix}x")) {
            return Err(EngineError::Identifier {
                role: "table prefix",
                problem: "must be ASCII letters, digits and `_`, not start with a digit, and be at most 40 bytes long".into(),
            });
        }
        Ok(EngineTables {
            tenants: format!("{prefix}tenants"),
            floors: format!("{prefix}floors"),
            holds: format!("{prefix}holds"),
            audit: format!("{prefix}audit"),
        })
    }
}

/// The engine over one database. Cheap to clone: clones share the pool and the mappings, so
/// it can sit in a web framework's state.
///
/// ```
/// # #[cfg(feature = "sqlite")]
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// use privacy_core::engine::Engine;
/// let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
/// let engine = Engine::builder(pool).build().unwrap();
/// engine.install().await.unwrap();
/// assert!(engine.audit_log().await.unwrap().is_empty());
/// # });
/// ```
#[derive(Debug)]
pub struct Engine<DB: Dialect> {
    inner: Arc<Inner<DB>>,
}

impl<DB: Dialect> Clone for Engine<DB> {
    fn clone(&self) -> Self {
        Engine {
            inner: Arc::clone(&self.inner),
        }
    }
}

#[derive(Debug)]
struct Inner<DB: Dialect> {
    pool: sqlx::Pool<DB>,
    tables: EngineTables,
    mappings: Vec<Mapping>,
    clock: Clock,
    subject_key: crate::PseudonymKey,
    batch: usize,
    skew: TimeDelta,
    pause: Option<sweep::Pause>,
}

/// Builds an [`Engine`]: the pool, the mapped types, and settings with defaults.
///
/// ```
/// # #[cfg(feature = "sqlite")]
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// use privacy_core::engine::Engine;
/// let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
/// let engine = Engine::builder(pool).prefix("im_").batch_size(1_000).build().unwrap();
/// assert_eq!(engine.tables().holds, "im_holds");
/// # });
/// ```
#[derive(Debug)]
pub struct EngineBuilder<DB: Dialect> {
    pool: sqlx::Pool<DB>,
    prefix: String,
    types: Vec<&'static crate::TypeDescriptor>,
    clock: Clock,
    subject_key: Option<Vec<u8>>,
    batch: usize,
    skew: TimeDelta,
    pause: Option<sweep::Pause>,
}

/// The default rows per sweep batch: short transactions (a few milliseconds each here) that
/// still amortise their round trips.
///
/// ```
/// assert_eq!(privacy_core::engine::DEFAULT_BATCH, 5_000);
/// ```
pub const DEFAULT_BATCH: usize = 5_000;

/// How far in the future a `collected_at` may be before [`Engine::admit`] refuses it: clocks of
/// replicas drift by seconds, not by more.
///
/// ```
/// assert_eq!(privacy_core::engine::DEFAULT_SKEW, chrono::TimeDelta::minutes(5));
/// ```
pub const DEFAULT_SKEW: TimeDelta = TimeDelta::minutes(5);

impl<DB: Dialect> Engine<DB> {
    /// A builder over the service's own pool.
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let engine = privacy_core::engine::Engine::builder(pool).build().unwrap();
    /// assert_eq!(engine.tables().tenants, "privacy_tenants");
    /// # });
    /// ```
    #[must_use]
    pub fn builder(pool: sqlx::Pool<DB>) -> EngineBuilder<DB> {
        EngineBuilder {
            pool,
            prefix: "privacy_".into(),
            types: Vec::new(),
            clock: Clock::system(),
            subject_key: None,
            batch: DEFAULT_BATCH,
            skew: DEFAULT_SKEW,
            pause: None,
        }
    }

    /// The engine's own tables.
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let engine = privacy_core::engine::Engine::builder(pool).build().unwrap();
    /// assert_eq!(engine.tables().audit, "privacy_audit");
    /// # });
    /// ```
    #[must_use]
    pub fn tables(&self) -> &EngineTables {
        &self.inner.tables
    }

    /// The pool the engine runs on (the service's own).
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let engine = privacy_core::engine::Engine::builder(pool).build().unwrap();
    /// assert!(!engine.pool().is_closed());
    /// # });
    /// ```
    #[must_use]
    pub fn pool(&self) -> &sqlx::Pool<DB> {
        &self.inner.pool
    }

    /// The time now, by the engine's clock.
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// use privacy_core::engine::{Clock, Engine};
    /// let engine = Engine::builder(pool).clock(Clock::manual(chrono::DateTime::UNIX_EPOCH)).build().unwrap();
    /// assert_eq!(engine.now(), chrono::DateTime::UNIX_EPOCH);
    /// # });
    /// ```
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        self.inner.clock.now()
    }

    /// The statements that create the engine's tables, for services that run their own
    /// migrations. [`install`](Engine::install) runs the same.
    ///
    /// ```
    /// # #[cfg(feature = "postgres")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// use privacy_core::engine::Engine;
    /// let pool = sqlx::postgres::PgPoolOptions::new().connect_lazy("postgres://localhost/test").unwrap();
    /// let ddl = Engine::builder(pool).build().unwrap().ddl();
    /// assert!(ddl[0].starts_with("CREATE TABLE IF NOT EXISTS privacy_tenants"));
    /// # });
    /// ```
    #[must_use]
    pub fn ddl(&self) -> Vec<String> {
        self.inner.tables.ddl::<DB>()
    }

    /// Creates the engine's tables where they do not exist.
    ///
    /// # Errors
    /// When the database refuses a statement.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let engine = privacy_core::engine::Engine::builder(pool).build().unwrap();
    /// engine.install().await.unwrap();
    /// engine.install().await.unwrap(); // again: nothing to do
    /// # });
    /// ```
    pub async fn install(&self) -> Result<(), EngineError> {
        for statement in self.ddl() {
            self.execute("creating the engine's tables", &statement, &[])
                .await?;
        }
        Ok(())
    }

    /// The mapping of `T`, or why there is none.
    fn mapping<T: Classified + ?Sized>(&self) -> Result<&Mapping, EngineError> {
        self.mapping_of(T::DESCRIPTOR)
    }

    fn mapping_of(&self, descriptor: &crate::TypeDescriptor) -> Result<&Mapping, EngineError> {
        self.inner
            .mappings
            .iter()
            .find(|mapping| core::ptr::eq(mapping.descriptor, descriptor))
            .or_else(|| {
                self.inner.mappings.iter().find(|mapping| {
                    mapping.descriptor.name == descriptor.name
                        && mapping.descriptor.module_path == descriptor.module_path
                })
            })
            .ok_or(EngineError::Unmapped {
                type_name: descriptor.name,
            })
    }

    async fn connection(
        &self,
        operation: &str,
    ) -> Result<sqlx::pool::PoolConnection<DB>, EngineError> {
        self.inner
            .pool
            .acquire()
            .await
            .map_err(|error| EngineError::database(operation, error))
    }

    async fn execute(
        &self,
        operation: &str,
        sql: &str,
        binds: &[Bind],
    ) -> Result<u64, EngineError> {
        let mut connection = self.connection(operation).await?;
        DB::execute(&mut connection, sql, binds)
            .await
            .map_err(|error| EngineError::database(operation, error))
    }

    async fn fetch(
        &self,
        operation: &str,
        sql: &str,
        binds: &[Bind],
    ) -> Result<Vec<dialect::Cells>, EngineError> {
        let mut connection = self.connection(operation).await?;
        DB::fetch(&mut connection, sql, binds)
            .await
            .map_err(|error| EngineError::database(operation, error))
    }

    /// The keyed reference of a data subject (HMAC-SHA-256 under the engine's subject key),
    /// which audit entries and receipts carry instead of the id.
    fn reference(&self, subject: &str) -> String {
        let digest = self.inner.subject_key.hmac_sha256(subject.as_bytes());
        digest[..12]
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }
}

impl<DB: Dialect> EngineBuilder<DB> {
    /// Maps `T`: the engine enforces its retention on its table and answers requests from it.
    /// The mapping is checked by [`build`](EngineBuilder::build).
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// use privacy_core::{engine::Engine, im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::MonitoringData, table = "samples")]
    /// struct Sample { latency_ms: u32, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// assert!(Engine::builder(pool).table::<Sample>().build().is_ok());
    /// # });
    /// ```
    #[must_use]
    pub fn table<T: Classified + ?Sized>(mut self) -> Self {
        self.types.push(T::DESCRIPTOR);
        self
    }

    /// Maps a type by its descriptor (for types found at run time, such as the registry's).
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// use privacy_core::{engine::Engine, im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::MonitoringData, table = "samples")]
    /// struct Sample { latency_ms: u32, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// assert!(Engine::builder(pool).descriptor(Sample::DESCRIPTOR).build().is_ok());
    /// # });
    /// ```
    #[must_use]
    pub fn descriptor(mut self, descriptor: &'static crate::TypeDescriptor) -> Self {
        self.types.push(descriptor);
        self
    }

    /// The prefix of the engine's own tables (`privacy_` by default).
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let built = privacy_core::engine::Engine::builder(pool).prefix("x; DROP TABLE y").build();
    /// assert!(built.is_err()); // refused before any SQL runs
    /// # });
    /// ```
    #[must_use]
    pub fn prefix(mut self, prefix: &str) -> Self {
        prefix.clone_into(&mut self.prefix);
        self
    }

    /// The clock deadlines are computed from (the system clock by default).
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// use privacy_core::engine::{Clock, Engine};
    /// let engine = Engine::builder(pool).clock(Clock::manual(chrono::DateTime::UNIX_EPOCH)).build().unwrap();
    /// assert_eq!(engine.now().timestamp(), 0);
    /// # });
    /// ```
    #[must_use]
    pub fn clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The key of the keyed references that stand for data subjects in the audit log and of
    /// the pseudonyms of other people's ids in exports: at least 16 bytes, from the service's
    /// secret store, the same on every replica. Without one, each engine draws a random key.
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// use privacy_core::engine::Engine;
    /// assert!(Engine::builder(pool.clone()).subject_key(b"short").build().is_err());
    /// assert!(Engine::builder(pool).subject_key(b"sixteen or more bytes").build().is_ok());
    /// # });
    /// ```
    #[must_use]
    pub fn subject_key(mut self, key: &[u8]) -> Self {
        self.subject_key = Some(key.to_vec());
        self
    }

    /// Rows per sweep batch ([`DEFAULT_BATCH`] by default; at least 1).
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// assert!(privacy_core::engine::Engine::builder(pool).batch_size(500).build().is_ok());
    /// # });
    /// ```
    #[must_use]
    pub fn batch_size(mut self, rows: usize) -> Self {
        self.batch = rows.max(1);
        self
    }

    /// How far in the future a `collected_at` may be ([`DEFAULT_SKEW`] by default).
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let built = privacy_core::engine::Engine::builder(pool).clock_skew(chrono::TimeDelta::seconds(30)).build();
    /// assert!(built.is_ok());
    /// # });
    /// ```
    #[must_use]
    pub fn clock_skew(mut self, skew: TimeDelta) -> Self {
        self.skew = skew.abs();
        self
    }

    /// Test hook: awaited after each sweep batch's `DELETE`, before its commit, so a test can
    /// force a write into the middle of a batch.
    #[doc(hidden)]
    #[must_use]
    pub fn pause_before_commit(mut self, pause: sweep::Pause) -> Self {
        self.pause = Some(pause);
        self
    }

    /// Checks every mapping and the names, and builds the engine. Nothing runs on the
    /// database until the first call.
    ///
    /// # Errors
    /// [`EngineError::Identifier`] for a prefix that is not a plain identifier;
    /// [`EngineError::Mapping`] for a type the engine cannot enforce as declared (no table, no
    /// tenant column where its retention depends on tenants, no `collected_at` column where it
    /// counts from collection, end users' data with no subject column, an ephemeral type);
    /// [`EngineError::Decision`] for a subject key under 16 bytes (the rule of
    /// [`PseudonymKey`](crate::PseudonymKey)).
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// use privacy_core::{engine::Engine, im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::ChatMessageRecord, table = "messages")]
    /// struct Message { #[privacy(subject)] sender: String, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// # let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// let error = Engine::builder(pool).table::<Message>().build().unwrap_err();
    /// assert!(error.to_string().contains("mark the field with `#[privacy(tenant)]`"));
    /// # });
    /// ```
    pub fn build(self) -> Result<Engine<DB>, EngineError> {
        let tables = EngineTables::with_prefix(&self.prefix)?;
        let mut mappings: Vec<Mapping> = Vec::new();
        for descriptor in self.types {
            if mappings
                .iter()
                .any(|known| core::ptr::eq(known.descriptor, descriptor))
            {
                continue;
            }
            mappings.push(Mapping::new(descriptor)?);
        }
        let subject_key = match self.subject_key {
            Some(key) => crate::PseudonymKey::new(&key).map_err(|weak| {
                EngineError::Decision(format!("{weak}; take it from the service's secret store"))
            })?,
            None => {
                let mut key = [0_u8; 32];
                getrandom::fill(&mut key)
                    .ok()
                    .and_then(|()| crate::PseudonymKey::new(&key).ok())
                    .ok_or_else(|| {
                        EngineError::Decision(
                            "no random subject key could be drawn; set one with `subject_key`"
                                .into(),
                        )
                    })?
            }
        };
        Ok(Engine {
            inner: Arc::new(Inner {
                pool: self.pool,
                tables,
                mappings,
                clock: self.clock,
                subject_key,
                batch: self.batch,
                skew: self.skew,
                pause: self.pause,
            }),
        })
    }
}
