//! Retention enforced by every backend: the same behaviour suite on memory, SQLite, and the real
//! PostgreSQL and MariaDB servers (skipped, with a message, when a server is not there; a
//! failure under `PRIVACY_REQUIRE_STORES=1`).

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use privacy_core::deadline::{Deadline, Tenant};
use privacy_core::store::{
    AuditAction, AuditReason, Backend, HoldTarget, MemoryBackend, RetentionClass, Row, RowKey,
    Store, StoreError, record_key,
};
use privacy_core::{Period, SubjectId};
use privacy_tests::records::{AppConfig, ChatMessage, Draft, RequestLog};
use privacy_tests::servers;

const KEY: &[u8] = b"test subject key";

fn day(n: i64) -> DateTime<Utc> {
    // In the future of the real clock: Redis expires values natively by its own clock, which must
    // not run ahead of the simulated one.
    Utc.with_ymd_and_hms(2031, 1, 1, 0, 0, 0).unwrap() + TimeDelta::days(n)
}

fn log(at: DateTime<Utc>) -> RequestLog {
    RequestLog {
        interface: "sendmsg".into(),
        at,
    }
}

fn chat(from: &str, to: &str, sent: DateTime<Utc>) -> ChatMessage {
    ChatMessage {
        from: from.into(),
        to: to.into(),
        text: "secret words".into(),
        sent,
    }
}

/// Runs `suite` on every backend there is.
fn on_every_backend(test: &str, suite: impl Fn(&mut dyn FnMut() -> Box<dyn Backend>)) {
    suite(&mut || Box::new(MemoryBackend::default()));
    suite(&mut || Box::new(servers::sqlite(test)));
    if servers::postgres(test).is_some() {
        suite(&mut || {
            Box::new(servers::postgres(test).expect("PostgreSQL was reachable a moment ago"))
        });
    }
    if servers::mysql(test).is_some() {
        suite(&mut || Box::new(servers::mysql(test).expect("MariaDB was reachable a moment ago")));
    }
    if servers::redis(test).is_some() {
        suite(&mut || Box::new(servers::redis(test).expect("Redis was reachable a moment ago")));
    }
}

#[test]
fn records_are_readable_until_their_deadline_and_swept_at_it_never_before() {
    on_every_backend("fixed", |backend| {
        let mut store = Store::new(backend(), KEY);
        assert_eq!(
            store.write("app", "r1", &log(day(0)), day(0)).unwrap(),
            Deadline::At(day(7))
        );
        store.write("app", "r2", &log(day(1)), day(1)).unwrap();
        let just_before = day(7) - TimeDelta::milliseconds(1);
        assert_eq!(
            store.read::<RequestLog>("app", "r1", just_before).unwrap(),
            Some(log(day(0)))
        );
        // Nothing is due before the deadline: the sweep deletes nothing early.
        assert_eq!(store.sweep(just_before, 10).unwrap().deleted, 0);
        // At the deadline the record is gone for readers even before any sweep.
        assert_eq!(store.read::<RequestLog>("app", "r1", day(7)).unwrap(), None);
        let report = store.sweep(day(7), 10).unwrap();
        assert_eq!(report.deleted, 1);
        assert_eq!(
            store.read::<RequestLog>("app", "r2", day(7)).unwrap(),
            Some(log(day(1)))
        );
        assert_eq!(store.sweep(day(8), 10).unwrap().deleted, 1);
        let audit = store.audit_log().unwrap();
        assert_eq!(audit.len(), 2);
        assert!(
            audit
                .iter()
                .all(|entry| entry.action == AuditAction::Deleted
                    && entry.reason == AuditReason::Retention)
        );
        assert_eq!(audit[0].category, "im.log_data");
        assert_eq!(audit[0].deadline_min, Some(day(7).timestamp_millis()));
    });
}

#[test]
fn a_due_record_written_again_before_a_sweep_has_its_deletion_audited() {
    on_every_backend("rewrite", |backend| {
        let mut store = Store::new(backend(), KEY);
        store.write("app", "r1", &log(day(0)), day(0)).unwrap();
        store.write("app", "r2", &log(day(0)), day(0)).unwrap();
        // Before its deadline a rewrite is an update; past it, the rewrite deletes a due record.
        store.write("app", "r2", &log(day(3)), day(3)).unwrap();
        store.write("app", "r1", &log(day(8)), day(8)).unwrap();
        let log_entries = store.audit_log().unwrap();
        assert_eq!(log_entries.len(), 1, "{log_entries:?}");
        let entry = &log_entries[0];
        assert_eq!(
            (entry.action, entry.reason, entry.count, entry.at),
            (
                AuditAction::Deleted,
                AuditReason::Retention,
                1,
                day(8).timestamp_millis()
            )
        );
        assert_eq!(entry.deadline_max, Some(day(7).timestamp_millis()));
        assert_eq!(store.sweep(day(8), 10).unwrap().deleted, 0);
        assert_eq!(
            store.read::<RequestLog>("app", "r1", day(8)).unwrap(),
            Some(log(day(8)))
        );
    });
}

