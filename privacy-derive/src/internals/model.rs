//! The resolved model the generators read: what each field is (its treatment and role, its
//! category) and the type's facts, worked out once from the checked attributes, as darling
//! separates options from codegen. Generators match on these and never read raw flags.

use super::ast::{CategorySource, Container, Data, Field, Style, Variant};
use super::attr::{self, Located, Retention, Strategy};
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::spanned::Spanned;
use syn::{Generics, Ident, LitStr, Member, Path, Type};

/// How a field leaves the process.
#[derive(Clone, Copy)]
pub enum Treatment {
    /// As it is (its type must be unclassified).
    Shown,
    /// Through a strategy (`redact`, `redact = ...`), spanned at the strategy.
    Redacted(Redaction, Span),
    /// Left out of every output (`redact = skip`).
    Skipped,
    /// Never shown, always the secret mask (`secret`).
    Secret,
    /// Through its own type's redaction (`nested`).
    Nested,
}

/// A strategy a redacted field is shown through.
#[derive(Clone, Copy)]
pub enum Redaction {
    /// The full mask (`redact` alone).
    Mask,
    /// `partial(keep_last = N)`.
    Partial(u8),
    /// A marker type of `privacy_core::redact` (`Ip`, `Email`, ...).
    Marker(&'static str),
}

/// What the runtime reads a field for, besides showing it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The data subject's id (`subject`).
    Subject,
    /// The instant retention counts from (`collected_at`).
    CollectedAt,
    /// The tenant the row belongs to (`tenant`).
    Tenant,
    /// Plain data.
    Data,
}

/// One field, resolved.
pub struct FieldModel<'a> {
    pub member: &'a Member,
    /// The field's name as users read it.
    pub name: &'a str,
    pub ty: &'a Type,
    /// The field's position in the type's descriptor.
    pub index: usize,
    pub treatment: Treatment,
    pub role: Role,
    /// The category the field is classified under and where it was declared; `None` for a
    /// `nested` field.
    pub category: Option<(&'a Located<Path>, CategorySource)>,
    /// The column a table-mapped field is stored in.
    pub column: Option<&'a LitStr>,
    pub special: Option<&'a Located<&'static str>>,
}

impl FieldModel<'_> {
    /// Whether the walk over the value visits the field.
    pub fn is_visited(&self) -> bool {
        !matches!(self.treatment, Treatment::Skipped)
    }

    /// Whether the field is `nested`.
    pub fn is_nested(&self) -> bool {
        matches!(self.treatment, Treatment::Nested)
    }

    /// Where a type error about the field belongs: at its type.
    pub fn ty_span(&self) -> Span {
        self.ty.span()
    }

    /// The column's name: `column = "..."` (or sqlx's `rename`), else the field's name.
    pub fn column_name(&self) -> String {
        self.column
            .map_or_else(|| self.name.to_owned(), LitStr::value)
    }
}

/// A struct or one enum variant: what a value of the type can be.
pub struct Record<'a> {
    /// The variant's position and model, for enums.
    pub variant: Option<(usize, &'a Variant<'a>)>,
    pub style: Style,
    pub fields: Vec<FieldModel<'a>>,
}

/// The whole type, resolved.
pub struct Model<'a> {
    pub ident: &'a Ident,
    /// The type's name as users read it.
    pub name: &'a str,
    pub generics: &'a Generics,
    pub attrs: &'a attr::Container,
    pub is_enum: bool,
    /// The struct, or each variant in order.
    pub records: Vec<Record<'a>>,
    /// Whether the type has type or const parameters (lifetimes can be filled with `'static`).
    pub is_generic: bool,
    /// The path generated code names the runtime by (`::privacy_core`, or `crate = "..."`).
    pub krate: TokenStream,
}

