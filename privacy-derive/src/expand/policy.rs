//! The policy rules the macro cannot decide alone (what a category allows, what a nested type
//! holds), as constant evaluations of `privacy_core::__private::check` over the descriptor.
//! Each is spanned at the token to fix, so its panic message is reported there.

use super::descriptor::category_info;
use crate::internals::ast::{CategorySource, Container, Data};
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;

/// The checks, each an item or statement (per `wrap`) evaluating a rule at compile time and
/// panicking with its message, spanned at the token the rule points at.
pub fn checks(
    container: &Container,
    krate: &TokenStream,
    descriptor: &TokenStream,
    wrap: Wrap,
) -> Vec<TokenStream> {
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
    let attrs = &container.attrs;
    let fields = container.fields();
    let mut checks = Vec::new();

    if let Some(retention) = &attrs.retention {
        checks.push(check(
            retention.span(),
            quote!(retention_too_long(#descriptor)),
        ));
    }

    let mut first_of_variant = None;
    for (variant, field) in &fields {
        let index = field.index;
        let is_first_of_variant = variant.is_some_and(|variant| {
            let first = first_of_variant != Some(variant.ident);
            first_of_variant = Some(variant.ident);
            first
        });
        // Fields that bring a category of their own (not the type's), where a conflict shows.
        let source = match container.category_of(*variant, field) {
            Some((category, CategorySource::Field)) => Some(category.span()),
            Some((category, CategorySource::Variant)) if is_first_of_variant => {
                Some(category.span())
            }
            None => field.attrs.nested.map(|_| field.ty.span()),
            Some(_) => None,
        };
        if let Some(span) = source {
            if attrs.retention.is_none() {
                checks.push(check(span, quote!(retention_conflict(#descriptor, #index))));
            }
            if attrs.legal_basis.is_none() {
                checks.push(check(span, quote!(mixes_categories(#descriptor, #index))));
            }
        }
        if let Some(special) = &field.attrs.special {
            checks.push(check(
                special.span(),
                quote!(special_refused(#descriptor, #index)),
            ));
        }
    }

    if !fields
        .iter()
        .any(|(_, field)| field.attrs.collected_at.is_some())
    {
        let declared_counts = attrs
            .retention
            .as_ref()
            .map(|retention| (retention.span(), retention.value.counts_from_collection()));
        let span = match declared_counts {
            Some((span, true)) => Some(span),
            Some((_, false)) => None,
            None => Some(first_category_span(container)),
        };
        if let Some(span) = span {
            checks.push(check(span, quote!(missing_collected_at(#descriptor))));
        }
    }

    if !fields
        .iter()
        .any(|(_, field)| field.attrs.subject.is_some())
    {
        let mut seen: Vec<String> = Vec::new();
        let declared = attrs
            .category
            .iter()
            .chain(fields.iter().filter_map(|(variant, field)| {
                container
                    .category_of(*variant, field)
                    .map(|(category, _)| category)
            }));
        for category in declared {
            let key = category.value.to_token_stream().to_string();
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let info = category_info(category, krate);
            checks.push(check(
                category.span(),
                quote!(missing_subject(#descriptor, #info)),
            ));
        }
    }
    checks.extend(variant_subject_checks(container, krate, descriptor, &check));
    checks
}

/// In an enum whose type names a subject somewhere, each variant without a `subject` field of
/// its own is checked on its own: its records must be findable too.
fn variant_subject_checks(
    container: &Container,
    krate: &TokenStream,
    descriptor: &TokenStream,
    check: &dyn Fn(Span, TokenStream) -> TokenStream,
) -> Vec<TokenStream> {
    let Data::Enum(variants) = &container.data else {
        return Vec::new();
    };
    // Without any subject field the type-wide rule reports the type once.
    if !variants
        .iter()
        .flat_map(|variant| &variant.fields)
        .any(|field| field.attrs.subject.is_some())
    {
        return Vec::new();
    }
    let mut checks = Vec::new();
    for variant in variants {
        if variant
            .fields
            .iter()
            .any(|field| field.attrs.subject.is_some() || field.attrs.nested.is_some())
        {
            continue;
        }
        let mut seen: Vec<String> = Vec::new();
        let categories = variant
            .fields
            .iter()
            .filter_map(|field| {
                container
                    .category_of(Some(variant), field)
                    .map(|(category, _)| category)
            })
            .chain(variant.attrs.category.iter())
            .chain(container.attrs.category.iter());
        for category in categories {
            let key = category.value.to_token_stream().to_string();
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let (name, info) = (&variant.name, category_info(category, krate));
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
fn first_category_span(container: &Container) -> Span {
    if let Some(category) = &container.attrs.category {
        return category.span();
    }
    container
        .fields()
        .into_iter()
        .find_map(|(variant, field)| {
            container
                .category_of(variant, field)
                .map(|(category, _)| category.span())
        })
        .unwrap_or_else(|| container.ident.span())
}
