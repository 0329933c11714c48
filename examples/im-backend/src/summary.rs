//! The demo's summary: what a privacy officer reads in a minute.

use crate::sim::{Outcome, TENANTS, Tenant};
use crate::text::count;
use privacy_core::report::{Inventory, Lang, gate, tables};
use std::fmt::Write as _;
use std::time::Duration;

/// The days after which a tenant's day-0 end-user record must stop being readable.
#[must_use]
pub fn promised_end_user(tenant: &Tenant) -> Option<i64> {
    if tenant.opted_out {
        None
    } else {
        Some(i64::from(tenant.period_days.unwrap_or(7)))
    }
}

/// The day a tenant's configuration must stop being readable: 2 calendar months after its
/// account ended.
#[must_use]
pub fn promised_config(tenant: &Tenant) -> Option<i64> {
    let start = crate::sim::start();
    tenant.terminates_on.and_then(|day| {
        let ended = start + chrono::TimeDelta::days(day);
        ended
            .checked_add_months(chrono::Months::new(2))
            .map(|due| (due - start).num_days())
    })
}

fn cell(observed: Option<i64>, promised: Option<i64>, refused: bool) -> String {
    match (observed, promised) {
        _ if refused => "never stored (refused) ok".into(),
        (Some(day), Some(want)) if day == want => format!("day {day:>2} ok"),
        (Some(day), Some(want)) => format!("day {day:>2} WRONG (promised day {want})"),
        (None, None) => "kept (in use) ok".into(),
        (None, Some(want)) => format!("still readable (promised day {want})"),
        (Some(day), None) => format!("day {day:>2} WRONG (promised: kept)"),
    }
}

/// Raw values the simulation sent that must never appear in a log line.
#[must_use]
pub fn raw_values_in(log: &str) -> Vec<String> {
    let mut found = Vec::new();
    for needle in [
        "see you at",
        "Nightingale",
        "admin@",
        "app-key-",
        "push-secret-",
        "avatars/",
        "out of office",
    ] {
        if log.contains(needle) {
            found.push(needle.to_owned());
        }
    }
    for n in 0..256 {
        let ip = format!("203.0.113.{n}");
        let mut rest = log;
        while let Some(at) = rest.find(&ip) {
            let after = &rest[at + ip.len()..];
            if !after.starts_with(|c: char| c.is_ascii_digit() || c == '/') {
                found.push(ip.clone());
                break;
            }
            rest = after;
        }
    }
    for n in 0..10 {
        let user = format!("user-{n}");
        if log
            .match_indices(&user)
            .any(|(at, _)| !log[at + user.len()..].starts_with(|c: char| c.is_ascii_digit()))
        {
            found.push(user);
        }
    }
    found
}

/// Prints the summary.
///
/// # Errors
/// When the policy tables cannot be rendered.
pub fn print(
    outcome: &Outcome,
    simulation: Duration,
    log: &str,
    policy: &str,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    print!("{}", render(outcome, simulation, log, policy)?);
    Ok(())
}

