//! The rules the macro decides from the type's own tokens. Rules that need to know what a
//! category allows are checked by the generated code instead (`expand::policy`).

use super::ast::{Container, Data, Field, Style};
use super::ctxt::Ctxt;
use super::suggest::list;
use super::symbol::ERASURE_RULES;
use proc_macro2::Span;
use quote::ToTokens;
use syn::LitStr;

pub fn check(cx: &mut Ctxt, container: &Container) {
    check_fields(cx, container);
    check_roles_per_record(cx, container);
    check_collected_at_declared(cx, container);
    check_fieldless(cx, container);
    check_table(cx, container);
}

/// Where to point at a field: its name, or its type for tuple fields.
fn field_tokens(field: &Field) -> proc_macro2::TokenStream {
    match &field.original.ident {
        Some(ident) => ident.to_token_stream(),
        None => field.ty.to_token_stream(),
    }
}

fn check_fields(cx: &mut Ctxt, container: &Container) {
    for (variant, field) in container.fields() {
        let attrs = &field.attrs;
        if attrs.nested.is_some() {
            if let Some(category) = &attrs.category {
                cx.error_spanned_by(
                    &category.tokens,
                    format!("field `{}` is `nested`: its type carries its own categories; remove `category` here", field.name),
                );
            }
            let conflicting = [
                (attrs.redact.as_ref().map(|redact| redact.span()), "redact"),
                (attrs.secret, "secret"),
                (attrs.subject, "subject"),
                (attrs.collected_at, "collected_at"),
                (
                    attrs.special.as_ref().map(|special| special.span()),
                    "special",
                ),
            ];
            for (span, key) in conflicting {
                if let Some(span) = span {
                    cx.syn_error(syn::Error::new(
                        span,
                        format!("`{key}` cannot be combined with `nested`: the nested type's own attributes decide how its fields are treated; declare `{key}` on its fields"),
                    ));
                }
            }
            continue;
        }
        let category_written = attrs.category_written
            || container.attrs.category_written
            || variant.is_some_and(|variant| variant.attrs.category_written);
        if container.category_of(variant, field).is_none() && !category_written {
            let owner = match variant {
                Some(variant) => format!("variant `{}` of `{}`", variant.name, container.name),
                None => format!("`{}`", container.name),
            };
            cx.error_spanned_by(
                field_tokens(field),
                format!(
                    "field `{}` of {owner} has no category; add `#[privacy(category = ...)]` to the field or to the type (for example `category = privacy_core::im::LogData`), or `#[privacy(nested)]` if its type derives `Classified`",
                    field.name
                ),
            );
        }
        if let (Some(redact), Some(_)) = (&attrs.redact, attrs.secret) {
            cx.error_spanned_by(
                &redact.tokens,
                format!("field `{}` is both `redact` and `secret`: a secret is never shown, so `redact` says nothing more; keep one of them", field.name),
            );
        }
        for (span, role) in [
            (attrs.subject, "subject"),
            (attrs.collected_at, "collected_at"),
        ] {
            if let (Some(span), Some(_)) = (span, attrs.secret) {
                cx.syn_error(syn::Error::new(
                    span,
                    format!("field `{}` cannot be both `secret` and `{role}`: a secret is never read by the toolkit; use a plain field for the {role}", field.name),
                ));
            }
        }
        if let (Some(_), Some(collected_at)) = (attrs.subject, attrs.collected_at) {
            cx.syn_error(syn::Error::new(
                collected_at,
                format!("field `{}` cannot be both the `subject` and `collected_at`: one holds a person's id, the other an instant", field.name),
            ));
        }
    }
}

/// Per record shape (the struct, or each variant): at most one `collected_at`, and several
/// `subject` fields only with an `erasure` rule.
fn check_roles_per_record(cx: &mut Ctxt, container: &Container) {
    let records: Vec<(&[Field], String)> = match &container.data {
        Data::Struct(_, fields) => vec![(fields.as_slice(), format!("`{}`", container.name))],
        Data::Enum(variants) => variants
            .iter()
            .map(|variant| {
                (
                    variant.fields.as_slice(),
                    format!("variant `{}` of `{}`", variant.name, container.name),
                )
            })
            .collect(),
    };
    for (fields, owner) in records {
        let instants: Vec<&Field> = fields
            .iter()
            .filter(|field| field.attrs.collected_at.is_some())
            .collect();
        if let [first, extra, ..] = instants.as_slice() {
            cx.syn_error(syn::Error::new(
                extra.attrs.collected_at.unwrap_or_else(Span::call_site),
                format!(
                    "{owner} has two `collected_at` fields (`{}` and `{}`); retention counts from one instant: keep `collected_at` on one field",
                    first.name, extra.name
                ),
            ));
        }
        let subjects: Vec<&Field> = fields
            .iter()
            .filter(|field| field.attrs.subject.is_some())
            .collect();
        if let ([first, second, ..], None) = (subjects.as_slice(), &container.attrs.erasure) {
            {
                let rules = list(ERASURE_RULES.iter().map(|(rule, _)| *rule));
                cx.syn_error(syn::Error::new(
                    second.attrs.subject.unwrap_or_else(Span::call_site),
                    format!(
                        "{owner} names several data subjects (`{}` and `{}`); declare what a deletion request by one of them does with `#[privacy(erasure = ...)]` on the type, one of: {rules}",
                        first.name, second.name
                    ),
                ));
            }
        }
    }
}

