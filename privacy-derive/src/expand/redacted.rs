//! `visit_redacted` and `Debug`: every way a value leaves the process goes through one walk
//! in which each field is already wrapped by its strategy.

use super::pattern::{binding, dispatch};
use crate::internals::ast::Style;
use crate::internals::model::{FieldModel, Model, Record, Redaction, Treatment};
use crate::internals::respan::respan;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Generics;

pub fn visit_redacted(model: &Model, inline_checks: &TokenStream) -> TokenStream {
    let (krate, type_name) = (&model.krate, model.name);
    let body = |record: &Record| {
        let variant = match record.variant {
            Some((position, variant)) => {
                let position = u32::try_from(position).unwrap_or(u32::MAX);
                let name = &variant.name;
                quote!(::core::option::Option::Some((#position, #name)))
            }
            None => quote!(::core::option::Option::None),
        };
        let shape = Ident::new(
            match record.style {
                Style::Named => "Named",
                Style::Tuple => "Tuple",
                Style::Unit => "Unit",
            },
            Span::call_site(),
        );
        let visited: Vec<&FieldModel> = record
            .fields
            .iter()
            .filter(|field| field.is_visited())
            .collect();
        let len = visited.len();
        let visits = visited.iter().map(|field| {
            let index = field.index;
            let (value, span) = field_value(field, krate);
            // Spanned like the value, so that a bound the value's wrapper misses is reported
            // at the field, not at the derive; resolved at the call site, so that `__visitor`
            // is found when the field's tokens come from a `macro_rules!` expansion.
            let span = span.resolved_at(Span::call_site());
            quote_spanned!(span=> __visitor.field(&__fields[#index], &#value);)
        });
        let fields = (len > 0)
            .then(|| quote!(let __fields = <Self as #krate::Classified>::DESCRIPTOR.fields;));
        Some(quote! {
            #fields
            __visitor.begin(#krate::__private::Item {
                type_name: #type_name,
                variant: #variant,
                shape: #krate::__private::Shape::#shape,
                len: #len,
            });
            #(#visits)*
        })
    };
    let walk = dispatch(
        model,
        &|field| field.is_visited(),
        &body,
        &TokenStream::new(),
    );
    let unclassified = shown_types_unclassified(model);
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
fn shown_types_unclassified(model: &Model) -> TokenStream {
    let checks: Vec<TokenStream> = model
        .fields()
        .filter(|field| matches!(field.treatment, Treatment::Shown))
        .map(|field| {
            let ty = field.ty;
            let span = field.ty_span().resolved_at(Span::call_site());
            let krate = respan(model.krate.clone(), span);
            quote_spanned! {span=>
                #krate::__private::shown_unclassified((&&#krate::__private::Probe::<#ty>::NEW).finding());
            }
        })
        .collect();
    if checks.is_empty() {
        return TokenStream::new();
    }
    let krate = &model.krate;
    quote! {
        use #krate::__private::{ProbeAny as _, ProbeClassified as _};
        #(#checks)*
    }
}

/// The field's value as it may leave the process, and where a type error about it belongs: at
/// the strategy for a strategy the type does not support, at the type otherwise.
fn field_value(field: &FieldModel, krate: &TokenStream) -> (TokenStream, Span) {
    let value = binding(field);
    let ty_span = field.ty_span();
    let (wrapper, span) = match field.treatment {
        Treatment::Secret => (quote_spanned!(ty_span=> secret(#value)), ty_span),
        Treatment::Nested => (quote_spanned!(ty_span=> nested(#value)), ty_span),
        Treatment::Shown | Treatment::Skipped => (quote_spanned!(ty_span=> shown(#value)), ty_span),
        Treatment::Redacted(Redaction::Mask, span) => (quote!(masked(#value)), span),
        // The strategy is named in the turbofish, so that a type that supports only another
        // strategy is reported as unsupported, not inferred to want that other strategy.
        Treatment::Redacted(Redaction::Partial(keep_last), span) => {
            let krate = at(krate, span);
            let wrapper = quote_spanned! {span=>
                redact_with::<_, #krate::redact::Partial>(#value, #krate::redact::Partial { keep_last: #keep_last })
            };
            (wrapper, span)
        }
        Treatment::Redacted(Redaction::Marker(marker), span) => {
            let (krate, marker) = (at(krate, span), Ident::new(marker, span));
            let wrapper = quote_spanned!(span=> redact_with::<_, #krate::redact::#marker>(#value, #krate::redact::#marker));
            (wrapper, span)
        }
    };
    let krate = at(krate, span);
    (quote_spanned!(span=> #krate::__private::#wrapper), span)
}

/// The runtime's path located at `span` (resolved at the derive, so lints on paths the user did
/// not write stay quiet): an expression spanning two places is reported at the derive.
fn at(krate: &TokenStream, span: Span) -> TokenStream {
    respan(krate.clone(), span.resolved_at(Span::call_site()))
}

pub fn debug_impl(model: &Model, generics: &Generics) -> TokenStream {
    let (ident, krate) = (model.ident, &model.krate);
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