/// The summary's text.
///
/// # Errors
/// When the policy tables cannot be rendered.
pub fn render(
    outcome: &Outcome,
    simulation: Duration,
    log: &str,
    policy: &str,
) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let mut out = String::new();
    let refused: u64 = outcome.refused.values().map(|(n, _)| n).sum();
    let _ = writeln!(
        out,
        "{} answered in {:.1?}; {} refused by the engine's guard\n",
        count(outcome.requests, "request"),
        simulation,
        count(refused, "write")
    );

    let _ = writeln!(
        out,
        "== When each tenant's day-0 records stop being readable (GET at the hour they were written)"
    );
    let _ = writeln!(
        out,
        "   {:<13} {:<37} {:<26} {:<26} configuration",
        "tenant", "its choice", "chat message", "profile"
    );
    for tenant in &TENANTS {
        let gone = outcome.gone.get(tenant.id).cloned().unwrap_or_default();
        let _ = writeln!(
            out,
            "   {:<13} {:<37} {:<26} {:<26} {}",
            tenant.id,
            tenant.describe,
            cell(gone.message, promised_end_user(tenant), gone.refused),
            cell(gone.profile, promised_end_user(tenant), gone.refused),
            cell(gone.config, promised_config(tenant), false),
        );
    }
    let _ = writeln!(
        out,
        "   promised: the chosen period, else 7 days; nothing stored when opted out; configuration 2 months after use ends"
    );

    let _ = writeln!(
        out,
        "\n== Sweeps (audit log: counts per table and reason, never values or ids)"
    );
    for ((table, reason), (deleted, first)) in &outcome.swept {
        let _ = writeln!(
            out,
            "   {table:<19} {reason:<34} {:>16}, the first at 00:00 of day {first}",
            count(*deleted, "row")
        );
    }

    let _ = writeln!(out, "\n== Refused writes (HTTP 403)");
    if outcome.refused.is_empty() {
        let _ = writeln!(out, "   none");
    }
    for ((tenant, kind), (n, reason)) in &outcome.refused {
        let _ = writeln!(
            out,
            "   {tenant:<13} {:<18} {reason}",
            count(*n, kind.trim_end_matches('s'))
        );
    }

    let (tenant, subject) = &outcome.subject;
    let _ = writeln!(
        out,
        "\n== {subject} of {tenant}: export (GET .../export), then erasure (DELETE .../users/{subject})"
    );
    for category in outcome.export["categories"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let _ = writeln!(
            out,
            "   export  {:<22} {:>11}  basis: {}, kept: {}",
            category["name"].as_str().unwrap_or_default(),
            count(category["records"].as_array().map_or(0, Vec::len), "record"),
            category["legal_basis"].as_str().unwrap_or_default(),
            category["retention"].as_str().unwrap_or_default(),
        );
    }
    let text = outcome.export.to_string();
    let others = (0..10)
        .filter(|n| format!("user-{n}") != *subject)
        .filter(|n| text.contains(&format!("\"user-{n}\"")))
        .count();
    let _ = writeln!(
        out,
        "   export  secrets: {}, other people's ids in clear: {others} (pseudonymised)",
        if text.contains("secret-") {
            "PRESENT"
        } else {
            "none"
        }
    );
    for line in outcome.receipt["receipt"]
        .as_str()
        .unwrap_or_default()
        .lines()
    {
        let _ = writeln!(out, "   receipt {line}");
    }
    let _ = writeln!(
        out,
        "   after   {} readable, {} in a new export",
        count(outcome.after_erasure.0, "message"),
        count(outcome.after_erasure.1, "record")
    );

    let lines: Vec<&str> = log.lines().collect();
    let _ = writeln!(
        out,
        "\n== The service's log ({}; classified values only through their redacted view)",
        count(lines.len(), "line")
    );
    for wanted in [
        "message stored",
        "message not stored",
        "application provisioned",
        "finished processing request",
    ] {
        if let Some(line) = lines.iter().find(|line| line.contains(wanted)) {
            let line: String = line.chars().take(200).collect();
            let _ = writeln!(out, "   {line}");
        }
    }
    let raw = raw_values_in(log);
    let _ = writeln!(
        out,
        "   raw values (message text, nicknames, IPs, user ids, keys) in the log: {}",
        if raw.is_empty() {
            "none".to_owned()
        } else {
            raw.join(", ")
        }
    );

    let inventory = Inventory::linked();
    let _ = writeln!(
        out,
        "\n== The published policy's tables, generated from the types (GET /policy/tables?lang=en|zh|ja|ko|id)\n"
    );
    out.push_str(&tables::render(&inventory, Lang::En)?);
    let _ = writeln!(out, "\n== Drift gate: the code against policy/im.toml");
    match gate::check(policy) {
        Ok(()) => {
            let _ = writeln!(
                out,
                "   the code keeps the declared policy ({} checked)",
                count(inventory.types.len(), "type")
            );
        }
        Err(drift) => {
            let _ = write!(out, "{drift}");
        }
    }
    Ok(out)
}
