//! When a row of a mapped table is due, as SQL: one condition per reason, over the row, the
//! tenant decisions and the per-table floors. The sweep deletes by these conditions, the
//! service's reads hide by them, so a row is never readable past the instant a sweep may
//! delete it.
//!
//! Instants enter the SQL as whole Unix seconds, cut down (a cutoff errs early, so a row is
//! due late, never early), converted by the dialect into the column's own encoding.

use super::dialect::Dialect;
use super::mapping::Mapping;
use super::{AuditReason, EngineTables};
use crate::Retention;
use chrono::{DateTime, Utc};

/// A reason a row is due, as a condition on it.
pub(crate) struct Rule {
    pub reason: AuditReason,
    /// The condition, over rows named by the qualifier it was built with.
    pub condition: String,
    /// The cutoff in Unix seconds when one instant bounds every row (fixed retention,
    /// termination grace), for the audit entry.
    pub cutoff: Option<i64>,
    /// Whether the condition depends on the tenant (its audit entries name the tenant).
    pub by_tenant: bool,
}

/// The rules of `mapping` at `now`, over rows named `row`.
pub(crate) fn rules<DB: Dialect>(
    mapping: &Mapping,
    tables: &EngineTables,
    now: DateTime<Utc>,
    row: &str,
) -> Vec<Rule> {
    let mut rules = Vec::new();
    let tenant = mapping
        .tenant
        .map(|column| DB::same_text("d.tenant", &format!("{row}.{column}")));
    let decision = |condition: String| -> String {
        format!(
            "EXISTS (SELECT 1 FROM {} d WHERE {} AND ({condition}))",
            tables.tenants,
            tenant.as_deref().unwrap_or("FALSE")
        )
    };
    if mapping.end_user && tenant.is_some() {
        rules.push(Rule {
            reason: AuditReason::OptedOut,
            condition: decision("d.stores_end_user_data = 0".into()),
            cutoff: None,
            by_tenant: true,
        });
    }
    let instant = mapping
        .instant
        .map(|(column, encoding)| (format!("{row}.{column}"), encoding));
    match mapping.descriptor.retention {
        Retention::UntilTerminated { grace } => {
            if let Some(cutoff) = grace.before(now) {
                let cutoff = cutoff.timestamp();
                rules.push(Rule {
                    reason: AuditReason::Terminated,
                    condition: decision(format!(
                        "d.terminated_at IS NOT NULL AND d.terminated_at <= {cutoff}"
                    )),
                    cutoff: Some(cutoff),
                    by_tenant: true,
                });
            }
        }
        Retention::Fixed(period) => {
            if let (Some((column, encoding)), Some(cutoff)) = (&instant, period.before(now)) {
                let cutoff = cutoff.timestamp();
                rules.push(Rule {
                    reason: AuditReason::Retention,
                    condition: DB::at_or_before(column, &cutoff.to_string(), *encoding),
                    cutoff: Some(cutoff),
                    by_tenant: false,
                });
            }
        }
        Retention::CustomerChosen { default, .. } => {
            if let (Some((column, encoding)), Some(cutoff)) = (&instant, default.before(now)) {
                // Tenants that chose no period keep the class default.
                let cutoff = cutoff.timestamp();
                rules.push(Rule {
                    reason: AuditReason::Retention,
                    condition: format!(
                        "{} AND NOT {}",
                        DB::at_or_before(column, &cutoff.to_string(), *encoding),
                        decision("d.period_seconds IS NOT NULL".into())
                    ),
                    cutoff: Some(cutoff),
                    by_tenant: true,
                });
            }
        }
        Retention::Ephemeral => {}
    }
    if mapping.follows_choice
        && let Some((column, encoding)) = &instant
    {
        // The tenant's chosen period, in whole seconds of its longest reading (a month is 31
        // days): joined in SQL, one statement for every tenant.
        let now = now.timestamp();
        let chosen = DB::at_or_before(column, &format!("{now} - d.period_seconds"), *encoding);
        rules.push(Rule {
            reason: AuditReason::ChosenPeriod,
            condition: decision(format!("d.period_seconds IS NOT NULL AND {chosen}")),
            cutoff: None,
            by_tenant: true,
        });
        // A row once due stays due: a floor records what an earlier, shorter period (or an
        // opt-out) had made due when the tenant changed it.
        if let Some(tenant_column) = mapping.tenant {
            let floor = DB::at_or_before(column, "f.due_floor", *encoding);
            rules.push(Rule {
                reason: AuditReason::ChosenPeriod,
                condition: format!(
                    "EXISTS (SELECT 1 FROM {} f WHERE {} AND f.table_name = '{}' AND {floor})",
                    tables.floors,
                    DB::same_text("f.tenant", &format!("{row}.{tenant_column}")),
                    mapping.table.name,
                ),
                cutoff: None,
                by_tenant: true,
            });
        }
    }
    rules
}

/// Whether a row is held: a hold on its table (or every table), its tenant (or every tenant)
/// and one of its subjects (or everyone).
pub(crate) fn held<DB: Dialect>(mapping: &Mapping, tables: &EngineTables, row: &str) -> String {
    let tenant = mapping.tenant.map_or_else(
        || "h.tenant IS NULL".to_owned(),
        |column| {
            format!(
                "(h.tenant IS NULL OR {})",
                DB::same_text("h.tenant", &format!("{row}.{column}"))
            )
        },
    );
    let mut subject = vec!["h.subject IS NULL".to_owned()];
    subject.extend(
        mapping
            .subjects
            .iter()
            .map(|column| DB::same_text("h.subject", &format!("{row}.{column}"))),
    );
    format!(
        "EXISTS (SELECT 1 FROM {} h WHERE (h.table_name IS NULL OR h.table_name = '{}') AND {tenant} AND ({}))",
        tables.holds,
        mapping.table.name,
        subject.join(" OR ")
    )
}

/// The condition that keeps `mapping`'s rows not yet due at `now`, over rows named `row`: the
/// negation of every rule, so reads hide exactly what a sweep may delete.
pub(crate) fn visible<DB: Dialect>(
    mapping: &Mapping,
    tables: &EngineTables,
    now: DateTime<Utc>,
    row: &str,
) -> String {
    let conditions: Vec<String> = rules::<DB>(mapping, tables, now, row)
        .into_iter()
        .map(|rule| rule.condition)
        .collect();
    if conditions.is_empty() {
        "1 = 1".to_owned()
    } else {
        format!("NOT ({})", conditions.join(" OR "))
    }
}