/// A declared retention counted from collection needs a `collected_at` field, unless a
/// nested type may supply one (then the generated code checks it).
fn check_collected_at_declared(cx: &mut Ctxt, container: &Container) {
    let Some(retention) = &container.attrs.retention else {
        return;
    };
    if !retention.value.counts_from_collection() {
        return;
    }
    let supplied = container
        .fields()
        .any(|(_, field)| field.attrs.collected_at.is_some() || field.attrs.nested.is_some());
    if !supplied {
        cx.error_spanned_by(
            &retention.tokens,
            format!(
                "`{}` is kept for a period counted from when each record was collected, but no field says when; mark the instant with `#[privacy(collected_at)]`, or use `until_terminated(...)` or `ephemeral`",
                container.name
            ),
        );
    }
}

/// A type without fields must still say what it is.
fn check_fieldless(cx: &mut Ctxt, container: &Container) {
    let fieldless = match &container.data {
        Data::Struct(style, fields) => *style == Style::Unit || fields.is_empty(),
        Data::Enum(variants) => variants.iter().all(|variant| variant.fields.is_empty()),
    };
    if fieldless && container.attrs.category.is_none() && !container.attrs.category_written {
        cx.error_spanned_by(
            container.ident,
            format!("`{}` has no fields and no category; declare what it records with `#[privacy(category = ...)]` on the type", container.name),
        );
    }
}

/// `table`, `tenant` and `column` map a struct with named fields onto one SQL table: one
/// tenant column at most, no two fields in one column, no column for what has none.
fn check_table(cx: &mut Ctxt, container: &Container) {
    let Some(table) = &container.attrs.table else {
        for (_, field) in container.fields() {
            if let Some(tenant) = field.attrs.tenant {
                cx.syn_error(syn::Error::new(
                    tenant,
                    format!("`tenant` names a column of the type's table, and `{}` declares none; add `#[privacy(table = \"...\")]` to the type", container.name),
                ));
            }
            if let Some(column) = &field.attrs.column {
                cx.error_spanned_by(
                    column,
                    format!("`column` names a column of the type's table, and `{}` declares none; add `#[privacy(table = \"...\")]` to the type", container.name),
                );
            }
        }
        return;
    };
    match &container.data {
        Data::Struct(Style::Named, _) => {}
        Data::Struct(..) => cx.error_spanned_by(
            table,
            format!("`{}` maps a table, so its columns are named by its fields; give the struct named fields", container.name),
        ),
        Data::Enum(_) => cx.error_spanned_by(
            table,
            format!("`{}` is an enum: a table holds rows of one shape; map a struct with named fields, one per column", container.name),
        ),
    }
    let mut tenant_field: Option<&Field> = None;
    let mut columns: Vec<(String, &Field)> = Vec::new();
    for (_, field) in container.fields() {
        let attrs = &field.attrs;
        if let Some(tenant) = attrs.tenant {
            if let Some(first) = tenant_field {
                cx.syn_error(syn::Error::new(
                    tenant,
                    format!("`{}` has two `tenant` fields (`{}` and `{}`); a row belongs to one tenant: keep `tenant` on one field", container.name, first.name, field.name),
                ));
            } else {
                tenant_field = Some(field);
            }
            for (other, key) in [
                (attrs.nested, "nested"),
                (attrs.secret, "secret"),
                (attrs.subject, "subject"),
                (attrs.collected_at, "collected_at"),
            ] {
                if other.is_some() {
                    cx.syn_error(syn::Error::new(
                        tenant,
                        format!("field `{}` cannot be both the `tenant` and `{key}`: the tenant column holds the customer application's id; use a separate field", field.name),
                    ));
                }
            }
        }
        if attrs.nested.is_some() {
            if let Some(column) = &attrs.column {
                cx.error_spanned_by(
                    column,
                    format!("field `{}` is `nested`: its value spans its own type's fields, not one column; remove `column` here", field.name),
                );
            }
            continue;
        }
        let column = attrs
            .column
            .as_ref()
            .map_or_else(|| field.name.clone(), LitStr::value);
        if let Some((_, first)) = columns.iter().find(|(known, _)| *known == column) {
            let at = attrs
                .column
                .as_ref()
                .map_or_else(|| field_tokens(field), ToTokens::to_token_stream);
            cx.error_spanned_by(
                at,
                format!("fields `{}` and `{}` both map to column `{column}`; give one of them its own `column = \"...\"`", first.name, field.name),
            );
        } else {
            columns.push((column, field));
        }
    }
}

/// Refuses a `Debug` derived beside `Classified`, which writes `Debug` itself. Only a `derive`
/// attribute after this one is seen: the derives in the same attribute, and in earlier ones, are
/// not given to the macro (rustc then reports E0119, conflicting implementations of `Debug`).
pub fn derived_debug(cx: &mut Ctxt, input: &syn::DeriveInput) -> bool {
    let mut found = false;
    for attr in input
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("derive"))
    {
        let Ok(paths) = attr.parse_args_with(
            syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
        ) else {
            continue;
        };
        for path in paths.iter().filter(|path| {
            path.segments
                .last()
                .is_some_and(|segment| segment.ident == "Debug")
        }) {
            found = true;
            cx.error_spanned_by(
                path,
                "`#[derive(Classified)]` writes `Debug` itself, through the redacted view: remove `Debug` from this derive, or add `#[privacy(custom_debug)]` to the type to write your own",
            );
        }
    }
    found
}
