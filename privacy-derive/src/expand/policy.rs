//! The policy rules the macro cannot decide alone (what a category allows, what a nested type
//! holds), as constant evaluations of `privacy_core::__private::check` over the descriptor.
//! Each is spanned at the token to fix, so its panic message is reported there.

use super::descriptor::category_info;
use crate::internals::ast::CategorySource;
use crate::internals::attr::Located;
use crate::internals::model::{Model, Role};
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::Path;

/// The checks, each an item or statement (per `wrap`) evaluating a rule at compile time and
/// panicking with its message, spanned at the token the rule points at.
pub fn checks(model: &Model, descriptor: &TokenStream, wrap: Wrap) -> Vec<TokenStream> {
    let krate = &model.krate;
    let check = |span: Span, call: TokenStream| {
        let rule = quote_spanned! {span=>
            if let ::core::option::Option::Some(__message) = #krate::__private::check::#call {
                ::core::panic!("{}", __message.as_str())
            }
        };
        match wrap {
            Wrap::Item => quote_spanned!(span=> const _: () = #rule;),
            Wrap::Statement => quote_spanned!(span=> const { #rule };),
        }
    };
    let attrs = model.attrs;
    let mut checks = Vec::new();

    if let Some(retention) = &attrs.retention {
        checks.push(check(
            retention.span(),
            quote!(retention_too_long(#descriptor)),
        ));
    }

    for record in &model.records {
        for (position, field) in record.fields.iter().enumerate() {
            let index = field.index;
            // Fields that bring a category of their own (not the type's), where a conflict
            // shows; a variant's category shows at its first field.
            let source = match field.category {
                Some((category, CategorySource::Field)) => Some(category.span()),
                Some((category, CategorySource::Variant)) if position == 0 => Some(category.span()),
                None if field.is_nested() => Some(field.ty_span()),
                Some(_) | None => None,
            };
            if let Some(span) = source {
                if attrs.retention.is_none() {
                    checks.push(check(span, quote!(retention_conflict(#descriptor, #index))));
                }
                if attrs.legal_basis.is_none() {
                    checks.push(check(span, quote!(mixes_categories(#descriptor, #index))));
                }
            }
            if let Some(special) = field.special {
                checks.push(check(
                    special.span(),
                    quote!(special_refused(#descriptor, #index)),
                ));
            }
        }
    }

    if model.field_with(Role::CollectedAt).is_none() {
        let declared_counts = attrs
            .retention
            .as_ref()
            .map(|retention| (retention.span(), retention.value.counts_from_collection()));
        let span = match declared_counts {
            Some((span, true)) => Some(span),
            Some((_, false)) => None,
            None => Some(first_category_span(model)),
        };
        if let Some(span) = span {
            checks.push(check(span, quote!(missing_collected_at(#descriptor))));
        }
    }

    if model.field_with(Role::Subject).is_none() {
        let declared = attrs.category.iter().chain(
            model
                .fields()
                .filter_map(|field| field.category.map(|(category, _)| category)),
        );
        for category in distinct(declared) {
            let info = category_info(category, krate);
            checks.push(check(
                category.span(),
                quote!(missing_subject(#descriptor, #info)),
            ));
        }
    }
    checks.extend(variant_subject_checks(model, descriptor, &check));
    checks
}

/// Each category path once, in order, as written.
fn distinct<'a>(categories: impl Iterator<Item = &'a Located<Path>>) -> Vec<&'a Located<Path>> {
    let mut seen: Vec<String> = Vec::new();
    categories
        .filter(|category| {
            let key = category.value.to_token_stream().to_string();
            let new = !seen.contains(&key);
            if new {
                seen.push(key);
            }
            new
        })
        .collect()
}

/// In an enum whose type names a subject somewhere, each variant without a `subject` field of
/// its own is checked on its own: its records must be findable too.
fn variant_subject_checks(
    model: &Model,
    descriptor: &TokenStream,
    check: &dyn Fn(Span, TokenStream) -> TokenStream,
) -> Vec<TokenStream> {
    // Without any subject field the type-wide rule reports the type once.
    if !model.is_enum || model.field_with(Role::Subject).is_none() {
        return Vec::new();
    }
    let mut checks = Vec::new();
    for record in &model.records {
        let Some((_, variant)) = record.variant else {
            continue;
        };
        if record
            .fields
            .iter()
            .any(|field| field.role == Role::Subject || field.is_nested())
        {
            continue;
        }
        let categories = record
            .fields
            .iter()
            .filter_map(|field| field.category.map(|(category, _)| category))
            .chain(variant.attrs.category.iter())
            .chain(model.attrs.category.iter());
        for category in distinct(categories) {
            let (name, info) = (&variant.name, category_info(category, &model.krate));
            checks.push(check(
                variant.ident.span(),
                quote!(variant_missing_subject(#descriptor, #name, #info)),
            ));
        }
    }
    checks
}

/// How a check is evaluated: as a free constant (concrete types), or as an inline constant in
/// a generated method (types with parameters, checked per instantiation).
#[derive(Clone, Copy)]
pub enum Wrap {
    Item,
    Statement,
}

/// Where a rule about the whole type points: its category, else its first field's, else its name.
fn first_category_span(model: &Model) -> Span {
    if let Some(category) = &model.attrs.category {
        return category.span();
    }
    model
        .fields()
        .find_map(|field| field.category.map(|(category, _)| category.span()))
        .unwrap_or_else(|| model.ident.span())
}
