//! The policy rules the macro cannot decide alone (what a category allows, what a nested type
//! holds), as constant evaluations of `privacy_core::__private::check` over the descriptor.
//! Each is spanned at the token to fix, so its panic message is reported there.

use super::descriptor::category_info;
use crate::internals::ast::{CategorySource, Container};
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;

/// The checks, each an expression of type `()` that panics with the rule's message.
pub fn checks(
    container: &Container,
    krate: &TokenStream,
    descriptor: &TokenStream,
) -> Vec<TokenStream> {
    let check = |span: Span, call: TokenStream| {
        quote_spanned! {span=>
            if let ::core::option::Option::Some(__message) = #krate::__private::check::#call {
                ::core::panic!("{}", __message.as_str())
            }
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
    checks
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
