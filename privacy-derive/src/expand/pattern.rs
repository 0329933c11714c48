//! Destructuring `self`: one pattern per struct or variant, binding only the fields a
//! generated method reads, so that no binding is left unused.

use crate::internals::ast::{Container, Data, Field, Variant};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use syn::spanned::Spanned;

/// A struct or one enum variant: what a value of the type can be.
pub struct Record<'c, 'a> {
    pub variant: Option<(usize, &'c Variant<'a>)>,
    pub fields: &'c [Field<'a>],
}

pub fn records<'c, 'a>(container: &'c Container<'a>) -> Vec<Record<'c, 'a>> {
    match &container.data {
        Data::Struct(_, fields) => vec![Record {
            variant: None,
            fields,
        }],
        Data::Enum(variants) => variants
            .iter()
            .enumerate()
            .map(|(position, variant)| Record {
                variant: Some((position, variant)),
                fields: &variant.fields,
            })
            .collect(),
    }
}

/// The local a field is bound to.
pub fn binding(field: &Field) -> Ident {
    format_ident!("__field{}", field.index, span = field.ty.span())
}

fn pattern(record: &Record, bind: &dyn Fn(&Field) -> bool) -> TokenStream {
    let path = match record.variant {
        Some((_, variant)) => {
            let ident = variant.ident;
            quote!(Self::#ident)
        }
        None => quote!(Self),
    };
    let bound: Vec<&Field> = record.fields.iter().filter(|field| bind(field)).collect();
    let members = bound.iter().map(|field| &field.member);
    let bindings = bound.iter().map(|field| binding(field));
    let rest = (bound.len() < record.fields.len()).then(|| quote!(..));
    quote!(#path { #(#members: #bindings,)* #rest })
}

/// `self` destructured into each record, with `body` for the records it gives one, and
/// `fallback` for the rest (sharing one arm).
pub fn dispatch(
    container: &Container,
    bind: &dyn Fn(&Field) -> bool,
    body: &dyn Fn(&Record) -> Option<TokenStream>,
    fallback: &TokenStream,
) -> TokenStream {
    let records = records(container);
    if let Data::Struct(..) = container.data {
        let record = &records[0];
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
    if records.is_empty() {
        return quote!(match *self {});
    }
    let mut arms = Vec::new();
    let mut rest = Vec::new();
    for record in &records {
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
