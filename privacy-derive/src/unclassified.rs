//! `#[derive(Unclassified)]`: a plain type that a classified type may show as it is. Every field's
//! type must be unclassified in turn, checked at the field's type.

use crate::expand::bounds::mentions;
use crate::internals::symbol::PRIVACY;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Type, WherePredicate, parse_quote_spanned};

pub fn derive(input: &DeriveInput) -> TokenStream {
    // Any `#[privacy(...)]` (on the type, a variant or a field) marks a classified type.
    let fields: Vec<&syn::Field> = match &input.data {
        Data::Struct(data) => data.fields.iter().collect(),
        Data::Enum(data) => data.variants.iter().flat_map(|v| v.fields.iter()).collect(),
        Data::Union(data) => data.fields.named.iter().collect(),
    };
    let variants: Vec<&syn::Variant> = match &input.data {
        Data::Enum(data) => data.variants.iter().collect(),
        Data::Struct(_) | Data::Union(_) => Vec::new(),
    };
    let mut attrs = input
        .attrs
        .iter()
        .chain(variants.iter().flat_map(|variant| &variant.attrs))
        .chain(fields.iter().flat_map(|field| &field.attrs));
    if let Some(attr) = attrs.find(|attr| attr.path().is_ident(PRIVACY)) {
        return syn::Error::new(
            attr.path().span(),
            "a classified type is not `Unclassified`: hold it in a `#[privacy(nested)]` field, which shows its redacted view",
        )
        .to_compile_error();
    }
    let ident = &input.ident;
    let types: Vec<&Type> = fields.iter().map(|field| &field.ty).collect();
    let params: Vec<Ident> = input
        .generics
        .type_params()
        .map(|param| param.ident.clone())
        .collect();
    let mut generics = input.generics.clone();
    let predicates: Vec<WherePredicate> = types
        .iter()
        .filter(|ty| mentions(quote!(#ty), &params))
        .map(|ty| {
            let span = ty.span();
            parse_quote_spanned!(span=> #ty: ::privacy_core::Unclassified)
        })
        .collect();
    generics.make_where_clause().predicates.extend(predicates);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let checks = types.iter().map(|ty| {
        let span = ty.span().resolved_at(Span::call_site());
        quote_spanned!(span=> ::privacy_core::__private::unclassified::<#ty>();)
    });
    quote! {
        #[doc(hidden)]
        const _: () = {
            #[automatically_derived]
            impl #impl_generics ::privacy_core::Unclassified for #ident #ty_generics #where_clause {}
            #[allow(dead_code)]
            fn __privacy_fields_unclassified #impl_generics () #where_clause {
                #(#checks)*
            }
        };
    }
}