impl<'a> Model<'a> {
    /// The model of a checked container.
    pub fn resolve(container: &'a Container<'a>) -> Self {
        let records = match &container.data {
            Data::Struct(style, fields) => vec![Record {
                variant: None,
                style: *style,
                fields: fields
                    .iter()
                    .map(|field| resolve_field(container, None, field))
                    .collect(),
            }],
            Data::Enum(variants) => variants
                .iter()
                .enumerate()
                .map(|(position, variant)| Record {
                    variant: Some((position, variant)),
                    style: variant.style,
                    fields: variant
                        .fields
                        .iter()
                        .map(|field| resolve_field(container, Some(variant), field))
                        .collect(),
                })
                .collect(),
        };
        Model {
            ident: container.ident,
            name: &container.name,
            generics: container.generics,
            attrs: &container.attrs,
            is_enum: matches!(container.data, Data::Enum(_)),
            records,
            is_generic: container.is_generic(),
            krate: krate(&container.attrs),
        }
    }

    /// Every field in descriptor order.
    pub fn fields(&self) -> impl Iterator<Item = &FieldModel<'a>> {
        self.records.iter().flat_map(|record| &record.fields)
    }

    /// Every field with the record it belongs to, in descriptor order.
    pub fn fields_with_records(&self) -> impl Iterator<Item = (&Record<'a>, &FieldModel<'a>)> {
        self.records
            .iter()
            .flat_map(|record| record.fields.iter().map(move |field| (record, field)))
    }

    /// The first field with `role`.
    pub fn field_with(&self, role: Role) -> Option<&FieldModel<'a>> {
        self.fields().find(|field| field.role == role)
    }

    /// Whether a record's instant can come from the value: its own `collected_at` or a
    /// nested value's.
    pub fn reads_instants(&self) -> bool {
        self.fields()
            .any(|field| field.role == Role::CollectedAt || field.is_nested())
    }

    /// Whether the type's own category is the only one: every field is classified under it
    /// (none declares its own, none is `nested`).
    pub fn has_one_category(&self) -> bool {
        self.attrs.category.is_some()
            && self
                .fields()
                .all(|field| matches!(field.category, Some((_, CategorySource::Container))))
    }

    /// Whether the type is `ephemeral`: never stored.
    pub fn is_ephemeral(&self) -> bool {
        matches!(
            self.attrs
                .retention
                .as_ref()
                .map(|retention| retention.value),
            Some(Retention::Ephemeral)
        )
    }
}

/// The runtime's path: `crate = "..."`, else `::privacy_core`.
pub fn krate(attrs: &attr::Container) -> TokenStream {
    attrs
        .crate_path
        .as_ref()
        .map_or_else(|| quote!(::privacy_core), ToTokens::to_token_stream)
}

fn resolve_field<'a>(
    container: &'a Container<'a>,
    variant: Option<&'a Variant<'a>>,
    field: &'a Field<'a>,
) -> FieldModel<'a> {
    let attrs = &field.attrs;
    // The check refused every combination of these keys; the order below only decides which
    // treatment an unchecked model would take.
    let treatment = if attrs.nested.is_some() {
        Treatment::Nested
    } else if attrs.secret.is_some() {
        Treatment::Secret
    } else {
        match attrs
            .redact
            .as_ref()
            .map(|strategy| (strategy.value, strategy.span()))
        {
            None => Treatment::Shown,
            Some((Strategy::Skip, _)) => Treatment::Skipped,
            Some((Strategy::Mask, span)) => Treatment::Redacted(Redaction::Mask, span),
            Some((Strategy::Partial(keep_last), span)) => {
                Treatment::Redacted(Redaction::Partial(keep_last), span)
            }
            Some((Strategy::Marker(marker), span)) => {
                Treatment::Redacted(Redaction::Marker(marker), span)
            }
        }
    };
    let role = if attrs.subject.is_some() {
        Role::Subject
    } else if attrs.collected_at.is_some() {
        Role::CollectedAt
    } else if attrs.tenant.is_some() {
        Role::Tenant
    } else {
        Role::Data
    };
    FieldModel {
        member: &field.member,
        name: &field.name,
        ty: field.ty,
        index: field.index,
        treatment,
        role,
        category: container.category_of(variant, field),
        column: attrs.column.as_ref(),
        special: attrs.special.as_ref(),
    }
}
