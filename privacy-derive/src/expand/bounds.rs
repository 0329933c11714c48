//! Where-clause predicates for fields whose types mention the type's parameters: each field
//! needs exactly the trait its treatment calls for, stated on the field's own type.

use crate::internals::ast::{Container, Field};
use crate::internals::attr::Strategy;
use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::quote;
use syn::{Generics, WherePredicate, parse_quote};

pub fn with_field_bounds(container: &Container, krate: &TokenStream) -> Generics {
    let mut generics = container.generics.clone();
    let params: Vec<Ident> = container
        .generics
        .type_params()
        .map(|param| param.ident.clone())
        .collect();
    if params.is_empty() {
        return generics;
    }
    let predicates: Vec<WherePredicate> = container
        .fields()
        .into_iter()
        .filter(|(_, field)| mentions_type(field, &params))
        .filter_map(|(_, field)| predicate(field, krate))
        .collect();
    generics.make_where_clause().predicates.extend(predicates);
    generics
}

fn mentions_type(field: &Field, params: &[Ident]) -> bool {
    let ty = field.ty;
    mentions(quote!(#ty), params)
}

/// Whether `tokens` name one of `params`.
pub fn mentions(tokens: TokenStream, params: &[Ident]) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => params.contains(&ident),
        TokenTree::Group(group) => mentions(group.stream(), params),
        TokenTree::Punct(_) | TokenTree::Literal(_) => false,
    })
}

fn predicate(field: &Field, krate: &TokenStream) -> Option<WherePredicate> {
    let ty = field.ty;
    let attrs = &field.attrs;
    let bound = if attrs.nested.is_some() {
        quote!(#krate::__private::NestedField)
    } else if attrs.secret.is_some() {
        quote!(#krate::__private::SecretField)
    } else {
        match attrs.redact.as_ref().map(|redact| redact.value) {
            Some(Strategy::Mask | Strategy::Skip) => return role_predicate(field, krate),
            Some(Strategy::Partial(_)) => quote!(#krate::redact::Redact<#krate::redact::Partial>),
            Some(Strategy::Marker(marker)) => {
                let marker = Ident::new(marker, Span::call_site());
                quote!(#krate::redact::Redact<#krate::redact::#marker>)
            }
            None => quote!(#krate::__private::ShownField + #krate::Unclassified),
        }
    };
    let role = role_bound(field, krate);
    Some(parse_quote!(#ty: #bound #role))
}

/// The bound a `subject` or `collected_at` field needs besides how it is shown.
fn role_bound(field: &Field, krate: &TokenStream) -> TokenStream {
    if field.attrs.subject.is_some() {
        quote!(+ #krate::SubjectKey)
    } else if field.attrs.collected_at.is_some() {
        quote!(+ #krate::CollectionInstant)
    } else {
        TokenStream::new()
    }
}

fn role_predicate(field: &Field, krate: &TokenStream) -> Option<WherePredicate> {
    let ty = field.ty;
    let role = role_bound(field, krate);
    if role.is_empty() {
        return None;
    }
    // Drop the leading `+`.
    let bound: TokenStream = role.into_iter().skip(1).collect();
    Some(parse_quote!(#ty: #bound))
}
