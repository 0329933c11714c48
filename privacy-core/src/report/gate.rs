//! The drift gate: the declared policy file against the program's inventory, one line in a test.
//!
//! ```
//! # use privacy_core::{im, Classified};
//! # #[derive(Classified)]
//! # #[privacy(category = im::LogData)]
//! # struct RequestLog { #[privacy(redact = ip)] exit_ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
//! let policy = r#"
//! [categories."im.log_data"]
//! uses = ["performance_analysis", "provide_and_improve_feature"]
//! legal_bases = ["contract"]
//! retention = "7d"
//! items.public_exit_ip = ["RequestLog.exit_ip"]
//! items.interface_request_log = ["RequestLog.at"]
//! "#;
//! privacy_core::report::gate::check_types(policy, &[RequestLog::DESCRIPTOR]).unwrap();
//! // In a backend's test suite (`tests/policy.rs`), over every type of the package:
//! // privacy_core::report::gate::check!(include_str!("../policy.toml")).unwrap();
//! ```
//!
//! Use [`check!`](macro@check) in a package's integration tests: a test that names nothing of
//! its package's library does not link it, so [`check`](fn@check) would see none of its types;
//! the macro links the library (and is the same call inside it).
//!
//! The policy file (TOML):
//!
//! ```toml
//! [categories."<category key>"]                  # one table per category the policy covers
//! uses = ["<use key>", ...]                       # what the data is used for
//! legal_bases = ["contract", ...]                 # consent, contract, legal_obligation,
//!                                                 # vital_interests, public_task, legitimate_interests
//! retention = "7d"                                # "<n><unit>" (s, min, h, d, w, mo, y),
//!                                                 # "customer_chosen(7d)", "until_terminated(2mo)",
//!                                                 # or "ephemeral"
//! items.<item key> = ["Type.field", ...]          # each item, with the fields that hold it
//! ```
//!
//! Drift, each reported with what the file says and what the code does: a type keeps data
//! longer than promised; a type uses a basis the file does not declare for its category; a
//! category's uses go beyond the file's; a type holds a category the file does not cover; a
//! category of the file has no type; a field holds a category without the file listing it under
//! one of the category's items (`Type.field`, or `Type.Variant.field` in enums). Nested fields
//! are checked through their own type.

use super::Inventory;
use crate::{Period, Retention, TimeUnit, TypeDescriptor};
use core::fmt;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    categories: BTreeMap<String, CategoryPolicy>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryPolicy {
    uses: Vec<String>,
    legal_bases: Vec<String>,
    retention: String,
    #[serde(default)]
    items: BTreeMap<String, Vec<String>>,
}

/// One disagreement between the policy file and the code.
///
/// ```
/// # use privacy_core::report::gate::{self, Problem};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(redact = ip)] exit_ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// # let types = [RequestLog::DESCRIPTOR];
/// let policy = r#"
/// [categories."im.log_data"]
/// uses = ["performance_analysis", "provide_and_improve_feature"]
/// legal_bases = ["contract"]
/// retention = "2d"
/// items.public_exit_ip = ["RequestLog.exit_ip"]
/// "#;
/// let drift = gate::check_types(policy, &types).unwrap_err();
/// let Problem::KeptLonger { code, promised, .. } = &drift.problems[0] else { panic!("{drift}") };
/// assert_eq!((code.as_str(), promised.as_str()), ("7 days", "2 days"));
/// assert_eq!(drift.problems[1], Problem::UnlistedField { field: "RequestLog.at".into(), category: "im.log_data".into() });
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The file is not a policy file.
    InvalidPolicy(String),
    /// A type keeps its records longer than the file promises.
    KeptLonger {
        /// The type.
        type_key: String,
        /// The category.
        category: String,
        /// What the code keeps.
        code: String,
        /// What the file promises.
        promised: String,
    },
    /// A type processes a category on a basis the file does not declare for it.
    UndeclaredBasis {
        /// The type.
        type_key: String,
        /// The category.
        category: String,
        /// The basis.
        basis: String,
    },
    /// The code uses a category for something the file does not list.
    UndeclaredUse {
        /// The category.
        category: String,
        /// The use.
        use_key: String,
    },
    /// A type holds a category the file does not cover.
    UndeclaredCategory {
        /// The type.
        type_key: String,
        /// The category.
        category: String,
    },
    /// The file covers a category no type holds.
    CategoryWithoutType {
        /// The category.
        category: String,
    },
    /// A field holds a category, and no item of the file lists it.
    UnlistedField {
        /// The field, as `Type.field`.
        field: String,
        /// The category.
        category: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::InvalidPolicy(message) => {
                write!(f, "the policy file cannot be read: {message}")
            }
            Problem::KeptLonger {
                type_key,
                category,
                code,
                promised,
            } => write!(
                f,
                "{category}: `{type_key}` keeps records {code}\n    - policy: {promised}\n    + code:   {code}"
            ),
            Problem::UndeclaredBasis {
                type_key,
                category,
                basis,
            } => write!(
                f,
                "{category}: `{type_key}` processes it on the basis `{basis}`, which the policy does not declare\n    + legal_bases: add \"{basis}\" or change the type's `legal_basis`"
            ),
            Problem::UndeclaredUse { category, use_key } => {
                write!(
                    f,
                    "{category}: the code uses it for `{use_key}`, which the policy does not list\n    + uses: \"{use_key}\""
                )
            }
            Problem::UndeclaredCategory { type_key, category } => write!(
                f,
                "{category}: `{type_key}` holds it, but the policy has no [categories.\"{category}\"] table"
            ),
            Problem::CategoryWithoutType { category } => {
                write!(
                    f,
                    "{category}: the policy covers it, but no type in the program holds it\n    - [categories.\"{category}\"]"
                )
            }
            Problem::UnlistedField { field, category } => write!(
                f,
                "{category}: field `{field}` holds it, but no item of the policy lists it\n    + items.<item> = [\"{field}\"]"
            ),
        }
    }
}

