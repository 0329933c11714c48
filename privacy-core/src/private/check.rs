//! The policy rules only the type system can decide, as `const fn`s the derive calls in
//! `const _: () = ...;` items, one per rule and offending token, so every violation is reported.

use super::Message;
use crate::{CategoryInfo, DataSubject, FieldRole, Retention, TypeDescriptor};

const fn str_eq(left: &str, right: &str) -> bool {
    let (left, right) = (left.as_bytes(), right.as_bytes());
    if left.len() != right.len() {
        return false;
    }
    let mut index = 0;
    while index < left.len() {
        if left[index] != right[index] {
            return false;
        }
        index += 1;
    }
    true
}

/// Whether two category infos are the same category (by key).
#[must_use]
pub const fn same_category(left: &CategoryInfo, right: &CategoryInfo) -> bool {
    str_eq(left.key, right.key)
}

/// The first category of `nested` (its fields', recursively) that differs from `reference`.
#[must_use]
pub const fn first_other_category(
    nested: &'static TypeDescriptor,
    reference: &CategoryInfo,
) -> Option<&'static CategoryInfo> {
    let mut index = 0;
    while index < nested.fields.len() {
        let field = &nested.fields[index];
        if let Some(category) = field.category {
            if !same_category(category, reference) {
                return Some(category);
            }
        }
        if let Some(inner) = field.nested {
            if let Some(other) = first_other_category(inner, reference) {
                return Some(other);
            }
        }
        index += 1;
    }
    None
}

/// The first category a type holds (its fields', recursively).
#[must_use]
pub const fn first_category(descriptor: &'static TypeDescriptor) -> Option<&'static CategoryInfo> {
    let mut index = 0;
    while index < descriptor.fields.len() {
        let field = &descriptor.fields[index];
        if let Some(category) = field.category {
            return Some(category);
        }
        if let Some(inner) = field.nested {
            if let Some(found) = first_category(inner) {
                return Some(found);
            }
        }
        index += 1;
    }
    None
}

/// Whether a type names a data subject (its own `subject` fields or its nested types').
#[must_use]
pub const fn has_subject(descriptor: &'static TypeDescriptor) -> bool {
    let mut index = 0;
    while index < descriptor.fields.len() {
        let field = &descriptor.fields[index];
        if matches!(field.role, FieldRole::Subject) {
            return true;
        }
        if let Some(inner) = field.nested {
            if has_subject(inner) {
                return true;
            }
        }
        index += 1;
    }
    false
}

/// Whether records of the category are about end users (and so need a `subject`).
#[must_use]
pub const fn about_end_users(category: &CategoryInfo) -> bool {
    matches!(category.subject, DataSubject::EndUser)
}

/// The retention in force: the declared class, else the strictest of the categories' policies.
/// `None` when no class is declared and two categories' policies cannot be ordered.
#[must_use]
pub const fn effective_retention(declared: Option<Retention>, categories: &[&CategoryInfo]) -> Option<Retention> {
    if declared.is_some() {
        return declared;
    }
    if categories.is_empty() {
        return Some(Retention::Ephemeral);
    }
    let mut strictest = categories[0].retention;
    let mut index = 1;
    while index < categories.len() {
        match strictest.stricter(categories[index].retention) {
            Some(stricter) => strictest = stricter,
            None => return None,
        }
        index += 1;
    }
    Some(strictest)
}

/// The rule "a retention longer than the category's policy allows".
#[must_use]
pub const fn retention_too_long(type_name: &str, declared: &Retention, category: &CategoryInfo) -> Message {
    Message::new()
        .text("`")
        .text(type_name)
        .text("` keeps its records for ")
        .retention(declared)
        .text(", but the policy of ")
        .text(category.name)
        .text(" (`")
        .text(category.key)
        .text("`) allows at most ")
        .retention(&category.retention)
        .text("; shorten `retention` to fit, or remove it to use the category's own")
}

/// The rule "two categories' retention policies cannot be ordered".
#[must_use]
pub const fn retention_ambiguous(type_name: &str, first: &CategoryInfo, second: &CategoryInfo) -> Message {
    Message::new()
        .text("`")
        .text(type_name)
        .text("` holds ")
        .text(first.name)
        .text(" (kept ")
        .retention(&first.retention)
        .text(") and ")
        .text(second.name)
        .text(" (kept ")
        .retention(&second.retention)
        .text("), and neither policy is stricter; declare `#[privacy(retention = ...)]` with a class both allow")
}

/// The rule "categories mixed without a legal basis" (directly or through a nested field).
#[must_use]
pub const fn mixes_categories(
    type_name: &str,
    field: &str,
    nested: &CategoryInfo,
    other_field: &str,
    other: &CategoryInfo,
) -> Message {
    Message::new()
        .text("`")
        .text(type_name)
        .text("` mixes categories without a legal basis: field `")
        .text(field)
        .text("` holds ")
        .text(nested.name)
        .text(" (`")
        .text(nested.key)
        .text("`) and field `")
        .text(other_field)
        .text("` holds ")
        .text(other.name)
        .text(" (`")
        .text(other.key)
        .text("`); add `#[privacy(legal_basis = ...)]` to the type to state why they may be processed together, or split the type")
}

/// The rule "a retention-bounded type with no `collected_at` field".
#[must_use]
pub const fn missing_collected_at(type_name: &str, category: &CategoryInfo) -> Message {
    Message::new()
        .text("`")
        .text(type_name)
        .text("` is kept ")
        .retention(&category.retention)
        .text(" (the policy of ")
        .text(category.name)
        .text("), counted from when each record was collected, but no field says when; mark the instant with `#[privacy(collected_at)]`")
}

/// The rule "end users' data with no `subject` field".
#[must_use]
pub const fn missing_subject(type_name: &str, category: &CategoryInfo) -> Message {
    Message::new()
        .text("`")
        .text(type_name)
        .text("` holds ")
        .text(category.name)
        .text(" (`")
        .text(category.key)
        .text("`), which is about end users, but no field says whose it is; mark the end user's id with `#[privacy(subject)]` so that deletion requests can find the record")
}

/// The rule "special-category data in a taxonomy not meant for it".
#[must_use]
pub const fn special_refused(type_name: &str, field: &str, special: &str, category: &CategoryInfo) -> Message {
    Message::new()
        .text("field `")
        .text(field)
        .text("` of `")
        .text(type_name)
        .text("` holds special-category data (`")
        .text(special)
        .text("`, GDPR Art. 9), but ")
        .text(category.name)
        .text(" (`")
        .text(category.key)
        .text("`) is in the `")
        .text(category.taxonomy)
        .text("` taxonomy, which does not accept it; remove the field, or classify it under a category whose taxonomy is meant for special-category data")
}
