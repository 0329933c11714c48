//! The declared policy file written from the code: `policy init`.

use privacy_core::report::Inventory;
use privacy_core::{Period, Retention, TimeUnit, TypeDescriptor};
use std::fmt::Write as _;

/// The policy file that `types` keep as they are: per category, its uses, the legal bases
/// the types use, the category's retention, and every field under an item. Fields all go
/// under the category's first item, with the other items named in a comment: distribute
/// them, then keep the file beside the code and check it with the drift gate.
///
/// ```
/// use privacy_core::{im, Classified};
/// #[derive(Classified)]
/// #[privacy(category = im::LogData)]
/// struct RequestLog { #[privacy(redact = ip)] client_ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// let file = privacy_cli::policy_file(&[RequestLog::DESCRIPTOR]);
/// assert!(file.contains("retention = \"7d\""));
/// privacy_core::report::gate::check_types(&file, &[RequestLog::DESCRIPTOR]).unwrap();
/// ```
#[must_use]
pub fn policy_file(types: &[&'static TypeDescriptor]) -> String {
    let inventory = Inventory::from_types(types);
    let mut out = String::from(
        "# The declared policy, written from the code by `policy init`: what the published policy\n# promises per category. Check the code against it with the drift gate (`check`).\n",
    );
    for entry in &inventory.categories {
        let info = entry.info;
        let mut bases: Vec<&str> = Vec::new();
        let mut fields: Vec<String> = Vec::new();
        for descriptor in types {
            if !descriptor.categories().iter().any(|c| c.key == info.key) {
                continue;
            }
            let basis = descriptor.legal_basis.key();
            if !bases.contains(&basis) {
                bases.push(basis);
            }
            for field in descriptor
                .fields
                .iter()
                .filter(|field| field.category.is_some_and(|c| c.key == info.key))
            {
                fields.push(match field.variant {
                    Some(variant) => format!("{}.{variant}.{}", descriptor.name, field.name),
                    None => format!("{}.{}", descriptor.name, field.name),
                });
            }
        }
        let _ = writeln!(out, "\n[categories.\"{}\"]  # {}", info.key, info.name);
        let _ = writeln!(out, "uses = {}", list(info.uses.iter().copied()));
        let _ = writeln!(out, "legal_bases = {}", list(bases.iter().copied()));
        let _ = writeln!(out, "retention = \"{}\"", retention(info.retention));
        let first = info.items.first().copied().unwrap_or("data");
        if info.items.len() > 1 {
            let _ = writeln!(
                out,
                "# items of the policy: {}; move each field under the item it holds",
                info.items.join(", ")
            );
        }
        if !fields.is_empty() {
            let _ = writeln!(
                out,
                "items.{first} = {}",
                list(fields.iter().map(String::as_str))
            );
        }
    }
    out
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = items.map(|item| format!("{item:?}")).collect();
    format!("[{}]", quoted.join(", "))
}

/// A retention as the policy file writes it.
fn retention(retention: Retention) -> String {
    match retention {
        Retention::Fixed(period) => period_text(period),
        Retention::CustomerChosen { default, .. } => {
            format!("customer_chosen({})", period_text(default))
        }
        Retention::UntilTerminated { grace } => {
            format!("until_terminated({})", period_text(grace))
        }
        Retention::Ephemeral => "ephemeral".into(),
    }
}

fn period_text(period: Period) -> String {
    let unit = match period.unit {
        TimeUnit::Seconds => "s",
        TimeUnit::Minutes => "min",
        TimeUnit::Hours => "h",
        TimeUnit::Days => "d",
        TimeUnit::Weeks => "w",
        TimeUnit::Months => "mo",
        TimeUnit::Years => "y",
    };
    format!("{}{unit}", period.amount)
}