/// Everything that drifted.
///
/// ```
/// # use privacy_core::report::gate::{self, Problem};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(redact = ip)] exit_ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// # let types = [RequestLog::DESCRIPTOR];
/// let policy = r#"
/// [categories."im.monitoring_data"]
/// uses = ["debugging"]
/// legal_bases = ["contract"]
/// retention = "2d"
/// "#;
/// let drift = gate::check_types(policy, &types).unwrap_err();
/// let report = drift.to_string();
/// assert!(report.starts_with("the code and the declared policy disagree (2 problems):"));
/// assert!(report.contains("the policy has no [categories.\"im.log_data\"] table"));
/// assert!(report.contains("im.monitoring_data: the policy covers it, but no type in the program holds it"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drift {
    /// The problems, in the order found.
    pub problems: Vec<Problem>,
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "the code and the declared policy disagree ({} problems):",
            self.problems.len()
        )?;
        for problem in &self.problems {
            writeln!(f, "  * {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Drift {}

/// Checks every classified type linked into the program against `policy` (the file's text).
///
/// # Errors
/// The drift found, readable as a diff.
///
/// # Examples
///
/// ```standalone_crate
/// use privacy_core::report::gate::{self, Problem};
/// use privacy_core::{im, Classified};
/// #[derive(Classified)]
/// #[privacy(category = im::MonitoringData)]
/// struct InterfaceSample { success_rate: f64, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// let policy = r#"
/// [categories."im.monitoring_data"]
/// uses = ["network_quality_analysis", "optimisation", "locating_issues", "debugging"]
/// legal_bases = ["contract"]
/// retention = "2d"
/// items.success_rate = ["InterfaceSample.success_rate", "InterfaceSample.at"]
/// "#;
/// gate::check(policy).unwrap();
/// // A misspelt key is no policy at all.
/// let drift = gate::check(&policy.replace("uses", "usage")).unwrap_err();
/// assert!(matches!(&drift.problems[..], [Problem::InvalidPolicy(_)]));
/// ```
pub fn check(policy: &str) -> Result<(), Drift> {
    check_types(policy, crate::registry::types())
}

/// [`check`](fn@check) over the types of the calling package too: in an integration test,
/// a binary or an example of a package, it links the package's library (whose types would
/// otherwise be linked only if the code named one of them), then checks every registered
/// type against `policy` (the file's text). Inside the library itself it is `check`.
///
/// ```
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified)]
/// # #[privacy(category = im::MonitoringData)]
/// # struct InterfaceSample { success_rate: f64, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// let policy = r#"
/// [categories."im.monitoring_data"]
/// uses = ["network_quality_analysis", "optimisation", "locating_issues", "debugging"]
/// legal_bases = ["contract"]
/// retention = "1d"
/// items.success_rate = ["InterfaceSample.success_rate", "InterfaceSample.at"]
/// "#;
/// // In `tests/policy.rs`: privacy_core::report::gate::check!(include_str!("../policy.toml")).unwrap();
/// let drift = privacy_core::report::gate::check!(policy).unwrap_err();
/// assert!(drift.to_string().contains("keeps records 2 days"));
/// ```
pub use crate::__gate_check as check;

#[doc(hidden)]
#[macro_export]
macro_rules! __gate_check {
    ($policy:expr $(,)?) => {{
        $crate::__private::link_package!();
        $crate::report::gate::check($policy)
    }};
}

