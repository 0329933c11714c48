//! `visit_subjects`, `collected_at` and `tenant`: how the runtime finds whose a record is, when
//! it was collected and which tenant's it is. Generated only for types that have such fields;
//! the trait's defaults say "none" for the rest.

use super::pattern::{binding, dispatch};
use crate::internals::model::{FieldModel, Model, Record, Role};
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

pub fn visit_subjects(model: &Model) -> TokenStream {
    let reads = |field: &FieldModel| field.role == Role::Subject || field.is_nested();
    if !model.fields().any(reads) {
        return TokenStream::new();
    }
    let krate = &model.krate;
    let body = |record: &Record| {
        let calls: Vec<TokenStream> = record
            .fields
            .iter()
            .filter(|field| reads(field))
            .map(|field| {
                let (value, index) = (binding(field), field.index);
                // At the field for errors; resolved at the call site so that `__visit` is found
                // when the field's tokens come from a `macro_rules!` expansion.
                let span = field.ty_span().resolved_at(Span::call_site());
                if field.is_nested() {
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
    let walk = dispatch(model, &reads, &body, &quote!({}));
    quote! {
        fn visit_subjects(
            &self,
            __visit: &mut dyn ::core::ops::FnMut(&'static #krate::FieldDescriptor, #krate::SubjectId),
        ) {
            #walk
        }
    }
}

/// The fields a record's instant is read from: its own `collected_at`, else its nested values'
/// in order.
fn instant_sources<'r, 'a>(record: &'r Record<'a>) -> Vec<&'r FieldModel<'a>> {
    match record
        .fields
        .iter()
        .find(|field| field.role == Role::CollectedAt)
    {
        Some(own) => vec![own],
        None => record
            .fields
            .iter()
            .filter(|field| field.is_nested())
            .collect(),
    }
}

pub fn collected_at(model: &Model) -> TokenStream {
    if !model.reads_instants() {
        return TokenStream::new();
    }
    let krate = &model.krate;
    let read: Vec<usize> = model
        .records
        .iter()
        .flat_map(|record| instant_sources(record).into_iter().map(|field| field.index))
        .collect();
    let reads = |field: &FieldModel| read.contains(&field.index);
    let body = |record: &Record| {
        let mut reads = instant_sources(record).into_iter().map(|field| {
            let (value, span) = (binding(field), field.ty_span());
            if field.is_nested() {
                quote_spanned!(span=> #krate::__private::nested_collected_at(#value))
            } else {
                quote_spanned!(span=> #krate::__private::instant_of(#value))
            }
        });
        let first = reads.next()?;
        Some(reads.fold(
            first,
            |found, next| quote!(#krate::__private::earliest(#found, #next)),
        ))
    };
    let walk = dispatch(model, &reads, &body, &quote!(::core::option::Option::None));
    quote! {
        fn collected_at(&self) -> ::core::option::Option<#krate::__private::chrono::DateTime<#krate::__private::chrono::Utc>> {
            #walk
        }
    }
}

/// `tenant`: the tenant a table-mapped row belongs to, read from its `tenant` field.
pub fn tenant(model: &Model) -> TokenStream {
    let Some(field) = model.field_with(Role::Tenant) else {
        return TokenStream::new();
    };
    let (krate, member) = (&model.krate, field.member);
    let read = quote_spanned!(field.ty_span()=> #krate::__private::tenant_of(&self.#member));
    quote! {
        fn tenant(&self) -> ::core::option::Option<&str> {
            ::core::option::Option::Some(#read)
        }
    }
}
