//! The demo: about 90 simulated days of an instant-messaging service's traffic on an embedded
//! SQLite file, with the policy enforced as it runs.

use crate::model::{AccountIds, AppConfig, ChatMessage, RequestLog};
use crate::tenants::{Customer, at, customers};
use crate::traffic::{self, Dice};
use chrono::{DateTime, TimeZone, Utc};
use privacy_core::store::sql::{SqlBackend, SqliteConnection};
use privacy_core::store::{AuditAction, Store, StoreError};
use privacy_core::subject;
use privacy_core::{Classified, Secret, Storable, SubjectId};
use std::collections::BTreeMap;
use std::error::Error;
use std::path::PathBuf;

/// The store every part of the demo uses.
pub type DemoStore = Store<SqlBackend<SqliteConnection>>;

/// How to run.
pub struct Options {
    /// Simulated days.
    pub days: i64,
    /// The SQLite file.
    pub database: PathBuf,
    /// Print every day, or only the summary.
    pub every_day: bool,
}

/// The first simulated day.
pub fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or_default()
}

/// The key subject hashes are computed under; a real service reads it from its secret store.
const SUBJECT_KEY: &[u8] = b"im-backend demo subject key";

/// Short names of the categories, for the per-day lines.
const SHORT: [(&str, &str); 6] = [
    ("im.log_data", "log"),
    ("im.monitoring_data", "monitoring"),
    ("im.configuration_data", "config"),
    ("im.account_identifiers", "ids"),
    ("im.user_information", "profiles"),
    ("im.chat_message_record", "chat"),
];

fn short(category: &str) -> &str {
    SHORT
        .iter()
        .find(|(key, _)| *key == category)
        .map_or(category, |(_, name)| name)
}

/// A fresh store in `path`.
///
/// # Errors
/// When the file cannot be created.
pub fn open(path: &PathBuf) -> Result<DemoStore, StoreError> {
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_file(path.with_extension("db-wal"));
    let _ = std::fs::remove_file(path.with_extension("db-shm"));
    Ok(Store::new(
        SqlBackend::open(SqliteConnection::open(path)?, "")?,
        SUBJECT_KEY,
    )
    .named("sqlite"))
}

/// What the run counted.
#[derive(Default)]
pub struct Tally {
    /// Records stored now, per category.
    pub stored: BTreeMap<String, i64>,
    /// Records written, per category.
    pub written: BTreeMap<String, i64>,
    /// Writes refused, and the first refusal's message.
    pub refused: (u64, Option<String>),
    /// Per tenant and record kind: the first midnight at which the first day's record could no
    /// longer be read.
    pub gone: BTreeMap<(&'static str, &'static str), i64>,
}

impl Tally {
    fn write<T: Storable + serde::Serialize>(
        &mut self,
        store: &mut DemoStore,
        tenant: &str,
        id: &str,
        record: &T,
    ) -> Result<(), StoreError> {
        let now = record.collected_at().unwrap_or_else(start);
        let category = T::DESCRIPTOR
            .categories()
            .first()
            .map_or("", |category| category.key)
            .to_owned();
        match store.write(tenant, id, record, now) {
            Ok(_) => {
                *self.stored.entry(category.clone()).or_default() += 1;
                *self.written.entry(category).or_default() += 1;
                Ok(())
            }
            Err(refused @ StoreError::NotStorable { .. }) => {
                self.refused.0 += 1;
                self.refused.1.get_or_insert_with(|| refused.to_string());
                Ok(())
            }
            Err(error) => Err(error),
        }
    }
}

