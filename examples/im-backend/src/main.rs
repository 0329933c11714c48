//! The data layer of an instant-messaging service keeping its published privacy policy, run as
//! a demo on a simulated clock over an embedded SQLite file.
//!
//! ```text
//! im-backend                 the whole demo (about 90 simulated days)
//! im-backend demo --days N   the demo over N days, one line per day
//! im-backend sweep           a week of traffic, then the sweeps' audit log
//! im-backend erase <user>    a month of traffic, then <user>'s erasure request (user-0 .. user-39)
//! im-backend export <user>   a month of traffic, then <user>'s data export as JSON
//! im-backend report [--lang L] the published policy's tables (en, zh, ja, ko, id)
//! im-backend check            the drift gate against policy/im.toml
//! im-backend plan --store S   native expiry plans (mongodb, kafka, s3, nats, redis, sql)
//! im-backend inventory [--json], im-backend fideslang
//! im-backend --help
//! ```

use im_backend::demo::{self, Options};
use im_backend::tenants;
use privacy_core::SubjectId;
use std::error::Error;
use std::process::ExitCode;

const HELP: &str = "im-backend: an instant-messaging backend that keeps its privacy policy

usage:
  im-backend                  run the whole demo (90 simulated days)
  im-backend demo [--days N]  run the demo over N days
  im-backend sweep            a week of traffic, then the sweeps' audit log
  im-backend erase <user>     a month of traffic, then <user>'s erasure request and receipt
  im-backend export <user>    a month of traffic, then <user>'s data as one JSON document
  im-backend report [--lang L]
                              the published policy's tables, from the code (en, zh, ja, ko, id)
  im-backend check            compare the code with the declared policy (policy/im.toml)
  im-backend plan --store S   native expiry plans for S: mongodb, kafka, s3, nats, redis, sql
  im-backend inventory [--json] | fideslang
                              the record of processing; the fideslang export
  im-backend --help           this text

users are user-0 .. user-39 of tenant chat-30d; the store is an SQLite file in the temp directory";

/// The declared policy the code is checked against.
const POLICY: &str = include_str!("../../../policy/im.toml");

/// A command of the toolkit's command line, over this program's types.
fn policy_command(words: &[&str]) -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = words.iter().map(|word| (*word).to_owned()).collect();
    match privacy_cli::run(
        &args,
        privacy_core::registry::types(),
        &mut std::io::stdout(),
    ) {
        0 => Ok(()),
        status => Err(format!("`{}` ended with status {status}", words.join(" ")).into()),
    }
}

