//! The record of processing: every classified type, its fields and its policy.
//!
//! JSON schema `privacy.inventory/1`:
//!
//! ```text
//! { "schema": "privacy.inventory/1",
//!   "categories": [ { "key", "name", "taxonomy", "role": "controller"|"processor",
//!                     "subject": "customer"|"end_user", "retention": <Retention>, "retention_text",
//!                     "legal_basis", "purpose", "uses": [key], "items": [key],
//!                     "types": [type key] } ],
//!   "types": [ { "key": "module::Type", "name", "module", "categories": [key],
//!                "retention": <Retention>, "retention_text", "legal_basis", "purpose",
//!                "erasure": null|"delete_record"|"redact_requester",
//!                "fields": [ { "name", "variant": null|name, "category": null|key,
//!                              "nested": null|type name, "redaction": {"strategy": ...},
//!                              "role": "data"|"subject"|"collected_at", "special": null|key } ] } ] }
//! ```
//!
//! `<Retention>` is `{"class": "fixed", "amount", "unit"}`, `{"class": "customer_chosen",
//! "default": {amount, unit}, "max": null|{amount, unit}}`, `{"class": "until_terminated",
//! "grace": {amount, unit}}` or `{"class": "ephemeral"}`. Fields are added to the schema without
//! changing its version; a field's meaning never changes under one version.

use crate::{CategoryInfo, FieldRole, LegalBasis, Redaction, Retention, Role, TypeDescriptor};
use serde::Serialize;

/// The schema id of the JSON inventory.
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
/// use privacy_core::report::SCHEMA;
/// assert_eq!(inventory.to_json()["schema"], SCHEMA);
/// ```
pub const SCHEMA: &str = "privacy.inventory/1";

/// One field of a type.
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
/// use privacy_core::{FieldRole, Redaction};
/// let sender = &inventory.types[1].fields[0];
/// assert_eq!((sender.name, sender.category), ("sender", Some("im.chat_message_record")));
/// assert_eq!(sender.role, FieldRole::Subject);
/// assert!(matches!(sender.redaction, Redaction::Hash));
/// ```
#[derive(Clone, Debug, Serialize)]
pub struct FieldEntry {
    /// Its name.
    pub name: &'static str,
    /// Its variant, for enums.
    pub variant: Option<&'static str>,
    /// Its category key; `None` for nested fields.
    pub category: Option<&'static str>,
    /// The nested type's name.
    pub nested: Option<&'static str>,
    /// How it is redacted.
    pub redaction: Redaction,
    /// Its role.
    pub role: FieldRole,
    /// Its special category.
    pub special: Option<&'static str>,
}

/// One classified type.
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
/// let chat = &inventory.types[1];
/// assert!(chat.key.ends_with("::ChatMessage"));
/// assert_eq!(chat.categories, ["im.chat_message_record"]);
/// assert_eq!(chat.retention_text, "the customer's chosen period, or 7 days when none is chosen");
/// assert_eq!(chat.fields.len(), 3);
/// ```
#[derive(Clone, Debug, Serialize)]
pub struct TypeEntry {
    /// `module::Type`.
    pub key: String,
    /// Its name.
    pub name: &'static str,
    /// Its module.
    pub module: &'static str,
    /// Its categories' keys.
    pub categories: Vec<&'static str>,
    /// Its retention.
    pub retention: Retention,
    /// Its retention in English.
    pub retention_text: String,
    /// Its legal basis.
    pub legal_basis: LegalBasis,
    /// Its purpose.
    pub purpose: &'static str,
    /// Its erasure rule.
    pub erasure: Option<crate::ErasureRule>,
    /// Its fields.
    pub fields: Vec<FieldEntry>,
}

/// One category, with the types that hold it.
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
/// let log = &inventory.categories[0];
/// assert_eq!((log.info.name, log.retention_text.as_str()), ("Log Data", "7 days"));
/// assert_eq!(log.types.len(), 1);
/// assert!(log.types[0].ends_with("::RequestLog"));
/// ```
#[derive(Clone, Debug, Serialize)]
pub struct CategoryEntry {
    /// What the policy states.
    #[serde(flatten)]
    pub info: &'static CategoryInfo,
    /// Its retention in English.
    pub retention_text: String,
    /// The keys of the types holding it.
    pub types: Vec<String>,
}

/// The record of processing.
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
/// let keys: Vec<&str> = inventory.categories.iter().map(|entry| entry.info.key).collect();
/// assert_eq!(keys, ["im.log_data", "im.chat_message_record"]);
/// assert_eq!(inventory.types.len(), 2);
/// ```
#[derive(Clone, Debug, Serialize)]
pub struct Inventory {
    /// [`SCHEMA`].
    pub schema: &'static str,
    /// Every category some type holds, in order of first appearance.
    pub categories: Vec<CategoryEntry>,
    /// Every type.
    pub types: Vec<TypeEntry>,
}

