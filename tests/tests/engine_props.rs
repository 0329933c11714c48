//! The engine against a model written here from the policy, not from the engine's SQL: random
//! sequences of writes (chat messages and request logs of three tenants, sub-second and
//! whole-day instants), chosen periods (lowered, raised, cleared), opt-outs and opt-ins, legal
//! holds placed and released, clock steps and sweeps, on SQLite always and on PostgreSQL when
//! it is there.
//!
//! The model: a request log is due 7 days after collection; a chat message is due when its
//! tenant opted out, or 7 days after collection when the tenant chose no period, or the chosen
//! period after collection; and once due it stays due: whenever a tenant changes its period
//! or opts out, the rows due at that instant (every chat message collected until then, for an
//! opt-out) stay due, whatever the tenant decides next. A due row is hidden from reads at
//! once; a sweep deletes it unless a hold covers it (its tenant, and its table or every
//! table, and one of its subjects or everyone).
//!
//! Checked at every step: the rows the `visible` condition shows are the model's not-due rows
//! (so before every sweep); the write guard admits exactly the rows the model would keep;
//! after each sweep, the tables hold exactly the model's rows, and the report and the audit log count
//! exactly the rows the model deleted.
//!
//! Cases: 48 by default, `PRIVACY_ENGINE_PROP_CASES` for more (CI runs 384).

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use privacy_core::engine::{AuditAction, Clock, Engine, Hold, HoldId};
use privacy_core::{Classified, Period, im};
use privacy_tests::bulk::{Bulk, RequestLog};
use privacy_tests::servers;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRunner};
use std::collections::BTreeMap;

#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord, table = "chat_messages", erasure = redact_requester)]
struct ChatMessage {
    id: i64,
    #[privacy(tenant)]
    app_id: String,
    #[privacy(subject, column = "sender_id")]
    sender: String,
    #[privacy(subject)]
    recipient: String,
    #[privacy(redact)]
    body: String,
    #[privacy(collected_at)]
    sent_at: DateTime<Utc>,
}

const TENANTS: [&str; 3] = ["acme", "ACME", "beta"];
const SUBJECTS: [&str; 3] = ["ann", "Ann", "bob"];
const WEEK: i64 = 7 * 86_400;

fn day0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap()
}

#[derive(Clone, Debug)]
enum Op {
    Chat {
        tenant: usize,
        sender: usize,
        recipient: usize,
        age_us: i64,
        /// Written without the guard's consent, as a write the guard admitted just before
        /// the tenant's decision changed would be.
        raced: bool,
    },
    Log {
        tenant: usize,
        age_us: i64,
    },
    Period {
        tenant: usize,
        days: Option<u32>,
    },
    OptOut(usize),
    OptIn(usize),
    Hold {
        tenant: usize,
        subject: Option<usize>,
        chats_only: bool,
    },
    Release(usize),
    Advance(i64),
    /// To a second before, at or after the deadline of the `pick`-th row (by id, among rows
    /// whose deadline is still ahead), where deletions early or late by a second show.
    ToDeadline {
        pick: usize,
        offset: i64,
    },
    Sweep,
}

