//! `cargo run -p chat-service [-- --database-url URL]`: eight simulated days of the chat
//! service on its own tables (an SQLite database in memory unless a PostgreSQL or MySQL URL is
//! given), the policy kept by the engine.

use chat_service::scenario::{Summary, eight_days};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_target(false)
        .without_time()
        .init();
    let url = std::env::args()
        .skip_while(|arg| arg != "--database-url")
        .nth(1)
        .unwrap_or_else(|| "sqlite::memory:".into());
    let summary = if url.starts_with("postgres") {
        eight_days(sqlx::PgPool::connect(&url).await?).await?
    } else if url.starts_with("mysql") || url.starts_with("mariadb") {
        eight_days(sqlx::MySqlPool::connect(&url).await?).await?
    } else {
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
            .max_connections(1)
            .connect(&url)
            .await?;
        eight_days(pool).await?
    };
    print(&summary);
    Ok(())
}

fn print(summary: &Summary) {
    println!("{}", summary.schema);
    for refused in &summary.refused {
        println!("refused: {refused}");
    }
    for (app, count) in &summary.inbox {
        println!(
            "day 8, {app}: bob reads {count} message{}",
            if *count == 1 { "" } else { "s" }
        );
    }
    println!("ann's export from globex: {}", summary.export);
    println!("{}", summary.receipt);
    for entry in &summary.audit {
        println!("audit: {entry}");
    }
}
