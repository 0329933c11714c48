//! `visit_redacted` and `Debug`: every way a value leaves the process goes through one walk
//! in which each field is already wrapped by its strategy.

use super::pattern::{Record, binding, dispatch};
use crate::internals::ast::{Container, Data, Field, Style};
use crate::internals::attr::Strategy;
use crate::internals::respan::respan;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Generics;
use syn::spanned::Spanned;

pub fn visit_redacted(
    container: &Container,
    krate: &TokenStream,
    inline_checks: &TokenStream,
) -> TokenStream {
    let shown = |field: &Field| {
        !matches!(
            field.attrs.redact.as_ref().map(|redact| redact.value),
            Some(Strategy::Skip)
        )
    };
    let type_name = &container.name;
    let struct_style = match &container.data {
        Data::Struct(style, _) => *style,
        Data::Enum(_) => Style::Unit,
    };
    let body = |record: &Record| {
        let (variant, style) = match record.variant {
            Some((position, variant)) => {
                let position = u32::try_from(position).unwrap_or(u32::MAX);
                let name = &variant.name;
                (
                    quote!(::core::option::Option::Some((#position, #name))),
                    variant.style,
                )
            }
            None => (quote!(::core::option::Option::None), struct_style),
        };
        let shape = Ident::new(
            match style {
                Style::Named => "Named",
                Style::Tuple => "Tuple",
                Style::Unit => "Unit",
            },
            Span::call_site(),
        );
        let visible: Vec<&Field> = record.fields.iter().filter(|field| shown(field)).collect();
        let len = visible.len();
        let visits = visible.iter().map(|field| {
            let index = field.index;
            let (value, span) = field_value(field, krate);
            // Spanned like the value, so that a bound the value's wrapper misses is reported
            // at the field, not at the derive; resolved at the call site, so that `__visitor`
            // is found when the field's tokens come from a `macro_rules!` expansion.
            let span = span.resolved_at(Span::call_site());
            quote_spanned!(span=> __visitor.field(&<Self as #krate::Classified>::DESCRIPTOR.fields[#index], &#value);)
        });
        Some(quote! {
            __visitor.begin(#krate::__private::Item {
                type_name: #type_name,
                variant: #variant,
                shape: #krate::__private::Shape::#shape,
                len: #len,
            });
            #(#visits)*
        })
    };
    let walk = dispatch(container, &shown, &body, &TokenStream::new());
    let unclassified = shown_types_unclassified(container, krate);
    quote! {
        fn visit_redacted<__V: #krate::__private::RedactedVisitor>(&self, __visitor: &mut __V) {
            #unclassified
            #inline_checks
            #walk
        }
    }
}

/// Refuses, at the field's type, a field shown as it is whose type is itself classified: its
/// own `Serialize` would write it unredacted (see `privacy_core::__private::Probe`).
fn shown_types_unclassified(container: &Container, krate: &TokenStream) -> TokenStream {
    let checks: Vec<TokenStream> = container
        .fields()
        .into_iter()
        .filter(|(_, field)| {
            field.attrs.redact.is_none()
                && field.attrs.secret.is_none()
                && field.attrs.nested.is_none()
        })
        .map(|(_, field)| {
            let ty = field.ty;
            let span = ty.span().resolved_at(Span::call_site());
            let krate = respan(krate.clone(), span);
            quote_spanned! {span=>
                #krate::__private::shown_unclassified((&&#krate::__private::Probe::<#ty>::NEW).finding());
            }
        })
        .collect();
    if checks.is_empty() {
        return TokenStream::new();
    }
    quote! {
        use #krate::__private::{ProbeAny as _, ProbeClassified as _};
        #(#checks)*
    }
}

/// The field's value as it may leave the process, and where a type error about it belongs: at
/// the strategy for a strategy the type does not support, at the type otherwise.
fn field_value(field: &Field, krate: &TokenStream) -> (TokenStream, Span) {
    let value = binding(field);
    let ty_span = field.ty.span();
    // The runtime's path is located at the field too (resolved at the derive, so lints on
    // paths the user did not write stay quiet): an expression spanning two places is reported
    // at the derive.
    let place = match &field.attrs.redact {
        Some(strategy) if field.attrs.secret.is_none() && field.attrs.nested.is_none() => {
            strategy.span()
        }
        _ => ty_span,
    };
    let krate = &respan(krate.clone(), place.resolved_at(Span::call_site()));
    if field.attrs.secret.is_some() {
        return (
            quote_spanned!(ty_span=> #krate::__private::secret(#value)),
            ty_span,
        );
    }
    if field.attrs.nested.is_some() {
        return (
            quote_spanned!(ty_span=> #krate::__private::nested(#value)),
            ty_span,
        );
    }
    let Some(strategy) = &field.attrs.redact else {
        return (
            quote_spanned!(ty_span=> #krate::__private::shown(#value)),
            ty_span,
        );
    };
    let span = strategy.span();
    // The strategy is named in the turbofish, so that a type that supports only another
    // strategy is reported as unsupported, not inferred to want that other strategy.
    let value = match strategy.value {
        Strategy::Mask | Strategy::Skip => quote!(#krate::__private::masked(#value)),
        Strategy::Partial(keep_last) => quote_spanned! {span=>
            #krate::__private::redact_with::<_, #krate::redact::Partial>(#value, #krate::redact::Partial { keep_last: #keep_last })
        },
        Strategy::Marker(marker) => {
            let marker = Ident::new(marker, span);
            quote_spanned!(span=> #krate::__private::redact_with::<_, #krate::redact::#marker>(#value, #krate::redact::#marker))
        }
    };
    (value, span)
}

pub fn debug_impl(container: &Container, krate: &TokenStream, generics: &Generics) -> TokenStream {
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::fmt::Debug for #ident #ty_generics #where_clause {
            fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #krate::__private::debug_redacted(self, __formatter)
            }
        }
    }
}
