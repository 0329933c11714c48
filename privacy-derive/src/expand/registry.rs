//! The registry entry: every concrete classified type linked into a program can be found at
//! run time (data subjects' requests, reports) without being named.

use crate::internals::ast::Container;
use proc_macro2::TokenStream;
use quote::quote;

/// The type with every lifetime filled with `'static`: how constants outside the impl name it.
/// Only for types without type or const parameters.
pub fn concrete_type(container: &Container) -> TokenStream {
    let ident = container.ident;
    let lifetimes: Vec<TokenStream> = container
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

pub fn registration(container: &Container, krate: &TokenStream) -> TokenStream {
    if container.is_generic() {
        return TokenStream::new();
    }
    let concrete = concrete_type(container);
    quote! {
        #krate::__private::inventory::submit! {
            #krate::__private::Registration {
                descriptor: <#concrete as #krate::Classified>::DESCRIPTOR,
            }
        }
    }
}
