//! `schema --database-url URL` over a service's mapped types: what is missing, with the
//! statements that add it, and an exit status a deploy script can test.

use privacy_core::{Classified, im};

/// A mapped type: its sweep needs an index on `at`.
#[derive(Classified)]
#[privacy(category = im::LogData, table = "request_logs")]
struct RequestLog {
    interface: String,
    #[privacy(collected_at)]
    at: chrono::DateTime<chrono::Utc>,
}

/// A mapped type whose table the database does not have.
#[derive(Classified)]
#[privacy(category = im::MonitoringData, table = "samples")]
struct Sample {
    #[privacy(collected_at)]
    at: chrono::DateTime<chrono::Utc>,
}

async fn schema(url: &str) -> (i32, String) {
    let args = ["schema", "--database-url", url].map(String::from);
    let mut out = Vec::new();
    let types = [RequestLog::DESCRIPTOR, Sample::DESCRIPTOR];
    let status = privacy_cli::run_async(&args, &types, &mut out).await;
    (status, String::from_utf8(out).unwrap())
}

#[tokio::test]
async fn missing_tables_columns_and_indexes_are_named_with_their_fix() {
    let file = std::env::temp_dir().join(format!("privacy-cli-schema-{}.db", std::process::id()));
    let url = format!("sqlite://{}?mode=rwc", file.display());
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    sqlx::query("CREATE TABLE request_logs (at TEXT)")
        .execute(&pool)
        .await
        .unwrap();
    let (status, text) = schema(&url).await;
    assert_eq!(status, 1, "{text}");
    assert!(
        text.contains("table `request_logs` has no column `interface`"),
        "{text}"
    );
    assert!(
        text.contains("CREATE INDEX request_logs_at ON request_logs (at);"),
        "{text}"
    );
    assert!(
        text.contains("table `samples` of `Sample` does not exist"),
        "{text}"
    );
    sqlx::query("ALTER TABLE request_logs ADD COLUMN interface TEXT")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("CREATE INDEX request_logs_at ON request_logs (at)")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("CREATE TABLE samples (at TEXT)")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("CREATE INDEX samples_at ON samples (at)")
        .execute(&pool)
        .await
        .unwrap();
    let (status, text) = schema(&url).await;
    assert_eq!(
        (status, text.trim()),
        (
            0,
            "schema: every mapped table, column, index and partition is there"
        )
    );
    pool.close().await;
    let _ = std::fs::remove_file(file);
}

#[tokio::test]
async fn an_unreachable_database_is_said_without_the_password() {
    let (status, text) = schema("postgres://service:hunter2@127.0.0.1:1/im").await;
    assert_eq!(status, 2, "{text}");
    assert!(
        text.starts_with("error: cannot reach the database"),
        "{text}"
    );
    assert!(!text.contains("hunter2"), "{text}");
    let (status, text) = schema("oracle://x").await;
    assert_eq!(
        (status, text.contains("must start with sqlite:")),
        (2, true),
        "{text}"
    );
}

#[test]
fn the_blocking_entry_says_to_use_the_async_one() {
    let args = ["schema", "--database-url", "sqlite::memory:"].map(String::from);
    let mut out = Vec::new();
    assert_eq!(privacy_cli::run(&args, &[], &mut out), 2);
    assert!(String::from_utf8(out).unwrap().contains("run_async"));
}
