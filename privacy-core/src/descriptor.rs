//! The `'static` description of a classified type that `#[derive(Classified)]` generates.

use crate::{CategoryInfo, LegalBasis, Retention, SpecialCategory};

/// How a field's value appears in every output of the process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "strategy", rename_all = "snake_case"))]
pub enum Redaction {
    /// Shown as it is.
    Shown,
    /// Replaced by a fixed mask that does not reveal the length.
    Mask,
    /// Only the last `keep_last` characters are kept.
    Partial {
        /// How many trailing characters remain visible.
        keep_last: u8,
    },
    /// IP addresses truncated to their network (IPv4 /24, IPv6 /48).
    Ip,
    /// Only the domain of an e-mail address is kept.
    Email,
    /// Replaced by a keyed pseudonym: equal inputs give equal tokens under one key.
    Hash,
    /// Only the length is shown.
    Len,
    /// Left out of every output.
    Skip,
    /// A secret: never shown, never serialized, reachable only through an explicit expose call.
    Secret,
}

/// What a deletion request does to a record that names several data subjects (a chat message
/// between two users), declared with `#[privacy(erasure = ...)]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ErasureRule {
    /// The whole record is deleted when any of its subjects asks.
    DeleteRecord,
    /// The requester's subject field is replaced by a pseudonym and the record is kept for the
    /// other parties.
    RedactRequester,
}

/// What a field is, besides data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FieldRole {
    /// Ordinary classified data.
    Data,
    /// The id of the data subject the record is about; deletion requests find records by it.
    Subject,
    /// The instant the record was collected; retention counts from it.
    CollectedAt,
}

/// One field of a classified type.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FieldDescriptor {
    /// The field's name (`"0"`, `"1"` for tuple fields; raw identifiers without `r#`).
    pub name: &'static str,
    /// The enum variant the field belongs to, if the type is an enum.
    pub variant: Option<&'static str>,
    /// The field's category; `None` for a `nested` field, whose type carries its own.
    pub category: Option<&'static CategoryInfo>,
    /// The descriptor of a `nested` field's classified type.
    pub nested: Option<&'static TypeDescriptor>,
    /// How the field is redacted in outputs.
    pub redaction: Redaction,
    /// Subject, collection instant, or plain data.
    pub role: FieldRole,
    /// The special category the field holds, if any.
    pub special: Option<SpecialCategory>,
}

/// A classified type: its name, policy and fields.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TypeDescriptor {
    /// The type's name.
    pub name: &'static str,
    /// The module the type is declared in.
    pub module_path: &'static str,
    /// The container's category, if one is declared on the type.
    pub category: Option<&'static CategoryInfo>,
    /// The retention class in force: declared on the type, else its categories'.
    pub retention: Retention,
    /// The legal basis in force: declared on the type, else its category's.
    pub legal_basis: LegalBasis,
    /// The purpose in force: declared on the type, else its category's.
    pub purpose: &'static str,
    /// What erasure does to a record naming several subjects, when the type declares it.
    pub erasure: Option<ErasureRule>,
    /// Every field, in declaration order (enum variants' fields in variant order).
    pub fields: &'static [FieldDescriptor],
    /// The variants' names, when the type is an enum.
    pub variants: Option<&'static [&'static str]>,
}

impl TypeDescriptor {
    /// The distinct categories the type holds, its own fields' and its nested types', in
    /// order of first appearance.
    #[must_use]
    pub fn categories(&self) -> Vec<&'static CategoryInfo> {
        let mut found: Vec<&'static CategoryInfo> = Vec::new();
        self.collect_categories(&mut found);
        found
    }

    fn collect_categories(&self, found: &mut Vec<&'static CategoryInfo>) {
        for field in self.fields {
            if let Some(category) = field.category
                && !found.iter().any(|known| known.key == category.key)
            {
                found.push(category);
            }
            if let Some(nested) = field.nested {
                nested.collect_categories(found);
            }
        }
    }

    /// The fields that hold the data subject's id.
    pub fn subject_fields(&self) -> impl Iterator<Item = &'static FieldDescriptor> + use<> {
        let fields: &'static [FieldDescriptor] = self.fields;
        fields
            .iter()
            .filter(|field| field.role == FieldRole::Subject)
    }

    /// The field named `name` (in the given variant for enums).
    #[must_use]
    pub fn field(&self, variant: Option<&str>, name: &str) -> Option<&'static FieldDescriptor> {
        let fields: &'static [FieldDescriptor] = self.fields;
        fields
            .iter()
            .find(|field| field.name == name && field.variant == variant)
    }
}
