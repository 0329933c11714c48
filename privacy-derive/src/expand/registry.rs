//! The registry entry: every concrete classified type linked into a program can be found at
//! run time (data subjects' requests, reports) without being named.

use crate::internals::model::Model;
use proc_macro2::TokenStream;
use quote::quote;

/// The type with every lifetime filled with `'static`: how constants outside the impl name it.
/// Only for types without type or const parameters.
pub fn concrete_type(model: &Model) -> TokenStream {
    let ident = model.ident;
    let lifetimes: Vec<TokenStream> = model
        .generics
        .lifetimes()
        .map(|_| quote!('static))
        .collect();
    if lifetimes.is_empty() {
        quote!(#ident)
    } else {
        quote!(#ident<#(#lifetimes),*>)
    }
}

pub fn registration(model: &Model) -> TokenStream {
    if model.is_generic {
        return TokenStream::new();
    }
    let (concrete, krate) = (concrete_type(model), &model.krate);
    quote! {
        #krate::__private::inventory::submit! {
            #krate::__private::Registration {
                descriptor: <#concrete as #krate::Classified>::DESCRIPTOR,
            }
        }
    }
}