impl Inventory {
    /// The inventory of `types`.
    ///
    /// ```
    /// use privacy_core::report::Inventory;
    /// use privacy_core::{im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::LogData)]
    /// struct RequestLog { #[privacy(redact = ip)] exit_ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// #[derive(Classified)]
    /// #[privacy(category = im::LogData)]
    /// struct InterfaceException { cause: String, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// // Two types of one category: one category entry naming both.
    /// let inventory = Inventory::from_types(&[RequestLog::DESCRIPTOR, InterfaceException::DESCRIPTOR]);
    /// assert_eq!(inventory.categories.len(), 1);
    /// assert_eq!(inventory.categories[0].types.len(), 2);
    /// ```
    #[must_use]
    pub fn from_types(types: &[&'static TypeDescriptor]) -> Self {
        let mut categories: Vec<CategoryEntry> = Vec::new();
        let mut entries = Vec::with_capacity(types.len());
        for descriptor in types {
            let key = descriptor.key();
            let held = descriptor.categories();
            for info in &held {
                match categories
                    .iter_mut()
                    .find(|entry| entry.info.key == info.key)
                {
                    Some(entry) => entry.types.push(key.clone()),
                    None => categories.push(CategoryEntry {
                        info,
                        retention_text: info.retention.to_string(),
                        types: vec![key.clone()],
                    }),
                }
            }
            entries.push(TypeEntry {
                key,
                name: descriptor.name,
                module: descriptor.module_path,
                categories: held.iter().map(|info| info.key).collect(),
                retention: descriptor.retention,
                retention_text: descriptor.retention.to_string(),
                legal_basis: descriptor.legal_basis,
                purpose: descriptor.purpose,
                erasure: descriptor.erasure,
                fields: descriptor
                    .fields
                    .iter()
                    .map(|field| FieldEntry {
                        name: field.name,
                        variant: field.variant,
                        category: field.category.map(|info| info.key),
                        nested: field.nested.map(|nested| nested.name),
                        redaction: field.redaction,
                        role: field.role,
                        special: field.special.map(crate::SpecialCategory::key),
                    })
                    .collect(),
            });
        }
        Inventory {
            schema: SCHEMA,
            categories,
            types: entries,
        }
    }

    /// The inventory of every classified type linked into the program.
    ///
    /// ```standalone_crate
    /// use privacy_core::report::Inventory;
    /// use privacy_core::{im, Classified};
    /// // Every classified type of the program registers itself, wherever it is declared.
    /// #[derive(Classified)]
    /// #[privacy(category = im::MonitoringData)]
    /// struct InterfaceSample { success_rate: f64, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// let inventory = Inventory::linked();
    /// assert!(inventory.types.iter().any(|entry| entry.name == "InterfaceSample"));
    /// ```
    #[must_use]
    pub fn linked() -> Self {
        Inventory::from_types(crate::registry::types())
    }

    /// The categories of one role.
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
    /// use privacy_core::Role;
    /// let processor: Vec<&str> = inventory.categories_of(Role::Processor).map(|entry| entry.info.key).collect();
    /// assert_eq!(processor, ["im.chat_message_record"]);
    /// ```
    pub fn categories_of(&self, role: Role) -> impl Iterator<Item = &CategoryEntry> {
        self.categories
            .iter()
            .filter(move |entry| entry.info.role == role)
    }

    /// As JSON.
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
    /// let json = inventory.to_json();
    /// assert_eq!(json["types"][0]["fields"][0]["redaction"]["strategy"], "ip");
    /// assert_eq!(json["categories"][1]["role"], "processor");
    /// assert_eq!(json["types"][1]["retention"]["class"], "customer_chosen");
    /// ```
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    /// As Markdown: one table of types and their policy, one of fields.
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
    /// let markdown = inventory.to_markdown();
    /// assert!(markdown.starts_with("# Record of processing"));
    /// assert!(markdown.contains("| contract (Art. 6(1)(b)) | 7 days |"));
    /// assert!(markdown.contains("| `ChatMessage` | `text` | im.chat_message_record | Mask | Data |"));
    /// ```
    #[must_use]
    pub fn to_markdown(&self) -> String {
        let mut out = String::from(
            "# Record of processing\n\n| type | categories | legal basis | retention | purpose |\n|---|---|---|---|---|\n",
        );
        for entry in &self.types {
            out.push_str(&format!(
                "| `{}` | {} | {} ({}) | {} | {} |\n",
                entry.key,
                entry.categories.join(", "),
                entry.legal_basis.key(),
                entry.legal_basis.article(),
                entry.retention_text,
                entry.purpose
            ));
        }
        out.push_str("\n| type | field | category | redaction | role |\n|---|---|---|---|---|\n");
        for entry in &self.types {
            for field in &entry.fields {
                let name = field.variant.map_or_else(
                    || field.name.to_owned(),
                    |variant| format!("{variant}.{}", field.name),
                );
                let category = field.category.or(field.nested).unwrap_or("");
                out.push_str(&format!(
                    "| `{}` | `{name}` | {category} | {:?} | {:?} |\n",
                    entry.name, field.redaction, field.role
                ));
            }
        }
        out
    }
}
