//! `im-backend`: an instant-messaging service that keeps its published privacy policy.
//!
//! ```text
//! im-backend                       the demo: 90 simulated days through the HTTP API, a summary, a chart
//! im-backend serve [--port P]      the service for real, with the engine's sweeper every 60 s
//! im-backend --help                every command
//! ```

use im_backend::db::Backend;
use im_backend::service::{App, router};
use im_backend::sim::{self, Outcome, TENANTS};
use im_backend::text::count;
use privacy_core::engine::Clock;
use std::error::Error;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

type Failure = Box<dyn Error + Send + Sync>;

/// Days `sweep` simulates unless told otherwise.
const SWEEP_DAYS: u32 = 7;
/// Days `export` and `erase` simulate unless told otherwise.
const REQUEST_DAYS: u32 = 30;
/// Days the demo simulates unless told otherwise.
const DEMO_DAYS: u32 = 90;

fn help() -> String {
    format!(
        "im-backend: an instant-messaging service (axum, sqlx) that keeps its privacy policy

usage: im-backend [--database-url URL] [COMMAND]

  (no command) | demo [--days N]
                        run the service in-process and drive N simulated days (default {DEMO_DAYS})
                        through its HTTP API with four tenants; print a summary, write a chart
  serve [--port P]      run the service on 127.0.0.1:P (default 8080), sweeping every 60 s
                        (SQLite file im-backend.db in the temp directory, kept across runs)
  sweep [--days N]      N simulated days (default {SWEEP_DAYS}), then the sweeps' audit log
  export <user> [--days N]
                        N simulated days (default {REQUEST_DAYS}), then <user>'s data as JSON (stdout: JSON only)
  erase <user> [--days N]
                        N simulated days (default {REQUEST_DAYS}), then <user>'s erasure receipt
  report [--lang L]     the published policy's tables from the code (en, zh, ja, ko, id)
  inventory [--json] | fideslang
                        the record of processing; the fideslang export
  check                 the drift gate: the code against policy/im.toml
  policy init [PATH]    write the policy the code declares (a starting policy file)
  plan --store S        native expiry plans for S: mongodb, kafka, s3, nats, redis, sql
  --help                this text

users are user-0 .. user-9 of tenant chat-30d. The database is an SQLite file in the temp
directory, made anew by each simulation; --database-url postgres://... or mysql://... runs on
PostgreSQL or MariaDB instead (built with --features postgres,mysql; a simulation drops and
recreates the service's tables there)."
    )
}

/// The declared policy the code is checked against.
const POLICY: &str = include_str!("../../../policy/im.toml");

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("im-backend: no runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(arguments)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("im-backend: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The database the service runs on.
enum Database {
    Sqlite(PathBuf),
    Url(String),
}

/// Runs `$function::<DB>(pool, $arg)` on the database chosen.
macro_rules! dispatch {
    ($database:expr, $function:ident, $arg:expr) => {
        match &$database {
            Database::Sqlite(path) => $function(sqlite(path).await?, $arg).await,
            Database::Url(url) if url.starts_with("sqlite:") => {
                $function(pool::<sqlx::Sqlite>().connect(url).await?, $arg).await
            }
            #[cfg(feature = "postgres")]
            Database::Url(url) if url.starts_with("postgres") => {
                $function(pool::<sqlx::Postgres>().connect(url).await?, $arg).await
            }
            #[cfg(feature = "mysql")]
            Database::Url(url) if url.starts_with("mysql") || url.starts_with("mariadb") => {
                let url = url.replacen("mariadb://", "mysql://", 1);
                $function(pool::<sqlx::MySql>().connect(&url).await?, $arg).await
            }
            Database::Url(url) if url.starts_with("postgres") => Err(missing("postgres").into()),
            Database::Url(url) if url.starts_with("mysql") || url.starts_with("mariadb") => {
                Err(missing("mysql").into())
            }
            Database::Url(_) => {
                Err("--database-url takes a sqlite:, postgres:// or mysql:// URL".into())
            }
        }
    };
}

/// Why a URL's database cannot be used: this build has no driver for it.
fn missing(feature: &str) -> String {
    format!(
        "this build has no driver for that database; run `cargo run -p im-backend --features {feature} -- ...`"
    )
}

fn days(words: &[&str], default: u32) -> Result<u32, Failure> {
    match words {
        [] => Ok(default),
        ["--days", n] => match n.parse::<u32>() {
            Ok(days @ 1..=3650) => Ok(days),
            _ => {
                Err(format!("--days takes a whole number of days from 1 to 3650, not `{n}`").into())
            }
        },
        _ => Err(format!(
            "unknown arguments `{}`; see `im-backend --help`",
            words.join(" ")
        )
        .into()),
    }
}

async fn run(arguments: Vec<String>) -> Result<(), Failure> {
    let mut words: Vec<&str> = arguments.iter().map(String::as_str).collect();
    let mut database = Database::Sqlite(std::env::temp_dir().join("im-backend-demo.db"));
    if let Some(at) = words.iter().position(|word| *word == "--database-url") {
        let url = words
            .get(at + 1)
            .ok_or("--database-url takes a URL")?
            .to_string();
        database = Database::Url(url);
        words.drain(at..=at + 1);
    }
    match words.as_slice() {
        [] => demo(&database, DEMO_DAYS).await,
        ["demo", rest @ ..] => demo(&database, days(rest, DEMO_DAYS)?).await,
        ["serve", rest @ ..] => {
            if let Database::Sqlite(path) = &mut database {
                *path = std::env::temp_dir().join("im-backend.db");
            }
            let port = match rest {
                [] => 8080,
                ["--port", port] => port
                    .parse()
                    .map_err(|_| format!("--port takes a port number, not `{port}`"))?,
                _ => return Err(format!("unknown arguments `{}`", rest.join(" ")).into()),
            };
            dispatch!(database, serve, port)
        }
        ["sweep", rest @ ..] => {
            let days = days(rest, SWEEP_DAYS)?;
            dispatch!(database, sweep, days)
        }
        ["export", user, rest @ ..] => {
            let days = days(rest, REQUEST_DAYS)?;
            let (user, action) = ((*user).to_owned(), Request::Export);
            dispatch!(database, request, (days, user, action))
        }
        ["erase", user, rest @ ..] => {
            let days = days(rest, REQUEST_DAYS)?;
            let (user, action) = ((*user).to_owned(), Request::Erase);
            dispatch!(database, request, (days, user, action))
        }
        ["report"] => policy_command(&["tables"]),
        ["report", "--lang", lang] => policy_command(&["tables", "--lang", lang]),
        ["inventory", ..] | ["fideslang", ..] | ["policy", "init", ..] => policy_command(&words),
        ["check"] => match privacy_core::report::gate::check(POLICY) {
            Ok(()) => {
                println!(
                    "the code keeps policy/im.toml ({} checked)",
                    count(privacy_core::registry::types().len(), "type")
                );
                Ok(())
            }
            Err(drift) => Err(drift.to_string().into()),
        },
        ["plan", "--store", store] => plan(store),
        ["--help" | "-h" | "help"] => {
            println!("{}", help());
            Ok(())
        }
        _ => Err(format!(
            "unknown arguments `{}`; see `im-backend --help`",
            arguments.join(" ")
        )
        .into()),
    }
}

async fn sqlite(path: &PathBuf) -> Result<sqlx::SqlitePool, Failure> {
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
        .synchronous(sqlx::sqlite::SqliteSynchronous::Normal)
        .busy_timeout(Duration::from_secs(10));
    Ok(pool().connect_with(options).await?)
}

/// The pool options of every database the service runs on.
fn pool<DB: sqlx::Database>() -> sqlx::pool::PoolOptions<DB> {
    sqlx::pool::PoolOptions::new().max_connections(4)
}

/// The service on `pool` with a manual clock, its tables made anew.
async fn simulated<DB: Backend>(pool: sqlx::Pool<DB>) -> Result<(App<DB>, Clock), Failure> {
    let clock = Clock::manual(sim::start());
    let app = App::new(sim::engine(pool, clock.clone())?);
    app.drop_tables().await?;
    app.install().await?;
    Ok((app, clock))
}

fn progress(days: u32) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(u64::from(days));
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "simulated day {pos:>2}/{len} {wide_bar} {elapsed}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}

async fn simulate<DB: Backend>(
    pool: sqlx::Pool<DB>,
    days: u32,
) -> Result<(App<DB>, Outcome, Duration), Failure> {
    let (app, clock) = simulated(pool).await?;
    let bar = progress(days);
    let started = Instant::now();
    let outcome = sim::run(app.clone(), &clock, i64::from(days), |_| bar.inc(1)).await?;
    bar.finish_and_clear();
    Ok((app, outcome, started.elapsed()))
}

enum Request {
    Export,
    Erase,
}

async fn request<DB: Backend>(
    pool: sqlx::Pool<DB>,
    (days, user, action): (u32, String, Request),
) -> Result<(), Failure> {
    let (app, clock) = simulated(pool).await?;
    let bar = progress(days);
    sim::traffic(app.clone(), &clock, i64::from(days), |_| bar.inc(1)).await?;
    bar.finish_and_clear();
    let subject = privacy_core::SubjectId::new(user);
    match action {
        Request::Export => println!(
            "{}",
            serde_json::to_string_pretty(&app.engine.export("chat-30d", &subject).await?)?
        ),
        Request::Erase => print!("{}", app.engine.erase("chat-30d", &subject).await?),
    }
    Ok(())
}

async fn sweep<DB: Backend>(pool: sqlx::Pool<DB>, days: u32) -> Result<(), Failure> {
    let (app, clock) = simulated(pool).await?;
    let bar = progress(days);
    sim::traffic(app.clone(), &clock, i64::from(days), |_| bar.inc(1)).await?;
    bar.finish_and_clear();
    println!(
        "{} of traffic, swept at every midnight; the audit log (no values, no subject ids):",
        count(days, "simulated day")
    );
    for entry in app.engine.audit_log().await? {
        println!("{entry}");
    }
    Ok(())
}

async fn serve<DB: Backend>(pool: sqlx::Pool<DB>, port: u16) -> Result<(), Failure> {
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .init();
    let app = App::new(sim::engine(pool, Clock::system())?);
    app.install().await?;
    let sweeper = app.engine.spawn_sweeper(Duration::from_secs(60));
    let monitor = {
        let app = app.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(60));
            loop {
                every.tick().await;
                if let Err(error) = app.flush_monitoring().await {
                    tracing::error!(%error, "monitoring samples not written");
                }
            }
        })
    };
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!(
        "im-backend serving on http://{} ({}); Ctrl-C stops it",
        listener.local_addr()?,
        <DB as sqlx::Database>::NAME
    );
    axum::serve(
        listener,
        router(app).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    monitor.abort();
    sweeper.shutdown().await;
    Ok(())
}