fn database() -> std::path::PathBuf {
    std::env::temp_dir().join("im-backend-demo.db")
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    match run(&arguments) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("im-backend: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(arguments: &[String]) -> Result<(), Box<dyn Error>> {
    let words: Vec<&str> = arguments.iter().map(String::as_str).collect();
    match words.as_slice() {
        [] => whole_demo(90),
        ["demo"] => whole_demo(90),
        ["demo", "--days", days] => whole_demo(
            days.parse()
                .map_err(|_| format!("--days takes a number, not `{days}`"))?,
        ),
        ["--help" | "-h" | "help"] => {
            println!("{HELP}");
            Ok(())
        }
        ["sweep"] => {
            let (mut store, _) = demo::simulate(&Options {
                days: 9,
                database: database(),
                every_day: true,
            })?;
            println!("\n== Audit log (what was deleted, when and why; no values, no subject ids)");
            for entry in store.audit_log()? {
                println!(
                    "{} {:<8} {:<12} {:<45} {:>4} records",
                    chrono::DateTime::from_timestamp_millis(entry.at)
                        .unwrap_or_default()
                        .format("%Y-%m-%d %H:%M"),
                    entry.action.code(),
                    entry.reason.code(),
                    entry.type_key,
                    entry.count
                );
            }
            Ok(())
        }
        ["erase", user] => {
            let (mut store, _) = demo::simulate(&Options {
                days: 30,
                database: database(),
                every_day: false,
            })?;
            let receipt = privacy_core::subject::erase(
                &mut [&mut store],
                "chat-30d",
                &SubjectId::new(*user),
                demo::start() + chrono::TimeDelta::days(30),
            );
            print!("{receipt}");
            Ok(())
        }
        ["export", user] => {
            let (mut store, _) = demo::simulate(&Options {
                days: 30,
                database: database(),
                every_day: false,
            })?;
            let export = privacy_core::subject::export(
                &mut [&mut store],
                "chat-30d",
                &SubjectId::new(*user),
                demo::start() + chrono::TimeDelta::days(30),
            )?;
            println!("{}", serde_json::to_string_pretty(&export)?);
            Ok(())
        }
        ["report", rest @ ..] => policy_command(&[&["tables"][..], rest].concat()),
        ["inventory", ..] | ["fideslang", ..] => policy_command(&words),
        ["plan", "--store", store] => {
            let target = privacy_core::store::plan::Target::from_name(store).ok_or_else(|| {
                format!("unknown store `{store}`; one of mongodb, kafka, s3, nats, redis, sql")
            })?;
            for descriptor in privacy_core::registry::types() {
                let plan = privacy_core::store::plan::plan(descriptor, target, None);
                let config = if plan.config.is_null() {
                    "no native rule".to_owned()
                } else {
                    plan.config.to_string()
                };
                println!(
                    "{} ({}):
  {config}
  worst-case lateness: {}",
                    descriptor.name, descriptor.retention, plan.worst_case_lateness
                );
                if let Some(what) = plan.requires {
                    println!("  requires: {what}");
                }
                match plan.needs_sweeper {
                    Some(why) if why.starts_with("not expressible natively") => println!("  {why}"),
                    Some(why) => println!("  needs the sweeper: {why}"),
                    None => {}
                }
            }
            Ok(())
        }
        ["check"] => match privacy_core::report::gate::check(POLICY) {
            Ok(()) => {
                println!("the code keeps policy/im.toml");
                Ok(())
            }
            Err(drift) => Err(drift.to_string().into()),
        },
        _ => Err(format!(
            "unknown arguments `{}`; see `im-backend --help`",
            arguments.join(" ")
        )
        .into()),
    }
}

fn whole_demo(days: i64) -> Result<(), Box<dyn Error>> {
    let started = std::time::Instant::now();
    println!("== {days} simulated days of traffic, four customer applications:");
    for customer in tenants::customers() {
        println!("   {:<13} {}", customer.id, customer.describe);
    }
    let (mut store, tally) = demo::simulate(&Options {
        days,
        database: database(),
        every_day: true,
    })?;
    let written: i64 = tally.written.values().sum();
    println!(
        "\n{written} records written; {} writes of end users' data refused for no-storage:",
        tally.refused.0
    );
    if let Some(message) = &tally.refused.1 {
        println!("   {message}");
    }
    println!("\n== When records disappear");
    println!("   per tenant, the first day's records stop being readable at the end of day:");
    for customer in tenants::customers() {
        let gone: Vec<String> = tally
            .gone
            .iter()
            .filter(|((tenant, _), _)| *tenant == customer.id)
            .map(|((_, kind), day)| {
                if *kind == "chat messages" && !customer.settings.stores_end_user_data {
                    format!("{kind} never stored")
                } else {
                    format!("{kind} {day}")
                }
            })
            .collect();
        let gone = if gone.is_empty() {
            "nothing stored or nothing gone yet".to_owned()
        } else {
            gone.join(", ")
        };
        println!("   {:<13} {gone}", customer.id);
    }
    println!("   per type, the sweep first deleted (from the audit log):");
    for line in demo::disappearance(&mut store)? {
        println!("   {line}");
    }
    demo::requests(&mut store, demo::start() + chrono::TimeDelta::days(days))?;
    demo::redacted_lines();
    println!(
        "\n== The published policy's tables, generated from the types (also: report --lang zh|ja|ko|id)\n"
    );
    let inventory = privacy_core::report::Inventory::linked();
    print!(
        "{}",
        privacy_core::report::tables::render(&inventory, privacy_core::report::Lang::En)?
    );
    println!("== Drift gate against policy/im.toml");
    match privacy_core::report::gate::check(POLICY) {
        Ok(()) => println!(
            "   the code keeps the declared policy ({} types checked)",
            inventory.types.len()
        ),
        Err(drift) => print!("{drift}"),
    }
    println!(
        "\ndone in {:.1?} (store: {})",
        started.elapsed(),
        database().display()
    );
    Ok(())
}
