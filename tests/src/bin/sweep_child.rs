//! The sweeper the fault tests kill: sweeps the `request_logs` table that
//! [`privacy_tests::bulk`] loaded, step after step of a manual clock, and says on stdout where
//! it is (`ready`, `begin <step>`, `end <step> <deleted>`), so the test can SIGKILL it
//! mid-sweep and know the latest clock it may have swept at.
//!
//! `sweep_child <sqlite:FILE | postgres:SCHEMA> <first step> <last step> <unix seconds of step 0> <seconds per step> <batch>`

use chrono::{DateTime, TimeDelta};
use privacy_core::engine::{Clock, Dialect, Engine};
use privacy_tests::bulk::RequestLog;
use std::io::Write as _;

struct Args {
    first: i64,
    last: i64,
    start: i64,
    step: i64,
    batch: usize,
}

fn say(line: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")
        .and_then(|()| out.flush())
        .map_err(|error| error.to_string())
}

async fn sweep<DB: Dialect>(pool: sqlx::Pool<DB>, args: &Args) -> Result<(), String> {
    let at = |step: i64| {
        DateTime::from_timestamp(args.start, 0)
            .map(|start| start + TimeDelta::seconds(step * args.step))
            .ok_or("step 0 is not an instant")
    };
    let clock = Clock::manual(at(args.first)?);
    let engine = Engine::builder(pool)
        .table::<RequestLog>()
        .clock(clock.clone())
        .batch_size(args.batch)
        .build()
        .map_err(|error| error.to_string())?;
    say("ready")?;
    for step in args.first..=args.last {
        clock.set(at(step)?);
        say(&format!("begin {step}"))?;
        let report = engine.sweep().await.map_err(|error| error.to_string())?;
        say(&format!("end {step} {}", report.deleted))?;
    }
    say("done")
}

async fn run(database: &str, args: Args) -> Result<(), String> {
    if let Some(file) = database.strip_prefix("sqlite:") {
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(file)
            .busy_timeout(std::time::Duration::from_secs(10));
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .map_err(|error| error.to_string())?;
        sweep(pool, &args).await
    } else if let Some(schema) = database.strip_prefix("postgres:") {
        let pool = privacy_tests::servers::postgres_in(schema, 1)
            .await
            .map_err(|error| error.to_string())?;
        sweep(pool, &args).await
    } else {
        Err(format!("unknown database `{database}`"))
    }
}

fn main() -> std::process::ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let number = |index: usize| -> Result<i64, String> {
        argv.get(index)
            .and_then(|value| value.parse().ok())
            .ok_or_else(|| format!("argument {index} must be a whole number"))
    };
    let parsed = (|| {
        Ok::<_, String>((
            argv.first().cloned().ok_or("no database given")?,
            Args {
                first: number(1)?,
                last: number(2)?,
                start: number(3)?,
                step: number(4)?,
                batch: usize::try_from(number(5)?).map_err(|error| error.to_string())?,
            },
        ))
    })();
    let result = parsed.and_then(|(database, args)| {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|error| error.to_string())
            .and_then(|runtime| runtime.block_on(run(&database, args)))
    });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("sweep_child: {error}");
            std::process::ExitCode::from(2)
        }
    }
}
