//! Erasure and export of one data subject's records across every type and store, checked by
//! looking at the stores directly, not through the toolkit's API.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use privacy_core::store::sql::{SqlBackend, SqlConnection, SqlValue};
use privacy_core::store::{
    AuditAction, AuditEntry, Backend, HoldTarget, MemoryBackend, Row, RowKey, Store, StoreError,
};
use privacy_core::subject;
use privacy_core::{Secret, SubjectId};
use privacy_tests::records::{ChatMessage, GroupMessage, Profile, RequestLog};
use privacy_tests::servers;
use proptest::prelude::*;

const KEY: &[u8] = b"subject request key";

fn day(n: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2031, 5, 1, 0, 0, 0).unwrap() + TimeDelta::days(n)
}

/// The payload of every stored row, read from the backend's own tables.
trait Inspect {
    fn payloads(&mut self) -> Vec<String>;
}

impl Inspect for MemoryBackend {
    fn payloads(&mut self) -> Vec<String> {
        self.rows().map(|row| row.payload.clone()).collect()
    }
}

impl<C: SqlConnection> Inspect for SqlBackend<C> {
    fn payloads(&mut self) -> Vec<String> {
        let table = self.table("records");
        self.connection()
            .query(
                &format!("SELECT payload FROM {table} ORDER BY type_key, tenant, id"),
                &[],
            )
            .unwrap()
            .into_iter()
            .map(|row| match row.into_iter().next() {
                Some(SqlValue::Text(text)) => text,
                other => panic!("a payload column gave {other:?}"),
            })
            .collect()
    }
}

impl Inspect for privacy_core::store::RedisBackend {
    fn payloads(&mut self) -> Vec<String> {
        let pattern = format!(
            "{}*",
            self.record_key(&RowKey::new("", "", ""))
                .trim_end_matches('\u{1f}')
        );
        let keys: Vec<String> = redis::cmd("KEYS")
            .arg(pattern)
            .query(self.connection())
            .unwrap();
        let mut payloads: Vec<String> = keys
            .iter()
            .map(|key| redis::cmd("GET").arg(key).query(self.connection()).unwrap())
            .collect();
        payloads.sort();
        payloads
    }
}

fn profile(user: &str) -> Profile {
    Profile {
        user_id: user.into(),
        nickname: format!("{user}-nick"),
        recovery_code: Secret::new(format!("{user}-code")),
        updated: day(0),
    }
}

fn populate<B: Backend>(store: &mut Store<B>) {
    for user in ["alice", "bob", "carol"] {
        store.write("app", user, &profile(user), day(0)).unwrap();
    }
    store
        .write(
            "app",
            "dm1",
            &ChatMessage {
                from: "alice".into(),
                to: "bob".into(),
                text: "hi bob".into(),
                sent: day(0),
            },
            day(0),
        )
        .unwrap();
    store
        .write(
            "app",
            "dm2",
            &ChatMessage {
                from: "bob".into(),
                to: "carol".into(),
                text: "hi carol".into(),
                sent: day(0),
            },
            day(0),
        )
        .unwrap();
    store
        .write(
            "app",
            "g1",
            &GroupMessage {
                from: "alice".into(),
                to: "carol".into(),
                text: "group hello".into(),
                sent: day(0),
            },
            day(0),
        )
        .unwrap();
    store
        .write(
            "app",
            "log",
            &RequestLog {
                interface: "alice".into(),
                at: day(0),
            },
            day(0),
        )
        .unwrap();
    // Another tenant's alice is another person.
    store
        .write("other", "alice", &profile("alice"), day(0))
        .unwrap();
}