fn policy_command(words: &[&str]) -> Result<(), Failure> {
    let args: Vec<String> = words.iter().map(|word| (*word).to_owned()).collect();
    let mut out = Vec::new();
    let status = privacy_cli::run(&args, privacy_core::registry::types(), &mut out);
    let text = String::from_utf8_lossy(&out);
    if status == 0 {
        print!("{text}");
        Ok(())
    } else {
        Err(text
            .trim_end()
            .trim_start_matches("error: ")
            .to_owned()
            .into())
    }
}

fn plan(store: &str) -> Result<(), Failure> {
    use privacy_core::store::plan::{Target, plan};
    let target = Target::from_name(store).ok_or_else(|| {
        format!("unknown store `{store}`; one of mongodb, kafka, s3, nats, redis, sql")
    })?;
    for descriptor in privacy_core::registry::types() {
        let plan = plan(descriptor, target, None);
        println!(
            "{} ({}):\n  {}\n  worst-case lateness: {}",
            descriptor.name, descriptor.retention, plan.config, plan.worst_case_lateness
        );
        if let Some(why) = plan.needs_sweeper {
            println!("  needs the sweeper: {why}");
        }
    }
    Ok(())
}

async fn demo(database: &Database, days: u32) -> Result<(), Failure> {
    let captured = im_backend::logs::capture();
    let started = Instant::now();
    let where_ = match database {
        Database::Sqlite(path) => format!("SQLite file {}", path.display()),
        Database::Url(url) => url.split('@').next_back().unwrap_or(url).to_owned(),
    };
    println!(
        "im-backend: the service in-process on {where_}, driven through its HTTP API for {}",
        count(days, "simulated day")
    );
    let outcome = dispatch!(database, demo_on, days)?;
    im_backend::summary::print(&outcome.0, outcome.1, &captured.text(), POLICY)?;
    let chart = std::env::temp_dir().join("im-backend-demo.svg");
    im_backend::chart::draw(&outcome.0.daily, &chart)?;
    println!(
        "\nchart: {}  (rows per category and chat messages per tenant, per simulated day)",
        chart.display()
    );
    println!(
        "done in {:.1?} (simulation {:.1?})",
        started.elapsed(),
        outcome.1
    );
    let _ = TENANTS;
    Ok(())
}

async fn demo_on<DB: Backend>(
    pool: sqlx::Pool<DB>,
    days: u32,
) -> Result<(Outcome, Duration), Failure> {
    let (_, outcome, elapsed) = simulate(pool, days).await?;
    Ok((outcome, elapsed))
}
