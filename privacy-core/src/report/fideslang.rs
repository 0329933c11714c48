//! Export to the fideslang format: one Fides `system` whose privacy declarations are the
//! inventory's categories, so teams that run Fides can evaluate the inventory with it.
//!
//! Each category's fideslang keys come from its taxonomy's words
//! ([`Taxonomy::fideslang`](crate::Taxonomy::fideslang); `im`'s are in
//! [`im::fideslang`](crate::im::fideslang)). Data subjects are `customer` for both roles.
//! Categories whose taxonomy has no mapping for them export with `system.operations` and
//! `essential.service` and are named in [`Export::unmapped`], so a reviewer sees what needs a
//! mapping.
//!
//! Declarations name no `egress` or `ingress`, not even empty lists: fideslang refuses a
//! declaration with either on a system that defines none. `tests/fideslang/check.sh` validates
//! the exports with fideslang itself (3.1.4).

use super::Inventory;
use crate::LegalBasis;
use serde_json::{Value, json};

/// The export, and the categories the mapping lacks.
///
/// ```
/// use privacy_core::report::{fideslang, Inventory};
/// use privacy_core::{Category, CategoryInfo, Classified, DataSubject, LegalBasis, Period, Retention, Role};
/// /// A category of the user's own taxonomy, which the mapping does not know.
/// struct SupportTicket;
/// impl Category for SupportTicket {
///     const INFO: CategoryInfo = CategoryInfo {
///         key: "helpdesk.support_ticket", name: "Support Tickets", taxonomy: "helpdesk",
///         role: Role::Controller, subject: DataSubject::Customer,
///         retention: Retention::Fixed(Period::days(90)), legal_basis: LegalBasis::Contract,
///         purpose: "answer support requests", uses: &["support"], items: &["ticket_text"],
///         accepts_special: false,
///     };
/// }
/// #[derive(Classified)]
/// #[privacy(category = SupportTicket)]
/// struct Ticket { text: String, #[privacy(collected_at)] opened: chrono::DateTime<chrono::Utc> }
/// let export = fideslang::export(&Inventory::from_types(&[Ticket::DESCRIPTOR]), "helpdesk");
/// assert_eq!(export.unmapped, ["helpdesk.support_ticket"]);
/// assert_eq!(export.manifest["system"][0]["privacy_declarations"][0]["data_use"], "essential.service");
/// ```
pub struct Export {
    /// The fideslang manifest, as JSON (YAML tools read it as it is).
    pub manifest: Value,
    /// Category keys exported with the fallback mapping.
    pub unmapped: Vec<&'static str>,
}

fn basis(basis: LegalBasis) -> &'static str {
    match basis {
        LegalBasis::Consent => "Consent",
        LegalBasis::Contract => "Contract",
        LegalBasis::LegalObligation => "Legal obligations",
        LegalBasis::VitalInterests => "Vital interests",
        LegalBasis::PublicTask => "Public interest",
        LegalBasis::LegitimateInterests => "Legitimate interests",
    }
}

/// The inventory as a fideslang system named `system`.
///
/// ```
/// # use privacy_core::report::Inventory;
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(redact = ip)] exit_ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// # #[derive(Classified)]
/// # #[privacy(category = im::ChatMessageRecord)]
/// # struct ChatMessage { #[privacy(subject, redact = hash)] sender: String, #[privacy(redact)] text: String, #[privacy(collected_at)] sent: chrono::DateTime<chrono::Utc> }
/// # let inventory = Inventory::from_types(&[RequestLog::DESCRIPTOR, ChatMessage::DESCRIPTOR]);
/// use privacy_core::report::fideslang;
/// let export = fideslang::export(&inventory, "im-backend");
/// let system = &export.manifest["system"][0];
/// assert_eq!(system["fides_key"], "im-backend");
/// let log = &system["privacy_declarations"][0];
/// assert_eq!(log["data_categories"][0], "user.device.ip_address");
/// assert_eq!((&log["legal_basis_for_processing"], &log["retention_period"]), (&"Contract".into(), &"7 days".into()));
/// assert!(export.unmapped.is_empty());
/// assert!(log.get("egress").is_none() && log.get("ingress").is_none());
/// ```
#[must_use]
pub fn export(inventory: &Inventory, system: &str) -> Export {
    let mut unmapped = Vec::new();
    let declarations: Vec<Value> = inventory
        .categories
        .iter()
        .map(|entry| {
            let info = entry.info;
            let mapping = crate::registry::taxonomy(info.taxonomy)
                .and_then(|taxonomy| taxonomy.fideslang(info.key));
            let (categories, data_use) = mapping.map_or_else(
                || {
                    unmapped.push(info.key);
                    (&["system.operations"][..], "essential.service")
                },
                |mapping| (mapping.data_categories, mapping.data_use),
            );
            let bases: Vec<&str> = inventory
                .types
                .iter()
                .filter(|ty| ty.categories.contains(&info.key))
                .map(|ty| basis(ty.legal_basis))
                .fold(Vec::new(), |mut bases, basis| {
                    if !bases.contains(&basis) {
                        bases.push(basis);
                    }
                    bases
                });
            json!({
                "name": info.name,
                "data_categories": categories,
                "data_use": data_use,
                "data_subjects": ["customer"],
                "legal_basis_for_processing": bases.first().copied().unwrap_or(basis(info.legal_basis)),
                "retention_period": info.retention.to_string(),
            })
        })
        .collect();
    let manifest = json!({
        "system": [{
            "fides_key": system,
            "name": system,
            "description": "generated from the program's classified types by privacy-core",
            "system_type": "Service",
            "privacy_declarations": declarations,
        }]
    });
    Export { manifest, unmapped }
}
