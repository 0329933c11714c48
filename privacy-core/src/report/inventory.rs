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
pub const SCHEMA: &str = "privacy.inventory/1";

/// One field of a type.
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
    #[must_use]
    pub fn from_types(types: &[&'static TypeDescriptor]) -> Self {
        let mut categories: Vec<CategoryEntry> = Vec::new();
        let mut entries = Vec::with_capacity(types.len());
        for descriptor in types {
            let key = crate::store::type_key(descriptor);
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
    #[must_use]
    pub fn linked() -> Self {
        Inventory::from_types(&crate::registry::types())
    }

    /// The categories of one role.
    pub fn categories_of(&self, role: Role) -> impl Iterator<Item = &CategoryEntry> {
        self.categories
            .iter()
            .filter(move |entry| entry.info.role == role)
    }

    /// As JSON.
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    /// As Markdown: one table of types and their policy, one of fields.
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
