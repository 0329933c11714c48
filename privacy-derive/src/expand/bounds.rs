//! Where-clause predicates for fields whose types mention the type's parameters: each field
//! needs exactly the trait its treatment calls for, stated on the field's own type.

use crate::internals::model::{FieldModel, Model, Redaction, Role, Treatment};
use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::quote;
use syn::{Generics, WherePredicate, parse_quote};

pub fn with_field_bounds(model: &Model) -> Generics {
    let mut generics = model.generics.clone();
    let params: Vec<Ident> = model
        .generics
        .type_params()
        .map(|param| param.ident.clone())
        .collect();
    if params.is_empty() {
        return generics;
    }
    let predicates: Vec<WherePredicate> = model
        .fields()
        .filter(|field| {
            let ty = field.ty;
            mentions(quote!(#ty), &params)
        })
        .filter_map(|field| predicate(field, &model.krate))
        .collect();
    generics.make_where_clause().predicates.extend(predicates);
    generics
}

/// Whether `tokens` name one of `params`.
pub fn mentions(tokens: TokenStream, params: &[Ident]) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => params.contains(&ident),
        TokenTree::Group(group) => mentions(group.stream(), params),
        TokenTree::Punct(_) | TokenTree::Literal(_) => false,
    })
}

/// The bounds a field's type needs: what its treatment calls, then what its role reads.
fn predicate(field: &FieldModel, krate: &TokenStream) -> Option<WherePredicate> {
    let treatment = match field.treatment {
        Treatment::Nested => Some(quote!(#krate::__private::NestedField)),
        Treatment::Secret => Some(quote!(#krate::__private::SecretField)),
        Treatment::Redacted(Redaction::Mask, _) | Treatment::Skipped => None,
        Treatment::Redacted(Redaction::Partial(_), _) => {
            Some(quote!(#krate::redact::Redact<#krate::redact::Partial>))
        }
        Treatment::Redacted(Redaction::Marker(marker), _) => {
            let marker = Ident::new(marker, Span::call_site());
            Some(quote!(#krate::redact::Redact<#krate::redact::#marker>))
        }
        Treatment::Shown => Some(quote!(#krate::__private::ShownField + #krate::Unclassified)),
    };
    let role = match field.role {
        Role::Subject => Some(quote!(#krate::SubjectKey)),
        Role::CollectedAt => Some(quote!(#krate::CollectionInstant)),
        Role::Tenant | Role::Data => None,
    };
    let ty = field.ty;
    match (treatment, role) {
        (Some(treatment), Some(role)) => Some(parse_quote!(#ty: #treatment + #role)),
        (Some(bound), None) | (None, Some(bound)) => Some(parse_quote!(#ty: #bound)),
        (None, None) => None,
    }
}