#[test]
fn writes_that_break_the_policy_are_refused_and_change_nothing() {
    on_every_backend("refused", |backend| {
        let mut store = Store::new(backend(), KEY);
        let late = store.write("app", "old", &log(day(0)), day(7));
        assert!(matches!(late, Err(StoreError::Expired { .. })), "{late:?}");
        store
            .set_tenant(
                "opted-out",
                Tenant {
                    chosen_retention: None,
                    stores_end_user_data: false,
                },
                day(0),
            )
            .unwrap();
        let refused = store.write("opted-out", "m1", &chat("alice", "bob", day(0)), day(0));
        assert!(
            matches!(refused, Err(StoreError::NotStorable { .. })),
            "{refused:?}"
        );
        assert!(
            refused
                .unwrap_err()
                .to_string()
                .contains("opted out of storing end users' data")
        );
        // Its controller-role data is still stored.
        store
            .write("opted-out", "l1", &log(day(0)), day(0))
            .unwrap();
        assert_eq!(
            store.read::<RequestLog>("app", "old", day(0)).unwrap(),
            None
        );
        assert_eq!(
            store
                .read::<ChatMessage>("opted-out", "m1", day(0))
                .unwrap(),
            None
        );
        assert_eq!(
            store.read::<RequestLog>("opted-out", "l1", day(0)).unwrap(),
            Some(log(day(0)))
        );
    });
}

#[test]
fn a_tenant_lowering_its_retention_takes_effect_for_stored_records() {
    on_every_backend("lowered", |backend| {
        let mut store = Store::new(backend(), KEY);
        let thirty_days = Tenant {
            chosen_retention: Some(Period::days(30)),
            stores_end_user_data: true,
        };
        store.set_tenant("app", thirty_days, day(0)).unwrap();
        store
            .write("app", "m1", &chat("alice", "bob", day(0)), day(0))
            .unwrap();
        store
            .write("other", "m1", &chat("alice", "bob", day(0)), day(0))
            .unwrap();
        assert!(
            store
                .read::<ChatMessage>("app", "m1", day(20))
                .unwrap()
                .is_some()
        );
        assert!(
            store
                .read::<ChatMessage>("other", "m1", day(20))
                .unwrap()
                .is_none(),
            "no choice: 7 days"
        );
        let ten_days = Tenant {
            chosen_retention: Some(Period::days(10)),
            stores_end_user_data: true,
        };
        assert_eq!(store.set_tenant("app", ten_days, day(5)).unwrap(), 1);
        assert!(
            store
                .read::<ChatMessage>("app", "m1", day(9))
                .unwrap()
                .is_some()
        );
        assert!(
            store
                .read::<ChatMessage>("app", "m1", day(10))
                .unwrap()
                .is_none()
        );
        // Opting out of storage makes what is stored due at once.
        store
            .write("app", "m2", &chat("carol", "dan", day(6)), day(6))
            .unwrap();
        store
            .set_tenant(
                "app",
                Tenant {
                    chosen_retention: None,
                    stores_end_user_data: false,
                },
                day(7),
            )
            .unwrap();
        assert!(
            store
                .read::<ChatMessage>("app", "m2", day(7))
                .unwrap()
                .is_none()
        );
        assert_eq!(
            store.sweep(day(7), 10).unwrap().deleted,
            3,
            "m1 and m2 of app, m1 of other (7 days)"
        );
    });
}

#[test]
fn a_type_promising_less_than_its_category_never_outlives_the_customers_choice() {
    on_every_backend("promise", |backend| {
        let mut store = Store::new(backend(), KEY);
        let draft = |saved| Draft {
            author: "alice".into(),
            text: "half a thought".into(),
            saved,
        };
        let chosen = |days| Tenant {
            chosen_retention: Some(Period::days(days)),
            stores_end_user_data: true,
        };
        // No choice, or a longer one: the type's own 3 days.
        assert_eq!(
            store.write("app", "d1", &draft(day(0)), day(0)).unwrap(),
            Deadline::At(day(3))
        );
        store.set_tenant("month", chosen(30), day(0)).unwrap();
        assert_eq!(
            store.write("month", "d1", &draft(day(0)), day(0)).unwrap(),
            Deadline::At(day(3))
        );
        // A shorter choice ends the stored draft at once, and the next ones at the choice.
        assert_eq!(store.set_tenant("app", chosen(1), day(0)).unwrap(), 1);
        assert!(store.read::<Draft>("app", "d1", day(1)).unwrap().is_none());
        assert!(
            store
                .read::<Draft>("month", "d1", day(2))
                .unwrap()
                .is_some()
        );
        assert_eq!(
            store.write("app", "d2", &draft(day(1)), day(1)).unwrap(),
            Deadline::At(day(2))
        );
        assert_eq!(store.sweep(day(2), 10).unwrap().deleted, 2);
        assert_eq!(store.sweep(day(3), 10).unwrap().deleted, 1);
    });
}