/// Writes a tenant's configuration and account identifiers, once.
fn provision(
    store: &mut DemoStore,
    tally: &mut Tally,
    customer: &Customer,
) -> Result<(), StoreError> {
    let config = AppConfig {
        app_id: customer.app_id,
        name: format!("{} chat", customer.id),
        callback_url: Some(format!("https://{}.example.com/im/callback", customer.id)),
        administrator: format!("admin@{}.example.com", customer.id),
        app_key: Secret::new(format!("app-key-{}-7f3a9c", customer.app_id)),
        push_package: format!("com.example.{}", customer.id.replace('-', "_")),
        push_app_secret: Secret::new(format!("push-secret-{}-e41b", customer.app_id)),
        recent_contacts_to_pull: 100,
        data_centre: "eu-frankfurt".into(),
    };
    tally.write(store, customer.id, "config", &config)?;
    tally.write(
        store,
        customer.id,
        "ids",
        &AccountIds {
            app_id: customer.app_id,
            uin: customer.app_id * 7 + 1,
        },
    )
}

/// Runs the simulated days, sweeping every midnight. Returns the store and what was counted.
///
/// # Errors
/// When the store fails.
pub fn simulate(options: &Options) -> Result<(DemoStore, Tally), Box<dyn Error>> {
    let mut store = open(&options.database)?;
    let mut tally = Tally::default();
    let start = start();
    let customers = customers();
    for customer in &customers {
        store.set_tenant(customer.id, customer.settings, start)?;
        provision(&mut store, &mut tally, customer)?;
    }
    let mut dice = Dice::new(7);
    for day in 0..options.days {
        for customer in &customers {
            if customer.terminates_on.is_some_and(|ended| day > ended) {
                continue;
            }
            let traffic = traffic::day(customer, start, day, &mut dice);
            for (n, record) in traffic.requests.iter().enumerate() {
                tally.write(&mut store, customer.id, &format!("req-{day}-{n}"), record)?;
            }
            for (n, record) in traffic.exceptions.iter().enumerate() {
                tally.write(&mut store, customer.id, &format!("exc-{day}-{n}"), record)?;
            }
            for (n, record) in traffic.samples.iter().enumerate() {
                tally.write(&mut store, customer.id, &format!("mon-{day}-{n}"), record)?;
            }
            for record in &traffic.profiles {
                tally.write(&mut store, customer.id, &record.user_id, record)?;
            }
            for (n, record) in traffic.messages.iter().enumerate() {
                tally.write(&mut store, customer.id, &format!("msg-{day}-{n}"), record)?;
            }
            if customer.terminates_on == Some(day) {
                store.terminate(customer.id, at(start, day, 720))?;
            }
        }
        let midnight = at(start, day + 1, 0);
        watch_first_records(&mut store, &mut tally, &customers, midnight, day + 1)?;
        let report = store.sweep(midnight, 2_000)?;
        let mut deleted: BTreeMap<&str, u64> = BTreeMap::new();
        for entry in report
            .entries
            .iter()
            .filter(|entry| entry.action == AuditAction::Deleted)
        {
            *deleted.entry(short(&entry.category)).or_default() += entry.count;
            *tally.stored.entry(entry.category.clone()).or_default() -=
                i64::try_from(entry.count).unwrap_or(0);
        }
        if options.every_day || day + 1 == options.days {
            let stored: Vec<String> = tally
                .stored
                .iter()
                .map(|(category, count)| format!("{} {count}", short(category)))
                .collect();
            let deleted: Vec<String> = deleted
                .iter()
                .map(|(category, count)| format!("{category} {count}"))
                .collect();
            println!(
                "day {:>2} | stored: {} | swept at midnight: {}",
                day + 1,
                stored.join(", "),
                if deleted.is_empty() {
                    "nothing due".to_owned()
                } else {
                    deleted.join(", ")
                }
            );
        }
    }
    Ok((store, tally))
}