fn erasure_suite<B: Backend + Inspect>(mut store: Store<B>) {
    populate(&mut store);
    let alice = SubjectId::new("alice");
    // Hold one of alice's records.
    let held = HoldTarget::Record(privacy_core::store::record_key::<ChatMessage>("app", "dm1"));
    assert_eq!(store.hold(&held, "court order 17", day(1)).unwrap(), 1);

    let export = subject::export(&mut [&mut store], "app", &alice, day(1)).unwrap();
    let text = export.to_string();
    assert!(
        !text.contains("alice-code"),
        "a secret was exported: {text}"
    );
    let categories: Vec<&str> = export["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|category| category["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        categories,
        ["im.chat_message_record", "im.user_information"]
    );
    assert_eq!(export["categories"][1]["legal_basis"], "consent");
    assert_eq!(
        export["categories"][1]["records"][0]["record"]["nickname"],
        "alice-nick"
    );

    let before = store.backend().payloads();
    let receipt = subject::erase(&mut [&mut store], "app", &alice, day(2));
    assert!(!receipt.is_complete(), "a hold kept a record");
    let line = |type_name: &str| {
        receipt
            .lines
            .iter()
            .find(|line| line.type_key.ends_with(type_name))
            .unwrap()
    };
    assert_eq!((line("::Profile").deleted, line("::Profile").held), (1, 0));
    assert_eq!(
        (line("::ChatMessage").deleted, line("::ChatMessage").held),
        (0, 1)
    );
    assert_eq!(line("::ChatMessage").hold_reasons, ["court order 17"]);
    assert_eq!(
        (
            line("::GroupMessage").deleted,
            line("::GroupMessage").redacted
        ),
        (0, 1)
    );

    let after = store.backend().payloads();
    let naming_alice: Vec<&String> = after
        .iter()
        .filter(|payload| payload.contains("\"alice\""))
        .collect();
    // Left: the held message, the request log (not about end users, no subject), the other
    // tenant's alice.
    assert_eq!(naming_alice.len(), 3, "{naming_alice:?}");
    assert!(
        naming_alice
            .iter()
            .any(|payload| payload.contains("hi bob"))
    );
    assert!(
        naming_alice
            .iter()
            .any(|payload| payload.contains("sendmsg") || payload.contains("interface"))
    );
    assert!(
        after
            .iter()
            .any(|payload| payload.contains("group hello") && payload.contains("[erased]"))
    );
    // Nothing that did not name alice changed.
    for payload in before
        .iter()
        .filter(|payload| !payload.contains("\"alice\""))
    {
        assert!(after.contains(payload), "collateral change: {payload}");
    }
    // The audit names the request by a keyed hash, never alice.
    let audit = store.audit_log().unwrap();
    assert!(
        audit
            .iter()
            .any(|entry| entry.action == AuditAction::Requested)
    );
    assert!(!format!("{audit:?}").contains("alice"));
    // Asking again is harmless and tells the same totals.
    let again = subject::erase(&mut [&mut store], "app", &alice, day(3));
    assert_eq!(again.lines, receipt.lines);
}

#[test]
fn erasure_and_export_on_every_backend() {
    erasure_suite(Store::new(MemoryBackend::default(), KEY).named("memory"));
    erasure_suite(Store::new(servers::sqlite("erasure"), KEY).named("sqlite"));
    if let Some(backend) = servers::postgres("erasure") {
        erasure_suite(Store::new(backend, KEY).named("postgres"));
    }
    if let Some(backend) = servers::mysql("erasure") {
        erasure_suite(Store::new(backend, KEY).named("mariadb"));
    }
    if let Some(backend) = servers::redis("erasure") {
        erasure_suite(Store::new(backend, KEY).named("redis"));
    }
}

/// A backend whose erasure fails after `budget` batches, as a store going away would.
struct Flaky<B> {
    inner: B,
    budget: usize,
}

impl<B: Backend> Backend for Flaky<B> {
    fn write(&mut self, row: &Row, now: i64) -> Result<(), StoreError> {
        self.inner.write(row, now)
    }
    fn read(&mut self, key: &RowKey, now: i64) -> Result<Option<Row>, StoreError> {
        self.inner.read(key, now)
    }
    fn schedule(
        &mut self,
        tenant: &str,
        class: privacy_core::store::RetentionClass,
    ) -> Result<Vec<(RowKey, Option<i64>)>, StoreError> {
        self.inner.schedule(tenant, class)
    }
    fn set_deadlines(&mut self, updates: &[(RowKey, Option<i64>)]) -> Result<(), StoreError> {
        self.inner.set_deadlines(updates)
    }
    fn sweep_batch(&mut self, now: i64, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        self.inner.sweep_batch(now, limit)
    }
    fn set_hold(
        &mut self,
        target: &HoldTarget,
        reason: Option<&str>,
        now: i64,
    ) -> Result<usize, StoreError> {
        self.inner.set_hold(target, reason, now)
    }
    fn audit_log(&mut self) -> Result<Vec<AuditEntry>, StoreError> {
        self.inner.audit_log()
    }
    fn subject_rows(
        &mut self,
        tenant: &str,
        subject_key: &str,
    ) -> Result<Vec<(Row, Option<String>)>, StoreError> {
        self.inner.subject_rows(tenant, subject_key)
    }
    fn erase_batch(
        &mut self,
        tenant: &str,
        subject_key: &str,
        note: &str,
        now: i64,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        if self.budget == 0 {
            return Err(StoreError::Backend("connection lost".into()));
        }
        self.budget -= 1;
        self.inner
            .erase_batch(tenant, subject_key, note, now, limit)
    }
    fn append_audit(&mut self, entries: &[AuditEntry]) -> Result<(), StoreError> {
        self.inner.append_audit(entries)
    }
}

