//! The chat service's eight days on SQLite, PostgreSQL and MariaDB: the same policy kept on
//! each (PostgreSQL and MariaDB skipped, saying so, when absent, unless
//! `PRIVACY_REQUIRE_STORES=1`).

use chat_service::scenario::{Summary, eight_days};
use privacy_core::engine::{AuditAction, AuditReason};
use privacy_tests::servers;

fn check(summary: &Summary) {
    assert!(
        summary
            .schema
            .contains("every mapped table, column, index and partition is there"),
        "{}",
        summary.schema
    );
    assert_eq!(summary.refused.len(), 1, "{:?}", summary.refused);
    assert!(
        summary.refused[0].starts_with("initech: ") && summary.refused[0].contains("opted out")
    );
    assert_eq!(summary.inbox, [("acme", 0), ("globex", 1), ("initech", 0)]);
    let export = summary.export.to_string();
    assert!(
        export.contains("Nightingale") && export.contains("see you at nine"),
        "{export}"
    );
    assert!(
        !export.contains("push-token-7f3a"),
        "a secret is never exported: {export}"
    );
    assert!(
        !export.contains("\"bob\""),
        "another person's id is pseudonymised: {export}"
    );
    let lines = &summary.receipt.lines;
    assert_eq!(
        lines.iter().map(|line| line.redacted).sum::<u64>(),
        1,
        "{}",
        summary.receipt
    );
    assert_eq!(summary.receipt.deleted(), 1, "{}", summary.receipt);
    let swept = |reason: AuditReason| {
        summary
            .audit
            .iter()
            .filter(|entry| entry.action == AuditAction::Sweep && entry.reason == reason)
            .map(|entry| entry.count)
            .sum::<u64>()
    };
    assert_eq!(
        swept(AuditReason::Retention),
        2,
        "acme's message after 7 days, the request log after 7"
    );
    assert!(
        summary
            .audit
            .iter()
            .all(|entry| !entry.to_string().contains("ann"))
    );
}

#[tokio::test]
async fn eight_days_on_sqlite() {
    let pool = servers::sqlite().await;
    check(&eight_days(pool).await.unwrap());
}

#[tokio::test]
async fn eight_days_on_postgres() {
    let Some((pool, schema)) = servers::postgres("chat").await else {
        return;
    };
    check(&eight_days(pool.clone()).await.unwrap());
    servers::drop_postgres(pool, &schema).await;
}

#[tokio::test]
async fn eight_days_on_mariadb() {
    let Some((pool, database)) = servers::mysql("chat").await else {
        return;
    };
    check(&eight_days(pool.clone()).await.unwrap());
    servers::drop_mysql(pool, &database).await;
}
