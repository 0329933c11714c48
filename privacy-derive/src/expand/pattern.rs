//! Destructuring `self`: one pattern per struct or variant, binding only the fields a
//! generated method reads, so that no binding is left unused.

use crate::internals::model::{FieldModel, Model, Record};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

/// The local a field is bound to.
pub fn binding(field: &FieldModel) -> Ident {
    format_ident!("__field{}", field.index, span = field.ty_span())
}

fn pattern(record: &Record, bind: &dyn Fn(&FieldModel) -> bool) -> TokenStream {
    let path = match record.variant {
        Some((_, variant)) => {
            let ident = variant.ident;
            quote!(Self::#ident)
        }
        None => quote!(Self),
    };
    let bound: Vec<&FieldModel> = record.fields.iter().filter(|field| bind(field)).collect();
    let members = bound.iter().map(|field| field.member);
    let bindings = bound.iter().map(|field| binding(field));
    let rest = (bound.len() < record.fields.len()).then(|| quote!(..));
    quote!(#path { #(#members: #bindings,)* #rest })
}

/// `self` destructured into each record, with `body` for the records it gives one, and
/// `fallback` for the rest (sharing one arm).
pub fn dispatch(
    model: &Model,
    bind: &dyn Fn(&FieldModel) -> bool,
    body: &dyn Fn(&Record) -> Option<TokenStream>,
    fallback: &TokenStream,
) -> TokenStream {
    if !model.is_enum {
        let record = &model.records[0];
        return match body(record) {
            Some(body) => {
                let pattern = pattern(record, bind);
                quote! {
                    let #pattern = self;
                    #body
                }
            }
            None => fallback.clone(),
        };
    }
    if model.records.is_empty() {
        return quote!(match *self {});
    }
    let mut arms = Vec::new();
    let mut rest = Vec::new();
    for record in &model.records {
        match body(record) {
            Some(body) => {
                let pattern = pattern(record, bind);
                arms.push(quote!(#pattern => { #body }));
            }
            None => rest.push(pattern(record, &|_| false)),
        }
    }
    let rest_arm = (!rest.is_empty()).then(|| quote!(#(#rest)|* => #fallback,));
    quote! {
        match self {
            #(#arms)*
            #rest_arm
        }
    }
}
