//! The derive's pipeline (parse → model → check → expand) outside a proc-macro context.
//!
//! A proc-macro crate cannot be called from ordinary code, so this crate compiles the derive's
//! own `internals` and `expand` modules from their source files and exposes them on
//! `proc_macro2` token streams: the fuzz target, the adversarial property tests and the
//! expansion snapshots all drive exactly the code the compiler runs.

#[allow(dead_code, missing_docs)]
#[path = "../../../privacy-derive/src/expand/mod.rs"]
mod expand;
#[allow(dead_code, missing_docs)]
#[path = "../../../privacy-derive/src/internals/mod.rs"]
mod internals;
#[allow(dead_code, missing_docs)]
#[path = "../../../privacy-derive/src/unclassified.rs"]
mod unclassified;

use proc_macro2::TokenStream;

/// What `#[derive(Classified)]` generates for `input` (an item's tokens, attributes included):
/// the impls, or `compile_error!`s beside a stub impl.
#[must_use]
pub fn derive(input: TokenStream) -> TokenStream {
    match syn::parse2::<syn::DeriveInput>(input) {
        Ok(input) => expand::derive(&input),
        Err(error) => error.to_compile_error(),
    }
}

/// What `#[derive(Unclassified)]` generates for `input`.
#[must_use]
pub fn derive_unclassified(input: TokenStream) -> TokenStream {
    match syn::parse2::<syn::DeriveInput>(input) {
        Ok(input) => unclassified::derive(&input),
        Err(error) => error.to_compile_error(),
    }
}