/// Notes when each tenant's first-day records stop being readable: the store enforces every
/// tenant's own retention, swept or not.
fn watch_first_records(
    store: &mut DemoStore,
    tally: &mut Tally,
    customers: &[Customer],
    midnight: DateTime<Utc>,
    day: i64,
) -> Result<(), StoreError> {
    for customer in customers {
        let probes: [(&'static str, bool); 3] = [
            (
                "chat messages",
                store
                    .read::<ChatMessage>(customer.id, "msg-0-0", midnight)?
                    .is_some(),
            ),
            (
                "request logs",
                store
                    .read::<RequestLog>(customer.id, "req-0-0", midnight)?
                    .is_some(),
            ),
            (
                "configuration",
                store
                    .read::<AppConfig>(customer.id, "config", midnight)?
                    .is_some(),
            ),
        ];
        for (kind, readable) in probes {
            if !readable {
                tally.gone.entry((customer.id, kind)).or_insert(day);
            }
        }
    }
    Ok(())
}

/// When each category's records were first deleted, by tenant, read from the audit log.
///
/// # Errors
/// When the store fails.
pub fn disappearance(store: &mut DemoStore) -> Result<Vec<String>, StoreError> {
    let start = start();
    let mut lines = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for entry in store
        .audit_log()?
        .iter()
        .filter(|entry| entry.action == AuditAction::Deleted)
    {
        if seen.contains(&entry.type_key) {
            continue;
        }
        seen.push(entry.type_key.clone());
        let day = (entry.at - start.timestamp_millis()) / 86_400_000;
        let type_name = entry
            .type_key
            .rsplit("::")
            .next()
            .unwrap_or(&entry.type_key);
        let descriptor = privacy_core::registry::find(&entry.type_key);
        let policy = descriptor
            .map(|descriptor| descriptor.retention.to_string())
            .unwrap_or_default();
        lines.push(format!(
            "{type_name:<20} first deleted at the end of day {day:>2} ({}; policy: {policy})",
            entry.reason.code()
        ));
    }
    Ok(lines)
}

/// The parts of the demo after the simulation: erasure, export, redacted output.
///
/// # Errors
/// When the store fails.
pub fn requests(store: &mut DemoStore, now: DateTime<Utc>) -> Result<(), Box<dyn Error>> {
    let tenant = "chat-30d";
    let subject = SubjectId::new(traffic::user(7));
    println!("\n== A data subject's export: {} of {tenant}", subject);
    let export = subject::export(&mut [&mut *store], tenant, &subject, now)?;
    for category in export["categories"].as_array().into_iter().flatten() {
        println!(
            "{:<22} {:>3} records  purpose: {}  basis: {}  kept: {}",
            category["name"].as_str().unwrap_or_default(),
            category["records"].as_array().map_or(0, Vec::len),
            category["purpose"].as_str().unwrap_or_default(),
            category["legal_basis"].as_str().unwrap_or_default(),
            category["retention"].as_str().unwrap_or_default(),
        );
    }
    println!("\n== {}'s erasure request", subject);
    let receipt = subject::erase(&mut [&mut *store], tenant, &subject, now);
    print!("{receipt}");
    let left = subject::export(&mut [&mut *store], tenant, &subject, now)?;
    println!(
        "records of {} left after erasure: {}",
        subject,
        left["categories"].as_array().map_or(0, Vec::len)
    );
    Ok(())
}

/// Log lines as the service writes them: through the redacted view only.
pub fn redacted_lines() {
    let start = start();
    println!("\n== Log lines (every value through its redacted view)");
    let request = RequestLog {
        app_id: 1_400_000_001,
        exit_ip: [203, 0, 113, 77].into(),
        interface: "sendmsg".into(),
        at: start,
    };
    println!("{}", request.redacted());
    let customers = customers();
    let mut dice = Dice::new(1);
    let day = traffic::day(&customers[0], start, 0, &mut dice);
    println!("{}", day.messages[0].redacted());
    println!("{}", day.profiles[0].redacted());
    let config = AppConfig {
        app_id: 1_400_000_001,
        name: "chat-30d chat".into(),
        callback_url: Some("https://chat-30d.example.com/im/callback".into()),
        administrator: "admin@chat-30d.example.com".into(),
        app_key: Secret::new("app-key-1400000001-7f3a9c".into()),
        push_package: "com.example.chat_30d".into(),
        push_app_secret: Secret::new("push-secret-1400000001-e41b".into()),
        recent_contacts_to_pull: 100,
        data_centre: "eu-frankfurt".into(),
    };
    println!("{config:?}");
}