/// Checks `types` against `policy` (the file's text).
///
/// # Errors
/// The drift found, readable as a diff.
///
/// # Examples
///
/// ```
/// # use privacy_core::report::gate::{self, Problem};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(redact = ip)] exit_ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// # let types = [RequestLog::DESCRIPTOR];
/// let policy = r#"
/// [categories."im.log_data"]
/// uses = ["performance_analysis"]
/// legal_bases = ["contract"]
/// retention = "7d"
/// items.public_exit_ip = ["RequestLog.exit_ip", "RequestLog.at"]
/// "#;
/// // The category's policy also uses the data to provide and improve the feature.
/// let drift = gate::check_types(policy, &types).unwrap_err();
/// assert_eq!(drift.problems, [Problem::UndeclaredUse { category: "im.log_data".into(), use_key: "provide_and_improve_feature".into() }]);
/// gate::check_types(&policy.replace(r#"["performance_analysis"]"#, r#"["performance_analysis", "provide_and_improve_feature"]"#), &types).unwrap();
/// ```
pub fn check_types(policy: &str, types: &[&'static TypeDescriptor]) -> Result<(), Drift> {
    let file: PolicyFile = toml::from_str(policy).map_err(|error| Drift {
        problems: vec![Problem::InvalidPolicy(error.to_string())],
    })?;
    let inventory = Inventory::from_types(types);
    let mut problems = Vec::new();
    for descriptor in types {
        let type_key = descriptor.key();
        for info in descriptor.categories() {
            let Some(declared) = file.categories.get(info.key) else {
                problems.push(Problem::UndeclaredCategory {
                    type_key: type_key.clone(),
                    category: info.key.to_owned(),
                });
                continue;
            };
            match parse_retention(&declared.retention) {
                Ok(promised) if !descriptor.retention.fits_within(&promised) => {
                    problems.push(Problem::KeptLonger {
                        type_key: type_key.clone(),
                        category: info.key.to_owned(),
                        code: descriptor.retention.to_string(),
                        promised: promised.to_string(),
                    })
                }
                Ok(_) => {}
                Err(message) => problems.push(Problem::InvalidPolicy(format!(
                    "categories.\"{}\".retention: {message}",
                    info.key
                ))),
            }
            if !declared
                .legal_bases
                .iter()
                .any(|basis| basis == descriptor.legal_basis.key())
            {
                problems.push(Problem::UndeclaredBasis {
                    type_key: type_key.clone(),
                    category: info.key.to_owned(),
                    basis: descriptor.legal_basis.key().to_owned(),
                });
            }
            for field in descriptor.fields.iter().filter(|field| {
                field
                    .category
                    .is_some_and(|category| category.key == info.key)
            }) {
                let name = match field.variant {
                    Some(variant) => format!("{}.{variant}.{}", descriptor.name, field.name),
                    None => format!("{}.{}", descriptor.name, field.name),
                };
                if !declared.items.values().any(|fields| fields.contains(&name)) {
                    problems.push(Problem::UnlistedField {
                        field: name,
                        category: info.key.to_owned(),
                    });
                }
            }
        }
    }
    for entry in &inventory.categories {
        if let Some(declared) = file.categories.get(entry.info.key) {
            for use_key in entry
                .info
                .uses
                .iter()
                .filter(|use_key| !declared.uses.iter().any(|declared| declared == *use_key))
            {
                problems.push(Problem::UndeclaredUse {
                    category: entry.info.key.to_owned(),
                    use_key: (*use_key).to_owned(),
                });
            }
        }
    }
    for category in file.categories.keys() {
        if !inventory
            .categories
            .iter()
            .any(|entry| entry.info.key == category)
        {
            problems.push(Problem::CategoryWithoutType {
                category: category.clone(),
            });
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Drift { problems })
    }
}

/// A retention as the policy file writes it.
fn parse_retention(text: &str) -> Result<Retention, String> {
    let text = text.trim();
    if text == "ephemeral" {
        return Ok(Retention::Ephemeral);
    }
    if let Some(inner) = text
        .strip_prefix("customer_chosen(")
        .and_then(|rest| rest.strip_suffix(')'))
    {
        return parse_period(inner).map(|default| Retention::CustomerChosen { default, max: None });
    }
    if let Some(inner) = text
        .strip_prefix("until_terminated(")
        .and_then(|rest| rest.strip_suffix(')'))
    {
        return parse_period(inner).map(|grace| Retention::UntilTerminated { grace });
    }
    parse_period(text).map(Retention::Fixed)
}

fn parse_period(text: &str) -> Result<Period, String> {
    let text = text.trim();
    let split = text
        .find(|character: char| !character.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let amount: u32 = digits
        .parse()
        .map_err(|_| format!("`{text}` does not start with a whole number"))?;
    let unit = match unit.trim() {
        "s" => TimeUnit::Seconds,
        "min" => TimeUnit::Minutes,
        "h" => TimeUnit::Hours,
        "d" => TimeUnit::Days,
        "w" => TimeUnit::Weeks,
        "mo" => TimeUnit::Months,
        "y" => TimeUnit::Years,
        other => {
            return Err(format!(
                "unknown unit `{other}` in `{text}`; use s, min, h, d, w, mo or y"
            ));
        }
    };
    if amount == 0 {
        return Err(format!("`{text}` keeps nothing; write \"ephemeral\""));
    }
    Ok(Period::new(amount, unit))
}