#[test]
fn configuration_lives_while_the_account_does_and_two_calendar_months_after() {
    on_every_backend("terminated", |backend| {
        let mut store = Store::new(backend(), KEY);
        let config = AppConfig {
            callback_url: "https://example.com/cb".into(),
        };
        assert_eq!(
            store.write("app", "cfg", &config, day(0)).unwrap(),
            Deadline::WhileActive
        );
        assert_eq!(
            store.sweep(day(3650), 10).unwrap().deleted,
            0,
            "no deadline while the account is active"
        );
        let ended = Utc.with_ymd_and_hms(2031, 12, 31, 18, 0, 0).unwrap();
        assert_eq!(store.terminate("app", ended).unwrap(), 1);
        // 31 December + 2 months = the end of February (29th in the leap year 2032).
        let deadline = Utc.with_ymd_and_hms(2032, 2, 29, 18, 0, 0).unwrap();
        assert!(
            store
                .read::<AppConfig>("app", "cfg", deadline - TimeDelta::seconds(1))
                .unwrap()
                .is_some()
        );
        assert_eq!(
            store
                .sweep(deadline - TimeDelta::seconds(1), 10)
                .unwrap()
                .deleted,
            0
        );
        let report = store.sweep(deadline, 10).unwrap();
        assert_eq!(report.deleted, 1);
        assert_eq!(report.entries[0].reason, AuditReason::Termination);
    });
}

#[test]
fn a_legal_hold_blocks_deletion_and_is_audited_without_subject_ids() {
    on_every_backend("hold", |backend| {
        let mut store = Store::new(backend(), KEY);
        for (id, from) in [("m1", "alice"), ("m2", "bob"), ("m3", "alice")] {
            store
                .write("app", id, &chat(from, "zoe", day(0)), day(0))
                .unwrap();
        }
        let alice = HoldTarget::Subject {
            tenant: "app".into(),
            subject_key: store.subject_key(&SubjectId::new("alice")),
        };
        assert_eq!(store.hold(&alice, "litigation 2026-17", day(1)).unwrap(), 2);
        assert_eq!(
            store.sweep(day(30), 10).unwrap().deleted,
            1,
            "only bob's message goes"
        );
        assert_eq!(store.release(&alice, day(31)).unwrap(), 2);
        assert_eq!(store.sweep(day(31), 10).unwrap().deleted, 2);
        let one = HoldTarget::Record(record_key::<RequestLog>("app", "r1"));
        store.write("app", "r1", &log(day(40)), day(40)).unwrap();
        assert_eq!(store.hold(&one, "audit request", day(40)).unwrap(), 1);
        assert_eq!(store.sweep(day(60), 10).unwrap().deleted, 0);
        let audit = store.audit_log().unwrap();
        let actions: Vec<(AuditAction, u64)> = audit
            .iter()
            .map(|entry| (entry.action, entry.count))
            .collect();
        assert_eq!(
            actions,
            [
                (AuditAction::Held, 2),
                (AuditAction::Deleted, 1),
                (AuditAction::Released, 2),
                (AuditAction::Deleted, 2),
                (AuditAction::Held, 1)
            ]
        );
        assert_eq!(audit[0].note, "litigation 2026-17");
        let everything = format!("{audit:?}");
        for clear in ["alice", "bob", "zoe", "secret words"] {
            assert!(!everything.contains(clear), "the audit log names {clear}");
        }
    });
}

#[test]
fn sweeps_run_in_bounded_batches_and_resume() {
    on_every_backend("batches", |backend| {
        let mut store = Store::new(backend(), KEY);
        for index in 0..25 {
            store
                .write("app", &format!("r{index}"), &log(day(0)), day(0))
                .unwrap();
        }
        let report = store.sweep(day(7), 10).unwrap();
        assert_eq!((report.deleted, report.batches), (25, 3));
        assert_eq!(
            report
                .entries
                .iter()
                .map(|entry| entry.count)
                .collect::<Vec<_>>(),
            [10, 10, 5]
        );
    });
}