/// An age under `days`: whole days or hours (so deadlines fall exactly on clock steps), or any
/// microsecond.
fn age_under(days: i64) -> impl Strategy<Value = i64> {
    prop_oneof![
        (0_i64..days).prop_map(|days| days * 86_400_000_000),
        (0_i64..days * 24).prop_map(|hours| hours * 3_600_000_000),
        0_i64..days * 86_400_000_000,
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let tenant = 0..TENANTS.len();
    let subject = 0..SUBJECTS.len();
    prop_oneof![
        6 => (tenant.clone(), subject.clone(), subject.clone(), age_under(40), proptest::bool::weighted(0.2)).prop_map(|(tenant, sender, recipient, age_us, raced)| Op::Chat { tenant, sender, recipient, age_us, raced }),
        3 => (tenant.clone(), age_under(40)).prop_map(|(tenant, age_us)| Op::Log { tenant, age_us }),
        3 => (tenant.clone(), proptest::option::weighted(0.8, 1_u32..40)).prop_map(|(tenant, days)| Op::Period { tenant, days }),
        1 => tenant.clone().prop_map(Op::OptOut),
        1 => tenant.clone().prop_map(Op::OptIn),
        1 => (tenant, proptest::option::of(subject), any::<bool>()).prop_map(|(tenant, subject, chats_only)| Op::Hold { tenant, subject, chats_only }),
        1 => (0_usize..4).prop_map(Op::Release),
        4 => prop_oneof![(0_i64..48).prop_map(|hours| hours * 3_600), (0_i64..10).prop_map(|days| days * 86_400), 0_i64..5 * 86_400].prop_map(Op::Advance),
        3 => (0_usize..8, -1_i64..=1).prop_map(|(pick, offset)| Op::ToDeadline { pick, offset }),
        3 => Just(Op::Sweep),
    ]
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    proptest::collection::vec(op(), 1..40).prop_map(|mut ops| {
        ops.push(Op::Sweep);
        ops
    })
}

/// A row as the model keeps it.
#[derive(Clone, Debug)]
struct Row {
    tenant: usize,
    subjects: Vec<usize>,
    at: DateTime<Utc>,
}

#[derive(Clone, Debug)]
struct ModelHold {
    id: HoldId,
    tenant: usize,
    subject: Option<usize>,
    chats_only: bool,
}

/// The model.
#[derive(Debug)]
struct Model {
    now: DateTime<Utc>,
    chats: BTreeMap<i64, Row>,
    logs: BTreeMap<i64, Row>,
    period: [Option<i64>; 3],
    opted_out: [bool; 3],
    /// Chat messages of the tenant collected at or before this stay due.
    stays_due: [Option<DateTime<Utc>>; 3],
    holds: Vec<ModelHold>,
    next_id: i64,
}

impl Model {
    fn new() -> Self {
        Model {
            now: day0(),
            chats: BTreeMap::new(),
            logs: BTreeMap::new(),
            period: [None; 3],
            opted_out: [false; 3],
            stays_due: [None; 3],
            holds: Vec::new(),
            next_id: 0,
        }
    }

    /// The instant `seconds` before now.
    fn back(&self, seconds: i64) -> DateTime<Utc> {
        self.now - TimeDelta::seconds(seconds)
    }

    /// Whether a chat message collected at `at` in `tenant` is due now.
    fn chat_due(&self, tenant: usize, at: DateTime<Utc>) -> bool {
        self.opted_out[tenant]
            || self.stays_due[tenant].is_some_and(|floor| at <= floor)
            || at + TimeDelta::seconds(self.period[tenant].unwrap_or(WEEK)) <= self.now
    }

    /// The deadlines still ahead, by the period in force (floors and opt-outs only bring
    /// deadlines forward, to now).
    fn deadlines(&self) -> Vec<DateTime<Utc>> {
        let chats = self
            .chats
            .values()
            .map(|row| row.at + TimeDelta::seconds(self.period[row.tenant].unwrap_or(WEEK)));
        let logs = self
            .logs
            .values()
            .map(|row| row.at + TimeDelta::seconds(WEEK));
        chats
            .chain(logs)
            .filter(|deadline| *deadline > self.now)
            .collect()
    }

    fn log_due(&self, at: DateTime<Utc>) -> bool {
        at + TimeDelta::seconds(WEEK) <= self.now
    }

    /// Before a tenant changes its decisions: what is due now stays due.
    fn keep_due(&mut self, tenant: usize, until: DateTime<Utc>) {
        let floor = &mut self.stays_due[tenant];
        *floor = Some(floor.map_or(until, |floor| floor.max(until)));
    }

    fn held(&self, row: &Row, chat: bool) -> bool {
        self.holds.iter().any(|hold| {
            hold.tenant == row.tenant
                && (chat || !hold.chats_only)
                && hold
                    .subject
                    .is_none_or(|subject| chat && row.subjects.contains(&subject))
        })
    }

    /// `(visible chats, visible logs)`.
    fn visible(&self) -> (Vec<i64>, Vec<i64>) {
        (
            self.chats
                .iter()
                .filter(|(_, row)| !self.chat_due(row.tenant, row.at))
                .map(|(id, _)| *id)
                .collect(),
            self.logs
                .iter()
                .filter(|(_, row)| !self.log_due(row.at))
                .map(|(id, _)| *id)
                .collect(),
        )
    }

    /// Deletes what a sweep deletes; returns how many.
    fn sweep(&mut self) -> u64 {
        let chats: Vec<i64> = self
            .chats
            .iter()
            .filter(|(_, row)| self.chat_due(row.tenant, row.at) && !self.held(row, true))
            .map(|(id, _)| *id)
            .collect();
        let logs: Vec<i64> = self
            .logs
            .iter()
            .filter(|(_, row)| self.log_due(row.at) && !self.held(row, false))
            .map(|(id, _)| *id)
            .collect();
        for id in &chats {
            self.chats.remove(id);
        }
        for id in &logs {
            self.logs.remove(id);
        }
        (chats.len() + logs.len()) as u64
    }
}

fn failed(error: impl std::fmt::Display) -> TestCaseError {
    TestCaseError::fail(error.to_string())
}

fn config() -> Config {
    let cases = std::env::var("PRIVACY_ENGINE_PROP_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(48);
    Config {
        cases,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::XorShift,
        ..Config::default()
    }
}

macro_rules! suite {
    ($module:ident, $db:ty, chat = $chat_ddl:expr, numbered = $numbered:expr) => {
        mod $module {
            use super::*;

            type Db = $db;

            fn sql(text: &str) -> String {
                if !$numbered {
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

            async fn ids(pool: &sqlx::Pool<Db>, query: &str) -> Result<Vec<i64>, TestCaseError> {
                sqlx::query_scalar::<_, i64>(query)
                    .fetch_all(pool)
                    .await
                    .map_err(|error| failed(format!("{query}: {error}")))
            }

            /// Runs `ops` on a fresh database in `pool`, checking the engine against the model.
            pub(super) async fn case(pool: &sqlx::Pool<Db>, ops: &[Op]) -> Result<(), TestCaseError> {
                for statement in <Db as Bulk>::ddl().into_iter().chain([$chat_ddl.to_owned()]) {
                    sqlx::raw_sql(&statement).execute(pool).await.map_err(failed)?;
                }
                let clock = Clock::manual(day0());
                let engine = Engine::builder(pool.clone())
                    .table::<ChatMessage>()
                    .table::<RequestLog>()
                    .clock(clock.clone())
                    .batch_size(2)
                    .build()
                    .map_err(failed)?;
                engine.install().await.map_err(failed)?;
                let mut model = Model::new();
                let mut deleted_total = 0;
                for (step, op) in ops.iter().enumerate() {
                    let at_step = || format!("at step {step} ({op:?}) of {ops:?}");
                    // Reads see exactly the rows not due, before the step's change and so
                    // before every sweep.
                    let (chats, logs) = model.visible();
                    let shown_chats = ids(pool, &format!("SELECT id FROM chat_messages AS v WHERE {} ORDER BY id", engine.visible::<ChatMessage>("v").map_err(failed)?)).await?;
                    let shown_logs = ids(pool, &format!("SELECT id FROM request_logs AS v WHERE {} ORDER BY id", engine.visible::<RequestLog>("v").map_err(failed)?)).await?;
                    prop_assert_eq!(&shown_chats, &chats, "visible chat messages before {}", at_step());
                    prop_assert_eq!(&shown_logs, &logs, "visible request logs before {}", at_step());
                    match *op {
                        Op::Chat { tenant, sender, recipient, age_us, raced } => {
                            model.next_id += 1;
                            let id = model.next_id;
                            let at = model.now - TimeDelta::microseconds(age_us);
                            let message = ChatMessage {
                                id,
                                app_id: TENANTS[tenant].into(),
                                sender: SUBJECTS[sender].into(),
                                recipient: SUBJECTS[recipient].into(),
                                body: "hello".into(),
                                sent_at: at,
                            };
                            let admitted = engine.admit(&message).await;
                            let keep = !model.chat_due(tenant, at);
                            if !raced {
                                prop_assert_eq!(admitted.is_ok(), keep, "admit said {:?}, {}", admitted.err().map(|error| error.to_string()), at_step());
                            }
                            if keep || raced {
                                sqlx::query(&sql("INSERT INTO chat_messages (id, app_id, sender_id, recipient, body, sent_at) VALUES (?, ?, ?, ?, ?, ?)"))
                                    .bind(id).bind(message.app_id).bind(message.sender).bind(message.recipient).bind(message.body).bind(at)
                                    .execute(pool).await.map_err(failed)?;
                                model.chats.insert(id, Row { tenant, subjects: vec![sender, recipient], at });
                            }
                        }
                        Op::Log { tenant, age_us } => {
                            model.next_id += 1;
                            let id = model.next_id;
                            let at = model.now - TimeDelta::microseconds(age_us);
                            let log = RequestLog {
                                id,
                                app_id: TENANTS[tenant].into(),
                                client_ip: "203.0.113.7".into(),
                                interface: "sendmsg".into(),
                                at,
                            };
                            let admitted = engine.admit(&log).await;
                            let keep = !model.log_due(at);
                            prop_assert_eq!(admitted.is_ok(), keep, "admit said {:?}, {}", admitted.err().map(|error| error.to_string()), at_step());
                            if keep {
                                sqlx::query(&sql("INSERT INTO request_logs (id, app_id, client_ip, interface, at) VALUES (?, ?, ?, ?, ?)"))
                                    .bind(id).bind(log.app_id).bind(log.client_ip).bind(log.interface).bind(at)
                                    .execute(pool).await.map_err(failed)?;
                                model.logs.insert(id, Row { tenant, subjects: Vec::new(), at });
                            }
                        }
                        Op::Period { tenant, days } => {
                            engine.choose_period(TENANTS[tenant], days.map(Period::days)).await.map_err(failed)?;
                            let in_force = model.back(model.period[tenant].unwrap_or(WEEK));
                            model.keep_due(tenant, in_force);
                            model.period[tenant] = days.map(|days| i64::from(days) * 86_400);
                        }
                        Op::OptOut(tenant) => {
                            engine.opt_out(TENANTS[tenant]).await.map_err(failed)?;
                            let now = model.now;
                            model.keep_due(tenant, now);
                            model.opted_out[tenant] = true;
                        }
                        Op::OptIn(tenant) => {
                            engine.opt_in(TENANTS[tenant]).await.map_err(failed)?;
                            model.opted_out[tenant] = false;
                        }
                        Op::Hold { tenant, subject, chats_only } => {
                            let mut hold = Hold::tenant(TENANTS[tenant], "case 1");
                            if let Some(subject) = subject {
                                hold = hold.subject(SUBJECTS[subject]);
                            }
                            if chats_only {
                                hold = hold.on::<ChatMessage>();
                            }
                            let id = engine.hold(hold).await.map_err(failed)?;
                            model.holds.push(ModelHold { id, tenant, subject, chats_only });
                        }
                        Op::Release(index) => {
                            if !model.holds.is_empty() {
                                let hold = model.holds.remove(index % model.holds.len());
                                engine.release(hold.id).await.map_err(failed)?;
                            }
                        }
                        Op::Advance(seconds) => {
                            clock.advance(TimeDelta::seconds(seconds));
                            model.now += TimeDelta::seconds(seconds);
                        }
                        Op::ToDeadline { pick, offset } => {
                            let deadlines = model.deadlines();
                            if !deadlines.is_empty() {
                                // The clock stays on whole seconds, where the engine's cutoffs are.
                                let deadline = deadlines[pick % deadlines.len()].timestamp();
                                let to = DateTime::from_timestamp(deadline + offset, 0).unwrap_or(model.now);
                                if to > model.now {
                                    clock.set(to);
                                    model.now = to;
                                }
                            }
                        }
                        Op::Sweep => {
                            let report = engine.sweep().await.map_err(failed)?;
                            let deleted = model.sweep();
                            deleted_total += deleted;
                            let kept_chats: Vec<i64> = model.chats.keys().copied().collect();
                            let kept_logs: Vec<i64> = model.logs.keys().copied().collect();
                            prop_assert_eq!(ids(pool, "SELECT id FROM chat_messages ORDER BY id").await?, kept_chats, "chat messages after the sweep {}", at_step());
                            prop_assert_eq!(ids(pool, "SELECT id FROM request_logs ORDER BY id").await?, kept_logs, "request logs after the sweep {}", at_step());
                            prop_assert_eq!(report.deleted, deleted, "the sweep's report {}", at_step());
                            let audited: u64 = engine.audit_log().await.map_err(failed)?.iter().filter(|entry| entry.action == AuditAction::Sweep).map(|entry| entry.count).sum();
                            prop_assert_eq!(audited, deleted_total, "the audit log {}", at_step());
                        }
                    }
                }
                Ok(())
            }
        }
    };
}

suite!(
    on_sqlite,
    sqlx::Sqlite,
    chat = "CREATE TABLE chat_messages (id INTEGER PRIMARY KEY, app_id TEXT NOT NULL, sender_id TEXT NOT NULL, recipient TEXT NOT NULL, body TEXT NOT NULL, sent_at TEXT NOT NULL)",
    numbered = false
);
suite!(
    on_postgres,
    sqlx::Postgres,
    chat = "CREATE TABLE chat_messages (id BIGINT PRIMARY KEY, app_id TEXT NOT NULL, sender_id TEXT NOT NULL, recipient TEXT NOT NULL, body TEXT NOT NULL, sent_at TIMESTAMPTZ NOT NULL)",
    numbered = true
);

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

#[test]
fn sqlite_matches_the_model() {
    let runtime = runtime();
    let result = TestRunner::new(config()).run(&ops(), |ops| {
        runtime.block_on(async {
            let pool = sqlx::sqlite::SqlitePoolOptions::new()
                .max_connections(1)
                .connect("sqlite::memory:")
                .await
                .map_err(failed)?;
            let result = on_sqlite::case(&pool, &ops).await;
            pool.close().await;
            result
        })
    });
    if let Err(error) = result {
        panic!("SQLite: {error}");
    }
}

#[test]
fn postgres_matches_the_model() {
    let runtime = runtime();
    // One schema for the run, emptied before each case.
    let Some((pool, schema)) = runtime.block_on(servers::postgres("props")) else {
        return;
    };
    let result = TestRunner::new(config()).run(&ops(), |ops| {
        runtime.block_on(async {
            sqlx::raw_sql("DROP TABLE IF EXISTS chat_messages, request_logs, privacy_tenants, privacy_floors, privacy_holds, privacy_audit")
                .execute(&pool)
                .await
                .map_err(failed)?;
            on_postgres::case(&pool, &ops).await
        })
    });
    runtime.block_on(servers::drop_postgres(pool, &schema));
    if let Err(error) = result {
        panic!("PostgreSQL: {error}");
    }
}

/// Partition retention against a model (PostgreSQL): request logs (kept 7 days) of three
/// tenants in a table partitioned by their instant, in the spans the engine chooses (a day),
/// with writes at any age up to 8 days (whole days, whole hours, so on partitions' edges, or
/// any microsecond; some written without the guard, as a raced write would be), tenant holds
/// placed and released, clock steps (to a second before, at or after a row's deadline or a
/// midnight, where the cutoff meets partitions' edges) and sweeps. The model knows nothing of partitions: a row is due 7 days after collection and a
/// sweep deletes it unless a hold covers its tenant. Checked at every step: reads show exactly
/// the model's rows not due; after each sweep the table holds exactly the model's rows, and
/// the report and the audit log count exactly the rows the model deleted. So a partition
/// retired a moment early, one retired under a hold, or a retired partition miscounted fails.
///
/// Cases: 16 by default, `PRIVACY_ENGINE_PROP_CASES` for more (as above).
mod partitioned {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};

    /// Partitions retired over the run's cases.
    static RETIRED: AtomicU64 = AtomicU64::new(0);

    #[derive(Clone, Debug)]
    enum Step {
        Log {
            tenant: usize,
            age_us: i64,
            raced: bool,
        },
        /// A row collected at a midnight, `days` before the last: on a partition's edge.
        EdgeLog {
            tenant: usize,
            days: i64,
            raced: bool,
        },
        Hold(usize),
        Release(usize),
        Advance(i64),
        ToDeadline {
            pick: usize,
            offset: i64,
        },
        /// To a second before, at or after a midnight `days` after the next, where the cutoff
        /// lies on partitions' edges.
        ToEdge {
            days: i64,
            offset: i64,
        },
        Sweep,
    }

    fn steps() -> impl Strategy<Value = Vec<Step>> {
        let tenant = 0..TENANTS.len();
        let step = prop_oneof![
            6 => (tenant.clone(), super::age_under(8), proptest::bool::weighted(0.3)).prop_map(|(tenant, age_us, raced)| Step::Log { tenant, age_us, raced }),
            3 => (tenant.clone(), 0_i64..8, proptest::bool::weighted(0.3)).prop_map(|(tenant, days, raced)| Step::EdgeLog { tenant, days, raced }),
            1 => tenant.prop_map(Step::Hold),
            1 => (0_usize..4).prop_map(Step::Release),
            3 => prop_oneof![(0_i64..12).prop_map(|hours| hours * 3_600), (0_i64..3).prop_map(|days| days * 86_400), 0_i64..86_400].prop_map(Step::Advance),
            3 => (0_usize..8, -1_i64..=1).prop_map(|(pick, offset)| Step::ToDeadline { pick, offset }),
            3 => (0_i64..8, -1_i64..=1).prop_map(|(days, offset)| Step::ToEdge { days, offset }),
            3 => Just(Step::Sweep),
        ];
        proptest::collection::vec(step, 1..40).prop_map(|mut steps| {
            steps.push(Step::Sweep);
            steps
        })
    }

    /// The model: rows `(tenant, instant)` by id, holds `(id, tenant)`.
    struct Logs {
        now: DateTime<Utc>,
        rows: BTreeMap<i64, (usize, DateTime<Utc>)>,
        holds: Vec<(HoldId, usize)>,
    }

    impl Logs {
        fn due(&self, at: DateTime<Utc>) -> bool {
            at + TimeDelta::seconds(WEEK) <= self.now
        }

        fn visible(&self) -> Vec<i64> {
            self.rows
                .iter()
                .filter(|(_, (_, at))| !self.due(*at))
                .map(|(id, _)| *id)
                .collect()
        }

        fn sweep(&mut self) -> u64 {
            let gone: Vec<i64> = self
                .rows
                .iter()
                .filter(|(_, (tenant, at))| {
                    self.due(*at) && !self.holds.iter().any(|(_, held)| held == tenant)
                })
                .map(|(id, _)| *id)
                .collect();
            for id in &gone {
                self.rows.remove(id);
            }
            gone.len() as u64
        }
    }

    async fn ids(pool: &sqlx::PgPool, query: &str) -> Result<Vec<i64>, TestCaseError> {
        sqlx::query_scalar::<_, i64>(query)
            .fetch_all(pool)
            .await
            .map_err(|error| failed(format!("{query}: {error}")))
    }

    async fn case(pool: &sqlx::PgPool, steps: &[Step]) -> Result<(), TestCaseError> {
        sqlx::raw_sql("CREATE TABLE request_logs (id BIGINT NOT NULL, app_id TEXT NOT NULL, client_ip TEXT NOT NULL, interface TEXT NOT NULL, at TIMESTAMPTZ NOT NULL) PARTITION BY RANGE (at); CREATE INDEX request_logs_at ON request_logs (at)")
            .execute(pool)
            .await
            .map_err(failed)?;
        // Midnight, so rows of whole days' ages lie on partitions' edges.
        let start = day0() - TimeDelta::hours(12);
        let clock = Clock::manual(start);
        let engine = Engine::builder(pool.clone())
            .table::<RequestLog>()
            .clock(clock.clone())
            .batch_size(2)
            .build()
            .map_err(failed)?;
        engine.install().await.map_err(failed)?;
        let mut model = Logs {
            now: start,
            rows: BTreeMap::new(),
            holds: Vec::new(),
        };
        let (mut next_id, mut deleted_total, mut retired) = (0, 0, 0);
        for (index, step) in steps.iter().enumerate() {
            let at_step = || format!("at step {index} ({step:?}) of {steps:?}");
            let shown = ids(
                pool,
                &format!(
                    "SELECT id FROM request_logs AS v WHERE {} ORDER BY id",
                    engine.visible::<RequestLog>("v").map_err(failed)?
                ),
            )
            .await?;
            prop_assert_eq!(shown, model.visible(), "visible rows before {}", at_step());
            match *step {
                Step::Log {
                    tenant,
                    age_us,
                    raced,
                }
                | Step::EdgeLog {
                    tenant,
                    days: age_us,
                    raced,
                } => {
                    let age_us = if matches!(step, Step::EdgeLog { .. }) {
                        let since_midnight = model.now.timestamp().rem_euclid(86_400);
                        (since_midnight + age_us * 86_400) * 1_000_000
                            + i64::from(model.now.timestamp_subsec_micros())
                    } else {
                        age_us
                    };
                    let at = model.now - TimeDelta::microseconds(age_us);
                    let log = RequestLog {
                        id: next_id + 1,
                        app_id: TENANTS[tenant].into(),
                        client_ip: "203.0.113.7".into(),
                        interface: "sendmsg".into(),
                        at,
                    };
                    let admitted = engine.admit(&log).await.is_ok();
                    prop_assert_eq!(admitted, !model.due(at), "admit {}", at_step());
                    // A raced write lands at most a partition's span (a day) past its deadline,
                    // where the engine has made partitions.
                    let written = admitted || (raced && age_us <= (WEEK + 86_400) * 1_000_000);
                    if written {
                        engine
                            .create_partitions::<RequestLog>(1)
                            .await
                            .map_err(failed)?;
                        next_id += 1;
                        sqlx::query("INSERT INTO request_logs (id, app_id, client_ip, interface, at) VALUES ($1, $2, $3, $4, $5)")
                            .bind(next_id)
                            .bind(log.app_id)
                            .bind(log.client_ip)
                            .bind(log.interface)
                            .bind(at)
                            .execute(pool)
                            .await
                            .map_err(failed)?;
                        model.rows.insert(next_id, (tenant, at));
                    }
                }
                Step::Hold(tenant) => {
                    let id = engine
                        .hold(Hold::tenant(TENANTS[tenant], "case 2"))
                        .await
                        .map_err(failed)?;
                    model.holds.push((id, tenant));
                }
                Step::Release(index) => {
                    if !model.holds.is_empty() {
                        let (id, _) = model.holds.remove(index % model.holds.len());
                        engine.release(id).await.map_err(failed)?;
                    }
                }
                Step::Advance(seconds) => {
                    clock.advance(TimeDelta::seconds(seconds));
                    model.now += TimeDelta::seconds(seconds);
                }
                Step::ToDeadline { pick, offset } => {
                    let ahead: Vec<i64> = model
                        .rows
                        .values()
                        .map(|(_, at)| (*at + TimeDelta::seconds(WEEK)).timestamp())
                        .filter(|deadline| *deadline > model.now.timestamp())
                        .collect();
                    if !ahead.is_empty() {
                        let to = DateTime::from_timestamp(ahead[pick % ahead.len()] + offset, 0)
                            .unwrap_or(model.now);
                        if to > model.now {
                            clock.set(to);
                            model.now = to;
                        }
                    }
                }
                Step::ToEdge { days, offset } => {
                    let next = (model.now.timestamp().div_euclid(86_400) + 1 + days) * 86_400;
                    if let Some(to) = DateTime::from_timestamp(next + offset, 0) {
                        clock.set(to);
                        model.now = to;
                    }
                }
                Step::Sweep => {
                    let report = engine.sweep().await.map_err(failed)?;
                    retired += report.partitions;
                    RETIRED.fetch_add(report.partitions, Ordering::Relaxed);
                    let deleted = model.sweep();
                    deleted_total += deleted;
                    let kept: Vec<i64> = model.rows.keys().copied().collect();
                    prop_assert_eq!(
                        ids(pool, "SELECT id FROM request_logs ORDER BY id").await?,
                        kept,
                        "rows after the sweep {} ({} partitions retired so far)",
                        at_step(),
                        retired
                    );
                    prop_assert_eq!(report.deleted, deleted, "the sweep's report {}", at_step());
                    let audited: u64 = engine
                        .audit_log()
                        .await
                        .map_err(failed)?
                        .iter()
                        .filter(|entry| entry.action == AuditAction::Sweep)
                        .map(|entry| entry.count)
                        .sum();
                    prop_assert_eq!(audited, deleted_total, "the audit log {}", at_step());
                }
            }
        }
        Ok(())
    }

    #[test]
    fn postgres_partitions_match_the_model() {
        let runtime = runtime();
        let Some((pool, schema)) = runtime.block_on(servers::postgres("partition_props")) else {
            return;
        };
        let mut config = config();
        if std::env::var("PRIVACY_ENGINE_PROP_CASES").is_err() {
            config.cases = 16;
        }
        let result = TestRunner::new(config).run(&steps(), |steps| {
            runtime.block_on(async {
                sqlx::raw_sql("DROP TABLE IF EXISTS request_logs, privacy_tenants, privacy_floors, privacy_holds, privacy_audit")
                    .execute(&pool)
                    .await
                    .map_err(failed)?;
                case(&pool, &steps).await
            })
        });
        runtime.block_on(servers::drop_postgres(pool, &schema));
        if let Err(error) = result {
            panic!("PostgreSQL, partitioned: {error}");
        }
        // A run whose sweeps retired no partition would have proved nothing about them.
        assert!(
            RETIRED.load(Ordering::Relaxed) > 0,
            "no partition was retired"
        );
    }
}
