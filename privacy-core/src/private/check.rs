//! The policy rules only the type system can decide, as `const fn`s over a type's descriptor.
//!
//! The derive emits one `const` evaluation per rule and offending token; each returns the
//! message to report, or `None` when the rule holds, so that every violation is reported at
//! its own token.

use super::Message;
use crate::{
    CategoryInfo, DataSubject, FieldDescriptor, FieldRole, LegalBasis, Retention, TypeDescriptor,
};

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

/// The first category of `descriptor` (its fields', recursively) that differs from `reference`.
#[must_use]
pub const fn first_other_category(
    descriptor: &'static TypeDescriptor,
    reference: &CategoryInfo,
) -> Option<&'static CategoryInfo> {
    let mut index = 0;
    while index < descriptor.fields.len() {
        let field = &descriptor.fields[index];
        if let Some(category) = field.category
            && !same_category(category, reference)
        {
            return Some(category);
        }
        if let Some(inner) = field.nested
            && let Some(other) = first_other_category(inner, reference)
        {
            return Some(other);
        }
        index += 1;
    }
    None
}

/// The first category a type holds: its own, else its fields', recursively.
#[must_use]
pub const fn first_category(descriptor: &'static TypeDescriptor) -> Option<&'static CategoryInfo> {
    if descriptor.category.is_some() {
        return descriptor.category;
    }
    first_field_category(descriptor.fields)
}

const fn first_field_category(fields: &'static [FieldDescriptor]) -> Option<&'static CategoryInfo> {
    let mut index = 0;
    while index < fields.len() {
        let field = &fields[index];
        if let Some(category) = field.category {
            return Some(category);
        }
        if let Some(inner) = field.nested
            && let Some(found) = first_category(inner)
        {
            return Some(found);
        }
        index += 1;
    }
    None
}

const fn holds_role(descriptor: &'static TypeDescriptor, role: FieldRole) -> bool {
    let mut index = 0;
    while index < descriptor.fields.len() {
        let field = &descriptor.fields[index];
        if field.role as u8 == role as u8 {
            return true;
        }
        if let Some(inner) = field.nested
            && holds_role(inner, role)
        {
            return true;
        }
        index += 1;
    }
    false
}

/// Whether a type names a data subject (its own `subject` fields or its nested types').
#[must_use]
pub const fn has_subject(descriptor: &'static TypeDescriptor) -> bool {
    holds_role(descriptor, FieldRole::Subject)
}

/// Whether a type says when it was collected (its own `collected_at` field or a nested type's).
#[must_use]
pub const fn has_collected_at(descriptor: &'static TypeDescriptor) -> bool {
    holds_role(descriptor, FieldRole::CollectedAt)
}

/// The retention a field imposes: its category's policy, or its nested type's retention.
const fn field_retention(field: &FieldDescriptor) -> Option<Retention> {
    if let Some(category) = field.category {
        return Some(category.retention);
    }
    if let Some(inner) = field.nested {
        return Some(inner.retention);
    }
    None
}

/// The retention in force when a type declares none: the strictest of its category's policy,
/// its fields' categories' and its nested types'. When two cannot be ordered the first is
/// kept; [`retention_conflict`] reports the type.
#[must_use]
pub const fn effective_retention(
    container: Option<&CategoryInfo>,
    fields: &[FieldDescriptor],
) -> Retention {
    let mut strictest = match container {
        Some(category) => Some(category.retention),
        None => None,
    };
    let mut index = 0;
    while index < fields.len() {
        if let Some(retention) = field_retention(&fields[index]) {
            strictest = match strictest {
                None => Some(retention),
                Some(current) => match current.stricter(retention) {
                    Some(stricter) => Some(stricter),
                    None => Some(current),
                },
            };
        }
        index += 1;
    }
    match strictest {
        Some(retention) => retention,
        None => Retention::Ephemeral,
    }
}

/// The legal basis in force when a type declares none: its first category's.
#[must_use]
pub const fn default_legal_basis(
    container: Option<&CategoryInfo>,
    fields: &'static [FieldDescriptor],
) -> LegalBasis {
    if let Some(category) = container {
        return category.legal_basis;
    }
    let mut index = 0;
    while index < fields.len() {
        if let Some(category) = fields[index].category {
            return category.legal_basis;
        }
        if let Some(inner) = fields[index].nested {
            return inner.legal_basis;
        }
        index += 1;
    }
    LegalBasis::Contract
}

/// The purpose in force when a type declares none: its first category's.
#[must_use]
pub const fn default_purpose(
    container: Option<&CategoryInfo>,
    fields: &'static [FieldDescriptor],
) -> &'static str {
    if let Some(category) = container {
        return category.purpose;
    }
    let mut index = 0;
    while index < fields.len() {
        if let Some(category) = fields[index].category {
            return category.purpose;
        }
        if let Some(inner) = fields[index].nested {
            return inner.purpose;
        }
        index += 1;
    }
    ""
}

/// Rule: a declared retention may not keep records longer than any of the type's categories
/// (its own, its fields', its nested types') allows.
#[must_use]
pub const fn retention_too_long(descriptor: &'static TypeDescriptor) -> Option<Message> {
    let declared = descriptor.retention;
    if let Some(category) = descriptor.category
        && !declared.fits_within(&category.retention)
    {
        return Some(too_long_for_category(descriptor.name, &declared, category));
    }
    let mut index = 0;
    while index < descriptor.fields.len() {
        let field = &descriptor.fields[index];
        if let Some(category) = field.category
            && !declared.fits_within(&category.retention)
        {
            return Some(too_long_for_category(descriptor.name, &declared, category));
        }
        if let Some(inner) = field.nested
            && !declared.fits_within(&inner.retention)
        {
            return Some(
                Message::new()
                    .text("`")
                    .text(descriptor.name)
                    .text("` keeps its records ")
                    .retention(&declared)
                    .text(", longer than its field `")
                    .text(field.name)
                    .text("` of type `")
                    .text(inner.name)
                    .text("` may be kept: ")
                    .retention(&inner.retention)
                    .text("; shorten `retention` to fit, or remove it"),
            );
        }
        index += 1;
    }
    None
}

const fn too_long_for_category(
    type_name: &str,
    declared: &Retention,
    category: &CategoryInfo,
) -> Message {
    Message::new()
        .text("`")
        .text(type_name)
        .text("` keeps its records ")
        .retention(declared)
        .text(", longer than the policy of ")
        .text(category.name)
        .text(" (`")
        .text(category.key)
        .text("`) allows: ")
        .retention(&category.retention)
        .text("; shorten `retention` to fit, or remove it to use the category's own")
}

/// Rule: with no declared retention, the retention policies of a type's categories must be
/// ordered, so that one of them is the strictest. Checks field `index` against the type's own
/// category and every earlier field.
#[must_use]
pub const fn retention_conflict(
    descriptor: &'static TypeDescriptor,
    index: usize,
) -> Option<Message> {
    let field = &descriptor.fields[index];
    let Some(mine) = field_retention(field) else {
        return None;
    };
    if let Some(category) = descriptor.category
        && mine.stricter(category.retention).is_none()
    {
        return Some(unordered(
            descriptor.name,
            field,
            &mine,
            "the type's category",
            category.name,
            &category.retention,
        ));
    }
    let mut earlier = 0;
    while earlier < index {
        let other = &descriptor.fields[earlier];
        if let Some(theirs) = field_retention(other)
            && mine.stricter(theirs).is_none()
        {
            let label = match other.category {
                Some(category) => category.name,
                None => "a nested type",
            };
            return Some(unordered(
                descriptor.name,
                field,
                &mine,
                other.name,
                label,
                &theirs,
            ));
        }
        earlier += 1;
    }
    None
}

const fn unordered(
    type_name: &str,
    field: &FieldDescriptor,
    mine: &Retention,
    other_field: &str,
    other_label: &str,
    theirs: &Retention,
) -> Message {
    Message::new()
        .text("`")
        .text(type_name)
        .text("` cannot tell how long to keep its records: field `")
        .text(field.name)
        .text("` is kept ")
        .retention(mine)
        .text(" and `")
        .text(other_field)
        .text("` (")
        .text(other_label)
        .text(") is kept ")
        .retention(theirs)
        .text(", and neither is stricter; declare `#[privacy(retention = ...)]` on the type with a class both allow")
}

/// Rule: a type may hold one category only, unless it declares a legal basis for processing
/// them together. Checks field `index` against the type's own category and every earlier field.
#[must_use]
pub const fn mixes_categories(
    descriptor: &'static TypeDescriptor,
    index: usize,
) -> Option<Message> {
    let field = &descriptor.fields[index];
    // The category this field is compared against, and the field that holds it (`None`: the
    // type's own category).
    let mut reference: Option<(Option<&str>, &CategoryInfo)> = match descriptor.category {
        Some(category) => Some((None, category)),
        None => None,
    };
    let mut earlier = 0;
    while reference.is_none() && earlier < index {
        let other = &descriptor.fields[earlier];
        if let Some(category) = other.category {
            reference = Some((Some(other.name), category));
        } else if let Some(inner) = other.nested
            && let Some(category) = first_category(inner)
        {
            reference = Some((Some(other.name), category));
        }
        earlier += 1;
    }
    if let Some(category) = field.category
        && let Some((holder, known)) = reference
        && !same_category(category, known)
    {
        return Some(mixed(descriptor.name, field.name, category, holder, known));
    }
    if let Some(inner) = field.nested {
        let known = match reference {
            Some(found) => Some(found),
            None => match first_category(inner) {
                Some(category) => Some((Some(field.name), category)),
                None => None,
            },
        };
        if let Some((holder, known)) = known
            && let Some(other) = first_other_category(inner, known)
        {
            return Some(mixed(descriptor.name, field.name, other, holder, known));
        }
    }
    None
}

const fn mixed(
    type_name: &str,
    field: &str,
    category: &CategoryInfo,
    holder: Option<&str>,
    known: &CategoryInfo,
) -> Message {
    let message = Message::new()
        .text("`")
        .text(type_name)
        .text("` mixes categories without a legal basis: `")
        .text(field)
        .text("` holds ")
        .text(category.name)
        .text(" (`")
        .text(category.key)
        .text("`) and ");
    let message = match holder {
        Some(holder) => message.text("`").text(holder).text("` holds "),
        None => message.text("the type's own category is "),
    };
    message
        .text(known.name)
        .text(" (`")
        .text(known.key)
        .text("`); add `#[privacy(legal_basis = ...)]` to the type to state why they may be processed together, or split the type")
}

/// Rule: a type kept for a period counted from collection must say when each record was
/// collected.
#[must_use]
pub const fn missing_collected_at(descriptor: &'static TypeDescriptor) -> Option<Message> {
    if !descriptor.retention.counts_from_collection() || has_collected_at(descriptor) {
        return None;
    }
    Some(
        Message::new()
            .text("`")
            .text(descriptor.name)
            .text("` is kept ")
            .retention(&descriptor.retention)
            .text(", counted from when each record was collected, but no field says when; mark the instant with `#[privacy(collected_at)]`"),
    )
}

/// Rule: data about end users must say whose it is, so that deletion requests can find it.
#[must_use]
pub const fn missing_subject(
    descriptor: &'static TypeDescriptor,
    category: &CategoryInfo,
) -> Option<Message> {
    if !matches!(category.subject, DataSubject::EndUser) || has_subject(descriptor) {
        return None;
    }
    Some(
        Message::new()
            .text("`")
            .text(descriptor.name)
            .text("` holds ")
            .text(category.name)
            .text(" (`")
            .text(category.key)
            .text("`), which is about end users, but no field says whose it is; mark the end user's id with `#[privacy(subject)]` so that deletion requests can find the record"),
    )
}

/// Rule: in an enum, every variant holding data about end users must say whose it is.
#[must_use]
pub const fn variant_missing_subject(
    descriptor: &'static TypeDescriptor,
    variant: &str,
    category: &CategoryInfo,
) -> Option<Message> {
    if !matches!(category.subject, DataSubject::EndUser) {
        return None;
    }
    let mut index = 0;
    while index < descriptor.fields.len() {
        let field = &descriptor.fields[index];
        let in_variant = match field.variant {
            Some(name) => str_eq(name, variant),
            None => false,
        };
        if in_variant {
            if matches!(field.role, FieldRole::Subject) {
                return None;
            }
            if let Some(inner) = field.nested
                && has_subject(inner)
            {
                return None;
            }
        }
        index += 1;
    }
    Some(
        Message::new()
            .text("variant `")
            .text(variant)
            .text("` of `")
            .text(descriptor.name)
            .text("` holds ")
            .text(category.name)
            .text(" (`")
            .text(category.key)
            .text("`), which is about end users, but none of its fields says whose it is; mark the end user's id in this variant with `#[privacy(subject)]` so that deletion requests can find the record"),
    )
}

/// Rule: special-category data (GDPR Art. 9) only under a category whose taxonomy accepts it.
#[must_use]
pub const fn special_refused(descriptor: &'static TypeDescriptor, index: usize) -> Option<Message> {
    let field = &descriptor.fields[index];
    let (Some(special), Some(category)) = (field.special, field.category) else {
        return None;
    };
    if category.accepts_special {
        return None;
    }
    Some(
        Message::new()
            .text("field `")
            .text(field.name)
            .text("` of `")
            .text(descriptor.name)
            .text("` holds special-category data (`")
            .text(special.key())
            .text("`, GDPR Art. 9), but ")
            .text(category.name)
            .text(" (`")
            .text(category.key)
            .text("`) is in the `")
            .text(category.taxonomy)
            .text("` taxonomy, which does not accept it; remove the field, or classify it under a category whose taxonomy is meant for special-category data"),
    )
}