/// Two sweepers on one PostgreSQL or MariaDB database: every due record is deleted and audited
/// exactly once, and neither deadlocks.
fn concurrent_sweepers<B: Backend + Send + 'static>(open: impl Fn() -> B) {
    const RECORDS: usize = 1_500;
    let mut writer = Store::new(open(), KEY);
    for index in 0..RECORDS {
        writer
            .write("app", &format!("r{index}"), &log(day(0)), day(0))
            .unwrap();
    }
    let sweepers: Vec<_> = (0..2)
        .map(|_| {
            let mut store = Store::new(open(), KEY);
            std::thread::spawn(move || store.sweep(day(7), 50).unwrap().deleted)
        })
        .collect();
    let deleted: Vec<u64> = sweepers
        .into_iter()
        .map(|sweeper| sweeper.join().unwrap())
        .collect();
    assert_eq!(deleted.iter().sum::<u64>(), RECORDS as u64, "{deleted:?}");
    let audited: u64 = writer
        .audit_log()
        .unwrap()
        .iter()
        .map(|entry| entry.count)
        .sum();
    assert_eq!(audited, RECORDS as u64);
    assert_eq!(writer.sweep(day(7), 50).unwrap().deleted, 0);
}

#[test]
fn concurrent_sweepers_on_postgres_delete_each_record_once() {
    use privacy_core::store::sql::{PostgresConnection, SqlBackend};
    let prefix = servers::prefix("concurrent");
    let Some(_) = servers::postgres("probe") else {
        return;
    };
    concurrent_sweepers(|| {
        SqlBackend::open(
            PostgresConnection::connect(servers::POSTGRES).unwrap(),
            &prefix,
        )
        .unwrap()
    });
}

#[test]
fn concurrent_sweepers_on_mariadb_delete_each_record_once() {
    use privacy_core::store::sql::{MysqlConnection, SqlBackend};
    let prefix = servers::prefix("concurrent");
    let Some(_) = servers::mysql("probe") else {
        return;
    };
    concurrent_sweepers(|| {
        SqlBackend::open(MysqlConnection::connect(servers::MYSQL).unwrap(), &prefix).unwrap()
    });
}

#[test]
fn redis_audits_a_value_it_expired_when_the_record_is_written_again_before_a_sweep() {
    let Some(mut backend) = servers::redis("rewritten") else {
        return;
    };
    // Redis expires by its own clock: this record is due 50 ms from now, really.
    let due = Utc::now().timestamp_millis() + 50;
    let first = Row {
        key: RowKey::new("stores::RequestLog", "app", "r1"),
        category: "im.log_data".into(),
        class: RetentionClass::Fixed,
        subjects: Vec::new(),
        collected_at: Some(due - 1_000),
        deadline: Some(due),
        payload: "{}".into(),
    };
    backend.write(&first, due - 1_000).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(150));
    let second = Row {
        deadline: Some(due + 3_600_000),
        ..first.clone()
    };
    // By the store's clock it is not due yet: Redis's own expiry tells.
    backend.write(&second, due - 1_000).unwrap();
    let log = backend.audit_log().unwrap();
    assert_eq!(
        log.len(),
        1,
        "the expired first version's deletion: {log:?}"
    );
    assert_eq!(
        (log[0].action, log[0].reason, log[0].count),
        (AuditAction::Deleted, AuditReason::Retention, 1)
    );
    assert_eq!(log[0].deadline_max, Some(due));
    // The second version is kept, and a sweep does not audit the first one again.
    assert!(backend.sweep_batch(due + 1, 10).unwrap().is_empty());
    assert_eq!(backend.read(&first.key, due + 1).unwrap(), Some(second));
    assert_eq!(backend.audit_log().unwrap().len(), 1);
}

#[test]
fn redis_expires_values_natively_and_a_hold_persists_them() {
    let Some(backend) = servers::redis("native") else {
        return;
    };
    let mut store = Store::new(backend, KEY);
    store.write("app", "r1", &log(day(0)), day(0)).unwrap();
    let key = store
        .backend()
        .record_key(&record_key::<RequestLog>("app", "r1"));
    let ttl: i64 = redis::cmd("PTTL")
        .arg(&key)
        .query(store.backend().connection())
        .unwrap();
    assert!(ttl > 0, "no native expiry on {key}: {ttl}");
    let expire_at: i64 = redis::cmd("PEXPIRETIME")
        .arg(&key)
        .query(store.backend().connection())
        .unwrap();
    assert_eq!(expire_at, day(7).timestamp_millis());
    store
        .hold(
            &HoldTarget::Record(record_key::<RequestLog>("app", "r1")),
            "inquiry",
            day(1),
        )
        .unwrap();
    let ttl: i64 = redis::cmd("PTTL")
        .arg(&key)
        .query(store.backend().connection())
        .unwrap();
    assert_eq!(ttl, -1, "a held value must not expire");
    store
        .release(
            &HoldTarget::Record(record_key::<RequestLog>("app", "r1")),
            day(2),
        )
        .unwrap();
    let expire_at: i64 = redis::cmd("PEXPIRETIME")
        .arg(&key)
        .query(store.backend().connection())
        .unwrap();
    assert_eq!(expire_at, day(7).timestamp_millis());
}
