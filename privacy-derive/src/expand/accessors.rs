//! `visit_subjects` and `collected_at`: how the runtime finds whose a record is and when it
//! was collected. Generated only for types that have such fields; the trait's defaults say
//! "none" for the rest.

use super::pattern::{Record, binding, dispatch, records};
use crate::internals::ast::{Container, Field};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

pub fn visit_subjects(container: &Container, krate: &TokenStream) -> TokenStream {
    let reads = |field: &Field| field.attrs.subject.is_some() || field.attrs.nested.is_some();
    if !container.fields().iter().any(|(_, field)| reads(field)) {
        return TokenStream::new();
    }
    let body = |record: &Record| {
        let calls: Vec<TokenStream> = record
            .fields
            .iter()
            .filter(|field| reads(field))
            .map(|field| {
                let (value, index) = (binding(field), field.index);
                // At the field for errors; resolved at the call site so that `__visit` is found
                // when the field's tokens come from a `macro_rules!` expansion.
                let span = field.ty.span().resolved_at(proc_macro2::Span::call_site());
                if field.attrs.nested.is_some() {
                    quote_spanned!(span=> #krate::__private::nested_subjects(#value, __visit);)
                } else {
                    quote_spanned! {span=>
                        if let ::core::option::Option::Some(__id) = #krate::__private::subject_of(#value) {
                            __visit(&<Self as #krate::Classified>::DESCRIPTOR.fields[#index], __id);
                        }
                    }
                }
            })
            .collect();
        (!calls.is_empty()).then(|| quote!(#(#calls)*))
    };
    let walk = dispatch(container, &reads, &body, &quote!({}));
    quote! {
        fn visit_subjects(
            &self,
            __visit: &mut dyn ::core::ops::FnMut(&'static #krate::FieldDescriptor, #krate::SubjectId),
        ) {
            #walk
        }
    }
}

pub fn collected_at(container: &Container, krate: &TokenStream) -> TokenStream {
    let fields = container.fields();
    if !fields
        .iter()
        .any(|(_, field)| field.attrs.collected_at.is_some() || field.attrs.nested.is_some())
    {
        return TokenStream::new();
    }
    // A record's own instant wins; without one, its nested values' are tried in order.
    let source = |record: &Record| -> Vec<usize> {
        match record
            .fields
            .iter()
            .position(|field| field.attrs.collected_at.is_some())
        {
            Some(own) => vec![own],
            None => (0..record.fields.len())
                .filter(|&position| record.fields[position].attrs.nested.is_some())
                .collect(),
        }
    };
    let read: Vec<usize> = records(container)
        .iter()
        .flat_map(|record| {
            source(record)
                .into_iter()
                .map(|position| record.fields[position].index)
        })
        .collect();
    let reads = |field: &Field| read.contains(&field.index);
    let body = |record: &Record| {
        let mut reads = source(record).into_iter().map(|position| {
            let field = &record.fields[position];
            let (value, ty) = (binding(field), field.ty);
            if field.attrs.nested.is_some() {
                quote_spanned!(ty.span()=> #krate::__private::nested_collected_at(#value))
            } else {
                quote_spanned!(ty.span()=> #krate::__private::instant_of(#value))
            }
        });
        let first = reads.next()?;
        Some(reads.fold(
            first,
            |found, next| quote!(#krate::__private::earliest(#found, #next)),
        ))
    };
    let walk = dispatch(
        container,
        &reads,
        &body,
        &quote!(::core::option::Option::None),
    );
    quote! {
        fn collected_at(&self) -> ::core::option::Option<#krate::__private::chrono::DateTime<#krate::__private::chrono::Utc>> {
            #walk
        }
    }
}

/// `tenant`: the tenant a table-mapped row belongs to, read from its `tenant` field.
pub fn tenant(container: &Container, krate: &TokenStream) -> TokenStream {
    let Some((_, field)) = container
        .fields()
        .into_iter()
        .find(|(_, field)| field.attrs.tenant.is_some())
    else {
        return TokenStream::new();
    };
    let (member, ty) = (&field.member, field.ty);
    let read = quote_spanned!(ty.span()=> #krate::__private::tenant_of(&self.#member));
    quote! {
        fn tenant(&self) -> ::core::option::Option<&str> {
            ::core::option::Option::Some(#read)
        }
    }
}
