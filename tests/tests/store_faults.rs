//! A sweeper killed with SIGKILL in the middle of its work loses nothing: every record is either
//! still stored or deleted with its audit entry, and the next sweep finishes the job.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use privacy_core::store::sql::{SqlBackend, SqliteConnection};
use privacy_core::store::{AuditAction, Store};
use privacy_tests::records::RequestLog;
use std::process::Command;
use std::time::{Duration, Instant};

const RECORDS: usize = 6_000;
const CHILD: &str = "PRIVACY_FAULT_CHILD_DATABASE";

fn day(n: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap() + TimeDelta::days(n)
}

fn open(path: &str) -> Store<SqlBackend<SqliteConnection>> {
    Store::new(
        SqlBackend::open(SqliteConnection::open(path).unwrap(), "").unwrap(),
        b"fault test key",
    )
}

/// Counts (records stored, records the audit says were deleted), read straight from the file.
fn tally(path: &str) -> (u64, u64) {
    let deleted = open(path)
        .audit_log()
        .unwrap()
        .iter()
        .filter(|entry| entry.action == AuditAction::Deleted)
        .map(|entry| entry.count)
        .sum();
    (stored_count(path), deleted)
}

fn stored_count(path: &str) -> u64 {
    use privacy_core::store::sql::{SqlConnection, SqlValue};
    let mut connection = SqliteConnection::open(path).unwrap();
    let rows = connection
        .query("SELECT COUNT(*) FROM records", &[])
        .unwrap();
    match rows[0][0] {
        SqlValue::Int(count) => count.unsigned_abs(),
        ref other => panic!("COUNT(*) gave {other:?}"),
    }
}

/// The child process of the fault test: sweeps batch by batch until it is killed.
#[test]
#[ignore = "run by the fault test as its child process"]
fn sweeper_child() {
    let Ok(path) = std::env::var(CHILD) else {
        return;
    };
    let mut store = open(&path);
    loop {
        if store.sweep(day(7), 25).unwrap().deleted == 0 {
            return;
        }
    }
}

#[test]
fn a_sweeper_killed_mid_sweep_loses_nothing_and_the_next_one_finishes() {
    let directory = std::env::temp_dir().join(format!("privacy-fault-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    let path = directory.join("store.db").to_string_lossy().into_owned();
    let _ = std::fs::remove_file(&path);
    {
        let mut store = open(&path);
        for index in 0..RECORDS {
            store
                .write(
                    "app",
                    &format!("r{index}"),
                    &RequestLog {
                        interface: "sendmsg".into(),
                        at: day(0),
                    },
                    day(0),
                )
                .unwrap();
        }
    }
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "sweeper_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, &path)
        .spawn()
        .unwrap();
    // Kill it once it has done some, not all, of the work.
    let started = Instant::now();
    loop {
        let (stored, _) = tally(&path);
        if stored < RECORDS as u64 * 3 / 4 || started.elapsed() > Duration::from_secs(60) {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL on Unix: no destructor, no rollback code runs.
    child.wait().unwrap();
    let (stored, deleted) = tally(&path);
    assert!(
        stored > 0 && stored < RECORDS as u64,
        "the kill landed mid-sweep: {stored} left"
    );
    assert_eq!(
        stored + deleted,
        RECORDS as u64,
        "every record is stored or audited as deleted"
    );
    // The next sweep resumes and finishes.
    let report = open(&path).sweep(day(7), 500).unwrap();
    assert_eq!(report.deleted, stored);
    assert_eq!(tally(&path), (0, RECORDS as u64));
    let _ = std::fs::remove_dir_all(&directory);
}