#[test]
fn an_interrupted_erasure_is_finished_by_the_next_attempt_and_the_receipt_counts_both() {
    let mut store = Store::new(
        Flaky {
            inner: servers::sqlite("interrupted"),
            budget: 1,
        },
        KEY,
    )
    .named("sqlite");
    for index in 0..1_200 {
        let message = ChatMessage {
            from: "alice".into(),
            to: format!("friend{index}"),
            text: "x".into(),
            sent: day(0),
        };
        store
            .write("app", &format!("m{index}"), &message, day(0))
            .unwrap();
    }
    store.write("app", "bob", &profile("bob"), day(0)).unwrap();
    let alice = SubjectId::new("alice");
    let first = subject::erase(&mut [&mut store], "app", &alice, day(1));
    assert_eq!(first.failures.len(), 1, "{first}");
    assert_eq!(first.failures[0].0, "sqlite");
    store.backend().budget = usize::MAX;
    let second = subject::erase(&mut [&mut store], "app", &alice, day(2));
    assert!(second.is_complete(), "{second}");
    assert_eq!(
        second.lines[0].deleted, 1_200,
        "the receipt counts the first attempt's batch too"
    );
    assert!(
        store
            .backend()
            .inner
            .payloads()
            .iter()
            .all(|payload| !payload.contains("\"alice\""))
    );
    assert_eq!(store.backend().inner.payloads().len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Random populations: after erasure no unheld record names the requester (no orphan),
    /// every record that did not name the requester is untouched (no collateral deletion), and
    /// every held record survives.
    #[test]
    fn erasure_leaves_no_orphan_and_no_collateral(
        messages in prop::collection::vec((0_usize..6, 0_usize..6, any::<bool>(), any::<bool>()), 1..40),
        requester in 0_usize..6,
    ) {
        let users = ["u0", "u1", "u2", "u3", "u4", "u5"];
        let mut store = Store::new(servers::sqlite("population"), KEY);
        let mut held_ids = Vec::new();
        for (index, (from, to, group, hold)) in messages.iter().enumerate() {
            let (from, to) = (users[*from].to_owned(), users[*to].to_owned());
            let id = format!("m{index}");
            if *group {
                store.write("app", &id, &GroupMessage { from, to, text: format!("text {index}"), sent: day(0) }, day(0)).unwrap();
            } else {
                store.write("app", &id, &ChatMessage { from, to, text: format!("text {index}"), sent: day(0) }, day(0)).unwrap();
            }
            if *hold {
                let key = if *group { privacy_core::store::record_key::<GroupMessage>("app", &id) } else { privacy_core::store::record_key::<ChatMessage>("app", &id) };
                store.hold(&HoldTarget::Record(key), "hold", day(0)).unwrap();
                held_ids.push(format!("text {index}\""));
            }
        }
        for user in users {
            store.write("app", user, &profile(user), day(0)).unwrap();
        }
        let requester = users[requester];
        let needle = format!("\"{requester}\"");
        let before = store.backend().payloads();
        let receipt = subject::erase(&mut [&mut store], "app", &SubjectId::new(requester), day(1));
        prop_assert!(receipt.failures.is_empty());
        let after = store.backend().payloads();
        for payload in &after {
            if payload.contains(&needle) {
                prop_assert!(held_ids.iter().any(|held| payload.contains(held.as_str())), "orphan: {}", payload);
            }
        }
        for payload in before.iter().filter(|payload| !payload.contains(&needle)) {
            prop_assert!(after.contains(payload), "collateral: {}", payload);
        }
        for payload in before.iter().filter(|payload| held_ids.iter().any(|held| payload.contains(held.as_str()))) {
            prop_assert!(after.contains(payload), "a held record changed: {}", payload);
        }
        let held: u64 = receipt.lines.iter().map(|line| line.held).sum();
        let held_naming = before.iter().filter(|payload| payload.contains(&needle) && held_ids.iter().any(|held| payload.contains(held.as_str()))).count();
        prop_assert_eq!(held, held_naming as u64);
    }
}
