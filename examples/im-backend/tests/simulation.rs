//! The simulation on an SQLite database in memory: what the demo prints is what the database
//! holds.

use im_backend::service::App;
use im_backend::sim;
use privacy_core::engine::Clock;

async fn simulate(days: i64, requests: bool) -> (sim::Outcome, sqlx::SqlitePool) {
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect("sqlite::memory:")
        .await
        .unwrap();
    let clock = Clock::manual(sim::start());
    let app = App::new(sim::engine(pool.clone(), clock.clone()).unwrap());
    app.install().await.unwrap();
    let outcome = if requests {
        sim::run(app, &clock, days, |_| {}).await.unwrap()
    } else {
        sim::traffic(app, &clock, days, |_| {}).await.unwrap()
    };
    (outcome, pool)
}

#[tokio::test]
async fn the_counts_are_the_rows_in_the_database_not_the_writes() {
    let (outcome, pool) = simulate(12, false).await;
    let last = outcome.daily.last().unwrap();
    for (table, short) in im_backend::model::TABLES {
        let rows: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(last.per_table[short], rows, "{table}");
    }
    // A profile is rewritten every day or so: three storing tenants of ten users each hold
    // at most 30 profiles, however many writes there were.
    assert!(
        outcome
            .daily
            .iter()
            .all(|day| day.per_table["profiles"] <= 30)
    );
    assert!(outcome.requests > 12 * 30);
}

#[tokio::test]
async fn the_summary_keeps_each_promise_and_speaks_in_the_singular_of_one() {
    let (outcome, _pool) = simulate(9, true).await;
    let text = im_backend::summary::render(
        &outcome,
        std::time::Duration::from_secs(1),
        "",
        include_str!("../../../policy/im.toml"),
    )
    .unwrap();
    assert!(
        text.contains("chat-default  chose nothing: 7 days                 day  7 ok"),
        "{text}"
    );
    assert!(!text.contains("WRONG"), "{text}");
    assert!(
        text.contains("the code keeps the declared policy (6 types checked)"),
        "{text}"
    );
    assert!(text.contains(" 1 record "), "{text}");
    for wrong in [
        "1 records",
        "1 rows",
        "1 messages",
        "1 writes",
        "1 types",
        "1 requests",
    ] {
        let wrong = format!(" {wrong}");
        assert!(!text.contains(&wrong), "`{wrong}` in {text}");
    }
    assert!(
        text.contains("secrets: none, other people's ids in clear: 0"),
        "{text}"
    );
}
